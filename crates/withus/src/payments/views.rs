//! What the payment pages show, worked out in Rust so templates stay simple: a payment's line,
//! its choice and status in words, and the benefits check with its suggestions.

use time::Date;
use uuid::Uuid;

use super::benefits::{Blocked, Check, Suggestion};
use super::commands::{Assessment, choice_of, offered_of};
use super::domain::{Choice, PaymentStatus, StoredLimit, weekday};
use super::money::Pence;
use super::storage::PaymentRow;
use crate::engagements::views::format_day;
use crate::i18n::{Arg, Locale};

pub struct Tag {
    pub text: String,
    pub colour: &'static str,
}

pub fn status_tag(locale: Locale, status: PaymentStatus) -> Tag {
    let colour = match status {
        PaymentStatus::Due => "govuk-tag--yellow",
        PaymentStatus::AwaitingSecond => "govuk-tag--orange",
        PaymentStatus::Approved => "govuk-tag--blue",
        PaymentStatus::InRun => "govuk-tag--purple",
        PaymentStatus::Paid => "govuk-tag--green",
        PaymentStatus::Failed => "govuk-tag--red",
    };
    Tag {
        text: locale.t(&status.message_key()),
        colour,
    }
}

/// The choice in words: "Bank transfer", "Less: £20.00", "To a charity: Mind".
pub fn choice_text(locale: Locale, choice: &Choice) -> String {
    let name = locale.t(&choice.kind().message_key());
    match choice {
        Choice::Less(amount) => format!("{name}: {amount}"),
        Choice::Charity(charity) => format!("{name}: {charity}"),
        _ => name,
    }
}

/// The benefits check as shown to a finance officer.
pub struct CheckView {
    /// "none" (no limit declared), "within" or "over".
    pub kind: &'static str,
    pub summary: String,
    pub suggestions: Vec<String>,
}

pub fn check_view(locale: Locale, assessment: &Assessment) -> CheckView {
    let Some(limit) = &assessment.limit else {
        return CheckView {
            kind: "none",
            summary: locale.t("payment-check-none"),
            suggestions: Vec::new(),
        };
    };
    let described = limit_text(locale, limit);
    match &assessment.check {
        Check::Allowed => CheckView {
            kind: "within",
            summary: locale.t_args(
                "payment-check-within",
                &[
                    ("limit", Arg::from(described)),
                    ("already", Arg::from(assessment.already.to_string())),
                ],
            ),
            suggestions: Vec::new(),
        },
        Check::Blocked(blocked) => CheckView {
            kind: "over",
            summary: blocked_text(locale, &described, blocked),
            suggestions: blocked
                .suggestions
                .iter()
                .map(|s| suggestion_text(locale, *s))
                .collect(),
        },
    }
}

fn blocked_text(locale: Locale, limit: &str, blocked: &Blocked) -> String {
    locale.t_args(
        "payment-check-over",
        &[
            ("limit", Arg::from(limit.to_owned())),
            ("would_be", Arg::from(blocked.would_be.to_string())),
            ("over_by", Arg::from(blocked.over_by.to_string())),
        ],
    )
}

pub fn suggestion_text(locale: Locale, suggestion: Suggestion) -> String {
    match suggestion {
        Suggestion::PayLess { at_most } => locale.t_args(
            "payment-suggest-less",
            &[("amount", Arg::from(at_most.to_string()))],
        ),
        Suggestion::SplitAcrossPeriods { next_period_starts } => locale.t_args(
            "payment-suggest-split",
            &[("day", Arg::from(format_day(next_period_starts, locale)))],
        ),
        Suggestion::ExpensesOnly => locale.t("payment-suggest-expenses-only"),
        Suggestion::PayToCharity => locale.t("payment-suggest-charity"),
    }
}

/// "Carer's Allowance earnings limit: £204.00 a week, from Monday".
pub fn limit_text(locale: Locale, limit: &StoredLimit) -> String {
    let kind = locale.t(&limit.kind.message_key());
    let amount = Pence::new(limit.amount_pence)
        .unwrap_or(Pence::ZERO)
        .to_string();
    let period = if limit.period == "weekly" {
        let day = weekday(limit.starts)
            .map(|d| locale.t(&format!("payment-weekday-{}", d.number_from_monday())))
            .unwrap_or_default();
        locale.t_args(
            "payment-limit-weekly",
            &[("amount", Arg::from(amount)), ("day", Arg::from(day))],
        )
    } else {
        locale.t_args(
            "payment-limit-monthly",
            &[
                ("amount", Arg::from(amount)),
                ("day", Arg::from(i64::from(limit.starts))),
            ],
        )
    };
    format!("{kind}: {period}")
}

/// One payment as a line in a table.
pub struct Line {
    pub id: Uuid,
    pub person: String,
    pub what: String,
    pub on: String,
    pub offered: String,
    pub choice: String,
    pub amount: String,
    pub status: Tag,
    pub choice_open: bool,
}

pub fn line(locale: Locale, row: &PaymentRow, person: String) -> Line {
    let (choice, amount) = match (choice_of(row), offered_of(row)) {
        (Ok(choice), Ok(offered)) => {
            let paid = choice
                .paid_to_person(offered)
                .max(choice.paid_to_charity(offered));
            (choice_text(locale, &choice), paid.to_string())
        }
        _ => (String::new(), String::new()),
    };
    Line {
        id: row.id,
        person,
        what: row.description.clone(),
        on: format_day(row.earned_on, locale),
        offered: Pence::new(row.offered_pence)
            .unwrap_or(Pence::ZERO)
            .to_string(),
        choice,
        amount,
        status: status_tag(locale, row.status),
        choice_open: row.status.choice_open(),
    }
}

pub fn day(date: Option<Date>, locale: Locale) -> String {
    date.map(|d| format_day(d, locale)).unwrap_or_default()
}
