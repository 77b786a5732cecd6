//! Authorisation. Every route declares one [`Access`] rule in the route table, and [`enforce`] checks
//! it before the handler runs: there is no route without a rule, so access is denied unless granted.

use axum::extract::{RawPathParams, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::context::{CurrentUser, RequestContext};
use super::errors::AppError;
use super::page::Page;
use crate::identity::Role;
use crate::state::AppState;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in account.
    SignedIn,
    /// Site administrators only.
    SiteAdmin,
    /// A role in the organisation named by the route's `{org_id}` that grants the permission.
    Organisation(Permission),
    /// Only while running `withus demo`; absent in production.
    DemoOnly,
}

/// Something that can be done within one organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    ViewOrganisation,
    ViewMembers,
    InviteMembers,
    ViewAuditLog,
    /// Search the panel register and see people as [`crate::register::record::visibility`] allows.
    ViewRegister,
    /// Add people, edit their details on their behalf, import spreadsheets.
    ManageRegister,
    /// Create panels and choose their partners.
    ManagePanels,
    /// See the panel's make-up in counts with small numbers suppressed.
    ViewDiversity,
    /// Edit monitoring questions and population benchmarks.
    ManageQuestions,
    /// Track and complete subject access and erasure requests.
    HandleDataRequests,
    /// Choose working groups fairly from a panel: quotas, fair chances, the draw and invitations.
    RunSelection,
    /// See the engagements the organisation leads or is a partner in.
    ViewEngagements,
    /// Create and change engagements and their commitments, and publish them.
    ManageEngagements,
    /// Choose which ladder of participation's labels the organisation shows.
    ChooseLadderLabels,
    /// Change the organisation's own details, such as the address on its letters.
    ManageOrganisation,
    /// Approve payments and expense claims, make payment runs, and see the bank details and
    /// declared benefit limits that needs. Special-category data: never site administrators.
    ManagePayments,
    /// Keep the organisation's rate card, mileage rate and payment settings.
    SetPaymentRates,
    /// See what the organisation spends on paying people, per engagement, and export it.
    ViewSpend,
    /// Enter an expense claim for someone who phoned, posted it or came in.
    EnterExpenses,
}

impl Permission {
    /// The single place that says which roles may do what.
    pub fn granted_to(self, role: Option<Role>, is_site_admin: bool) -> bool {
        use Role::*;
        match self {
            Permission::ViewOrganisation => role.is_some() || is_site_admin,
            Permission::ViewMembers => {
                matches!(role, Some(OrganisationAdmin | Auditor)) || is_site_admin
            }
            Permission::InviteMembers => matches!(role, Some(OrganisationAdmin)) || is_site_admin,
            Permission::ViewAuditLog => {
                matches!(role, Some(OrganisationAdmin | Auditor)) || is_site_admin
            }
            Permission::ViewRegister | Permission::ManageEngagements => {
                matches!(role, Some(Facilitator | Officer | OrganisationAdmin)) || is_site_admin
            }
            Permission::ManageRegister
            | Permission::HandleDataRequests
            | Permission::RunSelection => {
                matches!(role, Some(Facilitator | OrganisationAdmin)) || is_site_admin
            }
            Permission::ManagePanels
            | Permission::ManageQuestions
            | Permission::ChooseLadderLabels
            | Permission::ManageOrganisation => {
                matches!(role, Some(OrganisationAdmin)) || is_site_admin
            }
            Permission::ManagePayments => matches!(role, Some(FinanceOfficer)),
            Permission::SetPaymentRates => {
                matches!(role, Some(FinanceOfficer | OrganisationAdmin)) || is_site_admin
            }
            Permission::EnterExpenses => {
                matches!(role, Some(Facilitator | OrganisationAdmin | FinanceOfficer))
            }
            Permission::ViewSpend => {
                matches!(role, Some(FinanceOfficer | OrganisationAdmin | Auditor)) || is_site_admin
            }
            Permission::ViewDiversity | Permission::ViewEngagements => {
                matches!(
                    role,
                    Some(Facilitator | Officer | OrganisationAdmin | Auditor)
                ) || is_site_admin
            }
        }
    }
}

