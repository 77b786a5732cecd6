//! Pages for working groups: the list, starting one, and one working group's page, which walks
//! through the steps (quotas, fair chances, the draw, invitations) and takes the actions.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, CreateError};
use super::new_form;
use super::pool::{self, Feature};
use super::quotas::Quotas;
use super::run::{self, DrawRefused, InviteRefused, Outcome, RunError, StartRefused};
use super::storage::{self, RunRow, RunStatus, SelectionRow};
use crate::i18n::{Arg, Locale};
use crate::ids::SelectionId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::domain::ContactMethod;
use crate::register::panels;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::components::Tag;
use crate::web::dates::{format_date, format_date_time};
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::{see_other, see_other_with_flash};
use crate::web::{AppError, AppResult, Page, render};

use super::new_form::DEFAULT_ROTATION_MONTHS;
/// Automatic refreshes while the chances are worked out: 24 × 5 seconds, then only on request.
const AUTO_REFRESHES: u32 = 24;

/// A selection of the organisation in the path; any other is not found.
pub async fn load_selection(
    state: &AppState,
    organisation: Uuid,
    id: &SelectionId,
) -> Result<SelectionRow, AppError> {
    let id = id.0;
    let mut conn = state.db.acquire().await?;
    storage::find(&mut conn.ex(), organisation, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub fn selection_href(selection: &SelectionRow) -> String {
    format!(
        "/organisations/{}/selections/{}",
        selection.organisation_id, selection.id
    )
}

// --- Where a working group stands ----------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Draft,
    Computing,
    Published,
    Drawn,
    Invited,
}

impl Stage {
    pub fn of(selection: &SelectionRow, latest: Option<&RunRow>) -> Stage {
        if selection.invited_at.is_some() {
            Stage::Invited
        } else if selection.drawn_at.is_some() {
            Stage::Drawn
        } else if latest.is_some_and(run::in_progress) {
            Stage::Computing
        } else if latest.is_some_and(|r| run::usable(r, selection)) {
            Stage::Published
        } else {
            Stage::Draft
        }
    }

    pub fn tag(self, locale: Locale) -> Tag {
        let (key, colour) = match self {
            Stage::Draft => ("selection-stage-draft", Some("govuk-tag--grey")),
            Stage::Computing => ("selection-stage-computing", Some("govuk-tag--yellow")),
            Stage::Published => ("selection-stage-published", Some("govuk-tag--blue")),
            Stage::Drawn => ("selection-stage-drawn", Some("govuk-tag--purple")),
            Stage::Invited => ("selection-stage-invited", Some("govuk-tag--green")),
        };
        Tag {
            text: locale.t(key),
            colour,
        }
    }
}

// --- The list ------------------------------------------------------------------------------------

pub struct ListRow {
    pub id: Uuid,
    pub name: String,
    pub panel: String,
    pub size: i64,
    pub stage: Tag,
    pub created: String,
}

#[derive(Template)]
#[template(path = "selection/templates/list.html")]
struct ListPage {
    page: Page,
    organisation: OrganisationRow,
    rows: Vec<ListRow>,
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let mut rows = Vec::new();
    for selection in storage::list(&mut conn.ex(), org_id).await? {
        let latest = storage::latest_run(&mut conn.ex(), selection.id).await?;
        rows.push(ListRow {
            stage: Stage::of(&selection, latest.as_ref()).tag(page.locale()),
            created: format_date(selection.created_at, page.locale()),
            id: selection.id,
            name: selection.name,
            panel: selection.panel_name,
            size: selection.panel_size,
        });
    }
    render(ListPage {
        page,
        organisation,
        rows,
    })
}

// --- Starting a working group --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "selection/templates/new.html")]
struct NewPage {
    page: Page,
    organisation: OrganisationRow,
    name: String,
    panels: Vec<Choice>,
    size: String,
    rotation: Vec<Choice>,
    months: String,
}

async fn panel_choices(
    state: &AppState,
    organisation: Uuid,
    chosen: &str,
) -> Result<Vec<Choice>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(panels::panels_of(&mut conn.ex(), organisation)
        .await?
        .into_iter()
        .map(|p| {
            let id = p.id.to_string();
            let checked = id == chosen;
            Choice::new(id, p.name, checked)
        })
        .collect())
}

