//! A facilitator imports people into a panel from a spreadsheet: upload, columns, check, confirm.

use std::collections::BTreeSet;

use uuid::Uuid;
use withus::db::Db;
use withus::register::domain::{ContactMethod, EntryRoute};
use withus::register::fixtures as register;

use crate::both;
use crate::helpers::{Backend, Client, Page, TestApp, spawn_app};

const FACILITATOR: &str = "facilitator@northtown-dpf.example";
const DPO: &str = "Northtown Disabled People's Forum";
const COUNCIL_ADMIN: &str = "admin@northtown.example";
const COUNCIL: &str = "Northtown Borough Council";
const HEADERS: &str =
    "Full name,E-mail,Mobile,Preferred contact method,Region,Topics,Consent to be on the panel";

struct Setup {
    app: TestApp,
    client: Client,
    org: Uuid,
    panel: Uuid,
}

async fn organisation(app: &TestApp, name: &str) -> Uuid {
    let mut conn = app.db.acquire().await.unwrap();
    withus::organisations::find_by_name(&mut conn.ex(), name)
        .await
        .unwrap()
        .expect("demo organisation")
        .id
}

async fn setup(backend: Backend) -> Setup {
    let app = spawn_app(backend).await;
    let org = organisation(&app, DPO).await;
    let mut tx = app.db.begin().await.unwrap();
    let panel = register::create_panel(&mut tx.ex(), org, "Northtown Panel", "", false)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let client = app.signed_in_client(FACILITATOR).await;
    Setup {
        app,
        client,
        org,
        panel,
    }
}

/// Someone already on the register, with an email and a phone number.
async fn existing_person(app: &TestApp, email: Option<&str>, phone: Option<&str>) {
    let mut conn = app.db.acquire().await.unwrap();
    register::create_person(
        &mut conn.ex(),
        register::NewPerson {
            account_id: None,
            display_name: "Already Here",
            email,
            phone,
            contact_method: ContactMethod::Email,
            language: "en",
            region: None,
            local_authority: None,
            entry_route: EntryRoute::Assisted,
        },
    )
    .await
    .unwrap();
}

impl Setup {
    fn import_path(&self) -> String {
        format!("/organisations/{}/import", self.org)
    }

    /// Uploads a file to the panel; returns the batch's base path.
    async fn upload(&mut self, file_name: &str, bytes: Vec<u8>) -> String {
        let path = self.import_path();
        let panel = self.panel.to_string();
        let page = self
            .client
            .post_file(&path, &[("panel", &panel)], Some((file_name, bytes)))
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let location = page.location.unwrap();
        assert!(location.ends_with("/columns"), "{location}");
        location.trim_end_matches("/columns").to_owned()
    }

    /// Accepts the guessed columns and returns the check page.
    async fn accept_guessed_columns(&mut self, batch: &str) -> Page {
        let form = self.client.get(&format!("{batch}/columns")).await;
        assert_eq!(form.status, 200);
        let chosen = selected_options(&form.body);
        let fields: Vec<(&str, &str)> = chosen
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let saved = self.client.post(&format!("{batch}/columns"), &fields).await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let check = self.client.get(&format!("{batch}/check")).await;
        assert_eq!(check.status, 200);
        check
    }

    async fn confirm(&mut self, batch: &str, expected: usize) -> Page {
        let expected = expected.to_string();
        self.client
            .post(
                &format!("{batch}/confirm"),
                &[("confirm", "yes"), ("expected", &expected)],
            )
            .await
    }
}

