//! Papers of engagements and events: staff add, change, publish and delete them; links must be web
//! addresses; the public page shows only published ones; the access plan flags a paper missing a
//! format someone booked needs (blocking ready) and one not published by the deadline.

use uuid::Uuid;
use withus::organisations::domain::OrganisationKind;
use withus::papers::{self, PaperRow};
use withus::register::domain::AccessNeed;

use crate::both;
use crate::event_fixtures::{forum, online_event};
use crate::helpers::{Backend, Client, TestApp, spawn_app};

const ORG: &str = "Paperton Forum";
const FACILITATOR: &str = "facilitator@paperton.example";

struct World {
    org: Uuid,
    panel: Uuid,
    engagement: Uuid,
    event: Uuid,
}

/// An online event `days` from now, in a published engagement of a DPO with a facilitator.
async fn world(app: &TestApp, days: i64) -> World {
    let forum = forum(
        app,
        ORG,
        "Paperton Panel",
        &[(FACILITATOR, "facilitator")],
        "paperton password 2026",
    )
    .await;
    let event = online_event(
        app,
        (forum.org, forum.engagement),
        "Paper session",
        days,
        60,
        10,
    )
    .await;
    World {
        org: forum.org,
        panel: forum.panel,
        engagement: forum.engagement,
        event,
    }
}

fn engagement_page(world: &World) -> String {
    format!(
        "/organisations/{}/engagements/{}",
        world.org, world.engagement
    )
}

fn event_page(world: &World) -> String {
    format!("{}/events/{}", engagement_page(world), world.event)
}

fn paper_url(world: &World, paper: Uuid) -> String {
    format!("{}/papers/{paper}", engagement_page(world))
}

async fn papers_of(app: &TestApp, world: &World) -> Vec<PaperRow> {
    let mut conn = app.db.acquire().await.unwrap();
    papers::of_engagement(&mut conn.ex(), world.engagement)
        .await
        .unwrap()
}

/// Adds a paper through the form: for the event when `for_event`, else the whole engagement.
async fn add(
    client: &mut Client,
    world: &World,
    title: &str,
    for_event: bool,
    formats: &[(&str, &str)],
) -> Uuid {
    let event = if for_event {
        world.event.to_string()
    } else {
        String::new()
    };
    let mut fields = vec![("title", title), ("event", event.as_str())];
    let links: Vec<(String, &str)> = formats
        .iter()
        .map(|(f, link)| (format!("link_{f}"), *link))
        .collect();
    for ((format, _), (field, link)) in formats.iter().zip(&links) {
        fields.push(("formats", format));
        fields.push((field.as_str(), link));
    }
    let added = client
        .post(&format!("{}/papers/new", engagement_page(world)), &fields)
        .await;
    assert_eq!(added.status, 303, "{}", added.body);
    let expected = if for_event {
        event_page(world)
    } else {
        engagement_page(world)
    };
    assert_eq!(
        added.location.as_deref(),
        Some(&*format!("{expected}#papers"))
    );
    let id = added_id(client, world, title).await;
    id.unwrap_or_else(|| panic!("{title} was not listed"))
}

/// The id of the paper titled `title`, from the engagement's staff page.
async fn added_id(client: &mut Client, world: &World, title: &str) -> Option<Uuid> {
    let page = client.get(&engagement_page(world)).await;
    let card = page
        .body
        .split("govuk-summary-card__title\">")
        .skip(1)
        .find(|c| c.starts_with(&format!("{title}<")))?;
    let href = card.split("/papers/").nth(1)?;
    Uuid::parse_str(&href[..36]).ok()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    // Staff changes only: the demo data adds papers too.
    let sql = format!(
        "SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor_account_id IS NOT NULL"
    );
    app.scalar_i64(Box::leak(sql.into_boxed_str())).await
}

