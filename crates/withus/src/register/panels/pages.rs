//! Panels: the public list and page of each panel, and an organisation's own panels.

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use uuid::Uuid;

use super::{CreatePanelError, NewPanel};
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::organisations::{self, OrganisationRow};
use crate::register::domain::MembershipStatus;
use crate::register::form_checks::done;
use crate::register::panels::storage::PanelRow;
use crate::register::panels::storage::PartnerRow;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(M::GET, "/panels", Public, get(public_list)),
        route(M::GET, "/panels/{panel_id}", Public, get(public_page)),
        route(
            M::GET,
            "/organisations/{org_id}/panels",
            Organisation(ViewRegister),
            get(organisation_list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/panels/new",
            Organisation(ManagePanels),
            get(new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/panels/new",
            Organisation(ManagePanels),
            post(new_submit),
        ),
    ]
}

#[derive(Template)]
#[template(path = "register/panels/templates/panels_public.html")]
struct PublicListPage {
    page: Page,
    panels: Vec<PanelRow>,
}

#[derive(Template)]
#[template(path = "register/panels/templates/panel_public.html")]
struct PublicPanelPage {
    page: Page,
    panel: PanelRow,
    partners: Vec<PartnerRow>,
}

/// A panel with how many people are in each status.
pub struct PanelSummary {
    pub panel: PanelRow,
    pub active: i64,
    pub paused: i64,
    pub left: i64,
}

#[derive(Template)]
#[template(path = "register/panels/templates/panels.html")]
struct OrganisationPanelsPage {
    page: Page,
    organisation: OrganisationRow,
    panels: Vec<PanelSummary>,
    can_create: bool,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "register/panels/templates/panel_new.html")]
struct NewPanelPage {
    page: Page,
    organisation: OrganisationRow,
    name: String,
    description: String,
    open: Vec<Choice>,
    partners: Vec<Choice>,
}

pub async fn public_list(State(state): State<AppState>, page: Page) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let panels = crate::register::panels::storage::open_panels(&mut conn.ex()).await?;
    render(PublicListPage { page, panels })
}

/// A panel the public may see: one open to sign-up.
pub async fn load_open_panel(state: &AppState, id: &str) -> Result<PanelRow, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    crate::register::panels::storage::find_panel(&mut conn.ex(), id)
        .await?
        .filter(|p| p.open_to_sign_up)
        .ok_or(AppError::NotFound)
}

/// A panel of the organisation in the path; any other panel is not found.
pub async fn load_panel_of(
    state: &AppState,
    organisation: Uuid,
    id: &str,
) -> Result<PanelRow, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    crate::register::panels::storage::find_panel(&mut conn.ex(), id)
        .await?
        .filter(|p| p.organisation_id == organisation)
        .ok_or(AppError::NotFound)
}

pub async fn public_page(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let mut conn = state.db.acquire().await?;
    let partners = crate::register::panels::storage::partners_of(&mut conn.ex(), panel.id).await?;
    render(PublicPanelPage {
        page,
        panel,
        partners,
    })
}

async fn count_by_status(state: &AppState, panel: Uuid) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let mut conn = state.db.acquire().await?;
    super::count_by_status(&mut conn.ex(), panel).await
}

pub async fn organisation_list(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let rows = {
        let mut conn = state.db.acquire().await?;
        super::panels_of(&mut conn.ex(), org_id).await?
    };
    let mut panels = Vec::new();
    for panel in rows {
        let counts = count_by_status(&state, panel.id).await?;
        let count = |status: MembershipStatus| {
            counts
                .iter()
                .find(|(s, _)| s == status.as_str())
                .map(|(_, n)| *n)
                .unwrap_or(0)
        };
        panels.push(PanelSummary {
            active: count(MembershipStatus::Active),
            paused: count(MembershipStatus::Paused),
            left: count(MembershipStatus::Left),
            panel,
        });
    }
    render(OrganisationPanelsPage {
        can_create: allowed(&page, org_id, Permission::ManagePanels),
        can_manage: allowed(&page, org_id, Permission::ManageRegister),
        page,
        organisation,
        panels,
    })
}

async fn partner_choices(
    state: &AppState,
    organisation: Uuid,
    chosen: &[String],
) -> Result<Vec<Choice>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(organisations::list(&mut conn.ex())
        .await?
        .into_iter()
        .filter(|o| o.id != organisation)
        .map(|o| {
            let id = o.id.to_string();
            let checked = chosen.contains(&id);
            Choice::new(id, o.name, checked)
        })
        .collect())
}

