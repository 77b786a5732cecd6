//! Events of an engagement: sessions in person, online or both, at venues whose accessibility is
//! recorded once and reused; invitations to panel members; booking with the person's saved access
//! needs shown back to them; a waiting list that offers freed places in order with a time limit;
//! a calendar file; confirmation, reminder and change emails in each person's language and format;
//! organisers changing or cancelling an event; staff booking a place for someone who told them by
//! phone, letter, in person or through an advocate; and attendance, which counts as involvement on
//! the register.

pub mod arranging;
pub mod assisted;
pub mod booking;
pub mod change;
pub mod demo;
pub mod domain;
pub mod feedback;
pub mod fixtures;
pub mod letters;
pub mod organising;
pub mod places;
pub mod plan;
pub mod reminders;
pub mod sections;
pub mod staff;
mod storage;
pub mod venues;
pub mod yours;

use axum::http::Method;
use axum::routing::{get, post};
use uuid::Uuid;

use crate::db::Ex;
use crate::i18n::{Arg, Locale};
use crate::notices::{Notice, NoticeKind};
use crate::security::field_crypto::FieldContext;
use crate::state::AppState;
use crate::web::AppError;
use crate::web::access::{Access, Permission};
use crate::web::dates;
use crate::web::routing::{Route, route};
use storage::{BookingRow, EventRow};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! event {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}",
                $suffix
            )
        };
    }
    vec![
        route(M::GET, "/your-events", SignedIn, get(yours::list)),
        route(
            M::GET,
            "/organisations/{org_id}/venues",
            Organisation(ViewEngagements),
            get(venues::list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/venues/new",
            Organisation(ManageEngagements),
            get(venues::new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/venues/new",
            Organisation(ManageEngagements),
            post(venues::new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/venues/{venue_id}",
            Organisation(ManageEngagements),
            get(venues::edit_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/venues/{venue_id}",
            Organisation(ManageEngagements),
            post(venues::edit_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements/{engagement_id}/events/new",
            Organisation(ManageEngagements),
            get(staff::new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/engagements/{engagement_id}/events/new",
            Organisation(ManageEngagements),
            post(staff::new_submit),
        ),
        route(
            M::GET,
            event!(""),
            Organisation(ViewEngagements),
            get(staff::show),
        ),
        route(
            M::GET,
            event!("/edit"),
            Organisation(ManageEngagements),
            get(change::edit_form),
        ),
        route(
            M::POST,
            event!("/edit"),
            Organisation(ManageEngagements),
            post(change::edit_submit),
        ),
        route(
            M::GET,
            event!("/cancel"),
            Organisation(ManageEngagements),
            get(change::cancel_form),
        ),
        route(
            M::POST,
            event!("/cancel"),
            Organisation(ManageEngagements),
            post(change::cancel_submit),
        ),
        route(
            M::POST,
            event!("/invite"),
            Organisation(ManageEngagements),
            post(staff::invite),
        ),
        route(
            M::GET,
            event!("/access-plan"),
            Organisation(ViewEngagements),
            get(plan::show),
        ),
        route(
            M::GET,
            event!("/access-plan/items/{item_key}"),
            Organisation(ManageEngagements),
            get(plan::item_form),
        ),
        route(
            M::POST,
            event!("/access-plan/items/{item_key}"),
            Organisation(ManageEngagements),
            post(plan::item_submit),
        ),
        route(
            M::POST,
            event!("/access-plan/items/{item_key}/told"),
            Organisation(ManageEngagements),
            post(plan::told),
        ),
        route(
            M::POST,
            event!("/ready"),
            Organisation(ManageEngagements),
            post(plan::ready),
        ),
        route(
            M::GET,
            event!("/book-for"),
            Organisation(ManageEngagements),
            get(assisted::find),
        ),
        route(
            M::GET,
            event!("/book-for/{person_id}"),
            Organisation(ManageEngagements),
            get(assisted::form),
        ),
        route(
            M::POST,
            event!("/book-for/{person_id}"),
            Organisation(ManageEngagements),
            post(assisted::submit),
        ),
        route(
            M::POST,
            event!("/book-for/{person_id}/cancel"),
            Organisation(ManageEngagements),
            post(assisted::cancel),
        ),
        route(
            M::POST,
            event!("/attendance"),
            Organisation(ManageEngagements),
            post(staff::attendance),
        ),
        route(
            M::GET,
            "/events/{event_id}/book",
            SignedIn,
            get(booking::form),
        ),
        route(
            M::POST,
            "/events/{event_id}/book",
            SignedIn,
            post(booking::submit),
        ),
        route(
            M::POST,
            "/events/{event_id}/cancel",
            SignedIn,
            post(booking::cancel),
        ),
        route(
            M::POST,
            "/events/{event_id}/accept",
            SignedIn,
            post(booking::accept),
        ),
        route(
            M::GET,
            "/events/{event_id}/calendar.ics",
            Public,
            get(booking::calendar),
        ),
    ]
}

/// Seals a person's words about a booking, bound to the booking's event, person and column.
pub fn seal(
    state: &AppState,
    event: Uuid,
    person: Uuid,
    column: &str,
    text: &str,
) -> Option<Vec<u8>> {
    let text = text.trim();
    (!text.is_empty()).then(|| {
        state.keys.seal(
            text,
            FieldContext {
                table: "event_bookings",
                column,
                row_id: booking_row_key(event, person),
            },
        )
    })
}

/// Opens what [`seal`] sealed; empty if nothing was given or it cannot be opened.
pub fn open(state: &AppState, booking: &BookingRow, column: &str, sealed: Option<&[u8]>) -> String {
    sealed
        .and_then(|bytes| {
            state
                .keys
                .open(
                    bytes,
                    FieldContext {
                        table: "event_bookings",
                        column,
                        row_id: booking_row_key(booking.event_id, booking.person_id),
                    },
                )
                .ok()
        })
        .unwrap_or_default()
}

/// A stable key for one person's booking of one event (the row id changes on rebooking).
pub(crate) fn booking_row_key(event: Uuid, person: Uuid) -> Uuid {
    Uuid::from_u128(event.as_u128() ^ person.as_u128().rotate_left(64))
}

/// When an event starts, in UK time as GOV.UK writes it ("1 December 2026 at 10:00am").
pub fn when(event: &EventRow, locale: Locale) -> String {
    let local = domain::utc_to_uk(event.starts_at);
    format!(
        "{}, {}",
        dates::format_date(local.assume_utc(), locale),
        clock(local.time())
    )
}

pub(crate) fn clock(time: time::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

pub(crate) fn locale_of(language: &str) -> Locale {
    Locale::parse(language).unwrap_or(Locale::En)
}

/// Lapses expired offers and offers free places to the waiting list, emailing each new offer.
pub async fn settle_and_notify(
    ex: &mut Ex<'_>,
    state: &AppState,
    event: &EventRow,
) -> Result<(), sqlx::Error> {
    let offers = storage::settle(ex, event.id, crate::db::now()).await?;
    for offer in offers {
        letters::notify(ex, state, event, offer.person_id, |to| {
            let locale = to.locale;
            let expires = offer
                .offer_expires_at
                .map(|at| {
                    let local = domain::utc_to_uk(at);
                    format!(
                        "{}, {}",
                        dates::format_date(local.assume_utc(), locale),
                        clock(local.time())
                    )
                })
                .unwrap_or_default();
            Notice::new(NoticeKind::PlaceOffered)
                .arg("name", to.name.as_str())
                .arg("event", event.title.as_str())
                .arg("when", when(event, locale))
                .arg("expires", expires)
                .arg("link", state.link(&format!("/events/{}/book", event.id)))
        })
        .await?;
    }
    Ok(())
}

/// The event in the path, if it belongs to the engagement in the path and that engagement to the
/// organisation in the path (as lead or partner); else not found.
pub async fn load_for(
    state: &AppState,
    organisation: Uuid,
    engagement_id: &str,
    event_id: &str,
) -> Result<(crate::engagements::Loaded, EventRow), AppError> {
    let loaded = crate::engagements::load_for(state, organisation, engagement_id).await?;
    let event = find(state, event_id).await?;
    if event.engagement_id != loaded.engagement.id {
        return Err(AppError::NotFound);
    }
    Ok((loaded, event))
}

pub async fn find(state: &AppState, event_id: &str) -> Result<EventRow, AppError> {
    let id = Uuid::parse_str(event_id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    storage::find_event(&mut conn.ex(), id)
        .await?
        .ok_or(AppError::NotFound)
}

/// An event in an engagement's list.
pub struct Listed {
    pub id: Uuid,
    pub title: String,
    pub when: String,
    pub cancelled: bool,
}

/// An engagement's events, only published ones when `published_only`.
pub async fn listed(
    state: &AppState,
    engagement: Uuid,
    published_only: bool,
    locale: Locale,
) -> Result<Vec<Listed>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(
        storage::events_of(&mut conn.ex(), engagement, published_only)
            .await?
            .iter()
            .map(|e| Listed {
                id: e.id,
                title: e.title.clone(),
                when: when(e, locale),
                cancelled: e.cancelled_at.is_some(),
            })
            .collect(),
    )
}

/// "150 minutes", in the reader's language.
pub fn minutes(page: &crate::web::Page, event: &EventRow) -> String {
    page.t_args(
        "event-minutes",
        &[("minutes", Arg::from(event.length_minutes))],
    )
}

/// The engagement's group as events know it: everyone booked at one of its events.
pub async fn group_of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<std::collections::BTreeSet<Uuid>, sqlx::Error> {
    Ok(storage::booked_people_of_engagement(ex, engagement)
        .await?
        .into_iter()
        .collect())
}
