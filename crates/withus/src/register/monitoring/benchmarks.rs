//! Population benchmarks: the share of the population giving each answer, to compare a panel with.
//! Each organisation sets its own figures for the area it covers; figures for England and Wales from
//! Census 2021 can be loaded with one button and then edited.
//!
//! Answers written "Heading: answer" (the ethnic groups) are also benchmarked as a group, because the
//! census gives some figures only for the whole group. A few other groups are named below (everyone
//! aged 65 or over; everyone whose day-to-day activities are limited, which is the census measure of
//! disability).

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::form_checks::done;
use crate::register::monitoring::questions_admin::slug;
use crate::register::questions::{self, Question};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::forms::{Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/benchmarks",
            Organisation(ManageQuestions),
            get(form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/benchmarks",
            Organisation(ManageQuestions),
            post(submit),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/benchmarks/defaults",
            Organisation(ManageQuestions),
            post(load_defaults),
        ),
    ]
}

// --- Groups of answers ---------------------------------------------------------------------------

/// Answers counted together, such as every Asian ethnic group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionGroup {
    /// Starts with `group-`, which no answer code can (codes use underscores only).
    pub code: String,
    pub label_en: String,
    pub label_cy: String,
    pub members: Vec<String>,
    /// A "Heading: answer" group: such groups split the question's answers between them.
    pub from_heading: bool,
}

struct NamedGroup {
    question: &'static str,
    code: &'static str,
    label: (&'static str, &'static str),
    members: &'static [&'static str],
}

/// Groups the census reports that the answer labels do not show.
const NAMED_GROUPS: &[NamedGroup] = &[
    NamedGroup {
        question: "day_to_day_impact",
        code: "group-limited",
        label: (
            "Yes, a lot or a little (disabled, as the census counts it)",
            "Ydy, yn fawr neu ychydig (anabl, fel y mae'r cyfrifiad yn cyfrif)",
        ),
        members: &["yes_a_lot", "yes_a_little"],
    },
    NamedGroup {
        question: "age_band",
        code: "group-65_plus",
        label: ("65 or over", "65 neu hŷn"),
        members: &["65_74", "75_plus"],
    },
];

