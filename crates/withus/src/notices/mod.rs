//! Notices: the one door through which every message to a person is sent.
//!
//! A capability raises a [`Notice`] (its [`NoticeKind`] and arguments) for an [`Addressee`] (from
//! the register for a panel member). The door writes it for that person — their language, Easy
//! Read wording when they asked for it, their large-print size — and sends it by their channel:
//! email (through the outbox, with an HTML part at their size when they asked for large print),
//! text message (through the text outbox), or onto the sending organisation's lists of letters to
//! print and people to phone. A notice that can wait goes into the person's daily or weekly digest
//! when they asked for one ([`digest`]). Every notice is recorded with its status
//! ([`storage`]), for the person's history and the staff lists; someone with no working channel is
//! listed for staff, never skipped. Nothing else in the app calls the outboxes.

pub mod addressee;
pub mod commands;
pub mod digest;
pub mod kind;
pub mod letter_pdf;
pub mod messages;
mod storage;

use uuid::Uuid;

pub use addressee::{Addressee, Channel, Frequency};
pub use kind::NoticeKind;
pub use storage::{NotificationRow, StaffList, Status, find_from, history_of, list_of};

use crate::db::Ex;
use crate::email::{Attachment, Extras, OutgoingEmail, enqueue_with};
use crate::i18n::{Arg, Locale};
use crate::security::field_crypto::{FieldContext, KeyRing};

/// Large print size when a person asks for large print without a size. Source: domain reference §3
/// "Large print: minimum 16pt, ideally 18pt" [A1].
pub const DEFAULT_LARGE_PRINT_POINTS: u8 = 18;

/// The smallest size that counts as large print; smaller requests are raised to it. Source: as above.
pub const MINIMUM_LARGE_PRINT_POINTS: u8 = 16;

/// How to write to one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub easy_read: bool,
    /// Point size of the HTML part, for people who asked for large print.
    pub large_print: Option<u8>,
}

impl Style {
    /// The style for a person's formats: Easy Read wording if they asked for it; large print at the
    /// size they asked for (or the default, never below the minimum) unless they asked for
    /// plain-text email, which means no HTML part at all (their reader sizes text).
    pub fn for_formats(
        easy_read: bool,
        large_print: bool,
        plain_text_email: bool,
        size: Option<u8>,
    ) -> Style {
        Style {
            easy_read,
            large_print: (large_print && !plain_text_email).then(|| {
                size.unwrap_or(DEFAULT_LARGE_PRINT_POINTS)
                    .max(MINIMUM_LARGE_PRINT_POINTS)
            }),
        }
    }
}

/// Message keys built from stored values (kinds, channels, frequencies, statuses), so the catalogue
/// check knows they are used.
pub fn generated_message_keys() -> Vec<String> {
    let kinds = NoticeKind::ALL.iter().map(|v| v.message_key());
    let channels = Channel::ALL.iter().map(|v| v.message_key());
    let frequencies = Frequency::ALL.iter().map(|v| v.message_key());
    let statuses = Status::ALL.iter().map(|v| v.message_key());
    kinds
        .chain(channels)
        .chain(frequencies)
        .chain(statuses)
        .collect()
}

/// What a notice says: its kind (which gives the subject, the body and the Easy Read body), the
/// arguments for them, any files to attach, what it is about (to group it in a digest) and who
/// sends it (whose staff lists it appears on).
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: NoticeKind,
    pub args: Vec<(&'static str, Arg)>,
    pub attachments: Vec<Attachment>,
    /// The engagement or event it is about, as the person would name it.
    pub about: String,
    pub engagement: Option<Uuid>,
    pub organisation: Option<Uuid>,
    /// For organisations that write in both languages: this notice is the Welsh, this the English.
    pub english: Option<Box<Notice>>,
}

impl Notice {
    pub fn new(kind: NoticeKind) -> Self {
        Notice {
            kind,
            args: Vec::new(),
            attachments: Vec::new(),
            about: String::new(),
            engagement: None,
            organisation: None,
            english: None,
        }
    }

