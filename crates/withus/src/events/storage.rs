//! Event storage: venues, events, invitations, and bookings with the waiting list.
//!
//! Every change to an event's bookings first bumps `events.booking_seq` for that event. That write
//! takes the row lock on PostgreSQL and the database write lock on SQLite, so two people booking at
//! once are served one after the other and never both see the last free place.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::{BookingRule, BookingStatus, Feature, Mode, OFFER_HOURS};
use crate::access_plan::Status;
use crate::db::Ex;
use crate::on;
use crate::register::domain::{Region, Topic};

// --- Venues ------------------------------------------------------------------------------------

#[derive(Debug, Clone, Default)]
pub struct Venue {
    pub name: String,
    pub address: String,
    pub region: Option<Region>,
    pub features: Vec<Feature>,
    pub notes: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VenueRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub address: String,
    pub region: Option<String>,
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub hearing_loop: bool,
    pub accessible_parking: bool,
    pub quiet_room: bool,
    pub adjustable_lighting: bool,
    pub public_transport: bool,
    pub changing_places: bool,
    pub notes: String,
}

impl VenueRow {
    pub fn has(&self, feature: Feature) -> bool {
        match feature {
            Feature::StepFree => self.step_free,
            Feature::AccessibleToilet => self.accessible_toilet,
            Feature::HearingLoop => self.hearing_loop,
            Feature::AccessibleParking => self.accessible_parking,
            Feature::QuietRoom => self.quiet_room,
            Feature::AdjustableLighting => self.adjustable_lighting,
            Feature::PublicTransport => self.public_transport,
            Feature::ChangingPlaces => self.changing_places,
        }
    }

    pub fn features(&self) -> Vec<Feature> {
        Feature::ALL
            .iter()
            .copied()
            .filter(|f| self.has(*f))
            .collect()
    }

    pub fn as_venue(&self) -> Venue {
        Venue {
            name: self.name.clone(),
            address: self.address.clone(),
            region: self.region.as_deref().and_then(Region::parse),
            features: self.features(),
            notes: self.notes.clone(),
        }
    }
}

const VENUE_COLUMNS: &str = "id, organisation_id, name, address, region, step_free, accessible_toilet, hearing_loop, \
     accessible_parking, quiet_room, adjustable_lighting, public_transport, changing_places, notes";

/// Inserts (when `id` is new) or updates a venue of `organisation`.
pub async fn save_venue(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
    venue: &Venue,
) -> Result<(), sqlx::Error> {
    let has = |f| venue.features.contains(&f);
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO venues (id, organisation_id, name, address, region, step_free, accessible_toilet, hearing_loop, \
         accessible_parking, quiet_room, adjustable_lighting, public_transport, changing_places, notes, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, address = excluded.address, region = excluded.region, \
         step_free = excluded.step_free, accessible_toilet = excluded.accessible_toilet, hearing_loop = excluded.hearing_loop, \
         accessible_parking = excluded.accessible_parking, quiet_room = excluded.quiet_room, \
         adjustable_lighting = excluded.adjustable_lighting, public_transport = excluded.public_transport, \
         changing_places = excluded.changing_places, notes = excluded.notes, updated_at = excluded.updated_at",
    )
    .bind(id)
    .bind(organisation)
    .bind(venue.name.trim())
    .bind(venue.address.trim())
    .bind(venue.region.map(Region::as_str))
    .bind(has(Feature::StepFree))
    .bind(has(Feature::AccessibleToilet))
    .bind(has(Feature::HearingLoop))
    .bind(has(Feature::AccessibleParking))
    .bind(has(Feature::QuietRoom))
    .bind(has(Feature::AdjustableLighting))
    .bind(has(Feature::PublicTransport))
    .bind(has(Feature::ChangingPlaces))
    .bind(venue.notes.trim())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn find_venue(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<VenueRow>, sqlx::Error> {
    let sql = format!("SELECT {VENUE_COLUMNS} FROM venues WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// An organisation's venues, those in `region` only when given, by name.
pub async fn venues_of(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    region: Option<Region>,
) -> Result<Vec<VenueRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {VENUE_COLUMNS} FROM venues WHERE organisation_id = $1 AND ($2 IS NULL OR region = $2) ORDER BY name, id"
    );
    let region = region.map(Region::as_str);
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).bind(region).fetch_all(c).await)
}

