//! Staff pages for building a survey: its settings (wording, dates, how long saved answers are
//! kept), its questions (add, change, route, move, delete) and a preview.

use askama::Template;
use axum::extract::State;
use time::Date;
use uuid::Uuid;

use super::commands::{self, Editor, SurveyError};
use super::domain::{
    Branch, Choice as SurveyChoice, DEFAULT_RESUME_DAYS, Definition, Goto, Kind, LINE_MAX_CHARS,
    LONG_ANSWER_MAX_CHARS, Question, TEXT_MAX_CHARS, Wording,
};
use super::staff_href;
use super::storage::{self, Settings, SurveyRow};
use crate::engagements::{Loaded, load_editable};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::{see_other, see_other_with_flash};
use crate::web::{AppError, AppResult, Page, render};

fn editor(page: &Page, org_id: Uuid) -> Editor {
    Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

/// The engagement (if this organisation may change it) and its survey in the path.
pub(super) async fn load(
    state: &AppState,
    org_id: Uuid,
    engagement_id: &str,
    survey_id: &str,
) -> Result<(Loaded, SurveyRow), AppError> {
    let loaded = load_editable(state, org_id, engagement_id).await?;
    let id = Uuid::parse_str(survey_id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let survey = storage::find(&mut conn.ex(), id)
        .await?
        .filter(|s| s.engagement_id == loaded.engagement.id)
        .ok_or(AppError::NotFound)?;
    Ok((loaded, survey))
}

// Settings.

/// Day, month and year that do not make a real date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotADate;

/// A date given as day, month and year fields; all blank is `None`.
pub fn date_parts(form: &[(String, String)], name: &str) -> Result<Option<Date>, NotADate> {
    let day = one_of(form, &format!("{name}-day"));
    let month = one_of(form, &format!("{name}-month"));
    let year = one_of(form, &format!("{name}-year"));
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return Ok(None);
    }
    let parsed = (|| {
        let m = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
        let y: i32 = year.parse().ok()?;
        if !(2000..=2100).contains(&y) {
            return None;
        }
        Date::from_calendar_date(y, m, day.parse().ok()?).ok()
    })();
    parsed.map(Some).ok_or(NotADate)
}

/// One field of a piece of text (English, Welsh, Easy Read in each) as the form draws it.
pub struct WordingField {
    pub id: String,
    pub label: String,
    pub value: String,
}

pub fn wording_fields(page: &Page, name: &str, w: &Wording) -> Vec<WordingField> {
    [
        ("en", "survey-field-english", &w.en),
        ("cy", "survey-field-welsh", &w.cy),
        ("easy_en", "survey-field-easy-en", &w.easy_en),
        ("easy_cy", "survey-field-easy-cy", &w.easy_cy),
    ]
    .into_iter()
    .map(|(suffix, key, value)| WordingField {
        id: format!("{name}_{suffix}"),
        label: page.t(key),
        value: value.clone(),
    })
    .collect()
}

fn wording(form: &[(String, String)], name: &str) -> Wording {
    Wording {
        en: one_of(form, &format!("{name}_en")),
        cy: one_of(form, &format!("{name}_cy")),
        easy_en: one_of(form, &format!("{name}_easy_en")),
        easy_cy: one_of(form, &format!("{name}_easy_cy")),
    }
}

fn check_wording(w: &Wording, name: &str, max: usize, problems: &mut Vec<Problem>) {
    for (suffix, text) in [
        ("en", &w.en),
        ("cy", &w.cy),
        ("easy_en", &w.easy_en),
        ("easy_cy", &w.easy_cy),
    ] {
        if text.chars().count() > max {
            problems.push(Problem::too_long(
                format!("{name}_{suffix}"),
                "survey-error-field-too-long",
                max,
            ));
        }
    }
}

/// The settings form as typed.
#[derive(Debug, Clone, Default)]
pub struct SettingsAnswers {
    pub title: Wording,
    pub intro: Wording,
    pub dates: [(String, String, String); 2],
    pub resume_days: String,
}

impl SettingsAnswers {
    fn read(form: &[(String, String)]) -> SettingsAnswers {
        let part = |name: &str| {
            (
                one_of(form, &format!("{name}-day")),
                one_of(form, &format!("{name}-month")),
                one_of(form, &format!("{name}-year")),
            )
        };
        SettingsAnswers {
            title: wording(form, "title"),
            intro: wording(form, "intro"),
            dates: [part("opens"), part("closes")],
            resume_days: one_of(form, "resume_days"),
        }
    }

    fn of(survey: &SurveyRow) -> SettingsAnswers {
        let part = |d: Option<Date>| match d {
            Some(d) => (
                d.day().to_string(),
                u8::from(d.month()).to_string(),
                d.year().to_string(),
            ),
            None => Default::default(),
        };
        SettingsAnswers {
            title: survey.definition.title.clone(),
            intro: survey.definition.intro.clone(),
            dates: [part(survey.opens_on), part(survey.closes_on)],
            resume_days: survey.resume_days.to_string(),
        }
    }
}

/// Checks the settings form: the title in English is needed, dates must be real and in order, and
/// answers are kept for 1 to 365 days.
pub fn check_settings(
    form: &[(String, String)],
) -> Result<(Wording, Wording, Settings), Vec<Problem>> {
    let mut problems = Vec::new();
    let title = wording(form, "title");
    let intro = wording(form, "intro");
    if title.en.is_empty() {
        problems.push(Problem::new("title_en", "survey-error-title"));
    }
    check_wording(&title, "title", LINE_MAX_CHARS, &mut problems);
    check_wording(&intro, "intro", TEXT_MAX_CHARS, &mut problems);
    let opens = date_parts(form, "opens").unwrap_or_else(|NotADate| {
        problems.push(Problem::new("opens-day", "survey-error-date-real"));
        None
    });
    let closes = date_parts(form, "closes").unwrap_or_else(|NotADate| {
        problems.push(Problem::new("closes-day", "survey-error-date-real"));
        None
    });
    if let (Some(o), Some(c)) = (opens, closes)
        && c < o
    {
        problems.push(Problem::new("closes-day", "survey-error-closes-before"));
    }
    if closes.is_some() && opens.is_none() {
        problems.push(Problem::new("opens-day", "survey-error-opens-needed"));
    }
    let days = one_of(form, "resume_days");
    let resume_days = if days.is_empty() {
        DEFAULT_RESUME_DAYS
    } else {
        match days.parse::<i64>() {
            Ok(n) if (1..=365).contains(&n) => n,
            _ => {
                problems.push(Problem::new("resume_days", "survey-error-resume-days"));
                DEFAULT_RESUME_DAYS
            }
        }
    };
    if problems.is_empty() {
        Ok((
            title,
            intro,
            Settings {
                opens_on: opens,
                closes_on: closes,
                resume_days,
            },
        ))
    } else {
        Err(problems)
    }
}

#[derive(Template)]
#[template(path = "surveys/templates/settings_form.html")]
struct SettingsPage {
    page: Page,
    engagement_title: String,
    heading: String,
    action: String,
    back: String,
    a: SettingsAnswers,
    title_fields: Vec<WordingField>,
    intro_fields: Vec<WordingField>,
}

impl SettingsPage {
    fn with_fields(mut self) -> SettingsPage {
        self.title_fields = wording_fields(&self.page, "title", &self.a.title);
        self.intro_fields = wording_fields(&self.page, "intro", &self.a.intro);
        self
    }
}

fn engagement_home(org_id: Uuid, engagement: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement}#surveys")
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let engagement = loaded.engagement.id;
    render(
        SettingsPage {
            engagement_title: loaded.engagement.title().shown(page.locale()).text,
            heading: page.t("survey-new-title"),
            action: format!("/organisations/{org_id}/engagements/{engagement}/surveys/new"),
            back: engagement_home(org_id, engagement),
            a: SettingsAnswers {
                resume_days: DEFAULT_RESUME_DAYS.to_string(),
                ..SettingsAnswers::default()
            },
            title_fields: Vec::new(),
            intro_fields: Vec::new(),
            page,
        }
        .with_fields(),
    )
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let engagement = loaded.engagement.id;
    let form = pairs(&body);
    let (title, intro, settings) = match check_settings(&form) {
        Ok(ok) => ok,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(
                SettingsPage {
                    engagement_title: loaded.engagement.title().shown(page.locale()).text,
                    heading: page.t("survey-new-title"),
                    action: format!("/organisations/{org_id}/engagements/{engagement}/surveys/new"),
                    back: engagement_home(org_id, engagement),
                    a: SettingsAnswers::read(&form),
                    title_fields: Vec::new(),
                    intro_fields: Vec::new(),
                    page,
                }
                .with_fields(),
            );
        }
    };
    let definition = Definition {
        title,
        intro,
        ..Definition::default()
    };
    let mut tx = state.db.begin().await?;
    let id = commands::create(
        &mut tx.ex(),
        editor(&page, org_id),
        engagement,
        &definition,
        &settings,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &staff_href(org_id, engagement, id),
        "survey-flash-created",
    ))
}

