//! Paying people for their time and expenses without harming their benefits.
//!
//! The pure core: money in whole pence (`money`), rate cards with dates (`rates`, `dated`),
//! earnings kept apart from expenses (`earnings`), the check against a person's declared benefit
//! limit (`benefits`), bank details (`bank_details`), and the checked payment run with its Bacs
//! Standard 18 file and bank CSV (`run`, `bacs`, `bank_csv`).
//!
//! On it: a payment is made due once per piece of involvement in the person's chosen form
//! (`commands::make_due`); finance officers approve in batches, with the benefits check and a
//! second approver above the organisation's threshold; approved payments go into payment runs;
//! people see and choose in "Your payments", with statements as a page and a PDF. Rates,
//! allowances, thresholds and limits are data people enter with their dates; no figure is fixed
//! in this module except in tests.

pub mod bacs;
pub mod bacs_text;
pub mod bank_csv;
pub mod bank_details;
pub mod benefits;
pub mod commands;
pub mod dated;
pub mod demo;
pub mod domain;
pub mod earnings;
pub mod expenses;
mod finance;
pub mod fixtures;
pub mod money;
pub mod offers;
pub mod rates;
pub mod run;
pub mod spend;
mod storage;
mod tasks;
mod views;
mod yours;

use axum::http::Method;
use axum::routing::{get, post};

pub use commands::{Involvement, PaymentError};
pub use storage::PaymentRow;

use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! finance {
        ($suffix:literal) => {
            concat!("/organisations/{org_id}/payments", $suffix)
        };
    }
    let pay = || Organisation(ManagePayments);
    vec![
        route(M::GET, finance!(""), pay(), get(finance::show)),
        route(M::POST, finance!("/approve"), pay(), post(finance::approve)),
        route(
            M::POST,
            finance!("/batches/{payment_batch_id}/approve"),
            pay(),
            post(finance::approve_second),
        ),
        route(M::GET, finance!("/runs/new"), pay(), get(finance::new_run)),
        route(
            M::POST,
            finance!("/runs/new"),
            pay(),
            post(finance::make_run),
        ),
        route(M::GET, finance!("/runs/{run_id}"), pay(), get(finance::run)),
        route(
            M::POST,
            finance!("/runs/{run_id}/paid"),
            pay(),
            post(finance::run_paid),
        ),
        route(
            M::GET,
            finance!("/runs/{run_id}/bacs.txt"),
            pay(),
            get(finance::bacs_file),
        ),
        route(
            M::GET,
            finance!("/runs/{run_id}/bank.csv"),
            pay(),
            get(finance::bank_csv),
        ),
        route(
            M::GET,
            finance!("/runs/{run_id}/other.csv"),
            pay(),
            get(finance::other_list),
        ),
        route(
            M::GET,
            finance!("/{payment_id}"),
            pay(),
            get(finance::payment),
        ),
        route(
            M::POST,
            finance!("/{payment_id}/choice"),
            pay(),
            post(finance::choose),
        ),
        route(
            M::POST,
            finance!("/{payment_id}/failed"),
            pay(),
            post(finance::failed),
        ),
        route(
            M::POST,
            finance!("/{payment_id}/reissue"),
            pay(),
            post(finance::reissue),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements/{engagement_id}/payments/task",
            Organisation(ManageEngagements),
            get(tasks::form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/engagements/{engagement_id}/payments/task",
            Organisation(ManageEngagements),
            post(tasks::submit),
        ),
        route(M::GET, "/your-data/payments", SignedIn, get(yours::yours)),
        route(
            M::GET,
            "/your-data/payments/bank-details",
            SignedIn,
            get(yours::bank_form),
        ),
        route(
            M::POST,
            "/your-data/payments/bank-details",
            SignedIn,
            post(yours::bank_submit),
        ),
        route(
            M::GET,
            "/your-data/payments/benefit-limit",
            SignedIn,
            get(yours::limit_form),
        ),
        route(
            M::POST,
            "/your-data/payments/benefit-limit",
            SignedIn,
            post(yours::limit_submit),
        ),
        route(
            M::GET,
            "/your-data/payments/statement",
            SignedIn,
            get(yours::statement),
        ),
        route(
            M::GET,
            "/your-data/payments/statement.pdf",
            SignedIn,
            get(yours::statement_pdf),
        ),
        route(
            M::GET,
            "/your-data/payments/{payment_id}",
            SignedIn,
            get(yours::payment),
        ),
        route(
            M::POST,
            "/your-data/payments/{payment_id}",
            SignedIn,
            post(yours::choose),
        ),
    ]
}

