//! Answering a survey: the start page, one page per question (or group), "Check your answers",
//! sending, saving to come back later (a code, and a link by email), coming back, a signed-in
//! person's own saved answers, and staff entering answers for someone who told them another way.
//!
//! The answers so far are a sealed draft in the database, found by a random token in this
//! browser's cookie (only its hash is stored), or by the signed-in person. GET pages only read it;
//! every change is a POST.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, Answering, SurveyError};
use super::domain::{self, Answer, Answers, Kind, Question, Received, Status};
use super::storage::{self, DraftRow, SurveyRow};
use crate::security::tokens;
use crate::state::AppState;
use crate::web::cookies::{self, CookieNames};
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::{add_cookie, see_other, see_other_with_flash};
use crate::web::{AppError, AppResult, Ids, Page, render};

async fn load_survey(state: &AppState, survey_id: &str) -> Result<SurveyRow, AppError> {
    let id = Uuid::parse_str(survey_id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let survey = storage::find(&mut conn.ex(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A survey staff are still building is not there for anyone else yet.
    if commands::status(&survey) == Status::Draft {
        return Err(AppError::NotFound);
    }
    Ok(survey)
}

/// This browser's survey token, if it has one that could be ours.
fn browser_token(state: &AppState, headers: &HeaderMap) -> Option<String> {
    cookies::read(headers, CookieNames::of(state).survey()).filter(|t| tokens::looks_valid(t))
}

/// The token to answer with: this browser's, or a new one (with the cookie to set).
fn token_or_new(state: &AppState, headers: &HeaderMap) -> (String, Option<String>) {
    match browser_token(state, headers) {
        Some(token) => (token, None),
        None => {
            let token = tokens::issue().secret;
            let names = CookieNames::of(state);
            let cookie = names.set(names.survey(), &token, Some(60 * 60 * 24 * 366));
            (token.clone(), Some(cookie))
        }
    }
}

/// The person on the register the signed-in account is, if any.
async fn signed_in_person(state: &AppState, page: &Page) -> Result<Option<Uuid>, AppError> {
    if page.ctx.user.is_none() {
        return Ok(None);
    }
    match crate::register::record::subject::own(state, page).await {
        Ok(subject) => Ok(Some(subject.person.id)),
        Err(AppError::NotFound) | Err(AppError::Forbidden) => Ok(None),
        Err(other) => Err(other),
    }
}

/// The draft being answered in this request: this browser's, else the signed-in person's own.
async fn current_draft(
    state: &AppState,
    headers: &HeaderMap,
    page: &Page,
    survey: &SurveyRow,
) -> Result<Option<DraftRow>, AppError> {
    let mut conn = state.db.acquire().await?;
    if let Some(token) = browser_token(state, headers)
        && let Some(draft) =
            storage::draft_by_browser(&mut conn.ex(), survey.id, &tokens::hash(&token)).await?
        && draft.expires_at > crate::db::now()
    {
        return Ok(Some(draft));
    }
    drop(conn);
    if let Some(person) = signed_in_person(state, page).await? {
        let mut conn = state.db.acquire().await?;
        return Ok(storage::draft_of_person(&mut conn.ex(), survey.id, person)
            .await?
            .filter(|d| d.expires_at > crate::db::now()));
    }
    Ok(None)
}

fn survey_href(survey: &SurveyRow) -> String {
    format!("/surveys/{}", survey.id)
}

fn page_href(survey: &SurveyRow, page: usize) -> String {
    let pages = survey.definition.pages();
    match pages.get(page) {
        Some(span) => format!(
            "/surveys/{}/questions/{}",
            survey.id, survey.definition.questions[span.start].key
        ),
        None => format!("/surveys/{}/check", survey.id),
    }
}

/// Where to carry on: the first page still needing an answer, or "Check your answers".
fn carry_on(survey: &SurveyRow, answers: &Answers) -> String {
    match survey.definition.first_unanswered(answers) {
        Some(page) => page_href(survey, page),
        None => format!("/surveys/{}/check", survey.id),
    }
}

fn shown_locale(page: &Page) -> crate::i18n::Locale {
    page.locale()
}

// The start page.

#[derive(Template)]
#[template(path = "surveys/templates/start.html")]
struct StartPage {
    page: Page,
    title: String,
    intro: String,
    action: String,
    /// Why it is not taking answers, if it is not.
    closed: Option<String>,
    formats: Vec<Choice>,
    carry_on: Option<String>,
    resume_href: String,
}

async fn start_view(
    state: &AppState,
    headers: &HeaderMap,
    page: Page,
    survey: &SurveyRow,
) -> Result<StartPage, AppError> {
    let status = commands::status(survey);
    let draft = current_draft(state, headers, &page, survey).await?;
    let mut easy = draft.as_ref().is_some_and(|d| d.easy_read);
    if draft.is_none()
        && let Some(person) = signed_in_person(state, &page).await?
    {
        let mut conn = state.db.acquire().await?;
        easy = crate::register::contact::addressee(state, &mut conn.ex(), person)
            .await?
            .is_some_and(|a| a.style.easy_read);
    }
    let carry = draft.as_ref().map(|d| {
        let answers = commands::draft_answers(&state.keys, d);
        carry_on(survey, &survey.definition.on_path(&answers))
    });
    let locale = shown_locale(&page);
    Ok(StartPage {
        title: survey.definition.title.shown(locale, easy).to_owned(),
        intro: survey.definition.intro.shown(locale, easy).to_owned(),
        action: survey_href(survey),
        closed: match status {
            Status::Open => None,
            Status::NotYetOpen => Some(page.t("survey-not-yet-open")),
            _ => Some(page.t("survey-closed")),
        },
        formats: vec![
            Choice::new("standard", page.t("survey-format-standard"), !easy),
            Choice::new("easy_read", page.t("survey-format-easy-read"), easy),
        ],
        carry_on: carry,
        resume_href: format!("{}/resume", survey_href(survey)),
        page,
    })
}

pub async fn start_page(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let open = commands::status(&survey) == Status::Open;
    let view = start_view(&state, &headers, page, &survey).await?;
    if open {
        render(view)
    } else {
        render_status(StatusCode::GONE, view)
    }
}

pub async fn start_submit(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let form = pairs(&body);
    let format = one_of(&form, "format");
    if !matches!(format.as_str(), "standard" | "easy_read") {
        let page = page.with_problems(&[Problem::new("format", "survey-error-format")]);
        let view = start_view(&state, &headers, page, &survey).await?;
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, view);
    }
    let person = signed_in_person(&state, &page).await?;
    let (token, cookie) = token_or_new(&state, &headers);
    let mut tx = state.db.begin().await?;
    let started = commands::start(
        &mut tx.ex(),
        &state.keys,
        &survey,
        tokens::hash(&token),
        Answering {
            person,
            entered_by: None,
            locale: page.locale(),
            easy_read: format == "easy_read",
        },
    )
    .await;
    match started {
        Ok(_) => tx.commit().await?,
        Err(SurveyError::NotOpen(_)) => return closed(&state, &headers, page, &survey).await,
        Err(other) => return Err(other.into()),
    }
    let mut response = see_other(&page_href(&survey, 0));
    if let Some(cookie) = cookie {
        add_cookie(&mut response, cookie);
    }
    Ok(response)
}

/// The survey is not taking answers: the start page says so, and nothing was kept.
async fn closed(
    state: &AppState,
    headers: &HeaderMap,
    page: Page,
    survey: &SurveyRow,
) -> AppResult {
    let view = start_view(state, headers, page, survey).await?;
    render_status(StatusCode::GONE, view)
}

// Question pages.

/// One question as its page draws it.
pub struct QuestionView {
    pub kind: &'static str,
    /// "checkbox" for a multiple choice, else "radio".
    pub input: &'static str,
    pub multiple: bool,
    pub number: usize,
    pub name: String,
    pub label: String,
    pub hint: String,
    pub optional: bool,
    pub items: Vec<Choice>,
    pub other: bool,
    pub other_checked: bool,
    pub other_field: String,
    pub other_value: String,
    pub value: String,
    pub day: String,
    pub month: String,
    pub year: String,
    /// Each item's label and value, with an empty one to add.
    pub list: Vec<(String, String)>,
    pub max_chars: usize,
    pub limit: String,
    pub day_name: String,
    pub low: String,
    pub high: String,
}

impl QuestionView {
    /// `form` holds what was just typed, when the page is shown again with errors.
    pub fn of(
        page: &Page,
        q: &Question,
        answers: &Answers,
        form: &[(String, String)],
        easy: bool,
        number: usize,
    ) -> QuestionView {
        let locale = page.locale();
        let name = domain::field(q);
        let typed = !form.is_empty();
        let given = answers.get(&q.key);
        let chosen: Vec<String> = if typed {
            crate::web::forms::all_of(form, &name)
        } else {
            given.map(Answer::chosen).unwrap_or_default()
        };
        let value = if typed {
            one_of(form, &name)
        } else {
            match given {
                Some(Answer::Text(t)) => t.clone(),
                Some(Answer::Number(n)) => n.to_string(),
                _ => String::new(),
            }
        };
        let (day, month, year) = if typed {
            (
                one_of(form, &format!("{name}-day")),
                one_of(form, &format!("{name}-month")),
                one_of(form, &format!("{name}-year")),
            )
        } else {
            match given {
                Some(Answer::Date(d)) => (
                    d.day().to_string(),
                    u8::from(d.month()).to_string(),
                    d.year().to_string(),
                ),
                _ => Default::default(),
            }
        };
        let mut list: Vec<String> = if typed {
            crate::web::forms::all_of(form, &name)
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect()
        } else {
            match given {
                Some(Answer::List(items)) => items.clone(),
                _ => Vec::new(),
            }
        };
        list.push(String::new());
        let list = list
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    page.t_args("survey-list-item", &[("number", (i as i64 + 1).into())]),
                    v,
                )
            })
            .collect();
        let max_chars = match q.kind {
            Kind::LongText { max_chars } => max_chars,
            _ => domain::SHORT_ANSWER_MAX_CHARS,
        };
        let mut items: Vec<Choice> = match &q.kind {
            Kind::Single { choices, .. } | Kind::Multiple { choices, .. } => choices
                .iter()
                .map(|c| {
                    Choice::new(
                        c.key.clone(),
                        c.label.shown(locale, easy),
                        chosen.contains(&c.key),
                    )
                })
                .collect(),
            Kind::YesNo => vec![
                Choice::new(
                    "yes",
                    page.t("survey-yes"),
                    chosen.iter().any(|c| c == "yes"),
                ),
                Choice::new("no", page.t("survey-no"), chosen.iter().any(|c| c == "no")),
            ],
            Kind::Scale { min, max, .. } => (*min..=*max)
                .map(|n| {
                    Choice::new(
                        n.to_string(),
                        n.to_string(),
                        chosen.contains(&n.to_string()),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Kind::Scale {
            low,
            high,
            min,
            max,
        } = &q.kind
        {
            if let Some(first) = items.first_mut() {
                first.hint = low.shown(locale, easy).to_owned();
                let _ = min;
            }
            if let Some(last) = items.last_mut() {
                last.hint = high.shown(locale, easy).to_owned();
                let _ = max;
            }
        }
        let (low, high) = match &q.kind {
            Kind::Scale { low, high, .. } => (
                low.shown(locale, easy).to_owned(),
                high.shown(locale, easy).to_owned(),
            ),
            _ => Default::default(),
        };
        QuestionView {
            kind: q.kind.code(),
            multiple: matches!(q.kind, Kind::Multiple { .. }),
            input: if matches!(q.kind, Kind::Multiple { .. }) {
                "checkbox"
            } else {
                "radio"
            },
            number,
            label: q.label.shown(locale, easy).to_owned(),
            hint: q.help.shown(locale, easy).to_owned(),
            optional: q.optional,
            items,
            other: q.kind.has_other(),
            other_checked: chosen.iter().any(|c| c == domain::OTHER),
            other_field: domain::other_field(q),
            other_value: if typed {
                one_of(form, &domain::other_field(q))
            } else {
                given.map(|a| a.other().to_owned()).unwrap_or_default()
            },
            value,
            day,
            month,
            year,
            list,
            max_chars,
            limit: page.t_args(
                "survey-characters-limit",
                &[("max", (max_chars as i64).into())],
            ),
            day_name: format!("{name}-day"),
            low,
            high,
            name,
        }
    }
}

#[derive(Template)]
#[template(path = "surveys/templates/question.html")]
struct QuestionPage {
    page: Page,
    survey_title: String,
    back: String,
    action: String,
    questions: Vec<QuestionView>,
    /// Staff entering answers for someone: whose.
    for_person: bool,
}

fn question_view(
    page: Page,
    survey: &SurveyRow,
    draft: &DraftRow,
    index: usize,
    answers: &Answers,
    form: &[(String, String)],
) -> QuestionPage {
    let d = &survey.definition;
    let span = d.pages()[index];
    let easy = draft.easy_read;
    let path = d.path(answers);
    let back = match path.iter().position(|p| *p == index) {
        Some(0) | None if index == 0 => survey_href(survey),
        Some(i) if i > 0 => page_href(survey, path[i - 1]),
        _ => survey_href(survey),
    };
    let questions = d.questions[span.start..span.start + span.len]
        .iter()
        .enumerate()
        .map(|(i, q)| QuestionView::of(&page, q, answers, form, easy, span.start + i + 1))
        .collect();
    QuestionPage {
        survey_title: d.title.shown(page.locale(), easy).to_owned(),
        back,
        action: page_href(survey, index),
        questions,
        for_person: draft.entered_by.is_some(),
        page,
    }
}

async fn draft_or_start(
    state: &AppState,
    headers: &HeaderMap,
    page: &Page,
    survey: &SurveyRow,
) -> Result<Result<DraftRow, Response>, AppError> {
    Ok(match current_draft(state, headers, page, survey).await? {
        Some(draft) => Ok(draft),
        None => Err(see_other_with_flash(
            state,
            &survey_href(survey),
            "notice-survey-start-first",
        )),
    })
}

pub async fn question_page(
    State(state): State<AppState>,
    Ids((survey_id, key)): Ids<(String, String)>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let (index, _) = survey
        .definition
        .page_starting(&key)
        .ok_or(AppError::NotFound)?;
    if commands::status(&survey) != Status::Open {
        return closed(&state, &headers, page, &survey).await;
    }
    let draft = match draft_or_start(&state, &headers, &page, &survey).await? {
        Ok(d) => d,
        Err(response) => return Ok(response),
    };
    let answers = commands::draft_answers(&state.keys, &draft);
    render(question_view(page, &survey, &draft, index, &answers, &[]))
}

pub async fn question_submit(
    State(state): State<AppState>,
    Ids((survey_id, key)): Ids<(String, String)>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let (index, span) = survey
        .definition
        .page_starting(&key)
        .ok_or(AppError::NotFound)?;
    if commands::status(&survey) != Status::Open {
        return closed(&state, &headers, page, &survey).await;
    }
    let draft = match draft_or_start(&state, &headers, &page, &survey).await? {
        Ok(d) => d,
        Err(response) => return Ok(response),
    };
    let form = pairs(&body);
    let action = one_of(&form, "step");
    let mut given = Vec::new();
    let mut problems = Vec::new();
    for q in &survey.definition.questions[span.start..span.start + span.len] {
        match domain::check_answer(q, &form) {
            Ok(answer) => given.push((q.key.clone(), answer)),
            Err(problem) => {
                problems.push(problem);
                given.push((q.key.clone(), None));
            }
        }
    }
    let saving = action == "save";
    if !problems.is_empty() && !saving && action != "add" {
        let answers = commands::draft_answers(&state.keys, &draft);
        let page = page.with_problems(&problems);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            question_view(page, &survey, &draft, index, &answers, &form),
        );
    }
    // Saving half-way keeps what was answered well; a problem answer is left out.
    if saving || action == "add" {
        let mut kept = commands::draft_answers(&state.keys, &draft);
        for (key, answer) in &given {
            match answer {
                Some(a) => {
                    kept.insert(key.clone(), a.clone());
                }
                None if problems
                    .iter()
                    .all(|p| !p.field.starts_with(&format!("q-{key}"))) =>
                {
                    kept.remove(key);
                }
                None => {}
            }
        }
        given = kept
            .into_iter()
            .filter(|(k, _)| {
                survey.definition.questions[span.start..span.start + span.len]
                    .iter()
                    .any(|q| q.key == *k)
            })
            .map(|(k, a)| (k, Some(a)))
            .collect();
    }
    // Reaching the end of the way: later changes come back to "Check your answers".
    let mut after = commands::draft_answers(&state.keys, &draft);
    for (key, answer) in &given {
        match answer {
            Some(a) => after.insert(key.clone(), a.clone()),
            None => after.remove(key),
        };
    }
    let at_end = survey.definition.next_page(index, &after).is_none() && !saving && action != "add";
    let mut tx = state.db.begin().await?;
    let answers = match commands::answer_page(
        &mut tx.ex(),
        &state.keys,
        &survey,
        &draft,
        index,
        given,
        draft.checking || at_end,
    )
    .await
    {
        Ok(a) => a,
        Err(SurveyError::NotOpen(_)) => return closed(&state, &headers, page, &survey).await,
        Err(other) => return Err(other.into()),
    };
    let next = survey.definition.next_page(index, &answers);
    tx.commit().await?;
    if saving {
        return Ok(see_other(&format!("{}/save", survey_href(&survey))));
    }
    if action == "add" {
        return Ok(see_other(&page_href(&survey, index)));
    }
    let to = match next {
        _ if draft.checking => carry_on(&survey, &answers),
        Some(page) => page_href(&survey, page),
        None => carry_on(&survey, &answers),
    };
    Ok(see_other(&to))
}

// Check your answers.

pub struct Row {
    pub key: String,
    pub label: String,
    pub answer: String,
    pub change: String,
}

#[derive(Template)]
#[template(path = "surveys/templates/check.html")]
struct CheckPage {
    page: Page,
    survey_title: String,
    back: String,
    action: String,
    rows: Vec<Row>,
    save_href: String,
}

fn check_view(page: Page, survey: &SurveyRow, draft: &DraftRow, answers: &Answers) -> CheckPage {
    let d = &survey.definition;
    let easy = draft.easy_read;
    let pages = d.pages();
    let path = d.path(answers);
    let mut rows = Vec::new();
    for p in &path {
        let span = pages[*p];
        for q in &d.questions[span.start..span.start + span.len] {
            rows.push(Row {
                key: q.key.clone(),
                label: q.label.shown(page.locale(), easy).to_owned(),
                answer: answers
                    .get(&q.key)
                    .map(|a| a.words(q, page.locale()))
                    .unwrap_or_else(|| page.t("survey-not-answered")),
                change: page_href(survey, *p),
            });
        }
    }
    CheckPage {
        survey_title: d.title.shown(page.locale(), easy).to_owned(),
        back: path
            .last()
            .map(|p| page_href(survey, *p))
            .unwrap_or_else(|| survey_href(survey)),
        action: format!("{}/check", survey_href(survey)),
        rows,
        save_href: format!("{}/save", survey_href(survey)),
        page,
    }
}

pub async fn check_page(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    if commands::status(&survey) != Status::Open {
        return closed(&state, &headers, page, &survey).await;
    }
    let draft = match draft_or_start(&state, &headers, &page, &survey).await? {
        Ok(d) => d,
        Err(response) => return Ok(response),
    };
    let answers = survey
        .definition
        .on_path(&commands::draft_answers(&state.keys, &draft));
    if let Some(p) = survey.definition.first_unanswered(&answers) {
        return Ok(see_other(&page_href(&survey, p)));
    }
    render(check_view(page, &survey, &draft, &answers))
}

pub async fn check_submit(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let draft = match draft_or_start(&state, &headers, &page, &survey).await? {
        Ok(d) => d,
        Err(response) => return Ok(response),
    };
    let may_quote = crate::web::forms::all_of(&pairs(&body), "quote")
        .iter()
        .any(|v| v == "yes");
    let (token, cookie) = token_or_new(&state, &headers);
    let mut tx = state.db.begin().await?;
    let sent = commands::send(
        &mut tx.ex(),
        &state,
        &survey,
        &draft,
        Some(tokens::hash(&token)),
        may_quote,
    )
    .await;
    let sent = match sent {
        Ok(sent) => sent,
        Err(SurveyError::NotOpen(_)) | Err(SurveyError::EngagementNotOpen) => {
            return closed(&state, &headers, page, &survey).await;
        }
        Err(SurveyError::Unanswered(p)) => return Ok(see_other(&page_href(&survey, p))),
        Err(other) => return Err(other.into()),
    };
    tx.commit().await?;
    let mut response = see_other(&format!("{}/sent/{}", survey_href(&survey), sent.response));
    if let Some(cookie) = cookie {
        add_cookie(&mut response, cookie);
    }
    Ok(response)
}

#[derive(Template)]
#[template(path = "surveys/templates/sent.html")]
struct SentPage {
    page: Page,
    survey_title: String,
    reference: String,
}

pub async fn sent_page(
    State(state): State<AppState>,
    Ids((survey_id, response_id)): Ids<(String, Uuid)>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let token = browser_token(&state, &headers).ok_or(AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let response = storage::find_response(&mut conn.ex(), survey.id, response_id)
        .await?
        .filter(|r| r.receipt_hash.as_deref() == Some(tokens::hash(&token).as_slice()))
        .ok_or(AppError::NotFound)?;
    render(SentPage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), response.easy_read)
            .to_owned(),
        reference: response.reference,
        page,
    })
}

