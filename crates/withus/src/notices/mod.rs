//! Notices: the one door through which every message to a person is sent.
//!
//! A caller says who the message is for (their address, language and [`Style`]) and what it says (a
//! [`Notice`]: message keys and arguments). The door writes it for that person, in their language,
//! in Easy Read wording when they asked for it and the notice has it, with an HTML part in their
//! large-print size when they asked for large print, and queues it in the caller's transaction
//! through the outbox. Nothing else in the app calls the outbox.

pub mod letter_pdf;
pub mod messages;

use uuid::Uuid;

use crate::db::Ex;
use crate::email::{Attachment, Extras, OutgoingEmail, enqueue_with};
use crate::i18n::{Arg, Locale};

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

/// Who a notice goes to, already worked out by the caller.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub address: &'a str,
    pub locale: Locale,
    pub style: Style,
}

impl<'a> Recipient<'a> {
    /// Someone with no format preferences on record (staff, account holders): standard wording,
    /// text only.
    pub fn plain(address: &'a str, locale: Locale) -> Self {
        Recipient {
            address,
            locale,
            style: Style::default(),
        }
    }
}

/// What a notice says: the subject and body messages, the Easy Read body if there is one, the
/// arguments for all of them, and any files to attach.
#[derive(Debug, Clone)]
pub struct Notice {
    pub subject: &'static str,
    pub body: &'static str,
    pub easy_read: Option<&'static str>,
    pub args: Vec<(&'static str, Arg)>,
    pub attachments: Vec<Attachment>,
}

impl Notice {
    pub fn new(subject: &'static str, body: &'static str) -> Self {
        Notice {
            subject,
            body,
            easy_read: None,
            args: Vec::new(),
            attachments: Vec::new(),
        }
    }

    /// The Easy Read wording of the body, for people who asked for Easy Read.
    pub fn easy_read(mut self, key: &'static str) -> Self {
        self.easy_read = Some(key);
        self
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

    /// The body message this person gets.
    pub fn body_key(&self, style: Style) -> &'static str {
        match (style.easy_read, self.easy_read) {
            (true, Some(easy)) => easy,
            _ => self.body,
        }
    }
}

/// The notice written for one person: the email and its HTML part and attachments.
pub fn render(to: &Recipient<'_>, notice: Notice) -> (OutgoingEmail, Extras) {
    let locale = to.locale;
    let body = locale.t_args(notice.body_key(to.style), &notice.args);
    let html = to
        .style
        .large_print
        .map(|points| large_print(&body, points, locale));
    (
        OutgoingEmail {
            to: to.address.to_owned(),
            subject: locale.t_args(notice.subject, &notice.args),
            body,
        },
        Extras {
            html,
            attachments: notice.attachments,
        },
    )
}

/// Writes `notice` for `to` and queues it in the caller's transaction; the outbox id.
pub async fn send(
    ex: &mut Ex<'_>,
    to: &Recipient<'_>,
    notice: Notice,
) -> Result<Uuid, sqlx::Error> {
    let (email, extras) = render(to, notice);
    enqueue_with(ex, email, extras).await
}

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
        let notice = Notice::new("s", "standard").easy_read("easy");
        assert_eq!(notice.body_key(Style::default()), "standard");
    }

    #[test]
    fn easy_read_chooses_the_easy_read_wording_when_there_is_one() {
        let s = Style::for_formats(true, false, false, None);
        assert!(s.easy_read);
        assert_eq!(s.large_print, None);
        assert_eq!(Notice::new("s", "b").easy_read("e").body_key(s), "e");
        assert_eq!(Notice::new("s", "b").body_key(s), "b");
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
    fn a_large_print_reader_gets_an_html_part_in_their_language() {
        let to = Recipient {
            address: "a@example.org",
            locale: Locale::Cy,
            style: Style::for_formats(false, true, false, Some(20)),
        };
        let (email, extras) = render(&to, Notice::new("s", "b"));
        assert_eq!(email.to, "a@example.org");
        assert!(extras.html.is_some_and(|h| h.contains("font-size: 20pt")));
    }
}
