//! Letters as tagged PDFs: one letter, or every letter still to print in one file. Each download
//! is audited: a letter holds the person's address.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use crate::notices::letter_pdf::{self, LetterContent};
use crate::notices::{NotificationRow, StaffList, Status, address_field, commands};
use crate::organisations::OrganisationRow;
use crate::organisations::pages::load as load_organisation;
use crate::state::AppState;
use crate::web::{AppError, Ids, Page, dates};

/// The sender's block: the organisation's name and address, or the service's name when no
/// address is set yet.
pub fn sender_block(organisation: &OrganisationRow, service: &str) -> Vec<String> {
    let address: Vec<String> = organisation
        .postal_address
        .lines()
        .map(str::to_owned)
        .collect();
    let rest = if address.is_empty() {
        vec![service.to_owned()]
    } else {
        address
    };
    std::iter::once(organisation.name.clone())
        .chain(rest)
        .collect()
}

/// The letter for one notice: the organisation's address block, the person's name and address,
/// the date, the subject as a heading and the words, in their language and print size.
/// A letter whose address cannot be opened is refused: printed without it, it would go nowhere.
pub fn content(
    state: &AppState,
    sender: &[String],
    notice: &NotificationRow,
) -> Result<LetterContent, AppError> {
    let address = notice
        .sealed_address
        .as_deref()
        .and_then(|sealed| state.keys.open(sealed, address_field(notice.id)).ok())
        .ok_or_else(|| {
            AppError::Unexpected(anyhow::anyhow!(
                "the address of letter {} cannot be opened with the keys configured",
                notice.id
            ))
        })?;
    let locale = notice.locale();
    Ok(LetterContent {
        language: locale,
        points: notice
            .print_points
            .and_then(|p| u8::try_from(p).ok())
            .unwrap_or(letter_pdf::STANDARD_POINTS),
        sender: sender.to_vec(),
        recipient: std::iter::once(notice.recipient_name.clone())
            .chain(
                address
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            )
            .collect(),
        date: dates::format_date(notice.created_at, locale),
        title: notice.subject.clone(),
        paragraphs: notice
            .body
            .split("\n\n")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
    })
}

fn pdf(name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn render(
    state: &AppState,
    page: &Page,
    organisation: Uuid,
    letters: &[NotificationRow],
    name: &str,
) -> Result<Response, AppError> {
    let organisation_row = load_organisation(state, organisation).await?;
    let sender = sender_block(&organisation_row, &state.config.service_name);
    let contents = letters
        .iter()
        .map(|n| content(state, &sender, n))
        .collect::<Result<Vec<LetterContent>, AppError>>()?;
    let bytes = letter_pdf::render_batch(&contents)
        .map_err(|e| AppError::Unexpected(anyhow::anyhow!("could not make the letters: {e}")))?;
    let mut tx = state.db.begin().await?;
    let ids: Vec<Uuid> = letters.iter().map(|n| n.id).collect();
    let by = page.ctx.user.as_ref().map(|u| u.id);
    commands::letter_downloaded(&mut tx.ex(), organisation, &ids, by).await?;
    tx.commit().await?;
    Ok(pdf(name, bytes))
}

/// One letter, to print on its own.
pub async fn one(
    State(state): State<AppState>,
    Ids((org_id, notice_id)): Ids<(Uuid, Uuid)>,
    page: Page,
) -> Result<Response, AppError> {
    let notice = {
        let mut conn = state.db.acquire().await?;
        crate::notices::find_from(&mut conn.ex(), org_id, notice_id).await?
    };
    let notice = notice
        .filter(|n| matches!(n.status, Status::ToPrint | Status::Printed | Status::Posted))
        .ok_or(AppError::NotFound)?;
    render(&state, &page, org_id, &[notice], "letter.pdf").await
}

/// Every letter still to print, in one file.
pub async fn batch(
    State(state): State<AppState>,
    Ids(org_id): Ids<Uuid>,
    page: Page,
) -> Result<Response, AppError> {
    let letters: Vec<NotificationRow> = {
        let mut conn = state.db.acquire().await?;
        crate::notices::list_of(&mut conn.ex(), org_id, StaffList::Letters).await?
    }
    .into_iter()
    .filter(|n| n.status == Status::ToPrint)
    .collect();
    if letters.is_empty() {
        return Err(AppError::NotFound);
    }
    render(&state, &page, org_id, &letters, "letters.pdf").await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organisation(address: &str) -> OrganisationRow {
        OrganisationRow {
            id: Uuid::now_v7(),
            name: "Northtown Forum".into(),
            kind: crate::organisations::domain::OrganisationKind::Dpo,
            created_at: crate::db::now(),
            postal_address: address.into(),
            bilingual: false,
        }
    }

    #[test]
    fn the_sender_is_the_organisation_and_its_address() {
        assert_eq!(
            sender_block(&organisation("1 High Street\nNorthtown NT1 1AA"), "Withus"),
            ["Northtown Forum", "1 High Street", "Northtown NT1 1AA"]
        );
        assert_eq!(
            sender_block(&organisation(""), "Withus"),
            ["Northtown Forum", "Withus"]
        );
    }
}
