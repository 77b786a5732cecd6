//! Staff pages: the organisation's engagements (led or partnered), one engagement in full with its
//! commitments, publishing, and the organisation's choice of ladder labels.

use askama::Template;
use axum::extract::{Extension, State};
use uuid::Uuid;

use super::challenges;
use super::commands::{self, Editor};
use super::domain::{Bilingual, LabelScheme, Rung, Shown};
use super::sections::{Sections, StaffSection};
use super::storage::{self, EngagementRow};
use super::views::{
    CommitmentLine, Labels, RungView, labels, partner_names, rung_view, timeline, today,
};
use super::{Relation, label_scheme_of, load_editable, load_for};
use crate::i18n::{Arg, Locale};
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::Permission;
use crate::web::components::{SummaryAction, SummaryList, SummaryRow, SummaryValue, Tag};
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_invalid;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppResult, Page, render};

/// One engagement as the organisation's list shows it.
pub struct ListLine {
    pub id: Uuid,
    pub title: Shown,
    pub lead: String,
    pub is_lead: bool,
    pub rung: String,
    pub timeline: String,
    pub published: bool,
    /// "2 commitments overdue", when any are.
    pub overdue: Option<String>,
}

#[derive(Template)]
#[template(path = "engagements/templates/list.html")]
struct ListPage {
    page: Page,
    organisation: OrganisationRow,
    lines: Vec<ListLine>,
    can_create: bool,
    can_choose_labels: bool,
    scheme: String,
}

pub async fn list(State(state): State<AppState>, Ids(org_id): Ids<Uuid>, page: Page) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let locale = page.locale();
    let mut conn = state.db.acquire().await?;
    let rows = storage::of_organisation(&mut conn.ex(), org_id).await?;
    let overdue = storage::overdue_counts(&mut conn.ex(), org_id, today()).await?;
    let scheme = storage::label_scheme(&mut conn.ex(), org_id).await?;
    let lines = rows
        .iter()
        .map(|row| ListLine {
            id: row.id,
            title: row.title().shown(locale),
            lead: row.organisation_name.clone(),
            is_lead: row.organisation_id == org_id,
            rung: locale.t(&row.scheme().label_key(row.rung())),
            timeline: timeline(locale, row),
            published: row.published,
            overdue: overdue
                .iter()
                .find(|(id, n)| *id == row.id && *n > 0)
                .map(|(_, n)| {
                    locale.t_args("engagements-overdue-count", &[("count", Arg::from(*n))])
                }),
        })
        .collect();
    render(ListPage {
        can_create: allowed(&page, org_id, Permission::ManageEngagements),
        can_choose_labels: allowed(&page, org_id, Permission::ChooseLadderLabels),
        scheme: locale.t(&scheme.message_key()),
        page,
        organisation,
        lines,
    })
}

/// One section of the engagement page: a heading and rows, each row changed on the form.
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub rows: SummaryList,
}

#[derive(Template)]
#[template(path = "engagements/templates/show.html")]
struct ShowPage {
    page: Page,
    organisation: OrganisationRow,
    engagement: EngagementRow,
    title: Shown,
    base: String,
    relation_text: String,
    can_edit: bool,
    rung: RungView,
    sections: Vec<Section>,
    commitments: Vec<CommitmentLine>,
    overdue: usize,
    status: Tag,
    /// The events (with the share of attendees' answers saying their access needs were met) and
    /// the papers, as their capabilities render them.
    more: String,
}

/// Builds summary rows whose change links go to the matching field of the form.
struct Rows<'a> {
    locale: Locale,
    edit: Option<&'a str>,
    rows: Vec<SummaryRow>,
}

