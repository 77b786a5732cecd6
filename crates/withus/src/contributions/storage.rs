//! Contribution storage: contributions and their files, themes and their links, what each
//! engagement promises about answering people, and its feedback report with the draft's comments.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{Channel, HowReceived};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContributionRow {
    pub id: Uuid,
    pub engagement_id: Uuid,
    pub event_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub anonymous: bool,
    pub channel: Channel,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<HowReceived>,
    pub sealed_text: Vec<u8>,
    pub sealed_email: Option<Vec<u8>>,
    pub may_quote: bool,
    pub reference: String,
    pub received_at: OffsetDateTime,
    pub withdrawn_at: Option<OffsetDateTime>,
    pub acknowledged_at: Option<OffsetDateTime>,
    pub acknowledgement: Option<String>,
}

const COLUMNS: &str = "id, engagement_id, event_id, person_id, anonymous, channel, entered_by, \
    received_by, sealed_text, sealed_email, may_quote, reference, received_at, withdrawn_at, \
    acknowledged_at, acknowledgement";

/// A contribution as it is written.
pub struct Insert<'a> {
    pub id: Uuid,
    pub engagement: Uuid,
    pub event: Option<Uuid>,
    pub person: Option<Uuid>,
    pub anonymous: bool,
    pub channel: Channel,
    pub entered_by: Option<Uuid>,
    pub received_by: Option<HowReceived>,
    pub sealed_text: &'a [u8],
    pub sealed_email: Option<&'a [u8]>,
    pub may_quote: bool,
    pub survey_response: Option<Uuid>,
    pub reference: &'a str,
    pub received_at: OffsetDateTime,
}

pub async fn insert(ex: &mut Ex<'_>, row: &Insert<'_>) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO contributions (id, engagement_id, event_id, person_id, anonymous, channel, \
         entered_by, received_by, sealed_text, sealed_email, may_quote, survey_response_id, reference, \
         received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(row.id)
    .bind(row.engagement)
    .bind(row.event)
    .bind(row.person)
    .bind(row.anonymous)
    .bind(row.channel)
    .bind(row.entered_by)
    .bind(row.received_by)
    .bind(row.sealed_text)
    .bind(row.sealed_email)
    .bind(row.may_quote)
    .bind(row.survey_response)
    .bind(row.reference)
    .bind(row.received_at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<ContributionRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM contributions WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

/// An engagement's contributions, oldest first.
pub async fn of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<ContributionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM contributions WHERE engagement_id = $1 ORDER BY received_at, id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(engagement).fetch_all(c).await)
}

/// A person's own contributions, newest first.
pub async fn of_person(ex: &mut Ex<'_>, person: Uuid) -> Result<Vec<ContributionRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM contributions WHERE person_id = $1 ORDER BY received_at DESC, id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(person).fetch_all(c).await)
}

/// Takes a contribution back: its words and files go, the row stays (withdrawn) so counts of what
/// was received stay true.
pub async fn withdraw(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM contribution_files WHERE contribution_id = $1")
        .bind(id).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM contribution_themes WHERE contribution_id = $1")
        .bind(id).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE contributions SET withdrawn_at = $2, sealed_text = $3, sealed_email = NULL, \
         may_quote = $4 WHERE id = $1 AND withdrawn_at IS NULL",
    )
    .bind(id)
    .bind(at)
    .bind(Vec::<u8>::new())
    .bind(false)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// Marks a contribution acknowledged, unless it already was or was withdrawn.
pub async fn acknowledge(
    ex: &mut Ex<'_>,
    id: Uuid,
    by: Option<Uuid>,
    text: &str,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE contributions SET acknowledged_at = $2, acknowledged_by = $3, acknowledgement = $4 \
         WHERE id = $1 AND acknowledged_at IS NULL AND withdrawn_at IS NULL",
    )
    .bind(id)
    .bind(at)
    .bind(by)
    .bind(text)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

// --- Files ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FileRow {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
}

pub async fn add_file(
    ex: &mut Ex<'_>,
    id: Uuid,
    contribution: Uuid,
    name: &str,
    content_type: &str,
    size: usize,
    sealed: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO contribution_files (id, contribution_id, file_name, content_type, size_bytes, \
         sealed_content, added_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(contribution)
    .bind(name)
    .bind(content_type)
    .bind(size as i64)
    .bind(sealed)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))
}

