//! Joining a panel online: one question per page (GOV.UK question pages), then "Check your answers".
//! The answers so far travel in a sealed cookie, so nothing is stored until the person confirms.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use uuid::Uuid;

use super::answers::{self, Draft};
use super::commands::{self, JoinError, Joining};
use crate::register::domain::DataCategory;
use crate::register::panels::PanelRow;
use crate::register::panels::PartnerRow;
use crate::register::panels::pages::load_open_panel;
use crate::register::record::editors::details::{self as contact, ContactInput};
use crate::security::field_crypto::FieldContext;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Access;
use crate::web::cookies;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::{add_cookie, see_other, see_other_with_flash};
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::Public;
    use Method as M;
    vec![
        route(M::GET, "/panels/{panel_id}/join", Public, get(name_form)),
        route(
            M::POST,
            "/panels/{panel_id}/join",
            Public,
            post(name_submit),
        ),
        route(
            M::GET,
            "/panels/{panel_id}/join/contact",
            Public,
            get(contact_form),
        ),
        route(
            M::POST,
            "/panels/{panel_id}/join/contact",
            Public,
            post(contact_submit),
        ),
        route(
            M::GET,
            "/panels/{panel_id}/join/consent",
            Public,
            get(consent_form),
        ),
        route(
            M::POST,
            "/panels/{panel_id}/join/consent",
            Public,
            post(consent_submit),
        ),
        route(
            M::GET,
            "/panels/{panel_id}/join/sensitive",
            Public,
            get(sensitive_form),
        ),
        route(
            M::POST,
            "/panels/{panel_id}/join/sensitive",
            Public,
            post(sensitive_submit),
        ),
        route(
            M::GET,
            "/panels/{panel_id}/join/sharing",
            Public,
            get(sharing_form),
        ),
        route(
            M::POST,
            "/panels/{panel_id}/join/sharing",
            Public,
            post(sharing_submit),
        ),
        route(
            M::GET,
            "/panels/{panel_id}/join/check",
            Public,
            get(check_form),
        ),
        route(
            M::POST,
            "/panels/{panel_id}/join/check",
            Public,
            post(check_submit),
        ),
        route(M::GET, "/panels/{panel_id}/join/done", Public, get(done)),
    ]
}

fn draft_field(panel: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "join",
        column: "draft",
        row_id: panel,
    }
}

fn read_draft(state: &AppState, headers: &HeaderMap, panel: Uuid) -> Draft {
    cookies::read(headers, cookies::CookieNames::of(state).join())
        .and_then(|value| URL_SAFE_NO_PAD.decode(value).ok())
        .and_then(|sealed| state.keys.open(&sealed, draft_field(panel)).ok())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok())
        .filter(|d| d.panel == Some(panel))
        .unwrap_or_else(|| Draft {
            panel: Some(panel),
            ..Draft::default()
        })
}

/// Where a person goes when the answers they gave before are not in this request: the first step
/// still unanswered, told what happened. A browser that dropped the cookie (or was closed) loses
/// every answer; the person is told to start again rather than silently sent back.
fn back_to_missing(state: &AppState, panel: &PanelRow, draft: &Draft, step: &str) -> Response {
    let notice = if draft.name.is_empty() {
        "notice-join-answers-lost"
    } else {
        "notice-join-answer-missing"
    };
    see_other_with_flash(state, &step_url(panel, step), notice)
}

/// The sealed answers as a cookie that ends with the browser session.
fn draft_cookie(state: &AppState, draft: &Draft) -> String {
    let json = serde_json::to_string(draft).expect("drafts always serialise");
    let panel = draft.panel.unwrap_or_default();
    let sealed = URL_SAFE_NO_PAD.encode(state.keys.seal(&json, draft_field(panel)));
    let names = cookies::CookieNames::of(state);
    names.set(names.join(), &sealed, None)
}

/// Redirects to the next step, carrying the updated answers.
fn save_and_go(state: &AppState, draft: &Draft, to: &str) -> Response {
    let mut response = see_other(to);
    add_cookie(&mut response, draft_cookie(state, draft));
    response
}

fn step_url(panel: &PanelRow, step: &str) -> String {
    if step.is_empty() {
        format!("/panels/{}/join", panel.id)
    } else {
        format!("/panels/{}/join/{step}", panel.id)
    }
}

/// Where to go after a step: back to the check page once reached, otherwise onwards.
fn after(panel: &PanelRow, draft: &Draft, next: &str) -> String {
    step_url(panel, if draft.checking { "check" } else { next })
}

