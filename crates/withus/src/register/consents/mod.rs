//! Giving and withdrawing consent, and what withdrawal does at once: consent to hold a kind of data
//! gone means that data is erased; consent to be on a panel gone means leaving it; consent to share
//! with a partner gone means the partner stops seeing the person on their next page.

mod storage;

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::domain::{
    Channel, ConsentKind, DataCategory, MembershipStatus, Monitoring, parse_scope,
};
use crate::register::profile;
use crate::register::questions::DEFAULT_QUESTIONS;
use crate::register::storage::{self as rows, SealedColumn};
use crate::security::field_crypto::KeyRing;

pub use storage::{ConsentRow, NewConsent, consents_of, shared_with};

/// Direct writes for test set-ups and demo data, which skip the audit log (see `register::fixtures`).
#[doc(hidden)]
pub mod fixtures {
    pub use super::storage::{give_consent, withdraw_consent};
}

/// Categories of sensitive data the person currently lets us hold.
pub fn held_categories(consents: &[ConsentRow]) -> BTreeSet<DataCategory> {
    consents
        .iter()
        .filter(|c| c.is_active() && c.kind() == Some(ConsentKind::SpecialCategory))
        .flat_map(|c| parse_scope(&c.scope, DataCategory::parse))
        .collect()
}

/// The category a monitoring question's answers belong to: the organisation's own question if any
/// organisation defines the code, else the default list; unknown codes count as identity data.
pub async fn category_of_question(
    ex: &mut Ex<'_>,
    code: &str,
) -> Result<DataCategory, sqlx::Error> {
    let stored = crate::register::questions::stored_category(ex, code).await?;
    Ok(stored
        .as_deref()
        .and_then(DataCategory::parse)
        .or_else(|| {
            DEFAULT_QUESTIONS
                .iter()
                .find(|q| q.code == code)
                .map(|q| q.category)
        })
        .unwrap_or(DataCategory::Identity))
}

/// Keeps only the monitoring answers in categories the person consents to.
pub async fn keep_consented_answers(
    ex: &mut Ex<'_>,
    monitoring: Monitoring,
    held: &BTreeSet<DataCategory>,
) -> Result<Monitoring, sqlx::Error> {
    let mut kept = Monitoring::default();
    for (question, answers) in monitoring.answers {
        if held.contains(&category_of_question(ex, &question).await?) {
            kept.answers.insert(question, answers);
        }
    }
    Ok(kept)
}

/// Who did it and how, for the audit log and the consent record.
#[derive(Debug, Clone, Copy)]
pub struct Actor {
    pub account: Option<Uuid>,
    pub organisation: Option<Uuid>,
    pub channel: Channel,
}

impl Actor {
    fn entry(self, action: Action, person: Uuid) -> Entry {
        let entry = Entry::new(action, "person", person).by(self.account);
        match self.organisation {
            Some(org) => entry.in_organisation(org),
            None => entry,
        }
    }

    /// True when staff act for the person rather than the person themselves.
    pub fn assisted(self) -> bool {
        self.organisation.is_some()
    }
}

/// Records a consent and logs it.
pub async fn give(
    ex: &mut Ex<'_>,
    actor: Actor,
    consent: crate::register::consents::storage::NewConsent<'_>,
) -> Result<Uuid, sqlx::Error> {
    let person = consent.person;
    let kind = consent.kind;
    let scope = consent.scope.to_owned();
    let partner = consent.partner;
    let id = crate::register::consents::storage::give_consent(ex, consent).await?;
    audit::record(
        ex,
        actor
            .entry(Action::ConsentGiven, person)
            .with(serde_json::json!({
                "consent": id,
                "kind": kind.as_str(),
                "scope": scope,
                "partner": partner,
                "channel": actor.channel.as_str(),
                "assisted": actor.assisted(),
            })),
    )
    .await?;
    Ok(id)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Withdrawn {
    Done,
    /// Not this person's consent, or already withdrawn.
    NotActive,
}

/// Withdraws a consent and applies its consequences in the same transaction.
pub async fn withdraw(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    person: Uuid,
    consent: Uuid,
) -> Result<Withdrawn, sqlx::Error> {
    // Writes that depend on this person's consents take the same row lock first (see
    // `rows::lock_person`), so they wait for this withdrawal and then see it.
    rows::lock_person(ex, person).await?;
    let before = crate::register::consents::storage::consents_of(ex, person).await?;
    let Some(row) = before.iter().find(|c| c.id == consent && c.is_active()) else {
        return Ok(Withdrawn::NotActive);
    };
    if !crate::register::consents::storage::withdraw_consent(ex, person, consent, actor.channel)
        .await?
    {
        return Ok(Withdrawn::NotActive);
    }
    let mut effects = Vec::new();
    match row.kind() {
        Some(ConsentKind::Panel) => {
            if let Some(panel) = row.panel_id {
                rows::set_membership(ex, panel, person, MembershipStatus::Left).await?;
                effects.push("left_panel");
            }
        }
        Some(ConsentKind::SpecialCategory) => {
            let after = crate::register::consents::storage::consents_of(ex, person).await?;
            let still_held = held_categories(&after);
            erase_unconsented(ex, keys, person, &still_held).await?;
            effects.push("erased_unconsented_data");
        }
        Some(ConsentKind::Share) | None => effects.push("sharing_stopped"),
    }
    audit::record(
        ex,
        actor
            .entry(Action::ConsentWithdrawn, person)
            .with(serde_json::json!({
                "consent": consent,
                "kind": row.kind,
                "channel": actor.channel.as_str(),
                "assisted": actor.assisted(),
                "effects": effects,
            })),
    )
    .await?;
    Ok(Withdrawn::Done)
}

/// Erases every piece of sensitive data whose category is no longer consented to.
pub async fn erase_unconsented(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
    held: &BTreeSet<DataCategory>,
) -> Result<(), sqlx::Error> {
    let row = rows::find_person(ex, person)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    if !held.contains(&DataCategory::AccessNeeds) && row.access_needs.is_some() {
        rows::set_sealed(ex, person, SealedColumn::AccessNeeds, None).await?;
    }
    // A profile that cannot be opened is treated as empty, and so erased.
    let monitoring = profile::open(keys, &row)
        .map(|s| s.monitoring)
        .unwrap_or_default();
    let kept = keep_consented_answers(ex, monitoring.clone(), held).await?;
    if kept != monitoring || (row.monitoring.is_some() && kept.answers.is_empty()) {
        save_monitoring(ex, keys, person, &kept).await?;
    }
    Ok(())
}

/// Seals monitoring answers (or clears them when empty) and rewrites the blind-index tokens.
pub async fn save_monitoring(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    person: Uuid,
    monitoring: &Monitoring,
) -> Result<(), sqlx::Error> {
    let sealed = (!monitoring.answers.is_empty())
        .then(|| profile::seal_json(keys, person, SealedColumn::Monitoring, monitoring));
    rows::set_sealed(ex, person, SealedColumn::Monitoring, sealed.as_deref()).await?;
    rows::set_monitoring_tokens(ex, person, &profile::monitoring_tokens(keys, monitoring)).await
}
