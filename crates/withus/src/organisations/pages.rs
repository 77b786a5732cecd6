//! Organisation pages: the site-wide list, creating one, its overview and its members.

use crate::web::Ids;
use crate::web::forms::{Form, Problem};
use askama::Template;
use axum::extract::{Extension, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, CreateError, NewOrganisationSetup};
use super::domain::{OrganisationKind, OrganisationName, OrganisationNameProblem, Role};
use super::storage::{self, InvitationRow, OrganisationRow};
use crate::accounts::{self, MemberRow};
use crate::state::AppState;
use crate::web::access::Permission;
use crate::web::components::Tag;
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

#[derive(Template)]
#[template(path = "organisations/templates/list.html")]
struct ListPage {
    page: Page,
    organisations: Vec<(OrganisationRow, String)>,
}

#[derive(Template)]
#[template(path = "organisations/templates/new.html")]
struct NewPage {
    page: Page,
    name: String,
    /// Value, label, and whether it is the answer already given.
    kinds: Vec<(&'static str, String, bool)>,
}

#[derive(Template)]
#[template(path = "organisations/templates/show.html")]
struct ShowPage {
    page: Page,
    organisation: OrganisationRow,
    kind_label: String,
    role_tag: Option<Tag>,
    can_view_members: bool,
    can_invite: bool,
    can_view_audit: bool,
    /// Panel register links.
    can_view_register: bool,
    can_manage_register: bool,
    can_handle_requests: bool,
    /// Diversity at a glance, monitoring questions and population benchmarks.
    can_view_diversity: bool,
    can_manage_questions: bool,
    /// Choosing working groups fairly.
    can_run_selection: bool,
    /// Engagements, and the choice of ladder labels.
    can_view_engagements: bool,
    can_choose_labels: bool,
    /// Payments due, approvals and payment runs.
    can_manage_payments: bool,
    /// The rate card and payment settings.
    can_set_payment_rates: bool,
    can_view_spend: bool,
}

#[derive(Template)]
#[template(path = "organisations/templates/members.html")]
struct MembersPage {
    page: Page,
    organisation: OrganisationRow,
    members: Vec<(MemberRow, String)>,
    invitations: Vec<(InvitationRow, String, String)>,
    can_invite: bool,
}

pub async fn load(state: &AppState, id: Uuid) -> Result<OrganisationRow, AppError> {
    let mut conn = state.db.acquire().await?;
    storage::find(&mut conn.ex(), id)
        .await?
        .ok_or(AppError::NotFound)
}

pub use crate::web::access::allowed;

pub async fn list(State(state): State<AppState>, page: Page) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let organisations = storage::list(&mut conn.ex())
        .await?
        .into_iter()
        .map(|o| {
            let label = page.t(o.kind.message_key());
            (o, label)
        })
        .collect();
    render(ListPage {
        page,
        organisations,
    })
}

fn kinds(page: &Page, chosen: &str) -> Vec<(&'static str, String, bool)> {
    OrganisationKind::ALL
        .iter()
        .map(|k| (k.as_str(), page.t(k.message_key()), k.as_str() == chosen))
        .collect()
}

pub async fn new_form(page: Page) -> AppResult {
    let kinds = kinds(&page, "");
    render(NewPage {
        page,
        name: String::new(),
        kinds,
    })
}

#[derive(Deserialize)]
pub struct NewForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
}

/// A new organisation's name and kind. `taken` says whether the name as typed is already in use,
/// looked up before the check so that the check stays pure.
fn check(
    form: &NewForm,
    taken: bool,
) -> Result<(OrganisationName, OrganisationKind), Vec<Problem>> {
    let mut problems = Vec::new();
    let name = OrganisationName::parse(&form.name)
        .map_err(|problem| {
            let key = match problem {
                OrganisationNameProblem::Empty => "organisation-error-name-empty",
                OrganisationNameProblem::TooLong => "organisation-error-name-too-long",
            };
            problems.push(Problem::new("name", key));
        })
        .ok();
    let kind = OrganisationKind::parse(&form.kind);
    if kind.is_none() {
        problems.push(Problem::new("kind", "organisation-error-kind"));
    }
    if name.is_some() && taken {
        problems.push(name_taken());
    }
    match (name, kind) {
        (Some(name), Some(kind)) if problems.is_empty() => Ok((name, kind)),
        _ => Err(problems),
    }
}

