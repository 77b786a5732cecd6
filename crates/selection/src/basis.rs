//! The simplex basis as a small dense core bordered by unit columns.
//!
//! A master LP has one row per person type but only a few hundred panels,
//! so most basic columns are slacks or artificials: unit columns `±e_i`.
//! Set the rows covered by a basic unit column aside and the basis is
//! invertible exactly when its *core* is: the basic structural columns
//! restricted to the uncovered rows, a square k × k matrix (k = number of
//! basic structurals). Every solve with the basis reduces to one with the
//! core plus a sparse correction on the covered rows, so only the core's
//! inverse is kept. A pivot then costs O(k²) instead of O(m²) for a dense
//! m × m inverse; on hard 2000/110 with 8 categories k is 100–500 against
//! m = 1,407 rows.
//!
//! Notation: the inverse `G` has one row per basic structural (its *core
//! column* index) and one column per uncovered row (its *core row* index),
//! so the structurals' values solving `B·x = a` are `x_J = G·a_R`.

/// The non-zero entries of a dense vector, as (index, value).
pub(crate) fn sparse(dense: &[f64]) -> Vec<(usize, f64)> {
    dense
        .iter()
        .enumerate()
        .filter(|(_, v)| **v != 0.0)
        .map(|(i, v)| (i, *v))
        .collect()
}

/// A column entering the basis.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Entering<'a> {
    /// `sign·e_row` (a slack or an artificial).
    Unit { row: usize, sign: f64 },
    /// Any other column, sparse.
    Structural(&'a [(usize, f64)]),
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Unit {
        row: usize,
        sign: f64,
    },
    /// Index into the core columns.
    Core(usize),
}

/// A growable dense square matrix, row-major with spare capacity.
#[derive(Debug, Clone, Default)]
struct Square {
    n: usize,
    stride: usize,
    data: Vec<f64>,
}

impl Square {
    fn row(&self, b: usize) -> &[f64] {
        &self.data[b * self.stride..b * self.stride + self.n]
    }

    fn row_mut(&mut self, b: usize) -> &mut [f64] {
        &mut self.data[b * self.stride..b * self.stride + self.n]
    }

    /// Two distinct rows, the first mutable.
    fn rows_mut(&mut self, target: usize, source: usize) -> (&mut [f64], &[f64]) {
        let (s, n) = (self.stride, self.n);
        if target < source {
            let (lo, hi) = self.data.split_at_mut(source * s);
            (&mut lo[target * s..target * s + n], &hi[..n])
        } else {
            let (lo, hi) = self.data.split_at_mut(target * s);
            (&mut hi[..n], &lo[source * s..source * s + n])
        }
    }

    /// Adds a zero row and column.
    fn grow(&mut self) {
        if self.n + 1 > self.stride {
            let stride = (2 * self.stride).max(16);
            let mut data = vec![0.0; stride * stride];
            for b in 0..self.n {
                data[b * stride..b * stride + self.n].copy_from_slice(self.row(b));
            }
            self.stride = stride;
            self.data = data;
        }
        self.n += 1;
        let last = self.n - 1;
        self.row_mut(last).fill(0.0);
        for b in 0..last {
            self.data[b * self.stride + last] = 0.0;
        }
    }

    /// Removes row `b` and column `a`, moving the last row and column into
    /// their places.
    fn swap_remove(&mut self, b: usize, a: usize) {
        let last = self.n - 1;
        if b != last {
            let (to, from) = self.rows_mut(b, last);
            to.copy_from_slice(from);
        }
        if a != last {
            for row in 0..last {
                let base = row * self.stride;
                self.data[base + a] = self.data[base + last];
            }
        }
        self.n = last;
    }

    /// Row `b` −= `f`·row `source`.
    fn axpy_row(&mut self, b: usize, f: f64, source: usize) {
        let (to, from) = self.rows_mut(b, source);
        for (t, s) in to.iter_mut().zip(from) {
            *t -= f * s;
        }
    }
}

/// The basis factor: `m` positions, each holding a unit or a core column.
#[derive(Debug, Clone)]
pub(crate) struct Basis {
    slots: Vec<Slot>,
    /// Position of the unit column covering each row, if any.
    cover: Vec<Option<usize>>,
    /// Core row index of each uncovered row.
    core_index: Vec<Option<usize>>,
    /// Row of each core row index.
    core_rows: Vec<usize>,
    /// Position of each core column.
    core_pos: Vec<usize>,
    core_cols: Vec<Vec<(usize, f64)>>,
    inv: Square,
}