// Saving to come back later.

#[derive(Template)]
#[template(path = "surveys/templates/save.html")]
struct SavePage {
    page: Page,
    survey_title: String,
    back: String,
    action: String,
    email: String,
    intro: String,
}

fn save_view(page: Page, survey: &SurveyRow, email: String) -> SavePage {
    SavePage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        back: survey_href(survey),
        action: format!("{}/save", survey_href(survey)),
        email,
        intro: page.t_args("survey-save-intro", &[("days", survey.resume_days.into())]),
        page,
    }
}

pub async fn save_page(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    if let Err(response) = draft_or_start(&state, &headers, &page, &survey).await? {
        return Ok(response);
    }
    render(save_view(page, &survey, String::new()))
}

#[derive(Template)]
#[template(path = "surveys/templates/code.html")]
struct CodePage {
    page: Page,
    survey_title: String,
    code: String,
    until: String,
    emailed: bool,
    resume_href: String,
}

pub fn check_email(email: &str) -> Result<Option<String>, Problem> {
    let email = email.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(a, b)| {
            !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
        })
        && !email.chars().any(char::is_whitespace);
    if ok {
        Ok(Some(email.to_owned()))
    } else {
        Err(Problem::new("email", "survey-error-email"))
    }
}

pub async fn save_submit(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let draft = match draft_or_start(&state, &headers, &page, &survey).await? {
        Ok(d) => d,
        Err(response) => return Ok(response),
    };
    let typed = one_of(&pairs(&body), "email");
    let email = match check_email(&typed) {
        Ok(e) => e,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                save_view(page, &survey, typed),
            );
        }
    };
    let mut tx = state.db.begin().await?;
    let resume = commands::save_for_later(
        &mut tx.ex(),
        state.door(),
        &survey,
        &draft,
        email.as_deref(),
        &state.public_url,
    )
    .await?;
    tx.commit().await?;
    render(CodePage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        code: format!("{}-{}", &resume.code[..4], &resume.code[4..]),
        until: crate::web::dates::format_date(resume.expires_at, page.locale()),
        emailed: email.is_some(),
        resume_href: format!("{}/resume", survey_href(&survey)),
        page,
    })
}

