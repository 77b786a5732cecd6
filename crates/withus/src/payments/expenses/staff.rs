//! Staff pages for expenses: the organisation's mileage rate with its dates, the lines waiting for
//! a finance officer's decision, and a claim entered for someone who phoned, posted it or came in.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use serde::Deserialize;
use uuid::Uuid;

use super::commands::{self, ExpenseError, NewClaim, Owner};
use super::domain::{ClaimChannel, LineAnswers, LineState, REASON_MAX_CHARS, RateAnswers};
use super::form::{LineFields, kept, line_fields, read, refused};
use super::storage;
use super::yours::{Shown, answers_of, correct_page, receipt_response, shown};
use crate::engagements::views::{date_input, format_day, today};
use crate::identity::StaffActor;
use crate::register::record::{people_list, subject};
use crate::state::AppState;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

fn actor(page: &Page, org_id: Uuid) -> StaffActor {
    StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

async fn organisation_name(state: &AppState, org_id: Uuid) -> Result<String, AppError> {
    let mut conn = state.db.acquire().await?;
    crate::organisations::find(&mut conn.ex(), org_id)
        .await?
        .map(|o| o.name)
        .ok_or(AppError::NotFound)
}

// --- Mileage rate --------------------------------------------------------------------------------

pub struct RateShown {
    pub per_mile: String,
    pub from: String,
    pub to: String,
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/mileage.html")]
struct MileagePage {
    page: Page,
    org_id: Uuid,
    organisation: String,
    rates: Vec<RateShown>,
    per_mile: String,
    from: DateInput,
    to: DateInput,
}

async fn mileage_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    answers: &RateAnswers,
) -> Result<MileagePage, AppError> {
    let organisation = organisation_name(state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let locale = page.locale();
    let rates = commands::mileage_rates(&mut conn.ex(), org_id)
        .await?
        .into_iter()
        .map(|r| RateShown {
            per_mile: r.per_mile.to_string(),
            from: format_day(r.effective.from(), locale),
            to: r
                .effective
                .to()
                .map(|d| format_day(d, locale))
                .unwrap_or_else(|| locale.t("mileage-rate-no-end")),
        })
        .collect();
    let from = date_input(
        locale,
        &page.errors,
        "from",
        locale.t("mileage-rate-from"),
        answers.from.clone(),
    );
    let to = date_input(
        locale,
        &page.errors,
        "to",
        locale.t("mileage-rate-to"),
        answers.to.clone(),
    );
    Ok(MileagePage {
        org_id,
        organisation,
        rates,
        per_mile: answers.per_mile.clone(),
        from,
        to,
        page,
    })
}

pub async fn mileage(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    render(mileage_page(&state, page, org_id, &RateAnswers::default()).await?)
}

pub async fn mileage_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let part = |name: &str| one_of(&form, name);
    let answers = RateAnswers {
        per_mile: part("per_mile"),
        from: [part("from-day"), part("from-month"), part("from-year")],
        to: [part("to-day"), part("to-month"), part("to-year")],
    };
    let new = match answers.check() {
        Ok(new) => new,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(mileage_page(&state, page, org_id, &answers).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::set_mileage_rate(&mut tx.ex(), actor(&page, org_id), new).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/payments/mileage"),
                "mileage-rate-saved",
            ))
        }
        Err(ExpenseError::RateOverlaps) => {
            drop(tx);
            let page = page.with_problems(&[Problem::new("from-day", "mileage-rate-overlaps")]);
            render_invalid(mileage_page(&state, page, org_id, &answers).await?)
        }
        Err(other) => Err(other.into()),
    }
}

// --- Lines waiting for a decision ----------------------------------------------------------------

pub struct Waiting {
    pub line: Shown,
    pub person: String,
    pub channel: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/waiting.html")]
struct WaitingPage {
    page: Page,
    org_id: Uuid,
    organisation: String,
    waiting: Vec<Waiting>,
    queried: Vec<Waiting>,
}

async fn waiting_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    reasons: &[(Uuid, String)],
) -> Result<WaitingPage, AppError> {
    let organisation = organisation_name(state, org_id).await?;
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut lists = [Vec::new(), Vec::new()];
    for (list, wanted) in lists
        .iter_mut()
        .zip([LineState::Claimed, LineState::Queried])
    {
        for row in storage::lines_in_state(&mut ex, org_id, wanted).await? {
            let person = crate::register::find_person(&mut ex, row.person_id)
                .await?
                .map(|p| p.display_name)
                .unwrap_or_default();
            let reason = reasons
                .iter()
                .find(|(id, _)| *id == row.id)
                .map(|(_, r)| r.clone())
                .unwrap_or_default();
            list.push(Waiting {
                channel: page.t(&row.channel.message_key()),
                line: shown(state, &mut ex, &page, &row).await?,
                person,
                reason,
            });
        }
    }
    let [waiting, queried] = lists;
    Ok(WaitingPage {
        org_id,
        organisation,
        waiting,
        queried,
        page,
    })
}

pub async fn waiting(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    render(waiting_page(&state, page, org_id, &[]).await?)
}

