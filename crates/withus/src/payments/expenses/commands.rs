//! Every change to mileage rates and expense claims. Each reads, decides, writes through this
//! capability's storage, records its audit entry and queues any message, in the caller's
//! transaction, and says with a typed error why it refused.

use serde_json::json;
use time::{Date, Duration};
use uuid::Uuid;

use super::domain::{ClaimChannel, Claimed, LineState, NewLine, NewMileageRate};
use super::storage::{self, LineRow, LineValues, NewClaimRow};
use super::{description_field, receipt_field};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::identity::StaffActor;
use crate::notices::{self, Notice, NoticeKind};
use crate::payments::dated::{DatedList, Effective, RateName};
use crate::payments::earnings::Expenses;
use crate::payments::money::Pence;
use crate::payments::rates::{MileageRate, MileageRates};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum ExpenseError {
    #[error("no such expense line here")]
    NotFound,
    #[error("the line is not waiting for a decision")]
    NotWaiting,
    #[error("only a queried line can be corrected")]
    NotQueried,
    #[error("no mileage rate is in force on {0}")]
    NoMileageRate(Date),
    #[error("the amount is too large")]
    TooLarge,
    #[error("the dates overlap another mileage rate")]
    RateOverlaps,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

fn rate_name() -> RateName {
    RateName::new("Mileage").expect("a fixed, non-empty name")
}

/// The organisation's mileage rates with their dates.
pub async fn mileage_rates(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<MileageRate>, sqlx::Error> {
    Ok(storage::rates_of(ex, organisation)
        .await?
        .into_iter()
        .filter_map(|row| {
            Some(MileageRate {
                name: rate_name(),
                per_mile: Pence::new(row.per_mile_pence).ok()?,
                effective: Effective::new(row.effective_from, row.effective_to).ok()?,
            })
        })
        .collect())
}

/// The mileage rate in force at the organisation on a day.
pub async fn mileage_rate_on(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    day: Date,
) -> Result<Option<MileageRate>, sqlx::Error> {
    Ok(mileage_rates(ex, organisation)
        .await?
        .into_iter()
        .find(|rate| rate.effective.contains(day)))
}

/// Adds a mileage rate. A rate with no end that started earlier is ended the day before the new
/// one starts; any other overlap is refused.
pub async fn set_mileage_rate(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    new: NewMileageRate,
) -> Result<Uuid, ExpenseError> {
    let rows = storage::rates_of(ex, actor.organisation).await?;
    let mut ended = None;
    let mut rates = Vec::new();
    for row in &rows {
        let mut to = row.effective_to;
        if to.is_none() && row.effective_from < new.effective.from() {
            let day_before = new.effective.from() - Duration::days(1);
            to = Some(day_before);
            ended = Some((row.id, day_before));
        }
        rates.push(MileageRate {
            name: rate_name(),
            per_mile: Pence::new(row.per_mile_pence).map_err(|_| ExpenseError::TooLarge)?,
            effective: Effective::new(row.effective_from, to)
                .map_err(|_| ExpenseError::RateOverlaps)?,
        });
    }
    rates.push(MileageRate {
        name: rate_name(),
        per_mile: new.per_mile,
        effective: new.effective,
    });
    let _: MileageRates = DatedList::new(rates).map_err(|_| ExpenseError::RateOverlaps)?;
    if let Some((id, to)) = ended {
        storage::end_rate(ex, id, to).await?;
    }
    let id = Uuid::now_v7();
    storage::insert_rate(
        ex,
        id,
        actor.organisation,
        new.per_mile.get(),
        new.effective.from(),
        new.effective.to(),
        crate::db::now(),
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::MileageRateSet, "mileage_rate", id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({
                "per_mile_pence": new.per_mile.get(),
                "from": new.effective.from().to_string(),
                "to": new.effective.to().map(|d| d.to_string()),
                "ended": ended.map(|(id, to)| json!({ "rate": id, "to": to.to_string() })),
            })),
    )
    .await?;
    Ok(id)
}

/// Who a claim is for, where, and how it reached the organisation.
#[derive(Debug, Clone, Copy)]
pub struct NewClaim {
    pub organisation: Uuid,
    pub person: Uuid,
    pub engagement: Uuid,
    pub channel: ClaimChannel,
    /// The account that entered it: the person's own, or staff's.
    pub entered_by: Option<Uuid>,
}

/// The amount of a line: as typed, or the miles at the organisation's rate on the day.
async fn priced(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    line: &NewLine,
) -> Result<(Expenses, Option<(i32, i64)>), ExpenseError> {
    match line.claimed {
        Claimed::Amount(amount) => Ok((amount, None)),
        Claimed::Miles(miles) => {
            let rate = mileage_rate_on(ex, organisation, line.incurred_on)
                .await?
                .ok_or(ExpenseError::NoMileageRate(line.incurred_on))?;
            let amount = rate
                .expenses_for(miles)
                .map_err(|_| ExpenseError::TooLarge)?;
            let tenths = i32::try_from(miles.0).map_err(|_| ExpenseError::TooLarge)?;
            Ok((amount, Some((tenths, rate.per_mile.get()))))
        }
    }
}

/// Makes a claim of one line. Returns the claim's id and the line's.
pub async fn claim(
    ex: &mut Ex<'_>,
    state: &AppState,
    claim: NewClaim,
    line: &NewLine,
) -> Result<(Uuid, Uuid), ExpenseError> {
    let (amount, mileage) = priced(ex, claim.organisation, line).await?;
    let claim_id = Uuid::now_v7();
    let line_id = Uuid::now_v7();
    let at = crate::db::now();
    storage::insert_claim(
        ex,
        &NewClaimRow {
            id: claim_id,
            organisation: claim.organisation,
            person: claim.person,
            engagement: claim.engagement,
            channel: claim.channel,
            entered_by: claim.entered_by,
        },
        at,
    )
    .await?;
    let sealed_description = state
        .keys
        .seal(&line.description, description_field(line_id));
    let sealed_receipt = line
        .receipt
        .as_ref()
        .map(|r| state.keys.seal_bytes(&r.bytes, receipt_field(line_id)));
    let receipt = line
        .receipt
        .as_ref()
        .zip(sealed_receipt.as_deref())
        .map(|(r, sealed)| {
            (
                r.kind.content_type(),
                i64::try_from(r.bytes.len()).unwrap_or(i64::MAX),
                sealed,
            )
        });
    storage::insert_line(
        ex,
        line_id,
        claim_id,
        &LineValues {
            kind: line.kind,
            incurred_on: line.incurred_on,
            sealed_description: &sealed_description,
            amount_pence: amount.pence().get(),
            tenths_of_a_mile: mileage.map(|m| m.0),
            per_mile_pence: mileage.map(|m| m.1),
            receipt,
        },
        at,
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::ExpenseClaimed, "expense_line", line_id)
            .by(claim.entered_by)
            .in_organisation(claim.organisation)
            .with(json!({
                "claim": claim_id,
                "person": claim.person,
                "engagement": claim.engagement,
                "channel": claim.channel.as_str(),
                "kind": line.kind.as_str(),
                "amount_pence": amount.pence().get(),
                "receipt": line.receipt.is_some(),
            })),
    )
    .await?;
    Ok((claim_id, line_id))
}

