//! The vocabulary of engagements: the rung on the ladder of participation and each ladder's name for
//! it, the phase and the group's stage, how people take part, and what became of each commitment.
//! Also the checks that turn a submitted form into an engagement or a commitment.
//!
//! One five-step scale is stored (domain reference §1d: inform · consult · involve · co-design ·
//! co-produce). An organisation may show another ladder's labels on top of it; the labels live in the
//! catalogues as `ladder-<scheme>-<rung>`. The mapping, from domain reference §1:
//!
//! | Stored     | TLAP / NCAG   | Arnstein        | IAP2        |
//! |------------|---------------|-----------------|-------------|
//! | inform     | Informing     | Informing       | Inform      |
//! | consult    | Consultation  | Consultation    | Consult     |
//! | involve    | Engagement    | Placation       | Involve     |
//! | co_design  | Co-design     | Partnership     | Collaborate |
//! | co_produce | Co-production | Delegated power | Empower     |
//!
//! TLAP's ladder is built on Arnstein's, so "Engagement" (some influence, as far as the provider
//! allows) sits with Placation (advise; power-holders still decide). Co-design has real influence
//! over the design but no part in delivery, closest to a negotiated Partnership; co-production shares
//! strategic decisions from design to delivery, the first rung where participants hold a decisive say.
//! What participants can expect is always the stored rung's own text, whichever labels are shown.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::accounts::domain::EmailAddress;
use crate::i18n::Locale;
use crate::register::domain::{Region, Topic};
use crate::vocab::normalise_phone;
use crate::vocab::stored_enum;
use crate::web::forms::Problem;

stored_enum!(
    /// Where an engagement sits on the stored five-step scale: how much say participants have.
    /// Its message key is the Withus label for the rung.
    Rung, "ladder-withus" {
        Inform => "inform",
        Consult => "consult",
        Involve => "involve",
        CoDesign => "co_design",
        CoProduce => "co_produce",
    }
);

impl Rung {
    /// What participants can expect at this rung, in plain words.
    pub fn expectation_key(self) -> String {
        format!("rung-expect-{}", self.as_str().replace('_', "-"))
    }
}

stored_enum!(
    /// Which ladder's labels an organisation shows for the rungs.
    LabelScheme, "label-scheme" {
        Withus => "withus",
        Tlap => "tlap",
        Arnstein => "arnstein",
        Iap2 => "iap2",
    }
);

impl LabelScheme {
    /// The message key of this ladder's name for `rung`.
    pub fn label_key(self, rung: Rung) -> String {
        format!(
            "ladder-{}-{}",
            self.as_str(),
            rung.as_str().replace('_', "-")
        )
    }
}

stored_enum!(
    /// Inward: people with lived experience meet as peers first, without the system in the room.
    /// Outward: they work with the organisations.
    Phase, "engagement-phase" {
        Inward => "inward",
        Outward => "outward",
    }
);

stored_enum!(
    /// The group's own view of where it is (Tuckman's stages), recorded by the group.
    GroupStage, "group-stage" {
        Forming => "forming",
        Storming => "storming",
        Norming => "norming",
        Performing => "performing",
    }
);

stored_enum!(
    /// Who can take part.
    Openness, "openness" {
        Open => "open",
        Invitation => "invitation",
        Selection => "selection",
    }
);

stored_enum!(
    /// What became of a commitment made up front.
    CommitmentStatus, "commitment-status" {
        Open => "open",
        Kept => "kept",
        PartlyKept => "partly_kept",
        Broken => "broken",
    }
);

impl CommitmentStatus {
    /// The tag colour; the tag's text always says the status too.
    pub fn colour(self) -> &'static str {
        match self {
            CommitmentStatus::Open => "govuk-tag--grey",
            CommitmentStatus::Kept => "govuk-tag--green",
            CommitmentStatus::PartlyKept => "govuk-tag--yellow",
            CommitmentStatus::Broken => "govuk-tag--red",
        }
    }
}

/// Hint keys for the choices that carry one: `<message key>-hint`.
pub fn hint_key(message_key: &str) -> String {
    format!("{message_key}-hint")
}

/// Message keys built from stored values at run time, so the catalogue tests can check them.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for rung in Rung::ALL {
        keys.push(rung.expectation_key());
        for scheme in LabelScheme::ALL {
            keys.push(scheme.label_key(*rung));
        }
    }
    keys.extend(LabelScheme::ALL.iter().map(|s| s.message_key()));
    for key in Phase::ALL
        .iter()
        .map(|p| p.message_key())
        .chain(GroupStage::ALL.iter().map(|s| s.message_key()))
        .chain(Openness::ALL.iter().map(|o| o.message_key()))
    {
        keys.push(hint_key(&key));
        keys.push(key);
    }
    keys.extend(CommitmentStatus::ALL.iter().map(|s| s.message_key()));
    keys
}

