//! The team's pages: an engagement's recommendations and its verification rule, adding one, and a
//! recommendation's page where the decision, delivery, milestones, themes, verification and
//! reopening are recorded, with its timeline.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use uuid::Uuid;

use super::commands::{self, RecommendationError};
use super::domain::{
    Decided, Decision, Delivery, MilestoneForm, NewMilestone, Priority, RecommendationForm,
    TEXT_MAX,
};
use super::storage::{self, EvidenceFile, RecommendationRow};
use super::views::{
    MilestoneLine, Tag, TimelineLine, decision_tag, delivery_tag, milestone_lines, timeline, title,
    verification_tag,
};
use super::{Standing, standing};
use crate::contributions::domain::check_file;
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{date_input, format_day, today};
use crate::engagements::{Loaded, load_editable};
use crate::identity::StaffActor;
use crate::state::AppState;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

fn actor(page: &Page, org_id: Uuid) -> StaffActor {
    StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

fn list_link(org_id: Uuid, engagement: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement}/recommendations")
}

fn link(org_id: Uuid, id: Uuid) -> String {
    format!("/organisations/{org_id}/recommendations/{id}")
}

/// The message for a refusal the page explains in words.
fn refusal_problem(error: &RecommendationError) -> Option<Problem> {
    let (field, key) = match error {
        RecommendationError::DeliveryStarted => {
            ("decision", "recommendation-error-delivery-started")
        }
        RecommendationError::NotAccepted => ("delivery", "recommendation-error-not-accepted"),
        RecommendationError::AlreadyImplemented => ("delivery", "recommendation-error-implemented"),
        RecommendationError::NotImplemented => ("reason", "recommendation-error-not-implemented"),
        RecommendationError::UnknownTheme => ("themes", "recommendation-error-theme"),
        RecommendationError::MilestoneDone => ("title", "milestone-error-done"),
        _ => return None,
    };
    Some(Problem::new(field, key))
}

// --- The list -------------------------------------------------------------------------------------

pub struct ListLine {
    pub link: String,
    pub number: i32,
    pub title: String,
    pub decision: Tag,
    pub delivery: Tag,
    pub verification: Tag,
    pub due: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "recommendations/templates/list.html")]
struct ListPage {
    page: Page,
    engagement: EngagementRow,
    base: String,
    lines: Vec<ListLine>,
    max_no_percent: String,
    groups_link: String,
    engagement_link: String,
}

pub async fn list(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let percent = {
        let mut conn = state.db.acquire().await?;
        super::max_no_percent(&mut conn.ex(), engagement.id).await?
    };
    render(list_page(&state, page, org_id, engagement, percent.to_string()).await?)
}

async fn list_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: EngagementRow,
    max_no_percent: String,
) -> Result<ListPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut lines = Vec::new();
    for row in storage::of_engagement(&mut ex, engagement.id).await? {
        let milestones = storage::milestones_of(&mut ex, row.id).await?;
        let standing = standing(&mut ex, &row, &milestones, today()).await?;
        lines.push(ListLine {
            link: link(org_id, row.id),
            number: row.number,
            title: title(locale, &row),
            decision: decision_tag(locale, row.decision),
            delivery: delivery_tag(locale, row.delivery),
            verification: verification_tag(locale, standing.verification),
            due: format_day(row.due_on, locale),
            overdue: standing.overdue,
        });
    }
    Ok(ListPage {
        base: list_link(org_id, engagement.id),
        groups_link: format!("/organisations/{org_id}/implementation-groups"),
        engagement_link: format!("/organisations/{org_id}/engagements/{}", engagement.id),
        page,
        engagement,
        lines,
        max_no_percent,
    })
}

/// The most "no" answers, in percent, a verified recommendation of this engagement may have.
pub async fn rule_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let given = one_of(&pairs(&body), "max_no_percent");
    let Some(percent) = given.trim().parse::<u8>().ok().filter(|p| *p <= 100) else {
        let page =
            page.with_problems(&[Problem::new("max_no_percent", "recommendation-error-rule")]);
        return render_invalid(list_page(&state, page, org_id, engagement, given).await?);
    };
    let mut tx = state.db.begin().await?;
    commands::set_rule(&mut tx.ex(), actor(&page, org_id), &engagement, percent)
        .await
        .map_err(AppError::from)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &list_link(org_id, engagement.id),
        "recommendation-rule-saved",
    ))
}

// --- Adding one -----------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "recommendations/templates/new.html")]
struct NewPage {
    page: Page,
    engagement: EngagementRow,
    back: String,
    form: RecommendationForm,
    due: DateInput,
    priorities: Vec<Choice>,
    themes: Vec<Choice>,
}

