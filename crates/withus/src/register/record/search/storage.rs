//! The SQL a search becomes, and running it. The reasons for its shape are in the parent module.

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::{
    Filters, INVOLVEMENT_WINDOW_DAYS, LastInvolved, PAGE_SIZE, RECENT_INVOLVEMENT_DAYS, Scope,
    TimesInvolved,
};
use crate::db::{Backend, Ex, Value};
use crate::register::domain::{ConsentKind, MembershipStatus, ShareScope, Topic, parse_scope};
use crate::register::record::visibility::Relation;
use crate::register::storage::PersonRow;
use crate::{bind_all, on};

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

    /// Drops the values the text no longer refers to and numbers the rest again from `$1`
    /// (SQLite refuses values a statement does not use).
    fn compact(self) -> Sql {
        let mut used: Vec<usize> = Vec::new();
        let mut text = String::with_capacity(self.text.len());
        let mut rest = self.text.as_str();
        while let Some(at) = rest.find('$') {
            text.push_str(&rest[..at]);
            let digits: String = rest[at + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            let Ok(number) = digits.parse::<usize>() else {
                text.push('$');
                rest = &rest[at + 1..];
                continue;
            };
            let position = match used.iter().position(|n| *n == number) {
                Some(position) => position,
                None => {
                    used.push(number);
                    used.len() - 1
                }
            };
            text.push_str(&format!("${}", position + 1));
            rest = &rest[at + 1 + digits.len()..];
        }
        text.push_str(rest);
        let values = used.iter().map(|n| self.values[n - 1].clone()).collect();
        Sql { text, values }
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

/// Which query a search becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Rows in name order, from the smallest list of ids the filters give (for the export, and
    /// for pages of a small result).
    Rows,
    /// Rows in name order, walking the people in name order and checking each against the
    /// filters until the page is full: for pages of a large result, where that stops early.
    Walk,
    /// The total: start from the smallest set of ids the filters allow, so that a search of the
    /// whole register never reads the people table (see the module documentation).
    Count,
}

/// The text after `FROM` of a search: the people found (as `p`) and the conditions on them.
fn from_where(
    scope: &Scope,
    filters: &Filters,
    now: OffsetDateTime,
    shape: Shape,
    backend: Backend,
) -> Sql {
    let mut sql = Sql::default();
    let org = sql.param(Value::Uuid(scope.organisation));
    let share = sql.param(Value::Text(ConsentKind::Share.as_str().into()));
    let shared_ids = format!(
        "SELECT k.person_id AS id FROM consents k WHERE k.partner_organisation_id = {org} \
         AND k.kind = {share} AND k.withdrawn_at IS NULL"
    );
    let hosted_panels = (!scope.hosted_panels.is_empty()).then(|| sql.list(&scope.hosted_panels));
    // Walking a page, PostgreSQL would otherwise hash every membership of the panels (100,000 at
    // scale) to check the few hundred people the page looks at; `OFFSET 0` keeps the check a
    // lookup per person, since PostgreSQL does not turn such a subquery into a hashed one.
    let per_person = if (shape, backend) == (Shape::Walk, Backend::Postgres) {
        " OFFSET 0"
    } else {
        ""
    };
    let hosted = hosted_panels.as_ref().map(|panels| {
        format!(
            "EXISTS (SELECT 1 FROM panel_memberships hm WHERE hm.person_id = p.id AND hm.panel_id IN ({panels}){per_person})"
        )
    });

    // A panel or status filter: a membership of the organisation's own panels, which also makes
    // the person one the organisation hosts.
    let panel = filters.panel.filter(|p| scope.hosted_panels.contains(p));
    let membership = match (panel, filters.status, &hosted_panels) {
        (Some(panel), status, _) => {
            let panel = sql.param(Value::Uuid(panel));
            let status = status
                .map(|s| {
                    format!(
                        " AND m.status = {}",
                        sql.param(Value::Text(s.as_str().into()))
                    )
                })
                .unwrap_or_default();
            Some((format!("m.panel_id = {panel}{status}"), ""))
        }
        (None, Some(status), Some(panels)) => {
            let status = sql.param(Value::Text(status.as_str().into()));
            Some((
                format!("m.panel_id IN ({panels}) AND m.status = {status}"),
                "DISTINCT ",
            ))
        }
        (None, Some(_), None) => Some(("1 = 0".to_owned(), "")),
        (None, None, _) => None,
    };

    // Conditions on the person's own row, and the costlier ones to check after all the others.
    let mut on_row = Vec::new();
    let mut last = Vec::new();
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
            "({} p.id IN ({shared_ids} AND k.scope LIKE {contact}))",
            hosted
                .as_ref()
                .map(|h| format!("{h} OR"))
                .unwrap_or_default()
        );
        let name_matches = format!("LOWER(p.display_name) LIKE {name} ESCAPE '\\'");
        // Two conditions, the cheap one first: a match on the name, email or phone; then, for an
        // email or phone match, that the viewer may see contact details at all.
        on_row.push(format!(
            "({name_matches} OR p.email IN ({exact}, {lower}) OR p.phone IN ({exact}, {phone}))"
        ));
        last.push(format!("({name_matches} OR {contact_visible})"));
    }
    if let Some(region) = filters.region {
        let region = sql.param(Value::Text(region.as_str().into()));
        on_row.push(format!("p.region = {region}"));
    }
    if let Some(when) = filters.last_involved {
        on_row.push(match when {
            LastInvolved::Never => "p.last_involved_at IS NULL".to_owned(),
            LastInvolved::OverSixMonths | LastInvolved::WithinSixMonths => {
                let cut = sql.param(Value::Time(now - Duration::days(RECENT_INVOLVEMENT_DAYS)));
                let op = if when == LastInvolved::OverSixMonths {
                    "<"
                } else {
                    ">="
                };
                format!("p.last_involved_at {op} {cut}")
            }
        });
    }

    // A topic and how often someone took part are answered from the people list's indexes too
    // (`topics_mask`, `third_last_involved_at`; see the 20261124000016 migration).
    if let Some(topic) = filters.topic {
        let bit = sql.param(Value::Int(topic.bit()));
        on_row.push(format!("(p.topics_mask & {bit}) <> 0"));
    }
    if let Some(times) = filters.times_involved {
        let since = sql.param(Value::Time(now - Duration::days(INVOLVEMENT_WINDOW_DAYS)));
        let last = "p.last_involved_at";
        let third = "p.third_last_involved_at";
        on_row.push(match times {
            TimesInvolved::Zero => format!("({last} IS NULL OR {last} < {since})"),
            TimesInvolved::OneOrTwo => {
                format!("{last} >= {since} AND ({third} IS NULL OR {third} < {since})")
            }
            TimesInvolved::ThreeOrMore => format!("{third} >= {since}"),
        });
    }

    // Conditions answered from other tables, each in two forms: an IN list, which the database
    // reads once (and may start from, when it is small); and a lookup per person, for walking the
    // people in name order and stopping at the end of the page.
    let mut by_id: Vec<(String, String)> = Vec::new();
    let monitoring = match (&scope.monitoring_token, &hosted) {
        (Some(token), Some(hosted)) => {
            let token = sql.param(Value::OptBytes(Some(token.clone())));
            by_id.push((
                format!(
                    "p.id IN (SELECT mt.person_id FROM monitoring_tokens mt WHERE mt.token = {token})"
                ),
                format!(
                    "EXISTS (SELECT 1 FROM monitoring_tokens mt WHERE mt.person_id = p.id AND mt.token = {token})"
                ),
            ));
            // Only the people on the organisation's own panels: a partner never learns answers.
            last.push(hosted.clone());
            true
        }
        _ => false,
    };

    // Who is listed at all.
    // Each listed person once, without a costly de-duplication of the whole register: one hosted
    // panel holds each person once, and people sharing with the organisation are counted here
    // only if not already on its panels.
    let hosted_ids = hosted_panels.as_ref().map(|panels| {
        let distinct = if scope.hosted_panels.len() > 1 {
            "DISTINCT "
        } else {
            ""
        };
        format!(
            "SELECT {distinct}hm.person_id AS id FROM panel_memberships hm WHERE hm.panel_id IN ({panels})"
        )
    });
    let listed_ids = match (&hosted_panels, scope.include_shared) {
        (Some(panels), true) => format!(
            "{} UNION ALL SELECT DISTINCT k.person_id AS id FROM consents k WHERE k.partner_organisation_id = {org} \
             AND k.kind = {share} AND k.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM panel_memberships hx \
             WHERE hx.person_id = k.person_id AND hx.panel_id IN ({panels}))",
            hosted_ids.clone().unwrap_or_default()
        ),
        (Some(_), false) => hosted_ids.clone().unwrap_or_default(),
        (None, true) => format!("SELECT DISTINCT s.id FROM ({shared_ids}) s"),
        (None, false) => "SELECT p0.id FROM people p0 WHERE 1 = 0".to_owned(),
    };

    let from_ids = shape == Shape::Count && on_row.is_empty() && last.is_empty() && !monitoring;
    if from_ids {
        // Start from the ids: every membership of the chosen panel (or of the organisation's
        // panels, and everyone sharing with it), less the erased.
        let start = match &membership {
            Some((m, distinct)) => {
                format!("SELECT {distinct}m.person_id AS id FROM panel_memberships m WHERE {m}")
            }
            None => listed_ids,
        };
        sql.text = format!(
            "({start}) p WHERE p.id NOT IN (SELECT e.id FROM people e WHERE e.erased_at IS NOT NULL)"
        );
    } else {
        let listed = match &membership {
            Some((m, _)) => format!(
                "EXISTS (SELECT 1 FROM panel_memberships m WHERE m.person_id = p.id AND {m})"
            ),
            None => match (&hosted, scope.include_shared) {
                (Some(hosted), true) => format!("({hosted} OR p.id IN ({shared_ids}))"),
                (Some(hosted), false) => hosted.clone(),
                (None, true) => format!("p.id IN ({shared_ids})"),
                (None, false) => "1 = 0".to_owned(),
            },
        };
        // SQLite would sometimes start from an index on a filtered column (a region) and sort
        // tens of thousands of rows for one page; walking must follow the name order.
        let people = match (shape, backend) {
            (Shape::Walk, Backend::Sqlite) => "people p INDEXED BY people_search",
            _ => "people p",
        };
        sql.text = format!("{people} WHERE p.erased_at IS NULL AND {listed}");
        for condition in &on_row {
            sql.and(condition);
        }
    }
    for (list, lookup) in &by_id {
        sql.and(if shape == Shape::Walk { lookup } else { list });
    }
    for condition in &last {
        sql.and(condition);
    }
    sql.compact()
}

