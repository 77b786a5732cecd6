//! What an organisation pays and an engagement offers, as types: a rate card line, the payment
//! settings, and the offer, each with a `check()` for its form that returns the values or the
//! problems, each saying how to fix it.

use serde::{Deserialize, Serialize};
use time::Date;
use uuid::Uuid;

use crate::engagements::domain::parse_date;
use crate::payments::bacs_text::BacsText;
use crate::payments::bank_details::{AccountNumber, SortCode};
use crate::payments::dated::{Effective, RateName};
use crate::payments::money::Pence;
use crate::payments::rates::{Rate, RateUnit};
use crate::payments::run::OriginatorInput;
use crate::vocab::stored_enum;
use crate::web::forms::Problem;

/// The longest rate name and the longest note on an offer.
pub const NAME_MAX: usize = 100;
pub const NOTE_MAX: usize = 1_000;
/// Limits that catch a mistyped figure (a week of notice in hours, a lifetime in years).
pub const LATE_HOURS_MAX: u32 = 24 * 14;
pub const RETENTION_YEARS_MAX: u32 = 100;
pub const WORKING_DAYS_MAX: u32 = 90;
pub const SURVEY_MINUTES_MAX: u32 = 8 * 60;

stored_enum!(
    /// The unit a rate is paid in, as stored.
    Unit, "payment-unit" {
        Hour => "hour",
        HalfDay => "half_day",
        Day => "day",
        Task => "task",
    }
);

impl Unit {
    pub fn rate_unit(self) -> RateUnit {
        match self {
            Unit::Hour => RateUnit::Hour,
            Unit::HalfDay => RateUnit::HalfDay,
            Unit::Day => RateUnit::Day,
            Unit::Task => RateUnit::Task,
        }
    }

    pub fn of(unit: RateUnit) -> Unit {
        match unit {
            RateUnit::Hour => Unit::Hour,
            RateUnit::HalfDay => Unit::HalfDay,
            RateUnit::Day => Unit::Day,
            RateUnit::Task => Unit::Task,
        }
    }

    /// The unit's name in a list, like "an hour".
    pub fn key(self) -> &'static str {
        match self {
            Unit::Hour => "payment-unit-hour",
            Unit::HalfDay => "payment-unit-half-day",
            Unit::Day => "payment-unit-day",
            Unit::Task => "payment-unit-task",
        }
    }

    /// The unit's name on its own, like "Hour".
    pub fn name_key(self) -> &'static str {
        match self {
            Unit::Hour => "payment-unit-hour-name",
            Unit::HalfDay => "payment-unit-half-day-name",
            Unit::Day => "payment-unit-day-name",
            Unit::Task => "payment-unit-task-name",
        }
    }
}

stored_enum!(
    /// How an organisation pays people for their time.
    PaysThrough, "payment-pays-through" {
        BankTransfer => "bank_transfer",
        Payroll => "payroll",
    }
);

impl PaysThrough {
    pub fn key(self) -> &'static str {
        match self {
            PaysThrough::BankTransfer => "payment-pays-through-bank-transfer",
            PaysThrough::Payroll => "payment-pays-through-payroll",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            PaysThrough::BankTransfer => "payment-pays-through-bank-transfer-hint",
            PaysThrough::Payroll => "payment-pays-through-payroll-hint",
        }
    }
}

stored_enum!(
    /// What a late cancellation is paid.
    LatePay, "payment-late-pays" {
        Full => "full",
        Half => "half",
        Nothing => "none",
    }
);

impl LatePay {
    pub fn key(self) -> &'static str {
        match self {
            LatePay::Full => "payment-late-pays-full",
            LatePay::Half => "payment-late-pays-half",
            LatePay::Nothing => "payment-late-pays-none",
        }
    }
}

/// When a cancellation counts as late, and what it is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LateCancellation {
    /// A cancellation this many hours or fewer before the event starts is late.
    pub within_hours: u32,
    pub pays: LatePay,
}

