//! Expense claims: out-of-pocket costs a person is repaid for taking part, made online by the
//! person or entered by staff for someone who phoned, posted a claim or came in. Each line is
//! approved or queried by a finance officer, and approved lines are paid in a payment run by the
//! payments core through [`approved_unpaid`], [`put_in_run`] and [`mark_run_paid`].
//!
//! Expenses are never earnings: every amount here is [`Expenses`]. A line's description and its
//! receipt are personal data, sealed at rest. Mileage is paid at the organisation's own rate per
//! mile on the day of the journey, kept with its dates on the mileage page.

pub mod commands;
pub mod demo;
pub mod domain;
mod form;
mod staff;
mod storage;
mod yours;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{get, post};
use serde::Serialize;
use time::Date;
use uuid::Uuid;

pub use commands::{ExpenseError, NewClaim, Owner};
pub use domain::{ClaimChannel, ExpenseKind, LineState};

use crate::db::Ex;
use crate::payments::earnings::Expenses;
use crate::payments::money::Pence;
use crate::security::field_crypto::{FieldContext, KeyRing, ResealError};
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

/// The most a request carrying a receipt may hold: the 10 MB receipt and the form around it.
pub const UPLOAD_BODY_MAX_BYTES: usize = 12 * 1024 * 1024;

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/payments/mileage",
            Organisation(SetPaymentRates),
            get(staff::mileage),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/mileage",
            Organisation(SetPaymentRates),
            post(staff::mileage_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/expenses",
            Organisation(ManagePayments),
            get(staff::waiting),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/expenses/{line_id}/approve",
            Organisation(ManagePayments),
            post(staff::approve),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/expenses/{line_id}/query",
            Organisation(ManagePayments),
            post(staff::query),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/expenses/{line_id}/receipt",
            Organisation(ManagePayments),
            get(staff::receipt),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/expenses/{line_id}/correct",
            Organisation(EnterExpenses),
            get(staff::correct_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/expenses/{line_id}/correct",
            Organisation(EnterExpenses),
            post(staff::correct_submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
        route(
            M::GET,
            "/organisations/{org_id}/payments/expenses/new",
            Organisation(EnterExpenses),
            get(staff::enter_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/expenses/new",
            Organisation(EnterExpenses),
            post(staff::enter_submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
        route(
            M::GET,
            "/your-data/payments/expenses",
            SignedIn,
            get(yours::list),
        ),
        route(
            M::GET,
            "/your-data/payments/expenses/new",
            SignedIn,
            get(yours::new_form),
        ),
        route(
            M::POST,
            "/your-data/payments/expenses/new",
            SignedIn,
            post(yours::new_submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
        route(
            M::GET,
            "/your-data/payments/expenses/sent",
            SignedIn,
            get(yours::sent),
        ),
        route(
            M::GET,
            "/your-data/payments/expenses/{line_id}/receipt",
            SignedIn,
            get(yours::receipt),
        ),
        route(
            M::GET,
            "/your-data/payments/expenses/{line_id}/correct",
            SignedIn,
            get(yours::correct_form),
        ),
        route(
            M::POST,
            "/your-data/payments/expenses/{line_id}/correct",
            SignedIn,
            post(yours::correct_submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
    ]
}

/// A refused command as the page the person sees.
impl From<ExpenseError> for crate::web::AppError {
    fn from(error: ExpenseError) -> Self {
        match error {
            ExpenseError::Database(e) => e.into(),
            ExpenseError::NotFound => crate::web::AppError::NotFound,
            _ => crate::web::AppError::Forbidden,
        }
    }
}

/// A line's sealed description: bound to its row.
fn description_field(line: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "expense_lines",
        column: "sealed_description",
        row_id: line,
    }
}

/// A line's sealed receipt: bound to its row.
fn receipt_field(line: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "expense_lines",
        column: "sealed_receipt",
        row_id: line,
    }
}

/// A line's description, opened; empty once the person is forgotten.
fn opened_description(keys: &KeyRing, id: Uuid, sealed: Option<&[u8]>) -> String {
    sealed
        .and_then(|s| keys.open(s, description_field(id)).ok())
        .unwrap_or_default()
}

/// An approved expense line not yet in a payment run: what the payments core pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedExpense {
    pub line_id: Uuid,
    pub person_id: Uuid,
    pub engagement_id: Uuid,
    /// Repaid costs: never earnings.
    pub amount: Expenses,
    /// The line's description, opened (empty if the person has since been forgotten).
    pub description: String,
    pub incurred_on: Date,
}

/// The organisation's approved expense lines that are in no payment run yet, oldest day first.
/// The caller opens nothing: descriptions come opened with `keys`.
pub async fn approved_unpaid(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    organisation: Uuid,
) -> Result<Vec<ApprovedExpense>, sqlx::Error> {
    Ok(storage::approved_unpaid(ex, organisation)
        .await?
        .into_iter()
        .map(|row| ApprovedExpense {
            line_id: row.id,
            person_id: row.person_id,
            engagement_id: row.engagement_id,
            amount: expenses(row.amount_pence),
            description: opened_description(keys, row.id, row.sealed_description.as_deref()),
            incurred_on: row.incurred_on,
        })
        .collect())
}

fn expenses(pence: i64) -> Expenses {
    Expenses::new(Pence::new(pence).unwrap_or(Pence::ZERO))
}

/// Puts approved lines that are in no run yet into the payment run `run`. A line that is not
/// approved, or is already in a run (this one or another), is left as it is, so calling it twice
/// puts each line in once.
pub async fn put_in_run(ex: &mut Ex<'_>, line_ids: &[Uuid], run: Uuid) -> Result<(), sqlx::Error> {
    for line in line_ids {
        storage::put_in_run(ex, *line, run).await?;
    }
    Ok(())
}

/// Marks every approved line in the run `run` paid on `on`. Returns how many.
pub async fn mark_run_paid(ex: &mut Ex<'_>, run: Uuid, on: Date) -> Result<u64, sqlx::Error> {
    storage::mark_run_paid(ex, run, on, crate::db::now()).await
}

/// Takes lines out of their payment run (a payment that failed, to be issued again): each is
/// approved and unpaid again, ready for [`approved_unpaid`].
pub async fn take_out_of_run(ex: &mut Ex<'_>, line_ids: &[Uuid]) -> Result<(), sqlx::Error> {
    let at = crate::db::now();
    for line in line_ids {
        storage::take_out_of_run(ex, *line, at).await?;
    }
    Ok(())
}

/// One line of a person's expenses, for their "Your payments" page and statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpenseLineSummary {
    pub line_id: Uuid,
    pub organisation_id: Uuid,
    pub engagement_id: Uuid,
    pub incurred_on: Date,
    pub kind: ExpenseKind,
    /// Opened; empty once the person is forgotten.
    pub description: String,
    pub amount: Expenses,
    pub state: LineState,
    pub paid_on: Option<Date>,
}

/// Every expense line of a person, newest day first.
pub async fn of_person(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
) -> Result<Vec<ExpenseLineSummary>, sqlx::Error> {
    Ok(storage::lines_of_person(ex, person)
        .await?
        .into_iter()
        .map(|row| ExpenseLineSummary {
            line_id: row.id,
            organisation_id: row.organisation_id,
            engagement_id: row.engagement_id,
            incurred_on: row.incurred_on,
            kind: row.kind,
            description: opened_description(keys, row.id, row.sealed_description.as_deref()),
            amount: expenses(row.amount_pence),
            state: row.state,
            paid_on: row.paid_on,
        })
        .collect())
}

/// What the organisation has approved or paid in expenses, per engagement.
pub async fn spent_by_engagement(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<(Uuid, Expenses)>, sqlx::Error> {
    Ok(storage::spent_by_engagement(ex, organisation)
        .await?
        .into_iter()
        .map(|(engagement, pence)| (engagement, expenses(pence)))
        .collect())
}

/// An expense line approved or paid, for the organisation's spend and its exports. No
/// description: the finance system needs the amount, not what it was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpentExpense {
    pub line_id: Uuid,
    pub person_id: Uuid,
    pub engagement_id: Uuid,
    pub kind: ExpenseKind,
    pub incurred_on: Date,
    pub amount: Expenses,
    pub state: LineState,
    pub run_id: Option<Uuid>,
    pub paid_on: Option<Date>,
}

/// The organisation's expense lines approved or paid, oldest day first.
pub async fn spent_lines(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<SpentExpense>, sqlx::Error> {
    Ok(storage::spent_lines(ex, organisation)
        .await?
        .into_iter()
        .map(
            |(
                line_id,
                person_id,
                engagement_id,
                kind,
                incurred_on,
                pence,
                state,
                run_id,
                paid_on,
            )| {
                SpentExpense {
                    line_id,
                    person_id,
                    engagement_id,
                    kind,
                    incurred_on,
                    amount: expenses(pence),
                    state,
                    run_id,
                    paid_on,
                }
            },
        )
        .collect())
}

/// Erasing a person: their receipts go and their descriptions and the reasons given to them are
/// emptied; amounts, days and states stay, as payment records are kept for the legal period.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    storage::forget_person(ex, person).await
}

/// One expense line as held about a person, for their data download.
#[derive(Debug, Clone, Serialize)]
pub struct HeldExpense {
    pub incurred_on: String,
    pub kind: &'static str,
    pub description: String,
    pub amount_pence: i64,
    pub state: &'static str,
    pub query_reason: String,
    pub paid_on: Option<String>,
    pub channel: &'static str,
    /// The receipt's type and size in bytes; the file itself is downloaded from the claims page.
    pub receipt: Option<(String, i64)>,
}

/// Everything held about a person's expense claims, opened, for their data download.
pub async fn held_for(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
) -> Result<Vec<HeldExpense>, sqlx::Error> {
    Ok(storage::lines_of_person(ex, person)
        .await?
        .into_iter()
        .map(|row| HeldExpense {
            incurred_on: row.incurred_on.to_string(),
            kind: row.kind.as_str(),
            description: opened_description(keys, row.id, row.sealed_description.as_deref()),
            amount_pence: row.amount_pence,
            state: row.state.as_str(),
            query_reason: row.query_reason,
            paid_on: row.paid_on.map(|d| d.to_string()),
            channel: row.channel.as_str(),
            receipt: row.receipt_type.zip(row.receipt_size),
        })
        .collect())
}

/// The same, as sections of the person's data download in the reader's language (the shape of
/// `register::record::contents::HeldElsewhere`).
pub fn held_sections(
    state: &crate::state::AppState,
    person: Uuid,
    locale: crate::i18n::Locale,
) -> crate::register::record::contents::Gathering<'_> {
    Box::pin(async move {
        use crate::register::record::contents::{HeldSection, Line};
        let mut conn = state.db.acquire().await?;
        let held = storage::lines_of_person(&mut conn.ex(), person).await?;
        let lines: Vec<Line> = held
            .into_iter()
            .map(|row| Line {
                label: format!(
                    "{} – {}",
                    crate::engagements::views::format_day(row.incurred_on, locale),
                    locale.t(&row.kind.message_key())
                ),
                value: format!(
                    "{} – {} – {}",
                    expenses(row.amount_pence).pence(),
                    opened_description(&state.keys, row.id, row.sealed_description.as_deref()),
                    locale.t(&row.state.message_key())
                ),
            })
            .collect();
        Ok(if lines.is_empty() {
            Vec::new()
        } else {
            vec![HeldSection {
                title: locale.t("expenses-yours-title"),
                lines,
            }]
        })
    })
}

/// Re-seals every line's description and receipt under the active key. How many.
pub async fn reseal(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (column, id, sealed) in storage::all_sealed(ex).await? {
        if !keys.needs_rotation(&sealed) {
            continue;
        }
        let field = if column == "sealed_description" {
            description_field(id)
        } else {
            receipt_field(id)
        };
        let plain =
            keys.open_bytes(&sealed, field)
                .map_err(|reason| ResealError::Undecryptable {
                    what: format!("expense_lines {column} of {id}"),
                    reason,
                })?;
        storage::replace_sealed(ex, column, id, &keys.seal_bytes(&plain, field)).await?;
        resealed += 1;
    }
    Ok(resealed)
}
