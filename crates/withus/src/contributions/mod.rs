//! Closing the loop: everything people give an engagement (contributions from every channel, with
//! their files), a receipt at once and a human acknowledgement within the working days the
//! engagement promised, themes across every channel, and the "You said, we did (together)" report
//! that tells each contributor personally what happened to what they raised.
//!
//! The acknowledgement clock's state is computed from dates ([`domain::Clock`]), never stored. The
//! per-engagement figures ([`figures`]) are what staff lists, the public page and reports share.

pub mod commands;
pub mod demo;
pub mod domain;
mod entry;
pub mod fixtures;
mod item;
mod public;
mod report;
mod storage;
mod team;
mod themes;
mod yours;

use axum::extract::DefaultBodyLimit;
use axum::http::Method;
use axum::routing::{get, post};
use time::Date;
use uuid::Uuid;

pub use commands::{NewContribution, ReceiveError, Received, receive};
pub use domain::{Channel, Clock, HowReceived};
pub use public::{engagement_section, staff_section};

use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::security::field_crypto::FieldContext;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
use commands::Promises;
use domain::{DEFAULT_ACKNOWLEDGE_DAYS, DEFAULT_REPORT_DAYS, UPLOAD_BODY_MAX_BYTES};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! in_engagement {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}",
                $suffix
            )
        };
    }
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/contributions",
            Organisation(ManageEngagements),
            get(team::organisation_list),
        ),
        route(
            M::GET,
            in_engagement!("/contributions"),
            Organisation(ManageEngagements),
            get(team::engagement_list),
        ),
        route(
            M::GET,
            in_engagement!("/contributions/new"),
            Organisation(ManageEngagements),
            get(entry::form),
        ),
        route(
            M::POST,
            in_engagement!("/contributions/new"),
            Organisation(ManageEngagements),
            post(entry::submit).layer(DefaultBodyLimit::max(UPLOAD_BODY_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_BODY_MAX_BYTES),
        route(
            M::GET,
            in_engagement!("/contributions/promises"),
            Organisation(ManageEngagements),
            get(team::promises_form),
        ),
        route(
            M::POST,
            in_engagement!("/contributions/promises"),
            Organisation(ManageEngagements),
            post(team::promises_submit),
        ),
        route(
            M::GET,
            in_engagement!("/contributions/{contribution_id}"),
            Organisation(ManageEngagements),
            get(item::show),
        ),
        route(
            M::POST,
            in_engagement!("/contributions/{contribution_id}/themes"),
            Organisation(ManageEngagements),
            post(item::set_themes),
        ),
        route(
            M::POST,
            in_engagement!("/contributions/{contribution_id}/acknowledge"),
            Organisation(ManageEngagements),
            post(item::acknowledge),
        ),
        route(
            M::GET,
            in_engagement!("/contributions/{contribution_id}/files/{file_id}"),
            Organisation(ManageEngagements),
            get(item::file),
        ),
        route(
            M::GET,
            in_engagement!("/themes"),
            Organisation(ManageEngagements),
            get(themes::list),
        ),
        route(
            M::POST,
            in_engagement!("/themes"),
            Organisation(ManageEngagements),
            post(themes::create),
        ),
        route(
            M::POST,
            in_engagement!("/themes/{theme_id}/rename"),
            Organisation(ManageEngagements),
            post(themes::rename),
        ),
        route(
            M::POST,
            in_engagement!("/themes/{theme_id}/merge"),
            Organisation(ManageEngagements),
            post(themes::merge),
        ),
        route(
            M::POST,
            in_engagement!("/themes/{theme_id}/acknowledge"),
            Organisation(ManageEngagements),
            post(themes::acknowledge),
        ),
        route(
            M::GET,
            in_engagement!("/report"),
            Organisation(ManageEngagements),
            get(report::edit_form),
        ),
        route(
            M::POST,
            in_engagement!("/report"),
            Organisation(ManageEngagements),
            post(report::edit_submit),
        ),
        route(
            M::POST,
            in_engagement!("/report/publish"),
            Organisation(ManageEngagements),
            post(report::publish),
        ),
        route(
            M::GET,
            "/engagements/{engagement_id}/you-said-we-did",
            Public,
            get(report::public_page),
        ),
        route(
            M::GET,
            "/engagements/{engagement_id}/you-said-we-did/draft",
            SignedIn,
            get(report::draft_page),
        ),
        route(
            M::POST,
            "/engagements/{engagement_id}/you-said-we-did/draft",
            SignedIn,
            post(report::draft_comment),
        ),
        route(
            M::POST,
            "/engagements/{engagement_id}/contribute",
            Public,
            post(public::contribute),
        ),
        route(
            M::GET,
            "/engagements/{engagement_id}/contribute/sent",
            Public,
            get(public::sent),
        ),
        route(
            M::GET,
            "/your-data/contributions",
            SignedIn,
            get(yours::list),
        ),
        route(
            M::POST,
            "/your-data/contributions/{contribution_id}/withdraw",
            SignedIn,
            post(yours::withdraw),
        ),
    ]
}

