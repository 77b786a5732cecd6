//! The public figures of one organisation, counted from plain facts: each with a stable id, the
//! section it belongs to, and message keys for its label and its one-line definition. The page,
//! the CSV and JSON downloads and the daily snapshots all show exactly this list.

use crate::contributions::domain::median;
use crate::engagements::domain::{CommitmentStatus, Rung};
use crate::recommendations::{Decision, Delivery, Verification};

/// Where a figure sits on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Engagements,
    Commitments,
    Decisions,
    Delivery,
    Verification,
    Acknowledgement,
    Reports,
    Payments,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Engagements,
        Section::Commitments,
        Section::Decisions,
        Section::Delivery,
        Section::Verification,
        Section::Acknowledgement,
        Section::Reports,
        Section::Payments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Engagements => "engagements",
            Section::Commitments => "commitments",
            Section::Decisions => "decisions",
            Section::Delivery => "delivery",
            Section::Verification => "verification",
            Section::Acknowledgement => "acknowledgement",
            Section::Reports => "reports",
            Section::Payments => "payments",
        }
    }

    pub fn heading_key(self) -> String {
        format!("accountability-section-{}", self.as_str())
    }

    pub fn intro_key(self) -> String {
        format!("accountability-section-{}-intro", self.as_str())
    }
}

/// One figure. `value` is none only for a figure that cannot be worked out yet (a median of
/// nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub id: String,
    pub section: Section,
    pub value: Option<i64>,
    /// Drawn in the section's bar chart as well as listed.
    pub charted: bool,
    /// What the value counts.
    pub unit: Unit,
    /// Hidden because it counts, or could reveal, fewer people than the suppression threshold:
    /// `value` is then none.
    pub suppressed: bool,
}

/// What a figure's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A number of things or people.
    Count,
    /// An amount of money in whole pence.
    Pence,
}

impl Figure {
    fn stem(&self) -> String {
        self.id.replace(['.', '_'], "-")
    }

    pub fn label_key(&self) -> String {
        format!("accountability-figure-{}", self.stem())
    }

    pub fn definition_key(&self) -> String {
        format!("accountability-define-{}", self.stem())
    }

    /// The value as the downloads write it: a number, or empty.
    pub fn value_text(&self) -> String {
        self.value.map(|v| v.to_string()).unwrap_or_default()
    }
}

/// What is known about one of the organisation's published engagements.
pub struct EngagementFacts {
    pub rung: Rung,
    pub finished: bool,
    pub commitments: Vec<CommitmentStatus>,
    /// Contributions received and not withdrawn.
    pub received: usize,
    pub acknowledged: usize,
    pub acknowledged_on_time: usize,
    pub days_to_acknowledge: Vec<u32>,
    pub waiting: usize,
    pub overdue: usize,
    pub report: Report,
}

/// Where an engagement's "You said, we did" report stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    OnTime,
    Late,
    Missing,
    NotYetDue,
}

impl Report {
    pub fn of(published: Option<time::Date>, due: time::Date, today: time::Date) -> Report {
        match published {
            Some(day) if day <= due => Report::OnTime,
            Some(_) => Report::Late,
            None if today > due => Report::Missing,
            None => Report::NotYetDue,
        }
    }
}

/// What is known about one recommendation of those engagements.
pub struct RecommendationFacts {
    pub decision: Decision,
    pub delivery: Delivery,
    pub overdue: bool,
    pub overdue_milestones: usize,
    pub verification: Verification,
}

/// What the organisation has paid people, over all its engagements: totals only, never an
/// amount per person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaidFacts {
    pub time_pence: i64,
    pub expenses_pence: i64,
    pub people_paid_for_time: i64,
    pub people_repaid_expenses: i64,
    pub people: i64,
}

/// The payments figures. A total paid to fewer people than the suppression threshold is hidden
/// too, as with one or two people it would say what each was paid.
fn payment_figures(paid: &PaidFacts) -> Vec<Figure> {
    use crate::register::monitoring::suppression::{THRESHOLD, protect_one};
    let money = |id: &str, pence: i64, people: i64| {
        let suppressed = people < THRESHOLD;
        Figure {
            id: id.into(),
            section: Section::Payments,
            value: (!suppressed).then_some(pence),
            charted: false,
            unit: Unit::Pence,
            suppressed,
        }
    };
    let people = protect_one(paid.people);
    vec![
        money(
            "payments.time_paid_pence",
            paid.time_pence,
            paid.people_paid_for_time,
        ),
        money(
            "payments.expenses_repaid_pence",
            paid.expenses_pence,
            paid.people_repaid_expenses,
        ),
        Figure {
            id: "payments.people_paid".into(),
            section: Section::Payments,
            value: people.count(),
            charted: false,
            unit: Unit::Count,
            suppressed: people.is_suppressed(),
        },
    ]
}

