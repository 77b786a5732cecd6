//! The panel register's vocabulary. Every value stored as text has one enum here, so an unknown value
//! can never be written, and each knows its message key for the interface.

use serde::{Deserialize, Serialize};

pub use crate::vocab::Stored;
use crate::vocab::stored_enum;

stored_enum!(
    /// Where a person stands with one panel.
    MembershipStatus, "membership-status" {
        Invited => "invited",
        Active => "active",
        Paused => "paused",
        Left => "left",
    }
);

stored_enum!(
    /// How a person came onto the register.
    EntryRoute, "entry-route" {
        SelfJoined => "self_joined",
        Assisted => "assisted",
        Imported => "imported",
    }
);

stored_enum!(
    /// How consent (or its withdrawal, or a request) reached us.
    Channel, "channel" {
        Online => "online",
        InPerson => "in_person",
        Phone => "phone",
        Paper => "paper",
        Email => "email",
    }
);

stored_enum!(
    /// The separate things a person can consent to.
    ConsentKind, "consent-kind" {
        Panel => "panel",
        SpecialCategory => "special_category",
        Share => "share",
    }
);

stored_enum!(
    /// Kinds of sensitive data held only with explicit consent for that kind.
    DataCategory, "data-category" {
        AccessNeeds => "access_needs",
        Health => "health",
        Ethnicity => "ethnicity",
        SexualOrientation => "sexual_orientation",
        Identity => "identity",
    }
);

stored_enum!(
    /// What a person may let a named partner organisation see.
    ShareScope, "share-scope" {
        Contact => "contact",
        AccessNeeds => "access_needs",
        Monitoring => "monitoring",
    }
);

stored_enum!(
    /// How a person wants to be contacted.
    ContactMethod, "contact-method" {
        Email => "email",
        Sms => "sms",
        Phone => "phone",
        Post => "post",
        Advocate => "advocate",
    }
);

stored_enum!(
    /// Formats a person wants information in.
    Format, "format" {
        EasyRead => "easy_read",
        LargePrint => "large_print",
        Braille => "braille",
        Audio => "audio",
        BslVideo => "bsl_video",
        PlainTextEmail => "plain_text_email",
    }
);

stored_enum!(
    /// How a person wants to be paid for their time, if at all.
    PaymentChoice, "payment-choice" {
        Cash => "cash",
        Voucher => "voucher",
        Reduced => "reduced",
        Nothing => "nothing",
        ToOrganisation => "to_organisation",
    }
);

stored_enum!(
    /// Things people care about, for matching them to engagements.
    Topic, "topic" {
        Transport => "transport",
        Housing => "housing",
        HealthServices => "health_services",
        SocialCare => "social_care",
        MentalHealth => "mental_health",
        Employment => "employment",
        Benefits => "benefits",
        Education => "education",
        Digital => "digital",
        BuiltEnvironment => "built_environment",
        Leisure => "leisure",
        ChildrenAndFamilies => "children_and_families",
    }
);

impl Topic {
    /// The topic's bit in `people.topics_mask`, which lets a search filter on a topic from the
    /// people list's own index. Fixed here, not taken from the order above, because stored masks
    /// (and the migration that filled them) depend on them.
    pub fn bit(self) -> i64 {
        1 << match self {
            Topic::Transport => 0,
            Topic::Housing => 1,
            Topic::HealthServices => 2,
            Topic::SocialCare => 3,
            Topic::MentalHealth => 4,
            Topic::Employment => 5,
            Topic::Benefits => 6,
            Topic::Education => 7,
            Topic::Digital => 8,
            Topic::BuiltEnvironment => 9,
            Topic::Leisure => 10,
            Topic::ChildrenAndFamilies => 11,
        }
    }

    /// The mask of a set of topics.
    pub fn mask(topics: &[Topic]) -> i64 {
        topics.iter().fold(0, |mask, topic| mask | topic.bit())
    }
}

stored_enum!(
    /// The UK nations and English regions (ITL1).
    Region, "region" {
        NorthEast => "TLC",
        NorthWest => "TLD",
        Yorkshire => "TLE",
        EastMidlands => "TLF",
        WestMidlands => "TLG",
        East => "TLH",
        London => "TLI",
        SouthEast => "TLJ",
        SouthWest => "TLK",
        Wales => "TLL",
        Scotland => "TLM",
        NorthernIreland => "TLN",
    }
);

