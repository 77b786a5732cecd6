//! The steps of an import that staff take before it runs, each a command that writes and audits
//! in the caller's transaction. Running the import is `apply`.

use uuid::Uuid;

use super::mapping::Mapping;
use super::parse::{Format, Table};
use super::storage::{self, NewBatch};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::security::field_crypto::KeyRing;

/// Why an import step was not taken.
#[derive(Debug, thiserror::Error)]
pub enum ImportStepError {
    /// The batch has been imported (or expired) since the page was shown.
    #[error("the batch is no longer waiting")]
    NoLongerWaiting,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A spreadsheet read from an upload, for one panel.
pub struct Uploaded<'a> {
    pub panel: Uuid,
    pub file_name: &'a str,
    pub format: Format,
    pub table: &'a Table,
}

/// Keeps an uploaded spreadsheet, sealed, waiting for its columns to be chosen. Returns its id.
pub async fn keep_upload(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Option<Uuid>,
    organisation: Uuid,
    upload: &Uploaded<'_>,
) -> Result<Uuid, ImportStepError> {
    let id = Uuid::now_v7();
    let sealed = storage::seal_table(keys, id, upload.table);
    storage::create(
        ex,
        NewBatch {
            id,
            organisation,
            panel: upload.panel,
            created_by: actor,
            file_name: upload.file_name,
            sealed: &sealed,
        },
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::ImportUploaded, "import_batch", id)
            .by(actor)
            .in_organisation(organisation)
            .with(serde_json::json!({
                "panel": upload.panel,
                "format": upload.format.as_str(),
                "rows": upload.table.rows.len(),
                "columns": upload.table.headers.len(),
            })),
    )
    .await?;
    Ok(id)
}

/// Records which column holds which field, while the batch is still waiting.
pub async fn choose_columns(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    organisation: Uuid,
    batch: Uuid,
    chosen: &Mapping,
) -> Result<(), ImportStepError> {
    if !storage::set_mapping(ex, batch, &chosen.to_json()).await? {
        return Err(ImportStepError::NoLongerWaiting);
    }
    let fields: Vec<&str> = chosen.columns.keys().map(|f| f.id()).collect();
    audit::record(
        ex,
        Entry::new(Action::ImportMapped, "import_batch", batch)
            .by(actor)
            .in_organisation(organisation)
            .with(serde_json::json!({ "fields": fields })),
    )
    .await?;
    Ok(())
}
