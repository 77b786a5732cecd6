//! Paying people for their time, end to end on both databases: attendance makes a payment due at
//! the stated rate in the person's saved choice; the person changes how it is paid; every choice
//! pays (or not) as it should; the benefits check allows exactly the limit and blocks a penny
//! over, with suggestions, until the person takes less or a finance officer gives a recorded
//! reason; a batch over the threshold needs a second, different finance officer; a batch sent
//! twice approves once; a payment run refuses a weekend and makes a Bacs file and CSV in which
//! each payment appears once; marking it paid tells people; bank details and limits are sealed;
//! statements as a page and a PDF; erasure and retention.

use time::{Date, Duration, Weekday};
use uuid::Uuid;
use withus::identity::StaffActor;
use withus::payments::commands::Involvement;
use withus::payments::dated::{Effective, RateName};
use withus::payments::earnings::Earnings;
use withus::payments::money::Pence;
use withus::payments::offers::{self, Covered, LateCancellation, LatePay, PaysThrough};
use withus::payments::rates::{Rate, RateUnit};
use withus::payments::run::OriginatorInput;

use crate::both;
use crate::encryption_at_rest::everything_stored;
use crate::events::{FACILITATOR, World, add_event, people, world};
use crate::helpers::{Backend, Client, TestApp, spawn_app_without_demo};

pub(crate) const FINANCE: &str = "finance@eventown.example";
const TREASURER: &str = "treasurer@eventown.example";
const ACCOUNT_NUMBER: &str = "31926819";

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.scalar(sql).await
}

async fn text(app: &TestApp, sql: &str) -> String {
    app.scalar(sql).await
}

async fn one_id(app: &TestApp, sql: &str) -> Uuid {
    app.scalar(sql).await
}

async fn status(app: &TestApp, payment: Uuid) -> String {
    let mut conn = app.db.acquire().await.unwrap();
    let row = withus::payments::commands::find(&mut conn.ex(), payment)
        .await
        .unwrap()
        .unwrap();
    row.status.as_str().to_owned()
}

