//! Recommendations tracked to implementation, end to end: staff add one, a rejection without a
//! reason is refused, a decision and a milestone with evidence are recorded, an overdue milestone is
//! flagged, an implementation group is asked whether it worked, one person's two answers count once,
//! someone not asked is refused, followers are told once per change (or in one weekly digest), and
//! a recommendation not verified is reopened.

use time::Duration;
use uuid::Uuid;
use withus::identity::StaffActor;
use withus::recommendations::commands;
use withus::recommendations::domain::{
    Decided, Delivery, NewMilestone, NewRecommendation, Priority,
};

use crate::both;
use crate::events::{FACILITATOR, people, world};
use crate::helpers::{Backend, TestApp, spawn_app_without_demo};
use crate::notifications::{body_to, prefer};

fn new(title: &str, due_in_days: i64) -> NewRecommendation {
    NewRecommendation {
        title_en: title.into(),
        title_cy: String::new(),
        body_en: "What is recommended.".into(),
        body_cy: String::new(),
        easy_read: String::new(),
        addressed_to: "Cabinet".into(),
        owner_organisation: "Eventown Council".into(),
        owner_role: "Director".into(),
        lead_name: String::new(),
        due_on: withus::db::now().date() + Duration::days(due_in_days),
        priority: Priority::High,
    }
}

/// For the route × role table: an implemented recommendation with a milestone carrying a file,
/// monitored by a group whose one member, `person`, was asked to verify it.
pub(crate) async fn implemented_and_monitored(
    tx: &mut withus::db::Tx,
    state: &withus::state::AppState,
    org: Uuid,
    engagement: Uuid,
    person: Uuid,
) -> (Uuid, Uuid, Uuid) {
    let actor = StaffActor {
        account: None,
        organisation: org,
    };
    let row = withus::engagements::find(&mut tx.ex(), engagement)
        .await
        .unwrap()
        .unwrap();
    let id = commands::propose(&mut tx.ex(), actor, &row, &new("Matrix ramp", 30), &[])
        .await
        .unwrap();
    commands::decide(&mut tx.ex(), state, actor, id, &Decided::Accepted)
        .await
        .unwrap();
    let pdf = b"%PDF-1.4 matrix evidence".to_vec();
    let milestone = commands::add_milestone(
        &mut tx.ex(),
        state,
        actor,
        id,
        &NewMilestone {
            title: "Ramp ordered".into(),
            due_on: withus::db::now().date(),
            evidence_note: String::new(),
            evidence_link: String::new(),
        },
        Some(withus::recommendations::EvidenceFile {
            name: "order.pdf",
            content_type: "application/pdf",
            bytes: &pdf,
        }),
    )
    .await
    .unwrap();
    let group = commands::create_group(&mut tx.ex(), actor, "Matrix group")
        .await
        .unwrap();
    commands::add_member(&mut tx.ex(), actor, group, person)
        .await
        .unwrap();
    commands::assign(&mut tx.ex(), actor, group, &[id])
        .await
        .unwrap();
    commands::set_delivery(
        &mut tx.ex(),
        state,
        actor,
        id,
        Delivery::Implemented,
        withus::db::now().date(),
    )
    .await
    .unwrap();
    (id, milestone, group)
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
        withus::db::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .unwrap()
}

async fn only_id(app: &TestApp, sql: &str) -> Uuid {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
        withus::db::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .unwrap()
}

async fn updates_to(app: &TestApp, person: Uuid) -> i64 {
    count(
        app,
        &format!("SELECT COUNT(*) FROM notifications WHERE kind = 'recommendation_update' AND person_id = '{person}'")
            .replace(&format!("'{person}'"), &quote_id(app, person)),
    )
    .await
}

/// A UUID as a literal each database compares with its stored ids.
fn quote_id(app: &TestApp, id: Uuid) -> String {
    match &app.db {
        withus::db::Db::Sqlite(..) => format!("X'{}'", id.simple()),
        withus::db::Db::Postgres(..) => format!("'{id}'"),
    }
}