// Coming back.

#[derive(Template)]
#[template(path = "surveys/templates/resume.html")]
struct ResumePage {
    page: Page,
    survey_title: String,
    back: String,
    action: String,
    code: String,
    /// For a link: whether it still works.
    link: bool,
    link_works: bool,
}

fn resume_view(page: Page, survey: &SurveyRow, code: String) -> ResumePage {
    ResumePage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        back: survey_href(survey),
        action: format!("{}/resume", survey_href(survey)),
        code,
        link: false,
        link_works: false,
        page,
    }
}

pub async fn resume_form(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    render(resume_view(page, &survey, String::new()))
}

/// Moves the found draft to this browser and carries on; an unknown or expired one is refused with
/// `refused` and nothing changes.
async fn come_back(
    state: &AppState,
    headers: &HeaderMap,
    page: Page,
    survey: &SurveyRow,
    found: Option<DraftRow>,
    refused: impl FnOnce(Page) -> AppResult,
) -> AppResult {
    let (token, cookie) = match browser_token(state, headers) {
        Some(t) => (t, None),
        None => token_or_new(state, headers),
    };
    let mut tx = state.db.begin().await?;
    let draft = match commands::resume(&mut tx.ex(), survey, found, &tokens::hash(&token)).await {
        Ok(d) => d,
        Err(SurveyError::NoDraft) => return refused(page),
        Err(SurveyError::NotOpen(_)) => return closed(state, headers, page, survey).await,
        Err(other) => return Err(other.into()),
    };
    tx.commit().await?;
    let answers = survey
        .definition
        .on_path(&commands::draft_answers(&state.keys, &draft));
    let mut response =
        see_other_with_flash(state, &carry_on(survey, &answers), "survey-flash-resumed");
    if let Some(cookie) = cookie {
        add_cookie(&mut response, cookie);
    }
    Ok(response)
}

