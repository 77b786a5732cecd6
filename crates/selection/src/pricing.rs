//! Finding the best quota-feasible panel for given per-person values: an
//! exact integer program over type counts, its LP relaxation (a cheap
//! certified upper bound), and a swap local search that finds improving
//! panels fast. Any panel beating the master's bound is a valid new column,
//! so the search prices first and the MIP is only needed to prove that none
//! is left.

use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, Variable};

use crate::instance::Instance;

/// A panel as a count per type (dense).
pub(crate) type Counts = Vec<u32>;

/// What an exact pricing call established.
#[derive(Debug, Clone)]
pub(crate) enum MipAnswer {
    /// Best panel found and a proven upper bound on any panel's value
    /// (equal to the value when optimal).
    Found {
        panel: Counts,
        value: f64,
        bound: f64,
    },
    /// The time limit hit before any panel was found.
    NoPanel { bound: Option<f64> },
    /// No panel satisfies the rules.
    Infeasible,
    /// The solver failed numerically.
    Failed(String),
}

pub(crate) fn value_of(obj: &[f64], counts: &[u32]) -> f64 {
    counts
        .iter()
        .zip(obj)
        .filter(|(c, _)| **c > 0)
        .map(|(c, v)| *c as f64 * v)
        .sum()
}

fn build(inst: &Instance, obj: &[f64], integer: bool) -> (Problem, Vec<Variable>) {
    let mut p = Problem::new(OptimizationDirection::Maximize);
    let vars: Vec<Variable> = (0..inst.types.len())
        .map(|t| {
            let lo = inst.types[t].forced;
            let hi = inst.cap(t).max(lo);
            if integer {
                p.add_integer_var(obj[t], (lo as i32, hi as i32))
            } else {
                p.add_var(obj[t], (lo as f64, hi as f64))
            }
        })
        .collect();
    let all: Vec<(Variable, f64)> = vars.iter().map(|v| (*v, 1.0)).collect();
    p.add_constraint(all.as_slice(), ComparisonOp::Eq, inst.k as f64);
    for row in &inst.rows {
        let expr: Vec<(Variable, f64)> = row.types.iter().map(|t| (vars[*t], 1.0)).collect();
        if expr.is_empty() {
            // A min above zero on a value nobody holds: keep it, so the
            // solver reports the infeasibility.
            if row.min > 0 {
                p.add_constraint(all.as_slice(), ComparisonOp::Le, -1.0);
            }
            continue;
        }
        if row.min == row.max {
            p.add_constraint(expr.as_slice(), ComparisonOp::Eq, row.min as f64);
        } else {
            if row.min > 0 {
                p.add_constraint(expr.as_slice(), ComparisonOp::Ge, row.min as f64);
            }
            if row.max < inst.k {
                p.add_constraint(expr.as_slice(), ComparisonOp::Le, row.max as f64);
            }
        }
    }
    for g in &inst.groups {
        let expr: Vec<(Variable, f64)> = g.iter().map(|t| (vars[*t], 1.0)).collect();
        p.add_constraint(expr.as_slice(), ComparisonOp::Le, 1.0);
    }
    (p, vars)
}

/// Maximises `Σ obj[t]·c_t` over valid panels, exactly unless the time
/// limit or the relative gap `gap` stops it (then the answer carries the
/// solver's proven bound).
pub(crate) fn solve_mip(
    inst: &Instance,
    obj: &[f64],
    time_limit: Duration,
    warm: Option<&[u32]>,
    gap: f64,
) -> MipAnswer {
    let (p, vars) = build(inst, obj, true);
    let mut options = SolveOptions::default();
    options.time_limit = Some(time_limit);
    options.mip_gap = gap;
    options.warm_start = warm.map(|w| vars.iter().zip(w).map(|(v, c)| (*v, *c as f64)).collect());
    match p.solve_with(options) {
        Ok(outcome) => {
            let stats = outcome.stats();
            match outcome.solution() {
                Some(sol) => {
                    let panel: Counts = vars
                        .iter()
                        .map(|v| sol.var_value(*v).round().max(0.0) as u32)
                        .collect();
                    if inst.violation(&panel).is_some() {
                        return MipAnswer::Failed("rounded solution broke a rule".into());
                    }
                    let value = value_of(obj, &panel);
                    let bound = if outcome.is_optimal() {
                        value
                    } else {
                        stats.best_bound.unwrap_or(f64::INFINITY).max(value)
                    };
                    MipAnswer::Found {
                        panel,
                        value,
                        bound,
                    }
                }
                None => MipAnswer::NoPanel {
                    bound: stats.best_bound,
                },
            }
        }
        Err(microlp::Error::Infeasible) => MipAnswer::Infeasible,
        Err(e) => MipAnswer::Failed(e.to_string()),
    }
}

