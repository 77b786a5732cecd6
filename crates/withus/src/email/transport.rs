//! Delivery: SMTP in production, `.eml` files in development.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment as Part, Mailbox, Message, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::outbox::{Attachment, OutboxRow};
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

    pub async fn send(
        &self,
        from: &Mailbox,
        row: &OutboxRow,
        files: &[Attachment],
        host: &str,
    ) -> Result<(), String> {
        let message = build(from, row, files, host)?;
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

/// The message as sent: plain text alone, or plain text with an HTML alternative, with any files
/// attached after the words.
pub fn build(
    from: &Mailbox,
    row: &OutboxRow,
    files: &[Attachment],
    host: &str,
) -> Result<Message, String> {
    let to: Mailbox = row
        .to_address
        .parse()
        .map_err(|e| format!("bad recipient address: {e}"))?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&row.subject)
        // Derived from the outbox id: a repeat after a crash is visibly the same message.
        .message_id(Some(format!("<{}@{}>", row.id, host)));
    // RFC 8058 one-click unsubscribe, only on notices the person may decline.
    if let Some(url) = &row.unsubscribe_url {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let built = if row.body_html.is_none() && files.is_empty() {
        builder
            .header(ContentType::TEXT_PLAIN)
            .body(row.body_text.clone())
    } else {
        let words = match &row.body_html {
            Some(html) => MultiPart::alternative_plain_html(row.body_text.clone(), html.clone()),
            None => MultiPart::mixed().singlepart(SinglePart::plain(row.body_text.clone())),
        };
        let mut whole = MultiPart::mixed().multipart(words);
        for file in files {
            let kind = ContentType::parse(&file.content_type)
                .map_err(|e| format!("bad attachment type {}: {e}", file.content_type))?;
            whole =
                whole.singlepart(Part::new(file.filename.clone()).body(file.content.clone(), kind));
        }
        builder.multipart(whole)
    };
    built.map_err(|e| format!("could not build the message: {e}"))
}

pub fn parse_from(value: &str) -> Result<Mailbox, TransportError> {
    value
        .parse()
        .map_err(|_| TransportError::From(value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unsubscribe_url: Option<&str>) -> OutboxRow {
        OutboxRow {
            id: uuid::Uuid::now_v7(),
            to_address: "sam@example.org".into(),
            subject: "Hello".into(),
            body_text: "Words".into(),
            body_html: None,
            unsubscribe_url: unsubscribe_url.map(str::to_owned),
            status: "pending".into(),
            attempts: 0,
            last_error: None,
            created_at: crate::db::now(),
            sent_at: None,
        }
    }

    fn headers(row: &OutboxRow) -> String {
        let from = parse_from("Withus <no-reply@withus.example>").unwrap();
        String::from_utf8(
            build(&from, row, &[], "withus.example")
                .unwrap()
                .formatted(),
        )
        .unwrap()
    }

    #[test]
    fn optional_notices_carry_one_click_unsubscribe_and_others_do_not() {
        let with = headers(&row(Some("https://withus.example/unsubscribe/p/t")));
        assert!(
            with.contains("List-Unsubscribe: <https://withus.example/unsubscribe/p/t>"),
            "{with}"
        );
        assert!(
            with.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            "{with}"
        );
        let without = headers(&row(None));
        assert!(!without.contains("List-Unsubscribe"), "{without}");
    }
}
