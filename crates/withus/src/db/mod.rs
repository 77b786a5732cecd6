//! Storage: one schema, two backends.
//!
//! SQLite is the embedded default and PostgreSQL the production database. sqlx's `Any` driver cannot
//! decode UUIDs, timestamps or booleans on both, so the pools sit behind an enum and each query body is
//! written once and expanded per backend by the [`on!`] macro. The SQL text is shared wherever the two
//! dialects agree (`$n` placeholders, `RETURNING`, `ON CONFLICT`).

pub mod retry;
mod url;
mod values;

use std::str::FromStr;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgConnection, Postgres, Sqlite, SqliteConnection, Transaction};

pub use url::{DatabaseUrl, DatabaseUrlError};
pub use values::{Rows, Value};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool on one of the two backends.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(sqlx::SqlitePool, WriteGate),
    Postgres(sqlx::PgPool),
}

/// SQLite has one writer at a time, and its lock is not fair: a writer that commits and begins
/// again at once (an import's next chunk) can take the lock before someone who has been waiting
/// for it wakes from the busy handler's sleep, again and again. Write transactions in this
/// process therefore queue here first, in arrival order (tokio's mutex is first come, first
/// served), so nobody waits longer than the transactions ahead of them. SQLite's own lock and busy
/// timeout still order this process against others (the command line).
#[derive(Clone, Debug, Default)]
pub struct WriteGate(std::sync::Arc<tokio::sync::Mutex<()>>);

/// How long a write waits for its turn at the gate, like SQLite's busy timeout.
const WRITE_WAIT: Duration = Duration::from_secs(10);

/// How many times a SQLite `BEGIN IMMEDIATE` is tried when each try waited out the busy timeout.
const BEGIN_ATTEMPTS: u32 = 3;

/// SQLite's "database is locked" (`SQLITE_BUSY` and its extended codes).
fn is_busy(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| code & 0xff == 5),
        _ => false,
    }
}

/// A borrowed connection (plain or inside a transaction) that repository functions run queries on.
pub enum Ex<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

/// An open transaction. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    /// The transaction and this process's turn to write, given back when the transaction ends.
    Sqlite(
        Transaction<'static, Sqlite>,
        tokio::sync::OwnedMutexGuard<()>,
    ),
    Postgres(Transaction<'static, Postgres>),
}

/// A pooled connection outside any transaction, for reads.
pub enum Conn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// Runs `$body` with `$c` bound to the backend's `&mut Connection`, once per backend arm.
/// The body is written once and type-checked against each driver.
#[macro_export]
macro_rules! on {
    ($ex:expr, $c:ident => $body:expr) => {
        match $ex {
            $crate::db::Ex::Sqlite($c) => $body,
            $crate::db::Ex::Postgres($c) => $body,
        }
    };
}

