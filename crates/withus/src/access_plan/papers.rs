//! Papers for an event, and the flags the access plan raises about them: a format someone needs is
//! missing, or the paper is not published by the papers deadline.
//!
//! Braille copies are not a paper format here: they are produced from the standard paper and counted
//! as a plan item ([`super::ItemKind::Braille`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::deadlines::papers_deadline;
use super::{Attendee, EventFacts};
use crate::i18n::Locale;
use crate::register::domain::{AccessNeed, Format};
use crate::vocab::stored_enum;

stored_enum!(
    /// A format a paper is available in.
    PaperFormat, "access-plan-format" {
        Standard => "standard",
        EasyRead => "easy_read",
        LargePrint => "large_print",
        Audio => "audio",
        BslVideo => "bsl_video",
        Welsh => "welsh",
    }
);

impl PaperFormat {
    /// Whether this attendee needs papers in this format.
    pub fn needed_by(self, attendee: &Attendee) -> bool {
        match self {
            PaperFormat::Standard => false,
            PaperFormat::EasyRead => {
                attendee.has_need(AccessNeed::EasyRead) || attendee.wants_format(Format::EasyRead)
            }
            PaperFormat::LargePrint => {
                attendee.has_need(AccessNeed::LargePrint)
                    || attendee.wants_format(Format::LargePrint)
            }
            PaperFormat::Audio => attendee.wants_format(Format::Audio),
            PaperFormat::BslVideo => attendee.wants_format(Format::BslVideo),
            PaperFormat::Welsh => attendee.language == Locale::Cy,
        }
    }
}

/// A document attached to an event or engagement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub title: String,
    pub formats_available: BTreeSet<PaperFormat>,
    pub published_at: Option<OffsetDateTime>,
}

/// Something wrong with a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperFlag {
    /// Not available in a format that `people` attendees need.
    MissingFormat {
        title: String,
        format: PaperFormat,
        people: usize,
    },
    /// Not published yet; due by `due`.
    NotPublished { title: String, due: Date },
    /// Published after the papers deadline.
    PublishedLate {
        title: String,
        due: Date,
        published_on: Date,
    },
}

impl PaperFlag {
    pub const KEYS: &'static [&'static str] = &[
        "access-plan-flag-missing-format",
        "access-plan-flag-not-published",
        "access-plan-flag-published-late",
    ];

    pub fn message_key(&self) -> &'static str {
        Self::KEYS[match self {
            PaperFlag::MissingFormat { .. } => 0,
            PaperFlag::NotPublished { .. } => 1,
            PaperFlag::PublishedLate { .. } => 2,
        }]
    }
}

impl PaperFlag {
    /// A paper missing a format someone booked needs stops the event being marked ready; being
    /// late to publish is a warning only, since the people who need it can still be sent it.
    pub fn blocks_ready(&self) -> bool {
        matches!(self, PaperFlag::MissingFormat { .. })
    }

    /// Not published and its deadline day has passed.
    pub fn is_overdue(&self, today: Date) -> bool {
        matches!(self, PaperFlag::NotPublished { due, .. } if today > *due)
    }
}

/// The flags that stop the event being marked ready.
pub fn paper_blockers(flags: &[PaperFlag]) -> Vec<&PaperFlag> {
    flags.iter().filter(|f| f.blocks_ready()).collect()
}

impl std::fmt::Display for PaperFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message_key())
    }
}

impl std::fmt::Display for PaperFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_key())
    }
}

