//! What an event is: how people take part, who may book, where a booking stands, UK clock time and
//! the calendar file.

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

use serde::{Deserialize, Serialize};

use crate::vocab::stored_enum;

stored_enum!(
    /// How people take part.
    Mode, "event-mode" {
        InPerson => "in_person",
        Online => "online",
        Hybrid => "hybrid",
    }
);

stored_enum!(
    /// Who may book a place.
    BookingRule, "event-booking" {
        Public => "public",
        Invitation => "invitation",
    }
);

stored_enum!(
    /// Where one person's booking stands.
    BookingStatus, "booking-status" {
        Booked => "booked",
        Waiting => "waiting",
        Offered => "offered",
        Cancelled => "cancelled",
        Expired => "expired",
    }
);

impl Mode {
    pub fn needs_venue(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Hybrid)
    }
    pub fn is_online(self) -> bool {
        matches!(self, Mode::Online | Mode::Hybrid)
    }
}

/// How long a freed place is held for the person it is offered to.
pub const OFFER_HOURS: i64 = 48;

/// The last Sunday of a month, when UK clocks change (at 01:00 UTC).
fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, 31).unwrap_or(Date::MIN);
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().unwrap_or(day);
    }
    day
}

/// The UTC instant of a UK wall-clock time (British Summer Time from the last Sunday in March to the
/// last Sunday in October).
pub fn uk_to_utc(date: Date, time: Time) -> OffsetDateTime {
    let naive = PrimitiveDateTime::new(date, time).assume_utc();
    let bst_start = last_sunday(date.year(), Month::March)
        .with_hms(1, 0, 0)
        .map(|d| d.assume_utc());
    let bst_end = last_sunday(date.year(), Month::October)
        .with_hms(1, 0, 0)
        .map(|d| d.assume_utc());
    match (bst_start, bst_end) {
        (Ok(start), Ok(end))
            if naive - Duration::hours(1) >= start && naive - Duration::hours(1) < end =>
        {
            naive - Duration::hours(1)
        }
        _ => naive,
    }
}

/// The UK wall-clock time of a UTC instant.
pub fn utc_to_uk(at: OffsetDateTime) -> PrimitiveDateTime {
    let start = last_sunday(at.year(), Month::March).with_hms(1, 0, 0);
    let end = last_sunday(at.year(), Month::October).with_hms(1, 0, 0);
    let local = PrimitiveDateTime::new(at.date(), at.time());
    match (start, end) {
        (Ok(start), Ok(end)) if local >= start && local < end => local + Duration::hours(1),
        _ => local,
    }
}

/// "HH:MM" as a time of day.
pub fn parse_clock(text: &str) -> Option<Time> {
    let (h, m) = text.trim().split_once([':', '.'])?;
    Time::from_hms(h.trim().parse().ok()?, m.trim().parse().ok()?, 0).ok()
}

fn ics_time(at: OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Escapes text for an iCalendar value (RFC 5545 §3.3.11).
fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), without splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 74 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// What a calendar entry says about an event.
pub struct CalendarEntry<'a> {
    pub uid: String,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub starts_at: OffsetDateTime,
    pub minutes: i64,
    pub stamp: OffsetDateTime,
    /// A calendar that already has the event replaces it with a higher sequence number.
    pub sequence: i64,
    /// Tells calendars to remove the event (METHOD:CANCEL, STATUS:CANCELLED).
    pub cancelled: bool,
}

