//! Earnings and expenses are different kinds of money. Payment for time counts towards a benefit's
//! earnings limit; repaid out-of-pocket costs never do (DWP service-user-involvement rules, NIHR).
//! Separate types mean an expense cannot be added to earnings by mistake.

use super::money::{MoneyError, Pence};

/// Payment for someone's time: counts as income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Earnings(Pence);

/// Repaid out-of-pocket costs: never income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Expenses(Pence);

impl Earnings {
    pub const NONE: Earnings = Earnings(Pence::ZERO);

    pub fn new(amount: Pence) -> Self {
        Earnings(amount)
    }

    pub fn pence(self) -> Pence {
        self.0
    }

    pub fn checked_add(self, other: Earnings) -> Result<Earnings, MoneyError> {
        self.0.checked_add(other.0).map(Earnings)
    }

    pub fn sum(items: impl IntoIterator<Item = Earnings>) -> Result<Earnings, MoneyError> {
        Pence::sum(items.into_iter().map(Earnings::pence)).map(Earnings)
    }
}

impl Expenses {
    pub const NONE: Expenses = Expenses(Pence::ZERO);

    pub fn new(amount: Pence) -> Self {
        Expenses(amount)
    }

    pub fn pence(self) -> Pence {
        self.0
    }

    pub fn checked_add(self, other: Expenses) -> Result<Expenses, MoneyError> {
        self.0.checked_add(other.0).map(Expenses)
    }
}

/// How a person chose to receive one payment for their time. Expenses are repaid whatever they
/// choose: the choice is about earnings only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentChoice {
    /// A bank transfer of the full amount.
    Cash,
    /// A voucher for the full amount. NIHR says vouchers are income; a DWP note says voucher
    /// incentives do not affect Universal Credit. The sources disagree, so a voucher is counted:
    /// the reading that cannot catch someone out.
    Voucher,
    /// Less than offered, by bank transfer. An amount above the offer is paid as the offer.
    SmallerAmount(Pence),
    /// No payment for time.
    Nothing,
    /// Paid to a charity or organisation the person names. DWP does not treat it as theirs.
    Charity,
    /// Only expenses are repaid.
    ExpensesOnly,
}

impl PaymentChoice {
    /// What the person is paid for their time, given what was offered.
    pub fn paid_to_person(self, offered: Earnings) -> Earnings {
        match self {
            PaymentChoice::Cash | PaymentChoice::Voucher => offered,
            PaymentChoice::SmallerAmount(amount) => Earnings(amount.min(offered.0)),
            PaymentChoice::Nothing | PaymentChoice::Charity | PaymentChoice::ExpensesOnly => {
                Earnings::NONE
            }
        }
    }

    /// What counts towards a benefit's earnings limit. Declining, taking less and paying a charity
    /// are not "notional earnings" under DWP's service-user-involvement rules.
    pub fn earnings_counted(self, offered: Earnings) -> Earnings {
        self.paid_to_person(offered)
    }

    /// What goes to a charity or organisation instead of the person.
    pub fn paid_to_charity(self, offered: Earnings) -> Earnings {
        match self {
            PaymentChoice::Charity => offered,
            _ => Earnings::NONE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn earnings(pence: i64) -> Earnings {
        Earnings::new(Pence::new(pence).unwrap())
    }

    #[test]
    fn every_payment_choice_says_what_counts_as_earnings() {
        let offered = earnings(5_000);
        let cases = [
            (PaymentChoice::Cash, 5_000, 5_000, 0),
            (PaymentChoice::Voucher, 5_000, 5_000, 0),
            (
                PaymentChoice::SmallerAmount(Pence::new(2_000).unwrap()),
                2_000,
                2_000,
                0,
            ),
            (
                PaymentChoice::SmallerAmount(Pence::new(9_000).unwrap()),
                5_000,
                5_000,
                0,
            ),
            (PaymentChoice::Nothing, 0, 0, 0),
            (PaymentChoice::Charity, 0, 0, 5_000),
            (PaymentChoice::ExpensesOnly, 0, 0, 0),
        ];
        for (choice, paid, counted, charity) in cases {
            assert_eq!(choice.paid_to_person(offered), earnings(paid), "{choice:?}");
            assert_eq!(
                choice.earnings_counted(offered),
                earnings(counted),
                "{choice:?}"
            );
            assert_eq!(
                choice.paid_to_charity(offered),
                earnings(charity),
                "{choice:?}"
            );
        }
    }

    #[test]
    fn earnings_add_up_separately_from_expenses() {
        let total = Earnings::sum([earnings(100), earnings(250)]).unwrap();
        assert_eq!(total, earnings(350));
        let expenses = Expenses::new(Pence::new(1_000).unwrap())
            .checked_add(Expenses::new(Pence::new(50).unwrap()))
            .unwrap();
        assert_eq!(expenses.pence().get(), 1_050);
        // `total.checked_add(expenses)` does not compile: the types keep them apart.
    }
}
