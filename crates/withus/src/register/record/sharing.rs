//! Sharing with a partner organisation: the person (or staff for them) chooses a partner of one of
//! their panels and what it may see, recorded as a consent to share.

use askama::Template;
use axum::http::StatusCode;
use uuid::Uuid;

use crate::register::consents;
use crate::register::consents::NewConsent;
use crate::register::domain::{Channel, ConsentKind, ShareScope, join_scope};
use crate::register::form_checks::known_all;
use crate::register::record::editors::channel_from;
use crate::register::record::subject::Subject;
use crate::register::storage as rows;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page};

#[derive(Template)]
#[template(path = "register/record/templates/sharing.html")]
pub(crate) struct SharingPage {
    pub page: Page,
    /// Where the form posts and where "Back" goes: the person's own pages or staff pages.
    pub base: String,
    pub is_own: bool,
    pub person_name: String,
    pub partners: Vec<Choice>,
    pub scopes: Vec<Choice>,
    pub channels: Vec<Choice>,
}

/// Partner organisations of the panels the person is on.
pub(crate) async fn partner_choices(
    state: &AppState,
    subject: &Subject,
    chosen: &str,
) -> Result<Vec<Choice>, AppError> {
    let mut conn = state.db.acquire().await?;
    let mut partners: Vec<Choice> = Vec::new();
    for membership in rows::memberships_of(&mut conn.ex(), subject.person.id).await? {
        for partner in
            crate::register::panels::partners_of(&mut conn.ex(), membership.panel_id).await?
        {
            let id = partner.organisation_id.to_string();
            if !partners.iter().any(|p| p.value == id) {
                let checked = id == chosen;
                partners.push(Choice::new(id, partner.name, checked));
            }
        }
    }
    Ok(partners)
}

pub(crate) fn scope_choices(page: &Page, chosen: &[String]) -> Vec<Choice> {
    ShareScope::ALL
        .iter()
        .map(|s| {
            Choice::new(
                s.as_str(),
                page.t(&s.message_key()),
                chosen.iter().any(|c| c == s.as_str()),
            )
        })
        .collect()
}

/// The sharing form for a person, blank or with the answers given and their errors.
pub(crate) async fn sharing_page(
    state: &AppState,
    page: Page,
    subject: &Subject,
    form: &[(String, String)],
    status: StatusCode,
) -> AppResult {
    let partners = partner_choices(state, subject, &one_of(form, "partner")).await?;
    let scopes = scope_choices(&page, &all_of(form, "scopes"));
    let channels = crate::register::record::editors::channel_choices(
        &page,
        crate::register::domain::Channel::parse(&one_of(form, "channel")),
    );
    render_status(
        status,
        SharingPage {
            base: subject.base.clone(),
            is_own: subject.is_own(),
            person_name: subject.person.display_name.clone(),
            partners,
            scopes,
            channels,
            page,
        },
    )
}

/// What the person agrees a partner may see, checked.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Share {
    pub partner: Uuid,
    pub scopes: Vec<ShareScope>,
    pub channel: Channel,
}

/// Checks the sharing form: one of the person's `partners`, at least one thing it may see, and
/// (for staff) how the person told them.
pub(crate) fn check(
    form: &[(String, String)],
    partners: &[Choice],
    is_own: bool,
) -> Result<Share, Vec<Problem>> {
    let partner_value = one_of(form, "partner");
    let partner = partners
        .iter()
        .find(|p| p.value == partner_value)
        .and_then(|p| Uuid::parse_str(&p.value).ok());
    let channel = channel_from(&one_of(form, "channel"), is_own);
    let mut problems = Vec::new();
    let scopes = known_all(
        &mut problems,
        "scopes",
        &all_of(form, "scopes"),
        ShareScope::parse,
    );
    if partner.is_none() {
        problems.push(Problem::new("partner", "sharing-error-partner"));
    }
    // A scope not recognised already explains what is wrong with the field.
    if scopes.is_empty() && !problems.iter().any(|p| p.field == "scopes") {
        problems.push(Problem::new("scopes", "sharing-error-scopes"));
    }
    if channel.is_none() {
        problems.push(Problem::new("channel", "consent-error-channel"));
    }
    match (partner, channel) {
        (Some(partner), Some(channel)) if problems.is_empty() => Ok(Share {
            partner,
            scopes,
            channel,
        }),
        _ => Err(problems),
    }
}

/// Records a share consent from the sharing form, for the person or by staff for them.
pub(crate) async fn record_sharing(
    state: &AppState,
    page: Page,
    subject: Subject,
    body: &[u8],
) -> AppResult {
    let form = pairs(body);
    let partners = partner_choices(state, &subject, &one_of(&form, "partner")).await?;
    let Share {
        partner,
        scopes,
        channel,
    } = match check(&form, &partners, subject.is_own()) {
        Ok(share) => share,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            return sharing_page(
                state,
                page.with_errors(errors),
                &subject,
                &form,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let mut actor = subject.actor;
    actor.channel = channel;
    let mut tx = state.db.begin().await?;
    consents::give(
        &mut tx.ex(),
        actor,
        NewConsent {
            person: subject.person.id,
            kind: ConsentKind::Share,
            panel: None,
            partner: Some(partner),
            scope: &join_scope(&scopes, ShareScope::as_str),
            channel,
            recorded_by: actor.account,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &format!("{}#consents", subject.base),
        "flash-sharing-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    #[test]
    fn only_the_persons_partners_and_known_scopes_are_accepted() {
        let partner = Uuid::new_v4();
        let partners = [Choice::new(partner.to_string(), "Northtown Council", false)];
        let share = check(
            &form(&[("partner", &partner.to_string()), ("scopes", "contact")]),
            &partners,
            true,
        )
        .unwrap();
        assert_eq!(share.scopes, vec![ShareScope::Contact]);
        assert_eq!(share.channel, Channel::Online);
        let stranger = Uuid::new_v4().to_string();
        let problems = check(
            &form(&[("partner", &stranger), ("scopes", "bank_details")]),
            &partners,
            false,
        )
        .unwrap_err();
        assert_eq!(
            fields(&problems),
            vec![
                ("scopes", "error-not-recognised"),
                ("partner", "sharing-error-partner"),
                ("channel", "consent-error-channel"),
            ]
        );
        let nothing = check(&form(&[]), &partners, true).unwrap_err();
        assert_eq!(
            fields(&nothing),
            vec![
                ("partner", "sharing-error-partner"),
                ("scopes", "sharing-error-scopes"),
            ]
        );
    }
}
