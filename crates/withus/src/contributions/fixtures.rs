//! Rows written directly, for test set-ups and demo data only.

use time::OffsetDateTime;
use uuid::Uuid;

use super::domain::{Channel, new_reference};
use super::storage::{self, Insert, ReportRow};
use crate::db::Ex;
use crate::security::field_crypto::KeyRing;

/// Moves a contribution's receipt time, to run the acknowledgement clock forward.
pub async fn received_at(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<(), sqlx::Error> {
    storage::set_received_at(ex, id, at).await
}

/// A contribution from `person` (or nobody known), with no receipt sent.
pub async fn contribution(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    engagement: Uuid,
    person: Option<Uuid>,
    channel: Channel,
    text: &str,
    may_quote: bool,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let sealed = keys.seal(text, super::text_field(id));
    storage::insert(
        ex,
        &Insert {
            id,
            engagement,
            event: None,
            person,
            anonymous: false,
            channel,
            entered_by: None,
            received_by: None,
            sealed_text: &sealed,
            sealed_email: None,
            may_quote,
            survey_response: None,
            reference: &new_reference(),
            received_at: crate::db::now(),
        },
    )
    .await?;
    Ok(id)
}

/// A file (a small PNG) kept with a contribution.
pub async fn file(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    contribution: Uuid,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let bytes = b"\x89PNG\r\n\x1a\nfixture";
    let sealed = keys.seal_bytes(bytes, super::file_field(id));
    storage::add_file(
        ex,
        id,
        contribution,
        "letter.png",
        "image/png",
        bytes.len(),
        &sealed,
    )
    .await?;
    Ok(id)
}

/// A theme on an engagement, with the contributions given.
pub async fn theme(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    name: &str,
    contributions: &[Uuid],
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    storage::insert_theme(ex, id, engagement, name).await?;
    for contribution in contributions {
        let mut themes: Vec<Uuid> = storage::links_of(ex, engagement)
            .await?
            .into_iter()
            .filter(|(c, _)| c == contribution)
            .map(|(_, t)| t)
            .collect();
        themes.push(id);
        storage::set_themes(ex, *contribution, &themes).await?;
    }
    Ok(id)
}

/// A draft report, not yet published.
pub async fn draft_report(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    decided: &str,
) -> Result<(), sqlx::Error> {
    storage::save_report(
        ex,
        engagement,
        &ReportRow {
            decided: decided.to_owned(),
            ..ReportRow::default()
        },
    )
    .await
    .map(|_| ())
}
