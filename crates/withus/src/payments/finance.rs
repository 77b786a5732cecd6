//! The finance officer's pages: payments due with the benefits check, approving a batch (and the
//! second approval above the threshold), one payment with the person's choice changed on their
//! behalf, payment runs with their files, and paid or failed payments.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header;
use axum::response::IntoResponse;
use uuid::Uuid;

use super::commands::{self, Approved, Chooser, Chosen, MadeRun, PaymentError, RunFile};
use super::domain::{PaymentStatus, parse_choice};
use super::money::Pence;
use super::run::WORKING_DAYS_NOTICE;
use super::storage::{self, BatchRow, PaymentRow, RunRow};
use super::views::{self, CheckView, Line, Tag, check_view, limit_text, line};
use crate::access_plan::working_days::working_days_after;
use crate::db::Ex;
use crate::engagements::domain::{date_parts, parse_date};
use crate::engagements::views::{date_input, format_day, today};
use crate::identity::StaffActor;
use crate::state::AppState;
use crate::web::components::DateInput;
use crate::web::forms::{Choice as FormChoice, FormErrors, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

fn actor(page: &Page, org_id: Uuid) -> StaffActor {
    StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

fn home(org_id: Uuid) -> String {
    format!("/organisations/{org_id}/payments")
}

async fn name_of(ex: &mut Ex<'_>, person: Uuid) -> Result<String, sqlx::Error> {
    Ok(crate::register::find_person(ex, person)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default())
}

impl From<PaymentError> for AppError {
    fn from(error: PaymentError) -> Self {
        match error {
            PaymentError::NotFound => AppError::NotFound,
            PaymentError::Database(e) => AppError::from(e),
            other => AppError::Unexpected(anyhow::anyhow!(other.to_string())),
        }
    }
}

// --- Payments due ---------------------------------------------------------------------------------

pub struct DueLine {
    pub line: Line,
    pub check: CheckView,
    pub chosen: bool,
    pub reason: String,
    pub reason_field: String,
    pub link: String,
}

pub struct BatchLine {
    pub id: Uuid,
    pub total: String,
    pub payments: usize,
    pub first_approver: String,
    pub when: String,
    pub yours: bool,
}

pub struct RunLine {
    pub link: String,
    pub name: String,
    pub processing: String,
    pub total: String,
    pub paid: String,
}

#[derive(Template)]
#[template(path = "payments/templates/finance.html")]
struct FinancePage {
    page: Page,
    base: String,
    batch: Uuid,
    due: Vec<DueLine>,
    awaiting: Vec<BatchLine>,
    approved: Vec<Line>,
    approved_total: String,
    failed: Vec<Line>,
    runs: Vec<RunLine>,
    threshold: String,
    no_settings: bool,
    /// Engagements overspent, or that would be if the payments due were approved.
    budget_warnings: Vec<String>,
}

async fn finance_page(
    state: &AppState,
    costs: super::spend::AccessCosts,
    page: Page,
    org_id: Uuid,
    chosen: &[Chosen],
) -> Result<FinancePage, AppError> {
    let locale = page.locale();
    let budget_warnings = super::spend::warnings(state, costs, org_id, locale).await?;
    let me = page.ctx.actor();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let settings = super::offers::settings_of(&mut ex, org_id).await?;
    let mut due = Vec::new();
    for row in storage::of_organisation(&mut ex, org_id, &[PaymentStatus::Due]).await? {
        let assessment = commands::assess(&mut ex, &state.keys, &row).await?;
        let picked = chosen.iter().find(|c| c.payment == row.id);
        due.push(DueLine {
            line: line(locale, &row, name_of(&mut ex, row.person_id).await?),
            check: check_view(locale, &assessment),
            chosen: picked.is_some(),
            reason: picked
                .map(|c| c.override_reason.clone())
                .unwrap_or_default(),
            reason_field: format!("reason-{}", row.id),
            link: format!("{}/{}", home(org_id), row.id),
        });
    }
    let mut awaiting = Vec::new();
    for batch in storage::batches_awaiting(&mut ex, org_id).await? {
        awaiting.push(batch_line(&mut ex, locale, &batch, me).await?);
    }
    let approved_rows =
        storage::of_organisation(&mut ex, org_id, &[PaymentStatus::Approved]).await?;
    let mut approved = Vec::new();
    let mut approved_total = Pence::ZERO;
    for row in &approved_rows {
        let choice = commands::choice_of(row)?;
        let offered = commands::offered_of(row)?;
        approved_total = approved_total
            .checked_add(
                choice
                    .paid_to_person(offered)
                    .max(choice.paid_to_charity(offered)),
            )
            .unwrap_or(approved_total);
        approved.push(line(locale, row, name_of(&mut ex, row.person_id).await?));
    }
    let mut failed = Vec::new();
    for row in storage::of_organisation(&mut ex, org_id, &[PaymentStatus::Failed]).await? {
        failed.push(line(locale, &row, name_of(&mut ex, row.person_id).await?));
    }
    let runs = storage::runs_of(&mut ex, org_id)
        .await?
        .iter()
        .map(|r| run_line(locale, org_id, r))
        .collect();
    Ok(FinancePage {
        base: home(org_id),
        batch: Uuid::now_v7(),
        due,
        awaiting,
        approved,
        approved_total: approved_total.to_string(),
        failed,
        runs,
        threshold: settings
            .as_ref()
            .map(|s| s.two_person_threshold.to_string())
            .unwrap_or_default(),
        no_settings: settings.is_none(),
        budget_warnings,
        page,
    })
}

async fn batch_line(
    ex: &mut Ex<'_>,
    locale: crate::i18n::Locale,
    batch: &BatchRow,
    me: Option<Uuid>,
) -> Result<BatchLine, AppError> {
    let first = crate::accounts::commands::find(ex, batch.first_approver)
        .await?
        .map(|a| a.display_name)
        .unwrap_or_default();
    Ok(BatchLine {
        id: batch.id,
        total: Pence::new(batch.total_pence)
            .unwrap_or(Pence::ZERO)
            .to_string(),
        payments: storage::in_batch(ex, batch.id).await?.len(),
        first_approver: first,
        when: crate::web::dates::format_date(batch.first_approved_at, locale),
        yours: me == Some(batch.first_approver),
    })
}

fn run_line(locale: crate::i18n::Locale, org_id: Uuid, run: &RunRow) -> RunLine {
    RunLine {
        link: format!("{}/runs/{}", home(org_id), run.id),
        name: locale.t_args(
            "payment-run-name",
            &[("number", crate::i18n::Arg::from(i64::from(run.number)))],
        ),
        processing: format_day(run.processing_date, locale),
        total: Pence::new(run.total_pence)
            .unwrap_or(Pence::ZERO)
            .to_string(),
        paid: views::day(run.paid_on, locale),
    }
}

pub async fn show(
    State(state): State<AppState>,
    Extension(costs): Extension<super::spend::AccessCosts>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    render(finance_page(&state, costs, page, org_id, &[]).await?)
}

/// Approves the payments ticked, as one batch.
pub async fn approve(
    State(state): State<AppState>,
    Extension(costs): Extension<super::spend::AccessCosts>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    // A form without its batch token was not made by the payments page: nothing is chosen.
    let batch = Uuid::parse_str(&one_of(&form, "batch")).unwrap_or_else(|_| Uuid::now_v7());
    let mut chosen = Vec::new();
    for id in all_of(&form, "payment") {
        let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
        chosen.push(Chosen {
            payment: id,
            override_reason: one_of(&form, &format!("reason-{id}"))
                .chars()
                .take(1000)
                .collect(),
        });
    }
    let mut tx = state.db.begin().await?;
    let outcome =
        commands::approve(&mut tx.ex(), &state, actor(&page, org_id), batch, &chosen).await;
    let problems = match outcome {
        Ok(done) => {
            tx.commit().await?;
            let flash = match done {
                Approved::Approved => "payment-flash-approved",
                Approved::AwaitingSecond => "payment-flash-awaiting-second",
                Approved::AlreadyDone => "payment-flash-already-approved",
            };
            return Ok(see_other_with_flash(&state, &home(org_id), flash));
        }
        Err(PaymentError::NothingChosen) => {
            vec![Problem::new("payment", "payment-error-nothing-chosen")]
        }
        Err(PaymentError::NoSettings) => vec![Problem::new("payment", "payment-error-no-settings")],
        Err(PaymentError::NotDue) => vec![Problem::new("payment", "payment-error-not-due")],
        Err(PaymentError::Blocked(blocked)) => {
            drop(tx);
            let mut errors = FormErrors::default();
            let locale = page.locale();
            let mut conn = state.db.acquire().await?;
            for b in &blocked {
                let name = name_of(&mut conn.ex(), b.person).await?;
                let mut message = page.t_args(
                    "payment-error-blocked",
                    &[
                        ("name", name.into()),
                        ("over_by", b.blocked.over_by.to_string().into()),
                    ],
                );
                for s in &b.blocked.suggestions {
                    message.push(' ');
                    message.push_str(&views::suggestion_text(locale, *s));
                }
                errors.add(&format!("reason-{}", b.payment), message);
            }
            drop(conn);
            let page = page.with_errors(errors);
            return render_invalid(finance_page(&state, costs, page, org_id, &chosen).await?);
        }
        Err(other) => return Err(other.into()),
    };
    drop(tx);
    let page = page.with_problems(&problems);
    render_invalid(finance_page(&state, costs, page, org_id, &chosen).await?)
}

/// The second approval of a batch over the threshold.
pub async fn approve_second(
    State(state): State<AppState>,
    Extension(costs): Extension<super::spend::AccessCosts>,
    Ids((org_id, batch)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    match commands::approve_second(&mut tx.ex(), &state, actor(&page, org_id), batch).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &home(org_id),
                "payment-flash-approved",
            ))
        }
        Err(PaymentError::SameApprover) => {
            drop(tx);
            let page =
                page.with_problems(&[Problem::new("payment", "payment-error-same-approver")]);
            let mut template = finance_page(&state, costs, page, org_id, &[]).await?;
            template.page.errors = std::mem::take(&mut template.page.errors);
            crate::web::page::render_status(axum::http::StatusCode::CONFLICT, template)
        }
        Err(PaymentError::NotAwaiting) => Ok(see_other_with_flash(
            &state,
            &home(org_id),
            "payment-flash-already-approved",
        )),
        Err(other) => Err(other.into()),
    }
}

