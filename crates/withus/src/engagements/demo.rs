//! Demo engagements: a co-production led by the DPO with the council as an equal partner (in English
//! and Welsh, with three commitments), a council consultation (English only, so Welsh readers see
//! the fallback), and a council consultation that closed two months ago with its report late.
//! Dates are relative to today, so the demo always has engagements under way.

use time::Duration;
use uuid::Uuid;

use super::domain::{
    Bilingual, Commitment, CommitmentStatus, Contact, Engagement, GroupStage, LabelScheme,
    Openness, Phase, Rung, StatusChange,
};
use super::storage;
use super::views::today;
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::domain::{Region, Topic};

fn text(en: &str, cy: &str) -> Bilingual {
    Bilingual::new(en, cy)
}

fn short_breaks() -> Engagement {
    let today = today();
    Engagement {
        title: text(
            "Redesigning short breaks for disabled adults",
            "Ailgynllunio seibiannau byr i oedolion anabl",
        ),
        summary: text(
            "Disabled people and the council are redesigning how short breaks are bought in Northtown, from what the service offers to choosing who runs it.",
            "Mae pobl anabl a'r cyngor yn ailgynllunio sut mae seibiannau byr yn cael eu prynu yn Northtown, o'r hyn y mae'r gwasanaeth yn ei gynnig i ddewis pwy sy'n ei redeg.",
        ),
        rung: Rung::CoProduce,
        decided: text(
            "The council will buy a new short breaks service to start in April 2028. The contract will last five years.",
            "Bydd y cyngor yn prynu gwasanaeth seibiannau byr newydd i ddechrau ym mis Ebrill 2028. Bydd y contract yn para pum mlynedd.",
        ),
        can_change: text(
            "What the service offers, where and when it runs, and how people book it.\n\nHow the bids are scored, and who sits on the panel that chooses the provider.",
            "Beth mae'r gwasanaeth yn ei gynnig, ble a phryd mae'n rhedeg, a sut mae pobl yn ei archebu.\n\nSut mae'r cynigion yn cael eu sgorio, a phwy sy'n eistedd ar y panel sy'n dewis y darparwr.",
        ),
        limits: text(
            "The budget is fixed at £2m a year by the council's financial plan. The contract must be bought under procurement law, so the council's cabinet formally makes the final award.",
            "Mae'r gyllideb wedi'i phennu'n £2m y flwyddyn gan gynllun ariannol y cyngor. Rhaid prynu'r contract o dan gyfraith caffael, felly cabinet y cyngor sy'n gwneud y dyfarniad terfynol yn ffurfiol.",
        ),
        phase: Phase::Inward,
        stage: GroupStage::Forming,
        topic: Topic::SocialCare,
        area: text("Northtown borough", "Bwrdeistref Northtown"),
        region: Some(Region::NorthWest),
        starts_on: today - Duration::days(30),
        ends_on: today + Duration::days(270),
        contact: Contact {
            name: "Femi Adeyemi".into(),
            email: "coproduction@northtown-dpf.example".into(),
            phone: "01632 960123".into(),
        },
        openness: Openness::Selection,
        take_part: text(
            "Tell Femi you are interested. We will choose 16 people by fair selection, so the group reflects disabled people in Northtown. You will be paid for your time.",
            "Dywedwch wrth Femi bod gennych ddiddordeb. Byddwn yn dewis 16 o bobl drwy ddetholiad teg, fel bod y grŵp yn adlewyrchu pobl anabl yn Northtown. Byddwch yn cael eich talu am eich amser.",
        ),
    }
}

fn parking() -> Engagement {
    let today = today();
    Engagement {
        title: text("Blue Badge parking in the town centre", ""),
        summary: text(
            "The town centre car parks are being resurfaced. Tell us where Blue Badge bays should go and how you get from them to the shops.",
            "",
        ),
        rung: Rung::Consult,
        decided: text(
            "The car parks will be resurfaced next year. The number of Blue Badge bays will not go down.",
            "",
        ),
        can_change: text(
            "Where the Blue Badge bays go, how many there are, and the route from the bays to the shops.",
            "",
        ),
        limits: text(
            "The council makes the final decision. We will tell you what we decided and how your views affected it. Parking charges are set separately and are not part of this consultation.",
            "",
        ),
        phase: Phase::Outward,
        stage: GroupStage::Forming,
        topic: Topic::Transport,
        area: text("Northtown town centre", ""),
        region: Some(Region::NorthWest),
        starts_on: today - Duration::days(7),
        ends_on: today + Duration::days(49),
        contact: Contact {
            name: "Owen Price".into(),
            email: "parking@northtown.example".into(),
            phone: String::new(),
        },
        openness: Openness::Open,
        take_part: text(
            "Come to a drop-in session at the library, or email Owen with your views.",
            "",
        ),
    }
}

/// A consultation that has closed: its report is late, and it stays on the public list under
/// "Past engagements".
pub const FINISHED_TITLE: &str = "Transport to day centres";

