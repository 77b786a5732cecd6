//! Administrators edit their organisation's monitoring questions: wording in English and Welsh, new
//! answers, new questions, and switching a question off. An answer's code never changes once people
//! may have given it, so renaming keeps the code and removing only stops offering it.

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use uuid::Uuid;

use crate::i18n::Locale;
use crate::ids::QuestionId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::domain::{DataCategory, PREFER_NOT_TO_SAY};
use crate::register::form_checks::done;
use crate::register::questions::{self, Question, QuestionOption};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
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
            "/organisations/{org_id}/questions",
            Organisation(ManageQuestions),
            get(list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/questions/new",
            Organisation(ManageQuestions),
            get(new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/questions/new",
            Organisation(ManageQuestions),
            post(new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/questions/{question_id}",
            Organisation(ManageQuestions),
            get(edit_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/questions/{question_id}",
            Organisation(ManageQuestions),
            post(edit_submit),
        ),
    ]
}

pub const TEXT_MAX_CHARS: usize = 500;
pub const LABEL_MAX_CHARS: usize = 200;
const CODE_MAX_CHARS: usize = 40;

// --- Codes and answer lines ----------------------------------------------------------------------

/// A stable code made from English text: lower-case letters and digits joined by underscores.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    // Only ASCII was kept, so cutting at a byte count is safe.
    out.truncate(CODE_MAX_CHARS);
    out.trim_end_matches('_').to_owned()
}

/// `base`, or `base_2`, `base_3`… whichever is not taken yet.
pub(super) fn unique_code(base: &str, fallback: &str, taken: &[String]) -> String {
    let base = if base.is_empty() { fallback } else { base };
    let mut code = base.to_owned();
    let mut n = 2;
    while taken.contains(&code) || code == PREFER_NOT_TO_SAY {
        code = format!("{base}_{n}");
        n += 1;
    }
    code
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineError {
    /// Not "English | Welsh" with both filled in.
    NotTwoLabels,
    TooLong,
    /// "Prefer not to say" is always offered and cannot be added.
    PreferNotToSay,
}

/// Answers typed one a line as `English label | Welsh label`. Blank lines are skipped; an error names
/// its line (counting from 1).
pub fn parse_answer_lines(text: &str) -> Result<Vec<(String, String)>, (usize, LineError)> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let number = index + 1;
        let (en, cy) = line
            .split_once('|')
            .map(|(en, cy)| (en.trim(), cy.trim()))
            .filter(|(en, cy)| !en.is_empty() && !cy.is_empty() && !cy.contains('|'))
            .ok_or((number, LineError::NotTwoLabels))?;
        if en.chars().count() > LABEL_MAX_CHARS || cy.chars().count() > LABEL_MAX_CHARS {
            return Err((number, LineError::TooLong));
        }
        if slug(en) == PREFER_NOT_TO_SAY {
            return Err((number, LineError::PreferNotToSay));
        }
        out.push((en.to_owned(), cy.to_owned()));
    }
    Ok(out)
}

/// What is wrong with a line of answers, naming the line.
fn line_problem(field: &str, (line, error): (usize, LineError)) -> Problem {
    let key = match error {
        LineError::NotTwoLabels => "question-error-answer-line",
        LineError::TooLong => "question-error-answer-too-long",
        LineError::PreferNotToSay => "question-error-answer-prefer-not-to-say",
    };
    Problem::new(field, key).with("line", line)
}

use super::question_changes::{self, QuestionChangeError, QuestionEdit, QuestionWords};

// --- Pages ---------------------------------------------------------------------------------------

/// The organisation's questions (every organisation is given the defaults when it is created).
async fn all_questions(state: &AppState, org_id: Uuid) -> Result<Vec<Question>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(questions::list(&mut conn.ex(), org_id, true).await?)
}

struct QuestionSummary {
    id: Uuid,
    text: String,
    category: String,
    multiple: bool,
    active: bool,
    answers: Vec<String>,
}

#[derive(Template)]
#[template(path = "register/monitoring/templates/questions.html")]
struct QuestionsPage {
    page: Page,
    organisation: OrganisationRow,
    questions: Vec<QuestionSummary>,
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let locale = page.locale();
    let questions = all_questions(&state, org_id)
        .await?
        .into_iter()
        .map(|q| QuestionSummary {
            id: q.id,
            text: q.text(locale).to_owned(),
            category: page.t(&q.category.message_key()),
            multiple: q.multiple,
            active: q.active,
            answers: q
                .options
                .iter()
                .map(|o| o.label(locale).to_owned())
                .collect(),
        })
        .collect();
    render(QuestionsPage {
        page,
        organisation,
        questions,
    })
}

/// The wording fields both forms share.
#[derive(Default)]
struct Wording {
    text_en: String,
    text_cy: String,
    hint_en: String,
    hint_cy: String,
}

