//! Linear programs behind one small interface: built once, then re-solved
//! warm after rows are added. microlp (pure Rust) always; HiGHS with the
//! `highs` feature, which is much faster on the larger master LPs.

use std::time::{Duration, Instant};

use microlp::{ComparisonOp, OptimizationDirection, Problem, Solution, SolveOptions, Variable};

use crate::leximin::SolveError;
use crate::simplex::{Sense, Simplex, SimplexError};

/// Which LP solver runs the master problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LpBackend {
    /// The built-in dense primal simplex (pure Rust): re-solves after added
    /// panels in a few pivots. The default.
    Simplex,
    /// microlp (pure Rust), a general LP library.
    Microlp,
    /// HiGHS (feature `highs`; needs cmake, a C++ compiler and libclang).
    Highs,
}

impl LpBackend {
    /// The default: the built-in simplex was the fastest on every
    /// benchmark instance (see docs/selection-benchmarks.md).
    pub fn best_available() -> LpBackend {
        LpBackend::Simplex
    }
}

/// A row: (column index, coefficient) pairs with bounds `lo ≤ row ≤ hi`.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub coefs: Vec<(usize, f64)>,
    pub lo: f64,
    pub hi: f64,
}

/// A minimisation LP: column costs, column bounds and rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Spec {
    pub costs: Vec<f64>,
    pub bounds: Vec<(f64, f64)>,
    pub rows: Vec<Row>,
}

impl Spec {
    pub fn col(&mut self, cost: f64, lo: f64, hi: f64) -> usize {
        self.costs.push(cost);
        self.bounds.push((lo, hi));
        self.costs.len() - 1
    }
}

/// An optimal point: column values and objective.
#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub values: Vec<f64>,
    pub objective: f64,
}

enum State {
    /// Solved once (the final distribution); not re-solved.
    Simplex,
    Micro {
        sol: Box<Solution>,
        vars: Vec<Variable>,
    },
    #[cfg(feature = "highs")]
    Highs {
        model: Option<highs::SolvedModel>,
        cols: usize,
    },
}

/// A solved LP that accepts more rows.
pub(crate) struct Lp {
    state: State,
}

fn numerical(e: impl std::fmt::Display) -> SolveError {
    SolveError::Numerical(e.to_string())
}

fn micro_rows(p: &mut Problem, vars: &[Variable], row: &Row) {
    let expr: Vec<(Variable, f64)> = row.coefs.iter().map(|(c, v)| (vars[*c], *v)).collect();
    if row.lo == row.hi {
        p.add_constraint(expr.as_slice(), ComparisonOp::Eq, row.lo);
    } else {
        if row.lo > f64::NEG_INFINITY {
            p.add_constraint(expr.as_slice(), ComparisonOp::Ge, row.lo);
        }
        if row.hi < f64::INFINITY {
            p.add_constraint(expr.as_slice(), ComparisonOp::Le, row.hi);
        }
    }
}

impl Lp {
    pub fn solve(
        spec: &Spec,
        backend: LpBackend,
        limit: Duration,
    ) -> Result<(Lp, Point), SolveError> {
        match backend {
            #[cfg(feature = "highs")]
            LpBackend::Highs => highs_impl::solve(spec, limit),
            LpBackend::Simplex => simplex_solve(spec, limit),
            _ => {
                let mut p = Problem::new(OptimizationDirection::Minimize);
                let vars: Vec<Variable> = spec
                    .costs
                    .iter()
                    .zip(&spec.bounds)
                    .map(|(c, b)| p.add_var(*c, *b))
                    .collect();
                for row in &spec.rows {
                    micro_rows(&mut p, &vars, row);
                }
                let mut options = SolveOptions::default();
                // Presolve costs more than it saves on these small, dense LPs.
                options.presolve = false;
                options.time_limit = Some(limit.max(Duration::from_millis(1)));
                let sol = p
                    .solve_with(options)
                    .map_err(numerical)?
                    .into_solution()
                    .map_err(|_| SolveError::OutOfTime)?;
                let point = micro_point(&sol, &vars);
                Ok((
                    Lp {
                        state: State::Micro {
                            sol: Box::new(sol),
                            vars,
                        },
                    },
                    point,
                ))
            }
        }
    }