impl Rows<'_> {
    fn text(mut self, key: &str, value: impl Into<String>, field: &str) -> Self {
        let label = self.locale.t(key);
        let mut value: String = value.into();
        if value.trim().is_empty() {
            value = self.locale.t("engagement-not-given");
        }
        self.rows.push(SummaryRow {
            actions: self
                .edit
                .map(|edit| SummaryAction {
                    href: format!("{edit}#{field}"),
                    text: self.locale.t("change"),
                    visually_hidden: label.clone(),
                })
                .into_iter()
                .collect(),
            key: label,
            value: SummaryValue::Text(value),
        });
        self
    }

    /// English and Welsh as two rows.
    fn both(self, key: &str, value: Bilingual, field: &str) -> Self {
        let en_key = format!("{key}-en");
        let cy_key = format!("{key}-cy");
        self.text(&en_key, value.en, &format!("{field}_en")).text(
            &cy_key,
            value.cy,
            &format!("{field}_cy"),
        )
    }

    fn list(self) -> SummaryList {
        SummaryList { rows: self.rows }
    }
}

fn sections(
    locale: Locale,
    engagement: &EngagementRow,
    partners: &[String],
    edit: Option<&str>,
) -> Vec<Section> {
    let rows = || Rows {
        locale,
        edit,
        rows: Vec::new(),
    };
    let Labels {
        phase,
        stage,
        topic,
        region,
        openness,
        ..
    } = labels(locale, engagement);
    let e = engagement;
    vec![
        Section {
            id: "about",
            heading: locale.t("engagement-section-about"),
            rows: rows()
                .both("engagement-field-title", e.title(), "title")
                .both("engagement-field-summary", e.summary(), "summary")
                .text("engagement-field-topic", topic, "topic")
                .text("engagement-field-partners", partners.join(", "), "partners")
                .list(),
        },
        Section {
            id: "power",
            heading: locale.t("engagement-section-power"),
            rows: rows()
                .text(
                    "engagement-field-rung",
                    locale.t(&e.scheme().label_key(e.rung())),
                    "rung",
                )
                .both("engagement-field-decided", e.decided(), "decided")
                .both("engagement-field-can-change", e.can_change(), "can_change")
                .both("engagement-field-limits", e.limits(), "limits")
                .list(),
        },
        Section {
            id: "group",
            heading: locale.t("engagement-section-group"),
            rows: rows()
                .text("engagement-field-phase", phase, "phase")
                .text("engagement-field-stage", stage, "stage")
                .list(),
        },
        Section {
            id: "where-when",
            heading: locale.t("engagement-section-where-when"),
            rows: rows()
                .both("engagement-field-area", e.area(), "area")
                .text("engagement-field-region", region, "region")
                .text(
                    "engagement-field-timeline",
                    timeline(locale, e),
                    "starts-day",
                )
                .list(),
        },
        Section {
            id: "taking-part",
            heading: locale.t("engagement-section-taking-part"),
            rows: rows()
                .text("engagement-field-openness", openness, "openness")
                .both("engagement-field-take-part", e.take_part(), "take_part")
                .text(
                    "engagement-field-contact-name",
                    e.contact_name.clone(),
                    "contact_name",
                )
                .text(
                    "engagement-field-contact-email",
                    e.contact_email.clone(),
                    "contact_email",
                )
                .text(
                    "engagement-field-contact-phone",
                    e.contact_phone.clone(),
                    "contact_phone",
                )
                .list(),
        },
    ]
}

