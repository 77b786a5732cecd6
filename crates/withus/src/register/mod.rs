//! The panel register: panels of people with lived experience, how they join, what they consent to,
//! what they tell us about themselves and their access needs, and their rights over it all.

pub mod benchmarks;
pub mod consents;
pub mod contact;
pub mod diversity;
pub mod domain;
pub mod editors;
pub mod import;
pub mod join;
pub mod membership;
pub mod panels;
pub mod people;
pub mod people_export;
pub mod people_list;
pub mod profile;
pub mod questions;
pub mod questions_admin;
pub mod record;
pub mod requests;
pub mod search;
pub mod storage;
pub mod subject;
pub mod suppression;
pub mod visibility;
pub mod your_data;

use crate::web::routing::Route;

/// The register's routes, each with its access rule.
pub(crate) fn routes() -> Vec<Route> {
    [
        panels::routes(),
        join::routes(),
        your_data::routes(),
        people::routes(),
        people_list::routes(),
        requests::routes(),
        import::routes(),
        questions_admin::routes(),
        benchmarks::routes(),
        diversity::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
