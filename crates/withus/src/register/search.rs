//! Finding people in the register: the filters, and the SQL they become.
//!
//! Who an organisation's staff find: everyone on a panel the organisation hosts, and everyone who
//! has an active consent to share their details with the organisation by name; erased people never.
//! What they then see of each person is [`super::visibility`]'s rule. Name, panels, region, topics
//! and involvement are what "listed" covers; email and phone only match a search where the contact
//! details are visible; monitoring answers can be filtered on only by staff who may see them for
//! the people on their own panels, and only those people match.
//!
//! Every filter is an `EXISTS` (or a plain column test) on an indexed column, so the same SQL runs
//! on SQLite and PostgreSQL and stays fast at 100,000 people (see docs/benchmarks.md). Pages are
//! `LIMIT`/`OFFSET` on `(display_name, id)`: measured, the offset walk costs little beside the total
//! count every page shows.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::domain::{ConsentKind, MembershipStatus, Region, ShareScope, Topic, parse_scope};
pub use super::domain::{LastInvolved, TimesInvolved};
use super::storage::PersonRow;
use super::visibility::Relation;
use crate::db::{Ex, Value};
use crate::{bind_all, on};

/// People per page.
pub const PAGE_SIZE: i64 = 50;
/// "Times involved" counts involvements in this many days up to today (the past 12 months).
pub const INVOLVEMENT_WINDOW_DAYS: i64 = 365;
/// "Last involved" splits at this many days ago (about six months).
pub const RECENT_INVOLVEMENT_DAYS: i64 = 183;

/// The filters of one search, as read from the query string. Unknown values are dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub text: String,
    pub panel: Option<Uuid>,
    pub status: Option<MembershipStatus>,
    pub topic: Option<Topic>,
    pub region: Option<Region>,
    pub last_involved: Option<LastInvolved>,
    pub times_involved: Option<TimesInvolved>,
    /// Question code and answer code.
    pub monitoring: Option<(String, String)>,
    /// 1-based.
    pub page: i64,
}

/// Longest search text kept: longer text cannot match a name, email or phone number anyway.
pub const TEXT_MAX_CHARS: usize = 200;

