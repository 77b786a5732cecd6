//! Static assets (CSS, JavaScript, icons) built from npm by `scripts/build-assets` into
//! `assets/dist/` and embedded in the binary, so Withus runs from any directory.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "../../assets/dist/"]
struct Dist;

pub async fn serve(Path(path): Path<String>) -> Response {
    match Dist::get(&path) {
        Some(file) => {
            let mime = file.metadata.mimetype().to_owned();
            let etag = format!("\"{}\"", hex::encode(&file.metadata.sha256_hash()[..8]));
            (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
                    (header::ETAG, etag),
                ],
                file.data,
            )
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// True when the asset build has been run: the stylesheet is present.
pub fn built() -> bool {
    Dist::get("withus.css").is_some()
}
