//! Errors a request can end in. A handler returns an [`AppError`]; it becomes a bare response tagged
//! with its [`ErrorPage`], and the context middleware, which knows the person's language and session,
//! renders the full page. Causes are logged, never shown: no stack traces or SQL reach a browser.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// Which error page to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    NotFound,
    Forbidden,
    CsrfRejected,
    TooLarge,
    /// A form the app cannot accept as sent (see [`InputProblem`] for which field and why).
    BadInput,
    /// A body that is not a form at all.
    NotAForm,
    MethodNotAllowed,
    Unavailable,
    Unexpected,
}

impl ErrorPage {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorPage::NotFound => StatusCode::NOT_FOUND,
            ErrorPage::Forbidden | ErrorPage::CsrfRejected => StatusCode::FORBIDDEN,
            ErrorPage::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorPage::BadInput => StatusCode::BAD_REQUEST,
            ErrorPage::NotAForm => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorPage::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorPage::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorPage::Unexpected => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Error pages for responses produced outside handlers (router fallback, body limit).
    pub fn for_status(status: StatusCode) -> Option<ErrorPage> {
        match status {
            StatusCode::NOT_FOUND => Some(ErrorPage::NotFound),
            StatusCode::PAYLOAD_TOO_LARGE => Some(ErrorPage::TooLarge),
            StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => Some(ErrorPage::BadInput),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Some(ErrorPage::NotAForm),
            StatusCode::METHOD_NOT_ALLOWED => Some(ErrorPage::MethodNotAllowed),
            _ => None,
        }
    }

    pub fn title_key(self) -> &'static str {
        match self {
            ErrorPage::NotFound => "error-not-found-title",
            ErrorPage::Forbidden => "error-forbidden-title",
            ErrorPage::CsrfRejected => "error-csrf-title",
            ErrorPage::TooLarge => "error-too-large-title",
            ErrorPage::BadInput => "error-bad-input-title",
            ErrorPage::NotAForm => "error-not-a-form-title",
            ErrorPage::MethodNotAllowed => "error-method-title",
            ErrorPage::Unavailable => "error-unavailable-title",
            ErrorPage::Unexpected => "error-unexpected-title",
        }
    }

    pub fn body_key(self) -> &'static str {
        match self {
            ErrorPage::NotFound => "error-not-found-body",
            ErrorPage::Forbidden => "error-forbidden-body",
            ErrorPage::CsrfRejected => "error-csrf-body",
            ErrorPage::TooLarge => "error-too-large-body",
            ErrorPage::BadInput => "error-bad-input-body",
            ErrorPage::NotAForm => "error-not-a-form-body",
            ErrorPage::MethodNotAllowed => "error-method-body",
            ErrorPage::Unavailable => "error-unavailable-body",
            ErrorPage::Unexpected => "error-unexpected-body",
        }
    }
}

/// What was wrong with a request's input, shown on the error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
    /// The body is not a form (JSON, XML, plain text…).
    NotAForm,
    /// A name or value is not valid UTF-8 text.
    NotText { field: String },
    /// A value holds a control character such as a NUL byte.
    ControlCharacter { field: String },
    /// A value is longer than `max` characters.
    TooLong { field: String, max: usize },
    /// A field that takes one answer was sent more than once.
    Repeated { field: String },
    /// A field's value is not one the form offers (an unknown choice, a number out of range).
    NotRecognised { field: String },
    /// A field the form always sends is missing.
    Missing { field: String },
}

impl InputProblem {
    /// The field named in the problem, as people read it ("advocate name", not "advocate_name").
    pub fn field_label(&self) -> Option<String> {
        match self {
            InputProblem::NotAForm => None,
            InputProblem::NotText { field }
            | InputProblem::ControlCharacter { field }
            | InputProblem::TooLong { field, .. }
            | InputProblem::Repeated { field }
            | InputProblem::NotRecognised { field }
            | InputProblem::Missing { field } => Some(field.replace(['_', '-'], " ")),
        }
    }

    /// The message key that explains the problem and its fix.
    pub fn message_key(&self) -> &'static str {
        match self {
            InputProblem::NotAForm => "input-error-not-a-form",
            InputProblem::NotText { .. } => "input-error-not-text",
            InputProblem::ControlCharacter { .. } => "input-error-control-character",
            InputProblem::TooLong { .. } => "input-error-too-long",
            InputProblem::Repeated { .. } => "input-error-repeated",
            InputProblem::NotRecognised { .. } => "input-error-not-recognised",
            InputProblem::Missing { .. } => "input-error-missing",
        }
    }

    pub fn max(&self) -> Option<usize> {
        match self {
            InputProblem::TooLong { max, .. } => Some(*max),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    /// Not signed in: go to the sign-in page and come back here afterwards.
    #[error("sign in required")]
    SignInRequired { return_to: String },
    #[error("cross-site request rejected")]
    Csrf,
    #[error("request body too large")]
    TooLarge,
    #[error("input refused: {0:?}")]
    BadInput(InputProblem),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error(transparent)]
    Unexpected(#[from] anyhow::Error),
}

pub type AppResult<T = Response> = Result<T, AppError>;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let page = match &self {
            AppError::NotFound => ErrorPage::NotFound,
            AppError::Forbidden => ErrorPage::Forbidden,
            AppError::Csrf => ErrorPage::CsrfRejected,
            AppError::TooLarge => ErrorPage::TooLarge,
            AppError::BadInput(problem) => {
                let page = if *problem == InputProblem::NotAForm {
                    ErrorPage::NotAForm
                } else {
                    ErrorPage::BadInput
                };
                let mut response = page.status().into_response();
                response.extensions_mut().insert(page);
                response.extensions_mut().insert(problem.clone());
                return response;
            }
            AppError::SignInRequired { return_to } => {
                let target = format!("/sign-in?return_to={}", urlencode(return_to));
                return axum::response::Redirect::to(&target).into_response();
            }
            AppError::Database(sqlx::Error::PoolTimedOut) => {
                tracing::error!(error = %self, "database pool exhausted");
                ErrorPage::Unavailable
            }
            AppError::Database(_) | AppError::Template(_) | AppError::Unexpected(_) => {
                tracing::error!(error = ?self, "request failed");
                ErrorPage::Unexpected
            }
        };
        let mut response = page.status().into_response();
        response.extensions_mut().insert(page);
        response
    }
}

pub fn urlencode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// A path we may redirect to after sign-in: same-site and relative only.
pub fn safe_return_path(candidate: Option<&str>) -> String {
    match candidate {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.starts_with("/sign-") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_return_path(Some("/account")), "/account");
        assert_eq!(safe_return_path(Some("//evil.example")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(Some("/sign-out")), "/");
        assert_eq!(safe_return_path(None), "/");
    }
}
