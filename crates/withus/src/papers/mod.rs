//! Papers: documents attached to an engagement or one of its events (agendas, briefings, minutes),
//! with the formats each is available in (standard, Easy Read, large print, audio, BSL video, Welsh)
//! and a link to each where there is one. Staff add, change, publish and delete them; the public
//! engagement page lists the published ones; the access plan flags those missing a format someone
//! booked needs (see [`crate::access_plan::papers`]).

pub mod commands;
pub mod demo;
pub mod form;
pub mod staff;
pub mod storage;

use std::future::Future;
use std::pin::Pin;

use axum::http::Method;
use axum::routing::{get, post};
use uuid::Uuid;

use crate::db::Ex;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
use crate::web::{AppError, dates};
pub use storage::{PaperInput, PaperRow};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! papers {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/papers",
                $suffix
            )
        };
    }
    vec![
        route(
            M::GET,
            papers!("/new"),
            Organisation(ManageEngagements),
            get(staff::new_form),
        ),
        route(
            M::POST,
            papers!("/new"),
            Organisation(ManageEngagements),
            post(staff::new_submit),
        ),
        route(
            M::GET,
            papers!("/{paper_id}"),
            Organisation(ManageEngagements),
            get(staff::edit_form),
        ),
        route(
            M::POST,
            papers!("/{paper_id}"),
            Organisation(ManageEngagements),
            post(staff::edit_submit),
        ),
        route(
            M::POST,
            papers!("/{paper_id}/publish"),
            Organisation(ManageEngagements),
            post(staff::publish),
        ),
        route(
            M::POST,
            papers!("/{paper_id}/unpublish"),
            Organisation(ManageEngagements),
            post(staff::unpublish),
        ),
        route(
            M::GET,
            papers!("/{paper_id}/delete"),
            Organisation(ManageEngagements),
            get(staff::delete_form),
        ),
        route(
            M::POST,
            papers!("/{paper_id}/delete"),
            Organisation(ManageEngagements),
            post(staff::delete_submit),
        ),
    ]
}

/// An event of the engagement, as papers name it: to say which event a paper goes with.
#[derive(Debug, Clone)]
pub struct EventLabel {
    pub id: Uuid,
    pub title: String,
    /// When it is, in the reader's language.
    pub when: String,
}

/// Events being read for papers.
pub type EventLabels<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<EventLabel>, AppError>> + Send + 'a>>;

/// The events of an engagement (cancelled ones too), in the reader's language. Papers may not
/// import the events capability, which is built on them; the wiring passes in its read model.
#[derive(Clone, Copy)]
pub struct EventsOf(pub for<'a> fn(&'a AppState, Uuid, Locale) -> EventLabels<'a>);

/// Checking again the access plans of the events a changed paper goes with.
pub type Recheck<'a> = Pin<Box<dyn Future<Output = Result<(), sqlx::Error>> + Send + 'a>>;

/// A changed paper may lack a format someone booked needs, so the events it goes with (one event,
/// or all the engagement's when none is named) are no longer ready. Events own that state; the
/// wiring passes in how to change it, as papers may not import events.
#[derive(Clone, Copy)]
pub struct RecheckEvents(pub for<'a> fn(&'a mut Ex<'_>, Uuid, Option<Uuid>) -> Recheck<'a>);

/// One format of a paper as shown: its name, and its link if there is one.
pub struct FormatView {
    pub name: String,
    pub link: String,
}

fn formats(locale: Locale, paper: &PaperRow) -> Vec<FormatView> {
    paper
        .formats
        .iter()
        .map(|(format, link)| FormatView {
            name: locale.t(&format.message_key()),
            link: link.clone(),
        })
        .collect()
}

/// One paper on a staff page.
pub struct Line {
    pub title: String,
    pub description: String,
    /// "The whole engagement", or the event's title.
    pub goes_with: String,
    pub formats: Vec<FormatView>,
    pub published: bool,
    pub status: String,
    /// The paper's own address, under which it is changed, published and deleted.
    pub href: String,
}

