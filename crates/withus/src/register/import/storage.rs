//! Uploaded spreadsheets waiting to be imported. The rows are sealed (encrypted, bound to the batch)
//! while they wait, and thrown away once imported: only the counts are kept.

use time::OffsetDateTime;
use uuid::Uuid;

use super::parse::Table;
use crate::db::Ex;
use crate::on;
use crate::security::field_crypto::{FieldContext, KeyRing};

/// Where a batch has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchStatus {
    /// Uploaded; its columns are not chosen yet.
    Uploaded,
    /// Columns chosen; waiting to be checked and confirmed.
    Mapped,
    /// Confirmed; people are being added a chunk at a time (see `apply`).
    Importing,
    /// Done. The file's contents are gone.
    Imported,
    /// Not imported in time: the file's contents were deleted unused (see `expiry`).
    Expired,
}

impl BatchStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            BatchStatus::Uploaded => "uploaded",
            BatchStatus::Mapped => "mapped",
            BatchStatus::Importing => "importing",
            BatchStatus::Imported => "imported",
            BatchStatus::Expired => "expired",
        }
    }

    /// Whether the batch still holds its file and can go on to be imported.
    pub fn is_waiting(self) -> bool {
        matches!(self, BatchStatus::Uploaded | BatchStatus::Mapped)
    }

    pub fn parse(text: &str) -> BatchStatus {
        match text {
            "mapped" => BatchStatus::Mapped,
            "importing" => BatchStatus::Importing,
            "imported" => BatchStatus::Imported,
            "expired" => BatchStatus::Expired,
            _ => BatchStatus::Uploaded,
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            BatchStatus::Uploaded => "import-status-uploaded",
            BatchStatus::Mapped => "import-status-mapped",
            BatchStatus::Importing => "import-status-importing",
            BatchStatus::Imported => "import-status-imported",
            BatchStatus::Expired => "import-status-expired",
        }
    }

    pub fn tag_colour(self) -> &'static str {
        match self {
            BatchStatus::Uploaded => "govuk-tag--grey",
            BatchStatus::Mapped => "govuk-tag--yellow",
            BatchStatus::Importing => "govuk-tag--blue",
            BatchStatus::Imported => "govuk-tag--green",
            BatchStatus::Expired => "govuk-tag--red",
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BatchRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub panel_id: Uuid,
    pub created_by: Option<Uuid>,
    pub file_name: String,
    pub contents: Vec<u8>,
    pub mapping: String,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub imported_count: i64,
}

impl BatchRow {
    pub fn status(&self) -> BatchStatus {
        BatchStatus::parse(&self.status)
    }
}

/// The sealed rows are bound to their batch: copied to another batch they do not open.
pub fn field(batch: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "import_batches",
        column: "contents",
        row_id: batch,
    }
}

pub fn seal_table(keys: &KeyRing, batch: Uuid, table: &Table) -> Vec<u8> {
    let json = serde_json::to_string(table).expect("a table always serialises");
    keys.seal(&json, field(batch))
}

pub fn open_table(keys: &KeyRing, batch: &BatchRow) -> anyhow::Result<Table> {
    let json = keys
        .open(&batch.contents, field(batch.id))
        .map_err(|e| anyhow::anyhow!("import batch {} could not be opened: {e}", batch.id))?;
    Ok(serde_json::from_str(&json)?)
}

/// A new batch, already sealed by [`seal_table`] with the same `id`.
pub struct NewBatch<'a> {
    pub id: Uuid,
    pub organisation: Uuid,
    pub panel: Uuid,
    pub created_by: Option<Uuid>,
    pub file_name: &'a str,
    pub sealed: &'a [u8],
}