fn rotation_choices(page: &Page, on: bool) -> Vec<Choice> {
    vec![
        Choice::new("yes", page.t("selection-rotation-yes"), on)
            .with_hint(page.t("selection-rotation-yes-hint")),
        Choice::new("no", page.t("selection-rotation-no"), !on),
    ]
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let panels = panel_choices(&state, org_id, "").await?;
    render(NewPage {
        rotation: rotation_choices(&page, true),
        page,
        organisation,
        name: String::new(),
        panels,
        size: String::new(),
        months: DEFAULT_ROTATION_MONTHS.to_string(),
    })
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let answers = new_form::Answers::read(&body);
    let panel = {
        let mut conn = state.db.acquire().await?;
        match Uuid::parse_str(&answers.panel) {
            Ok(id) => panels::find_panel(&mut conn.ex(), id)
                .await?
                .filter(|p| p.organisation_id == org_id)
                .map(|p| p.id),
            Err(_) => None,
        }
    };
    let checked = match new_form::check(&answers, panel) {
        Ok(checked) => checked,
        Err(problems) => {
            let panels = panel_choices(&state, org_id, &answers.panel).await?;
            return render_invalid(NewPage {
                rotation: rotation_choices(&page, answers.rotation),
                page: page.with_problems(&problems),
                organisation,
                name: answers.name,
                panels,
                size: answers.size,
                months: answers.months,
            });
        }
    };
    let mut tx = state.db.begin().await?;
    let created = commands::create(
        &mut tx.ex(),
        page.ctx.actor(),
        storage::NewSelection {
            organisation: org_id,
            panel: checked.panel,
            name: &answers.name,
            panel_size: checked.panel_size,
            rotation: answers.rotation,
            rotation_months: checked.rotation_months,
            created_by: page.ctx.actor(),
        },
    )
    .await;
    let id = match created {
        Ok(id) => id,
        Err(CreateError::Database(e)) => return Err(e.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/selections/{id}/quotas"),
        "selection-flash-created",
    ))
}

// --- One working group ---------------------------------------------------------------------------

pub struct QuotaLine {
    pub feature: String,
    pub values: String,
}

/// Automatic refresh while the chances are worked out, within WCAG 2.2.1: a limited number of
/// refreshes, a link to stop them and a link to refresh by hand.
pub struct Refresh {
    /// The page to load next, or none once stopped.
    pub next: Option<String>,
    pub now_href: String,
    pub stop_href: String,
}

pub struct Failure {
    pub problems: Vec<String>,
    pub relaxation: Option<Vec<String>>,
}

pub struct ChanceRow {
    pub id: Uuid,
    pub name: String,
    pub percent: String,
    pub weight: String,
}

pub struct OutcomeView {
    pub min: String,
    pub min_weighted: String,
    pub gap_text: String,
    pub proven: bool,
    pub total: String,
    pub panels_text: String,
    pub hash: String,
    pub finished: String,
    pub pool_size: i64,
    pub people: Vec<ChanceRow>,
}

pub struct Person {
    pub id: Uuid,
    pub name: String,
}

pub struct DrawnView {
    pub seed: String,
    pub hash: String,
    pub when: String,
    pub people: Vec<Person>,
    pub verified: bool,
}

pub struct OtherContact {
    pub id: Uuid,
    pub name: String,
    pub method: String,
    pub phone: String,
}

pub struct InvitedView {
    pub emailed: Vec<Person>,
    pub others: Vec<OtherContact>,
    pub unavailable: Vec<Person>,
}

#[derive(Template)]
#[template(path = "selection/templates/show.html")]
struct ShowPage {
    page: Page,
    organisation: OrganisationRow,
    selection: SelectionRow,
    stage: Tag,
    rotation_text: String,
    pool_size: i64,
    quota_lines: Vec<QuotaLine>,
    can_change_quotas: bool,
    can_compute: bool,
    has_run: bool,
    refresh: Option<Refresh>,
    stopped: bool,
    failure: Option<Failure>,
    outdated: bool,
    outcome: Option<OutcomeView>,
    can_draw: bool,
    seed: String,
    drawn: Option<DrawnView>,
    can_invite: bool,
    invited: Option<InvitedView>,
}

