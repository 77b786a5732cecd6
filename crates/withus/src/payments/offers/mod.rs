//! Rates stated up front: each organisation's rate card (with the dates each rate applies), how it
//! pays (its payment settings), and each engagement's payment offer: the rate, what counts, which
//! costs are repaid and when payment is made. The offer is shown in plain English and Easy Read,
//! in English and Welsh, on the engagement's pages, the booking page and the invitation, always
//! saying that people may choose less or nothing.
//!
//! Other capabilities read what they need through [`offer_of`], [`time_payment_for`],
//! [`survey_payment_for`], [`settings_of`] and [`summary`].

pub mod commands;
pub mod demo;
pub mod domain;
mod pages;
mod storage;
mod views;

use axum::http::Method;
use axum::routing::{get, post};
use time::Date;
use uuid::Uuid;

pub use commands::OfferError;
pub use domain::{Covered, LateCancellation, LatePay, Offer, PaymentSettings, PaysThrough, Unit};
pub use views::{booking_part, easy_read, engagement_section, notice_args, staff_section, summary};

use crate::db::Ex;
use crate::payments::dated::{Effective, RateName};
use crate::payments::earnings::Earnings;
use crate::payments::money::Pence;
use crate::payments::rates::{Involvement, Rate, RateUnit};
use crate::payments::run::OriginatorInput;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

/// Time paid at a half-day rate: one half day for each started block of this many minutes.
pub const MINUTES_PER_HALF_DAY: u32 = 4 * 60;
/// Time paid at a day rate: one day for each started block of this many minutes.
pub const MINUTES_PER_DAY: u32 = 8 * 60;

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/payments/rates",
            Organisation(SetPaymentRates),
            get(pages::rates),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/rates",
            Organisation(SetPaymentRates),
            post(pages::add_rate),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/rates/end",
            Organisation(SetPaymentRates),
            post(pages::end_rate),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/settings",
            Organisation(SetPaymentRates),
            get(pages::settings),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/payments/settings",
            Organisation(SetPaymentRates),
            post(pages::save_settings),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements/{engagement_id}/payment-offer",
            Organisation(ManageEngagements),
            get(pages::offer),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/engagements/{engagement_id}/payment-offer",
            Organisation(ManageEngagements),
            post(pages::save_offer),
        ),
    ]
}

/// What an involvement is paid for time: the amount at the rate in force on the day, and which
/// rate that was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimePayment {
    pub offered: Earnings,
    pub rate_name: String,
    pub rate_id: Uuid,
}

/// One line of an organisation's rate card, with its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLine {
    pub id: Uuid,
    pub rate: Rate,
}

/// An organisation's rate card, every rate past, current and future, by name then start date.
pub async fn card_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<CardLine>, sqlx::Error> {
    let rows = storage::rates_of(ex, organisation).await?;
    Ok(rows.into_iter().filter_map(card_line).collect())
}

/// A stored rate as a card line; a row the database's own checks would have refused is skipped.
fn card_line(row: storage::RateRow) -> Option<CardLine> {
    Some(CardLine {
        id: row.id,
        rate: Rate {
            name: RateName::new(&row.name).ok()?,
            unit: row.unit.rate_unit(),
            amount: Pence::new(row.amount_pence).ok()?,
            effective: Effective::new(row.effective_from, row.effective_to).ok()?,
        },
    })
}

/// The line called `name` in force on `day`.
fn in_force<'a>(card: &'a [CardLine], name: &str, day: Date) -> Option<&'a CardLine> {
    card.iter()
        .find(|l| l.rate.name.is(name) && l.rate.effective.contains(day))
}

/// The line called `name` to state in an offer on `day`: the one in force, or else the next to
/// start, or else the last to end.
fn to_state(card: &[CardLine], name: &str, day: Date) -> Option<Rate> {
    let named = || card.iter().filter(|l| l.rate.name.is(name));
    in_force(card, name, day)
        .or_else(|| {
            named()
                .filter(|l| l.rate.effective.from() > day)
                .min_by_key(|l| l.rate.effective.from())
        })
        .or_else(|| named().max_by_key(|l| l.rate.effective.from()))
        .map(|l| l.rate.clone())
}

