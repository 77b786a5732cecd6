//! The notices door: each notice reaches the person by their channel, in their language and
//! format, at their pace; letters and calls go on staff lists; failures are listed; one-click
//! unsubscribe stops only what may be stopped.

use time::Duration;
use uuid::Uuid;
use withus::db::Db;
use withus::notices::{self, Delivery, Notice, NoticeKind};
use withus::register::domain::{Format, Preferences};
use withus::register::fixtures::{self as register, SealedColumn};
use withus::security::field_crypto::KeyRing;

use crate::both;
use crate::events::{FACILITATOR, people, world};
use crate::helpers::{Backend, Options, TestApp, spawn_app_with, spawn_app_without_demo};

/// Sends a letter from `organisation` to `person` (by post, to a made-up address) and returns the
/// notice's id: a set-up for the staff pages.
pub async fn letter_to(
    tx: &mut withus::db::Tx,
    keys: &KeyRing,
    organisation: Uuid,
    person: Uuid,
) -> Uuid {
    let to = notices::Addressee {
        person: Some(person),
        postal_address: Some("1 Matrix Road\nNorthtown NT1 1AA".into()),
        channel: notices::Channel::Post,
        ..notices::Addressee::account("", "Pat Matrix", withus::i18n::Locale::En)
    };
    let door = notices::Door { keys, sms: false };
    for _ in 0..2 {
        let notice = Notice::new(NoticeKind::PanelJoined)
            .arg("panel", "Matrix Panel")
            .arg("service", "Withus")
            .arg("link", "https://withus.example/your-data")
            .from(organisation);
        assert_eq!(
            notices::send(&mut tx.ex(), door, &to, notice)
                .await
                .unwrap(),
            Delivery::ToPrint
        );
    }
    latest_notice(tx).await
}

async fn latest_notice(tx: &mut withus::db::Tx) -> Uuid {
    let sql = "SELECT id FROM notifications ORDER BY created_at DESC, id DESC LIMIT 1";
    match tx {
        withus::db::Tx::Sqlite(t, _) => sqlx::query_scalar(sql).fetch_one(&mut **t).await.unwrap(),
        withus::db::Tx::Postgres(t) => sqlx::query_scalar(sql).fetch_one(&mut **t).await.unwrap(),
    }
}

/// Sets how a person wants to hear from us, as the "How we contact you" page stores it.
pub(crate) async fn prefer(
    app: &TestApp,
    person: Uuid,
    method: &str,
    formats: &[Format],
    size: Option<u8>,
    language: &str,
    frequency: &str,
) {
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let preferences = Preferences {
        formats: formats.to_vec(),
        large_print_size: size,
        ..Preferences::default()
    };
    let sealed = withus::register::profile::seal_json(
        &keys,
        person,
        SealedColumn::Preferences,
        &preferences,
    );
    register::set_sealed(
        &mut tx.ex(),
        person,
        SealedColumn::Preferences,
        Some(&sealed),
    )
    .await
    .unwrap();
    let address = withus::register::profile::seal_text(
        &keys,
        person,
        SealedColumn::PostalAddress,
        "4 Mill Lane\nNorthtown NT2 2BB",
    );
    register::set_sealed(
        &mut tx.ex(),
        person,
        SealedColumn::PostalAddress,
        Some(&address),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let sql = format!(
        "UPDATE people SET contact_method = '{method}', language = '{language}', \
         notice_frequency = '{frequency}', phone = '01234 567890' WHERE id = '{person}'"
    );
    set_for(app, &sql, person).await;
}

/// A letter reader in large print at `size`, someone who is phoned, an Easy Read reader and a
/// Welsh reader.
async fn four_readers(app: &TestApp, [letter, phone, easy, welsh]: [Uuid; 4], size: u8) {
    let large = [Format::LargePrint];
    prefer(app, letter, "post", &large, Some(size), "en", "immediate").await;
    prefer(app, phone, "phone", &[], None, "en", "immediate").await;
    prefer(
        app,
        easy,
        "email",
        &[Format::EasyRead],
        None,
        "en",
        "immediate",
    )
    .await;
    prefer(app, welsh, "email", &[], None, "cy", "immediate").await;
}

/// Runs an UPDATE on people for one person (ids are stored differently in each database).
pub(crate) async fn set_for(app: &TestApp, sql: &str, person: Uuid) {
    let sql = sql.replace(&format!("'{person}'"), "$1");
    let sql = sqlx::AssertSqlSafe(sql);
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query(sql)
            .bind(person)
            .execute(pool)
            .await
            .map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql)
            .bind(person)
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .unwrap();
}

async fn send(app: &TestApp, person: Uuid, organisation: Uuid, kind: NoticeKind) -> Delivery {
    let mut tx = app.db.begin().await.unwrap();
    let to = withus::register::contact::addressee(&app.state, &mut tx.ex(), person)
        .await
        .unwrap()
        .expect("on the register");
    let notice = Notice::new(kind)
        .arg("name", to.name.as_str())
        .arg("event", "Planning day")
        .arg("when", "Monday")
        .arg("link", "https://withus.example/x")
        .arg("expires", "Friday at 5pm")
        .arg("panel", "Eventown Panel")
        .arg("service", "Withus")
        .about("Planning day", None)
        .from(organisation);
    let delivery = notices::send(&mut tx.ex(), app.state.door(), &to, notice)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    delivery
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    app.scalar_i64(sql).await
}

