//! Event emails end to end: the calendar file attached to confirmations, Easy Read wording and
//! large print for people who asked, reminders sent once, and organisers changing or cancelling an
//! event with everyone told.

use std::collections::HashMap;

use time::{Duration, OffsetDateTime, Time};
use uuid::Uuid;
use withus::db::Db;
use withus::events::domain::{BookingRule, BookingStatus, Mode, uk_to_utc};
use withus::events::fixtures::{self as events, Details, Event};
use withus::register::domain::Format;

use crate::both;
use crate::event_fixtures::add_event;
use crate::events::{FACILITATOR, World, people, world};
use crate::helpers::{Backend, TestApp, prefer, spawn_app_without_demo};

/// Without demo data, so counts are of this test's rows only.
async fn quiet_app(backend: Backend) -> TestApp {
    spawn_app_without_demo(backend).await
}

/// The day every test event is on unless it says otherwise, and its start in UK time.
fn day() -> time::Date {
    withus::db::now().date() + Duration::days(30)
}

async fn event_at(app: &TestApp, world: &World, starts_at: OffsetDateTime, capacity: i64) -> Uuid {
    let event = Event {
        title: "Planning day".into(),
        mode: Mode::InPerson,
        starts_at,
        length_minutes: 120,
        breaks: String::new(),
        capacity,
        venue: Some(world.venue),
        platform: String::new(),
        captions: false,
        dial_in: String::new(),
        booking: BookingRule::Public,
        published: true,
    };
    add_event(app, (world.org, world.engagement), &event).await
}

async fn event_in_a_month(app: &TestApp, world: &World, capacity: i64) -> Uuid {
    let start = uk_to_utc(day(), Time::from_hms(10, 0, 0).unwrap());
    event_at(app, world, start, capacity).await
}

async fn book(app: &TestApp, event: Uuid, person: Uuid) -> BookingStatus {
    let mut tx = app.db.begin().await.unwrap();
    let status = events::book(&mut tx.ex(), event, person, &Details::default())
        .await
        .unwrap()
        .unwrap()
        .0;
    tx.commit().await.unwrap();
    status
}

/// Runs one statement with a person's id bound as `$1`.
async fn for_person(app: &TestApp, sql: &'static str, person: Uuid) {
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query(sql)
            .bind(person)
            .execute(pool)
            .await
            .map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql)
            .bind(person)
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .unwrap();
}

#[derive(Debug, sqlx::FromRow)]
struct Mail {
    id: Uuid,
    to_address: String,
    body_text: String,
    body_html: Option<String>,
}

async fn emails(app: &TestApp, subject_like: &'static str) -> Vec<Mail> {
    let sql = "SELECT id, to_address, body_text, body_html FROM outbox \
               WHERE subject LIKE $1 ORDER BY created_at, id";
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_as(sql).bind(subject_like).fetch_all(pool).await,
        Db::Postgres(pool) => sqlx::query_as(sql).bind(subject_like).fetch_all(pool).await,
    }
    .unwrap()
}

async fn attachments(app: &TestApp, email: Uuid) -> Vec<withus::email::Attachment> {
    let mut conn = app.db.acquire().await.unwrap();
    withus::email::outbox::attachments(&mut conn.ex(), email)
        .await
        .unwrap()
}

/// The properties of an iCalendar file, unfolded (RFC 5545 §3.1).
fn ics_properties(text: &str) -> HashMap<String, String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