#[derive(Template)]
#[template(path = "register/joining/templates/join_step.html")]
struct StepPage {
    page: Page,
    panel: PanelRow,
    step: &'static str,
    back: String,
    action: String,
    name: String,
    input: ContactInput,
    methods: Vec<Choice>,
    agree: Vec<Choice>,
    categories: Vec<Choice>,
    partners: Vec<Choice>,
}

impl StepPage {
    fn new(page: Page, panel: PanelRow, step: &'static str, back: String) -> StepPage {
        let action = step_url(&panel, if step == "name" { "" } else { step });
        StepPage {
            page,
            panel,
            step,
            back,
            action,
            name: String::new(),
            input: ContactInput::default(),
            methods: Vec::new(),
            agree: Vec::new(),
            categories: Vec::new(),
            partners: Vec::new(),
        }
    }
}

fn respond(page_result: StepPage, errors: FormErrors) -> AppResult {
    if errors.is_empty() {
        render(page_result)
    } else {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, page_result)
    }
}

// --- 1. Name --------------------------------------------------------------------------------------

pub async fn name_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let mut view = StepPage::new(page, panel.clone(), "name", format!("/panels/{}", panel.id));
    view.name = draft.name;
    render(view)
}

pub async fn name_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let name = one_of(&pairs(&body), "name");
    let draft = match answers::check_name(&name, &draft) {
        Ok(draft) => draft,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let mut view = StepPage::new(
                page.with_errors(errors.clone()),
                panel.clone(),
                "name",
                format!("/panels/{}", panel.id),
            );
            view.name = name;
            return respond(view, errors);
        }
    };
    Ok(save_and_go(
        &state,
        &draft,
        &after(&panel, &draft, "contact"),
    ))
}

// --- 2. How to contact you -----------------------------------------------------------------------

pub async fn contact_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let mut view = StepPage::new(page, panel.clone(), "contact", step_url(&panel, ""));
    view.methods = contact::method_choices(&view.page, &draft.method);
    view.input = draft.contact_input(view.page.locale());
    render(view)
}

pub async fn contact_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let form = pairs(&body);
    let mut input = ContactInput::from_form(&form);
    input.name = draft.name.clone();
    input.language = page.locale().code().to_owned();
    let draft = match answers::check_contact(&input, &draft) {
        Ok(draft) => draft,
        Err(problems) => {
            // The name was asked on the first page; send them back there if it is missing.
            let problems: Vec<Problem> =
                problems.into_iter().filter(|p| p.field != "name").collect();
            if problems.is_empty() {
                return Ok(see_other(&step_url(&panel, "")));
            }
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return contact_again(page, &panel, input, errors);
        }
    };
    Ok(save_and_go(
        &state,
        &draft,
        &after(&panel, &draft, "consent"),
    ))
}

/// The contact page again, with the answers as typed and what is wrong with them.
fn contact_again(
    page: Page,
    panel: &PanelRow,
    input: ContactInput,
    errors: FormErrors,
) -> AppResult {
    let mut view = StepPage::new(
        page.with_errors(errors.clone()),
        panel.clone(),
        "contact",
        step_url(panel, ""),
    );
    view.methods = contact::method_choices(&view.page, &input.method);
    view.input = input;
    respond(view, errors)
}

// --- 3. Consent to be on the panel ---------------------------------------------------------------

fn agree_choice(page: &Page, panel: &PanelRow, checked: bool) -> Vec<Choice> {
    vec![Choice::new(
        "yes",
        page.t_args(
            "join-consent-statement",
            &[("organisation", panel.organisation_name.clone().into())],
        ),
        checked,
    )]
}

pub async fn consent_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let mut view = StepPage::new(page, panel.clone(), "consent", step_url(&panel, "contact"));
    view.agree = agree_choice(&view.page, &panel, draft.agreed);
    render(view)
}

pub async fn consent_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let mut draft = read_draft(&state, &headers, panel.id);
    if let Err(problems) = answers::check_agreed(&one_of(&pairs(&body), "agree")) {
        let errors = FormErrors::from_problems(page.locale(), &problems);
        let mut view = StepPage::new(
            page.with_errors(errors.clone()),
            panel.clone(),
            "consent",
            step_url(&panel, "contact"),
        );
        view.agree = agree_choice(&view.page, &panel, false);
        return respond(view, errors);
    }
    draft.agreed = true;
    Ok(save_and_go(
        &state,
        &draft,
        &after(&panel, &draft, "sensitive"),
    ))
}

// --- 4. Sensitive information (optional) ---------------------------------------------------------

