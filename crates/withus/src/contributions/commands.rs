//! Every change to contributions, themes and reports. Each reads, decides, writes through this
//! capability's storage, records its audit entry and queues its notices, in the caller's
//! transaction, and says with a typed error why it refused.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;
use time::Date;
use uuid::Uuid;

use super::domain::{Channel, DEFAULT_ACKNOWLEDGE_DAYS, HowReceived, NewFile, new_reference};
use super::storage::{self, ReportRow};
use super::{engagement_of, file_field, promises_of, text_field};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::i18n::Locale;
use crate::identity::StaffActor;
use crate::notices::{self, Addressee, Notice, NoticeKind};
use crate::state::AppState;

/// Something given to an engagement, by any channel.
#[derive(Debug, Clone)]
pub struct NewContribution {
    pub engagement: Uuid,
    pub event: Option<Uuid>,
    /// The author's record on the register, when known.
    pub author: Option<Uuid>,
    /// Hide the author's name from staff and reports (the author still sees it and is answered).
    pub anonymous: bool,
    pub channel: Channel,
    /// The staff account that entered it for the person.
    pub entered_by: Option<Uuid>,
    /// How the person gave it to staff, when staff entered it.
    pub received_by: Option<HowReceived>,
    pub text: String,
    /// The author agreed their words may be quoted (without their name).
    pub may_quote: bool,
    pub survey_response: Option<Uuid>,
    /// Where to send the receipt when the author is not on the register.
    pub email: Option<String>,
}

/// What the person is told: the contribution and the reference they can quote.
#[derive(Debug, Clone)]
pub struct Received {
    pub id: Uuid,
    pub reference: String,
}

#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error("no such engagement")]
    NoSuchEngagement,
    #[error("the engagement is not published")]
    NotOpen,
    #[error("nothing was said")]
    Empty,
    #[error("a contribution entered by staff must say how it was received")]
    HowReceivedMissing,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<ReceiveError> for crate::web::AppError {
    fn from(error: ReceiveError) -> Self {
        match error {
            ReceiveError::Database(error) => error.into(),
            _ => crate::web::AppError::NotFound,
        }
    }
}

/// Keeps a contribution and sends its receipt at once, with a reference the person can quote and
/// the day the team will have answered by.
pub async fn receive(
    ex: &mut Ex<'_>,
    state: &AppState,
    new: NewContribution,
) -> Result<Received, ReceiveError> {
    let text = new.text.trim();
    if text.is_empty() {
        return Err(ReceiveError::Empty);
    }
    if new.entered_by.is_some() && new.received_by.is_none() {
        return Err(ReceiveError::HowReceivedMissing);
    }
    let engagement = engagement_of(ex, new.engagement)
        .await?
        .ok_or(ReceiveError::NoSuchEngagement)?;
    if !engagement.published {
        return Err(ReceiveError::NotOpen);
    }
    let id = Uuid::now_v7();
    let reference = new_reference();
    let now = crate::db::now();
    let sealed_text = state.keys.seal(text, text_field(id));
    let email = new
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty() && new.author.is_none());
    let sealed_email = email.map(|e| state.keys.seal(e, super::email_field(id)));
    storage::insert(
        ex,
        &storage::Insert {
            id,
            engagement: engagement.id,
            event: new.event,
            person: new.author,
            anonymous: new.anonymous,
            channel: new.channel,
            entered_by: new.entered_by,
            received_by: new.received_by,
            sealed_text: &sealed_text,
            sealed_email: sealed_email.as_deref(),
            may_quote: new.may_quote,
            survey_response: new.survey_response,
            reference: &reference,
            received_at: now,
        },
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::ContributionReceived, "contribution", id)
            .by(new.entered_by)
            .in_organisation(engagement.organisation_id)
            .with(json!({
                "engagement": engagement.id,
                "channel": new.channel.as_str(),
                "reference": reference,
                "for_person": new.entered_by.is_some(),
                "received_by": new.received_by.map(HowReceived::as_str),
            })),
    )
    .await?;
    let days = promises_of(ex, engagement.id)
        .await?
        .map_or(DEFAULT_ACKNOWLEDGE_DAYS, |p| p.acknowledge_days);
    let due = super::domain::working_days_after(now.date(), days);
    let to = match (new.author, email) {
        (Some(person), _) => crate::register::contact::addressee(state, ex, person).await?,
        (None, Some(email)) => Some(Addressee::account(email, "", Locale::En)),
        (None, None) => None,
    };
    if let Some(to) = to {
        let notice =
            crate::organisations::in_its_languages(ex, engagement.organisation_id, &to, |reader| {
                Notice::new(NoticeKind::ContributionReceived)
                    .arg("name", reader.name.clone())
                    .arg("reference", reference.clone())
                    .arg("engagement", title_in(&engagement, reader.locale))
                    .arg(
                        "due",
                        crate::engagements::views::format_day(due, reader.locale),
                    )
                    .arg("link", state.link("/your-data/contributions"))
            })
            .await?
            .about(&engagement.title_en, Some(engagement.id))
            .from(engagement.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
    }
    Ok(Received { id, reference })
}

