//! Surveys: staff build one (routing loops and unreachable questions refused); people answer it a
//! page at a time with routing, save half-way and come back by code or emailed link, check and send
//! it and get a reference; expired codes and links, and closed surveys, change nothing; Welsh
//! answers export under English headings; staff enter answers for someone, audited as assisted; a
//! live survey keeps its answered questions and chosen choices.

use uuid::Uuid;
use withus::register::domain::{ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;
use withus::surveys::domain::{Branch, Choice, Definition, Goto, Kind, Question, Wording};
use withus::surveys::fixtures::{self, Settings};

use crate::both;
use crate::event_fixtures::forum;
use crate::helpers::{Backend, Client, TestApp, link_in, spawn_app};

const ORG: &str = "Surveyton Forum";
const FACILITATOR: &str = "facilitator@surveyton.example";

struct World {
    org: Uuid,
    panel: Uuid,
    engagement: Uuid,
    survey: Uuid,
}

fn question(key: &str, en: &str, cy: &str, kind: Kind) -> Question {
    Question {
        key: key.into(),
        label: Wording::plain(en, cy),
        help: Wording::default(),
        optional: false,
        with_previous: false,
        kind,
        branches: Vec::new(),
    }
}

fn choice(key: &str, en: &str, cy: &str) -> Choice {
    Choice {
        key: key.into(),
        label: Wording::plain(en, cy),
    }
}

/// Travel survey: q1 (bus or train; train skips q2), q2 (which bus), q3 (come again?), q4 (what
/// would help: any of ramps, lifts, other; optional).
fn travel() -> Definition {
    let mut q1 = question(
        "q1",
        "How do you travel here?",
        "Sut ydych chi'n teithio yma?",
        Kind::Single {
            choices: vec![choice("c1", "Bus", "Bws"), choice("c2", "Train", "Trên")],
            other: true,
        },
    );
    q1.branches = vec![Branch {
        when: "c2".into(),
        to: Goto::Question("q3".into()),
    }];
    let mut q4 = question(
        "q4",
        "What would help?",
        "Beth fyddai'n helpu?",
        Kind::Multiple {
            choices: vec![
                choice("c1", "Ramps", "Rampiau"),
                choice("c2", "Lifts", "Lifftiau"),
            ],
            other: true,
        },
    );
    q4.optional = true;
    Definition {
        title: Wording::plain("Getting here", "Cyrraedd yma"),
        intro: Wording::plain(
            "Tell us how you travel.",
            "Dywedwch wrthym sut rydych yn teithio.",
        ),
        questions: vec![
            q1,
            question(
                "q2",
                "Which bus do you take?",
                "Pa fws ydych chi'n ei ddal?",
                Kind::ShortText,
            ),
            question(
                "q3",
                "Would you come again?",
                "Fyddech chi'n dod eto?",
                Kind::YesNo,
            ),
            q4,
        ],
        next_key: 4,
    }
}

async fn world(app: &TestApp) -> World {
    let forum = forum(
        app,
        ORG,
        "Surveyton Panel",
        &[(FACILITATOR, "facilitator")],
        "surveyton password 2026",
    )
    .await;
    let mut tx = app.db.begin().await.unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    let survey = fixtures::create(
        &mut tx.ex(),
        forum.org,
        forum.engagement,
        &travel(),
        &Settings {
            opens_on: Some(today - time::Duration::days(1)),
            closes_on: None,
            resume_days: 28,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    World {
        org: forum.org,
        panel: forum.panel,
        engagement: forum.engagement,
        survey,
    }
}

fn staff_base(w: &World) -> String {
    format!(
        "/organisations/{}/engagements/{}/surveys",
        w.org, w.engagement
    )
}

fn public(w: &World, tail: &str) -> String {
    format!("/surveys/{}{tail}", w.survey)
}

async fn start(client: &mut Client, w: &World) {
    let started = client.post(&public(w, ""), &[("format", "standard")]).await;
    assert_eq!(started.status, 303, "{}", started.body);
    assert_eq!(
        started.location.as_deref(),
        Some(public(w, "/questions/q1").as_str())
    );
}

async fn staff_builds_a_survey_and_bad_routing_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let created = staff
        .post(
            &format!("{}/new", staff_base(&w)),
            &[
                ("title_en", "Our meetings"),
                ("title_cy", "Ein cyfarfodydd"),
                ("intro_en", "A few questions."),
                ("resume_days", "14"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    let overview = created.location.unwrap();
    let add = |label: &'static str, kind: &'static str, choices: &'static str| {
        vec![
            ("kind", kind),
            ("label_en", label),
            ("choices_en", choices),
            ("scale_min", "1"),
            ("scale_max", "5"),
            ("max_chars", "1200"),
        ]
    };
    for (label, kind, choices) in [
        ("Did you come to a meeting?", "yes_no", ""),
        ("What was it about?", "long_text", ""),
        ("How was it?", "scale", ""),
    ] {
        let added = staff
            .post(
                &format!("{overview}/questions/new"),
                &add(label, kind, choices),
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.body);
    }
    // A question with no English wording is refused with the GOV.UK error pattern.
    let refused = staff
        .post(
            &format!("{overview}/questions/new"),
            &add("", "short_text", ""),
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Enter the question in English"));

    // "No" skips the question about the meeting.
    let routed = staff
        .post(
            &format!("{overview}/questions/q1/routing"),
            &[("route-no", "q3")],
        )
        .await;
    assert_eq!(routed.status, 303, "{}", routed.body);
    let shown = staff.get(&overview).await;
    assert!(
        shown
            .body
            .contains("If the answer is “No”, go to Question 3"),
        "{}",
        shown.body
    );

    // Sending people back to question 1 from question 3 is not possible: question 3 is a scale,
    // so route question 1's "Yes" back to itself, which is a loop.
    let looped = staff
        .post(
            &format!("{overview}/questions/q1/routing"),
            &[("route-yes", "q1"), ("route-no", "q3")],
        )
        .await;
    assert_eq!(looped.status, 422);
    assert!(
        looped
            .body
            .contains("Question 1 (“Did you come to a meeting?”) sends people back to question 1"),
        "{}",
        looped.body
    );
    // Routing both answers past question 2 leaves nobody able to reach it.
    let unreachable = staff
        .post(
            &format!("{overview}/questions/q1/routing"),
            &[("route-yes", "q3"), ("route-no", "end")],
        )
        .await;
    assert_eq!(unreachable.status, 422);
    assert!(
        unreachable
            .body
            .contains("Nobody can reach question 2 (“What was it about?”)"),
        "{}",
        unreachable.body
    );
    // Nothing of the refused routing was kept.
    let shown = staff.get(&overview).await;
    assert!(
        shown
            .body
            .contains("If the answer is “No”, go to Question 3")
    );
    assert!(!shown.body.contains("The end of the survey"));
    assert!(
        staff
            .get(&format!("{overview}/preview"))
            .await
            .body
            .contains("How was it?")
    );
}
both!(
    staff_builds_a_survey_and_bad_routing_is_refused,
    staff_builds_a_survey_and_bad_routing_is_refused
);

async fn a_person_answers_with_routing_and_gets_a_reference(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut person = app.client();
    let start_page = person.get(&public(&w, "")).await;
    assert_eq!(start_page.status, 200);
    assert!(start_page.body.contains("Getting here"));
    start(&mut person, &w).await;
    // Nothing chosen: the GOV.UK error pattern.
    let empty = person.post(&public(&w, "/questions/q1"), &[]).await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("Choose an answer"));
    assert!(empty.body.contains("href=\"#q-q1\""));
    // "Other" needs its text.
    let other = person
        .post(&public(&w, "/questions/q1"), &[("q-q1", "other")])
        .await;
    assert_eq!(other.status, 422);
    assert!(other.body.contains("Say what your other answer is"));
    // Train skips the bus question.
    let train = person
        .post(&public(&w, "/questions/q1"), &[("q-q1", "c2")])
        .await;
    assert_eq!(
        train.location.as_deref(),
        Some(public(&w, "/questions/q3").as_str())
    );
    let again = person
        .post(&public(&w, "/questions/q3"), &[("q-q3", "yes")])
        .await;
    assert_eq!(
        again.location.as_deref(),
        Some(public(&w, "/questions/q4").as_str())
    );
    let help = person
        .post(
            &public(&w, "/questions/q4"),
            &[
                ("q-q4", "c1"),
                ("q-q4", "other"),
                ("q-q4-other", "Seats on the platform"),
            ],
        )
        .await;
    assert_eq!(
        help.location.as_deref(),
        Some(public(&w, "/check").as_str())
    );
    let check = person.get(&public(&w, "/check")).await;
    assert_eq!(check.status, 200);
    assert!(check.body.contains("Train"));
    assert!(check.body.contains("Seats on the platform"));
    assert!(!check.body.contains("Which bus do you take?"));
    let sent = person
        .post(&public(&w, "/check"), &[("quote", "yes")])
        .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let confirmation = person.get(sent.location.as_deref().unwrap()).await;
    assert_eq!(confirmation.status, 200);
    let reference = confirmation
        .body
        .split("id=\"reference\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .unwrap()
        .to_owned();
    assert!(!reference.is_empty());
    // The answers are one response, one contribution through the survey channel, and the draft is gone.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_responses WHERE reference NOT LIKE 'DEMO-%'")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_drafts").await,
        0
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM contributions WHERE channel = 'survey' AND survey_response_id IS NOT NULL").await,
        1
    );
    // Only choice keys are stored in the clear: the "Other" text is in the sealed answers.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_marks WHERE choice LIKE '%Seats%'")
            .await,
        0
    );
    // Another browser cannot see the confirmation.
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM survey_marks m JOIN survey_responses r ON r.id = m.response_id \
             WHERE r.reference NOT LIKE 'DEMO-%' AND m.question = 'q4' AND m.choice = 'other'"
        )
        .await,
        1
    );
    let mut stranger = app.client();
    assert_eq!(
        stranger.get(sent.location.as_deref().unwrap()).await.status,
        404
    );
}
both!(
    a_person_answers_with_routing_and_gets_a_reference,
    a_person_answers_with_routing_and_gets_a_reference
);

fn code_in(body: &str) -> String {
    body.split("id=\"resume-code\">")
        .nth(1)
        .and_then(|r| r.split('<').next())
        .unwrap()
        .replace('-', "")
}

/// A person answers question 1 with "Bus", then saves on question 2 giving an email address.
async fn save_half_way(app: &TestApp, w: &World) -> (Client, String) {
    let _ = app;
    let mut person = app.client();
    start(&mut person, w).await;
    person
        .post(&public(w, "/questions/q1"), &[("q-q1", "c1")])
        .await;
    let saved = person
        .post(
            &public(w, "/questions/q2"),
            &[("q-q2", "Number 7"), ("step", "save")],
        )
        .await;
    assert_eq!(saved.location.as_deref(), Some(public(w, "/save").as_str()));
    let code = person
        .post(&public(w, "/save"), &[("email", "sam@surveyton.example")])
        .await;
    assert_eq!(code.status, 200, "{}", code.body);
    (person, code_in(&code.body))
}

async fn saved_answers_come_back_by_code_and_by_emailed_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let (_, code) = save_half_way(&app, &w).await;
    assert_eq!(code.len(), 8);
    // Only hashes are stored.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_drafts WHERE code_hash IS NOT NULL AND link_hash IS NOT NULL").await,
        1
    );
    let (to, body) = app.last_email().await;
    assert_eq!(to, "sam@surveyton.example");
    assert!(body.contains(&code), "{body}");
    let link = link_in(&body, "http");
    let path = link[link.find("/surveys/").unwrap()..].to_owned();

    // By code, in another browser: back at the first question still to answer, answers kept.
    let mut later = app.client();
    let back = later
        .post(&public(&w, "/resume"), &[("code", &code.to_lowercase())])
        .await;
    assert_eq!(back.status, 303, "{}", back.body);
    assert_eq!(
        back.location.as_deref(),
        Some(public(&w, "/questions/q3").as_str())
    );
    let q2 = later.get(&public(&w, "/questions/q2")).await;
    assert!(q2.body.contains("value=\"Number 7\""));

    // By the emailed link, in a third browser.
    let mut third = app.client();
    let page = third.get(&path).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let carried = third.post(&path, &[]).await;
    assert_eq!(carried.status, 303, "{}", carried.body);
    assert_eq!(
        carried.location.as_deref(),
        Some(public(&w, "/questions/q3").as_str())
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_drafts").await,
        1
    );
}
both!(
    saved_answers_come_back_by_code_and_by_emailed_link,
    saved_answers_come_back_by_code_and_by_emailed_link
);