    /// One notice in Welsh then English, for an organisation that writes in both: `welsh` (its
    /// arguments written in Welsh) carries the attachments, what it is about and who sends it.
    pub fn welsh_then_english(welsh: Notice, english: Notice) -> Self {
        Notice {
            english: Some(Box::new(english)),
            ..welsh
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn args(mut self, args: impl IntoIterator<Item = (&'static str, Arg)>) -> Self {
        self.args.extend(args);
        self
    }

    pub fn attach(mut self, file: Attachment) -> Self {
        self.attachments.push(file);
        self
    }

    /// What it is about, for grouping in a digest, and the engagement if there is one.
    pub fn about(mut self, about: &str, engagement: Option<Uuid>) -> Self {
        about.clone_into(&mut self.about);
        self.engagement = engagement;
        self
    }

    /// The organisation sending it: letters, calls and failures appear on its staff lists.
    pub fn from(mut self, organisation: Uuid) -> Self {
        self.organisation = Some(organisation);
        self
    }

    /// The body message this person gets.
    pub fn body_key(&self, style: Style) -> &'static str {
        let (_, body, easy) = self.kind.keys();
        if style.easy_read { easy } else { body }
    }
}

/// A notice written for one person: the subject and words in their language and format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub subject: String,
    pub body: String,
    /// The words as HTML at their large-print size, if they asked for large print.
    pub html: Option<String>,
}

/// Writes `notice` for someone who reads `locale` in `style`; a Welsh-then-English notice is written
/// in both, Welsh first, whatever their language.
pub fn write(locale: Locale, style: Style, notice: &Notice) -> Written {
    if let Some(english) = &notice.english {
        let welsh = one_language(Locale::Cy, style, notice);
        let english = one_language(Locale::En, style, english);
        // The English starts under a line that says so in words (a rule of dashes is read out
        // dash by dash).
        let body = format!(
            "{}\n\n{}\n\n{}",
            welsh.body,
            Locale::En.t("notice-in-english"),
            english.body
        );
        return Written {
            subject: format!("{} / {}", welsh.subject, english.subject),
            html: style
                .large_print
                .map(|points| large_print(&body, points, Locale::Cy)),
            body,
        };
    }
    one_language(locale, style, notice)
}

fn one_language(locale: Locale, style: Style, notice: &Notice) -> Written {
    let (subject, _, _) = notice.kind.keys();
    let body = locale.t_args(notice.body_key(style), &notice.args);
    Written {
        subject: locale.t_args(subject, &notice.args),
        html: style
            .large_print
            .map(|points| large_print(&body, points, locale)),
        body,
    }
}

/// What the door did with a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Queued to go now by email or text message.
    Queued(Channel),
    /// On the organisation's list of letters to print and post.
    ToPrint,
    /// On the organisation's list of people to phone.
    ToPhone,
    /// Kept for the person's daily or weekly digest.
    Held,
    /// No channel works: on the staff list of people to find a way to reach.
    NeedsContact,
    /// The person chose not to receive this kind.
    Declined,
}

impl Delivery {
    /// Whether the person will hear without staff doing anything first.
    pub fn reaches_by_itself(self) -> bool {
        matches!(self, Delivery::Queued(_) | Delivery::Held)
    }
}

/// What the door needs from the running service.
#[derive(Clone, Copy)]
pub struct Door<'a> {
    pub keys: &'a KeyRing,
    /// Whether a text message service is configured.
    pub sms: bool,
}

/// Where the notification's address is sealed (bound to the notification).
pub fn address_field(notification: Uuid) -> FieldContext<'static> {
    FieldContext {
        table: "notifications",
        column: "sealed_address",
        row_id: notification,
    }
}

/// The one door: writes `notice` for `to` in their language and format, and in the caller's
/// transaction sends it by their channel (email and text at once, letters and calls onto the
/// staff lists), keeps it for their digest when it can wait and they asked for one, records it
/// for their history, or lists them for staff when no channel works. Never sends twice: the
/// record and the message are written together or not at all.
pub async fn send(
    ex: &mut Ex<'_>,
    door: Door<'_>,
    to: &Addressee,
    notice: Notice,
) -> Result<Delivery, sqlx::Error> {
    let kind = notice.kind;
    let written = write(to.locale, to.style, &notice);
    let about = notice.about.clone();
    let mut record = storage::NewNotification {
        id: Uuid::now_v7(),
        person: to.person,
        organisation: notice.organisation,
        engagement: notice.engagement,
        kind,
        channel: Channel::None,
        status: Status::NeedsContact,
        language: if notice.english.is_some() {
            Locale::Cy
        } else {
            to.locale
        },
        easy_read: to.style.easy_read,
        print_points: None,
        subject: &written.subject,
        body: &written.body,
        sealed_address: None,
        about: &about,
        recipient_name: &to.name,
        outbox_id: None,
        sms_id: None,
    };
    if !kind.essential() && to.declined.contains(&kind) {
        record.status = Status::Declined;
        storage::insert(ex, &record).await?;
        return Ok(Delivery::Declined);
    }
    let Some((channel, address)) = to.reach(door.sms) else {
        storage::insert(ex, &record).await?;
        return Ok(Delivery::NeedsContact);
    };
    record.channel = channel;
    record.sealed_address = Some(door.keys.seal(address, address_field(record.id)));
    if !kind.urgent() && to.frequency != Frequency::Immediate && to.person.is_some() {
        record.status = Status::Held;
        storage::insert(ex, &record).await?;
        return Ok(Delivery::Held);
    }
    let delivery = dispatch(ex, &mut record, to, address, &written, notice).await?;
    storage::insert(ex, &record).await?;
    Ok(delivery)
}