#[derive(Deserialize, Default)]
pub struct ShowQuery {
    refresh: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    Query(query): Query<ShowQuery>,
    page: Page,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let refresh = query.refresh.as_deref().unwrap_or("0");
    let view = show_page(&state, page, selection, refresh, String::new()).await?;
    render(view)
}

fn percent(p: f64) -> String {
    format!("{:.1}%", p * 100.0)
}

fn weight_text(w: f64) -> String {
    let text = format!("{w:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn quota_lines(quotas: &Quotas, features: &[Feature], locale: Locale) -> Vec<QuotaLine> {
    quotas
        .features
        .iter()
        .map(|f| {
            let feature = features.iter().find(|x| x.code() == f.feature);
            let values = f
                .values
                .iter()
                .map(|v| {
                    let label = feature
                        .map(|x| x.value_label(&v.value, locale))
                        .unwrap_or_else(|| v.value.clone());
                    locale.t_args(
                        "selection-quota-range",
                        &[
                            ("value", Arg::from(label)),
                            ("min", Arg::Number(i64::from(v.min))),
                            ("max", Arg::Number(i64::from(v.max))),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            QuotaLine {
                feature: feature
                    .map(|x| x.label(locale))
                    .unwrap_or_else(|| f.feature.clone()),
                values,
            }
        })
        .collect()
}

fn failure(run: &RunRow, features: &[Feature], locale: Locale) -> Failure {
    if run.status() != RunStatus::Failed {
        // Pending or running too long: cut short.
        return Failure {
            problems: vec![locale.t("selection-run-stopped")],
            relaxation: None,
        };
    }
    match RunError::parse(run.error.as_deref().unwrap_or_default()) {
        RunError::Infeasible(explanation) => {
            let labels = super::quotas::Labels { features, locale };
            Failure {
                problems: super::quotas::conflicts(&explanation, &labels)
                    .into_iter()
                    .map(|p| p.message)
                    .collect(),
                relaxation: Some(
                    super::quotas::relaxation(&explanation, &labels).unwrap_or_default(),
                ),
            }
        }
        RunError::Solver(_) => Failure {
            problems: vec![locale.t("selection-run-failed")],
            relaxation: None,
        },
        RunError::Stopped => Failure {
            problems: vec![locale.t("selection-run-stopped")],
            relaxation: None,
        },
    }
}

async fn names(state: &AppState, ids: &[Uuid], locale: Locale) -> Result<Vec<Person>, AppError> {
    let mut conn = state.db.acquire().await?;
    let contacts = storage::contacts(&mut conn.ex(), ids).await?;
    Ok(ids
        .iter()
        .map(|id| Person {
            id: *id,
            name: contacts
                .iter()
                .find(|c| c.id == *id && c.erased_at.is_none())
                .map(|c| c.display_name.clone())
                .unwrap_or_else(|| locale.t("selection-person-erased")),
        })
        .collect())
}

async fn outcome_view(
    state: &AppState,
    run: &RunRow,
    outcome: Outcome,
    locale: Locale,
) -> Result<OutcomeView, AppError> {
    let ids: Vec<Uuid> = outcome
        .probabilities
        .iter()
        .filter_map(|p| Uuid::parse_str(&p.id.0).ok())
        .collect();
    let people = names(state, &ids, locale).await?;
    let mut rows: Vec<(f64, ChanceRow)> = outcome
        .probabilities
        .iter()
        .zip(people)
        .map(|(p, person)| {
            (
                p.probability,
                ChanceRow {
                    id: person.id,
                    name: person.name,
                    percent: percent(p.probability),
                    weight: weight_text(p.weight),
                },
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let certificate = &outcome.certificate;
    Ok(OutcomeView {
        min: percent(certificate.min_probability),
        min_weighted: percent(certificate.min_weighted),
        gap_text: locale.t_args(
            "selection-gap-value",
            &[
                ("gap", Arg::from(format!("{:.2}", certificate.gap * 100.0))),
                ("best", Arg::from(percent(certificate.upper_bound))),
            ],
        ),
        proven: certificate.leximin_complete && certificate.gap < 1e-4,
        total: format!("{:.2}", outcome.summary.total),
        panels_text: locale.t_args(
            "selection-lottery-panels",
            &[("count", Arg::from(outcome.summary.support_size))],
        ),
        hash: run.lottery_sha256.clone().unwrap_or_default(),
        finished: run
            .finished_at
            .map(|at| format_date_time(at, locale))
            .unwrap_or_default(),
        pool_size: run.pool_size,
        people: rows.into_iter().map(|(_, row)| row).collect(),
    })
}

async fn invited_view(
    state: &AppState,
    selection: &SelectionRow,
    drawn: &[Uuid],
    locale: Locale,
) -> Result<InvitedView, AppError> {
    let invitations = {
        let mut conn = state.db.acquire().await?;
        storage::invitations(&mut conn.ex(), selection.id).await?
    };
    let mut view = InvitedView {
        emailed: Vec::new(),
        others: Vec::new(),
        unavailable: Vec::new(),
    };
    for invitation in &invitations {
        if invitation.method == ContactMethod::Email {
            view.emailed.push(Person {
                id: invitation.person_id,
                name: invitation.display_name.clone(),
            });
        } else {
            let method = invitation.method;
            view.others.push(OtherContact {
                id: invitation.person_id,
                name: invitation.display_name.clone(),
                method: locale.t(&method.message_key()),
                phone: invitation.phone.clone().unwrap_or_default(),
            });
        }
    }
    let missing: Vec<Uuid> = drawn
        .iter()
        .copied()
        .filter(|id| !invitations.iter().any(|i| i.person_id == *id))
        .collect();
    view.unavailable = names(state, &missing, locale).await?;
    Ok(view)
}

/// The working group's page, with `errors` shown if an action was refused.
async fn show_page(
    state: &AppState,
    page: Page,
    selection: SelectionRow,
    refresh: &str,
    seed: String,
) -> Result<ShowPage, AppError> {
    let locale = page.locale();
    let organisation = load_organisation(state, selection.organisation_id).await?;
    let (features, latest, pool_size) = {
        let mut conn = state.db.acquire().await?;
        (
            pool::features(&mut conn.ex(), selection.organisation_id).await?,
            storage::latest_run(&mut conn.ex(), selection.id).await?,
            pool::count(&mut conn.ex(), selection.panel_id).await?,
        )
    };
    let quotas = Quotas::parse(&selection.quotas);
    let stage = Stage::of(&selection, latest.as_ref());
    let drawn = selection.drawn_at.is_some();
    let computing = stage == Stage::Computing;
    let href = selection_href(&selection);
    let refreshes: Option<u32> = refresh.parse().ok();
    let refresh = computing.then(|| Refresh {
        next: refreshes
            .filter(|n| *n < AUTO_REFRESHES)
            .map(|n| format!("{href}?refresh={}", n + 1)),
        now_href: format!("{href}?refresh={}", refreshes.map_or(AUTO_REFRESHES, |_| 0)),
        stop_href: format!("{href}?refresh=off"),
    });
    let stopped = refresh.as_ref().is_some_and(|r| r.next.is_none());
    let failure = latest
        .as_ref()
        .filter(|r| r.status() != RunStatus::Done && !run::in_progress(r))
        .map(|r| failure(r, &features, locale));
    // The latest finished lottery: the one drawn from, or the newest.
    let shown_run = match selection.drawn_run_id {
        Some(run_id) => {
            let mut conn = state.db.acquire().await?;
            storage::find_run(&mut conn.ex(), selection.id, run_id).await?
        }
        None => latest.clone().filter(|r| r.status() == RunStatus::Done),
    };
    let outdated = !drawn
        && shown_run
            .as_ref()
            .is_some_and(|r| !run::usable(r, &selection));
    let outcome = match shown_run
        .as_ref()
        .and_then(|r| r.result.as_deref().and_then(Outcome::parse).map(|o| (r, o)))
    {
        Some((run, o)) => Some(outcome_view(state, run, o, locale).await?),
        None => None,
    };
    let record = run::draw_record(&selection);
    let drawn_ids = record.as_ref().map(run::drawn_ids).unwrap_or_default();
    let drawn_view = match (&record, selection.drawn_at) {
        (Some(record), Some(at)) => Some(DrawnView {
            seed: record.seed.clone(),
            hash: shown_run
                .as_ref()
                .and_then(|r| r.lottery_sha256.clone())
                .unwrap_or_default(),
            when: format_date_time(at, locale),
            people: names(state, &drawn_ids, locale).await?,
            verified: record.verify(),
        }),
        _ => None,
    };
    let invited = match selection.invited_at {
        Some(_) => Some(invited_view(state, &selection, &drawn_ids, locale).await?),
        None => None,
    };
    Ok(ShowPage {
        stage: stage.tag(locale),
        rotation_text: locale.t_args(
            "selection-rotation-on",
            &[("months", Arg::Number(selection.rotation_months))],
        ),
        quota_lines: quota_lines(&quotas, &features, locale),
        can_change_quotas: !drawn,
        can_compute: !drawn && !quotas.is_empty() && !computing,
        has_run: latest.is_some(),
        refresh,
        stopped,
        failure,
        outdated,
        can_draw: !drawn && stage == Stage::Published,
        seed,
        drawn: drawn_view,
        can_invite: drawn && selection.invited_at.is_none(),
        invited,
        outcome,
        pool_size,
        organisation,
        selection,
        page,
    })
}

async fn refused(
    state: &AppState,
    page: Page,
    selection: SelectionRow,
    problem: Problem,
    seed: String,
) -> AppResult {
    let view = show_page(
        state,
        page.with_problems(&[problem]),
        selection,
        "off",
        seed,
    )
    .await?;
    render_invalid(view)
}

pub async fn compute(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    page: Page,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let key = match run::start(&state, &selection, page.ctx.actor()).await? {
        Ok(_) => return Ok(see_other(&selection_href(&selection))),
        Err(StartRefused::NoQuotas) => "selection-error-no-quotas",
        Err(StartRefused::AlreadyDrawn) => "selection-error-already-drawn",
        Err(StartRefused::AlreadyRunning) => "selection-error-already-running",
        Err(StartRefused::PoolChanged) => "selection-error-pool-changed",
    };
    let problem = Problem::new("compute", key);
    refused(&state, page, selection, problem, String::new()).await
}

pub async fn draw(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let seed = one_of(&pairs(&body), "seed");
    let problem = match run::draw(&state, &selection, &seed, page.ctx.actor()).await? {
        Ok(_) => {
            return Ok(see_other_with_flash(
                &state,
                &selection_href(&selection),
                "selection-flash-drawn",
            ));
        }
        Err(DrawRefused::EmptySeed) => Problem::new("seed", "selection-error-seed-empty"),
        Err(DrawRefused::SeedTooLong) => {
            Problem::new("seed", "selection-error-seed-too-long").with("max", run::SEED_MAX_CHARS)
        }
        Err(DrawRefused::NotComputed) => Problem::new("draw", "selection-error-not-computed"),
        Err(DrawRefused::AlreadyDrawn) => Problem::new("draw", "selection-error-already-drawn"),
    };
    refused(&state, page, selection, problem, seed).await
}

pub async fn invite(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    page: Page,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let organisation = load_organisation(&state, org_id).await?;
    let key = match run::invite(&state, &selection, &organisation.name, page.ctx.actor()).await? {
        Ok(()) => {
            return Ok(see_other_with_flash(
                &state,
                &selection_href(&selection),
                "selection-flash-invited",
            ));
        }
        Err(InviteRefused::NotDrawn) => "selection-error-not-drawn",
        Err(InviteRefused::AlreadyInvited) => "selection-error-already-invited",
    };
    let problem = Problem::new("invite", key);
    refused(&state, page, selection, problem, String::new()).await
}

/// The published lottery exactly as stored, so its SHA-256 can be checked; before there is one,
/// back to the working group's page.
pub async fn lottery_json(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let run = {
        let mut conn = state.db.acquire().await?;
        match selection.drawn_run_id {
            Some(run) => storage::find_run(&mut conn.ex(), selection.id, run).await?,
            None => storage::latest_run(&mut conn.ex(), selection.id).await?,
        }
    };
    let Some(lottery) = run.and_then(|r| r.lottery) else {
        return Ok(see_other(&selection_href(&selection)));
    };
    let disposition = format!("attachment; filename=\"lottery-{}.json\"", selection.id);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        lottery,
    )
        .into_response())
}
