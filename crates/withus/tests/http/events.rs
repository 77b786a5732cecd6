//! Events end to end: venues filtered by area, adding an event, booking with the saved access needs
//! shown back, capacity that holds when many book at once, the waiting list and its offers, the
//! calendar file, invitations, and attendance counted as involvement.

use time::{Duration, Time};
use uuid::Uuid;
use withus::db::Tx;
use withus::events::domain::{BookingRule, BookingStatus, Feature, Mode, uk_to_utc};
use withus::events::fixtures::{self as events, Details, Event, Venue};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{
    AccessNeed, AccessProfile, ContactMethod, EntryRoute, MembershipStatus, NeedEntry, Region,
};
use withus::register::fixtures as register;

use crate::both;
use crate::helpers::{Backend, TestApp, spawn_app};

const ORG: &str = "Eventown Forum";
pub const FACILITATOR: &str = "facilitator@eventown.example";

pub struct World {
    pub org: Uuid,
    pub engagement: Uuid,
    pub venue: Uuid,
    pub panel: Uuid,
}

pub async fn world(app: &TestApp) -> World {
    let mut tx = app.db.begin().await.unwrap();
    let org = crate::helpers::create_organisation(&mut tx.ex(), ORG, OrganisationKind::Dpo)
        .await
        .unwrap();
    let (engagement, _) = crate::engagements::published_with_commitment(&mut tx, org).await;
    let venue = Uuid::now_v7();
    events::save_venue(
        &mut tx.ex(),
        org,
        venue,
        &Venue {
            name: "Eventown Hub".into(),
            address: "1 High Street".into(),
            region: Some(Region::Wales),
            features: vec![Feature::StepFree, Feature::HearingLoop],
            notes: String::new(),
        },
    )
    .await
    .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Eventown Panel", "", true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    withus::admin::create_user(
        &app.db,
        withus::admin::NewUser {
            email: FACILITATOR,
            name: "Fran",
            password: "eventown password 2026",
            site_admin: false,
            membership: Some((ORG, "facilitator")),
        },
    )
    .await
    .unwrap();
    World {
        org,
        engagement,
        venue,
        panel,
    }
}

pub async fn add_event(
    tx: &mut Tx,
    org: Uuid,
    engagement: Uuid,
    venue: Uuid,
    capacity: i64,
) -> Uuid {
    let day = withus::db::now().date() + Duration::days(30);
    events::create_event(
        &mut tx.ex(),
        engagement,
        org,
        &Event {
            title: "Planning day".into(),
            mode: Mode::InPerson,
            starts_at: uk_to_utc(day, Time::from_hms(10, 0, 0).unwrap()),
            length_minutes: 120,
            breaks: String::new(),
            capacity,
            venue: Some(venue),
            platform: String::new(),
            captions: false,
            dial_in: String::new(),
            booking: BookingRule::Public,
            published: true,
        },
    )
    .await
    .unwrap()
}

async fn event(app: &TestApp, world: &World, capacity: i64) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let id = add_event(&mut tx, world.org, world.engagement, world.venue, capacity).await;
    tx.commit().await.unwrap();
    id
}

/// People on the panel; with `accounts`, each can sign in as `person{n}@eventown.example`.
pub async fn people(
    app: &TestApp,
    world: &World,
    count: usize,
    accounts: bool,
) -> Vec<(Uuid, String)> {
    let mut tx = app.db.begin().await.unwrap();
    let mut made = Vec::new();
    for n in 0..count {
        let email = format!("person{n}@eventown.example");
        let account = if accounts {
            Some(
                withus::accounts::fixtures::create(
                    &mut tx.ex(),
                    withus::accounts::fixtures::NewAccount {
                        email: &email,
                        display_name: &format!("Person {n}"),
                        password_hash: None,
                        language: "en",
                        is_site_admin: false,
                    },
                )
                .await
                .unwrap(),
            )
        } else {
            None
        };
        let id = register::create_person(
            &mut tx.ex(),
            register::NewPerson {
                account_id: account,
                display_name: &format!("Person {n}"),
                email: Some(&email),
                phone: None,
                contact_method: ContactMethod::Email,
                language: "en",
                region: None,
                local_authority: None,
                entry_route: EntryRoute::Assisted,
            },
        )
        .await
        .unwrap();
        register::set_membership(&mut tx.ex(), world.panel, id, MembershipStatus::Active)
            .await
            .unwrap();
        made.push((id, email));
    }
    tx.commit().await.unwrap();
    made
}

