//! Reading an uploaded spreadsheet into rows of text: CSV (UTF-8, with or without a byte order mark,
//! comma, semicolon or tab separated) or the first sheet of an Excel `.xlsx` workbook.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx, XlsxError};
use serde::{Deserialize, Serialize};

use super::{MAX_COLUMNS, MAX_ROWS};
use crate::web::input_guard::is_refused_control;

/// A spreadsheet: its heading row and the rows under it that have anything in them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One row, numbered as the spreadsheet program numbers it (the heading row is usually 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell in a column, trimmed; empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map(|c| c.trim()).unwrap_or("")
    }
}

/// The kinds of file the upload accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// Why a file could not be read. Each has a message saying how to fix it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    WrongType,
    OldExcel,
    Empty,
    NotUtf8,
    Unreadable,
    NoHeader,
    NoRows,
    TooManyRows,
    TooManyColumns,
    /// A cell holds a control character (a NUL byte, an escape): nothing we could store or show.
    ControlCharacter,
}

impl ParseError {
    pub fn message_key(self) -> &'static str {
        match self {
            ParseError::WrongType => "import-error-file-type",
            ParseError::OldExcel => "import-error-file-old-excel",
            ParseError::Empty => "import-error-file-empty",
            ParseError::NotUtf8 => "import-error-file-encoding",
            ParseError::Unreadable => "import-error-file-unreadable",
            ParseError::NoHeader => "import-error-file-no-header",
            ParseError::NoRows => "import-error-file-no-rows",
            ParseError::TooManyRows => "import-error-file-too-many-rows",
            ParseError::TooManyColumns => "import-error-file-too-many-columns",
            ParseError::ControlCharacter => "import-error-file-control-character",
        }
    }
}

/// Which kind of file this is, from its name and, for workbooks, its first bytes.
pub fn format_of(file_name: &str, bytes: &[u8]) -> Result<Format, ParseError> {
    let lower = file_name.trim().to_lowercase();
    let extension = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match extension {
        "csv" => Ok(Format::Csv),
        "xlsx" if bytes.is_empty() || bytes.starts_with(b"PK") => Ok(Format::Xlsx),
        "xlsx" => Err(ParseError::Unreadable),
        "xls" | "xlsm" | "xlsb" | "ods" | "numbers" => Err(ParseError::OldExcel),
        _ => Err(ParseError::WrongType),
    }
}

/// Reads a file into a table, checking it has a heading row, some people, and not too many.
pub fn parse(file_name: &str, bytes: &[u8]) -> Result<(Format, Table), ParseError> {
    let format = format_of(file_name, bytes)?;
    if bytes.is_empty() {
        return Err(ParseError::Empty);
    }
    let rows = match format {
        Format::Csv => read_csv(bytes)?,
        Format::Xlsx => read_xlsx(bytes)?,
    };
    let has_control = |cell: &String| cell.chars().any(is_refused_control);
    if rows.iter().any(|(_, cells)| cells.iter().any(has_control)) {
        return Err(ParseError::ControlCharacter);
    }
    Ok((format, into_table(rows)?))
}

/// Numbered raw rows to a table: the first row with anything in it holds the headings.
fn into_table(rows: Vec<(usize, Vec<String>)>) -> Result<Table, ParseError> {
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let (_, mut headers) = rows.next().ok_or(ParseError::Empty)?;
    while headers.last().is_some_and(|h| h.trim().is_empty()) {
        headers.pop();
    }
    if headers.len() > MAX_COLUMNS {
        return Err(ParseError::TooManyColumns);
    }
    if headers.iter().any(|h| looks_like_a_value(h)) {
        return Err(ParseError::NoHeader);
    }
    let headers: Vec<String> = headers
        .iter()
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut table = Table {
        rows: Vec::new(),
        headers,
    };
    for (number, mut cells) in rows {
        if table.rows.len() == MAX_ROWS {
            return Err(ParseError::TooManyRows);
        }
        cells.resize(table.headers.len(), String::new());
        table.rows.push(Row { number, cells });
    }
    if table.rows.is_empty() {
        return Err(ParseError::NoRows);
    }
    Ok(table)
}

/// A heading never looks like an email address or a phone number; a first row of people does.
fn looks_like_a_value(cell: &str) -> bool {
    let cell = cell.trim();
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    let phone_like = digits >= 7
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    phone_like || (cell.contains('@') && cell.contains('.') && !cell.contains(' '))
}

// --- CSV ------------------------------------------------------------------------------------------

