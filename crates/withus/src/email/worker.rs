//! The background worker that drains the outbox.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use tokio::sync::{Notify, watch};

use super::outbox;
use super::transport::Transport;
use crate::db::Db;

pub struct Worker {
    pub db: Db,
    pub transport: Arc<Transport>,
    pub from: Mailbox,
    /// Host part of Message-IDs.
    pub host: String,
}

impl Worker {
    /// Sends every due email once. Returns how many were sent.
    pub async fn drain_once(&self) -> Result<usize, sqlx::Error> {
        let mut sent = 0;
        loop {
            let batch = outbox::claim(&self.db, 20).await?;
            if batch.is_empty() {
                return Ok(sent);
            }
            for row in batch {
                let files = {
                    let mut conn = self.db.acquire().await?;
                    outbox::attachments(&mut conn.ex(), row.id).await?
                };
                match self
                    .transport
                    .send(&self.from, &row, &files, &self.host)
                    .await
                {
                    Ok(()) => {
                        outbox::mark_sent(&self.db, row.id).await?;
                        metrics::counter!("withus_emails_sent_total").increment(1);
                        sent += 1;
                    }
                    Err(error) => {
                        tracing::warn!(email_id = %row.id, attempts = row.attempts, %error, "email delivery failed");
                        metrics::counter!("withus_email_failures_total").increment(1);
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
                tracing::error!(%error, "the email worker could not read the outbox");
            }
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}
