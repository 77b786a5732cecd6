//! The organisation's messages that need a person: letters to print and post, people to phone,
//! and messages that failed or found no way to reach someone. Staff work through each list; every
//! step is a command in `notices::commands`, so it is audited and can happen only once.

mod letters;
mod pages;
mod receipts;

use axum::http::Method;
use axum::routing::{get, post};

use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

pub(crate) fn routes() -> Vec<Route> {
    use Method as M;
    let staff = Access::Organisation(Permission::ManageRegister);
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/messages",
            staff,
            get(pages::lists),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/messages/letters.pdf",
            staff,
            get(letters::batch),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/messages/{notice_id}/letter.pdf",
            staff,
            get(letters::one),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/messages/{notice_id}/{step}",
            staff,
            post(pages::step),
        ),
        // The provider's own authentication (a bearer token) guards it.
        route(
            M::POST,
            "/sms/receipts",
            Access::Public,
            post(receipts::receive),
        ),
    ]
}
