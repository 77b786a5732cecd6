//! Paying people for their time and expenses without harming their benefits: money in whole pence,
//! rate cards with dates, the check against a person's declared benefit limit, and the files a
//! bank needs for a payment run. Pure logic only; storage and pages build on it.
//!
//! Rates, mileage allowances and benefit limits are data an organisation or person enters, with
//! the dates they apply. No figure is fixed in this module except in its tests.

pub mod bacs;
pub mod bacs_text;
pub mod bank_csv;
pub mod bank_details;
pub mod benefits;
pub mod dated;
pub mod earnings;
pub mod expenses;
pub mod money;
pub mod rates;
pub mod run;
