//! The open data: the public figures and the recommendations with their histories, as CSV and
//! JSON, filtered by `modified_since`; and the daily snapshots. Every file's fields are those listed
//! in [`super::readme`], in that order.

use askama::Template;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::readme::{FIGURE, HISTORY, MILESTONE, RECOMMENDATION};
use super::{Board, load, storage};
use crate::engagements::views::today;
use crate::i18n::Locale;
use crate::recommendations::{HistoryRow, MilestoneRow, PublicRecommendation, changed_since};
use crate::state::AppState;
use crate::web::csv::Csv;
use crate::web::page::render_status;
use crate::web::{AppError, AppResult, Ids, Page};

/// One value of a row, written as CSV text or as the matching JSON type.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Text(String),
    Number(i64),
    Flag(bool),
    Empty,
}

impl Cell {
    fn text(value: &str) -> Cell {
        Cell::Text(value.to_owned())
    }

    fn date(value: Option<Date>) -> Cell {
        value.map_or(Cell::Empty, |d| Cell::Text(d.to_string()))
    }

    fn instant(value: OffsetDateTime) -> Cell {
        Cell::Text(instant(value))
    }

    fn count(value: usize) -> Cell {
        Cell::Number(value as i64)
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Flag(flag) => flag.to_string(),
            Cell::Empty => String::new(),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Text(text) => Value::String(text.clone()),
            Cell::Number(n) => json!(n),
            Cell::Flag(flag) => Value::Bool(*flag),
            Cell::Empty => Value::Null,
        }
    }
}

fn instant(at: OffsetDateTime) -> String {
    at.format(&Rfc3339).unwrap_or_default()
}

fn object(names: &[&str], cells: Vec<Cell>) -> Map<String, Value> {
    names
        .iter()
        .zip(cells)
        .map(|(name, cell)| ((*name).to_owned(), cell.json()))
        .collect()
}

fn figure_cells(board: &Board) -> Vec<Vec<Cell>> {
    board
        .figures
        .iter()
        .map(|f| {
            vec![
                Cell::text(&f.id),
                Cell::text(f.section.as_str()),
                Cell::Text(Locale::En.t(&f.label_key())),
                f.value.map_or(Cell::Empty, Cell::Number),
                Cell::Text(Locale::En.t(&f.definition_key())),
            ]
        })
        .collect()
}

fn recommendation_cells(r: &PublicRecommendation) -> Vec<Cell> {
    let row = &r.row;
    let tally = r.standing.tally;
    vec![
        Cell::Text(row.id.to_string()),
        Cell::text(&r.engagement_title),
        Cell::Number(i64::from(row.number)),
        Cell::text(&row.title_en),
        Cell::text(&row.addressed_to),
        Cell::text(&row.owner_organisation),
        Cell::text(&row.owner_role),
        Cell::date(Some(row.due_on)),
        Cell::text(row.priority.as_str()),
        Cell::text(row.decision.as_str()),
        Cell::text(&row.decision_note),
        Cell::text(row.delivery.as_str()),
        Cell::date(row.implemented_on),
        Cell::Flag(r.standing.overdue),
        Cell::text(r.standing.verification.as_str()),
        Cell::count(tally.asked),
        Cell::count(tally.yes),
        Cell::count(tally.partly),
        Cell::count(tally.no),
        Cell::instant(row.modified_at),
    ]
}

/// A history line; nested in a recommendation it leaves out the recommendation's id.
fn history_cells(h: &HistoryRow, with_id: bool) -> Vec<Cell> {
    let mut cells = Vec::new();
    if with_id {
        cells.push(Cell::Text(h.recommendation_id.to_string()));
    }
    cells.extend([
        Cell::instant(h.changed_at),
        Cell::text(h.kind.as_str()),
        Cell::text(h.decision.as_str()),
        Cell::text(h.delivery.as_str()),
        Cell::text(&h.detail),
    ]);
    cells
}

fn milestone_cells(m: &MilestoneRow) -> Vec<Cell> {
    vec![
        Cell::text(&m.title),
        Cell::date(Some(m.due_on)),
        Cell::date(m.done_on),
        Cell::text(&m.evidence_note),
        Cell::text(&m.evidence_link),
    ]
}

fn csv_of(names: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> Csv {
    let mut csv = Csv::new();
    csv.line(names.iter().copied());
    for row in rows {
        csv.line(row.iter().map(Cell::csv));
    }
    csv
}

fn json_response(value: &Value) -> Response {
    json_text(serde_json::to_string_pretty(value).unwrap_or_default())
}

fn json_text(text: String) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        text,
    )
        .into_response()
}

