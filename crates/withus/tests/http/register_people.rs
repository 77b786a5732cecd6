//! The panel register end to end: joining online, being added by phone, consents and what their
//! withdrawal does, who sees what, encryption at rest, and the person's own rights.

use uuid::Uuid;
use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::fixtures as register;

use crate::both;
use crate::encryption_at_rest::everything_stored;
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};

const PASSWORD: &str = "register password 2026";
const HOST: &str = "Riverside Disabled People's Forum";
const PARTNER: &str = "Riverside Council";

struct World {
    org: Uuid,
    partner: Uuid,
    panel: Uuid,
}

async fn world(app: &TestApp) -> World {
    let mut tx = app.db.begin().await.unwrap();
    let org = crate::helpers::create_organisation(&mut tx.ex(), HOST, OrganisationKind::Dpo)
        .await
        .unwrap();
    let partner =
        crate::helpers::create_organisation(&mut tx.ex(), PARTNER, OrganisationKind::Council)
            .await
            .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Riverside Panel", "", true)
        .await
        .unwrap();
    register::add_partner(&mut tx.ex(), panel, partner)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (email, org_name, role) in [
        ("facilitator@riverside.example", HOST, "facilitator"),
        ("officer@riverside.example", HOST, "officer"),
        ("auditor@riverside.example", HOST, "auditor"),
        ("officer@council.example", PARTNER, "officer"),
    ] {
        create_user(
            &app.db,
            NewUser {
                email,
                name: "Staff Person",
                password: PASSWORD,
                site_admin: false,
                membership: Some((org_name, role)),
            },
        )
        .await
        .unwrap();
    }
    World {
        org,
        partner,
        panel,
    }
}

/// Joins the panel through every question page, as a visitor who is not signed in.
async fn join(
    client: &mut Client,
    w: &World,
    name: &str,
    contact: &[(&str, &str)],
    share: bool,
) -> String {
    let base = format!("/panels/{}/join", w.panel);
    assert_eq!(client.get(&base).await.status, 200);
    let page = client.post(&base, &[("name", name)]).await;
    assert_eq!(
        page.location.as_deref(),
        Some(format!("{base}/contact").as_str())
    );
    let page = client.post(&format!("{base}/contact"), contact).await;
    assert_eq!(page.status, 303, "contact step: {}", page.body);
    // The consent page refuses to go on without agreement, and says why.
    let refused = client.post(&format!("{base}/consent"), &[]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Tick the box to agree to be on the panel")
    );
    client
        .post(&format!("{base}/consent"), &[("agree", "yes")])
        .await;
    let page = client
        .post(
            &format!("{base}/sensitive"),
            &[("categories", "access_needs"), ("categories", "health")],
        )
        .await;
    assert_eq!(
        page.location.as_deref(),
        Some(format!("{base}/sharing").as_str())
    );
    let partner = w.partner.to_string();
    let sharing: Vec<(&str, &str)> = if share {
        vec![("partners", partner.as_str())]
    } else {
        vec![("partners", "none")]
    };
    client.post(&format!("{base}/sharing"), &sharing).await;
    let check = client.get(&format!("{base}/check")).await;
    assert_eq!(check.status, 200);
    assert!(
        check.body.contains(name),
        "check your answers shows the name"
    );
    let done = client.post(&format!("{base}/check"), &[]).await;
    assert_eq!(done.status, 303);
    done.location.unwrap()
}

async fn person_id_by_name(app: &TestApp, name: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    let mut ex = conn.ex();
    withus::on!(ex.re(), c => sqlx::query_scalar::<_, Uuid>("SELECT id FROM people WHERE display_name = $1")
        .bind(name)
        .fetch_one(c)
        .await)
    .unwrap()
}

async fn count(app: &TestApp, sql: &str, id: Uuid) -> i64 {
    let mut conn = app.db.acquire().await.unwrap();
    let mut ex = conn.ex();
    let sql = sql.to_owned();
    withus::on!(ex.re(), c => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_one(c)
        .await)
    .unwrap()
}

