//! The stored vocabulary of payments for time, and the rules that join a stored row to the pure
//! core: a person's choice for one payment, what it pays them, what counts towards a benefit limit.

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Date, Weekday};

use super::bank_details::{AccountNumber, BankDetails, BankDetailsError, SortCode};
use super::benefits::{DayOfMonth, DeclaredLimit, LimitKind, Period};
use super::earnings::{Earnings, PaymentChoice};
use super::money::{MoneyError, Pence};
use crate::vocab::stored_enum;

stored_enum!(
    /// How a person chose to receive one payment for their time.
    ChoiceKind, "payment-choice-kind" {
        BankTransfer => "bank_transfer",
        Voucher => "voucher",
        Less => "less",
        Nothing => "nothing",
        Charity => "charity",
        ExpensesOnly => "expenses_only",
    }
);

stored_enum!(
    /// Where a payment for time is on its way to the person.
    PaymentStatus, "payment-status" {
        Due => "due",
        AwaitingSecond => "awaiting_second",
        Approved => "approved",
        InRun => "in_run",
        Paid => "paid",
        Failed => "failed",
    }
);

stored_enum!(
    /// Whether a batch of approvals still needs a second finance officer.
    BatchStatus, "payment-batch-status" {
        AwaitingSecond => "awaiting_second",
        Approved => "approved",
    }
);

stored_enum!(
    /// Which benefit limit a person told us matters to them.
    LimitKindCode, "payment-limit-kind" {
        EsaPermittedWork => "esa_permitted_work",
        CarersAllowance => "carers_allowance",
        UniversalCredit => "universal_credit",
        OwnFigure => "own_figure",
    }
);

impl PaymentStatus {
    /// Until it is approved, the person may still change how it is paid.
    pub fn choice_open(self) -> bool {
        matches!(self, PaymentStatus::Due)
    }

    /// Approved, on its way or paid: it counts towards the person's earnings in its period.
    pub fn counts_as_earned(self) -> bool {
        matches!(
            self,
            PaymentStatus::AwaitingSecond
                | PaymentStatus::Approved
                | PaymentStatus::InRun
                | PaymentStatus::Paid
        )
    }
}

impl LimitKindCode {
    pub fn core(self) -> LimitKind {
        match self {
            LimitKindCode::EsaPermittedWork => LimitKind::EsaPermittedWork,
            LimitKindCode::CarersAllowance => LimitKind::CarersAllowanceEarningsLimit,
            LimitKindCode::UniversalCredit => LimitKind::UniversalCreditWorkAllowance,
            LimitKindCode::OwnFigure => LimitKind::OwnFigure,
        }
    }
}

/// One payment's choice as stored, made whole: a smaller amount always has its amount, and a
/// charity always its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    BankTransfer,
    Voucher,
    Less(Pence),
    Nothing,
    Charity(String),
    ExpensesOnly,
}

impl Choice {
    pub fn kind(&self) -> ChoiceKind {
        match self {
            Choice::BankTransfer => ChoiceKind::BankTransfer,
            Choice::Voucher => ChoiceKind::Voucher,
            Choice::Less(_) => ChoiceKind::Less,
            Choice::Nothing => ChoiceKind::Nothing,
            Choice::Charity(_) => ChoiceKind::Charity,
            Choice::ExpensesOnly => ChoiceKind::ExpensesOnly,
        }
    }

    /// From the stored columns; `None` if they disagree (the database's checks prevent it).
    pub fn from_stored(kind: ChoiceKind, less: Option<i64>, charity: &str) -> Option<Choice> {
        Some(match kind {
            ChoiceKind::BankTransfer => Choice::BankTransfer,
            ChoiceKind::Voucher => Choice::Voucher,
            ChoiceKind::Less => Choice::Less(Pence::new(less?).ok()?),
            ChoiceKind::Nothing => Choice::Nothing,
            ChoiceKind::Charity if !charity.trim().is_empty() => {
                Choice::Charity(charity.trim().to_owned())
            }
            ChoiceKind::Charity => return None,
            ChoiceKind::ExpensesOnly => Choice::ExpensesOnly,
        })
    }

    pub fn less_pence(&self) -> Option<i64> {
        match self {
            Choice::Less(p) => Some(p.get()),
            _ => None,
        }
    }

    pub fn charity_name(&self) -> &str {
        match self {
            Choice::Charity(name) => name,
            _ => "",
        }
    }

