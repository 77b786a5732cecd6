//! An engagement's themes: how many people raised each, through which channels, and the quotes
//! whose authors agreed to share them; renaming, merging (the merged theme stays on record), and
//! acknowledging every contribution on a theme at once.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::commands::{self, AcknowledgeError};
use super::item::{check_answer, check_theme_name, theme_error};
use super::storage::{self, ContributionRow};
use super::team::{actor, base, opened_text};
use super::{clock_of, figures};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::today;
use crate::engagements::{Loaded, load_editable};
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

/// One theme as the team sees it.
pub struct ThemeLine {
    pub id: Uuid,
    pub name: String,
    pub people: usize,
    pub contributions: usize,
    pub owed: usize,
    pub channels: String,
    pub quotes: Vec<String>,
    pub merge_into: Vec<Choice>,
    pub list_link: String,
}

/// A theme that was merged, kept on record.
pub struct MergedLine {
    pub name: String,
    pub into: String,
}

/// What one theme holds: its live contributions, people, channels and shareable quotes.
pub struct Tally {
    pub contributions: Vec<Uuid>,
    pub people: usize,
    pub channels: BTreeSet<super::Channel>,
    pub quotes: Vec<String>,
}

/// Counts each theme over the engagement's contributions that are not withdrawn. Quotes are the
/// words of people who agreed to be quoted, never with their name.
pub fn tally(
    state: &AppState,
    rows: &[ContributionRow],
    links: &[(Uuid, Uuid)],
    theme: Uuid,
) -> Tally {
    let on_theme: BTreeSet<Uuid> = links
        .iter()
        .filter(|(_, t)| *t == theme)
        .map(|(c, _)| *c)
        .collect();
    let rows: Vec<&ContributionRow> = rows
        .iter()
        .filter(|r| on_theme.contains(&r.id) && r.withdrawn_at.is_none())
        .collect();
    let people: BTreeSet<Uuid> = rows.iter().map(|r| r.person_id.unwrap_or(r.id)).collect();
    Tally {
        contributions: rows.iter().map(|r| r.id).collect(),
        people: people.len(),
        channels: rows.iter().map(|r| r.channel).collect(),
        quotes: rows
            .iter()
            .filter(|r| r.may_quote)
            .map(|r| opened_text(state, r))
            .filter(|t| !t.is_empty())
            .collect(),
    }
}

