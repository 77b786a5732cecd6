//! Text as Bacs accepts it in a name or reference field: at most 18 characters from
//! A–Z, 0–9, space, full stop, ampersand, slash and hyphen.

use std::fmt;

use thiserror::Error;

/// The longest name or reference a Standard 18 field holds.
pub const FIELD_LENGTH: usize = 18;

/// Uppercase text of 1 to 18 characters Bacs accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BacsText(String);

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BacsTextError {
    #[error("has no letters or numbers Bacs accepts")]
    Empty,
    #[error(
        "is {length} characters once made ready for the bank (“{cleaned}”), and Bacs allows 18"
    )]
    TooLong { cleaned: String, length: usize },
}

/// Whether Bacs accepts `c` (once uppercased).
pub fn allowed(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '.' | '&' | '/' | '-')
}

/// Accented letters common in Welsh, Irish and European names as their plain letter, so "Siân"
/// becomes "SIAN" rather than "SIN".
fn plain_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// Uppercases `text`, turns accented letters into plain ones, drops every other character Bacs
/// does not accept (apostrophes, commas, brackets, other scripts) and closes up spaces.
pub fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(plain_letter)
        .flat_map(char::to_uppercase)
        .filter(|c| allowed(*c))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl BacsText {
    pub fn new(text: &str) -> Result<Self, BacsTextError> {
        let cleaned = clean(text);
        match cleaned.chars().count() {
            0 => Err(BacsTextError::Empty),
            length if length > FIELD_LENGTH => Err(BacsTextError::TooLong { cleaned, length }),
            _ => Ok(BacsText(cleaned)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of letters and digits, for the reference rule.
    pub fn alphanumerics(&self) -> usize {
        self.0.chars().filter(char::is_ascii_alphanumeric).count()
    }
}

impl fmt::Display for BacsText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_uppercased_and_cleaned() {
        assert_eq!(BacsText::new("Jo Bloggs").unwrap().as_str(), "JO BLOGGS");
        assert_eq!(
            BacsText::new("Siân O'Brien").unwrap().as_str(),
            "SIAN OBRIEN"
        );
        assert_eq!(BacsText::new("ÉMILE Zoë").unwrap().as_str(), "EMILE ZOE");
        assert_eq!(
            BacsText::new("  A & B (Trust), Ltd. ").unwrap().as_str(),
            "A & B TRUST LTD."
        );
        assert_eq!(BacsText::new("Ref: 12/3-4").unwrap().as_str(), "REF 12/3-4");
    }

    #[test]
    fn nothing_left_or_too_long_is_refused() {
        assert_eq!(BacsText::new("李小龍"), Err(BacsTextError::Empty));
        assert_eq!(BacsText::new("''"), Err(BacsTextError::Empty));
        let long = BacsText::new("Maximilian Featherstonehaugh").unwrap_err();
        assert_eq!(
            long,
            BacsTextError::TooLong {
                cleaned: "MAXIMILIAN FEATHERSTONEHAUGH".into(),
                length: 28
            }
        );
        assert_eq!(
            long.to_string(),
            "is 28 characters once made ready for the bank (“MAXIMILIAN FEATHERSTONEHAUGH”), \
             and Bacs allows 18"
        );
        assert!(BacsText::new("ABCDEFGHIJKLMNOPQR").is_ok());
        assert!(BacsText::new("ABCDEFGHIJKLMNOPQRS").is_err());
    }
}