fn title_in(engagement: &EngagementRow, locale: Locale) -> String {
    engagement.title().shown(locale).text
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("no such contribution")]
    NoSuchContribution,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Keeps a file with a contribution (a photo of a letter, a BSL video), sealed.
pub async fn attach(
    ex: &mut Ex<'_>,
    state: &AppState,
    by: Option<Uuid>,
    contribution: Uuid,
    file: &NewFile,
) -> Result<Uuid, FileError> {
    let row = storage::find(ex, contribution)
        .await?
        .ok_or(FileError::NoSuchContribution)?;
    let id = Uuid::now_v7();
    let sealed = state.keys.seal_bytes(&file.bytes, file_field(id));
    storage::add_file(
        ex,
        id,
        contribution,
        &file.name,
        file.kind.content_type(),
        file.bytes.len(),
        &sealed,
    )
    .await?;
    let organisation = engagement_of(ex, row.engagement_id)
        .await?
        .map(|e| e.organisation_id);
    let mut entry = Entry::new(Action::ContributionFileAdded, "contribution", contribution)
        .by(by)
        .with(json!({ "type": file.kind.content_type(), "bytes": file.bytes.len() }));
    if let Some(organisation) = organisation {
        entry = entry.in_organisation(organisation);
    }
    audit::record(ex, entry).await?;
    Ok(id)
}

