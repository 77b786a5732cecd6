//! Changes to a working group that are not the computation, the draw or the invitations (those are
//! `run::start`, `run::draw` and `run::invite`): each a command that writes and audits in the
//! caller's transaction.

use uuid::Uuid;

use super::quotas::Quotas;
use super::storage::{self, NewSelection};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::security::field_crypto::{KeyRing, ResealError};

#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Starts choosing a working group from a panel. Returns its id.
pub async fn create(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    new: NewSelection<'_>,
) -> Result<Uuid, CreateError> {
    let (organisation, panel, panel_size, rotation, rotation_months) = (
        new.organisation,
        new.panel,
        new.panel_size,
        new.rotation,
        new.rotation_months,
    );
    let id = storage::create(ex, new).await?;
    audit::record(
        ex,
        Entry::new(Action::SelectionCreated, "selection", id)
            .by(actor)
            .in_organisation(organisation)
            .with(serde_json::json!({
                "panel": panel,
                "panel_size": panel_size,
                "rotation": rotation,
                "rotation_months": rotation_months,
            })),
    )
    .await?;
    Ok(id)
}

#[derive(Debug, thiserror::Error)]
pub enum QuotasError {
    /// The draw has happened: the quotas it used stay as they were.
    #[error("the working group has been drawn")]
    AlreadyDrawn,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Saves a working group's quotas.
pub async fn save_quotas(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    selection: &storage::SelectionRow,
    quotas: &Quotas,
) -> Result<(), QuotasError> {
    if !storage::set_quotas(ex, selection.id, &quotas.to_json()).await? {
        return Err(QuotasError::AlreadyDrawn);
    }
    audit::record(
        ex,
        Entry::new(Action::SelectionQuotasSaved, "selection", selection.id)
            .by(actor)
            .in_organisation(selection.organisation_id)
            .with(serde_json::json!({
                "features": quotas.features.iter().map(|f| f.feature.as_str()).collect::<Vec<_>>(),
            })),
    )
    .await?;
    Ok(())
}

/// Seals the pool snapshots that computations keep (they hold monitoring answers) again where they
/// are not under the active key; how many it changed.
pub async fn reseal_snapshots(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (run, sealed) in storage::all_problems(ex).await? {
        let what = || format!("pool snapshot stored for working group computation {run}");
        if let Some(new) = keys.resealed(&sealed, super::run::problem_field(run), what)? {
            storage::replace_problem(ex, run, &new).await?;
            resealed += 1;
        }
    }
    Ok(resealed)
}
