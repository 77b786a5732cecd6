//! Monitoring and diversity: the organisation's monitoring questions and their wording, population
//! benchmarks, and the diversity of a panel in suppressed, rounded counts.

pub mod benchmarks;
pub mod diversity;
pub mod question_changes;
pub mod questions_admin;
mod storage;
pub mod suppression;

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::set as set_benchmark;
}
