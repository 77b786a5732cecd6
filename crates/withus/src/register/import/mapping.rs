//! Which spreadsheet column holds which detail, and a first guess at it from the column headings.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A detail Withus keeps about a person that a spreadsheet column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Email,
    Phone,
    ContactMethod,
    Language,
    Region,
    LocalAuthority,
    PostalAddress,
    Topics,
    Consent,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Email,
        Field::Phone,
        Field::ContactMethod,
        Field::Language,
        Field::Region,
        Field::LocalAuthority,
        Field::PostalAddress,
        Field::Topics,
        Field::Consent,
    ];

    /// Rows cannot be imported unless these columns are chosen.
    pub fn required(self) -> bool {
        matches!(self, Field::Name | Field::Consent)
    }

    /// The form field's name and id on the columns page.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "column-name",
            Field::Email => "column-email",
            Field::Phone => "column-phone",
            Field::ContactMethod => "column-contact-method",
            Field::Language => "column-language",
            Field::Region => "column-region",
            Field::LocalAuthority => "column-local-authority",
            Field::PostalAddress => "column-postal-address",
            Field::Topics => "column-topics",
            Field::Consent => "column-consent",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Field::Name => "import-field-name",
            Field::Email => "import-field-email",
            Field::Phone => "import-field-phone",
            Field::ContactMethod => "import-field-contact-method",
            Field::Language => "import-field-language",
            Field::Region => "import-field-region",
            Field::LocalAuthority => "import-field-local-authority",
            Field::PostalAddress => "import-field-postal-address",
            Field::Topics => "import-field-topics",
            Field::Consent => "import-field-consent",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            Field::Name => "import-field-name-hint",
            Field::Email => "import-field-email-hint",
            Field::Phone => "import-field-phone-hint",
            Field::ContactMethod => "import-field-contact-method-hint",
            Field::Language => "import-field-language-hint",
            Field::Region => "import-field-region-hint",
            Field::LocalAuthority => "import-field-local-authority-hint",
            Field::PostalAddress => "import-field-postal-address-hint",
            Field::Topics => "import-field-topics-hint",
            Field::Consent => "import-field-consent-hint",
        }
    }

    /// Headings that usually mean this field, written as [`normalise`] leaves them, most
    /// specific first. A heading equal to one scores higher than a heading containing one.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "name",
                "full name",
                "fullname",
                "display name",
                "person",
                "participant",
                "member name",
                "participant name",
                "contact name",
                "enw",
                "enw llawn",
            ],
            Field::Email => &[
                "email",
                "e mail",
                "email address",
                "e mail address",
                "emailaddress",
                "ebost",
                "e bost",
                "cyfeiriad e bost",
            ],
            Field::Phone => &[
                "phone",
                "mobile",
                "telephone",
                "tel",
                "phone number",
                "mobile number",
                "telephone number",
                "contact number",
                "mobile phone",
                "ffon",
                "rhif ffon",
            ],
            Field::ContactMethod => &[
                "preferred contact method",
                "contact method",
                "contact preference",
                "preferred contact",
                "how to contact",
                "best way to contact",
                "contact by",
                "dull cysylltu",
            ],
            Field::Language => &[
                "language",
                "preferred language",
                "language preference",
                "iaith",
            ],
            Field::Region => &["region", "nation", "area", "rhanbarth"],
            Field::LocalAuthority => &[
                "local authority",
                "council",
                "borough",
                "county",
                "awdurdod lleol",
                "cyngor",
            ],
            Field::PostalAddress => &[
                "postal address",
                "address",
                "home address",
                "cyfeiriad",
                "cyfeiriad post",
            ],
            Field::Topics => &[
                "topics",
                "topic",
                "interests",
                "areas of interest",
                "interested in",
                "pynciau",
            ],
            Field::Consent => &[
                "consent",
                "consent to be on the panel",
                "panel consent",
                "consented",
                "agreed",
                "agreed to join",
                "caniatad",
            ],
        }
    }
}

/// The chosen column (by position) for each field; fields not in the spreadsheet are absent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: BTreeMap<Field, usize>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a mapping always serialises")
    }

    /// A stored mapping; none when it was never saved or is unreadable.
    pub fn from_json(text: &str) -> Option<Mapping> {
        serde_json::from_str(text).ok()
    }
}

