//! Messages to panel members follow their language and format: Easy Read wording for people who
//! asked for it, Welsh for people who speak it, and an HTML part in their large-print size. Each
//! message kind is checked end to end: waiting-list offers, event invitations and "we cannot
//! arrange your access need".

use uuid::Uuid;
use withus::db::Db;
use withus::register::domain::{AccessNeed, Format};

use crate::both;
use crate::event_fixtures::online_event;
use crate::events::{FACILITATOR, World, people, world};
use crate::helpers::{Backend, TestApp, prefer, spawn_app_without_demo};

async fn speaks_welsh(app: &TestApp, email: &str) {
    app.execute(&format!(
        "UPDATE people SET language = 'cy' WHERE email = '{email}'"
    ))
    .await;
}

#[derive(Debug, sqlx::FromRow)]
struct Mail {
    to_address: String,
    subject: String,
    body_text: String,
    body_html: Option<String>,
}

async fn mail_to(app: &TestApp, to: &str, subject_like: &'static str) -> Mail {
    let sql = "SELECT to_address, subject, body_text, body_html FROM outbox \
               WHERE to_address = $1 AND subject LIKE $2";
    let found: Vec<Mail> = match &app.db {
        Db::Sqlite(pool, ..) => {
            sqlx::query_as(sql)
                .bind(to)
                .bind(subject_like)
                .fetch_all(pool)
                .await
        }
        Db::Postgres(pool) => {
            sqlx::query_as(sql)
                .bind(to)
                .bind(subject_like)
                .fetch_all(pool)
                .await
        }
    }
    .unwrap();
    assert_eq!(
        found.len(),
        1,
        "one {subject_like} email to {to}: {found:?}"
    );
    let mail = found.into_iter().next().unwrap();
    assert_eq!(mail.to_address, to);
    mail
}

/// Four people on the panel: Easy Read in English; Easy Read in Welsh at 24pt large print; large
/// print at the default size in English; and someone who asked for nothing.
async fn readers(app: &TestApp, world: &World) -> Vec<(Uuid, String)> {
    let people = people(app, world, 4, true).await;
    as_readers(app, &people).await;
    people
}

async fn as_readers(app: &TestApp, people: &[(Uuid, String)]) {
    prefer(app, people[0].0, vec![Format::EasyRead], None).await;
    prefer(
        app,
        people[1].0,
        vec![Format::EasyRead, Format::LargePrint],
        Some(24),
    )
    .await;
    speaks_welsh(app, &people[1].1).await;
    prefer(app, people[2].0, vec![Format::LargePrint], None).await;
}

async fn waiting_list_offers_follow_language_and_format_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let event = online_event(&app, (world.org, world.engagement), "Bus routes", 30, 60, 4).await;
    // Four people take the places; the readers wait, then the four cancel.
    let people = people(&app, &world, 8, true).await;
    let readers = &people[4..];
    as_readers(&app, readers).await;
    let mut clients = Vec::new();
    for (_, email) in &people {
        let mut client = app.signed_in_client(email).await;
        let page = client.post(&format!("/events/{event}/book"), &[]).await;
        assert_eq!(page.status, 303, "{}", page.body);
        clients.push(client);
    }
    for client in clients.iter_mut().take(4) {
        let page = client.post(&format!("/events/{event}/cancel"), &[]).await;
        assert_eq!(page.status, 303);
    }
    let easy = mail_to(&app, &readers[0].1, "A place is free for you%").await;
    assert!(
        easy.body_text.contains("We keep the place for you until"),
        "{}",
        easy.body_text
    );
    assert!(!easy.body_text.contains("It is held for you until"));
    assert_eq!(easy.body_html, None);
    let welsh = mail_to(&app, &readers[1].1, "Mae lle yn rhydd i chi%").await;
    assert!(
        welsh.body_text.contains("Rydym yn cadw'r lle i chi tan"),
        "{}",
        welsh.body_text
    );
    let html = welsh.body_html.as_deref().expect("an HTML part");
    assert!(
        html.contains("font-size: 24pt") && html.contains("lang=\"cy\""),
        "{html}"
    );
    let large = mail_to(&app, &readers[2].1, "A place is free for you%").await;
    assert!(large.body_text.contains("It is held for you until"));
    let html = large.body_html.as_deref().expect("an HTML part");
    assert!(html.contains("font-size: 18pt"), "{html}");
    let plain = mail_to(&app, &readers[3].1, "A place is free for you%").await;
    assert!(plain.body_text.contains("It is held for you until"));
    assert_eq!(plain.body_html, None);
}
both!(
    waiting_list_offers_follow_language_and_format,
    waiting_list_offers_follow_language_and_format_body
);

