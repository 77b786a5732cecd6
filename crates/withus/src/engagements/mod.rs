//! Engagements: pieces of co-production work that are honest about power. Each says where it sits on
//! the ladder of participation and what participants can expect there, what is already decided, what
//! can still change and the limits of the organisations' power, and makes commitments up front that
//! are later marked kept, partly kept or broken in public.
//!
//! An engagement has a lead organisation and may have partners; partners with equal rights edit it as
//! the lead does, other partners' staff can see it. Staff pages live under the organisation in the
//! path, and answer "not found" for an engagement that organisation neither leads nor partners.

pub mod challenges;
pub mod commands;
pub mod commitments;
pub mod contest;
pub mod demo;
pub mod domain;
pub mod form;
pub mod public;
pub mod sections;
pub mod staff;
pub mod storage;
pub mod views;

use axum::http::Method;
use axum::routing::{get, post};
use uuid::Uuid;

use crate::state::AppState;
use crate::web::AppError;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
pub use challenges::{CommitmentFigures, commitment_figures};
use storage::{EngagementRow, PartnerRow};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! one {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}",
                $suffix
            )
        };
    }
    macro_rules! commitment {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/commitments/{commitment_id}",
                $suffix
            )
        };
    }
    vec![
        route(M::GET, "/engagements", Public, get(public::list)),
        route(
            M::GET,
            "/engagements/{engagement_id}",
            Public,
            get(public::page),
        ),
        route(
            M::GET,
            "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept",
            SignedIn,
            get(contest::form),
        ),
        route(
            M::POST,
            "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept",
            SignedIn,
            post(contest::submit),
        ),
        route(
            M::POST,
            "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept/withdraw",
            SignedIn,
            post(contest::withdraw),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements",
            Organisation(ViewEngagements),
            get(staff::list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements/new",
            Organisation(ManageEngagements),
            get(form::new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/engagements/new",
            Organisation(ManageEngagements),
            post(form::new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/engagements/labels",
            Organisation(ChooseLadderLabels),
            get(staff::labels_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/engagements/labels",
            Organisation(ChooseLadderLabels),
            post(staff::labels_submit),
        ),
        route(
            M::GET,
            one!(""),
            Organisation(ViewEngagements),
            get(staff::show),
        ),
        route(
            M::GET,
            one!("/edit"),
            Organisation(ManageEngagements),
            get(form::edit_form),
        ),
        route(
            M::POST,
            one!("/edit"),
            Organisation(ManageEngagements),
            post(form::edit_submit),
        ),
        route(
            M::POST,
            one!("/unpublish"),
            Organisation(ManageEngagements),
            post(staff::unpublish),
        ),
        route(
            M::POST,
            one!("/publish"),
            Organisation(ManageEngagements),
            post(staff::publish),
        ),
        route(
            M::GET,
            one!("/commitments/new"),
            Organisation(ManageEngagements),
            get(commitments::new_form),
        ),
        route(
            M::POST,
            one!("/commitments/new"),
            Organisation(ManageEngagements),
            post(commitments::new_submit),
        ),
        route(
            M::GET,
            commitment!(""),
            Organisation(ManageEngagements),
            get(commitments::edit_form),
        ),
        route(
            M::POST,
            commitment!(""),
            Organisation(ManageEngagements),
            post(commitments::edit_submit),
        ),
        route(
            M::GET,
            commitment!("/status"),
            Organisation(ManageEngagements),
            get(commitments::status_form),
        ),
        route(
            M::POST,
            commitment!("/status"),
            Organisation(ManageEngagements),
            post(commitments::status_submit),
        ),
    ]
}

/// How the organisation in the path stands to an engagement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Lead,
    /// A partner that agreed to run it with the lead as an equal: edits it as the lead does.
    EqualPartner,
    /// A partner whose staff can see it.
    Partner,
}

impl Relation {
    pub fn of(
        organisation: Uuid,
        engagement: &EngagementRow,
        partners: &[PartnerRow],
    ) -> Option<Relation> {
        if engagement.organisation_id == organisation {
            return Some(Relation::Lead);
        }
        partners
            .iter()
            .find(|p| p.organisation_id == organisation)
            .map(|p| {
                if p.equal_rights {
                    Relation::EqualPartner
                } else {
                    Relation::Partner
                }
            })
    }

    pub fn can_edit(self) -> bool {
        matches!(self, Relation::Lead | Relation::EqualPartner)
    }
}

/// An engagement as the organisation in the path sees it.
pub struct Loaded {
    pub engagement: EngagementRow,
    pub partners: Vec<PartnerRow>,
    pub relation: Relation,
}

/// The engagement in the path, if the organisation in the path leads or partners it; else not found.
pub async fn load_for(state: &AppState, organisation: Uuid, id: &str) -> Result<Loaded, AppError> {
    let id = Uuid::parse_str(id).map_err(|_| AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    let engagement = storage::find(&mut conn.ex(), id)
        .await?
        .ok_or(AppError::NotFound)?;
    let partners = storage::partners_of(&mut conn.ex(), id).await?;
    let relation = Relation::of(organisation, &engagement, &partners).ok_or(AppError::NotFound)?;
    Ok(Loaded {
        engagement,
        partners,
        relation,
    })
}

/// The ladder whose words `organisation` shows.
pub async fn label_scheme_of(
    state: &AppState,
    organisation: Uuid,
) -> Result<domain::LabelScheme, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(storage::label_scheme(&mut conn.ex(), organisation).await?)
}

/// As [`load_for`], for a change: partners without equal rights may look but not edit.
pub async fn load_editable(
    state: &AppState,
    organisation: Uuid,
    id: &str,
) -> Result<Loaded, AppError> {
    let loaded = load_for(state, organisation, id).await?;
    if loaded.relation.can_edit() {
        Ok(loaded)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The engagements an organisation leads or is a partner in, newest first.
pub async fn of_organisation(
    ex: &mut crate::db::Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<EngagementRow>, sqlx::Error> {
    storage::of_organisation(ex, organisation).await
}

/// An engagement's commitments.
pub async fn commitments_of(
    ex: &mut crate::db::Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<storage::CommitmentRow>, sqlx::Error> {
    storage::commitments_of(ex, engagement).await
}

/// One engagement, for capabilities built on engagements.
pub async fn find(
    ex: &mut crate::db::Ex<'_>,
    engagement: Uuid,
) -> Result<Option<EngagementRow>, sqlx::Error> {
    storage::find(ex, engagement).await
}
