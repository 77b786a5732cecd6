//! Recommendation storage: recommendations and their themes, milestones, the append-only timeline,
//! who was asked and what they answered, who follows, implementation groups and their notes, each
//! engagement's verification rule.

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::domain::{
    Answer, Change, Decision, Delivery, NewMilestone, NewRecommendation, Priority,
};
use crate::db::Ex;
use crate::on;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecommendationRow {
    pub id: Uuid,
    pub engagement_id: Uuid,
    pub number: i32,
    pub title_en: String,
    pub title_cy: String,
    pub body_en: String,
    pub body_cy: String,
    pub easy_read: String,
    pub addressed_to: String,
    pub owner_organisation: String,
    pub owner_role: String,
    pub lead_name: String,
    pub due_on: Date,
    pub priority: Priority,
    pub decision: Decision,
    pub decision_note: String,
    pub decided_at: Option<OffsetDateTime>,
    pub delivery: Delivery,
    pub implemented_on: Option<Date>,
    pub round: i32,
    pub group_id: Option<Uuid>,
    pub created_at: OffsetDateTime,
    pub modified_at: OffsetDateTime,
}

const COLUMNS: &str = "r.id, r.engagement_id, r.number, r.title_en, r.title_cy, r.body_en, \
    r.body_cy, r.easy_read, r.addressed_to, r.owner_organisation, r.owner_role, r.lead_name, \
    r.due_on, r.priority, r.decision, r.decision_note, r.decided_at, r.delivery, r.implemented_on, \
    r.round, r.group_id, r.created_at, r.modified_at";

pub async fn insert(
    ex: &mut Ex<'_>,
    id: Uuid,
    engagement: Uuid,
    new: &NewRecommendation,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    let number: i32 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(number), 0) + 1 AS INTEGER) FROM recommendations WHERE engagement_id = $1",
    )
    .bind(engagement)
    .fetch_one(c)
    .await)?;
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendations (id, engagement_id, number, title_en, title_cy, body_en, body_cy, \
         easy_read, addressed_to, owner_organisation, owner_role, lead_name, due_on, priority, \
         created_at, modified_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
    )
    .bind(id)
    .bind(engagement)
    .bind(number)
    .bind(&new.title_en)
    .bind(&new.title_cy)
    .bind(&new.body_en)
    .bind(&new.body_cy)
    .bind(&new.easy_read)
    .bind(&new.addressed_to)
    .bind(&new.owner_organisation)
    .bind(&new.owner_role)
    .bind(&new.lead_name)
    .bind(new.due_on)
    .bind(new.priority)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn find(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<RecommendationRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM recommendations r WHERE r.id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(c).await)
}

/// The organisation that owns the recommendation's engagement.
pub async fn organisation_of(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT e.organisation_id FROM recommendations r JOIN engagements e ON e.id = r.engagement_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)
}

/// An engagement's recommendations, in their numbered order.
pub async fn of_engagement(
    ex: &mut Ex<'_>,
    engagement: Uuid,
) -> Result<Vec<RecommendationRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM recommendations r WHERE r.engagement_id = $1 ORDER BY r.number"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(engagement).fetch_all(c).await)
}

