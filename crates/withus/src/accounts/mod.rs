//! Accounts: signing in and out, sessions, password reset and the person's own account pages.

pub mod commands;
pub mod domain;
pub mod fixtures;
pub mod password_reset;
pub mod profile;
pub mod sign_in;
mod storage;

use uuid::Uuid;

use crate::db::Ex;

pub use storage::{AccountRow, MemberRow, NewAccount};

/// The accounts that are members of an organisation, with their roles, by name.
pub async fn members_of(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<MemberRow>, sqlx::Error> {
    storage::list_for_organisation(ex, organisation).await
}
