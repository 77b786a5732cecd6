//! Password reset by an emailed, single-use link that expires after an hour.

use crate::web::Ids;
use crate::web::forms::{Form, Problem};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;

use super::commands::{self, ResetError};
use super::domain::{EmailAddress, check_new_password};
use crate::security::tokens;
use crate::state::AppState;
use crate::web::page::{render_invalid, render_status};
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, Page, render};

#[derive(Template)]
#[template(path = "accounts/templates/reset_request.html")]
struct RequestPage {
    page: Page,
    email: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/reset_sent.html")]
struct SentPage {
    page: Page,
    email: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/reset_choose.html")]
struct ChoosePage {
    page: Page,
    token: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/link_expired.html")]
struct ExpiredPage {
    page: Page,
}

pub async fn request_form(page: Page) -> AppResult {
    render(RequestPage {
        page,
        email: String::new(),
    })
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    email: String,
}

/// The address a reset link is asked for.
fn check_request(form: &RequestForm) -> Result<EmailAddress, Vec<Problem>> {
    EmailAddress::parse(&form.email)
        .map_err(|problem| vec![Problem::new("email", problem.message_key())])
}

pub async fn request_submit(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<RequestForm>,
) -> AppResult {
    let email = match check_request(&form) {
        Ok(email) => email,
        Err(problems) => {
            return render_invalid(RequestPage {
                page: page.with_problems(&problems),
                email: form.email,
            });
        }
    };
    let mut tx = state.db.begin().await?;
    // The same answer whether or not the account exists, so the form cannot be used to find out.
    let link = |secret: &str| state.link(&format!("/password-reset/{secret}"));
    commands::request_reset(
        &mut tx.ex(),
        email.as_str(),
        commands::ResetLink {
            link: &link,
            service_name: &state.config.service_name,
            door: state.door(),
        },
    )
    .await?;
    tx.commit().await?;
    state.mail_wake.notify_one();
    render(SentPage {
        page,
        email: email.as_str().to_owned(),
    })
}

async fn token_is_live(state: &AppState, token: &str) -> Result<bool, sqlx::Error> {
    if !tokens::looks_valid(token) {
        return Ok(false);
    }
    let mut conn = state.db.acquire().await?;
    commands::reset_is_live(&mut conn.ex(), &tokens::hash(token)).await
}

pub async fn choose_form(
    State(state): State<AppState>,
    page: Page,
    Ids(token): Ids<String>,
) -> AppResult {
    if !token_is_live(&state, &token).await? {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    }
    render(ChoosePage { page, token })
}

#[derive(Deserialize)]
pub struct ChooseForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn choose_submit(
    State(state): State<AppState>,
    page: Page,
    Ids(token): Ids<String>,
    Form(form): Form<ChooseForm>,
) -> AppResult {
    if !token_is_live(&state, &token).await? {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    }
    let password = match check_new_password(&form.password, &form.confirm_password) {
        Ok(password) => password,
        Err(problems) => {
            return render_invalid(ChoosePage {
                page: page.with_problems(&problems),
                token,
            });
        }
    };
    let hash = tokio::task::spawn_blocking(move || password.hash())
        .await
        .map_err(anyhow::Error::from)?;
    let token_hash = tokens::hash(&token);
    let mut tx = state.db.begin().await?;
    match commands::reset_password(&mut tx.ex(), &token_hash, &hash).await {
        Ok(_) => {}
        Err(ResetError::Expired) => return render_status(StatusCode::GONE, ExpiredPage { page }),
        Err(ResetError::Database(e)) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/sign-in",
        "flash-password-changed",
    ))
}
