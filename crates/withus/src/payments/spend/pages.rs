//! The spend page: what each engagement has cost against its budget.

use askama::Template;
use axum::extract::{Extension, State};
use uuid::Uuid;

use super::{AccessCosts, EngagementSpend, spend_of};
use crate::i18n::Locale;
use crate::payments::money::Pence;
use crate::state::AppState;
use crate::web::access::{Permission, allowed};
use crate::web::{AppResult, Ids, Page, render};

/// One engagement's line, as shown.
pub struct SpendLine {
    pub id: Uuid,
    pub title: String,
    pub link: String,
    pub time: String,
    pub expenses: String,
    pub access: String,
    pub spent: String,
    pub budget: String,
    pub left: String,
    pub due: String,
    /// The warning to show, if any.
    pub warning: String,
}

/// An engagement's title in the reader's language, or English where there is no Welsh.
pub fn title(locale: Locale, en: &str, cy: &str) -> String {
    if locale == Locale::Cy && !cy.trim().is_empty() {
        cy.to_owned()
    } else {
        en.to_owned()
    }
}

/// The warning about an engagement's budget, or empty when there is nothing to say.
pub fn warning(locale: Locale, spend: &EngagementSpend, title: &str) -> String {
    let args = |budget: Pence| {
        [
            ("engagement", crate::i18n::Arg::from(title.to_owned())),
            ("budget", budget.to_string().into()),
            ("over", spend.over_by().to_string().into()),
            ("due", spend.due.to_string().into()),
        ]
    };
    match spend.budget {
        Some(budget) if spend.overspent() => locale.t_args("spend-overspent", &args(budget)),
        Some(budget) if spend.would_be_overspent() => {
            locale.t_args("spend-would-be-overspent", &args(budget))
        }
        _ => String::new(),
    }
}

fn line(locale: Locale, org_id: Uuid, spend: &EngagementSpend) -> SpendLine {
    let title = title(locale, &spend.title_en, &spend.title_cy);
    SpendLine {
        id: spend.engagement,
        link: format!("/organisations/{org_id}/engagements/{}", spend.engagement),
        time: spend.time.to_string(),
        expenses: spend.expenses.to_string(),
        access: spend.access.to_string(),
        spent: spend.spent().to_string(),
        budget: spend
            .budget
            .map(|b| b.to_string())
            .unwrap_or_else(|| locale.t("spend-no-budget")),
        left: spend.left().map(|l| l.to_string()).unwrap_or_default(),
        due: spend.due.to_string(),
        warning: warning(locale, spend, &title),
        title,
    }
}

#[derive(Template)]
#[template(path = "payments/templates/spend.html")]
struct SpendPage {
    page: Page,
    base: String,
    lines: Vec<SpendLine>,
    warnings: Vec<String>,
    total: String,
    can_manage_payments: bool,
}

pub async fn show(
    State(state): State<AppState>,
    Extension(costs): Extension<AccessCosts>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let locale = page.locale();
    let spend = spend_of(&state, costs, org_id).await?;
    let total = spend
        .iter()
        .fold(Pence::ZERO, |t, s| t.checked_add(s.spent()).unwrap_or(t));
    let lines: Vec<SpendLine> = spend.iter().map(|s| line(locale, org_id, s)).collect();
    let warnings = lines
        .iter()
        .filter(|l| !l.warning.is_empty())
        .map(|l| l.warning.clone())
        .collect();
    render(SpendPage {
        base: format!("/organisations/{org_id}/payments"),
        lines,
        warnings,
        total: total.to_string(),
        can_manage_payments: allowed(&page, org_id, Permission::ManagePayments),
        page,
    })
}
