//! Whose record a page is about: the signed-in person's own, or a person staff act for. The same
//! forms serve both; only the addresses, the wording and the audit trail differ.

use uuid::Uuid;

use crate::db::Ex;
use crate::organisations::domain::Role;
use crate::register::consents::Actor;
use crate::register::domain::Channel;
use crate::register::record::visibility::{Relation, Visibility, relation, visibility};
use crate::register::storage::{self as rows, PersonRow};
use crate::state::AppState;
use crate::web::{AppError, Page};

pub struct Subject {
    pub person: PersonRow,
    /// Where this person's pages live: `/your-data` or `/organisations/{org}/people/{id}`.
    pub base: String,
    pub actor: Actor,
    /// Organisations whose monitoring questions apply.
    pub organisations: Vec<Uuid>,
    pub seen: Visibility,
    /// How the acting organisation stands to the person (`Host` for the person's own pages).
    pub relation: Relation,
}

impl Subject {
    pub fn is_own(&self) -> bool {
        self.actor.organisation.is_none()
    }

    pub fn link(&self, tail: &str) -> String {
        format!("{}{tail}", self.base)
    }
}

/// The signed-in person's own record; not found if they are not on the register.
pub async fn own(state: &AppState, page: &Page) -> Result<Subject, AppError> {
    let account = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let mut conn = state.db.acquire().await?;
    let person = rows::person_of_account(&mut conn.ex(), account)
        .await?
        .filter(|p| p.erased_at.is_none())
        .ok_or(AppError::NotFound)?;
    let organisations = rows::memberships_of(&mut conn.ex(), person.id)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    Ok(Subject {
        person,
        base: "/your-data".into(),
        actor: Actor {
            account: Some(account),
            organisation: None,
            channel: Channel::Online,
        },
        organisations,
        seen: Visibility {
            listed: true,
            contact: true,
            preferences: true,
            access_needs: true,
            monitoring: true,
        },
        relation: Relation::Host,
    })
}

/// A person as staff of `organisation` may see them; not found unless they may see them at all.
pub async fn seen_by_staff(
    state: &AppState,
    page: &Page,
    organisation: Uuid,
    person_id: &str,
) -> Result<Subject, AppError> {
    let person_id = Uuid::parse_str(person_id).map_err(|_| AppError::NotFound)?;
    let user = page.ctx.user.as_ref().ok_or(AppError::Forbidden)?;
    let mut conn = state.db.acquire().await?;
    let staff = Staff {
        account: user.id,
        organisation,
        role: user.role_in(organisation),
        is_site_admin: user.is_site_admin,
    };
    seen_as(&mut conn.ex(), staff, person_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// A member of staff acting for their organisation.
#[derive(Debug, Clone, Copy)]
pub struct Staff {
    pub account: Uuid,
    pub organisation: Uuid,
    pub role: Option<Role>,
    pub is_site_admin: bool,
}

/// A person as `staff` may see them, for work done outside a request (the demo's bookings);
/// `None` unless they may see them at all.
pub async fn seen_as(
    ex: &mut Ex<'_>,
    staff: Staff,
    person_id: Uuid,
) -> Result<Option<Subject>, sqlx::Error> {
    let Some(person) = rows::find_person(ex, person_id)
        .await?
        .filter(|p| p.erased_at.is_none())
    else {
        return Ok(None);
    };
    let relation = relation(ex, person.id, staff.organisation).await?;
    let seen = visibility(staff.role, staff.is_site_admin, &relation);
    if !seen.listed {
        return Ok(None);
    }
    Ok(Some(Subject {
        person,
        base: format!("/organisations/{}/people/{person_id}", staff.organisation),
        actor: Actor {
            account: Some(staff.account),
            organisation: Some(staff.organisation),
            channel: Channel::Phone,
        },
        organisations: vec![staff.organisation],
        seen,
        relation,
    }))
}

/// A person staff of a hosting organisation may change on the person's behalf.
pub async fn editable_by_staff(
    state: &AppState,
    page: &Page,
    organisation: Uuid,
    person_id: &str,
) -> Result<Subject, AppError> {
    let subject = seen_by_staff(state, page, organisation, person_id).await?;
    if subject.relation == Relation::Host {
        Ok(subject)
    } else {
        Err(AppError::NotFound)
    }
}
