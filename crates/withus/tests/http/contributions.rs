//! Closing the loop, end to end: contributions from every channel get a receipt with a reference;
//! staff enter letters and calls for people without email; themes, bulk answers and the working-day
//! clock; the "You said, we did" report tells each contributor once, by their own channel and
//! format; bad uploads change nothing; people see and withdraw their own words.

use time::Duration;
use uuid::Uuid;
use withus::register::domain::Format;

use crate::both;
use crate::events::{FACILITATOR, people, world};
use crate::helpers::{Backend, TestApp, spawn_app_without_demo};
use crate::notifications::{body_to, prefer, set_for};

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    app.scalar_i64(sql).await
}

/// The reference quoted in a message: "WU-" and two groups of four.
fn reference_in(text: &str) -> String {
    let at = text.find("WU-").expect("a reference");
    text[at..at + 12].to_owned()
}

fn base(world: &crate::events::World) -> String {
    format!(
        "/organisations/{}/engagements/{}",
        world.org, world.engagement
    )
}

async fn contribution_ids(app: &TestApp) -> Vec<Uuid> {
    let mut conn = app.db.acquire().await.unwrap();
    let sql = "SELECT id FROM contributions ORDER BY received_at, id";
    match &mut conn.ex() {
        withus::db::Ex::Sqlite(c) => sqlx::query_scalar(sql).fetch_all(&mut **c).await,
        withus::db::Ex::Postgres(c) => sqlx::query_scalar(sql).fetch_all(&mut **c).await,
    }
    .unwrap()
}

