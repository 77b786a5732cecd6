//! Every change to recommendations and implementation groups. Each reads, decides, writes through
//! this capability's storage, appends to the recommendation's timeline, records its audit entry and
//! tells the followers, in the caller's transaction, and says with a typed error why it refused.

use std::collections::BTreeSet;

use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::domain::{
    Answer, Change, Decided, Delivery, NewMilestone, NewRecommendation, Verification,
};
use super::storage::{self, EvidenceFile, RecommendationRow};
use super::{followers, max_no_percent, tally};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::i18n::{Arg, Locale};
use crate::identity::StaffActor;
use crate::notices::{self, Notice, NoticeKind};
use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum RecommendationError {
    #[error("no such recommendation here")]
    NotFound,
    #[error("a theme that is not the engagement's")]
    UnknownTheme,
    #[error("only an accepted recommendation is delivered")]
    NotAccepted,
    #[error("delivery has started, so it cannot be rejected")]
    DeliveryStarted,
    #[error("an implemented recommendation is reopened, not moved back")]
    AlreadyImplemented,
    #[error("only an implemented recommendation is verified or reopened")]
    NotImplemented,
    #[error("only the people asked may answer")]
    NotAsked,
    #[error("only people on the organisation's panel may follow")]
    NotOnPanel,
    #[error("no such milestone")]
    NoMilestone,
    #[error("that milestone is done already")]
    MilestoneDone,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

async fn load(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
) -> Result<(RecommendationRow, EngagementRow), RecommendationError> {
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    let engagement = crate::engagements::find(ex, row.engagement_id)
        .await?
        .filter(|e| e.organisation_id == organisation)
        .ok_or(RecommendationError::NotFound)?;
    Ok((row, engagement))
}

/// The recommendation, for the engagement's own organisation.
pub async fn load_for(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    id: Uuid,
) -> Result<(RecommendationRow, EngagementRow), RecommendationError> {
    load(ex, organisation, id).await
}

async fn record(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    action: Action,
    id: Uuid,
    details: serde_json::Value,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(action, "recommendation", id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(details),
    )
    .await
}

/// Adds a recommendation to an engagement, linked to the themes behind it.
pub async fn propose(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: &EngagementRow,
    new: &NewRecommendation,
    themes: &[Uuid],
) -> Result<Uuid, RecommendationError> {
    if engagement.organisation_id != actor.organisation {
        return Err(RecommendationError::NotFound);
    }
    check_themes(ex, engagement.id, themes).await?;
    let id = Uuid::now_v7();
    let now = crate::db::now();
    storage::insert(ex, id, engagement.id, new, now).await?;
    storage::set_themes(ex, id, themes).await?;
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    storage::append(ex, &row, Change::Proposed, "", actor.account, now).await?;
    record(
        ex,
        actor,
        Action::RecommendationProposed,
        id,
        json!({ "engagement": engagement.id, "title": new.title_en, "themes": themes }),
    )
    .await?;
    Ok(id)
}

async fn check_themes(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    themes: &[Uuid],
) -> Result<(), RecommendationError> {
    let live: BTreeSet<Uuid> = crate::contributions::live_themes(ex, engagement)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    if themes.iter().all(|t| live.contains(t)) {
        Ok(())
    } else {
        Err(RecommendationError::UnknownTheme)
    }
}

/// Links the recommendation to exactly these themes of its engagement.
pub async fn set_themes(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    id: Uuid,
    themes: &[Uuid],
) -> Result<(), RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    check_themes(ex, engagement.id, themes).await?;
    storage::set_themes(ex, row.id, themes).await?;
    storage::touch(ex, row.id, crate::db::now()).await?;
    record(
        ex,
        actor,
        Action::RecommendationThemed,
        id,
        json!({ "themes": themes }),
    )
    .await?;
    Ok(())
}

