//! The organiser's access plan for an event: every adjustment its booked attendees need, with its
//! status, deadline, booking date and cost; telling people personally when something cannot be
//! arranged; and marking the event ready once nothing blocks it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use time::Date;
use uuid::Uuid;

use super::arranging::{self, ItemAnswers, Organiser, PlanError};
use super::domain::BookingStatus;
use super::storage::{self, BookingRow, EventRow, Stored, stored_items};
use crate::access_plan::{
    self, Attendee, Blocker, EventFacts, PaperFlag, PlanItem, Status, VenueFacts, build_plan,
    can_mark_ready, is_overdue, paper_blockers, paper_flags,
};
use crate::engagements::domain::parse_date;
use crate::i18n::Arg;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::register::{self, profile};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Permission;
use crate::web::forms::{Choice, one_of, pairs};
use crate::web::page::{render_invalid, render_status};
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

const STATUSES: [&str; 4] = ["in_progress", "arranged", "met_by_venue", "cannot_arrange"];

/// A stable key for an item: its kind, with the point size for large print.
pub fn item_key(item: &PlanItem) -> String {
    match item.size {
        Some(size) => format!("{}_{size}", item.kind.as_str()),
        None => item.kind.as_str().to_owned(),
    }
}

/// The event's plan, built from its booked attendees and merged with stored statuses, with the
/// booked people's rows (for telling them) and the stored rows.
struct Plan {
    items: Vec<(String, PlanItem, Option<Stored>)>,
    booked: Vec<BookingRow>,
    /// What is wrong with the event's papers and its engagement's.
    papers: Vec<PaperFlag>,
}

impl Plan {
    fn find(&self, key: &str) -> Option<&(String, PlanItem, Option<Stored>)> {
        self.items.iter().find(|(k, _, _)| k == key)
    }

    fn plan_items(&self) -> Vec<PlanItem> {
        self.items.iter().map(|(_, i, _)| i.clone()).collect()
    }
}

async fn plan(state: &AppState, event: &EventRow) -> Result<Plan, AppError> {
    let mut conn = state.db.acquire().await?;
    let venue = match event.venue_id {
        Some(id) => storage::find_venue(&mut conn.ex(), id).await?,
        None => None,
    };
    let booked: Vec<BookingRow> = storage::bookings_of(&mut conn.ex(), event.id)
        .await?
        .into_iter()
        .filter(|b| b.status() == BookingStatus::Booked)
        .collect();
    let mut attendees = Vec::new();
    for booking in &booked {
        let Some(person) = register::find_person(&mut conn.ex(), booking.person_id).await? else {
            continue;
        };
        let opened =
            profile::open(&state.keys, &person).map_err(|e| AppError::Unexpected(e.into()))?;
        attendees.push(Attendee {
            id: booking.person_id,
            name: booking.display_name.clone(),
            needs: opened.access_needs,
            // Everyone who books is seen by the host organisation's staff, who are the organisers.
            shares_name_with_organiser: true,
            event_specific: super::open(
                state,
                booking,
                "event_needs",
                booking.event_needs.as_deref(),
            ),
            companion: booking.companion,
            travel: super::open(
                state,
                booking,
                "travel_needs",
                booking.travel_needs.as_deref(),
            ),
            large_print_size: opened.preferences.large_print_size,
            formats: opened.preferences.formats.clone(),
            language: super::locale_of(&booking.language),
        });
    }
    let stored = stored_items(&mut conn.ex(), event.id).await?;
    let papers: Vec<access_plan::Paper> =
        crate::papers::for_event_plan(&mut conn.ex(), event.engagement_id, event.id).await?;
    drop(conn);
    let facts = EventFacts {
        starts_at: event.starts_at,
        length_minutes: u32::try_from(event.length_minutes).unwrap_or(0),
        mode: access_plan::Mode::parse(&event.mode).unwrap_or(access_plan::Mode::InPerson),
        venue: venue.map(|v| VenueFacts {
            step_free: v.step_free,
            accessible_toilet: v.accessible_toilet,
            hearing_loop: v.hearing_loop,
            quiet_room: v.quiet_room,
            accessible_parking: v.accessible_parking,
            changing_places: v.changing_places,
            adjustable_lighting: v.adjustable_lighting,
        }),
        captions: event.captions,
        phone_dial_in: !event.dial_in.trim().is_empty(),
    };
    let papers = paper_flags(&facts, &papers, &attendees);
    let mut seen = std::collections::HashMap::<String, usize>::new();
    let items = build_plan(&facts, &attendees)
        .into_iter()
        .map(|mut item| {
            let mut key = item_key(&item);
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            if *n > 1 {
                key = format!("{key}_{n}");
            }
            let saved = stored.iter().find(|s| s.item_key == key).cloned();
            if let Some(saved) = &saved {
                item.status = saved.status();
                item.booked_on = saved.booked_on.as_deref().and_then(parse_iso);
                item.cost_pence = saved.cost_pence;
            }
            (key, item, saved)
        })
        .collect();
    Ok(Plan {
        items,
        booked,
        papers,
    })
}