/// An organisation that pays £27.50 an hour for attending its engagement's events, with two
/// finance officers and a two-person threshold of £250.
pub(crate) async fn paying_world(app: &TestApp, payroll: bool) -> World {
    let world = world(app).await;
    for (email, name) in [(FINANCE, "Fin"), (TREASURER, "Tre")] {
        withus::admin::create_user(
            &app.db,
            withus::admin::NewUser {
                email,
                name,
                password: "eventown password 2026",
                site_admin: false,
                membership: Some(("Eventown Forum", "finance_officer")),
            },
        )
        .await
        .unwrap();
    }
    let actor = StaffActor {
        account: None,
        organisation: world.org,
    };
    let mut tx = app.db.begin().await.unwrap();
    offers::commands::add_rate(
        &mut tx.ex(),
        actor,
        &Rate {
            name: RateName::new("Public contributor").unwrap(),
            unit: RateUnit::Hour,
            amount: Pence::new(2_750).unwrap(),
            effective: Effective::new(
                Date::from_calendar_date(2025, time::Month::April, 1).unwrap(),
                None,
            )
            .unwrap(),
        },
    )
    .await
    .unwrap();
    offers::commands::set_settings(
        &mut tx.ex(),
        actor,
        &offers::domain::NewSettings {
            two_person_threshold: Pence::new(25_000).unwrap(),
            pays_through: if payroll {
                PaysThrough::Payroll
            } else {
                PaysThrough::BankTransfer
            },
            late_cancellation: LateCancellation {
                within_hours: 24,
                pays: LatePay::Full,
            },
            retention_years: 6,
            originator: Some((
                OriginatorInput {
                    name: "EVENTOWN FORUM".into(),
                    sort_code: "200000".into(),
                    account_number: "55779911".into(),
                },
                "123456".into(),
            )),
        },
    )
    .await
    .unwrap();
    let engagement = withus::engagements::find(&mut tx.ex(), world.engagement)
        .await
        .unwrap()
        .unwrap();
    offers::commands::set_offer(
        &mut tx.ex(),
        actor,
        &engagement,
        &offers::domain::NewOffer {
            rate_name: Some("Public contributor".into()),
            pays_events: true,
            survey_minutes: None,
            covered: Covered {
                public_transport: true,
                taxi: true,
                ..Covered::default()
            },
            working_days: 10,
            note: String::new(),
            budget: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    world
}

/// A payment due for some involvement, as attendance or a finished survey would make it.
pub(crate) async fn due(
    app: &TestApp,
    world: &World,
    person: Uuid,
    what: &str,
    pence: i64,
    on: Date,
) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let id = withus::payments::fixtures::due(
        &mut tx.ex(),
        &app.state.keys,
        &Involvement {
            organisation: world.org,
            engagement: Some(world.engagement),
            person,
            key: format!("task:{}", Uuid::now_v7()),
            description: what.into(),
            earned_on: on,
            offered: Earnings::new(Pence::new(pence).unwrap()),
            rate_name: String::new(),
        },
    )
    .await
    .unwrap()
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// The batch token the finance page offers, as a person's browser would send it back.
fn batch_of(page: &str) -> String {
    let at = page.find("name=\"batch\" value=\"").expect("a batch token");
    page[at + 20..at + 56].to_owned()
}

pub(crate) async fn approve(
    client: &mut Client,
    world: &World,
    payments: &[Uuid],
    reasons: &[(Uuid, &str)],
) -> crate::helpers::Page {
    let base = format!("/organisations/{}/payments", world.org);
    let page = client.get(&base).await;
    assert_eq!(page.status, 200, "{}", page.body);
    approve_with(client, world, &batch_of(&page.body), payments, reasons).await
}

async fn approve_with(
    client: &mut Client,
    world: &World,
    batch: &str,
    payments: &[Uuid],
    reasons: &[(Uuid, &str)],
) -> crate::helpers::Page {
    let ids: Vec<String> = payments.iter().map(Uuid::to_string).collect();
    let reason_names: Vec<(String, &str)> = reasons
        .iter()
        .map(|(id, r)| (format!("reason-{id}"), *r))
        .collect();
    let mut fields: Vec<(&str, &str)> = vec![("batch", batch)];
    fields.extend(ids.iter().map(|id| ("payment", id.as_str())));
    fields.extend(reason_names.iter().map(|(k, v)| (k.as_str(), *v)));
    client
        .post(
            &format!("/organisations/{}/payments/approve", world.org),
            &fields,
        )
        .await
}

/// The next day of the week after `from`.
fn next(from: Date, day: Weekday) -> Date {
    let mut d = from + Duration::days(1);
    while d.weekday() != day {
        d += Duration::days(1);
    }
    d
}

fn date_fields(prefix: &str, d: Date) -> [(String, String); 3] {
    [
        (format!("{prefix}-day"), d.day().to_string()),
        (format!("{prefix}-month"), u8::from(d.month()).to_string()),
        (format!("{prefix}-year"), d.year().to_string()),
    ]
}

async fn post_date(client: &mut Client, path: &str, prefix: &str, d: Date) -> crate::helpers::Page {
    let fields = date_fields(prefix, d);
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    client.post(path, &fields).await
}

async fn attendance_choices_and_a_run_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let folks = people(&app, &world, 2, true).await;
    let (maya, maya_email) = folks[0].clone();
    let mut tx = app.db.begin().await.unwrap();
    let event = add_event(&mut tx, world.org, world.engagement, world.venue, 10).await;
    tx.commit().await.unwrap();
    let mut me = app.signed_in_client(&maya_email).await;
    assert_eq!(
        me.post(&format!("/events/{event}/book"), &[]).await.status,
        303
    );

    // Attendance makes the payment due, at the stated rate for the event's 2 hours: £55.00.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let attendance = format!(
        "/organisations/{}/engagements/{}/events/{event}/attendance",
        world.org, world.engagement
    );
    let maya_id = maya.to_string();
    for _ in 0..2 {
        let marked = staff
            .post(&attendance, &[("attended", maya_id.as_str())])
            .await;
        assert_eq!(marked.status, 303, "{}", marked.body);
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments").await,
        1,
        "marking twice owes once"
    );
    // Marked by mistake: un-marking withdraws the payment while it is still due, audited;
    // marking again owes it again.
    let unmarked = staff.post(&attendance, &[]).await;
    assert_eq!(unmarked.status, 303, "{}", unmarked.body);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payments").await, 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment.withdrawn'"
        )
        .await,
        1
    );
    let marked = staff
        .post(&attendance, &[("attended", maya_id.as_str())])
        .await;
    assert_eq!(marked.status, 303, "{}", marked.body);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payments").await, 1);
    assert_eq!(
        count(&app, "SELECT offered_pence FROM payments").await,
        5_500
    );
    assert_eq!(
        text(&app, "SELECT choice FROM payments").await,
        "bank_transfer"
    );
    let attended = one_id(&app, "SELECT id FROM payments").await;

    // Maya sees it and chooses less; a bad amount or one not less is refused with a message.
    let yours = me.get("/your-data/payments").await;
    assert_eq!(yours.status, 200);
    assert!(yours.body.contains("£55.00"), "{}", yours.body);
    let link = format!("/your-data/payments/{attended}");
    let refused = me
        .post(
            &link,
            &[("choice", "less"), ("less", "ten"), ("charity", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter the smaller amount in pounds and pence")
    );
    let refused = me
        .post(
            &link,
            &[("choice", "less"), ("less", "60.00"), ("charity", "")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("must be less than the amount offered")
    );
    let chosen = me
        .post(
            &link,
            &[("choice", "less"), ("less", "20.00"), ("charity", "")],
        )
        .await;
    assert_eq!(chosen.status, 303, "{}", chosen.body);
    assert_eq!(count(&app, "SELECT less_pence FROM payments").await, 2_000);

    // Bank details: a bad sort code is refused; good ones are stored sealed and shown masked.
    let bad = me
        .post(
            "/your-data/payments/bank-details",
            &[
                ("account_name", "M Patel"),
                ("sort_code", "12-34-5"),
                ("account_number", ACCOUNT_NUMBER),
            ],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Enter a sort code of 6 digits"));
    let saved = me
        .post(
            "/your-data/payments/bank-details",
            &[
                ("account_name", "M Patel"),
                ("sort_code", "30-94-57"),
                ("account_number", ACCOUNT_NUMBER),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let yours = me.get("/your-data/payments").await;
    assert!(yours.body.contains("****6819") && !yours.body.contains(ACCOUNT_NUMBER));

    // Every other choice, for the second person, who has no bank details.
    let other = folks[1].0;
    let day = withus::db::now().date();
    let choices = [
        ("bank_transfer", "", ""),
        ("voucher", "", ""),
        ("nothing", "", ""),
        ("charity", "", "Mind"),
        ("expenses_only", "", ""),
    ];
    let mut others = Vec::new();
    for (kind, less, charity) in choices {
        let id = due(&app, &world, other, kind, 1_000, day).await;
        let mut finance = app.signed_in_client(FINANCE).await;
        let changed = finance
            .post(
                &format!("/organisations/{}/payments/{id}/choice", world.org),
                &[("choice", kind), ("less", less), ("charity", charity)],
            )
            .await;
        assert_eq!(changed.status, 303, "{}", changed.body);
        others.push(id);
    }
    let mut all = others.clone();
    all.push(attended);

    // Approving them all: £20 + £10 + £10 + £10 (charity) = £50, under the threshold.
    let mut finance = app.signed_in_client(FINANCE).await;
    let page = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    let batch = batch_of(&page.body);
    let approved = approve_with(&mut finance, &world, &batch, &all, &[]).await;
    assert_eq!(approved.status, 303, "{}", approved.body);
    // The same form sent again approves nothing twice.
    let again = approve_with(&mut finance, &world, &batch, &all, &[]).await;
    assert_eq!(again.status, 303);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payment_batches").await, 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payments WHERE status = 'approved'"
        )
        .await,
        6
    );
    // People paid something are told; choosing nothing or expenses only sends nothing.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_approved'"
        )
        .await,
        4
    );
    // The choice is fixed once approved.
    let late = me
        .post(
            &link,
            &[("choice", "nothing"), ("less", ""), ("charity", "")],
        )
        .await;
    assert_eq!(late.status, 422);
    assert!(late.body.contains("already approved"));

    // A weekend processing date is refused with a message; nothing is written.
    let runs = format!("/organisations/{}/payments/runs/new", world.org);
    let saturday = next(day + Duration::days(7), Weekday::Saturday);
    let refused = post_date(&mut finance, &runs, "processing", saturday).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("is a Saturday: choose a working day"),
        "{}",
        refused.body
    );
    let tomorrow = day + Duration::days(1);
    let refused = post_date(&mut finance, &runs, "processing", tomorrow).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("too soon"), "{}", refused.body);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payment_runs").await, 0);

    let monday = withus::access_plan::working_days::working_days_after(day, 5);
    let made = post_date(&mut finance, &runs, "processing", monday).await;
    assert_eq!(made.status, 303, "{}", made.body);
    let run = made.location.clone().unwrap();
    // The second person has no bank details: their transfer waits; everything else is in.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM payments WHERE status = 'in_run'"
        )
        .await,
        5
    );
    let (code, _, bacs) = finance.get_bytes(&format!("{run}/bacs.txt")).await;
    assert_eq!(code, 200);
    let bacs = String::from_utf8(bacs).unwrap();
    assert!(bacs.lines().all(|l| l.len() == 106), "{bacs}");
    assert_eq!(bacs.matches(ACCOUNT_NUMBER).count(), 1, "Maya is paid once");
    assert!(bacs.contains("00000002000"), "her £20.00 in pence");
    let (_, _, csv) = finance.get_bytes(&format!("{run}/bank.csv")).await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("M Patel") && csv.contains("20.00"), "{csv}");
    assert_eq!(csv.lines().count(), 2);
    let (_, _, other_list) = finance.get_bytes(&format!("{run}/other.csv")).await;
    let other_list = String::from_utf8(other_list).unwrap();
    assert!(
        other_list.contains("Voucher") && other_list.contains("Mind"),
        "{other_list}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_run.file_downloaded'"
        )
        .await,
        3
    );
    // A second run finds nothing more to pay.
    let empty = post_date(&mut finance, &runs, "processing", monday).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("no payments in this run"));

    // Marked paid: Maya is told and sees it, with her statement as a page and a PDF.
    let paid = post_date(&mut finance, &format!("{run}/paid"), "paid", day).await;
    assert_eq!(paid.status, 303, "{}", paid.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_paid'"
        )
        .await,
        2
    );
    let yours = me.get("/your-data/payments").await;
    assert!(yours.body.contains("paid on"), "{}", yours.body);
    let statement = me.get("/your-data/payments/statement").await;
    assert_eq!(statement.status, 200);
    assert!(
        statement.body.contains("Paid to you for your time: £20.00"),
        "{}",
        statement.body
    );
    let (code, kind, pdf) = me.get_bytes("/your-data/payments/statement.pdf").await;
    assert_eq!(code, 200);
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let bad = me.get("/your-data/payments/statement?from=yesterday").await;
    assert_eq!(bad.status, 400);

    // A payment the bank returned can be paid again in the next run.
    let maya_payment = *all.last().unwrap();
    let failed = finance
        .post(
            &format!(
                "/organisations/{}/payments/{maya_payment}/failed",
                world.org
            ),
            &[],
        )
        .await;
    assert_eq!(failed.status, 303);
    assert_eq!(status(&app, maya_payment).await, "failed");
    let again = finance
        .post(
            &format!(
                "/organisations/{}/payments/{maya_payment}/reissue",
                world.org
            ),
            &[],
        )
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(status(&app, maya_payment).await, "approved");

    // Bank details are not in the database in plaintext; the person's download has them masked.
    let stored = everything_stored(&app).await;
    assert!(
        !stored.contains(ACCOUNT_NUMBER),
        "the account number is sealed, in the files too"
    );
    let download = me.get("/your-data/download.json").await;
    assert!(download.body.contains("****6819") && !download.body.contains(ACCOUNT_NUMBER));
}
both!(
    attendance_choices_and_a_run,
    attendance_choices_and_a_run_body
);