// --- Events ------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct Event {
    pub title: String,
    pub mode: Mode,
    pub starts_at: OffsetDateTime,
    pub length_minutes: i64,
    pub breaks: String,
    pub capacity: i64,
    pub venue: Option<Uuid>,
    pub platform: String,
    pub captions: bool,
    pub dial_in: String,
    pub booking: BookingRule,
    pub published: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub id: Uuid,
    pub engagement_id: Uuid,
    pub organisation_id: Uuid,
    pub title: String,
    pub mode: String,
    pub starts_at: OffsetDateTime,
    pub length_minutes: i64,
    pub breaks: String,
    pub capacity: i64,
    pub venue_id: Option<Uuid>,
    pub platform: String,
    pub captions: bool,
    pub dial_in: String,
    pub booking: String,
    pub published: bool,
    pub ready_at: Option<OffsetDateTime>,
    /// Set when the organiser cancelled the event; nobody can book it any more.
    pub cancelled_at: Option<OffsetDateTime>,
    pub cancel_reason: String,
    /// When the event last changed: its calendar file's sequence number.
    pub updated_at: OffsetDateTime,
}

impl EventRow {
    pub fn mode(&self) -> Mode {
        Mode::parse(&self.mode).unwrap_or(Mode::InPerson)
    }
    pub fn rule(&self) -> BookingRule {
        BookingRule::parse(&self.booking).unwrap_or(BookingRule::Invitation)
    }
}

const EVENT_COLUMNS: &str = "id, engagement_id, organisation_id, title, mode, starts_at, length_minutes, breaks, capacity, \
     venue_id, platform, captions, dial_in, booking, published, ready_at, cancelled_at, cancel_reason, updated_at";

pub async fn create_event(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    organisation: Uuid,
    event: &Event,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO events (id, engagement_id, organisation_id, title, mode, starts_at, length_minutes, breaks, capacity, \
         venue_id, platform, captions, dial_in, booking, published, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)",
    )
    .bind(id)
    .bind(engagement)
    .bind(organisation)
    .bind(event.title.trim())
    .bind(event.mode.as_str())
    .bind(event.starts_at)
    .bind(event.length_minutes)
    .bind(event.breaks.trim())
    .bind(event.capacity)
    .bind(event.venue.filter(|_| event.mode.needs_venue()))
    .bind(event.platform.trim())
    .bind(event.captions)
    .bind(event.dial_in.trim())
    .bind(event.booking.as_str())
    .bind(event.published)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find_event(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<EventRow>, sqlx::Error> {
    let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// An engagement's events by start, published ones only when `published_only`.
pub async fn events_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    published_only: bool,
) -> Result<Vec<EventRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS} FROM events WHERE engagement_id = $1 AND (published OR NOT $2) ORDER BY starts_at, id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(engagement).bind(published_only).fetch_all(c).await)
}

// --- Invitations -------------------------------------------------------------------------------

/// Someone who may be invited: an active member of a panel.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Candidate {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: String,
}

/// The active members of `panel`, those with `topic` among their interests and living in `region`
/// only when given.
pub async fn candidates(
    ex: &mut Ex<'_>,
    panel: Uuid,
    topic: Option<Topic>,
    region: Option<Region>,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let sql = "SELECT p.id, p.display_name, p.email, p.phone, p.language FROM panel_memberships m \
               JOIN people p ON p.id = m.person_id \
               WHERE m.panel_id = $1 AND m.status = 'active' AND p.erased_at IS NULL \
               AND ($2 IS NULL OR EXISTS (SELECT 1 FROM person_topics t WHERE t.person_id = p.id AND t.topic = $2)) \
               AND ($3 IS NULL OR p.region = $3) \
               ORDER BY p.display_name, p.id";
    on!(ex.re(), c => sqlx::query_as(sql)
        .bind(panel)
        .bind(topic.map(Topic::as_str))
        .bind(region.map(Region::as_str))
        .fetch_all(c)
        .await)
}