impl Wording {
    fn words(&self) -> QuestionWords<'_> {
        QuestionWords {
            text: (&self.text_en, &self.text_cy),
            hint: (&self.hint_en, &self.hint_cy),
        }
    }

    fn read(form: &[(String, String)]) -> Wording {
        Wording {
            text_en: one_of(form, "text_en"),
            text_cy: one_of(form, "text_cy"),
            hint_en: one_of(form, "hint_en"),
            hint_cy: one_of(form, "hint_cy"),
        }
    }

    /// The question in both languages, and no wording too long.
    fn check(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (field, value, empty_key) in [
            ("text_en", &self.text_en, "question-error-text-en-empty"),
            ("text_cy", &self.text_cy, "question-error-text-cy-empty"),
        ] {
            if value.is_empty() {
                problems.push(Problem::new(field, empty_key));
            }
        }
        for (field, value) in [
            ("text_en", &self.text_en),
            ("text_cy", &self.text_cy),
            ("hint_en", &self.hint_en),
            ("hint_cy", &self.hint_cy),
        ] {
            if value.chars().count() > TEXT_MAX_CHARS {
                problems.push(Problem::new(field, "question-error-too-long"));
            }
        }
        problems
    }
}

#[derive(Template)]
#[template(path = "register/monitoring/templates/question_new.html")]
struct NewQuestionPage {
    page: Page,
    organisation: OrganisationRow,
    wording: Wording,
    multiple: Vec<Choice>,
    categories: Vec<Choice>,
    answers: String,
}

/// Kinds of information a monitoring question can ask about (access needs have their own form).
fn category_choices(page: &Page, chosen: &str) -> Vec<Choice> {
    DataCategory::ALL
        .iter()
        .filter(|c| **c != DataCategory::AccessNeeds)
        .map(|c| Choice::new(c.as_str(), page.t(&c.message_key()), c.as_str() == chosen))
        .collect()
}

fn multiple_choices(page: &Page, chosen: &str) -> Vec<Choice> {
    vec![
        Choice::new("one", page.t("question-multiple-one"), chosen == "one"),
        Choice::new(
            "several",
            page.t("question-multiple-several"),
            chosen == "several",
        ),
    ]
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    render(NewQuestionPage {
        multiple: multiple_choices(&page, ""),
        categories: category_choices(&page, ""),
        page,
        organisation,
        wording: Wording::default(),
        answers: String::new(),
    })
}

/// A new question, checked; its wording is checked with it.
#[derive(Debug)]
struct NewQuestion {
    category: DataCategory,
    multiple: bool,
    /// Its answers, English and Welsh.
    answers: Vec<(String, String)>,
}

/// Checks the new question form: wording, one answer or several, a kind of information other
/// than access needs (they have their own form), and at least one answer.
fn check_new(wording: &Wording, form: &[(String, String)]) -> Result<NewQuestion, Vec<Problem>> {
    let mut problems = wording.check();
    let multiple = one_of(form, "multiple");
    if multiple != "one" && multiple != "several" {
        problems.push(Problem::new("multiple", "question-error-multiple"));
    }
    let category =
        DataCategory::parse(&one_of(form, "category")).filter(|c| *c != DataCategory::AccessNeeds);
    if category.is_none() {
        problems.push(Problem::new("category", "question-error-category"));
    }
    let answers = match parse_answer_lines(&one_of(form, "answers")) {
        Ok(lines) if lines.is_empty() => {
            problems.push(Problem::new("answers", "question-error-answers-empty"));
            Vec::new()
        }
        Ok(lines) => lines,
        Err(error) => {
            problems.push(line_problem("answers", error));
            Vec::new()
        }
    };
    match category {
        Some(category) if problems.is_empty() => Ok(NewQuestion {
            category,
            multiple: multiple == "several",
            answers,
        }),
        _ => Err(problems),
    }
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let form = pairs(&body);
    let wording = Wording::read(&form);
    let multiple = one_of(&form, "multiple");
    let category = one_of(&form, "category");
    let answers = one_of(&form, "answers");
    let new = match check_new(&wording, &form) {
        Ok(new) => new,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                NewQuestionPage {
                    multiple: multiple_choices(&page, &multiple),
                    categories: category_choices(&page, &category),
                    page: page.with_errors(errors),
                    organisation,
                    wording,
                    answers,
                },
            );
        }
    };
    let mut tx = state.db.begin().await?;
    question_changes::add_question(
        &mut tx.ex(),
        page.ctx.actor(),
        org_id,
        &wording.words(),
        new.category,
        new.multiple,
        &new.answers,
    )
    .await
    .map_err(|QuestionChangeError::Database(e)| AppError::from(e))?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/questions"),
        "flash-question-added",
    ))
}

