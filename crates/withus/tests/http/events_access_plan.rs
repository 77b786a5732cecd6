//! The organiser's access plan: counts from booked people's needs, statuses, telling people when
//! something cannot be arranged, and marking the event ready only when nothing blocks it.

use uuid::Uuid;
use withus::events::fixtures::{self as events, Details};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{AccessNeed, ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;

use crate::both;
use crate::event_fixtures::{forum, online_event};
use crate::helpers::{Backend, TestApp, spawn_app};

const ORG: &str = "Planford Forum";
const FACILITATOR: &str = "facilitator@planford.example";

struct World {
    org: Uuid,
    panel: Uuid,
    engagement: Uuid,
    event: Uuid,
    /// The person needing BSL interpreters, and their email.
    bsl: String,
}

/// A booked person with one need; with an email address or, if not, a phone number only.
pub async fn person(
    app: &TestApp,
    panel: Uuid,
    event: Uuid,
    name: &str,
    need: AccessNeed,
    has_email: bool,
) -> String {
    let (id, email) = member(app, panel, name, need, has_email).await;
    let mut tx = app.db.begin().await.unwrap();
    events::book(&mut tx.ex(), event, id, &Details::default())
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    email
}

/// An active member of `panel` with one need; with an email address or, if not, a phone number
/// only (and then contacted by phone). Their id and email address (empty if none).
pub async fn member(
    app: &TestApp,
    panel: Uuid,
    name: &str,
    need: AccessNeed,
    has_email: bool,
) -> (Uuid, String) {
    let email = if has_email {
        format!("{}@planford.example", name.to_lowercase().replace(' ', "."))
    } else {
        String::new()
    };
    let mut tx = app.db.begin().await.unwrap();
    let id = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: name,
            email: has_email.then_some(email.as_str()),
            phone: (!has_email).then_some("07700900111"),
            contact_method: if has_email {
                ContactMethod::Email
            } else {
                ContactMethod::Phone
            },
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), panel, id, MembershipStatus::Active)
        .await
        .unwrap();
    app.give_access_need(&mut tx.ex(), id, need).await;
    tx.commit().await.unwrap();
    (id, email)
}

/// A 90-minute online event with two booked people: one needs BSL, one Easy Read.
async fn world(app: &TestApp) -> World {
    let forum = forum(
        app,
        ORG,
        "Planford Panel",
        &[(FACILITATOR, "facilitator")],
        "planford password 2026",
    )
    .await;
    let event = online_event(
        app,
        (forum.org, forum.engagement),
        "Planning session",
        60,
        90,
        10,
    )
    .await;
    let bsl = person(
        app,
        forum.panel,
        event,
        "Bryn",
        AccessNeed::BslInterpreter,
        true,
    )
    .await;
    person(app, forum.panel, event, "Eira", AccessNeed::EasyRead, true).await;
    World {
        org: forum.org,
        panel: forum.panel,
        engagement: forum.engagement,
        event,
        bsl,
    }
}

fn base(world: &World) -> String {
    format!(
        "/organisations/{}/engagements/{}/events/{}",
        world.org, world.engagement, world.event
    )
}

/// The table row of one item.
fn row<'a>(body: &'a str, key: &str) -> &'a str {
    let start = body
        .find(&format!("id=\"item-{key}\""))
        .unwrap_or_else(|| panic!("no {key} row in {body}"));
    let rest = &body[start..];
    &rest[..rest.find("</tr>").unwrap()]
}

fn count(row: &str) -> &str {
    let marker = "govuk-table__cell--numeric\">";
    let at = row.find(marker).unwrap() + marker.len();
    &row[at..at + row[at..].find('<').unwrap()]
}

async fn arranging_both_makes_it_ready_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let base = base(&world);
    let mut client = app.signed_in_client(FACILITATOR).await;
    let plan = client.get(&format!("{base}/access-plan")).await;
    assert_eq!(plan.status, 200, "{}", plan.body);
    assert_eq!(
        count(row(&plan.body, "bsl_interpreter")),
        "2",
        "two interpreters for 90 minutes"
    );
    assert!(row(&plan.body, "bsl_interpreter").contains("Bryn"));
    assert_eq!(count(row(&plan.body, "easy_read")), "1");
    assert!(row(&plan.body, "easy_read").contains("Eira"));

    let refused = client.post(&format!("{base}/ready"), &[]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("British Sign Language (BSL) interpreters: not arranged yet."),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("Easy Read papers: not arranged yet."));
    assert!(refused.body.contains("govuk-error-summary"));

    for key in ["bsl_interpreter", "easy_read"] {
        let done = client
            .post(
                &format!("{base}/access-plan/items/{key}"),
                &[
                    ("status", "arranged"),
                    ("booked_on", "2 3 2026"),
                    ("cost", "350"),
                ],
            )
            .await;
        assert_eq!(done.status, 303, "{}", done.body);
    }
    let plan = client.get(&format!("{base}/access-plan")).await;
    assert!(row(&plan.body, "bsl_interpreter").contains("Arranged"));
    assert!(row(&plan.body, "bsl_interpreter").contains("£350.00"));
    let ready = client.post(&format!("{base}/ready"), &[]).await;
    assert_eq!(ready.status, 303, "{}", ready.body);
    let shown = client.get(&base).await;
    assert!(shown.body.contains(">Ready<"), "{}", shown.body);
    assert!(shown.body.contains("/access-plan"));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'event.marked_ready'")
            .await,
        1
    );
    // Someone else books: their needs are not yet in the plan, so the event is no longer ready.
    person(
        &app,
        world.panel,
        world.event,
        "Latecomer",
        AccessNeed::QuietRoom,
        true,
    )
    .await;
    let shown = client.get(&base).await;
    assert!(
        !shown.body.contains(">Ready<"),
        "ready must be checked again"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM events WHERE ready_at IS NOT NULL")
            .await,
        0
    );
}
both!(
    arranging_both_makes_it_ready,
    arranging_both_makes_it_ready_body
);