    /// Adds `≤ hi` / `≥ lo` rows and re-solves from the previous basis.
    pub fn add_rows(&mut self, rows: &[Row]) -> Result<Point, SolveError> {
        match &mut self.state {
            State::Simplex => Err(numerical("rows cannot be added to the simplex form")),
            State::Micro { sol, vars } => {
                let mut current: Solution = (**sol).clone();
                for row in rows {
                    let expr: Vec<(Variable, f64)> =
                        row.coefs.iter().map(|(c, v)| (vars[*c], *v)).collect();
                    let (op, rhs) = if row.hi < f64::INFINITY {
                        (ComparisonOp::Le, row.hi)
                    } else {
                        (ComparisonOp::Ge, row.lo)
                    };
                    current = current
                        .add_constraint(expr.as_slice(), op, rhs)
                        .map_err(numerical)?
                        .into_solution()
                        .map_err(|_| SolveError::OutOfTime)?;
                }
                let point = micro_point(&current, vars);
                **sol = current;
                Ok(point)
            }
            #[cfg(feature = "highs")]
            State::Highs { model, cols } => highs_impl::add_rows(model, *cols, rows),
        }
    }
}

/// A general LP on the built-in simplex: ranged rows split in two, finite
/// column upper bounds become rows.
fn simplex_solve(spec: &Spec, limit: Duration) -> Result<(Lp, Point), SolveError> {
    let mut rows: Vec<(Sense, f64)> = Vec::new();
    let mut coefs: Vec<Vec<(usize, f64)>> = vec![Vec::new(); spec.costs.len()];
    let mut add = |sense: Sense, rhs: f64, row: &[(usize, f64)]| {
        for (c, v) in row {
            coefs[*c].push((rows.len(), *v));
        }
        rows.push((sense, rhs));
    };
    for row in &spec.rows {
        if row.lo == row.hi {
            add(Sense::Eq, row.lo, &row.coefs);
        } else {
            if row.lo > f64::NEG_INFINITY {
                add(Sense::Ge, row.lo, &row.coefs);
            }
            if row.hi < f64::INFINITY {
                add(Sense::Le, row.hi, &row.coefs);
            }
        }
    }
    for (c, (lo, hi)) in spec.bounds.iter().enumerate() {
        if *lo != 0.0 {
            return Err(numerical("the simplex needs columns bounded below by 0"));
        }
        if *hi < f64::INFINITY {
            add(Sense::Le, *hi, &[(c, 1.0)]);
        }
    }
    let mut lp = Simplex::new(&rows);
    let cols: Vec<usize> = coefs
        .into_iter()
        .zip(&spec.costs)
        .map(|(c, cost)| lp.add_column(*cost, c))
        .collect();
    lp.solve(Instant::now() + limit).map_err(simplex_error)?;
    let point = Point {
        values: cols.iter().map(|c| lp.value(*c)).collect(),
        objective: lp.objective(),
    };
    Ok((
        Lp {
            state: State::Simplex,
        },
        point,
    ))
}

fn simplex_error(e: SimplexError) -> SolveError {
    match e {
        SimplexError::OutOfTime => SolveError::OutOfTime,
        other => numerical(format!("the master LP is {other:?}")),
    }
}

fn micro_point(sol: &Solution, vars: &[Variable]) -> Point {
    Point {
        values: vars.iter().map(|v| sol.var_value(*v)).collect(),
        objective: sol.objective(),
    }
}

#[cfg(feature = "highs")]
mod highs_impl {
    use std::time::Duration;

    use highs::{HighsModelStatus, Model, RowProblem, Sense, SolvedModel};

    use super::{Lp, Point, Row, Spec, State, numerical};
    use crate::leximin::SolveError;

