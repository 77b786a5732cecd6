//! Rates stated up front, end to end: an administrator keeps the rate card (a rate overlapping
//! another of its name is refused with a message; a rate is ended on a day) and the payment
//! settings (a bad sort code is refused and nothing is written); staff set an engagement's offer,
//! which the public engagement page, the booking page and the invitation state in English and
//! Welsh with the exact amount; and the amount for time is the rate in force on the day, in pence.

use time::macros::date;
use uuid::Uuid;
use withus::identity::StaffActor;
use withus::payments::dated::{Effective, RateName};
use withus::payments::money::Pence;
use withus::payments::offers::{self, LatePay, PaysThrough};
use withus::payments::rates::{Rate, RateUnit};
use withus::register::domain::Format;

use crate::both;
use crate::events::{FACILITATOR, add_event, people, world};
use crate::helpers::{Backend, TestApp, spawn_app_without_demo};
use crate::notifications::{body_to, prefer};

const ADMIN: &str = "admin@eventown.example";
const HOURLY: &str = "NIHR public contributor";

async fn admin(app: &TestApp) {
    withus::admin::create_user(
        &app.db,
        withus::admin::NewUser {
            email: ADMIN,
            name: "Ada",
            password: "eventown password 2026",
            site_admin: false,
            membership: Some(("Eventown Forum", "organisation_admin")),
        },
    )
    .await
    .unwrap();
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
        withus::db::Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
    }
    .unwrap()
}

fn date_fields<'a>(prefix: &str, d: &'a [String; 3]) -> Vec<(String, &'a str)> {
    ["day", "month", "year"]
        .iter()
        .zip(d.iter())
        .map(|(part, value)| (format!("{prefix}-{part}"), value.as_str()))
        .collect()
}

fn parts(d: time::Date) -> [String; 3] {
    [
        d.day().to_string(),
        u8::from(d.month()).to_string(),
        d.year().to_string(),
    ]
}

async fn add_rate_form(
    client: &mut crate::helpers::Client,
    base: &str,
    amount: &str,
    from: time::Date,
    to: Option<time::Date>,
) -> crate::helpers::Page {
    let from = parts(from);
    let to = to.map(parts).unwrap_or_default();
    let mut fields: Vec<(String, &str)> = vec![
        ("name".into(), HOURLY),
        ("unit".into(), "hour"),
        ("amount".into(), amount),
    ];
    fields.extend(date_fields("from", &from));
    fields.extend(date_fields("to", &to));
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    client.post(base, &fields).await
}