async fn cannot_arrange_tells_the_person_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let base = base(&world);
    let mut client = app.signed_in_client(FACILITATOR).await;
    let item = format!("{base}/access-plan/items/bsl_interpreter");
    let missing = client.post(&item, &[("status", "cannot_arrange")]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("Enter why it cannot be arranged"));
    assert!(missing.body.contains("Enter what will be done instead"));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_plan_items")
            .await,
        0
    );

    let done = client
        .post(
            &item,
            &[
                ("status", "cannot_arrange"),
                ("reason", "No interpreters are free that day"),
                ("alternative", "Live captions and a recorded BSL summary"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let query = format!(
        "SELECT COUNT(*) FROM outbox WHERE to_address = '{}' AND subject LIKE 'Something we cannot arrange%'",
        world.bsl
    );
    let told = app.scalar_i64(Box::leak(query.into_boxed_str())).await;
    assert_eq!(told, 1, "the affected person is emailed");
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Something we cannot arrange%'"
        )
        .await,
        1,
        "nobody else is"
    );
    let easy = client
        .post(
            &format!("{base}/access-plan/items/easy_read"),
            &[("status", "arranged")],
        )
        .await;
    assert_eq!(easy.status, 303);
    let ready = client.post(&format!("{base}/ready"), &[]).await;
    assert_eq!(ready.status, 303, "{}", ready.body);
}
both!(
    cannot_arrange_tells_the_person,
    cannot_arrange_tells_the_person_body
);

async fn other_organisations_cannot_see_the_plan_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let mut tx = app.db.begin().await.unwrap();
    crate::helpers::create_organisation(&mut tx.ex(), "Elsewhere Forum", OrganisationKind::Dpo)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for role in ["facilitator", "officer"] {
        let email = format!("{role}@elsewhere.example");
        withus::admin::create_user(
            &app.db,
            withus::admin::NewUser {
                email: &email,
                name: "Other",
                password: "elsewhere password 2026",
                site_admin: false,
                membership: Some(("Elsewhere Forum", role)),
            },
        )
        .await
        .unwrap();
        let mut client = app.signed_in_client(&email).await;
        let page = client.get(&format!("{}/access-plan", base(&world))).await;
        assert!(
            (page.status == 403 || page.status == 404),
            "{role}: {}",
            page.status
        );
        let ready = client.post(&format!("{}/ready", base(&world)), &[]).await;
        assert!(
            (ready.status == 403 || ready.status == 404),
            "{role}: {}",
            ready.status
        );
    }
}
both!(
    other_organisations_cannot_see_the_plan,
    other_organisations_cannot_see_the_plan_body
);

async fn people_without_email_are_told_by_phone_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    person(
        &app,
        world.panel,
        world.event,
        "Phoneonly",
        AccessNeed::Braille,
        false,
    )
    .await;
    let base = base(&world);
    let mut client = app.signed_in_client(FACILITATOR).await;
    for key in ["bsl_interpreter", "easy_read"] {
        let arranged = client
            .post(
                &format!("{base}/access-plan/items/{key}"),
                &[("status", "arranged")],
            )
            .await;
        assert_eq!(arranged.status, 303, "{key}: {}", arranged.body);
    }
    let cannot = client
        .post(
            &format!("{base}/access-plan/items/braille"),
            &[
                ("status", "cannot_arrange"),
                ("reason", "No braille printer is free in time"),
                (
                    "alternative",
                    "An audio recording of the papers, sent a week before",
                ),
            ],
        )
        .await;
    assert_eq!(cannot.status, 303, "{}", cannot.body);
    let plan = client.get(&format!("{base}/access-plan")).await;
    assert!(
        plan.body.contains("Phoneonly"),
        "listed to tell by phone or post"
    );
    // Not ready until someone has told them, since no email could.
    let refused = client.post(&format!("{base}/ready"), &[]).await;
    assert_eq!(refused.status, 422);
    let told = client
        .post(&format!("{base}/access-plan/items/braille/told"), &[])
        .await;
    assert_eq!(told.status, 303, "{}", told.body);
    let ready = client.post(&format!("{base}/ready"), &[]).await;
    assert_eq!(ready.status, 303, "{}", ready.body);
}
both!(
    people_without_email_are_told_by_phone,
    people_without_email_are_told_by_phone_body
);