pub async fn settings_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    render(
        SettingsPage {
            engagement_title: loaded.engagement.title().shown(page.locale()).text,
            heading: page.t("survey-settings-title"),
            action: format!("{href}/settings"),
            back: href,
            a: SettingsAnswers::of(&survey),
            title_fields: Vec::new(),
            intro_fields: Vec::new(),
            page,
        }
        .with_fields(),
    )
}

pub async fn settings_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let form = pairs(&body);
    let refused = |page: Page, problems: &[Problem]| {
        let page = page.with_problems(problems);
        render_invalid(
            SettingsPage {
                engagement_title: loaded.engagement.title().shown(page.locale()).text,
                heading: page.t("survey-settings-title"),
                action: format!("{href}/settings"),
                back: href.clone(),
                a: SettingsAnswers::read(&form),
                title_fields: Vec::new(),
                intro_fields: Vec::new(),
                page,
            }
            .with_fields(),
        )
    };
    let (title, intro, settings) = match check_settings(&form) {
        Ok(ok) => ok,
        Err(problems) => return refused(page, &problems),
    };
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, s| {
        d.title = title;
        d.intro = intro;
        *s = settings;
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(&state, &href, "survey-flash-saved"))
        }
        Err(error) => refusal(page, error, refused),
    }
}

