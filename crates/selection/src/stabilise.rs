//! Dual smoothing (Wentges 1997) for the column generation of a level.
//!
//! The restricted master's duals jump around from round to round, so the
//! panels priced at them improve the master little and the level tails off
//! (hard 1000/40: thousands of panels, no convergence in 5 minutes).
//! Smoothing prices at `α·ū + (1 − α)·u` instead, where `ū` (the *centre*)
//! is the dual point with the best Lagrangian bound so far. Any dual point
//! with `Σ_{t unfixed} w_t·n_t·u_t = 1` and `u ≥ 0` gives a valid bound on
//! the level, `L(u) = π(u) − Σ_{t fixed} q_t·n_t·u_t` with `π(u)` the best
//! panel value, and convex combinations keep that normalisation; so every
//! exact pricing call certifies a bound and the level can stop as soon as
//! `min L − D ≤ tolerance`, `D` being the restricted optimum.
//!
//! If the panel priced at the smoothed point does not improve the master
//! (a *mispricing*), the next try moves towards `u`:
//! `α_k = max(0, 1 − k·(1 − α))` (Pessoa et al. 2018), which ends at `u`
//! itself, where plain column generation's argument applies; so the level
//! converges to the same optimum as without smoothing.

/// Smoothing state of one level.
#[derive(Debug, Clone)]
pub(crate) struct Smoothing {
    alpha: f64,
    centre: Option<(Vec<f64>, f64)>,
}

impl Smoothing {
    /// `alpha` in [0, 1): 0 turns smoothing off.
    pub fn new(alpha: f64) -> Smoothing {
        Smoothing {
            alpha: alpha.clamp(0.0, 0.99),
            centre: None,
        }
    }

    /// The point to price at after `mispriced` consecutive mispricings,
    /// and whether it is the master's own duals (no smoothing left).
    pub fn point(&self, duals: &[f64], mispriced: u32) -> (Vec<f64>, bool) {
        let a = (1.0 - (mispriced + 1) as f64 * (1.0 - self.alpha)).max(0.0);
        match &self.centre {
            Some((c, _)) if a > 0.0 => (
                c.iter()
                    .zip(duals)
                    .map(|(cv, uv)| a * cv + (1.0 - a) * uv)
                    .collect(),
                false,
            ),
            _ => (duals.to_vec(), true),
        }
    }

    /// Records a priced point and its Lagrangian bound; the best becomes
    /// the centre.
    pub fn observe(&mut self, point: Vec<f64>, bound: f64) {
        if self.centre.as_ref().is_none_or(|(_, b)| bound < *b) {
            self.centre = Some((point, bound));
        }
    }

    /// The dual point with the best bound so far.
    #[cfg(test)]
    pub fn centre(&self) -> Option<&[f64]> {
        self.centre.as_ref().map(|(c, _)| c.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_from_the_centre_to_the_duals_on_mispricing() {
        let mut s = Smoothing::new(0.75);
        let u = [1.0, 0.0];
        // No centre yet: price at the duals.
        assert_eq!(s.point(&u, 0), (u.to_vec(), true));
        s.observe(vec![0.0, 1.0], 2.0);
        let (p, plain) = s.point(&u, 0);
        assert!(!plain);
        assert!((p[0] - 0.25).abs() < 1e-12 && (p[1] - 0.75).abs() < 1e-12);
        let (p, _) = s.point(&u, 1);
        assert!((p[0] - 0.5).abs() < 1e-12);
        // After enough mispricings the duals themselves.
        assert_eq!(s.point(&u, 3), (u.to_vec(), true));
    }

    #[test]
    fn keeps_the_best_bound_as_centre() {
        let mut s = Smoothing::new(0.5);
        s.observe(vec![1.0], 3.0);
        s.observe(vec![2.0], 4.0);
        assert_eq!(s.centre(), Some(&[1.0][..]));
        s.observe(vec![3.0], 1.0);
        assert_eq!(s.centre(), Some(&[3.0][..]));
    }

    #[test]
    fn zero_alpha_never_smooths() {
        let mut s = Smoothing::new(0.0);
        s.observe(vec![5.0], 1.0);
        assert_eq!(s.point(&[1.0], 0), (vec![1.0], true));
    }
}