async fn decided_delivered_and_verified_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 5, true).await;
    let (asked_a, asked_b, asked_c, immediate, weekly) =
        (&people[0], &people[1], &people[2], &people[3], &people[4]);
    prefer(&app, weekly.0, "email", &[], None, "en", "weekly").await;
    let base = format!(
        "/organisations/{}/engagements/{}/recommendations",
        world.org, world.engagement
    );
    let mut staff = app.signed_in_client(FACILITATOR).await;

    // Adding one: a missing title is refused and nothing is written; then it is added.
    staff.get(&format!("{base}/new")).await;
    let refused = staff
        .post(
            &format!("{base}/new"),
            &[("title_en", ""), ("priority", "high")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Enter a title"), "{}", refused.body);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM recommendations").await, 0);
    let due = withus::db::now().date() + Duration::days(60);
    let (day, month, year) = (
        due.day().to_string(),
        u8::from(due.month()).to_string(),
        due.year().to_string(),
    );
    let added = staff
        .post(
            &format!("{base}/new"),
            &[
                ("title_en", "Step-free meeting rooms"),
                ("body_en", "Every meeting room should be step-free."),
                ("addressed_to", "Cabinet"),
                ("owner_organisation", "Eventown Council"),
                ("owner_role", "Director of Property"),
                ("due-day", &day),
                ("due-month", &month),
                ("due-year", &year),
                ("priority", "high"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let id = only_id(&app, "SELECT id FROM recommendations").await;
    let page = format!("/organisations/{}/recommendations/{id}", world.org);

    // Two panel members follow it: one told at once, one weekly.
    for person in [immediate, weekly] {
        let mut member = app.signed_in_client(&person.1).await;
        member.get(&format!("/recommendations/{id}")).await;
        let followed = member
            .post(
                &format!("/recommendations/{id}/follow"),
                &[("follow", "yes")],
            )
            .await;
        assert_eq!(followed.status, 303, "{}", followed.body);
    }

    // A rejection without a reason is refused with a clear message, and nothing changes.
    staff.get(&page).await;
    let refused = staff
        .post(
            &format!("{page}/decision"),
            &[("decision", "rejected"), ("note", " ")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Say why it was rejected"),
        "{}",
        refused.body
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM recommendations WHERE decision = 'proposed'"
        )
        .await,
        1
    );
    assert_eq!(updates_to(&app, immediate.0).await, 0);

    // Accepted: each follower is told once.
    let accepted = staff
        .post(
            &format!("{page}/decision"),
            &[("decision", "accepted"), ("note", "")],
        )
        .await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    assert_eq!(updates_to(&app, immediate.0).await, 1);
    assert_eq!(updates_to(&app, weekly.0).await, 1);

    // A milestone already past its day, with a file of evidence, shows as overdue in public.
    let past = withus::db::now().date() - Duration::days(10);
    let form = reqwest::multipart::Form::new()
        .text("csrf_token", staff.csrf().unwrap())
        .text("title", "Survey of rooms")
        .text("due-day", past.day().to_string())
        .text("due-month", u8::from(past.month()).to_string())
        .text("due-year", past.year().to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1.4 survey".to_vec()).file_name("survey.pdf"),
        );
    let added = staff
        .post_multipart(&format!("{page}/milestones"), form)
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let milestone = only_id(&app, "SELECT id FROM recommendation_milestones").await;
    let mut public = app.client();
    let shown = public.get(&format!("/recommendations/{id}")).await;
    assert!(shown.body.contains("Survey of rooms"), "{}", shown.body);
    assert!(shown.body.contains("Overdue"), "{}", shown.body);
    let (status, _, bytes) = public
        .get_bytes(&format!(
            "/recommendations/{id}/milestones/{milestone}/evidence"
        ))
        .await;
    assert_eq!(
        (status, bytes.as_slice()),
        (200, b"%PDF-1.4 survey".as_slice())
    );
    assert_eq!(updates_to(&app, immediate.0).await, 2);

    // An implementation group of three monitors it.
    let groups = format!("/organisations/{}/implementation-groups", world.org);
    staff.get(&groups).await;
    let made = staff.post(&groups, &[("name", "Rooms group")]).await;
    assert_eq!(made.status, 303, "{}", made.body);
    let group = only_id(&app, "SELECT id FROM implementation_groups").await;
    for person in [asked_a, asked_b, asked_c] {
        let added = staff
            .post(
                &format!("{groups}/{group}/members"),
                &[("person", &person.0.to_string())],
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.body);
    }
    let assigned = staff
        .post(
            &format!("{groups}/{group}/recommendations"),
            &[("recommendations", &id.to_string())],
        )
        .await;
    assert_eq!(assigned.status, 303, "{}", assigned.body);

    // The group's members see what they monitor together and keep notes; others cannot.
    let mut member = app.signed_in_client(&asked_a.1).await;
    let together = member.get(&format!("/implementation-groups/{group}")).await;
    assert_eq!(together.status, 200);
    assert!(together.body.contains("Step-free meeting rooms"));
    let empty = member
        .post(
            &format!("/implementation-groups/{group}/notes"),
            &[("note", ""), ("about", "")],
        )
        .await;
    assert_eq!(empty.status, 422);
    let noted = member
        .post(
            &format!("/implementation-groups/{group}/notes"),
            &[
                ("note", "I checked the library rooms."),
                ("about", &id.to_string()),
            ],
        )
        .await;
    assert_eq!(noted.status, 303, "{}", noted.body);
    let seen = staff.get(&format!("{groups}/{group}")).await;
    assert!(seen.body.contains("I checked the library rooms."));
    let mut not_in_group = app.signed_in_client(&immediate.1).await;
    assert_eq!(
        not_in_group
            .get(&format!("/implementation-groups/{group}"))
            .await
            .status,
        404
    );

    // Implemented: the three are asked, by the notification door.
    staff
        .post(&format!("{page}/delivery"), &[("delivery", "in_progress")])
        .await;
    let done = staff
        .post(&format!("{page}/delivery"), &[("delivery", "implemented")])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'verification_asked'"
        )
        .await,
        3
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM recommendation_askings").await,
        3
    );

    // Someone who was not asked is refused, and nothing is written.
    let mut outsider = app.signed_in_client(&immediate.1).await;
    assert_eq!(
        outsider
            .get(&format!("/recommendations/{id}/verify"))
            .await
            .status,
        403
    );
    let refused = outsider
        .post(
            &format!("/recommendations/{id}/verify"),
            &[("answer", "yes")],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM recommendation_answers").await,
        0
    );

    // One person saying yes twice counts once: not verified yet.
    let mut first = app.signed_in_client(&asked_a.1).await;
    first.get(&format!("/recommendations/{id}/verify")).await;
    let no_words = first
        .post(
            &format!("/recommendations/{id}/verify"),
            &[("answer", "no"), ("words", "")],
        )
        .await;
    assert_eq!(no_words.status, 422);
    assert!(
        no_words
            .body
            .contains("Tell us why it has not made the difference")
    );
    for _ in 0..2 {
        let said = first
            .post(
                &format!("/recommendations/{id}/verify"),
                &[("answer", "yes"), ("words", "")],
            )
            .await;
        assert_eq!(said.status, 303, "{}", said.body);
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM recommendation_answers").await,
        1
    );
    let shown = public.get(&format!("/recommendations/{id}")).await;
    assert!(shown.body.contains("Not verified"), "one yes is not enough");

    // A second person's yes verifies it; the followers are told.
    let before = updates_to(&app, immediate.0).await;
    let mut second = app.signed_in_client(&asked_b.1).await;
    second.get(&format!("/recommendations/{id}/verify")).await;
    second
        .post(
            &format!("/recommendations/{id}/verify"),
            &[("answer", "yes"), ("words", "")],
        )
        .await;
    let shown = public.get(&format!("/recommendations/{id}")).await;
    assert!(shown.body.contains(">Verified<"), "{}", shown.body);
    assert_eq!(updates_to(&app, immediate.0).await, before + 1);

    // A third says no, with words: one "no" in three answers is more than the 20% share.
    let mut third = app.signed_in_client(&asked_c.1).await;
    third.get(&format!("/recommendations/{id}/verify")).await;
    third
        .post(
            &format!("/recommendations/{id}/verify"),
            &[
                ("answer", "no"),
                ("words", "The lift at the library is still broken."),
            ],
        )
        .await;
    let shown = public.get(&format!("/recommendations/{id}")).await;
    assert!(shown.body.contains("Not verified"), "{}", shown.body);
    assert!(
        shown
            .body
            .contains("The lift at the library is still broken.")
    );
    assert!(
        !shown.body.contains("Person 2"),
        "reasons are shown without names"
    );

    // What a person answered is in their own data download.
    let (status, _, download) = third.get_bytes("/your-data/download.json").await;
    assert_eq!(status, 200);
    let download = String::from_utf8(download).unwrap();
    assert!(download.contains("Step-free meeting rooms"), "{download}");
    assert!(download.contains("The lift at the library is still broken."));

    // Reopened with a reason: back in progress, and a new round of asking.
    staff.get(&page).await;
    let empty = staff
        .post(&format!("{page}/reopen"), &[("reason", "")])
        .await;
    assert_eq!(empty.status, 422);
    let reopened = staff
        .post(
            &format!("{page}/reopen"),
            &[("reason", "The lift is still broken.")],
        )
        .await;
    assert_eq!(reopened.status, 303, "{}", reopened.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM recommendations WHERE delivery = 'in_progress' AND round = 2"
        )
        .await,
        1
    );

    // Every change reached the immediate follower once: accepted, milestone, in progress,
    // implemented, not verified (one yes), verified (two), not verified (a third said no),
    // reopened.
    assert_eq!(updates_to(&app, immediate.0).await, 8);
    // The weekly follower's notices wait for one digest, which holds them all.
    assert_eq!(updates_to(&app, weekly.0).await, 8);
    let directory = withus::register::contact::RegisterDirectory(app.state.clone());
    let sent = withus::notices::digest::sweep(
        &app.db,
        app.state.door(),
        &directory,
        withus::db::now() + Duration::days(8),
    )
    .await
    .unwrap();
    assert_eq!(sent, 1);
    let digest = body_to(&app, &weekly.1).await;
    assert!(digest.contains("The decision is: Accepted."), "{digest}");
    assert!(
        digest.contains("It has been reopened: The lift is still broken."),
        "{digest}"
    );
    let again = withus::notices::digest::sweep(
        &app.db,
        app.state.door(),
        &directory,
        withus::db::now() + Duration::days(9),
    )
    .await
    .unwrap();
    assert_eq!(again, 0, "one digest a week");

    // Erasing the person who said no empties their words and removes their note and place in the
    // group; their answer still counts, so the result stays true.
    crate::events::erase(&app, &world, asked_c.0).await;
    crate::events::erase(&app, &world, asked_a.0).await;
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM recommendation_answers WHERE words <> ''"
        )
        .await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM recommendation_answers").await,
        3
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM implementation_group_notes").await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM implementation_group_members").await,
        1
    );
    let shown = public.get(&format!("/recommendations/{id}")).await;
    assert!(
        !shown
            .body
            .contains("The lift at the library is still broken.")
    );

    // The timeline is append-only.
    let mut tx = app.db.begin().await.unwrap();
    let changed = match &mut tx.ex() {
        withus::db::Ex::Sqlite(c) => sqlx::query("DELETE FROM recommendation_history")
            .execute(&mut **c)
            .await
            .map(|_| ()),
        withus::db::Ex::Postgres(c) => sqlx::query("DELETE FROM recommendation_history")
            .execute(&mut **c)
            .await
            .map(|_| ()),
    };
    assert!(changed.is_err(), "history cannot be deleted");
}

both!(
    decided_delivered_and_verified,
    decided_delivered_and_verified_body
);
