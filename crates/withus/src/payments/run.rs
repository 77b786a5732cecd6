//! A payment run checked against the bank's rules before any file is made. Every problem is
//! listed at once, each saying how to fix it; a run with any problem makes no file, because the
//! file writers take only a checked [`PaymentRun`].

use std::fmt;

use thiserror::Error;
use time::{Date, Weekday};

use super::bacs_text::{BacsText, BacsTextError};
use super::bank_details::{AccountNumber, BankDetails, SortCode};
use super::money::Pence;
use crate::access_plan::working_days::{YEARS_COVERED, is_bank_holiday, working_days_after};

/// Bacs needs the file this many working days before the money arrives.
pub const WORKING_DAYS_NOTICE: u32 = 3;

/// The largest amount an 11-digit pence field holds.
pub const LARGEST_AMOUNT: Pence = match Pence::new(99_999_999_999) {
    Ok(p) => p,
    Err(_) => Pence::ZERO,
};

/// The account the money comes from. Debug masks the account number.
#[derive(Clone, PartialEq, Eq)]
pub struct OriginatorInput {
    pub name: String,
    pub sort_code: String,
    pub account_number: String,
}

/// One approved payment as stored: who, where to, how much. Debug masks the account number.
#[derive(Clone, PartialEq, Eq)]
pub struct PayeeInput {
    pub payee: String,
    pub sort_code: String,
    pub account_number: String,
    pub amount: Pence,
    pub reference: String,
}

impl fmt::Debug for OriginatorInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OriginatorInput")
            .field("name", &self.name)
            .field("sort_code", &self.sort_code)
            .field("account_number", &masked(&self.account_number))
            .finish()
    }
}

impl fmt::Debug for PayeeInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PayeeInput")
            .field("payee", &self.payee)
            .field("sort_code", &self.sort_code)
            .field("account_number", &masked(&self.account_number))
            .field("amount", &self.amount)
            .field("reference", &self.reference)
            .finish()
    }
}

/// An account number as typed, with all but its last 4 characters hidden.
fn masked(raw: &str) -> String {
    let chars: Vec<char> = raw.trim().chars().collect();
    let shown: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("****{shown}")
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunInput {
    pub originator: OriginatorInput,
    pub today: Date,
    pub processing_date: Date,
    pub payees: Vec<PayeeInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Originator {
    pub name: BacsText,
    pub bank: BankDetails,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payee {
    /// The name as the person gave it, for the bank CSV and for people reading the run.
    pub payee: String,
    pub bacs_name: BacsText,
    pub bank: BankDetails,
    pub amount: Pence,
    pub reference: BacsText,
}

/// A run that meets every rule checked here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRun {
    originator: Originator,
    processing_date: Date,
    payees: Vec<Payee>,
    total: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RunProblem {
    #[error("There are no payments in this run: approve some payments first")]
    NoPayments,
    #[error("Your organisation's sort code must be 6 digits, like 12-34-56")]
    OriginatorSortCode,
    #[error("Your organisation's account number must be 8 digits, like 12345678")]
    OriginatorAccountNumber,
    #[error(
        "Your organisation's name for the bank {0}: use A to Z, 0 to 9, spaces and . & / - only, at most 18"
    )]
    OriginatorName(BacsTextError),
    #[error("Sort code for {payee} must be 6 digits, like 12-34-56")]
    SortCode { payee: String },
    #[error("Account number for {payee} must be 8 digits, like 12345678")]
    AccountNumber { payee: String },
    #[error(
        "The name for the bank for {payee} {problem}: enter one of at most 18 of A to Z, 0 to 9, spaces and . & / -, like their initial and surname"
    )]
    Name {
        payee: String,
        problem: BacsTextError,
    },
    #[error(
        "The reference for {payee} {problem}: use at most 18 of A to Z, 0 to 9, spaces and . & / -"
    )]
    Reference {
        payee: String,
        problem: BacsTextError,
    },
    #[error(
        "The reference for {payee} must have at least 6 letters or numbers, not all the same, like WITHUS DEC26"
    )]
    ReferenceTooPlain { payee: String },
    #[error("The amount for {payee} is £0.00: correct it or take them out of this run")]
    NothingToPay { payee: String },
    #[error("The amount for {payee} is more than one Bacs payment can carry: split it")]
    AmountTooLarge { payee: String },
    #[error("The run's total is more than one Bacs file can carry: split the run")]
    TotalTooLarge,
    #[error(
        "The processing date {date} is too soon: Bacs needs 3 working days, so choose {earliest} or later"
    )]
    TooSoon { date: Date, earliest: Date },
    #[error("The processing date {date} is a {day}: choose a working day")]
    Weekend { date: Date, day: Weekday },
    #[error("The processing date {date} is a bank holiday: choose a working day")]
    BankHoliday { date: Date },
    #[error(
        "The processing date {date} is in a year whose bank holidays Withus does not know yet: choose a date in {first} to {last}"
    )]
    HolidaysUnknown { date: Date, first: i32, last: i32 },
}