/// One item of an event's plan as an attendee's answer afterwards refers to it.
pub(super) struct Named {
    pub key: String,
    pub name: String,
    pub people: Vec<Uuid>,
}

/// Every item in the event's plan, named in the reader's language, with who needed it.
pub(super) async fn item_names(
    state: &AppState,
    page: &Page,
    event: &EventRow,
) -> Result<Vec<Named>, AppError> {
    Ok(plan(state, event)
        .await?
        .items
        .iter()
        .map(|(key, item, _)| Named {
            key: key.clone(),
            name: item_name(page, item),
            people: item.people.iter().map(|p| p.id).collect(),
        })
        .collect())
}

fn parse_iso(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let year = parts.next()?.to_owned();
    let month = parts.next()?.to_owned();
    let day = parts.next()?.to_owned();
    parse_date(&[day, month, year])
}

fn pounds(pence: i64) -> String {
    format!("£{}.{:02}", pence / 100, pence % 100)
}

struct Row {
    key: String,
    item: String,
    count: u32,
    who: String,
    deadline: String,
    overdue: bool,
    status: String,
    booked_on: String,
    cost: String,
}

/// One flag about a paper on the plan page.
struct PaperNote {
    text: String,
    /// Not published and past its deadline day.
    overdue: bool,
}

#[derive(Template)]
#[template(path = "events/templates/access_plan.html")]
struct PlanPage {
    page: Page,
    organisation: OrganisationRow,
    engagement_id: Uuid,
    event: EventRow,
    rows: Vec<Row>,
    blockers: Vec<(String, String)>,
    /// Items that cannot be arranged, with the people still to tell by phone or post.
    to_tell: Vec<(String, String, Vec<String>)>,
    papers: Vec<PaperNote>,
    can_manage: bool,
    feedback: super::feedback::Summary,
}

fn item_name(page: &Page, item: &PlanItem) -> String {
    let name = page.t(&item.kind.message_key());
    match item.size {
        Some(size) => format!("{name} ({size}pt)"),
        None => name,
    }
}

/// A paper flag in the reader's language, naming the paper and the format.
fn paper_text(page: &Page, flag: &PaperFlag) -> String {
    let day = |d: Date| crate::web::dates::format_date(d.midnight().assume_utc(), page.locale());
    let args = match flag {
        PaperFlag::MissingFormat {
            title,
            format,
            people,
        } => vec![
            ("title", Arg::from(title.as_str())),
            ("format", Arg::from(page.t(&format.message_key()))),
            ("count", Arg::from(*people)),
        ],
        PaperFlag::NotPublished { title, due } => vec![
            ("title", Arg::from(title.as_str())),
            ("due", Arg::from(day(*due))),
        ],
        PaperFlag::PublishedLate {
            title,
            due,
            published_on,
        } => vec![
            ("title", Arg::from(title.as_str())),
            ("due", Arg::from(day(*due))),
            ("published", Arg::from(day(*published_on))),
        ],
    };
    page.t_args(flag.message_key(), &args)
}

/// What stops the event being marked ready: (the row's anchor, the reason). Items first, then
/// papers missing a format someone booked needs.
fn blocker_texts(page: &Page, plan: &Plan) -> Vec<(String, String)> {
    let papers = paper_blockers(&plan.papers)
        .into_iter()
        .map(|flag| ("papers".to_owned(), paper_text(page, flag)));
    item_blocker_texts(page, &plan.plan_items())
        .into_iter()
        .chain(papers)
        .collect()
}

fn item_blocker_texts(page: &Page, items: &[PlanItem]) -> Vec<(String, String)> {
    can_mark_ready(items)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|b| {
            let (kind, size) = match b {
                Blocker::Unresolved { kind, size }
                | Blocker::NotTold { kind, size }
                | Blocker::NoAlternative { kind, size } => (*kind, *size),
            };
            let mut item = page.t(&kind.message_key());
            let mut anchor = format!("item-{}", kind.as_str());
            if let Some(size) = size {
                item = format!("{item} ({size}pt)");
                anchor = format!("{anchor}_{size}");
            }
            (
                anchor,
                page.t_args(b.message_key(), &[("item", Arg::Text(item))]),
            )
        })
        .collect()
}

