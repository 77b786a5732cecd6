//! Staff pages about one person: what they may see of them, adding someone on their behalf (by phone,
//! in person or on paper), editing for them, recording consent changes, and follow-up tasks.

use askama::Template;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post};
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::ids::{ConsentId, FollowUpId};
use crate::organisations::OrganisationRow;
use crate::organisations::pages::{allowed, load as load_organisation};
use crate::register::consents::{self, Withdrawn};
use crate::register::domain::{Channel, EntryRoute, MembershipStatus};
use crate::register::panels::PanelRow;
use crate::register::panels::membership::{self, ChangeError, Move};
use crate::register::panels::pages::load_panel_of;
use crate::register::profile;
use crate::register::record::contents::{self as record, Record};
use crate::register::record::editors::details::{self as contact, ContactInput};
use crate::register::record::editors::{
    about_you, access_needs, channel_choices, contact as how_we_contact, details, preferences,
};
use crate::register::record::subject;
use crate::register::storage::{self as rows, NewPerson, SealedColumn};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::Ids;
use crate::web::access::{Access, Permission};
use crate::web::forms::{Choice, Problem, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::routing::{Route, route};
use crate::web::{AppError, AppResult, FormErrors, Page, render};
use crate::{i18n::Locale, web::dates};

pub(crate) fn routes() -> Vec<Route> {
    use Access::Organisation;
    use Method as M;
    use Permission::*;
    let manage = Organisation(ManageRegister);
    vec![
        route(
            M::GET,
            "/organisations/{org_id}/people/new",
            manage,
            get(new_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/new",
            manage,
            post(new_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}",
            Organisation(ViewRegister),
            get(show),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/details",
            manage,
            get(details_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/details",
            manage,
            post(details_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/access-needs",
            manage,
            get(access_needs_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/access-needs",
            manage,
            post(access_needs_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/about-you",
            manage,
            get(about_you_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/about-you",
            manage,
            post(about_you_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/contact",
            manage,
            get(contact_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/contact",
            manage,
            post(contact_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/preferences",
            manage,
            get(preferences_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/preferences",
            manage,
            post(preferences_submit),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/consents/{consent_id}/withdraw",
            manage,
            post(withdraw),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/status",
            manage,
            post(status),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/sharing",
            manage,
            get(sharing_form),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/people/{person_id}/sharing",
            manage,
            post(sharing_submit),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/people/{person_id}/download.json",
            Organisation(HandleDataRequests),
            get(download_json),
        ),
        route(
            M::GET,
            "/organisations/{org_id}/follow-ups",
            manage,
            get(follow_ups),
        ),
        route(
            M::POST,
            "/organisations/{org_id}/follow-ups/{follow_up_id}/done",
            manage,
            post(follow_up_done),
        ),
    ]
}

#[derive(Template)]
#[template(path = "register/record/templates/person.html")]
struct PersonPage {
    page: Page,
    organisation: OrganisationRow,
    record: Record,
    base: String,
    can_edit: bool,
    can_handle_requests: bool,
    hosted_panels: Vec<(Uuid, String, String)>,
    invitable_panels: Vec<(Uuid, String)>,
    statuses: Vec<Choice>,
    channels: Vec<Choice>,
}

impl PersonPage {
    /// The address of an edit form, or nothing when this viewer may not edit.
    fn edit_link(&self, tail: &str) -> String {
        if self.can_edit {
            format!("{}{tail}", self.base)
        } else {
            String::new()
        }
    }
}

pub async fn show(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let subject = subject::seen_by_staff(&state, &page, org_id, &person_id).await?;
    let record = record::load(&state, &subject, page.locale()).await?;
    let hosted = subject.seen.preferences
        && allowed(&page, org_id, Permission::ManageRegister)
        && subject.relation == crate::register::record::visibility::Relation::Host;
    let hosted_panels: Vec<(Uuid, String, String)> = record
        .panels
        .iter()
        .filter(|p| p.status != MembershipStatus::Left.as_str())
        .map(|p| (p.panel_id, p.panel.clone(), p.status.clone()))
        .collect();
    // Panels of this organisation the person is not on (or has left): they can be invited.
    let invitable_panels = if hosted {
        let mut conn = state.db.acquire().await?;
        crate::register::panels::panels_of(&mut conn.ex(), org_id)
            .await?
            .into_iter()
            .filter(|panel| !hosted_panels.iter().any(|(id, _, _)| *id == panel.id))
            .map(|panel| (panel.id, panel.name))
            .collect()
    } else {
        Vec::new()
    };
    render(PersonPage {
        statuses: [
            MembershipStatus::Active,
            MembershipStatus::Paused,
            MembershipStatus::Left,
        ]
        .iter()
        .map(|s| Choice::new(s.as_str(), page.t(&s.message_key()), false))
        .collect(),
        channels: channel_choices(&page, Some(Channel::Phone)),
        can_handle_requests: hosted && allowed(&page, org_id, Permission::HandleDataRequests),
        can_edit: hosted,
        base: subject.base.clone(),
        organisation,
        record,
        hosted_panels,
        invitable_panels,
        page,
    })
}

macro_rules! staff_editor {
    ($form:ident, $submit:ident, $module:ident) => {
        pub async fn $form(
            State(state): State<AppState>,
            Ids((org_id, person_id)): Ids<(Uuid, String)>,
            page: Page,
        ) -> AppResult {
            let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
            $module::form(&state, page, subject).await
        }

        pub async fn $submit(
            State(state): State<AppState>,
            Ids((org_id, person_id)): Ids<(Uuid, String)>,
            page: Page,
            body: axum::body::Bytes,
        ) -> AppResult {
            let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
            $module::submit(&state, page, subject, &body).await
        }
    };
}

staff_editor!(details_form, details_submit, details);
staff_editor!(access_needs_form, access_needs_submit, access_needs);
staff_editor!(about_you_form, about_you_submit, about_you);
staff_editor!(preferences_form, preferences_submit, preferences);
staff_editor!(contact_form, contact_submit, how_we_contact);

pub async fn sharing_form(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    crate::register::record::sharing::sharing_page(&state, page, &subject, &[], StatusCode::OK)
        .await
}

pub async fn sharing_submit(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    crate::register::record::sharing::record_sharing(&state, page, subject, &body).await
}

/// Staff acting for someone say how the person told them.
fn staff_channel(form: &[(String, String)]) -> Option<Channel> {
    Channel::parse(&one_of(form, "channel")).filter(|c| *c != Channel::Online)
}

pub async fn withdraw(
    State(state): State<AppState>,
    Ids((org_id, person_id, consent_id)): Ids<(Uuid, String, ConsentId)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let consent = consent_id.0;
    let mut actor = subject.actor;
    actor.channel = staff_channel(&pairs(&body)).unwrap_or(Channel::Phone);
    let mut tx = state.db.begin().await?;
    let outcome =
        consents::withdraw(&mut tx.ex(), &state.keys, actor, subject.person.id, consent).await?;
    tx.commit().await?;
    match outcome {
        Withdrawn::Done => Ok(see_other_with_flash(
            &state,
            &format!("{}#consents", subject.base),
            "flash-consent-withdrawn",
        )),
        Withdrawn::NotActive => Ok(see_other_with_flash(
            &state,
            &format!("{}#consents", subject.base),
            "flash-consent-already-withdrawn",
        )),
    }
}

pub async fn status(
    State(state): State<AppState>,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let form = pairs(&body);
    let Some(status) = MembershipStatus::parse(&one_of(&form, "status")) else {
        return Ok(see_other_with_flash(
            &state,
            &subject.base,
            "flash-status-not-chosen",
        ));
    };
    let panel = load_panel_of(&state, org_id, &one_of(&form, "panel")).await?;
    let mut actor = subject.actor;
    actor.channel = staff_channel(&form).unwrap_or(Channel::Phone);
    let mut tx = state.db.begin().await?;
    let changed = membership::change(
        &mut tx.ex(),
        &state.keys,
        actor,
        subject.person.id,
        panel.id,
        status,
    )
    .await;
    let flash = match changed {
        Ok(Move::Invite) => "flash-status-invited",
        Ok(_) => "flash-status-changed",
        Err(ChangeError::NotAllowed { .. }) => "flash-status-not-allowed",
        // `load_panel_of` has already found the panel in this organisation.
        Err(ChangeError::NoSuchPanel) => return Err(AppError::NotFound),
        Err(ChangeError::Database(error)) => return Err(error.into()),
    };
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("{}#panels", subject.base),
        flash,
    ))
}

/// For answering a subject access request: the full record as the organisation holds it.
pub async fn download_json(
    State(state): State<AppState>,
    axum::extract::Extension(held): axum::extract::Extension<
        crate::register::record::contents::HeldElsewhere,
    >,
    Ids((org_id, person_id)): Ids<(Uuid, String)>,
    page: Page,
) -> AppResult {
    let subject = subject::editable_by_staff(&state, &page, org_id, &person_id).await?;
    let mut record = record::load(&state, &subject, page.locale()).await?;
    record.elsewhere = (held.0)(&state, subject.person.id, page.locale()).await?;
    let mut tx = state.db.begin().await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::PersonDataDownloaded, "person", subject.person.id)
            .by(page.ctx.actor())
            .in_organisation(org_id)
            .with(serde_json::json!({ "format": "json", "by_staff": true })),
    )
    .await?;
    tx.commit().await?;
    let body = serde_json::to_string_pretty(&record).map_err(anyhow::Error::from)?;
    Ok(crate::register::record::contents::attachment(
        "application/json",
        &format!("person-{}.json", subject.person.id),
        body,
    ))
}

// --- Adding a person on their behalf -------------------------------------------------------------

#[derive(Template)]
#[template(path = "register/record/templates/person_new.html")]
struct NewPersonPage {
    page: Page,
    organisation: OrganisationRow,
    input: ContactInput,
    methods: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    panels: Vec<Choice>,
    channels: Vec<Choice>,
    consent: Vec<Choice>,
}

async fn org_panels(state: &AppState, org_id: Uuid) -> Result<Vec<PanelRow>, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(crate::register::panels::panels_of(&mut conn.ex(), org_id).await?)
}

fn new_person_view(
    page: Page,
    organisation: OrganisationRow,
    panels: &[PanelRow],
    input: ContactInput,
    form: &[(String, String)],
) -> NewPersonPage {
    let chosen_panel = one_of(form, "panel");
    let only_one = panels.len() == 1;
    NewPersonPage {
        methods: contact::method_choices(&page, &input.method),
        regions: contact::region_choices(&page, &input.region),
        languages: contact::language_choices(if input.language.is_empty() {
            "en"
        } else {
            &input.language
        }),
        panels: panels
            .iter()
            .map(|p| {
                let id = p.id.to_string();
                let checked = only_one || id == chosen_panel;
                Choice::new(id, p.name.clone(), checked)
            })
            .collect(),
        channels: channel_choices(&page, Channel::parse(&one_of(form, "channel"))),
        consent: vec![Choice::new(
            "yes",
            page.t("person-new-consent"),
            one_of(form, "consent") == "yes",
        )],
        organisation,
        input,
        page,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let panels = org_panels(&state, org_id).await?;
    let input = ContactInput {
        language: page.locale().code().to_owned(),
        ..ContactInput::default()
    };
    render(new_person_view(page, organisation, &panels, input, &[]))
}

pub async fn new_submit(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
    body: axum::body::Bytes,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let panels = org_panels(&state, org_id).await?;
    let form = pairs(&body);
    let input = ContactInput::from_form(&form);
    // Someone already on the register with these details is looked up first, so the check
    // can name them without reading the database.
    let already_known = match contact::check(&input) {
        Ok(contact) => {
            let mut conn = state.db.acquire().await?;
            !rows::find_matching(
                &mut conn.ex(),
                contact.email.as_deref(),
                contact.phone.as_deref(),
            )
            .await?
            .is_empty()
        }
        Err(_) => false,
    };
    let (contact, panel, channel) = match check_new_person(&form, &input, &panels, already_known) {
        Ok(checked) => checked,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                new_person_view(
                    page.with_errors(errors),
                    organisation,
                    &panels,
                    input,
                    &form,
                ),
            );
        }
    };
    let actor = consents::Actor {
        account: page.ctx.actor(),
        organisation: Some(org_id),
        channel,
    };
    let mut tx = state.db.begin().await?;
    let person = add(&mut tx.ex(), &state.keys, actor, &contact, panel).await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/people/{person}"),
        "flash-person-added",
    ))
}

/// Checks the form adding someone: their contact details, one of the organisation's `panels`,
/// how they told staff, and that they agreed. `already_known`: their email or phone matches
/// someone on the register, which staff must resolve rather than add a second record.
fn check_new_person(
    form: &[(String, String)],
    input: &ContactInput,
    panels: &[PanelRow],
    already_known: bool,
) -> Result<(contact::Contact, Uuid, Channel), Vec<Problem>> {
    let checked = contact::check(input);
    let mut problems = checked.as_ref().err().cloned().unwrap_or_default();
    let panel = panels
        .iter()
        .find(|p| p.id.to_string() == one_of(form, "panel"));
    if panel.is_none() {
        problems.push(Problem::new("panel", "person-new-error-panel"));
    }
    let channel = staff_channel(form);
    if channel.is_none() {
        problems.push(Problem::new("channel", "consent-error-channel"));
    }
    if one_of(form, "consent") != "yes" {
        problems.push(Problem::new("consent", "person-new-error-consent"));
    }
    if let Ok(contact) = &checked
        && already_known
    {
        let field = if contact.email.is_some() {
            "email"
        } else {
            "phone"
        };
        problems.push(Problem::new(field, "person-new-error-duplicate"));
    }
    match (checked, panel, channel) {
        (Ok(contact), Some(panel), Some(channel)) if problems.is_empty() => {
            Ok((contact, panel.id, channel))
        }
        _ => Err(problems),
    }
}

/// Adds someone to the register for them, on a panel they told staff they agree to join (by
/// phone, in person or on paper): their row, their consent to the panel and the audit entry.
pub async fn add(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: consents::Actor,
    contact: &contact::Contact,
    panel: Uuid,
) -> Result<Uuid, ChangeError> {
    let person = create_with_contact(ex, keys, contact, None, EntryRoute::Assisted).await?;
    membership::join(ex, actor, person, panel).await?;
    let entry = Entry::new(Action::PersonAdded, "person", person)
        .by(actor.account)
        .with(serde_json::json!({
            "panel": panel,
            "entry_route": EntryRoute::Assisted.as_str(),
            "consent_channel": actor.channel.as_str(),
        }));
    let entry = match actor.organisation {
        Some(org) => entry.in_organisation(org),
        None => entry,
    };
    audit::record(ex, entry).await?;
    Ok(person)
}

/// Creates a person from checked contact details, sealing the address and advocate details.
pub async fn create_with_contact(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    contact: &contact::Contact,
    account: Option<Uuid>,
    entry_route: EntryRoute,
) -> Result<Uuid, sqlx::Error> {
    let person = rows::create_person(
        ex,
        NewPerson {
            account_id: account,
            display_name: &contact.name,
            email: contact.email.as_deref(),
            phone: contact.phone.as_deref(),
            contact_method: contact.method,
            language: contact.language.code(),
            region: contact.region,
            local_authority: contact.local_authority.as_deref(),
            entry_route,
        },
    )
    .await?;
    if let Some(address) = &contact.address {
        let sealed = profile::seal_text(keys, person, SealedColumn::PostalAddress, address);
        rows::set_sealed(ex, person, SealedColumn::PostalAddress, Some(&sealed)).await?;
    }
    if !contact.advocate_name.is_empty() {
        let preferences = crate::register::domain::Preferences {
            advocate_name: contact.advocate_name.clone(),
            advocate_contact: contact.advocate_contact.clone(),
            ..Default::default()
        };
        let sealed = profile::seal_json(keys, person, SealedColumn::Preferences, &preferences);
        rows::set_sealed(ex, person, SealedColumn::Preferences, Some(&sealed)).await?;
    }
    Ok(person)
}

// --- Follow-ups ----------------------------------------------------------------------------------

pub struct FollowUpLine {
    pub id: Uuid,
    pub person_id: Uuid,
    pub person: String,
    pub what: String,
    pub since: String,
}

#[derive(Template)]
#[template(path = "register/record/templates/follow_ups.html")]
struct FollowUpsPage {
    page: Page,
    organisation: OrganisationRow,
    tasks: Vec<FollowUpLine>,
}

pub async fn follow_ups(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let organisation = load_organisation(&state, org_id).await?;
    let rows = {
        let mut conn = state.db.acquire().await?;
        crate::register::record::storage::open_follow_ups(&mut conn.ex(), org_id).await?
    };
    let locale: Locale = page.locale();
    let tasks = rows
        .into_iter()
        .map(|r| FollowUpLine {
            id: r.id,
            person_id: r.person_id,
            person: r.display_name,
            what: if r.kind == access_needs::FOLLOW_UP_ACCESS_CONVERSATION {
                locale.t("follow-up-access-conversation")
            } else {
                r.kind
            },
            since: dates::format_date(r.created_at, locale),
        })
        .collect();
    render(FollowUpsPage {
        page,
        organisation,
        tasks,
    })
}

pub async fn follow_up_done(
    State(state): State<AppState>,
    Ids((org_id, follow_up_id)): Ids<(Uuid, FollowUpId)>,
    page: Page,
) -> AppResult {
    let id = follow_up_id.0;
    let actor = page.ctx.actor().ok_or(AppError::Forbidden)?;
    let mut tx = state.db.begin().await?;
    match super::close_follow_up(&mut tx.ex(), actor, org_id, id).await {
        Ok(()) => tx.commit().await?,
        Err(super::FollowUpError::NotOpen) => {
            return Ok(see_other_with_flash(
                &state,
                &format!("/organisations/{org_id}/follow-ups"),
                "flash-follow-up-already-done",
            ));
        }
        Err(super::FollowUpError::Database(error)) => return Err(error.into()),
    }
    Ok(see_other_with_flash(
        &state,
        &format!("/organisations/{org_id}/follow-ups"),
        "flash-follow-up-done",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    fn panel() -> PanelRow {
        PanelRow {
            id: Uuid::new_v4(),
            organisation_id: Uuid::new_v4(),
            organisation_name: "Northtown Council".into(),
            name: "Housing panel".into(),
            description: String::new(),
            open_to_sign_up: true,
            created_at: crate::db::now(),
        }
    }

    fn new_person(panel: &PanelRow, phone: &str) -> Vec<(String, String)> {
        form(&[
            ("name", "Jo Bloggs"),
            ("phone", phone),
            ("contact_method", "phone"),
            ("panel", &panel.id.to_string()),
            ("channel", "phone"),
            ("consent", "yes"),
        ])
    }

    #[test]
    fn someone_already_known_is_named_on_the_detail_that_matched() {
        let panel = panel();
        let form = new_person(&panel, "07700 900123");
        let input = ContactInput::from_form(&form);
        let (_, chosen, channel) =
            check_new_person(&form, &input, std::slice::from_ref(&panel), false).unwrap();
        assert_eq!((chosen, channel), (panel.id, Channel::Phone));
        let problems = check_new_person(&form, &input, &[panel], true).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![("phone", "person-new-error-duplicate")]
        );
    }

    #[test]
    fn every_problem_is_listed_in_the_forms_order() {
        let panel = panel();
        let mut form = new_person(&panel, "not a phone");
        form.retain(|(k, _)| k != "consent" && k != "panel");
        let input = ContactInput::from_form(&form);
        let problems = check_new_person(&form, &input, &[panel], true).unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                ("phone", "details-error-phone-format"),
                ("panel", "person-new-error-panel"),
                ("consent", "person-new-error-consent"),
            ]
        );
    }
}
