//! The forms a person (or staff on their behalf) uses to change what the register holds: contact
//! details, access needs, monitoring answers and preferences. Each form serves both routes; the
//! [`Subject`](super::subject::Subject) says whose record it is.

pub mod about_you;
pub mod access_needs;
pub mod contact;
pub mod details;
pub mod preferences;

use crate::register::domain::Channel;
use crate::web::Page;
use crate::web::forms::Choice;

/// The "How did they agree?" choice staff answer when recording consent for someone.
pub fn channel_choices(page: &Page, chosen: Option<Channel>) -> Vec<Choice> {
    [
        Channel::Phone,
        Channel::InPerson,
        Channel::Paper,
        Channel::Email,
    ]
    .into_iter()
    .map(|c| Choice::new(c.as_str(), page.t(&c.message_key()), Some(c) == chosen))
    .collect()
}

/// The channel staff chose, or the person's own online action.
pub fn channel_from(value: &str, own: bool) -> Option<Channel> {
    if own {
        return Some(Channel::Online);
    }
    Channel::parse(value).filter(|c| *c != Channel::Online)
}

pub const DETAIL_MAX_CHARS: usize = 1000;