/// Erases a person on the register as the world's facilitator does: a request, then completing it.
pub async fn erase(app: &TestApp, world: &World, person: Uuid) {
    let mut tx = app.db.begin().await.unwrap();
    let request = withus::register::requests::insert(
        &mut tx.ex(),
        withus::register::requests::NewRequest {
            organisation: world.org,
            person,
            person_label: "Person 0",
            kind: withus::register::domain::RequestKind::Erasure,
            channel: withus::register::domain::Channel::Paper,
            received_at: withus::db::now(),
            recorded_by: None,
            notes: "",
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let done = staff
        .post(
            &format!("/organisations/{}/requests/{request}/complete", world.org),
            &[],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
}

/// (person, status, seq) of every booking, places first then the waiting list in order.
async fn bookings(app: &TestApp, event: Uuid) -> Vec<(Uuid, BookingStatus, i64)> {
    let mut conn = app.db.acquire().await.unwrap();
    events::bookings_of(&mut conn.ex(), event)
        .await
        .unwrap()
        .into_iter()
        .map(|b| (b.person_id, b.status(), b.seq))
        .collect()
}

fn assert_capacity_held(rows: &[(Uuid, BookingStatus, i64)], people: usize, capacity: usize) {
    let booked: Vec<_> = rows
        .iter()
        .filter(|r| r.1 == BookingStatus::Booked)
        .collect();
    let waiting: Vec<_> = rows
        .iter()
        .filter(|r| r.1 == BookingStatus::Waiting)
        .collect();
    assert_eq!(booked.len(), capacity, "exactly the capacity is booked");
    assert_eq!(waiting.len(), people - capacity, "everyone else waits");
    assert_eq!(rows.len(), people, "nothing lost or duplicated");
    let mut persons: Vec<Uuid> = rows.iter().map(|r| r.0).collect();
    persons.sort();
    persons.dedup();
    assert_eq!(persons.len(), people, "one row per person");
    let mut seqs: Vec<i64> = rows.iter().map(|r| r.2).collect();
    seqs.sort();
    seqs.dedup();
    assert_eq!(
        seqs.len(),
        people,
        "every booking has its own place in the order"
    );
    // First come, first served: everyone booked came before everyone waiting, and the waiting
    // list is in the order people arrived.
    let last_booked = booked.iter().map(|r| r.2).max().unwrap();
    assert!(waiting.iter().all(|r| r.2 > last_booked));
    assert!(waiting.windows(2).all(|w| w[0].2 < w[1].2));
}

async fn five_hundred_book_at_once_storage(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 20).await;
    let people = people(&app, &world, 500, false).await;
    let mut tasks = tokio::task::JoinSet::new();
    for (person, _) in people {
        let db = app.db.clone();
        tasks.spawn(async move {
            let mut tx = db.begin().await.unwrap();
            let status = events::book(&mut tx.ex(), event, person, &Details::default())
                .await
                .unwrap()
                .unwrap()
                .0;
            tx.commit().await.unwrap();
            status
        });
    }
    let mut booked = 0;
    while let Some(status) = tasks.join_next().await {
        if status.unwrap() == BookingStatus::Booked {
            booked += 1;
        }
    }
    assert_eq!(booked, 20, "exactly 20 were told they have a place");
    assert_capacity_held(&bookings(&app, event).await, 500, 20);
}
both!(five_hundred_book_at_once, five_hundred_book_at_once_storage);

async fn fifty_book_at_once_over_http_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 5).await;
    let people = people(&app, &world, 50, true).await;
    let mut clients = Vec::new();
    for (_, email) in &people {
        let mut client = app.signed_in_client(email).await;
        client.get("/help").await;
        clients.push(client);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for mut client in clients {
        tasks.spawn(async move {
            client
                .post(&format!("/events/{event}/book"), &[("companion", "no")])
                .await
                .status
        });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.unwrap(), 303);
    }
    assert_capacity_held(&bookings(&app, event).await, 50, 5);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Your place is booked%'")
            .await,
        5,
        "only those with a place get a confirmation"
    );
}
both!(
    fifty_book_at_once_over_http,
    fifty_book_at_once_over_http_body
);

