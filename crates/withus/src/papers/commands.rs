//! The changes to papers: add, change, publish or unpublish, delete. Each reads, decides, writes and
//! audits in the caller's transaction, and has its own error.

use serde_json::json;
use uuid::Uuid;

use super::RecheckEvents;
use super::storage::{self, PaperInput, PaperRow};
use crate::access_plan::PaperFormat;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;

/// Who is changing the papers, and for which organisation (the engagement's lead or a partner).
pub type Editor = crate::identity::StaffActor;

#[derive(Debug, thiserror::Error)]
pub enum PaperError {
    #[error("there is no such paper on this engagement")]
    NotFound,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

fn details(engagement: Uuid, paper: &PaperInput) -> serde_json::Value {
    json!({
        "engagement": engagement,
        "event": paper.event,
        "formats": paper.formats.len(),
    })
}

async fn find(ex: &mut Ex<'_>, engagement: Uuid, id: Uuid) -> Result<PaperRow, PaperError> {
    storage::find(ex, engagement, id)
        .await?
        .ok_or(PaperError::NotFound)
}

/// Adds a paper to an engagement or one of its events; the events it goes with need their access
/// plans checked again. The new paper's id.
pub async fn add(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    paper: &PaperInput,
    recheck: RecheckEvents,
) -> Result<Uuid, PaperError> {
    let id = storage::create(ex, by.organisation, engagement, paper).await?;
    (recheck.0)(ex, engagement, paper.event).await?;
    audit::record(
        ex,
        Entry::new(Action::PaperAdded, "paper", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(details(engagement, paper)),
    )
    .await?;
    Ok(id)
}

/// Whether a change may leave someone without a format they need: a format was taken away, or the
/// paper now goes with other events.
fn may_need_checking(before: &PaperRow, after: &PaperInput) -> bool {
    let kept: Vec<PaperFormat> = after.formats.iter().map(|(f, _)| *f).collect();
    before.event_id != after.event || before.format_set().iter().any(|f| !kept.contains(f))
}

/// Changes a paper's title, description, event and formats.
pub async fn change(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    id: Uuid,
    paper: &PaperInput,
    recheck: RecheckEvents,
) -> Result<(), PaperError> {
    let before = find(ex, engagement, id).await?;
    storage::update(ex, before.id, paper).await?;
    if may_need_checking(&before, paper) {
        (recheck.0)(ex, engagement, paper.event).await?;
    }
    audit::record(
        ex,
        Entry::new(Action::PaperUpdated, "paper", before.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(details(engagement, paper)),
    )
    .await?;
    Ok(())
}

/// Publishes or unpublishes a paper. Publishing again keeps the first date, so a late paper is not
/// made to look on time. The paper as it was.
pub async fn set_published(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    id: Uuid,
    publish: bool,
) -> Result<PaperRow, PaperError> {
    let paper = find(ex, engagement, id).await?;
    let at = if publish {
        Some(paper.published_at.unwrap_or_else(crate::db::now))
    } else {
        None
    };
    storage::set_published(ex, paper.id, at).await?;
    audit::record(
        ex,
        Entry::new(
            if publish {
                Action::PaperPublished
            } else {
                Action::PaperUnpublished
            },
            "paper",
            paper.id,
        )
        .by(by.account)
        .in_organisation(by.organisation)
        .with(json!({ "engagement": engagement, "event": paper.event_id })),
    )
    .await?;
    Ok(paper)
}

/// Deletes a paper. The paper as it was.
pub async fn delete(
    ex: &mut Ex<'_>,
    by: Editor,
    engagement: Uuid,
    id: Uuid,
) -> Result<PaperRow, PaperError> {
    let paper = find(ex, engagement, id).await?;
    storage::delete(ex, paper.id).await?;
    audit::record(
        ex,
        Entry::new(Action::PaperDeleted, "paper", paper.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "engagement": engagement, "event": paper.event_id })),
    )
    .await?;
    Ok(paper)
}

impl From<PaperError> for crate::web::AppError {
    fn from(error: PaperError) -> Self {
        match error {
            PaperError::NotFound => crate::web::AppError::NotFound,
            PaperError::Database(error) => error.into(),
        }
    }
}
