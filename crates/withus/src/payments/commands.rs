//! The commands of payments for time: a payment made due by involvement, a person's choice for
//! it, approval in batches with the benefits check and a second approver above the organisation's
//! threshold, payment runs and their files, paid and failed payments, and a person's bank details
//! and declared limit. Each reads, decides, writes, audits and tells people in the caller's
//! transaction.

use serde_json::json;
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::bacs;
use super::bank_csv;
use super::benefits::{Blocked, Check, EarlierEarnings};
use super::domain::{
    BatchStatus, Choice, PaymentStatus, StoredBankDetails, StoredLimit, counts_on,
};
use super::earnings::Earnings;
use super::expenses;
use super::money::Pence;
use super::offers;
use super::run::{PayeeInput, PaymentRun, RunInput, RunProblem};
use super::storage::{self, NewPayment, NewRun, PaymentRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::identity::StaffActor;
use crate::notices::{self, Notice, NoticeKind};
use crate::security::field_crypto::{FieldContext, KeyRing, OpenError, ResealError};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum PaymentError {
    #[error("no such payment here")]
    NotFound,
    #[error("the payment is already approved, so its choice is fixed")]
    NotDue,
    #[error("no payments were chosen")]
    NothingChosen,
    #[error("the organisation has not set its payment settings")]
    NoSettings,
    #[error("approving would take someone over their declared limit")]
    Blocked(Vec<BlockedPayment>),
    #[error("the same person cannot give both approvals")]
    SameApprover,
    #[error("the batch is not waiting for a second approval")]
    NotAwaiting,
    #[error("the payment run has problems")]
    Run(Vec<RunProblem>),
    #[error("the run is already marked paid")]
    AlreadyPaid,
    #[error("the payment has not failed")]
    NotFailed,
    #[error("the payment is not in a payment run")]
    NotInRun,
    #[error("the engagement's offer pays no rate for time on that day")]
    NoRate,
    #[error("a sealed value could not be opened")]
    Sealed(#[from] OpenError),
    #[error("a stored value is out of range")]
    Corrupt,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A payment held back by the benefits check, with what could be done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockedPayment {
    pub payment: Uuid,
    pub person: Uuid,
    pub blocked: Blocked,
}

fn now() -> OffsetDateTime {
    crate::db::now()
}

pub fn bank_field(person: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "payment_profiles",
        column: "sealed_bank_details",
        row_id: person,
    }
}

pub fn limit_field(person: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "payment_profiles",
        column: "sealed_declared_limit",
        row_id: person,
    }
}

pub fn run_field(run: Uuid, column: &'static str) -> FieldContext<'static> {
    FieldContext {
        table: "payment_runs",
        column,
        row_id: run,
    }
}

pub fn choice_of(row: &PaymentRow) -> Result<Choice, PaymentError> {
    Choice::from_stored(row.choice, row.less_pence, &row.charity_name).ok_or(PaymentError::Corrupt)
}

pub fn offered_of(row: &PaymentRow) -> Result<Pence, PaymentError> {
    Pence::new(row.offered_pence).map_err(|_| PaymentError::Corrupt)
}

async fn record(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    organisation: Uuid,
    action: Action,
    target: &'static str,
    id: Uuid,
    details: serde_json::Value,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(action, target, id)
            .by(actor)
            .in_organisation(organisation)
            .with(details),
    )
    .await
}

/// One payment, for pages and tests that show it.
pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<PaymentRow>, sqlx::Error> {
    storage::find(ex, id).await
}

// --- Payments made due ----------------------------------------------------------------------------

/// One piece of involvement that earns a payment for time.
#[derive(Debug, Clone)]
pub struct Involvement {
    pub organisation: Uuid,
    pub engagement: Option<Uuid>,
    pub person: Uuid,
    /// Unique per involvement, e.g. `event:{event}:{person}`: the same involvement is never
    /// owed twice.
    pub key: String,
    pub description: String,
    pub earned_on: Date,
    pub offered: Earnings,
    pub rate_name: String,
}

/// Makes a payment due in the person's saved choice; `None` if this involvement already has one.
pub async fn make_due(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    recorded_by: Option<Uuid>,
    involvement: &Involvement,
) -> Result<Option<Uuid>, PaymentError> {
    let choice = saved_choice(ex, keys, involvement.person).await?;
    let id = Uuid::now_v7();
    let added = storage::insert(
        ex,
        &NewPayment {
            id,
            organisation: involvement.organisation,
            engagement: involvement.engagement,
            person: involvement.person,
            involvement: &involvement.key,
            description: &involvement.description,
            rate_name: &involvement.rate_name,
            earned_on: involvement.earned_on,
            offered_pence: involvement.offered.pence().get(),
            choice: choice.kind(),
            less_pence: choice.less_pence(),
            charity_name: choice.charity_name(),
            recorded_by,
            at: now(),
        },
    )
    .await?;
    if !added {
        return Ok(None);
    }
    record(
        ex,
        recorded_by,
        involvement.organisation,
        Action::PaymentDue,
        "payment",
        id,
        json!({ "involvement": involvement.key, "offered_pence": involvement.offered.pence().get(), "choice": choice.kind().as_str() }),
    )
    .await?;
    Ok(Some(id))
}

/// The person's saved preference from the register, as a choice for one payment.
async fn saved_choice(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
) -> Result<Choice, PaymentError> {
    let Some(row) = crate::register::find_person(ex, person).await? else {
        return Ok(Choice::BankTransfer);
    };
    let preferences = crate::register::profile::open(keys, &row)
        .map(|s| s.preferences)
        .unwrap_or_default();
    Ok(Choice::from_preference(
        preferences.payment,
        &preferences.payment_organisation,
    ))
}

// --- Choosing -------------------------------------------------------------------------------------

/// Who is changing a payment's choice: the person, or staff for them (by phone or letter).
#[derive(Debug, Clone, Copy)]
pub enum Chooser {
    Person { person: Uuid, account: Option<Uuid> },
    Finance(StaffActor),
}

pub async fn choose(
    ex: &mut Ex<'_>,
    chooser: Chooser,
    payment: Uuid,
    choice: &Choice,
) -> Result<(), PaymentError> {
    let row = storage::find(ex, payment)
        .await?
        .ok_or(PaymentError::NotFound)?;
    let actor = match chooser {
        Chooser::Person { person, account } if row.person_id == person => account,
        Chooser::Finance(staff) if row.organisation_id == staff.organisation => staff.account,
        _ => return Err(PaymentError::NotFound),
    };
    if !row.status.choice_open() {
        return Err(PaymentError::NotDue);
    }
    if !storage::set_choice(
        ex,
        payment,
        choice.kind(),
        choice.less_pence(),
        choice.charity_name(),
        now(),
    )
    .await?
    {
        return Err(PaymentError::NotDue);
    }
    record(
        ex,
        actor,
        row.organisation_id,
        Action::PaymentChoiceChanged,
        "payment",
        payment,
        json!({ "from": row.choice.as_str(), "to": choice.kind().as_str(), "less_pence": choice.less_pence() }),
    )
    .await?;
    Ok(())
}

// --- The benefits check ---------------------------------------------------------------------------

/// The limit a person declared, opened; `None` if they declared none.
pub async fn declared_limit(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
) -> Result<Option<StoredLimit>, PaymentError> {
    let profile = storage::profile(ex, person).await?;
    let Some(sealed) = profile.sealed_declared_limit else {
        return Ok(None);
    };
    let json = keys.open(&sealed, limit_field(person))?;
    Ok(serde_json::from_str(&json).ok())
}

pub async fn bank_details(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
) -> Result<Option<StoredBankDetails>, PaymentError> {
    let profile = storage::profile(ex, person).await?;
    let Some(sealed) = profile.sealed_bank_details else {
        return Ok(None);
    };
    let json = keys.open(&sealed, bank_field(person))?;
    Ok(serde_json::from_str(&json).ok())
}

/// What the check says about approving one payment now, counting what is already approved for
/// the person by this organisation in the same period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub limit: Option<StoredLimit>,
    /// Earnings from this organisation already approved or paid in the period.
    pub already: Pence,
    pub check: Check,
}

