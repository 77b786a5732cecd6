//! Bad input sent to every form in the app, generated from the route table so that a new form is
//! covered without being listed: NUL bytes, invalid UTF-8, a field over the ceiling, a megabyte,
//! JSON instead of a form, fields sent twice and choices the form does not offer. None may end in a
//! server error or show framework text; the refused ones must change nothing.

use withus::routes::catalogue;
use withus::web::input_guard::FIELD_MAX_CHARS;

use crate::authorisation::{EXPECTED, cast, client_for, concrete};
use crate::both;
use crate::helpers::{Backend, Client, Page, TestApp, spawn_app_without_demo};

/// Text that only a framework, never a Withus page, would show.
const FRAMEWORK_TEXT: &[&str] = &[
    "deserialize",
    "Failed to",
    "Unknown localization key",
    "Expected request with",
    "Invalid URL",
    "Unsupported Media Type",
];

fn field_names(form_page: &str) -> Vec<String> {
    let pattern = regex::Regex::new(r#"name="([A-Za-z0-9_\-\[\]]+)""#).unwrap();
    let mut names: Vec<String> = pattern
        .captures_iter(form_page)
        .map(|c| c[1].to_owned())
        .filter(|n| n != "csrf_token")
        .collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        names.push("name".into());
    }
    names
}

fn encode(pairs: &[(String, String)]) -> Vec<u8> {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
        .into_bytes()
}

async fn written(app: &TestApp) -> (i64, i64) {
    (
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        app.scalar_i64("SELECT COUNT(*) FROM outbox").await,
    )
}

fn problems_with(what: &str, route: &str, page: &Page, expected: Option<u16>) -> Vec<String> {
    let mut problems = Vec::new();
    let status = page.status.as_u16();
    if status >= 500 {
        problems.push(format!("{route} {what}: server error {status}"));
    }
    if let Some(expected) = expected
        && status != expected
    {
        problems.push(format!("{route} {what}: {status}, expected {expected}"));
    }
    for text in FRAMEWORK_TEXT {
        if page.body.contains(text) {
            problems.push(format!("{route} {what}: shows framework text {text:?}"));
        }
    }
    let is_redirect = (300..400).contains(&status);
    let is_html = page
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/html"));
    if !is_redirect && !is_html && !page.body.is_empty() {
        problems.push(format!(
            "{route} {what}: {status} answered with {:?}, not a page",
            page.content_type
        ));
    }
    problems
}

async fn every_form_refuses_bad_input_cleanly(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let cast = cast(&app).await;
    let mut problems = Vec::new();
    let mut forms = 0;
    for route in catalogue().iter().filter(|r| r.method == "POST") {
        let Some((_, _, allowed)) = EXPECTED
            .iter()
            .find(|(m, p, _)| *m == route.method && *p == route.path)
        else {
            panic!("{} has no entry in the authorisation table", route.path);
        };
        // Someone who may use the form: refused input must be refused for its content.
        let Some(who) = allowed.first() else { continue };
        forms += 1;
        let url = concrete(route.path, &cast);
        let mut client = client_for(&app, &cast, *who).await;
        let form_page = client.get(&url).await;
        let names = field_names(&form_page.body);
        let all = |value: &str| -> Vec<(String, String)> {
            names
                .iter()
                .map(|n| (n.clone(), value.to_owned()))
                .collect()
        };
        let before = written(&app).await;
        let refused: Vec<(&str, &str, Vec<u8>, u16)> = vec![
            (
                "with NUL bytes",
                "application/x-www-form-urlencoded",
                encode(&all("a\u{0}b")),
                400,
            ),
            (
                "with invalid UTF-8",
                "application/x-www-form-urlencoded",
                format!("{}=%FF%FEabc", names[0]).into_bytes(),
                400,
            ),
            (
                "with a field over the ceiling",
                "application/x-www-form-urlencoded",
                encode(&[(names[0].clone(), "a".repeat(FIELD_MAX_CHARS + 1))]),
                400,
            ),
            (
                "as JSON",
                "application/json",
                br#"{"name":"Sam"}"#.to_vec(),
                415,
            ),
        ];
        for (what, content_type, body, status) in refused {
            let page = client.post_bytes(&url, content_type, body).await;
            problems.extend(problems_with(what, route.path, &page, Some(status)));
        }
        // Over the body limit the server answers before reading the body, and may close the
        // connection before the client has sent it all: then there is no page to read, only
        // the certainty that nothing was read. When the page arrives, it is the 413 page.
        let megabyte = encode(&[(names[0].clone(), "a".repeat(1_100_000))]);
        if let Ok(page) = client
            .on_new_connection()
            .try_post_bytes(&url, "application/x-www-form-urlencoded", megabyte)
            .await
        {
            // The spreadsheet upload has a larger limit, so there a megabyte is refused as not
            // being the upload form (400) rather than as too large.
            problems.extend(problems_with("with a megabyte", route.path, &page, None));
            if ![400, 413].contains(&page.status.as_u16()) {
                problems.push(format!("{} with a megabyte: {}", route.path, page.status));
            }
        }
        if written(&app).await != before {
            problems.push(format!(
                "{}: refused input wrote to the audit log or the outbox",
                route.path
            ));
        }
        // Not refused by the guard: the form itself must answer with a page or a redirect.
        let mut twice = all("1");
        twice.extend(all("2"));
        for (what, body) in [
            ("with every field twice", encode(&twice)),
            ("with choices not offered", encode(&all("zz-not-a-choice"))),
        ] {
            let page = client
                .post_bytes(&url, "application/x-www-form-urlencoded", body)
                .await;
            problems.extend(problems_with(what, route.path, &page, None));
        }
    }
    assert!(forms > 40, "the route table has the app's forms ({forms})");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
both!(
    every_form_refuses_bad_input_cleanly,
    every_form_refuses_bad_input_cleanly
);

async fn sign_in_with(client: &mut Client, body: impl Into<Vec<u8>>) -> Page {
    client
        .post_bytes("/sign-in", "application/x-www-form-urlencoded", body.into())
        .await
}

async fn the_refusal_names_the_field_and_the_fix_in_welsh_too(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let mut client = app.client();
    let page = sign_in_with(
        &mut client,
        b"email=sam%00%40example.org&password=x".as_slice(),
    )
    .await;
    assert_eq!(page.status, 400);
    assert!(
        page.body
            .contains("The answer “email” contains a hidden control character")
    );
    let page = sign_in_with(
        &mut client,
        format!(
            "email=sam%40example.org&password={}",
            "p".repeat(FIELD_MAX_CHARS + 1)
        ),
    )
    .await;
    assert!(page.body.contains("It must be 20,000 characters or fewer"));
    let page = sign_in_with(
        &mut client,
        b"email=a%40example.org&password=x&return_to=%2F&return_to=%2Fhelp".as_slice(),
    )
    .await;
    assert_eq!(page.status, 400);
    assert!(
        page.body
            .contains("The answer “return to” was sent more than once")
    );
    client.get("/language?to=cy&return=%2Fhelp").await;
    let page = sign_in_with(
        &mut client,
        b"email=sam%00%40example.org&password=x".as_slice(),
    )
    .await;
    assert!(
        page.body.contains("yn cynnwys nod rheoli cudd"),
        "{}",
        page.title()
    );
}
both!(
    the_refusal_names_the_field_and_the_fix_in_welsh_too,
    the_refusal_names_the_field_and_the_fix_in_welsh_too
);