/// The smallest font size set anywhere in a PDF's pages.
fn smallest_font(pdf: &[u8]) -> f32 {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let mut smallest = f32::MAX;
    for (_, page) in doc.get_pages() {
        let content = doc.get_page_content(page).unwrap();
        let ops = lopdf::content::Content::decode(&content)
            .unwrap()
            .operations;
        for op in ops.iter().filter(|op| op.operator == "Tf") {
            let size = match &op.operands[1] {
                lopdf::Object::Integer(i) => *i as f32,
                lopdf::Object::Real(r) => *r,
                _ => continue,
            };
            smallest = smallest.min(size);
        }
    }
    smallest
}

async fn each_channel_and_format_is_followed_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 5, false).await;
    let [letter, phone, easy, welsh, text] = [0, 1, 2, 3, 4].map(|i| people[i].0);
    four_readers(&app, [letter, phone, easy, welsh], 20).await;
    // No text message service in this app: texts fall back to the next channel (email).
    prefer(&app, text, "sms", &[], None, "en", "immediate").await;

    for kind in [NoticeKind::EventInvitation, NoticeKind::PlaceOffered] {
        assert_eq!(send(&app, letter, world.org, kind).await, Delivery::ToPrint);
        assert_eq!(send(&app, phone, world.org, kind).await, Delivery::ToPhone);
        assert_eq!(
            send(&app, easy, world.org, kind).await,
            Delivery::Queued(notices::Channel::Email)
        );
        assert_eq!(
            send(&app, welsh, world.org, kind).await,
            Delivery::Queued(notices::Channel::Email)
        );
        assert_eq!(
            send(&app, text, world.org, kind).await,
            Delivery::Queued(notices::Channel::Email)
        );
    }
    // Letters and calls are not emailed: four emails each (easy, welsh, text) × 2 kinds = 6.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 6);
    let (to, body) = app.last_email().await;
    assert_eq!(to, people[4].1);
    assert!(body.contains("Hello Person 4"), "{body}");
    let easy_body = body_to(&app, &people[2].1).await;
    assert!(
        easy_body.contains("Do you want it?"),
        "Easy Read wording: {easy_body}"
    );
    let welsh_body = body_to(&app, &people[3].1).await;
    assert!(welsh_body.contains("Helo"), "Welsh: {welsh_body}");

    // Staff see the letters and calls, and print the letter at the person's size.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let lists = staff
        .get(&format!("/organisations/{}/messages", world.org))
        .await;
    assert_eq!(lists.status, 200);
    assert_eq!(lists.body.matches("id=\"letter-").count(), 2);
    assert_eq!(lists.body.matches("id=\"call-").count(), 2);
    assert!(lists.body.contains("01234 567890"), "the number to phone");
    assert!(lists.body.contains("Large print, 20 point"));
    let letters: Vec<Uuid> = regex::Regex::new(r#"id="letter-([0-9a-f-]{36})""#)
        .unwrap()
        .captures_iter(&lists.body)
        .map(|c| c[1].parse().unwrap())
        .collect();
    let (status, kind, pdf) = staff
        .get_bytes(&format!(
            "/organisations/{}/messages/{}/letter.pdf",
            world.org, letters[0]
        ))
        .await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert_eq!(smallest_font(&pdf), 20.0, "no text below the person's size");
    let (status, _, batch) = staff
        .get_bytes(&format!(
            "/organisations/{}/messages/letters.pdf",
            world.org
        ))
        .await;
    assert_eq!(status, 200);
    assert!(lopdf::Document::load_mem(&batch).unwrap().get_pages().len() >= 2);

    // Printed, then posted: off the list, once.
    let step = |id: Uuid, what: &str| format!("/organisations/{}/messages/{id}/{what}", world.org);
    assert_eq!(
        staff.post(&step(letters[0], "printed"), &[]).await.status,
        303
    );
    assert_eq!(
        staff.post(&step(letters[0], "posted"), &[]).await.status,
        303
    );
    let again = staff.post(&step(letters[0], "posted"), &[]).await;
    assert_eq!(again.status, 303);
    let lists = staff
        .get(&format!("/organisations/{}/messages", world.org))
        .await;
    assert_eq!(lists.body.matches("id=\"letter-").count(), 1);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'notice.posted'"
        )
        .await,
        1,
        "posted once"
    );
    let call = regex::Regex::new(r#"id="call-([0-9a-f-]{36})""#)
        .unwrap()
        .captures(&lists.body)
        .unwrap()[1]
        .to_owned();
    let phoned = staff
        .post(
            &format!("/organisations/{}/messages/{call}/phoned", world.org),
            &[("outcome", "Told them; they will come")],
        )
        .await;
    assert_eq!(phoned.status, 303);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'phoned' AND outcome = 'Told them; they will come'").await,
        1
    );
}
both!(
    each_channel_and_format_is_followed,
    each_channel_and_format_is_followed_body
);