fn category_choices(page: &Page, chosen: &[DataCategory]) -> Vec<Choice> {
    let mut items: Vec<Choice> = DataCategory::ALL
        .iter()
        .map(|c| Choice::new(c.as_str(), page.t(&c.message_key()), chosen.contains(c)))
        .collect();
    items.push(Choice::new("none", page.t("join-sensitive-none"), false).exclusive_after_divider());
    items
}

pub async fn sensitive_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let mut view = StepPage::new(
        page,
        panel.clone(),
        "sensitive",
        step_url(&panel, "consent"),
    );
    view.categories = category_choices(&view.page, &draft.categories);
    render(view)
}

pub async fn sensitive_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let mut draft = read_draft(&state, &headers, panel.id);
    let chosen = all_of(&pairs(&body), "categories");
    draft.categories = match answers::check_categories(&chosen) {
        Ok(categories) => categories,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let mut view = StepPage::new(
                page.with_errors(errors.clone()),
                panel.clone(),
                "sensitive",
                step_url(&panel, "consent"),
            );
            view.categories = category_choices(&view.page, &[]);
            return respond(view, errors);
        }
    };
    let partners = partners_of(&state, &panel).await?;
    let next = if partners.is_empty() {
        "check"
    } else {
        "sharing"
    };
    Ok(save_and_go(&state, &draft, &after(&panel, &draft, next)))
}

// --- 5. Sharing with partners (only when the panel has partners) --------------------------------

async fn partners_of(state: &AppState, panel: &PanelRow) -> Result<Vec<PartnerRow>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(crate::register::panels::partners_of(&mut conn.ex(), panel.id).await?)
}

fn partner_choices(page: &Page, partners: &[PartnerRow], chosen: &[Uuid]) -> Vec<Choice> {
    let mut items: Vec<Choice> = partners
        .iter()
        .map(|p| {
            Choice::new(
                p.organisation_id.to_string(),
                p.name.clone(),
                chosen.contains(&p.organisation_id),
            )
        })
        .collect();
    items.push(Choice::new("none", page.t("join-sharing-none"), false).exclusive_after_divider());
    items
}

pub async fn sharing_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    let partners = partners_of(&state, &panel).await?;
    if partners.is_empty() {
        return Err(AppError::NotFound);
    }
    let mut view = StepPage::new(
        page,
        panel.clone(),
        "sharing",
        step_url(&panel, "sensitive"),
    );
    view.partners = partner_choices(&view.page, &partners, &draft.share_with);
    render(view)
}

pub async fn sharing_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let mut draft = read_draft(&state, &headers, panel.id);
    let partners = partners_of(&state, &panel).await?;
    let chosen = all_of(&pairs(&body), "partners");
    let partner_ids: Vec<Uuid> = partners.iter().map(|p| p.organisation_id).collect();
    draft.share_with = match answers::check_partners(&chosen, &partner_ids) {
        Ok(chosen) => chosen,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let mut view = StepPage::new(
                page.with_errors(errors.clone()),
                panel.clone(),
                "sharing",
                step_url(&panel, "sensitive"),
            );
            view.partners = partner_choices(&view.page, &partners, &[]);
            return respond(view, errors);
        }
    };
    Ok(save_and_go(&state, &draft, &step_url(&panel, "check")))
}

// --- 6. Check your answers -----------------------------------------------------------------------

pub struct AnswerRow {
    pub question: String,
    pub answer: String,
    pub change: String,
    pub change_label: String,
}

#[derive(Template)]
#[template(path = "register/joining/templates/join_check.html")]
struct CheckPage {
    page: Page,
    panel: PanelRow,
    rows: Vec<AnswerRow>,
    back: String,
}

