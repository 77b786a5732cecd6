//! Checking every row before anything is added: what is wrong with each row (so it can be fixed in
//! the spreadsheet), which rows repeat an earlier row, and which people are already on the register.

use std::collections::HashMap;

use super::mapping::{Field, Mapping, normalise};
use super::parse::{Row, Table};
use crate::accounts::domain::{DisplayName, DisplayNameProblem, EmailAddress};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::register::domain::{ContactMethod, Region, Topic};
use crate::register::storage;

pub const LOCAL_AUTHORITY_MAX_CHARS: usize = 100;
pub const POSTAL_ADDRESS_MAX_CHARS: usize = 500;
/// How much of a wrong value the report repeats back.
const VALUE_SHOWN_MAX_CHARS: usize = 60;

/// A person ready to be added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub row: usize,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_method: ContactMethod,
    pub language: &'static str,
    pub region: Option<Region>,
    pub local_authority: Option<String>,
    pub postal_address: Option<String>,
    pub topics: Vec<Topic>,
}

/// What can be wrong with a cell or a row. Each has a summary label and a message saying how to
/// fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProblemKind {
    NameMissing,
    NameTooLong,
    Email,
    Phone,
    PhoneLostZero,
    ContactMethod,
    NeedsEmail,
    NeedsPhone,
    NeedsAddress,
    NoContact,
    Language,
    Region,
    Topic,
    TooLong,
    ConsentMissing,
    ConsentNotYes,
    DuplicateInFile,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 17] = [
        ProblemKind::NameMissing,
        ProblemKind::NameTooLong,
        ProblemKind::Email,
        ProblemKind::Phone,
        ProblemKind::PhoneLostZero,
        ProblemKind::ContactMethod,
        ProblemKind::NeedsEmail,
        ProblemKind::NeedsPhone,
        ProblemKind::NeedsAddress,
        ProblemKind::NoContact,
        ProblemKind::Language,
        ProblemKind::Region,
        ProblemKind::Topic,
        ProblemKind::TooLong,
        ProblemKind::ConsentMissing,
        ProblemKind::ConsentNotYes,
        ProblemKind::DuplicateInFile,
    ];

    /// The short label in the summary of problems by type.
    pub fn label_key(self) -> &'static str {
        match self {
            ProblemKind::NameMissing => "import-kind-name-missing",
            ProblemKind::NameTooLong => "import-kind-name-too-long",
            ProblemKind::Email => "import-kind-email",
            ProblemKind::Phone => "import-kind-phone",
            ProblemKind::PhoneLostZero => "import-kind-phone-lost-zero",
            ProblemKind::ContactMethod => "import-kind-contact-method",
            ProblemKind::NeedsEmail => "import-kind-needs-email",
            ProblemKind::NeedsPhone => "import-kind-needs-phone",
            ProblemKind::NeedsAddress => "import-kind-needs-address",
            ProblemKind::NoContact => "import-kind-no-contact",
            ProblemKind::Language => "import-kind-language",
            ProblemKind::Region => "import-kind-region",
            ProblemKind::Topic => "import-kind-topic",
            ProblemKind::TooLong => "import-kind-too-long",
            ProblemKind::ConsentMissing => "import-kind-consent-missing",
            ProblemKind::ConsentNotYes => "import-kind-consent-not-yes",
            ProblemKind::DuplicateInFile => "import-kind-duplicate",
        }
    }

    /// The full message for one row, saying how to fix it.
    pub fn message_key(self) -> &'static str {
        match self {
            ProblemKind::NameMissing => "import-problem-name-missing",
            ProblemKind::NameTooLong => "import-problem-name-too-long",
            ProblemKind::Email => "import-problem-email",
            ProblemKind::Phone => "import-problem-phone",
            ProblemKind::PhoneLostZero => "import-problem-phone-lost-zero",
            ProblemKind::ContactMethod => "import-problem-contact-method",
            ProblemKind::NeedsEmail => "import-problem-needs-email",
            ProblemKind::NeedsPhone => "import-problem-needs-phone",
            ProblemKind::NeedsAddress => "import-problem-needs-address",
            ProblemKind::NoContact => "import-problem-no-contact",
            ProblemKind::Language => "import-problem-language",
            ProblemKind::Region => "import-problem-region",
            ProblemKind::Topic => "import-problem-topic",
            ProblemKind::TooLong => "import-problem-too-long",
            ProblemKind::ConsentMissing => "import-problem-consent-missing",
            ProblemKind::ConsentNotYes => "import-problem-consent-not-yes",
            ProblemKind::DuplicateInFile => "import-problem-duplicate",
        }
    }
}

