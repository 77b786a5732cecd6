//! Commands on an event's access plan: setting an item's status (telling the people affected when
//! it cannot be arranged), recording that the people without email were told another way, and
//! marking the event ready. Each reads, decides, writes, audits and queues its notices in the
//! caller's transaction.

use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::letters;
use super::storage::{self, BookingRow, EventRow, Stored};
use crate::access_plan::PlanItem;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::engagements::domain::parse_date;
use crate::notices::{Notice, NoticeKind};
use crate::state::AppState;
use crate::web::forms::Problem;

const TEXT_MAX_CHARS: usize = 2000;
const STATUSES: [&str; 4] = ["in_progress", "arranged", "met_by_venue", "cannot_arrange"];

/// Who is changing the plan, and for which organisation.
pub type Organiser = crate::identity::StaffActor;

/// A checked change to one item of the plan.
#[derive(Debug, Clone)]
pub struct ItemChange {
    pub status: &'static str,
    pub reason: String,
    pub alternative: String,
    pub booked_on: Option<Date>,
    pub cost_pence: Option<i64>,
}

impl ItemChange {
    fn cannot_arrange(&self) -> bool {
        self.status == "cannot_arrange"
    }
}

/// The item form's answers as typed.
#[derive(Debug, Clone, Default)]
pub struct ItemAnswers {
    pub status: String,
    pub reason: String,
    pub alternative: String,
    pub booked_on: String,
    pub cost: String,
}

/// Checks the item form: the change, or every problem against its field.
pub fn check_item(answers: &ItemAnswers) -> Result<ItemChange, Vec<Problem>> {
    let mut problems = Vec::new();
    let status = STATUSES
        .iter()
        .copied()
        .find(|s| *s == answers.status.as_str());
    if status.is_none() {
        problems.push(Problem::new("status", "plan-error-status"));
    }
    let reason = answers.reason.trim().to_owned();
    let alternative = answers.alternative.trim().to_owned();
    let cannot = answers.status == "cannot_arrange";
    if cannot && reason.is_empty() {
        problems.push(Problem::new("reason", "plan-error-reason"));
    }
    if cannot && alternative.is_empty() {
        problems.push(Problem::new("alternative", "plan-error-alternative"));
    }
    if reason.chars().count() > TEXT_MAX_CHARS || alternative.chars().count() > TEXT_MAX_CHARS {
        problems.push(Problem::new("reason", "plan-error-too-long"));
    }
    let booked_on = if answers.booked_on.trim().is_empty() {
        None
    } else {
        let parts: Vec<String> = answers
            .booked_on
            .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let date = <[String; 3]>::try_from(parts)
            .ok()
            .and_then(|p| parse_date(&p));
        if date.is_none() {
            problems.push(Problem::new("booked_on", "plan-error-booked-on"));
        }
        date
    };
    let cost_pence = if answers.cost.trim().is_empty() {
        None
    } else {
        let cost = parse_cost(&answers.cost);
        if cost.is_none() {
            problems.push(Problem::new("cost", "plan-error-cost"));
        }
        cost
    };
    match status {
        Some(status) if problems.is_empty() => Ok(ItemChange {
            status,
            reason,
            alternative,
            booked_on,
            cost_pence,
        }),
        _ => Err(problems),
    }
}

pub(super) fn parse_cost(text: &str) -> Option<i64> {
    let text = text.trim().trim_start_matches('£').replace(',', "");
    let (pounds, pence) = match text.split_once('.') {
        Some((p, d)) if d.len() <= 2 && !d.is_empty() => (
            p.parse::<i64>().ok()?,
            format!("{d:0<2}").parse::<i64>().ok()?,
        ),
        Some(_) => return None,
        None => (text.parse::<i64>().ok()?, 0),
    };
    (pounds >= 0).then_some(pounds * 100 + pence)
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("the item is not one that cannot be arranged, so there is nobody to tell")]
    NothingToTell,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// How the people affected by an item that cannot be arranged were told.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemUpdated {
    pub emailed: usize,
    pub without_email: usize,
}

