//! Audit log storage: append under the chain-head lock, list, and verify.

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Entry, GENESIS, HashInput};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub id: Uuid,
    pub at: OffsetDateTime,
    pub actor_account_id: Option<Uuid>,
    pub organisation_id: Option<Uuid>,
    pub action: String,
    pub target_type: String,
    pub target_id: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

pub(super) async fn append(ex: &mut Ex<'_>, entry: Entry) -> Result<(), sqlx::Error> {
    // Updating the single head row takes a row lock on PostgreSQL (and the write lock on SQLite), so
    // concurrent appenders queue up and the chain stays linear.
    let (seq, prev_hash): (i64, String) = on!(ex.re(), c => sqlx::query_as(
        "UPDATE audit_head SET seq = seq + 1 WHERE singleton = 1 RETURNING seq, hash",
    )
    .fetch_one(c)
    .await)?;
    let id = Uuid::now_v7();
    let at = crate::db::now();
    let details = entry.details.to_string();
    let hash = HashInput {
        seq,
        id,
        at,
        actor: entry.actor,
        organisation: entry.organisation,
        action: entry.action.code(),
        target_type: entry.target_type,
        target_id: &entry.target_id,
        details: &details,
        prev_hash: &prev_hash,
    }
    .digest();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO audit_log (seq, id, at, actor_account_id, organisation_id, action, target_type, target_id, details, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(seq)
    .bind(id)
    .bind(at)
    .bind(entry.actor)
    .bind(entry.organisation)
    .bind(entry.action.code())
    .bind(entry.target_type)
    .bind(&entry.target_id)
    .bind(&details)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    on!(ex.re(), c => sqlx::query("UPDATE audit_head SET hash = $1 WHERE singleton = 1")
        .bind(&hash)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The newest entries first, optionally for one organisation.
pub async fn list(
    ex: &mut Ex<'_>,
    organisation: Option<Uuid>,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT seq, id, at, actor_account_id, organisation_id, action, target_type, target_id, details, prev_hash, hash \
         FROM audit_log WHERE ($1 IS NULL OR organisation_id = $1) ORDER BY seq DESC LIMIT $2 OFFSET $3",
    )
    .bind(organisation)
    .bind(limit)
    .bind(offset)
    .fetch_all(c)
    .await)
}

/// The details of every entry with this action, oldest first (e.g. to total what earlier runs did).
pub async fn details_of(
    ex: &mut Ex<'_>,
    action: super::Action,
) -> Result<Vec<serde_json::Value>, sqlx::Error> {
    let details: Vec<String> = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = $1 ORDER BY seq",
    )
    .bind(action.code())
    .fetch_all(c)
    .await)?;
    Ok(details
        .iter()
        .filter_map(|d| serde_json::from_str(d).ok())
        .collect())
}

pub async fn count(ex: &mut Ex<'_>, organisation: Option<Uuid>) -> Result<i64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE ($1 IS NULL OR organisation_id = $1)")
        .bind(organisation)
        .fetch_one(c)
        .await)
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainReport {
    Intact {
        entries: i64,
    },
    /// The first row whose stored hash or link does not match what its contents imply.
    Broken {
        seq: i64,
        reason: &'static str,
    },
}

pub async fn verify(ex: &mut Ex<'_>) -> Result<ChainReport, sqlx::Error> {
    const PAGE: i64 = 1000;
    let mut expected_prev = GENESIS.to_owned();
    let mut expected_seq = 1i64;
    loop {
        let rows: Vec<AuditRow> = on!(ex.re(), c => sqlx::query_as(
            "SELECT seq, id, at, actor_account_id, organisation_id, action, target_type, target_id, details, prev_hash, hash \
             FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2",
        )
        .bind(expected_seq)
        .bind(PAGE)
        .fetch_all(c)
        .await)?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            if row.seq != expected_seq {
                return Ok(ChainReport::Broken {
                    seq: expected_seq,
                    reason: "entry is missing",
                });
            }
            if row.prev_hash != expected_prev {
                return Ok(ChainReport::Broken {
                    seq: row.seq,
                    reason: "link to the previous entry does not match",
                });
            }
            let recomputed = HashInput {
                seq: row.seq,
                id: row.id,
                at: row.at,
                actor: row.actor_account_id,
                organisation: row.organisation_id,
                action: &row.action,
                target_type: &row.target_type,
                target_id: &row.target_id,
                details: &row.details,
                prev_hash: &row.prev_hash,
            }
            .digest();
            if recomputed != row.hash {
                return Ok(ChainReport::Broken {
                    seq: row.seq,
                    reason: "contents do not match the stored hash",
                });
            }
            expected_prev = row.hash.clone();
            expected_seq += 1;
        }
    }
    let (head_seq, head_hash): (i64, String) = on!(ex.re(), c => sqlx::query_as(
        "SELECT seq, hash FROM audit_head WHERE singleton = 1",
    )
    .fetch_one(c)
    .await)?;
    if head_seq != expected_seq - 1 || head_hash != expected_prev {
        return Ok(ChainReport::Broken {
            seq: expected_seq,
            reason: "the newest entries are missing",
        });
    }
    Ok(ChainReport::Intact {
        entries: expected_seq - 1,
    })
}