fn decided(state: &AppState, org_id: Uuid, flash: &str) -> AppResult {
    Ok(see_other_with_flash(
        state,
        &format!("/organisations/{org_id}/payments/expenses"),
        flash,
    ))
}

pub async fn approve(
    State(state): State<AppState>,
    Ids((org_id, line)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    match commands::approve(&mut tx.ex(), actor(&page, org_id), line).await {
        Ok(()) => {
            tx.commit().await?;
            decided(&state, org_id, "expense-approved")
        }
        Err(ExpenseError::NotWaiting) => decided(&state, org_id, "expense-already-decided"),
        Err(other) => Err(other.into()),
    }
}

pub async fn query(
    State(state): State<AppState>,
    Ids((org_id, line)): Ids<(Uuid, Uuid)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let reason = one_of(&pairs(&body), "reason");
    let field = format!("reason-{line}");
    let problem = if reason.is_empty() {
        Some(Problem::new(field, "expense-reason-missing"))
    } else if reason.chars().count() > REASON_MAX_CHARS {
        Some(Problem::too_long(
            field,
            "expense-reason-too-long",
            REASON_MAX_CHARS,
        ))
    } else {
        None
    };
    if let Some(problem) = problem {
        let page = page.with_problems(&[problem]);
        return render_invalid(waiting_page(&state, page, org_id, &[(line, reason)]).await?);
    }
    let mut tx = state.db.begin().await?;
    match commands::query(&mut tx.ex(), &state, actor(&page, org_id), line, &reason).await {
        Ok(()) => {
            tx.commit().await?;
            decided(&state, org_id, "expense-query-sent")
        }
        Err(ExpenseError::NotWaiting) => decided(&state, org_id, "expense-already-decided"),
        Err(other) => Err(other.into()),
    }
}

pub async fn receipt(
    State(state): State<AppState>,
    Ids((org_id, line)): Ids<(Uuid, Uuid)>,
) -> AppResult {
    let mut conn = state.db.acquire().await?;
    let row = storage::find_line(&mut conn.ex(), line)
        .await?
        .filter(|row| row.organisation_id == org_id)
        .ok_or(AppError::NotFound)?;
    drop(conn);
    receipt_response(&state, &row).await
}

// --- A queried line corrected for the person ----------------------------------------------------

/// The organisation's queried line, or not found.
async fn queried_line(
    state: &AppState,
    org_id: Uuid,
    line: Uuid,
) -> Result<storage::LineRow, AppError> {
    let mut conn = state.db.acquire().await?;
    storage::find_line(&mut conn.ex(), line)
        .await?
        .filter(|row| row.organisation_id == org_id && row.state == LineState::Queried)
        .ok_or(AppError::NotFound)
}

pub async fn correct_form(
    State(state): State<AppState>,
    Ids((org_id, line)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> AppResult {
    let row = queried_line(&state, org_id, line).await?;
    let answers = answers_of(&state, &row);
    render(correct_page(
        page,
        format!("/organisations/{org_id}/payments/expenses/{line}/correct"),
        format!("/organisations/{org_id}"),
        &row,
        &answers,
    ))
}

pub async fn correct_submit(
    State(state): State<AppState>,
    Ids((org_id, line)): Ids<(Uuid, Uuid)>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let row = queried_line(&state, org_id, line).await?;
    let (answers, _) = read(multipart).await;
    let shown_again = kept(&answers);
    let action = format!("/organisations/{org_id}/payments/expenses/{line}/correct");
    let back = format!("/organisations/{org_id}");
    let new = match answers.check(today()) {
        Ok(new) => new,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(correct_page(page, action, back, &row, &shown_again));
        }
    };
    let mut tx = state.db.begin().await?;
    let done = commands::correct(
        &mut tx.ex(),
        &state,
        page.ctx.actor(),
        Owner::Organisation(org_id),
        row.id,
        &new,
    )
    .await;
    match done {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/payments/expenses/new"),
                "expense-corrected",
            ))
        }
        Err(error) => match refused(&page, &error) {
            Some(problem) => {
                drop(tx);
                let page = page.with_problems(&[problem]);
                render_invalid(correct_page(page, action, back, &row, &shown_again))
            }
            None => Err(error.into()),
        },
    }
}

// --- A claim entered by staff --------------------------------------------------------------------

#[derive(Deserialize, Default)]
pub struct Search {
    #[serde(default)]
    name: String,
    #[serde(default)]
    person: String,
}

#[derive(Template)]
#[template(path = "payments/expenses/templates/enter.html")]
struct EnterPage {
    page: Page,
    org_id: Uuid,
    organisation: String,
    name: String,
    searched: bool,
    people: Vec<Choice>,
    channels: Vec<Choice>,
    engagements: Vec<Choice>,
    line: LineFields,
}

/// The people a search offers (and the one already chosen, kept on a refused form).
async fn offered(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    name: &str,
    chosen: &str,
) -> Result<Vec<(Uuid, String)>, AppError> {
    let mut people = people_list::named(state, page, org_id, name).await?;
    if let Ok(id) = Uuid::parse_str(chosen.trim())
        && !people.iter().any(|(p, _)| *p == id)
        && let Ok(subject) = subject::seen_by_staff(state, page, org_id, &id.to_string()).await
    {
        people.insert(0, (id, subject.person.display_name));
    }
    Ok(people)
}

