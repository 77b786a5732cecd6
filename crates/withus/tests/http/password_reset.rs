use crate::both;
use crate::helpers::{Backend, DEMO_PASSWORD, link_in, spawn_app};

const MEMBER: &str = "member@northtown-dpf.example";

async fn reset_by_emailed_single_use_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    let before = app.scalar_i64("SELECT COUNT(*) FROM outbox").await;

    let bad = client
        .post("/password-reset", &[("email", "not an email")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body
            .contains("Enter an email address in the correct format")
    );

    // Unknown addresses get the same answer and no email.
    let unknown = client
        .post("/password-reset", &[("email", "nobody@example.org")])
        .await;
    assert_eq!(unknown.status, 200);
    assert!(unknown.body.contains("Check your email"));
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox").await, before);

    let sent = client.post("/password-reset", &[("email", MEMBER)]).await;
    assert_eq!(sent.status, 200);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox").await,
        before + 1
    );
    let (to, body) = app.last_email().await;
    assert_eq!(to, MEMBER);
    let link = link_in(&body, &app.base);
    let path = link.trim_start_matches(&app.base).to_owned();

    assert_eq!(client.get(&path).await.status, 200);
    let mismatch = client
        .post(
            &path,
            &[
                ("password", "river teapot garden"),
                ("confirm_password", "river teapot"),
            ],
        )
        .await;
    assert_eq!(mismatch.status, 422);
    assert!(mismatch.body.contains("The passwords do not match"));
    let short = client
        .post(
            &path,
            &[("password", "short"), ("confirm_password", "short")],
        )
        .await;
    assert!(
        short
            .body
            .contains("Password must be 10 characters or more")
    );

    let done = client
        .post(
            &path,
            &[
                ("password", "river teapot garden"),
                ("confirm_password", "river teapot garden"),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location.as_deref(), Some("/sign-in"));

    // Single use.
    let again = client.get(&path).await;
    assert_eq!(again.status, 410);
    assert!(
        again
            .body
            .contains("This link has expired or has already been used")
    );
    assert_eq!(
        client
            .post(
                &path,
                &[
                    ("password", "another good password"),
                    ("confirm_password", "another good password")
                ]
            )
            .await
            .status,
        410
    );

    assert_eq!(
        app.client().sign_in(MEMBER, DEMO_PASSWORD).await.status,
        422,
        "the old password no longer works"
    );
    assert_eq!(
        app.client()
            .sign_in(MEMBER, "river teapot garden")
            .await
            .status,
        303
    );
}
both!(
    reset_by_emailed_single_use_link,
    reset_by_emailed_single_use_link
);

async fn expired_reset_links_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();
    client.post("/password-reset", &[("email", MEMBER)]).await;
    let (_, body) = app.last_email().await;
    let path = link_in(&body, &app.base)
        .trim_start_matches(&app.base)
        .to_owned();
    app.execute("UPDATE password_resets SET expires_at = '2020-01-01T00:00:00Z'")
        .await;
    assert_eq!(client.get(&path).await.status, 410);
    let attempt = client
        .post(
            &path,
            &[
                ("password", "river teapot garden"),
                ("confirm_password", "river teapot garden"),
            ],
        )
        .await;
    assert_eq!(attempt.status, 410);
    assert_eq!(
        app.client().sign_in(MEMBER, DEMO_PASSWORD).await.status,
        303,
        "the password is unchanged"
    );
}
both!(
    expired_reset_links_are_refused,
    expired_reset_links_are_refused
);
