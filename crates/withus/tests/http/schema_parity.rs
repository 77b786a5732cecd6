//! The two migration folders must build the same schema. This test migrates a fresh SQLite database
//! and a fresh PostgreSQL database and compares them table by table: columns (type, nullability,
//! default), primary keys, unique constraints, foreign keys and named indexes.
//!
//! Column types are compared through [`sqlite_type_for`], which says how each PostgreSQL type is
//! written in SQLite. Anything that still differs on purpose goes in [`ALLOWED_DIFFERENCES`], with the
//! reason; an entry that no longer matches a difference fails the test too, so the list stays true.

use std::collections::{BTreeMap, BTreeSet};

use withus::db::{DatabaseUrl, Db};

use crate::helpers::{Backend, fresh_database_url};

/// Differences between the two schemas that are intended, each exactly as the test words it, with
/// the reason. Keep this list short: a difference that is a mistake is fixed with a new migration
/// in both folders instead.
const ALLOWED_DIFFERENCES: &[(&str, &str)] = &[];

/// How a column of each PostgreSQL type is declared in SQLite (the types the migrations use).
fn sqlite_type_for(postgres_type: &str) -> Option<&'static str> {
    Some(match postgres_type {
        // UUIDv7 ids are 16-byte blobs in SQLite.
        "uuid" => "BLOB",
        "bytea" => "BLOB",
        "text" => "TEXT",
        // Instants are RFC 3339 text in SQLite; dates are ISO 8601 text.
        "timestamp with time zone" => "TEXT",
        "date" => "TEXT",
        // SQLite has one integer type (64-bit) and stores booleans as 0 and 1.
        "boolean" => "INTEGER",
        "smallint" | "integer" | "bigint" => "INTEGER",
        _ => return None,
    })
}

#[derive(Debug, Default)]
struct Table {
    columns: BTreeMap<String, Column>,
    primary_key: Vec<String>,
    unique_constraints: BTreeSet<Vec<String>>,
    foreign_keys: BTreeSet<ForeignKey>,
    /// Indexes made with `CREATE [UNIQUE] INDEX`, by name (not those behind a key or constraint).
    indexes: BTreeMap<String, Index>,
}

#[derive(Debug)]
struct Column {
    /// As declared in SQLite, or as SQLite would declare the PostgreSQL type.
    sqlite_type: String,
    /// The type as the database itself names it, for messages.
    declared_type: String,
    not_null: bool,
    /// Normalised by [`normalise_default`].
    default: Option<String>,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ForeignKey {
    columns: Vec<String>,
    references_table: String,
    references_columns: Vec<String>,
    on_delete: String,
    on_update: String,
}

#[derive(Debug, PartialEq, Eq)]
struct Index {
    /// Key columns, then (PostgreSQL) `INCLUDE` columns: SQLite has no `INCLUDE`, so a covering
    /// index there lists the same columns as trailing key columns.
    columns: Vec<String>,
    unique: bool,
    /// Has a `WHERE` clause.
    partial: bool,
}

type Schema = BTreeMap<String, Table>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_migrations_build_the_same_schema() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = migrated(Backend::Sqlite, &dir).await;
    let postgres = migrated(Backend::Postgres, &dir).await;
    let Db::Sqlite(sqlite_pool, _) = &sqlite else {
        unreachable!()
    };
    let Db::Postgres(postgres_pool) = &postgres else {
        unreachable!()
    };
    let sqlite_schema = read_sqlite(sqlite_pool).await;
    let postgres_schema = read_postgres(postgres_pool).await;
    assert!(
        sqlite_schema.contains_key("import_batches") && postgres_schema.contains_key("people"),
        "the schema reader found no tables"
    );

    let differences = compare(&sqlite_schema, &postgres_schema);
    let unexpected: Vec<&String> = differences
        .iter()
        .filter(|found| {
            !ALLOWED_DIFFERENCES
                .iter()
                .any(|(allowed, _)| allowed == found)
        })
        .collect();
    let stale: Vec<&str> = ALLOWED_DIFFERENCES
        .iter()
        .map(|(allowed, _)| *allowed)
        .filter(|allowed| !differences.iter().any(|found| found == allowed))
        .collect();
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "The SQLite and PostgreSQL migrations build different schemas.\n\
         Add a migration to both folders so they agree (see crates/withus/migrations/README.md), \
         or, if a difference is intended, add it to ALLOWED_DIFFERENCES in \
         tests/http/schema_parity.rs with the reason.\n\n\
         Differences:\n{}\n\nALLOWED_DIFFERENCES entries that no longer occur:\n{}\n",
        bullet_list(unexpected.iter().map(|s| s.as_str())),
        bullet_list(stale.iter().copied()),
    );
}

