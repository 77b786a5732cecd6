//! Public pages: engagements anyone can read about (published and not yet over), filtered by topic
//! and area with a plain GET form, and each engagement's page saying honestly how much say people have.

use askama::Template;
use axum::extract::{Extension, Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::challenges;
use super::domain::Shown;
use super::sections::Sections;
use super::storage::{self, EngagementRow};
use super::views::{
    CommitmentLine, Labels, RungView, choices, labels, partner_names, rung_view, timeline, today,
};
use crate::i18n::{Arg, Locale};
use crate::ids::EngagementId;
use crate::register::domain::{Region, Topic};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, known_one};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

/// One engagement in the public list.
pub struct Card {
    pub id: Uuid,
    pub title: Shown,
    pub summary: Shown,
    pub organisation: String,
    pub rung: String,
    pub topic: String,
    pub area: Shown,
    pub timeline: String,
    pub openness: String,
}

#[derive(Template)]
#[template(path = "engagements/templates/public_list.html")]
struct ListPage {
    page: Page,
    cards: Vec<Card>,
    /// Finished engagements, with their commitments and what came of them.
    past: Vec<Card>,
    topics: Vec<Choice>,
    regions: Vec<Choice>,
    area: String,
    filtered: bool,
    count_text: String,
}

#[derive(Deserialize, Default)]
pub struct Filters {
    #[serde(default)]
    topic: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    area: String,
}

/// Whether the place named in the filter appears in the engagement's area, in either language.
fn in_area(engagement: &EngagementRow, wanted: &str) -> bool {
    let wanted = wanted.trim().to_lowercase();
    wanted.is_empty()
        || engagement.area_en.to_lowercase().contains(&wanted)
        || engagement.area_cy.to_lowercase().contains(&wanted)
}

fn any_choice(locale: Locale, key: &str, chosen: &str) -> Choice {
    Choice::new("", locale.t(key), chosen.is_empty())
}

pub async fn list(
    State(state): State<AppState>,
    Query(filters): Query<Filters>,
    page: Page,
) -> AppResult {
    let locale = page.locale();
    // A topic or region that is not a choice is refused with a message, never ignored: the list
    // would otherwise claim to be filtered when it is not.
    let mut errors = FormErrors::default();
    let topic = known_one(&mut errors, &page, "topic", &filters.topic, Topic::parse);
    let region = known_one(&mut errors, &page, "region", &filters.region, Region::parse);
    let refused = !errors.is_empty();
    let page = page.with_errors(errors);
    let (rows, past_rows) = if refused {
        (Vec::new(), Vec::new())
    } else {
        let mut conn = state.db.acquire().await?;
        (
            storage::public(&mut conn.ex(), today(), topic, region, false).await?,
            storage::public(&mut conn.ex(), today(), topic, region, true).await?,
        )
    };
    let card = |row: &EngagementRow| Card {
        id: row.id,
        title: row.title().shown(locale),
        summary: row.summary().shown(locale),
        organisation: row.organisation_name.clone(),
        rung: locale.t(&row.scheme().label_key(row.rung())),
        area: row.area().shown(locale),
        timeline: timeline(locale, row),
        topic: labels(locale, row).topic,
        openness: labels(locale, row).openness,
    };
    let cards: Vec<Card> = rows
        .iter()
        .filter(|row| in_area(row, &filters.area))
        .map(card)
        .collect();
    let past: Vec<Card> = past_rows
        .iter()
        .filter(|row| in_area(row, &filters.area))
        .map(card)
        .collect();
    let chosen_topic = topic.map(Topic::as_str).unwrap_or("");
    let chosen_region = region.map(Region::as_str).unwrap_or("");
    let mut topics = vec![any_choice(locale, "engagements-any-topic", chosen_topic)];
    topics.extend(choices(
        locale,
        Topic::ALL,
        chosen_topic,
        Topic::as_str,
        |t| t.message_key(),
        false,
    ));
    let mut regions = vec![any_choice(locale, "engagements-any-region", chosen_region)];
    regions.extend(choices(
        locale,
        Region::ALL,
        chosen_region,
        Region::as_str,
        |r| r.message_key(),
        false,
    ));
    render(ListPage {
        count_text: locale.t_args("engagements-count", &[("count", Arg::from(cards.len()))]),
        filtered: topic.is_some() || region.is_some() || !filters.area.trim().is_empty(),
        page,
        cards,
        past,
        topics,
        regions,
        area: filters.area.trim().to_owned(),
    })
}

#[derive(Template)]
#[template(path = "engagements/templates/public_page.html")]
struct EngagementPage {
    page: Page,
    engagement: EngagementRow,
    title: Shown,
    summary: Shown,
    decided: Shown,
    can_change: Shown,
    limits: Shown,
    area: Shown,
    take_part: Shown,
    rung: RungView,
    labels: Labels,
    timeline: String,
    partners: Vec<String>,
    commitments: Vec<CommitmentLine>,
    /// The papers and events, as their capabilities render them.
    more: String,
}

pub async fn page(
    State(state): State<AppState>,
    Extension(sections): Extension<Sections>,
    Ids(engagement_id): Ids<EngagementId>,
    page: Page,
) -> AppResult {
    let id = engagement_id.0;
    let mut conn = state.db.acquire().await?;
    let engagement = storage::find(&mut conn.ex(), id)
        .await?
        .filter(|e| e.published)
        .ok_or(AppError::NotFound)?;
    let partners = storage::partners_of(&mut conn.ex(), id).await?;
    let rows = storage::commitments_of(&mut conn.ex(), id).await?;
    let locale = page.locale();
    // A member of the organisation's panels may say a commitment marked kept was not kept.
    let member = match page.ctx.actor() {
        Some(account) => match challenges::contester(&mut conn.ex(), account, &engagement).await {
            Ok(_) => true,
            Err(challenges::ChallengeError::NotAMember) => false,
            Err(other) => return Err(other.into()),
        },
        None => false,
    };
    let commitments =
        challenges::commitment_lines(&mut conn.ex(), &state.keys, locale, &rows, member).await?;
    drop(conn);
    let more = (sections.public)(&state, &page, id).await?;
    render(EngagementPage {
        more,
        title: engagement.title().shown(locale),
        summary: engagement.summary().shown(locale),
        decided: engagement.decided().shown(locale),
        can_change: engagement.can_change().shown(locale),
        limits: engagement.limits().shown(locale),
        area: engagement.area().shown(locale),
        take_part: engagement.take_part().shown(locale),
        rung: rung_view(locale, engagement.scheme(), engagement.rung()),
        labels: labels(locale, &engagement),
        timeline: timeline(locale, &engagement),
        partners: partner_names(locale, &partners),
        commitments,
        engagement,
        page,
    })
}
