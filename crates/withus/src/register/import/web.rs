//! The import pages: upload, choose columns, check, confirm; and the list of recent imports.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use uuid::Uuid;

use super::apply::{self, ApplyError};
use super::commands::{self, ImportStepError, Uploaded};
use super::forms::{ImportFile, check_columns, check_confirm, check_upload, chosen_columns};
use super::mapping::{self, Field, Mapping, column_letter};
use super::parse::Table;
use super::storage::{self as batches, BatchRow, BatchStatus};
use super::validate::{self, ProblemKind, Report};
use super::{MAX_ROWS, UPLOAD_MAX_BYTES};
use crate::i18n::Arg;
use crate::ids::ImportId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::domain::{ContactMethod, Region, Topic};
use crate::register::panels::PanelRow;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::components::Tag;
use crate::web::dates::format_date_time;
use crate::web::forms::{Choice, Problem, pairs};
use crate::web::page::render_status;
use crate::web::respond::{see_other, see_other_with_flash};
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};

/// How many recent imports the start page lists.
const RECENT_IMPORTS: i64 = 20;
/// How many of the people to be added the check page shows.
const PREVIEW_ROWS: usize = 10;
const FILE_NAME_MAX_CHARS: usize = 200;

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/import",
            Organisation(ManageRegister),
            get(start),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/import",
            Organisation(ManageRegister),
            post(upload).layer(DefaultBodyLimit::max(UPLOAD_MAX_BYTES)),
        )
        .accepting_bodies_up_to(UPLOAD_MAX_BYTES),
        route(
            M::GET,
            "/organisations/{org_id}/import/{batch_id}/columns",
            Organisation(ManageRegister),
            get(columns_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/import/{batch_id}/columns",
            Organisation(ManageRegister),
            post(columns_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/import/{batch_id}/check",
            Organisation(ManageRegister),
            get(check),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/import/{batch_id}/confirm",
            Organisation(ManageRegister),
            post(confirm),
        ),
    ]
}

fn base(org_id: Uuid) -> String {
    format!("/organisations/{org_id}/import")
}

// --- Step 1: upload -------------------------------------------------------------------------------

pub struct RecentLine {
    pub href: Option<String>,
    pub file_name: String,
    pub panel_name: String,
    pub when: String,
    pub by: String,
    pub status: Tag,
    pub count: String,
}

#[derive(Template)]
#[template(path = "register/import/templates/import_start.html")]
struct StartPage {
    page: Page,
    organisation: OrganisationRow,
    panels: Vec<Choice>,
    recent: Vec<RecentLine>,
    file_hint: String,
}

async fn panels_of(state: &AppState, org_id: Uuid) -> Result<Vec<PanelRow>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(crate::register::panels::panels_of(&mut conn.ex(), org_id).await?)
}

async fn recent_lines(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
) -> Result<Vec<RecentLine>, AppError> {
    let rows = {
        let mut conn = state.db.acquire().await?;
        batches::recent(&mut conn.ex(), org_id, RECENT_IMPORTS).await?
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = row.status();
            let href = match status {
                BatchStatus::Imported | BatchStatus::Expired | BatchStatus::Importing => None,
                BatchStatus::Uploaded => Some(format!("{}/{}/columns", base(org_id), row.id)),
                BatchStatus::Mapped => Some(format!("{}/{}/check", base(org_id), row.id)),
            };
            RecentLine {
                href,
                file_name: row.file_name.clone(),
                panel_name: row.panel_name.clone(),
                when: format_date_time(row.created_at, page.locale()),
                by: row.created_by_name.clone().unwrap_or_default(),
                status: Tag {
                    text: page.t(status.label_key()),
                    colour: Some(status.tag_colour()),
                },
                count: if status == BatchStatus::Imported {
                    row.imported_count.to_string()
                } else {
                    String::new()
                },
            }
        })
        .collect())
}

async fn start_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    chosen_panel: Option<Uuid>,
) -> Result<StartPage, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    let panels = panels_of(state, org_id).await?;
    let only = panels.len() == 1;
    let panels = panels
        .into_iter()
        .map(|p| Choice::new(p.id.to_string(), p.name, only || chosen_panel == Some(p.id)))
        .collect();
    let recent = recent_lines(state, &page, org_id).await?;
    Ok(StartPage {
        file_hint: page.t_args(
            "import-field-file-hint",
            &[("max", format_count(MAX_ROWS).into())],
        ),
        page,
        organisation,
        panels,
        recent,
    })
}