/// The selected option of each select on the columns page, as the browser would send it.
fn selected_options(body: &str) -> Vec<(String, String)> {
    let select =
        regex::Regex::new(r#"(?s)<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>"#).unwrap();
    let selected = regex::Regex::new(r#"<option value="([^"]*)" selected>"#).unwrap();
    select
        .captures_iter(body)
        .map(|c| {
            let value = selected
                .captures(&c[2])
                .map(|s| s[1].to_owned())
                .unwrap_or_default();
            (c[1].to_owned(), value)
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&amp;", "&")
}

/// (row, column, message) of every line of the problems table.
fn problems(body: &str) -> Vec<(usize, String, String)> {
    let Some(start) = body.find(r#"id="problems""#) else {
        return Vec::new();
    };
    let table = &body[start..start + body[start..].find("</table>").unwrap()];
    let line = regex::Regex::new(
        r#"(?s)<tr class="govuk-table__row">\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>"#,
    )
    .unwrap();
    line.captures_iter(table)
        .map(|c| (c[1].parse().unwrap(), unescape(&c[2]), unescape(&c[3])))
        .collect()
}

fn count(body: &str, id: &str) -> usize {
    let pattern = regex::Regex::new(&format!(r#"id="{id}">(\d+)<"#)).unwrap();
    pattern.captures(body).unwrap_or_else(|| panic!("no {id}"))[1]
        .parse()
        .unwrap()
}

async fn scalar(app: &TestApp, sql: &str) -> i64 {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
    }
}

async fn strings(app: &TestApp, sql: &str) -> Vec<String> {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_all(pool).await.unwrap(),
    }
}

async fn imported_people(app: &TestApp) -> i64 {
    scalar(
        app,
        "SELECT COUNT(*) FROM people WHERE entry_route = 'imported'",
    )
    .await
}

/// A file of `rows` good people, "Person 0" to "Person {rows-1}", on spreadsheet rows 2 onwards.
fn good_rows(rows: usize) -> Vec<[String; 7]> {
    (0..rows)
        .map(|i| {
            [
                format!("Person {i}"),
                format!("person{i}@example.org"),
                String::new(),
                String::new(),
                "Wales".into(),
                "Transport".into(),
                "yes".into(),
            ]
        })
        .collect()
}

fn csv(rows: &[[String; 7]]) -> Vec<u8> {
    let mut text = format!("{HEADERS}\r\n");
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        text.push_str(&cells.join(","));
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// One thousand people with deliberate mistakes, and the problems each mistake must produce.
struct Generated {
    bytes: Vec<u8>,
    /// Row number → (column heading, part of the message).
    problems: Vec<(usize, &'static str, String)>,
    existing: Vec<usize>,
    names_added: BTreeSet<String>,
}

fn generated() -> Generated {
    let mut rows = good_rows(1000);
    let mut problems = Vec::new();
    let mut existing = Vec::new();
    for (i, row) in rows.iter_mut().enumerate() {
        let number = i + 2;
        match i % 100 {
            7 => {
                row[1] = format!("person{i}@@example");
                problems.push((
                    number,
                    "E-mail",
                    format!("'person{i}@@example' is not an email address. Correct it in the spreadsheet, or leave the cell empty if the person has no email."),
                ));
            }
            13 => {
                row[4] = "Narnia".into();
                problems.push((
                    number,
                    "Region",
                    "'Narnia' is not a region we recognise. Use one of: North East, North West,"
                        .into(),
                ));
            }
            21 => {
                row[0] = String::new();
                problems.push((number, "Full name", "The name is missing.".into()));
            }
            34 => {
                row[6] = "no".into();
                problems.push((
                    number,
                    "Consent to be on the panel",
                    "says 'no', not yes".into(),
                ));
            }
            45 => {
                // The same email as the row above.
                row[1] = format!("person{}@example.org", i - 1);
                problems.push((
                    number,
                    "E-mail",
                    format!("same email address or phone number as row {}", number - 1),
                ));
            }
            50 => {
                // Phone only, contact by text.
                row[1] = String::new();
                row[2] = format!("07700 9{i:05}");
                row[3] = "Text message".into();
            }
            60 => {
                // No email and no phone: post.
                row[1] = String::new();
                row[3] = "post".into();
            }
            90 => {
                // No email, no phone and no contact method.
                row[1] = String::new();
                problems.push((
                    number,
                    "Preferred contact method",
                    "There is no way to contact this person.".into(),
                ));
            }
            _ => {}
        }
        if i == 256 {
            row[1] = "already@example.org".into();
            existing.push(number);
        }
        if i == 512 {
            row[1] = String::new();
            row[2] = "07700 900999".into();
            existing.push(number);
        }
        if i == 700 {
            row[0] = "O'Brien, Siobhan \"Shiv\"".into();
            row[5] = "Housing, Social care".into();
        }
    }
    let problem_rows: BTreeSet<usize> = problems.iter().map(|p| p.0).collect();
    let names_added = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| !problem_rows.contains(&(i + 2)) && !existing.contains(&(i + 2)))
        .map(|(_, row)| row[0].clone())
        .collect();
    Generated {
        bytes: csv(&rows),
        problems,
        existing,
        names_added,
    }
}

async fn a_thousand_rows_with_mistakes_are_reported_row_by_row_and_only_valid_rows_are_added(
    backend: Backend,
) {
    let mut s = setup(backend).await;
    // The demo register holds paper consents of its own: count from here.
    let paper_before = scalar(
        &s.app,
        "SELECT COUNT(*) FROM consents WHERE kind = 'panel' AND channel = 'paper'",
    )
    .await;
    existing_person(&s.app, Some("already@example.org"), None).await;
    existing_person(&s.app, None, Some("07700900999")).await;
    let file = generated();
    assert_eq!(file.names_added.len(), 1000 - 60 - 2);
    let batch = s.upload("panel members.csv", file.bytes.clone()).await;

    // The guesses from the headings are the right columns.
    let columns = s.client.get(&format!("{batch}/columns")).await;
    let chosen = selected_options(&columns.body);
    let expected_guess = [
        ("column-name", "0"),
        ("column-email", "1"),
        ("column-phone", "2"),
        ("column-contact-method", "3"),
        ("column-region", "4"),
        ("column-topics", "5"),
        ("column-consent", "6"),
        ("column-language", ""),
    ];
    for (field, column) in expected_guess {
        assert!(
            chosen.contains(&(field.to_owned(), column.to_owned())),
            "{field} should be {column:?}: {chosen:?}"
        );
    }

    let check = s.accept_guessed_columns(&batch).await;
    assert_eq!(count(&check.body, "count-rows"), 1000);
    assert_eq!(count(&check.body, "count-to-add"), file.names_added.len());
    assert_eq!(count(&check.body, "count-problems"), file.problems.len());
    assert_eq!(count(&check.body, "count-existing"), 2);
    let reported = problems(&check.body);
    assert_eq!(reported.len(), file.problems.len(), "{reported:?}");
    for (row, column, message) in &file.problems {
        assert!(
            reported
                .iter()
                .any(|(r, c, m)| r == row && c == column && m.contains(message.as_str())),
            "row {row}, {column}: {message:?} not in {:?}",
            reported
                .iter()
                .filter(|(r, _, _)| r == row)
                .collect::<Vec<_>>()
        );
    }
    // The summary by type, and the rows skipped as already on the register.
    assert!(check.body.contains("Email address not valid"));
    assert!(check.body.contains("Same person twice in the file"));
    let skipped = format!(
        "Rows skipped: {}",
        file.existing
            .iter()
            .map(|r| r.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(check.body.contains(&skipped), "{skipped}");
    // A preview of the first people to be added.
    assert!(check.body.contains("Person 0") && check.body.contains("person0@example.org"));
    assert!(check.body.contains("Add 938 people"));

    // Nothing is added until the facilitator confirms.
    assert_eq!(imported_people(&s.app).await, 0);
    let refused = s
        .client
        .post(&format!("{batch}/confirm"), &[("expected", "938")])
        .await;
    assert_eq!(refused.status, 422);
    assert_eq!(imported_people(&s.app).await, 0);

    let done = s.confirm(&batch, file.names_added.len()).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some(s.import_path().as_str()));

    // Exactly the valid rows, and nothing else.
    let names: BTreeSet<String> = strings(
        &s.app,
        "SELECT display_name FROM people WHERE entry_route = 'imported'",
    )
    .await
    .into_iter()
    .collect();
    assert_eq!(names, file.names_added);
    let panel = s.panel;
    let facilitator = {
        let mut conn = s.app.db.acquire().await.unwrap();
        withus::accounts::fixtures::find_by_email(&mut conn.ex(), FACILITATOR)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let mut conn = s.app.db.acquire().await.unwrap();
    let people = ids(
        &s.app,
        "SELECT id FROM people WHERE entry_route = 'imported'",
        None,
    )
    .await;
    assert_eq!(people.len(), 938);
    for id in people.iter().copied().step_by(97) {
        let memberships = register::memberships_of(&mut conn.ex(), id).await.unwrap();
        assert_eq!(memberships.len(), 1);
        assert_eq!(memberships[0].panel_id, panel);
        assert_eq!(memberships[0].status, "active");
        let consents = register::consents_of(&mut conn.ex(), id).await.unwrap();
        assert_eq!(consents.len(), 1);
        assert_eq!(consents[0].kind, "panel");
        assert_eq!(consents[0].channel, "paper");
        assert_eq!(consents[0].panel_id, Some(panel));
    }
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM consents WHERE kind = 'panel' AND channel = 'paper'"
        )
        .await
            - paper_before,
        938
    );
    let recorded = ids(
        &s.app,
        "SELECT k.person_id FROM consents k JOIN people p ON p.id = k.person_id WHERE k.recorded_by = $1 AND p.entry_route = 'imported'",
        Some(facilitator),
    )
    .await;
    assert_eq!(recorded.len(), 938);
    // Phone-only and post-only people are fully supported.
    let texted = person_named(&s.app, "Person 50").await;
    assert_eq!(texted.email, None);
    assert_eq!(texted.phone.as_deref(), Some("07700900050"));
    assert_eq!(texted.contact_method(), ContactMethod::Sms);
    let posted = person_named(&s.app, "Person 60").await;
    assert_eq!(
        (posted.email.as_deref(), posted.phone.as_deref()),
        (None, None)
    );
    assert_eq!(posted.contact_method(), ContactMethod::Post);
    assert_eq!(posted.entry_route(), EntryRoute::Imported);
    let quoted = person_named(&s.app, "O'Brien, Siobhan \"Shiv\"").await;
    let topics = register::topics_of(&mut conn.ex(), quoted.id)
        .await
        .unwrap();
    assert_eq!(topics.len(), 2);

    // The batch keeps only counts; the audit log has counts and no names.
    assert_eq!(
        scalar(&s.app, "SELECT imported_count FROM import_batches").await,
        938
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM import_batches WHERE status = 'imported' AND LENGTH(contents) = 0"
        )
        .await,
        1
    );
    let details = strings(
        &s.app,
        "SELECT CAST(details AS TEXT) FROM audit_log WHERE action = 'import.completed'",
    )
    .await;
    assert_eq!(details.len(), 1);
    assert!(details[0].contains("938"), "{}", details[0]);
    assert!(!details[0].contains("Person"), "{}", details[0]);

    // Confirming again adds no one twice.
    let again = s.confirm(&batch, 938).await;
    assert_eq!(again.status, 303);
    assert_eq!(imported_people(&s.app).await, 938);
    let list = s.client.get(&s.import_path()).await;
    assert!(list.body.contains("already been imported"));
    assert!(list.body.contains("panel members.csv") && list.body.contains("Femi Adeyemi"));
    assert!(list.body.contains(">938<"));
    assert_eq!(s.client.get(&format!("{batch}/check")).await.status, 303);
}
both!(
    a_thousand_rows_with_mistakes_are_reported_row_by_row_and_only_valid_rows_are_added,
    a_thousand_rows_with_mistakes_are_reported_row_by_row_and_only_valid_rows_are_added
);

/// Ids selected by a query with at most one id parameter.
async fn ids(app: &TestApp, sql: &str, parameter: Option<Uuid>) -> Vec<Uuid> {
    let sql = sqlx::AssertSqlSafe(sql.to_owned());
    match &app.db {
        Db::Sqlite(pool, ..) => {
            let query = sqlx::query_scalar(sql);
            let query = match parameter {
                Some(p) => query.bind(p),
                None => query,
            };
            query.fetch_all(pool).await.unwrap()
        }
        Db::Postgres(pool) => {
            let query = sqlx::query_scalar(sql);
            let query = match parameter {
                Some(p) => query.bind(p),
                None => query,
            };
            query.fetch_all(pool).await.unwrap()
        }
    }
}

async fn person_named(app: &TestApp, name: &str) -> register::PersonRow {
    let found: Vec<Uuid> = match &app.db {
        Db::Sqlite(pool, ..) => sqlx::query_scalar("SELECT id FROM people WHERE display_name = $1")
            .bind(name)
            .fetch_all(pool)
            .await
            .unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar("SELECT id FROM people WHERE display_name = $1")
            .bind(name)
            .fetch_all(pool)
            .await
            .unwrap(),
    };
    assert_eq!(found.len(), 1, "{name}");
    let mut conn = app.db.acquire().await.unwrap();
    register::find_person(&mut conn.ex(), found[0])
        .await
        .unwrap()
        .unwrap()
}

/// A fault injected into the database: the person called `name` cannot be written.
async fn inject_fault(app: &TestApp, backend: Backend, name: &str) {
    app.execute(&match backend {
        Backend::Sqlite => format!(
            "CREATE TRIGGER import_fault BEFORE INSERT ON people WHEN NEW.display_name = '{name}' \
             BEGIN SELECT RAISE(ABORT, 'injected fault'); END;"
        ),
        Backend::Postgres => format!(
            "CREATE FUNCTION import_fault() RETURNS trigger AS $$ BEGIN \
             IF NEW.display_name = '{name}' THEN RAISE EXCEPTION 'injected fault'; END IF; \
             RETURN NEW; END; $$ LANGUAGE plpgsql; \
             CREATE TRIGGER import_fault BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION import_fault();"
        ),
    })
    .await
}

async fn remove_fault(app: &TestApp, backend: Backend) {
    app.execute(match backend {
        Backend::Sqlite => "DROP TRIGGER import_fault",
        Backend::Postgres => "DROP TRIGGER import_fault ON people",
    })
    .await
}

async fn a_failure_part_way_adds_no_one_and_the_batch_can_be_tried_again(backend: Backend) {
    let mut s = setup(backend).await;
    let imported_before = imported_people(&s.app).await;
    let memberships_before = scalar(&s.app, "SELECT COUNT(*) FROM panel_memberships").await;
    let consents_before = scalar(&s.app, "SELECT COUNT(*) FROM consents").await;
    let batch = s.upload("people.csv", csv(&good_rows(60))).await;
    s.accept_guessed_columns(&batch).await;
    // A fault injected into the database: the 41st person cannot be written.
    inject_fault(&s.app, backend, "Person 40").await;
    let failed = s.confirm(&batch, 60).await;
    assert_eq!(failed.status, 500);
    assert!(
        unescape(&failed.body).contains("no one from this spreadsheet was added"),
        "{}",
        failed.body
    );
    assert_eq!(imported_people(&s.app).await, imported_before);
    assert_eq!(
        scalar(&s.app, "SELECT COUNT(*) FROM panel_memberships").await,
        memberships_before
    );
    assert_eq!(
        scalar(&s.app, "SELECT COUNT(*) FROM consents").await,
        consents_before
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'import.completed'"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM import_batches WHERE status = 'mapped' AND LENGTH(contents) > 0"
        )
        .await,
        1
    );

    // With the fault gone, the same batch imports everyone.
    remove_fault(&s.app, backend).await;
    let done = s.confirm(&batch, 60).await;
    assert_eq!(done.status, 303, "{}", done.body);
    assert_eq!(imported_people(&s.app).await, 60);
}
both!(
    a_failure_part_way_adds_no_one_and_the_batch_can_be_tried_again,
    a_failure_part_way_adds_no_one_and_the_batch_can_be_tried_again
);

/// A large file is added a chunk at a time, so others' changes never wait long; an import stopped
/// part-way keeps the chunks it finished and carries on later from where it was, adding no one twice.
async fn a_large_import_stopped_part_way_carries_on_without_adding_anyone_twice(backend: Backend) {
    use withus::register::import::apply::{CHUNK, resume_interrupted};
    let mut s = setup(backend).await;
    let rows = 2 * CHUNK + 50;
    let batch = s.upload("people.csv", csv(&good_rows(rows))).await;
    s.accept_guessed_columns(&batch).await;
    // The second chunk cannot be written.
    let stop_at = format!("Person {}", CHUNK + 10);
    inject_fault(&s.app, backend, &stop_at).await;
    let stopped = s.confirm(&batch, rows).await;
    assert_eq!(stopped.status, 303, "{}", stopped.body);
    let list = s.client.get(stopped.location.as_deref().unwrap()).await;
    assert!(
        unescape(&list.body).contains("The import stopped part-way. It will carry on by itself"),
        "the facilitator is told what happened"
    );
    assert_eq!(
        imported_people(&s.app).await,
        CHUNK as i64,
        "the first chunk is kept"
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM import_batches WHERE status = 'importing'"
        )
        .await,
        1
    );
    // Confirming again while it is importing adds no one.
    let again = s.confirm(&batch, rows).await;
    assert_eq!(again.status, 303);
    assert_eq!(imported_people(&s.app).await, CHUNK as i64);

    remove_fault(&s.app, backend).await;
    let resumed = resume_interrupted(&s.app.db, &s.app.state.keys)
        .await
        .unwrap();
    assert_eq!(resumed, 1);
    assert_eq!(imported_people(&s.app).await, rows as i64);
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(DISTINCT email) FROM people WHERE entry_route = 'imported'"
        )
        .await,
        rows as i64,
        "no one was added twice"
    );
    assert_eq!(
        scalar(
            &s.app,
            &format!("SELECT COUNT(*) FROM import_batches WHERE status = 'imported' AND imported_count = {rows} AND LENGTH(contents) = 0")
        )
        .await,
        1,
        "the batch ends imported, with its count, and its file deleted"
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'import.completed'"
        )
        .await,
        1
    );
    assert_eq!(
        resume_interrupted(&s.app.db, &s.app.state.keys)
            .await
            .unwrap(),
        0
    );
}
both!(
    a_large_import_stopped_part_way_carries_on_without_adding_anyone_twice,
    a_large_import_stopped_part_way_carries_on_without_adding_anyone_twice
);

fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 5]; 4] = [
        ["Name", "Email address", "Telephone", "Region", "Agreed"],
        ["Gwen Xlsx", "gwen@example.org", "", "Cymru", ""],
        ["Huw Xlsx", "", "07700 900321", "North East", ""],
        ["Ifan Xlsx", "not an email", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    // Consent as spreadsheet booleans, as Excel stores a TRUE typed into a cell.
    for r in 1..=3 {
        sheet.write_boolean(r, 4, true).unwrap();
    }
    book.save_to_buffer().unwrap()
}

async fn an_excel_workbook_imports_like_a_csv(backend: Backend) {
    let mut s = setup(backend).await;
    let batch = s.upload("members.xlsx", workbook()).await;
    let check = s.accept_guessed_columns(&batch).await;
    assert_eq!(count(&check.body, "count-rows"), 3);
    assert_eq!(count(&check.body, "count-to-add"), 2);
    let reported = problems(&check.body);
    assert_eq!(reported.len(), 1, "{reported:?}");
    assert_eq!(reported[0].0, 4);
    assert_eq!(reported[0].1, "Email address");
    assert!(
        reported[0]
            .2
            .contains("'not an email' is not an email address")
    );
    assert_eq!(s.confirm(&batch, 2).await.status, 303);
    let gwen = person_named(&s.app, "Gwen Xlsx").await;
    assert_eq!(gwen.email.as_deref(), Some("gwen@example.org"));
    assert_eq!(gwen.region(), Some(withus::register::domain::Region::Wales));
    let huw = person_named(&s.app, "Huw Xlsx").await;
    assert_eq!(huw.phone.as_deref(), Some("07700900321"));
    assert_eq!(huw.contact_method(), ContactMethod::Phone);
    assert_eq!(imported_people(&s.app).await, 2);
}
both!(
    an_excel_workbook_imports_like_a_csv,
    an_excel_workbook_imports_like_a_csv
);

/// Importing puts each person on the panel by the membership rules: their consent to the panel,
/// on the organisation's paper record, is audited like any other consent.
async fn an_import_audits_each_persons_consent(backend: Backend) {
    let mut s = setup(backend).await;
    let consents_audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'consent.given'";
    let consents_before = scalar(&s.app, consents_audited).await;
    let batch = s.upload("people.csv", csv(&good_rows(3))).await;
    s.accept_guessed_columns(&batch).await;
    assert_eq!(s.confirm(&batch, 3).await.status, 303);
    assert_eq!(imported_people(&s.app).await, 3);
    assert_eq!(scalar(&s.app, consents_audited).await, consents_before + 3);
}
both!(
    an_import_audits_each_persons_consent,
    an_import_audits_each_persons_consent
);

async fn files_that_cannot_be_imported_are_refused_with_a_way_to_fix_them(backend: Backend) {
    let mut s = setup(backend).await;
    let path = s.import_path();
    let panel = s.panel.to_string();
    type Upload<'a> = Option<(&'a str, Vec<u8>)>;
    let cases: Vec<(Upload, &str)> = vec![
        (None, "Select a spreadsheet file to upload"),
        (
            Some(("people.pdf", b"%PDF-1.7".to_vec())),
            "must be a CSV file (.csv) or an Excel workbook (.xlsx)",
        ),
        (
            Some(("people.xls", b"\xD0\xCF\x11\xE0".to_vec())),
            "save it as an Excel workbook (.xlsx) or as CSV",
        ),
        (
            Some(("people.csv", Vec::new())),
            "The selected file is empty",
        ),
        (
            Some(("people.csv", b"Jo Bloggs,jo@example.org,yes\n".to_vec())),
            "looks like a person, not headings",
        ),
        (
            Some(("people.csv", b"Name,Email\n".to_vec())),
            "has a heading row but no people",
        ),
        (
            Some(("people.xlsx", b"Name,Email\nJo,jo@example.org\n".to_vec())),
            "could not be read",
        ),
        (
            Some(("people.csv", b"Name\nJ\xF6rg\n".to_vec())),
            "save it as \"CSV UTF-8\"",
        ),
    ];
    for (file, message) in cases {
        let page = s.client.post_file(&path, &[("panel", &panel)], file).await;
        assert_eq!(page.status, 422, "{message}");
        assert!(page.title().starts_with("Error:"), "{}", page.title());
        assert!(
            unescape(&page.body).contains(message),
            "{message} not in {}",
            page.body
        );
        assert!(page.body.contains("href=\"#file\""));
    }
    // Too many people.
    let mut many = String::from("Name,Consent\n");
    for i in 0..=20_000 {
        many.push_str(&format!("P{i},yes\n"));
    }
    let page = s
        .client
        .post_file(
            &path,
            &[("panel", &panel)],
            Some(("many.csv", many.into_bytes())),
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body.contains("more than 20,000 people"),
        "{}",
        page.body
    );
    // No panel chosen.
    let page = s
        .client
        .post_file(&path, &[], Some(("people.csv", csv(&good_rows(1)))))
        .await;
    assert_eq!(page.status, 422);
    assert!(
        page.body
            .contains("Select the panel these people are joining")
    );
    // A panel of another organisation is not one of the choices.
    let council = organisation(&s.app, COUNCIL).await;
    let other_panel = {
        let mut conn = s.app.db.acquire().await.unwrap();
        register::create_panel(&mut conn.ex(), council, "Council Panel", "", false)
            .await
            .unwrap()
    };
    let page = s
        .client
        .post_file(
            &path,
            &[("panel", &other_panel.to_string())],
            Some(("people.csv", csv(&good_rows(1)))),
        )
        .await;
    assert_eq!(page.status, 422);
    assert_eq!(
        scalar(&s.app, "SELECT COUNT(*) FROM import_batches").await,
        0
    );
}
both!(
    files_that_cannot_be_imported_are_refused_with_a_way_to_fix_them,
    files_that_cannot_be_imported_are_refused_with_a_way_to_fix_them
);