pub(crate) async fn body_to(app: &TestApp, address: &str) -> String {
    let sql = "SELECT body_text FROM outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1";
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).bind(address).fetch_one(pool).await,
        Db::Postgres(pool) => sqlx::query_scalar(sql).bind(address).fetch_one(pool).await,
    }
    .unwrap()
}

async fn a_weekly_digest_goes_once_with_every_notice_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, false).await;
    let (person, address) = (&people[0].0, &people[0].1);
    prefer(&app, *person, "email", &[], None, "en", "weekly").await;
    for kind in [
        NoticeKind::EventInvitation,
        NoticeKind::FeedbackRequest,
        NoticeKind::PanelJoined,
    ] {
        assert_eq!(send(&app, *person, world.org, kind).await, Delivery::Held);
    }
    // Urgent notices never wait.
    assert_eq!(
        send(&app, *person, world.org, NoticeKind::PlaceOffered).await,
        Delivery::Queued(notices::Channel::Email)
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 1);

    let directory = withus::register::contact::RegisterDirectory(app.state.clone());
    let now = withus::db::now();
    let sweep = |at| {
        let (db, state, directory) = (&app.db, &app.state, &directory);
        async move {
            notices::digest::sweep(db, state.door(), directory, at)
                .await
                .unwrap()
        }
    };
    assert_eq!(sweep(now).await, 0, "the week has not ended");
    assert_eq!(sweep(now + Duration::days(8)).await, 1);
    assert_eq!(sweep(now + Duration::days(8) + Duration::hours(1)).await, 0);
    // A restarted worker (a new app on the same database) sends nothing twice.
    let restarted = withus::app::Application::build((*app.state.config).clone())
        .await
        .unwrap();
    let state = restarted.state().clone();
    let again = notices::digest::sweep(
        &state.db,
        state.door(),
        &withus::register::contact::RegisterDirectory(state.clone()),
        now + Duration::days(9),
    )
    .await
    .unwrap();
    assert_eq!(again, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 2);
    let digest = body_to(&app, address).await;
    for subject in [
        "You are invited: Planning day",
        "Were your access needs met? Planning day",
        "You have joined Eventown Panel",
    ] {
        assert!(digest.contains(subject), "{subject} in {digest}");
    }
    assert!(
        digest.contains("About Planning day\n\nYou are invited: Planning day"),
        "grouped under a heading in words: {digest}"
    );
    assert!(!digest.contains("==="), "no rule of symbols: {digest}");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE status = 'in_digest'"
        )
        .await,
        3
    );
}
both!(
    a_weekly_digest_goes_once_with_every_notice,
    a_weekly_digest_goes_once_with_every_notice_body
);

async fn unsubscribe_stops_optional_notices_but_not_a_password_reset_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, true).await;
    let (person, address) = (people[0].0, people[0].1.clone());
    assert_eq!(
        send(&app, person, world.org, NoticeKind::EventInvitation).await,
        Delivery::Queued(notices::Channel::Email)
    );
    let link: Option<String> = {
        let sql = "SELECT unsubscribe_url FROM outbox ORDER BY created_at DESC LIMIT 1";
        match &app.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .unwrap()
    };
    let link = link.expect("an optional notice carries the unsubscribe link");
    let path = link.trim_start_matches(&app.base);
    // Someone following the link sees what stops and what does not.
    let page = app.client().get(path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("You will still get messages you must have")
    );
    // A forged link is not found.
    let forged = format!("/unsubscribe/{person}/{}", "0".repeat(32));
    assert_eq!(app.client().get(&forged).await.status, 404);
    // A mail client's one-click post: no session, no CSRF token, no Origin.
    let response = reqwest::Client::new()
        .post(&link)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        send(&app, person, world.org, NoticeKind::EventInvitation).await,
        Delivery::Declined
    );
    // What they must receive still comes: a password reset.
    let mut client = app.client();
    let reset = client
        .post("/password-reset", &[("email", address.as_str())])
        .await;
    assert!(reset.status.is_success() || reset.status.is_redirection());
    let (to, body) = app.last_email().await;
    assert_eq!(to, address);
    assert!(body.contains("reset"), "{body}");
    let header: Option<String> = {
        let sql = "SELECT unsubscribe_url FROM outbox ORDER BY created_at DESC LIMIT 1";
        match &app.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .unwrap()
    };
    assert_eq!(header, None, "no unsubscribe on what a person must receive");
}
both!(
    unsubscribe_stops_optional_notices_but_not_a_password_reset,
    unsubscribe_stops_optional_notices_but_not_a_password_reset_body
);

