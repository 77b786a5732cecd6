//! Command-line administration: creating accounts, rotating keys and verifying the audit log. Each
//! task is one transaction and records itself in the audit log.

use crate::accounts::NewAccount;
use crate::accounts::commands::{self as accounts, AccountError};
use crate::accounts::domain::{DisplayName, EmailAddress};
use crate::audit::{self, Action, ChainReport, Entry};
use crate::db::Db;
use crate::organisations;
use crate::organisations::domain::Role;
use crate::security::field_crypto::{KeyRing, ResealError};
use crate::security::passwords::NewPassword;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("the email address \"{0}\" is not valid: write it like name@example.org")]
    Email(String),
    #[error("the name must not be empty, and at most 100 characters")]
    Name,
    #[error(
        "the password is not acceptable: {0}. Use at least 10 characters; a few unrelated words work well"
    )]
    Password(String),
    #[error("an account with the email address {0} already exists")]
    Exists(String),
    #[error("there is no organisation called \"{0}\" (names must match exactly)")]
    NoOrganisation(String),
    #[error(
        "\"{0}\" is not a role: use member, facilitator, officer, organisation_admin or auditor"
    )]
    Role(String),
    #[error(transparent)]
    Reseal(#[from] ResealError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub site_admin: bool,
    pub membership: Option<(&'a str, &'a str)>,
}

pub async fn create_user(db: &Db, user: NewUser<'_>) -> Result<uuid::Uuid, AdminError> {
    let email =
        EmailAddress::parse(user.email).map_err(|_| AdminError::Email(user.email.into()))?;
    let name = DisplayName::parse(user.name).map_err(|_| AdminError::Name)?;
    let password =
        NewPassword::parse(user.password).map_err(|e| AdminError::Password(e.to_string()))?;
    let role = match user.membership {
        Some((_, role)) => Some(Role::parse(role).ok_or_else(|| AdminError::Role(role.into()))?),
        None => None,
    };
    let mut tx = db.begin().await?;
    if accounts::find_by_email(&mut tx.ex(), email.as_str())
        .await?
        .is_some()
    {
        return Err(AdminError::Exists(email.as_str().into()));
    }
    let organisation = match user.membership {
        Some((org_name, _)) => Some(
            organisations::find_by_name(&mut tx.ex(), org_name)
                .await?
                .ok_or_else(|| AdminError::NoOrganisation(org_name.into()))?,
        ),
        None => None,
    };
    let hash = password.hash();
    let id = accounts::create_from_command_line(
        &mut tx.ex(),
        NewAccount {
            email: email.as_str(),
            display_name: name.as_str(),
            password_hash: Some(&hash),
            language: "en",
            is_site_admin: user.site_admin,
        },
        organisation.as_ref().map(|org| org.id),
    )
    .await?;
    if let (Some(org), Some(role)) = (&organisation, role) {
        organisations::commands::add_member_from_command_line(&mut tx.ex(), id, org.id, role)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

impl From<AccountError> for AdminError {
    fn from(error: AccountError) -> AdminError {
        match error {
            AccountError::Database(error) => AdminError::Database(error),
        }
    }
}

/// Re-seals every special-category value under the active key. Returns how many were re-sealed.
pub async fn rotate_keys(db: &Db, keys: &KeyRing) -> Result<usize, AdminError> {
    let mut tx = db.begin().await?;
    let mut rotated = accounts::reseal_support_needs(&mut tx.ex(), keys).await?;
    rotated += crate::register::rotation::reseal(&mut tx.ex(), keys).await?;
    rotated += crate::events::feedback::reseal(&mut tx.ex(), keys).await?;
    rotated += crate::selection::commands::reseal_snapshots(&mut tx.ex(), keys).await?;
    rotated += crate::contributions::reseal(&mut tx.ex(), keys).await?;
    rotated += crate::engagements::challenges::reseal(&mut tx.ex(), keys).await?;
    rotated += crate::payments::commands::reseal(&mut tx.ex(), keys).await?;
    rotated += crate::payments::expenses::reseal(&mut tx.ex(), keys).await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::KeysRotated, "site", "encryption-keys")
            .with(serde_json::json!({ "active_key": keys.active_id(), "values": rotated })),
    )
    .await?;
    tx.commit().await?;
    Ok(rotated)
}

pub async fn verify_audit(db: &Db) -> Result<ChainReport, AdminError> {
    let mut conn = db.acquire().await?;
    Ok(audit::verify(&mut conn.ex()).await?)
}
