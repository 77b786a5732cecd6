//! The README of the open data: every file and every field with what it means. The HTML page and
//! `README.md` are both made from the lists here, and the downloads write exactly these fields, so
//! none of them can drift from the others.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use uuid::Uuid;

use crate::i18n::Locale;
use crate::state::AppState;
use crate::web::{AppError, AppResult, Ids, Page, render};

/// Fields that share their meanings: a group.
pub struct Fields {
    pub group: &'static str,
    pub names: &'static [&'static str],
}

impl Fields {
    fn meaning_key(&self, name: &str) -> String {
        format!(
            "accountability-field-{}-{}",
            self.group,
            name.replace('_', "-")
        )
    }
}

pub const FIGURES_DOCUMENT: Fields = Fields {
    group: "document",
    names: &["organisation_id", "organisation", "day", "figures"],
};
pub const FIGURE: Fields = Fields {
    group: "figure",
    names: &["id", "section", "label", "value", "definition"],
};
pub const RECOMMENDATIONS_DOCUMENT: Fields = Fields {
    group: "document",
    names: &[
        "organisation_id",
        "organisation",
        "modified_since",
        "recommendations",
    ],
};
pub const RECOMMENDATION: Fields = Fields {
    group: "recommendation",
    names: &[
        "id",
        "engagement_title",
        "number",
        "title",
        "addressed_to",
        "owner_organisation",
        "owner_role",
        "due_on",
        "priority",
        "decision",
        "decision_note",
        "delivery",
        "implemented_on",
        "overdue",
        "verification",
        "asked",
        "yes",
        "partly",
        "no",
        "modified_at",
    ],
};
pub const NESTED: Fields = Fields {
    group: "nested",
    names: &["history", "milestones"],
};
pub const HISTORY: Fields = Fields {
    group: "history",
    names: &[
        "recommendation_id",
        "changed_at",
        "kind",
        "decision",
        "delivery",
        "detail",
    ],
};
pub const MILESTONE: Fields = Fields {
    group: "milestone",
    names: &[
        "title",
        "due_on",
        "done_on",
        "evidence_note",
        "evidence_link",
    ],
};

/// One file of the open data.
pub struct File {
    /// The path after `/accountability/{organisation}/`.
    pub path: &'static str,
    /// Its message key stem: `accountability-file-<stem>`.
    pub stem: &'static str,
    pub groups: &'static [&'static Fields],
    /// Whether it takes `?modified_since=`.
    pub filtered: bool,
}

pub const FILES: &[File] = &[
    File {
        path: "figures.csv",
        stem: "figures-csv",
        groups: &[&FIGURE],
        filtered: false,
    },
    File {
        path: "figures.json",
        stem: "figures-json",
        groups: &[&FIGURES_DOCUMENT, &FIGURE],
        filtered: false,
    },
    File {
        path: "recommendations.csv",
        stem: "recommendations-csv",
        groups: &[&RECOMMENDATION],
        filtered: true,
    },
    File {
        path: "recommendations.json",
        stem: "recommendations-json",
        groups: &[
            &RECOMMENDATIONS_DOCUMENT,
            &RECOMMENDATION,
            &NESTED,
            &HISTORY,
            &MILESTONE,
        ],
        filtered: true,
    },
    File {
        path: "recommendation-history.csv",
        stem: "history-csv",
        groups: &[&HISTORY],
        filtered: true,
    },
    File {
        path: "snapshots/latest.json",
        stem: "snapshots",
        groups: &[&FIGURES_DOCUMENT, &FIGURE],
        filtered: false,
    },
];

/// A field as a reader sees it.
pub struct FieldView {
    pub name: &'static str,
    pub meaning: String,
}

pub struct FileView {
    pub href: String,
    pub path: &'static str,
    pub about: String,
    pub filtered: bool,
    pub fields: Vec<FieldView>,
}

fn files(locale: Locale, organisation: Uuid) -> Vec<FileView> {
    FILES
        .iter()
        .map(|file| FileView {
            href: format!("/accountability/{organisation}/{}", file.path),
            path: file.path,
            about: locale.t(&format!("accountability-file-{}", file.stem)),
            filtered: file.filtered,
            fields: file
                .groups
                .iter()
                .flat_map(|group| {
                    let shown = if file.path == "recommendations.json" && group.group == "history" {
                        &group.names[1..]
                    } else {
                        group.names
                    };
                    shown.iter().map(move |name| FieldView {
                        name,
                        meaning: locale.t(&group.meaning_key(name)),
                    })
                })
                .collect(),
        })
        .collect()
}

/// Every message key the README uses, for the catalogue tests.
pub fn generated_message_keys() -> Vec<String> {
    FILES
        .iter()
        .flat_map(|file| {
            std::iter::once(format!("accountability-file-{}", file.stem)).chain(
                file.groups
                    .iter()
                    .flat_map(|g| g.names.iter().map(|n| g.meaning_key(n))),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "accountability/templates/data.html")]
struct DataPage {
    page: Page,
    organisation_id: Uuid,
    organisation: String,
    files: Vec<FileView>,
}

async fn organisation_name(state: &AppState, organisation: Uuid) -> Result<String, AppError> {
    let mut conn = state.db.acquire().await?;
    Ok(crate::organisations::find(&mut conn.ex(), organisation)
        .await?
        .ok_or(AppError::NotFound)?
        .name)
}

pub async fn page(
    State(state): State<AppState>,
    Ids(organisation): Ids<Uuid>,
    page: Page,
) -> AppResult {
    let name = organisation_name(&state, organisation).await?;
    render(DataPage {
        files: files(page.locale(), organisation),
        page,
        organisation_id: organisation,
        organisation: name,
    })
}

/// The same README as Markdown, in English.
pub fn markdown_text(organisation: Uuid, name: &str) -> String {
    let locale = Locale::En;
    let mut out = format!(
        "# {}\n\n{}\n\n{}\n",
        locale.t_args(
            "accountability-data-title",
            &[("organisation", name.into())]
        ),
        locale.t("accountability-data-intro"),
        locale.t("accountability-data-since"),
    );
    for file in files(locale, organisation) {
        out.push_str(&format!("\n## {}\n\n{}\n\n", file.path, file.about));
        if file.filtered {
            out.push_str(&format!("{}\n\n", locale.t("accountability-data-filtered")));
        }
        out.push_str(&format!(
            "| {} | {} |\n|---|---|\n",
            locale.t("accountability-data-field"),
            locale.t("accountability-data-meaning")
        ));
        for field in file.fields {
            out.push_str(&format!(
                "| `{}` | {} |\n",
                field.name,
                field.meaning.replace('|', "\\|")
            ));
        }
    }
    out
}

pub async fn markdown(State(state): State<AppState>, Ids(organisation): Ids<Uuid>) -> AppResult {
    let name = organisation_name(&state, organisation).await?;
    Ok((
        [(header::CONTENT_TYPE, "text/markdown; charset=utf-8")],
        markdown_text(organisation, &name),
    )
        .into_response())
}
