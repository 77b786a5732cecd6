//! Staff pages for papers: adding one to an engagement or one of its events, changing its title,
//! description and formats, publishing and unpublishing it, and deleting it.

use askama::Template;
use axum::extract::{Extension, Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, Editor};
use super::form::{self, Answers, link_field};
use super::storage::{self, PaperInput, PaperRow};
use super::{EventLabel, EventsOf, RecheckEvents};
use crate::engagements::{Loaded, load_editable};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Page, render};

fn editor(page: &Page, org_id: Uuid) -> Editor {
    Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

/// Where a paper is listed: its event's staff page, or the engagement's.
fn home(org_id: Uuid, engagement: Uuid, event: Option<Uuid>) -> String {
    match event {
        Some(event) => {
            format!("/organisations/{org_id}/engagements/{engagement}/events/{event}#papers")
        }
        None => format!("/organisations/{org_id}/engagements/{engagement}#papers"),
    }
}

/// The engagement in the path (if this organisation may change it) and the paper in the path, if it
/// belongs to that engagement.
async fn load(
    state: &AppState,
    org_id: Uuid,
    engagement_id: &str,
    paper_id: &str,
) -> Result<(Loaded, PaperRow), AppError> {
    let loaded = load_editable(state, org_id, engagement_id).await?;
    let id = Uuid::parse_str(paper_id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let paper = storage::find(&mut conn.ex(), loaded.engagement.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((loaded, paper))
}

/// One format's checkbox, with the link field revealed under it.
pub struct FormatChoice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
    pub link_field: String,
    pub link_label: String,
    pub link: String,
}

#[derive(Template)]
#[template(path = "papers/templates/paper_form.html")]
struct FormPage {
    page: Page,
    engagement_title: String,
    heading: String,
    action: String,
    back: String,
    title: String,
    description: String,
    events: Vec<Choice>,
    formats: Vec<FormatChoice>,
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    page: Page,
    org_id: Uuid,
    loaded: &Loaded,
    editing: Option<Uuid>,
    back: String,
    answers: Answers,
    events: &[EventLabel],
) -> FormPage {
    let locale = page.locale();
    let base = format!(
        "/organisations/{org_id}/engagements/{}/papers",
        loaded.engagement.id
    );
    let (heading, action) = match editing {
        Some(id) => (page.t("paper-edit-title"), format!("{base}/{id}")),
        None => (page.t("paper-new-title"), format!("{base}/new")),
    };
    let mut choices = vec![Choice::new(
        "",
        page.t("paper-whole-engagement"),
        answers.event.is_empty(),
    )];
    choices.extend(events.iter().map(|e| {
        let id = e.id.to_string();
        let label = format!("{} ({})", e.title, e.when);
        Choice::new(id.clone(), label, id == answers.event)
    }));
    let formats = answers
        .formats
        .iter()
        .map(|(format, checked, link)| {
            let name = page.t(&format.message_key());
            FormatChoice {
                value: format.as_str(),
                link_label: page.t_args("paper-field-link", &[("format", name.as_str().into())]),
                label: name,
                checked: *checked,
                link_field: link_field(*format),
                link: link.clone(),
            }
        })
        .collect();
    FormPage {
        engagement_title: loaded.engagement.title().shown(locale).text,
        heading,
        action,
        back,
        title: answers.title,
        description: answers.description,
        events: choices,
        formats,
        page,
    }
}

#[derive(Deserialize, Default)]
pub struct For {
    #[serde(default)]
    event: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    Extension(events_of): Extension<EventsOf>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    Query(target): Query<For>,
    page: Page,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let events = (events_of.0)(&state, loaded.engagement.id, page.locale()).await?;
    let event = Uuid::parse_str(&target.event)
        .ok()
        .filter(|id| events.iter().any(|e| e.id == *id));
    let back = home(org_id, loaded.engagement.id, event);
    let answers = Answers::new_for(event);
    render(form_page(
        page, org_id, &loaded, None, back, answers, &events,
    ))
}

/// Checks the submitted form; on a problem, the form again with every error.
#[allow(clippy::too_many_arguments)]
async fn checked(
    state: &AppState,
    events_of: EventsOf,
    page: Page,
    org_id: Uuid,
    loaded: &Loaded,
    editing: Option<Uuid>,
    back: String,
    body: &[u8],
) -> Result<Result<(PaperInput, Page), axum::response::Response>, AppError> {
    let answers = Answers::read(body);
    let events = (events_of.0)(state, loaded.engagement.id, page.locale()).await?;
    let ids: Vec<Uuid> = events.iter().map(|e| e.id).collect();
    match form::check(&answers, &ids) {
        Ok(paper) => Ok(Ok((paper, page))),
        Err(problems) => {
            let page = page.with_problems(&problems);
            let shown = form_page(page, org_id, loaded, editing, back, answers, &events);
            Ok(Err(render_invalid(shown)?))
        }
    }
}

pub async fn new_submit(
    State(state): State<AppState>,
    Extension(events_of): Extension<EventsOf>,
    Extension(recheck): Extension<RecheckEvents>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let engagement = loaded.engagement.id;
    let back = home(org_id, engagement, None);
    let (paper, page) =
        match checked(&state, events_of, page, org_id, &loaded, None, back, &body).await? {
            Ok(ok) => ok,
            Err(response) => return Ok(response),
        };
    let mut tx = state.db.begin().await?;
    commands::add(
        &mut tx.ex(),
        editor(&page, org_id),
        engagement,
        &paper,
        recheck,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &home(org_id, engagement, paper.event),
        "paper-flash-added",
    ))
}

pub async fn edit_form(
    State(state): State<AppState>,
    Extension(events_of): Extension<EventsOf>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, paper) = load(&state, org_id, &engagement_id, &paper_id).await?;
    let back = home(org_id, loaded.engagement.id, paper.event_id);
    let answers = Answers::of(&paper);
    let events = (events_of.0)(&state, loaded.engagement.id, page.locale()).await?;
    render(form_page(
        page,
        org_id,
        &loaded,
        Some(paper.id),
        back,
        answers,
        &events,
    ))
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Extension(events_of): Extension<EventsOf>,
    Extension(recheck): Extension<RecheckEvents>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, before) = load(&state, org_id, &engagement_id, &paper_id).await?;
    let engagement = loaded.engagement.id;
    let back = home(org_id, engagement, before.event_id);
    let editing = Some(before.id);
    let (paper, page) = match checked(
        &state, events_of, page, org_id, &loaded, editing, back, &body,
    )
    .await?
    {
        Ok(ok) => ok,
        Err(response) => return Ok(response),
    };
    let mut tx = state.db.begin().await?;
    commands::change(
        &mut tx.ex(),
        editor(&page, org_id),
        engagement,
        before.id,
        &paper,
        recheck,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &home(org_id, engagement, paper.event),
        "paper-flash-saved",
    ))
}

