//! The quotas page: choose the features, set a minimum and maximum for each value, and find out at
//! once whether any working group can meet them all.
//!
//! Each value shows how many people in the pool hold it (exact counts: the facilitators choosing
//! can already see the people, but no names are shown here), its share of the pool and, where the
//! organisation has a population figure, the population's share. The suggested range is the pool's
//! share of the places rounded down and up, widened to take in the population's share.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{RawQuery, State};
use uuid::Uuid;
use withus_selection::SelectError;

use super::commands::{self, QuotasError};
use super::pool::{self, Feature, Member};
use super::quotas::{
    self, FeatureQuotas, Labels, Quotas, ValueQuota, feature_field, max_field, min_field,
};
use super::storage::SelectionRow;
use super::web::{load_selection, selection_href};
use crate::i18n::{Arg, Locale};
use crate::ids::SelectionId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::monitoring::benchmarks::{self, Benchmark};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::forms::{Choice, Problem, all_of, not_recognised_problem, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub struct QuotaRow {
    pub label: String,
    pub count: usize,
    pub share: String,
    pub population: String,
    pub min_id: String,
    pub max_id: String,
    pub min: String,
    pub max: String,
}

pub struct FeatureTable {
    pub code: String,
    pub field: String,
    pub label: String,
    pub rows: Vec<QuotaRow>,
}

#[derive(Template)]
#[template(path = "selection/templates/quotas.html")]
struct QuotasPage {
    page: Page,
    organisation: OrganisationRow,
    selection: SelectionRow,
    intro: String,
    choices: Vec<Choice>,
    tables: Vec<FeatureTable>,
    /// After a failed check: the smallest change that would help (empty if none would).
    relaxation: Option<Vec<String>>,
    locked: bool,
}

/// What the page works from: the features, the pool and the population figures.
struct Context {
    organisation: OrganisationRow,
    features: Vec<Feature>,
    pool: Vec<Member>,
    benchmarks: Vec<Benchmark>,
}

async fn context(state: &AppState, selection: &SelectionRow) -> Result<Context, AppError> {
    let organisation = load_organisation(state, selection.organisation_id).await?;
    let mut conn = state.db.acquire().await?;
    Ok(Context {
        features: pool::features(&mut conn.ex(), selection.organisation_id).await?,
        pool: super::run::load_pool(state, &mut conn.ex(), selection).await?,
        benchmarks: benchmarks::list(&mut conn.ex(), selection.organisation_id).await?,
        organisation,
    })
}

fn intro(page: &Page, selection: &SelectionRow, pool: usize) -> String {
    page.t_args(
        "selection-quotas-intro",
        &[
            ("size", Arg::Number(selection.panel_size)),
            ("pool", Arg::from(pool)),
        ],
    )
}

fn share_text(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0.0%".into();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

/// The tables for the chosen features; each field shows what was typed, else the saved quota,
/// else the suggestion.
fn tables(
    page: &Page,
    ctx: &Context,
    selection: &SelectionRow,
    chosen: &[String],
    typed: &HashMap<String, String>,
) -> Vec<FeatureTable> {
    let saved = Quotas::parse(&selection.quotas);
    let k = u32::try_from(selection.panel_size).unwrap_or(0);
    let locale = page.locale();
    ctx.features
        .iter()
        .filter(|f| chosen.iter().any(|c| c == f.code()))
        .map(|feature| {
            let code = feature.code();
            let rows = quotas::pool_counts(feature, &ctx.pool)
                .into_iter()
                .map(|(value, count)| {
                    let population = match feature {
                        Feature::Question(q) => benchmarks::find(&ctx.benchmarks, &q.code, &value)
                            .map(|b| b.share_basis_points),
                        Feature::Region => None,
                    };
                    let (suggested_min, suggested_max) = quotas::suggestion(
                        count,
                        ctx.pool.len(),
                        k,
                        population.map(|bp| bp as f64 / 10_000.0),
                    );
                    let (min_id, max_id) = (min_field(code, &value), max_field(code, &value));
                    let saved = saved.get(code, &value);
                    let shown = |id: &str, saved: Option<u32>, suggested: u32| {
                        typed
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| saved.unwrap_or(suggested).to_string())
                    };
                    QuotaRow {
                        label: feature.value_label(&value, locale),
                        share: share_text(count, ctx.pool.len()),
                        population: population
                            .map(|bp| format!("{}%", benchmarks::format_basis_points(bp)))
                            .unwrap_or_else(|| page.t("selection-no-figure")),
                        min: shown(&min_id, saved.map(|s| s.min), suggested_min),
                        max: shown(&max_id, saved.map(|s| s.max), suggested_max),
                        min_id,
                        max_id,
                        count,
                    }
                })
                .collect();
            FeatureTable {
                code: code.to_owned(),
                field: feature_field(code),
                label: feature.label(locale),
                rows,
            }
        })
        .collect()
}

fn choices(page: &Page, ctx: &Context, chosen: &[String]) -> Vec<Choice> {
    ctx.features
        .iter()
        .map(|f| {
            Choice::new(
                f.code(),
                f.label(page.locale()),
                chosen.iter().any(|c| c == f.code()),
            )
        })
        .collect()
}

/// Chosen feature codes that exist, in the features' order.
fn known(ctx: &Context, asked: &[String]) -> Vec<String> {
    ctx.features
        .iter()
        .map(|f| f.code().to_owned())
        .filter(|code| asked.contains(code))
        .collect()
}

pub async fn form(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    RawQuery(query): RawQuery,
    page: Page,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let ctx = context(&state, &selection).await?;
    let asked = all_of(&pairs(query.unwrap_or_default().as_bytes()), "features");
    let chosen = if asked.is_empty() {
        Quotas::parse(&selection.quotas)
            .features
            .into_iter()
            .map(|f| f.feature)
            .collect()
    } else {
        known(&ctx, &asked)
    };
    render(QuotasPage {
        choices: choices(&page, &ctx, &chosen),
        tables: tables(&page, &ctx, &selection, &chosen, &HashMap::new()),
        intro: intro(&page, &selection, ctx.pool.len()),
        relaxation: None,
        locked: selection.drawn_at.is_some(),
        organisation: ctx.organisation,
        selection,
        page,
    })
}

/// A quota as typed: a whole number of people, 0 or more.
fn count(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok()
}

/// What the quotas form sent: the features asked for, those that exist, and the numbers as typed.
struct Answers {
    asked: Vec<String>,
    chosen: Vec<String>,
    typed: HashMap<String, String>,
}

impl Answers {
    fn read(body: &[u8], ctx: &Context) -> Answers {
        let form = pairs(body);
        let asked = all_of(&form, "features");
        Answers {
            chosen: known(ctx, &asked),
            asked,
            typed: form
                .iter()
                .filter(|(k, _)| k.starts_with("min-") || k.starts_with("max-"))
                .map(|(k, v)| (k.clone(), v.trim().to_owned()))
                .collect(),
        }
    }

    fn count(&self, field: &str) -> Option<u32> {
        count(
            self.typed
                .get(field)
                .map(String::as_str)
                .unwrap_or_default(),
        )
    }
}

/// Checks the quotas typed for the chosen features against a working group of `k` places. The
/// messages name each value as the page shows it, in `locale`.
fn check(
    answers: &Answers,
    ctx: &Context,
    locked: bool,
    k: u32,
    locale: Locale,
) -> Result<Quotas, Vec<Problem>> {
    let mut problems = Vec::new();
    if locked {
        problems.push(Problem::new("quotas", "selection-error-locked"));
    }
    if let Some(unknown) = answers.asked.iter().find(|a| !answers.chosen.contains(a)) {
        problems.push(not_recognised_problem("features", unknown));
    }
    if answers.chosen.is_empty() {
        problems.push(Problem::new("features", "selection-error-no-features"));
    }
    let mut quotas = Quotas::default();
    for feature in ctx
        .features
        .iter()
        .filter(|f| answers.chosen.iter().any(|c| c == f.code()))
    {
        let mut values = Vec::new();
        for (value, _) in quotas::pool_counts(feature, &ctx.pool) {
            let (min_id, max_id) = (
                min_field(feature.code(), &value),
                max_field(feature.code(), &value),
            );
            let label = feature.value_label(&value, locale);
            let about = |field: &str, key| Problem::new(field, key).with("value", label.as_str());
            let (min, max) = (answers.count(&min_id), answers.count(&max_id));
            if min.is_none() {
                problems.push(about(&min_id, "selection-error-min-number"));
            }
            match max {
                None => problems.push(about(&max_id, "selection-error-max-number")),
                Some(max) if max > k => problems.push(
                    about(&max_id, "selection-error-max-above-size").with("size", i64::from(k)),
                ),
                Some(max) if min.is_some_and(|min| min > max) => {
                    problems.push(about(&min_id, "selection-error-min-above-max"))
                }
                Some(_) => {}
            }
            if let (Some(min), Some(max)) = (min, max) {
                values.push(ValueQuota { value, min, max });
            }
        }
        quotas.features.push(FeatureQuotas {
            feature: feature.code().to_owned(),
            values,
        });
    }
    if problems.is_empty() {
        Ok(quotas)
    } else {
        Err(problems)
    }
}

/// Why the quotas were not saved, against the fields concerned, and after the solver's verdict
/// the smallest change that would help.
struct Refusal {
    errors: FormErrors,
    relaxation: Option<Vec<String>>,
}

/// Asks the solver whether any working group of `k` places can meet the quotas.
async fn feasibility(
    ctx: &Context,
    selection: &SelectionRow,
    quotas: &Quotas,
    k: u32,
    locale: Locale,
) -> Result<Result<(), Refusal>, AppError> {
    let problem = quotas::problem(k, quotas, &ctx.features, &ctx.pool, selection.rotation)
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let checked = tokio::task::spawn_blocking(move || withus_selection::check_feasible(&problem))
        .await
        .map_err(|e| AppError::Unexpected(e.into()))?;
    let mut errors = FormErrors::default();
    let relaxation = match checked {
        Ok(()) => return Ok(Ok(())),
        Err(SelectError::Infeasible(explanation)) => {
            let labels = Labels {
                features: &ctx.features,
                locale,
            };
            for conflict in quotas::conflicts(&explanation, &labels) {
                errors.add(&conflict.field, conflict.message);
            }
            Some(quotas::relaxation(&explanation, &labels).unwrap_or_default())
        }
        Err(_) => {
            errors.add("quotas", locale.t("selection-error-check-failed"));
            None
        }
    };
    Ok(Err(Refusal { errors, relaxation }))
}

pub async fn submit(
    State(state): State<AppState>,
    Ids((org_id, selection_id)): Ids<(Uuid, SelectionId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let selection = load_selection(&state, org_id, &selection_id).await?;
    let ctx = context(&state, &selection).await?;
    let answers = Answers::read(&body, &ctx);
    let k = u32::try_from(selection.panel_size).unwrap_or(0);
    let locked = selection.drawn_at.is_some();
    let refused = match check(&answers, &ctx, locked, k, page.locale()) {
        Err(problems) => Refusal {
            errors: FormErrors::from_problems(page.locale(), &problems),
            relaxation: None,
        },
        Ok(quotas) => match feasibility(&ctx, &selection, &quotas, k, page.locale()).await? {
            Ok(()) => return save(&state, &page, &selection, &quotas).await,
            Err(refusal) => refusal,
        },
    };
    render_invalid(QuotasPage {
        choices: choices(&page, &ctx, &answers.chosen),
        tables: tables(&page, &ctx, &selection, &answers.chosen, &answers.typed),
        intro: intro(&page, &selection, ctx.pool.len()),
        relaxation: refused.relaxation,
        locked,
        organisation: ctx.organisation,
        selection,
        page: page.with_errors(refused.errors),
    })
}

async fn save(
    state: &AppState,
    page: &Page,
    selection: &SelectionRow,
    quotas: &Quotas,
) -> AppResult {
    let mut tx = state.db.begin().await?;
    match commands::save_quotas(&mut tx.ex(), page.ctx.actor(), selection, quotas).await {
        Ok(()) => {}
        Err(QuotasError::AlreadyDrawn) => return Err(AppError::NotFound),
        Err(QuotasError::Database(e)) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &selection_href(selection),
        "selection-flash-quotas-feasible",
    ))
}