pub async fn assess(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    row: &PaymentRow,
) -> Result<Assessment, PaymentError> {
    let choice = choice_of(row)?;
    let offered = offered_of(row)?;
    let stored = declared_limit(ex, keys, row.person_id).await?;
    let Some(limit) = stored.as_ref().and_then(StoredLimit::limit) else {
        return Ok(Assessment {
            limit: stored,
            already: Pence::ZERO,
            check: Check::Allowed,
        });
    };
    let day = counts_on(row.earned_on);
    let span = limit.period.containing(day);
    let mut earlier = Vec::new();
    let mut already = Pence::ZERO;
    for other in storage::earned_between(
        ex,
        row.person_id,
        row.organisation_id,
        span.start,
        span.next_start,
    )
    .await?
    {
        if other.id == row.id {
            continue;
        }
        let amount = choice_of(&other)?.earnings_counted(offered_of(&other)?);
        already = already
            .checked_add(amount.pence())
            .map_err(|_| PaymentError::Corrupt)?;
        earlier.push(EarlierEarnings {
            on: counts_on(other.earned_on),
            amount,
        });
    }
    let check = limit
        .check(&earlier, day, choice.earnings_counted(offered))
        .map_err(|_| PaymentError::Corrupt)?;
    Ok(Assessment {
        limit: stored,
        already,
        check,
    })
}