/// The codes' common beginning, cut back to a whole word: `asian_indian`, `asian_other` → `asian`.
fn common_code_prefix(codes: &[&str]) -> String {
    let first = codes.first().copied().unwrap_or("");
    let mut length = first.len();
    for code in codes {
        length = length.min(
            first
                .bytes()
                .zip(code.bytes())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    let common = &first[..length];
    common
        .rfind('_')
        .map(|end| common[..end].to_owned())
        .unwrap_or_default()
}

pub fn groups(question: &Question) -> Vec<OptionGroup> {
    let options = question.every_option();
    let mut headings: Vec<(String, String, Vec<String>)> = Vec::new();
    for option in &options {
        let Some((heading, _)) = option.label_en.split_once(": ") else {
            continue;
        };
        match headings.iter_mut().find(|(h, _, _)| h == heading) {
            Some((_, _, members)) => members.push(option.code.clone()),
            None => {
                let welsh = option
                    .label_cy
                    .split_once(": ")
                    .map(|(h, _)| h)
                    .unwrap_or(heading);
                headings.push((
                    heading.to_owned(),
                    welsh.to_owned(),
                    vec![option.code.clone()],
                ));
            }
        }
    }
    let mut out: Vec<OptionGroup> = Vec::new();
    for (label_en, label_cy, members) in headings {
        if members.len() < 2 {
            continue;
        }
        let codes: Vec<&str> = members.iter().map(String::as_str).collect();
        let mut stem = common_code_prefix(&codes);
        if stem.is_empty() {
            stem = slug(&label_en);
        }
        let mut code = format!("group-{stem}");
        let mut n = 2;
        while out.iter().any(|g| g.code == code) {
            code = format!("group-{stem}_{n}");
            n += 1;
        }
        out.push(OptionGroup {
            code,
            label_en,
            label_cy,
            members,
            from_heading: true,
        });
    }
    for named in NAMED_GROUPS.iter().filter(|g| g.question == question.code) {
        let present = named
            .members
            .iter()
            .all(|m| options.iter().any(|o| o.code == *m));
        if present && !out.iter().any(|g| g.code == named.code) {
            out.push(OptionGroup {
                code: named.code.to_owned(),
                label_en: named.label.0.to_owned(),
                label_cy: named.label.1.to_owned(),
                members: named.members.iter().map(|m| (*m).to_owned()).collect(),
                from_heading: false,
            });
        }
    }
    out
}

/// One line of a question's breakdown: an answer, or a group of answers.
#[derive(Debug, Clone)]
pub struct Row {
    pub code: String,
    pub label: String,
    /// The answer codes it counts: itself, or the group's answers.
    pub members: Vec<String>,
    pub is_group: bool,
    /// The "Heading: answer" group this answer belongs to, if any.
    pub heading_group: Option<String>,
    /// An answer no longer offered.
    pub hidden: bool,
}

/// The question's answers in order, each group just before its first answer. Hidden answers only if
/// asked for.
pub fn rows(question: &Question, locale: Locale, include_hidden: bool) -> Vec<Row> {
    let groups = groups(question);
    let mut out = Vec::new();
    for option in question.every_option() {
        if option.hidden && !include_hidden {
            continue;
        }
        for group in groups
            .iter()
            .filter(|g| g.members.first() == Some(&option.code))
        {
            let label = match locale {
                Locale::En => &group.label_en,
                Locale::Cy => &group.label_cy,
            };
            out.push(Row {
                code: group.code.clone(),
                label: if group.from_heading {
                    locale.t_args("benchmark-group-all", &[("group", label.as_str().into())])
                } else {
                    label.clone()
                },
                members: group.members.clone(),
                is_group: true,
                heading_group: None,
                hidden: false,
            });
        }
        out.push(Row {
            code: option.code.clone(),
            label: option.label(locale).to_owned(),
            members: vec![option.code.clone()],
            is_group: false,
            heading_group: groups
                .iter()
                .find(|g| g.from_heading && g.members.contains(&option.code))
                .map(|g| g.code.clone()),
            hidden: option.hidden,
        });
    }
    out
}

// --- Shares --------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    NotANumber,
    TooManyDecimals,
    OutOfRange,
}

/// A percentage as typed ("17.7", "17.7%", "0.25"), in basis points; blank is no figure.
pub fn parse_share(text: &str) -> Result<Option<i64>, ShareError> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !is_digits(whole) || !is_digits(fraction) {
        return Err(ShareError::NotANumber);
    }
    if negative {
        return Err(ShareError::OutOfRange);
    }
    if fraction.len() > 2 {
        return Err(ShareError::TooManyDecimals);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > 3 {
        return Err(ShareError::OutOfRange);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| ShareError::NotANumber)?
    };
    let fraction: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| ShareError::NotANumber)?;
    let basis_points = whole * 100 + fraction;
    if basis_points > 10_000 {
        return Err(ShareError::OutOfRange);
    }
    Ok(Some(basis_points))
}

/// Basis points as a percentage with one or two decimals: 1770 → "17.7", 400 → "4.0", 1234 → "12.34".
pub fn format_basis_points(basis_points: i64) -> String {
    let whole = basis_points / 100;
    let hundredths = basis_points % 100;
    if hundredths % 10 == 0 {
        format!("{whole}.{}", hundredths / 10)
    } else {
        format!("{whole}.{hundredths:02}")
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Benchmark {
    pub question_code: String,
    pub option_code: String,
    pub share_basis_points: i64,
    pub source: String,
}

pub use super::storage::list;
use super::storage::{clear, set};

pub fn find<'a>(benchmarks: &'a [Benchmark], question: &str, row: &str) -> Option<&'a Benchmark> {
    benchmarks
        .iter()
        .find(|b| b.question_code == question && b.option_code == row)
}

