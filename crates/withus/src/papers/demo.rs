//! Demo papers: terms of reference for the DPO's co-production engagement, and an agenda for its
//! first event in standard, Easy Read and Welsh.

use uuid::Uuid;

use super::storage::{self, PaperInput};
use crate::access_plan::PaperFormat;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::on;

const SITE: &str = "https://northtown-dpf.example/papers";

fn formats(name: &str, formats: &[PaperFormat]) -> Vec<(PaperFormat, String)> {
    formats
        .iter()
        .map(|f| (*f, format!("{SITE}/{name}-{}.pdf", f.as_str())))
        .collect()
}

/// Adds the papers inside the demo's transaction, after the engagements and events.
pub async fn seed(ex: &mut Ex<'_>, dpo: Uuid) -> Result<(), sqlx::Error> {
    let found: Option<(Uuid, Option<Uuid>)> = on!(ex.re(), c => sqlx::query_as(
        "SELECT g.id, (SELECT e.id FROM events e WHERE e.engagement_id = g.id ORDER BY e.starts_at LIMIT 1) \
         FROM engagements g WHERE g.organisation_id = $1 AND g.rung = 'co_produce' ORDER BY g.created_at LIMIT 1",
    )
    .bind(dpo)
    .fetch_optional(c)
    .await)?;
    let Some((engagement, event)) = found else {
        return Ok(());
    };
    let mut papers = vec![PaperInput {
        event: None,
        title: "Terms of reference".into(),
        description: "Who is in the group, what it decides, and how we work together.".into(),
        formats: formats(
            "terms-of-reference",
            &[
                PaperFormat::Standard,
                PaperFormat::EasyRead,
                PaperFormat::Welsh,
            ],
        ),
    }];
    if let Some(event) = event {
        papers.push(PaperInput {
            event: Some(event),
            title: "Agenda".into(),
            description: "What we will talk about, and when the breaks are.".into(),
            formats: formats(
                "agenda",
                &[
                    PaperFormat::Standard,
                    PaperFormat::EasyRead,
                    PaperFormat::Welsh,
                ],
            ),
        });
    }
    for paper in &papers {
        let id = storage::create(ex, dpo, engagement, paper).await?;
        storage::set_published(ex, id, Some(crate::db::now())).await?;
        audit::record(
            ex,
            Entry::new(Action::PaperAdded, "paper", id)
                .in_organisation(dpo)
                .with(serde_json::json!({ "engagement": engagement, "demo": true })),
        )
        .await?;
    }
    Ok(())
}
