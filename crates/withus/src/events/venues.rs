//! Venues: the places an organisation holds events, each with its accessibility recorded once and
//! reused. The list filters by area so community venues close to people are easy to find.

use askama::Template;
use axum::extract::{Query, State};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::domain::Feature;
use super::organising::Organiser;
use super::storage::{self, Venue, VenueRow};
use crate::audit::{self, Action, Entry};
use crate::ids::VenueId;
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::register::domain::Region;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Permission;
use crate::web::forms::{
    Choice, Problem, all_of, check_known_all, check_known_one, known_one, one_of, pairs,
};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub const NAME_MAX_CHARS: usize = 200;
pub const TEXT_MAX_CHARS: usize = 2000;

/// One venue in the list, its features already in words.
pub struct VenueLine {
    pub venue: VenueRow,
    pub region: String,
    pub features: Vec<String>,
}

#[derive(Template)]
#[template(path = "events/templates/venues.html")]
struct ListPage {
    page: Page,
    organisation: OrganisationRow,
    venues: Vec<VenueLine>,
    regions: Vec<Choice>,
    can_manage: bool,
}

#[derive(Template)]
#[template(path = "events/templates/venue_form.html")]
struct FormPage {
    page: Page,
    organisation: OrganisationRow,
    action: String,
    heading: String,
    venue: Venue,
    regions: Vec<Choice>,
    features: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    region: String,
}

/// A select of regions with a first "any" choice labelled `none_key`.
pub fn region_choices(page: &Page, chosen: Option<Region>, none_key: &str) -> Vec<Choice> {
    let mut items = vec![Choice::new("", page.t(none_key), chosen.is_none())];
    items.extend(
        Region::ALL
            .iter()
            .map(|r| Choice::new(r.as_str(), page.t(&r.message_key()), Some(*r) == chosen)),
    );
    items
}

pub fn feature_words(page: &Page, venue: &VenueRow) -> Vec<String> {
    venue
        .features()
        .into_iter()
        .map(|f| page.t(&f.message_key()))
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    Query(filter): Query<Filter>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let mut errors = FormErrors::default();
    let region = known_one(&mut errors, &page, "region", &filter.region, Region::parse);
    let refused = !errors.is_empty();
    let page = page.with_errors(errors);
    let rows = if refused {
        Vec::new()
    } else {
        let mut conn = state.db.acquire().await?;
        storage::venues_of(&mut conn.ex(), org_id, region).await?
    };
    let venues = rows
        .into_iter()
        .map(|venue| VenueLine {
            region: venue
                .region
                .as_deref()
                .and_then(Region::parse)
                .map(|r| page.t(&r.message_key()))
                .unwrap_or_default(),
            features: feature_words(&page, &venue),
            venue,
        })
        .collect();
    render(ListPage {
        regions: region_choices(&page, region, "venues-any-region"),
        can_manage: allowed(&page, org_id, Permission::ManageEngagements),
        page,
        organisation,
        venues,
    })
}

fn form_page(
    page: Page,
    organisation: OrganisationRow,
    action: String,
    heading: String,
    venue: Venue,
) -> FormPage {
    FormPage {
        regions: region_choices(&page, venue.region, "venues-no-region"),
        features: Feature::ALL
            .iter()
            .map(|f| {
                Choice::new(
                    f.as_str(),
                    page.t(&f.message_key()),
                    venue.features.contains(f),
                )
            })
            .collect(),
        page,
        organisation,
        action,
        heading,
        venue,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let heading = page.t("venue-new-title");
    render(form_page(
        page,
        organisation,
        format!("/organisations/{org_id}/venues/new"),
        heading,
        Venue::default(),
    ))
}

async fn venue_of(
    state: &AppState,
    organisation: Uuid,
    id: &VenueId,
) -> Result<VenueRow, AppError> {
    let id = id.0;
    let mut conn = state.db.acquire().await?;
    storage::find_venue(&mut conn.ex(), id)
        .await?
        .filter(|v| v.organisation_id == organisation)
        .ok_or(AppError::NotFound)
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, venue_id)): Ids<(Uuid, VenueId)>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let venue = venue_of(&state, org_id, &venue_id).await?;
    let heading = page.t("venue-edit-title");
    render(form_page(
        page,
        organisation,
        format!("/organisations/{org_id}/venues/{}", venue.id),
        heading,
        venue.as_venue(),
    ))
}

/// The venue as typed.
struct Answers {
    name: String,
    address: String,
    region: String,
    features: Vec<String>,
    notes: String,
}

