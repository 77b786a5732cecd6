//! The changes to surveys: building one (staff), and answering one (anyone, while it is open):
//! starting, answering a page, saving to come back later, coming back, and sending. Each reads,
//! decides, writes and audits in the caller's transaction and returns its own error.

use serde_json::json;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::{
    self, Answer, Answers, Definition, LiveRefusal, Received, Status, check_live_change,
};
use super::storage::{self, DraftRow, NewDraft, NewResponse, Settings, SurveyRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::security::field_crypto::{FieldContext, KeyRing};
use crate::security::tokens;
use crate::web::forms::Problem;

pub type Editor = crate::identity::StaffActor;

#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("there is no such survey")]
    NotFound,
    #[error("the routing does not work")]
    Routing(Vec<Problem>),
    #[error("the change would make sent answers meaningless")]
    Live(LiveRefusal),
    #[error("the survey is not taking answers")]
    NotOpen(Status),
    #[error("no answers saved under that code or link, or they have expired")]
    NoDraft,
    #[error("a question still needs an answer")]
    Unanswered(usize),
    #[error("the engagement is not taking contributions")]
    EngagementNotOpen,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Payment(#[from] crate::payments::PaymentError),
}

impl From<SurveyError> for crate::web::AppError {
    fn from(error: SurveyError) -> Self {
        match error {
            SurveyError::Database(error) => error.into(),
            SurveyError::Payment(error) => error.into(),
            _ => crate::web::AppError::NotFound,
        }
    }
}

fn today() -> time::Date {
    OffsetDateTime::now_utc().date()
}

pub fn status(survey: &SurveyRow) -> Status {
    Status::on(today(), survey.opens_on, survey.closes_on)
}

/// Adds a survey to an engagement. Its id.
pub async fn create(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    definition: &Definition,
    settings: &Settings,
) -> Result<Uuid, SurveyError> {
    let id = Uuid::now_v7();
    storage::create(ex, id, by.organisation, engagement, definition, settings).await?;
    audit::record(
        ex,
        Entry::new(Action::SurveyCreated, "survey", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "engagement": engagement })),
    )
    .await?;
    Ok(id)
}

/// Changes a survey: `change` edits its definition and settings; the result must route without
/// loops or unreachable questions and, once answers have been sent, keep them meaningful.
pub async fn change(
    ex: &mut Ex<'_>,
    by: Editor,
    survey: Uuid,
    change: impl FnOnce(&mut Definition, &mut Settings),
) -> Result<SurveyRow, SurveyError> {
    let before = storage::lock(ex, survey)
        .await?
        .ok_or(SurveyError::NotFound)?;
    let mut definition = before.definition.clone();
    let mut settings = Settings {
        opens_on: before.opens_on,
        closes_on: before.closes_on,
        resume_days: before.resume_days,
    };
    change(&mut definition, &mut settings);
    definition.check_routing().map_err(SurveyError::Routing)?;
    let marks = storage::marks(ex, survey).await?;
    check_live_change(&before.definition, &definition, &marks).map_err(SurveyError::Live)?;
    storage::save(ex, survey, &definition, &settings).await?;
    audit::record(
        ex,
        Entry::new(Action::SurveyChanged, "survey", survey)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "engagement": before.engagement_id,
                "questions": definition.questions.len(),
            })),
    )
    .await?;
    Ok(SurveyRow {
        definition,
        opens_on: settings.opens_on,
        closes_on: settings.closes_on,
        resume_days: settings.resume_days,
        ..before
    })
}

// Answering.

fn draft_field(draft: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "survey_drafts",
        column: "answers",
        row_id: draft,
    }
}

pub(super) fn response_field(response: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "survey_responses",
        column: "answers",
        row_id: response,
    }
}

pub(super) fn seal(keys: &KeyRing, answers: &Answers, at: FieldContext<'_>) -> Vec<u8> {
    keys.seal(
        &serde_json::to_string(answers).expect("answers serialise"),
        at,
    )
}