pub async fn files_of(ex: &mut Ex<'_>, contribution: Uuid) -> Result<Vec<FileRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, file_name, content_type, size_bytes FROM contribution_files \
         WHERE contribution_id = $1 ORDER BY added_at, id",
    )
    .bind(contribution)
    .fetch_all(c)
    .await)
}

/// A file's sealed bytes, if it belongs to `contribution`.
pub async fn file_content(
    ex: &mut Ex<'_>,
    contribution: Uuid,
    file: Uuid,
) -> Result<Option<(FileRow, Vec<u8>)>, sqlx::Error> {
    let row: Option<(Uuid, String, String, i64, Vec<u8>)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT id, file_name, content_type, size_bytes, sealed_content \
         FROM contribution_files WHERE contribution_id = $1 AND id = $2",
    )
    .bind(contribution)
    .bind(file)
    .fetch_optional(c)
    .await)?;
    Ok(
        row.map(|(id, file_name, content_type, size_bytes, sealed)| {
            (
                FileRow {
                    id,
                    file_name,
                    content_type,
                    size_bytes,
                },
                sealed,
            )
        }),
    )
}

// --- Themes --------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThemeRow {
    pub id: Uuid,
    pub name: String,
    pub merged_into: Option<Uuid>,
}

/// Every theme of an engagement, merged ones too, by name.
pub async fn themes_of(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Vec<ThemeRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, name, merged_into FROM themes WHERE engagement_id = $1 \
         ORDER BY name, id",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// The people who raised any of these themes in a contribution they have not withdrawn.
pub async fn people_who_raised(ex: &mut Ex<'_>, theme: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT DISTINCT c.person_id FROM contributions c JOIN contribution_themes l ON l.contribution_id = c.id \
         WHERE l.theme_id = $1 AND c.person_id IS NOT NULL AND c.withdrawn_at IS NULL",
    )
    .bind(theme)
    .fetch_all(c)
    .await)
}

pub async fn insert_theme(
    ex: &mut Ex<'_>,
    id: Uuid,
    engagement: Uuid,
    name: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO themes (id, engagement_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(engagement)
    .bind(name)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))
}

pub async fn rename_theme(ex: &mut Ex<'_>, id: Uuid, name: &str) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE themes SET name = $2 WHERE id = $1")
        .bind(id).bind(name).execute(c).await.map(|_| ()))
}

/// Points `source` at `target` and gives `target` every contribution `source` had. The source's own
/// links stay, so what it held is still on record.
pub async fn merge_theme(ex: &mut Ex<'_>, source: Uuid, target: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO contribution_themes (contribution_id, theme_id) \
         SELECT contribution_id, $2 FROM contribution_themes s WHERE s.theme_id = $1 \
         AND NOT EXISTS (SELECT 1 FROM contribution_themes t WHERE t.theme_id = $2 \
         AND t.contribution_id = s.contribution_id)",
    )
    .bind(source)
    .bind(target)
    .execute(c)
    .await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("UPDATE themes SET merged_into = $2 WHERE id = $1")
        .bind(source).bind(target).execute(c).await.map(|_| ()))
}

/// Every (contribution, theme) link of an engagement.
pub async fn links_of(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Vec<(Uuid, Uuid)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT l.contribution_id, l.theme_id FROM contribution_themes l \
         JOIN themes t ON t.id = l.theme_id WHERE t.engagement_id = $1",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// Sets the themes of a contribution to exactly `themes`.
pub async fn set_themes(
    ex: &mut Ex<'_>,
    contribution: Uuid,
    themes: &[Uuid],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM contribution_themes WHERE contribution_id = $1")
        .bind(contribution).execute(c).await.map(|_| ()))?;
    for theme in themes {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO contribution_themes (contribution_id, theme_id) VALUES ($1, $2)",
        )
        .bind(contribution)
        .bind(theme)
        .execute(c)
        .await.map(|_| ()))?;
    }
    Ok(())
}

// --- Promises and reports ------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PromisesRow {
    pub acknowledge_within_days: i32,
    pub report_due_on: Option<Date>,
}

pub async fn promises_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Option<PromisesRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT acknowledge_within_days, report_due_on FROM contribution_promises \
         WHERE engagement_id = $1",
    )
    .bind(engagement)
    .fetch_optional(c)
    .await)
}