impl Basis {
    /// A basis of unit columns: position `p` holds `sign·e_row` for
    /// `units[p] = (row, sign)`, every row covered once.
    pub fn units(units: &[(usize, f64)]) -> Basis {
        let m = units.len();
        let mut cover = vec![None; m];
        for (p, &(row, _)) in units.iter().enumerate() {
            debug_assert!(cover[row].is_none(), "row {row} covered twice");
            cover[row] = Some(p);
        }
        Basis {
            slots: units
                .iter()
                .map(|&(row, sign)| Slot::Unit { row, sign })
                .collect(),
            cover,
            core_index: vec![None; m],
            core_rows: Vec::new(),
            core_pos: Vec::new(),
            core_cols: Vec::new(),
            inv: Square::default(),
        }
    }

    /// `x_J = G·a_R`.
    fn core_solve(&self, a: &[(usize, f64)]) -> Vec<f64> {
        let nz: Vec<(usize, f64)> = a
            .iter()
            .filter_map(|(i, v)| self.core_index[*i].map(|ai| (ai, *v)))
            .collect();
        (0..self.inv.n)
            .map(|b| {
                let row = self.inv.row(b);
                nz.iter().map(|(ai, v)| row[*ai] * v).sum()
            })
            .collect()
    }

    /// The entries of row `i` in the core columns.
    fn core_row(&self, i: usize) -> Vec<f64> {
        self.core_cols
            .iter()
            .map(|col| col.iter().find(|(r, _)| *r == i).map_or(0.0, |(_, v)| *v))
            .collect()
    }

    /// `w·G` for a vector `w` over core columns.
    fn left_solve(&self, w: &[f64]) -> Vec<f64> {
        let mut v = vec![0.0; self.inv.n];
        for (b, wb) in w.iter().enumerate() {
            if *wb != 0.0 {
                for (vi, g) in v.iter_mut().zip(self.inv.row(b)) {
                    *vi += wb * g;
                }
            }
        }
        v
    }

    /// `B⁻¹·a`, indexed by position.
    pub fn ftran(&self, a: &[(usize, f64)]) -> Vec<f64> {
        let m = self.slots.len();
        let x = self.core_solve(a);
        // Covered rows: what the structurals leave of `a`. Uncovered rows
        // are summed too (and ignored): cheaper than testing each entry.
        let mut rest = vec![0.0; m];
        for (i, v) in a {
            rest[*i] += v;
        }
        for (col, xb) in self.core_cols.iter().zip(&x) {
            if *xb != 0.0 {
                for (i, v) in col {
                    rest[*i] -= v * xb;
                }
            }
        }
        self.slots
            .iter()
            .map(|slot| match *slot {
                Slot::Unit { row, sign } => rest[row] / sign,
                Slot::Core(b) => x[b],
            })
            .collect()
    }

    /// `y` with `y·B = c`, for costs given sparsely as (position, cost);
    /// indexed by row.
    pub fn btran_sparse(&self, costs: &[(usize, f64)]) -> Vec<f64> {
        let m = self.slots.len();
        let mut y = vec![0.0; m];
        let mut r = vec![0.0; self.inv.n];
        for &(p, c) in costs {
            match self.slots[p] {
                Slot::Unit { row, sign } => y[row] = c / sign,
                Slot::Core(b) => r[b] = c,
            }
        }
        // Uncovered rows still hold 0 in `y`, so the sum runs over covered
        // rows only.
        for (rb, col) in r.iter_mut().zip(&self.core_cols) {
            *rb -= col.iter().map(|(i, v)| y[*i] * v).sum::<f64>();
        }
        for (a, ya) in self.left_solve(&r).into_iter().enumerate() {
            y[self.core_rows[a]] = ya;
        }
        y
    }

    /// `y` with `y·B = c` for costs by position.
    #[cfg(test)]
    pub fn btran(&self, costs: &[f64]) -> Vec<f64> {
        self.btran_sparse(&sparse(costs))
    }

    /// Row `r` of `B⁻¹`, indexed by row.
    pub fn inverse_row(&self, r: usize) -> Vec<f64> {
        self.btran_sparse(&[(r, 1.0)])
    }

