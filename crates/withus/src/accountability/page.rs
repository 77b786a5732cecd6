//! The public accountability page: every figure with its one-line definition, in tables by section,
//! each section's breakdown also drawn as a bar chart with the same table beside it, the
//! organisation's engagements with their rungs, and its overdue recommendations.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::Board;
use super::figures::{Figure, Section, Unit};
use crate::engagements::views::{format_day, today};
use crate::payments::money::Pence;
use crate::state::AppState;
use crate::web::chart::{Chart, Row};
use crate::web::{AppResult, Ids, Page, render};

pub struct FigureView {
    pub id: String,
    pub label: String,
    /// The value as written in the downloads (a number, or empty).
    pub value: String,
    /// The value as read on the page.
    pub shown: String,
    pub definition: String,
}

pub struct SectionView {
    pub id: &'static str,
    pub heading: String,
    pub intro: String,
    pub figures: Vec<FigureView>,
    pub chart: Option<Chart>,
    /// The lists behind the figures: the engagements, the overdue recommendations.
    pub lists: Vec<ListView>,
}

/// A list of things the figures count, as a table of three columns.
pub struct ListView {
    pub heading: String,
    /// Shown instead of the table when the list is empty.
    pub none: String,
    pub columns: [String; 3],
    pub rows: Vec<ListRow>,
}

pub struct ListRow {
    pub href: String,
    pub name: String,
    pub second: String,
    pub third: String,
    /// A tag after the third column: its colour class and its words.
    pub tag: Option<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "accountability/templates/page.html")]
struct AccountabilityPage {
    page: Page,
    organisation_id: Uuid,
    organisation: String,
    sections: Vec<SectionView>,
}

fn figure_view(page: &Page, figure: &Figure) -> FigureView {
    FigureView {
        id: figure.id.clone(),
        label: page.t(&figure.label_key()),
        value: figure.value_text(),
        shown: match (figure.value, figure.unit) {
            _ if figure.suppressed => page.t("accountability-fewer-than-10"),
            (Some(v), Unit::Pence) => Pence::new(v).unwrap_or(Pence::ZERO).to_string(),
            (Some(v), Unit::Count) => v.to_string(),
            (None, _) => page.t("accountability-none-yet"),
        },
        definition: page.t(&figure.definition_key()),
    }
}

fn section_view(page: &Page, section: Section, figures: &[Figure]) -> SectionView {
    let heading = page.t(&section.heading_key());
    let mine: Vec<&Figure> = figures.iter().filter(|f| f.section == section).collect();
    let rows: Vec<Row> = mine
        .iter()
        .filter(|f| f.charted)
        .map(|f| Row {
            label: page.t(&f.label_key()),
            count: f.value,
            shown: f.value_text(),
        })
        .collect();
    let chart = (!rows.is_empty()).then(|| {
        Chart::new(
            format!("chart-{}", section.as_str()),
            page.t_args(
                "accountability-chart-title",
                &[("section", heading.as_str().into())],
            ),
            rows,
        )
    });
    SectionView {
        id: section.as_str(),
        intro: page.t(&section.intro_key()),
        figures: mine.into_iter().map(|f| figure_view(page, f)).collect(),
        chart,
        lists: Vec::new(),
        heading,
    }
}

fn in_language(page: &Page, en: &str, cy: &str) -> String {
    if page.lang() == "cy" && !cy.trim().is_empty() {
        cy.to_owned()
    } else {
        en.to_owned()
    }
}

fn engagements_list(page: &Page, board: &Board) -> ListView {
    let day = today();
    ListView {
        heading: page.t("accountability-engagements-list"),
        none: page.t("accountability-engagements-none"),
        columns: [
            page.t("accountability-engagement"),
            page.t("accountability-rung"),
            page.t("accountability-ends"),
        ],
        rows: board
            .engagements
            .iter()
            .map(|e| ListRow {
                href: format!("/engagements/{}", e.id),
                name: in_language(page, &e.title_en, &e.title_cy),
                second: page.t(&e.rung().message_key()),
                third: format_day(e.ends_on, page.locale()),
                tag: (e.ends_on < day)
                    .then(|| ("govuk-tag--grey", page.t("accountability-finished"))),
            })
            .collect(),
    }
}

fn overdue_list(page: &Page, board: &Board) -> ListView {
    ListView {
        heading: page.t("accountability-overdue-list"),
        none: page.t("accountability-overdue-none"),
        columns: [
            page.t("accountability-recommendation"),
            page.t("accountability-owner"),
            page.t("accountability-due"),
        ],
        rows: board
            .recommendations
            .iter()
            .filter(|r| r.standing.overdue)
            .map(|r| ListRow {
                href: format!("/recommendations/{}", r.row.id),
                name: format!(
                    "{}. {}",
                    r.row.number,
                    in_language(page, &r.row.title_en, &r.row.title_cy)
                ),
                second: [r.row.owner_organisation.as_str(), r.row.owner_role.as_str()]
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                third: format_day(r.row.due_on, page.locale()),
                tag: Some(("govuk-tag--red", page.t("accountability-overdue"))),
            })
            .collect(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    Ids(organisation): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let board = super::load(&state, organisation).await?;
    let sections = Section::ALL
        .iter()
        .map(|s| {
            let mut view = section_view(&page, *s, &board.figures);
            match s {
                Section::Engagements => view.lists.push(engagements_list(&page, &board)),
                Section::Delivery => view.lists.push(overdue_list(&page, &board)),
                _ => {}
            }
            view
        })
        .collect();
    render(AccountabilityPage {
        organisation_id: organisation,
        organisation: board.organisation.name.clone(),
        sections,
        page,
    })
}
