//! Expense storage: each organisation's mileage rates, claims and their lines. Descriptions and
//! receipts arrive here already sealed.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{ClaimChannel, ExpenseKind, LineState};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RateRow {
    pub id: Uuid,
    pub per_mile_pence: i64,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
}

pub async fn rates_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<RateRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, per_mile_pence, effective_from, effective_to FROM payment_mileage_rates \
         WHERE organisation_id = $1 ORDER BY effective_from",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

pub async fn insert_rate(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
    per_mile: i64,
    from: Date,
    to: Option<Date>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_mileage_rates (id, organisation_id, per_mile_pence, effective_from, \
         effective_to, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(organisation)
    .bind(per_mile)
    .bind(from)
    .bind(to)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn end_rate(ex: &mut Ex<'_>, id: Uuid, to: Date) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE payment_mileage_rates SET effective_to = $2 WHERE id = $1")
        .bind(id)
        .bind(to)
        .execute(c)
        .await.map(|_| ()))
}

pub struct NewClaimRow {
    pub id: Uuid,
    pub organisation: Uuid,
    pub person: Uuid,
    pub engagement: Uuid,
    pub channel: ClaimChannel,
    pub entered_by: Option<Uuid>,
}

pub async fn insert_claim(
    ex: &mut Ex<'_>,
    claim: &NewClaimRow,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO expense_claims (id, organisation_id, person_id, engagement_id, channel, \
         entered_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(claim.id)
    .bind(claim.organisation)
    .bind(claim.person)
    .bind(claim.engagement)
    .bind(claim.channel)
    .bind(claim.entered_by)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

/// What a line holds, sealed where it must be.
pub struct LineValues<'a> {
    pub kind: ExpenseKind,
    pub incurred_on: Date,
    pub sealed_description: &'a [u8],
    pub amount_pence: i64,
    pub tenths_of_a_mile: Option<i32>,
    pub per_mile_pence: Option<i64>,
    /// The content type, size and sealed bytes of a new receipt; `None` keeps what is there.
    pub receipt: Option<(&'static str, i64, &'a [u8])>,
}

pub async fn insert_line(
    ex: &mut Ex<'_>,
    id: Uuid,
    claim: Uuid,
    line: &LineValues<'_>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let (receipt_type, receipt_size, sealed_receipt) = match line.receipt {
        Some((kind, size, sealed)) => (Some(kind), Some(size), Some(sealed)),
        None => (None, None, None),
    };
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO expense_lines (id, claim_id, kind, incurred_on, sealed_description, \
         amount_pence, tenths_of_a_mile, per_mile_pence, state, receipt_type, receipt_size, \
         sealed_receipt, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
    )
    .bind(id)
    .bind(claim)
    .bind(line.kind)
    .bind(line.incurred_on)
    .bind(line.sealed_description)
    .bind(line.amount_pence)
    .bind(line.tenths_of_a_mile)
    .bind(line.per_mile_pence)
    .bind(LineState::Claimed)
    .bind(receipt_type)
    .bind(receipt_size)
    .bind(sealed_receipt)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

/// A queried line corrected: its new values, claimed again. False unless it was queried.
pub async fn correct_line(
    ex: &mut Ex<'_>,
    id: Uuid,
    line: &LineValues<'_>,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET kind = $2, incurred_on = $3, sealed_description = $4, \
         amount_pence = $5, tenths_of_a_mile = $6, per_mile_pence = $7, state = $8, \
         updated_at = $9 WHERE id = $1 AND state = $10",
    )
    .bind(id)
    .bind(line.kind)
    .bind(line.incurred_on)
    .bind(line.sealed_description)
    .bind(line.amount_pence)
    .bind(line.tenths_of_a_mile)
    .bind(line.per_mile_pence)
    .bind(LineState::Claimed)
    .bind(at)
    .bind(LineState::Queried)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Ok(false);
    }
    if let Some((kind, size, sealed)) = line.receipt {
        on!(ex.re(), c => sqlx::query(
            "UPDATE expense_lines SET receipt_type = $2, receipt_size = $3, sealed_receipt = $4 \
             WHERE id = $1",
        )
        .bind(id)
        .bind(kind)
        .bind(size)
        .bind(sealed)
        .execute(c)
        .await.map(|_| ()))?;
    }
    Ok(true)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LineRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub person_id: Uuid,
    pub engagement_id: Uuid,
    pub channel: ClaimChannel,
    pub kind: ExpenseKind,
    pub incurred_on: Date,
    pub sealed_description: Option<Vec<u8>>,
    pub amount_pence: i64,
    pub tenths_of_a_mile: Option<i32>,
    pub per_mile_pence: Option<i64>,
    pub state: LineState,
    pub query_reason: String,
    pub paid_on: Option<Date>,
    pub receipt_type: Option<String>,
    pub receipt_size: Option<i64>,
}

