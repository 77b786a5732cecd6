//! Quotas: how many of the working group may hold each value of each chosen feature. Stored as JSON
//! on the selection; turned, with the pool, into the engine's problem; and, when they cannot all be
//! met, explained in plain words with the smallest change that would fix them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use withus_selection::{
    Conflict, InfeasibleQuotas, PersonSpec, ProblemBuilder, ProblemError, Quota, QuotaChange,
    SelectionProblem,
};

use super::pool::{Feature, Member};
use crate::i18n::{Arg, Locale};

/// The quotas for one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueQuota {
    pub value: String,
    pub min: u32,
    pub max: u32,
}

/// The quotas for one feature, every value the pool holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureQuotas {
    pub feature: String,
    pub values: Vec<ValueQuota>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quotas {
    pub features: Vec<FeatureQuotas>,
}

impl Quotas {
    /// Reads stored quotas; empty or unreadable text is no quotas.
    pub fn parse(text: &str) -> Quotas {
        serde_json::from_str(text).unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("quotas always serialise")
    }

    pub fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    pub fn get(&self, feature: &str, value: &str) -> Option<&ValueQuota> {
        self.features
            .iter()
            .find(|f| f.feature == feature)
            .and_then(|f| f.values.iter().find(|v| v.value == value))
    }
}

/// How many people in the pool hold each value of a feature, in the feature's order, zeros left out.
pub fn pool_counts(feature: &Feature, pool: &[Member]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for member in pool {
        *counts.entry(feature.value_of(member)).or_default() += 1;
    }
    let mut out: Vec<(String, usize)> = feature
        .values()
        .into_iter()
        .filter_map(|v| counts.remove(&v).map(|n| (v, n)))
        .collect();
    // Answers no longer among the question's options still count.
    out.extend(counts);
    out
}

/// A suggested range for a value: the pool's share of `k` rounded down and up, widened to take in
/// the population's share of `k` where a figure exists; never a minimum above the people available.
pub fn suggestion(count: usize, pool: usize, k: u32, population_share: Option<f64>) -> (u32, u32) {
    let pool_share = if pool == 0 {
        0.0
    } else {
        count as f64 / pool as f64
    };
    let target = pool_share * f64::from(k);
    let (mut low, mut high) = (target.floor(), target.ceil());
    if let Some(share) = population_share {
        let population = share * f64::from(k);
        low = low.min(population.floor());
        high = high.max(population.ceil());
    }
    let min = (low.max(0.0) as u32).min(u32::try_from(count).unwrap_or(u32::MAX));
    let max = (high as u32).min(k).max(min);
    (min, max)
}

/// The engine's problem: every pool member with their value for each feature and, with rotation,
/// their weight. Fails if someone holds a value the quotas do not list (the pool changed).
pub fn problem(
    k: u32,
    quotas: &Quotas,
    features: &[Feature],
    pool: &[Member],
    rotation: bool,
) -> Result<SelectionProblem, ProblemError> {
    let mut builder = ProblemBuilder::new(k);
    let chosen: Vec<&Feature> = quotas
        .features
        .iter()
        .filter_map(|q| features.iter().find(|f| f.code() == q.feature))
        .collect();
    for feature in &quotas.features {
        for value in &feature.values {
            builder.quota(
                &feature.feature,
                &value.value,
                Quota::new(value.min, value.max),
            );
        }
    }
    for member in pool {
        builder.person(PersonSpec {
            id: member.id.to_string(),
            values: chosen
                .iter()
                .map(|f| (f.code().to_owned(), f.value_of(member)))
                .collect(),
            weight: Some(member.weight(rotation)),
            ..Default::default()
        });
    }
    builder.build()
}

/// One line of an explanation, and the form field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

/// Field ids on the quotas page.
pub fn min_field(feature: &str, value: &str) -> String {
    format!("min-{feature}-{value}")
}

pub fn max_field(feature: &str, value: &str) -> String {
    format!("max-{feature}-{value}")
}

pub fn feature_field(feature: &str) -> String {
    format!("feature-{feature}")
}

/// Names features and values as the pages do.
pub struct Labels<'a> {
    pub features: &'a [Feature],
    pub locale: Locale,
}

impl Labels<'_> {
    fn feature(&self, code: &str) -> String {
        self.features
            .iter()
            .find(|f| f.code() == code)
            .map(|f| f.label(self.locale))
            .unwrap_or_else(|| code.to_owned())
    }

    fn value(&self, feature: &str, value: &str) -> String {
        self.features
            .iter()
            .find(|f| f.code() == feature)
            .map(|f| f.value_label(value, self.locale))
            .unwrap_or_else(|| value.to_owned())
    }
}

