//! The team's lists: an engagement's contributions with what is due and overdue, oldest first; the
//! organisation's overdue acknowledgements and missing reports across its engagements; and what an
//! engagement promises up front about answering people.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use time::Date;
use uuid::Uuid;

use super::commands::{self, Promises};
use super::domain::{DEFAULT_ACKNOWLEDGE_DAYS, MAX_ACKNOWLEDGE_DAYS};
use super::storage::{self, ContributionRow};
use super::{Clock, Figures, clock_of, figures, promises_of, report_due};
use crate::db::Ex;
use crate::engagements::domain::{date_parts, parse_date};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{date_input, format_day, today};
use crate::engagements::{Loaded, load_editable};
use crate::i18n::Locale;
use crate::identity::StaffActor;
use crate::state::AppState;
use crate::web::forms::{Form, Problem};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, Ids, Page, render};

pub(super) fn actor(page: &Page, org_id: Uuid) -> StaffActor {
    StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

pub(super) fn base(org_id: Uuid, engagement: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement}")
}

/// One contribution in a list.
pub struct Line {
    pub link: String,
    pub reference: String,
    pub author: String,
    pub channel: String,
    /// "Entered by staff: told by phone", or empty.
    pub assisted: String,
    pub received: String,
    pub clock: String,
    pub colour: &'static str,
    pub due: String,
    pub themes: String,
    pub excerpt: String,
    pub engagement: String,
}

/// Who said it, as staff may see: the name unless they chose to be anonymous.
pub(super) async fn author_of(
    ex: &mut Ex<'_>,
    locale: Locale,
    row: &ContributionRow,
) -> Result<String, sqlx::Error> {
    if row.anonymous {
        return Ok(locale.t("contribution-anonymous"));
    }
    let Some(person) = row.person_id else {
        return Ok(locale.t("contribution-not-on-register"));
    };
    Ok(crate::register::find_person(ex, person)
        .await?
        .filter(|p| p.erased_at.is_none())
        .map_or_else(|| locale.t("contribution-anonymous"), |p| p.display_name))
}

pub(super) fn opened_text(state: &AppState, row: &ContributionRow) -> String {
    if row.sealed_text.is_empty() {
        return String::new();
    }
    state
        .keys
        .open(&row.sealed_text, super::text_field(row.id))
        .unwrap_or_default()
}

pub(super) fn assisted_label(locale: Locale, row: &ContributionRow) -> String {
    match row.received_by {
        Some(how) if row.entered_by.is_some() => locale.t_args(
            "contribution-entered-for",
            &[("how", locale.t(&how.message_key()).into())],
        ),
        _ => String::new(),
    }
}