// --- Approving ------------------------------------------------------------------------------------

/// One payment chosen for approval, with the reason to approve it over the limit if there is one.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub payment: Uuid,
    pub override_reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approved {
    /// Approved and ready for a payment run.
    Approved,
    /// Over the organisation's threshold: a second finance officer must approve it.
    AwaitingSecond,
    /// This batch was approved already (the form sent twice): nothing changed.
    AlreadyDone,
}

/// Approves the chosen due payments as one batch. `batch` comes from the form, so sending it
/// twice approves once. A payment that would take someone over their declared limit blocks the
/// batch unless it carries a reason, which is recorded.
pub async fn approve(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    batch: Uuid,
    chosen: &[Chosen],
) -> Result<Approved, PaymentError> {
    if storage::find_batch(ex, batch).await?.is_some() {
        return Ok(Approved::AlreadyDone);
    }
    if chosen.is_empty() {
        return Err(PaymentError::NothingChosen);
    }
    let settings = offers::settings_of(ex, actor.organisation)
        .await?
        .ok_or(PaymentError::NoSettings)?;
    let account = actor.account.ok_or(PaymentError::NotFound)?;
    let mut rows = Vec::new();
    for c in chosen {
        let row = storage::find(ex, c.payment)
            .await?
            .ok_or(PaymentError::NotFound)?;
        if row.organisation_id != actor.organisation {
            return Err(PaymentError::NotFound);
        }
        if row.status != PaymentStatus::Due {
            return Err(PaymentError::NotDue);
        }
        rows.push((row, c.override_reason.trim().to_owned()));
    }
    let mut total = Pence::ZERO;
    for (row, _) in &rows {
        let paid = choice_of(row)?.paid_to_person(offered_of(row)?);
        let charity = choice_of(row)?.paid_to_charity(offered_of(row)?);
        total = total
            .checked_add(paid)
            .and_then(|t| t.checked_add(charity))
            .map_err(|_| PaymentError::Corrupt)?;
    }
    let status = if total > settings.two_person_threshold {
        BatchStatus::AwaitingSecond
    } else {
        BatchStatus::Approved
    };
    let at = now();
    storage::insert_batch(
        ex,
        batch,
        actor.organisation,
        total.get(),
        account,
        status,
        at,
    )
    .await?;
    let payment_status = match status {
        BatchStatus::AwaitingSecond => PaymentStatus::AwaitingSecond,
        BatchStatus::Approved => PaymentStatus::Approved,
    };
    // One by one, so each check counts the ones before it in this batch.
    let mut blocked = Vec::new();
    for (row, reason) in &rows {
        let assessment = assess(ex, &state.keys, row).await?;
        let over = match assessment.check {
            Check::Allowed => None,
            Check::Blocked(b) => Some(b),
        };
        if let Some(b) = &over
            && reason.is_empty()
        {
            blocked.push(BlockedPayment {
                payment: row.id,
                person: row.person_id,
                blocked: b.clone(),
            });
            continue;
        }
        let reason_kept = if over.is_some() { reason.as_str() } else { "" };
        if !storage::approve_into_batch(ex, row.id, batch, payment_status, reason_kept, at).await? {
            return Err(PaymentError::NotDue);
        }
        if let Some(b) = over {
            record(
                ex,
                Some(account),
                actor.organisation,
                Action::PaymentApprovedOverLimit,
                "payment",
                row.id,
                json!({ "reason": reason, "limit_pence": b.limit.get(), "would_be_pence": b.would_be.get(), "over_by_pence": b.over_by.get() }),
            )
            .await?;
        }
    }
    if !blocked.is_empty() {
        // Nothing is approved: the caller rolls the transaction back.
        return Err(PaymentError::Blocked(blocked));
    }
    record(
        ex,
        Some(account),
        actor.organisation,
        Action::PaymentsApproved,
        "payment_batch",
        batch,
        json!({ "payments": rows.len(), "total_pence": total.get(), "status": status.as_str() }),
    )
    .await?;
    if status == BatchStatus::Approved {
        tell_approved(ex, state, actor.organisation, rows.iter().map(|(r, _)| r)).await?;
        Ok(Approved::Approved)
    } else {
        Ok(Approved::AwaitingSecond)
    }
}

