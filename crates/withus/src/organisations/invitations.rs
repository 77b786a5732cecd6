//! Inviting people into an organisation with a role, and accepting an invitation.

use crate::web::Ids;
use crate::web::forms::Form;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, AcceptError, InvitationLink, InviteError};
use super::domain::Role;
use super::pages::{invitable_roles, load};
use super::storage::{self, InvitationRow, OrganisationRow};
use crate::accounts::commands as accounts;
use crate::accounts::domain::{DisplayName, DisplayNameProblem, EmailAddress};
use crate::accounts::sign_in::signed_in_response;
use crate::security::passwords::NewPassword;
use crate::security::tokens;
use crate::state::AppState;
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

#[derive(Template)]
#[template(path = "organisations/templates/invite.html")]
struct InvitePage {
    page: Page,
    organisation: OrganisationRow,
    email: String,
    /// Value, label, hint, and whether it is the answer already given.
    roles: Vec<(&'static str, String, String, bool)>,
}

/// What the person opening an invitation link can do.
enum Acceptance {
    /// No account yet: choose a name and password.
    CreateAccount,
    /// Signed in as the invited address: one button.
    Confirm,
    /// The address has an account: sign in first.
    SignInFirst,
    /// Signed in as someone else.
    WrongAccount,
}

#[derive(Template)]
#[template(path = "organisations/templates/accept.html")]
struct AcceptPage {
    page: Page,
    invitation: InvitationRow,
    role_label: String,
    token: String,
    name: String,
    acceptance: Acceptance,
}

#[derive(Template)]
#[template(path = "accounts/templates/link_expired.html")]
struct ExpiredPage {
    page: Page,
}

fn roles(page: &Page, chosen: &str) -> Vec<(&'static str, String, String, bool)> {
    invitable_roles()
        .iter()
        .map(|r| {
            (
                r.as_str(),
                page.t(r.message_key()),
                page.t(r.hint_key()),
                r.as_str() == chosen,
            )
        })
        .collect()
}

pub async fn invite_form(
    State(state): State<AppState>,
    page: Page,
    Ids(org_id): Ids<Uuid>,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let roles = roles(&page, "");
    render(InvitePage {
        page,
        organisation,
        email: String::new(),
        roles,
    })
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub async fn invite_submit(
    State(state): State<AppState>,
    page: Page,
    Ids(org_id): Ids<Uuid>,
    Form(form): Form<InviteForm>,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let mut errors = FormErrors::default();
    let email = EmailAddress::parse(&form.email)
        .map_err(|problem| errors.add("email", page.t(problem.message_key())))
        .ok();
    let role = Role::parse(&form.role);
    if role.is_none() {
        errors.add("role", page.t("invite-error-role"));
    }
    let mut tx = state.db.begin().await?;
    if let Some(email) = &email
        && commands::already_member(&mut tx.ex(), org_id, email).await?
    {
        errors.add("email", page.t("invite-error-already-member"));
    }
    let again = |page: Page, errors: FormErrors, organisation: OrganisationRow| {
        let roles = roles(&page, &form.role);
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            InvitePage {
                page: page.with_errors(errors),
                organisation,
                email: form.email.clone(),
                roles,
            },
        )
    };
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return again(page, errors, organisation);
    };
    let inviter = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let link = |secret: &str| state.link(&format!("/invitations/{secret}"));
    let invited = commands::invite(
        &mut tx.ex(),
        inviter,
        &organisation,
        &email,
        role,
        InvitationLink {
            link: &link,
            service_name: &state.config.service_name,
            fallback: page.locale(),
            door: state.door(),
        },
    )
    .await;
    match invited {
        Ok(_) => {}
        Err(InviteError::AlreadyMember) => {
            let mut errors = FormErrors::default();
            errors.add("email", page.t("invite-error-already-member"));
            return again(page, errors, organisation);
        }
        Err(InviteError::Database(e)) => return Err(e.into()),
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/members"),
        "flash-invitation-sent",
    ))
}

