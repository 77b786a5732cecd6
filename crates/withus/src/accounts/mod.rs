//! Accounts: signing in and out, sessions, password reset and the person's own account pages.

pub mod commands;
pub mod domain;
pub mod password_reset;
pub mod profile;
pub mod sign_in;
pub mod storage;