/// How an organisation pays: one set per organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentSettings {
    pub organisation: Uuid,
    /// A batch whose total is above this needs two different finance officers to approve it.
    pub two_person_threshold: Pence,
    pub pays_through: PaysThrough,
    pub late_cancellation: LateCancellation,
    /// How many years payment records are kept after a person's erasure.
    pub retention_years: u32,
    /// The organisation's own account, for Bacs files, if given.
    pub originator: Option<OriginatorInput>,
    /// The organisation's 6-digit Bacs service user number, given with `originator`.
    pub service_user_number: Option<String>,
}

/// The costs an offer repays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Covered {
    pub public_transport: bool,
    /// Taxis, when a person's access needs mean they need one.
    pub taxi: bool,
    pub mileage: bool,
    /// Cover for a carer or personal assistant.
    pub carer: bool,
    pub childcare: bool,
    pub meals: bool,
    pub overnight: bool,
}

/// Each kind of cost, its form value and its words in a list and in Easy Read.
pub const EXPENSES: [(&str, &str, &str); 7] = [
    (
        "public_transport",
        "payment-expense-public-transport",
        "payment-easy-expense-public-transport",
    ),
    ("taxi", "payment-expense-taxi", "payment-easy-expense-taxi"),
    (
        "mileage",
        "payment-expense-mileage",
        "payment-easy-expense-mileage",
    ),
    (
        "carer",
        "payment-expense-carer",
        "payment-easy-expense-carer",
    ),
    (
        "childcare",
        "payment-expense-childcare",
        "payment-easy-expense-childcare",
    ),
    (
        "meals",
        "payment-expense-meals",
        "payment-easy-expense-meals",
    ),
    (
        "overnight",
        "payment-expense-overnight",
        "payment-easy-expense-overnight",
    ),
];

impl Covered {
    /// Whether the cost with this form value is covered.
    pub fn covers(&self, value: &str) -> bool {
        match value {
            "public_transport" => self.public_transport,
            "taxi" => self.taxi,
            "mileage" => self.mileage,
            "carer" => self.carer,
            "childcare" => self.childcare,
            "meals" => self.meals,
            "overnight" => self.overnight,
            _ => false,
        }
    }

    /// The costs with these form values.
    pub fn from_values(values: &[String]) -> Covered {
        let has = |v: &str| values.iter().any(|x| x == v);
        Covered {
            public_transport: has("public_transport"),
            taxi: has("taxi"),
            mileage: has("mileage"),
            carer: has("carer"),
            childcare: has("childcare"),
            meals: has("meals"),
            overnight: has("overnight"),
        }
    }

    pub fn any(&self) -> bool {
        EXPENSES.iter().any(|(value, ..)| self.covers(value))
    }
}

/// What an engagement offers the people who take part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub engagement: Uuid,
    /// The organisation whose rate card the rate is on: the engagement's lead.
    pub organisation: Uuid,
    /// The name of the rate on the card; none when the engagement repays expenses only.
    pub rate_name: Option<String>,
    /// The rate of that name in force today, or else the next to start, or else the last to end:
    /// what the offer's words state.
    pub rate: Option<Rate>,
    /// Whether attending the engagement's events is paid.
    pub pays_events: bool,
    /// The minutes paid for each survey completed, if surveys are paid.
    pub survey_minutes: Option<u32>,
    pub covered: Covered,
    /// Payment is made within this many working days of approval.
    pub working_days: u32,
    pub note: String,
    pub budget: Option<Pence>,
}

/// An offer as the form gives it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOffer {
    pub rate_name: Option<String>,
    pub pays_events: bool,
    pub survey_minutes: Option<u32>,
    pub covered: Covered,
    pub working_days: u32,
    pub note: String,
    pub budget: Option<Pence>,
}

/// The offer form as submitted.
#[derive(Debug, Clone, Default)]
pub struct OfferForm {
    /// A rate's name, or empty for expenses only.
    pub rate: String,
    /// "yes" or "no".
    pub pays_events: String,
    pub pays_surveys: String,
    pub survey_minutes: String,
    pub expenses: Vec<String>,
    pub working_days: String,
    pub note: String,
    pub budget: String,
}

