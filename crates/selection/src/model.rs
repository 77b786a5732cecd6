//! The selection problem as the caller states it: a pool of people, quotas
//! per feature value, the panel size, and per-person options.
//!
//! Built through [`ProblemBuilder`], which checks every reference by name so
//! the engine only ever sees consistent indices.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

/// A person's identifier, as the caller knows them (e.g. a panel member id).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(pub String);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for PersonId {
    fn from(s: &str) -> Self {
        PersonId(s.to_owned())
    }
}

/// Bounds on how many panel members may hold one feature value.
///
/// `min_flex`/`max_flex` bound how far a relaxation may move `min`/`max`
/// when the quotas turn out to be infeasible (defaults: 0 and the panel size).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub min: u32,
    pub max: u32,
    pub min_flex: Option<u32>,
    pub max_flex: Option<u32>,
}

impl Quota {
    pub fn new(min: u32, max: u32) -> Self {
        Quota {
            min,
            max,
            min_flex: None,
            max_flex: None,
        }
    }
}

/// Whether a person must, may or must not be on the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Inclusion {
    #[default]
    Eligible,
    MustInclude,
    MustExclude,
}

/// One value of a feature (e.g. "Wales" of "region") and its quota.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureValue {
    pub name: String,
    pub quota: Quota,
}

/// A feature (e.g. "region") with every value a person may hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    pub name: String,
    pub values: Vec<FeatureValue>,
}

/// A person in the pool. `values[f]` indexes `features[f].values`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: PersonId,
    pub values: Vec<usize>,
    /// Rotation weight: the person's target share relative to others
    /// (1 = neutral, below 1 = selected often recently, above 1 = rarely).
    pub weight: f64,
    /// A "not together" group, e.g. a household: at most one member is chosen.
    pub group: Option<String>,
    pub inclusion: Inclusion,
}

/// A validated selection problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectionProblem {
    pub(crate) panel_size: u32,
    pub(crate) features: Vec<Feature>,
    pub(crate) people: Vec<Person>,
}

impl SelectionProblem {
    pub fn panel_size(&self) -> u32 {
        self.panel_size
    }
    pub fn features(&self) -> &[Feature] {
        &self.features
    }
    pub fn people(&self) -> &[Person] {
        &self.people
    }
    /// The value name person `p` holds for feature `f`.
    pub fn value_name(&self, p: usize, f: usize) -> &str {
        &self.features[f].values[self.people[p].values[f]].name
    }
}

/// A problem the builder refused, naming what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemError {
    #[error("the panel size must be at least 1")]
    EmptyPanel,
    #[error("no features were given; at least one feature with quotas is needed")]
    NoFeatures,
    #[error("quota for {feature} = {value} has min {min} above max {max}")]
    MinAboveMax {
        feature: String,
        value: String,
        min: u32,
        max: u32,
    },
    #[error("quota for {feature} = {value} is given twice")]
    DuplicateValue { feature: String, value: String },
    #[error("person {0} appears twice")]
    DuplicatePerson(PersonId),
    #[error("person {person} has no value for feature {feature}")]
    MissingValue { person: PersonId, feature: String },
    #[error(
        "person {person} has {feature} = {value:?}, which is not a value listed for that feature"
    )]
    UnknownValue {
        person: PersonId,
        feature: String,
        value: String,
    },
    #[error("person {person} has a value for {feature}, which is not a feature with quotas")]
    UnknownFeature { person: PersonId, feature: String },
    #[error("person {person} has weight {weight}; weights must be finite and above 0")]
    InvalidWeight { person: PersonId, weight: f64 },
    #[error("no person {0} in the pool")]
    UnknownPerson(PersonId),
}

/// How the caller describes one person to the builder.
#[derive(Debug, Clone, Default)]
pub struct PersonSpec {
    pub id: String,
    /// (feature name, value name) pairs; every feature needs exactly one.
    pub values: Vec<(String, String)>,
    pub weight: Option<f64>,
    pub group: Option<String>,
    pub inclusion: Inclusion,
}

/// Collects quotas and people, then checks them into a [`SelectionProblem`].
#[derive(Debug, Clone, Default)]
pub struct ProblemBuilder {
    panel_size: u32,
    features: Vec<Feature>,
    people: Vec<PersonSpec>,
}