    fn core(&self) -> PaymentChoice {
        match self {
            Choice::BankTransfer => PaymentChoice::Cash,
            Choice::Voucher => PaymentChoice::Voucher,
            Choice::Less(p) => PaymentChoice::SmallerAmount(*p),
            Choice::Nothing => PaymentChoice::Nothing,
            Choice::Charity(_) => PaymentChoice::Charity,
            Choice::ExpensesOnly => PaymentChoice::ExpensesOnly,
        }
    }

    /// What the person is paid for their time.
    pub fn paid_to_person(&self, offered: Pence) -> Pence {
        self.core().paid_to_person(Earnings::new(offered)).pence()
    }

    /// What counts towards a benefit's earnings limit.
    pub fn earnings_counted(&self, offered: Pence) -> Earnings {
        self.core().earnings_counted(Earnings::new(offered))
    }

    /// What goes to a charity instead.
    pub fn paid_to_charity(&self, offered: Pence) -> Pence {
        self.core().paid_to_charity(Earnings::new(offered)).pence()
    }

    /// The choice a new payment starts with: the person's saved preference from the register.
    /// "Paid less" without an amount starts as a bank transfer of the full amount, which they
    /// can lower before it is approved.
    pub fn from_preference(
        preference: Option<crate::register::domain::PaymentChoice>,
        organisation_named: &str,
    ) -> Choice {
        use crate::register::domain::PaymentChoice as Saved;
        match preference {
            Some(Saved::Voucher) => Choice::Voucher,
            Some(Saved::Nothing) => Choice::Nothing,
            Some(Saved::ToOrganisation) if !organisation_named.trim().is_empty() => {
                Choice::Charity(organisation_named.trim().to_owned())
            }
            Some(Saved::Cash | Saved::Reduced | Saved::ToOrganisation) | None => {
                Choice::BankTransfer
            }
        }
    }
}

/// A problem with a choice as typed in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ChoiceError {
    #[error("Choose how you would like to be paid")]
    NoChoice,
    #[error("Enter the smaller amount, like 10.00")]
    LessAmount(MoneyError),
    #[error("The smaller amount must be less than the amount offered")]
    NotLess,
    #[error("Enter the name of the charity or organisation")]
    NoCharity,
}

impl ChoiceError {
    pub fn field(self) -> &'static str {
        match self {
            ChoiceError::NoChoice => "choice",
            ChoiceError::LessAmount(_) | ChoiceError::NotLess => "less",
            ChoiceError::NoCharity => "charity",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            ChoiceError::NoChoice => "payment-error-choice",
            ChoiceError::LessAmount(_) => "payment-error-less",
            ChoiceError::NotLess => "payment-error-not-less",
            ChoiceError::NoCharity => "payment-error-charity",
        }
    }
}

/// Reads a choice from a form: the kind, and the amount or name it needs.
pub fn parse_choice(
    kind: &str,
    less: &str,
    charity: &str,
    offered: Pence,
) -> Result<Choice, ChoiceError> {
    let kind = ChoiceKind::parse(kind).ok_or(ChoiceError::NoChoice)?;
    Ok(match kind {
        ChoiceKind::BankTransfer => Choice::BankTransfer,
        ChoiceKind::Voucher => Choice::Voucher,
        ChoiceKind::Less => {
            let amount = Pence::parse(less).map_err(ChoiceError::LessAmount)?;
            if amount >= offered {
                return Err(ChoiceError::NotLess);
            }
            Choice::Less(amount)
        }
        ChoiceKind::Nothing => Choice::Nothing,
        ChoiceKind::Charity if charity.trim().is_empty() => return Err(ChoiceError::NoCharity),
        ChoiceKind::Charity => Choice::Charity(charity.trim().chars().take(200).collect()),
        ChoiceKind::ExpensesOnly => Choice::ExpensesOnly,
    })
}

/// Bank details as sealed: the account holder's name with the numbers.
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredBankDetails {
    pub account_name: String,
    pub sort_code: String,
    pub account_number: String,
}

impl std::fmt::Debug for StoredBankDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoredBankDetails(…)")
    }
}

impl StoredBankDetails {
    pub fn bank(&self) -> Result<BankDetails, BankDetailsError> {
        Ok(BankDetails {
            sort_code: SortCode::parse(&self.sort_code)?,
            account_number: AccountNumber::parse(&self.account_number)?,
        })
    }