#[derive(Debug, thiserror::Error)]
pub enum WithdrawError {
    #[error("not this person's contribution")]
    NotTheirs,
    #[error("already withdrawn")]
    AlreadyWithdrawn,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The author takes a contribution back: its words and files are deleted at once.
pub async fn withdraw(
    ex: &mut Ex<'_>,
    account: Option<Uuid>,
    person: Uuid,
    contribution: Uuid,
) -> Result<(), WithdrawError> {
    let row = storage::find(ex, contribution)
        .await?
        .filter(|c| c.person_id == Some(person))
        .ok_or(WithdrawError::NotTheirs)?;
    if !storage::withdraw(ex, row.id, crate::db::now()).await? {
        return Err(WithdrawError::AlreadyWithdrawn);
    }
    audit::record(
        ex,
        Entry::new(Action::ContributionWithdrawn, "contribution", row.id)
            .by(account)
            .with(json!({ "engagement": row.engagement_id })),
    )
    .await?;
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum AcknowledgeError {
    #[error("nothing to acknowledge")]
    NothingOwed,
    #[error("no such theme")]
    NoSuchTheme,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The team's answer to each of `contributions` (of `engagement`) still owed one: the same words to
/// each contributor, by their own channel. How many were acknowledged.
pub async fn acknowledge(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    engagement: &EngagementRow,
    contributions: &[Uuid],
    text: &str,
) -> Result<usize, AcknowledgeError> {
    let now = crate::db::now();
    let mut done = 0;
    for id in contributions {
        let Some(row) = storage::find(ex, *id)
            .await?
            .filter(|c| c.engagement_id == engagement.id)
        else {
            continue;
        };
        if !storage::acknowledge(ex, row.id, actor.account, text, now).await? {
            continue;
        }
        done += 1;
        audit::record(
            ex,
            Entry::new(Action::ContributionAcknowledged, "contribution", row.id)
                .by(actor.account)
                .in_organisation(actor.organisation)
                .with(json!({ "engagement": engagement.id, "reference": row.reference })),
        )
        .await?;
        if let Some(to) = contributor(ex, state, &row).await? {
            let notice = crate::organisations::in_its_languages(
                ex,
                engagement.organisation_id,
                &to,
                |reader| {
                    Notice::new(NoticeKind::ContributionAcknowledged)
                        .arg("name", reader.name.clone())
                        .arg("reference", row.reference.clone())
                        .arg("engagement", title_in(engagement, reader.locale))
                        .arg("answer", text.to_owned())
                        .arg("link", state.link("/your-data/contributions"))
                },
            )
            .await?
            .about(&engagement.title_en, Some(engagement.id))
            .from(engagement.organisation_id);
            notices::send(ex, state.door(), &to, notice).await?;
        }
    }
    if done == 0 {
        return Err(AcknowledgeError::NothingOwed);
    }
    Ok(done)
}

/// The team's answer to everyone on a live theme still owed one.
pub async fn acknowledge_theme(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    engagement: &EngagementRow,
    theme: Uuid,
    text: &str,
) -> Result<usize, AcknowledgeError> {
    let live = storage::themes_of(ex, engagement.id)
        .await?
        .into_iter()
        .any(|t| t.id == theme && t.merged_into.is_none());
    if !live {
        return Err(AcknowledgeError::NoSuchTheme);
    }
    let on_theme: Vec<Uuid> = storage::links_of(ex, engagement.id)
        .await?
        .into_iter()
        .filter(|(_, t)| *t == theme)
        .map(|(c, _)| c)
        .collect();
    acknowledge(ex, state, actor, engagement, &on_theme, text).await
}

/// Who to tell about a contribution: its author on the register, or the email they left.
async fn contributor(
    ex: &mut Ex<'_>,
    state: &AppState,
    row: &storage::ContributionRow,
) -> Result<Option<Addressee>, sqlx::Error> {
    if let Some(person) = row.person_id {
        return crate::register::contact::addressee(state, ex, person).await;
    }
    Ok(row
        .sealed_email
        .as_deref()
        .and_then(|sealed| state.keys.open(sealed, super::email_field(row.id)).ok())
        .map(|email| Addressee::account(&email, "", Locale::En)))
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("no such theme or contribution")]
    NotFound,
    #[error("a theme cannot be merged into itself")]
    SameTheme,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Adds a theme to an engagement.
pub async fn create_theme(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    name: &str,
) -> Result<Uuid, ThemeError> {
    let id = Uuid::now_v7();
    storage::insert_theme(ex, id, engagement, name.trim()).await?;
    audit::record(
        ex,
        Entry::new(Action::ThemeCreated, "theme", id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "engagement": engagement, "name": name.trim() })),
    )
    .await?;
    Ok(id)
}

pub async fn rename_theme(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    theme: Uuid,
    name: &str,
) -> Result<(), ThemeError> {
    let before = live_theme(ex, engagement, theme).await?;
    storage::rename_theme(ex, theme, name.trim()).await?;
    audit::record(
        ex,
        Entry::new(Action::ThemeRenamed, "theme", theme)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "from": before.name, "to": name.trim() })),
    )
    .await?;
    Ok(())
}

/// Folds `source` into `target`: every contribution tagged with the one is tagged with the other,
/// and the source stays on record as merged.
pub async fn merge_themes(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    source: Uuid,
    target: Uuid,
) -> Result<(), ThemeError> {
    if source == target {
        return Err(ThemeError::SameTheme);
    }
    let from = live_theme(ex, engagement, source).await?;
    let into = live_theme(ex, engagement, target).await?;
    storage::merge_theme(ex, source, target).await?;
    audit::record(
        ex,
        Entry::new(Action::ThemeMerged, "theme", source)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "from": from.name, "into": into.name, "into_id": target })),
    )
    .await?;
    Ok(())
}