stored_enum!(
    /// Groups of the access needs checklist (Accessible Information Standard and standard practice).
    NeedGroup, "need-group" {
        Communication => "communication",
        Physical => "physical",
        Sensory => "sensory",
        Support => "support",
        Digital => "digital",
        Timing => "timing",
    }
);

stored_enum!(
    /// One adjustment a person may need. The event access plan counts these.
    AccessNeed, "access-need" {
        BslInterpreter => "bsl_interpreter",
        SignSupportedEnglish => "sign_supported_english",
        Lipspeaker => "lipspeaker",
        SpeechToText => "speech_to_text",
        DeafblindInterpreter => "deafblind_interpreter",
        HearingLoop => "hearing_loop",
        LiveCaptions => "live_captions",
        EasyRead => "easy_read",
        LargePrint => "large_print",
        Braille => "braille",
        PapersInAdvance => "papers_in_advance",
        ExtraTime => "extra_time",
        StepFree => "step_free",
        AccessibleToilet => "accessible_toilet",
        AccessibleParking => "accessible_parking",
        WheelchairSpace => "wheelchair_space",
        QuietRoom => "quiet_room",
        AdjustableLighting => "adjustable_lighting",
        NoStrongScents => "no_strong_scents",
        CameraOptional => "camera_optional",
        PersonalAssistant => "personal_assistant",
        Advocate => "advocate",
        SpokenLanguageInterpreter => "spoken_language_interpreter",
        ScreenReader => "screen_reader",
        PhoneDialIn => "phone_dial_in",
        RestBreaks => "rest_breaks",
        TimeOfDay => "time_of_day",
        ShorterSessions => "shorter_sessions",
    }
);

impl AccessNeed {
    pub fn group(self) -> NeedGroup {
        use AccessNeed::*;
        match self {
            BslInterpreter | SignSupportedEnglish | Lipspeaker | SpeechToText
            | DeafblindInterpreter | HearingLoop | LiveCaptions | EasyRead | LargePrint
            | Braille | PapersInAdvance | ExtraTime => NeedGroup::Communication,
            StepFree | AccessibleToilet | AccessibleParking | WheelchairSpace => {
                NeedGroup::Physical
            }
            QuietRoom | AdjustableLighting | NoStrongScents | CameraOptional => NeedGroup::Sensory,
            PersonalAssistant | Advocate | SpokenLanguageInterpreter => NeedGroup::Support,
            ScreenReader | PhoneDialIn => NeedGroup::Digital,
            RestBreaks | TimeOfDay | ShorterSessions => NeedGroup::Timing,
        }
    }
}

stored_enum!(
    /// A request under data protection law.
    RequestKind, "request-kind" {
        Access => "access",
        Erasure => "erasure",
        Correction => "correction",
    }
);

stored_enum!(
    RequestStatus, "request-status" {
        Open => "open",
        Completed => "completed",
    }
);

/// One need with the person's own words about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedEntry {
    pub need: AccessNeed,
    #[serde(default)]
    pub detail: String,
}

/// The private access needs profile. Sealed at rest; organisers only ever see what an event needs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessProfile {
    pub needs: Vec<NeedEntry>,
    #[serde(default)]
    pub other: String,
    /// "I would rather explain my needs in a one-to-one conversation."
    #[serde(default)]
    pub wants_conversation: bool,
    /// The person's own words about each group of needs.
    #[serde(default)]
    pub group_details: std::collections::BTreeMap<NeedGroup, String>,
}

impl AccessProfile {
    pub fn has(&self, need: AccessNeed) -> bool {
        self.needs.iter().any(|n| n.need == need)
    }

    pub fn detail(&self, need: AccessNeed) -> &str {
        self.needs
            .iter()
            .find(|n| n.need == need)
            .map(|n| n.detail.as_str())
            .unwrap_or("")
    }

    pub fn group_detail(&self, group: NeedGroup) -> &str {
        self.group_details
            .get(&group)
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.needs.is_empty()
            && self.other.trim().is_empty()
            && !self.wants_conversation
            && self.group_details.values().all(|d| d.trim().is_empty())
    }
}

/// How a person wants to be contacted, informed, involved and paid. Sealed at rest: formats and
/// benefits can reveal health and money matters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    #[serde(default)]
    pub advocate_name: String,
    #[serde(default)]
    pub advocate_contact: String,
    #[serde(default)]
    pub formats: Vec<Format>,
    /// Point size wanted for large print (16 or more).
    #[serde(default)]
    pub large_print_size: Option<u8>,
    #[serde(default)]
    pub available_times: String,
    #[serde(default)]
    pub unavailable_times: String,
    #[serde(default)]
    pub payment: Option<PaymentChoice>,
    #[serde(default)]
    pub payment_organisation: String,
    /// Whether they receive benefits; which ones only if they choose to say.
    #[serde(default)]
    pub receives_benefits: Option<bool>,
    #[serde(default)]
    pub benefits_detail: String,
}

