//! The engine against brute force: enumerate every panel of a small pool,
//! compute the leximin vector by plain LPs over all of them, and compare.

mod common;

use std::collections::HashMap;

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use withus_selection::{
    Inclusion, PersonSpec, ProblemBuilder, Quota, SelectError, SelectionProblem, Settings, select,
};

use common::{check_panel, random_problem};

fn all_panels(problem: &SelectionProblem) -> Vec<Vec<usize>> {
    let n = problem.people().len();
    let k = problem.panel_size() as usize;
    let mut out = Vec::new();
    let mut cur = Vec::new();
    fn rec(
        start: usize,
        n: usize,
        k: usize,
        cur: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
        problem: &SelectionProblem,
    ) {
        if cur.len() == k {
            if check_panel(problem, cur).is_ok() {
                out.push(cur.clone());
            }
            return;
        }
        for i in start..n {
            cur.push(i);
            rec(i + 1, n, k, cur, out, problem);
            cur.pop();
        }
    }
    rec(0, n, k, &mut cur, &mut out, problem);
    out
}

/// Maximises `objective_person`'s probability (or the common level λ when
/// `None`) subject to fixed values and `p_i ≥ w_i·λ_floor` for the others.
fn lp(
    panels: &[Vec<usize>],
    n: usize,
    weights: &[f64],
    fixed: &[Option<f64>],
    floor: Option<f64>,
    objective_person: Option<usize>,
) -> f64 {
    let mut p = Problem::new(OptimizationDirection::Maximize);
    let x: Vec<_> = panels.iter().map(|_| p.add_var(0.0, (0.0, 1.0))).collect();
    let lambda = p.add_var(
        if objective_person.is_none() { 1.0 } else { 0.0 },
        (0.0, f64::INFINITY),
    );
    let all: Vec<_> = x.iter().map(|v| (*v, 1.0)).collect();
    p.add_constraint(all.as_slice(), ComparisonOp::Eq, 1.0);
    let mut rows: Vec<Vec<(microlp::Variable, f64)>> = vec![Vec::new(); n];
    for (pi, panel) in panels.iter().enumerate() {
        for &i in panel {
            rows[i].push((x[pi], 1.0));
        }
    }
    let mut obj_row = None;
    for i in 0..n {
        let mut row = rows[i].clone();
        match (fixed[i], floor) {
            (Some(q), _) => {
                p.add_constraint(row.as_slice(), ComparisonOp::Ge, q - 1e-9);
            }
            (None, Some(l)) => {
                p.add_constraint(row.as_slice(), ComparisonOp::Ge, weights[i] * l - 1e-9);
            }
            (None, None) => {
                row.push((lambda, -weights[i]));
                p.add_constraint(row.as_slice(), ComparisonOp::Ge, 0.0);
            }
        }
        if objective_person == Some(i) {
            obj_row = Some(rows[i].clone());
        }
    }
    if let Some(row) = obj_row {
        let t = p.add_var(1.0, (0.0, 1.0));
        let mut r = row;
        r.push((t, -1.0));
        p.add_constraint(r.as_slice(), ComparisonOp::Ge, 0.0);
    }
    p.solve()
        .expect("lp")
        .into_solution()
        .expect("solution")
        .objective()
}

/// Exact weighted leximin by brute force (no column generation, no duals).
fn brute_force_leximin(problem: &SelectionProblem) -> Option<Vec<f64>> {
    let panels = all_panels(problem);
    if panels.is_empty() {
        return None;
    }
    let n = problem.people().len();
    let weights: Vec<f64> = problem.people().iter().map(|p| p.weight).collect();
    let mut fixed: Vec<Option<f64>> = vec![None; n];
    for (i, q) in fixed.iter_mut().enumerate() {
        if !panels.iter().any(|p| p.contains(&i)) {
            *q = Some(0.0);
        }
    }
    while fixed.iter().any(Option::is_none) {
        let level = lp(&panels, n, &weights, &fixed, None, None);
        let mut any = false;
        let candidates: Vec<usize> = (0..n).filter(|i| fixed[*i].is_none()).collect();
        for &i in &candidates {
            let best = lp(&panels, n, &weights, &fixed, Some(level), Some(i));
            if best <= weights[i] * level + 1e-7 {
                fixed[i] = Some(weights[i] * level);
                any = true;
            }
        }
        assert!(any, "a leximin level must fix someone");
    }
    Some(fixed.into_iter().map(|q| q.unwrap_or(0.0)).collect())
}

