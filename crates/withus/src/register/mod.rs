//! The panel register: panels of people with lived experience, how they join, what they consent to,
//! what they tell us about themselves and their access needs, and their rights over it all.
//!
//! Each folder is one part of the register, and they depend on each other in one direction only
//! (the architecture test checks that no two folders import each other, directly or round a loop):
//!
//! - [`consents`]: giving and withdrawing consent, and what a withdrawal does at once;
//! - [`panels`]: panels, their partners and public pages, and the rules of membership;
//! - [`monitoring`]: monitoring questions, benchmarks and the diversity of a panel;
//! - [`record`]: the person's record, its editors, who may see what, the people list;
//! - [`requests`]: "Your data" and the data-rights requests staff track;
//! - [`import`]: adding many people from a spreadsheet;
//! - [`joining`]: joining a panel online.
//!
//! The files here are what every folder shares: the register's vocabulary ([`domain`]), sealing
//! the sensitive parts of a record ([`profile`]), the catalogue of monitoring questions
//! ([`questions`]), the person's own row and panel memberships ([`storage`]), and the problems
//! several forms find in their answers ([`form_checks`]).

pub mod consents;
pub mod contact;
pub mod domain;
pub mod fixtures;
pub mod form_checks;
pub mod import;
pub mod joining;
pub mod monitoring;
pub mod panels;
pub mod profile;
pub mod questions;
pub mod record;
pub mod requests;
pub mod rotation;
mod storage;

// What other capabilities may name of a person's row.
pub use storage::{
    PersonRow, SealedColumn, active_member_of, find_person, on_a_panel_of, on_a_panel_shared_with,
    person_id_of_account,
};

use crate::web::routing::Route;

/// The register's routes, each with its access rule.
pub(crate) fn routes() -> Vec<Route> {
    [
        panels::routes(),
        joining::routes(),
        requests::your_data::routes(),
        record::people::routes(),
        record::people_list::routes(),
        record::unsubscribe::routes(),
        requests::staff::routes(),
        import::routes(),
        monitoring::questions_admin::routes(),
        monitoring::benchmarks::routes(),
        monitoring::diversity::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
