//! The pages: an organisation's rate card (add a rate, end one), its payment settings, and an
//! engagement's payment offer.

use askama::Template;
use axum::extract::State;
use time::Date;
use uuid::Uuid;

use super::commands::{self, OfferError};
use super::domain::{
    EXPENSES, LatePay, OfferForm, PaysThrough, RateForm, SettingsForm, Unit, check_end,
};
use super::views::{easy_read, rate_words, summary};
use super::{CardLine, card_of, offer_of, settings_of};
use crate::engagements::storage::EngagementRow;
use crate::engagements::views::{date_input, format_day, today};
use crate::engagements::{Loaded, load_editable};
use crate::i18n::{Arg, Locale};
use crate::identity::StaffActor;
use crate::payments::dated::Effective;
use crate::state::AppState;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, Ids, Page, render};

fn actor(page: &Page, org_id: Uuid) -> StaffActor {
    StaffActor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

fn rates_link(org_id: Uuid) -> String {
    format!("/organisations/{org_id}/payments/rates")
}

fn settings_link(org_id: Uuid) -> String {
    format!("/organisations/{org_id}/payments/settings")
}

/// "from 16 December 2025" or "from 1 April 2025 to 15 December 2025", in words.
fn dates_words(effective: Effective, locale: Locale) -> String {
    let from = ("from", Arg::from(format_day(effective.from(), locale)));
    match effective.to() {
        Some(to) => locale.t_args(
            "payment-rate-dates-closed",
            &[from, ("to", Arg::from(format_day(to, locale)))],
        ),
        None => locale.t_args("payment-rate-dates-open", &[from]),
    }
}

/// The refusal as a problem on the form's field, if the page explains it in words.
fn refusal(error: OfferError, field: &str, locale: Locale) -> Result<Problem, AppError> {
    match error {
        OfferError::Overlap { name, existing } => {
            Ok(Problem::new(field, "payment-rate-error-overlap")
                .with("name", name)
                .with("dates", dates_words(existing, locale)))
        }
        OfferError::EndsBeforeItStarts { from } => {
            Ok(Problem::new("end-day", "payment-rate-error-end-before")
                .with("from", format_day(from, locale)))
        }
        OfferError::UnknownRate => Ok(Problem::new("rate", "payment-offer-error-rate")),
        OfferError::NotFound => Err(AppError::NotFound),
        OfferError::Database(e) => Err(e.into()),
    }
}

// --- The rate card ---------------------------------------------------------------------------------

pub struct RateLine {
    pub name: String,
    pub rate: String,
    pub dates: String,
    pub status: String,
    pub status_colour: &'static str,
}

#[derive(Template)]
#[template(path = "payments/offers/templates/rates.html")]
struct RatesPage {
    page: Page,
    base: String,
    settings_link: String,
    has_settings: bool,
    lines: Vec<RateLine>,
    form: RateForm,
    units: Vec<Choice>,
    from: DateInput,
    to: DateInput,
    open: Vec<Choice>,
    end: DateInput,
}

fn rate_line(line: &CardLine, locale: Locale, day: Date) -> RateLine {
    let effective = line.rate.effective;
    let (status, status_colour) = if effective.contains(day) {
        ("payment-rate-current", "govuk-tag--green")
    } else if effective.from() > day {
        ("payment-rate-future", "govuk-tag--blue")
    } else {
        ("payment-rate-past", "govuk-tag--grey")
    };
    RateLine {
        name: line.rate.name.to_string(),
        rate: rate_words(&line.rate, locale),
        dates: dates_words(effective, locale),
        status: locale.t(status),
        status_colour,
    }
}

async fn rates_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    form: RateForm,
    end: ([String; 3], String),
) -> Result<RatesPage, AppError> {
    let (card, has_settings) = {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        let card = card_of(&mut ex, org_id).await?;
        (card, settings_of(&mut ex, org_id).await?.is_some())
    };
    let locale = page.locale();
    let day = today();
    let mut open = vec![Choice::new(
        "",
        locale.t("payment-rate-choose"),
        end.1.is_empty(),
    )];
    open.extend(
        card.iter()
            .filter(|l| l.rate.effective.to().is_none_or(|to| to >= day))
            .map(|l| {
                Choice::new(
                    l.id.to_string(),
                    format!(
                        "{}: {} ({})",
                        l.rate.name,
                        rate_words(&l.rate, locale),
                        dates_words(l.rate.effective, locale)
                    ),
                    end.1 == l.id.to_string(),
                )
            }),
    );
    Ok(RatesPage {
        base: rates_link(org_id),
        settings_link: settings_link(org_id),
        has_settings,
        lines: card.iter().map(|l| rate_line(l, locale, day)).collect(),
        units: Unit::ALL
            .iter()
            .map(|u| Choice::new(u.as_str(), locale.t(u.name_key()), form.unit == u.as_str()))
            .collect(),
        from: date_input(
            locale,
            &page.errors,
            "from",
            locale.t("payment-rate-field-from"),
            form.from.clone(),
        ),
        to: DateInput {
            hint: Some(locale.t("payment-rate-field-to-hint")),
            ..date_input(
                locale,
                &page.errors,
                "to",
                locale.t("payment-rate-field-to"),
                form.to.clone(),
            )
        },
        end: date_input(
            locale,
            &page.errors,
            "end",
            locale.t("payment-rate-field-end"),
            end.0,
        ),
        open: if card.is_empty() { Vec::new() } else { open },
        form,
        page,
    })
}

