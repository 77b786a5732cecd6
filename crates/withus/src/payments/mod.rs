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
pub mod domain;
pub mod earnings;
mod finance;
pub mod fixtures;
pub mod money;
pub mod offers;
pub mod rates;
pub mod run;
mod storage;
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
            finance!("/batches/{batch_id}/approve"),
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
