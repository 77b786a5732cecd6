//! `withus select`: the engine from CSV files, in the Sortition Foundation's
//! formats so organisations can switch without retyping.
//!
//! `features.csv`: `feature,value,min,max` (optional `min_flex,max_flex`;
//! the older `category,name,min,max` headers are accepted too).
//! `people.csv`: an id column and one column per feature; other columns are
//! ignored. Rows are numbered as in a spreadsheet: the header is row 1.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::{ProblemBuilder, ProblemError, Quota, SelectError, SelectionProblem, Settings};

/// Flags of `withus select`.
#[derive(Debug, Clone, clap::Args)]
pub struct SelectArgs {
    /// CSV of the pool: an id column and one column per feature.
    #[arg(long, value_name = "FILE")]
    pub people: PathBuf,
    /// CSV of quotas: feature,value,min,max[,min_flex,max_flex].
    #[arg(long, value_name = "FILE")]
    pub features: PathBuf,
    /// Number of people to select.
    #[arg(long, value_name = "K")]
    pub size: u32,
    /// Name of the id column in the people file.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_column: String,
    /// Seed for the draw (e.g. published lottery numbers); random if absent.
    #[arg(long, value_name = "S")]
    pub seed: Option<String>,
    /// Write every person's selection probability here (id,probability).
    #[arg(long, value_name = "OUT.csv")]
    pub probabilities: Option<PathBuf>,
    /// Write the ids of the people drawn here.
    #[arg(long, value_name = "OUT.csv")]
    pub panel: Option<PathBuf>,
}

