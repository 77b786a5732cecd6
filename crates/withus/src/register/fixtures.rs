//! Writing the register's rows directly, for test set-ups and demo data only. These writes skip
//! the rules and the audit log that the commands (`panels::membership::change`, `consents::give`
//! and the others) apply, so request handling never uses them: the architecture test allows only
//! `demo` (and tests) to name this module.

use uuid::Uuid;

pub use super::consents::fixtures::{give_consent, withdraw_consent};
pub use super::consents::{ConsentRow, NewConsent, consents_of};
use super::domain::{MembershipStatus, Topic};
pub use super::import::storage::{NewBatch, create as create_import_batch, seal_table};

pub use super::monitoring::fixtures::set_benchmark;
pub use super::panels::fixtures::{add_partner, create_panel};
pub use super::panels::{PanelRow, PartnerRow, find_panel, open_panels, panels_of, partners_of};
pub use super::record::fixtures::{create_follow_up, open_follow_ups};
pub use super::record::{InvolvementRow, involvements_of, record_involvement};
pub use super::storage::*;
use crate::db::Ex;

/// Puts the person on the panel with this status, as if the membership rules had got there.
pub async fn set_membership(
    ex: &mut Ex<'_>,
    panel: Uuid,
    person: Uuid,
    status: MembershipStatus,
) -> Result<(), sqlx::Error> {
    super::storage::set_membership(ex, panel, person, status).await
}

/// Adds a person's row, with no panel, consent or audit entry.
pub async fn create_person(ex: &mut Ex<'_>, person: NewPerson<'_>) -> Result<Uuid, sqlx::Error> {
    super::storage::create_person(ex, person).await
}

/// Links the person to a sign-in account.
pub async fn link_account(ex: &mut Ex<'_>, id: Uuid, account: Uuid) -> Result<(), sqlx::Error> {
    super::storage::link_account(ex, id, account).await
}

/// Writes (or clears) one sealed column as it is given, consented to or not.
pub async fn set_sealed(
    ex: &mut Ex<'_>,
    id: Uuid,
    column: SealedColumn,
    value: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    super::storage::set_sealed(ex, id, column, value).await
}

/// Replaces the person's topics.
pub async fn set_topics(ex: &mut Ex<'_>, id: Uuid, topics: &[Topic]) -> Result<(), sqlx::Error> {
    super::storage::set_topics(ex, id, topics).await
}

/// Erases the person at once, with no request behind it.
pub async fn erase_person(ex: &mut Ex<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    super::storage::erase_person(ex, id).await
}

/// How often the person wants notices that can wait.
pub async fn set_notice_frequency(
    ex: &mut Ex<'_>,
    person: Uuid,
    frequency: crate::notices::Frequency,
) -> Result<(), sqlx::Error> {
    super::storage::set_frequency(ex, person, frequency.as_str()).await
}