async fn someone_without_email_joins_by_phone_and_consent_is_recorded(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let mut visitor = app.client();
    let done = join(
        &mut visitor,
        &w,
        "Phone Only Person",
        &[("contact_method", "phone"), ("phone", "07700 900 123")],
        false,
    )
    .await;
    assert!(done.ends_with("emailed=0"), "{done}");
    let person = person_id_by_name(&app, "Phone Only Person").await;
    let mut conn = app.db.acquire().await.unwrap();
    let row = register::find_person(&mut conn.ex(), person)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.phone.as_deref(), Some("07700900123"));
    assert_eq!(row.email, None);
    assert_eq!(row.account_id, None, "no email, so no account");
    assert_eq!(row.entry_route, "self_joined");
    let consents = register::consents_of(&mut conn.ex(), person).await.unwrap();
    let kinds: Vec<(&str, &str, &str)> = consents
        .iter()
        .map(|c| (c.kind.as_str(), c.scope.as_str(), c.channel.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("panel", "", "online"),
            ("special_category", "access_needs,health", "online")
        ]
    );
    assert!(
        consents
            .iter()
            .all(|c| c.wording_version.ends_with("2026-11"))
    );
    let memberships = register::memberships_of(&mut conn.ex(), person)
        .await
        .unwrap();
    assert_eq!(memberships.len(), 1);
    assert_eq!(memberships[0].status, "active");
}
both!(
    someone_without_email_joins_by_phone_and_consent_is_recorded,
    someone_without_email_joins_by_phone_and_consent_is_recorded
);

async fn joining_with_email_sends_a_link_to_choose_a_password(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let mut visitor = app.client();
    let done = join(
        &mut visitor,
        &w,
        "Email Person",
        &[
            ("contact_method", "email"),
            ("email", "Email.Person@Example.org"),
        ],
        true,
    )
    .await;
    assert!(done.ends_with("emailed=1"));
    let (to, body) = app.last_email().await;
    assert_eq!(to, "email.person@example.org");
    let link = crate::helpers::link_in(&body, &app.base)
        .strip_prefix(app.base.as_str())
        .unwrap()
        .to_owned();
    assert!(link.starts_with("/password-reset/"), "{link}");
    // Choosing a password through the link gives a working account that sees its own data.
    let mut person = app.client();
    assert_eq!(person.get(&link).await.status, 200);
    let chosen = person
        .post(
            &link,
            &[("password", PASSWORD), ("confirm_password", PASSWORD)],
        )
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    let mut signed_in = app.signed_in_client("email.person@example.org").await;
    let mine = signed_in.get("/your-data").await;
    assert_eq!(mine.status, 200);
    assert!(mine.body.contains("Riverside Panel"));
    assert!(mine.body.contains(PARTNER), "the share consent is listed");
}
both!(
    joining_with_email_sends_a_link_to_choose_a_password,
    joining_with_email_sends_a_link_to_choose_a_password
);

