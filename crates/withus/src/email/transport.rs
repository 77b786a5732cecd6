//! Delivery: SMTP in production, `.eml` files in development.

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::outbox::OutboxRow;
use crate::config::MailTransport;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(AsyncFileTransport<Tokio1Executor>),
}

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error(
        "WITHUS_SMTP_URL is not a valid SMTP URL ({0}). Use smtps://user:password@host:465 or smtp://host:587?tls=required"
    )]
    SmtpUrl(String),
    #[error("could not create the mail folder {path}: {reason}")]
    MailDir { path: String, reason: String },
    #[error("WITHUS_MAIL_FROM \"{0}\" is not an address like Withus <no-reply@example.org>")]
    From(String),
}

impl Transport {
    pub fn from_config(config: &MailTransport) -> Result<Transport, TransportError> {
        match config {
            MailTransport::Smtp { url } => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|builder| Transport::Smtp(builder.build()))
                .map_err(|e| TransportError::SmtpUrl(e.to_string())),
            MailTransport::Files { dir } => {
                std::fs::create_dir_all(dir).map_err(|e| TransportError::MailDir {
                    path: dir.display().to_string(),
                    reason: e.to_string(),
                })?;
                Ok(Transport::Files(AsyncFileTransport::new(dir)))
            }
        }
    }

    pub async fn send(&self, from: &Mailbox, row: &OutboxRow, host: &str) -> Result<(), String> {
        let to: Mailbox = row
            .to_address
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&row.subject)
            // Derived from the outbox id: a repeat after a crash is visibly the same message.
            .message_id(Some(format!("<{}@{}>", row.id, host)))
            .header(ContentType::TEXT_PLAIN)
            .body(row.body_text.clone())
            .map_err(|e| format!("could not build the message: {e}"))?;
        match self {
            Transport::Smtp(smtp) => smtp
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transport::Files(files) => files
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| e.to_string()),
        }
    }
}

pub fn parse_from(value: &str) -> Result<Mailbox, TransportError> {
    value
        .parse()
        .map_err(|_| TransportError::From(value.to_owned()))
}