async fn add_change_publish_and_delete_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app, 60).await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let empty = client.get(&event_page(&world)).await;
    assert!(empty.body.contains("No papers yet."), "{}", empty.body);
    let form = client
        .get(&format!(
            "{}/papers/new?event={}",
            engagement_page(&world),
            world.event
        ))
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body
            .contains(&format!("value=\"{}\" selected", world.event))
    );

    let id = add(
        &mut client,
        &world,
        "Agenda",
        true,
        &[("standard", "https://example.org/agenda.pdf")],
    )
    .await;
    let shown = client.get(&event_page(&world)).await;
    assert!(shown.body.contains(">Agenda<"), "{}", shown.body);
    assert!(shown.body.contains("Not published"));
    assert!(
        shown
            .body
            .contains("href=\"https://example.org/agenda.pdf\"")
    );

    let changed = client
        .post(
            &paper_url(&world, id),
            &[
                ("title", "Agenda for the paper session"),
                ("description", "What we will talk about"),
                ("event", &world.event.to_string()),
                ("formats", "standard"),
                ("link_standard", "https://example.org/agenda.pdf"),
                ("formats", "easy_read"),
                ("link_easy_read", ""),
                // Not ticked, so its link is not kept.
                ("link_audio", "https://example.org/agenda.mp3"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    let rows = papers_of(&app, &world).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].title, "Agenda for the paper session");
    assert_eq!(rows[0].description, "What we will talk about");
    assert_eq!(
        rows[0]
            .formats
            .iter()
            .map(|(f, l)| (f.as_str(), l.as_str()))
            .collect::<Vec<_>>(),
        [
            ("standard", "https://example.org/agenda.pdf"),
            ("easy_read", "")
        ]
    );
    assert_eq!(rows[0].published_at, None);

    let published = client
        .post(&format!("{}/publish", paper_url(&world, id)), &[])
        .await;
    assert_eq!(published.status, 303);
    assert!(papers_of(&app, &world).await[0].published_at.is_some());
    let shown = client.get(&engagement_page(&world)).await;
    assert!(shown.body.contains("Published "), "{}", shown.body);
    let unpublished = client
        .post(&format!("{}/unpublish", paper_url(&world, id)), &[])
        .await;
    assert_eq!(unpublished.status, 303);
    assert_eq!(papers_of(&app, &world).await[0].published_at, None);

    let delete = format!("{}/delete", paper_url(&world, id));
    let asked = client.get(&delete).await;
    assert!(
        asked
            .body
            .contains("Are you sure you want to delete Agenda for the paper session?")
    );
    let unanswered = client.post(&delete, &[]).await;
    assert_eq!(unanswered.status, 422);
    assert!(
        unanswered
            .body
            .contains("Select yes to delete the paper, or no to keep it")
    );
    let kept = client.post(&delete, &[("confirm", "no")]).await;
    assert_eq!(kept.status, 303);
    assert_eq!(papers_of(&app, &world).await.len(), 1);
    let deleted = client.post(&delete, &[("confirm", "yes")]).await;
    assert_eq!(deleted.status, 303);
    assert!(papers_of(&app, &world).await.is_empty());
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM paper_formats WHERE paper_id NOT IN (SELECT id FROM papers)"
        )
        .await,
        0,
        "its formats are deleted with it"
    );
    for action in [
        "paper.added",
        "paper.updated",
        "paper.published",
        "paper.unpublished",
        "paper.deleted",
    ] {
        assert_eq!(audited(&app, action).await, 1, "{action}");
    }
}
both!(
    add_change_publish_and_delete,
    add_change_publish_and_delete_body
);