impl Answers {
    fn read(body: &[u8]) -> Answers {
        let form = pairs(body);
        Answers {
            name: one_of(&form, "name"),
            address: one_of(&form, "address"),
            region: one_of(&form, "region"),
            features: all_of(&form, "features"),
            notes: one_of(&form, "notes"),
        }
    }

    /// The venue to show again with the errors: the choices that are on the lists.
    fn shown(self) -> Venue {
        Venue {
            region: Region::parse(&self.region),
            features: self
                .features
                .iter()
                .filter_map(|f| Feature::parse(f.trim()))
                .collect(),
            name: self.name,
            address: self.address,
            notes: self.notes,
        }
    }
}

/// Checks the venue; a region or feature not on the lists is refused, not dropped.
fn check(answers: &Answers) -> Result<Venue, Vec<Problem>> {
    let mut problems = Vec::new();
    let region = check_known_one(&mut problems, "region", &answers.region, Region::parse);
    let features = check_known_all(&mut problems, "features", &answers.features, Feature::parse);
    if answers.name.trim().is_empty() {
        problems.push(Problem::new("name", "venue-error-name"));
    } else if answers.name.chars().count() > NAME_MAX_CHARS {
        problems.push(Problem::too_long(
            "name",
            "venue-error-too-long",
            NAME_MAX_CHARS,
        ));
    }
    for (field, text) in [("address", &answers.address), ("notes", &answers.notes)] {
        if text.chars().count() > TEXT_MAX_CHARS {
            problems.push(Problem::too_long(
                field,
                "venue-error-too-long",
                TEXT_MAX_CHARS,
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Venue {
        name: answers.name.clone(),
        address: answers.address.clone(),
        region,
        features,
        notes: answers.notes.clone(),
    })
}

async fn save(
    state: AppState,
    org_id: Uuid,
    id: Option<Uuid>,
    page: Page,
    body: &[u8],
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let answers = Answers::read(body);
    let venue = match check(&answers) {
        Ok(venue) => venue,
        Err(problems) => {
            let (action, heading) = match id {
                Some(id) => (
                    format!("/organisations/{org_id}/venues/{id}"),
                    page.t("venue-edit-title"),
                ),
                None => (
                    format!("/organisations/{org_id}/venues/new"),
                    page.t("venue-new-title"),
                ),
            };
            return render_invalid(form_page(
                page.with_problems(&problems),
                organisation,
                action,
                heading,
                answers.shown(),
            ));
        }
    };
    let (id, action) = match id {
        Some(id) => (id, Action::VenueUpdated),
        None => (Uuid::now_v7(), Action::VenueCreated),
    };
    let mut tx = state.db.begin().await?;
    save_venue(
        &mut tx.ex(),
        Organiser {
            account: page.ctx.actor(),
            organisation: org_id,
        },
        id,
        action,
        &venue,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/venues"),
        "flash-venue-saved",
    ))
}

#[derive(Debug, thiserror::Error)]
pub enum VenueError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<VenueError> for AppError {
    fn from(error: VenueError) -> Self {
        match error {
            VenueError::Database(error) => error.into(),
        }
    }
}

/// Saves a venue of the organiser's organisation (`action` says whether it is new or changed).
pub async fn save_venue(
    ex: &mut crate::db::Ex<'_>,
    by: Organiser,
    id: Uuid,
    action: Action,
    venue: &Venue,
) -> Result<(), VenueError> {
    storage::save_venue(ex, by.organisation, id, venue).await?;
    audit::record(
        ex,
        Entry::new(action, "venue", id)
            .by(by.account)
            .in_organisation(by.organisation)
            .with(json!({ "features": venue.features.iter().map(|f| f.as_str()).collect::<Vec<_>>() })),
    )
    .await?;
    Ok(())
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    save(state, org_id, None, page, &body).await
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, venue_id)): Ids<(Uuid, VenueId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let venue = venue_of(&state, org_id, &venue_id).await?;
    save(state, org_id, Some(venue.id), page, &body).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(features: &[&str]) -> Answers {
        Answers {
            name: "Town hall".into(),
            address: String::new(),
            region: "TLC".into(),
            features: features.iter().map(|f| (*f).to_owned()).collect(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_feature_not_on_the_list_is_refused_and_the_known_ones_shown_again() {
        let known = Feature::ALL[0].as_str();
        let venue = check(&answers(&[known])).unwrap();
        assert_eq!(venue.features, [Feature::ALL[0]]);
        let problems = check(&answers(&[known, "helipad"])).unwrap_err();
        assert_eq!(problems[0].field, "features");
        assert_eq!(
            answers(&[known, "helipad"]).shown().features,
            [Feature::ALL[0]]
        );
    }
}
