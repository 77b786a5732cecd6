//! Storage for working groups: the selection, each computation of fair chances, the draw and the
//! invitations. Writes that may happen only once (the draw, the invitations) say so in their SQL, so
//! two requests at once cannot both succeed.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;
use crate::i18n::Locale;
use crate::ids::known;
use crate::on;
use crate::register::domain::ContactMethod;

// --- Selections ----------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SelectionRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub panel_id: Uuid,
    pub panel_name: String,
    pub name: String,
    pub panel_size: i64,
    pub rotation: bool,
    pub rotation_months: i64,
    /// JSON of [`super::quotas::Quotas`]; empty until set.
    pub quotas: String,
    pub created_at: OffsetDateTime,
    pub drawn_run_id: Option<Uuid>,
    pub seed: Option<String>,
    pub draw_record: Option<String>,
    pub drawn_at: Option<OffsetDateTime>,
    pub invited_at: Option<OffsetDateTime>,
}

const SELECTION_COLUMNS: &str = "s.id, s.organisation_id, s.panel_id, p.name AS panel_name, s.name, s.panel_size, s.rotation, \
     s.rotation_months, s.quotas, s.created_at, s.drawn_run_id, s.seed, s.draw_record, s.drawn_at, s.invited_at";

pub struct NewSelection<'a> {
    pub organisation: Uuid,
    pub panel: Uuid,
    pub name: &'a str,
    pub panel_size: i64,
    pub rotation: bool,
    pub rotation_months: i64,
    pub created_by: Option<Uuid>,
}

pub async fn create(ex: &mut Ex<'_>, new: NewSelection<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO selections (id, organisation_id, panel_id, name, panel_size, rotation, rotation_months, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(id)
    .bind(new.organisation)
    .bind(new.panel)
    .bind(new.name)
    .bind(new.panel_size)
    .bind(new.rotation)
    .bind(new.rotation_months)
    .bind(new.created_by)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

/// A selection of this organisation; any other is not found.
pub async fn find(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
) -> Result<Option<SelectionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {SELECTION_COLUMNS} FROM selections s JOIN panels p ON p.id = s.panel_id \
         WHERE s.id = $1 AND s.organisation_id = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(organisation).fetch_optional(c).await)
}

pub async fn list(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<SelectionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {SELECTION_COLUMNS} FROM selections s JOIN panels p ON p.id = s.panel_id \
         WHERE s.organisation_id = $1 ORDER BY s.created_at DESC, s.id DESC"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_all(c).await)
}

/// Saves the quotas; refused (false) once the draw has happened.
pub(in crate::selection) async fn set_quotas(
    ex: &mut Ex<'_>,
    id: Uuid,
    quotas: &str,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE selections SET quotas = $2, updated_at = $3 WHERE id = $1 AND drawn_at IS NULL",
    )
    .bind(id)
    .bind(quotas)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub struct Draw<'a> {
    pub selection: Uuid,
    pub run: Uuid,
    pub seed: &'a str,
    pub record: &'a str,
    pub by: Option<Uuid>,
}

