//! Payment storage: payments for time (one per involvement), approval batches, payment runs with
//! their sealed files, and each person's sealed bank details and declared limit.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{BatchStatus, ChoiceKind, PaymentStatus};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaymentRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub engagement_id: Option<Uuid>,
    pub person_id: Uuid,
    pub involvement: String,
    pub description: String,
    pub rate_name: String,
    pub earned_on: Date,
    pub offered_pence: i64,
    pub choice: ChoiceKind,
    pub less_pence: Option<i64>,
    pub charity_name: String,
    pub status: PaymentStatus,
    pub override_reason: String,
    pub batch_id: Option<Uuid>,
    pub run_id: Option<Uuid>,
    pub paid_on: Option<Date>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

const COLUMNS: &str = "id, organisation_id, engagement_id, person_id, involvement, description, \
    rate_name, earned_on, offered_pence, choice, less_pence, charity_name, status, override_reason, \
    batch_id, run_id, paid_on, created_at, updated_at";

pub struct NewPayment<'a> {
    pub id: Uuid,
    pub organisation: Uuid,
    pub engagement: Option<Uuid>,
    pub person: Uuid,
    pub involvement: &'a str,
    pub description: &'a str,
    pub rate_name: &'a str,
    pub earned_on: Date,
    pub offered_pence: i64,
    pub choice: ChoiceKind,
    pub less_pence: Option<i64>,
    pub charity_name: &'a str,
    pub recorded_by: Option<Uuid>,
    pub at: OffsetDateTime,
}

/// Adds a payment unless one exists for the same involvement; true if added.
pub async fn insert(ex: &mut Ex<'_>, new: &NewPayment<'_>) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payments (id, organisation_id, engagement_id, person_id, involvement, description, \
         rate_name, earned_on, offered_pence, choice, less_pence, charity_name, status, recorded_by, \
         created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'due', $13, $14, $14) \
         ON CONFLICT (involvement) DO NOTHING",
    )
    .bind(new.id)
    .bind(new.organisation)
    .bind(new.engagement)
    .bind(new.person)
    .bind(new.involvement)
    .bind(new.description)
    .bind(new.rate_name)
    .bind(new.earned_on)
    .bind(new.offered_pence)
    .bind(new.choice)
    .bind(new.less_pence)
    .bind(new.charity_name)
    .bind(new.recorded_by)
    .bind(new.at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<PaymentRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM payments WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

/// An organisation's payments with one of `statuses`, oldest first.
pub async fn of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    statuses: &[PaymentStatus],
) -> Result<Vec<PaymentRow>, sqlx::Error> {
    let list = statuses
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE organisation_id = $1 AND status IN ({list}) \
         ORDER BY earned_on, created_at"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation).fetch_all(c).await)
}

/// A person's payments from every organisation, newest first.
pub async fn of_person(ex: &mut Ex<'_>, person: Uuid) -> Result<Vec<PaymentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE person_id = $1 ORDER BY earned_on DESC, created_at DESC"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(person).fetch_all(c).await)
}

/// The payments in a batch or a run.
pub async fn in_batch(ex: &mut Ex<'_>, batch: Uuid) -> Result<Vec<PaymentRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM payments WHERE batch_id = $1 ORDER BY earned_on");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(batch).fetch_all(c).await)
}

pub async fn in_run(ex: &mut Ex<'_>, run: Uuid) -> Result<Vec<PaymentRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM payments WHERE run_id = $1 ORDER BY earned_on");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(run).fetch_all(c).await)
}

/// A person's payments from one organisation that count as earned, involvement on or after `from`
/// and before `to`.
pub async fn earned_between(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
    from: Date,
    to: Date,
) -> Result<Vec<PaymentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM payments WHERE person_id = $1 AND organisation_id = $2 \
         AND earned_on >= $3 AND earned_on < $4 \
         AND status IN ('awaiting_second', 'approved', 'in_run', 'paid')"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(person).bind(organisation).bind(from).bind(to).fetch_all(c).await)
}

/// Changes the choice while the payment is still due; false if it is no longer due.
pub async fn set_choice(
    ex: &mut Ex<'_>,
    id: Uuid,
    choice: ChoiceKind,
    less: Option<i64>,
    charity: &str,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET choice = $2, less_pence = $3, charity_name = $4, updated_at = $5 \
         WHERE id = $1 AND status = 'due'",
    )
    .bind(id)
    .bind(choice)
    .bind(less)
    .bind(charity)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// Moves one due payment into a batch; false if it was no longer due.
pub async fn approve_into_batch(
    ex: &mut Ex<'_>,
    id: Uuid,
    batch: Uuid,
    status: PaymentStatus,
    override_reason: &str,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = $3, batch_id = $2, override_reason = $4, updated_at = $5 \
         WHERE id = $1 AND status = 'due'",
    )
    .bind(id)
    .bind(batch)
    .bind(status)
    .bind(override_reason)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