/// The figures as the JSON download and the snapshots write them.
pub(super) fn figures_value(board: &Board, day: Date) -> Value {
    let figures: Vec<Value> = figure_cells(board)
        .into_iter()
        .map(|cells| Value::Object(object(FIGURE.names, cells)))
        .collect();
    json!({
        "organisation_id": board.organisation.id.to_string(),
        "organisation": board.organisation.name,
        "day": day.to_string(),
        "figures": figures,
    })
}

pub(super) fn figures_document(board: &Board, day: Date) -> String {
    serde_json::to_string_pretty(&figures_value(board, day)).unwrap_or_default()
}

fn file_name(board: &Board, name: &str) -> String {
    format!("{}-{name}", board.organisation.id)
}

pub async fn figures_csv(State(state): State<AppState>, Ids(organisation): Ids<Uuid>) -> AppResult {
    let board = load(&state, organisation).await?;
    Ok(csv_of(FIGURE.names, figure_cells(&board)).into_response(&file_name(&board, "figures.csv")))
}

pub async fn figures_json(
    State(state): State<AppState>,
    Ids(organisation): Ids<Uuid>,
) -> AppResult {
    let board = load(&state, organisation).await?;
    Ok(json_text(figures_document(&board, today())))
}

/// An RFC 3339 instant, or a day (from its start, UTC).
pub fn parse_since(text: &str) -> Option<OffsetDateTime> {
    let text = text.trim();
    if let Ok(at) = OffsetDateTime::parse(text, &Rfc3339) {
        return Some(at);
    }
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .ok()
        .map(|day| day.midnight().assume_utc())
}

#[derive(Template)]
#[template(path = "accountability/templates/problem.html")]
struct Problem {
    page: Page,
    title_key: &'static str,
    body_key: &'static str,
    back: String,
}

/// A page saying plainly what was wrong, with the status it deserves.
pub(super) fn problem(
    page: Page,
    status: StatusCode,
    organisation: Uuid,
    title_key: &'static str,
    body_key: &'static str,
) -> AppResult {
    render_status(
        status,
        Problem {
            page,
            title_key,
            body_key,
            back: format!("/accountability/{organisation}/data"),
        },
    )
}

#[derive(Deserialize)]
struct Since {
    modified_since: Option<String>,
}

/// The organisation in the path with its recommendations changed (or whose history changed) at or
/// after `?modified_since=`, their histories and milestones. A filter that cannot be read is
/// refused with a page saying which forms are accepted.
pub struct Filtered {
    board: Board,
    since: Option<OffsetDateTime>,
    chosen: Vec<Uuid>,
    history: Vec<HistoryRow>,
    milestones: Vec<MilestoneRow>,
}

impl FromRequestParts<AppState> for Filtered {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ids(organisation) = Ids::<Uuid>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let Query(query) = Query::<Since>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let since = match query.modified_since.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => match parse_since(text) {
                Some(at) => Some(at),
                None => {
                    let page = Page::from_request_parts(parts, state)
                        .await
                        .map_err(IntoResponse::into_response)?;
                    return Err(problem(
                        page,
                        StatusCode::BAD_REQUEST,
                        organisation,
                        "accountability-since-problem-title",
                        "accountability-since-problem-body",
                    )
                    .into_response());
                }
            },
        };
        Filtered::load(state, organisation, since)
            .await
            .map_err(IntoResponse::into_response)
    }
}

impl Filtered {
    async fn load(
        state: &AppState,
        organisation: Uuid,
        since: Option<OffsetDateTime>,
    ) -> Result<Filtered, AppError> {
        let board = load(state, organisation).await?;
        let mut conn = state.db.acquire().await?;
        let history =
            crate::recommendations::history_of_organisation(&mut conn.ex(), organisation).await?;
        let milestones =
            crate::recommendations::milestones_of_organisation(&mut conn.ex(), organisation)
                .await?;
        let chosen = board
            .recommendations
            .iter()
            .filter(|r| {
                changed_since(r.row.modified_at, since)
                    || history.iter().any(|h| {
                        h.recommendation_id == r.row.id && changed_since(h.changed_at, since)
                    })
            })
            .map(|r| r.row.id)
            .collect();
        Ok(Filtered {
            board,
            since,
            chosen,
            history,
            milestones,
        })
    }

