//! What the events capability renders for the capabilities it is built on: the events and papers
//! parts of an engagement's pages (see [`crate::engagements::sections`]) and the event list papers
//! name events from (see [`crate::papers::EventsOf`]). The wiring passes these functions in.

use askama::Template;
use uuid::Uuid;

use crate::db::Ex;
use crate::engagements::sections::{Rendering, StaffSection};
use crate::i18n::Locale;
use crate::papers::{self, EventLabel, EventLabels, PublicPapers, StaffList};
use crate::state::AppState;
use crate::web::{AppError, Page};

#[derive(Template)]
#[template(path = "events/templates/engagement_public.html")]
struct PublicPart<'a> {
    page: &'a Page,
    events: Vec<super::Listed>,
    papers: PublicPapers,
}

#[derive(Template)]
#[template(path = "events/templates/engagement_staff.html")]
struct StaffPart<'a> {
    page: &'a Page,
    base: String,
    can_edit: bool,
    events: Vec<super::Listed>,
    /// The share of attendees' answers saying their access needs were met.
    needs_met: String,
    papers: StaffList,
}

fn html(part: impl Template) -> Result<String, AppError> {
    part.render()
        .map_err(|error| AppError::Unexpected(anyhow::anyhow!(error)))
}

/// The published papers and events of an engagement, for its public page.
pub fn engagement_public<'a>(
    state: &'a AppState,
    page: &'a Page,
    engagement: Uuid,
) -> Rendering<'a> {
    Box::pin(async move {
        let locale = page.locale();
        let events = super::listed(state, engagement, true, locale).await?;
        let papers = papers::public(state, locale, engagement).await?;
        html(PublicPart {
            page,
            events,
            papers,
        })
    })
}

/// An engagement's events, the share of needs met and its papers, for its staff page.
pub fn engagement_staff<'a>(
    state: &'a AppState,
    page: &'a Page,
    section: StaffSection,
) -> Rendering<'a> {
    Box::pin(async move {
        let locale = page.locale();
        let StaffSection {
            org_id,
            engagement,
            can_edit,
        } = section;
        let events = super::listed(state, engagement, false, locale).await?;
        let labels = labels(state, engagement, locale).await?;
        let papers =
            papers::staff_list(state, locale, (org_id, engagement), None, &labels, can_edit)
                .await?;
        let needs_met = super::feedback::needs_met(state, locale, engagement).await?;
        html(StaffPart {
            page,
            base: format!("/organisations/{org_id}/engagements/{engagement}"),
            can_edit,
            events,
            needs_met,
            papers,
        })
    })
}

/// An engagement's events (cancelled ones too), as papers name them.
pub async fn labels(
    state: &AppState,
    engagement: Uuid,
    locale: Locale,
) -> Result<Vec<EventLabel>, AppError> {
    Ok(super::listed(state, engagement, false, locale)
        .await?
        .into_iter()
        .map(|e| EventLabel {
            id: e.id,
            title: e.title,
            when: e.when,
        })
        .collect())
}

/// [`labels`], in the form the papers capability takes it.
pub fn event_labels(state: &AppState, engagement: Uuid, locale: Locale) -> EventLabels<'_> {
    Box::pin(labels(state, engagement, locale))
}

/// What a changed paper does to the events it goes with: their access plans are checked again.
/// Passed to papers by the wiring (`papers::RecheckEvents`).
pub fn recheck_after_papers_changed<'a>(
    ex: &'a mut Ex<'_>,
    engagement: Uuid,
    event: Option<Uuid>,
) -> crate::papers::Recheck<'a> {
    Box::pin(super::storage::not_ready_after_papers_changed(
        ex, engagement, event,
    ))
}

/// What the access plans of an organisation's engagements cost, per engagement, for the payments
/// spend page (see [`crate::payments::spend::AccessCosts`]).
pub fn access_costs(state: &AppState, organisation: Uuid) -> crate::payments::spend::Costs<'_> {
    Box::pin(async move {
        let mut conn = state.db.acquire().await?;
        let rows = super::storage::access_costs_of(&mut conn.ex(), organisation).await?;
        Ok(rows
            .into_iter()
            .map(|(engagement, pence)| {
                (
                    engagement,
                    crate::payments::money::Pence::new(pence)
                        .unwrap_or(crate::payments::money::Pence::ZERO),
                )
            })
            .collect())
    })
}
