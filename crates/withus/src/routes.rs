//! The route table: every route with the one access rule that guards it. The router is built from this
//! table, so a route cannot exist without a rule, and the authorisation test walks the same table.

use axum::http::Method;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::state::AppState;
use crate::web::Access;
use crate::web::access::{Permission, enforce};
use crate::web::body_limit::LargerBody;
pub use crate::web::routing::RouteSpec;
use crate::web::routing::{Route, route};
use crate::{
    accountability, accounts, contributions, demo, engagements, events, messages, ops,
    organisations, pages, papers, payments, recommendations, register, selection, surveys,
};
fn table() -> Vec<Route> {
    let mut routes = foundation();
    routes.extend(register::routes());
    routes.extend(messages::routes());
    routes.extend(selection::routes());
    routes.extend(engagements::routes());
    routes.extend(events::routes());
    routes.extend(papers::routes());
    routes.extend(contributions::routes());
    routes.extend(events::feedback::routes());
    routes.extend(surveys::routes());
    routes.extend(recommendations::routes());
    routes.extend(payments::routes());
    routes.extend(payments::spend::routes());
    routes.extend(accountability::routes());
    routes.extend(payments::offers::routes());
    routes.extend(crate::payments::expenses::routes());
    routes
}

fn foundation() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        // Public pages.
        route(M::GET, "/", Public, get(pages::home)),
        route(M::GET, "/accessibility", Public, get(pages::accessibility)),
        route(M::GET, "/help", Public, get(pages::help)),
        route(M::GET, "/language", Public, get(pages::switch_language)),
        // Operations.
        route(M::GET, "/healthz", Public, get(ops::healthz)),
        route(M::GET, "/metrics", Public, get(ops::metrics)),
        // Signing in and out.
        route(M::GET, "/sign-in", Public, get(accounts::sign_in::form)),
        route(M::POST, "/sign-in", Public, post(accounts::sign_in::submit)),
        route(
            M::POST,
            "/sign-out",
            SignedIn,
            post(accounts::sign_in::sign_out),
        ),
        route(
            M::POST,
            "/session/keep-alive",
            SignedIn,
            post(accounts::sign_in::keep_alive),
        ),
        route(
            M::GET,
            "/password-reset",
            Public,
            get(accounts::password_reset::request_form),
        ),
        route(
            M::POST,
            "/password-reset",
            Public,
            post(accounts::password_reset::request_submit),
        ),
        route(
            M::GET,
            "/password-reset/{token}",
            Public,
            get(accounts::password_reset::choose_form),
        ),
        route(
            M::POST,
            "/password-reset/{token}",
            Public,
            post(accounts::password_reset::choose_submit),
        ),
        route(
            M::GET,
            "/invitations/{token}",
            Public,
            get(organisations::invitations::accept_form),
        ),
        route(
            M::POST,
            "/invitations/{token}",
            Public,
            post(organisations::invitations::accept_submit),
        ),
        // Your account.
        route(M::GET, "/account", SignedIn, get(accounts::profile::show)),
        route(
            M::GET,
            "/account/support-needs",
            SignedIn,
            get(accounts::profile::support_needs_form),
        ),
        route(
            M::POST,
            "/account/support-needs",
            SignedIn,
            post(accounts::profile::support_needs_submit),
        ),
        route(
            M::GET,
            "/account/password",
            SignedIn,
            get(accounts::profile::password_form),
        ),
        route(
            M::POST,
            "/account/password",
            SignedIn,
            post(accounts::profile::password_submit),
        ),
        // Organisations.
        route(
            M::GET,
            "/organisations",
            SiteAdmin,
            get(organisations::pages::list),
        ),
        route(
            M::GET,
            "/organisations/new",
            SiteAdmin,
            get(organisations::pages::new_form),
        ),
        route(
            M::POST,
            "/organisations/new",
            SiteAdmin,
            post(organisations::pages::new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}",
            Organisation(ViewOrganisation),
            get(organisations::pages::show),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/members",
            Organisation(ViewMembers),
            get(organisations::pages::members),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/invitations/new",
            Organisation(InviteMembers),
            get(organisations::invitations::invite_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/invitations/new",
            Organisation(InviteMembers),
            post(organisations::invitations::invite_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/address",
            Organisation(ManageOrganisation),
            get(organisations::address::form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/address",
            Organisation(ManageOrganisation),
            post(organisations::address::submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/audit",
            Organisation(ViewAuditLog),
            get(organisations::audit_log::organisation_log),
        ),
        route(
            M::GET,
            "/audit",
            SiteAdmin,
            get(organisations::audit_log::site_log),
        ),
        // Demo mode only.
        route(M::GET, "/dev/emails", DemoOnly, get(demo::emails::list)),
        route(
            M::GET,
            "/dev/emails/{email_id}",
            DemoOnly,
            get(demo::emails::show),
        ),
    ]
}

/// Every route and its rule, for the authorisation test.
pub fn catalogue() -> Vec<RouteSpec> {
    table().into_iter().map(|r| r.spec).collect()
}

/// The routes that take bodies larger than the usual limit, for the body limit middleware.
pub fn larger_bodies() -> Vec<LargerBody> {
    table()
        .into_iter()
        .filter_map(|r| {
            r.larger_body.map(|bytes| LargerBody {
                method: r.spec.method,
                path: r.spec.path,
                bytes,
            })
        })
        .collect()
}

/// The application routes, each wrapped in its access check.
pub fn router(state: AppState) -> Router<AppState> {
    table()
        .into_iter()
        .fold(Router::new(), |router, Route { spec, handler, .. }| {
            let guarded =
                handler.route_layer(from_fn_with_state((state.clone(), spec.access), enforce));
            router.route(spec.path, guarded)
        })
        // What a capability's pages need from one built on it, passed in here so that no
        // capability imports one above it.
        .layer(Extension(engagements::sections::Sections {
            public: engagement_public_parts,
            staff: engagement_staff_parts,
        }))
        .layer(Extension(papers::EventsOf(events::sections::event_labels)))
        .layer(Extension(payments::spend::AccessCosts(
            events::sections::access_costs,
        )))
        .layer(Extension(register::requests::ForgetElsewhere(
            forget_elsewhere,
        )))
        .layer(Extension(register::record::contents::HeldElsewhere(
            held_elsewhere,
        )))
        .layer(Extension(papers::RecheckEvents(
            events::sections::recheck_after_papers_changed,
        )))
        // What a capability built on another needs done, passed in here so that no capability
        // imports one above it.
        .layer(Extension(organisations::commands::NewOrganisationSetup(
            register::questions::set_up_new_organisation,
        )))
}

/// The parts of an engagement's public page owned by capabilities built on engagements: what it
/// pays, its events and papers, then what became of what people said, then its open surveys.
fn engagement_public_parts<'a>(
    state: &'a AppState,
    page: &'a crate::web::Page,
    engagement: uuid::Uuid,
) -> engagements::sections::Rendering<'a> {
    Box::pin(async move {
        let events = events::sections::engagement_public(state, page, engagement).await?;
        let contributions = contributions::engagement_section(state, page, engagement).await?;
        let surveys = surveys::engagement_public(state, page, engagement).await?;
        let recommendations = recommendations::engagement_section(state, page, engagement).await?;
        let payment = payments::offers::engagement_section(state, page, engagement).await?;
        Ok(format!(
            "{payment}{events}{contributions}{recommendations}{surveys}"
        ))
    })
}

