//! Implementation groups: a working group given a set of recommendations to monitor. Staff make
//! groups, add and remove members, and give them recommendations; members see their set together
//! and keep notes, and are the people asked to verify.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, GroupError, NoteAuthor};
use super::domain::{TEXT_MAX, TITLE_MAX};
use super::public::Line;
use super::standing;
use super::storage::{self, GroupRow, RecommendationRow};
use super::views::{decision_tag, delivery_tag, title, verification_tag};
use crate::contributions::domain::check_words;
use crate::engagements::views::today;
use crate::identity::StaffActor;
use crate::register::record::{people_list, subject};
use crate::state::AppState;
use crate::web::dates;
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

fn groups_link(org_id: Uuid) -> String {
    format!("/organisations/{org_id}/implementation-groups")
}

fn refusal(error: GroupError) -> AppError {
    match error {
        GroupError::Database(e) => e.into(),
        GroupError::NotFound => AppError::NotFound,
        _ => AppError::Forbidden,
    }
}

// --- The organisation's groups --------------------------------------------------------------------

pub struct GroupLine {
    pub link: String,
    pub name: String,
    pub members: usize,
    pub recommendations: usize,
}

#[derive(Template)]
#[template(path = "recommendations/templates/groups.html")]
struct GroupsPage {
    page: Page,
    base: String,
    back: String,
    groups: Vec<GroupLine>,
    name: String,
}

async fn groups_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    name: String,
) -> Result<GroupsPage, AppError> {
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut groups = Vec::new();
    for group in storage::groups_of(&mut ex, org_id).await? {
        groups.push(GroupLine {
            link: format!("{}/{}", groups_link(org_id), group.id),
            members: storage::members_of(&mut ex, group.id).await?.len(),
            recommendations: storage::of_group(&mut ex, group.id).await?.len(),
            name: group.name,
        });
    }
    Ok(GroupsPage {
        base: groups_link(org_id),
        back: format!("/organisations/{org_id}"),
        page,
        groups,
        name,
    })
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    render(groups_page(&state, page, org_id, String::new()).await?)
}

pub async fn create(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let given = one_of(&pairs(&body), "name");
    let name = match check_words(
        "name",
        &given,
        "implementation-group-error-name",
        "recommendation-error-too-long",
        TITLE_MAX,
    ) {
        Ok(name) => name,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            return render_invalid(groups_page(&state, page, org_id, given).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    let id = commands::create_group(&mut tx.ex(), actor(&page, org_id), &name)
        .await
        .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{id}", groups_link(org_id)),
        "implementation-group-created",
    ))
}

// --- One group, for staff -------------------------------------------------------------------------

pub struct Member {
    pub id: Uuid,
    pub name: String,
}

pub struct NoteLine {
    pub when: String,
    pub by: String,
    pub about: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "recommendations/templates/group.html")]
struct GroupPage {
    page: Page,
    base: String,
    back: String,
    group: GroupRow,
    members: Vec<Member>,
    search: String,
    found: Vec<Member>,
    lines: Vec<Line>,
    choices: Vec<Choice>,
    notes: Vec<NoteLine>,
    about: Vec<Choice>,
    note: String,
    note_action: String,
}

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    pub name: String,
}

async fn own_group(state: &AppState, org_id: Uuid, group: Uuid) -> Result<GroupRow, AppError> {
    let mut conn = state.db.acquire().await?;
    storage::find_group(&mut conn.ex(), group)
        .await?
        .filter(|g| g.organisation_id == org_id)
        .ok_or(AppError::NotFound)
}

async fn lines_of(
    state: &AppState,
    page: &Page,
    monitored: &[RecommendationRow],
    link: impl Fn(Uuid) -> String,
) -> Result<Vec<Line>, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut out = Vec::new();
    for row in monitored {
        let milestones = storage::milestones_of(&mut ex, row.id).await?;
        let standing = standing(&mut ex, row, &milestones, today()).await?;
        out.push(Line {
            link: link(row.id),
            number: row.number,
            title: title(locale, row),
            decision: decision_tag(locale, row.decision),
            delivery: delivery_tag(locale, row.delivery),
            verification: verification_tag(locale, standing.verification),
            overdue: standing.overdue,
        });
    }
    Ok(out)
}

