//! One contribution for the team: its words and files, who gave it and how, its place on the
//! acknowledgement clock, its themes (a new theme can be added here), and the team's answer.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use uuid::Uuid;

use super::commands::{self, AcknowledgeError, ThemeError};
use super::domain::check_words;
use super::storage::{self, ContributionRow};
use super::team::{actor, assisted_label, author_of, base, clock_label, opened_text};
use super::{clock_of, figures};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{format_day, today};
use crate::engagements::{Loaded, load_editable};
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

/// The most characters of a theme's name and of an acknowledgement.
pub const THEME_MAX_CHARS: usize = 100;
pub const ANSWER_MAX_CHARS: usize = 5_000;

pub struct FileLine {
    pub link: String,
    pub name: String,
    pub kind: String,
    pub size: String,
}

#[derive(Template)]
#[template(path = "contributions/templates/item.html")]
struct ItemPage {
    page: Page,
    base: String,
    here: String,
    title: String,
    reference: String,
    author: String,
    channel: String,
    assisted: String,
    event: String,
    received: String,
    clock: String,
    colour: &'static str,
    due: String,
    text: String,
    may_quote: bool,
    withdrawn: bool,
    files: Vec<FileLine>,
    themes: Vec<Choice>,
    new_theme: String,
    acknowledged: bool,
    acknowledgement: String,
    answer: String,
}

async fn load(
    state: &AppState,
    org_id: Uuid,
    engagement_id: &str,
    contribution: Uuid,
) -> Result<(EngagementRow, ContributionRow), AppError> {
    let Loaded { engagement, .. } = load_editable(state, org_id, engagement_id).await?;
    let mut conn = state.db.acquire().await?;
    let row = storage::find(&mut conn.ex(), contribution)
        .await?
        .filter(|c| c.engagement_id == engagement.id)
        .ok_or(AppError::NotFound)?;
    Ok((engagement, row))
}

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

async fn item_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    row: &ContributionRow,
    new_theme: String,
    answer: String,
) -> Result<ItemPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let days = figures(&mut ex, engagement, today())
        .await?
        .acknowledge_days;
    let clock = clock_of(row, days, today());
    let (clock_text, due) = clock_label(locale, clock);
    let tagged: BTreeSet<Uuid> = storage::links_of(&mut ex, engagement.id)
        .await?
        .into_iter()
        .filter(|(c, _)| *c == row.id)
        .map(|(_, t)| t)
        .collect();
    let themes = storage::themes_of(&mut ex, engagement.id)
        .await?
        .into_iter()
        .filter(|t| t.merged_into.is_none())
        .map(|t| Choice::new(t.id.to_string(), t.name, tagged.contains(&t.id)))
        .collect();
    let here = format!("{}/contributions/{}", base(org_id, engagement.id), row.id);
    let files = storage::files_of(&mut ex, row.id)
        .await?
        .into_iter()
        .map(|f| FileLine {
            link: format!("{here}/files/{}", f.id),
            name: f.file_name,
            kind: f.content_type,
            size: size_text(f.size_bytes),
        })
        .collect();
    let event = match row.event_id {
        Some(event) => crate::events::sections::event_labels(state, engagement.id, locale)
            .await?
            .into_iter()
            .find(|e| e.id == event)
            .map(|e| {
                locale.t_args(
                    "contribution-said-at",
                    &[("event", e.title.into()), ("when", e.when.into())],
                )
            })
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(ItemPage {
        base: base(org_id, engagement.id),
        here,
        title: engagement.title().shown(locale).text,
        reference: row.reference.clone(),
        author: author_of(&mut ex, locale, row).await?,
        channel: locale.t(&row.channel.message_key()),
        assisted: assisted_label(locale, row),
        event,
        received: format_day(row.received_at.date(), locale),
        clock: clock_text,
        colour: clock.colour(),
        due,
        text: opened_text(state, row),
        may_quote: row.may_quote,
        withdrawn: row.withdrawn_at.is_some(),
        files,
        themes,
        new_theme,
        acknowledged: row.acknowledged_at.is_some(),
        acknowledgement: row.acknowledgement.clone().unwrap_or_default(),
        answer,
        page,
    })
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, contribution)): Ids<(Uuid, String, Uuid)>,
    page: Page,
) -> AppResult {
    let (engagement, row) = load(&state, org_id, &engagement_id, contribution).await?;
    render(
        item_page(
            &state,
            page,
            org_id,
            &engagement,
            &row,
            String::new(),
            String::new(),
        )
        .await?,
    )
}

/// Checks a theme's name: not empty, not too long.
pub fn check_theme_name(field: &str, name: &str) -> Result<String, Problem> {
    check_words(
        field,
        name,
        "theme-name-missing",
        "theme-name-too-long",
        THEME_MAX_CHARS,
    )
}

