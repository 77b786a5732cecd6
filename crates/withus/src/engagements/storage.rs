//! Engagement storage: engagements and their partners, each organisation's choice of ladder labels,
//! and commitments with their append-only history of status changes.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{
    Bilingual, Commitment, CommitmentStatus, Engagement, GroupStage, LabelScheme, Openness, Phase,
    Rung, StatusChange,
};
use crate::db::Ex;
use crate::on;
use crate::register::domain::{Region, Topic};

// --- Label schemes -------------------------------------------------------------------------------

/// The ladder an organisation shows: the Withus scale unless it chose another.
pub(in crate::engagements) async fn label_scheme(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<LabelScheme, sqlx::Error> {
    let stored: Option<String> = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT label_scheme FROM engagement_settings WHERE organisation_id = $1",
    )
    .bind(organisation)
    .fetch_optional(c)
    .await)?;
    Ok(stored
        .as_deref()
        .and_then(LabelScheme::parse)
        .unwrap_or(LabelScheme::Withus))
}

pub(in crate::engagements) async fn set_label_scheme(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    scheme: LabelScheme,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO engagement_settings (organisation_id, label_scheme, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (organisation_id) DO UPDATE SET label_scheme = excluded.label_scheme, updated_at = excluded.updated_at",
    )
    .bind(organisation)
    .bind(scheme.as_str())
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

// --- Engagements ---------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EngagementRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    /// The lead organisation's name.
    pub organisation_name: String,
    /// The lead organisation's chosen ladder, if it chose one.
    pub label_scheme: Option<String>,
    pub title_en: String,
    pub title_cy: String,
    pub summary_en: String,
    pub summary_cy: String,
    pub rung: String,
    pub decided_en: String,
    pub decided_cy: String,
    pub can_change_en: String,
    pub can_change_cy: String,
    pub limits_en: String,
    pub limits_cy: String,
    pub phase: String,
    pub group_stage: String,
    pub topic: String,
    pub area_en: String,
    pub area_cy: String,
    pub region: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub openness: String,
    pub take_part_en: String,
    pub take_part_cy: String,
    pub published: bool,
    pub published_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl EngagementRow {
    pub fn title(&self) -> Bilingual {
        Bilingual::new(&self.title_en, &self.title_cy)
    }
    pub fn summary(&self) -> Bilingual {
        Bilingual::new(&self.summary_en, &self.summary_cy)
    }
    pub fn decided(&self) -> Bilingual {
        Bilingual::new(&self.decided_en, &self.decided_cy)
    }
    pub fn can_change(&self) -> Bilingual {
        Bilingual::new(&self.can_change_en, &self.can_change_cy)
    }
    pub fn limits(&self) -> Bilingual {
        Bilingual::new(&self.limits_en, &self.limits_cy)
    }
    pub fn area(&self) -> Bilingual {
        Bilingual::new(&self.area_en, &self.area_cy)
    }
    pub fn take_part(&self) -> Bilingual {
        Bilingual::new(&self.take_part_en, &self.take_part_cy)
    }
    pub fn rung(&self) -> Rung {
        Rung::parse(&self.rung).unwrap_or(Rung::Inform)
    }
    pub fn scheme(&self) -> LabelScheme {
        self.label_scheme
            .as_deref()
            .and_then(LabelScheme::parse)
            .unwrap_or(LabelScheme::Withus)
    }
    pub fn phase(&self) -> Option<Phase> {
        Phase::parse(&self.phase)
    }
    pub fn stage(&self) -> Option<GroupStage> {
        GroupStage::parse(&self.group_stage)
    }
    pub fn topic(&self) -> Option<Topic> {
        Topic::parse(&self.topic)
    }
    pub fn region(&self) -> Option<Region> {
        self.region.as_deref().and_then(Region::parse)
    }
    pub fn openness(&self) -> Option<Openness> {
        Openness::parse(&self.openness)
    }
}

const ENGAGEMENT_COLUMNS: &str = "e.id, e.organisation_id, o.name AS organisation_name, s.label_scheme, \
    e.title_en, e.title_cy, e.summary_en, e.summary_cy, e.rung, e.decided_en, e.decided_cy, \
    e.can_change_en, e.can_change_cy, e.limits_en, e.limits_cy, e.phase, e.group_stage, e.topic, \
    e.area_en, e.area_cy, e.region, e.starts_on, e.ends_on, e.contact_name, e.contact_email, \
    e.contact_phone, e.openness, e.take_part_en, e.take_part_cy, e.published, e.published_at, \
    e.created_at, e.updated_at";

const ENGAGEMENT_FROM: &str = "engagements e JOIN organisations o ON o.id = e.organisation_id \
    LEFT JOIN engagement_settings s ON s.organisation_id = e.organisation_id";

/// Binds an engagement's answers in the order of [`ENGAGEMENT_FIELDS`], after whatever is bound already.
macro_rules! bind_answers {
    ($query:expr, $e:expr) => {
        $query
            .bind(&$e.title.en)
            .bind(&$e.title.cy)
            .bind(&$e.summary.en)
            .bind(&$e.summary.cy)
            .bind($e.rung.as_str())
            .bind(&$e.decided.en)
            .bind(&$e.decided.cy)
            .bind(&$e.can_change.en)
            .bind(&$e.can_change.cy)
            .bind(&$e.limits.en)
            .bind(&$e.limits.cy)
            .bind($e.phase.as_str())
            .bind($e.stage.as_str())
            .bind($e.topic.as_str())
            .bind(&$e.area.en)
            .bind(&$e.area.cy)
            .bind($e.region.map(Region::as_str))
            .bind($e.starts_on)
            .bind($e.ends_on)
            .bind(&$e.contact.name)
            .bind(&$e.contact.email)
            .bind(&$e.contact.phone)
            .bind($e.openness.as_str())
            .bind(&$e.take_part.en)
            .bind(&$e.take_part.cy)
    };
}

/// The columns a form changes, in the order `bind_answers!` binds them.
const ENGAGEMENT_FIELDS: [&str; 25] = [
    "title_en",
    "title_cy",
    "summary_en",
    "summary_cy",
    "rung",
    "decided_en",
    "decided_cy",
    "can_change_en",
    "can_change_cy",
    "limits_en",
    "limits_cy",
    "phase",
    "group_stage",
    "topic",
    "area_en",
    "area_cy",
    "region",
    "starts_on",
    "ends_on",
    "contact_name",
    "contact_email",
    "contact_phone",
    "openness",
    "take_part_en",
    "take_part_cy",
];

/// A draft engagement led by `organisation`.
pub(in crate::engagements) async fn create(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    e: &Engagement,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    // $1 id, $2 the lead, $3 the time, then the answers from $4.
    let placeholders: Vec<String> = (4..4 + ENGAGEMENT_FIELDS.len())
        .map(|n| format!("${n}"))
        .collect();
    let sql = format!(
        "INSERT INTO engagements (id, organisation_id, published, created_at, updated_at, {}) \
         VALUES ($1, $2, FALSE, $3, $3, {})",
        ENGAGEMENT_FIELDS.join(", "),
        placeholders.join(", ")
    );
    let now = crate::db::now();
    on!(ex.re(), c => bind_answers!(
        sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(organisation).bind(now),
        e
    )
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub(in crate::engagements) async fn update(
    ex: &mut Ex<'_>,
    id: Uuid,
    e: &Engagement,
) -> Result<(), sqlx::Error> {
    // $1 id, $2 the time, then the answers from $3.
    let sets: Vec<String> = ENGAGEMENT_FIELDS
        .iter()
        .enumerate()
        .map(|(i, column)| format!("{column} = ${}", i + 3))
        .collect();
    let sql = format!(
        "UPDATE engagements SET updated_at = $2, {} WHERE id = $1",
        sets.join(", ")
    );
    on!(ex.re(), c => bind_answers!(
        sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(crate::db::now()),
        e
    )
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::engagements) async fn set_published(
    ex: &mut Ex<'_>,
    id: Uuid,
    published: bool,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "UPDATE engagements SET published = $2, published_at = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(published)
    .bind(published.then_some(now))
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::engagements) async fn find(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<Option<EngagementRow>, sqlx::Error> {
    let sql = format!("SELECT {ENGAGEMENT_COLUMNS} FROM {ENGAGEMENT_FROM} WHERE e.id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

/// Engagements an organisation leads or is a partner in, newest first.
pub(in crate::engagements) async fn of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<EngagementRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {ENGAGEMENT_COLUMNS} FROM {ENGAGEMENT_FROM} WHERE e.organisation_id = $1 \
         OR e.id IN (SELECT engagement_id FROM engagement_partners WHERE organisation_id = $1) \
         ORDER BY e.starts_on DESC, e.id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(organisation).fetch_all(c).await)
}

/// Published engagements not yet over (or, `past`, those that are over, most recent first),
/// optionally of one topic and one region (empty: any).
pub(in crate::engagements) async fn public(
    ex: &mut Ex<'_>,
    today: Date,
    topic: Option<Topic>,
    region: Option<Region>,
    past: bool,
) -> Result<Vec<EngagementRow>, sqlx::Error> {
    let (when, order) = if past {
        ("e.ends_on < $1", "e.ends_on DESC, e.id")
    } else {
        ("e.ends_on >= $1", "e.starts_on, e.id")
    };
    let sql = format!(
        "SELECT {ENGAGEMENT_COLUMNS} FROM {ENGAGEMENT_FROM} WHERE e.published AND {when} \
         AND ($2 = '' OR e.topic = $2) AND ($3 = '' OR e.region = $3) ORDER BY {order}"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(today)
        .bind(topic.map(Topic::as_str).unwrap_or(""))
        .bind(region.map(Region::as_str).unwrap_or(""))
        .fetch_all(c)
        .await)
}

// --- Partners ------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerRow {
    pub organisation_id: Uuid,
    pub name: String,
    pub equal_rights: bool,
}

pub(in crate::engagements) async fn partners_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<PartnerRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT o.id AS organisation_id, o.name, ep.equal_rights FROM engagement_partners ep \
         JOIN organisations o ON o.id = ep.organisation_id WHERE ep.engagement_id = $1 ORDER BY o.name",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// Replaces the partners with `partners`: each organisation with whether it has equal rights.
pub(in crate::engagements) async fn set_partners(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    partners: &[(Uuid, bool)],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM engagement_partners WHERE engagement_id = $1")
        .bind(engagement)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    let now = crate::db::now();
    for (organisation, equal_rights) in partners {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO engagement_partners (engagement_id, organisation_id, equal_rights, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(engagement)
        .bind(organisation)
        .bind(equal_rights)
        .bind(now)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

// --- Commitments ---------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CommitmentRow {
    pub id: Uuid,
    pub engagement_id: Uuid,
    pub statement_en: String,
    pub statement_cy: String,
    pub owner: String,
    pub due_on: Date,
    pub target_en: String,
    pub target_cy: String,
    pub status: String,
    pub evidence: String,
    pub explanation_en: String,
    pub explanation_cy: String,
    pub status_changed_at: Option<OffsetDateTime>,
}

impl CommitmentRow {
    pub fn statement(&self) -> Bilingual {
        Bilingual::new(&self.statement_en, &self.statement_cy)
    }
    pub fn target(&self) -> Bilingual {
        Bilingual::new(&self.target_en, &self.target_cy)
    }
    pub fn explanation(&self) -> Bilingual {
        Bilingual::new(&self.explanation_en, &self.explanation_cy)
    }
    pub fn status(&self) -> CommitmentStatus {
        CommitmentStatus::parse(&self.status).unwrap_or(CommitmentStatus::Open)
    }
}

const COMMITMENT_COLUMNS: &str = "id, engagement_id, statement_en, statement_cy, owner, due_on, target_en, \
    target_cy, status, evidence, explanation_en, explanation_cy, status_changed_at";

/// Adds an open commitment, with the first line of its history.
pub(in crate::engagements) async fn add_commitment(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    commitment: &Commitment,
    by: Option<Uuid>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO engagement_commitments (id, engagement_id, statement_en, statement_cy, owner, due_on, \
         target_en, target_cy, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
    )
    .bind(id)
    .bind(engagement)
    .bind(&commitment.statement.en)
    .bind(&commitment.statement.cy)
    .bind(&commitment.owner)
    .bind(commitment.due_on)
    .bind(&commitment.target.en)
    .bind(&commitment.target.cy)
    .bind(CommitmentStatus::Open.as_str())
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    append_history(
        ex,
        id,
        &StatusChange {
            status: CommitmentStatus::Open,
            evidence: String::new(),
            explanation: Bilingual::default(),
        },
        by,
        now,
    )
    .await?;
    Ok(id)
}

pub(in crate::engagements) async fn update_commitment(
    ex: &mut Ex<'_>,
    id: Uuid,
    commitment: &Commitment,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE engagement_commitments SET statement_en = $2, statement_cy = $3, owner = $4, due_on = $5, \
         target_en = $6, target_cy = $7, updated_at = $8 WHERE id = $1",
    )
    .bind(id)
    .bind(&commitment.statement.en)
    .bind(&commitment.statement.cy)
    .bind(&commitment.owner)
    .bind(commitment.due_on)
    .bind(&commitment.target.en)
    .bind(&commitment.target.cy)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Marks a commitment and appends the change to its history.
pub(in crate::engagements) async fn change_status(
    ex: &mut Ex<'_>,
    id: Uuid,
    change: &StatusChange,
    by: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "UPDATE engagement_commitments SET status = $2, evidence = $3, explanation_en = $4, explanation_cy = $5, \
         status_changed_at = $6, updated_at = $6 WHERE id = $1",
    )
    .bind(id)
    .bind(change.status.as_str())
    .bind(&change.evidence)
    .bind(&change.explanation.en)
    .bind(&change.explanation.cy)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    append_history(ex, id, change, by, now).await
}

async fn append_history(
    ex: &mut Ex<'_>,
    commitment: Uuid,
    change: &StatusChange,
    by: Option<Uuid>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO engagement_commitment_history (id, commitment_id, status, evidence, explanation_en, \
         explanation_cy, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Uuid::now_v7())
    .bind(commitment)
    .bind(change.status.as_str())
    .bind(&change.evidence)
    .bind(&change.explanation.en)
    .bind(&change.explanation.cy)
    .bind(by)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::engagements) async fn find_commitment(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    id: Uuid,
) -> Result<Option<CommitmentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COMMITMENT_COLUMNS} FROM engagement_commitments WHERE id = $1 AND engagement_id = $2"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(engagement).fetch_optional(c).await)
}

/// An engagement's commitments, soonest due first.
pub(in crate::engagements) async fn commitments_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<CommitmentRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COMMITMENT_COLUMNS} FROM engagement_commitments WHERE engagement_id = $1 ORDER BY due_on, id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(engagement).fetch_all(c).await)
}