/// Sets an item's status, booking date and cost. When it cannot be arranged, everyone in `booked`
/// who needs it and has an email address is told at once, in their language and format; the rest
/// are counted to tell another way.
#[allow(clippy::too_many_arguments)]
pub async fn update_item(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Organiser,
    event: &EventRow,
    key: &str,
    item: &PlanItem,
    booked: &[BookingRow],
    change: ItemChange,
) -> Result<ItemUpdated, PlanError> {
    let cannot = change.cannot_arrange();
    let mut told = ItemUpdated::default();
    if cannot {
        let affected = booked
            .iter()
            .filter(|b| item.people.iter().any(|p| p.id == b.person_id));
        for person in affected {
            let delivery = letters::notify(ex, state, event, person.person_id, |to| {
                Notice::new(NoticeKind::AccessNeedUnmet)
                    .arg("name", to.name.as_str())
                    .arg("event", event.title.as_str())
                    .arg("when", super::when(event, to.locale))
                    .arg("item", to.locale.t(&item.kind.message_key()))
                    .arg("reason", change.reason.as_str())
                    .arg("alternative", change.alternative.as_str())
            })
            .await?;
            if delivery.reaches_by_itself() {
                told.emailed += 1;
            } else {
                told.without_email += 1;
            }
        }
    }
    let stored = Stored {
        item_key: key.to_owned(),
        status: change.status.to_owned(),
        reason: if cannot { change.reason } else { String::new() },
        alternative: if cannot {
            change.alternative
        } else {
            String::new()
        },
        booked_on: change
            .booked_on
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())),
        cost_pence: change.cost_pence,
        told_people_at: (cannot && told.without_email == 0).then(crate::db::now),
    };
    storage::save_item(ex, event.id, &stored).await?;
    audit::record(
        ex,
        Entry::new(Action::EventPlanItemUpdated, "event", event.id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({
                "item": key,
                "status": change.status,
                "emailed": told.emailed,
                "to_tell_by_phone_or_post": told.without_email,
            })),
    )
    .await?;
    Ok(told)
}

/// Records that the people without email were told another way that `stored` cannot be arranged.
pub async fn mark_told(
    ex: &mut Ex<'_>,
    by: Organiser,
    event: Uuid,
    stored: &Stored,
) -> Result<(), PlanError> {
    if stored.status != "cannot_arrange" {
        return Err(PlanError::NothingToTell);
    }
    let mut stored = stored.clone();
    stored.told_people_at = Some(crate::db::now());
    storage::save_item(ex, event, &stored).await?;
    audit::record(
        ex,
        Entry::new(Action::EventPlanPeopleTold, "event", event)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "item": stored.item_key })),
    )
    .await?;
    Ok(())
}

/// Marks the event ready; the caller has found nothing in its plan of `items` that blocks it.
pub async fn mark_ready(
    ex: &mut Ex<'_>,
    by: Organiser,
    event: Uuid,
    items: usize,
) -> Result<(), PlanError> {
    storage::set_ready(ex, event).await?;
    audit::record(
        ex,
        Entry::new(Action::EventMarkedReady, "event", event)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "items": items })),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(status: &str, reason: &str, alternative: &str) -> ItemAnswers {
        ItemAnswers {
            status: status.into(),
            reason: reason.into(),
            alternative: alternative.into(),
            ..ItemAnswers::default()
        }
    }

    #[test]
    fn cannot_arrange_needs_a_reason_and_an_alternative() {
        assert_eq!(
            check_item(&answers("cannot_arrange", " ", "")).unwrap_err(),
            vec![
                Problem::new("reason", "plan-error-reason"),
                Problem::new("alternative", "plan-error-alternative")
            ]
        );
        assert!(check_item(&answers("cannot_arrange", "Why", "Instead")).is_ok());
    }

    #[test]
    fn an_unknown_status_and_a_bad_cost_are_refused() {
        let mut typed = answers("lost", "", "");
        typed.cost = "12.345".into();
        assert_eq!(
            check_item(&typed).unwrap_err(),
            vec![
                Problem::new("status", "plan-error-status"),
                Problem::new("cost", "plan-error-cost")
            ]
        );
        assert_eq!(parse_cost("£1,200.5"), Some(120_050));
    }
}