/// Records the decision. Rejecting something already being delivered is refused.
pub async fn decide(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
    decided: &Decided,
) -> Result<(), RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    if !decided.decision().is_accepted() && row.delivery != Delivery::NotStarted {
        return Err(RecommendationError::DeliveryStarted);
    }
    let now = crate::db::now();
    storage::set_decision(
        ex,
        id,
        decided.decision(),
        decided.note(),
        actor.account,
        now,
    )
    .await?;
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    storage::append(
        ex,
        &row,
        Change::Decided,
        decided.note(),
        actor.account,
        now,
    )
    .await?;
    record(
        ex,
        actor,
        Action::RecommendationDecided,
        id,
        json!({ "decision": decided.decision().as_str(), "note": decided.note() }),
    )
    .await?;
    tell_followers(
        ex,
        state,
        &row,
        &engagement,
        Change::Decided,
        decided.note(),
    )
    .await?;
    Ok(())
}

/// Moves delivery forward: not started, in progress, implemented. Marking it implemented asks the
/// people who monitor it whether it made the difference.
pub async fn set_delivery(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
    delivery: Delivery,
    today: Date,
) -> Result<(), RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    if !row.decision.is_accepted() {
        return Err(RecommendationError::NotAccepted);
    }
    if row.delivery == Delivery::Implemented {
        return Err(RecommendationError::AlreadyImplemented);
    }
    if row.delivery == delivery {
        return Ok(());
    }
    let now = crate::db::now();
    let implemented_on = (delivery == Delivery::Implemented).then_some(today);
    storage::set_delivery(ex, id, delivery, implemented_on, now).await?;
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    storage::append(ex, &row, Change::Delivery, "", actor.account, now).await?;
    record(
        ex,
        actor,
        Action::RecommendationDelivery,
        id,
        json!({ "delivery": delivery.as_str() }),
    )
    .await?;
    tell_followers(ex, state, &row, &engagement, Change::Delivery, "").await?;
    if delivery == Delivery::Implemented {
        ask(ex, state, actor, &row, &engagement).await?;
    }
    Ok(())
}

/// The people asked to verify: the monitoring group's members, or else everyone booked at the
/// engagement's events (its working group).
pub async fn verifiers(
    ex: &mut Ex<'_>,
    row: &RecommendationRow,
) -> Result<BTreeSet<Uuid>, sqlx::Error> {
    match row.group_id {
        Some(group) => Ok(storage::members_of(ex, group).await?.into_iter().collect()),
        None => crate::events::group_of_engagement(ex, row.engagement_id).await,
    }
}

async fn ask(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    row: &RecommendationRow,
    engagement: &EngagementRow,
) -> Result<usize, RecommendationError> {
    let now = crate::db::now();
    let mut newly = Vec::new();
    for person in verifiers(ex, row).await? {
        if storage::ask(ex, row.id, row.round, person, now).await? {
            newly.push(person);
        }
    }
    if newly.is_empty() {
        return Ok(0);
    }
    storage::append(ex, row, Change::VerificationAsked, "", actor.account, now).await?;
    record(
        ex,
        actor,
        Action::VerificationAsked,
        row.id,
        json!({ "round": row.round, "people": newly.len() }),
    )
    .await?;
    for person in &newly {
        let Some(to) = crate::register::contact::addressee(state, ex, *person).await? else {
            continue;
        };
        let link = state.link(&format!("/recommendations/{}/verify", row.id));
        let notice =
            crate::organisations::in_its_languages(ex, engagement.organisation_id, &to, |reader| {
                Notice::new(NoticeKind::VerificationAsked)
                    .arg("name", reader.name.clone())
                    .arg("recommendation", title_in(row, reader.locale))
                    .arg("link", link.clone())
            })
            .await?
            .about(&row.title_en, Some(engagement.id))
            .from(engagement.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
    }
    Ok(newly.len())
}

/// Asks anyone in the monitoring group not yet asked this round (members added since).
pub async fn ask_again(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
) -> Result<usize, RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    if row.delivery != Delivery::Implemented {
        return Err(RecommendationError::NotImplemented);
    }
    ask(ex, state, actor, &row, &engagement).await
}

/// Adds a milestone, with its evidence if there is some already.
pub async fn add_milestone(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
    new: &NewMilestone,
    file: Option<EvidenceFile<'_>>,
) -> Result<Uuid, RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    if !row.decision.is_accepted() {
        return Err(RecommendationError::NotAccepted);
    }
    let milestone = Uuid::now_v7();
    let now = crate::db::now();
    let has_file = file.is_some();
    storage::insert_milestone(ex, milestone, id, new, file, now).await?;
    storage::touch(ex, id, now).await?;
    storage::append(
        ex,
        &row,
        Change::MilestoneAdded,
        &new.title,
        actor.account,
        now,
    )
    .await?;
    record(
        ex,
        actor,
        Action::MilestoneAdded,
        id,
        json!({ "milestone": milestone, "title": new.title, "due": new.due_on.to_string(), "file": has_file }),
    )
    .await?;
    tell_followers(
        ex,
        state,
        &row,
        &engagement,
        Change::MilestoneAdded,
        &new.title,
    )
    .await?;
    Ok(milestone)
}