/// How many open commitments are past their due date, per engagement of (or partnered by) `organisation`.
pub(in crate::engagements) async fn overdue_counts(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    today: Date,
) -> Result<Vec<(Uuid, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT c.engagement_id, COUNT(*) FROM engagement_commitments c JOIN engagements e ON e.id = c.engagement_id \
         WHERE c.status = $2 AND c.due_on < $3 AND (e.organisation_id = $1 \
         OR e.id IN (SELECT engagement_id FROM engagement_partners WHERE organisation_id = $1)) \
         GROUP BY c.engagement_id",
    )
    .bind(organisation)
    .bind(CommitmentStatus::Open.as_str())
    .bind(today)
    .fetch_all(c)
    .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub status: String,
    pub evidence: String,
    pub explanation_en: String,
    pub explanation_cy: String,
    pub changed_by_name: Option<String>,
    pub changed_at: OffsetDateTime,
}

/// Every status the commitment has had, oldest first.
pub(in crate::engagements) async fn history_of(
    ex: &mut Ex<'_>,
    commitment: Uuid,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT h.status, h.evidence, h.explanation_en, h.explanation_cy, a.display_name AS changed_by_name, h.changed_at \
         FROM engagement_commitment_history h LEFT JOIN accounts a ON a.id = h.changed_by \
         WHERE h.commitment_id = $1 ORDER BY h.changed_at, h.id",
    )
    .bind(commitment)
    .fetch_all(c)
    .await)
}

