//! The parts of an engagement's pages that belong to closing the loop: on its public page, how
//! quickly people are answered, whether the report is out (or late), and a form to have your say;
//! on its staff page, the team's figures and links.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, NewContribution, ReceiveError};
use super::domain::{Channel, TEXT_MAX_CHARS};
use super::figures;
use super::team::{FiguresView, figures_view};
use crate::engagements::sections::{Rendering, StaffSection};
use crate::engagements::views::today;
use crate::ids::EngagementId;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::forms::{Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other;
use crate::web::{AppError, AppResult, Ids, Page, render};

#[derive(Template)]
#[template(path = "contributions/templates/engagement_public.html")]
struct PublicPart<'a> {
    page: &'a Page,
    engagement_id: Uuid,
    figures: FiguresView,
    open: bool,
    signed_in: bool,
    text: String,
    email: String,
    may_quote: bool,
    anonymous: bool,
}

fn html(part: impl Template) -> Result<String, AppError> {
    part.render()
        .map_err(|error| AppError::Unexpected(anyhow::anyhow!(error)))
}

async fn public_part<'a>(
    state: &AppState,
    page: &'a Page,
    engagement: Uuid,
    answers: &Answers,
) -> Result<PublicPart<'a>, AppError> {
    let mut conn = state.db.acquire().await?;
    let row = crate::engagements::find(&mut conn.ex(), engagement)
        .await?
        .ok_or(AppError::NotFound)?;
    let figures = figures(&mut conn.ex(), &row, today()).await?;
    Ok(PublicPart {
        page,
        engagement_id: engagement,
        figures: figures_view(page.locale(), &figures),
        open: row.ends_on >= today(),
        signed_in: page.signed_in(),
        text: answers.text.clone(),
        email: answers.email.clone(),
        may_quote: answers.may_quote,
        anonymous: answers.anonymous,
    })
}

/// For the engagement's public page.
pub fn engagement_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    engagement: Uuid,
) -> Rendering<'a> {
    Box::pin(async move { html(public_part(state, page, engagement, &Answers::default()).await?) })
}

#[derive(Template)]
#[template(path = "contributions/templates/engagement_staff.html")]
struct StaffPart<'a> {
    page: &'a Page,
    base: String,
    figures: FiguresView,
}

/// For the engagement's staff page.
pub fn staff_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    section: StaffSection,
) -> Rendering<'a> {
    Box::pin(async move {
        let mut conn = state.db.acquire().await?;
        let row = crate::engagements::find(&mut conn.ex(), section.engagement)
            .await?
            .ok_or(AppError::NotFound)?;
        let figures = figures(&mut conn.ex(), &row, today()).await?;
        html(StaffPart {
            page,
            base: super::team::base(section.org_id, section.engagement),
            figures: figures_view(page.locale(), &figures),
        })
    })
}

/// The "have your say" form as sent.
#[derive(Debug, Default, Clone)]
pub struct Answers {
    pub text: String,
    pub email: String,
    pub may_quote: bool,
    pub anonymous: bool,
}

/// Checks a comment from the engagement page: some words, not too many, and a usable email if one
/// was given (for someone not signed in).
pub fn check(answers: &Answers) -> Result<(String, Option<String>), Vec<Problem>> {
    let mut problems = Vec::new();
    let text = answers.text.trim();
    if text.is_empty() {
        problems.push(Problem::new(
            "contribution",
            "contribution-own-text-missing",
        ));
    } else if text.chars().count() > TEXT_MAX_CHARS {
        problems.push(Problem::too_long(
            "contribution",
            "contribution-text-too-long",
            TEXT_MAX_CHARS,
        ));
    }
    let email = Some(answers.email.trim().to_owned()).filter(|e| !e.is_empty());
    if let Some(email) = &email
        && crate::accounts::domain::EmailAddress::parse(email).is_err()
    {
        problems.push(Problem::new(
            "contribution-email",
            "contribution-email-invalid",
        ));
    }
    if problems.is_empty() {
        Ok((text.to_owned(), email))
    } else {
        Err(problems)
    }
}

#[derive(Template)]
#[template(path = "contributions/templates/contribute_refused.html")]
struct RefusedPage {
    page: Page,
    title: String,
    form: String,
}

pub async fn contribute(
    State(state): State<AppState>,
    Ids(engagement_id): Ids<EngagementId>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let id = engagement_id.0;
    let engagement = {
        let mut conn = state.db.acquire().await?;
        crate::engagements::find(&mut conn.ex(), id)
            .await?
            .filter(|e| e.published && e.ends_on >= today())
            .ok_or(AppError::NotFound)?
    };
    let form = pairs(&body);
    let answers = Answers {
        text: one_of(&form, "contribution"),
        email: one_of(&form, "contribution-email"),
        may_quote: one_of(&form, "may_quote") == "yes",
        anonymous: one_of(&form, "anonymous") == "yes",
    };
    // Someone signed in and on the register contributes as themselves.
    let author = match subject::own(&state, &page).await {
        Ok(subject) => Some(subject.person.id),
        Err(AppError::NotFound | AppError::Forbidden) => None,
        Err(other) => return Err(other),
    };
    let (text, email) = match check(&answers) {
        Ok(checked) => checked,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let part = html(public_part(&state, &page, id, &answers).await?)?;
            return render_invalid(RefusedPage {
                title: engagement.title().shown(page.locale()).text,
                form: part,
                page,
            });
        }
    };
    let mut tx = state.db.begin().await?;
    let received = commands::receive(
        &mut tx.ex(),
        &state,
        NewContribution {
            engagement: id,
            event: None,
            author,
            anonymous: answers.anonymous,
            channel: Channel::Comment,
            entered_by: None,
            received_by: None,
            text,
            may_quote: answers.may_quote,
            survey_response: None,
            email,
        },
    )
    .await
    .map_err(|error| match error {
        ReceiveError::Database(error) => AppError::from(error),
        _ => AppError::NotFound,
    })?;
    tx.commit().await?;
    Ok(see_other(&format!(
        "/engagements/{id}/contribute/sent?reference={}",
        received.reference
    )))
}

#[derive(Deserialize, Default)]
pub struct SentQuery {
    #[serde(default)]
    reference: String,
}

#[derive(Template)]
#[template(path = "contributions/templates/contribute_sent.html")]
struct SentPage {
    page: Page,
    engagement_id: Uuid,
    title: String,
    reference: String,
    days: u32,
}

pub async fn sent(
    State(state): State<AppState>,
    Ids(engagement_id): Ids<EngagementId>,
    Query(query): Query<SentQuery>,
    page: Page,
) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let engagement = crate::engagements::find(&mut conn.ex(), engagement_id.0)
        .await?
        .filter(|e| e.published)
        .ok_or(AppError::NotFound)?;
    let figures = figures(&mut conn.ex(), &engagement, today()).await?;
    // Only a reference's shape is shown back, never anything looked up by it.
    let reference: String = query
        .reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(20)
        .collect();
    render(SentPage {
        engagement_id: engagement.id,
        title: engagement.title().shown(page.locale()).text,
        reference,
        days: figures.acknowledge_days,
        page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_needs_words_and_a_real_email_if_any() {
        let ok = Answers {
            text: " More seats at the bus stop ".into(),
            ..Answers::default()
        };
        assert_eq!(
            check(&ok).unwrap(),
            ("More seats at the bus stop".to_owned(), None)
        );
        let refused = check(&Answers {
            email: "nope".into(),
            ..Answers::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = refused.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["contribution", "contribution-email"]);
    }
}
