//! Test set-ups and demo data: a payment due for some involvement, as attendance or a finished
//! survey would make it.

use uuid::Uuid;

use super::commands::{self, Involvement, PaymentError};
use crate::db::Ex;
use crate::security::field_crypto::KeyRing;

pub async fn due(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    involvement: &Involvement,
) -> Result<Option<Uuid>, PaymentError> {
    commands::make_due(ex, keys, None, involvement).await
}
