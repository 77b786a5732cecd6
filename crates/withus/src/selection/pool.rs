//! The pool a working group is chosen from, and what the quotas can look at.
//!
//! **Who is in the pool:** active members of the panel (not paused, not left) whose consent to be
//! on that panel is in force, and who have not been erased.
//!
//! **Features:** the nation or region on their record, and the monitoring questions the facilitator
//! picks. Answers are opened one person at a time, only the monitoring column, only here. Nobody is
//! left out for not answering: no answer is the value `not_answered`, "Prefer not to say" is
//! `prefer_not_to_say`, and several answers to a question that allows them are `more_than_one`.
//!
//! **Rotation:** with rotation on, a person involved `n` times with the organisation within the
//! window gets weight `1 / (1 + n)`. People never involved have weight 1, the highest. The engine
//! then evens out chance divided by weight, so someone involved once aims for half the chance of
//! someone never involved, as far as the quotas allow.

use std::collections::HashMap;

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::db::Ex;
use crate::i18n::Locale;
use crate::register::SealedColumn;
use crate::register::domain::{Monitoring, PREFER_NOT_TO_SAY, Region};
use crate::register::profile::field;
use crate::register::questions::{self, Question};
use crate::register::{panels, record};
use crate::security::field_crypto::KeyRing;

/// The feature holding the nation or region on a person's record.
pub const REGION: &str = "region";
pub const NOT_ANSWERED: &str = "not_answered";
pub const MORE_THAN_ONE: &str = "more_than_one";

/// Something quotas can be set on.
#[derive(Debug, Clone)]
pub enum Feature {
    Region,
    Question(Question),
}

impl Feature {
    pub fn code(&self) -> &str {
        match self {
            Feature::Region => REGION,
            Feature::Question(q) => &q.code,
        }
    }

    pub fn label(&self, locale: Locale) -> String {
        match self {
            Feature::Region => locale.t("details-region"),
            Feature::Question(q) => q.text(locale).to_owned(),
        }
    }

    /// Every value in the order the pages list them; only those someone holds are shown.
    pub fn values(&self) -> Vec<String> {
        let mut values: Vec<String> = match self {
            Feature::Region => Region::ALL.iter().map(|r| r.as_str().to_owned()).collect(),
            Feature::Question(q) => {
                let mut codes: Vec<String> =
                    q.every_option().iter().map(|o| o.code.clone()).collect();
                codes.push(PREFER_NOT_TO_SAY.to_owned());
                codes.push(MORE_THAN_ONE.to_owned());
                codes
            }
        };
        values.push(NOT_ANSWERED.to_owned());
        values
    }

    pub fn value_label(&self, value: &str, locale: Locale) -> String {
        match value {
            NOT_ANSWERED => return locale.t("diversity-not-answered"),
            MORE_THAN_ONE => return locale.t("selection-value-more-than-one"),
            _ => {}
        }
        match self {
            Feature::Region => Region::parse(value)
                .map(|r| locale.t(&r.message_key()))
                .unwrap_or_else(|| value.to_owned()),
            Feature::Question(q) => q.option_label(value, locale),
        }
    }

    /// The value a member holds.
    pub fn value_of(&self, member: &Member) -> String {
        match self {
            Feature::Region => member
                .region
                .clone()
                .filter(|r| Region::parse(r).is_some())
                .unwrap_or_else(|| NOT_ANSWERED.to_owned()),
            Feature::Question(q) => {
                let answers = member
                    .monitoring
                    .answers
                    .get(&q.code)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                match answers {
                    [] => NOT_ANSWERED.to_owned(),
                    [one] => one.clone(),
                    _ if answers.iter().any(|a| a == PREFER_NOT_TO_SAY) => {
                        PREFER_NOT_TO_SAY.to_owned()
                    }
                    _ => MORE_THAN_ONE.to_owned(),
                }
            }
        }
    }
}

/// Every feature the organisation can set quotas on: region first, then its questions.
pub async fn features(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<Feature>, sqlx::Error> {
    let mut out = vec![Feature::Region];
    out.extend(
        questions::list(ex, organisation, false)
            .await?
            .into_iter()
            .filter(|q| q.code != REGION)
            .map(Feature::Question),
    );
    Ok(out)
}

/// One person in the pool, with what the quotas and rotation need.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: Uuid,
    pub name: String,
    pub region: Option<String>,
    pub monitoring: Monitoring,
    /// Involvements with the organisation within the rotation window.
    pub involvements: i64,
}

impl Member {
    /// Rotation weight: `1 / (1 + n)` for `n` recent involvements; 1 when rotation is off.
    pub fn weight(&self, rotation: bool) -> f64 {
        if rotation {
            rotation_weight(self.involvements)
        } else {
            1.0
        }
    }
}

