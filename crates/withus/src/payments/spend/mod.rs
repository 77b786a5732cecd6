//! What each engagement has cost: payments for people's time approved or paid, expenses approved
//! or paid, and the access costs of its events, against the budget in its payment offer, with a
//! warning when it is overspent or approving the payments now due would overspend it. The same as
//! one row per payment and per expense line for the finance system (CSV and XLSX), and the
//! organisation's published totals for the accountability page.
//!
//! Access costs belong to events, a capability built on this one: the wiring passes in how to
//! read them ([`AccessCosts`]).

mod exports;
mod pages;

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;

use axum::http::Method;
use axum::routing::get;
use serde_json::json;
use uuid::Uuid;

use super::commands::{choice_of, offered_of};
use super::domain::PaymentStatus;
use super::expenses::{self, LineState};
use super::money::Pence;
use super::offers;
use super::storage::{self, PaymentRow};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::identity::StaffActor;
use crate::state::AppState;
use crate::web::access::{Access, Permission};
use crate::web::routing::{Route, route};

/// Access costs being read: (engagement, cost) for each engagement of an organisation.
pub type Costs<'a> =
    Pin<Box<dyn Future<Output = Result<Vec<(Uuid, Pence)>, sqlx::Error>> + Send + 'a>>;

/// What the access plans of an organisation's engagements cost. Payments may not import events,
/// which keeps access plans; the wiring passes in its read.
#[derive(Clone, Copy)]
pub struct AccessCosts(pub for<'a> fn(&'a AppState, Uuid) -> Costs<'a>);

/// Payments for time that count as spent: approved (once or twice), in a run or paid.
pub const SPENT: [PaymentStatus; 4] = [
    PaymentStatus::AwaitingSecond,
    PaymentStatus::Approved,
    PaymentStatus::InRun,
    PaymentStatus::Paid,
];

pub(crate) fn routes() -> Vec<Route> {
    use Method as M;
    let view = || Access::Organisation(Permission::ViewSpend);
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/payments/spend",
            view(),
            get(pages::show),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/spend.csv",
            view(),
            get(exports::csv),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/payments/spend.xlsx",
            view(),
            get(exports::xlsx),
        ),
    ]
}

/// What a payment for time costs the organisation: what the person is paid and what goes to a
/// charity for them.
pub fn cost_of(row: &PaymentRow) -> Pence {
    match (choice_of(row), offered_of(row)) {
        (Ok(choice), Ok(offered)) => add(
            choice.paid_to_person(offered),
            choice.paid_to_charity(offered),
        ),
        _ => Pence::ZERO,
    }
}

fn add(a: Pence, b: Pence) -> Pence {
    a.checked_add(b).unwrap_or(a)
}

/// What one engagement has cost, and what approving the payments due for it would add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngagementSpend {
    pub engagement: Uuid,
    pub title_en: String,
    pub title_cy: String,
    pub time: Pence,
    pub expenses: Pence,
    pub access: Pence,
    /// Payments for time still due (not yet approved).
    pub due: Pence,
    pub budget: Option<Pence>,
}

impl EngagementSpend {
    pub fn spent(&self) -> Pence {
        add(add(self.time, self.expenses), self.access)
    }

    /// What is left of the budget; `None` without a budget.
    pub fn left(&self) -> Option<Pence> {
        self.budget.map(|b| b.saturating_sub(self.spent()))
    }

    /// Spent more than the budget already.
    pub fn overspent(&self) -> bool {
        self.budget.is_some_and(|b| self.spent() > b)
    }

    /// Not overspent yet, but approving the payments due would take it over the budget.
    pub fn would_be_overspent(&self) -> bool {
        !self.overspent()
            && self.due > Pence::ZERO
            && self.budget.is_some_and(|b| add(self.spent(), self.due) > b)
    }

    /// By how much it is, or would be, over the budget.
    pub fn over_by(&self) -> Pence {
        let with_due = if self.overspent() {
            self.spent()
        } else {
            add(self.spent(), self.due)
        };
        self.budget
            .map(|b| with_due.saturating_sub(b))
            .unwrap_or(Pence::ZERO)
    }
}

fn by_engagement(rows: &[PaymentRow], into: &mut BTreeMap<Uuid, Pence>) {
    for row in rows {
        if let Some(engagement) = row.engagement_id {
            let total = into.entry(engagement).or_insert(Pence::ZERO);
            *total = add(*total, cost_of(row));
        }
    }
}

