//! What an expense claim is made of: the kinds of cost, where a line stands, how a claim reached
//! the organisation, and the checks on what a person or staff typed and uploaded. Amounts are
//! whole pence and always [`Expenses`], never earnings.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::engagements::domain::parse_date;
use crate::payments::dated::Effective;
use crate::payments::earnings::Expenses;
use crate::payments::money::{MoneyError, Pence};
use crate::payments::rates::TenthsOfAMile;
use crate::vocab::stored_enum;
use crate::web::forms::Problem;

stored_enum!(
    /// What a cost was for.
    ExpenseKind, "expense-kind" {
        PublicTransport => "public_transport",
        Taxi => "taxi",
        Mileage => "mileage",
        CareCover => "care_cover",
        Childcare => "childcare",
        Meals => "meals",
        OvernightStay => "overnight_stay",
        Other => "other",
    }
);

stored_enum!(
    /// Where a line of a claim stands. A queried line goes back to claimed when it is corrected;
    /// an approved line becomes paid when the payment run it is in is paid.
    LineState, "expense-state" {
        Claimed => "claimed",
        Approved => "approved",
        Queried => "queried",
        Paid => "paid",
    }
);

stored_enum!(
    /// How a claim reached the organisation: made online by the person, or entered by staff for
    /// someone who phoned, posted it or came in.
    ClaimChannel, "expense-channel" {
        Online => "online",
        Phone => "phone",
        Post => "post",
        InPerson => "in_person",
    }
);

impl ClaimChannel {
    /// The ways staff may say a claim reached them.
    pub const ENTERED_BY_STAFF: [ClaimChannel; 3] = [
        ClaimChannel::Phone,
        ClaimChannel::Post,
        ClaimChannel::InPerson,
    ];
}

impl LineState {
    /// The colour of the tag that shows it.
    pub fn colour(self) -> &'static str {
        match self {
            LineState::Claimed => "govuk-tag--blue",
            LineState::Approved => "govuk-tag--green",
            LineState::Queried => "govuk-tag--orange",
            LineState::Paid => "govuk-tag--grey",
        }
    }
}

/// Message keys built from stored values, for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    let mut keys: Vec<String> = ExpenseKind::ALL.iter().map(|v| v.message_key()).collect();
    keys.extend(LineState::ALL.iter().map(|v| v.message_key()));
    keys.extend(ClaimChannel::ALL.iter().map(|v| v.message_key()));
    keys
}

/// The most a receipt may be.
pub const RECEIPT_MAX_BYTES: usize = 10 * 1024 * 1024;
/// The longest description of a line.
pub const DESCRIPTION_MAX_CHARS: usize = 200;
/// The longest reason for a query.
pub const REASON_MAX_CHARS: usize = 1_000;
/// The largest single line anyone may claim: anything above is a typing mistake.
pub const LINE_MAX_PENCE: i64 = 1_000_000;
/// The longest journey, in tenths of a mile.
pub const MILES_MAX_TENTHS: u32 = 50_000;

/// A kind of receipt, recognised from its first bytes, never from its name or the browser's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptType {
    Jpeg,
    Png,
    Webp,
    Heic,
    Pdf,
}

impl ReceiptType {
    pub fn sniff(bytes: &[u8]) -> Option<ReceiptType> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ReceiptType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ReceiptType::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(ReceiptType::Pdf)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ReceiptType::Webp)
        } else if bytes.len() >= 12
            && &bytes[4..8] == b"ftyp"
            && matches!(
                &bytes[8..12],
                b"heic" | b"heix" | b"mif1" | b"msf1" | b"hevc"
            )
        {
            Some(ReceiptType::Heic)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ReceiptType::Jpeg => "image/jpeg",
            ReceiptType::Png => "image/png",
            ReceiptType::Webp => "image/webp",
            ReceiptType::Heic => "image/heic",
            ReceiptType::Pdf => "application/pdf",
        }
    }

    pub fn extension(content_type: &str) -> &'static str {
        match content_type {
            "image/jpeg" => "jpg",
            "image/png" => "png",
            "image/webp" => "webp",
            "image/heic" => "heic",
            _ => "pdf",
        }
    }
}