async fn load(ex: &mut Ex<'_>, organisation: Uuid, line: Uuid) -> Result<LineRow, ExpenseError> {
    storage::find_line(ex, line)
        .await?
        .filter(|row| row.organisation_id == organisation)
        .ok_or(ExpenseError::NotFound)
}

/// A finance officer approves a line waiting for a decision.
pub async fn approve(ex: &mut Ex<'_>, actor: StaffActor, line: Uuid) -> Result<(), ExpenseError> {
    let row = load(ex, actor.organisation, line).await?;
    if !storage::decide(
        ex,
        row.id,
        LineState::Claimed,
        LineState::Approved,
        "",
        actor.account,
        crate::db::now(),
    )
    .await?
    {
        return Err(ExpenseError::NotWaiting);
    }
    audit::record(
        ex,
        Entry::new(Action::ExpenseApproved, "expense_line", row.id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "person": row.person_id, "amount_pence": row.amount_pence })),
    )
    .await?;
    Ok(())
}

/// A finance officer queries a line with a reason the person sees, and the person is told.
pub async fn query(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    line: Uuid,
    reason: &str,
) -> Result<(), ExpenseError> {
    let row = load(ex, actor.organisation, line).await?;
    if !storage::decide(
        ex,
        row.id,
        LineState::Claimed,
        LineState::Queried,
        reason,
        actor.account,
        crate::db::now(),
    )
    .await?
    {
        return Err(ExpenseError::NotWaiting);
    }
    audit::record(
        ex,
        Entry::new(Action::ExpenseQueried, "expense_line", row.id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "person": row.person_id })),
    )
    .await?;
    if let Some(to) = crate::register::contact::addressee(state, ex, row.person_id).await? {
        let organisation = crate::organisations::find(ex, row.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        let link = state.link("/your-data/payments/expenses");
        let notice = crate::organisations::in_its_languages(ex, row.organisation_id, &to, |r| {
            Notice::new(NoticeKind::ExpenseQueried)
                .arg("name", r.name.clone())
                .arg("organisation", organisation.clone())
                .arg("item", r.locale.t(&row.kind.message_key()))
                .arg("reason", reason.to_owned())
                .arg("link", link.clone())
        })
        .await?
        .about(&organisation, Some(row.engagement_id))
        .from(row.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
    }
    Ok(())
}

/// A queried line corrected, by the person (`person` is theirs) or by staff of its organisation
/// (`organisation`), and claimed again.
pub async fn correct(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Option<Uuid>,
    owner: Owner,
    line: Uuid,
    new: &NewLine,
) -> Result<(), ExpenseError> {
    let row = storage::find_line(ex, line)
        .await?
        .filter(|row| match owner {
            Owner::Person(person) => row.person_id == person,
            Owner::Organisation(organisation) => row.organisation_id == organisation,
        })
        .ok_or(ExpenseError::NotFound)?;
    if row.state != LineState::Queried {
        return Err(ExpenseError::NotQueried);
    }
    let (amount, mileage) = priced(ex, row.organisation_id, new).await?;
    let sealed_description = state.keys.seal(&new.description, description_field(row.id));
    let sealed_receipt = new
        .receipt
        .as_ref()
        .map(|r| state.keys.seal_bytes(&r.bytes, receipt_field(row.id)));
    let receipt = new
        .receipt
        .as_ref()
        .zip(sealed_receipt.as_deref())
        .map(|(r, sealed)| {
            (
                r.kind.content_type(),
                i64::try_from(r.bytes.len()).unwrap_or(i64::MAX),
                sealed,
            )
        });
    let corrected = storage::correct_line(
        ex,
        row.id,
        &LineValues {
            kind: new.kind,
            incurred_on: new.incurred_on,
            sealed_description: &sealed_description,
            amount_pence: amount.pence().get(),
            tenths_of_a_mile: mileage.map(|m| m.0),
            per_mile_pence: mileage.map(|m| m.1),
            receipt,
        },
        crate::db::now(),
    )
    .await?;
    if !corrected {
        return Err(ExpenseError::NotQueried);
    }
    audit::record(
        ex,
        Entry::new(Action::ExpenseResubmitted, "expense_line", row.id)
            .by(by)
            .in_organisation(row.organisation_id)
            .with(json!({ "person": row.person_id, "amount_pence": amount.pence().get() })),
    )
    .await?;
    Ok(())
}

/// Whose a line is, for a correction.
#[derive(Debug, Clone, Copy)]
pub enum Owner {
    Person(Uuid),
    Organisation(Uuid),
}
