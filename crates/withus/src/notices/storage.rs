//! The notifications table: every notice to a person, with its channel and status.

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Channel, NoticeKind};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::on;
use serde::{Deserialize, Serialize};

use crate::vocab::stored_enum;

stored_enum!(
    /// Where a notice is, as GOV.UK Notify would say it.
    Status, "notice-status" {
        Queued => "queued",
        Held => "held",
        InDigest => "in_digest",
        Sent => "sent",
        Delivered => "delivered",
        Failed => "failed",
        ToPrint => "to_print",
        Printed => "printed",
        Posted => "posted",
        ToPhone => "to_phone",
        Phoned => "phoned",
        NeedsContact => "needs_contact",
        Declined => "declined",
    }
);

/// A notification as it is first recorded.
pub(in crate::notices) struct NewNotification<'a> {
    pub id: Uuid,
    pub person: Option<Uuid>,
    pub organisation: Option<Uuid>,
    pub engagement: Option<Uuid>,
    pub kind: NoticeKind,
    pub channel: Channel,
    pub status: Status,
    pub language: Locale,
    pub easy_read: bool,
    pub print_points: Option<u8>,
    pub subject: &'a str,
    pub body: &'a str,
    pub sealed_address: Option<Vec<u8>>,
    pub about: &'a str,
    pub recipient_name: &'a str,
    pub outbox_id: Option<Uuid>,
    pub sms_id: Option<Uuid>,
}

pub(in crate::notices) async fn insert(
    ex: &mut Ex<'_>,
    n: &NewNotification<'_>,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO notifications (id, person_id, organisation_id, engagement_id, kind, channel, status, \
         language, easy_read, print_points, subject, body, sealed_address, about, recipient_name, outbox_id, \
         sms_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)",
    )
    .bind(n.id)
    .bind(n.person)
    .bind(n.organisation)
    .bind(n.engagement)
    .bind(n.kind)
    .bind(n.channel)
    .bind(n.status)
    .bind(n.language.code())
    .bind(n.easy_read)
    .bind(n.print_points.map(i32::from))
    .bind(n.subject)
    .bind(n.body)
    .bind(n.sealed_address.as_deref())
    .bind(n.about)
    .bind(n.recipient_name)
    .bind(n.outbox_id)
    .bind(n.sms_id)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A notification as staff and the person see it, its status brought up to date from the email
/// or text outbox it went through.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: Uuid,
    pub person_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    pub kind: NoticeKind,
    pub channel: Channel,
    pub status: Status,
    pub reason: Option<String>,
    pub language: String,
    pub easy_read: bool,
    pub print_points: Option<i32>,
    pub subject: String,
    pub body: String,
    pub sealed_address: Option<Vec<u8>>,
    pub about: String,
    pub recipient_name: String,
    pub outcome: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub engagement_id: Option<Uuid>,
    /// The email that carried it, if it went by email.
    pub outbox_id: Option<Uuid>,
}

impl NotificationRow {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.language).unwrap_or_default()
    }
}

/// The columns of [`NotificationRow`], the email and text outboxes' outcome standing in for the
/// status while the notice is in one of them.
const ROW: &str = "n.id, n.person_id, n.organisation_id, n.kind, n.channel, \
    CASE WHEN n.status = 'queued' AND o.status = 'sent' THEN 'sent' \
         WHEN n.status = 'queued' AND o.status = 'failed' THEN 'failed' \
         WHEN n.status = 'queued' AND s.status IN ('sent', 'delivered', 'failed') THEN s.status \
         ELSE n.status END AS status, \
    COALESCE(n.reason, CASE WHEN o.status = 'failed' THEN o.last_error WHEN s.status = 'failed' THEN s.last_error END) AS reason, \
    n.language, n.easy_read, n.print_points, n.subject, n.body, n.sealed_address, n.about, n.recipient_name, \
    n.outcome, n.created_at, n.updated_at, n.engagement_id, n.outbox_id";

const FROM: &str = "FROM notifications n LEFT JOIN outbox o ON o.id = n.outbox_id \
    LEFT JOIN sms_outbox s ON s.id = n.sms_id";

/// Everything sent to a person, newest first.
pub async fn history_of(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<NotificationRow>, sqlx::Error> {
    let sql =
        format!("SELECT {ROW} {FROM} WHERE n.person_id = $1 ORDER BY n.created_at DESC, n.id DESC");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(person)
        .fetch_all(c)
        .await)
}

/// One notification, if it was sent by `organisation`.
pub async fn find_from(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
) -> Result<Option<NotificationRow>, sqlx::Error> {
    let sql = format!("SELECT {ROW} {FROM} WHERE n.id = $1 AND n.organisation_id = $2");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .bind(organisation)
        .fetch_optional(c)
        .await)
}