async fn a_facilitator_adds_someone_by_phone(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let path = format!("/organisations/{}/people/new", w.org);
    let panel = w.panel.to_string();
    // Without the person's agreement, or with a bad phone number, nothing is added.
    let refused = facilitator
        .post(
            &path,
            &[
                ("panel", panel.as_str()),
                ("name", "Post Person"),
                ("contact_method", "phone"),
                ("phone", "not a number"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter a phone number with 10 to 15 digits")
    );
    assert!(
        refused
            .body
            .contains("Tick the box to confirm the person agreed")
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM people WHERE id <> $1",
            Uuid::nil()
        )
        .await,
        0
    );

    let added = facilitator
        .post(
            &path,
            &[
                ("panel", panel.as_str()),
                ("name", "Post Person"),
                ("contact_method", "post"),
                ("address", "1 Mill Lane\nRiverside"),
                ("language", "cy"),
                ("consent", "yes"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let person = person_id_by_name(&app, "Post Person").await;
    let mut conn = app.db.acquire().await.unwrap();
    let row = register::find_person(&mut conn.ex(), person)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.entry_route, "assisted");
    assert_eq!(row.language, "cy");
    assert!(row.postal_address.is_some());
    let consents = register::consents_of(&mut conn.ex(), person).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].channel, "phone");
    assert!(consents[0].panel_id == Some(w.panel));
    drop(conn);
    let details: String = {
        let mut conn = app.db.acquire().await.unwrap();
        let mut ex = conn.ex();
        withus::on!(ex.re(), c => sqlx::query_scalar("SELECT details FROM audit_log WHERE action = 'person.added' AND target_id = $1")
            .bind(person.to_string())
            .fetch_one(c)
            .await)
        .unwrap()
    };
    assert!(
        details.contains("\"consent_channel\":\"phone\""),
        "{details}"
    );
    assert!(details.contains("assisted"), "{details}");
    assert!(
        !details.contains("Post Person"),
        "no names in the audit log"
    );
    let page = facilitator.get(&added.location.unwrap()).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("1 Mill Lane"),
        "the facilitator sees the address"
    );
    assert!(page.body.contains("Added by staff on their behalf"));
}
both!(
    a_facilitator_adds_someone_by_phone,
    a_facilitator_adds_someone_by_phone
);

