//! Booking a place for someone: staff who may manage an event's bookings find a person on their
//! organisation's register (people who do not go online, or who asked someone to do it for them),
//! say what they need for the event and how the person told them, and book through the same
//! command a person uses for themselves, so capacity, the waiting list, their letter or call, the
//! access plan and the audit log all follow. Staff can cancel a place for the person the same way.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use uuid::Uuid;

use super::booking::{Answers, place_of, saved_needs};
use super::domain::{BookingStatus, Told};
use super::places::{self, Needs};
use super::storage::{BookingRow, EventRow};
use crate::i18n::Arg;
use crate::register::record::people_list::{self, region_label};
use crate::register::record::search::{self, Filters, PAGE_SIZE};
use crate::register::record::subject::{self, Subject};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

/// The event's staff page.
fn event_page(org_id: Uuid, event: &EventRow) -> String {
    format!(
        "/organisations/{org_id}/engagements/{}/events/{}",
        event.engagement_id, event.id
    )
}

/// The event, if this member of staff may manage its bookings (its engagement is one their
/// organisation may change).
async fn manageable(
    state: &AppState,
    org_id: Uuid,
    engagement_id: &str,
    event_id: &str,
) -> Result<EventRow, AppError> {
    crate::engagements::load_editable(state, org_id, engagement_id).await?;
    let (_, event) = super::load_for(state, org_id, engagement_id, event_id).await?;
    Ok(event)
}

/// One person found, with the address of their booking page.
struct Found {
    name: String,
    region: String,
    href: String,
}

#[derive(Template)]
#[template(path = "events/templates/book_for_find.html")]
struct FindPage {
    page: Page,
    event: EventRow,
    when: String,
    back: String,
    action: String,
    text: String,
    searched: bool,
    count_text: String,
    found: Vec<Found>,
    more: bool,
}

/// Finding the person: a name search of the people this organisation may see on its register.
pub async fn find(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    RawQuery(query): RawQuery,
    page: Page,
) -> AppResult {
    let event = manageable(&state, org_id, &engagement_id, &event_id).await?;
    let text = one_of(&pairs(query.unwrap_or_default().as_bytes()), "q");
    // Only the name: the other filters of the people list are not offered here.
    let filters = Filters::parse(&[("q".to_owned(), text.clone())]);
    let back = event_page(org_id, &event);
    let (total, found) = if filters.text.is_empty() {
        (0, Vec::new())
    } else {
        let search = people_list::prepare(&state, &page, org_id, None).await?;
        let mut conn = state.db.acquire().await?;
        let total = search::count(&mut conn.ex(), &search.scope, &filters).await?;
        let found = search::page(&mut conn.ex(), &search.scope, &filters, total).await?;
        (total, found)
    };
    render(FindPage {
        when: super::when(&event, page.locale()),
        action: format!("{back}/book-for"),
        found: found
            .into_iter()
            .map(|f| Found {
                region: region_label(&page, f.region.as_deref()),
                href: format!("{back}/book-for/{}", f.id),
                name: f.display_name,
            })
            .collect(),
        count_text: page.t_args("book-for-count", &[("count", Arg::Number(total))]),
        more: total > PAGE_SIZE,
        searched: !filters.text.is_empty(),
        text: filters.text,
        back,
        page,
        event,
    })
}

#[derive(Template)]
#[template(path = "events/templates/book_for.html")]
struct PersonPage {
    page: Page,
    event: EventRow,
    when: String,
    back: String,
    action: String,
    name: String,
    booking: Option<BookingRow>,
    status: String,
    full: bool,
    /// The person's saved access needs, for staff who may see them.
    saved_needs: Option<Vec<String>>,
    event_needs: String,
    travel_needs: String,
    companion: Vec<Choice>,
    told: Vec<Choice>,
    cancel_told: Vec<Choice>,
}

/// "How did they tell you?", with the answer given (if any) chosen.
fn told_choices(page: &Page, given: &str) -> Vec<Choice> {
    Told::CHOICES
        .into_iter()
        .map(|t| Choice::new(t.as_str(), page.t(&t.message_key()), t.as_str() == given))
        .collect()
}

/// What a returning form held besides the booking answers.
#[derive(Default)]
struct Given {
    told: String,
    cancel_told: String,
}

async fn person_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    event: EventRow,
    subject: &Subject,
    answers: Option<Answers>,
    given: Given,
) -> Result<PersonPage, AppError> {
    let (booking, full) = place_of(state, &event, subject).await?;
    let saved_needs = if subject.seen.access_needs {
        Some(saved_needs(state, &page, subject)?)
    } else {
        None
    };
    let Answers {
        event_needs,
        travel_needs,
        companion,
    } = answers
        .or_else(|| booking.as_ref().map(|b| Answers::of(state, b)))
        .unwrap_or_default();
    let back = event_page(org_id, &event);
    Ok(PersonPage {
        when: super::when(&event, page.locale()),
        action: format!("{back}/book-for/{}", subject.person.id),
        back,
        name: subject.person.display_name.clone(),
        status: booking
            .as_ref()
            .map(|b| page.t(&b.status().message_key()))
            .unwrap_or_default(),
        booking,
        full,
        saved_needs,
        event_needs,
        travel_needs,
        companion: vec![
            Choice::new("yes", page.t("event-yes"), companion),
            Choice::new("no", page.t("event-no"), !companion),
        ],
        told: told_choices(&page, &given.told),
        cancel_told: told_choices(&page, &given.cancel_told),
        page,
        event,
    })
}