pub async fn start(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    render(start_page(&state, page, org_id, None).await?)
}

/// "20000" → "20,000".
fn format_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Default)]
struct Upload {
    panel: String,
    file_name: String,
    bytes: Vec<u8>,
    has_file: bool,
}

/// The form's fields; a form that is not a file upload, or breaks off, reads as nothing chosen.
async fn read_upload(multipart: Result<Multipart, MultipartRejection>) -> Upload {
    let mut upload = Upload::default();
    let Ok(mut multipart) = multipart else {
        return upload;
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("panel") => upload.panel = field.text().await.unwrap_or_default(),
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_owned();
                if let Ok(bytes) = field.bytes().await {
                    upload.has_file = !name.trim().is_empty();
                    upload.file_name = clean_file_name(&name);
                    upload.bytes = bytes.to_vec();
                }
            }
            _ => {}
        }
    }
    upload
}

/// The file's own name, without any folder a browser sent, and not too long.
fn clean_file_name(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    name.chars()
        .filter(|c| !c.is_control())
        .take(FILE_NAME_MAX_CHARS)
        .collect()
}

pub async fn upload(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult {
    let upload = read_upload(multipart).await;
    let panels = panels_of(&state, org_id).await?;
    let file = upload
        .has_file
        .then_some((upload.file_name.as_str(), upload.bytes.as_slice()));
    let ImportFile {
        panel,
        format,
        table,
    } = match check_upload(&upload.panel, file, &panels) {
        Ok(checked) => checked,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let panel = Uuid::parse_str(upload.panel.trim())
                .ok()
                .filter(|id| panels.iter().any(|p| p.id == *id));
            let form = start_page(&state, page.with_errors(errors), org_id, panel).await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, form);
        }
    };
    let mut tx = state.db.begin().await?;
    let id = commands::keep_upload(
        &mut tx.ex(),
        &state.keys,
        page.ctx.actor(),
        org_id,
        &Uploaded {
            panel,
            file_name: &upload.file_name,
            format,
            table: &table,
        },
    )
    .await
    .map_err(step_failed)?;
    tx.commit().await?;
    Ok(see_other(&format!("{}/{id}/columns", base(org_id))))
}

// --- Loading a batch ------------------------------------------------------------------------------

/// A batch of the organisation in the path, still waiting, with its rows opened. Any other batch is
/// not found; one already imported sends the person back to the list.
enum Loaded {
    Waiting {
        batch: BatchRow,
        table: Table,
        mapping: Option<Mapping>,
        panel_name: String,
    },
    Done(Response),
}

async fn load_batch(state: &AppState, org_id: Uuid, id: &ImportId) -> Result<Loaded, AppError> {
    let id = id.0;
    let mut conn = state.db.acquire().await?;
    let batch = batches::find(&mut conn.ex(), id)
        .await?
        .filter(|b| b.organisation_id == org_id)
        .ok_or(AppError::NotFound)?;
    let gone = match batch.status() {
        BatchStatus::Imported => Some("import-flash-already-imported"),
        BatchStatus::Importing => Some("notice-import-in-progress"),
        BatchStatus::Expired => Some("import-flash-expired"),
        BatchStatus::Uploaded | BatchStatus::Mapped => None,
    };
    if let Some(flash) = gone {
        return Ok(Loaded::Done(see_other_with_flash(
            state,
            &base(org_id),
            flash,
        )));
    }
    let panel_name = crate::register::panels::find_panel(&mut conn.ex(), batch.panel_id)
        .await?
        .map(|p| p.name)
        .ok_or(AppError::NotFound)?;
    let table = batches::open_table(&state.keys, &batch)?;
    let mapping = if batch.status() == BatchStatus::Mapped {
        Mapping::from_json(&batch.mapping)
    } else {
        None
    };
    Ok(Loaded::Waiting {
        batch,
        table,
        mapping,
        panel_name,
    })
}

// --- Step 2: columns ------------------------------------------------------------------------------

pub struct ColumnSelect {
    pub id: &'static str,
    pub label: String,
    pub hint: String,
    pub items: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "register/import/templates/import_columns.html")]
struct ColumnsPage {
    page: Page,
    organisation: OrganisationRow,
    batch_id: Uuid,
    file_name: String,
    intro: String,
    selects: Vec<ColumnSelect>,
}

