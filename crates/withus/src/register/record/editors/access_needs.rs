//! The access needs profile: a checklist in six groups, the person's own words, and the option to
//! explain in a conversation instead, which creates a follow-up task for a facilitator.

use askama::Template;
use axum::http::StatusCode;

use super::{DETAIL_MAX_CHARS, channel_choices, channel_from};
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::consents::Actor;
use crate::register::consents::NewConsent;
use crate::register::consents::{self, held_categories};
use crate::register::domain::{
    AccessNeed, AccessProfile, Channel, ConsentKind, DataCategory, NeedEntry, NeedGroup,
};
use crate::register::form_checks::done;
use crate::register::profile;
use crate::register::record::subject::Subject;
use crate::register::storage::{self as rows, SealedColumn};
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub struct GroupView {
    pub name: String,
    pub legend: String,
    pub items: Vec<Choice>,
    pub detail_id: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "register/record/templates/access_needs.html")]
struct AccessNeedsPage {
    page: Page,
    person_name: String,
    base: String,
    is_own: bool,
    consent_needed: bool,
    consent: Vec<Choice>,
    channels: Vec<Choice>,
    groups: Vec<GroupView>,
    other: String,
    conversation: Vec<Choice>,
}

fn view(
    page: Page,
    subject: &Subject,
    profile: &AccessProfile,
    consent_needed: bool,
    channel: Option<&str>,
) -> AccessNeedsPage {
    let groups = NeedGroup::ALL
        .iter()
        .map(|group| GroupView {
            name: format!("needs-{}", group.as_str()),
            legend: page.t(&group.message_key()),
            items: AccessNeed::ALL
                .iter()
                .filter(|n| n.group() == *group)
                .map(|n| Choice::new(n.as_str(), page.t(&n.message_key()), profile.has(*n)))
                .collect(),
            detail_id: format!("detail-{}", group.as_str()),
            detail: profile.group_detail(*group).to_owned(),
        })
        .collect();
    AccessNeedsPage {
        person_name: subject.person.display_name.clone(),
        base: subject.base.clone(),
        is_own: subject.is_own(),
        consent_needed,
        consent: vec![Choice::new(
            "yes",
            page.t("access-needs-consent-statement"),
            false,
        )],
        channels: channel_choices(
            &page,
            channel.and_then(crate::register::domain::Channel::parse),
        ),
        groups,
        other: profile.other.clone(),
        conversation: vec![
            Choice::new(
                "yes",
                page.t("access-needs-conversation"),
                profile.wants_conversation,
            )
            .with_hint(page.t("access-needs-conversation-hint")),
        ],
        page,
    }
}

async fn current(state: &AppState, subject: &Subject) -> Result<(AccessProfile, bool), AppError> {
    let sensitive =
        profile::open(&state.keys, &subject.person).map_err(|e| AppError::Unexpected(e.into()))?;
    let mut conn = state.db.acquire().await?;
    let consents =
        crate::register::consents::consents_of(&mut conn.ex(), subject.person.id).await?;
    let held = held_categories(&consents).contains(&DataCategory::AccessNeeds);
    Ok((sensitive.access_needs.unwrap_or_default(), held))
}

pub async fn form(state: &AppState, page: Page, subject: Subject) -> AppResult {
    if !subject.seen.access_needs {
        return Err(AppError::NotFound);
    }
    let (profile, held) = current(state, &subject).await?;
    render(view(page, &subject, &profile, !held, None))
}

fn parse(form: &[(String, String)]) -> AccessProfile {
    let mut profile = AccessProfile::default();
    for group in NeedGroup::ALL {
        for value in all_of(form, &format!("needs-{}", group.as_str())) {
            if let Some(need) = AccessNeed::parse(&value).filter(|n| n.group() == *group)
                && !profile.has(need)
            {
                profile.needs.push(NeedEntry {
                    need,
                    detail: String::new(),
                });
            }
        }
        let detail = one_of(form, &format!("detail-{}", group.as_str()));
        if !detail.is_empty() {
            profile.group_details.insert(*group, detail);
        }
    }
    profile.other = one_of(form, "other");
    profile.wants_conversation = one_of(form, "conversation") == "yes";
    profile
}

/// The answer to "may we hold your access needs", when it is asked.
#[derive(Debug, PartialEq, Eq)]
pub struct ConsentAnswer {
    pub consenting: bool,
    /// How the person told staff; `None` when no consent is given now.
    pub channel: Option<Channel>,
}

/// Checks the access needs given: consent to hold them (unless already `held`), how the person
/// gave it, and the length of what they wrote.
pub fn check(
    profile: &AccessProfile,
    form: &[(String, String)],
    held: bool,
    is_own: bool,
) -> Result<ConsentAnswer, Vec<Problem>> {
    let consenting = one_of(form, "consent") == "yes";
    let channel = channel_from(&one_of(form, "channel"), is_own);
    let mut problems = Vec::new();
    if !held && !consenting && !profile.is_empty() {
        problems.push(Problem::new("consent", "access-needs-error-consent"));
    }
    if !held && consenting && channel.is_none() {
        problems.push(Problem::new("channel", "consent-error-channel"));
    }
    for group in NeedGroup::ALL {
        if profile.group_detail(*group).chars().count() > DETAIL_MAX_CHARS {
            problems.push(Problem::new(
                format!("detail-{}", group.as_str()),
                "detail-error-too-long",
            ));
        }
    }
    if profile.other.chars().count() > DETAIL_MAX_CHARS * 2 {
        problems.push(Problem::new("other", "access-needs-error-other-too-long"));
    }
    done(problems, || ConsentAnswer {
        consenting,
        channel,
    })
}