async fn booking_shows_saved_access_needs_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 3).await;
    let people = people(&app, &world, 1, true).await;
    let (person, email) = &people[0];
    let keys = withus::security::field_crypto::KeyRing::parse(&app.key_spec, None).unwrap();
    let profile = AccessProfile {
        needs: vec![NeedEntry {
            need: AccessNeed::BslInterpreter,
            detail: "Two interpreters please".into(),
        }],
        ..AccessProfile::default()
    };
    let sealed = withus::register::profile::seal_json(
        &keys,
        *person,
        register::SealedColumn::AccessNeeds,
        &profile,
    );
    let mut conn = app.db.acquire().await.unwrap();
    register::set_sealed(
        &mut conn.ex(),
        *person,
        register::SealedColumn::AccessNeeds,
        Some(&sealed),
    )
    .await
    .unwrap();
    drop(conn);
    let mut client = app.signed_in_client(email).await;
    let page = client.get(&format!("/events/{event}/book")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Two interpreters please"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Is this still right for this event?"));
    assert!(page.body.contains("/your-data/access-needs"));
    assert!(
        page.body.contains("Hearing loop"),
        "the venue's access is shown"
    );
    let done = client
        .post(
            &format!("/events/{event}/book"),
            &[
                ("event_needs", "A seat near the front"),
                ("companion", "yes"),
                ("travel_needs", "Taxi"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    let page = client.get(&format!("/events/{event}/book")).await;
    assert!(
        page.body.contains("A seat near the front"),
        "their answers come back to them"
    );
    assert!(page.body.contains(&format!("/events/{event}/calendar.ics")));
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM event_bookings WHERE companion AND event_needs IS NOT NULL"
        )
        .await,
        1
    );
    let mut conn = app.db.acquire().await.unwrap();
    let stored = events::booking_of(&mut conn.ex(), event, *person)
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    let bytes = stored.event_needs.unwrap();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("seat near"),
        "event-specific needs are sealed at rest"
    );
    let (to, body) = app.last_email().await;
    assert_eq!(&to, email);
    assert!(
        body.contains(&format!("/events/{event}/calendar.ics")),
        "{body}"
    );
}
both!(
    booking_shows_saved_access_needs,
    booking_shows_saved_access_needs_body
);

