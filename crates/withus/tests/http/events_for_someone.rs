//! Staff booking a place for someone who does not go online: found on the organisation's register,
//! booked through the same command as a person booking for themselves, so their access needs reach
//! the event's access plan, their confirmation goes by their own way of contact (here a phone call,
//! never an email), and the audit log says it was done for them and how they told staff.

use uuid::Uuid;
use withus::events::domain::BookingStatus;
use withus::events::fixtures::{self as events, Details};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::AccessNeed;
use withus::register::fixtures as register;

use crate::both;
use crate::event_fixtures::{forum, online_event};
use crate::events_access_plan::member;
use crate::helpers::{Backend, TestApp, spawn_app_without_demo};

const ORG: &str = "Bookford Forum";
const FACILITATOR: &str = "facilitator@bookford.example";

struct World {
    org: Uuid,
    panel: Uuid,
    engagement: Uuid,
    event: Uuid,
    /// Gwen Phone: on the panel, no email, contacted by phone, needs a BSL interpreter.
    gwen: Uuid,
    facilitator: Uuid,
}

/// A person on `panel` with one access need; with no email when `phone_only`.
async fn person(
    app: &TestApp,
    panel: Uuid,
    name: &str,
    need: AccessNeed,
    phone_only: bool,
) -> Uuid {
    member(app, panel, name, need, !phone_only).await.0
}

async fn world(app: &TestApp, capacity: i64) -> World {
    let forum = forum(
        app,
        ORG,
        "Bookford Panel",
        &[(FACILITATOR, "facilitator")],
        "bookford password 2026",
    )
    .await;
    let event = online_event(
        app,
        (forum.org, forum.engagement),
        "Planning session",
        30,
        90,
        capacity,
    )
    .await;
    let gwen = person(
        app,
        forum.panel,
        "Gwen Phone",
        AccessNeed::BslInterpreter,
        true,
    )
    .await;
    let mut conn = app.db.acquire().await.unwrap();
    let facilitator = withus::accounts::fixtures::find_by_email(&mut conn.ex(), FACILITATOR)
        .await
        .unwrap()
        .unwrap()
        .id;
    World {
        org: forum.org,
        panel: forum.panel,
        engagement: forum.engagement,
        event,
        gwen,
        facilitator,
    }
}

fn base(world: &World) -> String {
    format!(
        "/organisations/{}/engagements/{}/events/{}",
        world.org, world.engagement, world.event
    )
}

async fn status_of(app: &TestApp, event: Uuid, person: Uuid) -> Option<BookingStatus> {
    let mut conn = app.db.acquire().await.unwrap();
    events::booking_of(&mut conn.ex(), event, person)
        .await
        .unwrap()
        .map(|b| b.status())
}

/// The organisation's audit entries with this action: (who did it, details).
async fn entries(app: &TestApp, org: Uuid, action: &str) -> Vec<(Option<Uuid>, serde_json::Value)> {
    let mut conn = app.db.acquire().await.unwrap();
    withus::audit::list(&mut conn.ex(), Some(org), 500, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|row| row.action == action)
        .map(|row| {
            (
                row.actor_account_id,
                serde_json::from_str(&row.details).unwrap(),
            )
        })
        .collect()
}

