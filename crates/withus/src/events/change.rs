//! Organisers changing or cancelling an event. A new time or place is emailed to everyone booked or
//! waiting, and the access plan must be checked again; more places are offered to the waiting list.
//! Cancelling asks for a reason, which everyone booked, waiting or offered a place is told.

use askama::Template;
use axum::extract::State;
use serde_json::json;
use uuid::Uuid;

use super::domain::BookingStatus;
use super::letters::{self, Letter};
use super::organising::Organiser;
use super::staff::{Answers, check, form_page, read};
use super::storage::{self, BookingRow, Event, EventRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::Arg;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

pub const REASON_MAX_CHARS: usize = 2000;

fn event_path(org_id: Uuid, event: &EventRow) -> String {
    format!(
        "/organisations/{org_id}/engagements/{}/events/{}",
        event.engagement_id, event.id
    )
}

/// A cancelled event cannot be changed: back to its page, which says so.
fn refuse_cancelled(state: &AppState, org_id: Uuid, event: &EventRow) -> Option<AppResult> {
    event.cancelled_at.map(|_| {
        Ok(see_other_with_flash(
            state,
            &event_path(org_id, event),
            "flash-event-is-cancelled",
        ))
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    if let Some(done) = refuse_cancelled(&state, org_id, &event) {
        return done;
    }
    let answers = Answers::from_event(&event);
    render(form_page(&state, page, org_id, &engagement, answers, Some(&event)).await?)
}

/// What an organiser's change means for the people coming.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    pub time: bool,
    pub place: bool,
}

fn what_changed(before: &EventRow, after: &EventRow) -> Changed {
    Changed {
        time: before.starts_at != after.starts_at || before.length_minutes != after.length_minutes,
        place: before.mode != after.mode
            || before.venue_id != after.venue_id
            || before.platform != after.platform
            || before.dial_in != after.dial_in,
    }
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, before) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    if let Some(done) = refuse_cancelled(&state, org_id, &before) {
        return done;
    }
    let answers = read(&body);
    let venues = {
        let mut conn = state.db.acquire().await?;
        storage::venues_of(&mut conn.ex(), org_id, None).await?
    };
    let refuse = |page: Page, problems: Vec<Problem>, answers: Answers| {
        let page = page.with_problems(&problems);
        let state = &state;
        let engagement = &engagement;
        let before = &before;
        async move {
            render_invalid(form_page(state, page, org_id, engagement, answers, Some(before)).await?)
        }
    };
    let changes = match check(&answers, &venues) {
        Ok(changes) => changes,
        Err(problems) => return refuse(page, problems, answers).await,
    };
    let by = Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    let after = match update(&mut tx.ex(), &state, by, &before, &changes).await {
        Ok(after) => after,
        Err(ChangeError::CapacityBelowBooked { booked }) => {
            drop(tx);
            let problem = Problem::new("capacity", "event-error-capacity-below-booked")
                .with("booked", booked);
            return refuse(page, vec![problem], answers).await;
        }
        Err(other) => return Err(other.into()),
    };
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(see_other_with_flash(
        &state,
        &event_path(org_id, &after),
        "flash-event-updated",
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("{booked} people have already booked")]
    CapacityBelowBooked { booked: i64 },
    #[error("there is no such event")]
    NoSuchEvent,
    #[error("the event is already cancelled")]
    AlreadyCancelled,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<ChangeError> for AppError {
    fn from(error: ChangeError) -> Self {
        match error {
            ChangeError::Database(error) => error.into(),
            ChangeError::NoSuchEvent => AppError::NotFound,
            other => AppError::Unexpected(other.into()),
        }
    }
}

/// Changes an event. Taking its lock first, it refuses fewer places than are booked; a new time or
/// place is emailed to everyone still coming and means the access plan is checked again; more
/// places are offered to the waiting list. The event as changed.
pub async fn update(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Organiser,
    before: &EventRow,
    changes: &Event,
) -> Result<EventRow, ChangeError> {
    let booked = storage::lock_and_count_booked(ex, before.id)
        .await?
        .ok_or(ChangeError::NoSuchEvent)?;
    if changes.capacity < booked {
        return Err(ChangeError::CapacityBelowBooked { booked });
    }
    storage::update_event(ex, before.id, changes).await?;
    let after = storage::find_event(ex, before.id)
        .await?
        .ok_or(ChangeError::NoSuchEvent)?;
    let changed = what_changed(before, &after);
    if changed.time || changed.place {
        storage::not_ready_any_more(ex, after.id).await?;
        tell_of_change(ex, state, &after, changed).await?;
    }
    if changed.time {
        storage::clear_reminders(ex, after.id).await?;
    }
    if after.capacity > before.capacity {
        super::settle_and_notify(ex, state, &after).await?;
    }
    audit::record(
        ex,
        Entry::new(Action::EventUpdated, "event", after.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "time_changed": changed.time,
                "place_changed": changed.place,
                "capacity": after.capacity,
                "capacity_before": before.capacity,
            })),
    )
    .await?;
    Ok(after)
}

/// Cancels an event for `reason`, emailing everyone still coming.
pub async fn cancel(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Organiser,
    event: &EventRow,
    reason: &str,
) -> Result<(), ChangeError> {
    if !storage::cancel_event(ex, event.id, reason, crate::db::now()).await? {
        return Err(ChangeError::AlreadyCancelled);
    }
    let reason = reason.trim().to_owned();
    let emailed = tell_everyone(ex, state, event, Letter::EventCancelled, |_| {
        vec![("reason", Arg::from(reason.as_str()))]
    })
    .await?;
    audit::record(
        ex,
        Entry::new(Action::EventCancelled, "event", event.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "emailed": emailed })),
    )
    .await?;
    Ok(())
}