/// Records an invitation; false if the person was already invited.
/// The people invited to a working group chosen fairly (`selection_invitations`), still on the
/// register.
pub async fn group_members(
    ex: &mut Ex<'_>,
    selection: Uuid,
) -> Result<Vec<Candidate>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT p.id, p.display_name, p.email, p.phone, p.language FROM selection_invitations i \
         JOIN people p ON p.id = i.person_id WHERE i.selection_id = $1 AND p.erased_at IS NULL \
         ORDER BY p.display_name, p.id",
    )
    .bind(selection)
    .fetch_all(c)
    .await)
}

pub async fn invite(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    emailed: bool,
    by: Option<Uuid>,
) -> Result<bool, sqlx::Error> {
    let added = on!(ex.re(), c => sqlx::query(
        "INSERT INTO event_invitations (event_id, person_id, emailed, invited_by, invited_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (event_id, person_id) DO NOTHING",
    )
    .bind(event)
    .bind(person)
    .bind(emailed)
    .bind(by)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(added > 0)
}

pub async fn is_invited(ex: &mut Ex<'_>, event: Uuid, person: Uuid) -> Result<bool, sqlx::Error> {
    let found: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_invitations WHERE event_id = $1 AND person_id = $2",
    )
    .bind(event)
    .bind(person)
    .fetch_one(c)
    .await)?;
    Ok(found > 0)
}

pub async fn invitation_count(ex: &mut Ex<'_>, event: Uuid) -> Result<i64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM event_invitations WHERE event_id = $1")
        .bind(event)
        .fetch_one(c)
        .await)
}

// --- Bookings ----------------------------------------------------------------------------------

/// What a person tells us when booking, sealed by the caller.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub event_needs: Option<Vec<u8>>,
    pub travel_needs: Option<Vec<u8>>,
    pub companion: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BookingRow {
    pub id: Uuid,
    pub event_id: Uuid,
    pub person_id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub language: String,
    pub status: String,
    pub seq: i64,
    pub event_needs: Option<Vec<u8>>,
    pub travel_needs: Option<Vec<u8>>,
    pub companion: bool,
    pub offer_expires_at: Option<OffsetDateTime>,
    pub attended: bool,
}

impl BookingRow {
    pub fn status(&self) -> BookingStatus {
        BookingStatus::parse(&self.status).unwrap_or(BookingStatus::Cancelled)
    }
}

const BOOKING_SELECT: &str = "SELECT b.id, b.event_id, b.person_id, p.display_name, p.email, p.phone, p.language, b.status, b.seq, \
     b.event_needs, b.travel_needs, b.companion, b.offer_expires_at, b.attended \
     FROM event_bookings b JOIN people p ON p.id = b.person_id";

/// Takes the event's booking lock for the rest of the transaction; returns the next sequence
/// number and the capacity, or `None` if there is no such event or it was cancelled.
async fn lock(ex: &mut Ex<'_>, event: Uuid) -> Result<Option<(i64, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "UPDATE events SET booking_seq = booking_seq + 1 WHERE id = $1 AND cancelled_at IS NULL \
         RETURNING booking_seq, capacity",
    )
    .bind(event)
    .fetch_optional(c)
    .await)
}

/// Places taken: booked, or offered and held for someone.
async fn taken(ex: &mut Ex<'_>, event: Uuid) -> Result<i64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_bookings WHERE event_id = $1 AND status IN ('booked', 'offered')",
    )
    .bind(event)
    .fetch_one(c)
    .await)
}

