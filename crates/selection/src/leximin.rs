//! Weighted leximin by column generation (Flanigan et al., Nature 2021),
//! over type counts.
//!
//! Each level solves the dual of "maximise λ such that every unfixed type
//! gets probability ≥ w_t·λ and every fixed type its fixed value":
//!
//! ```text
//! min ŷ − Σ_{t fixed} q_t·n_t·u_t
//! s.t. Σ_t c_{P,t}·u_t ≤ ŷ      for every known panel P
//!      Σ_{t unfixed} w_t·n_t·u_t = 1,   u ≥ 0
//! ```
//!
//! where `u_t` is the dual value of one person of type `t`. Pricing looks for
//! a panel with `Σ c_t·u_t > ŷ`; when none exists (within the tolerance) the
//! level is solved and every unfixed type with a positive dual is fixed at
//! the level, since a positive dual binds in every optimal primal. Any
//! upper bound π on the pricing problem gives a certified bound on the
//! level: `λ ≤ D + max(0, π − ŷ)`, D being the restricted optimum.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use crate::instance::Instance;
use crate::lp::{LevelData, Lp, LpBackend, Master, MasterPoint, Row, Spec};
use crate::pricing::{self, Counts, MipAnswer};
use crate::simplex::PERTURB;
use crate::stabilise::Smoothing;

/// Relative right-hand-side perturbations of a master rebuilt after the
/// simplex stalled, tried in turn (the default is 10⁻⁸).
const RESCUE_PERTURBATIONS: [f64; 2] = [1e-7, 1e-6];

/// Smallest shortfall from a proven level that is checked for (see
/// `solve`): levels are fixed 10⁻⁷·(1 + λ) below their value and a master
/// may miss a fixed row by 2·10⁻⁸·(1 + q), so tighter tolerances cannot be
/// held to.
const MIN_SLACK: f64 = 1e-6;

/// Share of a level's open gap (certified bound − restricted optimum) that
/// a pricing MIP may leave unproven: 0.05 and 0.5 both took longer than
/// 0.2 on hard 2000/110 m8 (88 s and 111 s against 80 s; fewer MIP nodes
/// against more rounds), measured before `DIVERSE_PANELS` existed.
const PRICING_GAP_SHARE: f64 = 0.2;

/// Extra pricing MIPs per round (see `Engine::diverse_panels`). Without
/// them, with 5 and with 10: standard 1000/40 leximin 50, 23.6 and 18.2
/// CPU s; hard 1000/40 leximin 57.6 (5) and 41.5 (10); hard 2000/110 m8
/// maximin 80, 57 and 52 s (20 gave 17.2 s on standard 1000/40).
const DIVERSE_PANELS: usize = 10;

/// Relative gap of those MIPs: any panel above the master's bound will do.
const DIVERSE_GAP: f64 = 0.05;

/// How pricing proves that no better panel exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PricingMode {
    /// Exact MIP up to 5,000 person types, relaxation bounds beyond.
    Auto,
    /// Prove every level with the exact integer program.
    Exact,
    /// Fast fallback: heuristic columns, certified by the LP relaxation
    /// (a looser bound, so the reported gap can be larger).
    Relaxation,
}

/// Tuning for one run.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Settings {
    /// Wall-clock budget for the whole computation; the best distribution
    /// found so far is returned when it runs out, with its certified gap.
    pub time_budget: Duration,
    /// Tolerance of each level, relative to the average share k/Σw.
    pub relative_tolerance: f64,
    /// Limit for one exact pricing call.
    pub mip_time_limit: Duration,
    pub pricing: PricingMode,
    /// Stop after the first level (maximin) instead of full leximin.
    pub maximin_only: bool,
    /// LP solver for the master problems.
    pub lp_backend: LpBackend,
    /// Weight of the best dual point in the smoothed pricing point (0 turns
    /// smoothing off; see the `stabilise` module).
    #[serde(default = "default_smoothing")]
    pub smoothing: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            time_budget: Duration::from_secs(600),
            relative_tolerance: 5e-4,
            mip_time_limit: Duration::from_secs(60),
            pricing: PricingMode::Auto,
            maximin_only: false,
            lp_backend: LpBackend::best_available(),
            smoothing: default_smoothing(),
        }
    }
}

fn default_smoothing() -> f64 {
    0.8
}

/// Counters for reports and benchmarks. Fields missing from stored JSON
/// (written by an older version) read as zero.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RunStats {
    pub levels: u32,
    pub panels_generated: usize,
    pub lp_solves: u32,
    pub lp_seconds: f64,
    /// Iterations of the built-in simplex (0 with other LP backends).
    pub lp_pivots: u64,
    /// Largest right-hand-side move the built-in simplex made to absorb
    /// round-off (see `Simplex::absorb_drift`); bounds how far a fixed
    /// value can be missed beyond the perturbation.
    pub lp_drift: f64,
    pub mip_solves: u32,
    pub mip_seconds: f64,
    pub heuristic_columns: u32,
    pub initial_seconds: f64,
    /// When the first level (maximin) ended, from the start of the run.
    pub maximin_seconds: f64,
    pub total_seconds: f64,
    pub types: usize,
}

/// The engine's answer over types.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub panels: Vec<(Counts, f64)>,
    /// Per-person probability of each type.
    pub type_probability: Vec<f64>,
    /// Certified upper bound on min_t p_t/w_t (the maximin value).
    pub maximin_bound: f64,
    /// Whether every level was proven within the tolerance.
    pub complete: bool,
    pub stats: RunStats,
    /// Types that no valid panel can contain.
    pub impossible: Vec<usize>,
    /// The levels the distribution keeps, lowest first.
    pub levels: Vec<LevelRecord>,
    /// How far below a level's value the distribution may fall (in
    /// `p/w`): the level's tolerance, at least `MIN_SLACK`.
    pub slack: f64,
}