/// The papers section of a staff page.
pub struct StaffList {
    pub lines: Vec<Line>,
    pub new_href: String,
    pub can_manage: bool,
}

/// The papers of an engagement (all of them) or of one of its events (its own and the whole
/// engagement's), for the staff page of either; `events` are the engagement's, to name the event
/// each paper goes with.
pub async fn staff_list(
    state: &AppState,
    locale: Locale,
    (org_id, engagement): (Uuid, Uuid),
    event: Option<Uuid>,
    events: &[EventLabel],
    can_manage: bool,
) -> Result<StaffList, AppError> {
    let mut conn = state.db.acquire().await?;
    let papers = match event {
        Some(event) => storage::for_event(&mut conn.ex(), engagement, event).await?,
        None => storage::of_engagement(&mut conn.ex(), engagement).await?,
    };
    drop(conn);
    let base = format!("/organisations/{org_id}/engagements/{engagement}/papers");
    let lines = papers
        .iter()
        .map(|paper| Line {
            title: paper.title.clone(),
            description: paper.description.clone(),
            goes_with: paper
                .event_id
                .and_then(|id| events.iter().find(|e| e.id == id))
                .map(|e| e.title.clone())
                .unwrap_or_else(|| locale.t("paper-whole-engagement")),
            formats: formats(locale, paper),
            published: paper.published_at.is_some(),
            status: match paper.published_at {
                Some(at) => locale.t_args(
                    "paper-published-on",
                    &[("date", dates::format_date(at, locale).into())],
                ),
                None => locale.t("paper-not-published"),
            },
            href: format!("{base}/{}", paper.id),
        })
        .collect();
    Ok(StaffList {
        lines,
        new_href: match event {
            Some(event) => format!("{base}/new?event={event}"),
            None => format!("{base}/new"),
        },
        can_manage,
    })
}

/// One published paper on the public engagement page.
pub struct PublicPaper {
    pub title: String,
    pub description: String,
    pub formats: Vec<FormatView>,
}

/// An engagement's published papers: its own, and each event's.
#[derive(Default)]
pub struct PublicPapers {
    pub engagement: Vec<PublicPaper>,
    events: Vec<(Uuid, Vec<PublicPaper>)>,
}

impl PublicPapers {
    pub fn for_event(&self, event: &Uuid) -> &[PublicPaper] {
        self.events
            .iter()
            .find(|(id, _)| id == event)
            .map(|(_, papers)| papers.as_slice())
            .unwrap_or_default()
    }
}

pub async fn public(
    state: &AppState,
    locale: Locale,
    engagement: Uuid,
) -> Result<PublicPapers, AppError> {
    let mut conn = state.db.acquire().await?;
    let papers = storage::of_engagement(&mut conn.ex(), engagement).await?;
    let mut shown = PublicPapers::default();
    for paper in papers.iter().filter(|p| p.published_at.is_some()) {
        let view = PublicPaper {
            title: paper.title.clone(),
            description: paper.description.clone(),
            formats: formats(locale, paper),
        };
        match paper.event_id {
            None => shown.engagement.push(view),
            Some(event) => match shown.events.iter_mut().find(|(id, _)| *id == event) {
                Some((_, list)) => list.push(view),
                None => shown.events.push((event, vec![view])),
            },
        }
    }
    Ok(shown)
}

/// Every paper of an engagement and its events, with its formats: the engagement's own first.
pub async fn of_engagement(
    ex: &mut crate::db::Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<PaperRow>, sqlx::Error> {
    storage::of_engagement(ex, engagement).await
}

/// What the access plan of an event needs to know of the papers that go with it (its own and the
/// whole engagement's): their titles, formats and when they were published.
pub async fn for_event_plan(
    ex: &mut crate::db::Ex<'_>,
    engagement: Uuid,
    event: Uuid,
) -> Result<Vec<crate::access_plan::Paper>, sqlx::Error> {
    Ok(storage::for_event(ex, engagement, event)
        .await?
        .iter()
        .map(PaperRow::as_paper)
        .collect())
}
