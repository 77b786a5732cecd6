//! How to reach a panel member: the [`Addressee`] the notices door needs (addresses, language,
//! format, channel, frequency, declined kinds), as a read model for the capabilities that send
//! them notices; the digest sweep's directory; and the one-click unsubscribe link.

use std::time::Duration;

use tokio::sync::watch;
use uuid::Uuid;

use super::domain::{ContactMethod, Format, Preferences};
use super::{profile, storage};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::notices::digest::{Directory, Found};
use crate::notices::{Addressee, Channel, Frequency, NoticeKind, Style};
use crate::state::AppState;

/// The one place where a person's format preferences decide how a notice is written. Someone who
/// asked for plain-text email gets no HTML part, even with large print (their reader sizes text).
pub fn style(preferences: &Preferences) -> Style {
    let wants = |format| preferences.formats.contains(&format);
    Style::for_formats(
        wants(Format::EasyRead),
        wants(Format::LargePrint),
        wants(Format::PlainTextEmail),
        preferences.large_print_size,
    )
}

/// How `person` wants to be written to; plain wording if their preferences cannot be read.
pub async fn style_of(state: &AppState, ex: &mut Ex<'_>, person: Uuid) -> Style {
    match addressee(state, ex, person).await {
        Ok(Some(to)) => to.style,
        _ => Style::default(),
    }
}

/// The channel a contact method asks for. Someone who wants contact through an advocate is
/// phoned: staff see the advocate's details on the record.
pub fn channel(method: ContactMethod) -> Channel {
    match method {
        ContactMethod::Email => Channel::Email,
        ContactMethod::Sms => Channel::Sms,
        ContactMethod::Post => Channel::Post,
        ContactMethod::Phone | ContactMethod::Advocate => Channel::Phone,
    }
}

/// The kinds listed in a stored comma-separated list; unknown codes are dropped (a kind retired).
pub fn declined_kinds(stored: &str) -> Vec<NoticeKind> {
    stored
        .split(',')
        .filter_map(|code| NoticeKind::parse(code.trim()))
        .collect()
}

/// Everything the notices door needs to reach `person`; `None` when they have been erased.
/// Preferences that cannot be opened give standard wording (and are logged).
pub async fn addressee(
    state: &AppState,
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Option<Addressee>, sqlx::Error> {
    let Some(row) = storage::find_person(ex, person).await? else {
        return Ok(None);
    };
    let Some((frequency, declined)) = storage::notice_settings(ex, person).await? else {
        return Ok(None);
    };
    let (postal_address, style) = match profile::open(&state.keys, &row) {
        Ok(opened) => (opened.postal_address, style(&opened.preferences)),
        Err(error) => {
            tracing::warn!(%error, "could not open a person's preferences; writing plainly");
            (None, Style::default())
        }
    };
    Ok(Some(Addressee {
        person: Some(person),
        name: row.display_name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        postal_address,
        locale: Locale::parse(&row.language).unwrap_or_default(),
        style,
        channel: channel(row.contact_method),
        frequency: Frequency::parse(&frequency).unwrap_or(Frequency::Immediate),
        declined: declined_kinds(&declined),
        unsubscribe_url: Some(state.link(&unsubscribe_path(state, person))),
    }))
}

/// The link that stops every notice the person may decline, without signing in: it names the
/// person and carries a keyed token only the service can make.
pub fn unsubscribe_path(state: &AppState, person: Uuid) -> String {
    format!("/unsubscribe/{person}/{}", unsubscribe_token(state, person))
}

pub fn unsubscribe_token(state: &AppState, person: Uuid) -> String {
    state
        .keys
        .blind_token(&format!("unsubscribe:{person}"))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The register as the digest sweep's directory.
pub struct RegisterDirectory(pub AppState);

impl Directory for RegisterDirectory {
    fn addressee<'a>(&'a self, ex: &'a mut Ex<'_>, person: Uuid) -> Found<'a> {
        Box::pin(addressee(&self.0, ex, person))
    }
}

/// How often the digest sweep looks for digests due.
const DIGESTS_EVERY: Duration = Duration::from_secs(10 * 60);

/// Sends the digests due now and then every few minutes, until `shutdown` changes.
pub async fn send_digests(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let directory = RegisterDirectory(state.clone());
    loop {
        match crate::notices::digest::sweep(&state.db, state.door(), &directory, crate::db::now())
            .await
        {
            Ok(0) => {}
            Ok(sent) => {
                tracing::info!(sent, "notice digests sent");
                state.mail_wake.notify_one();
            }
            Err(error) => tracing::error!(%error, "the digest sweep could not read the notices"),
        }
        tokio::select! {
            _ = tokio::time::sleep(DIGESTS_EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notices::{DEFAULT_LARGE_PRINT_POINTS, MINIMUM_LARGE_PRINT_POINTS};

    fn wanting(formats: &[Format], size: Option<u8>) -> Style {
        style(&Preferences {
            formats: formats.to_vec(),
            large_print_size: size,
            ..Preferences::default()
        })
    }

    #[test]
    fn no_preference_is_plain_wording_and_text_only() {
        assert_eq!(wanting(&[], None), Style::default());
    }

    #[test]
    fn easy_read_asks_for_the_easy_read_wording() {
        let s = wanting(&[Format::EasyRead], None);
        assert!(s.easy_read);
        assert_eq!(s.large_print, None);
    }

    #[test]
    fn large_print_uses_the_size_asked_for_never_below_the_minimum() {
        assert_eq!(
            wanting(&[Format::LargePrint], Some(24)).large_print,
            Some(24)
        );
        assert_eq!(
            wanting(&[Format::LargePrint], None).large_print,
            Some(DEFAULT_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            wanting(&[Format::LargePrint], Some(10)).large_print,
            Some(MINIMUM_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            wanting(&[Format::LargePrint, Format::PlainTextEmail], Some(24)).large_print,
            None,
            "plain-text email means no HTML part"
        );
    }
}
