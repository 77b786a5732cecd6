//! Importing people into a panel from a spreadsheet the organisation already keeps.
//!
//! Four steps, each a page: upload a CSV or Excel file (kept sealed until the import is done), say
//! which column holds which detail, check a row-by-row report of problems, then confirm. Confirming
//! adds every valid row, a chunk per transaction (see `apply`), resuming after an interruption.

pub mod apply;
pub mod commands;
pub(in crate::register) mod storage;
pub use storage::{BatchRow, BatchStatus, BatchSummary};
pub mod expiry;
mod forms;
pub mod mapping;
pub mod parse;
pub mod validate;
pub mod web;

/// The most people one file may hold. Larger lists are split into several files.
pub const MAX_ROWS: usize = 20_000;

/// The most columns a file may have.
pub const MAX_COLUMNS: usize = 100;

/// The largest file the upload page accepts. Only that route gets more than the usual body limit.
pub const UPLOAD_MAX_BYTES: usize = 8 * 1024 * 1024;

pub(crate) use web::routes;
