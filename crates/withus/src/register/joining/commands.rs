//! Joining a panel, as one command: the person (and an account for their email, if they have none),
//! their membership, the consents they gave, the audit entry and the email, in one transaction.

use uuid::Uuid;

use crate::accounts::NewAccount;
use crate::accounts::commands as accounts;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::notices::{self, Addressee, messages};
use crate::register::consents::{self, Actor, NewConsent};
use crate::register::domain::{
    Channel, ConsentKind, DataCategory, EntryRoute, ShareScope, join_scope,
};
use crate::register::panels::{PanelRow, membership};
use crate::register::record::editors::details::Contact;
use crate::register::record::people::create_with_contact;
use crate::register::storage;
use crate::security::tokens;
use crate::state::AppState;

/// What a person confirmed on "Check your answers".
pub struct Joining<'a> {
    pub panel: &'a PanelRow,
    pub contact: &'a Contact,
    /// Special-category data they agreed we may keep.
    pub categories: &'a [DataCategory],
    /// Partner organisations they agreed to share their contact details with.
    pub share_with: &'a [Uuid],
    pub locale: Locale,
    pub signed_in: Option<Uuid>,
}

/// Why a join was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    #[error(transparent)]
    Membership(#[from] membership::ChangeError),
    #[error(transparent)]
    Account(#[from] crate::accounts::commands::AccountError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Records the join. Returns whether an email was queued (a welcome, or "you joined" to an
/// account that exists).
pub async fn join(
    ex: &mut Ex<'_>,
    state: &AppState,
    joining: &Joining<'_>,
) -> Result<bool, JoinError> {
    let actor = Actor {
        account: joining.signed_in,
        organisation: None,
        channel: Channel::Online,
    };
    // Someone signed in joins as themselves; otherwise an account is made for an email address.
    let existing = match joining.signed_in {
        Some(account) => storage::person_of_account(ex, account).await?,
        None => None,
    };
    let mut email_to_send = None;
    let person = match existing {
        Some(person) => person.id,
        None => {
            let account = match (joining.signed_in, &joining.contact.email) {
                (Some(account), _) => Some(account),
                (None, Some(email)) => match accounts::find_by_email(ex, email).await? {
                    Some(found) => {
                        let linked = storage::person_of_account(ex, found.id).await?;
                        email_to_send = Some((
                            email.clone(),
                            Locale::parse(&found.language).unwrap_or_default(),
                            messages::panel_joined_notice(
                                &state.link("/your-data"),
                                &joining.panel.name,
                                &state.config.service_name,
                            ),
                        ));
                        linked.is_none().then_some(found.id)
                    }
                    None => {
                        let token = tokens::issue();
                        let id = accounts::create_with_welcome_link(
                            ex,
                            NewAccount {
                                email,
                                display_name: &joining.contact.name,
                                password_hash: None,
                                language: joining.locale.code(),
                                is_site_admin: false,
                            },
                            &token.hash,
                        )
                        .await?;
                        email_to_send = Some((
                            email.clone(),
                            joining.locale,
                            messages::panel_welcome(
                                &state.link(&format!("/password-reset/{}", token.secret)),
                                &joining.panel.name,
                                &state.config.service_name,
                            ),
                        ));
                        Some(id)
                    }
                },
                (None, None) => None,
            };
            create_with_contact(
                ex,
                &state.keys,
                joining.contact,
                account,
                EntryRoute::SelfJoined,
            )
            .await?
        }
    };
    membership::join(ex, actor, person, joining.panel.id).await?;
    let consent = |kind, partner, scope| NewConsent {
        person,
        kind,
        panel: (kind == ConsentKind::Panel).then_some(joining.panel.id),
        partner,
        scope,
        channel: Channel::Online,
        recorded_by: joining.signed_in,
    };
    let scope = join_scope(joining.categories, DataCategory::as_str);
    if !joining.categories.is_empty() {
        consents::give(
            ex,
            actor,
            consent(ConsentKind::SpecialCategory, None, &scope),
        )
        .await?;
    }
    for partner in joining.share_with {
        consents::give(
            ex,
            actor,
            consent(
                ConsentKind::Share,
                Some(*partner),
                ShareScope::Contact.as_str(),
            ),
        )
        .await?;
    }
    audit::record(
        ex,
        Entry::new(Action::PersonJoinedPanel, "person", person)
            .by(joining.signed_in)
            .in_organisation(joining.panel.organisation_id)
            .with(serde_json::json!({ "panel": joining.panel.id, "entry_route": EntryRoute::SelfJoined.as_str() })),
    )
    .await?;
    let emailed = email_to_send.is_some();
    if let Some((address, locale, notice)) = email_to_send {
        // The link to choose a password goes to the address they joined with, whatever channel
        // they prefer for other notices.
        let mut to = crate::register::contact::addressee(state, ex, person)
            .await?
            .unwrap_or_else(|| Addressee::account(&address, &joining.contact.name, locale));
        to.channel = notices::Channel::Email;
        to.email = Some(address);
        to.locale = locale;
        let notice = notice
            .about(&joining.panel.name, None)
            .from(joining.panel.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
    }
    Ok(emailed)
}