/// Sends by the record's channel now, filling in the record's status and message ids.
async fn dispatch(
    ex: &mut Ex<'_>,
    record: &mut storage::NewNotification<'_>,
    to: &Addressee,
    address: &str,
    written: &Written,
    notice: Notice,
) -> Result<Delivery, sqlx::Error> {
    let delivery = match record.channel {
        Channel::Email => {
            let unsubscribe_url = (!notice.kind.essential())
                .then(|| to.unsubscribe_url.clone())
                .flatten();
            let id = enqueue_with(
                ex,
                OutgoingEmail {
                    to: address.to_owned(),
                    subject: written.subject.clone(),
                    body: written.body.clone(),
                },
                Extras {
                    html: written.html.clone(),
                    attachments: notice.attachments,
                    unsubscribe_url,
                },
            )
            .await?;
            record.outbox_id = Some(id);
            record.status = Status::Queued;
            Delivery::Queued(Channel::Email)
        }
        Channel::Sms => {
            let text = format!("{}\n\n{}", written.subject, written.body);
            record.sms_id = Some(crate::sms::enqueue(ex, address, &text).await?);
            record.status = Status::Queued;
            Delivery::Queued(Channel::Sms)
        }
        Channel::Post => {
            record.status = Status::ToPrint;
            record.print_points = Some(print_points(to.style));
            Delivery::ToPrint
        }
        Channel::Phone => {
            record.status = Status::ToPhone;
            Delivery::ToPhone
        }
        Channel::None => Delivery::NeedsContact,
    };
    Ok(delivery)
}

/// Forgets every notice sent to a person: part of erasing them.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    storage::forget(ex, person).await
}

/// The type size of a letter: the person's large-print size, or standard print.
pub fn print_points(style: Style) -> u8 {
    style.large_print.unwrap_or(STANDARD_PRINT_POINTS)
}

/// Standard print, for letters to people who did not ask for large print.
pub const STANDARD_PRINT_POINTS: u8 = 12;

/// The words as HTML at `points` size, paragraph for paragraph, with links that can be followed.
pub fn large_print(body: &str, points: u8, locale: Locale) -> String {
    let paragraphs: String = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(linked).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"></head>\
         <body style=\"font-family: Arial, sans-serif; font-size: {points}pt; line-height: 1.5\">{paragraphs}</body></html>",
        locale.code()
    )
}

fn linked(line: &str) -> String {
    line.split(' ')
        .map(|word| {
            let safe = escape(word);
            if word.starts_with("https://") || word.starts_with("http://") {
                format!("<a href=\"{safe}\">{safe}</a>")
            } else {
                safe
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_preference_is_plain_wording_and_text_only() {
        assert_eq!(
            Style::for_formats(false, false, false, None),
            Style::default()
        );
        let notice = Notice::new(NoticeKind::EventBooked);
        assert_eq!(notice.body_key(Style::default()), "email-event-booked-body");
    }

    #[test]
    fn easy_read_chooses_the_easy_read_wording() {
        let s = Style::for_formats(true, false, false, None);
        assert!(s.easy_read);
        assert_eq!(s.large_print, None);
        assert_eq!(
            Notice::new(NoticeKind::EventBooked).body_key(s),
            "email-event-booked-easy"
        );
    }

    #[test]
    fn large_print_uses_the_size_asked_for_never_below_the_minimum() {
        assert_eq!(
            Style::for_formats(false, true, false, Some(24)).large_print,
            Some(24)
        );
        assert_eq!(
            Style::for_formats(false, true, false, None).large_print,
            Some(DEFAULT_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            Style::for_formats(false, true, false, Some(10)).large_print,
            Some(MINIMUM_LARGE_PRINT_POINTS)
        );
        assert_eq!(
            Style::for_formats(false, true, true, Some(24)).large_print,
            None,
            "plain-text email means no HTML part"
        );
        assert_eq!(print_points(Style::default()), STANDARD_PRINT_POINTS);
        assert_eq!(
            print_points(Style::for_formats(false, true, false, Some(20))),
            20
        );
    }

    #[test]
    fn large_print_html_is_escaped_and_sized() {
        let html = large_print(
            "Hello <b>\n\nGo to https://x.example/a?b=1&c=2",
            24,
            Locale::Cy,
        );
        assert!(html.contains("font-size: 24pt"));
        assert!(html.contains("lang=\"cy\""));
        assert!(html.contains("<p>Hello &lt;b&gt;</p>"));
        assert!(html.contains("<a href=\"https://x.example/a?b=1&amp;c=2\">"));
    }

    #[test]
    fn a_large_print_reader_gets_html_in_their_language() {
        let written = write(
            Locale::Cy,
            Style::for_formats(false, true, false, Some(20)),
            &Notice::new(NoticeKind::PanelJoined),
        );
        assert!(
            written
                .html
                .is_some_and(|h| h.contains("font-size: 20pt") && h.contains("lang=\"cy\""))
        );
    }
}