/// A refused change shown on its form; other errors as they are.
fn refusal(
    page: Page,
    error: SurveyError,
    show: impl FnOnce(Page, &[Problem]) -> AppResult,
) -> AppResult {
    match error {
        SurveyError::Routing(problems) => show(page, &problems),
        SurveyError::Live(refusal) => show(page, &[refusal.problem()]),
        other => Err(other.into()),
    }
}

// The overview.

pub struct QuestionLine {
    pub number: usize,
    /// "Question 3".
    pub heading: String,
    pub key: String,
    pub label: String,
    pub kind: String,
    pub optional: bool,
    pub with_previous: bool,
    /// "If the answer is X, go to question N" lines.
    pub routing: Vec<String>,
    pub routable: bool,
    pub first: bool,
    pub last: bool,
}

fn goto_text(page: &Page, definition: &Definition, to: &Goto) -> String {
    match to {
        Goto::End => page.t("survey-route-end"),
        Goto::Question(key) => {
            let n = definition.position(key).map(|i| i as i64 + 1).unwrap_or(0);
            page.t_args("survey-route-question", &[("number", n.into())])
        }
    }
}

pub fn question_lines(page: &Page, definition: &Definition) -> Vec<QuestionLine> {
    let count = definition.questions.len();
    definition
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let routable = q.kind.routable();
            QuestionLine {
                number: i + 1,
                heading: page.t_args(
                    "survey-route-question",
                    &[("number", (i as i64 + 1).into())],
                ),
                key: q.key.clone(),
                label: q.label.shown(page.locale(), false).to_owned(),
                kind: page.t(&super::domain::kind_key(q.kind.code())),
                optional: q.optional,
                with_previous: q.with_previous,
                routing: q
                    .branches
                    .iter()
                    .map(|b| {
                        let when = routable
                            .iter()
                            .find(|(k, _)| *k == b.when)
                            .map(|(_, w)| w.shown(page.locale(), false).to_owned())
                            .unwrap_or_default();
                        page.t_args(
                            "survey-route-line",
                            &[
                                ("answer", when.into()),
                                ("to", goto_text(page, definition, &b.to).into()),
                            ],
                        )
                    })
                    .collect(),
                routable: !routable.is_empty(),
                first: i == 0,
                last: i + 1 == count,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "surveys/templates/overview.html")]
