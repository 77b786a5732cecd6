//! Name and contact details. People without email are fully supported: phone, text, post or an
//! advocate are all ways to be contacted, and each needs only its own details.

use askama::Template;
use axum::http::StatusCode;

use crate::accounts::domain::EmailAddress;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::register::consents::Actor;
use crate::register::domain::{ContactMethod, Preferences, Region};
use crate::register::profile;
use crate::register::record::subject::Subject;
use crate::register::storage::{self as rows, Details, PersonRow, SealedColumn};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::vocab::normalise_phone;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub const NAME_MAX_CHARS: usize = 200;
pub const ADDRESS_MAX_CHARS: usize = 500;
pub const ADVOCATE_NAME_MAX_CHARS: usize = 200;
pub const ADVOCATE_CONTACT_MAX_CHARS: usize = 300;
pub const LOCAL_AUTHORITY_MAX_CHARS: usize = 100;

/// Contact details as typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct ContactInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub method: String,
    pub advocate_name: String,
    pub advocate_contact: String,
    pub language: String,
    pub region: String,
    pub local_authority: String,
}

impl ContactInput {
    pub fn from_form(form: &[(String, String)]) -> ContactInput {
        ContactInput {
            name: one_of(form, "name"),
            email: one_of(form, "email"),
            phone: one_of(form, "phone"),
            address: one_of(form, "address"),
            method: one_of(form, "contact_method"),
            advocate_name: one_of(form, "advocate_name"),
            advocate_contact: one_of(form, "advocate_contact"),
            language: one_of(form, "language"),
            region: one_of(form, "region"),
            local_authority: one_of(form, "local_authority"),
        }
    }
}

/// Checked contact details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub method: ContactMethod,
    pub advocate_name: String,
    pub advocate_contact: String,
    pub language: Locale,
    pub region: Option<Region>,
    pub local_authority: Option<String>,
}

/// Checks contact details; each problem names its field and message key.
pub fn check(input: &ContactInput) -> Result<Contact, Vec<Problem>> {
    let mut problems = Vec::new();
    if input.name.is_empty() {
        problems.push(Problem::new("name", "details-error-name-empty"));
    } else if input.name.chars().count() > NAME_MAX_CHARS {
        problems.push(Problem::new("name", "details-error-name-too-long"));
    }
    let email = if input.email.is_empty() {
        None
    } else {
        match EmailAddress::parse(&input.email) {
            Ok(email) => Some(email.as_str().to_owned()),
            Err(problem) => {
                problems.push(Problem::new("email", problem.message_key()));
                None
            }
        }
    };
    let phone = if input.phone.is_empty() {
        None
    } else {
        let phone = normalise_phone(&input.phone);
        if phone.is_none() {
            problems.push(Problem::new("phone", "details-error-phone-format"));
        }
        phone
    };
    let address = (!input.address.is_empty()).then(|| input.address.clone());
    if input.address.chars().count() > ADDRESS_MAX_CHARS {
        problems.push(Problem::new("address", "details-error-address-too-long"));
    }
    let method = ContactMethod::parse(&input.method);
    match method {
        None => problems.push(Problem::new("contact_method", "details-error-method")),
        Some(ContactMethod::Email) if input.email.is_empty() => {
            problems.push(Problem::new("email", "details-error-email-needed"))
        }
        Some(ContactMethod::Sms | ContactMethod::Phone) if input.phone.is_empty() => {
            problems.push(Problem::new("phone", "details-error-phone-needed"))
        }
        Some(ContactMethod::Post) if address.is_none() => {
            problems.push(Problem::new("address", "details-error-address-needed"))
        }
        Some(ContactMethod::Advocate)
            if input.advocate_name.is_empty() || input.advocate_contact.is_empty() =>
        {
            problems.push(Problem::new(
                "advocate_name",
                "details-error-advocate-needed",
            ))
        }
        _ => {}
    }
    if input.advocate_name.chars().count() > ADVOCATE_NAME_MAX_CHARS {
        problems.push(Problem::new(
            "advocate_name",
            "details-error-advocate-name-too-long",
        ));
    }
    if input.advocate_contact.chars().count() > ADVOCATE_CONTACT_MAX_CHARS {
        problems.push(Problem::new(
            "advocate_contact",
            "details-error-advocate-contact-too-long",
        ));
    }
    if input.local_authority.chars().count() > LOCAL_AUTHORITY_MAX_CHARS {
        problems.push(Problem::new(
            "local_authority",
            "details-error-local-authority-too-long",
        ));
    }
    let region = if input.region.is_empty() {
        None
    } else {
        let region = Region::parse(&input.region);
        if region.is_none() {
            problems.push(Problem::new("region", "details-error-region"));
        }
        region
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Contact {
        name: input.name.clone(),
        email,
        phone,
        address,
        method: method.unwrap_or(ContactMethod::Post),
        advocate_name: input.advocate_name.clone(),
        advocate_contact: input.advocate_contact.clone(),
        language: Locale::parse(&input.language).unwrap_or_default(),
        region,
        local_authority: (!input.local_authority.is_empty()).then(|| input.local_authority.clone()),
    })
}

pub fn method_choices(page: &Page, chosen: &str) -> Vec<Choice> {
    ContactMethod::ALL
        .iter()
        .map(|m| Choice::new(m.as_str(), page.t(&m.message_key()), m.as_str() == chosen))
        .collect()
}

pub fn region_choices(page: &Page, chosen: &str) -> Vec<Choice> {
    let mut items = vec![Choice::new(
        "",
        page.t("details-region-none"),
        chosen.is_empty(),
    )];
    items.extend(
        Region::ALL
            .iter()
            .map(|r| Choice::new(r.as_str(), page.t(&r.message_key()), r.as_str() == chosen)),
    );
    items
}

