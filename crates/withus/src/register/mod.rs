//! The panel register: panels of people with lived experience, how they join, what they consent to,
//! what they tell us about themselves and their access needs, and their rights over it all.

pub mod domain;
pub mod panels;
pub mod people_export;
pub mod people_list;
pub mod profile;
pub mod questions;
pub mod search;
pub mod storage;
pub mod visibility;

use crate::routes::Route;

/// The register's routes, each with its access rule.
pub(crate) fn routes() -> Vec<Route> {
    [panels::routes(), people_list::routes()]
        .into_iter()
        .flatten()
        .collect()
}