struct OverviewPage {
    page: Page,
    engagement_title: String,
    back: String,
    href: String,
    public_href: String,
    title: String,
    status: String,
    open: bool,
    dates: String,
    resume_days: i64,
    responses: i64,
    questions: Vec<QuestionLine>,
}

fn dates_text(page: &Page, survey: &SurveyRow) -> String {
    let day = |d: Date| crate::web::dates::format_date(d.midnight().assume_utc(), page.locale());
    match (survey.opens_on, survey.closes_on) {
        (None, _) => page.t("survey-dates-none"),
        (Some(o), None) => page.t_args("survey-dates-from", &[("opens", day(o).into())]),
        (Some(o), Some(c)) => page.t_args(
            "survey-dates-between",
            &[("opens", day(o).into()), ("closes", day(c).into())],
        ),
    }
}

pub async fn overview(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let mut conn = state.db.acquire().await?;
    let responses = storage::response_count(&mut conn.ex(), survey.id).await?;
    drop(conn);
    let status = commands::status(&survey);
    render(OverviewPage {
        engagement_title: loaded.engagement.title().shown(page.locale()).text,
        back: engagement_home(org_id, loaded.engagement.id),
        href: staff_href(org_id, loaded.engagement.id, survey.id),
        public_href: format!("/surveys/{}", survey.id),
        title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        status: page.t(status.message_key()),
        open: status == super::domain::Status::Open,
        dates: dates_text(&page, &survey),
        resume_days: survey.resume_days,
        responses,
        questions: question_lines(&page, &survey.definition),
        page,
    })
}

// Questions.

/// The question form as typed.
#[derive(Debug, Clone, Default)]
pub struct QuestionAnswers {
    pub kind: String,
    pub label: Wording,
    pub help: Wording,
    pub optional: bool,
    pub with_previous: bool,
    pub choices_en: String,
    pub choices_cy: String,
    pub other: bool,
    pub scale_min: String,
    pub scale_max: String,
    pub low: Wording,
    pub high: Wording,
    pub max_chars: String,
}

impl QuestionAnswers {
    fn read(form: &[(String, String)]) -> QuestionAnswers {
        let ticked = all_of(form, "options");
        QuestionAnswers {
            kind: one_of(form, "kind"),
            label: wording(form, "label"),
            help: wording(form, "help"),
            optional: ticked.iter().any(|t| t == "optional"),
            with_previous: ticked.iter().any(|t| t == "with_previous"),
            choices_en: one_of(form, "choices_en"),
            choices_cy: one_of(form, "choices_cy"),
            other: ticked.iter().any(|t| t == "other"),
            scale_min: one_of(form, "scale_min"),
            scale_max: one_of(form, "scale_max"),
            low: wording(form, "low"),
            high: wording(form, "high"),
            max_chars: one_of(form, "max_chars"),
        }
    }

    fn of(q: &Question) -> QuestionAnswers {
        let mut a = QuestionAnswers {
            kind: q.kind.code().to_owned(),
            label: q.label.clone(),
            help: q.help.clone(),
            optional: q.optional,
            with_previous: q.with_previous,
            other: q.kind.has_other(),
            scale_min: "1".into(),
            scale_max: "5".into(),
            max_chars: "1200".into(),
            ..QuestionAnswers::default()
        };
        a.choices_en = lines(q.kind.choices().iter().map(|c| c.label.en.as_str()));
        a.choices_cy = lines(q.kind.choices().iter().map(|c| c.label.cy.as_str()));
        match &q.kind {
            Kind::Scale {
                min,
                max,
                low,
                high,
            } => {
                a.scale_min = min.to_string();
                a.scale_max = max.to_string();
                a.low = low.clone();
                a.high = high.clone();
            }
            Kind::LongText { max_chars } => a.max_chars = max_chars.to_string(),
            _ => {}
        }
        a
    }

    fn fresh() -> QuestionAnswers {
        QuestionAnswers {
            kind: "short_text".into(),
            scale_min: "1".into(),
            scale_max: "5".into(),
            max_chars: "1200".into(),
            ..QuestionAnswers::default()
        }
    }
}

