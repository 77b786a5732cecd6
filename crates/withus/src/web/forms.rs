//! Form errors in the GOV.UK validation pattern: one message per field, listed in an error summary
//! whose links move focus to the field.

use super::input_guard::InputProblem;
use crate::i18n::{Arg, Locale};

/// One field's error.
#[derive(Debug, Clone)]
pub struct FieldError {
    /// The id of the input the summary links to.
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    pub items: Vec<FieldError>,
}

impl FormErrors {
    pub fn add(&mut self, field: &str, message: String) {
        if self.get(field).is_none() {
            self.items.push(FieldError {
                field: field.to_owned(),
                message,
            });
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// One problem a form's `check()` found: the field it is about (the id the error summary links
/// to), the message key, and the values the message names (a limit, a count). Checks return
/// `Result<DomainType, Vec<Problem>>` without knowing the reader's language; the handler turns
/// the problems into [`FormErrors`] with [`FormErrors::from_problems`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Problem {
    pub fn new(field: impl Into<String>, key: &'static str) -> Problem {
        Problem {
            field: field.into(),
            key,
            args: Vec::new(),
        }
    }

    /// The message names this value, e.g. `.with("max", 2000)`.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Problem {
        self.args.push((name, value.into()));
        self
    }
}

impl FormErrors {
    /// The problems in the reader's language, the first for each field, in the form's order.
    pub fn from_problems(locale: Locale, problems: &[Problem]) -> FormErrors {
        let mut errors = FormErrors::default();
        for problem in problems {
            errors.add(&problem.field, locale.t_args(problem.key, &problem.args));
        }
        errors
    }
}

/// One radio, checkbox or select option as the `fields::choices` and `fields::select` partials draw it.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: String,
    pub checked: bool,
    /// Draw an "or" divider before this item (GOV.UK pattern for "None of these" options).
    pub divider: bool,
    /// Unticks the others when ticked ("Prefer not to say"); needs JavaScript, harmless without.
    pub exclusive: bool,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            checked,
            ..Choice::default()
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Choice {
        self.hint = hint.into();
        self
    }

    pub fn exclusive_after_divider(mut self) -> Choice {
        self.divider = true;
        self.exclusive = true;
        self
    }
}

/// Reads a form body that may repeat a field (checkboxes), which `axum::Form` into a struct cannot.
pub fn pairs(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

/// All values of a repeated field.
pub fn all_of(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The first value of a field, trimmed, or empty.
pub fn one_of(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

/// A form read into a struct, like `axum::Form`, but a form that does not fit (a field sent twice,
/// a choice the form does not offer, a field missing) gets the GOV.UK error page in the person's
/// language naming the field, never the framework's plain-text rejection.
pub struct Form<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Form<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = super::AppError;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        let body = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|_| super::AppError::TooLarge)?;
        serde_urlencoded::from_bytes(&body)
            .map(Form)
            .map_err(|error| super::AppError::BadInput(problem_from(&error.to_string())))
    }
}

/// Which field a deserialising error is about, from serde's message ("duplicate field `x`").
fn problem_from(message: &str) -> InputProblem {
    let field = message
        .split('`')
        .nth(1)
        .filter(|_| message.contains("field"))
        .unwrap_or("form")
        .to_owned();
    if message.starts_with("duplicate field") {
        InputProblem::Repeated { field }
    } else if message.starts_with("missing field") {
        InputProblem::Missing { field }
    } else {
        InputProblem::NotRecognised { field }
    }
}

/// A value from a fixed list, such as a region or topic: an empty answer is `None`; a value not on
/// the list is refused with a message naming it, never quietly dropped.
pub fn known_one<T>(
    errors: &mut FormErrors,
    page: &crate::web::Page,
    field: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let mut problems = Vec::new();
    let found = check_known_one(&mut problems, field, value, parse);
    add_problems(errors, page, &problems);
    found
}

/// Every ticked value of a repeated field (checkboxes) from a fixed list; the first value not on
/// the list is refused with a message naming it.
pub fn known_all<T>(
    errors: &mut FormErrors,
    page: &crate::web::Page,
    field: &str,
    values: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut problems = Vec::new();
    let found = check_known_all(&mut problems, field, values, parse);
    add_problems(errors, page, &problems);
    found
}

fn add_problems(errors: &mut FormErrors, page: &crate::web::Page, problems: &[Problem]) {
    for problem in problems {
        errors.add(&problem.field, page.t_args(problem.key, &problem.args));
    }
}

/// [`known_one`] for a `check()`: the refusal is added to `problems`.
pub fn check_known_one<T>(
    problems: &mut Vec<Problem>,
    field: &str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        problems.push(not_recognised_problem(field, value));
    }
    parsed
}

/// [`known_all`] for a `check()`: the refusals are added to `problems`.
pub fn check_known_all<T>(
    problems: &mut Vec<Problem>,
    field: &str,
    values: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match parse(value) {
            Some(item) => out.push(item),
            None => problems.push(not_recognised_problem(field, value)),
        }
    }
    out
}

/// "We did not recognise “x”. Choose from the list", with the value cut to a readable length.
pub fn not_recognised(page: &crate::web::Page, value: &str) -> String {
    let problem = not_recognised_problem("", value);
    page.t_args(problem.key, &problem.args)
}

/// The same, as a problem with `field` for a form's check.
pub fn not_recognised_problem(field: &str, value: &str) -> Problem {
    let mut shown: String = value.chars().take(40).collect();
    if value.chars().count() > 40 {
        shown.push('…');
    }
    Problem::new(field, "error-not-recognised").with("value", shown)
}

/// A "must be N characters or fewer" message: `key` takes the limit as `$max`, written "2,000".
pub fn too_long(page: &crate::web::Page, key: &'static str, max: usize) -> String {
    let problem = Problem::too_long("", key, max);
    page.t_args(problem.key, &problem.args)
}

impl Problem {
    /// The answer in `field` is longer than `max` characters; `key` names the limit as `$max`,
    /// written "2,000".
    pub fn too_long(field: impl Into<String>, key: &'static str, max: usize) -> Problem {
        let max = i64::try_from(max).unwrap_or(i64::MAX);
        Problem::new(field, key).with("max", crate::i18n::grouped(max))
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn problems_become_errors_in_the_readers_language_first_per_field() {
        let problems = [
            Problem::new("title", "engagement-error-too-long").with("max", 200usize),
            Problem::new("title", "engagement-error-title"),
        ];
        let errors = FormErrors::from_problems(Locale::En, &problems);
        assert_eq!(errors.items.len(), 1, "one message per field");
        assert!(errors.get("title").unwrap().contains("200"), "{errors:?}");
        let welsh = FormErrors::from_problems(Locale::Cy, &problems);
        assert_ne!(welsh.get("title"), errors.get("title"));
    }

    #[test]
    fn serde_messages_become_problems_naming_the_field() {
        assert_eq!(
            problem_from("duplicate field `return_to`"),
            InputProblem::Repeated {
                field: "return_to".into()
            }
        );
        assert_eq!(
            problem_from("missing field `email`"),
            InputProblem::Missing {
                field: "email".into()
            }
        );
        assert_eq!(
            problem_from("unknown variant `boss`, expected one of `member`, `auditor`"),
            InputProblem::NotRecognised {
                field: "form".into()
            }
        );
    }
}