/// One problem in one row: the row number, the detail (and so the column) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub row: usize,
    pub field: Field,
    pub kind: ProblemKind,
    /// The offending value, shortened, for the message.
    pub value: String,
    /// The earlier row this one repeats, or the longest text allowed.
    pub number: usize,
}

/// The whole check of a file: who will be added, what is wrong, and who is already on the register.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub total_rows: usize,
    pub to_add: Vec<Candidate>,
    pub problems: Vec<Problem>,
    pub problem_rows: usize,
    /// Rows skipped because the person is already on the register.
    pub existing: Vec<usize>,
}

impl Report {
    /// How many problems of each kind, in a stable order.
    pub fn counts_by_kind(&self) -> Vec<(ProblemKind, usize)> {
        let mut counts: HashMap<ProblemKind, usize> = HashMap::new();
        for problem in &self.problems {
            *counts.entry(problem.kind).or_default() += 1;
        }
        ProblemKind::ALL
            .iter()
            .filter_map(|k| counts.get(k).map(|n| (*k, *n)))
            .collect()
    }
}

/// Checks a file against the register: every problem, then the people already on it.
pub async fn check(
    ex: &mut Ex<'_>,
    table: &Table,
    mapping: &Mapping,
) -> Result<Report, sqlx::Error> {
    let (candidates, problems, problem_rows) = check_rows(table, mapping);
    let mut report = Report {
        total_rows: table.rows.len(),
        problems,
        problem_rows,
        ..Report::default()
    };
    for candidate in candidates {
        let matches = storage::find_matching(
            &mut ex.re(),
            candidate.email.as_deref(),
            candidate.phone.as_deref(),
        )
        .await?;
        if matches.is_empty() {
            report.to_add.push(candidate);
        } else {
            report.existing.push(candidate.row);
        }
    }
    Ok(report)
}

/// Checks each row on its own and against the rows above it. Returns the people to add, every
/// problem, and how many rows have at least one.
pub fn check_rows(table: &Table, mapping: &Mapping) -> (Vec<Candidate>, Vec<Problem>, usize) {
    let mut candidates = Vec::new();
    let mut problems = Vec::new();
    let mut problem_rows = 0;
    let mut seen_email: HashMap<String, usize> = HashMap::new();
    let mut seen_phone: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let mut found = Vec::new();
        let candidate = check_row(row, mapping, &mut found);
        if let Some(candidate) = candidate.filter(|_| found.is_empty()) {
            let earlier = candidate
                .email
                .as_ref()
                .and_then(|e| seen_email.get(e).map(|r| (Field::Email, *r)))
                .or_else(|| {
                    candidate
                        .phone
                        .as_ref()
                        .and_then(|p| seen_phone.get(p).map(|r| (Field::Phone, *r)))
                });
            if let Some((field, earlier)) = earlier {
                found.push(problem(
                    row,
                    field,
                    ProblemKind::DuplicateInFile,
                    mapping,
                    earlier,
                ));
            } else {
                if let Some(email) = &candidate.email {
                    seen_email.insert(email.clone(), row.number);
                }
                if let Some(phone) = &candidate.phone {
                    seen_phone.insert(phone.clone(), row.number);
                }
                candidates.push(candidate);
            }
        }
        if !found.is_empty() {
            problem_rows += 1;
            problems.extend(found);
        }
    }
    (candidates, problems, problem_rows)
}