async fn expired_links_and_codes_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let (_, code) = save_half_way(&app, &w).await;
    let (_, body) = app.last_email().await;
    let link = link_in(&body, "http");
    let path = link[link.find("/surveys/").unwrap()..].to_owned();
    app.execute("UPDATE survey_drafts SET expires_at = '2000-01-01T00:00:00Z'")
        .await;
    let before = app
        .scalar_i64("SELECT COUNT(*) FROM survey_drafts WHERE expires_at < '2001-01-01T00:00:00Z'")
        .await;
    assert_eq!(before, 1);

    let mut later = app.client();
    let by_link = later.get(&path).await;
    assert_eq!(by_link.status, 410);
    assert!(by_link.body.contains("This link does not work"));
    let refused = later.post(&path, &[]).await;
    assert_eq!(refused.status, 410);
    assert!(refused.body.contains("Nothing has been changed"));
    let by_code = later.post(&public(&w, "/resume"), &[("code", &code)]).await;
    assert_eq!(by_code.status, 422);
    assert!(
        by_code
            .body
            .contains("We could not find answers saved with that code")
    );
    // An unknown code likewise.
    let unknown = later
        .post(&public(&w, "/resume"), &[("code", "ABCD2346")])
        .await;
    assert_eq!(unknown.status, 422);
    // The draft is as it was: still expired, still this one, not moved to the new browser.
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM survey_drafts WHERE expires_at < '2001-01-01T00:00:00Z'"
        )
        .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_drafts").await,
        1
    );
    let lost = later.get(&public(&w, "/questions/q3")).await;
    assert_eq!(lost.status, 303);
    assert_eq!(lost.location.as_deref(), Some(public(&w, "").as_str()));
}
both!(
    expired_links_and_codes_are_refused_and_change_nothing,
    expired_links_and_codes_are_refused_and_change_nothing
);

