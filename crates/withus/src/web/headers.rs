//! Security headers on every response: a strict Content-Security-Policy (no inline script except the
//! one line GOV.UK Frontend needs, allowed by its hash), no framing, no sniffing, no referrer leaks.

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Marks the page as JavaScript-capable before first paint so components don't jump about.
pub const GOVUK_INLINE_SCRIPT: &str = "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

pub fn content_security_policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(GOVUK_INLINE_SCRIPT.as_bytes()));
    format!(
        "default-src 'self'; script-src 'self' 'sha256-{hash}'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
         object-src 'none'"
    )
}

pub async fn apply(request: Request, next: Next) -> Response {
    let is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &content_security_policy());
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "same-origin");
    set(
        header::STRICT_TRANSPORT_SECURITY,
        "max-age=31536000; includeSubDomains",
    );
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if !is_asset {
        // Pages can hold personal data: never keep them in shared or back-button caches.
        set(header::CACHE_CONTROL, "no-store");
    }
    response
}
