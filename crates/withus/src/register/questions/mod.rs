//! Monitoring questions. The defaults follow the GSS harmonised standards and Census 2021; they are
//! copied into each organisation's own list when it is created, and from then on the
//! organisation's administrators edit wording and options, and add questions, without a code
//! change.

use uuid::Uuid;

use super::domain::{DataCategory, PREFER_NOT_TO_SAY};
use crate::db::Ex;
use crate::i18n::Locale;

mod storage;

pub use storage::{NewQuestion, add_option, insert_question, list, stored_category};

pub struct DefaultQuestion {
    pub code: &'static str,
    pub category: DataCategory,
    pub multiple: bool,
    pub text: (&'static str, &'static str),
    pub hint: (&'static str, &'static str),
    pub options: &'static [(&'static str, &'static str, &'static str)],
}

pub const DEFAULT_QUESTIONS: &[DefaultQuestion] = &[
    DefaultQuestion {
        code: "long_term_condition",
        category: DataCategory::Health,
        multiple: false,
        text: (
            "Do you have any physical or mental health conditions or illnesses lasting or expected to last 12 months or more?",
            "Oes gennych chi unrhyw gyflyrau neu salwch iechyd corfforol neu feddyliol sydd wedi para neu y disgwylir iddynt bara 12 mis neu fwy?",
        ),
        hint: ("", ""),
        options: &[("yes", "Yes", "Oes"), ("no", "No", "Nac oes")],
    },
    DefaultQuestion {
        code: "day_to_day_impact",
        category: DataCategory::Health,
        multiple: false,
        text: (
            "Does your condition or illness reduce your ability to carry out day-to-day activities?",
            "A yw eich cyflwr neu salwch yn lleihau eich gallu i wneud gweithgareddau o ddydd i ddydd?",
        ),
        hint: ("", ""),
        options: &[
            ("yes_a_lot", "Yes, a lot", "Ydy, yn fawr"),
            ("yes_a_little", "Yes, a little", "Ydy, ychydig"),
            ("not_at_all", "Not at all", "Ddim o gwbl"),
        ],
    },
    DefaultQuestion {
        code: "impairment",
        category: DataCategory::Health,
        multiple: true,
        text: (
            "Which of these describe you?",
            "Pa rai o'r rhain sy'n eich disgrifio chi?",
        ),
        hint: (
            "Select all that apply. Many disabilities cannot be seen.",
            "Dewiswch bob un sy'n berthnasol. Ni ellir gweld llawer o anableddau.",
        ),
        options: &[
            (
                "vision",
                "Vision (for example, blind or partially sighted)",
                "Golwg (er enghraifft, dall neu rannol ddall)",
            ),
            (
                "hearing",
                "Hearing (for example, Deaf or hard of hearing)",
                "Clyw (er enghraifft, Byddar neu drwm eich clyw)",
            ),
            (
                "mobility",
                "Mobility (for example, walking short distances or climbing stairs)",
                "Symudedd (er enghraifft, cerdded pellteroedd byr neu ddringo grisiau)",
            ),
            (
                "dexterity",
                "Dexterity (for example, lifting or carrying objects, using a keyboard)",
                "Deheurwydd (er enghraifft, codi neu gario pethau, defnyddio bysellfwrdd)",
            ),
            (
                "learning_disability",
                "Learning disability",
                "Anabledd dysgu",
            ),
            (
                "neurodivergent",
                "Neurodivergent (for example, autistic, ADHD, dyslexic)",
                "Niwroamrywiol (er enghraifft, awtistig, ADHD, dyslecsig)",
            ),
            ("memory", "Memory", "Cof"),
            ("mental_health", "Mental health", "Iechyd meddwl"),
            (
                "stamina",
                "Stamina, breathing or fatigue",
                "Stamina, anadlu neu flinder",
            ),
            (
                "long_term_condition",
                "A long-term condition (for example, diabetes, epilepsy, long COVID)",
                "Cyflwr hirdymor (er enghraifft, diabetes, epilepsi, COVID hir)",
            ),
            ("other", "Something else", "Rhywbeth arall"),
        ],
    },
    DefaultQuestion {
        code: "ethnic_group",
        category: DataCategory::Ethnicity,
        multiple: false,
        text: ("What is your ethnic group?", "Beth yw eich grŵp ethnig?"),
        hint: ("", ""),
        options: &[
            (
                "asian_bangladeshi",
                "Asian, Asian British or Asian Welsh: Bangladeshi",
                "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Bangladeshaidd",
            ),
            (
                "asian_chinese",
                "Asian, Asian British or Asian Welsh: Chinese",
                "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Tsieineaidd",
            ),
            (
                "asian_indian",
                "Asian, Asian British or Asian Welsh: Indian",
                "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Indiaidd",
            ),
            (
                "asian_pakistani",
                "Asian, Asian British or Asian Welsh: Pakistani",
                "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: Pacistanaidd",
            ),
            (
                "asian_other",
                "Asian, Asian British or Asian Welsh: any other Asian background",
                "Asiaidd, Asiaidd Prydeinig neu Asiaidd Cymreig: unrhyw gefndir Asiaidd arall",
            ),
            (
                "black_african",
                "Black, Black British, Black Welsh, Caribbean or African: African",
                "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: Affricanaidd",
            ),
            (
                "black_caribbean",
                "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
                "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: Caribïaidd",
            ),
            (
                "black_other",
                "Black, Black British, Black Welsh, Caribbean or African: any other Black, Black British or Caribbean background",
                "Du, Du Prydeinig, Du Cymreig, Caribïaidd neu Affricanaidd: unrhyw gefndir Du arall",
            ),
            (
                "mixed_white_asian",
                "Mixed or Multiple ethnic groups: White and Asian",
                "Grwpiau ethnig cymysg neu luosog: Gwyn ac Asiaidd",
            ),
            (
                "mixed_white_black_african",
                "Mixed or Multiple ethnic groups: White and Black African",
                "Grwpiau ethnig cymysg neu luosog: Gwyn a Du Affricanaidd",
            ),
            (
                "mixed_white_black_caribbean",
                "Mixed or Multiple ethnic groups: White and Black Caribbean",
                "Grwpiau ethnig cymysg neu luosog: Gwyn a Du Caribïaidd",
            ),
            (
                "mixed_other",
                "Mixed or Multiple ethnic groups: any other Mixed or Multiple background",
                "Grwpiau ethnig cymysg neu luosog: unrhyw gefndir cymysg arall",
            ),
            (
                "white_british",
                "White: English, Welsh, Scottish, Northern Irish or British",
                "Gwyn: Cymreig, Seisnig, Albanaidd, Gwyddelig Gogledd Iwerddon neu Brydeinig",
            ),
            ("white_irish", "White: Irish", "Gwyn: Gwyddelig"),
            (
                "white_gypsy_traveller",
                "White: Gypsy or Irish Traveller",
                "Gwyn: Sipsi neu Deithiwr Gwyddelig",
            ),
            ("white_roma", "White: Roma", "Gwyn: Roma"),
            (
                "white_other",
                "White: any other White background",
                "Gwyn: unrhyw gefndir Gwyn arall",
            ),
            (
                "other_arab",
                "Other ethnic group: Arab",
                "Grŵp ethnig arall: Arabaidd",
            ),
            (
                "other_any",
                "Other ethnic group: any other ethnic group",
                "Grŵp ethnig arall: unrhyw grŵp ethnig arall",
            ),
        ],
    },
    DefaultQuestion {
        code: "age_band",
        category: DataCategory::Identity,
        multiple: false,
        text: ("How old are you?", "Faint yw eich oed?"),
        hint: ("", ""),
        options: &[
            ("16_24", "16 to 24", "16 i 24"),
            ("25_34", "25 to 34", "25 i 34"),
            ("35_49", "35 to 49", "35 i 49"),
            ("50_64", "50 to 64", "50 i 64"),
            ("65_74", "65 to 74", "65 i 74"),
            ("75_plus", "75 or over", "75 neu hŷn"),
        ],
    },
    DefaultQuestion {
        code: "sex",
        category: DataCategory::Identity,
        multiple: false,
        text: ("What is your sex?", "Beth yw eich rhyw?"),
        hint: ("", ""),
        options: &[("female", "Female", "Benyw"), ("male", "Male", "Gwryw")],
    },
    DefaultQuestion {
        code: "gender_identity",
        category: DataCategory::Identity,
        multiple: false,
        text: (
            "Is the gender you identify with the same as your sex registered at birth?",
            "A yw'r rhywedd rydych chi'n uniaethu ag ef yr un peth â'r rhyw a gofrestrwyd adeg eich geni?",
        ),
        hint: ("", ""),
        options: &[("yes", "Yes", "Ydy"), ("no", "No", "Nac ydy")],
    },
    DefaultQuestion {
        code: "sexual_orientation",
        category: DataCategory::SexualOrientation,
        multiple: false,
        text: (
            "Which of the following best describes your sexual orientation?",
            "Pa un o'r canlynol sy'n disgrifio eich cyfeiriadedd rhywiol orau?",
        ),
        hint: ("", ""),
        options: &[
            (
                "straight",
                "Straight or heterosexual",
                "Strêt neu heterorywiol",
            ),
            ("gay_lesbian", "Gay or lesbian", "Hoyw neu lesbiaidd"),
            ("bisexual", "Bisexual", "Deurywiol"),
            (
                "other",
                "Other sexual orientation",
                "Cyfeiriadedd rhywiol arall",
            ),
        ],
    },
    DefaultQuestion {
        code: "carer",
        category: DataCategory::Identity,
        multiple: false,
        text: (
            "Do you look after, or give any help or support to, anyone because of long-term health conditions, disability or old age?",
            "Ydych chi'n gofalu am unrhyw un, neu'n rhoi unrhyw help neu gymorth iddynt, oherwydd cyflyrau iechyd hirdymor, anabledd neu henaint?",
        ),
        hint: (
            "Do not count anything you do as part of paid work.",
            "Peidiwch â chyfrif unrhyw beth rydych yn ei wneud fel rhan o waith cyflogedig.",
        ),
        options: &[
            ("no", "No", "Nac ydw"),
            (
                "up_to_19",
                "Yes, 19 hours a week or less",
                "Ydw, 19 awr yr wythnos neu lai",
            ),
            (
                "20_to_49",
                "Yes, 20 to 49 hours a week",
                "Ydw, 20 i 49 awr yr wythnos",
            ),
            (
                "50_plus",
                "Yes, 50 or more hours a week",
                "Ydw, 50 awr neu fwy yr wythnos",
            ),
        ],
    },
    DefaultQuestion {
        code: "health_care_work",
        category: DataCategory::Identity,
        multiple: false,
        text: (
            "Do you work in health or social care?",
            "Ydych chi'n gweithio ym maes iechyd neu ofal cymdeithasol?",
        ),
        hint: ("", ""),
        options: &[
            ("nhs", "Yes, in the NHS", "Ydw, yn y GIG"),
            (
                "social_care",
                "Yes, in social care",
                "Ydw, mewn gofal cymdeithasol",
            ),
            ("no", "No", "Nac ydw"),
        ],
    },
    DefaultQuestion {
        code: "languages",
        category: DataCategory::Identity,
        multiple: true,
        text: (
            "Which languages do you use?",
            "Pa ieithoedd ydych chi'n eu defnyddio?",
        ),
        hint: ("Select all that apply.", "Dewiswch bob un sy'n berthnasol."),
        options: &[
            ("english", "English", "Saesneg"),
            ("welsh", "Welsh", "Cymraeg"),
            (
                "bsl",
                "British Sign Language (BSL)",
                "Iaith Arwyddion Prydain (BSL)",
            ),
            ("other", "Another language", "Iaith arall"),
        ],
    },
];

