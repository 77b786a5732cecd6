//! Staff pages for an engagement's events: adding one, seeing who has booked and who is waiting,
//! inviting panel members, and marking who attended.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::domain::{BookingRule, BookingStatus, Mode, parse_clock, uk_to_utc};
use super::organising::{self, Invitees, Organiser};
use super::storage::{self, BookingRow, Event, EventRow, VenueRow};
use super::venues::feature_words;
use crate::engagements::domain::parse_date;
use crate::engagements::views::date_input;
use crate::i18n::Arg;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::register::domain::{Region, Topic};
use crate::register::panels;
use crate::register::record::visibility::visibility;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Permission;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem, all_of, check_known_one, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

pub const TITLE_MAX_CHARS: usize = 200;
pub const TEXT_MAX_CHARS: usize = 2000;
/// The most places an event can have.
pub const CAPACITY_MAX: i64 = 100_000;

#[derive(Default)]
pub(super) struct Answers {
    title: String,
    mode: String,
    date: [String; 3],
    start: String,
    length: String,
    breaks: String,
    capacity: String,
    venue: String,
    platform: String,
    captions: bool,
    dial_in: String,
    booking: String,
    published: bool,
}

#[derive(Template)]
#[template(path = "events/templates/event_form.html")]
pub(super) struct FormPage {
    page: Page,
    /// Where the form posts, and its heading: adding an event or changing one.
    action: String,
    heading: String,
    cancel_link: String,
    organisation: OrganisationRow,
    engagement_title: String,
    title: String,
    start: String,
    length: String,
    breaks: String,
    capacity: String,
    platform: String,
    dial_in: String,
    date: DateInput,
    modes: Vec<Choice>,
    venues: Vec<Choice>,
    captions: Vec<Choice>,
    booking: Vec<Choice>,
    published: Vec<Choice>,
}

impl Answers {
    /// The form filled in with an event as it is now, in UK time.
    pub(super) fn from_event(event: &EventRow) -> Answers {
        let local = super::domain::utc_to_uk(event.starts_at);
        Answers {
            title: event.title.clone(),
            mode: event.mode.clone(),
            date: [
                local.day().to_string(),
                u8::from(local.month()).to_string(),
                local.year().to_string(),
            ],
            start: super::clock(local.time()),
            length: event.length_minutes.to_string(),
            breaks: event.breaks.clone(),
            capacity: event.capacity.to_string(),
            venue: event.venue_id.map(|v| v.to_string()).unwrap_or_default(),
            platform: event.platform.clone(),
            captions: event.captions,
            dial_in: event.dial_in.clone(),
            booking: event.booking.clone(),
            published: event.published,
        }
    }
}

fn yes_no(page: &Page, yes: bool) -> Vec<Choice> {
    vec![
        Choice::new("yes", page.t("event-yes"), yes),
        Choice::new("no", page.t("event-no"), !yes),
    ]
}

