//! The person's own account: what is held about them, their support needs and their password.

use crate::web::forms::Form;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use uuid::Uuid;

use super::commands;
use crate::security::field_crypto::FieldContext;
use crate::security::passwords::{self, NewPassword};
use crate::state::AppState;
use crate::web::context::Membership;
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

/// Support needs are health data: sealed at rest, bound to the account row.
pub fn support_needs_field(account: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "accounts",
        column: "support_needs",
        row_id: account,
    }
}

pub const SUPPORT_NEEDS_MAX_CHARS: usize = 2000;

#[derive(Template)]
#[template(path = "accounts/templates/account.html")]
struct AccountPage {
    page: Page,
    email: String,
    support_needs: Option<String>,
    memberships: Vec<(Membership, String)>,
}

#[derive(Template)]
#[template(path = "accounts/templates/support_needs.html")]
struct SupportNeedsPage {
    page: Page,
    support_needs: String,
}

#[derive(Template)]
#[template(path = "accounts/templates/change_password.html")]
struct PasswordPage {
    page: Page,
}

fn signed_in_id(page: &Page) -> Result<Uuid, AppError> {
    page.ctx.actor().ok_or(AppError::Forbidden)
}

async fn read_support_needs(state: &AppState, account: Uuid) -> Result<Option<String>, AppError> {
    let mut conn = state.db.acquire().await?;
    let row = commands::find(&mut conn.ex(), account)
        .await?
        .ok_or(AppError::NotFound)?;
    match row.support_needs {
        None => Ok(None),
        Some(sealed) => state
            .keys
            .open(&sealed, support_needs_field(account))
            .map(Some)
            .map_err(|e| AppError::Unexpected(anyhow::anyhow!("support needs of {account}: {e}"))),
    }
}

pub async fn show(State(state): State<AppState>, page: Page) -> AppResult {
    let id = signed_in_id(&page)?;
    let support_needs = read_support_needs(&state, id).await?;
    let user = page.ctx.user.clone().ok_or(AppError::Forbidden)?;
    let memberships = user
        .memberships
        .iter()
        .map(|m| (m.clone(), page.t(m.role.message_key())))
        .collect();
    render(AccountPage {
        email: user.email,
        support_needs,
        memberships,
        page,
    })
}

pub async fn support_needs_form(State(state): State<AppState>, page: Page) -> AppResult {
    let id = signed_in_id(&page)?;
    let support_needs = read_support_needs(&state, id).await?.unwrap_or_default();
    render(SupportNeedsPage {
        page,
        support_needs,
    })
}

#[derive(Deserialize)]
pub struct SupportNeedsForm {
    #[serde(default)]
    support_needs: String,
}

pub async fn support_needs_submit(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<SupportNeedsForm>,
) -> AppResult {
    let id = signed_in_id(&page)?;
    let text = form.support_needs.trim();
    if text.chars().count() > SUPPORT_NEEDS_MAX_CHARS {
        let mut errors = FormErrors::default();
        errors.add("support_needs", page.t("support-needs-error-too-long"));
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            SupportNeedsPage {
                page: page.with_errors(errors),
                support_needs: form.support_needs,
            },
        );
    }
    let sealed = (!text.is_empty()).then(|| state.keys.seal(text, support_needs_field(id)));
    let mut tx = state.db.begin().await?;
    // The log says that the needs changed, never what they are.
    commands::set_support_needs(&mut tx.ex(), id, sealed.as_deref()).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/account",
        "flash-support-needs-saved",
    ))
}

pub async fn password_form(page: Page) -> AppResult {
    render(PasswordPage { page })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn password_submit(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<PasswordForm>,
) -> AppResult {
    let id = signed_in_id(&page)?;
    let mut conn = state.db.acquire().await?;
    let account = commands::find(&mut conn.ex(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    drop(conn);
    let mut errors = FormErrors::default();
    let current = form.current_password.clone();
    let stored = account.password_hash.clone();
    let current_ok =
        tokio::task::spawn_blocking(move || passwords::verify(&current, stored.as_deref()))
            .await
            .map_err(anyhow::Error::from)?;
    if form.current_password.is_empty() {
        errors.add("current_password", page.t("password-error-current-empty"));
    } else if !current_ok {
        errors.add("current_password", page.t("password-error-current-wrong"));
    }
    let new_password = match NewPassword::parse(&form.password) {
        Ok(p) => Some(p),
        Err(problem) => {
            errors.add("password", page.t(problem.message_key()));
            None
        }
    };
    if form.confirm_password != form.password {
        errors.add("confirm_password", page.t("password-error-mismatch"));
    }
    let Some(new_password) = new_password.filter(|_| errors.is_empty()) else {
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            PasswordPage {
                page: page.with_errors(errors),
            },
        );
    };
    let hash = tokio::task::spawn_blocking(move || new_password.hash())
        .await
        .map_err(anyhow::Error::from)?;
    let mut tx = state.db.begin().await?;
    commands::change_password(&mut tx.ex(), id, &hash).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/account",
        "flash-password-changed",
    ))
}
