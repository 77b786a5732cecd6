//! Delivery receipts from the text message provider: the provider posts its message id and whether
//! the message was delivered (or why not), with the shared secret WITHUS_SMS_RECEIPT_TOKEN as a
//! bearer token. Without the setting, or with another token, there is no such page.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;

use crate::state::AppState;
use crate::web::AppError;
use crate::web::forms::{one_of, pairs};

fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(expected) = state.config.sms_receipt_token.as_deref() else {
        return false;
    };
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| bool::from(given.as_bytes().ct_eq(expected.as_bytes())))
}

/// The message id, status and reason: from Notify's JSON callback, or a form.
fn read(headers: &HeaderMap, body: &[u8]) -> Option<(String, String, String)> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    let (id, status, reason) = if is_json {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        (text("id"), text("status"), text("reason"))
    } else {
        let form = pairs(body);
        (
            one_of(&form, "id"),
            one_of(&form, "status"),
            one_of(&form, "reason"),
        )
    };
    (!id.is_empty() && !status.is_empty()).then_some((id, status, reason))
}

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    if !authorised(&state, &headers) {
        return Err(AppError::NotFound);
    }
    let Some((id, status, reason)) = read(&headers, &body) else {
        return Ok((StatusCode::BAD_REQUEST, "send id and status").into_response());
    };
    // Notify's statuses: delivered, or a kind of failure; anything else is still on its way.
    let delivered = match status.as_str() {
        "delivered" => true,
        "failed" | "permanent-failure" | "temporary-failure" | "technical-failure" => false,
        _ => return Ok(StatusCode::NO_CONTENT.into_response()),
    };
    let reason = match reason.trim() {
        "" if !delivered && status != "failed" => Some(status.as_str()),
        "" => None,
        given => Some(given),
    };
    let mut tx = state.db.begin().await?;
    let known = crate::sms::record_receipt(&mut tx.ex(), &id, delivered, reason).await?;
    tx.commit().await?;
    Ok(if known {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (StatusCode::NOT_FOUND, "no message has that id").into_response()
    })
}