pub async fn resume_submit(
    State(state): State<AppState>,
    Ids(survey_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let typed = one_of(&pairs(&body), "code");
    let Some(code) = domain::normalise_code(&typed) else {
        let page = page.with_problems(&[Problem::new("code", "survey-error-code")]);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            resume_view(page, &survey, typed),
        );
    };
    let mut conn = state.db.acquire().await?;
    let found = storage::draft_by_code(&mut conn.ex(), survey.id, &tokens::hash(&code)).await?;
    drop(conn);
    let s = survey.clone();
    come_back(&state, &headers, page, &survey, found, move |page| {
        let page = page.with_problems(&[Problem::new("code", "survey-error-code-unknown")]);
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            resume_view(page, &s, typed),
        )
    })
    .await
}

async fn link_draft(
    state: &AppState,
    survey: &SurveyRow,
    token: &str,
) -> Result<Option<DraftRow>, AppError> {
    if !tokens::looks_valid(token) {
        return Ok(None);
    }
    let mut conn = state.db.acquire().await?;
    Ok(storage::draft_by_link(&mut conn.ex(), survey.id, &tokens::hash(token)).await?)
}

fn link_view(page: Page, survey: &SurveyRow, token: &str, works: bool) -> ResumePage {
    ResumePage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        back: survey_href(survey),
        action: format!("{}/resume/{token}", survey_href(survey)),
        code: String::new(),
        link: true,
        link_works: works,
        page,
    }
}

