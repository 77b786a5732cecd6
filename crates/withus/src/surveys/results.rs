//! A survey's results for staff: per question, a bar chart (an SVG image with a title and a
//! description, each bar labelled with its count, so nothing relies on colour) and the same counts
//! in a table, with small numbers suppressed as on the diversity page; and the answers exported as
//! CSV or XLSX, one column per question headed in English, read from storage in batches.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::builder::load;
use super::commands;
use super::domain::{Answer, Answers, Definition, Kind, OTHER, Question};
use super::storage::{self, SurveyRow};
use crate::i18n::Locale;
use crate::register::monitoring::suppression::{Shown, protect_one};
use crate::state::AppState;
use crate::web::chart::{Chart, Row};
use crate::web::{AppError, AppResult, Ids, Page, render};

/// How many responses are read at a time for an export.
pub const BATCH: i64 = 500;

pub struct QuestionResult {
    pub id: String,
    pub number: usize,
    pub label: String,
    pub answered: String,
    pub chart: Chart,
}

fn shown_text(page: &Page, shown: Shown) -> String {
    match shown.count() {
        Some(n) => n.to_string(),
        None => page.t("survey-results-fewer-than"),
    }
}

/// The results of every question from the stored counts.
fn question_results(
    page: &Page,
    definition: &Definition,
    counts: &[(String, String, i64)],
) -> Vec<QuestionResult> {
    let count = |q: &str, c: &str| {
        counts
            .iter()
            .find(|(a, b, _)| a == q && b == c)
            .map(|(_, _, n)| *n)
            .unwrap_or(0)
    };
    let locale = page.locale();
    definition
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answered = protect_one(count(&q.key, ""));
            let options: Vec<(String, String)> = match &q.kind {
                Kind::Scale { min, max, .. } => (*min..=*max)
                    .map(|n| (n.to_string(), n.to_string()))
                    .collect(),
                _ => q
                    .kind
                    .routable()
                    .into_iter()
                    .map(|(k, w)| {
                        let label = if k == OTHER {
                            page.t("survey-other")
                        } else {
                            w.shown(locale, false).to_owned()
                        };
                        (k, label)
                    })
                    .collect(),
            };
            let shown: Vec<Shown> = options
                .iter()
                .map(|(k, _)| protect_one(count(&q.key, k)))
                .collect();
            let label = q.label.shown(locale, false).to_owned();
            let rows = options
                .iter()
                .zip(&shown)
                .map(|((_, label), s)| Row {
                    label: label.clone(),
                    count: s.count(),
                    shown: shown_text(page, *s),
                })
                .collect();
            let chart_title = page.t_args(
                "survey-results-chart-title",
                &[("question", label.as_str().into())],
            );
            QuestionResult {
                id: format!("chart-{}", q.key),
                number: i + 1,
                answered: page.t_args(
                    "survey-results-answered",
                    &[("count", shown_text(page, answered).into())],
                ),
                chart: Chart::new(format!("chart-{}", q.key), chart_title, rows),
                label,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "surveys/templates/results.html")]
struct ResultsPage {
    page: Page,
    back: String,
    title: String,
    responses: String,
    questions: Vec<QuestionResult>,
    csv_href: String,
    xlsx_href: String,
}

pub async fn page(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let mut conn = state.db.acquire().await?;
    let counts = storage::counts(&mut conn.ex(), survey.id).await?;
    drop(conn);
    let total = counts
        .iter()
        .find(|(q, _, _)| q.is_empty())
        .map(|(_, _, n)| *n)
        .unwrap_or(0);
    let href = super::staff_href(org_id, loaded.engagement.id, survey.id);
    render(ResultsPage {
        back: href.clone(),
        title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        responses: page.t_args(
            "survey-results-responses",
            &[("count", shown_text(&page, protect_one(total)).into())],
        ),
        questions: question_results(&page, &survey.definition, &counts),
        csv_href: format!("{href}/export.csv"),
        xlsx_href: format!("{href}/export.xlsx"),
        page,
    })
}

// Export.

/// One column of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Column {
    /// The answer in English words (a multiple choice: every choice, joined).
    Answer(String),
    /// 1 when this choice was ticked.
    Ticked(String, String),
    /// The "Other" text.
    Other(String),
}

