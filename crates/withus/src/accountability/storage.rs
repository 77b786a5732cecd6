//! Accountability storage: the daily snapshots of each organisation's public figures.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use crate::db::Ex;
use crate::on;

/// Keeps the day's figures; a day already kept is left as it was. Whether this call kept them.
pub async fn insert_snapshot(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    day: Date,
    figures: &str,
    taken_at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO accountability_snapshots (organisation_id, day, figures, taken_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(organisation)
    .bind(day)
    .bind(figures)
    .bind(taken_at)
    .execute(c)
    .await
    .map(|r| r.rows_affected() > 0))
}

/// The figures kept on `day`.
pub async fn snapshot_on(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    day: Date,
) -> Result<Option<String>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT figures FROM accountability_snapshots WHERE organisation_id = $1 AND day = $2",
    )
    .bind(organisation)
    .bind(day)
    .fetch_optional(c)
    .await)
}

/// The newest figures kept.
pub async fn latest_snapshot(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT figures FROM accountability_snapshots WHERE organisation_id = $1 \
         ORDER BY day DESC LIMIT 1",
    )
    .bind(organisation)
    .fetch_optional(c)
    .await)
}
