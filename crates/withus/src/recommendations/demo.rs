//! Demo recommendations, made through the same commands as the app: the council's closed
//! consultation made eight recommendations, modelled on a Disabled People's Commission's, in every
//! state: one proposed, one rejected with its reason, one accepted in part, one accepted and not
//! started, one in progress with an overdue milestone, one implemented and verified by two panel
//! members, one implemented but not verified with their reasons, and one reopened. An
//! implementation group monitors them.

use time::{Date, Duration};
use uuid::Uuid;

use super::commands;
use super::domain::{Answer, Decided, Delivery, NewMilestone, NewRecommendation, Priority};
use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::identity::StaffActor;
use crate::state::AppState;

/// The title of the recommendation the demo leaves in progress with an overdue milestone.
pub const IN_PROGRESS_TITLE: &str = "Co-produce services with Disabled residents";

struct Planned {
    title: &'static str,
    body: &'static str,
    role: &'static str,
    due_in_days: i64,
    priority: Priority,
}

const PLANNED: [Planned; 8] = [
    Planned {
        title: IN_PROGRESS_TITLE,
        body: "Disabled residents should shape services from the start, with a share of every decision, not be asked to approve plans already made.",
        role: "Chief Executive",
        due_in_days: -20,
        priority: Priority::High,
    },
    Planned {
        title: "Make every council building accessible",
        body: "Every council building the public uses should be step-free, with a hearing loop, an accessible toilet and a quiet room.",
        role: "Director of Property",
        due_in_days: 365,
        priority: Priority::High,
    },
    Planned {
        title: "Set up a Disabled Residents' Team",
        body: "A team of Disabled residents, paid for their time, should advise the council and check its progress.",
        role: "Director of Adult Social Care",
        due_in_days: -60,
        priority: Priority::High,
    },
    Planned {
        title: "Accessible transport to day centres",
        body: "Every journey to a day centre should be in a vehicle the person can use, with a driver trained in disability awareness.",
        role: "Head of Passenger Transport",
        due_in_days: -30,
        priority: Priority::High,
    },
    Planned {
        title: "Free travel for companions",
        body: "A companion travelling with a Disabled resident who needs one should travel free on council transport.",
        role: "Head of Passenger Transport",
        due_in_days: 90,
        priority: Priority::Medium,
    },
    Planned {
        title: "Information in every format people need",
        body: "Every council letter and web page should be available in Easy Read, large print, British Sign Language and audio.",
        role: "Head of Communications",
        due_in_days: 120,
        priority: Priority::Medium,
    },
    Planned {
        title: "Tackle disability hate crime",
        body: "The council and the police should report disability hate crime every year and act on what Disabled residents tell them.",
        role: "Community Safety Lead",
        due_in_days: 200,
        priority: Priority::Medium,
    },
    Planned {
        title: "Pay Disabled people for their expertise",
        body: "Disabled people who give their time and expertise should be paid for it, in a way that does not harm their benefits.",
        role: "Director of Finance",
        due_in_days: 150,
        priority: Priority::Low,
    },
];

fn new_recommendation(plan: &Planned, today: Date) -> NewRecommendation {
    NewRecommendation {
        title_en: plan.title.into(),
        title_cy: String::new(),
        body_en: plan.body.into(),
        body_cy: String::new(),
        easy_read: String::new(),
        addressed_to: "Northtown Council Cabinet".into(),
        owner_organisation: "Northtown Council".into(),
        owner_role: plan.role.into(),
        lead_name: String::new(),
        due_on: today + Duration::days(plan.due_in_days),
        priority: plan.priority,
    }
}

fn failed(what: &str) -> impl Fn(super::RecommendationError) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo recommendations, {what}: {e}")
}