/// A question as an organisation asks it.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: Uuid,
    pub code: String,
    pub category: DataCategory,
    pub text_en: String,
    pub text_cy: String,
    pub hint_en: String,
    pub hint_cy: String,
    pub multiple: bool,
    pub position: i64,
    pub active: bool,
    /// The answers offered, in order.
    pub options: Vec<QuestionOption>,
    /// Answers no longer offered; kept so that answers already given still have a label.
    pub hidden_options: Vec<QuestionOption>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct QuestionOption {
    pub question_id: Uuid,
    pub code: String,
    pub label_en: String,
    pub label_cy: String,
    pub position: i64,
    pub hidden: bool,
}

#[cfg(test)]
impl Question {
    /// A one-answer question of `category` offering `options` (code, English, Welsh), for tests.
    pub fn offering(
        code: &str,
        category: DataCategory,
        options: &[(&str, &str, &str)],
    ) -> Question {
        Question {
            id: Uuid::nil(),
            code: code.to_owned(),
            category,
            text_en: String::new(),
            text_cy: String::new(),
            hint_en: String::new(),
            hint_cy: String::new(),
            multiple: false,
            position: 0,
            active: true,
            options: options
                .iter()
                .enumerate()
                .map(|(i, (code, en, cy))| QuestionOption {
                    question_id: Uuid::nil(),
                    code: (*code).to_owned(),
                    label_en: (*en).to_owned(),
                    label_cy: (*cy).to_owned(),
                    position: i as i64,
                    hidden: false,
                })
                .collect(),
            hidden_options: Vec::new(),
        }
    }
}

