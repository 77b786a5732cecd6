use crate::both;
use crate::helpers::{Backend, DEMO_PASSWORD, spawn_app};

const MEMBER: &str = "member@northtown-dpf.example";

async fn wrong_password_is_explained_and_signs_nobody_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    let page = client.sign_in(MEMBER, "not the password").await;
    assert_eq!(page.status, 422);
    assert!(page.title().starts_with("Error:"), "{}", page.title());
    assert!(page.body.contains("govuk-error-summary"));
    assert!(
        page.body
            .contains("Enter a correct email address and password")
    );
    assert!(
        page.body.contains(&format!("value=\"{MEMBER}\"")),
        "the email answer is kept"
    );
    assert!(client.session().is_none());

    let empty = client.sign_in("", "").await;
    assert_eq!(empty.status, 422);
    assert!(
        empty
            .body
            .contains("href=\"#email\">Enter your email address")
    );
    assert!(
        empty
            .body
            .contains("href=\"#password\">Enter your password")
    );
}
both!(
    wrong_password_is_explained_and_signs_nobody_in,
    wrong_password_is_explained_and_signs_nobody_in
);

async fn signing_in_rotates_the_session_and_signing_out_ends_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    let page = client.sign_in(MEMBER, DEMO_PASSWORD).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location.as_deref(), Some("/"));
    let first = client.session().expect("a session cookie");
    let home = client.get("/").await;
    assert!(home.body.contains("Maya Patel"), "signed in as the member");

    // Signing in again issues a new id and retires the old one.
    client.sign_in(MEMBER, DEMO_PASSWORD).await;
    let second = client.session().unwrap();
    assert_ne!(first, second);
    let mut old = app.client();
    old.cookies.insert("__Host-withus_session".into(), first);
    assert_eq!(
        old.get("/account").await.status,
        303,
        "the old session no longer works"
    );

    let out = client.post("/sign-out", &[]).await;
    assert_eq!(out.status, 303);
    assert!(client.session().is_none());
    let mut replay = app.client();
    replay
        .cookies
        .insert("__Host-withus_session".into(), second);
    let after = replay.get("/account").await;
    assert_eq!(after.status, 303);
    assert!(after.location.unwrap().starts_with("/sign-in"));
}
both!(
    signing_in_rotates_the_session_and_signing_out_ends_it,
    signing_in_rotates_the_session_and_signing_out_ends_it
);

async fn repeated_failures_are_throttled_with_a_clear_message(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    for _ in 0..5 {
        assert_eq!(client.sign_in(MEMBER, "wrong password").await.status, 422);
    }
    let blocked = client.sign_in(MEMBER, DEMO_PASSWORD).await;
    assert_eq!(blocked.status, 429);
    assert!(blocked.body.contains("Wait 15 minutes"));
    assert!(
        client.session().is_none(),
        "even the right password is refused while throttled"
    );
    // Another account is unaffected.
    let other = client
        .sign_in("facilitator@northtown-dpf.example", DEMO_PASSWORD)
        .await;
    assert_eq!(other.status, 303);
}
both!(
    repeated_failures_are_throttled_with_a_clear_message,
    repeated_failures_are_throttled_with_a_clear_message
);

async fn idle_sessions_expire(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.signed_in_client(MEMBER).await;
    assert_eq!(client.get("/account").await.status, 200);
    app.execute("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00Z'")
        .await;
    let page = client.get("/account").await;
    assert_eq!(page.status, 303);
    let sign_in = client.get(page.location.as_deref().unwrap()).await;
    assert!(
        sign_in
            .body
            .contains("You were signed out because you did nothing for a while")
    );
}
both!(idle_sessions_expire, idle_sessions_expire);

async fn signed_in_pages_say_when_the_idle_warning_appears(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.signed_in_client(MEMBER).await;
    let page = client.get("/").await;
    assert!(page.body.contains("data-session-timeout-seconds=\"1800\""));
    assert!(page.body.contains("id=\"session-timeout-warning\""));
    let keep = client
        .post("/session/keep-alive", &[("return_to", "/account")])
        .await;
    assert_eq!(keep.status, 303);
    assert_eq!(keep.location.as_deref(), Some("/account"));
}
both!(
    signed_in_pages_say_when_the_idle_warning_appears,
    signed_in_pages_say_when_the_idle_warning_appears
);

/// An email address over 254 characters is refused before any query: at sign-in (where it once
/// reached the failures table's index and failed on PostgreSQL), password reset and invitations.
async fn an_over_long_email_is_refused_before_any_query(backend: Backend) {
    let app = spawn_app(backend).await;
    let too_long = format!("{}@example.org", "a".repeat(3000));
    let message = "Email address must be 254 characters or fewer";
    let mut client = app.client();
    let page = client.sign_in(&too_long, "any password at all").await;
    assert_eq!(page.status, 422, "{}", page.body);
    assert!(page.title().starts_with("Error:"), "{}", page.title());
    assert!(
        page.body
            .contains(&format!("href=\"#email\">{message}</a>")),
        "{}",
        page.body
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM sign_in_failures")
            .await,
        0,
        "no throttling row holds the over-long value"
    );

    let reset = client
        .post("/password-reset", &[("email", too_long.as_str())])
        .await;
    assert_eq!(reset.status, 422);
    assert!(reset.body.contains(message));

    let mut admin = app.signed_in_client("admin@northtown-dpf.example").await;
    let home = admin.get("/").await;
    let org = home
        .body
        .split("href=\"/organisations/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let invite = admin
        .post(
            &format!("/organisations/{org}/invitations/new"),
            &[("email", too_long.as_str()), ("role", "member")],
        )
        .await;
    assert_eq!(invite.status, 422);
    assert!(invite.body.contains(message));
}
both!(
    an_over_long_email_is_refused_before_any_query,
    an_over_long_email_is_refused_before_any_query
);