/// `members` are panel members who monitor the recommendations and answer whether they worked;
/// at least three are needed for every state to show.
pub async fn seed(
    ex: &mut Ex<'_>,
    state: &AppState,
    engagement: &EngagementRow,
    officer: Option<Uuid>,
    members: &[Uuid],
) -> anyhow::Result<()> {
    let [first, second, third, ..] = members else {
        anyhow::bail!("demo recommendations need three panel members");
    };
    let actor = StaffActor {
        account: officer,
        organisation: engagement.organisation_id,
    };
    let today = crate::engagements::views::today();
    let themes: Vec<Uuid> = crate::contributions::live_themes(ex, engagement.id)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .take(1)
        .collect();
    let mut ids = Vec::new();
    for (index, plan) in PLANNED.iter().enumerate() {
        let linked: &[Uuid] = if index == 3 { &themes } else { &[] };
        let id = commands::propose(
            ex,
            actor,
            engagement,
            &new_recommendation(plan, today),
            linked,
        )
        .await
        .map_err(failed("propose"))?;
        ids.push(id);
    }
    let group = commands::create_group(ex, actor, "Transport and access implementation group")
        .await
        .map_err(|e| anyhow::anyhow!("demo group: {e}"))?;
    for person in members {
        commands::add_member(ex, actor, group, *person)
            .await
            .map_err(|e| anyhow::anyhow!("demo group member: {e}"))?;
    }
    commands::assign(ex, actor, group, &ids)
        .await
        .map_err(|e| anyhow::anyhow!("demo group assignment: {e}"))?;

    let accept = Decided::Accepted;
    let deliver = async |ex: &mut Ex<'_>, id: Uuid, delivery: Delivery| {
        commands::set_delivery(ex, state, actor, id, delivery, today)
            .await
            .map_err(failed("deliver"))
    };
    // 1. In progress, with a milestone now overdue.
    commands::decide(ex, state, actor, ids[0], &accept)
        .await
        .map_err(failed("decide"))?;
    deliver(ex, ids[0], Delivery::InProgress).await?;
    let milestone = NewMilestone {
        title: "Co-production charter agreed with the Disabled People's Forum".into(),
        due_on: today - Duration::days(30),
        evidence_note: String::new(),
        evidence_link: String::new(),
    };
    commands::add_milestone(ex, state, actor, ids[0], &milestone, None)
        .await
        .map_err(failed("milestone"))?;
    // 2. Accepted in part.
    let part = Decided::AcceptedInPart {
        part: "Step-free access and hearing loops in every building by next year; quiet rooms in the three main offices only.".into(),
    };
    commands::decide(ex, state, actor, ids[1], &part)
        .await
        .map_err(failed("decide"))?;
    // 3. Implemented, and verified by two panel members.
    commands::decide(ex, state, actor, ids[2], &accept)
        .await
        .map_err(failed("decide"))?;
    deliver(ex, ids[2], Delivery::InProgress).await?;
    let done = NewMilestone {
        title: "First meeting of the Disabled Residents' Team".into(),
        due_on: today - Duration::days(90),
        evidence_note: "Minutes published on the council website.".into(),
        evidence_link: "https://northtown.example/disabled-residents-team".into(),
    };
    let first_meeting = commands::add_milestone(ex, state, actor, ids[2], &done, None)
        .await
        .map_err(failed("milestone"))?;
    commands::complete_milestone(
        ex,
        state,
        actor,
        ids[2],
        first_meeting,
        today,
        commands::Evidence::default(),
    )
    .await
    .map_err(failed("milestone done"))?;
    deliver(ex, ids[2], Delivery::Implemented).await?;
    for person in [first, second] {
        commands::answer(
            ex,
            state,
            None,
            *person,
            ids[2],
            Answer::Yes,
            "We are paid and listened to.",
        )
        .await
        .map_err(failed("answer"))?;
    }
    // 4. Implemented, but the people asked say it has not worked yet.
    commands::decide(ex, state, actor, ids[3], &accept)
        .await
        .map_err(failed("decide"))?;
    deliver(ex, ids[3], Delivery::InProgress).await?;
    deliver(ex, ids[3], Delivery::Implemented).await?;
    let answers = [
        (first, Answer::Yes, ""),
        (
            second,
            Answer::No,
            "The Saturday bus still has no ramp, so I cannot get to the centre at weekends.",
        ),
        (
            third,
            Answer::Partly,
            "The vehicles are better but drivers still do not wait while I get in.",
        ),
    ];
    for (person, answer, words) in answers {
        commands::answer(ex, state, None, *person, ids[3], answer, words)
            .await
            .map_err(failed("answer"))?;
    }
    // 5. Rejected, with the reason.
    let rejected = Decided::Rejected {
        reason: "The transport budget cannot cover free companion travel this year; we will look again in the next budget.".into(),
    };
    commands::decide(ex, state, actor, ids[4], &rejected)
        .await
        .map_err(failed("decide"))?;
    // 6. Implemented, said not to work, and reopened.
    commands::decide(ex, state, actor, ids[5], &accept)
        .await
        .map_err(failed("decide"))?;
    deliver(ex, ids[5], Delivery::InProgress).await?;
    deliver(ex, ids[5], Delivery::Implemented).await?;
    for person in [first, second] {
        commands::answer(
            ex,
            state,
            None,
            *person,
            ids[5],
            Answer::No,
            "Letters still arrive in standard print only.",
        )
        .await
        .map_err(failed("answer"))?;
    }
    commands::reopen(
        ex,
        state,
        actor,
        ids[5],
        "Members told us letters are still not sent in their formats.",
    )
    .await
    .map_err(failed("reopen"))?;
    // 7 stays proposed; 8 is accepted and not started.
    commands::decide(ex, state, actor, ids[7], &accept)
        .await
        .map_err(failed("decide"))?;
    // A panel member follows the overdue one.
    commands::follow(ex, None, *third, ids[0], true)
        .await
        .map_err(failed("follow"))?;
    Ok(())
}