/// The second approval of a batch over the threshold, by a different finance officer.
pub async fn approve_second(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    batch: Uuid,
) -> Result<(), PaymentError> {
    let row = storage::find_batch(ex, batch)
        .await?
        .ok_or(PaymentError::NotFound)?;
    if row.organisation_id != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    let account = actor.account.ok_or(PaymentError::NotFound)?;
    if row.status != BatchStatus::AwaitingSecond {
        return Err(PaymentError::NotAwaiting);
    }
    if row.first_approver == account {
        return Err(PaymentError::SameApprover);
    }
    let at = now();
    if !storage::second_approval(ex, batch, account, at).await? {
        return Err(PaymentError::NotAwaiting);
    }
    storage::release_batch(ex, batch, at).await?;
    record(
        ex,
        Some(account),
        actor.organisation,
        Action::PaymentBatchSecondApproval,
        "payment_batch",
        batch,
        json!({ "total_pence": row.total_pence }),
    )
    .await?;
    let payments = storage::in_batch(ex, batch).await?;
    tell_approved(ex, state, actor.organisation, payments.iter()).await?;
    Ok(())
}

async fn tell_approved<'a>(
    ex: &mut Ex<'_>,
    state: &AppState,
    organisation: Uuid,
    rows: impl Iterator<Item = &'a PaymentRow>,
) -> Result<(), PaymentError> {
    for row in rows {
        let choice = choice_of(row)?;
        let offered = offered_of(row)?;
        let amount = choice
            .paid_to_person(offered)
            .max(choice.paid_to_charity(offered));
        if amount == Pence::ZERO {
            continue;
        }
        tell(
            ex,
            state,
            organisation,
            row,
            NoticeKind::PaymentApproved,
            amount,
        )
        .await?;
    }
    Ok(())
}

async fn tell(
    ex: &mut Ex<'_>,
    state: &AppState,
    organisation: Uuid,
    row: &PaymentRow,
    kind: NoticeKind,
    amount: Pence,
) -> Result<(), PaymentError> {
    let Some(to) = crate::register::contact::addressee(state, ex, row.person_id).await? else {
        return Ok(());
    };
    let link = state.link("/your-data/payments");
    let notice = crate::organisations::in_its_languages(ex, organisation, &to, |reader| {
        Notice::new(kind)
            .arg("name", reader.name.clone())
            .arg("amount", amount.to_string())
            .arg("for", row.description.clone())
            .arg("link", link.clone())
    })
    .await?
    .about(&row.description, row.engagement_id)
    .from(organisation);
    notices::send(ex, state.door(), &to, notice).await?;
    Ok(())
}

// --- Payment runs ---------------------------------------------------------------------------------

/// What a run was made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MadeRun {
    pub id: Uuid,
    pub number: i32,
    pub by_bank: usize,
    pub other: usize,
    /// People with a bank transfer approved but no bank details: left for a later run.
    pub waiting_for_bank_details: Vec<Uuid>,
}