async fn notes_of(
    state: &AppState,
    page: &Page,
    group: Uuid,
    monitored: &[RecommendationRow],
) -> Result<Vec<NoteLine>, AppError> {
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    Ok(storage::notes_of(&mut conn.ex(), group)
        .await?
        .into_iter()
        .rev()
        .map(|n| NoteLine {
            when: dates::format_date(n.created_at, locale),
            by: locale.t(if n.person_id.is_some() {
                "implementation-group-note-by-member"
            } else {
                "implementation-group-note-by-staff"
            }),
            about: n
                .recommendation_id
                .and_then(|r| monitored.iter().find(|m| m.id == r))
                .map(|r| title(locale, r))
                .unwrap_or_default(),
            body: n.body,
        })
        .collect())
}

fn about_choices(page: &Page, monitored: &[RecommendationRow]) -> Vec<Choice> {
    let locale = page.locale();
    std::iter::once(Choice::new(
        "",
        locale.t("implementation-group-note-general"),
        true,
    ))
    .chain(monitored.iter().map(|r| {
        Choice::new(
            r.id.to_string(),
            format!("{}. {}", r.number, title(locale, r)),
            false,
        )
    }))
    .collect()
}

async fn group_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    group: GroupRow,
    search: String,
    note: String,
) -> Result<GroupPage, AppError> {
    let locale = page.locale();
    let (member_ids, monitored, all) = {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        (
            storage::members_of(&mut ex, group.id).await?,
            storage::of_group(&mut ex, group.id).await?,
            storage::of_organisation(&mut ex, org_id, false).await?,
        )
    };
    let mut members = Vec::new();
    for id in member_ids {
        let name = subject::seen_by_staff(state, &page, org_id, &id.to_string())
            .await
            .map(|s| s.person.display_name)
            .unwrap_or_else(|_| locale.t("implementation-group-member-hidden"));
        members.push(Member { id, name });
    }
    let found = people_list::named(state, &page, org_id, &search)
        .await?
        .into_iter()
        .filter(|(id, _)| !members.iter().any(|m| m.id == *id))
        .map(|(id, name)| Member { id, name })
        .collect();
    let lines = lines_of(state, &page, &monitored, |id| {
        format!("/organisations/{org_id}/recommendations/{id}")
    })
    .await?;
    let choices = all
        .iter()
        .map(|r| {
            Choice::new(
                r.id.to_string(),
                format!("{}. {}", r.number, title(locale, r)),
                r.group_id == Some(group.id),
            )
        })
        .collect();
    let notes = notes_of(state, &page, group.id, &monitored).await?;
    let about = about_choices(&page, &monitored);
    Ok(GroupPage {
        note_action: format!("{}/{}/notes", groups_link(org_id), group.id),
        base: format!("{}/{}", groups_link(org_id), group.id),
        back: groups_link(org_id),
        page,
        group,
        members,
        search,
        found,
        lines,
        choices,
        notes,
        about,
        note,
    })
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, group_id)): Ids<(Uuid, Uuid)>,
    Query(search): Query<Search>,
    page: Page,
) -> AppResult {
    let group = own_group(&state, org_id, group_id).await?;
    render(group_page(&state, page, org_id, group, search.name, String::new()).await?)
}

pub async fn add_member(
    State(state): State<AppState>,
    Ids((org_id, group_id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let group = own_group(&state, org_id, group_id).await?;
    let Ok(person) = Uuid::parse_str(one_of(&pairs(&body), "person").trim()) else {
        let page = page.with_problems(&[Problem::new("name", "implementation-group-error-person")]);
        return render_invalid(
            group_page(&state, page, org_id, group, String::new(), String::new()).await?,
        );
    };
    // Only someone staff may see can be added: the same rule as the people list.
    subject::seen_by_staff(&state, &page, org_id, &person.to_string()).await?;
    let mut tx = state.db.begin().await?;
    commands::add_member(&mut tx.ex(), actor(&page, org_id), group.id, person)
        .await
        .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{}", groups_link(org_id), group.id),
        "implementation-group-member-added",
    ))
}

pub async fn remove_member(
    State(state): State<AppState>,
    Ids((org_id, group_id, person)): Ids<(Uuid, Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let group = own_group(&state, org_id, group_id).await?;
    let mut tx = state.db.begin().await?;
    commands::remove_member(&mut tx.ex(), actor(&page, org_id), group.id, person)
        .await
        .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{}", groups_link(org_id), group.id),
        "implementation-group-member-removed",
    ))
}

