//! Pages that belong to no one capability: home, help, accessibility statement, language switch.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;

use crate::accounts::commands as accounts;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::context::Membership;
use crate::web::cookies::CookieNames;
use crate::web::errors::safe_return_path;
use crate::web::respond::{add_cookie, see_other};
use crate::web::{AppResult, Page, render};

#[derive(Template)]
#[template(path = "pages/templates/home.html")]
struct HomePage {
    page: Page,
    memberships: Vec<(Membership, String)>,
}

#[derive(Template)]
#[template(path = "pages/templates/accessibility.html")]
struct AccessibilityPage {
    page: Page,
}

#[derive(Template)]
#[template(path = "pages/templates/help.html")]
struct HelpPage {
    page: Page,
}

pub async fn home(page: Page) -> AppResult {
    let memberships = page
        .ctx
        .user
        .as_ref()
        .map(|u| {
            u.memberships
                .iter()
                .map(|m| (m.clone(), page.t(m.role.message_key())))
                .collect()
        })
        .unwrap_or_default();
    render(HomePage { page, memberships })
}

pub async fn accessibility(page: Page) -> AppResult {
    render(AccessibilityPage { page })
}

pub async fn help(page: Page) -> AppResult {
    render(HelpPage { page })
}

#[derive(Deserialize)]
pub struct LanguageQuery {
    to: Option<String>,
    #[serde(rename = "return")]
    return_to: Option<String>,
}

/// The language toggle: remember the choice (in a cookie, and on the account when signed in) and
/// return to the same page.
pub async fn switch_language(
    State(state): State<AppState>,
    page: Page,
    Query(query): Query<LanguageQuery>,
) -> AppResult {
    let locale = query
        .to
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or(page.locale());
    if let Some(account) = page.ctx.actor() {
        let mut tx = state.db.begin().await?;
        accounts::choose_language(&mut tx.ex(), account, locale).await?;
        tx.commit().await?;
    }
    let names = CookieNames::of(&state);
    let mut response = see_other(&safe_return_path(query.return_to.as_deref()));
    add_cookie(
        &mut response,
        names.set(names.language(), locale.code(), Some(60 * 60 * 24 * 365)),
    );
    Ok(response)
}
