//! Figures that change over time (rates, mileage allowances) kept as data with the dates they
//! apply, so an administrator can enter next year's rate before it starts and old payments keep
//! the rate they were made at.

use std::fmt;

use thiserror::Error;
use time::Date;

/// The days a figure applies: from `from` to `to`, both included; no `to` means until replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effective {
    from: Date,
    to: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DatedError {
    #[error("The end date {to} is before the start date {from}: change one of them")]
    EndsBeforeItStarts { from: Date, to: Date },
    #[error("Give the rate a name")]
    NoName,
    #[error(
        "The rate “{name}” {first} overlaps the one {second}: end the first before the second starts"
    )]
    Overlap {
        name: String,
        first: Effective,
        second: Effective,
    },
}

impl Effective {
    pub fn new(from: Date, to: Option<Date>) -> Result<Self, DatedError> {
        match to {
            Some(to) if to < from => Err(DatedError::EndsBeforeItStarts { from, to }),
            _ => Ok(Effective { from, to }),
        }
    }

    pub fn from(self) -> Date {
        self.from
    }

    pub fn to(self) -> Option<Date> {
        self.to
    }

    pub fn contains(self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }

    pub fn overlaps(self, other: Effective) -> bool {
        let starts_after_other_ends = other.to.is_some_and(|to| self.from > to);
        let ends_before_other_starts = self.to.is_some_and(|to| to < other.from);
        !starts_after_other_ends && !ends_before_other_starts
    }
}

/// "from 2026-12-16 to 2027-03-31", or "from 2026-12-16 with no end".
impl fmt::Display for Effective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to {
            Some(to) => write!(f, "from {} to {}", self.from, to),
            None => write!(f, "from {} with no end", self.from),
        }
    }
}

/// The name an organisation gives a rate, like "NIHR public contributor, hourly". Trimmed, never
/// empty; compared ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateName(String);

impl RateName {
    pub fn new(name: &str) -> Result<Self, DatedError> {
        filled(name).map(RateName).ok_or(DatedError::NoName)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is(&self, other: &str) -> bool {
        self.0.eq_ignore_ascii_case(other.trim())
    }
}

impl fmt::Display for RateName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `text` without surrounding spaces, if anything is left.
pub(super) fn filled(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Something with a name and the dates it applies.
pub trait Dated {
    fn name(&self) -> &RateName;
    fn effective(&self) -> Effective;
}

/// Entries where no two of the same name apply on the same day, so a lookup has one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedList<T> {
    items: Vec<T>,
}

impl<T: Dated> DatedList<T> {
    /// Refuses two entries of the same name whose dates overlap, naming both.
    pub fn new(items: Vec<T>) -> Result<Self, DatedError> {
        for (i, first) in items.iter().enumerate() {
            for second in &items[i + 1..] {
                if first.name().is(second.name().as_str())
                    && first.effective().overlaps(second.effective())
                {
                    return Err(DatedError::Overlap {
                        name: first.name().to_string(),
                        first: first.effective(),
                        second: second.effective(),
                    });
                }
            }
        }
        Ok(DatedList { items })
    }

    /// The entry called `name` in force on `day`.
    pub fn in_force(&self, name: &str, day: Date) -> Option<&T> {
        self.items
            .iter()
            .find(|item| item.name().is(name) && item.effective().contains(day))
    }

    pub fn items(&self) -> &[T] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_range_contains_its_first_and_last_days() {
        let range = Effective::new(date!(2026 - 04 - 01), Some(date!(2027 - 03 - 31))).unwrap();
        assert!(range.contains(date!(2026 - 04 - 01)));
        assert!(range.contains(date!(2027 - 03 - 31)));
        assert!(!range.contains(date!(2026 - 03 - 31)));
        assert!(!range.contains(date!(2027 - 04 - 01)));
        let open = Effective::new(date!(2026 - 04 - 01), None).unwrap();
        assert!(open.contains(date!(2099 - 01 - 01)));
    }

    #[test]
    fn a_range_cannot_end_before_it_starts() {
        assert_eq!(
            Effective::new(date!(2026 - 04 - 01), Some(date!(2026 - 03 - 31))),
            Err(DatedError::EndsBeforeItStarts {
                from: date!(2026 - 04 - 01),
                to: date!(2026 - 03 - 31)
            })
        );
        assert!(Effective::new(date!(2026 - 04 - 01), Some(date!(2026 - 04 - 01))).is_ok());
    }

    #[test]
    fn overlaps_are_found_in_either_order() {
        let a = Effective::new(date!(2026 - 01 - 01), Some(date!(2026 - 06 - 30))).unwrap();
        let b = Effective::new(date!(2026 - 06 - 30), None).unwrap();
        let c = Effective::new(date!(2026 - 07 - 01), None).unwrap();
        assert!(a.overlaps(b) && b.overlaps(a));
        assert!(!a.overlaps(c) && !c.overlaps(a));
        assert!(b.overlaps(c));
    }

    #[test]
    fn names_are_trimmed_and_never_empty() {
        assert_eq!(RateName::new("  "), Err(DatedError::NoName));
        let name = RateName::new(" Hourly ").unwrap();
        assert_eq!(name.as_str(), "Hourly");
        assert!(name.is("HOURLY"));
    }
}
