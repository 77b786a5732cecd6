//! Money as whole pence. Never a floating-point number: binary fractions cannot hold 0.10 exactly,
//! and a payment a penny out can cost someone a week of Carer's Allowance.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// An amount of money in pence, never negative: a payment, a rate, a limit or a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pence(i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum MoneyError {
    #[error("Enter an amount in pounds and pence, like £12.34")]
    Empty,
    #[error("Enter an amount in pounds and pence, like £12.34")]
    NotAnAmount,
    #[error("An amount cannot be negative")]
    Negative,
    #[error("Enter an amount to the nearest penny, like £12.34")]
    FractionOfAPenny,
    #[error("That amount is too large")]
    TooLarge,
}

impl Pence {
    pub const ZERO: Pence = Pence(0);

    /// Refuses a negative number of pence.
    pub const fn new(pence: i64) -> Result<Self, MoneyError> {
        if pence < 0 {
            Err(MoneyError::Negative)
        } else {
            Ok(Pence(pence))
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Pence) -> Result<Pence, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Pence)
            .ok_or(MoneyError::TooLarge)
    }

    /// Refuses a result below zero rather than wrapping or clamping it.
    pub fn checked_sub(self, other: Pence) -> Result<Pence, MoneyError> {
        Pence::new(self.0 - other.0)
    }

    /// What is left of `self` after `other`, or nothing if `other` is larger.
    pub fn saturating_sub(self, other: Pence) -> Pence {
        Pence((self.0 - other.0).max(0))
    }

    /// The sum of `amounts`, refusing an overflow.
    pub fn sum(amounts: impl IntoIterator<Item = Pence>) -> Result<Pence, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Pence::ZERO, |total, amount| total.checked_add(amount))
    }

    /// Pounds and pence with no symbol or separators, like `1234.56`: for files other
    /// software reads.
    pub fn plain(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// Reads what a person typed: `12`, `12.3`, `12.34`, `£1,234.56`. Refuses signs, exponents,
    /// more than two decimal places, misplaced commas and anything else, rather than guessing.
    pub fn parse(text: &str) -> Result<Pence, MoneyError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(MoneyError::Empty);
        }
        let text = text.strip_prefix('£').unwrap_or(text).trim_start();
        if text.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (text, ""),
        };
        let whole = whole_pounds(whole)?;
        let fraction_pence = match fraction.len() {
            _ if !fraction.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(MoneyError::NotAnAmount);
            }
            0 if text.ends_with('.') => return Err(MoneyError::NotAnAmount),
            0 => 0,
            1 => digits_value(fraction)? * 10,
            2 => digits_value(fraction)?,
            _ => return Err(MoneyError::FractionOfAPenny),
        };
        whole
            .checked_mul(100)
            .and_then(|p| p.checked_add(fraction_pence))
            .map(Pence)
            .ok_or(MoneyError::TooLarge)
    }
}

/// Whole pounds, with commas only between groups of three digits.
fn whole_pounds(text: &str) -> Result<i64, MoneyError> {
    let groups: Vec<&str> = text.split(',').collect();
    let well_grouped = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if digits.is_empty() || !well_grouped || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::NotAnAmount);
    }
    digits_value(&digits)
}

fn digits_value(digits: &str) -> Result<i64, MoneyError> {
    digits
        .bytes()
        .try_fold(0i64, |value, b| {
            value.checked_mul(10)?.checked_add(i64::from(b - b'0'))
        })
        .ok_or(MoneyError::TooLarge)
}

impl FromStr for Pence {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Pence::parse(text)
    }
}

/// `£1,234.56`.
impl fmt::Display for Pence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pounds = (self.0 / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "£{grouped}.{:02}", self.0 % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pence: i64) -> Pence {
        Pence::new(pence).unwrap()
    }

    #[test]
    fn reads_pounds_and_pence_strictly() {
        assert_eq!(Pence::parse("12.34"), Ok(p(1234)));
        assert_eq!(Pence::parse("£12.34"), Ok(p(1234)));
        assert_eq!(Pence::parse(" £ 12.3 "), Ok(p(1230)));
        assert_eq!(Pence::parse("12"), Ok(p(1200)));
        assert_eq!(Pence::parse("0.01"), Ok(p(1)));
        assert_eq!(Pence::parse("£1,234.56"), Ok(p(123_456)));
        assert_eq!(Pence::parse("1,234,567"), Ok(p(123_456_700)));
    }

    #[test]
    fn refuses_fractions_of_a_penny_negatives_and_float_notation() {
        assert_eq!(Pence::parse("12.345"), Err(MoneyError::FractionOfAPenny));
        assert_eq!(Pence::parse("-1.00"), Err(MoneyError::Negative));
        assert_eq!(Pence::parse("£-1"), Err(MoneyError::Negative));
        assert_eq!(Pence::parse(""), Err(MoneyError::Empty));
        for bad in [
            "1e3", "1.2e1", "NaN", "inf", "+1", "12.", ".5", "1,23", "12,34.00", "£", "1.2.3",
            "£ 1 2", "12p", "0x10", "1_000",
        ] {
            assert_eq!(Pence::parse(bad), Err(MoneyError::NotAnAmount), "{bad}");
        }
        assert_eq!(
            Pence::parse("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn shows_pounds_with_thousands_separators() {
        assert_eq!(p(123_456).to_string(), "£1,234.56");
        assert_eq!(p(5).to_string(), "£0.05");
        assert_eq!(p(20_400).to_string(), "£204.00");
        assert_eq!(p(100_000_000).to_string(), "£1,000,000.00");
        assert_eq!(p(123_456).plain(), "1234.56");
        assert_eq!(p(7).plain(), "0.07");
    }

    #[test]
    fn arithmetic_never_goes_negative_or_overflows_silently() {
        assert_eq!(Pence::new(-1), Err(MoneyError::Negative));
        assert_eq!(p(500).checked_sub(p(501)), Err(MoneyError::Negative));
        assert_eq!(p(500).checked_sub(p(200)), Ok(p(300)));
        assert_eq!(p(500).saturating_sub(p(501)), Pence::ZERO);
        assert_eq!(p(i64::MAX).checked_add(p(1)), Err(MoneyError::TooLarge));
        assert_eq!(Pence::sum([p(1), p(2), p(3)]), Ok(p(6)));
    }

    #[test]
    fn the_payments_module_has_no_floating_point() {
        // Built from pieces so this file does not find itself.
        let needles = [["f", "32"].concat(), ["f", "64"].concat()];
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/payments");
        let mut checked = 0;
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                for needle in &needles {
                    assert!(
                        !source.contains(needle.as_str()),
                        "{} mentions {needle}: use Pence",
                        path.display()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 5, "found the module's files");
    }
}
