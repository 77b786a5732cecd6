//! Who is signed in: the session lookup, the account behind it, and the roles it holds in each
//! organisation. Below `web`, so access rules and the request context need no capability.

mod roles;
mod storage;

use time::Duration;

use crate::db::Ex;
use uuid::Uuid;

pub use roles::{OrganisationKind, Role};

/// Someone changing things for an organisation, as commands record them: the account (none when
/// the system or an operator at the command line acts) and the organisation they act for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffActor {
    pub account: Option<Uuid>,
    pub organisation: Uuid,
}

/// One organisation the signed-in person belongs to, and their role there.
#[derive(Debug, Clone)]
pub struct Membership {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub kind: OrganisationKind,
    pub role: Role,
}

/// The person signed in on this request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub is_site_admin: bool,
    /// The language chosen last time, remembered with the account.
    pub language: String,
    pub memberships: Vec<Membership>,
}

impl CurrentUser {
    pub fn role_in(&self, organisation: Uuid) -> Option<Role> {
        self.memberships
            .iter()
            .find(|m| m.organisation_id == organisation)
            .map(|m| m.role)
    }
}

/// The account signed in with a session token's hash, if the session is live: not past its
/// absolute expiry nor idle for longer than `idle`. Marks the session as seen (at most once a
/// minute: idle timeout needs no finer grain, and it spares writes).
pub async fn signed_in(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    idle: Duration,
) -> Result<Option<CurrentUser>, sqlx::Error> {
    let Some(session) = storage::find_session(ex, token_hash, idle).await? else {
        return Ok(None);
    };
    if crate::db::now() - session.last_seen_at > Duration::minutes(1) {
        storage::touch_session(ex, token_hash).await?;
    }
    let memberships = storage::memberships(ex, session.account_id)
        .await?
        .into_iter()
        .map(|m| Membership {
            organisation_id: m.organisation_id,
            organisation_name: m.organisation_name,
            kind: m.organisation_kind,
            role: m.role,
        })
        .collect();
    Ok(Some(CurrentUser {
        id: session.account_id,
        email: session.email,
        display_name: session.display_name,
        is_site_admin: session.is_site_admin,
        language: session.language,
        memberships,
    }))
}

/// Marks a session as seen now ("stay signed in").
pub async fn keep_alive(ex: &mut Ex<'_>, token_hash: &[u8]) -> Result<(), sqlx::Error> {
    storage::touch_session(ex, token_hash).await
}
