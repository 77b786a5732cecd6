//! Rows written directly, for test set-ups and demo data only.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;

/// Moves a contribution's receipt time, to run the acknowledgement clock forward.
pub async fn received_at(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<(), sqlx::Error> {
    super::storage::set_received_at(ex, id, at).await
}
