//! The person's own account: what is held about them, their support needs and their password.

use crate::web::forms::{Form, Problem};
use askama::Template;
use axum::extract::State;
use serde::Deserialize;
use uuid::Uuid;

use super::commands;
use super::domain::check_new_password;
use crate::security::field_crypto::FieldContext;
use crate::security::passwords::{self, NewPassword};
use crate::state::AppState;
use crate::web::context::Membership;
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

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

/// The support needs as they will be kept, trimmed; empty clears them.
fn check_support_needs(form: &SupportNeedsForm) -> Result<&str, Vec<Problem>> {
    let text = form.support_needs.trim();
    if text.chars().count() > SUPPORT_NEEDS_MAX_CHARS {
        return Err(vec![Problem::new(
            "support_needs",
            "support-needs-error-too-long",
        )]);
    }
    Ok(text)
}

pub async fn support_needs_submit(
    State(state): State<AppState>,
    page: Page,
    Form(form): Form<SupportNeedsForm>,
) -> AppResult {
    let id = signed_in_id(&page)?;
    let text = match check_support_needs(&form) {
        Ok(text) => text,
        Err(problems) => {
            return render_invalid(SupportNeedsPage {
                page: page.with_problems(&problems),
                support_needs: form.support_needs,
            });
        }
    };
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

/// The new password, given whether the current one was typed correctly (checked against the
/// stored hash before, so this stays pure).
fn check_password_change(
    form: &PasswordForm,
    current_ok: bool,
) -> Result<NewPassword, Vec<Problem>> {
    let mut problems = Vec::new();
    if form.current_password.is_empty() {
        problems.push(Problem::new(
            "current_password",
            "password-error-current-empty",
        ));
    } else if !current_ok {
        problems.push(Problem::new(
            "current_password",
            "password-error-current-wrong",
        ));
    }
    match check_new_password(&form.password, &form.confirm_password) {
        Ok(password) if problems.is_empty() => Ok(password),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
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
    let current = form.current_password.clone();
    let stored = account.password_hash.clone();
    let current_ok =
        tokio::task::spawn_blocking(move || passwords::verify(&current, stored.as_deref()))
            .await
            .map_err(anyhow::Error::from)?;
    let new_password = match check_password_change(&form, current_ok) {
        Ok(password) => password,
        Err(problems) => {
            return render_invalid(PasswordPage {
                page: page.with_problems(&problems),
            });
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn change(current: &str, password: &str, confirm: &str) -> PasswordForm {
        PasswordForm {
            current_password: current.into(),
            password: password.into(),
            confirm_password: confirm.into(),
        }
    }

    fn fields(problems: &[Problem]) -> Vec<(&str, &str)> {
        problems.iter().map(|p| (p.field.as_str(), p.key)).collect()
    }

    #[test]
    fn a_password_change_needs_the_right_current_password_first() {
        let ok = change("old password", "correct horse", "correct horse");
        assert!(check_password_change(&ok, true).is_ok());
        let Err(wrong) = check_password_change(&ok, false) else {
            panic!("a new password with problems was accepted");
        };
        assert_eq!(
            fields(&wrong),
            [("current_password", "password-error-current-wrong")]
        );
        let Err(empty) = check_password_change(&change("", "short", "short"), false) else {
            panic!("a new password with problems was accepted");
        };
        assert_eq!(
            fields(&empty),
            [
                ("current_password", "password-error-current-empty"),
                ("password", "password-error-too-short"),
            ]
        );
    }

    #[test]
    fn support_needs_are_trimmed_and_limited() {
        let form = |text: String| SupportNeedsForm {
            support_needs: text,
        };
        assert_eq!(
            check_support_needs(&form("  a ramp  ".into())).unwrap(),
            "a ramp"
        );
        let long = form("a".repeat(SUPPORT_NEEDS_MAX_CHARS + 1));
        assert!(check_support_needs(&long).is_err());
        let spaced = form(format!(" {} ", "a".repeat(SUPPORT_NEEDS_MAX_CHARS)));
        assert!(check_support_needs(&spaced).is_ok());
    }
}
