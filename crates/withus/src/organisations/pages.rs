//! Organisation pages: the site-wide list, creating one, its overview and its members.

use crate::web::Ids;
use crate::web::forms::Form;
use askama::Template;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, CreateError, NewOrganisationSetup};
use super::domain::{OrganisationKind, OrganisationName, OrganisationNameProblem, Role};
use super::storage::{self, InvitationRow, OrganisationRow};
use crate::accounts::{self, MemberRow};
use crate::state::AppState;
use crate::web::access::Permission;
use crate::web::components::Tag;
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

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

pub async fn new_submit(
    State(state): State<AppState>,
    Extension(setup): Extension<NewOrganisationSetup>,
    page: Page,
    Form(form): Form<NewForm>,
) -> AppResult {
    let mut errors = FormErrors::default();
    let name = match OrganisationName::parse(&form.name) {
        Ok(name) => Some(name),
        Err(OrganisationNameProblem::Empty) => {
            errors.add("name", page.t("organisation-error-name-empty"));
            None
        }
        Err(OrganisationNameProblem::TooLong) => {
            errors.add("name", page.t("organisation-error-name-too-long"));
            None
        }
    };
    let kind = OrganisationKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", page.t("organisation-error-kind"));
    }
    let mut tx = state.db.begin().await?;
    if let Some(name) = &name
        && commands::name_taken(&mut tx.ex(), name).await?
    {
        errors.add("name", page.t("organisation-error-name-taken"));
    }
    let again = |page: Page, errors: FormErrors| {
        let kinds = kinds(&page, &form.kind);
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            NewPage {
                page: page.with_errors(errors),
                name: form.name.clone(),
                kinds,
            },
        )
    };
    let (Some(name), Some(kind), true) = (name, kind, errors.is_empty()) else {
        return again(page, errors);
    };
    let id = match commands::create(&mut tx.ex(), page.ctx.actor(), &name, kind, setup).await {
        Ok(id) => id,
        Err(CreateError::NameTaken) => {
            let mut errors = FormErrors::default();
            errors.add("name", page.t("organisation-error-name-taken"));
            return again(page, errors);
        }
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
pub fn invitable_roles() -> [Role; 5] {
    Role::ALL
}