/// "Full name (column A)", or "Column A" for a column without a heading.
fn column_label(page: &Page, headers: &[String], column: usize) -> String {
    let letter = column_letter(column);
    match headers.get(column).filter(|h| !h.is_empty()) {
        Some(heading) => page.t_args(
            "import-column-option",
            &[
                ("heading", heading.as_str().into()),
                ("letter", letter.into()),
            ],
        ),
        None => page.t_args(
            "import-column-option-no-heading",
            &[("letter", letter.into())],
        ),
    }
}

fn column_selects(page: &Page, headers: &[String], chosen: &Mapping) -> Vec<ColumnSelect> {
    Field::ALL
        .iter()
        .map(|field| {
            let selected = chosen.column(*field);
            let mut items = vec![Choice::new(
                "",
                page.t(if field.required() {
                    "import-column-choose"
                } else {
                    "import-column-none"
                }),
                selected.is_none(),
            )];
            items.extend((0..headers.len()).map(|column| {
                Choice::new(
                    column.to_string(),
                    column_label(page, headers, column),
                    selected == Some(column),
                )
            }));
            ColumnSelect {
                id: field.id(),
                label: page.t(field.label_key()),
                hint: page.t(field.hint_key()),
                items,
            }
        })
        .collect()
}

async fn columns_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    batch: &BatchRow,
    table: &Table,
    panel_name: String,
    chosen: &Mapping,
) -> Result<ColumnsPage, AppError> {
    Ok(ColumnsPage {
        selects: column_selects(&page, &table.headers, chosen),
        intro: page.t_args(
            "import-columns-intro",
            &[
                ("count", Arg::Number(table.rows.len() as i64)),
                ("panel", panel_name.into()),
            ],
        ),
        organisation: load_organisation(state, org_id).await?,
        page,
        batch_id: batch.id,
        file_name: batch.file_name.clone(),
    })
}

pub async fn columns_form(
    State(state): State<AppState>,
    Ids((org_id, batch_id)): Ids<(Uuid, ImportId)>,
    page: Page,
) -> AppResult {
    let (batch, table, mapping, panel_name) = match load_batch(&state, org_id, &batch_id).await? {
        Loaded::Done(response) => return Ok(response),
        Loaded::Waiting {
            batch,
            table,
            mapping,
            panel_name,
        } => (batch, table, mapping, panel_name),
    };
    let chosen = mapping.unwrap_or_else(|| mapping::guess(&table.headers));
    render(columns_page(&state, page, org_id, &batch, &table, panel_name, &chosen).await?)
}