fn open_choices(page: &Page, open: bool) -> Vec<Choice> {
    vec![
        Choice::new("yes", page.t("panel-open-yes"), open),
        Choice::new("no", page.t("panel-open-no"), !open),
    ]
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let partners = partner_choices(&state, org_id, &[]).await?;
    render(NewPanelPage {
        open: open_choices(&page, true),
        page,
        organisation,
        name: String::new(),
        description: String::new(),
        partners,
    })
}

pub const PANEL_NAME_MAX_CHARS: usize = 120;
pub const PANEL_DESCRIPTION_MAX_CHARS: usize = 2000;

/// A new panel as staff described it, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct PanelAnswers {
    pub name: String,
    pub description: String,
    pub open: bool,
    pub partners: Vec<Uuid>,
}

/// Checks the new panel form against the organisation's `existing` panels, whose names a new
/// panel may not take. The organisation cannot be its own partner.
pub fn check(
    form: &[(String, String)],
    existing: &[PanelRow],
    organisation: Uuid,
) -> Result<PanelAnswers, Vec<Problem>> {
    let name = one_of(form, "name");
    let description = one_of(form, "description");
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push(Problem::new("name", "panel-error-name-empty"));
    } else if name.chars().count() > PANEL_NAME_MAX_CHARS {
        problems.push(Problem::new("name", "panel-error-name-too-long"));
    }
    if description.chars().count() > PANEL_DESCRIPTION_MAX_CHARS {
        problems.push(Problem::new(
            "description",
            "panel-error-description-too-long",
        ));
    }
    if existing.iter().any(|p| p.name.eq_ignore_ascii_case(&name)) {
        problems.push(Problem::new("name", "panel-error-name-taken"));
    }
    let partners = all_of(form, "partners")
        .iter()
        .filter_map(|p| Uuid::parse_str(p).ok())
        .filter(|p| *p != organisation)
        .collect();
    done(problems, || PanelAnswers {
        name,
        description,
        open: one_of(form, "open") != "no",
        partners,
    })
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let form = pairs(&body);
    let existing = {
        let mut conn = state.db.acquire().await?;
        super::panels_of(&mut conn.ex(), org_id).await?
    };
    let answers = match check(&form, &existing, org_id) {
        Ok(answers) => answers,
        Err(problems) => {
            return new_panel_again(&state, page, organisation, &form, &problems).await;
        }
    };
    let mut tx = state.db.begin().await?;
    let created = super::create(
        &mut tx.ex(),
        page.ctx.actor(),
        NewPanel {
            organisation: org_id,
            name: &answers.name,
            description: &answers.description,
            open_to_sign_up: answers.open,
            partners: &answers.partners,
        },
    )
    .await;
    match created {
        Ok(_) => tx.commit().await?,
        Err(CreatePanelError::NameTaken) => {
            // Another panel took the name since the check above.
            let problems = [Problem::new("name", "panel-error-name-taken")];
            return new_panel_again(&state, page, organisation, &form, &problems).await;
        }
        Err(CreatePanelError::Database(error)) => return Err(error.into()),
    }
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/panels"),
        "flash-panel-created",
    ))
}

/// The new panel form again, with the answers as typed and what is wrong with them.
async fn new_panel_again(
    state: &AppState,
    page: Page,
    organisation: OrganisationRow,
    form: &[(String, String)],
    problems: &[Problem],
) -> AppResult {
    let partners = partner_choices(state, organisation.id, &all_of(form, "partners")).await?;
    let errors = FormErrors::from_problems(page.locale(), problems);
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        NewPanelPage {
            open: open_choices(&page, one_of(form, "open") != "no"),
            page: page.with_errors(errors),
            organisation,
            name: one_of(form, "name"),
            description: one_of(form, "description"),
            partners,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_panel_needs_a_name_of_its_own_and_no_self_partnership() {
        let organisation = Uuid::new_v4();
        let partner = Uuid::new_v4();
        let existing = PanelRow {
            id: Uuid::new_v4(),
            organisation_id: organisation,
            organisation_name: "Northtown Council".into(),
            name: "Housing panel".into(),
            description: String::new(),
            open_to_sign_up: true,
            created_at: crate::db::now(),
        };
        let form = |name: &str| -> Vec<(String, String)> {
            vec![
                ("name".into(), name.into()),
                ("open".into(), "no".into()),
                ("partners".into(), organisation.to_string()),
                ("partners".into(), partner.to_string()),
            ]
        };
        let taken = check(
            &form("housing PANEL"),
            std::slice::from_ref(&existing),
            organisation,
        );
        let problems = taken.unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "panel-error-name-taken");
        let answers = check(&form("Transport panel"), &[existing], organisation).unwrap();
        assert_eq!(answers.partners, vec![partner]);
        assert!(!answers.open);
    }
}