async fn a_bad_link_is_refused_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app, 60).await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let refused = client
        .post(
            &format!("{}/papers/new", engagement_page(&world)),
            &[
                ("title", "Agenda"),
                ("formats", "standard"),
                ("formats", "easy_read"),
                ("link_easy_read", "agenda-easy-read.pdf"),
            ],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("govuk-error-summary"));
    assert!(
        refused.body.contains(
            "Enter the Easy Read link as a full web address starting with https://, like https://example.org/agenda.pdf"
        ),
        "{}",
        refused.body
    );
    assert!(refused.body.contains("href=\"#link_easy_read\""));
    assert!(
        refused.body.contains("value=\"agenda-easy-read.pdf\""),
        "kept to correct"
    );
    assert!(papers_of(&app, &world).await.is_empty());

    let id = add(&mut client, &world, "Agenda", false, &[("standard", "")]).await;
    let script = client
        .post(
            &paper_url(&world, id),
            &[
                ("title", "Changed"),
                ("formats", "audio"),
                ("link_audio", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(script.status, 422);
    assert!(
        script
            .body
            .contains("Enter the Audio link as a full web address")
    );
    let rows = papers_of(&app, &world).await;
    assert_eq!(rows[0].title, "Agenda", "nothing saved");
    assert_eq!(rows[0].formats.len(), 1);
    assert_eq!(audited(&app, "paper.updated").await, 0);
}
both!(a_bad_link_is_refused, a_bad_link_is_refused_body);

async fn a_missing_easy_read_blocks_ready_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app, 60).await;
    crate::events_access_plan::person(
        &app,
        world.panel,
        world.event,
        "Eira",
        AccessNeed::EasyRead,
        true,
    )
    .await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let plan = format!("{}/access-plan", event_page(&world));
    let ready = format!("{}/ready", event_page(&world));
    // The Easy Read item itself is arranged: only the papers are left.
    let arranged = client
        .post(
            &format!("{plan}/items/easy_read"),
            &[("status", "arranged")],
        )
        .await;
    assert_eq!(arranged.status, 303, "{}", arranged.body);
    let agenda = add(&mut client, &world, "Agenda", true, &[("standard", "")]).await;
    let terms = add(
        &mut client,
        &world,
        "Terms of reference",
        false,
        &[
            ("standard", ""),
            ("easy_read", "https://example.org/terms-er.pdf"),
        ],
    )
    .await;
    for id in [agenda, terms] {
        let published = client
            .post(&format!("{}/publish", paper_url(&world, id)), &[])
            .await;
        assert_eq!(published.status, 303);
    }
    let shown = client.get(&plan).await;
    let flag = "Agenda is not available in Easy Read, which 1 person needs.";
    assert!(shown.body.contains(flag), "{}", shown.body);
    assert!(!shown.body.contains("Terms of reference is not available"));

    let refused = client.post(&ready, &[]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("govuk-error-summary"));
    assert!(refused.body.contains("href=\"#papers\""));
    assert!(refused.body.contains(flag));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM events WHERE ready_at IS NOT NULL")
            .await,
        0
    );

    let fixed = client
        .post(
            &paper_url(&world, agenda),
            &[
                ("title", "Agenda"),
                ("event", &world.event.to_string()),
                ("formats", "standard"),
                ("formats", "easy_read"),
                ("link_easy_read", "https://example.org/agenda-er.pdf"),
            ],
        )
        .await;
    assert_eq!(fixed.status, 303, "{}", fixed.body);
    let shown = client.get(&plan).await;
    assert!(!shown.body.contains(flag));
    let marked = client.post(&ready, &[]).await;
    assert_eq!(marked.status, 303, "{}", marked.body);

    // A paper for the whole engagement without Easy Read goes with this event too: ready again
    // only once the plan is checked, and blocked until it has the format.
    add(&mut client, &world, "Briefing", false, &[("standard", "")]).await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM events WHERE ready_at IS NOT NULL")
            .await,
        0
    );
    let refused = client.post(&ready, &[]).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Briefing is not available in Easy Read, which 1 person needs.")
    );
}
both!(
    a_missing_easy_read_blocks_ready,
    a_missing_easy_read_blocks_ready_body
);

