//! The vocabulary of recommendations: the decision, kept apart from the delivery; priorities; what
//! the people asked answered; and the states computed from dates and answers (overdue, verified),
//! never stored.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::access_plan::working_days::is_working_day;
use crate::engagements::domain::parse_date;
use crate::vocab::stored_enum;
use crate::web::forms::Problem;

stored_enum!(
    /// How much a recommendation matters to the people who made it.
    Priority, "recommendation-priority" {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
);

stored_enum!(
    /// What the body it is addressed to decided.
    Decision, "recommendation-decision" {
        Proposed => "proposed",
        Accepted => "accepted",
        AcceptedInPart => "accepted_in_part",
        Rejected => "rejected",
    }
);

impl Decision {
    /// Whether there is something to deliver.
    pub fn is_accepted(self) -> bool {
        matches!(self, Decision::Accepted | Decision::AcceptedInPart)
    }
}

stored_enum!(
    /// How far an accepted recommendation has been delivered.
    Delivery, "recommendation-delivery" {
        NotStarted => "not_started",
        InProgress => "in_progress",
        Implemented => "implemented",
    }
);

stored_enum!(
    /// What a person asked said about whether it made the difference it was meant to.
    Answer, "recommendation-answer" {
        Yes => "yes",
        Partly => "partly",
        No => "no",
    }
);

stored_enum!(
    /// A line of a recommendation's timeline.
    Change, "recommendation-change" {
        Proposed => "proposed",
        Decided => "decided",
        Delivery => "delivery",
        MilestoneAdded => "milestone_added",
        MilestoneDone => "milestone_done",
        VerificationAsked => "verification_asked",
        Verified => "verified",
        NotVerified => "not_verified",
        Reopened => "reopened",
    }
);

/// The longest title.
pub const TITLE_MAX: usize = 200;
/// The longest text, Easy Read version or note.
pub const TEXT_MAX: usize = 5_000;
/// The longest short field (addressed to, owner, role, lead, link).
pub const SHORT_MAX: usize = 200;
/// The share of "no" answers a verified recommendation may have when an engagement has not said.
pub const DEFAULT_MAX_NO_PERCENT: u8 = 20;
/// The fewest different people who must say yes for a recommendation to be verified.
pub const YES_NEEDED: usize = 2;

/// A decision as a form gives it: accepting in part says which part, rejecting says why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decided {
    Accepted,
    AcceptedInPart { part: String },
    Rejected { reason: String },
}

impl Decided {
    pub fn check(decision: &str, note: &str) -> Result<Decided, Problem> {
        let note = note.trim();
        if note.chars().count() > TEXT_MAX {
            return Err(Problem::too_long(
                "note",
                "recommendation-error-note-too-long",
                TEXT_MAX,
            ));
        }
        match Decision::parse(decision) {
            Some(Decision::Accepted) => Ok(Decided::Accepted),
            Some(Decision::AcceptedInPart) if note.is_empty() => {
                Err(Problem::new("note", "recommendation-error-part"))
            }
            Some(Decision::AcceptedInPart) => Ok(Decided::AcceptedInPart {
                part: note.to_owned(),
            }),
            Some(Decision::Rejected) if note.is_empty() => {
                Err(Problem::new("note", "recommendation-error-reason"))
            }
            Some(Decision::Rejected) => Ok(Decided::Rejected {
                reason: note.to_owned(),
            }),
            _ => Err(Problem::new("decision", "recommendation-error-decision")),
        }
    }

    pub fn decision(&self) -> Decision {
        match self {
            Decided::Accepted => Decision::Accepted,
            Decided::AcceptedInPart { .. } => Decision::AcceptedInPart,
            Decided::Rejected { .. } => Decision::Rejected,
        }
    }

    pub fn note(&self) -> &str {
        match self {
            Decided::Accepted => "",
            Decided::AcceptedInPart { part } => part,
            Decided::Rejected { reason } => reason,
        }
    }
}

/// A date has passed when today is after the first working day on or after it: something due on a
/// Saturday is on time if done on Monday.
pub fn is_overdue(due: Date, today: Date) -> bool {
    let mut last_day = due;
    while !is_working_day(last_day) {
        last_day = last_day.next_day().unwrap_or(last_day);
        if last_day == Date::MAX {
            break;
        }
    }
    today > last_day
}

/// The answers given in the current round, each person once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Tally {
    pub asked: usize,
    pub yes: usize,
    pub partly: usize,
    pub no: usize,
}

impl Tally {
    pub fn answered(&self) -> usize {
        self.yes + self.partly + self.no
    }
}

/// Whether the disabled people asked say an implemented recommendation worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// Not implemented yet, so nobody has been asked.
    NotYet,
    /// Asked, and nobody has answered yet.
    Waiting,
    Verified,
    NotVerified,
}

