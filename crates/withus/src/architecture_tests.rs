//! The layers of the app, as the code must obey them.
//!
//! Every top-level module has a floor; a module may import only from modules on lower floors. So
//! the platform never imports the web layer or a capability, the web layer never imports a
//! capability, and between capabilities there is one direction (events may use engagements and
//! papers, never the reverse). A loop of imports cannot pass this rule, so there is none.
//!
//! The test reads the source (`use crate::…` and `crate::…::` paths, outside test modules), so it
//! needs no other tool. Imports that break the rule today are listed in [`KNOWN_DEBT`] with what
//! should happen to them; the test fails on any other, and on any entry there that the code no
//! longer needs, so the list only shrinks.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module's floor, from the ground up. Same floor: may not import each other.
const FLOORS: &[(&str, u8)] = &[
    // Platform: storage, crypto, text, configuration, mail, audit log, notices.
    ("db", 0),
    ("ids", 0),
    ("i18n", 0),
    ("vocab", 0),
    ("security", 1),
    ("config", 2),
    ("telemetry", 3),
    ("email", 3),
    ("sms", 3),
    ("audit", 3),
    // The one door for messages to a person, in their language and format.
    ("notices", 4),
    ("state", 5),
    // Identity: who is signed in, the session lookup, roles in organisations.
    ("identity", 5),
    // Web: request context, access rules, forms, pages, errors; assets and operations endpoints.
    ("web", 6),
    ("assets", 7),
    ("ops", 7),
    // Capabilities, in the one direction they may depend on each other.
    ("accounts", 8),
    ("organisations", 9),
    ("pages", 10),
    ("register", 10),
    ("messages", 10),
    ("access_plan", 11),
    ("selection", 11),
    ("engagements", 12),
    ("papers", 13),
    // Paying people: below events and surveys, so attendance and a finished survey can make a
    // payment due in their own transaction.
    ("payments", 13),
    ("events", 14),
    ("contributions", 15),
    ("surveys", 16),
    ("recommendations", 17),
    ("accountability", 18),
    ("demo", 19),
    // Wiring: the route table, the application, the command line.
    ("routes", 20),
    ("app", 21),
    ("admin", 21),
    ("cli", 21),
    ("main", 22),
];

/// Imports against the floors that exist today: (from, to, what should happen). Remove an entry
/// when its import goes; the test says when one is no longer needed.
const KNOWN_DEBT: &[(&str, &str, &str)] = &[];

fn source_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the source folder is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a source file belongs to (`register/import/web.rs` → `register`).
fn module_of(path: &Path) -> Option<String> {
    let relative = path.strip_prefix(source_root()).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (name != "lib" && name != "architecture_tests").then(|| name.to_owned())
}

