//! Choosing a working group fairly, end to end: who is in the pool, quotas checked and explained,
//! fair chances worked out in the background (with rotation), a draw anyone can repeat, and
//! invitations sent once.

use std::collections::HashMap;
use std::time::Duration;

use sha2::{Digest, Sha256};
use uuid::Uuid;
use withus::admin::{NewUser, create_user};
use withus::db::Db;
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{
    Channel, ConsentKind, ContactMethod, EntryRoute, MembershipStatus, Monitoring, Region,
};
use withus::register::fixtures::{self as register, NewConsent, SealedColumn};
use withus::register::{profile, questions};
use withus::security::field_crypto::KeyRing;
use withus::selection::fixtures as selections;
use withus_selection::DrawRecord;

use crate::both;
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};

const ORG: &str = "Fair Choice Forum";
const PASSWORD: &str = "selection password 2026";
const SIZE: &str = "8";

/// One person in the seeded pool.
#[derive(Debug, Clone)]
struct Seeded {
    id: Uuid,
    sex: Option<&'static str>,
    email: Option<String>,
    language: &'static str,
    recent_involvements: usize,
}

struct World {
    app: TestApp,
    org: Uuid,
    panel: Uuid,
    /// The 40 people who can be chosen, by name.
    pool: HashMap<String, Seeded>,
}

