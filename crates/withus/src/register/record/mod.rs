//! The person's record: who they are, how to reach them, what they need, what they tell us about
//! themselves, and who may see which part of it. The same editors serve the person and staff acting
//! for them; the people list and its export search the register.

pub mod contents;
pub mod editors;
pub mod people;
pub mod people_export;
pub mod people_list;
pub mod search;
pub mod subject;
pub mod visibility;
