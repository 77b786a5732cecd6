//! "How we contact you": the channel, language, format and frequency of the messages a person
//! gets, and which optional kinds they want, with every message sent to them and where it is.
//! The person edits it in Your data; staff edit it for someone who asked them to.

use askama::Template;
use axum::http::StatusCode;
use uuid::Uuid;

use super::preferences::LARGE_PRINT_SIZES;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::notices::{Frequency, NoticeKind, NotificationRow};
use crate::register::consents::Actor;
use crate::register::contact::declined_kinds;
use crate::register::domain::{ContactMethod, Format, Preferences};
use crate::register::profile;
use crate::register::record::subject::Subject;
use crate::register::storage::{self as rows, ContactChoices, SealedColumn};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, FormErrors, Page, dates, render};

/// The formats this page sets; the others (BSL, Braille…) are kept as they are.
const MESSAGE_FORMATS: [Format; 3] = [Format::EasyRead, Format::LargePrint, Format::PlainTextEmail];

/// What the person chose, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct HowWeContact {
    pub method: ContactMethod,
    pub language: Locale,
    pub formats: Vec<Format>,
    pub large_print_size: Option<u8>,
    pub frequency: Frequency,
    pub declined: Vec<NoticeKind>,
}

/// What the record holds that the choices depend on.
pub struct OnRecord {
    pub has_email: bool,
    pub has_phone: bool,
    pub has_address: bool,
}

/// Checks the answers: a channel we have the address for, a language, a large-print size in range
/// when large print is chosen, and a frequency. Unticked optional kinds are declined.
pub fn check(form: &[(String, String)], record: &OnRecord) -> Result<HowWeContact, Vec<Problem>> {
    let mut problems = Vec::new();
    let method = ContactMethod::parse(&one_of(form, "method"));
    match method {
        None => problems.push(Problem::new("method", "contact-error-method")),
        Some(ContactMethod::Email) if !record.has_email => {
            problems.push(Problem::new("method", "contact-error-no-email"))
        }
        Some(ContactMethod::Sms | ContactMethod::Phone) if !record.has_phone => {
            problems.push(Problem::new("method", "contact-error-no-phone"))
        }
        Some(ContactMethod::Post) if !record.has_address => {
            problems.push(Problem::new("method", "contact-error-no-address"))
        }
        _ => {}
    }
    let language = Locale::parse(&one_of(form, "language"));
    if language.is_none() {
        problems.push(Problem::new("language", "contact-error-language"));
    }
    let formats = formats_chosen(form);
    let size_text = one_of(form, "large_print_size");
    let large_print_size = match size_text.trim() {
        "" => None,
        text => match text.parse::<u8>() {
            Ok(size) if LARGE_PRINT_SIZES.contains(&size) => Some(size),
            _ => {
                problems.push(
                    Problem::new("large_print_size", "contact-error-size")
                        .with("min", usize::from(*LARGE_PRINT_SIZES.start()))
                        .with("max", usize::from(*LARGE_PRINT_SIZES.end())),
                );
                None
            }
        },
    };
    let frequency = Frequency::parse(&one_of(form, "frequency"));
    if frequency.is_none() {
        problems.push(Problem::new("frequency", "contact-error-frequency"));
    }
    let declined = declined_in(form);
    match (method, language, frequency) {
        (Some(method), Some(language), Some(frequency)) if problems.is_empty() => {
            Ok(HowWeContact {
                method,
                language,
                formats,
                large_print_size,
                frequency,
                declined,
            })
        }
        _ => Err(problems),
    }
}

/// Stores the choices, keeping the person's other preferences, and audits it.
pub async fn save(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    person: Uuid,
    chosen: &HowWeContact,
) -> Result<(), sqlx::Error> {
    rows::lock_person(ex, person).await?;
    let row = rows::find_person(ex, person)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let mut preferences = profile::open(keys, &row)
        .map(|s| s.preferences)
        .unwrap_or_default();
    preferences.formats.retain(|f| !MESSAGE_FORMATS.contains(f));
    preferences.formats.extend(chosen.formats.iter().copied());
    if chosen.large_print_size.is_some() {
        preferences.large_print_size = chosen.large_print_size;
    }
    let sealed = profile::seal_json(keys, person, SealedColumn::Preferences, &preferences);
    rows::set_sealed(ex, person, SealedColumn::Preferences, Some(&sealed)).await?;
    let declined: Vec<&str> = chosen.declined.iter().map(|k| k.as_str()).collect();
    rows::set_contact_choices(
        ex,
        person,
        ContactChoices {
            method: chosen.method,
            language: chosen.language.code(),
            frequency: chosen.frequency.as_str(),
            declined: &declined.join(","),
        },
    )
    .await?;
    let mut entry = Entry::new(Action::ContactPreferencesChanged, "person", person)
        .by(actor.account)
        .with(serde_json::json!({
            "assisted": actor.assisted(),
            "method": chosen.method.as_str(),
            "language": chosen.language.code(),
            "frequency": chosen.frequency.as_str(),
            "declined": declined,
        }));
    if let Some(org) = actor.organisation {
        entry = entry.in_organisation(org);
    }
    audit::record(ex, entry).await?;
    Ok(())
}

