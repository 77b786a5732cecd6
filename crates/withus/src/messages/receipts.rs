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

pub async fn receive(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, AppError> {
    if !authorised(&state, &headers) {
        return Err(AppError::NotFound);
    }
    let form = pairs(&body);
    let id = one_of(&form, "id");
    let delivered = match one_of(&form, "status").as_str() {
        "delivered" => true,
        "failed" => false,
        _ => {
            return Ok((
                StatusCode::BAD_REQUEST,
                "status must be delivered or failed",
            )
                .into_response());
        }
    };
    let reason = one_of(&form, "reason");
    let reason = (!reason.trim().is_empty()).then_some(reason.trim());
    let mut tx = state.db.begin().await?;
    let known = crate::sms::record_receipt(&mut tx.ex(), &id, delivered, reason).await?;
    tx.commit().await?;
    Ok(if known {
        StatusCode::NO_CONTENT.into_response()
    } else {
        (StatusCode::NOT_FOUND, "no message has that id").into_response()
    })
}
