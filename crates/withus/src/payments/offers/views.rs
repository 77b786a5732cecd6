//! An offer in words, generated from its structure: a plain-English paragraph and Easy Read
//! sentences (one idea each), in English or Welsh; and the parts of the engagement pages and the
//! booking page that show it.

use askama::Template;
use uuid::Uuid;

use super::domain::{EXPENSES, Offer, Unit};
use super::offer_of;
use crate::engagements::sections::{Rendering, StaffSection};
use crate::i18n::{Arg, Locale};
use crate::payments::rates::Rate;
use crate::state::AppState;
use crate::web::{AppError, Page};

/// The rate stated as its amount per unit, like "£27.50 an hour".
pub fn rate_words(rate: &Rate, locale: Locale) -> String {
    locale.t_args(
        Unit::of(rate.unit).key(),
        &[("amount", Arg::from(rate.amount.to_string()))],
    )
}

/// Whether the offer pays for time at all.
fn pays_time(offer: &Offer) -> Option<&Rate> {
    offer
        .rate
        .as_ref()
        .filter(|_| offer.pays_events || offer.survey_minutes.is_some())
}

fn days(offer: &Offer) -> (&'static str, Arg) {
    ("days", Arg::from(i64::from(offer.working_days)))
}

/// The offer in one plain-English paragraph, in `locale`: usable in a notice.
pub fn summary(offer: &Offer, locale: Locale) -> String {
    let mut parts = Vec::new();
    match pays_time(offer) {
        Some(rate) => {
            parts.push(locale.t_args(
                "payment-summary-rate",
                &[
                    ("rate", Arg::from(rate_words(rate, locale))),
                    ("name", Arg::from(rate.name.to_string())),
                ],
            ));
            let minutes = offer.survey_minutes.map(i64::from);
            parts.push(match (offer.pays_events, minutes) {
                (true, Some(m)) => {
                    locale.t_args("payment-summary-events-surveys", &[("minutes", m.into())])
                }
                (false, Some(m)) => {
                    locale.t_args("payment-summary-surveys", &[("minutes", m.into())])
                }
                _ => locale.t("payment-summary-events"),
            });
        }
        None => parts.push(locale.t("payment-summary-no-time")),
    }
    let covered: Vec<String> = EXPENSES
        .iter()
        .filter(|(value, ..)| offer.covered.covers(value))
        .map(|(_, key, _)| locale.t(key))
        .collect();
    parts.push(if covered.is_empty() {
        locale.t("payment-summary-no-expenses")
    } else {
        locale.t_args(
            "payment-summary-expenses",
            &[("expenses", Arg::from(covered.join(", ")))],
        )
    });
    parts.push(locale.t("payment-summary-choice"));
    parts.push(locale.t_args("payment-summary-when", &[days(offer)]));
    if !offer.note.is_empty() {
        parts.push(offer.note.clone());
    }
    parts.join(" ")
}

/// The offer in Easy Read: short sentences, one idea each, in `locale`.
pub fn easy_read(offer: &Offer, locale: Locale) -> Vec<String> {
    let mut lines = Vec::new();
    match pays_time(offer) {
        Some(rate) => {
            lines.push(locale.t("payment-easy-paid"));
            lines.push(locale.t_args(
                "payment-easy-rate",
                &[("rate", Arg::from(rate_words(rate, locale)))],
            ));
            if offer.pays_events {
                lines.push(locale.t("payment-easy-events"));
            }
            if let Some(m) = offer.survey_minutes {
                lines.push(
                    locale.t_args("payment-easy-surveys", &[("minutes", i64::from(m).into())]),
                );
            }
        }
        None => lines.push(locale.t("payment-easy-no-time")),
    }
    if offer.covered.any() {
        lines.push(locale.t("payment-easy-expenses"));
        lines.extend(
            EXPENSES
                .iter()
                .filter(|(value, ..)| offer.covered.covers(value))
                .map(|(_, _, easy)| locale.t(easy)),
        );
    }
    lines.push(locale.t("payment-easy-choice-less"));
    lines.push(locale.t("payment-easy-choice-charity"));
    lines.push(locale.t_args("payment-easy-when", &[days(offer)]));
    lines
}

#[derive(Template)]
#[template(path = "payments/offers/templates/offer_part.html")]
struct OfferPart<'a> {
    page: &'a Page,
    summary: Option<String>,
    easy: Vec<String>,
    edit_link: Option<String>,
}

fn html(part: impl Template) -> Result<String, AppError> {
    part.render()
        .map_err(|error| AppError::Unexpected(anyhow::anyhow!(error)))
}

async fn part(
    state: &AppState,
    page: &Page,
    engagement: Uuid,
    edit_link: Option<String>,
    staff: bool,
) -> Result<String, AppError> {
    let offer = {
        let mut conn = state.db.acquire().await?;
        offer_of(&mut conn.ex(), engagement).await?
    };
    if offer.is_none() && !staff {
        return Ok(String::new());
    }
    let locale = page.locale();
    html(OfferPart {
        page,
        summary: offer.as_ref().map(|o| summary(o, locale)),
        easy: offer
            .as_ref()
            .map(|o| easy_read(o, locale))
            .unwrap_or_default(),
        edit_link,
    })
}

/// The offer on a published engagement's public page; nothing if it has none.
pub fn engagement_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    engagement: Uuid,
) -> Rendering<'a> {
    Box::pin(part(state, page, engagement, None, false))
}

/// The offer on the engagement's staff page, with the way in to set it.
pub fn staff_section<'a>(
    state: &'a AppState,
    page: &'a Page,
    section: StaffSection,
) -> Rendering<'a> {
    Box::pin(async move {
        // Only the lead organisation sets the offer: it is paid from the lead's rate card.
        let leads = {
            let mut conn = state.db.acquire().await?;
            crate::engagements::find(&mut conn.ex(), section.engagement)
                .await?
                .is_some_and(|e| e.organisation_id == section.org_id)
        };
        let link = (section.can_edit && leads).then(|| {
            format!(
                "/organisations/{}/engagements/{}/payment-offer",
                section.org_id, section.engagement
            )
        });
        part(state, page, section.engagement, link, true).await
    })
}

/// The offer on an event's booking page; nothing if its engagement has none.
pub async fn booking_part(
    state: &AppState,
    page: &Page,
    engagement: Uuid,
) -> Result<String, AppError> {
    part(state, page, engagement, None, false).await
}

/// The offer as a notice's arguments: `payment` (the plain-English paragraph) and `payment_easy`
/// (the Easy Read sentences, a line each), each followed by a blank line so the message's next
/// paragraph starts after it; both empty when there is no offer.
pub fn notice_args(offer: Option<&Offer>, locale: Locale) -> [(&'static str, Arg); 2] {
    let (plain, easy) = match offer {
        Some(offer) => (
            format!("{}\n\n", summary(offer, locale)),
            format!("{}\n\n", easy_read(offer, locale).join("\n")),
        ),
        None => (String::new(), String::new()),
    };
    [
        ("payment", Arg::from(plain)),
        ("payment_easy", Arg::from(easy)),
    ]
}
