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
