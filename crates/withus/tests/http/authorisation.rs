//! Every route × every role: the expected allow/deny for each is written out here, and a route that
//! exists in the app but not in this table fails the test.

use withus::admin::{NewUser, create_user};
use withus::organisations::domain::OrganisationKind;
use withus::register::domain::{Channel, ConsentKind, ContactMethod, EntryRoute, MembershipStatus};
use withus::register::fixtures as register;
use withus::register::import;
use withus::routes::catalogue;

use crate::both;
use crate::helpers::{Backend, Client, Options, TestApp, spawn_app_with, spawn_app_without_demo};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    SignedOut,
    Member,
    Facilitator,
    Officer,
    OrgAdmin,
    Auditor,
    /// A finance officer of the organisation.
    Finance,
    SiteAdmin,
    /// Administrator of a different organisation.
    OtherOrgAdmin,
}

pub(crate) const EVERYONE: &[Who] = &[
    Who::SignedOut,
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::Finance,
    Who::SiteAdmin,
    Who::OtherOrgAdmin,
];
const SIGNED_IN: &[Who] = &[
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::Finance,
    Who::SiteAdmin,
    Who::OtherOrgAdmin,
];
const IN_ORG: &[Who] = &[
    Who::Member,
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::Finance,
    Who::SiteAdmin,
];
/// Staff who work with the panel register.
const REGISTER_STAFF: &[Who] = &[
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::SiteAdmin,
];
const REGISTER_MANAGERS: &[Who] = &[Who::Facilitator, Who::OrgAdmin, Who::SiteAdmin];
/// Staff who may see special-category data: never site administrators.
const SPECIAL_CATEGORY_STAFF: &[Who] = &[Who::Facilitator, Who::OrgAdmin];
/// Signed-in people who are on the register (the cast's member).
const ON_REGISTER: &[Who] = &[Who::Member];
/// Staff who see engagements: those who run them, and auditors.
const ENGAGEMENT_VIEWERS: &[Who] = &[
    Who::Facilitator,
    Who::Officer,
    Who::OrgAdmin,
    Who::Auditor,
    Who::SiteAdmin,
];
/// Who keeps the organisation's payment rates and settings: its finance officers and
/// administrators.
const PAYMENT_RATE_SETTERS: &[Who] = &[Who::OrgAdmin, Who::Finance, Who::SiteAdmin];
const OVERSIGHT: &[Who] = &[Who::OrgAdmin, Who::Auditor, Who::SiteAdmin];
const ADMINS: &[Who] = &[Who::OrgAdmin, Who::SiteAdmin];
const SITE_ADMIN: &[Who] = &[Who::SiteAdmin];
/// Finance officers: approving and paying, and the bank details, declared limits and receipts that
/// needs. Never site administrators: these are special-category data.
const FINANCE: &[Who] = &[Who::Finance];
/// Who enters an expense claim for someone who phoned, posted it or came in.
const EXPENSE_ENTRY: &[Who] = &[Who::Facilitator, Who::OrgAdmin, Who::Finance];
/// Who sees what engagements cost: finance officers, administrators and auditors.
const SPEND_VIEWERS: &[Who] = &[Who::OrgAdmin, Who::Auditor, Who::Finance, Who::SiteAdmin];
const NOBODY: &[Who] = &[];

