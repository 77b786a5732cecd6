//! Expense claims end to end, on the demo data (the Forum's 45p mileage rate, Maya's taxi fare
//! waiting): a claim with a receipt is stored sealed and only its owner and the finance officer
//! open the receipt; a bad amount or receipt is refused with a message saying how to fix it and
//! nothing written; mileage is worked out at the rate on the day; staff enter a claim for someone
//! who phoned; a line is approved or queried (the person sees the reason and is told once) and
//! corrected; and the payments core puts approved lines in a run once, pays them, and takes a
//! failed one out again.

use uuid::Uuid;
use withus::db::Db;
use withus::payments::expenses::commands::{self, NewClaim};
use withus::payments::expenses::domain::{
    ClaimChannel, Claimed, ExpenseKind, NewLine, Receipt, ReceiptType,
};
use withus::payments::expenses::{self as expenses, LineState};
use withus::payments::rates::TenthsOfAMile;

use crate::both;
use crate::helpers::{Backend, Client, TestApp, spawn_app};

const MAYA: &str = "member@northtown-dpf.example";
const FINANCE: &str = "finance@northtown-dpf.example";
const FACILITATOR: &str = "facilitator@northtown-dpf.example";
const DPO: &str = "Northtown Disabled People's Forum";
const DESCRIPTION_CANARY: &str = "CANARY-9b1e-taxi-from-home";
const RECEIPT_CANARY: &[u8] = b"CANARY-RECEIPT-5c2d-photo-bytes";

/// For the route × role table: a line of `person`'s claim for `engagement`, with a receipt,
/// queried by finance.
pub(crate) async fn queried_line(
    tx: &mut withus::db::Tx,
    state: &withus::state::AppState,
    organisation: Uuid,
    engagement: Uuid,
    person: Uuid,
) -> Uuid {
    let (_, line) = commands::claim(
        &mut tx.ex(),
        state,
        NewClaim {
            organisation,
            person,
            engagement,
            channel: ClaimChannel::Online,
            entered_by: None,
        },
        &NewLine {
            kind: ExpenseKind::Taxi,
            incurred_on: withus::db::now().date(),
            description: "Taxi to the matrix meeting".into(),
            claimed: Claimed::Amount(withus::payments::earnings::Expenses::new(
                withus::payments::money::Pence::new(1_200).unwrap(),
            )),
            receipt: Some(Receipt {
                kind: ReceiptType::Png,
                bytes: expenses::demo::RECEIPT_PNG.to_vec(),
            }),
        },
    )
    .await
    .unwrap();
    let finance = withus::identity::StaffActor {
        account: None,
        organisation,
    };
    commands::query(&mut tx.ex(), state, finance, line, "Which meeting was it?")
        .await
        .unwrap();
    line
}

async fn org_id(app: &TestApp, name: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::organisations::find_by_name(&mut conn.ex(), name)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn person_of(app: &TestApp, email: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    let account = withus::accounts::fixtures::find_by_email(&mut conn.ex(), email)
        .await
        .unwrap()
        .unwrap();
    withus::register::person_id_of_account(&mut conn.ex(), account.id)
        .await
        .unwrap()
        .unwrap()
}

/// The value of the first radio named `name` on a page.
fn first_value(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" type=\"radio\" value=\"");
    let start = body.find(&marker).expect("the radio is on the page") + marker.len();
    body[start..].split('"').next().unwrap().to_owned()
}

/// A file as uploaded: its name and bytes.
type Upload<'a> = (&'a str, Vec<u8>);

/// A receipt photo: a real PNG header, then bytes only this test writes.
fn receipt() -> Vec<u8> {
    let mut bytes = expenses::demo::RECEIPT_PNG.to_vec();
    bytes.extend_from_slice(RECEIPT_CANARY);
    bytes
}

