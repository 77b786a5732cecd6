//! What staff do with the notices on their lists, each a command that reads, decides, writes and
//! audits in the caller's transaction: print and post letters, phone people, send a failed message
//! again, or move it to the phone list to reach the person another way.

use uuid::Uuid;

use super::storage::{self, NotificationRow, Status};
use super::{Channel, Door, address_field};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::email::{Extras, OutgoingEmail, enqueue_with};

/// Something done with a notice on a staff list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Printed,
    Posted,
    Phoned,
    /// A failed message, or someone with no working channel: onto the list of people to phone.
    ContactAnotherWay,
}

impl Step {
    /// The statuses a notice may move on from, the one it moves to, and the audit action.
    fn rule(self) -> (&'static [Status], Status, Action) {
        match self {
            Step::Printed => (&[Status::ToPrint], Status::Printed, Action::NoticePrinted),
            Step::Posted => (
                &[Status::ToPrint, Status::Printed],
                Status::Posted,
                Action::NoticePosted,
            ),
            Step::Phoned => (&[Status::ToPhone], Status::Phoned, Action::NoticePhoned),
            Step::ContactAnotherWay => (
                &[Status::Failed, Status::NeedsContact, Status::Queued],
                Status::ToPhone,
                Action::NoticeRerouted,
            ),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// Not a notice this organisation sent.
    #[error("no such notice")]
    NotFound,
    /// Someone already moved it on (or it is not at a stage where this applies).
    #[error("the notice has moved on")]
    AlreadyDone,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

async fn find(ex: &mut Ex<'_>, organisation: Uuid, id: Uuid) -> Result<NotificationRow, StepError> {
    storage::find_from(ex, organisation, id)
        .await?
        .ok_or(StepError::NotFound)
}

/// Records `step` for the notice, with what happened on a call (`outcome`), by `by`.
pub async fn record_step(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
    step: Step,
    by: Option<Uuid>,
    outcome: Option<&str>,
) -> Result<(), StepError> {
    let row = find(ex, organisation, id).await?;
    let (from, to, action) = step.rule();
    // The status as shown (a failed email is stored as queued, its outbox says failed); a queued
    // message may only be rerouted once its outbox has given up on it.
    if !from.contains(&row.status) || row.status == Status::Queued {
        return Err(StepError::AlreadyDone);
    }
    if !storage::advance(ex, id, from, to, outcome, by).await? {
        return Err(StepError::AlreadyDone);
    }
    audit::record(
        ex,
        Entry::new(action, "notice", id)
            .by(by)
            .in_organisation(organisation)
            .with(serde_json::json!({ "kind": row.kind.as_str(), "person": row.person_id })),
    )
    .await?;
    Ok(())
}

/// Sends a failed email or text message again, to the same address, as a new message.
pub async fn retry(
    ex: &mut Ex<'_>,
    door: Door<'_>,
    organisation: Uuid,
    id: Uuid,
    by: Option<Uuid>,
) -> Result<(), StepError> {
    let row = find(ex, organisation, id).await?;
    if row.status != Status::Failed {
        return Err(StepError::AlreadyDone);
    }
    let address = row
        .sealed_address
        .as_deref()
        .and_then(|sealed| door.keys.open(sealed, address_field(id)).ok())
        .ok_or(StepError::AlreadyDone)?;
    let (outbox, sms) = match row.channel {
        Channel::Email => {
            let email = OutgoingEmail {
                to: address,
                subject: row.subject.clone(),
                body: row.body.clone(),
            };
            let extras = same_extras_as(ex, row.outbox_id).await?;
            (Some(enqueue_with(ex, email, extras).await?), None)
        }
        Channel::Sms => {
            let text = format!("{}\n\n{}", row.subject, row.body);
            (None, Some(crate::sms::enqueue(ex, &address, &text).await?))
        }
        _ => return Err(StepError::AlreadyDone),
    };
    storage::resent(ex, id, outbox, sms).await?;
    audit::record(
        ex,
        Entry::new(Action::NoticeRetried, "notice", id)
            .by(by)
            .in_organisation(organisation)
            .with(serde_json::json!({ "channel": row.channel.as_str() })),
    )
    .await?;
    Ok(())
}

/// What the failed email carried besides its words: the large-print HTML part, the files (a
/// calendar file) and the unsubscribe link, so the one sent again is the same message.
async fn same_extras_as(ex: &mut Ex<'_>, outbox: Option<Uuid>) -> Result<Extras, sqlx::Error> {
    let Some(id) = outbox else {
        return Ok(Extras::default());
    };
    let Some(original) = crate::email::outbox::find(ex, id).await? else {
        return Ok(Extras::default());
    };
    Ok(Extras {
        html: original.body_html,
        attachments: crate::email::outbox::attachments(ex, id).await?,
        unsubscribe_url: original.unsubscribe_url,
    })
}

/// Records that a letter was downloaded to print (it holds a person's address).
pub async fn letter_downloaded(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    ids: &[Uuid],
    by: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(Action::LetterDownloaded, "organisation", organisation)
            .by(by)
            .in_organisation(organisation)
            .with(serde_json::json!({ "letters": ids })),
    )
    .await
}
