//! Checks of one selection against its own certificate, independent of the
//! engine's data structures, and a brute-force leximin over types for
//! small pools. Shared by the sweep test and the long-sweep example.

#![allow(dead_code)]

use std::collections::HashMap;

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use withus_selection::{Inclusion, Selection, SelectionProblem};

use super::check_panel;

/// Everything a lottery must satisfy, checked from the problem, the
/// lottery and the certificate alone:
/// * every panel meets every rule and the tickets add up;
/// * each person's probability is what the lottery's panels give them;
/// * probabilities sum to `k`;
/// * the lowest `p/w` is the proven level-0 value, to the tolerance;
/// * the sorted `p/w` vector meets every proven level, to the tolerance;
/// * a run called complete has every level proven and a gap within the
///   tolerance.
pub fn check_selection(problem: &SelectionProblem, sel: &Selection) -> Result<(), String> {
    let c = &sel.certificate;
    let tol = c.tolerance;
    if tol.is_nan() || tol <= 0.0 {
        return Err(format!("tolerance {tol} is not positive"));
    }
    let index: HashMap<_, _> = problem
        .people()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let n = problem.people().len();
    let mut implied = vec![0.0; n];
    let mut tickets = 0;
    for panel in &sel.lottery.panels {
        tickets += panel.tickets;
        let mut chosen = Vec::new();
        for &(g, seats) in &panel.seats {
            let members = &sel.lottery.groups[g];
            chosen.extend(members.iter().take(seats as usize).map(|id| index[id]));
            for id in members {
                implied[index[id]] += panel.probability * seats as f64 / members.len() as f64;
            }
        }
        check_panel(problem, &chosen).map_err(|e| format!("invalid panel: {e}"))?;
    }
    if tickets != withus_selection::TOTAL_TICKETS {
        return Err(format!("tickets sum to {tickets}"));
    }
    for (pp, q) in sel.probabilities.iter().zip(&implied) {
        if (pp.probability - q).abs() > 1e-7 {
            return Err(format!(
                "{} has probability {} but the lottery gives {q}",
                pp.id, pp.probability
            ));
        }
    }
    let total: f64 = sel.probabilities.iter().map(|p| p.probability).sum();
    if (total - problem.panel_size() as f64).abs() > 1e-6 {
        return Err(format!("probabilities sum to {total}"));
    }
    let never: std::collections::HashSet<_> = sel.summary.never_selectable.iter().collect();
    let mut ranked: Vec<f64> = problem
        .people()
        .iter()
        .zip(&sel.probabilities)
        .filter(|(p, _)| p.inclusion == Inclusion::Eligible && !never.contains(&p.id))
        .map(|(p, pp)| pp.probability / p.weight)
        .collect();
    ranked.sort_by(f64::total_cmp);
    let Some(level0) = c.levels.first() else {
        return Err("no level in the certificate".into());
    };
    let min = ranked.first().copied().unwrap_or(1.0);
    if (min - c.min_weighted).abs() > 1e-12 {
        return Err(format!(
            "certificate minimum {} but the lottery's is {min}",
            c.min_weighted
        ));
    }
    if (min - level0.value).abs() > tol {
        return Err(format!(
            "minimum {min:.9} vs proven level 0 {:.9}: off by {:.3e} (tolerance {tol:.3e})",
            level0.value,
            level0.value - min
        ));
    }
    let mut expected: Vec<f64> = c
        .levels
        .iter()
        .flat_map(|l| std::iter::repeat_n(l.value, l.people))
        .collect();
    expected.sort_by(f64::total_cmp);
    if expected.len() > ranked.len() {
        return Err(format!(
            "levels cover {} people, only {} are ranked",
            expected.len(),
            ranked.len()
        ));
    }
    for (i, (got, want)) in ranked.iter().zip(&expected).enumerate() {
        if *got < want - tol {
            return Err(format!(
                "rank {i}: {got:.9} below its proven level {want:.9} by {:.3e}",
                want - got
            ));
        }
    }
    if c.upper_bound + 1e-12 < c.min_weighted {
        return Err("bound below the minimum".into());
    }
    if (c.gap - (c.upper_bound - c.min_weighted).max(0.0)).abs() > 1e-12 {
        return Err(format!("gap {} is not the lottery's", c.gap));
    }
    if c.leximin_complete {
        if c.gap > tol {
            return Err(format!("complete with gap {:.3e} > {tol:.3e}", c.gap));
        }
        if expected.len() != ranked.len() {
            return Err("complete, but the levels do not cover everyone".into());
        }
        if let Some(l) = c.levels.iter().find(|l| l.bound - l.value > tol) {
            return Err(format!("complete, but a level is open: {l:?}"));
        }
    }
    Ok(())
}

/// Every panel as seat counts per type, if there are at most `cap`;
/// types group people with the same feature values (the generated pools
/// have no weights, households or inclusions).
/// Members of each type, and every panel as seats per type.
type TypePanels = (Vec<Vec<usize>>, Vec<Vec<u32>>);

