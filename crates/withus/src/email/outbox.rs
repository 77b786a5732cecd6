//! The outbox table: enqueue inside a transaction, claim with a lease, record the outcome.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::{Db, Ex};
use crate::on;

/// An email to send, already in the recipient's language.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// What an email may carry besides its plain text: an HTML alternative and attached files.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// The same words as HTML, for people who asked for large print.
    pub html: Option<String>,
    pub attachments: Vec<Attachment>,
    /// For notices a person may decline: where one-click unsubscribe goes (RFC 8058).
    pub unsubscribe_url: Option<String>,
}

/// A file sent with an email.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Attachment {
    pub filename: String,
    pub content_type: String,
    pub content: Vec<u8>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: Uuid,
    pub to_address: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub unsubscribe_url: Option<String>,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
    pub sent_at: Option<OffsetDateTime>,
}

pub use crate::db::retry::{LEASE, MAX_ATTEMPTS, backoff};

pub async fn enqueue(ex: &mut Ex<'_>, email: OutgoingEmail) -> Result<Uuid, sqlx::Error> {
    enqueue_with(ex, email, Extras::default()).await
}

/// Queues an email with an HTML alternative and attachments, all in the caller's transaction.
pub async fn enqueue_with(
    ex: &mut Ex<'_>,
    email: OutgoingEmail,
    extras: Extras,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO outbox (id, to_address, subject, body_text, body_html, unsubscribe_url, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $7, 'pending', 0, $6, $6)",
    )
    .bind(id)
    .bind(&email.to)
    .bind(&email.subject)
    .bind(&email.body)
    .bind(extras.html.as_deref())
    .bind(now)
    .bind(extras.unsubscribe_url.as_deref())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    for (position, file) in extras.attachments.iter().enumerate() {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO outbox_attachments (outbox_id, position, filename, content_type, content) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i32)
        .bind(&file.filename)
        .bind(&file.content_type)
        .bind(&file.content)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

/// The files attached to an email, in order.
pub async fn attachments(ex: &mut Ex<'_>, id: Uuid) -> Result<Vec<Attachment>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT filename, content_type, content FROM outbox_attachments WHERE outbox_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(c)
    .await)
}

/// Claims up to `limit` due rows for this worker until the lease ends.
pub async fn claim(db: &Db, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
    let now = crate::db::now();
    let lease_end = now + LEASE;
    const COLUMNS: &str = "id, to_address, subject, body_text, body_html, unsubscribe_url, status, attempts, last_error, created_at, sent_at";
    match db {
        // SKIP LOCKED lets several instances claim disjoint rows at once.
        Db::Postgres(pool) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 WHERE id IN ( \
                   SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
                   AND (locked_until IS NULL OR locked_until < $2) ORDER BY next_attempt_at LIMIT $3 \
                   FOR UPDATE SKIP LOCKED) RETURNING {COLUMNS}"
            )))
            .bind(lease_end)
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
        }
        // SQLite has one writer at a time, so the statement is already exclusive.
        Db::Sqlite(pool, ..) => {
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 WHERE id IN ( \
                   SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
                   AND (locked_until IS NULL OR locked_until < $2) ORDER BY next_attempt_at LIMIT $3) \
                 RETURNING {COLUMNS}"
            )))
            .bind(lease_end)
            .bind(now)
            .bind(limit)
            .fetch_all(pool)
            .await
        }
    }
}

pub async fn mark_sent(db: &Db, id: Uuid) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    on!(conn.ex(), c => sqlx::query("UPDATE outbox SET status = 'sent', sent_at = $1, locked_until = NULL, last_error = NULL WHERE id = $2")
        .bind(crate::db::now())
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Records a failed attempt and schedules the next one with exponential back-off.
pub async fn mark_failed(db: &Db, id: Uuid, attempts: i32, error: &str) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    let (status, next) = if attempts >= MAX_ATTEMPTS {
        ("failed", now)
    } else {
        ("pending", now + backoff(attempts))
    };
    let mut conn = db.acquire().await?;
    on!(conn.ex(), c => sqlx::query("UPDATE outbox SET status = $1, next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = $4")
        .bind(status)
        .bind(next)
        .bind(error)
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn list_recent(ex: &mut Ex<'_>, limit: i64) -> Result<Vec<OutboxRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, to_address, subject, body_text, body_html, unsubscribe_url, status, attempts, last_error, created_at, sent_at \
         FROM outbox ORDER BY created_at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await)
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<OutboxRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, to_address, subject, body_text, body_html, unsubscribe_url, status, attempts, last_error, created_at, sent_at FROM outbox WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)
}
