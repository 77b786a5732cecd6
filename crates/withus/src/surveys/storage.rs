//! Survey storage: surveys with their definition, sent answers (sealed) with the choices they
//! ticked, and answers saved half-way.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{Definition, Marks, Received};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone)]
pub struct SurveyRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub engagement_id: Uuid,
    pub definition: Definition,
    pub opens_on: Option<Date>,
    pub closes_on: Option<Date>,
    pub resume_days: i64,
}

#[derive(sqlx::FromRow)]
struct RawSurvey {
    id: Uuid,
    organisation_id: Uuid,
    engagement_id: Uuid,
    definition: String,
    opens_on: Option<Date>,
    closes_on: Option<Date>,
    resume_days: i64,
}

impl RawSurvey {
    fn into_row(self) -> Result<SurveyRow, sqlx::Error> {
        let definition =
            serde_json::from_str(&self.definition).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        Ok(SurveyRow {
            id: self.id,
            organisation_id: self.organisation_id,
            engagement_id: self.engagement_id,
            definition,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            resume_days: self.resume_days,
        })
    }
}

const SURVEY_COLUMNS: &str =
    "id, organisation_id, engagement_id, definition, opens_on, closes_on, resume_days";

/// The settings of a survey as staff give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub opens_on: Option<Date>,
    pub closes_on: Option<Date>,
    pub resume_days: i64,
}

pub(in crate::surveys) async fn create(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
    engagement: Uuid,
    definition: &Definition,
    settings: &Settings,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(definition).expect("definitions serialise");
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO surveys (id, organisation_id, engagement_id, title, definition, opens_on, closes_on, \
         resume_days, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(id)
    .bind(organisation)
    .bind(engagement)
    .bind(definition.title.en.trim())
    .bind(json)
    .bind(settings.opens_on)
    .bind(settings.closes_on)
    .bind(settings.resume_days)
    .bind(now)
    .execute(c)
    .await.map(|_| ()))
}

pub(in crate::surveys) async fn save(
    ex: &mut Ex<'_>,
    id: Uuid,
    definition: &Definition,
    settings: &Settings,
) -> Result<(), sqlx::Error> {
    let json = serde_json::to_string(definition).expect("definitions serialise");
    on!(ex.re(), c => sqlx::query(
        "UPDATE surveys SET title = $2, definition = $3, opens_on = $4, closes_on = $5, resume_days = $6, \
         updated_at = $7 WHERE id = $1",
    )
    .bind(id)
    .bind(definition.title.en.trim())
    .bind(json)
    .bind(settings.opens_on)
    .bind(settings.closes_on)
    .bind(settings.resume_days)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))
}

pub(in crate::surveys) async fn find(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<Option<SurveyRow>, sqlx::Error> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = $1");
    let raw: Option<RawSurvey> = on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)?;
    raw.map(RawSurvey::into_row).transpose()
}

/// Locks the survey row for the rest of the transaction (PostgreSQL; SQLite's write lock is held
/// already) and reads it.
pub(in crate::surveys) async fn lock(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<Option<SurveyRow>, sqlx::Error> {
    let raw: Option<RawSurvey> = match ex.re() {
        Ex::Sqlite(c) => {
            let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = $1");
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_optional(c)
                .await?
        }
        Ex::Postgres(c) => {
            let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = $1 FOR UPDATE");
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
                .bind(id)
                .fetch_optional(c)
                .await?
        }
    };
    raw.map(RawSurvey::into_row).transpose()
}

pub(in crate::surveys) async fn of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<SurveyRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE engagement_id = $1 ORDER BY created_at, id"
    );
    let raws: Vec<RawSurvey> = on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(engagement).fetch_all(c).await)?;
    raws.into_iter().map(RawSurvey::into_row).collect()
}

/// Which questions the sent answers answered and which choices they ticked.
pub(in crate::surveys) async fn marks(ex: &mut Ex<'_>, survey: Uuid) -> Result<Marks, sqlx::Error> {
    let rows: Vec<(String, String)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT DISTINCT question, choice FROM survey_marks WHERE survey_id = $1",
    )
    .bind(survey)
    .fetch_all(c)
    .await)?;
    let mut marks = Marks::default();
    for (question, choice) in rows {
        if choice.is_empty() {
            marks.answered.insert(question);
        } else {
            marks.chosen.insert((question, choice));
        }
    }
    Ok(marks)
}

/// How many responses ticked each (question, choice); ('', '') is the number of responses.
pub(in crate::surveys) async fn counts(
    ex: &mut Ex<'_>,
    survey: Uuid,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    let mut rows: Vec<(String, String, i64)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT question, choice, COUNT(*) FROM survey_marks WHERE survey_id = $1 GROUP BY question, choice",
    )
    .bind(survey)
    .fetch_all(c)
    .await)?;
    let total: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1",
    )
    .bind(survey)
    .fetch_one(c)
    .await)?;
    rows.push((String::new(), String::new(), total));
    Ok(rows)
}

