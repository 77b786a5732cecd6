//! Panels and who is on them: an organisation's panels, the partners they share with, the public
//! pages, and the rules by which a person's membership of a panel moves.

pub mod membership;
pub mod pages;
mod storage;

pub use storage::{
    ChoosableRow, PanelRow, PartnerRow, find_panel, open_panels, panels_of, partners_of,
};

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::{add_partner, create_panel};
}

pub(crate) use pages::routes;

use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;

/// A panel as staff describe it on the "new panel" form.
#[derive(Debug, Clone)]
pub struct NewPanel<'a> {
    pub organisation: Uuid,
    pub name: &'a str,
    pub description: &'a str,
    pub open_to_sign_up: bool,
    /// Partner organisations to share with; ids of no organisation are left out.
    pub partners: &'a [Uuid],
}

/// Why a panel was not created.
#[derive(Debug, thiserror::Error)]
pub enum CreatePanelError {
    #[error("the organisation already has a panel with this name")]
    NameTaken,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Creates a panel with its partners and audits it, in the caller's transaction.
pub async fn create(
    ex: &mut Ex<'_>,
    by: Option<Uuid>,
    panel: NewPanel<'_>,
) -> Result<Uuid, CreatePanelError> {
    let existing = storage::panels_of(ex, panel.organisation).await?;
    if existing
        .iter()
        .any(|p| p.name.eq_ignore_ascii_case(panel.name))
    {
        return Err(CreatePanelError::NameTaken);
    }
    let id = storage::create_panel(
        ex,
        panel.organisation,
        panel.name,
        panel.description,
        panel.open_to_sign_up,
    )
    .await?;
    for partner in panel.partners {
        if crate::organisations::find(ex, *partner).await?.is_some() {
            storage::add_partner(ex, id, *partner).await?;
        }
    }
    audit::record(
        ex,
        Entry::new(Action::PanelCreated, "panel", id)
            .by(by)
            .in_organisation(panel.organisation)
            .with(serde_json::json!({
                "open_to_sign_up": panel.open_to_sign_up,
                "partners": panel.partners,
            })),
    )
    .await?;
    Ok(id)
}

/// How many people are on the panel in each status.
pub async fn count_by_status(
    ex: &mut Ex<'_>,
    panel: Uuid,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    storage::count_by_status(ex, panel).await
}

/// How many people can be chosen from the panel (active members consenting to it, not erased),
/// without opening anyone's answers.
pub async fn count_choosable(ex: &mut Ex<'_>, panel: Uuid) -> Result<i64, sqlx::Error> {
    storage::count_choosable(ex, panel).await
}

/// Whether this person can (still) be chosen from the panel.
pub async fn is_choosable(ex: &mut Ex<'_>, panel: Uuid, person: Uuid) -> Result<bool, sqlx::Error> {
    storage::is_choosable(ex, panel, person).await
}

/// Everyone who can be chosen from the panel, sorted by name.
pub async fn choosable(ex: &mut Ex<'_>, panel: Uuid) -> Result<Vec<ChoosableRow>, sqlx::Error> {
    storage::choosable(ex, panel).await
}