    fn point(model: &SolvedModel) -> Point {
        Point {
            values: model.get_solution().columns().to_vec(),
            objective: model.objective_value(),
        }
    }

    fn run(model: Model) -> Result<SolvedModel, SolveError> {
        let solved = model.try_solve().map_err(|e| numerical(format!("{e:?}")))?;
        match solved.status() {
            HighsModelStatus::Optimal => Ok(solved),
            HighsModelStatus::ReachedTimeLimit => Err(SolveError::OutOfTime),
            other => Err(numerical(format!("HiGHS ended with {other:?}"))),
        }
    }

    pub(super) fn solve(spec: &Spec, limit: Duration) -> Result<(Lp, Point), SolveError> {
        let mut pb = RowProblem::default();
        let cols: Vec<_> = spec
            .costs
            .iter()
            .zip(&spec.bounds)
            .map(|(c, (lo, hi))| pb.add_column(*c, *lo..=*hi))
            .collect();
        for row in &spec.rows {
            pb.add_row(
                row.lo..=row.hi,
                row.coefs.iter().map(|(c, v)| (cols[*c], *v)),
            );
        }
        let mut model = pb.optimise(Sense::Minimise);
        model.make_quiet();
        model.set_option("threads", 1);
        // Re-solves after added rows start from the last basis; presolve
        // would discard it.
        model.set_option("presolve", "off");
        model.set_option("time_limit", limit.as_secs_f64().max(0.001));
        let solved = run(model)?;
        let p = point(&solved);
        Ok((
            Lp {
                state: State::Highs {
                    model: Some(solved),
                    cols: cols.len(),
                },
            },
            p,
        ))
    }

    pub(super) fn add_rows(
        slot: &mut Option<SolvedModel>,
        cols: usize,
        rows: &[Row],
    ) -> Result<Point, SolveError> {
        let solved = slot
            .take()
            .ok_or_else(|| numerical("LP lost after an error"))?;
        let mut model: Model = solved.into();
        // Columns are addressed by index; HiGHS's own handles are opaque.
        let mut pb = RowProblem::default();
        let handles: Vec<_> = (0..cols).map(|_| pb.add_column(0.0, 0.0..=0.0)).collect();
        for row in rows {
            model.add_row(
                row.lo..=row.hi,
                row.coefs.iter().map(|(c, v)| (handles[*c], *v)),
            );
        }
        let solved = run(model)?;
        let p = point(&solved);
        *slot = Some(solved);
        Ok(p)
    }
}

/// The level's master problem, solved for its duals: the per-person dual
/// `u_t` of each type, the panel bound `ŷ` and the level value.
#[derive(Debug, Clone)]
pub(crate) struct MasterPoint {
    pub duals: Vec<f64>,
    pub yhat: f64,
    pub value: f64,
}

/// What defines a level: per type its size, weight and fixed value.
pub(crate) struct LevelData<'a> {
    pub sizes: &'a [f64],
    pub weights: &'a [f64],
    pub fixed: &'a [Option<f64>],
    /// A distribution over the given panels meeting every fixed value
    /// (e.g. the previous level's), to start from.
    pub start: Option<&'a [f64]>,
    /// Relative right-hand-side perturbation of the built-in simplex
    /// (`None`: its default).
    pub perturbation: Option<f64>,
}

/// The master LP of a level in one of two forms: the dual form (rows are
/// panels; any LP solver) or, with HiGHS, the primal form (columns are
/// panels; duals read from HiGHS), which is far better conditioned when
/// many types are fixed.
pub(crate) enum Master {
    Primal(Box<PrimalMaster>),
    Dual {
        lp: Lp,
        nt: usize,
    },
    #[cfg(feature = "highs")]
    HighsPrimal(highs_primal::PrimalMaster),
}

