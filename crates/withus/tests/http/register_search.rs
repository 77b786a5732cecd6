//! Finding people in the register: each filter narrows, monitoring filters only for those who may
//! see the answers, partner organisations see only people who share with them, erased people never
//! appear, pages of 50, the CSV download, and the demo register.

use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;
use withus::admin::{NewUser, create_user};
use withus::db::Ex;
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{
    AccessNeed, AccessProfile, Channel, ConsentKind, ContactMethod, EntryRoute, MembershipStatus,
    Monitoring, NeedEntry, Region, Topic,
};
use withus::register::fixtures::{self as register, NewConsent, NewPerson, SealedColumn};
use withus::register::profile::{monitoring_tokens, seal_json};
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::helpers::{Backend, Client, Options, TestApp, spawn_app_with, spawn_app_without_demo};

const PASSWORD: &str = "search password 2026";

struct World {
    app: TestApp,
    org: Uuid,
    panel_a: Uuid,
    panel_b: Uuid,
}

struct Someone<'a> {
    name: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    region: Option<Region>,
    topics: &'a [Topic],
    panel: Uuid,
    status: MembershipStatus,
    /// Days ago of each involvement.
    involved: &'a [i64],
    sex: Option<&'a str>,
}

impl<'a> Someone<'a> {
    /// An active panel member with nothing else about them.
    fn plain(name: &'a str, panel: Uuid) -> Someone<'a> {
        Someone {
            name,
            email: None,
            phone: None,
            region: None,
            topics: &[],
            panel,
            status: MembershipStatus::Active,
            involved: &[],
            sex: None,
        }
    }
}

async fn add(ex: &mut Ex<'_>, keys: &KeyRing, org: Uuid, who: Someone<'_>) -> Uuid {
    let id = register::create_person(
        ex,
        NewPerson {
            account_id: None,
            display_name: who.name,
            email: who.email,
            phone: who.phone,
            contact_method: ContactMethod::Email,
            language: "en",
            region: who.region,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(ex, who.panel, id, who.status)
        .await
        .unwrap();
    register::set_topics(ex, id, who.topics).await.unwrap();
    let now = OffsetDateTime::now_utc();
    for days in who.involved {
        register::record_involvement(ex, id, org, "Workshop", now - Duration::days(*days))
            .await
            .unwrap();
    }
    if let Some(sex) = who.sex {
        let mut monitoring = Monitoring::default();
        monitoring.answers.insert("sex".into(), vec![sex.into()]);
        let sealed = seal_json(keys, id, SealedColumn::Monitoring, &monitoring);
        register::set_sealed(ex, id, SealedColumn::Monitoring, Some(&sealed))
            .await
            .unwrap();
        register::set_monitoring_tokens(ex, id, &monitoring_tokens(keys, &monitoring))
            .await
            .unwrap();
    }
    id
}

async fn staff(app: &TestApp, email: &str, org: &'static str, role: &'static str) {
    create_user(
        &app.db,
        NewUser {
            email,
            name: "Staff Member",
            password: PASSWORD,
            site_admin: false,
            membership: Some((org, role)),
        },
    )
    .await
    .unwrap();
}

/// An organisation with two panels and three people on them (and one erased), a facilitator and
/// an officer; a partner council with an officer; Alice shares her contact details with the
/// council (twice over: she is still one person), Bob his access needs only.
async fn world(backend: Backend) -> World {
    let app = spawn_app_without_demo(backend).await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let org =
        crate::helpers::create_organisation(&mut tx.ex(), "Search Forum", OrganisationKind::Dpo)
            .await
            .unwrap();
    let council = crate::helpers::create_organisation(
        &mut tx.ex(),
        "Partner Council",
        OrganisationKind::Council,
    )
    .await
    .unwrap();
    withus::register::questions::ensure_defaults(&mut tx.ex(), org)
        .await
        .unwrap();
    let panel_a = register::create_panel(&mut tx.ex(), org, "Panel A", "", true)
        .await
        .unwrap();
    let panel_b = register::create_panel(&mut tx.ex(), org, "Panel B", "", false)
        .await
        .unwrap();
    register::add_partner(&mut tx.ex(), panel_a, council)
        .await
        .unwrap();
    let alice = add(
        &mut tx.ex(),
        &keys,
        org,
        Someone {
            name: "Alice Ashworth",
            email: Some("alice@people.example"),
            phone: Some("07700 900001"),
            region: Some(Region::NorthEast),
            topics: &[Topic::Housing],
            panel: panel_a,
            status: MembershipStatus::Active,
            involved: &[10, 40, 100],
            sex: Some("female"),
        },
    )
    .await;
    let bob = add(
        &mut tx.ex(),
        &keys,
        org,
        Someone {
            name: "Bob Brown",
            email: Some("bob@people.example"),
            phone: None,
            region: Some(Region::Wales),
            topics: &[Topic::Transport],
            panel: panel_a,
            status: MembershipStatus::Paused,
            involved: &[240, 500],
            sex: Some("male"),
        },
    )
    .await;
    add(
        &mut tx.ex(),
        &keys,
        org,
        Someone {
            name: "Carol Clark",
            email: Some("carol@people.example"),
            phone: None,
            region: Some(Region::NorthEast),
            topics: &[Topic::Transport, Topic::Housing],
            panel: panel_b,
            status: MembershipStatus::Active,
            involved: &[],
            sex: None,
        },
    )
    .await;
    let eve = add(
        &mut tx.ex(),
        &keys,
        org,
        Someone {
            name: "Eve Erased",
            email: Some("eve@people.example"),
            phone: None,
            region: Some(Region::NorthEast),
            topics: &[Topic::Transport],
            panel: panel_a,
            status: MembershipStatus::Active,
            involved: &[],
            sex: Some("female"),
        },
    )
    .await;
    let access = AccessProfile {
        needs: vec![NeedEntry {
            need: AccessNeed::StepFree,
            detail: String::new(),
        }],
        ..AccessProfile::default()
    };
    let sealed = seal_json(&keys, bob, SealedColumn::AccessNeeds, &access);
    register::set_sealed(&mut tx.ex(), bob, SealedColumn::AccessNeeds, Some(&sealed))
        .await
        .unwrap();
    for (person, scope) in [
        (alice, "contact"),
        (alice, "contact"),
        (bob, "access_needs"),
        (eve, "contact"),
    ] {
        register::give_consent(
            &mut tx.ex(),
            NewConsent {
                person,
                kind: ConsentKind::Share,
                panel: None,
                partner: Some(council),
                scope,
                channel: Channel::Online,
                recorded_by: None,
            },
        )
        .await
        .unwrap();
    }
    register::erase_person(&mut tx.ex(), eve).await.unwrap();
    tx.commit().await.unwrap();
    staff(
        &app,
        "facilitator@search.example",
        "Search Forum",
        "facilitator",
    )
    .await;
    staff(&app, "officer@search.example", "Search Forum", "officer").await;
    staff(
        &app,
        "officer@council.example",
        "Partner Council",
        "officer",
    )
    .await;
    World {
        app,
        org,
        panel_a,
        panel_b,
    }
}

const EVERYONE: [&str; 3] = ["Alice Ashworth", "Bob Brown", "Carol Clark"];

/// The names listed on a results page, in order.
fn listed(body: &str) -> Vec<String> {
    body.split("/people/")
        .skip(1)
        .filter_map(|piece| {
            let start = piece.find("\">")? + 2;
            let end = piece[start..].find("</a>")? + start;
            Some(piece[start..end].to_owned())
        })
        .collect()
}

async fn names(client: &mut Client, org: Uuid, query: &str) -> Vec<String> {
    let page = client
        .get(&format!("/organisations/{org}/people?{query}"))
        .await;
    assert_eq!(page.status, 200, "{query}");
    listed(&page.body)
}

async fn each_filter_narrows_the_results(backend: Backend) {
    let w = world(backend).await;
    let mut client = w.app.signed_in_client("facilitator@search.example").await;
    let org = w.org;
    let page = client.get(&format!("/organisations/{org}/people")).await;
    assert!(page.body.contains("3 people"), "total count");
    assert_eq!(listed(&page.body), EVERYONE, "everyone, in name order");
    assert!(!page.body.contains("Eve"), "erased people never appear");

    let (a, b) = (w.panel_a, w.panel_b);
    let cases: Vec<(String, &[&str])> = vec![
        ("q=ashw".into(), &["Alice Ashworth"]),
        ("q=BROWN".into(), &["Bob Brown"]),
        ("q=alice%40people.example".into(), &["Alice Ashworth"]),
        ("q=07700+900001".into(), &["Alice Ashworth"]),
        ("q=eve".into(), &[]),
        (format!("panel={a}"), &["Alice Ashworth", "Bob Brown"]),
        (format!("panel={b}"), &["Carol Clark"]),
        (format!("panel={a}&status=paused"), &["Bob Brown"]),
        ("status=active".into(), &["Alice Ashworth", "Carol Clark"]),
        ("topic=transport".into(), &["Bob Brown", "Carol Clark"]),
        (
            "topic=housing&region=TLC".into(),
            &["Alice Ashworth", "Carol Clark"],
        ),
        ("region=TLL".into(), &["Bob Brown"]),
        ("times_involved=3_or_more".into(), &["Alice Ashworth"]),
        ("times_involved=1_to_2".into(), &["Bob Brown"]),
        ("times_involved=none".into(), &["Carol Clark"]),
        ("last_involved=never".into(), &["Carol Clark"]),
        ("last_involved=over_6_months".into(), &["Bob Brown"]),
        ("last_involved=within_6_months".into(), &["Alice Ashworth"]),
        ("monitoring=sex%3Afemale".into(), &["Alice Ashworth"]),
        ("monitoring=sex%3Amale".into(), &["Bob Brown"]),
    ];
    for (query, expected) in cases {
        assert_eq!(names(&mut client, org, &query).await, expected, "{query}");
    }
    // Another organisation's panel, or a value that is not a choice, is neither applied nor
    // quietly dropped: the search is refused with a message naming what was not recognised.
    for query in [
        format!("panel={}", Uuid::now_v7()),
        "monitoring=sex%3Anonsense".into(),
        "region=Atlantis".into(),
        "status=everyone&topic=transport".into(),
    ] {
        let page = client
            .get(&format!("/organisations/{org}/people?{query}"))
            .await;
        assert_eq!(page.status, 200, "{query}");
        assert!(
            page.body.contains("govuk-error-summary") && page.body.contains("We did not recognise"),
            "{query}: the refusal is said"
        );
        assert_eq!(
            listed(&page.body),
            Vec::<String>::new(),
            "{query}: no one is listed"
        );
    }
    let page = client
        .get(&format!("/organisations/{org}/people?topic=transport"))
        .await;
    assert!(page.body.contains("2 people"));
    assert!(
        page.body.contains("name=\"monitoring\""),
        "facilitators may filter by monitoring answers"
    );
}
both!(
    each_filter_narrows_the_results,
    each_filter_narrows_the_results
);

async fn officers_get_no_monitoring_filter(backend: Backend) {
    let w = world(backend).await;
    let org = w.org;
    let mut officer = w.app.signed_in_client("officer@search.example").await;
    let page = officer.get(&format!("/organisations/{org}/people")).await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("name=\"monitoring\""));
    assert!(
        page.body.contains("alice@people.example"),
        "officers see contact details"
    );
    assert_eq!(
        names(&mut officer, org, "monitoring=sex%3Afemale").await,
        Vec::<String>::new(),
        "a crafted monitoring filter is refused, never applied"
    );
    // The refusal follows the GOV.UK pattern: "Error:" in the title, and the summary links to a
    // field that is on the page (officers have no monitoring filter, so the search box).
    let refused = officer
        .get(&format!(
            "/organisations/{org}/people?monitoring=sex%3Afemale"
        ))
        .await;
    assert!(refused.title().starts_with("Error:"), "{}", refused.title());
    assert!(refused.body.contains(r##"href="#q""##));
    assert!(refused.body.contains(r#"id="q""#));
    let csv = officer
        .get(&format!(
            "/organisations/{org}/people.csv?monitoring=sex%3Afemale"
        ))
        .await;
    assert_eq!(csv.status, 400, "the export is refused too");
    assert!(!csv.body.contains("What is your sex?"));
    assert!(!csv.body.contains("Female"));
}
both!(
    officers_get_no_monitoring_filter,
    officers_get_no_monitoring_filter
);

async fn partners_see_only_people_who_share_with_them(backend: Backend) {
    let w = world(backend).await;
    let council: Uuid = {
        let mut conn = w.app.db.acquire().await.unwrap();
        withus::organisations::find_by_name(&mut conn.ex(), "Partner Council")
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let mut partner = w.app.signed_in_client("officer@council.example").await;
    let page = partner
        .get(&format!("/organisations/{council}/people"))
        .await;
    assert_eq!(page.status, 200);
    assert_eq!(listed(&page.body), ["Alice Ashworth", "Bob Brown"]);
    assert!(page.body.contains("2 people"));
    assert!(
        page.body.contains("alice@people.example"),
        "Alice shared her contact details"
    );
    assert!(!page.body.contains("bob@people.example"), "Bob did not");
    assert!(page.body.contains("Not shared with you"));
    assert!(
        page.body.contains("Panel A"),
        "the partner panel they are on"
    );
    assert!(!page.body.contains("name=\"monitoring\""));
    assert_eq!(
        names(&mut partner, council, "q=bob%40people.example").await,
        Vec::<String>::new(),
        "an email not shared cannot be searched for"
    );
    // A partner has no monitoring filter: one crafted into the address is refused, never applied.
    assert_eq!(
        names(&mut partner, council, "monitoring=sex%3Afemale").await,
        Vec::<String>::new()
    );
    // Another organisation's register is not theirs to see.
    let other = partner
        .get(&format!("/organisations/{}/people", w.org))
        .await;
    assert_eq!(other.status, 403);

    // Site administrators run the service: they see nothing of people who shared with a partner.
    create_user(
        &w.app.db,
        NewUser {
            email: "siteadmin@search.example",
            name: "Site Admin",
            password: PASSWORD,
            site_admin: true,
            membership: None,
        },
    )
    .await
    .unwrap();
    let mut admin = w.app.signed_in_client("siteadmin@search.example").await;
    let page = admin.get(&format!("/organisations/{council}/people")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("0 people") && listed(&page.body).is_empty());
    let page = admin.get(&format!("/organisations/{}/people", w.org)).await;
    assert_eq!(listed(&page.body), EVERYONE);
    assert!(!page.body.contains("name=\"monitoring\""));
    let csv = download(
        &mut partner,
        &format!("/organisations/{council}/people.csv"),
    )
    .await;
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(lines[0].contains("Email") && lines[0].contains("Access needs"));
    assert!(!csv.body.contains("What is your sex?") && !csv.body.contains("Female"));
    assert!(lines[1].starts_with("Alice Ashworth") && lines[1].contains("alice@people.example"));
    assert!(
        !lines[1].contains("Step-free"),
        "Alice did not share access needs"
    );
    assert!(lines[2].starts_with("Bob Brown") && !lines[2].contains("bob@people.example"));
    assert!(
        lines[2].contains("Step-free access"),
        "Bob shared his access needs"
    );
    assert!(!csv.body.contains("Carol") && !csv.body.contains("Eve"));
}
both!(
    partners_see_only_people_who_share_with_them,
    partners_see_only_people_who_share_with_them
);

struct Download {
    content_type: String,
    disposition: String,
    body: String,
}

async fn download(client: &mut Client, path: &str) -> Download {
    let cookies = client
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let response = client
        .http
        .get(format!("{}{}", client.base, path))
        .header(COOKIE, cookies)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let header = |name| {
        response
            .headers()
            .get(name)
            .map(|v: &reqwest::header::HeaderValue| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let content_type = header(CONTENT_TYPE);
    let disposition = header(CONTENT_DISPOSITION);
    let body = response.text().await.unwrap();
    Download {
        content_type,
        disposition,
        body: body.trim_start_matches('\u{feff}').to_owned(),
    }
}

async fn the_csv_is_quoted_neutralised_and_audited(backend: Backend) {
    let w = world(backend).await;
    let keys = KeyRing::parse(&w.app.key_spec, None).unwrap();
    let mut tx = w.app.db.begin().await.unwrap();
    for name in [
        "=HYPERLINK(\"http://x.example\",\"click\")",
        "O'Brien, \"Dee\"",
        "+44 then formula",
        "@SUM(1+1)",
        "-2+3",
    ] {
        add(&mut tx.ex(), &keys, w.org, Someone::plain(name, w.panel_b)).await;
    }
    tx.commit().await.unwrap();
    let org = w.org;
    let mut facilitator = w.app.signed_in_client("facilitator@search.example").await;
    let csv = download(
        &mut facilitator,
        &format!("/organisations/{org}/people.csv?q=e"),
    )
    .await;
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(
        csv.disposition.starts_with("attachment;"),
        "{}",
        csv.disposition
    );
    let body = &csv.body;
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\""),
        "{body}"
    );
    assert!(body.contains("\"O'Brien, \"\"Dee\"\"\""), "{body}");
    assert!(body.contains("\r\n"));
    let all = download(
        &mut facilitator,
        &format!("/organisations/{org}/people.csv"),
    )
    .await;
    for neutralised in ["'+44 then formula", "'@SUM(1+1)", "'-2+3"] {
        assert!(
            all.body.contains(neutralised),
            "{neutralised}: {}",
            all.body
        );
    }
    // Facilitators of the host organisation get the monitoring answers.
    assert!(all.body.contains("What is your sex?"));
    let alice = all.body.lines().find(|l| l.starts_with("Alice")).unwrap();
    assert!(alice.contains("Female") && alice.contains("alice@people.example"));

    let exports = w
        .app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'register.exported'")
        .await;
    assert_eq!(exports, 2);
    let details: String = match &w.app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_scalar(
            "SELECT details FROM audit_log WHERE action = 'register.exported' ORDER BY seq LIMIT 1",
        )
        .fetch_one(pool)
        .await
        .unwrap(),
        withus::db::Db::Postgres(pool) => sqlx::query_scalar(
            "SELECT details FROM audit_log WHERE action = 'register.exported' ORDER BY seq LIMIT 1",
        )
        .fetch_one(pool)
        .await
        .unwrap(),
    };
    let details: serde_json::Value = serde_json::from_str(&details).unwrap();
    assert_eq!(details["filters"]["text"], true);
    assert!(details["rows"].as_i64().unwrap() >= 3);
    assert!(
        !details.to_string().contains("Brien"),
        "no names in the log"
    );
}
both!(
    the_csv_is_quoted_neutralised_and_audited,
    the_csv_is_quoted_neutralised_and_audited
);

async fn pages_of_fifty_with_a_total(backend: Backend) {
    let w = world(backend).await;
    let keys = KeyRing::parse(&w.app.key_spec, None).unwrap();
    let mut tx = w.app.db.begin().await.unwrap();
    for n in 0..117 {
        let name = format!("Person {n:03}");
        add(
            &mut tx.ex(),
            &keys,
            w.org,
            Someone {
                region: Some(Region::London),
                ..Someone::plain(&name, w.panel_b)
            },
        )
        .await;
    }
    tx.commit().await.unwrap();
    let org = w.org;
    let mut client = w.app.signed_in_client("facilitator@search.example").await;
    let first = client
        .get(&format!("/organisations/{org}/people?region=TLI"))
        .await;
    assert!(first.body.contains("117 people"));
    let names_1 = listed(&first.body);
    assert_eq!(names_1.len(), 50);
    assert_eq!(names_1[0], "Person 000");
    assert_eq!(names_1[49], "Person 049");
    assert!(
        first.body.contains("region=TLI&#38;page=2"),
        "the next page keeps the filters"
    );
    assert!(first.body.contains("rel=\"next\"") && !first.body.contains("rel=\"prev\""));
    let second = names(&mut client, org, "region=TLI&page=2").await;
    assert_eq!(second.first().map(String::as_str), Some("Person 050"));
    let third = client
        .get(&format!("/organisations/{org}/people?region=TLI&page=3"))
        .await;
    let names_3 = listed(&third.body);
    assert_eq!(names_3.len(), 17);
    assert_eq!(names_3[16], "Person 116");
    assert!(!third.body.contains("rel=\"next\"") && third.body.contains("rel=\"prev\""));
    assert!(third.body.contains("aria-current=\"page\""));
    let everyone = client.get(&format!("/organisations/{org}/people")).await;
    assert!(everyone.body.contains("120 people"));
}
both!(pages_of_fifty_with_a_total, pages_of_fifty_with_a_total);

async fn the_demo_register_loads_once(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            demo: true,
            extra: Vec::new(),
        },
    )
    .await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    assert!(matches!(
        withus::demo::seed(&app.state).await.unwrap(),
        withus::demo::Seeded::AlreadyPresent
    ));
    // The 36 panel members, Maya (the demo's member sign-in) and two people without accounts.
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM people").await, 39);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people WHERE account_id IS NOT NULL")
            .await,
        37
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM people WHERE email IS NULL")
            .await,
        2,
        "one person by phone only, one by post only"
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM panels").await, 2);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM panel_partners pp JOIN panels p ON p.id = pp.panel_id \
             WHERE p.name = 'Greater Northtown Disabled People''s Panel'"
        )
        .await,
        2
    );
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM monitoring_questions q JOIN organisations o ON o.id = q.organisation_id \
             WHERE o.name = 'Northtown Borough Council'"
        )
        .await,
        11
    );
    assert!(
        app.scalar_i64("SELECT COUNT(*) FROM monitoring_tokens")
            .await
            > 200
    );
    assert!(app.scalar_i64("SELECT COUNT(*) FROM involvements").await > 10);

    let dpo = app
        .scalar_i64("SELECT COUNT(*) FROM panels WHERE open_to_sign_up AND name = 'Greater Northtown Disabled People''s Panel'")
        .await;
    assert_eq!(dpo, 1);
    let (dpo_id, council_id) = {
        let mut conn = app.db.acquire().await.unwrap();
        let dpo = withus::organisations::find_by_name(&mut conn.ex(), withus::demo::DPO)
            .await
            .unwrap()
            .unwrap()
            .id;
        let council = withus::organisations::find_by_name(&mut conn.ex(), withus::demo::COUNCIL)
            .await
            .unwrap()
            .unwrap()
            .id;
        (dpo, council)
    };
    let mut facilitator = app
        .signed_in_client("facilitator@northtown-dpf.example")
        .await;
    let page = facilitator
        .get(&format!("/organisations/{dpo_id}/people"))
        .await;
    assert!(
        page.body.contains("39 people"),
        "the DPO sees its whole panel"
    );
    assert!(page.body.contains("name=\"monitoring\""));
    let mut officer = app.signed_in_client("officer@northtown.example").await;
    let page = officer
        .get(&format!("/organisations/{council_id}/people"))
        .await;
    assert!(
        page.body.contains("4 people"),
        "four members share with the council"
    );

    // Generated people: added up to the number asked for, never beyond.
    let mut seen = Vec::new();
    let added =
        withus::demo::generate::ensure_people(&app.db, &keys, 30, |done, _| seen.push(done))
            .await
            .unwrap();
    assert_eq!(added, 30);
    assert_eq!(seen, [30]);
    let again = withus::demo::generate::ensure_people(&app.db, &keys, 30, |_, _| {})
        .await
        .unwrap();
    assert_eq!(again, 0);
    let more = withus::demo::generate::ensure_people(&app.db, &keys, 45, |_, _| {})
        .await
        .unwrap();
    assert_eq!(more, 15);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM people").await, 39 + 45);
    let page = facilitator
        .get(&format!("/organisations/{dpo_id}/people"))
        .await;
    assert!(page.body.contains("84 people"));
    let csv = download(
        &mut facilitator,
        &format!("/organisations/{dpo_id}/people.csv"),
    )
    .await;
    assert_eq!(csv.body.lines().count(), 85, "generated profiles open");
}
both!(the_demo_register_loads_once, the_demo_register_loads_once);