/// The answers in a draft (none if they cannot be opened).
pub fn draft_answers(keys: &KeyRing, draft: &DraftRow) -> Answers {
    keys.open(&draft.answers, draft_field(draft.id))
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The answers of a sent response.
pub fn response_answers(keys: &KeyRing, response: &storage::ResponseRow) -> Answers {
    keys.open(&response.answers, response_field(response.id))
        .ok()
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn expiry(survey: &SurveyRow) -> OffsetDateTime {
    crate::db::now() + Duration::days(survey.resume_days)
}

fn open_survey(survey: &SurveyRow) -> Result<(), SurveyError> {
    match status(survey) {
        Status::Open => Ok(()),
        other => Err(SurveyError::NotOpen(other)),
    }
}

/// Who is answering.
#[derive(Debug, Clone, Copy)]
pub struct Answering {
    /// The person on the register, when known (signed in, or chosen by staff).
    pub person: Option<Uuid>,
    /// The staff account entering answers for the person, and how the person told them.
    pub entered_by: Option<(Uuid, Received)>,
    pub locale: Locale,
    pub easy_read: bool,
}

/// Starts answering: a new draft for this browser (replacing any it had). The draft's id.
pub async fn start(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    survey: &SurveyRow,
    browser_hash: Vec<u8>,
    who: Answering,
) -> Result<Uuid, SurveyError> {
    open_survey(survey)?;
    let id = Uuid::now_v7();
    storage::insert_draft(
        ex,
        NewDraft {
            id,
            survey: survey.id,
            person: who.person,
            browser_hash,
            entered_by: who.entered_by.map(|(a, _)| a),
            received_by: who.entered_by.map(|(_, r)| r),
            language: who.locale.code(),
            easy_read: who.easy_read,
            sealed: seal(keys, &Answers::new(), draft_field(id)),
            expires_at: expiry(survey),
        },
    )
    .await?;
    if let Some((account, received)) = who.entered_by {
        audit::record(
            ex,
            Entry::new(Action::SurveyAnsweringForPerson, "survey", survey.id)
                .by(Some(account))
                .in_organisation(survey.organisation_id)
                .with(json!({
                    "person": who.person,
                    "assisted": true,
                    "received_by": received.as_str(),
                })),
        )
        .await?;
    }
    Ok(id)
}

/// Keeps the answers to one page (replacing that page's earlier answers); answers routing now skips
/// are dropped. Whether "Check your answers" had been reached.
pub async fn answer_page(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    survey: &SurveyRow,
    draft: &DraftRow,
    page: usize,
    given: Vec<(String, Option<Answer>)>,
    checking: bool,
) -> Result<Answers, SurveyError> {
    open_survey(survey)?;
    let mut answers = draft_answers(keys, draft);
    let pages = survey.definition.pages();
    let span = pages.get(page).ok_or(SurveyError::NotFound)?;
    for q in &survey.definition.questions[span.start..span.start + span.len] {
        answers.remove(&q.key);
    }
    for (key, answer) in given {
        if let Some(answer) = answer {
            answers.insert(key, answer);
        }
    }
    let answers = survey.definition.on_path(&answers);
    storage::update_draft(
        ex,
        draft.id,
        &seal(keys, &answers, draft_field(draft.id)),
        checking,
        expiry(survey),
    )
    .await?;
    Ok(answers)
}

/// What someone coming back later needs: a code to write down, and a link if they gave an email.
pub struct Resume {
    pub code: String,
    pub link_token: Option<String>,
    pub expires_at: OffsetDateTime,
}

/// Gives the draft a code (and a link token when an email address is given) to come back with,
/// and queues the email with the link. Only their hashes are stored.
pub async fn save_for_later(
    ex: &mut Ex<'_>,
    door: crate::notices::Door<'_>,
    survey: &SurveyRow,
    draft: &DraftRow,
    email: Option<&str>,
    base_url: &str,
) -> Result<Resume, SurveyError> {
    let code = domain::code_from(tokens::random_bytes());
    let link = email.map(|_| tokens::issue());
    storage::set_resume(
        ex,
        draft.id,
        &tokens::hash(&code),
        link.as_ref().map(|l| l.hash.as_slice()),
    )
    .await?;
    let expires_at = expiry(survey);
    storage::update_draft(ex, draft.id, &draft.answers, draft.checking, expires_at).await?;
    let locale = Locale::parse(&draft.language).unwrap_or(Locale::En);
    if let (Some(address), Some(link)) = (email, link.as_ref()) {
        let title = survey.definition.title.shown(locale, false).to_owned();
        let url = format!("{base_url}/surveys/{}/resume/{}", survey.id, link.secret);
        crate::notices::send(
            ex,
            door,
            &crate::notices::Addressee::account(address, "", locale),
            crate::notices::Notice::new(crate::notices::NoticeKind::SurveyResume)
                .arg("survey", title)
                .arg("link", url)
                .arg("code", code.clone())
                .arg("days", survey.resume_days)
                .about("survey", None)
                .from(survey.organisation_id),
        )
        .await?;
    }
    Ok(Resume {
        code,
        link_token: link.map(|l| l.secret),
        expires_at,
    })
}

/// Comes back to a draft found by its code or link: this browser answers with it from now on.
/// An unknown or expired code changes nothing.
pub async fn resume(
    ex: &mut Ex<'_>,
    survey: &SurveyRow,
    found: Option<DraftRow>,
    browser_hash: &[u8],
) -> Result<DraftRow, SurveyError> {
    let draft = found
        .filter(|d| d.expires_at > crate::db::now())
        .ok_or(SurveyError::NoDraft)?;
    open_survey(survey)?;
    storage::move_to_browser(ex, &draft, browser_hash).await?;
    Ok(draft)
}

/// What sending produced.
pub struct Sent {
    pub response: Uuid,
    pub reference: String,
}

/// The answers as "Question: answer" lines, in English.
pub fn as_text(definition: &Definition, answers: &Answers) -> String {
    definition
        .questions
        .iter()
        .filter_map(|q| {
            answers
                .get(&q.key)
                .map(|a| format!("{}: {}", q.label.en.trim(), a.words(q, Locale::En)))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sends the answers: stores them sealed with the choices they ticked, deletes the draft, and
/// records it. Refused if a required question on the way is unanswered or the survey is closed.
pub async fn send(
    ex: &mut Ex<'_>,
    state: &crate::state::AppState,
    survey: &SurveyRow,
    draft: &DraftRow,
    receipt_hash: Option<Vec<u8>>,
    may_quote: bool,
) -> Result<Sent, SurveyError> {
    open_survey(survey)?;
    let keys = &state.keys;
    let answers = survey.definition.on_path(&draft_answers(keys, draft));
    if let Some(page) = survey.definition.first_unanswered(&answers) {
        return Err(SurveyError::Unanswered(page));
    }
    let id = Uuid::now_v7();
    let mut marks = Vec::new();
    for (key, answer) in &answers {
        marks.push((key.clone(), String::new()));
        for choice in answer.chosen() {
            marks.push((key.clone(), choice));
        }
    }
    let received = draft.received_by.as_deref().and_then(Received::parse);
    storage::insert_response(
        ex,
        NewResponse {
            id,
            survey: survey.id,
            person: draft.person_id,
            language: if draft.language == "cy" { "cy" } else { "en" },
            easy_read: draft.easy_read,
            entered_by: draft.entered_by,
            received_by: received,
            sealed: seal(keys, &answers, response_field(id)),
            receipt_hash,
            marks,
        },
    )
    .await?;
    storage::delete_draft(ex, draft.id).await?;
    // The answers become a contribution to the engagement, in English, with its reference.
    let received_contribution = crate::contributions::receive(
        ex,
        state,
        crate::contributions::NewContribution {
            engagement: survey.engagement_id,
            event: None,
            author: draft.person_id,
            anonymous: false,
            channel: crate::contributions::Channel::Survey,
            entered_by: draft.entered_by,
            received_by: received
                .and_then(|r| crate::contributions::HowReceived::parse(r.as_str())),
            text: as_text(&survey.definition, &answers),
            may_quote,
            survey_response: Some(id),
            email: None,
        },
    )
    .await
    .map_err(|e| match e {
        crate::contributions::ReceiveError::Database(e) => SurveyError::Database(e),
        crate::contributions::ReceiveError::NoSuchEngagement => SurveyError::NotFound,
        _ => SurveyError::EngagementNotOpen,
    })?;
    let reference = received_contribution.reference.clone();
    storage::set_reference(ex, id, Some(received_contribution.id), &reference).await?;
    // Finishing a survey is involvement the engagement may pay for, owed in this transaction.
    if let Some(person) = draft.person_id {
        crate::payments::commands::due_for_survey(
            ex,
            &state.keys,
            draft.entered_by,
            &crate::payments::commands::SurveyDone {
                response: id,
                engagement: survey.engagement_id,
                person,
                title: survey.definition.title.en.trim(),
                day: crate::db::now().date(),
            },
        )
        .await?;
    }
    audit::record(
        ex,
        Entry::new(Action::SurveyAnswered, "survey", survey.id)
            .by(draft.entered_by)
            .in_organisation(survey.organisation_id)
            .with(json!({
                "response": id,
                "person": draft.person_id,
                "assisted": draft.entered_by.is_some(),
                "received_by": received.map(|r| r.as_str()),
            })),
    )
    .await?;
    Ok(Sent {
        response: id,
        reference,
    })
}

/// Records that someone downloaded a survey's answers: they may hold personal data.
pub async fn record_export(
    ex: &mut Ex<'_>,
    by: Editor,
    survey: &SurveyRow,
    format: &str,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(Action::SurveyExported, "survey", survey.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "engagement": survey.engagement_id, "format": format })),
    )
    .await
}

/// Erasure of a person: their drafts and sent answers go.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<u64, sqlx::Error> {
    storage::forget_person(ex, person).await
}