/// Lower case, accents and punctuation gone, single spaces: "E-mail Address " → "e mail address".
pub fn normalise(text: &str) -> String {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'â' | 'á' | 'à' | 'ä' => 'a',
            'ê' | 'é' | 'è' | 'ë' => 'e',
            'î' | 'í' | 'ì' | 'ï' => 'i',
            'ô' | 'ó' | 'ò' | 'ö' => 'o',
            'û' | 'ú' | 'ù' | 'ü' => 'u',
            'ŵ' => 'w',
            'ŷ' | 'ÿ' => 'y',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a heading fits a field: 3 exact, 2 contains a synonym as whole words, 0 not at all.
fn score(field: Field, heading: &str) -> usize {
    let heading = normalise(heading);
    if heading.is_empty() {
        return 0;
    }
    let padded = format!(" {heading} ");
    let synonyms = field.synonyms();
    if synonyms.contains(&heading.as_str()) {
        3
    } else if synonyms.iter().any(|s| padded.contains(&format!(" {s} "))) {
        2
    } else {
        0
    }
}

/// A first guess at the mapping from the headings. Each column is used at most once; the best fits
/// are taken first, and between equal fits the earlier field and column win.
pub fn guess(headers: &[String]) -> Mapping {
    let mut candidates: Vec<(usize, Field, usize)> = Vec::new();
    for field in Field::ALL {
        for (column, heading) in headers.iter().enumerate() {
            let score = score(field, heading);
            if score > 0 {
                candidates.push((score, field, column));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut mapping = Mapping::default();
    for (_, field, column) in candidates {
        if !mapping.columns.contains_key(&field) && !mapping.columns.values().any(|c| *c == column)
        {
            mapping.columns.insert(field, column);
        }
    }
    mapping
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn common_headings_are_recognised() {
        let mapping = guess(&headers(&[
            "Full name",
            "E-mail",
            "Mobile",
            "Preferred contact method",
            "Region",
            "Local authority",
            "Topics",
            "Consent to be on the panel",
            "Language",
            "Address",
        ]));
        assert_eq!(mapping.column(Field::Name), Some(0));
        assert_eq!(mapping.column(Field::Email), Some(1));
        assert_eq!(mapping.column(Field::Phone), Some(2));
        assert_eq!(mapping.column(Field::ContactMethod), Some(3));
        assert_eq!(mapping.column(Field::Region), Some(4));
        assert_eq!(mapping.column(Field::LocalAuthority), Some(5));
        assert_eq!(mapping.column(Field::Topics), Some(6));
        assert_eq!(mapping.column(Field::Consent), Some(7));
        assert_eq!(mapping.column(Field::Language), Some(8));
        assert_eq!(mapping.column(Field::PostalAddress), Some(9));
    }

    #[test]
    fn headings_with_more_words_still_match_but_exact_ones_win() {
        let mapping = guess(&headers(&[
            "Member ID",
            "Email address (work)",
            "Name of person",
            "Name",
            "Phone number (home)",
            "Agreed to join? (Y/N)",
        ]));
        assert_eq!(mapping.column(Field::Name), Some(3));
        assert_eq!(mapping.column(Field::Email), Some(1));
        assert_eq!(mapping.column(Field::Phone), Some(4));
        assert_eq!(mapping.column(Field::Consent), Some(5));
        assert_eq!(mapping.column(Field::Region), None);
    }

    #[test]
    fn welsh_headings_are_recognised() {
        let mapping = guess(&headers(&["Enw", "Cyfeiriad e-bost", "Rhif ffôn", "Iaith"]));
        assert_eq!(mapping.column(Field::Name), Some(0));
        assert_eq!(mapping.column(Field::Email), Some(1));
        assert_eq!(mapping.column(Field::Phone), Some(2));
        assert_eq!(mapping.column(Field::Language), Some(3));
    }

    #[test]
    fn a_column_is_used_once_and_unknown_headings_are_left_alone() {
        let mapping = guess(&headers(&["Contact", "Notes", ""]));
        assert!(mapping.columns.is_empty(), "{mapping:?}");
        let mapping = guess(&headers(&["Email", "Email"]));
        assert_eq!(mapping.columns.len(), 1);
    }

    #[test]
    fn mappings_round_trip_and_letters_count_like_spreadsheets() {
        let mapping = guess(&headers(&["Name", "Consent"]));
        assert_eq!(Mapping::from_json(&mapping.to_json()), Some(mapping));
        assert_eq!(Mapping::from_json(""), None);
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}