/// Names in a page, as text.
fn unescape(name: &str) -> String {
    name.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

async fn large_results_page_the_same_as_the_export(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            demo: true,
            extra: Vec::new(),
        },
    )
    .await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    withus::demo::generate::ensure_people(&app.db, &keys, 1200, |_, _| {})
        .await
        .unwrap();
    let dpo = demo_dpo(&app).await;
    let mut facilitator = app
        .signed_in_client("facilitator@northtown-dpf.example")
        .await;
    // Large results are paged by walking the register in name order, small ones (and the export)
    // from lists of ids: both must find the same people in the same order.
    for query in [
        "",
        "topic=transport",
        "times_involved=3_or_more",
        "times_involved=none",
        "times_involved=1_to_2",
        "region=TLC&last_involved=within_6_months",
        "monitoring=sex%3Afemale",
        "q=an&status=active",
        "topic=health_services&monitoring=age_band%3A50_64",
    ] {
        let csv = download(
            &mut facilitator,
            &format!("/organisations/{dpo}/people.csv?{query}"),
        )
        .await;
        let exported: Vec<String> = csv
            .body
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect();
        assert!(!exported.is_empty(), "{query}");
        let page = facilitator
            .get(&format!("/organisations/{dpo}/people?{query}"))
            .await;
        let count = format!("{} people", exported.len());
        assert!(page.body.contains(&count), "{query}: {count}");
        let shown: Vec<String> = listed(&page.body).iter().map(|n| unescape(n)).collect();
        let first: Vec<String> = exported.iter().take(50).cloned().collect();
        assert_eq!(shown, first, "{query}");
        if exported.len() > 100 {
            let third = facilitator
                .get(&format!("/organisations/{dpo}/people?{query}&page=3"))
                .await;
            let third: Vec<String> = listed(&third.body).iter().map(|n| unescape(n)).collect();
            let expected: Vec<String> = exported.iter().skip(100).take(50).cloned().collect();
            assert_eq!(third, expected, "{query}, page 3");
        }
    }
}
both!(
    large_results_page_the_same_as_the_export,
    large_results_page_the_same_as_the_export
);

