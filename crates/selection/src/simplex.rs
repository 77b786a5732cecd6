//! A dense revised primal simplex for the master LPs of column generation.
//!
//! The master has few rows (one per person type, plus one) and gains
//! columns (panels) every round. Adding a column keeps the current basis
//! primal feasible, so the primal simplex resumes where it stopped and
//! usually needs a handful of pivots. General LP libraries rebuild their
//! matrices on every edit, which dominated run time at ~700 types; here an
//! edit costs nothing.
//!
//! The basis is kept as a dense inverse of its *core* (the basic panels on
//! the rows no basic slack covers, see [`crate::basis`]), so a pivot costs
//! O(k²) for k basic panels rather than O(m²); it is rebuilt from the
//! basic columns every [`REFACTOR_EVERY`] pivots to shed round-off.
//! Reduced costs are kept and updated from the pivot row `ρ·A` rather
//! than recomputed from row prices each pivot; `ρ` (a row of `B⁻¹`) is
//! non-zero only on the core's rows, so the pivot row is summed row-wise
//! over those (on hard 2000/110 m8 this cut the master's time by a third).
//! Columns are sparse and non-negative variables; rows are `≥`, `≤` or
//! `=`. Phase 1 minimises the
//! sum of artificial variables, phase 2 the real costs. Devex pricing
//! (approximate steepest edge, which needs far fewer pivots than Dantzig's
//! rule on these LPs) with a Harris ratio test.
//!
//! Master LPs are massively degenerate (every unfixed type's row is tight
//! at the optimum), and plain Dantzig pivots then stall for thousands of
//! steps. Each inequality's right-hand side is therefore moved outwards by
//! a tiny random amount ([`PERTURB`], relative), which makes ties rare.
//! Duals do not depend on the right-hand side, so the optimal basis is
//! still dual feasible for the true LP and [`Simplex::dual_objective`] is
//! a valid bound on it; the primal point may miss a row by at most the
//! perturbation, plus the round-off a rebuilt factor finds below zero,
//! which is absorbed into the right-hand side (`absorb_drift`) rather
//! than left to make the basis infeasible. Should progress still stall
//! (steps of zero length), Bland's rule takes over.

use std::time::Instant;

use crate::basis::{Basis, Entering, sparse};

/// Pivots between rebuilds of the basis inverse, at least. A rebuild costs
/// about one pivot per basic structural column, so it is spaced by the
/// row count too.
const REFACTOR_EVERY: usize = 100;
/// Primal feasibility tolerance.
const PRIMAL_TOL: f64 = 1e-10;
/// Reduced-cost tolerance for optimality.
const DUAL_TOL: f64 = 1e-9;
/// Smallest pivot element accepted.
const PIVOT_TOL: f64 = 1e-7;
/// A column whose reduced cost is this close to zero and whose column
/// has no acceptable pivot is round-off, not a ray: it is passed over.
const NOISE_COST: f64 = 1e-7;
/// Smallest pivot element Bland's rule may use: it cannot prefer larger
/// ones, and a step over a tiny one wrecks the factor (the master LPs
/// then report values of 10⁴ for probabilities).
const BLAND_PIVOT_MIN: f64 = 1e-5;
/// Degenerate pivots in a row before Bland's rule takes over.
const STALL_LIMIT: usize = 2000;
/// Pivots without a visible change in the objective before giving up.
const FLAT_LIMIT: usize = 40_000;
/// Pivots between exact recomputations of the reduced costs (updated from
/// the pivot row in between).
const FRESH_PRICES_EVERY: usize = 50;
/// Largest accepted disagreement between the two computations of a pivot
/// element.
const PIVOT_CHECK: f64 = 1e-8;
/// Largest accepted residual of `B·x_B = b` at an optimum.
const RESIDUAL_TOL: f64 = 1e-9;
/// Relative size of the right-hand-side perturbation.
pub(crate) const PERTURB: f64 = 1e-8;
/// Largest basic value below zero that `absorb_drift` takes for summed
/// round-off (observed up to 2·10⁻⁶). Anything further below zero is a
/// factor that has lost the point, not round-off: absorbing a 3.8·10⁻³
/// move on a hard 350/12 pool lowered a fixed value by 7 % and the lottery
/// broke its own proven maximin. The solve gives up instead
/// ([`SimplexError::Drifted`]) and the master is rebuilt.
const DRIFT_LIMIT: f64 = 1e-5;

/// The sense of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sense {
    Ge,
    Le,
    Eq,
}

/// Why a solve did not reach an optimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SimplexError {
    Infeasible,
    Unbounded,
    OutOfTime,
    /// No progress: degenerate pivots beyond Bland's rule's allowance, or
    /// a pivot so small under it that the factor would not survive.
    Stalled,
    /// A rebuilt factor put a basic value further below zero than
    /// round-off explains (see [`DRIFT_LIMIT`]).
    Drifted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Structural,
    Slack,
    Artificial,
}