async fn a_closed_survey_refuses_answers(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut person = app.client();
    start(&mut person, &w).await;
    app.execute("UPDATE surveys SET opens_on = '2000-01-01', closes_on = '2000-01-02'")
        .await;
    let page = person.get(&public(&w, "")).await;
    assert_eq!(page.status, 410);
    assert!(page.body.contains("This survey has closed"));
    let answer = person
        .post(&public(&w, "/questions/q1"), &[("q-q1", "c1")])
        .await;
    assert_eq!(answer.status, 410);
    let mut fresh = app.client();
    let refused = fresh.post(&public(&w, ""), &[("format", "standard")]).await;
    assert_eq!(refused.status, 410);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_drafts").await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_responses WHERE reference NOT LIKE 'DEMO-%'")
            .await,
        0
    );
    // Not yet open says so too.
    app.execute("UPDATE surveys SET opens_on = '2099-01-01', closes_on = NULL")
        .await;
    assert!(
        fresh
            .get(&public(&w, ""))
            .await
            .body
            .contains("not open yet")
    );
}
both!(
    a_closed_survey_refuses_answers,
    a_closed_survey_refuses_answers
);

async fn welsh_answers_export_under_english_headings(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut person = app.client();
    person.get("/language?to=cy&return=%2F").await;
    let welsh = person.get(&public(&w, "")).await;
    assert!(welsh.body.contains("Cyrraedd yma"), "{}", welsh.body);
    start(&mut person, &w).await;
    let q1 = person.get(&public(&w, "/questions/q1")).await;
    assert!(q1.body.contains("Trên"));
    person
        .post(&public(&w, "/questions/q1"), &[("q-q1", "c2")])
        .await;
    person
        .post(&public(&w, "/questions/q3"), &[("q-q3", "no")])
        .await;
    person
        .post(
            &public(&w, "/questions/q4"),
            &[
                ("q-q4", "c2"),
                ("q-q4", "other"),
                ("q-q4-other", "Canllawiau"),
            ],
        )
        .await;
    let sent = person.post(&public(&w, "/check"), &[]).await;
    assert_eq!(sent.status, 303, "{}", sent.body);

    let mut staff = app.signed_in_client(FACILITATOR).await;
    let base = format!("{}/{}", staff_base(&w), w.survey);
    let (status, _, csv) = staff.get_bytes(&format!("{base}/export.csv")).await;
    assert_eq!(status, 200);
    let csv = String::from_utf8(csv).unwrap();
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let header = lines.next().unwrap();
    for heading in [
        "How do you travel here?",
        "What would help?: Ramps",
        "What would help?: Lifts",
        "What would help?: Other",
        "What would help? (other, please say)",
    ] {
        assert!(header.contains(heading), "{heading} in {header}");
    }
    assert!(!header.contains("Beth fyddai"));
    let row = lines.next().unwrap();
    assert!(row.contains("Welsh"), "{row}");
    assert!(row.contains("Train"), "{row}");
    assert!(row.contains("Lifts; Other"), "{row}");
    assert!(row.contains("Canllawiau"), "{row}");
    // Ramps blank, Lifts 1, Other 1, then the readable answer and the "Other" text.
    assert!(
        header.ends_with("What would help?: Ramps,What would help?: Lifts,What would help?: Other,What would help?,\"What would help? (other, please say)\""),
        "{header}"
    );
    assert!(row.ends_with(",,1,1,Lifts; Other,Canllawiau"), "{row}");
    let (status, content_type, xlsx) = staff.get_bytes(&format!("{base}/export.xlsx")).await;
    assert_eq!(status, 200);
    assert!(content_type.contains("spreadsheetml"), "{content_type}");
    assert!(xlsx.starts_with(b"PK"));
    // The results page counts, with small numbers suppressed.
    let results = staff.get(&format!("{base}/results")).await;
    assert_eq!(results.status, 200);
    assert!(results.body.contains("role=\"img\""));
    assert!(results.body.contains("fewer than 10"));
}
both!(
    welsh_answers_export_under_english_headings,
    welsh_answers_export_under_english_headings
);

