//! Every change to accounts and sessions, each a command that reads, decides, writes and audits in
//! the caller's transaction. Handlers parse the form, call one of these and render.

use time::OffsetDateTime;
use uuid::Uuid;

use super::profile::support_needs_field;
use super::storage::{self, AccountRow, NewAccount, WELCOME_LIFETIME};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::ids::known;
use crate::notices::{self, Addressee, messages};
use crate::security::field_crypto::{KeyRing, ResealError};
use crate::web::AppError;

/// A failure that is only ever the database's.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> AppError {
        match error {
            AccountError::Database(e) => AppError::Database(e),
        }
    }
}

// --- Reads the handlers need ------------------------------------------------------------------

/// Failed sign-ins since `since`, for this address and for this client.
pub async fn recent_failures(
    ex: &mut Ex<'_>,
    email: &str,
    client: &str,
    since: OffsetDateTime,
) -> Result<(i64, i64), sqlx::Error> {
    storage::recent_failures(ex, email, client, since).await
}

pub async fn find_by_email(
    ex: &mut Ex<'_>,
    email: &str,
) -> Result<Option<AccountRow>, sqlx::Error> {
    storage::find_by_email(ex, email).await
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<AccountRow>, sqlx::Error> {
    storage::find(ex, id).await
}

/// Whether a password-reset token is unused and unexpired.
pub async fn reset_is_live(ex: &mut Ex<'_>, token_hash: &[u8]) -> Result<bool, sqlx::Error> {
    Ok(storage::find_reset(ex, token_hash).await?.is_some())
}

// --- Sessions -----------------------------------------------------------------------------------

/// Signs an account in with a new session (the token's hash), ending the session it replaces, so a
/// session id planted before sign-in is worthless; forgets the address's failed attempts.
pub async fn start_session(
    ex: &mut Ex<'_>,
    account: &AccountRow,
    replacing: Option<&[u8]>,
    token_hash: &[u8],
) -> Result<(), AccountError> {
    if let Some(old) = replacing {
        storage::delete_session(ex, old).await?;
    }
    storage::clear_failures(ex, &account.email).await?;
    storage::create_session(ex, token_hash, account.id).await?;
    audit::record(
        ex,
        Entry::new(Action::SessionStarted, "account", account.id).by(Some(account.id)),
    )
    .await?;
    Ok(())
}

/// Remembers a failed sign-in, for throttling.
pub async fn record_failed_sign_in(
    ex: &mut Ex<'_>,
    email: &str,
    client: &str,
) -> Result<(), AccountError> {
    storage::record_failure(ex, email, client).await?;
    Ok(())
}

/// Ends a session (signing out).
pub async fn end_session(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    token_hash: &[u8],
) -> Result<(), AccountError> {
    storage::delete_session(ex, token_hash).await?;
    audit::record(
        ex,
        Entry::new(
            Action::SessionEnded,
            "account",
            actor.map(|a| a.to_string()).unwrap_or_default(),
        )
        .by(actor),
    )
    .await?;
    Ok(())
}

// --- Passwords ------------------------------------------------------------------------------------

/// Where a reset link points and what the service is called, for the email.
pub struct ResetLink<'a> {
    /// Makes the full link from the token's secret.
    pub link: &'a (dyn Fn(&str) -> String + Sync),
    pub service_name: &'a str,
    pub door: notices::Door<'a>,
}

/// Sends a password-reset link if the address has an account; says nothing either way, so the
/// form cannot be used to find out whether an account exists. True if an email was queued.
pub async fn request_reset(
    ex: &mut Ex<'_>,
    email_address: &str,
    link: ResetLink<'_>,
) -> Result<bool, AccountError> {
    let Some(account) = storage::find_by_email(ex, email_address).await? else {
        return Ok(false);
    };
    let token = crate::security::tokens::issue();
    storage::create_reset(ex, &token.hash, account.id).await?;
    let locale = known(
        Locale::parse(&account.language),
        "language",
        &account.language,
    )?;
    let notice = messages::password_reset(&(link.link)(&token.secret), link.service_name);
    let to = Addressee::account(&account.email, &account.display_name, locale);
    notices::send(ex, link.door, &to, notice).await?;
    audit::record(
        ex,
        Entry::new(Action::PasswordResetRequested, "account", account.id),
    )
    .await?;
    Ok(true)
}

#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    /// Used already, expired, or never issued.
    #[error("the reset link has expired")]
    Expired,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Sets a new password through a reset token (used once), and signs the account out everywhere:
/// whoever knew the old password loses their session. Returns the account.
pub async fn reset_password(
    ex: &mut Ex<'_>,
    token_hash: &[u8],
    password_hash: &str,
) -> Result<Uuid, ResetError> {
    let Some(account) = storage::find_reset(ex, token_hash).await? else {
        return Err(ResetError::Expired);
    };
    if !storage::use_reset(ex, token_hash).await? {
        return Err(ResetError::Expired);
    }
    storage::set_password(ex, account, password_hash).await?;
    storage::delete_sessions_for(ex, account).await?;
    audit::record(
        ex,
        Entry::new(Action::PasswordResetCompleted, "account", account).by(Some(account)),
    )
    .await?;
    Ok(account)
}

/// The signed-in person changes their own password (already checked against the old one).
pub async fn change_password(
    ex: &mut Ex<'_>,
    account: Uuid,
    password_hash: &str,
) -> Result<(), AccountError> {
    storage::set_password(ex, account, password_hash).await?;
    audit::record(
        ex,
        Entry::new(Action::AccountPasswordChanged, "account", account).by(Some(account)),
    )
    .await?;
    Ok(())
}

// --- The person's own settings ----------------------------------------------------------------------

/// Stores the already-sealed support needs (or clears them).
pub async fn set_support_needs(
    ex: &mut Ex<'_>,
    account: Uuid,
    sealed: Option<&[u8]>,
) -> Result<(), AccountError> {
    storage::set_support_needs(ex, account, sealed).await?;
    audit::record(
        ex,
        Entry::new(Action::AccountSupportNeedsChanged, "account", account).by(Some(account)),
    )
    .await?;
    Ok(())
}

/// Remembers the language the signed-in person chose, for their next visit.
pub async fn choose_language(
    ex: &mut Ex<'_>,
    account: Uuid,
    locale: Locale,
) -> Result<(), AccountError> {
    storage::set_language(ex, account, locale.code()).await?;
    audit::record(
        ex,
        Entry::new(Action::AccountLanguageChanged, "account", account)
            .by(Some(account))
            .with(serde_json::json!({ "language": locale.code() })),
    )
    .await?;
    Ok(())
}

// --- New accounts -----------------------------------------------------------------------------------

/// Creates an account (signing itself up, so it is its own actor), logged in the organisation it
/// joins. Returns its id.
pub async fn create_account(
    ex: &mut Ex<'_>,
    account: NewAccount<'_>,
    organisation: Uuid,
) -> Result<Uuid, AccountError> {
    let id = storage::create(ex, account).await?;
    audit::record(
        ex,
        Entry::new(Action::AccountCreated, "account", id)
            .by(Some(id))
            .in_organisation(organisation),
    )
    .await?;
    Ok(id)
}

/// Creates an account for someone joining a panel by email, with no password yet: the welcome link
/// (the token whose hash is given) lets them choose one, for a week. Returns its id.
pub async fn create_with_welcome_link(
    ex: &mut Ex<'_>,
    account: NewAccount<'_>,
    token_hash: &[u8],
) -> Result<Uuid, AccountError> {
    let id = storage::create(ex, account).await?;
    storage::create_reset_lasting(ex, token_hash, id, WELCOME_LIFETIME).await?;
    audit::record(
        ex,
        Entry::new(Action::AccountCreated, "account", id).by(Some(id)),
    )
    .await?;
    Ok(id)
}

/// Creates an account from the command line (an operator setting up the service), logged in the
/// organisation it joins, if any. Returns its id.
pub async fn create_from_command_line(
    ex: &mut Ex<'_>,
    account: NewAccount<'_>,
    organisation: Option<Uuid>,
) -> Result<Uuid, AccountError> {
    let site_admin = account.is_site_admin;
    let id = storage::create(ex, account).await?;
    let mut entry = Entry::new(Action::AccountCreated, "account", id)
        .with(serde_json::json!({ "via": "command line", "site_admin": site_admin }));
    if let Some(organisation) = organisation {
        entry = entry.in_organisation(organisation);
    }
    audit::record(ex, entry).await?;
    Ok(id)
}

/// Seals every account's support needs again under the active key; how many it changed.
pub async fn reseal_support_needs(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (account, sealed) in storage::all_support_needs(ex).await? {
        let field = support_needs_field(account);
        if let Some(new) = keys.resealed(&sealed, field, || {
            format!("support needs of account {account}")
        })? {
            storage::set_support_needs(ex, account, Some(&new)).await?;
            resealed += 1;
        }
    }
    Ok(resealed)
}

/// Opens a session for an account that has just been created and signed in with it.
pub async fn open_first_session(
    ex: &mut Ex<'_>,
    account: Uuid,
    token_hash: &[u8],
) -> Result<(), AccountError> {
    storage::create_session(ex, token_hash, account).await?;
    Ok(())
}