impl PaymentRun {
    /// Checks every rule and returns every problem found.
    pub fn check(input: &RunInput) -> Result<PaymentRun, Vec<RunProblem>> {
        let mut problems = Vec::new();
        let originator = check_originator(&input.originator, &mut problems);
        check_date(input.today, input.processing_date, &mut problems);
        if input.payees.is_empty() {
            problems.push(RunProblem::NoPayments);
        }
        let payees: Vec<Payee> = input
            .payees
            .iter()
            .filter_map(|payee| check_payee(payee, &mut problems))
            .collect();
        let total = Pence::sum(payees.iter().map(|p| p.amount));
        if !matches!(total, Ok(t) if t <= LARGEST_AMOUNT) {
            problems.push(RunProblem::TotalTooLarge);
        }
        match (originator, total) {
            (Some(originator), Ok(total)) if problems.is_empty() => Ok(PaymentRun {
                originator,
                processing_date: input.processing_date,
                payees,
                total,
            }),
            _ => Err(problems),
        }
    }

    pub fn originator(&self) -> &Originator {
        &self.originator
    }

    pub fn processing_date(&self) -> Date {
        self.processing_date
    }

    pub fn payees(&self) -> &[Payee] {
        &self.payees
    }

    pub fn total(&self) -> Pence {
        self.total
    }
}

fn check_originator(input: &OriginatorInput, problems: &mut Vec<RunProblem>) -> Option<Originator> {
    let name = BacsText::new(&input.name)
        .map_err(|e| problems.push(RunProblem::OriginatorName(e)))
        .ok();
    let sort_code = SortCode::parse(&input.sort_code)
        .map_err(|_| problems.push(RunProblem::OriginatorSortCode))
        .ok();
    let account_number = AccountNumber::parse(&input.account_number)
        .map_err(|_| problems.push(RunProblem::OriginatorAccountNumber))
        .ok();
    Some(Originator {
        name: name?,
        bank: BankDetails {
            sort_code: sort_code?,
            account_number: account_number?,
        },
    })
}

fn check_payee(input: &PayeeInput, problems: &mut Vec<RunProblem>) -> Option<Payee> {
    let payee = input.payee.trim().to_owned();
    let who = || payee.clone();
    let sort_code = SortCode::parse(&input.sort_code)
        .map_err(|_| problems.push(RunProblem::SortCode { payee: who() }))
        .ok();
    let account_number = AccountNumber::parse(&input.account_number)
        .map_err(|_| problems.push(RunProblem::AccountNumber { payee: who() }))
        .ok();
    let bacs_name = BacsText::new(&input.payee)
        .map_err(|problem| {
            problems.push(RunProblem::Name {
                payee: who(),
                problem,
            })
        })
        .ok();
    let reference = match BacsText::new(&input.reference) {
        Err(problem) => {
            problems.push(RunProblem::Reference {
                payee: who(),
                problem,
            });
            None
        }
        Ok(reference) if too_plain(&reference) => {
            problems.push(RunProblem::ReferenceTooPlain { payee: who() });
            None
        }
        Ok(reference) => Some(reference),
    };
    if input.amount == Pence::ZERO {
        problems.push(RunProblem::NothingToPay { payee: who() });
    }
    if input.amount > LARGEST_AMOUNT {
        problems.push(RunProblem::AmountTooLarge { payee: who() });
    }
    Some(Payee {
        bacs_name: bacs_name?,
        bank: BankDetails {
            sort_code: sort_code?,
            account_number: account_number?,
        },
        amount: input.amount,
        reference: reference?,
        payee,
    })
}

/// Bacs refuses a reference with fewer than 6 letters or numbers, or all the same character.
fn too_plain(reference: &BacsText) -> bool {
    let mut chars = reference
        .as_str()
        .chars()
        .filter(char::is_ascii_alphanumeric);
    let first = chars.next();
    reference.alphanumerics() < 6 || chars.all(|c| Some(c) == first)
}

