//! Working out fair chances in the background, the draw and the invitations.
//!
//! A computation is a row in `selection_runs`: pending when asked for, running while the engine
//! works (on a blocking thread, so requests carry on), then done (the lottery and its SHA-256 are
//! stored: this is the published lottery) or failed (with the reason). The draw uses the latest
//! finished lottery, and only if the quotas have not changed since.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::Duration;
use uuid::Uuid;
use withus_selection::{
    Certificate, DrawRecord, InfeasibleQuotas, Lottery, PersonProbability, RunStats, SelectError,
    Selection, SelectionProblem, Summary, interactive_settings,
};

use super::pool::{self, PoolError};
use super::quotas::{self, Quotas};
use super::storage::{self, Draw, Finished, NewRun, RunRow, RunStatus, SelectionRow};
use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::i18n::Arg;
use crate::notices::{self, Channel, Delivery, Notice, NoticeKind};
use crate::register::domain::ContactMethod;
use crate::security::field_crypto::FieldContext;
use crate::state::AppState;
use crate::web::AppError;

/// A computation still pending or running after this long was cut short (say, by a restart).
pub const GIVE_UP_AFTER: Duration = Duration::minutes(10);

/// Why a computation failed, stored as JSON so the page can explain it in either language.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RunError {
    Infeasible(InfeasibleQuotas),
    Solver(String),
    /// Pending or running for longer than [`GIVE_UP_AFTER`] (say, cut short by a restart).
    Stopped,
}

impl RunError {
    pub fn parse(text: &str) -> RunError {
        serde_json::from_str(text).unwrap_or_else(|_| RunError::Solver(text.to_owned()))
    }
}

/// What a finished computation stores besides the lottery.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outcome {
    pub probabilities: Vec<PersonProbability>,
    pub certificate: Certificate,
    pub summary: Summary,
    pub stats: RunStats,
}

impl Outcome {
    pub fn parse(text: &str) -> Option<Outcome> {
        serde_json::from_str(text).ok()
    }
}

/// The fingerprint published with a lottery: SHA-256 of its stored JSON, in hex.
pub fn lottery_hash(lottery_json: &str) -> String {
    hex::encode(Sha256::digest(lottery_json.as_bytes()))
}

/// Whether the computation is still under way.
pub fn in_progress(run: &RunRow) -> bool {
    matches!(run.status(), RunStatus::Pending | RunStatus::Running)
        && crate::db::now() - run.created_at < GIVE_UP_AFTER
}

/// Whether the run's lottery can be drawn from: finished, and with the selection's current quotas.
pub fn usable(run: &RunRow, selection: &SelectionRow) -> bool {
    run.status() == RunStatus::Done
        && run.lottery.is_some()
        && Quotas::parse(&run.quotas) == Quotas::parse(&selection.quotas)
}

/// Where a computation's sealed pool snapshot is bound to: its row.
pub fn problem_field(run: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "selection_runs",
        column: "problem",
        row_id: run,
    }
}

// --- Starting a computation ----------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartRefused {
    NoQuotas,
    AlreadyDrawn,
    AlreadyRunning,
    /// Someone in the pool holds a value the quotas do not list: the quotas need checking again.
    PoolChanged,
}

