//! Members saying a commitment marked kept was not kept: shown beside it with their words and never
//! their names, once per person, refused when empty, from anyone not on the organisation's panels
//! and for a commitment not marked kept; taken back by the member, gone when the person is erased,
//! and counted in the organisation's commitment figures.

use time::macros::date;
use uuid::Uuid;
use withus::engagements::commands::{self, Editor};
use withus::engagements::domain::{Bilingual, Commitment, CommitmentStatus, StatusChange};
use withus::engagements::{CommitmentFigures, commitment_figures};

use crate::both;
use crate::events::{FACILITATOR, World, people, world};
use crate::helpers::{Backend, TestApp, spawn_app_without_demo};

const WORDS: &str = "The report back meeting never happened";
const COUNT_SQL: &str = "SELECT COUNT(*) FROM commitment_challenges";
const CONTESTED_SQL: &str = "SELECT COUNT(*) FROM audit_log WHERE action = 'commitment.contested'";

fn editor(world: &World) -> Editor {
    Editor {
        account: None,
        organisation: world.org,
    }
}

/// The world's engagement's one commitment.
async fn the_commitment(app: &TestApp, world: &World) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::engagements::commitments_of(&mut conn.ex(), world.engagement)
        .await
        .unwrap()[0]
        .id
}

async fn mark(
    app: &TestApp,
    world: &World,
    engagement: Uuid,
    commitment: Uuid,
    to: CommitmentStatus,
) {
    let mut tx = app.db.begin().await.unwrap();
    commands::change_status(
        &mut tx.ex(),
        editor(world),
        engagement,
        commitment,
        &StatusChange {
            status: to,
            evidence: "Minutes of the meeting".into(),
            explanation: Bilingual::new("We did it", ""),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// A world whose commitment is marked kept, with two members who can sign in.
async fn kept(app: &TestApp) -> (World, Uuid, Vec<(Uuid, String)>) {
    let world = world(app).await;
    let commitment = the_commitment(app, &world).await;
    mark(
        app,
        &world,
        world.engagement,
        commitment,
        CommitmentStatus::Kept,
    )
    .await;
    let members = people(app, &world, 2, true).await;
    (world, commitment, members)
}

fn form_path(world: &World, commitment: Uuid) -> String {
    format!(
        "/engagements/{}/commitments/{commitment}/not-kept",
        world.engagement
    )
}

async fn member_says_not_kept_shown_beside_it_without_a_name_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, members) = kept(&app).await;
    let public = format!("/engagements/{}", world.engagement);
    let mut member = app.signed_in_client(&members[0].1).await;

    let before = member.get(&public).await;
    assert!(
        before.body.contains("Say this was not kept"),
        "{}",
        before.body
    );
    assert!(before.body.contains(&form_path(&world, commitment)));
    let form = member.get(&form_path(&world, commitment)).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Why do you think this was not kept?"));

    let sent = member
        .post(&form_path(&world, commitment), &[("words", WORDS)])
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let after = app.client().get(&public).await;
    assert!(
        after.body.contains("1 member says this was not kept"),
        "{}",
        after.body
    );
    assert!(after.body.contains(WORDS));
    assert!(!after.body.contains("Person 0"), "never the name");
    assert!(
        !after.body.contains("Say this was not kept"),
        "only members see the link"
    );

    // The member's data download holds what they said.
    let download = member.get("/your-data/download.json").await;
    assert_eq!(download.status, 200);
    assert!(download.body.contains("Promises you said were not kept"));
    assert!(download.body.contains(WORDS));

    // The words are sealed in the database.
    let stored = crate::encryption_at_rest::everything_stored(&app).await;
    assert!(!stored.contains(WORDS));

    // The staff page shows it too.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let staff_page = staff
        .get(&format!(
            "/organisations/{}/engagements/{}",
            world.org, world.engagement
        ))
        .await;
    assert!(staff_page.body.contains("1 member says this was not kept"));
    assert!(staff_page.body.contains(WORDS));
    assert_eq!(app.scalar_i64(CONTESTED_SQL).await, 1);
}
both!(
    member_says_not_kept_shown_beside_it_without_a_name,
    member_says_not_kept_shown_beside_it_without_a_name_body
);

async fn saying_it_twice_counts_once_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, members) = kept(&app).await;
    let public = format!("/engagements/{}", world.engagement);
    let mut member = app.signed_in_client(&members[0].1).await;
    let path = form_path(&world, commitment);
    member.post(&path, &[("words", WORDS)]).await;
    // The same words again change nothing and record nothing.
    assert_eq!(member.post(&path, &[("words", WORDS)]).await.status, 303);
    assert_eq!(app.scalar_i64(CONTESTED_SQL).await, 1);
    let again = member.post(&path, &[("words", "Nobody heard back")]).await;
    assert_eq!(again.status, 303);
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 1, "one person counts once");
    let page = app.client().get(&public).await;
    assert!(page.body.contains("1 member says this was not kept"));
    assert!(page.body.contains("Nobody heard back"));
    assert!(!page.body.contains(WORDS), "the new words replace the old");
    // The form shows what they said, and a way to take it back.
    let form = member.get(&path).await;
    assert!(form.body.contains("Nobody heard back"));
    assert!(form.body.contains("Take back what I said"));

    let mut other = app.signed_in_client(&members[1].1).await;
    other.post(&path, &[("words", WORDS)]).await;
    let page = app.client().get(&public).await;
    assert!(page.body.contains("2 members say this was not kept"));
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 2);
    let mut welsh = app.client();
    welsh.get("/language?to=cy&return=/").await;
    let page = welsh.get(&public).await;
    assert!(
        page.body.contains("Mae 2 aelod yn dweud na chadwyd hyn"),
        "{}",
        page.body
    );

    // New keys re-seal the words, and the page still shows them.
    use withus::security::field_crypto::KeyRing;
    let second = KeyRing::generate_entry(2);
    let ring = KeyRing::parse(&format!("{}\n{second}", app.key_spec), None).unwrap();
    let rotated = withus::admin::rotate_keys(&app.db, &ring).await.unwrap();
    assert_eq!(rotated, 2, "the two members' words");
    assert_eq!(withus::admin::rotate_keys(&app.db, &ring).await.unwrap(), 0);
}
both!(
    saying_it_twice_counts_once,
    saying_it_twice_counts_once_body
);

