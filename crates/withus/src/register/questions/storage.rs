//! The monitoring questions and options tables.

use uuid::Uuid;

use super::{DataCategory, Question, QuestionOption};
use crate::db::Ex;
use crate::on;

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: Uuid,
    code: String,
    category: String,
    text_en: String,
    text_cy: String,
    hint_en: String,
    hint_cy: String,
    multiple: bool,
    position: i64,
    active: bool,
}

/// The category stored for a question code by any organisation that defines it, as written.
pub async fn stored_category(ex: &mut Ex<'_>, code: &str) -> Result<Option<String>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar("SELECT category FROM monitoring_questions WHERE code = $1 LIMIT 1")
        .bind(code)
        .fetch_optional(c)
        .await)
}

/// How many questions the organisation has.
pub(super) async fn count_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<i64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM monitoring_questions WHERE organisation_id = $1")
        .bind(organisation)
        .fetch_one(c)
        .await)
}

/// A question to add to an organisation's list; texts and hints are (English, Welsh).
pub struct NewQuestion<'a> {
    pub code: &'a str,
    pub category: DataCategory,
    pub text: (&'a str, &'a str),
    pub hint: (&'a str, &'a str),
    pub multiple: bool,
    pub position: i64,
}

pub async fn insert_question(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    question: &NewQuestion<'_>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO monitoring_questions (id, organisation_id, code, category, text_en, text_cy, hint_en, hint_cy, multiple, position, active, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(question.code)
    .bind(question.category.as_str())
    .bind(question.text.0)
    .bind(question.text.1)
    .bind(question.hint.0)
    .bind(question.hint.1)
    .bind(question.multiple)
    .bind(question.position)
    .bind(true)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn add_option(
    ex: &mut Ex<'_>,
    question: Uuid,
    code: &str,
    label_en: &str,
    label_cy: &str,
    position: i64,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO monitoring_options (question_id, code, label_en, label_cy, position) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (question_id, code) DO UPDATE SET label_en = excluded.label_en, label_cy = excluded.label_cy",
    )
    .bind(question)
    .bind(code)
    .bind(label_en)
    .bind(label_cy)
    .bind(position)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The organisation's questions in order, with their options. Inactive ones only if asked for.
pub async fn list(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    include_inactive: bool,
) -> Result<Vec<Question>, sqlx::Error> {
    let rows: Vec<QuestionRow> = on!(ex.re(), c => sqlx::query_as(
        "SELECT id, code, category, text_en, text_cy, hint_en, hint_cy, multiple, CAST(position AS BIGINT) AS position, active \
         FROM monitoring_questions WHERE organisation_id = $1 ORDER BY position, code",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)?;
    let options: Vec<QuestionOption> = on!(ex.re(), c => sqlx::query_as(
        "SELECT o.question_id, o.code, o.label_en, o.label_cy, CAST(o.position AS BIGINT) AS position, o.hidden FROM monitoring_options o \
         JOIN monitoring_questions q ON q.id = o.question_id WHERE q.organisation_id = $1 ORDER BY o.position, o.code",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .filter(|r| include_inactive || r.active)
        .map(|r| {
            Ok(Question {
                options: options
                    .iter()
                    .filter(|o| o.question_id == r.id && !o.hidden)
                    .cloned()
                    .collect(),
                hidden_options: options
                    .iter()
                    .filter(|o| o.question_id == r.id && o.hidden)
                    .cloned()
                    .collect(),
                id: r.id,
                code: r.code,
                category: DataCategory::parse(&r.category).ok_or_else(|| {
                    sqlx::Error::Decode(format!("unknown data category {:?}", r.category).into())
                })?,
                text_en: r.text_en,
                text_cy: r.text_cy,
                hint_en: r.hint_en,
                hint_cy: r.hint_cy,
                multiple: r.multiple,
                position: r.position,
                active: r.active,
            })
        })
        .collect()
}