impl Filters {
    pub fn parse(pairs: &[(String, String)]) -> Filters {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.trim())
                .unwrap_or("")
        };
        Filters {
            text: get("q").chars().take(TEXT_MAX_CHARS).collect(),
            panel: Uuid::parse_str(get("panel")).ok(),
            status: MembershipStatus::parse(get("status")),
            topic: Topic::parse(get("topic")),
            region: Region::parse(get("region")),
            last_involved: LastInvolved::parse(get("last_involved")),
            times_involved: TimesInvolved::parse(get("times_involved")),
            monitoring: get("monitoring")
                .split_once(':')
                .filter(|(q, a)| !q.is_empty() && !a.is_empty())
                .map(|(q, a)| (q.to_owned(), a.to_owned())),
            page: get("page").parse::<i64>().unwrap_or(1).clamp(1, 1_000_000),
        }
    }

    /// The filters as a query string (without the page), for links and the export.
    pub fn query(&self) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        if !self.text.is_empty() {
            out.append_pair("q", &self.text);
        }
        if let Some(panel) = self.panel {
            out.append_pair("panel", &panel.to_string());
        }
        let fixed = [
            ("status", self.status.map(MembershipStatus::as_str)),
            ("topic", self.topic.map(Topic::as_str)),
            ("region", self.region.map(Region::as_str)),
            (
                "last_involved",
                self.last_involved.map(LastInvolved::as_str),
            ),
            (
                "times_involved",
                self.times_involved.map(TimesInvolved::as_str),
            ),
        ];
        for (name, value) in fixed {
            if let Some(value) = value {
                out.append_pair(name, value);
            }
        }
        if let Some((question, answer)) = &self.monitoring {
            out.append_pair("monitoring", &format!("{question}:{answer}"));
        }
        out.finish()
    }

    /// The query string of another page of the same search.
    pub fn page_query(&self, page: i64) -> String {
        let filters = self.query();
        match (filters.is_empty(), page) {
            (true, 1) => String::new(),
            (true, _) => format!("?page={page}"),
            (false, 1) => format!("?{filters}"),
            (false, _) => format!("?{filters}&page={page}"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.query().is_empty()
    }

    /// Which filters are in use, for the audit log: the names, never the text searched for.
    pub fn audit_summary(&self) -> serde_json::Value {
        serde_json::json!({
            "text": !self.text.is_empty(),
            "panel": self.panel,
            "status": self.status.map(MembershipStatus::as_str),
            "topic": self.topic.map(Topic::as_str),
            "region": self.region.map(Region::as_str),
            "last_involved": self.last_involved.map(LastInvolved::as_str),
            "times_involved": self.times_involved.map(TimesInvolved::as_str),
            "monitoring_question": self.monitoring.as_ref().map(|(q, _)| q),
        })
    }
}

/// Where a search looks, worked out from the organisation and the viewer.
#[derive(Debug, Clone)]
pub struct Scope {
    pub organisation: Uuid,
    /// Panels the organisation hosts.
    pub hosted_panels: Vec<Uuid>,
    /// Whether people who share their details with the organisation are listed: not for viewers
    /// who would see nothing of them (site administrators).
    pub include_shared: bool,
    /// The blind-index token of the monitoring answer filtered on; only ever set for viewers who
    /// may see monitoring answers of the people on the organisation's panels.
    pub monitoring_token: Option<Vec<u8>>,
}

/// SQL text with its values, numbered as they are added.
#[derive(Default)]
struct Sql {
    text: String,
    values: Vec<Value>,
}

impl Sql {
    fn param(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    fn list(&mut self, ids: &[Uuid]) -> String {
        ids.iter()
            .map(|id| self.param(Value::Uuid(*id)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn and(&mut self, condition: &str) {
        self.text.push_str(" AND ");
        self.text.push_str(condition);
    }
}

/// `LIKE` pattern for text contained anywhere, with the wildcards in the text escaped.
fn contains_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The `WHERE` clause of a search (after `FROM people p WHERE`).
fn conditions(scope: &Scope, filters: &Filters, now: OffsetDateTime) -> Sql {
    let mut sql = Sql::default();
    let org = sql.param(Value::Uuid(scope.organisation));
    let share = sql.param(Value::Text(ConsentKind::Share.as_str().into()));
    // An IN list, not a correlated EXISTS: the people who share with one organisation are read once
    // from the `consents_shared_with` index.
    let shared = format!(
        "p.id IN (SELECT k.person_id FROM consents k WHERE k.partner_organisation_id = {org} \
         AND k.kind = {share} AND k.withdrawn_at IS NULL)"
    );
    let hosted = if scope.hosted_panels.is_empty() {
        None
    } else {
        let panels = sql.list(&scope.hosted_panels);
        Some(format!(
            "EXISTS (SELECT 1 FROM panel_memberships hm WHERE hm.person_id = p.id AND hm.panel_id IN ({panels}))"
        ))
    };
    sql.text.push_str("p.erased_at IS NULL AND ");
    sql.text.push_str(&match (&hosted, scope.include_shared) {
        (Some(hosted), true) => format!("({hosted} OR {shared})"),
        (Some(hosted), false) => hosted.clone(),
        (None, true) => shared.clone(),
        (None, false) => "1 = 0".to_owned(),
    });

    if !filters.text.is_empty() {
        let name = sql.param(Value::Text(contains_pattern(&filters.text)));
        let exact = sql.param(Value::Text(filters.text.clone()));
        let lower = sql.param(Value::Text(filters.text.to_lowercase()));
        let digits: String = filters
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let phone = sql.param(Value::Text(digits));
        let contact = sql.param(Value::Text(format!("%{}%", ShareScope::Contact.as_str())));
        let contact_visible = format!(
            "({} p.id IN (SELECT kc.person_id FROM consents kc WHERE kc.partner_organisation_id = {org} \
             AND kc.kind = {share} AND kc.withdrawn_at IS NULL AND kc.scope LIKE {contact}))",
            hosted
                .as_ref()
                .map(|h| format!("{h} OR"))
                .unwrap_or_default()
        );
        sql.and(&format!(
            "(LOWER(p.display_name) LIKE {name} ESCAPE '\\' OR ((p.email IN ({exact}, {lower}) OR p.phone IN ({exact}, {phone})) AND {contact_visible}))"
        ));
    }

    let panel = filters.panel.filter(|p| scope.hosted_panels.contains(p));
    match (panel, filters.status) {
        (Some(panel), status) => {
            let panel = sql.param(Value::Uuid(panel));
            let status = status
                .map(|s| {
                    format!(
                        " AND m.status = {}",
                        sql.param(Value::Text(s.as_str().into()))
                    )
                })
                .unwrap_or_default();
            sql.and(&format!(
                "EXISTS (SELECT 1 FROM panel_memberships m WHERE m.person_id = p.id AND m.panel_id = {panel}{status})"
            ));
        }
        (None, Some(status)) if !scope.hosted_panels.is_empty() => {
            let panels = sql.list(&scope.hosted_panels);
            let status = sql.param(Value::Text(status.as_str().into()));
            sql.and(&format!(
                "EXISTS (SELECT 1 FROM panel_memberships m WHERE m.person_id = p.id AND m.panel_id IN ({panels}) AND m.status = {status})"
            ));
        }
        _ => {}
    }

    if let Some(topic) = filters.topic {
        let topic = sql.param(Value::Text(topic.as_str().into()));
        sql.and(&format!(
            "EXISTS (SELECT 1 FROM person_topics t WHERE t.person_id = p.id AND t.topic = {topic})"
        ));
    }
    if let Some(region) = filters.region {
        let region = sql.param(Value::Text(region.as_str().into()));
        sql.and(&format!("p.region = {region}"));
    }
    if let Some(last) = filters.last_involved {
        let condition = match last {
            LastInvolved::Never => "p.last_involved_at IS NULL".to_owned(),
            LastInvolved::OverSixMonths | LastInvolved::WithinSixMonths => {
                let cut = sql.param(Value::Time(now - Duration::days(RECENT_INVOLVEMENT_DAYS)));
                let op = if last == LastInvolved::OverSixMonths {
                    "<"
                } else {
                    ">="
                };
                format!("p.last_involved_at {op} {cut}")
            }
        };
        sql.and(&condition);
    }
    if let Some(times) = filters.times_involved {
        let since = sql.param(Value::Time(now - Duration::days(INVOLVEMENT_WINDOW_DAYS)));
        let count = format!(
            "(SELECT COUNT(*) FROM involvements i WHERE i.person_id = p.id AND i.occurred_at >= {since})"
        );
        sql.and(&match times {
            TimesInvolved::Zero => format!(
                "NOT EXISTS (SELECT 1 FROM involvements i WHERE i.person_id = p.id AND i.occurred_at >= {since})"
            ),
            TimesInvolved::OneOrTwo => format!(
                "EXISTS (SELECT 1 FROM involvements i WHERE i.person_id = p.id AND i.occurred_at >= {since}) AND {count} <= 2"
            ),
            TimesInvolved::ThreeOrMore => format!("{count} >= 3"),
        });
    }
    if let (Some(token), Some(hosted)) = (&scope.monitoring_token, &hosted) {
        let token = sql.param(Value::OptBytes(Some(token.clone())));
        sql.and(&format!(
            "EXISTS (SELECT 1 FROM monitoring_tokens mt WHERE mt.person_id = p.id AND mt.token = {token}) AND {hosted}"
        ));
    }
    sql
}

/// How many people the search finds.
pub async fn count(ex: &mut Ex<'_>, scope: &Scope, filters: &Filters) -> Result<i64, sqlx::Error> {
    let sql = conditions(scope, filters, crate::db::now());
    let text = format!("SELECT COUNT(*) FROM people p WHERE {}", sql.text);
    on!(ex.re(), c => bind_all!(sqlx::query_scalar(sqlx::AssertSqlSafe(text.clone())), &sql.values)
        .fetch_one(c)
        .await)
}

/// One person as the results list shows them (before the visibility rule is applied).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Found {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub region: Option<String>,
    pub last_involved_at: Option<OffsetDateTime>,
}

/// One page of results, in name order.
pub async fn page(
    ex: &mut Ex<'_>,
    scope: &Scope,
    filters: &Filters,
) -> Result<Vec<Found>, sqlx::Error> {
    let mut sql = conditions(scope, filters, crate::db::now());
    let limit = sql.param(Value::Int(PAGE_SIZE));
    let offset = sql.param(Value::Int((filters.page - 1) * PAGE_SIZE));
    let text = format!(
        "SELECT p.id, p.display_name, p.email, p.phone, p.region, p.last_involved_at FROM people p WHERE {} \
         ORDER BY p.display_name, p.id LIMIT {limit} OFFSET {offset}",
        sql.text
    );
    on!(ex.re(), c => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(text.clone())), &sql.values)
        .fetch_all(c)
        .await)
}

/// Everyone the search finds, whole rows (sealed columns included), in name order: for the export.
pub async fn all(
    ex: &mut Ex<'_>,
    scope: &Scope,
    filters: &Filters,
) -> Result<Vec<PersonRow>, sqlx::Error> {
    let sql = conditions(scope, filters, crate::db::now());
    let text = format!(
        "SELECT {} FROM people p WHERE {} ORDER BY p.display_name, p.id",
        super::storage::PERSON_COLUMNS_P,
        sql.text
    );
    on!(ex.re(), c => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(text.clone())), &sql.values)
        .fetch_all(c)
        .await)
}

