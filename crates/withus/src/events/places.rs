//! Commands on a person's own place at an event: book it (or join the waiting list, or change what
//! they need), cancel it, take a place offered from the waiting list. Each writes, audits and
//! queues the person's letter in the caller's transaction.

use serde_json::json;
use uuid::Uuid;

use super::domain::BookingStatus;
use super::letters::{self, Letter};
use super::storage::{self, Details, EventRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::record::subject::Subject;
use crate::state::AppState;

/// What a person says they need for an event, as checked text.
#[derive(Debug, Clone, Default)]
pub struct Needs {
    pub event_needs: String,
    pub travel_needs: String,
    pub companion: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    #[error("the event cannot be booked")]
    NoSuchEvent,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<PlaceError> for crate::web::AppError {
    fn from(error: PlaceError) -> Self {
        match error {
            PlaceError::NoSuchEvent => crate::web::AppError::NotFound,
            PlaceError::Database(error) => error.into(),
        }
    }
}

/// Tells the person about their own place, by their channel.
async fn write(
    ex: &mut Ex<'_>,
    state: &AppState,
    subject: &Subject,
    event: &EventRow,
    letter: Letter,
) -> Result<(), sqlx::Error> {
    // Booked inside the reminder window: the confirmation is the reminder.
    let now = crate::db::now();
    if letter == Letter::Booked
        && event.starts_at - now <= state.config.event_reminder
        && let Some(booking) = storage::booking_of(ex, event.id, subject.person.id).await?
    {
        storage::mark_reminded(ex, booking.id, now).await?;
    }
    let venue = letters::venue_of(ex, event).await?;
    letters::send(
        ex,
        state,
        letter,
        event,
        venue.as_ref(),
        subject.person.id,
        |_| Vec::new(),
    )
    .await?;
    Ok(())
}

/// Books a place for the person (or a place on the waiting list when the event is full), or
/// changes what they need if they already have one. Their new status.
pub async fn book(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Option<Uuid>,
    subject: &Subject,
    event: &EventRow,
    needs: &Needs,
) -> Result<BookingStatus, PlaceError> {
    let person = subject.person.id;
    let details = Details {
        event_needs: super::seal(state, event.id, person, "event_needs", &needs.event_needs),
        travel_needs: super::seal(state, event.id, person, "travel_needs", &needs.travel_needs),
        companion: needs.companion,
    };
    // Booking takes the event's lock first, so nothing is read before it.
    let (status, before) = storage::book(ex, event.id, person, &details)
        .await?
        .ok_or(PlaceError::NoSuchEvent)?;
    match before {
        // A new place or a new place on the waiting list.
        None => {
            if status == BookingStatus::Booked {
                write(ex, state, subject, event, Letter::Booked).await?;
            }
            audit::record(
                ex,
                Entry::new(Action::EventBooked, "event", event.id)
                    .by(by)
                    .in_organisation(event.organisation_id)
                    .with(json!({ "status": status.as_str() })),
            )
            .await?;
        }
        // Already booked, waiting or offered: only a change to what they need is worth a line.
        Some(before) => {
            let same = super::open(state, &before, "event_needs", before.event_needs.as_deref())
                == needs.event_needs.trim()
                && super::open(
                    state,
                    &before,
                    "travel_needs",
                    before.travel_needs.as_deref(),
                ) == needs.travel_needs.trim()
                && before.companion == needs.companion;
            if !same {
                audit::record(
                    ex,
                    Entry::new(Action::EventBookingChanged, "event", event.id)
                        .by(by)
                        .in_organisation(event.organisation_id)
                        .with(json!({ "status": status.as_str() })),
                )
                .await?;
            }
        }
    }
    Ok(status)
}

/// Cancels the person's place (or their place on the waiting list) and offers it on. Whether they
/// had one.
pub async fn cancel(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Option<Uuid>,
    subject: &Subject,
    event: &EventRow,
) -> Result<bool, PlaceError> {
    let Some(before) = storage::cancel(ex, event.id, subject.person.id).await? else {
        return Ok(false);
    };
    write(ex, state, subject, event, Letter::BookingCancelled).await?;
    super::settle_and_notify(ex, state, event).await?;
    audit::record(
        ex,
        Entry::new(Action::EventBookingCancelled, "event", event.id)
            .by(by)
            .in_organisation(event.organisation_id)
            .with(json!({ "was": before.as_str() })),
    )
    .await?;
    Ok(true)
}

/// Takes the place offered to the person, if the offer still stands. Whether they have it.
pub async fn accept(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Option<Uuid>,
    subject: &Subject,
    event: &EventRow,
) -> Result<bool, PlaceError> {
    let taken = storage::accept(ex, event.id, subject.person.id, crate::db::now()).await?;
    if taken {
        write(ex, state, subject, event, Letter::Booked).await?;
        audit::record(
            ex,
            Entry::new(Action::EventOfferAccepted, "event", event.id)
                .by(by)
                .in_organisation(event.organisation_id),
        )
        .await?;
    }
    Ok(taken)
}