pub async fn rates(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let none = (Default::default(), String::new());
    render(rates_page(&state, page, org_id, RateForm::default(), none).await?)
}

fn read_rate(body: &[u8]) -> RateForm {
    let form = pairs(body);
    let one = |name: &str| one_of(&form, name);
    RateForm {
        name: one("name"),
        unit: one("unit"),
        amount: one("amount"),
        from: [one("from-day"), one("from-month"), one("from-year")],
        to: [one("to-day"), one("to-month"), one("to-year")],
    }
}

pub async fn add_rate(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = read_rate(&body);
    let none = (Default::default(), String::new());
    let rate = match form.check() {
        Ok(rate) => rate,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(rates_page(&state, page, org_id, form, none).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::add_rate(&mut tx.ex(), actor(&page, org_id), &rate).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &rates_link(org_id),
                "payment-rate-added",
            ))
        }
        Err(error) => {
            drop(tx);
            let problem = refusal(error, "name", page.locale())?;
            let page = page.with_problems(&[problem]);
            render_invalid(rates_page(&state, page, org_id, form, none).await?)
        }
    }
}

pub async fn end_rate(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let form = pairs(&body);
    let one = |name: &str| one_of(&form, name);
    let rate = one("rate");
    let day = [one("end-day"), one("end-month"), one("end-year")];
    let ids: Vec<Uuid> = {
        let mut conn = state.db.acquire().await?;
        card_of(&mut conn.ex(), org_id)
            .await?
            .iter()
            .map(|l| l.id)
            .collect()
    };
    let (id, last_day) = match check_end(&rate, &ids, &day) {
        Ok(checked) => checked,
        Err(problems) => {
            let page = page.with_problems(&problems);
            let end = (day, rate);
            return render_invalid(
                rates_page(&state, page, org_id, RateForm::default(), end).await?,
            );
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::end_rate(&mut tx.ex(), actor(&page, org_id), id, last_day).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &rates_link(org_id),
                "payment-rate-ended",
            ))
        }
        Err(error) => {
            drop(tx);
            let problem = refusal(error, "rate", page.locale())?;
            let page = page.with_problems(&[problem]);
            let end = (day, rate);
            render_invalid(rates_page(&state, page, org_id, RateForm::default(), end).await?)
        }
    }
}

// --- Payment settings ------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/offers/templates/settings.html")]
struct SettingsPage {
    page: Page,
    action: String,
    rates_link: String,
    has_settings: bool,
    form: SettingsForm,
    pays_through: Vec<Choice>,
    late_pays: Vec<Choice>,
}

