//! An organisation's rate card: what it pays for time, and per mile for travel, with the dates each
//! figure applies. The figures are data an administrator keeps up to date; none is written here.

use thiserror::Error;

use super::dated::{Dated, DatedList, Effective, RateName};
use super::earnings::{Earnings, Expenses};
use super::money::{MoneyError, Pence};

/// What one rate pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateUnit {
    Hour,
    HalfDay,
    Day,
    Task,
}

/// How much someone was involved, in the unit of the rate it is paid at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Involvement {
    /// Time paid by the hour, in whole minutes so that 2½ hours is exact.
    Minutes(u32),
    HalfDays(u32),
    Days(u32),
    Tasks(u32),
}

/// One line of the rate card: a rate for time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    pub name: RateName,
    pub unit: RateUnit,
    pub amount: Pence,
    pub effective: Effective,
}

/// A rate per mile for travel in a vehicle, like HMRC's approved mileage rate for a car.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MileageRate {
    pub name: RateName,
    pub per_mile: Pence,
    pub effective: Effective,
}

/// A distance in tenths of a mile, as a journey planner or odometer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenthsOfAMile(pub u32);

pub type RateCard = DatedList<Rate>;
pub type MileageRates = DatedList<MileageRate>;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RateError {
    #[error("The rate “{rate}” is paid per {unit}, so record the involvement in that unit")]
    WrongUnit { rate: String, unit: &'static str },
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl RateUnit {
    fn name(self) -> &'static str {
        match self {
            RateUnit::Hour => "hour",
            RateUnit::HalfDay => "half day",
            RateUnit::Day => "day",
            RateUnit::Task => "task",
        }
    }
}

impl Dated for Rate {
    fn name(&self) -> &RateName {
        &self.name
    }
    fn effective(&self) -> Effective {
        self.effective
    }
}

impl Dated for MileageRate {
    fn name(&self) -> &RateName {
        &self.name
    }
    fn effective(&self) -> Effective {
        self.effective
    }
}

impl Rate {
    /// What an involvement earns at this rate.
    ///
    /// Hourly rates are paid by the minute: rate × minutes ÷ 60, rounded to the nearest penny with
    /// exactly half a penny rounded up, so any rounding favours the person paid.
    pub fn earnings_for(&self, involvement: Involvement) -> Result<Earnings, RateError> {
        let rate = self.amount.get();
        let pence = match (self.unit, involvement) {
            (RateUnit::Hour, Involvement::Minutes(minutes)) => times(rate, minutes)
                .and_then(|p| p.checked_add(30))
                .map(|p| p / 60),
            (RateUnit::HalfDay, Involvement::HalfDays(n))
            | (RateUnit::Day, Involvement::Days(n))
            | (RateUnit::Task, Involvement::Tasks(n)) => times(rate, n),
            _ => {
                return Err(RateError::WrongUnit {
                    rate: self.name.to_string(),
                    unit: self.unit.name(),
                });
            }
        };
        let pence = pence.ok_or(MoneyError::TooLarge)?;
        Ok(Earnings::new(Pence::new(pence)?))
    }
}

impl MileageRate {
    /// Mileage for a journey: rate × tenths ÷ 10, rounded to the nearest penny, half up.
    pub fn expenses_for(&self, distance: TenthsOfAMile) -> Result<Expenses, RateError> {
        let pence = times(self.per_mile.get(), distance.0)
            .and_then(|p| p.checked_add(5))
            .map(|p| p / 10)
            .ok_or(MoneyError::TooLarge)?;
        Ok(Expenses::new(Pence::new(pence)?))
    }
}

fn times(rate: i64, count: u32) -> Option<i64> {
    rate.checked_mul(i64::from(count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    // Demo figures for the tests only: an organisation enters its own.
    const DEMO_HOURLY_BEFORE: i64 = 2_500;
    const DEMO_HOURLY_AFTER: i64 = 2_750;
    const DEMO_HMRC_CAR_PENCE_PER_MILE: i64 = 45;

    fn pence(p: i64) -> Pence {
        Pence::new(p).unwrap()
    }

    fn rate(
        name: &str,
        unit: RateUnit,
        amount: i64,
        from: time::Date,
        to: Option<time::Date>,
    ) -> Rate {
        Rate {
            name: RateName::new(name).unwrap(),
            unit,
            amount: pence(amount),
            effective: Effective::new(from, to).unwrap(),
        }
    }

    fn demo_card() -> RateCard {
        RateCard::new(vec![
            rate(
                "Hourly",
                RateUnit::Hour,
                DEMO_HOURLY_BEFORE,
                date!(2025 - 04 - 01),
                Some(date!(2025 - 12 - 15)),
            ),
            rate(
                "Hourly",
                RateUnit::Hour,
                DEMO_HOURLY_AFTER,
                date!(2025 - 12 - 16),
                None,
            ),
            rate("Day", RateUnit::Day, 15_000, date!(2025 - 04 - 01), None),
        ])
        .unwrap()
    }

    #[test]
    fn the_rate_in_force_on_a_date_is_found() {
        let card = demo_card();
        let before = card.in_force("hourly", date!(2025 - 12 - 15)).unwrap();
        assert_eq!(before.amount, pence(DEMO_HOURLY_BEFORE));
        let after = card.in_force("Hourly", date!(2025 - 12 - 16)).unwrap();
        assert_eq!(after.amount, pence(DEMO_HOURLY_AFTER));
        assert!(card.in_force("Hourly", date!(2025 - 03 - 31)).is_none());
        assert!(card.in_force("Weekly", date!(2026 - 01 - 01)).is_none());
    }

    #[test]
    fn overlapping_dates_for_one_rate_are_refused_naming_both() {
        let first = rate("Hourly", RateUnit::Hour, 2_500, date!(2026 - 01 - 01), None);
        let second = rate("hourly", RateUnit::Hour, 2_750, date!(2026 - 12 - 16), None);
        let error = RateCard::new(vec![first.clone(), second.clone()]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "The rate “Hourly” from 2026-01-01 with no end overlaps the one from 2026-12-16 with \
             no end: end the first before the second starts"
        );
        // Different names may share dates.
        let day = rate("Day", RateUnit::Day, 15_000, date!(2026 - 01 - 01), None);
        assert!(RateCard::new(vec![first, day]).is_ok());
    }

    #[test]
    fn hourly_pay_is_by_the_minute_rounded_half_up() {
        // (rate in pence, minutes, pence paid)
        let cases = [
            (2_750, 150, 6_875), // 2½ hours at £27.50 = £68.75 exactly
            (2_750, 1, 46),      // 45.83p → 46p
            (30, 1, 1),          // exactly half a penny → 1p
            (29, 1, 0),          // 0.48p → 0p
        ];
        for (amount, minutes, paid) in cases {
            let hourly = rate(
                "Hourly",
                RateUnit::Hour,
                amount,
                date!(2026 - 01 - 01),
                None,
            );
            assert_eq!(
                hourly.earnings_for(Involvement::Minutes(minutes)).unwrap(),
                Earnings::new(pence(paid)),
                "{minutes} minutes at {amount}p an hour"
            );
        }
    }

    #[test]
    fn other_units_multiply_and_a_mismatched_unit_is_refused() {
        let day = rate("Day", RateUnit::Day, 15_000, date!(2026 - 01 - 01), None);
        assert_eq!(
            day.earnings_for(Involvement::Days(2)).unwrap(),
            Earnings::new(pence(30_000))
        );
        assert_eq!(
            day.earnings_for(Involvement::Minutes(60)),
            Err(RateError::WrongUnit {
                rate: "Day".into(),
                unit: "day"
            })
        );
        let task = rate("Survey", RateUnit::Task, 1_000, date!(2026 - 01 - 01), None);
        assert_eq!(
            task.earnings_for(Involvement::Tasks(3)).unwrap(),
            Earnings::new(pence(3_000))
        );
        let half = rate(
            "Half day",
            RateUnit::HalfDay,
            7_500,
            date!(2026 - 01 - 01),
            None,
        );
        assert_eq!(
            half.earnings_for(Involvement::HalfDays(1)).unwrap(),
            Earnings::new(pence(7_500))
        );
        let huge = rate(
            "Huge",
            RateUnit::Task,
            i64::MAX,
            date!(2026 - 01 - 01),
            None,
        );
        assert_eq!(
            huge.earnings_for(Involvement::Tasks(2)),
            Err(RateError::Money(MoneyError::TooLarge))
        );
    }

    #[test]
    fn mileage_is_an_expense_at_the_rate_per_mile_from_data() {
        let rates = MileageRates::new(vec![MileageRate {
            name: RateName::new("Car").unwrap(),
            per_mile: pence(DEMO_HMRC_CAR_PENCE_PER_MILE),
            effective: Effective::new(date!(2011 - 04 - 06), None).unwrap(),
        }])
        .unwrap();
        let car = rates.in_force("car", date!(2026 - 12 - 06)).unwrap();
        // 12.3 miles at 45p = 553.5p → 554p.
        assert_eq!(
            car.expenses_for(TenthsOfAMile(123)).unwrap(),
            Expenses::new(pence(554))
        );
        assert_eq!(
            car.expenses_for(TenthsOfAMile(100)).unwrap(),
            Expenses::new(pence(450))
        );
    }
}