async fn the_benefits_check_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let (person, email) = people(&app, &world, 1, true).await.remove(0);
    let mut me = app.signed_in_client(&email).await;

    // A limit that is not one is refused, field by field.
    let refused = me
        .post(
            "/your-data/payments/benefit-limit",
            &[
                ("kind", ""),
                ("amount", "lots"),
                ("period", "weekly"),
                ("week_starts", "1"),
                ("month_starts", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("Choose which limit it is")
            && refused.body.contains("Enter the limit in pounds and pence")
    );
    // Carer's Allowance: £204 a week, weeks starting on Monday.
    let saved = me
        .post(
            "/your-data/payments/benefit-limit",
            &[
                ("kind", "carers_allowance"),
                ("amount", "204.00"),
                ("period", "weekly"),
                ("week_starts", "1"),
                ("month_starts", ""),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = everything_stored(&app).await;
    assert!(
        !stored.contains("carers_allowance") && !stored.contains("20400"),
        "the limit is sealed"
    );

    let monday = next(
        withus::db::now().date() - Duration::days(21),
        Weekday::Monday,
    );
    let mut finance = app.signed_in_client(FINANCE).await;

    // £204.01 in one go is a penny over: blocked, with the warning and suggestions; nothing changes.
    let over = due(&app, &world, person, "Workshop", 20_401, monday).await;
    let page = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(page.body.contains("data-check=\"over\""), "{}", page.body);
    assert!(page.body.contains("Pay £204.00 at most"), "{}", page.body);
    assert!(page.body.contains("Repay their expenses only"));
    assert!(page.body.contains("Pay it to a charity"));
    let blocked = approve(&mut finance, &world, &[over], &[]).await;
    assert_eq!(blocked.status, 422);
    assert!(
        blocked
            .body
            .contains("would go £0.01 over the benefit limit"),
        "{}",
        blocked.body
    );
    assert_eq!(status(&app, over).await, "due");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payment_batches").await, 0);

    // She chooses £204.00 instead: exactly at the limit is allowed.
    let chosen = me
        .post(
            &format!("/your-data/payments/{over}"),
            &[("choice", "less"), ("less", "204.00"), ("charity", "")],
        )
        .await;
    assert_eq!(chosen.status, 303);
    let page = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(page.body.contains("data-check=\"within\""), "{}", page.body);
    assert_eq!(
        approve(&mut finance, &world, &[over], &[]).await.status,
        303
    );
    assert_eq!(status(&app, over).await, "approved");

    // The next week starts afresh; £150 then £54.01 more goes over by a penny, counting the
    // earlier approval in the same week. Paying it to a charity instead would not count.
    let week2 = monday + Duration::days(7);
    let first = due(&app, &world, person, "Panel", 15_000, week2).await;
    assert_eq!(
        approve(&mut finance, &world, &[first], &[]).await.status,
        303
    );
    let second = due(
        &app,
        &world,
        person,
        "Follow-up",
        5_401,
        week2 + Duration::days(2),
    )
    .await;
    let blocked = approve(&mut finance, &world, &[second], &[]).await;
    assert_eq!(blocked.status, 422);
    // Approved over the limit with a reason: allowed, and the reason is audited.
    let reason = "She has checked with her adviser and agreed";
    let done = approve(&mut finance, &world, &[second], &[(second, reason)]).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(status(&app, second).await, "approved");
    let audited = text(
        &app,
        "SELECT details FROM audit_log WHERE action = 'payment.approved_over_limit'",
    )
    .await;
    assert!(
        audited.contains(reason) && audited.contains("\"over_by_pence\":1"),
        "{audited}"
    );

    // Two in one batch are checked together: £100 and £104.01 in week 3.
    let week3 = week2 + Duration::days(7);
    let a = due(&app, &world, person, "A", 10_000, week3).await;
    let b = due(&app, &world, person, "B", 10_401, week3).await;
    let blocked = approve(&mut finance, &world, &[a, b], &[]).await;
    assert_eq!(blocked.status, 422);
    assert_eq!(
        status(&app, a).await,
        "due",
        "nothing in a blocked batch is approved"
    );
}
both!(the_benefits_check, the_benefits_check_body);

async fn two_people_approve_a_large_batch_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let (person, _) = people(&app, &world, 1, true).await.remove(0);
    let day = withus::db::now().date();
    let big = due(&app, &world, person, "Residential weekend", 30_000, day).await;
    let mut first = app.signed_in_client(FINANCE).await;
    let done = approve(&mut first, &world, &[big], &[]).await;
    assert_eq!(done.status, 303);
    assert_eq!(status(&app, big).await, "awaiting_second");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_approved'"
        )
        .await,
        0
    );
    let batch = one_id(&app, "SELECT id FROM payment_batches").await;
    // Not by the same person.
    let page = first
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(page.body.contains("You gave the first approval"));
    let refused = first
        .post(
            &format!(
                "/organisations/{}/payments/batches/{batch}/approve",
                world.org
            ),
            &[],
        )
        .await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert_eq!(status(&app, big).await, "awaiting_second");
    // A different finance officer gives the second approval; the person is told once.
    let mut second = app.signed_in_client(TREASURER).await;
    let done = second
        .post(
            &format!(
                "/organisations/{}/payments/batches/{batch}/approve",
                world.org
            ),
            &[],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(status(&app, big).await, "approved");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_approved'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_batch.second_approval'"
        )
        .await,
        1
    );
}
both!(
    two_people_approve_a_large_batch,
    two_people_approve_a_large_batch_body
);

