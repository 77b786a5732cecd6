//! Reading a page changes nothing. An organisation's monitoring questions are set up in the
//! transaction that creates it, not by the first page that shows them.

use std::collections::BTreeMap;

use withus::admin::{NewUser, create_user};
use withus::db::Db;
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;
use withus::routes::catalogue;

use crate::authorisation::{EXPECTED, cast, client_for, concrete};
use crate::both;
use crate::helpers::{Backend, DEMO_PASSWORD, TestApp, spawn_app, spawn_app_without_demo};

const COUNT_NEW_ORGANISATIONS_QUESTIONS: &str = "SELECT COUNT(*) FROM monitoring_questions q \
     JOIN organisations o ON o.id = q.organisation_id WHERE o.name = 'Riverside Access Group'";

async fn a_new_organisation_has_its_questions_from_the_start(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.client();
    admin
        .sign_in("siteadmin@withus.example", DEMO_PASSWORD)
        .await;
    let created = admin
        .post(
            "/organisations/new",
            &[("name", "Riverside Access Group"), ("kind", "dpo")],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert!(
        app.scalar_i64(COUNT_NEW_ORGANISATIONS_QUESTIONS).await > 0,
        "the default questions are there before any page shows them"
    );
}
both!(
    a_new_organisation_has_its_questions_from_the_start,
    a_new_organisation_has_its_questions_from_the_start
);

const COUNT_QUIET_ORGANISATIONS_QUESTIONS: &str = "SELECT COUNT(*) FROM monitoring_questions q \
     JOIN organisations o ON o.id = q.organisation_id WHERE o.name = 'Quiet Forum'";

async fn question_pages_read_without_writing(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    // An organisation stored without questions, as one created before they were set up on creation.
    let (org, person) = {
        let mut tx = app.db.begin().await.unwrap();
        let org = withus::organisations::fixtures::create(
            &mut tx.ex(),
            "Quiet Forum",
            OrganisationKind::Dpo,
        )
        .await
        .unwrap();
        let panel = register::create_panel(&mut tx.ex(), org, "Quiet Panel", "", false)
            .await
            .unwrap();
        let person = register::create_person(
            &mut tx.ex(),
            register::NewPerson {
                account_id: None,
                display_name: "Robin Quiet",
                email: None,
                phone: None,
                contact_method: ContactMethod::Post,
                language: "en",
                region: None,
                local_authority: None,
                entry_route: EntryRoute::Assisted,
            },
        )
        .await
        .unwrap();
        register::set_membership(&mut tx.ex(), panel, person, MembershipStatus::Active)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        (org, person)
    };
    create_user(
        &app.db,
        NewUser {
            email: "admin@quiet.example",
            name: "Admin",
            password: "quiet forum password 2026",
            site_admin: false,
            membership: Some(("Quiet Forum", "organisation_admin")),
        },
    )
    .await
    .unwrap();
    let mut admin = app.client();
    admin
        .sign_in("admin@quiet.example", "quiet forum password 2026")
        .await;
    let audit_before = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    for page in [
        "questions".to_owned(),
        "benchmarks".to_owned(),
        "diversity".to_owned(),
        format!("people/{person}"),
        format!("people/{person}/about-you"),
    ] {
        let shown = admin.get(&format!("/organisations/{org}/{page}")).await;
        assert_eq!(shown.status, 200, "{page}: {}", shown.body);
    }
    assert_eq!(
        app.scalar_i64(COUNT_QUIET_ORGANISATIONS_QUESTIONS).await,
        0,
        "showing the question pages wrote no questions"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audit_before,
        "showing pages recorded nothing"
    );
}
both!(
    question_pages_read_without_writing,
    question_pages_read_without_writing
);

/// GET routes that write on purpose, each with the reason.
const WRITING_READS: &[(&str, &str)] = &[
    // Remembers the language chosen, on the account of someone signed in.
    ("/language", "remembers a language choice"),
];

/// Downloads of personal data: each is recorded in the audit log (one entry), and writes nothing
/// else.
const AUDITED_DOWNLOADS: &[&str] = &[
    "/your-data/download.json",
    "/your-data/download.csv",
    "/organisations/{org_id}/people/{person_id}/download.json",
    "/organisations/{org_id}/people.csv",
    "/organisations/{org_id}/messages/letters.pdf",
    "/organisations/{org_id}/messages/{notice_id}/letter.pdf",
    "/organisations/{org_id}/engagements/{engagement_id}/contributions/{contribution_id}/files/{file_id}",
    "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/export.csv",
    "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/export.xlsx",
    "/organisations/{org_id}/payments/runs/{run_id}/bacs.txt",
    "/organisations/{org_id}/payments/runs/{run_id}/bank.csv",
    "/organisations/{org_id}/payments/runs/{run_id}/other.csv",
    "/organisations/{org_id}/payments/spend.csv",
    "/organisations/{org_id}/payments/spend.xlsx",
];

/// How many rows each table holds.
async fn row_counts(app: &TestApp) -> BTreeMap<String, i64> {
    let tables: Vec<String> = match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()",
        )
        .fetch_all(pool)
        .await
        .unwrap(),
    };
    let mut counts = BTreeMap::new();
    for table in tables {
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM \"{table}\""));
        let count: i64 = match &app.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        };
        counts.insert(table, count);
    }
    counts
}

