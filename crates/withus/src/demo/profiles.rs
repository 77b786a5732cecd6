//! Made-up but realistic register profiles for the demo: where people live, what they care about,
//! their access needs, how they answer the monitoring questions and how often they take part. The
//! shares are skewed the way a North East disabled people's panel would be (most in the North East,
//! older, more women, mostly White British), from a seeded generator so every run is the same.

use time::{Duration, OffsetDateTime};

use crate::register::domain::{
    AccessNeed, AccessProfile, ContactMethod, DataCategory, EntryRoute, Format, MembershipStatus,
    Monitoring, NeedEntry, PREFER_NOT_TO_SAY, PaymentChoice, Preferences, Region, ShareScope,
    Topic,
};
use crate::register::questions::DEFAULT_QUESTIONS;

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same person.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = (self.next_u64() % u64::from(total)) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[items.len() - 1].0
    }

    /// Up to `most` different items, weighted, at least one.
    pub fn several<T: Copy + PartialEq>(&mut self, items: &[(T, u32)], most: usize) -> Vec<T> {
        let wanted = 1 + self.below(most);
        let mut out = Vec::new();
        for _ in 0..wanted * 3 {
            let item = self.weighted(items);
            if !out.contains(&item) {
                out.push(item);
            }
            if out.len() == wanted {
                break;
            }
        }
        out
    }
}

pub const FIRST_NAMES: &[&str] = &[
    "Aled",
    "Bethan",
    "Chidi",
    "Deepa",
    "Eilidh",
    "Farah",
    "Gareth",
    "Hannah",
    "Imran",
    "Jade",
    "Kofi",
    "Lowri",
    "Margaret",
    "Joseph",
    "Susan",
    "David",
    "Karen",
    "Paul",
    "Linda",
    "Michael",
    "Julie",
    "Stephen",
    "Tracey",
    "Andrew",
    "Nadia",
    "Tomasz",
    "Agnieszka",
    "Yusuf",
    "Amina",
    "Priya",
    "Rajesh",
    "Grace",
    "Emmanuel",
    "Siobhan",
    "Ciaran",
    "Rhys",
    "Ffion",
    "Dylan",
    "Sian",
    "Kirsty",
    "Jordan",
    "Chloe",
    "Liam",
    "Megan",
    "Callum",
    "Zara",
    "Hamza",
    "Mei",
    "Wei",
    "Olu",
];

pub const FAMILY_NAMES: &[&str] = &[
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Robson",
    "Thompson",
    "Walker",
    "Wright",
    "Hall",
    "Armstrong",
    "Charlton",
    "Dodds",
    "Elliott",
    "Scott",
    "Young",
    "Hughes",
    "Evans",
    "Davies",
    "Roberts",
    "Khan",
    "Ahmed",
    "Hussain",
    "Begum",
    "Patel",
    "Singh",
    "Kowalski",
    "Nowak",
    "Okafor",
    "Mensah",
    "Chen",
    "Wong",
    "O'Neill",
    "Murphy",
    "Kelly",
    "Campbell",
    "Stewart",
    "Morgan",
    "Williams",
    "Price",
];

pub const INVOLVEMENTS: &[&str] = &[
    "Bus station redesign workshop",
    "Adult social care strategy consultation",
    "Accessible housing standards focus group",
    "GP appointment booking user testing",
    "Town centre regeneration walkabout",
    "Mental health crisis line review panel",
    "Blue Badge application form testing",
    "Hospital discharge experience interviews",
    "Library services co-design session",
    "Benefits advice service evaluation",
    "Recruitment panel for the equality lead",
    "Easy Read leaflet review",
];

/// Everything about one made-up person except the ids.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub postal_address: Option<String>,
    pub contact_method: ContactMethod,
    pub language: &'static str,
    pub region: Option<Region>,
    pub entry_route: EntryRoute,
    pub status: MembershipStatus,
    pub topics: Vec<Topic>,
    /// Special-category data they consented to us holding; empty means no such consent.
    pub categories: Vec<DataCategory>,
    pub access: Option<AccessProfile>,
    pub preferences: Option<Preferences>,
    pub monitoring: Option<Monitoring>,
    /// When they took part, newest first, with what in.
    pub involvements: Vec<(OffsetDateTime, &'static str)>,
    /// What they agreed to share with the partner council, if anything.
    pub share: Option<Vec<ShareScope>>,
    /// How long ago they joined.
    pub joined_days_ago: i64,
}

impl Profile {
    pub fn last_involved(&self) -> Option<OffsetDateTime> {
        self.involvements.iter().map(|(at, _)| *at).max()
    }