/// Text the public reads, in English and (optionally) Welsh.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub en: String,
    pub cy: String,
}

/// Text as one reader sees it. `lang` is set when it is not in the page's language (Welsh missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Shown {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Paragraphs separated by blank lines.
    pub fn paragraphs(&self) -> Vec<String> {
        self.text
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

impl Bilingual {
    pub fn new(en: impl Into<String>, cy: impl Into<String>) -> Bilingual {
        Bilingual {
            en: en.into(),
            cy: cy.into(),
        }
    }

    /// Welsh for a Welsh reader when there is Welsh; otherwise the English, marked as English.
    pub fn shown(&self, locale: Locale) -> Shown {
        match locale {
            Locale::Cy if !self.cy.trim().is_empty() => Shown {
                text: self.cy.clone(),
                lang: None,
            },
            Locale::Cy if !self.en.trim().is_empty() => Shown {
                text: self.en.clone(),
                lang: Some("en"),
            },
            _ => Shown {
                text: self.en.clone(),
                lang: None,
            },
        }
    }
}

pub const TITLE_MAX: usize = 150;
pub const SHORT_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 1000;
pub const LONG_MAX: usize = 3000;
pub const STATEMENT_MAX: usize = 500;

/// The problems found so far, in the order the form asks its questions.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push(Problem::new(field, key));
    }

    /// A required (or optional) text within `max` characters.
    fn text(
        &mut self,
        field: &'static str,
        value: &str,
        required: Option<&'static str>,
        max: usize,
    ) {
        if let (Some(key), true) = (required, value.trim().is_empty()) {
            self.add(field, key);
        } else if value.chars().count() > max {
            self.0
                .push(Problem::new(field, "engagement-error-too-long").with("max", max));
        }
    }

    fn bilingual(
        &mut self,
        fields: (&'static str, &'static str),
        value: &Bilingual,
        required: Option<&'static str>,
        max: usize,
    ) {
        self.text(fields.0, &value.en, required, max);
        self.text(fields.1, &value.cy, None, max);
    }

    fn choice<T>(&mut self, field: &'static str, value: Option<T>, key: &'static str) -> Option<T> {
        if value.is_none() {
            self.add(field, key);
        }
        value
    }
}

/// A calendar date from the three GOV.UK date boxes.
pub fn parse_date(parts: &[String; 3]) -> Option<Date> {
    let day: u8 = parts[0].trim().parse().ok()?;
    let month = Month::try_from(parts[1].trim().parse::<u8>().ok()?).ok()?;
    let year: i32 = parts[2].trim().parse().ok()?;
    if !(2000..=2100).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, month, day).ok()
}

/// The three boxes' values for a stored date.
pub fn date_parts(date: Date) -> [String; 3] {
    [
        date.day().to_string(),
        u8::from(date.month()).to_string(),
        date.year().to_string(),
    ]
}

/// The engagement form as submitted, every value a string.
#[derive(Debug, Clone, Default)]
pub struct EngagementForm {
    pub title: Bilingual,
    pub summary: Bilingual,
    pub rung: String,
    pub decided: Bilingual,
    pub can_change: Bilingual,
    pub limits: Bilingual,
    pub phase: String,
    pub stage: String,
    pub topic: String,
    pub area: Bilingual,
    pub region: String,
    pub starts: [String; 3],
    pub ends: [String; 3],
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub openness: String,
    pub take_part: Bilingual,
}

/// How to reach the person running an engagement. At least one of email and phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
}

/// A checked engagement, ready to store.
#[derive(Debug, Clone)]
pub struct Engagement {
    pub title: Bilingual,
    pub summary: Bilingual,
    pub rung: Rung,
    pub decided: Bilingual,
    pub can_change: Bilingual,
    pub limits: Bilingual,
    pub phase: Phase,
    pub stage: GroupStage,
    pub topic: Topic,
    pub area: Bilingual,
    pub region: Option<Region>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub contact: Contact,
    pub openness: Openness,
    pub take_part: Bilingual,
}