pub async fn set_themes(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, contribution)): Ids<(Uuid, String, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (engagement, row) = load(&state, org_id, &engagement_id, contribution).await?;
    let form = pairs(&body);
    let new_theme = one_of(&form, "new_theme");
    let new_name = match new_theme.trim() {
        "" => None,
        name => match check_theme_name("new_theme", name) {
            Ok(name) => Some(name),
            Err(problem) => {
                let page = page.with_problems(&[problem]);
                let shown = item_page(
                    &state,
                    page,
                    org_id,
                    &engagement,
                    &row,
                    new_theme,
                    String::new(),
                )
                .await?;
                return render_invalid(shown);
            }
        },
    };
    let mut chosen: BTreeSet<Uuid> = all_of(&form, "themes")
        .iter()
        .filter_map(|id| Uuid::parse_str(id).ok())
        .collect();
    let staff = actor(&page, org_id);
    let mut tx = state.db.begin().await?;
    if let Some(name) = new_name {
        chosen.insert(
            commands::create_theme(&mut tx.ex(), staff, engagement.id, &name)
                .await
                .map_err(theme_error)?,
        );
    }
    commands::set_themes(&mut tx.ex(), staff, engagement.id, row.id, &chosen)
        .await
        .map_err(theme_error)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/contributions/{}", base(org_id, engagement.id), row.id),
        "contribution-themes-saved",
    ))
}

pub(super) fn theme_error(error: ThemeError) -> AppError {
    match error {
        ThemeError::Database(error) => error.into(),
        ThemeError::NotFound | ThemeError::SameTheme => AppError::NotFound,
    }
}

/// Checks the team's answer: not empty, not too long.
pub fn check_answer(text: &str) -> Result<String, Problem> {
    check_words(
        "answer",
        text,
        "contribution-answer-missing",
        "contribution-answer-too-long",
        ANSWER_MAX_CHARS,
    )
}

pub async fn acknowledge(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, contribution)): Ids<(Uuid, String, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (engagement, row) = load(&state, org_id, &engagement_id, contribution).await?;
    let answer = one_of(&pairs(&body), "answer");
    let text = match check_answer(&answer) {
        Ok(text) => text,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            let shown = item_page(
                &state,
                page,
                org_id,
                &engagement,
                &row,
                String::new(),
                answer,
            )
            .await?;
            return render_invalid(shown);
        }
    };
    let mut tx = state.db.begin().await?;
    let result = commands::acknowledge(
        &mut tx.ex(),
        &state,
        actor(&page, org_id),
        &engagement,
        &[row.id],
        &text,
    )
    .await;
    let flash = match result {
        Ok(_) => "contribution-acknowledged",
        Err(AcknowledgeError::NothingOwed) => "contribution-already-acknowledged",
        Err(AcknowledgeError::NoSuchTheme) => return Err(AppError::NotFound),
        Err(AcknowledgeError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/contributions/{}", base(org_id, engagement.id), row.id),
        flash,
    ))
}

/// A file kept with a contribution, opened for the team. Who took a copy is on record.
pub async fn file(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, contribution, file)): Ids<(Uuid, String, Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let (_, row) = load(&state, org_id, &engagement_id, contribution).await?;
    let mut tx = state.db.begin().await?;
    let (found, sealed) = commands::download_file(&mut tx.ex(), actor(&page, org_id), row.id, file)
        .await?
        .ok_or(AppError::NotFound)?;
    tx.commit().await?;
    let bytes = state
        .keys
        .open_bytes(&sealed, super::file_field(found.id))
        .map_err(|_| AppError::NotFound)?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        found.file_name.replace(['"', '\\', '\r', '\n'], "_")
    );
    Ok((
        [
            (header::CONTENT_TYPE, found.content_type),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_and_answers_must_be_said_and_not_too_long() {
        assert_eq!(check_theme_name("t", "  Buses ").unwrap(), "Buses");
        assert_eq!(
            check_theme_name("t", " ").unwrap_err().key,
            "theme-name-missing"
        );
        assert_eq!(
            check_theme_name("t", &"x".repeat(THEME_MAX_CHARS + 1))
                .unwrap_err()
                .key,
            "theme-name-too-long"
        );
        assert_eq!(
            check_answer("").unwrap_err().key,
            "contribution-answer-missing"
        );
        assert!(check_answer("Thank you: we have read this.").is_ok());
    }

    #[test]
    fn sizes_read_plainly() {
        assert_eq!(size_text(2_000), "2 KB");
        assert_eq!(size_text(3 * 1024 * 1024), "3.0 MB");
    }
}
