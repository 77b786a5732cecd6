//! The embedded database does not refuse ordinary use: people joining a panel at the same time, and
//! one after another with the email worker sending in between, all succeed; and answers too long to
//! carry between the join pages are refused with a message, never lost without a word.

use uuid::Uuid;
use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::consents::{self, Actor};
use withus::register::domain::{Channel, ConsentKind, ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};

async fn open_panel(app: &TestApp) -> (Uuid, Uuid) {
    let mut tx = app.db.begin().await.unwrap();
    let org =
        crate::helpers::create_organisation(&mut tx.ex(), "Steady Forum", OrganisationKind::Dpo)
            .await
            .unwrap();
    let partner = crate::helpers::create_organisation(
        &mut tx.ex(),
        "Steady Council",
        OrganisationKind::Council,
    )
    .await
    .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Steady Panel", "", true)
        .await
        .unwrap();
    register::add_partner(&mut tx.ex(), panel, partner)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    (panel, partner)
}

/// Every step of joining, with an email address (so a welcome email is queued for the worker).
/// Returns the status of each post that failed, or nothing.
async fn join(client: &mut Client, panel: Uuid, n: usize) -> Vec<String> {
    let base = format!("/panels/{panel}/join");
    let email = format!("joiner{n}@steady.example");
    let name = format!("Joiner {n}");
    let steps: Vec<(String, Vec<(&str, &str)>)> = vec![
        (base.clone(), vec![("name", name.as_str())]),
        (
            format!("{base}/contact"),
            vec![("contact_method", "email"), ("email", email.as_str())],
        ),
        (format!("{base}/consent"), vec![("agree", "yes")]),
        (format!("{base}/sensitive"), vec![("categories", "none")]),
        (format!("{base}/sharing"), vec![("partners", "none")]),
        (format!("{base}/check"), vec![]),
    ];
    let mut failures = Vec::new();
    for (path, fields) in steps {
        let page = client.post(&path, &fields).await;
        if page.status != 303 {
            failures.push(format!("{path}: {} {}", page.status, page.title()));
        }
    }
    failures
}

async fn people_on(app: &TestApp) -> i64 {
    app.scalar_i64("SELECT COUNT(*) FROM people WHERE email LIKE 'joiner%@steady.example'")
        .await
}

async fn fifty_at_once_and_fifty_in_a_row_all_join(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;

    let mut running = Vec::new();
    for n in 0..50 {
        let mut client = app.client();
        running.push(tokio::spawn(
            async move { join(&mut client, panel, n).await },
        ));
    }
    let mut failures = Vec::new();
    for task in running {
        failures.extend(task.await.unwrap());
    }
    // One after another, with no pause: each commit wakes the email worker, which then writes.
    for n in 50..100 {
        failures.extend(join(&mut app.client(), panel, n).await);
    }
    assert!(
        failures.is_empty(),
        "{} steps failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(people_on(&app).await, 100);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM outbox WHERE to_address LIKE 'joiner%@steady.example'"
        )
        .await,
        100,
        "each joiner was sent one email"
    );
}
both!(
    fifty_at_once_and_fifty_in_a_row_all_join,
    fifty_at_once_and_fifty_in_a_row_all_join
);

