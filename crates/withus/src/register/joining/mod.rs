//! Joining a panel online, one question a page, with nothing stored until the person confirms.

mod answers;
pub mod commands;
pub mod join;

pub(crate) use join::routes;
