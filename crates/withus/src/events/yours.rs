//! "Your events": the events a person on the register is invited to or has booked, coming up and
//! past, each linking to its booking page.

use askama::Template;
use axum::extract::State;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::BookingStatus;
use super::storage::EventRow;
use crate::db::Ex;
use crate::engagements::domain::{Bilingual, Shown};
use crate::on;
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

#[derive(sqlx::FromRow)]
struct Row {
    #[sqlx(flatten)]
    event: EventRow,
    engagement_title: String,
    engagement_title_cy: String,
    booking_status: Option<String>,
    attended: Option<bool>,
}

/// Published events `person` was invited to or has a booking for, soonest first.
async fn events_for(ex: &mut Ex<'_>, person: Uuid) -> Result<Vec<Row>, sqlx::Error> {
    let sql = "SELECT e.id, e.engagement_id, e.organisation_id, e.title, e.mode, e.starts_at, e.length_minutes, \
               e.breaks, e.capacity, e.venue_id, e.platform, e.captions, e.dial_in, e.booking, e.published, e.ready_at, \
               e.cancelled_at, e.cancel_reason, \
               g.title_en AS engagement_title, g.title_cy AS engagement_title_cy, \
               b.status AS booking_status, b.attended AS attended \
               FROM events e JOIN engagements g ON g.id = e.engagement_id \
               LEFT JOIN event_bookings b ON b.event_id = e.id AND b.person_id = $1 \
               WHERE e.published AND (b.id IS NOT NULL OR EXISTS \
                 (SELECT 1 FROM event_invitations i WHERE i.event_id = e.id AND i.person_id = $1)) \
               ORDER BY e.starts_at, e.id";
    on!(ex.re(), c => sqlx::query_as(sql).bind(person).fetch_all(c).await)
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