async fn demo_dpo(app: &TestApp) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::organisations::find_by_name(&mut conn.ex(), withus::demo::DPO)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Each person's topics mask and third-last involvement, as stored.
async fn search_columns(app: &TestApp) -> Vec<(Uuid, i64, Option<OffsetDateTime>)> {
    let sql = "SELECT id, topics_mask, third_last_involved_at FROM people WHERE erased_at IS NULL ORDER BY id";
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
        withus::db::Db::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
    }
}

/// The same, worked out from the records they summarise.
async fn search_columns_from_records(app: &TestApp) -> Vec<(Uuid, i64, Option<OffsetDateTime>)> {
    let people: Vec<Uuid> = search_columns(app).await.into_iter().map(|r| r.0).collect();
    let mut conn = app.db.acquire().await.unwrap();
    let mut rows = Vec::new();
    for id in people {
        let topics = register::topics_of(&mut conn.ex(), id).await.unwrap();
        let mut times: Vec<OffsetDateTime> = register::involvements_of(&mut conn.ex(), id)
            .await
            .unwrap()
            .into_iter()
            .map(|i| i.occurred_at)
            .collect();
        times.sort_unstable_by(|a, b| b.cmp(a));
        rows.push((id, Topic::mask(&topics), times.get(2).copied()));
    }
    rows
}