    fn recommendations(&self) -> impl Iterator<Item = &PublicRecommendation> {
        self.board
            .recommendations
            .iter()
            .filter(|r| self.chosen.contains(&r.row.id))
    }

    fn download(
        &self,
        names: &[&str],
        rows: impl IntoIterator<Item = Vec<Cell>>,
        name: &str,
    ) -> Response {
        csv_of(names, rows).into_response(&file_name(&self.board, name))
    }
}

pub async fn recommendations_csv(filtered: Filtered) -> Response {
    let rows = filtered.recommendations().map(recommendation_cells);
    filtered.download(RECOMMENDATION.names, rows, "recommendations.csv")
}

pub async fn recommendations_json(filtered: Filtered) -> Response {
    let nested_history = &HISTORY.names[1..];
    let recommendations: Vec<Value> = filtered
        .recommendations()
        .map(|r| {
            let mut fields = object(RECOMMENDATION.names, recommendation_cells(r));
            let history: Vec<Value> = filtered
                .history
                .iter()
                .filter(|h| h.recommendation_id == r.row.id)
                .map(|h| Value::Object(object(nested_history, history_cells(h, false))))
                .collect();
            let milestones: Vec<Value> = filtered
                .milestones
                .iter()
                .filter(|m| m.recommendation_id == r.row.id)
                .map(|m| Value::Object(object(MILESTONE.names, milestone_cells(m))))
                .collect();
            fields.insert("history".into(), Value::Array(history));
            fields.insert("milestones".into(), Value::Array(milestones));
            Value::Object(fields)
        })
        .collect();
    json_response(&json!({
        "organisation_id": filtered.board.organisation.id.to_string(),
        "organisation": filtered.board.organisation.name,
        "modified_since": filtered.since.map(instant),
        "recommendations": recommendations,
    }))
}

pub async fn history_csv(filtered: Filtered) -> Response {
    let rows = filtered
        .history
        .iter()
        .filter(|h| changed_since(h.changed_at, filtered.since))
        .map(|h| history_cells(h, true));
    filtered.download(HISTORY.names, rows, "recommendation-history.csv")
}

/// `snapshots/2026-12-01.json` or `snapshots/latest.json`.
pub async fn snapshot(
    State(state): State<AppState>,
    Ids((organisation, file)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Some(name) = file.strip_suffix(".json") else {
        return Err(AppError::NotFound);
    };
    let day = match name {
        "latest" => None,
        day => Some(
            Date::parse(day, format_description!("[year]-[month]-[day]"))
                .map_err(|_| AppError::NotFound)?,
        ),
    };
    let mut conn = state.db.acquire().await?;
    crate::organisations::find(&mut conn.ex(), organisation)
        .await?
        .ok_or(AppError::NotFound)?;
    let kept = match day {
        Some(day) => storage::snapshot_on(&mut conn.ex(), organisation, day).await?,
        None => storage::latest_snapshot(&mut conn.ex(), organisation).await?,
    };
    drop(conn);
    match kept {
        Some(text) => Ok(json_text(text)),
        None => problem(
            page,
            StatusCode::NOT_FOUND,
            organisation,
            "accountability-snapshot-missing-title",
            "accountability-snapshot-missing-body",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_an_instant_or_a_day() {
        assert_eq!(
            parse_since("2026-12-01T09:30:00Z"),
            Some(time::macros::datetime!(2026-12-01 09:30 UTC))
        );
        assert_eq!(
            parse_since("2026-12-01"),
            Some(time::macros::datetime!(2026-12-01 00:00 UTC))
        );
        assert_eq!(parse_since("yesterday"), None);
        assert_eq!(parse_since("2026-13-01"), None);
    }

    #[test]
    fn every_cell_has_its_field() {
        let names = |cells: Vec<Cell>| cells.len();
        let history = HistoryRow {
            recommendation_id: Uuid::nil(),
            changed_at: OffsetDateTime::UNIX_EPOCH,
            kind: crate::recommendations::Change::Proposed,
            decision: crate::recommendations::Decision::Proposed,
            delivery: crate::recommendations::Delivery::NotStarted,
            detail: String::new(),
        };
        assert_eq!(names(history_cells(&history, true)), HISTORY.names.len());
        assert_eq!(
            names(history_cells(&history, false)),
            HISTORY.names.len() - 1
        );
    }
}
