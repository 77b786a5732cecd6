//! After an event, each attendee is asked "Were your access needs met?": by email in their language,
//! or by the organiser by phone or in person (staff record the answer and how it was given). The
//! answers show on the event's pages and, as a "Needs met" figure, on the engagement's page.

pub mod answer;
mod storage;

use axum::http::Method;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::BookingStatus;
use super::storage::{self as events, EventRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::{Arg, Locale};
use crate::notices::{Channel, Delivery, Notice, NoticeKind};
use crate::register::record::visibility::{Visibility, relation, visibility};
use crate::security::field_crypto::{FieldContext, KeyRing, ResealError};
use crate::state::AppState;
use crate::vocab::stored_enum;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
use crate::web::{AppError, Page};
pub use storage::{FeedbackRow, Tally, tally_of_engagement};

stored_enum!(
    /// Whether an attendee's access needs were met.
    Answer, "feedback-answer" {
        Yes => "yes",
        Partly => "partly",
        No => "no",
    }
);

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! staff {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}",
                $suffix
            )
        };
    }
    vec![
        route(
            M::GET,
            "/events/{event_id}/feedback",
            SignedIn,
            get(answer::form),
        ),
        route(
            M::POST,
            "/events/{event_id}/feedback",
            SignedIn,
            post(answer::submit),
        ),
        route(
            M::POST,
            staff!("/feedback/ask"),
            Organisation(ManageEngagements),
            post(answer::ask_now),
        ),
        route(
            M::GET,
            staff!("/feedback/{person_id}"),
            Organisation(ManageEngagements),
            get(answer::staff_form),
        ),
        route(
            M::POST,
            staff!("/feedback/{person_id}"),
            Organisation(ManageEngagements),
            post(answer::staff_submit),
        ),
    ]
}

/// What a person said beyond their answer: which plan items fell short, and what went wrong.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Details {
    pub unmet: Vec<String>,
    pub words: String,
}

impl Details {
    pub fn is_empty(&self) -> bool {
        self.unmet.is_empty() && self.words.trim().is_empty()
    }
}

/// Where one person's answer about one event is sealed (bound to both, and to the column).
pub fn field(event: Uuid, person: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "event_feedback",
        column: "details",
        row_id: super::booking_row_key(event, person),
    }
}

/// Seals every stored answer again where it is not under the active key; how many it changed.
pub async fn reseal(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (event, person, sealed) in storage::all_sealed(ex).await? {
        let what = || format!("event_feedback.details stored for person {person}");
        if let Some(new) = keys.resealed(&sealed, field(event, person), what)? {
            storage::replace_sealed(ex, event, person, &new).await?;
            resealed += 1;
        }
    }
    Ok(resealed)
}

/// Seals the details of one answer; nothing when there is nothing to keep.
pub fn seal(state: &AppState, event: Uuid, person: Uuid, details: &Details) -> Option<Vec<u8>> {
    (!details.is_empty()).then(|| {
        let text = serde_json::to_string(details).unwrap_or_default();
        state.keys.seal(&text, field(event, person))
    })
}