fn line_form(
    client: &Client,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::multipart::Form {
    form_with(&client.csrf().unwrap(), fields, file)
}

fn form_with(
    csrf: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new().text("csrf_token", csrf.to_owned());
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part(
            "receipt",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    }
    form
}

fn today_parts() -> [String; 3] {
    let today = withus::db::now().date();
    [
        today.day().to_string(),
        u8::from(today.month()).to_string(),
        today.year().to_string(),
    ]
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    app.scalar_i64(sql).await
}

/// Every byte the database holds for the tables expenses touch, as text.
async fn stored(app: &TestApp) -> String {
    match &app.db {
        Db::Sqlite(..) => crate::encryption_at_rest::everything_stored(app).await,
        Db::Postgres(pool) => {
            let mut text = String::new();
            for table in [
                "expense_lines",
                "expense_claims",
                "audit_log",
                "notifications",
                "outbox",
            ] {
                let sql = format!(
                    "SELECT COALESCE(string_agg(row_to_json(t)::text, ' '), '') FROM {table} t"
                );
                let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                    .fetch_one(pool)
                    .await
                    .unwrap();
                text.push_str(&rows);
            }
            text
        }
    }
}

async fn a_claim_with_a_receipt_is_sealed_and_opened_only_by_its_owner_and_finance(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let mut maya = app.signed_in_client(MAYA).await;
    let form = maya.get("/your-data/payments/expenses/new").await;
    assert_eq!(form.status, 200);
    let engagement = first_value(&form.body, "engagement");
    let [d, m, y] = today_parts();
    let sent = maya
        .post_multipart(
            "/your-data/payments/expenses/new",
            line_form(
                &maya,
                &[
                    ("engagement", &engagement),
                    ("kind", "taxi"),
                    ("day-day", &d),
                    ("day-month", &m),
                    ("day-year", &y),
                    ("description", DESCRIPTION_CANARY),
                    ("amount", "£12.40"),
                ],
                Some(("receipt.png", receipt())),
            ),
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        sent.location.as_deref(),
        Some("/your-data/payments/expenses/sent")
    );
    let next = maya.get("/your-data/payments/expenses/sent").await;
    assert!(next.body.contains("What happens next"));

    let list = maya.get("/your-data/payments/expenses").await;
    assert!(list.body.contains(DESCRIPTION_CANARY), "the owner sees it");
    assert!(list.body.contains("£12.40"));
    assert!(list.body.contains("Waiting for approval"));
    let line = {
        let mut conn = app.db.acquire().await.unwrap();
        let person = person_of(&app, MAYA).await;
        expenses::of_person(&mut conn.ex(), &app.state.keys, person)
            .await
            .unwrap()
            .into_iter()
            .find(|l| l.description == DESCRIPTION_CANARY)
            .expect("the line is stored")
    };
    assert_eq!(line.amount.pence().get(), 1_240);
    assert_eq!(line.state, LineState::Claimed);

    // Sealed at rest: neither the words nor the receipt's bytes are in the database as written.
    let raw = stored(&app).await;
    assert!(raw.contains("Expense claimed") || raw.contains("expense.claimed"));
    assert!(
        !raw.contains(DESCRIPTION_CANARY),
        "the description is sealed"
    );
    assert!(
        !raw.contains(std::str::from_utf8(RECEIPT_CANARY).unwrap()),
        "the receipt is sealed"
    );

    // The owner and the organisation's finance officer open it; nobody else.
    let own = format!("/your-data/payments/expenses/{}/receipt", line.line_id);
    let (status, kind, bytes) = maya.get_bytes(&own).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(bytes, receipt());
    let staff = format!(
        "/organisations/{dpo}/payments/expenses/{}/receipt",
        line.line_id
    );
    let mut finance = app.signed_in_client(FINANCE).await;
    let (status, _, bytes) = finance.get_bytes(&staff).await;
    assert_eq!(status, 200);
    assert_eq!(bytes, receipt());
    let mut facilitator = app.signed_in_client(FACILITATOR).await;
    assert_eq!(facilitator.get_bytes(&staff).await.0, 403);
    assert_eq!(finance.get_bytes(&own).await.0, 404);
}
both!(
    a_claim_with_a_receipt_is_sealed_and_opened_only_by_its_owner_and_finance,
    a_claim_with_a_receipt_is_sealed_and_opened_only_by_its_owner_and_finance
);

async fn bad_amounts_and_receipts_are_refused_saying_how_to_fix_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut maya = app.signed_in_client(MAYA).await;
    let form = maya.get("/your-data/payments/expenses/new").await;
    let engagement = first_value(&form.body, "engagement");
    let [d, m, y] = today_parts();
    let before = count(&app, "SELECT COUNT(*) FROM expense_lines").await;
    let audit_before = count(&app, "SELECT COUNT(*) FROM audit_log").await;
    let mut too_large = expenses::demo::RECEIPT_PNG.to_vec();
    too_large.resize(10 * 1024 * 1024 + 1, 0);
    let cases: Vec<(&str, Option<Upload>, &str)> = vec![
        ("12.345", None, "Enter the amount to the nearest penny"),
        ("-3", None, "The amount cannot be less than £0"),
        (
            "ten",
            None,
            "Enter the amount in pounds and pence, like 12.40",
        ),
        (
            "4.00",
            Some(("receipt.exe", b"MZ\x90\0 not a photo".to_vec())),
            "The receipt must be a JPEG, PNG, WebP or HEIC photo, or a PDF",
        ),
        (
            "4.00",
            Some(("huge.png", too_large)),
            "The receipt must be smaller than 10 MB",
        ),
    ];
    for (amount, file, message) in cases {
        let page = maya
            .post_multipart(
                "/your-data/payments/expenses/new",
                line_form(
                    &maya,
                    &[
                        ("engagement", &engagement),
                        ("kind", "taxi"),
                        ("day-day", &d),
                        ("day-month", &m),
                        ("day-year", &y),
                        ("description", "Taxi"),
                        ("amount", amount),
                    ],
                    file,
                ),
            )
            .await;
        assert_eq!(page.status, 422, "{amount}");
        assert!(page.body.contains(message), "{amount}: {message}");
        assert!(page.body.contains("govuk-error-summary"));
    }
    // An empty form names every missing answer.
    let empty = maya
        .post_multipart(
            "/your-data/payments/expenses/new",
            line_form(&maya, &[], None),
        )
        .await;
    assert_eq!(empty.status, 422);
    for message in [
        "Select the engagement the cost was for",
        "Select what the cost was for",
        "Enter the date you spent the money",
        "Enter a short description of the cost",
    ] {
        assert!(empty.body.contains(message), "{message}");
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM expense_lines").await,
        before
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log").await,
        audit_before
    );
}
both!(
    bad_amounts_and_receipts_are_refused_saying_how_to_fix_them,
    bad_amounts_and_receipts_are_refused_saying_how_to_fix_them
);

