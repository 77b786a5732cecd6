//! Adding the checked people, a chunk at a time.
//!
//! A spreadsheet can hold 20,000 people. Added in one transaction, it would hold SQLite's single
//! write lock for many seconds while everyone else's forms waited. So the import commits
//! [`CHUNK`] rows at a time: each chunk claims its rows by moving the batch's `progress` in the
//! same transaction as the people it adds, so every row is handled exactly once, however often a
//! chunk is retried or the import is resumed. An import stopped part-way (the process ended) stays
//! "importing" and carries on from its progress when the app next starts, never adding anyone
//! twice and never leaving the batch half-done. One that fails in its first chunk has added no one
//! and waits to be tried again.

use uuid::Uuid;

use super::mapping::Mapping;
use super::parse::Table;
use super::storage::{self as batches, BatchRow};
use super::validate::{self, Candidate};
use crate::audit::{self, Action, Entry};
use crate::db::Db;
use crate::register::consents::Actor;
use crate::register::domain::{Channel, EntryRoute};
use crate::register::panels::membership::{self, ChangeError};
use crate::register::profile;
use crate::register::storage::{self, NewPerson, SealedColumn};
use crate::security::field_crypto::KeyRing;

/// Rows added per transaction: about a tenth of a second of writing, so others wait no longer.
pub const CHUNK: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("this spreadsheet has already been imported")]
    AlreadyImported,
    #[error("the check found {found} people to add, not the {expected} confirmed")]
    Changed { expected: usize, found: usize },
    #[error("the batch's file could not be opened: {0}")]
    Unreadable(#[from] anyhow::Error),
    #[error("a person could not join the panel: {0}")]
    Membership(#[from] ChangeError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Checks the file again and, if it still finds the `expected` number of people the facilitator
/// confirmed, starts the import and adds each to the batch's panel with their consent on paper
/// recorded by `actor`. Returns how many were added.
pub async fn import(
    db: &Db,
    keys: &KeyRing,
    batch: &BatchRow,
    (table, mapping): (&Table, &Mapping),
    expected: usize,
    actor: Option<Uuid>,
) -> Result<usize, ApplyError> {
    let report = {
        let mut conn = db.acquire().await?;
        validate::check(&mut conn.ex(), table, mapping).await?
    };
    if report.to_add.len() != expected {
        return Err(ApplyError::Changed {
            expected,
            found: report.to_add.len(),
        });
    }
    let mut tx = db.begin().await?;
    if !batches::start_import(&mut tx.ex(), batch.id).await? {
        return Err(ApplyError::AlreadyImported);
    }
    tx.commit().await?;
    match carry_on(db, keys, batch, (table, mapping), actor).await {
        Err(
            error @ (ApplyError::Database(_)
            | ApplyError::Unreadable(_)
            | ApplyError::Membership(_)),
        ) => {
            // Failed in the first chunk: no one was added, so the batch waits to be tried again.
            let mut tx = db.begin().await?;
            batches::abandon_if_untouched(&mut tx.ex(), batch.id).await?;
            tx.commit().await?;
            Err(error)
        }
        outcome => outcome,
    }
}

/// Adds the rows not yet handled, a chunk per transaction, then ends the import with its audit
/// entry. Safe to run for a batch another run is also importing: each chunk is claimed once.
pub async fn carry_on(
    db: &Db,
    keys: &KeyRing,
    batch: &BatchRow,
    (table, mapping): (&Table, &Mapping),
    actor: Option<Uuid>,
) -> Result<usize, ApplyError> {
    let (candidates, _, problem_rows) = validate::check_rows(table, mapping);
    loop {
        let mut tx = db.begin().await?;
        let Some(from) = batches::progress(&mut tx.ex(), batch.id).await? else {
            return Err(ApplyError::AlreadyImported);
        };
        if from >= candidates.len() {
            break;
        }
        let to = (from + CHUNK).min(candidates.len());
        if !batches::advance(&mut tx.ex(), batch.id, from, to).await? {
            // Another run took these rows first; look again.
            continue;
        }
        let mut added = 0;
        for candidate in &candidates[from..to] {
            // Someone may have joined since the check: they are not added twice.
            let on_register = storage::find_matching(
                &mut tx.ex(),
                candidate.email.as_deref(),
                candidate.phone.as_deref(),
            )
            .await?;
            if on_register.is_empty() {
                add_person(
                    &mut tx,
                    keys,
                    (batch.organisation_id, batch.panel_id),
                    candidate,
                    actor,
                )
                .await?;
                added += 1;
            }
        }
        batches::count_added(&mut tx.ex(), batch.id, added).await?;
        tx.commit().await?;
    }
    let mut tx = db.begin().await?;
    if !batches::finish_import(&mut tx.ex(), batch.id).await? {
        return Err(ApplyError::AlreadyImported);
    }
    let added = batches::find(&mut tx.ex(), batch.id)
        .await?
        .map(|b| b.imported_count as usize)
        .unwrap_or(0);
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::ImportCompleted, "import_batch", batch.id)
            .by(actor)
            .in_organisation(batch.organisation_id)
            .with(serde_json::json!({
                "panel": batch.panel_id,
                "rows": table.rows.len(),
                "added": added,
                "rows_with_problems": problem_rows,
                "already_on_register": candidates.len() - added,
            })),
    )
    .await?;
    tx.commit().await?;
    Ok(added)
}