/// The engagement's payment offer, if it has one, stating the rate of its name in force today
/// (or the next to start, or the last to end).
pub async fn offer_of(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Option<Offer>, sqlx::Error> {
    offer_on(ex, engagement, crate::db::now().date()).await
}

async fn offer_on(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    day: Date,
) -> Result<Option<Offer>, sqlx::Error> {
    let Some(row) = storage::offer(ex, engagement).await? else {
        return Ok(None);
    };
    let Some(organisation) = crate::engagements::find(ex, engagement)
        .await?
        .map(|e| e.organisation_id)
    else {
        return Ok(None);
    };
    let card = card_of(ex, organisation).await?;
    let rate = row
        .rate_name
        .as_deref()
        .and_then(|name| to_state(&card, name, day));
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    Ok(Some(Offer {
        engagement,
        organisation,
        rate_name: row.rate_name,
        rate,
        pays_events: row.pays_events,
        survey_minutes: row.pays_surveys.then(|| count(row.survey_minutes)),
        covered: Covered {
            public_transport: row.covers_public_transport,
            taxi: row.covers_taxi,
            mileage: row.covers_mileage,
            carer: row.covers_carer,
            childcare: row.covers_childcare,
            meals: row.covers_meals,
            overnight: row.covers_overnight,
        },
        working_days: count(row.working_days),
        note: row.note,
        budget: row.budget_pence.and_then(|p| Pence::new(p).ok()),
    }))
}

/// Involvement of `minutes` in the unit of a rate: by the minute for an hourly rate, each started
/// half day or day for those, one task for a task rate.
pub fn involvement(unit: RateUnit, minutes: u32) -> Involvement {
    match unit {
        RateUnit::Hour => Involvement::Minutes(minutes),
        RateUnit::HalfDay => Involvement::HalfDays(minutes.div_ceil(MINUTES_PER_HALF_DAY)),
        RateUnit::Day => Involvement::Days(minutes.div_ceil(MINUTES_PER_DAY)),
        RateUnit::Task => Involvement::Tasks(1),
    }
}

/// What the engagement's offer pays for `minutes` of involvement on `on`, at its rate in force
/// that day. `None` when the engagement has no offer, its offer has no rate, or no rate of that
/// name is in force that day. Hourly rates are paid by the minute, rounded to the nearest penny
/// ([`Rate::earnings_for`]); see [`involvement`] for the other units.
pub async fn time_payment_for(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    on: Date,
    minutes: u32,
) -> Result<Option<TimePayment>, sqlx::Error> {
    let Some(offer) = offer_on(ex, engagement, on).await? else {
        return Ok(None);
    };
    payment_at(ex, &offer, on, minutes).await
}

/// What the engagement's offer pays for one survey completed on `on`: its minutes per survey at
/// the rate in force that day. `None` unless the offer pays for surveys and has a rate in force.
pub async fn survey_payment_for(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    on: Date,
) -> Result<Option<TimePayment>, sqlx::Error> {
    let Some(offer) = offer_on(ex, engagement, on).await? else {
        return Ok(None);
    };
    let Some(minutes) = offer.survey_minutes else {
        return Ok(None);
    };
    payment_at(ex, &offer, on, minutes).await
}

async fn payment_at(
    ex: &mut Ex<'_>,
    offer: &Offer,
    on: Date,
    minutes: u32,
) -> Result<Option<TimePayment>, sqlx::Error> {
    let Some(name) = offer.rate_name.as_deref() else {
        return Ok(None);
    };
    let card = card_of(ex, offer.organisation).await?;
    let Some(line) = in_force(&card, name, on) else {
        return Ok(None);
    };
    let earnings = line
        .rate
        .earnings_for(involvement(line.rate.unit, minutes))
        .map_err(|error| sqlx::Error::Protocol(error.to_string()))?;
    Ok(Some(TimePayment {
        offered: earnings,
        rate_name: line.rate.name.to_string(),
        rate_id: line.id,
    }))
}

/// How the organisation pays, or `None` if it has not said yet.
pub async fn settings_of(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Option<PaymentSettings>, sqlx::Error> {
    let Some(row) = storage::settings(ex, organisation).await? else {
        return Ok(None);
    };
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    let originator = match (
        row.originator_name,
        row.originator_sort_code,
        row.originator_account_number,
    ) {
        (Some(name), Some(sort_code), Some(account_number)) => Some(OriginatorInput {
            name,
            sort_code,
            account_number,
        }),
        _ => None,
    };
    Ok(Some(PaymentSettings {
        organisation,
        two_person_threshold: Pence::new(row.two_person_threshold_pence).unwrap_or_default(),
        pays_through: row.pays_through,
        late_cancellation: LateCancellation {
            within_hours: count(row.late_within_hours),
            pays: row.late_pays,
        },
        retention_years: count(row.retention_years),
        originator,
        service_user_number: row.service_user_number,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn involvement_is_in_the_rate_s_unit() {
        assert_eq!(involvement(RateUnit::Hour, 150), Involvement::Minutes(150));
        assert_eq!(
            involvement(RateUnit::HalfDay, 240),
            Involvement::HalfDays(1)
        );
        assert_eq!(
            involvement(RateUnit::HalfDay, 241),
            Involvement::HalfDays(2)
        );
        assert_eq!(involvement(RateUnit::Day, 300), Involvement::Days(1));
        assert_eq!(involvement(RateUnit::Task, 5), Involvement::Tasks(1));
    }
}