// --- One payment ----------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/templates/payment.html")]
struct PaymentPage {
    page: Page,
    back: String,
    action: String,
    line: Line,
    check: CheckView,
    rate_name: String,
    override_reason: String,
    bank: String,
    limit: String,
    choices: Vec<FormChoice>,
    less: String,
    charity: String,
    failed_action: String,
    reissue_action: String,
    can_fail: bool,
    can_reissue: bool,
}

async fn payment_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    row: &PaymentRow,
    form: Option<(String, String, String)>,
) -> Result<PaymentPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let assessment = commands::assess(&mut ex, &state.keys, row).await?;
    let bank = commands::bank_details(&mut ex, &state.keys, row.person_id)
        .await?
        .map(|b| format!("{} – {}", b.account_name, b.masked()))
        .unwrap_or_else(|| page.t("payment-bank-none"));
    let limit = commands::declared_limit(&mut ex, &state.keys, row.person_id)
        .await?
        .map(|l| limit_text(locale, &l))
        .unwrap_or_else(|| page.t("payment-limit-none"));
    let choice = commands::choice_of(row)?;
    let (kind, less, charity) = form.unwrap_or_else(|| {
        (
            choice.kind().as_str().to_owned(),
            choice
                .less_pence()
                .map(|p| Pence::new(p).unwrap_or(Pence::ZERO).plain())
                .unwrap_or_default(),
            choice.charity_name().to_owned(),
        )
    });
    Ok(PaymentPage {
        back: home(org_id),
        action: format!("{}/{}/choice", home(org_id), row.id),
        failed_action: format!("{}/{}/failed", home(org_id), row.id),
        reissue_action: format!("{}/{}/reissue", home(org_id), row.id),
        can_fail: matches!(row.status, PaymentStatus::InRun | PaymentStatus::Paid),
        can_reissue: row.status == PaymentStatus::Failed,
        line: line(locale, row, name_of(&mut ex, row.person_id).await?),
        check: check_view(locale, &assessment),
        rate_name: row.rate_name.clone(),
        override_reason: row.override_reason.clone(),
        bank,
        limit,
        choices: choice_choices(locale, &kind),
        less,
        charity,
        page,
    })
}

