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
    bilingual: Vec<crate::web::forms::Choice>,
}

fn bilingual_choice(page: &Page, checked: bool) -> Vec<crate::web::forms::Choice> {
    vec![crate::web::forms::Choice::new(
        "yes",
        page.t("organisation-bilingual-yes"),
        checked,
    )]
}

pub async fn form(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let address = organisation.postal_address.clone();
    let bilingual = bilingual_choice(&page, organisation.bilingual);
    render(AddressPage {
        page,
        organisation,
        address,
        bilingual,
    })
}

pub async fn submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load(&state, org_id).await?;
    let form = pairs(&body);
    let typed = one_of(&form, "address");
    let bilingual = one_of(&form, "bilingual") == "yes";
    match PostalAddress::parse(&typed) {
        Ok(address) => {
            let by = page.ctx.user.as_ref().map(|u| u.id);
            let mut tx = state.db.begin().await?;
            commands::set_letters(&mut tx.ex(), by, org_id, &address, bilingual).await?;
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}"),
                "organisation-address-saved",
            ))
        }
        Err(problem) => render_invalid(AddressPage {
            bilingual: bilingual_choice(&page, bilingual),
            page: page.with_problems(&[problem]),
            organisation,
            address: typed,
        }),
    }
}
