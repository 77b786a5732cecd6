//! Commands an organiser gives about an event: add it, invite people to it, record who came. Each
//! writes, audits and queues its notices in the caller's transaction.

use serde_json::json;
use uuid::Uuid;

use super::domain::BookingStatus;
use super::storage::{self, Event, EventRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::notices::{Channel, Delivery, Notice, NoticeKind};
use crate::register::domain::{Region, Topic};
use crate::register::record;
use crate::state::AppState;

/// Who is organising, and for which organisation.
pub type Organiser = crate::identity::StaffActor;

#[derive(Debug, thiserror::Error)]
pub enum OrganiseError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Payment(#[from] crate::payments::PaymentError),
}

impl From<OrganiseError> for crate::web::AppError {
    fn from(error: OrganiseError) -> Self {
        match error {
            OrganiseError::Database(error) => error.into(),
            OrganiseError::Payment(error) => error.into(),
        }
    }
}

/// Adds an event to an engagement. The new event's id.
pub async fn create(
    ex: &mut Ex<'_>,
    by: Organiser,
    engagement: Uuid,
    event: &Event,
) -> Result<Uuid, OrganiseError> {
    let id = storage::create_event(ex, engagement, by.organisation, event).await?;
    audit::record(
        ex,
        Entry::new(Action::EventCreated, "event", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "engagement": engagement, "capacity": event.capacity, "mode": event.mode.as_str() })),
    )
    .await?;
    Ok(id)
}

/// Whom to invite: a working group chosen fairly, as it is; or a panel, maybe filtered.
#[derive(Debug, Clone, Copy)]
pub enum Invitees {
    Group(Uuid),
    Panel {
        panel: Uuid,
        topic: Option<Topic>,
        region: Option<Region>,
    },
}

/// The outcome of inviting: the people with no email address, (name, phone), to contact another
/// way.
#[derive(Debug, Clone, Default)]
pub struct Invited {
    pub to_contact: Vec<(String, String)>,
}

/// Invites people not yet invited: an email to each with an address, in their language and format;
/// the others are returned to contact another way.
pub async fn invite(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Organiser,
    event: &EventRow,
    invitees: Invitees,
) -> Result<Invited, OrganiseError> {
    let people = match invitees {
        Invitees::Group(group) => storage::group_members(ex, group).await?,
        Invitees::Panel {
            panel,
            topic,
            region,
        } => storage::candidates(ex, panel, topic, region).await?,
    };
    let offer = crate::payments::offers::offer_of(ex, event.engagement_id).await?;
    let mut to_contact = Vec::new();
    let mut emailed = 0;
    let mut invited = 0;
    for person in &people {
        let address = person.email.as_deref().filter(|e| !e.is_empty());
        if !storage::invite(ex, event.id, person.id, address.is_some(), by.account).await? {
            continue;
        }
        invited += 1;
        let delivery = super::letters::notify(ex, state, event, person.id, |to| {
            Notice::new(NoticeKind::EventInvitation)
                .arg("name", to.name.as_str())
                .arg("event", event.title.as_str())
                .arg("when", super::when(event, to.locale))
                .arg("link", state.link(&format!("/events/{}/book", event.id)))
                .args(crate::payments::offers::notice_args(
                    offer.as_ref(),
                    to.locale,
                ))
        })
        .await?;
        match delivery {
            Delivery::Queued(Channel::Email) => emailed += 1,
            _ => to_contact.push((
                person.display_name.clone(),
                person.phone.clone().unwrap_or_default(),
            )),
        }
    }
    let (panel, group) = match invitees {
        Invitees::Group(group) => (None, Some(group)),
        Invitees::Panel { panel, .. } => (Some(panel), None),
    };
    audit::record(
        ex,
        Entry::new(Action::EventInvited, "event", event.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "panel": panel,
                "group": group,
                "invited": invited,
                "emailed": emailed,
            })),
    )
    .await?;
    Ok(Invited { to_contact })
}

/// Marks who came, from the people booked. Each newly marked attendance is recorded as involvement
/// on the register; once the event is over, everyone marked as there is asked whether their access
/// needs were met.
pub async fn record_attendance(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Organiser,
    event: &EventRow,
    came: &[Uuid],
) -> Result<(), OrganiseError> {
    let bookings = storage::bookings_of(ex, event.id).await?;
    let mut marked = 0;
    for booking in bookings
        .iter()
        .filter(|b| b.status() == BookingStatus::Booked)
    {
        let attended = came.contains(&booking.person_id);
        let changed = storage::set_attended(ex, event.id, booking.person_id, attended).await?;
        if changed && !attended {
            // Marked by mistake: a payment owed for it and not yet approved is owed no more.
            crate::payments::commands::not_attended(ex, by, event.id, booking.person_id).await?;
        }
        if changed && attended {
            record::record_involvement(
                ex,
                booking.person_id,
                event.organisation_id,
                &event.title,
                event.starts_at,
            )
            .await?;
            // Attending is involvement the engagement may pay for: the payment is owed in the
            // same transaction as the attendance that earns it.
            crate::payments::commands::due_for_attendance(
                ex,
                &state.keys,
                by.account,
                &crate::payments::commands::Attended {
                    event: event.id,
                    engagement: event.engagement_id,
                    person: booking.person_id,
                    title: &event.title,
                    day: event.starts_at.date(),
                    minutes: u32::try_from(event.length_minutes).unwrap_or(0),
                },
            )
            .await?;
            marked += 1;
        }
    }
    super::feedback::ask(ex, state, event, by.account).await?;
    audit::record(
        ex,
        Entry::new(Action::EventAttendanceRecorded, "event", event.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "attended": came.len(), "newly_marked": marked })),
    )
    .await?;
    Ok(())
}