pub(super) async fn form_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &crate::engagements::Loaded,
    answers: Answers,
    editing: Option<&EventRow>,
) -> Result<FormPage, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    let venues = {
        let mut conn = state.db.acquire().await?;
        storage::venues_of(&mut conn.ex(), org_id, None).await?
    };
    let locale = page.locale();
    let mut venue_choices = vec![Choice::new(
        "",
        page.t("event-no-venue"),
        answers.venue.is_empty(),
    )];
    venue_choices.extend(venues.iter().map(|v| {
        let id = v.id.to_string();
        Choice::new(id.clone(), v.name.clone(), id == answers.venue)
    }));
    let base = format!(
        "/organisations/{org_id}/engagements/{}/events",
        engagement.engagement.id
    );
    let (action, heading, cancel_link) = match editing {
        Some(event) => (
            format!("{base}/{}/edit", event.id),
            page.t("event-edit-title"),
            format!("{base}/{}", event.id),
        ),
        None => (
            format!("{base}/new"),
            page.t("event-new-title"),
            format!(
                "/organisations/{org_id}/engagements/{}",
                engagement.engagement.id
            ),
        ),
    };
    Ok(FormPage {
        action,
        heading,
        cancel_link,

        engagement_title: engagement.engagement.title().shown(locale).text,
        date: date_input(
            locale,
            &page.errors,
            "date",
            page.t("event-field-date"),
            answers.date.clone(),
        ),
        modes: Mode::ALL
            .iter()
            .map(|m| {
                Choice::new(
                    m.as_str(),
                    page.t(&m.message_key()),
                    m.as_str() == answers.mode,
                )
            })
            .collect(),
        venues: venue_choices,
        captions: yes_no(&page, answers.captions),
        booking: BookingRule::ALL
            .iter()
            .map(|b| {
                Choice::new(
                    b.as_str(),
                    page.t(&b.message_key()),
                    b.as_str() == answers.booking,
                )
            })
            .collect(),
        published: yes_no(&page, answers.published),
        page,
        organisation,
        title: answers.title,
        start: answers.start,
        length: answers.length,
        breaks: answers.breaks,
        capacity: answers.capacity,
        platform: answers.platform,
        dial_in: answers.dial_in,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let answers = Answers {
        mode: Mode::InPerson.as_str().into(),
        length: "120".into(),
        capacity: "20".into(),
        booking: BookingRule::Invitation.as_str().into(),
        ..Answers::default()
    };
    render(form_page(&state, page, org_id, &engagement, answers, None).await?)
}

pub(super) fn read(body: &[u8]) -> Answers {
    let form = pairs(body);
    let one = |name: &str| one_of(&form, name);
    Answers {
        title: one("title"),
        mode: one("mode"),
        date: [one("date-day"), one("date-month"), one("date-year")],
        start: one("start"),
        length: one("length"),
        breaks: one("breaks"),
        capacity: one("capacity"),
        venue: one("venue"),
        platform: one("platform"),
        captions: one("captions") == "yes",
        dial_in: one("dial_in"),
        booking: one("booking"),
        published: one("published") == "yes",
    }
}

pub(super) fn check(answers: &Answers, venues: &[VenueRow]) -> Result<Event, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = answers.title.trim();
    if title.is_empty() {
        problems.push(Problem::new("title", "event-error-title"));
    } else if title.chars().count() > TITLE_MAX_CHARS {
        problems.push(Problem::too_long(
            "title",
            "event-error-too-long",
            TITLE_MAX_CHARS,
        ));
    }
    let mode = Mode::parse(&answers.mode);
    if mode.is_none() {
        problems.push(Problem::new("mode", "event-error-mode"));
    }
    let date = parse_date(&answers.date);
    if date.is_none() {
        problems.push(Problem::new("date-day", "event-error-date"));
    }
    let start = parse_clock(&answers.start);
    if start.is_none() {
        problems.push(Problem::new("start", "event-error-start"));
    }
    let length = answers
        .length
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=1440).contains(n));
    if length.is_none() {
        problems.push(Problem::new("length", "event-error-length"));
    }
    let capacity = answers
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=CAPACITY_MAX).contains(n));
    if capacity.is_none() {
        problems.push(
            Problem::new("capacity", "event-error-capacity")
                .with("max", crate::i18n::grouped(CAPACITY_MAX)),
        );
    }
    let venue = Uuid::parse_str(&answers.venue)
        .ok()
        .filter(|id| venues.iter().any(|v| v.id == *id));
    if mode.is_some_and(Mode::needs_venue) && venue.is_none() {
        problems.push(Problem::new("venue", "event-error-venue"));
    }
    for (field, text) in [
        ("breaks", &answers.breaks),
        ("platform", &answers.platform),
        ("dial_in", &answers.dial_in),
    ] {
        if text.chars().count() > TEXT_MAX_CHARS {
            problems.push(Problem::too_long(
                field,
                "event-error-too-long",
                TEXT_MAX_CHARS,
            ));
        }
    }
    let booking = BookingRule::parse(&answers.booking);
    if booking.is_none() {
        problems.push(Problem::new("booking", "event-error-booking"));
    }
    match (mode, date, start, length, capacity, booking) {
        (Some(mode), Some(date), Some(start), Some(length), Some(capacity), Some(booking))
            if problems.is_empty() =>
        {
            Ok(Event {
                title: title.to_owned(),
                mode,
                starts_at: uk_to_utc(date, start),
                length_minutes: length,
                breaks: answers.breaks.clone(),
                capacity,
                venue,
                platform: answers.platform.clone(),
                captions: answers.captions,
                dial_in: answers.dial_in.clone(),
                booking,
                published: answers.published,
            })
        }
        _ => Err(problems),
    }
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let answers = read(&body);
    let venues = {
        let mut conn = state.db.acquire().await?;
        storage::venues_of(&mut conn.ex(), org_id, None).await?
    };
    let event = match check(&answers, &venues) {
        Ok(event) => event,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(
                form_page(&state, page, org_id, &engagement, answers, None).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    let id = organising::create(
        &mut tx.ex(),
        organiser(&page, org_id),
        engagement.engagement.id,
        &event,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!(
            "/organisations/{org_id}/engagements/{}/events/{id}",
            engagement.engagement.id
        ),
        "flash-event-created",
    ))
}

