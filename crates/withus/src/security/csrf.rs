//! Cross-site request forgery protection for every state-changing request.
//!
//! Two checks, both needed: a browser-sent `Origin` (when present) must be this site, and the request
//! must carry the per-browser token from the `__Host-` CSRF cookie, either as the `csrf_token` form
//! field or the `X-CSRF-Token` header. The cookie cannot be set by another site, so a forged form
//! cannot know it.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::errors::AppError;

pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

pub async fn verify(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let Some(context) = request.extensions().get::<RequestContext>().cloned() else {
        return AppError::Csrf.into_response();
    };
    if !origin_is_same_site(&request) {
        tracing::warn!(path = %context.path, "rejected a cross-origin form post");
        return AppError::Csrf.into_response();
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, state.config.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(_) => return AppError::TooLarge.into_response(),
    };
    let presented = parts
        .headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| form_field(&parts.headers, &bytes));
    let valid = context.csrf_from_cookie
        && presented
            .is_some_and(|token| bool::from(token.as_bytes().ct_eq(context.csrf_token.as_bytes())));
    if !valid {
        tracing::warn!(path = %context.path, "rejected a form post without a valid CSRF token");
        return AppError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn form_field(headers: &axum::http::HeaderMap, body: &[u8]) -> Option<String> {
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return None;
    }
    url::form_urlencoded::parse(body)
        .find(|(key, _)| key == FIELD)
        .map(|(_, value)| value.into_owned())
}

/// Browsers send `Origin` on cross-site posts; when they do, its host must be ours.
fn origin_is_same_site(request: &Request) -> bool {
    let Some(origin) = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
    else {
        return true;
    };
    let Some(host) = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest)
        .unwrap_or(origin);
    origin_host.eq_ignore_ascii_case(host)
}