impl Master {
    pub fn solve(
        data: &LevelData<'_>,
        panels: &[&[u32]],
        backend: LpBackend,
        limit: Duration,
    ) -> Result<(Master, MasterPoint), SolveError> {
        #[cfg(feature = "highs")]
        if backend == LpBackend::Highs {
            let (m, p) = highs_primal::PrimalMaster::solve(data, panels, limit)?;
            return Ok((Master::HighsPrimal(m), p));
        }
        if backend == LpBackend::Simplex {
            let (m, p) = PrimalMaster::solve(data, panels, limit)?;
            return Ok((Master::Primal(Box::new(m)), p));
        }
        let nt = data.sizes.len();
        let mut spec = Spec::default();
        for (t, q) in data.fixed.iter().enumerate() {
            spec.col(-q.unwrap_or(0.0) * data.sizes[t], 0.0, f64::INFINITY);
        }
        spec.col(1.0, 0.0, f64::INFINITY);
        spec.rows.push(Row {
            coefs: (0..nt)
                .filter(|t| data.fixed[*t].is_none())
                .map(|t| (t, data.weights[t] * data.sizes[t]))
                .collect(),
            lo: 1.0,
            hi: 1.0,
        });
        for p in panels {
            spec.rows.push(dual_panel_row(p, nt));
        }
        let (lp, point) = Lp::solve(&spec, backend, limit)?;
        Ok((Master::Dual { lp, nt }, dual_point(&point, nt)))
    }

    pub fn add_panels(&mut self, panels: &[&[u32]]) -> Result<MasterPoint, SolveError> {
        match self {
            Master::Dual { lp, nt } => {
                let rows: Vec<Row> = panels.iter().map(|p| dual_panel_row(p, *nt)).collect();
                let point = lp.add_rows(&rows)?;
                Ok(dual_point(&point, *nt))
            }
            Master::Primal(m) => m.add_panels(panels),
            #[cfg(feature = "highs")]
            Master::HighsPrimal(m) => m.add_panels(panels),
        }
    }
}

/// The level's master in primal form on the built-in simplex, each type's
/// row scaled to per-person probabilities:
///
/// ```text
/// min −λ  s.t.  Σ_P x_P = 1
///               Σ_P (c_{P,t}/n_t)·x_P − w_t·λ ≥ 0     (t unfixed)
///               Σ_P (c_{P,t}/n_t)·x_P ≥ q_t           (t fixed),  x, λ ≥ 0
/// ```
///
/// With row duals `y`, a panel's reduced cost is `−y₀ − Σ_t y_t·c_t/n_t`,
/// so `ŷ = −y₀` and the per-person dual of type `t` is `u_t = y_t/n_t`.
///
/// Started cold, the simplex stalls for thousands of pivots at λ ≈ 0 while
/// it assembles a basis that covers every type. It is therefore started
/// from a *mixture* column (a convex combination of known panels, itself a
/// valid column): the previous level's distribution, or the uniform mix of
/// the panels, which covers every type.
pub(crate) struct PrimalMaster {
    lp: Simplex,
    sizes: Vec<f64>,
    deadline: Instant,
    /// Simplex column of the mixture, and its weights over panels.
    mixture: Option<(usize, Vec<f64>)>,
    /// Simplex column of each panel, in the order given.
    panel_cols: Vec<usize>,
}

impl PrimalMaster {
    fn solve(
        data: &LevelData<'_>,
        panels: &[&[u32]],
        limit: Duration,
    ) -> Result<(PrimalMaster, MasterPoint), SolveError> {
        let nt = data.sizes.len();
        let mut rows = vec![(Sense::Eq, 1.0)];
        rows.extend(data.fixed.iter().map(|q| (Sense::Ge, q.unwrap_or(0.0))));
        let mut lp = match data.perturbation {
            Some(scale) => Simplex::perturbed(&rows, scale),
            None => Simplex::new(&rows),
        };
        let lambda: Vec<(usize, f64)> = (0..nt)
            .filter(|t| data.fixed[*t].is_none())
            .map(|t| (t + 1, -data.weights[t]))
            .collect();
        lp.add_column(-1.0, lambda);
        let mut m = PrimalMaster {
            lp,
            sizes: data.sizes.to_vec(),
            deadline: Instant::now() + limit,
            mixture: None,
            panel_cols: Vec::new(),
        };
        let weights = match data.start {
            Some(w) if w.len() == panels.len() && w.iter().sum::<f64>() > 0.5 => w.to_vec(),
            _ => vec![1.0; panels.len()],
        };
        let total: f64 = weights.iter().sum();
        if total > 0.0 {
            let mut mix = vec![0.0; nt];
            for (p, w) in panels.iter().zip(&weights) {
                for (t, &c) in p.iter().enumerate() {
                    mix[t] += w / total * c as f64;
                }
            }
            let col = m.lp.add_column(0.0, m.column(&mix));
            if m.lp.crash(col, 0) {
                m.mixture = Some((col, weights.iter().map(|w| w / total).collect()));
            }
        }
        let point = m.add_panels(panels)?;
        Ok((m, point))
    }