/// Makes a payment run of every approved payment: bank transfers (unless the organisation pays
/// time through payroll) into a Bacs file and a bank CSV, checked against the bank's rules first;
/// vouchers, charities and payroll onto their lists. Nothing is written if any rule is broken.
pub async fn make_run(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    processing_date: Date,
    today: Date,
) -> Result<MadeRun, PaymentError> {
    let settings = offers::settings_of(ex, actor.organisation)
        .await?
        .ok_or(PaymentError::NoSettings)?;
    let account = actor.account.ok_or(PaymentError::NotFound)?;
    let approved =
        storage::of_organisation(ex, actor.organisation, &[PaymentStatus::Approved]).await?;
    let mut payees = Vec::new();
    let mut by_bank = Vec::new();
    let mut other = Vec::new();
    let mut waiting = Vec::new();
    for row in approved {
        let choice = choice_of(&row)?;
        let paid = choice.paid_to_person(offered_of(&row)?);
        let goes_by_bank = matches!(choice, Choice::BankTransfer | Choice::Less(_))
            && paid > Pence::ZERO
            && settings.pays_through != super::offers::domain::PaysThrough::Payroll;
        if !goes_by_bank {
            other.push(row);
            continue;
        }
        let Some(details) = bank_details(ex, &state.keys, row.person_id).await? else {
            waiting.push(row.person_id);
            continue;
        };
        payees.push(PayeeInput {
            payee: details.account_name.clone(),
            sort_code: details.sort_code.clone(),
            account_number: details.account_number.clone(),
            amount: paid,
            reference: reference(&row),
        });
        by_bank.push(row);
    }
    // Approved expenses are repaid by bank transfer whatever the person chose for their time,
    // and never through payroll: they are not earnings.
    let mut expense_lines = Vec::new();
    for line in expenses::approved_unpaid(ex, &state.keys, actor.organisation).await? {
        let Some(details) = bank_details(ex, &state.keys, line.person_id).await? else {
            waiting.push(line.person_id);
            continue;
        };
        payees.push(PayeeInput {
            payee: details.account_name.clone(),
            sort_code: details.sort_code.clone(),
            account_number: details.account_number.clone(),
            amount: line.amount.pence(),
            reference: expense_reference(line.line_id),
        });
        expense_lines.push(line.line_id);
    }
    if by_bank.is_empty() && other.is_empty() && expense_lines.is_empty() {
        return Err(PaymentError::Run(vec![RunProblem::NoPayments]));
    }
    let id = Uuid::now_v7();
    let (sealed_bacs, sealed_csv, total) = if payees.is_empty() {
        (None, None, Pence::ZERO)
    } else {
        let originator = settings
            .originator
            .clone()
            .ok_or(PaymentError::NoSettings)?;
        let run = PaymentRun::check(&RunInput {
            originator,
            today,
            processing_date,
            payees,
        })
        .map_err(PaymentError::Run)?;
        let bacs_file = bacs::write(&run);
        let csv = bank_csv::write(&run);
        (
            Some(state.keys.seal(&bacs_file, run_field(id, "sealed_bacs"))),
            Some(state.keys.seal(&csv, run_field(id, "sealed_bank_csv"))),
            run.total(),
        )
    };
    let at = now();
    let number = storage::insert_run(
        ex,
        &NewRun {
            id,
            organisation: actor.organisation,
            processing_date,
            total_pence: total.get(),
            sealed_bacs,
            sealed_bank_csv: sealed_csv,
            created_by: account,
            at,
        },
    )
    .await?;
    for row in by_bank.iter().chain(other.iter()) {
        storage::put_in_run(ex, row.id, id, at).await?;
    }
    expenses::put_in_run(ex, &expense_lines, id).await?;
    waiting.sort();
    waiting.dedup();
    record(
        ex,
        Some(account),
        actor.organisation,
        Action::PaymentRunMade,
        "payment_run",
        id,
        json!({ "number": number, "processing_date": processing_date.to_string(), "bank_transfers": by_bank.len(), "expense_lines": expense_lines.len(), "other": other.len(), "total_pence": total.get() }),
    )
    .await?;
    Ok(MadeRun {
        id,
        number,
        by_bank: by_bank.len(),
        other: other.len(),
        waiting_for_bank_details: waiting,
    })
}

/// The reference for repaid expenses: says so, so the person can tell it from earnings.
fn expense_reference(line: Uuid) -> String {
    let simple = line.simple().to_string().to_uppercase();
    format!("EXPENSES {}", &simple[simple.len() - 8..])
}

/// The reference on the person's bank statement: the organisation's word and the payment's own
/// number, so it is never too plain for Bacs.
fn reference(row: &PaymentRow) -> String {
    let simple = row.id.simple().to_string().to_uppercase();
    format!("WITHUS {}", &simple[simple.len() - 8..])
}

/// The file of a run, opened, recording that someone took a copy of bank details.
pub async fn run_file(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: StaffActor,
    run: Uuid,
    which: RunFile,
) -> Result<Option<String>, PaymentError> {
    let row = storage::find_run(ex, run)
        .await?
        .ok_or(PaymentError::NotFound)?;
    if row.organisation_id != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    let (sealed, column) = match which {
        RunFile::Bacs => (row.sealed_bacs, "sealed_bacs"),
        RunFile::BankCsv => (row.sealed_bank_csv, "sealed_bank_csv"),
    };
    let Some(sealed) = sealed else {
        return Ok(None);
    };
    let text = keys.open(&sealed, run_field(run, column))?;
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentRunFileDownloaded,
        "payment_run",
        run,
        json!({ "file": column }),
    )
    .await?;
    Ok(Some(text))
}

