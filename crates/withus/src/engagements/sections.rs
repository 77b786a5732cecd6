//! The parts of an engagement's pages that belong to the capabilities built on engagements: its
//! events (with how far attendees' access needs were met) and its papers. Engagements may not
//! import those capabilities, so the wiring passes in the functions that render these parts, and the
//! engagement pages place the HTML they return.

use std::future::Future;
use std::pin::Pin;

use uuid::Uuid;

use crate::state::AppState;
use crate::web::{AppError, Page};

/// A part of a page being rendered.
pub type Rendering<'a> = Pin<Box<dyn Future<Output = Result<String, AppError>> + Send + 'a>>;

/// Which engagement's staff page, for whom.
#[derive(Debug, Clone, Copy)]
pub struct StaffSection {
    pub org_id: Uuid,
    pub engagement: Uuid,
    /// Whether the reader may add events and papers here.
    pub can_edit: bool,
}

/// The renderers of the parts of an engagement's pages that other capabilities own.
#[derive(Clone, Copy)]
pub struct Sections {
    /// The published papers and events of a published engagement, on its public page.
    pub public: for<'a> fn(&'a AppState, &'a Page, Uuid) -> Rendering<'a>,
    /// The events, the share of needs met and the papers, on the engagement's staff page.
    pub staff: for<'a> fn(&'a AppState, &'a Page, StaffSection) -> Rendering<'a>,
}
