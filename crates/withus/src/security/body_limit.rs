//! The most a request body may hold: the configured limit for every route, and a larger one only for
//! the spreadsheet upload. Bodies over the limit are refused before any handler sees them.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

use crate::register::import;
use crate::state::AppState;
use crate::web::errors::AppError;

/// The limit chosen for this request, for middleware that reads the whole body (CSRF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

pub fn limit_for(state: &AppState, request: &Request) -> usize {
    let usual = state.config.max_body_bytes;
    if import::web::is_upload(request.method(), request.uri().path()) {
        usual.max(import::UPLOAD_MAX_BYTES)
    } else {
        usual
    }
}

pub async fn enforce(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let limit = limit_for(&state, &request);
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return AppError::TooLarge.into_response();
    }
    request.extensions_mut().insert(BodyLimit(limit));
    next.run(request.map(|body| Body::new(Limited::new(body, limit))))
        .await
}
