//! Command-line administration: creating accounts, rotating keys and verifying the audit log. Each
//! task is one transaction and records itself in the audit log.

use crate::accounts::domain::{DisplayName, EmailAddress};
use crate::accounts::profile::support_needs_field;
use crate::accounts::storage::{self as accounts, NewAccount};
use crate::audit::{self, Action, ChainReport, Entry};
use crate::db::Db;
use crate::organisations::domain::Role;
use crate::organisations::storage as organisations;
use crate::security::field_crypto::KeyRing;
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
    #[error(
        "could not decrypt the value stored for account {account}: {reason}. Is the key it was sealed with still configured?"
    )]
    Undecryptable { account: uuid::Uuid, reason: String },
    #[error(
        "could not decrypt the {column} stored for person {person}: {reason}. Is the key it was sealed with still configured?"
    )]
    UndecryptablePerson {
        person: uuid::Uuid,
        column: &'static str,
        reason: String,
    },
    #[error(
        "could not decrypt the pool snapshot stored for working group computation {run}: {reason}. Is the key it was sealed with still configured?"
    )]
    UndecryptableSnapshot { run: uuid::Uuid, reason: String },
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
    let id = accounts::create(
        &mut tx.ex(),
        NewAccount {
            email: email.as_str(),
            display_name: name.as_str(),
            password_hash: Some(&hash),
            language: "en",
            is_site_admin: user.site_admin,
        },
    )
    .await?;
    let mut entry = Entry::new(Action::AccountCreated, "account", id)
        .with(serde_json::json!({ "via": "command line", "site_admin": user.site_admin }));
    if let (Some(org), Some(role)) = (&organisation, role) {
        organisations::set_membership(&mut tx.ex(), id, org.id, role).await?;
        entry = entry.in_organisation(org.id);
    }
    audit::record(&mut tx.ex(), entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Re-seals every special-category value under the active key. Returns how many were re-sealed.
pub async fn rotate_keys(db: &Db, keys: &KeyRing) -> Result<usize, AdminError> {
    let mut tx = db.begin().await?;
    let mut rotated = 0;
    for (account, sealed) in accounts::all_support_needs(&mut tx.ex()).await? {
        if !keys.needs_rotation(&sealed) {
            continue;
        }
        let field = support_needs_field(account);
        let plain = keys
            .open(&sealed, field)
            .map_err(|e| AdminError::Undecryptable {
                account,
                reason: e.to_string(),
            })?;
        accounts::set_support_needs(&mut tx.ex(), account, Some(&keys.seal(&plain, field))).await?;
        rotated += 1;
    }
    rotated += rotate_register(&mut tx, keys).await?;
    rotated += rotate_event_feedback(&mut tx, keys).await?;
    rotated += rotate_selection_snapshots(&mut tx, keys).await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::KeysRotated, "site", "encryption-keys")
            .with(serde_json::json!({ "active_key": keys.active_id(), "values": rotated })),
    )
    .await?;
    tx.commit().await?;
    Ok(rotated)
}

/// Re-seals the panel register's sealed columns that are not under the active key.
async fn rotate_register(tx: &mut crate::db::Tx, keys: &KeyRing) -> Result<usize, AdminError> {
    use crate::register::profile::field;
    use crate::register::storage::{self as register, SealedColumn};
    let mut rotated = 0;
    for column in [
        SealedColumn::PostalAddress,
        SealedColumn::Preferences,
        SealedColumn::AccessNeeds,
        SealedColumn::Monitoring,
    ] {
        for (person, sealed) in register::all_sealed(&mut tx.ex(), column).await? {
            if !keys.needs_rotation(&sealed) {
                continue;
            }
            let plain = keys.open(&sealed, field(person, column)).map_err(|e| {
                AdminError::UndecryptablePerson {
                    person,
                    column: column.name(),
                    reason: e.to_string(),
                }
            })?;
            let resealed = keys.seal(&plain, field(person, column));
            register::replace_sealed(&mut tx.ex(), person, column, &resealed).await?;
            rotated += 1;
        }
    }
    // The blind-index key comes from the lowest-numbered key, so once an old key is dropped the
    // tokens change: rebuild them all from the (now current) sealed answers.
    for (person, sealed) in register::all_sealed(&mut tx.ex(), SealedColumn::Monitoring).await? {
        let plain = keys
            .open(&sealed, field(person, SealedColumn::Monitoring))
            .map_err(|e| AdminError::UndecryptablePerson {
                person,
                column: SealedColumn::Monitoring.name(),
                reason: e.to_string(),
            })?;
        let monitoring: crate::register::domain::Monitoring =
            serde_json::from_str(&plain).unwrap_or_default();
        let tokens = crate::register::profile::monitoring_tokens(keys, &monitoring);
        register::set_monitoring_tokens(&mut tx.ex(), person, &tokens).await?;
    }
    Ok(rotated)
}

/// Re-seals what attendees said after events that is not under the active key.
async fn rotate_event_feedback(
    tx: &mut crate::db::Tx,
    keys: &KeyRing,
) -> Result<usize, AdminError> {
    use crate::events::feedback::{field, storage};
    let mut rotated = 0;
    for (event, person, sealed) in storage::all_sealed(&mut tx.ex()).await? {
        if !keys.needs_rotation(&sealed) {
            continue;
        }
        let plain = keys.open(&sealed, field(event, person)).map_err(|e| {
            AdminError::UndecryptablePerson {
                person,
                column: "event_feedback.details",
                reason: e.to_string(),
            }
        })?;
        storage::replace_sealed(
            &mut tx.ex(),
            event,
            person,
            &keys.seal(&plain, field(event, person)),
        )
        .await?;
        rotated += 1;
    }
    Ok(rotated)
}

/// Re-seals the pool snapshots that working group computations keep (they hold monitoring answers).
async fn rotate_selection_snapshots(
    tx: &mut crate::db::Tx,
    keys: &KeyRing,
) -> Result<usize, AdminError> {
    use crate::selection::{run::problem_field, storage as selections};
    let mut rotated = 0;
    for (run, sealed) in selections::all_problems(&mut tx.ex()).await? {
        if !keys.needs_rotation(&sealed) {
            continue;
        }
        let plain = keys.open(&sealed, problem_field(run)).map_err(|e| {
            AdminError::UndecryptableSnapshot {
                run,
                reason: e.to_string(),
            }
        })?;
        let resealed = keys.seal(&plain, problem_field(run));
        selections::replace_problem(&mut tx.ex(), run, &resealed).await?;
        rotated += 1;
    }
    Ok(rotated)
}

pub async fn verify_audit(db: &Db) -> Result<ChainReport, AdminError> {
    let mut conn = db.acquire().await?;
    Ok(audit::verify(&mut conn.ex()).await?)
}
