//! Subject access, erasure and correction requests, however they arrive (online, by post, by phone),
//! each tracked against the one-month deadline, and erasure carried out when staff complete it.

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use time::{Date, Month, OffsetDateTime, Time};
use uuid::Uuid;

use super::storage;
use super::{CompleteError, NewRequest, insert};
use crate::i18n::Locale;
use crate::ids::DataRequestId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
pub use crate::register::domain::RequestKind;
use crate::register::domain::{Channel, RequestStatus};
use crate::register::record::editors::channel_choices;
use crate::register::record::subject;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::components::DateInput;
use crate::web::dates;
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::Organisation;
    use Method as M;
    use Permission::HandleDataRequests;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/requests",
            Organisation(HandleDataRequests),
            get(list),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/requests/{request_id}/complete",
            Organisation(HandleDataRequests),
            post(complete),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/requests/new",
            Organisation(HandleDataRequests),
            get(new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/requests/new",
            Organisation(HandleDataRequests),
            post(new_submit),
        ),
    ]
}

/// The deadline: one calendar month after receipt, or the last day of a shorter month.
pub fn one_month_after(at: OffsetDateTime) -> OffsetDateTime {
    let date = at.date();
    let (year, month) = match date.month() {
        Month::December => (date.year() + 1, Month::January),
        m => (date.year(), m.next()),
    };
    let last_day = time::util::days_in_month(month, year);
    let day = date.day().min(last_day);
    let due = Date::from_calendar_date(year, month, day).expect("day clamped to the month");
    due.with_time(at.time()).assume_offset(at.offset())
}

/// A request as pages show it.
pub struct RequestLine {
    pub id: Uuid,
    pub person_id: Option<Uuid>,
    pub person: String,
    pub kind: String,
    pub is_erasure: bool,
    pub channel: String,
    pub received: String,
    pub due: String,
    pub open: bool,
    pub overdue: bool,
    pub completed: Option<String>,
}

fn to_line(row: storage::RequestRow, locale: Locale, now: OffsetDateTime) -> RequestLine {
    let open = row.status == RequestStatus::Open;
    let kind = row.kind;
    RequestLine {
        id: row.id,
        person_id: row.person_id,
        person: row.person_label,
        kind: locale.t(&kind.message_key()),
        is_erasure: kind == RequestKind::Erasure,
        channel: locale.t(&row.channel.message_key()),
        received: dates::format_date(row.received_at, locale),
        due: dates::format_date(row.due_at, locale),
        open,
        overdue: open && row.due_at < now,
        completed: row.completed_at.map(|at| dates::format_date(at, locale)),
    }
}

pub async fn open_for_person(
    state: &AppState,
    person: Uuid,
    locale: Locale,
) -> Result<Vec<RequestLine>, AppError> {
    let mut conn = state.db.acquire().await?;
    let rows = storage::open_of_person(&mut conn.ex(), person).await?;
    let now = crate::db::now();
    Ok(rows.into_iter().map(|r| to_line(r, locale, now)).collect())
}

#[derive(Template)]
#[template(path = "register/requests/templates/requests.html")]
struct ListPage {
    page: Page,
    organisation: OrganisationRow,
    open: Vec<RequestLine>,
    done: Vec<RequestLine>,
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let rows = {
        let mut conn = state.db.acquire().await?;
        storage::of_organisation(&mut conn.ex(), org_id).await?
    };
    let now = crate::db::now();
    let (open, done): (Vec<RequestLine>, Vec<RequestLine>) = rows
        .into_iter()
        .map(|r| to_line(r, page.locale(), now))
        .partition(|r| r.open);
    render(ListPage {
        page,
        organisation,
        open,
        done,
    })
}

pub async fn complete(
    State(state): State<AppState>,
    axum::extract::Extension(forget_elsewhere): axum::extract::Extension<super::ForgetElsewhere>,
    Ids((org_id, request_id)): Ids<(Uuid, DataRequestId)>,
    page: Page,
) -> AppResult {
    let request_id = request_id.0;
    let mut tx = state.db.begin().await?;
    let kind = match super::complete(
        &mut tx.ex(),
        forget_elsewhere,
        page.ctx.actor(),
        org_id,
        request_id,
    )
    .await
    {
        Ok(kind) => kind,
        Err(CompleteError::NotFound) => return Err(AppError::NotFound),
        Err(CompleteError::AlreadyDone) => {
            return Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/requests"),
                "flash-request-already-done",
            ));
        }
        Err(CompleteError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/requests"),
        if kind == RequestKind::Erasure {
            "flash-erasure-done"
        } else {
            "flash-request-done"
        },
    ))
}

#[derive(Template)]
#[template(path = "register/requests/templates/request_new.html")]
struct NewPage {
    page: Page,
    base: String,
    person_name: String,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    received: DateInput,
    notes: String,
}

fn kind_choices(page: &Page, chosen: &str) -> Vec<Choice> {
    RequestKind::ALL
        .iter()
        .map(|k| Choice::new(k.as_str(), page.t(&k.message_key()), k.as_str() == chosen))
        .collect()
}

