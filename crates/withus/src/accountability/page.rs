//! The public accountability page: every figure with its one-line definition, in tables by section,
//! each section's breakdown also drawn as a bar chart with the same table beside it, the
//! organisation's engagements with their rungs, and its overdue recommendations.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::Board;
use super::figures::{Figure, Section};
use crate::engagements::views::{format_day, today};
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
    pub with_engagements: bool,
    pub with_overdue: bool,
}

pub struct EngagementView {
    pub title: String,
    pub href: String,
    pub rung: String,
    pub ends: String,
    pub finished: bool,
}

pub struct OverdueView {
    pub number: i32,
    pub title: String,
    pub href: String,
    pub owner: String,
    pub due: String,
}

#[derive(Template)]
#[template(path = "accountability/templates/page.html")]
struct AccountabilityPage {
    page: Page,
    organisation_id: Uuid,
    organisation: String,
    sections: Vec<SectionView>,
    engagements: Vec<EngagementView>,
    overdue: Vec<OverdueView>,
}

fn figure_view(page: &Page, figure: &Figure) -> FigureView {
    FigureView {
        id: figure.id.clone(),
        label: page.t(&figure.label_key()),
        value: figure.value_text(),
        shown: figure
            .value
            .map(|v| v.to_string())
            .unwrap_or_else(|| page.t("accountability-none-yet")),
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
        with_engagements: section == Section::Engagements,
        with_overdue: section == Section::Delivery,
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

fn views(page: &Page, board: &Board) -> (Vec<EngagementView>, Vec<OverdueView>) {
    let locale = page.locale();
    let day = today();
    let engagements = board
        .engagements
        .iter()
        .map(|e| EngagementView {
            title: in_language(page, &e.title_en, &e.title_cy),
            href: format!("/engagements/{}", e.id),
            rung: page.t(&e.rung().message_key()),
            ends: format_day(e.ends_on, locale),
            finished: e.ends_on < day,
        })
        .collect();
    let overdue = board
        .recommendations
        .iter()
        .filter(|r| r.standing.overdue)
        .map(|r| OverdueView {
            number: r.row.number,
            title: in_language(page, &r.row.title_en, &r.row.title_cy),
            href: format!("/recommendations/{}", r.row.id),
            owner: [r.row.owner_organisation.as_str(), r.row.owner_role.as_str()]
                .into_iter()
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            due: format_day(r.row.due_on, locale),
        })
        .collect();
    (engagements, overdue)
}

pub async fn show(
    State(state): State<AppState>,
    Ids(organisation): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let board = super::load(&state, organisation).await?;
    let sections = Section::ALL
        .iter()
        .map(|s| section_view(&page, *s, &board.figures))
        .collect();
    let (engagements, overdue) = views(&page, &board);
    render(AccountabilityPage {
        organisation_id: organisation,
        organisation: board.organisation.name.clone(),
        sections,
        engagements,
        overdue,
        page,
    })
}
