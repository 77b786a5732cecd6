//! The people list as a CSV download, with the same filters. It holds only what the viewer may see
//! of each person ([`crate::register::record::visibility`]): a column appears when the viewer may see it for at least
//! one person in the file, and stays blank for the others. Monitoring answers appear only for
//! facilitators and administrators of the organisation hosting the panel. Every export is audited
//! (which filters, how many rows; never names).

use axum::extract::{RawQuery, State};
use uuid::Uuid;

use crate::audit::{self, Action, Entry};
use crate::register::domain::AccessProfile;
use crate::register::record::people_list::{last_involved_label, prepare, region_label};
use crate::register::record::search::{self, Standing};
use crate::register::record::visibility::Visibility;
use crate::register::storage::PersonRow;
use crate::register::{profile, record::visibility};
use crate::state::AppState;
use crate::web::Ids;
use crate::web::csv::Csv;
use crate::web::errors::InputProblem;
use crate::web::{AppError, AppResult, Page};

/// One person, with what the viewer may see of them and their sealed details opened as needed.
struct Line {
    person: PersonRow,
    seen: Visibility,
    sensitive: profile::Sensitive,
}

fn access_needs_text(page: &Page, needs: Option<&AccessProfile>) -> String {
    let Some(needs) = needs else {
        return String::new();
    };
    let mut parts: Vec<String> = needs
        .needs
        .iter()
        .map(|n| {
            let label = page.t(&n.need.message_key());
            if n.detail.trim().is_empty() {
                label
            } else {
                format!("{label} ({})", n.detail.trim())
            }
        })
        .collect();
    if !needs.other.trim().is_empty() {
        parts.push(needs.other.trim().to_owned());
    }
    if needs.wants_conversation {
        parts.push(page.t("export-wants-conversation"));
    }
    parts.join("; ")
}

pub async fn export(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    RawQuery(query): RawQuery,
    page: Page,
) -> AppResult {
    let search = prepare(&state, &page, org_id, query).await?;
    if let Some((field, _)) = search.filters.unrecognised.first() {
        return Err(AppError::BadInput(InputProblem::NotRecognised {
            field: (*field).to_owned(),
        }));
    }
    let (people, standing, topics) = {
        let mut conn = state.db.acquire().await?;
        let people = search::all(&mut conn.ex(), &search.scope, &search.filters).await?;
        let ids: Vec<Uuid> = people.iter().map(|p| p.id).collect();
        let standing = search::standing(&mut conn.ex(), org_id, &ids).await?;
        let topics = search::topics(&mut conn.ex(), &ids).await?;
        (people, standing, topics)
    };
    let monitoring_column = search.may_filter_monitoring();
    let lines = open_lines(&state, &search, &standing, people, monitoring_column)?;
    let contact = lines.iter().any(|l| l.seen.contact);
    let access = lines.iter().any(|l| l.seen.access_needs);
    let monitoring = monitoring_column && lines.iter().any(|l| l.seen.monitoring);

    let mut csv = Csv::new();
    let mut header: Vec<String> = [
        "export-col-name",
        "export-col-panels",
        "export-col-relation",
        "export-col-region",
        "export-col-topics",
        "export-col-last-involved",
    ]
    .iter()
    .map(|k| page.t(k))
    .collect();
    if contact {
        header.extend(
            [
                "export-col-email",
                "export-col-phone",
                "export-col-contact-method",
                "export-col-address",
                "export-col-language",
            ]
            .iter()
            .map(|k| page.t(k)),
        );
    }
    if access {
        header.push(page.t("export-col-access-needs"));
    }
    if monitoring {
        header.extend(
            search
                .questions
                .iter()
                .map(|q| q.text(page.locale()).to_owned()),
        );
    }
    csv.line(&header);

    for line in &lines {
        let person = &line.person;
        let panels: Vec<String> = standing
            .memberships_of(person.id)
            .map(|m| format!("{}: {}", m.panel_name, page.t(&m.status().message_key())))
            .collect();
        let relation = match standing.relation(person.id) {
            visibility::Relation::Host => page.t("export-relation-member"),
            _ => page.t("export-relation-shared"),
        };
        let person_topics: Vec<String> = topics
            .iter()
            .filter(|(p, _)| *p == person.id)
            .map(|(_, t)| page.t(&t.message_key()))
            .collect();
        let mut cells = vec![
            person.display_name.clone(),
            panels.join("; "),
            relation,
            region_label(&page, person.region.map(|r| r.as_str())),
            person_topics.join("; "),
            person
                .last_involved_at
                .map(|at| last_involved_label(&page, Some(at)))
                .unwrap_or_default(),
        ];
        if contact {
            if line.seen.contact {
                cells.extend([
                    person.email.clone().unwrap_or_default(),
                    person.phone.clone().unwrap_or_default(),
                    page.t(&person.contact_method.message_key()),
                    line.sensitive.postal_address.clone().unwrap_or_default(),
                    crate::i18n::Locale::parse(&person.language)
                        .map(|l| l.endonym().to_owned())
                        .unwrap_or_default(),
                ]);
            } else {
                cells.extend(std::iter::repeat_n(String::new(), 5));
            }
        }
        if access {
            cells.push(if line.seen.access_needs {
                access_needs_text(&page, line.sensitive.access_needs.as_ref())
            } else {
                String::new()
            });
        }
        if monitoring {
            for question in &search.questions {
                let answers = line
                    .seen
                    .monitoring
                    .then(|| line.sensitive.monitoring.answers.get(&question.code))
                    .flatten();
                cells.push(
                    answers
                        .map(|codes| {
                            codes
                                .iter()
                                .map(|c| question.option_label(c, page.locale()))
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .unwrap_or_default(),
                );
            }
        }
        csv.line(&cells);
    }

    let mut tx = state.db.begin().await?;
    audit::record(
        &mut tx.ex(),
        Entry::new(Action::RegisterExported, "organisation", org_id)
            .by(page.ctx.actor())
            .in_organisation(org_id)
            .with(serde_json::json!({
                "filters": search.filters.audit_summary(),
                "rows": lines.len(),
                "contact": contact,
                "access_needs": access,
                "monitoring": monitoring,
            })),
    )
    .await?;
    tx.commit().await?;
    let today = crate::db::now().date();
    Ok(csv.into_response(&format!("people-{today}.csv")))
}

/// Works out what the viewer sees of each person, and opens the sealed details only where seen.
fn open_lines(
    state: &AppState,
    search: &crate::register::record::people_list::Search,
    standing: &Standing,
    people: Vec<PersonRow>,
    monitoring_allowed: bool,
) -> Result<Vec<Line>, AppError> {
    people
        .into_iter()
        .map(|mut person| {
            let mut seen = search.sees(&standing.relation(person.id));
            seen.monitoring &= monitoring_allowed;
            // Drop what may not be seen before opening anything.
            if !seen.contact {
                person.postal_address = None;
            }
            if !seen.access_needs {
                person.access_needs = None;
            }
            if !seen.monitoring {
                person.monitoring = None;
            }
            person.preferences = None;
            let sensitive = profile::open(&state.keys, &person)
                .map_err(|e| AppError::Unexpected(anyhow::anyhow!(e)))?;
            Ok(Line {
                person,
                seen,
                sensitive,
            })
        })
        .collect()
}
