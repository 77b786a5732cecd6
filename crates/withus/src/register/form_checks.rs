//! Problems several register forms find in their answers, for their `check()` functions.

use crate::web::forms::Problem;

/// A value the form does not offer, refused by name; and every ticked value of a repeated field
/// from a fixed list, each value not on it a problem naming it. The web layer's, under the names
/// the register's checks use.
pub use crate::web::forms::{
    check_known_all as known_all, not_recognised_problem as not_recognised,
};

/// The problems, or the value when there are none.
pub fn done<T>(problems: Vec<Problem>, value: impl FnOnce() -> T) -> Result<T, Vec<Problem>> {
    if problems.is_empty() {
        Ok(value())
    } else {
        Err(problems)
    }
}

/// Forms and problems written briefly, for the tests of the checks.
#[cfg(test)]
pub mod testing {
    use crate::web::forms::Problem;

    /// A submitted form from its fields and values.
    pub fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// Each problem's field and message key, in order.
    pub fn fields(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.field.as_str(), p.key)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_value_is_named_and_cut_to_a_readable_length() {
        let long = "x".repeat(50);
        let mut problems = Vec::new();
        let known = known_all(
            &mut problems,
            "scopes",
            &["a".into(), long.clone(), " ".into()],
            |v| (v == "a").then_some(1),
        );
        assert_eq!(known, vec![1]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "scopes");
        let crate::i18n::Arg::Text(shown) = &problems[0].args[0].1 else {
            panic!("the value is text");
        };
        assert_eq!(shown.chars().count(), 41);
        assert!(shown.ends_with('…'));
    }
}