// --- Census 2021 figures -------------------------------------------------------------------------

pub struct DefaultBenchmark {
    pub question: &'static str,
    pub row: &'static str,
    pub basis_points: i64,
    /// The message holding the source, stored in the language of whoever loads the figures.
    pub source_key: &'static str,
}

/// England and Wales figures from the domain reference (section 4). Where the census gives only a
/// group's total, the group is benchmarked and its answers are left blank rather than guessed.
pub const DEFAULT_BENCHMARKS: &[DefaultBenchmark] = &[
    DefaultBenchmark {
        question: "long_term_condition",
        row: "yes",
        basis_points: 1770,
        source_key: "benchmark-source-long-term-condition",
    },
    DefaultBenchmark {
        question: "day_to_day_impact",
        row: "group-limited",
        basis_points: 1770,
        source_key: "benchmark-source-disabled",
    },
    DefaultBenchmark {
        question: "day_to_day_impact",
        row: "yes_a_lot",
        basis_points: 750,
        source_key: "benchmark-source-limited-a-lot",
    },
    DefaultBenchmark {
        question: "day_to_day_impact",
        row: "yes_a_little",
        basis_points: 1020,
        source_key: "benchmark-source-limited-a-little",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "group-white",
        basis_points: 8170,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "white_british",
        basis_points: 7440,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "white_roma",
        basis_points: 20,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "white_other",
        basis_points: 620,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "group-asian",
        basis_points: 930,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "asian_indian",
        basis_points: 310,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "group-black",
        basis_points: 400,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "group-mixed",
        basis_points: 290,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "ethnic_group",
        row: "group-other",
        basis_points: 210,
        source_key: "benchmark-source-ethnic-group",
    },
    DefaultBenchmark {
        question: "sexual_orientation",
        row: "straight",
        basis_points: 8940,
        source_key: "benchmark-source-sexual-orientation",
    },
    DefaultBenchmark {
        question: "sexual_orientation",
        row: "gay_lesbian",
        basis_points: 150,
        source_key: "benchmark-source-sexual-orientation",
    },
    DefaultBenchmark {
        question: "sexual_orientation",
        row: "bisexual",
        basis_points: 130,
        source_key: "benchmark-source-sexual-orientation",
    },
    DefaultBenchmark {
        question: "sexual_orientation",
        row: "other",
        basis_points: 30,
        source_key: "benchmark-source-sexual-orientation",
    },
    DefaultBenchmark {
        question: "gender_identity",
        row: "yes",
        basis_points: 9350,
        source_key: "benchmark-source-gender-identity",
    },
    DefaultBenchmark {
        question: "gender_identity",
        row: "no",
        basis_points: 50,
        source_key: "benchmark-source-gender-identity",
    },
    DefaultBenchmark {
        question: "age_band",
        row: "group-65_plus",
        basis_points: 1860,
        source_key: "benchmark-source-age",
    },
];

// --- Pages ---------------------------------------------------------------------------------------

pub const SOURCE_MAX_CHARS: usize = 300;

struct Field {
    share_id: String,
    source_id: String,
    label: String,
    share: String,
    source: String,
    is_group: bool,
}

struct Section {
    heading: String,
    active: bool,
    fields: Vec<Field>,
}

#[derive(Template)]
#[template(path = "register/monitoring/templates/benchmarks.html")]
struct BenchmarksPage {
    page: Page,
    organisation: OrganisationRow,
    sections: Vec<Section>,
}

fn share_id(question: &str, row: &str) -> String {
    format!("share-{question}-{row}")
}

fn source_id(question: &str, row: &str) -> String {
    format!("source-{question}-{row}")
}

