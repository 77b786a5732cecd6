//! Our partials against GOV.UK Frontend's own fixtures (`fixtures.json` in the npm package): the same
//! options must give the same HTML, ignoring only whitespace. Run `scripts/build-assets` first to
//! install the package.

use std::path::PathBuf;

use askama::Template;

use super::*;

fn fixture(component: &str, name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../node_modules/govuk-frontend/dist/govuk/components")
        .join(component)
        .join("fixtures.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): run scripts/build-assets to install govuk-frontend",
            path.display()
        )
    });
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["fixtures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no fixture {component}/{name}"))["html"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Whitespace is not significant between tags or around text in these components.
fn normalise(html: &str) -> String {
    let collapsed = html.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace("> ", ">").replace(" <", "<")
}

fn assert_matches(ours: &impl Template, component: &str, name: &str) {
    let ours = normalise(&ours.render().unwrap());
    let theirs = normalise(&fixture(component, name));
    assert_eq!(
        ours, theirs,
        "{component}/{name} differs from GOV.UK Frontend"
    );
}

#[test]
fn tag_matches_govuk() {
    assert_matches(
        &Tag {
            text: "Alpha".into(),
            colour: None,
        },
        "tag",
        "default",
    );
    assert_matches(
        &Tag {
            text: "Grey".into(),
            colour: Some("govuk-tag--grey"),
        },
        "tag",
        "grey",
    );
}

#[test]
fn summary_list_matches_govuk() {
    let action = |text: &str, hidden: &str| SummaryAction {
        href: "#".into(),
        text: text.into(),
        visually_hidden: hidden.into(),
    };
    let contact = fixture("summary-list", "with actions");
    let start = contact.find("<p class=\"govuk-body\">").unwrap();
    let end = contact.rfind("</p>").unwrap() + 4;
    let list = SummaryList {
        rows: vec![
            SummaryRow {
                key: "Name".into(),
                value: SummaryValue::Text("Firstname Lastname".into()),
                actions: vec![action("Edit", "name"), action("Delete", "name")],
            },
            SummaryRow {
                key: "Date of birth".into(),
                value: SummaryValue::Text("13/08/1980".into()),
                actions: vec![action("Change", "date of birth")],
            },
            SummaryRow {
                key: "Contact information".into(),
                value: SummaryValue::Html(TrustedHtml::from_fixture(&contact[start..end])),
                actions: vec![
                    action("Edit", "contact information"),
                    action("Change", "contact information"),
                ],
            },
        ],
    };
    assert_matches(&list, "summary-list", "with actions");
}

#[test]
fn task_list_matches_govuk() {
    let incomplete = || {
        TaskStatus::Tag(Tag {
            text: "Incomplete".into(),
            colour: Some("govuk-tag--blue"),
        })
    };
    let list = TaskList {
        id_prefix: "task-list".into(),
        items: vec![
            TaskItem {
                title: "Company Directors".into(),
                href: "#".into(),
                status: TaskStatus::Text("Completed".into()),
            },
            TaskItem {
                title: "Registered company details".into(),
                href: "#".into(),
                status: incomplete(),
            },
            TaskItem {
                title: "Business plan".into(),
                href: "#".into(),
                status: incomplete(),
            },
        ],
    };
    assert_matches(&list, "task-list", "default");
}

#[test]
fn date_input_matches_govuk() {
    let date = DateInput {
        id: "dob".into(),
        name_prefix: String::new(),
        legend: "What is your date of birth?".into(),
        hint: Some("For example, 31 3 1980".into()),
        error: None,
        error_prefix: "Error:".into(),
        labels: ["Day".into(), "Month".into(), "Year".into()],
        values: [String::new(), String::new(), String::new()],
    };
    assert_matches(&date, "date-input", "default");
}

#[test]
fn checkboxes_with_conditional_reveal_match_govuk() {
    let fixture_html = fixture("checkboxes", "with conditional items");
    let conditional = |id: &str| {
        let marker = format!("id=\"{id}\">");
        let start = fixture_html.find(&marker).unwrap() + marker.len();
        let end = start + fixture_html[start..].find("</div>").unwrap();
        Some(TrustedHtml::from_fixture(&fixture_html[start..end]))
    };
    let item = |value: &str, text: &str, id: &str| CheckboxItem {
        value: value.into(),
        text: text.into(),
        checked: false,
        conditional: conditional(id),
    };
    let boxes = Checkboxes {
        name: "with-conditional-items".into(),
        id_prefix: "how-contacted".into(),
        legend: "How do you want to be contacted?".into(),
        items: vec![
            item("email", "Email", "conditional-how-contacted"),
            item("phone", "Phone", "conditional-how-contacted-2"),
            item("text", "Text message", "conditional-how-contacted-3"),
        ],
    };
    assert_matches(&boxes, "checkboxes", "with conditional items");
}

#[test]
fn components_escape_what_they_are_given() {
    let tag = Tag {
        text: "<script>alert(1)</script>".into(),
        colour: None,
    }
    .render()
    .unwrap();
    assert!(!tag.contains("<script>"), "{tag}");
}
