//! Health and metrics endpoints for operators.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// 200 once the database answers and every migration is applied; 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> Response {
    match state.db.is_migrated().await {
        Ok(true) => (StatusCode::OK, "ok\n").into_response(),
        Ok(false) => (StatusCode::SERVICE_UNAVAILABLE, "database not migrated\n").into_response(),
        Err(error) => {
            tracing::warn!(%error, "health check could not reach the database");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n").into_response()
        }
    }
}

/// Prometheus text exposition.
pub async fn metrics(State(state): State<AppState>) -> Response {
    let body = state
        .metrics
        .as_ref()
        .map(|h| h.render())
        .unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

/// Counts requests and their latency by matched route (never by raw path, which would explode the
/// label set and could carry tokens).
pub async fn track(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let method = request.method().to_string();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("withus_http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status).increment(1);
    metrics::histogram!("withus_http_request_duration_seconds", "method" => method, "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}
