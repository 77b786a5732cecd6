//! Everything held about one person, gathered once for the "Your data" page, the staff view and the
//! downloads. What a viewer may not see is never loaded into the view.

use axum::http::header;
use axum::response::IntoResponse;
use serde::Serialize;
use uuid::Uuid;

use crate::i18n::Locale;
use crate::register::consents::ConsentRow;
use crate::register::consents::held_categories;
use crate::register::domain::{
    AccessNeed, ConsentKind, DataCategory, NeedGroup, ShareScope, parse_scope,
};
use crate::register::profile;
use crate::register::questions;
use crate::register::record::subject::Subject;
use crate::register::storage::{self as rows, PanelMembershipRow};
use crate::state::AppState;
use crate::web::AppError;
use crate::web::csv::Csv;
use crate::web::dates;

/// A label and a value, in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PanelLine {
    pub panel_id: Uuid,
    pub panel: String,
    pub organisation: String,
    pub status: String,
    pub status_label: String,
    pub joined: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentLine {
    pub id: Uuid,
    pub what: String,
    pub detail: String,
    pub given: String,
    pub channel: String,
    pub wording_version: String,
    pub withdrawn: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub person_id: Uuid,
    pub name: String,
    pub entry_route: String,
    pub details: Vec<Line>,
    pub panels: Vec<PanelLine>,
    pub consents: Vec<ConsentLine>,
    /// `None` when the viewer may not see access needs.
    pub access_needs: Option<Vec<Line>>,
    pub access_needs_reviewed: Option<String>,
    pub access_review_due: bool,
    pub monitoring: Option<Vec<Line>>,
    pub preferences: Option<Vec<Line>>,
    pub involvement: Vec<Line>,
    pub held_categories: Vec<String>,
    /// What capabilities built on the register hold about the person (their contributions), for
    /// the downloads: filled in by the handler through [`HeldElsewhere`].
    pub elsewhere: Vec<HeldSection>,
}

/// One part of a person's data held by a capability built on the register.
#[derive(Debug, Clone, Serialize)]
pub struct HeldSection {
    pub title: String,
    pub lines: Vec<Line>,
}

/// Gathering what is held elsewhere, under way.
pub type Gathering<'a> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Vec<HeldSection>, sqlx::Error>> + Send + 'a>,
>;

/// What capabilities built on the register hold about a person, in the reader's language, for the
/// person's downloads. The register may not import them; the wiring passes this in.
#[derive(Clone, Copy)]
pub struct HeldElsewhere(pub for<'a> fn(&'a AppState, Uuid, Locale) -> Gathering<'a>);

/// Access needs are reviewed yearly (Accessible Information Standard, step 6).
pub const ACCESS_REVIEW_DAYS: i64 = 365;

fn line(label: String, value: impl Into<String>) -> Line {
    Line {
        label,
        value: value.into(),
    }
}

