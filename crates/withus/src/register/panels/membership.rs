//! A person's membership of a panel moves between statuses by one set of rules, whether the person
//! acts or staff act for them: staff invite, only the person's "yes" (given online, or told to staff
//! by phone, in person or on paper) makes them a member, and leaving withdraws the consent to be on
//! the panel so nobody contacts them about it again.

use serde_json::json;
use uuid::Uuid;

use crate::audit::Action;
use crate::db::Ex;
use crate::register::consents::NewConsent;
use crate::register::consents::{self, Actor};
use crate::register::domain::{ConsentKind, MembershipStatus};
use crate::register::storage as rows;
use crate::security::field_crypto::KeyRing;

/// The moves a membership can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Staff ask someone not on the panel (or who left it) to join.
    Invite,
    /// The person says yes to an invitation: they give their consent to be on the panel.
    Accept,
    /// The person says no to an invitation.
    Decline,
    Pause,
    Resume,
    Leave,
}

impl Move {
    /// The move from `from` (no membership at all is `None`) to `to`, if the rules allow it.
    pub fn between(from: Option<MembershipStatus>, to: MembershipStatus) -> Option<Move> {
        use MembershipStatus::{Active, Invited, Left, Paused};
        match (from, to) {
            (None | Some(Left), Invited) => Some(Move::Invite),
            (Some(Invited), Active) => Some(Move::Accept),
            (Some(Invited), Left) => Some(Move::Decline),
            (Some(Active), Paused) => Some(Move::Pause),
            (Some(Paused), Active) => Some(Move::Resume),
            (Some(Active | Paused), Left) => Some(Move::Leave),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Move::Invite => "invite",
            Move::Accept => "accept",
            Move::Decline => "decline",
            Move::Pause => "pause",
            Move::Resume => "resume",
            Move::Leave => "leave",
        }
    }
}

/// Why a membership did not change.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("a membership cannot go from {from:?} to {to:?}")]
    NotAllowed {
        from: Option<MembershipStatus>,
        to: MembershipStatus,
    },
    #[error("there is no such panel")]
    NoSuchPanel,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// A refused move where a page expected none (the panel was loaded, the move is always allowed).
impl From<ChangeError> for crate::web::AppError {
    fn from(error: ChangeError) -> Self {
        match error {
            ChangeError::NoSuchPanel => crate::web::AppError::NotFound,
            ChangeError::Database(error) => crate::web::AppError::Database(error),
            refused @ ChangeError::NotAllowed { .. } => {
                crate::web::AppError::Unexpected(anyhow::Error::from(refused))
            }
        }
    }
}

/// Moves the person's membership of `panel` to `to`, with its consequences and an audit entry, in
/// the caller's transaction.
pub async fn change(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    person: Uuid,
    panel: Uuid,
    to: MembershipStatus,
) -> Result<Move, ChangeError> {
    let Some(host) = crate::register::panels::storage::find_panel(ex, panel).await? else {
        return Err(ChangeError::NoSuchPanel);
    };
    // Two changes at once (a double click, staff and the person together) take turns on the
    // person's row, so the second reads what the first decided and is refused as a repeat,
    // instead of both reading "active" and both being recorded.
    rows::lock_person(ex, person).await?;
    let from = rows::memberships_of(ex, person)
        .await?
        .iter()
        .find(|m| m.panel_id == panel)
        .map(|m| m.status());
    let step = Move::between(from, to).ok_or(ChangeError::NotAllowed { from, to })?;
    match step {
        Move::Invite | Move::Accept => rows::start_membership(ex, panel, person, to).await?,
        Move::Pause | Move::Resume | Move::Decline => {
            rows::set_membership(ex, panel, person, to).await?
        }
        Move::Leave => {}
    }
    if step == Move::Accept {
        consents::give(
            ex,
            actor,
            NewConsent::to_panel(person, panel, actor.channel, actor.account),
        )
        .await?;
    }
    if step == Move::Leave {
        let held = crate::register::consents::consents_of(ex, person).await?;
        for consent in held.iter().filter(|c| {
            c.is_active() && c.kind() == Some(ConsentKind::Panel) && c.panel_id == Some(panel)
        }) {
            consents::withdraw(ex, keys, actor, person, consent.id).await?;
        }
        // Also when no consent was on record (people added before consents were kept).
        rows::set_membership(ex, panel, person, MembershipStatus::Left).await?;
    }
    crate::audit::record(
        ex,
        crate::audit::Entry::new(Action::PersonPanelStatusChanged, "person", person)
            .by(actor.account)
            .in_organisation(host.organisation_id)
            .with(json!({
                "panel": panel,
                "status": to.as_str(),
                "move": step.as_str(),
                "channel": actor.channel.as_str(),
                "assisted": actor.assisted(),
            })),
    )
    .await?;
    Ok(step)
}

/// The person's own "yes" to a panel, given without an invitation: joining online, told to staff
/// who add them, or the organisation's own record of their agreement when a spreadsheet is
/// imported. They become (or stay) a member and their consent to be on the panel is recorded, as
/// accepting an invitation records it. The caller audits the join in its own words
/// (`person.joined_panel`, `person.added`, `import.completed`); the consent is audited here.
pub async fn join(
    ex: &mut Ex<'_>,
    actor: Actor,
    person: Uuid,
    panel: Uuid,
) -> Result<(), ChangeError> {
    if crate::register::panels::find_panel(ex, panel)
        .await?
        .is_none()
    {
        return Err(ChangeError::NoSuchPanel);
    }
    rows::lock_person(ex, person).await?;
    rows::set_membership(ex, panel, person, MembershipStatus::Active).await?;
    consents::give(
        ex,
        actor,
        NewConsent::to_panel(person, panel, actor.channel, actor.account),
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use MembershipStatus::{Active, Invited, Left, Paused};

    #[test]
    fn only_an_invitation_brings_someone_in_and_only_they_can_accept_it() {
        assert_eq!(Move::between(None, Invited), Some(Move::Invite));
        assert_eq!(Move::between(Some(Left), Invited), Some(Move::Invite));
        assert_eq!(
            Move::between(None, Active),
            None,
            "no one is signed up unasked"
        );
        assert_eq!(Move::between(Some(Left), Active), None);
        assert_eq!(Move::between(Some(Invited), Active), Some(Move::Accept));
        assert_eq!(Move::between(Some(Invited), Left), Some(Move::Decline));
        assert_eq!(Move::between(Some(Invited), Paused), None);
        assert_eq!(
            Move::between(Some(Active), Invited),
            None,
            "a member is not invited again"
        );
    }

    #[test]
    fn members_pause_resume_and_leave() {
        assert_eq!(Move::between(Some(Active), Paused), Some(Move::Pause));
        assert_eq!(Move::between(Some(Paused), Active), Some(Move::Resume));
        assert_eq!(Move::between(Some(Active), Left), Some(Move::Leave));
        assert_eq!(Move::between(Some(Paused), Left), Some(Move::Leave));
        assert_eq!(Move::between(Some(Active), Active), None);
        assert_eq!(Move::between(Some(Left), Left), None);
    }
}
