//! The audit log: every change records who did what, to what, in which organisation and when.
//!
//! Rows are append-only (database triggers refuse UPDATE and DELETE) and hash-chained: each row's hash
//! covers its own fields and the previous row's hash, so editing or deleting a row directly in the
//! database breaks the chain at that row, which `withus audit verify` reports.

pub mod action;
mod storage;

use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;

pub use action::Action;
pub use storage::{AuditRow, ChainReport, count, details_of, list, verify};

/// Hash of "nothing before": the chain's starting point.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, for the log.
#[derive(Debug, Clone)]
pub struct Entry {
    pub actor: Option<Uuid>,
    pub organisation: Option<Uuid>,
    /// What happened; stored as its stable code, such as `account.created`.
    pub action: Action,
    pub target_type: &'static str,
    pub target_id: String,
    /// Extra facts (never special-category data: the log is not encrypted).
    pub details: serde_json::Value,
}

impl Entry {
    pub fn new(action: Action, target_type: &'static str, target_id: impl ToString) -> Entry {
        Entry {
            actor: None,
            organisation: None,
            action,
            target_type,
            target_id: target_id.to_string(),
            details: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn by(mut self, actor: Option<Uuid>) -> Entry {
        self.actor = actor;
        self
    }

    pub fn in_organisation(mut self, organisation: Uuid) -> Entry {
        self.organisation = Some(organisation);
        self
    }

    pub fn with(mut self, details: serde_json::Value) -> Entry {
        self.details = details;
        self
    }
}

/// Appends an entry inside the caller's transaction, so the record and the change commit together.
pub async fn record(ex: &mut Ex<'_>, entry: Entry) -> Result<(), sqlx::Error> {
    storage::append(ex, entry).await
}

pub(crate) struct HashInput<'a> {
    pub seq: i64,
    pub id: Uuid,
    pub at: OffsetDateTime,
    pub actor: Option<Uuid>,
    pub organisation: Option<Uuid>,
    pub action: &'a str,
    pub target_type: &'a str,
    pub target_id: &'a str,
    pub details: &'a str,
    pub prev_hash: &'a str,
}

impl HashInput<'_> {
    /// Fields are length-prefixed so that no two different rows share an encoding.
    pub fn digest(&self) -> String {
        let mut hasher = Sha256::new();
        let mut field = |value: &str| {
            hasher.update((value.len() as u64).to_be_bytes());
            hasher.update(value.as_bytes());
        };
        field(self.prev_hash);
        field(&self.seq.to_string());
        field(&self.id.to_string());
        field(&self.at.unix_timestamp_nanos().to_string());
        field(&self.actor.map(|a| a.to_string()).unwrap_or_default());
        field(&self.organisation.map(|o| o.to_string()).unwrap_or_default());
        field(self.action);
        field(self.target_type);
        field(self.target_id);
        field(self.details);
        hex::encode(hasher.finalize())
    }
}
