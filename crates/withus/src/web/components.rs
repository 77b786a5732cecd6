//! GOV.UK Frontend components as typed Rust values, each rendered by its own template partial in
//! `templates/components/`. A page builds the value and writes `{{ component|safe }}` (askama derives `Display`); the markup
//! matches GOV.UK Frontend's own fixtures (tested), so its CSS, JavaScript and accessibility work as
//! documented.

use std::fmt;

use askama::Template;

/// HTML that came from one of our templates (so already escaped), safe to embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedHtml(String);

impl TrustedHtml {
    pub fn from_template(template: &impl Template) -> Result<TrustedHtml, askama::Error> {
        template.render().map(TrustedHtml)
    }

    #[cfg(test)]
    pub(crate) fn from_fixture(html: &str) -> TrustedHtml {
        TrustedHtml(html.to_owned())
    }
}

impl fmt::Display for TrustedHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A status label. The colour never carries meaning alone: the text says it.
#[derive(Template, Debug, Clone)]
#[template(path = "web/templates/components/tag.html")]
pub struct Tag {
    pub text: String,
    /// e.g. `govuk-tag--blue`.
    pub colour: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub enum SummaryValue {
    Text(String),
    Html(TrustedHtml),
}

#[derive(Debug, Clone)]
pub struct SummaryAction {
    pub href: String,
    pub text: String,
    /// Completes the link text for screen readers: "Change" + " date of birth".
    pub visually_hidden: String,
}

#[derive(Debug, Clone)]
pub struct SummaryRow {
    pub key: String,
    pub value: SummaryValue,
    pub actions: Vec<SummaryAction>,
}

#[derive(Template, Debug, Clone)]
#[template(path = "web/templates/components/summary_list.html")]
pub struct SummaryList {
    pub rows: Vec<SummaryRow>,
}

#[derive(Debug, Clone)]
pub enum TaskStatus {
    Text(String),
    Tag(Tag),
}

#[derive(Debug, Clone)]
pub struct TaskItem {
    pub title: String,
    pub href: String,
    pub status: TaskStatus,
}

/// The task list pattern: the whole row is the link, and each status is announced with it.
#[derive(Template, Debug, Clone)]
#[template(path = "web/templates/components/task_list.html")]
pub struct TaskList {
    pub id_prefix: String,
    pub items: Vec<TaskItem>,
}

/// Day, month and year boxes in one fieldset, as GOV.UK's date pattern asks.
#[derive(Template, Debug, Clone)]
#[template(path = "web/templates/components/date_input.html")]
pub struct DateInput {
    pub id: String,
    /// Field names are `{prefix}day`, `{prefix}month` and `{prefix}year`.
    pub name_prefix: String,
    pub legend: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub error_prefix: String,
    pub labels: [String; 3],
    pub values: [String; 3],
}

impl DateInput {
    fn part(&self, index: usize) -> (&'static str, &str, &str, &'static str) {
        const PARTS: [(&str, &str); 3] = [("day", "2"), ("month", "2"), ("year", "4")];
        let (name, width) = PARTS[index];
        let width_class = if width == "2" {
            "govuk-input--width-2"
        } else {
            "govuk-input--width-4"
        };
        (name, &self.labels[index], &self.values[index], width_class)
    }

    pub fn parts(&self) -> Vec<(&'static str, &str, &str, &'static str)> {
        (0..3).map(|i| self.part(i)).collect()
    }
}

#[derive(Debug, Clone)]
pub struct CheckboxItem {
    pub value: String,
    pub text: String,
    pub checked: bool,
    /// Revealed when ticked (with JavaScript); always shown without it.
    pub conditional: Option<TrustedHtml>,
}

#[derive(Template, Debug, Clone)]
#[template(path = "web/templates/components/checkboxes.html")]
pub struct Checkboxes {
    pub name: String,
    pub id_prefix: String,
    pub legend: String,
    pub items: Vec<CheckboxItem>,
}

impl Checkboxes {
    /// GOV.UK ids: the first item takes the prefix itself, the rest `prefix-2`, `prefix-3`…
    pub fn item_id(&self, index: usize) -> String {
        if index == 0 {
            self.id_prefix.clone()
        } else {
            format!("{}-{}", self.id_prefix, index + 1)
        }
    }
}

#[cfg(test)]
#[path = "components_tests.rs"]
mod tests;
