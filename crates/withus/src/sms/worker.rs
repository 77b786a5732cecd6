//! The text message worker: claims due messages and hands them to the provider.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, watch};

use super::provider::Provider;
use super::storage as outbox;
use crate::db::Db;

pub struct Worker {
    pub db: Db,
    pub provider: Arc<dyn Provider>,
}

impl Worker {
    /// Sends every due message once. Returns how many the provider took.
    pub async fn drain_once(&self) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        loop {
            let batch = outbox::claim(&self.db, 20).await?;
            if batch.is_empty() {
                return Ok(sent);
            }
            for row in batch {
                match self.provider.send(row.id, &row.to_number, &row.body).await {
                    Ok(provider_id) => {
                        outbox::mark_sent(&self.db, row.id, &provider_id).await?;
                        sent += 1;
                    }
                    Err(error) => {
                        tracing::warn!(sms_id = %row.id, attempts = row.attempts, %error, "text message delivery failed");
                        outbox::mark_failed(&self.db, row.id, row.attempts, &error).await?;
                    }
                }
            }
        }
    }

    /// Runs until `shutdown` changes, waking when notified or every few seconds.
    pub async fn run(self, wake: Arc<Notify>, mut shutdown: watch::Receiver<bool>) {
        loop {
            if let Err(error) = self.drain_once().await {
                tracing::error!(%error, "the text message worker could not read its outbox");
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
