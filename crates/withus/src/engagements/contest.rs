//! The pages where a member says a commitment marked kept was not kept, or takes that back.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use super::challenges::{self, ChallengeError, WORDS_MAX};
use super::domain::{CommitmentStatus, Shown};
use super::storage::{CommitmentRow, EngagementRow};
use super::views::{CommitmentLine, commitment_line, today};
use crate::ids::{CommitmentId, EngagementId};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{one_of, pairs, too_long};
use crate::web::page::render_status;
use crate::web::respond::{see_other, see_other_with_flash};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

#[derive(Template)]
#[template(path = "engagements/templates/challenge_form.html")]
struct ChallengePage {
    page: Page,
    title: Shown,
    back: String,
    action: String,
    commitment: CommitmentLine,
    /// Whether the commitment is marked kept, so can be contested.
    kept: bool,
    words: String,
    hint: String,
    /// Whether the member said so before (sending again replaces their words).
    said_before: bool,
}

/// The engagement, the commitment and the member, or the page that refuses: not found, or
/// forbidden to anyone who is not a member of the organisation's panels.
async fn load(
    state: &AppState,
    page: &Page,
    engagement: Uuid,
    commitment: Uuid,
) -> Result<(Uuid, EngagementRow, CommitmentRow), AppError> {
    let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let mut conn = state.db.acquire().await?;
    let (found, row) =
        challenges::published_commitment(&mut conn.ex(), engagement, commitment).await?;
    challenges::contester(&mut conn.ex(), account, &found).await?;
    Ok((account, found, row))
}

fn challenge_page(
    page: Page,
    engagement: &EngagementRow,
    row: &CommitmentRow,
    words: String,
    said_before: bool,
) -> ChallengePage {
    let locale = page.locale();
    let base = format!("/engagements/{}", engagement.id);
    ChallengePage {
        title: engagement.title().shown(locale),
        back: format!("{base}#commitments"),
        action: format!("{base}/commitments/{}/not-kept", row.id),
        commitment: commitment_line(locale, row, today()),
        kept: row.status() == CommitmentStatus::Kept,
        words,
        hint: too_long(&page, "challenge-words-hint", WORDS_MAX),
        said_before,
        page,
    }
}

pub async fn form(
    State(state): State<AppState>,
    Ids((engagement_id, commitment_id)): Ids<(EngagementId, CommitmentId)>,
    page: Page,
) -> AppResult {
    let (account, engagement, row) = load(&state, &page, engagement_id.0, commitment_id.0).await?;
    let said = {
        let mut conn = state.db.acquire().await?;
        challenges::own_words(&mut conn.ex(), &state.keys, account, row.id).await?
    };
    let said_before = said.is_some();
    render(challenge_page(
        page,
        &engagement,
        &row,
        said.unwrap_or_default(),
        said_before,
    ))
}

pub async fn submit(
    State(state): State<AppState>,
    Ids((engagement_id, commitment_id)): Ids<(EngagementId, CommitmentId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (account, engagement, row) = load(&state, &page, engagement_id.0, commitment_id.0).await?;
    let words = one_of(&pairs(&body), "words");
    if row.status() != CommitmentStatus::Kept {
        return render_status(
            StatusCode::CONFLICT,
            challenge_page(page, &engagement, &row, words, false),
        );
    }
    let checked = match challenges::check_words(&words) {
        Ok(checked) => checked,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let page = page.with_errors(errors);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                challenge_page(page, &engagement, &row, words, false),
            );
        }
    };
    let mut tx = state.db.begin().await?;
    let contested = challenges::contest_commitment(
        &mut tx.ex(),
        &state.keys,
        account,
        engagement.id,
        row.id,
        &checked,
    )
    .await;
    match contested {
        Ok(()) => {}
        // Marked otherwise since the page loaded.
        Err(ChallengeError::NotKept) => {
            drop(tx);
            return render_status(
                StatusCode::CONFLICT,
                challenge_page(page, &engagement, &row, words, false),
            );
        }
        Err(other) => return Err(other.into()),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/engagements/{}#commitments", engagement.id),
        "flash-challenge-saved",
    ))
}

pub async fn withdraw(
    State(state): State<AppState>,
    Ids((engagement_id, commitment_id)): Ids<(EngagementId, CommitmentId)>,
    page: Page,
) -> AppResult {
    let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let mut tx = state.db.begin().await?;
    let taken_back =
        challenges::withdraw_challenge(&mut tx.ex(), account, engagement_id.0, commitment_id.0)
            .await?;
    tx.commit().await?;
    let back = format!("/engagements/{}#commitments", engagement_id.0);
    Ok(if taken_back {
        see_other_with_flash(&state, &back, "flash-challenge-withdrawn")
    } else {
        see_other(&back)
    })
}
