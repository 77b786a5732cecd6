//! Recommendations tracked to implementation: what an engagement recommended and to whom, the
//! decision on it kept apart from its delivery, milestones with evidence, an append-only timeline,
//! followers told of every change at their own frequency, implementation groups that monitor a set
//! of recommendations, and verification by the disabled people asked.
//!
//! Whether a recommendation is overdue or verified is computed from dates and answers
//! ([`domain::is_overdue`], [`domain::Verification::of`]), never stored.

pub mod commands;
pub mod demo;
pub mod domain;
mod groups;
mod public;
mod staff;
mod storage;
mod views;

use std::collections::BTreeSet;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{get, post};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

pub use commands::{GroupError, RecommendationError};
pub use domain::{Answer, Change, Decision, Delivery, Priority, Tally, Verification};
pub use public::{engagement_section, staff_section};
pub use storage::{EvidenceFile, HistoryRow, MilestoneRow, RecommendationRow};

use crate::db::Ex;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
use domain::{DEFAULT_MAX_NO_PERCENT, is_overdue};

/// The most a request carrying an evidence file may hold.
pub const UPLOAD_BODY_MAX_BYTES: usize = 64 * 1024 * 1024;

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! staff {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/recommendations/{recommendation_id}",
                $suffix
            )
        };
    }
    macro_rules! in_engagement {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/recommendations",
                $suffix
            )
        };
    }
    macro_rules! group {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/implementation-groups/{group_id}",
                $suffix
            )
        };
    }
    vec![
        route(
            M::GET,
            in_engagement!(""),
            Organisation(ManageEngagements),
            get(staff::list),
        ),
        route(
            M::GET,
            in_engagement!("/new"),
            Organisation(ManageEngagements),
            get(staff::new_form),
        ),
        route(
            M::POST,
            in_engagement!("/new"),
            Organisation(ManageEngagements),
            post(staff::new_submit),
        ),
        route(
            M::POST,
            in_engagement!("/rule"),
            Organisation(ManageEngagements),
            post(staff::rule_submit),
        ),
        route(
            M::GET,
            staff!(""),
            Organisation(ManageEngagements),
            get(staff::show),
        ),
        route(
            M::POST,
            staff!("/decision"),
            Organisation(ManageEngagements),
            post(staff::decide),
        ),
        route(
            M::POST,
            staff!("/delivery"),
            Organisation(ManageEngagements),
            post(staff::delivery),
        ),
        route(
            M::POST,
            staff!("/themes"),
            Organisation(ManageEngagements),
            post(staff::themes),
        ),
        route(
            M::POST,
            staff!("/milestones"),
            Organisation(ManageEngagements),
            post(staff::add_milestone).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
        route(
            M::POST,
            staff!("/milestones/{milestone_id}/done"),
            Organisation(ManageEngagements),
            post(staff::milestone_done),
        ),
        route(
            M::POST,
            staff!("/ask"),
            Organisation(ManageEngagements),
            post(staff::ask_again),
        ),
        route(
            M::POST,
            staff!("/reopen"),
            Organisation(ManageEngagements),
            post(staff::reopen),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/implementation-groups",
            Organisation(ManageEngagements),
            get(groups::list),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/implementation-groups",
            Organisation(ManageEngagements),
            post(groups::create),
        ),
        route(
            M::GET,
            group!(""),
            Organisation(ManageEngagements),
            get(groups::show),
        ),
        route(
            M::POST,
            group!("/members"),
            Organisation(ManageEngagements),
            post(groups::add_member),
        ),
        route(
            M::POST,
            group!("/members/{person_id}/remove"),
            Organisation(ManageEngagements),
            post(groups::remove_member),
        ),
        route(
            M::POST,
            group!("/recommendations"),
            Organisation(ManageEngagements),
            post(groups::assign),
        ),
        route(
            M::POST,
            group!("/notes"),
            Organisation(ManageEngagements),
            post(groups::staff_note),
        ),
        // Members of a group, and everyone else.
        route(
            M::GET,
            "/implementation-groups/{group_id}",
            SignedIn,
            get(groups::member_view),
        ),
        route(
            M::POST,
            "/implementation-groups/{group_id}/notes",
            SignedIn,
            post(groups::member_note),
        ),
        route(
            M::GET,
            "/recommendations/{recommendation_id}",
            Public,
            get(public::show),
        ),
        route(
            M::GET,
            "/recommendations/{recommendation_id}/milestones/{milestone_id}/evidence",
            Public,
            get(public::evidence),
        ),
        route(
            M::POST,
            "/recommendations/{recommendation_id}/follow",
            SignedIn,
            post(public::follow),
        ),
        route(
            M::GET,
            "/recommendations/{recommendation_id}/verify",
            SignedIn,
            get(public::verify_form),
        ),
        route(
            M::POST,
            "/recommendations/{recommendation_id}/verify",
            SignedIn,
            post(public::verify_submit),
        ),
    ]
}

/// A refused command as the page the person sees: what is not there is "not found"; a refusal
/// no form explains is "forbidden".
impl From<RecommendationError> for crate::web::AppError {
    fn from(error: RecommendationError) -> Self {
        match error {
            RecommendationError::Database(e) => e.into(),
            RecommendationError::NotFound | RecommendationError::NoMilestone => {
                crate::web::AppError::NotFound
            }
            _ => crate::web::AppError::Forbidden,
        }
    }
}