/// A membership of a found person on a panel the organisation hosts or works with as a partner.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FoundMembership {
    pub person_id: Uuid,
    pub panel_name: String,
    pub organisation_id: Uuid,
    pub status: String,
}

impl FoundMembership {
    pub fn status(&self) -> MembershipStatus {
        MembershipStatus::parse(&self.status).unwrap_or(MembershipStatus::Left)
    }
}

/// What the organisation stands in to each of these people, with their memberships it may see.
#[derive(Debug, Default)]
pub struct Standing {
    pub memberships: Vec<FoundMembership>,
    shares: Vec<(Uuid, String)>,
    organisation: Uuid,
}

impl Standing {
    pub fn memberships_of(&self, person: Uuid) -> impl Iterator<Item = &FoundMembership> {
        self.memberships
            .iter()
            .filter(move |m| m.person_id == person)
    }

    /// The same answer as [`super::visibility::relation`], for a person in the results.
    pub fn relation(&self, person: Uuid) -> Relation {
        if self
            .memberships_of(person)
            .any(|m| m.organisation_id == self.organisation)
        {
            return Relation::Host;
        }
        let mut scopes: Vec<ShareScope> = self
            .shares
            .iter()
            .filter(|(p, _)| *p == person)
            .flat_map(|(_, s)| parse_scope(s, ShareScope::parse))
            .collect();
        if scopes.is_empty() && !self.shares.iter().any(|(p, _)| *p == person) {
            return Relation::Unrelated;
        }
        scopes.sort();
        scopes.dedup();
        Relation::Partner(scopes)
    }
}