/// A receipt as uploaded, checked.
#[derive(Debug, Clone)]
pub struct Receipt {
    pub kind: ReceiptType,
    pub bytes: Vec<u8>,
}

/// Checks an uploaded receipt: not empty, not over 10 MB, a photo or a PDF.
pub fn check_receipt(field: &str, bytes: Vec<u8>) -> Result<Receipt, Problem> {
    if bytes.is_empty() {
        return Err(Problem::new(field, "expense-receipt-empty"));
    }
    if bytes.len() > RECEIPT_MAX_BYTES {
        return Err(Problem::new(field, "expense-receipt-too-large"));
    }
    match ReceiptType::sniff(&bytes) {
        Some(kind) => Ok(Receipt { kind, bytes }),
        None => Err(Problem::new(field, "expense-receipt-wrong-type")),
    }
}

/// The message for an amount that could not be read, saying how to fix it.
pub fn amount_problem(error: MoneyError) -> &'static str {
    match error {
        MoneyError::Empty => "expense-amount-missing",
        MoneyError::NotAnAmount => "expense-amount-not-money",
        MoneyError::Negative => "expense-amount-negative",
        MoneyError::FractionOfAPenny => "expense-amount-fraction",
        MoneyError::TooLarge => "expense-amount-too-large",
    }
}

/// Reads an amount strictly: pounds and pence, more than nothing, at most [`LINE_MAX_PENCE`].
pub fn parse_amount(text: &str) -> Result<Pence, &'static str> {
    let pence = Pence::parse(text).map_err(amount_problem)?;
    if pence == Pence::ZERO {
        Err("expense-amount-zero")
    } else if pence.get() > LINE_MAX_PENCE {
        Err("expense-amount-too-large")
    } else {
        Ok(pence)
    }
}

/// Reads miles to a tenth: `12`, `12.5`. Refuses more than one decimal place, signs and words.
pub fn parse_miles(text: &str) -> Result<TenthsOfAMile, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Err("expense-miles-missing");
    }
    let (whole, tenth) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(tenth.is_empty() && !text.ends_with('.') || digits(tenth)) {
        return Err("expense-miles-not-number");
    }
    if tenth.len() > 1 {
        return Err("expense-miles-fraction");
    }
    let whole: u32 = whole.parse().map_err(|_| "expense-miles-too-many")?;
    let tenth: u32 = if tenth.is_empty() {
        0
    } else {
        tenth.parse().map_err(|_| "expense-miles-not-number")?
    };
    let tenths = whole
        .checked_mul(10)
        .and_then(|t| t.checked_add(tenth))
        .ok_or("expense-miles-too-many")?;
    if tenths == 0 {
        Err("expense-miles-zero")
    } else if tenths > MILES_MAX_TENTHS {
        Err("expense-miles-too-many")
    } else {
        Ok(TenthsOfAMile(tenths))
    }
}

/// Miles as people write them: `12.5`, `12`.
pub fn miles_text(tenths: u32) -> String {
    if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

/// A line's fields as sent, every value a string.
#[derive(Debug, Default, Clone)]
pub struct LineAnswers {
    pub kind: String,
    pub day: [String; 3],
    pub description: String,
    pub amount: String,
    pub miles: String,
    pub receipt: Vec<u8>,
    pub receipt_name: String,
}

/// How much a line claims: an amount, or a distance to be paid at the mileage rate on the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    Amount(Expenses),
    Miles(TenthsOfAMile),
}

/// A checked line, ready to be priced (for mileage) and stored.
#[derive(Debug, Clone)]
pub struct NewLine {
    pub kind: ExpenseKind,
    pub incurred_on: Date,
    pub description: String,
    pub claimed: Claimed,
    pub receipt: Option<Receipt>,
}