impl ProblemBuilder {
    pub fn new(panel_size: u32) -> Self {
        ProblemBuilder {
            panel_size,
            ..Default::default()
        }
    }

    /// Adds the quota for one feature value, creating the feature if new.
    pub fn quota(&mut self, feature: &str, value: &str, quota: Quota) -> &mut Self {
        let idx = match self.features.iter().position(|f| f.name == feature) {
            Some(i) => i,
            None => {
                self.features.push(Feature {
                    name: feature.to_owned(),
                    values: Vec::new(),
                });
                self.features.len() - 1
            }
        };
        self.features[idx].values.push(FeatureValue {
            name: value.to_owned(),
            quota,
        });
        self
    }

    pub fn person(&mut self, spec: PersonSpec) -> &mut Self {
        self.people.push(spec);
        self
    }

    /// Convenience for the common case: an eligible person with weight 1.
    pub fn simple_person(&mut self, id: &str, values: &[(&str, &str)]) -> &mut Self {
        self.person(PersonSpec {
            id: id.to_owned(),
            values: values
                .iter()
                .map(|(f, v)| ((*f).to_owned(), (*v).to_owned()))
                .collect(),
            ..Default::default()
        })
    }

    pub fn build(&self) -> Result<SelectionProblem, ProblemError> {
        if self.panel_size == 0 {
            return Err(ProblemError::EmptyPanel);
        }
        if self.features.is_empty() {
            return Err(ProblemError::NoFeatures);
        }
        let mut lookup: HashMap<&str, (usize, HashMap<&str, usize>)> = HashMap::new();
        for (fi, f) in self.features.iter().enumerate() {
            let mut values = HashMap::new();
            for (vi, v) in f.values.iter().enumerate() {
                if v.quota.min > v.quota.max {
                    return Err(ProblemError::MinAboveMax {
                        feature: f.name.clone(),
                        value: v.name.clone(),
                        min: v.quota.min,
                        max: v.quota.max,
                    });
                }
                if values.insert(v.name.as_str(), vi).is_some() {
                    return Err(ProblemError::DuplicateValue {
                        feature: f.name.clone(),
                        value: v.name.clone(),
                    });
                }
            }
            lookup.insert(f.name.as_str(), (fi, values));
        }
        let mut seen = HashSet::new();
        let mut people = Vec::with_capacity(self.people.len());
        for spec in &self.people {
            let id = PersonId(spec.id.clone());
            if !seen.insert(spec.id.as_str()) {
                return Err(ProblemError::DuplicatePerson(id));
            }
            let mut values = vec![usize::MAX; self.features.len()];
            for (fname, vname) in &spec.values {
                let Some((fi, vals)) = lookup.get(fname.as_str()) else {
                    return Err(ProblemError::UnknownFeature {
                        person: id,
                        feature: fname.clone(),
                    });
                };
                let Some(vi) = vals.get(vname.as_str()) else {
                    return Err(ProblemError::UnknownValue {
                        person: id,
                        feature: fname.clone(),
                        value: vname.clone(),
                    });
                };
                values[*fi] = *vi;
            }
            if let Some(fi) = values.iter().position(|v| *v == usize::MAX) {
                return Err(ProblemError::MissingValue {
                    person: id,
                    feature: self.features[fi].name.clone(),
                });
            }
            let weight = spec.weight.unwrap_or(1.0);
            if !(weight.is_finite() && weight > 0.0) {
                return Err(ProblemError::InvalidWeight { person: id, weight });
            }
            people.push(Person {
                id,
                values,
                weight,
                group: spec.group.clone(),
                inclusion: spec.inclusion,
            });
        }
        Ok(SelectionProblem {
            panel_size: self.panel_size,
            features: self.features.clone(),
            people,
        })
    }
}

/// Per-person rotation weights from recent involvement: `base^times`, so with
/// base ½ each selection in the window halves a person's target share.
pub fn rotation_weights(
    times_selected: &BTreeMap<PersonId, u32>,
    base: f64,
) -> BTreeMap<PersonId, f64> {
    times_selected
        .iter()
        .map(|(id, n)| (id.clone(), base.powi(*n as i32)))
        .collect()
}
