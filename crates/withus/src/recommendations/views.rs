//! What the pages share: labels and colours for states, a recommendation's text in the reader's
//! language, and the timeline in words.

use time::Date;

use super::domain::{Change, Decision, Delivery, Verification, is_overdue};
use super::storage::{HistoryRow, MilestoneRow, RecommendationRow};
use crate::engagements::views::format_day;
use crate::i18n::Locale;
use crate::web::dates;

/// A GOV.UK tag: its words and colour class.
pub struct Tag {
    pub text: String,
    pub colour: &'static str,
}

pub fn decision_tag(locale: Locale, decision: Decision) -> Tag {
    Tag {
        text: locale.t(&decision.message_key()),
        colour: match decision {
            Decision::Proposed => "govuk-tag--grey",
            Decision::Accepted => "govuk-tag--green",
            Decision::AcceptedInPart => "govuk-tag--yellow",
            Decision::Rejected => "govuk-tag--red",
        },
    }
}

pub fn delivery_tag(locale: Locale, delivery: Delivery) -> Tag {
    Tag {
        text: locale.t(&delivery.message_key()),
        colour: match delivery {
            Delivery::NotStarted => "govuk-tag--grey",
            Delivery::InProgress => "govuk-tag--blue",
            Delivery::Implemented => "govuk-tag--green",
        },
    }
}

pub fn verification_tag(locale: Locale, verification: Verification) -> Tag {
    Tag {
        text: locale.t(&verification.message_key()),
        colour: match verification {
            Verification::NotYet | Verification::Waiting => "govuk-tag--grey",
            Verification::Verified => "govuk-tag--green",
            Verification::NotVerified => "govuk-tag--red",
        },
    }
}

/// The title in the reader's language, and the language to mark it with when it is not theirs.
pub fn title(locale: Locale, row: &RecommendationRow) -> String {
    if locale == Locale::Cy && !row.title_cy.is_empty() {
        row.title_cy.clone()
    } else {
        row.title_en.clone()
    }
}

pub fn body(locale: Locale, row: &RecommendationRow) -> Vec<String> {
    let text = if locale == Locale::Cy && !row.body_cy.is_empty() {
        &row.body_cy
    } else {
        &row.body_en
    };
    paragraphs(text)
}

pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One line of a timeline.
pub struct TimelineLine {
    pub when: String,
    pub what: String,
    pub detail: String,
}

pub fn timeline(locale: Locale, history: &[HistoryRow]) -> Vec<TimelineLine> {
    history
        .iter()
        .rev()
        .map(|h| TimelineLine {
            when: dates::format_date(h.changed_at, locale),
            what: change_words(locale, h),
            detail: h.detail.clone(),
        })
        .collect()
}

fn change_words(locale: Locale, h: &HistoryRow) -> String {
    let key = format!(
        "recommendation-change-{}",
        h.kind.as_str().replace('_', "-")
    );
    match h.kind {
        Change::Decided => locale.t_args(
            &key,
            &[("decision", locale.t(&h.decision.message_key()).into())],
        ),
        Change::Delivery => locale.t_args(
            &key,
            &[("delivery", locale.t(&h.delivery.message_key()).into())],
        ),
        _ => locale.t(&key),
    }
}

/// A milestone as pages show it.
pub struct MilestoneLine {
    pub id: uuid::Uuid,
    pub title: String,
    pub due: String,
    pub done: String,
    pub overdue: bool,
    pub evidence_note: String,
    pub evidence_link: String,
    pub file_name: String,
}

pub fn milestone_lines(
    locale: Locale,
    milestones: &[MilestoneRow],
    today: Date,
) -> Vec<MilestoneLine> {
    milestones
        .iter()
        .map(|m| MilestoneLine {
            id: m.id,
            title: m.title.clone(),
            due: format_day(m.due_on, locale),
            done: m.done_on.map(|d| format_day(d, locale)).unwrap_or_default(),
            overdue: m.done_on.is_none() && is_overdue(m.due_on, today),
            evidence_note: m.evidence_note.clone(),
            evidence_link: m.evidence_link.clone(),
            file_name: m.file_name.clone().unwrap_or_default(),
        })
        .collect()
}
