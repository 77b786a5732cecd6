//! The form that starts a working group: its answers as typed, and checking them.

use uuid::Uuid;

use crate::web::forms::{Problem, one_of, pairs};

pub const NAME_MAX_CHARS: usize = 120;
pub const MAX_PANEL_SIZE: i64 = 500;
pub const MAX_ROTATION_MONTHS: i64 = 120;
pub const DEFAULT_ROTATION_MONTHS: i64 = 12;

/// The answers as typed, kept to show back.
pub struct Answers {
    pub name: String,
    pub panel: String,
    pub size: String,
    pub rotation: bool,
    pub months: String,
}

impl Answers {
    pub fn read(body: &[u8]) -> Answers {
        let form = pairs(body);
        Answers {
            name: one_of(&form, "name"),
            panel: one_of(&form, "panel"),
            size: one_of(&form, "size"),
            rotation: one_of(&form, "rotation") != "no",
            months: one_of(&form, "months"),
        }
    }
}

/// A working group ready to create.
#[derive(Debug, PartialEq, Eq)]
pub struct Checked {
    pub panel: Uuid,
    pub panel_size: i64,
    pub rotation_months: i64,
}

/// A whole number in `1..=max`, as typed.
fn whole_number(text: &str, max: i64) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=max).contains(n))
}

/// Checks the answers. `panel` is the chosen panel if it is one of the organisation's (looked up
/// before, so that the check stays pure). Without rotation the months are kept only if usable.
pub fn check(answers: &Answers, panel: Option<Uuid>) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    if answers.name.is_empty() {
        problems.push(Problem::new("name", "selection-error-name-empty"));
    } else if answers.name.chars().count() > NAME_MAX_CHARS {
        problems.push(Problem::new("name", "selection-error-name-too-long"));
    }
    if panel.is_none() {
        problems.push(Problem::new("panel", "selection-error-panel"));
    }
    let panel_size = whole_number(&answers.size, MAX_PANEL_SIZE);
    if panel_size.is_none() {
        problems.push(Problem::new("size", "selection-error-size").with("max", MAX_PANEL_SIZE));
    }
    let months = whole_number(&answers.months, MAX_ROTATION_MONTHS);
    let rotation_months = if answers.rotation {
        months
    } else {
        Some(months.unwrap_or(DEFAULT_ROTATION_MONTHS))
    };
    if rotation_months.is_none() {
        problems.push(
            Problem::new("months", "selection-error-months").with("max", MAX_ROTATION_MONTHS),
        );
    }
    match (panel, panel_size, rotation_months) {
        (Some(panel), Some(panel_size), Some(rotation_months)) if problems.is_empty() => {
            Ok(Checked {
                panel,
                panel_size,
                rotation_months,
            })
        }
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(rotation: bool, months: &str) -> Answers {
        Answers {
            name: "Transport group".into(),
            panel: String::new(),
            size: "12".into(),
            rotation,
            months: months.into(),
        }
    }

    #[test]
    fn months_are_needed_only_with_rotation() {
        let panel = Some(Uuid::now_v7());
        assert_eq!(
            check(&answers(false, "nonsense"), panel)
                .unwrap()
                .rotation_months,
            DEFAULT_ROTATION_MONTHS
        );
        assert_eq!(
            check(&answers(false, "6"), panel).unwrap().rotation_months,
            6
        );
        assert_eq!(
            check(&answers(true, "121"), panel).unwrap_err(),
            [Problem::new("months", "selection-error-months").with("max", MAX_ROTATION_MONTHS)]
        );
    }

    #[test]
    fn a_panel_of_another_organisation_is_refused_against_its_field() {
        let problems = check(&answers(true, "12"), None).unwrap_err();
        assert_eq!(problems, [Problem::new("panel", "selection-error-panel")]);
    }
}
