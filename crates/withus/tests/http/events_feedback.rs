//! After an event: each attendee is asked once, in their language, whether their access needs were
//! met; only attendees may answer; answers can be changed, their words are sealed, staff can record
//! an answer given by phone, and the counts feed the event's and the engagement's pages.

use uuid::Uuid;
use withus::db::Db;
use withus::events::fixtures::{self as events, Details};
use withus::register::domain::{AccessNeed, ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::event_fixtures::{forum, online_event};
use crate::helpers::{Backend, TestApp, spawn_app};

const ORG: &str = "Afterton Forum";
const FACILITATOR: &str = "facilitator@afterton.example";
const OFFICER: &str = "officer@afterton.example";
const AUDITOR: &str = "auditor@afterton.example";
const CANARY: &str = "CANARY-b41e-the-interpreter-never-came";
/// Rows about one person, by name (ids are stored differently by the two databases).
const ANSWERS_OF: &str = "SELECT COUNT(*) FROM event_feedback f JOIN people p ON p.id = f.person_id WHERE p.display_name =";
const WELSH: &str = "subject LIKE 'A gafodd eich anghenion mynediad eu diwallu?%'";
const ENGLISH: &str = "subject LIKE 'Were your access needs met?%'";

struct World {
    org: Uuid,
    engagement: Uuid,
    panel: Uuid,
    /// An online event that ended yesterday.
    event: Uuid,
}

struct Someone {
    id: Uuid,
    /// Their email address, which is also their sign-in, if they have one.
    email: Option<String>,
}

async fn add_event(app: &TestApp, world: &World, starts_in_days: i64) -> Uuid {
    online_event(
        app,
        (world.org, world.engagement),
        "Listening session",
        starts_in_days,
        90,
        20,
    )
    .await
}

async fn world(app: &TestApp) -> World {
    let forum = forum(
        app,
        ORG,
        "Afterton Panel",
        &[
            (FACILITATOR, "facilitator"),
            (OFFICER, "officer"),
            (AUDITOR, "auditor"),
        ],
        "afterton password 2026",
    )
    .await;
    let event = online_event(
        app,
        (forum.org, forum.engagement),
        "Listening session",
        -1,
        90,
        20,
    )
    .await;
    World {
        org: forum.org,
        engagement: forum.engagement,
        panel: forum.panel,
        event,
    }
}

/// A panel member with one access need, booked on `event`; with an email address they can also sign
/// in with it.
async fn someone(
    app: &TestApp,
    world: &World,
    event: Uuid,
    name: &str,
    language: &str,
    has_email: bool,
    need: AccessNeed,
) -> Someone {
    let email = has_email.then(|| format!("{}@afterton.example", name.to_lowercase()));
    let mut tx = app.db.begin().await.unwrap();
    let account = match &email {
        Some(email) => Some(
            withus::accounts::fixtures::create(
                &mut tx.ex(),
                withus::accounts::fixtures::NewAccount {
                    email,
                    display_name: name,
                    password_hash: None,
                    language,
                    is_site_admin: false,
                },
            )
            .await
            .unwrap(),
        ),
        None => None,
    };
    let id = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: account,
            display_name: name,
            email: email.as_deref(),
            phone: (!has_email).then_some("07700900222"),
            contact_method: if has_email {
                ContactMethod::Email
            } else {
                ContactMethod::Phone
            },
            language,
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
    app.give_access_need(&mut tx.ex(), id, need).await;
    events::book(&mut tx.ex(), event, id, &Details::default())
        .await
        .unwrap()
        .unwrap();
    tx.commit().await.unwrap();
    Someone { id, email }
}

/// Everyone booked on the world's event: Aled speaks Welsh, Carys has no email address.
struct People {
    aled: Someone,
    beth: Someone,
    carys: Someone,
    dai: Someone,
    eira: Someone,
}

async fn people(app: &TestApp, world: &World) -> People {
    let event = world.event;
    let mut made = Vec::new();
    for (name, language, has_email, need) in [
        ("Aled", "cy", true, AccessNeed::BslInterpreter),
        ("Beth", "en", true, AccessNeed::EasyRead),
        ("Carys", "en", false, AccessNeed::Braille),
        ("Dai", "en", true, AccessNeed::EasyRead),
        ("Eira", "en", true, AccessNeed::EasyRead),
    ] {
        made.push(someone(app, world, event, name, language, has_email, need).await);
    }
    let [aled, beth, carys, dai, eira] = <[Someone; 5]>::try_from(made).ok().unwrap();
    People {
        aled,
        beth,
        carys,
        dai,
        eira,
    }
}

fn event_page(world: &World, event: Uuid) -> String {
    format!(
        "/organisations/{}/engagements/{}/events/{event}",
        world.org, world.engagement
    )
}

/// The facilitator marks these people as having come.
async fn mark_attended(app: &TestApp, world: &World, event: Uuid, came: &[&Someone]) {
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let ids: Vec<String> = came.iter().map(|s| s.id.to_string()).collect();
    let fields: Vec<(&str, &str)> = ids.iter().map(|id| ("attended", id.as_str())).collect();
    let saved = staff
        .post(&format!("{}/attendance", event_page(world, event)), &fields)
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
}

async fn count(app: &TestApp, sql: String) -> i64 {
    app.scalar_i64(Box::leak(sql.into_boxed_str())).await
}

/// The number shown in one of the summary's counts.
fn shown(body: &str, id: &str) -> String {
    let marker = format!("id=\"{id}\">");
    let at = body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {id} in {body}"))
        + marker.len();
    body[at..at + body[at..].find('<').unwrap()].to_owned()
}

async fn attendees_are_asked_once_in_their_language_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = world.event;
    let People {
        aled,
        beth,
        carys,
        dai,
        ..
    } = people(&app, &world).await;

    mark_attended(&app, &world, event, &[&aled, &beth, &carys]).await;
    let welsh = format!("SELECT COUNT(*) FROM outbox WHERE {WELSH}");
    let english = format!("SELECT COUNT(*) FROM outbox WHERE {ENGLISH}");
    let to = |who: &Someone| who.email.clone().unwrap();
    assert_eq!(
        count(&app, format!("{welsh} AND to_address = '{}'", to(&aled))).await,
        1,
        "the Welsh speaker is asked in Welsh"
    );
    assert_eq!(
        count(&app, format!("{english} AND to_address = '{}'", to(&beth))).await,
        1,
        "the English speaker is asked in English"
    );
    assert_eq!(
        count(&app, format!("{english} AND to_address = '{}'", to(&aled))).await,
        0
    );
    assert_eq!(
        count(
            &app,
            format!(
                "SELECT COUNT(*) FROM outbox WHERE to_address = '{}' AND subject LIKE '%{}%'",
                to(&dai),
                "Listening session"
            )
        )
        .await,
        0,
        "someone who did not come is not asked"
    );
    let (_, body) = app.last_email().await;
    assert!(
        body.contains(&format!("/events/{event}/feedback")),
        "the email links to the question: {body}"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_feedback").await,
        3,
        "every attendee is recorded as asked"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_feedback WHERE asked_by_email")
            .await,
        2
    );

    // Saving attendance again asks nobody twice.
    mark_attended(&app, &world, event, &[&aled, &beth, &carys]).await;
    assert_eq!(
        count(&app, format!("{english} OR {WELSH}")).await,
        2,
        "still one email each"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_feedback").await,
        3
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'event.feedback_asked'")
            .await,
        1
    );

    // The person without email is listed for the organiser to ask.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let page = staff.get(&event_page(&world, event)).await;
    assert_eq!(page.status, 200);
    let to_ask = &page.body[page.body.find("id=\"feedback-to-ask\"").unwrap()..];
    assert!(to_ask.contains("Carys") && to_ask.contains("07700900222"));
    assert!(!to_ask[..to_ask.find("</ul>").unwrap()].contains("Beth"));
    assert_eq!(shown(&page.body, "feedback-asked"), "3");

    // Attendance marked before an event is over asks nobody yet.
    let later = add_event(&app, &world, 10).await;
    let early = someone(
        &app,
        &world,
        later,
        "Ffion",
        "en",
        true,
        AccessNeed::EasyRead,
    )
    .await;
    mark_attended(&app, &world, later, &[&early]).await;
    assert_eq!(
        count(&app, format!("{ANSWERS_OF} 'Ffion'")).await
            + count(
                &app,
                format!(
                    "SELECT COUNT(*) FROM outbox WHERE to_address = '{}' AND {ENGLISH}",
                    early.email.clone().unwrap(),
                )
            )
            .await,
        0,
        "nobody is asked before the event ends"
    );
}
both!(
    attendees_are_asked_once_in_their_language,
    attendees_are_asked_once_in_their_language_body
);

