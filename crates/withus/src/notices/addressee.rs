//! Who a notice goes to and how they asked to hear from us: their addresses, language, format,
//! channel and how often. Capabilities get one from the register (`register::contact`) for a panel
//! member, or make one for an account holder with [`Addressee::account`].

use uuid::Uuid;

use super::{NoticeKind, Style};
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

use crate::vocab::stored_enum;

stored_enum!(
    /// How a message reaches a person.
    Channel, "notice-channel" {
        Email => "email",
        Sms => "sms",
        Post => "post",
        Phone => "phone",
        None => "none",
    }
);

stored_enum!(
    /// How often a person wants notices that are not urgent.
    Frequency, "notice-frequency" {
        Immediate => "immediate",
        Daily => "daily",
        Weekly => "weekly",
    }
);

/// Someone a notice is for.
#[derive(Debug, Clone)]
pub struct Addressee {
    /// Their register record, when they have one (history, digests and staff lists hang off it).
    pub person: Option<Uuid>,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// The postal address, already opened, one line per line.
    pub postal_address: Option<String>,
    pub locale: Locale,
    pub style: Style,
    /// The channel they asked for.
    pub channel: Channel,
    pub frequency: Frequency,
    /// Kinds of non-essential notice they do not want.
    pub declined: Vec<NoticeKind>,
    /// Where a one-click unsubscribe goes, for the notices they may decline.
    pub unsubscribe_url: Option<String>,
}

impl Addressee {
    /// An account holder with no register record (staff, someone resetting a password): email
    /// only, standard wording, at once.
    pub fn account(email: &str, name: &str, locale: Locale) -> Addressee {
        Addressee {
            person: None,
            name: name.to_owned(),
            email: Some(email.to_owned()),
            phone: None,
            postal_address: None,
            locale,
            style: Style::default(),
            channel: Channel::Email,
            frequency: Frequency::Immediate,
            declined: Vec::new(),
            unsubscribe_url: None,
        }
    }

    fn address_for(&self, channel: Channel) -> Option<&str> {
        fn present(value: &Option<String>) -> Option<&str> {
            value.as_deref().map(str::trim).filter(|v| !v.is_empty())
        }
        match channel {
            Channel::Email => present(&self.email),
            Channel::Sms | Channel::Phone => present(&self.phone),
            Channel::Post => present(&self.postal_address),
            Channel::None => None,
        }
    }

    /// The channel a notice goes by, and the address on it: the one they asked for when we have
    /// its address, otherwise the first that works (email, text, post, phone). `None` when there
    /// is no way to reach them: staff are asked to find one.
    pub fn reach(&self, sms_available: bool) -> Option<(Channel, &str)> {
        let usable = |c: Channel| c != Channel::Sms || sms_available;
        std::iter::once(self.channel)
            .chain([Channel::Email, Channel::Sms, Channel::Post, Channel::Phone])
            .filter(|c| usable(*c))
            .find_map(|c| self.address_for(c).map(|a| (c, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn someone(channel: Channel) -> Addressee {
        Addressee {
            channel,
            phone: Some("01234 567890".into()),
            email: None,
            postal_address: Some("1 High Street\nNorthtown".into()),
            ..Addressee::account("x@example.org", "Sam", Locale::En)
        }
    }

    #[test]
    fn the_channel_asked_for_is_used_when_there_is_an_address_for_it() {
        assert_eq!(someone(Channel::Post).reach(true).unwrap().0, Channel::Post);
        assert_eq!(
            someone(Channel::Phone).reach(true).unwrap().0,
            Channel::Phone
        );
        assert_eq!(someone(Channel::Sms).reach(true).unwrap().0, Channel::Sms);
    }

    #[test]
    fn without_its_address_the_next_working_channel_is_used() {
        // Email asked for, but no email address: texts come next.
        assert_eq!(someone(Channel::Email).reach(true).unwrap().0, Channel::Sms);
        // Texts asked for, but no text service configured: post.
        assert_eq!(someone(Channel::Sms).reach(false).unwrap().0, Channel::Post);
        let nowhere = Addressee {
            email: None,
            phone: None,
            postal_address: None,
            ..someone(Channel::Email)
        };
        assert_eq!(nowhere.reach(true), None);
    }
}