async fn cancelling_offers_the_place_in_order_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 1).await;
    let people = people(&app, &world, 3, true).await;
    let mut clients = Vec::new();
    for (_, email) in &people {
        let mut client = app.signed_in_client(email).await;
        let page = client.post(&format!("/events/{event}/book"), &[]).await;
        assert_eq!(page.status, 303);
        clients.push(client);
    }
    let rows = bookings(&app, event).await;
    assert_eq!(rows[0], (people[0].0, BookingStatus::Booked, rows[0].2));
    assert_eq!(rows[1].1, BookingStatus::Waiting);
    // Cancelling is one step.
    let page = clients[0]
        .post(&format!("/events/{event}/cancel"), &[])
        .await;
    assert_eq!(page.status, 303);
    let rows = bookings(&app, event).await;
    let status = |p: Uuid| rows.iter().find(|r| r.0 == p).unwrap().1;
    assert_eq!(status(people[0].0), BookingStatus::Cancelled);
    assert_eq!(
        status(people[1].0),
        BookingStatus::Offered,
        "the first waiting is offered it"
    );
    assert_eq!(status(people[2].0), BookingStatus::Waiting);
    let (to, body) = app.last_email().await;
    assert_eq!(to, people[1].1);
    assert!(body.contains("held for you until"), "{body}");
    // The offer runs out. Loading a page writes nothing; the background sweep passes the place on
    // to the next person.
    expire_offer(&app, people[1].0).await;
    let before = bookings(&app, event).await;
    let audit_before = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    let page = clients[2].get(&format!("/events/{event}/book")).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        bookings(&app, event).await,
        before,
        "a GET changes no booking"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audit_before,
        "a GET audits nothing"
    );
    let settled = withus::events::reminders::pass_on_lapsed_offers(&app.state, withus::db::now())
        .await
        .unwrap();
    assert_eq!(settled, 1);
    let page = clients[2].get(&format!("/events/{event}/book")).await;
    let rows = bookings(&app, event).await;
    let status = |p: Uuid| rows.iter().find(|r| r.0 == p).unwrap().1;
    assert_eq!(status(people[1].0), BookingStatus::Expired);
    assert_eq!(status(people[2].0), BookingStatus::Offered);
    assert!(page.body.contains("Accept the place"));
    // Too late for the first; in time for the next, who takes the place.
    let late = clients[1]
        .post(&format!("/events/{event}/accept"), &[])
        .await;
    assert_eq!(late.status, 303);
    let taken = clients[2]
        .post(&format!("/events/{event}/accept"), &[])
        .await;
    assert_eq!(taken.status, 303);
    let rows = bookings(&app, event).await;
    let status = |p: Uuid| rows.iter().find(|r| r.0 == p).unwrap().1;
    assert_eq!(status(people[1].0), BookingStatus::Expired);
    assert_eq!(status(people[2].0), BookingStatus::Booked);
}
both!(
    cancelling_offers_the_place_in_order,
    cancelling_offers_the_place_in_order_body
);

/// Expires the offer of `person` by the storage clock, whatever the backend's UUID encoding.
async fn expire_offer(app: &TestApp, person: Uuid) {
    let past = withus::db::now() - Duration::days(3);
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => {
            sqlx::query("UPDATE event_bookings SET offer_expires_at = $1 WHERE person_id = $2")
                .bind(past)
                .bind(person)
                .execute(pool)
                .await
                .unwrap();
        }
        withus::db::Db::Postgres(pool) => {
            sqlx::query("UPDATE event_bookings SET offer_expires_at = $1 WHERE person_id = $2")
                .bind(past)
                .bind(person)
                .execute(pool)
                .await
                .unwrap();
        }
    }
}

async fn calendar_file_is_valid_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 3).await;
    let page = app
        .client()
        .get(&format!("/events/{event}/calendar.ics"))
        .await;
    assert_eq!(page.status, 200);
    let text = page.body;
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.trim_end().ends_with("END:VCALENDAR"));
    for field in [
        "VERSION:2.0",
        "PRODID:",
        "BEGIN:VEVENT",
        "UID:",
        "DTSTAMP:",
        "DTSTART:",
        "DTEND:",
        "SUMMARY:Planning day",
        "LOCATION:Eventown Hub",
        "END:VEVENT",
    ] {
        assert!(text.contains(field), "{field} in {text}");
    }
    let start = text.lines().find(|l| l.starts_with("DTSTART:")).unwrap();
    assert_eq!(start.len(), "DTSTART:20261224T100000Z".len());
    assert!(start.ends_with('Z'), "times are in UTC");
}
both!(calendar_file_is_valid, calendar_file_is_valid_body);

