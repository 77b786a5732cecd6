//! The people list: search and filter the register, 50 people a page, as a plain GET form that
//! works without JavaScript. What each row shows follows [`crate::register::record::visibility`].

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::Method;
use axum::routing::get;
use uuid::Uuid;

use crate::i18n::Arg;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::register::domain::{MembershipStatus, PREFER_NOT_TO_SAY, Region, ShareScope, Stored};
use crate::register::panels::PanelRow;
use crate::register::questions::{self, Question};
use crate::register::record::search::{self, Filters, Found, LastInvolved, PAGE_SIZE, Scope};
use crate::register::record::visibility::{Relation, Visibility, visibility};
use crate::register::{profile, record::people_export};
use crate::state::AppState;
use crate::web::FormErrors;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::components::Tag;
use crate::web::dates::format_date;
use crate::web::forms::{Choice, not_recognised, pairs};
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, Page, render};

pub(crate) fn routes() -> Vec<Route> {
    use Access::*;
    use Method as M;
    use Permission::*;
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/people",
            Organisation(ViewRegister),
            get(list),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people.csv",
            Organisation(ViewRegister),
            get(people_export::export),
        ),
    ]
}

/// A search made ready: the filters kept after checking them against what the viewer may use.
pub struct Search {
    pub organisation: OrganisationRow,
    pub filters: Filters,
    pub scope: Scope,
    pub panels: Vec<PanelRow>,
    /// The organisation's monitoring questions, only for viewers who may filter by them.
    pub questions: Vec<Question>,
    /// What the viewer may see of people on the organisation's own panels, and of people who
    /// shared details with it.
    pub role: Option<crate::organisations::domain::Role>,
    pub is_site_admin: bool,
}

impl Search {
    pub fn sees(&self, relation: &Relation) -> Visibility {
        visibility(self.role, self.is_site_admin, relation)
    }

    pub fn may_filter_monitoring(&self) -> bool {
        !self.questions.is_empty()
    }
}

/// Reads and checks the filters. A filter the viewer may not use (another organisation's panel, a
/// monitoring answer they may not see) is never applied: like a value that is not a choice at all,
/// it is listed in `filters.unrecognised` and the search is refused with a message.
pub async fn prepare(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    query: Option<String>,
) -> Result<Search, AppError> {
    let organisation = load_organisation(state, org_id).await?;
    let user = page.ctx.user.as_ref().ok_or(AppError::NotFound)?;
    let role = user.role_in(org_id);
    let is_site_admin = user.is_site_admin;
    let mut filters = Filters::parse(&pairs(query.unwrap_or_default().as_bytes()));
    let mut conn = state.db.acquire().await?;
    let panels = crate::register::panels::panels_of(&mut conn.ex(), org_id).await?;
    let hosted_panels: Vec<Uuid> = panels.iter().map(|p| p.id).collect();
    let monitoring_allowed =
        !panels.is_empty() && visibility(role, is_site_admin, &Relation::Host).monitoring;
    let questions = if monitoring_allowed {
        questions::list(&mut conn.ex(), org_id, false).await?
    } else {
        Vec::new()
    };
    // A panel or monitoring answer the viewer may not use is refused like an unknown one (the
    // message does not say which it was, so nothing is revealed).
    if let Some(panel) = filters.panel.filter(|p| !hosted_panels.contains(p)) {
        filters.unrecognised.push(("panel", panel.to_string()));
        filters.panel = None;
    }
    if let Some((code, answer)) = filters.monitoring.clone().filter(|(code, answer)| {
        !questions
            .iter()
            .any(|q| q.code == *code && q.accepts(answer))
    }) {
        filters
            .unrecognised
            .push(("monitoring", format!("{code}:{answer}")));
        filters.monitoring = None;
    }
    let monitoring_token = filters
        .monitoring
        .as_ref()
        .map(|(code, answer)| profile::monitoring_token(&state.keys, code, answer));
    Ok(Search {
        organisation,
        filters,
        scope: Scope {
            organisation: org_id,
            hosted_panels,
            include_shared: visibility(
                role,
                is_site_admin,
                &Relation::Partner(ShareScope::ALL.to_vec()),
            )
            .listed,
            monitoring_token,
        },
        panels,
        questions,
        role,
        is_site_admin,
    })
}

/// One panel a listed person is on.
pub struct PanelLine {
    pub name: String,
    pub status: Tag,
}

pub struct Row {
    pub id: Uuid,
    pub name: String,
    pub panels: Vec<PanelLine>,
    pub region: String,
    pub last_involved: String,
    /// Email and phone; `None` when the viewer may not see them.
    pub contact: Option<Vec<String>>,
    /// Listed because they shared details with this organisation, not as one of its panel members.
    pub shared: bool,
}