async fn settings_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    form: Option<SettingsForm>,
) -> Result<SettingsPage, AppError> {
    let saved = {
        let mut conn = state.db.acquire().await?;
        settings_of(&mut conn.ex(), org_id).await?
    };
    let has_settings = saved.is_some();
    let form = form.unwrap_or_else(|| match saved {
        Some(s) => {
            let account = s.originator.clone();
            SettingsForm {
                threshold: s.two_person_threshold.plain(),
                pays_through: s.pays_through.as_str().to_owned(),
                late_hours: s.late_cancellation.within_hours.to_string(),
                late_pays: s.late_cancellation.pays.as_str().to_owned(),
                retention_years: s.retention_years.to_string(),
                originator_name: account.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
                sort_code: account
                    .as_ref()
                    .map(|a| a.sort_code.clone())
                    .unwrap_or_default(),
                account_number: account
                    .as_ref()
                    .map(|a| a.account_number.clone())
                    .unwrap_or_default(),
                service_user_number: s.service_user_number.unwrap_or_default(),
            }
        }
        // HMRC usually expects payment records to be kept for 6 years: a suggestion the
        // administrator sees and may change, stored only once they save it.
        None => SettingsForm {
            retention_years: "6".to_owned(),
            ..SettingsForm::default()
        },
    });
    let locale = page.locale();
    Ok(SettingsPage {
        action: settings_link(org_id),
        rates_link: rates_link(org_id),
        has_settings,
        pays_through: PaysThrough::ALL
            .iter()
            .map(|p| {
                Choice::new(
                    p.as_str(),
                    locale.t(p.key()),
                    form.pays_through == p.as_str(),
                )
                .with_hint(locale.t(p.hint_key()))
            })
            .collect(),
        late_pays: LatePay::ALL
            .iter()
            .map(|p| Choice::new(p.as_str(), locale.t(p.key()), form.late_pays == p.as_str()))
            .collect(),
        form,
        page,
    })
}

pub async fn settings(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    render(settings_page(&state, page, org_id, None).await?)
}

pub async fn save_settings(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let pairs = pairs(&body);
    let one = |name: &str| one_of(&pairs, name);
    let form = SettingsForm {
        threshold: one("threshold"),
        pays_through: one("pays_through"),
        late_hours: one("late_hours"),
        late_pays: one("late_pays"),
        retention_years: one("retention_years"),
        originator_name: one("originator_name"),
        sort_code: one("sort_code"),
        account_number: one("account_number"),
        service_user_number: one("service_user_number"),
    };
    let new = match form.check() {
        Ok(new) => new,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(settings_page(&state, page, org_id, Some(form)).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    commands::set_settings(&mut tx.ex(), actor(&page, org_id), &new)
        .await
        .map_err(AppError::from)?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &settings_link(org_id),
        "payment-settings-saved",
    ))
}

// --- An engagement's offer -------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "payments/offers/templates/offer.html")]
struct OfferPage {
    page: Page,
    engagement: EngagementRow,
    back: String,
    action: String,
    rates_link: String,
    summary: Option<String>,
    easy: Vec<String>,
    form: OfferForm,
    rates: Vec<Choice>,
    events: Vec<Choice>,
    surveys: Vec<Choice>,
    expenses: Vec<Choice>,
}

fn yes_no(locale: Locale, chosen: &str) -> Vec<Choice> {
    vec![
        Choice::new("yes", locale.t("payment-yes"), chosen == "yes"),
        Choice::new("no", locale.t("payment-no"), chosen == "no"),
    ]
}