pub fn choice_choices(locale: crate::i18n::Locale, chosen: &str) -> Vec<FormChoice> {
    super::domain::ChoiceKind::ALL
        .iter()
        .map(|k| {
            FormChoice::new(k.as_str(), locale.t(&k.message_key()), k.as_str() == chosen)
                .with_hint(locale.t(&format!("{}-hint", k.message_key())))
        })
        .collect()
}

async fn own_payment(state: &AppState, org_id: Uuid, id: Uuid) -> Result<PaymentRow, AppError> {
    let mut conn = state.db.acquire().await?;
    storage::find(&mut conn.ex(), id)
        .await?
        .filter(|r| r.organisation_id == org_id)
        .ok_or(AppError::NotFound)
}

pub async fn payment(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let row = own_payment(&state, org_id, id).await?;
    render(payment_page(&state, page, org_id, &row, None).await?)
}

/// Changes the choice for the person, who asked by phone, letter or in person.
pub async fn choose(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let row = own_payment(&state, org_id, id).await?;
    let form = pairs(&body);
    let (kind, less, charity) = (
        one_of(&form, "choice"),
        one_of(&form, "less"),
        one_of(&form, "charity"),
    );
    let offered = commands::offered_of(&row)?;
    let choice = match parse_choice(&kind, &less, &charity, offered) {
        Ok(choice) => choice,
        Err(e) => {
            let page = page.with_problems(&[Problem::new(e.field(), e.message_key())]);
            return render_invalid(
                payment_page(&state, page, org_id, &row, Some((kind, less, charity))).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::choose(
        &mut tx.ex(),
        Chooser::Finance(actor(&page, org_id)),
        id,
        &choice,
    )
    .await
    {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("{}/{id}", home(org_id)),
                "payment-flash-choice",
            ))
        }
        Err(PaymentError::NotDue) => {
            drop(tx);
            let page = page.with_problems(&[Problem::new("choice", "payment-error-not-due")]);
            render_invalid(
                payment_page(&state, page, org_id, &row, Some((kind, less, charity))).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}

pub async fn failed(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    let flash = match commands::mark_failed(&mut tx.ex(), actor(&page, org_id), id).await {
        Ok(()) => "payment-flash-failed",
        Err(PaymentError::NotInRun) => "notice-payment-not-in-run",
        Err(other) => return Err(other.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{id}", home(org_id)),
        flash,
    ))
}

pub async fn reissue(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    match commands::reissue(&mut tx.ex(), actor(&page, org_id), id).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &home(org_id),
                "payment-flash-reissued",
            ))
        }
        Err(PaymentError::NotFailed) => Ok(see_other_with_flash(
            &state,
            &home(org_id),
            "payment-flash-reissued",
        )),
        Err(other) => Err(other.into()),
    }
}