fn columns(definition: &Definition) -> Vec<(Column, String)> {
    let mut out = Vec::new();
    for q in &definition.questions {
        let label = q.label.en.trim().to_owned();
        if let Kind::Multiple { choices, other } = &q.kind {
            for c in choices {
                out.push((
                    Column::Ticked(q.key.clone(), c.key.clone()),
                    format!("{label}: {}", c.label.en.trim()),
                ));
            }
            if *other {
                out.push((
                    Column::Ticked(q.key.clone(), OTHER.into()),
                    format!("{label}: Other"),
                ));
            }
        }
        out.push((Column::Answer(q.key.clone()), label.clone()));
        if q.kind.has_other() {
            out.push((
                Column::Other(q.key.clone()),
                format!("{label} (other, please say)"),
            ));
        }
    }
    out
}

/// The header row: the fixed columns, then the questions' columns, in English.
pub fn header(definition: &Definition) -> Vec<String> {
    let mut row: Vec<String> = [
        "Reference",
        "Sent",
        "Language",
        "Easy Read",
        "Entered by staff",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    row.extend(columns(definition).into_iter().map(|(_, h)| h));
    row
}

fn cell(question: Option<&Question>, answer: Option<&Answer>, column: &Column) -> String {
    let (Some(q), Some(a)) = (question, answer) else {
        return String::new();
    };
    match column {
        Column::Answer(_) => match a {
            // The words of each choice, without the "Other" text (it has its own column).
            Answer::Choice { .. } | Answer::Choices { .. } => a
                .chosen()
                .iter()
                .map(|k| {
                    if k == OTHER {
                        "Other".to_owned()
                    } else {
                        q.kind
                            .choices()
                            .iter()
                            .find(|c| c.key == *k)
                            .map(|c| c.label.en.trim().to_owned())
                            .unwrap_or_default()
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            Answer::Date(d) => d.to_string(),
            _ => a.words(q, Locale::En),
        },
        Column::Ticked(_, choice) => {
            if a.chosen().contains(choice) {
                "1".into()
            } else {
                String::new()
            }
        }
        Column::Other(_) => a.other().to_owned(),
    }
}

/// One response as an export row (answers intact in the language they were given).
pub fn row(
    definition: &Definition,
    response: &storage::ResponseRow,
    answers: &Answers,
) -> Vec<String> {
    row_in(definition, &columns(definition), response, answers)
}

/// One response as an export row, with the columns worked out once for the whole export.
fn row_in(
    definition: &Definition,
    columns: &[(Column, String)],
    response: &storage::ResponseRow,
    answers: &Answers,
) -> Vec<String> {
    let mut out = vec![
        response.reference.clone(),
        response
            .submitted_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
        if response.language == "cy" {
            "Welsh"
        } else {
            "English"
        }
        .to_owned(),
        if response.easy_read { "Yes" } else { "" }.to_owned(),
        response.received_by.clone().unwrap_or_default(),
    ];
    for (column, _) in columns {
        let key = match column {
            Column::Answer(k) | Column::Ticked(k, _) | Column::Other(k) => k,
        };
        out.push(cell(definition.question(key), answers.get(key), column));
    }
    out
}

/// Every row of the export, header first, read in batches of [`BATCH`].
pub async fn rows(
    db: &crate::db::Db,
    keys: &crate::security::field_crypto::KeyRing,
    survey: &SurveyRow,
    mut each: impl FnMut(Vec<String>),
) -> Result<(), AppError> {
    each(header(&survey.definition));
    let columns = columns(&survey.definition);
    let mut after = None;
    loop {
        let mut conn = db.acquire().await?;
        let batch = storage::responses_after(&mut conn.ex(), survey.id, after, BATCH).await?;
        drop(conn);
        let Some(last) = batch.last() else { break };
        after = Some(last.id);
        for response in &batch {
            let answers = commands::response_answers(keys, response);
            each(row_in(&survey.definition, &columns, response, &answers));
        }
        if (batch.len() as i64) < BATCH {
            break;
        }
    }
    Ok(())
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe.
pub fn neutralised(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn file_name(survey: &SurveyRow, extension: &str) -> String {
    format!("survey-{}.{extension}", survey.id)
}

/// The CSV export.
pub async fn csv(
    db: &crate::db::Db,
    keys: &crate::security::field_crypto::KeyRing,
    survey: &SurveyRow,
) -> Result<crate::web::csv::Csv, AppError> {
    let mut csv = crate::web::csv::Csv::new();
    rows(db, keys, survey, |row| csv.line(row)).await?;
    Ok(csv)
}

/// The XLSX export: every cell written as text.
pub async fn xlsx(
    db: &crate::db::Db,
    keys: &crate::security::field_crypto::KeyRing,
    survey: &SurveyRow,
) -> Result<Vec<u8>, AppError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let mut r: u32 = 0;
    let mut failed = None;
    rows(db, keys, survey, |row| {
        for (c, value) in row.iter().enumerate() {
            if let Err(e) = sheet.write_string(r, c as u16, neutralised(value)) {
                failed = Some(e);
            }
        }
        r += 1;
    })
    .await?;
    if let Some(e) = failed {
        return Err(AppError::Unexpected(e.into()));
    }
    book.save_to_buffer()
        .map_err(|e| AppError::Unexpected(e.into()))
}

/// Who took a copy of the answers is on record.
async fn audit_export(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    survey: &SurveyRow,
    format: &str,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    commands::record_export(
        &mut tx.ex(),
        commands::Editor {
            account: page.ctx.actor(),
            organisation: org_id,
        },
        survey,
        format,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn export_csv(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (_, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let csv = csv(&state.db, &state.keys, &survey).await?;
    audit_export(&state, &page, org_id, &survey, "csv").await?;
    Ok(csv.into_response(&file_name(&survey, "csv")))
}

pub async fn export_xlsx(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (_, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let bytes = xlsx(&state.db, &state.keys, &survey).await?;
    audit_export(&state, &page, org_id, &survey, "xlsx").await?;
    let response: Response = (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file_name(&survey, "xlsx")),
            ),
        ],
        bytes,
    )
        .into_response();
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::domain::{Choice, Wording};

    fn definition() -> Definition {
        Definition {
            title: Wording::plain("Travel", "Teithio"),
            intro: Wording::default(),
            questions: vec![
                Question {
                    key: "q1".into(),
                    label: Wording::plain("How do you travel?", "Sut ydych chi'n teithio?"),
                    help: Wording::default(),
                    optional: false,
                    with_previous: false,
                    kind: Kind::Multiple {
                        choices: vec![
                            Choice {
                                key: "c1".into(),
                                label: Wording::plain("Bus", "Bws"),
                            },
                            Choice {
                                key: "c2".into(),
                                label: Wording::plain("Train", "Trên"),
                            },
                        ],
                        other: true,
                    },
                    branches: vec![],
                },
                Question {
                    key: "q2".into(),
                    label: Wording::plain("Anything else?", "Unrhyw beth arall?"),
                    help: Wording::default(),
                    optional: true,
                    with_previous: false,
                    kind: Kind::LongText { max_chars: 500 },
                    branches: vec![],
                },
            ],
            next_key: 2,
        }
    }

    #[test]
    fn columns_are_english_with_one_per_choice_and_other_text() {
        assert_eq!(
            header(&definition())[5..],
            [
                "How do you travel?: Bus",
                "How do you travel?: Train",
                "How do you travel?: Other",
                "How do you travel?",
                "How do you travel? (other, please say)",
                "Anything else?",
            ]
        );
        let mut answers = Answers::new();
        answers.insert(
            "q1".into(),
            Answer::Choices {
                keys: vec!["c2".into(), OTHER.into()],
                other: "Tacsi".into(),
            },
        );
        answers.insert("q2".into(), Answer::Text("=HYPERLINK(\"x\")".into()));
        let response = storage::ResponseRow {
            id: Uuid::now_v7(),
            survey_id: Uuid::now_v7(),
            person_id: None,
            language: "cy".into(),
            easy_read: false,
            entered_by: None,
            received_by: Some("phone".into()),
            answers: vec![],
            reference: "S-ABCDEFGH".into(),
            receipt_hash: None,
            submitted_at: crate::db::now(),
        };
        let row = row(&definition(), &response, &answers);
        assert_eq!(row[2], "Welsh");
        assert_eq!(row[4], "phone");
        assert_eq!(
            row[5..],
            ["", "1", "1", "Train; Other", "Tacsi", "=HYPERLINK(\"x\")"]
        );
        // Formula-looking text is neutralised when written out.
        assert_eq!(neutralised(&row[10]), "'=HYPERLINK(\"x\")");
        assert_eq!(crate::web::csv::cell("-1"), "'-1");
        assert_eq!(neutralised("@SUM"), "'@SUM");
        assert_eq!(neutralised("\tx"), "'\tx");
        assert_eq!(neutralised("Bus"), "Bus");
    }
}
