//! The person's record: who they are, how to reach them, what they need, what they tell us about
//! themselves, and who may see which part of it. The same editors serve the person and staff acting
//! for them; the people list and its export search the register.

pub mod contents;
pub mod editors;
pub mod people;
pub mod people_export;
pub mod people_list;
pub mod search;
pub mod sharing;
mod storage;
pub mod subject;
pub mod visibility;

pub use storage::{InvolvementRow, involvements_of, record_involvement};

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::{create_follow_up, open_follow_ups};
}