fn yes_no(p: &mut Vec<Problem>, field: &str, value: &str, key: &'static str) -> bool {
    match value {
        "yes" => true,
        "no" => false,
        _ => {
            p.push(Problem::new(field, key));
            false
        }
    }
}

/// A whole number from `low` to `high`, or a problem on `field`.
fn whole(
    p: &mut Vec<Problem>,
    field: &str,
    value: &str,
    (low, high): (u32, u32),
    key: &'static str,
) -> u32 {
    match value.trim().parse::<u32>() {
        Ok(n) if (low..=high).contains(&n) => n,
        _ => {
            p.push(
                Problem::new(field, key)
                    .with("low", i64::from(low))
                    .with("high", i64::from(high)),
            );
            low
        }
    }
}

/// An optional amount of money, or a problem on `field`.
fn optional_pence(
    p: &mut Vec<Problem>,
    field: &str,
    value: &str,
    key: &'static str,
) -> Option<Pence> {
    if value.trim().is_empty() {
        return None;
    }
    match Pence::parse(value) {
        Ok(pence) => Some(pence),
        Err(_) => {
            p.push(Problem::new(field, key));
            None
        }
    }
}

impl OfferForm {
    /// `rates` are the names on the organisation's card.
    pub fn check(&self, rates: &[String]) -> Result<NewOffer, Vec<Problem>> {
        let mut p = Vec::new();
        let rate_name = match self.rate.trim() {
            "" => None,
            name => match rates.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                Some(known) => Some(known.clone()),
                None => {
                    p.push(Problem::new("rate", "payment-offer-error-rate"));
                    None
                }
            },
        };
        let pays_events = yes_no(
            &mut p,
            "pays_events",
            &self.pays_events,
            "payment-offer-error-events",
        );
        let pays_surveys = yes_no(
            &mut p,
            "pays_surveys",
            &self.pays_surveys,
            "payment-offer-error-surveys",
        );
        let survey_minutes = pays_surveys.then(|| {
            whole(
                &mut p,
                "survey_minutes",
                &self.survey_minutes,
                (1, SURVEY_MINUTES_MAX),
                "payment-offer-error-survey-minutes",
            )
        });
        if rate_name.is_none() && (pays_events || pays_surveys) && self.rate.trim().is_empty() {
            p.push(Problem::new("rate", "payment-offer-error-no-rate"));
        }
        let working_days = whole(
            &mut p,
            "working_days",
            &self.working_days,
            (1, WORKING_DAYS_MAX),
            "payment-offer-error-working-days",
        );
        let note = self.note.trim().to_owned();
        if note.chars().count() > NOTE_MAX {
            p.push(Problem::too_long(
                "note",
                "payment-error-too-long",
                NOTE_MAX,
            ));
        }
        let budget = optional_pence(&mut p, "budget", &self.budget, "payment-offer-error-budget");
        if !p.is_empty() {
            return Err(p);
        }
        Ok(NewOffer {
            rate_name,
            pays_events,
            survey_minutes,
            covered: Covered::from_values(&self.expenses),
            working_days,
            note,
            budget,
        })
    }
}

/// The rate form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RateForm {
    pub name: String,
    pub unit: String,
    pub amount: String,
    pub from: [String; 3],
    pub to: [String; 3],
}

fn blank(parts: &[String; 3]) -> bool {
    parts.iter().all(|p| p.trim().is_empty())
}

