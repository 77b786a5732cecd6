//! The vocabulary of contributions: the channel each came by, how staff were told when they entered
//! it for someone, the reference a person quotes, and the acknowledgement clock, whose state is
//! computed from dates and never stored.

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use crate::access_plan::working_days::is_working_day;
pub use crate::access_plan::working_days::working_days_after;
use crate::vocab::stored_enum;
use crate::web::forms::Problem;

stored_enum!(
    /// How a contribution reached the engagement.
    Channel, "contribution-channel" {
        Survey => "survey",
        Comment => "comment",
        AtEvent => "at_event",
        Letter => "letter",
        Phone => "phone",
        Email => "email",
        BslVideo => "bsl_video",
        EasyReadPaper => "easy_read_paper",
        Advocate => "advocate",
    }
);

impl Channel {
    /// The channels staff enter for someone, in the order the form offers them.
    pub const ENTERED_BY_STAFF: &'static [Channel] = &[
        Channel::Phone,
        Channel::Letter,
        Channel::Email,
        Channel::AtEvent,
        Channel::EasyReadPaper,
        Channel::BslVideo,
        Channel::Advocate,
    ];

    /// How staff were told, for a contribution of this channel entered for someone.
    pub fn received_by(self) -> HowReceived {
        match self {
            Channel::Phone => HowReceived::Phone,
            Channel::Letter | Channel::EasyReadPaper => HowReceived::Letter,
            Channel::Email => HowReceived::Email,
            Channel::BslVideo => HowReceived::BslVideo,
            Channel::Advocate => HowReceived::Advocate,
            Channel::AtEvent | Channel::Survey | Channel::Comment => HowReceived::InPerson,
        }
    }
}

stored_enum!(
    /// How a person gave staff what staff then entered for them.
    HowReceived, "contribution-received" {
        Phone => "phone",
        Letter => "letter",
        InPerson => "in_person",
        Email => "email",
        Advocate => "advocate",
        BslVideo => "bsl_video",
    }
);

/// The most a contribution's words may hold.
pub const TEXT_MAX_CHARS: usize = 10_000;
/// The most a file attached to a contribution may hold: a phone photo of a letter or a few minutes
/// of BSL video.
pub const FILE_MAX_BYTES: usize = 25 * 1024 * 1024;
/// What a request carrying a file may hold before the body limit refuses it outright; above the
/// file limit and below this, the form says which limit the file broke.
pub const UPLOAD_BODY_MAX_BYTES: usize = 64 * 1024 * 1024;
/// The working days to acknowledge a contribution when an engagement has not said.
pub const DEFAULT_ACKNOWLEDGE_DAYS: u32 = 10;
/// The most working days an engagement may give itself.
pub const MAX_ACKNOWLEDGE_DAYS: u32 = 60;
/// Working days after an engagement ends by which its report is due, when it has not said.
pub const DEFAULT_REPORT_DAYS: u32 = 20;

/// Words someone must write: trimmed, not empty, at most `max` characters; each failure is the
/// form's own message for `field`.
pub fn check_words(
    field: &str,
    text: &str,
    missing: &'static str,
    too_long: &'static str,
    max: usize,
) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::new(field, missing))
    } else if text.chars().count() > max {
        Err(Problem::too_long(field, too_long, max))
    } else {
        Ok(text.to_owned())
    }
}

/// A kind of file a contribution may carry, recognised from its first bytes, never from its name
/// or the browser's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
    Mp4,
    Webm,
}

impl FileKind {
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
            Some(FileKind::Mp4)
        } else if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
            Some(FileKind::Webm)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Pdf => "application/pdf",
            FileKind::Mp4 => "video/mp4",
            FileKind::Webm => "video/webm",
        }
    }
}

/// A file as uploaded, checked.
#[derive(Debug, Clone)]
pub struct NewFile {
    pub name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
}

