//! Configuration, read from environment variables only (documented in the README).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::db::{DatabaseUrl, DatabaseUrlError};
use crate::security::field_crypto::{KeyRing, KeyRingError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Clone)]
pub enum MailTransport {
    /// Real delivery, e.g. `smtps://user:password@smtp.example.org:465`.
    Smtp { url: String },
    /// Development: each email is written as an `.eml` file into this folder.
    Files { dir: PathBuf },
}

/// How to reach GOV.UK Notify.
#[derive(Debug, Clone)]
pub struct NotifySettings {
    pub api_key: String,
    pub sms_template: String,
    pub base_url: String,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub addr: SocketAddr,
    pub database_url: DatabaseUrl,
    pub data_dir: PathBuf,
    /// Links in emails start with this. Defaults to `http://` plus the bound address.
    pub public_url: Option<String>,
    /// Shown in the header: the deploying organisation's name for its Withus.
    pub service_name: String,
    pub mail_transport: MailTransport,
    pub mail_from: String,
    /// Text messages are written as files into this folder (WITHUS_SMS_DIR; in the demo,
    /// `$WITHUS_DATA_DIR/sms`). Without it no text messages are sent: people who asked for them
    /// are reached by their next channel.
    pub sms_dir: Option<PathBuf>,
    /// GOV.UK Notify for text messages: the API key, the id of a text template whose whole
    /// content is `((message))`, and Notify's address. Takes the place of `sms_dir`.
    pub notify: Option<NotifySettings>,
    /// The shared secret the text message provider sends with delivery receipts
    /// (WITHUS_SMS_RECEIPT_TOKEN); without it receipts are not accepted.
    pub sms_receipt_token: Option<String>,
    pub session_idle: Duration,
    pub max_body_bytes: usize,
    pub log_format: LogFormat,
    pub secure_cookies: bool,
    pub key_source: KeySource,
    /// Demo mode: demo data and the page listing sent emails.
    pub demo: bool,
    /// How long before an event booked people are reminded by email.
    pub event_reminder: time::Duration,
    /// Whether the reminder and upload-expiry sweeps run in the background. Off only where
    /// something else drives them with its own clock (the tests).
    pub background_sweeps: bool,
}

#[derive(Debug, Clone)]
pub enum KeySource {
    Inline {
        spec: String,
        active: Option<u8>,
    },
    File {
        path: PathBuf,
        active: Option<u8>,
    },
    /// No key given: on SQLite, one is generated into the data folder on first start.
    GenerateInDataDir,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "set both WITHUS_NOTIFY_API_KEY and WITHUS_NOTIFY_SMS_TEMPLATE (the id of a text template whose content is ((message))), or neither"
    )]
    NotifyIncomplete,
    #[error("WITHUS_ADDR \"{value}\" is not an address like 127.0.0.1:8080 or 0.0.0.0:80")]
    Addr { value: String },
    #[error("{0}")]
    DatabaseUrl(#[from] DatabaseUrlError),
    #[error("{name} \"{value}\" must be a whole number{hint}")]
    Number {
        name: &'static str,
        value: String,
        hint: &'static str,
    },
    #[error("{name} \"{value}\" must be one of: {allowed}")]
    Choice {
        name: &'static str,
        value: String,
        allowed: &'static str,
    },
    #[error(
        "PostgreSQL needs an encryption key shared by every instance. Set WITHUS_ENCRYPTION_KEYS or \
         WITHUS_ENCRYPTION_KEY_FILE (run `withus keys generate` to make one)"
    )]
    KeyRequired,
    #[error("{0}")]
    Keys(#[from] KeyRingError),
}