/// The same for the engagement's staff page.
fn engagement_staff_parts<'a>(
    state: &'a AppState,
    page: &'a crate::web::Page,
    section: engagements::sections::StaffSection,
) -> engagements::sections::Rendering<'a> {
    Box::pin(async move {
        let events = events::sections::engagement_staff(state, page, section).await?;
        let contributions = contributions::staff_section(state, page, section).await?;
        let surveys = surveys::engagement_staff(state, page, section).await?;
        let recommendations = recommendations::staff_section(state, page, section).await?;
        let payment = payments::offers::staff_section(state, page, section).await?;
        Ok(format!(
            "{events}{payment}{contributions}{recommendations}{surveys}"
        ))
    })
}

/// Erasing a person reaches what capabilities built on the register hold about them.
fn forget_elsewhere<'a>(
    ex: &'a mut crate::db::Ex<'_>,
    person: uuid::Uuid,
) -> register::requests::Forgetting<'a> {
    Box::pin(async move {
        contributions::forget_person(ex, person).await?;
        surveys::forget_person(ex, person).await?;
        recommendations::forget_person(ex, person).await?;
        engagements::challenges::forget_person(ex, person).await?;
        payments::forget_person(ex, person).await?;
        Ok(())
    })
}

/// A person's data downloads include what capabilities built on the register hold about them.
fn held_elsewhere(
    state: &AppState,
    person: uuid::Uuid,
    locale: crate::i18n::Locale,
) -> register::record::contents::Gathering<'_> {
    Box::pin(async move {
        let mut sections = contributions::held_for(state, person, locale).await?;
        sections.extend(engagements::challenges::held_for(state, person, locale).await?);
        sections.extend(recommendations::held_for(state, person, locale).await?);
        sections.extend(payments::held_for(state, person, locale).await?);
        Ok(sections)
    })
}