async fn add_person(
    app: &TestApp,
    keys: &KeyRing,
    panel: Uuid,
    name: &str,
    person: (Option<&'static str>, Option<String>, &'static str),
    status: MembershipStatus,
    consent: bool,
) -> Uuid {
    let (sex, email, language) = person;
    let mut tx = app.db.begin().await.unwrap();
    let id = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: name,
            email: email.as_deref(),
            phone: email.is_none().then_some("01234 567890"),
            contact_method: if email.is_some() {
                ContactMethod::Email
            } else {
                ContactMethod::Phone
            },
            language,
            region: Some(Region::Wales),
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), panel, id, status)
        .await
        .unwrap();
    if let Some(sex) = sex {
        let mut monitoring = Monitoring::default();
        monitoring
            .answers
            .insert("sex".into(), vec![sex.to_owned()]);
        let sealed = profile::seal_json(keys, id, SealedColumn::Monitoring, &monitoring);
        register::set_sealed(&mut tx.ex(), id, SealedColumn::Monitoring, Some(&sealed))
            .await
            .unwrap();
        register::set_monitoring_tokens(
            &mut tx.ex(),
            id,
            &profile::monitoring_tokens(keys, &monitoring),
        )
        .await
        .unwrap();
    }
    if consent {
        register::give_consent(
            &mut tx.ex(),
            NewConsent {
                person: id,
                kind: ConsentKind::Panel,
                panel: Some(panel),
                partner: None,
                scope: "",
                channel: Channel::Online,
                recorded_by: None,
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    id
}

async fn involve(app: &TestApp, org: Uuid, person: Uuid, times: usize, days_ago: i64) {
    let mut tx = app.db.begin().await.unwrap();
    for n in 0..times {
        let at = withus::db::now() - time::Duration::days(days_ago + n as i64);
        register::record_involvement(&mut tx.ex(), person, org, "Workshop", at)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

/// 40 people who can be chosen: even numbers female, odd male, the last two without answers.
/// Persons 00, 02 and 04 took part three times this year; person 10 five times two years ago.
/// Every third person has an email address (every fifteenth reads Welsh); the rest prefer phone.
/// Three more cannot be chosen: one paused, one who never consented, one who withdrew.
async fn world(backend: Backend) -> World {
    let app = spawn_app_without_demo(backend).await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let org = crate::helpers::create_organisation(&mut tx.ex(), ORG, OrganisationKind::Dpo)
        .await
        .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Access Panel", "", true)
        .await
        .unwrap();
    questions::ensure_defaults(&mut tx.ex(), org).await.unwrap();
    tx.commit().await.unwrap();
    for (name, role) in [
        ("facilitator", "facilitator"),
        ("officer", "officer"),
        ("auditor", "auditor"),
        ("member", "member"),
    ] {
        create_user(
            &app.db,
            NewUser {
                email: &format!("{name}@fair.example"),
                name,
                password: PASSWORD,
                site_admin: false,
                membership: Some((ORG, role)),
            },
        )
        .await
        .unwrap();
    }
    let mut pool = HashMap::new();
    for n in 0..40usize {
        let sex = match n {
            38.. => None,
            _ if n % 2 == 0 => Some("female"),
            _ => Some("male"),
        };
        let email = (n % 3 == 0).then(|| format!("person{n:02}@fair.example"));
        let language = if n % 15 == 0 { "cy" } else { "en" };
        let name = format!("Person {n:02}");
        let id = add_person(
            &app,
            &keys,
            panel,
            &name,
            (sex, email.clone(), language),
            MembershipStatus::Active,
            true,
        )
        .await;
        let recent = if [0, 2, 4].contains(&n) { 3 } else { 0 };
        involve(&app, org, id, recent, 30).await;
        if n == 10 {
            involve(&app, org, id, 5, 730).await;
        }
        pool.insert(
            name,
            Seeded {
                id,
                sex,
                email,
                language,
                recent_involvements: recent,
            },
        );
    }
    let paused = (Some("female"), None, "en");
    add_person(
        &app,
        &keys,
        panel,
        "Paused Person",
        paused.clone(),
        MembershipStatus::Paused,
        true,
    )
    .await;
    add_person(
        &app,
        &keys,
        panel,
        "Unconsented Person",
        paused.clone(),
        MembershipStatus::Active,
        false,
    )
    .await;
    let withdrawn = add_person(
        &app,
        &keys,
        panel,
        "Withdrawn Person",
        paused,
        MembershipStatus::Active,
        true,
    )
    .await;
    let mut tx = app.db.begin().await.unwrap();
    let consent = register::consents_of(&mut tx.ex(), withdrawn)
        .await
        .unwrap()[0]
        .id;
    assert!(
        register::withdraw_consent(&mut tx.ex(), withdrawn, consent, Channel::Phone)
            .await
            .unwrap()
    );
    tx.commit().await.unwrap();
    World {
        app,
        org,
        panel,
        pool,
    }
}

async fn facilitator(w: &World) -> Client {
    w.app.signed_in_client("facilitator@fair.example").await
}

/// Starts a working group of 8 with rotation over 12 months; returns its page's address.
async fn start_group(w: &World, client: &mut Client) -> String {
    let org = w.org;
    let panel = w.panel.to_string();
    let page = client
        .post(
            &format!("/organisations/{org}/selections/new"),
            &[
                ("name", "Bus station group"),
                ("panel", &panel),
                ("size", SIZE),
                ("rotation", "yes"),
                ("months", "12"),
            ],
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let location = page.location.unwrap();
    assert!(location.ends_with("/quotas"), "{location}");
    location.trim_end_matches("/quotas").to_owned()
}

/// Quotas on sex: 3 to 4 women, 3 to 4 men, up to 2 people who did not answer.
const FEASIBLE: &[(&str, &str)] = &[
    ("features", "sex"),
    ("min-sex-female", "3"),
    ("max-sex-female", "4"),
    ("min-sex-male", "3"),
    ("max-sex-male", "4"),
    ("min-sex-not_answered", "0"),
    ("max-sex-not_answered", "2"),
];

async fn selection_row(w: &World, url: &str) -> selections::SelectionRow {
    let id = Uuid::parse_str(url.rsplit('/').next().unwrap()).unwrap();
    let mut conn = w.app.db.acquire().await.unwrap();
    selections::find(&mut conn.ex(), w.org, id)
        .await
        .unwrap()
        .unwrap()
}

/// Loads the page until the chances are no longer being worked out.
async fn wait_for_chances(client: &mut Client, url: &str) -> crate::helpers::Page {
    for _ in 0..600 {
        let page = client.get(url).await;
        assert_eq!(page.status, 200, "{}", page.body);
        if !page.body.contains("id=\"progress\"") {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("the chances were not worked out within two minutes");
}

async fn outbox(db: &Db) -> Vec<(String, String)> {
    let sql = "SELECT to_address, subject FROM outbox ORDER BY to_address";
    match db {
        Db::Sqlite(pool, ..) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
    }
}

async fn audit_details(db: &Db) -> Vec<(String, String)> {
    let sql = "SELECT action, details FROM audit_log WHERE action LIKE 'selection.%' ORDER BY seq";
    match db {
        Db::Sqlite(pool, ..) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_as(sql).fetch_all(pool).await.unwrap(),
    }
}

async fn the_pool_and_quotas_are_checked_and_explained(backend: Backend) {
    let w = world(backend).await;
    let mut client = facilitator(&w).await;
    let url = start_group(&w, &mut client).await;

    // Only the 40 active, consenting people are in the pool.
    let page = client.get(&url).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"id="pool-size">40<"#), "{}", page.body);

    // A population figure widens the suggestion: 51% of 8 places is 4.08, so up to 5 women.
    let mut tx = w.app.db.begin().await.unwrap();
    withus::register::fixtures::set_benchmark(
        &mut tx.ex(),
        w.org,
        "sex",
        "female",
        5100,
        "Census 2021",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Counts per answer, next to the fields, and no names.
    let page = client
        .get(&format!("{url}/quotas?features=sex&features=region"))
        .await;
    assert_eq!(page.status, 200);
    let body = &page.body;
    assert!(body.contains("40 people can be chosen now"), "{body}");
    for count in [">19<", ">2<", ">40<"] {
        assert!(body.contains(count), "{count} in {body}");
    }
    assert!(body.contains("Not answered"));
    assert!(!body.contains("Person 0") && !body.contains("Paused Person"));
    // Suggested from the pool's share: 19 of 40 of 8 places is 3.8, so 3 to 4; with the
    // population's 51%, 3 to 5.
    assert!(body.contains(">51.0%<"), "{body}");
    assert!(body.contains(r#"id="min-sex-female" name="min-sex-female" type="text" inputmode="numeric" spellcheck="false" value="3""#), "{body}");
    assert!(body.contains(r#"id="max-sex-female" name="max-sex-female" type="text" inputmode="numeric" spellcheck="false" value="5""#));
    assert!(body.contains(r#"id="max-sex-male" name="max-sex-male" type="text" inputmode="numeric" spellcheck="false" value="4""#));

    // Typing mistakes are caught field by field.
    let mut typo = FEASIBLE.to_vec();
    typo[1] = ("min-sex-female", "three");
    typo[4] = ("max-sex-male", "9");
    let page = client.post(&format!("{url}/quotas"), &typo).await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Enter the minimum for Female as a whole number")
    );
    assert!(
        page.body
            .contains("The maximum for Male must be 8 or fewer")
    );

    // Minimums that cannot all be met: the page says which, and the smallest fix.
    let mut too_many = FEASIBLE.to_vec();
    too_many[1] = ("min-sex-female", "5");
    too_many[2] = ("max-sex-female", "5");
    too_many[3] = ("min-sex-male", "5");
    too_many[4] = ("max-sex-male", "5");
    too_many[5] = ("min-sex-not_answered", "3");
    too_many[6] = ("max-sex-not_answered", "3");
    let page = client.post(&format!("{url}/quotas"), &too_many).await;
    assert_eq!(page.status, 422, "{}", page.body);
    let body = &page.body;
    assert!(body.contains("govuk-error-summary"), "{body}");
    assert!(
        body.contains("the minimums add up to 13, more than the 8 places"),
        "{body}"
    );
    assert!(
        body.contains("the minimum is 3, but only 2 people who can be chosen gave this answer"),
        "{body}"
    );
    assert!(body.contains(r##"href="#min-sex-not_answered""##));
    assert!(body.contains("The smallest change that would make a working group possible"));
    assert!(body.contains("lower the minimum from 5 to"), "{body}");
    assert!(selection_row(&w, &url).await.quotas.is_empty(), "not saved");

    // A feature the pool does not have is refused with a message, not dropped.
    let mut unknown = FEASIBLE.to_vec();
    unknown.push(("features", "star_sign"));
    let page = client.post(&format!("{url}/quotas"), &unknown).await;
    assert_eq!(page.status, 422, "{}", page.title());
    assert!(page.body.contains("We did not recognise"));
    assert!(selection_row(&w, &url).await.quotas.is_empty(), "not saved");

    // Quotas that can be met are saved, and the page says so.
    let page = client.post(&format!("{url}/quotas"), FEASIBLE).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let page = client.get(page.location.as_deref().unwrap()).await;
    assert!(
        page.body.contains("These quotas can be met"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Female: 3 to 4"));
    assert!(!selection_row(&w, &url).await.quotas.is_empty());
}
both!(
    the_pool_and_quotas_are_checked_and_explained,
    the_pool_and_quotas_are_checked_and_explained
);

async fn fair_chances_a_repeatable_draw_and_invitations_once(backend: Backend) {
    let w = world(backend).await;
    let mut client = facilitator(&w).await;
    let url = start_group(&w, &mut client).await;

    // Nothing can be drawn or invited before the chances are worked out.
    let page = client
        .post(&format!("{url}/draw"), &[("seed", "early")])
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Work out the fair chances before the draw")
    );
    let page = client.post(&format!("{url}/invite"), &[]).await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Draw the working group before sending invitations")
    );
    let page = client.post(&format!("{url}/compute"), &[]).await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Set the quotas before working out the chances")
    );

    assert_eq!(
        client.post(&format!("{url}/quotas"), FEASIBLE).await.status,
        303
    );
    let page = client.post(&format!("{url}/compute"), &[]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let first = client.get(&url).await;
    if first.body.contains("id=\"progress\"") {
        // While working: no timed refresh (people read at their own pace), a link to refresh.
        assert!(!first.body.contains("http-equiv=\"refresh\""));
        assert!(first.body.contains("Refresh now"));
    }
    let page = wait_for_chances(&mut client, &url).await;
    assert!(!page.body.contains("http-equiv=\"refresh\""));
    assert!(page.body.contains(r#"id="min-chance""#), "{}", page.body);

    // The stored result: every chance between 0 and 1, adding up to the 8 places.
    let selection = selection_row(&w, &url).await;
    let run = {
        let mut conn = w.app.db.acquire().await.unwrap();
        selections::latest_run(&mut conn.ex(), selection.id)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(run.status.as_str(), "done", "{:?}", run.error);
    assert_eq!(run.pool_size, 40);
    let result: serde_json::Value = serde_json::from_str(run.result.as_deref().unwrap()).unwrap();
    let chances: HashMap<Uuid, (f64, f64)> = result["probabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                Uuid::parse_str(p["id"].as_str().unwrap()).unwrap(),
                (
                    p["probability"].as_f64().unwrap(),
                    p["weight"].as_f64().unwrap(),
                ),
            )
        })
        .collect();
    assert_eq!(chances.len(), 40);
    assert!(
        chances
            .values()
            .all(|(p, _)| (0.0..=1.0 + 1e-9).contains(p))
    );
    let total: f64 = chances.values().map(|(p, _)| p).sum();
    assert!((total - 8.0).abs() < 1e-6, "total {total}");
    // Nobody else is in it.
    for name in ["Paused Person", "Unconsented Person", "Withdrawn Person"] {
        assert!(!page.body.contains(name), "{name} is in the pool");
    }

    // Rotation: three recent involvements give weight 1/4 and a lower chance than women never
    // involved; involvement two years ago does not count.
    let person = |name: &str| &w.pool[name];
    let busy = chances[&person("Person 00").id];
    let fresh = chances[&person("Person 06").id];
    assert_eq!(person("Person 00").recent_involvements, 3);
    assert!((busy.1 - 0.25).abs() < 1e-9 && fresh.1 == 1.0);
    assert!(busy.0 + 1e-6 < fresh.0, "busy {busy:?} fresh {fresh:?}");
    assert_eq!(chances[&person("Person 10").id].1, 1.0);
    assert!(page.body.contains("1 ÷ (1 + the number of times"));

    // The published lottery: its fingerprint on the page is the SHA-256 of the download.
    let hash = run.lottery_sha256.clone().unwrap();
    assert_eq!(hash.len(), 64);
    assert!(page.body.contains(&hash));
    let download = client.get(&format!("{url}/lottery.json")).await;
    assert_eq!(download.status, 200);
    assert_eq!(hex::encode(Sha256::digest(download.body.as_bytes())), hash);

    // The draw needs a seed.
    let page = client.post(&format!("{url}/draw"), &[("seed", "  ")]).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("Enter the seed for the draw"));

    let seed = "4 15 23 31 42 58, bonus 9";
    let page = client.post(&format!("{url}/draw"), &[("seed", seed)]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let page = client.get(&url).await;
    assert!(page.body.contains("The working group has been drawn"));
    assert!(
        page.body
            .contains("Checked: repeating the draw with this seed chooses the same people")
    );

    // The stored record repeats, used the published lottery, and meets the quotas.
    let selection = selection_row(&w, &url).await;
    let record: DrawRecord =
        serde_json::from_str(selection.draw_record.as_deref().unwrap()).unwrap();
    assert!(record.verify());
    assert_eq!(record.seed, seed);
    // The draw used the published lottery, to the byte: read back, it hashes to the fingerprint.
    assert_eq!(
        hex::encode(Sha256::digest(
            serde_json::to_string(&record.lottery).unwrap().as_bytes()
        )),
        hash
    );
    // And so the same people and the same tickets (the tickets, whole numbers, decide the draw).
    let published: serde_json::Value = serde_json::from_str(&download.body).unwrap();
    let recorded = serde_json::to_value(&record.lottery).unwrap();
    assert_eq!(published["groups"], recorded["groups"]);
    let (published, recorded) = (
        published["panels"].as_array().unwrap(),
        recorded["panels"].as_array().unwrap(),
    );
    assert_eq!(published.len(), recorded.len());
    for (p, r) in published.iter().zip(recorded) {
        assert_eq!((&p["seats"], &p["tickets"]), (&r["seats"], &r["tickets"]));
    }
    assert_eq!(
        record.lottery.draw(seed),
        (record.panel_index, record.selected.clone())
    );
    assert_eq!(record.selected.len(), 8);
    let chosen: Vec<&Seeded> = record
        .selected
        .iter()
        .map(|id| {
            let id = Uuid::parse_str(&id.0).unwrap();
            w.pool
                .values()
                .find(|p| p.id == id)
                .expect("chosen from the pool")
        })
        .collect();
    let women = chosen.iter().filter(|p| p.sex == Some("female")).count();
    let men = chosen.iter().filter(|p| p.sex == Some("male")).count();
    assert!(
        (3..=4).contains(&women) && (3..=4).contains(&men),
        "{women} women, {men} men"
    );
    for person in &chosen {
        let name = w.pool.iter().find(|(_, p)| p.id == person.id).unwrap().0;
        assert!(page.body.contains(name.as_str()));
    }

    // Only once.
    let page = client
        .post(&format!("{url}/draw"), &[("seed", "another seed")])
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("The working group has already been drawn")
    );
    assert_eq!(
        selection_row(&w, &url).await.draw_record,
        selection.draw_record
    );

    // Invitations: email for those with an address, in their language; the rest are listed.
    let page = client.post(&format!("{url}/invite"), &[]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let sent = outbox(&w.app.db).await;
    let mut expected: Vec<&Seeded> = chosen
        .iter()
        .copied()
        .filter(|p| p.email.is_some())
        .collect();
    expected.sort_by_key(|p| p.email.clone());
    assert_eq!(
        sent.iter().map(|(to, _)| to.clone()).collect::<Vec<_>>(),
        expected
            .iter()
            .map(|p| p.email.clone().unwrap())
            .collect::<Vec<_>>()
    );
    for (to, subject) in &sent {
        let person = expected
            .iter()
            .find(|p| p.email.as_deref() == Some(to))
            .unwrap();
        let welsh = subject.starts_with("Rydych chi wedi cael eich dewis");
        assert_eq!(welsh, person.language == "cy", "{to}: {subject}");
    }
    let page = client.get(&url).await;
    let phoned = chosen.iter().filter(|p| p.email.is_none()).count();
    if phoned > 0 {
        assert!(page.body.contains("Contact these people yourself"));
        assert!(page.body.contains("Phone call"));
    }
    let page = client.post(&format!("{url}/invite"), &[]).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("The invitations have already been sent"));
    assert_eq!(outbox(&w.app.db).await.len(), sent.len());

    // The audit log has each step, with ids but no names.
    let entries = audit_details(&w.app.db).await;
    let actions: Vec<&str> = entries.iter().map(|(a, _)| a.as_str()).collect();
    for action in [
        "selection.created",
        "selection.quotas_saved",
        "selection.computed",
        "selection.published",
        "selection.drawn",
        "selection.invited",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    for (_, details) in &entries {
        assert!(!details.contains("Person "), "{details}");
        assert!(!details.contains("female"), "{details}");
    }
}
both!(
    fair_chances_a_repeatable_draw_and_invitations_once,
    fair_chances_a_repeatable_draw_and_invitations_once
);

async fn members_officers_and_auditors_cannot_choose(backend: Backend) {
    let w = world(backend).await;
    let mut client = facilitator(&w).await;
    let url = start_group(&w, &mut client).await;
    let org = w.org;
    for who in ["officer", "auditor", "member"] {
        let mut other = w.app.signed_in_client(&format!("{who}@fair.example")).await;
        for path in [
            format!("/organisations/{org}/selections"),
            url.clone(),
            format!("{url}/quotas"),
        ] {
            assert_eq!(other.get(&path).await.status, 403, "{who} {path}");
        }
        assert_eq!(
            other.post(&format!("{url}/quotas"), FEASIBLE).await.status,
            403,
            "{who}"
        );
    }
    // The organisation page links the facilitator here, and not the officer.
    let page = client.get(&format!("/organisations/{org}")).await;
    assert!(page.body.contains("Choose a working group fairly"));
    let mut officer = w.app.signed_in_client("officer@fair.example").await;
    let page = officer.get(&format!("/organisations/{org}")).await;
    assert!(!page.body.contains("Choose a working group fairly"));
}
both!(
    members_officers_and_auditors_cannot_choose,
    members_officers_and_auditors_cannot_choose
);

/// The latest computation of the working group at `url`.
async fn latest_run(w: &World, url: &str) -> selections::RunRow {
    let selection = selection_row(w, url).await;
    let mut conn = w.app.db.acquire().await.unwrap();
    selections::latest_run(&mut conn.ex(), selection.id)
        .await
        .unwrap()
        .unwrap()
}

async fn count_runs(db: &Db, selection: Uuid) -> i64 {
    let sql = "SELECT COUNT(*) FROM selection_runs WHERE selection_id = $1";
    match db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql)
            .bind(selection)
            .fetch_one(pool)
            .await
            .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql)
            .bind(selection)
            .fetch_one(pool)
            .await
            .unwrap(),
    }
}

/// A computation stored as pending, as if one were under way, started `minutes_ago`.
async fn pending_run(db: &Db, selection: Uuid, minutes_ago: i64) -> Option<Uuid> {
    let id = Uuid::now_v7();
    let mut tx = db.begin().await.unwrap();
    let inserted = selections::insert_run(
        &mut tx.ex(),
        selections::NewRun {
            id,
            selection,
            quotas: "",
            problem: b"not a real snapshot",
            pool_size: 0,
            started_by: None,
        },
    )
    .await
    .unwrap();
    if !inserted {
        return None;
    }
    let at = withus::db::now() - time::Duration::minutes(minutes_ago);
    let sql = "UPDATE selection_runs SET created_at = $2 WHERE id = $1";
    withus::on!(tx.ex(), c => sqlx::query(sql).bind(id).bind(at).execute(c).await.unwrap().rows_affected());
    tx.commit().await.unwrap();
    Some(id)
}

async fn rotating_keys_reseals_pool_snapshots(backend: Backend) {
    let w = world(backend).await;
    let mut client = facilitator(&w).await;
    let url = start_group(&w, &mut client).await;
    assert_eq!(
        client.post(&format!("{url}/quotas"), FEASIBLE).await.status,
        303
    );
    assert_eq!(
        client.post(&format!("{url}/compute"), &[]).await.status,
        303
    );
    wait_for_chances(&mut client, &url).await;
    let run = latest_run(&w, &url).await;
    let snapshot = |db: Db| async move {
        let mut conn = db.acquire().await.unwrap();
        selections::all_problems(&mut conn.ex())
            .await
            .unwrap()
            .into_iter()
            .find(|(id, _)| *id == run.id)
            .unwrap()
            .1
    };
    let field = withus::selection::run::problem_field(run.id);
    let old_ring = KeyRing::parse(&w.app.key_spec, None).unwrap();
    let before = snapshot(w.app.db.clone()).await;
    let plain = old_ring.open(&before, field).unwrap();

    let second_key = KeyRing::generate_entry(2);
    let both_keys = KeyRing::parse(&format!("{}\n{second_key}", w.app.key_spec), None).unwrap();
    let rotated = withus::admin::rotate_keys(&w.app.db, &both_keys)
        .await
        .unwrap();
    assert!(
        rotated >= 41,
        "40 people's answers and the snapshot: {rotated}"
    );
    assert_eq!(
        withus::admin::rotate_keys(&w.app.db, &both_keys)
            .await
            .unwrap(),
        0,
        "nothing left under the old key"
    );

    let after = snapshot(w.app.db.clone()).await;
    assert_ne!(after, before);
    assert!(
        old_ring.open(&after, field).is_err(),
        "the old key alone no longer opens it"
    );
    let only_new = KeyRing::parse(&second_key, None).unwrap();
    let reopened = only_new.open(&after, field).unwrap();
    assert_eq!(reopened, plain);
    let problem: serde_json::Value = serde_json::from_str(&reopened).unwrap();
    assert_eq!(problem["people"].as_array().unwrap().len(), 40);
    assert!(
        reopened.contains("female"),
        "the monitoring answers are in it"
    );
}
both!(
    rotating_keys_reseals_pool_snapshots,
    rotating_keys_reseals_pool_snapshots
);

async fn only_one_computation_at_a_time(backend: Backend) {
    let w = world(backend).await;
    let mut client = facilitator(&w).await;
    let url = start_group(&w, &mut client).await;
    assert_eq!(
        client.post(&format!("{url}/quotas"), FEASIBLE).await.status,
        303
    );
    let selection = selection_row(&w, &url).await.id;

    // Many requests at once: exactly one computation starts.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let db = w.app.db.clone();
        tasks.push(tokio::spawn(
            async move { pending_run(&db, selection, 0).await },
        ));
    }
    let mut started = 0;
    for task in tasks {
        started += usize::from(task.await.unwrap().is_some());
    }
    assert_eq!(started, 1, "only one of 8 concurrent starts succeeds");
    assert_eq!(count_runs(&w.app.db, selection).await, 1);

    // While it runs, "work out the chances" is refused with a clear message and shows progress.
    let page = client.get(&url).await;
    assert!(page.body.contains(r#"id="progress""#), "{}", page.body);
    assert!(!page.body.contains("/compute\""), "no button while it runs");
    let page = client.post(&format!("{url}/compute"), &[]).await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(
        page.body
            .contains("The chances are already being worked out")
    );
    assert!(page.body.contains(r#"id="progress""#));
    assert_eq!(count_runs(&w.app.db, selection).await, 1);

    // A computation cut short (say, by a restart) does not block the next for ever.
    let stuck = latest_run(&w, &url).await.id;
    let sql = "UPDATE selection_runs SET created_at = $2 WHERE id = $1";
    let long_ago = withus::db::now() - time::Duration::minutes(11);
    {
        let mut conn = w.app.db.acquire().await.unwrap();
        withus::on!(conn.ex(), c => sqlx::query(sql).bind(stuck).bind(long_ago).execute(c).await.unwrap().rows_affected());
    }
    let page = client.post(&format!("{url}/compute"), &[]).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let page = wait_for_chances(&mut client, &url).await;
    assert!(page.body.contains(r#"id="min-chance""#), "{}", page.body);
    assert_eq!(count_runs(&w.app.db, selection).await, 2);
    let stopped = {
        let mut conn = w.app.db.acquire().await.unwrap();
        selections::find_run(&mut conn.ex(), selection, stuck)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(stopped.status.as_str(), "failed");
    assert_eq!(latest_run(&w, &url).await.status.as_str(), "done");
}
both!(
    only_one_computation_at_a_time,
    only_one_computation_at_a_time
);