#[derive(Template)]
#[template(path = "register/record/templates/contact.html")]
struct ContactPage {
    page: Page,
    person_name: String,
    base: String,
    is_own: bool,
    methods: Vec<Choice>,
    languages: Vec<Choice>,
    formats: Vec<Choice>,
    large_print_size: String,
    frequencies: Vec<Choice>,
    kinds: Vec<Choice>,
    history: Vec<SentLine>,
    /// The person's own one-click link to stop optional messages (their own page only).
    unsubscribe: String,
}

/// One message in the history, as shown.
struct SentLine {
    when: String,
    subject: String,
    channel: String,
    status: String,
    reason: String,
}

fn history_lines(page: &Page, history: &[NotificationRow]) -> Vec<SentLine> {
    history
        .iter()
        .map(|n| SentLine {
            when: dates::format_date_time(n.created_at, page.locale()),
            subject: n.subject.clone(),
            channel: page.t(&n.channel.message_key()),
            status: page.t(&n.status.message_key()),
            reason: n.reason.clone().unwrap_or_default(),
        })
        .collect()
}

fn view(
    state: &AppState,
    page: Page,
    subject: &Subject,
    chosen: &HowWeContact,
    size: String,
    history: &[NotificationRow],
) -> ContactPage {
    let methods = ContactMethod::ALL
        .iter()
        .map(|m| Choice::new(m.as_str(), page.t(&m.message_key()), *m == chosen.method))
        .collect();
    let languages = [Locale::En, Locale::Cy]
        .into_iter()
        .map(|l| Choice::new(l.code(), l.endonym(), l == chosen.language))
        .collect();
    let formats = MESSAGE_FORMATS
        .iter()
        .map(|f| {
            Choice::new(
                f.as_str(),
                page.t(&f.message_key()),
                chosen.formats.contains(f),
            )
        })
        .collect();
    let frequencies = Frequency::ALL
        .iter()
        .map(|f| Choice::new(f.as_str(), page.t(&f.message_key()), *f == chosen.frequency))
        .collect();
    let kinds = NoticeKind::optional()
        .map(|k| {
            Choice::new(
                k.as_str(),
                page.t(&k.message_key()),
                !chosen.declined.contains(&k),
            )
        })
        .collect();
    ContactPage {
        unsubscribe: if subject.is_own() {
            crate::register::contact::unsubscribe_path(state, subject.person.id)
        } else {
            String::new()
        },
        history: history_lines(&page, history),
        person_name: subject.person.display_name.clone(),
        base: subject.base.clone(),
        is_own: subject.is_own(),
        methods,
        languages,
        formats,
        large_print_size: size,
        frequencies,
        kinds,
        page,
    }
}

impl HowWeContact {
    /// Overrides these choices with the answers sent, where each is one the page offers.
    fn keep_answers(&mut self, form: &[(String, String)]) {
        if let Some(m) = ContactMethod::parse(&one_of(form, "method")) {
            self.method = m;
        }
        if let Some(l) = Locale::parse(&one_of(form, "language")) {
            self.language = l;
        }
        if let Some(f) = Frequency::parse(&one_of(form, "frequency")) {
            self.frequency = f;
        }
        self.formats = formats_chosen(form);
        self.declined = declined_in(form);
    }
}

/// The message formats ticked (other values are not this page's to set).
fn formats_chosen(form: &[(String, String)]) -> Vec<Format> {
    all_of(form, "formats")
        .iter()
        .filter_map(|f| Format::parse(f))
        .filter(|f| MESSAGE_FORMATS.contains(f))
        .collect()
}

