//! The kinds of organisation and the roles people hold in them: what access rules are made of.

use std::fmt;

use crate::vocab::decoded_as_text;

/// What kind of body an organisation is. Shapes what it is likely to do in Withus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationKind {
    /// A disabled people's organisation or other user-led organisation.
    Dpo,
    Council,
    NhsBody,
    GovernmentDepartment,
    ServiceProvider,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 6] = [
        OrganisationKind::Dpo,
        OrganisationKind::Council,
        OrganisationKind::NhsBody,
        OrganisationKind::GovernmentDepartment,
        OrganisationKind::ServiceProvider,
        OrganisationKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::Dpo => "dpo",
            OrganisationKind::Council => "council",
            OrganisationKind::NhsBody => "nhs_body",
            OrganisationKind::GovernmentDepartment => "government_department",
            OrganisationKind::ServiceProvider => "service_provider",
            OrganisationKind::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
    }

    pub fn message_key(self) -> &'static str {
        match self {
            OrganisationKind::Dpo => "organisation-kind-dpo",
            OrganisationKind::Council => "organisation-kind-council",
            OrganisationKind::NhsBody => "organisation-kind-nhs-body",
            OrganisationKind::GovernmentDepartment => "organisation-kind-government-department",
            OrganisationKind::ServiceProvider => "organisation-kind-service-provider",
            OrganisationKind::Other => "organisation-kind-other",
        }
    }
}

decoded_as_text!(OrganisationKind, "organisation kind");

/// A role held through membership of one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// A person with lived experience.
    Member,
    Facilitator,
    Officer,
    OrganisationAdmin,
    /// Read-only oversight.
    Auditor,
    /// Approves and pays payments for time and expenses, and sees what that needs: bank details
    /// and the benefit limits people declare.
    FinanceOfficer,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Member,
        Role::Facilitator,
        Role::Officer,
        Role::OrganisationAdmin,
        Role::Auditor,
        Role::FinanceOfficer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Facilitator => "facilitator",
            Role::Officer => "officer",
            Role::OrganisationAdmin => "organisation_admin",
            Role::Auditor => "auditor",
            Role::FinanceOfficer => "finance_officer",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == value)
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Role::Member => "role-member",
            Role::Facilitator => "role-facilitator",
            Role::Officer => "role-officer",
            Role::OrganisationAdmin => "role-organisation-admin",
            Role::Auditor => "role-auditor",
            Role::FinanceOfficer => "role-finance-officer",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            Role::Member => "role-member-hint",
            Role::Facilitator => "role-facilitator-hint",
            Role::Officer => "role-officer-hint",
            Role::OrganisationAdmin => "role-organisation-admin-hint",
            Role::Auditor => "role-auditor-hint",
            Role::FinanceOfficer => "role-finance-officer-hint",
        }
    }
}

decoded_as_text!(Role, "role");

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles_round_trip_through_their_stored_names() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::parse(kind.as_str()), Some(kind));
        }
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("owner"), None);
    }
}