async fn set_published(
    state: AppState,
    org_id: Uuid,
    engagement_id: String,
    paper_id: String,
    page: Page,
    publish: bool,
) -> AppResult {
    let (loaded, paper) = load(&state, org_id, &engagement_id, &paper_id).await?;
    let engagement = loaded.engagement.id;
    let mut tx = state.db.begin().await?;
    commands::set_published(
        &mut tx.ex(),
        editor(&page, org_id),
        engagement,
        paper.id,
        publish,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &home(org_id, engagement, paper.event_id),
        if publish {
            "paper-flash-published"
        } else {
            "paper-flash-unpublished"
        },
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    set_published(state, org_id, engagement_id, paper_id, page, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    set_published(state, org_id, engagement_id, paper_id, page, false).await
}

#[derive(Template)]
#[template(path = "papers/templates/delete.html")]
struct DeletePage {
    page: Page,
    action: String,
    back: String,
    question: String,
    answers: Vec<Choice>,
}

fn delete_page(page: Page, org_id: Uuid, engagement: Uuid, paper: &PaperRow) -> DeletePage {
    DeletePage {
        action: format!(
            "/organisations/{org_id}/engagements/{engagement}/papers/{}/delete",
            paper.id
        ),
        back: home(org_id, engagement, paper.event_id),
        question: page.t_args(
            "paper-delete-question",
            &[("title", paper.title.as_str().into())],
        ),
        answers: vec![
            Choice::new("yes", page.t("paper-delete-yes"), false),
            Choice::new("no", page.t("paper-delete-no"), false),
        ],
        page,
    }
}

pub async fn delete_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
) -> AppResult {
    let (loaded, paper) = load(&state, org_id, &engagement_id, &paper_id).await?;
    render(delete_page(page, org_id, loaded.engagement.id, &paper))
}

/// Whether "Yes, delete it" was chosen; neither answer is a problem.
fn check_confirm(answer: &str) -> Result<bool, Vec<Problem>> {
    match answer {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(vec![Problem::new("confirm", "paper-error-confirm")]),
    }
}

/// Deletes the paper once "Yes" is chosen; "No" goes back without a change.
pub async fn delete_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id, paper_id)): Ids<(Uuid, String, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (loaded, paper) = load(&state, org_id, &engagement_id, &paper_id).await?;
    let engagement = loaded.engagement.id;
    let back = home(org_id, engagement, paper.event_id);
    match check_confirm(&one_of(&pairs(&body), "confirm")) {
        Ok(true) => {}
        Ok(false) => return Ok(crate::web::respond::see_other(&back)),
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(delete_page(page, org_id, engagement, &paper));
        }
    }
    let mut tx = state.db.begin().await?;
    commands::delete(&mut tx.ex(), editor(&page, org_id), engagement, paper.id).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(&state, &back, "paper-flash-deleted"))
}
