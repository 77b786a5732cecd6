//! Changes to an organisation's monitoring questions, each a command that decides, writes and
//! audits in the caller's transaction.

use uuid::Uuid;

use super::questions_admin::{slug, unique_code};
use super::storage::{set_option_hidden, update_question};
use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::domain::DataCategory;
use crate::register::questions::{self, NewQuestion, Question, QuestionOption};

/// A question's words in English and Welsh, with its hint.
pub struct QuestionWords<'a> {
    pub text: (&'a str, &'a str),
    pub hint: (&'a str, &'a str),
}

/// Why a question change was not made.
#[derive(Debug, thiserror::Error)]
pub enum QuestionChangeError {
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Adds a question at the end of the organisation's list, its code made from its English words
/// and its answers from `answers` (English, Welsh). Returns its id.
pub async fn add_question(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    organisation: Uuid,
    words: &QuestionWords<'_>,
    category: DataCategory,
    multiple: bool,
    answers: &[(String, String)],
) -> Result<Uuid, QuestionChangeError> {
    let existing = questions::list(ex, organisation, true).await?;
    let taken: Vec<String> = existing.iter().map(|q| q.code.clone()).collect();
    let code = unique_code(&slug(words.text.0), "question", &taken);
    let position = existing.iter().map(|q| q.position + 1).max().unwrap_or(0);
    let id = questions::insert_question(
        ex,
        organisation,
        &NewQuestion {
            code: &code,
            category,
            text: words.text,
            hint: words.hint,
            multiple,
            position,
        },
    )
    .await?;
    let codes = add_answers(ex, id, &[], answers, 0).await?;
    audit::record(
        ex,
        Entry::new(Action::QuestionCreated, "monitoring_question", id)
            .by(actor)
            .in_organisation(organisation)
            .with(serde_json::json!({
                "code": code,
                "category": category.as_str(),
                "multiple": multiple,
                "answers": codes,
            })),
    )
    .await?;
    Ok(id)
}

/// What staff changed on a question's page.
pub struct QuestionEdit<'a> {
    pub words: QuestionWords<'a>,
    pub active: bool,
    /// Each existing answer's (English, Welsh, hidden), in the order of `Question::every_option`.
    pub answers: &'a [(String, String, bool)],
    /// New answers to add, (English, Welsh).
    pub new_answers: &'a [(String, String)],
}

/// Saves a question's wording, whether it is asked, its answers' wording and which are offered,
/// and new answers; the audit entry says what changed.
pub async fn change_question(
    ex: &mut Ex<'_>,
    actor: Option<Uuid>,
    organisation: Uuid,
    question: &Question,
    edit: &QuestionEdit<'_>,
) -> Result<(), QuestionChangeError> {
    let existing = question.every_option();
    let mut changed = Vec::new();
    if edit.words.text != (question.text_en.as_str(), question.text_cy.as_str()) {
        changed.push("wording");
    }
    if edit.words.hint != (question.hint_en.as_str(), question.hint_cy.as_str()) {
        changed.push("hint");
    }
    if edit.active != question.active {
        changed.push(if edit.active {
            "switched_on"
        } else {
            "switched_off"
        });
    }
    update_question(
        ex,
        question.id,
        edit.words.text,
        edit.words.hint,
        edit.active,
    )
    .await?;
    let (mut renamed, mut hidden, mut shown) = (Vec::new(), Vec::new(), Vec::new());
    for (option, (en, cy, hide)) in existing.iter().zip(edit.answers) {
        if *en != option.label_en || *cy != option.label_cy {
            questions::add_option(ex, question.id, &option.code, en, cy, option.position).await?;
            renamed.push(option.code.clone());
        }
        if *hide != option.hidden {
            set_option_hidden(ex, question.id, &option.code, *hide).await?;
            if *hide {
                hidden.push(option.code.clone());
            } else {
                shown.push(option.code.clone());
            }
        }
    }
    let next_position = existing.iter().map(|o| o.position + 1).max().unwrap_or(0);
    let added = add_answers(ex, question.id, &existing, edit.new_answers, next_position).await?;
    audit::record(
        ex,
        Entry::new(Action::QuestionUpdated, "monitoring_question", question.id)
            .by(actor)
            .in_organisation(organisation)
            .with(serde_json::json!({
                "code": question.code,
                "changed": changed,
                "answers_added": added,
                "answers_renamed": renamed,
                "answers_hidden": hidden,
                "answers_offered_again": shown,
            })),
    )
    .await?;
    Ok(())
}

/// Adds answers after `existing`, each with a code of its own; returns the new codes.
async fn add_answers(
    ex: &mut Ex<'_>,
    question: Uuid,
    existing: &[&QuestionOption],
    lines: &[(String, String)],
    first_position: i64,
) -> Result<Vec<String>, sqlx::Error> {
    let mut taken: Vec<String> = existing.iter().map(|o| o.code.clone()).collect();
    for (index, (en, cy)) in lines.iter().enumerate() {
        let code = unique_code(&slug(en), "answer", &taken);
        questions::add_option(ex, question, &code, en, cy, first_position + index as i64).await?;
        taken.push(code);
    }
    Ok(taken.split_off(existing.len()))
}
