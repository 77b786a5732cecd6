//! Panels and who is on them: an organisation's panels, the partners they share with, the public
//! pages, and the rules by which a person's membership of a panel moves.

pub mod membership;
pub mod pages;

pub(crate) use pages::routes;
