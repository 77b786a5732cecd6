//! The changes to engagements and their commitments: create, change, publish or unpublish, choose
//! the participation labels, add or change a commitment, change a commitment's status. Each reads,
//! decides, writes and audits in the caller's transaction, and has its own error.

use serde_json::json;
use uuid::Uuid;

use super::domain::{Commitment, Engagement, LabelScheme, StatusChange};
use super::storage;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;

/// Who is making the change, and for which organisation (the lead or a partner).
pub type Editor = crate::identity::StaffActor;

#[derive(Debug, thiserror::Error)]
pub enum EngagementError {
    #[error("there is no such engagement")]
    NoSuchEngagement,
    #[error("there is no such commitment on this engagement")]
    NoSuchCommitment,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<EngagementError> for crate::web::AppError {
    fn from(error: EngagementError) -> Self {
        match error {
            EngagementError::Database(error) => error.into(),
            _ => crate::web::AppError::NotFound,
        }
    }
}

fn partners_json(partners: &[(Uuid, bool)]) -> serde_json::Value {
    partners
        .iter()
        .map(|(id, equal)| json!({ "organisation": id, "equal_rights": equal }))
        .collect()
}

/// Creates an engagement led by the editor's organisation, with its partners (organisation, equal
/// rights). The new engagement's id.
pub async fn create(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: &Engagement,
    partners: &[(Uuid, bool)],
) -> Result<Uuid, EngagementError> {
    let id = storage::create(ex, by.organisation, engagement).await?;
    storage::set_partners(ex, id, partners).await?;
    audit::record(
        ex,
        Entry::new(Action::EngagementCreated, "engagement", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "rung": engagement.rung.as_str(),
                "partners": partners_json(partners),
            })),
    )
    .await?;
    Ok(id)
}

/// Changes an engagement and its partners.
pub async fn change(
    ex: &mut Ex<'_>,
    by: Editor,
    id: Uuid,
    engagement: &Engagement,
    partners: &[(Uuid, bool)],
) -> Result<(), EngagementError> {
    let before = storage::find(ex, id)
        .await?
        .ok_or(EngagementError::NoSuchEngagement)?;
    storage::update(ex, id, engagement).await?;
    storage::set_partners(ex, id, partners).await?;
    audit::record(
        ex,
        Entry::new(Action::EngagementUpdated, "engagement", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "lead": before.organisation_id,
                "rung": engagement.rung.as_str(),
                "rung_before": before.rung,
                "partners": partners_json(partners),
            })),
    )
    .await?;
    Ok(())
}

/// Publishes or unpublishes an engagement.
pub async fn set_published(
    ex: &mut Ex<'_>,
    by: Editor,
    id: Uuid,
    published: bool,
) -> Result<(), EngagementError> {
    storage::set_published(ex, id, published).await?;
    audit::record(
        ex,
        Entry::new(
            if published {
                Action::EngagementPublished
            } else {
                Action::EngagementUnpublished
            },
            "engagement",
            id,
        )
        .by(by.account)
        .in_organisation(by.organisation),
    )
    .await?;
    Ok(())
}

/// Chooses the participation labels the editor's organisation shows.
pub async fn choose_labels(
    ex: &mut Ex<'_>,
    by: Editor,
    scheme: LabelScheme,
) -> Result<(), EngagementError> {
    storage::set_label_scheme(ex, by.organisation, scheme).await?;
    audit::record(
        ex,
        Entry::new(
            Action::EngagementLabelsChosen,
            "organisation",
            by.organisation,
        )
        .by(by.account)
        .in_organisation(by.organisation)
        .with(json!({ "scheme": scheme.as_str() })),
    )
    .await?;
    Ok(())
}

/// Adds a commitment to an engagement. The new commitment's id.
pub async fn add_commitment(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    commitment: &Commitment,
) -> Result<Uuid, EngagementError> {
    let id = storage::add_commitment(ex, engagement, commitment, by.account).await?;
    audit::record(
        ex,
        Entry::new(Action::CommitmentAdded, "commitment", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "engagement": engagement,
                "due_on": commitment.due_on.to_string(),
            })),
    )
    .await?;
    Ok(id)
}

/// Changes what a commitment says, who owns it and when it is due.
pub async fn change_commitment(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    id: Uuid,
    commitment: &Commitment,
) -> Result<(), EngagementError> {
    let row = storage::find_commitment(ex, engagement, id)
        .await?
        .ok_or(EngagementError::NoSuchCommitment)?;
    storage::update_commitment(ex, row.id, commitment).await?;
    audit::record(
        ex,
        Entry::new(Action::CommitmentUpdated, "commitment", row.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "engagement": engagement,
                "due_on": commitment.due_on.to_string(),
                "due_on_before": row.due_on.to_string(),
            })),
    )
    .await?;
    Ok(())
}

/// Records a commitment's new status, with its evidence and explanation.
pub async fn change_status(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    id: Uuid,
    change: &StatusChange,
) -> Result<(), EngagementError> {
    let row = storage::find_commitment(ex, engagement, id)
        .await?
        .ok_or(EngagementError::NoSuchCommitment)?;
    storage::change_status(ex, row.id, change, by.account).await?;
    audit::record(
        ex,
        Entry::new(Action::CommitmentStatusChanged, "commitment", row.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "engagement": engagement,
                "from": row.status,
                "to": change.status.as_str(),
                "due_on": row.due_on.to_string(),
            })),
    )
    .await?;
    Ok(())
}
