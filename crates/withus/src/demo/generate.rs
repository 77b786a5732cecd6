//! `withus demo --people N`: made-up people on the DPO's panel, enough to try the register at the
//! size of a real one (and to benchmark it). People are inserted 1,000 at a time, each batch one
//! transaction of multi-row INSERTs with its own audit entry, so an interrupted run resumes where
//! it stopped and the count of generated people is the sum of those entries.

use std::time::Instant;

use time::Duration;
use uuid::Uuid;

use super::people::{Anchors, anchors};
use super::profiles::synthetic;
use crate::audit::{self, Action, Entry};
use crate::db::{Db, Ex, Rows, Value};
use crate::register::SealedColumn;
use crate::register::domain::{
    Channel, ConsentKind, DataCategory, EntryRoute, ShareScope, Topic, consent_wording_version,
    join_scope,
};
use crate::register::profile::{monitoring_tokens, seal_json, seal_text};
use crate::security::field_crypto::KeyRing;

/// People per transaction.
pub const BATCH: usize = 1_000;

const AUDIT_ACTION: Action = Action::DemoPeopleGenerated;

/// How many people earlier runs generated.
pub async fn generated_count(ex: &mut Ex<'_>) -> Result<usize, sqlx::Error> {
    Ok(audit::details_of(ex, AUDIT_ACTION)
        .await?
        .iter()
        .filter_map(|d| d["count"].as_u64())
        .sum::<u64>() as usize)
}

/// Adds generated people until there are `wanted`; says how many it added. `progress` hears the
/// running total after each batch.
pub async fn ensure_people(
    db: &Db,
    keys: &KeyRing,
    wanted: usize,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<usize> {
    let (anchors, already) = {
        let mut conn = db.acquire().await?;
        let anchors = anchors(&mut conn.ex())
            .await?
            .ok_or_else(|| anyhow::anyhow!("load the demo data before generating people"))?;
        (anchors, generated_count(&mut conn.ex()).await?)
    };
    let mut done = already;
    while done < wanted {
        let size = BATCH.min(wanted - done);
        let mut tx = db.begin().await?;
        insert_batch(&mut tx.ex(), keys, &anchors, done, size).await?;
        audit::record(
            &mut tx.ex(),
            Entry::new(AUDIT_ACTION, "organisation", anchors.dpo)
                .in_organisation(anchors.dpo)
                .with(serde_json::json!({ "count": size, "first": done })),
        )
        .await?;
        tx.commit().await?;
        done += size;
        progress(done, wanted);
    }
    if done > already {
        db.refresh_statistics(LOADED_TABLES).await?;
    }
    Ok(done - already)
}

/// The tables a bulk load fills, whose statistics are refreshed after it.
const LOADED_TABLES: &[&str] = &[
    "people",
    "panel_memberships",
    "person_topics",
    "monitoring_tokens",
    "involvements",
    "consents",
];

/// The rows of one batch, table by table.
struct Batch {
    people: Rows,
    memberships: Rows,
    consents: Rows,
    topics: Rows,
    tokens: Rows,
    involvements: Rows,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            people: Rows::new(
                "people",
                &[
                    "id",
                    "display_name",
                    "email",
                    "phone",
                    "postal_address",
                    "contact_method",
                    "language",
                    "region",
                    "local_authority",
                    "preferences",
                    "access_needs",
                    "access_needs_reviewed_at",
                    "monitoring",
                    "entry_route",
                    "last_involved_at",
                    "third_last_involved_at",
                    "topics_mask",
                    "created_at",
                    "updated_at",
                ],
            ),
            memberships: Rows::new(
                "panel_memberships",
                &[
                    "panel_id",
                    "person_id",
                    "status",
                    "joined_at",
                    "status_changed_at",
                ],
            ),
            consents: Rows::new(
                "consents",
                &[
                    "id",
                    "person_id",
                    "kind",
                    "panel_id",
                    "partner_organisation_id",
                    "scope",
                    "wording_version",
                    "channel",
                    "given_at",
                ],
            ),
            topics: Rows::new("person_topics", &["person_id", "topic"]),
            tokens: Rows::new("monitoring_tokens", &["person_id", "token"]),
            involvements: Rows::new(
                "involvements",
                &[
                    "id",
                    "person_id",
                    "organisation_id",
                    "description",
                    "occurred_at",
                ],
            ),
        }
    }

    async fn insert(&self, ex: &mut Ex<'_>) -> Result<(), sqlx::Error> {
        for rows in [
            &self.people,
            &self.memberships,
            &self.consents,
            &self.topics,
            &self.tokens,
            &self.involvements,
        ] {
            rows.insert(ex).await?;
        }
        Ok(())
    }
}

