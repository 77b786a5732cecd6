//! Sealing and opening a person's sensitive details. Each sealed value is bound to its table,
//! column and row, so a value copied to another person's row does not open.

use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::domain::{AccessProfile, Monitoring, Preferences};
use crate::register::storage::{PersonRow, SealedColumn};
use crate::security::field_crypto::{FieldContext, KeyRing};

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the {column} of person {person} could not be opened: {reason}")]
    Open {
        person: Uuid,
        column: &'static str,
        reason: String,
    },
}

pub fn field(person: Uuid, column: SealedColumn) -> FieldContext<'static> {
    FieldContext {
        table: "people",
        column: column.name(),
        row_id: person,
    }
}

pub fn seal_json<T: Serialize>(
    keys: &KeyRing,
    person: Uuid,
    column: SealedColumn,
    value: &T,
) -> Vec<u8> {
    let json = serde_json::to_string(value).expect("profile values always serialise");
    keys.seal(&json, field(person, column))
}

pub fn seal_text(keys: &KeyRing, person: Uuid, column: SealedColumn, text: &str) -> Vec<u8> {
    keys.seal(text, field(person, column))
}

fn open_text(
    keys: &KeyRing,
    person: Uuid,
    column: SealedColumn,
    sealed: Option<&[u8]>,
) -> Result<Option<String>, ProfileError> {
    sealed
        .map(|bytes| {
            keys.open(bytes, field(person, column))
                .map_err(|e| ProfileError::Open {
                    person,
                    column: column.name(),
                    reason: e.to_string(),
                })
        })
        .transpose()
}

fn open_json<T: DeserializeOwned + Default>(
    keys: &KeyRing,
    person: Uuid,
    column: SealedColumn,
    sealed: Option<&[u8]>,
) -> Result<Option<T>, ProfileError> {
    open_text(keys, person, column, sealed)?
        .map(|json| {
            serde_json::from_str(&json).map_err(|e| ProfileError::Open {
                person,
                column: column.name(),
                reason: e.to_string(),
            })
        })
        .transpose()
}

/// Everything sensitive about a person, opened.
#[derive(Debug, Clone, Default)]
pub struct Sensitive {
    pub postal_address: Option<String>,
    pub preferences: Preferences,
    /// `None` until they have told us anything (or since they withdrew consent to hold it).
    pub access_needs: Option<AccessProfile>,
    pub monitoring: Monitoring,
}

pub fn open(keys: &KeyRing, person: &PersonRow) -> Result<Sensitive, ProfileError> {
    let id = person.id;
    Ok(Sensitive {
        postal_address: open_text(
            keys,
            id,
            SealedColumn::PostalAddress,
            person.postal_address.as_deref(),
        )?,
        preferences: open_json(
            keys,
            id,
            SealedColumn::Preferences,
            person.preferences.as_deref(),
        )?
        .unwrap_or_default(),
        access_needs: open_json(
            keys,
            id,
            SealedColumn::AccessNeeds,
            person.access_needs.as_deref(),
        )?,
        monitoring: open_json(
            keys,
            id,
            SealedColumn::Monitoring,
            person.monitoring.as_deref(),
        )?
        .unwrap_or_default(),
    })
}

/// The blind-index value of one monitoring answer.
pub fn monitoring_token(keys: &KeyRing, question: &str, answer: &str) -> Vec<u8> {
    keys.blind_token(&format!("monitoring:{question}={answer}"))
}

pub fn monitoring_tokens(keys: &KeyRing, monitoring: &Monitoring) -> Vec<Vec<u8>> {
    monitoring
        .answers
        .iter()
        .flat_map(|(question, answers)| {
            answers
                .iter()
                .map(move |answer| monitoring_token(keys, question, answer))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> KeyRing {
        KeyRing::parse(&KeyRing::generate_entry(1), None).unwrap()
    }

    #[test]
    fn a_sealed_profile_opens_only_on_its_own_row() {
        let keys = keys();
        let person = Uuid::now_v7();
        let other = Uuid::now_v7();
        let mut monitoring = Monitoring::default();
        monitoring
            .answers
            .insert("sex".into(), vec!["female".into()]);
        let sealed = seal_json(&keys, person, SealedColumn::Monitoring, &monitoring);
        let opened: Option<Monitoring> =
            open_json(&keys, person, SealedColumn::Monitoring, Some(&sealed)).unwrap();
        assert_eq!(opened, Some(monitoring));
        assert!(
            open_json::<Monitoring>(&keys, other, SealedColumn::Monitoring, Some(&sealed)).is_err()
        );
        assert!(
            open_json::<Monitoring>(&keys, person, SealedColumn::AccessNeeds, Some(&sealed))
                .is_err()
        );
    }

    #[test]
    fn tokens_are_stable_per_answer_and_differ_between_answers() {
        let keys = keys();
        assert_eq!(
            monitoring_token(&keys, "sex", "female"),
            monitoring_token(&keys, "sex", "female")
        );
        assert_ne!(
            monitoring_token(&keys, "sex", "female"),
            monitoring_token(&keys, "sex", "male")
        );
        let other_keys = KeyRing::parse(&KeyRing::generate_entry(1), None).unwrap();
        assert_ne!(
            monitoring_token(&keys, "sex", "female"),
            monitoring_token(&other_keys, "sex", "female")
        );
    }
}