/// The engagement's share of "no" answers a verified recommendation may have.
pub async fn max_no_percent(ex: &mut Ex<'_>, engagement: Uuid) -> Result<u8, sqlx::Error> {
    Ok(storage::max_no_percent(ex, engagement)
        .await?
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(DEFAULT_MAX_NO_PERCENT))
}

/// The current round's answers, each person once.
pub async fn tally(ex: &mut Ex<'_>, row: &RecommendationRow) -> Result<Tally, sqlx::Error> {
    let asked = storage::asked(ex, row.id, row.round).await?.len();
    let mut tally = Tally {
        asked,
        ..Tally::default()
    };
    for answer in storage::answers(ex, row.id, row.round).await? {
        match answer.answer {
            Answer::Yes => tally.yes += 1,
            Answer::Partly => tally.partly += 1,
            Answer::No => tally.no += 1,
        }
    }
    Ok(tally)
}

/// Everyone following: people who raised a linked theme, and people who chose to follow, less
/// those who chose to stop.
pub async fn followers(
    ex: &mut Ex<'_>,
    row: &RecommendationRow,
) -> Result<BTreeSet<Uuid>, sqlx::Error> {
    let themes = storage::themes_of(ex, row.id).await?;
    let mut people = crate::contributions::people_who_raised(ex, &themes).await?;
    for (person, following) in storage::follow_choices(ex, row.id).await? {
        if following {
            people.insert(person);
        } else {
            people.remove(&person);
        }
    }
    Ok(people)
}

/// Where a recommendation stands today: everything computed from its dates and answers.
#[derive(Debug, Clone)]
pub struct Standing {
    pub overdue: bool,
    pub overdue_milestones: usize,
    pub tally: Tally,
    pub verification: Verification,
    pub max_no_percent: u8,
}

pub async fn standing(
    ex: &mut Ex<'_>,
    row: &RecommendationRow,
    milestones: &[MilestoneRow],
    today: Date,
) -> Result<Standing, sqlx::Error> {
    let share = max_no_percent(ex, row.engagement_id).await?;
    let tally = tally(ex, row).await?;
    Ok(Standing {
        overdue: row.decision.is_accepted()
            && row.delivery != Delivery::Implemented
            && is_overdue(row.due_on, today),
        overdue_milestones: milestones
            .iter()
            .filter(|m| m.done_on.is_none() && is_overdue(m.due_on, today))
            .count(),
        tally,
        verification: Verification::of(row.delivery, tally, share),
        max_no_percent: share,
    })
}

/// A recommendation of a published engagement with where it stands: what the public accountability
/// page and the open data show. No personal data: the lead is a public office holder's name given
/// for accountability, and answers are counts.
#[derive(Debug, Clone)]
pub struct PublicRecommendation {
    pub row: RecommendationRow,
    pub engagement_title: String,
    pub standing: Standing,
}

/// Every recommendation of the organisation's published engagements, with where each stands.
pub async fn public_of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    today: Date,
) -> Result<Vec<PublicRecommendation>, sqlx::Error> {
    let mut out = Vec::new();
    for row in storage::of_organisation(ex, organisation, true).await? {
        let milestones = storage::milestones_of(ex, row.id).await?;
        let standing = standing(ex, &row, &milestones, today).await?;
        let engagement_title = crate::engagements::find(ex, row.engagement_id)
            .await?
            .map(|e| e.title_en)
            .unwrap_or_default();
        out.push(PublicRecommendation {
            row,
            engagement_title,
            standing,
        });
    }
    Ok(out)
}

/// The timelines of the organisation's published recommendations, oldest change first.
pub async fn history_of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    storage::history_of_organisation(ex, organisation).await
}

/// Milestones of the organisation's recommendations.
pub async fn milestones_of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<MilestoneRow>, sqlx::Error> {
    storage::milestones_of_organisation(ex, organisation).await
}

/// Whether a change happened at or after `since` (for `modified_since` filters).
pub fn changed_since(at: OffsetDateTime, since: Option<OffsetDateTime>) -> bool {
    since.is_none_or(|since| at >= since)
}

/// What a person said and chose about recommendations, for their data downloads.
pub fn held_for(
    state: &crate::state::AppState,
    person: Uuid,
    locale: crate::i18n::Locale,
) -> crate::register::record::contents::Gathering<'_> {
    Box::pin(async move {
        use crate::register::record::contents::{HeldSection, Line};
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        let mut lines = Vec::new();
        for (title, answer, words, at) in storage::answers_of_person(&mut ex, person).await? {
            lines.push(Line {
                label: format!(
                    "{} – {} ({})",
                    locale.t("verification-question"),
                    title,
                    crate::web::dates::format_date(at, locale)
                ),
                value: format!("{} {}", locale.t(&answer.message_key()), words)
                    .trim()
                    .to_owned(),
            });
        }
        for (title, following) in storage::follows_of_person(&mut ex, person).await? {
            let key = if following {
                "recommendation-you-follow"
            } else {
                "recommendation-not-following"
            };
            lines.push(Line {
                label: title,
                value: locale.t(key),
            });
        }
        for (group, body) in storage::notes_of_person(&mut ex, person).await? {
            lines.push(Line {
                label: format!("{} – {}", locale.t("implementation-group-notes"), group),
                value: body,
            });
        }
        Ok(if lines.is_empty() {
            Vec::new()
        } else {
            vec![HeldSection {
                title: locale.t("recommendations-yours"),
                lines,
            }]
        })
    })
}

/// Erasing a person empties their words here and their choices; answers stay as counts.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    storage::forget_person(ex, person).await
}