/// Opens what [`seal`] sealed; empty if there is nothing or it cannot be opened.
pub fn open(state: &AppState, row: &FeedbackRow) -> Details {
    row.details
        .as_deref()
        .and_then(|bytes| {
            state
                .keys
                .open(bytes, field(row.event_id, row.person_id))
                .ok()
        })
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Whether the event is over, so attendees can be asked how it went.
pub fn has_ended(event: &EventRow, now: OffsetDateTime) -> bool {
    event.starts_at + Duration::minutes(event.length_minutes) <= now
}

/// Who was newly asked: by email, or to be asked by the organiser.
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked {
    pub emailed: usize,
    pub in_person: usize,
}

/// Asks every attendee of an event that has ended who has not been asked yet: by email in their
/// language, or (without an email address) listed for the organiser to ask. Each person is asked
/// once, however often attendance is saved.
pub async fn ask(
    ex: &mut Ex<'_>,
    state: &AppState,
    event: &EventRow,
    actor: Option<Uuid>,
) -> Result<Asked, sqlx::Error> {
    let mut asked = Asked::default();
    if !has_ended(event, crate::db::now()) {
        return Ok(asked);
    }
    let attendees = events::bookings_of(ex, event.id).await?;
    for booking in attendees
        .iter()
        .filter(|b| b.status() == BookingStatus::Booked && b.attended)
    {
        let has_email = booking.email.as_deref().is_some_and(|e| !e.is_empty());
        if !storage::mark_asked(ex, event.id, booking.person_id, has_email).await? {
            continue;
        }
        let delivery = super::letters::notify(ex, state, event, booking.person_id, |to| {
            question(state, event, &to.name, to.locale)
        })
        .await?;
        match delivery {
            Delivery::Queued(Channel::Email) => asked.emailed += 1,
            _ => asked.in_person += 1,
        }
    }
    if asked.emailed + asked.in_person > 0 {
        audit::record(
            ex,
            Entry::new(Action::EventFeedbackAsked, "event", event.id)
                .by(actor)
                .in_organisation(event.organisation_id)
                .with(json!({ "emailed": asked.emailed, "to_ask_in_person": asked.in_person })),
        )
        .await?;
    }
    Ok(asked)
}

/// The email asking one attendee, in their language.
fn question(state: &AppState, event: &EventRow, name: &str, locale: Locale) -> Notice {
    Notice::new(NoticeKind::FeedbackRequest)
        .arg("name", name)
        .arg("event", event.title.as_str())
        .arg("when", super::when(event, locale))
        .arg(
            "link",
            state.link(&format!("/events/{}/feedback", event.id)),
        )
}

/// The name of a plan item a person said was not met, in the reader's language. Items are found
/// in the event's plan by key; one no longer in the plan is named by its kind.
fn need_name(page: &Page, items: &[super::plan::Named], key: &str) -> String {
    if let Some(item) = items.iter().find(|i| i.key == key) {
        return item.name.clone();
    }
    let kind = key
        .rsplit_once('_')
        .filter(|(_, tail)| tail.chars().all(|c| c.is_ascii_digit()))
        .map_or(key, |(head, _)| head);
    crate::access_plan::ItemKind::parse(kind)
        .or_else(|| crate::access_plan::ItemKind::parse(key))
        .map_or_else(|| key.to_owned(), |k| page.t(&k.message_key()))
}

/// One answer that was Partly or No, as staff who may see access needs see it.
pub struct NotMet {
    pub person_id: Uuid,
    pub name: String,
    pub answer: String,
    pub needs: Vec<String>,
    pub words: String,
    pub contact: String,
    pub via: String,
    pub can_record: bool,
}

/// Someone asked without email, for the organiser to ask by phone or in person.
pub struct ToAsk {
    pub person_id: Uuid,
    pub name: String,
    pub phone: String,
    /// Their answer, once given.
    pub answer: String,
    pub can_record: bool,
}

/// The summary on an event's staff page and access plan page.
pub struct Summary {
    pub ended: bool,
    pub tally: Tally,
    pub not_met: Vec<NotMet>,
    /// Partly or No answers whose details this viewer may not see.
    pub not_met_hidden: usize,
    pub to_ask: Vec<ToAsk>,
    /// Attendees not asked yet, when the event is over and the viewer may ask them.
    pub can_ask_now: bool,
    /// Where the staff pages for this event's answers live.
    pub base: String,
}

/// What a viewer may see of one person, by the register's single rule.
async fn seen_by(
    state: &AppState,
    page: &Page,
    organisation: Uuid,
    person: Uuid,
) -> Result<Visibility, AppError> {
    let Some(user) = page.ctx.user.as_ref() else {
        return Ok(Visibility::NOTHING);
    };
    let mut conn = state.db.acquire().await?;
    let relation = relation(&mut conn.ex(), person, organisation).await?;
    Ok(visibility(
        user.role_in(organisation),
        user.is_site_admin,
        &relation,
    ))
}

pub async fn summary(
    state: &AppState,
    page: &Page,
    organisation: Uuid,
    engagement: Uuid,
    event: &EventRow,
    can_manage: bool,
) -> Result<Summary, AppError> {
    let (rows, tally, attendees) = {
        let mut conn = state.db.acquire().await?;
        let rows = storage::of_event(&mut conn.ex(), event.id).await?;
        let tally = storage::tally_of_event(&mut conn.ex(), event.id).await?;
        let attendees: Vec<Uuid> = events::bookings_of(&mut conn.ex(), event.id)
            .await?
            .into_iter()
            .filter(|b| b.status() == BookingStatus::Booked && b.attended)
            .map(|b| b.person_id)
            .collect();
        (rows, tally, attendees)
    };
    let ended = has_ended(event, crate::db::now());
    let unasked = attendees
        .iter()
        .any(|id| !rows.iter().any(|r| r.person_id == *id));
    let needs_items = rows.iter().any(|r| r.details.is_some());
    let items = if needs_items {
        super::plan::item_names(state, page, event).await?
    } else {
        Vec::new()
    };
    let mut summary = Summary {
        ended,
        tally,
        not_met: Vec::new(),
        not_met_hidden: 0,
        to_ask: Vec::new(),
        can_ask_now: ended && unasked && can_manage,
        base: format!(
            "/organisations/{organisation}/engagements/{engagement}/events/{}/feedback",
            event.id
        ),
    };
    for row in &rows {
        let seen = seen_by(state, page, organisation, row.person_id).await?;
        let can_record = can_manage && seen.access_needs;
        let answer = row.answer();
        if !row.asked_by_email && seen.listed {
            summary.to_ask.push(ToAsk {
                person_id: row.person_id,
                name: row.display_name.clone(),
                phone: if seen.contact {
                    row.phone.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                answer: answer.map(|a| page.t(&a.message_key())).unwrap_or_default(),
                can_record,
            });
        }
        let Some(answer) = answer.filter(|a| *a != Answer::Yes) else {
            continue;
        };
        if !seen.access_needs {
            summary.not_met_hidden += 1;
            continue;
        }
        let details = open(state, row);
        summary.not_met.push(NotMet {
            person_id: row.person_id,
            name: row.display_name.clone(),
            answer: page.t(&answer.message_key()),
            needs: details
                .unmet
                .iter()
                .map(|key| need_name(page, &items, key))
                .collect(),
            words: details.words,
            contact: match row.may_contact {
                Some(true) => page.t("feedback-contact-yes"),
                Some(false) => page.t("feedback-contact-no"),
                None => page.t("feedback-contact-not-said"),
            },
            via: row
                .given_via()
                .map(|c| page.t(&c.message_key()))
                .unwrap_or_default(),
            can_record,
        });
    }
    Ok(summary)
}

/// The "Needs met" line for an engagement: the share of answers that were Yes.
pub async fn needs_met(
    state: &AppState,
    locale: Locale,
    engagement: Uuid,
) -> Result<String, AppError> {
    let tally = {
        let mut conn = state.db.acquire().await?;
        storage::tally_of_engagement(&mut conn.ex(), engagement).await?
    };
    Ok(match tally.needs_met_percent() {
        Some(percent) => locale.t_args(
            "feedback-needs-met",
            &[
                ("percent", Arg::from(percent)),
                ("yes", Arg::from(tally.yes)),
                ("answered", Arg::from(tally.answered)),
            ],
        ),
        None => locale.t("feedback-needs-met-none"),
    })
}
