//! "You said, we did (together)": the engagement's feedback report. What we heard is made from the
//! themes (how many people raised each, and quotes their authors agreed to share); the team writes
//! what was decided and why, what was not done and why not, and what happens next and by when.
//! Members of the engagement's group (everyone booked at its events) comment on the draft;
//! publishing tells each contributor personally what happened to the themes they raised.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::State;
use uuid::Uuid;

use super::commands::{self, Draft, ReportError};
use super::figures;
use super::storage::{self, ReportRow};
use super::team::{FiguresView, actor, base, figures_view};
use super::themes::{channel_names, tally};
use crate::engagements::domain::{Shown, date_parts, parse_date};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{date_input, format_day, today};
use crate::engagements::{Loaded, load_editable};
use crate::i18n::Locale;
use crate::ids::EngagementId;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::forms::{Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

/// The most characters of each part the team writes.
pub const PART_MAX_CHARS: usize = 10_000;

/// One theme as the report shows it.
pub struct HeardLine {
    pub name: String,
    pub people: usize,
    pub channels: String,
    pub quotes: Vec<String>,
}

/// What we heard: each live theme with at least one contribution, most people first.
async fn heard(
    state: &AppState,
    locale: Locale,
    engagement: Uuid,
) -> Result<Vec<HeardLine>, sqlx::Error> {
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let rows = storage::of_engagement(&mut ex, engagement).await?;
    let links = storage::links_of(&mut ex, engagement).await?;
    let mut lines: Vec<HeardLine> = storage::themes_of(&mut ex, engagement)
        .await?
        .into_iter()
        .filter(|t| t.merged_into.is_none())
        .map(|theme| {
            let tally = tally(state, &rows, &links, theme.id);
            HeardLine {
                name: theme.name,
                people: tally.people,
                channels: channel_names(locale, &tally.channels),
                quotes: tally.quotes,
            }
        })
        .filter(|line| line.people > 0)
        .collect();
    lines.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.name.cmp(&b.name)));
    Ok(lines)
}

fn paragraphs(text: &str) -> Vec<String> {
    Shown {
        text: text.to_owned(),
        lang: None,
    }
    .paragraphs()
}

/// Checks the report form: each part within its length, a real date or none.
pub fn check(
    decided: &str,
    not_done: &str,
    next_steps: &str,
    next_by: &[String; 3],
) -> Result<Draft, Vec<Problem>> {
    let mut problems = Vec::new();
    for (field, text) in [
        ("decided", decided),
        ("not_done", not_done),
        ("next_steps", next_steps),
    ] {
        if text.trim().chars().count() > PART_MAX_CHARS {
            problems.push(Problem::too_long(
                field,
                "feedback-report-too-long",
                PART_MAX_CHARS,
            ));
        }
    }
    let next_by = if next_by.iter().all(|p| p.trim().is_empty()) {
        None
    } else {
        let parsed = parse_date(next_by);
        if parsed.is_none() {
            problems.push(Problem::new("next_by-day", "feedback-report-date-invalid"));
        }
        parsed
    };
    if problems.is_empty() {
        Ok(Draft {
            decided: decided.trim().to_owned(),
            not_done: not_done.trim().to_owned(),
            next_steps: next_steps.trim().to_owned(),
            next_by,
        })
    } else {
        Err(problems)
    }
}

pub struct CommentLine {
    pub author: String,
    pub when: String,
    pub body: Vec<String>,
}

#[derive(Template)]
#[template(path = "contributions/templates/report_edit.html")]
struct EditPage {
    page: Page,
    base: String,
    title: String,
    public_link: String,
    heard: Vec<HeardLine>,
    figures: FiguresView,
    decided: String,
    not_done: String,
    next_steps: String,
    next_by: String,
    published: bool,
    comments: Vec<CommentLine>,
    group_size: usize,
}