pub async fn release_batch(
    ex: &mut Ex<'_>,
    batch: Uuid,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = 'approved', updated_at = $2 WHERE batch_id = $1 AND status = 'awaiting_second'",
    )
    .bind(batch)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

// --- Batches --------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BatchRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub total_pence: i64,
    pub first_approver: Uuid,
    pub first_approved_at: OffsetDateTime,
    pub status: BatchStatus,
}

const BATCH_COLUMNS: &str =
    "id, organisation_id, total_pence, first_approver, first_approved_at, status";

pub async fn find_batch(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<BatchRow>, sqlx::Error> {
    let sql = format!("SELECT {BATCH_COLUMNS} FROM payment_batches WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

pub async fn batches_awaiting(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<BatchRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {BATCH_COLUMNS} FROM payment_batches WHERE organisation_id = $1 \
         AND status = 'awaiting_second' ORDER BY first_approved_at"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation).fetch_all(c).await)
}

/// Records a batch; false if a batch with this id exists already (the same form sent twice).
pub async fn insert_batch(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
    total: i64,
    approver: Uuid,
    status: BatchStatus,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_batches (id, organisation_id, total_pence, first_approver, first_approved_at, status) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(organisation)
    .bind(total)
    .bind(approver)
    .bind(at)
    .bind(status)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// The second approval; false if the batch was not waiting for one.
pub async fn second_approval(
    ex: &mut Ex<'_>,
    id: Uuid,
    approver: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payment_batches SET status = 'approved', second_approver = $2, second_approved_at = $3 \
         WHERE id = $1 AND status = 'awaiting_second' AND first_approver <> $2",
    )
    .bind(id)
    .bind(approver)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

// --- Runs -----------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RunRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub number: i32,
    pub processing_date: Date,
    pub total_pence: i64,
    pub sealed_bacs: Option<Vec<u8>>,
    pub sealed_bank_csv: Option<Vec<u8>>,
    pub paid_on: Option<Date>,
}

const RUN_COLUMNS: &str = "id, organisation_id, number, processing_date, total_pence, sealed_bacs, \
    sealed_bank_csv, paid_on";

pub async fn runs_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<RunRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM payment_runs WHERE organisation_id = $1 ORDER BY number DESC"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation).fetch_all(c).await)
}

pub async fn find_run(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<RunRow>, sqlx::Error> {
    let sql = format!("SELECT {RUN_COLUMNS} FROM payment_runs WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

pub struct NewRun {
    pub id: Uuid,
    pub organisation: Uuid,
    pub processing_date: Date,
    pub total_pence: i64,
    pub sealed_bacs: Option<Vec<u8>>,
    pub sealed_bank_csv: Option<Vec<u8>>,
    pub created_by: Uuid,
    pub at: OffsetDateTime,
}

pub async fn insert_run(ex: &mut Ex<'_>, new: &NewRun) -> Result<i32, sqlx::Error> {
    let number: i32 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(number), 0) + 1 AS INTEGER) FROM payment_runs WHERE organisation_id = $1",
    )
    .bind(new.organisation)
    .fetch_one(c)
    .await)?;
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_runs (id, organisation_id, number, processing_date, total_pence, sealed_bacs, \
         sealed_bank_csv, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new.id)
    .bind(new.organisation)
    .bind(number)
    .bind(new.processing_date)
    .bind(new.total_pence)
    .bind(new.sealed_bacs.as_deref())
    .bind(new.sealed_bank_csv.as_deref())
    .bind(new.created_by)
    .bind(new.at)
    .execute(c)
    .await.map(|_| ()))?;
    Ok(number)
}

/// Puts an approved payment into a run; false if it was not approved (or already in one).
pub async fn put_in_run(
    ex: &mut Ex<'_>,
    id: Uuid,
    run: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = 'in_run', run_id = $2, updated_at = $3 WHERE id = $1 AND status = 'approved'",
    )
    .bind(id)
    .bind(run)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// Records the run as paid, and every payment still in it; false if it was paid already.
pub async fn mark_run_paid(
    ex: &mut Ex<'_>,
    run: Uuid,
    on_day: Date,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE payment_runs SET paid_on = $2 WHERE id = $1 AND paid_on IS NULL",
    )
    .bind(run)
    .bind(on_day)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    if done == 0 {
        return Ok(false);
    }
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = 'paid', paid_on = $2, updated_at = $3 WHERE run_id = $1 AND status = 'in_run'",
    )
    .bind(run)
    .bind(on_day)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))?;
    Ok(true)
}

/// A payment the bank returned; false unless it was paid or in a run.
pub async fn mark_failed(
    ex: &mut Ex<'_>,
    id: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = 'failed', paid_on = NULL, updated_at = $2 \
         WHERE id = $1 AND status IN ('in_run', 'paid')",
    )
    .bind(id)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// A failed payment back to approved, for the next run; false unless it had failed.