pub fn rotation_weight(involvements: i64) -> f64 {
    1.0 / (1.0 + involvements.max(0) as f64)
}

#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("the monitoring answers of person {0} could not be opened")]
    Unreadable(Uuid),
}

/// The same moment `months` calendar months earlier (the day clamped to the month's length).
pub fn months_before(at: OffsetDateTime, months: i64) -> OffsetDateTime {
    let index = i64::from(at.year()) * 12 + i64::from(u8::from(at.month())) - 1 - months;
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MIN);
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1))
        .unwrap_or(time::Month::January);
    let day = at.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day)
        .map(|date| at.replace_date(date))
        .unwrap_or(at)
}

/// How many people can be chosen from the panel, without opening anyone's answers.
pub async fn count(ex: &mut Ex<'_>, panel: Uuid) -> Result<i64, sqlx::Error> {
    panels::count_choosable(ex, panel).await
}

/// Whether this person can (still) be chosen from the panel.
pub async fn is_member(ex: &mut Ex<'_>, panel: Uuid, person: Uuid) -> Result<bool, sqlx::Error> {
    panels::is_choosable(ex, panel, person).await
}

/// Everyone who can be chosen from the panel, sorted by name, with their involvement in the window.
pub async fn load(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    organisation: Uuid,
    panel: Uuid,
    window_months: i64,
) -> Result<Vec<Member>, PoolError> {
    let rows = panels::choosable(ex, panel).await?;
    let since = months_before(crate::db::now(), window_months);
    let counts = record::involvement_counts(ex, organisation, since).await?;
    let counts: HashMap<Uuid, i64> = counts.into_iter().collect();
    rows.into_iter()
        .map(|row| {
            let monitoring = match &row.monitoring {
                None => Monitoring::default(),
                Some(sealed) => keys
                    .open(sealed, field(row.id, SealedColumn::Monitoring))
                    .ok()
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .ok_or(PoolError::Unreadable(row.id))?,
            };
            Ok(Member {
                id: row.id,
                involvements: counts.get(&row.id).copied().unwrap_or(0),
                name: row.display_name,
                region: row.region,
                monitoring,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn weights_fall_with_each_involvement_and_never_involved_is_highest() {
        assert_eq!(rotation_weight(0), 1.0);
        assert_eq!(rotation_weight(1), 0.5);
        assert!((rotation_weight(3) - 0.25).abs() < 1e-12);
        assert!(rotation_weight(5) < rotation_weight(4));
    }

    #[test]
    fn windows_count_calendar_months() {
        assert_eq!(
            months_before(datetime!(2026-11-24 10:00 UTC), 12),
            datetime!(2025-11-24 10:00 UTC)
        );
        assert_eq!(
            months_before(datetime!(2026-03-31 00:00 UTC), 1),
            datetime!(2026-02-28 00:00 UTC)
        );
        assert_eq!(
            months_before(datetime!(2026-01-15 00:00 UTC), 2),
            datetime!(2025-11-15 00:00 UTC)
        );
    }

    fn member(answers: &[(&str, &[&str])]) -> Member {
        let mut monitoring = Monitoring::default();
        for (q, a) in answers {
            monitoring
                .answers
                .insert((*q).to_owned(), a.iter().map(|s| (*s).to_owned()).collect());
        }
        Member {
            id: Uuid::now_v7(),
            name: String::new(),
            region: None,
            monitoring,
            involvements: 0,
        }
    }

    #[test]
    fn nobody_is_left_out_for_not_answering() {
        let question = Question {
            id: Uuid::now_v7(),
            code: "impairment".into(),
            category: crate::register::domain::DataCategory::Health,
            text_en: String::new(),
            text_cy: String::new(),
            hint_en: String::new(),
            hint_cy: String::new(),
            multiple: true,
            position: 0,
            active: true,
            options: Vec::new(),
            hidden_options: Vec::new(),
        };
        let feature = Feature::Question(question);
        assert_eq!(feature.value_of(&member(&[])), NOT_ANSWERED);
        assert_eq!(
            feature.value_of(&member(&[("impairment", &["vision"])])),
            "vision"
        );
        assert_eq!(
            feature.value_of(&member(&[("impairment", &["vision", "hearing"])])),
            MORE_THAN_ONE
        );
        assert_eq!(
            feature.value_of(&member(&[("impairment", &[PREFER_NOT_TO_SAY])])),
            PREFER_NOT_TO_SAY
        );
        assert_eq!(Feature::Region.value_of(&member(&[])), NOT_ANSWERED);
    }
}
