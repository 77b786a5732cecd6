//! Organisations (DPOs, councils, NHS bodies…), their members and invitations to join them.

pub mod address;
pub mod audit_log;
pub mod commands;
pub mod domain;
pub mod fixtures;
pub mod invitations;
pub mod pages;
mod storage;

use uuid::Uuid;

use crate::db::Ex;
use crate::notices::{Addressee, Notice};

// The organisations other capabilities may read.
pub use storage::{OrganisationRow, find, find_by_name, list};

/// The notice `write` makes for `to`, or for an organisation that writes in both languages, the
/// Welsh and English made for `to` in each.
pub async fn in_its_languages(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    to: &Addressee,
    write: impl Fn(&Addressee) -> Notice,
) -> Result<Notice, sqlx::Error> {
    let bilingual = storage::find(ex, organisation)
        .await?
        .is_some_and(|o| o.bilingual);
    if !bilingual {
        return Ok(write(to));
    }
    let reading = |locale| Addressee {
        locale,
        ..to.clone()
    };
    Ok(Notice::welsh_then_english(
        write(&reading(crate::i18n::Locale::Cy)),
        write(&reading(crate::i18n::Locale::En)),
    ))
}