/// Every figure, in page order.
pub fn count(
    engagements: &[EngagementFacts],
    contested_commitments: usize,
    recommendations: &[RecommendationFacts],
    paid: &PaidFacts,
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut add = |section: Section, id: String, value: Option<i64>, charted: bool| {
        out.push(Figure {
            id,
            section,
            value,
            charted,
            unit: Unit::Count,
            suppressed: false,
        })
    };
    let n = |count: usize| Some(count as i64);

    add(
        Section::Engagements,
        "engagements.published".into(),
        n(engagements.len()),
        false,
    );
    add(
        Section::Engagements,
        "engagements.finished".into(),
        n(engagements.iter().filter(|e| e.finished).count()),
        false,
    );
    for rung in Rung::ALL {
        add(
            Section::Engagements,
            format!("engagements.rung.{}", rung.as_str()),
            n(engagements.iter().filter(|e| e.rung == *rung).count()),
            true,
        );
    }

    let statuses: Vec<CommitmentStatus> = engagements
        .iter()
        .flat_map(|e| e.commitments.iter().copied())
        .collect();
    add(
        Section::Commitments,
        "commitments.made".into(),
        n(statuses.len()),
        false,
    );
    for status in [
        CommitmentStatus::Kept,
        CommitmentStatus::PartlyKept,
        CommitmentStatus::Broken,
        CommitmentStatus::Open,
    ] {
        let id = match status {
            CommitmentStatus::Open => "commitments.not_yet_marked".to_owned(),
            other => format!("commitments.{}", other.as_str()),
        };
        add(
            Section::Commitments,
            id,
            n(statuses.iter().filter(|s| **s == status).count()),
            true,
        );
    }
    add(
        Section::Commitments,
        "commitments.contested".into(),
        n(contested_commitments),
        false,
    );

    add(
        Section::Decisions,
        "recommendations.made".into(),
        n(recommendations.len()),
        false,
    );
    for decision in Decision::ALL {
        add(
            Section::Decisions,
            format!("recommendations.decision.{}", decision.as_str()),
            n(recommendations
                .iter()
                .filter(|r| r.decision == *decision)
                .count()),
            true,
        );
    }

    let accepted: Vec<&RecommendationFacts> = recommendations
        .iter()
        .filter(|r| r.decision.is_accepted())
        .collect();
    for delivery in Delivery::ALL {
        add(
            Section::Delivery,
            format!("recommendations.delivery.{}", delivery.as_str()),
            n(accepted.iter().filter(|r| r.delivery == *delivery).count()),
            true,
        );
    }
    add(
        Section::Delivery,
        "recommendations.overdue".into(),
        n(recommendations.iter().filter(|r| r.overdue).count()),
        false,
    );
    add(
        Section::Delivery,
        "recommendations.milestones_overdue".into(),
        n(recommendations.iter().map(|r| r.overdue_milestones).sum()),
        false,
    );

    for verification in [
        Verification::Waiting,
        Verification::Verified,
        Verification::NotVerified,
    ] {
        add(
            Section::Verification,
            format!("recommendations.verification.{}", verification.as_str()),
            n(recommendations
                .iter()
                .filter(|r| r.verification == verification)
                .count()),
            true,
        );
    }

    let sum = |f: fn(&EngagementFacts) -> usize| n(engagements.iter().map(f).sum());
    add(
        Section::Acknowledgement,
        "contributions.received".into(),
        sum(|e| e.received),
        false,
    );
    add(
        Section::Acknowledgement,
        "contributions.acknowledged".into(),
        sum(|e| e.acknowledged),
        false,
    );
    add(
        Section::Acknowledgement,
        "contributions.acknowledged_on_time".into(),
        sum(|e| e.acknowledged_on_time),
        false,
    );
    add(
        Section::Acknowledgement,
        "contributions.waiting".into(),
        sum(|e| e.waiting),
        false,
    );
    add(
        Section::Acknowledgement,
        "contributions.overdue".into(),
        sum(|e| e.overdue),
        false,
    );
    let days: Vec<u32> = engagements
        .iter()
        .flat_map(|e| e.days_to_acknowledge.iter().copied())
        .collect();
    add(
        Section::Acknowledgement,
        "contributions.median_working_days_to_acknowledge".into(),
        median(&days).map(i64::from),
        false,
    );

    for (report, id) in [
        (Report::OnTime, "reports.on_time"),
        (Report::Late, "reports.late"),
        (Report::Missing, "reports.missing"),
        (Report::NotYetDue, "reports.not_yet_due"),
    ] {
        add(
            Section::Reports,
            id.into(),
            n(engagements.iter().filter(|e| e.report == report).count()),
            true,
        );
    }
    out.extend(payment_figures(paid));
    out
}