/// One VEVENT in a VCALENDAR, times in UTC.
pub fn calendar(entry: &CalendarEntry<'_>) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Withus//Events//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!(
            "METHOD:{}",
            if entry.cancelled { "CANCEL" } else { "PUBLISH" }
        ),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", entry.uid),
        format!("SEQUENCE:{}", entry.sequence),
        format!(
            "STATUS:{}",
            if entry.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ),
        format!("DTSTAMP:{}", ics_time(entry.stamp)),
        format!("DTSTART:{}", ics_time(entry.starts_at)),
        format!(
            "DTEND:{}",
            ics_time(entry.starts_at + Duration::minutes(entry.minutes))
        ),
        format!("SUMMARY:{}", ics_text(entry.summary)),
        format!("LOCATION:{}", ics_text(entry.location)),
        format!("DESCRIPTION:{}", ics_text(entry.description)),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime, time};

    #[test]
    fn uk_time_follows_summer_time() {
        assert_eq!(
            uk_to_utc(date!(2026 - 07 - 01), time!(10:00)),
            datetime!(2026-07-01 09:00 UTC)
        );
        assert_eq!(
            uk_to_utc(date!(2026 - 12 - 01), time!(10:00)),
            datetime!(2026-12-01 10:00 UTC)
        );
        assert_eq!(
            utc_to_uk(datetime!(2026-07-01 09:00 UTC)),
            datetime!(2026-07-01 10:00)
        );
    }

    #[test]
    fn calendar_is_folded_and_escaped() {
        let text = calendar(&CalendarEntry {
            uid: "x@withus".into(),
            summary: "Tea, and talk; together",
            location: "Hall",
            description: &"long ".repeat(40),
            starts_at: datetime!(2026-12-01 10:00 UTC),
            minutes: 90,
            stamp: datetime!(2026-11-01 10:00 UTC),
            sequence: 0,
            cancelled: false,
        });
        assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(text.contains("METHOD:PUBLISH\r\n") && text.contains("STATUS:CONFIRMED\r\n"));
        assert!(text.contains("DTSTART:20261201T100000Z\r\n"));
        assert!(text.contains("DTEND:20261201T113000Z\r\n"));
        assert!(text.contains("SUMMARY:Tea\\, and talk\\; together"));
        assert!(text.lines().all(|l| l.len() <= 75));
    }
}

/// Message keys built from stored values, so the catalogue check knows they are used.
pub fn generated_message_keys() -> Vec<String> {
    [
        Mode::ALL
            .iter()
            .map(|v| v.message_key())
            .collect::<Vec<_>>(),
        BookingRule::ALL.iter().map(|v| v.message_key()).collect(),
        BookingStatus::ALL.iter().map(|v| v.message_key()).collect(),
        Feature::ALL.iter().map(|v| v.message_key()).collect(),
        super::feedback::Answer::ALL
            .iter()
            .map(|v| v.message_key())
            .collect(),
    ]
    .concat()
}

stored_enum!(
    /// A venue's accessibility features, each stored in its own column of the same name.
    Feature, "venue-feature" {
        StepFree => "step_free",
        AccessibleToilet => "accessible_toilet",
        HearingLoop => "hearing_loop",
        AccessibleParking => "accessible_parking",
        QuietRoom => "quiet_room",
        AdjustableLighting => "adjustable_lighting",
        PublicTransport => "public_transport",
        ChangingPlaces => "changing_places",
    }
);

/// How a person told staff to book or cancel their place for them: the register's ways of
/// reaching staff (phone, letter, in person, email), or through someone who speaks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Told {
    By(crate::register::domain::Channel),
    Advocate,
}

impl Told {
    /// The choices staff are offered, in order.
    pub const CHOICES: [Told; 5] = {
        use crate::register::domain::Channel;
        [
            Told::By(Channel::Phone),
            Told::By(Channel::Paper),
            Told::By(Channel::InPerson),
            Told::By(Channel::Email),
            Told::Advocate,
        ]
    };

    /// The value kept in the audit log, e.g. `phone`.
    pub fn as_str(self) -> &'static str {
        match self {
            Told::By(channel) => channel.as_str(),
            Told::Advocate => "advocate",
        }
    }

    /// One of [`Told::CHOICES`]; never "online", which is the person acting for themselves.
    pub fn parse(value: &str) -> Option<Told> {
        Told::CHOICES.into_iter().find(|t| t.as_str() == value)
    }

    pub fn message_key(self) -> String {
        match self {
            Told::By(channel) => channel.message_key(),
            Told::Advocate => "event-told-advocate".into(),
        }
    }
}

#[cfg(test)]
mod told_tests {
    use super::Told;

    #[test]
    fn staff_choose_how_they_were_told_and_online_is_not_a_choice() {
        for told in Told::CHOICES {
            assert_eq!(Told::parse(told.as_str()), Some(told));
        }
        assert_eq!(Told::parse("online"), None);
        assert_eq!(Told::parse(""), None);
        assert_eq!(Told::Advocate.message_key(), "event-told-advocate");
    }
}