/// Records that someone took the run's list of vouchers, charities and payroll.
pub async fn record_list_download(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    run: Uuid,
) -> Result<(), PaymentError> {
    let row = storage::find_run(ex, run)
        .await?
        .ok_or(PaymentError::NotFound)?;
    if row.organisation_id != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentRunFileDownloaded,
        "payment_run",
        run,
        json!({ "file": "other_list" }),
    )
    .await?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunFile {
    Bacs,
    BankCsv,
}

/// Records the run as paid on `day` and tells each person paid.
pub async fn mark_paid(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    run: Uuid,
    day: Date,
) -> Result<(), PaymentError> {
    let row = storage::find_run(ex, run)
        .await?
        .ok_or(PaymentError::NotFound)?;
    if row.organisation_id != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    if !storage::mark_run_paid(ex, run, day, now()).await? {
        return Err(PaymentError::AlreadyPaid);
    }
    expenses::mark_run_paid(ex, run, day).await?;
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentRunPaid,
        "payment_run",
        run,
        json!({ "paid_on": day.to_string() }),
    )
    .await?;
    for payment in storage::in_run(ex, run).await? {
        if payment.status != PaymentStatus::Paid {
            continue;
        }
        let choice = choice_of(&payment)?;
        let offered = offered_of(&payment)?;
        let amount = choice.paid_to_person(offered);
        if amount > Pence::ZERO {
            tell(
                ex,
                state,
                actor.organisation,
                &payment,
                NoticeKind::PaymentPaid,
                amount,
            )
            .await?;
        }
    }
    Ok(())
}

/// A payment the bank returned.
pub async fn mark_failed(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    payment: Uuid,
) -> Result<(), PaymentError> {
    let row = own(ex, actor, payment).await?;
    if !storage::mark_failed(ex, payment, now()).await? {
        return Err(PaymentError::NotInRun);
    }
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentFailed,
        "payment",
        row.id,
        json!({}),
    )
    .await?;
    Ok(())
}

/// A failed payment back into the approved list, for the next run.
pub async fn reissue(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    payment: Uuid,
) -> Result<(), PaymentError> {
    let row = own(ex, actor, payment).await?;
    if !storage::reissue(ex, payment, now()).await? {
        return Err(PaymentError::NotFailed);
    }
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentReissued,
        "payment",
        row.id,
        json!({}),
    )
    .await?;
    Ok(())
}

async fn own(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    payment: Uuid,
) -> Result<PaymentRow, PaymentError> {
    let row = storage::find(ex, payment)
        .await?
        .ok_or(PaymentError::NotFound)?;
    if row.organisation_id != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    Ok(row)
}

// --- A person's bank details and declared limit ---------------------------------------------------

pub async fn set_bank_details(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
    account: Option<Uuid>,
    details: Option<&StoredBankDetails>,
) -> Result<(), PaymentError> {
    let sealed = details.map(|d| {
        keys.seal(
            &serde_json::to_string(d).expect("bank details serialise"),
            bank_field(person),
        )
    });
    storage::set_bank_details(ex, person, sealed.as_deref(), now()).await?;
    audit::record(
        ex,
        Entry::new(Action::BankDetailsChanged, "person", person)
            .by(account)
            .with(json!({ "removed": details.is_none() })),
    )
    .await?;
    Ok(())
}

pub async fn set_declared_limit(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
    account: Option<Uuid>,
    limit: Option<&StoredLimit>,
) -> Result<(), PaymentError> {
    let sealed = limit.map(|l| {
        keys.seal(
            &serde_json::to_string(l).expect("limits serialise"),
            limit_field(person),
        )
    });
    storage::set_declared_limit(ex, person, sealed.as_deref(), now()).await?;
    audit::record(
        ex,
        Entry::new(Action::DeclaredLimitChanged, "person", person)
            .by(account)
            .with(json!({ "removed": limit.is_none() })),
    )
    .await?;
    Ok(())
}

// --- Erasure, retention, key rotation -------------------------------------------------------------

