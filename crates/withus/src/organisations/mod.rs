//! Organisations (DPOs, councils, NHS bodies…), their members and invitations to join them.

pub mod address;
pub mod audit_log;
pub mod commands;
pub mod domain;
pub mod fixtures;
pub mod invitations;
pub mod pages;
mod storage;

// The organisations other capabilities may read.
pub use storage::{OrganisationRow, find, find_by_name, list};
