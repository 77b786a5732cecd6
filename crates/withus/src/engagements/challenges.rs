//! Members contesting a commitment marked "kept": a member of a panel of the engagement's
//! organisation may say it was not kept, in their own words. One person counts once (saying it
//! again replaces their words) and may take it back. The words are sealed; pages show how many
//! members say so and their words, never their names.

use std::collections::HashMap;

use serde_json::json;
use uuid::Uuid;

use super::domain::{Bilingual, CommitmentStatus};
use super::storage::{self, CommitmentRow, EngagementRow};
use super::views::{CommitmentLine, Contested, commitment_line, today};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::i18n::{Arg, Locale};
use crate::security::field_crypto::{FieldContext, KeyRing, ResealError};
use crate::web::forms::Problem;

/// The most a member may write.
pub const WORDS_MAX: usize = 2000;

#[derive(Debug, thiserror::Error)]
pub enum ChallengeError {
    #[error("there is no such commitment on a published engagement")]
    NoSuchCommitment,
    #[error("only members of the organisation's panels may say a commitment was not kept")]
    NotAMember,
    #[error("only a commitment marked kept can be contested")]
    NotKept,
    #[error("there are no words")]
    Empty,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<ChallengeError> for crate::web::AppError {
    fn from(error: ChallengeError) -> Self {
        use crate::web::AppError;
        match error {
            ChallengeError::Database(error) => error.into(),
            ChallengeError::NotAMember => AppError::Forbidden,
            _ => AppError::NotFound,
        }
    }
}

/// Where a challenge's words are sealed.
pub fn words_field(id: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "commitment_challenges",
        column: "sealed_words",
        row_id: id,
    }
}

/// The member's words, checked: something said, within the limit.
pub fn check_words(words: &str) -> Result<String, Vec<Problem>> {
    let trimmed = words.trim();
    if trimmed.is_empty() {
        Err(vec![Problem::new("words", "challenge-error-empty")])
    } else if trimmed.chars().count() > WORDS_MAX {
        Err(vec![Problem::too_long(
            "words",
            "engagement-error-too-long",
            WORDS_MAX,
        )])
    } else {
        Ok(trimmed.to_owned())
    }
}

/// The commitment in the path, on a published engagement.
pub async fn published_commitment(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    commitment: Uuid,
) -> Result<(EngagementRow, CommitmentRow), ChallengeError> {
    let found = storage::find(ex, engagement)
        .await?
        .filter(|e| e.published)
        .ok_or(ChallengeError::NoSuchCommitment)?;
    let row = storage::find_commitment(ex, engagement, commitment)
        .await?
        .ok_or(ChallengeError::NoSuchCommitment)?;
    Ok((found, row))
}

/// Who may contest: the person signed in with `account`, if they are an active member of a panel
/// of the engagement's organisation.
pub async fn contester(
    ex: &mut Ex<'_>,
    account: Uuid,
    engagement: &EngagementRow,
) -> Result<Uuid, ChallengeError> {
    crate::register::active_member_of(ex, account, engagement.organisation_id)
        .await?
        .ok_or(ChallengeError::NotAMember)
}

/// What the member said before about this commitment, opened; empty if nothing.
pub async fn own_words(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    account: Uuid,
    commitment: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    Ok(storage::challenge_by_account(ex, commitment, account)
        .await?
        .and_then(|row| keys.open(&row.sealed_words, words_field(row.id)).ok()))
}

/// A member says a commitment marked kept was not kept. Saying it again replaces their words; the
/// same words again change nothing and record nothing.
pub async fn contest_commitment(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    account: Uuid,
    engagement: Uuid,
    commitment: Uuid,
    words: &str,
) -> Result<(), ChallengeError> {
    let words = words.trim();
    if words.is_empty() {
        return Err(ChallengeError::Empty);
    }
    let (found, row) = published_commitment(ex, engagement, commitment).await?;
    let person = contester(ex, account, &found).await?;
    if row.status() != CommitmentStatus::Kept {
        return Err(ChallengeError::NotKept);
    }
    let before = storage::challenge_by_account(ex, row.id, account).await?;
    if let Some(before) = &before
        && keys
            .open(&before.sealed_words, words_field(before.id))
            .is_ok_and(|said| said == words)
    {
        return Ok(());
    }
    let id = Uuid::now_v7();
    storage::save_challenge(ex, id, row.id, person, &keys.seal(words, words_field(id))).await?;
    audit::record(
        ex,
        Entry::new(Action::CommitmentContested, "commitment", row.id)
            .by(Some(account))
            .in_organisation(found.organisation_id)
            .with(json!({
                "engagement": found.id,
                "challenge": id,
                "replaced": before.is_some(),
            })),
    )
    .await?;
    Ok(())
}