pub async fn resume_link_form(
    State(state): State<AppState>,
    Ids((survey_id, token)): Ids<(String, String)>,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let works = link_draft(&state, &survey, &token)
        .await?
        .is_some_and(|d| d.expires_at > crate::db::now());
    let view = link_view(page, &survey, &token, works);
    if works {
        render(view)
    } else {
        render_status(StatusCode::GONE, view)
    }
}

pub async fn resume_link_submit(
    State(state): State<AppState>,
    Ids((survey_id, token)): Ids<(String, String)>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let survey = load_survey(&state, &survey_id).await?;
    let found = link_draft(&state, &survey, &token).await?;
    let s = survey.clone();
    come_back(&state, &headers, page, &survey, found, move |page| {
        render_status(StatusCode::GONE, link_view(page, &s, &token, false))
    })
    .await
}

// A signed-in person's own saved answers.

pub struct SavedLine {
    pub title: String,
    pub href: String,
    pub until: String,
}

#[derive(Template)]
#[template(path = "surveys/templates/your_surveys.html")]
struct YourSurveysPage {
    page: Page,
    lines: Vec<SavedLine>,
}

pub async fn your_surveys(State(state): State<AppState>, page: Page) -> AppResult {
    let mut lines = Vec::new();
    if let Some(person) = signed_in_person(&state, &page).await? {
        let mut conn = state.db.acquire().await?;
        let drafts = storage::drafts_of_person(&mut conn.ex(), person).await?;
        for draft in drafts
            .into_iter()
            .filter(|d| d.expires_at > crate::db::now())
        {
            let Some(survey) = storage::find(&mut conn.ex(), draft.survey_id).await? else {
                continue;
            };
            lines.push(SavedLine {
                title: survey
                    .definition
                    .title
                    .shown(page.locale(), draft.easy_read)
                    .to_owned(),
                href: survey_href(&survey),
                until: crate::web::dates::format_date(draft.expires_at, page.locale()),
            });
        }
    }
    render(YourSurveysPage { page, lines })
}