/// Booked, offered a place, or waiting: the people an event's news is for.
fn still_coming(booking: &BookingRow) -> bool {
    matches!(
        booking.status(),
        BookingStatus::Booked | BookingStatus::Offered | BookingStatus::Waiting
    )
}

/// Emails everyone still coming `letter`, in their language; returns how many were emailed.
async fn tell_everyone(
    ex: &mut Ex<'_>,
    state: &AppState,
    event: &EventRow,
    letter: Letter,
    extra: impl Fn(crate::i18n::Locale) -> Vec<(&'static str, Arg)>,
) -> Result<usize, sqlx::Error> {
    let venue = letters::venue_of(ex, event).await?;
    let mut emailed = 0;
    for booking in storage::bookings_of(ex, event.id).await? {
        if !still_coming(&booking) {
            continue;
        }
        let delivery = letters::send(
            ex,
            state,
            letter,
            event,
            venue.as_ref(),
            booking.person_id,
            &extra,
        )
        .await?;
        if delivery.reaches_by_itself() {
            emailed += 1;
        }
    }
    Ok(emailed)
}

async fn tell_of_change(
    ex: &mut Ex<'_>,
    state: &AppState,
    event: &EventRow,
    changed: Changed,
) -> Result<usize, sqlx::Error> {
    let venue = letters::venue_of(ex, event).await?;
    let place = letters::place(event, venue.as_ref());
    tell_everyone(ex, state, event, Letter::Changed, |locale| {
        let mut lines = Vec::new();
        if changed.time {
            lines.push(locale.t_args(
                "email-event-changed-time",
                &[("when", Arg::from(super::when(event, locale)))],
            ));
        }
        if changed.place {
            lines.push(locale.t_args(
                "email-event-changed-place",
                &[("place", Arg::from(place.as_str()))],
            ));
        }
        vec![("changes", Arg::from(lines.join("\n\n")))]
    })
    .await
}

#[derive(Template)]
#[template(path = "events/templates/event_cancel.html")]
struct CancelPage {
    page: Page,
    event: EventRow,
    when: String,
    back: String,
    coming: usize,
    reason: String,
}

async fn cancel_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    event: EventRow,
    reason: String,
) -> Result<CancelPage, AppError> {
    let coming = {
        let mut conn = state.db.acquire().await?;
        storage::bookings_of(&mut conn.ex(), event.id)
            .await?
            .iter()
            .filter(|b| still_coming(b))
            .count()
    };
    Ok(CancelPage {
        when: super::when(&event, page.locale()),
        back: event_path(org_id, &event),
        page,
        event,
        coming,
        reason,
    })
}

