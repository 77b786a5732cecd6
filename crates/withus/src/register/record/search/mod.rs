//! Finding people in the register: the filters, and (in [`storage`]) the SQL they become.
//!
//! Who an organisation's staff find: everyone on a panel the organisation hosts, and everyone who
//! has an active consent to share their details with the organisation by name; erased people never.
//! What they then see of each person is [`crate::register::record::visibility`]'s rule. Name, panels, region, topics
//! and involvement are what "listed" covers; email and phone only match a search where the contact
//! details are visible; monitoring answers can be filtered on only by staff who may see them for
//! the people on their own panels, and only those people match.
//!
//! The same SQL runs on SQLite and PostgreSQL and stays usable at 100,000 people (measurements and
//! the reasons for each choice: docs/benchmarks.md). Rows are only ever read from narrow covering
//! indexes (sealed profiles make the rows wide). The total starts from the ids the organisation may
//! list (its panels' memberships, then those who share with it, less the erased) and never reads
//! people when no filter needs their columns. Filters answered from other tables are `IN` lists,
//! read once. A page of a large result walks the name index and stops when full; a small result
//! (and the export) starts from the id lists and sorts. Pages are `LIMIT`/`OFFSET` on
//! `(display_name, id)`: the offset walk costs little beside the total every page shows.

use uuid::Uuid;

pub use crate::register::domain::{LastInvolved, TimesInvolved};
use crate::register::domain::{MembershipStatus, Region, Topic};

mod storage;

pub use storage::{Found, FoundMembership, Standing, all, count, page, standing, topics};

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
    /// Filters asked for with a value that is not one of their choices: the search is refused with
    /// a message naming them, never run as if they had not been asked.
    pub unrecognised: Vec<(&'static str, String)>,
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
        let mut unrecognised = Vec::new();
        let mut known = |field: &'static str, parsed: Option<()>| {
            if parsed.is_none() && !get(field).is_empty() {
                unrecognised.push((field, get(field).to_owned()));
            }
        };
        let panel = Uuid::parse_str(get("panel")).ok();
        known("panel", panel.map(|_| ()));
        let status = MembershipStatus::parse(get("status"));
        known("status", status.map(|_| ()));
        let topic = Topic::parse(get("topic"));
        known("topic", topic.map(|_| ()));
        let region = Region::parse(get("region"));
        known("region", region.map(|_| ()));
        let last_involved = LastInvolved::parse(get("last_involved"));
        known("last_involved", last_involved.map(|_| ()));
        let times_involved = TimesInvolved::parse(get("times_involved"));
        known("times_involved", times_involved.map(|_| ()));
        Filters {
            text: get("q").chars().take(TEXT_MAX_CHARS).collect(),
            panel,
            status,
            topic,
            region,
            last_involved,
            times_involved,
            unrecognised,
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
