//! "About you": the monitoring questions, all optional, each with "Prefer not to say", grouped by
//! the kind of data so that each kind is held only with its own consent.

use std::collections::BTreeSet;

use askama::Template;
use axum::http::StatusCode;

use super::{channel_choices, channel_from};
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::db::Ex;
use crate::register::consents::Actor;
use crate::register::consents::NewConsent;
use crate::register::consents::{self, held_categories};
use crate::register::domain::{
    Channel, ConsentKind, DataCategory, Monitoring, PREFER_NOT_TO_SAY, join_scope,
};
use crate::register::form_checks::done;
use crate::register::profile;
use crate::register::questions::{self, Question};
use crate::register::record::subject::Subject;
use crate::register::storage as rows;
use crate::security::field_crypto::KeyRing;
use crate::state::AppState;
use crate::web::forms::{Choice, Problem, all_of, one_of, pairs};
use crate::web::page::render_status;
use crate::web::respond::see_other_with_flash;
use crate::web::{AppError, AppResult, FormErrors, Page, render};

pub struct QuestionView {
    pub name: String,
    pub kind: &'static str,
    pub text: String,
    pub hint: String,
    pub items: Vec<Choice>,
}

pub struct SectionView {
    pub heading: String,
    pub consent_name: String,
    pub consent_needed: bool,
    pub consent: Vec<Choice>,
    pub questions: Vec<QuestionView>,
}

#[derive(Template)]
#[template(path = "register/record/templates/about_you.html")]
struct AboutYouPage {
    page: Page,
    person_name: String,
    base: String,
    is_own: bool,
    any_consent_needed: bool,
    channels: Vec<Choice>,
    sections: Vec<SectionView>,
}

/// The questions of every organisation concerned, first definition of each code winning.
async fn questions_for(state: &AppState, subject: &Subject) -> Result<Vec<Question>, AppError> {
    let mut conn = state.db.acquire().await?;
    let mut all: Vec<Question> = Vec::new();
    for organisation in &subject.organisations {
        for question in questions::list(&mut conn.ex(), *organisation, false).await? {
            if !all.iter().any(|q| q.code == question.code) {
                all.push(question);
            }
        }
    }
    Ok(all)
}

fn view(
    page: Page,
    subject: &Subject,
    questions: &[Question],
    answers: &Monitoring,
    held: &BTreeSet<DataCategory>,
    channel: Option<&str>,
) -> AboutYouPage {
    let locale = page.locale();
    let sections: Vec<SectionView> = DataCategory::ALL
        .iter()
        .filter(|c| **c != DataCategory::AccessNeeds)
        .filter_map(|category| {
            let questions: Vec<QuestionView> = questions
                .iter()
                .filter(|q| q.category == *category)
                .map(|q| {
                    let chosen = answers.answers.get(&q.code).cloned().unwrap_or_default();
                    let mut items: Vec<Choice> = q
                        .options
                        .iter()
                        .map(|o| {
                            Choice::new(o.code.clone(), o.label(locale), chosen.contains(&o.code))
                        })
                        .collect();
                    items.push(
                        Choice::new(
                            PREFER_NOT_TO_SAY,
                            page.t("prefer-not-to-say"),
                            chosen.iter().any(|c| c == PREFER_NOT_TO_SAY),
                        )
                        .exclusive_after_divider(),
                    );
                    QuestionView {
                        name: format!("q-{}", q.code),
                        kind: if q.multiple { "checkbox" } else { "radio" },
                        text: q.text(locale).to_owned(),
                        hint: q.hint(locale).to_owned(),
                        items,
                    }
                })
                .collect();
            (!questions.is_empty()).then(|| SectionView {
                heading: page.t(&category.message_key()),
                consent_name: format!("consent-{}", category.as_str()),
                consent_needed: !held.contains(category),
                consent: vec![Choice::new(
                    "yes",
                    page.t("about-you-consent-statement"),
                    false,
                )],
                questions,
            })
        })
        .collect();
    AboutYouPage {
        person_name: subject.person.display_name.clone(),
        base: subject.base.clone(),
        is_own: subject.is_own(),
        any_consent_needed: sections.iter().any(|s| s.consent_needed),
        channels: channel_choices(
            &page,
            channel.and_then(crate::register::domain::Channel::parse),
        ),
        sections,
        page,
    }
}

