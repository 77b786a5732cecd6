//! Reminders: booked people get one email a set time before their event (WITHUS_EVENT_REMINDER_HOURS,
//! 48 by default), with the calendar file. A background sweep finds the places due; recording the
//! reminder on the booking in the same transaction as the email means each is sent once, even with
//! several instances sweeping. People without email are listed on the organiser's event page.
//!
//! The same sweep passes on waiting-list offers that ran out: the place goes to the next person
//! waiting, who is told. (Looking at a booking page never writes.)

use std::time::Duration;

use serde_json::json;
use time::OffsetDateTime;
use tokio::sync::watch;

use super::letters::{self, Letter};
use super::storage;
use crate::audit::{self, Action, Entry};
use crate::state::AppState;

/// How often the sweep looks for reminders due.
const EVERY: Duration = Duration::from_secs(10 * 60);

/// Queues every reminder due at `now`; returns how many.
pub async fn sweep(state: &AppState, now: OffsetDateTime) -> Result<usize, sqlx::Error> {
    let due = {
        let mut conn = state.db.acquire().await?;
        storage::reminders_due(&mut conn.ex(), now, state.config.event_reminder).await?
    };
    let mut sent = 0;
    for place in due {
        let mut tx = state.db.begin().await?;
        if !storage::mark_reminded(&mut tx.ex(), place.booking_id, now).await? {
            continue;
        }
        let (Some(event), Some(booking)) = (
            storage::find_event(&mut tx.ex(), place.event_id).await?,
            storage::booking_of(&mut tx.ex(), place.event_id, place.person_id).await?,
        ) else {
            continue;
        };
        let venue = letters::venue_of(&mut tx.ex(), &event).await?;
        letters::send(
            &mut tx.ex(),
            state,
            Letter::Reminder,
            &event,
            venue.as_ref(),
            booking.person_id,
            |_| Vec::new(),
        )
        .await?;
        audit::record(
            &mut tx.ex(),
            Entry::new(Action::EventReminderSent, "event", event.id)
                .in_organisation(event.organisation_id)
                .with(json!({ "booking": booking.id })),
        )
        .await?;
        tx.commit().await?;
        sent += 1;
    }
    if sent > 0 {
        state.mail_wake.notify_one();
    }
    Ok(sent)
}

/// Lapses every offer that has run out at `now` and offers the places to the next people waiting,
/// each event in its own transaction; returns how many events it settled.
pub async fn pass_on_lapsed_offers(
    state: &AppState,
    now: OffsetDateTime,
) -> Result<usize, crate::web::AppError> {
    let events = {
        let mut conn = state.db.acquire().await?;
        storage::events_with_lapsed_offers(&mut conn.ex(), now).await?
    };
    let mut settled = 0;
    for id in events {
        let mut tx = state.db.begin().await?;
        let Some(event) = storage::find_event(&mut tx.ex(), id).await? else {
            continue;
        };
        super::settle_and_notify(&mut tx.ex(), state, &event).await?;
        tx.commit().await?;
        settled += 1;
    }
    if settled > 0 {
        state.mail_wake.notify_one();
    }
    Ok(settled)
}

/// Sweeps now and then every few minutes, until `shutdown` changes.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    loop {
        match sweep(&state, crate::db::now()).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "event reminders queued"),
            Err(error) => tracing::error!(%error, "the reminder sweep could not read the bookings"),
        }
        match pass_on_lapsed_offers(&state, crate::db::now()).await {
            Ok(0) => {}
            Ok(settled) => tracing::info!(settled, "lapsed waiting-list offers passed on"),
            Err(error) => tracing::error!(%error, "lapsed offers could not be passed on"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}
