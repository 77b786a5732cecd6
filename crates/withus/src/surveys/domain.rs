//! What a survey is: its wording in English, Welsh and Easy Read, its questions of each type, the
//! routing between them and how they fall into pages; the answers a person gives, checked per type;
//! and the rules a change must keep (routing without loops or unreachable questions; a live survey's
//! answers kept meaningful). Pure: no storage, no web.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::i18n::Locale;
use crate::vocab::stored_enum;
use crate::web::forms::{Problem, all_of, one_of};

/// The longest title, label or option.
pub const LINE_MAX_CHARS: usize = 300;
/// The longest introduction or help text.
pub const TEXT_MAX_CHARS: usize = 3000;
/// The longest short text answer.
pub const SHORT_ANSWER_MAX_CHARS: usize = 500;
/// The longest long text answer a survey may allow.
pub const LONG_ANSWER_MAX_CHARS: usize = 5000;
/// How many items an "add another" answer may hold.
pub const LIST_MAX_ITEMS: usize = 20;
/// The choice key of "Other" in a choice question.
pub const OTHER: &str = "other";
/// Days answers saved half-way are kept, unless the survey says otherwise.
pub const DEFAULT_RESUME_DAYS: i64 = 28;

stored_enum!(
    /// How staff were told the answers they enter for a person.
    Received, "survey-received" {
        Phone => "phone",
        Letter => "letter",
        InPerson => "in_person",
        Email => "email",
        Advocate => "advocate",
    }
);

/// The message key of a kind of question's name.
pub fn kind_key(code: &str) -> String {
    format!("survey-kind-{}", code.replace('_', "-"))
}

/// Message keys made from values rather than written out, for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = Kind::CODES.iter().map(|c| kind_key(c)).collect();
    keys.extend(Received::ALL.iter().map(|r| r.message_key()));
    keys
}

/// One piece of text in each language, with optional Easy Read wording in each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub en: String,
    #[serde(default)]
    pub cy: String,
    #[serde(default)]
    pub easy_en: String,
    #[serde(default)]
    pub easy_cy: String,
}

impl Wording {
    pub fn plain(en: &str, cy: &str) -> Wording {
        Wording {
            en: en.to_owned(),
            cy: cy.to_owned(),
            ..Wording::default()
        }
    }

    /// The wording for a reader: Easy Read when asked for and written, Welsh when the interface
    /// is Welsh and it is written, otherwise English.
    pub fn shown(&self, locale: Locale, easy_read: bool) -> &str {
        let (easy, standard) = match locale {
            Locale::Cy => (&self.easy_cy, &self.cy),
            Locale::En => (&self.easy_en, &self.en),
        };
        if easy_read && !easy.trim().is_empty() {
            easy
        } else if !standard.trim().is_empty() {
            standard
        } else {
            &self.en
        }
    }

    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty()
    }
}

/// One option of a choice question. Its key never changes, so answers stay attached to it when its
/// wording does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub key: String,
    pub label: Wording,
}

/// Where routing sends someone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", content = "question", rename_all = "snake_case")]
pub enum Goto {
    Question(String),
    End,
}

/// "If the answer is `when`, go to `to`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    pub when: String,
    pub to: Goto,
}

/// The kinds of question, each with what it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    ShortText,
    LongText {
        max_chars: usize,
    },
    Single {
        choices: Vec<Choice>,
        other: bool,
    },
    Multiple {
        choices: Vec<Choice>,
        other: bool,
    },
    Scale {
        min: i64,
        max: i64,
        low: Wording,
        high: Wording,
    },
    Date,
    YesNo,
    Number,
    List,
}