pub fn channel_names(locale: Locale, channels: &BTreeSet<super::Channel>) -> String {
    channels
        .iter()
        .map(|c| locale.t(&c.message_key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a refused form sent, shown again: a new theme's name, or the theme whose form it was and
/// the answer written there.
#[derive(Default)]
struct Kept {
    new_name: String,
    theme: Option<Uuid>,
    answer: String,
}

#[derive(Template)]
#[template(path = "contributions/templates/themes.html")]
struct ThemesPage {
    page: Page,
    base: String,
    title: String,
    themes: Vec<ThemeLine>,
    merged: Vec<MergedLine>,
    new_name: String,
    /// The theme whose form was refused, and the words given there.
    refused_theme: Option<Uuid>,
    answer: String,
}

async fn themes_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    kept: Kept,
) -> Result<ThemesPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let days = figures(&mut ex, engagement, today())
        .await?
        .acknowledge_days;
    let rows = storage::of_engagement(&mut ex, engagement.id).await?;
    let links = storage::links_of(&mut ex, engagement.id).await?;
    let all = storage::themes_of(&mut ex, engagement.id).await?;
    let names: BTreeMap<Uuid, String> = all.iter().map(|t| (t.id, t.name.clone())).collect();
    let live: Vec<_> = all.iter().filter(|t| t.merged_into.is_none()).collect();
    let base = base(org_id, engagement.id);
    let themes = live
        .iter()
        .map(|theme| {
            let tally = tally(state, &rows, &links, theme.id);
            let owed = rows
                .iter()
                .filter(|r| tally.contributions.contains(&r.id))
                .filter(|r| clock_of(r, days, today()).is_owed())
                .count();
            ThemeLine {
                id: theme.id,
                name: theme.name.clone(),
                people: tally.people,
                contributions: tally.contributions.len(),
                owed,
                channels: channel_names(locale, &tally.channels),
                quotes: tally.quotes,
                merge_into: live
                    .iter()
                    .filter(|other| other.id != theme.id)
                    .map(|other| Choice::new(other.id.to_string(), other.name.clone(), false))
                    .collect(),
                list_link: format!("{base}/contributions?theme={}", theme.id),
            }
        })
        .collect();
    let merged = all
        .iter()
        .filter_map(|t| {
            t.merged_into.map(|into| MergedLine {
                name: t.name.clone(),
                into: names.get(&into).cloned().unwrap_or_default(),
            })
        })
        .collect();
    Ok(ThemesPage {
        base,
        title: engagement.title().shown(locale).text,
        themes,
        merged,
        new_name: kept.new_name,
        refused_theme: kept.theme,
        answer: kept.answer,
        page,
    })
}

pub async fn list(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    render(themes_page(&state, page, org_id, &engagement, Kept::default()).await?)
}

async fn refused(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    problem: Problem,
    kept: Kept,
) -> AppResult {
    let page = page.with_problems(&[problem]);
    render_invalid(themes_page(state, page, org_id, engagement, kept).await?)
}

/// A theme's own form refused: the page again, that form showing the problem.
async fn refused_on_theme(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    theme: Uuid,
    problem: Problem,
) -> AppResult {
    let kept = Kept {
        theme: Some(theme),
        ..Kept::default()
    };
    refused(state, page, org_id, engagement, problem, kept).await
}

fn back(state: &AppState, org_id: Uuid, engagement: Uuid, flash: &str) -> AppResult {
    Ok(see_other_with_flash(
        state,
        &format!("{}/themes", base(org_id, engagement)),
        flash,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let name = one_of(&pairs(&body), "name");
    let checked = match check_theme_name("name", &name) {
        Ok(checked) => checked,
        Err(problem) => {
            return refused(
                &state,
                page,
                org_id,
                &engagement,
                problem,
                Kept {
                    new_name: name,
                    ..Kept::default()
                },
            )
            .await;
        }
    };
    let mut tx = state.db.begin().await?;
    commands::create_theme(&mut tx.ex(), actor(&page, org_id), engagement.id, &checked)
        .await
        .map_err(theme_error)?;
    tx.commit().await?;
    back(&state, org_id, engagement.id, "theme-created")
}

pub async fn rename(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, theme)): Ids<(Uuid, String, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let field = format!("rename-{theme}");
    let name = one_of(&pairs(&body), "name");
    let checked = match check_theme_name(&field, &name) {
        Ok(checked) => checked,
        Err(problem) => {
            return refused_on_theme(&state, page, org_id, &engagement, theme, problem).await;
        }
    };
    let mut tx = state.db.begin().await?;
    commands::rename_theme(
        &mut tx.ex(),
        actor(&page, org_id),
        engagement.id,
        theme,
        &checked,
    )
    .await
    .map_err(theme_error)?;
    tx.commit().await?;
    back(&state, org_id, engagement.id, "theme-renamed")
}

pub async fn merge(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, theme)): Ids<(Uuid, String, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let into = one_of(&pairs(&body), "into");
    let Some(target) = Uuid::parse_str(into.trim()).ok() else {
        let problem = Problem::new(format!("merge-{theme}"), "theme-merge-missing");
        return refused_on_theme(&state, page, org_id, &engagement, theme, problem).await;
    };
    let mut tx = state.db.begin().await?;
    commands::merge_themes(
        &mut tx.ex(),
        actor(&page, org_id),
        engagement.id,
        theme,
        target,
    )
    .await
    .map_err(theme_error)?;
    tx.commit().await?;
    back(&state, org_id, engagement.id, "theme-merged")
}

/// Acknowledges, with one answer, every contribution on the theme still owed one.
pub async fn acknowledge(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, theme)): Ids<(Uuid, String, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let answer = one_of(&pairs(&body), "answer");
    let text = match check_answer(&answer) {
        Ok(text) => text,
        Err(mut problem) => {
            problem.field = format!("answer-{theme}");
            return refused(
                &state,
                page,
                org_id,
                &engagement,
                problem,
                Kept {
                    theme: Some(theme),
                    answer,
                    ..Kept::default()
                },
            )
            .await;
        }
    };
    let mut tx = state.db.begin().await?;
    let result = commands::acknowledge_theme(
        &mut tx.ex(),
        &state,
        actor(&page, org_id),
        &engagement,
        theme,
        &text,
    )
    .await;
    let flash = match result {
        Ok(_) => "theme-acknowledged",
        Err(AcknowledgeError::NothingOwed) => "theme-nothing-owed",
        Err(AcknowledgeError::NoSuchTheme) => return Err(AppError::NotFound),
        Err(AcknowledgeError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    back(&state, org_id, engagement.id, flash)
}