fn text(value: &str) -> Value {
    Value::Text(value.to_owned())
}

async fn insert_batch(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    anchors: &Anchors,
    first: usize,
    size: usize,
) -> anyhow::Result<()> {
    let now = crate::db::now();
    let mut batch = Batch::new();
    for index in first..first + size {
        let profile = synthetic(index as u64, index, now);
        let id = Uuid::now_v7();
        let joined = now - Duration::days(profile.joined_days_ago);
        let access = profile
            .access
            .as_ref()
            .map(|a| seal_json(keys, id, SealedColumn::AccessNeeds, a));
        batch.people.push([
            Value::Uuid(id),
            text(&profile.name),
            Value::OptText(profile.email.clone()),
            Value::OptText(profile.phone.clone()),
            Value::OptBytes(
                profile
                    .postal_address
                    .as_ref()
                    .map(|a| seal_text(keys, id, SealedColumn::PostalAddress, a)),
            ),
            text(profile.contact_method.as_str()),
            text(profile.language),
            Value::OptText(profile.region.map(|r| r.as_str().to_owned())),
            Value::OptText(Some("Northtown".into())),
            Value::OptBytes(
                profile
                    .preferences
                    .as_ref()
                    .map(|p| seal_json(keys, id, SealedColumn::Preferences, p)),
            ),
            Value::OptBytes(access.clone()),
            Value::OptTime(access.as_ref().map(|_| joined)),
            Value::OptBytes(
                profile
                    .monitoring
                    .as_ref()
                    .map(|m| seal_json(keys, id, SealedColumn::Monitoring, m)),
            ),
            text(profile.entry_route.as_str()),
            Value::OptTime(profile.last_involved()),
            Value::OptTime(profile.third_last_involved()),
            Value::Int(Topic::mask(&profile.topics)),
            Value::Time(joined),
            Value::Time(joined),
        ]);
        batch.memberships.push([
            Value::Uuid(anchors.dpo_panel),
            Value::Uuid(id),
            text(profile.status.as_str()),
            Value::Time(joined),
            Value::Time(joined),
        ]);
        let channel = match profile.entry_route {
            EntryRoute::SelfJoined => Channel::Online,
            EntryRoute::Imported => Channel::Paper,
            EntryRoute::Assisted => Channel::Phone,
        };
        let mut consent = |kind: ConsentKind, partner: Option<Uuid>, scope: String| {
            batch.consents.push([
                Value::Uuid(Uuid::now_v7()),
                Value::Uuid(id),
                text(kind.as_str()),
                Value::OptUuid(partner.is_none().then_some(anchors.dpo_panel)),
                Value::OptUuid(partner),
                Value::Text(scope),
                text(consent_wording_version(kind)),
                text(channel.as_str()),
                Value::Time(joined),
            ]);
        };
        consent(ConsentKind::Panel, None, String::new());
        if !profile.categories.is_empty() {
            consent(
                ConsentKind::SpecialCategory,
                None,
                join_scope(&profile.categories, DataCategory::as_str),
            );
        }
        if let Some(shared) = &profile.share {
            consent(
                ConsentKind::Share,
                Some(anchors.council),
                join_scope(shared, ShareScope::as_str),
            );
        }
        for topic in &profile.topics {
            batch.topics.push([Value::Uuid(id), text(topic.as_str())]);
        }
        if let Some(monitoring) = &profile.monitoring {
            let mut tokens = monitoring_tokens(keys, monitoring);
            tokens.sort();
            tokens.dedup();
            for token in tokens {
                batch
                    .tokens
                    .push([Value::Uuid(id), Value::OptBytes(Some(token))]);
            }
        }
        for (at, what) in &profile.involvements {
            batch.involvements.push([
                Value::Uuid(Uuid::now_v7()),
                Value::Uuid(id),
                Value::Uuid(anchors.dpo),
                text(what),
                Value::Time(*at),
            ]);
        }
    }
    batch.insert(ex).await?;
    Ok(())
}

/// Prints progress every tenth of the way, with the time taken so far.
pub fn printer(started: Instant) -> impl FnMut(usize, usize) {
    let mut last_tenth = 0;
    move |done, wanted| {
        let tenth = done * 10 / wanted.max(1);
        if tenth > last_tenth || done == wanted {
            last_tenth = tenth;
            println!(
                "Generated people: {done} of {wanted} ({:.1} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
}