async fn current(
    state: &AppState,
    subject: &Subject,
) -> Result<(Monitoring, BTreeSet<DataCategory>), AppError> {
    let sensitive =
        profile::open(&state.keys, &subject.person).map_err(|e| AppError::Unexpected(e.into()))?;
    let mut conn = state.db.acquire().await?;
    let consents =
        crate::register::consents::consents_of(&mut conn.ex(), subject.person.id).await?;
    Ok((sensitive.monitoring, held_categories(&consents)))
}

pub async fn form(state: &AppState, page: Page, subject: Subject) -> AppResult {
    if !subject.seen.monitoring {
        return Err(AppError::NotFound);
    }
    let questions = questions_for(state, &subject).await?;
    let (answers, held) = current(state, &subject).await?;
    render(view(page, &subject, &questions, &answers, &held, None))
}

/// The answers to one question, or the key of what is wrong with them.
fn chosen(form: &[(String, String)], question: &Question) -> Result<Vec<String>, &'static str> {
    let mut chosen: Vec<String> = all_of(form, &format!("q-{}", question.code));
    chosen.dedup();
    if chosen.iter().any(|c| !question.accepts(c)) {
        return Err("about-you-error-unknown-answer");
    }
    if chosen.len() > 1 && (!question.multiple || chosen.iter().any(|c| c == PREFER_NOT_TO_SAY)) {
        return Err("about-you-error-one-answer");
    }
    Ok(chosen)
}

/// The answers as given, over the `existing` ones; a question answered in a way the form does
/// not allow keeps its old answer.
fn answers_given(
    form: &[(String, String)],
    questions: &[Question],
    existing: &Monitoring,
) -> Monitoring {
    let mut answers = existing.clone();
    for question in questions {
        match chosen(form, question) {
            Ok(chosen) if chosen.is_empty() => {
                answers.answers.remove(&question.code);
            }
            Ok(chosen) => {
                answers.answers.insert(question.code.clone(), chosen);
            }
            Err(_) => {}
        }
    }
    answers
}

/// The "About you" answers, checked, with the categories the person consents to now.
#[derive(Debug)]
pub struct AboutYou {
    pub answers: Monitoring,
    pub newly_consented: BTreeSet<DataCategory>,
    /// How the person told staff; `None` only when no consent is given now.
    pub channel: Option<Channel>,
}

/// Checks the answers to the `questions`: each answer one the question offers, and each kept in
/// a category whose consent is `held` or given now, with how it was given.
pub fn check(
    form: &[(String, String)],
    questions: &[Question],
    existing: &Monitoring,
    held: &BTreeSet<DataCategory>,
    is_own: bool,
) -> Result<AboutYou, Vec<Problem>> {
    let channel = channel_from(&one_of(form, "channel"), is_own);
    let newly_consented: BTreeSet<DataCategory> = DataCategory::ALL
        .iter()
        .filter(|c| **c != DataCategory::AccessNeeds && !held.contains(c))
        .filter(|c| one_of(form, &format!("consent-{}", c.as_str())) == "yes")
        .copied()
        .collect();
    let mut problems = Vec::new();
    for question in questions {
        match chosen(form, question) {
            Err(key) => problems.push(Problem::new(format!("q-{}", question.code), key)),
            Ok(chosen) => {
                let allowed = held.contains(&question.category)
                    || newly_consented.contains(&question.category);
                if !chosen.is_empty() && !allowed {
                    problems.push(Problem::new(
                        format!("consent-{}", question.category.as_str()),
                        "about-you-error-consent",
                    ));
                }
            }
        }
    }
    if !newly_consented.is_empty() && channel.is_none() {
        problems.push(Problem::new("channel", "consent-error-channel"));
    }
    done(problems, || AboutYou {
        answers: answers_given(form, questions, existing),
        newly_consented,
        channel,
    })
}

pub async fn submit(state: &AppState, page: Page, subject: Subject, body: &[u8]) -> AppResult {
    if !subject.seen.monitoring {
        return Err(AppError::NotFound);
    }
    let form = pairs(body);
    let questions = questions_for(state, &subject).await?;
    let (existing, held) = current(state, &subject).await?;
    let AboutYou {
        answers,
        newly_consented,
        channel,
    } = match check(&form, &questions, &existing, &held, subject.is_own()) {
        Ok(about_you) => about_you,
        Err(problems) => {
            let errors = FormErrors::from_problems(page.locale(), &problems);
            let view = view(
                page.with_errors(errors),
                &subject,
                &questions,
                &answers_given(&form, &questions, &existing),
                &held,
                Some(&one_of(&form, "channel")),
            );
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, view);
        }
    };
    let person = subject.person.id;
    let mut actor = subject.actor;
    if let Some(channel) = channel {
        actor.channel = channel;
    }
    let mut tx = state.db.begin().await?;
    save(
        &mut tx.ex(),
        &state.keys,
        actor,
        person,
        answers,
        &newly_consented,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other_with_flash(
        state,
        &subject.base,
        "flash-about-you-saved",
    ))
}

