//! Monitoring questions, population figures and diversity at a glance: counts come from the blind
//! index, small numbers are suppressed, and the page says who is missing.

use regex::Regex;
use uuid::Uuid;
use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{ContactMethod, EntryRoute, MembershipStatus, Monitoring};
use withus::register::fixtures as storage;
use withus::register::{profile, questions};
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};

const ORG: &str = "Diversity Forum";

struct Seeded {
    app: TestApp,
    org: Uuid,
    panel: Uuid,
    keys: KeyRing,
}

async fn start(backend: Backend) -> Seeded {
    let app = spawn_app_without_demo(backend).await;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let org = crate::helpers::create_organisation(&mut tx.ex(), ORG, OrganisationKind::Dpo)
        .await
        .unwrap();
    let panel = storage::create_panel(&mut tx.ex(), org, "Access Panel", "", true)
        .await
        .unwrap();
    storage::create_panel(&mut tx.ex(), org, "Quiet Panel", "", false)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (name, role) in [
        ("admin", "organisation_admin"),
        ("auditor", "auditor"),
        ("member", "member"),
    ] {
        create_user(
            &app.db,
            NewUser {
                email: &format!("{name}@diversity.example"),
                name,
                password: "diversity password 2026",
                site_admin: false,
                membership: Some((ORG, role)),
            },
        )
        .await
        .unwrap();
    }
    Seeded {
        app,
        org,
        panel,
        keys,
    }
}

