//! The person's record: who they are, how to reach them, what they need, what they tell us about
//! themselves, and who may see which part of it. The same editors serve the person and staff acting
//! for them; the people list and its export search the register.

pub mod contents;
pub mod editors;
pub mod people;
pub mod people_export;
pub mod people_list;
pub mod search;
pub mod sharing;
mod storage;
pub mod subject;
pub mod unsubscribe;
pub mod visibility;

pub use storage::{InvolvementRow, involvements_of, record_involvement};

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::{create_follow_up, open_follow_ups};
}

use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;

/// Why a follow-up task was not marked done.
#[derive(Debug, thiserror::Error)]
pub enum FollowUpError {
    /// Not the organisation's task, or someone marked it done already.
    #[error("the follow-up is not open")]
    NotOpen,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Marks an organisation's open follow-up task done, with an audit entry.
pub async fn close_follow_up(
    ex: &mut Ex<'_>,
    by: Uuid,
    organisation: Uuid,
    follow_up: Uuid,
) -> Result<(), FollowUpError> {
    if !storage::close_follow_up(ex, organisation, follow_up, by).await? {
        return Err(FollowUpError::NotOpen);
    }
    audit::record(
        ex,
        Entry::new(Action::FollowUpDone, "follow_up", follow_up)
            .by(Some(by))
            .in_organisation(organisation),
    )
    .await?;
    Ok(())
}

/// How many times each person was involved with the organisation since `since`, for rotation.
pub async fn involvement_counts(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    since: time::OffsetDateTime,
) -> Result<Vec<(Uuid, i64)>, sqlx::Error> {
    storage::involvement_counts(ex, organisation, since).await
}
