//! Every form body is checked once, before any handler reads it: it must be a form, every name and
//! value must be UTF-8 text without control characters (newline and tab excepted), and no value may
//! be longer than [`FIELD_MAX_CHARS`]. A refused request gets a page that names the field and says
//! how to fix it, and nothing is written: no handler ran.
//!
//! Forms check their own, usually much smaller, limits and say them by the field; this is the
//! ceiling under every field, so no text that PostgreSQL would refuse (a NUL byte) or that could not
//! be carried (a megabyte in one box) reaches storage.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::errors::AppError;
pub use super::errors::InputProblem;

/// The most characters any one form field may hold. Forms set lower limits of their own.
pub const FIELD_MAX_CHARS: usize = 20_000;

/// Middleware: refuses a state-changing request whose body is not clean form text.
pub async fn check(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // The CSRF check before this one has already read the body within its limit.
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(_) => return AppError::TooLarge.into_response(),
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let verdict = if bytes.is_empty() || content_type.starts_with("multipart/form-data") {
        // An empty post (sign out, keep alive) has nothing to check; uploads are checked by
        // the importer, which reports problems row by row.
        Ok(())
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        check_form_body(&bytes)
    } else if content_type.starts_with("application/json") && parts.uri.path() == "/sms/receipts" {
        // GOV.UK Notify's delivery callbacks are JSON; the handler reads only what it needs.
        std::str::from_utf8(&bytes)
            .map(|_| ())
            .map_err(|_| InputProblem::NotAForm)
    } else {
        Err(InputProblem::NotAForm)
    };
    match verdict {
        Ok(()) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(problem) => {
            tracing::info!(path = %parts.uri.path(), ?problem, "refused a form body");
            AppError::BadInput(problem).into_response()
        }
    }
}

/// Checks every name and value of an `application/x-www-form-urlencoded` body.
pub fn check_form_body(body: &[u8]) -> Result<(), InputProblem> {
    for pair in body.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = match pair.iter().position(|b| *b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &[][..]),
        };
        let name = String::from_utf8(decode(raw_name)).map_err(|_| InputProblem::NotText {
            field: String::from_utf8_lossy(&decode(raw_name)).into_owned(),
        })?;
        let name_problem = |field: &str| InputProblem::ControlCharacter {
            field: field.chars().filter(|c| !c.is_control()).collect(),
        };
        if name.chars().any(char::is_control) {
            return Err(name_problem(&name));
        }
        let value = String::from_utf8(decode(raw_value)).map_err(|_| InputProblem::NotText {
            field: name.clone(),
        })?;
        check_text(&name, &value, FIELD_MAX_CHARS)?;
    }
    Ok(())
}

/// A control character no text may hold: everything but newline, carriage return and tab. The
/// one rule for forms and imported files alike.
pub fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Checks one field's text: no control characters but newline, carriage return and tab, and at most
/// `max` characters.
pub fn check_text(field: &str, value: &str, max: usize) -> Result<(), InputProblem> {
    if value.chars().any(is_refused_control) {
        return Err(InputProblem::ControlCharacter {
            field: field.to_owned(),
        });
    }
    if value.chars().count() > max {
        return Err(InputProblem::TooLong {
            field: field.to_owned(),
            max,
        });
    }
    Ok(())
}

/// Percent-decodes one name or value, with `+` as a space, keeping the bytes as they are.
fn decode(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    out
}

fn hex(digit: u8) -> Option<u8> {
    (digit as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_forms_pass() {
        assert_eq!(
            check_form_body(b"name=Maya+Patel&notes=line+one%0D%0Aline+two%09tabbed&x="),
            Ok(())
        );
        assert_eq!(check_form_body("name=Ll%C5%B7r".as_bytes()), Ok(()));
        assert_eq!(check_form_body(b""), Ok(()));
    }

    #[test]
    fn a_nul_byte_is_refused_naming_its_field() {
        assert_eq!(
            check_form_body(b"csrf_token=t&advocate_name=Sam%00"),
            Err(InputProblem::ControlCharacter {
                field: "advocate_name".into()
            })
        );
        assert_eq!(
            check_form_body(b"title=a%1Bb"),
            Err(InputProblem::ControlCharacter {
                field: "title".into()
            })
        );
    }

    #[test]
    fn invalid_utf8_is_refused() {
        assert_eq!(
            check_form_body(b"name=%FF%FE"),
            Err(InputProblem::NotText {
                field: "name".into()
            })
        );
        assert!(matches!(
            check_form_body(b"na%FFme=x"),
            Err(InputProblem::NotText { .. })
        ));
    }

    #[test]
    fn a_value_over_the_ceiling_is_refused_with_the_limit() {
        let body = format!("notes={}", "a".repeat(FIELD_MAX_CHARS + 1));
        assert_eq!(
            check_form_body(body.as_bytes()),
            Err(InputProblem::TooLong {
                field: "notes".into(),
                max: FIELD_MAX_CHARS
            })
        );
        let body = format!("notes={}", "a".repeat(FIELD_MAX_CHARS));
        assert_eq!(check_form_body(body.as_bytes()), Ok(()));
    }

    #[test]
    fn broken_percent_escapes_are_kept_as_typed() {
        assert_eq!(decode(b"100%"), b"100%".to_vec());
        assert_eq!(decode(b"%4"), b"%4".to_vec());
        assert_eq!(decode(b"%zz"), b"%zz".to_vec());
        assert_eq!(decode(b"%41%42"), b"AB".to_vec());
    }

    #[test]
    fn labels_read_as_words() {
        let problem = InputProblem::TooLong {
            field: "advocate_name".into(),
            max: 200,
        };
        assert_eq!(problem.field_label().as_deref(), Some("advocate name"));
        assert_eq!(problem.max(), Some(200));
    }

    mod fuzz {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

            /// Whatever bytes arrive, a body that passes holds only text a database can store.
            #[test]
            fn a_body_that_passes_is_clean_text(body in proptest::collection::vec(any::<u8>(), 0..512)) {
                if check_form_body(&body).is_ok() {
                    for (name, value) in url::form_urlencoded::parse(&body) {
                        prop_assert!(!name.chars().any(char::is_control));
                        prop_assert!(!value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
                        prop_assert!(value.chars().count() <= FIELD_MAX_CHARS);
                    }
                }
            }

            /// Any text typed into a form without control characters passes.
            #[test]
            fn typed_text_passes(value in "[^\\p{Cc}]{0,200}|[a-z \n\t]{0,50}") {
                let body = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("answer", &value)
                    .finish();
                prop_assert_eq!(check_form_body(body.as_bytes()), Ok(()));
            }
        }
    }
}