async fn erasure_keeps_records_and_retention_removes_them_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let (person, email) = people(&app, &world, 1, true).await.remove(0);
    let mut me = app.signed_in_client(&email).await;
    me.post(
        "/your-data/payments/bank-details",
        &[
            ("account_name", "P Zero"),
            ("sort_code", "30-94-57"),
            ("account_number", ACCOUNT_NUMBER),
        ],
    )
    .await;
    let old = due(
        &app,
        &world,
        person,
        "Long ago",
        1_000,
        Date::from_calendar_date(2015, time::Month::May, 1).unwrap(),
    )
    .await;
    let recent = due(
        &app,
        &world,
        person,
        "Recently",
        1_000,
        withus::db::now().date(),
    )
    .await;
    crate::events::erase(&app, &world, person).await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payment_profiles").await,
        0,
        "bank details go at once"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payments").await,
        2,
        "payment records stay"
    );
    let removed = withus::payments::retention_once(&app.db).await.unwrap();
    assert_eq!(removed, 1);
    let mut conn = app.db.acquire().await.unwrap();
    assert!(
        withus::payments::commands::find(&mut conn.ex(), old)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        withus::payments::commands::find(&mut conn.ex(), recent)
            .await
            .unwrap()
            .is_some()
    );
}
both!(
    erasure_keeps_records_and_retention_removes_them,
    erasure_keeps_records_and_retention_removes_them_body
);

