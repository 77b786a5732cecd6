//! Explaining infeasible quotas: the direct conflicts that can be read off
//! the numbers, and the smallest relaxation (found by an integer program)
//! that makes a panel possible.

use std::fmt;
use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, Variable};
use serde::{Deserialize, Serialize};

use crate::instance::Instance;
use crate::model::SelectionProblem;

/// One reason the quotas cannot all hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Conflict {
    /// Fewer eligible people than panel seats.
    PoolTooSmall { eligible: u32, panel_size: u32 },
    /// More must-include people than panel seats.
    TooManyMustInclude { must_include: u32, panel_size: u32 },
    /// A minimum above the number of eligible people holding the value.
    NotEnoughPeople {
        feature: String,
        value: String,
        min: u32,
        available: u32,
    },
    /// The minimums of one feature add up to more than the panel size.
    MinimumsTooHigh {
        feature: String,
        total_min: u32,
        panel_size: u32,
    },
    /// The maximums of one feature add up to less than the panel size.
    MaximumsTooLow {
        feature: String,
        total_max: u32,
        panel_size: u32,
    },
    /// No single rule is broken; the quotas of several features (and any
    /// households or must-include people) conflict in combination.
    Combination,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::PoolTooSmall {
                eligible,
                panel_size,
            } => write!(
                f,
                "only {eligible} people can be chosen, but the panel needs {panel_size}"
            ),
            Conflict::TooManyMustInclude {
                must_include,
                panel_size,
            } => write!(
                f,
                "{must_include} people must be included, but the panel has only {panel_size} seats"
            ),
            Conflict::NotEnoughPeople {
                feature,
                value,
                min,
                available,
            } => write!(
                f,
                "{feature} = {value} needs at least {min}, but only {available} people in the pool have it"
            ),
            Conflict::MinimumsTooHigh {
                feature,
                total_min,
                panel_size,
            } => write!(
                f,
                "the minimums for {feature} add up to {total_min}, more than the panel size {panel_size}"
            ),
            Conflict::MaximumsTooLow {
                feature,
                total_max,
                panel_size,
            } => write!(
                f,
                "the maximums for {feature} add up to {total_max}, less than the panel size {panel_size}"
            ),
            Conflict::Combination => f.write_str(
                "the quotas of different features cannot all be met by the people in this pool at once",
            ),
        }
    }
}

/// A change to one quota.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotaChange {
    pub feature: String,
    pub value: String,
    pub old_min: u32,
    pub new_min: u32,
    pub old_max: u32,
    pub new_max: u32,
}

impl fmt::Display for QuotaChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.new_min != self.old_min {
            parts.push(format!(
                "lower the minimum from {} to {}",
                self.old_min, self.new_min
            ));
        }
        if self.new_max != self.old_max {
            parts.push(format!(
                "raise the maximum from {} to {}",
                self.old_max, self.new_max
            ));
        }
        write!(
            f,
            "{} = {}: {}",
            self.feature,
            self.value,
            parts.join(" and ")
        )
    }
}

/// The quotas admit no panel. Carries the conflicts found and, when one
/// exists within the allowed flexibility, the smallest relaxation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub struct InfeasibleQuotas {
    pub conflicts: Vec<Conflict>,
    /// `None` when no relaxation within `min_flex`/`max_flex` helps (e.g.
    /// the pool is too small or must-include people conflict).
    pub relaxation: Option<Vec<QuotaChange>>,
}

impl fmt::Display for InfeasibleQuotas {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "No panel can meet all the quotas.")?;
        for c in &self.conflicts {
            write!(f, "\n- {c}")?;
        }
        match &self.relaxation {
            Some(changes) if !changes.is_empty() => {
                write!(f, "\nThe smallest change that makes a panel possible:")?;
                for c in changes {
                    write!(f, "\n- {c}")?;
                }
            }
            _ => write!(
                f,
                "\nNo change to the quotas within their allowed flexibility makes a panel possible."
            )?,
        }
        Ok(())
    }
}

