//! Reading ids out of a request's path. [`Ids`] works like axum's `Path`, but a value that is not a
//! well-formed id (or any other path value that does not parse) answers the app's "page not found",
//! as a link to something that does not exist would.
//!
//! ```ignore
//! pub async fn show(Ids((org_id, panel_id)): Ids<(OrganisationId, PanelId)>) -> AppResult { … }
//! ```

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use super::errors::AppError;

/// The path's values, parsed; a malformed one is "not found".
#[derive(Debug, Clone, Copy)]
pub struct Ids<T>(pub T);

impl<T, S> FromRequestParts<S> for Ids<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Ids(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}