/// Who may use each route (demo mode off).
pub(crate) const EXPECTED: &[(&str, &str, &[Who])] = &[
    ("GET", "/", EVERYONE),
    ("GET", "/accessibility", EVERYONE),
    ("GET", "/help", EVERYONE),
    ("GET", "/language", EVERYONE),
    ("GET", "/healthz", EVERYONE),
    ("GET", "/metrics", EVERYONE),
    ("GET", "/sign-in", EVERYONE),
    ("POST", "/sign-in", EVERYONE),
    ("POST", "/sign-out", SIGNED_IN),
    ("POST", "/session/keep-alive", SIGNED_IN),
    ("GET", "/password-reset", EVERYONE),
    ("POST", "/password-reset", EVERYONE),
    ("GET", "/password-reset/{token}", EVERYONE),
    ("POST", "/password-reset/{token}", EVERYONE),
    ("GET", "/invitations/{token}", EVERYONE),
    ("POST", "/invitations/{token}", EVERYONE),
    ("GET", "/account", SIGNED_IN),
    ("GET", "/account/support-needs", SIGNED_IN),
    ("POST", "/account/support-needs", SIGNED_IN),
    ("GET", "/account/password", SIGNED_IN),
    ("POST", "/account/password", SIGNED_IN),
    ("GET", "/organisations", SITE_ADMIN),
    ("GET", "/organisations/new", SITE_ADMIN),
    ("POST", "/organisations/new", SITE_ADMIN),
    ("GET", "/organisations/{org_id}", IN_ORG),
    ("GET", "/organisations/{org_id}/members", OVERSIGHT),
    ("GET", "/organisations/{org_id}/invitations/new", ADMINS),
    ("POST", "/organisations/{org_id}/invitations/new", ADMINS),
    ("GET", "/organisations/{org_id}/audit", OVERSIGHT),
    ("GET", "/audit", SITE_ADMIN),
    // Panel register: panels.
    ("GET", "/panels", EVERYONE),
    ("GET", "/panels/{panel_id}", EVERYONE),
    ("GET", "/organisations/{org_id}/panels", REGISTER_STAFF),
    ("GET", "/organisations/{org_id}/panels/new", ADMINS),
    ("POST", "/organisations/{org_id}/panels/new", ADMINS),
    // Panel register: joining online.
    ("GET", "/panels/{panel_id}/join", EVERYONE),
    ("POST", "/panels/{panel_id}/join", EVERYONE),
    ("GET", "/panels/{panel_id}/join/contact", EVERYONE),
    ("POST", "/panels/{panel_id}/join/contact", EVERYONE),
    ("GET", "/panels/{panel_id}/join/consent", EVERYONE),
    ("POST", "/panels/{panel_id}/join/consent", EVERYONE),
    ("GET", "/panels/{panel_id}/join/sensitive", EVERYONE),
    ("POST", "/panels/{panel_id}/join/sensitive", EVERYONE),
    ("GET", "/panels/{panel_id}/join/sharing", EVERYONE),
    ("POST", "/panels/{panel_id}/join/sharing", EVERYONE),
    ("GET", "/panels/{panel_id}/join/check", EVERYONE),
    ("POST", "/panels/{panel_id}/join/check", EVERYONE),
    ("GET", "/panels/{panel_id}/join/done", EVERYONE),
    // Panel register: a person's own data.
    ("GET", "/your-data", SIGNED_IN),
    ("GET", "/your-events", SIGNED_IN),
    ("GET", "/your-data/download.json", ON_REGISTER),
    ("GET", "/your-data/download.csv", ON_REGISTER),
    ("GET", "/your-data/details", ON_REGISTER),
    ("POST", "/your-data/details", ON_REGISTER),
    ("GET", "/your-data/access-needs", ON_REGISTER),
    ("POST", "/your-data/access-needs", ON_REGISTER),
    ("GET", "/your-data/about-you", ON_REGISTER),
    ("POST", "/your-data/about-you", ON_REGISTER),
    ("GET", "/your-data/preferences", ON_REGISTER),
    ("GET", "/your-data/contact", ON_REGISTER),
    ("POST", "/your-data/contact", ON_REGISTER),
    // With a token that is not the person's, nobody gets past the link (tests/http/notifications.rs
    // follows a real one).
    ("GET", "/unsubscribe/{person_id}/{token}", NOBODY),
    ("POST", "/unsubscribe/{person_id}/{token}", NOBODY),
    ("GET", "/organisations/{org_id}/messages", REGISTER_MANAGERS),
    ("GET", "/organisations/{org_id}/address", ADMINS),
    ("POST", "/organisations/{org_id}/address", ADMINS),
    // Only the text message provider, with its token (tests/http/notifications.rs).
    ("POST", "/sms/receipts", NOBODY),
    (
        "GET",
        "/organisations/{org_id}/messages/letters.pdf",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/messages/{notice_id}/letter.pdf",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/messages/{notice_id}/{step}",
        REGISTER_MANAGERS,
    ),
    ("POST", "/your-data/preferences", ON_REGISTER),
    ("GET", "/your-data/sharing", ON_REGISTER),
    ("POST", "/your-data/sharing", ON_REGISTER),
    (
        "POST",
        "/your-data/consents/{consent_id}/withdraw",
        ON_REGISTER,
    ),
    ("POST", "/your-data/panels/{panel_id}/status", ON_REGISTER),
    ("GET", "/your-data/erasure", ON_REGISTER),
    ("POST", "/your-data/erasure", ON_REGISTER),
    // Panel register: staff pages about people.
    (
        "GET",
        "/organisations/{org_id}/people/new",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/new",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/details",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/details",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/access-needs",
        SPECIAL_CATEGORY_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/access-needs",
        SPECIAL_CATEGORY_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/about-you",
        SPECIAL_CATEGORY_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/about-you",
        SPECIAL_CATEGORY_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/preferences",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/contact",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/contact",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/preferences",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/consents/{consent_id}/withdraw",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/status",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/sharing",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/sharing",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/download.json",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/follow-ups",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/follow-ups/{follow_up_id}/done",
        REGISTER_MANAGERS,
    ),
    // Panel register: data protection requests.
    ("GET", "/organisations/{org_id}/requests", REGISTER_MANAGERS),
    (
        "POST",
        "/organisations/{org_id}/requests/{request_id}/complete",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/people/{person_id}/requests/new",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/people/{person_id}/requests/new",
        REGISTER_MANAGERS,
    ),
    // Panel register: importing people from a spreadsheet.
    ("GET", "/organisations/{org_id}/import", REGISTER_MANAGERS),
    ("POST", "/organisations/{org_id}/import", REGISTER_MANAGERS),
    (
        "GET",
        "/organisations/{org_id}/import/{batch_id}/columns",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/import/{batch_id}/columns",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/import/{batch_id}/check",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/import/{batch_id}/confirm",
        REGISTER_MANAGERS,
    ),
    // Monitoring questions, population benchmarks and diversity at a glance.
    ("GET", "/organisations/{org_id}/questions", ADMINS),
    ("GET", "/organisations/{org_id}/questions/new", ADMINS),
    ("POST", "/organisations/{org_id}/questions/new", ADMINS),
    (
        "GET",
        "/organisations/{org_id}/questions/{question_id}",
        ADMINS,
    ),
    (
        "POST",
        "/organisations/{org_id}/questions/{question_id}",
        ADMINS,
    ),
    ("GET", "/organisations/{org_id}/benchmarks", ADMINS),
    ("POST", "/organisations/{org_id}/benchmarks", ADMINS),
    (
        "POST",
        "/organisations/{org_id}/benchmarks/defaults",
        ADMINS,
    ),
    (
        "GET",
        "/organisations/{org_id}/diversity",
        &[
            Who::Facilitator,
            Who::Officer,
            Who::OrgAdmin,
            Who::Auditor,
            Who::SiteAdmin,
        ],
    ),
    // Panel register: finding people, and the CSV download.
    ("GET", "/organisations/{org_id}/people", REGISTER_STAFF),
    ("GET", "/organisations/{org_id}/people.csv", REGISTER_STAFF),
    // Choosing a working group fairly.
    (
        "GET",
        "/organisations/{org_id}/selections",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/selections/new",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/selections/new",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/selections/{selection_id}",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/selections/{selection_id}/quotas",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/selections/{selection_id}/quotas",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/selections/{selection_id}/compute",
        REGISTER_MANAGERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/selections/{selection_id}/lottery.json",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/selections/{selection_id}/draw",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/selections/{selection_id}/invite",
        REGISTER_MANAGERS,
    ),
    // Engagements: honest about power. Unpublish comes before publish, so the cast's engagement
    // ends up public again for the public page above.
    ("GET", "/engagements", EVERYONE),
    ("GET", "/engagements/{engagement_id}", EVERYONE),
    (
        "GET",
        "/organisations/{org_id}/engagements",
        ENGAGEMENT_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/new",
        REGISTER_STAFF,
    ),
    ("GET", "/organisations/{org_id}/engagements/labels", ADMINS),
    ("POST", "/organisations/{org_id}/engagements/labels", ADMINS),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}",
        ENGAGEMENT_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/edit",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/edit",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/unpublish",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/publish",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/{commitment_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/{commitment_id}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/{commitment_id}/status",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/commitments/{commitment_id}/status",
        REGISTER_STAFF,
    ),
    // Events: venues, events, invitations, booking and attendance.
    ("GET", "/organisations/{org_id}/venues", ENGAGEMENT_VIEWERS),
    ("GET", "/organisations/{org_id}/venues/new", REGISTER_STAFF),
    ("POST", "/organisations/{org_id}/venues/new", REGISTER_STAFF),
    (
        "GET",
        "/organisations/{org_id}/venues/{venue_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/venues/{venue_id}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}",
        ENGAGEMENT_VIEWERS,
    ),
    // After the event: "Were your access needs met?" (listed before attendance, which the matrix
    // posts empty and so would unmark the cast's person as having come).
    ("GET", "/events/{event_id}/feedback", ON_REGISTER),
    ("POST", "/events/{event_id}/feedback", ON_REGISTER),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/feedback/ask",
        REGISTER_STAFF,
    ),
    // Recording an answer for someone shows their access needs: only staff who may see them.
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/feedback/{person_id}",
        SPECIAL_CATEGORY_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/feedback/{person_id}",
        SPECIAL_CATEGORY_STAFF,
    ),
    // Changing and cancelling an event (an empty form is refused, so nothing changes here).
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/edit",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/edit",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/cancel",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/cancel",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/invite",
        REGISTER_STAFF,
    ),
    // Booking a place for someone on the register (an empty form is refused: no "how they told
    // you", so nothing is booked or cancelled here).
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/book-for",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/book-for/{person_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/book-for/{person_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/book-for/{person_id}/cancel",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/attendance",
        REGISTER_STAFF,
    ),
    // The access plan of an event, and marking it ready.
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/access-plan",
        ENGAGEMENT_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/access-plan/items/{item_key}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/access-plan/items/{item_key}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/access-plan/items/{item_key}/told",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/events/{event_id}/ready",
        REGISTER_STAFF,
    ),
    // Papers of an engagement or its events.
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}/publish",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}/unpublish",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}/delete",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/papers/{paper_id}/delete",
        REGISTER_STAFF,
    ),
    // Closing the loop: what people said, answered, themed and reported back. The member is in
    // the engagement's group (booked at its event), so may comment on the draft report; these come
    // before the staff routes, one of which publishes it.
    (
        "GET",
        "/engagements/{engagement_id}/you-said-we-did",
        EVERYONE,
    ),
    (
        "GET",
        "/engagements/{engagement_id}/you-said-we-did/draft",
        ON_REGISTER,
    ),
    (
        "POST",
        "/engagements/{engagement_id}/you-said-we-did/draft",
        ON_REGISTER,
    ),
    (
        "GET",
        "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept",
        ON_REGISTER,
    ),
    (
        "POST",
        "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept",
        ON_REGISTER,
    ),
    (
        "POST",
        "/engagements/{engagement_id}/commitments/{commitment_id}/not-kept/withdraw",
        ON_REGISTER,
    ),
    ("POST", "/engagements/{engagement_id}/contribute", EVERYONE),
    (
        "GET",
        "/engagements/{engagement_id}/contribute/sent",
        EVERYONE,
    ),
    ("GET", "/your-data/contributions", SIGNED_IN),
    (
        "GET",
        "/organisations/{org_id}/contributions",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/promises",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/promises",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/{contribution_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/{contribution_id}/themes",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/{contribution_id}/acknowledge",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/contributions/{contribution_id}/files/{file_id}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/themes",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/themes",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/themes/{theme_id}/rename",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/themes/{theme_id}/merge",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/themes/{theme_id}/acknowledge",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/report",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/report",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/report/publish",
        REGISTER_STAFF,
    ),
    // Last: withdrawing deletes the words and files the staff routes above read.
    (
        "POST",
        "/your-data/contributions/{contribution_id}/withdraw",
        ON_REGISTER,
    ),
    // Surveys of an engagement: building them, their results and exports, answering for someone.
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/settings",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/settings",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/new",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}/routing",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}/routing",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}/move",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}/delete",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/questions/{question_key}/delete",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/preview",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/results",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/export.csv",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/export.xlsx",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/answer-for",
        REGISTER_MANAGERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/surveys/{survey_id}/answer-for",
        REGISTER_MANAGERS,
    ),
    ("GET", "/surveys/{survey_id}", EVERYONE),
    ("POST", "/surveys/{survey_id}", EVERYONE),
    // Answering: public while the survey is open; pages without answers so far go back to the start.
    (
        "GET",
        "/surveys/{survey_id}/questions/{question_key}",
        EVERYONE,
    ),
    (
        "POST",
        "/surveys/{survey_id}/questions/{question_key}",
        EVERYONE,
    ),
    ("GET", "/surveys/{survey_id}/check", EVERYONE),
    ("POST", "/surveys/{survey_id}/check", EVERYONE),
    ("GET", "/surveys/{survey_id}/save", EVERYONE),
    ("POST", "/surveys/{survey_id}/save", EVERYONE),
    ("GET", "/surveys/{survey_id}/resume", EVERYONE),
    ("POST", "/surveys/{survey_id}/resume", EVERYONE),
    ("GET", "/surveys/{survey_id}/resume/{token}", EVERYONE),
    ("POST", "/surveys/{survey_id}/resume/{token}", EVERYONE),
    ("GET", "/your-data/surveys", SIGNED_IN),
    // The confirmation is shown only to the browser that sent the answers.
    ("GET", "/surveys/{survey_id}/sent/{response_id}", NOBODY),
    // Recommendations: the team's pages, implementation groups, and the public pages.
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/recommendations",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/recommendations/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/recommendations/new",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/recommendations/rule",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/recommendations/{recommendation_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/decision",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/delivery",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/themes",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/milestones",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/milestones/{milestone_id}/done",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/ask",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/recommendations/{recommendation_id}/reopen",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/implementation-groups",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/implementation-groups",
        REGISTER_STAFF,
    ),
    (
        "GET",
        "/organisations/{org_id}/implementation-groups/{group_id}",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/implementation-groups/{group_id}/members",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/implementation-groups/{group_id}/recommendations",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/implementation-groups/{group_id}/notes",
        REGISTER_STAFF,
    ),
    ("GET", "/implementation-groups/{group_id}", ON_REGISTER),
    (
        "POST",
        "/implementation-groups/{group_id}/notes",
        ON_REGISTER,
    ),
    // Payments for time: finance officers' pages, and the person's own.
    ("GET", "/organisations/{org_id}/payments", FINANCE),
    ("POST", "/organisations/{org_id}/payments/approve", FINANCE),
    (
        "POST",
        "/organisations/{org_id}/payments/batches/{payment_batch_id}/approve",
        FINANCE,
    ),
    ("GET", "/organisations/{org_id}/payments/runs/new", FINANCE),
    ("POST", "/organisations/{org_id}/payments/runs/new", FINANCE),
    (
        "GET",
        "/organisations/{org_id}/payments/runs/{run_id}",
        FINANCE,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/runs/{run_id}/paid",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/runs/{run_id}/bacs.txt",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/runs/{run_id}/bank.csv",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/runs/{run_id}/other.csv",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/spend",
        SPEND_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/spend.csv",
        SPEND_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/spend.xlsx",
        SPEND_VIEWERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/{payment_id}",
        FINANCE,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/{payment_id}/choice",
        FINANCE,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/{payment_id}/failed",
        FINANCE,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/{payment_id}/reissue",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/payments/task",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/payments/task",
        REGISTER_STAFF,
    ),
    ("GET", "/your-data/payments", ON_REGISTER),
    ("GET", "/your-data/payments/bank-details", ON_REGISTER),
    ("POST", "/your-data/payments/bank-details", ON_REGISTER),
    ("GET", "/your-data/payments/benefit-limit", ON_REGISTER),
    ("POST", "/your-data/payments/benefit-limit", ON_REGISTER),
    ("GET", "/your-data/payments/statement", ON_REGISTER),
    ("GET", "/your-data/payments/statement.pdf", ON_REGISTER),
    ("GET", "/your-data/payments/{payment_id}", ON_REGISTER),
    ("POST", "/your-data/payments/{payment_id}", ON_REGISTER),
    // Payments: the rate card and settings, and an engagement's payment offer.
    (
        "GET",
        "/organisations/{org_id}/payments/rates",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/rates",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/rates/end",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/settings",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/settings",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "GET",
        "/organisations/{org_id}/engagements/{engagement_id}/payment-offer",
        REGISTER_STAFF,
    ),
    (
        "POST",
        "/organisations/{org_id}/engagements/{engagement_id}/payment-offer",
        REGISTER_STAFF,
    ),
    ("GET", "/recommendations/{recommendation_id}", EVERYONE),
    (
        "GET",
        "/recommendations/{recommendation_id}/milestones/{milestone_id}/evidence",
        EVERYONE,
    ),
    (
        "POST",
        "/recommendations/{recommendation_id}/follow",
        ON_REGISTER,
    ),
    (
        "GET",
        "/recommendations/{recommendation_id}/verify",
        ON_REGISTER,
    ),
    (
        "POST",
        "/recommendations/{recommendation_id}/verify",
        ON_REGISTER,
    ),
    // Last of these: removing the member ends their part in the group above.
    (
        "POST",
        "/organisations/{org_id}/implementation-groups/{group_id}/members/{person_id}/remove",
        REGISTER_STAFF,
    ),
    ("GET", "/events/{event_id}/book", ON_REGISTER),
    ("POST", "/events/{event_id}/book", ON_REGISTER),
    ("POST", "/events/{event_id}/cancel", ON_REGISTER),
    ("POST", "/events/{event_id}/accept", ON_REGISTER),
    ("GET", "/events/{event_id}/calendar.ics", EVERYONE),
    // Public accountability: figures, open data and snapshots, for everyone.
    ("GET", "/accountability/{org_id}", EVERYONE),
    ("GET", "/accountability/{org_id}/figures.csv", EVERYONE),
    ("GET", "/accountability/{org_id}/figures.json", EVERYONE),
    (
        "GET",
        "/accountability/{org_id}/recommendations.csv",
        EVERYONE,
    ),
    (
        "GET",
        "/accountability/{org_id}/recommendations.json",
        EVERYONE,
    ),
    (
        "GET",
        "/accountability/{org_id}/recommendation-history.csv",
        EVERYONE,
    ),
    ("GET", "/accountability/{org_id}/data", EVERYONE),
    ("GET", "/accountability/{org_id}/README.md", EVERYONE),
    (
        "GET",
        "/accountability/{org_id}/snapshots/{snapshot}",
        EVERYONE,
    ),
    // Expenses: the mileage rate, finance decisions, staff entry and the person's own claims.
    (
        "GET",
        "/organisations/{org_id}/payments/mileage",
        PAYMENT_RATE_SETTERS,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/mileage",
        PAYMENT_RATE_SETTERS,
    ),
    ("GET", "/organisations/{org_id}/payments/expenses", FINANCE),
    (
        "POST",
        "/organisations/{org_id}/payments/expenses/{line_id}/approve",
        FINANCE,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/expenses/{line_id}/query",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/expenses/{line_id}/receipt",
        FINANCE,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/expenses/{line_id}/correct",
        EXPENSE_ENTRY,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/expenses/{line_id}/correct",
        EXPENSE_ENTRY,
    ),
    (
        "GET",
        "/organisations/{org_id}/payments/expenses/new",
        EXPENSE_ENTRY,
    ),
    (
        "POST",
        "/organisations/{org_id}/payments/expenses/new",
        EXPENSE_ENTRY,
    ),
    ("GET", "/your-data/payments/expenses", SIGNED_IN),
    ("GET", "/your-data/payments/expenses/new", ON_REGISTER),
    ("POST", "/your-data/payments/expenses/new", ON_REGISTER),
    ("GET", "/your-data/payments/expenses/sent", SIGNED_IN),
    (
        "GET",
        "/your-data/payments/expenses/{line_id}/receipt",
        ON_REGISTER,
    ),
    (
        "GET",
        "/your-data/payments/expenses/{line_id}/correct",
        ON_REGISTER,
    ),
    (
        "POST",
        "/your-data/payments/expenses/{line_id}/correct",
        ON_REGISTER,
    ),
    ("GET", "/dev/emails", NOBODY),
    ("GET", "/dev/emails/{email_id}", NOBODY),
];

