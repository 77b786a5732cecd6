//! The person's rights over their data: "Your data" (see, download, correct, withdraw, ask for
//! erasure) and the data-rights requests staff track against the one-month deadline.

pub mod staff;
pub mod your_data;