async fn staff_answers_for_a_person_are_audited_as_assisted(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut tx = app.db.begin().await.unwrap();
    let person = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: "Alex Phone",
            email: None,
            phone: Some("07700900123"),
            contact_method: ContactMethod::Phone,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), w.panel, person, MembershipStatus::Active)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut staff = app.signed_in_client(FACILITATOR).await;
    let base = format!("{}/{}", staff_base(&w), w.survey);
    let missing = staff
        .post(
            &format!("{base}/answer-for"),
            &[("person", "someone"), ("received_by", "phone")],
        )
        .await;
    assert_eq!(missing.status, 422);
    // Staff find the person by name, among those they may see.
    let found = staff.get(&format!("{base}/answer-for?name=Alex")).await;
    assert_eq!(found.status, 200);
    assert!(found.body.contains("Alex Phone"), "{}", found.body);
    assert!(found.body.contains(&format!("value=\"{person}\"")));
    let id = person.to_string();
    let started = staff
        .post(
            &format!("{base}/answer-for"),
            &[("name", "Alex"), ("person", &id), ("received_by", "phone")],
        )
        .await;
    assert_eq!(started.status, 303, "{}", started.body);
    staff
        .post(&public(&w, "/questions/q1"), &[("q-q1", "c1")])
        .await;
    staff
        .post(&public(&w, "/questions/q2"), &[("q-q2", "The 42")])
        .await;
    staff
        .post(&public(&w, "/questions/q3"), &[("q-q3", "yes")])
        .await;
    staff.post(&public(&w, "/questions/q4"), &[]).await;
    let sent = staff.post(&public(&w, "/check"), &[]).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM survey_responses WHERE entered_by IS NOT NULL AND received_by = 'phone' AND person_id IS NOT NULL").await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.answered' AND details LIKE '%\"assisted\":true%' AND actor_account_id IS NOT NULL").await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM contributions WHERE entered_by IS NOT NULL AND received_by = 'phone' AND survey_response_id IS NOT NULL").await,
        1
    );
}
both!(
    staff_answers_for_a_person_are_audited_as_assisted,
    staff_answers_for_a_person_are_audited_as_assisted
);