async fn a_phone_only_member_booked_by_staff_is_in_the_access_plan_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app, 5).await;
    let base = base(&world);
    let mut staff = app.signed_in_client(FACILITATOR).await;

    // The event's page leads to the journey; the search finds her by part of her name.
    let show = staff.get(&base).await;
    assert!(show.body.contains(&format!("href=\"{base}/book-for\"")));
    let found = staff.get(&format!("{base}/book-for?q=gwen")).await;
    assert_eq!(found.status, 200, "{}", found.body);
    let href = format!("{base}/book-for/{}", world.gwen);
    assert!(found.body.contains(&href), "{}", found.body);
    assert!(found.body.contains("Gwen Phone"));

    // Her saved needs are shown back to staff before they book.
    let form = staff.get(&href).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("British Sign Language"), "{}", form.body);

    let emailed = app.scalar_i64("SELECT COUNT(*) FROM outbox").await;
    let booked = staff
        .post(
            &href,
            &[
                (
                    "event_needs",
                    "Two interpreters, as the session is 90 minutes",
                ),
                ("companion", "no"),
                ("travel_needs", ""),
                ("told", "phone"),
            ],
        )
        .await;
    assert_eq!(booked.status, 303, "{}", booked.body);
    assert_eq!(booked.location.as_deref(), Some(base.as_str()));
    assert_eq!(
        status_of(&app, world.event, world.gwen).await,
        Some(BookingStatus::Booked)
    );

    // Her need is in the access plan, as for anyone who books for themselves.
    let plan = staff.get(&format!("{base}/access-plan")).await;
    assert_eq!(plan.status, 200);
    assert!(
        plan.body.contains("id=\"item-bsl_interpreter\""),
        "the BSL interpreter she needs is planned: {}",
        plan.body
    );

    // Her confirmation waits on the organisation's list of people to phone; nothing is emailed.
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox").await, emailed);
    let messages = staff
        .get(&format!("/organisations/{}/messages", world.org))
        .await;
    assert_eq!(messages.body.matches("id=\"call-").count(), 1);
    assert!(messages.body.contains("Gwen Phone"));

    // The audit log: done by the facilitator, for her, told by phone.
    let logged = entries(&app, world.org, "event.booked_for_person").await;
    assert_eq!(logged.len(), 1);
    let (by, details) = &logged[0];
    assert_eq!(*by, Some(world.facilitator));
    assert_eq!(details["person"], serde_json::json!(world.gwen));
    assert_eq!(details["told"], "phone");
    assert_eq!(details["status"], "booked");
    assert!(entries(&app, world.org, "event.booked").await.is_empty());
}
both!(
    a_phone_only_member_booked_by_staff_is_in_the_access_plan,
    a_phone_only_member_booked_by_staff_is_in_the_access_plan_body
);

async fn without_how_they_told_staff_nothing_is_booked_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app, 5).await;
    let href = format!("{}/book-for/{}", base(&world), world.gwen);
    let mut staff = app.signed_in_client(FACILITATOR).await;
    staff.get(&href).await;
    let audited = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    let notified = app.scalar_i64("SELECT COUNT(*) FROM notifications").await;
    let refused = staff
        .post(
            &href,
            &[
                ("event_needs", "A quiet room"),
                ("companion", "yes"),
                ("told", "online"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("govuk-error-summary"));
    assert!(
        refused
            .body
            .contains("Select how they told you: by phone, on paper, in person, by email or through an advocate"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("href=\"#told\""),
        "the summary links to the question"
    );
    // What was typed comes back.
    assert!(refused.body.contains("A quiet room"));
    assert_eq!(status_of(&app, world.event, world.gwen).await, None);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audited
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM notifications").await,
        notified
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_bookings").await,
        0
    );
}
both!(
    without_how_they_told_staff_nothing_is_booked,
    without_how_they_told_staff_nothing_is_booked_body
);

async fn someone_on_another_organisations_register_is_not_found_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app, 5).await;
    let mut tx = app.db.begin().await.unwrap();
    let other =
        crate::helpers::create_organisation(&mut tx.ex(), "Elsewhere Trust", OrganisationKind::Dpo)
            .await
            .unwrap();
    let their_panel = register::create_panel(&mut tx.ex(), other, "Elsewhere Panel", "", true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let stranger = person(
        &app,
        their_panel,
        "Sion Elsewhere",
        AccessNeed::LargePrint,
        true,
    )
    .await;
    let base = base(&world);
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let found = staff.get(&format!("{base}/book-for?q=Sion")).await;
    assert_eq!(found.status, 200);
    assert!(!found.body.contains("Sion Elsewhere"), "{}", found.body);
    let href = format!("{base}/book-for/{stranger}");
    assert_eq!(staff.get(&href).await.status, 404);
    let refused = staff
        .post(&href, &[("companion", "no"), ("told", "phone")])
        .await;
    assert_eq!(refused.status, 404);
    let cancel = staff
        .post(&format!("{href}/cancel"), &[("cancel_told", "phone")])
        .await;
    assert_eq!(cancel.status, 404);
    assert_eq!(status_of(&app, world.event, stranger).await, None);

    // Once they book for themselves, the event's page lists them, with no link to a page staff
    // could not open; someone on the register is linked.
    let mut tx = app.db.begin().await.unwrap();
    for person in [stranger, world.gwen] {
        events::book(&mut tx.ex(), world.event, person, &Details::default())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let show = staff.get(&base).await;
    assert!(show.body.contains("Sion Elsewhere"));
    assert!(!show.body.contains(&href), "{}", show.body);
    assert!(
        show.body
            .contains(&format!("{base}/book-for/{}", world.gwen))
    );
}
both!(
    someone_on_another_organisations_register_is_not_found,
    someone_on_another_organisations_register_is_not_found_body
);

async fn a_full_event_puts_them_on_the_waiting_list_and_staff_can_cancel_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app, 1).await;
    let first = person(
        &app,
        world.panel,
        "Fflur First",
        AccessNeed::EasyRead,
        false,
    )
    .await;
    let mut tx = app.db.begin().await.unwrap();
    events::book(&mut tx.ex(), world.event, first, &Details::default())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let base = base(&world);
    let href = format!("{base}/book-for/{}", world.gwen);
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let form = staff.get(&href).await;
    assert!(
        form.body
            .contains("This event is full. They will go on the waiting list.")
    );
    let waiting = staff
        .post(&href, &[("companion", "no"), ("told", "advocate")])
        .await;
    assert_eq!(waiting.status, 303, "{}", waiting.body);
    assert_eq!(
        status_of(&app, world.event, world.gwen).await,
        Some(BookingStatus::Waiting)
    );
    let logged = entries(&app, world.org, "event.booked_for_person").await;
    assert_eq!(logged[0].1["told"], "advocate");
    assert_eq!(logged[0].1["status"], "waiting");

    // Cancelling for her needs how she told staff, too.
    let refused = staff.post(&format!("{href}/cancel"), &[]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("href=\"#cancel_told\""));
    assert_eq!(
        status_of(&app, world.event, world.gwen).await,
        Some(BookingStatus::Waiting)
    );
    let cancelled = staff
        .post(&format!("{href}/cancel"), &[("cancel_told", "paper")])
        .await;
    assert_eq!(cancelled.status, 303, "{}", cancelled.body);
    assert_eq!(
        status_of(&app, world.event, world.gwen).await,
        Some(BookingStatus::Cancelled)
    );
    let logged = entries(&app, world.org, "event.booking_cancelled_for_person").await;
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].0, Some(world.facilitator));
    assert_eq!(logged[0].1["told"], "paper");
    assert_eq!(logged[0].1["person"], serde_json::json!(world.gwen));

    // A cancelled event takes no bookings: staff are told why, and nothing is written.
    let called_off = staff
        .post(&format!("{base}/cancel"), &[("reason", "The room flooded")])
        .await;
    assert_eq!(called_off.status, 303, "{}", called_off.body);
    let audited = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    let closed = staff
        .post(&href, &[("companion", "no"), ("told", "phone")])
        .await;
    assert_eq!(closed.status, 303);
    assert_eq!(
        status_of(&app, world.event, world.gwen).await,
        Some(BookingStatus::Cancelled)
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audited
    );
}
both!(
    a_full_event_puts_them_on_the_waiting_list_and_staff_can_cancel,
    a_full_event_puts_them_on_the_waiting_list_and_staff_can_cancel_body
);