pub async fn create(ex: &mut Ex<'_>, batch: NewBatch<'_>) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO import_batches (id, organisation_id, panel_id, created_by, file_name, contents, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(batch.id)
    .bind(batch.organisation)
    .bind(batch.panel)
    .bind(batch.created_by)
    .bind(batch.file_name)
    .bind(batch.sealed)
    .bind(BatchStatus::Uploaded.as_str())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<BatchRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, organisation_id, panel_id, created_by, file_name, contents, mapping, status, created_at, imported_count \
         FROM import_batches WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// Saves the chosen columns; false if the batch was imported or expired meanwhile.
pub async fn set_mapping(ex: &mut Ex<'_>, id: Uuid, mapping: &str) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET mapping = $2, status = $3 WHERE id = $1 AND status IN ($4, $3)",
    )
    .bind(id)
    .bind(mapping)
    .bind(BatchStatus::Mapped.as_str())
    .bind(BatchStatus::Uploaded.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Starts importing a waiting batch. False if it was already started, imported or expired: the
/// caller must then add no one, so a second confirm of the same batch adds nobody.
pub async fn start_import(ex: &mut Ex<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET status = $2, progress = 0, imported_count = 0 \
         WHERE id = $1 AND status IN ($3, $4)",
    )
    .bind(id)
    .bind(BatchStatus::Importing.as_str())
    .bind(BatchStatus::Uploaded.as_str())
    .bind(BatchStatus::Mapped.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// How many of the file's valid rows an import has handled, while it is importing.
pub async fn progress(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<usize>, sqlx::Error> {
    let found: Option<i64> = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT progress FROM import_batches WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(BatchStatus::Importing.as_str())
    .fetch_optional(c)
    .await)?;
    Ok(found.map(|p| p as usize))
}

/// Claims the rows `from..to` for this transaction. False if another run has moved on (or the
/// import ended): the caller must roll back and look again. Written before the chunk's people, so
/// on PostgreSQL a second runner waits on the row and then finds the progress moved.
pub async fn advance(
    ex: &mut Ex<'_>,
    id: Uuid,
    from: usize,
    to: usize,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET progress = $3 WHERE id = $1 AND status = $4 AND progress = $2",
    )
    .bind(id)
    .bind(from as i64)
    .bind(to as i64)
    .bind(BatchStatus::Importing.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Counts people added by a chunk.
pub async fn count_added(ex: &mut Ex<'_>, id: Uuid, added: usize) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET imported_count = imported_count + $2 WHERE id = $1",
    )
    .bind(id)
    .bind(added as i64)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends an import: marks the batch imported and empties its contents. False if it was not importing.
pub async fn finish_import(ex: &mut Ex<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    let empty: &[u8] = &[];
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET status = $2, contents = $3, mapping = '' WHERE id = $1 AND status = $4",
    )
    .bind(id)
    .bind(BatchStatus::Imported.as_str())
    .bind(empty)
    .bind(BatchStatus::Importing.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Puts an import that failed before adding anyone back to waiting, so it can be tried again as if
/// it had never started. False if some chunk was already added (it then carries on instead).
pub async fn abandon_if_untouched(ex: &mut Ex<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET status = $2 WHERE id = $1 AND status = $3 AND progress = 0",
    )
    .bind(id)
    .bind(BatchStatus::Mapped.as_str())
    .bind(BatchStatus::Importing.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Imports that were stopped part-way (the process ended during one).
pub async fn interrupted(ex: &mut Ex<'_>) -> Result<Vec<BatchRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, organisation_id, panel_id, created_by, file_name, contents, mapping, status, \
         created_at, imported_count FROM import_batches WHERE status = $1",
    )
    .bind(BatchStatus::Importing.as_str())
    .fetch_all(c)
    .await)
}

/// Ends a waiting batch as `status` and deletes its contents, in one statement that only a waiting
/// batch passes: true if this call ended it.
async fn close_waiting(
    ex: &mut Ex<'_>,
    id: Uuid,
    status: BatchStatus,
    count: usize,
) -> Result<bool, sqlx::Error> {
    let empty: &[u8] = &[];
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE import_batches SET status = $2, imported_count = $3, contents = $4, mapping = '' \
         WHERE id = $1 AND status IN ($5, $6)",
    )
    .bind(id)
    .bind(status.as_str())
    .bind(count as i64)
    .bind(empty)
    .bind(BatchStatus::Uploaded.as_str())
    .bind(BatchStatus::Mapped.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// A batch still waiting to be imported.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WaitingBatch {
    pub id: Uuid,
    pub organisation_id: Uuid,
}

/// Every batch uploaded before `cut` and still waiting to be imported.
pub async fn waiting_since(
    ex: &mut Ex<'_>,
    cut: OffsetDateTime,
) -> Result<Vec<WaitingBatch>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, organisation_id FROM import_batches WHERE status IN ($1, $2) AND created_at < $3",
    )
    .bind(BatchStatus::Uploaded.as_str())
    .bind(BatchStatus::Mapped.as_str())
    .bind(cut)
    .fetch_all(c)
    .await)
}

/// Deletes a waiting batch's contents and marks it expired; false if it was imported or expired
/// meanwhile.
pub async fn mark_expired(ex: &mut Ex<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    close_waiting(ex, id, BatchStatus::Expired, 0).await
}

/// A batch as the list of recent imports shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BatchSummary {
    pub id: Uuid,
    pub file_name: String,
    pub panel_name: String,
    pub created_by_name: Option<String>,
    pub status: String,
    pub created_at: OffsetDateTime,
    pub imported_count: i64,
}

impl BatchSummary {
    pub fn status(&self) -> BatchStatus {
        BatchStatus::parse(&self.status)
    }
}

/// The organisation's most recent imports, newest first.
pub async fn recent(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    limit: i64,
) -> Result<Vec<BatchSummary>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT b.id, b.file_name, p.name AS panel_name, a.display_name AS created_by_name, b.status, b.created_at, b.imported_count \
         FROM import_batches b JOIN panels p ON p.id = b.panel_id LEFT JOIN accounts a ON a.id = b.created_by \
         WHERE b.organisation_id = $1 ORDER BY b.created_at DESC, b.id DESC LIMIT $2",
    )
    .bind(organisation)
    .bind(limit)
    .fetch_all(c)
    .await)
}
