//! The answers to the joining questions as they travel between pages, and the check of each
//! page's answers.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Locale;
use crate::register::domain::DataCategory;
use crate::register::form_checks::not_recognised;
use crate::register::record::editors::details::{self as contact, ContactInput};
use crate::web::forms::Problem;

/// The answers given so far.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Draft {
    pub(super) panel: Option<Uuid>,
    pub(super) name: String,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) address: String,
    pub(super) method: String,
    pub(super) advocate_name: String,
    pub(super) advocate_contact: String,
    pub(super) agreed: bool,
    pub(super) categories: Vec<DataCategory>,
    pub(super) share_with: Vec<Uuid>,
    /// Set once "Check your answers" has been reached: later changes return there.
    pub(super) checking: bool,
}

impl Draft {
    pub(super) fn contact_input(&self, language: Locale) -> ContactInput {
        ContactInput {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            method: self.method.clone(),
            advocate_name: self.advocate_name.clone(),
            advocate_contact: self.advocate_contact.clone(),
            language: language.code().to_owned(),
            region: String::new(),
            local_authority: String::new(),
        }
    }
}

/// The most the answers may take as JSON. Sealed (nonce and tag add 40 bytes) and base64-encoded,
/// the cookie then stays near 3.3 KB, under the 4 KB browsers keep. With every field at its
/// character limit in plain letters the answers take about 2,200 bytes; only long answers in
/// non-Latin scripts can reach this, and the step then asks the person to shorten them.
const DRAFT_MAX_BYTES: usize = 2_400;

pub(super) fn fits(draft: &Draft) -> bool {
    serde_json::to_string(draft).is_ok_and(|json| json.len() <= DRAFT_MAX_BYTES)
}

/// The name page: a name, short enough that the answers still fit their cookie.
pub(super) fn check_name(name: &str, draft: &Draft) -> Result<Draft, Vec<Problem>> {
    let updated = Draft {
        name: name.to_owned(),
        ..draft.clone()
    };
    let problem = if name.is_empty() {
        "details-error-name-empty"
    } else if name.chars().count() > contact::NAME_MAX_CHARS {
        "details-error-name-too-long"
    } else if !fits(&updated) {
        "join-error-answers-too-long"
    } else {
        return Ok(updated);
    };
    Err(vec![Problem::new("name", problem)])
}

/// The contact page: details that pass the register's contact checks (the name among them, from
/// the first page) and still fit the cookie.
pub(super) fn check_contact(input: &ContactInput, draft: &Draft) -> Result<Draft, Vec<Problem>> {
    contact::check(input)?;
    let updated = Draft {
        email: input.email.clone(),
        phone: input.phone.clone(),
        address: input.address.clone(),
        method: input.method.clone(),
        advocate_name: input.advocate_name.clone(),
        advocate_contact: input.advocate_contact.clone(),
        ..draft.clone()
    };
    if !fits(&updated) {
        return Err(vec![Problem::new(
            longest_contact_field(input),
            "join-error-answers-too-long",
        )]);
    }
    Ok(updated)
}

/// The contact answer taking the most room, which the person is asked to shorten first.
fn longest_contact_field(input: &ContactInput) -> &'static str {
    [
        ("address", &input.address),
        ("advocate_contact", &input.advocate_contact),
        ("advocate_name", &input.advocate_name),
        ("email", &input.email),
    ]
    .into_iter()
    .max_by_key(|(_, value)| value.len())
    .map(|(field, _)| field)
    .unwrap_or("address")
}

/// The consent page: the person must agree to be on the panel.
pub(super) fn check_agreed(answer: &str) -> Result<(), Vec<Problem>> {
    if answer == "yes" {
        Ok(())
    } else {
        Err(vec![Problem::new("agree", "join-error-consent")])
    }
}

/// The sensitive-information page: some categories, or "none" alone.
pub(super) fn check_categories(chosen: &[String]) -> Result<Vec<DataCategory>, Vec<Problem>> {
    // A category the form does not offer is refused by name, never dropped.
    if let Some(value) = chosen
        .iter()
        .find(|c| *c != "none" && DataCategory::parse(c).is_none())
    {
        return Err(vec![not_recognised("categories", value)]);
    }
    if chosen.is_empty() || none_with_others(chosen) {
        return Err(vec![Problem::new("categories", "join-error-sensitive")]);
    }
    Ok(chosen
        .iter()
        .filter_map(|c| DataCategory::parse(c))
        .collect())
}

/// The sharing page: some of the panel's `partners`, or "none" alone.
pub(super) fn check_partners(
    chosen: &[String],
    partners: &[Uuid],
) -> Result<Vec<Uuid>, Vec<Problem>> {
    if chosen.is_empty() || none_with_others(chosen) {
        return Err(vec![Problem::new("partners", "join-error-sharing")]);
    }
    Ok(partners
        .iter()
        .copied()
        .filter(|id| chosen.contains(&id.to_string()))
        .collect())
}

/// "None" ticked together with something else.
fn none_with_others(chosen: &[String]) -> bool {
    chosen.iter().any(|c| c == "none") && chosen.len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(result: Result<impl std::fmt::Debug, Vec<Problem>>) -> Vec<(String, &'static str)> {
        result
            .unwrap_err()
            .into_iter()
            .map(|p| (p.field, p.key))
            .collect()
    }

    fn strings(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| (*v).to_owned()).collect()
    }

    #[test]
    fn a_name_is_needed_and_must_leave_room_in_the_cookie() {
        let draft = Draft::default();
        assert_eq!(check_name("Jo", &draft).unwrap().name, "Jo");
        assert_eq!(
            keys(check_name("", &draft)),
            vec![("name".to_owned(), "details-error-name-empty")]
        );
        let full = Draft {
            address: "ŵ".repeat(DRAFT_MAX_BYTES / 2),
            ..Draft::default()
        };
        assert_eq!(
            keys(check_name("Jo", &full)),
            vec![("name".to_owned(), "join-error-answers-too-long")]
        );
    }

    #[test]
    fn answers_too_big_for_the_cookie_point_at_the_longest_contact_field() {
        let name = "ŵ".repeat(contact::NAME_MAX_CHARS);
        let input = ContactInput {
            name: name.clone(),
            method: "post".into(),
            address: "ŵ".repeat(contact::ADDRESS_MAX_CHARS),
            advocate_name: "ŵ".repeat(contact::ADVOCATE_NAME_MAX_CHARS),
            advocate_contact: "ŵ".repeat(contact::ADVOCATE_CONTACT_MAX_CHARS),
            ..ContactInput::default()
        };
        let draft = Draft {
            name,
            ..Draft::default()
        };
        let problems = keys(check_contact(&input, &draft));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].1, "join-error-answers-too-long");
        assert_eq!(problems[0].0, "address");
    }

    #[test]
    fn none_cannot_be_ticked_with_something_else() {
        assert!(check_categories(&strings(&["none"])).unwrap().is_empty());
        assert_eq!(
            keys(check_categories(&strings(&["none", "health"]))),
            vec![("categories".to_owned(), "join-error-sensitive")]
        );
        assert_eq!(
            keys(check_categories(&[])),
            vec![("categories".to_owned(), "join-error-sensitive")]
        );
        assert_eq!(
            keys(check_categories(&strings(&["health", "ufo"]))),
            vec![("categories".to_owned(), "error-not-recognised")]
        );
        let partner = Uuid::new_v4();
        assert_eq!(
            check_partners(&[partner.to_string()], &[partner, Uuid::new_v4()]).unwrap(),
            vec![partner]
        );
        assert!(check_partners(&strings(&["none", "x"]), &[partner]).is_err());
    }
}