/// Checks an uploaded file: not empty, not over the limit, and of a kind we keep.
pub fn check_file(field: &str, name: &str, bytes: Vec<u8>) -> Result<NewFile, Problem> {
    if bytes.is_empty() {
        return Err(Problem::new(field, "contribution-file-empty"));
    }
    if bytes.len() > FILE_MAX_BYTES {
        return Err(Problem::new(field, "contribution-file-too-large")
            .with("megabytes", (FILE_MAX_BYTES / (1024 * 1024)) as i64));
    }
    let kind = FileKind::sniff(&bytes)
        .ok_or_else(|| Problem::new(field, "contribution-file-wrong-type"))?;
    let name: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    Ok(NewFile { name, kind, bytes })
}

/// The letters a reference is made of: no 0/O, 1/I/L, so it reads back clearly over the phone.
const REFERENCE_LETTERS: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A reference a person can quote, such as `WU-7K3F-9QXA`.
pub fn new_reference() -> String {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).expect("the operating system gives random bytes");
    let letters: String = random
        .iter()
        .map(|b| REFERENCE_LETTERS[*b as usize % REFERENCE_LETTERS.len()] as char)
        .collect();
    format!("WU-{}-{}", &letters[..4], &letters[4..])
}

/// How many working days come after `from`, up to and including `to` (none if `to` is not later).
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let mut current = from;
    let mut count = 0;
    while current < to {
        current = current.saturating_add(Duration::DAY);
        if is_working_day(current) {
            count += 1;
        }
    }
    count
}

/// The middle of some counts (the lower of the two middle ones when there is an even number).
pub fn median(values: &[u32]) -> Option<u32> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len().saturating_sub(1) / 2).copied()
}

/// Where a contribution stands on the team's clock. Computed each time from its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Clock {
    /// Acknowledged by the team, on this day.
    Acknowledged(Date),
    /// Not yet acknowledged, and not yet due: the day it is due.
    Waiting(Date),
    /// Past the day it was due.
    Overdue(Date),
    /// Past twice the target.
    VeryOverdue(Date),
    /// The person took it back.
    Withdrawn,
}

impl Clock {
    /// Where a contribution received on `received` stands on `today` against a target of
    /// `target_days` working days.
    pub fn of(
        received: Date,
        target_days: u32,
        acknowledged: Option<Date>,
        withdrawn: bool,
        today: Date,
    ) -> Clock {
        if withdrawn {
            return Clock::Withdrawn;
        }
        if let Some(day) = acknowledged {
            return Clock::Acknowledged(day);
        }
        let due = working_days_after(received, target_days);
        let very = working_days_after(received, target_days * 2);
        if today > very {
            Clock::VeryOverdue(due)
        } else if today > due {
            Clock::Overdue(due)
        } else {
            Clock::Waiting(due)
        }
    }

    /// Still owed an acknowledgement.
    pub fn is_owed(self) -> bool {
        matches!(
            self,
            Clock::Waiting(_) | Clock::Overdue(_) | Clock::VeryOverdue(_)
        )
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Clock::Overdue(_) | Clock::VeryOverdue(_))
    }

    pub fn message_key(self) -> &'static str {
        match self {
            Clock::Acknowledged(_) => "contribution-clock-acknowledged",
            Clock::Waiting(_) => "contribution-clock-waiting",
            Clock::Overdue(_) => "contribution-clock-overdue",
            Clock::VeryOverdue(_) => "contribution-clock-very-overdue",
            Clock::Withdrawn => "contribution-clock-withdrawn",
        }
    }

    /// The tag colour; the tag's text always says the state too.
    pub fn colour(self) -> &'static str {
        match self {
            Clock::Acknowledged(_) => "govuk-tag--green",
            Clock::Waiting(_) => "govuk-tag--blue",
            Clock::Overdue(_) => "govuk-tag--orange",
            Clock::VeryOverdue(_) => "govuk-tag--red",
            Clock::Withdrawn => "govuk-tag--grey",
        }
    }
}

/// Whether an engagement's report is missing: not published, and the day it was promised by has
/// passed.
pub fn report_missing(published: bool, due: Date, today: Date) -> bool {
    !published && today > due
}

