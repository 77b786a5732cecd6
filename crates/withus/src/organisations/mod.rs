//! Organisations (DPOs, councils, NHS bodies…), their members and invitations to join them.

pub mod audit_log;
pub mod commands;
pub mod domain;
pub mod invitations;
pub mod pages;
pub mod storage;