impl Db {
    /// Connects, creating the SQLite file (and its folder) if needed. Does not migrate.
    pub async fn connect(url: &DatabaseUrl) -> Result<Db, sqlx::Error> {
        match url {
            DatabaseUrl::Sqlite(raw) => {
                let options = SqliteConnectOptions::from_str(raw)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .foreign_keys(true)
                    // Erased personal data must not linger in free pages of the file.
                    .pragma("secure_delete", "ON")
                    .pragma("mmap_size", "268435456")
                    .pragma("cache_size", "-16384")
                    .busy_timeout(Duration::from_secs(10));
                if let Some(parent) = options.get_filename().parent()
                    && !parent.as_os_str().is_empty()
                {
                    std::fs::create_dir_all(parent).map_err(sqlx::Error::Io)?;
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .connect_with(options)
                    .await?;
                Ok(Db::Sqlite(pool, WriteGate::default()))
            }
            DatabaseUrl::Postgres(raw) => {
                // No JIT compilation and no parallel workers per query: both pay off for long
                // analytical queries on idle cores. Measured on the register's searches, JIT added
                // 100-200 ms of compiling to a 40 ms query, and parallel workers each rebuilt the
                // same hash table, so a count took 190 ms instead of 130 ms while the cores were
                // serving other requests anyway.
                // A random page read costs about what a sequential one does when the data is in
                // memory or on SSD; at the default 4.0 the planner read the whole people table
                // (a kilobyte a row) for a name search instead of the narrow index that holds
                // the name: 146 ms instead of 50 ms at 100,000 people.
                let options = PgConnectOptions::from_str(raw)?.options([
                    ("jit", "off"),
                    ("max_parallel_workers_per_gather", "0"),
                    ("random_page_cost", "1.1"),
                ]);
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(..) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies every pending migration. Safe to run from several instances at once on PostgreSQL
    /// (sqlx takes an advisory lock).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self {
            Db::Sqlite(pool, ..) => SQLITE_MIGRATIONS.run(pool).await,
            Db::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await,
        }
    }

    /// True when every embedded migration has been applied.
    pub async fn is_migrated(&self) -> Result<bool, sqlx::Error> {
        let expected = match self {
            Db::Sqlite(..) => SQLITE_MIGRATIONS.iter().count(),
            Db::Postgres(_) => POSTGRES_MIGRATIONS.iter().count(),
        } as i64;
        let sql = "SELECT COUNT(*) FROM _sqlx_migrations WHERE success";
        let applied: Result<i64, sqlx::Error> = match self {
            Db::Sqlite(pool, ..) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        };
        match applied {
            Ok(applied) => Ok(applied >= expected),
            // No migrations table yet: reachable but not migrated.
            Err(sqlx::Error::Database(_)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// Begins a transaction that may write.
    ///
    /// On SQLite it takes the write lock at its start (`BEGIN IMMEDIATE`). A deferred transaction
    /// reads first and asks for the lock at its first write; if another connection committed in
    /// between, SQLite refuses the upgrade with "database is locked" at once, without waiting out
    /// the busy timeout. Taking the lock first means a writer waits its turn instead, and reads on
    /// other connections carry on (WAL). Once the lock is held nothing in the transaction can be
    /// refused for contention, so retrying the `BEGIN` is retrying the whole transaction.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self {
            Db::Sqlite(pool, gate) => {
                let turn = tokio::time::timeout(WRITE_WAIT, gate.0.clone().lock_owned())
                    .await
                    .map_err(|_| sqlx::Error::PoolTimedOut)?;
                let mut attempt = 1;
                loop {
                    match pool.begin_with("BEGIN IMMEDIATE").await {
                        Ok(tx) => return Ok(Tx::Sqlite(tx, turn)),
                        Err(error) if is_busy(&error) && attempt < BEGIN_ATTEMPTS => {
                            tracing::warn!(attempt, "database busy at BEGIN; trying again");
                            tokio::time::sleep(Duration::from_millis(50 * attempt as u64)).await;
                            attempt += 1;
                        }
                        Err(error) => return Err(error),
                    }
                }
            }
            Db::Postgres(pool) => Ok(Tx::Postgres(pool.begin().await?)),
        }
    }

    pub async fn acquire(&self) -> Result<Conn, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool, ..) => Conn::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => Conn::Postgres(pool.acquire().await?),
        })
    }

    /// Fresh planner statistics after a bulk load; on PostgreSQL also a vacuum of `tables` (names
    /// fixed in code, never input), so their indexes can answer alone (index-only scans need the
    /// visibility map).
    pub async fn refresh_statistics(&self, tables: &[&'static str]) -> Result<(), sqlx::Error> {
        match self {
            Db::Sqlite(pool, ..) => sqlx::query("ANALYZE").execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "VACUUM ANALYZE {}",
                tables.join(", ")
            )))
            .execute(pool)
            .await
            .map(|_| ()),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool, ..) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub fn ex(&mut self) -> Ex<'_> {
        match self {
            Tx::Sqlite(tx, _) => Ex::Sqlite(&mut *tx),
            Tx::Postgres(tx) => Ex::Postgres(&mut *tx),
        }
    }

    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx, _turn) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }
}

impl Conn {
    pub fn ex(&mut self) -> Ex<'_> {
        match self {
            Conn::Sqlite(c) => Ex::Sqlite(&mut *c),
            Conn::Postgres(c) => Ex::Postgres(&mut *c),
        }
    }
}

impl Ex<'_> {
    /// Reborrows, so one `Ex` can serve several queries in a row.
    pub fn re(&mut self) -> Ex<'_> {
        match self {
            Ex::Sqlite(c) => Ex::Sqlite(c),
            Ex::Postgres(c) => Ex::Postgres(c),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Ex::Sqlite(_) => Backend::Sqlite,
            Ex::Postgres(_) => Backend::Postgres,
        }
    }
}

/// The current instant, truncated to whole microseconds so that it round-trips through both backends
/// unchanged (PostgreSQL keeps microseconds; hashes over stored times must match on re-read).
pub fn now() -> time::OffsetDateTime {
    let now = time::OffsetDateTime::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}