/// Erasure: bank details and the declared limit go at once; payment records stay for the period
/// the organisation keeps them, then the retention sweep removes them.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    storage::forget_profile(ex, person).await
}

/// Removes the payment records of erased people older than each organisation's retention period.
pub async fn retention_sweep(ex: &mut Ex<'_>, today: Date) -> Result<u64, PaymentError> {
    let mut removed = 0;
    for organisation in storage::paying_organisations(ex).await? {
        let Some(settings) = offers::settings_of(ex, organisation).await? else {
            continue;
        };
        let years = i32::try_from(settings.retention_years).unwrap_or(i32::MAX);
        let cutoff = today
            .replace_year(today.year().saturating_sub(years))
            .unwrap_or_else(|_| {
                today
                    .replace_day(28)
                    .and_then(|d| d.replace_year(d.year().saturating_sub(years)))
                    .unwrap_or(today)
            });
        let gone = storage::delete_erased_before(ex, organisation, cutoff).await?;
        if gone > 0 {
            audit::record(
                ex,
                Entry::new(Action::PaymentRecordsRemoved, "organisation", organisation)
                    .in_organisation(organisation)
                    .with(json!({ "removed": gone, "before": cutoff.to_string() })),
            )
            .await?;
        }
        removed += gone;
    }
    Ok(removed)
}

/// Re-seals bank details, declared limits and run files not under the active key. How many.
pub async fn reseal(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (person, profile) in storage::all_profiles(ex).await? {
        if let Some(sealed) = profile.sealed_bank_details {
            let what = || format!("payment_profiles.sealed_bank_details of {person}");
            if let Some(new) = keys.resealed(&sealed, bank_field(person), what)? {
                storage::set_bank_details(ex, person, Some(&new), now()).await?;
                resealed += 1;
            }
        }
        if let Some(sealed) = profile.sealed_declared_limit {
            let what = || format!("payment_profiles.sealed_declared_limit of {person}");
            if let Some(new) = keys.resealed(&sealed, limit_field(person), what)? {
                storage::set_declared_limit(ex, person, Some(&new), now()).await?;
                resealed += 1;
            }
        }
    }
    for (run, bacs_file, csv) in storage::all_run_files(ex).await? {
        let mut files = [bacs_file, csv];
        let mut changed = false;
        for (file, column) in files.iter_mut().zip(["sealed_bacs", "sealed_bank_csv"]) {
            if let Some(sealed) = file.as_deref() {
                let what = || format!("payment_runs.{column} of {run}");
                if let Some(new) = keys.resealed(sealed, run_field(run, column), what)? {
                    *file = Some(new);
                    changed = true;
                }
            }
        }
        if changed {
            let [bacs_file, csv] = files;
            storage::set_run_files(ex, run, bacs_file.as_deref(), csv.as_deref()).await?;
            resealed += 1;
        }
    }
    Ok(resealed)
}

// --- Involvement that earns a payment ---------------------------------------------------------------

/// An event a person was marked as attending.
#[derive(Debug, Clone)]
pub struct Attended<'a> {
    pub event: Uuid,
    pub engagement: Uuid,
    pub person: Uuid,
    pub title: &'a str,
    pub day: Date,
    pub minutes: u32,
}

/// Makes a payment due for attending an event, at the engagement's stated rate on that day, if
/// its offer pays for events. Marking the same attendance again owes nothing more.
pub async fn due_for_attendance(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    recorded_by: Option<Uuid>,
    attended: &Attended<'_>,
) -> Result<Option<Uuid>, PaymentError> {
    let Some(offer) = offers::offer_of(ex, attended.engagement).await? else {
        return Ok(None);
    };
    if !offer.pays_events {
        return Ok(None);
    }
    let Some(pay) =
        offers::time_payment_for(ex, attended.engagement, attended.day, attended.minutes).await?
    else {
        return Ok(None);
    };
    owe(
        ex,
        keys,
        recorded_by,
        &offer,
        attended.person,
        format!("event:{}:{}", attended.event, attended.person),
        attended.title.to_owned(),
        attended.day,
        pay,
    )
    .await
}