impl Config {
    /// Reads the configuration through `var`, so tests can supply their own environment.
    pub fn from_vars(
        var: impl Fn(&str) -> Option<String>,
        demo: bool,
    ) -> Result<Config, ConfigError> {
        let get = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let addr_raw = get("WITHUS_ADDR").unwrap_or_else(|| "127.0.0.1:8080".into());
        let addr = addr_raw.trim().parse().map_err(|_| ConfigError::Addr {
            value: addr_raw.clone(),
        })?;
        let data_dir =
            PathBuf::from(get("WITHUS_DATA_DIR").unwrap_or_else(|| "withus-data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(raw) => DatabaseUrl::parse(&raw)?,
            None => DatabaseUrl::parse(&format!(
                "sqlite://{}",
                data_dir.join("withus.db").display()
            ))?,
        };
        let mail_transport = match get("WITHUS_SMTP_URL") {
            Some(url) => MailTransport::Smtp { url },
            None => MailTransport::Files {
                dir: get("WITHUS_MAIL_DIR")
                    .map(PathBuf::from)
                    .unwrap_or_else(|| data_dir.join("mail")),
            },
        };
        let active = match get("WITHUS_ENCRYPTION_ACTIVE_KEY") {
            Some(value) => Some(
                value
                    .trim()
                    .parse::<u8>()
                    .map_err(|_| ConfigError::Number {
                        name: "WITHUS_ENCRYPTION_ACTIVE_KEY",
                        value,
                        hint: " from 1 to 255",
                    })?,
            ),
            None => None,
        };
        let key_source = match (
            get("WITHUS_ENCRYPTION_KEYS"),
            get("WITHUS_ENCRYPTION_KEY_FILE"),
        ) {
            (Some(spec), _) => KeySource::Inline { spec, active },
            (None, Some(path)) => KeySource::File {
                path: path.into(),
                active,
            },
            (None, None) if database_url.is_sqlite() => KeySource::GenerateInDataDir,
            (None, None) => return Err(ConfigError::KeyRequired),
        };
        let minutes = number(
            &get,
            "WITHUS_SESSION_IDLE_MINUTES",
            30,
            " of minutes, such as 30",
        )?;
        let max_body_bytes = number(
            &get,
            "WITHUS_MAX_BODY_BYTES",
            1024 * 1024,
            " of bytes, such as 1048576",
        )?;
        let reminder_hours = number(
            &get,
            "WITHUS_EVENT_REMINDER_HOURS",
            48,
            " of hours, such as 48",
        )?;
        let log_format = match get("WITHUS_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("human") => LogFormat::Human,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::Choice {
                    name: "WITHUS_LOG_FORMAT",
                    value: other.into(),
                    allowed: "human, json",
                });
            }
        };
        let background_sweeps = match get("WITHUS_BACKGROUND_SWEEPS").as_deref().map(str::trim) {
            None | Some("on") => true,
            Some("off") => false,
            Some(other) => {
                return Err(ConfigError::Choice {
                    name: "WITHUS_BACKGROUND_SWEEPS",
                    value: other.into(),
                    allowed: "on, off",
                });
            }
        };
        let secure_cookies = match get("WITHUS_SECURE_COOKIES").as_deref().map(str::trim) {
            None | Some("true") => true,
            Some("false") => false,
            Some(other) => {
                return Err(ConfigError::Choice {
                    name: "WITHUS_SECURE_COOKIES",
                    value: other.into(),
                    allowed: "true, false",
                });
            }
        };
        let notify = match (
            get("WITHUS_NOTIFY_API_KEY"),
            get("WITHUS_NOTIFY_SMS_TEMPLATE"),
        ) {
            (Some(api_key), Some(sms_template)) => Some(NotifySettings {
                api_key,
                sms_template,
                base_url: get("WITHUS_NOTIFY_URL")
                    .unwrap_or_else(|| "https://api.notifications.service.gov.uk".into()),
            }),
            (None, None) => None,
            _ => return Err(ConfigError::NotifyIncomplete),
        };
        let sms_dir = get("WITHUS_SMS_DIR")
            .map(PathBuf::from)
            .or_else(|| demo.then(|| data_dir.join("sms")));
        Ok(Config {
            addr,
            database_url,
            data_dir,
            public_url: get("WITHUS_PUBLIC_URL").map(|u| u.trim().trim_end_matches('/').to_owned()),
            service_name: get("WITHUS_ORGANISATION_NAME").unwrap_or_else(|| "Withus".into()),
            mail_transport,
            sms_dir,
            notify,
            sms_receipt_token: get("WITHUS_SMS_RECEIPT_TOKEN").filter(|t| !t.trim().is_empty()),
            mail_from: get("WITHUS_MAIL_FROM")
                .unwrap_or_else(|| "Withus <no-reply@withus.invalid>".into()),
            session_idle: Duration::from_secs(minutes as u64 * 60),
            max_body_bytes,
            log_format,
            secure_cookies,
            key_source,
            demo,
            event_reminder: time::Duration::hours(reminder_hours as i64),
            background_sweeps,
        })
    }

    pub fn from_env(demo: bool) -> Result<Config, ConfigError> {
        Config::from_vars(|name| std::env::var(name).ok(), demo)
    }

    /// Loads the encryption keys, generating a key file in the data folder when allowed.
    pub fn load_keys(&self) -> Result<KeyRing, ConfigError> {
        Ok(match &self.key_source {
            KeySource::Inline { spec, active } => KeyRing::parse(spec, *active)?,
            KeySource::File { path, active } => KeyRing::from_file(path, *active)?,
            KeySource::GenerateInDataDir => {
                let path = self.data_dir.join("encryption-keys");
                if !path.exists() {
                    std::fs::create_dir_all(&self.data_dir).map_err(|e| KeyRingError::File {
                        path: self.data_dir.display().to_string(),
                        reason: e.to_string(),
                    })?;
                    write_private(&path, &format!("{}\n", KeyRing::generate_entry(1)))?;
                    tracing::warn!(path = %path.display(), "generated an encryption key; back this file up with the database");
                }
                KeyRing::from_file(&path, None)?
            }
        })
    }
}

