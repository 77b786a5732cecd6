//! Demo expenses, made through the same commands as the app: the Forum's mileage rate (HMRC's
//! approved rate for a car, 45p a mile, entered as the Forum's own data), Maya Patel's taxi fare to
//! the event with a photo of the receipt, waiting for approval; another member's bus fare,
//! approved; a mileage claim a facilitator entered for Margaret Thompson, who phoned; and a meal
//! queried by the finance officer.

use time::{Duration, macros::date};
use uuid::Uuid;

use super::commands::{self, NewClaim};
use super::domain::{
    ClaimChannel, Claimed, ExpenseKind, NewLine, NewMileageRate, Receipt, ReceiptType,
};
use crate::db::Ex;
use crate::identity::StaffActor;
use crate::payments::dated::Effective;
use crate::payments::earnings::Expenses;
use crate::payments::money::Pence;
use crate::payments::rates::TenthsOfAMile;
use crate::state::AppState;

/// A photo of a taxi receipt: a small, real PNG image.
pub const RECEIPT_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x18, 0x00, 0x00, 0x00, 0x20, 0x08, 0x02, 0x00, 0x00, 0x00, 0x87, 0x3c, 0x2f,
    0x6f, 0x00, 0x00, 0x00, 0x28, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0x4f, 0x25, 0xc0,
    0x30, 0x6a, 0xd0, 0x40, 0x18, 0x54, 0x41, 0x16, 0x18, 0x0d, 0xa3, 0xd1, 0x30, 0x1a, 0x0d, 0xa3,
    0xd1, 0x30, 0x1a, 0x0d, 0xa3, 0xd1, 0x30, 0x1a, 0x35, 0x08, 0x1f, 0x00, 0x00, 0x03, 0x28, 0x4c,
    0x9d, 0x0c, 0x27, 0x48, 0xc6, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60,
    0x82,
];

/// The demo's claimants, each optional (a register seeded without them gets fewer claims).
pub struct Claimants {
    /// Maya Patel, the demo member sign-in.
    pub maya: Option<Uuid>,
    /// A member whose bus fare is approved.
    pub bus: Option<Uuid>,
    /// Margaret Thompson, who phoned in her mileage.
    pub phoned: Option<Uuid>,
    /// A member whose meal is queried.
    pub queried: Option<Uuid>,
}

/// Who acts for the Forum.
pub struct Staff {
    pub finance: Option<Uuid>,
    pub facilitator: Option<Uuid>,
}

fn pence(p: i64) -> Result<Pence, anyhow::Error> {
    Pence::new(p).map_err(|e| anyhow::anyhow!("demo amount: {e}"))
}

fn line(
    kind: ExpenseKind,
    day: time::Date,
    description: &str,
    claimed: Claimed,
    receipt: Option<Receipt>,
) -> NewLine {
    NewLine {
        kind,
        incurred_on: day,
        description: description.into(),
        claimed,
        receipt,
    }
}

pub async fn seed(
    ex: &mut Ex<'_>,
    state: &AppState,
    dpo: Uuid,
    engagement: Uuid,
    people: Claimants,
    staff: Staff,
) -> anyhow::Result<()> {
    let finance = StaffActor {
        account: staff.finance,
        organisation: dpo,
    };
    commands::set_mileage_rate(
        ex,
        finance,
        NewMileageRate {
            per_mile: pence(45)?,
            effective: Effective::new(date!(2011 - 04 - 06), None)
                .map_err(|e| anyhow::anyhow!("demo mileage dates: {e}"))?,
        },
    )
    .await?;
    let day = crate::db::now().date() - Duration::days(6);
    let claim = |person: Uuid, channel: ClaimChannel, entered_by: Option<Uuid>| NewClaim {
        organisation: dpo,
        person,
        engagement,
        channel,
        entered_by,
    };
    if let Some(maya) = people.maya {
        let account = crate::register::find_person(ex, maya)
            .await?
            .and_then(|p| p.account_id);
        commands::claim(
            ex,
            state,
            claim(maya, ClaimChannel::Online, account),
            &line(
                ExpenseKind::Taxi,
                day,
                "Taxi to the event at Northtown Community Hub",
                Claimed::Amount(Expenses::new(pence(1_460)?)),
                Some(Receipt {
                    kind: ReceiptType::Png,
                    bytes: RECEIPT_PNG.to_vec(),
                }),
            ),
        )
        .await?;
    }
    if let Some(bus) = people.bus {
        let (_, line_id) = commands::claim(
            ex,
            state,
            claim(bus, ClaimChannel::Online, None),
            &line(
                ExpenseKind::PublicTransport,
                day,
                "Bus to Northtown Community Hub and back",
                Claimed::Amount(Expenses::new(pence(480)?)),
                None,
            ),
        )
        .await?;
        commands::approve(ex, finance, line_id).await?;
    }
    if let Some(phoned) = people.phoned {
        commands::claim(
            ex,
            state,
            claim(phoned, ClaimChannel::Phone, staff.facilitator),
            &line(
                ExpenseKind::Mileage,
                day,
                "Drove to Northtown Community Hub and back",
                Claimed::Miles(TenthsOfAMile(125)),
                None,
            ),
        )
        .await?;
    }
    if let Some(queried) = people.queried {
        let (_, line_id) = commands::claim(
            ex,
            state,
            claim(queried, ClaimChannel::Online, None),
            &line(
                ExpenseKind::Meals,
                day,
                "Lunch on the way to the event",
                Claimed::Amount(Expenses::new(pence(980)?)),
                None,
            ),
        )
        .await?;
        commands::query(
            ex,
            state,
            finance,
            line_id,
            "Lunch was provided at the event. Was this a meal on the journey? If so, please add a photo of the receipt.",
        )
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_receipt_is_a_png() {
        assert_eq!(ReceiptType::sniff(RECEIPT_PNG), Some(ReceiptType::Png));
    }
}