struct AnswerField {
    code: String,
    /// The answer as it reads now, naming the fieldset.
    legend: String,
    en_id: String,
    cy_id: String,
    en: String,
    cy: String,
    hidden: bool,
}

#[derive(Template)]
#[template(path = "register/monitoring/templates/question_edit.html")]
struct EditQuestionPage {
    page: Page,
    organisation: OrganisationRow,
    question_id: Uuid,
    category: String,
    multiple: bool,
    wording: Wording,
    answers: Vec<AnswerField>,
    new_answers: String,
    active: Vec<Choice>,
}

fn active_choices(page: &Page, active: bool) -> Vec<Choice> {
    vec![
        Choice::new("yes", page.t("question-active-yes"), active),
        Choice::new("no", page.t("question-active-no"), !active),
    ]
}

async fn load_question(
    state: &AppState,
    org_id: Uuid,
    question_id: &QuestionId,
) -> Result<Question, AppError> {
    let id = question_id.0;
    all_questions(state, org_id)
        .await?
        .into_iter()
        .find(|q| q.id == id)
        .ok_or(AppError::NotFound)
}

fn answer_fields(
    page: &Page,
    question: &Question,
    value: impl Fn(&QuestionOption) -> (String, String, bool),
) -> Vec<AnswerField> {
    question
        .every_option()
        .into_iter()
        .map(|o| {
            let (en, cy, hidden) = value(o);
            AnswerField {
                code: o.code.clone(),
                legend: o.label(page.locale()).to_owned(),
                en_id: format!("answer-{}-en", o.code),
                cy_id: format!("answer-{}-cy", o.code),
                en,
                cy,
                hidden,
            }
        })
        .collect()
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, question_id)): Ids<(Uuid, QuestionId)>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let question = load_question(&state, org_id, &question_id).await?;
    render(EditQuestionPage {
        answers: answer_fields(&page, &question, |o| {
            (o.label_en.clone(), o.label_cy.clone(), o.hidden)
        }),
        active: active_choices(&page, question.active),
        category: page.t(&question.category.message_key()),
        multiple: question.multiple,
        wording: Wording {
            text_en: question.text_en.clone(),
            text_cy: question.text_cy.clone(),
            hint_en: question.hint_en.clone(),
            hint_cy: question.hint_cy.clone(),
        },
        question_id: question.id,
        page,
        organisation,
        new_answers: String::new(),
    })
}

