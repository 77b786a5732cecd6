//! Emails to people about their place at an event, in their language and in the format they asked
//! for: Easy Read wording, or an HTML part in their large-print size beside the plain text.
//! Confirmations and reminders carry the event's calendar file as well as the link to it.

use uuid::Uuid;

use super::domain::{CalendarEntry, calendar};
use super::storage::{self, EventRow, VenueRow};
use crate::access_plan::items::{DEFAULT_LARGE_PRINT_POINTS, MINIMUM_LARGE_PRINT_POINTS};
use crate::db::Ex;
use crate::email::{Attachment, Extras, OutgoingEmail, enqueue_with};
use crate::i18n::{Arg, Locale};
use crate::register::domain::{Format, Preferences};
use crate::register::{profile, storage as register};
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

/// How to write to one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub easy_read: bool,
    /// Point size of the HTML part, for people who asked for large print.
    pub large_print: Option<u8>,
}

/// The one place where a person's format preferences decide how an email is written. Someone who
/// asked for plain-text email gets no HTML part, even with large print (their reader sizes text).
pub fn style(preferences: &Preferences) -> Style {
    let wants = |format| preferences.formats.contains(&format);
    Style {
        easy_read: wants(Format::EasyRead),
        large_print: (wants(Format::LargePrint) && !wants(Format::PlainTextEmail)).then(|| {
            preferences
                .large_print_size
                .unwrap_or(DEFAULT_LARGE_PRINT_POINTS)
                .max(MINIMUM_LARGE_PRINT_POINTS)
        }),
    }
}

/// The subject and body messages of a letter in a style.
pub fn keys(letter: Letter, style: Style) -> (&'static str, &'static str) {
    match (letter, style.easy_read) {
        (Letter::Booked, false) => ("email-event-booked-subject", "email-event-booked-body"),
        (Letter::Booked, true) => ("email-event-booked-subject", "email-event-booked-easy"),
        (Letter::Reminder, false) => ("email-event-reminder-subject", "email-event-reminder-body"),
        (Letter::Reminder, true) => ("email-event-reminder-subject", "email-event-reminder-easy"),
        (Letter::BookingCancelled, false) => (
            "email-event-place-cancelled-subject",
            "email-event-place-cancelled-body",
        ),
        (Letter::BookingCancelled, true) => (
            "email-event-place-cancelled-subject",
            "email-event-place-cancelled-easy",
        ),
        (Letter::Changed, false) => ("email-event-changed-subject", "email-event-changed-body"),
        (Letter::Changed, true) => ("email-event-changed-subject", "email-event-changed-easy"),
        (Letter::EventCancelled, false) => (
            "email-event-cancelled-subject",
            "email-event-cancelled-body",
        ),
        (Letter::EventCancelled, true) => (
            "email-event-cancelled-subject",
            "email-event-cancelled-easy",
        ),
    }
}

/// The words as HTML at `points` size, paragraph for paragraph, with links that can be followed.
pub fn large_print(body: &str, points: u8, locale: Locale) -> String {
    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(linked).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family: Arial, sans-serif; font-size: {points}pt; line-height: 1.5\">{paragraphs}</body></html>",
        locale.code()
    )
}

fn linked(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let safe = escape(word);
            if word.starts_with("https://") || word.starts_with("http://") {
                format!("<a href=\"{safe}\">{safe}</a>")
            } else {
                safe
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
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

/// How `person` wants to be written to; plain wording if their preferences cannot be read.
pub async fn style_of(state: &AppState, ex: &mut Ex<'_>, person: Uuid) -> Style {
    let row = match register::find_person(ex, person).await {
        Ok(Some(row)) => row,
        _ => return Style::default(),
    };
    match profile::open(&state.keys, &row) {
        Ok(opened) => style(&opened.preferences),
        Err(error) => {
            tracing::warn!(%error, "could not open format preferences; writing plainly");
            Style::default()
        }
    }
}

/// Who a letter goes to.
pub struct Recipient<'a> {
    pub person: Uuid,
    pub name: &'a str,
    pub email: &'a str,
    pub language: &'a str,
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
    let style = style_of(state, ex, to.person).await;
    let locale = super::locale_of(to.language);
    let mut args = vec![
        ("name", Arg::from(to.name)),
        ("event", Arg::from(event.title.as_str())),
        ("when", Arg::from(super::when(event, locale))),
        ("place", Arg::from(place(event, venue))),
        (
            "calendar",
            Arg::from(state.link(&format!("/events/{}/calendar.ics", event.id))),
        ),
        (
            "link",
            Arg::from(state.link(&format!("/events/{}/book", event.id))),
        ),
    ];
    args.extend(extra);
    let (subject, body) = keys(letter, style);
    let body = locale.t_args(body, &args);
    let attachments = match letter {
        Letter::Booked | Letter::Reminder => vec![Attachment {
            filename: "event.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            content: calendar_file(state, event, venue).into_bytes(),
        }],
        _ => Vec::new(),
    };
    enqueue_with(
        ex,
        OutgoingEmail {
            to: to.email.to_owned(),
            subject: locale.t_args(subject, &args),
            body: body.clone(),
        },
        Extras {
            html: style
                .large_print
                .map(|points| large_print(&body, points, locale)),
            attachments,
        },
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wanting(formats: &[Format], size: Option<u8>) -> Style {
        style(&Preferences {
            formats: formats.to_vec(),
            large_print_size: size,
            ..Preferences::default()
        })
    }

    #[test]
    fn no_preference_is_plain_wording_and_text_only() {
        assert_eq!(wanting(&[], None), Style::default());
        assert_eq!(
            keys(Letter::Booked, Style::default()).1,
            "email-event-booked-body"
        );
    }

    #[test]
    fn easy_read_chooses_the_easy_read_wording() {
        let s = wanting(&[Format::EasyRead], None);
        assert!(s.easy_read);
        assert_eq!(s.large_print, None);
        assert_eq!(keys(Letter::Reminder, s).1, "email-event-reminder-easy");
        assert_eq!(
            keys(Letter::EventCancelled, s).1,
            "email-event-cancelled-easy"
        );
    }

    #[test]
    fn large_print_uses_the_size_asked_for_never_below_the_minimum() {
        assert_eq!(
            wanting(&[Format::LargePrint], Some(24)).large_print,
            Some(24)
        );
        assert_eq!(
            wanting(&[Format::LargePrint], None).large_print,
            Some(DEFAULT_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            wanting(&[Format::LargePrint], Some(10)).large_print,
            Some(MINIMUM_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            wanting(&[Format::LargePrint, Format::PlainTextEmail], Some(24)).large_print,
            None,
            "plain-text email means no HTML part"
        );
    }

    #[test]
    fn large_print_html_is_escaped_and_sized() {
        let html = large_print(
            "Hello <b>\n\nGo to https://x.example/a?b=1&c=2",
            24,
            Locale::Cy,
        );
        assert!(html.contains("font-size: 24pt"));
        assert!(html.contains("lang=\"cy\""));
        assert!(html.contains("<p>Hello &lt;b&gt;</p>"));
        assert!(html.contains("<a href=\"https://x.example/a?b=1&amp;c=2\">"));
    }
}