async fn a_live_survey_keeps_its_answers_meaningful(backend: Backend) {
    let app = spawn_app(backend).await;
    let w = world(&app).await;
    let mut person = app.client();
    start(&mut person, &w).await;
    person
        .post(&public(&w, "/questions/q1"), &[("q-q1", "c2")])
        .await;
    person
        .post(&public(&w, "/questions/q3"), &[("q-q3", "yes")])
        .await;
    person.post(&public(&w, "/questions/q4"), &[]).await;
    assert_eq!(person.post(&public(&w, "/check"), &[]).await.status, 303);

    let mut staff = app.signed_in_client(FACILITATOR).await;
    let base = format!("{}/{}", staff_base(&w), w.survey);
    let refused = staff
        .post(
            &format!("{base}/questions/q3/delete"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("people have already answered it"),
        "{}",
        refused.body
    );
    // Removing the chosen "Train" is refused; rewording it is fine.
    let edit = |choices: &'static str| {
        vec![
            ("kind", "single"),
            ("label_en", "How do you travel here?"),
            ("choices_en", choices),
            ("options", "other"),
            ("scale_min", "1"),
            ("scale_max", "5"),
            ("max_chars", "1200"),
        ]
    };
    let removed = staff
        .post(&format!("{base}/questions/q1"), &edit("Bus\nCoach"))
        .await;
    assert_eq!(
        removed.status, 303,
        "rewording keeps the key: {}",
        removed.body
    );
    let removed = staff
        .post(&format!("{base}/questions/q1"), &edit("Bus\nTram\nCoach"))
        .await;
    assert_eq!(removed.status, 303, "{}", removed.body);
    let dropped = staff
        .post(&format!("{base}/questions/q1"), &edit("Bus\nTram"))
        .await;
    assert_eq!(dropped.status, 422, "{}", dropped.body);
    assert!(
        dropped.body.contains("people have already chosen it"),
        "{}",
        dropped.body
    );
    // Adding a question is fine, and deleting one nobody answered.
    let added = staff
        .post(
            &format!("{base}/questions/new"),
            &[
                ("kind", "number"),
                ("label_en", "How many times?"),
                ("scale_min", "1"),
                ("scale_max", "5"),
                ("max_chars", "1200"),
            ],
        )
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let deleted = staff
        .post(
            &format!("{base}/questions/q5/delete"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(deleted.status, 303, "{}", deleted.body);
    assert!(
        staff
            .get(&base)
            .await
            .body
            .contains("Would you come again?")
    );
}
both!(
    a_live_survey_keeps_its_answers_meaningful,
    a_live_survey_keeps_its_answers_meaningful
);
