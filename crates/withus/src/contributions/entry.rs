//! Staff enter a contribution for someone: a letter, a call, an email, a BSL video, an Easy Read
//! form on paper, words passed on by an advocate, or points said at an event. It is marked as
//! entered for the person, with how it reached staff, and the person gets the same receipt as
//! anyone who contributes online.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, NewContribution};
use super::domain::{Channel, NewFile, TEXT_MAX_CHARS, check_file};
use super::team::{actor, base};
use crate::engagements::storage::EngagementRow;
use crate::engagements::{Loaded, load_editable};
use crate::papers::EventLabel;
use crate::register::record::people_list;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, Ids, Page, render};

/// The value of the "who said it" radio for someone not on the register.
const NOT_ON_REGISTER: &str = "none";

/// The form as sent, every value a string.
#[derive(Debug, Default, Clone)]
pub struct Answers {
    pub person: String,
    pub channel: String,
    pub event: String,
    pub text: String,
    pub anonymous: bool,
    pub may_quote: bool,
    pub email: String,
    pub file_name: String,
    pub file: Vec<u8>,
}

/// What the checked form gives.
#[derive(Debug)]
pub struct Checked {
    pub person: Option<Uuid>,
    pub channel: Channel,
    pub event: Option<Uuid>,
    pub text: String,
    pub anonymous: bool,
    pub may_quote: bool,
    pub email: Option<String>,
    pub file: Option<NewFile>,
}

/// Checks the form against the people offered and the engagement's events.
pub fn check(answers: Answers, people: &[Uuid], events: &[Uuid]) -> Result<Checked, Vec<Problem>> {
    let mut problems = Vec::new();
    let person = match answers.person.trim() {
        "" => {
            problems.push(Problem::new("person", "contribution-person-missing"));
            None
        }
        NOT_ON_REGISTER => None,
        id => match Uuid::parse_str(id).ok().filter(|id| people.contains(id)) {
            Some(id) => Some(id),
            None => {
                problems.push(Problem::new("person", "contribution-person-missing"));
                None
            }
        },
    };
    let channel =
        Channel::parse(answers.channel.trim()).filter(|c| Channel::ENTERED_BY_STAFF.contains(c));
    if channel.is_none() {
        problems.push(Problem::new("channel", "contribution-channel-missing"));
    }
    let event = match answers.event.trim() {
        "" => None,
        id => {
            let found = Uuid::parse_str(id).ok().filter(|id| events.contains(id));
            if found.is_none() {
                problems.push(crate::web::forms::not_recognised_problem("event", id));
            }
            found
        }
    };
    let text = answers.text.trim().to_owned();
    if text.is_empty() {
        problems.push(Problem::new("text", "contribution-text-missing"));
    } else if text.chars().count() > TEXT_MAX_CHARS {
        problems.push(Problem::too_long(
            "text",
            "contribution-text-too-long",
            TEXT_MAX_CHARS,
        ));
    }
    let email = Some(answers.email.trim().to_owned()).filter(|e| !e.is_empty());
    if let Some(email) = &email
        && crate::accounts::domain::EmailAddress::parse(email).is_err()
    {
        problems.push(Problem::new("email", "contribution-email-invalid"));
    }
    let file = if answers.file.is_empty() && answers.file_name.trim().is_empty() {
        None
    } else {
        match check_file("file", &answers.file_name, answers.file) {
            Ok(file) => Some(file),
            Err(problem) => {
                problems.push(problem);
                None
            }
        }
    };
    match channel {
        Some(channel) if problems.is_empty() => Ok(Checked {
            person,
            channel,
            event,
            text,
            anonymous: answers.anonymous,
            may_quote: answers.may_quote,
            email: if person.is_none() { email } else { None },
            file,
        }),
        _ => Err(problems),
    }
}

#[derive(Template)]
#[template(path = "contributions/templates/entry.html")]
struct EntryPage {
    page: Page,
    base: String,
    title: String,
    name: String,
    searched: bool,
    people: Vec<Choice>,
    channels: Vec<Choice>,
    events: Vec<Choice>,
    text: String,
    anonymous: bool,
    may_quote: bool,
    email: String,
}

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    name: String,
    #[serde(default)]
    person: String,
}

/// The people a search offers (and the one already chosen, kept on a refused form).
async fn offered(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    name: &str,
    chosen: &str,
) -> Result<Vec<(Uuid, String)>, crate::web::AppError> {
    let mut people = people_list::named(state, page, org_id, name).await?;
    if let Ok(id) = Uuid::parse_str(chosen.trim())
        && !people.iter().any(|(p, _)| *p == id)
        && let Ok(subject) = subject::seen_by_staff(state, page, org_id, &id.to_string()).await
    {
        people.insert(0, (id, subject.person.display_name));
    }
    Ok(people)
}