fn bullet_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let lines: Vec<String> = items.map(|item| format!("  - {item}")).collect();
    if lines.is_empty() {
        "  (none)".to_owned()
    } else {
        lines.join("\n")
    }
}

async fn migrated(backend: Backend, dir: &tempfile::TempDir) -> Db {
    let url = fresh_database_url(backend, dir).await;
    let db = Db::connect(&DatabaseUrl::parse(&url).unwrap())
        .await
        .unwrap();
    db.migrate().await.unwrap();
    db
}

/// Every difference, one line each, naming the table (and column or index) it is in.
fn compare(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut out = Vec::new();
    for name in sqlite.keys().filter(|name| !postgres.contains_key(*name)) {
        out.push(format!("table {name}: only in SQLite"));
    }
    for name in postgres.keys().filter(|name| !sqlite.contains_key(*name)) {
        out.push(format!("table {name}: only in PostgreSQL"));
    }
    for (name, s) in sqlite {
        let Some(p) = postgres.get(name) else {
            continue;
        };
        compare_columns(name, s, p, &mut out);
        if s.primary_key != p.primary_key {
            out.push(format!(
                "table {name}: primary key ({}) in SQLite, ({}) in PostgreSQL",
                s.primary_key.join(", "),
                p.primary_key.join(", ")
            ));
        }
        for unique in s.unique_constraints.difference(&p.unique_constraints) {
            out.push(format!(
                "table {name}: unique constraint ({}) only in SQLite",
                unique.join(", ")
            ));
        }
        for unique in p.unique_constraints.difference(&s.unique_constraints) {
            out.push(format!(
                "table {name}: unique constraint ({}) only in PostgreSQL",
                unique.join(", ")
            ));
        }
        for key in s.foreign_keys.difference(&p.foreign_keys) {
            out.push(format!(
                "table {name}: foreign key {} only in SQLite",
                describe(key)
            ));
        }
        for key in p.foreign_keys.difference(&s.foreign_keys) {
            out.push(format!(
                "table {name}: foreign key {} only in PostgreSQL",
                describe(key)
            ));
        }
        compare_indexes(name, s, p, &mut out);
    }
    out
}

fn compare_columns(table: &str, s: &Table, p: &Table, out: &mut Vec<String>) {
    for column in s.columns.keys().filter(|c| !p.columns.contains_key(*c)) {
        out.push(format!("column {table}.{column}: only in SQLite"));
    }
    for column in p.columns.keys().filter(|c| !s.columns.contains_key(*c)) {
        out.push(format!("column {table}.{column}: only in PostgreSQL"));
    }
    for (name, sc) in &s.columns {
        let Some(pc) = p.columns.get(name) else {
            continue;
        };
        if sc.sqlite_type != pc.sqlite_type {
            out.push(format!(
                "column {table}.{name}: type {} in SQLite, {} in PostgreSQL (which SQLite writes {})",
                sc.declared_type, pc.declared_type, pc.sqlite_type
            ));
        }
        if sc.not_null != pc.not_null {
            let says = |not_null: bool| if not_null { "NOT NULL" } else { "nullable" };
            out.push(format!(
                "column {table}.{name}: {} in SQLite, {} in PostgreSQL",
                says(sc.not_null),
                says(pc.not_null)
            ));
        }
        if sc.default != pc.default {
            let says = |default: &Option<String>| match default {
                Some(value) => format!("default {value}"),
                None => "no default".to_owned(),
            };
            out.push(format!(
                "column {table}.{name}: {} in SQLite, {} in PostgreSQL",
                says(&sc.default),
                says(&pc.default)
            ));
        }
    }
}

fn compare_indexes(table: &str, s: &Table, p: &Table, out: &mut Vec<String>) {
    for index in s.indexes.keys().filter(|i| !p.indexes.contains_key(*i)) {
        out.push(format!("index {index} on {table}: only in SQLite"));
    }
    for index in p.indexes.keys().filter(|i| !s.indexes.contains_key(*i)) {
        out.push(format!("index {index} on {table}: only in PostgreSQL"));
    }
    for (name, si) in &s.indexes {
        let Some(pi) = p.indexes.get(name) else {
            continue;
        };
        if si != pi {
            let says = |i: &Index| {
                format!(
                    "{}({}){}",
                    if i.unique { "UNIQUE " } else { "" },
                    i.columns.join(", "),
                    if i.partial { " WHERE …" } else { "" }
                )
            };
            out.push(format!(
                "index {name} on {table}: {} in SQLite, {} in PostgreSQL",
                says(si),
                says(pi)
            ));
        }
    }
}

