//! A demo survey on the DPO's co-produced engagement, "Getting to our meetings", with a routed
//! question, Welsh and Easy Read wording, and answers: several in English, one in Welsh, and one a
//! facilitator entered for a member who answered by phone. Enough for the results page and the
//! export to show something realistic.

use time::OffsetDateTime;
use uuid::Uuid;

use super::domain::{
    Answer, Answers, Branch, Choice, Definition, Goto, Kind, OTHER, Question, Received, Wording,
};
use super::storage::{self, Settings};
use crate::db::Ex;
use crate::security::field_crypto::KeyRing;

fn w(en: &str, cy: &str, easy_en: &str) -> Wording {
    Wording {
        en: en.into(),
        cy: cy.into(),
        easy_en: easy_en.into(),
        easy_cy: String::new(),
    }
}

fn choice(key: &str, en: &str, cy: &str) -> Choice {
    Choice {
        key: key.into(),
        label: w(en, cy, ""),
    }
}

fn question(key: &str, label: Wording, kind: Kind) -> Question {
    Question {
        key: key.into(),
        label,
        help: Wording::default(),
        optional: false,
        with_previous: false,
        kind,
        branches: Vec::new(),
    }
}

/// The survey's questions.
pub fn definition() -> Definition {
    let mut q1 = question(
        "q1",
        w(
            "How do you usually travel to our meetings?",
            "Sut ydych chi’n teithio i’n cyfarfodydd fel arfer?",
            "How do you get to our meetings?",
        ),
        Kind::Single {
            choices: vec![
                choice("c1", "Bus", "Bws"),
                choice("c2", "Train", "Trên"),
                choice("c3", "Car or taxi", "Car neu dacsi"),
                choice("c4", "Walking or wheeling", "Cerdded neu olwyn"),
            ],
            other: true,
        },
    );
    q1.branches = vec![Branch {
        when: "c2".into(),
        to: Goto::Question("q3".into()),
    }];
    let mut q2 = question(
        "q2",
        w(
            "Which bus route do you use?",
            "Pa lwybr bws ydych chi’n ei ddefnyddio?",
            "Which bus do you take?",
        ),
        Kind::ShortText,
    );
    q2.optional = true;
    let q3 = question(
        "q3",
        w(
            "How easy is it to get to the venue?",
            "Pa mor hawdd yw cyrraedd y lleoliad?",
            "Is it easy to get here?",
        ),
        Kind::Scale {
            min: 1,
            max: 5,
            low: w("Very hard", "Anodd iawn", "Very hard"),
            high: w("Very easy", "Hawdd iawn", "Very easy"),
        },
    );
    let mut q4 = question(
        "q4",
        w(
            "What would make our meetings easier to get to?",
            "Beth fyddai’n gwneud ein cyfarfodydd yn haws eu cyrraedd?",
            "What would help you get to our meetings?",
        ),
        Kind::Multiple {
            choices: vec![
                choice(
                    "c1",
                    "Step-free route from the bus stop",
                    "Llwybr heb risiau o’r safle bws",
                ),
                choice("c2", "Help with taxi costs", "Help gyda chostau tacsi"),
                choice(
                    "c3",
                    "Meetings later in the morning",
                    "Cyfarfodydd yn hwyrach yn y bore",
                ),
                choice("c4", "Joining online", "Ymuno ar-lein"),
            ],
            other: true,
        },
    );
    q4.optional = true;
    let mut q5 = question(
        "q5",
        w(
            "Is there anything else you want to tell us?",
            "Oes unrhyw beth arall rydych am ei ddweud wrthym?",
            "Anything else?",
        ),
        Kind::LongText { max_chars: 1200 },
    );
    q5.optional = true;
    Definition {
        title: w(
            "Getting to our meetings",
            "Cyrraedd ein cyfarfodydd",
            "Getting to our meetings",
        ),
        intro: w(
            "Tell us how you travel to meetings and what would make it easier. It takes about 3 minutes.",
            "Dywedwch wrthym sut rydych yn teithio i gyfarfodydd a beth fyddai’n ei wneud yn haws. Mae’n cymryd tua 3 munud.",
            "We want to know how you get to meetings. We want to make it easier.",
        ),
        questions: vec![q1, q2, q3, q4, q5],
        next_key: 5,
    }
}

fn pick(key: &str) -> Answer {
    Answer::Choice {
        key: key.into(),
        other: String::new(),
    }
}

/// One demo answer: travel, bus, ease, what would help, words; its language; who entered it.
type Demo = (
    &'static str,
    Option<&'static str>,
    i64,
    &'static [&'static str],
    &'static str,
    &'static str,
    bool,
);

const ANSWERS: &[Demo] = &[
    (
        "c1",
        Some("X4"),
        2,
        &["c1", "c3"],
        "The stop outside has no dropped kerb.",
        "en",
        false,
    ),
    ("c1", Some("12"), 3, &["c1"], "", "en", false),
    ("c2", None, 4, &["c3"], "", "en", false),
    (
        "c3",
        None,
        2,
        &["c2"],
        "Taxis cost me £18 each way.",
        "en",
        false,
    ),
    ("c4", None, 5, &[], "", "en", false),
    ("c1", Some("X4"), 1, &["c1", "c2"], "", "en", false),
    ("c2", None, 3, &["c4"], "", "en", false),
    ("c1", None, 2, &["c1"], "", "en", false),
    ("c3", None, 3, &["c2", "c4"], "", "en", false),
    ("c1", Some("7"), 2, &["c1", "c3"], "", "en", false),
    ("c1", Some("X4"), 3, &["c1"], "", "en", false),
    (
        "c2",
        None,
        4,
        &["c4", OTHER],
        "Mae angen lle tawel ar ôl y daith.",
        "cy",
        false,
    ),
    (
        "c3",
        None,
        1,
        &["c2"],
        "I told the facilitator by phone: I rely on taxis.",
        "en",
        true,
    ),
];

/// Adds the survey and its answers inside the demo's transaction. `staff` is the account shown as
/// having entered the phoned-in answers.
pub async fn seed(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    dpo: Uuid,
    engagement: Uuid,
    staff: Option<Uuid>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let today = OffsetDateTime::now_utc().date();
    storage::create(
        ex,
        id,
        dpo,
        engagement,
        &definition(),
        &Settings {
            opens_on: Some(today - time::Duration::days(14)),
            closes_on: Some(today + time::Duration::days(30)),
            resume_days: 28,
        },
    )
    .await?;
    for (n, (travel, bus, ease, help, words, language, phoned)) in ANSWERS.iter().enumerate() {
        let mut answers = Answers::new();
        answers.insert("q1".into(), pick(travel));
        if let Some(bus) = bus {
            answers.insert("q2".into(), Answer::Text((*bus).into()));
        }
        answers.insert("q3".into(), Answer::Scale(*ease));
        if !help.is_empty() {
            let other = if help.contains(&OTHER) {
                "Lle tawel".to_owned()
            } else {
                String::new()
            };
            answers.insert(
                "q4".into(),
                Answer::Choices {
                    keys: help.iter().map(|k| (*k).to_owned()).collect(),
                    other,
                },
            );
        }
        if !words.is_empty() {
            answers.insert("q5".into(), Answer::Text((*words).into()));
        }
        super::fixtures::response(
            ex,
            keys,
            id,
            &answers,
            super::fixtures::Sender {
                welsh: *language == "cy",
                easy_read: n == 4,
                entered_by: if *phoned {
                    staff.map(|s| (s, Received::Phone))
                } else {
                    None
                },
            },
            &format!("DEMO-{:03}", n + 1),
        )
        .await?;
    }
    Ok(id)
}
