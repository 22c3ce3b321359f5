//! Reads that every page makes (its session, the space, its members, the new events of a
//! stream), with one code path per backend and one decoder per row type.
//!
//! On SQLite they run on a reading connection of our own, inline on the caller's thread: such a
//! read is a few microseconds of work in the page cache, and the async driver's hand-off to a
//! worker thread and back costs more than that, twice over, in context switches (measured with
//! `perf` under `scripts/bench`: they were most of a page's time). On PostgreSQL the query
//! crosses the network anyway, and goes through the pool.

use crate::row::Columns;
use crate::sqlite::Readers;
use crate::{Store, StoreError};

/// A value bound to `$1`, `$2`, … in order.
pub(crate) enum Arg {
    Text(String),
    Int(i64),
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl rusqlite::ToSql for Arg {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        match self {
            Arg::Text(text) => text.to_sql(),
            Arg::Int(n) => n.to_sql(),
        }
    }
}

impl Store {
    /// Every row `sql` answers with, decoded.
    pub(crate) async fn fetch_all<T>(
        &self,
        sql: &'static str,
        args: Vec<Arg>,
        decode: impl Fn(&dyn Columns) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        if let Some(readers) = &self.inner.readers {
            return readers.fetch_all(sql, &args, decode);
        }
        let mut query = sqlx::query(sql);
        for arg in args {
            query = match arg {
                Arg::Text(text) => query.bind(text),
                Arg::Int(n) => query.bind(n),
            };
        }
        query
            .fetch_all(&self.inner.pool)
            .await?
            .iter()
            .map(|row| decode(row))
            .collect()
    }

    /// The first row `sql` answers with, decoded, if there is one.
    pub(crate) async fn fetch_optional<T>(
        &self,
        sql: &'static str,
        args: Vec<Arg>,
        decode: impl Fn(&dyn Columns) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        Ok(self.fetch_all(sql, args, decode).await?.into_iter().next())
    }
}

impl Readers {
    fn fetch_all<T>(
        &self,
        sql: &str,
        args: &[Arg],
        decode: impl Fn(&dyn Columns) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        self.with(|conn| {
            let mut statement = conn.prepare_cached(sql).map_err(StoreError::database)?;
            for (n, arg) in (1..).zip(args) {
                // By name, so the order in which `$N` first appear in the text does not matter.
                let index = statement
                    .parameter_index(&format!("${n}"))
                    .map_err(StoreError::database)?
                    .ok_or_else(|| StoreError::Corrupt(format!("no ${n} in a query")))?;
                statement
                    .raw_bind_parameter(index, arg)
                    .map_err(StoreError::database)?;
            }
            let mut rows = statement.raw_query();
            let mut decoded = Vec::new();
            while let Some(row) = rows.next().map_err(StoreError::database)? {
                decoded.push(decode(row)?);
            }
            Ok(decoded)
        })
    }
}