/// Records the draw; false if there already was one.
pub async fn record_draw(ex: &mut Ex<'_>, draw: Draw<'_>) -> Result<bool, sqlx::Error> {
    let now = crate::db::now();
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE selections SET drawn_run_id = $2, seed = $3, draw_record = $4, drawn_at = $5, drawn_by = $6, updated_at = $5 \
         WHERE id = $1 AND drawn_at IS NULL",
    )
    .bind(draw.selection)
    .bind(draw.run)
    .bind(draw.seed)
    .bind(draw.record)
    .bind(now)
    .bind(draw.by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Marks the invitations as sent; false if they already were, or there was no draw.
pub async fn mark_invited(
    ex: &mut Ex<'_>,
    id: Uuid,
    by: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    let now = crate::db::now();
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE selections SET invited_at = $2, invited_by = $3, updated_at = $2 \
         WHERE id = $1 AND drawn_at IS NOT NULL AND invited_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .bind(by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

// --- Computations of fair chances ----------------------------------------------------------------

/// Where a computation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Pending,
    Running,
    Done,
    Failed,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Pending => "pending",
            RunStatus::Running => "running",
            RunStatus::Done => "done",
            RunStatus::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<RunStatus> {
        match text {
            "pending" => Some(RunStatus::Pending),
            "running" => Some(RunStatus::Running),
            "done" => Some(RunStatus::Done),
            "failed" => Some(RunStatus::Failed),
            _ => None,
        }
    }
}

crate::vocab::decoded_as_text!(RunStatus, "run status");

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RunRow {
    pub id: Uuid,
    pub selection_id: Uuid,
    pub status: RunStatus,
    /// The quotas the computation used, as JSON.
    pub quotas: String,
    pub pool_size: i64,
    pub created_at: OffsetDateTime,
    pub started_at: Option<OffsetDateTime>,
    pub finished_at: Option<OffsetDateTime>,
    pub error: Option<String>,
    pub result: Option<String>,
    pub lottery: Option<String>,
    pub lottery_sha256: Option<String>,
}

impl RunRow {
    pub fn status(&self) -> RunStatus {
        self.status
    }
}

const RUN_COLUMNS: &str = "id, selection_id, status, quotas, pool_size, created_at, started_at, finished_at, error, result, \
     lottery, lottery_sha256";

pub struct NewRun<'a> {
    pub id: Uuid,
    pub selection: Uuid,
    pub quotas: &'a str,
    /// The pool and quotas as the engine saw them, sealed.
    pub problem: &'a [u8],
    pub pool_size: i64,
    pub started_by: Option<Uuid>,
}

/// Stores a pending computation; false (and nothing stored) if one is already pending or running
/// for this selection. A unique index allows only one, so two requests at once cannot both start.
/// Call inside a transaction: on PostgreSQL the refused insert spoils it.
pub async fn insert_run(ex: &mut Ex<'_>, run: NewRun<'_>) -> Result<bool, sqlx::Error> {
    let inserted = on!(ex.re(), c => sqlx::query(
        "INSERT INTO selection_runs (id, selection_id, status, quotas, problem, pool_size, started_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(run.id)
    .bind(run.selection)
    .bind(RunStatus::Pending.as_str())
    .bind(run.quotas)
    .bind(run.problem)
    .bind(run.pool_size)
    .bind(run.started_by)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()));
    match inserted {
        Ok(_) => Ok(true),
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Ok(false),
        Err(e) => Err(e),
    }
}

/// Marks computations of this selection still pending or running since before `cutoff` as failed
/// with `error` (they were cut short, say by a restart), so a new one can start.
pub(in crate::selection) async fn stop_stale_runs(
    ex: &mut Ex<'_>,
    selection: Uuid,
    cutoff: OffsetDateTime,
    error: &str,
) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE selection_runs SET status = $2, finished_at = $3, error = $4 \
         WHERE selection_id = $1 AND status IN ('pending', 'running') AND created_at < $5",
    )
    .bind(selection)
    .bind(RunStatus::Failed.as_str())
    .bind(crate::db::now())
    .bind(error)
    .bind(cutoff)
    .execute(c)
    .await.map(|r| r.rows_affected()))
}

/// Marks a pending computation as running; false if it is no longer pending (it was stopped).
pub(in crate::selection) async fn set_running(
    ex: &mut Ex<'_>,
    run: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE selection_runs SET status = $2, started_at = $3 WHERE id = $1 AND status = 'pending'",
    )
        .bind(run)
        .bind(RunStatus::Running.as_str())
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub struct Finished<'a> {
    pub run: Uuid,
    pub result: &'a str,
    pub lottery: &'a str,
    pub lottery_sha256: &'a str,
}

pub(in crate::selection) async fn finish_run(
    ex: &mut Ex<'_>,
    done: Finished<'_>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE selection_runs SET status = $2, finished_at = $3, result = $4, lottery = $5, lottery_sha256 = $6 \
         WHERE id = $1 AND status IN ('pending', 'running')",
    )
    .bind(done.run)
    .bind(RunStatus::Done.as_str())
    .bind(crate::db::now())
    .bind(done.result)
    .bind(done.lottery)
    .bind(done.lottery_sha256)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::selection) async fn fail_run(
    ex: &mut Ex<'_>,
    run: Uuid,
    error: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE selection_runs SET status = $2, finished_at = $3, error = $4 WHERE id = $1 AND status IN ('pending', 'running')",
    )
        .bind(run)
        .bind(RunStatus::Failed.as_str())
        .bind(crate::db::now())
        .bind(error)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every stored pool snapshot (the sealed problem of each computation), for key rotation.
