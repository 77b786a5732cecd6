//! Adding the checked people: one transaction for the whole file, so either everyone valid is added
//! or, if anything fails, no one is and the batch waits to be tried again.

use uuid::Uuid;

use super::batches::{self, BatchRow};
use super::mapping::Mapping;
use super::parse::Table;
use super::validate::{self, Candidate, Report};
use crate::audit::{self, Entry};
use crate::db::Db;
use crate::register::domain::{Channel, EntryRoute, MembershipStatus};
use crate::register::profile;
use crate::register::storage::{self, NewConsent, NewPerson, SealedColumn};
use crate::security::field_crypto::KeyRing;

#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error("this spreadsheet has already been imported")]
    AlreadyImported,
    #[error("the check found {found} people to add, not the {expected} confirmed")]
    Changed { expected: usize, found: usize },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Checks the file again inside the transaction and, if it still finds the `expected` number of
/// people the facilitator confirmed, adds each to the batch's panel with their consent on paper
/// recorded by `actor`, and marks the batch imported.
pub async fn import(
    db: &Db,
    keys: &KeyRing,
    batch: &BatchRow,
    (table, mapping): (&Table, &Mapping),
    expected: usize,
    actor: Option<Uuid>,
) -> Result<Report, ApplyError> {
    let mut tx = db.begin().await?;
    // Written first, so a second confirm of the same batch waits for this one and then adds no one.
    if !batches::mark_imported(&mut tx.ex(), batch.id, expected).await? {
        return Err(ApplyError::AlreadyImported);
    }
    let report = validate::check(&mut tx.ex(), table, mapping).await?;
    if report.to_add.len() != expected {
        return Err(ApplyError::Changed {
            expected,
            found: report.to_add.len(),
        });
    }
    for candidate in &report.to_add {
        add_person(&mut tx, keys, batch.panel_id, candidate, actor).await?;
    }
    audit::record(
        &mut tx.ex(),
        Entry::new("import.completed", "import_batch", batch.id)
            .by(actor)
            .in_organisation(batch.organisation_id)
            .with(serde_json::json!({
                "panel": batch.panel_id,
                "rows": report.total_rows,
                "added": report.to_add.len(),
                "rows_with_problems": report.problem_rows,
                "already_on_register": report.existing.len(),
            })),
    )
    .await?;
    tx.commit().await?;
    Ok(report)
}

async fn add_person(
    tx: &mut crate::db::Tx,
    keys: &KeyRing,
    panel: Uuid,
    candidate: &Candidate,
    actor: Option<Uuid>,
) -> Result<(), sqlx::Error> {
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
    storage::set_membership(&mut tx.ex(), panel, person, MembershipStatus::Active).await?;
    // The spreadsheet is the organisation's record of this person's agreement.
    storage::give_consent(
        &mut tx.ex(),
        NewConsent::to_panel(person, panel, Channel::Paper, actor),
    )
    .await?;
    if !candidate.topics.is_empty() {
        storage::set_topics(&mut tx.ex(), person, &candidate.topics).await?;
    }
    Ok(())
}