fn problem(
    row: &Row,
    field: Field,
    kind: ProblemKind,
    mapping: &Mapping,
    number: usize,
) -> Problem {
    let value = mapping
        .column(field)
        .map(|c| row.cell(c))
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let value = if value.chars().count() > VALUE_SHOWN_MAX_CHARS {
        format!(
            "{}…",
            value
                .chars()
                .take(VALUE_SHOWN_MAX_CHARS)
                .collect::<String>()
        )
    } else {
        value
    };
    Problem {
        row: row.number,
        field,
        kind,
        value,
        number,
    }
}

/// One row's details, with any problems pushed onto `found`.
fn check_row(row: &Row, mapping: &Mapping, found: &mut Vec<Problem>) -> Option<Candidate> {
    let cell = |field: Field| mapping.column(field).map(|c| row.cell(c)).unwrap_or("");
    let mut report = |field: Field, kind: ProblemKind, number: usize| {
        found.push(problem(row, field, kind, mapping, number));
    };

    let name = match DisplayName::parse(cell(Field::Name)) {
        Ok(name) => Some(name.as_str().to_owned()),
        Err(DisplayNameProblem::Empty) => {
            report(Field::Name, ProblemKind::NameMissing, 0);
            None
        }
        Err(DisplayNameProblem::TooLong) => {
            report(
                Field::Name,
                ProblemKind::NameTooLong,
                DisplayName::MAX_CHARS,
            );
            None
        }
    };

    let email_cell = cell(Field::Email);
    let email = if email_cell.is_empty() {
        None
    } else {
        match EmailAddress::parse(email_cell) {
            Ok(email) => Some(email.as_str().to_owned()),
            Err(_) => {
                report(Field::Email, ProblemKind::Email, 0);
                None
            }
        }
    };

    let phone_cell = cell(Field::Phone);
    let phone = if phone_cell.is_empty() {
        None
    } else {
        let phone = parse_phone(phone_cell);
        if phone.is_none() {
            report(Field::Phone, ProblemKind::Phone, 0);
            phone
        } else if lost_leading_zero(phone_cell) {
            // Not restored: staff should check the number rather than have us guess it.
            report(Field::Phone, ProblemKind::PhoneLostZero, 0);
            None
        } else {
            phone
        }
    };

    let method_cell = cell(Field::ContactMethod);
    let method = if method_cell.is_empty() {
        email
            .as_ref()
            .map(|_| ContactMethod::Email)
            .or(phone.as_ref().map(|_| ContactMethod::Phone))
    } else {
        let method = parse_contact_method(method_cell);
        if method.is_none() {
            report(Field::ContactMethod, ProblemKind::ContactMethod, 0);
        }
        method
    };

    let address_cell = cell(Field::PostalAddress);
    let address = (!address_cell.is_empty()).then(|| address_cell.to_owned());
    if address_cell.chars().count() > POSTAL_ADDRESS_MAX_CHARS {
        report(
            Field::PostalAddress,
            ProblemKind::TooLong,
            POSTAL_ADDRESS_MAX_CHARS,
        );
    }

    match method {
        Some(ContactMethod::Email) if email.is_none() && email_cell.is_empty() => {
            report(Field::Email, ProblemKind::NeedsEmail, 0);
        }
        Some(ContactMethod::Sms | ContactMethod::Phone)
            if phone.is_none() && phone_cell.is_empty() =>
        {
            report(Field::Phone, ProblemKind::NeedsPhone, 0);
        }
        Some(ContactMethod::Post)
            if mapping.column(Field::PostalAddress).is_some() && address.is_none() =>
        {
            report(Field::PostalAddress, ProblemKind::NeedsAddress, 0);
        }
        None if method_cell.is_empty() && email_cell.is_empty() && phone_cell.is_empty() => {
            let field = if mapping.column(Field::ContactMethod).is_some() {
                Field::ContactMethod
            } else if mapping.column(Field::Email).is_some() {
                Field::Email
            } else {
                Field::Phone
            };
            report(field, ProblemKind::NoContact, 0);
        }
        _ => {}
    }

    let language_cell = cell(Field::Language);
    let language = if language_cell.is_empty() {
        Some("en")
    } else {
        let language = parse_language(language_cell);
        if language.is_none() {
            report(Field::Language, ProblemKind::Language, 0);
        }
        language
    };

    let region_cell = cell(Field::Region);
    let region = if region_cell.is_empty() {
        None
    } else {
        let region = parse_region(region_cell);
        if region.is_none() {
            report(Field::Region, ProblemKind::Region, 0);
        }
        region
    };

    let authority_cell = cell(Field::LocalAuthority);
    if authority_cell.chars().count() > LOCAL_AUTHORITY_MAX_CHARS {
        report(
            Field::LocalAuthority,
            ProblemKind::TooLong,
            LOCAL_AUTHORITY_MAX_CHARS,
        );
    }
    let local_authority = (!authority_cell.is_empty()).then(|| {
        authority_cell
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });

    let mut topics = Vec::new();
    for piece in cell(Field::Topics)
        .split([',', ';', '|', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match parse_topic(piece) {
            Some(topic) if !topics.contains(&topic) => topics.push(topic),
            Some(_) => {}
            None => {
                report(Field::Topics, ProblemKind::Topic, 0);
                break;
            }
        }
    }

    let consent_cell = cell(Field::Consent);
    if consent_cell.is_empty() {
        report(Field::Consent, ProblemKind::ConsentMissing, 0);
    } else if !says_yes(consent_cell) {
        report(Field::Consent, ProblemKind::ConsentNotYes, 0);
    }

    Some(Candidate {
        row: row.number,
        name: name?,
        email,
        phone,
        contact_method: method?,
        language: language?,
        region,
        local_authority,
        postal_address: address,
        topics,
    })
}

/// A phone number with its spacing and punctuation removed: 10 to 15 digits, perhaps after a `+`.
pub fn parse_phone(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !"-().".contains(*c))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    let ok = (10..=15).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit());
    ok.then_some(compact)
}