async fn live_theme(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    theme: Uuid,
) -> Result<storage::ThemeRow, ThemeError> {
    storage::themes_of(ex, engagement)
        .await?
        .into_iter()
        .find(|t| t.id == theme && t.merged_into.is_none())
        .ok_or(ThemeError::NotFound)
}

/// Sets exactly which of the engagement's themes a contribution carries.
pub async fn set_themes(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    contribution: Uuid,
    themes: &BTreeSet<Uuid>,
) -> Result<(), ThemeError> {
    storage::find(ex, contribution)
        .await?
        .filter(|c| c.engagement_id == engagement && c.withdrawn_at.is_none())
        .ok_or(ThemeError::NotFound)?;
    let known: BTreeSet<Uuid> = storage::themes_of(ex, engagement)
        .await?
        .into_iter()
        .filter(|t| t.merged_into.is_none())
        .map(|t| t.id)
        .collect();
    if !themes.is_subset(&known) {
        return Err(ThemeError::NotFound);
    }
    let themes: Vec<Uuid> = themes.iter().copied().collect();
    storage::set_themes(ex, contribution, &themes).await?;
    audit::record(
        ex,
        Entry::new(Action::ContributionThemed, "contribution", contribution)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "themes": themes })),
    )
    .await?;
    Ok(())
}

/// What an engagement promises about answering people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Promises {
    pub acknowledge_days: u32,
    pub report_due_on: Option<Date>,
}

pub async fn set_promises(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    promises: Promises,
) -> Result<(), sqlx::Error> {
    storage::set_promises(
        ex,
        engagement,
        promises.acknowledge_days,
        promises.report_due_on,
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::ContributionPromisesSet, "engagement", engagement)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({
                "acknowledge_within_days": promises.acknowledge_days,
                "report_due_on": promises.report_due_on.map(|d| d.to_string()),
            })),
    )
    .await
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the report is already published")]
    AlreadyPublished,
    #[error("the report has nothing in it yet")]
    NotWritten,
    #[error("this person is not in the engagement's group")]
    NotInGroup,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// The team's report as written (the "what we heard" part is made from the themes when shown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub decided: String,
    pub not_done: String,
    pub next_steps: String,
    pub next_by: Option<Date>,
}

pub async fn save_report(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    draft: &Draft,
) -> Result<(), ReportError> {
    let row = ReportRow {
        decided: draft.decided.trim().to_owned(),
        not_done: draft.not_done.trim().to_owned(),
        next_steps: draft.next_steps.trim().to_owned(),
        next_by: draft.next_by,
        published_at: None,
    };
    if !storage::save_report(ex, engagement, &row).await? {
        return Err(ReportError::AlreadyPublished);
    }
    audit::record(
        ex,
        Entry::new(Action::FeedbackReportSaved, "engagement", engagement)
            .by(actor.account)
            .in_organisation(actor.organisation),
    )
    .await?;
    Ok(())
}

/// A member of the engagement's group comments on the draft before it is published.
pub async fn comment_on_draft(
    ex: &mut Ex<'_>,
    account: Option<Uuid>,
    person: Uuid,
    group: &BTreeSet<Uuid>,
    engagement: Uuid,
    body: &str,
) -> Result<Uuid, ReportError> {
    if !group.contains(&person) {
        return Err(ReportError::NotInGroup);
    }
    if storage::report_of(ex, engagement)
        .await?
        .is_some_and(|r| r.published_at.is_some())
    {
        return Err(ReportError::AlreadyPublished);
    }
    let id = storage::add_comment(ex, engagement, person, body.trim()).await?;
    audit::record(
        ex,
        Entry::new(Action::FeedbackReportCommented, "engagement", engagement).by(account),
    )
    .await?;
    Ok(id)
}