fn name_taken() -> Problem {
    Problem::new("name", "organisation-error-name-taken")
}

pub async fn new_submit(
    State(state): State<AppState>,
    Extension(setup): Extension<NewOrganisationSetup>,
    page: Page,
    Form(form): Form<NewForm>,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    let taken = match OrganisationName::parse(&form.name) {
        Ok(name) => commands::name_taken(&mut tx.ex(), &name).await?,
        Err(_) => false,
    };
    let again = |page: Page, problems: &[Problem]| {
        let kinds = kinds(&page, &form.kind);
        render_invalid(NewPage {
            page: page.with_problems(problems),
            name: form.name.clone(),
            kinds,
        })
    };
    let (name, kind) = match check(&form, taken) {
        Ok(checked) => checked,
        Err(problems) => return again(page, &problems),
    };
    let id = match commands::create(&mut tx.ex(), page.ctx.actor(), &name, kind, setup).await {
        Ok(id) => id,
        Err(CreateError::NameTaken) => return again(page, &[name_taken()]),
        Err(CreateError::Database(e)) => return Err(e.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{id}"),
        "flash-organisation-created",
    ))
}

pub async fn show(State(state): State<AppState>, page: Page, Ids(org_id): Ids<Uuid>) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let kind_label = page.t(organisation.kind.message_key());
    let role_tag = page
        .ctx
        .user
        .as_ref()
        .and_then(|u| u.role_in(org_id))
        .map(|r| Tag {
            text: page.t(r.message_key()),
            colour: Some("govuk-tag--blue"),
        });
    render(ShowPage {
        can_view_members: allowed(&page, org_id, Permission::ViewMembers),
        can_invite: allowed(&page, org_id, Permission::InviteMembers),
        can_view_audit: allowed(&page, org_id, Permission::ViewAuditLog),
        can_view_register: allowed(&page, org_id, Permission::ViewRegister),
        can_manage_register: allowed(&page, org_id, Permission::ManageRegister),
        can_handle_requests: allowed(&page, org_id, Permission::HandleDataRequests),
        can_view_diversity: allowed(&page, org_id, Permission::ViewDiversity),
        can_manage_questions: allowed(&page, org_id, Permission::ManageQuestions),
        can_run_selection: allowed(&page, org_id, Permission::RunSelection),
        can_view_engagements: allowed(&page, org_id, Permission::ViewEngagements),
        can_choose_labels: allowed(&page, org_id, Permission::ChooseLadderLabels),
        can_manage_payments: allowed(&page, org_id, Permission::ManagePayments),
        can_set_payment_rates: allowed(&page, org_id, Permission::SetPaymentRates),
        can_view_spend: allowed(&page, org_id, Permission::ViewSpend),
        page,
        organisation,
        kind_label,
        role_tag,
    })
}

pub async fn members(
    State(state): State<AppState>,
    page: Page,
    Ids(org_id): Ids<Uuid>,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let members = accounts::members_of(&mut conn.ex(), org_id)
        .await?
        .into_iter()
        .map(|m| {
            let role = page.t(m.role.message_key());
            (m, role)
        })
        .collect();
    let invitations = storage::pending_invitations(&mut conn.ex(), org_id)
        .await?
        .into_iter()
        .map(|i| {
            let role = page.t(i.role.message_key());
            let expires = crate::web::dates::format_date(i.expires_at, page.locale());
            (i, role, expires)
        })
        .collect();
    render(MembersPage {
        can_invite: allowed(&page, org_id, Permission::InviteMembers),
        page,
        organisation,
        members,
        invitations,
    })
}

/// Roles an inviter may offer, in the order they are listed.
pub fn invitable_roles() -> [Role; 6] {
    Role::ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(name: &str, kind: &str) -> NewForm {
        NewForm {
            name: name.into(),
            kind: kind.into(),
        }
    }

    #[test]
    fn a_taken_name_is_named_after_the_kind_and_only_for_a_usable_name() {
        let kind = OrganisationKind::ALL[0].as_str();
        assert!(check(&answers("Northtown Council", kind), false).is_ok());
        assert_eq!(
            check(&answers("Northtown Council", "nonsense"), true).unwrap_err(),
            [
                Problem::new("kind", "organisation-error-kind"),
                name_taken()
            ]
        );
        assert_eq!(
            check(&answers("  ", kind), true).unwrap_err(),
            [Problem::new("name", "organisation-error-name-empty")]
        );
    }
}