pub async fn booking_of(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
) -> Result<Option<BookingRow>, sqlx::Error> {
    let sql = format!("{BOOKING_SELECT} WHERE b.event_id = $1 AND b.person_id = $2");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).bind(person).fetch_optional(c).await)
}

/// Everyone with a booking for `event`: places first, then the waiting list in order.
pub async fn bookings_of(ex: &mut Ex<'_>, event: Uuid) -> Result<Vec<BookingRow>, sqlx::Error> {
    let sql = format!(
        "{BOOKING_SELECT} WHERE b.event_id = $1 ORDER BY CASE b.status WHEN 'booked' THEN 0 WHEN 'offered' THEN 1 \
         WHEN 'waiting' THEN 2 ELSE 3 END, b.seq, b.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).fetch_all(c).await)
}

/// Books a place for `person`, or puts them on the waiting list when every place is taken. Someone
/// already booked, offered or waiting keeps their place in the order and has their answers updated;
/// their booking as it was before is returned. Must run inside a transaction.
pub async fn book(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    details: &Details,
) -> Result<Option<(BookingStatus, Option<BookingRow>)>, sqlx::Error> {
    let Some((seq, capacity)) = lock(ex, event).await? else {
        return Ok(None);
    };
    let now = crate::db::now();
    if let Some(existing) = booking_of(ex, event, person).await?
        && matches!(
            existing.status(),
            BookingStatus::Booked | BookingStatus::Waiting | BookingStatus::Offered
        )
    {
        on!(ex.re(), c => sqlx::query(
            "UPDATE event_bookings SET event_needs = $2, travel_needs = $3, companion = $4, updated_at = $5 WHERE id = $1",
        )
        .bind(existing.id)
        .bind(details.event_needs.as_deref())
        .bind(details.travel_needs.as_deref())
        .bind(details.companion)
        .bind(now)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
        return Ok(Some((existing.status(), Some(existing))));
    }
    let queued: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_bookings WHERE event_id = $1 AND status = 'waiting'",
    )
    .bind(event)
    .fetch_one(c)
    .await)?;
    let status = if queued == 0 && taken(ex, event).await? < capacity {
        BookingStatus::Booked
    } else {
        BookingStatus::Waiting
    };
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO event_bookings (id, event_id, person_id, status, seq, event_needs, travel_needs, companion, offer_expires_at, attended, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $10) \
         ON CONFLICT (event_id, person_id) DO UPDATE SET status = excluded.status, seq = excluded.seq, \
         event_needs = excluded.event_needs, travel_needs = excluded.travel_needs, companion = excluded.companion, \
         offer_expires_at = NULL, updated_at = excluded.updated_at",
    )
    .bind(Uuid::now_v7())
    .bind(event)
    .bind(person)
    .bind(status.as_str())
    .bind(seq)
    .bind(details.event_needs.as_deref())
    .bind(details.travel_needs.as_deref())
    .bind(details.companion)
    .bind(false)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    if status == BookingStatus::Booked {
        not_ready_any_more(ex, event).await?;
    }
    Ok(Some((status, None)))
}