fn day_centre_transport() -> Engagement {
    let today = today();
    Engagement {
        title: text(FINISHED_TITLE, "Trafnidiaeth i ganolfannau dydd"),
        summary: text(
            "The council asked how people get to day centres, and what would make the journey easier.",
            "Gofynnodd y cyngor sut mae pobl yn cyrraedd canolfannau dydd, a beth fyddai'n gwneud y daith yn haws.",
        ),
        rung: Rung::Consult,
        decided: text("The day centres stay where they are.", ""),
        can_change: text(
            "The routes, times and vehicles of the day centre buses.",
            "",
        ),
        limits: text(
            "The council decides. The budget for transport will not go up this year.",
            "",
        ),
        phase: Phase::Outward,
        stage: GroupStage::Performing,
        topic: Topic::Transport,
        area: text("Northtown", ""),
        region: Some(Region::NorthWest),
        starts_on: today - Duration::days(120),
        ends_on: today - Duration::days(60),
        contact: Contact {
            name: "Owen Price".into(),
            email: "transport@northtown.example".into(),
            phone: String::new(),
        },
        openness: Openness::Open,
        take_part: text("This consultation has closed.", ""),
    }
}

struct DemoCommitment {
    statement: Bilingual,
    owner: &'static str,
    due_in_days: i64,
    target: Bilingual,
    outcome: Option<StatusChange>,
}

fn short_breaks_commitments() -> Vec<DemoCommitment> {
    vec![
        DemoCommitment {
            statement: text(
                "The Lived Experience Team holds 40% of the tender score.",
                "Mae'r Tîm Profiad Bywyd yn dal 40% o sgôr y tendr.",
            ),
            owner: "Head of Commissioning, Northtown Borough Council",
            due_in_days: 150,
            target: text(
                "40% of the marks for each bid are given by the Lived Experience Team.",
                "Mae 40% o'r marciau ar gyfer pob cynnig yn cael eu rhoi gan y Tîm Profiad Bywyd.",
            ),
            outcome: None,
        },
        DemoCommitment {
            statement: text(
                "Everyone taking part is offered payment for their time, and travel and support costs are repaid.",
                "Mae pawb sy'n cymryd rhan yn cael cynnig tâl am eu hamser, ac mae costau teithio a chymorth yn cael eu had-dalu.",
            ),
            owner: "Director, Northtown Disabled People's Forum",
            due_in_days: -20,
            target: Bilingual::default(),
            outcome: Some(StatusChange {
                status: CommitmentStatus::Kept,
                evidence:
                    "Payment log for the first three sessions, checked by the Forum's treasurer."
                        .into(),
                explanation: text(
                    "Everyone who came to the first three sessions was paid within ten working days, and all travel and support costs were repaid.",
                    "Cafodd pawb a ddaeth i'r tair sesiwn gyntaf eu talu o fewn deg diwrnod gwaith, a chafodd yr holl gostau teithio a chymorth eu had-dalu.",
                ),
            }),
        },
        DemoCommitment {
            statement: text(
                "We publish what changed because of what people said within four weeks of each session.",
                "Rydym yn cyhoeddi beth newidiodd oherwydd yr hyn a ddywedodd pobl o fewn pedair wythnos i bob sesiwn.",
            ),
            owner: "Co-production lead, Northtown Disabled People's Forum",
            due_in_days: -3,
            target: Bilingual::default(),
            outcome: None,
        },
    ]
}

async fn add(
    ex: &mut Ex<'_>,
    lead: Uuid,
    engagement: &Engagement,
    partners: &[(Uuid, bool)],
    commitments: Vec<DemoCommitment>,
) -> Result<Uuid, sqlx::Error> {
    let id = storage::create(ex, lead, engagement).await?;
    storage::set_partners(ex, id, partners).await?;
    storage::set_published(ex, id, true).await?;
    for c in commitments {
        let commitment = Commitment {
            statement: c.statement,
            owner: c.owner.into(),
            due_on: today() + Duration::days(c.due_in_days),
            target: c.target,
        };
        let commitment_id = storage::add_commitment(ex, id, &commitment, None).await?;
        if let Some(outcome) = c.outcome {
            storage::change_status(ex, commitment_id, &outcome, None).await?;
        }
    }
    audit::record(
        ex,
        Entry::new(Action::EngagementCreated, "engagement", id)
            .in_organisation(lead)
            .with(serde_json::json!({ "rung": engagement.rung.as_str(), "demo": true })),
    )
    .await?;
    Ok(id)
}

/// Adds the demo engagements inside the demo's transaction.
/// Returns the DPO's co-produced engagement, which the demo's events and papers belong to.
pub async fn seed(ex: &mut Ex<'_>, dpo: Uuid, council: Uuid) -> Result<Uuid, sqlx::Error> {
    // The DPO shows the ladder its members' national network wrote: TLAP's.
    storage::set_label_scheme(ex, dpo, LabelScheme::Tlap).await?;
    let co_produced = add(
        ex,
        dpo,
        &short_breaks(),
        &[(council, true)],
        short_breaks_commitments(),
    )
    .await?;
    let report = DemoCommitment {
        statement: text(
            "We publish what people told us, what we decided and why, within six weeks of the consultation closing.",
            "",
        ),
        owner: "Parking Services Manager, Northtown Borough Council",
        due_in_days: 49 + 42,
        target: Bilingual::default(),
        outcome: None,
    };
    add(ex, council, &parking(), &[], vec![report]).await?;
    let late_report = DemoCommitment {
        statement: text(
            "We tell everyone who took part what we decided, within four weeks of closing.",
            "",
        ),
        owner: "Head of Transport, Northtown Borough Council",
        due_in_days: -32,
        target: Bilingual::default(),
        outcome: Some(StatusChange {
            status: CommitmentStatus::Broken,
            evidence: "No report has been sent to the people who took part.".into(),
            explanation: text(
                "The report was not written in time; the team was moved to other work.",
                "",
            ),
        }),
    };
    add(ex, council, &day_centre_transport(), &[], vec![late_report]).await?;
    Ok(co_produced)
}