impl Kind {
    pub fn code(&self) -> &'static str {
        match self {
            Kind::ShortText => "short_text",
            Kind::LongText { .. } => "long_text",
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::Scale { .. } => "scale",
            Kind::Date => "date",
            Kind::YesNo => "yes_no",
            Kind::Number => "number",
            Kind::List => "list",
        }
    }

    pub const CODES: [&'static str; 9] = [
        "short_text",
        "long_text",
        "single",
        "multiple",
        "scale",
        "date",
        "yes_no",
        "number",
        "list",
    ];

    /// The choices a routing branch may name, with their English label.
    pub fn routable(&self) -> Vec<(String, Wording)> {
        match self {
            Kind::Single { choices, other } | Kind::Multiple { choices, other } => {
                let mut all: Vec<(String, Wording)> = choices
                    .iter()
                    .map(|c| (c.key.clone(), c.label.clone()))
                    .collect();
                if *other {
                    all.push((OTHER.to_owned(), Wording::plain("Other", "Arall")));
                }
                all
            }
            Kind::YesNo => vec![
                ("yes".to_owned(), Wording::plain("Yes", "Ydw")),
                ("no".to_owned(), Wording::plain("No", "Nac ydw")),
            ],
            _ => Vec::new(),
        }
    }

    pub fn choices(&self) -> &[Choice] {
        match self {
            Kind::Single { choices, .. } | Kind::Multiple { choices, .. } => choices,
            _ => &[],
        }
    }

    pub fn has_other(&self) -> bool {
        matches!(
            self,
            Kind::Single { other: true, .. } | Kind::Multiple { other: true, .. }
        )
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable: answers, routing and exports name the question by it ("q1", "q2"…).
    pub key: String,
    pub label: Wording,
    #[serde(default)]
    pub help: Wording,
    #[serde(default)]
    pub optional: bool,
    /// Shown on the same page as the question before it.
    #[serde(default)]
    pub with_previous: bool,
    #[serde(flatten)]
    pub kind: Kind,
    #[serde(default)]
    pub branches: Vec<Branch>,
}

/// A survey's content: what staff build.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub title: Wording,
    #[serde(default)]
    pub intro: Wording,
    #[serde(default)]
    pub questions: Vec<Question>,
    /// The number of the next question key, so keys are never reused.
    #[serde(default)]
    pub next_key: u32,
}

/// A page of the runner: the index of its first question and how many it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpan {
    pub start: usize,
    pub len: usize,
}

impl Definition {
    pub fn new_key(&mut self) -> String {
        self.next_key += 1;
        format!("q{}", self.next_key)
    }

