//! PLACEHOLDER until the rates and settings part lands.
use uuid::Uuid;

use super::money::Pence;
use super::run::OriginatorInput;
use crate::db::Ex;

#[derive(Debug, Clone)]
pub struct PaymentSettings {
    pub two_person_threshold: Pence,
    pub retention_years: u32,
    pub originator: Option<OriginatorInput>,
    pub payroll: bool,
}

impl PaymentSettings {
    pub fn pays_through_payroll(&self) -> bool {
        self.payroll
    }
}

pub async fn settings_of(
    _ex: &mut Ex<'_>,
    _organisation: Uuid,
) -> Result<Option<PaymentSettings>, sqlx::Error> {
    Ok(Some(PaymentSettings {
        two_person_threshold: Pence::new(25_000).unwrap_or(Pence::ZERO),
        retention_years: 6,
        originator: Some(OriginatorInput {
            name: "NORTHTOWN DPF".into(),
            sort_code: "20-00-00".into(),
            account_number: "55779911".into(),
        }),
        payroll: false,
    }))
}
