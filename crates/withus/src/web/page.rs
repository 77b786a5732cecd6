//! What every page template gets: language, the person, navigation, CSRF token, errors and messages.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};

use super::context::{RequestContext, SESSION_ENDED_FLASH};
use super::errors::{AppError, AppResult, ErrorPage, InputProblem, urlencode};
use super::forms::FormErrors;
use crate::i18n::{Arg, Locale};
use crate::state::AppState;

pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct Page {
    pub ctx: RequestContext,
    pub service_name: String,
    pub demo: bool,
    pub session_timeout_seconds: u64,
    pub errors: FormErrors,
}

/// Seconds before the idle timeout at which the warning appears.
pub const SESSION_WARNING_SECONDS: u64 = 120;

impl Page {
    pub fn new(state: &AppState, ctx: RequestContext) -> Page {
        Page {
            ctx,
            service_name: state.config.service_name.clone(),
            demo: state.config.demo,
            session_timeout_seconds: state.config.session_idle.as_secs(),
            errors: FormErrors::default(),
        }
    }

    pub fn with_errors(mut self, errors: FormErrors) -> Page {
        self.errors = errors;
        self
    }

    /// The page showing what a form's `check()` found, in the reader's language.
    pub fn with_problems(self, problems: &[crate::web::forms::Problem]) -> Page {
        let errors = FormErrors::from_problems(self.locale(), problems);
        self.with_errors(errors)
    }

    pub fn locale(&self) -> Locale {
        self.ctx.locale
    }

    pub fn t(&self, key: &str) -> String {
        self.ctx.locale.t(key)
    }

    pub fn t_args(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        self.ctx.locale.t_args(key, args)
    }

    pub fn lang(&self) -> &'static str {
        self.ctx.locale.code()
    }

    pub fn other_lang(&self) -> &'static str {
        self.ctx.locale.other().code()
    }

    pub fn other_lang_name(&self) -> &'static str {
        self.ctx.locale.other().endonym()
    }

    pub fn lang_name(&self) -> &'static str {
        self.ctx.locale.endonym()
    }

    /// The toggle link: switch language and come straight back to this page.
    pub fn language_href(&self) -> String {
        format!(
            "/language?to={}&return={}",
            self.other_lang(),
            urlencode(&self.ctx.path)
        )
    }

    pub fn csrf_token(&self) -> &str {
        &self.ctx.csrf_token
    }

    pub fn signed_in(&self) -> bool {
        self.ctx.user.is_some()
    }

    pub fn user_name(&self) -> &str {
        self.ctx
            .user
            .as_ref()
            .map(|u| u.display_name.as_str())
            .unwrap_or("")
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }

    pub fn flash(&self) -> Option<String> {
        self.ctx
            .flash
            .as_deref()
            .filter(|key| *key != SESSION_ENDED_FLASH)
            .map(|key| self.t(key))
    }

    /// A flash that warns rather than confirms ("we could not keep your answers"): its key starts
    /// with `notice-`, and it shows as an "Important" banner, not a green "Success" one.
    pub fn flash_is_important(&self) -> bool {
        self.ctx
            .flash
            .as_deref()
            .is_some_and(|key| key.starts_with("notice-"))
    }

    pub fn session_ended(&self) -> bool {
        self.ctx.user.is_none()
            && (self.ctx.session_ended || self.ctx.flash.as_deref() == Some(SESSION_ENDED_FLASH))
    }

    fn current_path(&self) -> &str {
        self.ctx.path.split('?').next().unwrap_or("/")
    }

    pub fn nav(&self) -> Vec<NavItem> {
        let path = self.current_path();
        let mut items = vec![("/".to_owned(), self.t("nav-home"))];
        match &self.ctx.user {
            None => items.push(("/sign-in".into(), self.t("nav-sign-in"))),
            Some(user) => {
                for membership in &user.memberships {
                    items.push((
                        format!("/organisations/{}", membership.organisation_id),
                        membership.organisation_name.clone(),
                    ));
                }
                if user.is_site_admin {
                    items.push(("/organisations".into(), self.t("nav-organisations")));
                    items.push(("/audit".into(), self.t("nav-audit")));
                }
                items.push(("/account".into(), self.t("nav-account")));
            }
        }
        items
            .into_iter()
            .map(|(href, label)| {
                let current = if href == "/" {
                    path == "/"
                } else {
                    path == href || path.starts_with(&format!("{href}/"))
                };
                NavItem {
                    href,
                    label,
                    current,
                }
            })
            .collect()
    }
}

impl FromRequestParts<AppState> for Page {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Page, AppError> {
        let ctx = parts
            .extensions
            .get::<RequestContext>()
            .cloned()
            .ok_or_else(|| {
                AppError::Unexpected(anyhow::anyhow!("request context middleware is missing"))
            })?;
        Ok(Page::new(state, ctx))
    }
}

/// Renders a template as a 200 page.
pub fn render(template: impl Template) -> AppResult {
    Ok(Html(template.render()?).into_response())
}

/// Renders a template with another status, e.g. 422 for a form with errors.
pub fn render_status(status: StatusCode, template: impl Template) -> AppResult {
    Ok((status, Html(template.render()?)).into_response())
}

/// A form shown again with its errors: 422, as the answers could not be accepted.
pub fn render_invalid(template: impl Template) -> AppResult {
    render_status(StatusCode::UNPROCESSABLE_ENTITY, template)
}

#[derive(Template)]
#[template(path = "web/templates/error.html")]
struct ErrorTemplate {
    page: Page,
    title: String,
    body: String,
    /// Which field was refused and how to fix it, for a form that could not be accepted.
    detail: String,
    show_sign_in: bool,
}

pub fn render_error_page(
    state: &AppState,
    ctx: &RequestContext,
    error: ErrorPage,
    problem: Option<&InputProblem>,
) -> Response {
    let page = Page::new(state, ctx.clone());
    let detail = problem
        .map(|problem| {
            let mut args: Vec<(&'static str, Arg)> = Vec::new();
            if let Some(field) = problem.field_label() {
                args.push(("field", field.into()));
            }
            if let Some(max) = problem.max() {
                args.push(("max", crate::i18n::grouped(max as i64).into()));
            }
            page.t_args(problem.message_key(), &args)
        })
        .unwrap_or_default();
    let template = ErrorTemplate {
        detail,
        title: page.t(error.title_key()),
        body: page.t(error.body_key()),
        show_sign_in: error == ErrorPage::Forbidden && !page.signed_in(),
        page,
    };
    match template.render() {
        Ok(html) => (error.status(), Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "could not render the error page");
            (
                error.status(),
                "Sorry, there is a problem with the service.",
            )
                .into_response()
        }
    }
}