pub async fn columns_submit(
    State(state): State<AppState>,
    Ids((org_id, batch_id)): Ids<(Uuid, ImportId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (batch, table, panel_name) = match load_batch(&state, org_id, &batch_id).await? {
        Loaded::Done(response) => return Ok(response),
        Loaded::Waiting {
            batch,
            table,
            panel_name,
            ..
        } => (batch, table, panel_name),
    };
    let form = pairs(&body);
    let columns = table.headers.len();
    let chosen = match check_columns(&form, columns, page.locale()) {
        Ok(chosen) => chosen,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let chosen = chosen_columns(&form, columns);
            let form = columns_page(
                &state,
                page.with_errors(errors),
                org_id,
                &batch,
                &table,
                panel_name,
                &chosen,
            )
            .await?;
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, form);
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::choose_columns(&mut tx.ex(), page.ctx.actor(), org_id, batch.id, &chosen).await
    {
        Ok(()) => tx.commit().await?,
        Err(ImportStepError::NoLongerWaiting) => {
            return Ok(see_other_with_flash(
                &state,
                &base(org_id),
                "import-flash-already-imported",
            ));
        }
        Err(ImportStepError::Database(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!("{}/{}/check", base(org_id), batch.id)))
}

fn step_failed(error: ImportStepError) -> AppError {
    match error {
        ImportStepError::NoLongerWaiting => AppError::NotFound,
        ImportStepError::Database(e) => e.into(),
    }
}

// --- Step 3: check --------------------------------------------------------------------------------

pub struct ProblemLine {
    pub row: usize,
    pub column: String,
    pub message: String,
}

pub struct PreviewLine {
    pub row: usize,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub method: String,
    pub region: String,
}

#[derive(Template)]
#[template(path = "register/import/templates/import_check.html")]
struct CheckPage {
    page: Page,
    organisation: OrganisationRow,
    batch_id: Uuid,
    file_name: String,
    panel_name: String,
    total_rows: usize,
    to_add: usize,
    problem_rows: usize,
    existing: usize,
    existing_rows: String,
    kinds: Vec<(String, usize)>,
    problems: Vec<ProblemLine>,
    preview: Vec<PreviewLine>,
    preview_caption: String,
    confirm_label: String,
    add_button: String,
}

/// The values a cell may hold, for messages about unknown ones.
struct Accepted {
    regions: String,
    topics: String,
    methods: String,
}

impl Accepted {
    fn new(page: &Page) -> Accepted {
        let list = |keys: Vec<String>| {
            keys.iter()
                .map(|k| page.t(k))
                .collect::<Vec<_>>()
                .join(", ")
        };
        Accepted {
            regions: list(Region::ALL.iter().map(|r| r.message_key()).collect()),
            topics: list(Topic::ALL.iter().map(|t| t.message_key()).collect()),
            methods: list(ContactMethod::ALL.iter().map(|m| m.message_key()).collect()),
        }
    }

    fn for_kind(&self, kind: ProblemKind) -> &str {
        match kind {
            ProblemKind::Region => &self.regions,
            ProblemKind::Topic => &self.topics,
            ProblemKind::ContactMethod => &self.methods,
            _ => "",
        }
    }
}

fn problem_line(
    page: &Page,
    accepted: &Accepted,
    headers: &[String],
    mapping: &Mapping,
    problem: &validate::Problem,
) -> ProblemLine {
    let column = mapping
        .column(problem.field)
        .and_then(|c| headers.get(c).filter(|h| !h.is_empty()).cloned())
        .unwrap_or_else(|| page.t(problem.field.label_key()));
    let message = page.t_args(
        problem.kind.message_key(),
        &[
            ("value", problem.value.as_str().into()),
            ("accepted", accepted.for_kind(problem.kind).into()),
            ("number", Arg::Number(problem.number as i64)),
        ],
    );
    ProblemLine {
        row: problem.row,
        column,
        message,
    }
}

async fn check_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    batch: &BatchRow,
    (table, mapping): (&Table, &Mapping),
    panel_name: String,
    report: &Report,
) -> Result<CheckPage, AppError> {
    let accepted = Accepted::new(&page);
    let problems = report
        .problems
        .iter()
        .map(|p| problem_line(&page, &accepted, &table.headers, mapping, p))
        .collect();
    let kinds = report
        .counts_by_kind()
        .into_iter()
        .map(|(kind, n)| (page.t(kind.label_key()), n))
        .collect();
    let preview = report
        .to_add
        .iter()
        .take(PREVIEW_ROWS)
        .map(|c| PreviewLine {
            row: c.row,
            name: c.name.clone(),
            email: c.email.clone().unwrap_or_default(),
            phone: c.phone.clone().unwrap_or_default(),
            method: page.t(&c.contact_method.message_key()),
            region: c
                .region
                .map(|r| page.t(&r.message_key()))
                .unwrap_or_default(),
        })
        .collect::<Vec<_>>();
    let existing_rows = report
        .existing
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(CheckPage {
        preview_caption: page.t_args(
            "import-preview-caption",
            &[
                ("shown", Arg::Number(preview.len() as i64)),
                ("count", Arg::Number(report.to_add.len() as i64)),
            ],
        ),
        confirm_label: page.t_args(
            "import-confirm-label",
            &[("panel", panel_name.as_str().into())],
        ),
        add_button: page.t_args(
            "import-confirm-button",
            &[("count", Arg::Number(report.to_add.len() as i64))],
        ),
        organisation: load_organisation(state, org_id).await?,
        page,
        batch_id: batch.id,
        file_name: batch.file_name.clone(),
        panel_name,
        total_rows: report.total_rows,
        to_add: report.to_add.len(),
        problem_rows: report.problem_rows,
        existing: report.existing.len(),
        existing_rows,
        kinds,
        problems,
        preview,
    })
}

async fn fresh_report(
    state: &AppState,
    table: &Table,
    mapping: &Mapping,
) -> Result<Report, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(validate::check(&mut conn.ex(), table, mapping).await?)
}

