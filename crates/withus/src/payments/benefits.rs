//! The check before a payment for time is approved: would it take the person over the benefit
//! earnings limit they told us about? Some limits are a cliff edge (a penny over Carer's Allowance's
//! limit loses the whole week), so the check is exact and errs towards blocking.

use thiserror::Error;
use time::{Date, Duration, Month, Weekday};

use super::dated::filled;
use super::earnings::Earnings;
use super::money::{MoneyError, Pence};

/// Which limit matters to the person. The figures change every April, so the amount is always
/// part of what they declare (or a finance officer keeps up to date), never assumed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    EsaPermittedWork,
    CarersAllowanceEarningsLimit,
    UniversalCreditWorkAllowance,
    OwnFigure,
}

/// The period a limit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// A week starting on the given day (a benefit week need not start on a Monday).
    Weekly { starts: Weekday },
    /// A month starting on the given day of each month, like a Universal Credit assessment period.
    Monthly { starts: DayOfMonth },
}

/// A day from 1 to 28, so every month has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOfMonth(u8);

/// One period: from `start` up to but not including `next_start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodSpan {
    pub start: Date,
    pub next_start: Date,
}

/// What a person has declared, privately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredLimit {
    pub kind: LimitKind,
    pub amount: Pence,
    pub period: Period,
}

/// Earnings already approved or paid, on the day they count for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EarlierEarnings {
    pub on: Date,
    pub amount: Earnings,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Allowed,
    Blocked(Blocked),
}

/// Why an approval is held, and what could be done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    pub limit: Pence,
    pub would_be: Pence,
    pub over_by: Pence,
    pub suggestions: Vec<Suggestion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggestion {
    /// Pay this much at most: the most that stays within the limit.
    PayLess { at_most: Pence },
    /// Pay the rest on or after the start of the next period.
    SplitAcrossPeriods { next_period_starts: Date },
    /// Repay expenses only.
    ExpensesOnly,
    /// Pay the amount to a charity or organisation the person names.
    PayToCharity,
}

/// Why someone approved a payment over the limit. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideReason(String);