async fn staff_enter_mileage_for_someone_who_phoned_at_the_rate_on_the_day(backend: Backend) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let mut facilitator = app.signed_in_client(FACILITATOR).await;
    let search = facilitator
        .get(&format!(
            "/organisations/{dpo}/payments/expenses/new?name=Margaret"
        ))
        .await;
    assert_eq!(search.status, 200);
    assert!(search.body.contains("Margaret Thompson"));
    let person = first_value(&search.body, "person");
    let engagement = first_value(&search.body, "engagement");
    // A finance officer finds people by name too, to enter a claim.
    let by_finance = app
        .signed_in_client(FINANCE)
        .await
        .get(&format!(
            "/organisations/{dpo}/payments/expenses/new?name=Margaret"
        ))
        .await;
    assert_eq!(first_value(&by_finance.body, "person"), person);
    let [d, m, y] = today_parts();
    let path = format!("/organisations/{dpo}/payments/expenses/new");
    let csrf = facilitator.csrf().unwrap();
    let mileage = |day: &str, month: &str, year: &str, miles: &str| {
        form_with(
            &csrf,
            &[
                ("name", "Margaret"),
                ("person", &person),
                ("channel", "phone"),
                ("engagement", &engagement),
                ("kind", "mileage"),
                ("day-day", day),
                ("day-month", month),
                ("day-year", year),
                ("description", "Drove to the forum and back"),
                ("miles", miles),
            ],
            None,
        )
    };
    // No rate was in force before the Forum's began on 6 April 2011.
    let refused = facilitator
        .post_multipart(&path, mileage("5", "4", "2011", "12.5"))
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("The organisation has no mileage rate for 5 April 2011")
    );
    let saved = facilitator
        .post_multipart(&path, mileage(&d, &m, &y, "12.5"))
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);

    let person: Uuid = person.parse().unwrap();
    let mut conn = app.db.acquire().await.unwrap();
    let lines = expenses::of_person(&mut conn.ex(), &app.state.keys, person)
        .await
        .unwrap();
    let today = withus::db::now().date();
    let line = lines
        .iter()
        .find(|l| l.kind == ExpenseKind::Mileage && l.incurred_on == today)
        .expect("the mileage line");
    // The rule: rate × tenths of a mile ÷ 10, to the nearest penny, half a penny up.
    let rate = commands::mileage_rate_on(&mut conn.ex(), dpo, today)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rate.per_mile.get(), 45);
    assert_eq!(
        line.amount,
        rate.expenses_for(TenthsOfAMile(125)).unwrap(),
        "12.5 miles at the day's rate"
    );
    assert_eq!(line.amount.pence().get(), (45 * 125 + 5) / 10);
    assert_eq!(line.amount.pence().get(), 563);
    let channel: String = match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(
            "SELECT c.channel FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id WHERE l.id = $1",
        )
        .bind(line.line_id)
        .fetch_one(pool)
        .await
        .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(
            "SELECT c.channel FROM expense_lines l JOIN expense_claims c ON c.id = l.claim_id WHERE l.id = $1",
        )
        .bind(line.line_id)
        .fetch_one(pool)
        .await
        .unwrap(),
    };
    assert_eq!(channel, "phone");
    drop(conn);

    // Finance queries it; the facilitator corrects it for her when she phones back.
    let mut finance = app.signed_in_client(FINANCE).await;
    let query = format!(
        "/organisations/{dpo}/payments/expenses/{}/query",
        line.line_id
    );
    let asked = finance
        .post(&query, &[("reason", "Was it 10 miles, as on the map?")])
        .await;
    assert_eq!(asked.status, 303);
    let correct = format!(
        "/organisations/{dpo}/payments/expenses/{}/correct",
        line.line_id
    );
    let form = facilitator.get(&correct).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Was it 10 miles, as on the map?"));
    let csrf = facilitator.csrf().unwrap();
    let corrected = facilitator
        .post_multipart(
            &correct,
            form_with(
                &csrf,
                &[
                    ("kind", "mileage"),
                    ("day-day", &d),
                    ("day-month", &m),
                    ("day-year", &y),
                    ("description", "Drove to the forum and back"),
                    ("miles", "10"),
                ],
                None,
            ),
        )
        .await;
    assert_eq!(corrected.status, 303, "{}", corrected.body);
    let mut conn = app.db.acquire().await.unwrap();
    let again = expenses::of_person(&mut conn.ex(), &app.state.keys, person)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.line_id == line.line_id)
        .unwrap();
    assert_eq!(
        (again.state, again.amount.pence().get()),
        (LineState::Claimed, 450)
    );
    // Once it waits again, there is nothing to correct.
    assert_eq!(facilitator.get(&correct).await.status, 404);
}
both!(
    staff_enter_mileage_for_someone_who_phoned_at_the_rate_on_the_day,
    staff_enter_mileage_for_someone_who_phoned_at_the_rate_on_the_day
);