/// Monitoring answers: question code to chosen option codes. Sealed at rest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Monitoring {
    pub answers: std::collections::BTreeMap<String, Vec<String>>,
}

/// The option every monitoring question offers.
pub const PREFER_NOT_TO_SAY: &str = "prefer_not_to_say";

/// The version of each consent wording. A new wording gets a new version; old records keep theirs.
pub fn consent_wording_version(kind: ConsentKind) -> &'static str {
    match kind {
        ConsentKind::Panel => "panel-2026-11",
        ConsentKind::SpecialCategory => "special-2026-11",
        ConsentKind::Share => "share-2026-11",
    }
}

/// Scope lists are stored comma-separated.
pub fn join_scope<T: Copy>(items: &[T], as_str: fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|i| as_str(*i))
        .collect::<Vec<_>>()
        .join(",")
}

pub fn parse_scope<T>(text: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    text.split(',').filter_map(|s| parse(s.trim())).collect()
}

stored_enum!(
    /// When a person last took part in anything (a filter of the people list).
    LastInvolved, "search-last-involved" {
        Never => "never",
        OverSixMonths => "over_6_months",
        WithinSixMonths => "within_6_months",
    }
);

stored_enum!(
    /// How often a person took part in the past 12 months (a filter of the people list).
    TimesInvolved, "search-times-involved" {
        Zero => "none",
        OneOrTwo => "1_to_2",
        ThreeOrMore => "3_or_more",
    }
);

/// Message keys built from stored values at run time, so the catalogue tests can check them.
pub fn generated_message_keys() -> Vec<String> {
    fn keys<T: Copy>(all: &[T], key: fn(T) -> String) -> Vec<String> {
        all.iter().map(|v| key(*v)).collect()
    }
    [
        keys(MembershipStatus::ALL, MembershipStatus::message_key),
        keys(EntryRoute::ALL, EntryRoute::message_key),
        keys(Channel::ALL, Channel::message_key),
        keys(ConsentKind::ALL, ConsentKind::message_key),
        keys(DataCategory::ALL, DataCategory::message_key),
        keys(ShareScope::ALL, ShareScope::message_key),
        keys(ContactMethod::ALL, ContactMethod::message_key),
        keys(Format::ALL, Format::message_key),
        keys(PaymentChoice::ALL, PaymentChoice::message_key),
        keys(Topic::ALL, Topic::message_key),
        keys(Region::ALL, Region::message_key),
        keys(NeedGroup::ALL, NeedGroup::message_key),
        keys(AccessNeed::ALL, AccessNeed::message_key),
        keys(RequestKind::ALL, RequestKind::message_key),
        keys(RequestStatus::ALL, RequestStatus::message_key),
        keys(LastInvolved::ALL, LastInvolved::message_key),
        keys(TimesInvolved::ALL, TimesInvolved::message_key),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_value_reads_back_as_itself() {
        for status in MembershipStatus::ALL {
            assert_eq!(MembershipStatus::parse(status.as_str()), Some(*status));
        }
        for need in AccessNeed::ALL {
            assert_eq!(AccessNeed::parse(need.as_str()), Some(*need));
        }
        assert_eq!(Region::parse("TLL"), Some(Region::Wales));
        assert_eq!(MembershipStatus::parse("deleted"), None);
    }

    #[test]
    fn every_need_group_has_needs() {
        for group in NeedGroup::ALL {
            assert!(
                AccessNeed::ALL.iter().any(|n| n.group() == *group),
                "{group:?}"
            );
        }
    }

    #[test]
    fn message_keys_use_hyphens() {
        assert_eq!(
            AccessNeed::BslInterpreter.message_key(),
            "access-need-bsl-interpreter"
        );
        assert_eq!(Region::Wales.message_key(), "region-TLL");
    }

    #[test]
    fn scopes_round_trip_and_ignore_unknown_values() {
        let text = join_scope(
            &[DataCategory::Health, DataCategory::Ethnicity],
            DataCategory::as_str,
        );
        assert_eq!(text, "health,ethnicity");
        assert_eq!(
            parse_scope(&format!("{text},religion"), DataCategory::parse),
            vec![DataCategory::Health, DataCategory::Ethnicity]
        );
    }
}
