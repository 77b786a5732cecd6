//! Writing the register's rows directly, for test set-ups and demo data only. These writes skip
//! the rules and the audit log that the commands (`panels::membership::change`, `consents::give`
//! and the others) apply, so request handling never uses them: the architecture test allows only
//! `demo` (and tests) to name this module.

use uuid::Uuid;

pub use super::consents::fixtures::{give_consent, withdraw_consent};
pub use super::consents::{ConsentRow, NewConsent, consents_of};
use super::domain::MembershipStatus;
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
