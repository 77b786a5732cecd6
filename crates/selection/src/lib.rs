//! Fair selection of a panel from a pool by quotas: weighted LEXIMIN
//! sortition with a certified bound and a verifiable draw.
//!
//! # What it computes
//!
//! Given a pool of people with feature values, quotas (min/max seats per
//! feature value), a panel size `k`, optional rotation weights, must-include /
//! must-exclude people and "not together" groups (households), [`select`]
//! returns a probability distribution over valid panels that is LEXIMIN
//! (Flanigan, Gölz, Gupta, Hennig and Procaccia, Nature 596, 2021): it
//! maximises the lowest selection probability, then the next lowest, and so
//! on. With weights, it does this for `p_i / w_i`, so a person with weight ½
//! targets half the share of a person with weight 1, as far as quotas allow.
//!
//! Every panel in the distribution is re-checked against every rule, the
//! minimum comes with a certified upper bound (from LP duality: no
//! distribution can do better), and the run stops within its time budget,
//! returning the best distribution found and its gap.
//!
//! People with the same feature values, weight and inclusion, and no shared
//! household, are interchangeable: the engine works with one count per such
//! group ("type") and the draw picks the members of a type uniformly.
//!
//! # The draw, step by step (to re-implement independently)
//!
//! 1. **Publish the lottery** ([`Lottery`]) before the seed is known: the
//!    groups of interchangeable people (each list sorted by id, as UTF-8
//!    strings compared bytewise) and the panels as seats per group, sorted
//!    lexicographically, each with an integer number of tickets. Tickets are
//!    the probabilities times 10⁹, rounded down, with the remaining tickets
//!    given one each to the largest fractional remainders (ties: earlier
//!    panel first); they sum to exactly 1 000 000 000.
//! 2. **Random stream.** From the seed string `S` (e.g. published lottery
//!    numbers), block `i = 0, 1, 2, …` is
//!    `SHA-256("withus-selection-draw-v1" ‖ 0x00 ‖ UTF-8(S) ‖ 0x00 ‖ i as 8-byte big-endian)`;
//!    each block gives four unsigned 64-bit numbers, read big-endian in order.
//! 3. **Unbiased integers.** `below(n)`: take the next number `x`; if
//!    `x < n·⌊(2⁶⁴−1)/n⌋` return `x mod n`, otherwise take the next.
//! 4. **Pick the panel.** `r = below(total tickets)`; the panel is the first
//!    whose running ticket sum exceeds `r`.
//! 5. **Pick the people.** For each of the panel's groups in order, with `s`
//!    seats: for `j` in `0..s`, swap positions `j` and `j + below(len − j)` of
//!    the group's list; the first `s` are chosen.
//!
//! # Using it
//!
//! ```
//! use withus_selection::{ProblemBuilder, Quota, Settings, select};
//!
//! let mut b = ProblemBuilder::new(2);
//! b.quota("region", "north", Quota::new(1, 1))
//!     .quota("region", "south", Quota::new(1, 1));
//! for (id, region) in [("a", "north"), ("b", "north"), ("c", "south"), ("d", "south")] {
//!     b.simple_person(id, &[("region", region)]);
//! }
//! let selection = select(&b.build().unwrap(), &Settings::default()).unwrap();
//! assert!((selection.certificate.min_probability - 0.5).abs() < 1e-6);
//! let record = selection.draw("published seed");
//! assert!(record.verify());
//! ```
//!
//! # Solvers and build requirements
//!
//! Pricing (the integer program that finds the next panel) runs on
//! `microlp`, and the master LPs on a built-in dense simplex that resumes
//! after each added panel; both are pure Rust: nothing to install. The
//! optional feature `highs` can run the master LPs on HiGHS instead;
//! building it needs `cmake`, a C++ compiler and libclang (Debian:
//! `apt-get install cmake g++ libclang-dev`) and about 15 CPU-minutes for
//! the first build.
//!
//! The same lottery and seed always give the same panel
//! ([`DrawRecord::verify`]); [`DrawRecord`] is serialisable for the audit
//! trail.

mod basis;
mod draw;
mod infeasible;
mod instance;
mod leximin;
mod lp;
mod model;
mod pricing;
mod simplex;
mod stabilise;
pub mod stats;

#[cfg(feature = "cli")]
pub mod cli;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use draw::{DrawRecord, Lottery, LotteryPanel, SeedStream, TOTAL_TICKETS};
pub use infeasible::{Conflict, InfeasibleQuotas, QuotaChange};
pub use leximin::{PricingMode, RunStats, Settings, SolveError};
pub use lp::LpBackend;
pub use model::{
    Feature, FeatureValue, Inclusion, Person, PersonId, PersonSpec, ProblemBuilder, ProblemError,
    Quota, SelectionProblem, rotation_weights,
};