/// Finishes every import that was stopped part-way; returns how many.
pub async fn resume_interrupted(db: &Db, keys: &KeyRing) -> Result<usize, ApplyError> {
    let stopped = {
        let mut conn = db.acquire().await?;
        batches::interrupted(&mut conn.ex()).await?
    };
    let mut resumed = 0;
    for batch in stopped {
        let table = batches::open_table(keys, &batch)?;
        let Some(mapping) = Mapping::from_json(&batch.mapping) else {
            continue;
        };
        match carry_on(db, keys, &batch, (&table, &mapping), batch.created_by).await {
            Ok(_) | Err(ApplyError::AlreadyImported) => resumed += 1,
            Err(error) => return Err(error),
        }
    }
    Ok(resumed)
}

async fn add_person(
    tx: &mut crate::db::Tx,
    keys: &KeyRing,
    (organisation, panel): (Uuid, Uuid),
    candidate: &Candidate,
    actor: Option<Uuid>,
) -> Result<(), ApplyError> {
    let person = storage::create_person(
        &mut tx.ex(),
        NewPerson {
            account_id: None,
            display_name: &candidate.name,
            email: candidate.email.as_deref(),
            phone: candidate.phone.as_deref(),
            contact_method: candidate.contact_method,
            language: candidate.language,
            region: candidate.region,
            local_authority: candidate.local_authority.as_deref(),
            entry_route: EntryRoute::Imported,
        },
    )
    .await?;
    if let Some(address) = &candidate.postal_address {
        let sealed = profile::seal_text(keys, person, SealedColumn::PostalAddress, address);
        storage::set_sealed(
            &mut tx.ex(),
            person,
            SealedColumn::PostalAddress,
            Some(&sealed),
        )
        .await?;
    }
    // The spreadsheet is the organisation's record of this person's agreement, and joining
    // records it as their consent to be on the panel.
    let actor = Actor {
        account: actor,
        organisation: Some(organisation),
        channel: Channel::Paper,
    };
    membership::join(&mut tx.ex(), actor, person, panel)
        .await
        .map_err(|error| match error {
            ChangeError::Database(error) => ApplyError::Database(error),
            refused => ApplyError::Membership(refused),
        })?;
    if !candidate.topics.is_empty() {
        storage::set_topics(&mut tx.ex(), person, &candidate.topics).await?;
    }
    Ok(())
}
