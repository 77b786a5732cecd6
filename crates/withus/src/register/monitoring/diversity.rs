//! Diversity at a glance: who is on a panel, in counts, compared with the population.
//!
//! Counts come from the blind index of monitoring answers (`monitoring_tokens`): the token of every
//! answer the organisation offers is worked out and counted, so no one's record is ever opened here.
//! Only people who agreed that we may hold an answer have its token. Small numbers are suppressed
//! and every count is rounded (see [`crate::register::monitoring::suppression`]).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::Method;
use axum::routing::get;
use serde::Deserialize;
use uuid::Uuid;

use super::storage::{Scope, active_members, people_by_token, people_with_any};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::register::domain::PREFER_NOT_TO_SAY;
use crate::register::monitoring::benchmarks::{self, Benchmark, Row};
use crate::register::monitoring::suppression::{self, Relation, Shown};
use crate::register::profile::monitoring_token;
use crate::register::questions::{self, Question};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::forms::Choice;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    vec![route(
        Method::GET,
        "/organisations/{org_id}/diversity",
        Access::Organisation(Permission::ViewDiversity),
        get(show),
    )]
}

/// One question's counts: its rows (answers and groups), "prefer not to say" and "not answered".
pub struct Counts {
    /// Active members in scope.
    pub total: i64,
    pub rows: Vec<Row>,
    pub people: Vec<i64>,
    pub prefer_not_to_say: i64,
    pub not_answered: i64,
}

fn tokens(keys: &KeyRing, question: &str, codes: &[String]) -> Vec<Vec<u8>> {
    codes
        .iter()
        .map(|code| monitoring_token(keys, question, code))
        .collect()
}

/// Every answer code of a question, offered or not, and "prefer not to say".
fn every_code(question: &Question) -> Vec<String> {
    question
        .every_option()
        .into_iter()
        .map(|o| o.code.clone())
        .chain([PREFER_NOT_TO_SAY.to_owned()])
        .collect()
}

async fn count_question(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    scope: Scope,
    question: &Question,
    by_token: &HashMap<Vec<u8>, i64>,
    total: i64,
    locale: Locale,
) -> Result<Counts, sqlx::Error> {
    let rows = benchmarks::rows(question, locale, true);
    let mut people = Vec::with_capacity(rows.len());
    for row in &rows {
        people.push(if row.is_group {
            people_with_any(ex, scope, &tokens(keys, &question.code, &row.members)).await?
        } else {
            let token = monitoring_token(keys, &question.code, &row.code);
            by_token.get(&token).copied().unwrap_or(0)
        });
    }
    let prefer_not_to_say = by_token
        .get(&monitoring_token(keys, &question.code, PREFER_NOT_TO_SAY))
        .copied()
        .unwrap_or(0);
    let answered = people_with_any(
        ex,
        scope,
        &tokens(keys, &question.code, &every_code(question)),
    )
    .await?;
    Ok(Counts {
        total,
        rows,
        people,
        prefer_not_to_say,
        not_answered: (total - answered).max(0),
    })
}

