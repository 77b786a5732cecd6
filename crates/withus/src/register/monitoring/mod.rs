//! Monitoring and diversity: the organisation's monitoring questions and their wording, population
//! benchmarks, and the diversity of a panel in suppressed, rounded counts.

pub mod benchmarks;
pub mod diversity;
pub mod questions_admin;
pub mod suppression;