/// A place cancelled late, paid as the organisation's policy says (in full, half or not).
pub async fn due_for_late_cancellation(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    attended: &Attended<'_>,
    hours_before: i64,
) -> Result<Option<Uuid>, PaymentError> {
    let Some(offer) = offers::offer_of(ex, attended.engagement).await? else {
        return Ok(None);
    };
    let Some(settings) = offers::settings_of(ex, offer.organisation).await? else {
        return Ok(None);
    };
    let late = hours_before <= i64::from(settings.late_cancellation.within_hours);
    if !offer.pays_events || !late {
        return Ok(None);
    }
    let minutes = match settings.late_cancellation.pays {
        offers::domain::LatePay::Full => attended.minutes,
        offers::domain::LatePay::Half => attended.minutes / 2,
        offers::domain::LatePay::Nothing => return Ok(None),
    };
    let Some(pay) =
        offers::time_payment_for(ex, attended.engagement, attended.day, minutes).await?
    else {
        return Ok(None);
    };
    owe(
        ex,
        keys,
        None,
        &offer,
        attended.person,
        format!("event:{}:{}", attended.event, attended.person),
        attended.title.to_owned(),
        attended.day,
        pay,
    )
    .await
}

/// A survey a person finished.
#[derive(Debug, Clone)]
pub struct SurveyDone<'a> {
    pub response: Uuid,
    pub engagement: Uuid,
    pub person: Uuid,
    pub title: &'a str,
    pub day: Date,
}

/// Makes a payment due for finishing a survey, at the engagement's stated rate for the minutes its
/// offer allows, if the offer pays for surveys.
pub async fn due_for_survey(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    recorded_by: Option<Uuid>,
    done: &SurveyDone<'_>,
) -> Result<Option<Uuid>, PaymentError> {
    let Some(offer) = offers::offer_of(ex, done.engagement).await? else {
        return Ok(None);
    };
    let Some(pay) = offers::survey_payment_for(ex, done.engagement, done.day).await? else {
        return Ok(None);
    };
    owe(
        ex,
        keys,
        recorded_by,
        &offer,
        done.person,
        format!("survey:{}", done.response),
        done.title.to_owned(),
        done.day,
        pay,
    )
    .await
}

/// A task a facilitator recorded for someone.
#[derive(Debug, Clone)]
pub struct TaskDone<'a> {
    pub engagement: Uuid,
    pub person: Uuid,
    pub description: &'a str,
    pub day: Date,
    pub minutes: u32,
}

/// Makes a payment due for a recorded task, at the engagement's stated rate on that day. Refused
/// when the offer pays no rate for time then: nothing is owed at a rate nobody stated.
pub async fn due_for_task(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: StaffActor,
    task: &TaskDone<'_>,
) -> Result<Uuid, PaymentError> {
    let offer = offers::offer_of(ex, task.engagement)
        .await?
        .ok_or(PaymentError::NoRate)?;
    if offer.organisation != actor.organisation {
        return Err(PaymentError::NotFound);
    }
    let pay = offers::time_payment_for(ex, task.engagement, task.day, task.minutes)
        .await?
        .ok_or(PaymentError::NoRate)?;
    let id = owe(
        ex,
        keys,
        actor.account,
        &offer,
        task.person,
        format!("task:{}", Uuid::now_v7()),
        task.description.to_owned(),
        task.day,
        pay,
    )
    .await?;
    id.ok_or(PaymentError::Corrupt)
}

/// Owes `pay` for involvement in the offer's engagement, in the person's chosen form.
#[allow(clippy::too_many_arguments)]
async fn owe(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    recorded_by: Option<Uuid>,
    offer: &offers::Offer,
    person: Uuid,
    key: String,
    description: String,
    earned_on: Date,
    pay: offers::TimePayment,
) -> Result<Option<Uuid>, PaymentError> {
    make_due(
        ex,
        keys,
        recorded_by,
        &Involvement {
            organisation: offer.organisation,
            engagement: Some(offer.engagement),
            person,
            key,
            description,
            earned_on,
            offered: pay.offered,
            rate_name: pay.rate_name,
        },
    )
    .await
}

/// Someone marked as attending by mistake: the payment made due for it goes, while it is still
/// due (one already approved stays, for finance to deal with). Whether one went.
pub async fn not_attended(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    event: Uuid,
    person: Uuid,
) -> Result<bool, PaymentError> {
    let key = format!("event:{event}:{person}");
    let Some(id) = storage::withdraw_due(ex, &key).await? else {
        return Ok(false);
    };
    record(
        ex,
        actor.account,
        actor.organisation,
        Action::PaymentWithdrawn,
        "payment",
        id,
        json!({ "involvement": key }),
    )
    .await?;
    Ok(true)
}
