//! The address printed at the top of the organisation's letters.

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::OrganisationRow;
use super::commands;
use super::domain::PostalAddress;
use super::pages::load;
use crate::state::AppState;
use crate::web::forms::{one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, Ids, Page, render};

#[derive(Template)]
#[template(path = "organisations/templates/address.html")]
struct AddressPage {
    page: Page,
    organisation: OrganisationRow,
    address: String,
}

pub async fn form(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let address = organisation.postal_address.clone();
    render(AddressPage {
        page,
        organisation,
        address,
    })
}

pub async fn submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let typed = one_of(&pairs(&body), "address");
    match PostalAddress::parse(&typed) {
        Ok(address) => {
            let by = page.ctx.user.as_ref().map(|u| u.id);
            let mut tx = state.db.begin().await?;
            commands::set_address(&mut tx.ex(), by, org_id, &address).await?;
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}"),
                "organisation-address-saved",
            ))
        }
        Err(problem) => render_invalid(AddressPage {
            page: page.with_problems(&[problem]),
            organisation,
            address: typed,
        }),
    }
}