/// Builds the problem from the pool now, stores it (sealed) with a pending computation, and starts
/// the engine in the background. Returns the computation's id.
pub async fn start(
    state: &AppState,
    selection: &SelectionRow,
    actor: Option<Uuid>,
) -> Result<Result<Uuid, StartRefused>, AppError> {
    if selection.drawn_at.is_some() {
        return Ok(Err(StartRefused::AlreadyDrawn));
    }
    let quotas = Quotas::parse(&selection.quotas);
    if quotas.is_empty() {
        return Ok(Err(StartRefused::NoQuotas));
    }
    let (features, members, latest) = {
        let mut conn = state.db.acquire().await?;
        let features = pool::features(&mut conn.ex(), selection.organisation_id).await?;
        let members = load_pool(state, &mut conn.ex(), selection).await?;
        let latest = storage::latest_run(&mut conn.ex(), selection.id).await?;
        (features, members, latest)
    };
    if latest.as_ref().is_some_and(in_progress) {
        return Ok(Err(StartRefused::AlreadyRunning));
    }
    let k = u32::try_from(selection.panel_size).unwrap_or(0);
    let Ok(problem) = quotas::problem(k, &quotas, &features, &members, selection.rotation) else {
        return Ok(Err(StartRefused::PoolChanged));
    };
    let run = Uuid::now_v7();
    let snapshot = serde_json::to_string(&problem).expect("problems always serialise");
    let sealed = state.keys.seal(&snapshot, problem_field(run));
    let stopped = serde_json::to_string(&RunError::Stopped).expect("errors serialise");
    let mut tx = state.db.begin().await?;
    storage::stop_stale_runs(
        &mut tx.ex(),
        selection.id,
        crate::db::now() - GIVE_UP_AFTER,
        &stopped,
    )
    .await?;
    let inserted = storage::insert_run(
        &mut tx.ex(),
        NewRun {
            id: run,
            selection: selection.id,
            quotas: &selection.quotas,
            problem: &sealed,
            pool_size: members.len() as i64,
            started_by: actor,
        },
    )
    .await?;
    if !inserted {
        // Another request started one since the check above.
        return Ok(Err(StartRefused::AlreadyRunning));
    }
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::SelectionComputed, "selection", selection.id)
            .by(actor)
            .in_organisation(selection.organisation_id)
            .with(serde_json::json!({
                "run": run,
                "pool_size": members.len(),
                "panel_size": selection.panel_size,
                "rotation": selection.rotation,
                "rotation_months": selection.rotation_months,
            })),
    )
    .await?;
    tx.commit().await?;
    let job = Job {
        db: state.db.clone(),
        run,
        selection: selection.id,
        organisation: selection.organisation_id,
        actor,
    };
    tokio::spawn(job.run(problem));
    Ok(Ok(run))
}

/// The pool as it is now.
pub async fn load_pool(
    state: &AppState,
    ex: &mut crate::db::Ex<'_>,
    selection: &SelectionRow,
) -> Result<Vec<pool::Member>, AppError> {
    pool::load(
        ex,
        &state.keys,
        selection.organisation_id,
        selection.panel_id,
        selection.rotation_months,
    )
    .await
    .map_err(|e| match e {
        PoolError::Database(e) => AppError::Database(e),
        other => AppError::Unexpected(other.into()),
    })
}

struct Job {
    db: Db,
    run: Uuid,
    selection: Uuid,
    organisation: Uuid,
    actor: Option<Uuid>,
}

impl Job {
    async fn run(self, problem: SelectionProblem) {
        if let Err(error) = self.work(problem).await {
            tracing::error!(run = %self.run, %error, "a selection computation could not be stored");
            let text =
                serde_json::to_string(&RunError::Solver(error.to_string())).unwrap_or_default();
            if let Ok(mut conn) = self.db.acquire().await {
                let _ = storage::fail_run(&mut conn.ex(), self.run, &text).await;
            }
        }
    }

