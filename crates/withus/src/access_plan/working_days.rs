//! Working days in England and Wales: not a Saturday, Sunday or bank holiday.

use time::macros::date;
use time::{Date, Duration, Weekday};

/// Bank holidays in England and Wales, 2026 and 2027, including substitute days.
/// Source: <https://www.gov.uk/bank-holidays> (England and Wales list).
///
/// NEEDS A YEARLY UPDATE: add the next year's dates when GOV.UK publishes them. Outside the years
/// listed in [`YEARS_COVERED`] only weekends are skipped.
pub const BANK_HOLIDAYS: &[Date] = &[
    // 2026
    date!(2026 - 01 - 01), // New Year's Day
    date!(2026 - 04 - 03), // Good Friday
    date!(2026 - 04 - 06), // Easter Monday
    date!(2026 - 05 - 04), // Early May bank holiday
    date!(2026 - 05 - 25), // Spring bank holiday
    date!(2026 - 08 - 31), // Summer bank holiday
    date!(2026 - 12 - 25), // Christmas Day
    date!(2026 - 12 - 28), // Boxing Day (substitute day)
    // 2027
    date!(2027 - 01 - 01), // New Year's Day
    date!(2027 - 03 - 26), // Good Friday
    date!(2027 - 03 - 29), // Easter Monday
    date!(2027 - 05 - 03), // Early May bank holiday
    date!(2027 - 05 - 31), // Spring bank holiday
    date!(2027 - 08 - 30), // Summer bank holiday
    date!(2027 - 12 - 27), // Christmas Day (substitute day)
    date!(2027 - 12 - 28), // Boxing Day (substitute day)
];

/// The years [`BANK_HOLIDAYS`] lists in full.
pub const YEARS_COVERED: std::ops::RangeInclusive<i32> = 2026..=2027;

pub fn is_bank_holiday(day: Date) -> bool {
    BANK_HOLIDAYS.contains(&day)
}

pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_bank_holiday(day)
}

/// The day `count` working days before `day` (not counting `day` itself).
pub fn working_days_before(day: Date, count: u32) -> Date {
    count_working_days(day, count, |d| d.saturating_sub(Duration::DAY))
}

/// The day `count` working days after `day` (not counting `day` itself).
pub fn working_days_after(day: Date, count: u32) -> Date {
    count_working_days(day, count, |d| d.saturating_add(Duration::DAY))
}

fn count_working_days(day: Date, count: u32, step: impl Fn(Date) -> Date) -> Date {
    let mut current = day;
    let mut left = count;
    while left > 0 {
        current = step(current);
        if is_working_day(current) {
            left -= 1;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_holidays_are_weekdays_in_the_covered_years() {
        for day in BANK_HOLIDAYS {
            assert!(YEARS_COVERED.contains(&day.year()), "{day}");
            assert!(
                !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday),
                "{day} falls at a weekend: list the substitute day"
            );
        }
        let mut sorted = BANK_HOLIDAYS.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, BANK_HOLIDAYS, "listed in order, once each");
    }

    #[test]
    fn weekends_and_bank_holidays_are_not_working_days() {
        assert!(is_working_day(date!(2027 - 01 - 04))); // Monday
        assert!(!is_working_day(date!(2027 - 01 - 02))); // Saturday
        assert!(!is_working_day(date!(2027 - 01 - 03))); // Sunday
        assert!(!is_working_day(date!(2027 - 01 - 01))); // New Year's Day
        assert!(!is_working_day(date!(2026 - 12 - 28))); // Boxing Day substitute
    }

    #[test]
    fn counting_back_skips_weekends() {
        // Wednesday 20 January 2027 → 3 working days before is Friday 15 January.
        assert_eq!(
            working_days_before(date!(2027 - 01 - 20), 3),
            date!(2027 - 01 - 15)
        );
        assert_eq!(
            working_days_before(date!(2027 - 01 - 20), 0),
            date!(2027 - 01 - 20)
        );
    }

    #[test]
    fn counting_forward_skips_weekends_and_bank_holidays() {
        // From Friday 18 December 2026, counting over Christmas Day and the Boxing Day substitute.
        let from = date!(2026 - 12 - 18);
        for (count, expected) in [
            (0, from),
            (1, date!(2026 - 12 - 21)),
            (5, date!(2026 - 12 - 29)),
        ] {
            assert_eq!(working_days_after(from, count), expected, "{count} days");
        }
    }

    #[test]
    fn counting_back_skips_christmas_and_new_year() {
        // Tuesday 5 January 2027: Mon 4 (1), [Fri 1 holiday, weekend], Thu 31 (2), Wed 30 (3),
        // Tue 29 (4), [Mon 28 substitute, weekend, Fri 25 Christmas], Thu 24 December (5).
        assert_eq!(
            working_days_before(date!(2027 - 01 - 05), 5),
            date!(2026 - 12 - 24)
        );
    }

    #[test]
    fn counting_back_skips_easter() {
        // Thursday 2 April 2026: Wed 1 (1), Tue 31 (2), Mon 30 (3), [weekend], Fri 27 (4), Thu 26 (5).
        assert_eq!(
            working_days_before(date!(2026 - 04 - 02), 5),
            date!(2026 - 03 - 26)
        );
        // Tuesday 7 April 2026: [Mon 6 Easter Monday, weekend, Fri 3 Good Friday], Thu 2 (1).
        assert_eq!(
            working_days_before(date!(2026 - 04 - 07), 1),
            date!(2026 - 04 - 02)
        );
    }
}