#[allow(clippy::too_many_arguments)]
async fn edit_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    report: ReportRow,
    next_by: [String; 3],
) -> Result<EditPage, AppError> {
    let locale = page.locale();
    let heard = heard(state, locale, engagement.id).await?;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let figures = figures(&mut ex, engagement, today()).await?;
    let group_size = crate::events::group_of_engagement(&mut ex, engagement.id)
        .await?
        .len();
    let mut comments = Vec::new();
    for row in storage::comments_of(&mut ex, engagement.id).await? {
        let author = match row.person_id {
            Some(person) => crate::register::find_person(&mut ex, person)
                .await?
                .filter(|p| p.erased_at.is_none())
                .map_or_else(|| locale.t("contribution-anonymous"), |p| p.display_name),
            None => locale.t("contribution-anonymous"),
        };
        comments.push(CommentLine {
            author,
            when: format_day(row.created_at.date(), locale),
            body: paragraphs(&row.body),
        });
    }
    let next_by = askama::Template::render(&date_input(
        locale,
        &page.errors,
        "next_by",
        locale.t("feedback-report-next-by"),
        next_by,
    ))
    .unwrap_or_default();
    Ok(EditPage {
        base: base(org_id, engagement.id),
        title: engagement.title().shown(locale).text,
        public_link: format!("/engagements/{}/you-said-we-did", engagement.id),
        heard,
        figures: figures_view(locale, &figures),
        published: report.published_at.is_some(),
        decided: report.decided,
        not_done: report.not_done,
        next_steps: report.next_steps,
        next_by,
        comments,
        group_size,
        page,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let mut conn = state.db.acquire().await?;
    let report = storage::report_of(&mut conn.ex(), engagement.id)
        .await?
        .unwrap_or_default();
    drop(conn);
    let next_by = report.next_by.map(date_parts).unwrap_or_default();
    render(edit_page(&state, page, org_id, &engagement, report, next_by).await?)
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let form = pairs(&body);
    let (decided, not_done, next_steps) = (
        one_of(&form, "decided"),
        one_of(&form, "not_done"),
        one_of(&form, "next_steps"),
    );
    let next_by = [
        one_of(&form, "next_by-day"),
        one_of(&form, "next_by-month"),
        one_of(&form, "next_by-year"),
    ];
    let draft = match check(&decided, &not_done, &next_steps, &next_by) {
        Ok(draft) => draft,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let report = ReportRow {
                decided,
                not_done,
                next_steps,
                next_by: None,
                published_at: None,
            };
            return render_invalid(
                edit_page(&state, page, org_id, &engagement, report, next_by).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    let flash = match commands::save_report(
        &mut tx.ex(),
        actor(&page, org_id),
        engagement.id,
        &draft,
    )
    .await
    {
        Ok(()) => "feedback-report-saved",
        Err(ReportError::AlreadyPublished) => "feedback-report-already-published",
        Err(ReportError::Database(error)) => return Err(error.into()),
        Err(_) => return Err(AppError::NotFound),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/report", base(org_id, engagement.id)),
        flash,
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let mut tx = state.db.begin().await?;
    let result =
        commands::publish_report(&mut tx.ex(), &state, actor(&page, org_id), &engagement).await;
    let flash = match result {
        Ok(_) => "feedback-report-published",
        Err(ReportError::AlreadyPublished) => "feedback-report-already-published",
        Err(ReportError::NotWritten) => "feedback-report-not-written",
        Err(ReportError::Database(error)) => return Err(error.into()),
        Err(ReportError::NotInGroup) => return Err(AppError::NotFound),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/report", base(org_id, engagement.id)),
        flash,
    ))
}

/// The report as the public and the group read it.
pub struct ReportView {
    pub heard: Vec<HeardLine>,
    pub decided: Vec<String>,
    pub not_done: Vec<String>,
    pub next_steps: Vec<String>,
    pub next_by: String,
}

fn report_view(locale: Locale, heard: Vec<HeardLine>, report: &ReportRow) -> ReportView {
    ReportView {
        heard,
        decided: paragraphs(&report.decided),
        not_done: paragraphs(&report.not_done),
        next_steps: paragraphs(&report.next_steps),
        next_by: report
            .next_by
            .map(|d| format_day(d, locale))
            .unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "contributions/templates/report_public.html")]
struct PublicPage {
    page: Page,
    engagement_id: Uuid,
    title: String,
    organisation: String,
    report: Option<ReportView>,
    figures: FiguresView,
}

async fn published_engagement(state: &AppState, id: Uuid) -> Result<EngagementRow, AppError> {
    let mut conn = state.db.acquire().await?;
    crate::engagements::find(&mut conn.ex(), id)
        .await?
        .filter(|e| e.published)
        .ok_or(AppError::NotFound)
}

pub async fn public_page(
    State(state): State<AppState>,
    Ids(engagement_id): Ids<EngagementId>,
    page: Page,
) -> AppResult {
    let engagement = published_engagement(&state, engagement_id.0).await?;
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let figures = figures(&mut ex, &engagement, today()).await?;
    let report = storage::report_of(&mut ex, engagement.id)
        .await?
        .filter(|r| r.published_at.is_some());
    drop(conn);
    let report = match report {
        Some(report) => Some(report_view(
            locale,
            heard(&state, locale, engagement.id).await?,
            &report,
        )),
        None => None,
    };
    render(PublicPage {
        engagement_id: engagement.id,
        title: engagement.title().shown(locale).text,
        organisation: engagement.organisation_name.clone(),
        report,
        figures: figures_view(locale, &figures),
        page,
    })
}

#[derive(Template)]
#[template(path = "contributions/templates/report_draft.html")]
struct DraftPage {
    page: Page,
    engagement_id: Uuid,
    title: String,
    report: ReportView,
    comment: String,
}

/// The signed-in person, if they are in the engagement's group and the report is still a draft.
async fn group_member(
    state: &AppState,
    page: &Page,
    engagement: Uuid,
) -> Result<(Uuid, BTreeSet<Uuid>, ReportRow), AppError> {
    let person = subject::own(state, page).await?.person.id;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let group = crate::events::group_of_engagement(&mut ex, engagement).await?;
    if !group.contains(&person) {
        return Err(AppError::NotFound);
    }
    let report = storage::report_of(&mut ex, engagement)
        .await?
        .filter(|r| r.published_at.is_none())
        .ok_or(AppError::NotFound)?;
    Ok((person, group, report))
}

async fn draft_view(
    state: &AppState,
    page: Page,
    engagement: &EngagementRow,
    report: &ReportRow,
    comment: String,
) -> Result<DraftPage, AppError> {
    let locale = page.locale();
    let heard = heard(state, locale, engagement.id).await?;
    Ok(DraftPage {
        engagement_id: engagement.id,
        title: engagement.title().shown(locale).text,
        report: report_view(locale, heard, report),
        comment,
        page,
    })
}

pub async fn draft_page(
    State(state): State<AppState>,
    Ids(engagement_id): Ids<EngagementId>,
    page: Page,
) -> AppResult {
    let engagement = published_engagement(&state, engagement_id.0).await?;
    let (_, _, report) = group_member(&state, &page, engagement.id).await?;
    render(draft_view(&state, page, &engagement, &report, String::new()).await?)
}

/// Checks a comment on the draft: said, and not too long.
pub fn check_comment(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::new("comment", "feedback-comment-missing"))
    } else if text.chars().count() > PART_MAX_CHARS {
        Err(Problem::too_long(
            "comment",
            "feedback-report-too-long",
            PART_MAX_CHARS,
        ))
    } else {
        Ok(text.to_owned())
    }
}

pub async fn draft_comment(
    State(state): State<AppState>,
    Ids(engagement_id): Ids<EngagementId>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = published_engagement(&state, engagement_id.0).await?;
    let (person, group, report) = group_member(&state, &page, engagement.id).await?;
    let comment = one_of(&pairs(&body), "comment");
    let text = match check_comment(&comment) {
        Ok(text) => text,
        Err(problem) => {
            let page = page.with_problems(&[problem]);
            return render_invalid(draft_view(&state, page, &engagement, &report, comment).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::comment_on_draft(
        &mut tx.ex(),
        page.ctx.actor(),
        person,
        &group,
        engagement.id,
        &text,
    )
    .await
    {
        Ok(_) => {}
        Err(ReportError::Database(error)) => return Err(error.into()),
        Err(_) => return Err(AppError::NotFound),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/engagements/{}/you-said-we-did/draft", engagement.id),
        "feedback-comment-sent",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_part_may_be_long_but_not_endless_and_its_date_must_be_real() {
        let none = [String::new(), String::new(), String::new()];
        assert!(check("We will add seats.", "", "", &none).is_ok());
        let long = "x".repeat(PART_MAX_CHARS + 1);
        let refused = check(&long, "", "", &["31".into(), "2".into(), "2027".into()]).unwrap_err();
        let fields: Vec<&str> = refused.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["decided", "next_by-day"]);
        assert_eq!(
            check_comment("  ").unwrap_err().key,
            "feedback-comment-missing"
        );
    }
}