/// Sealed words of a contribution: bound to its row.
fn text_field(contribution: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "contributions",
        column: "sealed_text",
        row_id: contribution,
    }
}

/// The sealed email a receipt goes to, when the author is not on the register.
fn email_field(contribution: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "contributions",
        column: "sealed_email",
        row_id: contribution,
    }
}

fn file_field(file: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "contribution_files",
        column: "sealed_content",
        row_id: file,
    }
}

async fn engagement_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Option<EngagementRow>, sqlx::Error> {
    crate::engagements::find(ex, engagement).await
}

/// What the engagement promised, if it said.
async fn promises_of(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Option<Promises>, sqlx::Error> {
    Ok(storage::promises_of(ex, engagement)
        .await?
        .map(|row| Promises {
            acknowledge_days: u32::try_from(row.acknowledge_within_days)
                .unwrap_or(DEFAULT_ACKNOWLEDGE_DAYS),
            report_due_on: row.report_due_on,
        }))
}

/// The day an engagement's report is due: as promised, or twenty working days after it ends.
pub fn report_due(engagement: &EngagementRow, promises: Option<Promises>) -> Date {
    promises
        .and_then(|p| p.report_due_on)
        .unwrap_or_else(|| domain::working_days_after(engagement.ends_on, DEFAULT_REPORT_DAYS))
}

/// An engagement's themes that still stand (not merged into another), by name, for capabilities
/// built on contributions.
pub async fn live_themes(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    Ok(storage::themes_of(ex, engagement)
        .await?
        .into_iter()
        .filter(|t| t.merged_into.is_none())
        .map(|t| (t.id, t.name))
        .collect())
}

/// The people on the register who raised any of these themes, in contributions they have not
/// withdrawn.
pub async fn people_who_raised(
    ex: &mut Ex<'_>,
    themes: &[Uuid],
) -> Result<std::collections::BTreeSet<Uuid>, sqlx::Error> {
    let mut people = std::collections::BTreeSet::new();
    for theme in themes {
        people.extend(storage::people_who_raised(ex, *theme).await?);
    }
    Ok(people)
}

/// The figures of one engagement's loop, as every page and report counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figures {
    /// Contributions received and not withdrawn.
    pub received: usize,
    /// Different people (or email addresses) who contributed.
    pub people: usize,
    pub acknowledged: usize,
    /// Acknowledged on or before the day the engagement's working-day target fell.
    pub acknowledged_on_time: usize,
    /// For each acknowledged contribution, the working days it took.
    pub days_to_acknowledge: Vec<u32>,
    /// Still owed an acknowledgement and not yet due.
    pub waiting: usize,
    /// Past the target, and not yet past twice the target.
    pub overdue: usize,
    /// Past twice the target.
    pub very_overdue: usize,
    pub acknowledge_days: u32,
    pub report_due: Date,
    pub report_published: Option<Date>,
    /// Not published and its day has passed.
    pub report_missing: bool,
}

impl Figures {
    /// Overdue, very overdue included: the one figure lists and reports show.
    pub fn all_overdue(&self) -> usize {
        self.overdue + self.very_overdue
    }
}