async fn a_long_advocate_name_is_refused_with_the_limit(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;
    let base = format!("/panels/{panel}/join");
    let mut client = app.client();
    client.post(&base, &[("name", "Long Answers")]).await;
    let long = "A".repeat(3000);
    let page = client
        .post(
            &format!("{base}/contact"),
            &[
                ("contact_method", "advocate"),
                ("advocate_name", long.as_str()),
                ("advocate_contact", "01632 960 001"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body.contains("name must be 200 characters or fewer"),
        "the message says the limit: {}",
        page.title()
    );
    // The longest answers the form accepts still fit in what the browser carries, and the person
    // can finish joining.
    let address = "1 Long Road, ".repeat(40);
    let address = &address[..500];
    let fields = [
        ("contact_method", "advocate"),
        ("email", &format!("{}@steady.example", "e".repeat(230))[..]),
        ("phone", "+44 1632 960 001"),
        ("address", address),
        ("advocate_name", &"B".repeat(200)[..]),
        ("advocate_contact", &"C".repeat(300)[..]),
    ];
    let page = client.post(&format!("{base}/contact"), &fields).await;
    assert_eq!(page.status, 303, "{}", page.title());
    let cookie = page
        .set_cookies
        .iter()
        .find(|c| c.contains("join"))
        .expect("the answers are carried");
    assert!(
        cookie.len() < 3_800,
        "the carried answers fit a browser's 4 KB cookie with room to spare: {} bytes",
        cookie.len()
    );
    client
        .post(&format!("{base}/consent"), &[("agree", "yes")])
        .await;
    client
        .post(&format!("{base}/sensitive"), &[("categories", "none")])
        .await;
    client
        .post(&format!("{base}/sharing"), &[("partners", "none")])
        .await;
    let done = client.post(&format!("{base}/check"), &[]).await;
    assert_eq!(done.status, 303, "{}", done.title());
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people WHERE display_name = 'Long Answers'")
            .await,
        1
    );

    // Long answers in a script that takes three bytes a letter are refused, not carried and lost.
    let mut client = app.client();
    client.post(&base, &[("name", "Wide Answers")]).await;
    let wide = "街".repeat(490);
    let page = client
        .post(
            &format!("{base}/contact"),
            &[
                ("contact_method", "advocate"),
                ("address", wide.as_str()),
                ("advocate_name", &"李".repeat(200)[..]),
                ("advocate_contact", &"路".repeat(300)[..]),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Your answers are too long for us to keep")
    );
}
both!(
    a_long_advocate_name_is_refused_with_the_limit,
    a_long_advocate_name_is_refused_with_the_limit
);

async fn lost_answers_are_explained(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;
    let base = format!("/panels/{panel}/join");
    // A browser that dropped the answers (or never had them) reaches "Check your answers".
    let mut client = app.client();
    let page = client.post(&format!("{base}/check"), &[]).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location.as_deref(), Some(base.as_str()));
    let start = client.get(&base).await;
    assert!(
        start
            .body
            .contains("We could not find your earlier answers, so please start again"),
        "the person is told what happened and where to start"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people").await,
        0,
        "nothing was stored"
    );
}
both!(lost_answers_are_explained, lost_answers_are_explained);

/// A signed-up member of `panel` with an account, who has agreed to their access needs being kept.
/// Returns their account and person ids and the consent's id.
async fn member_with_access_consent(
    app: &TestApp,
    panel: Uuid,
    email: &'static str,
) -> (Uuid, Uuid, Uuid) {
    create_user(
        &app.db,
        NewUser {
            email,
            name: "Nia",
            password: "steady password 2026",
            site_admin: false,
            membership: None,
        },
    )
    .await
    .unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let account = withus::accounts::fixtures::find_by_email(&mut tx.ex(), email)
        .await
        .unwrap()
        .unwrap();
    let person = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: Some(account.id),
            display_name: "Nia Steady",
            email: Some(email),
            phone: None,
            contact_method: ContactMethod::Email,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::SelfJoined,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), panel, person, MembershipStatus::Active)
        .await
        .unwrap();
    let consent = register::give_consent(
        &mut tx.ex(),
        register::NewConsent {
            person,
            kind: ConsentKind::SpecialCategory,
            panel: None,
            partner: None,
            scope: "access_needs",
            channel: Channel::Online,
            recorded_by: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    (account.id, person, consent)
}

/// Consent and the data it guards are decided in one transaction: a withdrawal that commits while
/// someone is saving their access needs wins, and nothing is stored without consent.
async fn a_consent_withdrawn_while_needs_are_saved_wins(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;
    let email = "nia@steady.example";
    let (account_id, person, consent) = member_with_access_consent(&app, panel, email).await;
    let mut client = app.signed_in_client(email).await;
    assert_eq!(client.get("/your-data/access-needs").await.status, 200);
    // The withdrawal is under way, its transaction open, when the person saves their needs.
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut withdrawal = app.db.begin().await.unwrap();
    let actor = Actor {
        account: Some(account_id),
        organisation: None,
        channel: Channel::Online,
    };
    consents::withdraw(&mut withdrawal.ex(), &keys, actor, person, consent)
        .await
        .unwrap();
    let saving = tokio::spawn(async move {
        client
            .post(
                "/your-data/access-needs",
                &[("needs-communication", "bsl_interpreter")],
            )
            .await
    });
    // Long enough for the save to have read the consents and reached its own transaction.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    withdrawal.commit().await.unwrap();
    let saved = saving.await.unwrap();
    assert_eq!(
        saved.status, 422,
        "the save is refused: consent is no longer held"
    );
    assert!(saved.body.contains("error-summary"));
    let stored = app
        .scalar_i64("SELECT COUNT(*) FROM people WHERE access_needs IS NOT NULL")
        .await;
    assert_eq!(stored, 0, "no access needs are stored without consent");
}
both!(
    a_consent_withdrawn_while_needs_are_saved_wins,
    a_consent_withdrawn_while_needs_are_saved_wins
);

async fn a_data_category_not_offered_is_refused_by_name(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;
    let base = format!("/panels/{panel}/join");
    let mut client = app.client();
    client.post(&base, &[("name", "Category Tester")]).await;
    client
        .post(
            &format!("{base}/contact"),
            &[("contact_method", "phone"), ("phone", "01632 960 002")],
        )
        .await;
    client
        .post(&format!("{base}/consent"), &[("agree", "yes")])
        .await;
    let page = client
        .post(
            &format!("{base}/sensitive"),
            &[("categories", "health"), ("categories", "star_sign")],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("We did not recognise"));
    assert!(page.body.contains("star_sign"));
}
both!(
    a_data_category_not_offered_is_refused_by_name,
    a_data_category_not_offered_is_refused_by_name
);

/// Pausing twice at once (a double click) is one change, recorded once.
async fn pausing_twice_at_once_is_recorded_once(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let (panel, _) = open_panel(&app).await;
    let email = "pat@steady.example";
    member_with_access_consent(&app, panel, email).await;
    let mut running = Vec::new();
    for _ in 0..5 {
        let mut client = app.signed_in_client(email).await;
        client.get("/your-data").await;
        running.push(tokio::spawn(async move {
            client
                .post(
                    &format!("/your-data/panels/{panel}/status"),
                    &[("status", "paused")],
                )
                .await
                .status
                .as_u16()
        }));
    }
    for task in running {
        let status = task.await.unwrap();
        assert!(status < 500, "no server error: {status}");
    }
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'person.panel_status_changed'"
        )
        .await,
        1,
        "one pause, one entry"
    );
}
both!(
    pausing_twice_at_once_is_recorded_once,
    pausing_twice_at_once_is_recorded_once
);
