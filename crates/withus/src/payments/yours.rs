//! The person's own payment pages, in "Your data": what is due, approved and paid, the choice for
//! each payment while it can still change, their bank details and the benefit limit they told us
//! about, and a statement for a period they can give to DWP or HMRC, as a page and a PDF.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use serde::Deserialize;
use time::{Date, Month};
use uuid::Uuid;

use super::commands::{self, Chooser, PaymentError};
use super::domain::{LimitKindCode, check_bank_details, check_limit, parse_choice};
use super::finance::choice_choices;
use super::money::Pence;
use super::storage::{self, PaymentRow};
use super::views::{Line, limit_text, line};
use crate::engagements::views::{format_day, today};
use crate::i18n::{Arg, Locale};
use crate::notices::letter_pdf::{self, LetterContent, STANDARD_POINTS};
use crate::state::AppState;
use crate::web::errors::InputProblem;
use crate::web::forms::{Choice as FormChoice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

const HOME: &str = "/your-data/payments";

/// The person signed in, from the register; someone not on it has no payments page.
async fn person_of(state: &AppState, page: &Page) -> Result<Uuid, AppError> {
    let account = page.ctx.actor().ok_or(AppError::NotFound)?;
    let mut conn = state.db.acquire().await?;
    crate::register::person_id_of_account(&mut conn.ex(), account)
        .await?
        .ok_or(AppError::NotFound)
}

// --- Your payments --------------------------------------------------------------------------------

pub struct YourLine {
    pub line: Line,
    pub link: String,
    pub paid_on: String,
}

#[derive(Template)]
#[template(path = "payments/templates/yours.html")]
struct YoursPage {
    page: Page,
    due: Vec<YourLine>,
    on_the_way: Vec<YourLine>,
    paid: Vec<YourLine>,
    bank: String,
    limit: String,
    statement: String,
}

pub async fn yours(State(state): State<AppState>, page: Page) -> AppResult {
    let person = person_of(&state, &page).await?;
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let name = crate::register::find_person(&mut ex, person)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let (mut due, mut on_the_way, mut paid) = (Vec::new(), Vec::new(), Vec::new());
    for row in storage::of_person(&mut ex, person).await? {
        let item = YourLine {
            line: line(locale, &row, name.clone()),
            link: format!("{HOME}/{}", row.id),
            paid_on: super::views::day(row.paid_on, locale),
        };
        use super::domain::PaymentStatus::*;
        match row.status {
            Due => due.push(item),
            AwaitingSecond | Approved | InRun | Failed => on_the_way.push(item),
            Paid => paid.push(item),
        }
    }
    let bank = commands::bank_details(&mut ex, &state.keys, person)
        .await?
        .map(|b| format!("{} – {}", b.account_name, b.masked()))
        .unwrap_or_else(|| page.t("payment-bank-none-yours"));
    let limit = commands::declared_limit(&mut ex, &state.keys, person)
        .await?
        .map(|l| limit_text(locale, &l))
        .unwrap_or_else(|| page.t("payment-limit-none-yours"));
    let (from, to) = tax_year_of(today());
    render(YoursPage {
        statement: format!("{HOME}/statement?from={from}&to={to}"),
        page,
        due,
        on_the_way,
        paid,
        bank,
        limit,
    })
}

// --- One payment: the person's choice ---------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/templates/your_payment.html")]
struct YourPaymentPage {
    page: Page,
    line: Line,
    action: String,
    choices: Vec<FormChoice>,
    less: String,
    charity: String,
    open: bool,
}

async fn own(state: &AppState, person: Uuid, id: Uuid) -> Result<PaymentRow, AppError> {
    let mut conn = state.db.acquire().await?;
    storage::find(&mut conn.ex(), id)
        .await?
        .filter(|r| r.person_id == person)
        .ok_or(AppError::NotFound)
}

fn your_payment_page(
    page: Page,
    row: &PaymentRow,
    name: String,
    form: Option<(String, String, String)>,
) -> Result<YourPaymentPage, AppError> {
    let locale = page.locale();
    let choice = commands::choice_of(row)?;
    let (kind, less, charity) = form.unwrap_or_else(|| {
        (
            choice.kind().as_str().to_owned(),
            choice
                .less_pence()
                .map(|p| Pence::new(p).unwrap_or(Pence::ZERO).plain())
                .unwrap_or_default(),
            choice.charity_name().to_owned(),
        )
    });
    Ok(YourPaymentPage {
        line: line(locale, row, name),
        action: format!("{HOME}/{}", row.id),
        choices: choice_choices(locale, &kind),
        less,
        charity,
        open: row.status.choice_open(),
        page,
    })
}

pub async fn payment(State(state): State<AppState>, Ids(id): Ids<Uuid>, page: Page) -> AppResult {
    let person = person_of(&state, &page).await?;
    let row = own(&state, person, id).await?;
    render(your_payment_page(page, &row, String::new(), None)?)
}

pub async fn choose(
    State(state): State<AppState>,
    Ids(id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let person = person_of(&state, &page).await?;
    let row = own(&state, person, id).await?;
    let form = pairs(&body);
    let (kind, less, charity) = (
        one_of(&form, "choice"),
        one_of(&form, "less"),
        one_of(&form, "charity"),
    );
    let choice = match parse_choice(&kind, &less, &charity, commands::offered_of(&row)?) {
        Ok(choice) => choice,
        Err(e) => {
            let page = page.with_problems(&[Problem::new(e.field(), e.message_key())]);
            return render_invalid(your_payment_page(
                page,
                &row,
                String::new(),
                Some((kind, less, charity)),
            )?);
        }
    };
    let mut tx = state.db.begin().await?;
    let chooser = Chooser::Person {
        person,
        account: page.ctx.actor(),
    };
    match commands::choose(&mut tx.ex(), chooser, id, &choice).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(&state, HOME, "payment-flash-choice"))
        }
        Err(PaymentError::NotDue) => {
            drop(tx);
            let page = page.with_problems(&[Problem::new("choice", "payment-error-not-due")]);
            render_invalid(your_payment_page(
                page,
                &row,
                String::new(),
                Some((kind, less, charity)),
            )?)
        }
        Err(other) => Err(other.into()),
    }
}

