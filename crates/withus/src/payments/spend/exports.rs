//! The spend for the finance system: one row per payment for time and per expense line approved
//! or paid, as CSV and XLSX. People are named only for finance officers; others get each person's
//! reference. Taking a copy is on record.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use time::Date;
use uuid::Uuid;

use super::{SPENT, cost_of, record_export};
use crate::i18n::Locale;
use crate::identity::StaffActor;
use crate::payments::domain::ChoiceKind;
use crate::payments::expenses;
use crate::payments::money::Pence;
use crate::payments::storage;
use crate::payments::views::choice_text;
use crate::state::AppState;
use crate::web::access::{Permission, allowed};
use crate::web::csv::Csv;
use crate::web::{AppError, AppResult, Ids, Page};

/// One row of the export.
pub struct Row {
    pub on: Date,
    pub engagement: String,
    pub kind: String,
    pub how: String,
    pub amount: Pence,
    pub status: String,
    pub run: Option<i32>,
    pub paid_on: Option<Date>,
    pub person: String,
}

/// A person's reference in exports that do not name them: stable, and no use outside.
pub fn person_reference(person: Uuid) -> String {
    let simple = person.simple().to_string().to_uppercase();
    format!("P-{}", &simple[simple.len() - 8..])
}

const COLUMNS: [&str; 9] = [
    "spend-column-date",
    "spend-column-engagement",
    "spend-column-kind",
    "spend-column-how",
    "spend-column-amount",
    "spend-column-status",
    "spend-column-run",
    "spend-column-paid-on",
    "spend-column-person",
];

fn header(locale: Locale) -> Vec<String> {
    COLUMNS.iter().map(|k| locale.t(k)).collect()
}

/// Every row, payments for time first then expenses, each oldest first.
pub async fn rows(
    state: &AppState,
    organisation: Uuid,
    locale: Locale,
    with_names: bool,
) -> Result<Vec<Row>, sqlx::Error> {
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let runs: BTreeMap<Uuid, i32> = storage::runs_of(&mut ex, organisation)
        .await?
        .into_iter()
        .map(|r| (r.id, r.number))
        .collect();
    let titles: BTreeMap<Uuid, String> = crate::engagements::of_organisation(&mut ex, organisation)
        .await?
        .into_iter()
        .map(|e| (e.id, super::pages::title(locale, &e.title_en, &e.title_cy)))
        .collect();
    let mut names: BTreeMap<Uuid, String> = BTreeMap::new();
    let mut person = async |ex: &mut crate::db::Ex<'_>, id: Uuid| -> Result<String, sqlx::Error> {
        if !with_names {
            return Ok(person_reference(id));
        }
        if let Some(name) = names.get(&id) {
            return Ok(name.clone());
        }
        let name = crate::register::find_person(ex, id)
            .await?
            .map(|p| p.display_name)
            .unwrap_or_default();
        names.insert(id, name.clone());
        Ok(name)
    };
    let title = |e: Option<Uuid>| e.and_then(|e| titles.get(&e).cloned()).unwrap_or_default();
    let mut out = Vec::new();
    for row in storage::of_organisation(&mut ex, organisation, &SPENT).await? {
        out.push(Row {
            on: row.earned_on,
            engagement: title(row.engagement_id),
            kind: locale.t("spend-kind-time"),
            how: crate::payments::commands::choice_of(&row)
                .map(|c| choice_text(locale, &c))
                .unwrap_or_default(),
            amount: cost_of(&row),
            status: locale.t(&row.status.message_key()),
            run: row.run_id.and_then(|r| runs.get(&r).copied()),
            paid_on: row.paid_on,
            person: person(&mut ex, row.person_id).await?,
        });
    }
    for line in expenses::spent_lines(&mut ex, organisation).await? {
        out.push(Row {
            on: line.incurred_on,
            engagement: title(Some(line.engagement_id)),
            kind: format!(
                "{}: {}",
                locale.t("spend-kind-expense"),
                locale.t(&line.kind.message_key())
            ),
            how: locale.t(&ChoiceKind::BankTransfer.message_key()),
            amount: line.amount.pence(),
            status: locale.t(&line.state.message_key()),
            run: line.run_id.and_then(|r| runs.get(&r).copied()),
            paid_on: line.paid_on,
            person: person(&mut ex, line.person_id).await?,
        });
    }
    Ok(out)
}

/// A cell a spreadsheet would read as a formula gets a leading apostrophe, as in CSV downloads.
fn neutralised(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

fn text_cells(row: &Row) -> [String; 9] {
    [
        row.on.to_string(),
        row.engagement.clone(),
        row.kind.clone(),
        row.how.clone(),
        row.amount.plain(),
        row.status.clone(),
        row.run.map(|r| r.to_string()).unwrap_or_default(),
        row.paid_on.map(|d| d.to_string()).unwrap_or_default(),
        row.person.clone(),
    ]
}

/// The CSV, every cell through [`crate::web::csv::cell`].
pub fn csv_of(locale: Locale, rows: &[Row]) -> Csv {
    let mut csv = Csv::new();
    csv.line(header(locale));
    for row in rows {
        csv.line(text_cells(row));
    }
    csv
}

/// The XLSX: amounts and run numbers as numbers, the rest as text.
pub fn xlsx_of(locale: Locale, rows: &[Row]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let money = rust_xlsxwriter::Format::new().set_num_format("0.00");
    let sheet = book.add_worksheet();
    for (c, name) in header(locale).iter().enumerate() {
        sheet.write_string(0, c as u16, neutralised(name))?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, value) in text_cells(row).iter().enumerate() {
            let c = c as u16;
            match c {
                // Whole pence as pounds: exact for any amount a spreadsheet holds.
                4 => {
                    sheet.write_number_with_format(
                        r,
                        c,
                        row.amount.get() as f64 / 100.0,
                        &money,
                    )?;
                }
                6 if row.run.is_some() => {
                    sheet.write_number(r, c, f64::from(row.run.unwrap_or_default()))?;
                }
                _ => {
                    sheet.write_string(r, c, neutralised(value))?;
                }
            }
        }
    }
    book.save_to_buffer()
}

async fn export(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    format: &str,
) -> Result<Vec<Row>, AppError> {
    let with_names = allowed(page, org_id, Permission::ManagePayments);
    let rows = rows(state, org_id, page.locale(), with_names).await?;
    let mut tx = state.db.begin().await?;
    record_export(
        &mut tx.ex(),
        StaffActor {
            account: page.ctx.actor(),
            organisation: org_id,
        },
        format,
        with_names,
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}

fn file_name(extension: &str) -> String {
    format!("spend-{}.{extension}", crate::db::now().date())
}

pub async fn csv(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let rows = export(&state, &page, org_id, "csv").await?;
    Ok(csv_of(page.locale(), &rows).into_response(&file_name("csv")))
}

pub async fn xlsx(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let rows = export(&state, &page, org_id, "xlsx").await?;
    let bytes = xlsx_of(page.locale(), &rows).map_err(|e| AppError::Unexpected(e.into()))?;
    let response: Response = (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file_name("xlsx")),
            ),
        ],
        bytes,
    )
        .into_response();
    Ok(response)
}