fn sections(
    page: &Page,
    questions: &[Question],
    value: impl Fn(&str, &str) -> (String, String),
) -> Vec<Section> {
    questions
        .iter()
        .map(|question| Section {
            heading: question.text(page.locale()).to_owned(),
            active: question.active,
            fields: rows(question, page.locale(), false)
                .into_iter()
                .map(|row| {
                    let (share, source) = value(&question.code, &row.code);
                    Field {
                        share_id: share_id(&question.code, &row.code),
                        source_id: source_id(&question.code, &row.code),
                        label: row.label,
                        share,
                        source,
                        is_group: row.is_group,
                    }
                })
                .collect(),
        })
        .collect()
}

/// The organisation's questions and its figures.
async fn load_all(
    state: &AppState,
    org_id: Uuid,
) -> Result<(Vec<Question>, Vec<Benchmark>), AppError> {
    let mut conn = state.db.acquire().await?;
    let all = questions::list(&mut conn.ex(), org_id, true).await?;
    let benchmarks = list(&mut conn.ex(), org_id).await?;
    Ok((all, benchmarks))
}

pub async fn form(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let (all, benchmarks) = load_all(&state, org_id).await?;
    let sections = sections(&page, &all, |question, row| {
        find(&benchmarks, question, row)
            .map(|b| (format_basis_points(b.share_basis_points), b.source.clone()))
            .unwrap_or_default()
    });
    render(BenchmarksPage {
        page,
        organisation,
        sections,
    })
}

/// One figure as entered: blank share means "no figure".
#[derive(Debug)]
pub struct Entered {
    pub question: String,
    pub row: String,
    pub share: Option<i64>,
    pub source: String,
}

/// Checks the figures for each of the `questions`: each share a percentage with at most two
/// decimals, each source of a readable length, and the shares of a one-answer question (and of
/// its groups) adding up to no more than 100%. Totals and answers are named in `locale`.
pub fn check(
    form: &[(String, String)],
    questions: &[Question],
    locale: Locale,
) -> Result<Vec<Entered>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut entered = Vec::new();
    for question in questions {
        let mut options_total = 0;
        let mut groups_total = 0;
        let mut first_option: Option<String> = None;
        let mut first_group: Option<String> = None;
        let heading_groups: Vec<String> = groups(question)
            .into_iter()
            .filter(|g| g.from_heading)
            .map(|g| g.code)
            .collect();
        for row in rows(question, locale, false) {
            let share_field = share_id(&question.code, &row.code);
            let source_field = source_id(&question.code, &row.code);
            let source = one_of(form, &source_field);
            let share = match parse_share(&one_of(form, &share_field)) {
                Ok(share) => share,
                Err(error) => {
                    let key = match error {
                        ShareError::NotANumber => "benchmark-error-not-a-number",
                        ShareError::TooManyDecimals => "benchmark-error-decimals",
                        ShareError::OutOfRange => "benchmark-error-range",
                    };
                    problems
                        .push(Problem::new(&share_field, key).with("answer", row.label.as_str()));
                    None
                }
            };
            if source.chars().count() > SOURCE_MAX_CHARS {
                problems.push(
                    Problem::new(&source_field, "benchmark-error-source-too-long")
                        .with("answer", row.label.as_str()),
                );
            }
            if let Some(share) = share {
                if !row.is_group {
                    options_total += share;
                    first_option.get_or_insert(share_field.clone());
                } else if heading_groups.contains(&row.code) {
                    groups_total += share;
                    first_group.get_or_insert(share_field.clone());
                }
            }
            entered.push(Entered {
                question: question.code.clone(),
                row: row.code,
                share,
                source,
            });
        }
        if !question.multiple {
            for (total, field) in [(options_total, first_option), (groups_total, first_group)] {
                if let (true, Some(field)) = (total > 10_000, field) {
                    problems.push(
                        Problem::new(field, "benchmark-error-total")
                            .with("question", question.text(locale))
                            .with("total", format_basis_points(total)),
                    );
                }
            }
        }
    }
    done(problems, || entered)
}