impl EngagementForm {
    /// Checks every answer, listing each problem against its field in the order the form asks them.
    pub fn check(&self) -> Result<Engagement, Vec<Problem>> {
        let mut p = Problems::default();
        p.bilingual(
            ("title_en", "title_cy"),
            &self.title,
            Some("engagement-error-title"),
            TITLE_MAX,
        );
        p.bilingual(
            ("summary_en", "summary_cy"),
            &self.summary,
            Some("engagement-error-summary"),
            SUMMARY_MAX,
        );
        let rung = p.choice("rung", Rung::parse(&self.rung), "engagement-error-rung");
        p.bilingual(
            ("decided_en", "decided_cy"),
            &self.decided,
            Some("engagement-error-decided"),
            LONG_MAX,
        );
        p.bilingual(
            ("can_change_en", "can_change_cy"),
            &self.can_change,
            Some("engagement-error-can-change"),
            LONG_MAX,
        );
        p.bilingual(
            ("limits_en", "limits_cy"),
            &self.limits,
            Some("engagement-error-limits"),
            LONG_MAX,
        );
        let phase = p.choice("phase", Phase::parse(&self.phase), "engagement-error-phase");
        let stage = p.choice(
            "stage",
            GroupStage::parse(&self.stage),
            "engagement-error-stage",
        );
        let topic = p.choice("topic", Topic::parse(&self.topic), "engagement-error-topic");
        p.bilingual(
            ("area_en", "area_cy"),
            &self.area,
            Some("engagement-error-area"),
            SHORT_MAX,
        );
        let region = if self.region.is_empty() {
            None
        } else {
            p.choice(
                "region",
                Region::parse(&self.region),
                "engagement-error-region",
            )
        };
        let starts_on = p.choice(
            "starts-day",
            parse_date(&self.starts),
            "engagement-error-starts",
        );
        let ends_on = p.choice("ends-day", parse_date(&self.ends), "engagement-error-ends");
        if let (Some(starts), Some(ends)) = (starts_on, ends_on)
            && ends < starts
        {
            p.add("ends-day", "engagement-error-ends-before-starts");
        }
        let contact = self.check_contact(&mut p);
        let openness = p.choice(
            "openness",
            Openness::parse(&self.openness),
            "engagement-error-openness",
        );
        p.bilingual(
            ("take_part_en", "take_part_cy"),
            &self.take_part,
            None,
            LONG_MAX,
        );
        match (
            rung, phase, stage, topic, starts_on, ends_on, contact, openness,
        ) {
            (
                Some(rung),
                Some(phase),
                Some(stage),
                Some(topic),
                Some(starts_on),
                Some(ends_on),
                Some(contact),
                Some(openness),
            ) if p.0.is_empty() => Ok(Engagement {
                title: self.title.clone(),
                summary: self.summary.clone(),
                rung,
                decided: self.decided.clone(),
                can_change: self.can_change.clone(),
                limits: self.limits.clone(),
                phase,
                stage,
                topic,
                area: self.area.clone(),
                region,
                starts_on,
                ends_on,
                contact,
                openness,
                take_part: self.take_part.clone(),
            }),
            _ => Err(p.0),
        }
    }

    fn check_contact(&self, p: &mut Problems) -> Option<Contact> {
        let before = p.0.len();
        p.text(
            "contact_name",
            &self.contact_name,
            Some("engagement-error-contact-name"),
            SHORT_MAX,
        );
        let email = if self.contact_email.is_empty() {
            String::new()
        } else {
            match EmailAddress::parse(&self.contact_email) {
                Ok(email) => email.as_str().to_owned(),
                Err(problem) => {
                    p.add("contact_email", problem.message_key());
                    String::new()
                }
            }
        };
        if !self.contact_phone.is_empty() && normalise_phone(&self.contact_phone).is_none() {
            p.add("contact_phone", "engagement-error-contact-phone");
        }
        if self.contact_email.is_empty() && self.contact_phone.is_empty() {
            p.add("contact_email", "engagement-error-contact-how");
        }
        (p.0.len() == before).then(|| Contact {
            name: self.contact_name.clone(),
            email,
            phone: self.contact_phone.clone(),
        })
    }
}

/// The commitment form as submitted.
#[derive(Debug, Clone, Default)]
pub struct CommitmentForm {
    pub statement: Bilingual,
    pub owner: String,
    pub due: [String; 3],
    pub target: Bilingual,
}

/// A checked commitment: a statement, who owns it, when it is due and any measurable target.
#[derive(Debug, Clone)]
pub struct Commitment {
    pub statement: Bilingual,
    pub owner: String,
    pub due_on: Date,
    pub target: Bilingual,
}