/// The cells of one question for suppression: the total first, then each row, then "prefer not to
/// say", then "not answered"; with every sum that holds between them.
pub fn cells(counts: &Counts) -> (Vec<i64>, Vec<Relation>) {
    let mut cells = vec![counts.total];
    cells.extend(&counts.people);
    let prefer = cells.len();
    cells.push(counts.prefer_not_to_say);
    let not_answered = cells.len();
    cells.push(counts.not_answered);
    let index = |i: usize| i + 1;
    let answers: Vec<usize> = (0..counts.rows.len())
        .filter(|&i| !counts.rows[i].is_group)
        .map(index)
        .chain([prefer, not_answered])
        .collect();
    let mut relations = vec![Relation {
        total: 0,
        parts: answers,
    }];
    let heading_groups: Vec<usize> = (0..counts.rows.len())
        .filter(|&i| counts.rows[i].is_group && counts.rows[i].code.starts_with("group-"))
        .filter(|&i| {
            counts
                .rows
                .iter()
                .any(|r| r.heading_group.as_deref() == Some(&counts.rows[i].code))
        })
        .collect();
    if !heading_groups.is_empty() {
        let ungrouped = (0..counts.rows.len())
            .filter(|&i| !counts.rows[i].is_group && counts.rows[i].heading_group.is_none());
        relations.push(Relation {
            total: 0,
            parts: heading_groups
                .iter()
                .copied()
                .chain(ungrouped)
                .map(index)
                .chain([prefer, not_answered])
                .collect(),
        });
    }
    for (i, row) in counts.rows.iter().enumerate().filter(|(_, r)| r.is_group) {
        relations.push(Relation {
            total: index(i),
            parts: (0..counts.rows.len())
                .filter(|&j| !counts.rows[j].is_group && row.members.contains(&counts.rows[j].code))
                .map(index)
                .collect(),
        });
    }
    (cells, relations)
}

// --- The page ------------------------------------------------------------------------------------

const CHART_WIDTH: i64 = 640;
const BAR_MAX: i64 = 400;
const LABEL_LINE_CHARS: usize = 70;

pub struct ChartBar {
    pub y: i64,
    pub width: i64,
    pub text_x: i64,
    pub text_y: i64,
    pub text: String,
    /// No bar is drawn (suppressed, or no figure); the text says why.
    pub absent: bool,
}

pub struct ChartRow {
    /// Label lines and their baselines.
    pub lines: Vec<(i64, String)>,
    pub panel: ChartBar,
    pub population: ChartBar,
}

pub struct Chart {
    pub id: String,
    pub title: String,
    pub desc: String,
    pub width: i64,
    pub height: i64,
    pub rows: Vec<ChartRow>,
}

pub struct RowView {
    pub label: String,
    pub people: String,
    pub panel_share: String,
    pub population: String,
    pub is_group: bool,
    pub in_group: bool,
    pub suppressed: bool,
}

pub struct QuestionView {
    pub code: String,
    pub text: String,
    pub multiple: bool,
    pub rows: Vec<RowView>,
    pub chart: Chart,
}

pub struct Missing {
    pub text: String,
    pub question: String,
}

#[derive(Template)]
#[template(path = "register/monitoring/templates/diversity.html")]
struct DiversityPage {
    page: Page,
    organisation: OrganisationRow,
    panels: Vec<Choice>,
    panel_name: Option<String>,
    total: String,
    answered: String,
    too_few: bool,
    has_benchmarks: bool,
    can_manage: bool,
    missing: Vec<Missing>,
    questions: Vec<QuestionView>,
}

#[derive(Deserialize)]
pub struct DiversityQuery {
    panel: Option<String>,
}

fn tenths(value: i64) -> String {
    format!("{}.{}", value / 10, value % 10)
}

