//! Demo mode's list of the emails Withus has sent, so reset and invitation links can be followed
//! without a mail server.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use crate::email::outbox::{self, OutboxRow};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::dates::format_date_time;
use crate::web::{AppError, AppResult, Page, render};

#[derive(Template)]
#[template(path = "demo/templates/emails.html")]
struct ListPage {
    page: Page,
    emails: Vec<(OutboxRow, String, String)>,
}

/// A piece of an email body: plain text, or a link to make clickable.
pub enum Segment {
    Text(String),
    Link(String),
}

#[derive(Template)]
#[template(path = "demo/templates/email.html")]
struct ShowPage {
    page: Page,
    email: OutboxRow,
    lines: Vec<Vec<Segment>>,
}

fn status_key(status: &str) -> &'static str {
    match status {
        "sent" => "email-status-sent",
        "failed" => "email-status-failed",
        _ => "email-status-pending",
    }
}

pub async fn list(State(state): State<AppState>, page: Page) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let emails = outbox::list_recent(&mut conn.ex(), 100)
        .await?
        .into_iter()
        .map(|e| {
            let status = page.t(status_key(&e.status));
            let when = format_date_time(e.created_at, page.locale());
            (e, status, when)
        })
        .collect();
    render(ListPage { page, emails })
}

pub fn segments(line: &str) -> Vec<Segment> {
    line.split_inclusive(' ')
        .map(|word| {
            let trimmed = word.trim_end();
            if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
                Segment::Link(trimmed.to_owned())
            } else {
                Segment::Text(word.to_owned())
            }
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    Ids(email_id): Ids<Uuid>,
) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let email = outbox::find(&mut conn.ex(), email_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let lines = email
        .body_text
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(segments)
        .collect();
    render(ShowPage { page, email, lines })
}