fn lines<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The choices typed one per line, keeping the keys of choices kept: first those with the same
/// English wording, then reworded ones in order; new lines get new keys.
pub fn choices_from(
    en: &[String],
    cy: &[String],
    before: &[SurveyChoice],
    next: &mut u32,
) -> Vec<SurveyChoice> {
    let mut unused: Vec<&SurveyChoice> = before
        .iter()
        .filter(|c| !en.contains(&c.label.en))
        .collect();
    en.iter()
        .enumerate()
        .map(|(i, label)| {
            let key = match before.iter().find(|c| c.label.en == *label) {
                Some(same) => same.key.clone(),
                None if !unused.is_empty() => unused.remove(0).key.clone(),
                None => {
                    *next += 1;
                    format!("c{next}")
                }
            };
            let previous = before.iter().find(|c| c.key == key);
            SurveyChoice {
                key,
                label: Wording {
                    en: label.clone(),
                    cy: cy.get(i).cloned().unwrap_or_default(),
                    easy_en: previous
                        .map(|p| p.label.easy_en.clone())
                        .unwrap_or_default(),
                    easy_cy: previous
                        .map(|p| p.label.easy_cy.clone())
                        .unwrap_or_default(),
                },
            }
        })
        .collect()
}

/// Checks the question form. `before` is the question being changed.
pub fn check_question(
    a: &QuestionAnswers,
    key: String,
    before: Option<&Question>,
) -> Result<Question, Vec<Problem>> {
    let mut problems = Vec::new();
    if a.label.en.is_empty() {
        problems.push(Problem::new("label_en", "survey-error-label"));
    }
    check_wording(&a.label, "label", LINE_MAX_CHARS, &mut problems);
    check_wording(&a.help, "help", TEXT_MAX_CHARS, &mut problems);
    let en = split_lines(&a.choices_en);
    let cy = split_lines(&a.choices_cy);
    let before_choices = before
        .map(|q| q.kind.choices().to_vec())
        .unwrap_or_default();
    let mut next: u32 = before_choices
        .iter()
        .filter_map(|c| c.key.strip_prefix('c').and_then(|n| n.parse().ok()))
        .max()
        .unwrap_or(0);
    let choice_kind = matches!(a.kind.as_str(), "single" | "multiple");
    if choice_kind {
        if en.len() < 2 {
            problems.push(Problem::new("choices_en", "survey-error-choices"));
        }
        if !cy.is_empty() && cy.len() != en.len() {
            problems.push(Problem::new("choices_cy", "survey-error-choices-welsh"));
        }
        if en.iter().any(|c| c.chars().count() > LINE_MAX_CHARS) {
            problems.push(Problem::too_long(
                "choices_en",
                "survey-error-field-too-long",
                LINE_MAX_CHARS,
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        if en.iter().any(|c| !seen.insert(c.to_lowercase())) {
            problems.push(Problem::new("choices_en", "survey-error-choices-same"));
        }
    }
    let kind = match a.kind.as_str() {
        "short_text" => Some(Kind::ShortText),
        "long_text" => match a.max_chars.parse::<usize>() {
            Ok(n) if (10..=LONG_ANSWER_MAX_CHARS).contains(&n) => {
                Some(Kind::LongText { max_chars: n })
            }
            _ => {
                problems.push(
                    Problem::new("max_chars", "survey-error-max-chars")
                        .with("max", LONG_ANSWER_MAX_CHARS as i64),
                );
                None
            }
        },
        "single" => Some(Kind::Single {
            choices: choices_from(&en, &cy, &before_choices, &mut next),
            other: a.other,
        }),
        "multiple" => Some(Kind::Multiple {
            choices: choices_from(&en, &cy, &before_choices, &mut next),
            other: a.other,
        }),
        "scale" => match (a.scale_min.parse::<i64>(), a.scale_max.parse::<i64>()) {
            (Ok(min), Ok(max)) if (0..=1).contains(&min) && max > min && max <= 10 => {
                Some(Kind::Scale {
                    min,
                    max,
                    low: a.low.clone(),
                    high: a.high.clone(),
                })
            }
            _ => {
                problems.push(Problem::new("scale_min", "survey-error-scale"));
                None
            }
        },
        "date" => Some(Kind::Date),
        "yes_no" => Some(Kind::YesNo),
        "number" => Some(Kind::Number),
        "list" => Some(Kind::List),
        _ => {
            problems.push(Problem::new("kind", "survey-error-kind"));
            None
        }
    };
    match kind {
        Some(kind) if problems.is_empty() => {
            // Branches on choices the question still has are kept.
            let routable: Vec<String> = kind.routable().into_iter().map(|(k, _)| k).collect();
            let branches = before
                .map(|q| {
                    q.branches
                        .iter()
                        .filter(|b| routable.contains(&b.when))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            Ok(Question {
                key,
                label: a.label.clone(),
                help: a.help.clone(),
                optional: a.optional,
                with_previous: a.with_previous,
                kind,
                branches,
            })
        }
        _ => Err(problems),
    }
}

#[derive(Template)]
#[template(path = "surveys/templates/question_form.html")]
struct QuestionPage {
    page: Page,
    survey_title: String,
    heading: String,
    action: String,
    back: String,
    a: QuestionAnswers,
    kinds: Vec<Choice>,
    options: Vec<Choice>,
    label_fields: Vec<WordingField>,
    help_fields: Vec<WordingField>,
    low_fields: Vec<WordingField>,
    high_fields: Vec<WordingField>,
}

fn question_page(
    page: Page,
    survey: &SurveyRow,
    heading: String,
    action: String,
    back: String,
    a: QuestionAnswers,
) -> QuestionPage {
    let kinds = super::domain::Kind::CODES
        .iter()
        .map(|code| {
            Choice::new(
                *code,
                page.t(&super::domain::kind_key(code)),
                a.kind == *code,
            )
        })
        .collect();
    let options = vec![
        Choice::new("optional", page.t("survey-field-optional"), a.optional),
        Choice::new(
            "with_previous",
            page.t("survey-field-with-previous"),
            a.with_previous,
        ),
        Choice::new("other", page.t("survey-field-other"), a.other),
    ];
    QuestionPage {
        label_fields: wording_fields(&page, "label", &a.label),
        help_fields: wording_fields(&page, "help", &a.help),
        low_fields: wording_fields(&page, "low", &a.low),
        high_fields: wording_fields(&page, "high", &a.high),
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        heading,
        action,
        back,
        a,
        kinds,
        options,
        page,
    }
}

pub async fn question_new_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let heading = page.t("survey-question-new-title");
    render(question_page(
        page,
        &survey,
        heading,
        format!("{href}/questions/new"),
        href,
        QuestionAnswers::fresh(),
    ))
}

pub async fn question_new_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let a = QuestionAnswers::read(&pairs(&body));
    let mut definition = survey.definition.clone();
    let key = definition.new_key();
    let show = |page: Page, problems: &[Problem]| {
        let page = page.with_problems(problems);
        let heading = page.t("survey-question-new-title");
        render_invalid(question_page(
            page,
            &survey,
            heading,
            format!("{href}/questions/new"),
            href.clone(),
            a.clone(),
        ))
    };
    let question = match check_question(&a, key, None) {
        Ok(q) => q,
        Err(problems) => return show(page, &problems),
    };
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, _| {
        d.next_key = definition.next_key;
        d.questions.push(question);
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &href,
                "survey-flash-question-added",
            ))
        }
        Err(error) => refusal(page, error, show),
    }
}