async fn staff_add_venue_and_event_invite_and_mark_attendance_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let org = world.org;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let page = staff
        .post(
            &format!("/organisations/{org}/venues/new"),
            &[
                ("name", "Seaside Centre"),
                ("address", "2 Pier Road"),
                ("region", "TLD"),
                ("features", "quiet_room"),
                ("features", "changing_places"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let list = staff
        .get(&format!("/organisations/{org}/venues?region=TLD"))
        .await;
    assert!(list.body.contains("Seaside Centre") && list.body.contains("Changing Places toilet"));
    assert!(
        !list.body.contains("Eventown Hub"),
        "the area filter leaves out venues elsewhere"
    );
    let unknown = staff
        .get(&format!("/organisations/{org}/venues?region=Atlantis"))
        .await;
    assert!(unknown.body.contains("We did not recognise"));
    assert!(
        !unknown.body.contains("Seaside Centre"),
        "an unknown area is not ignored"
    );
    let empty = staff
        .post(
            &format!(
                "/organisations/{org}/engagements/{}/events/new",
                world.engagement
            ),
            &[],
        )
        .await;
    assert_eq!(empty.status, 422);
    let venue = world.venue.to_string();
    let made = staff
        .post(
            &format!(
                "/organisations/{org}/engagements/{}/events/new",
                world.engagement
            ),
            &[
                ("title", "Listening event"),
                ("mode", "hybrid"),
                ("date-day", "1"),
                ("date-month", "12"),
                ("date-year", "2030"),
                ("start", "10:30"),
                ("length", "90"),
                ("capacity", "10"),
                ("venue", &venue),
                ("platform", "Zoom"),
                ("captions", "yes"),
                ("booking", "invitation"),
                ("published", "yes"),
            ],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let show_path = made.location.unwrap();
    let event: Uuid = show_path.rsplit('/').next().unwrap().parse().unwrap();
    let people = people(&app, &world, 2, true).await;
    // One of them has no email: staff are told to contact them another way.
    app.execute("UPDATE people SET email = NULL WHERE display_name = 'Person 1'")
        .await;
    let before = app.scalar_i64("SELECT COUNT(*) FROM outbox").await;
    let invited = staff
        .post(
            &format!("{show_path}/invite"),
            &[("panel", &world.panel.to_string())],
        )
        .await;
    assert_eq!(invited.status, 200);
    assert!(
        invited.body.contains("Person 1"),
        "people without email are listed"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_invitations")
            .await,
        2
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox").await,
        before + 1
    );
    // By invitation: the invited person books; the public page lists the event.
    let mut person = app.signed_in_client(&people[0].1).await;
    assert_eq!(
        person
            .post(&format!("/events/{event}/book"), &[])
            .await
            .status,
        303
    );
    let public = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(
        public.body.contains("Listening event")
            && public.body.contains(&format!("/events/{event}/book"))
    );
    // Attendance counts as involvement.
    let person_id = people[0].0.to_string();
    let involvements = app.scalar_i64("SELECT COUNT(*) FROM involvements").await;
    let page = staff
        .post(
            &format!("{show_path}/attendance"),
            &[("attended", &person_id)],
        )
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM involvements").await,
        involvements + 1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people WHERE display_name = 'Person 0' AND last_involved_at IS NOT NULL")
            .await,
        1
    );
    // Saving again does not count it twice.
    staff
        .post(
            &format!("{show_path}/attendance"),
            &[("attended", &person_id)],
        )
        .await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM involvements").await,
        involvements + 1
    );
}
both!(
    staff_add_venue_and_event_invite_and_mark_attendance,
    staff_add_venue_and_event_invite_and_mark_attendance_body
);

async fn invitation_only_events_are_closed_to_others_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 3).await;
    app.execute("UPDATE events SET booking = 'invitation'")
        .await;
    // The demo's bookings are there already.
    let booked = app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await;
    let people = people(&app, &world, 1, true).await;
    let mut client = app.signed_in_client(&people[0].1).await;
    assert_eq!(
        client.get(&format!("/events/{event}/book")).await.status,
        404
    );
    assert_eq!(
        client
            .post(&format!("/events/{event}/book"), &[])
            .await
            .status,
        404
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await,
        booked
    );
}
both!(
    invitation_only_events_are_closed_to_others,
    invitation_only_events_are_closed_to_others_body
);

