//! What everyone sees: a recommendation's public page with its decision, delivery, milestones,
//! verification and timeline; the list on the engagement's page; following; and the question
//! "Has this made the difference it was meant to?" for the people asked.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use uuid::Uuid;

use super::commands;
use super::domain::{Answer, TEXT_MAX};
use super::storage::{self, RecommendationRow};
use super::views::{
    MilestoneLine, Tag, TimelineLine, body, decision_tag, delivery_tag, milestone_lines,
    paragraphs, timeline, title, verification_tag,
};
use super::{Standing, standing};
use crate::engagements::sections::{Rendering, StaffSection};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{format_day, today};
use crate::ids::RecommendationId;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

fn html(part: impl Template) -> Result<String, AppError> {
    part.render()
        .map_err(|error| AppError::Unexpected(anyhow::anyhow!(error)))
}

/// One recommendation in a list.
pub struct Line {
    pub link: String,
    pub number: i32,
    pub title: String,
    pub decision: Tag,
    pub delivery: Tag,
    pub verification: Tag,
    pub overdue: bool,
}

async fn lines(
    state: &AppState,
    page: &Page,
    engagement: Uuid,
    link: impl Fn(Uuid) -> String,
) -> Result<Vec<Line>, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut out = Vec::new();
    for row in storage::of_engagement(&mut ex, engagement).await? {
        let milestones = storage::milestones_of(&mut ex, row.id).await?;
        let standing = standing(&mut ex, &row, &milestones, today()).await?;
        out.push(Line {
            link: link(row.id),
            number: row.number,
            title: title(locale, &row),
            decision: decision_tag(locale, row.decision),
            delivery: delivery_tag(locale, row.delivery),
            verification: verification_tag(locale, standing.verification),
            overdue: standing.overdue,
        });
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "recommendations/templates/engagement_section.html")]
struct Section<'a> {
    page: &'a Page,
    lines: Vec<Line>,
    staff_link: Option<String>,
}

/// The engagement page's list of its recommendations, each linking to its public page.
pub fn engagement_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    engagement: Uuid,
) -> Rendering<'a> {
    Box::pin(async move {
        let lines = lines(state, page, engagement, |id| {
            format!("/recommendations/{id}")
        })
        .await?;
        if lines.is_empty() {
            return Ok(String::new());
        }
        html(Section {
            page,
            lines,
            staff_link: None,
        })
    })
}

/// The same for the engagement's staff page, with the way in to manage them.
pub fn staff_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    section: StaffSection,
) -> Rendering<'a> {
    Box::pin(async move {
        let org = section.org_id;
        let lines = lines(state, page, section.engagement, |id| {
            format!("/organisations/{org}/recommendations/{id}")
        })
        .await?;
        let staff_link = section.can_edit.then(|| {
            format!(
                "/organisations/{org}/engagements/{}/recommendations",
                section.engagement
            )
        });
        html(Section {
            page,
            lines,
            staff_link,
        })
    })
}

