//! Summary measures of a probability vector.

/// Gini coefficient (0 = everyone equal, towards 1 = concentrated).
pub fn gini(values: &[f64]) -> f64 {
    let n = values.len();
    let total: f64 = values.iter().sum();
    if n == 0 || total <= 0.0 {
        return 0.0;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let weighted: f64 = v
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    (2.0 * weighted / (n as f64 * total) - (n as f64 + 1.0) / n as f64).max(0.0)
}

/// Geometric mean (Nash welfare per person); 0 if anyone has probability 0.
pub fn geometric_mean(values: &[f64]) -> f64 {
    if values.is_empty() || values.iter().any(|v| *v <= 0.0) {
        return 0.0;
    }
    (values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gini_of_equal_is_zero_and_of_concentrated_is_high() {
        assert!(gini(&[0.1; 10]).abs() < 1e-12);
        let mut v = vec![0.0; 9];
        v.push(1.0);
        assert!((gini(&v) - 0.9).abs() < 1e-12);
    }

    #[test]
    fn geometric_mean_matches_hand_computation() {
        assert!((geometric_mean(&[0.25, 1.0]) - 0.5).abs() < 1e-12);
        assert_eq!(geometric_mean(&[0.0, 1.0]), 0.0);
    }
}
