//! The notices about accounts and panels that Withus sends; the door writes each in the
//! recipient's language.

use super::{Notice, NoticeKind};
use crate::i18n::Arg;

pub fn password_reset(link: &str, service: &str) -> Notice {
    Notice::new(NoticeKind::PasswordReset).args([
        ("service", Arg::from(service)),
        ("link", Arg::from(link)),
        ("hours", Arg::Number(1)),
    ])
}

/// `role` is already in the recipient's language.
pub fn invitation(link: &str, organisation: &str, role: &str, service: &str) -> Notice {
    Notice::new(NoticeKind::OrganisationInvitation).args([
        ("service", Arg::from(service)),
        ("organisation", Arg::from(organisation)),
        ("role", Arg::from(role)),
        ("link", Arg::from(link)),
        ("days", Arg::Number(7)),
    ])
}

/// After joining a panel online: a link to choose a password, so the person can see their data.
pub fn panel_welcome(link: &str, panel: &str, service: &str) -> Notice {
    Notice::new(NoticeKind::PanelWelcome).args([
        ("service", Arg::from(service)),
        ("panel", Arg::from(panel)),
        ("link", Arg::from(link)),
        ("days", Arg::Number(7)),
    ])
}

/// When someone joins a panel with the email address of an existing account.
pub fn panel_joined_notice(link: &str, panel: &str, service: &str) -> Notice {
    Notice::new(NoticeKind::PanelJoined).args([
        ("service", Arg::from(service)),
        ("panel", Arg::from(panel)),
        ("link", Arg::from(link)),
    ])
}
