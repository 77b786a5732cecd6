//! Key rotation for the register: sealing every sensitive part of a record again under the active
//! key, and rebuilding the monitoring tokens, whose key changes when an old key is dropped.

use super::domain::Monitoring;
use super::profile::{field, monitoring_tokens};
use super::storage::{self, SealedColumn};
use crate::db::Ex;
use crate::security::field_crypto::{KeyRing, ResealError};

/// Seals the register's sealed columns again where they are not under the active key, then
/// rebuilds every person's monitoring tokens. Returns how many values it sealed again.
pub async fn reseal(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for column in [
        SealedColumn::PostalAddress,
        SealedColumn::Preferences,
        SealedColumn::AccessNeeds,
        SealedColumn::Monitoring,
    ] {
        for (person, sealed) in storage::all_sealed(ex, column).await? {
            let what = || format!("{} stored for person {person}", column.name());
            if let Some(new) = keys.resealed(&sealed, field(person, column), what)? {
                storage::replace_sealed(ex, person, column, &new).await?;
                resealed += 1;
            }
        }
    }
    // The blind-index key comes from the lowest-numbered key, so once an old key is dropped the
    // tokens change: rebuild them all from the (now current) sealed answers.
    for (person, sealed) in storage::all_sealed(ex, SealedColumn::Monitoring).await? {
        let plain = keys
            .open(&sealed, field(person, SealedColumn::Monitoring))
            .map_err(|reason| ResealError::Undecryptable {
                what: format!("monitoring answers stored for person {person}"),
                reason,
            })?;
        let monitoring: Monitoring = serde_json::from_str(&plain).unwrap_or_default();
        storage::set_monitoring_tokens(ex, person, &monitoring_tokens(keys, &monitoring)).await?;
    }
    Ok(resealed)
}