/// IN lists are split so no statement carries more than this many ids.
const IDS_PER_QUERY: usize = 500;

/// Memberships and share consents of the people found, in a few queries.
pub async fn standing(
    ex: &mut Ex<'_>,
    organisation: Uuid,
    people: &[Uuid],
) -> Result<Standing, sqlx::Error> {
    let mut standing = Standing {
        organisation,
        ..Standing::default()
    };
    for chunk in people.chunks(IDS_PER_QUERY) {
        let mut sql = Sql::default();
        let org = sql.param(Value::Uuid(organisation));
        let ids = sql.list(chunk);
        let text = format!(
            "SELECT m.person_id, pa.name AS panel_name, pa.organisation_id, m.status FROM panel_memberships m \
             JOIN panels pa ON pa.id = m.panel_id WHERE m.person_id IN ({ids}) AND (pa.organisation_id = {org} \
             OR EXISTS (SELECT 1 FROM panel_partners pp WHERE pp.panel_id = pa.id AND pp.organisation_id = {org})) \
             ORDER BY pa.name"
        );
        let rows: Vec<FoundMembership> = on!(ex.re(), c => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(text.clone())), &sql.values)
            .fetch_all(c)
            .await)?;
        standing.memberships.extend(rows);
        let share = sql.param(Value::Text(ConsentKind::Share.as_str().into()));
        let text = format!(
            "SELECT person_id, scope FROM consents WHERE person_id IN ({ids}) AND partner_organisation_id = {org} \
             AND kind = {share} AND withdrawn_at IS NULL"
        );
        let rows: Vec<(Uuid, String)> = on!(ex.re(), c => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(text.clone())), &sql.values)
            .fetch_all(c)
            .await)?;
        standing.shares.extend(rows);
    }
    Ok(standing)
}

