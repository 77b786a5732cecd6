//! Parsing `DATABASE_URL` into a backend choice, with errors that say how to fix the value.

use std::fmt;

/// A database URL whose backend is known.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DatabaseUrlError {
    #[error(
        "DATABASE_URL is empty. Leave it unset to use the embedded SQLite database, or set it to \
         sqlite://path/to/withus.db or postgres://user:password@host:5432/database"
    )]
    Empty,
    #[error(
        "DATABASE_URL starts with \"{scheme}\", which Withus does not support. Use sqlite://path/to/withus.db \
         or postgres://user:password@host:5432/database"
    )]
    UnsupportedScheme { scheme: String },
    #[error(
        "DATABASE_URL has no scheme. Write it as sqlite://path/to/withus.db or \
         postgres://user:password@host:5432/database"
    )]
    MissingScheme,
    #[error(
        "DATABASE_URL names no database after \"{scheme}://\". Add a file path or a host and database name"
    )]
    MissingLocation { scheme: String },
    #[error(
        "DATABASE_URL is not a valid URL ({reason}). Check for spaces or unescaped characters in the password"
    )]
    Malformed { reason: String },
}

impl DatabaseUrl {
    pub fn parse(raw: &str) -> Result<DatabaseUrl, DatabaseUrlError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(DatabaseUrlError::Empty);
        }
        let Some((scheme, rest)) = raw.split_once(':') else {
            return Err(DatabaseUrlError::MissingScheme);
        };
        let rest = rest.trim_start_matches("//");
        match scheme {
            "sqlite" => {
                if rest.is_empty() {
                    return Err(DatabaseUrlError::MissingLocation {
                        scheme: scheme.into(),
                    });
                }
                Ok(DatabaseUrl::Sqlite(raw.to_owned()))
            }
            "postgres" | "postgresql" => {
                let parsed = url::Url::parse(raw).map_err(|e| DatabaseUrlError::Malformed {
                    reason: e.to_string(),
                })?;
                if parsed.host_str().unwrap_or("").is_empty() && !raw.contains("host=") {
                    return Err(DatabaseUrlError::MissingLocation {
                        scheme: scheme.into(),
                    });
                }
                Ok(DatabaseUrl::Postgres(raw.to_owned()))
            }
            other if other.contains('/') || other.contains(' ') => {
                Err(DatabaseUrlError::MissingScheme)
            }
            other => Err(DatabaseUrlError::UnsupportedScheme {
                scheme: other.to_owned(),
            }),
        }
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, DatabaseUrl::Sqlite(_))
    }
}

/// Never prints the password.
impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(raw) => f.write_str(raw),
            DatabaseUrl::Postgres(raw) => match url::Url::parse(raw) {
                Ok(mut u) => {
                    if u.password().is_some() {
                        let _ = u.set_password(Some("****"));
                    }
                    f.write_str(u.as_str())
                }
                Err(_) => f.write_str("postgres://(unparseable)"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_backend_from_the_scheme() {
        assert!(
            DatabaseUrl::parse("sqlite://withus-data/withus.db")
                .unwrap()
                .is_sqlite()
        );
        assert!(
            !DatabaseUrl::parse("postgres://u:p@localhost/withus")
                .unwrap()
                .is_sqlite()
        );
        assert!(
            !DatabaseUrl::parse("postgresql://localhost/withus")
                .unwrap()
                .is_sqlite()
        );
    }

    #[test]
    fn explains_malformed_urls() {
        assert_eq!(DatabaseUrl::parse("  "), Err(DatabaseUrlError::Empty));
        assert_eq!(
            DatabaseUrl::parse("mysql://localhost/withus"),
            Err(DatabaseUrlError::UnsupportedScheme {
                scheme: "mysql".into()
            })
        );
        assert_eq!(
            DatabaseUrl::parse("withus.db"),
            Err(DatabaseUrlError::MissingScheme)
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite://"),
            Err(DatabaseUrlError::MissingLocation {
                scheme: "sqlite".into()
            })
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://user:pa ss@host:99999/db"),
            Err(DatabaseUrlError::Malformed { .. })
        ));
    }

    #[test]
    fn hides_the_password_when_shown() {
        let url = DatabaseUrl::parse("postgres://withus:secret@db.example:5432/withus").unwrap();
        assert!(!url.to_string().contains("secret"));
        assert!(!format!("{url:?}").contains("secret"));
    }
}