impl RateForm {
    pub fn check(&self) -> Result<Rate, Vec<Problem>> {
        let mut p = Vec::new();
        let name = RateName::new(&self.name).ok();
        match &name {
            None => p.push(Problem::new("name", "payment-rate-error-name")),
            Some(n) if n.as_str().chars().count() > NAME_MAX => {
                p.push(Problem::too_long(
                    "name",
                    "payment-error-too-long",
                    NAME_MAX,
                ));
            }
            Some(_) => {}
        }
        let unit = Unit::parse(&self.unit).map(Unit::rate_unit);
        if unit.is_none() {
            p.push(Problem::new("unit", "payment-rate-error-unit"));
        }
        let amount = match Pence::parse(&self.amount) {
            Ok(a) if a > Pence::ZERO => Some(a),
            _ => {
                p.push(Problem::new("amount", "payment-rate-error-amount"));
                None
            }
        };
        let from = parse_date(&self.from);
        if from.is_none() {
            p.push(Problem::new("from-day", "payment-rate-error-from"));
        }
        let to = if blank(&self.to) {
            Some(None)
        } else {
            match parse_date(&self.to) {
                Some(to) => Some(Some(to)),
                None => {
                    p.push(Problem::new("to-day", "payment-rate-error-to"));
                    None
                }
            }
        };
        let effective = match (from, to) {
            (Some(from), Some(to)) => match Effective::new(from, to) {
                Ok(e) => Some(e),
                Err(_) => {
                    p.push(Problem::new("to-day", "payment-rate-error-ends-before"));
                    None
                }
            },
            _ => None,
        };
        match (name, unit, amount, effective) {
            (Some(name), Some(unit), Some(amount), Some(effective)) if p.is_empty() => Ok(Rate {
                name,
                unit,
                amount,
                effective,
            }),
            _ => Err(p),
        }
    }
}

/// The last day of a rate, as the "end a rate" form gives it.
pub fn check_end(
    rate: &str,
    rates: &[Uuid],
    day: &[String; 3],
) -> Result<(Uuid, Date), Vec<Problem>> {
    let mut p = Vec::new();
    let id = Uuid::parse_str(rate.trim())
        .ok()
        .filter(|id| rates.contains(id));
    if id.is_none() {
        p.push(Problem::new("rate", "payment-rate-error-which"));
    }
    let last = parse_date(day);
    if last.is_none() {
        p.push(Problem::new("end-day", "payment-rate-error-end"));
    }
    match (id, last) {
        (Some(id), Some(last)) => Ok((id, last)),
        _ => Err(p),
    }
}

/// The settings form as submitted.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    pub threshold: String,
    pub pays_through: String,
    pub late_hours: String,
    pub late_pays: String,
    pub retention_years: String,
    pub originator_name: String,
    pub sort_code: String,
    pub account_number: String,
    pub service_user_number: String,
}

/// Settings as the form gives them, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSettings {
    pub two_person_threshold: Pence,
    pub pays_through: PaysThrough,
    pub late_cancellation: LateCancellation,
    pub retention_years: u32,
    /// The account, cleaned for Bacs (name in capitals, digits only), with the service user
    /// number.
    pub originator: Option<(OriginatorInput, String)>,
}

/// Whether `text` is exactly six digits.
fn six_digits(text: &str) -> bool {
    text.len() == 6 && text.chars().all(|c| c.is_ascii_digit())
}

impl SettingsForm {
    pub fn check(&self) -> Result<NewSettings, Vec<Problem>> {
        let mut p = Vec::new();
        let threshold = match Pence::parse(&self.threshold) {
            Ok(t) => Some(t),
            Err(_) => {
                p.push(Problem::new(
                    "threshold",
                    "payment-settings-error-threshold",
                ));
                None
            }
        };
        let pays_through = PaysThrough::parse(&self.pays_through);
        if pays_through.is_none() {
            p.push(Problem::new(
                "pays_through",
                "payment-settings-error-pays-through",
            ));
        }
        let within_hours = whole(
            &mut p,
            "late_hours",
            &self.late_hours,
            (0, LATE_HOURS_MAX),
            "payment-settings-error-late-hours",
        );
        let late_pays = LatePay::parse(&self.late_pays);
        if late_pays.is_none() {
            p.push(Problem::new(
                "late_pays",
                "payment-settings-error-late-pays",
            ));
        }
        let retention_years = whole(
            &mut p,
            "retention_years",
            &self.retention_years,
            (1, RETENTION_YEARS_MAX),
            "payment-settings-error-retention",
        );
        let originator = self.originator(&mut p);
        match (threshold, pays_through, late_pays) {
            (Some(two_person_threshold), Some(pays_through), Some(pays)) if p.is_empty() => {
                Ok(NewSettings {
                    two_person_threshold,
                    pays_through,
                    late_cancellation: LateCancellation { within_hours, pays },
                    retention_years,
                    originator,
                })
            }
            _ => Err(p),
        }
    }

