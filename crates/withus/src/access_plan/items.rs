//! Building the plan: every adjustment the attendees need, counted, with who needs it.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::deadlines::deadline_for;
use super::{Attendee, EventFacts};
use crate::register::domain::{AccessNeed, Format};
use crate::vocab::stored_enum;

/// Sessions longer than this need two interpreters (or other communication professionals) working
/// in turns, whatever the number of people they serve. Source: domain reference §3 "2 interpreters
/// for sessions over 1 h" [A2][A3].
pub const TWO_INTERPRETERS_OVER_MINUTES: u32 = 60;

/// Large print sizes (default and minimum) are the notices door's, so letters and plans agree.
pub use crate::notices::{DEFAULT_LARGE_PRINT_POINTS, MINIMUM_LARGE_PRINT_POINTS};

/// The message for people who did not agree to share their name: "1 person (not named)".
pub const WHO_NOT_NAMED_KEY: &str = "access-plan-who-not-named";

stored_enum!(
    /// One kind of adjustment in a plan.
    ItemKind, "access-plan-kind" {
        BslInterpreter => "bsl_interpreter",
        SignSupportedEnglish => "sign_supported_english",
        Lipspeaker => "lipspeaker",
        SpeechToText => "speech_to_text",
        DeafblindInterpreter => "deafblind_interpreter",
        SpokenLanguageInterpreter => "spoken_language_interpreter",
        HearingLoop => "hearing_loop",
        LiveCaptions => "live_captions",
        EasyRead => "easy_read",
        LargePrint => "large_print",
        Braille => "braille",
        AudioPapers => "audio_papers",
        PapersInAdvance => "papers_in_advance",
        ScreenReader => "screen_reader",
        ExtraTime => "extra_time",
        StepFree => "step_free",
        AccessibleToilet => "accessible_toilet",
        AccessibleParking => "accessible_parking",
        WheelchairSpace => "wheelchair_space",
        QuietRoom => "quiet_room",
        AdjustableLighting => "adjustable_lighting",
        NoStrongScents => "no_strong_scents",
        CameraOptional => "camera_optional",
        PhoneDialIn => "phone_dial_in",
        Advocate => "advocate",
        RestBreaks => "rest_breaks",
        TimeOfDay => "time_of_day",
        ShorterSessions => "shorter_sessions",
        Conversation => "conversation",
        Dietary => "dietary",
        PaPlaces => "pa_places",
        Travel => "travel",
        Other => "other",
    }
);

impl ItemKind {
    /// The plan item a checklist need becomes. A PA or companion is counted from the booking's
    /// own question instead, so the saved need adds nothing here.
    pub fn for_need(need: AccessNeed) -> Option<ItemKind> {
        use ItemKind as K;
        Some(match need {
            AccessNeed::BslInterpreter => K::BslInterpreter,
            AccessNeed::SignSupportedEnglish => K::SignSupportedEnglish,
            AccessNeed::Lipspeaker => K::Lipspeaker,
            AccessNeed::SpeechToText => K::SpeechToText,
            AccessNeed::DeafblindInterpreter => K::DeafblindInterpreter,
            AccessNeed::SpokenLanguageInterpreter => K::SpokenLanguageInterpreter,
            AccessNeed::HearingLoop => K::HearingLoop,
            AccessNeed::LiveCaptions => K::LiveCaptions,
            AccessNeed::EasyRead => K::EasyRead,
            AccessNeed::LargePrint => K::LargePrint,
            AccessNeed::Braille => K::Braille,
            AccessNeed::PapersInAdvance => K::PapersInAdvance,
            AccessNeed::ScreenReader => K::ScreenReader,
            AccessNeed::ExtraTime => K::ExtraTime,
            AccessNeed::StepFree => K::StepFree,
            AccessNeed::AccessibleToilet => K::AccessibleToilet,
            AccessNeed::AccessibleParking => K::AccessibleParking,
            AccessNeed::WheelchairSpace => K::WheelchairSpace,
            AccessNeed::QuietRoom => K::QuietRoom,
            AccessNeed::AdjustableLighting => K::AdjustableLighting,
            AccessNeed::NoStrongScents => K::NoStrongScents,
            AccessNeed::CameraOptional => K::CameraOptional,
            AccessNeed::PhoneDialIn => K::PhoneDialIn,
            AccessNeed::Advocate => K::Advocate,
            AccessNeed::RestBreaks => K::RestBreaks,
            AccessNeed::TimeOfDay => K::TimeOfDay,
            AccessNeed::ShorterSessions => K::ShorterSessions,
            AccessNeed::PersonalAssistant => return None,
        })
    }