async fn the_loop_is_closed_for_every_channel_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 3, true).await;
    let (online, by_post, weekly) = (&people[0], &people[1], &people[2]);
    // Someone who wants letters in 20pt print and has no email; someone on a weekly digest.
    prefer(
        &app,
        by_post.0,
        "post",
        &[Format::LargePrint],
        Some(20),
        "en",
        "immediate",
    )
    .await;
    set_for(
        &app,
        &format!("UPDATE people SET email = NULL WHERE id = '{}'", by_post.0),
        by_post.0,
    )
    .await;
    prefer(&app, weekly.0, "email", &[], None, "cy", "weekly").await;

    // 1. A member says something on the engagement page and gets a receipt with a reference.
    let mut member = app.signed_in_client(&online.1).await;
    member
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    let sent = member
        .post(
            &format!("/engagements/{}/contribute", world.engagement),
            &[
                ("contribution", "Meetings need step-free rooms."),
                ("may_quote", "yes"),
            ],
        )
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let thanks = member.get(sent.location.as_deref().unwrap()).await;
    let shown = reference_in(&thanks.body);
    let receipt = body_to(&app, &online.1).await;
    assert_eq!(
        reference_in(&receipt),
        shown,
        "the receipt quotes the reference shown"
    );
    assert!(receipt.contains("The team will answer you by"), "{receipt}");

    // 2. Staff enter a phone call and a letter for the person without email, and a point for the
    //    weekly reader; each is marked as entered for them.
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let form = staff
        .get(&format!("{}/contributions/new?name=Person+1", base(&world)))
        .await;
    assert!(
        form.body.contains("Person 1"),
        "the search offers the person"
    );
    for (channel, text) in [
        ("phone", "The bus to the hub stops too far away."),
        (
            "letter",
            "Please send papers in large print before meetings.",
        ),
    ] {
        let saved = staff
            .post_file(
                &format!("{}/contributions/new", base(&world)),
                &[
                    ("name", "Person 1"),
                    ("person", &by_post.0.to_string()),
                    ("channel", channel),
                    ("text", text),
                ],
                None,
            )
            .await;
        assert_eq!(saved.status, 303, "{channel}: {}", saved.body);
    }
    let saved = staff
        .post_file(
            &format!("{}/contributions/new", base(&world)),
            &[
                ("name", "Person 2"),
                ("person", &weekly.0.to_string()),
                ("channel", "at_event"),
                ("text", "The bus timetable is hard to read."),
            ],
            None,
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM contributions WHERE entered_by IS NOT NULL AND received_by IS NOT NULL").await,
        3
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'contribution.received' AND details LIKE '%\"for_person\":true%'").await,
        3,
        "the audit log says each was entered for the person"
    );
    // The letter reader's two receipts are letters to print, never emails.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE kind = 'contribution_received' AND status = 'to_print'").await,
        2
    );
    // The weekly reader's receipt waits for their digest.
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE kind = 'contribution_received' AND status = 'held'").await,
        1
    );

    // 3. Themes: two on transport, one on access; then everyone on transport is answered at once.
    let ids = contribution_ids(&app).await;
    assert_eq!(ids.len(), 4);
    for (id, theme) in [
        (ids[1], "Transport"),
        (ids[3], ""),
        (ids[0], "Access"),
        (ids[2], ""),
    ] {
        let page = staff
            .get(&format!("{}/contributions/{id}", base(&world)))
            .await;
        assert_eq!(page.status, 200);
        let mut fields: Vec<(&str, String)> = vec![("new_theme", theme.to_owned())];
        if theme.is_empty() {
            // Tag with the theme made on the first of each pair.
            let existing = if id == ids[3] { "Transport" } else { "Access" };
            let at = page.body.find(&format!(">{existing}</label>")).unwrap();
            let value_at = page.body[..at].rfind("value=\"").unwrap() + 7;
            fields = vec![("themes", page.body[value_at..value_at + 36].to_owned())];
        }
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let saved = staff
            .post(
                &format!("{}/contributions/{id}/themes", base(&world)),
                &fields,
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
    }
    let themes = staff.get(&format!("{}/themes", base(&world))).await;
    assert!(themes.body.contains("Transport") && themes.body.contains("Access"));
    assert!(
        themes.body.contains("Meetings need step-free rooms."),
        "a quote its author agreed to share"
    );
    let transport = {
        let at = themes.body.find("Transport</h2>").unwrap();
        let id_at = themes.body[..at].rfind("id=\"theme-").unwrap() + 10;
        themes.body[id_at..id_at + 36].to_owned()
    };
    let answered = staff
        .post(
            &format!("{}/themes/{transport}/acknowledge", base(&world)),
            &[(
                "answer",
                "We are talking to the bus company about a stop outside the hub.",
            )],
        )
        .await;
    assert_eq!(answered.status, 303, "{}", answered.body);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM contributions WHERE acknowledged_at IS NOT NULL"
        )
        .await,
        2,
        "both transport contributions, and nothing else"
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'contribution_acknowledged'"
        )
        .await,
        2,
        "each contributor is sent the same answer"
    );

    // 4. The clock: the letter was received 15 working days ago, so it is overdue, and shows on the
    //    team's lists and the public page.
    let mut tx = app.db.begin().await.unwrap();
    withus::contributions::fixtures::received_at(
        &mut tx.ex(),
        ids[2],
        withus::db::now() - Duration::days(21),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let list = staff
        .get(&format!("/organisations/{}/contributions", world.org))
        .await;
    assert!(list.body.contains("Overdue"), "{}", list.body);
    let public = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(
        public.body.contains("Overdue answers: 1."),
        "{}",
        public.body
    );

    // 5. "You said, we did": each contributor is told once, in their format and by their channel.
    let written = staff
        .post(
            &format!("{}/report", base(&world)),
            &[
                ("decided", "We will hold meetings only in step-free rooms."),
                ("not_done", "We cannot move the bus stop ourselves."),
                ("next_steps", "We will ask the council."),
            ],
        )
        .await;
    assert_eq!(written.status, 303, "{}", written.body);
    let published = staff
        .post(&format!("{}/report/publish", base(&world)), &[])
        .await;
    assert_eq!(published.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'feedback_report_published'"
        )
        .await,
        3,
        "three people contributed; each is told once"
    );
    let told = body_to(&app, &online.1).await;
    assert!(
        told.contains("- Access") && told.contains("step-free rooms"),
        "{told}"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM notifications WHERE kind = 'feedback_report_published' AND status = 'to_print' AND print_points = 20").await,
        1,
        "the letter reader is on the letters list once, in 20pt"
    );
    let again = staff
        .post(&format!("{}/report/publish", base(&world)), &[])
        .await;
    assert_eq!(again.status, 303);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'feedback_report_published'"
        )
        .await,
        3,
        "publishing again tells nobody twice"
    );
    let report = app
        .client()
        .get(&format!(
            "/engagements/{}/you-said-we-did",
            world.engagement
        ))
        .await;
    assert!(
        report
            .body
            .contains("We cannot move the bus stop ourselves.")
    );
    assert!(
        !report.body.contains("Person 0"),
        "the public report names nobody"
    );

    // 6. The weekly reader, who reads Welsh, gets the receipt and the report in one digest.
    let directory = withus::register::contact::RegisterDirectory(app.state.clone());
    let sent = withus::notices::digest::sweep(
        &app.db,
        app.state.door(),
        &directory,
        withus::db::now() + Duration::days(8),
    )
    .await
    .unwrap();
    assert_eq!(sent, 1);
    let digest = body_to(&app, &weekly.1).await;
    assert!(digest.contains("Mae eich cyfraniad gennym"), "{digest}");
    assert!(digest.contains("Dywedoch chi, gwnaethom ni"), "{digest}");
    assert!(
        !digest.contains("We have your contribution"),
        "in Welsh only: {digest}"
    );

    // 7. The person sees their contributions, and downloads them with the rest of their data, then
    //    withdraws one: its words are gone.
    // The team answers her one contribution; she reads the answer there.
    let refused = staff
        .post(
            &format!("{}/contributions/{}/acknowledge", base(&world), ids[0]),
            &[("answer", " ")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Write your answer"));
    let answered = staff
        .post(
            &format!("{}/contributions/{}/acknowledge", base(&world), ids[0]),
            &[(
                "answer",
                "Every meeting this year is booked in a step-free room.",
            )],
        )
        .await;
    assert_eq!(answered.status, 303);
    let mine = member.get("/your-data/contributions").await;
    assert!(mine.body.contains(&shown) && mine.body.contains("Meetings need step-free rooms."));
    assert!(
        mine.body
            .contains("Every meeting this year is booked in a step-free room.")
    );
    assert!(mine.body.contains("Answered"));
    for download in ["/your-data/download.json", "/your-data/download.csv"] {
        let (status, _, bytes) = member.get_bytes(download).await;
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(status, 200);
        assert!(
            text.contains(&shown) && text.contains("Meetings need step-free rooms."),
            "{download} holds the contribution: {text}"
        );
    }
    let withdrawn = member
        .post(
            &format!("/your-data/contributions/{}/withdraw", ids[0]),
            &[],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    let mine = member.get("/your-data/contributions").await;
    assert!(!mine.body.contains("Meetings need step-free rooms."));
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM contributions WHERE withdrawn_at IS NOT NULL AND LENGTH(sealed_text) = 0").await,
        1
    );
}
both!(
    the_loop_is_closed_for_every_channel,
    the_loop_is_closed_for_every_channel_body
);

async fn bad_uploads_and_empty_words_change_nothing_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let people = people(&app, &world, 1, false).await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let url = format!("{}/contributions/new", base(&world));
    let person = people[0].0.to_string();
    let fields = [
        ("person", person.as_str()),
        ("channel", "bsl_video"),
        ("text", "A BSL video about the venue."),
    ];
    // A 50 MB video: over the 25 MB limit, refused by name.
    let mut video = vec![0u8, 0, 0, 24];
    video.extend_from_slice(b"ftypisom");
    video.resize(50 * 1024 * 1024, 0);
    let refused = staff
        .post_file(&url, &fields, Some(("venue.mp4", video)))
        .await;
    assert_eq!(refused.status, 422, "{}", refused.status);
    assert!(refused.body.contains("The file must be 25 MB or smaller"));
    // A program dressed as a video.
    let refused = staff
        .post_file(
            &url,
            &fields,
            Some(("venue.mp4", b"MZ\x90\x00rest".to_vec())),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("The file must be a JPEG or PNG photo, a PDF, or an MP4 or WebM video")
    );
    assert!(
        refused.body.contains("A BSL video about the venue."),
        "the words are kept"
    );
    // No words at all.
    let refused = staff
        .post_file(
            &url,
            &[
                ("person", person.as_str()),
                ("channel", "phone"),
                ("text", " "),
            ],
            None,
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Write what they said"));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM contributions").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM notifications").await, 0);
    // A real (small) video is kept sealed, and staff can open it again.
    let mut small = vec![0u8, 0, 0, 24];
    small.extend_from_slice(b"ftypisom-small-video");
    let saved = staff
        .post_file(&url, &fields, Some(("venue.mp4", small.clone())))
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = staff.get(saved.location.as_deref().unwrap()).await;
    let at = page.body.find("/files/").unwrap();
    let start = page.body[..at].rfind("href=\"").unwrap() + 6;
    let end = at + page.body[at..].find('"').unwrap();
    let (status, content_type, bytes) = staff.get_bytes(&page.body[start..end]).await;
    assert_eq!((status, content_type.as_str()), (200, "video/mp4"));
    assert_eq!(bytes, small);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM contribution_files").await,
        1
    );
}
both!(
    bad_uploads_and_empty_words_change_nothing,
    bad_uploads_and_empty_words_change_nothing_body
);