/// The optional kinds left unticked.
fn declined_in(form: &[(String, String)]) -> Vec<NoticeKind> {
    let wanted = all_of(form, "receive");
    NoticeKind::optional()
        .filter(|k| !wanted.iter().any(|w| w == k.as_str()))
        .collect()
}

/// What is on record now, as the page first shows it.
async fn current(
    state: &AppState,
    ex: &mut Ex<'_>,
    subject: &Subject,
) -> Result<(HowWeContact, Preferences), sqlx::Error> {
    let person = &subject.person;
    let preferences = profile::open(&state.keys, person)
        .map(|s| s.preferences)
        .unwrap_or_default();
    let (frequency, declined) = rows::notice_settings(ex, person.id)
        .await?
        .unwrap_or_default();
    Ok((
        HowWeContact {
            method: person.contact_method,
            language: Locale::parse(&person.language).unwrap_or_default(),
            formats: preferences
                .formats
                .iter()
                .copied()
                .filter(|f| MESSAGE_FORMATS.contains(f))
                .collect(),
            large_print_size: preferences.large_print_size,
            frequency: Frequency::parse(&frequency).unwrap_or(Frequency::Immediate),
            declined: declined_kinds(&declined),
        },
        preferences,
    ))
}

pub async fn form(state: &AppState, page: Page, subject: Subject) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let (chosen, _) = current(state, &mut conn.ex(), &subject).await?;
    let history = crate::notices::history_of(&mut conn.ex(), subject.person.id).await?;
    let size = chosen
        .large_print_size
        .map(|s| s.to_string())
        .unwrap_or_default();
    render(view(state, page, &subject, &chosen, size, &history))
}

pub async fn submit(state: &AppState, page: Page, subject: Subject, body: &[u8]) -> AppResult {
    let form = pairs(body);
    let opened = profile::open(&state.keys, &subject.person).ok();
    let filled = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    let record = OnRecord {
        has_email: filled(&subject.person.email),
        has_phone: filled(&subject.person.phone),
        has_address: opened.as_ref().is_some_and(|o| filled(&o.postal_address)),
    };
    match check(&form, &record) {
        Ok(chosen) => {
            let mut tx = state.db.begin().await?;
            save(
                &mut tx.ex(),
                &state.keys,
                subject.actor,
                subject.person.id,
                &chosen,
            )
            .await?;
            tx.commit().await?;
            Ok(see_other_with_flash(
                state,
                &subject.base,
                "flash-contact-saved",
            ))
        }
        Err(problems) => {
            let mut conn = state.db.acquire().await?;
            let (mut shown, _) = current(state, &mut conn.ex(), &subject).await?;
            // Show what they chose, so nothing they ticked or typed is lost.
            shown.keep_answers(&form);
            let history = crate::notices::history_of(&mut conn.ex(), subject.person.id).await?;
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let size = one_of(&form, "large_print_size");
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                view(
                    state,
                    page.with_errors(errors),
                    &subject,
                    &shown,
                    size,
                    &history,
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const EVERYTHING: OnRecord = OnRecord {
        has_email: true,
        has_phone: true,
        has_address: true,
    };

    #[test]
    fn a_letter_in_welsh_large_print_weekly_is_accepted() {
        let chosen = check(
            &form(&[
                ("method", "post"),
                ("language", "cy"),
                ("formats", "large_print"),
                ("large_print_size", "20"),
                ("frequency", "weekly"),
                ("receive", "event_invitation"),
            ]),
            &EVERYTHING,
        )
        .unwrap();
        assert_eq!(chosen.method, ContactMethod::Post);
        assert_eq!(chosen.language, Locale::Cy);
        assert_eq!(chosen.large_print_size, Some(20));
        assert_eq!(chosen.frequency, Frequency::Weekly);
        assert!(!chosen.declined.contains(&NoticeKind::EventInvitation));
        assert!(chosen.declined.contains(&NoticeKind::FeedbackRequest));
    }

    #[test]
    fn a_channel_needs_its_address_and_sizes_stay_in_range() {
        let none = OnRecord {
            has_email: false,
            has_phone: false,
            has_address: false,
        };
        let problems = check(
            &form(&[
                ("method", "post"),
                ("language", "en"),
                ("large_print_size", "9"),
                ("frequency", "daily"),
            ]),
            &none,
        )
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["method", "large_print_size"]);
        assert_eq!(problems[0].key, "contact-error-no-address");
    }
}
