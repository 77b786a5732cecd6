//! Per-request context: who is signed in, their language, the CSRF token and any one-off message.
//! Loaded once by [`load`] and read by handlers through [`super::Page`].

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use time::Duration;
use uuid::Uuid;

use super::cookies;
use super::errors::{ErrorPage, InputProblem};
use crate::i18n::Locale;
use crate::identity;
use crate::security::tokens;
use crate::state::AppState;

/// The one-off message explaining an idle sign-out; shown on the sign-in page, not as a banner.
pub const SESSION_ENDED_FLASH: &str = "sign-in-session-ended";

pub use crate::identity::{CurrentUser, Membership};

#[derive(Debug, Clone)]
pub struct RequestContext {
    pub user: Option<CurrentUser>,
    pub session_hash: Option<Vec<u8>>,
    pub csrf_token: String,
    /// False when the token was minted for this request: a form post cannot match it.
    pub csrf_from_cookie: bool,
    pub locale: Locale,
    /// Path and query, for the language toggle and sign-in return.
    pub path: String,
    /// Message key of a one-off notification set by the previous response.
    pub flash: Option<String>,
    /// The session cookie was present but the session had ended.
    pub session_ended: bool,
}

impl RequestContext {
    pub fn actor(&self) -> Option<Uuid> {
        self.user.as_ref().map(|u| u.id)
    }
}

/// Loads the context, runs the request, then renders error pages and sets cookies.
pub async fn load(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let names = cookies::CookieNames::of(&state);
    let headers = request.headers().clone();
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());

    let mut user = None;
    let mut session_hash = None;
    let mut session_ended = false;
    if let Some(secret) = cookies::read(&headers, names.session()) {
        match load_user(&state, &secret).await {
            Ok(Some((found, hash))) => {
                user = Some(found);
                session_hash = Some(hash);
            }
            Ok(None) => session_ended = true,
            Err(error) => {
                tracing::error!(%error, "could not load the session");
                return ErrorPage::Unavailable.status().into_response();
            }
        }
    }

    let existing_csrf = cookies::read(&headers, names.csrf()).filter(|t| tokens::looks_valid(t));
    let csrf_from_cookie = existing_csrf.is_some();
    let csrf_token = existing_csrf.unwrap_or_else(|| tokens::issue().secret);

    let locale = cookies::read(&headers, names.language())
        .and_then(|code| Locale::parse(&code))
        .or_else(|| user_language(user.as_ref()))
        .unwrap_or_else(|| from_accept_language(&headers));

    let flash = cookies::read(&headers, names.flash()).filter(|k| {
        !k.is_empty() && k.len() < 64 && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    });

    let context = RequestContext {
        user,
        session_hash,
        csrf_token: csrf_token.clone(),
        csrf_from_cookie,
        locale,
        path,
        flash: flash.clone(),
        session_ended,
    };
    request.extensions_mut().insert(context.clone());

    let mut response = next.run(request).await;

    let error_page = response
        .extensions()
        .get::<ErrorPage>()
        .copied()
        .or_else(|| {
            let is_html = response
                .headers()
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/html"));
            if is_html {
                None
            } else {
                ErrorPage::for_status(response.status())
            }
        });
    if let Some(page) = error_page {
        let cookies_set: Vec<HeaderValue> = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .cloned()
            .collect();
        let problem = response.extensions().get::<InputProblem>().cloned();
        response = super::page::render_error_page(&state, &context, page, problem.as_ref());
        for cookie in cookies_set {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }

    let set = |response: &mut Response, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    };
    if !csrf_from_cookie {
        set(&mut response, names.set(names.csrf(), &csrf_token, None));
    }
    let sets = |response: &Response, name: &str| {
        response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.as_bytes().starts_with(name.as_bytes()))
    };
    if session_ended && !sets(&response, names.session()) {
        set(&mut response, names.clear(names.session()));
        // Tell the person on the next page (the sign-in page) why they were signed out.
        if !sets(&response, names.flash()) {
            set(
                &mut response,
                names.set(names.flash(), SESSION_ENDED_FLASH, Some(300)),
            );
        }
    } else if flash.is_some() && !sets(&response, names.flash()) {
        // A flash is shown once: clear it unless this response set a new one.
        set(&mut response, names.clear(names.flash()));
    }
    response
}

fn user_language(user: Option<&CurrentUser>) -> Option<Locale> {
    user.and_then(|u| Locale::parse(&u.language))
}

async fn load_user(
    state: &AppState,
    secret: &str,
) -> Result<Option<(CurrentUser, Vec<u8>)>, sqlx::Error> {
    if !tokens::looks_valid(secret) {
        return Ok(None);
    }
    let hash = tokens::hash(secret);
    let idle = Duration::try_from(state.config.session_idle).unwrap_or(Duration::minutes(30));
    let mut conn = state.db.acquire().await?;
    let Some(user) = identity::signed_in(&mut conn.ex(), &hash, idle).await? else {
        return Ok(None);
    };
    Ok(Some((user, hash)))
}

fn from_accept_language(headers: &axum::http::HeaderMap) -> Locale {
    let first = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    match first.as_deref() {
        Some(code) if code == "cy" || code.starts_with("cy-") => Locale::Cy,
        _ => Locale::En,
    }
}