    /// The papers item a format preference asks for.
    pub fn for_format(format: Format) -> Option<ItemKind> {
        match format {
            Format::EasyRead => Some(ItemKind::EasyRead),
            Format::LargePrint => Some(ItemKind::LargePrint),
            Format::Braille => Some(ItemKind::Braille),
            Format::Audio => Some(ItemKind::AudioPapers),
            Format::BslVideo | Format::PlainTextEmail => None,
        }
    }

    /// Communication professionals who work in pairs for sessions over an hour, however many
    /// people they serve.
    pub fn follows_rule_of_two(self) -> bool {
        matches!(
            self,
            ItemKind::BslInterpreter
                | ItemKind::SignSupportedEnglish
                | ItemKind::Lipspeaker
                | ItemKind::SpeechToText
        )
    }

    /// Only matters when people are in a room.
    pub fn in_room_only(self) -> bool {
        use ItemKind::*;
        matches!(
            self,
            HearingLoop
                | StepFree
                | AccessibleToilet
                | AccessibleParking
                | WheelchairSpace
                | QuietRoom
                | AdjustableLighting
                | NoStrongScents
        )
    }

    /// Only matters when people join online.
    pub fn online_only(self) -> bool {
        matches!(self, ItemKind::CameraOptional | ItemKind::PhoneDialIn)
    }
}

/// How many interpreters a session of this length needs: two over an hour, else one.
pub fn interpreters_needed(length_minutes: u32) -> u32 {
    if length_minutes > TWO_INTERPRETERS_OVER_MINUTES {
        2
    } else {
        1
    }
}

/// Where an item stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    InProgress,
    Arranged,
    /// The venue (or the online platform) already provides it; the organiser still checks it works.
    MetByVenue,
    /// It cannot be arranged. The people affected must be told in advance, personally, with what
    /// will be done instead.
    CannotArrange {
        reason: String,
        told_people_at: Option<OffsetDateTime>,
        alternative: String,
    },
}

impl Status {
    pub const KEYS: &'static [&'static str] = &[
        "access-plan-status-not-started",
        "access-plan-status-in-progress",
        "access-plan-status-arranged",
        "access-plan-status-met-by-venue",
        "access-plan-status-cannot-arrange",
    ];

    pub fn message_key(&self) -> &'static str {
        Self::KEYS[match self {
            Status::NotStarted => 0,
            Status::InProgress => 1,
            Status::Arranged => 2,
            Status::MetByVenue => 3,
            Status::CannotArrange { .. } => 4,
        }]
    }

    /// Still needs work: not started or in progress.
    pub fn is_open(&self) -> bool {
        matches!(self, Status::NotStarted | Status::InProgress)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message_key())
    }
}

impl std::fmt::Display for ItemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_key())
    }
}

/// Someone who needs an item. The name is there only when they agreed to share it with the organiser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: Uuid,
    pub name: Option<String>,
}

impl Person {
    fn of(attendee: &Attendee) -> Person {
        let name = attendee.name.trim();
        Person {
            id: attendee.id,
            name: (attendee.shares_name_with_organiser && !name.is_empty())
                .then(|| name.to_owned()),
        }
    }
}