fn ics_time(at: OffsetDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

async fn book_over_http(app: &TestApp, event: Uuid, email: &str) {
    let mut client = app.signed_in_client(email).await;
    let done = client
        .post(&format!("/events/{event}/book"), &[("companion", "no")])
        .await;
    assert_eq!(done.status, 303);
}

async fn confirmation_carries_the_calendar_file_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 3).await;
    let people = people(&app, &world, 1, true).await;
    book_over_http(&app, event, &people[0].1).await;

    let sent = emails(&app, "Your place is booked%").await;
    assert_eq!(sent.len(), 1);
    assert!(
        sent[0]
            .body_text
            .contains(&format!("/events/{event}/calendar.ics")),
        "the link stays in the words"
    );
    assert_eq!(sent[0].body_html, None, "no large print asked for");
    let files = attachments(&app, sent[0].id).await;
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filename, "event.ics");
    assert!(files[0].content_type.starts_with("text/calendar"));
    assert!(files[0].content_type.contains("method=PUBLISH"));
    let text = String::from_utf8(files[0].content.clone()).unwrap();
    let ics = ics_properties(&text);
    let start = uk_to_utc(day(), Time::from_hms(10, 0, 0).unwrap());
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("BEGIN:VEVENT\r\n"));
    assert_eq!(ics["METHOD"], "PUBLISH");
    assert_eq!(ics["DTSTART"], ics_time(start));
    assert_eq!(ics["DTEND"], ics_time(start + Duration::minutes(120)));
    assert_eq!(ics["SUMMARY"], "Planning day");
    assert!(ics["UID"].starts_with(&event.to_string()));
    assert!(ics["LOCATION"].contains("Eventown Hub"));

    // The delivered message carries the file as a calendar part.
    let mail_dir = app.dir.path().join("mail");
    let mut delivered = String::new();
    for _ in 0..60 {
        delivered = std::fs::read_dir(&mail_dir)
            .map(|entries| {
                entries
                    .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
                    .filter(|m| m.contains(&people[0].1))
                    .collect::<String>()
            })
            .unwrap_or_default();
        if !delivered.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(delivered.contains("multipart/mixed"), "{delivered}");
    assert!(delivered.contains("text/calendar"), "{delivered}");
    assert!(delivered.contains("event.ics"), "{delivered}");
}
both!(
    confirmation_carries_the_calendar_file,
    confirmation_carries_the_calendar_file_body
);

async fn easy_read_preference_gives_easy_read_wording_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 3).await;
    let people = people(&app, &world, 3, true).await;
    prefer(&app, people[0].0, vec![Format::EasyRead], None).await;
    prefer(&app, people[1].0, vec![Format::EasyRead], None).await;
    for_person(
        &app,
        "UPDATE people SET language = 'cy' WHERE id = $1",
        people[1].0,
    )
    .await;
    for (_, email) in &people {
        book_over_http(&app, event, email).await;
    }
    let sent = emails(&app, "%").await;
    let body_for = |email: &str| {
        sent.iter()
            .find(|m| m.to_address == email)
            .map(|m| m.body_text.clone())
            .unwrap()
    };
    let easy = body_for(&people[0].1);
    assert!(easy.contains("Can you not come? Tell us here:"), "{easy}");
    assert!(easy.contains("It is at Eventown Hub, 1 High Street."));
    assert!(!easy.contains("To change your access needs or cancel"));
    let welsh = body_for(&people[1].1);
    assert!(welsh.contains("Methu dod? Dywedwch wrthym yma:"), "{welsh}");
    let plain = body_for(&people[2].1);
    assert!(
        plain.contains("To change your access needs or cancel"),
        "{plain}"
    );
    assert!(!plain.contains("Can you not come?"));

    // Cancelling their own place gets Easy Read wording too.
    let mut client = app.signed_in_client(&people[0].1).await;
    assert_eq!(
        client
            .post(&format!("/events/{event}/cancel"), &[])
            .await
            .status,
        303
    );
    let cancelled = emails(&app, "You have cancelled your place%").await;
    assert_eq!(cancelled.len(), 1);
    assert!(cancelled[0].body_text.contains("Your place is cancelled."));
}
both!(
    easy_read_preference_gives_easy_read_wording,
    easy_read_preference_gives_easy_read_wording_body
);