// --- Challenges: members saying a commitment marked kept was not kept ----------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ChallengeRow {
    pub id: Uuid,
    pub commitment_id: Uuid,
    pub person_id: Uuid,
    pub sealed_words: Vec<u8>,
}

/// The challenge the person signed in with `account` made to a commitment, if any.
pub(in crate::engagements) async fn challenge_by_account(
    ex: &mut Ex<'_>,
    commitment: Uuid,
    account: Uuid,
) -> Result<Option<ChallengeRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT ch.id, ch.commitment_id, ch.person_id, ch.sealed_words FROM commitment_challenges ch \
         JOIN people p ON p.id = ch.person_id WHERE ch.commitment_id = $1 AND p.account_id = $2",
    )
    .bind(commitment)
    .bind(account)
    .fetch_optional(c)
    .await)
}

/// Keeps the person's challenge, replacing the one they made before: one person counts once. The
/// row takes the new id its words are sealed under.
pub(in crate::engagements) async fn save_challenge(
    ex: &mut Ex<'_>,
    id: Uuid,
    commitment: Uuid,
    person: Uuid,
    sealed_words: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO commitment_challenges (id, commitment_id, person_id, sealed_words, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (commitment_id, person_id) DO UPDATE SET \
         id = excluded.id, sealed_words = excluded.sealed_words, created_at = excluded.created_at",
    )
    .bind(id)
    .bind(commitment)
    .bind(person)
    .bind(sealed_words)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::engagements) async fn delete_challenge(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM commitment_challenges WHERE id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Every challenge to an engagement's commitments, oldest first.
pub(in crate::engagements) async fn challenges_of(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<ChallengeRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT ch.id, ch.commitment_id, ch.person_id, ch.sealed_words FROM commitment_challenges ch \
         JOIN engagement_commitments c ON c.id = ch.commitment_id WHERE c.engagement_id = $1 \
         ORDER BY ch.created_at, ch.id",
    )
    .bind(engagement)
    .fetch_all(c)
    .await)
}