/// The organisation's published engagements: (id, title).
async fn engagements_of(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
) -> Result<Vec<(Uuid, String)>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(crate::engagements::of_organisation(&mut conn.ex(), org_id)
        .await?
        .into_iter()
        .filter(|e| e.published)
        .map(|e| (e.id, e.title().shown(page.locale()).text))
        .collect())
}

struct Chosen<'a> {
    person: &'a str,
    channel: &'a str,
    engagement: &'a str,
}

#[allow(clippy::too_many_arguments)]
async fn enter_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    name: String,
    people: &[(Uuid, String)],
    engagements: &[(Uuid, String)],
    chosen: Chosen<'_>,
    answers: &LineAnswers,
) -> Result<EnterPage, AppError> {
    let organisation = organisation_name(state, org_id).await?;
    let choice = |id: &Uuid, label: &String, chosen: &str| {
        let value = id.to_string();
        let checked = value == chosen.trim();
        Choice::new(value, label.clone(), checked)
    };
    let line = line_fields(&page, answers);
    Ok(EnterPage {
        org_id,
        organisation,
        searched: !name.trim().is_empty(),
        name,
        people: people
            .iter()
            .map(|(id, n)| choice(id, n, chosen.person))
            .collect(),
        channels: ClaimChannel::ENTERED_BY_STAFF
            .iter()
            .map(|c| {
                Choice::new(
                    c.as_str(),
                    page.t(&c.message_key()),
                    chosen.channel == c.as_str(),
                )
            })
            .collect(),
        engagements: engagements
            .iter()
            .map(|(id, t)| choice(id, t, chosen.engagement))
            .collect(),
        line,
        page,
    })
}

pub async fn enter_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    Query(search): Query<Search>,
    page: Page,
) -> AppResult {
    let people = offered(&state, &page, org_id, &search.name, &search.person).await?;
    let engagements = engagements_of(&state, &page, org_id).await?;
    let chosen = Chosen {
        person: &search.person,
        channel: "",
        engagement: "",
    };
    render(
        enter_page(
            &state,
            page,
            org_id,
            search.name.clone(),
            &people,
            &engagements,
            chosen,
            &LineAnswers::default(),
        )
        .await?,
    )
}

pub async fn enter_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let (answers, others) = read(multipart).await;
    let get = |name: &str| others.get(name).cloned().unwrap_or_default();
    let (name, person, channel, engagement) = (
        get("name"),
        get("person"),
        get("channel"),
        get("engagement"),
    );
    let people = offered(&state, &page, org_id, &name, &person).await?;
    let engagements = engagements_of(&state, &page, org_id).await?;
    let mut problems = Vec::new();
    let chosen_person = people
        .iter()
        .map(|(id, _)| *id)
        .find(|id| id.to_string() == person.trim());
    if chosen_person.is_none() {
        problems.push(Problem::new("person", "expense-person-missing"));
    }
    let chosen_channel =
        ClaimChannel::parse(channel.trim()).filter(|c| ClaimChannel::ENTERED_BY_STAFF.contains(c));
    if chosen_channel.is_none() {
        problems.push(Problem::new("channel", "expense-channel-missing"));
    }
    let chosen_engagement = engagements
        .iter()
        .map(|(id, _)| *id)
        .find(|id| id.to_string() == engagement.trim());
    if chosen_engagement.is_none() {
        problems.push(Problem::new("engagement", "expense-engagement-missing"));
    }
    let shown_again = kept(&answers);
    let line = answers.check(today()).map_err(|p| problems.extend(p)).ok();
    let chosen = Chosen {
        person: &person,
        channel: &channel,
        engagement: &engagement,
    };
    let (Some(who), Some(how), Some(what), Some(line)) = (
        chosen_person,
        chosen_channel,
        chosen_engagement,
        line.filter(|_| problems.is_empty()),
    ) else {
        let page = page.with_problems(&problems);
        return render_invalid(
            enter_page(
                &state,
                page,
                org_id,
                name,
                &people,
                &engagements,
                chosen,
                &shown_again,
            )
            .await?,
        );
    };
    let mut tx = state.db.begin().await?;
    let made = commands::claim(
        &mut tx.ex(),
        &state,
        NewClaim {
            organisation: org_id,
            person: who,
            engagement: what,
            channel: how,
            entered_by: page.ctx.actor(),
        },
        &line,
    )
    .await;
    match made {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/payments/expenses/new"),
                "expense-entered",
            ))
        }
        Err(error) => match refused(&page, &error) {
            Some(problem) => {
                drop(tx);
                let page = page.with_problems(&[problem]);
                render_invalid(
                    enter_page(
                        &state,
                        page,
                        org_id,
                        name,
                        &people,
                        &engagements,
                        chosen,
                        &shown_again,
                    )
                    .await?,
                )
            }
            None => Err(error.into()),
        },
    }
}