/// What went wrong, naming the file and, where it applies, row and column.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{file}: cannot read: {message}")]
    Read { file: String, message: String },
    #[error("{file}: cannot write: {message}")]
    Write { file: String, message: String },
    #[error("{file}: missing column \"{column}\"")]
    MissingColumn { file: String, column: String },
    #[error("{file}, row {row}, column \"{column}\": {message}")]
    Cell {
        file: String,
        row: usize,
        column: String,
        message: String,
    },
    #[error("{file}, row {row}: {message}")]
    Row {
        file: String,
        row: usize,
        message: String,
    },
    #[error("{0}")]
    Problem(#[from] ProblemError),
    #[error("{0}")]
    Select(#[from] SelectError),
}

struct Table {
    file: String,
    headers: Vec<String>,
    /// (spreadsheet row number, cells)
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, CliError> {
        let file = path.display().to_string();
        let f = File::open(path).map_err(|e| CliError::Read {
            file: file.clone(),
            message: e.to_string(),
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(f);
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| CliError::Read {
                file: file.clone(),
                message: e.to_string(),
            })?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_owned())
            .collect();
        let mut rows = Vec::new();
        for (i, rec) in reader.records().enumerate() {
            let row = i + 2;
            let rec = rec.map_err(|e| CliError::Row {
                file: file.clone(),
                row,
                message: e.to_string(),
            })?;
            if rec.iter().all(str::is_empty) {
                continue;
            }
            rows.push((row, rec.iter().map(str::to_owned).collect()));
        }
        Ok(Table {
            file,
            headers,
            rows,
        })
    }

    fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    fn require(&self, names: &[&str]) -> Result<usize, CliError> {
        self.column(names).ok_or_else(|| CliError::MissingColumn {
            file: self.file.clone(),
            column: names.join("\" or \""),
        })
    }

    fn cell_error(&self, row: usize, col: usize, message: String) -> CliError {
        CliError::Cell {
            file: self.file.clone(),
            row,
            column: self.headers[col].clone(),
            message,
        }
    }

    fn number(&self, row: usize, cells: &[String], col: usize) -> Result<u32, CliError> {
        let raw = cells.get(col).map(String::as_str).unwrap_or("");
        raw.parse::<u32>().map_err(|_| {
            self.cell_error(
                row,
                col,
                format!("expected a whole number of 0 or more, found {raw:?}"),
            )
        })
    }
}

/// Reads both files into a problem, checking every cell.
pub fn load_problem(
    people: &Path,
    features: &Path,
    id_column: &str,
    size: u32,
) -> Result<SelectionProblem, CliError> {
    let ft = Table::read(features)?;
    let c_feature = ft.require(&["feature", "category"])?;
    let c_value = ft.require(&["value", "name"])?;
    let c_min = ft.require(&["min"])?;
    let c_max = ft.require(&["max"])?;
    let c_min_flex = ft.column(&["min_flex"]);
    let c_max_flex = ft.column(&["max_flex"]);
    let mut builder = ProblemBuilder::new(size);
    let mut feature_names: Vec<String> = Vec::new();
    let mut values: HashMap<(String, String), usize> = HashMap::new();
    for (row, cells) in &ft.rows {
        let feature = cells.get(c_feature).cloned().unwrap_or_default();
        let value = cells.get(c_value).cloned().unwrap_or_default();
        if feature.is_empty() {
            return Err(ft.cell_error(*row, c_feature, "the feature name is empty".into()));
        }
        if value.is_empty() {
            return Err(ft.cell_error(*row, c_value, "the value name is empty".into()));
        }
        let min = ft.number(*row, cells, c_min)?;
        let max = ft.number(*row, cells, c_max)?;
        if min > max {
            return Err(ft.cell_error(*row, c_max, format!("max {max} is below min {min}")));
        }
        let flex = |c: Option<usize>| -> Result<Option<u32>, CliError> {
            match c {
                Some(c) if cells.get(c).is_some_and(|s| !s.is_empty()) => {
                    ft.number(*row, cells, c).map(Some)
                }
                _ => Ok(None),
            }
        };
        let quota = Quota {
            min,
            max,
            min_flex: flex(c_min_flex)?,
            max_flex: flex(c_max_flex)?,
        };
        if let Some(prev) = values.insert((feature.clone(), value.clone()), *row) {
            return Err(ft.cell_error(
                *row,
                c_value,
                format!("{feature} = {value} is already listed in row {prev}"),
            ));
        }
        if !feature_names.contains(&feature) {
            feature_names.push(feature.clone());
        }
        builder.quota(&feature, &value, quota);
    }
    if feature_names.is_empty() {
        return Err(CliError::Read {
            file: ft.file.clone(),
            message: "no quotas found".into(),
        });
    }

    let pt = Table::read(people)?;
    let c_id = pt.require(&[id_column])?;
    let mut feature_cols = Vec::new();
    for f in &feature_names {
        feature_cols.push((f.clone(), pt.require(&[f.as_str()])?));
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &pt.rows {
        let id = cells.get(c_id).cloned().unwrap_or_default();
        if id.is_empty() {
            return Err(pt.cell_error(*row, c_id, "the id is empty".into()));
        }
        if let Some(prev) = ids.insert(id.clone(), *row) {
            return Err(pt.cell_error(
                *row,
                c_id,
                format!("id {id:?} is already used in row {prev}"),
            ));
        }
        let mut vals = Vec::new();
        for (f, c) in &feature_cols {
            let v = cells.get(*c).cloned().unwrap_or_default();
            if !values.contains_key(&(f.clone(), v.clone())) {
                return Err(pt.cell_error(
                    *row,
                    *c,
                    format!(
                        "{v:?} is not a value of {f} in {} (add a row for it, with its min and max)",
                        ft.file
                    ),
                ));
            }
            vals.push((f.clone(), v));
        }
        builder.person(crate::PersonSpec {
            id,
            values: vals,
            ..Default::default()
        });
    }
    Ok(builder.build()?)
}

fn write_file(path: &Path, body: &str) -> Result<(), CliError> {
    std::fs::write(path, body).map_err(|e| CliError::Write {
        file: path.display().to_string(),
        message: e.to_string(),
    })
}

/// A seed when none is given: printed, so the draw can still be repeated.
fn fresh_seed() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos:x}-{}", std::process::id())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Runs `withus select`: computes the leximin lottery, draws a panel and
/// writes a plain-English report to `out` plus the requested files.
pub fn run_cli(args: &SelectArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let problem = load_problem(&args.people, &args.features, &args.id_column, args.size)?;
    let selection = crate::select(&problem, &Settings::default())?;
    let seed = args.seed.clone().unwrap_or_else(fresh_seed);
    let record = selection.draw(&seed);
    let w = |e: std::io::Error| CliError::Write {
        file: "output".into(),
        message: e.to_string(),
    };
    let c = &selection.certificate;
    let s = &selection.summary;
    writeln!(
        out,
        "Pool: {} people. Panel size: {}.",
        problem.people().len(),
        problem.panel_size()
    )
    .map_err(w)?;
    // The gap is the returned lottery's; "complete" only when every level
    // is proven and kept by the lottery (see `Certificate`).
    let status = if c.leximin_complete {
        ", leximin complete".to_owned()
    } else {
        format!(
            ", leximin incomplete: {} levels proven and kept (out of time, or a later level could not be solved without lowering one)",
            c.levels.len()
        )
    };
    writeln!(
        out,
        "Lowest selection probability: {:.6} (no lottery can exceed {:.6}; gap {:.6}{status}).",
        c.min_probability, c.upper_bound, c.gap,
    )
    .map_err(w)?;
    writeln!(
        out,
        "Highest: {:.6}. Gini: {:.4}. Geometric mean: {:.6}. Panels in the lottery: {}.",
        s.max_probability, s.gini, s.geometric_mean, s.support_size
    )
    .map_err(w)?;
    if !s.never_selectable.is_empty() {
        writeln!(
            out,
            "{} people cannot be on any panel that meets the quotas.",
            s.never_selectable.len()
        )
        .map_err(w)?;
    }
    writeln!(out, "Seed: {seed}").map_err(w)?;
    writeln!(
        out,
        "Selected: {}",
        record
            .selected
            .iter()
            .map(|id| id.0.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .map_err(w)?;
    if let Some(path) = &args.probabilities {
        let mut body = String::from("id,probability\n");
        for p in &selection.probabilities {
            body.push_str(&format!("{},{}\n", csv_field(&p.id.0), p.probability));
        }
        write_file(path, &body)?;
    }
    if let Some(path) = &args.panel {
        let mut body = String::from("id\n");
        for id in &record.selected {
            body.push_str(&csv_field(&id.0));
            body.push('\n');
        }
        write_file(path, &body)?;
    }
    Ok(())
}
