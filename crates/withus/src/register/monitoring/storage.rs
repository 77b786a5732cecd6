//! Storage of monitoring: counts of people by blind-index token for the diversity page,
//! population benchmarks, and changes to an organisation's monitoring questions.

use std::collections::HashMap;

use uuid::Uuid;

use super::benchmarks::Benchmark;
use crate::db::Ex;
use crate::on;
use crate::register::domain::MembershipStatus;

// --- Counting ------------------------------------------------------------------------------------

/// Whose answers are counted: active members of one panel of the organisation, or of all of them.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub organisation: Uuid,
    pub panel: Option<Uuid>,
}

impl Scope {
    fn filter(&self) -> &'static str {
        if self.panel.is_some() {
            "JOIN panels p ON p.id = m.panel_id WHERE p.organisation_id = $1 AND m.status = $2 AND m.panel_id = $3"
        } else {
            "JOIN panels p ON p.id = m.panel_id WHERE p.organisation_id = $1 AND m.status = $2"
        }
    }

    fn first_free_parameter(&self) -> usize {
        if self.panel.is_some() { 4 } else { 3 }
    }
}

/// Binds the scope's parameters, then any tokens, to a query.
macro_rules! bind_scope {
    ($query:expr, $scope:expr, $tokens:expr) => {{
        let mut query = $query
            .bind($scope.organisation)
            .bind(MembershipStatus::Active.as_str());
        if let Some(panel) = $scope.panel {
            query = query.bind(panel);
        }
        for token in $tokens {
            query = query.bind(token.as_slice());
        }
        query
    }};
}

pub async fn active_members(ex: &mut Ex<'_>, scope: Scope) -> Result<i64, sqlx::Error> {
    let sql = format!(
        "SELECT COUNT(DISTINCT m.person_id) FROM panel_memberships m {}",
        scope.filter()
    );
    let none: &[Vec<u8>] = &[];
    on!(ex.re(), c => bind_scope!(sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone())), scope, none).fetch_one(c).await)
}

/// How many people in scope hold each token.
pub async fn people_by_token(
    ex: &mut Ex<'_>,
    scope: Scope,
) -> Result<HashMap<Vec<u8>, i64>, sqlx::Error> {
    let sql = format!(
        "SELECT t.token, COUNT(DISTINCT t.person_id) FROM monitoring_tokens t \
         JOIN panel_memberships m ON m.person_id = t.person_id {} GROUP BY t.token",
        scope.filter()
    );
    let none: &[Vec<u8>] = &[];
    let rows: Vec<(Vec<u8>, i64)> = on!(ex.re(), c => bind_scope!(sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())), scope, none).fetch_all(c).await)?;
    Ok(rows.into_iter().collect())
}

/// How many people in scope hold at least one of the tokens.
pub async fn people_with_any(
    ex: &mut Ex<'_>,
    scope: Scope,
    tokens: &[Vec<u8>],
) -> Result<i64, sqlx::Error> {
    if tokens.is_empty() {
        return Ok(0);
    }
    let first = scope.first_free_parameter();
    let placeholders: Vec<String> = (first..first + tokens.len())
        .map(|n| format!("${n}"))
        .collect();
    let sql = format!(
        "SELECT COUNT(DISTINCT t.person_id) FROM monitoring_tokens t \
         JOIN panel_memberships m ON m.person_id = t.person_id {} AND t.token IN ({})",
        scope.filter(),
        placeholders.join(", ")
    );
    on!(ex.re(), c => bind_scope!(sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone())), scope, tokens).fetch_one(c).await)
}

// --- Benchmarks ----------------------------------------------------------------------------------

pub async fn list(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<Benchmark>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT question_code, option_code, CAST(share_basis_points AS BIGINT) AS share_basis_points, source \
         FROM population_benchmarks WHERE organisation_id = $1",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

pub async fn set(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    question: &str,
    option: &str,
    basis_points: i64,
    source: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO population_benchmarks (organisation_id, question_code, option_code, share_basis_points, source) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation_id, question_code, option_code) \
         DO UPDATE SET share_basis_points = excluded.share_basis_points, source = excluded.source",
    )
    .bind(organisation)
    .bind(question)
    .bind(option)
    .bind(basis_points)
    .bind(source)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn clear(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    question: &str,
    option: &str,
) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM population_benchmarks WHERE organisation_id = $1 AND question_code = $2 AND option_code = $3",
    )
    .bind(organisation)
    .bind(question)
    .bind(option)
    .execute(c)
    .await.map(|r| r.rows_affected()))
}

// --- Questions -----------------------------------------------------------------------------------

pub async fn update_question(
    ex: &mut Ex<'_>,
    id: Uuid,
    text: (&str, &str),
    hint: (&str, &str),
    active: bool,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE monitoring_questions SET text_en = $2, text_cy = $3, hint_en = $4, hint_cy = $5, active = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(text.0)
    .bind(text.1)
    .bind(hint.0)
    .bind(hint.1)
    .bind(active)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn set_option_hidden(
    ex: &mut Ex<'_>,
    question: Uuid,
    code: &str,
    hidden: bool,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE monitoring_options SET hidden = $3 WHERE question_id = $1 AND code = $2")
        .bind(question)
        .bind(code)
        .bind(hidden)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}
