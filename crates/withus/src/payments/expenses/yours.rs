//! The person's own expense claims in Your data: what they claimed and where each line stands,
//! making a claim for an engagement they take part in, correcting a queried line, and their own
//! receipts.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::header;
use axum::response::IntoResponse;
use uuid::Uuid;

use super::commands::{self, NewClaim, Owner};
use super::domain::{ClaimChannel, LineAnswers, LineState, miles_text};
use super::form::{LineFields, kept, line_fields, read, refused};
use super::storage::{self, LineRow};
use super::{expenses, opened_description, receipt_field};
use crate::engagements::domain::date_parts;
use crate::engagements::views::{format_day, today};
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem};
use crate::web::page::render_invalid;
use crate::web::respond::see_other;
use crate::web::{AppError, AppResult, Ids, Page, render};

const BASE: &str = "/your-data/payments/expenses";

/// One line as the person sees it.
pub struct Shown {
    pub id: Uuid,
    pub engagement: String,
    pub kind: String,
    pub day: String,
    pub description: String,
    pub amount: String,
    pub state: String,
    pub colour: &'static str,
    pub reason: String,
    pub queried: bool,
    pub has_receipt: bool,
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/yours.html")]
struct YoursPage {
    page: Page,
    on_register: bool,
    lines: Vec<Shown>,
}

async fn engagement_title(
    ex: &mut crate::db::Ex<'_>,
    page: &Page,
    engagement: Uuid,
) -> Result<String, sqlx::Error> {
    Ok(crate::engagements::find(ex, engagement)
        .await?
        .map(|e| e.title().shown(page.locale()).text)
        .unwrap_or_default())
}

pub(super) async fn shown(
    state: &AppState,
    ex: &mut crate::db::Ex<'_>,
    page: &Page,
    row: &LineRow,
) -> Result<Shown, sqlx::Error> {
    let locale = page.locale();
    let mut kind = locale.t(&row.kind.message_key());
    if let (Some(tenths), Some(rate)) = (row.tenths_of_a_mile, row.per_mile_pence) {
        kind = page.t_args(
            "expense-mileage-detail",
            &[
                ("kind", kind.into()),
                (
                    "miles",
                    miles_text(u32::try_from(tenths).unwrap_or(0)).into(),
                ),
                ("rate", expenses(rate).pence().to_string().into()),
            ],
        );
    }
    Ok(Shown {
        id: row.id,
        engagement: engagement_title(ex, page, row.engagement_id).await?,
        kind,
        day: format_day(row.incurred_on, locale),
        description: opened_description(&state.keys, row.id, row.sealed_description.as_deref()),
        amount: expenses(row.amount_pence).pence().to_string(),
        state: locale.t(&row.state.message_key()),
        colour: row.state.colour(),
        reason: row.query_reason.clone(),
        queried: row.state == LineState::Queried,
        has_receipt: row.receipt_type.is_some(),
    })
}

pub async fn list(State(state): State<AppState>, page: Page) -> AppResult {
    let person = match subject::own(&state, &page).await {
        Ok(subject) => Some(subject.person.id),
        Err(AppError::NotFound) => None,
        Err(other) => return Err(other),
    };
    let mut lines = Vec::new();
    if let Some(person) = person {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        for row in storage::lines_of_person(&mut ex, person).await? {
            lines.push(shown(&state, &mut ex, &page, &row).await?);
        }
    }
    render(YoursPage {
        page,
        on_register: person.is_some(),
        lines,
    })
}

/// An engagement a person may claim for: (organisation, engagement, label).
struct Claimable {
    organisation: Uuid,
    engagement: Uuid,
    label: String,
}

/// The published engagements of the organisations whose panel the person is an active member of.
async fn claimable(state: &AppState, page: &Page) -> Result<(Uuid, Vec<Claimable>), AppError> {
    let subject = subject::own(state, page).await?;
    let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut organisations = subject.organisations.clone();
    organisations.sort();
    organisations.dedup();
    let mut out: Vec<Claimable> = Vec::new();
    for organisation in organisations {
        if crate::register::active_member_of(&mut ex, account, organisation)
            .await?
            .is_none()
        {
            continue;
        }
        for engagement in crate::engagements::of_organisation(&mut ex, organisation).await? {
            if !engagement.published || out.iter().any(|c| c.engagement == engagement.id) {
                continue;
            }
            out.push(Claimable {
                organisation,
                engagement: engagement.id,
                label: format!(
                    "{} ({})",
                    engagement.title().shown(page.locale()).text,
                    engagement.organisation_name
                ),
            });
        }
    }
    Ok((subject.person.id, out))
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/claim.html")]
struct ClaimPage {
    page: Page,
    engagements: Vec<Choice>,
    line: LineFields,
}

fn claim_page(
    page: Page,
    engagements: &[Claimable],
    chosen: &str,
    answers: &LineAnswers,
) -> ClaimPage {
    let line = line_fields(&page, answers);
    ClaimPage {
        engagements: engagements
            .iter()
            .map(|c| {
                let value = c.engagement.to_string();
                let checked = value == chosen || engagements.len() == 1;
                Choice::new(value, c.label.clone(), checked)
            })
            .collect(),
        line,
        page,
    }
}

pub async fn new_form(State(state): State<AppState>, page: Page) -> AppResult {
    let (_, engagements) = claimable(&state, &page).await?;
    render(claim_page(page, &engagements, "", &LineAnswers::default()))
}

pub async fn new_submit(
    State(state): State<AppState>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let (person, engagements) = claimable(&state, &page).await?;
    let (answers, others) = read(multipart).await;
    let chosen = others.get("engagement").cloned().unwrap_or_default();
    let shown_again = kept(&answers);
    let engagement = engagements
        .iter()
        .find(|c| c.engagement.to_string() == chosen.trim());
    let mut problems = Vec::new();
    if engagement.is_none() {
        problems.push(Problem::new("engagement", "expense-engagement-missing"));
    }
    let line = answers.check(today()).map_err(|p| problems.extend(p)).ok();
    let (Some(engagement), Some(line)) = (engagement, line.filter(|_| problems.is_empty())) else {
        let page = page.with_problems(&problems);
        return render_invalid(claim_page(page, &engagements, &chosen, &shown_again));
    };
    let mut tx = state.db.begin().await?;
    let made = commands::claim(
        &mut tx.ex(),
        &state,
        NewClaim {
            organisation: engagement.organisation,
            person,
            engagement: engagement.engagement,
            channel: ClaimChannel::Online,
            entered_by: page.ctx.actor(),
        },
        &line,
    )
    .await;
    match made {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other(&format!("{BASE}/sent")))
        }
        Err(error) => match refused(&page, &error) {
            Some(problem) => {
                let page = page.with_problems(&[problem]);
                render_invalid(claim_page(page, &engagements, &chosen, &shown_again))
            }
            None => Err(error.into()),
        },
    }
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/sent.html")]
struct SentPage {
    page: Page,
}

pub async fn sent(page: Page) -> AppResult {
    render(SentPage { page })
}

/// The person's own line, or not found.
async fn own_line(state: &AppState, page: &Page, line: Uuid) -> Result<LineRow, AppError> {
    let person = subject::own(state, page).await?.person.id;
    let mut conn = state.db.acquire().await?;
    storage::find_line(&mut conn.ex(), line)
        .await?
        .filter(|row| row.person_id == person)
        .ok_or(AppError::NotFound)
}

/// A receipt, opened, as a download.
pub(super) async fn receipt_response(state: &AppState, row: &LineRow) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let (content_type, sealed) = storage::receipt_of(&mut conn.ex(), row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let bytes = state
        .keys
        .open_bytes(&sealed, receipt_field(row.id))
        .map_err(|_| AppError::NotFound)?;
    let disposition = format!(
        "attachment; filename={}receipt-{}.{}{}",
        '\u{22}',
        row.incurred_on,
        super::domain::ReceiptType::extension(&content_type),
        '\u{22}'
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub async fn receipt(State(state): State<AppState>, Ids(line): Ids<Uuid>, page: Page) -> AppResult {
    let row = own_line(&state, &page, line).await?;
    receipt_response(&state, &row).await
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/correct.html")]
pub(super) struct CorrectPage {
    page: Page,
    action: String,
    back: String,
    reason: String,
    line: LineFields,
}

/// The line's stored answers, to correct.
pub(super) fn answers_of(state: &AppState, row: &LineRow) -> LineAnswers {
    LineAnswers {
        kind: row.kind.as_str().to_owned(),
        day: date_parts(row.incurred_on),
        description: opened_description(&state.keys, row.id, row.sealed_description.as_deref()),
        amount: if row.tenths_of_a_mile.is_some() {
            String::new()
        } else {
            expenses(row.amount_pence).pence().plain()
        },
        miles: row
            .tenths_of_a_mile
            .map(|t| miles_text(u32::try_from(t).unwrap_or(0)))
            .unwrap_or_default(),
        ..LineAnswers::default()
    }
}

pub(super) fn correct_page(
    page: Page,
    action: String,
    back: String,
    row: &LineRow,
    answers: &LineAnswers,
) -> CorrectPage {
    let line = line_fields(&page, answers);
    CorrectPage {
        action,
        back,
        reason: row.query_reason.clone(),
        line,
        page,
    }
}

pub async fn correct_form(
    State(state): State<AppState>,
    Ids(line): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let row = own_line(&state, &page, line).await?;
    if row.state != LineState::Queried {
        return Err(AppError::NotFound);
    }
    let answers = answers_of(&state, &row);
    render(correct_page(
        page,
        format!("{BASE}/{line}/correct"),
        BASE.into(),
        &row,
        &answers,
    ))
}

pub async fn correct_submit(
    State(state): State<AppState>,
    Ids(line): Ids<Uuid>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let row = own_line(&state, &page, line).await?;
    let (answers, _) = read(multipart).await;
    let shown_again = kept(&answers);
    let action = format!("{BASE}/{line}/correct");
    let new = match answers.check(today()) {
        Ok(new) => new,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(correct_page(page, action, BASE.into(), &row, &shown_again));
        }
    };
    let mut tx = state.db.begin().await?;
    let done = commands::correct(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        Owner::Person(row.person_id),
        row.id,
        &new,
    )
    .await;
    match done {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other(&format!("{BASE}/sent")))
        }
        Err(error) => match refused(&page, &error) {
            Some(problem) => {
                let page = page.with_problems(&[problem]);
                render_invalid(correct_page(page, action, BASE.into(), &row, &shown_again))
            }
            None => Err(error.into()),
        },
    }
}
