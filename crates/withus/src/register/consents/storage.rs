//! Storage of consents: given, withdrawn, and read back with the partner's name.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;
use crate::on;
use crate::register::domain::{Channel, ConsentKind, consent_wording_version};

// --- Consents ------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ConsentRow {
    pub id: Uuid,
    pub person_id: Uuid,
    pub kind: ConsentKind,
    pub panel_id: Option<Uuid>,
    pub partner_organisation_id: Option<Uuid>,
    pub partner_name: Option<String>,
    pub scope: String,
    pub wording_version: String,
    pub channel: Channel,
    pub given_at: OffsetDateTime,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub withdrawn_channel: Option<Channel>,
}

impl ConsentRow {
    pub fn kind(&self) -> Option<ConsentKind> {
        Some(self.kind)
    }

    pub fn channel(&self) -> Channel {
        self.channel
    }

    pub fn is_active(&self) -> bool {
        self.withdrawn_at.is_none()
    }
}

/// A consent being given: what to, through which channel, recorded by whom.
#[derive(Debug, Clone)]
pub struct NewConsent<'a> {
    pub person: Uuid,
    pub kind: ConsentKind,
    pub panel: Option<Uuid>,
    pub partner: Option<Uuid>,
    pub scope: &'a str,
    pub channel: Channel,
    pub recorded_by: Option<Uuid>,
}

impl NewConsent<'static> {
    /// Consent to be on `panel` and be contacted about it.
    pub fn to_panel(
        person: Uuid,
        panel: Uuid,
        channel: Channel,
        recorded_by: Option<Uuid>,
    ) -> NewConsent<'static> {
        NewConsent {
            person,
            kind: ConsentKind::Panel,
            panel: Some(panel),
            partner: None,
            scope: "",
            channel,
            recorded_by,
        }
    }
}

pub async fn give_consent(ex: &mut Ex<'_>, consent: NewConsent<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO consents (id, person_id, kind, panel_id, partner_organisation_id, scope, wording_version, channel, given_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(consent.person)
    .bind(consent.kind.as_str())
    .bind(consent.panel)
    .bind(consent.partner)
    .bind(consent.scope)
    .bind(consent_wording_version(consent.kind))
    .bind(consent.channel.as_str())
    .bind(crate::db::now())
    .bind(consent.recorded_by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Withdraws one consent; false if it was not active.
pub async fn withdraw_consent(
    ex: &mut Ex<'_>,
    person: Uuid,
    consent: Uuid,
    channel: Channel,
) -> Result<bool, sqlx::Error> {
    let done = on!(ex.re(), c => sqlx::query(
        "UPDATE consents SET withdrawn_at = $3, withdrawn_channel = $4 WHERE id = $1 AND person_id = $2 AND withdrawn_at IS NULL",
    )
    .bind(consent)
    .bind(person)
    .bind(crate::db::now())
    .bind(channel.as_str())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

pub async fn consents_of(ex: &mut Ex<'_>, person: Uuid) -> Result<Vec<ConsentRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT k.id, k.person_id, k.kind, k.panel_id, k.partner_organisation_id, o.name AS partner_name, k.scope, k.wording_version, \
         k.channel, k.given_at, k.withdrawn_at, k.withdrawn_channel \
         FROM consents k LEFT JOIN organisations o ON o.id = k.partner_organisation_id WHERE k.person_id = $1 ORDER BY k.given_at, k.id",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

/// The scopes of the person's active consents to share with the organisation, as stored.
pub async fn shared_with(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
) -> Result<Vec<String>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT scope FROM consents WHERE person_id = $1 AND kind = $2 AND partner_organisation_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(person)
    .bind(ConsentKind::Share.as_str())
    .bind(organisation)
    .fetch_all(c)
    .await)
}
