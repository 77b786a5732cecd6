//! The panel register: panels of people with lived experience, how they join, what they consent to,
//! what they tell us about themselves and their access needs, and their rights over it all.

pub mod benchmarks;
pub mod diversity;
pub mod domain;
pub mod panels;
pub mod profile;
pub mod questions;
pub mod questions_admin;
pub mod storage;
pub mod suppression;
pub mod visibility;

use crate::routes::Route;

/// The register's routes, each with its access rule.
pub(crate) fn routes() -> Vec<Route> {
    [
        panels::routes(),
        questions_admin::routes(),
        benchmarks::routes(),
        diversity::routes(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