/// Evidence added when a milestone is marked done: a note and a link, either may be empty.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence<'a> {
    pub note: &'a str,
    pub link: &'a str,
}

/// Marks a milestone done today, adding evidence.
pub async fn complete_milestone(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
    milestone: Uuid,
    today: Date,
    evidence: Evidence<'_>,
) -> Result<(), RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    let found = storage::milestones_of(ex, id)
        .await?
        .into_iter()
        .find(|m| m.id == milestone)
        .ok_or(RecommendationError::NoMilestone)?;
    if found.done_on.is_some() {
        return Err(RecommendationError::MilestoneDone);
    }
    let now = crate::db::now();
    storage::mark_milestone_done(ex, milestone, today, evidence.note, evidence.link).await?;
    storage::touch(ex, id, now).await?;
    storage::append(
        ex,
        &row,
        Change::MilestoneDone,
        &found.title,
        actor.account,
        now,
    )
    .await?;
    record(
        ex,
        actor,
        Action::MilestoneDone,
        id,
        json!({ "milestone": milestone, "title": found.title }),
    )
    .await?;
    tell_followers(
        ex,
        state,
        &row,
        &engagement,
        Change::MilestoneDone,
        &found.title,
    )
    .await?;
    Ok(())
}

/// Back to in progress after the people asked said it did not work; verification starts again.
pub async fn reopen(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    id: Uuid,
    reason: &str,
) -> Result<(), RecommendationError> {
    let (row, engagement) = load(ex, actor.organisation, id).await?;
    if row.delivery != Delivery::Implemented {
        return Err(RecommendationError::NotImplemented);
    }
    let now = crate::db::now();
    storage::reopen(ex, id, now).await?;
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    storage::append(ex, &row, Change::Reopened, reason, actor.account, now).await?;
    record(
        ex,
        actor,
        Action::RecommendationReopened,
        id,
        json!({ "reason": reason, "round": row.round }),
    )
    .await?;
    tell_followers(ex, state, &row, &engagement, Change::Reopened, reason).await?;
    Ok(())
}

/// A person asked says whether it made the difference. Saying it again replaces their answer, so a
/// person counts once. When the answers turn it verified or not verified, the timeline says so
/// and the followers are told.
pub async fn answer(
    ex: &mut Ex<'_>,
    state: &AppState,
    account: Option<Uuid>,
    person: Uuid,
    id: Uuid,
    given: Answer,
    words: &str,
) -> Result<Verification, RecommendationError> {
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    if row.delivery != Delivery::Implemented {
        return Err(RecommendationError::NotImplemented);
    }
    if !storage::asked(ex, id, row.round).await?.contains(&person) {
        return Err(RecommendationError::NotAsked);
    }
    let engagement = crate::engagements::find(ex, row.engagement_id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    let share = max_no_percent(ex, row.engagement_id).await?;
    let before = Verification::of(row.delivery, tally(ex, &row).await?, share);
    let now = crate::db::now();
    storage::save_answer(ex, id, row.round, person, given, words, now).await?;
    let after = Verification::of(row.delivery, tally(ex, &row).await?, share);
    audit::record(
        ex,
        Entry::new(Action::RecommendationAnswered, "recommendation", id)
            .by(account)
            .in_organisation(engagement.organisation_id)
            .with(json!({ "answer": given.as_str(), "round": row.round })),
    )
    .await?;
    let change = match after {
        Verification::Verified => Some(Change::Verified),
        Verification::NotVerified => Some(Change::NotVerified),
        _ => None,
    };
    if let Some(change) = change.filter(|_| after != before) {
        storage::touch(ex, id, now).await?;
        storage::append(ex, &row, change, "", None, now).await?;
        tell_followers(ex, state, &row, &engagement, change, "").await?;
    }
    Ok(after)
}

/// Starts or stops following. Anyone on a panel of the organisation may follow; anyone may stop.
pub async fn follow(
    ex: &mut Ex<'_>,
    account: Option<Uuid>,
    person: Uuid,
    id: Uuid,
    following: bool,
) -> Result<(), RecommendationError> {
    let row = storage::find(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    let organisation = storage::organisation_of(ex, id)
        .await?
        .ok_or(RecommendationError::NotFound)?;
    if following && !crate::register::on_a_panel_shared_with(ex, person, organisation).await? {
        return Err(RecommendationError::NotOnPanel);
    }
    storage::set_following(ex, row.id, person, following, crate::db::now()).await?;
    audit::record(
        ex,
        Entry::new(Action::RecommendationFollowed, "recommendation", id)
            .by(account)
            .in_organisation(organisation)
            .with(json!({ "following": following })),
    )
    .await?;
    Ok(())
}

/// Sets the largest share of "no" answers a verified recommendation of this engagement may have.
pub async fn set_rule(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: &EngagementRow,
    max_no_percent: u8,
) -> Result<(), RecommendationError> {
    if engagement.organisation_id != actor.organisation {
        return Err(RecommendationError::NotFound);
    }
    storage::set_max_no_percent(
        ex,
        engagement.id,
        i32::from(max_no_percent),
        crate::db::now(),
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::VerificationRuleSet, "engagement", engagement.id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "max_no_percent": max_no_percent })),
    )
    .await?;
    Ok(())
}