/// One booking as staff see it. Event-specific needs are shown only to staff who may see access
/// needs (the access plan decides what more to show).
pub struct Line {
    pub booking: BookingRow,
    pub status: String,
    pub companion: bool,
    /// Whether this member of staff may change or cancel the place for the person (they see them
    /// on the register).
    pub book_for: bool,
}

#[derive(Template)]
#[template(path = "events/templates/event_show.html")]
struct ShowPage {
    page: Page,
    organisation: OrganisationRow,
    engagement_id: Uuid,
    engagement_title: String,
    event: EventRow,
    when: String,
    minutes: String,
    places: String,
    mode: String,
    venue: Option<VenueRow>,
    venue_features: Vec<String>,
    booked: Vec<Line>,
    waiting: Vec<Line>,
    invited: i64,
    panels: Vec<Choice>,
    /// Working groups drawn fairly and invited: their members can be invited together.
    groups: Vec<Choice>,
    topics: Vec<Choice>,
    regions: Vec<Choice>,
    to_contact: Vec<(String, String)>,
    /// People without email to phone: a reminder before the event, or the news it is cancelled.
    to_phone: Vec<(String, String)>,
    remind_from: String,
    can_manage: bool,
    papers: crate::papers::StaffList,
    feedback: super::feedback::Summary,
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (engagement, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    render(show_page(&state, page, org_id, &engagement, event, Vec::new()).await?)
}

async fn show_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &crate::engagements::Loaded,
    event: EventRow,
    to_contact: Vec<(String, String)>,
) -> Result<ShowPage, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    // Lapsed offers are passed on by the background sweep, not by showing the page.
    let mut conn = state.db.acquire().await?;
    let venue = match event.venue_id {
        Some(id) => storage::find_venue(&mut conn.ex(), id).await?,
        None => None,
    };
    let bookings = storage::bookings_of(&mut conn.ex(), event.id).await?;
    let invited = storage::invitation_count(&mut conn.ex(), event.id).await?;
    let panels = panels::panels_of(&mut conn.ex(), org_id).await?;
    let groups = crate::selection::list(&mut conn.ex(), org_id)
        .await?
        .into_iter()
        .filter(|g| g.invited_at.is_some());
    let people: Vec<Uuid> = bookings.iter().map(|b| b.person_id).collect();
    let standing =
        crate::register::record::search::standing(&mut conn.ex(), org_id, &people).await?;
    drop(conn);
    let to_phone = phone_list(&event, &bookings);
    let locale = page.locale();
    let can_manage =
        allowed(&page, org_id, Permission::ManageEngagements) && engagement.relation.can_edit();
    let (role, is_site_admin) = page
        .ctx
        .user
        .as_ref()
        .map_or((None, false), |u| (u.role_in(org_id), u.is_site_admin));
    let book_for = |person: Uuid| {
        can_manage
            && event.cancelled_at.is_none()
            && visibility(role, is_site_admin, &standing.relation(person)).listed
    };
    let line = |booking: BookingRow| Line {
        status: page.t(&booking.status().message_key()),
        companion: booking.companion,
        book_for: book_for(booking.person_id),
        booking,
    };
    let (booked, rest): (Vec<_>, Vec<_>) = bookings
        .into_iter()
        .filter(|b| {
            matches!(
                b.status(),
                BookingStatus::Booked | BookingStatus::Offered | BookingStatus::Waiting
            )
        })
        .partition(|b| b.status() != BookingStatus::Waiting);
    let labels = super::sections::labels(state, engagement.engagement.id, locale).await?;
    let papers = crate::papers::staff_list(
        state,
        locale,
        (org_id, engagement.engagement.id),
        Some(event.id),
        &labels,
        can_manage,
    )
    .await?;
    let feedback = super::feedback::summary(
        state,
        &page,
        org_id,
        engagement.engagement.id,
        &event,
        can_manage,
    )
    .await?;
    let mut topics = vec![Choice::new("", page.t("event-invite-any-topic"), true)];
    topics.extend(
        Topic::ALL
            .iter()
            .map(|t| Choice::new(t.as_str(), page.t(&t.message_key()), false)),
    );
    Ok(ShowPage {
        engagement_id: engagement.engagement.id,
        engagement_title: engagement.engagement.title().shown(locale).text,
        when: super::when(&event, locale),
        minutes: super::minutes(&page, &event),
        places: page.t_args(
            "event-places-taken",
            &[
                (
                    "taken",
                    Arg::from(
                        booked
                            .iter()
                            .filter(|b| b.status() == BookingStatus::Booked)
                            .count(),
                    ),
                ),
                ("capacity", Arg::from(event.capacity)),
            ],
        ),
        mode: page.t(&event.mode().message_key()),
        venue_features: venue
            .as_ref()
            .map(|v| feature_words(&page, v))
            .unwrap_or_default(),
        venue,
        booked: booked.into_iter().map(line).collect(),
        waiting: rest.into_iter().map(line).collect(),
        invited,
        panels: panels
            .into_iter()
            .map(|p| Choice::new(p.id.to_string(), p.name, false))
            .collect(),
        groups: std::iter::once(Choice::new("", page.t("event-invite-no-group"), true))
            .chain(groups.map(|g| Choice::new(g.id.to_string(), g.name, false)))
            .collect(),
        topics,
        regions: super::venues::region_choices(&page, None, "event-invite-any-region"),
        to_contact,
        can_manage,
        papers,
        feedback,
        to_phone,
        remind_from: {
            let local = super::domain::utc_to_uk(event.starts_at - state.config.event_reminder);
            crate::web::dates::format_date(local.assume_utc(), locale)
        },
        page,
        organisation,
        event,
    })
}

