//! Booking a place: a person on the register sees the event, their saved access needs ("Is this
//! still right for this event?"), adds what this event needs, and books — or joins the waiting
//! list when every place is taken. Cancelling is one button; a freed place is offered in order.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;

use super::domain::{BookingRule, BookingStatus};
use super::letters;
use super::places::{self, Needs};
use super::storage::{self, BookingRow, EventRow, VenueRow};
use super::venues::feature_words;
use crate::register::profile;
use crate::register::record::subject::{self, Subject};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

pub const TEXT_MAX_CHARS: usize = 2000;

#[derive(Template)]
#[template(path = "events/templates/book.html")]
struct BookPage {
    page: Page,
    event: EventRow,
    when: String,
    minutes: String,
    mode: String,
    venue: Option<VenueRow>,
    venue_features: Vec<String>,
    booking: Option<BookingRow>,
    status: String,
    offer_expires: String,
    saved_needs: Vec<String>,
    event_needs: String,
    travel_needs: String,
    companion: Vec<Choice>,
    full: bool,
    /// What the engagement pays, in plain English and Easy Read.
    payment_offer: String,
}

/// Why the booking page is being used: only a change may write (lapse expired offers and offer
/// free places first, so the change meets the places as they are now). Looking writes nothing;
/// offers that ran out meanwhile are passed on by the background sweep (`reminders`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visit {
    Look,
    Change,
}

/// The event, if the signed-in person may book it: published, and open to the public or they were
/// invited.
async fn bookable(
    state: &AppState,
    page: &Page,
    event_id: &str,
    visit: Visit,
) -> Result<(Subject, EventRow), AppError> {
    let subject = subject::own(state, page).await?;
    let event = super::find(state, event_id).await?;
    if !event.published {
        return Err(AppError::NotFound);
    }
    let mut conn = state.db.acquire().await?;
    let invited = storage::is_invited(&mut conn.ex(), event.id, subject.person.id).await?;
    let has_booking = storage::booking_of(&mut conn.ex(), event.id, subject.person.id)
        .await?
        .is_some();
    drop(conn);
    if event.rule() == BookingRule::Invitation && !invited && !has_booking {
        return Err(AppError::NotFound);
    }
    if visit == Visit::Change {
        let mut tx = state.db.begin().await?;
        super::settle_and_notify(&mut tx.ex(), state, &event).await?;
        tx.commit().await?;
    }
    Ok((subject, event))
}

/// What the booking form asks, as given.
#[derive(Default)]
pub(super) struct Answers {
    pub(super) event_needs: String,
    pub(super) travel_needs: String,
    pub(super) companion: bool,
}

impl Answers {
    /// The answers a booking holds.
    pub(super) fn of(state: &AppState, booking: &BookingRow) -> Answers {
        Answers {
            event_needs: super::open(
                state,
                booking,
                "event_needs",
                booking.event_needs.as_deref(),
            ),
            travel_needs: super::open(
                state,
                booking,
                "travel_needs",
                booking.travel_needs.as_deref(),
            ),
            companion: booking.companion,
        }
    }

    pub(super) fn read(body: &[u8]) -> Answers {
        let form = pairs(body);
        Answers {
            event_needs: one_of(&form, "event_needs"),
            travel_needs: one_of(&form, "travel_needs"),
            companion: one_of(&form, "companion") == "yes",
        }
    }

    /// The needs to book with. Longer answers are refused, never cut short.
    pub(super) fn check(&self) -> Result<Needs, Vec<Problem>> {
        let problems: Vec<Problem> = [
            ("event_needs", &self.event_needs),
            ("travel_needs", &self.travel_needs),
        ]
        .into_iter()
        .filter(|(_, text)| text.chars().count() > TEXT_MAX_CHARS)
        .map(|(field, _)| Problem::too_long(field, "book-error-too-long", TEXT_MAX_CHARS))
        .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Needs {
            event_needs: self.event_needs.clone(),
            travel_needs: self.travel_needs.clone(),
            companion: self.companion,
        })
    }
}

pub async fn form(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
) -> AppResult {
    let (subject, event) = bookable(&state, &page, &event_id, Visit::Look).await?;
    render(book_page(&state, page, &subject, event, None).await?)
}