// --- Bank details ---------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/templates/bank_details.html")]
struct BankPage {
    page: Page,
    account_name: String,
    sort_code: String,
    account_number: String,
    current: String,
}

pub async fn bank_form(State(state): State<AppState>, page: Page) -> AppResult {
    let person = person_of(&state, &page).await?;
    let mut conn = state.db.acquire().await?;
    let current = commands::bank_details(&mut conn.ex(), &state.keys, person).await?;
    render(BankPage {
        account_name: current
            .as_ref()
            .map(|b| b.account_name.clone())
            .unwrap_or_default(),
        current: current.map(|b| b.masked()).unwrap_or_default(),
        sort_code: String::new(),
        account_number: String::new(),
        page,
    })
}

pub async fn bank_submit(
    State(state): State<AppState>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let person = person_of(&state, &page).await?;
    let form = pairs(&body);
    let (name, sort, account) = (
        one_of(&form, "account_name"),
        one_of(&form, "sort_code"),
        one_of(&form, "account_number"),
    );
    let details = match check_bank_details(&name, &sort, &account) {
        Ok(d) => d,
        Err(problems) => {
            let problems: Vec<Problem> = problems
                .iter()
                .map(|p| Problem::new(p.field(), p.message_key()))
                .collect();
            return render_invalid(BankPage {
                page: page.with_problems(&problems),
                account_name: name,
                sort_code: sort,
                account_number: String::new(),
                current: String::new(),
            });
        }
    };
    let mut tx = state.db.begin().await?;
    commands::set_bank_details(
        &mut tx.ex(),
        &state.keys,
        person,
        page.ctx.actor(),
        Some(&details),
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        HOME,
        "payment-flash-bank-saved",
    ))
}

