//! The engagement form, one page in sections, for creating an engagement and for changing it.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use super::commands::{self, Editor};
use super::domain::{
    Bilingual, EngagementForm, GroupStage, LabelScheme, Openness, Phase, Rung, date_parts,
};
use super::storage::{EngagementRow, PartnerRow};
use super::views::{choices, date_input};
use super::{Loaded, label_scheme_of, load_editable};
use crate::organisations::pages::load as load_organisation;
use crate::organisations::{self, OrganisationRow};
use crate::register::domain::{Region, Topic};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

#[derive(Template)]
#[template(path = "engagements/templates/form.html")]
struct FormPage {
    page: Page,
    organisation: OrganisationRow,
    heading: String,
    action: String,
    back: String,
    button: String,
    form: EngagementForm,
    rungs: Vec<Choice>,
    phases: Vec<Choice>,
    stages: Vec<Choice>,
    topics: Vec<Choice>,
    regions: Vec<Choice>,
    opennesses: Vec<Choice>,
    starts: DateInput,
    ends: DateInput,
    partners: Vec<Choice>,
    equal_partners: Vec<Choice>,
}

/// Partner choices as submitted: each organisation with whether it has equal rights.
#[derive(Debug, Clone, Default)]
struct PartnerAnswers {
    partners: Vec<String>,
    equal: Vec<String>,
}

impl PartnerAnswers {
    fn from_rows(rows: &[PartnerRow]) -> PartnerAnswers {
        PartnerAnswers {
            partners: rows.iter().map(|p| p.organisation_id.to_string()).collect(),
            equal: rows
                .iter()
                .filter(|p| p.equal_rights)
                .map(|p| p.organisation_id.to_string())
                .collect(),
        }
    }

    /// Existing organisations other than the lead; equal rights imply being a partner.
    fn resolve(&self, lead: Uuid, organisations: &[OrganisationRow]) -> Vec<(Uuid, bool)> {
        organisations
            .iter()
            .filter(|o| o.id != lead)
            .filter_map(|o| {
                let id = o.id.to_string();
                let equal = self.equal.contains(&id);
                (equal || self.partners.contains(&id)).then_some((o.id, equal))
            })
            .collect()
    }
}

fn read_form(body: &[u8]) -> (EngagementForm, PartnerAnswers) {
    let form = pairs(body);
    let one = |name: &str| one_of(&form, name);
    let both = |name: &str| Bilingual::new(one(&format!("{name}_en")), one(&format!("{name}_cy")));
    let date = |name: &str| {
        [
            one(&format!("{name}-day")),
            one(&format!("{name}-month")),
            one(&format!("{name}-year")),
        ]
    };
    (
        EngagementForm {
            title: both("title"),
            summary: both("summary"),
            rung: one("rung"),
            decided: both("decided"),
            can_change: both("can_change"),
            limits: both("limits"),
            phase: one("phase"),
            stage: one("stage"),
            topic: one("topic"),
            area: both("area"),
            region: one("region"),
            starts: date("starts"),
            ends: date("ends"),
            contact_name: one("contact_name"),
            contact_email: one("contact_email"),
            contact_phone: one("contact_phone"),
            openness: one("openness"),
            take_part: both("take_part"),
        },
        PartnerAnswers {
            partners: all_of(&form, "partners"),
            equal: all_of(&form, "equal_partners"),
        },
    )
}

fn from_row(row: &EngagementRow) -> EngagementForm {
    EngagementForm {
        title: row.title(),
        summary: row.summary(),
        rung: row.rung.clone(),
        decided: row.decided(),
        can_change: row.can_change(),
        limits: row.limits(),
        phase: row.phase.clone(),
        stage: row.group_stage.clone(),
        topic: row.topic.clone(),
        area: row.area(),
        region: row.region.clone().unwrap_or_default(),
        starts: date_parts(row.starts_on),
        ends: date_parts(row.ends_on),
        contact_name: row.contact_name.clone(),
        contact_email: row.contact_email.clone(),
        contact_phone: row.contact_phone.clone(),
        openness: row.openness.clone(),
        take_part: row.take_part(),
    }
}

/// What differs between creating and changing: where the form goes and what it says.
struct Purpose {
    heading: String,
    action: String,
    back: String,
    button: String,
    /// The lead organisation, never offered as a partner.
    lead: Uuid,
    scheme: LabelScheme,
}