    async fn work(&self, problem: SelectionProblem) -> Result<(), sqlx::Error> {
        {
            let mut conn = self.db.acquire().await?;
            if !storage::set_running(&mut conn.ex(), self.run).await? {
                return Ok(()); // stopped before it began
            }
        }
        let answer = tokio::task::spawn_blocking(move || {
            withus_selection::select(&problem, &interactive_settings())
        })
        .await;
        let selection = match answer {
            Ok(Ok(selection)) => selection,
            Ok(Err(SelectError::Infeasible(explanation))) => {
                return self.fail(RunError::Infeasible(explanation)).await;
            }
            Ok(Err(other)) => return self.fail(RunError::Solver(other.to_string())).await,
            Err(join) => return self.fail(RunError::Solver(join.to_string())).await,
        };
        let lottery = serde_json::to_string(&selection.lottery).expect("lotteries serialise");
        let hash = lottery_hash(&lottery);
        let outcome = Outcome {
            probabilities: selection.probabilities,
            certificate: selection.certificate,
            summary: selection.summary,
            stats: selection.stats,
        };
        let result = serde_json::to_string(&outcome).expect("outcomes serialise");
        let mut tx = self.db.begin().await?;
        storage::finish_run(
            &mut tx.ex(),
            Finished {
                run: self.run,
                result: &result,
                lottery: &lottery,
                lottery_sha256: &hash,
            },
        )
        .await?;
        audit::record(
            &mut tx.ex(),
            Entry::new(Action::SelectionPublished, "selection", self.selection)
                .by(self.actor)
                .in_organisation(self.organisation)
                .with(serde_json::json!({
                    "run": self.run,
                    "lottery_sha256": hash,
                    "panels": selection.lottery.panels.len(),
                    "min_probability": outcome.certificate.min_probability,
                    "gap": outcome.certificate.gap,
                })),
        )
        .await?;
        tx.commit().await
    }

    async fn fail(&self, error: RunError) -> Result<(), sqlx::Error> {
        let text = serde_json::to_string(&error).expect("errors serialise");
        let mut conn = self.db.acquire().await?;
        storage::fail_run(&mut conn.ex(), self.run, &text).await
    }
}

// --- The draw ------------------------------------------------------------------------------------

pub const SEED_MAX_CHARS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawRefused {
    EmptySeed,
    SeedTooLong,
    NotComputed,
    AlreadyDrawn,
}

/// Draws the working group from the published lottery with the seed. Once only.
pub async fn draw(
    state: &AppState,
    selection: &SelectionRow,
    seed: &str,
    actor: Option<Uuid>,
) -> Result<Result<DrawRecord, DrawRefused>, AppError> {
    let seed = seed.trim();
    if selection.drawn_at.is_some() {
        return Ok(Err(DrawRefused::AlreadyDrawn));
    }
    let run = {
        let mut conn = state.db.acquire().await?;
        storage::latest_run(&mut conn.ex(), selection.id).await?
    };
    let Some(run) = run.filter(|r| usable(r, selection)) else {
        return Ok(Err(DrawRefused::NotComputed));
    };
    if seed.is_empty() {
        return Ok(Err(DrawRefused::EmptySeed));
    }
    if seed.chars().count() > SEED_MAX_CHARS {
        return Ok(Err(DrawRefused::SeedTooLong));
    }
    let lottery_json = run.lottery.as_deref().unwrap_or_default();
    let (Ok(lottery), Some(outcome)) = (
        serde_json::from_str::<Lottery>(lottery_json),
        run.result.as_deref().and_then(Outcome::parse),
    ) else {
        return Err(AppError::Unexpected(anyhow::anyhow!(
            "the stored lottery of run {} cannot be read",
            run.id
        )));
    };
    let record = Selection {
        lottery,
        probabilities: outcome.probabilities,
        certificate: outcome.certificate,
        summary: outcome.summary,
        stats: outcome.stats,
    }
    .draw(seed);
    let record_json = serde_json::to_string(&record).expect("draw records serialise");
    let mut tx = state.db.begin().await?;
    let recorded = storage::record_draw(
        &mut tx.ex(),
        Draw {
            selection: selection.id,
            run: run.id,
            seed,
            record: &record_json,
            by: actor,
        },
    )
    .await?;
    if !recorded {
        return Ok(Err(DrawRefused::AlreadyDrawn));
    }
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::SelectionDrawn, "selection", selection.id)
            .by(actor)
            .in_organisation(selection.organisation_id)
            .with(serde_json::json!({
                "run": run.id,
                "lottery_sha256": run.lottery_sha256,
                "seed": seed,
                "panel_index": record.panel_index,
                "selected": record.selected,
            })),
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(record))
}