/// Every recommendation of an organisation's engagements (published or not: callers choose).
pub async fn of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    published_only: bool,
) -> Result<Vec<RecommendationRow>, sqlx::Error> {
    let published = if published_only {
        " AND e.published"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM recommendations r JOIN engagements e ON e.id = r.engagement_id \
         WHERE e.organisation_id = $1{published} ORDER BY e.starts_on, e.id, r.number"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(organisation).fetch_all(c).await)
}

/// The recommendations an implementation group monitors.
pub async fn of_group(ex: &mut Ex<'_>, group: Uuid) -> Result<Vec<RecommendationRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM recommendations r WHERE r.group_id = $1 ORDER BY r.engagement_id, r.number"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(group).fetch_all(c).await)
}

pub async fn set_decision(
    ex: &mut Ex<'_>,
    id: Uuid,
    decision: Decision,
    note: &str,
    account: Option<Uuid>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE recommendations SET decision = $2, decision_note = $3, decided_by = $4, decided_at = $5, \
         modified_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(decision)
    .bind(note)
    .bind(account)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn set_delivery(
    ex: &mut Ex<'_>,
    id: Uuid,
    delivery: Delivery,
    implemented_on: Option<Date>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE recommendations SET delivery = $2, implemented_on = $3, modified_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(delivery)
    .bind(implemented_on)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

/// Back to in progress, with a new round of verification.
pub async fn reopen(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE recommendations SET delivery = 'in_progress', implemented_on = NULL, round = round + 1, \
         modified_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn touch(ex: &mut Ex<'_>, id: Uuid, at: OffsetDateTime) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE recommendations SET modified_at = $2 WHERE id = $1")
        .bind(id).bind(at).execute(c).await.map(|_| ()))
}

pub async fn set_group(
    ex: &mut Ex<'_>,
    id: Uuid,
    group: Option<Uuid>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE recommendations SET group_id = $2, modified_at = $3 WHERE id = $1")
        .bind(id).bind(group).bind(at).execute(c).await.map(|_| ()))
}

// --- Themes ---------------------------------------------------------------------------------------

pub async fn set_themes(ex: &mut Ex<'_>, id: Uuid, themes: &[Uuid]) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM recommendation_themes WHERE recommendation_id = $1")
        .bind(id).execute(c).await.map(|_| ()))?;
    for theme in themes {
        on!(ex.re(), c => sqlx::query(
            "INSERT INTO recommendation_themes (recommendation_id, theme_id) VALUES ($1, $2)",
        )
        .bind(id)
        .bind(theme)
        .execute(c)
        .await.map(|_| ()))?;
    }
    Ok(())
}

pub async fn themes_of(ex: &mut Ex<'_>, id: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT theme_id FROM recommendation_themes WHERE recommendation_id = $1 ORDER BY theme_id",
    )
    .bind(id)
    .fetch_all(c)
    .await)
}

// --- Milestones -----------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MilestoneRow {
    pub id: Uuid,
    pub recommendation_id: Uuid,
    pub title: String,
    pub due_on: Date,
    pub done_on: Option<Date>,
    pub evidence_note: String,
    pub evidence_link: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
}

/// A file given as evidence.
pub struct EvidenceFile<'a> {
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
}

pub async fn insert_milestone(
    ex: &mut Ex<'_>,
    id: Uuid,
    recommendation: Uuid,
    new: &NewMilestone,
    file: Option<EvidenceFile<'_>>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_milestones (id, recommendation_id, title, due_on, evidence_note, \
         evidence_link, file_name, content_type, file_content, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(id)
    .bind(recommendation)
    .bind(&new.title)
    .bind(new.due_on)
    .bind(&new.evidence_note)
    .bind(&new.evidence_link)
    .bind(file.as_ref().map(|f| f.name))
    .bind(file.as_ref().map(|f| f.content_type))
    .bind(file.as_ref().map(|f| f.bytes))
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

const MILESTONE_COLUMNS: &str = "id, recommendation_id, title, due_on, done_on, evidence_note, \
    evidence_link, file_name, content_type";

pub async fn milestones_of(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
) -> Result<Vec<MilestoneRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {MILESTONE_COLUMNS} FROM recommendation_milestones WHERE recommendation_id = $1 ORDER BY due_on, id"
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(recommendation).fetch_all(c).await)
}

/// Every milestone of an organisation's recommendations.
pub async fn milestones_of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<MilestoneRow>, sqlx::Error> {
    let sql = "SELECT m.id, m.recommendation_id, m.title, m.due_on, m.done_on, m.evidence_note, \
         m.evidence_link, m.file_name, m.content_type FROM recommendation_milestones m \
         JOIN recommendations r ON r.id = m.recommendation_id JOIN engagements e ON e.id = r.engagement_id \
         WHERE e.organisation_id = $1 ORDER BY m.due_on, m.id";
    on!(ex.re(), c => sqlx::query_as(sql).bind(organisation).fetch_all(c).await)
}

pub async fn mark_milestone_done(
    ex: &mut Ex<'_>,
    id: Uuid,
    done_on: Date,
    evidence_note: &str,
    evidence_link: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE recommendation_milestones SET done_on = $2, \
         evidence_note = CASE WHEN $3 = '' THEN evidence_note ELSE $3 END, \
         evidence_link = CASE WHEN $4 = '' THEN evidence_link ELSE $4 END WHERE id = $1",
    )
    .bind(id)
    .bind(done_on)
    .bind(evidence_note)
    .bind(evidence_link)
    .execute(c)
    .await.map(|_| ()))
}

