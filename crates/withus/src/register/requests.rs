//! Subject access, erasure and correction requests, however they arrive (online, by post, by phone),
//! each tracked against the one-month deadline, and erasure carried out when staff complete it.

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use time::{Date, Month, OffsetDateTime, Time};
use uuid::Uuid;

pub use super::domain::RequestKind;
use super::domain::{Channel, RequestStatus};
use super::editors::channel_choices;
use super::storage;
use super::subject::{self, Subject};
use crate::audit::{self, Entry};
use crate::db::Ex;
use crate::i18n::Locale;
use crate::ids::DataRequestId;
use crate::on;
use crate::organisations::pages::load as load_organisation;
use crate::organisations::storage::OrganisationRow;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::components::DateInput;
use crate::web::dates;
use crate::web::forms::{Choice, one_of, pairs};
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

#[derive(Debug, Clone, sqlx::FromRow)]
struct RequestRow {
    id: Uuid,
    person_id: Option<Uuid>,
    person_label: String,
    kind: String,
    channel: String,
    received_at: OffsetDateTime,
    due_at: OffsetDateTime,
    status: String,
    completed_at: Option<OffsetDateTime>,
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

fn to_line(row: RequestRow, locale: Locale, now: OffsetDateTime) -> RequestLine {
    let open = RequestStatus::parse(&row.status) == Some(RequestStatus::Open);
    let kind = RequestKind::parse(&row.kind);
    RequestLine {
        id: row.id,
        person_id: row.person_id,
        person: row.person_label,
        kind: kind.map(|k| locale.t(&k.message_key())).unwrap_or(row.kind),
        is_erasure: kind == Some(RequestKind::Erasure),
        channel: Channel::parse(&row.channel)
            .map(|c| locale.t(&c.message_key()))
            .unwrap_or(row.channel),
        received: dates::format_date(row.received_at, locale),
        due: dates::format_date(row.due_at, locale),
        open,
        overdue: open && row.due_at < now,
        completed: row.completed_at.map(|at| dates::format_date(at, locale)),
    }
}

const REQUEST_COLUMNS: &str =
    "id, person_id, person_label, kind, channel, received_at, due_at, status, completed_at";

pub struct NewRequest<'a> {
    pub organisation: Uuid,
    pub person: Uuid,
    pub person_label: &'a str,
    pub kind: RequestKind,
    pub channel: Channel,
    pub received_at: OffsetDateTime,
    pub recorded_by: Option<Uuid>,
    pub notes: &'a str,
}

/// Records a request and its audit entry; the deadline is computed from the date received.
pub async fn insert(ex: &mut Ex<'_>, request: NewRequest<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO data_requests (id, organisation_id, person_id, person_label, kind, channel, received_at, due_at, status, notes, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(request.organisation)
    .bind(request.person)
    .bind(request.person_label)
    .bind(request.kind.as_str())
    .bind(request.channel.as_str())
    .bind(request.received_at)
    .bind(one_month_after(request.received_at))
    .bind(RequestStatus::Open.as_str())
    .bind(request.notes)
    .bind(request.recorded_by)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    audit::record(
        ex,
        Entry::new("data_request.recorded", "data_request", id)
            .by(request.recorded_by)
            .in_organisation(request.organisation)
            .with(serde_json::json!({
                "person": request.person,
                "kind": request.kind.as_str(),
                "channel": request.channel.as_str(),
            })),
    )
    .await?;
    Ok(id)
}

