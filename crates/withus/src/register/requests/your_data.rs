//! "Your data": a person sees everything held about them, downloads it, corrects it, withdraws
//! consents, pauses or leaves a panel, shares with a partner, and asks for erasure.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};

use crate::audit::{self, Action, Entry};
use crate::ids::{ConsentId, PanelId};
use crate::register::consents::{self, Withdrawn};
use crate::register::domain::MembershipStatus;
use crate::register::panels::membership::{self, ChangeError, Move};
use crate::register::record::contents::{self as record, HeldElsewhere, Record};
use crate::register::record::editors::{about_you, access_needs, contact, details, preferences};
use crate::register::record::sharing;
use crate::register::record::subject::{self, Subject};
use crate::register::requests::staff::{self as requests, RequestKind};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Access;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::SignedIn;
    use Method as M;
    vec![
        route(M::GET, "/your-data", SignedIn, get(overview)),
        route(
            M::GET,
            "/your-data/download.json",
            SignedIn,
            get(download_json),
        ),
        route(
            M::GET,
            "/your-data/download.csv",
            SignedIn,
            get(download_csv),
        ),
        route(M::GET, "/your-data/details", SignedIn, get(details_form)),
        route(
            M::POST,
            "/your-data/details",
            SignedIn,
            post(details_submit),
        ),
        route(
            M::GET,
            "/your-data/access-needs",
            SignedIn,
            get(access_needs_form),
        ),
        route(
            M::POST,
            "/your-data/access-needs",
            SignedIn,
            post(access_needs_submit),
        ),
        route(
            M::GET,
            "/your-data/about-you",
            SignedIn,
            get(about_you_form),
        ),
        route(
            M::POST,
            "/your-data/about-you",
            SignedIn,
            post(about_you_submit),
        ),
        route(
            M::GET,
            "/your-data/preferences",
            SignedIn,
            get(preferences_form),
        ),
        route(
            M::POST,
            "/your-data/preferences",
            SignedIn,
            post(preferences_submit),
        ),
        route(M::GET, "/your-data/contact", SignedIn, get(contact_form)),
        route(
            M::POST,
            "/your-data/contact",
            SignedIn,
            post(contact_submit),
        ),
        route(M::GET, "/your-data/sharing", SignedIn, get(sharing_form)),
        route(
            M::POST,
            "/your-data/sharing",
            SignedIn,
            post(sharing_submit),
        ),
        route(
            M::POST,
            "/your-data/consents/{consent_id}/withdraw",
            SignedIn,
            post(withdraw),
        ),
        route(
            M::POST,
            "/your-data/panels/{panel_id}/status",
            SignedIn,
            post(panel_status),
        ),
        route(M::GET, "/your-data/erasure", SignedIn, get(erasure_form)),
        route(
            M::POST,
            "/your-data/erasure",
            SignedIn,
            post(erasure_submit),
        ),
    ]
}

#[derive(Template)]
#[template(path = "register/requests/templates/your_data.html")]
struct OverviewPage {
    page: Page,
    record: Record,
    open_requests: Vec<requests::RequestLine>,
}

#[derive(Template)]
#[template(path = "register/requests/templates/not_on_register.html")]
struct NotOnRegisterPage {
    page: Page,
}

/// The signed-in person's own record, or the page that says they are not on a panel yet.
async fn own_or_explain(state: &AppState, page: &Page) -> Result<Option<Subject>, AppError> {
    match subject::own(state, page).await {
        Ok(subject) => Ok(Some(subject)),
        Err(AppError::NotFound) => Ok(None),
        Err(other) => Err(other),
    }
}

pub async fn overview(State(state): State<AppState>, page: Page) -> AppResult {
    let Some(subject) = own_or_explain(&state, &page).await? else {
        return render(NotOnRegisterPage { page });
    };
    let record = record::load(&state, &subject, page.locale()).await?;
    let open_requests = requests::open_for_person(&state, subject.person.id, page.locale()).await?;
    render(OverviewPage {
        page,
        record,
        open_requests,
    })
}