/// Counts one engagement's contributions on `today`'s clock.
pub async fn figures(
    ex: &mut Ex<'_>,
    engagement: &EngagementRow,
    today: Date,
) -> Result<Figures, sqlx::Error> {
    let promises = promises_of(ex, engagement.id).await?;
    let days = promises.map_or(DEFAULT_ACKNOWLEDGE_DAYS, |p| p.acknowledge_days);
    let rows = storage::of_engagement(ex, engagement.id).await?;
    let report = storage::report_of(ex, engagement.id).await?;
    let due = report_due(engagement, promises);
    let published = report
        .as_ref()
        .and_then(|r| r.published_at)
        .map(|at| at.date());
    let mut figures = Figures {
        received: 0,
        people: 0,
        acknowledged: 0,
        acknowledged_on_time: 0,
        days_to_acknowledge: Vec::new(),
        waiting: 0,
        overdue: 0,
        very_overdue: 0,
        acknowledge_days: days,
        report_due: due,
        report_published: published,
        report_missing: domain::report_missing(published.is_some(), due, today),
    };
    let mut people = std::collections::BTreeSet::new();
    for row in &rows {
        match clock_of(row, days, today) {
            Clock::Withdrawn => continue,
            Clock::Acknowledged(day) => {
                let received = row.received_at.date();
                figures.acknowledged += 1;
                if day <= domain::working_days_after(received, days) {
                    figures.acknowledged_on_time += 1;
                }
                figures
                    .days_to_acknowledge
                    .push(domain::working_days_between(received, day));
            }
            Clock::Waiting(_) => figures.waiting += 1,
            Clock::Overdue(_) => figures.overdue += 1,
            Clock::VeryOverdue(_) => figures.very_overdue += 1,
        }
        figures.received += 1;
        people.insert(row.person_id.unwrap_or(row.id));
    }
    figures.people = people.len();
    Ok(figures)
}

fn clock_of(row: &storage::ContributionRow, days: u32, today: Date) -> Clock {
    Clock::of(
        row.received_at.date(),
        days,
        row.acknowledged_at.map(|at| at.date()),
        row.withdrawn_at.is_some(),
        today,
    )
}

/// Forgets a person when their record is erased: their words and files go, counts stay.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    storage::forget_person(ex, person).await
}

/// Re-seals every contribution's words, email and files under the active key. How many.
pub async fn reseal(
    ex: &mut Ex<'_>,
    keys: &crate::security::field_crypto::KeyRing,
) -> Result<usize, crate::security::field_crypto::ResealError> {
    let mut resealed = 0;
    for (column, id, sealed) in storage::all_sealed(ex).await? {
        if !keys.needs_rotation(&sealed) {
            continue;
        }
        let field = match column {
            "sealed_text" => text_field(id),
            "sealed_email" => email_field(id),
            _ => file_field(id),
        };
        let plain = keys.open_bytes(&sealed, field).map_err(|reason| {
            crate::security::field_crypto::ResealError::Undecryptable {
                what: format!("contributions {column} of {id}"),
                reason,
            }
        })?;
        storage::replace_sealed(ex, column, id, &keys.seal_bytes(&plain, field)).await?;
        resealed += 1;
    }
    Ok(resealed)
}

/// A person's contributions, for their data downloads: reference, engagement, channel and date;
/// their words, where the answer stands, and the team's answer.
pub fn held_for(
    state: &crate::state::AppState,
    person: Uuid,
    locale: crate::i18n::Locale,
) -> crate::register::record::contents::Gathering<'_> {
    Box::pin(async move {
        use crate::register::record::contents::{HeldSection, Line};
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        let mut lines = Vec::new();
        for row in storage::of_person(&mut ex, person).await? {
            let Some(engagement) = engagement_of(&mut ex, row.engagement_id).await? else {
                continue;
            };
            let days = promises_of(&mut ex, engagement.id)
                .await?
                .map_or(DEFAULT_ACKNOWLEDGE_DAYS, |p| p.acknowledge_days);
            let clock = clock_of(&row, days, crate::engagements::views::today());
            let (status, day) = team::clock_label(locale, clock);
            let mut value = team::opened_text(state, &row);
            value.push_str(&format!("\n{status} {day}"));
            if let Some(answer) = &row.acknowledgement {
                value.push_str(&format!("\n{answer}"));
            }
            lines.push(Line {
                label: format!(
                    "{} – {} ({}, {})",
                    row.reference,
                    engagement.title().shown(locale).text,
                    locale.t(&row.channel.message_key()),
                    crate::engagements::views::format_day(row.received_at.date(), locale)
                ),
                value: value.trim().to_owned(),
            });
        }
        Ok(if lines.is_empty() {
            Vec::new()
        } else {
            vec![HeldSection {
                title: locale.t("your-contributions-title"),
                lines,
            }]
        })
    })
}
