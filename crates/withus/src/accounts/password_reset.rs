//! Password reset by an emailed, single-use link that expires after an hour.

use crate::web::forms::Form;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

use super::domain::EmailAddress;
use super::storage;
use crate::audit::{self, Entry};
use crate::i18n::Locale;
use crate::notices::{self, Recipient, messages};
use crate::security::passwords::NewPassword;
use crate::security::tokens;
use crate::state::AppState;
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, FormErrors, Page, render};

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

pub async fn request_submit(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<RequestForm>,
) -> AppResult {
    let email = match EmailAddress::parse(&form.email) {
        Ok(email) => email,
        Err(problem) => {
            let mut errors = FormErrors::default();
            errors.add("email", page.t(problem.message_key()));
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                RequestPage {
                    page: page.with_errors(errors),
                    email: form.email,
                },
            );
        }
    };
    let mut tx = state.db.begin().await?;
    // The same answer whether or not the account exists, so the form cannot be used to find out.
    if let Some(account) = storage::find_by_email(&mut tx.ex(), email.as_str()).await? {
        let token = tokens::issue();
        storage::create_reset(&mut tx.ex(), &token.hash, account.id).await?;
        let locale = Locale::parse(&account.language).unwrap_or_default();
        let link = state.link(&format!("/password-reset/{}", token.secret));
        let notice = messages::password_reset(&link, &state.config.service_name);
        let to = Recipient::plain(&account.email, locale);
        notices::send(&mut tx.ex(), &to, notice).await?;
        audit::record(
            &mut tx.ex(),
            Entry::new("password_reset.requested", "account", account.id),
        )
        .await?;
    }
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
    Ok(storage::find_reset(&mut conn.ex(), &tokens::hash(token))
        .await?
        .is_some())
}

pub async fn choose_form(
    State(state): State<AppState>,
    page: Page,
    Path(token): Path<String>,
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
    Path(token): Path<String>,
    Form(form): Form<ChooseForm>,
) -> AppResult {
    if !token_is_live(&state, &token).await? {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    }
    let mut errors = FormErrors::default();
    let password = match NewPassword::parse(&form.password) {
        Ok(password) => Some(password),
        Err(problem) => {
            errors.add("password", page.t(problem.message_key()));
            None
        }
    };
    if form.confirm_password != form.password {
        errors.add("confirm_password", page.t("password-error-mismatch"));
    }
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ChoosePage {
                page: page.with_errors(errors),
                token,
            },
        );
    };
    let hash = tokio::task::spawn_blocking(move || password.hash())
        .await
        .map_err(anyhow::Error::from)?;
    let token_hash = tokens::hash(&token);
    let mut tx = state.db.begin().await?;
    let Some(account) = storage::find_reset(&mut tx.ex(), &token_hash).await? else {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    };
    if !storage::use_reset(&mut tx.ex(), &token_hash).await? {
        return render_status(StatusCode::GONE, ExpiredPage { page });
    }
    storage::set_password(&mut tx.ex(), account, &hash).await?;
    // Whoever knew the old password is signed out everywhere.
    storage::delete_sessions_for(&mut tx.ex(), account).await?;
    audit::record(
        &mut tx.ex(),
        Entry::new("password_reset.completed", "account", account).by(Some(account)),
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/sign-in",
        "flash-password-changed",
    ))
}