impl LineAnswers {
    /// Checks every field, naming each problem against its field in the order the form asks.
    /// `today` is the last day a cost may have been incurred.
    pub fn check(self, today: Date) -> Result<NewLine, Vec<Problem>> {
        let mut problems = Vec::new();
        let kind = ExpenseKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(Problem::new("kind", "expense-kind-missing"));
        }
        let day = if self.day.iter().all(|p| p.trim().is_empty()) {
            problems.push(Problem::new("day-day", "expense-day-missing"));
            None
        } else {
            match parse_date(&self.day) {
                Some(day) if day > today => {
                    problems.push(Problem::new("day-day", "expense-day-future"));
                    None
                }
                Some(day) => Some(day),
                None => {
                    problems.push(Problem::new("day-day", "expense-day-invalid"));
                    None
                }
            }
        };
        let description = self.description.trim().to_owned();
        if description.is_empty() {
            problems.push(Problem::new("description", "expense-description-missing"));
        } else if description.chars().count() > DESCRIPTION_MAX_CHARS {
            problems.push(Problem::too_long(
                "description",
                "expense-description-too-long",
                DESCRIPTION_MAX_CHARS,
            ));
        }
        let claimed = match kind {
            Some(ExpenseKind::Mileage) => match parse_miles(&self.miles) {
                Ok(miles) => Some(Claimed::Miles(miles)),
                Err(key) => {
                    problems.push(Problem::new("miles", key));
                    None
                }
            },
            _ => match parse_amount(&self.amount) {
                Ok(pence) => Some(Claimed::Amount(Expenses::new(pence))),
                Err(key) => {
                    problems.push(Problem::new("amount", key));
                    None
                }
            },
        };
        let receipt = if self.receipt.is_empty() && self.receipt_name.trim().is_empty() {
            None
        } else {
            match check_receipt("receipt", self.receipt) {
                Ok(receipt) => Some(receipt),
                Err(problem) => {
                    problems.push(problem);
                    None
                }
            }
        };
        match (kind, day, claimed) {
            (Some(kind), Some(incurred_on), Some(claimed)) if problems.is_empty() => Ok(NewLine {
                kind,
                incurred_on,
                description,
                claimed,
                receipt,
            }),
            _ => Err(problems),
        }
    }
}

/// A checked mileage rate, ready to store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewMileageRate {
    pub per_mile: Pence,
    pub effective: Effective,
}

/// The mileage rate form as sent.
#[derive(Debug, Default, Clone)]
pub struct RateAnswers {
    pub per_mile: String,
    pub from: [String; 3],
    pub to: [String; 3],
}

