use crate::both;
use crate::helpers::{Backend, spawn_app};

async fn the_language_toggle_keeps_the_page_and_is_remembered(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.signed_in_client("member@northtown-dpf.example").await;
    let english = client.get("/account").await;
    assert!(english.body.contains("<html lang=\"en\""));
    assert!(
        english
            .body
            .contains("href=\"/language?to=cy&#38;return=%2Faccount\""),
        "the toggle links back to this page"
    );

    let switch = client.get("/language?to=cy&return=%2Faccount").await;
    assert_eq!(switch.status, 303);
    assert_eq!(switch.location.as_deref(), Some("/account"));
    let welsh = client.get("/account").await;
    assert!(welsh.body.contains("<html lang=\"cy\""));
    assert!(welsh.body.contains("hreflang=\"en\""));
    assert_ne!(welsh.title(), english.title(), "the page is in Welsh");

    // Remembered on the account: a new browser signing in gets Welsh.
    let stored = app.scalar_i64("SELECT COUNT(*) FROM accounts WHERE email = 'member@northtown-dpf.example' AND language = 'cy'").await;
    assert_eq!(stored, 1);
    let mut fresh = app.client();
    fresh
        .sign_in(
            "member@northtown-dpf.example",
            crate::helpers::DEMO_PASSWORD,
        )
        .await;
    assert!(fresh.get("/").await.body.contains("<html lang=\"cy\""));

    // Never an open redirect.
    let away = client
        .get("/language?to=en&return=https%3A%2F%2Fevil.example")
        .await;
    assert_eq!(away.location.as_deref(), Some("/"));
}
both!(
    the_language_toggle_keeps_the_page_and_is_remembered,
    the_language_toggle_keeps_the_page_and_is_remembered
);