/// What each engagement the organisation leads has cost, in the order the engagements list them.
pub async fn spend_of(
    state: &AppState,
    costs: AccessCosts,
    organisation: Uuid,
) -> Result<Vec<EngagementSpend>, sqlx::Error> {
    let access: BTreeMap<Uuid, Pence> = (costs.0)(state, organisation).await?.into_iter().collect();
    let mut conn = state.db.acquire().await?;
    let mut ex = conn.ex();
    let mut time = BTreeMap::new();
    by_engagement(
        &storage::of_organisation(&mut ex, organisation, &SPENT).await?,
        &mut time,
    );
    let mut due = BTreeMap::new();
    by_engagement(
        &storage::of_organisation(&mut ex, organisation, &[PaymentStatus::Due]).await?,
        &mut due,
    );
    let spent_expenses: BTreeMap<Uuid, Pence> =
        expenses::spent_by_engagement(&mut ex, organisation)
            .await?
            .into_iter()
            .map(|(e, x)| (e, x.pence()))
            .collect();
    let mut out = Vec::new();
    for engagement in crate::engagements::of_organisation(&mut ex, organisation).await? {
        if engagement.organisation_id != organisation {
            continue;
        }
        let budget = offers::offer_of(&mut ex, engagement.id)
            .await?
            .and_then(|o| o.budget);
        let get = |m: &BTreeMap<Uuid, Pence>| m.get(&engagement.id).copied().unwrap_or(Pence::ZERO);
        out.push(EngagementSpend {
            engagement: engagement.id,
            time: get(&time),
            expenses: get(&spent_expenses),
            access: get(&access),
            due: get(&due),
            budget,
            title_en: engagement.title_en,
            title_cy: engagement.title_cy,
        });
    }
    Ok(out)
}

/// The engagements that are overspent, or would be if the payments due were approved, for the
/// finance officer's approvals page.
pub async fn budget_warnings(
    state: &AppState,
    costs: AccessCosts,
    organisation: Uuid,
) -> Result<Vec<EngagementSpend>, sqlx::Error> {
    Ok(spend_of(state, costs, organisation)
        .await?
        .into_iter()
        .filter(|s| s.due > Pence::ZERO && (s.overspent() || s.would_be_overspent()))
        .collect())
}

/// The same as sentences in the reader's language, for the finance officer's approvals page.
pub async fn warnings(
    state: &AppState,
    costs: AccessCosts,
    organisation: Uuid,
    locale: crate::i18n::Locale,
) -> Result<Vec<String>, sqlx::Error> {
    Ok(budget_warnings(state, costs, organisation)
        .await?
        .iter()
        .map(|s| pages::warning(locale, s, &pages::title(locale, &s.title_en, &s.title_cy)))
        .collect())
}

/// The organisation's totals for publishing: never an amount per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PaidTotals {
    /// Paid for people's time (to them, or to a charity for them).
    pub time: Pence,
    /// Expenses repaid.
    pub expenses: Pence,
    /// How many different people were paid for their time.
    pub people_paid_for_time: i64,
    /// How many different people were repaid expenses.
    pub people_repaid_expenses: i64,
    /// How many different people were paid either.
    pub people: i64,
}

/// What the organisation has paid, over all its engagements and ever: payments marked paid and
/// expense lines paid.
pub async fn paid_totals(ex: &mut Ex<'_>, organisation: Uuid) -> Result<PaidTotals, sqlx::Error> {
    let mut totals = PaidTotals::default();
    let mut for_time = BTreeSet::new();
    for row in storage::of_organisation(ex, organisation, &[PaymentStatus::Paid]).await? {
        let cost = cost_of(&row);
        if cost > Pence::ZERO {
            totals.time = add(totals.time, cost);
            for_time.insert(row.person_id);
        }
    }
    let mut for_expenses = BTreeSet::new();
    for line in expenses::spent_lines(ex, organisation).await? {
        if line.state == LineState::Paid {
            totals.expenses = add(totals.expenses, line.amount.pence());
            for_expenses.insert(line.person_id);
        }
    }
    totals.people_paid_for_time = for_time.len() as i64;
    totals.people_repaid_expenses = for_expenses.len() as i64;
    totals.people = for_time.union(&for_expenses).count() as i64;
    Ok(totals)
}

/// Records that someone took the spend export, and whether it named people.
pub async fn record_export(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    format: &str,
    with_names: bool,
) -> Result<(), sqlx::Error> {
    audit::record(
        ex,
        Entry::new(
            Action::PaymentSpendExported,
            "organisation",
            actor.organisation,
        )
        .by(actor.account)
        .in_organisation(actor.organisation)
        .with(json!({ "format": format, "names": with_names })),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spend(time: i64, due: i64, budget: Option<i64>) -> EngagementSpend {
        EngagementSpend {
            engagement: Uuid::nil(),
            title_en: String::new(),
            title_cy: String::new(),
            time: Pence::new(time).unwrap(),
            expenses: Pence::new(100).unwrap(),
            access: Pence::new(50).unwrap(),
            due: Pence::new(due).unwrap(),
            budget: budget.map(|b| Pence::new(b).unwrap()),
        }
    }

    #[test]
    fn a_budget_is_overspent_or_would_be() {
        let fine = spend(1_000, 500, Some(2_000));
        assert_eq!(fine.spent().get(), 1_150);
        assert_eq!(fine.left().map(Pence::get), Some(850));
        assert!(!fine.overspent() && !fine.would_be_overspent());
        let would = spend(1_000, 900, Some(2_000));
        assert!(!would.overspent() && would.would_be_overspent());
        assert_eq!(would.over_by().get(), 50);
        let over = spend(3_000, 0, Some(2_000));
        assert!(over.overspent() && !over.would_be_overspent());
        assert_eq!(over.left().map(Pence::get), Some(0));
        assert_eq!(over.over_by().get(), 1_150);
        let no_budget = spend(3_000, 900, None);
        assert!(!no_budget.overspent() && !no_budget.would_be_overspent());
    }
}