fn type_panels(problem: &SelectionProblem, cap: usize) -> Option<TypePanels> {
    let mut types: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for (i, p) in problem.people().iter().enumerate() {
        match types.iter_mut().find(|t| t.0 == p.values) {
            Some(t) => t.1.push(i),
            None => types.push((p.values.clone(), vec![i])),
        }
    }
    let feats = problem.features();
    let k = problem.panel_size();
    struct Search<'a> {
        types: &'a [(Vec<usize>, Vec<usize>)],
        feats: &'a [withus_selection::Feature],
        counts: Vec<Vec<u32>>,
        cur: Vec<u32>,
        out: Vec<Vec<u32>>,
        cap: usize,
    }
    impl Search<'_> {
        fn need(&self) -> u32 {
            // Seats still needed by the most demanding feature's minimums.
            self.feats
                .iter()
                .enumerate()
                .map(|(f, feat)| {
                    feat.values
                        .iter()
                        .enumerate()
                        .map(|(v, val)| val.quota.min.saturating_sub(self.counts[f][v]))
                        .sum::<u32>()
                })
                .max()
                .unwrap_or(0)
        }
        fn rec(&mut self, t: usize, left: u32) -> bool {
            if self.out.len() > self.cap {
                return false;
            }
            if self.need() > left {
                return true;
            }
            if t == self.types.len() {
                if left == 0 {
                    self.out.push(self.cur.clone());
                }
                return true;
            }
            let size = self.types[t].1.len() as u32;
            let room = self.types[t]
                .0
                .iter()
                .enumerate()
                .map(|(f, &v)| self.feats[f].values[v].quota.max - self.counts[f][v])
                .min()
                .unwrap_or(left);
            for c in (0..=size.min(left).min(room)).rev() {
                for (f, &v) in self.types[t].0.iter().enumerate() {
                    self.counts[f][v] += c;
                }
                self.cur[t] = c;
                let ok = self.rec(t + 1, left - c);
                for (f, &v) in self.types[t].0.iter().enumerate() {
                    self.counts[f][v] -= c;
                }
                self.cur[t] = 0;
                if !ok {
                    return false;
                }
            }
            true
        }
    }
    let mut s = Search {
        types: &types,
        feats,
        counts: feats.iter().map(|f| vec![0; f.values.len()]).collect(),
        cur: vec![0; types.len()],
        out: Vec::new(),
        cap,
    };
    if !s.rec(0, k) {
        return None;
    }
    let out = s.out;
    Some((types.into_iter().map(|t| t.1).collect(), out))
}

/// Exact leximin per person by brute force over every panel (as seat
/// counts per type), with plain LPs: each level maximises the common value
/// of the unfixed types, then every type that cannot get more without
/// lowering another is fixed. `None` when there are more than `cap`
/// panels or none.
pub fn brute_force_by_types(problem: &SelectionProblem, cap: usize) -> Option<Vec<f64>> {
    let (members, panels) = type_panels(problem, cap)?;
    if panels.is_empty() {
        return None;
    }
    let nt = members.len();
    let sizes: Vec<f64> = members.iter().map(|m| m.len() as f64).collect();
    let mut fixed: Vec<Option<f64>> = vec![None; nt];
    for (t, q) in fixed.iter_mut().enumerate() {
        if panels.iter().all(|p| p[t] == 0) {
            *q = Some(0.0);
        }
    }
    // Maximises λ (objective None) or type `obj`'s probability with the
    // unfixed others held at `floor`.
    let solve = |fixed: &[Option<f64>], floor: Option<f64>, obj: Option<usize>| -> f64 {
        let mut p = Problem::new(OptimizationDirection::Maximize);
        let x: Vec<_> = panels.iter().map(|_| p.add_var(0.0, (0.0, 1.0))).collect();
        let lambda = p.add_var(if obj.is_none() { 1.0 } else { 0.0 }, (0.0, 1.0));
        let all: Vec<_> = x.iter().map(|v| (*v, 1.0)).collect();
        p.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
        for t in 0..nt {
            let mut row: Vec<_> = panels
                .iter()
                .zip(&x)
                .filter(|(pa, _)| pa[t] > 0)
                .map(|(pa, v)| (*v, pa[t] as f64 / sizes[t]))
                .collect();
            if obj == Some(t) {
                let y = p.add_var(1.0, (0.0, 1.0));
                let mut r = row.clone();
                r.push((y, -1.0));
                p.add_constraint(r.as_slice(), ComparisonOp::Ge, 0.0);
            }
            match (fixed[t], floor) {
                (Some(q), _) => p.add_constraint(row.as_slice(), ComparisonOp::Ge, q - 1e-9),
                (None, Some(l)) => p.add_constraint(row.as_slice(), ComparisonOp::Ge, l - 1e-9),
                (None, None) => {
                    row.push((lambda, -1.0));
                    p.add_constraint(row.as_slice(), ComparisonOp::Ge, 0.0)
                }
            };
        }
        p.solve()
            .expect("brute-force LP")
            .into_solution()
            .expect("solution")
            .objective()
    };
    while fixed.iter().any(Option::is_none) {
        let level = solve(&fixed, None, None);
        let candidates: Vec<usize> = (0..nt).filter(|t| fixed[*t].is_none()).collect();
        let mut any = false;
        for &t in &candidates {
            if solve(&fixed, Some(level), Some(t)) <= level + 1e-7 {
                fixed[t] = Some(level);
                any = true;
            }
        }
        assert!(any, "a leximin level must fix some type");
    }
    let mut person = vec![0.0; problem.people().len()];
    for (t, m) in members.iter().enumerate() {
        for &i in m {
            person[i] = fixed[t].unwrap_or(0.0);
        }
    }
    Some(person)
}