async fn a_batch_belongs_to_its_organisation_only(backend: Backend) {
    let mut s = setup(backend).await;
    let batch = s.upload("people.csv", csv(&good_rows(3))).await;
    let batch_id = batch.rsplit('/').next().unwrap().to_owned();
    let council = organisation(&s.app, COUNCIL).await;
    let mut council_admin = s.app.signed_in_client(COUNCIL_ADMIN).await;
    let elsewhere = format!("/organisations/{council}/import/{batch_id}");
    assert_eq!(
        council_admin
            .get(&format!("{elsewhere}/columns"))
            .await
            .status,
        404
    );
    assert_eq!(
        council_admin
            .get(&format!("{elsewhere}/check"))
            .await
            .status,
        404
    );
    assert_eq!(
        council_admin
            .post(
                &format!("{elsewhere}/columns"),
                &[("column-name", "0"), ("column-consent", "6")]
            )
            .await
            .status,
        404
    );
    assert_eq!(
        council_admin
            .post(
                &format!("{elsewhere}/confirm"),
                &[("confirm", "yes"), ("expected", "3")]
            )
            .await
            .status,
        404
    );
    // Nor can they reach it through the owning organisation's address.
    assert_eq!(
        council_admin.get(&format!("{batch}/columns")).await.status,
        403
    );
    // Unknown and malformed batch ids are not found either.
    let unknown = format!("{}/{}/check", s.import_path(), Uuid::now_v7());
    assert_eq!(s.client.get(&unknown).await.status, 404);
    let malformed = format!("{}/not-a-batch/columns", s.import_path());
    assert_eq!(s.client.get(&malformed).await.status, 404);
    // The council's own import page lists nothing of the forum's.
    let list = council_admin
        .get(&format!("/organisations/{council}/import"))
        .await;
    assert_eq!(list.status, 200);
    assert!(!list.body.contains("people.csv"));
    assert_eq!(imported_people(&s.app).await, 0);
}
both!(
    a_batch_belongs_to_its_organisation_only,
    a_batch_belongs_to_its_organisation_only
);

