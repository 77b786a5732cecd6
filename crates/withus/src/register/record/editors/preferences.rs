//! Preferences: formats, when someone can take part, topics, and whether and how to be paid,
//! including a flag for receiving benefits (never which benefits unless the person chooses to say).

use askama::Template;
use axum::http::StatusCode;

use super::DETAIL_MAX_CHARS;
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::consents::Actor;
use crate::register::domain::{Format, PaymentChoice, Preferences, Topic};
use crate::register::profile;
use crate::register::record::subject::Subject;
use crate::register::storage::{self as rows, SealedColumn};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::forms::{Choice, all_of, known_all, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

/// Large print starts at 16 point (RNIB clear print guidance); beyond 48 is better met another way.
pub const LARGE_PRINT_SIZES: std::ops::RangeInclusive<u8> = 16..=48;

#[derive(Template)]
#[template(path = "register/record/templates/preferences.html")]
struct PreferencesPage {
    page: Page,
    person_name: String,
    base: String,
    is_own: bool,
    formats: Vec<Choice>,
    large_print_size: String,
    available_times: String,
    unavailable_times: String,
    topics: Vec<Choice>,
    payment: Vec<Choice>,
    payment_organisation: String,
    benefits: Vec<Choice>,
    benefits_detail: String,
}

fn view(
    page: Page,
    subject: &Subject,
    prefs: &Preferences,
    topics: &[Topic],
    size: String,
) -> PreferencesPage {
    let benefits = [
        ("yes", Some(true)),
        ("no", Some(false)),
        ("prefer_not_to_say", None),
    ]
    .into_iter()
    .map(|(value, flag)| {
        let label = match value {
            "yes" => page.t("preferences-benefits-yes"),
            "no" => page.t("preferences-benefits-no"),
            _ => page.t("prefer-not-to-say"),
        };
        Choice::new(
            value,
            label,
            flag.is_some() && prefs.receives_benefits == flag,
        )
    })
    .collect();
    PreferencesPage {
        person_name: subject.person.display_name.clone(),
        base: subject.base.clone(),
        is_own: subject.is_own(),
        formats: Format::ALL
            .iter()
            .map(|f| {
                Choice::new(
                    f.as_str(),
                    page.t(&f.message_key()),
                    prefs.formats.contains(f),
                )
            })
            .collect(),
        large_print_size: size,
        available_times: prefs.available_times.clone(),
        unavailable_times: prefs.unavailable_times.clone(),
        topics: Topic::ALL
            .iter()
            .map(|t| Choice::new(t.as_str(), page.t(&t.message_key()), topics.contains(t)))
            .collect(),
        payment: PaymentChoice::ALL
            .iter()
            .map(|p| {
                Choice::new(
                    p.as_str(),
                    page.t(&p.message_key()),
                    prefs.payment == Some(*p),
                )
            })
            .collect(),
        payment_organisation: prefs.payment_organisation.clone(),
        benefits,
        benefits_detail: prefs.benefits_detail.clone(),
        page,
    }
}

pub async fn form(state: &AppState, page: Page, subject: Subject) -> AppResult {
    if !subject.seen.preferences {
        return Err(AppError::NotFound);
    }
    let sensitive =
        profile::open(&state.keys, &subject.person).map_err(|e| AppError::Unexpected(e.into()))?;
    let mut conn = state.db.acquire().await?;
    let topics = rows::topics_of(&mut conn.ex(), subject.person.id).await?;
    let size = sensitive
        .preferences
        .large_print_size
        .map(|s| s.to_string())
        .unwrap_or_default();
    render(view(page, &subject, &sensitive.preferences, &topics, size))
}

pub async fn submit(state: &AppState, page: Page, subject: Subject, body: &[u8]) -> AppResult {
    if !subject.seen.preferences || (!subject.is_own() && !subject.seen.contact) {
        return Err(AppError::NotFound);
    }
    let form = pairs(body);
    let existing = profile::open(&state.keys, &subject.person)
        .map_err(|e| AppError::Unexpected(e.into()))?
        .preferences;
    let mut errors = FormErrors::default();
    let formats: Vec<Format> = known_all(
        &mut errors,
        &page,
        "formats",
        &all_of(&form, "formats"),
        Format::parse,
    );
    let topics: Vec<Topic> = known_all(
        &mut errors,
        &page,
        "topics",
        &all_of(&form, "topics"),
        Topic::parse,
    );
    let size_text = one_of(&form, "large_print_size");
    let large_print_size = if size_text.is_empty() {
        None
    } else {
        match size_text.parse::<u8>() {
            Ok(size) if LARGE_PRINT_SIZES.contains(&size) => Some(size),
            _ => {
                errors.add("large_print_size", page.t("preferences-error-size"));
                None
            }
        }
    };
    let payment_text = one_of(&form, "payment");
    let payment = PaymentChoice::parse(&payment_text);
    let payment_organisation = one_of(&form, "payment_organisation");
    if payment == Some(PaymentChoice::ToOrganisation) && payment_organisation.is_empty() {
        errors.add(
            "payment_organisation",
            page.t("preferences-error-payment-organisation"),
        );
    }
    let receives_benefits = match one_of(&form, "benefits").as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let preferences = Preferences {
        formats,
        large_print_size,
        available_times: one_of(&form, "available_times"),
        unavailable_times: one_of(&form, "unavailable_times"),
        payment,
        payment_organisation,
        receives_benefits,
        benefits_detail: one_of(&form, "benefits_detail"),
        advocate_name: existing.advocate_name,
        advocate_contact: existing.advocate_contact,
    };
    for (field, value) in [
        ("available_times", &preferences.available_times),
        ("unavailable_times", &preferences.unavailable_times),
        ("benefits_detail", &preferences.benefits_detail),
    ] {
        if value.chars().count() > DETAIL_MAX_CHARS {
            errors.add(field, page.t("detail-error-too-long"));
        }
    }
    if !errors.is_empty() {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            view(
                page.with_errors(errors),
                &subject,
                &preferences,
                &topics,
                size_text,
            ),
        );
    }
    let mut tx = state.db.begin().await?;
    save(
        &mut tx.ex(),
        &state.keys,
        subject.actor,
        subject.person.id,
        &preferences,
        &topics,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &subject.base,
        "flash-preferences-saved",
    ))
}

/// Saves the person's preferences (sealed) and topics, and audits it.
pub async fn save(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    person: Uuid,
    preferences: &Preferences,
    topics: &[Topic],
) -> Result<(), sqlx::Error> {
    let sealed = profile::seal_json(keys, person, SealedColumn::Preferences, preferences);
    rows::set_sealed(ex, person, SealedColumn::Preferences, Some(&sealed)).await?;
    rows::set_topics(ex, person, topics).await?;
    let mut entry = Entry::new(Action::PersonPreferencesChanged, "person", person)
        .by(actor.account)
        .with(serde_json::json!({ "assisted": actor.assisted() }));
    if let Some(org) = actor.organisation {
        entry = entry.in_organisation(org);
    }
    audit::record(ex, entry).await
}