pub async fn submit(state: &AppState, page: Page, subject: Subject, body: &[u8]) -> AppResult {
    if !subject.seen.access_needs {
        return Err(AppError::NotFound);
    }
    let form = pairs(body);
    let profile = parse(&form);
    let (_, held) = current(state, &subject).await?;
    let channel_value = one_of(&form, "channel");
    let ConsentAnswer {
        consenting,
        channel,
    } = match check(&profile, &form, held, subject.is_own()) {
        Ok(answer) => answer,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let view = view(
                page.with_errors(errors),
                &subject,
                &profile,
                !held,
                Some(&channel_value),
            );
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, view);
        }
    };
    let person = subject.person.id;
    let mut actor = subject.actor;
    if let Some(channel) = channel {
        actor.channel = channel;
    }
    let mut tx = state.db.begin().await?;
    let saved = save(
        &mut tx.ex(),
        &state.keys,
        actor,
        (person, &subject.organisations),
        &profile,
        consenting,
    )
    .await;
    match saved {
        Ok(()) => {}
        Err(SaveError::NoConsent) => {
            drop(tx);
            let problems = [Problem::new("consent", "access-needs-error-consent")];
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let view = view(
                page.with_errors(errors),
                &subject,
                &profile,
                true,
                Some(&channel_value),
            );
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, view);
        }
        Err(SaveError::Database(error)) => return Err(error.into()),
    }
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &subject.base,
        "flash-access-needs-saved",
    ))
}

/// The follow-up task a request for a conversation about access needs creates.
pub const FOLLOW_UP_ACCESS_CONVERSATION: &str = "access_needs_conversation";

/// Why access needs were not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Needs were given without consent to hold them, and none was given now.
    #[error("there is no consent to hold access needs")]
    NoConsent,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Saves the person's access needs (sealed), recording their consent to hold them when given
/// now, asks each of their organisations for a conversation when they want one, and audits it.
/// Consent is read inside the caller's transaction, after taking the person's row: a withdrawal
/// committed since the form was checked wins, so nothing is stored without consent.
pub async fn save(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    (person, organisations): (Uuid, &[Uuid]),
    profile: &AccessProfile,
    consenting: bool,
) -> Result<(), SaveError> {
    // Consent is read again inside the transaction that stores the needs: a withdrawal committed
    // since the check above must win, or data would be stored without consent.
    rows::lock_person(ex, person).await?;
    let held = held_categories(&crate::register::consents::consents_of(ex, person).await?)
        .contains(&DataCategory::AccessNeeds);
    if !held && !consenting && !profile.is_empty() {
        return Err(SaveError::NoConsent);
    }
    if !held && consenting {
        consents::give(
            ex,
            actor,
            NewConsent {
                person,
                kind: ConsentKind::SpecialCategory,
                panel: None,
                partner: None,
                scope: DataCategory::AccessNeeds.as_str(),
                channel: actor.channel,
                recorded_by: actor.account,
            },
        )
        .await?;
    }
    let sealed = (!profile.is_empty())
        .then(|| profile::seal_json(keys, person, SealedColumn::AccessNeeds, profile));
    if held || consenting {
        rows::set_sealed(ex, person, SealedColumn::AccessNeeds, sealed.as_deref()).await?;
    }
    if profile.wants_conversation {
        for organisation in organisations {
            crate::register::record::storage::create_follow_up(
                ex,
                *organisation,
                person,
                FOLLOW_UP_ACCESS_CONVERSATION,
            )
            .await?;
        }
    }
    let mut entry = Entry::new(Action::PersonAccessNeedsChanged, "person", person)
        .by(actor.account)
        .with(serde_json::json!({
            "assisted": actor.assisted(),
            "needs": profile.needs.len(),
            "wants_conversation": profile.wants_conversation,
        }));
    if let Some(org) = actor.organisation {
        entry = entry.in_organisation(org);
    }
    audit::record(ex, entry).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    #[test]
    fn needs_are_held_only_with_consent_and_staff_say_how_it_was_given() {
        let needs = form(&[("needs-communication", "bsl_interpreter")]);
        let profile = parse(&needs);
        assert_eq!(
            fields(&check(&profile, &needs, false, true).unwrap_err()),
            vec![("consent", "access-needs-error-consent")]
        );
        assert!(
            check(&profile, &needs, true, false).is_ok(),
            "consent already held"
        );
        let consenting = form(&[
            ("needs-communication", "bsl_interpreter"),
            ("consent", "yes"),
        ]);
        assert_eq!(
            fields(&check(&profile, &consenting, false, false).unwrap_err()),
            vec![("channel", "consent-error-channel")]
        );
        let answer = check(&profile, &consenting, false, true).unwrap();
        assert_eq!(
            answer,
            ConsentAnswer {
                consenting: true,
                channel: Some(Channel::Online)
            }
        );
    }

    #[test]
    fn each_long_detail_is_named() {
        let long = "a".repeat(DETAIL_MAX_CHARS + 1);
        let answers = form(&[("detail-physical", &long), ("other", &long)]);
        assert_eq!(
            fields(&check(&parse(&answers), &answers, true, true).unwrap_err()),
            vec![("detail-physical", "detail-error-too-long")]
        );
    }
}