/// A minimisation LP over non-negative columns, re-solvable after columns
/// are added.
pub(crate) struct Simplex {
    m: usize,
    /// Right-hand sides as given, and as perturbed for the pivots.
    b_true: Vec<f64>,
    b: Vec<f64>,
    cols: Vec<Vec<(usize, f64)>>,
    /// The same entries by row, (column, value): the pivot row `ρ·A` is
    /// summed over the rows where `ρ` is non-zero, a fraction of them.
    rows: Vec<Vec<(usize, f64)>>,
    cost: Vec<f64>,
    kind: Vec<Kind>,
    /// The artificial column of each row, and its slack (inequalities).
    artificial: Vec<usize>,
    slack: Vec<Option<usize>>,
    /// Column basic at each position.
    basis: Vec<usize>,
    /// Position of each column in the basis, if basic.
    pos_of: Vec<Option<usize>>,
    /// The basis factor.
    factor: Basis,
    xb: Vec<f64>,
    since_refactor: usize,
    /// Simplex iterations so far (for statistics).
    pub pivots: usize,
    /// Largest basic value moved up to zero by `absorb_drift`.
    pub drift: f64,
}

impl Simplex {
    /// An LP with the given rows (sense and right-hand side) and no
    /// structural columns yet.
    pub fn new(rows: &[(Sense, f64)]) -> Simplex {
        Simplex::perturbed(rows, PERTURB)
    }