async fn plan_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement_id: Uuid,
    event: EventRow,
    can_manage: bool,
) -> Result<PlanPage, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    let plan = plan(state, &event).await?;
    let locale = page.locale();
    let now = crate::db::now();
    let rows = plan
        .items
        .iter()
        .map(|(key, item, _)| {
            let mut who: Vec<String> = item.named().iter().map(|n| (*n).to_owned()).collect();
            if item.not_named() > 0 {
                who.push(page.t_args(
                    access_plan::items::WHO_NOT_NAMED_KEY,
                    &[("count", Arg::from(item.not_named()))],
                ));
            }
            Row {
                key: key.clone(),
                item: item_name(&page, item),
                count: item.count,
                who: who.join(", "),
                deadline: crate::web::dates::format_date(
                    item.deadline.midnight().assume_utc(),
                    locale,
                ),
                overdue: is_overdue(item, now),
                status: page.t(item.status.message_key()),
                booked_on: item
                    .booked_on
                    .map(|d| crate::web::dates::format_date(d.midnight().assume_utc(), locale))
                    .unwrap_or_default(),
                cost: item.cost_pence.map(pounds).unwrap_or_default(),
            }
        })
        .collect();
    let to_tell = plan
        .items
        .iter()
        .filter_map(|(key, item, _)| match &item.status {
            Status::CannotArrange {
                told_people_at: None,
                ..
            } => Some((
                key.clone(),
                item_name(&page, item),
                plan.booked
                    .iter()
                    .filter(|b| item.people.iter().any(|p| p.id == b.person_id))
                    .filter(|b| b.email.as_deref().is_none_or(str::is_empty))
                    .map(|b| match b.phone.as_deref().filter(|p| !p.is_empty()) {
                        Some(phone) => format!("{} ({phone})", b.display_name),
                        None => b.display_name.clone(),
                    })
                    .collect(),
            )),
            _ => None,
        })
        .collect();
    let blockers = blocker_texts(&page, &plan);
    let papers = plan
        .papers
        .iter()
        .map(|flag| PaperNote {
            text: paper_text(&page, flag),
            overdue: flag.is_overdue(now.date()),
        })
        .collect();
    let feedback =
        super::feedback::summary(state, &page, org_id, engagement_id, &event, can_manage).await?;
    Ok(PlanPage {
        feedback,
        page,
        organisation,
        engagement_id,
        event,
        rows,
        blockers,
        to_tell,
        papers,
        can_manage,
    })
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (engagement, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let can_manage =
        allowed(&page, org_id, Permission::ManageEngagements) && engagement.relation.can_edit();
    render(
        plan_page(
            &state,
            page,
            org_id,
            engagement.engagement.id,
            event,
            can_manage,
        )
        .await?,
    )
}

/// Back to the plan when the item is no longer in it (the people who needed it cancelled, say).
fn gone(
    state: &AppState,
    org_id: Uuid,
    engagement_id: Uuid,
    event_id: Uuid,
) -> axum::response::Response {
    see_other_with_flash(
        state,
        &plan_url(org_id, engagement_id, event_id),
        "plan-flash-no-such-item",
    )
}

fn plan_url(org_id: Uuid, engagement_id: Uuid, event_id: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/access-plan")
}

#[derive(Template)]
#[template(path = "events/templates/access_plan_item.html")]
struct ItemPage {
    page: Page,
    organisation: OrganisationRow,
    engagement_id: Uuid,
    event: EventRow,
    key: String,
    item: String,
    statuses: Vec<Choice>,
    reason: String,
    alternative: String,
    booked_on: String,
    cost: String,
}