fn number(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: usize,
    hint: &'static str,
) -> Result<usize, ConfigError> {
    match get(name) {
        None => Ok(default),
        Some(value) => match value.trim().parse::<usize>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(ConfigError::Number { name, value, hint }),
        },
    }
}

fn write_private(path: &std::path::Path, contents: &str) -> Result<(), KeyRingError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let to_error = |e: std::io::Error| KeyRingError::File {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut file = options.open(path).map_err(to_error)?;
    file.write_all(contents.as_bytes()).map_err(to_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_vars(|name| map.get(name).cloned(), false)
    }

    #[test]
    fn defaults_to_embedded_sqlite_on_localhost() {
        let c = config(&[]).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert!(c.database_url.is_sqlite());
        assert!(
            c.database_url
                .to_string()
                .ends_with("withus-data/withus.db")
        );
        assert!(matches!(c.key_source, KeySource::GenerateInDataDir));
        assert!(c.background_sweeps, "reminders run unless switched off");
    }

    #[test]
    fn notify_needs_its_key_and_its_template_together() {
        let e = config(&[("WITHUS_NOTIFY_API_KEY", "k")]).unwrap_err();
        assert!(matches!(e, ConfigError::NotifyIncomplete));
        let c = config(&[
            ("WITHUS_NOTIFY_API_KEY", "k"),
            ("WITHUS_NOTIFY_SMS_TEMPLATE", "t"),
        ])
        .unwrap();
        let notify = c.notify.unwrap();
        assert_eq!(notify.base_url, "https://api.notifications.service.gov.uk");
        assert!(config(&[]).unwrap().notify.is_none());
    }

    #[test]
    fn background_sweeps_can_be_switched_off_and_nothing_else() {
        assert!(
            !config(&[("WITHUS_BACKGROUND_SWEEPS", "off")])
                .unwrap()
                .background_sweeps
        );
        let e = config(&[("WITHUS_BACKGROUND_SWEEPS", "no")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("WITHUS_BACKGROUND_SWEEPS") && e.contains("on, off"),
            "{e}"
        );
    }

    #[test]
    fn bad_values_name_the_variable_and_the_fix() {
        let e = config(&[("WITHUS_ADDR", "localhost")])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("WITHUS_ADDR") && e.contains("127.0.0.1:8080"),
            "{e}"
        );
        let e = config(&[("DATABASE_URL", "mysql://x/y")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("postgres://"), "{e}");
        let e = config(&[("WITHUS_SESSION_IDLE_MINUTES", "soon")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("WITHUS_SESSION_IDLE_MINUTES"), "{e}");
        let e = config(&[("DATABASE_URL", "postgres://localhost/withus")]).unwrap_err();
        assert!(matches!(e, ConfigError::KeyRequired));
    }
}
