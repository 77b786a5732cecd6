//! Differential sweep: a few hundred generated pools of both kinds (the
//! shapes of `scripts/bench-selection/generate.py`), each lottery checked
//! against the engine's own certificate (`common::sweep::check_selection`:
//! valid panels, probabilities summing to k, the minimum at the proven
//! level 0, the sorted vector meeting every proven level, an honest
//! "complete") and, on the smallest, against brute-force leximin.
//!
//! Hard pools with many person types take seconds each, so the sweep keeps
//! those it can afford in a debug build (`MAX_HARD_TYPES`, `MAX_TYPES`); the
//! long sweep (`examples/sweep_select.rs`,
//! `scripts/bench-selection/sweep.sh`) has no such cap, and the shapes that
//! sweeps of the code before the fix found broken are kept in
//! `shapes_that_lost_a_proven_level`.

mod common;

use withus_selection::{SelectError, Settings, select};

use common::pool::{Kind, Ranges, Shape, generate, sample_shapes};
use common::sweep::{brute_force_by_types, check_selection};

/// Largest number of distinct feature-value combinations kept: hard pools
/// (many levels, each with pricing MIPs) cost about ten times as much per
/// type as standard ones.
const MAX_HARD_TYPES: usize = 60;
const MAX_TYPES: usize = 150;

const RANGES: Ranges = Ranges {
    n: (60, 400),
    k: (5, 25),
    m: (4, 9),
};

fn types(problem: &withus_selection::SelectionProblem) -> usize {
    let mut seen: Vec<&Vec<usize>> = problem.people().iter().map(|p| &p.values).collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

/// Runs the shapes drawn from `seed` that fit the type caps until `want`
/// of each kind were checked; returns the failures.
fn sweep(seed: u64, want: usize) -> Vec<String> {
    let settings = Settings::default();
    let mut failures = Vec::new();
    let (mut hard, mut standard) = (0, 0);
    for shape in sample_shapes(seed, 100 * want, RANGES) {
        let (count, cap) = match shape.kind {
            Kind::Hard => (&mut hard, MAX_HARD_TYPES),
            Kind::Standard => (&mut standard, MAX_TYPES),
        };
        if *count == want {
            continue;
        }
        let problem = generate(&shape);
        if types(&problem) > cap {
            continue;
        }
        *count += 1;
        match select(&problem, &settings) {
            Err(SelectError::Infeasible(_)) => {}
            Err(e) => failures.push(format!("{shape}: {e}")),
            Ok(sel) => {
                if let Err(why) = check_selection(&problem, &sel) {
                    failures.push(format!("{shape}: {why}"));
                }
            }
        }
        if hard == want && standard == want {
            return failures;
        }
    }
    panic!("only {hard} hard and {standard} standard shapes within the type caps");
}

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} instances failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// Four parts of 25 pools of each kind, so the harness runs them in
// parallel.
#[test]
fn sweep_part_one() {
    report(sweep(1, 25));
}

#[test]
fn sweep_part_two() {
    report(sweep(2, 25));
}

#[test]
fn sweep_part_three() {
    report(sweep(3, 25));
}

#[test]
fn sweep_part_four() {
    report(sweep(5, 25));
}

/// Shapes on which the engine returned a lottery below one of its own
/// proven levels before the simplex stopped absorbing large drifts, found
/// by sweeps of hard pools of 120–230 people (about one in twenty failed
/// there; each takes 1–4 s, too many for the random part): they missed
/// level 0 itself (three) or a later level (two) by more than the
/// tolerance, all called complete.
#[test]
fn shapes_that_lost_a_proven_level() {
    let hard = |n, k, m, seed, bias| Shape {
        kind: Kind::Hard,
        n,
        k,
        m,
        seed,
        bias,
    };
    let shapes = [
        hard(187, 13, 6, 155529, 2.0),
        hard(126, 11, 6, 799274, 1.0),
        hard(217, 14, 5, 233737, 2.5),
        hard(219, 9, 6, 602721, 2.0),
        hard(185, 10, 5, 856810, 3.0),
    ];
    let failures: Vec<String> = shapes
        .iter()
        .filter_map(|shape| {
            let problem = generate(shape);
            let sel = select(&problem, &Settings::default()).expect("feasible");
            check_selection(&problem, &sel)
                .err()
                .map(|why| format!("{shape}: {why}"))
        })
        .collect();
    report(failures);
}

/// The smallest pools against brute-force leximin over every panel: hard
/// pools (standard quotas allow tens of thousands of panels at this size)
/// of 60–70 people, panels of 5–6, 4 features, with at most 2,500 panels
/// (a plain LP per type and level over all of them takes 1–2 s).
#[test]
fn smallest_pools_match_brute_force() {
    let small = Ranges {
        n: (60, 70),
        k: (5, 6),
        m: (4, 4),
    };
    let mut compared = 0;
    for shape in sample_shapes(4, 80, small) {
        if shape.kind != Kind::Hard {
            continue;
        }
        let problem = generate(&shape);
        let Some(expected) = brute_force_by_types(&problem, 2500) else {
            continue;
        };
        let sel = match select(&problem, &Settings::default()) {
            Ok(sel) => sel,
            Err(e) => panic!("{shape}: {e}"),
        };
        check_selection(&problem, &sel).unwrap_or_else(|why| panic!("{shape}: {why}"));
        for (pp, want) in sel.probabilities.iter().zip(&expected) {
            assert!(
                (pp.probability - want).abs() < 1e-5,
                "{shape}: {} has {} where leximin gives {want}",
                pp.id,
                pp.probability
            );
        }
        compared += 1;
        if compared == 4 {
            break;
        }
    }
    assert!(
        compared >= 4,
        "only {compared} pools small enough to enumerate"
    );
}
