//! CSV downloads (RFC 4180), safe to open in a spreadsheet: a cell that a spreadsheet would read as a
//! formula gets a leading apostrophe, so it shows as text and never runs.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Characters that make a spreadsheet treat a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell: neutralised, then quoted if it holds a comma, quote, line break or edge space.
pub fn cell(value: &str) -> String {
    let value = if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    let needs_quotes =
        value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A CSV document being written, one line at a time.
#[derive(Default)]
pub struct Csv {
    text: String,
}

impl Csv {
    pub fn new() -> Csv {
        // A byte order mark, so spreadsheets read Welsh letters (ŵ, ŷ) as UTF-8.
        Csv {
            text: "\u{feff}".to_owned(),
        }
    }

    pub fn line<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut first = true;
        for value in cells {
            if !first {
                self.text.push(',');
            }
            first = false;
            self.text.push_str(&cell(value.as_ref()));
        }
        self.text.push_str("\r\n");
    }

    /// The download, saved under `file_name` rather than shown in the browser.
    pub fn into_response(self, file_name: &str) -> Response {
        (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
            ],
            self.text,
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_they_need_it() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(" padded"), "\" padded\"");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(cell("+447700900123"), "'+447700900123");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\r=x"), "\"'\r=x\"");
        assert_eq!(
            cell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
    }

    #[test]
    fn lines_end_with_crlf() {
        let mut csv = Csv::new();
        csv.line(["a", "b,c"]);
        assert_eq!(csv.text, "\u{feff}a,\"b,c\"\r\n");
    }
}
