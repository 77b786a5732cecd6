//! Public accountability: for each organisation, a page of how it is doing on what people told it
//! (its engagements and their rungs, commitments kept or broken, recommendations by decision and
//! delivery, verification, how quickly people were answered and whether reports came out on time),
//! and the same figures, with every recommendation's history, as open data in CSV and JSON, with a
//! README of every field and a snapshot kept each day.
//!
//! No personal data: only counts, and what organisations themselves wrote about recommendations.
//! The named lead of a recommendation is left out too.

pub mod figures;
mod open_data;
mod page;
mod readme;
mod storage;

use std::time::Duration;

use axum::http::Method;
use axum::routing::get;
use time::Date;
use tokio::sync::watch;
use uuid::Uuid;

use crate::db::{Db, Ex};
use crate::engagements::storage::EngagementRow;
use crate::organisations::OrganisationRow;
use crate::recommendations::PublicRecommendation;
use crate::state::AppState;
use crate::web::AppError;
use crate::web::access::Access;
use crate::web::routing::{Route, route};
use figures::{EngagementFacts, Figure, RecommendationFacts, Report};

/// Message keys built at run time (figures, sections, the README's fields), for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys = figures::generated_message_keys();
    keys.extend(readme::generated_message_keys());
    keys
}

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    macro_rules! of {
        ($suffix:literal) => {
            concat!("/accountability/{org_id}", $suffix)
        };
    }
    vec![
        route(M::GET, of!(""), Public, get(page::show)),
        route(
            M::GET,
            of!("/figures.csv"),
            Public,
            get(open_data::figures_csv),
        ),
        route(
            M::GET,
            of!("/figures.json"),
            Public,
            get(open_data::figures_json),
        ),
        route(
            M::GET,
            of!("/recommendations.csv"),
            Public,
            get(open_data::recommendations_csv),
        ),
        route(
            M::GET,
            of!("/recommendations.json"),
            Public,
            get(open_data::recommendations_json),
        ),
        route(
            M::GET,
            of!("/recommendation-history.csv"),
            Public,
            get(open_data::history_csv),
        ),
        route(M::GET, of!("/data"), Public, get(readme::page)),
        route(M::GET, of!("/README.md"), Public, get(readme::markdown)),
        route(
            M::GET,
            of!("/snapshots/{snapshot}"),
            Public,
            get(open_data::snapshot),
        ),
    ]
}

/// Everything the page and the downloads show about one organisation.
pub struct Board {
    pub organisation: OrganisationRow,
    /// Its published engagements (those it leads), newest first.
    pub engagements: Vec<EngagementRow>,
    pub figures: Vec<Figure>,
    pub recommendations: Vec<PublicRecommendation>,
}

/// The organisation's public figures on `today`: the one function the page, the downloads and the
/// snapshots use. None if there is no such organisation.
pub async fn board(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    today: Date,
) -> Result<Option<Board>, sqlx::Error> {
    let Some(found) = crate::organisations::find(ex, organisation).await? else {
        return Ok(None);
    };
    let engagements: Vec<EngagementRow> = crate::engagements::of_organisation(ex, organisation)
        .await?
        .into_iter()
        .filter(|e| e.published && e.organisation_id == organisation)
        .collect();
    let mut engagement_facts = Vec::new();
    for engagement in &engagements {
        let commitments = crate::engagements::commitments_of(ex, engagement.id).await?;
        let counted = crate::contributions::figures(ex, engagement, today).await?;
        engagement_facts.push(EngagementFacts {
            rung: engagement.rung(),
            finished: engagement.ends_on < today,
            commitments: commitments.iter().map(|c| c.status()).collect(),
            received: counted.received,
            acknowledged: counted.acknowledged,
            acknowledged_on_time: counted.acknowledged_on_time,
            days_to_acknowledge: counted.days_to_acknowledge.clone(),
            waiting: counted.waiting,
            overdue: counted.all_overdue(),
            report: Report::of(counted.report_published, counted.report_due, today),
        });
    }
    let contested = crate::engagements::commitment_figures(ex, organisation)
        .await?
        .contested;
    let recommendations =
        crate::recommendations::public_of_organisation(ex, organisation, today).await?;
    let recommendation_facts: Vec<RecommendationFacts> = recommendations
        .iter()
        .map(|r| RecommendationFacts {
            decision: r.row.decision,
            delivery: r.row.delivery,
            overdue: r.standing.overdue,
            overdue_milestones: r.standing.overdue_milestones,
            verification: r.standing.verification,
        })
        .collect();
    let paid = crate::payments::spend::paid_totals(ex, organisation).await?;
    let paid = figures::PaidFacts {
        time_pence: paid.time.get(),
        expenses_pence: paid.expenses.get(),
        people_paid_for_time: paid.people_paid_for_time,
        people_repaid_expenses: paid.people_repaid_expenses,
        people: paid.people,
    };
    Ok(Some(Board {
        organisation: found,
        figures: figures::count(&engagement_facts, contested, &recommendation_facts, &paid),
        engagements,
        recommendations,
    }))
}

/// The board of the organisation in the path, today; "not found" if there is no such organisation.
async fn load(state: &AppState, organisation: Uuid) -> Result<Board, AppError> {
    let mut conn = state.db.acquire().await?;
    board(
        &mut conn.ex(),
        organisation,
        crate::engagements::views::today(),
    )
    .await?
    .ok_or(AppError::NotFound)
}

/// Keeps `day`'s figures for every organisation with a published engagement, once: a day already
/// kept is not counted again. How many snapshots this call kept.
pub async fn take_snapshots(db: &Db, day: Date) -> Result<usize, sqlx::Error> {
    let organisations = {
        let mut conn = db.acquire().await?;
        crate::organisations::list(&mut conn.ex()).await?
    };
    let mut taken = 0;
    for organisation in organisations {
        let mut conn = db.acquire().await?;
        if storage::snapshot_on(&mut conn.ex(), organisation.id, day)
            .await?
            .is_some()
        {
            continue;
        }
        let Some(board) = board(&mut conn.ex(), organisation.id, day).await? else {
            continue;
        };
        drop(conn);
        if board.engagements.is_empty() {
            continue;
        }
        let text = open_data::figures_document(&board, day);
        let mut tx = db.begin().await?;
        let kept =
            storage::insert_snapshot(&mut tx.ex(), organisation.id, day, &text, crate::db::now())
                .await?;
        tx.commit().await?;
        taken += usize::from(kept);
    }
    Ok(taken)
}

/// How often the snapshot sweep looks; the first look on a new day keeps that day's figures.
const EVERY: Duration = Duration::from_secs(60 * 60);

/// The daily snapshot sweep, until the app stops.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    loop {
        match take_snapshots(&state.db, crate::db::now().date()).await {
            Ok(0) => {}
            Ok(taken) => tracing::info!(taken, "accountability snapshots kept"),
            Err(error) => tracing::error!(%error, "accountability snapshots could not be kept"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}
