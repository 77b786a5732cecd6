//! Demo payment data for the disabled people's organisation: a rate card with a rate that changed
//! on 16 December 2025, its payment settings, and the offer on its co-produced engagement. Written
//! through this capability's storage, as demo data is; the figures are demo data, not rules.

use time::macros::date;
use uuid::Uuid;

use super::domain::{Covered, LateCancellation, LatePay, NewOffer, NewSettings, PaysThrough};
use super::storage;
use crate::db::Ex;
use crate::payments::dated::{Effective, RateName};
use crate::payments::money::Pence;
use crate::payments::rates::{Rate, RateUnit};
use crate::payments::run::OriginatorInput;

fn rate(
    name: &str,
    unit: RateUnit,
    pence: i64,
    from: time::Date,
    to: Option<time::Date>,
) -> anyhow::Result<Rate> {
    Ok(Rate {
        name: RateName::new(name)?,
        unit,
        amount: Pence::new(pence)?,
        effective: Effective::new(from, to)?,
    })
}

/// The name of the demo's hourly rate, which the engagement's offer pays.
pub const HOURLY: &str = "NIHR public contributor";

/// Gives `dpo` a rate card and payment settings, and `engagement` (the DPO's co-produced
/// engagement) its payment offer. `council` has no settings, so its pages say so.
pub async fn seed(
    ex: &mut Ex<'_>,
    dpo: Uuid,
    _council: Uuid,
    engagement: Uuid,
) -> anyhow::Result<()> {
    let now = crate::db::now();
    let card = [
        rate(
            HOURLY,
            RateUnit::Hour,
            2_500,
            date!(2025 - 04 - 01),
            Some(date!(2025 - 12 - 15)),
        )?,
        rate(HOURLY, RateUnit::Hour, 2_750, date!(2025 - 12 - 16), None)?,
        rate(
            "NHS England PPV Level 4",
            RateUnit::Day,
            15_000,
            date!(2025 - 04 - 01),
            None,
        )?,
    ];
    for line in &card {
        storage::insert_rate(ex, Uuid::now_v7(), dpo, line, now).await?;
    }
    let settings = NewSettings {
        two_person_threshold: Pence::new(25_000)?,
        pays_through: PaysThrough::BankTransfer,
        late_cancellation: LateCancellation {
            within_hours: 24,
            pays: LatePay::Full,
        },
        retention_years: 6,
        originator: Some((
            OriginatorInput {
                name: "NORTHTOWN DPF".into(),
                sort_code: "608371".into(),
                account_number: "41926835".into(),
            },
            "123456".into(),
        )),
    };
    storage::set_settings(ex, dpo, &settings, now).await?;
    let offer = NewOffer {
        rate_name: Some(HOURLY.into()),
        pays_events: true,
        survey_minutes: None,
        covered: Covered {
            public_transport: true,
            taxi: true,
            mileage: true,
            carer: true,
            ..Covered::default()
        },
        working_days: 10,
        note: String::new(),
        budget: Some(Pence::new(200_000)?),
    };
    storage::set_offer(ex, engagement, &offer, now).await?;
    Ok(())
}