const CANARY: &str = "Zebediah Canary-4d1f";

/// Every byte the database holds, as text.
async fn everything_stored(app: &TestApp) -> String {
    match &app.db {
        Db::Sqlite(pool, ..) => {
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(pool)
                .await
                .unwrap();
            let mut all = Vec::new();
            for entry in std::fs::read_dir(app.dir.path()).unwrap() {
                let path = entry.unwrap().path();
                if path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("withus.db")
                {
                    all.extend(std::fs::read(path).unwrap());
                }
            }
            String::from_utf8_lossy(&all).into_owned()
        }
        Db::Postgres(_) => {
            let mut text = String::new();
            for table in ["import_batches", "audit_log", "people"] {
                let sql = format!(
                    "SELECT COALESCE(string_agg(row_to_json(t)::text, ' '), '') FROM {table} t"
                );
                text.push_str(&strings(app, &sql).await.concat());
            }
            // JSON shows bytes in hex; read the sealed bytes as text too, in case they held plaintext.
            for contents in
                strings(app, "SELECT encode(contents, 'escape') FROM import_batches").await
            {
                text.push_str(&contents);
            }
            text
        }
    }
}

async fn the_uploaded_file_is_sealed_while_it_waits(backend: Backend) {
    let mut s = setup(backend).await;
    let mut rows = good_rows(5);
    rows[2][0] = CANARY.into();
    let batch = s.upload("people.csv", csv(&rows)).await;
    assert!(!everything_stored(&s.app).await.contains(CANARY));
    let check = s.accept_guessed_columns(&batch).await;
    assert!(
        check.body.contains(CANARY),
        "the facilitator sees their own file"
    );
    assert!(!everything_stored(&s.app).await.contains(CANARY));
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM import_batches WHERE LENGTH(contents) > 0"
        )
        .await,
        1
    );
}
both!(
    the_uploaded_file_is_sealed_while_it_waits,
    the_uploaded_file_is_sealed_while_it_waits
);