    /// Puts `entering` at position `r`; `alpha` is its [`Basis::ftran`],
    /// and `alpha[r]` must be safely non-zero.
    pub fn replace(&mut self, r: usize, entering: Entering<'_>, alpha: &[f64]) {
        let x: Vec<f64> = self.core_pos.iter().map(|p| alpha[*p]).collect();
        match (self.slots[r], entering) {
            (Slot::Core(b), Entering::Structural(col)) => {
                // Product-form update of one core column.
                let pivot = x[b];
                self.inv.row_mut(b).iter_mut().for_each(|g| *g /= pivot);
                for (b2, xb) in x.iter().enumerate() {
                    if b2 != b && *xb != 0.0 {
                        self.inv.axpy_row(b2, *xb, b);
                    }
                }
                self.core_cols[b] = col.to_vec();
            }
            (Slot::Core(b), Entering::Unit { row, sign }) => {
                // The unit covers `row`: the core loses that row and
                // column `b`, whose inverse is G less a rank-one term.
                let a = self.core_index[row].expect("an entering unit's row is uncovered");
                let pivot = self.inv.row(b)[a];
                for b2 in 0..self.inv.n {
                    let f = self.inv.row(b2)[a];
                    if b2 != b && f != 0.0 {
                        self.inv.axpy_row(b2, f / pivot, b);
                    }
                }
                self.inv.swap_remove(b, a);
                self.core_cols.swap_remove(b);
                self.core_pos.swap_remove(b);
                if let Some(p) = self.core_pos.get(b) {
                    self.slots[*p] = Slot::Core(b);
                }
                self.core_rows.swap_remove(a);
                if let Some(i) = self.core_rows.get(a) {
                    self.core_index[*i] = Some(a);
                }
                self.core_index[row] = None;
                self.cover[row] = Some(r);
                self.slots[r] = Slot::Unit { row, sign };
            }
            (Slot::Unit { row, sign }, Entering::Structural(col)) => {
                // Row `row` and the column join the core: bordered inverse
                // with Schur complement σ = a_row − w·G·a_R.
                let sigma = alpha[r] * sign;
                let v = self.left_solve(&self.core_row(row));
                for (b, xb) in x.iter().enumerate() {
                    if *xb != 0.0 {
                        let f = -xb / sigma;
                        for (g, vi) in self.inv.row_mut(b).iter_mut().zip(&v) {
                            *g -= f * vi;
                        }
                    }
                }
                self.inv.grow();
                let k = self.inv.n - 1;
                let stride = self.inv.stride;
                for (b, xb) in x.iter().enumerate() {
                    self.inv.data[b * stride + k] = -xb / sigma;
                }
                let last = self.inv.row_mut(k);
                for (g, vi) in last.iter_mut().zip(&v) {
                    *g = -vi / sigma;
                }
                last[k] = 1.0 / sigma;
                self.core_pos.push(r);
                self.core_cols.push(col.to_vec());
                self.core_rows.push(row);
                self.core_index[row] = Some(k);
                self.cover[row] = None;
                self.slots[r] = Slot::Core(k);
            }
            (
                Slot::Unit { row, .. },
                Entering::Unit {
                    row: new_row,
                    sign: new_sign,
                },
            ) => {
                if new_row != row {
                    // Core row `a` changes from `new_row` to `row`:
                    // Sherman–Morrison, G' = G − G[:,a]·(v − e_a)/v_a with
                    // v = w·G, w the new row.
                    let a = self.core_index[new_row].expect("an entering unit's row is uncovered");
                    let v = self.left_solve(&self.core_row(row));
                    let va = v[a];
                    for b in 0..self.inv.n {
                        let g = self.inv.row_mut(b);
                        let f = g[a] / va;
                        if f != 0.0 {
                            for (gi, vi) in g.iter_mut().zip(&v) {
                                *gi -= f * vi;
                            }
                            g[a] += f;
                        }
                    }
                    self.core_rows[a] = row;
                    self.core_index[row] = Some(a);
                    self.core_index[new_row] = None;
                    self.cover[row] = None;
                    self.cover[new_row] = Some(r);
                }
                self.slots[r] = Slot::Unit {
                    row: new_row,
                    sign: new_sign,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rng(u64);

    impl Rng {
        fn unit(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64
        }

        fn below(&mut self, n: usize) -> usize {
            ((self.unit() * n as f64) as usize).min(n - 1)
        }
    }

    /// The basis as an explicit dense matrix, column `p` = position `p`.
    fn dense(b: &Basis) -> Vec<Vec<f64>> {
        let m = b.slots.len();
        let mut mat = vec![vec![0.0; m]; m];
        for (p, slot) in b.slots.iter().enumerate() {
            match *slot {
                Slot::Unit { row, sign } => mat[row][p] = sign,
                Slot::Core(k) => {
                    for (i, v) in &b.core_cols[k] {
                        mat[*i][p] += v;
                    }
                }
            }
        }
        mat
    }

    fn check(b: &Basis, rng: &mut Rng, context: &str) {
        let m = b.slots.len();
        let mat = dense(b);
        let mut a: Vec<(usize, f64)> = Vec::new();
        for i in 0..m {
            if rng.unit() < 0.5 {
                a.push((i, rng.unit() * 2.0 - 1.0));
            }
        }
        let x = b.ftran(&a);
        for (i, mat_row) in mat.iter().enumerate() {
            let lhs: f64 = mat_row.iter().zip(&x).map(|(m, x)| m * x).sum();
            let rhs = a.iter().find(|(r, _)| *r == i).map_or(0.0, |(_, v)| *v);
            assert!(
                (lhs - rhs).abs() < 1e-8,
                "{context}: ftran row {i}: {lhs} vs {rhs}"
            );
        }
        let c: Vec<f64> = (0..m).map(|_| rng.unit() - 0.5).collect();
        let y = b.btran(&c);
        for (p, cp) in c.iter().enumerate() {
            let lhs: f64 = y.iter().zip(&mat).map(|(y, row)| y * row[p]).sum();
            assert!(
                (lhs - cp).abs() < 1e-8,
                "{context}: btran column {p}: {lhs} vs {cp}"
            );
        }
        for r in 0..m {
            let rho = b.inverse_row(r);
            for p in 0..m {
                let lhs: f64 = rho.iter().zip(&mat).map(|(r, row)| r * row[p]).sum();
                let want = if p == r { 1.0 } else { 0.0 };
                assert!((lhs - want).abs() < 1e-8, "{context}: inverse row {r}");
            }
        }
    }

    /// Random pivot sequences of every kind (core/unit in, core/unit out)
    /// keep `ftran`, `btran` and the inverse rows exact against the
    /// explicit basis matrix.
    #[test]
    fn every_kind_of_pivot_keeps_the_solves_exact() {
        let mut rng = Rng(0x0DDB_1A5E_5BAD_5EED);
        let mut kinds = [0usize; 4];
        for round in 0..30 {
            let m = 3 + round % 9;
            let units: Vec<(usize, f64)> = (0..m)
                .map(|i| (i, if rng.unit() < 0.5 { 1.0 } else { -1.0 }))
                .collect();
            let mut b = Basis::units(&units);
            for step in 0..40 {
                let entering_unit = rng.unit() < 0.35;
                let col: Vec<(usize, f64)> = if entering_unit {
                    vec![(rng.below(m), if rng.unit() < 0.5 { 1.0 } else { -1.0 })]
                } else {
                    let rows: Vec<usize> = (0..m).filter(|_| rng.unit() < 0.4).collect();
                    rows.into_iter()
                        .map(|i| (i, (rng.unit() * 8.0).round() - 3.0))
                        .filter(|(_, v)| *v != 0.0)
                        .collect()
                };
                if col.is_empty() {
                    continue;
                }
                let alpha = b.ftran(&col);
                // A well-conditioned position to pivot on.
                let candidates: Vec<usize> = (0..m).filter(|p| alpha[*p].abs() > 0.2).collect();
                if candidates.is_empty() {
                    continue;
                }
                let r = candidates[rng.below(candidates.len())];
                let leaving_unit = matches!(b.slots[r], Slot::Unit { .. });
                kinds[usize::from(entering_unit) * 2 + usize::from(leaving_unit)] += 1;
                let entering = if entering_unit {
                    Entering::Unit {
                        row: col[0].0,
                        sign: col[0].1,
                    }
                } else {
                    Entering::Structural(&col)
                };
                b.replace(r, entering, &alpha);
                check(&b, &mut rng, &format!("round {round} step {step}"));
            }
        }
        assert!(kinds.iter().all(|k| *k >= 20), "pivot kinds {kinds:?}");
    }
}