fn find_question<'a>(survey: &'a SurveyRow, key: &str) -> Result<&'a Question, AppError> {
    survey.definition.question(key).ok_or(AppError::NotFound)
}

pub async fn question_edit_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let question = find_question(&survey, &key)?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let heading = page.t("survey-question-edit-title");
    let a = QuestionAnswers::of(question);
    render(question_page(
        page,
        &survey,
        heading,
        format!("{href}/questions/{key}"),
        href,
        a,
    ))
}

pub async fn question_edit_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let before = find_question(&survey, &key)?.clone();
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let a = QuestionAnswers::read(&pairs(&body));
    let show = |page: Page, problems: &[Problem]| {
        let page = page.with_problems(problems);
        let heading = page.t("survey-question-edit-title");
        render_invalid(question_page(
            page,
            &survey,
            heading,
            format!("{href}/questions/{key}"),
            href.clone(),
            a.clone(),
        ))
    };
    let question = match check_question(&a, key.clone(), Some(&before)) {
        Ok(q) => q,
        Err(problems) => return show(page, &problems),
    };
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, _| {
        if let Some(q) = d.questions.iter_mut().find(|q| q.key == question.key) {
            *q = question;
        }
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(&state, &href, "survey-flash-saved"))
        }
        Err(error) => refusal(page, error, show),
    }
}