async fn an_upload_needs_the_csrf_token_and_may_be_larger_than_other_forms(backend: Backend) {
    let mut s = setup(backend).await;
    let path = s.import_path();
    s.client.get(&path).await;
    let file = || reqwest::multipart::Part::bytes(csv(&good_rows(2))).file_name("people.csv");
    let without = reqwest::multipart::Form::new()
        .text("panel", s.panel.to_string())
        .part("file", file());
    assert_eq!(s.client.post_multipart(&path, without).await.status, 403);
    let wrong = reqwest::multipart::Form::new()
        .text("csrf_token", "x".repeat(43))
        .text("panel", s.panel.to_string())
        .part("file", file());
    assert_eq!(s.client.post_multipart(&path, wrong).await.status, 403);
    // A file part named like the token does not count as the token.
    let token_as_file = reqwest::multipart::Form::new()
        .part(
            "csrf_token",
            reqwest::multipart::Part::bytes(s.client.csrf().unwrap().into_bytes())
                .file_name("token.txt"),
        )
        .text("panel", s.panel.to_string())
        .part("file", file());
    assert_eq!(
        s.client.post_multipart(&path, token_as_file).await.status,
        403
    );
    assert_eq!(
        scalar(&s.app, "SELECT COUNT(*) FROM import_batches").await,
        0
    );

    // A thousand people with a long notes column: over the usual 1 MiB limit, within the upload's.
    let mut text = format!("{HEADERS},Notes\n");
    for i in 0..1000 {
        text.push_str(&format!(
            "Person {i},person{i}@example.org,,,,,yes,{}\n",
            "n".repeat(1500)
        ));
    }
    assert!(text.len() > 1024 * 1024);
    let batch = s.upload("long.csv", text.into_bytes()).await;
    let check = s.accept_guessed_columns(&batch).await;
    assert_eq!(count(&check.body, "count-to-add"), 1000);
    // Other forms keep the usual limit.
    let huge = "a".repeat(2 * 1024 * 1024);
    let page = s
        .client
        .post(&format!("{batch}/columns"), &[("column-name", &huge)])
        .await;
    assert_eq!(page.status, 413);
}
both!(
    an_upload_needs_the_csrf_token_and_may_be_larger_than_other_forms,
    an_upload_needs_the_csrf_token_and_may_be_larger_than_other_forms
);