// --- Payment runs ---------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/templates/run_new.html")]
struct NewRunPage {
    page: Page,
    back: String,
    action: String,
    date: DateInput,
    earliest: String,
    approved: usize,
}

async fn new_run_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    values: [String; 3],
) -> Result<NewRunPage, AppError> {
    let locale = page.locale();
    let earliest = working_days_after(today(), WORKING_DAYS_NOTICE);
    let mut conn = state.db.acquire().await?;
    let approved = storage::of_organisation(&mut conn.ex(), org_id, &[PaymentStatus::Approved])
        .await?
        .len();
    Ok(NewRunPage {
        back: home(org_id),
        action: format!("{}/runs/new", home(org_id)),
        date: date_input(
            locale,
            &page.errors,
            "processing",
            page.t("payment-run-date"),
            values,
        ),
        earliest: format_day(earliest, locale),
        approved,
        page,
    })
}

pub async fn new_run(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let earliest = working_days_after(today(), WORKING_DAYS_NOTICE);
    render(new_run_page(&state, page, org_id, date_parts(earliest)).await?)
}

pub async fn make_run(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let values = [
        one_of(&form, "processing-day"),
        one_of(&form, "processing-month"),
        one_of(&form, "processing-year"),
    ];
    let Some(date) = parse_date(&values) else {
        let page = page.with_problems(&[Problem::new("processing-day", "payment-run-error-date")]);
        return render_invalid(new_run_page(&state, page, org_id, values).await?);
    };
    let mut tx = state.db.begin().await?;
    match commands::make_run(&mut tx.ex(), &state, actor(&page, org_id), date, today()).await {
        Ok(MadeRun {
            id,
            waiting_for_bank_details,
            ..
        }) => {
            tx.commit().await?;
            let flash = if waiting_for_bank_details.is_empty() {
                "payment-flash-run-made"
            } else {
                "notice-payment-run-waiting-bank-details"
            };
            Ok(see_other_with_flash(
                &state,
                &format!("{}/runs/{id}", home(org_id)),
                flash,
            ))
        }
        Err(PaymentError::Run(problems)) => {
            drop(tx);
            // Every rule broken, in one message at the date: most are about the date, and the rest
            // name the person whose details need correcting.
            let mut errors = FormErrors::default();
            let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
            errors.add("processing-day", all.join(". "));
            render_invalid(new_run_page(&state, page.with_errors(errors), org_id, values).await?)
        }
        Err(PaymentError::NoSettings) => {
            drop(tx);
            let page =
                page.with_problems(&[Problem::new("processing-day", "payment-error-no-settings")]);
            render_invalid(new_run_page(&state, page, org_id, values).await?)
        }
        Err(other) => Err(other.into()),
    }
}