/// The LP relaxation's optimum: a certified upper bound on any panel's value.
pub(crate) fn relaxation_bound(inst: &Instance, obj: &[f64], time_limit: Duration) -> Option<f64> {
    let (mut p, _) = build(inst, obj, false);
    p.set_time_limit(time_limit);
    let outcome = p.solve().ok()?;
    let sol = outcome.solution()?;
    // Guard against round-off in the solver's objective.
    Some(sol.objective() + 1e-9 * (1.0 + sol.objective().abs()))
}

/// Running state of a panel for fast swap checks.
struct SwapState<'a> {
    inst: &'a Instance,
    counts: Counts,
    totals: Vec<i64>,
    group_used: Vec<u32>,
}

impl<'a> SwapState<'a> {
    fn new(inst: &'a Instance, counts: &[u32]) -> Self {
        let mut group_used = vec![0; inst.groups.len()];
        for (t, &c) in counts.iter().enumerate() {
            if let Some(g) = inst.group_of[t] {
                group_used[g] += c;
            }
        }
        SwapState {
            inst,
            counts: counts.to_vec(),
            totals: inst.row_totals(counts),
            group_used,
        }
    }

    /// Whether one member of type `a` can be replaced by one of type `b`.
    fn can_swap(&self, a: usize, b: usize) -> bool {
        let inst = self.inst;
        if self.counts[a] <= inst.types[a].forced || self.counts[b] >= inst.cap(b) {
            return false;
        }
        if let Some(gb) = inst.group_of[b]
            && inst.group_of[a] != Some(gb)
            && self.group_used[gb] >= 1
        {
            return false;
        }
        let (ra, rb) = (&inst.row_of[a], &inst.row_of[b]);
        for f in 0..ra.len() {
            if ra[f] != rb[f] {
                if self.totals[ra[f]] - 1 < inst.rows[ra[f]].min as i64 {
                    return false;
                }
                if self.totals[rb[f]] + 1 > inst.rows[rb[f]].max as i64 {
                    return false;
                }
            }
        }
        true
    }

    fn swap(&mut self, a: usize, b: usize) {
        let inst = self.inst;
        self.counts[a] -= 1;
        self.counts[b] += 1;
        for &r in &inst.row_of[a] {
            self.totals[r] -= 1;
        }
        for &r in &inst.row_of[b] {
            self.totals[r] += 1;
        }
        if let Some(g) = inst.group_of[a] {
            self.group_used[g] -= 1;
        }
        if let Some(g) = inst.group_of[b] {
            self.group_used[g] += 1;
        }
    }
}

/// Best-improvement swap search from a valid panel. `order` lists types by
/// decreasing value, so the scan for a partner can stop early.
pub(crate) fn local_search(inst: &Instance, obj: &[f64], start: &[u32], order: &[usize]) -> Counts {
    let mut st = SwapState::new(inst, start);
    let mut guard = 0usize;
    loop {
        guard += 1;
        if guard > 50 * inst.k as usize + 100 {
            break;
        }
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..st.counts.len() {
            if st.counts[a] == 0 {
                continue;
            }
            for &b in order {
                let gain = obj[b] - obj[a];
                if gain <= 1e-12 || best.is_some_and(|(g, _, _)| gain <= g) {
                    break;
                }
                if b != a && st.can_swap(a, b) {
                    best = Some((gain, a, b));
                    break;
                }
            }
        }
        match best {
            Some((_, a, b)) => st.swap(a, b),
            None => break,
        }
    }
    st.counts
}

/// Types sorted by decreasing objective value.
pub(crate) fn by_value(obj: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..obj.len()).collect();
    order.sort_by(|a, b| obj[*b].total_cmp(&obj[*a]));
    order
}