pub async fn assign(
    State(state): State<AppState>,
    Ids((org_id, group_id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let group = own_group(&state, org_id, group_id).await?;
    let chosen: Option<Vec<Uuid>> = all_of(&pairs(&body), "recommendations")
        .iter()
        .map(|r| Uuid::parse_str(r).ok())
        .collect();
    let chosen = chosen.ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await?;
    commands::assign(&mut tx.ex(), actor(&page, org_id), group.id, &chosen)
        .await
        .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{}", groups_link(org_id), group.id),
        "implementation-group-assigned",
    ))
}

/// A note as the form gives it: the words typed (kept if refused), and the checked words with the
/// recommendation it is about, if any.
struct NoteForm {
    given: String,
    checked: Result<(String, Option<Uuid>), Problem>,
}

fn read_note(body: &[u8]) -> NoteForm {
    let form = pairs(body);
    let (given, about) = (one_of(&form, "note"), one_of(&form, "about"));
    let checked = check_words(
        "note",
        &given,
        "implementation-group-error-note",
        "recommendation-error-too-long",
        TEXT_MAX,
    )
    .map(|words| (words, Uuid::parse_str(about.trim()).ok()));
    NoteForm { given, checked }
}

pub async fn staff_note(
    State(state): State<AppState>,
    Ids((org_id, group_id)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let group = own_group(&state, org_id, group_id).await?;
    let NoteForm { given, checked } = read_note(&body);
    let (words, about) = match checked {
        Ok(checked) => checked,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            return render_invalid(
                group_page(&state, page, org_id, group, String::new(), given).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    commands::add_note(
        &mut tx.ex(),
        NoteAuthor::Staff(actor(&page, org_id)),
        group.id,
        about,
        &words,
    )
    .await
    .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/{}", groups_link(org_id), group.id),
        "implementation-group-note-added",
    ))
}

// --- One group, for its members -------------------------------------------------------------------

#[derive(Template)]
#[template(path = "recommendations/templates/member_group.html")]
struct MemberPage {
    page: Page,
    group: GroupRow,
    members: usize,
    lines: Vec<Line>,
    notes: Vec<NoteLine>,
    about: Vec<Choice>,
    note: String,
    note_action: String,
}

/// The signed-in person, if they are a member of the group.
async fn member_of(
    state: &AppState,
    page: &Page,
    group: Uuid,
) -> Result<(GroupRow, Uuid), AppError> {
    let person = subject::own(state, page).await?.person.id;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let found = storage::find_group(&mut ex, group)
        .await?
        .ok_or(AppError::NotFound)?;
    if !storage::members_of(&mut ex, group).await?.contains(&person) {
        return Err(AppError::NotFound);
    }
    Ok((found, person))
}

async fn member_page(
    state: &AppState,
    page: Page,
    group: GroupRow,
    note: String,
) -> Result<MemberPage, AppError> {
    let (members, monitored) = {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        (
            storage::members_of(&mut ex, group.id).await?.len(),
            storage::of_group(&mut ex, group.id).await?,
        )
    };
    let lines = lines_of(state, &page, &monitored, |id| {
        format!("/recommendations/{id}")
    })
    .await?;
    let notes = notes_of(state, &page, group.id, &monitored).await?;
    let about = about_choices(&page, &monitored);
    Ok(MemberPage {
        note_action: format!("/implementation-groups/{}/notes", group.id),
        page,
        group,
        members,
        lines,
        notes,
        about,
        note,
    })
}

pub async fn member_view(
    State(state): State<AppState>,
    Ids(group_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let (group, _) = member_of(&state, &page, group_id).await?;
    render(member_page(&state, page, group, String::new()).await?)
}

pub async fn member_note(
    State(state): State<AppState>,
    Ids(group_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (group, person) = member_of(&state, &page, group_id).await?;
    let NoteForm { given, checked } = read_note(&body);
    let (words, about) = match checked {
        Ok(checked) => checked,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            return render_invalid(member_page(&state, page, group, given).await?);
        }
    };
    let author = NoteAuthor::Member {
        account: page.ctx.actor(),
        person,
    };
    let mut tx = state.db.begin().await?;
    commands::add_note(&mut tx.ex(), author, group.id, about, &words)
        .await
        .map_err(refusal)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/implementation-groups/{}", group.id),
        "implementation-group-note-added",
    ))
}