async fn payroll_organisations_list_time_for_payroll_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, true).await;
    let (person, email) = people(&app, &world, 1, true).await.remove(0);
    let mut me = app.signed_in_client(&email).await;
    me.post(
        "/your-data/payments/bank-details",
        &[
            ("account_name", "P Zero"),
            ("sort_code", "30-94-57"),
            ("account_number", ACCOUNT_NUMBER),
        ],
    )
    .await;
    let day = withus::db::now().date();
    let id = due(&app, &world, person, "Board meeting", 15_000, day).await;
    let mut finance = app.signed_in_client(FINANCE).await;
    assert_eq!(approve(&mut finance, &world, &[id], &[]).await.status, 303);
    let monday = withus::access_plan::working_days::working_days_after(day, 5);
    let made = post_date(
        &mut finance,
        &format!("/organisations/{}/payments/runs/new", world.org),
        "processing",
        monday,
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let run = made.location.unwrap();
    let page = finance.get(&run).await;
    assert!(
        !page.body.contains("bacs.txt"),
        "time paid through payroll makes no Bacs file"
    );
    let (_, _, list) = finance.get_bytes(&format!("{run}/other.csv")).await;
    let list = String::from_utf8(list).unwrap();
    assert!(
        list.contains("Through payroll") && list.contains("150.00"),
        "{list}"
    );
}
both!(
    payroll_organisations_list_time_for_payroll,
    payroll_organisations_list_time_for_payroll_body
);