/// One solved level: the weighted value `λ` its master reached, a
/// certified bound on it, and the types fixed at it (each gets at least
/// `w_t·λ`, up to the tolerance, in the returned distribution).
#[derive(Debug, Clone)]
pub(crate) struct LevelRecord {
    pub value: f64,
    pub bound: f64,
    pub types: Vec<usize>,
}

/// The engine failed for a reason other than infeasible quotas.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SolveError {
    #[error("the solver failed: {0}")]
    Numerical(String),
    #[error("no panel was found within the time budget")]
    OutOfTime,
}

/// Panels with their probabilities, and each type's per-person probability.
type Distribution = (Vec<(Counts, f64)>, Vec<f64>);

struct Engine<'a> {
    inst: &'a Instance,
    settings: &'a Settings,
    deadline: Instant,
    panels: Vec<Counts>,
    seen: HashSet<Counts>,
    /// Indices of the panels in the current level's LP.
    active: Vec<usize>,
    /// Weight of each known panel in the last solved level's distribution
    /// (a feasible start for the next level).
    last_weights: Vec<f64>,
    stats: RunStats,
    exact: bool,
    rng: u64,
}

/// Deterministic xorshift: tie-breaking noise only, never the draw.
fn next_unit(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

pub(crate) fn solve(
    inst: &Instance,
    settings: &Settings,
    first_panel: Counts,
) -> Result<Outcome, SolveError> {
    let start = Instant::now();
    let exact = match settings.pricing {
        PricingMode::Exact => true,
        PricingMode::Relaxation => false,
        // Exact pricing certifies a bound every round (see `stabilise`);
        // beyond a few thousand types the MIP gets too slow to prove.
        PricingMode::Auto => inst.types.len() <= 5000,
    };
    let mut e = Engine {
        inst,
        settings,
        deadline: start + settings.time_budget,
        panels: Vec::new(),
        seen: HashSet::new(),
        active: Vec::new(),
        last_weights: Vec::new(),
        stats: RunStats {
            types: inst.types.len(),
            ..RunStats::default()
        },
        exact,
        rng: 0x9E37_79B9_7F4A_7C15,
    };
    e.add_panel(first_panel);
    let impossible = e.initial_columns()?;
    e.stats.initial_seconds = start.elapsed().as_secs_f64();

    let nt = inst.types.len();
    let mut fixed: Vec<Option<f64>> = vec![None; nt];
    for (q, ty) in fixed.iter_mut().zip(&inst.types) {
        if ty.forced == ty.size() {
            *q = Some(1.0);
        }
    }
    for &t in &impossible {
        fixed[t] = Some(0.0);
    }
    // Seats left once must-include people are seated, shared by the rest.
    let forced_seats: u32 = inst.types.iter().map(|t| t.forced).sum();
    let open_seats = inst.k.saturating_sub(forced_seats) as f64;
    let open_weight: f64 = (0..nt)
        .filter(|t| fixed[*t].is_none())
        .map(|t| inst.types[t].weight * inst.types[t].size() as f64)
        .sum();
    let tolerance = settings.relative_tolerance * inst.k as f64 / open_weight.max(1e-12);
    // How far the distribution may fall short of a level: the tolerance,
    // but never below what fixing a level (10⁻⁷ below its value) and the
    // masters' perturbation already take.
    let slack = tolerance.max(MIN_SLACK);
    // The weighted average share caps the minimum.
    let mut maximin_bound = if open_weight > 0.0 {
        open_seats / open_weight
    } else {
        f64::INFINITY
    };
    let mut complete = !settings.maximin_only;
    let mut first = true;
    let trace = std::env::var_os("WITHUS_TRACE").is_some();
    // The levels solved so far and the level each type was fixed at.
    let mut levels: Vec<LevelRecord> = Vec::new();
    // The last distribution checked to keep every level in `levels`
    // (weights over `e.panels`); what the run falls back to.
    let mut kept: Option<Vec<f64>> = None;
    while fixed.iter().any(Option::is_none) {
        let (t_level, lp0, mip0, lps0, mips0) = (
            Instant::now(),
            e.stats.lp_solves,
            e.stats.mip_solves,
            e.stats.lp_seconds,
            e.stats.mip_seconds,
        );
        let level = match e.level(&fixed, tolerance) {
            Ok(level) => level,
            // A later level the solver cannot finish leaves the levels
            // before it proven: their distribution is the answer, marked
            // incomplete.
            Err(SolveError::Numerical(why)) if !first && kept.is_some() => {
                if trace {
                    eprintln!("level {} abandoned: {why}", e.stats.levels);
                }
                complete = false;
                break;
            }
            Err(err) => return Err(err),
        };
        if trace {
            eprintln!(
                "level {} value {:.6} bound {:.6} {:?}: lp {} ({:.2}s, {} pivots total) mip {} ({:.2}s) panels {} active {}",
                e.stats.levels,
                level.value,
                level.bound,
                t_level.elapsed(),
                e.stats.lp_solves - lp0,
                e.stats.lp_seconds - lps0,
                e.stats.lp_pivots,
                e.stats.mip_solves - mip0,
                e.stats.mip_seconds - mips0,
                e.panels.len(),
                e.active.len()
            );
        }
        e.stats.levels += 1;
        let level_bound = if first {
            e.stats.maximin_seconds = start.elapsed().as_secs_f64();
            maximin_bound = maximin_bound.min(level.bound);
            first = false;
            maximin_bound
        } else {
            level.bound
        };
        // Fix at the restricted optimum minus round-off, which the known
        // panels achieve, so later levels stay feasible.
        let value = (level.value - 1e-7 * (1.0 + level.value)).max(0.0);
        let unfixed: Vec<usize> = (0..nt).filter(|t| fixed[*t].is_none()).collect();
        let last = !level.converged || settings.maximin_only;
        let newly: Vec<usize> = if last {
            // Out of time (or maximin only): everyone left keeps the level
            // the known panels already guarantee.
            if !level.converged {
                complete = false;
            }
            unfixed.clone()
        } else {
            let dual_mass = |t: usize| level.duals[t] * inst.types[t].size() as f64;
            // A type whose weighted level reaches 1 is certain to be chosen,
            // dual or not: fixing those one level at a time cost hard
            // 2000/110 four levels and 28 s at the top.
            let certain = |t: usize| inst.types[t].weight * level.value >= 1.0 - 1e-9;
            let mut chosen: Vec<usize> = unfixed
                .iter()
                .copied()
                .filter(|&t| dual_mass(t) > 1e-9 || certain(t))
                .collect();
            if chosen.is_empty() {
                let best = unfixed
                    .iter()
                    .copied()
                    .max_by(|a, b| dual_mass(*a).total_cmp(&dual_mass(*b)))
                    .unwrap_or(unfixed[0]);
                chosen.push(best);
            }
            chosen
        };
        let fixed_before = fixed.clone();
        for &t in &newly {
            fixed[t] = Some(inst.types[t].weight * value);
        }
        levels.push(LevelRecord {
            value: level.value,
            bound: level_bound,
            types: newly,
        });
        // The level's distribution must keep every level proven so far,
        // this one included; one that does not (a master whose right-hand
        // side moved, a rescue that missed by more than its perturbation)
        // is replaced by the closest distribution over the known panels,
        // and if that fails too, the run stops at the last distribution
        // that kept them all.
        if let Some((_, achieved)) = e.master_distribution() {
            let mut broken = e.broken_level(&levels, &achieved, slack);
            if let Some((l, t, miss)) = broken {
                if trace {
                    eprintln!(
                        "level {}'s distribution misses level {l} by {miss:e} (type {t}): repairing",
                        levels.len() - 1
                    );
                }
                // First the level's master rebuilt with a larger
                // perturbation (as after a stall), then the closest
                // distribution over every known panel.
                let original = e.last_weights.clone();
                for attempt in 0..2 {
                    let weights = if attempt == 0 {
                        e.rebuilt_weights(&fixed_before)
                    } else {
                        let targets: Vec<f64> = (0..nt)
                            .map(|t| fixed[t].unwrap_or(inst.types[t].weight * value))
                            .collect();
                        e.closest_weights(&targets)
                    };
                    let Ok(weights) = weights else { continue };
                    e.last_weights = weights;
                    broken = e
                        .master_distribution()
                        .and_then(|(_, p)| e.broken_level(&levels, &p, slack));
                    if broken.is_none() {
                        break;
                    }
                    e.last_weights = original.clone();
                }
            }
            if let Some((l, t, miss)) = broken {
                if trace {
                    eprintln!(
                        "level {} cannot be kept without lowering level {l} (type {t}, by {miss:e}): stopping at level {}",
                        levels.len() - 1,
                        levels.len() - 1
                    );
                }
                complete = false;
                // Back to the distribution that kept the levels before this
                // one (this level is then not reached, so not listed); with
                // none before it, this one stays, listed and missed.
                if let Some(w) = kept.take() {
                    levels.pop();
                    e.last_weights = w;
                    kept = Some(e.last_weights.clone());
                }
                break;
            }
            kept = Some(e.last_weights.clone());
            if !level.converged {
                // Out of time: the level is reached, not proven, and the
                // distribution may have moved past the master's last
                // optimum (it is read mid-solve); record what it gives.
                if let (Some(record), Some((_, now))) = (levels.last_mut(), e.master_distribution())
                {
                    let reached = record
                        .types
                        .iter()
                        .map(|&t| now[t] / inst.types[t].weight)
                        .fold(f64::INFINITY, f64::min);
                    if reached.is_finite() {
                        record.value = reached;
                    }
                }
            }
        }
        if last {
            break;
        }
        if let Some((_, achieved)) = e.master_distribution() {
            lower_missed_values(&mut fixed, &achieved);
        }
    }
    if let Some(w) = kept {
        e.last_weights = w;
    }
    let targets: Vec<f64> = fixed.iter().map(|q| q.unwrap_or(0.0)).collect();
    let (panels, type_probability) = match e.master_distribution() {
        Some(d) => d,
        None => e.final_primal(&targets)?,
    };
    if e.broken_level(&levels, &type_probability, tolerance)
        .is_some()
    {
        complete = false;
    }
    e.stats.panels_generated = e.panels.len();
    e.stats.total_seconds = start.elapsed().as_secs_f64();
    Ok(Outcome {
        panels,
        type_probability,
        maximin_bound,
        complete,
        levels,
        slack,
        stats: e.stats,
        impossible,
    })
}

/// Brings each fixed value the distribution missed by more than the
/// master's own perturbation allows down to what it achieved. A master
/// rebuilt with a larger perturbation may miss a row by up to 2·10⁻⁶, and
/// the next level, perturbed by only 10⁻⁸, would be infeasible. Values
/// missed by less are left alone: lowering every value to what is achieved
/// drifted the minimum by 2·10⁻⁶ over 30 levels.
fn lower_missed_values(fixed: &mut [Option<f64>], achieved: &[f64]) {
    for (q, p) in fixed.iter_mut().zip(achieved) {
        if let Some(q) = q.as_mut() {
            // The perturbation moves a row by 1–2 allowances, so a value
            // one allowance above what is achieved stays feasible.
            let allowance = PERTURB * (1.0 + *q);
            if *p < *q - 2.0 * allowance {
                *q = p + allowance;
            }
        }
    }
}

/// What a round of exact pricing established.
enum Priced {
    /// The level is solved; the duals to fix types by.
    Converged(Vec<f64>),
    /// Not yet: new panels (if any) were found.
    Open,
}

struct Level {
    value: f64,
    bound: f64,
    converged: bool,
    duals: Vec<f64>,
}

impl Engine<'_> {
    fn add_panel(&mut self, p: Counts) -> bool {
        if self.seen.insert(p.clone()) {
            self.panels.push(p);
            true
        } else {
            false
        }
    }

    fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// One pricing MIP. An impatient call stops at the relative `gap` and
    /// after ten times the average call so far (at least 0.2 s): now and
    /// then one set of values takes microlp's branch and bound a thousand
    /// times longer than the rest (hard 1000/40: 42 s against 50 ms), and
    /// the next round's values rarely do.
    fn mip(&mut self, obj: &[f64], warm: Option<&[u32]>, gap: f64, patient: bool) -> MipAnswer {
        let t = Instant::now();
        let mut limit = self.settings.mip_time_limit.min(self.remaining());
        if !patient && self.stats.mip_solves > 0 {
            let mean = self.stats.mip_seconds / self.stats.mip_solves as f64;
            limit = limit.min(Duration::from_secs_f64((10.0 * mean).max(0.2)));
        }
        let answer = pricing::solve_mip(self.inst, obj, limit, warm, gap);
        self.stats.mip_solves += 1;
        self.stats.mip_seconds += t.elapsed().as_secs_f64();
        answer
    }

    /// Multiplicative-weights panels by local search (cheap), then exact
    /// coverage: every type that can be on some panel gets one.
    fn initial_columns(&mut self) -> Result<Vec<usize>, SolveError> {
        let inst = self.inst;
        let nt = inst.types.len();
        let mut w: Vec<f64> = (0..nt)
            .map(|_| 0.99 + 0.01 * next_unit(&mut self.rng))
            .collect();
        // More rounds only enlarge the master LP: with smoothing, hard
        // 1000/40 needed half the CPU time with 100 rounds than with 400
        // (20 left so much uncovered that the covering MIPs took minutes).
        let rounds = (2 * nt).clamp(20, 100);
        let mut current = self.panels[0].clone();
        for _ in 0..rounds {
            if self.remaining().is_zero() {
                break;
            }
            let order = pricing::by_value(&w);
            current = pricing::local_search(inst, &w, &current, &order);
            for (t, &c) in current.iter().enumerate() {
                if c > 0 {
                    w[t] *= 0.8f64.powf(c as f64 / inst.types[t].size() as f64);
                }
            }
            let total: f64 = w.iter().sum();
            w.iter_mut().for_each(|x| *x *= nt as f64 / total);
            self.add_panel(current.clone());
        }
        let mut covered = vec![false; nt];
        for p in &self.panels {
            for (t, &c) in p.iter().enumerate() {
                covered[t] |= c > 0;
            }
        }
        loop {
            let uncovered: Vec<usize> = (0..nt).filter(|t| !covered[*t]).collect();
            if uncovered.is_empty() {
                return Ok(Vec::new());
            }
            let mut obj = vec![0.0; nt];
            for &t in &uncovered {
                obj[t] = 1.0 + 0.01 * next_unit(&mut self.rng);
            }
            // Any panel covering some of them will do: proving the best
            // cover optimal took a full minute on hard 2000/110 m8. The
            // proof that nobody left can be covered is kept (an incumbent of
            // 0 is never within a relative gap of a positive bound).
            match self.mip(&obj, None, 0.5, true) {
                MipAnswer::Found {
                    panel,
                    value,
                    bound,
                } => {
                    if value < 0.5 && bound < 0.5 {
                        return Ok(uncovered);
                    }
                    if value < 0.5 {
                        // Timed out before proving anything: give up on the
                        // rest rather than loop; they start at probability 0.
                        return Ok(uncovered);
                    }
                    for (t, &c) in panel.iter().enumerate() {
                        covered[t] |= c > 0;
                    }
                    self.add_panel(panel);
                }
                MipAnswer::NoPanel { .. } => return Ok(uncovered),
                MipAnswer::Infeasible => {
                    return Err(SolveError::Numerical("quotas became infeasible".into()));
                }
                MipAnswer::Failed(m) => return Err(SolveError::Numerical(m)),
            }
        }
    }

    fn timed<T>(&mut self, f: impl FnOnce() -> Result<T, SolveError>) -> Result<T, SolveError> {
        let t0 = Instant::now();
        let r = f();
        self.stats.lp_solves += 1;
        self.stats.lp_seconds += t0.elapsed().as_secs_f64();
        r
    }

    /// Solves one level. The LP holds only an active subset of the known
    /// panels (the rows tight at the previous level, then any known panel
    /// the duals show violated), which keeps re-solves cheap.
    fn level(&mut self, fixed: &[Option<f64>], tolerance: f64) -> Result<Level, SolveError> {
        let inst = self.inst;
        if self.active.is_empty() {
            self.active = (0..self.panels.len()).collect();
        }
        let mut in_lp = vec![false; self.panels.len()];
        for &i in &self.active {
            in_lp[i] = true;
        }
        let sizes: Vec<f64> = inst.types.iter().map(|t| t.size() as f64).collect();
        let weights: Vec<f64> = inst.types.iter().map(|t| t.weight).collect();
        let start_for = |active: &[usize], last: &[f64]| -> Vec<f64> {
            active
                .iter()
                .map(|i| last.get(*i).copied().unwrap_or(0.0))
                .collect()
        };
        let start = start_for(&self.active, &self.last_weights);
        let data = LevelData {
            sizes: &sizes,
            weights: &weights,
            fixed,
            start: Some(&start),
            perturbation: None,
        };
        let (backend, limit) = (self.settings.lp_backend, self.remaining());
        let first = {
            let panels: Vec<&[u32]> = self
                .active
                .iter()
                .map(|i| self.panels[*i].as_slice())
                .collect();
            let t0 = Instant::now();
            let r = Master::solve(&data, &panels, backend, limit);
            self.stats.lp_solves += 1;
            self.stats.lp_seconds += t0.elapsed().as_secs_f64();
            r
        };
        let first = match first {
            // Round-off can leave the fixed values just out of reach of the
            // kept panels: retry with every known panel.
            Err(SolveError::Numerical(_)) if self.active.len() < self.panels.len() => {
                self.active = (0..self.panels.len()).collect();
                in_lp = vec![true; self.panels.len()];
                let panels: Vec<&[u32]> = self.panels.iter().map(Vec::as_slice).collect();
                let start = start_for(&self.active, &self.last_weights);
                let data = LevelData {
                    start: Some(&start),
                    ..data
                };
                match Master::solve(&data, &panels, backend, limit) {
                    Err(SolveError::Numerical(_)) if backend == LpBackend::Simplex => {
                        self.rescue_master(&data)
                    }
                    other => other,
                }
            }
            Err(SolveError::Numerical(_)) if backend == LpBackend::Simplex => {
                self.rescue_master(&data)
            }
            other => other,
        };
        let (mut lp, mut point) = match first {
            Ok(solved) => solved,
            // Out of time before the first optimum: nothing proven, no
            // level; the last level's distribution stands.
            Err(SolveError::OutOfTime) => {
                return Ok(Level {
                    value: 0.0,
                    bound: f64::INFINITY,
                    converged: false,
                    duals: vec![0.0; inst.types.len()],
                });
            }
            Err(e) => return Err(e),
        };
        let mut bound = f64::INFINITY;
        let mut smooth = Smoothing::new(self.settings.smoothing);
        loop {
            let duals = point.duals.clone();
            let y = point.yhat;
            let value = point.value;
            let level_at = |pi: f64| value + (pi - y).max(0.0);
            let done = |converged: bool, bound: f64, duals: Vec<f64>| Level {
                value,
                bound,
                converged,
                duals,
            };
            if self.remaining().is_zero() {
                self.remember(&lp);
                return Ok(done(false, bound, duals));
            }
            // Known panels violated by the duals go in first, in a batch.
            let mut scored: Vec<(f64, usize)> = self
                .panels
                .iter()
                .enumerate()
                .map(|(i, p)| (pricing::value_of(&duals, p), i))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            let pool: Vec<usize> = scored
                .iter()
                .filter(|(v, i)| !in_lp[*i] && *v > y + tolerance)
                .take(self.batch())
                .map(|(_, i)| *i)
                .collect();
            if !pool.is_empty() {
                for &i in &pool {
                    in_lp[i] = true;
                    self.active.push(i);
                }
                match self.re_solve(&mut lp, &data, &pool)? {
                    Some(p) => point = p,
                    None => return Ok(done(false, bound, duals)),
                }
                continue;
            }
            let order = pricing::by_value(&duals);
            let mut new_panels = Vec::new();
            for &(_, i) in scored.iter().take(4) {
                let cand = pricing::local_search(inst, &duals, &self.panels[i], &order);
                if pricing::value_of(&duals, &cand) > y + tolerance && !self.seen.contains(&cand) {
                    new_panels.push(cand);
                }
            }
            new_panels.sort();
            new_panels.dedup();
            self.stats.heuristic_columns += new_panels.len() as u32;
            if self.exact {
                match self.price_exact(
                    &duals,
                    y,
                    value,
                    tolerance,
                    fixed,
                    &mut smooth,
                    &mut new_panels,
                    &mut bound,
                )? {
                    Priced::Converged(centre) => {
                        self.remember(&lp);
                        self.keep_tight(&duals, y);
                        return Ok(done(true, bound, centre));
                    }
                    Priced::Open => {}
                }
            }
            if new_panels.is_empty() && !self.exact {
                // Relaxation mode: the pricing LP relaxation bounds the
                // level, and a short MIP may still find a column.
                if let Some(pb) = pricing::relaxation_bound(inst, &duals, self.remaining()) {
                    bound = bound.min(level_at(pb));
                    if pb <= y + tolerance {
                        self.remember(&lp);
                        self.keep_tight(&duals, y);
                        return Ok(done(true, bound, duals));
                    }
                }
                let warm = scored.first().map(|(_, i)| self.panels[*i].clone());
                let limit = Duration::from_secs(2).min(self.remaining());
                let t = Instant::now();
                let a = pricing::solve_mip(inst, &duals, limit, warm.as_deref(), 0.0);
                self.stats.mip_solves += 1;
                self.stats.mip_seconds += t.elapsed().as_secs_f64();
                if let MipAnswer::Found {
                    panel, value: pv, ..
                } = a
                    && pv > y + tolerance
                    && !self.seen.contains(&panel)
                {
                    new_panels.push(panel);
                }
            }
            if new_panels.is_empty() {
                // Neither proof nor column (time limit): stop the level.
                self.remember(&lp);
                return Ok(done(false, bound, duals));
            }
            if self.exact {
                self.diverse_panels(&duals, y + tolerance, &mut new_panels);
            }
            let first_new = self.panels.len();
            for p in new_panels {
                if self.add_panel(p) {
                    in_lp.push(true);
                    self.active.push(self.panels.len() - 1);
                }
            }
            let added: Vec<usize> = (first_new..self.panels.len()).collect();
            match self.re_solve(&mut lp, &data, &added)? {
                Some(p) => point = p,
                None => return Ok(done(false, bound, duals)),
            }
        }
    }

    /// Adds the known panels `added` to the level's master and re-solves
    /// it, rebuilding a master the simplex gave up on. `None` when the
    /// budget ran out: the distribution reached so far is remembered, or
    /// the last level's stands if the rebuild was cut short.
    fn re_solve(
        &mut self,
        lp: &mut Master,
        data: &LevelData<'_>,
        added: &[usize],
    ) -> Result<Option<MasterPoint>, SolveError> {
        let t0 = Instant::now();
        let result = {
            let panels: Vec<&[u32]> = added.iter().map(|i| self.panels[*i].as_slice()).collect();
            lp.add_panels(&panels)
        };
        let point = match result {
            Err(SolveError::OutOfTime) => {
                self.remember(lp);
                return Ok(None);
            }
            Err(SolveError::Numerical(_)) if self.settings.lp_backend == LpBackend::Simplex => {
                match self.rescue_master(data) {
                    Ok((rebuilt, point)) => {
                        *lp = rebuilt;
                        point
                    }
                    Err(SolveError::OutOfTime) => return Ok(None),
                    Err(e) => return Err(e),
                }
            }
            other => other?,
        };
        self.stats.lp_solves += 1;
        self.stats.lp_seconds += t0.elapsed().as_secs_f64();
        Ok(Some(point))
    }

    /// One round of exact pricing with dual smoothing: prices at the
    /// smoothed point, moving towards the master's duals after each
    /// mispricing, until a panel improves the master (it goes to
    /// `new_panels`) or the level's bound is within the tolerance of the
    /// restricted optimum `value`. Every call's bound tightens `bound`.
    #[allow(clippy::too_many_arguments)]
    fn price_exact(
        &mut self,
        duals: &[f64],
        y: f64,
        value: f64,
        tolerance: f64,
        fixed: &[Option<f64>],
        smooth: &mut Smoothing,
        new_panels: &mut Vec<Counts>,
        bound: &mut f64,
    ) -> Result<Priced, SolveError> {
        let inst = self.inst;
        // L(v) = π(v) − Σ_{t fixed} q_t·n_t·v_t bounds the level for any
        // normalised v ≥ 0.
        let fixed_mass = |v: &[f64]| -> f64 {
            fixed
                .iter()
                .zip(v)
                .enumerate()
                .filter_map(|(t, (q, vt))| q.map(|q| q * inst.types[t].size() as f64 * vt))
                .sum()
        };
        let order = pricing::by_value(duals);
        let mut mispriced = 0;
        // Proving a panel optimal to the last digit costs most of a MIP's
        // time, and while the level's own gap is wide a tight proof is
        // wasted: the MIP may leave unproven a share of that gap, and at
        // least a quarter of the tolerance, which keeps the bound useful
        // (hard 2000/110 m8: pricing 59 s → 10 s, the same number of
        // rounds). Pricing turns patient (exact, full time limit) when only
        // that can decide.
        let open_gap = (*bound - value).min(y.abs());
        let gap = (0.25 * tolerance).max(PRICING_GAP_SHARE * open_gap) / y.abs().max(1e-12);
        let mut patient = false;
        loop {
            let (point, plain) = smooth.point(duals, mispriced);
            let warm = self
                .panels
                .iter()
                .max_by(|a, b| {
                    pricing::value_of(&point, a).total_cmp(&pricing::value_of(&point, b))
                })
                .cloned();
            let answer = if patient {
                self.mip(&point, warm.as_deref(), 0.0, true)
            } else {
                self.mip(&point, warm.as_deref(), gap, false)
            };
            match answer {
                MipAnswer::Found {
                    panel,
                    value: pv,
                    bound: pb,
                } => {
                    let lagrangian = pb - fixed_mass(&point);
                    *bound = bound.min(lagrangian);
                    smooth.observe(point, lagrangian);
                    // The priced panel, and a swap search from it at the
                    // master's duals, if they improve the master.
                    let polished = pricing::local_search(inst, duals, &panel, &order);
                    for cand in [panel, polished] {
                        if pricing::value_of(duals, &cand) > y + tolerance
                            && !self.seen.contains(&cand)
                            && !new_panels.contains(&cand)
                        {
                            new_panels.push(cand);
                        }
                    }
                    // Types are fixed by the master's own duals once pricing
                    // at them proves the level (as without smoothing): a
                    // smoothed point is denser and would also fix types whose
                    // duals are tiny, i.e. not proven to be at the level.
                    if plain && lagrangian - value <= tolerance {
                        return Ok(Priced::Converged(duals.to_vec()));
                    }
                    if *bound - value <= tolerance {
                        // The level's value is certified.
                        if self.settings.maximin_only {
                            return Ok(Priced::Converged(duals.to_vec()));
                        }
                        if !plain {
                            // Verify at the master's duals.
                            mispriced = u32::MAX / 2;
                            continue;
                        }
                    }
                    if plain && new_panels.is_empty() && pb > pv && !patient {
                        // Stopped early with nothing to add: decide exactly.
                        patient = true;
                        continue;
                    }
                    if !new_panels.is_empty() || (plain && pb > pv) {
                        // A column, or a time-limited MIP that proves nothing more.
                        return Ok(Priced::Open);
                    }
                    if plain {
                        // At the master's own duals with nothing above ŷ:
                        // only round-off keeps the bound from closing.
                        return Ok(Priced::Converged(duals.to_vec()));
                    }
                    mispriced += 1;
                }
                MipAnswer::NoPanel { bound: pb } => {
                    if let Some(pb) = pb {
                        *bound = bound.min(pb - fixed_mass(&point));
                    }
                    if !patient {
                        patient = true;
                        continue;
                    }
                    return Ok(Priced::Open);
                }
                MipAnswer::Infeasible => {
                    return Err(SolveError::Numerical("pricing became infeasible".into()));
                }
                MipAnswer::Failed(m) => return Err(SolveError::Numerical(m)),
            }
        }
    }

    /// More columns for a round that found some: pricing MIPs at the duals
    /// with the members of the last panel found made less attractive (×0.8
    /// per share of their type, as the anchor does), keeping each panel
    /// that still beats the master's bound `floor` at the true duals. A
    /// level's optimal distribution spreads over hundreds of panels and a
    /// round otherwise adds a handful, so the master is re-solved far less
    /// often.
    fn diverse_panels(&mut self, duals: &[f64], floor: f64, new_panels: &mut Vec<Counts>) {
        let inst = self.inst;
        let mut values = duals.to_vec();
        let mut last = new_panels[0].clone();
        for _ in 0..DIVERSE_PANELS {
            for (t, &c) in last.iter().enumerate() {
                if c > 0 {
                    values[t] *= 0.8f64.powf(c as f64 / inst.types[t].size() as f64);
                }
            }
            let MipAnswer::Found { panel, .. } = self.mip(&values, Some(&last), DIVERSE_GAP, false)
            else {
                return;
            };
            if pricing::value_of(duals, &panel) > floor
                && !self.seen.contains(&panel)
                && !new_panels.contains(&panel)
            {
                new_panels.push(panel.clone());
            }
            last = panel;
        }
    }

    /// How many known panels to add per re-solve: the simplex and HiGHS
    /// take a batch at once, microlp re-solves after each row.
    fn batch(&self) -> usize {
        match self.settings.lp_backend {
            LpBackend::Highs | LpBackend::Simplex => 50,
            LpBackend::Microlp => 10,
        }
    }

    /// The level's master over the active panels, rebuilt after the
    /// built-in simplex gave up on a degenerate one (see
    /// `SimplexError::Stalled`): with ten, then a hundred times its usual
    /// perturbation, which breaks the ties (a row may then be missed by
    /// about 2·10⁻⁷ or 2·10⁻⁶; the next level's fixed values are lowered to
    /// what was achieved, so it stays feasible), then on microlp, slow but
    /// exact.
    fn rescue_master(&self, data: &LevelData<'_>) -> Result<(Master, MasterPoint), SolveError> {
        let trace = std::env::var_os("WITHUS_TRACE").is_some();
        let panels: Vec<&[u32]> = self
            .active
            .iter()
            .map(|i| self.panels[*i].as_slice())
            .collect();
        for scale in RESCUE_PERTURBATIONS {
            let bolder = LevelData {
                perturbation: Some(scale),
                ..*data
            };
            match Master::solve(&bolder, &panels, LpBackend::Simplex, self.remaining()) {
                Err(SolveError::Numerical(why)) => {
                    if trace {
                        eprintln!("master rebuilt with perturbation {scale:e} failed: {why}");
                    }
                }
                other => return other,
            }
        }
        if trace {
            eprintln!("master on microlp after the simplex failed");
        }
        Master::solve(data, &panels, LpBackend::Microlp, self.remaining())
    }

    /// Records the level's distribution over the active panels.
    fn remember(&mut self, lp: &Master) {
        self.stats.lp_pivots += lp.pivots() as u64;
        self.stats.lp_drift = self.stats.lp_drift.max(lp.drift());
        self.last_weights = vec![0.0; self.panels.len()];
        if let Some(w) = lp.panel_weights() {
            for (i, wi) in self.active.iter().zip(w) {
                self.last_weights[*i] = wi;
            }
        }
    }

    /// Keeps the rows tight at the level's optimum for the next level.
    fn keep_tight(&mut self, duals: &[f64], y: f64) {
        let panels = &self.panels;
        self.active
            .retain(|&i| pricing::value_of(duals, &panels[i]) >= y - 1e-6 * (1.0 + y.abs()));
    }

    /// The last level's distribution, straight from the simplex master:
    /// every type at or above its fixed value (up to the simplex's
    /// perturbation), and at the optimum of the last level. `None` when the
    /// backend gives no primal weights or no level was solved.
    fn master_distribution(&self) -> Option<Distribution> {
        let total: f64 = self.last_weights.iter().sum();
        if total < 0.5 {
            return None;
        }
        let nt = self.inst.types.len();
        let mut panels = Vec::new();
        let mut prob = vec![0.0; nt];
        // Round-off weights go; the rest is renormalised to sum to 1.
        let kept: f64 = self.last_weights.iter().filter(|w| **w >= 1e-9).sum();
        for (panel, w) in self.panels.iter().zip(&self.last_weights) {
            if *w >= 1e-9 {
                let w = w / kept;
                for (t, &c) in panel.iter().enumerate() {
                    prob[t] += w * c as f64 / self.inst.types[t].size() as f64;
                }
                panels.push((panel.clone(), w));
            }
        }
        Some((panels, prob))
    }

    /// The first level (with a type fixed at it and how far it falls
    /// short) that `achieved` misses by more than half the `slack`. Half,
    /// so that a distribution kept here meets every level to the slack with
    /// room for the renormalisation of its weights.
    fn broken_level(
        &self,
        levels: &[LevelRecord],
        achieved: &[f64],
        slack: f64,
    ) -> Option<(usize, usize, f64)> {
        levels.iter().enumerate().find_map(|(l, level)| {
            level.types.iter().find_map(|&t| {
                let miss = level.value - achieved[t] / self.inst.types[t].weight;
                (miss > 0.5 * slack).then_some((l, t, miss))
            })
        })
    }

    /// The weights (over every known panel) of the level's master over the
    /// active panels, with `fixed` as the level had it, rebuilt from scratch
    /// with ten times the usual perturbation: a fresh factor, where the
    /// level's own may have absorbed drift into a fixed row.
    fn rebuilt_weights(&mut self, fixed: &[Option<f64>]) -> Result<Vec<f64>, SolveError> {
        let inst = self.inst;
        let sizes: Vec<f64> = inst.types.iter().map(|t| t.size() as f64).collect();
        let weights: Vec<f64> = inst.types.iter().map(|t| t.weight).collect();
        let panels: Vec<&[u32]> = self
            .active
            .iter()
            .map(|i| self.panels[*i].as_slice())
            .collect();
        let data = LevelData {
            sizes: &sizes,
            weights: &weights,
            fixed,
            start: None,
            perturbation: Some(RESCUE_PERTURBATIONS[0]),
        };
        let limit = self.remaining().max(Duration::from_secs(10));
        let t0 = Instant::now();
        let solved = Master::solve(&data, &panels, LpBackend::Simplex, limit);
        self.stats.lp_solves += 1;
        self.stats.lp_seconds += t0.elapsed().as_secs_f64();
        let (master, _) = solved?;
        let w = master
            .panel_weights()
            .ok_or_else(|| SolveError::Numerical("no panel weights".into()))?;
        let mut all = vec![0.0; self.panels.len()];
        for (i, wi) in self.active.iter().zip(w) {
            all[*i] = wi;
        }
        Ok(all)
    }

    /// The distribution over known panels closest to the fixed targets:
    /// shortfalls weigh far more than excesses, so the bottom of the
    /// probability vector is kept and round-off at the top is capped.
    fn final_primal(&mut self, targets: &[f64]) -> Result<Distribution, SolveError> {
        let weights = self.closest_weights(targets)?;
        let inst = self.inst;
        let nt = inst.types.len();
        let total: f64 = weights.iter().sum();
        let mut panels = Vec::new();
        let mut prob = vec![0.0; nt];
        for (panel, w) in self.panels.iter().zip(&weights) {
            if *w > 0.0 {
                let w = w / total;
                for (t, &c) in panel.iter().enumerate() {
                    prob[t] += w * c as f64 / inst.types[t].size() as f64;
                }
                panels.push((panel.clone(), w));
            }
        }
        Ok((panels, prob))
    }

    /// The weights (over every known panel, round-off dropped) of the
    /// distribution closest to `targets`, as in `final_primal`.
    fn closest_weights(&mut self, targets: &[f64]) -> Result<Vec<f64>, SolveError> {
        let inst = self.inst;
        let nt = inst.types.len();
        let np = self.panels.len();
        let mut spec = Spec::default();
        // No upper bound of 1 on a panel's weight: the sum row implies it.
        for _ in 0..np {
            spec.col(0.0, 0.0, f64::INFINITY);
        }
        let lo = spec.col(1000.0, 0.0, f64::INFINITY);
        let hi = spec.col(1.0, 0.0, f64::INFINITY);
        spec.rows.push(Row {
            coefs: (0..np).map(|i| (i, 1.0)).collect(),
            lo: 1.0,
            hi: 1.0,
        });
        let mut per_type: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nt];
        for (pi, panel) in self.panels.iter().enumerate() {
            for (t, &c) in panel.iter().enumerate() {
                if c > 0 {
                    per_type[t].push((pi, c as f64 / inst.types[t].size() as f64));
                }
            }
        }
        for (t, coefs) in per_type.into_iter().enumerate() {
            if coefs.is_empty() {
                continue;
            }
            let mut low = coefs.clone();
            low.push((lo, 1.0));
            spec.rows.push(Row {
                coefs: low,
                lo: targets[t],
                hi: f64::INFINITY,
            });
            let mut high = coefs;
            high.push((hi, -1.0));
            spec.rows.push(Row {
                coefs: high,
                lo: f64::NEG_INFINITY,
                hi: targets[t],
            });
        }
        // The final LP must finish even when the budget is spent.
        let backend = self.settings.lp_backend;
        let limit = self.remaining().max(Duration::from_secs(60));
        let (_, point) = self.timed(|| Lp::solve(&spec, backend, limit))?;
        let mut weights: Vec<f64> = point.values[..np].iter().map(|w| w.max(0.0)).collect();
        weights.iter_mut().for_each(|w| {
            if *w < 1e-9 {
                *w = 0.0
            }
        });
        Ok(weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_values_missed_beyond_the_perturbation_come_down() {
        let q = 0.5;
        let allowance = PERTURB * (1.0 + q);
        let mut fixed = vec![Some(q), Some(q), Some(q), None, Some(1.0)];
        // Met; missed within the perturbation; missed by a rescued master
        // (2·10⁻⁶); unfixed; met exactly.
        let achieved = [q + 1e-3, q - 1.5 * allowance, q - 2e-6, 0.1, 1.0];
        lower_missed_values(&mut fixed, &achieved);
        assert_eq!(fixed[0], Some(q));
        assert_eq!(fixed[1], Some(q));
        assert_eq!(fixed[2], Some(q - 2e-6 + allowance));
        assert_eq!(fixed[3], None);
        assert_eq!(fixed[4], Some(1.0));
    }
}
