//! Public accountability: the page and the open data agree figure for figure, publish nothing
//! personal, filter by `modified_since`, and a snapshot is kept once a day.

use std::collections::BTreeMap;

use time::format_description::well_known::Rfc3339;
use time::macros::date;
use time::{Date, Duration};
use uuid::Uuid;
use withus::contributions::Channel;
use withus::db::Tx;
use withus::engagements::domain::{Bilingual, Commitment, CommitmentStatus, Rung, StatusChange};
use withus::identity::StaffActor;
use withus::recommendations::domain::{Decided, NewRecommendation};
use withus::recommendations::{Delivery, Priority, commands as recommendations};
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::events::world;
use crate::helpers::{Backend, Client, TestApp, spawn_app, spawn_app_without_demo};

fn today() -> Date {
    withus::db::now().date()
}

fn actor(org: Uuid) -> StaffActor {
    StaffActor {
        account: None,
        organisation: org,
    }
}

fn new_recommendation(title: &str, due_on: Date) -> NewRecommendation {
    NewRecommendation {
        title_en: title.into(),
        title_cy: String::new(),
        body_en: "What should change.".into(),
        body_cy: String::new(),
        easy_read: String::new(),
        addressed_to: "Adult social care".into(),
        owner_organisation: "Eventown Council".into(),
        owner_role: "Director of adult services".into(),
        lead_name: "Lee Leadname".into(),
        due_on,
        priority: Priority::High,
    }
}