// --- The benefit limit ----------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/templates/limit.html")]
struct LimitPage {
    page: Page,
    kinds: Vec<FormChoice>,
    amount: String,
    periods: Vec<FormChoice>,
    week_days: Vec<FormChoice>,
    month_starts: String,
    has_limit: bool,
}

fn limit_page(
    page: Page,
    kind: &str,
    amount: String,
    period: &str,
    week: &str,
    month: String,
    has_limit: bool,
) -> LimitPage {
    let locale = page.locale();
    LimitPage {
        kinds: LimitKindCode::ALL
            .iter()
            .map(|k| {
                FormChoice::new(k.as_str(), locale.t(&k.message_key()), k.as_str() == kind)
                    .with_hint(locale.t(&format!("{}-hint", k.message_key())))
            })
            .collect(),
        periods: ["weekly", "monthly"]
            .iter()
            .map(|p| {
                FormChoice::new(
                    *p,
                    locale.t(&format!("payment-limit-period-{p}")),
                    *p == period,
                )
            })
            .collect(),
        week_days: (1..=7)
            .map(|d: u8| {
                FormChoice::new(
                    d.to_string(),
                    locale.t(&format!("payment-weekday-{d}")),
                    d.to_string() == week,
                )
            })
            .collect(),
        amount,
        month_starts: month,
        has_limit,
        page,
    }
}

pub async fn limit_form(State(state): State<AppState>, page: Page) -> AppResult {
    let person = person_of(&state, &page).await?;
    let mut conn = state.db.acquire().await?;
    let current = commands::declared_limit(&mut conn.ex(), &state.keys, person).await?;
    let template = match current {
        Some(l) => {
            let amount = Pence::new(l.amount_pence).unwrap_or(Pence::ZERO).plain();
            let (week, month) = if l.period == "weekly" {
                (l.starts.to_string(), String::new())
            } else {
                (String::new(), l.starts.to_string())
            };
            limit_page(
                page,
                l.kind.as_str(),
                amount,
                &l.period.clone(),
                &week,
                month,
                true,
            )
        }
        None => limit_page(page, "", String::new(), "", "1", String::new(), false),
    };
    render(template)
}

pub async fn limit_submit(
    State(state): State<AppState>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let person = person_of(&state, &page).await?;
    let form = pairs(&body);
    let mut tx = state.db.begin().await?;
    if one_of(&form, "remove") == "yes" {
        commands::set_declared_limit(&mut tx.ex(), &state.keys, person, page.ctx.actor(), None)
            .await?;
        tx.commit().await?;
        return Ok(see_other_with_flash(
            &state,
            HOME,
            "payment-flash-limit-removed",
        ));
    }
    let (kind, amount, period, week, month) = (
        one_of(&form, "kind"),
        one_of(&form, "amount"),
        one_of(&form, "period"),
        one_of(&form, "week_starts"),
        one_of(&form, "month_starts"),
    );
    match check_limit(&kind, &amount, &period, &week, &month) {
        Ok(limit) => {
            commands::set_declared_limit(
                &mut tx.ex(),
                &state.keys,
                person,
                page.ctx.actor(),
                Some(&limit),
            )
            .await?;
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                HOME,
                "payment-flash-limit-saved",
            ))
        }
        Err(problems) => {
            drop(tx);
            let problems: Vec<Problem> = problems
                .iter()
                .map(|p| Problem::new(p.field(), p.message_key()))
                .collect();
            render_invalid(limit_page(
                page.with_problems(&problems),
                &kind,
                amount,
                &period,
                &week,
                month,
                false,
            ))
        }
    }
}

