//! Every change to organisations, their members and invitations, each a command that reads,
//! decides, writes, audits and queues its emails in the caller's transaction.

use std::future::Future;
use std::pin::Pin;

use uuid::Uuid;

use super::domain::{OrganisationKind, OrganisationName, PostalAddress, Role};
use super::storage::{self, InvitationRow, OrganisationRow};
use crate::accounts::NewAccount;
use crate::accounts::commands::{self as accounts, AccountError};
use crate::accounts::domain::EmailAddress;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::ids::known;
use crate::notices::{self, Addressee, messages};

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// Another organisation has this name (in any case).
    #[error("an organisation already has this name")]
    NameTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What a capability built on organisations sets up for a new one, in the transaction that
/// creates it (the register's default monitoring questions), so no page has to write it later on
/// a read. The route table passes it in: organisations import nothing above them.
#[derive(Clone, Copy)]
pub struct NewOrganisationSetup(pub for<'a, 'b> fn(&'a mut Ex<'b>, Uuid) -> SetUp<'a>);

/// The work of setting up one new organisation.
pub type SetUp<'a> = Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'a>>;

/// Creates an organisation, with what other capabilities set up for it. Returns its id.
pub async fn create(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    name: &OrganisationName,
    kind: OrganisationKind,
    setup: NewOrganisationSetup,
) -> Result<Uuid, CreateError> {
    if storage::find_by_name(ex, name.as_str()).await?.is_some() {
        return Err(CreateError::NameTaken);
    }
    let id = storage::create(ex, name.as_str(), kind).await?;
    (setup.0)(ex, id).await?;
    audit::record(
        ex,
        Entry::new(Action::OrganisationCreated, "organisation", id)
            .by(actor)
            .in_organisation(id)
            .with(serde_json::json!({ "name": name.as_str(), "kind": kind.as_str() })),
    )
    .await?;
    Ok(id)
}

/// Makes an account a member with this role, as an operator at the command line would.
pub async fn add_member_from_command_line(
    ex: &mut Ex<'_>,
    account: Uuid,
    organisation: Uuid,
    role: Role,
) -> Result<(), sqlx::Error> {
    storage::set_membership(ex, account, organisation, role).await?;
    audit::record(
        ex,
        Entry::new(Action::MembershipCreated, "account", account)
            .in_organisation(organisation)
            .with(serde_json::json!({ "role": role.as_str(), "via": "command line" })),
    )
    .await
}

/// Sets the address printed at the top of the organisation's letters, and whether everything it
/// sends is in Welsh and English.
pub async fn set_letters(
    ex: &mut Ex<'_>,
    by: Option<Uuid>,
    organisation: Uuid,
    address: &PostalAddress,
    bilingual: bool,
) -> Result<(), sqlx::Error> {
    storage::set_letters(ex, organisation, address.as_str(), bilingual).await?;
    audit::record(
        ex,
        Entry::new(
            Action::OrganisationAddressChanged,
            "organisation",
            organisation,
        )
        .by(by)
        .in_organisation(organisation)
        .with(serde_json::json!({ "bilingual": bilingual })),
    )
    .await
}

/// Whether a name is taken already (to show with the form's other problems).
pub async fn name_taken(ex: &mut Ex<'_>, name: &OrganisationName) -> Result<bool, sqlx::Error> {
    Ok(storage::find_by_name(ex, name.as_str()).await?.is_some())
}

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    /// The address belongs to an account that is a member already.
    #[error("already a member")]
    AlreadyMember,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What an invitation email needs besides the invitation.
pub struct InvitationLink<'a> {
    /// Makes the full link from the token's secret.
    pub link: &'a (dyn Fn(&str) -> String + Sync),
    pub service_name: &'a str,
    /// The inviter's language, used when the invited address has no account to say its own.
    pub fallback: Locale,
    pub door: notices::Door<'a>,
}

/// Whether an address already belongs to a member of the organisation.
pub async fn already_member(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    email: &EmailAddress,
) -> Result<bool, sqlx::Error> {
    match accounts::find_by_email(ex, email.as_str()).await? {
        Some(account) => storage::is_member(ex, account.id, organisation).await,
        None => Ok(false),
    }
}