async fn rate_card_and_settings_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    admin(&app).await;
    let mut client = app.signed_in_client(ADMIN).await;
    let base = format!("/organisations/{}/payments/rates", world.org);
    let settings = format!("/organisations/{}/payments/settings", world.org);

    // The organisation's page leads to both pages.
    let home = client.get(&format!("/organisations/{}", world.org)).await;
    assert!(
        home.body.contains(&format!("href=\"{base}\"")),
        "{}",
        home.body
    );
    assert!(home.body.contains(&format!("href=\"{settings}\"")));

    // No settings yet: both pages say so plainly.
    let page = client.get(&base).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("has not set how it pays"),
        "{}",
        page.body
    );

    // Two rates of one name, one after the other.
    let added = add_rate_form(
        &mut client,
        &base,
        "25.00",
        date!(2025 - 04 - 01),
        Some(date!(2025 - 12 - 15)),
    )
    .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let added = add_rate_form(&mut client, &base, "27.50", date!(2025 - 12 - 16), None).await;
    assert_eq!(added.status, 303, "{}", added.body);

    // A third overlapping the open one is refused, saying which and how to fix it.
    let refused = add_rate_form(&mut client, &base, "30.00", date!(2026 - 01 - 01), None).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("already applies from 16 December 2025"),
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains("End that rate before this one starts")
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payment_rates").await, 2);

    // Ending the open rate, then the new one fits after it.
    let open: Uuid = {
        let mut conn = app.db.acquire().await.unwrap();
        offers::card_of(&mut conn.ex(), world.org)
            .await
            .unwrap()
            .into_iter()
            .find(|l| l.rate.effective.to().is_none())
            .unwrap()
            .id
    };
    let bad_end = client
        .post(
            &format!("{base}/end"),
            &[
                ("rate", &open.to_string()),
                ("end-day", "1"),
                ("end-month", "1"),
                ("end-year", "2025"),
            ],
        )
        .await;
    assert_eq!(bad_end.status, 422);
    assert!(
        bad_end
            .body
            .contains("on or after the day the rate started")
    );
    let ended = client
        .post(
            &format!("{base}/end"),
            &[
                ("rate", &open.to_string()),
                ("end-day", "31"),
                ("end-month", "3"),
                ("end-year", "2027"),
            ],
        )
        .await;
    assert_eq!(ended.status, 303, "{}", ended.body);
    let added = add_rate_form(&mut client, &base, "30.00", date!(2027 - 04 - 01), None).await;
    assert_eq!(added.status, 303, "{}", added.body);
    let page = client.get(&base).await;
    assert!(page.body.contains("£27.50 an hour"), "{}", page.body);
    assert!(page.body.contains("from 16 December 2025 to 31 March 2027"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_rate.added'"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_rate.ended'"
        )
        .await,
        1
    );

    // Settings: a bad sort code is refused with the GOV.UK message and nothing is written.
    let page = client.get(&settings).await;
    assert!(page.body.contains("has not set how it pays"));
    assert!(page.body.contains("value=\"6\""), "6 years is suggested");
    let mut fields = vec![
        ("threshold", "250.00"),
        ("pays_through", "bank_transfer"),
        ("late_hours", "24"),
        ("late_pays", "full"),
        ("retention_years", "6"),
        ("originator_name", "Eventown Forum"),
        ("sort_code", "12-34-5"),
        ("account_number", "12345678"),
        ("service_user_number", "123456"),
    ];
    let refused = client.post(&settings, &fields).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter a sort code of 6 digits, like 12-34-56"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("href=\"#sort_code\""),
        "error summary"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM payment_settings").await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_settings.set'"
        )
        .await,
        0
    );
    fields[6] = ("sort_code", "12-34-56");
    let saved = client.post(&settings, &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let stored = {
        let mut conn = app.db.acquire().await.unwrap();
        offers::settings_of(&mut conn.ex(), world.org)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(stored.two_person_threshold, Pence::new(25_000).unwrap());
    assert_eq!(stored.pays_through, PaysThrough::BankTransfer);
    assert_eq!(stored.late_cancellation.within_hours, 24);
    assert_eq!(stored.late_cancellation.pays, LatePay::Full);
    assert_eq!(stored.retention_years, 6);
    let account = stored.originator.unwrap();
    assert_eq!(account.name, "EVENTOWN FORUM");
    assert_eq!(account.sort_code, "123456");
    assert_eq!(stored.service_user_number.as_deref(), Some("123456"));
    let page = client.get(&settings).await;
    assert!(!page.body.contains("has not set how it pays"));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_settings.set'"
        )
        .await,
        1
    );
}
both!(rate_card_and_settings, rate_card_and_settings_body);

fn rate(pence: i64, from: time::Date, to: Option<time::Date>) -> Rate {
    Rate {
        name: RateName::new(HOURLY).unwrap(),
        unit: RateUnit::Hour,
        amount: Pence::new(pence).unwrap(),
        effective: Effective::new(from, to).unwrap(),
    }
}