/// Names and phone numbers of people with no email address who need a call: those booked before
/// an event that is still to come, or everyone booked, offered or waiting once it is cancelled.
fn phone_list(event: &EventRow, bookings: &[BookingRow]) -> Vec<(String, String)> {
    let cancelled = event.cancelled_at.is_some();
    if !cancelled && event.starts_at <= crate::db::now() {
        return Vec::new();
    }
    bookings
        .iter()
        .filter(|b| b.email.as_deref().is_none_or(str::is_empty))
        .filter(|b| match b.status() {
            BookingStatus::Booked => true,
            BookingStatus::Offered | BookingStatus::Waiting => cancelled,
            _ => false,
        })
        .map(|b| (b.display_name.clone(), b.phone.clone().unwrap_or_default()))
        .collect()
}

/// Who to invite: a working group drawn and invited (`group`), else the members of `panel`, then
/// only those interested in the topic or living in the region, if chosen. Both ids are the
/// organisation's own, looked up before the check.
fn check_invitees(
    panel: Option<Uuid>,
    group: Option<Uuid>,
    topic: &str,
    region: &str,
) -> Result<Invitees, Vec<Problem>> {
    let mut problems = Vec::new();
    if panel.is_none() && group.is_none() {
        problems.push(Problem::new("panel", "event-error-panel"));
    }
    // An unknown topic or region must not widen the invitation to the whole panel.
    let topic = check_known_one(&mut problems, "topic", topic, Topic::parse);
    let region = check_known_one(&mut problems, "region", region, Region::parse);
    match (group, panel) {
        _ if !problems.is_empty() => Err(problems),
        (Some(group), _) => Ok(Invitees::Group(group)),
        (None, Some(panel)) => Ok(Invitees::Panel {
            panel,
            topic,
            region,
        }),
        (None, None) => Err(problems),
    }
}