async fn theme_choices(
    state: &AppState,
    engagement: Uuid,
    chosen: &[String],
) -> Result<Vec<Choice>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(
        crate::contributions::live_themes(&mut conn.ex(), engagement)
            .await?
            .into_iter()
            .map(|(id, name)| Choice::new(id.to_string(), name, chosen.contains(&id.to_string())))
            .collect(),
    )
}

async fn new_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: EngagementRow,
    form: RecommendationForm,
) -> Result<NewPage, AppError> {
    let locale = page.locale();
    let due = date_input(
        locale,
        &page.errors,
        "due",
        locale.t("recommendation-field-due"),
        form.due.clone(),
    );
    let priorities = Priority::ALL
        .iter()
        .map(|p| {
            Choice::new(
                p.as_str(),
                locale.t(&p.message_key()),
                form.priority == p.as_str(),
            )
        })
        .collect();
    let themes = theme_choices(state, engagement.id, &form.themes).await?;
    Ok(NewPage {
        back: list_link(org_id, engagement.id),
        page,
        engagement,
        form,
        due,
        priorities,
        themes,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let form = RecommendationForm {
        priority: Priority::Medium.as_str().to_owned(),
        ..RecommendationForm::default()
    };
    render(new_page(&state, page, org_id, engagement, form).await?)
}

fn read_recommendation(body: &[u8]) -> RecommendationForm {
    let form = pairs(body);
    let one = |name: &str| one_of(&form, name);
    RecommendationForm {
        title_en: one("title_en"),
        title_cy: one("title_cy"),
        body_en: one("body_en"),
        body_cy: one("body_cy"),
        easy_read: one("easy_read"),
        addressed_to: one("addressed_to"),
        owner_organisation: one("owner_organisation"),
        owner_role: one("owner_role"),
        lead_name: one("lead_name"),
        due: [one("due-day"), one("due-month"), one("due-year")],
        priority: one("priority"),
        themes: all_of(&form, "themes"),
    }
}

fn theme_ids(given: &[String]) -> Option<Vec<Uuid>> {
    given.iter().map(|t| Uuid::parse_str(t).ok()).collect()
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let form = read_recommendation(&body);
    let themes = theme_ids(&form.themes);
    let checked = form.check();
    let (new, themes) = match (checked, themes) {
        (Ok(new), Some(themes)) => (new, themes),
        (checked, themes) => {
            let mut problems = checked.err().unwrap_or_default();
            if themes.is_none() {
                problems.push(Problem::new("themes", "recommendation-error-theme"));
            }
            let page = page.with_problems(&problems);
            return render_invalid(new_page(&state, page, org_id, engagement, form).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    let made = commands::propose(
        &mut tx.ex(),
        actor(&page, org_id),
        &engagement,
        &new,
        &themes,
    )
    .await;
    let id = match made {
        Ok(id) => id,
        Err(error) => {
            drop(tx);
            let Some(problem) = refusal_problem(&error) else {
                return Err(AppError::from(error));
            };
            let page = page.with_problems(&[problem]);
            return render_invalid(new_page(&state, page, org_id, engagement, form).await?);
        }
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &link(org_id, id),
        "recommendation-added",
    ))
}

// --- One recommendation ---------------------------------------------------------------------------

/// What a refused form sent, shown again.
#[derive(Default)]
struct Kept {
    decision: String,
    note: String,
    milestone: MilestoneForm,
    reason: String,
    done_for: Option<Uuid>,
    done_note: String,
    done_link: String,
}

pub struct AnswerLine {
    pub answer: String,
    pub words: String,
}

#[derive(Template)]
#[template(path = "recommendations/templates/show.html")]
struct ShowPage {
    page: Page,
    row: RecommendationRow,
    title: String,
    engagement: EngagementRow,
    base: String,
    back: String,
    public_link: String,
    decision: Tag,
    delivery: Tag,
    verification: Tag,
    standing: Standing,
    due: String,
    decisions: Vec<Choice>,
    note: String,
    deliveries: Vec<Choice>,
    milestones: Vec<MilestoneLine>,
    milestone: MilestoneForm,
    milestone_due: DateInput,
    themes: Vec<Choice>,
    answers: Vec<AnswerLine>,
    reason: String,
    done_for: Option<Uuid>,
    done_note: String,
    done_link: String,
    timeline: Vec<TimelineLine>,
    group_name: String,
    followers: usize,
    rule_text: String,
    priority: String,
}

async fn show_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    id: Uuid,
    kept: Kept,
) -> Result<ShowPage, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let (row, engagement) = commands::load_for(&mut ex, org_id, id)
        .await
        .map_err(AppError::from)?;
    let milestones = storage::milestones_of(&mut ex, id).await?;
    let standing = standing(&mut ex, &row, &milestones, today()).await?;
    let chosen_themes: Vec<String> = storage::themes_of(&mut ex, id)
        .await?
        .iter()
        .map(Uuid::to_string)
        .collect();
    let themes = crate::contributions::live_themes(&mut ex, engagement.id)
        .await?
        .into_iter()
        .map(|(t, name)| Choice::new(t.to_string(), name, chosen_themes.contains(&t.to_string())))
        .collect();
    let answers = storage::answers(&mut ex, id, row.round)
        .await?
        .into_iter()
        .map(|a| AnswerLine {
            answer: locale.t(&a.answer.message_key()),
            words: a.words,
        })
        .collect();
    let history = storage::history_of(&mut ex, id).await?;
    let group_name = match row.group_id {
        Some(group) => storage::find_group(&mut ex, group)
            .await?
            .map(|g| g.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let followers = super::followers(&mut ex, &row).await?.len();
    let current_decision = if kept.decision.is_empty() {
        row.decision.as_str().to_owned()
    } else {
        kept.decision.clone()
    };
    let decisions = [
        Decision::Accepted,
        Decision::AcceptedInPart,
        Decision::Rejected,
    ]
    .iter()
    .map(|d| {
        Choice::new(
            d.as_str(),
            locale.t(&d.message_key()),
            current_decision == d.as_str(),
        )
        .with_hint(locale.t(&format!("{}-hint", d.message_key())))
    })
    .collect();
    let deliveries = Delivery::ALL
        .iter()
        .map(|d| Choice::new(d.as_str(), locale.t(&d.message_key()), row.delivery == *d))
        .collect();
    let milestone_due = date_input(
        locale,
        &page.errors,
        "due",
        locale.t("milestone-field-due"),
        kept.milestone.due.clone(),
    );
    let note = if kept.decision.is_empty() {
        row.decision_note.clone()
    } else {
        kept.note
    };
    Ok(ShowPage {
        title: title(locale, &row),
        base: link(org_id, id),
        back: list_link(org_id, engagement.id),
        public_link: format!("/recommendations/{id}"),
        decision: decision_tag(locale, row.decision),
        delivery: delivery_tag(locale, row.delivery),
        verification: verification_tag(locale, standing.verification),
        due: format_day(row.due_on, locale),
        milestones: milestone_lines(locale, &milestones, today()),
        timeline: timeline(locale, &history),
        rule_text: rule_text(locale, standing.max_no_percent),
        priority: locale.t(&row.priority.message_key()),
        page,
        row,
        engagement,
        standing,
        decisions,
        note,
        deliveries,
        milestone: kept.milestone,
        milestone_due,
        themes,
        answers,
        reason: kept.reason,
        done_for: kept.done_for,
        done_note: kept.done_note,
        done_link: kept.done_link,
        group_name,
        followers,
    })
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    render(show_page(&state, page, org_id, id, Kept::default()).await?)
}

/// Runs one command in a transaction; a refusal the page explains is shown on the page with 422.
async fn run(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    id: Uuid,
    kept: Kept,
    flash: &str,
    command: impl AsyncFnOnce(&mut crate::db::Ex<'_>) -> Result<(), RecommendationError>,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    match command(&mut tx.ex()).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(state, &link(org_id, id), flash))
        }
        Err(error) => {
            drop(tx);
            let Some(problem) = refusal_problem(&error) else {
                return Err(AppError::from(error));
            };
            let page = page.with_problems(&[problem]);
            render_invalid(show_page(state, page, org_id, id, kept).await?)
        }
    }
}

async fn invalid(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    id: Uuid,
    problems: &[Problem],
    kept: Kept,
) -> AppResult {
    let page = page.with_problems(problems);
    render_invalid(show_page(state, page, org_id, id, kept).await?)
}

pub async fn decide(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let (decision, note) = (one_of(&form, "decision"), one_of(&form, "note"));
    let kept = Kept {
        decision: decision.clone(),
        note: note.clone(),
        ..Kept::default()
    };
    let decided = match Decided::check(&decision, &note) {
        Ok(decided) => decided,
        Err(problem) => return invalid(&state, page, org_id, id, &[problem], kept).await,
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        kept,
        "recommendation-decided",
        async |ex| commands::decide(ex, &state, staff, id, &decided).await,
    )
    .await
}

pub async fn delivery(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Some(delivery) = Delivery::parse(&one_of(&pairs(&body), "delivery")) else {
        let problem = Problem::new("delivery", "recommendation-error-delivery");
        return invalid(&state, page, org_id, id, &[problem], Kept::default()).await;
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        Kept::default(),
        "recommendation-delivery-saved",
        async |ex| commands::set_delivery(ex, &state, staff, id, delivery, today()).await,
    )
    .await
}

pub async fn themes(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Some(themes) = theme_ids(&all_of(&pairs(&body), "themes")) else {
        let problem = Problem::new("themes", "recommendation-error-theme");
        return invalid(&state, page, org_id, id, &[problem], Kept::default()).await;
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        Kept::default(),
        "recommendation-themes-saved",
        async |ex| commands::set_themes(ex, staff, id, &themes).await,
    )
    .await
}

/// The milestone form's fields; a form that is not a file upload reads as empty.
async fn read_milestone(
    multipart: Result<Multipart, MultipartRejection>,
) -> (MilestoneForm, String, Vec<u8>) {
    let mut form = MilestoneForm::default();
    let (mut file_name, mut file) = (String::new(), Vec::new());
    let Ok(mut multipart) = multipart else {
        return (form, file_name, file);
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or("").to_owned();
        if name == "file" {
            file_name = field.file_name().unwrap_or("").to_owned();
            file = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match name.as_str() {
            "title" => form.title = value,
            "due-day" => form.due[0] = value,
            "due-month" => form.due[1] = value,
            "due-year" => form.due[2] = value,
            "evidence_note" => form.evidence_note = value,
            "evidence_link" => form.evidence_link = value,
            _ => {}
        }
    }
    (form, file_name, file)
}

pub async fn add_milestone(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let (form, file_name, bytes) = read_milestone(multipart).await;
    let mut problems = Vec::new();
    let checked: Option<NewMilestone> = form.check().map_err(|p| problems.extend(p)).ok();
    let file = if bytes.is_empty() {
        None
    } else {
        check_file("file", &file_name, bytes)
            .map_err(|p| problems.push(p))
            .ok()
    };
    let kept = Kept {
        milestone: form,
        ..Kept::default()
    };
    let Some(new) = checked.filter(|_| problems.is_empty()) else {
        return invalid(&state, page, org_id, id, &problems, kept).await;
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        kept,
        "milestone-added",
        async |ex| {
            let evidence = file.as_ref().map(|f| EvidenceFile {
                name: &f.name,
                content_type: f.kind.content_type(),
                bytes: &f.bytes,
            });
            commands::add_milestone(ex, &state, staff, id, &new, evidence)
                .await
                .map(|_| ())
        },
    )
    .await
}

pub async fn milestone_done(
    State(state): State<AppState>,
    Ids((org_id, id, milestone)): Ids<(Uuid, Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let (note, link_given) = (
        one_of(&form, "evidence_note"),
        one_of(&form, "evidence_link"),
    );
    let kept = Kept {
        done_for: Some(milestone),
        done_note: note.clone(),
        done_link: link_given.clone(),
        ..Kept::default()
    };
    let checked = MilestoneForm {
        title: "-".into(),
        due: ["1".into(), "1".into(), "2000".into()],
        evidence_note: note,
        evidence_link: link_given,
    }
    .check();
    let new = match checked {
        Ok(new) => new,
        Err(problems) => {
            let problems: Vec<Problem> = problems
                .into_iter()
                .map(|p| Problem {
                    field: format!("done-{}-{}", milestone, p.field),
                    ..p
                })
                .collect();
            return invalid(&state, page, org_id, id, &problems, kept).await;
        }
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        kept,
        "milestone-done",
        async |ex| {
            commands::complete_milestone(
                ex,
                &state,
                staff,
                id,
                milestone,
                today(),
                commands::Evidence {
                    note: &new.evidence_note,
                    link: &new.evidence_link,
                },
            )
            .await
        },
    )
    .await
}

pub async fn ask_again(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        Kept::default(),
        "verification-asked",
        async |ex| commands::ask_again(ex, &state, staff, id).await.map(|_| ()),
    )
    .await
}

pub async fn reopen(
    State(state): State<AppState>,
    Ids((org_id, id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let reason = one_of(&pairs(&body), "reason");
    let kept = Kept {
        reason: reason.clone(),
        ..Kept::default()
    };
    let checked = crate::contributions::domain::check_words(
        "reason",
        &reason,
        "recommendation-error-reopen-reason",
        "recommendation-error-too-long",
        TEXT_MAX,
    );
    let reason = match checked {
        Ok(reason) => reason,
        Err(problem) => return invalid(&state, page, org_id, id, &[problem], kept).await,
    };
    let staff = actor(&page, org_id);
    run(
        &state,
        page,
        org_id,
        id,
        kept,
        "recommendation-reopened",
        async |ex| commands::reopen(ex, &state, staff, id, &reason).await,
    )
    .await
}

/// The verification rule in words.
pub fn rule_text(locale: crate::i18n::Locale, max_no_percent: u8) -> String {
    locale.t_args(
        "recommendation-verification-rule",
        &[
            ("yes", super::domain::YES_NEEDED.into()),
            ("percent", i64::from(max_no_percent).into()),
        ],
    )
}