pub struct RunPayee {
    pub link: String,
    pub person: String,
    pub what: String,
    pub how: String,
    pub amount: String,
    pub status: Tag,
}

#[derive(Template)]
#[template(path = "payments/templates/run.html")]
struct RunPage {
    page: Page,
    back: String,
    run: RunLine,
    base: String,
    payees: Vec<RunPayee>,
    has_bank_file: bool,
    paid: bool,
    paid_date: DateInput,
}

async fn run_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    run: Uuid,
    values: [String; 3],
) -> Result<RunPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let row = storage::find_run(&mut ex, run)
        .await?
        .filter(|r| r.organisation_id == org_id)
        .ok_or(AppError::NotFound)?;
    let mut payees = Vec::new();
    for p in storage::in_run(&mut ex, run).await? {
        let l = line(locale, &p, name_of(&mut ex, p.person_id).await?);
        payees.push(RunPayee {
            link: format!("{}/{}", home(org_id), p.id),
            person: l.person,
            what: l.what,
            how: l.choice,
            amount: l.amount,
            status: l.status,
        });
    }
    Ok(RunPage {
        back: home(org_id),
        base: format!("{}/runs/{run}", home(org_id)),
        has_bank_file: row.sealed_bacs.is_some(),
        paid: row.paid_on.is_some(),
        paid_date: date_input(
            locale,
            &page.errors,
            "paid",
            page.t("payment-run-paid-date"),
            values,
        ),
        run: run_line(locale, org_id, &row),
        payees,
        page,
    })
}