#[allow(clippy::too_many_arguments)]
fn entry_page(
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    name: String,
    people: &[(Uuid, String)],
    events: &[EventLabel],
    answers: &Answers,
) -> EntryPage {
    let locale = page.locale();
    let mut choices: Vec<Choice> = people
        .iter()
        .map(|(id, name)| {
            let value = id.to_string();
            let checked = value == answers.person.trim();
            Choice::new(value, name.clone(), checked)
        })
        .collect();
    choices.push(
        Choice::new(
            NOT_ON_REGISTER,
            page.t("contribution-person-none"),
            answers.person.trim() == NOT_ON_REGISTER,
        )
        .exclusive_after_divider(),
    );
    let channels = Channel::ENTERED_BY_STAFF
        .iter()
        .map(|c| {
            Choice::new(
                c.as_str(),
                page.t(&c.message_key()),
                answers.channel == c.as_str(),
            )
        })
        .collect();
    let mut event_choices = vec![Choice::new(
        "",
        page.t("contribution-event-none"),
        answers.event.is_empty(),
    )];
    event_choices.extend(events.iter().map(|e| {
        let id = e.id.to_string();
        Choice::new(
            id.clone(),
            format!("{} ({})", e.title, e.when),
            id == answers.event,
        )
    }));
    EntryPage {
        base: base(org_id, engagement.id),
        title: engagement.title().shown(locale).text,
        searched: !name.trim().is_empty(),
        name,
        people: choices,
        channels,
        events: event_choices,
        text: answers.text.clone(),
        anonymous: answers.anonymous,
        may_quote: answers.may_quote,
        email: answers.email.clone(),
        page,
    }
}

pub async fn form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    Query(search): Query<Search>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let people = offered(&state, &page, org_id, &search.name, &search.person).await?;
    let events =
        crate::events::sections::event_labels(&state, engagement.id, page.locale()).await?;
    let answers = Answers {
        person: search.person.clone(),
        ..Answers::default()
    };
    render(entry_page(
        page,
        org_id,
        &engagement,
        search.name,
        &people,
        &events,
        &answers,
    ))
}

/// The form's fields; a form that is not a file upload, or breaks off, reads as empty.
async fn read(multipart: Result<Multipart, MultipartRejection>) -> (Answers, String) {
    let mut answers = Answers::default();
    let mut name = String::new();
    let Ok(mut multipart) = multipart else {
        return (answers, name);
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        let field_name = field.name().unwrap_or("").to_owned();
        if field_name == "file" {
            answers.file_name = field.file_name().unwrap_or("").to_owned();
            answers.file = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match field_name.as_str() {
            "person" => answers.person = value,
            "channel" => answers.channel = value,
            "event" => answers.event = value,
            "text" => answers.text = value,
            "anonymous" => answers.anonymous = value == "yes",
            "may_quote" => answers.may_quote = value == "yes",
            "email" => answers.email = value,
            "name" => name = value,
            _ => {}
        }
    }
    (answers, name)
}

pub async fn submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let (answers, name) = read(multipart).await;
    let people = offered(&state, &page, org_id, &name, &answers.person).await?;
    let events =
        crate::events::sections::event_labels(&state, engagement.id, page.locale()).await?;
    let person_ids: Vec<Uuid> = people.iter().map(|(id, _)| *id).collect();
    let event_ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
    let kept = Answers {
        file: Vec::new(),
        ..answers.clone()
    };
    let checked = match check(answers, &person_ids, &event_ids) {
        Ok(checked) => checked,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(entry_page(
                page,
                org_id,
                &engagement,
                name,
                &people,
                &events,
                &kept,
            ));
        }
    };
    let staff = actor(&page, org_id);
    let mut tx = state.db.begin().await?;
    let received = commands::receive(
        &mut tx.ex(),
        &state,
        NewContribution {
            engagement: engagement.id,
            event: checked.event,
            author: checked.person,
            anonymous: checked.anonymous,
            channel: checked.channel,
            entered_by: staff.account,
            received_by: Some(checked.channel.received_by()),
            text: checked.text,
            may_quote: checked.may_quote,
            survey_response: None,
            email: checked.email,
        },
    )
    .await?;
    if let Some(file) = &checked.file {
        commands::attach(&mut tx.ex(), &state, staff.account, received.id, file)
            .await
            .map_err(|error| match error {
                commands::FileError::Database(error) => crate::web::AppError::from(error),
                commands::FileError::NoSuchContribution => crate::web::AppError::NotFound,
            })?;
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!(
            "{}/contributions/{}",
            base(org_id, engagement.id),
            received.id
        ),
        "contribution-entered",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers() -> Answers {
        Answers {
            person: NOT_ON_REGISTER.into(),
            channel: "letter".into(),
            text: "The bus stop has no seat.".into(),
            ..Answers::default()
        }
    }

    #[test]
    fn a_letter_from_someone_not_on_the_register_is_accepted() {
        let checked = check(answers(), &[], &[]).unwrap();
        assert_eq!((checked.person, checked.channel), (None, Channel::Letter));
    }

    #[test]
    fn each_missing_or_wrong_answer_is_named() {
        let person = Uuid::now_v7();
        let refused = check(
            Answers {
                person: Uuid::now_v7().to_string(),
                channel: "survey".into(),
                event: "not-an-event".into(),
                text: " ".into(),
                email: "not an email".into(),
                file_name: "bsl.exe".into(),
                file: b"MZ\x90".to_vec(),
                ..Answers::default()
            },
            &[person],
            &[],
        )
        .unwrap_err();
        let fields: Vec<&str> = refused.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["person", "channel", "event", "text", "email", "file"]
        );
    }

    #[test]
    fn the_email_is_kept_only_for_someone_not_on_the_register() {
        let person = Uuid::now_v7();
        let checked = check(
            Answers {
                person: person.to_string(),
                email: "a@example.org".into(),
                ..answers()
            },
            &[person],
            &[],
        )
        .unwrap();
        assert_eq!((checked.person, checked.email), (Some(person), None));
    }
}