use instance::Instance;
use pricing::MipAnswer;

/// Why [`select`] could not produce a distribution.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SelectError {
    #[error(transparent)]
    Infeasible(#[from] InfeasibleQuotas),
    #[error(transparent)]
    Solver(#[from] SolveError),
    #[error("internal check failed: a panel breaks a rule ({0})")]
    InvalidPanel(String),
}

/// One person's chance of being selected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonProbability {
    pub id: PersonId,
    pub probability: f64,
    pub weight: f64,
}

/// How good the distribution is, with proof.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    /// Lowest selection probability among people who can be on a valid panel
    /// (must-exclude people and people no valid panel can contain are left out).
    pub min_probability: f64,
    /// Lowest `p_i / w_i` over the same people: the quantity maximised first
    /// (equal to `min_probability` when every weight is 1).
    pub min_weighted: f64,
    /// No distribution can make the lowest `p_i / w_i` higher than this.
    pub upper_bound: f64,
    /// `upper_bound − min_weighted` (0 when proven optimal), for the
    /// lottery returned.
    pub gap: f64,
    /// Whether every leximin level was solved to the tolerance, the
    /// returned lottery gives everyone at least their level's value minus
    /// the tolerance, and `gap` is within the tolerance.
    pub leximin_complete: bool,
    /// The leximin levels solved, lowest first: all of them kept by the
    /// returned lottery when `leximin_complete`; a run stopped because a
    /// later level could not be solved without lowering an earlier one
    /// lists only the levels before it. Missing from results stored by
    /// older versions.
    #[serde(default)]
    pub levels: Vec<LevelValue>,
    /// Tolerance of each level, in `p_i / w_i`: the settings' relative
    /// tolerance times `k / Σw`, but at least 10⁻⁶ (levels are fixed 10⁻⁷
    /// below their value, and the LPs round off).
    #[serde(default)]
    pub tolerance: f64,
}

/// One leximin level: everyone fixed at it gets `p_i / w_i ≥ value −
/// tolerance` from the lottery, and no lottery that keeps the levels
/// before it can give all of them more than `bound`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelValue {
    /// The proven value of `p_i / w_i`.
    pub value: f64,
    /// Certified upper bound on the level.
    pub bound: f64,
    /// How many people were fixed at this level.
    pub people: usize,
}

/// Shape of the probability vector over eligible people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub gini: f64,
    pub geometric_mean: f64,
    pub max_probability: f64,
    /// Sum of all probabilities; equals the panel size.
    pub total: f64,
    pub support_size: usize,
    /// People no valid panel can contain.
    pub never_selectable: Vec<PersonId>,
}

/// The result of [`select`]: the lottery, probabilities and their quality.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Selection {
    pub lottery: Lottery,
    /// One entry per person, in the problem's order.
    pub probabilities: Vec<PersonProbability>,
    pub certificate: Certificate,
    pub summary: Summary,
    pub stats: RunStats,
}

impl Selection {
    /// Draws a panel with a seed (see the crate docs for the procedure).
    pub fn draw(&self, seed: &str) -> DrawRecord {
        let (panel_index, selected) = self.lottery.draw(seed);
        DrawRecord {
            engine_version: concat!("withus-selection ", env!("CARGO_PKG_VERSION")).to_owned(),
            lottery: self.lottery.clone(),
            seed: seed.to_owned(),
            panel_index,
            selected,
        }
    }

    /// Selection probability of one person, if they are in the pool.
    pub fn probability_of(&self, id: &PersonId) -> Option<f64> {
        self.probabilities
            .iter()
            .find(|p| &p.id == id)
            .map(|p| p.probability)
    }
}

/// Settings for a quick run, e.g. live in a form: 30 s budget.
pub fn interactive_settings() -> Settings {
    Settings {
        time_budget: Duration::from_secs(30),
        ..Settings::default()
    }
}

/// Checks the quotas only: `Ok(())` if some panel meets every rule,
/// otherwise the explanation. Fast; meant for live feedback.
pub fn check_feasible(problem: &SelectionProblem) -> Result<(), SelectError> {
    let inst = Instance::new(problem);
    first_panel(problem, &inst, Duration::from_secs(30)).map(|_| ())
}

