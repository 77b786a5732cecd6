//! Small response helpers: Post/Redirect/Get with an optional one-off message.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// 303 See Other, so the browser follows with a GET and a refresh does not resubmit.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

pub fn add_cookie(response: &mut Response, cookie: String) {
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Redirects and shows the message `flash_key` once on the next page.
pub fn see_other_with_flash(state: &AppState, location: &str, flash_key: &str) -> Response {
    let mut response = see_other(location);
    let names = super::cookies::CookieNames::of(state);
    add_cookie(
        &mut response,
        names.set(names.flash(), flash_key, Some(300)),
    );
    response
}