/// Saves the person's monitoring answers, recording consent to the categories they agree to now,
/// and audits it. Which categories are held is read again under the person's row lock, in the
/// caller's transaction: an answer in a category whose consent was withdrawn since the form was
/// checked is not kept.
pub async fn save(
    ex: &mut Ex<'_>,
    keys: &KeyRing,
    actor: Actor,
    person: Uuid,
    answers: Monitoring,
    newly_consented: &BTreeSet<DataCategory>,
) -> Result<(), sqlx::Error> {
    rows::lock_person(ex, person).await?;
    let held = held_categories(&crate::register::consents::consents_of(ex, person).await?);
    let categories: Vec<DataCategory> = newly_consented.difference(&held).copied().collect();
    if !categories.is_empty() {
        consents::give(
            ex,
            actor,
            NewConsent {
                person,
                kind: ConsentKind::SpecialCategory,
                panel: None,
                partner: None,
                scope: &join_scope(&categories, DataCategory::as_str),
                channel: actor.channel,
                recorded_by: actor.account,
            },
        )
        .await?;
    }
    let all_held: BTreeSet<DataCategory> = held.union(newly_consented).copied().collect();
    let kept = consents::keep_consented_answers(ex, answers, &all_held).await?;
    consents::save_monitoring(ex, keys, person, &kept).await?;
    let mut entry = Entry::new(Action::PersonMonitoringChanged, "person", person)
        .by(actor.account)
        .with(serde_json::json!({ "assisted": actor.assisted(), "questions_answered": kept.answers.len() }));
    if let Some(org) = actor.organisation {
        entry = entry.in_organisation(org);
    }
    audit::record(ex, entry).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::form_checks::testing::{fields, form};

    fn disability() -> Question {
        Question::offering(
            "disability",
            DataCategory::Health,
            &[("yes", "Yes", "Ydw"), ("no", "No", "Nac ydw")],
        )
    }

    fn before() -> Monitoring {
        let mut answers = Monitoring::default();
        answers
            .answers
            .insert("disability".into(), vec!["no".into()]);
        answers
    }

    #[test]
    fn an_answer_is_kept_only_with_consent_to_its_kind_of_information() {
        let questions = [disability()];
        let none = BTreeSet::new();
        let answer = form(&[("q-disability", "yes")]);
        assert_eq!(
            fields(&check(&answer, &questions, &before(), &none, true).unwrap_err()),
            vec![("consent-health", "about-you-error-consent")]
        );
        let consenting = form(&[("q-disability", "yes"), ("consent-health", "yes")]);
        assert_eq!(
            fields(&check(&consenting, &questions, &before(), &none, false).unwrap_err()),
            vec![("channel", "consent-error-channel")],
            "staff say how consent was given"
        );
        let saved = check(&consenting, &questions, &before(), &none, true).unwrap();
        assert_eq!(saved.answers.answers["disability"], vec!["yes".to_owned()]);
        assert!(saved.newly_consented.contains(&DataCategory::Health));
    }

    #[test]
    fn answers_the_question_does_not_allow_are_refused_and_the_old_one_shown() {
        let questions = [disability()];
        let held = BTreeSet::from([DataCategory::Health]);
        let two = form(&[("q-disability", "yes"), ("q-disability", "no")]);
        assert_eq!(
            fields(&check(&two, &questions, &before(), &held, true).unwrap_err()),
            vec![("q-disability", "about-you-error-one-answer")]
        );
        let unknown = form(&[("q-disability", "maybe")]);
        assert_eq!(
            fields(&check(&unknown, &questions, &before(), &held, true).unwrap_err()),
            vec![("q-disability", "about-you-error-unknown-answer")]
        );
        assert_eq!(answers_given(&unknown, &questions, &before()), before());
        let cleared = check(&form(&[]), &questions, &before(), &held, true).unwrap();
        assert!(cleared.answers.answers.is_empty());
    }
}
