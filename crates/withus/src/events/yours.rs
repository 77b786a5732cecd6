//! "Your events": the events a person on the register is invited to or has booked, coming up and
//! past, each linking to its booking page.

use askama::Template;
use axum::extract::State;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::BookingStatus;
use super::storage::events_for;
use crate::engagements::domain::{Bilingual, Shown};
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::{AppError, AppResult, Page, render};

/// One event on the person's list, with where they stand.
pub struct Line {
    pub event_id: Uuid,
    pub title: String,
    pub engagement: Shown,
    pub when: String,
    /// A message key: "your-events-invited" or a booking status's key.
    pub status_key: String,
    pub attended: bool,
}

#[derive(Template)]
#[template(path = "events/templates/your_events.html")]
struct YourEventsPage {
    page: Page,
    upcoming: Vec<Line>,
    past: Vec<Line>,
}

pub async fn list(State(state): State<AppState>, page: Page) -> AppResult {
    // Someone signed in but not on any register simply has no events yet.
    let rows = match subject::own(&state, &page).await {
        Ok(subject) => {
            let mut conn = state.db.acquire().await?;
            events_for(&mut conn.ex(), subject.person.id).await?
        }
        Err(AppError::NotFound) => Vec::new(),
        Err(other) => return Err(other),
    };
    let now = OffsetDateTime::now_utc();
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for row in rows {
        let ends = row.event.starts_at + Duration::minutes(row.event.length_minutes);
        let status_key = match row.booking_status.as_deref().and_then(BookingStatus::parse) {
            _ if row.event.cancelled_at.is_some() => "event-cancelled-tag".to_owned(),
            Some(status) => status.message_key(),
            None => "your-events-invited".to_owned(),
        };
        let engagement =
            Bilingual::new(row.engagement_title, row.engagement_title_cy).shown(page.locale());
        let line = Line {
            event_id: row.event.id,
            title: row.event.title.clone(),
            engagement,
            when: super::when(&row.event, page.locale()),
            status_key,
            attended: row.attended.unwrap_or(false),
        };
        if ends < now {
            past.push(line);
        } else {
            upcoming.push(line);
        }
    }
    past.reverse();
    render(YourEventsPage {
        page,
        upcoming,
        past,
    })
}