const PASSWORD: &str = "matrix password 2026";

pub(crate) struct Cast {
    org: uuid::Uuid,
    /// A published engagement of `org`, with one commitment.
    engagement: uuid::Uuid,
    commitment: uuid::Uuid,
    /// A published event of `engagement`, open to the register, at `venue` of `org`.
    event: uuid::Uuid,
    venue: uuid::Uuid,
    /// A paper of `event`, in the standard format.
    paper: uuid::Uuid,
    /// A working group chosen from `panel`, with no quotas yet.
    selection: uuid::Uuid,
    /// One of `org`'s monitoring questions.
    question: uuid::Uuid,
    /// A spreadsheet uploaded to `panel`, its columns not yet chosen.
    batch: uuid::Uuid,
    /// A share consent of the person's (with Elsewhere Council), a data request and a follow-up.
    consent: uuid::Uuid,
    request: uuid::Uuid,
    follow_up: uuid::Uuid,
    /// A panel of `org`, open to sign-up, with one person on it.
    panel: uuid::Uuid,
    person: uuid::Uuid,
    /// A letter from `org` to `person`, waiting to be printed (two of them: the matrix posts one).
    notice: uuid::Uuid,
    /// What `person` said about `engagement`, with a file and a theme; the engagement has a draft
    /// feedback report.
    contribution: uuid::Uuid,
    file: uuid::Uuid,
    theme: uuid::Uuid,
    /// An open survey on `engagement`, with a question `q1`.
    survey: uuid::Uuid,
    /// An implemented recommendation of `engagement`, with a milestone carrying a file, monitored
    /// by an implementation group whose one member (`person`) was asked to verify it.
    recommendation: uuid::Uuid,
    milestone: uuid::Uuid,
    group: uuid::Uuid,
    /// A payment due to `person`, a batch over the threshold waiting for a second approval (the
    /// cast's finance officer gave the first), and a payment run with a Bacs file.
    payment: uuid::Uuid,
    payment_batch: uuid::Uuid,
    run: uuid::Uuid,
    /// A line of `person`'s expense claim for `engagement`, with a receipt, queried by finance.
    expense_line: uuid::Uuid,
    emails: Vec<(Who, String)>,
}

