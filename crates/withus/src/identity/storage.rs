//! Session and membership reads for the signed-in user.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::{OrganisationKind, Role};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct SessionAccount {
    pub account_id: Uuid,
    pub last_seen_at: OffsetDateTime,
    pub email: String,
    pub display_name: String,
    pub language: String,
    pub is_site_admin: bool,
}

/// The live session for a token: not past its absolute expiry nor idle for longer than `idle`.
pub(super) async fn find_session(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    idle: Duration,
) -> Result<Option<SessionAccount>, sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query_as(
        "SELECT s.account_id, s.last_seen_at, a.email, a.display_name, a.language, a.is_site_admin \
         FROM sessions s JOIN accounts a ON a.id = s.account_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3",
    )
    .bind(token_hash)
    .bind(now)
    .bind(now - idle)
    .fetch_optional(c)
    .await)
}

pub(super) async fn touch_session(ex: &mut Ex<'_>, token_hash: &[u8]) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(crate::db::now())
        .bind(token_hash)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub(super) struct MembershipRow {
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub organisation_kind: OrganisationKind,
    pub role: Role,
}

pub(super) async fn memberships(
    ex: &mut Ex<'_>,
    account: Uuid,
) -> Result<Vec<MembershipRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT m.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, m.role \
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.account_id = $1 ORDER BY o.name",
    )
    .bind(account)
    .fetch_all(c)
    .await)
}