async fn your_events_lists_invitations_and_bookings_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let booked_event = event(&app, &world, 5).await;
    let invited_event = event(&app, &world, 5).await;
    let other_event = event(&app, &world, 5).await;
    let people = people(&app, &world, 2, true).await;
    let (person, email) = &people[0];
    let mut tx = app.db.begin().await.unwrap();
    events::invite(&mut tx.ex(), invited_event, *person, false, None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut client = app.signed_in_client(email).await;
    let empty = client.get("/your-events").await;
    assert_eq!(empty.status, 200);
    assert!(
        empty
            .body
            .contains(&format!("/events/{invited_event}/book"))
    );
    assert!(empty.body.contains("Invited, not booked yet"));
    assert!(!empty.body.contains(&format!("/events/{booked_event}/book")));
    let done = client
        .post(
            &format!("/events/{booked_event}/book"),
            &[
                ("event_needs", ""),
                ("companion", "no"),
                ("travel_needs", ""),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    let page = client.get("/your-events").await;
    assert!(page.body.contains(&format!("/events/{booked_event}/book")));
    assert!(page.body.contains("Booked"));
    assert!(
        !page.body.contains(&format!("/events/{other_event}")),
        "events they were neither invited to nor booked on are not listed"
    );
    // Someone else on the panel sees none of this person's events.
    let mut other = app.signed_in_client(&people[1].1).await;
    let theirs = other.get("/your-events").await;
    assert!(!theirs.body.contains(&format!("/events/{booked_event}")));
    assert!(!theirs.body.contains(&format!("/events/{invited_event}")));
    assert!(theirs.body.contains("You have no events coming up"));
    // A signed-in account that is not on any register gets the empty page, not an error.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let staff_page = staff.get("/your-events").await;
    assert_eq!(staff_page.status, 200);
    assert!(staff_page.body.contains("You have no events coming up"));
}
both!(
    your_events_lists_invitations_and_bookings,
    your_events_lists_invitations_and_bookings_body
);

async fn a_working_group_chosen_fairly_is_invited_as_it_is_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 10).await;
    let people = people(&app, &world, 4, true).await;
    let members: Vec<Uuid> = people.iter().take(2).map(|(id, _)| *id).collect();
    let mut tx = app.db.begin().await.unwrap();
    use withus::selection::fixtures as selection;
    let group = selection::create(
        &mut tx.ex(),
        selection::NewSelection {
            organisation: world.org,
            panel: world.panel,
            name: "Bus station working group",
            panel_size: 2,
            rotation: false,
            rotation_months: 12,
            created_by: None,
        },
    )
    .await
    .unwrap();
    // Drawn by an earlier computation (not under test here), then its members invited.
    selection::record_draw(
        &mut tx.ex(),
        selection::Draw {
            selection: group,
            run: Uuid::now_v7(),
            seed: "12345",
            record: "{}",
            by: None,
        },
    )
    .await
    .unwrap();
    for member in &members {
        selection::add_invitation(&mut tx.ex(), group, *member, "email", None, None)
            .await
            .unwrap();
    }
    assert!(
        selection::mark_invited(&mut tx.ex(), group, None)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();

    let mut staff = app.signed_in_client(FACILITATOR).await;
    let base = format!(
        "/organisations/{}/engagements/{}/events/{event}",
        world.org, world.engagement
    );
    let page = staff.get(&base).await;
    assert!(
        page.body.contains("Bus station working group"),
        "the group is offered"
    );
    let group_id = group.to_string();
    let panel_id = world.panel.to_string();
    let done = staff
        .post(
            &format!("{base}/invite"),
            &[("group", group_id.as_str()), ("panel", panel_id.as_str())],
        )
        .await;
    // Everyone has an email address, so nobody is left to phone: back to the event page.
    assert_eq!(done.status, 303, "{}", done.body);
    let invited: Vec<Uuid> = {
        let mut conn = app.db.acquire().await.unwrap();
        let mut invited = Vec::new();
        for (id, _) in &people {
            if events::is_invited(&mut conn.ex(), event, *id)
                .await
                .unwrap()
            {
                invited.push(*id);
            }
        }
        invited
    };
    assert_eq!(
        invited, members,
        "only the group's members, not the whole panel"
    );
    // Without a group the whole panel is invited, as before.
    let done = staff
        .post(&format!("{base}/invite"), &[("panel", panel_id.as_str())])
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_invitations")
            .await,
        4
    );
}
both!(
    a_working_group_chosen_fairly_is_invited_as_it_is,
    a_working_group_chosen_fairly_is_invited_as_it_is_body
);

