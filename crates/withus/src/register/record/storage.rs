//! Storage of what the record gathers besides the person's row: involvement and follow-up tasks.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;
use crate::on;

// --- Involvement ---------------------------------------------------------------------------------

/// Records that a person took part in something, and moves their "last involved" date on.
pub async fn record_involvement(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
    description: &str,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO involvements (id, person_id, organisation_id, description, occurred_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Uuid::now_v7())
    .bind(person)
    .bind(organisation)
    .bind(description)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE people SET last_involved_at = $2 WHERE id = $1 AND (last_involved_at IS NULL OR last_involved_at < $2)",
    )
    .bind(person)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    // The third-last time answers "three times or more since" from the people list's index.
    on!(ex.re(), c => sqlx::query(
        "UPDATE people SET third_last_involved_at = (SELECT i.occurred_at FROM involvements i WHERE i.person_id = $1 \
         ORDER BY i.occurred_at DESC LIMIT 1 OFFSET 2) WHERE id = $1",
    )
    .bind(person)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvolvementRow {
    pub description: String,
    pub organisation_name: String,
    pub occurred_at: OffsetDateTime,
}

pub async fn involvements_of(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<InvolvementRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT i.description, o.name AS organisation_name, i.occurred_at FROM involvements i \
         JOIN organisations o ON o.id = i.organisation_id WHERE i.person_id = $1 ORDER BY i.occurred_at DESC",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

// --- Follow-ups ----------------------------------------------------------------------------------

pub async fn create_follow_up(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    person: Uuid,
    kind: &str,
) -> Result<(), sqlx::Error> {
    let open: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM follow_ups WHERE organisation_id = $1 AND person_id = $2 AND kind = $3 AND done_at IS NULL",
    )
    .bind(organisation)
    .bind(person)
    .bind(kind)
    .fetch_one(c)
    .await)?;
    if open > 0 {
        return Ok(());
    }
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO follow_ups (id, organisation_id, person_id, kind, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Uuid::now_v7())
    .bind(organisation)
    .bind(person)
    .bind(kind)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUpRow {
    pub id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub kind: String,
    pub created_at: OffsetDateTime,
}

pub async fn open_follow_ups(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<FollowUpRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT f.id, f.person_id, p.display_name, f.kind, f.created_at FROM follow_ups f JOIN people p ON p.id = f.person_id \
         WHERE f.organisation_id = $1 AND f.done_at IS NULL ORDER BY f.created_at",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

pub async fn close_follow_up(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
    by: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE follow_ups SET done_at = $3, done_by = $4 WHERE id = $1 AND organisation_id = $2 AND done_at IS NULL",
    )
    .bind(id)
    .bind(organisation)
    .bind(crate::db::now())
    .bind(by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}