// --- Statements -----------------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
pub struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// The UK tax year containing `day`: 6 April to 5 April.
pub fn tax_year_of(day: Date) -> (Date, Date) {
    let start_this = Date::from_calendar_date(day.year(), Month::April, 6).unwrap_or(day);
    let start = if day >= start_this {
        start_this
    } else {
        Date::from_calendar_date(day.year() - 1, Month::April, 6).unwrap_or(day)
    };
    let end = Date::from_calendar_date(start.year() + 1, Month::April, 5).unwrap_or(day);
    (start, end)
}

fn period_of(query: &PeriodQuery) -> Result<(Date, Date), AppError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let (default_from, default_to) = tax_year_of(today());
    let read = |text: &Option<String>, default: Date| match text.as_deref().map(str::trim) {
        None | Some("") => Ok(default),
        Some(t) => Date::parse(t, format).map_err(|_| {
            AppError::BadInput(InputProblem::NotRecognised {
                field: "from".into(),
            })
        }),
    };
    let from = read(&query.from, default_from)?;
    let to = read(&query.to, default_to)?;
    if to < from {
        return Err(AppError::BadInput(InputProblem::NotRecognised {
            field: "to".into(),
        }));
    }
    Ok((from, to))
}

pub struct StatementLine {
    pub on: String,
    pub what: String,
    pub from: String,
    pub how: String,
    pub amount: String,
    pub status: String,
    pub paid_on: String,
}

pub struct Statement {
    pub name: String,
    pub from: String,
    pub to: String,
    pub lines: Vec<StatementLine>,
    pub earnings_total: String,
    pub charity_total: String,
    /// Expenses approved or repaid in the period: never earnings, so apart.
    pub expenses: Vec<StatementLine>,
    pub expenses_total: String,
}