async fn propose(app: &TestApp, org: Uuid, engagement: Uuid, title: &str, due_on: Date) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let row = withus::engagements::find(&mut tx.ex(), engagement)
        .await
        .unwrap()
        .unwrap();
    let id = recommendations::propose(
        &mut tx.ex(),
        actor(org),
        &row,
        &new_recommendation(title, due_on),
        &[],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn decide(app: &TestApp, org: Uuid, id: Uuid, decided: Decided) {
    let mut tx = app.db.begin().await.unwrap();
    recommendations::decide(&mut tx.ex(), &app.state, actor(org), id, &decided)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn deliver(app: &TestApp, org: Uuid, id: Uuid, delivery: Delivery) {
    let mut tx = app.db.begin().await.unwrap();
    recommendations::set_delivery(&mut tx.ex(), &app.state, actor(org), id, delivery, today())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn commitment(tx: &mut Tx, org: Uuid, engagement: Uuid, status: CommitmentStatus) {
    let by = actor(org);
    let id = withus::engagements::commands::add_commitment(
        &mut tx.ex(),
        by,
        engagement,
        &Commitment {
            statement: Bilingual::new("We will do it", ""),
            owner: "Director".into(),
            due_on: date!(2026 - 03 - 01),
            target: Bilingual::default(),
        },
    )
    .await
    .unwrap();
    withus::engagements::commands::change_status(
        &mut tx.ex(),
        by,
        engagement,
        id,
        &StatusChange {
            status,
            evidence: "Minutes of the board".into(),
            explanation: Bilingual::new("Said at the board", ""),
        },
    )
    .await
    .unwrap();
}

/// Every `data-figure` on the page with its `data-value`.
pub(crate) fn figures_in_html(body: &str) -> BTreeMap<String, String> {
    let pattern = regex::Regex::new(r#"data-figure="([^"]+)" data-value="([^"]*)""#).unwrap();
    pattern
        .captures_iter(body)
        .map(|c| (c[1].to_owned(), c[2].to_owned()))
        .collect()
}

/// The cells of a CSV document (RFC 4180 quoting).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

pub(crate) fn figures_in_csv(text: &str) -> BTreeMap<String, String> {
    let rows = csv_rows(text);
    assert_eq!(rows[0], ["id", "section", "label", "value", "definition"]);
    rows[1..]
        .iter()
        .map(|r| (r[0].clone(), r[3].clone()))
        .collect()
}

pub(crate) fn figures_in_json(text: &str) -> BTreeMap<String, String> {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    value["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let shown = match &f["value"] {
                serde_json::Value::Null => String::new(),
                other => other.as_i64().unwrap().to_string(),
            };
            (f["id"].as_str().unwrap().to_owned(), shown)
        })
        .collect()
}

async fn text(client: &mut Client, path: &str) -> String {
    let page = client.get(path).await;
    assert_eq!(page.status, 200, "{path}: {}", page.body);
    page.body
}

async fn the_page_and_the_downloads_agree_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let org = world.org;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();

    // A finished engagement with a commitment kept, one partly kept and one broken; its report's
    // day has passed with no report. The world's engagement has one commitment not yet marked.
    let mut tx = app.db.begin().await.unwrap();
    let finished = crate::engagements::published(
        &mut tx,
        org,
        "Day services review",
        Rung::Consult,
        date!(2026 - 06 - 30),
    )
    .await;
    for status in [
        CommitmentStatus::Kept,
        CommitmentStatus::PartlyKept,
        CommitmentStatus::Broken,
    ] {
        commitment(&mut tx, org, finished, status).await;
    }
    // Three contributions to the open engagement: one answered, one long overdue, one waiting.
    let mut contributions = Vec::new();
    for words in ["Ramps please", "Quieter rooms", "Earlier papers"] {
        contributions.push(
            withus::contributions::fixtures::contribution(
                &mut tx.ex(),
                &keys,
                world.engagement,
                None,
                Channel::Letter,
                words,
                false,
            )
            .await
            .unwrap(),
        );
    }
    withus::contributions::fixtures::received_at(
        &mut tx.ex(),
        contributions[1],
        withus::db::now() - Duration::days(60),
    )
    .await
    .unwrap();
    let engagement = withus::engagements::find(&mut tx.ex(), world.engagement)
        .await
        .unwrap()
        .unwrap();
    withus::contributions::commands::acknowledge(
        &mut tx.ex(),
        &app.state,
        actor(org),
        &engagement,
        &contributions[..1],
        "Thank you: the ramps are ordered.",
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // Recommendations in every decision, one accepted and overdue, one implemented.
    let future = today() + Duration::days(90);
    propose(&app, org, world.engagement, "Not decided yet", future).await;
    let overdue = propose(
        &app,
        org,
        world.engagement,
        "Step-free venues",
        date!(2026 - 01 - 05),
    )
    .await;
    decide(&app, org, overdue, Decided::Accepted).await;
    deliver(&app, org, overdue, Delivery::InProgress).await;
    let rejected = propose(&app, org, world.engagement, "Free taxis", future).await;
    decide(
        &app,
        org,
        rejected,
        Decided::Rejected {
            reason: "No budget this year".into(),
        },
    )
    .await;
    let in_part = propose(&app, org, world.engagement, "Papers a week ahead", future).await;
    decide(
        &app,
        org,
        in_part,
        Decided::AcceptedInPart {
            part: "Five working days".into(),
        },
    )
    .await;
    deliver(&app, org, in_part, Delivery::Implemented).await;

    let mut visitor = app.client();
    let base = format!("/accountability/{org}");
    let page = text(&mut visitor, &base).await;
    let csv = text(&mut visitor, &format!("{base}/figures.csv")).await;
    let json = text(&mut visitor, &format!("{base}/figures.json")).await;
    let (html, csv, json) = (
        figures_in_html(&page),
        figures_in_csv(&csv),
        figures_in_json(&json),
    );
    assert!(html.len() > 30, "{html:?}");
    assert_eq!(html, csv, "the page and the CSV agree");
    assert_eq!(html, json, "the page and the JSON agree");

    let expected = [
        ("engagements.published", "2"),
        ("engagements.finished", "1"),
        ("engagements.rung.involve", "1"),
        ("engagements.rung.consult", "1"),
        ("engagements.rung.co_produce", "0"),
        ("commitments.made", "4"),
        ("commitments.kept", "1"),
        ("commitments.partly_kept", "1"),
        ("commitments.broken", "1"),
        ("commitments.not_yet_marked", "1"),
        ("recommendations.made", "4"),
        ("recommendations.decision.proposed", "1"),
        ("recommendations.decision.accepted", "1"),
        ("recommendations.decision.accepted_in_part", "1"),
        ("recommendations.decision.rejected", "1"),
        ("recommendations.delivery.not_started", "0"),
        ("recommendations.delivery.in_progress", "1"),
        ("recommendations.delivery.implemented", "1"),
        ("recommendations.overdue", "1"),
        ("recommendations.verification.waiting", "1"),
        ("recommendations.verification.verified", "0"),
        ("contributions.received", "3"),
        ("contributions.acknowledged", "1"),
        ("contributions.acknowledged_on_time", "1"),
        ("contributions.waiting", "1"),
        ("contributions.overdue", "1"),
        ("contributions.median_working_days_to_acknowledge", "0"),
        ("reports.missing", "1"),
        ("reports.not_yet_due", "1"),
        ("reports.on_time", "0"),
    ];
    for (id, value) in expected {
        assert_eq!(html.get(id).map(String::as_str), Some(value), "{id}");
    }
    // The overdue recommendation is listed, highlighted, with its owner and a link.
    assert!(
        page.contains(&format!("href=\"/recommendations/{overdue}\"")),
        "{page}"
    );
    assert!(page.contains("Step-free venues"));
    assert!(page.contains("govuk-tag--red"));
    assert!(page.contains("Eventown Council, Director of adult services"));
    // Charts are images with a title and description, beside their tables.
    assert!(page.contains(
        "role=\"img\" aria-labelledby=\"chart-engagements-title chart-engagements-desc\""
    ));
    // Welsh readers get the same figures.
    let mut welsh = app.client();
    welsh.get("/language?to=cy&return=/").await;
    let cy = text(&mut welsh, &base).await;
    assert!(cy.contains("lang=\"cy\""), "the page is in Welsh");
    assert_eq!(figures_in_html(&cy), html);

    // The overdue recommendation's link leads to its public page, and the engagement's public
    // page leads here.
    assert_eq!(
        visitor
            .get(&format!("/recommendations/{overdue}"))
            .await
            .status,
        200
    );
    let engagement_page = text(&mut visitor, &format!("/engagements/{}", world.engagement)).await;
    assert!(engagement_page.contains(&format!("href=\"/accountability/{org}\"")));

    // Unknown and malformed organisations are not found.
    assert_eq!(
        visitor
            .get(&format!("/accountability/{}", Uuid::now_v7()))
            .await
            .status,
        404
    );
    assert_eq!(
        visitor
            .get("/accountability/not-an-id/figures.csv")
            .await
            .status,
        404
    );
}
both!(
    the_page_and_the_downloads_agree,
    the_page_and_the_downloads_agree_body
);

async fn no_personal_data_is_published_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut conn = app.db.acquire().await.unwrap();
    let organisations = withus::organisations::list(&mut conn.ex()).await.unwrap();
    let people: Vec<(String, Option<String>)> = {
        let sql = "SELECT display_name, email FROM people";
        match &mut conn.ex() {
            withus::db::Ex::Sqlite(c) => sqlx::query_as(sql).fetch_all(&mut **c).await,
            withus::db::Ex::Postgres(c) => sqlx::query_as(sql).fetch_all(&mut **c).await,
        }
        .unwrap()
    };
    drop(conn);
    let mut personal: Vec<String> = people
        .into_iter()
        .flat_map(|(name, email)| [Some(name), email])
        .flatten()
        .filter(|s| s.trim().len() > 3)
        .collect();
    // The named leads of the demo's recommendations are left out too.
    let mut conn = app.db.acquire().await.unwrap();
    let mut demo_recommendations = 0;
    for organisation in &organisations {
        let listed = withus::recommendations::public_of_organisation(
            &mut conn.ex(),
            organisation.id,
            today(),
        )
        .await
        .unwrap();
        demo_recommendations += listed.len();
        personal.extend(
            listed
                .into_iter()
                .map(|r| r.row.lead_name)
                .filter(|name| name.trim().len() > 3),
        );
    }
    drop(conn);
    assert!(demo_recommendations > 0, "the demo has recommendations");
    assert!(personal.len() > 10, "the demo has people: {personal:?}");

    // A recommendation on a demo engagement, so the downloads have rows to scan.
    let with_engagement = {
        let mut found = None;
        let mut conn = app.db.acquire().await.unwrap();
        for organisation in &organisations {
            let engagements = withus::engagements::of_organisation(&mut conn.ex(), organisation.id)
                .await
                .unwrap();
            if let Some(e) = engagements
                .iter()
                .find(|e| e.published && e.organisation_id == organisation.id)
            {
                found = Some((organisation.id, e.id));
                break;
            }
        }
        found.expect("a demo organisation with a published engagement")
    };
    let id = propose(
        &app,
        with_engagement.0,
        with_engagement.1,
        "Accessible toilets at every venue",
        today() + Duration::days(30),
    )
    .await;
    decide(&app, with_engagement.0, id, Decided::Accepted).await;

    let mut visitor = app.client();
    let mut scanned = 0;
    for organisation in &organisations {
        let base = format!("/accountability/{}", organisation.id);
        for path in [
            String::new(),
            "/figures.csv".into(),
            "/figures.json".into(),
            "/recommendations.csv".into(),
            "/recommendations.json".into(),
            "/recommendation-history.csv".into(),
            "/data".into(),
            "/README.md".into(),
        ] {
            let body = text(&mut visitor, &format!("{base}{path}")).await;
            for item in &personal {
                assert!(!body.contains(item.as_str()), "{base}{path} shows {item:?}");
            }
            assert!(
                !body.contains("Lee Leadname"),
                "{base}{path} names the lead"
            );
            scanned += 1;
        }
    }
    assert!(scanned >= 8);
    let recommendations = text(
        &mut visitor,
        &format!("/accountability/{}/recommendations.csv", with_engagement.0),
    )
    .await;
    assert!(recommendations.contains("Accessible toilets at every venue"));
}
both!(
    no_personal_data_is_published,
    no_personal_data_is_published_body
);

async fn modified_since_filters_and_bad_values_are_refused_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let org = world.org;
    let future = today() + Duration::days(60);
    let first = propose(&app, org, world.engagement, "First recommendation", future).await;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let between = withus::db::now().format(&Rfc3339).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let second = propose(&app, org, world.engagement, "Second recommendation", future).await;

    let mut visitor = app.client();
    let base = format!("/accountability/{org}");
    let ids =
        |text: &str| -> Vec<String> { csv_rows(text)[1..].iter().map(|r| r[0].clone()).collect() };
    let all = text(&mut visitor, &format!("{base}/recommendations.csv")).await;
    assert_eq!(ids(&all), [first.to_string(), second.to_string()]);
    let since = text(
        &mut visitor,
        &format!("{base}/recommendations.csv?modified_since={between}"),
    )
    .await;
    assert_eq!(ids(&since), [second.to_string()]);
    let history = text(
        &mut visitor,
        &format!("{base}/recommendation-history.csv?modified_since={between}"),
    )
    .await;
    assert_eq!(
        ids(&history),
        [second.to_string()],
        "only the second's proposal"
    );
    let json = text(
        &mut visitor,
        &format!("{base}/recommendations.json?modified_since={between}"),
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let listed = json["recommendations"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], second.to_string());
    assert_eq!(listed[0]["history"][0]["kind"], "proposed");
    assert!(listed[0]["milestones"].as_array().unwrap().is_empty());
    assert!(listed[0].get("lead_name").is_none());
    // The JSON has the CSV's fields, and the history and milestones.
    let header = &csv_rows(&all)[0];
    let mut keys: Vec<&String> = listed[0].as_object().unwrap().keys().collect();
    keys.retain(|k| *k != "history" && *k != "milestones");
    let mut columns: Vec<&String> = header.iter().collect();
    keys.sort();
    columns.sort();
    assert_eq!(keys, columns);

    // A decision on the first brings it back into the filtered list.
    decide(&app, org, first, Decided::Accepted).await;
    let since = text(
        &mut visitor,
        &format!("{base}/recommendations.csv?modified_since={between}"),
    )
    .await;
    assert_eq!(ids(&since), [first.to_string(), second.to_string()]);
    // A day is accepted too.
    let since_day = text(
        &mut visitor,
        &format!("{base}/recommendations.csv?modified_since=2001-01-01"),
    )
    .await;
    assert_eq!(ids(&since_day).len(), 2);
    let later = text(
        &mut visitor,
        &format!("{base}/recommendations.csv?modified_since=2999-01-01"),
    )
    .await;
    assert!(ids(&later).is_empty());

    for bad in ["yesterday", "2026-13-01", "01/12/2026"] {
        for file in [
            "recommendations.csv",
            "recommendations.json",
            "recommendation-history.csv",
        ] {
            let refused = visitor
                .get(&format!("{base}/{file}?modified_since={bad}"))
                .await;
            assert_eq!(refused.status, 400, "{file} {bad}");
            assert!(
                refused.body.contains("2026-12-01T09:30:00Z")
                    && refused.body.contains("2026-12-01"),
                "says the forms accepted: {}",
                refused.body
            );
        }
    }
}
both!(
    modified_since_filters_and_bad_values_are_refused,
    modified_since_filters_and_bad_values_are_refused_body
);