/// Adds a person to the panel with these monitoring answers, written to the blind index only.
async fn add_person(
    seeded: &Seeded,
    n: usize,
    status: MembershipStatus,
    answers: &[(&str, &str)],
) -> Uuid {
    let mut tx = seeded.app.db.begin().await.unwrap();
    let person = storage::create_person(
        &mut tx.ex(),
        storage::NewPerson {
            account_id: None,
            display_name: &format!("Person {n}"),
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
    storage::set_membership(&mut tx.ex(), seeded.panel, person, status)
        .await
        .unwrap();
    let mut monitoring = Monitoring::default();
    for (question, answer) in answers {
        monitoring
            .answers
            .entry((*question).to_owned())
            .or_default()
            .push((*answer).to_owned());
    }
    storage::set_monitoring_tokens(
        &mut tx.ex(),
        person,
        &profile::monitoring_tokens(&seeded.keys, &monitoring),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    person
}

/// 40 active people: 17 female, 10 male, 3 "prefer not to say", 10 who did not answer about sex;
/// all White British. Three paused members (who must not be counted) are female.
async fn seed_forty(seeded: &Seeded) {
    for n in 0..40 {
        let sex = match n {
            0..17 => Some("female"),
            17..27 => Some("male"),
            27..30 => Some("prefer_not_to_say"),
            _ => None,
        };
        let mut answers = vec![("ethnic_group", "white_british")];
        answers.extend(sex.map(|s| ("sex", s)));
        add_person(seeded, n, MembershipStatus::Active, &answers).await;
    }
    for n in 40..43 {
        add_person(seeded, n, MembershipStatus::Paused, &[("sex", "female")]).await;
    }
}

/// The text of each cell in the row labelled `label` of a question's table.
fn row(body: &str, question: &str, label: &str) -> Vec<String> {
    let start = body
        .find(&format!("id=\"table-{question}\""))
        .unwrap_or_else(|| panic!("no table for {question}"));
    let table = &body[start..start + body[start..].find("</table>").unwrap()];
    let rows = Regex::new(r#"(?s)<th scope="row"[^>]*>(.*?)</th>(.*?)</tr>"#).unwrap();
    let cell = Regex::new(r"(?s)<td[^>]*>(.*?)</td>").unwrap();
    let tags = Regex::new(r"<[^>]+>").unwrap();
    rows.captures_iter(table)
        .find(|c| tags.replace_all(&c[1], "").trim() == label)
        .map(|c| {
            cell.captures_iter(&c[2])
                .map(|d| d[1].trim().to_owned())
                .collect()
        })
        .unwrap_or_else(|| panic!("no row {label} in {question}: {table}"))
}

/// Every plain count shown in a table cell.
fn counts_shown(body: &str) -> Vec<i64> {
    Regex::new(r#"govuk-table__cell--numeric[^"]*">(\d+)</td>"#)
        .unwrap()
        .captures_iter(body)
        .map(|c| c[1].parse().unwrap())
        .collect()
}

async fn admin(seeded: &Seeded) -> Client {
    seeded.app.signed_in_client("admin@diversity.example").await
}

async fn counts_are_rounded_small_cells_suppressed_and_missing_groups_listed(backend: Backend) {
    let seeded = start(backend).await;
    seed_forty(&seeded).await;
    let org = seeded.org;
    let mut admin = admin(&seeded).await;
    let loaded = admin
        .post(&format!("/organisations/{org}/benchmarks/defaults"), &[])
        .await;
    assert_eq!(loaded.status, 303);

    let page = admin.get(&format!("/organisations/{org}/diversity")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let body = &page.body;
    // Only the 40 active members count; paused members do not.
    assert!(body.contains(r#"id="active-members">40<"#), "{body}");
    assert!(body.contains(r#"id="answered">40<"#));

    // 17 female shows as 15, and 15 of 40 is 37.5%.
    assert_eq!(row(body, "sex", "Female")[..2], ["15", "37.5%"]);
    // The 3 who preferred not to say are suppressed...
    assert_eq!(row(body, "sex", "Prefer not to say")[0], "fewer than 10");
    // ...and so is the next-smallest cell, or 40 - 17 - 10 - 10 would give the 3 away.
    assert_eq!(
        row(body, "sex", "Male")[..2],
        ["fewer than 10", "Not shown"]
    );
    assert_eq!(row(body, "sex", "Not answered")[..2], ["10", "25.0%"]);

    // No count under 10 is shown anywhere, and every count is a multiple of 5.
    let shown = counts_shown(body);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|n| *n >= 10 && n % 5 == 0), "{shown:?}");

    // Who is missing, in plain words, with the population share.
    assert!(
        body.contains(
            "Black, Black British, Black Welsh, Caribbean or African (all groups): 4.0% of the population, fewer than 10 people on the panel."
        ),
        "{body}"
    );
    // A group with a figure is listed once, not again for each of its answers.
    assert!(!body.contains("Asian, Asian British or Asian Welsh: Indian: 3.1%"));
    // Nobody answered about gender identity, so no one is said to be missing from it.
    assert!(!body.contains("Yes: 93.5% of the population"));
    // Those well represented are not.
    assert!(!body.contains("White: English, Welsh, Scottish, Northern Irish or British: 74.4%"));
    assert_eq!(
        row(
            body,
            "ethnic_group",
            "White: English, Welsh, Scottish, Northern Irish or British"
        )[..3],
        ["40", "100.0%", "74.4%"]
    );
    // The chart is an image with a name and description, and says what each bar is in words.
    assert!(body.contains(r#"role="img" aria-labelledby="chart-sex-title chart-sex-desc""#));
    assert!(body.contains("Panel: fewer than 10 people"));
    assert!(body.contains("Population: 4.0%"));

    // Another panel of the organisation has nobody on it.
    let other = {
        let mut conn = seeded.app.db.acquire().await.unwrap();
        storage::panels_of(&mut conn.ex(), org)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.id != seeded.panel)
            .unwrap()
            .id
    };
    let quiet = admin
        .get(&format!("/organisations/{org}/diversity?panel={other}"))
        .await;
    assert_eq!(quiet.status, 200);
    assert!(quiet.body.contains(r#"id="active-members">fewer than 10<"#));
    assert!(counts_shown(&quiet.body).is_empty());
    // A panel of some other organisation is not found here.
    let stranger = admin
        .get(&format!(
            "/organisations/{org}/diversity?panel={}",
            Uuid::now_v7()
        ))
        .await;
    assert_eq!(stranger.status, 404);
}
both!(
    counts_are_rounded_small_cells_suppressed_and_missing_groups_listed,
    counts_are_rounded_small_cells_suppressed_and_missing_groups_listed
);

async fn auditors_see_the_page_and_members_do_not(backend: Backend) {
    let seeded = start(backend).await;
    seed_forty(&seeded).await;
    let org = seeded.org;
    let mut auditor = seeded
        .app
        .signed_in_client("auditor@diversity.example")
        .await;
    let page = auditor
        .get(&format!("/organisations/{org}/diversity"))
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("No population figures have been set yet")
    );
    // The organisation page links to it, but not to the admin pages.
    let overview = auditor.get(&format!("/organisations/{org}")).await;
    assert!(
        overview
            .body
            .contains(&format!("/organisations/{org}/diversity"))
    );
    assert!(
        !overview
            .body
            .contains(&format!("/organisations/{org}/questions"))
    );
    assert_eq!(
        auditor
            .get(&format!("/organisations/{org}/questions"))
            .await
            .status,
        403
    );
    let mut member = seeded
        .app
        .signed_in_client("member@diversity.example")
        .await;
    assert_eq!(
        member
            .get(&format!("/organisations/{org}/diversity"))
            .await
            .status,
        403
    );
    let overview = admin(&seeded)
        .await
        .get(&format!("/organisations/{org}"))
        .await;
    for page in ["diversity", "questions", "benchmarks"] {
        assert!(
            overview
                .body
                .contains(&format!("/organisations/{org}/{page}\""))
        );
    }
}
both!(
    auditors_see_the_page_and_members_do_not,
    auditors_see_the_page_and_members_do_not
);

async fn a_custom_question_is_counted_and_its_answers_can_be_changed(backend: Backend) {
    let seeded = start(backend).await;
    let org = seeded.org;
    let mut admin = admin(&seeded).await;

    let missing_welsh = admin
        .post(
            &format!("/organisations/{org}/questions/new"),
            &[
                ("text_en", "How do you usually travel?"),
                ("text_cy", ""),
                ("multiple", "one"),
                ("category", "identity"),
                ("answers", "Bus | Bws\nTrain"),
            ],
        )
        .await;
    assert_eq!(missing_welsh.status, 422);
    assert!(missing_welsh.body.contains("govuk-error-summary"));
    assert!(missing_welsh.body.contains("Enter the question in Welsh"));
    assert!(
        missing_welsh
            .body
            .contains("Line 2 of the answers must have an English and a Welsh answer")
    );

    let added = admin
        .post(
            &format!("/organisations/{org}/questions/new"),
            &[
                ("text_en", "How do you usually travel?"),
                ("text_cy", "Sut ydych chi'n teithio fel arfer?"),
                ("multiple", "one"),
                ("category", "identity"),
                ("answers", "Bus | Bws\nTrain | Trên\nCar | Car"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let question = {
        let mut conn = seeded.app.db.acquire().await.unwrap();
        questions::list(&mut conn.ex(), org, true)
            .await
            .unwrap()
            .into_iter()
            .find(|q| q.text_en == "How do you usually travel?")
            .expect("the question was added")
    };
    assert_eq!(question.code, "how_do_you_usually_travel");
    let codes: Vec<&str> = question.options.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes, ["bus", "train", "car"]);
    let list = admin.get(&format!("/organisations/{org}/questions")).await;
    assert!(list.body.contains("How do you usually travel?"));

    for n in 0..12 {
        add_person(
            &seeded,
            n,
            MembershipStatus::Active,
            &[("how_do_you_usually_travel", "bus")],
        )
        .await;
    }
    let page = admin.get(&format!("/organisations/{org}/diversity")).await;
    assert!(page.body.contains("How do you usually travel?"));
    assert_eq!(row(&page.body, "how_do_you_usually_travel", "Bus")[0], "10");

    // Rename Bus (its code stays, so the 12 answers stay with it), stop offering Car, add Bicycle.
    let path = format!("/organisations/{org}/questions/{}", question.id);
    let form = |bus: &'static str| {
        vec![
            ("text_en", "How do you usually travel?"),
            ("text_cy", "Sut ydych chi'n teithio fel arfer?"),
            ("hint_en", ""),
            ("hint_cy", ""),
            ("answer-bus-en", bus),
            ("answer-bus-cy", "Bws moethus"),
            ("answer-train-en", "Train"),
            ("answer-train-cy", "Trên"),
            ("answer-car-en", "Car"),
            ("answer-car-cy", "Car"),
            ("hidden", "car"),
            ("new_answers", "Bicycle | Beic"),
            ("active", "yes"),
        ]
    };
    let blank = admin.post(&path, &form("")).await;
    assert_eq!(blank.status, 422);
    assert!(
        blank
            .body
            .contains("Enter the English words for the answer Bus")
    );
    let edit = admin.get(&path).await;
    assert_eq!(edit.status, 200);
    assert!(edit.body.contains(r#"name="answer-bus-en""#));
    let saved = admin.post(&path, &form("Coach")).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = admin.get(&format!("/organisations/{org}/diversity")).await;
    assert_eq!(
        row(&page.body, "how_do_you_usually_travel", "Coach")[0],
        "10"
    );
    assert!(row(&page.body, "how_do_you_usually_travel", "Bicycle")[0] == "fewer than 10");
    row(
        &page.body,
        "how_do_you_usually_travel",
        "Car (no longer offered)",
    );
    let changed = {
        let mut conn = seeded.app.db.acquire().await.unwrap();
        questions::list(&mut conn.ex(), org, true)
            .await
            .unwrap()
            .into_iter()
            .find(|q| q.id == question.id)
            .unwrap()
    };
    let offered: Vec<&str> = changed.options.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(offered, ["bus", "train", "bicycle"]);
    assert_eq!(changed.hidden_options[0].code, "car");

    // Switched off, it is no longer asked, so no longer counted.
    let mut off = form("Coach");
    off.retain(|(k, _)| *k != "active" && *k != "new_answers");
    off.push(("active", "no"));
    off.push(("answer-bicycle-en", "Bicycle"));
    off.push(("answer-bicycle-cy", "Beic"));
    assert_eq!(admin.post(&path, &off).await.status, 303);
    let page = admin.get(&format!("/organisations/{org}/diversity")).await;
    assert!(!page.body.contains("How do you usually travel?"));
    for action in ["question.created", "question.updated"] {
        let sql: &'static str = Box::leak(
            format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'").into_boxed_str(),
        );
        assert!(seeded.app.scalar_i64(sql).await >= 1, "{action}");
    }
}
both!(
    a_custom_question_is_counted_and_its_answers_can_be_changed,
    a_custom_question_is_counted_and_its_answers_can_be_changed
);

async fn benchmarks_are_validated_and_defaults_load(backend: Backend) {
    let seeded = start(backend).await;
    let org = seeded.org;
    let mut admin = admin(&seeded).await;
    let path = format!("/organisations/{org}/benchmarks");
    let form = admin.get(&path).await;
    assert_eq!(form.status, 200);
    assert!(
        form.body
            .contains(r#"id="share-sexual_orientation-straight""#)
    );

    let invalid = admin
        .post(
            &path,
            &[
                ("share-sexual_orientation-straight", "95"),
                ("share-sexual_orientation-gay_lesbian", "10"),
                ("share-gender_identity-yes", "most"),
                ("share-age_band-16_24", "101"),
                ("share-sex-female", "50.125"),
            ],
        )
        .await;
    assert_eq!(invalid.status, 422);
    let body = &invalid.body;
    assert!(body.contains("govuk-error-summary"));
    assert!(body.contains("add up to 105.0%. They must add up to 100% or less"));
    assert!(body.contains("Enter the share for Yes as a number, like 17.7"));
    assert!(body.contains("The share for 16 to 24 must be between 0 and 100"));
    assert!(body.contains("The share for Female must have no more than 2 decimal places"));
    // What was typed is kept.
    assert!(body.contains(r#"value="most""#));
    let none = seeded
        .app
        .scalar_i64("SELECT COUNT(*) FROM population_benchmarks")
        .await;
    assert_eq!(none, 0);

    let saved = admin
        .post(
            &path,
            &[
                ("share-sexual_orientation-straight", "89.4"),
                (
                    "source-sexual_orientation-straight",
                    "Our area survey, 2025",
                ),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    assert_eq!(
        seeded
            .app
            .scalar_i64("SELECT share_basis_points FROM population_benchmarks WHERE option_code = 'straight'")
            .await,
        8940
    );

    let loaded = admin.post(&format!("{path}/defaults"), &[]).await;
    assert_eq!(loaded.status, 303);
    assert_eq!(
        seeded
            .app
            .scalar_i64("SELECT COUNT(*) FROM population_benchmarks")
            .await,
        20
    );
    let form = admin.get(&path).await;
    let body = &form.body;
    assert!(body.contains(r#"id="share-ethnic_group-white_british" name="share-ethnic_group-white_british" type="text" inputmode="decimal" spellcheck="false" value="74.4""#));
    assert!(body.contains(r#"id="share-ethnic_group-group-black" name="share-ethnic_group-group-black" type="text" inputmode="decimal" spellcheck="false" value="4.0""#));
    assert!(body.contains(r#"id="share-age_band-group-65_plus" name="share-age_band-group-65_plus" type="text" inputmode="decimal" spellcheck="false" value="18.6""#));
    // Figures the reference flags are marked for checking.
    assert!(body.contains("To check: the ONS headline figure."));
    for action in ["benchmarks.updated", "benchmarks.defaults_loaded"] {
        let sql: &'static str = Box::leak(
            format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}'").into_boxed_str(),
        );
        assert_eq!(seeded.app.scalar_i64(sql).await, 1, "{action}");
    }
}
both!(
    benchmarks_are_validated_and_defaults_load,
    benchmarks_are_validated_and_defaults_load
);