    pub fn position(&self, key: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.key == key)
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.key == key)
    }

    /// The pages: a question starts a new page unless it goes with the one before.
    pub fn pages(&self) -> Vec<PageSpan> {
        let mut pages: Vec<PageSpan> = Vec::new();
        for (i, q) in self.questions.iter().enumerate() {
            match pages.last_mut() {
                Some(page) if q.with_previous => page.len += 1,
                _ => pages.push(PageSpan { start: i, len: 1 }),
            }
        }
        pages
    }

    /// The page that starts with the question `key`.
    pub fn page_starting(&self, key: &str) -> Option<(usize, PageSpan)> {
        self.pages()
            .into_iter()
            .enumerate()
            .find(|(_, p)| self.questions[p.start].key == key)
    }

    fn page_of(&self, index: usize) -> usize {
        self.pages()
            .iter()
            .position(|p| index >= p.start && index < p.start + p.len)
            .unwrap_or(0)
    }

    /// Where someone goes after a page, given their answers: the first branch that matches, in
    /// question and option order, else the next page. `None` is the end.
    pub fn next_page(&self, page: usize, answers: &Answers) -> Option<usize> {
        let pages = self.pages();
        let span = pages.get(page)?;
        for q in &self.questions[span.start..span.start + span.len] {
            let chosen = answers.get(&q.key).map(Answer::chosen).unwrap_or_default();
            for branch in &q.branches {
                if chosen.contains(&branch.when) {
                    return match &branch.to {
                        Goto::End => None,
                        Goto::Question(key) => self.position(key).map(|i| self.page_of(i)),
                    };
                }
            }
        }
        (page + 1 < pages.len()).then_some(page + 1)
    }

    /// The pages someone passes through with these answers, in order (stops at a loop).
    pub fn path(&self, answers: &Answers) -> Vec<usize> {
        let mut path = Vec::new();
        let mut at = (!self.questions.is_empty()).then_some(0);
        while let Some(page) = at {
            if path.contains(&page) {
                break;
            }
            path.push(page);
            at = self.next_page(page, answers);
        }
        path
    }

    /// The first page on the path with a required question unanswered, if any.
    pub fn first_unanswered(&self, answers: &Answers) -> Option<usize> {
        let pages = self.pages();
        self.path(answers).into_iter().find(|p| {
            let span = pages[*p];
            self.questions[span.start..span.start + span.len]
                .iter()
                .any(|q| !answers.contains_key(&q.key) && !q.optional)
        })
    }

    /// The answers on the path only: answers to questions routing now skips are dropped.
    pub fn on_path(&self, answers: &Answers) -> Answers {
        let pages = self.pages();
        let mut kept = Answers::new();
        for page in self.path(answers) {
            let span = pages[page];
            for q in &self.questions[span.start..span.start + span.len] {
                if let Some(a) = answers.get(&q.key) {
                    kept.insert(q.key.clone(), a.clone());
                }
            }
        }
        kept
    }

    /// Where a page can lead: its branches' targets, and the next page unless a required
    /// single choice (or yes/no) on it routes every answer.
    fn exits(&self, page: usize, pages: &[PageSpan]) -> Vec<Option<usize>> {
        let span = pages[page];
        let mut exits = Vec::new();
        let mut all_routed = false;
        for q in &self.questions[span.start..span.start + span.len] {
            for b in &q.branches {
                exits.push(match &b.to {
                    Goto::End => None,
                    Goto::Question(key) => self.position(key).map(|i| self.page_of(i)),
                });
            }
            let single = matches!(q.kind, Kind::Single { .. } | Kind::YesNo);
            if single && !q.optional {
                let routed: BTreeSet<&str> = q.branches.iter().map(|b| b.when.as_str()).collect();
                if q.kind
                    .routable()
                    .iter()
                    .all(|(k, _)| routed.contains(k.as_str()))
                {
                    all_routed = true;
                }
            }
        }
        if !all_routed {
            exits.push((page + 1 < pages.len()).then_some(page + 1));
        }
        exits
    }

    /// Checks the routing: every branch names a choice of its question and a question that starts
    /// a page, no page can lead back to itself, and every question can be reached.
    pub fn check_routing(&self) -> Result<(), Vec<Problem>> {
        let mut problems = Vec::new();
        let pages = self.pages();
        let number = |key: &str| self.position(key).map(|i| i as i64 + 1).unwrap_or(0);
        for (i, q) in self.questions.iter().enumerate() {
            let routable: Vec<String> = q.kind.routable().into_iter().map(|(k, _)| k).collect();
            for b in &q.branches {
                if !routable.contains(&b.when) {
                    problems.push(
                        Problem::new("routing", "survey-error-route-choice")
                            .with("number", i as i64 + 1)
                            .with("question", q.label.en.clone()),
                    );
                }
                if let Goto::Question(key) = &b.to {
                    match self.position(key) {
                        None => problems.push(
                            Problem::new("routing", "survey-error-route-missing")
                                .with("number", i as i64 + 1)
                                .with("question", q.label.en.clone()),
                        ),
                        Some(to) if pages[self.page_of(to)].start != to => problems.push(
                            Problem::new("routing", "survey-error-route-mid-page")
                                .with("number", i as i64 + 1)
                                .with("target", to as i64 + 1),
                        ),
                        Some(_) => {}
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Loops: a branch to the same or an earlier page.
        for (i, q) in self.questions.iter().enumerate() {
            let from = self.page_of(i);
            for b in &q.branches {
                if let Goto::Question(key) = &b.to {
                    let to = self.page_of(self.position(key).unwrap_or(0));
                    if to <= from {
                        problems.push(
                            Problem::new("routing", "survey-error-route-loop")
                                .with("number", i as i64 + 1)
                                .with("question", q.label.en.clone())
                                .with("target", number(key)),
                        );
                    }
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        // Unreachable pages.
        let mut reached = vec![false; pages.len()];
        let mut stack = if pages.is_empty() { vec![] } else { vec![0] };
        while let Some(page) = stack.pop() {
            if std::mem::replace(&mut reached[page], true) {
                continue;
            }
            stack.extend(self.exits(page, &pages).into_iter().flatten());
        }
        for (page, seen) in reached.iter().enumerate() {
            if !seen {
                let q = &self.questions[pages[page].start];
                problems.push(
                    Problem::new("routing", "survey-error-route-unreachable")
                        .with("number", pages[page].start as i64 + 1)
                        .with("question", q.label.en.clone()),
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

/// Which questions have answers and which choices were chosen, in a survey's sent answers.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub answered: BTreeSet<String>,
    pub chosen: BTreeSet<(String, String)>,
}

/// Why a change to a live survey is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveRefusal {
    QuestionAnswered { number: usize, label: String },
    ChoiceChosen { number: usize, choice: String },
}

impl LiveRefusal {
    pub fn problem(&self) -> Problem {
        match self {
            LiveRefusal::QuestionAnswered { number, label } => {
                Problem::new("question", "survey-error-live-question-answered")
                    .with("number", *number as i64)
                    .with("question", label.clone())
            }
            LiveRefusal::ChoiceChosen { number, choice } => {
                Problem::new("choices_en", "survey-error-live-choice-chosen")
                    .with("number", *number as i64)
                    .with("choice", choice.clone())
            }
        }
    }
}

/// Whether `after` keeps every sent answer meaningful: no answered question deleted, no chosen
/// choice removed. Adding questions and rewording are always allowed.
pub fn check_live_change(
    before: &Definition,
    after: &Definition,
    marks: &Marks,
) -> Result<(), LiveRefusal> {
    for (i, q) in before.questions.iter().enumerate() {
        let Some(kept) = after.question(&q.key) else {
            if marks.answered.contains(&q.key) {
                return Err(LiveRefusal::QuestionAnswered {
                    number: i + 1,
                    label: q.label.en.clone(),
                });
            }
            continue;
        };
        let now: Vec<String> = kept.kind.routable().into_iter().map(|(k, _)| k).collect();
        for (key, label) in q.kind.routable() {
            if !now.contains(&key) && marks.chosen.contains(&(q.key.clone(), key.clone())) {
                return Err(LiveRefusal::ChoiceChosen {
                    number: i + 1,
                    choice: label.en,
                });
            }
        }
        if kept.kind.code() != q.kind.code() && marks.answered.contains(&q.key) {
            return Err(LiveRefusal::QuestionAnswered {
                number: i + 1,
                label: q.label.en.clone(),
            });
        }
    }
    Ok(())
}

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    Text(String),
    /// A single choice; `other` is the text typed when the choice is "Other".
    Choice {
        key: String,
        other: String,
    },
    Choices {
        keys: Vec<String>,
        other: String,
    },
    Scale(i64),
    Date(Date),
    YesNo(bool),
    Number(i64),
    List(Vec<String>),
}

impl Answer {
    /// The choice keys this answer picked (for routing and counting).
    pub fn chosen(&self) -> Vec<String> {
        match self {
            Answer::Choice { key, .. } => vec![key.clone()],
            Answer::Choices { keys, .. } => keys.clone(),
            Answer::YesNo(true) => vec!["yes".into()],
            Answer::YesNo(false) => vec!["no".into()],
            Answer::Scale(n) => vec![n.to_string()],
            _ => Vec::new(),
        }
    }

    /// The answer in words, in the given language (English for exports and contributions).
    pub fn words(&self, question: &Question, locale: Locale) -> String {
        let label = |key: &str| {
            if key == OTHER {
                return locale.t("survey-other");
            }
            question
                .kind
                .choices()
                .iter()
                .find(|c| c.key == key)
                .map(|c| c.label.shown(locale, false).to_owned())
                .unwrap_or_else(|| key.to_owned())
        };
        match self {
            Answer::Text(text) => text.clone(),
            Answer::Choice { key, other } if key == OTHER && !other.is_empty() => {
                format!("{}: {other}", label(key))
            }
            Answer::Choice { key, .. } => label(key),
            Answer::Choices { keys, other } => keys
                .iter()
                .map(|k| {
                    if k == OTHER && !other.is_empty() {
                        format!("{}: {other}", label(k))
                    } else {
                        label(k)
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            Answer::Scale(n) | Answer::Number(n) => n.to_string(),
            Answer::Date(date) => {
                crate::web::dates::format_date(date.midnight().assume_utc(), locale)
            }
            Answer::YesNo(true) => locale.t("survey-yes"),
            Answer::YesNo(false) => locale.t("survey-no"),
            Answer::List(items) => items.join("; "),
        }
    }

    /// The "Other" text, if any.
    pub fn other(&self) -> &str {
        match self {
            Answer::Choice { other, .. } | Answer::Choices { other, .. } => other,
            _ => "",
        }
    }
}

pub type Answers = BTreeMap<String, Answer>;

/// The form field of a question.
pub fn field(question: &Question) -> String {
    format!("q-{}", question.key)
}

/// The field of a question's "Other" text.
pub fn other_field(question: &Question) -> String {
    format!("q-{}-other", question.key)
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

/// Reads and checks the answer to one question from a submitted page. `Ok(None)`: left blank and
/// optional.
pub fn check_answer(
    question: &Question,
    form: &[(String, String)],
) -> Result<Option<Answer>, Problem> {
    let name = field(question);
    let value = one_of(form, &name);
    let blank = |answer: Option<Answer>| match answer {
        Some(a) => Ok(Some(a)),
        None if question.optional => Ok(None),
        None => Err(Problem::new(name.clone(), required_key(&question.kind))),
    };
    match &question.kind {
        Kind::ShortText => {
            if too_long(&value, SHORT_ANSWER_MAX_CHARS) {
                return Err(Problem::too_long(
                    name,
                    "survey-error-too-long",
                    SHORT_ANSWER_MAX_CHARS,
                ));
            }
            blank((!value.is_empty()).then_some(Answer::Text(value)))
        }
        Kind::LongText { max_chars } => {
            if too_long(&value, *max_chars) {
                return Err(Problem::too_long(name, "survey-error-too-long", *max_chars));
            }
            blank((!value.is_empty()).then_some(Answer::Text(value)))
        }
        Kind::Single { choices, other } => {
            if value.is_empty() {
                return blank(None);
            }
            let known = choices.iter().any(|c| c.key == value) || (*other && value == OTHER);
            if !known {
                return Err(Problem::new(name, "survey-error-choose"));
            }
            let other_text = if value == OTHER {
                let text = one_of(form, &other_field(question));
                if text.is_empty() {
                    return Err(Problem::new(other_field(question), "survey-error-other"));
                }
                if too_long(&text, SHORT_ANSWER_MAX_CHARS) {
                    return Err(Problem::too_long(
                        other_field(question),
                        "survey-error-too-long",
                        SHORT_ANSWER_MAX_CHARS,
                    ));
                }
                text
            } else {
                String::new()
            };
            Ok(Some(Answer::Choice {
                key: value,
                other: other_text,
            }))
        }
        Kind::Multiple { choices, other } => {
            let ticked = all_of(form, &name);
            if ticked.is_empty() {
                return blank(None);
            }
            let mut keys = Vec::new();
            for c in choices {
                if ticked.contains(&c.key) {
                    keys.push(c.key.clone());
                }
            }
            if *other && ticked.iter().any(|t| t == OTHER) {
                keys.push(OTHER.to_owned());
            }
            if keys.len() != ticked.len() {
                return Err(Problem::new(name, "survey-error-choose"));
            }
            let other_text = if keys.iter().any(|k| k == OTHER) {
                let text = one_of(form, &other_field(question));
                if text.is_empty() {
                    return Err(Problem::new(other_field(question), "survey-error-other"));
                }
                text
            } else {
                String::new()
            };
            Ok(Some(Answer::Choices {
                keys,
                other: other_text,
            }))
        }
        Kind::Scale { min, max, .. } => {
            if value.is_empty() {
                return blank(None);
            }
            match value.parse::<i64>() {
                Ok(n) if n >= *min && n <= *max => Ok(Some(Answer::Scale(n))),
                _ => Err(Problem::new(name, "survey-error-choose")),
            }
        }
        Kind::YesNo => match value.as_str() {
            "" => blank(None),
            "yes" => Ok(Some(Answer::YesNo(true))),
            "no" => Ok(Some(Answer::YesNo(false))),
            _ => Err(Problem::new(name, "survey-error-choose")),
        },
        Kind::Number => {
            if value.is_empty() {
                return blank(None);
            }
            let cleaned: String = value.chars().filter(|c| *c != ',').collect();
            match cleaned.parse::<i64>() {
                Ok(n) if n.abs() < 1_000_000_000_000 => Ok(Some(Answer::Number(n))),
                _ => Err(Problem::new(name, "survey-error-number")),
            }
        }
        Kind::Date => {
            let day = one_of(form, &format!("{name}-day"));
            let month = one_of(form, &format!("{name}-month"));
            let year = one_of(form, &format!("{name}-year"));
            if day.is_empty() && month.is_empty() && year.is_empty() {
                return blank(None);
            }
            let field = format!("{name}-day");
            let parsed = (|| {
                let d: u8 = day.parse().ok()?;
                let m: u8 = month.parse().ok()?;
                let y: i32 = year.parse().ok()?;
                if !(1000..=9999).contains(&y) {
                    return None;
                }
                Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
            })();
            match parsed {
                Some(date) => Ok(Some(Answer::Date(date))),
                None => Err(Problem::new(field, "survey-error-date")),
            }
        }
        Kind::List => {
            let items: Vec<String> = all_of(form, &name)
                .into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            if items.len() > LIST_MAX_ITEMS {
                return Err(Problem::new(name, "survey-error-list-too-many")
                    .with("max", LIST_MAX_ITEMS as i64));
            }
            if items.iter().any(|i| too_long(i, SHORT_ANSWER_MAX_CHARS)) {
                return Err(Problem::too_long(
                    name,
                    "survey-error-too-long",
                    SHORT_ANSWER_MAX_CHARS,
                ));
            }
            blank((!items.is_empty()).then_some(Answer::List(items)))
        }
    }
}

fn required_key(kind: &Kind) -> &'static str {
    match kind {
        Kind::ShortText | Kind::LongText { .. } | Kind::List => "survey-error-required-text",
        Kind::Number => "survey-error-required-number",
        Kind::Date => "survey-error-required-date",
        _ => "survey-error-required-choice",
    }
}

/// Whether a survey takes answers on `today`, and if not why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No opening date yet: staff are still building it.
    Draft,
    NotYetOpen,
    Open,
    Closed,
}

impl Status {
    pub fn on(today: Date, opens: Option<Date>, closes: Option<Date>) -> Status {
        match (opens, closes) {
            (None, _) => Status::Draft,
            (Some(o), _) if today < o => Status::NotYetOpen,
            (Some(_), Some(c)) if today > c => Status::Closed,
            _ => Status::Open,
        }
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Status::Draft => "survey-status-draft",
            Status::NotYetOpen => "survey-status-not-yet-open",
            Status::Open => "survey-status-open",
            Status::Closed => "survey-status-closed",
        }
    }
}

/// Letters for a save-and-return code: no 0/O, 1/I/L, or 5/S to confuse.
pub const CODE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRTUVWXYZ2346789";
pub const CODE_LENGTH: usize = 8;

/// A new code to write down, from random bytes.
pub fn code_from(bytes: [u8; CODE_LENGTH]) -> String {
    bytes
        .iter()
        .map(|b| CODE_LETTERS[*b as usize % CODE_LETTERS.len()] as char)
        .collect()
}

/// A code as typed: upper case, spaces and dashes removed; `None` if it cannot be one.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_LETTERS.contains(&b))).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::FormErrors;

    fn q(key: &str, kind: Kind) -> Question {
        Question {
            key: key.into(),
            label: Wording::plain(&format!("Question {key}"), &format!("Cwestiwn {key}")),
            help: Wording::default(),
            optional: false,
            with_previous: false,
            kind,
            branches: Vec::new(),
        }
    }

    fn single(key: &str, options: &[&str]) -> Question {
        q(
            key,
            Kind::Single {
                choices: options
                    .iter()
                    .map(|o| Choice {
                        key: (*o).into(),
                        label: Wording::plain(o, o),
                    })
                    .collect(),
                other: true,
            },
        )
    }

    fn survey(questions: Vec<Question>) -> Definition {
        Definition {
            title: Wording::plain("S", "S"),
            questions,
            ..Definition::default()
        }
    }

    fn go(when: &str, to: &str) -> Branch {
        Branch {
            when: when.into(),
            to: if to == "end" {
                Goto::End
            } else {
                Goto::Question(to.into())
            },
        }
    }

    #[test]
    fn a_branch_back_is_a_loop_named_in_the_message() {
        let mut s = survey(vec![
            q("q1", Kind::ShortText),
            single("q2", &["a", "b"]),
            q("q3", Kind::ShortText),
        ]);
        s.questions[1].branches = vec![go("a", "q1")];
        let problems = s.check_routing().unwrap_err();
        assert_eq!(problems[0].key, "survey-error-route-loop");
        let message = FormErrors::from_problems(Locale::En, &problems)
            .get("routing")
            .unwrap()
            .to_owned();
        assert!(
            message.contains("Question 2") || message.contains("question 2"),
            "{message}"
        );
        assert!(message.contains("question 1"), "{message}");
        // Routing to itself is a loop too.
        s.questions[1].branches = vec![go("b", "q2")];
        assert_eq!(
            s.check_routing().unwrap_err()[0].key,
            "survey-error-route-loop"
        );
    }

    #[test]
    fn a_question_every_route_skips_is_unreachable() {
        let mut s = survey(vec![
            q("q1", Kind::YesNo),
            q("q2", Kind::ShortText),
            q("q3", Kind::ShortText),
        ]);
        s.questions[0].branches = vec![go("yes", "q3"), go("no", "end")];
        let problems = s.check_routing().unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].key, "survey-error-route-unreachable");
        let message = FormErrors::from_problems(Locale::En, &problems)
            .get("routing")
            .unwrap()
            .to_owned();
        assert!(message.contains("Question q2"), "{message}");
        // Routing only one answer leaves the default way on, so all is reachable.
        s.questions[0].branches = vec![go("yes", "q3")];
        assert_eq!(s.check_routing(), Ok(()));
        // An optional question can be left blank, which takes the default way.
        s.questions[0].branches = vec![go("yes", "q3"), go("no", "end")];
        s.questions[0].optional = true;
        assert_eq!(s.check_routing(), Ok(()));
    }

    #[test]
    fn branches_must_name_a_choice_and_a_question() {
        let mut s = survey(vec![single("q1", &["a"]), q("q2", Kind::ShortText)]);
        s.questions[0].branches = vec![go("zzz", "q2")];
        assert_eq!(
            s.check_routing().unwrap_err()[0].key,
            "survey-error-route-choice"
        );
        s.questions[0].branches = vec![go("a", "q9")];
        assert_eq!(
            s.check_routing().unwrap_err()[0].key,
            "survey-error-route-missing"
        );
    }

    #[test]
    fn routing_follows_the_answers_and_drops_skipped_answers() {
        let mut s = survey(vec![
            single("q1", &["a", "b"]),
            q("q2", Kind::ShortText),
            q("q3", Kind::ShortText),
        ]);
        s.questions[0].branches = vec![go("b", "q3")];
        let mut answers = Answers::new();
        answers.insert(
            "q1".into(),
            Answer::Choice {
                key: "b".into(),
                other: String::new(),
            },
        );
        answers.insert("q2".into(), Answer::Text("skipped".into()));
        assert_eq!(s.path(&answers), vec![0, 2]);
        assert!(!s.on_path(&answers).contains_key("q2"));
        assert_eq!(s.first_unanswered(&answers), Some(2));
        answers.insert(
            "q1".into(),
            Answer::Choice {
                key: "a".into(),
                other: String::new(),
            },
        );
        assert_eq!(s.path(&answers), vec![0, 1, 2]);
    }

    #[test]
    fn grouped_questions_share_a_page() {
        let mut s = survey(vec![
            q("q1", Kind::ShortText),
            q("q2", Kind::ShortText),
            q("q3", Kind::ShortText),
        ]);
        s.questions[1].with_previous = true;
        assert_eq!(
            s.pages(),
            vec![PageSpan { start: 0, len: 2 }, PageSpan { start: 2, len: 1 }]
        );
        // A branch into the middle of a page is refused.
        let mut t = survey(vec![
            q("q0", Kind::YesNo),
            q("q1", Kind::ShortText),
            q("q2", Kind::ShortText),
        ]);
        t.questions[2].with_previous = true;
        t.questions[0].branches = vec![go("yes", "q2")];
        assert_eq!(
            t.check_routing().unwrap_err()[0].key,
            "survey-error-route-mid-page"
        );
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn answers_are_checked_per_type() {
        let text = q("q1", Kind::ShortText);
        assert_eq!(
            check_answer(&text, &form(&[("q-q1", "")])).unwrap_err().key,
            "survey-error-required-text"
        );
        let mut optional = text.clone();
        optional.optional = true;
        assert_eq!(check_answer(&optional, &form(&[])), Ok(None));
        let long = q("q1", Kind::LongText { max_chars: 5 });
        assert_eq!(
            check_answer(&long, &form(&[("q-q1", "too long")]))
                .unwrap_err()
                .key,
            "survey-error-too-long"
        );

        let choice = single("q1", &["a", "b"]);
        assert_eq!(
            check_answer(&choice, &form(&[("q-q1", "c")]))
                .unwrap_err()
                .key,
            "survey-error-choose"
        );
        assert_eq!(
            check_answer(&choice, &form(&[("q-q1", "other")]))
                .unwrap_err()
                .field,
            "q-q1-other"
        );
        assert_eq!(
            check_answer(
                &choice,
                &form(&[("q-q1", "other"), ("q-q1-other", "Buses")])
            ),
            Ok(Some(Answer::Choice {
                key: "other".into(),
                other: "Buses".into()
            }))
        );

        let multi = q(
            "q1",
            Kind::Multiple {
                choices: vec![
                    Choice {
                        key: "a".into(),
                        label: Wording::plain("A", "A"),
                    },
                    Choice {
                        key: "b".into(),
                        label: Wording::plain("B", "B"),
                    },
                ],
                other: false,
            },
        );
        assert_eq!(
            check_answer(&multi, &form(&[("q-q1", "b"), ("q-q1", "a")])),
            Ok(Some(Answer::Choices {
                keys: vec!["a".into(), "b".into()],
                other: String::new()
            }))
        );
        assert!(check_answer(&multi, &form(&[("q-q1", "other")])).is_err());

        let scale = q(
            "q1",
            Kind::Scale {
                min: 1,
                max: 5,
                low: Wording::default(),
                high: Wording::default(),
            },
        );
        assert_eq!(
            check_answer(&scale, &form(&[("q-q1", "5")])),
            Ok(Some(Answer::Scale(5)))
        );
        assert!(check_answer(&scale, &form(&[("q-q1", "6")])).is_err());

        let date = q("q1", Kind::Date);
        assert!(matches!(
            check_answer(
                &date,
                &form(&[
                    ("q-q1-day", "29"),
                    ("q-q1-month", "2"),
                    ("q-q1-year", "2027")
                ])
            ),
            Err(Problem {
                key: "survey-error-date",
                ..
            })
        ));
        assert!(matches!(
            check_answer(
                &date,
                &form(&[
                    ("q-q1-day", "29"),
                    ("q-q1-month", "2"),
                    ("q-q1-year", "2028")
                ])
            ),
            Ok(Some(Answer::Date(_)))
        ));

        let yes_no = q("q1", Kind::YesNo);
        assert_eq!(
            check_answer(&yes_no, &form(&[("q-q1", "no")])),
            Ok(Some(Answer::YesNo(false)))
        );
        let number = q("q1", Kind::Number);
        assert_eq!(
            check_answer(&number, &form(&[("q-q1", "1,200")])),
            Ok(Some(Answer::Number(1200)))
        );
        assert_eq!(
            check_answer(&number, &form(&[("q-q1", "twelve")]))
                .unwrap_err()
                .key,
            "survey-error-number"
        );
        let list = q("q1", Kind::List);
        assert_eq!(
            check_answer(
                &list,
                &form(&[("q-q1", "Ramps"), ("q-q1", " "), ("q-q1", "Lifts")])
            ),
            Ok(Some(Answer::List(vec!["Ramps".into(), "Lifts".into()])))
        );
    }

    #[test]
    fn a_live_survey_keeps_its_answers_meaningful() {
        let before = survey(vec![single("q1", &["a", "b"]), q("q2", Kind::ShortText)]);
        let mut marks = Marks::default();
        marks.answered.insert("q1".into());
        marks.chosen.insert(("q1".into(), "a".into()));
        // Deleting an answered question is refused.
        let mut after = before.clone();
        after.questions.remove(0);
        assert!(matches!(
            check_live_change(&before, &after, &marks),
            Err(LiveRefusal::QuestionAnswered { number: 1, .. })
        ));
        // Deleting one nobody answered is fine.
        let mut after = before.clone();
        after.questions.remove(1);
        assert_eq!(check_live_change(&before, &after, &marks), Ok(()));
        // Removing a chosen choice is refused; one nobody chose, and rewording, are fine.
        let mut after = before.clone();
        after.questions[0] = single("q1", &["b"]);
        assert!(matches!(
            check_live_change(&before, &after, &marks),
            Err(LiveRefusal::ChoiceChosen { number: 1, .. })
        ));
        let mut after = before.clone();
        after.questions[0] = single("q1", &["a"]);
        after.questions[0].kind = match after.questions[0].kind.clone() {
            Kind::Single { mut choices, other } => {
                choices[0].label.en = "Reworded".into();
                Kind::Single { choices, other }
            }
            k => k,
        };
        assert_eq!(check_live_change(&before, &after, &marks), Ok(()));
    }

    #[test]
    fn codes_have_no_letters_to_confuse() {
        let code = code_from([0, 1, 2, 3, 250, 251, 252, 253]);
        assert_eq!(code.len(), CODE_LENGTH);
        for c in ["O", "0", "I", "1", "L", "S", "5"] {
            assert!(!std::str::from_utf8(CODE_LETTERS).unwrap().contains(c));
        }
        assert_eq!(normalise_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(normalise_code("ABCD-EFGH"), Some("ABCDEFGH".into()));
        assert_eq!(normalise_code("ABCD"), None);
        assert_eq!(normalise_code("ABCDEFG0"), None);
    }

    #[test]
    fn wording_falls_back_to_english_and_shows_easy_read_when_asked() {
        let w = Wording {
            en: "Travel".into(),
            cy: "Teithio".into(),
            easy_en: "How do you get here?".into(),
            easy_cy: String::new(),
        };
        assert_eq!(w.shown(Locale::En, false), "Travel");
        assert_eq!(w.shown(Locale::Cy, false), "Teithio");
        assert_eq!(w.shown(Locale::En, true), "How do you get here?");
        assert_eq!(w.shown(Locale::Cy, true), "Teithio");
        let english_only = Wording::plain("Travel", "");
        assert_eq!(english_only.shown(Locale::Cy, false), "Travel");
    }

    #[test]
    fn status_follows_the_dates() {
        let d = |s: &str| {
            Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).unwrap()
        };
        assert_eq!(Status::on(d("2027-01-01"), None, None), Status::Draft);
        assert_eq!(
            Status::on(d("2027-01-01"), Some(d("2027-01-02")), None),
            Status::NotYetOpen
        );
        assert_eq!(
            Status::on(
                d("2027-01-02"),
                Some(d("2027-01-02")),
                Some(d("2027-01-02"))
            ),
            Status::Open
        );
        assert_eq!(
            Status::on(
                d("2027-01-03"),
                Some(d("2027-01-02")),
                Some(d("2027-01-02"))
            ),
            Status::Closed
        );
    }
}
