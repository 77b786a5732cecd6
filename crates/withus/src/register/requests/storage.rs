//! Storage of data-rights requests: one row per organisation that must answer the request.

use time::OffsetDateTime;
use uuid::Uuid;

use super::NewRequest;
use crate::db::Ex;
use crate::on;
use crate::register::domain::{Channel, RequestKind, RequestStatus};

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct RequestRow {
    pub(super) id: Uuid,
    pub(super) person_id: Option<Uuid>,
    pub(super) person_label: String,
    pub(super) kind: RequestKind,
    pub(super) channel: Channel,
    pub(super) received_at: OffsetDateTime,
    pub(super) due_at: OffsetDateTime,
    pub(super) status: RequestStatus,
    pub(super) completed_at: Option<OffsetDateTime>,
}

const REQUEST_COLUMNS: &str =
    "id, person_id, person_label, kind, channel, received_at, due_at, status, completed_at";

pub(super) async fn insert(
    ex: &mut Ex<'_>,
    id: Uuid,
    request: &NewRequest<'_>,
    due_at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO data_requests (id, organisation_id, person_id, person_label, kind, channel, received_at, due_at, status, notes, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(request.organisation)
    .bind(request.person)
    .bind(request.person_label)
    .bind(request.kind.as_str())
    .bind(request.channel.as_str())
    .bind(request.received_at)
    .bind(due_at)
    .bind(RequestStatus::Open.as_str())
    .bind(request.notes)
    .bind(request.recorded_by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The person's requests that are still open, oldest first.
pub(super) async fn open_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<RequestRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE person_id = $1 AND status = $2 ORDER BY received_at"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(person)
        .bind(RequestStatus::Open.as_str())
        .fetch_all(c)
        .await)
}

/// The organisation's requests, open ones first, each by its deadline.
pub(super) async fn of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<RequestRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE organisation_id = $1 ORDER BY status DESC, due_at"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_all(c).await)
}

pub(super) async fn find_in_organisation(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
) -> Result<Option<RequestRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE id = $1 AND organisation_id = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(organisation).fetch_optional(c).await)
}

/// Blanks the person's name on every organisation's copy of their requests.
pub(super) async fn forget_person_label(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE data_requests SET person_label = $2 WHERE person_id = $1")
        .bind(person)
        .bind("")
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(super) async fn mark_completed(
    ex: &mut Ex<'_>,
    id: Uuid,
    by: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE data_requests SET status = $2, completed_at = $3, completed_by = $4 WHERE id = $1")
        .bind(id)
        .bind(RequestStatus::Completed.as_str())
        .bind(crate::db::now())
        .bind(by)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}