/// The code of a file without its test modules and comments: tests may reach anywhere.
fn production_code(text: &str) -> String {
    let mut code = String::new();
    // Inside a `#[cfg(test)]` item: its brace depth, once its body has opened.
    let mut skipping: Option<Option<usize>> = None;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("");
        if line.trim() == "#[cfg(test)]" {
            skipping = Some(None);
            continue;
        }
        if let Some(depth) = skipping {
            let mut depth = depth;
            for c in line.chars() {
                match c {
                    '{' => depth = Some(depth.unwrap_or(0) + 1),
                    '}' => depth = depth.map(|d| d.saturating_sub(1)),
                    _ => {}
                }
            }
            // The item ends where its braces close, or at once if it has none (`mod tests;`).
            let ended = depth == Some(0) || (depth.is_none() && line.trim_end().ends_with(';'));
            skipping = if ended { None } else { Some(depth) };
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    code
}

fn identifier_at(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The top-level modules a piece of code names: `crate::x::…`, `crate::x!` and
/// `use crate::{x::…, y, z::{…}}`.
fn modules_named(code: &str) -> BTreeSet<String> {
    let mut found = names_after(code, "crate::");
    // `crate::on!` is exported by the storage layer.
    if found.remove("on") {
        found.insert("db".into());
    }
    found
}

/// The names a piece of code reaches through `prefix`: `prefix x::…` and `prefix {x::…, y}`.
fn names_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        rest = &rest[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Names at the group's first level: after `{` and after each `,` at depth 1.
            let mut depth = 1;
            let mut expecting = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => expecting = true,
                    c if expecting && depth == 1 && (c.is_ascii_alphabetic() || c == '_') => {
                        found.insert(identifier_at(&group[i..]));
                        expecting = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = identifier_at(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Every import between top-level modules: from → the modules it names.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&source_root(), &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(from) = module_of(&file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file is readable");
        let named = modules_named(&production_code(&text));
        let targets = graph.entry(from.clone()).or_default();
        targets.extend(named.into_iter().filter(|to| *to != from));
    }
    graph
}

fn floor(module: &str) -> Option<u8> {
    FLOORS.iter().find(|(m, _)| *m == module).map(|(_, f)| *f)
}

/// Imports that are not to a lower floor.
fn breaches(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (from, targets) in graph {
        for to in targets {
            // Names that are not modules of ours (std paths written through `crate::` never occur,
            // but a macro or a re-exported item might): only modules with a floor count.
            let (Some(a), Some(b)) = (floor(from), floor(to)) else {
                continue;
            };
            if b >= a {
                out.insert((from.clone(), to.clone()));
            }
        }
    }
    out
}

/// A loop of imports among `edges`, if there is one, as the modules in order.
fn a_cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a.as_str()).or_default().push(b.as_str());
    }
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for to in next.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(to, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for start in next.keys() {
        if let Some(cycle) = visit(start, &next, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}

/// The register's folders and which of the others each one imports. The files at the top of
/// `register/` (what every folder shares) are the node `shared`; `register/mod.rs` (the route list)
/// and `register/fixtures.rs` (set-ups for tests and demo data) gather the folders and are no node.
fn register_imports() -> BTreeMap<String, BTreeSet<String>> {
    let register = source_root().join("register");
    let mut files = Vec::new();
    rust_files(&register, &mut files);
    let folder_of = |name: &str| {
        if register.join(name).is_dir() {
            name.to_owned()
        } else {
            "shared".to_owned()
        }
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file
            .strip_prefix(&register)
            .expect("a file of the register");
        let parts: Vec<&str> = relative
            .components()
            .filter_map(|c| c.as_os_str().to_str())
            .collect();
        let from = match parts.as_slice() {
            ["mod.rs" | "fixtures.rs"] => continue,
            [_file] => "shared".to_owned(),
            [folder, ..] => folder.to_string(),
            [] => continue,
        };
        let code = production_code(&std::fs::read_to_string(&file).expect("a readable file"));
        let mut named = names_after(&code, "crate::register::");
        // `super::` as many times as the file is deep in the register reaches the register itself.
        let depth = parts.len() - usize::from(parts.last() == Some(&"mod.rs"));
        named.extend(names_after(&code, &"super::".repeat(depth)));
        named.remove("super");
        let targets = graph.entry(from.clone()).or_default();
        targets.extend(
            named
                .iter()
                .map(|name| folder_of(name))
                .filter(|to| *to != from),
        );
    }
    graph
}

fn edges_of(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeSet<(String, String)> {
    graph
        .iter()
        .flat_map(|(a, bs)| bs.iter().map(move |b| (a.clone(), b.clone())))
        .collect()
}

#[test]
fn the_register_folders_import_each_other_one_way() {
    let graph = register_imports();
    assert!(
        graph.len() > 5,
        "the register's folders are found: {:?}",
        graph.keys()
    );
    assert_eq!(
        a_cycle(&edges_of(&graph)),
        None,
        "a loop of imports between the register's folders (move what both need to the shared files \
         at the top of register/, or turn the dependency round)"
    );
}

#[test]
fn a_loop_between_register_folders_is_caught() {
    let mut graph = register_imports();
    assert!(graph["record"].contains("consents"));
    graph
        .entry("consents".into())
        .or_default()
        .insert("record".into());
    assert!(a_cycle(&edges_of(&graph)).is_some());
    let code = production_code(
        "use crate::register::{record::subject, domain};\nuse super::super::panels;\n",
    );
    assert_eq!(
        names_after(&code, "crate::register::")
            .into_iter()
            .collect::<Vec<_>>(),
        ["domain", "record"]
    );
}

#[test]
fn every_top_level_module_has_a_floor() {
    let graph = imports();
    let mut unplaced: Vec<&String> = graph.keys().filter(|m| floor(m).is_none()).collect();
    unplaced.retain(|m| !["lib"].contains(&m.as_str()));
    assert!(
        unplaced.is_empty(),
        "give these modules a floor in FLOORS (docs/architecture.md says which layer is which): {unplaced:?}"
    );
}

#[test]
fn imports_only_go_down_the_floors() {
    let graph = imports();
    let found = breaches(&graph);
    let known: BTreeSet<(String, String)> = KNOWN_DEBT
        .iter()
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    let new: Vec<String> = found
        .difference(&known)
        .map(|(a, b)| format!("{a} imports {b} (floor {:?} → {:?})", floor(a), floor(b)))
        .collect();
    assert!(
        new.is_empty(),
        "imports against the layers (import only from lower floors; see docs/architecture.md):\n{}",
        new.join("\n")
    );
    let paid: Vec<String> = known
        .difference(&found)
        .map(|(a, b)| format!("{a} → {b}"))
        .collect();
    assert!(
        paid.is_empty(),
        "these imports are gone: remove them from KNOWN_DEBT\n{}",
        paid.join("\n")
    );
}

#[test]
fn no_new_import_loop() {
    let graph = imports();
    let known: BTreeSet<(String, String)> = KNOWN_DEBT
        .iter()
        .map(|(a, b, _)| (a.to_string(), b.to_string()))
        .collect();
    let edges: BTreeSet<(String, String)> = graph
        .iter()
        .flat_map(|(a, bs)| bs.iter().map(move |b| (a.clone(), b.clone())))
        .filter(|edge| floor(&edge.0).is_some() && floor(&edge.1).is_some())
        .filter(|edge| !known.contains(edge))
        .collect();
    assert_eq!(a_cycle(&edges), None, "a loop of imports between modules");
}

#[test]
fn the_reader_finds_every_form_of_import() {
    let code = production_code(
        "use crate::db::Db;\nuse crate::{web::{forms, Page}, events, register::storage};\n\
         fn f() { crate::on!(x, c => c); crate::papers::list(); }\n\
         // crate::demo in a comment\n#[cfg(test)]\nmod tests {\n    use crate::selection;\n}\n\
         fn after_the_tests() { crate::access_plan::x(); }\n#[cfg(test)]\nmod more;\nuse crate::ops;\n",
    );
    let named: Vec<String> = modules_named(&code).into_iter().collect();
    assert_eq!(
        named,
        [
            "access_plan",
            "db",
            "events",
            "ops",
            "papers",
            "register",
            "web"
        ]
    );
}

#[test]
fn an_upward_import_and_a_loop_are_caught() {
    let mut graph = imports();
    // The storage layer importing a capability is a breach…
    graph
        .entry("db".into())
        .or_default()
        .insert("register".into());
    assert!(breaches(&graph).contains(&("db".to_owned(), "register".to_owned())));
    // …and so is each edge of a loop between capabilities.
    graph
        .entry("accounts".into())
        .or_default()
        .insert("events".into());
    let loop_edges: BTreeSet<(String, String)> = [("events", "accounts"), ("accounts", "events")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert!(a_cycle(&loop_edges).is_some());
    assert!(breaches(&graph).contains(&("accounts".to_owned(), "events".to_owned())));
}

// --- SQL stays in storage, and storage stays in its capability -------------------------------------

/// Files outside a storage module that still hold SQL, each to move behind a command or read model.
const SQL_OUTSIDE_STORAGE: &[&str] = &[];

/// Storage whose functions other capabilities can still call (a public `storage` module with `pub`
/// functions), each to offer commands and read models instead.
const OPEN_STORAGE: &[&str] = &[];

fn relative(path: &Path) -> String {
    path.strip_prefix(source_root())
        .expect("inside the source folder")
        .to_string_lossy()
        .replace('\\', "/")
}

/// Whether a file is where SQL belongs: a capability's storage, or the platform's own tables.
fn may_hold_sql(relative: &str) -> bool {
    relative.ends_with("storage.rs")
        || relative.contains("/storage/")
        || relative.starts_with("db/")
        || relative == "email/outbox.rs"
        || relative == "architecture_tests.rs"
}

/// Whether production code runs SQL: a query call or the dialect macro `on!`.
fn holds_sql(code: &str) -> bool {
    code.contains("sqlx::query")
        || code.contains("query_as")
        || code.contains("query_scalar")
        || code.match_indices("on!(").any(|(at, _)| {
            at == 0 || !code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
        })
}

fn shrinking_list_check(found: BTreeSet<String>, known: &[&str], what: &str, fix: &str) {
    let known: BTreeSet<String> = known.iter().map(|s| s.to_string()).collect();
    let new: Vec<&String> = found.difference(&known).collect();
    assert!(new.is_empty(), "{what}: {new:?}\n{fix}");
    let gone: Vec<&String> = known.difference(&found).collect();
    assert!(
        gone.is_empty(),
        "these files are fixed: remove them from the list in architecture_tests.rs: {gone:?}"
    );
}

fn files_where(test: impl Fn(&str, &str) -> bool) -> BTreeSet<String> {
    let mut files = Vec::new();
    rust_files(&source_root(), &mut files);
    files
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "tests.rs"))
        .filter_map(|f| {
            let text = std::fs::read_to_string(&f).expect("a source file is readable");
            let rel = relative(&f);
            test(&rel, &production_code(&text)).then_some(rel)
        })
        .collect()
}

#[test]
fn sql_lives_only_in_storage_modules() {
    let found = files_where(|rel, code| !may_hold_sql(rel) && holds_sql(code));
    shrinking_list_check(
        found,
        SQL_OUTSIDE_STORAGE,
        "SQL outside a storage module",
        "move it into the capability's storage.rs and call it through a command or read model",
    );
}

/// Whether a line declares a module-level function anyone in the crate can call (methods of the
/// row types are not storage functions).
fn declares_open_function(line: &str) -> bool {
    [
        "pub fn ",
        "pub async fn ",
        "pub(crate) fn ",
        "pub(crate) async fn ",
    ]
    .iter()
    .any(|start| line.starts_with(start))
}

/// Whether the module that declares this storage file makes it reachable from outside.
fn declared_open(relative: &str) -> bool {
    let folder = relative.trim_end_matches("storage.rs");
    let parent = source_root().join(folder).join("mod.rs");
    std::fs::read_to_string(parent).is_ok_and(|text| {
        production_code(&text).lines().any(|line| {
            let line = line.trim();
            line.starts_with("pub mod storage") || line.starts_with("pub(crate) mod storage")
        })
    })
}

#[test]
fn storage_functions_are_private_to_their_capability() {
    let found = files_where(|rel, code| {
        rel.ends_with("storage.rs")
            && declared_open(rel)
            && code.lines().any(declares_open_function)
    });
    shrinking_list_check(
        found,
        OPEN_STORAGE,
        "storage functions other capabilities can call",
        "make them pub(super) or pub(in crate::<capability>) and offer commands or read models instead",
    );
}

/// The capabilities whose fixtures (direct writes that skip the rules and the audit log) this code
/// names, other than its own.
fn fixtures_named(own: &str, code: &str) -> BTreeSet<String> {
    code.match_indices("::fixtures")
        .filter_map(|(at, _)| {
            let before = &code[..at];
            let start = before
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(0, |i| i + 1);
            let mut path = before[start..].split("::");
            let capability = match path.next()? {
                "super" | "self" => return None,
                "crate" => path.next()?,
                first => first,
            };
            (!capability.is_empty() && capability != own).then(|| capability.to_owned())
        })
        .collect()
}

/// Fixtures write rows directly, for demo data and the tests only: request handling and the other
/// capabilities go through commands, so the rules and the audit log cannot be skipped.
#[test]
fn only_demo_data_uses_another_capabilitys_fixtures() {
    let found = files_where(|rel, code| {
        let own = rel.split('/').next().unwrap_or("").trim_end_matches(".rs");
        let demo_data = own == "demo" || rel.ends_with("/demo.rs");
        !demo_data && own != "architecture_tests" && !fixtures_named(own, code).is_empty()
    });
    assert!(
        found.is_empty(),
        "these files use another capability's fixtures; call its commands or read models: {found:?}"
    );
}

#[test]
fn the_fixtures_reader_sees_other_capabilities_only() {
    assert_eq!(
        fixtures_named("admin", "use crate::accounts::fixtures as a;"),
        BTreeSet::from(["accounts".to_owned()])
    );
    assert!(fixtures_named("register", "use crate::register::fixtures::x;").is_empty());
    assert!(fixtures_named("register", "use super::fixtures::x;").is_empty());
    assert!(fixtures_named("register", "pub use super::consents::fixtures::x;").is_empty());
    assert_eq!(
        fixtures_named("papers", "events::fixtures::book(ex)"),
        BTreeSet::from(["events".to_owned()])
    );
    assert!(fixtures_named("web", "let f = fixtures.json;").is_empty());
}

#[test]
fn the_sql_reader_sees_queries_and_the_dialect_macro() {
    assert!(holds_sql("let x = sqlx::query(\"SELECT 1\");"));
    assert!(holds_sql("crate::on!(ex, c => c)"));
    assert!(holds_sql("on!(ex, c => c)"));
    assert!(!holds_sql("let v = serde_json::json!({ \"a\": 1 });"));
    assert!(!holds_sql("let on = 1;"));
    assert!(may_hold_sql("events/storage.rs"));
    assert!(may_hold_sql("register/panels/storage/membership.rs"));
    assert!(!may_hold_sql("events/plan.rs"));
    assert!(declares_open_function("pub async fn find(ex: &mut Ex<'_>)"));
    assert!(declares_open_function("pub(crate) fn seal()"));
    assert!(!declares_open_function(
        "    pub fn status(&self) -> Status {"
    ));
    assert!(!declares_open_function("pub(super) async fn find()"));
    assert!(!declares_open_function(
        "pub(in crate::events) async fn find()"
    ));
}

/// Whether `code` names `word` as a whole identifier (not part of a longer one).
fn names_word(code: &str, word: &str) -> bool {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// The outbox is reached only through the notices door, which writes every message in the
/// person's language and format: no other module queues an email itself.
#[test]
fn only_the_notices_door_queues_email() {
    let mut files = Vec::new();
    rust_files(&source_root(), &mut files);
    let mut callers = Vec::new();
    for file in files {
        if file.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let Some(module) = module_of(&file) else {
            continue;
        };
        if module == "email" || module == "sms" || module == "notices" {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a source file is readable");
        let code = production_code(&text);
        if names_word(&code, "enqueue") || names_word(&code, "enqueue_with") {
            callers.push(file.display().to_string());
        }
    }
    assert!(
        callers.is_empty(),
        "send messages to people through crate::notices, not the outbox:\n{}",
        callers.join("\n")
    );
}

#[test]
fn the_outbox_check_finds_a_call_and_ignores_longer_names() {
    assert!(names_word("email::enqueue(&mut ex, m)", "enqueue"));
    assert!(names_word(
        "use crate::email::{enqueue_with, X};",
        "enqueue_with"
    ));
    assert!(!names_word("fn enqueue_later() {}", "enqueue"));
    assert!(!names_word("requeue(x)", "enqueue"));
}