async fn failed_messages_land_on_the_staff_list_body(backend: Backend) {
    // Text messages go to a folder that cannot be made (its parent is a file).
    let blocker = tempfile::NamedTempFile::new().unwrap();
    let sms_dir = blocker.path().join("sms");
    let app = spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: vec![("WITHUS_SMS_DIR", sms_dir.display().to_string())],
        },
    )
    .await;
    let world = world(&app).await;
    let people = people(&app, &world, 2, false).await;
    prefer(&app, people[0].0, "sms", &[], None, "en", "immediate").await;
    // The email reader asked for large print: the message sent again keeps its HTML part.
    prefer(
        &app,
        people[1].0,
        "email",
        &[Format::LargePrint],
        Some(22),
        "en",
        "immediate",
    )
    .await;
    assert_eq!(
        send(&app, people[0].0, world.org, NoticeKind::PlaceOffered).await,
        Delivery::Queued(notices::Channel::Sms)
    );
    assert_eq!(
        send(&app, people[1].0, world.org, NoticeKind::PlaceOffered).await,
        Delivery::Queued(notices::Channel::Email)
    );
    // The provider refuses on the last attempt: the text fails for good.
    app.execute("UPDATE sms_outbox SET attempts = 7").await;
    let worker = withus::sms::Worker {
        db: app.db.clone(),
        provider: std::sync::Arc::new(withus::sms::FileProvider { dir: sms_dir }),
    };
    assert_eq!(worker.drain_once().await.unwrap(), 0);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM sms_outbox WHERE status = 'failed'"
        )
        .await,
        1
    );
    // The email's delivery gave up too (the mail server refused it every time).
    app.execute("UPDATE outbox SET status = 'failed', last_error = 'mailbox unavailable'")
        .await;

    let mut staff = app.signed_in_client(FACILITATOR).await;
    let lists = staff
        .get(&format!("/organisations/{}/messages", world.org))
        .await;
    assert_eq!(
        lists.body.matches("id=\"problem-").count(),
        2,
        "{}",
        lists.body
    );
    assert!(lists.body.contains("mailbox unavailable"));
    assert!(lists.body.contains("could not create"));
    // Each problem with the words shown under it, up to the next one.
    let problems: Vec<(String, &str)> = lists
        .body
        .split("id=\"problem-")
        .skip(1)
        .map(|part| (part[..36].to_owned(), part))
        .collect();
    // The text is moved to the phone list; the email is sent again.
    for (id, shown) in &problems {
        let step = if shown.contains("mailbox unavailable") {
            "retry"
        } else {
            "another-way"
        };
        let done = staff
            .post(
                &format!("/organisations/{}/messages/{id}/{step}", world.org),
                &[],
            )
            .await;
        assert_eq!(done.status, 303);
    }
    let lists = staff
        .get(&format!("/organisations/{}/messages", world.org))
        .await;
    assert_eq!(lists.body.matches("id=\"problem-").count(), 0);
    assert_eq!(lists.body.matches("id=\"call-").count(), 1);
    // The email worker may already have sent it: the new message is queued or sent, never failed.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox WHERE status <> 'failed'").await,
        1,
        "the retried email is queued again as a new message"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM outbox WHERE status <> 'failed' AND body_html LIKE '%font-size: 22pt%'").await,
        1,
        "the email is sent again as the same message, large print and all"
    );
}
both!(
    failed_messages_land_on_the_staff_list,
    failed_messages_land_on_the_staff_list_body
);