/// The person's booking page, as staff see it.
pub async fn form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, person_id)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let event = manageable(&state, org_id, &engagement_id, &event_id).await?;
    let subject = subject::seen_by_staff(&state, &page, org_id, &person_id).await?;
    let view = person_page(
        &state,
        page,
        org_id,
        event,
        &subject,
        None,
        Given::default(),
    );
    render(view.await?)
}

/// Checks "How did they tell you?" (asked as `field`).
fn check_told(value: &str, field: &'static str) -> Result<Told, Vec<Problem>> {
    Told::parse(value).ok_or_else(|| vec![Problem::new(field, "book-for-error-told")])
}

/// Checks the booking form: what the person needs, and how they told staff.
fn check(answers: &Answers, told: &str) -> Result<(Needs, Told), Vec<Problem>> {
    match (answers.check(), check_told(told, "told")) {
        (Ok(needs), Ok(told)) => Ok((needs, told)),
        (needs, told) => Err([needs.err(), told.err()]
            .into_iter()
            .flatten()
            .flatten()
            .collect()),
    }
}

/// Why a place cannot be booked or cancelled now, as a message for the event's staff page.
fn closed(event: &EventRow) -> Option<&'static str> {
    if event.cancelled_at.is_some() {
        Some("flash-event-is-cancelled")
    } else if event.starts_at <= crate::db::now() {
        Some("flash-event-has-started")
    } else {
        None
    }
}

/// The event, the person and the event's staff page, when a place can be booked or cancelled for
/// them now; else the staff page, saying why not.
async fn changeable(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    engagement_id: &str,
    event_id: &str,
    person_id: &str,
) -> Result<Result<(EventRow, Subject, String), Response>, AppError> {
    let event = manageable(state, org_id, engagement_id, event_id).await?;
    let subject = subject::seen_by_staff(state, page, org_id, person_id).await?;
    let back = event_page(org_id, &event);
    Ok(match closed(&event) {
        Some(flash) => Err(see_other_with_flash(state, &back, flash)),
        None => Ok((event, subject, back)),
    })
}

/// Books the place (or a place on the waiting list) for the person.
pub async fn submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, person_id)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (event, subject, back) =
        match changeable(&state, &page, org_id, &engagement_id, &event_id, &person_id).await? {
            Ok(found) => found,
            Err(refused) => return Ok(refused),
        };
    let answers = Answers::read(&body);
    let given = Given {
        told: one_of(&pairs(&body), "told"),
        cancel_told: String::new(),
    };
    let (needs, told) = match check(&answers, &given.told) {
        Ok(checked) => checked,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let view = person_page(&state, page, org_id, event, &subject, Some(answers), given);
            return render_invalid(view.await?);
        }
    };
    // Offers that ran out are passed on first, so the booking meets the places as they are now.
    let mut tx = state.db.begin().await?;
    super::settle_and_notify(&mut tx.ex(), &state, &event).await?;
    let status = places::book_for(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        told,
        &subject,
        &event,
        &needs,
    )
    .await?;
    tx.commit().await?;
    let flash = match status {
        BookingStatus::Waiting => "flash-event-waiting-for",
        _ => "flash-event-booked-for",
    };
    Ok(see_other_with_flash(&state, &back, flash))
}

/// Cancels the person's place (or their place on the waiting list) for them.
pub async fn cancel(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, person_id)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (event, subject, back) =
        match changeable(&state, &page, org_id, &engagement_id, &event_id, &person_id).await? {
            Ok(found) => found,
            Err(refused) => return Ok(refused),
        };
    let given = Given {
        told: String::new(),
        cancel_told: one_of(&pairs(&body), "cancel_told"),
    };
    let told = match check_told(&given.cancel_told, "cancel_told") {
        Ok(told) => told,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let view = person_page(&state, page, org_id, event, &subject, None, given);
            return render_invalid(view.await?);
        }
    };
    let mut tx = state.db.begin().await?;
    let had = places::cancel_for(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        told,
        &subject,
        &event,
    )
    .await?;
    tx.commit().await?;
    let flash = if had {
        "flash-event-cancelled-for"
    } else {
        "flash-event-nothing-to-cancel"
    };
    Ok(see_other_with_flash(&state, &back, flash))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(event_needs: &str) -> Answers {
        Answers {
            event_needs: event_needs.into(),
            ..Answers::default()
        }
    }

    #[test]
    fn how_they_told_staff_is_needed_and_must_be_one_of_the_choices() {
        let Err(problems) = check(&answers(""), "") else {
            panic!("booked without saying how the person told staff");
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "told");
        assert_eq!(problems[0].key, "book-for-error-told");
        assert!(
            check(&answers(""), "online").is_err(),
            "online is the person themselves"
        );
        let Ok((needs, told)) = check(&answers("A seat near the front"), "advocate") else {
            panic!("a good booking was refused");
        };
        assert_eq!(told, Told::Advocate);
        assert_eq!(needs.event_needs, "A seat near the front");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let long = "x".repeat(super::super::booking::TEXT_MAX_CHARS + 1);
        let Err(problems) = check(&answers(&long), "") else {
            panic!("an answer too long was accepted");
        };
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["event_needs", "told"]);
    }
}