/// Every page in the route table, read by someone allowed to read it, adds and removes no row in
/// any table (the audit log and the outbox included). Generated from the route table, so a new
/// page is covered without being listed.
async fn every_page_read_writes_nothing(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let cast = cast(&app).await;
    let mut problems = Vec::new();
    let mut pages = 0;
    for route in catalogue().iter().filter(|r| r.method == "GET") {
        if WRITING_READS.iter().any(|(path, _)| *path == route.path) {
            continue;
        }
        let Some((_, _, allowed)) = EXPECTED
            .iter()
            .find(|(m, p, _)| *m == route.method && *p == route.path)
        else {
            panic!("{} has no entry in the authorisation table", route.path);
        };
        let url = concrete(route.path, &cast);
        for who in allowed.iter() {
            let mut client = client_for(&app, &cast, *who).await;
            let before = row_counts(&app).await;
            let page = client.get(&url).await;
            pages += 1;
            let after = row_counts(&app).await;
            let mut expected = before.clone();
            if AUDITED_DOWNLOADS.contains(&route.path) {
                *expected.get_mut("audit_log").unwrap() += 1;
            }
            let changed: Vec<String> = after
                .iter()
                .filter(|(table, count)| expected.get(*table) != Some(*count))
                .map(|(table, count)| format!("{table} {} → {count}", before[table]))
                .collect();
            if !changed.is_empty() {
                problems.push(format!(
                    "GET {url} as {who:?} ({}): {}",
                    page.status,
                    changed.join(", ")
                ));
            }
        }
    }
    assert!(pages > 100, "the route table has the app's pages ({pages})");
    assert!(
        problems.is_empty(),
        "{} reads wrote:\n{}",
        problems.len(),
        problems.join("\n")
    );
    for path in WRITING_READS
        .iter()
        .map(|(path, _)| path)
        .chain(AUDITED_DOWNLOADS)
    {
        assert!(
            catalogue().iter().any(|r| r.path == *path),
            "{path} is no longer a route: remove it from WRITING_READS"
        );
    }
}
both!(
    every_page_read_writes_nothing,
    every_page_read_writes_nothing
);

const COUNT_OLD_ORGANISATIONS_QUESTIONS: &str = "SELECT COUNT(*) FROM monitoring_questions q \
     JOIN organisations o ON o.id = q.organisation_id WHERE o.name = 'Older Forum'";

/// An organisation stored before organisations got their questions on creation gets them when the
/// app next starts, once: starting again adds nothing.
async fn start_up_gives_older_organisations_their_questions_once(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let mut tx = app.db.begin().await.unwrap();
    withus::organisations::fixtures::create(&mut tx.ex(), "Older Forum", OrganisationKind::Dpo)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(app.scalar_i64(COUNT_OLD_ORGANISATIONS_QUESTIONS).await, 0);

    withus::app::Application::build((*app.state.config).clone())
        .await
        .expect("the app starts again on the same database");
    let given = app.scalar_i64(COUNT_OLD_ORGANISATIONS_QUESTIONS).await;
    assert!(given > 0, "start-up gave the organisation its questions");
    withus::app::Application::build((*app.state.config).clone())
        .await
        .expect("and once more");
    assert_eq!(
        app.scalar_i64(COUNT_OLD_ORGANISATIONS_QUESTIONS).await,
        given,
        "starting again adds no question twice"
    );
}
both!(
    start_up_gives_older_organisations_their_questions_once,
    start_up_gives_older_organisations_their_questions_once
);
