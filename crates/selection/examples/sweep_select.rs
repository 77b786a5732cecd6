//! Long differential sweep: generated pools (see `tests/common/pool.rs`),
//! each selection checked against its own certificate as in the test
//! suite's sweep (`tests/sweep.rs`). One line per instance that fails or is
//! incomplete, then a summary line.
//!
//! `sweep_select COUNT SEED N_MIN N_MAX K_MIN K_MAX M_MIN M_MAX [BUDGET_SECONDS]`
//!
//! With `SWEEP_SHAPE="KIND N K M SEED BIAS"` (e.g. `hard 187 13 6 155529 2`)
//! it runs that one shape COUNT times instead (SEED and the ranges are
//! ignored), to see whether a failure repeats.
//!
//! Run by `scripts/bench-selection/sweep.sh`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use common::pool::{Kind, Ranges, Shape, generate, sample_shapes};
use common::sweep::check_selection;
use withus_selection::{SelectError, Settings, select};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 9 {
        eprintln!(
            "usage: sweep_select COUNT SEED N_MIN N_MAX K_MIN K_MAX M_MIN M_MAX [BUDGET_SECONDS]"
        );
        std::process::exit(2);
    }
    let num = |i: usize| -> u64 { a[i].parse().expect("a number") };
    let ranges = Ranges {
        n: (num(3) as usize, num(4) as usize),
        k: (num(5) as u32, num(6) as u32),
        m: (num(7) as usize, num(8) as usize),
    };
    let budget = a.get(9).map_or(120.0, |b| b.parse().expect("budget"));
    let settings = Settings {
        time_budget: Duration::from_secs_f64(budget),
        ..Settings::default()
    };
    let verbose = std::env::var_os("SWEEP_VERBOSE").is_some();
    let start = Instant::now();
    let (mut checked, mut failed, mut infeasible, mut incomplete) = (0, 0, 0, 0);
    let mut worst_shortfall: f64 = 0.0;
    let mut slowest = (0.0, String::new());
    let shapes = match std::env::var("SWEEP_SHAPE") {
        Ok(spec) => vec![parse_shape(&spec); num(1) as usize],
        Err(_) => sample_shapes(num(2), num(1) as usize, ranges),
    };
    for shape in shapes {
        let problem = generate(&shape);
        let t = Instant::now();
        let result = select(&problem, &settings);
        let secs = t.elapsed().as_secs_f64();
        if secs > slowest.0 {
            slowest = (secs, shape.to_string());
        }
        match result {
            Err(SelectError::Infeasible(_)) => infeasible += 1,
            Err(e) => {
                failed += 1;
                println!("FAIL {shape}: {secs:.2}s error: {e}");
            }
            Ok(sel) => {
                checked += 1;
                let c = &sel.certificate;
                if let Some(l0) = c.levels.first() {
                    worst_shortfall =
                        worst_shortfall.max((l0.value - c.min_weighted) / c.tolerance);
                }
                let verdict = check_selection(&problem, &sel);
                if verbose {
                    println!(
                        "RUN {shape}: {secs:.2}s types {} levels {} complete {}",
                        sel.stats.types,
                        c.levels.len(),
                        c.leximin_complete
                    );
                }
                if !c.leximin_complete {
                    incomplete += 1;
                }
                if let Err(why) = &verdict {
                    failed += 1;
                    println!("FAIL {shape}: {secs:.2}s {why}");
                } else if !c.leximin_complete {
                    println!(
                        "INCOMPLETE {shape}: {secs:.2}s min {:.9} gap {:.3e} levels {}",
                        c.min_weighted,
                        c.gap,
                        c.levels.len()
                    );
                }
            }
        }
    }
    println!(
        "SUMMARY instances {} checked {checked} infeasible {infeasible} failed {failed} incomplete {incomplete} worst level-0 shortfall {worst_shortfall:.3} tolerances, slowest {:.1}s ({}), total {:.0}s",
        num(1),
        slowest.0,
        slowest.1,
        start.elapsed().as_secs_f64()
    );
}

fn parse_shape(spec: &str) -> Shape {
    let f: Vec<&str> = spec.split_whitespace().collect();
    assert_eq!(f.len(), 6, "SWEEP_SHAPE is KIND N K M SEED BIAS");
    Shape {
        kind: if f[0] == "hard" {
            Kind::Hard
        } else {
            Kind::Standard
        },
        n: f[1].parse().expect("N"),
        k: f[2].parse().expect("K"),
        m: f[3].parse().expect("M"),
        seed: f[4].parse().expect("SEED"),
        bias: f[5].parse().expect("BIAS"),
    }
}