fn people_text(page: &Page, shown: Shown) -> String {
    match shown {
        Shown::Count(n) => n.to_string(),
        Shown::Suppressed => page.t("diversity-fewer-than-10"),
    }
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

fn bar(y: i64, value: Option<i64>, text: String) -> ChartBar {
    // Tenths of a percent for the panel; population shares arrive as tenths too.
    let width = value.map(|v| (v * BAR_MAX / 1000).max(i64::from(v > 0)));
    ChartBar {
        y,
        width: width.unwrap_or(0),
        text_x: width.unwrap_or(0) + 8,
        text_y: y + 14,
        text,
        absent: value.is_none(),
    }
}

fn chart(
    page: &Page,
    code: &str,
    question: &str,
    rows: &[(String, Option<i64>, Option<i64>)],
) -> Chart {
    let mut y = 56;
    let mut chart_rows = Vec::new();
    for (label, panel, population) in rows {
        let mut lines = Vec::new();
        for line in wrap(label, LABEL_LINE_CHARS) {
            y += 20;
            lines.push((y, line));
        }
        y += 8;
        let panel_text = match panel {
            Some(v) => page.t_args("diversity-chart-panel", &[("share", tenths(*v).into())]),
            None => page.t("diversity-chart-panel-suppressed"),
        };
        let panel_bar = bar(y, *panel, panel_text);
        y += 24;
        let population_text = match population {
            Some(v) => page.t_args(
                "diversity-chart-population",
                &[("share", tenths(*v).into())],
            ),
            None => page.t("diversity-chart-population-none"),
        };
        let population_bar = bar(y, *population, population_text);
        y += 36;
        chart_rows.push(ChartRow {
            lines,
            panel: panel_bar,
            population: population_bar,
        });
    }
    Chart {
        id: format!("chart-{code}"),
        title: page.t_args("diversity-chart-title", &[("question", question.into())]),
        desc: page.t("diversity-chart-description"),
        width: CHART_WIDTH,
        height: y,
        rows: chart_rows,
    }
}

/// Whether a row is well below its population share: under half of it, or too few to show, where at
/// least 1% of the population gives that answer.
pub fn is_missing(panel_tenths: Option<i64>, population_basis_points: i64) -> bool {
    population_basis_points >= 100
        && panel_tenths.is_none_or(|tenths| tenths * 20 < population_basis_points)
}

fn question_view(
    page: &Page,
    question: &Question,
    counts: &Counts,
    total: Shown,
    benchmarks: &[Benchmark],
    missing: &mut Vec<Missing>,
) -> QuestionView {
    let (cells, relations) = cells(counts);
    let shown = suppression::protect(&cells, &relations);
    let locale = page.locale();
    let population =
        |row: &str| benchmarks::find(benchmarks, &question.code, row).map(|b| b.share_basis_points);
    let mut rows = Vec::new();
    let mut chart_rows = Vec::new();
    let mut missing_groups: Vec<String> = Vec::new();
    // With no answer shown at all, every share is low because few answered: nobody is "missing".
    let any_answer_shown = counts
        .rows
        .iter()
        .enumerate()
        .any(|(i, row)| !row.is_group && !shown[i + 1].is_suppressed());
    for (i, row) in counts.rows.iter().enumerate() {
        let cell = shown[i + 1];
        let share = suppression::share_tenths(cell, total);
        let figure = population(&row.code);
        let label = if row.hidden {
            page.t_args(
                "diversity-no-longer-offered",
                &[("answer", row.label.as_str().into())],
            )
        } else {
            row.label.clone()
        };
        if let (Some(bp), true) = (figure, any_answer_shown) {
            let group_listed = row
                .heading_group
                .as_ref()
                .is_some_and(|g| missing_groups.contains(g));
            if is_missing(share, bp) && !group_listed {
                let people = match cell {
                    Shown::Count(n) => page.t_args(
                        "diversity-missing-people",
                        &[
                            ("count", n.into()),
                            ("share", tenths(share.unwrap_or(0)).into()),
                        ],
                    ),
                    Shown::Suppressed => page.t("diversity-missing-fewer-than-10"),
                };
                missing.push(Missing {
                    text: page.t_args(
                        "diversity-missing-item",
                        &[
                            ("answer", label.as_str().into()),
                            ("population", benchmarks::format_basis_points(bp).into()),
                            ("people", people.into()),
                        ],
                    ),
                    question: question.text(locale).to_owned(),
                });
                if row.is_group {
                    missing_groups.push(row.code.clone());
                }
            }
        }
        if !row.hidden && row.heading_group.is_none() {
            chart_rows.push((label.clone(), share, figure.map(|bp| (bp + 5) / 10)));
        }
        rows.push(RowView {
            people: people_text(page, cell),
            panel_share: share
                .map(|s| format!("{}%", tenths(s)))
                .unwrap_or_else(|| page.t("diversity-not-shown")),
            population: figure
                .map(|bp| format!("{}%", benchmarks::format_basis_points(bp)))
                .unwrap_or_else(|| page.t("diversity-no-figure")),
            label,
            is_group: row.is_group,
            in_group: row.heading_group.is_some(),
            suppressed: cell.is_suppressed(),
        });
    }
    let specials = [
        (page.t("prefer-not-to-say"), shown[counts.rows.len() + 1]),
        (
            page.t("diversity-not-answered"),
            shown[counts.rows.len() + 2],
        ),
    ];
    for (label, cell) in specials {
        rows.push(RowView {
            label,
            people: people_text(page, cell),
            panel_share: suppression::share_tenths(cell, total)
                .map(|s| format!("{}%", tenths(s)))
                .unwrap_or_else(|| page.t("diversity-not-shown")),
            population: page.t("diversity-no-figure"),
            is_group: false,
            in_group: false,
            suppressed: cell.is_suppressed(),
        });
    }
    QuestionView {
        code: question.code.clone(),
        text: question.text(locale).to_owned(),
        multiple: question.multiple,
        chart: chart(page, &question.code, question.text(locale), &chart_rows),
        rows,
    }
}

pub async fn show(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    Query(query): Query<DiversityQuery>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let panels = crate::register::panels::panels_of(&mut ex, org_id).await?;
    let chosen = match query
        .panel
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(id) => {
            let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
            Some(
                panels
                    .iter()
                    .find(|p| p.id == id)
                    .ok_or(AppError::NotFound)?,
            )
        }
    };
    let scope = Scope {
        organisation: org_id,
        panel: chosen.map(|p| p.id),
    };
    let asked = questions::list(&mut ex, org_id, false).await?;
    let benchmarks = benchmarks::list(&mut ex, org_id).await?;
    let total_people = active_members(&mut ex, scope).await?;
    let by_token = people_by_token(&mut ex, scope).await?;
    let every_token: Vec<Vec<u8>> = asked
        .iter()
        .flat_map(|q| tokens(&state.keys, &q.code, &every_code(q)))
        .collect();
    let answered = suppression::protect_one(people_with_any(&mut ex, scope, &every_token).await?);
    let total = suppression::protect_one(total_people);
    let mut missing = Vec::new();
    let mut views = Vec::new();
    if !total.is_suppressed() {
        for question in &asked {
            let counts = count_question(
                &mut ex,
                &state.keys,
                scope,
                question,
                &by_token,
                total_people,
                page.locale(),
            )
            .await?;
            views.push(question_view(
                &page,
                question,
                &counts,
                total,
                &benchmarks,
                &mut missing,
            ));
        }
    }
    let mut panel_choices = vec![Choice::new(
        "",
        page.t("diversity-all-panels"),
        chosen.is_none(),
    )];
    panel_choices.extend(panels.iter().map(|p| {
        Choice::new(
            p.id.to_string(),
            p.name.clone(),
            chosen.is_some_and(|c| c.id == p.id),
        )
    }));
    render(DiversityPage {
        total: people_text(&page, total),
        answered: people_text(&page, answered),
        too_few: total.is_suppressed(),
        has_benchmarks: !benchmarks.is_empty(),
        can_manage: allowed(&page, org_id, Permission::ManageQuestions),
        panel_name: chosen.map(|p| p.name.clone()),
        panels: panel_choices,
        page,
        organisation,
        missing,
        questions: views,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_means_under_half_the_population_share_or_too_few_to_show() {
        // Population 4.0%: a panel share of 1.9% is missing, 2.0% is not.
        assert!(is_missing(Some(19), 400));
        assert!(!is_missing(Some(20), 400));
        assert!(is_missing(None, 400));
        // Below 1% of the population is not listed, even with nobody on the panel.
        assert!(!is_missing(None, 99));
        assert!(is_missing(None, 100));
    }

    #[test]
    fn long_labels_wrap_on_words() {
        assert_eq!(
            wrap("Black, Black British, Caribbean or African", 20),
            vec!["Black, Black", "British, Caribbean", "or African"]
        );
    }
}