/// A milestone's evidence file: its name, type and bytes.
pub async fn milestone_file(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    milestone: Uuid,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT file_name, content_type, file_content FROM recommendation_milestones \
         WHERE id = $1 AND recommendation_id = $2 AND file_content IS NOT NULL",
    )
    .bind(milestone)
    .bind(recommendation)
    .fetch_optional(c)
    .await)
}

// --- Timeline -------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HistoryRow {
    pub recommendation_id: Uuid,
    pub changed_at: OffsetDateTime,
    pub kind: Change,
    pub decision: Decision,
    pub delivery: Delivery,
    pub detail: String,
}

pub async fn append(
    ex: &mut Ex<'_>,
    row: &RecommendationRow,
    kind: Change,
    detail: &str,
    account: Option<Uuid>,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_history (id, recommendation_id, changed_at, kind, decision, delivery, \
         detail, account_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(Uuid::now_v7())
    .bind(row.id)
    .bind(at)
    .bind(kind)
    .bind(row.decision)
    .bind(row.delivery)
    .bind(detail)
    .bind(account)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn history_of(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT recommendation_id, changed_at, kind, decision, delivery, detail FROM recommendation_history \
         WHERE recommendation_id = $1 ORDER BY changed_at, id",
    )
    .bind(recommendation)
    .fetch_all(c)
    .await)
}

/// The timelines of an organisation's published engagements' recommendations.
pub async fn history_of_organisation(
    ex: &mut Ex<'_>,
    organisation: Uuid,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT h.recommendation_id, h.changed_at, h.kind, h.decision, h.delivery, h.detail \
         FROM recommendation_history h JOIN recommendations r ON r.id = h.recommendation_id \
         JOIN engagements e ON e.id = r.engagement_id \
         WHERE e.organisation_id = $1 AND e.published ORDER BY h.changed_at, h.id",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

// --- Verification ---------------------------------------------------------------------------------

/// Records that the person was asked this round; asking again changes nothing.
pub async fn ask(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    round: i32,
    person: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_askings (recommendation_id, round, person_id, asked_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(recommendation)
    .bind(round)
    .bind(person)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() > 0))
}

pub async fn asked(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    round: i32,
) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT person_id FROM recommendation_askings WHERE recommendation_id = $1 AND round = $2",
    )
    .bind(recommendation)
    .bind(round)
    .fetch_all(c)
    .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerRow {
    pub answer: Answer,
    pub words: String,
}

/// Saves the person's answer for the round, replacing any earlier one.
pub async fn save_answer(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    round: i32,
    person: Uuid,
    answer: Answer,
    words: &str,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_answers (recommendation_id, round, person_id, answer, words, answered_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (recommendation_id, round, person_id) \
         DO UPDATE SET answer = excluded.answer, words = excluded.words, answered_at = excluded.answered_at",
    )
    .bind(recommendation)
    .bind(round)
    .bind(person)
    .bind(answer)
    .bind(words)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn answers(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    round: i32,
) -> Result<Vec<AnswerRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT answer, words FROM recommendation_answers \
         WHERE recommendation_id = $1 AND round = $2 ORDER BY answered_at, person_id",
    )
    .bind(recommendation)
    .bind(round)
    .fetch_all(c)
    .await)
}

/// What a person answered, for their data download: the recommendation's title, the answer and
/// their words, newest first.
pub async fn answers_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<(String, Answer, String, OffsetDateTime)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT r.title_en, a.answer, a.words, a.answered_at FROM recommendation_answers a \
         JOIN recommendations r ON r.id = a.recommendation_id WHERE a.person_id = $1 ORDER BY a.answered_at DESC",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

/// The recommendations a person chose to follow (or stop following), by title.
pub async fn follows_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<(String, bool)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT r.title_en, f.following FROM recommendation_follows f \
         JOIN recommendations r ON r.id = f.recommendation_id WHERE f.person_id = $1 ORDER BY r.title_en",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

/// The notes a person wrote in implementation groups.
pub async fn notes_of_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT g.name, n.body FROM implementation_group_notes n JOIN implementation_groups g ON g.id = n.group_id \
         WHERE n.person_id = $1 ORDER BY n.created_at",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

// --- Rules ----------------------------------------------------------------------------------------

pub async fn max_no_percent(ex: &mut Ex<'_>, engagement: Uuid) -> Result<Option<i32>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT max_no_percent FROM recommendation_rules WHERE engagement_id = $1",
    )
    .bind(engagement)
    .fetch_optional(c)
    .await)
}

