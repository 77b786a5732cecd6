//! Cross-site request forgery protection for every state-changing request.
//!
//! Two checks, both needed: a browser-sent `Origin` (when present) must be this site, and the request
//! must carry the per-browser token from the `__Host-` CSRF cookie, either as the `csrf_token` form
//! field (of an ordinary form or a file upload form) or the `X-CSRF-Token` header. The cookie cannot be set by another site, so a forged form
//! cannot know it.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use super::body_limit::BodyLimit;
use crate::state::AppState;
use crate::web::context::RequestContext;
use crate::web::errors::AppError;

/// Posts that come from outside any page of ours and prove themselves instead: RFC 8058 one-click
/// unsubscribes (a keyed token in the path, checked by the handler) and the text message
/// provider's delivery receipts (its bearer token). Their bodies are still limited and guarded.
pub fn carries_its_own_proof(path: &str) -> bool {
    path.starts_with("/unsubscribe/") || path == "/sms/receipts"
}

pub const FIELD: &str = "csrf_token";
pub const HEADER: &str = "x-csrf-token";

/// The most this request's body may hold: its route's larger limit, or the usual one.
fn body_limit(state: &AppState, request: &Request) -> usize {
    request
        .extensions()
        .get::<BodyLimit>()
        .map(|l| l.0)
        .unwrap_or(state.config.max_body_bytes)
}

pub async fn verify(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let limit = body_limit(&state, &request);
    if carries_its_own_proof(request.uri().path()) {
        let (parts, body) = request.into_parts();
        return match to_bytes(body, limit).await {
            Ok(bytes) => {
                next.run(Request::from_parts(parts, Body::from(bytes)))
                    .await
            }
            Err(_) => AppError::TooLarge.into_response(),
        };
    }
    let Some(context) = request.extensions().get::<RequestContext>().cloned() else {
        return AppError::Csrf.into_response();
    };
    if !origin_is_same_site(&request) {
        tracing::warn!(path = %context.path, "rejected a cross-origin form post");
        return AppError::Csrf.into_response();
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, limit).await {
        Ok(bytes) => bytes,
        Err(_) => return AppError::TooLarge.into_response(),
    };
    let mut presented = parts
        .headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| form_field(&parts.headers, &bytes));
    if presented.is_none() {
        presented = multipart_field(&parts.headers, &bytes).await;
    }
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

/// How far into a file upload's body the token is looked for.
const MULTIPART_TOKEN_WITHIN: usize = 64 * 1024;

/// The token from a `multipart/form-data` form (a file upload): the first plain field named
/// `csrf_token`, within the body's first [`MULTIPART_TOKEN_WITHIN`] bytes. A file part with that
/// name does not count.
async fn multipart_field(headers: &axum::http::HeaderMap, body: &Bytes) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?;
    if !content_type
        .to_str()
        .is_ok_and(|v| v.starts_with("multipart/form-data"))
    {
        return None;
    }
    // The token comes first in every form, so its start is enough; parsing only that keeps a large
    // upload within the parser's own default limit.
    let start = body.slice(..body.len().min(MULTIPART_TOKEN_WITHIN));
    let request = Request::builder()
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(start))
        .ok()?;
    let mut multipart = Multipart::from_request(request, &()).await.ok()?;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some(FIELD) && field.file_name().is_none() {
            return field.text().await.ok();
        }
    }
    None
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
