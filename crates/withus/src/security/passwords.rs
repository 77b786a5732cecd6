//! Password rules and hashing. NCSC guidance: a minimum length, no composition rules, allow paste and
//! password managers, and block only the most common passwords.

use argon2::{Argon2, Params};
use argon2::{PasswordHasher, PasswordVerifier};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 256;

/// A password that meets the rules, ready to hash.
pub struct NewPassword(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("password is empty")]
    Empty,
    #[error("password is too short")]
    TooShort,
    #[error("password is too long")]
    TooLong,
    #[error("password is too common")]
    TooCommon,
}

impl PasswordProblem {
    /// The message key shown to the person.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::Empty => "password-error-empty",
            PasswordProblem::TooShort => "password-error-too-short",
            PasswordProblem::TooLong => "password-error-too-long",
            PasswordProblem::TooCommon => "password-error-too-common",
        }
    }
}

/// Passwords seen most often in breach corpora, at or above the minimum length.
const COMMON: &[&str] = &[
    "1234567890",
    "123456789a",
    "qwertyuiop",
    "password12",
    "password123",
    "password1234",
    "iloveyou123",
    "1q2w3e4r5t",
    "qwerty1234",
    "0987654321",
    "1111111111",
    "abcdefghij",
    "letmein123",
    "welcome123",
    "passw0rd123",
    "administrator",
];

impl NewPassword {
    pub fn parse(raw: &str) -> Result<NewPassword, PasswordProblem> {
        let length = raw.chars().count();
        if length == 0 {
            return Err(PasswordProblem::Empty);
        }
        if length < MIN_LENGTH {
            return Err(PasswordProblem::TooShort);
        }
        if length > MAX_LENGTH {
            return Err(PasswordProblem::TooLong);
        }
        let lower = raw.to_lowercase();
        let first = lower.chars().next();
        if COMMON.contains(&lower.as_str()) || lower.chars().all(|c| Some(c) == first) {
            return Err(PasswordProblem::TooCommon);
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn hash(&self) -> String {
        hasher()
            .hash_password(self.0.as_bytes())
            .expect("argon2 hashing with valid parameters cannot fail")
            .to_string()
    }
}

fn hasher() -> Argon2<'static> {
    // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
    Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid"),
    )
}

/// Checks a password against a stored hash. Always does the same work when there is no hash, so that
/// response time does not reveal whether an account exists.
pub fn verify(candidate: &str, stored: Option<&str>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5e8p2p3jmo3wVR7hJb8yoPxz3bgkMj+1Lq8TUD8pXBE";
    let ok = hasher()
        .verify_password(candidate.as_bytes(), stored.unwrap_or(DUMMY))
        .is_ok();
    ok && stored.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_length_not_composition() {
        assert_eq!(NewPassword::parse("").err(), Some(PasswordProblem::Empty));
        assert_eq!(
            NewPassword::parse("short1!").err(),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            NewPassword::parse("Password123").err(),
            Some(PasswordProblem::TooCommon)
        );
        assert_eq!(
            NewPassword::parse("aaaaaaaaaaaa").err(),
            Some(PasswordProblem::TooCommon)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(300)).err(),
            Some(PasswordProblem::TooLong)
        );
        // All lower case letters and spaces are fine: no composition rules.
        assert!(NewPassword::parse("correct horse battery staple").is_ok());
    }

    #[test]
    fn hashes_verify_and_wrong_passwords_do_not() {
        let hash = NewPassword::parse("correct horse battery staple")
            .unwrap()
            .hash();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify("correct horse battery staple", Some(&hash)));
        assert!(!verify("correct horse battery stable", Some(&hash)));
        assert!(!verify("anything", None));
    }
}
