//! Answering "Were your access needs met?": the attendee's own page, and the organiser recording an
//! answer given by phone, in person or on paper. One answer per person per event, which they can
//! change.

use askama::Template;
use axum::extract::State;
use serde_json::json;
use uuid::Uuid;

use super::storage::{self, Given};
use super::{Answer, Details};
use crate::audit::{self, Action, Entry};
use crate::events::domain::BookingStatus;
use crate::events::storage::{self as events, EventRow};
use crate::register::domain::Channel;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

pub const TEXT_MAX_CHARS: usize = 2000;

/// How staff may say an answer reached them.
const STAFF_CHANNELS: [Channel; 4] = [
    Channel::Phone,
    Channel::InPerson,
    Channel::Paper,
    Channel::Email,
];

/// What the form holds, as typed.
#[derive(Default)]
struct Answers {
    answer: String,
    unmet: Vec<String>,
    words: String,
    contact: String,
    via: String,
}

impl Answers {
    fn read(body: &[u8]) -> Answers {
        let form = pairs(body);
        Answers {
            answer: one_of(&form, "answer"),
            unmet: all_of(&form, "unmet"),
            words: one_of(&form, "words"),
            contact: one_of(&form, "contact"),
            via: one_of(&form, "via"),
        }
    }

    fn stored(state: &AppState, row: Option<&storage::FeedbackRow>) -> Answers {
        let Some(row) = row else {
            return Answers::default();
        };
        let details = super::open(state, row);
        Answers {
            answer: row.answer.clone().unwrap_or_default(),
            unmet: details.unmet,
            words: details.words,
            contact: match row.may_contact {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            via: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "events/feedback/templates/answer.html")]
struct AnswerPage {
    page: Page,
    event: EventRow,
    when: String,
    legend: String,
    action: String,
    back: String,
    answers: Vec<Choice>,
    needs: Vec<Choice>,
    words: String,
    contact: Vec<Choice>,
    /// How the answer was given; staff only.
    channels: Vec<Choice>,
}

/// Whom the answer is about, and who is giving it.
struct Who {
    person: Uuid,
    /// Staff recording for the person: the address of the event's staff page.
    staff: Option<String>,
}

async fn answer_page(
    state: &AppState,
    page: Page,
    event: EventRow,
    who: &Who,
    legend: String,
    answers: Answers,
) -> Result<AnswerPage, AppError> {
    let items = crate::events::plan::item_names(state, &page, &event).await?;
    let choice =
        |value: &str, key: &str, chosen: &str| Choice::new(value, page.t(key), chosen == value);
    let (action, back) = match &who.staff {
        Some(event_page) => (
            format!("{event_page}/feedback/{}", who.person),
            event_page.clone(),
        ),
        None => (
            format!("/events/{}/feedback", event.id),
            format!("/events/{}/book", event.id),
        ),
    };
    Ok(AnswerPage {
        when: crate::events::when(&event, page.locale()),
        legend,
        action,
        back,
        answers: Answer::ALL
            .iter()
            .map(|a| {
                Choice::new(
                    a.as_str(),
                    page.t(&a.message_key()),
                    a.as_str() == answers.answer,
                )
            })
            .collect(),
        needs: items
            .iter()
            .filter(|i| i.people.contains(&who.person))
            .map(|i| {
                Choice::new(
                    i.key.clone(),
                    i.name.clone(),
                    answers.unmet.contains(&i.key),
                )
            })
            .collect(),
        words: answers.words,
        contact: vec![
            choice("yes", "feedback-contact-yes", &answers.contact),
            choice("no", "feedback-contact-no", &answers.contact),
        ],
        channels: if who.staff.is_some() {
            STAFF_CHANNELS
                .iter()
                .map(|c| {
                    Choice::new(
                        c.as_str(),
                        page.t(&c.message_key()),
                        c.as_str() == answers.via,
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        page,
        event,
    })
}

/// Checks the answers: an answer is needed, staff say how it was given, and the words fit.
fn check(answers: &Answers, staff: bool) -> Result<(Answer, Channel), Vec<Problem>> {
    let mut problems = Vec::new();
    let answer = Answer::parse(&answers.answer);
    if answer.is_none() {
        problems.push(Problem::new("answer", "feedback-error-answer"));
    }
    if answers.words.chars().count() > TEXT_MAX_CHARS {
        problems.push(Problem::new("words", "feedback-error-too-long"));
    }
    let via = if staff {
        let via = Channel::parse(&answers.via).filter(|c| STAFF_CHANNELS.contains(c));
        if via.is_none() {
            problems.push(Problem::new("via", "feedback-error-via"));
        }
        via
    } else {
        Some(Channel::Online)
    };
    match (answer, via) {
        (Some(answer), Some(via)) if problems.is_empty() => Ok((answer, via)),
        _ => Err(problems),
    }
}

/// Saves a checked answer; the details of a Yes are not kept.
async fn save(
    state: &AppState,
    page: &Page,
    event: &EventRow,
    who: &Who,
    answers: &Answers,
    answer: Answer,
    via: Channel,
) -> Result<(), AppError> {
    let items = crate::events::plan::item_names(state, page, event).await?;
    let details = if answer == Answer::Yes {
        Details::default()
    } else {
        Details {
            unmet: answers
                .unmet
                .iter()
                .filter(|key| {
                    items
                        .iter()
                        .any(|i| &i.key == *key && i.people.contains(&who.person))
                })
                .cloned()
                .collect(),
            words: answers.words.trim().to_owned(),
        }
    };
    let sealed = super::seal(state, event.id, who.person, &details);
    let may_contact = match (answer, answers.contact.as_str()) {
        (Answer::Yes, _) => None,
        (_, "yes") => Some(true),
        (_, "no") => Some(false),
        _ => None,
    };
    let given = Given {
        answer,
        details: sealed.as_deref(),
        may_contact,
        via,
        recorded_by: page.ctx.actor(),
    };
    let mut tx = state.db.begin().await?;
    record(&mut tx.ex(), event, who.person, who.staff.is_some(), &given).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<AnswerError> for AppError {
    fn from(error: AnswerError) -> Self {
        match error {
            AnswerError::Database(error) => error.into(),
        }
    }
}

/// Records `person`'s answer about whether their access needs were met at `event` (given by them,
/// or by staff on their behalf), replacing any earlier one.
pub async fn record(
    ex: &mut crate::db::Ex<'_>,
    event: &EventRow,
    person: Uuid,
    on_behalf: bool,
    given: &Given<'_>,
) -> Result<(), AnswerError> {
    storage::save_answer(ex, event.id, person, given).await?;
    audit::record(
        ex,
        Entry::new(Action::EventFeedbackAnswered, "event", event.id)
            .by(given.recorded_by)
            .in_organisation(event.organisation_id)
            .with(json!({
                "person": person,
                "via": given.via.as_str(),
                "on_behalf": on_behalf,
            })),
    )
    .await?;
    Ok(())
}

/// Whether `person` came to `event` (their place was booked and attendance marked).
async fn attended(state: &AppState, event: Uuid, person: Uuid) -> Result<bool, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(events::booking_of(&mut conn.ex(), event, person)
        .await?
        .is_some_and(|b| b.status() == BookingStatus::Booked && b.attended))
}

/// The signed-in person and the event, if they came to it; only attendees are asked.
async fn own(state: &AppState, page: &Page, event_id: &str) -> Result<(Who, EventRow), AppError> {
    let subject = subject::own(state, page).await?;
    let event = crate::events::find(state, event_id).await?;
    if !attended(state, event.id, subject.person.id).await? {
        return Err(AppError::Forbidden);
    }
    Ok((
        Who {
            person: subject.person.id,
            staff: None,
        },
        event,
    ))
}

pub async fn form(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
) -> AppResult {
    let (who, event) = own(&state, &page, &event_id).await?;
    let row = {
        let mut conn = state.db.acquire().await?;
        storage::find(&mut conn.ex(), event.id, who.person).await?
    };
    let answers = Answers::stored(&state, row.as_ref());
    let legend = page.t("feedback-question");
    render(answer_page(&state, page, event, &who, legend, answers).await?)
}

pub async fn submit(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (who, event) = own(&state, &page, &event_id).await?;
    let answers = Answers::read(&body);
    match check(&answers, false) {
        Ok((answer, via)) => {
            save(&state, &page, &event, &who, &answers, answer, via).await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/events/{}/feedback", event.id),
                "feedback-flash-thanks",
            ))
        }
        Err(problems) => {
            let page = page.with_problems(&problems);
            let legend = page.t("feedback-question");
            render_invalid(answer_page(&state, page, event, &who, legend, answers).await?)
        }
    }
}

fn event_page(org_id: Uuid, engagement: Uuid, event: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement}/events/{event}")
}

/// The person staff record an answer for: an attendee of the event whose access needs this member
/// of staff may see (the register's single rule), of an engagement they may change. Their name.
async fn on_behalf(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    engagement_id: &str,
    event_id: &str,
    person_id: &str,
) -> Result<(Who, EventRow, String), AppError> {
    let engagement = crate::engagements::load_editable(state, org_id, engagement_id).await?;
    let (_, event) = crate::events::load_for(state, org_id, engagement_id, event_id).await?;
    let subject = subject::seen_by_staff(state, page, org_id, person_id).await?;
    if !subject.seen.access_needs || !attended(state, event.id, subject.person.id).await? {
        return Err(AppError::NotFound);
    }
    Ok((
        Who {
            person: subject.person.id,
            staff: Some(event_page(org_id, engagement.engagement.id, event.id)),
        },
        event,
        subject.person.display_name,
    ))
}

fn staff_legend(page: &Page, name: &str) -> String {
    page.t_args(
        "feedback-question-staff",
        &[("name", crate::i18n::Arg::from(name))],
    )
}

pub async fn staff_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, person_id)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let (who, event, name) =
        on_behalf(&state, &page, org_id, &engagement_id, &event_id, &person_id).await?;
    let row = {
        let mut conn = state.db.acquire().await?;
        storage::find(&mut conn.ex(), event.id, who.person).await?
    };
    let mut answers = Answers::stored(&state, row.as_ref());
    answers.via = row
        .and_then(|r| r.given_via)
        .filter(|v| v != Channel::Online.as_str())
        .unwrap_or_default();
    let legend = staff_legend(&page, &name);
    render(answer_page(&state, page, event, &who, legend, answers).await?)
}

pub async fn staff_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, person_id)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (who, event, name) =
        on_behalf(&state, &page, org_id, &engagement_id, &event_id, &person_id).await?;
    let answers = Answers::read(&body);
    match check(&answers, true) {
        Ok((answer, via)) => {
            save(&state, &page, &event, &who, &answers, answer, via).await?;
            let back = who.staff.unwrap_or_default();
            Ok(see_other_with_flash(
                &state,
                &back,
                "feedback-flash-recorded",
            ))
        }
        Err(problems) => {
            let page = page.with_problems(&problems);
            let legend = staff_legend(&page, &name);
            render_invalid(answer_page(&state, page, event, &who, legend, answers).await?)
        }
    }
}

/// Asks the attendees not asked yet, once the event is over (for attendance saved before the end).
pub async fn ask_now(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = crate::events::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let mut tx = state.db.begin().await?;
    let asked = super::ask(&mut tx.ex(), &state, &event, page.ctx.actor()).await?;
    tx.commit().await?;
    let flash = if asked.emailed + asked.in_person > 0 {
        "feedback-flash-asked"
    } else {
        "feedback-flash-nobody-to-ask"
    };
    Ok(see_other_with_flash(
        &state,
        &event_page(org_id, engagement.engagement.id, event.id),
        flash,
    ))
}
