//! Upfront commitments: adding and changing them, and marking each kept, partly kept or broken with
//! evidence and a public explanation. Every status a commitment has had stays in its history.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use super::commands::{self, Editor};
use super::domain::{Bilingual, CommitmentForm, CommitmentStatus, Shown, StatusForm, date_parts};
use super::storage::{self, CommitmentRow};
use super::views::{CommitmentLine, choices, commitment_line, date_input, status_tag, today};
use super::{Loaded, load_editable};
use crate::ids::CommitmentId;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::components::{DateInput, Tag};
use crate::web::dates;
use crate::web::forms::{Choice, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

#[derive(Template)]
#[template(path = "engagements/templates/commitment_form.html")]
struct CommitmentPage {
    page: Page,
    loaded: Loaded,
    heading: String,
    action: String,
    back: String,
    form: CommitmentForm,
    due: DateInput,
}

fn read_commitment(body: &[u8]) -> CommitmentForm {
    let form = pairs(body);
    let one = |name: &str| one_of(&form, name);
    CommitmentForm {
        statement: Bilingual::new(one("statement_en"), one("statement_cy")),
        owner: one("owner"),
        due: [one("due-day"), one("due-month"), one("due-year")],
        target: Bilingual::new(one("target_en"), one("target_cy")),
    }
}

fn engagement_base(org_id: Uuid, loaded: &Loaded) -> String {
    format!(
        "/organisations/{org_id}/engagements/{}",
        loaded.engagement.id
    )
}

/// The commitment in the path, if it belongs to the engagement in the path.
fn editor(page: &Page, org_id: Uuid) -> Editor {
    Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

async fn load_commitment(
    state: &AppState,
    loaded: &Loaded,
    id: &CommitmentId,
) -> Result<CommitmentRow, AppError> {
    let id = id.0;
    let mut conn = state.db.acquire().await?;
    storage::find_commitment(&mut conn.ex(), loaded.engagement.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

fn commitment_page(
    page: Page,
    loaded: Loaded,
    editing: Option<Uuid>,
    org_id: Uuid,
    form: CommitmentForm,
    errors: FormErrors,
) -> CommitmentPage {
    let base = engagement_base(org_id, &loaded);
    let (heading, action) = match editing {
        Some(id) => (
            page.t("commitment-edit-title"),
            format!("{base}/commitments/{id}"),
        ),
        None => (
            page.t("commitment-new-title"),
            format!("{base}/commitments/new"),
        ),
    };
    let due = date_input(
        page.locale(),
        &errors,
        "due",
        page.t("commitment-field-due"),
        form.due.clone(),
    );
    CommitmentPage {
        heading,
        action,
        back: format!("{base}#commitments"),
        form,
        due,
        page: page.with_errors(errors),
        loaded,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    render(commitment_page(
        page,
        loaded,
        None,
        org_id,
        CommitmentForm::default(),
        FormErrors::default(),
    ))
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let form = read_commitment(&body);
    let commitment = match form.check() {
        Ok(commitment) => commitment,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                commitment_page(page, loaded, None, org_id, form, errors),
            );
        }
    };
    let engagement = loaded.engagement.id;
    let mut tx = state.db.begin().await?;
    commands::add_commitment(&mut tx.ex(), editor(&page, org_id), engagement, &commitment).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}#commitments", engagement_base(org_id, &loaded)),
        "flash-commitment-added",
    ))
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, commitment_id)): Ids<(Uuid, String, CommitmentId)>,
    page: Page,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let row = load_commitment(&state, &loaded, &commitment_id).await?;
    let form = CommitmentForm {
        statement: row.statement(),
        owner: row.owner.clone(),
        due: date_parts(row.due_on),
        target: row.target(),
    };
    render(commitment_page(
        page,
        loaded,
        Some(row.id),
        org_id,
        form,
        FormErrors::default(),
    ))
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, commitment_id)): Ids<(Uuid, String, CommitmentId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let row = load_commitment(&state, &loaded, &commitment_id).await?;
    let form = read_commitment(&body);
    let commitment = match form.check() {
        Ok(commitment) => commitment,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                commitment_page(page, loaded, Some(row.id), org_id, form, errors),
            );
        }
    };
    let mut tx = state.db.begin().await?;
    commands::change_commitment(
        &mut tx.ex(),
        editor(&page, org_id),
        loaded.engagement.id,
        row.id,
        &commitment,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}#commitments", engagement_base(org_id, &loaded)),
        "flash-commitment-saved",
    ))
}