fn title_in(row: &RecommendationRow, locale: Locale) -> String {
    if locale == Locale::Cy && !row.title_cy.is_empty() {
        row.title_cy.clone()
    } else {
        row.title_en.clone()
    }
}

/// What changed, in the reader's words.
pub fn news(locale: Locale, row: &RecommendationRow, change: Change, detail: &str) -> String {
    let decision = locale.t(&row.decision.message_key());
    let delivery = locale.t(&row.delivery.message_key());
    let args: [(&'static str, Arg); 3] = [
        ("decision", decision.into()),
        ("delivery", delivery.into()),
        ("detail", detail.into()),
    ];
    let key = match change {
        Change::Decided if detail.is_empty() => "recommendation-news-decided",
        Change::Decided => "recommendation-news-decided-note",
        other => {
            return locale.t_args(
                &format!("recommendation-news-{}", other.as_str().replace('_', "-")),
                &args,
            );
        }
    };
    locale.t_args(key, &args)
}

/// Tells everyone following the recommendation what changed, once each, through the notification
/// door, which holds it for their digest when they asked for one.
async fn tell_followers(
    ex: &mut Ex<'_>,
    state: &AppState,
    row: &RecommendationRow,
    engagement: &EngagementRow,
    change: Change,
    detail: &str,
) -> Result<usize, sqlx::Error> {
    let people = followers(ex, row).await?;
    let link = state.link(&format!("/recommendations/{}", row.id));
    let mut told = 0;
    for person in people {
        let Some(to) = crate::register::contact::addressee(state, ex, person).await? else {
            continue;
        };
        let notice =
            crate::organisations::in_its_languages(ex, engagement.organisation_id, &to, |reader| {
                Notice::new(NoticeKind::RecommendationUpdate)
                    .arg("name", reader.name.clone())
                    .arg("recommendation", title_in(row, reader.locale))
                    .arg("news", news(reader.locale, row, change, detail))
                    .arg("link", link.clone())
            })
            .await?
            .about(&row.title_en, Some(engagement.id))
            .from(engagement.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
        told += 1;
    }
    Ok(told)
}

// --- Implementation groups ------------------------------------------------------------------------

#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error("no such group here")]
    NotFound,
    #[error("the person is not on a panel of the organisation")]
    NotOnPanel,
    #[error("a recommendation that is not the organisation's")]
    UnknownRecommendation,
    #[error("only the group's members and staff write notes")]
    NotAMember,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

async fn own_group(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    group: Uuid,
) -> Result<storage::GroupRow, GroupError> {
    storage::find_group(ex, group)
        .await?
        .filter(|g| g.organisation_id == organisation)
        .ok_or(GroupError::NotFound)
}

fn group_entry(
    action: Action,
    actor: StaffActor,
    group: Uuid,
    details: serde_json::Value,
) -> Entry {
    Entry::new(action, "implementation_group", group)
        .by(actor.account)
        .in_organisation(actor.organisation)
        .with(details)
}

pub async fn create_group(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    name: &str,
) -> Result<Uuid, GroupError> {
    let id = Uuid::now_v7();
    storage::insert_group(ex, id, actor.organisation, name, crate::db::now()).await?;
    audit::record(
        ex,
        group_entry(
            Action::ImplementationGroupCreated,
            actor,
            id,
            json!({ "name": name }),
        ),
    )
    .await?;
    Ok(id)
}

pub async fn add_member(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    group: Uuid,
    person: Uuid,
) -> Result<bool, GroupError> {
    own_group(ex, actor.organisation, group).await?;
    if !crate::register::on_a_panel_shared_with(ex, person, actor.organisation).await? {
        return Err(GroupError::NotOnPanel);
    }
    let added = storage::add_member(ex, group, person, crate::db::now()).await?;
    if added {
        audit::record(
            ex,
            group_entry(
                Action::ImplementationGroupMemberAdded,
                actor,
                group,
                json!({ "person": person }),
            ),
        )
        .await?;
    }
    Ok(added)
}

pub async fn remove_member(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    group: Uuid,
    person: Uuid,
) -> Result<(), GroupError> {
    own_group(ex, actor.organisation, group).await?;
    if storage::remove_member(ex, group, person).await? {
        audit::record(
            ex,
            group_entry(
                Action::ImplementationGroupMemberRemoved,
                actor,
                group,
                json!({ "person": person }),
            ),
        )
        .await?;
    }
    Ok(())
}

/// Gives the group exactly these recommendations to monitor.
pub async fn assign(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    group: Uuid,
    recommendations: &[Uuid],
) -> Result<(), GroupError> {
    own_group(ex, actor.organisation, group).await?;
    let mine: BTreeSet<Uuid> = storage::of_organisation(ex, actor.organisation, false)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    if !recommendations.iter().all(|r| mine.contains(r)) {
        return Err(GroupError::UnknownRecommendation);
    }
    let now = crate::db::now();
    for row in storage::of_group(ex, group).await? {
        if !recommendations.contains(&row.id) {
            storage::set_group(ex, row.id, None, now).await?;
        }
    }
    for id in recommendations {
        storage::set_group(ex, *id, Some(group), now).await?;
    }
    audit::record(
        ex,
        group_entry(
            Action::ImplementationGroupAssigned,
            actor,
            group,
            json!({ "recommendations": recommendations }),
        ),
    )
    .await?;
    Ok(())
}

/// Who writes a note: a member of the group, or staff.
#[derive(Debug, Clone, Copy)]
pub enum NoteAuthor {
    Member { account: Option<Uuid>, person: Uuid },
    Staff(StaffActor),
}

pub async fn add_note(
    ex: &mut Ex<'_>,
    author: NoteAuthor,
    group: Uuid,
    recommendation: Option<Uuid>,
    body: &str,
) -> Result<(), GroupError> {
    let found = storage::find_group(ex, group)
        .await?
        .ok_or(GroupError::NotFound)?;
    let (account, person) = match author {
        NoteAuthor::Member { account, person } => {
            if !storage::members_of(ex, group).await?.contains(&person) {
                return Err(GroupError::NotAMember);
            }
            (account, Some(person))
        }
        NoteAuthor::Staff(actor) if actor.organisation == found.organisation_id => {
            (actor.account, None)
        }
        NoteAuthor::Staff(_) => return Err(GroupError::NotFound),
    };
    if let Some(recommendation) = recommendation {
        let monitored = storage::of_group(ex, group).await?;
        if !monitored.iter().any(|r| r.id == recommendation) {
            return Err(GroupError::UnknownRecommendation);
        }
    }
    storage::insert_note(
        ex,
        group,
        recommendation,
        person,
        account,
        body,
        crate::db::now(),
    )
    .await?;
    audit::record(
        ex,
        Entry::new(
            Action::ImplementationGroupNote,
            "implementation_group",
            group,
        )
        .by(account)
        .in_organisation(found.organisation_id)
        .with(json!({ "recommendation": recommendation })),
    )
    .await?;
    Ok(())
}