    /// What may be shown: the sort code and the last four digits of the account.
    pub fn masked(&self) -> String {
        match self.bank() {
            Ok(bank) => format!("{bank}"),
            Err(_) => "****".into(),
        }
    }
}

/// Bank details typed into a form, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum BankFormError {
    #[error("Enter the name on the account")]
    NoName,
    #[error("Enter a sort code of 6 digits, like 12-34-56")]
    SortCode,
    #[error("Enter an account number of 8 digits, like 12345678")]
    AccountNumber,
}

impl BankFormError {
    pub fn field(self) -> &'static str {
        match self {
            BankFormError::NoName => "account_name",
            BankFormError::SortCode => "sort_code",
            BankFormError::AccountNumber => "account_number",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            BankFormError::NoName => "payment-bank-error-name",
            BankFormError::SortCode => "payment-bank-error-sort-code",
            BankFormError::AccountNumber => "payment-bank-error-account",
        }
    }
}

pub fn check_bank_details(
    account_name: &str,
    sort_code: &str,
    account_number: &str,
) -> Result<StoredBankDetails, Vec<BankFormError>> {
    let mut problems = Vec::new();
    let name = account_name.trim();
    if name.is_empty() {
        problems.push(BankFormError::NoName);
    }
    let sort = SortCode::parse(sort_code);
    if sort.is_err() {
        problems.push(BankFormError::SortCode);
    }
    let account = AccountNumber::parse(account_number);
    if account.is_err() {
        problems.push(BankFormError::AccountNumber);
    }
    match (sort, account) {
        (Ok(sort), Ok(account)) if problems.is_empty() => Ok(StoredBankDetails {
            account_name: name.chars().take(100).collect(),
            sort_code: sort.digits(),
            account_number: account.reveal(),
        }),
        _ => Err(problems),
    }
}

/// A declared limit as sealed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct StoredLimit {
    pub kind: LimitKindCode,
    pub amount_pence: i64,
    /// "weekly" or "monthly".
    pub period: String,
    /// For a weekly limit, the day the week starts (1 = Monday … 7 = Sunday); for a monthly one,
    /// the day of the month (1 to 28).
    pub starts: u8,
}

impl StoredLimit {
    pub fn limit(&self) -> Option<DeclaredLimit> {
        let period = match self.period.as_str() {
            "weekly" => Period::Weekly {
                starts: weekday(self.starts)?,
            },
            "monthly" => Period::Monthly {
                starts: DayOfMonth::new(self.starts).ok()?,
            },
            _ => return None,
        };
        Some(DeclaredLimit {
            kind: self.kind.core(),
            amount: Pence::new(self.amount_pence).ok()?,
            period,
        })
    }
}

pub fn weekday(number: u8) -> Option<Weekday> {
    Some(match number {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        7 => Weekday::Sunday,
        _ => return None,
    })
}

/// A declared limit typed into a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum LimitFormError {
    #[error("Choose which limit matters to you")]
    Kind,
    #[error("Enter the limit in pounds and pence, like 204.00")]
    Amount,
    #[error("Choose whether the limit is for a week or a month")]
    Period,
    #[error("Choose the day the week starts")]
    WeekStarts,
    #[error("Enter the day of the month the period starts, from 1 to 28")]
    MonthStarts,
}

impl LimitFormError {
    pub fn field(self) -> &'static str {
        match self {
            LimitFormError::Kind => "kind",
            LimitFormError::Amount => "amount",
            LimitFormError::Period => "period",
            LimitFormError::WeekStarts => "week_starts",
            LimitFormError::MonthStarts => "month_starts",
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            LimitFormError::Kind => "payment-limit-error-kind",
            LimitFormError::Amount => "payment-limit-error-amount",
            LimitFormError::Period => "payment-limit-error-period",
            LimitFormError::WeekStarts => "payment-limit-error-week-starts",
            LimitFormError::MonthStarts => "payment-limit-error-month-starts",
        }
    }
}