fn tight_settings() -> Settings {
    Settings {
        relative_tolerance: 1e-7,
        ..Settings::default()
    }
}

/// Returns whether the instance was feasible and whether its leximin
/// vector is unequal (so maximin alone would not reproduce it).
fn compare(problem: &SelectionProblem) -> (bool, bool) {
    compare_with(problem, &tight_settings())
}

fn compare_with(problem: &SelectionProblem, settings: &Settings) -> (bool, bool) {
    let expected = brute_force_leximin(problem);
    let got = select(problem, settings);
    match (expected, got) {
        (None, Err(SelectError::Infeasible(_))) => (false, false),
        (None, other) => panic!("brute force found no panel, engine said {other:?}"),
        (Some(_), Err(e)) => panic!("engine failed on a feasible instance: {e}"),
        (Some(exp), Ok(sel)) => {
            for (i, pp) in sel.probabilities.iter().enumerate() {
                assert!(
                    (pp.probability - exp[i]).abs() < 1e-5,
                    "person {} expected {} got {}",
                    pp.id,
                    exp[i],
                    pp.probability
                );
            }
            let total: f64 = sel.probabilities.iter().map(|p| p.probability).sum();
            assert!((total - problem.panel_size() as f64).abs() < 1e-6);
            assert!(sel.certificate.gap < 1e-5, "gap {}", sel.certificate.gap);
            assert!(sel.certificate.upper_bound + 1e-9 >= sel.certificate.min_weighted);
            let live: Vec<f64> = exp.iter().copied().filter(|p| *p > 0.0).collect();
            let spread =
                live.iter().copied().fold(0.0, f64::max) - live.iter().copied().fold(1.0, f64::min);
            (true, spread > 0.05)
        }
    }
}

#[test]
fn matches_brute_force_on_random_small_pools() {
    let (mut feasible, mut unequal) = (0, 0);
    for seed in 0..30 {
        let n = 9 + (seed % 4) as usize;
        let k = 3 + (seed % 2) as u32;
        let problem = random_problem(seed, n, k, 2 + (seed % 2) as usize);
        let (f, u) = compare(&problem);
        feasible += f as u32;
        unequal += u as u32;
    }
    // The generator must exercise feasible instances whose leximin is more
    // than one level deep.
    assert!(feasible >= 12, "only {feasible} feasible instances");
    assert!(
        unequal >= 5,
        "only {unequal} instances with unequal probabilities"
    );
}

#[test]
fn matches_brute_force_with_weights_households_and_inclusion() {
    for seed in 100..110 {
        let base = random_problem(seed, 10, 4, 2);
        let mut b = ProblemBuilder::new(4);
        for f in base.features() {
            for v in &f.values {
                b.quota(&f.name, &v.name, v.quota);
            }
        }
        for (i, p) in base.people().iter().enumerate() {
            b.person(PersonSpec {
                id: p.id.0.clone(),
                values: base
                    .features()
                    .iter()
                    .enumerate()
                    .map(|(f, feat)| (feat.name.clone(), base.value_name(i, f).to_owned()))
                    .collect(),
                weight: Some(match i % 4 {
                    0 => 0.5,
                    1 => 2.0,
                    _ => 1.0,
                }),
                group: (i == 2 || i == 3).then(|| "household".to_owned()),
                inclusion: match i {
                    9 => Inclusion::MustExclude,
                    _ => Inclusion::Eligible,
                },
            });
        }
        let problem = b.build().expect("valid");
        compare(&problem);
    }
}

