//! What staff and public pages show of an engagement: the rung in the chosen ladder's words, dates,
//! and commitments with their status, all in the reader's language.

use time::Date;
use uuid::Uuid;

use super::domain::{CommitmentStatus, LabelScheme, Rung, Shown, hint_key, is_overdue};
use super::storage::{CommitmentRow, EngagementRow, PartnerRow};
use crate::i18n::{Arg, Locale};
use crate::web::FormErrors;
use crate::web::components::{DateInput, Tag};
use crate::web::dates;
use crate::web::forms::Choice;

/// A day as GOV.UK writes it ("23 November 2026"), in the reader's language.
pub fn format_day(date: Date, locale: Locale) -> String {
    dates::format_date(date.midnight().assume_utc(), locale)
}

pub fn today() -> Date {
    crate::db::now().date()
}

/// GOV.UK date boxes named `{id}-day`, `{id}-month`, `{id}-year`, showing the field's error if any.
pub fn date_input(
    locale: Locale,
    errors: &FormErrors,
    id: &str,
    legend: String,
    values: [String; 3],
) -> DateInput {
    DateInput {
        id: id.to_owned(),
        name_prefix: format!("{id}-"),
        legend,
        hint: Some(locale.t("engagement-date-hint")),
        error: errors.get(&format!("{id}-day")).map(str::to_owned),
        error_prefix: locale.t("error-prefix"),
        labels: [
            locale.t("date-day"),
            locale.t("date-month"),
            locale.t("date-year"),
        ],
        values,
    }
}

/// Radios for a closed set of values, each with its hint when it has one.
pub fn choices<T: Copy + PartialEq>(
    locale: Locale,
    all: &[T],
    chosen: &str,
    value: fn(T) -> &'static str,
    key: fn(T) -> String,
    with_hints: bool,
) -> Vec<Choice> {
    all.iter()
        .map(|item| {
            let choice = Choice::new(value(*item), locale.t(&key(*item)), value(*item) == chosen);
            if with_hints {
                choice.with_hint(locale.t(&hint_key(&key(*item))))
            } else {
                choice
            }
        })
        .collect()
}

/// The rung as a reader sees it: the ladder's own word for it and what to expect there.
pub struct RungView {
    pub label: String,
    pub scheme: String,
    pub expectation: String,
    /// Introduces the ladder's steps, naming the ladder.
    pub ladder_intro: String,
    /// Every rung of the ladder, lowest first, with whether it is this one.
    pub ladder: Vec<(String, bool)>,
}

pub fn rung_view(locale: Locale, scheme: LabelScheme, rung: Rung) -> RungView {
    RungView {
        label: locale.t(&scheme.label_key(rung)),
        scheme: locale.t(&scheme.message_key()),
        expectation: locale.t(&rung.expectation_key()),
        ladder_intro: locale.t_args(
            "engagement-ladder-intro",
            &[("scheme", Arg::from(locale.t(&scheme.message_key())))],
        ),
        ladder: Rung::ALL
            .iter()
            .map(|r| (locale.t(&scheme.label_key(*r)), *r == rung))
            .collect(),
    }
}

/// The names of the partner organisations, those with equal rights marked.
pub fn partner_names(locale: Locale, partners: &[PartnerRow]) -> Vec<String> {
    partners
        .iter()
        .map(|p| {
            if p.equal_rights {
                locale.t_args(
                    "engagement-partner-equal",
                    &[("name", Arg::from(p.name.as_str()))],
                )
            } else {
                p.name.clone()
            }
        })
        .collect()
}

/// A commitment as a page lists it.
pub struct CommitmentLine {
    pub id: Uuid,
    pub statement: Shown,
    pub target: Shown,
    pub owner: String,
    pub due: String,
    pub status: Tag,
    pub is_open: bool,
    pub overdue: bool,
    pub explanation: Shown,
    pub evidence: String,
    pub changed: Option<String>,
    /// Where a member says this was not kept, when it is marked kept and the reader may.
    pub contest: Option<String>,
    /// What members said against it, when it is marked kept.
    pub contested: Option<Contested>,
}

/// What a page shows beside a commitment marked kept that members contest.
#[derive(Debug, Clone, Default)]
pub struct Contested {
    /// "2 members say this was not kept".
    pub count: String,
    /// Their words, oldest first, never their names.
    pub words: Vec<String>,
}

pub fn status_tag(locale: Locale, status: CommitmentStatus) -> Tag {
    Tag {
        text: locale.t(&status.message_key()),
        colour: Some(status.colour()),
    }
}

pub fn commitment_line(locale: Locale, row: &CommitmentRow, today: Date) -> CommitmentLine {
    let status = row.status();
    CommitmentLine {
        id: row.id,
        statement: row.statement().shown(locale),
        target: row.target().shown(locale),
        owner: row.owner.clone(),
        due: format_day(row.due_on, locale),
        status: status_tag(locale, status),
        is_open: status == CommitmentStatus::Open,
        overdue: is_overdue(status, row.due_on, today),
        explanation: row.explanation().shown(locale),
        evidence: row.evidence.clone(),
        changed: row
            .status_changed_at
            .map(|at| dates::format_date(at, locale)),
        contest: None,
        contested: None,
    }
}

/// The engagement's timeline, "1 March 2027 to 30 September 2027".
pub fn timeline(locale: Locale, engagement: &EngagementRow) -> String {
    locale.t_args(
        "engagement-timeline",
        &[
            ("start", Arg::from(format_day(engagement.starts_on, locale))),
            ("end", Arg::from(format_day(engagement.ends_on, locale))),
        ],
    )
}

/// Short labels for the phase, stage, topic, region and openness, empty where not set.
pub struct Labels {
    pub phase: String,
    pub phase_hint: String,
    pub stage: String,
    pub stage_hint: String,
    pub topic: String,
    pub region: String,
    pub openness: String,
    pub openness_hint: String,
}

pub fn labels(locale: Locale, engagement: &EngagementRow) -> Labels {
    let with_hint = |key: Option<String>| match key {
        Some(key) => (locale.t(&key), locale.t(&hint_key(&key))),
        None => (String::new(), String::new()),
    };
    let (phase, phase_hint) = with_hint(engagement.phase().map(|p| p.message_key()));
    let (stage, stage_hint) = with_hint(engagement.stage().map(|s| s.message_key()));
    let (openness, openness_hint) = with_hint(engagement.openness().map(|o| o.message_key()));
    Labels {
        phase,
        phase_hint,
        stage,
        stage_hint,
        topic: engagement
            .topic()
            .map(|t| locale.t(&t.message_key()))
            .unwrap_or_default(),
        region: engagement
            .region()
            .map(|r| locale.t(&r.message_key()))
            .unwrap_or_default(),
        openness,
        openness_hint,
    }
}
