//! UK bank details. The account number is shown masked everywhere but the payment file, so a log
//! line or an error page can never leak it.

use std::fmt;

use thiserror::Error;

/// A 6-digit sort code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SortCode([u8; 6]);

/// An 8-digit account number. Debug and Display show only the last 4 digits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct AccountNumber([u8; 8]);

/// Where a payment goes. Debug and Display mask the account number.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct BankDetails {
    pub sort_code: SortCode,
    pub account_number: AccountNumber,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum BankDetailsError {
    #[error("must be 6 digits, like 12-34-56")]
    SortCode,
    #[error("must be 8 digits, like 12345678")]
    AccountNumber,
}

/// The digits of `text`, ignoring spaces and hyphens, if there are exactly `N` and nothing else.
fn digits<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let mut count = 0;
    for c in text.trim().chars().filter(|c| !matches!(c, ' ' | '-')) {
        let digit = c.to_digit(10)?;
        *out.get_mut(count)? = u8::try_from(digit).ok()?;
        count += 1;
    }
    (count == N).then_some(out)
}

fn digit_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

impl SortCode {
    /// Reads `12-34-56`, `12 34 56` or `123456`.
    pub fn parse(text: &str) -> Result<Self, BankDetailsError> {
        digits(text).map(SortCode).ok_or(BankDetailsError::SortCode)
    }

    /// `123456`, as a bank file wants it.
    pub fn digits(&self) -> String {
        digit_string(&self.0)
    }
}

/// `12-34-56`.
impl fmt::Display for SortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.digits();
        write!(f, "{}-{}-{}", &d[0..2], &d[2..4], &d[4..6])
    }
}

impl fmt::Debug for SortCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SortCode({self})")
    }
}

impl AccountNumber {
    /// Reads 8 digits, allowing spaces. Shorter account numbers must be converted by the bank's
    /// own rule (often leading zeros), which only the person or their bank can confirm.
    pub fn parse(text: &str) -> Result<Self, BankDetailsError> {
        digits(text)
            .map(AccountNumber)
            .ok_or(BankDetailsError::AccountNumber)
    }

    /// All 8 digits: only for the payment file itself.
    pub fn reveal(&self) -> String {
        digit_string(&self.0)
    }
}

/// `****5678`.
impl fmt::Display for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "****{}", digit_string(&self.0[4..]))
    }
}

impl fmt::Debug for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccountNumber({self})")
    }
}

/// `12-34-56 ****5678`.
impl fmt::Display for BankDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.sort_code, self.account_number)
    }
}

impl fmt::Debug for BankDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "BankDetails {{ sort_code: {}, account_number: {} }}",
            self.sort_code, self.account_number
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_codes_are_six_digits_in_any_usual_form() {
        for ok in ["12-34-56", "12 34 56", "123456", " 12-34-56 "] {
            assert_eq!(SortCode::parse(ok).unwrap().digits(), "123456", "{ok}");
        }
        for bad in [
            "12345",
            "1234567",
            "12-34-5a",
            "",
            "12_34_56",
            "１２３４５６",
        ] {
            assert_eq!(
                SortCode::parse(bad),
                Err(BankDetailsError::SortCode),
                "{bad}"
            );
        }
        assert_eq!(SortCode::parse("123456").unwrap().to_string(), "12-34-56");
    }

    #[test]
    fn account_numbers_are_eight_digits() {
        assert_eq!(
            AccountNumber::parse("1234 5678").unwrap().reveal(),
            "12345678"
        );
        for bad in ["1234567", "123456789", "1234567x", ""] {
            assert_eq!(
                AccountNumber::parse(bad),
                Err(BankDetailsError::AccountNumber),
                "{bad}"
            );
        }
    }

    #[test]
    fn bank_details_are_masked_when_shown_or_logged() {
        let details = BankDetails {
            sort_code: SortCode::parse("12-34-56").unwrap(),
            account_number: AccountNumber::parse("87654321").unwrap(),
        };
        let shown = details.to_string();
        let logged = format!("{details:?}");
        assert_eq!(shown, "12-34-56 ****4321");
        assert_eq!(
            logged,
            "BankDetails { sort_code: 12-34-56, account_number: ****4321 }"
        );
        for text in [shown, logged] {
            assert!(!text.contains("8765"), "{text}");
        }
        assert_eq!(
            format!("{:?}", details.account_number),
            "AccountNumber(****4321)"
        );
    }
}
