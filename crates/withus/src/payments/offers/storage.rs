//! Storage of rate cards, payment settings and engagements' payment offers.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{LatePay, NewOffer, NewSettings, PaysThrough, Unit};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RateRow {
    pub id: Uuid,
    pub name: String,
    pub unit: Unit,
    pub amount_pence: i64,
    pub effective_from: Date,
    pub effective_to: Option<Date>,
}

pub async fn rates_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<RateRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, name, unit, amount_pence, effective_from, effective_to \
         FROM payment_rates WHERE organisation_id = $1 ORDER BY name, effective_from",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

pub async fn insert_rate(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
    rate: &crate::payments::rates::Rate,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_rates (id, organisation_id, name, unit, amount_pence, effective_from, \
         effective_to, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(id)
    .bind(organisation)
    .bind(rate.name.as_str())
    .bind(Unit::of(rate.unit))
    .bind(rate.amount.get())
    .bind(rate.effective.from())
    .bind(rate.effective.to())
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn end_rate(ex: &mut Ex<'_>, id: Uuid, last_day: Date) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE payment_rates SET effective_to = $2 WHERE id = $1")
        .bind(id)
        .bind(last_day)
        .execute(c)
        .await.map(|_| ()))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SettingsRow {
    pub two_person_threshold_pence: i64,
    pub pays_through: PaysThrough,
    pub late_within_hours: i32,
    pub late_pays: LatePay,
    pub retention_years: i32,
    pub originator_name: Option<String>,
    pub originator_sort_code: Option<String>,
    pub originator_account_number: Option<String>,
    pub service_user_number: Option<String>,
}

pub async fn settings(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Option<SettingsRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT two_person_threshold_pence, pays_through, late_within_hours, \
         late_pays, retention_years, originator_name, originator_sort_code, \
         originator_account_number, service_user_number \
         FROM payment_settings WHERE organisation_id = $1",
    )
    .bind(organisation)
    .fetch_optional(c)
    .await)
}

pub async fn set_settings(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    new: &NewSettings,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let (account, sun) = match &new.originator {
        Some((account, sun)) => (Some(account), Some(sun.as_str())),
        None => (None, None),
    };
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO payment_settings (organisation_id, two_person_threshold_pence, pays_through, \
         late_within_hours, late_pays, retention_years, originator_name, originator_sort_code, \
         originator_account_number, service_user_number, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (organisation_id) DO UPDATE SET \
         two_person_threshold_pence = excluded.two_person_threshold_pence, \
         pays_through = excluded.pays_through, late_within_hours = excluded.late_within_hours, \
         late_pays = excluded.late_pays, retention_years = excluded.retention_years, \
         originator_name = excluded.originator_name, \
         originator_sort_code = excluded.originator_sort_code, \
         originator_account_number = excluded.originator_account_number, \
         service_user_number = excluded.service_user_number, updated_at = excluded.updated_at",
    )
    .bind(organisation)
    .bind(new.two_person_threshold.get())
    .bind(new.pays_through)
    .bind(small(new.late_cancellation.within_hours))
    .bind(new.late_cancellation.pays)
    .bind(small(new.retention_years))
    .bind(account.map(|a| a.name.as_str()))
    .bind(account.map(|a| a.sort_code.as_str()))
    .bind(account.map(|a| a.account_number.as_str()))
    .bind(sun)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OfferRow {
    pub rate_name: Option<String>,
    pub pays_events: bool,
    pub pays_surveys: bool,
    pub survey_minutes: i32,
    pub covers_public_transport: bool,
    pub covers_taxi: bool,
    pub covers_mileage: bool,
    pub covers_carer: bool,
    pub covers_childcare: bool,
    pub covers_meals: bool,
    pub covers_overnight: bool,
    pub working_days: i32,
    pub note: String,
    pub budget_pence: Option<i64>,
}

pub async fn offer(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Option<OfferRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT rate_name, pays_events, pays_surveys, survey_minutes, \
         covers_public_transport, covers_taxi, covers_mileage, covers_carer, covers_childcare, \
         covers_meals, covers_overnight, working_days, note, budget_pence \
         FROM payment_offers WHERE engagement_id = $1",
    )
    .bind(engagement)
    .fetch_optional(c)
    .await)
}

pub async fn set_offer(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    new: &NewOffer,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let c = new.covered;
    on!(ex.re(), conn => sqlx::query(
        "INSERT INTO payment_offers (engagement_id, rate_name, pays_events, pays_surveys, \
         survey_minutes, covers_public_transport, covers_taxi, covers_mileage, covers_carer, \
         covers_childcare, covers_meals, covers_overnight, working_days, note, budget_pence, \
         updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
         ON CONFLICT (engagement_id) DO UPDATE SET rate_name = excluded.rate_name, \
         pays_events = excluded.pays_events, pays_surveys = excluded.pays_surveys, \
         survey_minutes = excluded.survey_minutes, \
         covers_public_transport = excluded.covers_public_transport, \
         covers_taxi = excluded.covers_taxi, covers_mileage = excluded.covers_mileage, \
         covers_carer = excluded.covers_carer, covers_childcare = excluded.covers_childcare, \
         covers_meals = excluded.covers_meals, covers_overnight = excluded.covers_overnight, \
         working_days = excluded.working_days, note = excluded.note, \
         budget_pence = excluded.budget_pence, updated_at = excluded.updated_at",
    )
    .bind(engagement)
    .bind(new.rate_name.as_deref())
    .bind(new.pays_events)
    .bind(new.survey_minutes.is_some())
    .bind(small(new.survey_minutes.unwrap_or(0)))
    .bind(c.public_transport)
    .bind(c.taxi)
    .bind(c.mileage)
    .bind(c.carer)
    .bind(c.childcare)
    .bind(c.meals)
    .bind(c.overnight)
    .bind(small(new.working_days))
    .bind(&new.note)
    .bind(new.budget.map(|b| b.get()))
    .bind(at)
    .execute(conn)
    .await.map(|_| ()))
}

/// A checked count as the database's INTEGER (the forms keep these far below its limit).
fn small(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