pub fn language_choices(chosen: &str) -> Vec<Choice> {
    Locale::ALL
        .iter()
        .map(|l| Choice::new(l.code(), l.endonym(), l.code() == chosen))
        .collect()
}

#[derive(Template)]
#[template(path = "register/record/templates/details.html")]
struct DetailsPage {
    page: Page,
    person_name: String,
    base: String,
    is_own: bool,
    input: ContactInput,
    methods: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
}

fn view(page: Page, subject: &Subject, input: ContactInput) -> DetailsPage {
    DetailsPage {
        person_name: subject.person.display_name.clone(),
        base: subject.base.clone(),
        is_own: subject.is_own(),
        methods: method_choices(&page, &input.method),
        regions: region_choices(&page, &input.region),
        languages: language_choices(&input.language),
        input,
        page,
    }
}

pub async fn form(state: &AppState, page: Page, subject: Subject) -> AppResult {
    if !subject.seen.contact {
        return Err(AppError::NotFound);
    }
    let sensitive =
        profile::open(&state.keys, &subject.person).map_err(|e| AppError::Unexpected(e.into()))?;
    let person = &subject.person;
    let input = ContactInput {
        name: person.display_name.clone(),
        email: person.email.clone().unwrap_or_default(),
        phone: person.phone.clone().unwrap_or_default(),
        address: sensitive.postal_address.unwrap_or_default(),
        method: person.contact_method.as_str().to_owned(),
        advocate_name: sensitive.preferences.advocate_name,
        advocate_contact: sensitive.preferences.advocate_contact,
        language: person.language.clone(),
        region: person
            .region
            .map(|r| r.as_str().to_owned())
            .unwrap_or_default(),
        local_authority: person.local_authority.clone().unwrap_or_default(),
    };
    render(view(page, &subject, input))
}

pub async fn submit(state: &AppState, page: Page, subject: Subject, body: &[u8]) -> AppResult {
    if !subject.seen.contact || (!subject.is_own() && !subject.seen.preferences) {
        return Err(AppError::NotFound);
    }
    let input = ContactInput::from_form(&pairs(body));
    let contact = match check(&input) {
        Ok(contact) => contact,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                view(page.with_errors(errors), &subject, input),
            );
        }
    };
    let mut tx = state.db.begin().await?;
    save(
        &mut tx.ex(),
        &state.keys,
        subject.actor,
        &subject.person,
        &contact,
    )
    .await
    .map_err(|error| match error {
        SaveError::Database(error) => AppError::Database(error),
        unreadable => AppError::Unexpected(unreadable.into()),
    })?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &subject.base,
        "flash-details-saved",
    ))
}

/// Why contact details were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The person's sealed preferences, which keep the advocate, could not be opened.
    #[error("the sealed preferences could not be opened: {0}")]
    Unreadable(#[from] profile::ProfileError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Saves the person's contact details, sealing the address and keeping the advocate with their
/// preferences, and audits it.
pub async fn save(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    row: &PersonRow,
    contact: &Contact,
) -> Result<(), SaveError> {
    let person = row.id;
    let mut preferences: Preferences = profile::open(keys, row)?.preferences;
    preferences.advocate_name = contact.advocate_name.clone();
    preferences.advocate_contact = contact.advocate_contact.clone();
    let address = contact
        .address
        .as_deref()
        .map(|a| profile::seal_text(keys, person, SealedColumn::PostalAddress, a));
    let sealed_preferences =
        profile::seal_json(keys, person, SealedColumn::Preferences, &preferences);
    rows::update_details(
        ex,
        person,
        Details {
            display_name: &contact.name,
            email: contact.email.as_deref(),
            phone: contact.phone.as_deref(),
            postal_address: address.as_deref(),
            contact_method: contact.method,
            language: contact.language.code(),
            region: contact.region,
            local_authority: contact.local_authority.as_deref(),
        },
    )
    .await?;
    rows::set_sealed(
        ex,
        person,
        SealedColumn::Preferences,
        Some(&sealed_preferences),
    )
    .await?;
    let mut entry = Entry::new(Action::PersonDetailsChanged, "person", person)
        .by(actor.account)
        .with(serde_json::json!({ "assisted": actor.assisted() }));
    if let Some(org) = actor.organisation {
        entry = entry.in_organisation(org);
    }
    audit::record(ex, entry).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(method: &str) -> ContactInput {
        ContactInput {
            name: "Jo Bloggs".into(),
            method: method.into(),
            ..ContactInput::default()
        }
    }

    #[test]
    fn each_way_of_contact_needs_only_its_own_details() {
        let problems = check(&input("post")).unwrap_err();
        let found: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.key)).collect();
        assert_eq!(found, vec![("address", "details-error-address-needed")]);
        let mut by_post = input("post");
        by_post.address = "1 High Street\nNorthtown".into();
        let contact = check(&by_post).unwrap();
        assert_eq!(contact.email, None);
        assert_eq!(contact.method, ContactMethod::Post);
        let mut by_phone = input("phone");
        by_phone.phone = "01632 960 001".into();
        assert_eq!(
            check(&by_phone).unwrap().phone.as_deref(),
            Some("01632960001")
        );
        assert!(check(&input("email")).is_err());
        assert!(check(&input("pigeon")).is_err());
    }

    #[test]
    fn phone_numbers_are_checked_and_normalised() {
        assert_eq!(
            normalise_phone("+44 (0)1632 960001").as_deref(),
            Some("+4401632960001")
        );
        assert_eq!(
            normalise_phone("07700 900123").as_deref(),
            Some("07700900123")
        );
        assert_eq!(normalise_phone("call me"), None);
        assert_eq!(normalise_phone("123"), None);
    }
}