pub async fn set_promises(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    days: u32,
    report_due_on: Option<Date>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO contribution_promises (engagement_id, acknowledge_within_days, report_due_on, \
         updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (engagement_id) DO UPDATE SET \
         acknowledge_within_days = excluded.acknowledge_within_days, \
         report_due_on = excluded.report_due_on, updated_at = excluded.updated_at",
    )
    .bind(engagement)
    .bind(days as i32)
    .bind(report_due_on)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))
}

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ReportRow {
    pub decided: String,
    pub not_done: String,
    pub next_steps: String,
    pub next_by: Option<Date>,
    pub published_at: Option<OffsetDateTime>,
}

pub async fn report_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Option<ReportRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT decided, not_done, next_steps, next_by, published_at FROM feedback_reports \
         WHERE engagement_id = $1",
    )
    .bind(engagement)
    .fetch_optional(c)
    .await)
}

/// Saves the draft; a published report is never changed here.
pub async fn save_report(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    report: &ReportRow,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO feedback_reports (engagement_id, decided, not_done, next_steps, next_by, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (engagement_id) DO UPDATE SET \
         decided = excluded.decided, not_done = excluded.not_done, \
         next_steps = excluded.next_steps, next_by = excluded.next_by, \
         updated_at = excluded.updated_at WHERE feedback_reports.published_at IS NULL",
    )
    .bind(engagement)
    .bind(&report.decided)
    .bind(&report.not_done)
    .bind(&report.next_steps)
    .bind(report.next_by)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

/// Publishes the report, once. Whether this call published it.
pub async fn publish_report(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE feedback_reports SET published_at = $2, updated_at = $2 \
         WHERE engagement_id = $1 AND published_at IS NULL",
    )
    .bind(engagement)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() == 1))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommentRow {
    pub person_id: Option<Uuid>,
    pub body: String,
    pub created_at: OffsetDateTime,
}

pub async fn add_comment(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    person: Uuid,
    body: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO feedback_report_comments (id, engagement_id, person_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(engagement)
    .bind(person)
    .bind(body)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|_| ()))?;
    Ok(id)
}

pub async fn comments_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<CommentRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT person_id, body, created_at FROM feedback_report_comments \
         WHERE engagement_id = $1 ORDER BY created_at, id",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// Removes a person from everything here when their record is erased: their contributions keep
/// only what counts need (channel and dates), their comments go.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM contribution_files WHERE contribution_id IN \
         (SELECT id FROM contributions WHERE person_id = $1)",
    )
    .bind(person).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query(
        "UPDATE contributions SET sealed_text = $2, sealed_email = NULL, may_quote = $3, \
         person_id = NULL, anonymous = $4 WHERE person_id = $1",
    )
    .bind(person)
    .bind(Vec::<u8>::new())
    .bind(false)
    .bind(true)
    .execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM feedback_report_comments WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))
}

/// Moves a contribution's time back (tests and demo data: the acknowledgement clock).
pub async fn set_received_at(
    ex: &mut Ex<'_>,
    id: Uuid,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE contributions SET received_at = $2 WHERE id = $1")
        .bind(id).bind(at).execute(c).await.map(|_| ()))
}

/// Every sealed value here, for re-sealing under a new key: (table column, row id, sealed bytes).
pub async fn all_sealed(
    ex: &mut Ex<'_>,
) -> Result<Vec<(&'static str, Uuid, Vec<u8>)>, sqlx::Error> {
    let texts: Vec<(Uuid, Vec<u8>, Option<Vec<u8>>)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT id, sealed_text, sealed_email FROM contributions",
    )
    .fetch_all(c)
    .await)?;
    let files: Vec<(Uuid, Vec<u8>)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT id, sealed_content FROM contribution_files",
    )
    .fetch_all(c)
    .await)?;
    let mut all = Vec::new();
    for (id, text, email) in texts {
        if !text.is_empty() {
            all.push(("sealed_text", id, text));
        }
        if let Some(email) = email {
            all.push(("sealed_email", id, email));
        }
    }
    all.extend(
        files
            .into_iter()
            .map(|(id, content)| ("sealed_content", id, content)),
    );
    Ok(all)
}

pub async fn replace_sealed(
    ex: &mut Ex<'_>,
    column: &'static str,
    id: Uuid,
    sealed: &[u8],
) -> Result<(), sqlx::Error> {
    let sql = match column {
        "sealed_text" => "UPDATE contributions SET sealed_text = $2 WHERE id = $1",
        "sealed_email" => "UPDATE contributions SET sealed_email = $2 WHERE id = $1",
        _ => "UPDATE contribution_files SET sealed_content = $2 WHERE id = $1",
    };
    on!(ex.re(), c => sqlx::query(sql).bind(id).bind(sealed).execute(c).await.map(|_| ()))
}
