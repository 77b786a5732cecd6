//! Engagements end to end: creating one with every answer, the checks that say how to fix a form, the
//! public page in the organisation's ladder and in both languages, commitments and their history,
//! publishing, and who may see or change an engagement run by partners.

use time::macros::date;
use uuid::Uuid;
use withus::db::Tx;
use withus::engagements::domain::{
    Bilingual, Commitment, Contact, Engagement, GroupStage, Openness, Phase, Rung,
};
use withus::engagements::{self, commands::Editor};
use withus::register::domain::Topic;

use crate::both;
use crate::helpers::{Backend, Client, Page, TestApp, spawn_app};

const DPO: &str = "Northtown Disabled People's Forum";
const COUNCIL: &str = "Northtown Borough Council";
const ICB: &str = "Northtown and District Integrated Care Board";
const DPO_FACILITATOR: &str = "facilitator@northtown-dpf.example";
const DPO_ADMIN: &str = "admin@northtown-dpf.example";
const COUNCIL_ADMIN: &str = "admin@northtown.example";
const COUNCIL_AUDITOR: &str = "auditor@northtown.example";
const ICB_OFFICER: &str = "officer@northtown-icb.example";

/// An engagement with every answer given, ending on `ends_on`.
pub fn ending(ends_on: time::Date) -> Engagement {
    Engagement {
        title: Bilingual::new("Matrix engagement", ""),
        summary: Bilingual::new("A summary", ""),
        rung: Rung::Involve,
        decided: Bilingual::new("Decided", ""),
        can_change: Bilingual::new("Can change", ""),
        limits: Bilingual::new("Limits", ""),
        phase: Phase::Outward,
        stage: GroupStage::Norming,
        topic: Topic::Housing,
        area: Bilingual::new("Matrix town", ""),
        region: None,
        starts_on: date!(2026 - 01 - 01),
        ends_on,
        contact: Contact {
            name: "Pat".into(),
            email: "pat@matrix.example".into(),
            phone: String::new(),
        },
        openness: Openness::Open,
        take_part: Bilingual::default(),
    }
}

/// A published engagement of `org` with one commitment, for tests that need ids to exist.
pub async fn published_with_commitment(tx: &mut Tx, org: Uuid) -> (Uuid, Uuid) {
    let id = published(
        tx,
        org,
        "Matrix engagement",
        Rung::Involve,
        date!(2099 - 12 - 31),
    )
    .await;
    let by = Editor {
        account: None,
        organisation: org,
    };
    let commitment = engagements::commands::add_commitment(
        &mut tx.ex(),
        by,
        id,
        &Commitment {
            statement: Bilingual::new("We will report back", ""),
            owner: "Director".into(),
            due_on: date!(2099 - 01 - 01),
            target: Bilingual::default(),
        },
    )
    .await
    .unwrap();
    (id, commitment)
}

/// A published engagement of `org` at `rung`, from 1 January 2026 to `ends_on`.
pub async fn published(
    tx: &mut Tx,
    org: Uuid,
    title: &str,
    rung: Rung,
    ends_on: time::Date,
) -> Uuid {
    let engagement = Engagement {
        title: Bilingual::new(title, ""),
        rung,
        ..ending(ends_on)
    };
    let by = Editor {
        account: None,
        organisation: org,
    };
    let id = engagements::commands::create(&mut tx.ex(), by, &engagement, &[])
        .await
        .unwrap();
    engagements::commands::set_published(&mut tx.ex(), by, id, true)
        .await
        .unwrap();
    id
}

async fn org_id(app: &TestApp, name: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::organisations::find_by_name(&mut conn.ex(), name)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The id of the engagement whose English title is `title`.
async fn engagement_titled(app: &TestApp, org: Uuid, title: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    engagements::of_organisation(&mut conn.ex(), org)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.title_en == title)
        .unwrap_or_else(|| panic!("an engagement titled {title}"))
        .id
}

