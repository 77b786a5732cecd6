//! One-click unsubscribe from optional notices, without signing in (RFC 8058). The link names the
//! person and carries a keyed token only the service can make. A mail client posts to it directly
//! ("List-Unsubscribe=One-Click"); a person following the link sees a page with one button.
//! Messages people must get (sign-in links, changes to their places, access-plan problems) are
//! never stopped.

use askama::Template;
use axum::extract::State;
use axum::http::Method;
use axum::routing::{get, post};
use subtle::ConstantTimeEq;
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::notices::NoticeKind;
use crate::register::contact::unsubscribe_token;
use crate::register::storage as rows;
use crate::state::AppState;
use crate::web::access::Access;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, Ids, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    vec![
        route(
            Method::GET,
            "/unsubscribe/{person_id}/{token}",
            Access::Public,
            get(confirm),
        ),
        route(
            Method::POST,
            "/unsubscribe/{person_id}/{token}",
            Access::Public,
            post(unsubscribe),
        ),
    ]
}

#[derive(Template)]
#[template(path = "register/record/templates/unsubscribe.html")]
struct UnsubscribePage {
    page: Page,
    done: bool,
    kinds: Vec<String>,
}

/// The person the link is for, if its token is theirs.
fn person_of(state: &AppState, person: &str, token: &str) -> Result<Uuid, AppError> {
    let person = Uuid::parse_str(person).map_err(|_| AppError::NotFound)?;
    let expected = unsubscribe_token(state, person);
    if bool::from(expected.as_bytes().ct_eq(token.as_bytes())) {
        Ok(person)
    } else {
        Err(AppError::NotFound)
    }
}

fn optional_kinds(page: &Page) -> Vec<String> {
    NoticeKind::optional()
        .map(|k| page.t(&k.message_key()))
        .collect()
}

pub async fn confirm(
    State(state): State<AppState>,
    Ids((person, token)): Ids<(String, String)>,
    page: Page,
) -> AppResult {
    person_of(&state, &person, &token)?;
    let kinds = optional_kinds(&page);
    render(UnsubscribePage {
        page,
        done: false,
        kinds,
    })
}

pub async fn unsubscribe(
    State(state): State<AppState>,
    Ids((person, token)): Ids<(String, String)>,
    page: Page,
) -> AppResult {
    let person = person_of(&state, &person, &token)?;
    let declined: Vec<&str> = NoticeKind::optional().map(|k| k.as_str()).collect();
    let mut tx = state.db.begin().await?;
    if rows::set_declined(&mut tx.ex(), person, &declined.join(",")).await? {
        audit::record(
            &mut tx.ex(),
            Entry::new(Action::NoticesUnsubscribed, "person", person)
                .by(None)
                .with(serde_json::json!({ "declined": declined })),
        )
        .await?;
    }
    tx.commit().await?;
    let kinds = optional_kinds(&page);
    render(UnsubscribePage {
        page,
        done: true,
        kinds,
    })
}