/// Every label and definition key a figure can have, for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    let figures = count(&[], 0, &[], &PaidFacts::default());
    let mut keys: Vec<String> = figures
        .iter()
        .flat_map(|f| [f.label_key(), f.definition_key()])
        .collect();
    keys.extend(
        Section::ALL
            .iter()
            .flat_map(|s| [s.heading_key(), s.intro_key()]),
    );
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn value(figures: &[Figure], id: &str) -> Option<i64> {
        figures
            .iter()
            .find(|f| f.id == id)
            .unwrap_or_else(|| panic!("no figure {id}"))
            .value
    }

    #[test]
    fn a_report_is_on_time_late_missing_or_not_yet_due() {
        let due = date!(2026 - 12 - 10);
        assert_eq!(
            Report::of(Some(due), due, date!(2027 - 01 - 01)),
            Report::OnTime
        );
        assert_eq!(
            Report::of(Some(date!(2026 - 12 - 11)), due, date!(2027 - 01 - 01)),
            Report::Late
        );
        assert_eq!(
            Report::of(None, due, date!(2026 - 12 - 11)),
            Report::Missing
        );
        assert_eq!(Report::of(None, due, due), Report::NotYetDue);
    }

    #[test]
    fn figures_count_every_state_and_show_zeros() {
        let engagement = EngagementFacts {
            rung: Rung::Involve,
            finished: true,
            commitments: vec![CommitmentStatus::Kept, CommitmentStatus::Broken],
            received: 3,
            acknowledged: 2,
            acknowledged_on_time: 1,
            days_to_acknowledge: vec![4, 12],
            waiting: 0,
            overdue: 1,
            report: Report::Missing,
        };
        let recommendation = |decision, delivery, overdue| RecommendationFacts {
            decision,
            delivery,
            overdue,
            overdue_milestones: 0,
            verification: Verification::NotYet,
        };
        let figures = count(
            &[engagement],
            1,
            &[
                recommendation(Decision::Rejected, Delivery::NotStarted, false),
                recommendation(Decision::Accepted, Delivery::InProgress, true),
                recommendation(Decision::Proposed, Delivery::NotStarted, false),
            ],
            &PaidFacts {
                time_pence: 123_456,
                expenses_pence: 2_000,
                people_paid_for_time: 12,
                people_repaid_expenses: 3,
                people: 13,
            },
        );
        assert_eq!(value(&figures, "engagements.rung.involve"), Some(1));
        assert_eq!(value(&figures, "engagements.rung.co_produce"), Some(0));
        assert_eq!(value(&figures, "commitments.broken"), Some(1));
        assert_eq!(value(&figures, "commitments.contested"), Some(1));
        assert_eq!(value(&figures, "commitments.partly_kept"), Some(0));
        assert_eq!(
            value(&figures, "recommendations.decision.rejected"),
            Some(1)
        );
        // Delivery counts only what was accepted.
        assert_eq!(
            value(&figures, "recommendations.delivery.not_started"),
            Some(0)
        );
        assert_eq!(
            value(&figures, "recommendations.delivery.in_progress"),
            Some(1)
        );
        assert_eq!(value(&figures, "recommendations.overdue"), Some(1));
        assert_eq!(
            value(&figures, "contributions.median_working_days_to_acknowledge"),
            Some(4)
        );
        assert_eq!(value(&figures, "reports.missing"), Some(1));
        // Totals only where enough people were paid; the people rounded to 5.
        assert_eq!(value(&figures, "payments.time_paid_pence"), Some(123_456));
        assert_eq!(value(&figures, "payments.expenses_repaid_pence"), None);
        assert_eq!(value(&figures, "payments.people_paid"), Some(15));
        let suppressed: Vec<&str> = figures
            .iter()
            .filter(|f| f.suppressed)
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(suppressed, ["payments.expenses_repaid_pence"]);
        let empty = count(&[], 0, &[], &PaidFacts::default());
        assert_eq!(value(&empty, "payments.people_paid"), None);
        assert_eq!(
            value(&empty, "contributions.median_working_days_to_acknowledge"),
            None
        );
        assert_eq!(empty.len(), figures.len(), "the same figures, always");
    }
}