pub fn check_limit(
    kind: &str,
    amount: &str,
    period: &str,
    week_starts: &str,
    month_starts: &str,
) -> Result<StoredLimit, Vec<LimitFormError>> {
    let mut problems = Vec::new();
    let kind = LimitKindCode::parse(kind);
    if kind.is_none() {
        problems.push(LimitFormError::Kind);
    }
    let amount = Pence::parse(amount).ok();
    if amount.is_none() {
        problems.push(LimitFormError::Amount);
    }
    let starts = match period {
        "weekly" => week_starts
            .parse::<u8>()
            .ok()
            .filter(|d| weekday(*d).is_some())
            .ok_or(LimitFormError::WeekStarts),
        "monthly" => month_starts
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|d| DayOfMonth::new(*d).is_ok())
            .ok_or(LimitFormError::MonthStarts),
        _ => Err(LimitFormError::Period),
    };
    let starts = match starts {
        Ok(s) => Some(s),
        Err(e) => {
            problems.push(e);
            None
        }
    };
    match (kind, amount, starts) {
        (Some(kind), Some(amount), Some(starts)) if problems.is_empty() => Ok(StoredLimit {
            kind,
            amount_pence: amount.get(),
            period: period.to_owned(),
            starts,
        }),
        _ => Err(problems),
    }
}

/// The day a payment counts for in a benefit period: the day of the involvement it pays for.
pub fn counts_on(earned_on: Date) -> Date {
    earned_on
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(pence: i64) -> Pence {
        Pence::new(pence).unwrap()
    }

    #[test]
    fn every_choice_pays_and_counts_as_the_rules_say() {
        let offered = p(5_500);
        let cases = [
            (Choice::BankTransfer, 5_500, 5_500, 0),
            (Choice::Voucher, 5_500, 5_500, 0),
            (Choice::Less(p(2_000)), 2_000, 2_000, 0),
            (Choice::Nothing, 0, 0, 0),
            (Choice::Charity("Scope".into()), 0, 0, 5_500),
            (Choice::ExpensesOnly, 0, 0, 0),
        ];
        for (choice, paid, counted, charity) in cases {
            assert_eq!(choice.paid_to_person(offered).get(), paid, "{choice:?}");
            assert_eq!(
                choice.earnings_counted(offered).pence().get(),
                counted,
                "{choice:?}"
            );
            assert_eq!(choice.paid_to_charity(offered).get(), charity, "{choice:?}");
            let back =
                Choice::from_stored(choice.kind(), choice.less_pence(), choice.charity_name());
            assert_eq!(back.as_ref(), Some(&choice));
        }
    }

    #[test]
    fn a_choice_from_a_form_needs_what_it_names() {
        let offered = p(5_500);
        assert_eq!(
            parse_choice("", "", "", offered),
            Err(ChoiceError::NoChoice)
        );
        assert!(matches!(
            parse_choice("less", "ten", "", offered),
            Err(ChoiceError::LessAmount(_))
        ));
        assert_eq!(
            parse_choice("less", "55.00", "", offered),
            Err(ChoiceError::NotLess)
        );
        assert_eq!(
            parse_choice("less", "54.99", "", offered),
            Ok(Choice::Less(p(5_499)))
        );
        assert_eq!(
            parse_choice("charity", "", " ", offered),
            Err(ChoiceError::NoCharity)
        );
        assert_eq!(
            parse_choice("charity", "", " Mind ", offered),
            Ok(Choice::Charity("Mind".into()))
        );
    }

    #[test]
    fn bank_details_are_checked_and_shown_masked() {
        let details = check_bank_details("M Patel", "12-34-56", "12345678").unwrap();
        assert_eq!(details.sort_code, "123456");
        assert!(!details.masked().contains("12345678"));
        assert!(details.masked().ends_with("5678"));
        let problems = check_bank_details("", "12-34-5", "1234567").unwrap_err();
        assert_eq!(
            problems,
            vec![
                BankFormError::NoName,
                BankFormError::SortCode,
                BankFormError::AccountNumber
            ]
        );
        assert!(!format!("{details:?}").contains("5678"));
    }

    #[test]
    fn a_declared_limit_is_checked_and_made_whole() {
        let limit = check_limit("carers_allowance", "204.00", "weekly", "1", "").unwrap();
        let core = limit.limit().unwrap();
        assert_eq!(core.amount, p(20_400));
        assert_eq!(
            core.period,
            Period::Weekly {
                starts: Weekday::Monday
            }
        );
        assert_eq!(
            check_limit("", "lots", "daily", "", "").unwrap_err(),
            vec![
                LimitFormError::Kind,
                LimitFormError::Amount,
                LimitFormError::Period
            ]
        );
        assert_eq!(
            check_limit("own_figure", "100", "monthly", "", "31").unwrap_err(),
            vec![LimitFormError::MonthStarts]
        );
    }
}
