//! The paper form: what staff typed, and checking it with errors that say how to fix each answer.

use uuid::Uuid;

use super::storage::{PaperInput, PaperRow};
use crate::access_plan::PaperFormat;
use crate::i18n::Arg;
use crate::web::forms::{Problem, all_of, one_of, pairs};

pub const TITLE_MAX_CHARS: usize = 200;
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
pub const LINK_MAX_CHARS: usize = 2000;

/// The answers as typed, kept to show back.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    pub title: String,
    pub description: String,
    /// "" for the whole engagement, else an event id.
    pub event: String,
    /// Every format with whether it was ticked and its link as typed.
    pub formats: Vec<(PaperFormat, bool, String)>,
    /// Ticked values that are not formats the form offers (refused, never dropped).
    pub unknown_formats: Vec<String>,
}

/// The name of the link field of a format.
pub fn link_field(format: PaperFormat) -> String {
    format!("link_{}", format.as_str())
}

impl Answers {
    pub fn read(body: &[u8]) -> Answers {
        let form = pairs(body);
        let ticked = all_of(&form, "formats");
        Answers {
            title: one_of(&form, "title"),
            description: one_of(&form, "description"),
            event: one_of(&form, "event"),
            formats: PaperFormat::ALL
                .iter()
                .map(|f| {
                    (
                        *f,
                        ticked.iter().any(|t| t == f.as_str()),
                        one_of(&form, &link_field(*f)),
                    )
                })
                .collect(),
            unknown_formats: ticked
                .into_iter()
                .filter(|t| !PaperFormat::ALL.iter().any(|f| f.as_str() == t))
                .collect(),
        }
    }

    /// A new paper for `event` (or the whole engagement), in the standard format.
    pub fn new_for(event: Option<Uuid>) -> Answers {
        Answers {
            event: event.map(|e| e.to_string()).unwrap_or_default(),
            formats: PaperFormat::ALL
                .iter()
                .map(|f| (*f, *f == PaperFormat::Standard, String::new()))
                .collect(),
            ..Answers::default()
        }
    }

    pub fn of(paper: &PaperRow) -> Answers {
        Answers {
            title: paper.title.clone(),
            description: paper.description.clone(),
            event: paper.event_id.map(|e| e.to_string()).unwrap_or_default(),
            formats: PaperFormat::ALL
                .iter()
                .map(|f| {
                    let link = paper.link(*f);
                    (*f, link.is_some(), link.unwrap_or_default().to_owned())
                })
                .collect(),
            unknown_formats: Vec::new(),
        }
    }
}

/// A problem with a format's link: the message names the format in the reader's language.
fn about(format: PaperFormat, key: &'static str) -> Problem {
    Problem::new(link_field(format), key).with("format", Arg::Message(format.message_key()))
}

/// A web address people can open: http or https, with a host. Returns it as parsed.
pub fn web_link(text: &str) -> Option<String> {
    let text = text.trim();
    if text.chars().any(char::is_whitespace) {
        return None;
    }
    let url = url::Url::parse(text).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
        .then(|| url.to_string())
}

