//! Storage for the question asked after an event: who was asked and how, their answer, and the
//! counts that feed an event's and an engagement's reports.

use time::OffsetDateTime;
use uuid::Uuid;

use super::Answer;
use crate::db::Ex;
use crate::on;
use crate::register::domain::Channel;

/// One attendee's row, with the name and contact details staff need to ask them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FeedbackRow {
    pub event_id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub phone: Option<String>,
    pub asked_at: OffsetDateTime,
    pub asked_by_email: bool,
    pub answer: Option<String>,
    /// Sealed [`super::Details`].
    pub details: Option<Vec<u8>>,
    pub may_contact: Option<bool>,
    pub given_via: Option<String>,
    pub answered_at: Option<OffsetDateTime>,
}

impl FeedbackRow {
    pub fn answer(&self) -> Option<Answer> {
        self.answer.as_deref().and_then(Answer::parse)
    }

    pub fn given_via(&self) -> Option<Channel> {
        self.given_via.as_deref().and_then(Channel::parse)
    }
}

const SELECT: &str = "SELECT f.event_id, f.person_id, p.display_name, p.phone, f.asked_at, f.asked_by_email, \
     f.answer, f.details, f.may_contact, f.given_via, f.answered_at \
     FROM event_feedback f JOIN people p ON p.id = f.person_id";

/// Records that `person` was asked about `event`; false if they had been asked already.
pub async fn mark_asked(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    by_email: bool,
) -> Result<bool, sqlx::Error> {
    let added = on!(ex.re(), c => sqlx::query(
        "INSERT INTO event_feedback (event_id, person_id, asked_at, asked_by_email, updated_at) \
         VALUES ($1, $2, $3, $4, $3) ON CONFLICT (event_id, person_id) DO NOTHING",
    )
    .bind(event)
    .bind(person)
    .bind(crate::db::now())
    .bind(by_email)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(added > 0)
}

pub async fn find(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
) -> Result<Option<FeedbackRow>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE f.event_id = $1 AND f.person_id = $2");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).bind(person).fetch_optional(c).await)
}

/// Everyone asked about `event`, by name.
pub async fn of_event(ex: &mut Ex<'_>, event: Uuid) -> Result<Vec<FeedbackRow>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE f.event_id = $1 ORDER BY p.display_name, f.person_id");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).fetch_all(c).await)
}

/// One answer, its details already sealed by the caller.
pub struct Given<'a> {
    pub answer: Answer,
    pub details: Option<&'a [u8]>,
    pub may_contact: Option<bool>,
    pub via: Channel,
    pub recorded_by: Option<Uuid>,
}

/// Saves (or replaces) `person`'s answer about `event`. Someone never asked (staff recording an
/// answer given in person) counts as asked now.
pub async fn save_answer(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    given: &Given<'_>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO event_feedback (event_id, person_id, asked_at, asked_by_email, answer, details, may_contact, \
         given_via, recorded_by, answered_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $3, $3) \
         ON CONFLICT (event_id, person_id) DO UPDATE SET answer = excluded.answer, details = excluded.details, \
         may_contact = excluded.may_contact, given_via = excluded.given_via, recorded_by = excluded.recorded_by, \
         answered_at = excluded.answered_at, updated_at = excluded.updated_at",
    )
    .bind(event)
    .bind(person)
    .bind(crate::db::now())
    .bind(false)
    .bind(given.answer.as_str())
    .bind(given.details)
    .bind(given.may_contact)
    .bind(given.via.as_str())
    .bind(given.recorded_by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// How many were asked and how they answered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct Tally {
    pub asked: i64,
    pub answered: i64,
    pub yes: i64,
    pub partly: i64,
    pub no: i64,
}

impl Tally {
    /// The share of answers that were Yes, as a whole percentage; `None` before anyone answered.
    pub fn needs_met_percent(&self) -> Option<i64> {
        (self.answered > 0).then(|| (self.yes * 100 + self.answered / 2) / self.answered)
    }
}

const TALLY: &str = "SELECT COUNT(*) AS asked, COUNT(f.answer) AS answered, \
     COALESCE(SUM(CASE WHEN f.answer = 'yes' THEN 1 ELSE 0 END), 0) AS yes, \
     COALESCE(SUM(CASE WHEN f.answer = 'partly' THEN 1 ELSE 0 END), 0) AS partly, \
     COALESCE(SUM(CASE WHEN f.answer = 'no' THEN 1 ELSE 0 END), 0) AS no \
     FROM event_feedback f";

pub async fn tally_of_event(ex: &mut Ex<'_>, event: Uuid) -> Result<Tally, sqlx::Error> {
    let sql = format!("{TALLY} WHERE f.event_id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).fetch_one(c).await)
}

/// Every event of an engagement together: the "Needs met" figure reports use.
pub async fn tally_of_engagement(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Tally, sqlx::Error> {
    let sql = format!("{TALLY} JOIN events e ON e.id = f.event_id WHERE e.engagement_id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(engagement).fetch_one(c).await)
}

/// Every sealed answer: (event, person, sealed details), for re-sealing under a new key.
pub async fn all_sealed(ex: &mut Ex<'_>) -> Result<Vec<(Uuid, Uuid, Vec<u8>)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT event_id, person_id, details FROM event_feedback WHERE details IS NOT NULL",
    )
    .fetch_all(c)
    .await)
}

pub async fn replace_sealed(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    details: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE event_feedback SET details = $3 WHERE event_id = $1 AND person_id = $2",
    )
    .bind(event)
    .bind(person)
    .bind(details)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