    /// As [`Simplex::new`], with inequalities moved outwards by `scale`
    /// (relative) instead of the default [`PERTURB`].
    pub fn perturbed(rows: &[(Sense, f64)], scale: f64) -> Simplex {
        let m = rows.len();
        // Deterministic pseudo-random perturbation (xorshift).
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let b = rows
            .iter()
            .map(|&(sense, rhs)| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let eps =
                    scale * (1.0 + rhs.abs()) * (1.0 + (state >> 11) as f64 / (1u64 << 53) as f64);
                match sense {
                    Sense::Ge => rhs - eps,
                    Sense::Le => rhs + eps,
                    Sense::Eq => rhs,
                }
            })
            .collect();
        let mut s = Simplex {
            m,
            b_true: rows.iter().map(|r| r.1).collect(),
            b,
            cols: Vec::new(),
            rows: vec![Vec::new(); m],
            cost: Vec::new(),
            kind: Vec::new(),
            artificial: Vec::with_capacity(m),
            slack: Vec::with_capacity(m),
            basis: vec![usize::MAX; m],
            pos_of: Vec::new(),
            factor: Basis::units(&[]),
            xb: vec![0.0; m],
            since_refactor: 0,
            pivots: 0,
            drift: 0.0,
        };
        // Start from a slack where it is feasible, an artificial otherwise
        // (judged on the perturbed right-hand side the pivots use).
        for (i, &(sense, _)) in rows.iter().enumerate() {
            let rhs = s.b[i];
            let slack = match sense {
                Sense::Ge => Some(-1.0),
                Sense::Le => Some(1.0),
                Sense::Eq => None,
            };
            let mut start = None;
            let slack = slack.map(|sign| {
                let j = s.push(Kind::Slack, 0.0, vec![(i, sign)]);
                if rhs * sign >= 0.0 {
                    start = Some(j);
                }
                j
            });
            s.slack.push(slack);
            let sign = if rhs >= 0.0 { 1.0 } else { -1.0 };
            let a = s.push(Kind::Artificial, 0.0, vec![(i, sign)]);
            s.artificial.push(a);
            s.basis[i] = start.unwrap_or(a);
        }
        s.refactor();
        s
    }

    fn push(&mut self, kind: Kind, cost: f64, coefs: Vec<(usize, f64)>) -> usize {
        let j = self.cols.len();
        for &(i, v) in &coefs {
            self.rows[i].push((j, v));
        }
        self.cols.push(coefs);
        self.cost.push(cost);
        self.kind.push(kind);
        self.pos_of.push(None);
        self.cols.len() - 1
    }

    /// Adds a non-negative column (at zero, so the basis stays feasible)
    /// and returns its index.
    pub fn add_column(&mut self, cost: f64, coefs: Vec<(usize, f64)>) -> usize {
        self.push(Kind::Structural, cost, coefs)
    }

    /// Starts from column `j` alone at the value that meets row `row`
    /// (a known good point, e.g. a mixture of panels): `j` is basic at that
    /// row and every other row gets its slack where the point meets it, its
    /// artificial where it falls short (phase 1 then repairs only those).
    /// Returns whether that basis was taken; otherwise nothing changes.
    pub fn crash(&mut self, j: usize, row: usize) -> bool {
        let Some(&(_, a)) = self.cols[j].iter().find(|(i, _)| *i == row) else {
            return false;
        };
        let x = self.b[row] / a;
        if a.abs() <= PIVOT_TOL || x < 0.0 {
            return false;
        }
        let mut activity = vec![0.0; self.m];
        for (i, v) in &self.cols[j] {
            activity[*i] = v * x;
        }
        let mut basis = Vec::with_capacity(self.m);
        for (i, act) in activity.iter().enumerate() {
            if i == row {
                basis.push(j);
                continue;
            }
            let rest = self.b[i] - act;
            let art = self.artificial[i];
            let slack = self.slack[i].filter(|s| rest * self.cols[*s][0].1 >= 0.0);
            match slack {
                Some(s) => basis.push(s),
                None if rest * self.cols[art][0].1 >= 0.0 => basis.push(art),
                None => return false,
            }
        }
        let before = self.set_basis(basis);
        if self.pos_of[j].is_some() && self.xb.iter().all(|x| *x >= -PRIMAL_TOL) {
            return true;
        }
        self.set_basis(before);
        false
    }

    /// Replaces the basis by `basis` (one column per row) and refactors;
    /// returns the basis it replaced.
    fn set_basis(&mut self, basis: Vec<usize>) -> Vec<usize> {
        for j in &self.basis {
            if *j != usize::MAX {
                self.pos_of[*j] = None;
            }
        }
        let before = std::mem::replace(&mut self.basis, basis);
        self.refactor();
        before
    }

    /// Value of a column at the current basic solution.
    pub fn value(&self, j: usize) -> f64 {
        self.pos_of[j].map_or(0.0, |p| self.xb[p].max(0.0))
    }

    /// Objective at the current basic solution.
    pub fn objective(&self) -> f64 {
        self.basis
            .iter()
            .zip(&self.xb)
            .map(|(j, x)| self.cost[*j] * x)
            .sum()
    }

    /// `y·b` for the true right-hand sides: with dual-feasible `y` (at an
    /// optimum), a lower bound on the true LP's objective, and equal to it
    /// up to the perturbation.
    pub fn dual_objective(&self) -> f64 {
        self.duals()
            .iter()
            .zip(&self.b_true)
            .map(|(y, b)| y * b)
            .sum()
    }

    /// Row duals `y = c_B·B⁻¹` for the phase-2 costs: a column's reduced
    /// cost is `c_j − y·a_j`.
    pub fn duals(&self) -> Vec<f64> {
        self.row_prices(|j| self.phase_cost(j, false))
    }

    fn may_enter(&self, j: usize, phase1: bool) -> bool {
        self.pos_of[j].is_none() && (phase1 || self.kind[j] != Kind::Artificial)
    }

    fn phase_cost(&self, j: usize, phase1: bool) -> f64 {
        match (phase1, self.kind[j]) {
            (true, Kind::Artificial) => 1.0,
            (true, _) | (false, Kind::Artificial) => 0.0,
            (false, _) => self.cost[j],
        }
    }

    fn row_prices(&self, cost: impl Fn(usize) -> f64) -> Vec<f64> {
        let costs: Vec<(usize, f64)> = self
            .basis
            .iter()
            .enumerate()
            .map(|(p, j)| (p, cost(*j)))
            .filter(|(_, c)| *c != 0.0)
            .collect();
        self.factor.btran_sparse(&costs)
    }

    /// `B⁻¹·a_j`.
    fn ftran(&self, j: usize) -> Vec<f64> {
        self.factor.ftran(&self.cols[j])
    }

    /// Column `j` as the basis factor sees it.
    fn entering(&self, j: usize) -> Entering<'_> {
        match self.kind[j] {
            Kind::Structural => Entering::Structural(&self.cols[j]),
            Kind::Slack | Kind::Artificial => {
                let (row, sign) = self.cols[j][0];
                Entering::Unit { row, sign }
            }
        }
    }

    /// Brings column `j` into the basis at position `r`.
    fn pivot(&mut self, j: usize, r: usize, alpha: &[f64]) {
        let mut factor = std::mem::replace(&mut self.factor, Basis::units(&[]));
        factor.replace(r, self.entering(j), alpha);
        self.factor = factor;
        self.pos_of[self.basis[r]] = None;
        self.basis[r] = j;
        self.pos_of[j] = Some(r);
        self.since_refactor += 1;
    }

    /// Rebuilds the basis factor from the basic columns, starting from the
    /// all-artificial basis (position `i` holds row `i`'s artificial). A
    /// column that turns out dependent is left out and its position keeps
    /// an artificial (phase 1 then restores feasibility if needed).
    fn refactor(&mut self) {
        let m = self.m;
        let old: Vec<usize> = self.basis.clone();
        for j in &old {
            if *j != usize::MAX {
                self.pos_of[*j] = None;
            }
        }
        let units: Vec<(usize, f64)> = self.artificial.iter().map(|a| self.cols[*a][0]).collect();
        self.factor = Basis::units(&units);
        self.basis = self.artificial.clone();
        for (p, a) in self.artificial.iter().enumerate() {
            self.pos_of[*a] = Some(p);
        }
        let mut taken = vec![false; m];
        // Unit columns first (cheap pivots), then the rest.
        let mut order: Vec<usize> = old.iter().copied().filter(|j| *j != usize::MAX).collect();
        order.sort_by_key(|j| self.kind[*j] == Kind::Structural);
        for j in order {
            if let Some(p) = self.pos_of[j] {
                // An artificial already in its place.
                taken[p] = true;
                continue;
            }
            let alpha = self.ftran(j);
            let best = (0..m)
                .filter(|p| !taken[*p])
                .max_by(|a, b| alpha[*a].abs().total_cmp(&alpha[*b].abs()));
            if let Some(r) = best
                && alpha[r].abs() > 1e-11
            {
                taken[r] = true;
                self.pivot(j, r, &alpha);
            }
        }
        self.since_refactor = 0;
        self.recompute_xb();
    }

    fn recompute_xb(&mut self) {
        self.xb = self
            .factor
            .ftran(&sparse(&self.b))
            .into_iter()
            .map(|v| if v.abs() < PRIMAL_TOL * 1e-3 { 0.0 } else { v })
            .collect();
    }

    fn infeasibility(&self) -> f64 {
        self.basis
            .iter()
            .zip(&self.xb)
            .filter(|(j, _)| self.kind[**j] == Kind::Artificial)
            .map(|(_, x)| x.abs())
            .sum()
    }

    /// Optimises from the current basis: phase 1 if an artificial is
    /// positive, then phase 2.
    pub fn solve(&mut self, deadline: Instant) -> Result<(), SimplexError> {
        // A rebuild of the inverse can swap a dependent column for an
        // artificial mid-run; phase 1 then repairs the basis.
        for _ in 0..3 {
            if self.infeasibility() > PRIMAL_TOL {
                self.run(true, deadline)?;
                if self.infeasibility() > 1e-7 {
                    return Err(SimplexError::Infeasible);
                }
            }
            self.run(false, deadline)?;
            if self.residual() > RESIDUAL_TOL {
                // The factor drifted: rebuild, and optimise again from the
                // recomputed point.
                self.refactor();
                if self.xb.iter().any(|x| *x < -1e-7) {
                    return Err(SimplexError::Infeasible);
                }
                continue;
            }
            if self.infeasibility() <= PRIMAL_TOL {
                return Ok(());
            }
        }
        Err(SimplexError::Infeasible)
    }

    /// Largest violation of `B·x_B = b`: how far the factor has drifted.
    fn residual(&self) -> f64 {
        let mut r = self.b.clone();
        for (j, x) in self.basis.iter().zip(&self.xb) {
            for (i, v) in &self.cols[*j] {
                r[*i] -= v * x;
            }
        }
        r.iter().fold(0.0, |m, v| m.max(v.abs()))
    }

    /// Moves the right-hand side so that basic values a rebuilt factor
    /// finds just below zero sit at zero. Each pivot rounds values within
    /// the ratio test's tolerance below zero up to zero; the rebuilt factor
    /// adds those roundings up (in ill-conditioned bases, to 10⁻⁵ over
    /// hundreds of values), and phase 2 from such a point wandered for
    /// thousands of pivots above the optimum without progress. Moving the
    /// right-hand side instead keeps the basis feasible and exact; the true
    /// right-hand side still gives the dual objective. Returns `false`,
    /// moving nothing, when a value is further below zero than
    /// [`DRIFT_LIMIT`]: that is not round-off, and moving the right-hand
    /// side that far would move the rows the caller asked for.
    fn absorb_drift(&mut self) -> bool {
        let beyond = (0..self.m)
            .any(|p| self.xb[p] < -DRIFT_LIMIT && self.kind[self.basis[p]] != Kind::Artificial);
        if beyond {
            return false;
        }
        for p in 0..self.m {
            let j = self.basis[p];
            if self.xb[p] >= 0.0 || self.kind[j] == Kind::Artificial {
                continue;
            }
            let delta = -self.xb[p];
            self.drift = self.drift.max(delta);
            self.xb[p] = 0.0;
            for (i, v) in &self.cols[j] {
                self.b[*i] += delta * v;
            }
        }
        true
    }

    fn run(&mut self, phase1: bool, deadline: Instant) -> Result<(), SimplexError> {
        let mut iterations = 0usize;
        // Devex reference weights, fresh for each solve (carrying them
        // over measured 2.8× more pivots).
        let mut devex = vec![1.0; self.cols.len()];
        self.iterate(phase1, deadline, &mut devex, &mut iterations)
    }

    /// Reduced costs of every column at prices `y`.
    fn reduced_costs(&self, y: &[f64], phase1: bool) -> Vec<f64> {
        (0..self.cols.len())
            .map(|j| {
                if self.pos_of[j].is_some() {
                    0.0
                } else {
                    self.phase_cost(j, phase1)
                        - self.cols[j].iter().map(|(i, v)| y[*i] * v).sum::<f64>()
                }
            })
            .collect()
    }

    /// The pivot row `ρ·A` over all columns, for `ρ` indexed by row.
    fn pivot_row(&self, rho: &[f64]) -> Vec<f64> {
        let mut row = vec![0.0; self.cols.len()];
        for (i, r) in rho.iter().enumerate() {
            if *r != 0.0 {
                for (j, v) in &self.rows[i] {
                    row[*j] += r * v;
                }
            }
        }
        row
    }

    fn iterate(
        &mut self,
        phase1: bool,
        deadline: Instant,
        devex: &mut [f64],
        iterations: &mut usize,
    ) -> Result<(), SimplexError> {
        let mut stall = 0usize;
        let mut last_obj = f64::INFINITY;
        let mut flat = 0usize;
        // Reduced costs, updated from the pivot row each iteration and
        // recomputed after a rebuild and before optimality is declared.
        let mut reduced: Option<Vec<f64>> = None;
        let mut since_fresh = 0usize;
        let mut just_rebuilt = false;
        // Columns passed over until the next pivot (see NOISE_COST).
        let mut passed_over: Vec<usize> = Vec::new();
        loop {
            *iterations += 1;
            if iterations.is_multiple_of(64) && Instant::now() >= deadline {
                return Err(SimplexError::OutOfTime);
            }
            if self.since_refactor >= REFACTOR_EVERY.max(self.m) {
                self.refactor();
                if !self.absorb_drift() {
                    return Err(SimplexError::Drifted);
                }
                reduced = None;
            }
            let bland = stall >= STALL_LIMIT;
            if stall >= 4 * STALL_LIMIT || flat >= FLAT_LIMIT {
                return Err(SimplexError::Stalled);
            }
            // Bland's rule is only safe against cycling with exact costs.
            if bland || since_fresh >= FRESH_PRICES_EVERY {
                reduced = None;
            }
            let fresh = reduced.is_none();
            if fresh {
                since_fresh = 0;
            }
            let d = reduced.get_or_insert_with(|| {
                let y = self.row_prices(|j| self.phase_cost(j, phase1));
                self.reduced_costs(&y, phase1)
            });
            // Entering column: best devex score d²/w among negative reduced
            // costs, or the first negative one under Bland's rule.
            let mut enter: Option<(usize, f64, f64)> = None;
            for (j, (w, dj)) in devex.iter().zip(d.iter()).enumerate() {
                if *dj < -DUAL_TOL && self.may_enter(j, phase1) && !passed_over.contains(&j) {
                    let score = dj * dj / w;
                    if enter.is_none_or(|(_, best, _)| score > best) {
                        enter = Some((j, score, *dj));
                    }
                    if bland {
                        break;
                    }
                }
            }
            let Some((q, _, dq)) = enter else {
                if fresh {
                    return Ok(());
                }
                // Optimal by the updated costs: confirm with exact ones.
                reduced = None;
                continue;
            };
            let alpha = self.ftran(q);
            let Some(r) = self.ratio_test(&alpha, phase1, bland) else {
                // Updated costs can pick a column that only looks
                // improving: decide with exact ones, then with a rebuilt
                // factor (phase 1 is bounded below by 0, so a ray there is
                // numerical trouble too), before giving up.
                if !fresh {
                    reduced = None;
                    continue;
                }
                if dq > -NOISE_COST {
                    passed_over.push(q);
                    continue;
                }
                if !just_rebuilt {
                    self.refactor();
                    reduced = None;
                    just_rebuilt = true;
                    continue;
                }
                return Err(if phase1 {
                    SimplexError::Infeasible
                } else {
                    SimplexError::Unbounded
                });
            };
            if bland && alpha[r].abs() < BLAND_PIVOT_MIN {
                return Err(SimplexError::Stalled);
            }
            // The pivot row `ρ·A`, ρ = row r of B⁻¹.
            let rho = self.factor.inverse_row(r);
            let row = self.pivot_row(&rho);
            // The pivot element two ways (column and row of B⁻¹): when they
            // disagree the factor has drifted, so rebuild before pivoting.
            if (row[q] - alpha[r]).abs() > PIVOT_CHECK * (1.0 + alpha[r].abs())
                && self.since_refactor > 0
            {
                self.refactor();
                reduced = None;
                continue;
            }
            let leaving = self.basis[r];
            let wq = devex[q];
            for (j, (w, arj)) in devex.iter_mut().zip(&row).enumerate() {
                if *arj != 0.0 && j != q {
                    let ratio = arj / alpha[r];
                    *w = w.max(ratio * ratio * wq);
                }
            }
            devex[leaving] = (wq / (alpha[r] * alpha[r])).max(1.0);
            // New reduced costs: d − (d_q/α_r)·(ρ·A) zeroes q's and keeps
            // every other basic column's at zero; the leaving column's
            // becomes −d_q/α_r.
            if let Some(d) = reduced.as_mut() {
                let step = dq / alpha[r];
                for (dj, arj) in d.iter_mut().zip(&row) {
                    if *arj != 0.0 {
                        *dj -= step * arj;
                    }
                }
                d[q] = 0.0;
                d[leaving] = -step;
            }
            let theta = (self.xb[r] / alpha[r]).max(0.0);
            for (x, a) in self.xb.iter_mut().zip(&alpha) {
                *x -= theta * a;
                if *x < 0.0 && *x > -PRIMAL_TOL {
                    *x = 0.0;
                }
            }
            self.xb[r] = theta;
            self.pivot(q, r, &alpha);
            self.pivots += 1;
            since_fresh += 1;
            just_rebuilt = false;
            passed_over.clear();
            let obj: f64 = self
                .basis
                .iter()
                .zip(&self.xb)
                .map(|(j, x)| self.phase_cost(*j, phase1) * x)
                .sum();
            // A step of positive length is progress even when the
            // objective moves by less than its round-off: near an optimum
            // the perturbed vertices lie 10⁻⁹ apart, and counting those
            // steps as stalls gave up on masters one pivot run from done.
            if theta > 0.0 {
                stall = 0;
            } else {
                stall += 1;
            }
            if !last_obj.is_finite() || obj < last_obj - 1e-15 * (1.0 + last_obj.abs()) {
                flat = 0;
                last_obj = obj;
            } else {
                flat += 1;
            }
        }
    }

    /// Harris two-pass ratio test; basic artificials in phase 2 (at zero)
    /// leave first whenever the entering column touches them.
    fn ratio_test(&self, alpha: &[f64], phase1: bool, bland: bool) -> Option<usize> {
        if !phase1 {
            let stuck = (0..self.m)
                .filter(|p| self.kind[self.basis[*p]] == Kind::Artificial)
                .filter(|p| alpha[*p].abs() > PIVOT_TOL)
                .max_by(|a, b| alpha[*a].abs().total_cmp(&alpha[*b].abs()));
            if stuck.is_some() {
                return stuck;
            }
        }
        // Harris's tolerance lets a pivot pick a larger element at a
        // slightly larger ratio; under Bland's rule it could undo the
        // anti-cycling order, so the plain minimum ratio is used there.
        let slack = if bland { 0.0 } else { PRIMAL_TOL };
        let mut bound = f64::INFINITY;
        for (p, a) in alpha.iter().enumerate() {
            if *a > PIVOT_TOL {
                bound = bound.min((self.xb[p].max(0.0) + slack) / a);
            }
        }
        if bound == f64::INFINITY {
            return None;
        }
        let candidates = (0..self.m)
            .filter(|p| alpha[*p] > PIVOT_TOL && self.xb[*p].max(0.0) / alpha[*p] <= bound);
        if bland {
            candidates.min_by_key(|p| self.basis[*p])
        } else {
            candidates.max_by(|a, b| alpha[*a].total_cmp(&alpha[*b]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn far() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    #[test]
    fn solves_a_small_lp_with_all_row_senses() {
        // min −x − 2y s.t. x + y ≤ 4, x − y ≥ −2, x + 3y = 6 ... optimum at
        // x = 3, y = 1 (objective −5).
        let mut s = Simplex::new(&[(Sense::Le, 4.0), (Sense::Ge, -2.0), (Sense::Eq, 6.0)]);
        let x = s.add_column(-1.0, vec![(0, 1.0), (1, 1.0), (2, 1.0)]);
        let y = s.add_column(-2.0, vec![(0, 1.0), (1, -1.0), (2, 3.0)]);
        s.solve(far()).unwrap();
        assert!((s.value(x) - 3.0).abs() < 1e-6, "x = {}", s.value(x));
        assert!((s.value(y) - 1.0).abs() < 1e-6);
        assert!((s.objective() + 5.0).abs() < 1e-6);
        // Strong duality on the true right-hand sides.
        assert!((s.dual_objective() + 5.0).abs() < 1e-9);
    }

    #[test]
    fn a_crash_start_meets_positive_lower_bounds_with_slacks() {
        // A convexity row and two rows with positive lower bounds, which
        // start on artificials; the mixture column meets both with room
        // to spare, so it starts basic with both slacks and no phase 1.
        let mut s = Simplex::new(&[(Sense::Eq, 1.0), (Sense::Ge, 0.3), (Sense::Ge, 0.2)]);
        let mix = s.add_column(0.0, vec![(0, 1.0), (1, 0.5), (2, 0.5)]);
        assert!(s.crash(mix, 0));
        assert!((s.value(mix) - 1.0).abs() < 1e-12);
        assert_eq!(s.infeasibility(), 0.0);
        let better = s.add_column(-1.0, vec![(0, 1.0), (1, 0.4), (2, 0.6)]);
        s.solve(far()).unwrap();
        assert_eq!(s.pivots, 1);
        assert!((s.value(better) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_crash_start_short_of_a_row_keeps_that_row_artificial() {
        let mut s = Simplex::new(&[(Sense::Eq, 1.0), (Sense::Ge, 0.3), (Sense::Ge, 0.7)]);
        let mix = s.add_column(0.0, vec![(0, 1.0), (1, 0.5), (2, 0.5)]);
        assert!(s.crash(mix, 0));
        assert!((s.infeasibility() - 0.2).abs() < 1e-6);
        let fix = s.add_column(1.0, vec![(0, 1.0), (1, 0.3), (2, 0.7)]);
        s.solve(far()).unwrap();
        assert!((s.value(fix) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn drift_below_zero_moves_the_right_hand_side_not_the_basis() {
        // x + y = 1, x ≥ 0.4, y ≥ 0.3: optimum x = 0.7, y = 0.3, with x's
        // slack basic at 0.3. Raising x's right-hand side to 10⁻⁶ above x
        // behind the factor's back leaves that slack at −10⁻⁶ once
        // rebuilt, as summed round-off does.
        let mut s = Simplex::new(&[(Sense::Eq, 1.0), (Sense::Ge, 0.4), (Sense::Ge, 0.3)]);
        let x = s.add_column(-1.0, vec![(0, 1.0), (1, 1.0)]);
        let y = s.add_column(0.0, vec![(0, 1.0), (2, 1.0)]);
        s.solve(far()).unwrap();
        let slack = s.slack[1].unwrap();
        s.b[1] += 1e-6 + s.value(slack);
        s.refactor();
        let at = s.pos_of[slack].unwrap();
        assert!(s.xb[at] < -9e-7);
        let basis = s.basis.clone();
        assert!(s.absorb_drift());
        assert_eq!(s.basis, basis);
        assert!(s.xb.iter().all(|v| *v >= 0.0));
        assert!(s.residual() < 1e-15);
        assert!((s.drift - 1e-6).abs() < 1e-12);
        assert!((s.value(x) + s.value(y) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_value_far_below_zero_is_not_absorbed() {
        // As above, but 10⁻³ below zero: not round-off, so the right-hand
        // side stays where the caller put it and the solve must give up.
        let mut s = Simplex::new(&[(Sense::Eq, 1.0), (Sense::Ge, 0.4), (Sense::Ge, 0.3)]);
        s.add_column(-1.0, vec![(0, 1.0), (1, 1.0)]);
        s.add_column(0.0, vec![(0, 1.0), (2, 1.0)]);
        s.solve(far()).unwrap();
        let slack = s.slack[1].unwrap();
        s.b[1] += 1e-3 + s.value(slack);
        s.refactor();
        let b = s.b.clone();
        assert!(!s.absorb_drift());
        assert_eq!(s.b, b);
        assert_eq!(s.drift, 0.0);
    }

    #[test]
    fn resumes_after_a_column_is_added() {
        // max x + y over x + y ≤ 1 (+ a better column added later).
        let mut s = Simplex::new(&[(Sense::Le, 1.0), (Sense::Le, 3.0)]);
        s.add_column(-1.0, vec![(0, 1.0), (1, 1.0)]);
        s.solve(far()).unwrap();
        assert!((s.dual_objective() + 1.0).abs() < 1e-9);
        let z = s.add_column(-3.0, vec![(0, 1.0), (1, 2.0)]);
        s.solve(far()).unwrap();
        assert!((s.dual_objective() + 3.0).abs() < 1e-9);
        assert!((s.value(z) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn right_hand_sides_smaller_than_the_perturbation_still_solve() {
        // min x + y s.t. x ≥ 1e-10, y ≥ 0, x + y = 1e-10·3: the perturbation
        // (about 1e-8) flips the first row's sign; the starting basis must
        // still be feasible (non-negative), as the primal simplex assumes.
        let mut s = Simplex::new(&[(Sense::Ge, 1e-10), (Sense::Ge, 0.0), (Sense::Eq, 3e-10)]);
        assert!(s.xb.iter().all(|x| *x >= 0.0), "start {:?}", s.xb);
        s.add_column(1.0, vec![(0, 1.0), (2, 1.0)]);
        s.add_column(1.0, vec![(1, 1.0), (2, 1.0)]);
        s.solve(far()).unwrap();
        assert!((s.dual_objective() - 3e-10).abs() < 1e-12);
        assert!(s.xb.iter().all(|x| *x >= -1e-12), "{:?}", s.xb);
    }

    #[test]
    fn reports_infeasible_and_unbounded() {
        let mut s = Simplex::new(&[(Sense::Ge, 2.0)]);
        s.add_column(0.0, vec![(0, -1.0)]);
        assert_eq!(s.solve(far()), Err(SimplexError::Infeasible));
        let mut s = Simplex::new(&[(Sense::Ge, 1.0)]);
        s.add_column(-1.0, vec![(0, 1.0)]);
        assert_eq!(s.solve(far()), Err(SimplexError::Unbounded));
    }

    type Column = (f64, Vec<(usize, f64)>);

    /// The optimum microlp finds for the same LP, if it has one.
    fn microlp_optimum(rows: &[(Sense, f64)], cols: &[Column]) -> Option<f64> {
        use microlp::{ComparisonOp, OptimizationDirection, Problem};
        let mut p = Problem::new(OptimizationDirection::Minimize);
        let vars: Vec<_> = cols
            .iter()
            .map(|(c, _)| p.add_var(*c, (0.0, f64::INFINITY)))
            .collect();
        for (i, (sense, rhs)) in rows.iter().enumerate() {
            let expr: Vec<_> = cols
                .iter()
                .zip(&vars)
                .filter_map(|((_, coefs), v)| {
                    coefs.iter().find(|(r, _)| *r == i).map(|(_, a)| (*v, *a))
                })
                .collect();
            let op = match sense {
                Sense::Le => ComparisonOp::Le,
                Sense::Ge => ComparisonOp::Ge,
                Sense::Eq => ComparisonOp::Eq,
            };
            p.add_constraint(expr.as_slice(), op, *rhs);
        }
        let solution = p.solve().ok()?.into_solution().ok()?;
        Some(solution.objective())
    }

    fn xorshift(seed: u64) -> impl FnMut() -> f64 {
        let mut state = seed;
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    /// Random dense LPs against microlp: same optimum.
    #[test]
    fn matches_microlp_on_random_lps() {
        let mut unit = xorshift(0x1234_5678_9abc_def0);
        let mut solved = 0;
        for round in 0..40 {
            let (m, n) = (3 + round % 5, 4 + round % 7);
            let rows: Vec<(Sense, f64)> = (0..m)
                .map(|i| match i % 3 {
                    0 => (Sense::Le, 1.0 + 5.0 * unit()),
                    1 => (Sense::Ge, unit()),
                    _ => (Sense::Eq, 1.0 + unit()),
                })
                .collect();
            let cols: Vec<Column> = (0..n)
                .map(|_| {
                    let coefs = (0..m)
                        .filter_map(|i| {
                            let v = unit();
                            (v > 0.3).then(|| (i, (v * 4.0).round()))
                        })
                        .collect();
                    (unit() * 2.0 - 1.0, coefs)
                })
                .collect();
            let mut s = Simplex::new(&rows);
            for (c, coefs) in &cols {
                s.add_column(*c, coefs.clone());
            }
            let ours = s.solve(far());
            match (ours, microlp_optimum(&rows, &cols)) {
                (Ok(()), Some(theirs)) => {
                    assert!(
                        (s.dual_objective() - theirs).abs() < 1e-7,
                        "round {round}: {} vs {theirs}",
                        s.dual_objective()
                    );
                    solved += 1;
                }
                (Err(SimplexError::Infeasible), None) | (Err(SimplexError::Unbounded), None) => {}
                (a, b) => panic!("round {round}: ours {a:?}, microlp {:?}", b.is_some()),
            }
        }
        assert!(solved >= 10, "only {solved} feasible bounded LPs");
    }

    /// Column generation on a master-shaped LP (max λ over a convexity row
    /// and one `≥` row per type, panels of integer counts added in
    /// batches): every warm re-solve, through hundreds of pivots and
    /// rebuilds of the core factor, matches microlp solving from scratch.
    #[test]
    fn warm_re_solves_match_microlp_on_master_shaped_lps() {
        let mut unit = xorshift(0x0005_EED0_FC01_6E4E);
        for round in 0..4 {
            let types = 30 + 10 * round;
            let mut rows = vec![(Sense::Eq, 1.0)];
            rows.extend((0..types).map(|_| (Sense::Ge, 0.0)));
            let weights: Vec<f64> = (0..types).map(|_| 0.5 + unit()).collect();
            let lambda: Vec<(usize, f64)> = (0..types).map(|t| (t + 1, -weights[t])).collect();
            let mut cols: Vec<Column> = vec![(-1.0, lambda.clone())];
            let mut s = Simplex::new(&rows);
            s.add_column(-1.0, lambda);
            for batch in 0..12 {
                for _ in 0..(5 + batch) {
                    let mut coefs = vec![(0, 1.0)];
                    for t in 0..types {
                        let v = unit();
                        if v < 0.3 {
                            coefs.push((t + 1, if v < 0.1 { 0.5 } else { 0.25 }));
                        }
                    }
                    s.add_column(0.0, coefs.clone());
                    cols.push((0.0, coefs));
                }
                s.solve(far()).unwrap();
                let theirs = microlp_optimum(&rows, &cols).expect("feasible and bounded");
                assert!(
                    (s.dual_objective() - theirs).abs() < 1e-7,
                    "round {round} batch {batch}: {} vs {theirs}",
                    s.dual_objective()
                );
            }
            assert!(s.pivots > 100, "only {} pivots", s.pivots);
        }
    }
}