/// How many people the search finds.
pub async fn count(ex: &mut Ex<'_>, scope: &Scope, filters: &Filters) -> Result<i64, sqlx::Error> {
    let sql = from_where(scope, filters, crate::db::now(), Shape::Count, ex.backend());
    let text = format!("SELECT COUNT(*) FROM {}", sql.text);
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

/// Results at or above this many are paged by walking the people in name order (see [`Shape`]).
const WALK_FROM: i64 = 500;

/// One page of results, in name order. `total` is what [`count`] found.
pub async fn page(
    ex: &mut Ex<'_>,
    scope: &Scope,
    filters: &Filters,
    total: i64,
) -> Result<Vec<Found>, sqlx::Error> {
    let shape = if total >= WALK_FROM {
        Shape::Walk
    } else {
        Shape::Rows
    };
    let mut sql = from_where(scope, filters, crate::db::now(), shape, ex.backend());
    let limit = sql.param(Value::Int(PAGE_SIZE));
    let offset = sql.param(Value::Int((filters.page - 1) * PAGE_SIZE));
    let text = format!(
        "SELECT p.id, p.display_name, p.email, p.phone, p.region, p.last_involved_at FROM {} \
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
    let sql = from_where(scope, filters, crate::db::now(), Shape::Rows, ex.backend());
    let text = format!(
        "SELECT {} FROM {} ORDER BY p.display_name, p.id",
        crate::register::storage::PERSON_COLUMNS_P,
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

    /// The same answer as [`crate::register::record::visibility::relation`], for a person in the results.
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
    fn unknown_values_are_not_applied_and_are_named() {
        let filters = Filters::parse(&pairs(
            "panel=nope&status=deleted&region=XX&topic=&page=-4&monitoring=sex",
        ));
        assert_eq!(
            filters,
            Filters {
                page: 1,
                unrecognised: vec![
                    ("panel", "nope".into()),
                    ("status", "deleted".into()),
                    ("region", "XX".into()),
                ],
                ..Filters::default()
            }
        );
        assert!(filters.is_empty());
        assert_eq!(filters.page_query(1), "");
    }

    #[test]
    fn unused_values_are_dropped_and_the_rest_renumbered() {
        let mut sql = Sql::default();
        let a = sql.param(Value::Int(1));
        let _unused = sql.param(Value::Int(2));
        let c = sql.param(Value::Int(3));
        sql.text = format!("x = {c} AND y = {a} AND z = {c}");
        let sql = sql.compact();
        assert_eq!(sql.text, "x = $1 AND y = $2 AND z = $1");
        assert_eq!(sql.values, vec![Value::Int(3), Value::Int(1)]);
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
        let sql = from_where(
            &scope,
            &filters,
            crate::db::now(),
            Shape::Rows,
            Backend::Sqlite,
        );
        assert!(!sql.text.contains("monitoring_tokens"));
        let scope = Scope {
            monitoring_token: Some(vec![1; 16]),
            ..scope
        };
        assert!(
            from_where(
                &scope,
                &filters,
                crate::db::now(),
                Shape::Count,
                Backend::Sqlite
            )
            .text
            .contains("monitoring_tokens")
        );
    }
}