/// Ten digits with no leading 0 and no `+`: a UK number (07700 900123, 020 7946 0000) whose first
/// 0 a spreadsheet dropped by storing it as a number. No UK number is written like that.
pub fn lost_leading_zero(raw: &str) -> bool {
    let digits: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !"-().".contains(*c))
        .collect();
    digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) && !digits.starts_with('0')
}

/// Words people use for yes in a consent column, in English and Welsh, and tick marks.
pub fn says_yes(raw: &str) -> bool {
    let raw = raw.trim();
    if ["✓", "✔", "☑", "☒"].contains(&raw) {
        return raw != "☒";
    }
    matches!(
        normalise(raw).as_str(),
        "yes"
            | "y"
            | "true"
            | "1"
            | "agreed"
            | "agree"
            | "consented"
            | "consent given"
            | "given"
            | "yes agreed"
            | "x"
            | "ie"
            | "ydw"
            | "do"
            | "cytuno"
            | "wedi cytuno"
    )
}

/// Matches a cell against each value's code and its English and Welsh labels, plus extra words.
fn match_value<T: Copy>(
    raw: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    key: fn(T) -> String,
    extra: &[(&str, T)],
) -> Option<T> {
    let wanted = normalise(raw);
    let wanted = ["by ", "via ", "drwy "]
        .iter()
        .find_map(|p| wanted.strip_prefix(p))
        .unwrap_or(&wanted)
        .to_owned();
    all.iter()
        .copied()
        .find(|value| {
            normalise(code(*value)) == wanted
                || Locale::ALL
                    .iter()
                    .any(|l| normalise(&l.t(&key(*value))) == wanted)
        })
        .or_else(|| {
            extra
                .iter()
                .find(|(word, _)| *word == wanted)
                .map(|(_, v)| *v)
        })
}

