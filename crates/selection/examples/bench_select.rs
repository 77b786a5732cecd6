//! Benchmark driver: runs the engine on CSV files and prints one JSON line
//! with timing, certificate, summary and the sorted probability vector.
//!
//! `bench_select PEOPLE FEATURES K BUDGET_SECONDS [maximin|leximin] [exact|relaxation|auto] [simplex|microlp|highs]`

use std::path::Path;
use std::time::{Duration, Instant};

use withus_selection::cli::load_problem;
use withus_selection::{LpBackend, PricingMode, Settings, select};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 5 {
        eprintln!(
            "usage: bench_select PEOPLE FEATURES K BUDGET_SECONDS [maximin|leximin] [exact|relaxation|auto]"
        );
        std::process::exit(2);
    }
    let k: u32 = a[3].parse().expect("K");
    let budget: f64 = a[4].parse().expect("budget");
    let problem = load_problem(Path::new(&a[1]), Path::new(&a[2]), "id", k).expect("load");
    let settings = Settings {
        time_budget: Duration::from_secs_f64(budget),
        maximin_only: a.get(5).is_some_and(|m| m == "maximin"),
        pricing: match a.get(6).map(String::as_str) {
            Some("exact") => PricingMode::Exact,
            Some("relaxation") => PricingMode::Relaxation,
            _ => PricingMode::Auto,
        },
        lp_backend: match a.get(7).map(String::as_str) {
            Some("highs") => LpBackend::Highs,
            Some("microlp") => LpBackend::Microlp,
            _ => LpBackend::Simplex,
        },
        // Dual smoothing weight, for experiments (default: the engine's).
        smoothing: std::env::var("SMOOTHING")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(Settings::default().smoothing),
        ..Settings::default()
    };
    let start = Instant::now();
    match select(&problem, &settings) {
        Ok(sel) => {
            let mut probs: Vec<f64> = sel.probabilities.iter().map(|p| p.probability).collect();
            probs.sort_by(f64::total_cmp);
            let out = serde_json::json!({
                "engine": "withus",
                "wall_seconds": start.elapsed().as_secs_f64(),
                "certificate": sel.certificate,
                "summary": {
                    "gini": sel.summary.gini,
                    "geometric_mean": sel.summary.geometric_mean,
                    "max_probability": sel.summary.max_probability,
                    "total": sel.summary.total,
                    "support_size": sel.summary.support_size,
                    "never_selectable": sel.summary.never_selectable.len(),
                },
                "stats": sel.stats,
                "sorted_probabilities": probs,
            });
            println!("{out}");
        }
        Err(e) => {
            println!(
                "{}",
                serde_json::json!({"engine": "withus", "error": e.to_string(), "wall_seconds": start.elapsed().as_secs_f64()})
            );
        }
    }
}
