//! The rows every part of the register shares: the person (their details, sealed columns, topics
//! and monitoring tokens) and their panel memberships. Sealed columns are written and read as
//! opaque bytes here; `profile` seals and opens them. Memberships change only through
//! `panels::membership::change` (and a withdrawn panel consent, in `consents::withdraw`).

use time::OffsetDateTime;
use uuid::Uuid;

use super::domain::{ContactMethod, EntryRoute, MembershipStatus, Region, Topic};
use crate::db::Ex;
use crate::on;

// --- People --------------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PersonRow {
    pub id: Uuid,
    pub account_id: Option<Uuid>,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub postal_address: Option<Vec<u8>>,
    pub contact_method: ContactMethod,
    pub language: String,
    pub region: Option<Region>,
    pub local_authority: Option<String>,
    pub preferences: Option<Vec<u8>>,
    pub access_needs: Option<Vec<u8>>,
    pub access_needs_reviewed_at: Option<OffsetDateTime>,
    pub monitoring: Option<Vec<u8>>,
    pub entry_route: EntryRoute,
    pub last_involved_at: Option<OffsetDateTime>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub erased_at: Option<OffsetDateTime>,
}

impl PersonRow {
    pub fn contact_method(&self) -> ContactMethod {
        self.contact_method
    }

    pub fn region(&self) -> Option<Region> {
        self.region
    }

    pub fn entry_route(&self) -> EntryRoute {
        self.entry_route
    }
}

const PERSON_COLUMNS: &str = "id, account_id, display_name, email, phone, postal_address, contact_method, language, region, \
     local_authority, preferences, access_needs, access_needs_reviewed_at, monitoring, entry_route, last_involved_at, \
     created_at, updated_at, erased_at";

/// The same columns, qualified for queries that name `people` as `p`.
pub const PERSON_COLUMNS_P: &str = "p.id, p.account_id, p.display_name, p.email, p.phone, p.postal_address, p.contact_method, \
     p.language, p.region, p.local_authority, p.preferences, p.access_needs, p.access_needs_reviewed_at, p.monitoring, \
     p.entry_route, p.last_involved_at, p.created_at, p.updated_at, p.erased_at";

/// The plain (not special-category) details of a new person.
#[derive(Debug, Clone)]
pub struct NewPerson<'a> {
    pub account_id: Option<Uuid>,
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub contact_method: ContactMethod,
    pub language: &'a str,
    pub region: Option<Region>,
    pub local_authority: Option<&'a str>,
    pub entry_route: EntryRoute,
}

pub(in crate::register) async fn create_person(
    ex: &mut Ex<'_>,
    person: NewPerson<'_>,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    let now = crate::db::now();
    on!(ex.re(), c => sqlx::query(
        "INSERT INTO people (id, account_id, display_name, email, phone, contact_method, language, region, local_authority, entry_route, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(id)
    .bind(person.account_id)
    .bind(person.display_name)
    .bind(person.email)
    .bind(person.phone)
    .bind(person.contact_method.as_str())
    .bind(person.language)
    .bind(person.region.map(Region::as_str))
    .bind(person.local_authority)
    .bind(person.entry_route.as_str())
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(id)
}

pub async fn find_person(ex: &mut Ex<'_>, id: Uuid) -> Result<Option<PersonRow>, sqlx::Error> {
    let sql = format!("SELECT {PERSON_COLUMNS} FROM people WHERE id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(c).await)
}

pub async fn person_of_account(
    ex: &mut Ex<'_>,
    account: Uuid,
) -> Result<Option<PersonRow>, sqlx::Error> {
    let sql = format!("SELECT {PERSON_COLUMNS} FROM people WHERE account_id = $1");
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(account).fetch_optional(c).await)
}

/// People already on the register with this email or phone: possible duplicates.
pub(in crate::register) async fn find_matching(
    ex: &mut Ex<'_>,
    email: Option<&str>,
    phone: Option<&str>,
) -> Result<Vec<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT id FROM people WHERE erased_at IS NULL AND ((email IS NOT NULL AND email = $1) OR (phone IS NOT NULL AND phone = $2))",
    )
    .bind(email)
    .bind(phone)
    .fetch_all(c)
    .await)
}

/// The details a person (or staff for them) can correct.
#[derive(Debug, Clone)]
pub struct Details<'a> {
    pub display_name: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub postal_address: Option<&'a [u8]>,
    pub contact_method: ContactMethod,
    pub language: &'a str,
    pub region: Option<Region>,
    pub local_authority: Option<&'a str>,
}