async fn how_we_contact_you_is_chosen_by_the_person_and_by_staff_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, true).await;
    let (person, address) = (people[0].0, people[0].1.clone());
    let mut own = app.signed_in_client(&address).await;
    let form = own.get("/your-data/contact").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("How we contact you"));
    // No postal address on record: letters cannot be chosen yet; a size out of range is refused.
    let refused = own
        .post(
            "/your-data/contact",
            &[
                ("method", "post"),
                ("language", "cy"),
                ("formats", "easy_read"),
                ("large_print_size", "9"),
                ("frequency", "weekly"),
                ("receive", "event_reminder"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    // Nothing they chose is lost: the page shows their answers again.
    for chosen in [
        r#"name="language" type="radio" value="cy" checked"#,
        r#"name="formats" type="checkbox" value="easy_read" checked"#,
        r#"name="frequency" type="radio" value="weekly" checked"#,
        r#"name="receive" type="checkbox" value="event_reminder" checked"#,
        r#"value="9""#,
    ] {
        assert!(
            refused.body.contains(chosen),
            "{chosen} in {}",
            refused.body
        );
    }
    assert!(
        !refused
            .body
            .contains(r#"name="receive" type="checkbox" value="event_invitation" checked"#),
        "an unticked kind stays unticked"
    );
    assert!(
        refused
            .body
            .contains("There is no postal address on record"),
        "{}",
        refused.body
    );
    assert!(
        refused.body.contains("Enter a print size from 16 to 48"),
        "{}",
        refused.body
    );
    assert!(
        !refused.body.contains("Unknown localization key"),
        "{}",
        refused.body
    );
    let saved = own
        .post(
            "/your-data/contact",
            &[
                ("method", "email"),
                ("language", "cy"),
                ("formats", "easy_read"),
                ("large_print_size", ""),
                ("frequency", "weekly"),
                ("receive", "event_reminder"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let to = {
        let mut conn = app.db.acquire().await.unwrap();
        withus::register::contact::addressee(&app.state, &mut conn.ex(), person)
            .await
            .unwrap()
            .unwrap()
    };
    assert_eq!(to.locale, withus::i18n::Locale::Cy);
    assert!(to.style.easy_read);
    assert_eq!(to.frequency, notices::Frequency::Weekly);
    assert!(to.declined.contains(&NoticeKind::EventInvitation));
    assert!(!to.declined.contains(&NoticeKind::EventReminder));
    // Staff acting for the person change it back to letters by phone request.
    prefer(&app, person, "email", &[], None, "cy", "weekly").await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let by_staff = staff
        .post(
            &format!("/organisations/{}/people/{person}/contact", world.org),
            &[
                ("method", "post"),
                ("language", "en"),
                ("formats", "large_print"),
                ("large_print_size", "24"),
                ("frequency", "immediate"),
            ],
        )
        .await;
    assert_eq!(by_staff.status, 303, "{}", by_staff.body);
    assert_eq!(
        send(&app, person, world.org, NoticeKind::PlaceOffered).await,
        Delivery::ToPrint
    );
    // The person sees the message and where it is.
    let page = own.get("/your-data/contact").await;
    assert!(page.body.contains("Letter to print"), "{}", page.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'person.contact_preferences_changed'"
        )
        .await,
        2
    );
}
both!(
    how_we_contact_you_is_chosen_by_the_person_and_by_staff,
    how_we_contact_you_is_chosen_by_the_person_and_by_staff_body
);

async fn the_demo_shows_every_way_of_being_contacted_body(backend: Backend) {
    let app = crate::helpers::spawn_app(backend).await;
    // Maya: Easy Read invitation and waiting-list offer, then an Easy Read receipt, answer and
    // report for what she said (and a receipt for what she told the closed consultation).
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'member@northtown-dpf.example' AND body_text LIKE '%Do you want it?%'"
        )
        .await,
        1,
        "the Easy Read offer"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'member@northtown-dpf.example' \
             AND subject NOT LIKE 'Has it made a difference?%' AND subject NOT LIKE 'News about a recommendation%' \
             AND subject NOT LIKE 'Your payment of %' AND subject NOT LIKE 'We have paid you %'"
        )
        .await,
        6
    );
    // Her payments: the survey paid as a task two months ago and the planning session at the
    // Hub were approved, and the first was paid.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'member@northtown-dpf.example' \
             AND subject LIKE 'Your payment of %'"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'member@northtown-dpf.example' \
             AND subject LIKE 'We have paid you £27.50%'"
        )
        .await,
        1
    );
    // She is in the implementation group, so she was asked once about each of the three
    // recommendations marked implemented.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'member@northtown-dpf.example' \
             AND subject LIKE 'Has it made a difference?%'"
        )
        .await,
        3
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE recipient_name = 'Maya Patel' AND easy_read AND kind IN ('contribution_received', 'contribution_acknowledged', 'feedback_report_published')"
        )
        .await,
        4
    );
    // A Welsh reader gets Welsh.
    assert!(
        count(
            &app,
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Rydych%' OR body_text LIKE 'Helo%'"
        )
        .await
            >= 1
    );
    // One invitation at 20 point on the DPO's list, and Margaret on the phone list: her
    // invitation, and the confirmation of the place the facilitator booked when she phoned.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'to_print' AND print_points = 20 AND recipient_name = 'Joseph Ellis' AND kind = 'event_invitation'").await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'to_phone' AND recipient_name = 'Margaret Thompson' AND kind IN ('event_invitation', 'event_booked')").await,
        2
    );
    // Joseph's letter was answered with a receipt, then the "You said, we did" report: letters
    // at 20 point, once each, never email.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'to_print' AND print_points = 20 AND recipient_name = 'Joseph Ellis' AND kind = 'contribution_received'").await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'to_print' AND print_points = 20 AND recipient_name = 'Joseph Ellis' AND kind = 'feedback_report_published'").await,
        1
    );
    // One weekly digest holding six notices: three, then their receipt and the report, and the
    // approval of their payment for the planning session.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE status = 'in_digest'"
        )
        .await,
        6
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE status = 'in_digest' AND kind = 'payment_approved'"
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE status = 'in_digest' AND kind IN ('contribution_received', 'feedback_report_published')").await,
        2
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'digest'"
        )
        .await,
        1
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM notice_digests").await, 1);
}
both!(
    the_demo_shows_every_way_of_being_contacted,
    the_demo_shows_every_way_of_being_contacted_body
);