/// The raw stored details of every answer.
async fn raw_details(app: &TestApp) -> Vec<Vec<u8>> {
    let sql = "SELECT details FROM event_feedback WHERE details IS NOT NULL";
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
    }
}

async fn only_attendees_answer_and_their_words_are_sealed_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = world.event;
    let People { beth, dai, .. } = people(&app, &world).await;
    mark_attended(&app, &world, event, &[&beth]).await;
    let url = format!("/events/{event}/feedback");

    let mut stranger = app.signed_in_client(dai.email.as_deref().unwrap()).await;
    assert_eq!(stranger.get(&url).await.status, 403, "Dai did not come");
    let refused = stranger.post(&url, &[("answer", "no")]).await;
    assert_eq!(refused.status, 403);
    assert_eq!(count(&app, format!("{ANSWERS_OF} 'Dai'")).await, 0);

    let mut member = app.signed_in_client(beth.email.as_deref().unwrap()).await;
    let form = member.get(&url).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("Were your access needs met?"));
    assert!(form.body.contains("<legend"));
    assert!(
        form.body.contains("value=\"easy_read\""),
        "her need from the access plan is offered"
    );
    assert!(!form.body.contains("value=\"bsl_interpreter\""));

    let empty = member.post(&url, &[]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("govuk-error-summary"));
    assert!(empty.body.contains("Select yes, partly or no"));

    let saved = member
        .post(
            &url,
            &[
                ("answer", "no"),
                ("unmet", "easy_read"),
                ("unmet", "bsl_interpreter"),
                ("words", CANARY),
                ("contact", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let again = member.get(&url).await;
    assert!(again.body.contains("Thank you for telling us"));
    assert!(again.body.contains(CANARY), "she sees her own words");
    assert!(again.body.contains("value=\"no\" checked"));
    assert!(again.body.contains("value=\"easy_read\" checked"));

    // Sealed at rest: the raw column holds no trace of her words or the need named.
    let raw = raw_details(&app).await;
    assert_eq!(raw.len(), 1);
    for needle in [CANARY.as_bytes(), b"easy_read", b"bsl_interpreter"] {
        assert!(
            !raw[0].windows(needle.len()).any(|w| w == needle),
            "stored in plaintext"
        );
    }
    let stored = crate::encryption_at_rest::everything_stored(&app).await;
    assert!(!stored.contains(CANARY), "not in the audit log or anywhere");

    // She changes her mind: still one answer, and nothing of the earlier words kept.
    let changed = member.post(&url, &[("answer", "yes")]).await;
    assert_eq!(changed.status, 303);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_feedback WHERE answer = 'yes'")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM event_feedback").await,
        1
    );
    assert!(raw_details(&app).await.is_empty());
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'event.feedback_answered'")
            .await,
        2
    );
    // The booking page links to the question.
    let booking = member.get(&format!("/events/{event}/book")).await;
    assert!(booking.body.contains(&url), "{}", booking.body);

    // Rotating keys re-seals her words: they open with the new key alone.
    let partly = member
        .post(&url, &[("answer", "partly"), ("words", CANARY)])
        .await;
    assert_eq!(partly.status, 303);
    let second = KeyRing::generate_entry(2);
    let ring = KeyRing::parse(&format!("{}\n{second}", app.key_spec), None).unwrap();
    withus::admin::rotate_keys(&app.db, &ring).await.unwrap();
    let raw = raw_details(&app).await;
    let only_new = KeyRing::parse(&second, None).unwrap();
    let opened = only_new
        .open(&raw[0], withus::events::feedback::field(event, beth.id))
        .unwrap();
    assert!(opened.contains(CANARY));
}
both!(
    only_attendees_answer_and_their_words_are_sealed,
    only_attendees_answer_and_their_words_are_sealed_body
);