async fn audit_entries(app: &TestApp, action: &'static str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'");
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(pool)
            .await
            .unwrap(),
        withus::db::Db::Postgres(pool) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(pool)
            .await
            .unwrap(),
    }
}

/// Sending the booking form again, even five times at once, books one place and logs it once;
/// cancelling twice or joining the waiting list twice is logged once too. A real change to what
/// someone needs is logged as a change.
async fn a_repeated_booking_is_logged_once_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 1).await;
    let people = people(&app, &world, 2, true).await;
    let book = format!("/events/{event}/book");
    let answers = [
        ("event_needs", "A seat near the front"),
        ("companion", "no"),
    ];
    let mut clients = Vec::new();
    for _ in 0..5 {
        let mut client = app.signed_in_client(&people[0].1).await;
        client.get("/help").await;
        clients.push(client);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for mut client in clients {
        let book = book.clone();
        tasks.spawn(async move { client.post(&book, &answers).await.status });
    }
    while let Some(status) = tasks.join_next().await {
        assert_eq!(status.unwrap(), 303);
    }
    let mut client = app.signed_in_client(&people[0].1).await;
    assert_eq!(client.post(&book, &answers).await.status, 303);
    assert_eq!(audit_entries(&app, "event.booked").await, 1);
    assert_eq!(audit_entries(&app, "event.booking_changed").await, 0);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Your place is booked%'")
            .await,
        1
    );
    // A change to what they need is a change, logged as one.
    let changed = [("event_needs", "A seat near the door"), ("companion", "no")];
    assert_eq!(client.post(&book, &changed).await.status, 303);
    assert_eq!(client.post(&book, &changed).await.status, 303);
    assert_eq!(audit_entries(&app, "event.booking_changed").await, 1);

    // The waiting list, joined twice.
    let mut second = app.signed_in_client(&people[1].1).await;
    for _ in 0..2 {
        assert_eq!(second.post(&book, &[("companion", "no")]).await.status, 303);
    }
    assert_eq!(audit_entries(&app, "event.booked").await, 2);

    // Leaving the waiting list twice.
    let cancel = format!("/events/{event}/cancel");
    for _ in 0..2 {
        assert_eq!(second.post(&cancel, &[]).await.status, 303);
    }
    assert_eq!(audit_entries(&app, "event.booking_cancelled").await, 1);
}
both!(
    a_repeated_booking_is_logged_once,
    a_repeated_booking_is_logged_once_body
);

/// Needs over 2,000 characters are refused with the limit, never cut short.
async fn booking_needs_over_the_limit_are_refused_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 3).await;
    // The demo's bookings are there already.
    let booked = app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await;
    let people = people(&app, &world, 1, true).await;
    let mut client = app.signed_in_client(&people[0].1).await;
    let long = "a".repeat(2001);
    let page = client
        .post(
            &format!("/events/{event}/book"),
            &[("event_needs", long.as_str()), ("companion", "no")],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("<a href=\"#event_needs\">This answer must be 2,000 characters or fewer</a>"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&long), "the answer is kept to correct");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await,
        booked
    );
    let exact = "a".repeat(2000);
    let page = client
        .post(
            &format!("/events/{event}/book"),
            &[("event_needs", exact.as_str()), ("companion", "no")],
        )
        .await;
    assert_eq!(page.status, 303);
}
both!(
    booking_needs_over_the_limit_are_refused,
    booking_needs_over_the_limit_are_refused_body
);

