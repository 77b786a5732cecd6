//! What each engagement has cost, on both databases: payments for time approved or paid,
//! expenses approved or paid and access costs add up per engagement against its budget; a warning
//! when approving the payments due would overspend it, on the spend page and the approvals page,
//! and none when it would not; the CSV and XLSX exports have a row for each payment and expense
//! line, naming people only for finance officers, and each download is on record; and the
//! accountability page publishes totals only, hiding them below 10 people.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use time::Duration;
use uuid::Uuid;
use withus::identity::StaffActor;
use withus::payments::expenses::commands as expense_commands;
use withus::payments::expenses::domain::{Claimed, ExpenseKind, NewLine, Receipt, ReceiptType};
use withus::payments::expenses::{ClaimChannel, NewClaim};
use withus::payments::money::Pence;
use withus::payments::offers::{self, Covered};

use crate::accountability::{figures_in_csv, figures_in_html, figures_in_json};
use crate::both;
use crate::events::{World, add_event, people};
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};
use crate::payments::{FINANCE, approve, due, paying_world};

const AUDITOR: &str = "auditor@eventown.example";

async fn finance_account(app: &TestApp) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::accounts::fixtures::find_by_email(&mut conn.ex(), FINANCE)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn set_budget(app: &TestApp, world: &World, pence: i64) {
    let mut tx = app.db.begin().await.unwrap();
    let engagement = withus::engagements::find(&mut tx.ex(), world.engagement)
        .await
        .unwrap()
        .unwrap();
    offers::commands::set_offer(
        &mut tx.ex(),
        StaffActor {
            account: None,
            organisation: world.org,
        },
        &engagement,
        &offers::domain::NewOffer {
            rate_name: Some("Public contributor".into()),
            pays_events: true,
            survey_minutes: None,
            covered: Covered {
                taxi: true,
                ..Covered::default()
            },
            working_days: 10,
            note: String::new(),
            budget: Some(Pence::new(pence).unwrap()),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// An approved taxi fare of `pence` for `person`.
async fn approved_expense(app: &TestApp, world: &World, person: Uuid, pence: i64) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let (_, line) = expense_commands::claim(
        &mut tx.ex(),
        &app.state,
        NewClaim {
            organisation: world.org,
            person,
            engagement: world.engagement,
            channel: ClaimChannel::Online,
            entered_by: None,
        },
        &NewLine {
            kind: ExpenseKind::Taxi,
            incurred_on: withus::db::now().date(),
            description: "Taxi to the planning session".into(),
            claimed: Claimed::Amount(withus::payments::earnings::Expenses::new(
                Pence::new(pence).unwrap(),
            )),
            receipt: Some(Receipt {
                kind: ReceiptType::Png,
                bytes: withus::payments::expenses::demo::RECEIPT_PNG.to_vec(),
            }),
        },
    )
    .await
    .unwrap();
    expense_commands::approve(
        &mut tx.ex(),
        StaffActor {
            account: None,
            organisation: world.org,
        },
        line,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    line
}

/// An item of an event's access plan with its cost, as the organiser records it.
async fn plan_item(app: &TestApp, event: Uuid, key: &str, status: &str, pence: i64) {
    let sql = "INSERT INTO event_plan_items (event_id, item_key, status, cost_pence, updated_at) \
               VALUES ($1, $2, $3, $4, $5)";
    let at = withus::db::now();
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query(sql)
            .bind(event)
            .bind(key)
            .bind(status)
            .bind(pence)
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ()),
        withus::db::Db::Postgres(pool) => sqlx::query(sql)
            .bind(event)
            .bind(key)
            .bind(status)
            .bind(pence)
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .unwrap();
}

/// The text of one cell of an engagement's row on the spend page.
fn cell(body: &str, engagement: Uuid, what: &str) -> String {
    let start = body
        .find(&format!("data-engagement=\"{engagement}\""))
        .unwrap_or_else(|| panic!("no row for {engagement} in {body}"));
    let row = &body[start..];
    let row = &row[..row.find("</tr>").unwrap()];
    let marker = format!("data-spend=\"{what}\">");
    let at = row.find(&marker).unwrap() + marker.len();
    row[at..at + row[at..].find('<').unwrap()].trim().to_owned()
}

async fn auditor(app: &TestApp) -> Client {
    withus::admin::create_user(
        &app.db,
        withus::admin::NewUser {
            email: AUDITOR,
            name: "Aud",
            password: "eventown password 2026",
            site_admin: false,
            membership: Some(("Eventown Forum", "auditor")),
        },
    )
    .await
    .unwrap();
    app.signed_in_client(AUDITOR).await
}

async fn totals_and_the_budget_warning_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let folks = people(&app, &world, 2, true).await;
    let (maya, bryn) = (folks[0].0, folks[1].0);
    let today = withus::db::now().date();
    let approved = due(&app, &world, maya, "Planning session", 3_000, today).await;
    let still_due = due(&app, &world, bryn, "Planning session", 4_000, today).await;
    let mut finance = app.signed_in_client(FINANCE).await;
    let done = approve(&mut finance, &world, &[approved], &[]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    approved_expense(&app, &world, bryn, 1_200).await;
    let mut tx = app.db.begin().await.unwrap();
    let event = add_event(&mut tx, world.org, world.engagement, world.venue, 10).await;
    tx.commit().await.unwrap();
    plan_item(&app, event, "bsl_interpreter", "arranged", 2_500).await;
    // Nothing was bought for what could not be arranged.
    plan_item(&app, event, "easy_read", "cannot_arrange", 9_999).await;
    // £30 + £12 + £25 spent of £100; approving the £40 due would make it £107.
    set_budget(&app, &world, 10_000).await;

    let spend_path = format!("/organisations/{}/payments/spend", world.org);
    let page = finance.get(&spend_path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let e = world.engagement;
    assert_eq!(cell(&page.body, e, "time"), "£30.00");
    assert_eq!(cell(&page.body, e, "expenses"), "£12.00");
    assert_eq!(cell(&page.body, e, "access"), "£25.00");
    assert_eq!(cell(&page.body, e, "spent"), "£67.00");
    assert_eq!(cell(&page.body, e, "budget"), "£100.00");
    assert_eq!(cell(&page.body, e, "due"), "£40.00");
    assert!(page.body.contains("would be overspent"), "{}", page.body);
    assert!(
        page.body.contains("£7.00 over its budget of £100.00"),
        "{}",
        page.body
    );
    assert!(page.body.contains("govuk-warning-text"));
    // The approvals page warns where the money is committed.
    let payments = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(
        payments.body.contains("would be overspent"),
        "{}",
        payments.body
    );
    assert!(payments.body.contains(&format!("href=\"{spend_path}\"")));
    let organisation = finance.get(&format!("/organisations/{}", world.org)).await;
    assert!(
        organisation
            .body
            .contains(&format!("href=\"{spend_path}\""))
    );

    // With room in the budget, no warning.
    set_budget(&app, &world, 20_000).await;
    let page = finance.get(&spend_path).await;
    assert_eq!(cell(&page.body, e, "left"), "£133.00");
    assert!(
        !page.body.contains("data-warning=\"budget\""),
        "{}",
        page.body
    );
    let payments = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(!payments.body.contains("would be overspent"));

    // Already over: says so.
    set_budget(&app, &world, 5_000).await;
    let page = finance.get(&spend_path).await;
    assert!(page.body.contains("is overspent"), "{}", page.body);
    assert!(
        page.body.contains("Over budget</strong> £0.00"),
        "{}",
        page.body
    );
    let _ = still_due;
}
both!(
    totals_and_the_budget_warning,
    totals_and_the_budget_warning_body
);

fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut book = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Float(f) => format!("{f:.2}"),
                    Data::Int(i) => i.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

async fn exports_name_people_only_for_finance_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let folks = people(&app, &world, 2, true).await;
    let (maya, bryn) = (folks[0].0, folks[1].0);
    let today = withus::db::now().date();
    let paid = due(&app, &world, maya, "Planning session", 3_000, today).await;
    due(&app, &world, bryn, "Not approved yet", 4_000, today).await;
    let mut finance = app.signed_in_client(FINANCE).await;
    assert_eq!(
        approve(&mut finance, &world, &[paid], &[]).await.status,
        303
    );
    approved_expense(&app, &world, bryn, 1_250).await;
    let csv_path = format!("/organisations/{}/payments/spend.csv", world.org);
    let xlsx_path = format!("/organisations/{}/payments/spend.xlsx", world.org);

    let csv = finance.get(&csv_path).await;
    assert_eq!(csv.status, 200);
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Date,Engagement,Kind,How paid,Amount (£),Status,Payment run,Paid on,Person"
    );
    assert_eq!(
        lines.len(),
        3,
        "one payment approved and one expense line: {lines:?}"
    );
    assert!(
        lines[1].contains(",Time,") && lines[1].contains(",30.00,Approved,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].ends_with(",Person 0"), "{}", lines[1]);
    assert!(
        lines[2].contains("Expense: ") && lines[2].contains(",12.50,"),
        "{}",
        lines[2]
    );
    assert!(lines[2].ends_with(",Person 1"), "{}", lines[2]);
    assert!(!csv.body.contains("Not approved yet"));

    let (status, content_type, bytes) = finance.get_bytes(&xlsx_path).await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    assert!(bytes.starts_with(b"PK"));
    let rows = xlsx_rows(&bytes);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[1][4], "30.00", "amounts are numbers: {rows:?}");
    assert_eq!(rows[2][4], "12.50");
    assert_eq!(rows[1][8], "Person 0");

    // An auditor sees the same rows with people's references, never their names.
    let mut auditor = auditor(&app).await;
    let csv = auditor.get(&csv_path).await;
    assert_eq!(csv.status, 200);
    assert!(!csv.body.contains("Person 0") && !csv.body.contains("Person 1"));
    let simple = maya.simple().to_string().to_uppercase();
    let reference = format!("P-{}", &simple[simple.len() - 8..]);
    assert!(csv.body.contains(&reference), "{}", csv.body);
    let (_, _, bytes) = auditor.get_bytes(&xlsx_path).await;
    let rows = xlsx_rows(&bytes);
    assert_eq!(rows[1][8], reference);
    let page = auditor
        .get(&format!("/organisations/{}/payments/spend", world.org))
        .await;
    assert_eq!(page.status, 200);

    // Each download is on record, saying whether it named people.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'payment_spend.exported'")
            .await,
        4
    );
}
both!(
    exports_name_people_only_for_finance,
    exports_name_people_only_for_finance_body
);

async fn published_totals_hide_small_numbers_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    // Time paid through payroll: a run needs no bank details.
    let world = paying_world(&app, true).await;
    let mut visitor = app.client();
    let base = format!("/accountability/{}", world.org);
    let figures = async |visitor: &mut Client| {
        let page = visitor.get(&base).await.body;
        let csv = visitor.get(&format!("{base}/figures.csv")).await.body;
        let json = visitor.get(&format!("{base}/figures.json")).await.body;
        let html = figures_in_html(&page);
        assert_eq!(html, figures_in_csv(&csv), "the page and the CSV agree");
        assert_eq!(html, figures_in_json(&json), "the page and the JSON agree");
        (page, html)
    };

    let folks = people(&app, &world, 11, true).await;
    let today = withus::db::now().date();
    let mut ids = Vec::new();
    for (n, (person, _)) in folks.iter().enumerate() {
        ids.push(
            due(
                &app,
                &world,
                *person,
                "Planning session",
                1_000 + n as i64,
                today,
            )
            .await,
        );
    }
    let mut finance = app.signed_in_client(FINANCE).await;
    // Nine paid: fewer than 10, so nothing about them is published.
    assert_eq!(
        approve(&mut finance, &world, &ids[..9], &[]).await.status,
        303
    );
    let actor = StaffActor {
        account: Some(finance_account(&app).await),
        organisation: world.org,
    };
    let pay_run = async || {
        let mut tx = app.db.begin().await.unwrap();
        let run = withus::payments::commands::make_run(
            &mut tx.ex(),
            &app.state,
            actor,
            today + Duration::days(14),
            today,
        )
        .await
        .unwrap();
        withus::payments::commands::mark_paid(&mut tx.ex(), &app.state, actor, run.id, today)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    };
    pay_run().await;
    let (page, html) = figures(&mut visitor).await;
    for id in [
        "payments.time_paid_pence",
        "payments.expenses_repaid_pence",
        "payments.people_paid",
    ] {
        assert_eq!(html.get(id).map(String::as_str), Some(""), "{id}");
    }
    assert!(page.contains("fewer than 10"), "{page}");
    assert!(
        !page.contains("£90.36"),
        "no total for fewer than 10 people"
    );

    // Eleven paid: the total, and the people rounded to 10.
    assert_eq!(
        approve(&mut finance, &world, &ids[9..], &[]).await.status,
        303
    );
    pay_run().await;
    let total: i64 = (0..11).map(|n| 1_000 + n).sum();
    let (page, html) = figures(&mut visitor).await;
    assert_eq!(html["payments.time_paid_pence"], total.to_string());
    assert_eq!(html["payments.people_paid"], "10");
    assert_eq!(html["payments.expenses_repaid_pence"], "");
    assert!(
        page.contains(&Pence::new(total).unwrap().to_string()),
        "{page}"
    );
    // Never an amount per person.
    assert!(!page.contains("£10.00") && !page.contains("£10.10"));
}
both!(
    published_totals_hide_small_numbers,
    published_totals_hide_small_numbers_body
);
