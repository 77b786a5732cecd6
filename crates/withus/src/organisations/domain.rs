//! Organisations and the roles people hold in them.

pub use crate::identity::{OrganisationKind, Role};

/// The address block on an organisation's letters: up to eight lines, each trimmed, blank lines
/// dropped; empty means none is printed but the organisation's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalAddress(String);

impl PostalAddress {
    pub const MAX_LINES: usize = 8;
    pub const MAX_LINE_CHARS: usize = 100;

    /// The address, or which limit it breaks: too many lines, or a line too long.
    pub fn parse(raw: &str) -> Result<PostalAddress, crate::web::forms::Problem> {
        let lines: Vec<&str> = raw
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > Self::MAX_LINES {
            return Err(crate::web::forms::Problem::new(
                "address",
                "organisation-address-error-lines",
            )
            .with("max", Self::MAX_LINES));
        }
        if lines
            .iter()
            .any(|l| l.chars().count() > Self::MAX_LINE_CHARS)
        {
            return Err(crate::web::forms::Problem::new(
                "address",
                "organisation-address-error-line",
            )
            .with("max", Self::MAX_LINE_CHARS));
        }
        Ok(PostalAddress(lines.join("\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A name for an organisation: trimmed, not empty, not absurdly long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationNameProblem {
    Empty,
    TooLong,
}

impl OrganisationName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(raw: &str) -> Result<OrganisationName, OrganisationNameProblem> {
        let trimmed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if trimmed.is_empty() {
            return Err(OrganisationNameProblem::Empty);
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(OrganisationNameProblem::TooLong);
        }
        Ok(OrganisationName(trimmed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_names_are_tidied_and_checked() {
        assert_eq!(
            OrganisationName::parse("  Northtown   Council ")
                .unwrap()
                .as_str(),
            "Northtown Council"
        );
        assert_eq!(
            OrganisationName::parse("   "),
            Err(OrganisationNameProblem::Empty)
        );
        assert_eq!(
            OrganisationName::parse(&"a".repeat(201)),
            Err(OrganisationNameProblem::TooLong)
        );
    }
}