/// Publishes the report and tells each contributor personally what happened to the themes they
/// raised, by their own channel, once each. How many people were told.
pub async fn publish_report(
    ex: &mut Ex<'_>,
    state: &AppState,
    actor: StaffActor,
    engagement: &EngagementRow,
) -> Result<usize, ReportError> {
    let report = storage::report_of(ex, engagement.id)
        .await?
        .ok_or(ReportError::NotWritten)?;
    if report.decided.trim().is_empty() {
        return Err(ReportError::NotWritten);
    }
    if !storage::publish_report(ex, engagement.id, crate::db::now()).await? {
        return Err(ReportError::AlreadyPublished);
    }
    let rows = storage::of_engagement(ex, engagement.id).await?;
    let themes = storage::themes_of(ex, engagement.id).await?;
    let names: BTreeMap<Uuid, &str> = themes
        .iter()
        .filter(|t| t.merged_into.is_none())
        .map(|t| (t.id, t.name.as_str()))
        .collect();
    let links = storage::links_of(ex, engagement.id).await?;
    // Each contributor once, with every live theme any of their contributions carries.
    let mut raised: BTreeMap<Recipient, BTreeSet<&str>> = BTreeMap::new();
    let mut first_row: BTreeMap<Recipient, &storage::ContributionRow> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.withdrawn_at.is_none()) {
        let Some(who) = Recipient::of(row) else {
            continue;
        };
        let entry = raised.entry(who.clone()).or_default();
        for (_, theme) in links.iter().filter(|(c, _)| *c == row.id) {
            if let Some(name) = names.get(theme) {
                entry.insert(name);
            }
        }
        first_row.entry(who).or_insert(row);
    }
    let link = state.link(&format!("/engagements/{}/you-said-we-did", engagement.id));
    let mut told = 0;
    for (who, themes) in &raised {
        let Some(to) = contributor(ex, state, first_row[who]).await? else {
            continue;
        };
        let themes: Vec<&str> = themes.iter().copied().collect();
        let notice =
            crate::organisations::in_its_languages(ex, engagement.organisation_id, &to, |reader| {
                let listed = if themes.is_empty() {
                    reader.locale.t("feedback-report-notice-no-themes")
                } else {
                    themes
                        .iter()
                        .map(|t| format!("- {t}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                Notice::new(NoticeKind::FeedbackReportPublished)
                    .arg("name", reader.name.clone())
                    .arg("engagement", title_in(engagement, reader.locale))
                    .arg("themes", listed)
                    .arg("decided", report.decided.clone())
                    .arg("link", link.clone())
            })
            .await?
            .about(&engagement.title_en, Some(engagement.id))
            .from(engagement.organisation_id);
        notices::send(ex, state.door(), &to, notice).await?;
        told += 1;
    }
    audit::record(
        ex,
        Entry::new(Action::FeedbackReportPublished, "engagement", engagement.id)
            .by(actor.account)
            .in_organisation(actor.organisation)
            .with(json!({ "people_told": told })),
    )
    .await?;
    Ok(told)
}

/// Someone a report is sent to: a person on the register, or a contribution that left only an
/// email address.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Recipient {
    Person(Uuid),
    Email(Uuid),
}

impl Recipient {
    fn of(row: &storage::ContributionRow) -> Option<Recipient> {
        match (row.person_id, &row.sealed_email) {
            (Some(person), _) => Some(Recipient::Person(person)),
            (None, Some(_)) => Some(Recipient::Email(row.id)),
            (None, None) => None,
        }
    }
}

/// A file of a contribution, for staff to open; the download is recorded.
pub async fn download_file(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    contribution: Uuid,
    file: Uuid,
) -> Result<Option<(storage::FileRow, Vec<u8>)>, sqlx::Error> {
    let Some(found) = storage::file_content(ex, contribution, file).await? else {
        return Ok(None);
    };
    audit::record(
        ex,
        Entry::new(
            Action::ContributionFileDownloaded,
            "contribution",
            contribution,
        )
        .by(actor.account)
        .in_organisation(actor.organisation)
        .with(json!({ "file": file })),
    )
    .await?;
    Ok(Some(found))
}