impl CommitmentForm {
    pub fn check(&self) -> Result<Commitment, Vec<Problem>> {
        let mut p = Problems::default();
        p.bilingual(
            ("statement_en", "statement_cy"),
            &self.statement,
            Some("commitment-error-statement"),
            STATEMENT_MAX,
        );
        p.text(
            "owner",
            &self.owner,
            Some("commitment-error-owner"),
            SHORT_MAX,
        );
        let due_on = p.choice("due-day", parse_date(&self.due), "commitment-error-due");
        p.bilingual(
            ("target_en", "target_cy"),
            &self.target,
            None,
            STATEMENT_MAX,
        );
        match due_on {
            Some(due_on) if p.0.is_empty() => Ok(Commitment {
                statement: self.statement.clone(),
                owner: self.owner.clone(),
                due_on,
                target: self.target.clone(),
            }),
            _ => Err(p.0),
        }
    }
}

/// A change of a commitment's status, as submitted.
#[derive(Debug, Clone, Default)]
pub struct StatusForm {
    pub status: String,
    pub evidence: String,
    pub explanation: Bilingual,
}

/// A checked change of status: kept, partly kept and broken need evidence and a public explanation.
#[derive(Debug, Clone)]
pub struct StatusChange {
    pub status: CommitmentStatus,
    pub evidence: String,
    pub explanation: Bilingual,
}

impl StatusForm {
    pub fn check(&self) -> Result<StatusChange, Vec<Problem>> {
        let mut p = Problems::default();
        let status = p.choice(
            "status",
            CommitmentStatus::parse(&self.status),
            "commitment-error-status",
        );
        let decided = status.is_some_and(|s| s != CommitmentStatus::Open);
        p.text(
            "evidence",
            &self.evidence,
            decided.then_some("commitment-error-evidence"),
            LONG_MAX,
        );
        p.bilingual(
            ("explanation_en", "explanation_cy"),
            &self.explanation,
            decided.then_some("commitment-error-explanation"),
            LONG_MAX,
        );
        match status {
            Some(status) if p.0.is_empty() => Ok(StatusChange {
                status,
                evidence: self.evidence.clone(),
                explanation: self.explanation.clone(),
            }),
            _ => Err(p.0),
        }
    }
}