/// Invites an address into an organisation with a role, and emails them the link.
pub async fn invite(
    ex: &mut Ex<'_>,
    inviter: Uuid,
    organisation: &OrganisationRow,
    email_address: &EmailAddress,
    role: Role,
    link: InvitationLink<'_>,
) -> Result<Uuid, InviteError> {
    let existing = accounts::find_by_email(ex, email_address.as_str()).await?;
    if let Some(account) = &existing
        && storage::is_member(ex, account.id, organisation.id).await?
    {
        return Err(InviteError::AlreadyMember);
    }
    let token = crate::security::tokens::issue();
    let id = storage::create_invitation(
        ex,
        &token.hash,
        organisation.id,
        email_address.as_str(),
        role,
        inviter,
    )
    .await?;
    // Write to them in their own language if we know it, otherwise in the inviter's.
    let locale = match &existing {
        Some(account) => known(
            Locale::parse(&account.language),
            "language",
            &account.language,
        )?,
        None => link.fallback,
    };
    let to = Addressee::account(email_address.as_str(), "", locale);
    let accept = (link.link)(&token.secret);
    let notice = super::in_its_languages(ex, organisation.id, &to, |to| {
        let role_label = to.locale.t(role.message_key());
        messages::invitation(&accept, &organisation.name, &role_label, link.service_name)
    })
    .await?;
    notices::send(ex, link.door, &to, notice.from(organisation.id)).await?;
    audit::record(
        ex,
        Entry::new(Action::InvitationCreated, "invitation", id)
            .by(Some(inviter))
            .in_organisation(organisation.id)
            .with(serde_json::json!({ "email": email_address.as_str(), "role": role.as_str() })),
    )
    .await?;
    Ok(id)
}

#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    /// Accepted already (a second tab, a replay) or expired.
    #[error("the invitation is no longer open")]
    Expired,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<AccountError> for AcceptError {
    fn from(error: AccountError) -> AcceptError {
        match error {
            AccountError::Database(e) => AcceptError::Database(e),
        }
    }
}

/// A signed-in account accepts the invitation sent to its address and becomes a member.
pub async fn accept(
    ex: &mut Ex<'_>,
    invitation: &InvitationRow,
    account: Uuid,
) -> Result<(), AcceptError> {
    if !storage::accept_invitation(ex, invitation.id).await? {
        return Err(AcceptError::Expired);
    }
    storage::set_membership(ex, account, invitation.organisation_id, invitation.role).await?;
    record_joined(ex, invitation, account).await?;
    Ok(())
}

/// The person the invitation was sent to has no account: creates one with their name and
/// password, makes them a member and signs them in with the session whose token hash is given.
/// Returns the new account.
pub async fn accept_with_new_account(
    ex: &mut Ex<'_>,
    invitation: &InvitationRow,
    display_name: &str,
    password_hash: &str,
    language: Locale,
    session_hash: &[u8],
) -> Result<Uuid, AcceptError> {
    if !storage::accept_invitation(ex, invitation.id).await? {
        return Err(AcceptError::Expired);
    }
    let account = accounts::create_account(
        ex,
        NewAccount {
            email: &invitation.email,
            display_name,
            password_hash: Some(password_hash),
            language: language.code(),
            is_site_admin: false,
        },
        invitation.organisation_id,
    )
    .await?;
    storage::set_membership(ex, account, invitation.organisation_id, invitation.role).await?;
    record_joined(ex, invitation, account).await?;
    accounts::open_first_session(ex, account, session_hash).await?;
    Ok(account)
}

async fn record_joined(
    ex: &mut Ex<'_>,
    invitation: &InvitationRow,
    account: Uuid,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(Action::MembershipCreated, "account", account)
            .by(Some(account))
            .in_organisation(invitation.organisation_id)
            .with(serde_json::json!({ "role": invitation.role.as_str(), "invitation": invitation.id })),
    )
    .await
}