/// Message keys built from stored values, so the catalogue check knows they are used.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = domain::ChoiceKind::ALL
        .iter()
        .flat_map(|k| [k.message_key(), format!("{}-hint", k.message_key())])
        .collect();
    keys.extend(domain::PaymentStatus::ALL.iter().map(|s| s.message_key()));
    keys.extend(domain::BatchStatus::ALL.iter().map(|s| s.message_key()));
    keys.extend(
        domain::LimitKindCode::ALL
            .iter()
            .flat_map(|k| [k.message_key(), format!("{}-hint", k.message_key())]),
    );
    keys.extend((1..=7).map(|d| format!("payment-weekday-{d}")));
    keys.extend(["weekly", "monthly"].map(|p| format!("payment-limit-period-{p}")));
    keys
}

/// What payments hold about a person, for their data downloads: each payment for their time, how
/// they chose to be paid and where it is; their bank details (masked) and their declared limit.
pub fn held_for(
    state: &crate::state::AppState,
    person: uuid::Uuid,
    locale: crate::i18n::Locale,
) -> crate::register::record::contents::Gathering<'_> {
    Box::pin(async move {
        use crate::register::record::contents::{HeldSection, Line};
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        let mut lines = Vec::new();
        for row in storage::of_person(&mut ex, person).await? {
            let shown = views::line(locale, &row, String::new());
            lines.push(Line {
                label: format!("{} ({})", row.description, shown.on),
                value: format!("{}: {}, {}", shown.choice, shown.amount, shown.status.text),
            });
        }
        if let Ok(Some(bank)) = commands::bank_details(&mut ex, &state.keys, person).await {
            lines.push(Line {
                label: locale.t("payment-bank"),
                value: format!("{} – {}", bank.account_name, bank.masked()),
            });
        }
        if let Ok(Some(limit)) = commands::declared_limit(&mut ex, &state.keys, person).await {
            lines.push(Line {
                label: locale.t("payment-limit"),
                value: views::limit_text(locale, &limit),
            });
        }
        drop(conn);
        let mut sections = if lines.is_empty() {
            Vec::new()
        } else {
            vec![HeldSection {
                title: locale.t("your-payments-title"),
                lines,
            }]
        };
        sections.extend(expenses::held_sections(state, person, locale).await?);
        Ok(sections)
    })
}

/// Erasure: bank details and the declared limit go at once; payment records stay for the period
/// the organisation keeps them (the retention sweep removes them after).
pub async fn forget_person(
    ex: &mut crate::db::Ex<'_>,
    person: uuid::Uuid,
) -> Result<(), sqlx::Error> {
    commands::forget_person(ex, person).await?;
    expenses::forget_person(ex, person).await
}

/// How often the retention sweep looks for payment records past their keeping period.
const RETENTION_EVERY: std::time::Duration = std::time::Duration::from_secs(6 * 60 * 60);

/// The retention sweep: removes payment records of erased people once each organisation's
/// keeping period is over. Runs until shutdown.
pub async fn run(state: crate::state::AppState, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    loop {
        match retention_once(&state.db).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "old payment records removed"),
            Err(error) => tracing::error!(%error, "the payment retention sweep failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(RETENTION_EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// One pass of the retention sweep, in one transaction. How many records went.
pub async fn retention_once(db: &crate::db::Db) -> anyhow::Result<u64> {
    let mut tx = db.begin().await?;
    let removed = commands::retention_sweep(&mut tx.ex(), crate::db::now().date())
        .await
        .map_err(|e| anyhow::anyhow!(e.to_string()))?;
    tx.commit().await?;
    Ok(removed)
}