/// The stored draw record, if the draw has happened.
pub fn draw_record(selection: &SelectionRow) -> Option<DrawRecord> {
    selection
        .draw_record
        .as_deref()
        .and_then(|json| serde_json::from_str(json).ok())
}

/// The ids of the people drawn.
pub fn drawn_ids(record: &DrawRecord) -> Vec<Uuid> {
    record
        .selected
        .iter()
        .filter_map(|id| Uuid::parse_str(&id.0).ok())
        .collect()
}

// --- Invitations ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteRefused {
    NotDrawn,
    AlreadyInvited,
}

/// The invitation to someone drawn for a group, written for them by the notices door.
pub fn invitation_notice(group: &str, organisation: &str, service: &str) -> Notice {
    Notice::new(NoticeKind::SelectionInvitation).args([
        ("group", Arg::from(group)),
        ("organisation", Arg::from(organisation)),
        ("service", Arg::from(service)),
    ])
}

/// Invites everyone drawn who is still in the pool: an email to those with an address, a line on
/// the page for the rest (to phone or write to, as they prefer). Once only.
pub async fn invite(
    state: &AppState,
    selection: &SelectionRow,
    organisation: &str,
    actor: Option<Uuid>,
) -> Result<Result<(), InviteRefused>, AppError> {
    let Some(record) = draw_record(selection) else {
        return Ok(Err(InviteRefused::NotDrawn));
    };
    if selection.invited_at.is_some() {
        return Ok(Err(InviteRefused::AlreadyInvited));
    }
    let ids = drawn_ids(&record);
    let mut tx = state.db.begin().await?;
    if !storage::mark_invited(&mut tx.ex(), selection.id, actor).await? {
        return Ok(Err(InviteRefused::AlreadyInvited));
    }
    let available = still_available(&mut tx.ex(), selection.panel_id, &ids).await?;
    let contacts = storage::contacts(&mut tx.ex(), &available).await?;
    let (mut emailed, mut other) = (0, 0);
    for contact in &contacts {
        let Some(to) = crate::register::contact::addressee(state, &mut tx.ex(), contact.id).await?
        else {
            continue;
        };
        let notice = crate::organisations::in_its_languages(
            &mut tx.ex(),
            selection.organisation_id,
            &to,
            |_| invitation_notice(&selection.name, organisation, &state.config.service_name),
        )
        .await?
        .about(&selection.name, None)
        .from(selection.organisation_id);
        let delivery = notices::send(&mut tx.ex(), state.door(), &to, notice).await?;
        let method = match delivery {
            Delivery::Queued(Channel::Email) => ContactMethod::Email,
            Delivery::Queued(Channel::Sms) => ContactMethod::Sms,
            Delivery::ToPrint => ContactMethod::Post,
            Delivery::ToPhone => ContactMethod::Phone,
            _ => contact.contact_method,
        };
        if method == ContactMethod::Email {
            emailed += 1;
        } else {
            other += 1;
        }
        storage::add_invitation(
            &mut tx.ex(),
            selection.id,
            contact.id,
            method.as_str(),
            None,
            actor,
        )
        .await?;
    }
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::SelectionInvited, "selection", selection.id)
            .by(actor)
            .in_organisation(selection.organisation_id)
            .with(serde_json::json!({
                "emailed": emailed,
                "to_contact_another_way": other,
                "no_longer_available": ids.len() - contacts.len(),
            })),
    )
    .await?;
    tx.commit().await?;
    if emailed > 0 {
        state.mail_wake.notify_one();
    }
    Ok(Ok(()))
}

/// Of these people, those still in the pool: active on the panel, consenting, not erased.
pub async fn still_available(
    ex: &mut crate::db::Ex<'_>,
    panel: Uuid,
    ids: &[Uuid],
) -> Result<Vec<Uuid>, sqlx::Error> {
    let mut out = Vec::new();
    for id in ids {
        if pool::is_member(ex, panel, *id).await? {
            out.push(*id);
        }
    }
    Ok(out)
}
