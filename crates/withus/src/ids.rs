//! Types at the storage boundary. Ids of the things Withus stores, each its own type, so a panel's
//! id cannot be passed where an event's is expected: each wraps a UUID and reads, prints, serialises
//! and is stored as one (`BLOB` in SQLite, `UUID` in PostgreSQL).

use uuid::Uuid;

/// A stored text that should name one of a fixed list, decoded strictly (for types whose own
/// module does not decode them): an unknown value is a decoding error.
pub fn known<T>(parsed: Option<T>, what: &str, text: &str) -> Result<T, sqlx::Error> {
    parsed.ok_or_else(|| sqlx::Error::Decode(format!("unknown {what} {text:?}").into()))
}

macro_rules! ids {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
            serde::Serialize, serde::Deserialize, sqlx::Type,
        )]
        #[serde(transparent)]
        #[sqlx(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A new, time-ordered id (UUIDv7).
            pub fn new() -> $name {
                $name(Uuid::now_v7())
            }

            pub fn uuid(self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> $name {
                $name::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;

            fn from_str(text: &str) -> Result<$name, uuid::Error> {
                Uuid::parse_str(text).map($name)
            }
        }

        impl From<Uuid> for $name {
            fn from(id: Uuid) -> $name {
                $name(id)
            }
        }

        impl From<$name> for Uuid {
            fn from(id: $name) -> Uuid {
                id.0
            }
        }

        impl PartialEq<Uuid> for $name {
            fn eq(&self, other: &Uuid) -> bool {
                self.0 == *other
            }
        }
    )+};
}

ids! {
    /// A sign-in account.
    AccountId,
    /// A person on the panel register.
    PersonId,
    PanelId,
    OrganisationId,
    EngagementId,
    CommitmentId,
    EventId,
    VenueId,
    PaperId,
    SelectionId,
    ConsentId,
    /// A subject access or erasure request.
    DataRequestId,
    FollowUpId,
    QuestionId,
    ImportId,
    InvitationId,
    RecommendationId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_print_as_uuids() {
        let id = PanelId::new();
        let text = id.to_string();
        assert_eq!(text.parse::<PanelId>().unwrap(), id);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{text}\""));
        assert!("not-an-id".parse::<EventId>().is_err());
    }
}