pub async fn show(
    State(state): State<AppState>,
    Extension(parts): Extension<Sections>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let loaded = load_for(&state, org_id, &engagement_id).await?;
    let locale = page.locale();
    let engagement = loaded.engagement;
    let base = format!("/organisations/{org_id}/engagements/{}", engagement.id);
    let can_edit =
        loaded.relation.can_edit() && allowed(&page, org_id, Permission::ManageEngagements);
    let edit = format!("{base}/edit");
    let partners = partner_names(locale, &loaded.partners);
    let commitments: Vec<CommitmentLine> = {
        let mut conn = state.db.acquire().await?;
        let rows = storage::commitments_of(&mut conn.ex(), engagement.id).await?;
        challenges::commitment_lines(&mut conn.ex(), &state.keys, locale, &rows, false).await?
    };
    let more = (parts.staff)(
        &state,
        &page,
        StaffSection {
            org_id,
            engagement: engagement.id,
            can_edit,
        },
    )
    .await?;
    let relation_text = match loaded.relation {
        Relation::Lead => locale.t("engagement-relation-lead"),
        Relation::EqualPartner => locale.t("engagement-relation-equal"),
        Relation::Partner => locale.t("engagement-relation-partner"),
    };
    render(ShowPage {
        title: engagement.title().shown(locale),
        rung: rung_view(locale, engagement.scheme(), engagement.rung()),
        sections: sections(
            locale,
            &engagement,
            &partners,
            can_edit.then_some(edit.as_str()),
        ),
        overdue: commitments.iter().filter(|c| c.overdue).count(),
        status: publication_tag(locale, engagement.published),
        commitments,
        more,
        relation_text,
        can_edit,
        base,
        engagement,
        page,
        organisation,
    })
}

fn publication_tag(locale: Locale, published: bool) -> Tag {
    if published {
        Tag {
            text: locale.t("engagement-published"),
            colour: Some("govuk-tag--green"),
        }
    } else {
        Tag {
            text: locale.t("engagement-draft"),
            colour: Some("govuk-tag--grey"),
        }
    }
}

fn editor(page: &Page, org_id: Uuid) -> Editor {
    Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    }
}

async fn set_published(
    state: AppState,
    org_id: Uuid,
    engagement_id: String,
    page: Page,
    published: bool,
) -> AppResult {
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let id = loaded.engagement.id;
    let mut tx = state.db.begin().await?;
    commands::set_published(&mut tx.ex(), editor(&page, org_id), id, published).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/engagements/{id}"),
        if published {
            "flash-engagement-published"
        } else {
            "flash-engagement-unpublished"
        },
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    set_published(state, org_id, engagement_id, page, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    set_published(state, org_id, engagement_id, page, false).await
}

#[derive(Template)]
#[template(path = "engagements/templates/labels.html")]
struct LabelsPage {
    page: Page,
    organisation: OrganisationRow,
    schemes: Vec<Choice>,
}

fn scheme_choices(locale: Locale, chosen: &str) -> Vec<Choice> {
    LabelScheme::ALL
        .iter()
        .map(|scheme| {
            let rungs: Vec<String> = Rung::ALL
                .iter()
                .map(|r| locale.t(&scheme.label_key(*r)))
                .collect();
            Choice::new(
                scheme.as_str(),
                locale.t(&scheme.message_key()),
                scheme.as_str() == chosen,
            )
            .with_hint(rungs.join(" · "))
        })
        .collect()
}

pub async fn labels_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let scheme = label_scheme_of(&state, org_id).await?;
    render(LabelsPage {
        schemes: scheme_choices(page.locale(), scheme.as_str()),
        page,
        organisation,
    })
}

/// The ladder of names chosen for the rungs.
fn check_scheme(chosen: &str) -> Result<LabelScheme, Vec<Problem>> {
    LabelScheme::parse(chosen)
        .ok_or_else(|| vec![Problem::new("scheme", "engagement-error-scheme")])
}

pub async fn labels_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let chosen = one_of(&pairs(&body), "scheme");
    let scheme = match check_scheme(&chosen) {
        Ok(scheme) => scheme,
        Err(problems) => {
            return render_invalid(LabelsPage {
                schemes: scheme_choices(page.locale(), &chosen),
                page: page.with_problems(&problems),
                organisation,
            });
        }
    };
    let mut tx = state.db.begin().await?;
    commands::choose_labels(&mut tx.ex(), editor(&page, org_id), scheme).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/engagements"),
        "flash-engagement-labels-saved",
    ))
}