async fn a_missing_report_is_flagged_and_promises_are_checked_body(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let url = format!("{}/contributions/promises", base(&world));
    let refused = staff
        .post(
            &url,
            &[
                ("days", "0"),
                ("report-day", "31"),
                ("report-month", "2"),
                ("report-year", "2026"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Enter a whole number of working days from 1 to 60")
    );
    assert!(refused.body.contains("Enter a real date"));
    // The report was promised by 1 December 2026, which has passed.
    let saved = staff
        .post(
            &url,
            &[
                ("days", "5"),
                ("report-day", "1"),
                ("report-month", "12"),
                ("report-year", "2026"),
            ],
        )
        .await;
    assert_eq!(saved.status, 303);
    let public = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert!(public.body.contains("Report late"), "{}", public.body);
    let list = staff
        .get(&format!("/organisations/{}/contributions", world.org))
        .await;
    assert!(list.body.contains("Report late"));
    assert!(list.body.contains("Not answered within 5 working days"));
}
both!(
    a_missing_report_is_flagged_and_promises_are_checked,
    a_missing_report_is_flagged_and_promises_are_checked_body
);

/// The first byte of each sealed value: the id of the key that sealed it.
async fn sealing_keys(app: &TestApp) -> Vec<u8> {
    let mut conn = app.db.acquire().await.unwrap();
    let mut ex = conn.ex();
    let texts: Vec<Vec<u8>> = withus::on!(ex.re(), c => sqlx::query_scalar(
        "SELECT sealed_text FROM contributions UNION ALL SELECT sealed_content FROM contribution_files",
    )
    .fetch_all(c)
    .await)
    .unwrap();
    texts
        .iter()
        .map(|t| t.first().copied().unwrap_or(0))
        .collect()
}

async fn words_are_resealed_on_rotation_and_forgotten_on_erasure_body(backend: Backend) {
    use withus::security::field_crypto::KeyRing;
    let app = spawn_app_without_demo(backend).await;
    let world = world(&app).await;
    let person = people(&app, &world, 1, false).await[0].0;
    let keys = KeyRing::parse(&app.key_spec, None).unwrap();
    let mut tx = app.db.begin().await.unwrap();
    let contribution = withus::contributions::fixtures::contribution(
        &mut tx.ex(),
        &keys,
        world.engagement,
        Some(person),
        withus::contributions::Channel::Letter,
        "My daughter's diagnosis means she cannot use the stairs.",
        false,
    )
    .await
    .unwrap();
    withus::contributions::fixtures::file(&mut tx.ex(), &keys, contribution)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert!(sealing_keys(&app).await.iter().all(|k| *k != 2));

    // Rotation seals the words and the file under the new key.
    let second = KeyRing::generate_entry(2);
    let both = KeyRing::parse(&format!("{}\n{second}", app.key_spec), None).unwrap();
    let rotated = withus::admin::rotate_keys(&app.db, &both).await.unwrap();
    assert!(rotated >= 2, "the words and the file: {rotated}");
    assert_eq!(sealing_keys(&app).await, vec![2, 2]);

    // Erasing the person empties their words and deletes the file; the count stays.
    crate::events::erase(&app, &world, person).await;
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM contribution_files").await,
        0
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM contributions WHERE person_id IS NULL AND LENGTH(sealed_text) = 0"
        )
        .await,
        1
    );
}
both!(
    words_are_resealed_on_rotation_and_forgotten_on_erasure,
    words_are_resealed_on_rotation_and_forgotten_on_erasure_body
);
