//! Joining a panel online: one question per page (GOV.UK question pages), then "Check your answers".
//! The answers so far travel in a sealed cookie, so nothing is stored until the person confirms.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::commands::{self, JoinError, Joining};
use crate::i18n::Locale;
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
use crate::web::forms::{Choice, all_of, not_recognised, one_of, pairs};
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

/// The answers given so far.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Draft {
    panel: Option<Uuid>,
    name: String,
    email: String,
    phone: String,
    address: String,
    method: String,
    advocate_name: String,
    advocate_contact: String,
    agreed: bool,
    categories: Vec<DataCategory>,
    share_with: Vec<Uuid>,
    /// Set once "Check your answers" has been reached: later changes return there.
    checking: bool,
}

impl Draft {
    fn contact_input(&self, language: Locale) -> ContactInput {
        ContactInput {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            method: self.method.clone(),
            advocate_name: self.advocate_name.clone(),
            advocate_contact: self.advocate_contact.clone(),
            language: language.code().to_owned(),
            region: String::new(),
            local_authority: String::new(),
        }
    }
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

/// The most the answers may take as JSON. Sealed (nonce and tag add 40 bytes) and base64-encoded,
/// the cookie then stays near 3.3 KB, under the 4 KB browsers keep. With every field at its
/// character limit in plain letters the answers take about 2,200 bytes; only long answers in
/// non-Latin scripts can reach this, and the step then asks the person to shorten them.
const DRAFT_MAX_BYTES: usize = 2_400;

fn fits(draft: &Draft) -> bool {
    serde_json::to_string(draft).is_ok_and(|json| json.len() <= DRAFT_MAX_BYTES)
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
    let mut draft = read_draft(&state, &headers, panel.id);
    let name = one_of(&pairs(&body), "name");
    let mut errors = FormErrors::default();
    if name.is_empty() {
        errors.add("name", page.t("details-error-name-empty"));
    } else if name.chars().count() > contact::NAME_MAX_CHARS {
        errors.add("name", page.t("details-error-name-too-long"));
    } else if !fits(&Draft {
        name: name.clone(),
        ..draft.clone()
    }) {
        errors.add("name", page.t("join-error-answers-too-long"));
    }
    if !errors.is_empty() {
        let mut view = StepPage::new(
            page.with_errors(errors.clone()),
            panel.clone(),
            "name",
            format!("/panels/{}", panel.id),
        );
        view.name = name;
        return respond(view, errors);
    }
    draft.name = name;
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
    if let Err(problems) = contact::check(&input) {
        let mut errors = FormErrors::default();
        for (field, key) in problems {
            // The name was asked on the first page; send them back there if it is missing.
            if field != "name" {
                errors.add(field, page.t(key));
            }
        }
        if !errors.is_empty() {
            return contact_again(page, &panel, input, errors);
        }
        return Ok(see_other(&step_url(&panel, "")));
    }
    let mut updated = draft.clone();
    updated.email = input.email.clone();
    updated.phone = input.phone.clone();
    updated.address = input.address.clone();
    updated.method = input.method.clone();
    updated.advocate_name = input.advocate_name.clone();
    updated.advocate_contact = input.advocate_contact.clone();
    if !fits(&updated) {
        let mut errors = FormErrors::default();
        errors.add(
            longest_contact_field(&input),
            page.t("join-error-answers-too-long"),
        );
        return contact_again(page, &panel, input, errors);
    }
    let draft = updated;
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

/// The contact answer taking the most room, which the person is asked to shorten first.
fn longest_contact_field(input: &ContactInput) -> &'static str {
    [
        ("address", &input.address),
        ("advocate_contact", &input.advocate_contact),
        ("advocate_name", &input.advocate_name),
        ("email", &input.email),
    ]
    .into_iter()
    .max_by_key(|(_, value)| value.len())
    .map(|(field, _)| field)
    .unwrap_or("address")
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
    if one_of(&pairs(&body), "agree") != "yes" {
        let mut errors = FormErrors::default();
        errors.add("agree", page.t("join-error-consent"));
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
    let unknown = chosen
        .iter()
        .find(|c| *c != "none" && DataCategory::parse(c).is_none());
    if chosen.is_empty()
        || unknown.is_some()
        || (chosen.iter().any(|c| c == "none") && chosen.len() > 1)
    {
        let mut errors = FormErrors::default();
        match unknown {
            // A category the form does not offer is refused by name, never dropped.
            Some(value) => errors.add("categories", not_recognised(&page, value)),
            None => errors.add("categories", page.t("join-error-sensitive")),
        }
        let mut view = StepPage::new(
            page.with_errors(errors.clone()),
            panel.clone(),
            "sensitive",
            step_url(&panel, "consent"),
        );
        view.categories = category_choices(&view.page, &[]);
        return respond(view, errors);
    }
    draft.categories = chosen
        .iter()
        .filter_map(|c| DataCategory::parse(c))
        .collect();
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
    if chosen.is_empty() || (chosen.iter().any(|c| c == "none") && chosen.len() > 1) {
        let mut errors = FormErrors::default();
        errors.add("partners", page.t("join-error-sharing"));
        let mut view = StepPage::new(
            page.with_errors(errors.clone()),
            panel.clone(),
            "sharing",
            step_url(&panel, "sensitive"),
        );
        view.partners = partner_choices(&view.page, &partners, &[]);
        return respond(view, errors);
    }
    draft.share_with = partners
        .iter()
        .map(|p| p.organisation_id)
        .filter(|id| chosen.contains(&id.to_string()))
        .collect();
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