/// Every kind of notice (with all the arguments its messages use), for each preference: letters
/// and calls go on the staff lists, Easy Read readers get the Easy Read wording, Welsh readers
/// Welsh, and no message is missing its words.
async fn every_kind_follows_every_preference_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 4, false).await;
    let [letter, phone, easy, welsh] = [0, 1, 2, 3].map(|i| people[i].0);
    four_readers(&app, [letter, phone, easy, welsh], 24).await;
    let kinds: Vec<NoticeKind> = NoticeKind::ALL
        .iter()
        .copied()
        .filter(|k| *k != NoticeKind::Digest)
        .collect();
    for kind in &kinds {
        for (person, expected) in [
            (letter, Delivery::ToPrint),
            (phone, Delivery::ToPhone),
            (easy, Delivery::Queued(notices::Channel::Email)),
            (welsh, Delivery::Queued(notices::Channel::Email)),
        ] {
            let mut tx = app.db.begin().await.unwrap();
            let to = withus::register::contact::addressee(&app.state, &mut tx.ex(), person)
                .await
                .unwrap()
                .unwrap();
            let notice = every_argument(Notice::new(*kind)).from(world.org);
            let delivery = notices::send(&mut tx.ex(), app.state.door(), &to, notice)
                .await
                .unwrap();
            tx.commit().await.unwrap();
            assert_eq!(delivery, expected, "{kind:?} to {person}");
        }
    }
    let n = kinds.len() as i64;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM outbox").await, 2 * n);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE status = 'to_print' AND print_points = 24"
        )
        .await,
        n
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE status = 'to_phone'"
        )
        .await,
        n
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE body LIKE '%Unknown localization%' OR subject LIKE '%Unknown localization%'").await,
        0,
        "every message has its words"
    );
    // Each reader got the wording of their format and language.
    for kind in &kinds {
        let (subject_key, body_key, easy_key) = kind.keys();
        let args = every_argument(Notice::new(*kind)).args;
        let easy_body = withus::i18n::Locale::En.t_args(easy_key, &args);
        let welsh_subject = withus::i18n::Locale::Cy.t_args(subject_key, &args);
        assert_ne!(
            easy_body,
            withus::i18n::Locale::En.t_args(body_key, &args),
            "{kind:?}"
        );
        assert!(
            stored(&app, easy, &easy_body).await,
            "{kind:?}: Easy Read body"
        );
        assert!(
            stored_subject(&app, welsh, &welsh_subject).await,
            "{kind:?}: Welsh subject"
        );
    }
}
both!(
    every_kind_follows_every_preference,
    every_kind_follows_every_preference_body
);

fn every_argument(notice: Notice) -> Notice {
    notice
        .arg("name", "Sam")
        .arg("event", "Planning day")
        .arg("when", "Monday 1 March, 10:00")
        .arg("place", "Eventown Hub")
        .arg("calendar", "https://withus.example/c.ics")
        .arg("link", "https://withus.example/x")
        .arg("expires", "Friday at 5pm")
        .arg("panel", "Eventown Panel")
        .arg("service", "Withus")
        .arg("organisation", "Eventown Forum")
        .arg("role", "member")
        .arg("days", 7i64)
        .arg("hours", 1i64)
        .arg("group", "Short breaks group")
        .arg("item", "BSL interpreter")
        .arg("reason", "None were free")
        .arg("alternative", "Captions")
        .arg("changes", "The time changed.")
        .arg("count", 1i64)
        .arg("notices", "")
        .arg("reference", "WU-AB12-CD34")
        .arg("engagement", "Short breaks")
        .arg("due", "Friday 18 December 2026")
        .arg("answer", "Thank you, we read it.")
        .arg("themes", "- Transport")
        .arg("decided", "We will add seats.")
        .arg("survey", "Getting to our meetings")
        .arg("code", "ABCD2346")
        .arg("recommendation", "Step-free meeting rooms")
        .arg("news", "The decision is: Accepted.")
        .arg("payment", "We pay £27.50 an hour for your time.\n\n")
        .arg("payment_easy", "We pay you for your time.\n\n")
        .arg("amount", "£55.00")
        .arg("for", "Planning day")
}

async fn stored(app: &TestApp, person: Uuid, body: &str) -> bool {
    let sql = "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND body = $2";
    let found: i64 = match &app.db {
        Db::Sqlite(pool, ..) => {
            sqlx::query_scalar(sql)
                .bind(person)
                .bind(body)
                .fetch_one(pool)
                .await
        }
        Db::Postgres(pool) => {
            sqlx::query_scalar(sql)
                .bind(person)
                .bind(body)
                .fetch_one(pool)
                .await
        }
    }
    .unwrap();
    found == 1
}

async fn stored_subject(app: &TestApp, person: Uuid, subject: &str) -> bool {
    let sql = "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND subject = $2";
    let found: i64 = match &app.db {
        Db::Sqlite(pool, ..) => {
            sqlx::query_scalar(sql)
                .bind(person)
                .bind(subject)
                .fetch_one(pool)
                .await
        }
        Db::Postgres(pool) => {
            sqlx::query_scalar(sql)
                .bind(person)
                .bind(subject)
                .fetch_one(pool)
                .await
        }
    }
    .unwrap();
    found >= 1
}