/// One adjustment in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    pub kind: ItemKind,
    /// Point size, for large print (one item per size).
    pub size: Option<u8>,
    /// How many to arrange: interpreters after the rule of two, copies of papers, PA places, or the
    /// number of people who need it.
    pub count: u32,
    pub people: Vec<Person>,
    /// The people's own words (food, travel, other needs), not linked to who wrote them.
    pub details: Vec<String>,
    pub status: Status,
    pub booked_on: Option<Date>,
    pub cost_pence: Option<i64>,
    pub deadline: Date,
}

impl PlanItem {
    pub fn new(kind: ItemKind, starts_at: OffsetDateTime) -> PlanItem {
        PlanItem {
            kind,
            size: None,
            count: 0,
            people: Vec::new(),
            details: Vec::new(),
            status: Status::NotStarted,
            booked_on: None,
            cost_pence: None,
            deadline: deadline_for(kind, starts_at),
        }
    }

    pub fn with_status(mut self, status: Status) -> PlanItem {
        self.status = status;
        self
    }

    /// Names of the people who agreed to share them.
    pub fn named(&self) -> Vec<&str> {
        self.people
            .iter()
            .filter_map(|p| p.name.as_deref())
            .collect()
    }

    /// People listed under [`WHO_NOT_NAMED_KEY`] ("1 person (not named)").
    pub fn not_named(&self) -> usize {
        self.people.iter().filter(|p| p.name.is_none()).count()
    }

    fn add(&mut self, person: &Person, detail: &str) {
        if !self.people.iter().any(|p| p.id == person.id) {
            self.people.push(person.clone());
        }
        let detail = detail.trim();
        if !detail.is_empty() {
            self.details.push(detail.to_owned());
        }
    }
}

/// Items are gathered by kind and (for large print) size; "other" needs each stay their own item.
struct Gather<'a> {
    event: &'a EventFacts,
    items: Vec<PlanItem>,
}

impl Gather<'_> {
    fn add(&mut self, kind: ItemKind, size: Option<u8>, person: &Person, detail: &str) {
        if (kind.in_room_only() && !self.event.mode.has_room())
            || (kind.online_only() && !self.event.mode.has_online())
        {
            return;
        }
        let existing = self
            .items
            .iter_mut()
            .find(|i| kind != ItemKind::Other && i.kind == kind && i.size == size);
        match existing {
            Some(item) => item.add(person, detail),
            None => {
                let mut item = PlanItem::new(kind, self.event.starts_at);
                item.size = size;
                item.add(person, detail);
                self.items.push(item);
            }
        }
    }
}

fn large_print_size(attendee: &Attendee) -> u8 {
    attendee
        .large_print_size
        .unwrap_or(DEFAULT_LARGE_PRINT_POINTS)
        .max(MINIMUM_LARGE_PRINT_POINTS)
}

/// Whether the venue or platform already provides an item.
fn met_by_venue(kind: ItemKind, event: &EventFacts) -> bool {
    let venue = event.venue.unwrap_or_default();
    match kind {
        ItemKind::HearingLoop => venue.hearing_loop,
        ItemKind::StepFree => venue.step_free,
        ItemKind::AccessibleToilet => venue.accessible_toilet,
        ItemKind::QuietRoom => venue.quiet_room,
        ItemKind::AccessibleParking => venue.accessible_parking,
        ItemKind::AdjustableLighting => venue.adjustable_lighting,
        ItemKind::LiveCaptions => event.captions && event.mode.has_online(),
        ItemKind::PhoneDialIn => event.phone_dial_in,
        _ => false,
    }
}

fn count(item: &PlanItem, event: &EventFacts) -> u32 {
    let people = u32::try_from(item.people.len()).unwrap_or(u32::MAX);
    let per_session = interpreters_needed(event.length_minutes);
    match item.kind {
        kind if kind.follows_rule_of_two() => per_session,
        // Each deafblind person needs their own interpreter, and the rule of two applies to each.
        ItemKind::DeafblindInterpreter => people.saturating_mul(per_session),
        _ => people,
    }
}