impl RateAnswers {
    pub fn check(&self) -> Result<NewMileageRate, Vec<Problem>> {
        let mut problems = Vec::new();
        let per_mile = match Pence::parse(&self.per_mile) {
            Ok(p) if p == Pence::ZERO => {
                problems.push(Problem::new("per_mile", "mileage-rate-zero"));
                None
            }
            Ok(p) if p.get() > 1_000 => {
                problems.push(Problem::new("per_mile", "mileage-rate-too-large"));
                None
            }
            Ok(p) => Some(p),
            Err(e) => {
                problems.push(Problem::new("per_mile", amount_problem(e)));
                None
            }
        };
        let from = parse_date(&self.from);
        if from.is_none() {
            problems.push(Problem::new("from-day", "mileage-rate-from-invalid"));
        }
        let to = if self.to.iter().all(|p| p.trim().is_empty()) {
            Ok(None)
        } else {
            parse_date(&self.to).map(Some).ok_or(())
        };
        if to.is_err() {
            problems.push(Problem::new("to-day", "mileage-rate-to-invalid"));
        }
        let effective = match (from, to) {
            (Some(from), Ok(to)) => match Effective::new(from, to) {
                Ok(effective) => Some(effective),
                Err(_) => {
                    problems.push(Problem::new("to-day", "mileage-rate-ends-before"));
                    None
                }
            },
            _ => None,
        };
        match (per_mile, effective) {
            (Some(per_mile), Some(effective)) if problems.is_empty() => Ok(NewMileageRate {
                per_mile,
                effective,
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn amounts_are_read_strictly_with_a_message_for_each_mistake() {
        assert_eq!(parse_amount("12.40").unwrap().get(), 1_240);
        assert_eq!(parse_amount("£12.40").unwrap().get(), 1_240);
        assert_eq!(parse_amount("12.345"), Err("expense-amount-fraction"));
        assert_eq!(parse_amount("-3"), Err("expense-amount-negative"));
        assert_eq!(parse_amount("ten"), Err("expense-amount-not-money"));
        assert_eq!(parse_amount(""), Err("expense-amount-missing"));
        assert_eq!(parse_amount("0.00"), Err("expense-amount-zero"));
        assert_eq!(parse_amount("10000.01"), Err("expense-amount-too-large"));
    }

    #[test]
    fn miles_are_read_to_a_tenth() {
        assert_eq!(parse_miles("12.5"), Ok(TenthsOfAMile(125)));
        assert_eq!(parse_miles(" 3 "), Ok(TenthsOfAMile(30)));
        assert_eq!(parse_miles("12.55"), Err("expense-miles-fraction"));
        assert_eq!(parse_miles("12."), Err("expense-miles-not-number"));
        assert_eq!(parse_miles("-1"), Err("expense-miles-not-number"));
        assert_eq!(parse_miles("twelve"), Err("expense-miles-not-number"));
        assert_eq!(parse_miles("0"), Err("expense-miles-zero"));
        assert_eq!(parse_miles("5000.1"), Err("expense-miles-too-many"));
        assert_eq!(miles_text(125), "12.5");
        assert_eq!(miles_text(120), "12");
    }

    #[test]
    fn receipts_are_recognised_by_their_first_bytes() {
        let cases: [(&[u8], Option<ReceiptType>); 6] = [
            (b"\xFF\xD8\xFF\xE0rest", Some(ReceiptType::Jpeg)),
            (b"\x89PNG\r\n\x1a\nrest", Some(ReceiptType::Png)),
            (b"RIFF\0\0\0\0WEBPVP8 ", Some(ReceiptType::Webp)),
            (b"\0\0\0\x18ftypheic\0\0", Some(ReceiptType::Heic)),
            (b"%PDF-1.7", Some(ReceiptType::Pdf)),
            (b"MZ\x90\0 an exe", None),
        ];
        for (bytes, kind) in cases {
            assert_eq!(ReceiptType::sniff(bytes), kind);
        }
        assert_eq!(
            check_receipt("receipt", vec![0; RECEIPT_MAX_BYTES + 1])
                .unwrap_err()
                .key,
            "expense-receipt-too-large"
        );
        assert_eq!(
            check_receipt("receipt", b"hello".to_vec()).unwrap_err().key,
            "expense-receipt-wrong-type"
        );
    }

    #[test]
    fn a_line_names_each_missing_answer_in_order() {
        let problems = LineAnswers {
            day: ["31".into(), "2".into(), "2026".into()],
            amount: "ten".into(),
            receipt_name: "r.exe".into(),
            receipt: b"MZ".to_vec(),
            ..LineAnswers::default()
        }
        .check(date!(2026 - 12 - 06))
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["kind", "day-day", "description", "amount", "receipt"]
        );
        let future = LineAnswers {
            kind: "taxi".into(),
            day: ["7".into(), "12".into(), "2026".into()],
            description: "Taxi".into(),
            amount: "4".into(),
            ..LineAnswers::default()
        }
        .check(date!(2026 - 12 - 06))
        .unwrap_err();
        assert_eq!(future[0].key, "expense-day-future");
    }

    #[test]
    fn mileage_asks_for_miles_not_an_amount() {
        let line = LineAnswers {
            kind: "mileage".into(),
            day: ["1".into(), "12".into(), "2026".into()],
            description: "To the hub and back".into(),
            amount: "not used".into(),
            miles: "12.5".into(),
            ..LineAnswers::default()
        }
        .check(date!(2026 - 12 - 06))
        .unwrap();
        assert_eq!(line.claimed, Claimed::Miles(TenthsOfAMile(125)));
    }
}
