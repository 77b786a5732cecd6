//! Surveys of an engagement: staff build them (questions of nine kinds in English, Welsh and Easy
//! Read, routing checked for loops and unreachable questions, pages, open and close dates); people
//! answer them one page at a time at `/surveys/{id}`, may save and come back later with a code or an
//! emailed link, check their answers and send them; staff may enter answers for someone who told
//! them another way; staff see the results as charts with tables, and export them.
//!
//! Answers may hold personal data, so drafts and sent answers are sealed; only which choices were
//! ticked is stored in the clear, for counting.

pub mod builder;
pub mod commands;
pub mod demo;
pub mod domain;
pub mod results;
pub mod runner;
mod storage;

use askama::Template;
use axum::http::Method;
use axum::routing::{get, post};
use uuid::Uuid;

use crate::engagements::sections::{Rendering, StaffSection};
use crate::state::AppState;
use crate::web::Page;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};
pub use storage::{Settings, SurveyRow};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    macro_rules! staff {
        ($suffix:literal) => {
            concat!(
                "/organisations/{org_id}/engagements/{engagement_id}/surveys",
                $suffix
            )
        };
    }
    let manage = || Organisation(ManageEngagements);
    vec![
        route(M::GET, staff!("/new"), manage(), get(builder::new_form)),
        route(M::POST, staff!("/new"), manage(), post(builder::new_submit)),
        route(
            M::GET,
            staff!("/{survey_id}"),
            manage(),
            get(builder::overview),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/settings"),
            manage(),
            get(builder::settings_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/settings"),
            manage(),
            post(builder::settings_submit),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/questions/new"),
            manage(),
            get(builder::question_new_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/questions/new"),
            manage(),
            post(builder::question_new_submit),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/questions/{question_key}"),
            manage(),
            get(builder::question_edit_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/questions/{question_key}"),
            manage(),
            post(builder::question_edit_submit),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/questions/{question_key}/routing"),
            manage(),
            get(builder::routing_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/questions/{question_key}/routing"),
            manage(),
            post(builder::routing_submit),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/questions/{question_key}/move"),
            manage(),
            post(builder::move_submit),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/questions/{question_key}/delete"),
            manage(),
            get(builder::delete_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/questions/{question_key}/delete"),
            manage(),
            post(builder::delete_submit),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/preview"),
            manage(),
            get(builder::preview),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/results"),
            manage(),
            get(results::page),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/export.csv"),
            manage(),
            get(results::export_csv),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/export.xlsx"),
            manage(),
            get(results::export_xlsx),
        ),
        route(
            M::GET,
            staff!("/{survey_id}/answer-for"),
            Organisation(ManageRegister),
            get(runner::for_person_form),
        ),
        route(
            M::POST,
            staff!("/{survey_id}/answer-for"),
            Organisation(ManageRegister),
            post(runner::for_person_submit),
        ),
        // Answering.
        route(
            M::GET,
            "/surveys/{survey_id}",
            Public,
            get(runner::start_page),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}",
            Public,
            post(runner::start_submit),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/questions/{question_key}",
            Public,
            get(runner::question_page),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}/questions/{question_key}",
            Public,
            post(runner::question_submit),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/check",
            Public,
            get(runner::check_page),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}/check",
            Public,
            post(runner::check_submit),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/sent/{response_id}",
            Public,
            get(runner::sent_page),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/save",
            Public,
            get(runner::save_page),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}/save",
            Public,
            post(runner::save_submit),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/resume",
            Public,
            get(runner::resume_form),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}/resume",
            Public,
            post(runner::resume_submit),
        ),
        route(
            M::GET,
            "/surveys/{survey_id}/resume/{token}",
            Public,
            get(runner::resume_link_form),
        ),
        route(
            M::POST,
            "/surveys/{survey_id}/resume/{token}",
            Public,
            post(runner::resume_link_submit),
        ),
        route(
            M::GET,
            "/your-data/surveys",
            SignedIn,
            get(runner::your_surveys),
        ),
    ]
}

/// The staff address of a survey.
pub fn staff_href(org_id: Uuid, engagement: Uuid, survey: Uuid) -> String {
    format!("/organisations/{org_id}/engagements/{engagement}/surveys/{survey}")
}

/// One survey in the engagement's staff list.
pub struct Line {
    pub title: String,
    pub status: String,
    pub responses: i64,
    pub href: String,
}

#[derive(Template)]
#[template(path = "surveys/templates/section.html")]
struct SectionPart<'a> {
    page: &'a Page,
    lines: Vec<Line>,
    new_href: String,
    can_manage: bool,
}

