//! What every request handler can reach.

use std::sync::Arc;

use metrics_exporter_prometheus::PrometheusHandle;
use tokio::sync::Notify;

use crate::config::Config;
use crate::db::Db;
use crate::security::field_crypto::KeyRing;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: Arc<KeyRing>,
    /// Wakes the email worker when a request has queued an email.
    pub mail_wake: Arc<Notify>,
    pub metrics: Option<PrometheusHandle>,
    /// Start of every link in emails, e.g. `https://withus.example.org`.
    pub public_url: Arc<str>,
}

impl AppState {
    /// What the notices door needs to send.
    pub fn door(&self) -> crate::notices::Door<'_> {
        crate::notices::Door {
            keys: &self.keys,
            sms: self.config.sms_dir.is_some() || self.config.notify.is_some(),
        }
    }

    pub fn link(&self, path: &str) -> String {
        format!("{}{}", self.public_url, path)
    }
}