    /// When they took part for the third-last time (see `people.third_last_involved_at`).
    pub fn third_last_involved(&self) -> Option<OffsetDateTime> {
        let mut times: Vec<OffsetDateTime> = self.involvements.iter().map(|(at, _)| *at).collect();
        times.sort_unstable_by(|a, b| b.cmp(a));
        times.get(2).copied()
    }
}

const REGIONS: &[(Option<Region>, u32)] = &[
    (Some(Region::NorthEast), 720),
    (Some(Region::NorthWest), 70),
    (Some(Region::Yorkshire), 60),
    (Some(Region::Wales), 60),
    (Some(Region::London), 20),
    (Some(Region::SouthEast), 10),
    (Some(Region::WestMidlands), 10),
    (Some(Region::EastMidlands), 10),
    (Some(Region::East), 8),
    (Some(Region::SouthWest), 8),
    (Some(Region::Scotland), 4),
    (None, 20),
];

const TOPICS: &[(Topic, u32)] = &[
    (Topic::HealthServices, 30),
    (Topic::SocialCare, 25),
    (Topic::Transport, 22),
    (Topic::MentalHealth, 18),
    (Topic::Housing, 15),
    (Topic::Benefits, 15),
    (Topic::Employment, 10),
    (Topic::BuiltEnvironment, 10),
    (Topic::Digital, 8),
    (Topic::Leisure, 8),
    (Topic::Education, 6),
    (Topic::ChildrenAndFamilies, 5),
];

const NEEDS: &[(AccessNeed, u32)] = &[
    (AccessNeed::StepFree, 20),
    (AccessNeed::AccessibleToilet, 18),
    (AccessNeed::RestBreaks, 18),
    (AccessNeed::PapersInAdvance, 15),
    (AccessNeed::QuietRoom, 10),
    (AccessNeed::AccessibleParking, 10),
    (AccessNeed::LargePrint, 8),
    (AccessNeed::PersonalAssistant, 8),
    (AccessNeed::WheelchairSpace, 8),
    (AccessNeed::EasyRead, 7),
    (AccessNeed::HearingLoop, 6),
    (AccessNeed::TimeOfDay, 6),
    (AccessNeed::LiveCaptions, 5),
    (AccessNeed::ShorterSessions, 5),
    (AccessNeed::ScreenReader, 4),
    (AccessNeed::CameraOptional, 4),
    (AccessNeed::PhoneDialIn, 4),
    (AccessNeed::BslInterpreter, 3),
    (AccessNeed::ExtraTime, 3),
    (AccessNeed::NoStrongScents, 2),
];

/// Answer shares (per thousand) for each single-answer default question.
fn single_answer_weights(code: &str) -> &'static [(&'static str, u32)] {
    match code {
        "long_term_condition" => &[("yes", 930), ("no", 40), (PREFER_NOT_TO_SAY, 30)],
        "day_to_day_impact" => &[
            ("yes_a_lot", 450),
            ("yes_a_little", 400),
            ("not_at_all", 100),
            (PREFER_NOT_TO_SAY, 50),
        ],
        "ethnic_group" => &[
            ("white_british", 800),
            ("white_other", 40),
            ("white_irish", 10),
            ("white_gypsy_traveller", 5),
            ("white_roma", 2),
            ("asian_pakistani", 20),
            ("asian_indian", 20),
            ("asian_bangladeshi", 10),
            ("asian_chinese", 10),
            ("asian_other", 8),
            ("black_african", 20),
            ("black_caribbean", 8),
            ("black_other", 4),
            ("mixed_white_asian", 6),
            ("mixed_white_black_african", 4),
            ("mixed_white_black_caribbean", 4),
            ("mixed_other", 4),
            ("other_arab", 5),
            ("other_any", 5),
            (PREFER_NOT_TO_SAY, 15),
        ],
        "age_band" => &[
            ("16_24", 50),
            ("25_34", 100),
            ("35_49", 200),
            ("50_64", 300),
            ("65_74", 200),
            ("75_plus", 120),
            (PREFER_NOT_TO_SAY, 30),
        ],
        "sex" => &[("female", 550), ("male", 420), (PREFER_NOT_TO_SAY, 30)],
        "gender_identity" => &[("yes", 930), ("no", 20), (PREFER_NOT_TO_SAY, 50)],
        "sexual_orientation" => &[
            ("straight", 840),
            ("gay_lesbian", 40),
            ("bisexual", 40),
            ("other", 10),
            (PREFER_NOT_TO_SAY, 70),
        ],
        "carer" => &[
            ("no", 700),
            ("up_to_19", 150),
            ("20_to_49", 70),
            ("50_plus", 50),
            (PREFER_NOT_TO_SAY, 30),
        ],
        "health_care_work" => &[
            ("no", 850),
            ("nhs", 70),
            ("social_care", 50),
            (PREFER_NOT_TO_SAY, 30),
        ],
        _ => &[(PREFER_NOT_TO_SAY, 1)],
    }
}

