//! Type aggregation: people with the same feature values, weight, inclusion
//! and (trivial) group are interchangeable, so the engine works with one
//! integer count per type instead of one binary per person. Averaging any
//! distribution over permutations within a type never worsens it in the
//! leximin order, so nothing is lost.

use std::collections::HashMap;

use crate::model::{Inclusion, SelectionProblem};

/// A set of interchangeable people.
#[derive(Debug, Clone)]
pub(crate) struct PersonType {
    /// Person indices, sorted by person id (the draw relies on this order).
    pub members: Vec<usize>,
    /// Value index per feature.
    pub values: Vec<usize>,
    pub weight: f64,
    /// Must-include members: the type's count never drops below this.
    pub forced: u32,
}

impl PersonType {
    pub fn size(&self) -> u32 {
        self.members.len() as u32
    }
}

/// One quota row: the types holding a feature value and its bounds.
#[derive(Debug, Clone)]
pub(crate) struct QuotaRow {
    pub feature: usize,
    pub value: usize,
    pub min: u32,
    pub max: u32,
    /// How far a relaxation may lower `min` / raise `max`.
    pub min_flex: u32,
    pub max_flex: u32,
    pub types: Vec<usize>,
}

/// The aggregated instance the solvers work on.
#[derive(Debug, Clone)]
pub(crate) struct Instance {
    pub k: u32,
    pub types: Vec<PersonType>,
    pub rows: Vec<QuotaRow>,
    /// `row_of[t][f]`: the quota row of type `t`'s value for feature `f`.
    pub row_of: Vec<Vec<usize>>,
    /// "Not together" groups with more than one eligible member, as types.
    pub groups: Vec<Vec<usize>>,
    /// `group_of[t]`: the group type `t` belongs to, if any.
    pub group_of: Vec<Option<usize>>,
    /// Each type's [`Instance::cap`], computed once: the swap search asks
    /// for it millions of times.
    caps: Vec<u32>,
}

impl Instance {
    pub fn new(problem: &SelectionProblem) -> Instance {
        let people = &problem.people;
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by(|a, b| people[*a].id.cmp(&people[*b].id));

        let mut group_sizes: HashMap<&str, usize> = HashMap::new();
        for p in people {
            if let (Some(g), false) = (&p.group, p.inclusion == Inclusion::MustExclude) {
                *group_sizes.entry(g.as_str()).or_default() += 1;
            }
        }
        // Key: values, weight bits, and a unique tag for people who cannot be
        // pooled (group members, must-include).
        let mut index: HashMap<(Vec<usize>, u64, Option<usize>), usize> = HashMap::new();
        let mut types: Vec<PersonType> = Vec::new();
        let mut group_index: HashMap<&str, usize> = HashMap::new();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of: Vec<Option<usize>> = Vec::new();
        for &pi in &order {
            let p = &people[pi];
            if p.inclusion == Inclusion::MustExclude {
                continue;
            }
            let grouped = p
                .group
                .as_deref()
                .filter(|g| group_sizes.get(g).copied().unwrap_or(0) > 1);
            let unique = grouped.is_some() || p.inclusion == Inclusion::MustInclude;
            let key = (
                p.values.clone(),
                p.weight.to_bits(),
                if unique { Some(pi) } else { None },
            );
            let t = *index.entry(key).or_insert_with(|| {
                types.push(PersonType {
                    members: Vec::new(),
                    values: p.values.clone(),
                    weight: p.weight,
                    forced: 0,
                });
                group_of.push(None);
                types.len() - 1
            });
            types[t].members.push(pi);
            if p.inclusion == Inclusion::MustInclude {
                types[t].forced += 1;
            }
            if let Some(g) = grouped {
                let gi = *group_index.entry(g).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[gi].push(t);
                group_of[t] = Some(gi);
            }
        }

        let mut rows = Vec::new();
        let mut row_index = HashMap::new();
        for (fi, f) in problem.features.iter().enumerate() {
            for (vi, v) in f.values.iter().enumerate() {
                row_index.insert((fi, vi), rows.len());
                rows.push(QuotaRow {
                    feature: fi,
                    value: vi,
                    min: v.quota.min,
                    max: v.quota.max,
                    min_flex: v.quota.min_flex.unwrap_or(0).min(v.quota.min),
                    max_flex: v
                        .quota
                        .max_flex
                        .unwrap_or(problem.panel_size)
                        .max(v.quota.max),
                    types: Vec::new(),
                });
            }
        }
        let mut row_of = Vec::with_capacity(types.len());
        for (t, ty) in types.iter().enumerate() {
            let r: Vec<usize> = ty
                .values
                .iter()
                .enumerate()
                .map(|(fi, vi)| row_index[&(fi, *vi)])
                .collect();
            for &ri in &r {
                rows[ri].types.push(t);
            }
            row_of.push(r);
        }
        let mut inst = Instance {
            k: problem.panel_size,
            types,
            rows,
            row_of,
            groups,
            group_of,
            caps: Vec::new(),
        };
        inst.caps = (0..inst.types.len()).map(|t| inst.compute_cap(t)).collect();
        inst
    }

    /// Upper bound on a type's count in any panel.
    pub fn cap(&self, t: usize) -> u32 {
        self.caps[t]
    }

    fn compute_cap(&self, t: usize) -> u32 {
        let ty = &self.types[t];
        let mut cap = ty.size().min(self.k);
        if self.group_of[t].is_some() {
            cap = cap.min(1);
        }
        for &r in &self.row_of[t] {
            cap = cap.min(self.rows[r].max);
        }
        cap
    }

    /// Checks a panel (count per type) against every rule; returns the first
    /// broken one, in words, or `None` if the panel is valid.
    pub fn violation(&self, counts: &[u32]) -> Option<String> {
        let total: u32 = counts.iter().sum();
        if total != self.k {
            return Some(format!("panel has {total} members, not {}", self.k));
        }
        for (t, &c) in counts.iter().enumerate() {
            if c > self.types[t].size() {
                return Some(format!("type {t} used {c} times but has fewer members"));
            }
            if c < self.types[t].forced {
                return Some(format!("type {t} misses a must-include member"));
            }
        }
        for row in &self.rows {
            let s: u32 = row.types.iter().map(|&t| counts[t]).sum();
            if s < row.min || s > row.max {
                return Some(format!(
                    "quota row (feature {}, value {}) has {s}, outside [{}, {}]",
                    row.feature, row.value, row.min, row.max
                ));
            }
        }
        for g in &self.groups {
            let s: u32 = g.iter().map(|&t| counts[t]).sum();
            if s > 1 {
                return Some("two members of one group chosen".to_owned());
            }
        }
        None
    }

    /// Sum over quota rows of the counts, for the local search.
    pub fn row_totals(&self, counts: &[u32]) -> Vec<i64> {
        let mut totals = vec![0i64; self.rows.len()];
        for (t, &c) in counts.iter().enumerate() {
            if c > 0 {
                for &r in &self.row_of[t] {
                    totals[r] += c as i64;
                }
            }
        }
        totals
    }
}