/// Every answer the form asks for, in both languages, with the council as an equal partner and
/// the ICB as a partner that can only look.
fn every_field(council: &str, icb: &str) -> Vec<(&'static str, String)> {
    [
        ("title_en", "Accessible bus stops"),
        ("title_cy", "Safleoedd bysiau hygyrch"),
        ("summary_en", "Deciding together how bus stops are rebuilt."),
        (
            "summary_cy",
            "Penderfynu gyda'n gilydd sut mae safleoedd bysiau'n cael eu hailadeiladu.",
        ),
        ("topic", "transport"),
        ("rung", "co_design"),
        ("decided_en", "Twelve bus stops will be rebuilt next year."),
        (
            "decided_cy",
            "Bydd deuddeg safle bws yn cael eu hailadeiladu y flwyddyn nesaf.",
        ),
        ("can_change_en", "The shelter design and the seating."),
        ("can_change_cy", "Cynllun y lloches a'r seddi."),
        ("limits_en", "The budget is fixed at £2m by national rules."),
        (
            "limits_cy",
            "Mae'r gyllideb wedi'i phennu'n £2m gan reolau cenedlaethol.",
        ),
        ("phase", "inward"),
        ("stage", "storming"),
        ("area_en", "Northtown east"),
        ("area_cy", "Dwyrain Northtown"),
        ("region", "TLD"),
        ("starts-day", "1"),
        ("starts-month", "3"),
        ("starts-year", "2027"),
        ("ends-day", "30"),
        ("ends-month", "9"),
        ("ends-year", "2099"),
        ("openness", "invitation"),
        ("take_part_en", "Ask Femi for an invitation."),
        ("take_part_cy", "Gofynnwch i Femi am wahoddiad."),
        ("contact_name", "Femi Adeyemi"),
        ("contact_email", "buses@northtown-dpf.example"),
        ("contact_phone", "01632 960 001"),
        ("partners", icb),
        ("equal_partners", council),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

async fn post_owned(client: &mut Client, path: &str, fields: &[(&'static str, String)]) -> Page {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    client.post(path, &borrowed).await
}

/// Creates the bus stops engagement as the DPO's facilitator; returns its staff page path.
async fn create_bus_stops(app: &TestApp) -> (Uuid, String) {
    let dpo = org_id(app, DPO).await;
    let council = org_id(app, COUNCIL).await.to_string();
    let icb = org_id(app, ICB).await.to_string();
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let page = post_owned(
        &mut staff,
        &format!("/organisations/{dpo}/engagements/new"),
        &every_field(&council, &icb),
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let location = page.location.unwrap();
    let id = Uuid::parse_str(location.rsplit('/').next().unwrap()).unwrap();
    assert_eq!(location, format!("/organisations/{dpo}/engagements/{id}"));
    (id, location)
}

async fn creating_an_engagement_with_every_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let (id, location) = create_bus_stops(&app).await;
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let page = staff.get(&location).await;
    assert_eq!(page.status, 200);
    for shown in [
        "Accessible bus stops",
        "Safleoedd bysiau hygyrch",
        "Deciding together how bus stops are rebuilt.",
        "Co-design",
        "Twelve bus stops will be rebuilt next year.",
        "Cynllun y lloches a&#39;r seddi.",
        "The budget is fixed at £2m by national rules.",
        "Inward: peers meeting first",
        "Storming",
        "Transport",
        "Northtown east",
        "Dwyrain Northtown",
        "North West",
        "1 March 2027 to 30 September 2099",
        "By invitation",
        "Ask Femi for an invitation.",
        "Femi Adeyemi",
        "buses@northtown-dpf.example",
        "01632 960 001",
        "Northtown Borough Council (equal partner)",
        "Northtown and District Integrated Care Board",
        "Draft",
    ] {
        assert!(page.body.contains(shown), "the staff page shows {shown:?}");
    }
    // Each answer has a change link to its own field on the form.
    assert!(page.body.contains(&format!("{location}/edit#limits_cy")));
    let edit = staff.get(&format!("{location}/edit")).await;
    assert!(edit.body.contains("id=\"limits_cy\""));
    assert!(
        edit.body
            .contains("Mae&#39;r gyllideb wedi&#39;i phennu&#39;n £2m")
    );
    let stored = app
        .scalar_i64("SELECT COUNT(*) FROM engagement_partners WHERE engagement_id IN (SELECT id FROM engagements WHERE title_en = 'Accessible bus stops') AND equal_rights")
        .await;
    assert_eq!(stored, 1, "only the council has equal rights");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'engagement.created' AND actor_account_id IS NOT NULL")
            .await,
        1
    );
    assert!(!id.is_nil());
}
both!(
    creating_an_engagement_with_every_answer,
    creating_an_engagement_with_every_answer
);

async fn a_form_with_problems_says_how_to_fix_each(backend: Backend) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let council = org_id(&app, COUNCIL).await.to_string();
    let icb = org_id(&app, ICB).await.to_string();
    let mut fields = every_field(&council, &icb);
    fields.retain(|(k, _)| *k != "title_en" && *k != "rung");
    for (k, v) in fields.iter_mut() {
        if *k == "ends-year" {
            *v = "2026".into();
        }
    }
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let page = post_owned(
        &mut staff,
        &format!("/organisations/{dpo}/engagements/new"),
        &fields,
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(page.title().starts_with("Error:"), "{}", page.title());
    for (field, message) in [
        ("title_en", "Enter a title in English"),
        (
            "rung",
            "Choose how much say people will have: the rung on the ladder",
        ),
        (
            "ends-day",
            "The end date must be the same as or after the start date",
        ),
    ] {
        assert!(
            page.body
                .contains(&format!("<li><a href=\"#{field}\">{message}</a></li>")),
            "the error summary links {message:?} to #{field}"
        );
    }
    // The answers already given are kept.
    assert!(page.body.contains("Safleoedd bysiau hygyrch"));
    assert!(page.body.contains("value=\"2026\""));
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM engagements WHERE title_cy = 'Safleoedd bysiau hygyrch'"
        )
        .await,
        0
    );
}
both!(
    a_form_with_problems_says_how_to_fix_each,
    a_form_with_problems_says_how_to_fix_each
);

async fn not_choosing_who_can_take_part_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let council = org_id(&app, COUNCIL).await.to_string();
    let icb = org_id(&app, ICB).await.to_string();
    let mut fields = every_field(&council, &icb);
    fields.retain(|(k, _)| *k != "openness");
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let path = format!("/organisations/{dpo}/engagements/new");
    let page = post_owned(&mut staff, &path, &fields).await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("<li><a href=\"#openness\">Choose who can take part</a></li>"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Unknown localization key"));
    staff.get("/language?to=cy&return=/").await;
    let page = post_owned(&mut staff, &path, &fields).await;
    assert!(page.body.contains("Dewiswch pwy all gymryd rhan"));
}
both!(
    not_choosing_who_can_take_part_says_so,
    not_choosing_who_can_take_part_says_so
);

/// The public page of the demo's co-production, in the language the client has chosen.
async fn short_breaks_page(app: &TestApp, client: &mut Client) -> Page {
    let dpo = org_id(app, DPO).await;
    let id = engagement_titled(app, dpo, "Redesigning short breaks for disabled adults").await;
    client.get(&format!("/engagements/{id}")).await
}

async fn the_public_page_uses_the_organisations_ladder_in_both_languages(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut visitor = app.client();
    // The demo DPO shows the TLAP ladder.
    let page = short_breaks_page(&app, &mut visitor).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Co-production"));
    assert!(page.body.contains("TLAP ladder of co-production"));
    assert!(page.body.contains(
        "We share power with you as equals, from design to delivery, and make the big decisions together."
    ));
    assert!(page.body.contains("The budget is fixed at £2m a year"));

    // Its administrator chooses Arnstein's words instead.
    let dpo = org_id(&app, DPO).await;
    let mut admin = app.signed_in_client(DPO_ADMIN).await;
    let labels = format!("/organisations/{dpo}/engagements/labels");
    let empty = admin.post(&labels, &[]).await;
    assert_eq!(empty.status, 422);
    assert!(
        empty
            .body
            .contains("Choose which ladder&#39;s words to use")
    );
    let saved = admin.post(&labels, &[("scheme", "arnstein")]).await;
    assert_eq!(saved.status, 303);
    let page = short_breaks_page(&app, &mut visitor).await;
    assert!(page.body.contains("<p class=\"govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1\">Delegated power</p>"));
    assert!(
        page.body
            .contains("Arnstein&#39;s ladder of citizen participation")
    );

    // In Welsh: the ladder's Welsh word, the Welsh expectation and the Welsh text.
    visitor.get("/language?to=cy&return=/").await;
    let welsh = short_breaks_page(&app, &mut visitor).await;
    assert!(welsh.body.contains("<html lang=\"cy\""));
    assert!(welsh.body.contains("Pŵer dirprwyedig"));
    assert!(welsh.body.contains(
        "Rydym yn rhannu pŵer gyda chi fel rhai cyfartal, o&#39;r cynllunio i&#39;r darparu"
    ));
    assert!(welsh.body.contains(
        "<h1 class=\"govuk-heading-l\">Ailgynllunio seibiannau byr i oedolion anabl</h1>"
    ));
    assert!(!welsh.body.contains("lang=\"en\">Redesigning"));
}
both!(
    the_public_page_uses_the_organisations_ladder_in_both_languages,
    the_public_page_uses_the_organisations_ladder_in_both_languages
);

async fn missing_welsh_falls_back_to_english_marked_as_english(backend: Backend) {
    let app = spawn_app(backend).await;
    let council = org_id(&app, COUNCIL).await;
    let id = engagement_titled(&app, council, "Blue Badge parking in the town centre").await;
    let mut visitor = app.client();
    visitor.get("/language?to=cy&return=/").await;
    let page = visitor.get(&format!("/engagements/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<html lang=\"cy\""));
    assert!(page.body.contains(
        "<h1 class=\"govuk-heading-l\" lang=\"en\">Blue Badge parking in the town centre</h1>"
    ));
    assert!(
        page.body
            .contains("<p class=\"govuk-body\" lang=\"en\">The council makes the final decision.")
    );
    // The interface around it is Welsh: the council uses the Withus scale.
    assert!(page.body.contains("Faint o lais sydd gennych"));
    assert!(page.body.contains("Ymgynghori"));
    let list = visitor.get("/engagements").await;
    assert!(
        list.body
            .contains("<span lang=\"en\">Blue Badge parking in the town centre</span>")
    );
}
both!(
    missing_welsh_falls_back_to_english_marked_as_english,
    missing_welsh_falls_back_to_english_marked_as_english
);

async fn marking_a_commitment_keeps_its_history_and_explains_in_public(backend: Backend) {
    let app = spawn_app(backend).await;
    let (id, base) = create_bus_stops(&app).await;
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let missing = staff.post(&format!("{base}/commitments/new"), &[]).await;
    assert_eq!(missing.status, 422);
    assert!(
        missing
            .body
            .contains("Enter who is responsible for the commitment")
    );
    let added = staff
        .post(
            &format!("{base}/commitments/new"),
            &[
                (
                    "statement_en",
                    "The Lived Experience Team holds 40% of the tender score.",
                ),
                ("owner", "Head of Commissioning"),
                ("due-day", "1"),
                ("due-month", "6"),
                ("due-year", "2027"),
                ("target_en", "40% of the marks"),
            ],
        )
        .await;
    assert_eq!(added.status, 303);
    let commitment = {
        let mut conn = app.db.acquire().await.unwrap();
        engagements::commitments_of(&mut conn.ex(), id)
            .await
            .unwrap()[0]
            .id
    };
    let status = format!("{base}/commitments/{commitment}/status");
    let unexplained = staff.post(&status, &[("status", "broken")]).await;
    assert_eq!(unexplained.status, 422);
    assert!(
        unexplained
            .body
            .contains("Enter a public explanation in English")
    );
    for (value, explanation) in [
        ("partly_kept", "The team held 25%, not 40%."),
        ("kept", "After review the team held 40% of the score."),
    ] {
        let page = staff
            .post(
                &status,
                &[
                    ("status", value),
                    ("evidence", "Scoring sheet"),
                    ("explanation_en", explanation),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
    }
    let history = app
        .scalar_i64("SELECT COUNT(*) FROM engagement_commitment_history h JOIN engagement_commitments c ON c.id = h.commitment_id WHERE c.statement_en LIKE 'The Lived Experience Team%' AND c.engagement_id IN (SELECT id FROM engagements WHERE title_en = 'Accessible bus stops')")
        .await;
    assert_eq!(history, 3, "open, then partly kept, then kept");
    let page = staff.get(&status).await;
    assert!(page.body.contains("The team held 25%, not 40%."));
    assert!(
        page.body
            .contains("After review the team held 40% of the score.")
    );
    assert!(page.body.contains("Femi Adeyemi"), "who changed it");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'commitment.status_changed'")
            .await,
        2
    );
    // The history cannot be rewritten.
    let rewrite = match &app.db {
        withus::db::Db::Sqlite(pool, ..) => sqlx::query(
            "UPDATE engagement_commitment_history SET explanation_en = 'nothing happened'",
        )
        .execute(pool)
        .await
        .is_err(),
        withus::db::Db::Postgres(pool) => sqlx::query(
            "UPDATE engagement_commitment_history SET explanation_en = 'nothing happened'",
        )
        .execute(pool)
        .await
        .is_err(),
    };
    assert!(rewrite, "the history is append-only");

    // Published, the public sees the status and the explanation, not the evidence.
    assert_eq!(
        staff.post(&format!("{base}/publish"), &[]).await.status,
        303
    );
    let public = app.client().get(&format!("/engagements/{id}")).await;
    assert!(
        public
            .body
            .contains("The Lived Experience Team holds 40% of the tender score.")
    );
    assert!(
        public
            .body
            .contains("<strong class=\"govuk-tag govuk-tag--green\">Kept</strong>")
    );
    assert!(
        public
            .body
            .contains("After review the team held 40% of the score.")
    );
    assert!(!public.body.contains("Scoring sheet"));
}
both!(
    marking_a_commitment_keeps_its_history_and_explains_in_public,
    marking_a_commitment_keeps_its_history_and_explains_in_public
);

async fn unpublished_engagements_are_not_public(backend: Backend) {
    let app = spawn_app(backend).await;
    let (id, base) = create_bus_stops(&app).await;
    let mut visitor = app.client();
    let public = format!("/engagements/{id}");
    assert_eq!(visitor.get(&public).await.status, 404);
    assert!(
        !visitor
            .get("/engagements")
            .await
            .body
            .contains("Accessible bus stops")
    );
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    assert_eq!(
        staff.post(&format!("{base}/publish"), &[]).await.status,
        303
    );
    assert_eq!(visitor.get(&public).await.status, 200);
    assert!(
        visitor
            .get("/engagements")
            .await
            .body
            .contains("Accessible bus stops")
    );
    assert_eq!(
        staff.post(&format!("{base}/unpublish"), &[]).await.status,
        303
    );
    assert_eq!(visitor.get(&public).await.status, 404);
    assert_eq!(visitor.get("/engagements/not-an-id").await.status, 404);
}
both!(
    unpublished_engagements_are_not_public,
    unpublished_engagements_are_not_public
);

async fn equal_partners_edit_other_partners_look_and_others_find_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (id, _) = create_bus_stops(&app).await;
    let (dpo, council, icb) = (
        org_id(&app, DPO).await,
        org_id(&app, COUNCIL).await,
        org_id(&app, ICB).await,
    );

    // The council, an equal partner, sees it in its own list and changes it through its own path.
    let mut council_admin = app.signed_in_client(COUNCIL_ADMIN).await;
    let list = council_admin
        .get(&format!("/organisations/{council}/engagements"))
        .await;
    assert!(list.body.contains("Accessible bus stops"));
    assert!(list.body.contains("you are a partner"));
    let council_base = format!("/organisations/{council}/engagements/{id}");
    assert_eq!(
        council_admin
            .get(&format!("{council_base}/edit"))
            .await
            .status,
        200
    );
    let mut fields = every_field(&council.to_string(), &icb.to_string());
    for (k, v) in fields.iter_mut() {
        if *k == "rung" {
            *v = "co_produce".into();
        }
    }
    let saved = post_owned(&mut council_admin, &format!("{council_base}/edit"), &fields).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM engagements WHERE title_en = 'Accessible bus stops' AND rung = 'co_produce'")
            .await,
        1
    );
    // The council's auditor can look but has no role that changes engagements.
    let mut auditor = app.signed_in_client(COUNCIL_AUDITOR).await;
    assert_eq!(auditor.get(&council_base).await.status, 200);
    assert_eq!(
        auditor.get(&format!("{council_base}/edit")).await.status,
        403
    );

    // The ICB, a partner without equal rights, can see it but not change it.
    let mut icb_officer = app.signed_in_client(ICB_OFFICER).await;
    let icb_base = format!("/organisations/{icb}/engagements/{id}");
    let seen = icb_officer.get(&icb_base).await;
    assert_eq!(seen.status, 200);
    assert!(!seen.body.contains("/edit\""), "no change links");
    assert_eq!(
        icb_officer.get(&format!("{icb_base}/edit")).await.status,
        403
    );
    assert_eq!(
        icb_officer
            .post(&format!("{icb_base}/edit"), &[])
            .await
            .status,
        403
    );
    assert_eq!(
        icb_officer
            .post(&format!("{icb_base}/publish"), &[])
            .await
            .status,
        403
    );
    assert_eq!(
        icb_officer
            .get(&format!("{icb_base}/commitments/new"))
            .await
            .status,
        403
    );

    // An engagement the organisation neither leads nor partners is not found through its path.
    let parking = engagement_titled(&app, council, "Blue Badge parking in the town centre").await;
    let mut dpo_staff = app.signed_in_client(DPO_FACILITATOR).await;
    assert_eq!(
        dpo_staff
            .get(&format!("/organisations/{dpo}/engagements/{parking}"))
            .await
            .status,
        404
    );
    assert_eq!(
        dpo_staff
            .post(
                &format!("/organisations/{dpo}/engagements/{parking}/publish"),
                &[]
            )
            .await
            .status,
        404
    );
    assert!(
        !dpo_staff
            .get(&format!("/organisations/{dpo}/engagements"))
            .await
            .body
            .contains("Blue Badge parking")
    );
    let short_breaks =
        engagement_titled(&app, dpo, "Redesigning short breaks for disabled adults").await;
    assert_eq!(
        icb_officer
            .get(&format!("/organisations/{icb}/engagements/{short_breaks}"))
            .await
            .status,
        404
    );
    // A commitment of another engagement is not found under this one.
    let other_commitment = {
        let mut conn = app.db.acquire().await.unwrap();
        engagements::commitments_of(&mut conn.ex(), parking)
            .await
            .unwrap()[0]
            .id
    };
    assert_eq!(
        dpo_staff
            .get(&format!(
                "/organisations/{dpo}/engagements/{id}/commitments/{other_commitment}/status"
            ))
            .await
            .status,
        404
    );
}
both!(
    equal_partners_edit_other_partners_look_and_others_find_nothing,
    equal_partners_edit_other_partners_look_and_others_find_nothing
);

