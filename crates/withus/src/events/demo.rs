//! Demo data: an accessible community venue and one event of the co-production engagement.

use time::{Duration, Time};
use uuid::Uuid;

use super::domain::{BookingRule, Feature, Mode, uk_to_utc};
use super::storage::{self, Event, Venue};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::domain::Region;

/// Adds the venue and an event of the DPO's co-produced engagement inside the demo's transaction.
/// Returns the event.
pub async fn seed(ex: &mut Ex<'_>, dpo: Uuid, engagement: Uuid) -> Result<Uuid, sqlx::Error> {
    let venue = Uuid::now_v7();
    storage::save_venue(
        ex,
        dpo,
        venue,
        &Venue {
            name: "Northtown Community Hub".into(),
            address: "12 Market Street, Northtown NT1 2AB".into(),
            region: Some(Region::NorthWest),
            features: Feature::ALL.to_vec(),
            notes:
                "Level access from the bus stop. The Changing Places toilet is on the ground floor."
                    .into(),
        },
    )
    .await?;
    let day = crate::db::now().date() + Duration::days(28);
    let event = storage::create_event(
        ex,
        engagement,
        dpo,
        &Event {
            title: "Short breaks: what should the new service offer?".into(),
            mode: Mode::Hybrid,
            starts_at: uk_to_utc(day, Time::from_hms(10, 30, 0).unwrap_or(Time::MIDNIGHT)),
            length_minutes: 150,
            breaks: "A 20-minute break at 11:30, and a quiet room all day.".into(),
            capacity: 20,
            venue: Some(venue),
            platform: "Zoom".into(),
            captions: true,
            dial_in: "0161 496 0000".into(),
            booking: BookingRule::Public,
            published: true,
        },
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::EventCreated, "event", event)
            .in_organisation(dpo)
            .with(serde_json::json!({ "demo": true })),
    )
    .await?;
    Ok(event)
}
