//! Account-level domain types.

use crate::security::passwords::NewPassword;
use crate::web::forms::Problem;

/// An email address, lower-cased and trimmed. Checked for shape only: the real test is whether the
/// person receives our email.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailProblem {
    Empty,
    Format,
    TooLong,
}

impl EmailProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            EmailProblem::Empty => "email-error-empty",
            EmailProblem::Format => "email-error-format",
            EmailProblem::TooLong => "email-error-too-long",
        }
    }
}

/// The longest email address accepted anywhere (RFC 5321's limit on a path, less the angle
/// brackets). Checked before any query, so an over-long value never reaches an index.
pub const EMAIL_MAX_CHARS: usize = 254;

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<EmailAddress, EmailProblem> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(EmailProblem::Empty);
        }
        if value.chars().count() > EMAIL_MAX_CHARS {
            return Err(EmailProblem::TooLong);
        }
        let Some((local, domain)) = value.rsplit_once('@') else {
            return Err(EmailProblem::Format);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok =
            !local.is_empty() && !local.contains(char::is_whitespace) && !local.contains('@');
        if !(domain_ok && local_ok) {
            return Err(EmailProblem::Format);
        }
        Ok(EmailAddress(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The name a person wants to be called by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisplayNameProblem {
    Empty,
    TooLong,
}

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<DisplayName, DisplayNameProblem> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(DisplayNameProblem::Empty);
        }
        if value.chars().count() > Self::MAX_CHARS {
            return Err(DisplayNameProblem::TooLong);
        }
        Ok(DisplayName(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password typed twice: the rules' problem against `password`, a mismatch against
/// `confirm_password`.
pub fn check_new_password(password: &str, confirm: &str) -> Result<NewPassword, Vec<Problem>> {
    let mut problems = Vec::new();
    let parsed = NewPassword::parse(password)
        .map_err(|problem| problems.push(Problem::new("password", problem.message_key())))
        .ok();
    if confirm != password {
        problems.push(Problem::new("confirm_password", "password-error-mismatch"));
    }
    match parsed {
        Some(password) if problems.is_empty() => Ok(password),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_password_must_meet_the_rules_and_be_typed_the_same_twice() {
        assert!(check_new_password("correct horse", "correct horse").is_ok());
        let Err(short) = check_new_password("short", "shorter") else {
            panic!("a new password with problems was accepted");
        };
        assert_eq!(
            short,
            [
                Problem::new("password", "password-error-too-short"),
                Problem::new("confirm_password", "password-error-mismatch"),
            ]
        );
        let Err(typo) = check_new_password("correct horse", "correct hose") else {
            panic!("a new password with problems was accepted");
        };
        assert_eq!(
            typo,
            [Problem::new("confirm_password", "password-error-mismatch")]
        );
    }

    #[test]
    fn email_addresses_are_normalised_and_checked() {
        assert_eq!(
            EmailAddress::parse(" Maya@Example.ORG ").unwrap().as_str(),
            "maya@example.org"
        );
        assert_eq!(EmailAddress::parse(""), Err(EmailProblem::Empty));
        for bad in [
            "maya",
            "maya@",
            "@example.org",
            "maya@example",
            "ma ya@example.org",
            "maya@exa..mple.org",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailProblem::Format), "{bad}");
        }
        let longest = format!("{}@example.org", "a".repeat(EMAIL_MAX_CHARS - 12));
        assert!(EmailAddress::parse(&longest).is_ok());
        assert_eq!(
            EmailAddress::parse(&format!("a{longest}")),
            Err(EmailProblem::TooLong)
        );
    }

    #[test]
    fn display_names_are_tidied() {
        assert_eq!(
            DisplayName::parse("  Maya   Patel ").unwrap().as_str(),
            "Maya Patel"
        );
        assert_eq!(DisplayName::parse(" "), Err(DisplayNameProblem::Empty));
    }
}
