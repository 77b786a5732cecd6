//! Commands on a person's own place at an event: book it (or join the waiting list, or change what
//! they need), cancel it, take a place offered from the waiting list. Each writes, audits and
//! queues the person's letter in the caller's transaction. Staff can book or cancel for a person
//! who told them by phone, letter, in person, email or through an advocate: the same commands,
//! with the audit entry saying for whom and how they told staff.

use serde_json::json;
use uuid::Uuid;

use super::domain::{BookingStatus, Told};
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
    #[error(transparent)]
    Payment(#[from] crate::payments::PaymentError),
}

impl From<PlaceError> for crate::web::AppError {
    fn from(error: PlaceError) -> Self {
        match error {
            PlaceError::NoSuchEvent => crate::web::AppError::NotFound,
            PlaceError::Database(error) => error.into(),
            PlaceError::Payment(error) => error.into(),
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

/// Who asked for a change to a place: the person themselves, or staff the person told.
#[derive(Debug, Clone, Copy)]
struct Asked {
    by: Option<Uuid>,
    /// How the person told staff; `None` when they acted for themselves.
    told: Option<Told>,
}

impl Asked {
    /// The audit entry: the person's own action, or one staff took for them (`for_them`).
    fn entry(
        self,
        own: Action,
        for_them: Action,
        subject: &Subject,
        event: &EventRow,
        mut details: serde_json::Value,
    ) -> Entry {
        let action = match self.told {
            Some(told) => {
                details["person"] = json!(subject.person.id);
                details["told"] = json!(told.as_str());
                for_them
            }
            None => own,
        };
        Entry::new(action, "event", event.id)
            .by(self.by)
            .in_organisation(event.organisation_id)
            .with(details)
    }
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
    let asked = Asked { by, told: None };
    place(ex, state, asked, subject, event, needs).await
}

/// [`book`], by staff for the person, who told them how (`told`).
pub async fn book_for(
    ex: &mut Ex<'_>,
    state: &AppState,
    staff: Option<Uuid>,
    told: Told,
    subject: &Subject,
    event: &EventRow,
    needs: &Needs,
) -> Result<BookingStatus, PlaceError> {
    let asked = Asked {
        by: staff,
        told: Some(told),
    };
    place(ex, state, asked, subject, event, needs).await
}

async fn place(
    ex: &mut Ex<'_>,
    state: &AppState,
    asked: Asked,
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
                asked.entry(
                    Action::EventBooked,
                    Action::EventBookedForPerson,
                    subject,
                    event,
                    json!({ "status": status.as_str() }),
                ),
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
                    asked.entry(
                        Action::EventBookingChanged,
                        Action::EventBookingChangedForPerson,
                        subject,
                        event,
                        json!({ "status": status.as_str() }),
                    ),
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
    give_up(ex, state, Asked { by, told: None }, subject, event).await
}

/// [`cancel`], by staff for the person, who told them how (`told`).
pub async fn cancel_for(
    ex: &mut Ex<'_>,
    state: &AppState,
    staff: Option<Uuid>,
    told: Told,
    subject: &Subject,
    event: &EventRow,
) -> Result<bool, PlaceError> {
    let asked = Asked {
        by: staff,
        told: Some(told),
    };
    give_up(ex, state, asked, subject, event).await
}

async fn give_up(
    ex: &mut Ex<'_>,
    state: &AppState,
    asked: Asked,
    subject: &Subject,
    event: &EventRow,
) -> Result<bool, PlaceError> {
    let Some(before) = storage::cancel(ex, event.id, subject.person.id).await? else {
        return Ok(false);
    };
    write(ex, state, subject, event, Letter::BookingCancelled).await?;
    if before == BookingStatus::Booked {
        // A place given up close to the start is paid as the organisation's policy says.
        let hours_before = (event.starts_at - crate::db::now()).whole_hours();
        if hours_before >= 0 {
            crate::payments::commands::due_for_late_cancellation(
                ex,
                &state.keys,
                &crate::payments::commands::Attended {
                    event: event.id,
                    engagement: event.engagement_id,
                    person: subject.person.id,
                    title: &event.title,
                    day: event.starts_at.date(),
                    minutes: u32::try_from(event.length_minutes).unwrap_or(0),
                },
                hours_before,
            )
            .await?;
        }
    }
    super::settle_and_notify(ex, state, event).await?;
    audit::record(
        ex,
        asked.entry(
            Action::EventBookingCancelled,
            Action::EventBookingCancelledForPerson,
            subject,
            event,
            json!({ "was": before.as_str() }),
        ),
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