async fn organisers_see_the_counts_and_only_some_see_the_words_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app).await;
    let event = world.event;
    let People {
        aled,
        beth,
        carys,
        dai,
        eira,
    } = people(&app, &world).await;
    mark_attended(&app, &world, event, &[&aled, &beth, &carys, &eira]).await;
    let url = format!("/events/{event}/feedback");
    for (who, answer, words) in [
        (&aled, "partly", "Only one interpreter came"),
        (&beth, "no", CANARY),
        (&eira, "yes", ""),
    ] {
        let mut member = app.signed_in_client(who.email.as_deref().unwrap()).await;
        let saved = member
            .post(&url, &[("answer", answer), ("words", words)])
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
    }

    // Carys answered by phone: the facilitator records it for her.
    let base = event_page(&world, event);
    let on_behalf = format!("{base}/feedback/{}", carys.id);
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let form = staff.get(&on_behalf).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains("Carys"), "{}", form.body);
    assert!(
        form.body.contains("value=\"braille\""),
        "her need is offered"
    );
    let missing = staff.post(&on_behalf, &[("answer", "yes")]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("Select how the answer was given"));
    let recorded = staff
        .post(&on_behalf, &[("answer", "yes"), ("via", "phone")])
        .await;
    assert_eq!(recorded.status, 303, "{}", recorded.body);
    assert_eq!(
        count(
            &app,
            format!(
                "{ANSWERS_OF} 'Carys' AND f.given_via = 'phone' AND f.answer = 'yes' AND f.recorded_by IS NOT NULL"
            )
        )
        .await,
        1
    );
    assert_eq!(
        staff
            .get(&format!("{base}/feedback/{}", dai.id))
            .await
            .status,
        404,
        "nobody can answer for someone who did not come"
    );

    let page = staff.get(&base).await;
    for (id, expected) in [
        ("feedback-asked", "4"),
        ("feedback-answered", "4"),
        ("feedback-yes", "2"),
        ("feedback-partly", "1"),
        ("feedback-no", "1"),
    ] {
        assert_eq!(shown(&page.body, id), expected, "{id}");
    }
    assert!(
        page.body.contains(CANARY),
        "the facilitator reads Beth's words"
    );
    assert!(page.body.contains("Only one interpreter came"));
    let plan = staff.get(&format!("{base}/access-plan")).await;
    assert_eq!(shown(&plan.body, "feedback-no"), "1");
    assert!(plan.body.contains(CANARY));

    // Officers and auditors see the counts, not what people said about their access needs.
    for viewer in [OFFICER, AUDITOR] {
        let mut client = app.signed_in_client(viewer).await;
        let page = client.get(&base).await;
        assert_eq!(page.status, 200, "{viewer}");
        assert_eq!(shown(&page.body, "feedback-no"), "1", "{viewer}");
        assert!(
            !page.body.contains(CANARY),
            "{viewer} must not see the words"
        );
        assert!(!page.body.contains("Only one interpreter came"));
        assert!(
            page.body
                .contains("2 answers said needs were not fully met")
        );
        assert_eq!(
            client.get(&on_behalf).await.status,
            if viewer == OFFICER { 404 } else { 403 },
            "{viewer} cannot record an answer"
        );
    }

    // The engagement's "Needs met" figure: 2 of the 4 answers were Yes.
    let engagement = staff
        .get(&format!(
            "/organisations/{}/engagements/{}",
            world.org, world.engagement
        ))
        .await;
    assert!(
        engagement.body.contains("50% of answers said yes (2 of 4)"),
        "{}",
        engagement.body
    );
    let mut conn = app.db.acquire().await.unwrap();
    let tally = withus::events::feedback::tally_of_engagement(&mut conn.ex(), world.engagement)
        .await
        .unwrap();
    assert_eq!((tally.asked, tally.answered, tally.yes), (4, 4, 2));
    assert_eq!(tally.needs_met_percent(), Some(50));

    // Erasing Beth removes her words; her answer still counts.
    let mut tx = app.db.begin().await.unwrap();
    register::erase_person(&mut tx.ex(), beth.id).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        raw_details(&app).await.len(),
        1,
        "only Aled's words are left"
    );
    let mut conn = app.db.acquire().await.unwrap();
    let after = withus::events::feedback::tally_of_engagement(&mut conn.ex(), world.engagement)
        .await
        .unwrap();
    assert_eq!(after, tally);
}
both!(
    organisers_see_the_counts_and_only_some_see_the_words,
    organisers_see_the_counts_and_only_some_see_the_words_body
);
