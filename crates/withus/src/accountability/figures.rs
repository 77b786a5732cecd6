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
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Engagements,
        Section::Commitments,
        Section::Decisions,
        Section::Delivery,
        Section::Verification,
        Section::Acknowledgement,
        Section::Reports,
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

/// Every figure, in page order.
pub fn count(
    engagements: &[EngagementFacts],
    contested_commitments: usize,
    recommendations: &[RecommendationFacts],
) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut add = |section: Section, id: String, value: Option<i64>, charted: bool| {
        out.push(Figure {
            id,
            section,
            value,
            charted,
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
    out
}

/// Every label and definition key a figure can have, for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    let figures = count(&[], 0, &[]);
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
        let empty = count(&[], 0, &[]);
        assert_eq!(
            value(&empty, "contributions.median_working_days_to_acknowledge"),
            None
        );
        assert_eq!(empty.len(), figures.len(), "the same figures, always");
    }
}