pub async fn check(
    State(state): State<AppState>,
    Ids((org_id, batch_id)): Ids<(Uuid, ImportId)>,
    page: Page,
) -> AppResult {
    let (batch, table, mapping, panel_name) = match load_batch(&state, org_id, &batch_id).await? {
        Loaded::Done(response) => return Ok(response),
        Loaded::Waiting {
            batch,
            table,
            mapping: Some(mapping),
            panel_name,
        } => (batch, table, mapping, panel_name),
        Loaded::Waiting { batch, .. } => {
            return Ok(see_other(&format!("{}/{}/columns", base(org_id), batch.id)));
        }
    };
    let report = fresh_report(&state, &table, &mapping).await?;
    let page = check_page(
        &state,
        page,
        org_id,
        &batch,
        (&table, &mapping),
        panel_name,
        &report,
    )
    .await?;
    render(page)
}

// --- Step 4: confirm ------------------------------------------------------------------------------

pub async fn confirm(
    State(state): State<AppState>,
    Ids((org_id, batch_id)): Ids<(Uuid, ImportId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let (batch, table, mapping, panel_name) = match load_batch(&state, org_id, &batch_id).await? {
        Loaded::Done(response) => return Ok(response),
        Loaded::Waiting {
            batch,
            table,
            mapping: Some(mapping),
            panel_name,
        } => (batch, table, mapping, panel_name),
        Loaded::Waiting { batch, .. } => {
            return Ok(see_other(&format!("{}/{}/columns", base(org_id), batch.id)));
        }
    };
    let expected = match check_confirm(&pairs(&body)) {
        Ok(expected) => expected,
        Err(problems) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return confirm_again(
                &state,
                page,
                org_id,
                &batch,
                (&table, &mapping),
                panel_name,
                (status, &problems),
            )
            .await;
        }
    };
    let outcome = apply::import(
        &state.db,
        &state.keys,
        &batch,
        (&table, &mapping),
        expected,
        page.ctx.actor(),
    )
    .await;
    let (status, key) = match outcome {
        Ok(_) => {
            return Ok(see_other_with_flash(
                &state,
                &base(org_id),
                "import-flash-completed",
            ));
        }
        Err(ApplyError::AlreadyImported) => {
            return Ok(see_other_with_flash(
                &state,
                &base(org_id),
                "import-flash-already-imported",
            ));
        }
        Err(ApplyError::Changed { .. }) => {
            (StatusCode::UNPROCESSABLE_ENTITY, "import-error-changed")
        }
        Err(
            error @ (ApplyError::Database(_)
            | ApplyError::Unreadable(_)
            | ApplyError::Membership(_)),
        ) => {
            let mut conn = state.db.acquire().await?;
            let now = batches::find(&mut conn.ex(), batch.id).await?;
            if now.is_some_and(|b| b.status() == BatchStatus::Importing) {
                // Some chunks are in: the rest are added when the import carries on.
                tracing::error!(%error, batch = %batch.id, "an import stopped part-way; it will carry on");
                return Ok(see_other_with_flash(
                    &state,
                    &base(org_id),
                    "notice-import-interrupted",
                ));
            }
            tracing::error!(%error, batch = %batch.id, "an import failed; nothing was added");
            (StatusCode::INTERNAL_SERVER_ERROR, "import-error-failed")
        }
    };
    let problems = [Problem::new("confirm", key)];
    confirm_again(
        &state,
        page,
        org_id,
        &batch,
        (&table, &mapping),
        panel_name,
        (status, &problems),
    )
    .await
}

/// The check page again, with what stopped the import.
async fn confirm_again(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    batch: &BatchRow,
    (table, mapping): (&Table, &Mapping),
    panel_name: String,
    (status, problems): (StatusCode, &[Problem]),
) -> AppResult {
    let errors = FormErrors::from_problems(page.locale(), problems);
    let report = fresh_report(state, table, mapping).await?;
    let form = check_page(
        state,
        page.with_errors(errors),
        org_id,
        batch,
        (table, mapping),
        panel_name,
        &report,
    )
    .await?;
    render_status(status, form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_folders_and_counts_get_commas() {
        assert_eq!(clean_file_name("C:\\Users\\jo\\people.csv"), "people.csv");
        assert_eq!(clean_file_name("../../people.xlsx"), "people.xlsx");
        assert_eq!(format_count(20_000), "20,000");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1_234_567), "1,234,567");
    }
}