async fn log_download(state: &AppState, subject: &Subject, format: &str) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::PersonDataDownloaded, "person", subject.person.id)
            .by(subject.actor.account)
            .with(serde_json::json!({ "format": format })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn download_json(
    State(state): State<AppState>,
    Extension(held): Extension<HeldElsewhere>,
    page: Page,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    let mut record = record::load(&state, &subject, page.locale()).await?;
    record.elsewhere = (held.0)(&state, subject.person.id, page.locale()).await?;
    log_download(&state, &subject, "json").await?;
    let body = serde_json::to_string_pretty(&record).map_err(anyhow::Error::from)?;
    Ok(record::attachment(
        "application/json",
        "withus-your-data.json",
        body,
    ))
}

pub async fn download_csv(
    State(state): State<AppState>,
    Extension(held): Extension<HeldElsewhere>,
    page: Page,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    let mut record = record::load(&state, &subject, page.locale()).await?;
    record.elsewhere = (held.0)(&state, subject.person.id, page.locale()).await?;
    log_download(&state, &subject, "csv").await?;
    Ok(record::to_csv(&record, page.locale()).into_response("withus-your-data.csv"))
}

macro_rules! own_editor {
    ($form:ident, $submit:ident, $module:ident) => {
        pub async fn $form(State(state): State<AppState>, page: Page) -> AppResult {
            let subject = subject::own(&state, &page).await?;
            $module::form(&state, page, subject).await
        }

        pub async fn $submit(
            State(state): State<AppState>,
            page: Page,
            body: axum::body::Bytes,
        ) -> AppResult {
            let subject = subject::own(&state, &page).await?;
            $module::submit(&state, page, subject, &body).await
        }
    };
}

own_editor!(details_form, details_submit, details);
own_editor!(access_needs_form, access_needs_submit, access_needs);
own_editor!(about_you_form, about_you_submit, about_you);
own_editor!(preferences_form, preferences_submit, preferences);
own_editor!(contact_form, contact_submit, contact);

pub async fn withdraw(
    State(state): State<AppState>,
    Ids(consent_id): Ids<ConsentId>,
    page: Page,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    let consent = consent_id.0;
    let mut tx = state.db.begin().await?;
    let outcome = consents::withdraw(
        &mut tx.ex(),
        &state.keys,
        subject.actor,
        subject.person.id,
        consent,
    )
    .await?;
    tx.commit().await?;
    match outcome {
        Withdrawn::Done => Ok(see_other_with_flash(
            &state,
            "/your-data#consents",
            "flash-consent-withdrawn",
        )),
        // Already withdrawn (a second click, or another tab): nothing more to do.
        Withdrawn::NotActive => Ok(see_other_with_flash(
            &state,
            "/your-data#consents",
            "flash-consent-already-withdrawn",
        )),
    }
}

pub async fn panel_status(
    State(state): State<AppState>,
    Ids(panel_id): Ids<PanelId>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    let panel = panel_id.0;
    let form = pairs(&body);
    // A person can answer an invitation, pause, come back or leave; only staff invite.
    let Some(status) = MembershipStatus::parse(&one_of(&form, "status"))
        .filter(|s| *s != MembershipStatus::Invited)
    else {
        return Ok(see_other_with_flash(
            &state,
            "/your-data#panels",
            "flash-status-not-chosen",
        ));
    };
    let mut tx = state.db.begin().await?;
    let step = match membership::change(
        &mut tx.ex(),
        &state.keys,
        subject.actor,
        subject.person.id,
        panel,
        status,
    )
    .await
    {
        Ok(step) => step,
        // Not on that panel, or a second click after the change was made.
        Err(ChangeError::NotAllowed { .. } | ChangeError::NoSuchPanel) => {
            return Err(AppError::NotFound);
        }
        Err(ChangeError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    let flash = match step {
        Move::Pause => "flash-panel-paused",
        Move::Leave => "flash-panel-left",
        Move::Accept => "flash-panel-accepted",
        Move::Decline => "flash-panel-declined",
        Move::Resume | Move::Invite => "flash-panel-resumed",
    };
    Ok(see_other_with_flash(&state, "/your-data#panels", flash))
}

pub async fn sharing_form(State(state): State<AppState>, page: Page) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    sharing::sharing_page(&state, page, &subject, &[], StatusCode::OK).await
}

pub async fn sharing_submit(
    State(state): State<AppState>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    sharing::record_sharing(&state, page, subject, &body).await
}

#[derive(Template)]
#[template(path = "register/requests/templates/erasure.html")]
struct ErasurePage {
    page: Page,
    confirm: Vec<Choice>,
}

pub async fn erasure_form(State(state): State<AppState>, page: Page) -> AppResult {
    subject::own(&state, &page).await?;
    let confirm = vec![Choice::new("yes", page.t("erasure-confirm"), false)];
    render(ErasurePage { page, confirm })
}

/// Erasing everything cannot be undone, so the person must confirm it.
fn check_erasure(form: &[(String, String)]) -> Result<(), Vec<Problem>> {
    if one_of(form, "confirm") == "yes" {
        Ok(())
    } else {
        Err(vec![Problem::new("confirm", "erasure-error-confirm")])
    }
}

pub async fn erasure_submit(
    State(state): State<AppState>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::own(&state, &page).await?;
    if let Err(problems) = check_erasure(&pairs(&body)) {
        let errors = FormErrors::from_problems(page.locale(), &problems);
        let confirm = vec![Choice::new("yes", page.t("erasure-confirm"), false)];
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErasurePage {
                page: page.with_errors(errors),
                confirm,
            },
        );
    }
    let mut tx = state.db.begin().await?;
    crate::register::requests::ask_every_host(
        &mut tx.ex(),
        &subject.person,
        subject.actor.account,
        RequestKind::Erasure,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        "/your-data#requests",
        "flash-erasure-requested",
    ))
}