/// An approved expense line for `person`, as finance would leave it.
async fn approved_expense(
    app: &TestApp,
    world: &World,
    person: Uuid,
    pence: i64,
    on: Date,
) -> Uuid {
    use withus::payments::expenses::{self, ClaimChannel, ExpenseKind, NewClaim};
    let mut tx = app.db.begin().await.unwrap();
    let (_, line) = expenses::commands::claim(
        &mut tx.ex(),
        &app.state,
        NewClaim {
            organisation: world.org,
            person,
            engagement: world.engagement,
            channel: ClaimChannel::Phone,
            entered_by: None,
        },
        &expenses::domain::NewLine {
            kind: ExpenseKind::Taxi,
            incurred_on: on,
            description: "Taxi to the Hub".into(),
            claimed: expenses::domain::Claimed::Amount(withus::payments::earnings::Expenses::new(
                Pence::new(pence).unwrap(),
            )),
            receipt: None,
        },
    )
    .await
    .unwrap();
    expenses::commands::approve(
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

async fn expenses_are_repaid_and_never_count_as_earnings_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, true).await;
    let (person, email) = people(&app, &world, 1, true).await.remove(0);
    let mut me = app.signed_in_client(&email).await;
    me.post(
        "/your-data/payments/benefit-limit",
        &[
            ("kind", "carers_allowance"),
            ("amount", "204.00"),
            ("period", "weekly"),
            ("week_starts", "1"),
            ("month_starts", ""),
        ],
    )
    .await;
    me.post(
        "/your-data/payments/bank-details",
        &[
            ("account_name", "P Zero"),
            ("sort_code", "30-94-57"),
            ("account_number", ACCOUNT_NUMBER),
        ],
    )
    .await;
    let monday = next(
        withus::db::now().date() - Duration::days(14),
        Weekday::Monday,
    );
    // £150 of taxis the same week: expenses, so they do not count.
    approved_expense(&app, &world, person, 15_000, monday).await;
    let time = due(
        &app,
        &world,
        person,
        "Workshop",
        20_400,
        monday + Duration::days(1),
    )
    .await;
    let mut finance = app.signed_in_client(FINANCE).await;
    let page = finance
        .get(&format!("/organisations/{}/payments", world.org))
        .await;
    assert!(page.body.contains("data-check=\"within\""), "{}", page.body);
    assert!(
        page.body
            .contains("Already approved from us in this period: £0.00"),
        "{}",
        page.body
    );
    assert_eq!(
        approve(&mut finance, &world, &[time], &[]).await.status,
        303
    );

    // The run repays the expense by bank even though time goes through payroll.
    let made = post_date(
        &mut finance,
        &format!("/organisations/{}/payments/runs/new", world.org),
        "processing",
        withus::access_plan::working_days::working_days_after(withus::db::now().date(), 5),
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let run = made.location.unwrap();
    let (_, _, bacs) = finance.get_bytes(&format!("{run}/bacs.txt")).await;
    let bacs = String::from_utf8(bacs).unwrap();
    assert!(
        bacs.contains("00000015000") && bacs.contains("EXPENSES"),
        "{bacs}"
    );
    assert!(
        !bacs.contains("00000020400"),
        "time is paid through payroll"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM expense_lines WHERE run_id IS NOT NULL"
        )
        .await,
        1
    );
    let today = withus::db::now().date();
    assert_eq!(
        post_date(&mut finance, &format!("{run}/paid"), "paid", today)
            .await
            .status,
        303
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM expense_lines WHERE state = 'paid'"
        )
        .await,
        1
    );
    // The statement keeps them apart.
    let from = monday - Duration::days(1);
    let statement = me
        .get(&format!(
            "/your-data/payments/statement?from={from}&to={today}"
        ))
        .await;
    assert!(
        statement
            .body
            .contains("Paid to you for your time: £204.00"),
        "{}",
        statement.body
    );
    assert!(
        statement
            .body
            .contains("Expenses approved or repaid: £150.00"),
        "{}",
        statement.body
    );
}
both!(
    expenses_are_repaid_and_never_count_as_earnings,
    expenses_are_repaid_and_never_count_as_earnings_body
);