/// Answers that do not fit are refused with a message that names the value or states the limit:
/// an unknown topic or region on an invitation (which once invited the whole panel), an unknown
/// region or feature on a venue, a capacity out of range, and over-long text.
async fn answers_that_do_not_fit_are_refused_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let org = world.org;
    let event = event(&app, &world, 3).await;
    people(&app, &world, 2, true).await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let show_path = format!(
        "/organisations/{org}/engagements/{}/events/{event}",
        world.engagement
    );
    let panel = world.panel.to_string();
    for (field, value) in [("topic", "knitting"), ("region", "Atlantis")] {
        let page = staff
            .post(
                &format!("{show_path}/invite"),
                &[("panel", panel.as_str()), (field, value)],
            )
            .await;
        assert_eq!(page.status, 422, "{field}");
        assert!(
            page.body.contains(&format!(
                "<a href=\"#{field}\">We did not recognise “{value}”. Choose from the list</a>"
            )),
            "{}",
            page.body
        );
        assert_eq!(
            app.scalar_i64("SELECT COUNT(*) FROM event_invitations")
                .await,
            0,
            "nobody is invited"
        );
    }

    let venue = |region: &'static str, feature: &'static str| {
        vec![
            ("name", "Seaside Centre"),
            ("region", region),
            ("features", "quiet_room"),
            ("features", feature),
        ]
    };
    let new_venue = format!("/organisations/{org}/venues/new");
    let page = staff.post(&new_venue, &venue("TLX", "quiet_room")).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("We did not recognise “TLX”"));
    let page = staff.post(&new_venue, &venue("TLD", "jacuzzi")).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("We did not recognise “jacuzzi”"));
    let long_name = "a".repeat(201);
    let page = staff
        .post(&new_venue, &[("name", long_name.as_str())])
        .await;
    assert!(
        page.body
            .contains("This answer must be 200 characters or fewer")
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM venues WHERE name = 'Seaside Centre'")
            .await,
        0
    );

    let new_event = format!(
        "/organisations/{org}/engagements/{}/events/new",
        world.engagement
    );
    let long_title = "a".repeat(201);
    for capacity in ["0", "99999999999", "100001"] {
        let page = staff
            .post(
                &new_event,
                &[("capacity", capacity), ("title", long_title.as_str())],
            )
            .await;
        assert_eq!(page.status, 422);
        assert!(
            page.body.contains(
                "<a href=\"#capacity\">Enter the number of places, a whole number from 1 to 100,000</a>"
            ),
            "{capacity}: {}",
            page.body
        );
        assert!(
            page.body
                .contains("<a href=\"#title\">This answer must be 200 characters or fewer</a>")
        );
    }
}
both!(
    answers_that_do_not_fit_are_refused,
    answers_that_do_not_fit_are_refused_body
);

/// A format or topic not on the lists is refused by name on a person's preferences, not dropped.
async fn unknown_preferences_are_refused_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, true).await;
    let mut client = app.signed_in_client(&people[0].1).await;
    for (field, value) in [("formats", "braille_scroll"), ("topics", "knitting")] {
        let page = client
            .post("/your-data/preferences", &[(field, value)])
            .await;
        assert_eq!(page.status, 422, "{field}: {}", page.body);
        assert!(
            page.body.contains(&format!(
                "We did not recognise “{value}”. Choose from the list"
            )),
            "{}",
            page.body
        );
    }
}
both!(
    unknown_preferences_are_refused,
    unknown_preferences_are_refused_body
);

async fn the_organisers_event_page_writes_nothing_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = event(&app, &world, 1).await;
    let people = people(&app, &world, 2, true).await;
    for (_, email) in &people {
        let mut client = app.signed_in_client(email).await;
        let page = client.post(&format!("/events/{event}/book"), &[]).await;
        assert_eq!(page.status, 303);
    }
    let mut first = app.signed_in_client(&people[0].1).await;
    let page = first.post(&format!("/events/{event}/cancel"), &[]).await;
    assert_eq!(page.status, 303);
    expire_offer(&app, people[1].0).await;
    let before = bookings(&app, event).await;
    let audit_before = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    let outbox_before = app.scalar_i64("SELECT COUNT(*) FROM outbox").await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let page = staff
        .get(&format!(
            "/organisations/{}/engagements/{}/events/{event}",
            world.org, world.engagement
        ))
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(
        bookings(&app, event).await,
        before,
        "a GET changes no booking"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audit_before,
        "a GET audits nothing"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox").await,
        outbox_before,
        "a GET sends nothing"
    );
}
both!(
    the_organisers_event_page_writes_nothing,
    the_organisers_event_page_writes_nothing_body
);