async fn an_upload_not_imported_within_a_week_is_deleted_and_cannot_be_imported(backend: Backend) {
    use withus::register::import::expiry;
    let mut s = setup(backend).await;
    s.upload("fresh.csv", csv(&good_rows(3))).await;
    let stale = s.upload("stale.csv", csv(&good_rows(4))).await;
    s.accept_guessed_columns(&stale).await;
    let stale_id: Uuid = stale.rsplit('/').next().unwrap().parse().unwrap();
    // The stale upload is made eight days old.
    let eight_days_ago = withus::db::now() - time::Duration::days(8);
    let age = "UPDATE import_batches SET created_at = $1 WHERE id = $2";
    match &s.app.db {
        Db::Sqlite(pool, ..) => sqlx::query(age)
            .bind(eight_days_ago)
            .bind(stale_id)
            .execute(pool)
            .await
            .map(|_| ()),
        Db::Postgres(pool) => sqlx::query(age)
            .bind(eight_days_ago)
            .bind(stale_id)
            .execute(pool)
            .await
            .map(|_| ()),
    }
    .unwrap();

    let now = withus::db::now();
    assert_eq!(expiry::sweep(&s.app.state, now).await.unwrap(), 1);
    assert_eq!(
        expiry::sweep(&s.app.state, now).await.unwrap(),
        0,
        "an expired upload is expired once"
    );
    assert_eq!(
        strings(
            &s.app,
            "SELECT status FROM import_batches ORDER BY file_name"
        )
        .await,
        vec!["uploaded", "expired"]
    );
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM import_batches WHERE LENGTH(contents) > 0"
        )
        .await,
        1,
        "only the week-old upload lost its file"
    );

    // Its pages send the facilitator back to upload again, and confirming adds no one.
    let page = s.client.get(&format!("{stale}/check")).await;
    assert_eq!(page.status, 303);
    let start = s.client.get(&s.import_path()).await;
    assert!(
        start
            .body
            .contains("deleted because it was not imported within 7 days"),
        "{}",
        start.body
    );
    assert!(start.body.contains("Deleted, not imported"));
    let confirmed = s.confirm(&stale, 4).await;
    assert_eq!(confirmed.status, 303);
    assert_eq!(imported_people(&s.app).await, 0);
    assert_eq!(
        scalar(
            &s.app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'import.expired'"
        )
        .await,
        1
    );
}
both!(
    an_upload_not_imported_within_a_week_is_deleted_and_cannot_be_imported,
    an_upload_not_imported_within_a_week_is_deleted_and_cannot_be_imported
);
