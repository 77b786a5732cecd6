//! Who may see what about a person. Staff of the organisation hosting a panel see what their role
//! needs; staff of a partner organisation see only what the person agreed to share with that
//! organisation by name; nobody else sees the person at all.

use uuid::Uuid;

use crate::db::Ex;
use crate::organisations::domain::Role;
use crate::register::domain::{ShareScope, parse_scope};

/// How an organisation stands to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// The person is (or was) on a panel the organisation hosts.
    Host,
    /// The person consented to share these details with the organisation.
    Partner(Vec<ShareScope>),
    Unrelated,
}

/// What a viewer may see of one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Visibility {
    /// Their name and panel memberships.
    pub listed: bool,
    pub contact: bool,
    pub preferences: bool,
    pub access_needs: bool,
    pub monitoring: bool,
}

impl Visibility {
    pub const NOTHING: Visibility = Visibility {
        listed: false,
        contact: false,
        preferences: false,
        access_needs: false,
        monitoring: false,
    };
}

/// The single rule for seeing people's details.
pub fn visibility(role: Option<Role>, is_site_admin: bool, relation: &Relation) -> Visibility {
    use Role::*;
    match relation {
        Relation::Unrelated => Visibility::NOTHING,
        Relation::Host => match role {
            Some(Facilitator | OrganisationAdmin) => Visibility {
                listed: true,
                contact: true,
                preferences: true,
                access_needs: true,
                monitoring: true,
            },
            Some(Officer) => Visibility {
                listed: true,
                contact: true,
                preferences: true,
                access_needs: false,
                monitoring: false,
            },
            // Finance officers pay people, so they may find them by name; nothing more.
            Some(FinanceOfficer) => Visibility {
                listed: true,
                ..Visibility::NOTHING
            },
            // Site administrators run the service; they have no need for health or identity data.
            None if is_site_admin => Visibility {
                listed: true,
                contact: true,
                preferences: true,
                access_needs: false,
                monitoring: false,
            },
            _ => Visibility::NOTHING,
        },
        Relation::Partner(scopes) => match role {
            Some(Facilitator | Officer | OrganisationAdmin) => Visibility {
                listed: true,
                contact: scopes.contains(&ShareScope::Contact),
                preferences: scopes.contains(&ShareScope::Contact),
                access_needs: scopes.contains(&ShareScope::AccessNeeds),
                monitoring: scopes.contains(&ShareScope::Monitoring),
            },
            _ => Visibility::NOTHING,
        },
    }
}

/// Works out how an organisation stands to a person.
pub async fn relation(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
) -> Result<Relation, sqlx::Error> {
    if crate::register::storage::on_a_panel_of(ex, person, organisation).await? {
        return Ok(Relation::Host);
    }
    let scopes = crate::register::consents::shared_with(ex, person, organisation).await?;
    if scopes.is_empty() {
        return Ok(Relation::Unrelated);
    }
    let mut all: Vec<ShareScope> = scopes
        .iter()
        .flat_map(|s| parse_scope(s, ShareScope::parse))
        .collect();
    all.sort();
    all.dedup();
    Ok(Relation::Partner(all))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_see_only_what_was_shared_with_them() {
        let contact_only = Relation::Partner(vec![ShareScope::Contact]);
        let seen = visibility(Some(Role::Officer), false, &contact_only);
        assert!(seen.listed && seen.contact);
        assert!(!seen.access_needs && !seen.monitoring);
        let all = Relation::Partner(vec![ShareScope::AccessNeeds, ShareScope::Monitoring]);
        let seen = visibility(Some(Role::Facilitator), false, &all);
        assert!(seen.access_needs && seen.monitoring && !seen.contact);
    }

    #[test]
    fn members_auditors_and_strangers_see_nobody() {
        for relation in [
            Relation::Host,
            Relation::Partner(ShareScope::ALL.to_vec()),
            Relation::Unrelated,
        ] {
            for role in [Some(Role::Member), Some(Role::Auditor), None] {
                assert_eq!(
                    visibility(role, false, &relation),
                    Visibility::NOTHING,
                    "{role:?} {relation:?}"
                );
            }
        }
        assert_eq!(
            visibility(Some(Role::OrganisationAdmin), true, &Relation::Unrelated),
            Visibility::NOTHING
        );
    }

    #[test]
    fn host_officers_and_site_admins_never_see_special_category_data() {
        for (role, admin) in [(Some(Role::Officer), false), (None, true)] {
            let seen = visibility(role, admin, &Relation::Host);
            assert!(seen.listed);
            assert!(!seen.access_needs && !seen.monitoring);
        }
        let finance = visibility(Some(Role::FinanceOfficer), false, &Relation::Host);
        assert_eq!(
            finance,
            Visibility {
                listed: true,
                ..Visibility::NOTHING
            },
            "a finance officer finds people by name, and sees nothing else"
        );
        let facilitator = visibility(Some(Role::Facilitator), false, &Relation::Host);
        assert!(facilitator.access_needs && facilitator.monitoring);
    }
}