/// Collects the conflicts visible from the numbers alone.
fn direct_conflicts(problem: &SelectionProblem, inst: &Instance) -> Vec<Conflict> {
    let k = inst.k;
    let mut out = Vec::new();
    let eligible: u32 = inst.types.iter().map(|t| t.size()).sum();
    let eligible_capped = eligible.min(
        inst.groups.len() as u32 + {
            inst.types
                .iter()
                .enumerate()
                .filter(|(t, _)| inst.group_of[*t].is_none())
                .map(|(_, ty)| ty.size())
                .sum::<u32>()
        },
    );
    if eligible_capped < k {
        out.push(Conflict::PoolTooSmall {
            eligible: eligible_capped,
            panel_size: k,
        });
    }
    let forced: u32 = inst.types.iter().map(|t| t.forced).sum();
    if forced > k {
        out.push(Conflict::TooManyMustInclude {
            must_include: forced,
            panel_size: k,
        });
    }
    for (fi, feat) in problem.features.iter().enumerate() {
        let rows: Vec<_> = inst.rows.iter().filter(|r| r.feature == fi).collect();
        for r in &rows {
            let available: u32 = r.types.iter().map(|t| inst.types[*t].size()).sum();
            if available < r.min {
                out.push(Conflict::NotEnoughPeople {
                    feature: feat.name.clone(),
                    value: feat.values[r.value].name.clone(),
                    min: r.min,
                    available,
                });
            }
        }
        let total_min: u32 = rows.iter().map(|r| r.min).sum();
        let total_max: u32 = rows.iter().map(|r| r.max).sum();
        if total_min > k {
            out.push(Conflict::MinimumsTooHigh {
                feature: feat.name.clone(),
                total_min,
                panel_size: k,
            });
        }
        if total_max < k {
            out.push(Conflict::MaximumsTooLow {
                feature: feat.name.clone(),
                total_max,
                panel_size: k,
            });
        }
    }
    if out.is_empty() {
        out.push(Conflict::Combination);
    }
    out
}

/// The smallest relaxation: integer slacks on each min and max, within the
/// flex bounds, weighted like the Sortition Foundation's tool (lowering a
/// small minimum costs more, as it is a larger share of that minimum).
fn minimal_relaxation(
    problem: &SelectionProblem,
    inst: &Instance,
    limit: Duration,
) -> Option<Vec<QuotaChange>> {
    let mut p = Problem::new(OptimizationDirection::Minimize);
    let c: Vec<Variable> = (0..inst.types.len())
        .map(|t| {
            let ty = &inst.types[t];
            let mut cap = ty.size().min(inst.k);
            if inst.group_of[t].is_some() {
                cap = cap.min(1);
            }
            p.add_integer_var(0.0, (ty.forced as i32, cap.max(ty.forced) as i32))
        })
        .collect();
    let all: Vec<(Variable, f64)> = c.iter().map(|v| (*v, 1.0)).collect();
    p.add_constraint(all.as_slice(), ComparisonOp::Eq, inst.k as f64);
    let mut slacks = Vec::new();
    for row in &inst.rows {
        let lo_room = row.min - row.min_flex;
        let hi_room = row.max_flex - row.max;
        let lo_cost = if row.min > 0 {
            1.0 + 2.0 / row.min as f64
        } else {
            1.0
        };
        let s_lo = p.add_integer_var(lo_cost, (0, lo_room as i32));
        let s_hi = p.add_integer_var(1.0, (0, hi_room as i32));
        let mut ge: Vec<(Variable, f64)> = row.types.iter().map(|t| (c[*t], 1.0)).collect();
        ge.push((s_lo, 1.0));
        p.add_constraint(ge.as_slice(), ComparisonOp::Ge, row.min as f64);
        let mut le: Vec<(Variable, f64)> = row.types.iter().map(|t| (c[*t], 1.0)).collect();
        le.push((s_hi, -1.0));
        p.add_constraint(le.as_slice(), ComparisonOp::Le, row.max as f64);
        slacks.push((s_lo, s_hi));
    }
    for g in &inst.groups {
        let expr: Vec<(Variable, f64)> = g.iter().map(|t| (c[*t], 1.0)).collect();
        p.add_constraint(expr.as_slice(), ComparisonOp::Le, 1.0);
    }
    let mut options = SolveOptions::default();
    options.time_limit = Some(limit);
    let outcome = p.solve_with(options).ok()?;
    let sol = outcome.solution()?;
    let mut changes = Vec::new();
    for (row, (s_lo, s_hi)) in inst.rows.iter().zip(&slacks) {
        let lo = sol.var_value(*s_lo).round() as u32;
        let hi = sol.var_value(*s_hi).round() as u32;
        if lo > 0 || hi > 0 {
            let feat = &problem.features[row.feature];
            changes.push(QuotaChange {
                feature: feat.name.clone(),
                value: feat.values[row.value].name.clone(),
                old_min: row.min,
                new_min: row.min - lo,
                old_max: row.max,
                new_max: row.max + hi,
            });
        }
    }
    Some(changes)
}

pub(crate) fn explain(problem: &SelectionProblem, inst: &Instance) -> InfeasibleQuotas {
    let conflicts = direct_conflicts(problem, inst);
    let relaxation = minimal_relaxation(problem, inst, Duration::from_secs(30));
    InfeasibleQuotas {
        conflicts,
        relaxation,
    }
}
