//! Choosing a working group fairly from a panel.
//!
//! A facilitator names the working group, picks the panel and its size, and whether to rotate (give
//! people recently involved a smaller share). They set quotas on the features that matter (nation or
//! region, and monitoring answers), and Withus checks at once whether any group can meet them,
//! explaining which quotas conflict and the smallest change that would fix them.
//!
//! Then the engine (`withus-selection`) works out, in the background, the fairest chances it can
//! give everyone (LEXIMIN: the lowest chance as high as possible, then the next, …) with a proof of
//! how close to the best it is. Its lottery is stored with a SHA-256 fingerprint that can be
//! published before the draw. The draw takes a seed announced later (for example, lottery numbers),
//! so nobody, the organisation included, can pick the result; anyone with the lottery and the seed
//! can repeat it. Last, the people drawn are invited: by email where they have an address, and the
//! rest are listed for the facilitator to phone or write to, as each prefers.
//!
//! Files: [`storage`] (tables), [`pool`] (who can be chosen, their features and weights), [`quotas`]
//! (quota model, the engine's problem, explanations), [`run`] (background computation, the draw,
//! invitations), [`web`] and [`quotas_page`] (pages).

pub mod commands;
pub mod fixtures;
pub mod new_form;
pub mod pool;
pub mod quotas;
pub mod quotas_page;
pub mod run;
mod storage;
pub mod web;

// The working groups other capabilities may read.
pub use storage::{SelectionRow, find, list};

use axum::http::Method;
use axum::routing::{get, post};

use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

pub(crate) fn routes() -> Vec<Route> {
    use Method as M;
    let access = Access::Organisation(Permission::RunSelection);
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/selections",
            access,
            get(web::list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/selections/new",
            access,
            get(web::new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/selections/new",
            access,
            post(web::new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/selections/{selection_id}",
            access,
            get(web::show),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/selections/{selection_id}/quotas",
            access,
            get(quotas_page::form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/selections/{selection_id}/quotas",
            access,
            post(quotas_page::submit),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/selections/{selection_id}/compute",
            access,
            post(web::compute),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/selections/{selection_id}/lottery.json",
            access,
            get(web::lottery_json),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/selections/{selection_id}/draw",
            access,
            post(web::draw),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/selections/{selection_id}/invite",
            access,
            post(web::invite),
        ),
    ]
}
