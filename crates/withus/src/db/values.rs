//! Values for SQL built at run time (search filters, multi-row inserts): each carries its own type,
//! so a NULL is sent as the column's type on PostgreSQL, and [`bind_all!`] binds them in order.

use time::OffsetDateTime;
use uuid::Uuid;

use super::Ex;
use crate::on;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Uuid(Uuid),
    OptUuid(Option<Uuid>),
    Text(String),
    OptText(Option<String>),
    OptBytes(Option<Vec<u8>>),
    Time(OffsetDateTime),
    OptTime(Option<OffsetDateTime>),
    Int(i64),
}

/// Binds every [`Value`] of a slice onto a `sqlx::query`, in order (`$1`, `$2`, …).
#[macro_export]
macro_rules! bind_all {
    ($query:expr, $values:expr) => {{
        let mut query = $query;
        for value in $values {
            query = match value {
                $crate::db::Value::Uuid(v) => query.bind(*v),
                $crate::db::Value::OptUuid(v) => query.bind(*v),
                $crate::db::Value::Text(v) => query.bind(v.as_str()),
                $crate::db::Value::OptText(v) => query.bind(v.as_deref()),
                $crate::db::Value::OptBytes(v) => query.bind(v.as_deref()),
                $crate::db::Value::Time(v) => query.bind(*v),
                $crate::db::Value::OptTime(v) => query.bind(*v),
                $crate::db::Value::Int(v) => query.bind(*v),
            };
        }
        query
    }};
}

/// Most parameters one statement carries: far below SQLite's 32,766 and PostgreSQL's 65,535 limits;
/// larger statements were no faster to insert and slower to parse.
const MAX_PARAMETERS: usize = 4_000;

/// Rows for one table, inserted with multi-row `INSERT … VALUES (…), (…)` statements.
pub struct Rows {
    table: &'static str,
    columns: &'static [&'static str],
    values: Vec<Value>,
}

impl Rows {
    pub fn new(table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            table,
            columns,
            values: Vec::new(),
        }
    }

    /// Adds one row; it must have a value for every column, in order.
    pub fn push(&mut self, row: impl IntoIterator<Item = Value>) {
        let before = self.values.len();
        self.values.extend(row);
        assert_eq!(
            self.values.len() - before,
            self.columns.len(),
            "a row for {} needs {} values",
            self.table,
            self.columns.len()
        );
    }

    pub fn len(&self) -> usize {
        self.values.len() / self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Inserts every row, as few statements as the parameter limit allows.
    pub async fn insert(&self, ex: &mut Ex<'_>) -> Result<(), sqlx::Error> {
        let width = self.columns.len();
        let per_statement = (MAX_PARAMETERS / width).max(1);
        for chunk in self.values.chunks(per_statement * width) {
            let sql = insert_sql(self.table, self.columns, chunk.len() / width);
            on!(ex.re(), c => bind_all!(sqlx::query(sqlx::AssertSqlSafe(sql.clone())), chunk)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
        }
        Ok(())
    }
}

fn insert_sql(table: &str, columns: &[&str], rows: usize) -> String {
    let width = columns.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..width {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", row * width + column + 1));
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_run_on_across_rows() {
        assert_eq!(
            insert_sql("t", &["a", "b"], 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }

    #[test]
    #[should_panic(expected = "needs 2 values")]
    fn a_short_row_is_refused() {
        let mut rows = Rows::new("t", &["a", "b"]);
        rows.push([Value::Int(1)]);
    }
}
