//! Organisation, membership and invitation storage.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::{OrganisationKind, Role};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationRow {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub created_at: OffsetDateTime,
    /// Printed at the top of its letters, one line per line; empty until an admin sets it.
    pub postal_address: String,
    /// Every message it sends is in Welsh and English, Welsh first.
    pub bilingual: bool,
}

pub async fn create(
    ex: &mut Ex<'_>,
    name: &str,
    kind: OrganisationKind,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query("INSERT INTO organisations (id, name, kind, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(name)
        .bind(kind.as_str())
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<OrganisationRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, name, kind, created_at, postal_address, bilingual FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(c)
        .await)
}

pub async fn find_by_name(
    ex: &mut Ex<'_>,
    name: &str,
) -> Result<Option<OrganisationRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, name, kind, created_at, postal_address, bilingual FROM organisations WHERE LOWER(name) = LOWER($1)")
        .bind(name)
        .fetch_optional(c)
        .await)
}

pub async fn list(ex: &mut Ex<'_>) -> Result<Vec<OrganisationRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, name, kind, created_at, postal_address, bilingual FROM organisations ORDER BY name")
        .fetch_all(c)
        .await)
}

/// The address printed on the organisation's letters.
pub(in crate::organisations) async fn set_letters(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    address: &str,
    bilingual: bool,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE organisations SET postal_address = $2, bilingual = $3 WHERE id = $1")
        .bind(organisation)
        .bind(address)
        .bind(bilingual)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Adds a membership, or changes the role of an existing one.
pub async fn set_membership(
    ex: &mut Ex<'_>,
    account: Uuid,
    organisation: Uuid,
    role: Role,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO memberships (account_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = excluded.role",
    )
    .bind(account)
    .bind(organisation)
    .bind(role.as_str())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Whether an account is a member of an organisation, in any role.
pub(in crate::organisations) async fn is_member(
    ex: &mut Ex<'_>,
    account: Uuid,
    organisation: Uuid,
) -> Result<bool, sqlx::Error> {
    let found: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE account_id = $1 AND organisation_id = $2",
    )
    .bind(account)
    .bind(organisation)
    .fetch_one(c)
    .await)?;
    Ok(found > 0)
}

// --- Invitations ---------------------------------------------------------------------------------

pub const INVITATION_LIFETIME: Duration = Duration::days(7);

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitationRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub email: String,
    pub role: Role,
    pub expires_at: OffsetDateTime,
    pub accepted_at: Option<OffsetDateTime>,
}

impl InvitationRow {
    pub fn is_open(&self, now: OffsetDateTime) -> bool {
        self.accepted_at.is_none() && self.expires_at > now
    }
}

pub(in crate::organisations) async fn create_invitation(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    organisation: Uuid,
    email: &str,
    role: Role,
    invited_by: Uuid,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO invitations (id, token_hash, organisation_id, email, role, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(token_hash)
    .bind(organisation)
    .bind(email)
    .bind(role.as_str())
    .bind(invited_by)
    .bind(now)
    .bind(now + INVITATION_LIFETIME)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub(in crate::organisations) async fn find_invitation(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
) -> Result<Option<InvitationRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT i.id, i.organisation_id, o.name AS organisation_name, i.email, i.role, i.expires_at, i.accepted_at \
         FROM invitations i JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(c)
    .await)
}

/// Marks an invitation accepted; false if someone got there first.
pub(in crate::organisations) async fn accept_invitation(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL AND expires_at > $1",
    )
    .bind(crate::db::now())
    .bind(id)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub(in crate::organisations) async fn pending_invitations(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<InvitationRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT i.id, i.organisation_id, o.name AS organisation_name, i.email, i.role, i.expires_at, i.accepted_at \
         FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
         WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.expires_at > $2 ORDER BY i.created_at DESC",
    )
    .bind(organisation)
    .bind(crate::db::now())
    .fetch_all(c)
    .await)
}
