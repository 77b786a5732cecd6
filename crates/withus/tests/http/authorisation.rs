//! Every route × every role: the expected allow/deny for each is written out here, and a route that
//! exists in the app but not in this table fails the test.

use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{ContactMethod, EntryRoute, MembershipStatus};
use withus::register::storage as register;
use withus::routes::catalogue;

use crate::both;
use crate::helpers::{Backend, Client, Options, TestApp, spawn_app_with};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    SignedOut,
    Member,
    Facilitator,
    Officer,
    OrgAdmin,
    Auditor,
    SiteAdmin,
    /// Administrator of a different organisation.
    OtherOrgAdmin,
}

const EVERYONE: &[Who] = &[
    Who::SignedOut,
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::SiteAdmin,
    Who::OtherOrgAdmin,
];
const SIGNED_IN: &[Who] = &[
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::SiteAdmin,
    Who::OtherOrgAdmin,
];
const IN_ORG: &[Who] = &[
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::SiteAdmin,
];
/// Staff who work with the panel register.
const REGISTER_STAFF: &[Who] = &[
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::SiteAdmin,
];
const REGISTER_MANAGERS: &[Who] = &[Who::Facilitator, Who::OrgAdmin, Who::SiteAdmin];
const OVERSIGHT: &[Who] = &[Who::OrgAdmin, Who::Auditor, Who::SiteAdmin];
const ADMINS: &[Who] = &[Who::OrgAdmin, Who::SiteAdmin];
const SITE_ADMIN: &[Who] = &[Who::SiteAdmin];
const NOBODY: &[Who] = &[];

/// Who may use each route (demo mode off).
const EXPECTED: &[(&str, &str, &[Who])] = &[
    ("GET", "/", EVERYONE),
    ("GET", "/accessibility", EVERYONE),
    ("GET", "/help", EVERYONE),
    ("GET", "/language", EVERYONE),
    ("GET", "/healthz", EVERYONE),
    ("GET", "/metrics", EVERYONE),
    ("GET", "/sign-in", EVERYONE),
    ("POST", "/sign-in", EVERYONE),
    ("POST", "/sign-out", SIGNED_IN),
    ("POST", "/session/keep-alive", SIGNED_IN),
    ("GET", "/password-reset", EVERYONE),
    ("POST", "/password-reset", EVERYONE),
    ("GET", "/password-reset/{token}", EVERYONE),
    ("POST", "/password-reset/{token}", EVERYONE),
    ("GET", "/invitations/{token}", EVERYONE),
    ("POST", "/invitations/{token}", EVERYONE),
    ("GET", "/account", SIGNED_IN),
    ("GET", "/account/support-needs", SIGNED_IN),
    ("POST", "/account/support-needs", SIGNED_IN),
    ("GET", "/account/password", SIGNED_IN),
    ("POST", "/account/password", SIGNED_IN),
    ("GET", "/organisations", SITE_ADMIN),
    ("GET", "/organisations/new", SITE_ADMIN),
    ("POST", "/organisations/new", SITE_ADMIN),
    ("GET", "/organisations/{org_id}", IN_ORG),
    ("GET", "/organisations/{org_id}/members", OVERSIGHT),
    ("GET", "/organisations/{org_id}/invitations/new", ADMINS),
    ("POST", "/organisations/{org_id}/invitations/new", ADMINS),
    ("GET", "/organisations/{org_id}/audit", OVERSIGHT),
    ("GET", "/audit", SITE_ADMIN),
    // Panel register: panels.
    ("GET", "/panels", EVERYONE),
    ("GET", "/panels/{panel_id}", EVERYONE),
    ("GET", "/organisations/{org_id}/panels", REGISTER_STAFF),
    ("GET", "/organisations/{org_id}/panels/new", ADMINS),
    ("POST", "/organisations/{org_id}/panels/new", ADMINS),
    // Panel register: finding people, and the CSV download.
    ("GET", "/organisations/{org_id}/people", REGISTER_STAFF),
    ("GET", "/organisations/{org_id}/people.csv", REGISTER_STAFF),
    ("GET", "/dev/emails", NOBODY),
    ("GET", "/dev/emails/{email_id}", NOBODY),
];

const PASSWORD: &str = "matrix password 2026";

struct Cast {
    org: uuid::Uuid,
    /// A panel of `org`, open to sign-up, with one person on it.
    panel: uuid::Uuid,
    person: uuid::Uuid,
    emails: Vec<(Who, String)>,
}

