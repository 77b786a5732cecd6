//! Inviting people into an organisation with a role, and accepting an invitation.

use crate::web::Ids;
use crate::web::forms::{Form, Problem};
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
use crate::accounts::domain::{DisplayName, DisplayNameProblem, EmailAddress, check_new_password};
use crate::accounts::sign_in::signed_in_response;
use crate::security::passwords::NewPassword;
use crate::security::tokens;
use crate::state::AppState;
use crate::web::page::{render_invalid, render_status};
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

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

/// Who to invite and with which role. `already_member` says whether the address as typed already
/// belongs to a member, looked up before the check so that the check stays pure.
fn check_invitation(
    form: &InviteForm,
    already_member: bool,
) -> Result<(EmailAddress, Role), Vec<Problem>> {
    let mut problems = Vec::new();
    let email = EmailAddress::parse(&form.email)
        .map_err(|problem| problems.push(Problem::new("email", problem.message_key())))
        .ok();
    let role = Role::parse(&form.role);
    if role.is_none() {
        problems.push(Problem::new("role", "invite-error-role"));
    }
    if email.is_some() && already_member {
        problems.push(already_a_member());
    }
    match (email, role) {
        (Some(email), Some(role)) if problems.is_empty() => Ok((email, role)),
        _ => Err(problems),
    }
}

fn already_a_member() -> Problem {
    Problem::new("email", "invite-error-already-member")
}

pub async fn invite_submit(
    State(state): State<AppState>,
    page: Page,
    Ids(org_id): Ids<Uuid>,
    Form(form): Form<InviteForm>,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let mut tx = state.db.begin().await?;
    let already_member = match EmailAddress::parse(&form.email) {
        Ok(email) => commands::already_member(&mut tx.ex(), org_id, &email).await?,
        Err(_) => false,
    };
    let again = |page: Page, problems: &[Problem], organisation: OrganisationRow| {
        let roles = roles(&page, &form.role);
        render_invalid(InvitePage {
            page: page.with_problems(problems),
            organisation,
            email: form.email.clone(),
            roles,
        })
    };
    let (email, role) = match check_invitation(&form, already_member) {
        Ok(checked) => checked,
        Err(problems) => return again(page, &problems, organisation),
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
        Err(InviteError::AlreadyMember) => return again(page, &[already_a_member()], organisation),
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

/// The name and password of the account an invitation creates.
fn check_new_account(form: &AcceptForm) -> Result<(DisplayName, NewPassword), Vec<Problem>> {
    let mut problems = Vec::new();
    let name = DisplayName::parse(&form.name)
        .map_err(|problem| {
            let key = match problem {
                DisplayNameProblem::Empty => "name-error-empty",
                DisplayNameProblem::TooLong => "name-error-too-long",
            };
            problems.push(Problem::new("name", key));
        })
        .ok();
    match check_new_password(&form.password, &form.confirm_password) {
        Ok(password) => match name {
            Some(name) if problems.is_empty() => Ok((name, password)),
            _ => Err(problems),
        },
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
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
            let (name, password) = match check_new_account(&form) {
                Ok(checked) => checked,
                Err(problems) => {
                    let role_label = page.t(role.message_key());
                    return render_invalid(AcceptPage {
                        page: page.with_problems(&problems),
                        invitation,
                        role_label,
                        token,
                        name: form.name,
                        acceptance,
                    });
                }
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