const IMPAIRMENTS: &[(&str, u32)] = &[
    ("mobility", 35),
    ("mental_health", 30),
    ("stamina", 25),
    ("long_term_condition", 25),
    ("neurodivergent", 15),
    ("hearing", 12),
    ("vision", 10),
    ("dexterity", 10),
    ("learning_disability", 8),
    ("memory", 7),
    ("other", 5),
];

/// Monitoring answers for the categories consented to.
fn monitoring(rng: &mut Rng, categories: &[DataCategory], region: Option<Region>) -> Monitoring {
    let mut answers = Monitoring::default();
    for question in DEFAULT_QUESTIONS {
        if !categories.contains(&question.category) {
            continue;
        }
        let chosen: Vec<String> = match question.code {
            "impairment" if rng.percent(4) => vec![PREFER_NOT_TO_SAY.into()],
            "impairment" => rng
                .several(IMPAIRMENTS, 3)
                .into_iter()
                .map(String::from)
                .collect(),
            "languages" => {
                let mut languages = vec!["english".to_owned()];
                let welsh = if region == Some(Region::Wales) { 40 } else { 3 };
                if rng.percent(welsh) {
                    languages.push("welsh".into());
                }
                if rng.percent(3) {
                    languages.push("bsl".into());
                }
                if rng.percent(5) {
                    languages.push("other".into());
                }
                languages
            }
            code => vec![rng.weighted(single_answer_weights(code)).to_owned()],
        };
        answers.answers.insert(question.code.to_owned(), chosen);
    }
    answers
}

fn access_needs(rng: &mut Rng) -> AccessProfile {
    let needs = rng
        .several(NEEDS, 3)
        .into_iter()
        .map(|need| NeedEntry {
            need,
            detail: String::new(),
        })
        .collect();
    AccessProfile {
        needs,
        other: String::new(),
        wants_conversation: rng.percent(5),
        ..AccessProfile::default()
    }
}

fn preferences(rng: &mut Rng, access: Option<&AccessProfile>) -> Preferences {
    let mut formats = Vec::new();
    if access.is_some_and(|a| a.has(AccessNeed::EasyRead)) {
        formats.push(Format::EasyRead);
    }
    let large_print_size = access
        .is_some_and(|a| a.has(AccessNeed::LargePrint))
        .then(|| {
            formats.push(Format::LargePrint);
            rng.pick(&[16u8, 18, 20])
        });
    Preferences {
        formats,
        large_print_size,
        payment: rng.weighted(&[
            (Some(PaymentChoice::Cash), 50),
            (Some(PaymentChoice::Voucher), 15),
            (Some(PaymentChoice::Reduced), 10),
            (Some(PaymentChoice::Nothing), 15),
            (Some(PaymentChoice::ToOrganisation), 5),
            (None, 5),
        ]),
        receives_benefits: rng.weighted(&[(Some(true), 55), (Some(false), 30), (None, 15)]),
        ..Preferences::default()
    }
}

