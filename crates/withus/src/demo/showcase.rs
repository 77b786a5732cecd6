//! Messages that show each way of being contacted, sent through the notices door as the app
//! sends them: Maya gets an Easy Read invitation and a waiting-list offer; a Welsh reader gets
//! Welsh; Joseph Ellis's letter in 20 point waits on the letters list (and he gets no email);
//! Margaret Thompson is on the list of people to phone, and phoned the facilitator to book the event
//! (so her hearing loop and large print needs are in its access plan); a member on a weekly digest
//! gets one digest holding three notices, their receipt and the "You said, we did" report.
//! Contributions from each of them are themed, answered and reported back.

use time::Duration;
use uuid::Uuid;

use super::people::Showcase;
use crate::events::domain::Told;
use crate::events::fixtures::EventRow;
use crate::events::letters;
use crate::events::places::{self, Needs};
use crate::notices::{self, Notice, NoticeKind};
use crate::organisations::domain::Role;
use crate::register::contact::RegisterDirectory;
use crate::register::domain::Channel;
use crate::register::record::subject::{self, Staff};
use crate::state::AppState;

pub async fn send(state: &AppState, event: Uuid, people: &Showcase) -> anyhow::Result<()> {
    let event = crate::events::find(state, &event.to_string())
        .await
        .map_err(|e| anyhow::anyhow!("the demo event: {e}"))?;
    let link = state.link(&format!("/events/{}/book", event.id));
    let offer = {
        let mut conn = state.db.acquire().await?;
        crate::payments::offers::offer_of(&mut conn.ex(), event.engagement_id).await?
    };
    let invitation = |to: &notices::Addressee| {
        Notice::new(NoticeKind::EventInvitation)
            .arg("name", to.name.as_str())
            .arg("event", event.title.as_str())
            .arg("when", crate::events::when(&event, to.locale))
            .arg("link", link.as_str())
            .args(crate::payments::offers::notice_args(
                offer.as_ref(),
                to.locale,
            ))
    };
    let mut tx = state.db.begin().await?;
    let everyone = [
        people.easy_read,
        people.welsh,
        people.by_post,
        people.by_phone,
    ];
    for person in everyone.into_iter().flatten() {
        letters::notify(&mut tx.ex(), state, &event, person, invitation).await?;
    }
    if let Some(maya) = people.easy_read {
        letters::notify(&mut tx.ex(), state, &event, maya, |to| {
            Notice::new(NoticeKind::PlaceOffered)
                .arg("name", to.name.as_str())
                .arg("event", event.title.as_str())
                .arg("when", crate::events::when(&event, to.locale))
                .arg("expires", crate::events::when(&event, to.locale))
                .arg("link", link.as_str())
        })
        .await?;
    }
    if let Some(weekly) = people.weekly {
        let feedback = |to: &notices::Addressee| {
            Notice::new(NoticeKind::FeedbackRequest)
                .arg("name", to.name.as_str())
                .arg("event", "Bus station redesign workshop")
                .arg("when", crate::events::when(&event, to.locale))
                .arg("link", link.as_str())
        };
        letters::notify(&mut tx.ex(), state, &event, weekly, invitation).await?;
        letters::notify(&mut tx.ex(), state, &event, weekly, feedback).await?;
        letters::notify(&mut tx.ex(), state, &event, weekly, |to| {
            Notice::new(NoticeKind::PanelJoined)
                .arg("panel", super::people::DPO_PANEL)
                .arg("service", state.config.service_name.as_str())
                .arg("link", state.link("/your-data"))
                .about(&to.name, None)
        })
        .await?;
    }
    closing_the_loop(&mut tx, state, event.engagement_id, people).await?;
    recommendations(&mut tx, state, people).await?;
    payments(&mut tx, state, &event, people).await?;
    expenses(&mut tx, state, event.engagement_id, people).await?;
    tx.commit().await?;
    if let Some(margaret) = people.by_phone {
        booked_by_phone(state, &event, margaret).await?;
    }
    // The week has gone by: the digest goes out, once.
    let directory = RegisterDirectory(state.clone());
    let next_week = crate::db::now() + Duration::days(8);
    notices::digest::sweep(&state.db, state.door(), &directory, next_week).await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// What people said about the co-produced engagement, answered and reported back (so the weekly
/// reader's digest holds their receipt and the report), and the closed consultation whose report
/// is late.
async fn closing_the_loop(
    tx: &mut crate::db::Tx,
    state: &AppState,
    engagement: Uuid,
    people: &Showcase,
) -> anyhow::Result<()> {
    let co_produced = crate::engagements::find(&mut tx.ex(), engagement)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo engagement is missing"))?;
    let council = crate::organisations::find_by_name(&mut tx.ex(), super::COUNCIL).await?;
    let finished = match council {
        Some(council) => crate::engagements::of_organisation(&mut tx.ex(), council.id)
            .await?
            .into_iter()
            .find(|e| e.title_en == crate::engagements::demo::FINISHED_TITLE),
        None => None,
    };
    let facilitator =
        crate::accounts::fixtures::find_by_email(&mut tx.ex(), "facilitator@northtown-dpf.example")
            .await?
            .map(|a| a.id);
    crate::contributions::demo::seed(
        &mut tx.ex(),
        state,
        &co_produced,
        finished.as_ref(),
        crate::contributions::demo::Voices {
            easy_read: people.easy_read,
            welsh: people.welsh,
            weekly: people.weekly,
            by_phone: people.by_phone,
            by_post: people.by_post,
            facilitator,
        },
    )
    .await
}

/// The closed council consultation's eight recommendations, monitored by an implementation group
/// of four panel members and Maya (the demo's member sign-in), who is asked but has not answered.
async fn recommendations(
    tx: &mut crate::db::Tx,
    state: &AppState,
    people: &Showcase,
) -> anyhow::Result<()> {
    let Some(council) = crate::organisations::find_by_name(&mut tx.ex(), super::COUNCIL).await?
    else {
        return Ok(());
    };
    let Some(finished) = crate::engagements::of_organisation(&mut tx.ex(), council.id)
        .await?
        .into_iter()
        .find(|e| e.title_en == crate::engagements::demo::FINISHED_TITLE)
    else {
        return Ok(());
    };
    let officer =
        crate::accounts::fixtures::find_by_email(&mut tx.ex(), "officer@northtown.example")
            .await?
            .map(|a| a.id);
    let shown = [
        people.easy_read,
        people.welsh,
        people.weekly,
        people.by_phone,
        people.by_post,
    ];
    let Some(dpo) = crate::organisations::find_by_name(&mut tx.ex(), super::DPO).await? else {
        return Ok(());
    };
    let mut members = Vec::new();
    for panel in crate::register::panels::panels_of(&mut tx.ex(), dpo.id).await? {
        if panel.name != super::people::DPO_PANEL {
            continue;
        }
        for row in crate::register::panels::choosable(&mut tx.ex(), panel.id).await? {
            if !shown.contains(&Some(row.id)) && members.len() < 4 {
                members.push(row.id);
            }
        }
    }
    // Maya, the demo's panel member sign-in, is in the group too, and has not answered yet.
    members.extend(people.easy_read);
    crate::recommendations::demo::seed(&mut tx.ex(), state, &finished, officer, &members).await
}

/// Expense claims for the event: Maya's taxi fare waiting, a bus fare approved, Margaret's mileage
/// entered by the facilitator after she phoned, and a meal queried.
async fn expenses(
    tx: &mut crate::db::Tx,
    state: &AppState,
    engagement: Uuid,
    people: &Showcase,
) -> anyhow::Result<()> {
    let Some(dpo) = crate::organisations::find_by_name(&mut tx.ex(), super::DPO).await? else {
        return Ok(());
    };
    let account = async |tx: &mut crate::db::Tx, email: &str| {
        crate::accounts::fixtures::find_by_email(&mut tx.ex(), email)
            .await
            .map(|a| a.map(|a| a.id))
    };
    let staff = crate::payments::expenses::demo::Staff {
        finance: account(tx, "finance@northtown-dpf.example").await?,
        facilitator: account(tx, "facilitator@northtown-dpf.example").await?,
    };
    let claimants = crate::payments::expenses::demo::Claimants {
        maya: people.easy_read,
        bus: people.welsh,
        phoned: people.by_phone,
        queried: people.weekly,
    };
    crate::payments::expenses::demo::seed(&mut tx.ex(), state, dpo.id, engagement, claimants, staff)
        .await
}

/// Margaret Thompson phones the facilitator, who books her place: the same command a person uses,
/// with the audit log saying it was done for her and that she told them by phone.
async fn booked_by_phone(state: &AppState, event: &EventRow, person: Uuid) -> anyhow::Result<()> {
    let mut tx = state.db.begin().await?;
    let facilitator =
        crate::accounts::commands::find_by_email(&mut tx.ex(), "facilitator@northtown-dpf.example")
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo facilitator is missing"))?;
    let staff = Staff {
        account: facilitator.id,
        organisation: event.organisation_id,
        role: Some(Role::Facilitator),
        is_site_admin: false,
    };
    let margaret = subject::seen_as(&mut tx.ex(), staff, person)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo facilitator cannot see Margaret Thompson"))?;
    let needs = Needs {
        event_needs: "A seat near the front, where the hearing loop works best.".into(),
        travel_needs: "A taxi from home, booked by the forum.".into(),
        companion: false,
    };
    places::book_for(
        &mut tx.ex(),
        state,
        Some(staff.account),
        Told::By(Channel::Phone),
        &margaret,
        event,
        &needs,
    )
    .await
    .map_err(|e| anyhow::anyhow!("booking Margaret Thompson's place: {e}"))?;
    tx.commit().await?;
    Ok(())
}

/// Paying people: a planning session at the Hub three weeks ago, which Maya and others attended,
/// made their payments due at the stated rate; the rest is in `payments::demo`.
async fn payments(
    tx: &mut crate::db::Tx,
    state: &AppState,
    upcoming: &EventRow,
    people: &Showcase,
) -> anyhow::Result<()> {
    let Some(maya) = people.easy_read else {
        return Ok(());
    };
    let Some(finance) =
        crate::accounts::fixtures::find_by_email(&mut tx.ex(), "finance@northtown-dpf.example")
            .await?
    else {
        return Ok(());
    };
    let Some(treasurer) =
        crate::accounts::fixtures::find_by_email(&mut tx.ex(), "treasurer@northtown-dpf.example")
            .await?
    else {
        return Ok(());
    };
    let shown = [
        people.easy_read,
        people.welsh,
        people.weekly,
        people.by_phone,
        people.by_post,
    ];
    let mut members = Vec::new();
    for panel in crate::register::panels::panels_of(&mut tx.ex(), upcoming.organisation_id).await? {
        if panel.name != super::people::DPO_PANEL {
            continue;
        }
        for row in crate::register::panels::choosable(&mut tx.ex(), panel.id).await? {
            if !shown.contains(&Some(row.id)) && members.len() < 8 {
                members.push(row.id);
            }
        }
    }
    // Past the four in the recommendations' implementation group.
    let [.., carer, day_rate, extra] = members.as_slice() else {
        return Ok(());
    };
    let title = "Short breaks: first planning session";
    let day = crate::db::now().date() - Duration::days(21);
    let minutes = 120;
    let past = crate::events::fixtures::create_event(
        &mut tx.ex(),
        upcoming.engagement_id,
        upcoming.organisation_id,
        &crate::events::fixtures::Event {
            title: title.into(),
            mode: crate::events::domain::Mode::InPerson,
            starts_at: crate::events::domain::uk_to_utc(
                day,
                time::Time::from_hms(10, 30, 0).unwrap_or(time::Time::MIDNIGHT),
            ),
            length_minutes: i64::from(minutes),
            breaks: String::new(),
            capacity: 20,
            venue: upcoming.venue_id,
            platform: String::new(),
            captions: false,
            dial_in: String::new(),
            booking: crate::events::domain::BookingRule::Public,
            published: true,
        },
    )
    .await?;
    let others: Vec<Uuid> = [people.welsh, people.weekly, people.by_phone, people.by_post]
        .into_iter()
        .flatten()
        .chain([*extra])
        .collect();
    for person in std::iter::once(maya).chain(others.iter().copied()) {
        let none = crate::events::fixtures::Details {
            event_needs: None,
            travel_needs: None,
            companion: false,
        };
        crate::events::fixtures::book(&mut tx.ex(), past, person, &none).await?;
        crate::events::fixtures::set_attended(&mut tx.ex(), past, person, true).await?;
    }
    crate::payments::demo::seed(
        &mut tx.ex(),
        state,
        upcoming.organisation_id,
        finance.id,
        treasurer.id,
        &crate::payments::demo::PastEvent {
            id: past,
            engagement: upcoming.engagement_id,
            title,
            day,
            minutes,
        },
        &crate::payments::demo::Payees {
            maya,
            others,
            carer: *carer,
            day_rate: *day_rate,
        },
    )
    .await
}