async fn text_message_receipts_say_delivered_or_failed_body(backend: Backend) {
    let sms_dir = tempfile::tempdir().unwrap();
    let app = spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: vec![
                ("WITHUS_SMS_DIR", sms_dir.path().display().to_string()),
                ("WITHUS_SMS_RECEIPT_TOKEN", "receipt-secret".to_owned()),
            ],
        },
    )
    .await;
    let world = world(&app).await;
    let people = people(&app, &world, 2, false).await;
    for (person, _) in &people {
        prefer(&app, *person, "sms", &[], None, "en", "immediate").await;
        assert_eq!(
            send(&app, *person, world.org, NoticeKind::PlaceOffered).await,
            Delivery::Queued(notices::Channel::Sms)
        );
    }
    let worker = withus::sms::Worker {
        db: app.db.clone(),
        provider: std::sync::Arc::new(withus::sms::FileProvider {
            dir: sms_dir.path().to_owned(),
        }),
    };
    assert_eq!(worker.drain_once().await.unwrap(), 2);
    let written = std::fs::read_dir(sms_dir.path()).unwrap().count();
    assert_eq!(written, 2, "each text written once");
    let ids: Vec<String> = {
        let sql = "SELECT provider_id FROM sms_outbox ORDER BY created_at, id";
        match &app.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_all(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await,
        }
        .unwrap()
    };
    let receipt = |token: &'static str, body: String| {
        let url = format!("{}/sms/receipts", app.base);
        async move {
            reqwest::Client::new()
                .post(url)
                .bearer_auth(token)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        receipt("wrong", format!("id={}&status=delivered", ids[0])).await,
        404
    );
    assert_eq!(
        receipt("receipt-secret", format!("id={}&status=delivered", ids[0])).await,
        204
    );
    assert_eq!(
        receipt(
            "receipt-secret",
            format!("id={}&status=failed&reason=Number+not+in+service", ids[1])
        )
        .await,
        204
    );
    assert_eq!(
        receipt("receipt-secret", "id=nobody&status=failed".into()).await,
        404
    );
    let history = |person| {
        let db = app.db.clone();
        async move {
            let mut conn = db.acquire().await.unwrap();
            notices::history_of(&mut conn.ex(), person).await.unwrap()
        }
    };
    assert_eq!(
        history(people[0].0).await[0].status,
        notices::Status::Delivered
    );
    let failed = &history(people[1].0).await[0];
    assert_eq!(failed.status, notices::Status::Failed);
    assert_eq!(failed.reason.as_deref(), Some("Number not in service"));
}
both!(
    text_message_receipts_say_delivered_or_failed,
    text_message_receipts_say_delivered_or_failed_body
);

async fn demo_dpo(app: &TestApp) -> withus::organisations::OrganisationRow {
    let mut conn = app.db.acquire().await.unwrap();
    withus::organisations::find_by_name(&mut conn.ex(), withus::demo::DPO)
        .await
        .unwrap()
        .unwrap()
}

async fn an_admin_sets_the_address_on_letters_body(backend: Backend) {
    let app = crate::helpers::spawn_app(backend).await;
    let mut admin = app.signed_in_client("admin@northtown-dpf.example").await;
    let dpo = demo_dpo(&app).await;
    assert!(
        dpo.postal_address.contains("Riverside Centre"),
        "the demo sets one"
    );
    let url = format!("/organisations/{}/address", dpo.id);
    let form = admin.get(&url).await;
    assert_eq!(form.status, 200);
    let too_many = (1..=9)
        .map(|n| format!("Line {n}"))
        .collect::<Vec<_>>()
        .join("\n");
    let refused = admin.post(&url, &[("address", too_many.as_str())]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("The address must be 8 lines or fewer")
    );
    let saved = admin
        .post(
            &url,
            &[("address", "  2 New Street \n\n Northtown NT9 9ZZ ")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let mut conn = app.db.acquire().await.unwrap();
    let after = withus::organisations::find(&mut conn.ex(), dpo.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.postal_address, "2 New Street\nNorthtown NT9 9ZZ");
    drop(conn);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'organisation.address_changed'"
        )
        .await,
        2,
        "the demo's and this one"
    );
}
both!(
    an_admin_sets_the_address_on_letters,
    an_admin_sets_the_address_on_letters_body
);