pub(in crate::surveys) async fn response_count(
    ex: &mut Ex<'_>,
    survey: Uuid,
) -> Result<i64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM survey_responses WHERE survey_id = $1",
    )
    .bind(survey)
    .fetch_one(c)
    .await)
}

/// A sent response being stored.
pub(in crate::surveys) struct NewResponse<'a> {
    pub id: Uuid,
    pub survey: Uuid,
    pub person: Option<Uuid>,
    pub language: &'a str,
    pub easy_read: bool,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<Received>,
    pub sealed: Vec<u8>,
    pub receipt_hash: Option<Vec<u8>>,
    /// (question, choice) for each answer ('' choice) and each choice ticked.
    pub marks: Vec<(String, String)>,
}

pub(in crate::surveys) async fn insert_response(
    ex: &mut Ex<'_>,
    r: NewResponse<'_>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO survey_responses (id, survey_id, person_id, language, easy_read, entered_by, received_by, \
         answers, receipt_hash, submitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(r.id)
    .bind(r.survey)
    .bind(r.person)
    .bind(r.language)
    .bind(r.easy_read)
    .bind(r.entered_by)
    .bind(r.received_by.map(|r| r.as_str()))
    .bind(r.sealed)
    .bind(r.receipt_hash)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))?;
    for (question, choice) in r.marks {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO survey_marks (response_id, survey_id, question, choice) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
        )
        .bind(r.id)
        .bind(r.survey)
        .bind(question)
        .bind(choice)
        .execute(c)
        .await.map(|_| ()))?;
    }
    Ok(())
}

pub(in crate::surveys) async fn set_reference(
    ex: &mut Ex<'_>,
    response: Uuid,
    contribution: Option<Uuid>,
    reference: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE survey_responses SET contribution_id = $2, reference = $3 WHERE id = $1",
    )
    .bind(response)
    .bind(contribution)
    .bind(reference)
    .execute(c)
    .await.map(|_| ()))
}

/// A sent response, its answers still sealed.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub id: Uuid,
    pub survey_id: Uuid,
    pub person_id: Option<Uuid>,
    pub language: String,
    pub easy_read: bool,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<String>,
    pub answers: Vec<u8>,
    pub reference: String,
    pub receipt_hash: Option<Vec<u8>>,
    pub submitted_at: OffsetDateTime,
}

const RESPONSE_COLUMNS: &str = "id, survey_id, person_id, language, easy_read, entered_by, received_by, \
     answers, reference, receipt_hash, submitted_at";

pub(in crate::surveys) async fn find_response(
    ex: &mut Ex<'_>,
    survey: Uuid,
    id: Uuid,
) -> Result<Option<ResponseRow>, sqlx::Error> {
    let sql =
        format!("SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE survey_id = $1 AND id = $2");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(survey).bind(id).fetch_optional(c).await)
}

/// Up to `limit` responses after `after` (by id), for reading a survey's answers in batches.
pub(in crate::surveys) async fn responses_after(
    ex: &mut Ex<'_>,
    survey: Uuid,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<ResponseRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {RESPONSE_COLUMNS} FROM survey_responses WHERE survey_id = $1 AND id > $2 \
         ORDER BY id LIMIT $3"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(survey)
        .bind(after.unwrap_or(Uuid::nil()))
        .bind(limit)
        .fetch_all(c)
        .await)
}

// Drafts.

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DraftRow {
    pub id: Uuid,
    pub survey_id: Uuid,
    pub person_id: Option<Uuid>,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<String>,
    pub language: String,
    pub easy_read: bool,
    pub answers: Vec<u8>,
    pub checking: bool,
    pub updated_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
}

const DRAFT_COLUMNS: &str = "id, survey_id, person_id, entered_by, received_by, language, easy_read, \
     answers, checking, updated_at, expires_at";

pub(in crate::surveys) struct NewDraft<'a> {
    pub id: Uuid,
    pub survey: Uuid,
    pub person: Option<Uuid>,
    pub browser_hash: Vec<u8>,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<Received>,
    pub language: &'a str,
    pub easy_read: bool,
    pub sealed: Vec<u8>,
    pub expires_at: OffsetDateTime,
}

