//! Signing in and out, and keeping a session alive.

use crate::web::forms::{Form, Problem};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::Duration;

use super::commands;
use super::domain::EmailProblem;
use crate::i18n::Locale;
use crate::ids::known;
use crate::security::{passwords, tokens};
use crate::state::AppState;
use crate::web::client::ClientAddr;
use crate::web::cookies::CookieNames;
use crate::web::errors::safe_return_path;
use crate::web::page::render_status;
use crate::web::respond::{add_cookie, see_other, see_other_with_flash};
use crate::web::{AppResult, Page, render};

/// Failed attempts allowed per email address, and per network address, in the window.
const MAX_FAILURES_PER_EMAIL: i64 = 5;
const MAX_FAILURES_PER_CLIENT: i64 = 50;
const FAILURE_WINDOW: Duration = Duration::minutes(15);

#[derive(Template)]
#[template(path = "accounts/templates/sign_in.html")]
struct SignInPage {
    page: Page,
    email: String,
    return_to: String,
}

#[derive(Deserialize, Default)]
pub struct SignInQuery {
    return_to: Option<String>,
}

pub async fn form(page: Page, Query(query): Query<SignInQuery>) -> AppResult {
    if page.signed_in() {
        return Ok(see_other(&safe_return_path(query.return_to.as_deref())));
    }
    let return_to = safe_return_path(query.return_to.as_deref());
    render(SignInPage {
        page,
        email: String::new(),
        return_to,
    })
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    return_to: Option<String>,
}

/// The address to look up, lower-cased, once both answers are given.
fn check(form: &SignInForm) -> Result<String, Vec<Problem>> {
    let email = form.email.trim().to_lowercase();
    let mut problems = Vec::new();
    if email.is_empty() {
        problems.push(Problem::new("email", "sign-in-error-email-empty"));
    } else if email.chars().count() > super::domain::EMAIL_MAX_CHARS {
        // No account can have such an address; refuse before it reaches the failures table.
        problems.push(Problem::new("email", EmailProblem::TooLong.message_key()));
    }
    if form.password.is_empty() {
        problems.push(Problem::new("password", "sign-in-error-password-empty"));
    }
    if problems.is_empty() {
        Ok(email)
    } else {
        Err(problems)
    }
}

pub async fn submit(
    State(state): State<AppState>,
    page: Page,
    client: ClientAddr,
    Form(form): Form<SignInForm>,
) -> AppResult {
    let return_to = safe_return_path(form.return_to.as_deref());
    let checked = check(&form);
    let again = |page: Page, problems: &[Problem], status: StatusCode| {
        render_status(
            status,
            SignInPage {
                page: page.with_problems(problems),
                email: form.email.clone(),
                return_to: return_to.clone(),
            },
        )
    };
    let email = match checked {
        Ok(email) => email,
        Err(problems) => return again(page, &problems, StatusCode::UNPROCESSABLE_ENTITY),
    };
    // Throttling and a wrong password are not answers to fix but what the lookup found.

    let client = client.0;
    let mut conn = state.db.acquire().await?;
    let since = crate::db::now() - FAILURE_WINDOW;
    let (by_email, by_client) =
        commands::recent_failures(&mut conn.ex(), &email, &client, since).await?;
    if by_email >= MAX_FAILURES_PER_EMAIL || by_client >= MAX_FAILURES_PER_CLIENT {
        let throttled = Problem::new("email", "sign-in-error-throttled");
        return again(page, &[throttled], StatusCode::TOO_MANY_REQUESTS);
    }
    let account = commands::find_by_email(&mut conn.ex(), &email).await?;
    drop(conn);
    let password = form.password.clone();
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    // Argon2 takes tens of milliseconds of CPU: keep it off the async workers.
    let verified =
        tokio::task::spawn_blocking(move || passwords::verify(&password, stored.as_deref()))
            .await
            .map_err(anyhow::Error::from)?;
    let Some(account) = account.filter(|_| verified) else {
        let mut tx = state.db.begin().await?;
        commands::record_failed_sign_in(&mut tx.ex(), &email, &client).await?;
        tx.commit().await?;
        tracing::info!(%client, "failed sign-in");
        let wrong = Problem::new("email", "sign-in-error-wrong");
        return again(page, &[wrong], StatusCode::UNPROCESSABLE_ENTITY);
    };

    // A new session id at every sign-in, so a session id planted before sign-in is worthless.
    let token = tokens::issue();
    let mut tx = state.db.begin().await?;
    commands::start_session(
        &mut tx.ex(),
        &account,
        page.ctx.session_hash.as_deref(),
        &token.hash,
    )
    .await?;
    tx.commit().await?;

    let names = CookieNames::of(&state);
    let mut response = signed_in_response(&state, &token.secret, &return_to);
    // The account's remembered language applies from the first page after signing in.
    let language = known(
        Locale::parse(&account.language),
        "language",
        &account.language,
    )?;
    add_cookie(
        &mut response,
        names.set(names.language(), language.code(), Some(60 * 60 * 24 * 365)),
    );
    Ok(response)
}

pub async fn sign_out(State(state): State<AppState>, page: Page) -> AppResult {
    if let Some(hash) = &page.ctx.session_hash {
        let mut tx = state.db.begin().await?;
        commands::end_session(&mut tx.ex(), page.ctx.actor(), hash).await?;
        tx.commit().await?;
    }
    let names = CookieNames::of(&state);
    let mut response = see_other_with_flash(&state, "/", "flash-signed-out");
    add_cookie(&mut response, names.clear(names.session()));
    Ok(response)
}

#[derive(Deserialize)]
pub struct KeepAliveForm {
    return_to: Option<String>,
}

/// "Stay signed in": the session was touched on the way in; scripts get 204, forms go back.
pub async fn keep_alive(
    State(state): State<AppState>,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<KeepAliveForm>,
) -> AppResult {
    if let Some(hash) = &page.ctx.session_hash {
        let mut conn = state.db.acquire().await?;
        crate::identity::keep_alive(&mut conn.ex(), hash).await?;
    }
    if headers.contains_key(crate::web::csrf::HEADER) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    Ok(see_other(&safe_return_path(form.return_to.as_deref())))
}

pub fn signed_in_response(state: &AppState, secret: &str, location: &str) -> Response {
    let names = CookieNames::of(state);
    let mut response = see_other(location);
    add_cookie(&mut response, names.set(names.session(), secret, None));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(email: &str, password: &str) -> SignInForm {
        SignInForm {
            email: email.into(),
            password: password.into(),
            return_to: None,
        }
    }

    #[test]
    fn both_answers_are_needed_and_the_address_is_looked_up_lower_cased() {
        assert_eq!(
            check(&answers(" Maya@Example.org ", "secret")).unwrap(),
            "maya@example.org"
        );
        let keys: Vec<_> = check(&answers("", ""))
            .unwrap_err()
            .iter()
            .map(|p| (p.field.clone(), p.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("email".to_owned(), "sign-in-error-email-empty"),
                ("password".to_owned(), "sign-in-error-password-empty"),
            ]
        );
        let long = format!(
            "{}@example.org",
            "a".repeat(super::super::domain::EMAIL_MAX_CHARS)
        );
        assert_eq!(
            check(&answers(&long, "secret")).unwrap_err()[0].key,
            EmailProblem::TooLong.message_key()
        );
    }
}
