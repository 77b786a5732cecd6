//! How to write to a panel member: the [`Style`] their format preferences ask for, as a read model
//! for the capabilities that send them notices.

use uuid::Uuid;

use super::domain::{Format, Preferences};
use super::{profile, storage};
use crate::db::Ex;
use crate::notices::Style;
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
    let row = match storage::find_person(ex, person).await {
        Ok(Some(row)) => row,
        _ => return Style::default(),
    };
    match profile::open(&state.keys, &row) {
        Ok(opened) => style(&opened.preferences),
        Err(error) => {
            tracing::warn!(%error, "could not open format preferences; writing plainly");
            Style::default()
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
