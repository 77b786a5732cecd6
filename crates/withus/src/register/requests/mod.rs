//! The person's rights over their data: "Your data" (see, download, correct, withdraw, ask for
//! erasure) and the data-rights requests staff track against the one-month deadline.

pub mod staff;
mod storage;
pub mod your_data;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
pub use crate::register::domain::RequestKind;
use crate::register::domain::{Channel, RequestStatus};

/// What erasing a person asks of the capabilities built on the register (their contributions,
/// survey answers, what they said against commitments): each forgets the person in the same
/// transaction. The wiring passes these in, as the register may not import what is built on it.
#[derive(Clone, Copy)]
pub struct ForgetElsewhere(pub for<'a> fn(&'a mut Ex<'_>, Uuid) -> Forgetting<'a>);

/// Forgetting a person, under way.
pub type Forgetting<'a> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), sqlx::Error>> + Send + 'a>>;

pub struct NewRequest<'a> {
    pub organisation: Uuid,
    pub person: Uuid,
    pub person_label: &'a str,
    pub kind: RequestKind,
    pub channel: Channel,
    pub received_at: OffsetDateTime,
    pub recorded_by: Option<Uuid>,
    pub notes: &'a str,
}

/// Records a request and its audit entry; the deadline is computed from the date received.
pub async fn insert(ex: &mut Ex<'_>, request: NewRequest<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::now_v7();
    storage::insert(
        ex,
        id,
        &request,
        staff::one_month_after(request.received_at),
    )
    .await?;
    audit::record(
        ex,
        Entry::new(Action::DataRequestRecorded, "data_request", id)
            .by(request.recorded_by)
            .in_organisation(request.organisation)
            .with(serde_json::json!({
                "person": request.person,
                "kind": request.kind.as_str(),
                "channel": request.channel.as_str(),
            })),
    )
    .await?;
    Ok(id)
}

/// A person's own request, made online, goes to every organisation that hosts a panel they are on.
pub async fn ask_every_host(
    ex: &mut Ex<'_>,
    person: &crate::register::storage::PersonRow,
    by: Option<Uuid>,
    kind: RequestKind,
) -> Result<(), sqlx::Error> {
    let mut organisations: Vec<Uuid> = crate::register::storage::memberships_of(ex, person.id)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect();
    organisations.sort();
    organisations.dedup();
    let now = crate::db::now();
    for organisation in organisations {
        insert(
            ex,
            NewRequest {
                organisation,
                person: person.id,
                person_label: &person.display_name,
                kind,
                channel: Channel::Online,
                received_at: now,
                recorded_by: by,
                notes: "",
            },
        )
        .await?;
    }
    Ok(())
}

/// Why a request was not completed.
#[derive(Debug, thiserror::Error)]
pub enum CompleteError {
    #[error("the organisation has no such request")]
    NotFound,
    #[error("the request is already done")]
    AlreadyDone,
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Completes an open request of the organisation, in the caller's transaction: an erasure request
/// erases the person (and their name on every organisation's copy of the request) first.
pub async fn complete(
    ex: &mut Ex<'_>,
    forget_elsewhere: ForgetElsewhere,
    by: Option<Uuid>,
    organisation: Uuid,
    request: Uuid,
) -> Result<RequestKind, CompleteError> {
    let row = storage::find_in_organisation(ex, request, organisation)
        .await?
        .ok_or(CompleteError::NotFound)?;
    if row.status != RequestStatus::Open {
        return Err(CompleteError::AlreadyDone);
    }
    let kind = row.kind;
    if kind == RequestKind::Erasure
        && let Some(person) = row.person_id
    {
        crate::register::storage::erase_person(ex, person).await?;
        crate::notices::forget_person(ex, person).await?;
        (forget_elsewhere.0)(ex, person).await?;
        // Every organisation's copy of the request is answered by the one erasure.
        storage::forget_person_label(ex, person).await?;
    }
    storage::mark_completed(ex, request, by).await?;
    audit::record(
        ex,
        Entry::new(Action::DataRequestCompleted, "data_request", request)
            .by(by)
            .in_organisation(organisation)
            .with(serde_json::json!({ "kind": kind.as_str(), "person": row.person_id })),
    )
    .await?;
    Ok(kind)
}