pub async fn submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let (all, _) = load_all(&state, org_id).await?;
    let form = pairs(&body);
    let entered = match check(&form, &all, page.locale()) {
        Ok(entered) => entered,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let sections = sections(&page, &all, |question, row| {
                (
                    one_of(&form, &share_id(question, row)),
                    one_of(&form, &source_id(question, row)),
                )
            });
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                BenchmarksPage {
                    page: page.with_errors(errors),
                    organisation,
                    sections,
                },
            );
        }
    };
    let mut tx = state.db.begin().await?;
    save(&mut tx.ex(), page.ctx.actor(), org_id, &entered).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/benchmarks"),
        "flash-benchmarks-saved",
    ))
}

pub async fn load_defaults(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    load_organisation(&state, org_id).await?;
    let mut tx = state.db.begin().await?;
    load_default_figures(&mut tx.ex(), page.ctx.actor(), org_id, page.locale()).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/benchmarks"),
        "flash-benchmarks-defaults-loaded",
    ))
}

/// Sets the published population figures for each of the organisation's questions and answers
/// that has one, with their source named in `locale`, and audits how many.
pub async fn load_default_figures(
    ex: &mut Ex<'_>,
    by: Option<Uuid>,
    org_id: Uuid,
    locale: Locale,
) -> Result<(), sqlx::Error> {
    let all = questions::list(ex, org_id, true).await?;
    let mut loaded = 0;
    for figure in DEFAULT_BENCHMARKS {
        let exists = all.iter().filter(|q| q.code == figure.question).any(|q| {
            rows(q, Locale::En, false)
                .iter()
                .any(|r| r.code == figure.row)
        });
        if exists {
            set(
                ex,
                org_id,
                figure.question,
                figure.row,
                figure.basis_points,
                &locale.t(figure.source_key),
            )
            .await?;
            loaded += 1;
        }
    }
    audit::record(
        ex,
        Entry::new(Action::BenchmarksDefaultsLoaded, "organisation", org_id)
            .by(by)
            .in_organisation(org_id)
            .with(serde_json::json!({ "figures": loaded })),
    )
    .await?;
    Ok(())
}