pub async fn all_problems(ex: &mut Ex<'_>) -> Result<Vec<(Uuid, Vec<u8>)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, problem FROM selection_runs ORDER BY id")
        .fetch_all(c)
        .await)
}

pub async fn replace_problem(ex: &mut Ex<'_>, run: Uuid, sealed: &[u8]) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE selection_runs SET problem = $2 WHERE id = $1")
        .bind(run)
        .bind(sealed)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The newest computation for a selection.
pub async fn latest_run(ex: &mut Ex<'_>, selection: Uuid) -> Result<Option<RunRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {RUN_COLUMNS} FROM selection_runs WHERE selection_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(selection).fetch_optional(c).await)
}

pub async fn find_run(
    ex: &mut Ex<'_>,
    selection: Uuid,
    run: Uuid,
) -> Result<Option<RunRow>, sqlx::Error> {
    let sql =
        format!("SELECT {RUN_COLUMNS} FROM selection_runs WHERE id = $1 AND selection_id = $2");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(run).bind(selection).fetch_optional(c).await)
}

// --- People named in a selection -----------------------------------------------------------------

/// What the pages and invitations need to know about a person in the pool.
#[derive(Debug, Clone)]
pub struct Contact {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub contact_method: ContactMethod,
    pub language: Locale,
    pub erased_at: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct StoredContact {
    id: Uuid,
    display_name: String,
    email: Option<String>,
    phone: Option<String>,
    contact_method: String,
    language: String,
    erased_at: Option<OffsetDateTime>,
}

impl TryFrom<StoredContact> for Contact {
    type Error = sqlx::Error;

    fn try_from(row: StoredContact) -> Result<Contact, sqlx::Error> {
        Ok(Contact {
            contact_method: known(
                ContactMethod::parse(&row.contact_method),
                "contact method",
                &row.contact_method,
            )?,
            id: row.id,
            display_name: row.display_name,
            email: row.email,
            phone: row.phone,
            language: known(Locale::parse(&row.language), "language", &row.language)?,
            erased_at: row.erased_at,
        })
    }
}

/// The named people, in no particular order; unknown ids are left out.
pub(in crate::selection) async fn contacts(
    ex: &mut Ex<'_>,
    ids: &[Uuid],
) -> Result<Vec<Contact>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
    let sql = format!(
        "SELECT id, display_name, email, phone, contact_method, language, erased_at FROM people WHERE id IN ({})",
        placeholders.join(", ")
    );
    let rows: Vec<StoredContact> = on!(ex.re(), c => {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()));
        for id in ids {
            query = query.bind(*id);
        }
        query.fetch_all(c).await
    })?;
    rows.into_iter().map(Contact::try_from).collect()
}

// --- Invitations ---------------------------------------------------------------------------------

pub async fn add_invitation(
    ex: &mut Ex<'_>,
    selection: Uuid,
    person: Uuid,
    method: &str,
    outbox: Option<Uuid>,
    by: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO selection_invitations (selection_id, person_id, method, outbox_id, invited_at, invited_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(selection)
    .bind(person)
    .bind(method)
    .bind(outbox)
    .bind(crate::db::now())
    .bind(by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct InvitationRow {
    pub person_id: Uuid,
    pub display_name: String,
    pub phone: Option<String>,
    pub method: ContactMethod,
}

pub(in crate::selection) async fn invitations(
    ex: &mut Ex<'_>,
    selection: Uuid,
) -> Result<Vec<InvitationRow>, sqlx::Error> {
    let rows: Vec<(Uuid, String, Option<String>, String)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT i.person_id, p.display_name, p.phone, i.method FROM selection_invitations i JOIN people p ON p.id = i.person_id \
         WHERE i.selection_id = $1 ORDER BY p.display_name, p.id",
    )
    .bind(selection)
    .fetch_all(c)
    .await)?;
    rows.into_iter()
        .map(|(person_id, display_name, phone, method)| {
            Ok(InvitationRow {
                method: known(ContactMethod::parse(&method), "contact method", &method)?,
                person_id,
                display_name,
                phone,
            })
        })
        .collect()
}