async fn papers_late_to_publish_are_flagged_body(backend: Backend) {
    let app = spawn_app(backend).await;
    // Three days away: the deadline of five working days before has passed.
    let world = world(&app, 3).await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let plan = format!("{}/access-plan", event_page(&world));
    let fine = client.get(&plan).await;
    assert!(fine.body.contains("Every paper is published on time"));
    assert!(!fine.body.contains("Overdue"));
    let id = add(&mut client, &world, "Agenda", true, &[("standard", "")]).await;
    let shown = client.get(&plan).await;
    assert!(
        shown
            .body
            .contains("Agenda is not published yet. It is due by"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("Overdue"), "past the deadline");
    // Only a warning: nobody is left without a format they need.
    let ready = client
        .post(&format!("{}/ready", event_page(&world)), &[])
        .await;
    assert_eq!(ready.status, 303, "{}", ready.body);

    client
        .post(&format!("{}/publish", paper_url(&world, id)), &[])
        .await;
    let shown = client.get(&plan).await;
    assert!(
        shown.body.contains("Agenda was published on"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("after the deadline of"));
    assert!(!shown.body.contains("is not published yet"));

    // An event far enough away: not published yet, but not overdue either.
    let later = world_event(&app, &world, 60).await;
    let plan = format!("{}/events/{later}/access-plan", engagement_page(&world));
    let mut tx = app.db.begin().await.unwrap();
    papers::commands::add(
        &mut tx.ex(),
        papers::commands::Editor {
            account: None,
            organisation: world.org,
        },
        world.engagement,
        &papers::PaperInput {
            event: Some(later),
            title: "Later agenda".into(),
            description: String::new(),
            formats: vec![(withus::access_plan::PaperFormat::Standard, String::new())],
        },
        papers::RecheckEvents(withus::events::sections::recheck_after_papers_changed),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let shown = client.get(&plan).await;
    assert!(shown.body.contains("Later agenda is not published yet"));
    assert!(!shown.body.contains("Overdue"), "{}", shown.body);
}
both!(
    papers_late_to_publish_are_flagged,
    papers_late_to_publish_are_flagged_body
);

async fn world_event(app: &TestApp, world: &World, days: i64) -> Uuid {
    online_event(
        app,
        (world.org, world.engagement),
        "Later session",
        days,
        60,
        10,
    )
    .await
}

async fn the_public_page_shows_only_published_papers_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app, 60).await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let terms = add(
        &mut client,
        &world,
        "Terms of reference",
        false,
        &[
            ("standard", ""),
            ("easy_read", "https://example.org/terms-easy-read.pdf"),
        ],
    )
    .await;
    let agenda = add(
        &mut client,
        &world,
        "Session agenda",
        true,
        &[("welsh", "https://example.org/agenda-cy.pdf")],
    )
    .await;
    add(
        &mut client,
        &world,
        "Draft minutes",
        true,
        &[("standard", "")],
    )
    .await;
    for id in [terms, agenda] {
        client
            .post(&format!("{}/publish", paper_url(&world, id)), &[])
            .await;
    }
    let public = app
        .client()
        .get(&format!("/engagements/{}", world.engagement))
        .await;
    assert_eq!(public.status, 200);
    assert!(
        public.body.contains(">Terms of reference<"),
        "{}",
        public.body
    );
    assert!(
        public
            .body
            .contains("href=\"https://example.org/terms-easy-read.pdf\"")
    );
    assert!(public.body.contains(">Session agenda<"));
    assert!(
        public
            .body
            .contains("href=\"https://example.org/agenda-cy.pdf\"")
    );
    assert!(!public.body.contains("Draft minutes"), "not published");
    // The event's paper is listed under the event.
    let event_at = public.body.find(">Paper session<").unwrap();
    assert!(public.body[event_at..].contains(">Session agenda<"));
}
both!(
    the_public_page_shows_only_published_papers,
    the_public_page_shows_only_published_papers_body
);

async fn other_organisations_cannot_change_papers_body(backend: Backend) {
    let app = spawn_app(backend).await;
    let world = world(&app, 60).await;
    let mut client = app.signed_in_client(FACILITATOR).await;
    let id = add(&mut client, &world, "Agenda", true, &[("standard", "")]).await;
    let mut tx = app.db.begin().await.unwrap();
    crate::helpers::create_organisation(&mut tx.ex(), "Elsewhere Forum", OrganisationKind::Dpo)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    withus::admin::create_user(
        &app.db,
        withus::admin::NewUser {
            email: "facilitator@elsewhere.example",
            name: "Other",
            password: "elsewhere password 2026",
            site_admin: false,
            membership: Some(("Elsewhere Forum", "facilitator")),
        },
    )
    .await
    .unwrap();
    let mut other = app.signed_in_client("facilitator@elsewhere.example").await;
    for url in [
        format!("{}/publish", paper_url(&world, id)),
        format!("{}/delete", paper_url(&world, id)),
    ] {
        let page = other.post(&url, &[("confirm", "yes")]).await;
        assert!(
            page.status == 403 || page.status == 404,
            "{url}: {}",
            page.status
        );
    }
    let rows = papers_of(&app, &world).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].published_at, None);
}
both!(
    other_organisations_cannot_change_papers,
    other_organisations_cannot_change_papers_body
);