pub async fn run(
    State(state): State<AppState>,
    Ids((org_id, run)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    render(run_page(&state, page, org_id, run, date_parts(today())).await?)
}

pub async fn run_paid(
    State(state): State<AppState>,
    Ids((org_id, run)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let values = [
        one_of(&form, "paid-day"),
        one_of(&form, "paid-month"),
        one_of(&form, "paid-year"),
    ];
    let Some(day) = parse_date(&values).filter(|d| *d <= today()) else {
        let page = page.with_problems(&[Problem::new("paid-day", "payment-run-error-paid-date")]);
        return render_invalid(run_page(&state, page, org_id, run, values).await?);
    };
    let mut tx = state.db.begin().await?;
    match commands::mark_paid(&mut tx.ex(), &state, actor(&page, org_id), run, day).await {
        Ok(()) | Err(PaymentError::AlreadyPaid) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("{}/runs/{run}", home(org_id)),
                "payment-flash-run-paid",
            ))
        }
        Err(other) => Err(other.into()),
    }
}

async fn run_file(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    run: Uuid,
    which: RunFile,
) -> Result<String, AppError> {
    // Recording who took a copy of bank details is the one write a download makes.
    let mut tx = state.db.begin().await?;
    let text = commands::run_file(&mut tx.ex(), &state.keys, actor(page, org_id), run, which)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    Ok(text)
}

pub async fn bacs_file(
    State(state): State<AppState>,
    Ids((org_id, run)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let text = run_file(&state, &page, org_id, run, RunFile::Bacs).await?;
    // Bacs files are plain ASCII: every character the writer puts in one is.
    Ok(download(
        text,
        "text/plain; charset=us-ascii",
        &format!("bacs-{run}.txt"),
    ))
}

pub async fn bank_csv(
    State(state): State<AppState>,
    Ids((org_id, run)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let text = run_file(&state, &page, org_id, run, RunFile::BankCsv).await?;
    Ok(download(
        text,
        "text/csv; charset=utf-8",
        &format!("bank-{run}.csv"),
    ))
}

/// Vouchers, charities and payroll: the run's payments that are not bank transfers, for the
/// people who buy the vouchers, pay the charities or run the payroll.
pub async fn other_list(
    State(state): State<AppState>,
    Ids((org_id, run)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let locale = page.locale();
    // Names and amounts are personal data: who took a copy is recorded, as for the bank files.
    let mut tx = state.db.begin().await?;
    commands::record_list_download(&mut tx.ex(), actor(&page, org_id), run).await?;
    tx.commit().await?;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let settings = super::offers::settings_of(&mut ex, org_id).await?;
    let payroll = settings
        .as_ref()
        .is_some_and(|s| s.pays_through == super::offers::domain::PaysThrough::Payroll);
    let mut out = String::from("person,for,day,how,amount,charity\r\n");
    for p in storage::in_run(&mut ex, run).await? {
        let choice = commands::choice_of(&p)?;
        let offered = commands::offered_of(&p)?;
        let by_bank = matches!(
            choice,
            super::domain::Choice::BankTransfer | super::domain::Choice::Less(_)
        ) && !payroll;
        if by_bank {
            continue;
        }
        let how = if payroll
            && matches!(
                choice,
                super::domain::Choice::BankTransfer | super::domain::Choice::Less(_)
            ) {
            locale.t("payment-how-payroll")
        } else {
            locale.t(&choice.kind().message_key())
        };
        let amount = choice
            .paid_to_person(offered)
            .max(choice.paid_to_charity(offered));
        let cells = [
            name_of(&mut ex, p.person_id).await?,
            p.description.clone(),
            p.earned_on.to_string(),
            how,
            amount.plain(),
            choice.charity_name().to_owned(),
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| crate::web::csv::cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    Ok(download(
        out,
        "text/csv; charset=utf-8",
        &format!("vouchers-charities-payroll-{run}.csv"),
    ))
}

fn download(body: String, content_type: &'static str, name: &str) -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename={name}"),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}
