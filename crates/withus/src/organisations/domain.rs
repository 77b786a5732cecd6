//! Organisations and the roles people hold in them.

pub use crate::identity::{OrganisationKind, Role};

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
