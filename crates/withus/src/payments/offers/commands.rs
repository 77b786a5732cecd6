//! Every change to a rate card, the payment settings and an engagement's offer. Each reads,
//! decides, writes through this capability's storage and records its audit entry, in the
//! caller's transaction, and says with a typed error why it refused.

use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::domain::{NewOffer, NewSettings};
use super::{CardLine, card_of, storage};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::identity::StaffActor;
use crate::payments::dated::Effective;
use crate::payments::rates::Rate;

#[derive(Debug, thiserror::Error)]
pub enum OfferError {
    #[error("no such rate or engagement here")]
    NotFound,
    #[error("the rate overlaps another of the same name")]
    Overlap { name: String, existing: Effective },
    #[error("a rate cannot end before it starts")]
    EndsBeforeItStarts { from: Date },
    #[error("the offer names a rate that is not on the card")]
    UnknownRate,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<OfferError> for crate::web::AppError {
    fn from(error: OfferError) -> Self {
        match error {
            OfferError::Database(e) => e.into(),
            OfferError::NotFound => crate::web::AppError::NotFound,
            _ => crate::web::AppError::Forbidden,
        }
    }
}

async fn record(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    action: Action,
    target: (&'static str, Uuid),
    details: serde_json::Value,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(action, target.0, target.1)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(details),
    )
    .await
}

/// The first line on the card (other than `except`) with the same name as `rate` whose dates
/// overlap it.
fn overlapping<'a>(
    card: &'a [CardLine],
    rate: &Rate,
    except: Option<Uuid>,
) -> Option<&'a CardLine> {
    card.iter().find(|l| {
        Some(l.id) != except
            && l.rate.name.is(rate.name.as_str())
            && l.rate.effective.overlaps(rate.effective)
    })
}

/// Adds a rate to the organisation's card, refusing one whose dates overlap a rate of the same
/// name.
pub async fn add_rate(ex: &mut Ex<'_>, actor: StaffActor, rate: &Rate) -> Result<Uuid, OfferError> {
    let card = card_of(ex, actor.organisation).await?;
    if let Some(other) = overlapping(&card, rate, None) {
        return Err(OfferError::Overlap {
            name: other.rate.name.to_string(),
            existing: other.rate.effective,
        });
    }
    let id = Uuid::now_v7();
    storage::insert_rate(ex, id, actor.organisation, rate, crate::db::now()).await?;
    record(
        ex,
        actor,
        Action::PaymentRateAdded,
        ("payment_rate", id),
        json!({
            "name": rate.name.as_str(),
            "unit": super::domain::Unit::of(rate.unit).as_str(),
            "amount_pence": rate.amount.get(),
            "from": rate.effective.from().to_string(),
            "to": rate.effective.to().map(|d| d.to_string()),
        }),
    )
    .await?;
    Ok(id)
}

/// Ends a rate of the organisation's on `last_day` (the last day it applies).
pub async fn end_rate(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    id: Uuid,
    last_day: Date,
) -> Result<(), OfferError> {
    let card = card_of(ex, actor.organisation).await?;
    let line = card
        .iter()
        .find(|l| l.id == id)
        .ok_or(OfferError::NotFound)?;
    let from = line.rate.effective.from();
    let effective = Effective::new(from, Some(last_day))
        .map_err(|_| OfferError::EndsBeforeItStarts { from })?;
    let ended = Rate {
        effective,
        ..line.rate.clone()
    };
    if let Some(other) = overlapping(&card, &ended, Some(id)) {
        return Err(OfferError::Overlap {
            name: other.rate.name.to_string(),
            existing: other.rate.effective,
        });
    }
    storage::end_rate(ex, id, last_day).await?;
    record(
        ex,
        actor,
        Action::PaymentRateEnded,
        ("payment_rate", id),
        json!({
            "name": line.rate.name.as_str(),
            "previous_to": line.rate.effective.to().map(|d| d.to_string()),
            "to": last_day.to_string(),
        }),
    )
    .await?;
    Ok(())
}

/// Sets how the organisation pays. The audit entry names the account only by its last 4 digits.
pub async fn set_settings(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    new: &NewSettings,
) -> Result<(), OfferError> {
    storage::set_settings(ex, actor.organisation, new, crate::db::now()).await?;
    let account = new.originator.as_ref().map(|(account, sun)| {
        json!({
            "name": account.name,
            "sort_code": account.sort_code,
            "account_ends": account.account_number.chars().skip(4).collect::<String>(),
            "service_user_number": sun,
        })
    });
    record(
        ex,
        actor,
        Action::PaymentSettingsSet,
        ("organisation", actor.organisation),
        json!({
            "two_person_threshold_pence": new.two_person_threshold.get(),
            "pays_through": new.pays_through.as_str(),
            "late_within_hours": new.late_cancellation.within_hours,
            "late_pays": new.late_cancellation.pays.as_str(),
            "retention_years": new.retention_years,
            "originator": account,
        }),
    )
    .await?;
    Ok(())
}

/// Sets what the engagement offers the people who take part. The engagement must be the
/// actor's organisation's, and the rate one on its card.
pub async fn set_offer(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: &EngagementRow,
    new: &NewOffer,
) -> Result<(), OfferError> {
    if engagement.organisation_id != actor.organisation {
        return Err(OfferError::NotFound);
    }
    if let Some(name) = &new.rate_name {
        let card = card_of(ex, actor.organisation).await?;
        if !card.iter().any(|l| l.rate.name.is(name)) {
            return Err(OfferError::UnknownRate);
        }
    }
    storage::set_offer(ex, engagement.id, new, crate::db::now()).await?;
    let c = new.covered;
    record(
        ex,
        actor,
        Action::PaymentOfferSet,
        ("engagement", engagement.id),
        json!({
            "rate": new.rate_name,
            "pays_events": new.pays_events,
            "survey_minutes": new.survey_minutes,
            "covers": {
                "public_transport": c.public_transport,
                "taxi": c.taxi,
                "mileage": c.mileage,
                "carer": c.carer,
                "childcare": c.childcare,
                "meals": c.meals,
                "overnight": c.overnight,
            },
            "working_days": new.working_days,
            "budget_pence": new.budget.map(|b| b.get()),
        }),
    )
    .await?;
    Ok(())
}