/// Whether the person on this page holds `permission` in `organisation` (to show or hide links).
pub fn allowed(page: &Page, organisation: Uuid, permission: Permission) -> bool {
    page.ctx
        .user
        .as_ref()
        .is_some_and(|u| permission.granted_to(u.role_in(organisation), u.is_site_admin))
}

/// The organisation named in a path, parsed; a malformed id is simply not found.
pub fn organisation_in_path(params: &RawPathParams) -> Result<Uuid, AppError> {
    params
        .iter()
        .find(|(name, _)| *name == "org_id")
        .and_then(|(_, value)| Uuid::parse_str(value).ok())
        .ok_or(AppError::NotFound)
}

pub fn check(
    access: Access,
    user: Option<&CurrentUser>,
    organisation: Option<Uuid>,
    demo: bool,
) -> Result<(), Denied> {
    match access {
        Access::Public => Ok(()),
        Access::DemoOnly if demo => Ok(()),
        Access::DemoOnly => Err(Denied::NotFound),
        Access::SignedIn => user.map(|_| ()).ok_or(Denied::SignInRequired),
        Access::SiteAdmin => match user {
            None => Err(Denied::SignInRequired),
            Some(u) if u.is_site_admin => Ok(()),
            Some(_) => Err(Denied::Forbidden),
        },
        Access::Organisation(permission) => {
            let user = user.ok_or(Denied::SignInRequired)?;
            let organisation = organisation.ok_or(Denied::NotFound)?;
            if permission.granted_to(user.role_in(organisation), user.is_site_admin) {
                Ok(())
            } else {
                Err(Denied::Forbidden)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    SignInRequired,
    Forbidden,
    NotFound,
}

pub async fn enforce(
    State((state, access)): State<(AppState, Access)>,
    params: RawPathParams,
    request: Request,
    next: Next,
) -> Response {
    let Some(context) = request.extensions().get::<RequestContext>() else {
        return AppError::Forbidden.into_response();
    };
    let organisation = match access {
        Access::Organisation(_) => match organisation_in_path(&params) {
            Ok(id) => Some(id),
            Err(error) => return error.into_response(),
        },
        _ => None,
    };
    match check(
        access,
        context.user.as_ref(),
        organisation,
        state.config.demo,
    ) {
        Ok(()) => next.run(request).await,
        Err(Denied::SignInRequired) => {
            let return_to = if request.method() == axum::http::Method::GET {
                context.path.clone()
            } else {
                "/".into()
            };
            AppError::SignInRequired { return_to }.into_response()
        }
        Err(Denied::Forbidden) => AppError::Forbidden.into_response(),
        Err(Denied::NotFound) => AppError::NotFound.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_staff_get_only_what_their_role_grants() {
        use Permission::*;
        let table = [
            (ViewOrganisation, [true, true, true, true, true, true]),
            (ViewMembers, [false, false, false, true, true, false]),
            (InviteMembers, [false, false, false, true, false, false]),
            (ViewAuditLog, [false, false, false, true, true, false]),
            (ViewRegister, [false, true, true, true, false, false]),
            (ManageRegister, [false, true, false, true, false, false]),
            (ManagePanels, [false, false, false, true, false, false]),
            (ViewDiversity, [false, true, true, true, true, false]),
            (ManageQuestions, [false, false, false, true, false, false]),
            (HandleDataRequests, [false, true, false, true, false, false]),
            (RunSelection, [false, true, false, true, false, false]),
            (ViewEngagements, [false, true, true, true, true, false]),
            (ManageEngagements, [false, true, true, true, false, false]),
            (
                ChooseLadderLabels,
                [false, false, false, true, false, false],
            ),
            (ManagePayments, [false, false, false, false, false, true]),
            (SetPaymentRates, [false, false, false, true, false, true]),
            (ViewSpend, [false, false, false, true, true, true]),
            (EnterExpenses, [false, true, false, true, false, true]),
        ];
        for (permission, expected) in table {
            for (role, allowed) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(
                    permission.granted_to(Some(role), false),
                    allowed,
                    "{permission:?} for {role:?}"
                );
            }
            assert!(
                !permission.granted_to(None, false),
                "{permission:?} without a role"
            );
        }
    }
}