pub(crate) async fn cast(app: &TestApp) -> Cast {
    let mut tx = app.db.begin().await.unwrap();
    let org =
        crate::helpers::create_organisation(&mut tx.ex(), "Matrix Forum", OrganisationKind::Dpo)
            .await
            .unwrap();
    crate::helpers::create_organisation(
        &mut tx.ex(),
        "Elsewhere Council",
        OrganisationKind::Council,
    )
    .await
    .unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Matrix Panel", "", true)
        .await
        .unwrap();
    let person = register::create_person(
        &mut tx.ex(),
        register::NewPerson {
            account_id: None,
            display_name: "Pat Matrix",
            email: Some("pat@matrix.example"),
            phone: None,
            contact_method: ContactMethod::Email,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
    register::set_membership(&mut tx.ex(), panel, person, MembershipStatus::Active)
        .await
        .unwrap();
    withus::register::questions::ensure_defaults(&mut tx.ex(), org)
        .await
        .unwrap();
    let question = withus::register::questions::list(&mut tx.ex(), org, true)
        .await
        .unwrap()[0]
        .id;
    let selection = withus::selection::fixtures::create(
        &mut tx.ex(),
        withus::selection::fixtures::NewSelection {
            organisation: org,
            panel,
            name: "Matrix Working Group",
            panel_size: 1,
            rotation: true,
            rotation_months: 12,
            created_by: None,
        },
    )
    .await
    .unwrap();
    let (engagement, commitment) =
        crate::engagements::published_with_commitment(&mut tx, org).await;
    let venue = uuid::Uuid::now_v7();
    withus::events::fixtures::save_venue(&mut tx.ex(), org, venue, &Default::default())
        .await
        .unwrap();
    let event = crate::events::add_event(&mut tx, org, engagement, venue, 5).await;
    let paper = withus::papers::commands::add(
        &mut tx.ex(),
        withus::papers::commands::Editor {
            account: None,
            organisation: org,
        },
        engagement,
        &withus::papers::PaperInput {
            event: Some(event),
            title: "Matrix agenda".into(),
            description: String::new(),
            formats: vec![(withus::access_plan::PaperFormat::Standard, String::new())],
        },
        withus::papers::RecheckEvents(withus::events::sections::recheck_after_papers_changed),
    )
    .await
    .unwrap();
    let survey = withus::surveys::fixtures::create(
        &mut tx.ex(),
        org,
        engagement,
        &withus::surveys::domain::Definition {
            title: withus::surveys::domain::Wording::plain("Matrix survey", ""),
            intro: Default::default(),
            questions: vec![withus::surveys::domain::Question {
                key: "q1".into(),
                label: withus::surveys::domain::Wording::plain("Anything to say?", ""),
                help: Default::default(),
                optional: false,
                with_previous: false,
                kind: withus::surveys::domain::Kind::ShortText,
                branches: vec![],
            }],
            next_key: 1,
        },
        &withus::surveys::fixtures::Settings {
            opens_on: Some(time::OffsetDateTime::now_utc().date() - time::Duration::days(1)),
            closes_on: None,
            resume_days: 28,
        },
    )
    .await
    .unwrap();
    // The person came to the event, so they may answer whether their access needs were met.
    withus::events::fixtures::book(&mut tx.ex(), event, person, &Default::default())
        .await
        .unwrap();
    withus::events::fixtures::set_attended(&mut tx.ex(), event, person, true)
        .await
        .unwrap();
    let batch = uuid::Uuid::now_v7();
    let keys = withus::security::field_crypto::KeyRing::parse(&app.key_spec, None).unwrap();
    let notice = crate::notifications::letter_to(&mut tx, &keys, org, person).await;
    let contribution = withus::contributions::fixtures::contribution(
        &mut tx.ex(),
        &keys,
        engagement,
        Some(person),
        withus::contributions::Channel::Letter,
        "The matrix room has no step-free entrance.",
        true,
    )
    .await
    .unwrap();
    let file = withus::contributions::fixtures::file(&mut tx.ex(), &keys, contribution)
        .await
        .unwrap();
    let theme =
        withus::contributions::fixtures::theme(&mut tx.ex(), engagement, "Access", &[contribution])
            .await
            .unwrap();
    withus::contributions::fixtures::draft_report(&mut tx.ex(), engagement, "We will fix it.")
        .await
        .unwrap();
    let (recommendation, milestone, group) = crate::recommendations::implemented_and_monitored(
        &mut tx, &app.state, org, engagement, person,
    )
    .await;
    let expense_line =
        crate::expenses::queried_line(&mut tx, &app.state, org, engagement, person).await;
    let (_, table) = import::parse::parse("people.csv", b"Name,Consent\nSam Matrix,yes\n").unwrap();
    withus::register::fixtures::create_import_batch(
        &mut tx.ex(),
        withus::register::fixtures::NewBatch {
            id: batch,
            organisation: org,
            panel,
            created_by: None,
            file_name: "people.csv",
            sealed: &withus::register::fixtures::seal_table(&keys, batch, &table),
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let people = [
        (
            Who::Member,
            "member",
            Some(("Matrix Forum", "member")),
            false,
        ),
        (
            Who::Facilitator,
            "facilitator",
            Some(("Matrix Forum", "facilitator")),
            false,
        ),
        (
            Who::Officer,
            "officer",
            Some(("Matrix Forum", "officer")),
            false,
        ),
        (
            Who::OrgAdmin,
            "orgadmin",
            Some(("Matrix Forum", "organisation_admin")),
            false,
        ),
        (
            Who::Auditor,
            "auditor",
            Some(("Matrix Forum", "auditor")),
            false,
        ),
        (
            Who::Finance,
            "finance",
            Some(("Matrix Forum", "finance_officer")),
            false,
        ),
        (Who::SiteAdmin, "siteadmin", None, true),
        (
            Who::OtherOrgAdmin,
            "otheradmin",
            Some(("Elsewhere Council", "organisation_admin")),
            false,
        ),
    ];
    let mut emails = Vec::new();
    for (who, name, membership, site_admin) in people {
        let email = format!("{name}@matrix.example");
        create_user(
            &app.db,
            NewUser {
                email: &email,
                name,
                password: PASSWORD,
                site_admin,
                membership,
            },
        )
        .await
        .unwrap();
        emails.push((who, email));
    }
    // The member is the person on the panel, so their own register pages have a record to show.
    let member_email = &emails.iter().find(|(w, _)| *w == Who::Member).unwrap().1;
    let mut tx = app.db.begin().await.unwrap();
    let member = withus::accounts::fixtures::find_by_email(&mut tx.ex(), member_email)
        .await
        .unwrap()
        .unwrap();
    register::link_account(&mut tx.ex(), person, member.id)
        .await
        .unwrap();
    let elsewhere = withus::organisations::find_by_name(&mut tx.ex(), "Elsewhere Council")
        .await
        .unwrap()
        .unwrap();
    register::add_partner(&mut tx.ex(), panel, elsewhere.id)
        .await
        .unwrap();
    let consent = register::give_consent(
        &mut tx.ex(),
        register::NewConsent {
            person,
            kind: ConsentKind::Share,
            panel: None,
            partner: Some(elsewhere.id),
            scope: "contact",
            channel: Channel::Online,
            recorded_by: None,
        },
    )
    .await
    .unwrap();
    register::create_follow_up(&mut tx.ex(), org, person, "access_needs_conversation")
        .await
        .unwrap();
    let follow_up = register::open_follow_ups(&mut tx.ex(), org).await.unwrap()[0].id;
    let request = withus::register::requests::insert(
        &mut tx.ex(),
        withus::register::requests::NewRequest {
            organisation: org,
            person,
            person_label: "Pat Matrix",
            kind: withus::register::domain::RequestKind::Access,
            channel: Channel::Paper,
            received_at: withus::db::now(),
            recorded_by: None,
            notes: "",
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let (payment, payment_batch, run) = payments_cast(app, org, engagement, person, &emails).await;
    Cast {
        org,
        engagement,
        commitment,
        event,
        venue,
        paper,
        selection,
        question,
        batch,
        consent,
        request,
        follow_up,
        panel,
        person,
        notice,
        contribution,
        file,
        theme,
        survey,
        recommendation,
        milestone,
        group,
        payment,
        payment_batch,
        run,
        expense_line,
        emails,
    }
}

/// Payments for the cast: settings with a £100 threshold, the person's bank details, a run of one
/// approved £50 payment, a £200 batch waiting for a second approval, and a £10 payment due.
async fn payments_cast(
    app: &TestApp,
    org: uuid::Uuid,
    engagement: uuid::Uuid,
    person: uuid::Uuid,
    emails: &[(Who, String)],
) -> (uuid::Uuid, uuid::Uuid, uuid::Uuid) {
    use withus::payments::{commands, offers};
    let finance_email = &emails.iter().find(|(w, _)| *w == Who::Finance).unwrap().1;
    let mut tx = app.db.begin().await.unwrap();
    let finance = withus::accounts::fixtures::find_by_email(&mut tx.ex(), finance_email)
        .await
        .unwrap()
        .unwrap();
    let actor = withus::identity::StaffActor {
        account: Some(finance.id),
        organisation: org,
    };
    let pence = |p| withus::payments::money::Pence::new(p).unwrap();
    offers::commands::set_settings(
        &mut tx.ex(),
        actor,
        &offers::domain::NewSettings {
            two_person_threshold: pence(10_000),
            pays_through: offers::PaysThrough::BankTransfer,
            late_cancellation: offers::LateCancellation {
                within_hours: 24,
                pays: offers::LatePay::Full,
            },
            retention_years: 6,
            originator: Some((
                withus::payments::run::OriginatorInput {
                    name: "MATRIX FORUM".into(),
                    sort_code: "200000".into(),
                    account_number: "55779911".into(),
                },
                "123456".into(),
            )),
        },
    )
    .await
    .unwrap();
    commands::set_bank_details(
        &mut tx.ex(),
        &app.state.keys,
        person,
        None,
        Some(&withus::payments::domain::StoredBankDetails {
            account_name: "P MATRIX".into(),
            sort_code: "309457".into(),
            account_number: "31926819".into(),
        }),
    )
    .await
    .unwrap();
    let today = withus::db::now().date();
    let due = |what: &'static str, amount: i64| commands::Involvement {
        organisation: org,
        engagement: Some(engagement),
        person,
        key: format!("task:{what}"),
        description: what.into(),
        earned_on: today,
        offered: withus::payments::earnings::Earnings::new(pence(amount)),
        rate_name: String::new(),
    };
    let paid = withus::payments::fixtures::due(&mut tx.ex(), &app.state.keys, &due("paid", 5_000))
        .await
        .unwrap()
        .unwrap();
    let chosen = |id| {
        vec![commands::Chosen {
            payment: id,
            override_reason: String::new(),
        }]
    };
    commands::approve(
        &mut tx.ex(),
        &app.state,
        actor,
        uuid::Uuid::now_v7(),
        &chosen(paid),
    )
    .await
    .unwrap();
    let day = withus::access_plan::working_days::working_days_after(today, 5);
    let run = commands::make_run(&mut tx.ex(), &app.state, actor, day, today)
        .await
        .unwrap()
        .id;
    let big = withus::payments::fixtures::due(&mut tx.ex(), &app.state.keys, &due("big", 20_000))
        .await
        .unwrap()
        .unwrap();
    let batch = uuid::Uuid::now_v7();
    commands::approve(&mut tx.ex(), &app.state, actor, batch, &chosen(big))
        .await
        .unwrap();
    let payment =
        withus::payments::fixtures::due(&mut tx.ex(), &app.state.keys, &due("due", 1_000))
            .await
            .unwrap()
            .unwrap();
    tx.commit().await.unwrap();
    (payment, batch, run)
}

pub(crate) fn concrete(path: &str, cast: &Cast) -> String {
    path.replace("{org_id}", &cast.org.to_string())
        .replace("{panel_id}", &cast.panel.to_string())
        .replace("{person_id}", &cast.person.to_string())
        .replace("{consent_id}", &cast.consent.to_string())
        .replace("{batch_id}", &cast.batch.to_string())
        .replace("{engagement_id}", &cast.engagement.to_string())
        .replace("{commitment_id}", &cast.commitment.to_string())
        .replace("{event_id}", &cast.event.to_string())
        .replace("{item_key}", "bsl_interpreter")
        .replace("{paper_id}", &cast.paper.to_string())
        .replace("{survey_id}", &cast.survey.to_string())
        .replace("{question_key}", "q1")
        .replace("{response_id}", &uuid::Uuid::now_v7().to_string())
        .replace("{venue_id}", &cast.venue.to_string())
        .replace("{selection_id}", &cast.selection.to_string())
        .replace("{question_id}", &cast.question.to_string())
        .replace("{request_id}", &cast.request.to_string())
        .replace("{follow_up_id}", &cast.follow_up.to_string())
        .replace("{notice_id}", &cast.notice.to_string())
        .replace("{contribution_id}", &cast.contribution.to_string())
        .replace("{file_id}", &cast.file.to_string())
        .replace("{theme_id}", &cast.theme.to_string())
        .replace("{recommendation_id}", &cast.recommendation.to_string())
        .replace("{milestone_id}", &cast.milestone.to_string())
        .replace("{group_id}", &cast.group.to_string())
        .replace("{payment_id}", &cast.payment.to_string())
        .replace("{payment_batch_id}", &cast.payment_batch.to_string())
        .replace("{run_id}", &cast.run.to_string())
        .replace("{line_id}", &cast.expense_line.to_string())
        .replace("{step}", "printed")
        .replace("{token}", &"t".repeat(43))
        .replace("{email_id}", &uuid::Uuid::now_v7().to_string())
        .replace("{snapshot}", "latest.json")
}

pub(crate) async fn client_for(app: &TestApp, cast: &Cast, who: Who) -> Client {
    match cast.emails.iter().find(|(w, _)| *w == who) {
        Some((_, email)) => app.signed_in_client(email).await,
        None => app.client(),
    }
}

async fn every_route_for_every_role(backend: Backend) {
    let app = spawn_app_without_demo(backend).await;
    let cast = cast(&app).await;
    // Today's snapshot of the organisation's public figures, as the daily sweep keeps it.
    withus::accountability::take_snapshots(&app.db, withus::db::now().date())
        .await
        .unwrap();

    let routes = catalogue();
    for route in &routes {
        assert!(
            EXPECTED
                .iter()
                .any(|(m, p, _)| *m == route.method && *p == route.path),
            "route {} {} has no entry in the authorisation table: add one",
            route.method,
            route.path
        );
    }
    assert_eq!(
        routes.len(),
        EXPECTED.len(),
        "the table lists a route the app no longer has"
    );

    let mut failures = Vec::new();
    for (method, path, allowed) in EXPECTED {
        for who in EVERYONE {
            // A fresh session each time: some routes (sign out) end it.
            let mut client = client_for(&app, &cast, *who).await;
            let url = concrete(path, &cast);
            let page = if *method == "GET" {
                client.get(&url).await
            } else {
                client.post(&url, &[]).await
            };
            let to_sign_in = page.status == 303
                && page
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/sign-in"));
            let denied = page.status == 403 || page.status == 404 || to_sign_in;
            let should_allow = allowed.contains(who);
            if denied == should_allow {
                failures.push(format!(
                    "{method} {path} as {who:?}: got {} (expected {})",
                    page.status,
                    if should_allow { "allow" } else { "deny" }
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation mismatches:\n{}",
        failures.join("\n")
    );
}
both!(every_route_for_every_role, every_route_for_every_role);

async fn demo_pages_exist_only_in_demo_mode(backend: Backend) {
    let demo = spawn_app_with(
        backend,
        Options {
            demo: true,
            extra: Vec::new(),
        },
    )
    .await;
    assert_eq!(demo.client().get("/dev/emails").await.status, 200);
    let production = spawn_app_without_demo(backend).await;
    assert_eq!(production.client().get("/dev/emails").await.status, 404);
}
both!(
    demo_pages_exist_only_in_demo_mode,
    demo_pages_exist_only_in_demo_mode
);