async fn cast(app: &TestApp) -> Cast {
    let mut tx = app.db.begin().await.unwrap();
    let org =
        withus::organisations::storage::create(&mut tx.ex(), "Matrix Forum", OrganisationKind::Dpo)
            .await
            .unwrap();
    withus::organisations::storage::create(
        &mut tx.ex(),
        "Elsewhere Council",
        OrganisationKind::Council,
    )
    .await
    .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Matrix Panel", "", true)
        .await
        .unwrap();
    let person = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: "Pat Matrix",
            email: Some("pat@matrix.example"),
            phone: None,
            contact_method: ContactMethod::Email,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), panel, person, MembershipStatus::Active)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let people = [
        (
            Who::Member,
            "member",
            Some(("Matrix Forum", "member")),
            false,
        ),
        (
            Who::Facilitator,
            "facilitator",
            Some(("Matrix Forum", "facilitator")),
            false,
        ),
        (
            Who::Officer,
            "officer",
            Some(("Matrix Forum", "officer")),
            false,
        ),
        (
            Who::OrgAdmin,
            "orgadmin",
            Some(("Matrix Forum", "organisation_admin")),
            false,
        ),
        (
            Who::Auditor,
            "auditor",
            Some(("Matrix Forum", "auditor")),
            false,
        ),
        (Who::SiteAdmin, "siteadmin", None, true),
        (
            Who::OtherOrgAdmin,
            "otheradmin",
            Some(("Elsewhere Council", "organisation_admin")),
            false,
        ),
    ];
    let mut emails = Vec::new();
    for (who, name, membership, site_admin) in people {
        let email = format!("{name}@matrix.example");
        create_user(
            &app.db,
            NewUser {
                email: &email,
                name,
                password: PASSWORD,
                site_admin,
                membership,
            },
        )
        .await
        .unwrap();
        emails.push((who, email));
    }
    Cast {
        org,
        panel,
        person,
        emails,
    }
}

fn concrete(path: &str, cast: &Cast) -> String {
    path.replace("{org_id}", &cast.org.to_string())
        .replace("{panel_id}", &cast.panel.to_string())
        .replace("{person_id}", &cast.person.to_string())
        .replace("{token}", &"t".repeat(43))
        .replace("{email_id}", &uuid::Uuid::now_v7().to_string())
}

async fn client_for(app: &TestApp, cast: &Cast, who: Who) -> Client {
    match cast.emails.iter().find(|(w, _)| *w == who) {
        Some((_, email)) => app.signed_in_client(email).await,
        None => app.client(),
    }
}

async fn every_route_for_every_role(backend: Backend) {
    let app = spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: Vec::new(),
        },
    )
    .await;
    let cast = cast(&app).await;

    let routes = catalogue();
    for route in &routes {
        assert!(
            EXPECTED
                .iter()
                .any(|(m, p, _)| *m == route.method && *p == route.path),
            "route {} {} has no entry in the authorisation table: add one",
            route.method,
            route.path
        );
    }
    assert_eq!(
        routes.len(),
        EXPECTED.len(),
        "the table lists a route the app no longer has"
    );

    let mut failures = Vec::new();
    for (method, path, allowed) in EXPECTED {
        for who in EVERYONE {
            // A fresh session each time: some routes (sign out) end it.
            let mut client = client_for(&app, &cast, *who).await;
            let url = concrete(path, &cast);
            let page = if *method == "GET" {
                client.get(&url).await
            } else {
                client.post(&url, &[]).await
            };
            let to_sign_in = page.status == 303
                && page
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/sign-in"));
            let denied = page.status == 403 || page.status == 404 || to_sign_in;
            let should_allow = allowed.contains(who);
            if denied == should_allow {
                failures.push(format!(
                    "{method} {path} as {who:?}: got {} (expected {})",
                    page.status,
                    if should_allow { "allow" } else { "deny" }
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation mismatches:\n{}",
        failures.join("\n")
    );
}
both!(every_route_for_every_role, every_route_for_every_role);

async fn demo_pages_exist_only_in_demo_mode(backend: Backend) {
    let demo = spawn_app_with(
        backend,
        Options {
            demo: true,
            extra: Vec::new(),
        },
    )
    .await;
    assert_eq!(demo.client().get("/dev/emails").await.status, 200);
    let production = spawn_app_with(
        backend,
        Options {
            demo: false,
            extra: Vec::new(),
        },
    )
    .await;
    assert_eq!(production.client().get("/dev/emails").await.status, 404);
}
both!(
    demo_pages_exist_only_in_demo_mode,
    demo_pages_exist_only_in_demo_mode
);