impl Verification {
    /// Verified when at least two different people asked say yes and the "no" answers are no
    /// more than the engagement's stated share of the answers.
    pub fn of(delivery: Delivery, tally: Tally, max_no_percent: u8) -> Verification {
        if delivery != Delivery::Implemented {
            return Verification::NotYet;
        }
        let answered = tally.answered();
        if answered == 0 {
            return Verification::Waiting;
        }
        let no_within_share = tally.no * 100 <= usize::from(max_no_percent) * answered;
        if tally.yes >= YES_NEEDED && no_within_share {
            Verification::Verified
        } else {
            Verification::NotVerified
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verification::NotYet => "not_yet",
            Verification::Waiting => "waiting",
            Verification::Verified => "verified",
            Verification::NotVerified => "not_verified",
        }
    }

    pub fn message_key(self) -> String {
        format!(
            "recommendation-verification-{}",
            self.as_str().replace('_', "-")
        )
    }

    pub const ALL: [Verification; 4] = [
        Verification::NotYet,
        Verification::Waiting,
        Verification::Verified,
        Verification::NotVerified,
    ];
}

/// A recommendation as the form gives it.
#[derive(Debug, Clone, Default)]
pub struct RecommendationForm {
    pub title_en: String,
    pub title_cy: String,
    pub body_en: String,
    pub body_cy: String,
    pub easy_read: String,
    pub addressed_to: String,
    pub owner_organisation: String,
    pub owner_role: String,
    pub lead_name: String,
    pub due: [String; 3],
    pub priority: String,
    pub themes: Vec<String>,
}

/// A checked recommendation, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecommendation {
    pub title_en: String,
    pub title_cy: String,
    pub body_en: String,
    pub body_cy: String,
    pub easy_read: String,
    pub addressed_to: String,
    pub owner_organisation: String,
    pub owner_role: String,
    pub lead_name: String,
    pub due_on: Date,
    pub priority: Priority,
}

fn field(
    problems: &mut Vec<Problem>,
    name: &'static str,
    value: &str,
    missing: Option<&'static str>,
    too_long: &'static str,
    max: usize,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        if let Some(missing) = missing {
            problems.push(Problem::new(name, missing));
        }
    } else if value.chars().count() > max {
        problems.push(Problem::too_long(name, too_long, max));
    }
    value.to_owned()
}

impl RecommendationForm {
    /// Checks every answer, in the order the form asks them.
    pub fn check(&self) -> Result<NewRecommendation, Vec<Problem>> {
        use field as f;
        let mut p = Vec::new();
        let long = "recommendation-error-too-long";
        let title_en = f(
            &mut p,
            "title_en",
            &self.title_en,
            Some("recommendation-error-title"),
            long,
            TITLE_MAX,
        );
        let title_cy = f(&mut p, "title_cy", &self.title_cy, None, long, TITLE_MAX);
        let body_en = f(
            &mut p,
            "body_en",
            &self.body_en,
            Some("recommendation-error-body"),
            long,
            TEXT_MAX,
        );
        let body_cy = f(&mut p, "body_cy", &self.body_cy, None, long, TEXT_MAX);
        let easy_read = f(&mut p, "easy_read", &self.easy_read, None, long, TEXT_MAX);
        let addressed_to = f(
            &mut p,
            "addressed_to",
            &self.addressed_to,
            Some("recommendation-error-addressed-to"),
            long,
            SHORT_MAX,
        );
        let owner_organisation = f(
            &mut p,
            "owner_organisation",
            &self.owner_organisation,
            Some("recommendation-error-owner"),
            long,
            SHORT_MAX,
        );
        let owner_role = f(
            &mut p,
            "owner_role",
            &self.owner_role,
            Some("recommendation-error-role"),
            long,
            SHORT_MAX,
        );
        let lead_name = f(&mut p, "lead_name", &self.lead_name, None, long, SHORT_MAX);
        let due_on = parse_date(&self.due);
        if due_on.is_none() {
            p.push(Problem::new("due-day", "recommendation-error-due"));
        }
        let priority = Priority::parse(&self.priority);
        if priority.is_none() {
            p.push(Problem::new("priority", "recommendation-error-priority"));
        }
        match (due_on, priority) {
            (Some(due_on), Some(priority)) if p.is_empty() => Ok(NewRecommendation {
                title_en,
                title_cy,
                body_en,
                body_cy,
                easy_read,
                addressed_to,
                owner_organisation,
                owner_role,
                lead_name,
                due_on,
                priority,
            }),
            _ => Err(p),
        }
    }
}