async fn an_organisation_that_writes_in_both_languages_writes_welsh_first_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, false).await;
    let (person, address) = (people[0].0, people[0].1.clone());
    let mut tx = app.db.begin().await.unwrap();
    let plain = withus::organisations::domain::PostalAddress::parse("1 High Street").unwrap();
    withus::organisations::commands::set_letters(&mut tx.ex(), None, world.org, &plain, true)
        .await
        .unwrap();
    let event =
        crate::events::add_event(&mut tx, world.org, world.engagement, world.venue, 5).await;
    let event = withus::events::fixtures::find_event(&mut tx.ex(), event)
        .await
        .unwrap()
        .unwrap();
    // An English reader, told of an event change.
    let delivery = withus::events::letters::send(
        &mut tx.ex(),
        &app.state,
        withus::events::letters::Letter::Changed,
        &event,
        None,
        person,
        |_| vec![("changes", "The time changed.".into())],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(delivery, Delivery::Queued(notices::Channel::Email));
    let body = body_to(&app, &address).await;
    let welsh = body.find("Helo").expect("Welsh");
    let english = body.find("Hello").expect("English");
    assert!(welsh < english, "Welsh first: {body}");
    assert!(
        body.contains("\n\nIn English:\n\n"),
        "the English is introduced in words: {body}"
    );
    assert!(!body.contains("-----"), "no rule of dashes: {body}");
    let subject: String = {
        let sql = "SELECT subject FROM outbox ORDER BY created_at DESC LIMIT 1";
        match &app.db {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .unwrap()
    };
    assert!(subject.contains(" / "), "both subjects: {subject}");
}
both!(
    an_organisation_that_writes_in_both_languages_writes_welsh_first,
    an_organisation_that_writes_in_both_languages_writes_welsh_first_body
);

/// A stand-in for GOV.UK Notify's text message endpoint: it checks what Notify checks (a signed
/// token, the template, the number and the words) and answers with its own message id.
async fn stand_in_notify(
    received: std::sync::Arc<std::sync::Mutex<Vec<serde_json::Value>>>,
) -> String {
    use axum::routing::post;
    let app = axum::Router::new().route(
        "/v2/notifications/sms",
        post(
            move |headers: axum::http::HeaderMap,
                  axum::Json(body): axum::Json<serde_json::Value>| {
                let received = received.clone();
                async move {
                    let signed = headers
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .is_some_and(|v| v.starts_with("Bearer ") && v.matches('.').count() == 2);
                    if !signed || body["template_id"] != "b3d7a1f0-1111-4222-8333-944455556666" {
                        return (
                            axum::http::StatusCode::FORBIDDEN,
                            axum::Json(serde_json::json!({})),
                        );
                    }
                    received.lock().unwrap().push(body);
                    (
                        axum::http::StatusCode::CREATED,
                        axum::Json(serde_json::json!({ "id": "notify-740e5834" })),
                    )
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

async fn texts_go_through_gov_uk_notify_and_its_callbacks_body(backend: Backend) {
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let notify = stand_in_notify(received.clone()).await;
    let app = spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: vec![
                (
                    "WITHUS_NOTIFY_API_KEY",
                    "withus-test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0".to_owned(),
                ),
                ("WITHUS_NOTIFY_SMS_TEMPLATE", "b3d7a1f0-1111-4222-8333-944455556666".to_owned()),
                ("WITHUS_NOTIFY_URL", notify),
                ("WITHUS_SMS_RECEIPT_TOKEN", "callback-secret".to_owned()),
            ],
        },
    )
    .await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, false).await;
    prefer(&app, people[0].0, "sms", &[], None, "en", "immediate").await;
    assert_eq!(
        send(&app, people[0].0, world.org, NoticeKind::PlaceOffered).await,
        Delivery::Queued(notices::Channel::Sms)
    );
    // The app's own worker hands it to Notify.
    let mut sent = 0;
    for _ in 0..100 {
        sent = count(
            &app,
            "SELECT COUNT(*) FROM sms_outbox WHERE provider_id = 'notify-740e5834'",
        )
        .await;
        if sent == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(sent, 1, "Notify took the message");
    {
        let received = received.lock().unwrap();
        assert_eq!(received.len(), 1);
        assert_eq!(received[0]["phone_number"], "01234 567890");
        let words = received[0]["personalisation"]["message"].as_str().unwrap();
        assert!(words.contains("A place is free for you"), "{words}");
    }
    // Notify's callback, as it sends it.
    let callback = reqwest::Client::new()
        .post(format!("{}/sms/receipts", app.base))
        .bearer_auth("callback-secret")
        .json(&serde_json::json!({
            "id": "notify-740e5834",
            "reference": "x",
            "to": "01234 567890",
            "status": "permanent-failure",
            "notification_type": "sms"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(callback.status(), 204);
    let mut conn = app.db.acquire().await.unwrap();
    let history = notices::history_of(&mut conn.ex(), people[0].0)
        .await
        .unwrap();
    assert_eq!(history[0].status, notices::Status::Failed);
    assert_eq!(history[0].reason.as_deref(), Some("permanent-failure"));
}
both!(
    texts_go_through_gov_uk_notify_and_its_callbacks,
    texts_go_through_gov_uk_notify_and_its_callbacks_body
);

async fn a_bilingual_organisations_invitation_is_welsh_first_body(backend: Backend) {
    let app = crate::helpers::spawn_app(backend).await;
    let mut admin = app.signed_in_client("admin@northtown-dpf.example").await;
    let dpo = demo_dpo(&app).await;
    let saved = admin
        .post(
            &format!("/organisations/{}/address", dpo.id),
            &[
                ("address", "Unit 4, Riverside Centre"),
                ("bilingual", "yes"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let invited = admin
        .post(
            &format!("/organisations/{}/invitations/new", dpo.id),
            &[("email", "new.person@example.org"), ("role", "member")],
        )
        .await;
    assert!(
        invited.status.is_success() || invited.status.is_redirection(),
        "{}",
        invited.body
    );
    let body = body_to(&app, "new.person@example.org").await;
    let welsh = body.find("Rydych wedi cael gwahoddiad").expect("Welsh");
    let english = body.find("You have been invited").expect("English");
    assert!(welsh < english, "Welsh first: {body}");
}
both!(
    a_bilingual_organisations_invitation_is_welsh_first,
    a_bilingual_organisations_invitation_is_welsh_first_body
);