/// Open and past its due date.
pub fn is_overdue(status: CommitmentStatus, due_on: Date, today: Date) -> bool {
    status == CommitmentStatus::Open && due_on < today
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn parts(day: &str, month: &str, year: &str) -> [String; 3] {
        [day.into(), month.into(), year.into()]
    }

    fn complete() -> EngagementForm {
        EngagementForm {
            title: Bilingual::new("Bus stops", ""),
            summary: Bilingual::new("Redesigning bus stops", ""),
            rung: "co_produce".into(),
            decided: Bilingual::new("The budget", ""),
            can_change: Bilingual::new("The design", ""),
            limits: Bilingual::new("National rules", ""),
            phase: "inward".into(),
            stage: "forming".into(),
            topic: "transport".into(),
            area: Bilingual::new("Northtown", ""),
            region: "TLC".into(),
            starts: parts("1", "3", "2027"),
            ends: parts("30", "9", "2027"),
            contact_name: "Femi".into(),
            contact_email: "femi@example.org".into(),
            contact_phone: String::new(),
            openness: "open".into(),
            take_part: Bilingual::default(),
        }
    }

    fn fields(problems: &[Problem]) -> Vec<&str> {
        problems.iter().map(|p| p.field.as_str()).collect()
    }

    #[test]
    fn a_complete_form_makes_an_engagement() {
        let engagement = complete().check().unwrap();
        assert_eq!(engagement.rung, Rung::CoProduce);
        assert_eq!(engagement.region, Some(Region::NorthEast));
        assert_eq!(engagement.ends_on, date!(2027 - 09 - 30));
    }

    #[test]
    fn missing_answers_are_each_named_against_their_field() {
        let problems = EngagementForm::default().check().unwrap_err();
        let named = fields(&problems);
        for field in [
            "title_en",
            "summary_en",
            "rung",
            "decided_en",
            "can_change_en",
            "limits_en",
            "phase",
            "stage",
            "topic",
            "area_en",
            "starts-day",
            "ends-day",
            "contact_name",
            "contact_email",
            "openness",
        ] {
            assert!(named.contains(&field), "{field} in {named:?}");
        }
        assert!(!named.contains(&"title_cy"), "Welsh is optional");
    }

    #[test]
    fn the_end_cannot_come_before_the_start() {
        let mut form = complete();
        form.ends = parts("28", "2", "2027");
        let problems = form.check().unwrap_err();
        assert_eq!(
            problems,
            vec![Problem::new(
                "ends-day",
                "engagement-error-ends-before-starts"
            )]
        );
        form.ends = parts("31", "2", "2027");
        assert_eq!(
            form.check().unwrap_err()[0].key,
            "engagement-error-ends",
            "not a real date"
        );
    }

    #[test]
    fn contact_needs_a_way_to_reach_them_in_a_usable_shape() {
        let mut form = complete();
        form.contact_email = String::new();
        assert_eq!(
            form.check().unwrap_err()[0].key,
            "engagement-error-contact-how"
        );
        form.contact_phone = "call me".into();
        assert_eq!(
            form.check().unwrap_err()[0].key,
            "engagement-error-contact-phone"
        );
        form.contact_phone = "0161 496 0000".into();
        assert!(form.check().is_ok());
    }

    #[test]
    fn long_text_names_its_limit() {
        let mut form = complete();
        form.title.cy = "a".repeat(TITLE_MAX + 1);
        let problem = &form.check().unwrap_err()[0];
        assert_eq!(
            problem,
            &Problem::new("title_cy", "engagement-error-too-long").with("max", TITLE_MAX)
        );
    }

    #[test]
    fn welsh_falls_back_to_english_marked_as_english() {
        let text = Bilingual::new("Bus stops", "");
        assert_eq!(
            text.shown(Locale::Cy),
            Shown {
                text: "Bus stops".into(),
                lang: Some("en")
            }
        );
        assert_eq!(text.shown(Locale::En).lang, None);
        let both = Bilingual::new("Bus stops", "Safleoedd bysiau");
        assert_eq!(both.shown(Locale::Cy).text, "Safleoedd bysiau");
        assert_eq!(both.shown(Locale::Cy).lang, None);
        let paragraphs = Shown {
            text: "One.\r\n\r\nTwo.\n\n".into(),
            lang: None,
        }
        .paragraphs();
        assert_eq!(paragraphs, vec!["One.", "Two."]);
    }

    #[test]
    fn every_ladder_names_every_rung_as_the_reference_maps_it() {
        let en = |scheme: LabelScheme, rung: Rung| Locale::En.t(&scheme.label_key(rung));
        assert_eq!(en(LabelScheme::Withus, Rung::CoDesign), "Co-design");
        assert_eq!(en(LabelScheme::Tlap, Rung::Involve), "Engagement");
        assert_eq!(en(LabelScheme::Tlap, Rung::CoProduce), "Co-production");
        assert_eq!(en(LabelScheme::Arnstein, Rung::Involve), "Placation");
        assert_eq!(
            en(LabelScheme::Arnstein, Rung::CoProduce),
            "Delegated power"
        );
        assert_eq!(en(LabelScheme::Iap2, Rung::CoDesign), "Collaborate");
        assert_eq!(en(LabelScheme::Iap2, Rung::CoProduce), "Empower");
        for scheme in LabelScheme::ALL {
            let labels: std::collections::BTreeSet<String> =
                Rung::ALL.iter().map(|r| en(*scheme, *r)).collect();
            assert_eq!(labels.len(), Rung::ALL.len(), "{scheme:?} names differ");
        }
    }

    #[test]
    fn commitments_need_a_statement_an_owner_and_a_real_due_date() {
        let problems = CommitmentForm::default().check().unwrap_err();
        assert_eq!(fields(&problems), vec!["statement_en", "owner", "due-day"]);
        let ok = CommitmentForm {
            statement: Bilingual::new("40% of the tender score", ""),
            owner: "Head of commissioning".into(),
            due: parts("1", "6", "2027"),
            target: Bilingual::default(),
        };
        assert_eq!(ok.check().unwrap().due_on, date!(2027 - 06 - 01));
    }

    #[test]
    fn deciding_a_commitment_needs_evidence_and_a_public_explanation() {
        let missing = StatusForm::default().check().unwrap_err();
        assert_eq!(fields(&missing), vec!["status"]);
        let kept = StatusForm {
            status: "kept".into(),
            ..StatusForm::default()
        };
        assert_eq!(
            fields(&kept.check().unwrap_err()),
            vec!["evidence", "explanation_en"]
        );
        let reopened = StatusForm {
            status: "open".into(),
            ..StatusForm::default()
        };
        assert!(reopened.check().is_ok());
    }

    #[test]
    fn only_open_commitments_past_their_date_are_overdue() {
        let today = date!(2027 - 06 - 02);
        assert!(is_overdue(
            CommitmentStatus::Open,
            date!(2027 - 06 - 01),
            today
        ));
        assert!(!is_overdue(CommitmentStatus::Open, today, today));
        assert!(!is_overdue(
            CommitmentStatus::Broken,
            date!(2027 - 06 - 01),
            today
        ));
    }
}