#[allow(clippy::too_many_arguments)]
async fn item_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement_id: Uuid,
    event: EventRow,
    key: String,
    item: &PlanItem,
    form: Option<&[(String, String)]>,
) -> Result<ItemPage, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    let (status, reason, alternative, booked_on, cost) = match form {
        Some(form) => (
            one_of(form, "status"),
            one_of(form, "reason"),
            one_of(form, "alternative"),
            one_of(form, "booked_on"),
            one_of(form, "cost"),
        ),
        None => {
            let (status, reason, alternative) = match &item.status {
                Status::InProgress => ("in_progress", String::new(), String::new()),
                Status::Arranged => ("arranged", String::new(), String::new()),
                Status::MetByVenue => ("met_by_venue", String::new(), String::new()),
                Status::CannotArrange {
                    reason,
                    alternative,
                    ..
                } => ("cannot_arrange", reason.clone(), alternative.clone()),
                Status::NotStarted => ("", String::new(), String::new()),
            };
            (
                status.to_owned(),
                reason,
                alternative,
                item.booked_on
                    .map(|d| format!("{} {} {}", d.day(), u8::from(d.month()), d.year()))
                    .unwrap_or_default(),
                item.cost_pence
                    .map(|p| format!("{}.{:02}", p / 100, p % 100))
                    .unwrap_or_default(),
            )
        }
    };
    let statuses = STATUSES
        .iter()
        .zip([
            Status::InProgress,
            Status::Arranged,
            Status::MetByVenue,
            Status::CannotArrange {
                reason: String::new(),
                told_people_at: None,
                alternative: String::new(),
            },
        ])
        .map(|(value, s)| Choice::new(*value, page.t(s.message_key()), status == *value))
        .collect();
    Ok(ItemPage {
        item: item_name(&page, item),
        page,
        organisation,
        engagement_id,
        event,
        key,
        statuses,
        reason,
        alternative,
        booked_on,
        cost,
    })
}

pub async fn item_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let plan = plan(&state, &event).await?;
    let id = engagement.engagement.id;
    let Some((key, item, _)) = plan.find(&key) else {
        return Ok(gone(&state, org_id, id, event.id));
    };
    render(item_page(&state, page, org_id, id, event, key.clone(), item, None).await?)
}

/// Sets an item's status, booking date and cost. When it cannot be arranged, everyone affected
/// who has an email address is told at once in their language; the rest are listed to tell.
pub async fn item_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let plan = plan(&state, &event).await?;
    let id = engagement.engagement.id;
    let Some((key, item, _)) = plan.find(&key) else {
        return Ok(gone(&state, org_id, id, event.id));
    };
    let form = pairs(&body);
    let answers = ItemAnswers {
        status: one_of(&form, "status"),
        reason: one_of(&form, "reason"),
        alternative: one_of(&form, "alternative"),
        booked_on: one_of(&form, "booked_on"),
        cost: one_of(&form, "cost"),
    };
    let change = match arranging::check_item(&answers) {
        Ok(change) => change,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(
                item_page(
                    &state,
                    page,
                    org_id,
                    id,
                    event,
                    key.clone(),
                    item,
                    Some(&form),
                )
                .await?,
            );
        }
    };
    let by = Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    arranging::update_item(
        &mut tx.ex(),
        &state,
        by,
        &event,
        key,
        item,
        &plan.booked,
        change,
    )
    .await
    .map_err(plan_error)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &plan_url(org_id, id, event.id),
        "plan-flash-item-saved",
    ))
}

fn plan_error(error: PlanError) -> AppError {
    match error {
        PlanError::Database(error) => error.into(),
        other => AppError::Unexpected(other.into()),
    }
}

/// Records that the people without email were told by phone or post that an item cannot be arranged.
pub async fn told(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id, key)): Ids<(Uuid, String, String, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let plan = plan(&state, &event).await?;
    let id = engagement.engagement.id;
    let url = plan_url(org_id, id, event.id);
    let Some((_, _, Some(stored))) = plan.find(&key) else {
        return Ok(gone(&state, org_id, id, event.id));
    };
    let by = Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    match arranging::mark_told(&mut tx.ex(), by, event.id, stored).await {
        Ok(()) => {}
        Err(PlanError::NothingToTell) => {
            return Ok(see_other_with_flash(
                &state,
                &url,
                "plan-flash-nothing-to-tell",
            ));
        }
        Err(other) => return Err(plan_error(other)),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(&state, &url, "plan-flash-told"))
}

/// Marks the event ready, unless something in the plan still blocks it.
pub async fn ready(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let id = engagement.engagement.id;
    let plan = plan(&state, &event).await?;
    let blockers = blocker_texts(&page, &plan);
    if !blockers.is_empty() {
        let mut errors = FormErrors::default();
        for (anchor, blocker) in blockers {
            errors.add(&anchor, blocker);
        }
        let page = page.with_errors(errors);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            plan_page(&state, page, org_id, id, event, true).await?,
        );
    }
    let by = Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    arranging::mark_ready(&mut tx.ex(), by, event.id, plan.items.len())
        .await
        .map_err(plan_error)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!(
            "/organisations/{org_id}/engagements/{id}/events/{}",
            event.id
        ),
        "plan-flash-ready",
    ))
}