/// Message keys built from stored values at run time, so the catalogue tests can check them.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = Channel::ALL.iter().map(|c| c.message_key()).collect();
    keys.extend(HowReceived::ALL.iter().map(|h| h.message_key()));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn working_days_between_count_what_comes_after() {
        // Friday 18 December to Monday 21 December: one working day.
        assert_eq!(
            working_days_between(date!(2026 - 12 - 18), date!(2026 - 12 - 21)),
            1
        );
        assert_eq!(
            working_days_between(date!(2026 - 12 - 18), date!(2026 - 12 - 29)),
            5
        );
        assert_eq!(
            working_days_between(date!(2026 - 12 - 18), date!(2026 - 12 - 18)),
            0
        );
        assert_eq!(median(&[5, 1, 3]), Some(3));
        assert_eq!(median(&[4, 1, 3, 2]), Some(2));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn the_clock_runs_waiting_then_overdue_then_very_overdue() {
        let received = date!(2026 - 11 - 02); // a Monday
        let due = date!(2026 - 11 - 16);
        let clock = |today| Clock::of(received, 10, None, false, today);
        assert_eq!(clock(due), Clock::Waiting(due));
        assert_eq!(clock(date!(2026 - 11 - 17)), Clock::Overdue(due));
        // Twice the target is 30 November; the day after is very overdue.
        assert_eq!(clock(date!(2026 - 11 - 30)), Clock::Overdue(due));
        assert_eq!(clock(date!(2026 - 12 - 01)), Clock::VeryOverdue(due));
        assert!(clock(date!(2026 - 12 - 01)).is_overdue());
    }

    #[test]
    fn acknowledged_and_withdrawn_stop_the_clock() {
        let received = date!(2026 - 11 - 02);
        let late = date!(2027 - 01 - 04);
        let acknowledged = Clock::of(received, 10, Some(date!(2026 - 11 - 20)), false, late);
        assert_eq!(acknowledged, Clock::Acknowledged(date!(2026 - 11 - 20)));
        assert!(!acknowledged.is_owed());
        assert_eq!(Clock::of(received, 10, None, true, late), Clock::Withdrawn);
    }

    #[test]
    fn references_read_clearly() {
        let reference = new_reference();
        assert_eq!(reference.len(), 12);
        assert!(reference.starts_with("WU-"));
        assert!(
            reference[3..]
                .chars()
                .all(|c| c == '-' || REFERENCE_LETTERS.contains(&(c as u8)))
        );
        assert_ne!(new_reference(), new_reference());
    }

    #[test]
    fn files_are_known_by_their_first_bytes() {
        let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
        let file = check_file("file", "C:\\Users\\me\\letter.png", png).unwrap();
        assert_eq!(
            (file.kind, file.name.as_str()),
            (FileKind::Png, "letter.png")
        );
        let mut mp4 = vec![0, 0, 0, 24];
        mp4.extend_from_slice(b"ftypisom");
        assert_eq!(
            check_file("file", "a.mp4", mp4).unwrap().kind,
            FileKind::Mp4
        );
        // A program renamed as a video is refused.
        let refused = check_file("file", "bsl.mp4", b"MZ\x90\x00".to_vec()).unwrap_err();
        assert_eq!(refused.key, "contribution-file-wrong-type");
        let too_big = check_file("file", "v.mp4", vec![0x1A; FILE_MAX_BYTES + 1]).unwrap_err();
        assert_eq!(too_big.key, "contribution-file-too-large");
        assert_eq!(
            check_file("file", "x", Vec::new()).unwrap_err().key,
            "contribution-file-empty"
        );
    }

    #[test]
    fn a_report_is_missing_only_once_its_day_has_passed() {
        let due = date!(2026 - 12 - 01);
        assert!(!report_missing(false, due, due));
        assert!(report_missing(false, due, date!(2026 - 12 - 02)));
        assert!(!report_missing(true, due, date!(2026 - 12 - 02)));
    }
}
