//! The most a request body may hold: the configured limit for every route, and a larger one only for
//! a route that declares it (`Route::accepting_bodies_up_to`, e.g. the spreadsheet upload). Bodies
//! over the limit are refused before any handler sees them.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::Limited;

use crate::web::errors::AppError;

/// The limit chosen for this request, for middleware that reads the whole body (CSRF).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

/// One route's own, larger limit: its method, its path as declared, and the bytes it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LargerBody {
    pub method: &'static str,
    pub path: &'static str,
    pub bytes: usize,
}

/// The usual limit and the routes that declared a larger one.
#[derive(Debug, Clone)]
pub struct BodyLimits {
    usual: usize,
    larger: Arc<[LargerBody]>,
}

impl BodyLimits {
    pub fn new(usual: usize, larger: Vec<LargerBody>) -> BodyLimits {
        BodyLimits {
            usual,
            larger: larger.into(),
        }
    }

    /// The limit for a request to the route declared as `matched` (None: no route matched).
    pub fn for_route(&self, method: &Method, matched: Option<&str>) -> usize {
        let declared = matched.and_then(|path| {
            self.larger
                .iter()
                .find(|l| l.path == path && l.method == method.as_str())
        });
        declared.map_or(self.usual, |l| l.bytes.max(self.usual))
    }
}

pub async fn enforce(
    State(limits): State<BodyLimits>,
    mut request: Request,
    next: Next,
) -> Response {
    let matched = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned());
    let limit = limits.for_route(request.method(), matched.as_deref());
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

#[cfg(test)]
mod tests {
    use super::*;

    const UPLOAD: &str = "/organisations/{org_id}/import";

    fn limits() -> BodyLimits {
        BodyLimits::new(
            1_000,
            vec![LargerBody {
                method: "POST",
                path: UPLOAD,
                bytes: 8_000,
            }],
        )
    }

    #[test]
    fn only_the_route_that_declared_it_gets_the_larger_limit() {
        let limits = limits();
        assert_eq!(limits.for_route(&Method::POST, Some(UPLOAD)), 8_000);
        assert_eq!(limits.for_route(&Method::GET, Some(UPLOAD)), 1_000);
        assert_eq!(
            limits.for_route(
                &Method::POST,
                Some("/organisations/{org_id}/import/{batch_id}/confirm")
            ),
            1_000
        );
        assert_eq!(
            limits.for_route(&Method::POST, Some("/account/support-needs")),
            1_000
        );
        assert_eq!(limits.for_route(&Method::POST, None), 1_000);
    }

    #[test]
    fn a_declared_limit_never_lowers_the_usual_one() {
        let limits = BodyLimits::new(
            10_000,
            vec![LargerBody {
                method: "POST",
                path: UPLOAD,
                bytes: 8_000,
            }],
        );
        assert_eq!(limits.for_route(&Method::POST, Some(UPLOAD)), 10_000);
    }
}