pub(in crate::register) async fn update_details(
    ex: &mut Ex<'_>,
    id: Uuid,
    details: Details<'_>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE people SET display_name = $2, email = $3, phone = $4, postal_address = $5, contact_method = $6, language = $7, \
         region = $8, local_authority = $9, updated_at = $10 WHERE id = $1",
    )
    .bind(id)
    .bind(details.display_name)
    .bind(details.email)
    .bind(details.phone)
    .bind(details.postal_address)
    .bind(details.contact_method.as_str())
    .bind(details.language)
    .bind(details.region.map(Region::as_str))
    .bind(details.local_authority)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::register) async fn link_account(
    ex: &mut Ex<'_>,
    id: Uuid,
    account: Uuid,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE people SET account_id = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(account)
        .bind(crate::db::now())
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// A sealed column of `people`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SealedColumn {
    PostalAddress,
    Preferences,
    AccessNeeds,
    Monitoring,
}

impl SealedColumn {
    pub fn name(self) -> &'static str {
        match self {
            SealedColumn::PostalAddress => "postal_address",
            SealedColumn::Preferences => "preferences",
            SealedColumn::AccessNeeds => "access_needs",
            SealedColumn::Monitoring => "monitoring",
        }
    }
}

pub(in crate::register) async fn set_sealed(
    ex: &mut Ex<'_>,
    id: Uuid,
    column: SealedColumn,
    value: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    let reviewed = if column == SealedColumn::AccessNeeds {
        ", access_needs_reviewed_at = $4"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE people SET {} = $2, updated_at = $3{reviewed} WHERE id = $1",
        column.name()
    );
    let now = crate::db::now();
    on!(ex.re(), c => {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(value).bind(now);
        if column == SealedColumn::AccessNeeds {
            query = query.bind(value.map(|_| now));
        }
        query.execute(c).await.map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Every person's value in one sealed column, for key rotation.
pub async fn all_sealed(
    ex: &mut Ex<'_>,
    column: SealedColumn,
) -> Result<Vec<(Uuid, Vec<u8>)>, sqlx::Error> {
    let sql = format!(
        "SELECT id, {0} FROM people WHERE {0} IS NOT NULL",
        column.name()
    );
    on!(ex.re(), c => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(c).await)
}

/// Replaces a sealed value with the same value sealed again, touching nothing else.
pub async fn replace_sealed(
    ex: &mut Ex<'_>,
    id: Uuid,
    column: SealedColumn,
    value: &[u8],
) -> Result<(), sqlx::Error> {
    let sql = format!("UPDATE people SET {} = $2 WHERE id = $1", column.name());
    on!(ex.re(), c => sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(id).bind(value).execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub(in crate::register) async fn set_topics(
    ex: &mut Ex<'_>,
    id: Uuid,
    topics: &[Topic],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM person_topics WHERE person_id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    for topic in topics {
        on!(ex.re(), c => sqlx::query("INSERT INTO person_topics (person_id, topic) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(topic.as_str())
            .execute(c)
            .await.map(|r| r.rows_affected()))?;
    }
    on!(ex.re(), c => sqlx::query("UPDATE people SET topics_mask = $2 WHERE id = $1")
        .bind(id)
        .bind(Topic::mask(topics))
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn topics_of(ex: &mut Ex<'_>, id: Uuid) -> Result<Vec<Topic>, sqlx::Error> {
    let rows: Vec<String> = on!(ex.re(), c => sqlx::query_scalar("SELECT topic FROM person_topics WHERE person_id = $1 ORDER BY topic")
        .bind(id)
        .fetch_all(c)
        .await)?;
    Ok(rows.iter().filter_map(|t| Topic::parse(t)).collect())
}

/// Replaces the person's blind-index tokens.
pub async fn set_monitoring_tokens(
    ex: &mut Ex<'_>,
    id: Uuid,
    tokens: &[Vec<u8>],
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("DELETE FROM monitoring_tokens WHERE person_id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    for token in tokens {
        on!(ex.re(), c => sqlx::query("INSERT INTO monitoring_tokens (person_id, token) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(token.as_slice())
            .execute(c)
            .await.map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Erasure: removes everything personal, keeping the row (marked erased) for anonymous counts and
/// for records the law requires to be kept, which refer to it by id.
pub(in crate::register) async fn erase_person(
    ex: &mut Ex<'_>,
    id: Uuid,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    // Their sign-in account goes too: its name and email are personal data, and so are the emails
    // still waiting in the outbox. The account row stays, emptied, because the audit log names it.
    let account: Option<Uuid> =
        on!(ex.re(), c => sqlx::query_scalar("SELECT account_id FROM people WHERE id = $1")
        .bind(id)
        .fetch_optional(c)
        .await)?
        .flatten();
    if let Some(account) = account {
        let email: Option<String> = on!(ex.re(), c => sqlx::query_scalar("SELECT email FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_optional(c)
            .await)?;
        if let Some(email) = email {
            on!(ex.re(), c => sqlx::query("DELETE FROM outbox WHERE to_address = $1")
                .bind(&email)
                .execute(c)
                .await.map(|r| r.rows_affected()))?;
        }
        on!(ex.re(), c => sqlx::query(
            "UPDATE accounts SET email = $2, display_name = '', password_hash = NULL, support_needs = NULL, updated_at = $3 WHERE id = $1",
        )
        .bind(account)
        .bind(format!("erased-{account}@invalid"))
        .bind(now)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
        for table in ["sessions", "password_resets", "memberships"] {
            let sql = format!("DELETE FROM {table} WHERE account_id = $1");
            on!(ex.re(), c => sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(account).execute(c).await.map(|r| r.rows_affected()))?;
        }
    }
    on!(ex.re(), c => sqlx::query(
        "UPDATE people SET account_id = NULL, display_name = '', email = NULL, phone = NULL, postal_address = NULL, \
         region = NULL, local_authority = NULL, preferences = NULL, access_needs = NULL, access_needs_reviewed_at = NULL, \
         monitoring = NULL, topics_mask = 0, third_last_involved_at = NULL, erased_at = $2, updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    for table in [
        "person_topics",
        "monitoring_tokens",
        "consents",
        "follow_ups",
    ] {
        let sql = format!("DELETE FROM {table} WHERE person_id = $1");
        on!(ex.re(), c => sqlx::query(sqlx::AssertSqlSafe(sql.clone())).bind(id).execute(c).await.map(|r| r.rows_affected()))?;
    }
    // What they said after events goes; whether their needs were met stays, as an anonymous count.
    on!(ex.re(), c => sqlx::query("UPDATE event_feedback SET details = NULL, may_contact = NULL WHERE person_id = $1")
        .bind(id)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    on!(ex.re(), c => sqlx::query("UPDATE panel_memberships SET status = $2, status_changed_at = $3 WHERE person_id = $1")
        .bind(id)
        .bind(MembershipStatus::Left.as_str())
        .bind(now)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Holds the person's row for the rest of the transaction, so a change that depends on their
/// consents (read next) cannot interleave with a withdrawal, which rewrites the row. On SQLite
/// the transaction already holds the only write lock.
pub(in crate::register) async fn lock_person(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<(), sqlx::Error> {
    if let Ex::Postgres(c) = ex.re() {
        sqlx::query("SELECT id FROM people WHERE id = $1 FOR UPDATE")
            .bind(person)
            .fetch_optional(c)
            .await?;
    }
    Ok(())
}

// --- Memberships ---------------------------------------------------------------------------------

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PanelMembershipRow {
    pub panel_id: Uuid,
    pub panel_name: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub status: MembershipStatus,
    pub joined_at: OffsetDateTime,
}

impl PanelMembershipRow {
    pub fn status(&self) -> MembershipStatus {
        self.status
    }
}

/// Adds the person to a panel, or changes their status on it.
pub(in crate::register) async fn set_membership(
    ex: &mut Ex<'_>,
    panel: Uuid,
    person: Uuid,
    status: MembershipStatus,
) -> Result<(), sqlx::Error> {
    upsert_membership(ex, panel, person, status, "").await
}

/// Starts a membership afresh (an invitation, or accepting one): its "joined" date is today.
pub(in crate::register) async fn start_membership(
    ex: &mut Ex<'_>,
    panel: Uuid,
    person: Uuid,
    status: MembershipStatus,
) -> Result<(), sqlx::Error> {
    upsert_membership(
        ex,
        panel,
        person,
        status,
        "joined_at = excluded.joined_at, ",
    )
    .await
}

async fn upsert_membership(
    ex: &mut Ex<'_>,
    panel: Uuid,
    person: Uuid,
    status: MembershipStatus,
    also_set: &'static str,
) -> Result<(), sqlx::Error> {
    let now = crate::db::now();
    let sql = format!(
        "INSERT INTO panel_memberships (panel_id, person_id, status, joined_at, status_changed_at) VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (panel_id, person_id) DO UPDATE SET status = excluded.status, {also_set}status_changed_at = excluded.status_changed_at"
    );
    on!(ex.re(), c => sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
        .bind(panel)
        .bind(person)
        .bind(status.as_str())
        .bind(now)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn memberships_of(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Vec<PanelMembershipRow>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT m.panel_id, p.name AS panel_name, p.organisation_id, o.name AS organisation_name, m.status, m.joined_at \
         FROM panel_memberships m JOIN panels p ON p.id = m.panel_id JOIN organisations o ON o.id = p.organisation_id \
         WHERE m.person_id = $1 ORDER BY p.name",
    )
    .bind(person)
    .fetch_all(c)
    .await)
}

/// Whether the person is on any panel (in any status) the organisation hosts.
pub async fn on_a_panel_of(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
) -> Result<bool, sqlx::Error> {
    let hosted: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM panel_memberships m JOIN panels p ON p.id = m.panel_id WHERE m.person_id = $1 AND p.organisation_id = $2",
    )
    .bind(person)
    .bind(organisation)
    .fetch_one(c)
    .await)?;
    Ok(hosted > 0)
}

/// Whether the person is on a panel the organisation hosts or is a partner of.
pub async fn on_a_panel_shared_with(
    ex: &mut Ex<'_>,
    person: Uuid,
    organisation: Uuid,
) -> Result<bool, sqlx::Error> {
    let shared: i64 = on!(ex.re(), c => sqlx::query_scalar(
        "SELECT COUNT(*) FROM panel_memberships m JOIN panels p ON p.id = m.panel_id WHERE m.person_id = $1 \
         AND (p.organisation_id = $2 OR EXISTS (SELECT 1 FROM panel_partners pp WHERE pp.panel_id = p.id AND pp.organisation_id = $2))",
    )
    .bind(person)
    .bind(organisation)
    .fetch_one(c)
    .await)?;
    Ok(shared > 0)
}

/// The person on the register signed in with `account`, if they are an active member of a panel
/// `organisation` hosts (and not erased).
pub async fn active_member_of(
    ex: &mut Ex<'_>,
    account: Uuid,
    organisation: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT pe.id FROM people pe JOIN panel_memberships m ON m.person_id = pe.id \
         JOIN panels p ON p.id = m.panel_id WHERE pe.account_id = $1 AND pe.erased_at IS NULL \
         AND p.organisation_id = $2 AND m.status = $3 LIMIT 1",
    )
    .bind(account)
    .bind(organisation)
    .bind(MembershipStatus::Active.as_str())
    .fetch_optional(c)
    .await)
}

/// The person on the register signed in with `account` (not erased), if any.
pub async fn person_id_of_account(
    ex: &mut Ex<'_>,
    account: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_scalar(
        "SELECT id FROM people WHERE account_id = $1 AND erased_at IS NULL",
    )
    .bind(account)
    .fetch_optional(c)
    .await)
}

/// What [`set_contact_choices`] stores.
pub struct ContactChoices<'a> {
    pub method: ContactMethod,
    pub language: &'a str,
    pub frequency: &'a str,
    pub declined: &'a str,
}

/// Only how often (demo data and tests).
pub(in crate::register) async fn set_frequency(
    ex: &mut Ex<'_>,
    person: Uuid,
    frequency: &str,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query("UPDATE people SET notice_frequency = $2 WHERE id = $1")
        .bind(person)
        .bind(frequency)
        .execute(c)
        .await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// Only the declined kinds (one-click unsubscribe).
pub(in crate::register) async fn set_declined(
    ex: &mut Ex<'_>,
    person: Uuid,
    declined: &str,
) -> Result<bool, sqlx::Error> {
    let changed = on!(ex.re(), c => sqlx::query(
        "UPDATE people SET notices_declined = $2, updated_at = $3 WHERE id = $1 AND erased_at IS NULL",
    )
    .bind(person)
    .bind(declined)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(changed > 0)
}

/// How often the person wants notices that can wait, and the kinds they declined (codes).
pub(in crate::register) async fn notice_settings(
    ex: &mut Ex<'_>,
    person: Uuid,
) -> Result<Option<(String, String)>, sqlx::Error> {
    on!(ex.re(), c => sqlx::query_as(
        "SELECT notice_frequency, notices_declined FROM people WHERE id = $1 AND erased_at IS NULL",
    )
    .bind(person)
    .fetch_optional(c)
    .await)
}

/// How the person wants to hear from us: channel, language, frequency and declined kinds.
pub(in crate::register) async fn set_contact_choices(
    ex: &mut Ex<'_>,
    person: Uuid,
    choices: ContactChoices<'_>,
) -> Result<(), sqlx::Error> {
    on!(ex.re(), c => sqlx::query(
        "UPDATE people SET contact_method = $2, language = $3, notice_frequency = $4, notices_declined = $5, \
         updated_at = $6 WHERE id = $1",
    )
    .bind(person)
    .bind(choices.method.as_str())
    .bind(choices.language)
    .bind(choices.frequency)
    .bind(choices.declined)
    .bind(crate::db::now())
    .execute(c)
    .await.map(|r| r.rows_affected()))?;
    Ok(())
}