fn read_csv(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, ParseError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ParseError::NotUtf8);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
    if text.contains('\0') {
        return Err(ParseError::Unreadable);
    }
    let records = split_csv(text, delimiter_of(text));
    Ok(records
        .into_iter()
        .enumerate()
        .map(|(i, cells)| (i + 1, cells))
        .collect())
}

/// Comma, semicolon (spreadsheets set up for languages with decimal commas) or tab: whichever the
/// first record uses most, outside quotes.
pub fn delimiter_of(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold(
            (',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Splits CSV text into records (RFC 4180): fields in double quotes may hold the delimiter, line
/// breaks and doubled quotes; lines may end with CRLF, LF or CR.
pub fn split_csv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut field_quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
        } else if c == '"' && field.is_empty() && !field_quoted {
            in_quotes = true;
            field_quoted = true;
        } else if c == delimiter {
            record.push(std::mem::take(&mut field));
            field_quoted = false;
        } else if c == '\n' || c == '\r' {
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            record.push(std::mem::take(&mut field));
            field_quoted = false;
            records.push(std::mem::take(&mut record));
        } else {
            field.push(c);
        }
    }
    if !field.is_empty() || field_quoted || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

// --- Excel ----------------------------------------------------------------------------------------

fn read_xlsx(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, ParseError> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(unreadable)?;
    let first = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or(ParseError::Empty)?;
    let mut cells = book.worksheet_cells_reader(&first).map_err(unreadable)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let text = cell_text(cell.get_value());
        if text.trim().is_empty() {
            continue;
        }
        let column = column as usize;
        if column >= MAX_COLUMNS {
            return Err(ParseError::TooManyColumns);
        }
        if !rows.contains_key(&row) && rows.len() > MAX_ROWS {
            // A heading row and more people than allowed: no need to read the rest.
            return Err(ParseError::TooManyRows);
        }
        let cells = rows.entry(row).or_default();
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| (row as usize + 1, cells))
        .collect())
}

/// The reason is not logged: a parser's message can quote the workbook's contents.
fn unreadable(error: XlsxError) -> ParseError {
    let kind = match error {
        XlsxError::Password => "password protected",
        XlsxError::Zip(_) | XlsxError::Io(_) => "not a zip archive",
        _ => "not a workbook",
    };
    tracing::info!(kind, "an uploaded workbook could not be read");
    ParseError::Unreadable
}

fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(n) => n.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(true) => "TRUE".into(),
        DataRef::Bool(false) => "FALSE".into(),
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// Whole numbers (phone numbers typed into a number cell) without a decimal point or exponent.
fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        parse("people.csv", text.as_bytes()).unwrap().1
    }

    #[test]
    fn reads_a_plain_csv_with_row_numbers_as_a_spreadsheet_shows_them() {
        let t = table("Name,Email\nJo Bloggs,jo@example.org\n\nSam Lee,\n");
        assert_eq!(t.headers, vec!["Name", "Email"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].number, 2);
        assert_eq!(t.rows[0].cells, vec!["Jo Bloggs", "jo@example.org"]);
        // The blank line is row 3 in the spreadsheet; Sam is on row 4.
        assert_eq!(t.rows[1].number, 4);
        assert_eq!(t.rows[1].cell(1), "");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_heading() {
        let t = table("\u{feff}Name;Email\r\nJo;jo@example.org\r\n");
        assert_eq!(t.headers, vec!["Name", "Email"]);
    }

    #[test]
    fn semicolons_and_tabs_are_recognised() {
        let t = table("Name;Email;Region\nJo Bloggs;jo@example.org;Wales\n");
        assert_eq!(
            t.rows[0].cells,
            vec!["Jo Bloggs", "jo@example.org", "Wales"]
        );
        let t = table("Name\tEmail\nJo\tjo@example.org\n");
        assert_eq!(t.rows[0].cells, vec!["Jo", "jo@example.org"]);
        // Commas inside quotes do not count towards the delimiter.
        assert_eq!(delimiter_of("\"Name, full\";Email;Phone\n"), ';');
    }

    #[test]
    fn quoted_fields_hold_delimiters_newlines_and_quotes() {
        let text = "Name,Address,Notes\n\"Bloggs, Jo\",\"1 High St\nNorthtown\",\"She said \"\"hi\"\"\"\nSam,,\n";
        let t = table(text);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[0], "Bloggs, Jo");
        assert_eq!(t.rows[0].cells[1], "1 High St\nNorthtown");
        assert_eq!(t.rows[0].cells[2], "She said \"hi\"");
        // Row numbers count records, as a spreadsheet program does, not lines of text.
        assert_eq!(t.rows[1].number, 3);
    }

    #[test]
    fn the_last_line_needs_no_line_break_and_short_rows_are_padded() {
        let t = table("Name,Email,Phone\nJo");
        assert_eq!(t.rows[0].cells, vec!["Jo", "", ""]);
        assert_eq!(split_csv("a,\"\"", ','), vec![vec!["a", ""]]);
    }

    #[test]
    fn files_that_cannot_be_imported_say_why() {
        assert_eq!(parse("people.csv", b""), Err(ParseError::Empty));
        assert_eq!(parse("people.csv", b"\n ,, \n"), Err(ParseError::Empty));
        assert_eq!(parse("people.pdf", b"%PDF"), Err(ParseError::WrongType));
        assert_eq!(parse("people", b"Name\nJo"), Err(ParseError::WrongType));
        assert_eq!(parse("people.xls", b"\xD0\xCF"), Err(ParseError::OldExcel));
        assert_eq!(
            parse("people.xlsx", b"Name,Email"),
            Err(ParseError::Unreadable)
        );
        assert_eq!(
            parse("people.csv", b"Name\nJ\xF6rg\n"),
            Err(ParseError::NotUtf8)
        );
        assert_eq!(
            parse("people.csv", b"Name,Email\n"),
            Err(ParseError::NoRows)
        );
        assert_eq!(
            parse(
                "people.csv",
                b"Jo Bloggs,jo@example.org\nSam,sam@example.org\n"
            ),
            Err(ParseError::NoHeader)
        );
        assert_eq!(
            parse("people.csv", b"Sam,07700 900123\n"),
            Err(ParseError::NoHeader)
        );
        assert_eq!(
            parse("people.xlsx", b"PK\x03\x04not really a zip"),
            Err(ParseError::Unreadable)
        );
    }

    #[test]
    fn at_most_twenty_thousand_people() {
        let mut text = String::from("Name\n");
        for i in 0..MAX_ROWS {
            text.push_str(&format!("Person {i}\n"));
        }
        assert_eq!(table(&text).rows.len(), MAX_ROWS);
        text.push_str("One too many\n");
        assert_eq!(
            parse("people.csv", text.as_bytes()),
            Err(ParseError::TooManyRows)
        );
        let wide = (0..=MAX_COLUMNS)
            .map(|i| format!("Column {i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            parse("people.csv", format!("{wide}\nJo\n").as_bytes()),
            Err(ParseError::TooManyColumns)
        );
    }

    #[test]
    fn numbers_read_from_workbooks_keep_their_digits() {
        assert_eq!(number_text(7_700_900_123.0), "7700900123");
        assert_eq!(number_text(1.5), "1.5");
    }

    mod fuzz {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

            /// Any bytes at all, as a CSV or a workbook: an answer, never a panic, and a table
            /// within the limits holding no character we could not store.
            #[test]
            fn any_file_is_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..2048), xlsx in any::<bool>()) {
                let name = if xlsx { "people.xlsx" } else { "people.csv" };
                let mut bytes = bytes;
                if xlsx && bytes.len() > 2 { bytes[0] = b'P'; bytes[1] = b'K'; }
                if let Ok((_, table)) = parse(name, &bytes) {
                    prop_assert!(table.rows.len() <= MAX_ROWS);
                    prop_assert!(table.headers.len() <= MAX_COLUMNS);
                    for row in &table.rows {
                        prop_assert_eq!(row.cells.len(), table.headers.len());
                        for cell in &row.cells {
                            prop_assert!(!cell.contains('\0'));
                        }
                    }
                }
            }

            /// Cells written by a spreadsheet program (quoted where needed) come back as written.
            #[test]
            fn quoted_cells_read_back(cells in proptest::collection::vec("[A-Za-z][ -~ŵŷ]{0,20}[A-Za-z]", 2..6)) {
                let quote = |c: &String| format!("\"{}\"", c.replace('"', "\"\""));
                let header: Vec<String> = (0..cells.len()).map(|i| format!("Heading {i}")).collect();
                let text = format!("{}\n{}\n", header.join(","), cells.iter().map(quote).collect::<Vec<_>>().join(","));
                let (_, table) = parse("people.csv", text.as_bytes()).unwrap();
                prop_assert_eq!(&table.rows[0].cells, &cells);
            }
        }

        #[test]
        fn a_control_character_in_a_cell_refuses_the_file() {
            assert_eq!(
                parse("people.csv", b"Name,Email\nJo\x1b[2J,jo@example.org\n").map(|_| ()),
                Err(ParseError::ControlCharacter)
            );
        }
    }
}