async fn large_print_gives_an_html_part_at_their_size_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 3).await;
    let people = people(&app, &world, 2, true).await;
    prefer(&app, people[0].0, vec![Format::LargePrint], Some(26)).await;
    for (_, email) in &people {
        book_over_http(&app, event, email).await;
    }
    let sent = emails(&app, "Your place is booked%").await;
    let large = sent.iter().find(|m| m.to_address == people[0].1).unwrap();
    let html = large.body_html.as_deref().expect("an HTML part");
    assert!(html.contains("font-size: 26pt"), "{html}");
    assert!(html.contains("Planning day"));
    assert!(
        large.body_text.contains("You have a place at Planning day"),
        "the plain text part stays"
    );
    let other = sent.iter().find(|m| m.to_address == people[1].1).unwrap();
    assert_eq!(other.body_html, None);
}
both!(
    large_print_gives_an_html_part_at_their_size,
    large_print_gives_an_html_part_at_their_size_body
);

async fn reminders_go_once_to_booked_people_within_the_window_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let now = withus::db::now();
    let soon = event_at(&app, &world, now + Duration::hours(24), 4).await;
    let later = event_in_a_month(&app, &world, 3).await;
    let past = event_at(&app, &world, now - Duration::hours(2), 3).await;
    let people = people(&app, &world, 7, true).await;
    // Soon: two booked with email, one booked without, one booking today over the web, one waiting.
    for (person, _) in &people[0..3] {
        assert_eq!(book(&app, soon, *person).await, BookingStatus::Booked);
    }
    book_over_http(&app, soon, &people[6].1).await;
    assert_eq!(book(&app, soon, people[3].0).await, BookingStatus::Waiting);
    for_person(
        &app,
        "UPDATE people SET email = NULL, phone = '01234 567890' WHERE id = $1",
        people[2].0,
    )
    .await;
    book(&app, later, people[4].0).await;
    book(&app, past, people[5].0).await;

    let first = withus::events::reminders::sweep(&app.state, now)
        .await
        .unwrap();
    let again = withus::events::reminders::sweep(&app.state, now + Duration::minutes(10))
        .await
        .unwrap();
    assert_eq!(
        (first, again),
        (2, 0),
        "sent once; not to the person whose confirmation came inside the window"
    );
    let sent = emails(&app, "Reminder:%").await;
    let mut to: Vec<&str> = sent.iter().map(|m| m.to_address.as_str()).collect();
    to.sort();
    assert_eq!(to, vec![people[0].1.as_str(), people[1].1.as_str()]);
    assert_eq!(
        attachments(&app, sent[0].id).await[0].filename,
        "event.ics",
        "reminders carry the calendar file"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings WHERE reminded_at IS NOT NULL")
            .await,
        3
    );
    // A month ahead, the later event's reminder is due.
    let month = withus::events::reminders::sweep(&app.state, now + Duration::days(29))
        .await
        .unwrap();
    assert_eq!(month, 1);

    // The organiser sees who to phone.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let page = staff
        .get(&format!(
            "/organisations/{}/engagements/{}/events/{soon}",
            world.org, world.engagement
        ))
        .await;
    assert_eq!(page.status, 200);
    let section = &page.body[page.body.find("id=\"to-phone\"").expect("a phone list")..];
    assert!(section.contains("Person 2 – 01234 567890"), "{section}");
    assert!(!section[..section.find("</ul>").unwrap()].contains("Person 3"));
}
both!(
    reminders_go_once_to_booked_people_within_the_window,
    reminders_go_once_to_booked_people_within_the_window_body
);

fn edit_fields(capacity: &str, start: &str, venue: Uuid) -> Vec<(&'static str, String)> {
    let day = day();
    vec![
        ("title", "Planning day".into()),
        ("mode", "in_person".into()),
        ("date-day", day.day().to_string()),
        ("date-month", u8::from(day.month()).to_string()),
        ("date-year", day.year().to_string()),
        ("start", start.into()),
        ("length", "120".into()),
        ("breaks", String::new()),
        ("capacity", capacity.into()),
        ("venue", venue.to_string()),
        ("platform", String::new()),
        ("captions", "no".into()),
        ("dial_in", String::new()),
        ("booking", "public".into()),
        ("published", "yes".into()),
    ]
}

