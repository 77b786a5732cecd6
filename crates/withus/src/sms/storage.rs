//! The text message outbox: enqueue in a transaction, claim with a lease, record the outcome.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::retry::{LEASE, MAX_ATTEMPTS, backoff};
use crate::db::{Db, Ex};
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SmsRow {
    pub id: Uuid,
    pub to_number: String,
    pub body: String,
    pub status: String,
    pub attempts: i32,
    pub provider_id: Option<String>,
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str = "id, to_number, body, status, attempts, provider_id, last_error, created_at";

/// Queues a text message in the caller's transaction; its id.
pub async fn enqueue(ex: &mut Ex<'_>, to: &str, body: &str) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO sms_outbox (id, to_number, body, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, 'pending', 0, $4, $4)",
    )
    .bind(id)
    .bind(to)
    .bind(body)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<SmsRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM sms_outbox WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// Claims up to `limit` due messages for this worker until the lease ends.
pub async fn claim(db: &Db, limit: i64) -> Result<Vec<SmsRow>, sqlx::Error> {
    let now = crate::db::now();
    let skip_locked = match db {
        Db::Postgres(_) => " FOR UPDATE SKIP LOCKED",
        Db::Sqlite(..) => "",
    };
    let sql = format!(
        "UPDATE sms_outbox SET locked_until = $1, attempts = attempts + 1 WHERE id IN ( \
           SELECT id FROM sms_outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
           AND (locked_until IS NULL OR locked_until < $2) ORDER BY next_attempt_at LIMIT $3{skip_locked}) \
         RETURNING {COLUMNS}"
    );
    let mut conn = db.acquire().await?;
    on!(conn.ex(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(now + LEASE)
        .bind(now)
        .bind(limit)
        .fetch_all(c)
        .await)
}

pub(super) async fn mark_sent(db: &Db, id: Uuid, provider_id: &str) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    on!(conn.ex(), c => sqlx::query(
        "UPDATE sms_outbox SET status = 'sent', sent_at = $1, provider_id = $2, locked_until = NULL, last_error = NULL WHERE id = $3",
    )
    .bind(crate::db::now())
    .bind(provider_id)
    .bind(id)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failed attempt: tried again with back-off, failed for good after the last attempt.
pub(super) async fn mark_failed(
    db: &Db,
    id: Uuid,
    attempts: i32,
    error: &str,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    let (status, next) = if attempts >= MAX_ATTEMPTS {
        ("failed", now)
    } else {
        ("pending", now + backoff(attempts))
    };
    let mut conn = db.acquire().await?;
    on!(conn.ex(), c => sqlx::query(
        "UPDATE sms_outbox SET status = $1, next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = $4",
    )
    .bind(status)
    .bind(next)
    .bind(error)
    .bind(id)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A provider's delivery receipt for its message `provider_id`: delivered, or failed with the
/// reason it gave. False when no message has that id.
pub async fn record_receipt(
    ex: &mut Ex<'_>,
    provider_id: &str,
    delivered: bool,
    reason: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let (status, at): (&str, Option<OffsetDateTime>) = if delivered {
        ("delivered", Some(crate::db::now()))
    } else {
        ("failed", None)
    };
    let changed = on!(ex.re(), c => sqlx::query(
        "UPDATE sms_outbox SET status = $1, delivered_at = $2, last_error = COALESCE($3, last_error) WHERE provider_id = $4",
    )
    .bind(status)
    .bind(at)
    .bind(reason)
    .bind(provider_id)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}