/// Deletes every challenge a person made. How many.
pub(in crate::engagements) async fn forget_challenges_of(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<u64, sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM commitment_challenges WHERE person_id = $1")
        .bind(person)
        .execute(c)
        .await.map(|r| r.rows_affected()))
}

/// Every challenge's sealed words, for re-sealing under a new key.
pub(in crate::engagements) async fn all_sealed_challenges(
    ex: &mut Ex<'_>,
) -> Result<Vec<(Uuid, Vec<u8>)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as("SELECT id, sealed_words FROM commitment_challenges ORDER BY id")
        .fetch_all(c)
        .await)
}

pub(in crate::engagements) async fn replace_sealed_challenge(
    ex: &mut Ex<'_>,
    id: Uuid,
    sealed_words: &[u8],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE commitment_challenges SET sealed_words = $2 WHERE id = $1")
        .bind(id)
        .bind(sealed_words)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Each commitment of the organisation's published engagements (finished ones too): its status
/// and how many members say it was not kept.
pub(in crate::engagements) async fn statuses_with_challenges(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT c.status, (SELECT COUNT(*) FROM commitment_challenges ch WHERE ch.commitment_id = c.id) \
         FROM engagement_commitments c JOIN engagements e ON e.id = c.engagement_id \
         WHERE e.organisation_id = $1 AND e.published",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

/// One thing a person said against a commitment, with what it is about, for their data downloads.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonChallengeRow {
    pub id: Uuid,
    pub sealed_words: Vec<u8>,
    pub statement_en: String,
    pub statement_cy: String,
    pub title_en: String,
    pub title_cy: String,
    pub created_at: OffsetDateTime,
}

/// Every challenge a person made, oldest first.
pub(in crate::engagements) async fn challenges_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<PersonChallengeRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT ch.id, ch.sealed_words, c.statement_en, c.statement_cy, e.title_en, e.title_cy, ch.created_at \
         FROM commitment_challenges ch JOIN engagement_commitments c ON c.id = ch.commitment_id \
         JOIN engagements e ON e.id = c.engagement_id WHERE ch.person_id = $1 ORDER BY ch.created_at, ch.id",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}