/// Flags for each paper, in the order given: missing formats first, then publication.
pub fn paper_flags(event: &EventFacts, papers: &[Paper], attendees: &[Attendee]) -> Vec<PaperFlag> {
    let due = papers_deadline(event.starts_at);
    let mut flags = Vec::new();
    for paper in papers {
        for format in PaperFormat::ALL {
            let people = attendees.iter().filter(|a| format.needed_by(a)).count();
            if people > 0 && !paper.formats_available.contains(format) {
                flags.push(PaperFlag::MissingFormat {
                    title: paper.title.clone(),
                    format: *format,
                    people,
                });
            }
        }
        let title = paper.title.clone();
        match paper.published_at.map(|at| at.date()) {
            None => flags.push(PaperFlag::NotPublished { title, due }),
            Some(published_on) if published_on > due => flags.push(PaperFlag::PublishedLate {
                title,
                due,
                published_on,
            }),
            Some(_) => {}
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::access_plan::fixtures::{attendee, event};

    fn paper(formats: &[PaperFormat], published_at: Option<OffsetDateTime>) -> Paper {
        Paper {
            title: "Agenda".into(),
            formats_available: formats.iter().copied().collect(),
            published_at,
        }
    }

    fn missing(format: PaperFormat, people: usize) -> PaperFlag {
        PaperFlag::MissingFormat {
            title: "Agenda".into(),
            format,
            people,
        }
    }

    const ON_TIME: Option<OffsetDateTime> = Some(datetime!(2026-12-24 16:00 UTC));

    #[test]
    fn flags_formats_attendees_need_that_a_paper_lacks() {
        let mut a = attendee("Ana", &[AccessNeed::EasyRead]);
        a.formats = vec![Format::Audio];
        let mut b = attendee("Bo", &[AccessNeed::LargePrint]);
        b.language = Locale::Cy;
        b.formats = vec![Format::EasyRead, Format::BslVideo];
        let people = [a, b, attendee("Cy", &[])];
        let flags = paper_flags(
            &event(60),
            &[paper(
                &[PaperFormat::Standard, PaperFormat::LargePrint],
                ON_TIME,
            )],
            &people,
        );
        assert_eq!(
            flags,
            [
                missing(PaperFormat::EasyRead, 2),
                missing(PaperFormat::Audio, 1),
                missing(PaperFormat::BslVideo, 1),
                missing(PaperFormat::Welsh, 1),
            ]
        );
        let complete = paper(PaperFormat::ALL, ON_TIME);
        assert!(paper_flags(&event(60), &[complete], &people).is_empty());
    }

    #[test]
    fn no_flags_when_nobody_needs_another_format() {
        let flags = paper_flags(
            &event(60),
            &[paper(&[PaperFormat::Standard], ON_TIME)],
            &[attendee("Ana", &[AccessNeed::StepFree])],
        );
        assert!(flags.is_empty(), "{flags:?}");
    }

    #[test]
    fn flags_papers_not_published_by_the_deadline() {
        // Event Tuesday 5 January 2027: papers due by Thursday 24 December 2026.
        let nobody: [Attendee; 0] = [];
        let e = event(60);
        assert_eq!(
            paper_flags(&e, &[paper(&[], None)], &nobody),
            [PaperFlag::NotPublished {
                title: "Agenda".into(),
                due: date!(2026 - 12 - 24)
            }]
        );
        let late = Some(datetime!(2026-12-29 09:00 UTC));
        let flags = paper_flags(&e, &[paper(&[], late)], &nobody);
        assert_eq!(
            flags,
            [PaperFlag::PublishedLate {
                title: "Agenda".into(),
                due: date!(2026 - 12 - 24),
                published_on: date!(2026 - 12 - 29),
            }]
        );
        assert_eq!(flags[0].message_key(), "access-plan-flag-published-late");
        assert!(paper_flags(&e, &[paper(&[], ON_TIME)], &nobody).is_empty());
    }

    #[test]
    fn only_a_missing_format_blocks_ready() {
        let flags = paper_flags(
            &event(60),
            &[paper(&[PaperFormat::Standard], None)],
            &[attendee("Ana", &[AccessNeed::EasyRead])],
        );
        assert_eq!(flags.len(), 2, "{flags:?}");
        assert_eq!(paper_blockers(&flags), [&missing(PaperFormat::EasyRead, 1)]);
        let with_easy_read = paper_flags(
            &event(60),
            &[paper(&[PaperFormat::Standard, PaperFormat::EasyRead], None)],
            &[attendee("Ana", &[AccessNeed::EasyRead])],
        );
        assert!(
            paper_blockers(&with_easy_read).is_empty(),
            "{with_easy_read:?}"
        );
    }

    #[test]
    fn unpublished_is_overdue_only_after_the_deadline_day() {
        let flag = PaperFlag::NotPublished {
            title: "Agenda".into(),
            due: date!(2026 - 12 - 24),
        };
        assert!(!flag.is_overdue(date!(2026 - 12 - 24)));
        assert!(flag.is_overdue(date!(2026 - 12 - 25)));
        assert!(!missing(PaperFormat::Audio, 1).is_overdue(date!(2027 - 01 - 05)));
    }
}