pub(super) fn clock_label(locale: Locale, clock: Clock) -> (String, String) {
    let due = match clock {
        Clock::Waiting(due) | Clock::Overdue(due) | Clock::VeryOverdue(due) => {
            format_day(due, locale)
        }
        Clock::Acknowledged(on) => format_day(on, locale),
        Clock::Withdrawn => String::new(),
    };
    (locale.t(clock.message_key()), due)
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn line(
    ex: &mut Ex<'_>,
    state: &AppState,
    locale: Locale,
    org_id: Uuid,
    engagement: &EngagementRow,
    row: &ContributionRow,
    clock: Clock,
    themes: String,
) -> Result<Line, sqlx::Error> {
    let text = opened_text(state, row);
    let excerpt: String = text.chars().take(140).collect();
    let (clock_text, due) = clock_label(locale, clock);
    Ok(Line {
        link: format!("{}/contributions/{}", base(org_id, engagement.id), row.id),
        reference: row.reference.clone(),
        author: author_of(ex, locale, row).await?,
        channel: locale.t(&row.channel.message_key()),
        assisted: assisted_label(locale, row),
        received: format_day(row.received_at.date(), locale),
        clock: clock_text,
        colour: clock.colour(),
        due,
        themes,
        excerpt: if text.chars().count() > 140 {
            format!("{excerpt}…")
        } else {
            excerpt
        },
        engagement: engagement.title().shown(locale).text,
    })
}

/// The names of each contribution's live themes, joined.
pub(super) async fn theme_names(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<BTreeMap<Uuid, Vec<(Uuid, String)>>, sqlx::Error> {
    let themes: BTreeMap<Uuid, String> = storage::themes_of(ex, engagement)
        .await?
        .into_iter()
        .filter(|t| t.merged_into.is_none())
        .map(|t| (t.id, t.name))
        .collect();
    let mut of: BTreeMap<Uuid, Vec<(Uuid, String)>> = BTreeMap::new();
    for (contribution, theme) in storage::links_of(ex, engagement).await? {
        if let Some(name) = themes.get(&theme) {
            of.entry(contribution)
                .or_default()
                .push((theme, name.clone()));
        }
    }
    Ok(of)
}

/// The figures as the list pages show them, each with its definition.
pub struct FiguresView {
    pub received: usize,
    pub people_text: String,
    pub acknowledged: usize,
    pub waiting: usize,
    pub overdue: usize,
    pub very_overdue: usize,
    pub overdue_definition: String,
    pub report_text: String,
    pub report_missing: bool,
}

pub fn figures_view(locale: Locale, figures: &Figures) -> FiguresView {
    let due = format_day(figures.report_due, locale);
    let report_text = match figures.report_published {
        Some(day) => locale.t_args(
            "contribution-report-published-on",
            &[("date", format_day(day, locale).into())],
        ),
        None if figures.report_missing => {
            locale.t_args("contribution-report-was-due", &[("date", due.into())])
        }
        None => locale.t_args("contribution-report-due", &[("date", due.into())]),
    };
    FiguresView {
        received: figures.received,
        people_text: locale.t_args(
            "contribution-figure-people",
            &[("count", figures.people.into())],
        ),
        acknowledged: figures.acknowledged,
        waiting: figures.waiting,
        overdue: figures.overdue,
        very_overdue: figures.very_overdue,
        overdue_definition: locale.t_args(
            "contribution-figure-overdue-definition",
            &[
                ("days", i64::from(figures.acknowledge_days).into()),
                ("very", figures.very_overdue.into()),
            ],
        ),
        report_text,
        report_missing: figures.report_missing,
    }
}

#[derive(Template)]
#[template(path = "contributions/templates/engagement_list.html")]
struct EngagementListPage {
    page: Page,
    base: String,
    title: String,
    intro: String,
    figures: FiguresView,
    owed: Vec<Line>,
    answered: Vec<Line>,
    theme_filter: String,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    theme: String,
}

pub async fn engagement_list(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    Query(query): Query<ListQuery>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let locale = page.locale();
    let today = today();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let figures = figures(&mut ex, &engagement, today).await?;
    let rows = storage::of_engagement(&mut ex, engagement.id).await?;
    let themes = theme_names(&mut ex, engagement.id).await?;
    let filter = Uuid::parse_str(query.theme.trim()).ok();
    let mut theme_filter = String::new();
    let (mut owed, mut answered) = (Vec::new(), Vec::new());
    for row in &rows {
        let tagged = themes.get(&row.id).cloned().unwrap_or_default();
        if let Some(wanted) = filter {
            match tagged.iter().find(|(id, _)| *id == wanted) {
                Some((_, name)) => {
                    theme_filter =
                        locale.t_args("contributions-filtered", &[("theme", name.clone().into())]);
                }
                None => continue,
            }
        }
        let clock = clock_of(row, figures.acknowledge_days, today);
        let names = tagged
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let line = line(
            &mut ex,
            &state,
            locale,
            org_id,
            &engagement,
            row,
            clock,
            names,
        )
        .await?;
        if clock.is_owed() {
            owed.push(line);
        } else {
            answered.push(line);
        }
    }
    answered.reverse();
    render(EngagementListPage {
        base: base(org_id, engagement.id),
        title: engagement.title().shown(locale).text,
        intro: locale.t_args(
            "contributions-intro",
            &[("days", i64::from(figures.acknowledge_days).into())],
        ),
        figures: figures_view(locale, &figures),
        owed,
        answered,
        theme_filter,
        page,
    })
}

/// One engagement's row on the organisation's list.
pub struct EngagementLine {
    pub title: String,
    pub link: String,
    pub figures: FiguresView,
}

#[derive(Template)]
#[template(path = "contributions/templates/organisation_list.html")]
struct OrganisationListPage {
    page: Page,
    engagements: Vec<EngagementLine>,
    overdue: Vec<Line>,
    due_soon: Vec<Line>,
}

/// Everything owed across the organisation's engagements: overdue first, oldest first, then what
/// is still waiting; and each engagement's figures, missing reports flagged.
pub async fn organisation_list(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let locale = page.locale();
    let today = today();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut engagements = Vec::new();
    let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
    let mut seen = BTreeSet::new();
    for engagement in crate::engagements::of_organisation(&mut ex, org_id).await? {
        if !seen.insert(engagement.id) {
            continue;
        }
        let figures = figures(&mut ex, &engagement, today).await?;
        let themes = theme_names(&mut ex, engagement.id).await?;
        for row in storage::of_engagement(&mut ex, engagement.id).await? {
            let clock = clock_of(&row, figures.acknowledge_days, today);
            if !clock.is_owed() {
                continue;
            }
            let names = themes
                .get(&row.id)
                .map(|t| {
                    t.iter()
                        .map(|(_, n)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            let line = (
                row.received_at,
                line(
                    &mut ex,
                    &state,
                    locale,
                    org_id,
                    &engagement,
                    &row,
                    clock,
                    names,
                )
                .await?,
            );
            if clock.is_overdue() {
                overdue.push(line);
            } else {
                due_soon.push(line);
            }
        }
        engagements.push(EngagementLine {
            title: engagement.title().shown(locale).text,
            link: format!("{}/contributions", base(org_id, engagement.id)),
            figures: figures_view(locale, &figures),
        });
    }
    overdue.sort_by_key(|(at, _)| *at);
    due_soon.sort_by_key(|(at, _)| *at);
    render(OrganisationListPage {
        page,
        engagements,
        overdue: overdue.into_iter().map(|(_, l)| l).collect(),
        due_soon: due_soon.into_iter().map(|(_, l)| l).collect(),
    })
}

// --- What the engagement promises --------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct PromisesForm {
    #[serde(default)]
    days: String,
    #[serde(rename = "report-day", default)]
    report_day: String,
    #[serde(rename = "report-month", default)]
    report_month: String,
    #[serde(rename = "report-year", default)]
    report_year: String,
}

/// Checks the promises form: a whole number of working days in range, and a real date or none.
pub fn check_promises(form: &PromisesForm) -> Result<Promises, Vec<Problem>> {
    let mut problems = Vec::new();
    let days = match form.days.trim().parse::<u32>() {
        Ok(days) if (1..=MAX_ACKNOWLEDGE_DAYS).contains(&days) => days,
        _ => {
            problems.push(
                Problem::new("days", "contribution-promises-days-invalid")
                    .with("max", i64::from(MAX_ACKNOWLEDGE_DAYS)),
            );
            DEFAULT_ACKNOWLEDGE_DAYS
        }
    };
    let parts = [
        form.report_day.clone(),
        form.report_month.clone(),
        form.report_year.clone(),
    ];
    let report_due_on = if parts.iter().all(|p| p.trim().is_empty()) {
        None
    } else {
        match parse_date(&parts) {
            Some(date) => Some(date),
            None => {
                problems.push(Problem::new(
                    "report-day",
                    "contribution-promises-date-invalid",
                ));
                None
            }
        }
    };
    if problems.is_empty() {
        Ok(Promises {
            acknowledge_days: days,
            report_due_on,
        })
    } else {
        Err(problems)
    }
}

#[derive(Template)]
#[template(path = "contributions/templates/promises.html")]
struct PromisesPage {
    page: Page,
    base: String,
    title: String,
    days: String,
    report: String,
    default_due: String,
}

fn promises_page(
    page: Page,
    org_id: Uuid,
    engagement: &EngagementRow,
    days: String,
    report: [String; 3],
    default_due: Date,
) -> PromisesPage {
    let locale = page.locale();
    let report_input = date_input(
        locale,
        &page.errors,
        "report",
        locale.t("contribution-promises-report"),
        report,
    );
    PromisesPage {
        base: base(org_id, engagement.id),
        title: engagement.title().shown(locale).text,
        days,
        report: askama::Template::render(&report_input).unwrap_or_default(),
        default_due: locale.t_args(
            "contribution-promises-report-default",
            &[("date", format_day(default_due, locale).into())],
        ),
        page,
    }
}

pub async fn promises_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let mut conn = state.db.acquire().await?;
    let promises = promises_of(&mut conn.ex(), engagement.id).await?;
    let days = promises.map_or(DEFAULT_ACKNOWLEDGE_DAYS, |p| p.acknowledge_days);
    let report = promises
        .and_then(|p| p.report_due_on)
        .map(date_parts)
        .unwrap_or_default();
    let default_due = report_due(&engagement, None);
    render(promises_page(
        page,
        org_id,
        &engagement,
        days.to_string(),
        report,
        default_due,
    ))
}

pub async fn promises_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    Form(form): Form<PromisesForm>,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let promises = match check_promises(&form) {
        Ok(promises) => promises,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let report = [form.report_day, form.report_month, form.report_year];
            let default_due = report_due(&engagement, None);
            return render_invalid(promises_page(
                page,
                org_id,
                &engagement,
                form.days,
                report,
                default_due,
            ));
        }
    };
    let mut tx = state.db.begin().await?;
    commands::set_promises(&mut tx.ex(), actor(&page, org_id), engagement.id, promises).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}/contributions", base(org_id, engagement.id)),
        "contribution-promises-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(days: &str, date: [&str; 3]) -> PromisesForm {
        PromisesForm {
            days: days.into(),
            report_day: date[0].into(),
            report_month: date[1].into(),
            report_year: date[2].into(),
        }
    }

    #[test]
    fn promises_need_a_sensible_number_of_days_and_a_real_date() {
        let ok = check_promises(&form("5", ["31", "1", "2027"])).unwrap();
        assert_eq!(ok.acknowledge_days, 5);
        assert_eq!(ok.report_due_on, Some(time::macros::date!(2027 - 01 - 31)));
        assert_eq!(
            check_promises(&form("10", ["", "", ""]))
                .unwrap()
                .report_due_on,
            None
        );
        let refused = check_promises(&form("0", ["31", "2", "2027"])).unwrap_err();
        let keys: Vec<&str> = refused.iter().map(|p| p.key).collect();
        assert_eq!(
            keys,
            [
                "contribution-promises-days-invalid",
                "contribution-promises-date-invalid"
            ]
        );
        assert!(check_promises(&form("61", ["", "", ""])).is_err());
        assert!(check_promises(&form("ten", ["", "", ""])).is_err());
    }
}