pub async fn reissue(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET status = 'approved', run_id = NULL, updated_at = $2 WHERE id = $1 AND status = 'failed'",
    )
    .bind(id)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

// --- Profiles -------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ProfileRow {
    pub sealed_bank_details: Option<Vec<u8>>,
    pub sealed_declared_limit: Option<Vec<u8>>,
}

pub async fn profile(ex: &mut Ex<'_>, person: Uuid) -> Result<ProfileRow, sqlx::Error> {
    let row: Option<ProfileRow> = on!(ex.re(), c => sqlx::query_as(
        "SELECT sealed_bank_details, sealed_declared_limit FROM payment_profiles WHERE person_id = $1",
    )
    .bind(person)
    .fetch_optional(c)
    .await)?;
    Ok(row.unwrap_or_default())
}

async fn ensure_profile(
    ex: &mut Ex<'_>,
    person: Uuid,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_profiles (person_id, updated_at) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING",
    )
    .bind(person)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn set_bank_details(
    ex: &mut Ex<'_>,
    person: Uuid,
    sealed: Option<&[u8]>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    ensure_profile(ex, person, at).await?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE payment_profiles SET sealed_bank_details = $2, updated_at = $3 WHERE person_id = $1",
    )
    .bind(person)
    .bind(sealed)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn set_declared_limit(
    ex: &mut Ex<'_>,
    person: Uuid,
    sealed: Option<&[u8]>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    ensure_profile(ex, person, at).await?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE payment_profiles SET sealed_declared_limit = $2, updated_at = $3 WHERE person_id = $1",
    )
    .bind(person)
    .bind(sealed)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

/// A row's id with two sealed values, either of which may be absent.
pub type SealedPair = (Uuid, Option<Vec<u8>>, Option<Vec<u8>>);

/// Every profile, for key rotation.
pub async fn all_profiles(ex: &mut Ex<'_>) -> Result<Vec<(Uuid, ProfileRow)>, sqlx::Error> {
    let rows: Vec<SealedPair> = on!(ex.re(), c => sqlx::query_as(
        "SELECT person_id, sealed_bank_details, sealed_declared_limit FROM payment_profiles",
    )
    .fetch_all(c)
    .await)?;
    Ok(rows
        .into_iter()
        .map(|(id, bank, limit)| {
            (
                id,
                ProfileRow {
                    sealed_bank_details: bank,
                    sealed_declared_limit: limit,
                },
            )
        })
        .collect())
}

/// Every run's sealed files, for key rotation.
pub async fn all_run_files(ex: &mut Ex<'_>) -> Result<Vec<SealedPair>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, sealed_bacs, sealed_bank_csv FROM payment_runs",
    )
    .fetch_all(c)
    .await)
}

pub async fn set_run_files(
    ex: &mut Ex<'_>,
    run: Uuid,
    bacs: Option<&[u8]>,
    csv: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE payment_runs SET sealed_bacs = $2, sealed_bank_csv = $3 WHERE id = $1",
    )
    .bind(run)
    .bind(bacs)
    .bind(csv)
    .execute(c)
    .await.map(|_| ()))
}

// --- Erasure and retention ------------------------------------------------------------------------

/// Erasure: bank details and declared limit go; the payment records stay for the legal period.
pub async fn forget_profile(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM payment_profiles WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE payments SET charity_name = CASE WHEN choice = 'charity' THEN '-' ELSE '' END, \
         override_reason = CASE WHEN override_reason = '' THEN '' ELSE '-' END WHERE person_id = $1",
    )
    .bind(person)
    .execute(c)
    .await.map(|_| ()))
}

/// Payments of erased people whose involvement was before `cutoff`, per organisation rule applied
/// by the caller: deletes them and returns how many went.
pub async fn delete_erased_before(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    cutoff: Date,
) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM payments WHERE organisation_id = $1 AND earned_on < $2 \
         AND status IN ('paid', 'due', 'failed') \
         AND person_id IN (SELECT id FROM people WHERE erased_at IS NOT NULL)",
    )
    .bind(organisation)
    .bind(cutoff)
    .execute(c)
    .await.map(|r| r.rows_affected()))
}

/// Organisations that have payments, for the retention sweep.
pub async fn paying_organisations(ex: &mut Ex<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar("SELECT DISTINCT organisation_id FROM payments")
        .fetch_all(c).await)
}

/// Removes the payment for an involvement while it is still due; its id if there was one.
pub async fn withdraw_due(ex: &mut Ex<'_>, involvement: &str) -> Result<Option<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "DELETE FROM payments WHERE involvement = $1 AND status = 'due' RETURNING id",
    )
    .bind(involvement)
    .fetch_optional(c)
    .await)
}