async fn overdue_commitments_are_flagged(backend: Backend) {
    let app = spawn_app(backend).await;
    let dpo = org_id(&app, DPO).await;
    let mut staff = app.signed_in_client(DPO_FACILITATOR).await;
    let list = staff
        .get(&format!("/organisations/{dpo}/engagements"))
        .await;
    assert!(list.body.contains("1 commitment overdue"), "{}", list.body);
    let page = short_breaks_page(&app, &mut app.client()).await;
    assert!(
        page.body
            .contains("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong>")
    );
    // Kept commitments past their date are not overdue: one of the three is kept, one not yet due.
    assert_eq!(page.body.matches(">Overdue</strong>").count(), 1);
}
both!(
    overdue_commitments_are_flagged,
    overdue_commitments_are_flagged
);

async fn the_public_list_filters_by_topic_and_area_without_javascript(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut visitor = app.client();
    let all = visitor.get("/engagements").await;
    assert_eq!(all.status, 200);
    assert!(
        all.body
            .contains("Redesigning short breaks for disabled adults")
    );
    assert!(all.body.contains("Blue Badge parking in the town centre"));
    assert!(
        all.body
            .contains("<form method=\"get\" action=\"/engagements\"")
    );
    let transport = visitor.get("/engagements?topic=transport").await;
    assert!(transport.body.contains("Blue Badge parking"));
    assert!(!transport.body.contains("Redesigning short breaks"));
    assert!(transport.body.contains("1 engagement"));
    let area = visitor.get("/engagements?area=TOWN+centre").await;
    assert!(area.body.contains("Blue Badge parking"));
    assert!(!area.body.contains("Redesigning short breaks"));
    let welsh_area = visitor.get("/engagements?area=Bwrdeistref").await;
    assert!(welsh_area.body.contains("Redesigning short breaks"));
    assert!(!welsh_area.body.contains("Blue Badge parking"));
    let elsewhere = visitor.get("/engagements?region=TLL").await;
    assert!(elsewhere.body.contains("No engagements match"));
    // A filter value that is not a choice is refused with a message, not ignored.
    let unknown = visitor.get("/engagements?topic=astrology").await;
    assert!(unknown.body.contains("govuk-error-summary"));
    assert!(unknown.body.contains("We did not recognise"));
    assert!(
        !unknown
            .body
            .contains("Blue Badge parking in the town centre")
    );
    // An engagement that has ended moves to "Past engagements", where it stays findable.
    app.execute("UPDATE engagements SET starts_on = '2020-01-01', ends_on = '2020-02-01' WHERE title_en = 'Blue Badge parking in the town centre'")
        .await;
    let listed = visitor.get("/engagements").await.body;
    let past = listed
        .find("id=\"past\"")
        .expect("a past engagements section");
    let parking = listed.find("Blue Badge parking").expect("still listed");
    assert!(parking > past, "listed under past engagements only");
    assert_eq!(listed.matches("Blue Badge parking").count(), 1);
}
both!(
    the_public_list_filters_by_topic_and_area_without_javascript,
    the_public_list_filters_by_topic_and_area_without_javascript
);
