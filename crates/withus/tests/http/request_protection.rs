use crate::both;
use crate::helpers::{Backend, DEMO_PASSWORD, spawn_app};

const MEMBER: &str = "member@northtown-dpf.example";

async fn posts_without_the_csrf_token_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let sessions_before = app.scalar_i64("SELECT COUNT(*) FROM sessions").await;
    let audit_before = app.scalar_i64("SELECT COUNT(*) FROM audit_log").await;
    let mut client = app.client();
    client.get("/sign-in").await;

    let form = vec![
        ("email".to_owned(), MEMBER.to_owned()),
        ("password".to_owned(), DEMO_PASSWORD.to_owned()),
    ];
    let missing = client.post_raw("/sign-in", &form, &[]).await;
    assert_eq!(missing.status, 403);
    assert!(
        missing.title().starts_with("Your form could not be sent"),
        "{}",
        missing.title()
    );
    assert!(missing.body.contains("Nothing was changed"));

    let mut wrong = form.clone();
    wrong.push(("csrf_token".into(), "x".repeat(43)));
    assert_eq!(client.post_raw("/sign-in", &wrong, &[]).await.status, 403);

    let mut right = form.clone();
    right.push(("csrf_token".into(), client.csrf().unwrap()));
    let cross_site = client
        .post_raw("/sign-in", &right, &[("origin", "https://evil.example")])
        .await;
    assert_eq!(cross_site.status, 403);

    // A token from another browser does not work either.
    let mut other = app.client();
    other.get("/sign-in").await;
    let mut stolen = form.clone();
    stolen.push(("csrf_token".into(), other.csrf().unwrap()));
    assert_eq!(client.post_raw("/sign-in", &stolen, &[]).await.status, 403);

    assert!(client.session().is_none());
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM sessions").await,
        sessions_before
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log").await,
        audit_before
    );

    // The same form with the token goes through.
    assert_eq!(client.post_raw("/sign-in", &right, &[]).await.status, 303);
}
both!(
    posts_without_the_csrf_token_are_refused_and_change_nothing,
    posts_without_the_csrf_token_are_refused_and_change_nothing
);

async fn oversized_bodies_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.signed_in_client(MEMBER).await;
    let huge = "a".repeat(2 * 1024 * 1024);
    let page = client
        .post("/account/support-needs", &[("support_needs", &huge)])
        .await;
    assert_eq!(page.status, 413);
    assert!(
        page.title().starts_with("What you sent is too large"),
        "{}",
        page.title()
    );
    let stored = app.scalar_i64("SELECT COUNT(*) FROM accounts WHERE email = 'member@northtown-dpf.example' AND support_needs IS NOT NULL").await;
    assert_eq!(stored, 0);
}
both!(
    oversized_bodies_are_refused_and_change_nothing,
    oversized_bodies_are_refused_and_change_nothing
);

async fn error_pages_reveal_no_internals(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    // A malformed organisation id and an unknown email id: plain not-found pages.
    for path in [
        "/organisations/not-a-uuid",
        "/dev/emails/not-a-uuid",
        "/password-reset/%27%3B%20DROP%20TABLE",
    ] {
        let page = client.get(path).await;
        assert!(
            page.status.is_client_error() || page.status == 303,
            "{path}: {}",
            page.status
        );
        for leak in ["sqlx", "panicked", "SELECT", "stack backtrace", "src/"] {
            assert!(!page.body.contains(leak), "{path} leaks {leak}");
        }
    }
}
both!(
    error_pages_reveal_no_internals,
    error_pages_reveal_no_internals
);
