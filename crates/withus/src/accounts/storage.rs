//! Account, session, password-reset and sign-in-failure storage.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::db::Ex;
use crate::identity::Role;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AccountRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub language: String,
    pub is_site_admin: bool,
    pub support_needs: Option<Vec<u8>>,
    pub created_at: OffsetDateTime,
}

const ACCOUNT_COLUMNS: &str =
    "id, email, display_name, password_hash, language, is_site_admin, support_needs, created_at";

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: Option<&'a str>,
    pub language: &'a str,
    pub is_site_admin: bool,
}

pub async fn create(ex: &mut Ex<'_>, account: NewAccount<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO accounts (id, email, display_name, password_hash, language, is_site_admin, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(id)
    .bind(account.email)
    .bind(account.display_name)
    .bind(account.password_hash)
    .bind(account.language)
    .bind(account.is_site_admin)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find_by_email(
    ex: &mut Ex<'_>,
    email: &str,
) -> Result<Option<AccountRow>, sqlx::Error> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(email).fetch_optional(c).await)
}

pub(in crate::accounts) async fn find(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<Option<AccountRow>, sqlx::Error> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.as_str())).bind(id).fetch_optional(c).await)
}

pub(in crate::accounts) async fn set_password(
    ex: &mut Ex<'_>,
    id: Uuid,
    hash: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(crate::db::now())
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::accounts) async fn set_language(
    ex: &mut Ex<'_>,
    id: Uuid,
    language: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE accounts SET language = $1, updated_at = $2 WHERE id = $3")
        .bind(language)
        .bind(crate::db::now())
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stores the already-sealed support needs (or clears them).
pub async fn set_support_needs(
    ex: &mut Ex<'_>,
    id: Uuid,
    sealed: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE accounts SET support_needs = $1, updated_at = $2 WHERE id = $3")
        .bind(sealed)
        .bind(crate::db::now())
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every sealed value, for key rotation.
pub async fn all_support_needs(ex: &mut Ex<'_>) -> Result<Vec<(Uuid, Vec<u8>)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, support_needs FROM accounts WHERE support_needs IS NOT NULL ORDER BY id")
        .fetch_all(c)
        .await)
}

pub(in crate::accounts) async fn list_for_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<MemberRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT a.id, a.email, a.display_name, m.role FROM memberships m JOIN accounts a ON a.id = m.account_id \
         WHERE m.organisation_id = $1 ORDER BY a.display_name, a.email",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemberRow {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub role: Role,
}

// --- Sessions ---------------------------------------------------------------------------------

/// The longest a session lives however active it is.
pub const SESSION_MAX_AGE: Duration = Duration::hours(12);

pub async fn create_session(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    account: Uuid,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(account)
    .bind(now)
    .bind(now + SESSION_MAX_AGE)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::accounts) async fn delete_session(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::accounts) async fn delete_sessions_for(
    ex: &mut Ex<'_>,
    account: Uuid,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM sessions WHERE account_id = $1").bind(account).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

// --- Password resets ----------------------------------------------------------------------------

pub const RESET_LIFETIME: Duration = Duration::hours(1);

pub(in crate::accounts) async fn create_reset(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    account: Uuid,
) -> Result<(), sqlx::Error> {
    create_reset_lasting(ex, token_hash, account, RESET_LIFETIME).await
}

/// A first "choose your password" link after joining lasts longer than a reset: a week, because
/// people may need help from someone to set up their account.
pub const WELCOME_LIFETIME: Duration = Duration::days(7);

pub async fn create_reset_lasting(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    account: Uuid,
    lifetime: Duration,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query("INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(account)
        .bind(now)
        .bind(now + lifetime)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The account a reset token belongs to, if the token is unused and unexpired.
pub(in crate::accounts) async fn find_reset(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
) -> Result<Option<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT account_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(token_hash)
    .bind(crate::db::now())
    .fetch_optional(c)
    .await)
}

/// Marks a reset token used. Returns false if it was already used (a second tab, a replay).
pub(in crate::accounts) async fn use_reset(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(crate::db::now())
    .bind(token_hash)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

// --- Sign-in throttling -------------------------------------------------------------------------

pub(in crate::accounts) async fn record_failure(
    ex: &mut Ex<'_>,
    email: &str,
    client: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("INSERT INTO sign_in_failures (id, email, client, at) VALUES ($1, $2, $3, $4)")
        .bind(Uuid::now_v7())
        .bind(email)
        .bind(client)
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::accounts) async fn recent_failures(
    ex: &mut Ex<'_>,
    email: &str,
    client: &str,
    since: OffsetDateTime,
) -> Result<(i64, i64), sqlx::Error> {
    let by_email: i64 = on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures WHERE email = $1 AND at > $2")
        .bind(email)
        .bind(since)
        .fetch_one(c)
        .await)?;
    let by_client: i64 = on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM sign_in_failures WHERE client = $1 AND at > $2")
        .bind(client)
        .bind(since)
        .fetch_one(c)
        .await)?;
    Ok((by_email, by_client))
}

pub(in crate::accounts) async fn clear_failures(
    ex: &mut Ex<'_>,
    email: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM sign_in_failures WHERE email = $1").bind(email).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
