//! The checks of the import's upload and column forms.

use uuid::Uuid;

use super::MAX_ROWS;
use super::mapping::{Field, Mapping};
use super::parse::{self, Format, ParseError, Table};
use crate::i18n::{Locale, grouped};
use crate::register::form_checks::done;
use crate::register::panels::PanelRow;
use crate::web::forms::{Problem, one_of};

/// A spreadsheet read and the panel its people join.
#[derive(Debug)]
pub struct ImportFile {
    pub panel: Uuid,
    pub format: Format,
    pub table: Table,
}

/// Checks the upload form: one of the organisation's `panels`, and a `file` (its name and bytes)
/// that reads as a spreadsheet of people.
pub fn check_upload(
    panel: &str,
    file: Option<(&str, &[u8])>,
    panels: &[PanelRow],
) -> Result<ImportFile, Vec<Problem>> {
    let mut problems = Vec::new();
    let panel = Uuid::parse_str(panel.trim())
        .ok()
        .filter(|id| panels.iter().any(|p| p.id == *id));
    if panel.is_none() {
        problems.push(Problem::new("panel", "import-error-panel"));
    }
    let parsed = match file {
        Some((name, bytes)) => parse::parse(name, bytes).map_err(|error| {
            let problem = Problem::new("file", error.message_key());
            problems.push(match error {
                ParseError::TooManyRows => problem.with("max", grouped(MAX_ROWS as i64)),
                _ => problem,
            });
        }),
        None => {
            problems.push(Problem::new("file", "import-error-file-missing"));
            Err(())
        }
    };
    match (panel, parsed) {
        (Some(panel), Ok((format, table))) => Ok(ImportFile {
            panel,
            format,
            table,
        }),
        _ => Err(problems),
    }
}

/// The columns chosen on the form that are columns of the spreadsheet (`columns` wide), shown
/// back as chosen when the form has problems.
pub fn chosen_columns(form: &[(String, String)], columns: usize) -> Mapping {
    let mut chosen = Mapping::default();
    for field in Field::ALL {
        if let Some(column) = one_of(form, field.id())
            .parse::<usize>()
            .ok()
            .filter(|c| *c < columns)
        {
            chosen.columns.insert(field, column);
        }
    }
    chosen
}

/// Checks the column form: each required detail has a column, each column chosen is one of the
/// spreadsheet's, and no column holds two details (named in the reader's `locale`).
pub fn check_columns(
    form: &[(String, String)],
    columns: usize,
    locale: Locale,
) -> Result<Mapping, Vec<Problem>> {
    let chosen = chosen_columns(form, columns);
    let mut problems = Vec::new();
    for (index, field) in Field::ALL.into_iter().enumerate() {
        let Some(column) = chosen.column(field) else {
            if !one_of(form, field.id()).is_empty() {
                problems.push(Problem::new(field.id(), "import-error-column-unknown"));
            } else if field.required() {
                problems.push(Problem::new(field.id(), missing_column_key(field)));
            }
            continue;
        };
        if let Some(other) = Field::ALL[..index]
            .iter()
            .find(|other| chosen.column(**other) == Some(column))
        {
            problems.push(
                Problem::new(field.id(), "import-error-column-twice")
                    .with("other", locale.t(other.label_key())),
            );
        }
    }
    done(problems, || chosen)
}

/// Checks the confirm form: the box ticked, and the number of people the check page showed,
/// which the import compares with what it finds so that it adds only what was checked.
pub fn check_confirm(form: &[(String, String)]) -> Result<usize, Vec<Problem>> {
    if one_of(form, "confirm") != "yes" {
        return Err(vec![Problem::new("confirm", "import-error-confirm")]);
    }
    one_of(form, "expected")
        .parse::<usize>()
        .map_err(|_| vec![Problem::new("confirm", "import-error-changed")])
}

fn missing_column_key(field: Field) -> &'static str {
    match field {
        Field::Consent => "import-error-column-consent-missing",
        _ => "import-error-column-name-missing",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    #[test]
    fn each_column_holds_one_detail_and_the_required_ones_are_chosen() {
        let columns = |pairs: &[(Field, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(f, v)| (f.id().to_owned(), (*v).to_owned()))
                .collect()
        };
        let chosen = check_columns(
            &columns(&[(Field::Name, "0"), (Field::Consent, "1")]),
            2,
            Locale::En,
        )
        .unwrap();
        assert_eq!(chosen.column(Field::Consent), Some(1));
        let problems = check_columns(
            &columns(&[(Field::Name, "0"), (Field::Email, "0"), (Field::Phone, "7")]),
            2,
            Locale::En,
        )
        .unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                (Field::Email.id(), "import-error-column-twice"),
                (Field::Phone.id(), "import-error-column-unknown"),
                (Field::Consent.id(), "import-error-column-consent-missing"),
            ]
        );
    }

    #[test]
    fn confirming_needs_the_box_ticked_and_the_count_that_was_checked() {
        assert_eq!(
            check_confirm(&form(&[("confirm", "yes"), ("expected", "12")])).unwrap(),
            12
        );
        let unticked = check_confirm(&form(&[("expected", "12")])).unwrap_err();
        assert_eq!(fields(&unticked), vec![("confirm", "import-error-confirm")]);
        let no_count = check_confirm(&form(&[("confirm", "yes")])).unwrap_err();
        assert_eq!(fields(&no_count), vec![("confirm", "import-error-changed")]);
    }

    #[test]
    fn an_upload_needs_a_panel_of_the_organisation_and_a_file() {
        let problems = check_upload(&Uuid::new_v4().to_string(), None, &[]).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                ("panel", "import-error-panel"),
                ("file", "import-error-file-missing"),
            ]
        );
    }
}