    fn column(&self, counts: &[f64]) -> Vec<(usize, f64)> {
        let mut coefs = vec![(0, 1.0)];
        coefs.extend(
            counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0.0)
                .map(|(t, c)| (t + 1, c / self.sizes[t])),
        );
        coefs
    }

    /// The weight of each panel (in the order given) at the optimum, with
    /// the mixture's share spread over its panels.
    pub fn panel_weights(&self) -> Vec<f64> {
        let mut w: Vec<f64> = self.panel_cols.iter().map(|c| self.lp.value(*c)).collect();
        if let Some((col, mix)) = &self.mixture {
            let share = self.lp.value(*col);
            for (wi, mi) in w.iter_mut().zip(mix) {
                *wi += share * mi;
            }
        }
        w
    }

    fn add_panels(&mut self, panels: &[&[u32]]) -> Result<MasterPoint, SolveError> {
        for p in panels {
            let counts: Vec<f64> = p.iter().map(|c| *c as f64).collect();
            let col = self.lp.add_column(0.0, self.column(&counts));
            self.panel_cols.push(col);
        }
        self.lp.solve(self.deadline).map_err(simplex_error)?;
        let y = self.lp.duals();
        Ok(MasterPoint {
            duals: y[1..]
                .iter()
                .zip(&self.sizes)
                .map(|(v, n)| v.max(0.0) / n)
                .collect(),
            yhat: -y[0],
            value: -self.lp.dual_objective(),
        })
    }
}

impl Master {
    /// Simplex iterations so far (built-in simplex only).
    pub fn pivots(&self) -> usize {
        match self {
            Master::Primal(m) => m.lp.pivots,
            _ => 0,
        }
    }

    /// Largest right-hand-side move made to absorb round-off (built-in
    /// simplex only).
    pub fn drift(&self) -> f64 {
        match self {
            Master::Primal(m) => m.lp.drift,
            _ => 0.0,
        }
    }

    /// Panel weights at the optimum, where the backend provides them.
    pub fn panel_weights(&self) -> Option<Vec<f64>> {
        match self {
            Master::Primal(m) => Some(m.panel_weights()),
            _ => None,
        }
    }
}

fn dual_point(point: &Point, nt: usize) -> MasterPoint {
    MasterPoint {
        duals: point.values[..nt].iter().map(|v| v.max(0.0)).collect(),
        yhat: point.values[nt],
        value: point.objective,
    }
}

/// `Σ_t c_t·u_t − ŷ ≤ 0` for one panel.
fn dual_panel_row(panel: &[u32], nt: usize) -> Row {
    let mut coefs: Vec<(usize, f64)> = panel
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(t, c)| (t, *c as f64))
        .collect();
    coefs.push((nt, -1.0));
    Row {
        coefs,
        lo: f64::NEG_INFINITY,
        hi: 0.0,
    }
}

#[cfg(feature = "highs")]
mod highs_primal {
    //! `max λ  s.t.  Σ_P x_P = 1;  Σ_P c_{P,t} x_P − w_t n_t λ ≥ 0 (t unfixed);
    //! Σ_P c_{P,t} x_P ≥ q_t n_t (t fixed);  x ≥ 0`.

