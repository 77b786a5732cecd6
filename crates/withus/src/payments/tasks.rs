//! A task a facilitator records for someone (reading papers, a phone interview, reviewing a
//! draft): it makes a payment due at the engagement's stated rate for the time it took, in the
//! person's chosen form, in the same transaction.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use time::Date;
use uuid::Uuid;

use super::commands::{self, PaymentError, TaskDone};
use crate::engagements::domain::{date_parts, parse_date};
use crate::engagements::views::{date_input, today};
use crate::engagements::{Loaded, load_editable};
use crate::identity::StaffActor;
use crate::register::record::people_list;
use crate::state::AppState;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

/// The most minutes one task may record: a long day.
const MINUTES_MAX: u32 = 12 * 60;

#[derive(Debug, Deserialize)]
pub struct Search {
    #[serde(default)]
    name: String,
}

#[derive(Template)]
#[template(path = "payments/templates/task.html")]
struct TaskPage {
    page: Page,
    back: String,
    action: String,
    title: String,
    name: String,
    searched: bool,
    people: Vec<Choice>,
    description: String,
    minutes: String,
    day: DateInput,
}

struct Answers {
    person: String,
    description: String,
    minutes: String,
    day: [String; 3],
}

#[allow(clippy::too_many_arguments)]
async fn task_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: Uuid,
    title: String,
    name: String,
    answers: Answers,
) -> Result<TaskPage, AppError> {
    let people = people_list::named(state, &page, org_id, &name).await?;
    let base = format!("/organisations/{org_id}/engagements/{engagement}");
    Ok(TaskPage {
        back: base.clone(),
        action: format!("{base}/payments/task"),
        title,
        searched: !name.trim().is_empty(),
        people: people
            .into_iter()
            .map(|(id, n)| {
                let value = id.to_string();
                let checked = value == answers.person.trim();
                Choice::new(value, n, checked)
            })
            .collect(),
        name,
        description: answers.description,
        minutes: answers.minutes,
        day: date_input(
            page.locale(),
            &page.errors,
            "day",
            page.t("payment-task-day"),
            answers.day,
        ),
        page,
    })
}

pub async fn form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    Query(search): Query<Search>,
    page: Page,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let title = engagement.title().shown(page.locale()).text;
    let answers = Answers {
        person: String::new(),
        description: String::new(),
        minutes: String::new(),
        day: date_parts(today()),
    };
    render(
        task_page(
            &state,
            page,
            org_id,
            engagement.id,
            title,
            search.name,
            answers,
        )
        .await?,
    )
}

fn check(
    answers: &Answers,
    people: &[(Uuid, String)],
) -> Result<(Uuid, String, u32, Date), Vec<Problem>> {
    let mut problems = Vec::new();
    let person = people
        .iter()
        .map(|(id, _)| *id)
        .find(|id| id.to_string() == answers.person.trim());
    if person.is_none() {
        problems.push(Problem::new("person", "payment-task-error-person"));
    }
    let description = answers.description.trim();
    if description.is_empty() {
        problems.push(Problem::new(
            "description",
            "payment-task-error-description",
        ));
    }
    let minutes = answers
        .minutes
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=MINUTES_MAX).contains(m));
    if minutes.is_none() {
        problems.push(Problem::new("minutes", "payment-task-error-minutes"));
    }
    let day = parse_date(&answers.day).filter(|d| *d <= today());
    if day.is_none() {
        problems.push(Problem::new("day-day", "payment-task-error-day"));
    }
    match (person, minutes, day) {
        (Some(p), Some(m), Some(d)) if problems.is_empty() => {
            Ok((p, description.chars().take(200).collect(), m, d))
        }
        _ => Err(problems),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let Loaded { engagement, .. } = load_editable(&state, org_id, &engagement_id).await?;
    let title = engagement.title().shown(page.locale()).text;
    let form = pairs(&body);
    let name = one_of(&form, "name");
    let answers = Answers {
        person: one_of(&form, "person"),
        description: one_of(&form, "description"),
        minutes: one_of(&form, "minutes"),
        day: [
            one_of(&form, "day-day"),
            one_of(&form, "day-month"),
            one_of(&form, "day-year"),
        ],
    };
    let people = people_list::named(&state, &page, org_id, &name).await?;
    let (person, description, minutes, day) = match check(&answers, &people) {
        Ok(checked) => checked,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(
                task_page(&state, page, org_id, engagement.id, title, name, answers).await?,
            );
        }
    };
    let actor = StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    let done = TaskDone {
        engagement: engagement.id,
        person,
        description: &description,
        day,
        minutes,
    };
    match commands::due_for_task(&mut tx.ex(), &state.keys, actor, &done).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/engagements/{}", engagement.id),
                "payment-flash-task",
            ))
        }
        Err(PaymentError::NoRate) => {
            drop(tx);
            let page = page.with_problems(&[Problem::new("minutes", "payment-task-error-no-rate")]);
            render_invalid(
                task_page(&state, page, org_id, engagement.id, title, name, answers).await?,
            )
        }
        Err(other) => Err(other.into()),
    }
}