/// An approval decided against the declared limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    WithinLimit,
    /// Over the limit, approved anyway for a recorded reason.
    Overridden {
        blocked: Blocked,
        reason: OverrideReason,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum BenefitsError {
    #[error("Choose a day from 1 to 28, so that every month has it")]
    DayOfMonth,
    #[error("Say why this payment is approved over the person's limit")]
    NoReason,
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl DayOfMonth {
    pub fn new(day: u8) -> Result<Self, BenefitsError> {
        if (1..=28).contains(&day) {
            Ok(DayOfMonth(day))
        } else {
            Err(BenefitsError::DayOfMonth)
        }
    }
}

impl Period {
    /// The period that contains `day`.
    pub fn containing(self, day: Date) -> PeriodSpan {
        match self {
            Period::Weekly { starts } => {
                let back = (7 + day.weekday().number_days_from_monday()
                    - starts.number_days_from_monday())
                    % 7;
                let start = day - Duration::days(i64::from(back));
                PeriodSpan {
                    start,
                    next_start: start + Duration::days(7),
                }
            }
            Period::Monthly { starts } => {
                let this_month = on_day(day.year(), day.month(), starts);
                let start = if day >= this_month {
                    this_month
                } else {
                    let (year, month) = previous_month(day.year(), day.month());
                    on_day(year, month, starts)
                };
                let (year, month) = next_month(start.year(), start.month());
                PeriodSpan {
                    start,
                    next_start: on_day(year, month, starts),
                }
            }
        }
    }
}

fn on_day(year: i32, month: Month, day: DayOfMonth) -> Date {
    Date::from_calendar_date(year, month, day.0).expect("every month has days 1 to 28")
}

fn previous_month(year: i32, month: Month) -> (i32, Month) {
    match month {
        Month::January => (year - 1, Month::December),
        _ => (year, month.previous()),
    }
}

fn next_month(year: i32, month: Month) -> (i32, Month) {
    match month {
        Month::December => (year + 1, Month::January),
        _ => (year, month.next()),
    }
}

impl PeriodSpan {
    pub fn contains(self, day: Date) -> bool {
        self.start <= day && day < self.next_start
    }
}

impl DeclaredLimit {
    /// Checks `proposed` earnings paid on `payment_date` against the limit, counting the
    /// `earlier` earnings in the same period. Exactly at the limit is allowed; a penny over is not.
    /// Expenses cannot be passed in: they never count.
    pub fn check(
        &self,
        earlier: &[EarlierEarnings],
        payment_date: Date,
        proposed: Earnings,
    ) -> Result<Check, BenefitsError> {
        let period = self.period.containing(payment_date);
        let already = Earnings::sum(
            earlier
                .iter()
                .filter(|e| period.contains(e.on))
                .map(|e| e.amount),
        )?;
        let would_be = already.checked_add(proposed)?.pence();
        if would_be <= self.amount {
            return Ok(Check::Allowed);
        }
        let room = self.amount.saturating_sub(already.pence());
        let mut suggestions = Vec::new();
        if room > Pence::ZERO {
            suggestions.push(Suggestion::PayLess { at_most: room });
        }
        suggestions.extend([
            Suggestion::SplitAcrossPeriods {
                next_period_starts: period.next_start,
            },
            Suggestion::ExpensesOnly,
            Suggestion::PayToCharity,
        ]);
        Ok(Check::Blocked(Blocked {
            limit: self.amount,
            would_be,
            over_by: would_be.saturating_sub(self.amount),
            suggestions,
        }))
    }
}

impl OverrideReason {
    pub fn new(reason: &str) -> Result<Self, BenefitsError> {
        filled(reason)
            .map(OverrideReason)
            .ok_or(BenefitsError::NoReason)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Check {
    /// An approval when within the limit; otherwise what blocked it.
    pub fn approve(self) -> Result<Approval, Blocked> {
        match self {
            Check::Allowed => Ok(Approval::WithinLimit),
            Check::Blocked(blocked) => Err(blocked),
        }
    }
}

impl Blocked {
    /// Approves over the limit. Only possible with a reason, which the caller records.
    pub fn override_with(self, reason: OverrideReason) -> Approval {
        Approval::Overridden {
            blocked: self,
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn pence(p: i64) -> Pence {
        Pence::new(p).unwrap()
    }

    fn earnings(p: i64) -> Earnings {
        Earnings::new(pence(p))
    }

    /// Test data: a Carer's Allowance limit of £204 a week, weeks from Monday.
    fn carers_allowance_204() -> DeclaredLimit {
        DeclaredLimit {
            kind: LimitKind::CarersAllowanceEarningsLimit,
            amount: Pence::parse("£204.00").unwrap(),
            period: Period::Weekly {
                starts: Weekday::Monday,
            },
        }
    }

    // Wednesday 9 December 2026; its week runs Monday 7 to Sunday 13.
    const PAY_DAY: Date = date!(2026 - 12 - 09);

    /// The check for `proposed` pence on top of £150.00 already earned that week.
    fn after_150_this_week(proposed: i64) -> Check {
        let earlier = [EarlierEarnings {
            on: date!(2026 - 12 - 07),
            amount: earnings(15_000),
        }];
        carers_allowance_204()
            .check(&earlier, PAY_DAY, earnings(proposed))
            .unwrap()
    }

    #[test]
    fn exactly_at_the_limit_is_allowed() {
        let check = after_150_this_week(5_400);
        assert_eq!(check, Check::Allowed);
        assert_eq!(check.approve(), Ok(Approval::WithinLimit));
    }

    #[test]
    fn a_penny_over_is_blocked_with_suggestions() {
        let Check::Blocked(blocked) = after_150_this_week(5_401) else {
            panic!("£204.01 is over a £204.00 limit");
        };
        assert_eq!(blocked.limit.to_string(), "£204.00");
        assert_eq!(blocked.would_be.to_string(), "£204.01");
        assert_eq!(blocked.over_by, pence(1));
        assert_eq!(
            blocked.suggestions,
            vec![
                Suggestion::PayLess {
                    at_most: pence(5_400)
                },
                Suggestion::SplitAcrossPeriods {
                    next_period_starts: date!(2026 - 12 - 14)
                },
                Suggestion::ExpensesOnly,
                Suggestion::PayToCharity,
            ]
        );
    }

    #[test]
    fn a_single_payment_of_204_01_is_blocked_and_204_00_is_not() {
        let limit = carers_allowance_204();
        assert_eq!(
            limit
                .check(
                    &[],
                    PAY_DAY,
                    earnings(Pence::parse("204.00").unwrap().get())
                )
                .unwrap(),
            Check::Allowed
        );
        assert!(matches!(
            limit
                .check(
                    &[],
                    PAY_DAY,
                    earnings(Pence::parse("204.01").unwrap().get())
                )
                .unwrap(),
            Check::Blocked(_)
        ));
    }

    #[test]
    fn no_room_left_means_no_pay_less_suggestion() {
        let earlier = [EarlierEarnings {
            on: PAY_DAY,
            amount: earnings(20_400),
        }];
        let Check::Blocked(blocked) = carers_allowance_204()
            .check(&earlier, PAY_DAY, earnings(1))
            .unwrap()
        else {
            panic!("already at the limit");
        };
        assert!(
            !blocked
                .suggestions
                .iter()
                .any(|s| matches!(s, Suggestion::PayLess { .. }))
        );
    }

    #[test]
    fn earnings_in_other_periods_do_not_count() {
        let earlier = [
            EarlierEarnings {
                on: date!(2026 - 12 - 06), // Sunday of the week before
                amount: earnings(20_000),
            },
            EarlierEarnings {
                on: date!(2026 - 12 - 14), // Monday of the week after
                amount: earnings(20_000),
            },
        ];
        assert_eq!(
            carers_allowance_204()
                .check(&earlier, PAY_DAY, earnings(20_400))
                .unwrap(),
            Check::Allowed
        );
    }

    #[test]
    fn expenses_never_count_towards_the_limit() {
        // Only earnings can be passed to the check, and a choice of expenses only counts nothing.
        let offered = earnings(30_000);
        let counted = super::super::earnings::PaymentChoice::ExpensesOnly.earnings_counted(offered);
        assert_eq!(
            carers_allowance_204().check(&[], PAY_DAY, counted).unwrap(),
            Check::Allowed
        );
    }

    #[test]
    fn an_override_needs_a_reason() {
        assert_eq!(OverrideReason::new("  "), Err(BenefitsError::NoReason));
        let Check::Blocked(blocked) = carers_allowance_204()
            .check(&[], PAY_DAY, earnings(30_000))
            .unwrap()
        else {
            panic!("over the limit");
        };
        let reason = OverrideReason::new("Person confirmed with their adviser in writing").unwrap();
        let approval = blocked.clone().override_with(reason.clone());
        assert_eq!(approval, Approval::Overridden { blocked, reason });
    }

    #[test]
    fn weeks_start_on_the_declared_day() {
        let week = Period::Weekly {
            starts: Weekday::Thursday,
        };
        // Wednesday 9 December 2026 is in the week from Thursday 3 December.
        assert_eq!(
            week.containing(PAY_DAY),
            PeriodSpan {
                start: date!(2026 - 12 - 03),
                next_start: date!(2026 - 12 - 10)
            }
        );
        let span = week.containing(date!(2026 - 12 - 10));
        assert_eq!(span.start, date!(2026 - 12 - 10));
    }

    #[test]
    fn months_start_on_the_declared_day_across_the_year_end() {
        let month = Period::Monthly {
            starts: DayOfMonth::new(15).unwrap(),
        };
        assert_eq!(
            month.containing(date!(2027 - 01 - 03)),
            PeriodSpan {
                start: date!(2026 - 12 - 15),
                next_start: date!(2027 - 01 - 15)
            }
        );
        assert_eq!(
            month.containing(date!(2026 - 12 - 15)).next_start,
            date!(2027 - 01 - 15)
        );
        let universal_credit = DeclaredLimit {
            kind: LimitKind::UniversalCreditWorkAllowance,
            amount: pence(41_100), // test data
            period: month,
        };
        let earlier = [EarlierEarnings {
            on: date!(2026 - 12 - 20),
            amount: earnings(41_000),
        }];
        let Check::Blocked(blocked) = universal_credit
            .check(&earlier, date!(2027 - 01 - 03), earnings(200))
            .unwrap()
        else {
            panic!("over the monthly figure");
        };
        assert!(
            blocked
                .suggestions
                .contains(&Suggestion::SplitAcrossPeriods {
                    next_period_starts: date!(2027 - 01 - 15)
                })
        );
        assert_eq!(DayOfMonth::new(29), Err(BenefitsError::DayOfMonth));
        assert_eq!(DayOfMonth::new(0), Err(BenefitsError::DayOfMonth));
    }
}