/// Checks the answers against the engagement's `events`. Links of formats not ticked are ignored
/// (the form hides them once the box is unticked).
pub fn check(answers: &Answers, events: &[Uuid]) -> Result<PaperInput, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = answers.title.trim();
    if title.is_empty() {
        problems.push(Problem::new("title", "paper-error-title"));
    } else if title.chars().count() > TITLE_MAX_CHARS {
        problems.push(Problem::new("title", "paper-error-title-too-long"));
    }
    if answers.description.trim().chars().count() > DESCRIPTION_MAX_CHARS {
        problems.push(Problem::new(
            "description",
            "paper-error-description-too-long",
        ));
    }
    let event = if answers.event.is_empty() {
        None
    } else {
        let found = Uuid::parse_str(&answers.event)
            .ok()
            .filter(|id| events.contains(id));
        if found.is_none() {
            problems.push(Problem::new("event", "paper-error-event"));
        }
        found
    };
    let mut formats = Vec::new();
    for (format, _, link) in answers.formats.iter().filter(|(_, ticked, _)| *ticked) {
        let link = link.trim();
        if link.is_empty() {
            formats.push((*format, String::new()));
        } else if link.chars().count() > LINK_MAX_CHARS {
            problems.push(about(*format, "paper-error-link-too-long"));
        } else {
            match web_link(link) {
                Some(link) => formats.push((*format, link)),
                None => problems.push(about(*format, "paper-error-link")),
            }
        }
    }
    if !answers.unknown_formats.is_empty() {
        problems.push(Problem::new("formats", "paper-error-format-unknown"));
    } else if !answers.formats.iter().any(|(_, ticked, _)| *ticked) {
        problems.push(Problem::new("formats", "paper-error-formats"));
    }
    if problems.is_empty() {
        Ok(PaperInput {
            event,
            title: title.to_owned(),
            description: answers.description.trim().to_owned(),
            formats,
        })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::web::FormErrors;

    fn answers(formats: &[(PaperFormat, &str)]) -> Answers {
        let mut a = Answers::new_for(None);
        a.title = "Agenda".into();
        a.formats = PaperFormat::ALL
            .iter()
            .map(|f| match formats.iter().find(|(g, _)| g == f) {
                Some((_, link)) => (*f, true, (*link).to_owned()),
                None => (*f, false, "https://ignored.example/unticked".to_owned()),
            })
            .collect();
        a
    }

    #[test]
    fn a_format_not_offered_is_refused_not_dropped() {
        let mut a = answers(&[(PaperFormat::Standard, "")]);
        a.unknown_formats = vec!["hologram".into()];
        let problems = check(&a, &[]).unwrap_err();
        assert_eq!(problems[0].key, "paper-error-format-unknown");
        let read = Answers::read(b"title=Agenda&formats=standard&formats=hologram");
        assert_eq!(read.unknown_formats, vec!["hologram".to_owned()]);
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert!(web_link("https://example.org/agenda.pdf").is_some());
        assert!(web_link("http://example.org").is_some());
        for bad in [
            "example.org/agenda.pdf",
            "javascript:alert(1)",
            "ftp://example.org/a.pdf",
            "mailto:someone@example.org",
            "https://",
            "https://exa mple.org/a",
            "data:text/html,hi",
        ] {
            assert_eq!(web_link(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_bad_link_names_its_format() {
        let problems = check(
            &answers(&[
                (PaperFormat::Standard, "https://example.org/a.pdf"),
                (PaperFormat::EasyRead, "agenda-easy-read.pdf"),
            ]),
            &[],
        )
        .unwrap_err();
        assert_eq!(problems, [about(PaperFormat::EasyRead, "paper-error-link")]);
        let errors = FormErrors::from_problems(Locale::En, &problems);
        let message = errors.get("link_easy_read").unwrap();
        assert!(message.contains("Easy Read"), "{message}");
        assert!(message.contains("https://"), "{message}");
        assert!(
            FormErrors::from_problems(Locale::Cy, &problems)
                .get("link_easy_read")
                .unwrap()
                .contains("Hawdd ei Ddeall")
        );
    }

    #[test]
    fn unticked_links_are_ignored_and_a_format_is_needed() {
        let paper = check(&answers(&[(PaperFormat::Welsh, "")]), &[]).unwrap();
        assert_eq!(paper.formats, [(PaperFormat::Welsh, String::new())]);
        assert_eq!(paper.event, None);
        let none = check(&answers(&[]), &[]).unwrap_err();
        assert_eq!(none, [Problem::new("formats", "paper-error-formats")]);
    }

    #[test]
    fn the_event_must_be_one_of_the_engagements() {
        let ours = Uuid::now_v7();
        let mut a = answers(&[(PaperFormat::Standard, "")]);
        a.event = ours.to_string();
        assert_eq!(check(&a, &[ours]).unwrap().event, Some(ours));
        a.event = Uuid::now_v7().to_string();
        assert_eq!(
            check(&a, &[ours]).unwrap_err(),
            [Problem::new("event", "paper-error-event")]
        );
    }
}