async fn a_snapshot_is_taken_once_a_day_and_served_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    // An organisation with nothing published keeps no snapshot.
    let mut tx = app.db.begin().await.unwrap();
    crate::helpers::create_organisation(
        &mut tx.ex(),
        "Quiet Council",
        withus::organisations::domain::OrganisationKind::Council,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let day = today();
    assert_eq!(
        withus::accountability::take_snapshots(&app.db, day)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        withus::accountability::take_snapshots(&app.db, day)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM accountability_snapshots")
            .await,
        1
    );

    let mut visitor = app.client();
    let base = format!("/accountability/{}", world.org);
    let figures: serde_json::Value =
        serde_json::from_str(&text(&mut visitor, &format!("{base}/figures.json")).await).unwrap();
    for path in [
        format!("{base}/snapshots/{day}.json"),
        format!("{base}/snapshots/latest.json"),
    ] {
        let kept: serde_json::Value =
            serde_json::from_str(&text(&mut visitor, &path).await).unwrap();
        assert_eq!(kept, figures, "{path}");
    }
    let missing = visitor
        .get(&format!("{base}/snapshots/2001-01-01.json"))
        .await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("There is no snapshot for that day"),
        "{}",
        missing.body
    );
    assert_eq!(
        visitor
            .get(&format!("{base}/snapshots/yesterday.json"))
            .await
            .status,
        404
    );
    assert_eq!(
        visitor
            .get(&format!("{base}/snapshots/{day}.csv"))
            .await
            .status,
        404
    );

    // The README lists every file, as a page and as Markdown.
    let readme = text(&mut visitor, &format!("{base}/data")).await;
    let markdown = visitor.get(&format!("{base}/README.md")).await;
    assert_eq!(markdown.status, 200);
    assert!(
        markdown
            .content_type
            .as_deref()
            .unwrap_or_default()
            .starts_with("text/markdown")
    );
    for field in [
        "recommendation-history.csv",
        "modified_since",
        "evidence_link",
        "owner_role",
    ] {
        assert!(readme.contains(field), "the page lists {field}");
        assert!(markdown.body.contains(field), "the Markdown lists {field}");
    }
}
both!(
    a_snapshot_is_taken_once_a_day_and_served,
    a_snapshot_is_taken_once_a_day_and_served_body
);