/// Topics of each person found, for the export.
pub async fn topics(ex: &mut Ex<'_>, people: &[Uuid]) -> Result<Vec<(Uuid, Topic)>, sqlx::Error> {
    let mut out = Vec::new();
    for chunk in people.chunks(IDS_PER_QUERY) {
        let mut sql = Sql::default();
        let ids = sql.list(chunk);
        let text = format!(
            "SELECT person_id, topic FROM person_topics WHERE person_id IN ({ids}) ORDER BY topic"
        );
        let rows: Vec<(Uuid, String)> = on!(ex.re(), c => bind_all!(sqlx::query_as(sqlx::AssertSqlSafe(text.clone())), &sql.values)
            .fetch_all(c)
            .await)?;
        out.extend(
            rows.into_iter()
                .filter_map(|(p, t)| Topic::parse(&t).map(|t| (p, t))),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(query: &str) -> Vec<(String, String)> {
        crate::web::forms::pairs(query.as_bytes())
    }

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let panel = Uuid::now_v7();
        let query = format!(
            "q=Jo+Bloggs&panel={panel}&status=active&topic=housing&region=TLC&last_involved=never&times_involved=1_to_2&monitoring=sex:female&page=3"
        );
        let filters = Filters::parse(&pairs(&query));
        assert_eq!(filters.page, 3);
        assert_eq!(filters.monitoring, Some(("sex".into(), "female".into())));
        assert_eq!(
            Filters::parse(&pairs(&filters.query())),
            Filters {
                page: 1,
                ..filters.clone()
            }
        );
        assert!(filters.page_query(2).ends_with("&page=2"));
    }

    #[test]
    fn unknown_values_are_dropped() {
        let filters = Filters::parse(&pairs(
            "panel=nope&status=deleted&region=XX&topic=&page=-4&monitoring=sex",
        ));
        assert_eq!(
            filters,
            Filters {
                page: 1,
                ..Filters::default()
            }
        );
        assert!(filters.is_empty());
        assert_eq!(filters.page_query(1), "");
    }

    #[test]
    fn like_wildcards_in_the_text_are_literal() {
        assert_eq!(contains_pattern("50%_A\\b"), "%50\\%\\_a\\\\b%");
    }

    #[test]
    fn the_audit_summary_never_holds_the_text() {
        let filters = Filters::parse(&pairs("q=Jo+Bloggs"));
        assert!(!filters.audit_summary().to_string().contains("Bloggs"));
    }

    #[test]
    fn monitoring_only_narrows_when_a_token_is_given() {
        let scope = Scope {
            organisation: Uuid::now_v7(),
            hosted_panels: vec![Uuid::now_v7()],
            include_shared: true,
            monitoring_token: None,
        };
        let filters = Filters::parse(&pairs("monitoring=sex:female"));
        let sql = conditions(&scope, &filters, crate::db::now());
        assert!(!sql.text.contains("monitoring_tokens"));
        let scope = Scope {
            monitoring_token: Some(vec![1; 16]),
            ..scope
        };
        assert!(
            conditions(&scope, &filters, crate::db::now())
                .text
                .contains("monitoring_tokens")
        );
    }
}