/// Invites the active members of a chosen panel (optionally only those interested in a topic or
/// living in a region): each gets an invitation row, and an email in their language if they have an
/// address; the others are listed for staff to phone or write to.
pub async fn invite(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    if event.cancelled_at.is_some() {
        return Ok(see_other_with_flash(
            &state,
            &format!(
                "/organisations/{org_id}/engagements/{}/events/{}",
                engagement.engagement.id, event.id
            ),
            "flash-event-is-cancelled",
        ));
    }
    let form = pairs(&body);
    let (panel, group) = {
        let mut conn = state.db.acquire().await?;
        let panel = match Uuid::parse_str(&one_of(&form, "panel")) {
            Ok(id) => panels::find_panel(&mut conn.ex(), id)
                .await?
                .filter(|p| p.organisation_id == org_id),
            Err(_) => None,
        };
        let group = match Uuid::parse_str(&one_of(&form, "group")) {
            Ok(id) => crate::selection::find(&mut conn.ex(), org_id, id)
                .await?
                .filter(|g| g.invited_at.is_some()),
            Err(_) => None,
        };
        (panel, group)
    };
    let invitees = match check_invitees(
        panel.map(|p| p.id),
        group.map(|g| g.id),
        &one_of(&form, "topic"),
        &one_of(&form, "region"),
    ) {
        Ok(invitees) => invitees,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(
                show_page(&state, page, org_id, &engagement, event, Vec::new()).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    let to_contact = organising::invite(
        &mut tx.ex(),
        &state,
        organiser(&page, org_id),
        &event,
        invitees,
    )
    .await?
    .to_contact;
    tx.commit().await?;
    if to_contact.is_empty() {
        return Ok(see_other_with_flash(
            &state,
            &format!(
                "/organisations/{org_id}/engagements/{}/events/{}",
                engagement.engagement.id, event.id
            ),
            "flash-event-invited",
        ));
    }
    render(show_page(&state, page, org_id, &engagement, event, to_contact).await?)
}

fn organiser(page: &Page, org_id: Uuid) -> Organiser {
    Organiser {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

/// Marks who came. Each newly marked attendance is recorded as involvement on the register.
pub async fn attendance(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, event_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = crate::engagements::load_editable(&state, org_id, &engagement_id).await?;
    let (_, event) = super::load_for(&state, org_id, &engagement_id, &event_id).await?;
    let form = pairs(&body);
    let came: Vec<Uuid> = all_of(&form, "attended")
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect();
    let mut tx = state.db.begin().await?;
    organising::record_attendance(
        &mut tx.ex(),
        &state,
        organiser(&page, org_id),
        &event,
        &came,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!(
            "/organisations/{org_id}/engagements/{}/events/{}",
            engagement.engagement.id, event.id
        ),
        "flash-event-attendance",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invited_group_wins_and_an_unknown_topic_never_widens_the_invitation() {
        let (panel, group) = (Uuid::now_v7(), Uuid::now_v7());
        assert!(matches!(
            check_invitees(Some(panel), Some(group), "", ""),
            Ok(Invitees::Group(id)) if id == group
        ));
        assert!(matches!(
            check_invitees(Some(panel), None, "", "TLC"),
            Ok(Invitees::Panel {
                topic: None,
                region: Some(Region::NorthEast),
                ..
            })
        ));
        let Err(problems) = check_invitees(Some(panel), None, "astrology", "") else {
            panic!("an unknown topic was accepted");
        };
        assert_eq!(problems[0].field, "topic");
        let Err(problems) = check_invitees(None, None, "", "") else {
            panic!("an invitation to nobody was accepted");
        };
        assert_eq!(problems, [Problem::new("panel", "event-error-panel")]);
    }
}
