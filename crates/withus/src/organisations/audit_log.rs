//! Audit log pages: one organisation's entries, or the whole site's for site administrators.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::pages::load;
use crate::audit::{self, AuditRow};
use crate::i18n::Arg;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::dates::format_date_time;
use crate::web::{AppResult, Page, render};

pub const PAGE_SIZE: i64 = 50;

/// Every action the log can hold, with its label's message key.
pub const ACTIONS: &[(&str, &str)] = &[
    ("session.started", "audit-action-session-started"),
    ("session.ended", "audit-action-session-ended"),
    (
        "password_reset.requested",
        "audit-action-password-reset-requested",
    ),
    (
        "password_reset.completed",
        "audit-action-password-reset-completed",
    ),
    ("account.created", "audit-action-account-created"),
    (
        "account.password_changed",
        "audit-action-account-password-changed",
    ),
    (
        "account.support_needs_changed",
        "audit-action-account-support-needs-changed",
    ),
    (
        "account.language_changed",
        "audit-action-account-language-changed",
    ),
    ("organisation.created", "audit-action-organisation-created"),
    ("membership.created", "audit-action-membership-created"),
    ("invitation.created", "audit-action-invitation-created"),
    ("keys.rotated", "audit-action-keys-rotated"),
    ("demo.loaded", "audit-action-demo-loaded"),
    // Panel register.
    ("panel.created", "audit-action-panel-created"),
    ("person.added", "audit-action-person-added"),
    ("person.joined_panel", "audit-action-person-joined-panel"),
    (
        "person.details_changed",
        "audit-action-person-details-changed",
    ),
    (
        "person.access_needs_changed",
        "audit-action-person-access-needs-changed",
    ),
    (
        "person.monitoring_changed",
        "audit-action-person-monitoring-changed",
    ),
    (
        "person.preferences_changed",
        "audit-action-person-preferences-changed",
    ),
    (
        "person.panel_status_changed",
        "audit-action-person-panel-status-changed",
    ),
    (
        "person.data_downloaded",
        "audit-action-person-data-downloaded",
    ),
    ("consent.given", "audit-action-consent-given"),
    ("consent.withdrawn", "audit-action-consent-withdrawn"),
    (
        "data_request.recorded",
        "audit-action-data-request-recorded",
    ),
    (
        "data_request.completed",
        "audit-action-data-request-completed",
    ),
    ("follow_up.done", "audit-action-follow-up-done"),
    ("import.uploaded", "audit-action-import-uploaded"),
    ("import.mapped", "audit-action-import-mapped"),
    ("import.completed", "audit-action-import-completed"),
    ("import.expired", "audit-action-import-expired"),
    // Monitoring questions and population benchmarks.
    ("question.created", "audit-action-question-created"),
    ("question.updated", "audit-action-question-updated"),
    ("benchmarks.updated", "audit-action-benchmarks-updated"),
    (
        "benchmarks.defaults_loaded",
        "audit-action-benchmarks-defaults-loaded",
    ),
    (
        "demo.people_generated",
        "audit-action-demo-people-generated",
    ),
    ("register.exported", "audit-action-register-exported"),
    // Choosing working groups fairly.
    ("selection.created", "audit-action-selection-created"),
    (
        "selection.quotas_saved",
        "audit-action-selection-quotas-saved",
    ),
    ("selection.computed", "audit-action-selection-computed"),
    ("selection.published", "audit-action-selection-published"),
    ("selection.drawn", "audit-action-selection-drawn"),
    ("selection.invited", "audit-action-selection-invited"),
    // Engagements and their commitments.
    ("engagement.created", "audit-action-engagement-created"),
    ("engagement.updated", "audit-action-engagement-updated"),
    ("engagement.published", "audit-action-engagement-published"),
    (
        "engagement.unpublished",
        "audit-action-engagement-unpublished",
    ),
    (
        "engagement.labels_chosen",
        "audit-action-engagement-labels-chosen",
    ),
    ("commitment.added", "audit-action-commitment-added"),
    ("commitment.updated", "audit-action-commitment-updated"),
    (
        "commitment.status_changed",
        "audit-action-commitment-status-changed",
    ),
    // Papers of engagements and events.
    ("paper.added", "audit-action-paper-added"),
    ("paper.updated", "audit-action-paper-updated"),
    ("paper.published", "audit-action-paper-published"),
    ("paper.unpublished", "audit-action-paper-unpublished"),
    ("paper.deleted", "audit-action-paper-deleted"),
    // Venues, events, invitations, bookings and attendance.
    ("venue.created", "audit-action-venue-created"),
    ("venue.updated", "audit-action-venue-updated"),
    ("event.created", "audit-action-event-created"),
    ("event.invited", "audit-action-event-invited"),
    ("event.booked", "audit-action-event-booked"),
    (
        "event.booking_changed",
        "audit-action-event-booking-changed",
    ),
    (
        "event.booking_cancelled",
        "audit-action-event-booking-cancelled",
    ),
    ("event.offer_accepted", "audit-action-event-offer-accepted"),
    (
        "event.attendance_recorded",
        "audit-action-event-attendance-recorded",
    ),
    // The access plan of an event.
    (
        "event.plan_item_updated",
        "audit-action-event-plan-item-updated",
    ),
    (
        "event.plan_people_told",
        "audit-action-event-plan-people-told",
    ),
    ("event.marked_ready", "audit-action-event-marked-ready"),
    // Organisers changing and cancelling events; reminders.
    ("event.updated", "audit-action-event-updated"),
    ("event.cancelled", "audit-action-event-cancelled"),
    ("event.reminder_sent", "audit-action-event-reminder-sent"),
];

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
    let action = ACTIONS
        .iter()
        .find(|(code, _)| *code == row.action)
        .map(|(_, key)| page.t(key))
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