/// A new attendee may bring needs the access plan has not met: the organiser checks it again.
pub(crate) async fn not_ready_any_more(ex: &mut Ex<'_>, event: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE events SET ready_at = NULL WHERE id = $1")
        .bind(event)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The engagement's events a changed paper goes with (one, or all when `event` is `None`) need
/// their access plans checked again.
pub(in crate::events) async fn not_ready_after_papers_changed(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    event: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE events SET ready_at = NULL WHERE engagement_id = $1 AND ($2 IS NULL OR id = $2) AND ready_at IS NOT NULL",
    )
    .bind(engagement)
    .bind(event)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

async fn set_status(
    ex: &mut Ex<'_>,
    booking: Uuid,
    status: BookingStatus,
    expires: Option<OffsetDateTime>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE event_bookings SET status = $2, offer_expires_at = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(booking)
    .bind(status.as_str())
    .bind(expires)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Cancels `person`'s place or place in the queue. Returns the status it had, if any. Call
/// [`settle`] afterwards in the same transaction to offer the freed place.
pub async fn cancel(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
) -> Result<Option<BookingStatus>, sqlx::Error> {
    if lock(ex, event).await?.is_none() {
        return Ok(None);
    }
    let Some(existing) = booking_of(ex, event, person).await? else {
        return Ok(None);
    };
    let before = existing.status();
    if matches!(before, BookingStatus::Cancelled | BookingStatus::Expired) {
        return Ok(None);
    }
    set_status(ex, existing.id, BookingStatus::Cancelled, None).await?;
    Ok(Some(before))
}

/// Takes a place offered to `person`, if the offer still stands at `now`.
pub async fn accept(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    if lock(ex, event).await?.is_none() {
        return Ok(false);
    }
    match booking_of(ex, event, person).await? {
        Some(b)
            if b.status() == BookingStatus::Offered
                && b.offer_expires_at.is_some_and(|at| at > now) =>
        {
            set_status(ex, b.id, BookingStatus::Booked, None).await?;
            not_ready_any_more(ex, event).await?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// Lapses offers that expired before `now`, then offers every free place to the next on the
/// waiting list in order, held until `now` + 48 hours. Returns the new offers, to email.
/// Events with an offered place whose offer has run out at `now`.
pub async fn events_with_lapsed_offers(
    ex: &mut Ex<'_>,
    now: OffsetDateTime,
) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT DISTINCT event_id FROM event_bookings WHERE status = 'offered' AND offer_expires_at <= $1",
    )
    .bind(now)
    .fetch_all(c)
    .await)
}

pub async fn settle(
    ex: &mut Ex<'_>,
    event: Uuid,
    now: OffsetDateTime,
) -> Result<Vec<BookingRow>, sqlx::Error> {
    let Some((_, capacity)) = lock(ex, event).await? else {
        return Ok(Vec::new());
    };
    on!(ex.re(), c => sqlx::query(
        "UPDATE event_bookings SET status = 'expired', offer_expires_at = NULL, updated_at = $2 \
         WHERE event_id = $1 AND status = 'offered' AND offer_expires_at <= $2",
    )
    .bind(event)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    let free = capacity - taken(ex, event).await?;
    if free <= 0 {
        return Ok(Vec::new());
    }
    let sql = format!(
        "{BOOKING_SELECT} WHERE b.event_id = $1 AND b.status = 'waiting' ORDER BY b.seq, b.id LIMIT $2"
    );
    let next: Vec<BookingRow> = on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(event).bind(free).fetch_all(c).await)?;
    let expires = now + Duration::hours(OFFER_HOURS);
    let mut offers = Vec::new();
    for mut booking in next {
        set_status(ex, booking.id, BookingStatus::Offered, Some(expires)).await?;
        booking.status = BookingStatus::Offered.as_str().to_owned();
        booking.offer_expires_at = Some(expires);
        offers.push(booking);
    }
    Ok(offers)
}

/// Marks whether `person` came; true if that changed it.
pub async fn set_attended(
    ex: &mut Ex<'_>,
    event: Uuid,
    person: Uuid,
    attended: bool,
) -> Result<bool, sqlx::Error> {
    let changed = on!(ex.re(), c => sqlx::query(
        "UPDATE event_bookings SET attended = $3, updated_at = $4 WHERE event_id = $1 AND person_id = $2 AND attended <> $3",
    )
    .bind(event)
    .bind(person)
    .bind(attended)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

// --- Changing and cancelling events, reminders ----------------------------------------------------

/// Takes the booking lock and counts the places booked, so a change of capacity cannot race a
/// booking. `None` if there is no such event or it was cancelled.
pub async fn lock_and_count_booked(
    ex: &mut Ex<'_>,
    event: Uuid,
) -> Result<Option<i64>, sqlx::Error> {
    if lock(ex, event).await?.is_none() {
        return Ok(None);
    }
    let booked = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM event_bookings WHERE event_id = $1 AND status = 'booked'",
    )
    .bind(event)
    .fetch_one(c)
    .await)?;
    Ok(Some(booked))
}

/// Saves an organiser's changes to an event (call [`lock_and_count_booked`] first).
pub async fn update_event(ex: &mut Ex<'_>, id: Uuid, event: &Event) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE events SET title = $2, mode = $3, starts_at = $4, length_minutes = $5, breaks = $6, capacity = $7, \
         venue_id = $8, platform = $9, captions = $10, dial_in = $11, booking = $12, published = $13, updated_at = $14 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(event.title.trim())
    .bind(event.mode.as_str())
    .bind(event.starts_at)
    .bind(event.length_minutes)
    .bind(event.breaks.trim())
    .bind(event.capacity)
    .bind(event.venue.filter(|_| event.mode.needs_venue()))
    .bind(event.platform.trim())
    .bind(event.captions)
    .bind(event.dial_in.trim())
    .bind(event.booking.as_str())
    .bind(event.published)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A new time means a new reminder is due.
pub async fn clear_reminders(ex: &mut Ex<'_>, event: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE event_bookings SET reminded_at = NULL WHERE event_id = $1")
        .bind(event)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Cancels an event with the organiser's reason; false if it was already cancelled. Takes the
/// booking lock first, so no booking lands after the cancellation.
pub async fn cancel_event(
    ex: &mut Ex<'_>,
    event: Uuid,
    reason: &str,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    if lock(ex, event).await?.is_none() {
        return Ok(false);
    }
    on!(ex.re(), c => sqlx::query(
        "UPDATE events SET cancelled_at = $2, cancel_reason = $3, updated_at = $2 WHERE id = $1",
    )
    .bind(event)
    .bind(now)
    .bind(reason.trim())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(true)
}

/// A booked place whose reminder is due.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueReminder {
    pub booking_id: Uuid,
    pub event_id: Uuid,
    pub person_id: Uuid,
}

/// Places booked, by people with an email address, at events that go ahead and start after `now`
/// but no later than `now + lead`, not yet reminded.
pub async fn reminders_due(
    ex: &mut Ex<'_>,
    now: OffsetDateTime,
    lead: Duration,
) -> Result<Vec<DueReminder>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT b.id AS booking_id, b.event_id, b.person_id FROM event_bookings b \
         JOIN events e ON e.id = b.event_id JOIN people p ON p.id = b.person_id \
         WHERE b.status = 'booked' AND b.reminded_at IS NULL AND e.cancelled_at IS NULL \
         AND e.starts_at > $1 AND e.starts_at <= $2 \
         AND p.erased_at IS NULL AND p.email IS NOT NULL AND p.email <> '' \
         ORDER BY e.starts_at, b.id",
    )
    .bind(now)
    .bind(now + lead)
    .fetch_all(c)
    .await)
}

/// Records the reminder; false if another sweep got there first.
pub async fn mark_reminded(
    ex: &mut Ex<'_>,
    booking: Uuid,
    now: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    let changed = on!(ex.re(), c => sqlx::query(
        "UPDATE event_bookings SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL AND status = 'booked'",
    )
    .bind(booking)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

// The access plan's stored statuses.

/// An item's stored status, by its key.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Stored {
    pub item_key: String,
    pub status: String,
    pub reason: String,
    pub alternative: String,
    pub booked_on: Option<String>,
    pub cost_pence: Option<i64>,
    pub told_people_at: Option<OffsetDateTime>,
}

impl Stored {
    pub fn status(&self) -> Status {
        match self.status.as_str() {
            "in_progress" => Status::InProgress,
            "arranged" => Status::Arranged,
            "met_by_venue" => Status::MetByVenue,
            "cannot_arrange" => Status::CannotArrange {
                reason: self.reason.clone(),
                told_people_at: self.told_people_at,
                alternative: self.alternative.clone(),
            },
            _ => Status::NotStarted,
        }
    }
}

pub(in crate::events) async fn stored_items(
    ex: &mut Ex<'_>,
    event: Uuid,
) -> Result<Vec<Stored>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT item_key, status, reason, alternative, booked_on, cost_pence, told_people_at \
         FROM event_plan_items WHERE event_id = $1",
    )
    .bind(event)
    .fetch_all(c)
    .await)
}