fn received_input(page: &Page, values: [String; 3], error: Option<String>) -> DateInput {
    DateInput {
        id: "received".into(),
        name_prefix: "received-".into(),
        legend: page.t("request-received"),
        hint: Some(page.t("request-received-hint")),
        error,
        error_prefix: page.t("error-prefix"),
        labels: [
            page.t("date-day"),
            page.t("date-month"),
            page.t("date-year"),
        ],
        values,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let today = crate::db::now().date();
    let received = received_input(
        &page,
        [
            today.day().to_string(),
            u8::from(today.month()).to_string(),
            today.year().to_string(),
        ],
        None,
    );
    render(NewPage {
        kinds: kind_choices(&page, ""),
        channels: channel_choices(&page, None),
        base: subject.base.clone(),
        person_name: subject.person.display_name.clone(),
        received,
        notes: String::new(),
        page,
    })
}

/// A receipt date: a real date, not in the future.
fn parse_received(
    day: &str,
    month: &str,
    year: &str,
    now: OffsetDateTime,
) -> Option<OffsetDateTime> {
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let date = Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()?;
    let at = date.with_time(Time::from_hms(12, 0, 0).ok()?).assume_utc();
    (date <= now.date()).then_some(at)
}

/// The day, month and year the request was received, as typed.
fn received_values(form: &[(String, String)]) -> [String; 3] {
    [
        one_of(form, "received-day"),
        one_of(form, "received-month"),
        one_of(form, "received-year"),
    ]
}

/// A request staff record, checked.
#[derive(Debug, PartialEq, Eq)]
pub struct RequestAnswers {
    pub kind: RequestKind,
    pub channel: Channel,
    pub received_at: OffsetDateTime,
    pub notes: String,
}

/// Checks the new request form: what was asked, how it arrived (never online: those are made by
/// the person), a receipt date not after `now`, and notes of a readable length.
pub fn check(
    form: &[(String, String)],
    now: OffsetDateTime,
) -> Result<RequestAnswers, Vec<Problem>> {
    let kind = RequestKind::parse(&one_of(form, "kind"));
    let channel = Channel::parse(&one_of(form, "channel")).filter(|c| *c != Channel::Online);
    let [day, month, year] = received_values(form);
    let received = parse_received(&day, &month, &year, now);
    let notes = one_of(form, "notes");
    let mut problems = Vec::new();
    if kind.is_none() {
        problems.push(Problem::new("kind", "request-error-kind"));
    }
    if channel.is_none() {
        problems.push(Problem::new("channel", "request-error-channel"));
    }
    if received.is_none() {
        problems.push(Problem::new("received-day", "request-error-received"));
    }
    if notes.chars().count() > 2000 {
        problems.push(Problem::new("notes", "detail-error-too-long"));
    }
    match (kind, channel, received) {
        (Some(kind), Some(channel), Some(received_at)) if problems.is_empty() => {
            Ok(RequestAnswers {
                kind,
                channel,
                received_at,
                notes,
            })
        }
        _ => Err(problems),
    }
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let form = pairs(&body);
    let answers = match check(&form, crate::db::now()) {
        Ok(answers) => answers,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let kind_value = one_of(&form, "kind");
            let received = received_input(
                &page,
                received_values(&form),
                errors.get("received-day").map(str::to_owned),
            );
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                NewPage {
                    kinds: kind_choices(&page, &kind_value),
                    channels: channel_choices(&page, Channel::parse(&one_of(&form, "channel"))),
                    base: subject.base.clone(),
                    person_name: subject.person.display_name.clone(),
                    received,
                    notes: one_of(&form, "notes"),
                    page: page.with_errors(errors),
                },
            );
        }
    };
    let mut tx = state.db.begin().await?;
    insert(
        &mut tx.ex(),
        NewRequest {
            organisation: org_id,
            person: subject.person.id,
            person_label: &subject.person.display_name,
            kind: answers.kind,
            channel: answers.channel,
            received_at: answers.received_at,
            recorded_by: page.ctx.actor(),
            notes: &answers.notes,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/requests"),
        "flash-request-recorded",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::form;
    use time::macros::datetime;

    #[test]
    fn the_deadline_is_one_calendar_month_later() {
        assert_eq!(
            one_month_after(datetime!(2026-11-23 10:00 UTC)),
            datetime!(2026-12-23 10:00 UTC)
        );
        assert_eq!(
            one_month_after(datetime!(2026-12-15 10:00 UTC)),
            datetime!(2027-01-15 10:00 UTC)
        );
        // 31 January: the month after has no 31st, so the last day of February.
        assert_eq!(
            one_month_after(datetime!(2027-01-31 09:00 UTC)),
            datetime!(2027-02-28 09:00 UTC)
        );
    }

    #[test]
    fn receipt_dates_must_be_real_and_not_in_the_future() {
        let now = datetime!(2026-11-23 10:00 UTC);
        assert!(parse_received("1", "11", "2026", now).is_some());
        assert!(parse_received("31", "2", "2026", now).is_none());
        assert!(parse_received("24", "11", "2026", now).is_none());
        assert!(parse_received("x", "11", "2026", now).is_none());
    }

    #[test]
    fn a_request_made_online_is_not_recorded_by_staff() {
        let now = datetime!(2026-11-23 10:00 UTC);
        let request = |channel: &str| {
            form(&[
                ("kind", "erasure"),
                ("channel", channel),
                ("received-day", "20"),
                ("received-month", "11"),
                ("received-year", "2026"),
            ])
        };
        let answers = check(&request("paper"), now).unwrap();
        assert_eq!(answers.channel, Channel::Paper);
        assert_eq!(answers.received_at, datetime!(2026-11-20 12:00 UTC));
        let problems = check(&request("online"), now).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(
            (problems[0].field.as_str(), problems[0].key),
            ("channel", "request-error-channel")
        );
    }
}
