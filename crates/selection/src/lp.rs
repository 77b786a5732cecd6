//! Linear programs behind one small interface: built once, then re-solved
//! warm after rows are added. microlp (pure Rust) always; HiGHS with the
//! `highs` feature, which is much faster on the larger master LPs.

use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem, Solution, SolveOptions, Variable};

use crate::leximin::SolveError;

/// Which LP solver runs the master problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LpBackend {
    /// Pure Rust, no build requirements.
    Microlp,
    /// HiGHS (feature `highs`; needs cmake, a C++ compiler and libclang).
    Highs,
}

impl LpBackend {
    /// The fastest backend compiled in.
    pub fn best_available() -> LpBackend {
        if cfg!(feature = "highs") {
            LpBackend::Highs
        } else {
            LpBackend::Microlp
        }
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

    fn run(mut model: Model) -> Result<SolvedModel, SolveError> {
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