pub fn status_tag(page: &Page, status: MembershipStatus) -> Tag {
    let colour = match status {
        MembershipStatus::Active => Some("govuk-tag--green"),
        MembershipStatus::Paused => Some("govuk-tag--yellow"),
        MembershipStatus::Invited => Some("govuk-tag--blue"),
        MembershipStatus::Left => Some("govuk-tag--grey"),
    };
    Tag {
        text: page.t(&status.message_key()),
        colour,
    }
}

pub fn region_label(page: &Page, region: Option<&str>) -> String {
    region
        .and_then(Region::parse)
        .map(|r| page.t(&r.message_key()))
        .unwrap_or_default()
}

pub fn last_involved_label(page: &Page, at: Option<time::OffsetDateTime>) -> String {
    match at {
        Some(at) => format_date(at, page.locale()),
        None => page.t(&LastInvolved::Never.message_key()),
    }
}

/// A group of monitoring answers under its question, for the select's `optgroup`.
pub struct AnswerGroup {
    pub label: String,
    pub options: Vec<Choice>,
}

/// A link in the pagination: a page number, or a gap.
pub struct PageLink {
    pub number: i64,
    /// "Page 3", for screen readers.
    pub label: String,
    pub href: String,
    pub current: bool,
    pub gap: bool,
}

#[derive(Template)]
#[template(path = "register/record/templates/people.html")]
struct PeoplePage {
    page: Page,
    organisation: OrganisationRow,
    count_text: String,
    rows: Vec<Row>,
    text: String,
    panel_choices: Vec<Choice>,
    status_choices: Vec<Choice>,
    topic_choices: Vec<Choice>,
    region_choices: Vec<Choice>,
    last_involved_choices: Vec<Choice>,
    times_involved_choices: Vec<Choice>,
    monitoring_groups: Vec<AnswerGroup>,
    monitoring_any_selected: bool,
    filtered: bool,
    export_href: String,
    previous: Option<String>,
    next: Option<String>,
    page_links: Vec<PageLink>,
}

/// A select's options: "Any", then every value of a stored vocabulary.
fn choices<T: Stored>(page: &Page, chosen: Option<T>) -> Vec<Choice> {
    std::iter::once(Choice::new("", page.t("search-any"), chosen.is_none()))
        .chain(
            T::ALL
                .iter()
                .map(|v| Choice::new(v.as_str(), page.t(&v.message_key()), chosen == Some(*v))),
        )
        .collect()
}

fn monitoring_groups(page: &Page, search: &Search) -> Vec<AnswerGroup> {
    let chosen = search.filters.monitoring.as_ref();
    search
        .questions
        .iter()
        .map(|q| AnswerGroup {
            label: q.text(page.locale()).to_owned(),
            options: q
                .options
                .iter()
                .map(|o| o.code.as_str())
                .chain(std::iter::once(PREFER_NOT_TO_SAY))
                .map(|code| {
                    let selected = chosen
                        .is_some_and(|(question, answer)| *question == q.code && answer == code);
                    Choice::new(
                        format!("{}:{code}", q.code),
                        q.option_label(code, page.locale()),
                        selected,
                    )
                })
                .collect(),
        })
        .collect()
}

/// Numbered page links: the first, the last, and two either side of the current page.
fn page_links(
    filters: &Filters,
    base: &str,
    pages: i64,
    label: impl Fn(i64) -> String,
) -> Vec<PageLink> {
    let current = filters.page;
    let mut numbers: Vec<i64> = [1, pages]
        .into_iter()
        .chain(current - 2..=current + 2)
        .filter(|n| (1..=pages).contains(n))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut links = Vec::new();
    let mut previous = 0;
    for number in numbers {
        if number > previous + 1 {
            links.push(PageLink {
                number: 0,
                label: String::new(),
                href: String::new(),
                current: false,
                gap: true,
            });
        }
        links.push(PageLink {
            number,
            label: label(number),
            href: format!("{base}{}", filters.page_query(number)),
            current: number == current,
            gap: false,
        });
        previous = number;
    }
    links
}

fn to_row(page: &Page, search: &Search, standing: &search::Standing, found: Found) -> Row {
    let relation = standing.relation(found.id);
    let seen = search.sees(&relation);
    let contact = seen.contact.then(|| {
        [found.email.clone(), found.phone.clone()]
            .into_iter()
            .flatten()
            .collect()
    });
    Row {
        id: found.id,
        panels: standing
            .memberships_of(found.id)
            .map(|m| PanelLine {
                name: m.panel_name.clone(),
                status: status_tag(page, m.status()),
            })
            .collect(),
        region: region_label(page, found.region.as_deref()),
        last_involved: last_involved_label(page, found.last_involved_at),
        name: found.display_name,
        contact,
        shared: !matches!(relation, Relation::Host),
    }
}

