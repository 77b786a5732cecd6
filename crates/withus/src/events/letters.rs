//! Letters to people about their place at an event. The notices door writes each in the person's
//! language and the format they asked for (Easy Read wording, large print) and sends it by their
//! channel; all but a cancelled place carry the event's calendar file as well as the link to it.

use uuid::Uuid;

use super::domain::{CalendarEntry, calendar};
use super::storage::{self, EventRow, VenueRow};
use crate::db::Ex;
use crate::email::Attachment;
use crate::i18n::{Arg, Locale};
use crate::notices::{self, Delivery, Notice, NoticeKind};
use crate::register::contact::addressee;
use crate::state::AppState;

/// What an email tells the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letter {
    Booked,
    Reminder,
    BookingCancelled,
    Changed,
    EventCancelled,
}

/// The kind of notice a letter is.
pub fn kind(letter: Letter) -> NoticeKind {
    match letter {
        Letter::Booked => NoticeKind::EventBooked,
        Letter::Reminder => NoticeKind::EventReminder,
        Letter::BookingCancelled => NoticeKind::PlaceCancelled,
        Letter::Changed => NoticeKind::EventChanged,
        Letter::EventCancelled => NoticeKind::EventCancelled,
    }
}

/// The subject, standard body and Easy Read body messages of a letter.
pub fn keys(letter: Letter) -> (&'static str, &'static str, &'static str) {
    match letter {
        Letter::Booked => (
            "email-event-booked-subject",
            "email-event-booked-body",
            "email-event-booked-easy",
        ),
        Letter::Reminder => (
            "email-event-reminder-subject",
            "email-event-reminder-body",
            "email-event-reminder-easy",
        ),
        Letter::BookingCancelled => (
            "email-event-place-cancelled-subject",
            "email-event-place-cancelled-body",
            "email-event-place-cancelled-easy",
        ),
        Letter::Changed => (
            "email-event-changed-subject",
            "email-event-changed-body",
            "email-event-changed-easy",
        ),
        Letter::EventCancelled => (
            "email-event-cancelled-subject",
            "email-event-cancelled-body",
            "email-event-cancelled-easy",
        ),
    }
}

/// Where the event is, as a calendar and an email say it.
pub fn place(event: &EventRow, venue: Option<&VenueRow>) -> String {
    match (venue, event.mode().is_online()) {
        (Some(v), false) => format!("{}, {}", v.name, v.address),
        (Some(v), true) => format!("{}, {} / {}", v.name, v.address, event.platform),
        (None, _) => event.platform.clone(),
    }
}

/// The event as an iCalendar file (RFC 5545), times in UTC. A cancelled event's file tells
/// calendars to remove it; a changed event's file replaces the one sent before (its sequence
/// number is the time of the change).
pub fn calendar_file(state: &AppState, event: &EventRow, venue: Option<&VenueRow>) -> String {
    let host = state
        .link("")
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .to_owned();
    calendar(&CalendarEntry {
        uid: format!("{}@{}", event.id, host),
        summary: &event.title,
        location: &place(event, venue),
        description: &state.link(&format!("/events/{}/book", event.id)),
        starts_at: event.starts_at,
        minutes: event.length_minutes,
        stamp: crate::db::now(),
        sequence: event.updated_at.unix_timestamp(),
        cancelled: event.cancelled_at.is_some(),
    })
}

pub async fn venue_of(ex: &mut Ex<'_>, event: &EventRow) -> Result<Option<VenueRow>, sqlx::Error> {
    match event.venue_id {
        Some(id) => storage::find_venue(ex, id).await,
        None => Ok(None),
    }
}

/// Sends `person` the notice `write` makes in their language, from the event's organisation and
/// about the event, through the notices door. An organisation that writes in Welsh and English
/// sends it in both, Welsh first.
pub async fn notify(
    ex: &mut Ex<'_>,
    state: &AppState,
    event: &EventRow,
    person: Uuid,
    write: impl Fn(&notices::Addressee) -> Notice,
) -> Result<Delivery, sqlx::Error> {
    let Some(to) = addressee(state, ex, person).await? else {
        return Ok(Delivery::NeedsContact);
    };
    let notice = crate::organisations::in_its_languages(ex, event.organisation_id, &to, write)
        .await?
        .about(&event.title, Some(event.engagement_id))
        .from(event.organisation_id);
    notices::send(ex, state.door(), &to, notice).await
}

/// Sends one letter to `person` in the caller's transaction, with `extra` arguments (a reason,
/// what changed) written in their language, through the notices door (their channel, language and
/// format). Confirmations, reminders, changes and cancellations carry the calendar file.
#[allow(clippy::too_many_arguments)]
pub async fn send(
    ex: &mut Ex<'_>,
    state: &AppState,
    letter: Letter,
    event: &EventRow,
    venue: Option<&VenueRow>,
    person: Uuid,
    extra: impl Fn(Locale) -> Vec<(&'static str, Arg)>,
) -> Result<Delivery, sqlx::Error> {
    let calendar = (letter != Letter::BookingCancelled).then(|| {
        let mut as_sent = event.clone();
        let method = if letter == Letter::EventCancelled {
            as_sent.cancelled_at.get_or_insert_with(crate::db::now);
            "CANCEL"
        } else {
            "PUBLISH"
        };
        Attachment {
            filename: "event.ics".into(),
            content_type: format!("text/calendar; charset=utf-8; method={method}"),
            content: calendar_file(state, &as_sent, venue).into_bytes(),
        }
    });
    notify(ex, state, event, person, |to| {
        let locale = to.locale;
        let notice = Notice::new(kind(letter))
            .arg("name", to.name.as_str())
            .arg("event", event.title.as_str())
            .arg("when", super::when(event, locale))
            .arg("place", place(event, venue))
            .arg(
                "calendar",
                state.link(&format!("/events/{}/calendar.ics", event.id)),
            )
            .arg("link", state.link(&format!("/events/{}/book", event.id)))
            .args(extra(locale));
        match &calendar {
            Some(file) => notice.attach(file.clone()),
            None => notice,
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::Style;

    fn body(letter: Letter, style: Style) -> &'static str {
        Notice::new(kind(letter)).body_key(style)
    }

    #[test]
    fn no_preference_is_plain_wording() {
        assert_eq!(
            body(Letter::Booked, Style::default()),
            "email-event-booked-body"
        );
    }

    #[test]
    fn easy_read_chooses_the_easy_read_wording() {
        let s = Style {
            easy_read: true,
            large_print: None,
        };
        assert_eq!(body(Letter::Reminder, s), "email-event-reminder-easy");
        assert_eq!(
            body(Letter::EventCancelled, s),
            "email-event-cancelled-easy"
        );
    }
}