async fn event_invitations_follow_language_and_format_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let event = online_event(
        &app,
        (world.org, world.engagement),
        "Bus routes",
        30,
        60,
        10,
    )
    .await;
    let readers = readers(&app, &world).await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let invited = staff
        .post(
            &format!(
                "/organisations/{}/engagements/{}/events/{event}/invite",
                world.org, world.engagement
            ),
            &[("panel", &world.panel.to_string())],
        )
        .await;
    assert_eq!(invited.status, 303, "everyone has email: {}", invited.body);
    let easy = mail_to(&app, &readers[0].1, "You are invited%").await;
    assert!(
        easy.body_text
            .contains("We want you to come to Bus routes."),
        "{}",
        easy.body_text
    );
    assert_eq!(easy.body_html, None);
    let welsh = mail_to(&app, &readers[1].1, "Gwahoddiad i chi%").await;
    assert!(
        welsh
            .body_text
            .contains("Rydym eisiau i chi ddod i Bus routes."),
        "{}",
        welsh.body_text
    );
    assert!(
        welsh
            .body_html
            .as_deref()
            .is_some_and(|h| h.contains("font-size: 24pt")),
        "{:?}",
        welsh.body_html
    );
    let large = mail_to(&app, &readers[2].1, "You are invited%").await;
    assert!(large.body_text.contains("You are invited to Bus routes"));
    assert!(
        large
            .body_html
            .as_deref()
            .is_some_and(|h| h.contains("font-size: 18pt"))
    );
    let plain = mail_to(&app, &readers[3].1, "You are invited%").await;
    assert!(plain.body_text.contains("You are invited to Bus routes"));
    assert_eq!(plain.body_html, None);
    assert!(plain.subject.contains("Bus routes"));
}
both!(
    event_invitations_follow_language_and_format,
    event_invitations_follow_language_and_format_body
);

async fn cannot_arrange_follows_language_and_format_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let event = online_event(
        &app,
        (world.org, world.engagement),
        "Bus routes",
        60,
        90,
        10,
    )
    .await;
    let readers = readers(&app, &world).await;
    for (person, email) in &readers {
        let mut tx = app.db.begin().await.unwrap();
        app.give_access_need(&mut tx.ex(), *person, AccessNeed::BslInterpreter)
            .await;
        tx.commit().await.unwrap();
        let mut client = app.signed_in_client(email).await;
        let page = client.post(&format!("/events/{event}/book"), &[]).await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let done = staff
        .post(
            &format!(
                "/organisations/{}/engagements/{}/events/{event}/access-plan/items/bsl_interpreter",
                world.org, world.engagement
            ),
            &[
                ("status", "cannot_arrange"),
                ("reason", "No interpreters are free that day"),
                ("alternative", "Live captions"),
            ],
        )
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let easy = mail_to(&app, &readers[0].1, "Something we cannot arrange%").await;
    assert!(
        easy.body_text.contains("We cannot get it for you."),
        "{}",
        easy.body_text
    );
    assert!(
        easy.body_text
            .contains("This is why: No interpreters are free that day")
    );
    assert_eq!(easy.body_html, None);
    let welsh = mail_to(&app, &readers[1].1, "Rhywbeth na allwn ei drefnu%").await;
    assert!(
        welsh.body_text.contains("Ni allwn ei gael i chi."),
        "{}",
        welsh.body_text
    );
    assert!(
        welsh
            .body_html
            .as_deref()
            .is_some_and(|h| h.contains("font-size: 24pt"))
    );
    let large = mail_to(&app, &readers[2].1, "Something we cannot arrange%").await;
    assert!(large.body_text.contains("We are sorry: we cannot arrange"));
    assert!(large.body_html.is_some());
    let plain = mail_to(&app, &readers[3].1, "Something we cannot arrange%").await;
    assert!(plain.body_text.contains("We are sorry: we cannot arrange"));
    assert_eq!(plain.body_html, None);
}
both!(
    cannot_arrange_follows_language_and_format,
    cannot_arrange_follows_language_and_format_body
);
