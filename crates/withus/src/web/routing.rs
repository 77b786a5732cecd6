//! One route: its method, path, the one access rule that guards it, and its handler. Capabilities
//! list theirs in `routes()`; the wiring layer (`crate::routes`) gathers them into the router and
//! the catalogue the authorisation test walks.

use axum::http::Method;
use axum::routing::MethodRouter;

use crate::state::AppState;
use crate::web::Access;

/// One route as the authorisation test sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

pub(crate) struct Route {
    pub(crate) spec: RouteSpec,
    pub(crate) handler: MethodRouter<AppState>,
    /// A body limit above the usual one, for the few routes that take files.
    pub(crate) larger_body: Option<usize>,
}

impl Route {
    /// Lets this route take bodies up to `bytes` (the usual limit still applies if it is higher).
    pub(crate) fn accepting_bodies_up_to(mut self, bytes: usize) -> Route {
        self.larger_body = Some(bytes);
        self
    }
}

pub(crate) fn route(
    method: Method,
    path: &'static str,
    access: Access,
    handler: MethodRouter<AppState>,
) -> Route {
    let method = if method == Method::GET { "GET" } else { "POST" };
    Route {
        spec: RouteSpec {
            method,
            path,
            access,
        },
        handler,
        larger_body: None,
    }
}