/// A member takes back what they said about a commitment. Nothing to take back changes nothing.
pub async fn withdraw_challenge(
    ex: &mut Ex<'_>,
    account: Uuid,
    engagement: Uuid,
    commitment: Uuid,
) -> Result<bool, ChallengeError> {
    let (found, row) = published_commitment(ex, engagement, commitment).await?;
    crate::register::person_id_of_account(ex, account)
        .await?
        .ok_or(ChallengeError::NotAMember)?;
    let Some(challenge) = storage::challenge_by_account(ex, row.id, account).await? else {
        return Ok(false);
    };
    storage::delete_challenge(ex, challenge.id).await?;
    audit::record(
        ex,
        Entry::new(Action::CommitmentChallengeWithdrawn, "commitment", row.id)
            .by(Some(account))
            .in_organisation(found.organisation_id)
            .with(json!({ "engagement": found.id, "challenge": challenge.id })),
    )
    .await?;
    Ok(true)
}

/// Forgets a person when their record is erased: their challenges go.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<u64, sqlx::Error> {
    storage::forget_challenges_of(ex, person).await
}

/// Re-seals every challenge's words not under the active key. How many.
pub async fn reseal(ex: &mut Ex<'_>, keys: &KeyRing) -> Result<usize, ResealError> {
    let mut resealed = 0;
    for (id, sealed) in storage::all_sealed_challenges(ex).await? {
        let what = || format!("commitment_challenges.sealed_words of {id}");
        if let Some(new) = keys.resealed(&sealed, words_field(id), what)? {
            storage::replace_sealed_challenge(ex, id, &new).await?;
            resealed += 1;
        }
    }
    Ok(resealed)
}

/// How an organisation's commitments stand, for an accountability page: each counted once by its
/// current status, and `contested` those marked kept that at least one member says were not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommitmentFigures {
    pub kept: usize,
    pub partly_kept: usize,
    pub broken: usize,
    pub not_yet_marked: usize,
    pub contested: usize,
}

/// The figures over every commitment of the engagements `organisation` leads and has published,
/// finished ones included.
pub async fn commitment_figures(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<CommitmentFigures, sqlx::Error> {
    let mut figures = CommitmentFigures::default();
    for (status, challenges) in storage::statuses_with_challenges(ex, organisation).await? {
        match CommitmentStatus::parse(&status).unwrap_or(CommitmentStatus::Open) {
            CommitmentStatus::Open => figures.not_yet_marked += 1,
            CommitmentStatus::Kept => {
                figures.kept += 1;
                figures.contested += usize::from(challenges > 0);
            }
            CommitmentStatus::PartlyKept => figures.partly_kept += 1,
            CommitmentStatus::Broken => figures.broken += 1,
        }
    }
    Ok(figures)
}

/// An engagement's commitments as a page lists them, each marked kept with what members said
/// against it, and for a member, where to say so.
pub async fn commitment_lines(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    locale: Locale,
    rows: &[CommitmentRow],
    member: bool,
) -> Result<Vec<CommitmentLine>, sqlx::Error> {
    let today = today();
    let mut lines: Vec<CommitmentLine> = rows
        .iter()
        .map(|row| commitment_line(locale, row, today))
        .collect();
    let Some(first) = rows.first() else {
        return Ok(lines);
    };
    let mut by_commitment: HashMap<Uuid, Vec<String>> = HashMap::new();
    for challenge in storage::challenges_of(ex, first.engagement_id).await? {
        if let Ok(words) = keys.open(&challenge.sealed_words, words_field(challenge.id)) {
            by_commitment
                .entry(challenge.commitment_id)
                .or_default()
                .push(words);
        }
    }
    for (line, row) in lines.iter_mut().zip(rows) {
        if row.status() != CommitmentStatus::Kept {
            continue;
        }
        if member {
            line.contest = Some(format!(
                "/engagements/{}/commitments/{}/not-kept",
                row.engagement_id, row.id
            ));
        }
        if let Some(words) = by_commitment.remove(&row.id) {
            line.contested = Some(Contested {
                count: locale.t_args("challenge-count", &[("count", Arg::from(words.len()))]),
                words,
            });
        }
    }
    Ok(lines)
}

/// What a person said against commitments, for their data downloads: the engagement and the
/// commitment, the day, and their words.
pub fn held_for(
    state: &crate::state::AppState,
    person: Uuid,
    locale: Locale,
) -> crate::register::record::contents::Gathering<'_> {
    Box::pin(async move {
        use crate::register::record::contents::{HeldSection, Line};
        let rows = {
            let mut conn = state.db.acquire().await?;
            storage::challenges_of_person(&mut conn.ex(), person).await?
        };
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|row| Line {
                label: format!(
                    "{} – {} ({})",
                    Bilingual::new(row.title_en, row.title_cy)
                        .shown(locale)
                        .text,
                    Bilingual::new(row.statement_en, row.statement_cy)
                        .shown(locale)
                        .text,
                    super::views::format_day(row.created_at.date(), locale)
                ),
                value: state
                    .keys
                    .open(&row.sealed_words, words_field(row.id))
                    .unwrap_or_default(),
            })
            .collect();
        Ok(if lines.is_empty() {
            Vec::new()
        } else {
            vec![HeldSection {
                title: locale.t("challenge-held-title"),
                lines,
            }]
        })
    })
}