async fn empty_or_too_long_words_are_refused_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, members) = kept(&app).await;
    let mut member = app.signed_in_client(&members[0].1).await;
    let path = form_path(&world, commitment);
    let empty = member.post(&path, &[("words", "   ")]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Say why you think this was not kept"));
    assert!(empty.body.contains("govuk-error-summary"));
    let long = "x".repeat(2001);
    let too_long = member.post(&path, &[("words", &long)]).await;
    assert_eq!(too_long.status, 422);
    assert!(too_long.body.contains("2,000 characters or fewer"));
    assert!(too_long.body.contains(&long), "the typed words stay");
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 0);
    assert_eq!(app.scalar_i64(CONTESTED_SQL).await, 0);
}
both!(
    empty_or_too_long_words_are_refused,
    empty_or_too_long_words_are_refused_body
);

async fn only_members_may_say_it_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, _) = kept(&app).await;
    let path = form_path(&world, commitment);
    // Staff of the organisation are not on its panels.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    assert_eq!(staff.get(&path).await.status, 403);
    assert_eq!(staff.post(&path, &[("words", WORDS)]).await.status, 403);
    let page = staff
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(!page.body.contains("Say this was not kept"));
    // Signed out: to the sign-in page.
    let signed_out = app.client().post(&path, &[("words", WORDS)]).await;
    assert_eq!(signed_out.status, 303);
    assert!(
        signed_out
            .location
            .as_deref()
            .is_some_and(|l| l.starts_with("/sign-in"))
    );
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 0);
}
both!(only_members_may_say_it, only_members_may_say_it_body);