/// Adds a person by phone and returns their id.
async fn add_by_phone(app: &TestApp, w: &World, name: &str) -> Uuid {
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let panel = w.panel.to_string();
    let added = facilitator
        .post(
            &format!("/organisations/{}/people/new", w.org),
            &[
                ("panel", panel.as_str()),
                ("name", name),
                ("contact_method", "phone"),
                ("phone", "01632 960 001"),
                ("consent", "yes"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    person_id_by_name(app, name).await
}

const CANARY_NEED: &str = "CANARY-needs-two-interpreters-9b1";

/// Gives a person access needs and a monitoring answer through the staff forms.
async fn fill_sensitive(app: &TestApp, w: &World, person: Uuid) {
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let base = format!("/organisations/{}/people/{person}", w.org);
    // Needs without the person's agreement to keep them are refused.
    let refused = facilitator
        .post(
            &format!("{base}/access-needs"),
            &[("needs-communication", "bsl_interpreter")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let saved = facilitator
        .post(
            &format!("{base}/access-needs"),
            &[
                ("consent", "yes"),
                ("channel", "phone"),
                ("needs-communication", "bsl_interpreter"),
                ("needs-communication", "easy_read"),
                ("detail-communication", CANARY_NEED),
                ("conversation", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let saved = facilitator
        .post(
            &format!("{base}/about-you"),
            &[
                ("channel", "phone"),
                ("consent-ethnicity", "yes"),
                ("q-ethnic_group", "black_caribbean"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
}

async fn partners_see_only_what_a_person_shared_with_them(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let person = add_by_phone(&app, &w, "Private Person").await;
    fill_sensitive(&app, &w, person).await;
    let host_path = format!("/organisations/{}/people/{person}", w.org);
    let partner_path = format!("/organisations/{}/people/{person}", w.partner);

    // The host facilitator sees everything; the host officer sees the person but no special data.
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let seen = facilitator.get(&host_path).await;
    assert!(seen.body.contains(CANARY_NEED));
    assert!(seen.body.contains("Caribbean"));
    let mut host_officer = app.signed_in_client("officer@riverside.example").await;
    let seen = host_officer.get(&host_path).await;
    assert_eq!(seen.status, 200);
    assert!(seen.body.contains("Private Person"));
    assert!(!seen.body.contains(CANARY_NEED));
    assert!(!seen.body.contains("Caribbean"));
    assert!(!seen.body.contains("British Sign Language"));
    // The auditor of the host sees no individual at all.
    let mut auditor = app.signed_in_client("auditor@riverside.example").await;
    assert_eq!(auditor.get(&host_path).await.status, 403);

    // A partner's officer sees nothing until the person shares with that partner by name.
    let mut council = app.signed_in_client("officer@council.example").await;
    assert_eq!(council.get(&partner_path).await.status, 404);
    for tail in ["/access-needs", "/about-you", "/details", "/preferences"] {
        let page = council.get(&format!("{partner_path}{tail}")).await;
        assert!(
            page.status == 403 || page.status == 404,
            "{tail}: {}",
            page.status
        );
        assert!(!page.body.contains(CANARY_NEED));
    }

    // Shared contact details only, agreed by phone and recorded by the facilitator: the partner
    // sees the name and phone, still no special data.
    let partner = w.partner.to_string();
    let refused = facilitator
        .post(
            &format!("{host_path}/sharing"),
            &[("partner", partner.as_str()), ("scopes", "contact")],
        )
        .await;
    assert_eq!(refused.status, 422, "staff must say how the person agreed");
    // A scope that is not on the form is refused by name, not dropped.
    let unknown = facilitator
        .post(
            &format!("{host_path}/sharing"),
            &[
                ("partner", partner.as_str()),
                ("scopes", "contact"),
                ("scopes", "everything"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(unknown.status, 422);
    assert!(unknown.body.contains("We did not recognise"));
    let shared = facilitator
        .post(
            &format!("{host_path}/sharing"),
            &[
                ("partner", partner.as_str()),
                ("scopes", "contact"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(shared.status, 303, "{}", shared.body);
    let consent = {
        let mut conn = app.db.acquire().await.unwrap();
        register::consents_of(&mut conn.ex(), person)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.kind == "share")
            .unwrap()
    };
    assert_eq!(consent.channel, "phone");
    assert_eq!(consent.partner_organisation_id, Some(w.partner));
    let consent = consent.id;
    let seen = council.get(&partner_path).await;
    assert_eq!(seen.status, 200);
    assert!(seen.body.contains("01632960001"));
    assert!(!seen.body.contains(CANARY_NEED));
    assert!(!seen.body.contains("Caribbean"));
    assert!(!seen.body.contains("British Sign Language"));
    // Partners cannot edit on the person's behalf.
    assert_eq!(
        council.get(&format!("{partner_path}/details")).await.status,
        403
    );

    // With access needs shared too, the partner sees the needs but still not the monitoring answers.
    let mut tx = app.db.begin().await.unwrap();
    register::give_consent(
        &mut tx.ex(),
        register::NewConsent {
            person,
            kind: withus::register::domain::ConsentKind::Share,
            panel: None,
            partner: Some(w.partner),
            scope: "access_needs",
            channel: withus::register::domain::Channel::Phone,
            recorded_by: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let seen = council.get(&partner_path).await;
    assert!(seen.body.contains("British Sign Language"));
    assert!(!seen.body.contains("Caribbean"));

    // Withdrawing every share consent hides the person from the partner at once.
    let mut tx = app.db.begin().await.unwrap();
    for c in register::consents_of(&mut tx.ex(), person).await.unwrap() {
        if c.kind == "share" {
            register::withdraw_consent(
                &mut tx.ex(),
                person,
                c.id,
                withus::register::domain::Channel::Phone,
            )
            .await
            .unwrap();
        }
    }
    tx.commit().await.unwrap();
    assert_eq!(council.get(&partner_path).await.status, 404);
    // The first share consent's record is kept, marked withdrawn, as evidence.
    let mut conn = app.db.acquire().await.unwrap();
    let kept = register::consents_of(&mut conn.ex(), person).await.unwrap();
    assert!(
        kept.iter()
            .any(|c| c.id == consent && c.withdrawn_at.is_some())
    );
}
both!(
    partners_see_only_what_a_person_shared_with_them,
    partners_see_only_what_a_person_shared_with_them
);

async fn access_needs_and_monitoring_answers_are_never_stored_in_plaintext(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let person = add_by_phone(&app, &w, "Sealed Person").await;
    // Answer codes also appear in the organisation's question list, so count them before answering.
    let mut tx = app.db.begin().await.unwrap();
    withus::register::questions::ensure_defaults(&mut tx.ex(), w.org)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let before = everything_stored(&app)
        .await
        .matches("black_caribbean")
        .count();
    fill_sensitive(&app, &w, person).await;
    let stored = everything_stored(&app).await;
    assert!(
        stored.contains("Sealed Person"),
        "the scan reads the people table"
    );
    assert!(!stored.contains(CANARY_NEED));
    assert!(!stored.contains("bsl_interpreter"));
    assert!(
        stored.matches("black_caribbean").count() <= before,
        "the answer adds no plaintext copy of itself"
    );
    // A tokens row exists for the answer, but it is a keyed hash, not the answer.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM monitoring_tokens WHERE person_id = $1",
            person
        )
        .await,
        1
    );
    // The conversation request became a follow-up task for the facilitators.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM follow_ups WHERE person_id = $1 AND done_at IS NULL",
            person
        )
        .await,
        1
    );
}
both!(
    access_needs_and_monitoring_answers_are_never_stored_in_plaintext,
    access_needs_and_monitoring_answers_are_never_stored_in_plaintext
);

async fn withdrawing_consent_erases_the_data_that_depended_on_it(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let person = add_by_phone(&app, &w, "Changing Mind").await;
    fill_sensitive(&app, &w, person).await;
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let base = format!("/organisations/{}/people/{person}", w.org);
    let consents = {
        let mut conn = app.db.acquire().await.unwrap();
        register::consents_of(&mut conn.ex(), person).await.unwrap()
    };
    let ethnicity = consents.iter().find(|c| c.scope == "ethnicity").unwrap().id;
    let withdrawn = facilitator
        .post(
            &format!("{base}/consents/{ethnicity}/withdraw"),
            &[("channel", "phone")],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM monitoring_tokens WHERE person_id = $1",
            person
        )
        .await,
        0,
        "the answer's token went with the consent"
    );
    let seen = facilitator.get(&base).await;
    assert!(
        !seen.body.contains("Caribbean"),
        "the answer itself is gone"
    );
    assert!(
        seen.body.contains(CANARY_NEED),
        "access needs had their own consent"
    );
    // Withdrawing twice changes nothing and does not fail.
    let again = facilitator
        .post(
            &format!("{base}/consents/{ethnicity}/withdraw"),
            &[("channel", "phone")],
        )
        .await;
    assert_eq!(again.status, 303);
    let access = consents
        .iter()
        .find(|c| c.scope == "access_needs")
        .unwrap()
        .id;
    facilitator
        .post(
            &format!("{base}/consents/{access}/withdraw"),
            &[("channel", "paper")],
        )
        .await;
    let mut conn = app.db.acquire().await.unwrap();
    let row = register::find_person(&mut conn.ex(), person)
        .await
        .unwrap()
        .unwrap();
    assert!(
        row.access_needs.is_none(),
        "access needs erased with their consent"
    );
    assert!(row.monitoring.is_none());
    let after = register::consents_of(&mut conn.ex(), person).await.unwrap();
    let withdrawn_by_paper = after.iter().find(|c| c.id == access).unwrap();
    assert_eq!(
        withdrawn_by_paper.withdrawn_channel.map(|c| c.as_str()),
        Some("paper")
    );
}
both!(
    withdrawing_consent_erases_the_data_that_depended_on_it,
    withdrawing_consent_erases_the_data_that_depended_on_it
);

async fn a_person_sees_downloads_and_asks_to_erase_their_data(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let mut visitor = app.client();
    join(
        &mut visitor,
        &w,
        "Rights Person",
        &[("contact_method", "email"), ("email", "rights@example.org")],
        false,
    )
    .await;
    let mut me = app.signed_in_client("rights@example.org").await;
    // Telling us about yourself needs the section's consent first.
    let refused = me
        .post(
            "/your-data/about-you",
            &[("q-sexual_orientation", "bisexual")],
        )
        .await;
    assert_eq!(refused.status, 422);
    let saved = me
        .post(
            "/your-data/about-you",
            &[
                ("consent-sexual_orientation", "yes"),
                ("q-sexual_orientation", "bisexual"),
                ("q-long_term_condition", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let json = me.get("/your-data/download.json").await;
    assert_eq!(json.status, 200);
    let record: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(record["name"], "Rights Person");
    let answers = record["monitoring"].to_string();
    assert!(answers.contains("Bisexual"));
    assert!(answers.contains("Yes"), "health was consented at joining");
    let csv = me.get("/your-data/download.csv").await;
    assert!(csv.body.starts_with("\u{feff}Section,Item,Value"));
    assert!(csv.body.contains("rights@example.org"));

    // Asking for erasure is tracked against the deadline; staff carry it out.
    assert_eq!(me.post("/your-data/erasure", &[]).await.status, 422);
    assert_eq!(
        me.post("/your-data/erasure", &[("confirm", "yes")])
            .await
            .status,
        303
    );
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let list = facilitator
        .get(&format!("/organisations/{}/requests", w.org))
        .await;
    assert!(list.body.contains("Rights Person"));
    assert!(list.body.contains("Delete their data"));
    let person = person_id_by_name(&app, "Rights Person").await;
    let request: Uuid = {
        let mut conn = app.db.acquire().await.unwrap();
        let mut ex = conn.ex();
        withus::on!(ex.re(), c => sqlx::query_scalar::<_, Uuid>("SELECT id FROM data_requests WHERE person_id = $1")
            .bind(person)
            .fetch_one(c)
            .await)
        .unwrap()
    };
    let done = facilitator
        .post(
            &format!("/organisations/{}/requests/{request}/complete", w.org),
            &[],
        )
        .await;
    assert_eq!(done.status, 303);
    let mut conn = app.db.acquire().await.unwrap();
    let row = register::find_person(&mut conn.ex(), person)
        .await
        .unwrap()
        .unwrap();
    assert!(row.erased_at.is_some());
    assert_eq!(row.display_name, "");
    assert_eq!(row.email, None);
    assert!(row.monitoring.is_none());
    assert!(
        register::consents_of(&mut conn.ex(), person)
            .await
            .unwrap()
            .is_empty()
    );
    drop(conn);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM monitoring_tokens WHERE person_id = $1",
            person
        )
        .await,
        0
    );
    let stored = everything_stored(&app).await;
    assert!(!stored.contains("Rights Person"));
    // The erased person is gone from staff pages.
    let gone = facilitator
        .get(&format!("/organisations/{}/people/{person}", w.org))
        .await;
    assert_eq!(gone.status, 404);
}
both!(
    a_person_sees_downloads_and_asks_to_erase_their_data,
    a_person_sees_downloads_and_asks_to_erase_their_data
);

async fn staff_record_a_request_received_by_post_with_its_deadline(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let person = add_by_phone(&app, &w, "Letter Writer").await;
    let mut facilitator = app.signed_in_client("facilitator@riverside.example").await;
    let path = format!("/organisations/{}/people/{person}/requests/new", w.org);
    let bad = facilitator
        .post(
            &path,
            &[
                ("kind", "access"),
                ("channel", "paper"),
                ("received-day", "31"),
                ("received-month", "2"),
                ("received-year", "2026"),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Enter the date the request arrived"));
    let ok = facilitator
        .post(
            &path,
            &[
                ("kind", "access"),
                ("channel", "paper"),
                ("received-day", "2"),
                ("received-month", "1"),
                ("received-year", "2026"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let list = facilitator
        .get(&format!("/organisations/{}/requests", w.org))
        .await;
    assert!(list.body.contains("Letter Writer"));
    assert!(
        list.body.contains("2 February 2026"),
        "due one month after receipt"
    );
    assert!(list.body.contains("Overdue"));
}
both!(
    staff_record_a_request_received_by_post_with_its_deadline,
    staff_record_a_request_received_by_post_with_its_deadline
);

async fn key_rotation_reseals_the_register_and_rebuilds_tokens(backend: Backend) {
    use withus::register::profile;
    use withus::security::field_crypto::KeyRing;
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let person = add_by_phone(&app, &w, "Rotating Person").await;
    fill_sensitive(&app, &w, person).await;
    let second_key = KeyRing::generate_entry(2);
    let both_keys = KeyRing::parse(&format!("{}\n{second_key}", app.key_spec), None).unwrap();
    let rotated = withus::admin::rotate_keys(&app.db, &both_keys)
        .await
        .unwrap();
    assert!(
        rotated >= 2,
        "access needs and monitoring re-sealed: {rotated}"
    );
    // With the old key gone, the values open with the new key alone, and a rotation run under the
    // new ring rebuilds the blind-index tokens to match it.
    let only_new = KeyRing::parse(&second_key, None).unwrap();
    withus::admin::rotate_keys(&app.db, &only_new)
        .await
        .unwrap();
    let mut conn = app.db.acquire().await.unwrap();
    let row = register::find_person(&mut conn.ex(), person)
        .await
        .unwrap()
        .unwrap();
    let opened = profile::open(&only_new, &row).unwrap();
    assert!(
        opened
            .access_needs
            .unwrap()
            .group_details
            .values()
            .any(|d| d == CANARY_NEED)
    );
    assert_eq!(
        opened.monitoring.answers["ethnic_group"],
        vec!["black_caribbean".to_owned()]
    );
    drop(conn);
    let token = profile::monitoring_token(&only_new, "ethnic_group", "black_caribbean");
    let mut conn = app.db.acquire().await.unwrap();
    let mut ex = conn.ex();
    let found: i64 = withus::on!(ex.re(), c => sqlx::query_scalar("SELECT COUNT(*) FROM monitoring_tokens WHERE person_id = $1 AND token = $2")
        .bind(person)
        .bind(token.as_slice())
        .fetch_one(c)
        .await)
    .unwrap();
    assert_eq!(found, 1);
}
both!(
    key_rotation_reseals_the_register_and_rebuilds_tokens,
    key_rotation_reseals_the_register_and_rebuilds_tokens
);

/// The person's status on the named panel, or "none".
async fn status_on(app: &TestApp, person: Uuid, panel: &str) -> String {
    let mut conn = app.db.acquire().await.unwrap();
    register::memberships_of(&mut conn.ex(), person)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.panel_name == panel)
        .map_or_else(|| "none".to_owned(), |m| m.status.as_str().to_owned())
}

/// Staff set a person's status on a panel, as the person page's forms do.
async fn staff_sets(
    staff: &mut Client,
    base: &str,
    panel: Uuid,
    status: &str,
) -> crate::helpers::Page {
    let panel = panel.to_string();
    staff
        .post(
            &format!("{base}/status"),
            &[("panel", panel.as_str()), ("status", status)],
        )
        .await
}

async fn a_person_is_invited_to_another_panel_and_joins_only_by_saying_yes(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let w = world(&app).await;
    let staff_panel = {
        let mut tx = app.db.begin().await.unwrap();
        let panel = register::create_panel(&mut tx.ex(), w.org, "Staff Network", "", false)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        panel
    };
    let mut visitor = app.client();
    join(
        &mut visitor,
        &w,
        "Invited Person",
        &[
            ("contact_method", "email"),
            ("email", "invited@example.org"),
        ],
        false,
    )
    .await;
    let person = person_id_by_name(&app, "Invited Person").await;
    let panel_consents = "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND kind = 'panel' AND withdrawn_at IS NULL";
    assert_eq!(count(&app, panel_consents, person).await, 1);

    // Staff cannot sign someone up to a panel unasked: only invite them.
    let mut staff = app.signed_in_client("facilitator@riverside.example").await;
    let base = format!("/organisations/{}/people/{person}", w.org);
    let record = staff.get(&base).await;
    assert!(record.body.contains("Invite them to another panel"));
    let staff_panel_id = staff_panel.to_string();
    let unasked = staff_sets(&mut staff, &base, staff_panel, "active").await;
    assert_eq!(unasked.status, 303);
    let record = staff.get(&base).await;
    assert!(
        record
            .body
            .contains("that status cannot follow their current one")
    );
    assert_eq!(status_on(&app, person, "Staff Network").await, "none");
    let invited = staff_sets(&mut staff, &base, staff_panel, "invited").await;
    assert_eq!(invited.status, 303);
    assert_eq!(status_on(&app, person, "Staff Network").await, "invited");
    assert_eq!(
        count(&app, panel_consents, person).await,
        1,
        "an invitation is not consent"
    );

    // The person sees the invitation and says yes: that records their consent, online.
    let mut me = app.signed_in_client("invited@example.org").await;
    let mine = me.get("/your-data").await;
    assert!(
        mine.body
            .contains("You have been invited to join this panel")
    );
    let status_path = format!("/your-data/panels/{staff_panel}/status");
    let paused = me.post(&status_path, &[("status", "paused")]).await;
    assert_eq!(paused.status, 404, "an invitation is answered, not paused");
    let joined = me.post(&status_path, &[("status", "active")]).await;
    assert_eq!(joined.status, 303);
    assert_eq!(status_on(&app, person, "Staff Network").await, "active");
    assert_eq!(count(&app, panel_consents, person).await, 2);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND kind = 'panel' AND channel = 'online'",
            person
        )
        .await,
        2
    );
    let again = me.post(&status_path, &[("status", "active")]).await;
    assert_eq!(again.status, 404, "a second yes changes nothing");
    let made_up = format!("/your-data/panels/{}/status", Uuid::now_v7());
    assert_eq!(me.post(&made_up, &[("status", "left")]).await.status, 404);

    // Leaving withdraws that panel's consent; staff can invite them back, and they can say no.
    let left = me.post(&status_path, &[("status", "left")]).await;
    assert_eq!(left.status, 303);
    assert_eq!(count(&app, panel_consents, person).await, 1);
    staff_sets(&mut staff, &base, staff_panel, "invited").await;
    let declined = me.post(&status_path, &[("status", "left")]).await;
    assert_eq!(declined.status, 303);
    assert_eq!(status_on(&app, person, "Staff Network").await, "left");
    assert_eq!(count(&app, panel_consents, person).await, 1);

    // Staff who were told yes by phone record it, with how they were told.
    staff_sets(&mut staff, &base, staff_panel, "invited").await;
    let by_phone = staff
        .post(
            &format!("{base}/status"),
            &[
                ("panel", &staff_panel_id),
                ("status", "active"),
                ("channel", "phone"),
            ],
        )
        .await;
    assert_eq!(by_phone.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM consents WHERE person_id = $1 AND kind = 'panel' AND channel = 'phone' AND withdrawn_at IS NULL",
            person
        )
        .await,
        1
    );
    // Staff recording that they left withdraws that consent too.
    staff_sets(&mut staff, &base, staff_panel, "left").await;
    assert_eq!(status_on(&app, person, "Staff Network").await, "left");
    assert_eq!(count(&app, panel_consents, person).await, 1);
    let changes = format!(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'person.panel_status_changed' AND target_id = '{person}' \
         AND (SELECT COUNT(*) FROM people WHERE id = $1) = 1"
    );
    assert_eq!(
        count(&app, &changes, person).await,
        8,
        "every change is in the audit log: three invitations, two yeses, a no and leaving twice"
    );
}
both!(
    a_person_is_invited_to_another_panel_and_joins_only_by_saying_yes,
    a_person_is_invited_to_another_panel_and_joins_only_by_saying_yes
);