fn form_page(
    page: Page,
    organisation: OrganisationRow,
    purpose: Purpose,
    form: EngagementForm,
    answers: &PartnerAnswers,
    all_organisations: &[OrganisationRow],
    errors: FormErrors,
) -> FormPage {
    let locale = page.locale();
    let partner_choices = |chosen: &[String]| -> Vec<Choice> {
        all_organisations
            .iter()
            .filter(|o| o.id != purpose.lead)
            .map(|o| {
                let id = o.id.to_string();
                let checked = chosen.contains(&id);
                Choice::new(id, o.name.clone(), checked)
            })
            .collect()
    };
    let rungs = Rung::ALL
        .iter()
        .map(|r| {
            Choice::new(
                r.as_str(),
                locale.t(&purpose.scheme.label_key(*r)),
                r.as_str() == form.rung,
            )
            .with_hint(locale.t(&r.expectation_key()))
        })
        .collect();
    let mut topics = vec![Choice::new(
        "",
        locale.t("engagement-choose-topic"),
        form.topic.is_empty(),
    )];
    topics.extend(choices(
        locale,
        Topic::ALL,
        &form.topic,
        Topic::as_str,
        |t| t.message_key(),
        false,
    ));
    let mut regions = vec![Choice::new(
        "",
        locale.t("details-region-none"),
        form.region.is_empty(),
    )];
    regions.extend(choices(
        locale,
        Region::ALL,
        &form.region,
        Region::as_str,
        |r| r.message_key(),
        false,
    ));
    FormPage {
        heading: purpose.heading,
        action: purpose.action,
        back: purpose.back,
        button: purpose.button,
        rungs,
        phases: choices(
            locale,
            Phase::ALL,
            &form.phase,
            Phase::as_str,
            |p| p.message_key(),
            true,
        ),
        stages: choices(
            locale,
            GroupStage::ALL,
            &form.stage,
            GroupStage::as_str,
            |s| s.message_key(),
            true,
        ),
        topics,
        regions,
        opennesses: choices(
            locale,
            Openness::ALL,
            &form.openness,
            Openness::as_str,
            |o| o.message_key(),
            true,
        ),
        starts: date_input(
            locale,
            &errors,
            "starts",
            locale.t("engagement-field-starts"),
            form.starts.clone(),
        ),
        ends: date_input(
            locale,
            &errors,
            "ends",
            locale.t("engagement-field-ends"),
            form.ends.clone(),
        ),
        partners: partner_choices(&answers.partners),
        equal_partners: partner_choices(&answers.equal),
        form,
        page: page.with_errors(errors),
        organisation,
    }
}

/// Answers that did not pass the checks, to show again with their errors.
struct Invalid {
    form: EngagementForm,
    answers: PartnerAnswers,
    problems: Vec<crate::web::forms::Problem>,
}

impl Invalid {
    fn render(
        self,
        page: Page,
        organisation: OrganisationRow,
        purpose: Purpose,
        everyone: &[OrganisationRow],
    ) -> AppResult {
        let errors = FormErrors::from_problems(page.locale(), &self.problems);
        render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(
                page,
                organisation,
                purpose,
                self.form,
                &self.answers,
                everyone,
                errors,
            ),
        )
    }
}

/// The partners' part of the audit entry: organisations and their rights, nothing personal.
async fn all_organisations(state: &AppState) -> Result<Vec<OrganisationRow>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(organisations::list(&mut conn.ex()).await?)
}

fn new_purpose(page: &Page, org_id: Uuid, scheme: LabelScheme) -> Purpose {
    let base = format!("/organisations/{org_id}/engagements");
    Purpose {
        heading: page.t("engagement-new-title"),
        action: format!("{base}/new"),
        back: base,
        button: page.t("engagement-new-button"),
        lead: org_id,
        scheme,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let scheme = label_scheme_of(&state, org_id).await?;
    let everyone = all_organisations(&state).await?;
    let purpose = new_purpose(&page, org_id, scheme);
    render(form_page(
        page,
        organisation,
        purpose,
        EngagementForm::default(),
        &PartnerAnswers::default(),
        &everyone,
        FormErrors::default(),
    ))
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let (form, answers) = read_form(&body);
    let everyone = all_organisations(&state).await?;
    let engagement = match form.check() {
        Ok(engagement) => engagement,
        Err(problems) => {
            let scheme = label_scheme_of(&state, org_id).await?;
            let purpose = new_purpose(&page, org_id, scheme);
            let invalid = Invalid {
                form,
                answers,
                problems,
            };
            return invalid.render(page, organisation, purpose, &everyone);
        }
    };
    let partners = answers.resolve(org_id, &everyone);
    let by = Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    let id = commands::create(&mut tx.ex(), by, &engagement, &partners).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/engagements/{id}"),
        "flash-engagement-created",
    ))
}

fn edit_purpose(page: &Page, org_id: Uuid, loaded: &Loaded) -> Purpose {
    let base = format!(
        "/organisations/{org_id}/engagements/{}",
        loaded.engagement.id
    );
    Purpose {
        heading: page.t("engagement-edit-title"),
        action: format!("{base}/edit"),
        back: base,
        button: page.t("save"),
        lead: loaded.engagement.organisation_id,
        scheme: loaded.engagement.scheme(),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let everyone = all_organisations(&state).await?;
    let purpose = edit_purpose(&page, org_id, &loaded);
    render(form_page(
        page,
        organisation,
        purpose,
        from_row(&loaded.engagement),
        &PartnerAnswers::from_rows(&loaded.partners),
        &everyone,
        FormErrors::default(),
    ))
}

pub async fn edit_submit(
    State(state): State<AppState>,
    Ids((org_id, engagement_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let loaded = load_editable(&state, org_id, &engagement_id).await?;
    let (form, answers) = read_form(&body);
    let everyone = all_organisations(&state).await?;
    let engagement = match form.check() {
        Ok(engagement) => engagement,
        Err(problems) => {
            let purpose = edit_purpose(&page, org_id, &loaded);
            let invalid = Invalid {
                form,
                answers,
                problems,
            };
            return invalid.render(page, organisation, purpose, &everyone);
        }
    };
    let id = loaded.engagement.id;
    let partners = answers.resolve(loaded.engagement.organisation_id, &everyone);
    let by = Editor {
        account: page.ctx.actor(),
        organisation: org_id,
    };
    let mut tx = state.db.begin().await?;
    commands::change(&mut tx.ex(), by, id, &engagement, &partners).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/engagements/{id}"),
        "flash-engagement-saved",
    ))
}
