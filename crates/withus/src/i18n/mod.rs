//! English and Welsh. Every piece of interface text is a Fluent message in `locales/{en,cy}/*.ftl`;
//! Fluent applies CLDR plural rules, which Welsh needs (six plural forms).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation marks around placeables would leak into HTML, email subjects and CSV.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static CY: LanguageIdentifier = langid!("cy");

/// A language the interface is offered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Cy,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Cy];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Cy => "cy",
        }
    }

    pub fn parse(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" | "en-gb" => Some(Locale::En),
            "cy" | "cy-gb" => Some(Locale::Cy),
            _ => None,
        }
    }

    /// The other language, offered by the language toggle.
    pub fn other(self) -> Locale {
        match self {
            Locale::En => Locale::Cy,
            Locale::Cy => Locale::En,
        }
    }

    /// The language's name in itself ("English", "Cymraeg"), as the toggle shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Cy => "Cymraeg",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Locale::En => &EN,
            Locale::Cy => &CY,
        }
    }

    /// The message for `key`. A missing key shows the key itself, which the catalogue test forbids.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// The message for `key` with named arguments; numbers select plural forms.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(number) => FluentValue::from(*number),
                    Arg::Message(key) => FluentValue::from(self.t(key)),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &map)
    }
}

/// Whether the catalogue has `key` in this language (without falling back to another).
pub fn has_message(locale: Locale, key: &str) -> bool {
    // A missing key looks up as the key itself.
    LOCALES.lookup(locale.id(), key) != key
}

/// A value passed into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Another message, in the same language (a format's name inside an error).
    Message(String),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value)
    }
}

impl From<usize> for Arg {
    fn from(value: usize) -> Self {
        Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

#[cfg(test)]
mod tests;

/// A whole number with thousands separated by commas, as both languages write it: 2000 → "2,000".
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod grouped_tests {
    #[test]
    fn thousands_are_separated() {
        assert_eq!(super::grouped(7), "7");
        assert_eq!(super::grouped(2000), "2,000");
        assert_eq!(super::grouped(100_000), "100,000");
        assert_eq!(super::grouped(-1_234_567), "-1,234,567");
    }
}