async fn open_invitation(state: &AppState, token: &str) -> Result<Option<InvitationRow>, AppError> {
    if !tokens::looks_valid(token) {
        return Ok(None);
    }
    let mut conn = state.db.acquire().await?;
    let invitation = storage::find_invitation(&mut conn.ex(), &tokens::hash(token)).await?;
    Ok(invitation.filter(|i| i.is_open(crate::db::now())))
}

async fn acceptance_for(
    state: &AppState,
    page: &Page,
    invitation: &InvitationRow,
) -> Result<Acceptance, AppError> {
    let mut conn = state.db.acquire().await?;
    let has_account = accounts::find_by_email(&mut conn.ex(), &invitation.email)
        .await?
        .is_some();
    Ok(match (&page.ctx.user, has_account) {
        (Some(user), _) if user.email == invitation.email => Acceptance::Confirm,
        (Some(_), _) => Acceptance::WrongAccount,
        (None, true) => Acceptance::SignInFirst,
        (None, false) => Acceptance::CreateAccount,
    })
}

pub async fn accept_form(
    State(state): State<AppState>,
    page: Page,
    Ids(token): Ids<String>,
) -> AppResult {
    let Some(invitation) = open_invitation(&state, &token).await? else {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    };
    let acceptance = acceptance_for(&state, &page, &invitation).await?;
    let role_label = page.t(invitation.role.message_key());
    render(AcceptPage {
        page,
        invitation,
        role_label,
        token,
        name: String::new(),
        acceptance,
    })
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn accept_submit(
    State(state): State<AppState>,
    page: Page,
    Ids(token): Ids<String>,
    Form(form): Form<AcceptForm>,
) -> AppResult {
    let Some(invitation) = open_invitation(&state, &token).await? else {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    };
    let acceptance = acceptance_for(&state, &page, &invitation).await?;
    let role = invitation.role;
    match acceptance {
        Acceptance::Confirm => {
            let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
            let mut tx = state.db.begin().await?;
            match commands::accept(&mut tx.ex(), &invitation, account).await {
                Ok(()) => {}
                Err(AcceptError::Expired) => {
                    return render_status(StatusCode::GONE, ExpiredPage { page });
                }
                Err(AcceptError::Database(e)) => return Err(e.into()),
            }
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{}", invitation.organisation_id),
                "flash-invitation-accepted",
            ))
        }
        Acceptance::SignInFirst | Acceptance::WrongAccount => Err(AppError::Forbidden),
        Acceptance::CreateAccount => {
            let mut errors = FormErrors::default();
            let name = match DisplayName::parse(&form.name) {
                Ok(name) => Some(name),
                Err(DisplayNameProblem::Empty) => {
                    errors.add("name", page.t("name-error-empty"));
                    None
                }
                Err(DisplayNameProblem::TooLong) => {
                    errors.add("name", page.t("name-error-too-long"));
                    None
                }
            };
            let password = NewPassword::parse(&form.password)
                .map_err(|problem| errors.add("password", page.t(problem.message_key())))
                .ok();
            if form.confirm_password != form.password {
                errors.add("confirm_password", page.t("password-error-mismatch"));
            }
            let (Some(name), Some(password), true) = (name, password, errors.is_empty()) else {
                let role_label = page.t(role.message_key());
                return render_status(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    AcceptPage {
                        page: page.with_errors(errors),
                        invitation,
                        role_label,
                        token,
                        name: form.name,
                        acceptance,
                    },
                );
            };
            let hash = tokio::task::spawn_blocking(move || password.hash())
                .await
                .map_err(anyhow::Error::from)?;
            let session = tokens::issue();
            let mut tx = state.db.begin().await?;
            let created = commands::accept_with_new_account(
                &mut tx.ex(),
                &invitation,
                name.as_str(),
                &hash,
                page.locale(),
                &session.hash,
            )
            .await;
            match created {
                Ok(_) => {}
                Err(AcceptError::Expired) => {
                    return render_status(StatusCode::GONE, ExpiredPage { page });
                }
                Err(AcceptError::Database(e)) => return Err(e.into()),
            }
            tx.commit().await?;
            Ok(signed_in_response(
                &state,
                &session.secret,
                &format!("/organisations/{}", invitation.organisation_id),
            ))
        }
    }
}