const LINE_COLUMNS: &str = "l.id, c.organisation_id, c.person_id, c.engagement_id, \
    c.channel, l.kind, l.incurred_on, l.sealed_description, l.amount_pence, l.tenths_of_a_mile, \
    l.per_mile_pence, l.state, l.query_reason, l.paid_on, l.receipt_type, l.receipt_size";

pub async fn find_line(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<LineRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id \
         WHERE l.id = $1"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// A person's lines, newest first.
pub async fn lines_of_person(ex: &mut Ex<'_>, person: Uuid) -> Result<Vec<LineRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id \
         WHERE c.person_id = $1 ORDER BY l.incurred_on DESC, l.created_at DESC"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(person).fetch_all(c).await)
}

/// An organisation's lines in one state, oldest first.
pub async fn lines_in_state(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    state: LineState,
) -> Result<Vec<LineRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id \
         WHERE c.organisation_id = $1 AND l.state = $2 ORDER BY l.created_at, l.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(organisation)
        .bind(state)
        .fetch_all(c)
        .await)
}

/// An organisation's approved lines not yet in a payment run.
pub async fn approved_unpaid(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<LineRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {LINE_COLUMNS} FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id \
         WHERE c.organisation_id = $1 AND l.state = $2 AND l.run_id IS NULL \
         ORDER BY l.incurred_on, l.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(organisation)
        .bind(LineState::Approved)
        .fetch_all(c)
        .await)
}

/// Moves a line from `from` to `to`, recording who decided and why. False if it was not in `from`.
pub async fn decide(
    ex: &mut Ex<'_>,
    id: Uuid,
    from: LineState,
    to: LineState,
    reason: &str,
    by: Option<Uuid>,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET state = $3, query_reason = $4, decided_by = $5, decided_at = $6, \
         updated_at = $6 WHERE id = $1 AND state = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(reason)
    .bind(by)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The sealed receipt of a line and its content type.
pub async fn receipt_of(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let found: Option<(Option<String>, Option<Vec<u8>>)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT receipt_type, sealed_receipt FROM expense_lines WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)?;
    Ok(found.and_then(|(kind, sealed)| kind.zip(sealed)))
}

/// Puts one approved line not yet in a run into `run`. False if it was not such a line.
pub async fn put_in_run(ex: &mut Ex<'_>, id: Uuid, run: Uuid) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET run_id = $2 WHERE id = $1 AND state = $3 AND run_id IS NULL",
    )
    .bind(id)
    .bind(run)
    .bind(LineState::Approved)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn mark_run_paid(
    ex: &mut Ex<'_>,
    run: Uuid,
    on: Date,
    at: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET state = $2, paid_on = $3, updated_at = $4 \
         WHERE run_id = $1 AND state = $5",
    )
    .bind(run)
    .bind(LineState::Paid)
    .bind(on)
    .bind(at)
    .bind(LineState::Approved)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done)
}

