//! Emails to people about their place at an event. The notices door writes each in the person's
//! language and the format they asked for (Easy Read wording, large print); confirmations and
//! reminders carry the event's calendar file as well as the link to it.

use uuid::Uuid;

use super::domain::{CalendarEntry, calendar};
use super::storage::{self, EventRow, VenueRow};
use crate::db::Ex;
use crate::email::Attachment;
use crate::i18n::Arg;
use crate::notices::{self, Notice};
use crate::register::contact::style_of;
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

/// The event as an iCalendar file (RFC 5545), times in UTC.
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
    })
}

pub async fn venue_of(ex: &mut Ex<'_>, event: &EventRow) -> Result<Option<VenueRow>, sqlx::Error> {
    match event.venue_id {
        Some(id) => storage::find_venue(ex, id).await,
        None => Ok(None),
    }
}

/// Who a letter goes to.
pub struct Recipient<'a> {
    pub person: Uuid,
    pub name: &'a str,
    pub email: &'a str,
    pub language: &'a str,
}

/// How to reach a panel member: their address, their language and the format they asked for.
pub async fn recipient<'a>(
    state: &AppState,
    ex: &mut Ex<'_>,
    person: Uuid,
    email: &'a str,
    language: &str,
) -> notices::Recipient<'a> {
    notices::Recipient {
        address: email,
        locale: super::locale_of(language),
        style: style_of(state, ex, person).await,
    }
}

/// Queues one letter in the caller's transaction, with `extra` arguments (a reason, what changed).
pub async fn send(
    ex: &mut Ex<'_>,
    state: &AppState,
    letter: Letter,
    event: &EventRow,
    venue: Option<&VenueRow>,
    to: &Recipient<'_>,
    extra: Vec<(&'static str, Arg)>,
) -> Result<(), sqlx::Error> {
    let recipient = recipient(state, ex, to.person, to.email, to.language).await;
    let locale = recipient.locale;
    let (subject, body, easy) = keys(letter);
    let mut notice = Notice::new(subject, body)
        .easy_read(easy)
        .arg("name", to.name)
        .arg("event", event.title.as_str())
        .arg("when", super::when(event, locale))
        .arg("place", place(event, venue))
        .arg(
            "calendar",
            state.link(&format!("/events/{}/calendar.ics", event.id)),
        )
        .arg("link", state.link(&format!("/events/{}/book", event.id)))
        .args(extra);
    if matches!(letter, Letter::Booked | Letter::Reminder) {
        notice = notice.attach(Attachment {
            filename: "event.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            content: calendar_file(state, event, venue).into_bytes(),
        });
    }
    notices::send(ex, &recipient, notice).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::Style;

    fn body(letter: Letter, style: Style) -> &'static str {
        let (subject, body, easy) = keys(letter);
        Notice::new(subject, body).easy_read(easy).body_key(style)
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