async fn a_facilitator_records_a_task_at_the_stated_rate_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = paying_world(&app, false).await;
    let (person, _) = people(&app, &world, 1, true).await.remove(0);
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let path = format!(
        "/organisations/{}/engagements/{}/payments/task",
        world.org, world.engagement
    );
    let found = staff.get(&format!("{path}?name=Person")).await;
    assert_eq!(found.status, 200);
    assert!(found.body.contains("Person 0"), "{}", found.body);
    // Nothing chosen or typed: every problem named, nothing owed.
    let refused = staff
        .post(
            &path,
            &[
                ("name", "Person"),
                ("person", ""),
                ("description", ""),
                ("minutes", "lots"),
                ("day-day", ""),
                ("day-month", ""),
                ("day-year", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    for message in [
        "Choose who did the task",
        "Say what they did",
        "Enter how long it took in minutes",
        "Enter the day they did it",
    ] {
        assert!(refused.body.contains(message), "{message}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payments").await, 0);
    let today = withus::db::now().date();
    let mut fields: Vec<(String, String)> = vec![
        ("name".into(), "Person".into()),
        ("person".into(), person.to_string()),
        (
            "description".into(),
            "Read and commented on the draft strategy".into(),
        ),
        ("minutes".into(), "90".into()),
    ];
    fields.extend(date_fields("day", today));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let done = staff.post(&path, &fields).await;
    assert_eq!(done.status, 303, "{}", done.body);
    // 90 minutes at £27.50 an hour.
    assert_eq!(
        count(&app, "SELECT offered_pence FROM payments").await,
        4_125
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'payment.due' AND actor_account_id IS NOT NULL").await, 1);
}
both!(
    a_facilitator_records_a_task_at_the_stated_rate,
    a_facilitator_records_a_task_at_the_stated_rate_body
);