/// A milestone as the form gives it.
#[derive(Debug, Clone, Default)]
pub struct MilestoneForm {
    pub title: String,
    pub due: [String; 3],
    pub evidence_note: String,
    pub evidence_link: String,
}

/// A checked milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMilestone {
    pub title: String,
    pub due_on: Date,
    pub evidence_note: String,
    pub evidence_link: String,
}

impl MilestoneForm {
    pub fn check(&self) -> Result<NewMilestone, Vec<Problem>> {
        let mut p = Vec::new();
        let long = "recommendation-error-too-long";
        let title = field(
            &mut p,
            "title",
            &self.title,
            Some("milestone-error-title"),
            long,
            TITLE_MAX,
        );
        let due_on = parse_date(&self.due);
        if due_on.is_none() {
            p.push(Problem::new("due-day", "milestone-error-due"));
        }
        let evidence_note = field(
            &mut p,
            "evidence_note",
            &self.evidence_note,
            None,
            long,
            TEXT_MAX,
        );
        let evidence_link = field(
            &mut p,
            "evidence_link",
            &self.evidence_link,
            None,
            long,
            SHORT_MAX,
        );
        let is_web_address =
            |link: &str| link.starts_with("https://") || link.starts_with("http://");
        if !evidence_link.is_empty() && !is_web_address(&evidence_link) {
            p.push(Problem::new("evidence_link", "milestone-error-link"));
        }
        match due_on {
            Some(due_on) if p.is_empty() => Ok(NewMilestone {
                title,
                due_on,
                evidence_note,
                evidence_link,
            }),
            _ => Err(p),
        }
    }
}

/// Message keys built from stored values, so the catalogue check knows they are used.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = Priority::ALL.iter().map(|v| v.message_key()).collect();
    keys.extend(Decision::ALL.iter().map(|v| v.message_key()));
    keys.extend(
        [
            Decision::Accepted,
            Decision::AcceptedInPart,
            Decision::Rejected,
        ]
        .iter()
        .map(|v| format!("{}-hint", v.message_key())),
    );
    keys.extend(Delivery::ALL.iter().map(|v| v.message_key()));
    keys.extend(Answer::ALL.iter().map(|v| v.message_key()));
    for change in Change::ALL {
        let name = change.as_str().replace('_', "-");
        keys.push(format!("recommendation-change-{name}"));
        if *change != Change::Decided {
            keys.push(format!("recommendation-news-{name}"));
        }
    }
    keys.extend(Verification::ALL.iter().map(|v| v.message_key()));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_rejection_needs_a_reason_and_a_part_needs_saying() {
        assert_eq!(
            Decided::check("rejected", "  ").unwrap_err().key,
            "recommendation-error-reason"
        );
        assert_eq!(
            Decided::check("accepted_in_part", "").unwrap_err().key,
            "recommendation-error-part"
        );
        assert_eq!(
            Decided::check("rejected", "No budget").unwrap(),
            Decided::Rejected {
                reason: "No budget".into()
            }
        );
        assert_eq!(Decided::check("accepted", "").unwrap(), Decided::Accepted);
        assert_eq!(
            Decided::check("proposed", "").unwrap_err().key,
            "recommendation-error-decision"
        );
    }

    #[test]
    fn verified_needs_two_yes_and_few_enough_no() {
        let done = Delivery::Implemented;
        let tally = |yes, partly, no| Tally {
            asked: 6,
            yes,
            partly,
            no,
        };
        assert_eq!(
            Verification::of(done, tally(0, 0, 0), 20),
            Verification::Waiting
        );
        assert_eq!(
            Verification::of(done, tally(1, 0, 0), 20),
            Verification::NotVerified
        );
        assert_eq!(
            Verification::of(done, tally(2, 0, 0), 20),
            Verification::Verified
        );
        // One "no" in five answers is 20%: within the share; one in four is not.
        assert_eq!(
            Verification::of(done, tally(3, 1, 1), 20),
            Verification::Verified
        );
        assert_eq!(
            Verification::of(done, tally(2, 1, 1), 20),
            Verification::NotVerified
        );
        assert_eq!(
            Verification::of(Delivery::InProgress, tally(5, 0, 0), 20),
            Verification::NotYet
        );
    }

    #[test]
    fn overdue_counts_from_the_next_working_day() {
        // Saturday 5 December 2026: on time on Monday the 7th, overdue on Tuesday.
        let saturday = date!(2026 - 12 - 05);
        assert!(!is_overdue(saturday, date!(2026 - 12 - 07)));
        assert!(is_overdue(saturday, date!(2026 - 12 - 08)));
        assert!(!is_overdue(date!(2026 - 12 - 08), date!(2026 - 12 - 08)));
    }
}