fn describe(key: &ForeignKey) -> String {
    format!(
        "({}) REFERENCES {} ({}) ON DELETE {} ON UPDATE {}",
        key.columns.join(", "),
        key.references_table,
        key.references_columns.join(", "),
        key.on_delete,
        key.on_update
    )
}

/// One spelling for defaults that mean the same: PostgreSQL's casts (`'en'::text`) and parentheses
/// go, keywords are lower case, booleans are 0 and 1, a quoted number is the number, and the current
/// time is `current_timestamp` (PostgreSQL shows it as `now()`).
fn normalise_default(raw: &str) -> String {
    let casts = regex::Regex::new(r"::[a-z_]+( [a-z_]+)*(\[\])?").unwrap();
    let mut value = casts.replace_all(raw.trim(), "").trim().to_owned();
    while value.starts_with('(') && value.ends_with(')') && balanced(&value[1..value.len() - 1]) {
        value = value[1..value.len() - 1].trim().to_owned();
    }
    if !value.starts_with('\'') {
        value = value.to_lowercase();
    }
    match value.as_str() {
        "true" => return "1".into(),
        "false" => return "0".into(),
        "now()" | "current_timestamp" | "current_timestamp()" | "transaction_timestamp()" => {
            return "current_timestamp".into();
        }
        _ => {}
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\''))
        && inner.parse::<i64>().is_ok()
    {
        return inner.to_owned();
    }
    value
}

fn balanced(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// SQLite's `ON DELETE` / `ON UPDATE` words, which PostgreSQL's one-letter codes are mapped to.
fn postgres_action(code: &str) -> String {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => other,
    }
    .to_owned()
}

async fn read_sqlite(pool: &sqlx::SqlitePool) -> Schema {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut schema = Schema::new();
    for name in names {
        let mut table = Table::default();

        let columns: Vec<(String, String, bool, Option<String>, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        let mut primary_key: Vec<(i64, String)> = Vec::new();
        for (column, declared, not_null, default, pk) in columns {
            if pk > 0 {
                primary_key.push((pk, column.clone()));
            }
            table.columns.insert(
                column,
                Column {
                    sqlite_type: declared.to_uppercase(),
                    declared_type: declared,
                    not_null,
                    default: default.as_deref().map(normalise_default),
                },
            );
        }
        primary_key.sort();
        table.primary_key = primary_key.into_iter().map(|(_, c)| c).collect();

        let indexes: Vec<(String, bool, String, bool)> = sqlx::query_as(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1) ORDER BY name",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        for (index, unique, origin, partial) in indexes {
            let columns: Vec<Option<String>> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(pool)
                    .await
                    .unwrap();
            let columns: Vec<String> = columns
                .into_iter()
                .map(|c| c.unwrap_or_else(|| "(expression)".into()))
                .collect();
            match origin.as_str() {
                // The primary key's own index: compared as the primary key.
                "pk" => {}
                "u" => {
                    table.unique_constraints.insert(columns);
                }
                _ => {
                    table.indexes.insert(
                        index,
                        Index {
                            columns,
                            unique,
                            partial,
                        },
                    );
                }
            }
        }

        let keys: Vec<(i64, String, String, Option<String>, String, String)> = sqlx::query_as(
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete \
             FROM pragma_foreign_key_list(?1) ORDER BY id, seq",
        )
        .bind(&name)
        .fetch_all(pool)
        .await
        .unwrap();
        let mut by_id: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for (id, references_table, from, to, on_update, on_delete) in keys {
            let key = by_id.entry(id).or_insert_with(|| ForeignKey {
                columns: Vec::new(),
                references_table,
                references_columns: Vec::new(),
                on_delete,
                on_update,
            });
            key.columns.push(from);
            // `REFERENCES t` without columns means t's primary key; filled in below.
            key.references_columns.extend(to);
        }
        table.foreign_keys = by_id.into_values().collect();
        schema.insert(name, table);
    }

    // Foreign keys written without the referenced columns point at the primary key.
    let primary_keys: BTreeMap<String, Vec<String>> = schema
        .iter()
        .map(|(name, table)| (name.clone(), table.primary_key.clone()))
        .collect();
    for table in schema.values_mut() {
        table.foreign_keys = std::mem::take(&mut table.foreign_keys)
            .into_iter()
            .map(|mut key| {
                if key.references_columns.is_empty() {
                    key.references_columns = primary_keys
                        .get(&key.references_table)
                        .cloned()
                        .unwrap_or_default();
                }
                key
            })
            .collect();
    }
    schema
}