pub(in crate::surveys) async fn insert_draft(
    ex: &mut Ex<'_>,
    d: NewDraft<'_>,
) -> Result<(), sqlx::Error> {
    // This browser starts again: any draft it had for the survey goes.
    on!(ex.re(), c => sqlx::query("DELETE FROM survey_drafts WHERE survey_id = $1 AND browser_hash = $2")
        .bind(d.survey)
        .bind(&d.browser_hash)
        .execute(c)
        .await.map(|_| ()))?;
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO survey_drafts (id, survey_id, person_id, browser_hash, entered_by, received_by, language, \
         easy_read, answers, checking, created_at, updated_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12)",
    )
    .bind(d.id)
    .bind(d.survey)
    .bind(d.person)
    .bind(d.browser_hash)
    .bind(d.entered_by)
    .bind(d.received_by.map(|r| r.as_str()))
    .bind(d.language)
    .bind(d.easy_read)
    .bind(d.sealed)
    .bind(false)
    .bind(now)
    .bind(d.expires_at)
    .execute(c)
    .await.map(|_| ()))
}

pub(in crate::surveys) async fn draft_by_browser(
    ex: &mut Ex<'_>,
    survey: Uuid,
    hash: &[u8],
) -> Result<Option<DraftRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM survey_drafts WHERE survey_id = $1 AND browser_hash = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(survey).bind(hash).fetch_optional(c).await)
}

/// A person's own draft of a survey (not one staff are entering for them).
pub(in crate::surveys) async fn draft_of_person(
    ex: &mut Ex<'_>,
    survey: Uuid,
    person: Uuid,
) -> Result<Option<DraftRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM survey_drafts WHERE survey_id = $1 AND person_id = $2 \
         AND entered_by IS NULL ORDER BY updated_at DESC LIMIT 1"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(survey).bind(person).fetch_optional(c).await)
}

/// Every draft of a person's own, newest first.
pub(in crate::surveys) async fn drafts_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<DraftRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM survey_drafts WHERE person_id = $1 AND entered_by IS NULL \
         ORDER BY updated_at DESC"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(person).fetch_all(c).await)
}

pub(in crate::surveys) async fn draft_by_code(
    ex: &mut Ex<'_>,
    survey: Uuid,
    hash: &[u8],
) -> Result<Option<DraftRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM survey_drafts WHERE survey_id = $1 AND code_hash = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(survey).bind(hash).fetch_optional(c).await)
}

pub(in crate::surveys) async fn draft_by_link(
    ex: &mut Ex<'_>,
    survey: Uuid,
    hash: &[u8],
) -> Result<Option<DraftRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {DRAFT_COLUMNS} FROM survey_drafts WHERE survey_id = $1 AND link_hash = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(survey).bind(hash).fetch_optional(c).await)
}

pub(in crate::surveys) async fn update_draft(
    ex: &mut Ex<'_>,
    id: Uuid,
    sealed: &[u8],
    checking: bool,
    expires_at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE survey_drafts SET answers = $2, checking = $3, updated_at = $4, expires_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(sealed)
    .bind(checking)
    .bind(crate::db::now())
    .bind(expires_at)
    .execute(c)
    .await.map(|_| ()))
}

/// Gives the draft a code and, optionally, a link to come back with.
pub(in crate::surveys) async fn set_resume(
    ex: &mut Ex<'_>,
    id: Uuid,
    code_hash: &[u8],
    link_hash: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE survey_drafts SET code_hash = $2, link_hash = $3 WHERE id = $1",
    )
    .bind(id)
    .bind(code_hash)
    .bind(link_hash)
    .execute(c)
    .await.map(|_| ()))
}

/// This browser now answers with the draft (after coming back with a code or link).
pub(in crate::surveys) async fn move_to_browser(
    ex: &mut Ex<'_>,
    draft: &DraftRow,
    hash: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM survey_drafts WHERE survey_id = $1 AND browser_hash = $2 AND id <> $3",
    )
    .bind(draft.survey_id)
    .bind(hash)
    .bind(draft.id)
    .execute(c)
    .await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("UPDATE survey_drafts SET browser_hash = $2 WHERE id = $1")
        .bind(draft.id)
        .bind(hash)
        .execute(c)
        .await.map(|_| ()))
}

pub(in crate::surveys) async fn delete_draft(ex: &mut Ex<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM survey_drafts WHERE id = $1")
        .bind(id)
        .execute(c)
        .await.map(|_| ()))
}

/// Erasure: a person's drafts go, and their sent answers are no longer linked to them.
pub(in crate::surveys) async fn forget_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<u64, sqlx::Error> {
    let drafts = on!(ex.re(), c => sqlx::query("DELETE FROM survey_drafts WHERE person_id = $1")
        .bind(person)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    let responses = on!(ex.re(), c => sqlx::query("DELETE FROM survey_responses WHERE person_id = $1")
        .bind(person)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(drafts + responses)
}