impl Question {
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.text_en,
            Locale::Cy => &self.text_cy,
        }
    }

    pub fn hint(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.hint_en,
            Locale::Cy => &self.hint_cy,
        }
    }

    /// The label of an answer code, including "Prefer not to say"; unknown codes show as themselves.
    pub fn option_label(&self, code: &str, locale: Locale) -> String {
        if code == PREFER_NOT_TO_SAY {
            return locale.t("prefer-not-to-say");
        }
        self.options
            .iter()
            .chain(&self.hidden_options)
            .find(|o| o.code == code)
            .map(|o| o.label(locale).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    /// Every answer, offered or hidden, in order.
    pub fn every_option(&self) -> Vec<&QuestionOption> {
        let mut all: Vec<&QuestionOption> =
            self.options.iter().chain(&self.hidden_options).collect();
        all.sort_by_key(|o| (o.position, o.code.clone()));
        all
    }

    pub fn accepts(&self, code: &str) -> bool {
        code == PREFER_NOT_TO_SAY || self.options.iter().any(|o| o.code == code)
    }
}

impl QuestionOption {
    pub fn label(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.label_en,
            Locale::Cy => &self.label_cy,
        }
    }
}

/// Gives a new organisation the default questions, in the transaction that creates it (see
/// `organisations::commands::NewOrganisationSetup`).
pub fn set_up_new_organisation<'a>(
    ex: &'a mut Ex<'_>,
    organisation: Uuid,
) -> crate::organisations::commands::SetUp<'a> {
    Box::pin(ensure_defaults(ex, organisation))
}

/// Copies the default questions into an organisation's list if it has none yet.
pub async fn ensure_defaults(ex: &mut Ex<'_>, organisation: Uuid) -> Result<(), sqlx::Error> {
    if storage::count_of(ex, organisation).await? > 0 {
        return Ok(());
    }
    for (position, question) in DEFAULT_QUESTIONS.iter().enumerate() {
        let id = storage::insert_question(
            ex,
            organisation,
            &NewQuestion {
                code: question.code,
                category: question.category,
                text: question.text,
                hint: question.hint,
                multiple: question.multiple,
                position: position as i64,
            },
        )
        .await?;
        for (index, (code, en, cy)) in question.options.iter().enumerate() {
            storage::add_option(ex, id, code, en, cy, index as i64).await?;
        }
    }
    Ok(())
}
