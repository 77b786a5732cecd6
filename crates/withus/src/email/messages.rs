//! The emails Withus sends, written in the recipient's language.

use super::OutgoingEmail;
use crate::i18n::{Arg, Locale};

pub fn password_reset(locale: Locale, to: &str, link: &str, service: &str) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: locale.t_args("email-reset-subject", &[("service", Arg::from(service))]),
        body: locale.t_args(
            "email-reset-body",
            &[
                ("service", Arg::from(service)),
                ("link", Arg::from(link)),
                ("hours", Arg::Number(1)),
            ],
        ),
    }
}

pub fn invitation(
    locale: Locale,
    to: &str,
    link: &str,
    organisation: &str,
    role: &str,
    service: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: locale.t_args(
            "email-invitation-subject",
            &[("organisation", Arg::from(organisation))],
        ),
        body: locale.t_args(
            "email-invitation-body",
            &[
                ("service", Arg::from(service)),
                ("organisation", Arg::from(organisation)),
                ("role", Arg::from(role)),
                ("link", Arg::from(link)),
                ("days", Arg::Number(7)),
            ],
        ),
    }
}

/// After joining a panel online: a link to choose a password, so the person can see their data.
pub fn panel_welcome(
    locale: Locale,
    to: &str,
    link: &str,
    panel: &str,
    service: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: locale.t_args("email-welcome-subject", &[("panel", Arg::from(panel))]),
        body: locale.t_args(
            "email-welcome-body",
            &[
                ("service", Arg::from(service)),
                ("panel", Arg::from(panel)),
                ("link", Arg::from(link)),
                ("days", Arg::Number(7)),
            ],
        ),
    }
}

/// When someone joins a panel with the email address of an existing account.
pub fn panel_joined_notice(
    locale: Locale,
    to: &str,
    link: &str,
    panel: &str,
    service: &str,
) -> OutgoingEmail {
    OutgoingEmail {
        to: to.to_owned(),
        subject: locale.t_args("email-joined-subject", &[("panel", Arg::from(panel))]),
        body: locale.t_args(
            "email-joined-body",
            &[
                ("service", Arg::from(service)),
                ("panel", Arg::from(panel)),
                ("link", Arg::from(link)),
            ],
        ),
    }
}
