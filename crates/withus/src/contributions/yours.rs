//! "Your contributions" in Your data: everything the person gave, to which engagement, by which
//! channel, its reference and where it stands, the team's answer, and a way to withdraw it.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::commands::{self, WithdrawError};
use super::storage;
use super::team::{assisted_label, clock_label, opened_text};
use super::{clock_of, promises_of};
use crate::engagements::views::{format_day, today};
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

pub struct Mine {
    pub id: Uuid,
    pub reference: String,
    pub engagement: String,
    pub engagement_link: String,
    pub channel: String,
    pub assisted: String,
    pub received: String,
    pub clock: String,
    pub colour: &'static str,
    pub due: String,
    pub text: String,
    pub answer: String,
    pub withdrawn: bool,
}

#[derive(Template)]
#[template(path = "contributions/templates/yours.html")]
struct YoursPage {
    page: Page,
    mine: Vec<Mine>,
}

pub async fn list(State(state): State<AppState>, page: Page) -> AppResult {
    let person = match subject::own(&state, &page).await {
        Ok(subject) => Some(subject.person.id),
        Err(AppError::NotFound) => None,
        Err(other) => return Err(other),
    };
    let locale = page.locale();
    let mut mine = Vec::new();
    if let Some(person) = person {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        for row in storage::of_person(&mut ex, person).await? {
            let Some(engagement) = super::engagement_of(&mut ex, row.engagement_id).await? else {
                continue;
            };
            let days = promises_of(&mut ex, engagement.id)
                .await?
                .map_or(super::domain::DEFAULT_ACKNOWLEDGE_DAYS, |p| {
                    p.acknowledge_days
                });
            let clock = clock_of(&row, days, today());
            let (clock_text, due) = clock_label(locale, clock);
            mine.push(Mine {
                id: row.id,
                reference: row.reference.clone(),
                engagement: engagement.title().shown(locale).text,
                engagement_link: format!("/engagements/{}", engagement.id),
                channel: locale.t(&row.channel.message_key()),
                assisted: assisted_label(locale, &row),
                received: format_day(row.received_at.date(), locale),
                clock: clock_text,
                colour: clock.colour(),
                due,
                text: opened_text(&state, &row),
                answer: row.acknowledgement.clone().unwrap_or_default(),
                withdrawn: row.withdrawn_at.is_some(),
            });
        }
    }
    render(YoursPage { page, mine })
}

pub async fn withdraw(
    State(state): State<AppState>,
    Ids(contribution): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let person = subject::own(&state, &page).await?.person.id;
    let mut tx = state.db.begin().await?;
    let flash = match commands::withdraw(&mut tx.ex(), page.ctx.actor(), person, contribution).await
    {
        Ok(()) => "contribution-withdrawn",
        Err(WithdrawError::AlreadyWithdrawn) => "contribution-already-withdrawn",
        Err(WithdrawError::NotTheirs) => return Err(AppError::NotFound),
        Err(WithdrawError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/your-data/contributions",
        flash,
    ))
}