async fn read_postgres(pool: &sqlx::PgPool) -> Schema {
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
         AND table_name <> '_sqlx_migrations' ORDER BY table_name",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let mut schema: Schema = names
        .into_iter()
        .map(|name| (name, Table::default()))
        .collect();

    let columns: Vec<(String, String, String, bool, Option<String>)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable = 'NO', \
         column_default::text FROM information_schema.columns WHERE table_schema = 'public' \
         ORDER BY table_name, ordinal_position",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, declared, not_null, default) in columns {
        let Some(table) = schema.get_mut(&table) else {
            continue;
        };
        table.columns.insert(
            column,
            Column {
                sqlite_type: sqlite_type_for(&declared)
                    .map(str::to_owned)
                    .unwrap_or_else(|| {
                        format!("(no SQLite type for {declared} in sqlite_type_for)")
                    }),
                declared_type: declared,
                not_null,
                default: default.as_deref().map(normalise_default),
            },
        );
    }

    type ConstraintRow = (
        String,
        String,
        Vec<String>,
        Option<String>,
        Vec<String>,
        String,
        String,
    );
    let constraints: Vec<ConstraintRow> = sqlx::query_as(
        "SELECT t.relname::text, c.contype::text, \
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n) \
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n), \
           r.relname::text, \
           ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n) \
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n), \
           c.confdeltype::text, c.confupdtype::text \
         FROM pg_constraint c \
         JOIN pg_class t ON t.oid = c.conrelid \
         JOIN pg_namespace ns ON ns.oid = t.relnamespace \
         LEFT JOIN pg_class r ON r.oid = c.confrelid \
         WHERE ns.nspname = 'public' AND c.contype IN ('p', 'u', 'f')",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, kind, columns, references_table, references_columns, on_delete, on_update) in
        constraints
    {
        let Some(table) = schema.get_mut(&table) else {
            continue;
        };
        match kind.as_str() {
            "p" => table.primary_key = columns,
            "u" => {
                table.unique_constraints.insert(columns);
            }
            _ => {
                table.foreign_keys.insert(ForeignKey {
                    columns,
                    references_table: references_table.unwrap_or_default(),
                    references_columns,
                    on_delete: postgres_action(&on_delete),
                    on_update: postgres_action(&on_update),
                });
            }
        }
    }

    let indexes: Vec<(String, String, bool, bool, Vec<String>)> = sqlx::query_as(
        "SELECT t.relname::text, i.relname::text, x.indisunique, x.indpred IS NOT NULL, \
           ARRAY(SELECT pg_get_indexdef(x.indexrelid, n, true) \
                 FROM generate_series(1, x.indnatts::int) AS n ORDER BY n) \
         FROM pg_index x \
         JOIN pg_class i ON i.oid = x.indexrelid \
         JOIN pg_class t ON t.oid = x.indrelid \
         JOIN pg_namespace ns ON ns.oid = t.relnamespace \
         WHERE ns.nspname = 'public' AND NOT EXISTS ( \
           SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u'))",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, index, unique, partial, columns) in indexes {
        let Some(table) = schema.get_mut(&table) else {
            continue;
        };
        table.indexes.insert(
            index,
            Index {
                columns,
                unique,
                partial,
            },
        );
    }
    schema
}

#[test]
fn defaults_are_normalised() {
    for (sqlite, postgres) in [
        ("'en'", "'en'::text"),
        ("0", "false"),
        ("1", "true"),
        ("0", "0"),
        ("'0'", "0"),
        ("''", "''::text"),
        ("CURRENT_TIMESTAMP", "now()"),
        ("-1", "'-1'::integer"),
        ("(-1)", "'-1'::bigint"),
    ] {
        assert_eq!(
            normalise_default(sqlite),
            normalise_default(postgres),
            "{sqlite} and {postgres}"
        );
    }
    assert_ne!(normalise_default("'a'"), normalise_default("'A'::text"));
}