pub async fn cancel_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    if let Some(done) = refuse_cancelled(&state, org_id, &event) {
        return done;
    }
    render(cancel_page(&state, page, org_id, event, String::new()).await?)
}

/// Why the event is cancelled, as everyone coming will be told.
fn check_reason(reason: &str) -> Result<&str, Vec<Problem>> {
    if reason.trim().is_empty() {
        Err(vec![Problem::new("reason", "event-error-cancel-reason")])
    } else if reason.chars().count() > REASON_MAX_CHARS {
        Err(vec![Problem::too_long(
            "reason",
            "event-error-too-long",
            REASON_MAX_CHARS,
        )])
    } else {
        Ok(reason)
    }
}

pub async fn cancel_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    if let Some(done) = refuse_cancelled(&state, org_id, &event) {
        return done;
    }
    let reason = one_of(&pairs(&body), "reason");
    if let Err(problems) = check_reason(&reason) {
        let page = page.with_problems(&problems);
        return render_invalid(cancel_page(&state, page, org_id, event, reason).await?);
    }
    let by = Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    match cancel(&mut tx.ex(), &state, by, &event, &reason).await {
        Ok(()) => {}
        Err(ChangeError::AlreadyCancelled) => {
            drop(tx);
            return Ok(see_other_with_flash(
                &state,
                &event_path(org_id, &event),
                "flash-event-is-cancelled",
            ));
        }
        Err(other) => return Err(other.into()),
    }
    tx.commit().await?;
    state.mail_wake.notify_one();
    Ok(see_other_with_flash(
        &state,
        &event_path(org_id, &event),
        "flash-event-cancelled-by-organiser",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn event() -> EventRow {
        EventRow {
            id: Uuid::nil(),
            engagement_id: Uuid::nil(),
            organisation_id: Uuid::nil(),
            title: "Planning day".into(),
            mode: "in_person".into(),
            starts_at: datetime!(2026-12-01 10:00 UTC),
            length_minutes: 120,
            breaks: String::new(),
            capacity: 10,
            venue_id: Some(Uuid::max()),
            platform: String::new(),
            captions: false,
            dial_in: String::new(),
            booking: "public".into(),
            published: true,
            ready_at: None,
            cancelled_at: None,
            cancel_reason: String::new(),
            updated_at: crate::db::now(),
        }
    }

    #[test]
    fn a_cancellation_needs_a_reason_within_the_limit() {
        assert_eq!(check_reason("Flooded hall"), Ok("Flooded hall"));
        assert_eq!(
            check_reason("  "),
            Err(vec![Problem::new("reason", "event-error-cancel-reason")])
        );
        let long = "a".repeat(REASON_MAX_CHARS + 1);
        assert_eq!(
            check_reason(&long).unwrap_err()[0].key,
            "event-error-too-long"
        );
    }

    #[test]
    fn only_time_and_place_count_as_changes_people_must_hear_of() {
        let before = event();
        let mut after = event();
        after.title = "New name".into();
        after.capacity = 20;
        assert_eq!(
            what_changed(&before, &after),
            Changed {
                time: false,
                place: false
            }
        );
        after.length_minutes = 90;
        assert!(what_changed(&before, &after).time);
        after.venue_id = None;
        assert!(what_changed(&before, &after).place);
    }
}