/// Sets or clears each figure entered for the organisation, and audits how many.
pub async fn save(
    ex: &mut Ex<'_>,
    by: Option<Uuid>,
    org_id: Uuid,
    entered: &[Entered],
) -> Result<(), sqlx::Error> {
    let (mut set_count, mut cleared_count) = (0, 0);
    for figure in entered {
        match figure.share {
            Some(share) => {
                set(
                    ex,
                    org_id,
                    &figure.question,
                    &figure.row,
                    share,
                    &figure.source,
                )
                .await?;
                set_count += 1;
            }
            None => {
                cleared_count += clear(ex, org_id, &figure.question, &figure.row).await?;
            }
        }
    }
    audit::record(
        ex,
        Entry::new(Action::BenchmarksUpdated, "organisation", org_id)
            .by(by)
            .in_organisation(org_id)
            .with(serde_json::json!({ "figures": set_count, "cleared": cleared_count })),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(code: &str, options: &[(&str, &str, &str)]) -> Question {
        Question::offering(
            code,
            crate::register::domain::DataCategory::Identity,
            options,
        )
    }

    #[test]
    fn shares_are_read_as_percentages_with_up_to_two_decimals() {
        assert_eq!(parse_share(""), Ok(None));
        assert_eq!(parse_share(" 17.7 "), Ok(Some(1770)));
        assert_eq!(parse_share("17.7%"), Ok(Some(1770)));
        assert_eq!(parse_share("0.25"), Ok(Some(25)));
        assert_eq!(parse_share(".5"), Ok(Some(50)));
        assert_eq!(parse_share("100"), Ok(Some(10_000)));
        assert_eq!(parse_share("0"), Ok(Some(0)));
        assert_eq!(parse_share("100.01"), Err(ShareError::OutOfRange));
        assert_eq!(parse_share("-1"), Err(ShareError::OutOfRange));
        assert_eq!(parse_share("12345"), Err(ShareError::OutOfRange));
        assert_eq!(parse_share("1.234"), Err(ShareError::TooManyDecimals));
        assert_eq!(parse_share("about 5"), Err(ShareError::NotANumber));
        assert_eq!(parse_share("1,5"), Err(ShareError::NotANumber));
        assert_eq!(parse_share("."), Err(ShareError::NotANumber));
    }

    #[test]
    fn shares_of_a_one_answer_question_may_not_pass_100_percent() {
        let travel = question("travel", &[("bus", "Bus", "Bws"), ("car", "Car", "Car")]);
        let form = |bus: &str, car: &str| -> Vec<(String, String)> {
            vec![
                ("share-travel-bus".into(), bus.into()),
                ("share-travel-car".into(), car.into()),
            ]
        };
        let entered = check(&form("60", "40"), std::slice::from_ref(&travel), Locale::En).unwrap();
        let shares: Vec<_> = entered.iter().map(|e| e.share).collect();
        assert!(shares.contains(&Some(6000)) && shares.contains(&Some(4000)));
        let problems =
            check(&form("60", "41"), std::slice::from_ref(&travel), Locale::En).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "share-travel-bus");
        assert_eq!(problems[0].key, "benchmark-error-total");
        let problems = check(&form("6O", ""), &[travel], Locale::En).unwrap_err();
        assert_eq!(problems[0].key, "benchmark-error-not-a-number");
    }

    #[test]
    fn basis_points_print_with_one_or_two_decimals() {
        assert_eq!(format_basis_points(1770), "17.7");
        assert_eq!(format_basis_points(400), "4.0");
        assert_eq!(format_basis_points(1234), "12.34");
        assert_eq!(format_basis_points(5), "0.05");
        assert_eq!(format_basis_points(10_000), "100.0");
    }

    #[test]
    fn default_ethnic_groups_are_benchmarked_as_groups() {
        let default = questions::DEFAULT_QUESTIONS
            .iter()
            .find(|q| q.code == "ethnic_group")
            .unwrap();
        let ethnic = question("ethnic_group", default.options);
        let codes: Vec<String> = groups(&ethnic).into_iter().map(|g| g.code).collect();
        assert_eq!(
            codes,
            vec![
                "group-asian",
                "group-black",
                "group-mixed",
                "group-white",
                "group-other"
            ]
        );
        let rows = rows(&ethnic, Locale::En, false);
        assert_eq!(rows[0].code, "group-asian");
        assert_eq!(
            rows[0].label,
            "Asian, Asian British or Asian Welsh (all groups)"
        );
        assert_eq!(rows[1].heading_group.as_deref(), Some("group-asian"));
        // Every default figure points at an answer or a group the default questions have.
        for figure in DEFAULT_BENCHMARKS {
            let default = questions::DEFAULT_QUESTIONS
                .iter()
                .find(|q| q.code == figure.question)
                .unwrap();
            let q = question(figure.question, default.options);
            assert!(
                rows_of(&q).contains(&figure.row.to_owned()),
                "{} {}",
                figure.question,
                figure.row
            );
        }
    }

    fn rows_of(question: &Question) -> Vec<String> {
        rows(question, Locale::En, false)
            .into_iter()
            .map(|r| r.code)
            .collect()
    }

    #[test]
    fn group_codes_fall_back_to_the_heading() {
        let q = question(
            "custom",
            &[
                ("north_a", "Area: North", "Ardal: Gogledd"),
                ("south_b", "Area: South", "Ardal: De"),
                ("none", "Nowhere", "Unman"),
            ],
        );
        let groups = groups(&q);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].code, "group-area");
        assert_eq!(groups[0].label_cy, "Ardal");
        assert_eq!(
            rows_of(&q),
            vec!["group-area", "north_a", "south_b", "none"]
        );
    }
}