/// The surveys part of an engagement's staff page.
pub fn engagement_staff<'a>(
    state: &'a AppState,
    page: &'a Page,
    section: StaffSection,
) -> Rendering<'a> {
    Box::pin(async move {
        let mut conn = state.db.acquire().await?;
        let surveys = storage::of_engagement(&mut conn.ex(), section.engagement).await?;
        let mut lines = Vec::new();
        for survey in surveys {
            let responses = storage::response_count(&mut conn.ex(), survey.id).await?;
            lines.push(Line {
                title: survey
                    .definition
                    .title
                    .shown(page.locale(), false)
                    .to_owned(),
                status: page.t(commands::status(&survey).message_key()),
                responses,
                href: staff_href(section.org_id, section.engagement, survey.id),
            });
        }
        let part = SectionPart {
            page,
            lines,
            new_href: format!(
                "/organisations/{}/engagements/{}/surveys/new",
                section.org_id, section.engagement
            ),
            can_manage: section.can_edit,
        };
        Ok(part.render()?)
    })
}

#[derive(Template)]
#[template(path = "surveys/templates/public_section.html")]
struct PublicPart<'a> {
    page: &'a Page,
    /// (title, address) of each open survey.
    open: Vec<(String, String)>,
}

/// The open surveys of a published engagement, on its public page.
pub fn engagement_public<'a>(
    state: &'a AppState,
    page: &'a Page,
    engagement: Uuid,
) -> Rendering<'a> {
    Box::pin(async move {
        let mut conn = state.db.acquire().await?;
        let surveys = storage::of_engagement(&mut conn.ex(), engagement).await?;
        let open = surveys
            .iter()
            .filter(|s| commands::status(s) == domain::Status::Open)
            .map(|s| {
                (
                    s.definition.title.shown(page.locale(), false).to_owned(),
                    format!("/surveys/{}", s.id),
                )
            })
            .collect::<Vec<_>>();
        if open.is_empty() {
            return Ok(String::new());
        }
        Ok(PublicPart { page, open }.render()?)
    })
}

/// Erasure of a person: their survey drafts and answers go.
pub async fn forget_person(ex: &mut crate::db::Ex<'_>, person: Uuid) -> Result<u64, sqlx::Error> {
    commands::forget_person(ex, person).await
}

/// A survey, read whole.
pub async fn find(ex: &mut crate::db::Ex<'_>, id: Uuid) -> Result<Option<SurveyRow>, sqlx::Error> {
    storage::find(ex, id).await
}

pub mod fixtures {
    //! Surveys and answers written directly, for tests, benchmarks and demo data.
    use super::domain::{Answers, Definition, Received};
    pub use super::storage::Settings;
    use crate::db::Ex;
    use crate::security::field_crypto::KeyRing;
    use uuid::Uuid;

    /// Who sent a response written directly.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Sender {
        pub welsh: bool,
        pub easy_read: bool,
        pub entered_by: Option<(Uuid, Received)>,
    }

    /// Stores sent answers as the survey would (sealed, with the choices they ticked), under
    /// `reference`, without making a contribution. The response's id.
    pub async fn response(
        ex: &mut Ex<'_>,
        keys: &KeyRing,
        survey: Uuid,
        answers: &Answers,
        sender: Sender,
        reference: &str,
    ) -> Result<Uuid, sqlx::Error> {
        let mut marks = Vec::new();
        for (key, answer) in answers {
            marks.push((key.clone(), String::new()));
            marks.extend(answer.chosen().into_iter().map(|c| (key.clone(), c)));
        }
        let id = Uuid::now_v7();
        super::storage::insert_response(
            ex,
            super::storage::NewResponse {
                id,
                survey,
                person: None,
                language: if sender.welsh { "cy" } else { "en" },
                easy_read: sender.easy_read,
                entered_by: sender.entered_by.map(|(a, _)| a),
                received_by: sender.entered_by.map(|(_, r)| r),
                sealed: super::commands::seal(keys, answers, super::commands::response_field(id)),
                receipt_hash: None,
                marks,
            },
        )
        .await?;
        super::storage::set_reference(ex, id, None, reference).await?;
        Ok(id)
    }

    pub async fn create(
        ex: &mut Ex<'_>,
        organisation: Uuid,
        engagement: Uuid,
        definition: &Definition,
        settings: &Settings,
    ) -> Result<Uuid, sqlx::Error> {
        let id = Uuid::now_v7();
        super::storage::create(ex, id, organisation, engagement, definition, settings).await?;
        Ok(id)
    }
}