async fn post_edit(
    app: &TestApp,
    world: &World,
    event: Uuid,
    fields: &[(&'static str, String)],
) -> crate::helpers::Page {
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    staff
        .post(
            &format!(
                "/organisations/{}/engagements/{}/events/{event}/edit",
                world.org, world.engagement
            ),
            &fields,
        )
        .await
}

async fn capacity_below_bookings_is_refused_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 3).await;
    let people = people(&app, &world, 2, false).await;
    for (person, _) in &people {
        book(&app, event, *person).await;
    }
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let form = staff
        .get(&format!(
            "/organisations/{}/engagements/{}/events/{event}/edit",
            world.org, world.engagement
        ))
        .await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"Planning day\""));
    assert!(form.body.contains("value=\"10:00\""), "the UK start time");
    let refused = post_edit(&app, &world, event, &edit_fields("1", "10:00", world.venue)).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("2 people have already booked. Enter 2 or more places"),
        "{}",
        refused.body
    );
    assert_eq!(
        app.scalar_i64("SELECT capacity FROM events").await,
        3,
        "unchanged"
    );
    let allowed = post_edit(&app, &world, event, &edit_fields("2", "10:00", world.venue)).await;
    assert_eq!(allowed.status, 303);
    assert_eq!(app.scalar_i64("SELECT capacity FROM events").await, 2);
    assert_eq!(
        emails(&app, "%has changed").await.len(),
        0,
        "a new capacity is not news for people coming"
    );
}
both!(
    capacity_below_bookings_is_refused,
    capacity_below_bookings_is_refused_body
);

async fn a_new_time_is_emailed_and_clears_ready_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 1).await;
    let people = people(&app, &world, 3, false).await;
    assert_eq!(book(&app, event, people[0].0).await, BookingStatus::Booked);
    assert_eq!(book(&app, event, people[1].0).await, BookingStatus::Waiting);
    for_person(
        &app,
        "UPDATE people SET language = 'cy' WHERE id = $1",
        people[1].0,
    )
    .await;
    app.execute("UPDATE events SET ready_at = created_at").await;
    app.execute("UPDATE event_bookings SET reminded_at = created_at")
        .await;

    // A new time, and room for one more: the waiting person is offered the place.
    let done = post_edit(&app, &world, event, &edit_fields("2", "11:30", world.venue)).await;
    assert_eq!(done.status, 303, "{}", done.body);
    let changed = emails(&app, "%has changed").await;
    let changed_cy = emails(&app, "%wedi newid").await;
    assert_eq!(
        (changed.len(), changed_cy.len()),
        (1, 1),
        "booked and waiting are told, each in their language"
    );
    let english = changed
        .iter()
        .find(|m| m.to_address == people[0].1)
        .unwrap();
    assert!(
        english.body_text.contains("The new time is") && english.body_text.contains("11:30"),
        "{}",
        english.body_text
    );
    let welsh = changed_cy
        .iter()
        .find(|m| m.to_address == people[1].1)
        .unwrap();
    assert!(
        welsh.body_text.contains("Yr amser newydd yw"),
        "{}",
        welsh.body_text
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM events WHERE ready_at IS NOT NULL")
            .await,
        0,
        "the access plan must be checked again"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings WHERE reminded_at IS NOT NULL")
            .await,
        0,
        "a new reminder is due for the new time"
    );
    assert_eq!(
        emails(&app, "Mae lle yn rhydd i chi%").await.len(),
        1,
        "more places are offered to the waiting list, in Welsh for this person"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'event.updated'")
            .await,
        1
    );

    // Only the title changes: nobody is emailed again.
    let mut fields = edit_fields("2", "11:30", world.venue);
    fields[0].1 = "Planning day (morning)".into();
    assert_eq!(post_edit(&app, &world, event, &fields).await.status, 303);
    assert_eq!(emails(&app, "%has changed").await.len(), 1);
    assert_eq!(emails(&app, "%wedi newid").await.len(), 1);
}
both!(
    a_new_time_is_emailed_and_clears_ready,
    a_new_time_is_emailed_and_clears_ready_body
);