fn check_date(today: Date, date: Date, problems: &mut Vec<RunProblem>) {
    if !YEARS_COVERED.contains(&date.year()) {
        problems.push(RunProblem::HolidaysUnknown {
            date,
            first: *YEARS_COVERED.start(),
            last: *YEARS_COVERED.end(),
        });
    }
    if matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) {
        problems.push(RunProblem::Weekend {
            date,
            day: date.weekday(),
        });
    } else if is_bank_holiday(date) {
        problems.push(RunProblem::BankHoliday { date });
    }
    let earliest = working_days_after(today, WORKING_DAYS_NOTICE);
    if date < earliest {
        problems.push(RunProblem::TooSoon { date, earliest });
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use time::macros::date;

    /// Test data: a valid run on Friday 11 December 2026, made on Sunday 6 December.
    pub(in crate::payments) fn valid_input() -> RunInput {
        RunInput {
            originator: OriginatorInput {
                name: "Withus Demo Org".into(),
                sort_code: "20-00-00".into(),
                account_number: "55779911".into(),
            },
            today: date!(2026 - 12 - 06),
            processing_date: date!(2026 - 12 - 11),
            payees: vec![
                PayeeInput {
                    payee: "Maya Patel".into(),
                    sort_code: "12-34-56".into(),
                    account_number: "12345678".into(),
                    amount: Pence::new(6_875).unwrap(),
                    reference: "WITHUS DEC26".into(),
                },
                PayeeInput {
                    payee: "Siân O'Brien".into(),
                    sort_code: "65 43 21".into(),
                    account_number: "87654321".into(),
                    amount: Pence::new(20_400).unwrap(),
                    reference: "WITHUS DEC26".into(),
                },
            ],
        }
    }

    fn problems(input: &RunInput) -> Vec<String> {
        PaymentRun::check(input)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_valid_run_is_checked_and_totalled() {
        let run = PaymentRun::check(&valid_input()).unwrap();
        assert_eq!(run.total(), Pence::new(27_275).unwrap());
        assert_eq!(run.payees()[1].bacs_name.as_str(), "SIAN OBRIEN");
        assert_eq!(run.originator().name.as_str(), "WITHUS DEMO ORG");
    }

    #[test]
    fn an_invalid_sort_code_is_refused_with_how_to_fix_it() {
        let mut input = valid_input();
        input.payees[0].payee = "Jo Bloggs".into();
        input.payees[0].sort_code = "12-34-5".into();
        assert_eq!(
            problems(&input),
            vec!["Sort code for Jo Bloggs must be 6 digits, like 12-34-56"]
        );
    }

    #[test]
    fn a_weekend_date_is_refused() {
        let mut input = valid_input();
        input.processing_date = date!(2026 - 12 - 12);
        assert_eq!(
            problems(&input),
            vec!["The processing date 2026-12-12 is a Saturday: choose a working day"]
        );
    }

    #[test]
    fn a_bank_holiday_or_too_soon_a_date_is_refused() {
        let mut input = valid_input();
        input.today = date!(2026 - 12 - 21);
        input.processing_date = date!(2026 - 12 - 28);
        assert_eq!(
            problems(&input),
            vec!["The processing date 2026-12-28 is a bank holiday: choose a working day"]
        );
        input.today = date!(2026 - 12 - 08);
        input.processing_date = date!(2026 - 12 - 10);
        assert_eq!(
            problems(&input),
            vec![
                "The processing date 2026-12-10 is too soon: Bacs needs 3 working days, so \
                 choose 2026-12-11 or later"
            ]
        );
        input.processing_date = date!(2026 - 12 - 11);
        assert!(PaymentRun::check(&input).is_ok());
    }

    #[test]
    fn every_problem_is_listed_at_once() {
        let mut input = valid_input();
        input.originator.sort_code = "2000".into();
        input.processing_date = date!(2028 - 01 - 02);
        input.payees[0].account_number = "1234".into();
        input.payees[0].payee = "Maximilian Featherstonehaugh".into();
        input.payees[1].amount = Pence::ZERO;
        input.payees[1].reference = "AAAAAAA".into();
        assert_eq!(
            problems(&input),
            vec![
                "Your organisation's sort code must be 6 digits, like 12-34-56".to_owned(),
                "The processing date 2028-01-02 is in a year whose bank holidays Withus does not \
                 know yet: choose a date in 2026 to 2027"
                    .to_owned(),
                "The processing date 2028-01-02 is a Sunday: choose a working day".to_owned(),
                "Account number for Maximilian Featherstonehaugh must be 8 digits, like 12345678"
                    .to_owned(),
                "The name for the bank for Maximilian Featherstonehaugh is 28 characters once \
                 made ready for the bank (“MAXIMILIAN FEATHERSTONEHAUGH”), and Bacs allows 18: \
                 enter one of at most 18 of A to Z, 0 to 9, spaces and . & / -, like their \
                 initial and surname"
                    .to_owned(),
                "The reference for Siân O'Brien must have at least 6 letters or numbers, not all \
                 the same, like WITHUS DEC26"
                    .to_owned(),
                "The amount for Siân O'Brien is £0.00: correct it or take them out of this run"
                    .to_owned(),
            ]
        );
    }

    #[test]
    fn account_numbers_as_typed_are_masked_when_logged() {
        let logged = format!("{:?}", valid_input());
        for account in ["55779911", "12345678", "87654321"] {
            assert!(!logged.contains(account), "{logged}");
        }
        assert!(logged.contains("****9911") && logged.contains("****5678"));
        assert_eq!(masked("12"), "****12");
    }

    #[test]
    fn an_empty_run_or_huge_amount_is_refused() {
        let mut input = valid_input();
        input.payees.clear();
        assert_eq!(
            problems(&input),
            vec!["There are no payments in this run: approve some payments first"]
        );
        let mut input = valid_input();
        input.payees[0].amount = Pence::new(100_000_000_000).unwrap();
        assert_eq!(
            problems(&input),
            vec![
                "The amount for Maya Patel is more than one Bacs payment can carry: split it",
                "The run's total is more than one Bacs file can carry: split the run",
            ]
        );
    }
}
