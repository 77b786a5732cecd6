//! What most event tests start from: a DPO with a panel, a published engagement and staff who can
//! sign in, and online events on that engagement.

use time::{Duration, Time};
use uuid::Uuid;
use withus::events::domain::{BookingRule, Mode, uk_to_utc};
use withus::events::fixtures::{self as events, Event};
use withus::organisations::domain::OrganisationKind;
use withus::register::fixtures as register;

use crate::helpers::TestApp;

pub struct Forum {
    pub org: Uuid,
    pub panel: Uuid,
    pub engagement: Uuid,
}

/// A DPO called `name` with a panel called `panel`, a published engagement with one commitment,
/// and a sign-in with `password` for each `(email, role)` of `staff`.
pub async fn forum(
    app: &TestApp,
    name: &str,
    panel: &str,
    staff: &[(&str, &str)],
    password: &str,
) -> Forum {
    let mut tx = app.db.begin().await.unwrap();
    let org = crate::helpers::create_organisation(&mut tx.ex(), name, OrganisationKind::Dpo)
        .await
        .unwrap();
    let (engagement, _) = crate::engagements::published_with_commitment(&mut tx, org).await;
    let panel = register::create_panel(&mut tx.ex(), org, panel, "", true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    for (email, role) in staff {
        withus::admin::create_user(
            &app.db,
            withus::admin::NewUser {
                email,
                name: role,
                password,
                site_admin: false,
                membership: Some((name, role)),
            },
        )
        .await
        .unwrap();
    }
    Forum {
        org,
        panel,
        engagement,
    }
}

/// A published online event anyone on the panel may book, at 10:00 UK time `days` from today
/// (negative for one already held).
pub async fn online_event(
    app: &TestApp,
    (org, engagement): (Uuid, Uuid),
    title: &str,
    days: i64,
    length_minutes: i64,
    capacity: i64,
) -> Uuid {
    let day = withus::db::now().date() + Duration::days(days);
    let event = Event {
        title: title.into(),
        mode: Mode::Online,
        starts_at: uk_to_utc(day, Time::from_hms(10, 0, 0).unwrap()),
        length_minutes,
        breaks: String::new(),
        capacity,
        venue: None,
        platform: "Video call".into(),
        captions: false,
        dial_in: String::new(),
        booking: BookingRule::Public,
        published: true,
    };
    add_event(app, (org, engagement), &event).await
}

/// Saves `event` on the engagement.
pub async fn add_event(app: &TestApp, (org, engagement): (Uuid, Uuid), event: &Event) -> Uuid {
    let mut tx = app.db.begin().await.unwrap();
    let id = events::create_event(&mut tx.ex(), engagement, org, event)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}