async fn topic_and_involvement_columns_match_the_records_and_the_migration(backend: Backend) {
    let app = &spawn_app_with(backend, Options::default()).await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let dpo = demo_dpo(app).await;
    withus::demo::generate::ensure_people(&app.db, &keys, 300, |_, _| {})
        .await
        .unwrap();
    // Changes made through the application keep them in step.
    let someone = search_columns(app).await[0].0;
    {
        let mut tx = app.db.begin().await.unwrap();
        register::set_topics(&mut tx.ex(), someone, &[Topic::Housing, Topic::Leisure])
            .await
            .unwrap();
        for days in [3, 30, 300, 2] {
            register::record_involvement(
                &mut tx.ex(),
                someone,
                dpo,
                "Workshop",
                OffsetDateTime::now_utc() - Duration::days(days),
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
    }
    let expected = search_columns_from_records(app).await;
    assert!(expected.iter().any(|r| r.1 != 0) && expected.iter().any(|r| r.2.is_some()));
    let stored = search_columns(app).await;
    assert_eq!(stored, expected);
    let mine = stored.iter().find(|r| r.0 == someone).unwrap();
    assert_eq!(mine.1, Topic::Housing.bit() | Topic::Leisure.bit());

    // The migration that added them fills them the same way for people already on the register.
    let migration = match backend {
        Backend::Sqlite => include_str!("../../migrations/sqlite/20261124000016_search_facets.sql"),
        Backend::Postgres => {
            include_str!("../../migrations/postgres/20261124000016_search_facets.sql")
        }
    };
    let fills: Vec<String> = migration
        .split(';')
        .map(|s| {
            s.lines()
                .filter(|l| !l.starts_with("--"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .map(|s| s.trim().to_owned())
        .filter(|s| s.starts_with("UPDATE people"))
        .collect();
    assert_eq!(fills.len(), 2, "{migration}");
    app.execute("UPDATE people SET topics_mask = 0, third_last_involved_at = NULL")
        .await;
    assert_ne!(search_columns(app).await, expected);
    for fill in &fills {
        app.execute(fill).await;
    }
    assert_eq!(search_columns(app).await, expected);
}
both!(
    topic_and_involvement_columns_match_the_records_and_the_migration,
    topic_and_involvement_columns_match_the_records_and_the_migration
);