/// Takes a line out of its run: approved again and unpaid, ready for another run.
pub async fn take_out_of_run(
    ex: &mut Ex<'_>,
    id: Uuid,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET run_id = NULL, paid_on = NULL, state = $2, updated_at = $3 \
         WHERE id = $1 AND run_id IS NOT NULL AND state IN ($2, $4)",
    )
    .bind(id)
    .bind(LineState::Approved)
    .bind(at)
    .bind(LineState::Paid)
    .execute(c)
    .await.map(|_| ()))
}

/// Approved or paid totals per engagement of the organisation, in pence.
pub async fn spent_by_engagement(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<(Uuid, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT c.engagement_id, CAST(SUM(l.amount_pence) AS BIGINT) FROM expense_lines l \
         JOIN expense_claims c ON c.id = l.claim_id \
         WHERE c.organisation_id = $1 AND l.state IN ($2, $3) \
         GROUP BY c.engagement_id ORDER BY c.engagement_id",
    )
    .bind(organisation)
    .bind(LineState::Approved)
    .bind(LineState::Paid)
    .fetch_all(c)
    .await)
}

/// Removes a person's receipts, descriptions and the reasons given to them; amounts, dates and
/// states stay, as payment records are kept for the legal period.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE expense_lines SET sealed_description = NULL, sealed_receipt = NULL, \
         receipt_type = NULL, receipt_size = NULL, query_reason = '' \
         WHERE claim_id IN (SELECT id FROM expense_claims WHERE person_id = $1)",
    )
    .bind(person)
    .execute(c)
    .await.map(|_| ()))
}

/// A line's id, sealed description and sealed receipt.
type SealedRow = (Uuid, Option<Vec<u8>>, Option<Vec<u8>>);

/// Every sealed value: (column, line id, sealed bytes).
pub async fn all_sealed(
    ex: &mut Ex<'_>,
) -> Result<Vec<(&'static str, Uuid, Vec<u8>)>, sqlx::Error> {
    let rows: Vec<SealedRow> = on!(ex.re(), c => sqlx::query_as(
        "SELECT id, sealed_description, sealed_receipt FROM expense_lines \
         WHERE sealed_description IS NOT NULL OR sealed_receipt IS NOT NULL",
    )
    .fetch_all(c)
    .await)?;
    let mut out = Vec::new();
    for (id, description, receipt) in rows {
        if let Some(sealed) = description {
            out.push(("sealed_description", id, sealed));
        }
        if let Some(sealed) = receipt {
            out.push(("sealed_receipt", id, sealed));
        }
    }
    Ok(out)
}

pub async fn replace_sealed(
    ex: &mut Ex<'_>,
    column: &str,
    id: Uuid,
    sealed: &[u8],
) -> Result<(), sqlx::Error> {
    let sql = if column == "sealed_description" {
        "UPDATE expense_lines SET sealed_description = $2 WHERE id = $1"
    } else {
        "UPDATE expense_lines SET sealed_receipt = $2 WHERE id = $1"
    };
    on!(ex.re(), c => sqlx::query(sql).bind(id).bind(sealed).execute(c).await.map(|_| ()))
}

/// A line approved or paid: (id, person, engagement, kind, day, pence, state, run, paid on).
pub type SpentRow = (
    Uuid,
    Uuid,
    Uuid,
    ExpenseKind,
    Date,
    i64,
    LineState,
    Option<Uuid>,
    Option<Date>,
);

/// An organisation's lines approved or paid, oldest day first.
pub async fn spent_lines(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<SpentRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT l.id, c.person_id, c.engagement_id, l.kind, l.incurred_on, l.amount_pence, l.state, \
         l.run_id, l.paid_on FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id \
         WHERE c.organisation_id = $1 AND l.state IN ($2, $3) ORDER BY l.incurred_on, l.id",
    )
    .bind(organisation)
    .bind(LineState::Approved)
    .bind(LineState::Paid)
    .fetch_all(c)
    .await)
}