// Routing.

pub struct RouteRow {
    pub field: String,
    /// "If the answer is …".
    pub label: String,
    pub answer: String,
    pub targets: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "surveys/templates/routing_form.html")]
struct RoutingPage {
    page: Page,
    survey_title: String,
    question: String,
    question_heading: String,
    action: String,
    back: String,
    rows: Vec<RouteRow>,
}

fn routing_rows(
    page: &Page,
    survey: &SurveyRow,
    q: &Question,
    chosen: &[(String, String)],
) -> Vec<RouteRow> {
    let d = &survey.definition;
    q.kind
        .routable()
        .into_iter()
        .map(|(key, label)| {
            let field = format!("route-{key}");
            let current = chosen
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut targets = vec![Choice::new(
                "",
                page.t("survey-route-next"),
                current.is_empty(),
            )];
            for (i, other) in d.questions.iter().enumerate() {
                if other.key == q.key {
                    continue;
                }
                targets.push(Choice::new(
                    other.key.clone(),
                    format!(
                        "{}: {}",
                        page.t_args(
                            "survey-route-question",
                            &[("number", (i as i64 + 1).into())]
                        ),
                        other.label.shown(page.locale(), false)
                    ),
                    current == other.key,
                ));
            }
            targets.push(Choice::new(
                "end",
                page.t("survey-route-end"),
                current == "end",
            ));
            RouteRow {
                label: page.t_args(
                    "survey-routing-if",
                    &[(
                        "answer",
                        label.shown(page.locale(), false).to_owned().into(),
                    )],
                ),
                field,
                answer: label.shown(page.locale(), false).to_owned(),
                targets,
            }
        })
        .collect()
}

fn current_routes(q: &Question) -> Vec<(String, String)> {
    q.branches
        .iter()
        .map(|b| {
            (
                format!("route-{}", b.when),
                match &b.to {
                    Goto::End => "end".to_owned(),
                    Goto::Question(k) => k.clone(),
                },
            )
        })
        .collect()
}

pub async fn routing_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let q = find_question(&survey, &key)?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    render(routing_page(page, href, &survey, q, &current_routes(q)))
}

/// The routing page for question `q`, showing the branches in `answers` (saved, or as sent).
fn routing_page(
    page: Page,
    href: String,
    survey: &SurveyRow,
    q: &Question,
    answers: &[(String, String)],
) -> RoutingPage {
    RoutingPage {
        survey_title: survey
            .definition
            .title
            .shown(page.locale(), false)
            .to_owned(),
        question: q.label.shown(page.locale(), false).to_owned(),
        question_heading: page.t_args(
            "survey-route-question",
            &[(
                "number",
                (survey.definition.position(&q.key).unwrap_or(0) as i64 + 1).into(),
            )],
        ),
        action: format!("{href}/questions/{}/routing", q.key),
        back: href,
        rows: routing_rows(&page, survey, q, answers),
        page,
    }
}

/// Reads the routing form: a branch for each answer given somewhere to go.
pub fn check_routing_form(
    q: &Question,
    definition: &Definition,
    form: &[(String, String)],
) -> Result<Vec<Branch>, Vec<Problem>> {
    let mut branches = Vec::new();
    for (key, _) in q.kind.routable() {
        let value = one_of(form, &format!("route-{key}"));
        match value.as_str() {
            "" => {}
            "end" => branches.push(Branch {
                when: key,
                to: Goto::End,
            }),
            other if definition.question(other).is_some() => branches.push(Branch {
                when: key,
                to: Goto::Question(other.to_owned()),
            }),
            _ => {
                return Err(vec![
                    Problem::new("routing", "survey-error-route-missing")
                        .with(
                            "number",
                            definition.position(&q.key).unwrap_or(0) as i64 + 1,
                        )
                        .with("question", q.label.en.clone()),
                ]);
            }
        }
    }
    Ok(branches)
}

