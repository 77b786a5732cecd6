//! Panels and who is on them: an organisation's panels, the partners they share with, the public
//! pages, and the rules by which a person's membership of a panel moves.

pub mod membership;
pub mod pages;
mod storage;

pub use storage::{PanelRow, PartnerRow, find_panel, open_panels, panels_of, partners_of};

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::{add_partner, create_panel};
}

pub(crate) use pages::routes;