/// Every adjustment the attendees need for this event, in checklist order, with fresh statuses
/// (not started, or met by the venue).
pub fn build_plan(event: &EventFacts, attendees: &[Attendee]) -> Vec<PlanItem> {
    let mut gather = Gather {
        event,
        items: Vec::new(),
    };
    for attendee in attendees {
        let person = Person::of(attendee);
        let size = |kind| (kind == ItemKind::LargePrint).then(|| large_print_size(attendee));
        if let Some(profile) = &attendee.needs {
            for entry in &profile.needs {
                if let Some(kind) = ItemKind::for_need(entry.need) {
                    gather.add(kind, size(kind), &person, &entry.detail);
                }
            }
            if profile.wants_conversation {
                gather.add(ItemKind::Conversation, None, &person, "");
            }
            if !profile.other.trim().is_empty() {
                gather.add(ItemKind::Other, None, &person, &profile.other);
            }
        }
        for kind in attendee
            .formats
            .iter()
            .filter_map(|f| ItemKind::for_format(*f))
        {
            gather.add(kind, size(kind), &person, "");
        }
        if !attendee.event_specific.trim().is_empty() {
            gather.add(ItemKind::Dietary, None, &person, &attendee.event_specific);
        }
        if attendee.companion {
            gather.add(ItemKind::PaPlaces, None, &person, "");
        }
        if !attendee.travel.trim().is_empty() {
            gather.add(ItemKind::Travel, None, &person, &attendee.travel);
        }
    }
    let mut items = gather.items;
    for item in &mut items {
        item.count = count(item, event);
        if met_by_venue(item.kind, event) {
            item.status = Status::MetByVenue;
        }
    }
    items.sort_by_key(|i| (i.kind, i.size));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access_plan::fixtures::{attendee, event};
    use crate::access_plan::{Mode, VenueFacts};
    use crate::register::domain::AccessNeed as N;

    fn item(plan: &[PlanItem], kind: ItemKind) -> &PlanItem {
        plan.iter()
            .find(|i| i.kind == kind)
            .unwrap_or_else(|| panic!("no {kind:?} in {plan:#?}"))
    }

    #[test]
    fn one_interpreter_for_an_hour_two_for_longer() {
        let people = [attendee("Ana", &[N::BslInterpreter])];
        assert_eq!(
            item(&build_plan(&event(60), &people), ItemKind::BslInterpreter).count,
            1
        );
        assert_eq!(
            item(&build_plan(&event(61), &people), ItemKind::BslInterpreter).count,
            2
        );
    }

    #[test]
    fn interpreter_count_does_not_grow_with_bsl_users() {
        let people = [
            attendee("Ana", &[N::BslInterpreter]),
            attendee("Bo", &[N::BslInterpreter]),
            attendee("Cy", &[N::BslInterpreter]),
        ];
        let plan = build_plan(&event(120), &people);
        let bsl = item(&plan, ItemKind::BslInterpreter);
        assert_eq!(bsl.count, 2);
        assert_eq!(bsl.named(), ["Ana", "Bo", "Cy"]);
        assert_eq!(plan.len(), 1);
    }

    #[test]
    fn other_communication_professionals_follow_the_rule_of_two() {
        let people = [attendee(
            "Ana",
            &[N::Lipspeaker, N::SpeechToText, N::SignSupportedEnglish],
        )];
        for (minutes, expected) in [(60, 1), (90, 2)] {
            let plan = build_plan(&event(minutes), &people);
            for kind in [
                ItemKind::Lipspeaker,
                ItemKind::SpeechToText,
                ItemKind::SignSupportedEnglish,
            ] {
                assert_eq!(item(&plan, kind).count, expected, "{kind:?} {minutes}");
            }
        }
    }

    #[test]
    fn one_deafblind_interpreter_per_person_doubled_over_an_hour() {
        let people = [
            attendee("Ana", &[N::DeafblindInterpreter]),
            attendee("Bo", &[N::DeafblindInterpreter]),
        ];
        assert_eq!(
            item(
                &build_plan(&event(60), &people),
                ItemKind::DeafblindInterpreter
            )
            .count,
            2
        );
        assert_eq!(
            item(
                &build_plan(&event(90), &people),
                ItemKind::DeafblindInterpreter
            )
            .count,
            4
        );
    }

    #[test]
    fn large_print_has_one_item_per_size() {
        let mut a = attendee("Ana", &[N::LargePrint]);
        a.large_print_size = Some(24);
        let b = attendee("Bo", &[N::LargePrint]); // no size: 18pt
        let mut c = attendee("Cy", &[]);
        c.formats = vec![Format::LargePrint];
        c.large_print_size = Some(24);
        let mut d = attendee("Di", &[N::LargePrint]);
        d.large_print_size = Some(12); // below large print: raised to 16pt
        let plan = build_plan(&event(60), &[a, b, c, d]);
        let sizes: Vec<_> = plan
            .iter()
            .filter(|i| i.kind == ItemKind::LargePrint)
            .map(|i| (i.size, i.count, i.named()))
            .collect();
        assert_eq!(
            sizes,
            [
                (Some(16), 1, vec!["Di"]),
                (Some(18), 1, vec!["Bo"]),
                (Some(24), 2, vec!["Ana", "Cy"]),
            ]
        );
    }

    #[test]
    fn papers_are_counted_once_per_person() {
        let mut a = attendee("Ana", &[N::EasyRead]);
        a.formats = vec![Format::EasyRead, Format::Audio];
        let b = attendee("Bo", &[N::EasyRead, N::Braille]);
        let plan = build_plan(&event(60), &[a, b]);
        assert_eq!(item(&plan, ItemKind::EasyRead).count, 2);
        assert_eq!(item(&plan, ItemKind::AudioPapers).count, 1);
        assert_eq!(item(&plan, ItemKind::Braille).count, 1);
    }

    #[test]
    fn people_who_do_not_share_their_name_are_not_named() {
        let a = attendee("Ana", &[N::EasyRead]);
        let mut b = attendee("Bo Secret", &[N::EasyRead]);
        b.shares_name_with_organiser = false;
        let mut c = attendee("Cy Secret", &[N::EasyRead]);
        c.shares_name_with_organiser = false;
        let plan = build_plan(&event(60), &[a, b.clone(), c]);
        let easy_read = item(&plan, ItemKind::EasyRead);
        assert_eq!(easy_read.named(), ["Ana"]);
        assert_eq!(easy_read.not_named(), 2);
        assert_eq!(easy_read.count, 3);
        assert!(
            !format!("{plan:?}").contains("Secret"),
            "a name not shared never reaches the plan"
        );
        // Still linked to the person, so the system (not the organiser) can tell them things.
        assert!(easy_read.people.iter().any(|p| p.id == b.id));
    }

    #[test]
    fn venue_items_are_met_by_the_venue_but_still_listed() {
        let mut e = event(60);
        e.venue = Some(VenueFacts {
            hearing_loop: true,
            step_free: true,
            ..VenueFacts::default()
        });
        let people = [attendee(
            "Ana",
            &[
                N::HearingLoop,
                N::StepFree,
                N::QuietRoom,
                N::AccessibleToilet,
            ],
        )];
        let plan = build_plan(&e, &people);
        assert_eq!(
            item(&plan, ItemKind::HearingLoop).status,
            Status::MetByVenue
        );
        assert_eq!(item(&plan, ItemKind::StepFree).status, Status::MetByVenue);
        assert_eq!(item(&plan, ItemKind::QuietRoom).status, Status::NotStarted);
        assert_eq!(
            item(&plan, ItemKind::AccessibleToilet).status,
            Status::NotStarted
        );
        // Without a venue recorded, nothing is assumed.
        let plan = build_plan(&event(60), &people);
        assert_eq!(
            item(&plan, ItemKind::HearingLoop).status,
            Status::NotStarted
        );
    }

    #[test]
    fn captions_are_met_online_when_the_platform_has_them() {
        let people = [attendee("Ana", &[N::LiveCaptions, N::PhoneDialIn])];
        let mut e = event(60);
        e.captions = true;
        e.phone_dial_in = true;
        // In person, platform captions do not reach the room; dial-in does not apply.
        let plan = build_plan(&e, &people);
        assert_eq!(
            item(&plan, ItemKind::LiveCaptions).status,
            Status::NotStarted
        );
        assert!(plan.iter().all(|i| i.kind != ItemKind::PhoneDialIn));
        for mode in [Mode::Online, Mode::Hybrid] {
            e.mode = mode;
            let plan = build_plan(&e, &people);
            assert_eq!(
                item(&plan, ItemKind::LiveCaptions).status,
                Status::MetByVenue
            );
            assert_eq!(
                item(&plan, ItemKind::PhoneDialIn).status,
                Status::MetByVenue
            );
        }
        e.captions = false;
        let plan = build_plan(&e, &people);
        assert_eq!(
            item(&plan, ItemKind::LiveCaptions).status,
            Status::NotStarted
        );
    }

    #[test]
    fn online_events_leave_out_room_adjustments() {
        let mut e = event(60);
        e.mode = Mode::Online;
        let plan = build_plan(
            &e,
            &[attendee("Ana", &[N::StepFree, N::HearingLoop, N::EasyRead])],
        );
        let kinds: Vec<_> = plan.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, [ItemKind::EasyRead]);
    }

    #[test]
    fn free_text_needs_pa_places_and_travel() {
        let mut a = attendee("Ana", &[N::PersonalAssistant]);
        a.companion = true;
        a.event_specific = "Vegan, please".into();
        a.travel = "Taxi from home".into();
        if let Some(needs) = a.needs.as_mut() {
            needs.other = "A chair with arms".into();
            needs.wants_conversation = true;
        }
        let mut b = attendee("Bo", &[]);
        b.companion = true;
        b.travel = "Taxi, wheelchair accessible".into();
        if let Some(needs) = b.needs.as_mut() {
            needs.other = "Large font on slides".into();
        }
        let c = attendee("Cy", &[]);
        let plan = build_plan(&event(60), &[a, b, c]);
        assert_eq!(item(&plan, ItemKind::PaPlaces).count, 2);
        let travel = item(&plan, ItemKind::Travel);
        assert_eq!(travel.count, 2);
        assert_eq!(
            travel.details,
            ["Taxi from home", "Taxi, wheelchair accessible"]
        );
        assert_eq!(item(&plan, ItemKind::Dietary).details, ["Vegan, please"]);
        assert_eq!(item(&plan, ItemKind::Conversation).named(), ["Ana"]);
        let others: Vec<_> = plan
            .iter()
            .filter(|i| i.kind == ItemKind::Other)
            .map(|i| (i.count, i.details.clone()))
            .collect();
        assert_eq!(
            others,
            [
                (1, vec!["A chair with arms".to_owned()]),
                (1, vec!["Large font on slides".to_owned()])
            ]
        );
    }

    #[test]
    fn items_carry_their_deadline_and_no_needs_means_no_items() {
        let plan = build_plan(&event(60), &[attendee("Ana", &[N::BslInterpreter])]);
        assert_eq!(
            item(&plan, ItemKind::BslInterpreter).deadline,
            time::macros::date!(2026 - 12 - 22)
        );
        let mut nobody = attendee("Bo", &[]);
        nobody.needs = None;
        assert!(build_plan(&event(60), &[nobody]).is_empty());
    }
}