async fn offer_page(
    state: &AppState,
    page: Page,
    org_id: Uuid,
    engagement: EngagementRow,
    form: Option<OfferForm>,
) -> Result<OfferPage, AppError> {
    let (card, offer) = {
        let mut conn = state.db.acquire().await?;
        let mut ex = conn.ex();
        let card = card_of(&mut ex, engagement.organisation_id).await?;
        (card, offer_of(&mut ex, engagement.id).await?)
    };
    let locale = page.locale();
    let form = form.unwrap_or_else(|| match &offer {
        Some(o) => OfferForm {
            rate: o.rate_name.clone().unwrap_or_default(),
            pays_events: if o.pays_events { "yes" } else { "no" }.to_owned(),
            pays_surveys: if o.survey_minutes.is_some() {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
            survey_minutes: o.survey_minutes.map(|m| m.to_string()).unwrap_or_default(),
            expenses: EXPENSES
                .iter()
                .filter(|(v, ..)| o.covered.covers(v))
                .map(|(v, ..)| (*v).to_owned())
                .collect(),
            working_days: o.working_days.to_string(),
            note: o.note.clone(),
            budget: o.budget.map(|b| b.plain()).unwrap_or_default(),
        },
        None => OfferForm::default(),
    });
    let day = today();
    let mut names: Vec<&CardLine> = Vec::new();
    for line in &card {
        if !names
            .iter()
            .any(|n| n.rate.name.is(line.rate.name.as_str()))
        {
            names.push(line);
        }
    }
    let mut rates: Vec<Choice> = names
        .iter()
        .map(|line| {
            let name = line.rate.name.as_str();
            let stated = super::to_state(&card, name, day);
            let hint = stated
                .map(|r| {
                    format!(
                        "{} ({})",
                        rate_words(&r, locale),
                        dates_words(r.effective, locale)
                    )
                })
                .unwrap_or_default();
            Choice::new(name, name, form.rate.eq_ignore_ascii_case(name)).with_hint(hint)
        })
        .collect();
    let none = Choice::new("", locale.t("payment-offer-no-rate"), form.rate.is_empty());
    rates.push(if rates.is_empty() {
        none
    } else {
        none.exclusive_after_divider()
    });
    Ok(OfferPage {
        back: format!("/organisations/{org_id}/engagements/{}", engagement.id),
        action: format!(
            "/organisations/{org_id}/engagements/{}/payment-offer",
            engagement.id
        ),
        rates_link: rates_link(org_id),
        summary: offer.as_ref().map(|o| summary(o, locale)),
        easy: offer
            .as_ref()
            .map(|o| easy_read(o, locale))
            .unwrap_or_default(),
        rates,
        events: yes_no(locale, &form.pays_events),
        surveys: yes_no(locale, &form.pays_surveys),
        expenses: EXPENSES
            .iter()
            .map(|(value, key, _)| {
                Choice::new(
                    *value,
                    locale.t(key),
                    form.expenses.iter().any(|e| e == value),
                )
            })
            .collect(),
        form,
        engagement,
        page,
    })
}

/// The engagement in the path, if the organisation in the path leads it: the offer is paid from
/// the lead's rate card, so partners see it but do not set it.
async fn lead_engagement(
    state: &AppState,
    org_id: Uuid,
    engagement_id: &str,
) -> Result<EngagementRow, AppError> {
    let Loaded { engagement, .. } = load_editable(state, org_id, engagement_id).await?;
    if engagement.organisation_id == org_id {
        Ok(engagement)
    } else {
        Err(AppError::Forbidden)
    }
}

pub async fn offer(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let engagement = lead_engagement(&state, org_id, &engagement_id).await?;
    render(offer_page(&state, page, org_id, engagement, None).await?)
}

pub async fn save_offer(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let engagement = lead_engagement(&state, org_id, &engagement_id).await?;
    let pairs = pairs(&body);
    let one = |name: &str| one_of(&pairs, name);
    let form = OfferForm {
        rate: one("rate"),
        pays_events: one("pays_events"),
        pays_surveys: one("pays_surveys"),
        survey_minutes: one("survey_minutes"),
        expenses: all_of(&pairs, "expenses"),
        working_days: one("working_days"),
        note: one("note"),
        budget: one("budget"),
    };
    let names: Vec<String> = {
        let mut conn = state.db.acquire().await?;
        card_of(&mut conn.ex(), engagement.organisation_id)
            .await?
            .into_iter()
            .map(|l| l.rate.name.to_string())
            .collect()
    };
    let new = match form.check(&names) {
        Ok(new) => new,
        Err(problems) => {
            let page = page.with_problems(&problems);
            return render_invalid(offer_page(&state, page, org_id, engagement, Some(form)).await?);
        }
    };
    let mut tx = state.db.begin().await?;
    match commands::set_offer(&mut tx.ex(), actor(&page, org_id), &engagement, &new).await {
        Ok(()) => {
            tx.commit().await?;
            Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/engagements/{}", engagement.id),
                "payment-offer-saved",
            ))
        }
        Err(error) => {
            drop(tx);
            let problem = refusal(error, "rate", page.locale())?;
            let page = page.with_problems(&[problem]);
            render_invalid(offer_page(&state, page, org_id, engagement, Some(form)).await?)
        }
    }
}