    /// The organisation's account: all four fields, or none.
    fn originator(&self, p: &mut Vec<Problem>) -> Option<(OriginatorInput, String)> {
        let fields = [
            &self.originator_name,
            &self.sort_code,
            &self.account_number,
            &self.service_user_number,
        ];
        if fields.iter().all(|f| f.trim().is_empty()) {
            return None;
        }
        let name = match BacsText::new(&self.originator_name) {
            Ok(name) => Some(name),
            Err(crate::payments::bacs_text::BacsTextError::TooLong { .. }) => {
                p.push(Problem::new(
                    "originator_name",
                    "payment-settings-error-name-long",
                ));
                None
            }
            Err(_) => {
                p.push(Problem::new(
                    "originator_name",
                    "payment-settings-error-name",
                ));
                None
            }
        };
        let sort_code = SortCode::parse(&self.sort_code).ok();
        if sort_code.is_none() {
            p.push(Problem::new(
                "sort_code",
                "payment-settings-error-sort-code",
            ));
        }
        let account = AccountNumber::parse(&self.account_number).ok();
        if account.is_none() {
            p.push(Problem::new(
                "account_number",
                "payment-settings-error-account-number",
            ));
        }
        let sun = self.service_user_number.trim().replace(' ', "");
        if !six_digits(&sun) {
            p.push(Problem::new(
                "service_user_number",
                "payment-settings-error-sun",
            ));
        }
        match (name, sort_code, account) {
            (Some(name), Some(sort_code), Some(account)) if six_digits(&sun) => Some((
                OriginatorInput {
                    name: name.as_str().to_owned(),
                    sort_code: sort_code.digits(),
                    account_number: account.reveal(),
                },
                sun,
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> SettingsForm {
        SettingsForm {
            threshold: "250.00".into(),
            pays_through: "bank_transfer".into(),
            late_hours: "24".into(),
            late_pays: "full".into(),
            retention_years: "6".into(),
            originator_name: "Northtown DPF".into(),
            sort_code: "12-34-56".into(),
            account_number: "12345678".into(),
            service_user_number: "123456".into(),
        }
    }

    #[test]
    fn settings_are_read_and_the_account_cleaned_for_bacs() {
        let checked = settings().check().unwrap();
        assert_eq!(checked.two_person_threshold, Pence::new(25_000).unwrap());
        let (account, sun) = checked.originator.unwrap();
        assert_eq!(account.name, "NORTHTOWN DPF");
        assert_eq!(account.sort_code, "123456");
        assert_eq!(sun, "123456");
    }

    #[test]
    fn a_bad_sort_code_and_a_partial_account_are_refused() {
        let mut form = settings();
        form.sort_code = "12-34-5".into();
        form.service_user_number = String::new();
        let problems = form.check().unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["sort_code", "service_user_number"]);
        let mut none = settings();
        none.originator_name.clear();
        none.sort_code.clear();
        none.account_number.clear();
        none.service_user_number.clear();
        assert_eq!(none.check().unwrap().originator, None);
    }

    #[test]
    fn surveys_need_minutes_and_pay_needs_a_rate() {
        let form = OfferForm {
            rate: String::new(),
            pays_events: "yes".into(),
            pays_surveys: "yes".into(),
            survey_minutes: "0".into(),
            expenses: vec!["taxi".into()],
            working_days: "10".into(),
            note: String::new(),
            budget: "2,000".into(),
        };
        let problems = form.check(&["Hourly".into()]).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["survey_minutes", "rate"]);
        let ok = OfferForm {
            rate: "hourly".into(),
            survey_minutes: "20".into(),
            ..form
        }
        .check(&["Hourly".into()])
        .unwrap();
        assert_eq!(ok.rate_name.as_deref(), Some("Hourly"));
        assert_eq!(ok.survey_minutes, Some(20));
        assert!(ok.covered.taxi && !ok.covered.meals);
        assert_eq!(ok.budget, Some(Pence::new(200_000).unwrap()));
    }
}