fn involvements(rng: &mut Rng, now: OffsetDateTime) -> Vec<(OffsetDateTime, &'static str)> {
    let recent = rng.weighted(&[
        (0usize, 55),
        (1, 15),
        (2, 10),
        (3, 8),
        (4, 6),
        (5, 4),
        (7, 2),
    ]);
    let older = if recent == 0 && rng.percent(45) {
        1 + rng.below(3)
    } else {
        0
    };
    let mut days: Vec<i64> = (0..recent).map(|_| rng.below(360) as i64 + 1).collect();
    days.extend((0..older).map(|_| 370 + rng.below(540) as i64));
    let mut out: Vec<(OffsetDateTime, &'static str)> = days
        .into_iter()
        .map(|days| {
            (
                now - Duration::days(days) - Duration::minutes(rng.below(600) as i64),
                rng.pick(INVOLVEMENTS),
            )
        })
        .collect();
    out.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    out
}

/// A made-up person, the same for the same seed. `index` makes the email address unique.
pub fn synthetic(seed: u64, index: usize, now: OffsetDateTime) -> Profile {
    let mut rng = Rng::new(seed);
    let first = rng.pick(FIRST_NAMES);
    let family = rng.pick(FAMILY_NAMES);
    let region = rng.weighted(REGIONS);
    let welsh = if region == Some(Region::Wales) { 40 } else { 3 };
    let language = if rng.percent(welsh) { "cy" } else { "en" };
    let email = rng.percent(82).then(|| {
        format!(
            "{}.{}.{index}@people.example",
            first.to_lowercase(),
            family.to_lowercase().replace('\'', "")
        )
    });
    let phone = rng
        .percent(55)
        .then(|| format!("07700 900{:03}", rng.below(1000)));
    let contact_method = match (&email, &phone) {
        _ if rng.percent(2) => ContactMethod::Advocate,
        (Some(_), _) if rng.percent(85) => ContactMethod::Email,
        (_, Some(_)) if rng.percent(60) => ContactMethod::Sms,
        (_, Some(_)) => ContactMethod::Phone,
        (Some(_), None) => ContactMethod::Email,
        (None, None) => ContactMethod::Post,
    };
    let postal_address = (contact_method == ContactMethod::Post || rng.percent(10)).then(|| {
        format!(
            "{} {}, Northtown, NT{} {}AB",
            1 + rng.below(180),
            rng.pick(&[
                "High Street",
                "Station Road",
                "Front Street",
                "Church Lane",
                "Park View"
            ]),
            1 + rng.below(9),
            1 + rng.below(9)
        )
    });
    let categories: Vec<DataCategory> = if rng.percent(10) {
        Vec::new()
    } else if rng.percent(15) {
        vec![DataCategory::AccessNeeds, DataCategory::Health]
    } else if rng.percent(15) {
        DataCategory::ALL
            .iter()
            .copied()
            .filter(|c| *c != DataCategory::SexualOrientation)
            .collect()
    } else {
        DataCategory::ALL.to_vec()
    };
    let access = (categories.contains(&DataCategory::AccessNeeds) && rng.percent(65))
        .then(|| access_needs(&mut rng));
    let monitoring = categories
        .iter()
        .any(|c| *c != DataCategory::AccessNeeds)
        .then(|| monitoring(&mut rng, &categories, region));
    let preferences = rng
        .percent(75)
        .then(|| preferences(&mut rng, access.as_ref()));
    let share = if rng.percent(4) {
        Some(vec![ShareScope::Contact])
    } else if rng.percent(1) {
        Some(vec![ShareScope::Contact, ShareScope::AccessNeeds])
    } else {
        None
    };
    Profile {
        name: format!("{first} {family}"),
        email,
        phone,
        postal_address,
        contact_method,
        language,
        region,
        entry_route: rng.weighted(&[
            (EntryRoute::SelfJoined, 30),
            (EntryRoute::Imported, 60),
            (EntryRoute::Assisted, 10),
        ]),
        status: rng.weighted(&[
            (MembershipStatus::Active, 85),
            (MembershipStatus::Paused, 7),
            (MembershipStatus::Left, 5),
            (MembershipStatus::Invited, 3),
        ]),
        topics: rng.several(TOPICS, 4),
        categories,
        access,
        preferences,
        monitoring,
        involvements: involvements(&mut rng, now),
        share,
        joined_days_ago: 30 + rng.below(1000) as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_makes_the_same_person() {
        let now = crate::db::now();
        let a = synthetic(7, 1, now);
        let b = synthetic(7, 1, now);
        assert_eq!(a.name, b.name);
        assert_eq!(a.monitoring, b.monitoring);
        assert_eq!(a.involvements, b.involvements);
    }

    #[test]
    fn answers_are_held_only_with_consent_and_are_valid_options() {
        let now = crate::db::now();
        for seed in 0..500 {
            let person = synthetic(seed, seed as usize, now);
            assert!(
                person.access.is_none() || person.categories.contains(&DataCategory::AccessNeeds)
            );
            for (code, answers) in person.monitoring.iter().flat_map(|m| m.answers.iter()) {
                let question = DEFAULT_QUESTIONS.iter().find(|q| q.code == code).unwrap();
                assert!(person.categories.contains(&question.category), "{code}");
                for answer in answers {
                    assert!(
                        answer == PREFER_NOT_TO_SAY
                            || question.options.iter().any(|(c, _, _)| c == answer),
                        "{code}={answer}"
                    );
                }
            }
        }
    }

    #[test]
    fn most_people_live_in_the_north_east() {
        let now = crate::db::now();
        let north_east = (0..1000)
            .filter(|s| synthetic(*s, 0, now).region == Some(Region::NorthEast))
            .count();
        assert!((600..850).contains(&north_east), "{north_east}");
    }
}