pub async fn routing_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let q = find_question(&survey, &key)?.clone();
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let form = pairs(&body);
    let show = |page: Page, problems: &[Problem]| {
        render_invalid(routing_page(
            page.with_problems(problems),
            href.clone(),
            &survey,
            &q,
            &form,
        ))
    };
    let branches = match check_routing_form(&q, &survey.definition, &form) {
        Ok(b) => b,
        Err(problems) => return show(page, &problems),
    };
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, _| {
        if let Some(question) = d.questions.iter_mut().find(|x| x.key == key) {
            question.branches = branches;
        }
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(&state, &href, "survey-flash-saved"))
        }
        Err(error) => refusal(page, error, show),
    }
}

// Moving and deleting.

pub async fn move_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    find_question(&survey, &key)?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    let up = one_of(&pairs(&body), "direction") == "up";
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, _| {
        if let Some(i) = d.position(&key) {
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < d.questions.len()) {
                d.questions.swap(i, j);
            }
        }
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(&state, &href, "survey-flash-moved"))
        }
        Err(SurveyError::Routing(_)) | Err(SurveyError::Live(_)) => Ok(see_other_with_flash(
            &state,
            &href,
            "notice-survey-move-refused",
        )),
        Err(other) => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "surveys/templates/delete.html")]
struct DeletePage {
    page: Page,
    action: String,
    back: String,
    question: String,
    answers: Vec<Choice>,
}

fn delete_page(page: Page, href: &str, survey: &SurveyRow, q: &Question) -> DeletePage {
    DeletePage {
        action: format!("{href}/questions/{}/delete", q.key),
        back: href.to_owned(),
        question: page.t_args(
            "survey-delete-question",
            &[(
                "question",
                q.label.shown(page.locale(), false).to_owned().into(),
            )],
        ),
        answers: vec![
            Choice::new("yes", page.t("survey-delete-yes"), false),
            Choice::new("no", page.t("survey-delete-no"), false),
        ],
        page: {
            let _ = survey;
            page
        },
    }
}

pub async fn delete_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let q = find_question(&survey, &key)?;
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    render(delete_page(page, &href, &survey, q))
}

pub async fn delete_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let q = find_question(&survey, &key)?.clone();
    let href = staff_href(org_id, loaded.engagement.id, survey.id);
    match one_of(&pairs(&body), "confirm").as_str() {
        "yes" => {}
        "no" => return Ok(see_other(&href)),
        _ => {
            let page = page.with_problems(&[Problem::new("confirm", "survey-error-confirm")]);
            return render_invalid(delete_page(page, &href, &survey, &q));
        }
    }
    let mut tx = state.db.begin().await?;
    let changed = commands::change(&mut tx.ex(), editor(&page, org_id), survey.id, |d, _| {
        d.questions.retain(|x| x.key != key);
        for other in &mut d.questions {
            other
                .branches
                .retain(|b| b.to != Goto::Question(key.clone()));
        }
        if let Some(first) = d.questions.first_mut() {
            first.with_previous = false;
        }
    })
    .await;
    match changed {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &href,
                "survey-flash-question-deleted",
            ))
        }
        Err(error) => refusal(page, error, |page, problems| {
            let page = page.with_problems(problems);
            render_invalid(delete_page(page, &href, &survey, &q))
        }),
    }
}

// Preview.

#[derive(Template)]
#[template(path = "surveys/templates/preview.html")]
struct PreviewPage {
    page: Page,
    back: String,
    title: String,
    intro: String,
    pages: Vec<(String, Vec<super::runner::QuestionView>)>,
    questions: Vec<QuestionLine>,
}

pub async fn preview(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, survey_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, survey) = load(&state, org_id, &engagement_id, &survey_id).await?;
    let d = &survey.definition;
    let locale = page.locale();
    let pages = d
        .pages()
        .iter()
        .enumerate()
        .map(|(n, span)| {
            let heading = page.t_args("survey-preview-page", &[("number", (n as i64 + 1).into())]);
            let views = d.questions[span.start..span.start + span.len]
                .iter()
                .map(|q| {
                    super::runner::QuestionView::of(
                        &page,
                        q,
                        &Default::default(),
                        &[],
                        false,
                        d.position(&q.key).unwrap_or(0) + 1,
                    )
                })
                .collect();
            (heading, views)
        })
        .collect();
    render(PreviewPage {
        back: staff_href(org_id, loaded.engagement.id, survey.id),
        title: d.title.shown(locale, false).to_owned(),
        intro: d.intro.shown(locale, false).to_owned(),
        pages,
        questions: question_lines(&page, d),
        page,
    })
}