fn answer_rows(
    page: &Page,
    panel: &PanelRow,
    draft: &Draft,
    partners: &[PartnerRow],
) -> Vec<AnswerRow> {
    let none = page.t("record-none");
    let or_none = |value: &str| {
        if value.is_empty() {
            none.clone()
        } else {
            value.to_owned()
        }
    };
    let method = crate::register::domain::ContactMethod::parse(&draft.method)
        .map(|m| page.t(&m.message_key()))
        .unwrap_or_else(|| none.clone());
    let mut rows = vec![
        (
            page.t("join-name-question"),
            draft.name.clone(),
            "",
            "details-name",
        ),
        (
            page.t("details-method"),
            method,
            "contact",
            "details-method",
        ),
        (
            page.t("details-email"),
            or_none(&draft.email),
            "contact",
            "details-email",
        ),
        (
            page.t("details-phone"),
            or_none(&draft.phone),
            "contact",
            "details-phone",
        ),
        (
            page.t("details-address"),
            or_none(&draft.address),
            "contact",
            "details-address",
        ),
        (
            page.t("join-consent-question"),
            if draft.agreed {
                page.t("record-yes")
            } else {
                page.t("record-no")
            },
            "consent",
            "join-consent-question",
        ),
        (
            page.t("join-sensitive-question"),
            if draft.categories.is_empty() {
                page.t("join-sensitive-none")
            } else {
                draft
                    .categories
                    .iter()
                    .map(|c| page.t(&c.message_key()))
                    .collect::<Vec<_>>()
                    .join("; ")
            },
            "sensitive",
            "join-sensitive-question",
        ),
    ];
    if !draft.advocate_name.is_empty() {
        rows.insert(
            5,
            (
                page.t("details-advocate-name"),
                format!("{} ({})", draft.advocate_name, draft.advocate_contact),
                "contact",
                "details-advocate-name",
            ),
        );
    }
    if !partners.is_empty() {
        rows.push((
            page.t("join-sharing-question"),
            if draft.share_with.is_empty() {
                page.t("join-sharing-none")
            } else {
                partners
                    .iter()
                    .filter(|p| draft.share_with.contains(&p.organisation_id))
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            },
            "sharing",
            "join-sharing-question",
        ));
    }
    rows.into_iter()
        .map(|(question, answer, step, hidden_key)| AnswerRow {
            question,
            answer,
            change: step_url(panel, step),
            change_label: page.t(hidden_key),
        })
        .collect()
}

/// The first unanswered step, if any.
fn missing_step(draft: &Draft) -> Option<&'static str> {
    if draft.name.is_empty() {
        Some("")
    } else if draft.method.is_empty() {
        Some("contact")
    } else if !draft.agreed {
        Some("consent")
    } else {
        None
    }
}

pub async fn check_form(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let mut draft = read_draft(&state, &headers, panel.id);
    if let Some(step) = missing_step(&draft) {
        return Ok(back_to_missing(&state, &panel, &draft, step));
    }
    let partners = partners_of(&state, &panel).await?;
    let rows = answer_rows(&page, &panel, &draft, &partners);
    let back = step_url(
        &panel,
        if partners.is_empty() {
            "sensitive"
        } else {
            "sharing"
        },
    );
    let view = CheckPage {
        page,
        panel: panel.clone(),
        rows,
        back,
    };
    let mut response = render(view)?;
    // From here on, changing an answer comes back to this page.
    draft.checking = true;
    add_cookie(&mut response, draft_cookie(&state, &draft));
    Ok(response)
}

pub async fn check_submit(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    headers: HeaderMap,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    let draft = read_draft(&state, &headers, panel.id);
    if let Some(step) = missing_step(&draft) {
        return Ok(back_to_missing(&state, &panel, &draft, step));
    }
    let locale = page.locale();
    let checked = contact::check(&draft.contact_input(locale))
        .map_err(|_| AppError::Unexpected(anyhow::anyhow!("join answers failed their checks")))?;
    let partners = partners_of(&state, &panel).await?;
    let signed_in = page.ctx.actor();

    let chosen_partners: Vec<Uuid> = partners
        .iter()
        .map(|p| p.organisation_id)
        .filter(|id| draft.share_with.contains(id))
        .collect();
    let mut tx = state.db.begin().await?;
    let emailed = commands::join(
        &mut tx.ex(),
        &state,
        &Joining {
            panel: &panel,
            contact: &checked,
            categories: &draft.categories,
            share_with: &chosen_partners,
            locale,
            signed_in,
        },
    )
    .await
    .map_err(|error| match error {
        JoinError::Membership(error) => AppError::from(error),
        JoinError::Database(error) => AppError::from(error),
        JoinError::Account(error) => AppError::from(error),
    })?;
    tx.commit().await?;
    if emailed {
        state.mail_wake.notify_one();
    }
    let mut response = see_other(&format!(
        "{}?emailed={}",
        step_url(&panel, "done"),
        if emailed { "1" } else { "0" }
    ));
    let names = cookies::CookieNames::of(&state);
    add_cookie(&mut response, names.clear(names.join()));
    Ok(response)
}

#[derive(Template)]
#[template(path = "register/joining/templates/join_done.html")]
struct DonePage {
    page: Page,
    panel: PanelRow,
    emailed: bool,
}

#[derive(Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    emailed: String,
}

pub async fn done(
    State(state): State<AppState>,
    Ids(panel_id): Ids<String>,
    axum::extract::Query(query): axum::extract::Query<DoneQuery>,
    page: Page,
) -> AppResult {
    let panel = load_open_panel(&state, &panel_id).await?;
    render(DonePage {
        page,
        panel,
        emailed: query.emailed == "1",
    })
}