async fn statement_of(
    state: &AppState,
    person: Uuid,
    locale: Locale,
    from: Date,
    to: Date,
) -> Result<Statement, AppError> {
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let name = crate::register::find_person(&mut ex, person)
        .await?
        .map(|p| p.display_name)
        .unwrap_or_default();
    let mut lines = Vec::new();
    let mut earnings = Pence::ZERO;
    let mut charity = Pence::ZERO;
    let mut rows = storage::of_person(&mut ex, person).await?;
    rows.reverse();
    for row in rows
        .iter()
        .filter(|r| r.earned_on >= from && r.earned_on <= to && r.status.counts_as_earned())
    {
        let choice = commands::choice_of(row)?;
        let offered = commands::offered_of(row)?;
        let to_person = choice.paid_to_person(offered);
        let to_charity = choice.paid_to_charity(offered);
        earnings = earnings.checked_add(to_person).unwrap_or(earnings);
        charity = charity.checked_add(to_charity).unwrap_or(charity);
        let organisation = crate::organisations::find(&mut ex, row.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        lines.push(StatementLine {
            on: format_day(row.earned_on, locale),
            what: row.description.clone(),
            from: organisation,
            how: super::views::choice_text(locale, &choice),
            amount: to_person.max(to_charity).to_string(),
            status: locale.t(&row.status.message_key()),
            paid_on: super::views::day(row.paid_on, locale),
        });
    }
    let mut expenses = Vec::new();
    let mut expenses_total = Pence::ZERO;
    for line in super::expenses::of_person(&mut ex, &state.keys, person).await? {
        use super::expenses::domain::LineState;
        let counted = matches!(line.state, LineState::Approved | LineState::Paid);
        if !counted || line.incurred_on < from || line.incurred_on > to {
            continue;
        }
        expenses_total = expenses_total
            .checked_add(line.amount.pence())
            .unwrap_or(expenses_total);
        let organisation = crate::organisations::find(&mut ex, line.organisation_id)
            .await?
            .map(|o| o.name)
            .unwrap_or_default();
        expenses.push(StatementLine {
            on: format_day(line.incurred_on, locale),
            what: if line.description.is_empty() {
                locale.t(&line.kind.message_key())
            } else {
                format!(
                    "{}: {}",
                    locale.t(&line.kind.message_key()),
                    line.description
                )
            },
            from: organisation,
            how: locale.t("payment-statement-expense"),
            amount: line.amount.pence().to_string(),
            status: locale.t(&line.state.message_key()),
            paid_on: super::views::day(line.paid_on, locale),
        });
    }
    Ok(Statement {
        name,
        from: format_day(from, locale),
        to: format_day(to, locale),
        lines,
        earnings_total: earnings.to_string(),
        charity_total: charity.to_string(),
        expenses,
        expenses_total: expenses_total.to_string(),
    })
}

#[derive(Template)]
#[template(path = "payments/templates/statement.html")]
struct StatementPage {
    page: Page,
    statement: Statement,
    pdf: String,
    this_year: String,
    last_year: String,
}

pub async fn statement(
    State(state): State<AppState>,
    Query(query): Query<PeriodQuery>,
    page: Page,
) -> AppResult {
    let person = person_of(&state, &page).await?;
    let (from, to) = period_of(&query)?;
    let statement = statement_of(&state, person, page.locale(), from, to).await?;
    render(StatementPage {
        pdf: format!("{HOME}/statement.pdf?from={from}&to={to}"),
        this_year: {
            let (f, t) = tax_year_of(today());
            format!("{HOME}/statement?from={f}&to={t}")
        },
        last_year: {
            let (f, _) = tax_year_of(today());
            let (f, t) = tax_year_of(f.previous_day().unwrap_or(f));
            format!("{HOME}/statement?from={f}&to={t}")
        },
        statement,
        page,
    })
}

pub async fn statement_pdf(
    State(state): State<AppState>,
    Query(query): Query<PeriodQuery>,
    page: Page,
) -> AppResult {
    let person = person_of(&state, &page).await?;
    let (from, to) = period_of(&query)?;
    let locale = page.locale();
    let s = statement_of(&state, person, locale, from, to).await?;
    let mut paragraphs = vec![locale.t_args(
        "payment-statement-intro",
        &[
            ("from", Arg::from(s.from.clone())),
            ("to", Arg::from(s.to.clone())),
        ],
    )];
    if s.lines.is_empty() {
        paragraphs.push(locale.t("payment-statement-none"));
    }
    for l in &s.lines {
        paragraphs.push(format!(
            "{} – {} ({}) – {}: {} – {}{}",
            l.on,
            l.what,
            l.from,
            l.how,
            l.amount,
            l.status,
            if l.paid_on.is_empty() {
                String::new()
            } else {
                format!(" {}", l.paid_on)
            }
        ));
    }
    paragraphs.push(locale.t_args(
        "payment-statement-total",
        &[("amount", Arg::from(s.earnings_total.clone()))],
    ));
    paragraphs.push(locale.t_args(
        "payment-statement-charity-total",
        &[("amount", Arg::from(s.charity_total.clone()))],
    ));
    for l in &s.expenses {
        paragraphs.push(format!(
            "{} – {} ({}) – {}: {} – {}",
            l.on, l.what, l.from, l.how, l.amount, l.status
        ));
    }
    paragraphs.push(locale.t_args(
        "payment-statement-expenses-total",
        &[("amount", Arg::from(s.expenses_total.clone()))],
    ));
    paragraphs.push(locale.t("payment-statement-expenses-note"));
    let pdf = letter_pdf::render(&LetterContent {
        language: locale,
        points: STANDARD_POINTS,
        sender: vec![page.service_name.clone()],
        recipient: vec![s.name.clone()],
        date: format_day(today(), locale),
        title: locale.t_args(
            "payment-statement-title-for",
            &[
                ("from", Arg::from(s.from.clone())),
                ("to", Arg::from(s.to.clone())),
            ],
        ),
        paragraphs,
    })
    .map_err(|e| AppError::Unexpected(anyhow::anyhow!(e.to_string())))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=payments-{from}-to-{to}.pdf"),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        pdf,
    )
        .into_response())
}