async fn cancelling_tells_everyone_and_stops_booking_body(backend: Backend) {
    let app = quiet_app(backend).await;
    let world = world(&app).await;
    let event = event_in_a_month(&app, &world, 1).await;
    let people = people(&app, &world, 3, true).await;
    assert_eq!(book(&app, event, people[0].0).await, BookingStatus::Booked);
    assert_eq!(book(&app, event, people[1].0).await, BookingStatus::Waiting);
    let path = format!(
        "/organisations/{}/engagements/{}/events/{event}",
        world.org, world.engagement
    );
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let confirm = staff.get(&format!("{path}/cancel")).await;
    assert_eq!(confirm.status, 200);
    assert!(
        confirm
            .body
            .contains("2 people are booked, offered a place or waiting")
    );
    let refused = staff
        .post(&format!("{path}/cancel"), &[("reason", "  ")])
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Enter why the event is cancelled"));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM events WHERE cancelled_at IS NOT NULL")
            .await,
        0
    );
    let done = staff
        .post(
            &format!("{path}/cancel"),
            &[("reason", "The hall has flooded.")],
        )
        .await;
    assert_eq!(done.status, 303);
    let told = emails(&app, "Cancelled: Planning day").await;
    let mut to: Vec<&str> = told.iter().map(|m| m.to_address.as_str()).collect();
    to.sort();
    assert_eq!(to, vec![people[0].1.as_str(), people[1].1.as_str()]);
    assert!(told.iter().all(|m| {
        m.body_text
            .contains("The organiser said: The hall has flooded.")
    }));
    // Each carries a calendar file that removes the event from their calendar.
    for mail in &told {
        let files = attachments(&app, mail.id).await;
        let calendar = String::from_utf8(files[0].content.clone()).unwrap();
        assert!(calendar.contains("METHOD:CANCEL\r\n"), "{calendar}");
        assert!(calendar.contains("STATUS:CANCELLED\r\n"), "{calendar}");
        assert!(files[0].content_type.contains("method=CANCEL"));
    }
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'event.cancelled'")
            .await,
        1
    );

    // Nobody can book it now, and every page says it is cancelled.
    let mut newcomer = app.signed_in_client(&people[2].1).await;
    let page = newcomer.get(&format!("/events/{event}/book")).await;
    assert!(page.body.contains("This event is cancelled."));
    assert!(!page.body.contains("action=\"/events/"), "no booking form");
    let tried = newcomer
        .post(&format!("/events/{event}/book"), &[("companion", "no")])
        .await;
    assert_eq!(tried.status, 303);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await,
        2,
        "no booking was made"
    );
    let mut tx = app.db.begin().await.unwrap();
    assert!(
        events::book(&mut tx.ex(), event, people[2].0, &Details::default())
            .await
            .unwrap()
            .is_none(),
        "storage refuses too"
    );
    drop(tx);
    let staff_page = staff.get(&path).await;
    assert!(staff_page.body.contains("This event is cancelled."));
    assert!(staff_page.body.contains("The hall has flooded."));
    assert!(!staff_page.body.contains(&format!("{path}/edit")));
    let invite = staff
        .post(
            &format!("{path}/invite"),
            &[("panel", &world.panel.to_string())],
        )
        .await;
    assert_eq!(invite.status, 303);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_invitations")
            .await,
        0,
        "nobody is invited to a cancelled event"
    );
    let public = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(
        public.body.contains("govuk-tag--grey\">Cancelled<"),
        "{}",
        public.body
    );
    // Cancelled events get no reminders.
    let sent = withus::events::reminders::sweep(&app.state, withus::db::now() + Duration::days(29))
        .await
        .unwrap();
    assert_eq!(sent, 0);
}
both!(
    cancelling_tells_everyone_and_stops_booking,
    cancelling_tells_everyone_and_stops_booking_body
);