pub async fn list(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    RawQuery(query): RawQuery,
    page: Page,
) -> AppResult {
    let search = prepare(&state, &page, org_id, query).await?;
    let mut errors = FormErrors::default();
    for (field, value) in &search.filters.unrecognised {
        // The error summary links to the field: a viewer without the monitoring filter is sent to
        // the search box, the form's first field, rather than to nothing.
        let field = if *field == "monitoring" && search.questions.is_empty() {
            "q"
        } else {
            field
        };
        errors.add(field, not_recognised(&page, value));
    }
    let page = page.with_errors(errors);
    let mut conn = state.db.acquire().await?;
    let (total, found) = if search.filters.unrecognised.is_empty() {
        let total = search::count(&mut conn.ex(), &search.scope, &search.filters).await?;
        let found = search::page(&mut conn.ex(), &search.scope, &search.filters, total).await?;
        (total, found)
    } else {
        (0, Vec::new())
    };
    let ids: Vec<Uuid> = found.iter().map(|f| f.id).collect();
    let standing = search::standing(&mut conn.ex(), org_id, &ids).await?;
    drop(conn);

    let rows = found
        .into_iter()
        .map(|f| to_row(&page, &search, &standing, f))
        .collect();
    let filters = &search.filters;
    let base = format!("/organisations/{org_id}/people");
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let previous =
        (filters.page > 1).then(|| format!("{base}{}", filters.page_query(filters.page - 1)));
    let next =
        (filters.page < pages).then(|| format!("{base}{}", filters.page_query(filters.page + 1)));
    let query = filters.query();
    let export_href = if query.is_empty() {
        format!("{base}.csv")
    } else {
        format!("{base}.csv?{query}")
    };
    let panel_choices = std::iter::once(Choice::new(
        "",
        page.t("search-any"),
        filters.panel.is_none(),
    ))
    .chain(search.panels.iter().map(|p| {
        Choice::new(
            p.id.to_string(),
            p.name.clone(),
            filters.panel == Some(p.id),
        )
    }))
    .collect();
    render(PeoplePage {
        count_text: page.t_args("search-count", &[("count", Arg::Number(total))]),
        rows,
        text: filters.text.clone(),
        panel_choices,
        status_choices: choices(&page, filters.status),
        topic_choices: choices(&page, filters.topic),
        region_choices: choices(&page, filters.region),
        last_involved_choices: choices(&page, filters.last_involved),
        times_involved_choices: choices(&page, filters.times_involved),
        monitoring_groups: monitoring_groups(&page, &search),
        monitoring_any_selected: filters.monitoring.is_none(),
        filtered: !filters.is_empty(),
        export_href,
        page_links: if pages > 1 {
            page_links(filters, &base, pages, |n| {
                page.t_args("search-page-label", &[("number", Arg::Number(n))])
            })
        } else {
            Vec::new()
        },
        previous,
        next,
        organisation: search.organisation,
        page,
    })
}

/// The first people whose name matches `name` among those staff of `org_id` may list, for choosing
/// whom a staff action is for: (id, name), in name order.
pub async fn named(
    state: &AppState,
    page: &Page,
    org_id: Uuid,
    name: &str,
) -> Result<Vec<(Uuid, String)>, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(Vec::new());
    }
    let mut search = prepare(state, page, org_id, None).await?;
    search.filters.text = name.chars().take(200).collect();
    let mut conn = state.db.acquire().await?;
    let total =
        crate::register::record::search::count(&mut conn.ex(), &search.scope, &search.filters)
            .await?;
    let found = crate::register::record::search::page(
        &mut conn.ex(),
        &search.scope,
        &search.filters,
        total,
    )
    .await?;
    Ok(found.into_iter().map(|f| (f.id, f.display_name)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(current: i64, pages: i64) -> Vec<i64> {
        let filters = Filters {
            page: current,
            ..Filters::default()
        };
        page_links(&filters, "/p", pages, |n| n.to_string())
            .iter()
            .map(|l| if l.gap { 0 } else { l.number })
            .collect()
    }

    #[test]
    fn pagination_shows_the_ends_and_the_neighbourhood() {
        assert_eq!(numbers(1, 3), vec![1, 2, 3]);
        assert_eq!(numbers(1, 100), vec![1, 2, 3, 0, 100]);
        assert_eq!(numbers(50, 100), vec![1, 0, 48, 49, 50, 51, 52, 0, 100]);
        assert_eq!(numbers(100, 100), vec![1, 0, 98, 99, 100]);
        assert_eq!(numbers(4, 6), vec![1, 2, 3, 4, 5, 6]);
    }
}
