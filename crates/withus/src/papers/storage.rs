//! Paper storage: a paper row per document, and a row per format it is available in.

use std::collections::BTreeSet;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::access_plan::{Paper, PaperFormat};
use crate::db::Ex;
use crate::on;

/// A paper as staff enter it: checked, links already valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperInput {
    /// `None` for the whole engagement.
    pub event: Option<Uuid>,
    pub title: String,
    pub description: String,
    /// The formats it is available in, each with a link or "" (in [`PaperFormat::ALL`] order).
    pub formats: Vec<(PaperFormat, String)>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PaperRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub engagement_id: Uuid,
    pub event_id: Option<Uuid>,
    pub title: String,
    pub description: String,
    pub published_at: Option<OffsetDateTime>,
    #[sqlx(skip)]
    pub formats: Vec<(PaperFormat, String)>,
}

impl PaperRow {
    pub fn format_set(&self) -> BTreeSet<PaperFormat> {
        self.formats.iter().map(|(f, _)| *f).collect()
    }

    /// The facts the access plan needs.
    pub fn as_paper(&self) -> Paper {
        Paper {
            title: self.title.clone(),
            formats_available: self.format_set(),
            published_at: self.published_at,
        }
    }

    pub fn link(&self, format: PaperFormat) -> Option<&str> {
        self.formats
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, link)| link.as_str())
    }
}

#[derive(sqlx::FromRow)]
struct FormatRow {
    paper_id: Uuid,
    format: String,
    link: String,
}

const COLUMNS: &str =
    "id, organisation_id, engagement_id, event_id, title, description, published_at";

async fn insert_formats(
    ex: &mut Ex<'_>,
    paper: Uuid,
    formats: &[(PaperFormat, String)],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM paper_formats WHERE paper_id = $1")
        .bind(paper)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    for (format, link) in formats {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO paper_formats (paper_id, format, link) VALUES ($1, $2, $3)",
        )
        .bind(paper)
        .bind(format.as_str())
        .bind(link.trim())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Adds a paper to `engagement` (or one of its events), unpublished. Run inside a transaction.
pub(in crate::papers) async fn create(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    engagement: Uuid,
    paper: &PaperInput,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO papers (id, organisation_id, engagement_id, event_id, title, description, published_at, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7)",
    )
    .bind(id)
    .bind(organisation)
    .bind(engagement)
    .bind(paper.event)
    .bind(paper.title.trim())
    .bind(paper.description.trim())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    insert_formats(ex, id, &paper.formats).await?;
    Ok(id)
}

/// Changes a paper's event, title, description and formats. Run inside a transaction.
pub(in crate::papers) async fn update(
    ex: &mut Ex<'_>,
    id: Uuid,
    paper: &PaperInput,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE papers SET event_id = $2, title = $3, description = $4, updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(paper.event)
    .bind(paper.title.trim())
    .bind(paper.description.trim())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    insert_formats(ex, id, &paper.formats).await
}

/// Publishes a paper at `at`, or unpublishes it with `None`.
pub(in crate::papers) async fn set_published(
    ex: &mut Ex<'_>,
    id: Uuid,
    at: Option<OffsetDateTime>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE papers SET published_at = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(at)
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes a paper and its formats. Run inside a transaction.
pub(in crate::papers) async fn delete(ex: &mut Ex<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM paper_formats WHERE paper_id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM papers WHERE id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Fills in each paper's formats, in [`PaperFormat::ALL`] order.
async fn with_formats(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    mut papers: Vec<PaperRow>,
) -> Result<Vec<PaperRow>, sqlx::Error> {
    let rows: Vec<FormatRow> = on!(ex.re(), c => sqlx::query_as(
        "SELECT f.paper_id, f.format, f.link FROM paper_formats f JOIN papers p ON p.id = f.paper_id \
         WHERE p.engagement_id = $1",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)?;
    for paper in &mut papers {
        paper.formats = PaperFormat::ALL
            .iter()
            .filter_map(|format| {
                rows.iter()
                    .find(|r| r.paper_id == paper.id && r.format == format.as_str())
                    .map(|r| (*format, r.link.clone()))
            })
            .collect();
    }
    Ok(papers)
}

/// Every paper of an engagement and its events: the engagement's own first, then by when added.
pub(in crate::papers) async fn of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<PaperRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM papers WHERE engagement_id = $1 \
         ORDER BY CASE WHEN event_id IS NULL THEN 0 ELSE 1 END, created_at, id"
    );
    let papers = on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(engagement).fetch_all(c).await)?;
    with_formats(ex, engagement, papers).await
}

/// The paper `id`, if it belongs to `engagement`.
pub(in crate::papers) async fn find(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    id: Uuid,
) -> Result<Option<PaperRow>, sqlx::Error> {
    Ok(of_engagement(ex, engagement)
        .await?
        .into_iter()
        .find(|p| p.id == id))
}

/// The papers that go with an event: its own, and those of its whole engagement.
pub(in crate::papers) async fn for_event(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    event: Uuid,
) -> Result<Vec<PaperRow>, sqlx::Error> {
    Ok(of_engagement(ex, engagement)
        .await?
        .into_iter()
        .filter(|p| p.event_id.is_none_or(|e| e == event))
        .collect())
}