pub fn parse_contact_method(raw: &str) -> Option<ContactMethod> {
    use ContactMethod::*;
    match_value(
        raw,
        ContactMethod::ALL,
        ContactMethod::as_str,
        ContactMethod::message_key,
        &[
            ("e mail", Email),
            ("ebost", Email),
            ("e bost", Email),
            ("text", Sms),
            ("texts", Sms),
            ("txt", Sms),
            ("neges destun", Sms),
            ("tecst", Sms),
            ("telephone", Phone),
            ("call", Phone),
            ("phone call", Phone),
            ("mobile", Phone),
            ("ffon", Phone),
            ("galwad ffon", Phone),
            ("letter", Post),
            ("mail", Post),
            ("llythyr", Post),
            ("r post", Post),
            ("supporter", Advocate),
            ("carer", Advocate),
            ("eiriolwr", Advocate),
            ("cefnogwr", Advocate),
        ],
    )
}

pub fn parse_language(raw: &str) -> Option<&'static str> {
    match normalise(raw).as_str() {
        "en" | "eng" | "english" | "saesneg" => Some("en"),
        "cy" | "cym" | "welsh" | "cymraeg" => Some("cy"),
        _ => None,
    }
}

pub fn parse_region(raw: &str) -> Option<Region> {
    use Region::*;
    match_value(
        raw,
        Region::ALL,
        Region::as_str,
        Region::message_key,
        &[
            ("yorkshire", Yorkshire),
            ("yorkshire and humber", Yorkshire),
            ("east", East),
            ("eastern", East),
            ("east england", East),
            ("cymru", Wales),
            ("ni", NorthernIreland),
        ],
    )
}