#[test]
fn every_panel_in_the_lottery_meets_every_quota() {
    let problem = random_problem(7, 40, 8, 3);
    let sel = select(&problem, &Settings::default()).expect("feasible");
    let index: HashMap<_, _> = problem
        .people()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    for panel in &sel.lottery.panels {
        // Any choice of members within each group must be valid; check the
        // first and the last members of each group.
        for pick_last in [false, true] {
            let mut chosen = Vec::new();
            for &(g, seats) in &panel.seats {
                let members = &sel.lottery.groups[g];
                let it: Vec<_> = if pick_last {
                    members.iter().rev().take(seats as usize).collect()
                } else {
                    members.iter().take(seats as usize).collect()
                };
                chosen.extend(it.into_iter().map(|id| index[id]));
            }
            check_panel(&problem, &chosen).expect("valid panel");
        }
    }
    let tickets: u64 = sel.lottery.panels.iter().map(|p| p.tickets).sum();
    assert_eq!(tickets, withus_selection::TOTAL_TICKETS);
    let total: f64 = sel.probabilities.iter().map(|p| p.probability).sum();
    assert!((total - 8.0).abs() < 1e-6);
}

#[test]
fn equal_shares_when_quotas_allow() {
    // 12 people, 2 values of one feature 6/6, quotas 2..2: everyone gets 4/12.
    let mut b = ProblemBuilder::new(4);
    b.quota("g", "a", Quota::new(2, 2))
        .quota("g", "b", Quota::new(2, 2));
    for i in 0..12 {
        b.simple_person(&format!("p{i}"), &[("g", if i < 6 { "a" } else { "b" })]);
    }
    let sel = select(&b.build().unwrap(), &Settings::default()).unwrap();
    for p in &sel.probabilities {
        assert!((p.probability - 1.0 / 3.0).abs() < 1e-6);
    }
    assert!(sel.summary.gini < 1e-6);
}

#[test]
fn relaxation_fallback_reports_a_valid_bound() {
    use withus_selection::PricingMode;
    let mut checked = 0;
    for seed in [3u64, 5, 7, 8] {
        let problem = random_problem(seed, 40, 8, 3);
        let exact = match select(&problem, &tight_settings()) {
            Ok(s) => s,
            Err(_) => continue,
        };
        let fast = select(
            &problem,
            &Settings {
                pricing: PricingMode::Relaxation,
                ..tight_settings()
            },
        )
        .expect("fallback runs");
        // The fallback is never better than the optimum, and its certified
        // bound never below it.
        assert!(fast.certificate.min_weighted <= exact.certificate.min_weighted + 1e-6);
        assert!(fast.certificate.upper_bound + 1e-6 >= exact.certificate.min_weighted);
        let total: f64 = fast.probabilities.iter().map(|p| p.probability).sum();
        assert!((total - 8.0).abs() < 1e-6);
        checked += 1;
    }
    assert!(checked >= 1, "no feasible instance exercised the fallback");
}

#[cfg(feature = "highs")]
#[test]
fn highs_master_matches_brute_force() {
    let settings = Settings {
        lp_backend: withus_selection::LpBackend::Highs,
        ..tight_settings()
    };
    let mut unequal = 0;
    for seed in 0..30 {
        let problem = random_problem(seed, 9 + (seed % 4) as usize, 3 + (seed % 2) as u32, 2);
        unequal += compare_with(&problem, &settings).1 as u32;
    }
    assert!(unequal >= 3, "only {unequal} unequal instances");
}

/// Dual smoothing changes the path, never the optimum: without it, and with
/// the general-purpose LP library instead of the built-in simplex, the
/// engine still matches brute force.
#[test]
fn unsmoothed_and_microlp_runs_match_brute_force() {
    let variants = [
        Settings {
            smoothing: 0.0,
            ..tight_settings()
        },
        Settings {
            lp_backend: withus_selection::LpBackend::Microlp,
            ..tight_settings()
        },
    ];
    for settings in &variants {
        let mut unequal = 0;
        for seed in 0..20 {
            let n = 9 + (seed % 4) as usize;
            let problem = random_problem(seed, n, 3 + (seed % 2) as u32, 2);
            unequal += compare_with(&problem, settings).1 as u32;
        }
        assert!(unequal >= 3, "only {unequal} unequal instances");
    }
}