async fn finance_approve_and_query_and_the_core_pays_each_line_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let maya_person = person_of(&app, MAYA).await;
    let mut finance = app.signed_in_client(FINANCE).await;
    let waiting = finance
        .get(&format!("/organisations/{dpo}/payments/expenses"))
        .await;
    assert_eq!(waiting.status, 200);
    assert!(waiting.body.contains("Maya Patel"));
    assert!(waiting.body.contains("£14.60"));
    let taxi = {
        let mut conn = app.db.acquire().await.unwrap();
        expenses::of_person(&mut conn.ex(), &app.state.keys, maya_person)
            .await
            .unwrap()
            .into_iter()
            .find(|l| l.kind == ExpenseKind::Taxi)
            .expect("Maya's demo taxi fare")
    };
    assert_eq!(taxi.amount.pence().get(), 1_460);
    let query = format!(
        "/organisations/{dpo}/payments/expenses/{}/query",
        taxi.line_id
    );
    let no_reason = finance.post(&query, &[("reason", "  ")]).await;
    assert_eq!(no_reason.status, 422);
    assert!(
        no_reason
            .body
            .contains("Enter the question you want to ask the person")
    );
    let told = "SELECT COUNT(*) FROM notifications WHERE kind = 'expense_queried' AND body LIKE '%the return fare%'";
    assert_eq!(count(&app, told).await, 0);
    let reason = "Was this the return fare as well?";
    assert_eq!(
        finance.post(&query, &[("reason", reason)]).await.status,
        303
    );
    // Asked again, nothing changes and Maya is not told twice.
    let again = finance.post(&query, &[("reason", reason)]).await;
    assert_eq!(again.status, 303);
    assert_eq!(count(&app, told).await, 1, "told once");
    let mut maya = app.signed_in_client(MAYA).await;
    let mine = maya.get("/your-data/payments/expenses").await;
    assert!(mine.body.contains(reason), "the person sees the question");
    assert!(mine.body.contains("Question from the organisation"));

    // Maya corrects it, and it waits again; then finance approves it.
    let correct = format!("/your-data/payments/expenses/{}/correct", taxi.line_id);
    let form = maya.get(&correct).await;
    assert!(form.body.contains(reason));
    let [d, m, y] = today_parts();
    let corrected = maya
        .post_multipart(
            &correct,
            line_form(
                &maya,
                &[
                    ("kind", "taxi"),
                    ("day-day", &d),
                    ("day-month", &m),
                    ("day-year", &y),
                    ("description", "Taxi there and back"),
                    ("amount", "29.20"),
                ],
                None,
            ),
        )
        .await;
    assert_eq!(corrected.status, 303, "{}", corrected.body);
    let approve = format!(
        "/organisations/{dpo}/payments/expenses/{}/approve",
        taxi.line_id
    );
    assert_eq!(finance.post(&approve, &[]).await.status, 303);

    // The core's view: approved and in no run; put in a run once; paid; taken out again.
    let mut tx = app.db.begin().await.unwrap();
    let approved = expenses::approved_unpaid(&mut tx.ex(), &app.state.keys, dpo)
        .await
        .unwrap();
    let line = approved
        .iter()
        .find(|a| a.line_id == taxi.line_id)
        .expect("approved and unpaid");
    assert_eq!(line.amount.pence().get(), 2_920);
    assert_eq!(line.description, "Taxi there and back");
    let (run, other_run) = (Uuid::now_v7(), Uuid::now_v7());
    expenses::put_in_run(&mut tx.ex(), &[taxi.line_id], run)
        .await
        .unwrap();
    expenses::put_in_run(&mut tx.ex(), &[taxi.line_id], other_run)
        .await
        .unwrap();
    assert!(
        !expenses::approved_unpaid(&mut tx.ex(), &app.state.keys, dpo)
            .await
            .unwrap()
            .iter()
            .any(|a| a.line_id == taxi.line_id),
        "in a run, so no longer waiting for one"
    );
    assert_eq!(
        expenses::mark_run_paid(&mut tx.ex(), other_run, withus::db::now().date())
            .await
            .unwrap(),
        0,
        "the second run did not take it"
    );
    let paid_on = withus::db::now().date();
    assert_eq!(
        expenses::mark_run_paid(&mut tx.ex(), run, paid_on)
            .await
            .unwrap(),
        1
    );
    let summary = expenses::of_person(&mut tx.ex(), &app.state.keys, maya_person)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.line_id == taxi.line_id)
        .unwrap();
    assert_eq!(
        (summary.state, summary.paid_on),
        (LineState::Paid, Some(paid_on))
    );
    let spent = expenses::spent_by_engagement(&mut tx.ex(), dpo)
        .await
        .unwrap();
    let total: i64 = spent.iter().map(|(_, e)| e.pence().get()).sum();
    assert!(total >= 2_920, "approved and paid lines count: {total}");
    expenses::take_out_of_run(&mut tx.ex(), &[taxi.line_id])
        .await
        .unwrap();
    assert!(
        expenses::approved_unpaid(&mut tx.ex(), &app.state.keys, dpo)
            .await
            .unwrap()
            .iter()
            .any(|a| a.line_id == taxi.line_id),
        "a failed payment can be issued again"
    );
    // Erasure keeps the amount and the day, and forgets the words and the receipt.
    expenses::forget_person(&mut tx.ex(), maya_person)
        .await
        .unwrap();
    let held = expenses::held_for(&mut tx.ex(), &app.state.keys, maya_person)
        .await
        .unwrap();
    assert!(
        held.iter()
            .all(|h| h.description.is_empty() && h.receipt.is_none())
    );
    assert!(held.iter().any(|h| h.amount_pence == 2_920));
    tx.commit().await.unwrap();
}
both!(
    finance_approve_and_query_and_the_core_pays_each_line_once,
    finance_approve_and_query_and_the_core_pays_each_line_once
);