pub async fn set_max_no_percent(
    ex: &mut Ex<'_>,
    engagement: Uuid,
    percent: i32,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_rules (engagement_id, max_no_percent, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (engagement_id) DO UPDATE SET max_no_percent = excluded.max_no_percent, updated_at = excluded.updated_at",
    )
    .bind(engagement)
    .bind(percent)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

// --- Followers ------------------------------------------------------------------------------------

pub async fn set_following(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
    person: Uuid,
    following: bool,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO recommendation_follows (recommendation_id, person_id, following, changed_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (recommendation_id, person_id) \
         DO UPDATE SET following = excluded.following, changed_at = excluded.changed_at",
    )
    .bind(recommendation)
    .bind(person)
    .bind(following)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

/// People's own choices to follow (true) or stop (false).
pub async fn follow_choices(
    ex: &mut Ex<'_>,
    recommendation: Uuid,
) -> Result<Vec<(Uuid, bool)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT person_id, following FROM recommendation_follows WHERE recommendation_id = $1",
    )
    .bind(recommendation)
    .fetch_all(c)
    .await)
}

// --- Implementation groups ------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GroupRow {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
}

pub async fn insert_group(
    ex: &mut Ex<'_>,
    id: Uuid,
    organisation: Uuid,
    name: &str,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO implementation_groups (id, organisation_id, name, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(organisation)
    .bind(name)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn find_group(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<GroupRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, organisation_id, name FROM implementation_groups WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(c)
    .await)
}

pub async fn groups_of(ex: &mut Ex<'_>, organisation: Uuid) -> Result<Vec<GroupRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT id, organisation_id, name FROM implementation_groups WHERE organisation_id = $1 ORDER BY name, id",
    )
    .bind(organisation)
    .fetch_all(c)
    .await)
}

pub async fn add_member(
    ex: &mut Ex<'_>,
    group: Uuid,
    person: Uuid,
    at: OffsetDateTime,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO implementation_group_members (group_id, person_id, added_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(group)
    .bind(person)
    .bind(at)
    .execute(c)
    .await.map(|r| r.rows_affected() > 0))
}

pub async fn remove_member(
    ex: &mut Ex<'_>,
    group: Uuid,
    person: Uuid,
) -> Result<bool, sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "DELETE FROM implementation_group_members WHERE group_id = $1 AND person_id = $2",
    )
    .bind(group)
    .bind(person)
    .execute(c)
    .await.map(|r| r.rows_affected() > 0))
}

pub async fn members_of(ex: &mut Ex<'_>, group: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT person_id FROM implementation_group_members WHERE group_id = $1 ORDER BY added_at, person_id",
    )
    .bind(group)
    .fetch_all(c)
    .await)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoteRow {
    pub recommendation_id: Option<Uuid>,
    pub person_id: Option<Uuid>,
    pub body: String,
    pub created_at: OffsetDateTime,
}

pub async fn insert_note(
    ex: &mut Ex<'_>,
    group: Uuid,
    recommendation: Option<Uuid>,
    person: Option<Uuid>,
    account: Option<Uuid>,
    body: &str,
    at: OffsetDateTime,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO implementation_group_notes (id, group_id, recommendation_id, person_id, account_id, body, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Uuid::now_v7())
    .bind(group)
    .bind(recommendation)
    .bind(person)
    .bind(account)
    .bind(body)
    .bind(at)
    .execute(c)
    .await.map(|_| ()))
}

pub async fn notes_of(ex: &mut Ex<'_>, group: Uuid) -> Result<Vec<NoteRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT recommendation_id, person_id, body, created_at FROM implementation_group_notes \
         WHERE group_id = $1 ORDER BY created_at, id",
    )
    .bind(group)
    .fetch_all(c)
    .await)
}

// --- Erasure --------------------------------------------------------------------------------------

/// Empties what a person said and chose here; the fact that they were asked and how they answered
/// stays, so verification results stay true.
pub async fn forget_person(ex: &mut Ex<'_>, person: Uuid) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE recommendation_answers SET words = '' WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM recommendation_follows WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM implementation_group_notes WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))?;
    on!(ex.re(), c => sqlx::query("DELETE FROM implementation_group_members WHERE person_id = $1")
        .bind(person).execute(c).await.map(|_| ()))
}