async fn offer_is_shown_and_paid_at_the_rate_of_the_day_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let mut everyone = people(&app, &world, 3, true).await;
    let (welsh_reader, easy_reader, person) =
        (everyone.remove(2), everyone.remove(1), everyone.remove(0));
    prefer(
        &app,
        easy_reader.0,
        "email",
        &[Format::EasyRead],
        None,
        "en",
        "immediate",
    )
    .await;
    prefer(&app, welsh_reader.0, "email", &[], None, "cy", "immediate").await;
    let (event, rate_ids) = {
        let mut tx = app.db.begin().await.unwrap();
        let actor = StaffActor {
            account: None,
            organisation: world.org,
        };
        let before = offers::commands::add_rate(
            &mut tx.ex(),
            actor,
            &rate(2_500, date!(2025 - 04 - 01), Some(date!(2025 - 12 - 15))),
        )
        .await
        .unwrap();
        let after = offers::commands::add_rate(
            &mut tx.ex(),
            actor,
            &rate(2_750, date!(2025 - 12 - 16), None),
        )
        .await
        .unwrap();
        let event = add_event(&mut tx, world.org, world.engagement, world.venue, 10).await;
        tx.commit().await.unwrap();
        (event, (before, after))
    };
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let path = format!(
        "/organisations/{}/engagements/{}/payment-offer",
        world.org, world.engagement
    );
    let form = staff.get(&path).await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert!(form.body.contains(HOURLY));

    // A bad number of working days is refused and nothing is written.
    let mut fields = vec![
        ("rate", HOURLY),
        ("pays_events", "yes"),
        ("pays_surveys", "no"),
        ("survey_minutes", ""),
        ("expenses", "public_transport"),
        ("expenses", "taxi"),
        ("working_days", "ten"),
        ("note", ""),
        ("budget", "2,000.00"),
    ];
    let refused = staff.post(&path, &fields).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter the working days as a whole number")
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM payment_offers").await, 0);
    fields[6] = ("working_days", "10");
    let saved = staff.post(&path, &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'payment_offer.set'"
        )
        .await,
        1
    );

    let english = "We pay £27.50 an hour for your time (NIHR public contributor rate).";
    let repaid = "We repay: bus and train fares, taxis when your access needs mean you need one.";
    let choice = "You can choose to be paid less, or nothing, or have it paid to a charity.";
    let when = "Payment is made within 10 working days of approval.";
    let welsh = "Rydym yn talu £27.50 yr awr am eich amser (cyfradd NIHR public contributor).";
    let welsh_when = "Caiff y taliad ei wneud o fewn 10 diwrnod gwaith ar ôl ei gymeradwyo.";

    // The engagement's staff page shows it, with the way to change it.
    let shown = staff
        .get(&format!(
            "/organisations/{}/engagements/{}",
            world.org, world.engagement
        ))
        .await;
    assert!(shown.body.contains(english), "{}", shown.body);
    assert!(shown.body.contains("Change the payment offer"));

    // The public engagement page, in English and in Welsh, with Easy Read.
    let mut public = app.client();
    let page = public
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert_eq!(page.status, 200);
    for words in [english, repaid, choice, when] {
        assert!(page.body.contains(words), "{words}: {}", page.body);
    }
    assert!(page.body.contains("We pay £27.50 an hour."), "Easy Read");
    assert!(
        page.body
            .contains("You can ask for less money, or no money.")
    );
    public.get("/language?to=cy&return=/").await;
    let page = public
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(page.body.contains(welsh), "{}", page.body);
    assert!(page.body.contains(welsh_when));

    // The booking page, in both languages.
    let mut member = app.signed_in_client(&person.1).await;
    let page = member.get(&format!("/events/{event}/book")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(english), "{}", page.body);
    assert!(page.body.contains(choice));
    member.get("/language?to=cy&return=/").await;
    let page = member.get(&format!("/events/{event}/book")).await;
    assert!(page.body.contains(welsh), "{}", page.body);

    // The invitation to the event states it.
    let invited = staff
        .post(
            &format!(
                "/organisations/{}/engagements/{}/events/{event}/invite",
                world.org, world.engagement
            ),
            &[("panel", world.panel.to_string().as_str())],
        )
        .await;
    assert_eq!(invited.status, 303, "{}", invited.body);
    let email = body_to(&app, &person.1).await;
    assert!(email.contains(english), "{email}");
    assert!(email.contains(when), "{email}");
    let easy = body_to(&app, &easy_reader.1).await;
    for line in [
        "We pay you for your time.",
        "We pay £27.50 an hour.",
        "Bus and train fares.",
        "You can ask for less money, or no money.",
        "We pay you within 10 working days.",
    ] {
        assert!(easy.contains(line), "{line}: {easy}");
    }
    let cymraeg = body_to(&app, &welsh_reader.1).await;
    assert!(cymraeg.contains(welsh), "{cymraeg}");

    // Time is paid at the rate in force on the day, to the penny.
    let mut conn = app.db.acquire().await.unwrap();
    let mut ex = conn.ex();
    let before = offers::time_payment_for(&mut ex, world.engagement, date!(2025 - 12 - 15), 150)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(before.offered.pence(), Pence::new(6_250).unwrap());
    assert_eq!(before.rate_id, rate_ids.0);
    assert_eq!(before.rate_name, HOURLY);
    let after = offers::time_payment_for(&mut ex, world.engagement, date!(2025 - 12 - 16), 150)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.offered.pence(), Pence::new(6_875).unwrap());
    assert_eq!(after.rate_id, rate_ids.1);
    // 61 minutes at £27.50 is 2,795.83p: paid as 2,796p.
    let odd = offers::time_payment_for(&mut ex, world.engagement, date!(2026 - 01 - 05), 61)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(odd.offered.pence(), Pence::new(2_796).unwrap());
    // No rate in force before the first one starts; surveys are not paid under this offer.
    assert!(
        offers::time_payment_for(&mut ex, world.engagement, date!(2025 - 03 - 31), 60)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        offers::survey_payment_for(&mut ex, world.engagement, date!(2026 - 01 - 05))
            .await
            .unwrap()
            .is_none()
    );
    let offer = offers::offer_of(&mut ex, world.engagement)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(offer.budget, Some(Pence::new(200_000).unwrap()));
    assert!(offer.covered.public_transport && offer.covered.taxi && !offer.covered.meals);
    assert_eq!(
        offers::summary(&offer, withus::i18n::Locale::En),
        format!("{english} This is for the time you spend at our events. {repaid} {choice} {when}")
    );
}
both!(
    offer_is_shown_and_paid_at_the_rate_of_the_day,
    offer_is_shown_and_paid_at_the_rate_of_the_day_body
);