/// Why the quotas cannot all be met, one line per conflict, each linked to the field concerned.
pub fn conflicts(explanation: &InfeasibleQuotas, labels: &Labels<'_>) -> Vec<Problem> {
    let locale = labels.locale;
    explanation
        .conflicts
        .iter()
        .map(|conflict| match conflict {
            Conflict::PoolTooSmall {
                eligible,
                panel_size,
            } => Problem {
                field: "quotas".into(),
                message: locale.t_args(
                    "selection-conflict-pool-too-small",
                    &[
                        ("eligible", Arg::Number(i64::from(*eligible))),
                        ("size", Arg::Number(i64::from(*panel_size))),
                    ],
                ),
            },
            Conflict::TooManyMustInclude {
                must_include,
                panel_size,
            } => Problem {
                field: "quotas".into(),
                message: locale.t_args(
                    "selection-conflict-must-include",
                    &[
                        ("count", Arg::Number(i64::from(*must_include))),
                        ("size", Arg::Number(i64::from(*panel_size))),
                    ],
                ),
            },
            Conflict::NotEnoughPeople {
                feature,
                value,
                min,
                available,
            } => Problem {
                field: min_field(feature, value),
                message: locale.t_args(
                    "selection-conflict-not-enough-people",
                    &[
                        ("feature", Arg::from(labels.feature(feature))),
                        ("value", Arg::from(labels.value(feature, value))),
                        ("min", Arg::Number(i64::from(*min))),
                        ("available", Arg::Number(i64::from(*available))),
                    ],
                ),
            },
            Conflict::MinimumsTooHigh {
                feature,
                total_min,
                panel_size,
            } => Problem {
                field: feature_field(feature),
                message: locale.t_args(
                    "selection-conflict-minimums-too-high",
                    &[
                        ("feature", Arg::from(labels.feature(feature))),
                        ("total", Arg::Number(i64::from(*total_min))),
                        ("size", Arg::Number(i64::from(*panel_size))),
                    ],
                ),
            },
            Conflict::MaximumsTooLow {
                feature,
                total_max,
                panel_size,
            } => Problem {
                field: feature_field(feature),
                message: locale.t_args(
                    "selection-conflict-maximums-too-low",
                    &[
                        ("feature", Arg::from(labels.feature(feature))),
                        ("total", Arg::Number(i64::from(*total_max))),
                        ("size", Arg::Number(i64::from(*panel_size))),
                    ],
                ),
            },
            Conflict::Combination => Problem {
                field: "quotas".into(),
                message: locale.t("selection-conflict-combination"),
            },
        })
        .collect()
}

/// The smallest relaxation, one sentence per quota to change; `None` when no change to the quotas
/// alone would help.
pub fn relaxation(explanation: &InfeasibleQuotas, labels: &Labels<'_>) -> Option<Vec<String>> {
    let changes = explanation.relaxation.as_ref().filter(|c| !c.is_empty())?;
    Some(changes.iter().map(|c| change(c, labels)).collect())
}

fn change(change: &QuotaChange, labels: &Labels<'_>) -> String {
    let locale = labels.locale;
    let mut parts = Vec::new();
    if change.new_min != change.old_min {
        parts.push(locale.t_args(
            "selection-relax-lower-min",
            &[
                ("from", Arg::Number(i64::from(change.old_min))),
                ("to", Arg::Number(i64::from(change.new_min))),
            ],
        ));
    }
    if change.new_max != change.old_max {
        parts.push(locale.t_args(
            "selection-relax-raise-max",
            &[
                ("from", Arg::Number(i64::from(change.old_max))),
                ("to", Arg::Number(i64::from(change.new_max))),
            ],
        ));
    }
    locale.t_args(
        "selection-relax-change",
        &[
            ("feature", Arg::from(labels.feature(&change.feature))),
            (
                "value",
                Arg::from(labels.value(&change.feature, &change.value)),
            ),
            ("changes", Arg::from(parts.join(&locale.t("selection-and")))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_round_the_pool_share_and_take_in_the_population_share() {
        // 10 of 40 with k = 8: exactly 2.
        assert_eq!(suggestion(10, 40, 8, None), (2, 2));
        // 15 of 40: 3.0 → 3..3; population 50% → 4: widened to 3..4.
        assert_eq!(suggestion(15, 40, 8, Some(0.5)), (3, 4));
        // 13 of 40: 2.6 → 2..3.
        assert_eq!(suggestion(13, 40, 8, None), (2, 3));
        // Never a minimum above the people available.
        assert_eq!(suggestion(1, 40, 8, Some(0.9)), (0, 8));
    }

    #[test]
    fn quotas_round_trip_and_bad_text_is_none() {
        let quotas = Quotas {
            features: vec![FeatureQuotas {
                feature: "sex".into(),
                values: vec![ValueQuota {
                    value: "female".into(),
                    min: 1,
                    max: 3,
                }],
            }],
        };
        assert_eq!(Quotas::parse(&quotas.to_json()), quotas);
        assert_eq!(quotas.get("sex", "female").map(|v| v.max), Some(3));
        assert!(Quotas::parse("").is_empty());
        assert!(Quotas::parse("not json").is_empty());
    }
}