/// One earlier status, as the history table shows it.
pub struct HistoryLine {
    pub when: String,
    pub status: Tag,
    pub by: String,
    pub evidence: String,
    pub explanation: Shown,
}

#[derive(Template)]
#[template(path = "engagements/templates/commitment_status.html")]
struct StatusPage {
    page: Page,
    loaded: Loaded,
    action: String,
    back: String,
    commitment: CommitmentLine,
    form: StatusForm,
    statuses: Vec<Choice>,
    history: Vec<HistoryLine>,
}

async fn status_page(
    state: &AppState,
    page: Page,
    loaded: Loaded,
    org_id: Uuid,
    row: &CommitmentRow,
    form: StatusForm,
    errors: FormErrors,
) -> Result<StatusPage, AppError> {
    let locale = page.locale();
    let history = {
        let mut conn = state.db.acquire().await?;
        storage::history_of(&mut conn.ex(), row.id).await?
    };
    let history = history
        .into_iter()
        .rev()
        .map(|h| HistoryLine {
            when: dates::format_date_time(h.changed_at, locale),
            status: status_tag(
                locale,
                CommitmentStatus::parse(&h.status).unwrap_or(CommitmentStatus::Open),
            ),
            by: h
                .changed_by_name
                .unwrap_or_else(|| locale.t("audit-actor-system")),
            evidence: h.evidence,
            explanation: Bilingual::new(h.explanation_en, h.explanation_cy).shown(locale),
        })
        .collect();
    let base = engagement_base(org_id, &loaded);
    Ok(StatusPage {
        action: format!("{base}/commitments/{}/status", row.id),
        back: format!("{base}#commitments"),
        commitment: commitment_line(locale, row, today()),
        statuses: choices(
            locale,
            CommitmentStatus::ALL,
            &form.status,
            CommitmentStatus::as_str,
            |s| s.message_key(),
            false,
        ),
        form,
        history,
        page: page.with_errors(errors),
        loaded,
    })
}

pub async fn status_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, commitment_id)): Ids<(Uuid, String, CommitmentId)>,
    page: Page,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let row = load_commitment(&state, &loaded, &commitment_id).await?;
    let form = StatusForm {
        status: row.status.clone(),
        evidence: row.evidence.clone(),
        explanation: row.explanation(),
    };
    render(
        status_page(
            &state,
            page,
            loaded,
            org_id,
            &row,
            form,
            FormErrors::default(),
        )
        .await?,
    )
}

pub async fn status_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, commitment_id)): Ids<(Uuid, String, CommitmentId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let row = load_commitment(&state, &loaded, &commitment_id).await?;
    let submitted = pairs(&body);
    let form = StatusForm {
        status: one_of(&submitted, "status"),
        evidence: one_of(&submitted, "evidence"),
        explanation: Bilingual::new(
            one_of(&submitted, "explanation_en"),
            one_of(&submitted, "explanation_cy"),
        ),
    };
    let change = match form.check() {
        Ok(change) => change,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let page = status_page(&state, page, loaded, org_id, &row, form, errors).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, page);
        }
    };
    let mut tx = state.db.begin().await?;
    commands::change_status(
        &mut tx.ex(),
        editor(&page, org_id),
        loaded.engagement.id,
        row.id,
        &change,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}#commitments", engagement_base(org_id, &loaded)),
        "flash-commitment-status-changed",
    ))
}