pub(in crate::events) async fn save_item(
    ex: &mut Ex<'_>,
    event: Uuid,
    item: &Stored,
) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO event_plan_items (event_id, item_key, status, reason, alternative, booked_on, cost_pence, \
         told_people_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (event_id, item_key) DO UPDATE SET status = $3, reason = $4, alternative = $5, \
         booked_on = $6, cost_pence = $7, told_people_at = $8, updated_at = $9",
    )
    .bind(event)
    .bind(&item.item_key)
    .bind(&item.status)
    .bind(&item.reason)
    .bind(&item.alternative)
    .bind(&item.booked_on)
    .bind(item.cost_pence)
    .bind(item.told_people_at)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))
}

pub(in crate::events) async fn set_ready(ex: &mut Ex<'_>, event: Uuid) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE events SET ready_at = $2, updated_at = $2 WHERE id = $1")
        .bind(event)
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))
}

/// One row of a person's "your events" list.
#[derive(sqlx::FromRow)]
pub struct YourEventRow {
    #[sqlx(flatten)]
    pub event: EventRow,
    pub engagement_title: String,
    pub engagement_title_cy: String,
    pub booking_status: Option<String>,
    pub attended: Option<bool>,
}

/// Published events `person` was invited to or has a booking for, soonest first.
pub(in crate::events) async fn events_for(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<YourEventRow>, sqlx::Error> {
    let sql = "SELECT e.id, e.engagement_id, e.organisation_id, e.title, e.mode, e.starts_at, e.length_minutes, \
               e.breaks, e.capacity, e.venue_id, e.platform, e.captions, e.dial_in, e.booking, e.published, e.ready_at, \
               e.cancelled_at, e.cancel_reason, e.updated_at, \
               g.title_en AS engagement_title, g.title_cy AS engagement_title_cy, \
               b.status AS booking_status, b.attended AS attended \
               FROM events e JOIN engagements g ON g.id = e.engagement_id \
               LEFT JOIN event_bookings b ON b.event_id = e.id AND b.person_id = $1 \
               WHERE e.published AND (b.id IS NOT NULL OR EXISTS \
                 (SELECT 1 FROM event_invitations i WHERE i.event_id = e.id AND i.person_id = $1)) \
               ORDER BY e.starts_at, e.id";
    on!(ex.re(), c => sqlx::query_as(sql).bind(person).fetch_all(c).await)
}

/// Everyone with a booked place at any of an engagement's events that was not cancelled.
pub async fn booked_people_of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT DISTINCT b.person_id FROM event_bookings b JOIN events e ON e.id = b.event_id \
         WHERE e.engagement_id = $1 AND e.cancelled_at IS NULL AND b.status = 'booked'",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// What the access plans of an organisation's engagements cost, per engagement, in pence: every
/// item with a cost, except those that could not be arranged.
pub(in crate::events) async fn access_costs_of(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<(Uuid, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT e.engagement_id, CAST(SUM(i.cost_pence) AS BIGINT) FROM event_plan_items i \
         JOIN events e ON e.id = i.event_id JOIN engagements g ON g.id = e.engagement_id \
         WHERE g.organisation_id = $1 AND i.cost_pence IS NOT NULL AND i.status <> 'cannot_arrange' \
         GROUP BY e.engagement_id ORDER BY e.engagement_id",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}