async fn only_a_commitment_marked_kept_can_be_contested_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let commitment = the_commitment(&app, &world).await;
    let members = people(&app, &world, 1, true).await;
    let mut member = app.signed_in_client(&members[0].1).await;
    let path = form_path(&world, commitment);
    let page = member
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(
        !page.body.contains("Say this was not kept"),
        "not yet marked"
    );
    for status in [CommitmentStatus::Open, CommitmentStatus::Broken] {
        if status != CommitmentStatus::Open {
            mark(&app, &world, world.engagement, commitment, status).await;
        }
        let refused = member.post(&path, &[("words", WORDS)]).await;
        assert_eq!(refused.status, 409, "{status:?}");
        assert!(refused.body.contains("This one is not marked kept"));
    }
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 0);
}
both!(
    only_a_commitment_marked_kept_can_be_contested,
    only_a_commitment_marked_kept_can_be_contested_body
);

async fn member_takes_it_back_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, members) = kept(&app).await;
    let mut member = app.signed_in_client(&members[0].1).await;
    let path = form_path(&world, commitment);
    member.post(&path, &[("words", WORDS)]).await;
    // Someone else cannot take it back for them.
    let mut other = app.signed_in_client(&members[1].1).await;
    other.post(&format!("{path}/withdraw"), &[]).await;
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 1);

    let taken = member.post(&format!("{path}/withdraw"), &[]).await;
    assert_eq!(taken.status, 303);
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 0);
    let page = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(!page.body.contains("this was not kept"));
    assert!(!page.body.contains(WORDS));
    // Again: nothing to take back, nothing recorded.
    member.post(&format!("{path}/withdraw"), &[]).await;
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'commitment.challenge_withdrawn'"
        )
        .await,
        1
    );
}
both!(member_takes_it_back, member_takes_it_back_body);

async fn erasing_the_person_removes_what_they_said_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, commitment, members) = kept(&app).await;
    let mut member = app.signed_in_client(&members[0].1).await;
    member
        .post(&form_path(&world, commitment), &[("words", WORDS)])
        .await;
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 1);
    crate::events::erase(&app, &world, members[0].0).await;
    assert_eq!(app.scalar_i64(COUNT_SQL).await, 0);
}
both!(
    erasing_the_person_removes_what_they_said,
    erasing_the_person_removes_what_they_said_body
);

async fn engagement(app: &TestApp, world: &World, ends_on: time::Date, published: bool) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let id = commands::create(
        &mut tx.ex(),
        editor(world),
        &crate::engagements::ending(ends_on),
        &[],
    )
    .await
    .unwrap();
    commands::set_published(&mut tx.ex(), editor(world), id, published)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn add(app: &TestApp, world: &World, engagement: Uuid) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let id = commands::add_commitment(
        &mut tx.ex(),
        editor(world),
        engagement,
        &Commitment {
            statement: Bilingual::new("We will do it", ""),
            owner: "Director".into(),
            due_on: date!(2021 - 01 - 01),
            target: Bilingual::default(),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn figures_count_every_published_commitment_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (world, contested, members) = kept(&app).await;
    let mut member = app.signed_in_client(&members[0].1).await;
    member
        .post(&form_path(&world, contested), &[("words", WORDS)])
        .await;
    // A finished engagement counts; a draft does not.
    let finished = engagement(&app, &world, date!(2026 - 06 - 30), true).await;
    let draft = engagement(&app, &world, date!(2099 - 12 - 31), false).await;
    let kept_too = add(&app, &world, finished).await;
    mark(&app, &world, finished, kept_too, CommitmentStatus::Kept).await;
    let partly = add(&app, &world, finished).await;
    mark(&app, &world, finished, partly, CommitmentStatus::PartlyKept).await;
    let broken = add(&app, &world, finished).await;
    mark(&app, &world, finished, broken, CommitmentStatus::Broken).await;
    add(&app, &world, finished).await;
    let hidden = add(&app, &world, draft).await;
    mark(&app, &world, draft, hidden, CommitmentStatus::Broken).await;

    let mut conn = app.db.acquire().await.unwrap();
    let figures = commitment_figures(&mut conn.ex(), world.org).await.unwrap();
    assert_eq!(
        figures,
        CommitmentFigures {
            kept: 2,
            partly_kept: 1,
            broken: 1,
            not_yet_marked: 1,
            contested: 1,
        }
    );
}
both!(
    figures_count_every_published_commitment,
    figures_count_every_published_commitment_body
);