// Staff entering answers for a person.

#[derive(Template)]
#[template(path = "surveys/templates/for_person.html")]
struct ForPersonPage {
    page: Page,
    survey_title: String,
    back: String,
    action: String,
    name: String,
    searched: bool,
    people: Vec<Choice>,
    how: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct PersonSearch {
    #[serde(default)]
    name: String,
}

/// The people whose name matches, among those these staff may see (and the one already chosen).
async fn offered(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    name: &str,
    chosen: Option<Uuid>,
) -> Result<Vec<(Uuid, String)>, AppError> {
    let mut people = crate::register::record::people_list::named(state, page, org_id, name).await?;
    if let Some(id) = chosen
        && !people.iter().any(|(p, _)| *p == id)
        && let Ok(subject) =
            crate::register::record::subject::seen_by_staff(state, page, org_id, &id.to_string())
                .await
    {
        people.insert(0, (id, subject.person.display_name));
    }
    Ok(people)
}

fn for_person_view(
    page: Page,
    survey: &SurveyRow,
    href: String,
    name: String,
    people: &[(Uuid, String)],
    chosen: &str,
    how: &str,
) -> ForPersonPage {
    let how = Received::ALL
        .iter()
        .map(|r| Choice::new(r.as_str(), page.t(&r.message_key()), how == r.as_str()))
        .collect();
    let people = people
        .iter()
        .map(|(id, label)| Choice::new(id.to_string(), label.clone(), id.to_string() == chosen))
        .collect();
    ForPersonPage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        action: format!("{href}/answer-for"),
        back: href,
        searched: !name.trim().is_empty(),
        name,
        people,
        how,
        page,
    }
}