pub fn parse_topic(raw: &str) -> Option<Topic> {
    match_value(raw, Topic::ALL, Topic::as_str, Topic::message_key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::import::mapping::guess;

    fn table(headers: &[&str], rows: &[&[&str]]) -> Table {
        Table {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    number: i + 2,
                    cells: cells.iter().map(|s| s.to_string()).collect(),
                })
                .collect(),
        }
    }

    const HEADERS: &[&str] = &[
        "Name",
        "Email",
        "Phone",
        "Preferred contact method",
        "Region",
        "Topics",
        "Consent",
    ];

    #[test]
    fn good_rows_become_people_including_those_without_email() {
        let t = table(
            HEADERS,
            &[
                &[
                    "Jo Bloggs",
                    "Jo@Example.org",
                    "",
                    "",
                    "Wales",
                    "Transport, housing",
                    "Yes",
                ],
                &[
                    "Sam Lee",
                    "",
                    "07700 900123",
                    "text message",
                    "TLC",
                    "",
                    "y",
                ],
                &["Alex Post", "", "", "post", "", "", "ie"],
                &[
                    "Ria Help",
                    "",
                    "",
                    "Through my advocate or supporter",
                    "",
                    "",
                    "TRUE",
                ],
            ],
        );
        let (people, problems, rows) = check_rows(&t, &guess(&t.headers));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows, 0);
        assert_eq!(people.len(), 4);
        assert_eq!(people[0].email.as_deref(), Some("jo@example.org"));
        assert_eq!(people[0].contact_method, ContactMethod::Email);
        assert_eq!(people[0].region, Some(Region::Wales));
        assert_eq!(people[0].topics, vec![Topic::Transport, Topic::Housing]);
        assert_eq!(people[1].phone.as_deref(), Some("07700900123"));
        assert_eq!(people[1].contact_method, ContactMethod::Sms);
        assert_eq!(people[2].contact_method, ContactMethod::Post);
        assert_eq!(people[3].contact_method, ContactMethod::Advocate);
    }

    #[test]
    fn each_problem_names_its_row_and_column() {
        let t = table(
            HEADERS,
            &[
                &["Jo", "jo@@example", "", "", "", "", "yes"],
                &["", "a@example.org", "", "", "", "", "yes"],
                &["Sam", "s@example.org", "", "", "Narnia", "", "yes"],
                &["Ann", "ann@example.org", "", "", "", "", "no"],
                &["Bob", "", "", "", "", "", "yes"],
                &["Cat", "", "", "email", "", "", "yes"],
                &["Dee", "dee@example.org", "", "", "", "Knitting", ""],
                &["Eve", "", "12", "pigeon", "", "", "yes"],
            ],
        );
        let (people, problems, rows) = check_rows(&t, &guess(&t.headers));
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(rows, 8);
        let found: Vec<(usize, Field, ProblemKind)> =
            problems.iter().map(|p| (p.row, p.field, p.kind)).collect();
        assert_eq!(
            found,
            vec![
                (2, Field::Email, ProblemKind::Email),
                (3, Field::Name, ProblemKind::NameMissing),
                (4, Field::Region, ProblemKind::Region),
                (5, Field::Consent, ProblemKind::ConsentNotYes),
                (6, Field::ContactMethod, ProblemKind::NoContact),
                (7, Field::Email, ProblemKind::NeedsEmail),
                (8, Field::Topics, ProblemKind::Topic),
                (8, Field::Consent, ProblemKind::ConsentMissing),
                (9, Field::Phone, ProblemKind::Phone),
                (9, Field::ContactMethod, ProblemKind::ContactMethod),
            ]
        );
        assert_eq!(problems[0].value, "jo@@example");
        assert_eq!(problems[2].value, "Narnia");
    }

    #[test]
    fn a_repeated_email_or_phone_is_a_problem_on_the_later_row() {
        let t = table(
            HEADERS,
            &[
                &["Jo", "jo@example.org", "", "", "", "", "yes"],
                &["Jo again", "JO@example.org", "", "", "", "", "yes"],
                &["Sam", "", "07700 900123", "", "", "", "yes"],
                &["Sam again", "", "07700900123", "", "", "", "yes"],
            ],
        );
        let (people, problems, _) = check_rows(&t, &guess(&t.headers));
        assert_eq!(people.len(), 2);
        assert_eq!(problems.len(), 2);
        assert_eq!(
            (problems[0].row, problems[0].kind, problems[0].number),
            (3, ProblemKind::DuplicateInFile, 2)
        );
        assert_eq!((problems[1].row, problems[1].field), (5, Field::Phone));
    }

    #[test]
    fn values_are_read_in_english_and_welsh() {
        assert_eq!(parse_region("North East"), Some(Region::NorthEast));
        assert_eq!(parse_region("tll"), Some(Region::Wales));
        assert_eq!(parse_region("Narnia"), None);
        assert_eq!(
            parse_contact_method("By e-mail"),
            Some(ContactMethod::Email)
        );
        assert_eq!(parse_contact_method("Ffôn"), Some(ContactMethod::Phone));
        assert_eq!(parse_language("Cymraeg"), Some("cy"));
        assert_eq!(parse_language("French"), None);
        assert_eq!(parse_topic("Social care"), Some(Topic::SocialCare));
        assert_eq!(parse_topic("social_care"), Some(Topic::SocialCare));
        assert!(says_yes(" Yes. ") && says_yes("✓") && says_yes("Ydw"));
        assert!(!says_yes("no") && !says_yes("maybe") && !says_yes("☒"));
        assert_eq!(
            parse_phone("+44 (0)7700-900123"),
            Some("+4407700900123".into())
        );
        assert_eq!(parse_phone("12345"), None);
        assert_eq!(parse_phone("call me"), None);
        assert!(lost_leading_zero("7700900123"));
        assert!(lost_leading_zero("2079460000"));
        assert!(!lost_leading_zero("07700900123"));
        assert!(!lost_leading_zero("+447700900123"));
        assert!(!lost_leading_zero("447700900123"));
    }

    /// A phone typed into a workbook as a number arrives as 7700900123: refused with a problem that
    /// says the 0 was probably lost, never imported as given.
    #[test]
    fn a_phone_that_lost_its_leading_zero_is_a_problem() {
        let t = table(HEADERS, &[&["Jo", "", "7700900123", "", "", "", "yes"]]);
        let (people, problems, rows) = check_rows(&t, &guess(&t.headers));
        assert!(people.is_empty(), "{people:?}");
        assert_eq!(rows, 1);
        let found: Vec<(usize, Field, ProblemKind)> =
            problems.iter().map(|p| (p.row, p.field, p.kind)).collect();
        assert!(
            found.contains(&(2, Field::Phone, ProblemKind::PhoneLostZero)),
            "{found:?}"
        );
        assert_eq!(problems[0].value, "7700900123");
    }
}