fn consent_line(consent: &ConsentRow, locale: Locale) -> ConsentLine {
    let kind = consent.kind();
    let detail = match kind {
        Some(ConsentKind::SpecialCategory) => parse_scope(&consent.scope, DataCategory::parse)
            .iter()
            .map(|c| locale.t(&c.message_key()))
            .collect::<Vec<_>>()
            .join("; "),
        Some(ConsentKind::Share) => format!(
            "{}: {}",
            consent.partner_name.clone().unwrap_or_default(),
            parse_scope(&consent.scope, ShareScope::parse)
                .iter()
                .map(|s| locale.t(&s.message_key()))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        _ => String::new(),
    };
    ConsentLine {
        id: consent.id,
        what: kind
            .map(|k| locale.t(&k.message_key()))
            .unwrap_or_else(|| consent.kind.as_str().to_owned()),
        detail,
        given: dates::format_date(consent.given_at, locale),
        channel: locale.t(&consent.channel().message_key()),
        wording_version: consent.wording_version.clone(),
        withdrawn: consent
            .withdrawn_at
            .map(|at| dates::format_date(at, locale)),
    }
}

fn panel_line(m: &PanelMembershipRow, locale: Locale) -> PanelLine {
    PanelLine {
        panel_id: m.panel_id,
        panel: m.panel_name.clone(),
        organisation: m.organisation_name.clone(),
        status: m.status().as_str().to_owned(),
        status_label: locale.t(&m.status().message_key()),
        joined: dates::format_date(m.joined_at, locale),
    }
}

pub async fn load(state: &AppState, subject: &Subject, locale: Locale) -> Result<Record, AppError> {
    let person = &subject.person;
    let seen = subject.seen;
    let sensitive =
        profile::open(&state.keys, person).map_err(|e| AppError::Unexpected(e.into()))?;
    let mut conn = state.db.acquire().await?;
    let memberships = rows::memberships_of(&mut conn.ex(), person.id).await?;
    let consents = crate::register::consents::consents_of(&mut conn.ex(), person.id).await?;
    let topics = rows::topics_of(&mut conn.ex(), person.id).await?;
    let involvements =
        crate::register::record::storage::involvements_of(&mut conn.ex(), person.id).await?;
    let mut all_questions = Vec::new();
    for organisation in &subject.organisations {
        all_questions.extend(questions::list(&mut conn.ex(), *organisation, true).await?);
    }
    let t = |key: &str| locale.t(key);
    let none = t("record-none");

    let mut details = vec![line(t("details-name"), person.display_name.clone())];
    if seen.contact {
        let prefs = &sensitive.preferences;
        details.extend([
            line(
                t("details-method"),
                t(&person.contact_method().message_key()),
            ),
            line(
                t("details-email"),
                person.email.clone().unwrap_or_else(|| none.clone()),
            ),
            line(
                t("details-phone"),
                person.phone.clone().unwrap_or_else(|| none.clone()),
            ),
            line(
                t("details-address"),
                sensitive
                    .postal_address
                    .clone()
                    .unwrap_or_else(|| none.clone()),
            ),
            line(
                t("details-advocate-name"),
                if prefs.advocate_name.is_empty() {
                    none.clone()
                } else {
                    format!("{} ({})", prefs.advocate_name, prefs.advocate_contact)
                },
            ),
            line(
                t("details-language"),
                Locale::parse(&person.language)
                    .unwrap_or_default()
                    .endonym(),
            ),
            line(
                t("details-region"),
                person
                    .region()
                    .map(|r| t(&r.message_key()))
                    .unwrap_or_else(|| none.clone()),
            ),
            line(
                t("details-local-authority"),
                person
                    .local_authority
                    .clone()
                    .unwrap_or_else(|| none.clone()),
            ),
        ]);
    }

    let access_needs = seen.access_needs.then(|| match &sensitive.access_needs {
        None => vec![line(t("access-needs-title"), t("record-not-told"))],
        Some(profile) => {
            let mut lines: Vec<Line> = NeedGroup::ALL
                .iter()
                .filter_map(|group| {
                    let needs: Vec<String> = AccessNeed::ALL
                        .iter()
                        .filter(|n| n.group() == *group && profile.has(**n))
                        .map(|n| t(&n.message_key()))
                        .collect();
                    let detail = profile.group_detail(*group);
                    if needs.is_empty() && detail.is_empty() {
                        return None;
                    }
                    let mut value = needs.join("; ");
                    if !detail.is_empty() {
                        if !value.is_empty() {
                            value.push_str(". ");
                        }
                        value.push_str(detail);
                    }
                    Some(line(t(&group.message_key()), value))
                })
                .collect();
            if !profile.other.is_empty() {
                lines.push(line(t("access-needs-other-label"), profile.other.clone()));
            }
            if profile.wants_conversation {
                lines.push(line(t("access-needs-conversation-legend"), t("record-yes")));
            }
            lines
        }
    });

    let monitoring = seen.monitoring.then(|| {
        let mut lines = Vec::new();
        for (code, answers) in &sensitive.monitoring.answers {
            let question = all_questions.iter().find(|q| &q.code == code);
            let label = question
                .map(|q| q.text(locale).to_owned())
                .unwrap_or_else(|| code.clone());
            let value = answers
                .iter()
                .map(|a| {
                    question
                        .map(|q| q.option_label(a, locale))
                        .unwrap_or_else(|| a.clone())
                })
                .collect::<Vec<_>>()
                .join("; ");
            lines.push(line(label, value));
        }
        lines
    });

    let preferences = seen.preferences.then(|| {
        let p = &sensitive.preferences;
        let list = |items: Vec<String>| {
            if items.is_empty() {
                none.clone()
            } else {
                items.join("; ")
            }
        };
        let mut formats: Vec<String> = p.formats.iter().map(|f| t(&f.message_key())).collect();
        if let Some(size) = p.large_print_size {
            formats.push(locale.t_args(
                "preferences-size-value",
                &[("size", crate::i18n::Arg::Number(size as i64))],
            ));
        }
        vec![
            line(t("preferences-formats"), list(formats)),
            line(
                t("preferences-available"),
                if p.available_times.is_empty() {
                    none.clone()
                } else {
                    p.available_times.clone()
                },
            ),
            line(
                t("preferences-unavailable"),
                if p.unavailable_times.is_empty() {
                    none.clone()
                } else {
                    p.unavailable_times.clone()
                },
            ),
            line(
                t("preferences-topics"),
                list(topics.iter().map(|x| t(&x.message_key())).collect()),
            ),
            line(
                t("preferences-payment"),
                p.payment
                    .map(|x| {
                        let label = t(&x.message_key());
                        if p.payment_organisation.is_empty() {
                            label
                        } else {
                            format!("{label}: {}", p.payment_organisation)
                        }
                    })
                    .unwrap_or_else(|| none.clone()),
            ),
            line(
                t("preferences-benefits"),
                match p.receives_benefits {
                    Some(true) if !p.benefits_detail.is_empty() => {
                        format!("{} ({})", t("preferences-benefits-yes"), p.benefits_detail)
                    }
                    Some(true) => t("preferences-benefits-yes"),
                    Some(false) => t("preferences-benefits-no"),
                    None => none.clone(),
                },
            ),
        ]
    });

    let reviewed = person.access_needs_reviewed_at;
    Ok(Record {
        person_id: person.id,
        name: person.display_name.clone(),
        entry_route: t(&person.entry_route().message_key()),
        details,
        panels: memberships.iter().map(|m| panel_line(m, locale)).collect(),
        consents: consents.iter().map(|c| consent_line(c, locale)).collect(),
        access_needs,
        access_needs_reviewed: reviewed.map(|at| dates::format_date(at, locale)),
        access_review_due: seen.access_needs
            && reviewed
                .is_some_and(|at| crate::db::now() - at > time::Duration::days(ACCESS_REVIEW_DAYS)),
        monitoring,
        preferences,
        involvement: involvements
            .iter()
            .map(|i| {
                line(
                    dates::format_date(i.occurred_at, locale),
                    format!("{} ({})", i.description, i.organisation_name),
                )
            })
            .collect(),
        elsewhere: Vec::new(),
        held_categories: held_categories(&consents)
            .iter()
            .map(|c| t(&c.message_key()))
            .collect(),
    })
}

/// The record as CSV: section, label, value.
pub fn to_csv(record: &Record, locale: Locale) -> Csv {
    let mut csv = Csv::new();
    csv.line([
        locale.t("record-csv-section"),
        locale.t("record-csv-item"),
        locale.t("record-csv-value"),
    ]);
    let mut push = |section: &str, lines: &[Line]| {
        for l in lines {
            csv.line([locale.t(section), l.label.clone(), l.value.clone()]);
        }
    };
    push("details-title", &record.details);
    if let Some(lines) = &record.access_needs {
        push("access-needs-title", lines);
    }
    if let Some(lines) = &record.monitoring {
        push("about-you-title", lines);
    }
    if let Some(lines) = &record.preferences {
        push("preferences-title", lines);
    }
    push("record-involvement", &record.involvement);
    for p in &record.panels {
        csv.line([
            locale.t("record-panels"),
            format!("{} ({})", p.panel, p.organisation),
            format!("{} – {}", p.status_label, p.joined),
        ]);
    }
    for c in &record.consents {
        csv.line([
            locale.t("record-consents"),
            format!("{} {}", c.what, c.detail).trim().to_owned(),
            format!(
                "{} {} ({}, {}){}",
                locale.t("record-given"),
                c.given,
                c.channel,
                c.wording_version,
                c.withdrawn
                    .as_ref()
                    .map(|w| format!("; {} {w}", locale.t("record-withdrawn")))
                    .unwrap_or_default()
            ),
        ]);
    }
    for section in &record.elsewhere {
        for l in &section.lines {
            csv.line([section.title.clone(), l.label.clone(), l.value.clone()]);
        }
    }
    csv
}

/// A download of the record, named for the person's browser to save.
pub(crate) fn attachment(
    content_type: &'static str,
    name: &str,
    body: String,
) -> axum::response::Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use crate::web::csv::cell as csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }
}
