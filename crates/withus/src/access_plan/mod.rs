//! The access plan of one event: every adjustment its attendees need, counted, with who needs it
//! (only where they agreed to share their name), its status, deadline, booking date and cost; whether
//! the event can be marked ready; and which papers lack a format someone needs.
//!
//! Pure domain logic: it takes plain facts about the event and its attendees and stores nothing, so
//! the events and bookings code can feed it from whatever tables they keep.
//!
//! Rules come from domain reference §3 (access needs checklist) and are named constants in
//! [`deadlines`] and [`items`].

pub mod deadlines;
pub mod items;
pub mod papers;
pub mod readiness;
pub mod working_days;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::i18n::Locale;
use crate::register::domain::{AccessProfile, Format};
use crate::vocab::stored_enum;

pub use deadlines::{deadline_for, is_overdue};
pub use items::{ItemKind, Person, PlanItem, Status, build_plan};
pub use papers::{Paper, PaperFlag, PaperFormat, paper_blockers, paper_flags};
pub use readiness::{Blocker, can_mark_ready, people_to_tell};

stored_enum!(
    /// How people take part in an event.
    Mode, "access-plan-mode" {
        InPerson => "in_person",
        Online => "online",
        Hybrid => "hybrid",
    }
);

impl Mode {
    /// Whether anyone is in a room, so venue adjustments matter.
    pub fn has_room(self) -> bool {
        matches!(self, Mode::InPerson | Mode::Hybrid)
    }

    /// Whether anyone joins online, so platform adjustments matter.
    pub fn has_online(self) -> bool {
        matches!(self, Mode::Online | Mode::Hybrid)
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_key())
    }
}

/// What a venue offers, as recorded on the venue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VenueFacts {
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub hearing_loop: bool,
    pub quiet_room: bool,
    pub accessible_parking: bool,
    /// Recorded for people reading the venue page; no checklist need asks for it yet.
    pub changing_places: bool,
    pub adjustable_lighting: bool,
}

/// The facts about an event the plan needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFacts {
    pub starts_at: OffsetDateTime,
    pub length_minutes: u32,
    pub mode: Mode,
    pub venue: Option<VenueFacts>,
    /// The online platform shows live captions.
    pub captions: bool,
    pub phone_dial_in: bool,
}

/// One person booked on the event, with what they shared for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendee {
    pub id: Uuid,
    /// Shown to the organiser only when `shares_name_with_organiser`.
    pub name: String,
    /// The saved access needs as confirmed for this event; `None` when none are shared.
    pub needs: Option<AccessProfile>,
    pub shares_name_with_organiser: bool,
    /// Needs added for this event only (food and drink, for example), in the person's words.
    pub event_specific: String,
    /// A companion or personal assistant (PA) comes too.
    pub companion: bool,
    /// Travel needs (a taxi, for example), in the person's words.
    pub travel: String,
    /// Point size for large print, from their preferences.
    pub large_print_size: Option<u8>,
    /// Formats from their preferences (audio, BSL video …).
    pub formats: Vec<Format>,
    pub language: Locale,
}

impl Attendee {
    fn has_need(&self, need: crate::register::domain::AccessNeed) -> bool {
        self.needs.as_ref().is_some_and(|n| n.has(need))
    }

    fn wants_format(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}

/// Message keys built from values at run time, so the catalogue tests can check them.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = ItemKind::ALL.iter().map(|k| k.message_key()).collect();
    keys.extend(Mode::ALL.iter().map(|m| m.message_key()));
    keys.extend(PaperFormat::ALL.iter().map(|f| f.message_key()));
    keys.extend(Status::KEYS.iter().map(|k| (*k).to_owned()));
    keys.extend(Blocker::KEYS.iter().map(|k| (*k).to_owned()));
    keys.extend(PaperFlag::KEYS.iter().map(|k| (*k).to_owned()));
    keys
}

#[cfg(test)]
pub(crate) mod fixtures {
    use time::macros::datetime;

    use super::*;
    use crate::register::domain::{AccessNeed, NeedEntry};

    pub fn event(length_minutes: u32) -> EventFacts {
        EventFacts {
            starts_at: datetime!(2027-01-05 10:00 UTC),
            length_minutes,
            mode: Mode::InPerson,
            venue: None,
            captions: false,
            phone_dial_in: false,
        }
    }

    pub fn attendee(name: &str, needs: &[AccessNeed]) -> Attendee {
        Attendee {
            id: Uuid::now_v7(),
            name: name.to_owned(),
            needs: Some(AccessProfile {
                needs: needs
                    .iter()
                    .map(|n| NeedEntry {
                        need: *n,
                        detail: String::new(),
                    })
                    .collect(),
                ..AccessProfile::default()
            }),
            shares_name_with_organiser: true,
            ..Attendee::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Arg;

    #[test]
    fn every_message_reads_in_english_and_welsh() {
        let args = || {
            ["item", "title", "format", "due", "published"]
                .map(|name| (name, Arg::Text("x".into())))
                .into_iter()
                .chain([("count", Arg::Number(2))])
                .collect::<Vec<_>>()
        };
        for key in generated_message_keys() {
            let en = Locale::En.t_args(&key, &args());
            let cy = Locale::Cy.t_args(&key, &args());
            assert!(!en.is_empty() && en != key, "{key}: {en}");
            assert!(!cy.is_empty() && cy != key && cy != en, "{key}: {cy}");
        }
    }

    #[test]
    fn people_not_named_are_counted_in_both_languages() {
        let not_named = |locale: Locale, count| {
            locale.t_args(items::WHO_NOT_NAMED_KEY, &[("count", Arg::Number(count))])
        };
        assert_eq!(not_named(Locale::En, 1), "1 person (not named)");
        assert_eq!(not_named(Locale::En, 3), "3 people (not named)");
        assert_eq!(not_named(Locale::Cy, 2), "2 berson (heb eu henwi)");
    }

    #[test]
    fn blockers_name_the_item() {
        let item = Locale::En.t(&ItemKind::EasyRead.message_key());
        let text = Locale::En.t_args(
            Blocker::Unresolved {
                kind: ItemKind::EasyRead,
                size: None,
            }
            .message_key(),
            &[("item", Arg::Text(item))],
        );
        assert_eq!(text, "Easy Read papers: not arranged yet.");
    }
}
