//! When each adjustment must be arranged by. Every rule is a constant with its source.

use time::{Date, Duration, OffsetDateTime};

use super::items::{ItemKind, PlanItem};
use super::working_days::working_days_before;

/// BSL/English interpreters and other communication professionals (Sign Supported English,
/// lipspeakers, speech-to-text reporters, deafblind and spoken-language interpreters): book at least
/// two weeks ahead. Source: domain reference §3 [A2][A3].
pub const COMMUNICATION_PROFESSIONAL_DAYS: i64 = 14;

/// Live captioners: book at least a week ahead. Standard practice (domain reference §3: unsourced
/// items are standard practice).
pub const CAPTIONER_DAYS: i64 = 7;

/// Papers in Easy Read, large print, braille or audio: ready at least five working days before, so
/// people and their interpreters can read them. Source: domain reference §3 "send papers 4–5 working
/// days before" [A2][A3]; we take the longer.
pub const PAPERS_WORKING_DAYS: u32 = 5;

/// Everything else (rooms, parking, food, PA places, travel …): settled at least three working days
/// before. Standard practice.
pub const OTHER_WORKING_DAYS: u32 = 3;

/// The rule that sets an item's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    CalendarDays(i64),
    WorkingDays(u32),
}

pub fn rule_for(kind: ItemKind) -> Rule {
    use ItemKind::*;
    match kind {
        BslInterpreter
        | SignSupportedEnglish
        | Lipspeaker
        | SpeechToText
        | DeafblindInterpreter
        | SpokenLanguageInterpreter => Rule::CalendarDays(COMMUNICATION_PROFESSIONAL_DAYS),
        LiveCaptions => Rule::CalendarDays(CAPTIONER_DAYS),
        EasyRead | LargePrint | Braille | AudioPapers => Rule::WorkingDays(PAPERS_WORKING_DAYS),
        _ => Rule::WorkingDays(OTHER_WORKING_DAYS),
    }
}

/// The last day by which an item of this kind should be arranged, for an event starting then.
pub fn deadline_for(kind: ItemKind, starts_at: OffsetDateTime) -> Date {
    let day = starts_at.date();
    match rule_for(kind) {
        Rule::CalendarDays(days) => day.saturating_sub(Duration::days(days)),
        Rule::WorkingDays(count) => working_days_before(day, count),
    }
}

/// The day papers must be published by.
pub fn papers_deadline(starts_at: OffsetDateTime) -> Date {
    working_days_before(starts_at.date(), PAPERS_WORKING_DAYS)
}

/// An item is overdue when its deadline day has passed and it is still not started or in progress.
/// (Arranged, met by the venue, or decided as "cannot arrange" are not overdue.)
pub fn is_overdue(item: &PlanItem, now: OffsetDateTime) -> bool {
    item.status.is_open() && now.date() > item.deadline
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;
    use crate::access_plan::items::Status;

    const TUESDAY_5_JAN_2027: OffsetDateTime = datetime!(2027-01-05 10:00 UTC);

    #[test]
    fn interpreters_two_weeks_before() {
        assert_eq!(
            deadline_for(ItemKind::BslInterpreter, TUESDAY_5_JAN_2027),
            date!(2026 - 12 - 22)
        );
        assert_eq!(
            deadline_for(ItemKind::Lipspeaker, TUESDAY_5_JAN_2027),
            date!(2026 - 12 - 22)
        );
    }

    #[test]
    fn captioners_one_week_before() {
        assert_eq!(
            deadline_for(ItemKind::LiveCaptions, TUESDAY_5_JAN_2027),
            date!(2026 - 12 - 29)
        );
    }

    #[test]
    fn papers_five_working_days_before_across_christmas_and_new_year() {
        for kind in [
            ItemKind::EasyRead,
            ItemKind::LargePrint,
            ItemKind::Braille,
            ItemKind::AudioPapers,
        ] {
            assert_eq!(
                deadline_for(kind, TUESDAY_5_JAN_2027),
                date!(2026 - 12 - 24),
                "{kind:?}"
            );
        }
        assert_eq!(papers_deadline(TUESDAY_5_JAN_2027), date!(2026 - 12 - 24));
    }

    #[test]
    fn papers_across_a_plain_weekend() {
        // Tuesday 19 January 2027 → Tuesday 12 January.
        assert_eq!(
            deadline_for(ItemKind::EasyRead, datetime!(2027-01-19 14:00 UTC)),
            date!(2027 - 01 - 12)
        );
    }

    #[test]
    fn other_items_three_working_days_before() {
        // Tue 5 Jan: Mon 4 (1), Thu 31 Dec (2), Wed 30 Dec (3).
        assert_eq!(
            deadline_for(ItemKind::StepFree, TUESDAY_5_JAN_2027),
            date!(2026 - 12 - 30)
        );
        assert_eq!(
            deadline_for(ItemKind::Travel, TUESDAY_5_JAN_2027),
            date!(2026 - 12 - 30)
        );
    }

    fn item(status: Status) -> PlanItem {
        PlanItem::new(ItemKind::BslInterpreter, TUESDAY_5_JAN_2027).with_status(status)
    }

    #[test]
    fn overdue_once_the_deadline_day_has_passed_and_not_arranged() {
        let on_the_day = datetime!(2026-12-22 17:00 UTC);
        let day_after = datetime!(2026-12-23 09:00 UTC);
        assert!(!is_overdue(&item(Status::NotStarted), on_the_day));
        assert!(is_overdue(&item(Status::NotStarted), day_after));
        assert!(is_overdue(&item(Status::InProgress), day_after));
        assert!(!is_overdue(&item(Status::Arranged), day_after));
        assert!(!is_overdue(&item(Status::MetByVenue), day_after));
        let cannot = Status::CannotArrange {
            reason: "No interpreter free".into(),
            told_people_at: None,
            alternative: "Live captions".into(),
        };
        assert!(!is_overdue(&item(cannot), day_after));
    }
}