/// What a staff list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffList {
    /// Letters to print, and printed ones still to post.
    Letters,
    /// People to phone.
    Calls,
    /// Failed emails and texts, and people with no working channel.
    Problems,
}

/// An organisation's staff list, oldest first.
pub async fn list_of(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    list: StaffList,
) -> Result<Vec<NotificationRow>, sqlx::Error> {
    let which = match list {
        StaffList::Letters => "n.status IN ('to_print', 'printed')",
        StaffList::Calls => "n.status = 'to_phone'",
        StaffList::Problems => {
            "(n.status = 'needs_contact' OR (n.status = 'queued' AND (o.status = 'failed' OR s.status = 'failed')))"
        }
    };
    let sql = format!(
        "SELECT {ROW} {FROM} WHERE n.organisation_id = $1 AND {which} ORDER BY n.created_at, n.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(organisation)
        .fetch_all(c)
        .await)
}

/// Moves a notification on from one status to the next, with the outcome and who did it; false
/// when it was no longer in `from` (someone else got there first).
pub(in crate::notices) async fn advance(
    ex: &mut Ex<'_>,
    id: Uuid,
    from: &[Status],
    to: Status,
    outcome: Option<&str>,
    by: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    let from: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
    let placeholders: Vec<String> = (0..from.len()).map(|i| format!("${}", i + 6)).collect();
    let sql = format!(
        "UPDATE notifications SET status = $1, outcome = COALESCE($2, outcome), done_by = COALESCE($3, done_by), \
         updated_at = $4 WHERE id = $5 AND status IN ({})",
        placeholders.join(", ")
    );
    let now = crate::db::now();
    let changed = on!(ex.re(), c => {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
            .bind(to)
            .bind(outcome)
            .bind(by)
            .bind(now)
            .bind(id);
        for status in &from {
            q = q.bind(*status);
        }
        q.execute(c).await.map(|r| r.rows_affected())
    })?;
    Ok(changed > 0)
}

/// Points a failed notice at its new email or text message, sent again.
pub(in crate::notices) async fn resent(
    ex: &mut Ex<'_>,
    id: Uuid,
    outbox: Option<Uuid>,
    sms: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE notifications SET outbox_id = COALESCE($2, outbox_id), sms_id = COALESCE($3, sms_id), \
         status = 'queued', reason = NULL, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(outbox)
    .bind(sms)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes every notice to a person, and the text messages that carried them (erasure).
pub(in crate::notices) async fn forget(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM sms_outbox WHERE id IN (SELECT sms_id FROM notifications WHERE person_id = $1)",
    )
    .bind(person)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM notifications WHERE person_id = $1")
        .bind(person)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

// --- Digests ----------------------------------------------------------------------------------------

/// People with notices held for a digest created before `before`.
pub(in crate::notices) async fn people_with_held(
    ex: &mut Ex<'_>,
    before: OffsetDateTime,
) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT DISTINCT person_id FROM notifications WHERE status = 'held' AND person_id IS NOT NULL \
         AND created_at < $1 ORDER BY person_id",
    )
    .bind(before)
    .fetch_all(c)
    .await)
}

/// A person's held notices created before `before`, oldest first.
pub(in crate::notices) async fn held_for(
    ex: &mut Ex<'_>,
    person: Uuid,
    before: OffsetDateTime,
) -> Result<Vec<NotificationRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {ROW} {FROM} WHERE n.person_id = $1 AND n.status = 'held' AND n.created_at < $2 \
         ORDER BY n.created_at, n.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(person)
        .bind(before)
        .fetch_all(c)
        .await)
}

/// Records the digest for this person and period; false if it exists already (sent once only).
pub(in crate::notices) async fn claim_digest(
    ex: &mut Ex<'_>,
    id: Uuid,
    person: Uuid,
    frequency: &str,
    period_start: &str,
) -> Result<bool, sqlx::Error> {
    let inserted = on!(ex.re(), c => sqlx::query(
        "INSERT INTO notice_digests (id, person_id, frequency, period_start, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (person_id, frequency, period_start) DO NOTHING",
    )
    .bind(id)
    .bind(person)
    .bind(frequency)
    .bind(period_start)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(inserted > 0)
}

/// Marks held notices as gone out in a digest.
pub(in crate::notices) async fn put_in_digest(
    ex: &mut Ex<'_>,
    ids: &[Uuid],
    digest: Uuid,
) -> Result<(), sqlx::Error> {
    for id in ids {
        on!(ex.re(), c => sqlx::query(
            "UPDATE notifications SET status = 'in_digest', digest_id = $2, updated_at = $3 WHERE id = $1 AND status = 'held'",
        )
        .bind(*id)
        .bind(digest)
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}
