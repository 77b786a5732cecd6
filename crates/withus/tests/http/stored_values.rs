//! The database refuses a value that is not one of the app's known names for a stored list, on both
//! backends (CHECK constraints in PostgreSQL, triggers in SQLite), on insert and on update.

use withus::db::Db;

use crate::both;
use crate::helpers::{Backend, spawn_app};

async fn try_execute(db: &Db, sql: &'static str) -> Result<(), sqlx::Error> {
    match db {
        Db::Sqlite(pool, ..) => sqlx::query(sql).execute(pool).await.map(|_| ()),
        Db::Postgres(pool) => sqlx::query(sql).execute(pool).await.map(|_| ()),
    }
}

async fn unknown_stored_values_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let members = "SELECT COUNT(*) FROM memberships WHERE role = 'owner'";

    // An unknown role, organisation kind or booking status is refused on update...
    for sql in [
        "UPDATE memberships SET role = 'owner'",
        "UPDATE organisations SET kind = 'charity'",
        "UPDATE panel_memberships SET status = 'gone'",
        "UPDATE accounts SET language = 'fr'",
    ] {
        assert!(try_execute(&app.db, sql).await.is_err(), "{sql} is refused");
    }
    assert_eq!(app.scalar_i64(members).await, 0);

    // ...and on insert.
    let insert = match backend {
        Backend::Sqlite => {
            "INSERT INTO organisations (id, name, kind, created_at) \
             VALUES (x'0190000000007000800000000000beef', 'Somewhere', 'charity', '2026-01-01T00:00:00Z')"
        }
        Backend::Postgres => {
            "INSERT INTO organisations (id, name, kind, created_at) \
             VALUES ('01900000-0000-7000-8000-00000000beef', 'Somewhere', 'charity', now())"
        }
    };
    assert!(
        try_execute(&app.db, insert).await.is_err(),
        "{insert} is refused"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM organisations WHERE name = 'Somewhere'")
            .await,
        0
    );

    // A known value is still accepted.
    try_execute(
        &app.db,
        "UPDATE organisations SET kind = 'other' WHERE kind = 'other'",
    )
    .await
    .unwrap();
    try_execute(
        &app.db,
        "UPDATE memberships SET role = 'auditor' WHERE role = 'auditor'",
    )
    .await
    .unwrap();
}
both!(
    unknown_stored_values_are_refused,
    unknown_stored_values_are_refused
);