fn first_panel(
    problem: &SelectionProblem,
    inst: &Instance,
    limit: Duration,
) -> Result<Vec<u32>, SelectError> {
    let obj = vec![0.0; inst.types.len()];
    match pricing::solve_mip(inst, &obj, limit, None, 0.0) {
        MipAnswer::Found { panel, .. } => Ok(panel),
        MipAnswer::Infeasible => Err(infeasible::explain(problem, inst).into()),
        MipAnswer::NoPanel { .. } => Err(SolveError::OutOfTime.into()),
        MipAnswer::Failed(m) => Err(SolveError::Numerical(m).into()),
    }
}

/// Computes the (weighted) leximin distribution within `settings`' budget.
pub fn select(problem: &SelectionProblem, settings: &Settings) -> Result<Selection, SelectError> {
    let inst = Instance::new(problem);
    let first = first_panel(problem, &inst, settings.time_budget)?;
    let outcome = leximin::solve(&inst, settings, first)?;
    for (panel, _) in &outcome.panels {
        if let Some(v) = inst.violation(panel) {
            return Err(SelectError::InvalidPanel(v));
        }
    }

    let mut person_p = vec![0.0; problem.people.len()];
    for (t, ty) in inst.types.iter().enumerate() {
        for &m in &ty.members {
            person_p[m] = outcome.type_probability[t].clamp(0.0, 1.0);
        }
    }
    let mut never = Vec::new();
    let mut impossible = vec![false; problem.people.len()];
    for &t in &outcome.impossible {
        for &m in &inst.types[t].members {
            impossible[m] = true;
            never.push(problem.people[m].id.clone());
        }
    }
    never.sort();
    let eligible: Vec<usize> = (0..problem.people.len())
        .filter(|i| problem.people[*i].inclusion != Inclusion::MustExclude)
        .collect();
    let ranked: Vec<usize> = eligible
        .iter()
        .copied()
        .filter(|i| !impossible[*i] && problem.people[*i].inclusion != Inclusion::MustInclude)
        .collect();
    let min_probability = ranked
        .iter()
        .map(|i| person_p[*i])
        .fold(f64::INFINITY, f64::min);
    let min_weighted = ranked
        .iter()
        .map(|i| person_p[*i] / problem.people[*i].weight)
        .fold(f64::INFINITY, f64::min);
    let (min_probability, min_weighted) = if ranked.is_empty() {
        (1.0, 1.0)
    } else {
        (min_probability, min_weighted)
    };
    let upper_bound = outcome.maximin_bound.max(min_weighted);
    let gap = (upper_bound - min_weighted).max(0.0);
    // Checked on the people, not the engine's types: complete only if the
    // lottery returned keeps every level it claims.
    let tolerance = outcome.slack;
    let mut levels = Vec::with_capacity(outcome.levels.len());
    let mut keeps_levels = true;
    for level in &outcome.levels {
        let mut people = 0;
        for &t in &level.types {
            for &m in &inst.types[t].members {
                let person = &problem.people[m];
                if impossible[m] || person.inclusion != Inclusion::Eligible {
                    continue;
                }
                people += 1;
                keeps_levels &= person_p[m] / person.weight >= level.value - tolerance;
            }
        }
        levels.push(LevelValue {
            value: level.value,
            bound: level.bound,
            people,
        });
    }
    let proven = outcome
        .levels
        .iter()
        .all(|l| l.bound - l.value <= tolerance);
    let leximin_complete = outcome.complete && proven && keeps_levels && gap <= tolerance;
    let eligible_p: Vec<f64> = eligible.iter().map(|i| person_p[*i]).collect();

    let groups = inst
        .types
        .iter()
        .map(|t| {
            t.members
                .iter()
                .map(|m| problem.people[*m].id.clone())
                .collect()
        })
        .collect();
    let panels = outcome
        .panels
        .iter()
        .map(|(counts, w)| {
            let seats = counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(t, c)| (t, *c))
                .collect();
            (seats, *w)
        })
        .collect();
    let lottery = Lottery::new(groups, panels);

    Ok(Selection {
        probabilities: problem
            .people
            .iter()
            .zip(&person_p)
            .map(|(p, pr)| PersonProbability {
                id: p.id.clone(),
                probability: *pr,
                weight: p.weight,
            })
            .collect(),
        certificate: Certificate {
            min_probability,
            min_weighted,
            upper_bound,
            gap,
            leximin_complete,
            levels,
            tolerance,
        },
        summary: Summary {
            gini: stats::gini(&eligible_p),
            geometric_mean: stats::geometric_mean(&eligible_p),
            max_probability: eligible_p.iter().copied().fold(0.0, f64::max),
            total: person_p.iter().sum(),
            support_size: lottery.panels.len(),
            never_selectable: never,
        },
        lottery,
        stats: outcome.stats,
    })
}
