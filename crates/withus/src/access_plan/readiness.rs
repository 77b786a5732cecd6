//! Whether an event can be marked ready, and who must be told that a need cannot be met.

use uuid::Uuid;

use super::items::{ItemKind, PlanItem, Status};

/// Why an event cannot be marked ready yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// Not started or still in progress.
    Unresolved { kind: ItemKind, size: Option<u8> },
    /// Cannot be arranged, and the people affected have not been told yet.
    NotTold { kind: ItemKind, size: Option<u8> },
    /// Cannot be arranged, and nothing is offered instead.
    NoAlternative { kind: ItemKind, size: Option<u8> },
}

impl Blocker {
    pub const KEYS: &'static [&'static str] = &[
        "access-plan-blocker-unresolved",
        "access-plan-blocker-not-told",
        "access-plan-blocker-no-alternative",
    ];

    pub fn message_key(&self) -> &'static str {
        Self::KEYS[match self {
            Blocker::Unresolved { .. } => 0,
            Blocker::NotTold { .. } => 1,
            Blocker::NoAlternative { .. } => 2,
        }]
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            Blocker::Unresolved { kind, .. }
            | Blocker::NotTold { kind, .. }
            | Blocker::NoAlternative { kind, .. } => *kind,
        }
    }
}

impl std::fmt::Display for Blocker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message_key())
    }
}

/// An event is ready when every needed item is arranged or met by the venue, and every item that
/// cannot be arranged has an alternative that the people affected were told about in advance.
pub fn can_mark_ready(items: &[PlanItem]) -> Result<(), Vec<Blocker>> {
    let blockers: Vec<Blocker> = items
        .iter()
        .filter_map(|item| {
            let (kind, size) = (item.kind, item.size);
            match &item.status {
                Status::NotStarted | Status::InProgress => Some(Blocker::Unresolved { kind, size }),
                Status::Arranged | Status::MetByVenue => None,
                Status::CannotArrange { alternative, .. } if alternative.trim().is_empty() => {
                    Some(Blocker::NoAlternative { kind, size })
                }
                Status::CannotArrange {
                    told_people_at: None,
                    ..
                } => Some(Blocker::NotTold { kind, size }),
                Status::CannotArrange { .. } => None,
            }
        })
        .collect();
    if blockers.is_empty() {
        Ok(())
    } else {
        Err(blockers)
    }
}

/// Everyone who still has to be told, personally, that a need cannot be met: (person, reason, what
/// will be done instead). Works for people who did not share their name too: the system tells them.
pub fn people_to_tell(items: &[PlanItem]) -> Vec<(Uuid, String, String)> {
    items
        .iter()
        .filter_map(|item| match &item.status {
            Status::CannotArrange {
                reason,
                told_people_at: None,
                alternative,
            } => Some(
                item.people
                    .iter()
                    .map(move |p| (p.id, reason.clone(), alternative.clone())),
            ),
            _ => None,
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::access_plan::fixtures::{attendee, event};
    use crate::access_plan::items::build_plan;
    use crate::register::domain::AccessNeed as N;

    fn cannot(told: bool, alternative: &str) -> Status {
        Status::CannotArrange {
            reason: "No interpreter is free that day".into(),
            told_people_at: told.then_some(datetime!(2026-12-20 12:00 UTC)),
            alternative: alternative.into(),
        }
    }

    fn plan() -> Vec<PlanItem> {
        build_plan(
            &event(90),
            &[
                attendee("Ana", &[N::BslInterpreter, N::EasyRead]),
                attendee("Bo", &[N::BslInterpreter]),
            ],
        )
    }

    #[test]
    fn not_ready_while_anything_is_not_started_or_in_progress() {
        let mut items = plan();
        assert_eq!(
            can_mark_ready(&items),
            Err(vec![
                Blocker::Unresolved {
                    kind: ItemKind::BslInterpreter,
                    size: None
                },
                Blocker::Unresolved {
                    kind: ItemKind::EasyRead,
                    size: None
                },
            ])
        );
        items[0].status = Status::Arranged;
        items[1].status = Status::InProgress;
        let blockers = can_mark_ready(&items).unwrap_err();
        assert_eq!(blockers.len(), 1);
        assert_eq!(blockers[0].kind(), ItemKind::EasyRead);
        assert_eq!(blockers[0].message_key(), "access-plan-blocker-unresolved");
        items[1].status = Status::Arranged;
        assert_eq!(can_mark_ready(&items), Ok(()));
    }

    #[test]
    fn met_by_venue_does_not_block() {
        let mut items = plan();
        items[0].status = Status::MetByVenue;
        items[1].status = Status::Arranged;
        assert_eq!(can_mark_ready(&items), Ok(()));
        assert_eq!(can_mark_ready(&[]), Ok(()));
    }

    #[test]
    fn cannot_arrange_blocks_until_people_are_told_with_an_alternative() {
        let mut items = plan();
        items[1].status = Status::Arranged;
        items[0].status = cannot(false, "Live captions on the screen");
        assert_eq!(
            can_mark_ready(&items),
            Err(vec![Blocker::NotTold {
                kind: ItemKind::BslInterpreter,
                size: None
            }])
        );
        items[0].status = cannot(true, "  ");
        assert_eq!(
            can_mark_ready(&items).unwrap_err()[0].message_key(),
            "access-plan-blocker-no-alternative"
        );
        items[0].status = cannot(true, "Live captions on the screen");
        assert_eq!(can_mark_ready(&items), Ok(()));
    }

    #[test]
    fn people_to_tell_lists_everyone_affected_until_told() {
        let mut items = plan();
        let bsl_users: Vec<Uuid> = items[0].people.iter().map(|p| p.id).collect();
        items[0].status = cannot(false, "Live captions on the screen");
        items[1].status = Status::InProgress;
        let to_tell = people_to_tell(&items);
        assert_eq!(
            to_tell,
            bsl_users
                .iter()
                .map(|id| (
                    *id,
                    "No interpreter is free that day".to_owned(),
                    "Live captions on the screen".to_owned()
                ))
                .collect::<Vec<_>>()
        );
        items[0].status = cannot(true, "Live captions on the screen");
        assert!(people_to_tell(&items).is_empty());
    }
}
