//! Uploads that are never confirmed do not wait for ever: a spreadsheet of people is personal data,
//! kept only as long as the import needs it. A background sweep empties every upload not imported
//! within [`KEEP_FOR`] and marks it expired; the facilitator uploads the file again if they still
//! want it. The same sweep finishes any import that the process stopped during.

use std::time::Duration as StdDuration;

use serde_json::json;
use time::{Duration, OffsetDateTime};
use tokio::sync::watch;

use super::storage as batches;
use crate::audit::{self, Action, Entry};
use crate::state::AppState;

/// How long an upload waits to be imported before its contents are deleted.
pub const KEEP_FOR: Duration = Duration::days(7);

/// How often the sweep runs.
const EVERY: StdDuration = StdDuration::from_secs(60 * 60);

/// Expires every upload older than [`KEEP_FOR`] at `now`, each in its own transaction with its audit
/// entry; returns how many.
pub async fn sweep(state: &AppState, now: OffsetDateTime) -> Result<usize, sqlx::Error> {
    let stale = {
        let mut conn = state.db.acquire().await?;
        batches::waiting_since(&mut conn.ex(), now - KEEP_FOR).await?
    };
    let mut expired = 0;
    for batch in stale {
        let mut tx = state.db.begin().await?;
        if !batches::mark_expired(&mut tx.ex(), batch.id).await? {
            continue;
        }
        audit::record(
            &mut tx.ex(),
            Entry::new(Action::ImportExpired, "import_batch", batch.id)
                .in_organisation(batch.organisation_id)
                .with(json!({ "kept_for_days": KEEP_FOR.whole_days() })),
        )
        .await?;
        tx.commit().await?;
        expired += 1;
    }
    Ok(expired)
}

/// Sweeps now and then every hour, until `shutdown` changes.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    loop {
        match sweep(&state, crate::db::now()).await {
            Ok(0) => {}
            Ok(expired) => tracing::info!(expired, "unconfirmed imports deleted"),
            Err(error) => tracing::error!(%error, "the import expiry sweep could not run"),
        }
        // An import the process stopped during (a restart, a crash) carries on where it was.
        match super::apply::resume_interrupted(&state.db, &state.keys).await {
            Ok(0) => {}
            Ok(resumed) => tracing::info!(resumed, "interrupted imports finished"),
            Err(error) => tracing::error!(%error, "an interrupted import could not carry on"),
        }
        tokio::select! {
            _ = tokio::time::sleep(EVERY) => {}
            _ = shutdown.changed() => return,
        }
    }
}