    use std::time::Duration;

    use highs::{ColProblem, HighsModelStatus, Model, Sense, SolvedModel};

    use super::{LevelData, MasterPoint, numerical};
    use crate::leximin::SolveError;

    /// A panel's column: 1 in the convexity row, its counts in the type rows.
    fn panel_coefs(rows: &[highs::Row], panel: &[u32]) -> Vec<(highs::Row, f64)> {
        let mut coefs = vec![(rows[0], 1.0)];
        coefs.extend(
            panel
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(t, c)| (rows[t + 1], *c as f64)),
        );
        coefs
    }

    pub(crate) struct PrimalMaster {
        model: Option<SolvedModel>,
        rows: Vec<highs::Row>,
        fixed_mass: Vec<f64>,
    }

    fn run(model: Model) -> Result<SolvedModel, SolveError> {
        let solved = model.try_solve().map_err(|e| numerical(format!("{e:?}")))?;
        match solved.status() {
            HighsModelStatus::Optimal => Ok(solved),
            HighsModelStatus::ReachedTimeLimit => Err(SolveError::OutOfTime),
            other => Err(numerical(format!("HiGHS ended with {other:?}"))),
        }
    }

    impl PrimalMaster {
        pub fn solve(
            data: &LevelData<'_>,
            panels: &[&[u32]],
            limit: Duration,
        ) -> Result<(PrimalMaster, MasterPoint), SolveError> {
            let nt = data.sizes.len();
            let mut pb = ColProblem::default();
            let mut rows = Vec::with_capacity(nt + 1);
            rows.push(pb.add_row(1.0..=1.0));
            let mut fixed_mass = vec![0.0; nt];
            let mut lambda_coefs = Vec::new();
            for (t, mass) in fixed_mass.iter_mut().enumerate() {
                let row = match data.fixed[t] {
                    Some(q) => {
                        *mass = q * data.sizes[t];
                        pb.add_row(*mass..)
                    }
                    None => {
                        let r = pb.add_row(0.0..);
                        lambda_coefs.push((r, -data.weights[t] * data.sizes[t]));
                        r
                    }
                };
                rows.push(row);
            }
            pb.add_column(1.0, 0.0.., lambda_coefs);
            for p in panels {
                pb.add_column(0.0, 0.0.., panel_coefs(&rows, p));
            }
            let mut model = pb.optimise(Sense::Maximise);
            model.make_quiet();
            model.set_option("threads", 1);
            model.set_option("presolve", "off");
            model.set_option("time_limit", limit.as_secs_f64().max(0.001));
            let solved = run(model)?;
            let mut m = PrimalMaster {
                model: None,
                rows,
                fixed_mass,
            };
            let point = m.point(&solved);
            m.model = Some(solved);
            Ok((m, point))
        }

        /// Reads the duals; `ŷ` follows from strong duality,
        /// `λ = ŷ − Σ_fixed q_t n_t u_t`, which avoids sign conventions.
        fn point(&self, solved: &SolvedModel) -> MasterPoint {
            let sol = solved.get_solution();
            let d = sol.dual_rows();
            let duals: Vec<f64> = d[1..].iter().map(|v| v.abs()).collect();
            let value = solved.objective_value();
            let fixed: f64 = duals.iter().zip(&self.fixed_mass).map(|(u, m)| u * m).sum();
            MasterPoint {
                yhat: value + fixed,
                duals,
                value,
            }
        }

        pub fn add_panels(&mut self, panels: &[&[u32]]) -> Result<MasterPoint, SolveError> {
            let solved = self
                .model
                .take()
                .ok_or_else(|| numerical("LP lost after an error"))?;
            let mut model: Model = solved.into();
            for p in panels {
                model.add_col(0.0, 0.0.., panel_coefs(&self.rows, p));
            }
            let solved = run(model)?;
            let point = self.point(&solved);
            self.model = Some(solved);
            Ok(point)
        }
    }
}
