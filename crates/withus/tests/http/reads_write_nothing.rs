//! Reading a page changes nothing. An organisation's monitoring questions are set up in the
//! transaction that creates it, not by the first page that shows them.

use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;

use crate::both;
use crate::helpers::{Backend, DEMO_PASSWORD, spawn_app, spawn_app_without_demo};

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
