//! Demo contributions, entered through the same commands as the app: on the co-produced engagement,
//! words from every channel (online, a letter and a call entered by staff, a point from the
//! workshop, Welsh), themed, one theme answered in bulk, and a published "You said, we did" report
//! that reached each contributor by their own channel; on the closed council consultation, answers
//! left overdue and a report that is late.

use std::collections::BTreeSet;

use time::Duration;
use uuid::Uuid;

use super::commands::{self, Draft, NewContribution, Promises};
use super::domain::Channel;
use crate::db::Ex;
use crate::engagements::storage::EngagementRow;
use crate::identity::StaffActor;
use crate::state::AppState;

/// Who says what in the demo.
#[derive(Debug, Clone, Copy, Default)]
pub struct Voices {
    pub easy_read: Option<Uuid>,
    pub welsh: Option<Uuid>,
    pub weekly: Option<Uuid>,
    pub by_phone: Option<Uuid>,
    pub by_post: Option<Uuid>,
    /// The facilitator who enters calls and letters for people.
    pub facilitator: Option<Uuid>,
}

struct Said {
    author: Option<Uuid>,
    channel: Channel,
    text: &'static str,
    may_quote: bool,
    theme: &'static str,
}

async fn say(
    ex: &mut Ex<'_>,
    state: &AppState,
    engagement: Uuid,
    facilitator: Option<Uuid>,
    said: &Said,
) -> anyhow::Result<Uuid> {
    let entered = !matches!(said.channel, Channel::Comment | Channel::Survey);
    let received = commands::receive(
        ex,
        state,
        NewContribution {
            engagement,
            event: None,
            author: said.author,
            anonymous: false,
            channel: said.channel,
            entered_by: facilitator.filter(|_| entered),
            received_by: entered
                .then_some(said.channel.received_by())
                .filter(|_| facilitator.is_some()),
            text: said.text.into(),
            may_quote: said.may_quote,
            survey_response: None,
            email: None,
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo contribution: {e}"))?;
    Ok(received.id)
}

/// Tags each contribution with its theme, making themes as they first appear.
async fn theme_all(
    ex: &mut Ex<'_>,
    actor: StaffActor,
    engagement: Uuid,
    said: &[(Uuid, &'static str)],
) -> anyhow::Result<Vec<(&'static str, Uuid)>> {
    let mut themes: Vec<(&'static str, Uuid)> = Vec::new();
    for (contribution, name) in said {
        let theme = match themes.iter().find(|(n, _)| n == name) {
            Some((_, id)) => *id,
            None => {
                let id = commands::create_theme(ex, actor, engagement, name)
                    .await
                    .map_err(|e| anyhow::anyhow!("demo theme: {e}"))?;
                themes.push((name, id));
                id
            }
        };
        commands::set_themes(
            ex,
            actor,
            engagement,
            *contribution,
            &BTreeSet::from([theme]),
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo themes: {e}"))?;
    }
    Ok(themes)
}

pub async fn seed(
    ex: &mut Ex<'_>,
    state: &AppState,
    co_produced: &EngagementRow,
    finished: Option<&EngagementRow>,
    voices: Voices,
) -> anyhow::Result<()> {
    let actor = StaffActor {
        account: voices.facilitator,
        organisation: co_produced.organisation_id,
    };
    let said = [
        Said {
            author: voices.easy_read,
            channel: Channel::Comment,
            text: "I want to choose who comes with me on a short break. Please give me pictures of the places.",
            may_quote: true,
            theme: "Choice and control",
        },
        Said {
            author: voices.by_post,
            channel: Channel::Letter,
            text: "I need the short break house to have a hoist and a wet room. Last year the one I went to had neither.",
            may_quote: true,
            theme: "Accessible places to stay",
        },
        Said {
            author: voices.by_phone,
            channel: Channel::Phone,
            text: "My husband is my carer. We want a break we can take together, not one where we are split up.",
            may_quote: false,
            theme: "Choice and control",
        },
        Said {
            author: voices.weekly,
            channel: Channel::AtEvent,
            text: "Transport to the break was the hardest part: the taxi did not take my wheelchair.",
            may_quote: true,
            theme: "Getting there",
        },
        Said {
            author: voices.welsh,
            channel: Channel::Comment,
            text: "Hoffwn gael gwybodaeth am seibiannau byr yn Gymraeg, ac aros mewn lle sy'n siarad Cymraeg.",
            may_quote: true,
            theme: "Accessible places to stay",
        },
    ];
    let mut tagged = Vec::new();
    for said in &said {
        let id = say(ex, state, co_produced.id, voices.facilitator, said).await?;
        tagged.push((id, said.theme));
    }
    let themes = theme_all(ex, actor, co_produced.id, &tagged).await?;
    // One theme answered at once, with the same words to everyone who raised it.
    if let Some((_, choice)) = themes.iter().find(|(n, _)| *n == "Choice and control") {
        commands::acknowledge_theme(
            ex,
            state,
            actor,
            co_produced,
            *choice,
            "Thank you. Choosing who you go with, and going together, is now one of the five things the new service must offer. The working group agreed this on 12 November.",
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo answer: {e}"))?;
    }
    commands::save_report(
        ex,
        actor,
        co_produced.id,
        &Draft {
            decided: "The new short breaks service must let people choose who they go with, including going with their partner or carer.\n\nEvery place on the list must say, with photos, whether it has a hoist, a wet room and step-free rooms.".into(),
            not_done: "We cannot add transport to the tender this year: it is bought by a different team. We have passed on what you said about taxis that do not take wheelchairs.".into(),
            next_steps: "The working group writes the service specification with the council, and scores the bids.".into(),
            next_by: Some(co_produced.ends_on),
        },
    )
    .await
    .map_err(|e| anyhow::anyhow!("demo report: {e}"))?;
    commands::publish_report(ex, state, actor, co_produced)
        .await
        .map_err(|e| anyhow::anyhow!("demo report: {e}"))?;

    let Some(finished) = finished else {
        return Ok(());
    };
    // The closed consultation: its report was promised a month ago, and two answers are overdue.
    let council = StaffActor {
        account: None,
        organisation: finished.organisation_id,
    };
    commands::set_promises(
        ex,
        council,
        finished.id,
        Promises {
            acknowledge_days: 10,
            report_due_on: Some(finished.ends_on + Duration::days(28)),
        },
    )
    .await?;
    let late = [
        "The day centre bus comes at a different time every day, so I never know when to be ready.",
        "Please let the driver help me from my door to the bus. I cannot manage the steps alone.",
    ];
    for (text, author) in late.iter().zip([voices.by_phone, voices.easy_read]) {
        let id = say(
            ex,
            state,
            finished.id,
            None,
            &Said {
                author,
                channel: Channel::Comment,
                text,
                may_quote: false,
                theme: "",
            },
        )
        .await?;
        super::storage::set_received_at(ex, id, crate::db::now() - Duration::days(70)).await?;
    }
    Ok(())
}
