//! Shared test utilities: small random instances and an independent panel check.

#![allow(dead_code)]

use withus_selection::{Inclusion, PersonSpec, ProblemBuilder, Quota, SelectionProblem};

/// Tiny deterministic generator, so failures reproduce.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A small random instance: `n` people, `k` seats, `m` features of 2–3
/// values, quotas around each value's pool share, some forced tight.
pub fn random_problem(seed: u64, n: usize, k: u32, m: usize) -> SelectionProblem {
    let mut rng = Lcg(seed);
    let mut b = ProblemBuilder::new(k);
    let sizes: Vec<usize> = (0..m).map(|_| 2 + rng.below(2) as usize).collect();
    let people: Vec<Vec<usize>> = (0..n)
        .map(|_| {
            sizes
                .iter()
                .map(|s| {
                    // Skewed: value 0 is the most common.
                    let r = rng.below(10) as usize;
                    if r < 6 { 0 } else { r % s }
                })
                .collect()
        })
        .collect();
    for (f, &s) in sizes.iter().enumerate() {
        for v in 0..s {
            let count = people.iter().filter(|p| p[f] == v).count();
            let share = count as f64 / n as f64 * k as f64;
            let tight = rng.below(2) == 0;
            let (lo, hi) = if tight {
                (share.floor() as u32, share.ceil() as u32)
            } else {
                (
                    (share - 1.0).floor().max(0.0) as u32,
                    (share + 1.0).ceil() as u32,
                )
            };
            // Rare values with a guaranteed seat make the leximin unequal.
            let lo = if count > 0 && count <= 2 && rng.below(2) == 0 {
                lo.max(1)
            } else {
                lo
            };
            b.quota(
                &format!("f{f}"),
                &format!("v{v}"),
                Quota::new(lo, hi.max(lo).min(k)),
            );
        }
    }
    for (i, p) in people.iter().enumerate() {
        b.person(PersonSpec {
            id: format!("p{i:02}"),
            values: p
                .iter()
                .enumerate()
                .map(|(f, v)| (format!("f{f}"), format!("v{v}")))
                .collect(),
            ..Default::default()
        });
    }
    b.build().expect("valid problem")
}

/// Checks a person-level panel against the problem directly (not through
/// the engine's own data structures).
pub fn check_panel(problem: &SelectionProblem, chosen: &[usize]) -> Result<(), String> {
    if chosen.len() != problem.panel_size() as usize {
        return Err(format!("panel has {} members", chosen.len()));
    }
    let mut sorted = chosen.to_vec();
    sorted.sort();
    sorted.dedup();
    if sorted.len() != chosen.len() {
        return Err("a person is chosen twice".into());
    }
    for (f, feat) in problem.features().iter().enumerate() {
        for (v, val) in feat.values.iter().enumerate() {
            let c = chosen
                .iter()
                .filter(|p| problem.people()[**p].values[f] == v)
                .count() as u32;
            if c < val.quota.min || c > val.quota.max {
                return Err(format!("{} = {} has {c}", feat.name, val.name));
            }
        }
    }
    for p in problem.people() {
        let index = problem
            .people()
            .iter()
            .position(|q| q.id == p.id)
            .unwrap_or(0);
        let on = chosen.contains(&index);
        if p.inclusion == Inclusion::MustInclude && !on {
            return Err(format!("{} must be included", p.id));
        }
        if p.inclusion == Inclusion::MustExclude && on {
            return Err(format!("{} must be excluded", p.id));
        }
    }
    let mut groups = std::collections::HashMap::new();
    for &c in chosen {
        if let Some(g) = &problem.people()[c].group
            && groups.insert(g.clone(), c).is_some()
        {
            return Err(format!("two members of group {g}"));
        }
    }
    Ok(())
}

pub mod pool;
pub mod sweep;