pub async fn for_person_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    Query(query): Query<PersonSearch>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = super::builder::load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = super::staff_href(org_id, loaded.engagement.id, survey.id);
    let people = offered(&state, &page, org_id, &query.name, None).await?;
    render(for_person_view(
        page, &survey, href, query.name, &people, "", "",
    ))
}

/// The person named in what staff sent: their id, or the address of their page.
pub fn person_in(typed: &str) -> Option<Uuid> {
    typed
        .trim()
        .trim_end_matches('/')
        .split(['/', '?', '#'])
        .rev()
        .find_map(|part| Uuid::parse_str(part).ok())
}

pub async fn for_person_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = super::builder::load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = super::staff_href(org_id, loaded.engagement.id, survey.id);
    let form = pairs(&body);
    let typed = one_of(&form, "person");
    let name = one_of(&form, "name");
    let how = one_of(&form, "received_by");
    let mut problems = Vec::new();
    // Only someone these staff may see on the register.
    let person = match person_in(&typed) {
        Some(id) => match crate::register::record::subject::seen_by_staff(
            &state,
            &page,
            org_id,
            &id.to_string(),
        )
        .await
        {
            Ok(subject) => Some(subject.person.id),
            Err(AppError::NotFound) | Err(AppError::Forbidden) => None,
            Err(other) => return Err(other),
        },
        None => None,
    };
    if person.is_none() {
        problems.push(Problem::new("person", "survey-error-person"));
    }
    let received = Received::parse(&how);
    if received.is_none() {
        problems.push(Problem::new("received_by", "survey-error-received-by"));
    }
    let (Some(person), Some(received)) = (person, received) else {
        let people = offered(&state, &page, org_id, &name, person).await?;
        let page = page.with_problems(&problems);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            for_person_view(page, &survey, href, name, &people, &typed, &how),
        );
    };
    let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let (token, cookie) = token_or_new(&state, &headers);
    let mut tx = state.db.begin().await?;
    let started = commands::start(
        &mut tx.ex(),
        &state.keys,
        &survey,
        tokens::hash(&token),
        Answering {
            person: Some(person),
            entered_by: Some((account, received)),
            locale: page.locale(),
            easy_read: false,
        },
    )
    .await;
    match started {
        Ok(_) => tx.commit().await?,
        Err(SurveyError::NotOpen(_)) => {
            let people = offered(&state, &page, org_id, &name, Some(person)).await?;
            let page = page.with_problems(&[Problem::new("person", "survey-error-not-open")]);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                for_person_view(page, &survey, href, name, &people, &typed, &how),
            );
        }
        Err(other) => return Err(other.into()),
    }
    let mut response = see_other(&page_href(&survey, 0));
    if let Some(cookie) = cookie {
        add_cookie(&mut response, cookie);
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_person_is_found_in_an_id_or_their_page_address() {
        let id = Uuid::now_v7();
        assert_eq!(person_in(&id.to_string()), Some(id));
        let org = Uuid::now_v7();
        assert_eq!(
            person_in(&format!(
                "https://withus.example/organisations/{org}/people/{id}"
            )),
            Some(id)
        );
        assert_eq!(person_in("Sam Jones"), None);
    }

    #[test]
    fn an_email_address_is_optional_but_checked() {
        assert_eq!(check_email(""), Ok(None));
        assert_eq!(
            check_email(" sam@example.org "),
            Ok(Some("sam@example.org".into()))
        );
        assert!(check_email("sam").is_err());
        assert!(check_email("sam@localhost").is_err());
    }
}
