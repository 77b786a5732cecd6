//! Storage of panels and the partner organisations they share with.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::Ex;
use crate::on;

// --- Panels --------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PanelRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub name: String,
    pub description: String,
    pub open_to_sign_up: bool,
    pub created_at: OffsetDateTime,
}

const PANEL_COLUMNS: &str = "p.id, p.organisation_id, o.name AS organisation_name, p.name, p.description, p.open_to_sign_up, p.created_at";

pub async fn create_panel(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    name: &str,
    description: &str,
    open_to_sign_up: bool,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO panels (id, organisation_id, name, description, open_to_sign_up, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(organisation)
    .bind(name)
    .bind(description)
    .bind(open_to_sign_up)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find_panel(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<PanelRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {PANEL_COLUMNS} FROM panels p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = $1"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// Panels an organisation hosts.
pub async fn panels_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<PanelRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {PANEL_COLUMNS} FROM panels p JOIN organisations o ON o.id = p.organisation_id WHERE p.organisation_id = $1 ORDER BY p.name"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_all(c).await)
}

/// Panels anyone can join, for the public list.
pub async fn open_panels(ex: &mut Ex<'_>) -> Result<Vec<PanelRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {PANEL_COLUMNS} FROM panels p JOIN organisations o ON o.id = p.organisation_id WHERE p.open_to_sign_up ORDER BY o.name, p.name"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(c).await)
}

pub async fn add_partner(
    ex: &mut Ex<'_>,
    panel: Uuid,
    organisation: Uuid,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO panel_partners (panel_id, organisation_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(panel)
    .bind(organisation)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerRow {
    pub organisation_id: Uuid,
    pub name: String,
}

/// Partner organisations of a panel.
pub async fn partners_of(ex: &mut Ex<'_>, panel: Uuid) -> Result<Vec<PartnerRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT o.id AS organisation_id, o.name FROM panel_partners pp JOIN organisations o ON o.id = pp.organisation_id \
         WHERE pp.panel_id = $1 ORDER BY o.name",
    )
    .bind(panel)
    .fetch_all(c)
    .await)
}

/// How many people are on the panel in each status.
pub(super) async fn count_by_status(
    ex: &mut Ex<'_>,
    panel: Uuid,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT status, COUNT(*) FROM panel_memberships WHERE panel_id = $1 GROUP BY status")
        .bind(panel)
        .fetch_all(c)
        .await)
}