/// The recommendation, if its engagement is published.
async fn published(
    state: &AppState,
    id: Uuid,
) -> Result<(RecommendationRow, EngagementRow), AppError> {
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let row = storage::find(&mut ex, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let engagement = crate::engagements::find(&mut ex, row.engagement_id)
        .await?
        .filter(|e| e.published)
        .ok_or(AppError::NotFound)?;
    Ok((row, engagement))
}

/// The signed-in person on the register, if any.
async fn signed_in_person(state: &AppState, page: &Page) -> Result<Option<uuid::Uuid>, AppError> {
    match subject::own(state, page).await {
        Ok(subject) => Ok(Some(subject.person.id)),
        Err(AppError::NotFound | AppError::Forbidden) => Ok(None),
        Err(other) => Err(other),
    }
}

#[derive(Template)]
#[template(path = "recommendations/templates/public.html")]
struct PublicPage {
    page: Page,
    row: RecommendationRow,
    engagement_link: String,
    engagement_title: String,
    title: String,
    body: Vec<String>,
    body_lang: Option<&'static str>,
    easy_read: Vec<String>,
    decision: Tag,
    delivery: Tag,
    verification: Tag,
    standing: Standing,
    due: String,
    milestones: Vec<MilestoneLine>,
    reasons: Vec<String>,
    rule_text: String,
    timeline: Vec<TimelineLine>,
    /// For a signed-in person on the register: whether they follow it.
    following: Option<bool>,
    may_follow: bool,
    asked: bool,
    /// The page of the implementation group monitoring it, for the group's members.
    group_link: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    Ids(id): Ids<RecommendationId>,
    page: Page,
) -> AppResult {
    let (row, engagement) = published(&state, id.0).await?;
    let person = signed_in_person(&state, &page).await?;
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let milestones = storage::milestones_of(&mut ex, row.id).await?;
    let standing = standing(&mut ex, &row, &milestones, today()).await?;
    let reasons = storage::answers(&mut ex, row.id, row.round)
        .await?
        .into_iter()
        .filter(|a| a.answer != Answer::Yes && !a.words.is_empty())
        .map(|a| format!("{}: {}", locale.t(&a.answer.message_key()), a.words))
        .collect();
    let history = storage::history_of(&mut ex, row.id).await?;
    let group_link = match (person, row.group_id) {
        (Some(person), Some(group))
            if storage::members_of(&mut ex, group).await?.contains(&person) =>
        {
            Some(format!("/implementation-groups/{group}"))
        }
        _ => None,
    };
    let (following, may_follow, asked) = match person {
        Some(person) => (
            Some(super::followers(&mut ex, &row).await?.contains(&person)),
            crate::register::on_a_panel_shared_with(&mut ex, person, engagement.organisation_id)
                .await?,
            row.delivery == super::Delivery::Implemented
                && storage::asked(&mut ex, row.id, row.round)
                    .await?
                    .contains(&person),
        ),
        None => (None, false, false),
    };
    let welsh_missing = locale == crate::i18n::Locale::Cy && row.body_cy.is_empty();
    render(PublicPage {
        engagement_link: format!("/engagements/{}", engagement.id),
        engagement_title: engagement.title().shown(locale).text,
        title: title(locale, &row),
        body: body(locale, &row),
        body_lang: welsh_missing.then_some("en"),
        easy_read: paragraphs(&row.easy_read),
        decision: decision_tag(locale, row.decision),
        delivery: delivery_tag(locale, row.delivery),
        verification: verification_tag(locale, standing.verification),
        due: format_day(row.due_on, locale),
        milestones: milestone_lines(locale, &milestones, today()),
        rule_text: super::staff::rule_text(locale, standing.max_no_percent),
        timeline: timeline(locale, &history),
        page,
        row,
        standing,
        reasons,
        following,
        may_follow,
        asked,
        group_link,
    })
}

/// A milestone's evidence file, for anyone who may see the recommendation.
pub async fn evidence(
    State(state): State<AppState>,
    Ids((id, milestone)): Ids<(RecommendationId, Uuid)>,
) -> AppResult {
    let (row, _) = published(&state, id.0).await?;
    let mut conn = state.db.acquire().await?;
    let (name, content_type, bytes) = storage::milestone_file(&mut conn.ex(), row.id, milestone)
        .await?
        .ok_or(AppError::NotFound)?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        name.replace(['\u{22}', '\\', '\r', '\n'], "_")
    );
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// Follow, or stop following.
pub async fn follow(
    State(state): State<AppState>,
    Ids(id): Ids<RecommendationId>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (row, _) = published(&state, id.0).await?;
    let person = signed_in_person(&state, &page)
        .await?
        .ok_or(AppError::Forbidden)?;
    let following = one_of(&pairs(&body), "follow") == "yes";
    let mut tx = state.db.begin().await?;
    commands::follow(&mut tx.ex(), page.ctx.actor(), person, row.id, following)
        .await
        .map_err(AppError::from)?;
    tx.commit().await?;
    let flash = if following {
        "recommendation-following"
    } else {
        "recommendation-not-following"
    };
    Ok(see_other_with_flash(
        &state,
        &format!("/recommendations/{}", row.id),
        flash,
    ))
}

#[derive(Template)]
#[template(path = "recommendations/templates/verify.html")]
struct VerifyPage {
    page: Page,
    id: Uuid,
    title: String,
    answers: Vec<Choice>,
    words: String,
}

fn verify_page(page: Page, row: &RecommendationRow, answer: &str, words: String) -> VerifyPage {
    let locale = page.locale();
    VerifyPage {
        id: row.id,
        title: title(locale, row),
        answers: Answer::ALL
            .iter()
            .map(|a| Choice::new(a.as_str(), locale.t(&a.message_key()), answer == a.as_str()))
            .collect(),
        page,
        words,
    }
}

/// Only people asked this round reach the question.
async fn asked_person(
    state: &AppState,
    page: &Page,
    id: Uuid,
) -> Result<(RecommendationRow, Uuid), AppError> {
    let (row, _) = published(state, id).await?;
    let person = signed_in_person(state, page)
        .await?
        .ok_or(AppError::Forbidden)?;
    let mut conn = state.db.acquire().await?;
    let asked = row.delivery == super::Delivery::Implemented
        && storage::asked(&mut conn.ex(), row.id, row.round)
            .await?
            .contains(&person);
    if !asked {
        return Err(AppError::Forbidden);
    }
    Ok((row, person))
}

pub async fn verify_form(
    State(state): State<AppState>,
    Ids(id): Ids<RecommendationId>,
    page: Page,
) -> AppResult {
    let (row, _) = asked_person(&state, &page, id.0).await?;
    render(verify_page(page, &row, "", String::new()))
}

pub async fn verify_submit(
    State(state): State<AppState>,
    Ids(id): Ids<RecommendationId>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (row, _) = published(&state, id.0).await?;
    let person = signed_in_person(&state, &page)
        .await?
        .ok_or(AppError::Forbidden)?;
    let form = pairs(&body);
    let (given, words) = (one_of(&form, "answer"), one_of(&form, "words"));
    let mut problems = Vec::new();
    let answer = Answer::parse(&given);
    if answer.is_none() {
        problems.push(Problem::new("answer", "verification-error-answer"));
    }
    let words_trimmed = words.trim().to_owned();
    if words_trimmed.chars().count() > TEXT_MAX {
        problems.push(Problem::too_long(
            "words",
            "recommendation-error-too-long",
            TEXT_MAX,
        ));
    }
    if answer.is_some_and(|a| a != Answer::Yes) && words_trimmed.is_empty() {
        problems.push(Problem::new("words", "verification-error-words"));
    }
    let Some(answer) = answer.filter(|_| problems.is_empty()) else {
        let page = page.with_problems(&problems);
        return render_invalid(verify_page(page, &row, &given, words));
    };
    let mut tx = state.db.begin().await?;
    let result = commands::answer(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        person,
        row.id,
        answer,
        &words_trimmed,
    )
    .await;
    match result {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/recommendations/{}", row.id),
                "verification-thanks",
            ))
        }
        Err(error) => Err(error.into()),
    }
}
