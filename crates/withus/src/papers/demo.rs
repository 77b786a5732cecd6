//! Demo papers: terms of reference for the DPO's co-production engagement, and an agenda for its
//! first event in standard, Easy Read and Welsh.

use uuid::Uuid;

use super::storage::{self, PaperInput};
use crate::access_plan::PaperFormat;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;

const SITE: &str = "https://northtown-dpf.example/papers";

fn formats(name: &str, formats: &[PaperFormat]) -> Vec<(PaperFormat, String)> {
    formats
        .iter()
        .map(|f| (*f, format!("{SITE}/{name}-{}.pdf", f.as_str())))
        .collect()
}

/// Adds the papers of the DPO's co-produced engagement, and of its first event, inside the
/// demo's transaction.
pub async fn seed(
    ex: &mut Ex<'_>,
    dpo: Uuid,
    engagement: Uuid,
    event: Option<Uuid>,
) -> Result<(), sqlx::Error> {
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