/// A person's own request goes to every organisation that hosts a panel they are on.
pub async fn record_for_all_hosts(
    state: &AppState,
    subject: &Subject,
    kind: RequestKind,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let mut organisations: Vec<Uuid> = storage::memberships_of(&mut tx.ex(), subject.person.id)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    organisations.sort();
    organisations.dedup();
    let now = crate::db::now();
    for organisation in organisations {
        insert(
            &mut tx.ex(),
            NewRequest {
                organisation,
                person: subject.person.id,
                person_label: &subject.person.display_name,
                kind,
                channel: Channel::Online,
                received_at: now,
                recorded_by: subject.actor.account,
                notes: "",
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn open_for_person(
    state: &AppState,
    person: Uuid,
    locale: Locale,
) -> Result<Vec<RequestLine>, AppError> {
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE person_id = $1 AND status = $2 ORDER BY received_at"
    );
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let rows: Vec<RequestRow> = on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(person)
        .bind(RequestStatus::Open.as_str())
        .fetch_all(c)
        .await)?;
    let now = crate::db::now();
    Ok(rows.into_iter().map(|r| to_line(r, locale, now)).collect())
}

#[derive(Template)]
#[template(path = "register/templates/requests.html")]
struct ListPage {
    page: Page,
    organisation: OrganisationRow,
    open: Vec<RequestLine>,
    done: Vec<RequestLine>,
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE organisation_id = $1 ORDER BY status DESC, due_at"
    );
    let rows: Vec<RequestRow> = {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(org_id).fetch_all(c).await)?
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
    Ids((org_id, request_id)): Ids<(Uuid, DataRequestId)>,
    page: Page,
) -> AppResult {
    let request_id = request_id.0;
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM data_requests WHERE id = $1 AND organisation_id = $2"
    );
    let mut tx = state.db.begin().await?;
    let row: RequestRow = {
        let mut ex = tx.ex();
        on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(request_id).bind(org_id).fetch_optional(c).await)?
    }
    .ok_or(AppError::NotFound)?;
    if RequestStatus::parse(&row.status) != Some(RequestStatus::Open) {
        return Ok(see_other_with_flash(
            &state,
            &format!("/organisations/{org_id}/requests"),
            "flash-request-already-done",
        ));
    }
    let kind = RequestKind::parse(&row.kind).ok_or(AppError::NotFound)?;
    if kind == RequestKind::Erasure
        && let Some(person) = row.person_id
    {
        storage::erase_person(&mut tx.ex(), person).await?;
        // Every organisation's copy of the request is answered by the one erasure.
        let mut ex = tx.ex();
        on!(ex.re(), c => sqlx::query("UPDATE data_requests SET person_label = $2 WHERE person_id = $1")
            .bind(person)
            .bind("")
            .execute(c)
            .await.map(|r| r.rows_affected()))?;
    }
    {
        let mut ex = tx.ex();
        on!(ex.re(), c => sqlx::query("UPDATE data_requests SET status = $2, completed_at = $3, completed_by = $4 WHERE id = $1")
            .bind(request_id)
            .bind(RequestStatus::Completed.as_str())
            .bind(crate::db::now())
            .bind(page.ctx.actor())
            .execute(c)
            .await.map(|r| r.rows_affected()))?;
    }
    audit::record(
        &mut tx.ex(),
        Entry::new("data_request.completed", "data_request", request_id)
            .by(page.ctx.actor())
            .in_organisation(org_id)
            .with(serde_json::json!({ "kind": kind.as_str(), "person": row.person_id })),
    )
    .await?;
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
#[template(path = "register/templates/request_new.html")]
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

pub async fn new_submit(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let form = pairs(&body);
    let kind_value = one_of(&form, "kind");
    let channel_value = one_of(&form, "channel");
    let values = [
        one_of(&form, "received-day"),
        one_of(&form, "received-month"),
        one_of(&form, "received-year"),
    ];
    let notes = one_of(&form, "notes");
    let now = crate::db::now();
    let kind = RequestKind::parse(&kind_value);
    let channel = Channel::parse(&channel_value).filter(|c| *c != Channel::Online);
    let received = parse_received(&values[0], &values[1], &values[2], now);
    let mut errors = FormErrors::default();
    if kind.is_none() {
        errors.add("kind", page.t("request-error-kind"));
    }
    if channel.is_none() {
        errors.add("channel", page.t("request-error-channel"));
    }
    if received.is_none() {
        errors.add("received-day", page.t("request-error-received"));
    }
    if notes.chars().count() > 2000 {
        errors.add("notes", page.t("detail-error-too-long"));
    }
    let (Some(kind), Some(channel), Some(received_at)) =
        (kind, channel, received.filter(|_| errors.is_empty()))
    else {
        let error = errors.get("received-day").map(str::to_owned);
        let received = received_input(&page, values, error);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            NewPage {
                kinds: kind_choices(&page, &kind_value),
                channels: channel_choices(&page, Channel::parse(&channel_value)),
                base: subject.base.clone(),
                person_name: subject.person.display_name.clone(),
                received,
                notes,
                page: page.with_errors(errors),
            },
        );
    };
    let mut tx = state.db.begin().await?;
    insert(
        &mut tx.ex(),
        NewRequest {
            organisation: org_id,
            person: subject.person.id,
            person_label: &subject.person.display_name,
            kind,
            channel,
            received_at,
            recorded_by: page.ctx.actor(),
            notes: &notes,
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
}
