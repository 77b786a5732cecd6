//! Audit log pages: one organisation's entries, or the whole site's for site administrators.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::pages::load;
use crate::audit::{self, Action, AuditRow};
use crate::i18n::Arg;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::dates::format_date_time;
use crate::web::{AppResult, Page, render};

pub const PAGE_SIZE: i64 = 50;

pub struct LogLine {
    pub seq: i64,
    pub when: String,
    pub action: String,
    pub target: String,
    pub actor: String,
}

#[derive(Template)]
#[template(path = "organisations/templates/audit_log.html")]
struct LogPage {
    page: Page,
    heading: String,
    caption: Option<String>,
    count_text: String,
    lines: Vec<LogLine>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct Paging {
    page: Option<i64>,
}

fn line(page: &Page, row: AuditRow) -> LogLine {
    // Entries from before an action was renamed keep their stored code.
    let action = Action::parse(&row.action)
        .map(|action| page.t(action.label_key()))
        .unwrap_or(row.action.clone());
    LogLine {
        seq: row.seq,
        when: format_date_time(row.at, page.locale()),
        action,
        target: format!("{} {}", row.target_type, row.target_id),
        actor: row
            .actor_account_id
            .map(|a| a.to_string())
            .unwrap_or_else(|| page.t("audit-actor-system")),
    }
}

async fn show(
    state: AppState,
    page: Page,
    organisation: Option<Uuid>,
    base: String,
    heading: String,
    caption: Option<String>,
    paging: Paging,
) -> AppResult {
    let number = paging.page.unwrap_or(1).max(1);
    let mut conn = state.db.acquire().await?;
    let total = audit::count(&mut conn.ex(), organisation).await?;
    let rows = audit::list(
        &mut conn.ex(),
        organisation,
        PAGE_SIZE,
        (number - 1) * PAGE_SIZE,
    )
    .await?;
    let lines = rows.into_iter().map(|r| line(&page, r)).collect();
    let count_text = page.t_args("audit-entry-count", &[("count", Arg::Number(total))]);
    let previous = (number > 1).then(|| format!("{base}?page={}", number - 1));
    let next = (number * PAGE_SIZE < total).then(|| format!("{base}?page={}", number + 1));
    render(LogPage {
        page,
        heading,
        caption,
        count_text,
        lines,
        previous,
        next,
    })
}

pub async fn organisation_log(
    State(state): State<AppState>,
    page: Page,
    Ids(org_id): Ids<Uuid>,
    Query(paging): Query<Paging>,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let heading = page.t("audit-title");
    show(
        state,
        page,
        Some(org_id),
        format!("/organisations/{org_id}/audit"),
        heading,
        Some(organisation.name),
        paging,
    )
    .await
}

pub async fn site_log(
    State(state): State<AppState>,
    page: Page,
    Query(paging): Query<Paging>,
) -> AppResult {
    let heading = page.t("audit-site-title");
    show(state, page, None, "/audit".into(), heading, None, paging).await
}
