//! The fields of one expense line, shared by the person's claim, a correction and staff entry: read
//! from a multipart form (a receipt may come with it) and shown again with their answers kept.

use std::collections::BTreeMap;

use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;

use super::commands::ExpenseError;
use super::domain::{ExpenseKind, LineAnswers};
use crate::engagements::views::{date_input, format_day};
use crate::web::Page;
use crate::web::components::DateInput;
use crate::web::forms::{Choice, Problem};

/// What the line fields show.
pub struct LineFields {
    pub kinds: Vec<Choice>,
    pub day: DateInput,
    pub description: String,
    pub amount: String,
    pub miles: String,
}

pub fn line_fields(page: &Page, answers: &LineAnswers) -> LineFields {
    let locale = page.locale();
    LineFields {
        kinds: ExpenseKind::ALL
            .iter()
            .map(|k| {
                Choice::new(
                    k.as_str(),
                    locale.t(&k.message_key()),
                    answers.kind == k.as_str(),
                )
            })
            .collect(),
        day: date_input(
            locale,
            &page.errors,
            "day",
            locale.t("expense-day-legend"),
            answers.day.clone(),
        ),
        description: answers.description.clone(),
        amount: answers.amount.clone(),
        miles: answers.miles.clone(),
    }
}

/// The line's answers and any other fields; a form that is not multipart reads as empty.
pub async fn read(
    multipart: Result<Multipart, MultipartRejection>,
) -> (LineAnswers, BTreeMap<String, String>) {
    let mut answers = LineAnswers::default();
    let mut others = BTreeMap::new();
    let Ok(mut multipart) = multipart else {
        return (answers, others);
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().unwrap_or("").to_owned();
        if name == "receipt" {
            answers.receipt_name = field.file_name().unwrap_or("").to_owned();
            answers.receipt = field.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
            continue;
        }
        let value = field.text().await.unwrap_or_default();
        match name.as_str() {
            "kind" => answers.kind = value,
            "day-day" => answers.day[0] = value,
            "day-month" => answers.day[1] = value,
            "day-year" => answers.day[2] = value,
            "description" => answers.description = value,
            "amount" => answers.amount = value,
            "miles" => answers.miles = value,
            _ => {
                others.insert(name, value);
            }
        }
    }
    (answers, others)
}

/// A refusal the form can explain, as the problem to show against its field.
pub fn refused(page: &Page, error: &ExpenseError) -> Option<Problem> {
    match error {
        ExpenseError::NoMileageRate(day) => Some(
            Problem::new("miles", "expense-no-mileage-rate")
                .with("day", format_day(*day, page.locale())),
        ),
        ExpenseError::TooLarge => Some(Problem::new("amount", "expense-amount-too-large")),
        _ => None,
    }
}

/// The answers to show again: everything but the receipt's bytes.
pub fn kept(answers: &LineAnswers) -> LineAnswers {
    LineAnswers {
        receipt: Vec::new(),
        ..answers.clone()
    }
}