/// The booking page; `answers` are shown instead of the saved booking when a form comes back.
async fn book_page(
    state: &AppState,
    page: Page,
    subject: &Subject,
    event: EventRow,
    answers: Option<Answers>,
) -> Result<BookPage, AppError> {
    let saved_needs = saved_needs(state, &page, subject)?;
    let (booking, full) = place_of(state, &event, subject).await?;
    let venue = {
        let mut conn = state.db.acquire().await?;
        letters::venue_of(&mut conn.ex(), &event).await?
    };
    let payment_offer =
        crate::payments::offers::booking_part(state, &page, event.engagement_id).await?;
    let locale = page.locale();
    let Answers {
        event_needs,
        travel_needs,
        companion,
    } = answers
        .or_else(|| booking.as_ref().map(|b| Answers::of(state, b)))
        .unwrap_or_default();
    Ok(BookPage {
        when: super::when(&event, locale),
        minutes: super::minutes(&page, &event),
        mode: page.t(&event.mode().message_key()),
        venue_features: venue
            .as_ref()
            .map(|v| feature_words(&page, v))
            .unwrap_or_default(),
        venue,
        status: booking
            .as_ref()
            .map(|b| page.t(&b.status().message_key()))
            .unwrap_or_default(),
        offer_expires: booking
            .as_ref()
            .and_then(|b| b.offer_expires_at)
            .map(|at| {
                let local = super::domain::utc_to_uk(at);
                format!(
                    "{}, {}",
                    crate::web::dates::format_date(local.assume_utc(), locale),
                    super::clock(local.time())
                )
            })
            .unwrap_or_default(),
        full,
        payment_offer,
        booking,
        saved_needs,
        event_needs,
        travel_needs,
        companion: vec![
            Choice::new("yes", page.t("event-yes"), companion),
            Choice::new("no", page.t("event-no"), !companion),
        ],
        page,
        event,
    })
}

/// The person's place at the event (booked, waiting or offered), if they have one, and whether every
/// place is taken.
pub(super) async fn place_of(
    state: &AppState,
    event: &EventRow,
    subject: &Subject,
) -> Result<(Option<BookingRow>, bool), AppError> {
    let holding = |b: &BookingRow| {
        matches!(
            b.status(),
            BookingStatus::Booked | BookingStatus::Waiting | BookingStatus::Offered
        )
    };
    let mut conn = state.db.acquire().await?;
    let bookings = storage::bookings_of(&mut conn.ex(), event.id).await?;
    let taken = bookings.iter().filter(|b| holding(b)).count() as i64;
    let booking = bookings
        .into_iter()
        .find(|b| b.person_id == subject.person.id)
        .filter(holding);
    Ok((booking, taken >= event.capacity))
}

/// The access needs the person saved on the register, one line each, in the reader's language.
pub(super) fn saved_needs(
    state: &AppState,
    page: &Page,
    subject: &Subject,
) -> Result<Vec<String>, AppError> {
    let opened =
        profile::open(&state.keys, &subject.person).map_err(|e| AppError::Unexpected(e.into()))?;
    Ok(opened
        .access_needs
        .map(|needs| {
            let mut lines: Vec<String> = needs
                .needs
                .iter()
                .map(|n| {
                    let label = page.t(&n.need.message_key());
                    if n.detail.trim().is_empty() {
                        label
                    } else {
                        format!("{label}: {}", n.detail.trim())
                    }
                })
                .collect();
            if !needs.other.trim().is_empty() {
                lines.push(needs.other.trim().to_owned());
            }
            lines
        })
        .unwrap_or_default())
}

fn back_to(event: &EventRow) -> String {
    format!("/events/{}/book", event.id)
}

pub async fn submit(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (subject, event) = bookable(&state, &page, &event_id, Visit::Change).await?;
    if event.cancelled_at.is_some() {
        return Ok(see_other_with_flash(
            &state,
            &back_to(&event),
            "flash-event-is-cancelled",
        ));
    }
    let answers = Answers::read(&body);
    let needs = match answers.check() {
        Ok(needs) => needs,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(book_page(&state, page, &subject, event, Some(answers)).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    let status = places::book(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        &subject,
        &event,
        &needs,
    )
    .await?;
    tx.commit().await?;
    let flash = match status {
        BookingStatus::Waiting => "flash-event-waiting",
        _ => "flash-event-booked",
    };
    Ok(see_other_with_flash(&state, &back_to(&event), flash))
}

pub async fn cancel(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
) -> AppResult {
    let (subject, event) = bookable(&state, &page, &event_id, Visit::Change).await?;
    let mut tx = state.db.begin().await?;
    places::cancel(&mut tx.ex(), &state, page.ctx.actor(), &subject, &event).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &back_to(&event),
        "flash-event-cancelled",
    ))
}

pub async fn accept(
    State(state): State<AppState>,
    Ids(event_id): Ids<String>,
    page: Page,
) -> AppResult {
    let (subject, event) = bookable(&state, &page, &event_id, Visit::Change).await?;
    let mut tx = state.db.begin().await?;
    let taken = places::accept(&mut tx.ex(), &state, page.ctx.actor(), &subject, &event).await?;
    tx.commit().await?;
    let flash = if taken {
        "flash-event-booked"
    } else {
        "flash-event-offer-gone"
    };
    Ok(see_other_with_flash(&state, &back_to(&event), flash))
}

/// The event as an iCalendar file (RFC 5545), times in UTC. Public for published events, so a link
/// in an email opens in any calendar.
pub async fn calendar(State(state): State<AppState>, Ids(event_id): Ids<String>) -> AppResult {
    let event = super::find(&state, &event_id).await?;
    if !event.published {
        return Err(AppError::NotFound);
    }
    let venue = {
        let mut conn = state.db.acquire().await?;
        letters::venue_of(&mut conn.ex(), &event).await?
    };
    let text = letters::calendar_file(&state, &event, venue.as_ref());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"event.ics\"",
            ),
        ],
        text,
    )
        .into_response())
}