/// Checks a question's changes: its wording, each existing answer (`options` with what was
/// `entered` for it: English, Welsh, hidden) named in the reader's `locale`, the new answers, and
/// that at least one answer is still offered. Returns the new answers.
fn check_edit(
    wording: &Wording,
    (options, entered): (&[&QuestionOption], &[(String, String, bool)]),
    new_answers: &str,
    locale: Locale,
) -> Result<Vec<(String, String)>, Vec<Problem>> {
    let mut problems = wording.check();
    for (option, (en, cy, _)) in options.iter().zip(entered) {
        let name = option.label(locale);
        for (field, value, empty_key) in [
            (
                format!("answer-{}-en", option.code),
                en,
                "question-error-answer-en-empty",
            ),
            (
                format!("answer-{}-cy", option.code),
                cy,
                "question-error-answer-cy-empty",
            ),
        ] {
            if value.is_empty() {
                problems.push(Problem::new(field, empty_key).with("answer", name));
            } else if value.chars().count() > LABEL_MAX_CHARS {
                problems.push(
                    Problem::new(field, "question-error-label-too-long").with("answer", name),
                );
            }
        }
    }
    let lines = parse_answer_lines(new_answers).unwrap_or_else(|error| {
        problems.push(line_problem("new_answers", error));
        Vec::new()
    });
    let offered = entered.iter().filter(|(_, _, hidden)| !hidden).count() + lines.len();
    if offered == 0 && problems.is_empty() {
        problems.push(Problem::new(
            "new_answers",
            "question-error-keep-one-answer",
        ));
    }
    done(problems, || lines)
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, question_id)): Ids<(Uuid, QuestionId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let question = load_question(&state, org_id, &question_id).await?;
    let form = pairs(&body);
    let wording = Wording::read(&form);
    let active = one_of(&form, "active") != "no";
    let hidden_codes = all_of(&form, "hidden");
    let new_answers = one_of(&form, "new_answers");
    let existing = question.every_option();
    let entered: Vec<(String, String, bool)> = existing
        .iter()
        .map(|o| {
            (
                one_of(&form, &format!("answer-{}-en", o.code)),
                one_of(&form, &format!("answer-{}-cy", o.code)),
                hidden_codes.contains(&o.code),
            )
        })
        .collect();
    let checked = check_edit(&wording, (&existing, &entered), &new_answers, page.locale());
    let lines = match checked {
        Ok(lines) => lines,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let by_code = |o: &QuestionOption| {
                existing
                    .iter()
                    .zip(&entered)
                    .find(|(e, _)| e.code == o.code)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            };
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                EditQuestionPage {
                    answers: answer_fields(&page, &question, by_code),
                    active: active_choices(&page, active),
                    category: page.t(&question.category.message_key()),
                    multiple: question.multiple,
                    question_id: question.id,
                    page: page.with_errors(errors),
                    organisation,
                    wording,
                    new_answers,
                },
            );
        }
    };
    let mut tx = state.db.begin().await?;
    question_changes::change_question(
        &mut tx.ex(),
        page.ctx.actor(),
        org_id,
        &question,
        &QuestionEdit {
            words: wording.words(),
            active,
            answers: &entered,
            new_answers: &lines,
        },
    )
    .await
    .map_err(|QuestionChangeError::Database(e)| AppError::from(e))?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/questions"),
        "flash-question-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    #[test]
    fn codes_come_from_the_english_words() {
        assert_eq!(slug("Yes, a lot"), "yes_a_lot");
        assert_eq!(
            slug("  Gypsy or Irish Traveller! "),
            "gypsy_or_irish_traveller"
        );
        assert_eq!(slug("16 to 24"), "16_to_24");
        assert_eq!(slug("Ŵ"), "");
        assert!(slug(&"word ".repeat(30)).len() <= CODE_MAX_CHARS);
        let taken = vec!["yes".to_owned(), "yes_2".to_owned()];
        assert_eq!(unique_code("yes", "answer", &taken), "yes_3");
        assert_eq!(unique_code("", "answer", &taken), "answer");
        assert_eq!(
            unique_code(PREFER_NOT_TO_SAY, "answer", &taken),
            "prefer_not_to_say_2"
        );
    }

    #[test]
    fn answers_are_typed_as_english_bar_welsh() {
        assert_eq!(
            parse_answer_lines("Bus | Bws\n\n  Train|Trên  \n"),
            Ok(vec![
                ("Bus".to_owned(), "Bws".to_owned()),
                ("Train".to_owned(), "Trên".to_owned())
            ])
        );
        assert_eq!(
            parse_answer_lines("Bus | Bws\nTrain"),
            Err((2, LineError::NotTwoLabels))
        );
        assert_eq!(
            parse_answer_lines("Bus | "),
            Err((1, LineError::NotTwoLabels))
        );
        assert_eq!(
            parse_answer_lines("Bus | Bws | Bus"),
            Err((1, LineError::NotTwoLabels))
        );
        assert_eq!(
            parse_answer_lines("Prefer not to say | Gwell gennyf beidio â dweud"),
            Err((1, LineError::PreferNotToSay))
        );
    }

    fn wording() -> Wording {
        Wording {
            text_en: "How do you travel?".into(),
            text_cy: "Sut ydych chi'n teithio?".into(),
            ..Wording::default()
        }
    }

    #[test]
    fn a_new_question_needs_a_kind_other_than_access_needs_and_an_answer() {
        let new = check_new(
            &wording(),
            &form(&[
                ("multiple", "several"),
                ("category", "health"),
                ("answers", "Bus | Bws"),
            ]),
        )
        .unwrap();
        assert!(new.multiple);
        assert_eq!(new.answers.len(), 1);
        let problems = check_new(
            &Wording::default(),
            &form(&[("multiple", "one"), ("category", "access_needs")]),
        )
        .unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                ("text_en", "question-error-text-en-empty"),
                ("text_cy", "question-error-text-cy-empty"),
                ("category", "question-error-category"),
                ("answers", "question-error-answers-empty"),
            ]
        );
    }

    #[test]
    fn a_changed_question_keeps_one_answer_and_names_each_empty_label() {
        let bus = QuestionOption {
            question_id: Uuid::new_v4(),
            code: "bus".into(),
            label_en: "Bus".into(),
            label_cy: "Bws".into(),
            position: 1,
            hidden: false,
        };
        let options = [&bus];
        let hidden = [("Bus".to_owned(), "Bws".to_owned(), true)];
        assert_eq!(
            fields(&check_edit(&wording(), (&options, &hidden), "", Locale::En).unwrap_err()),
            vec![("new_answers", "question-error-keep-one-answer")]
        );
        assert_eq!(
            check_edit(&wording(), (&options, &hidden), "Train | Trên", Locale::En).unwrap(),
            vec![("Train".to_owned(), "Trên".to_owned())]
        );
        let empty = [(String::new(), "Bws".to_owned(), false)];
        let problems = check_edit(&wording(), (&options, &empty), "", Locale::Cy).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![("answer-bus-en", "question-error-answer-en-empty")]
        );
        assert!(
            FormErrors::from_problems(Locale::Cy, &problems)
                .get("answer-bus-en")
                .is_some_and(|m| m.contains("Bws")),
            "the answer is named in the reader's language"
        );
    }
}
