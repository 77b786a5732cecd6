use crate::both;
use crate::helpers::{Backend, link_in, spawn_app};

async fn an_organisation_admin_invites_a_new_person_who_joins(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut admin = app.signed_in_client("admin@northtown-dpf.example").await;
    let home = admin.get("/").await;
    let org_path = home
        .body
        .split("href=\"/organisations/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let invite_path = format!("/organisations/{org_path}/invitations/new");

    let bad = admin
        .post(&invite_path, &[("email", "nope"), ("role", "emperor")])
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("Select a role"));
    assert!(bad.body.contains("value=\"nope\""));

    let already = admin
        .post(
            &invite_path,
            &[
                ("email", "member@northtown-dpf.example"),
                ("role", "member"),
            ],
        )
        .await;
    assert!(
        already
            .body
            .contains("This person is already in the organisation")
    );

    let sent = admin
        .post(
            &invite_path,
            &[("email", "Rhys.Jones@Example.org"), ("role", "facilitator")],
        )
        .await;
    assert_eq!(sent.status, 303);
    let (to, body) = app.last_email().await;
    assert_eq!(to, "rhys.jones@example.org");
    let path = link_in(&body, &app.base)
        .trim_start_matches(&app.base)
        .to_owned();

    let mut newcomer = app.client();
    let form = newcomer.get(&path).await;
    assert!(form.body.contains("Create your account"));
    let incomplete = newcomer
        .post(
            &path,
            &[
                ("name", " "),
                ("password", "river teapot garden"),
                ("confirm_password", "river teapot garden"),
            ],
        )
        .await;
    assert_eq!(incomplete.status, 422);
    assert!(incomplete.body.contains("Enter your name"));
    let joined = newcomer
        .post(
            &path,
            &[
                ("name", "Rhys Jones"),
                ("password", "river teapot garden"),
                ("confirm_password", "river teapot garden"),
            ],
        )
        .await;
    assert_eq!(joined.status, 303);
    assert!(newcomer.session().is_some(), "signed in straight away");
    let org_page = newcomer.get(joined.location.as_deref().unwrap()).await;
    assert!(org_page.body.contains("Facilitator"));

    assert_eq!(
        newcomer.get(&path).await.status,
        410,
        "an invitation works once"
    );
    let joined_events = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'membership.created'")
        .await;
    assert_eq!(joined_events, 1);
}
both!(
    an_organisation_admin_invites_a_new_person_who_joins,
    an_organisation_admin_invites_a_new_person_who_joins
);
