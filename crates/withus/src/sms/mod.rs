//! Text messages: an outbox written in the caller's transaction and a worker that hands each
//! message to the configured provider, as email does. A provider is anything that implements
//! [`Provider`]: GOV.UK Notify ([`NotifyProvider`]), or a folder of files for development and tests
//! ([`FileProvider`]).
//! Providers report delivery later: [`record_receipt`] takes their receipt by their message id.

mod notify;
mod provider;
mod storage;
mod worker;

pub use notify::{NotifyKeyError, NotifyProvider};
pub use provider::{FileProvider, Provider};
pub use storage::{SmsRow, claim, enqueue, find, record_receipt};
pub use worker::Worker;