/// Links on a page to addresses that match `pattern`, once each.
fn links(body: &str, pattern: &str) -> Vec<String> {
    let mut found: Vec<String> = regex::Regex::new(pattern)
        .unwrap()
        .find_iter(body)
        .map(|m| m.as_str().to_owned())
        .collect();
    found.dedup();
    found
}

async fn in_the_demo_a_member_who_phoned_is_booked_and_in_the_plan_body(backend: Backend) {
    let app = crate::helpers::spawn_app(backend).await;
    let mut conn = app.db.acquire().await.unwrap();
    let dpo = withus::organisations::find_by_name(&mut conn.ex(), withus::demo::DPO)
        .await
        .unwrap()
        .unwrap()
        .id;
    drop(conn);
    let mut staff = app
        .signed_in_client("facilitator@northtown-dpf.example")
        .await;
    let engagements = staff
        .get(&format!("/organisations/{dpo}/engagements"))
        .await;
    let uuid = "[0-9a-f-]{36}";
    let mut plans = Vec::new();
    for engagement in links(
        &engagements.body,
        &format!("/organisations/{dpo}/engagements/{uuid}\""),
    ) {
        let page = staff.get(engagement.trim_end_matches('"')).await;
        for event in links(
            &page.body,
            &format!("/organisations/{dpo}/engagements/{uuid}/events/{uuid}\""),
        ) {
            let plan = format!("{}/access-plan", event.trim_end_matches('"'));
            plans.push(staff.get(&plan).await.body);
        }
    }
    assert!(
        plans
            .iter()
            .any(|plan| plan.contains("id=\"item-large_print_18\"")),
        "Margaret Thompson's 18 point large print is in the demo event's access plan"
    );
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'event.booked_for_person' \
             AND details LIKE '%\"told\":\"phone\"%'"
        )
        .await,
        1
    );
}
both!(
    in_the_demo_a_member_who_phoned_is_booked_and_in_the_plan,
    in_the_demo_a_member_who_phoned_is_booked_and_in_the_plan_body
);
