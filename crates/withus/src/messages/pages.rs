//! The lists page and the steps staff record on it.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use crate::notices::commands::{self, Step, StepError};
use crate::notices::{NotificationRow, StaffList, Status, address_field};
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::state::AppState;
use crate::web::forms::{one_of, pairs};
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, dates, render};

/// One message as a list shows it.
struct Line {
    id: Uuid,
    person: String,
    /// The address or number to use, opened for staff who may see it.
    reach: String,
    when: String,
    subject: String,
    body: String,
    status: String,
    reason: String,
    printed: bool,
    failed: bool,
    /// "Large print, 20 point" for letters in large print.
    print_note: String,
}

#[derive(Template)]
#[template(path = "messages/templates/lists.html")]
struct ListsPage {
    page: Page,
    organisation: OrganisationRow,
    letters: Vec<Line>,
    calls: Vec<Line>,
    problems: Vec<Line>,
}

fn lines(state: &AppState, page: &Page, rows: Vec<NotificationRow>) -> Vec<Line> {
    rows.into_iter()
        .map(|n| Line {
            id: n.id,
            reach: n
                .sealed_address
                .as_deref()
                .and_then(|sealed| state.keys.open(sealed, address_field(n.id)).ok())
                .unwrap_or_default(),
            person: n.recipient_name,
            when: dates::format_date_time(n.created_at, page.locale()),
            status: page.t(&n.status.message_key()),
            reason: n.reason.unwrap_or_default(),
            printed: n.status == Status::Printed,
            failed: n.status == Status::Failed,
            print_note: n
                .print_points
                .filter(|p| *p > i32::from(crate::notices::letter_pdf::STANDARD_POINTS))
                .map(|p| page.t_args("messages-large-print", &[("points", i64::from(p).into())]))
                .unwrap_or_default(),
            subject: n.subject,
            body: n.body,
        })
        .collect()
}

pub async fn lists(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let mut list = async |which| crate::notices::list_of(&mut conn.ex(), org_id, which).await;
    let letters = list(StaffList::Letters).await?;
    let calls = list(StaffList::Calls).await?;
    let problems = list(StaffList::Problems).await?;
    render(ListsPage {
        letters: lines(&state, &page, letters),
        calls: lines(&state, &page, calls),
        problems: lines(&state, &page, problems),
        page,
        organisation,
    })
}

/// A step from the page: printed, posted, phoned (with what happened), sent again, or moved to
/// the phone list.
pub async fn step(
    State(state): State<AppState>,
    Ids((org_id, notice_id, step)): Ids<(Uuid, Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let by = page.ctx.user.as_ref().map(|u| u.id);
    let outcome = one_of(&form, "outcome");
    let outcome = outcome.trim();
    let back = format!("/organisations/{org_id}/messages");
    let mut tx = state.db.begin().await?;
    let done = match step.as_str() {
        "printed" => {
            commands::record_step(&mut tx.ex(), org_id, notice_id, Step::Printed, by, None).await
        }
        "posted" => {
            commands::record_step(&mut tx.ex(), org_id, notice_id, Step::Posted, by, None).await
        }
        "phoned" => {
            // Kept whole: the input guard already bounds every field, and a note cut short would
            // lose what the person said on the phone.
            let outcome = (!outcome.is_empty()).then(|| outcome.to_owned());
            commands::record_step(
                &mut tx.ex(),
                org_id,
                notice_id,
                Step::Phoned,
                by,
                outcome.as_deref(),
            )
            .await
        }
        "another-way" => {
            commands::record_step(
                &mut tx.ex(),
                org_id,
                notice_id,
                Step::ContactAnotherWay,
                by,
                None,
            )
            .await
        }
        "retry" => commands::retry(&mut tx.ex(), state.door(), org_id, notice_id, by).await,
        _ => return Err(AppError::NotFound),
    };
    let flash = match done {
        Ok(()) => "messages-flash-done",
        Err(StepError::NotFound) => return Err(AppError::NotFound),
        Err(StepError::AlreadyDone) => "messages-flash-moved-on",
        Err(StepError::Database(e)) => return Err(e.into()),
    };
    tx.commit().await?;
    if step == "retry" {
        state.mail_wake.notify_one();
    }
    Ok(see_other_with_flash(&state, &back, flash))
}
