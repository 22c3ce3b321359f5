//! The schema migrations, embedded in the binary so a single file is all a self-hoster deploys.
//! The two backends keep one folder each: they differ only where SQLite needs its own words
//! (`WITHOUT ROWID`).

use std::borrow::Cow;

use sqlx::AnyPool;
use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

use crate::{Backend, StoreError};

struct Source {
    version: i64,
    description: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Source] = &[Source {
    version: 1,
    description: "event log",
    sqlite: include_str!("../migrations/sqlite/0001_event_log.sql"),
    postgres: include_str!("../migrations/postgres/0001_event_log.sql"),
}];

fn migrator(backend: Backend) -> Migrator {
    let migrations = MIGRATIONS
        .iter()
        .map(|source| {
            let sql = match backend {
                Backend::Sqlite => source.sqlite,
                Backend::Postgres => source.postgres,
            };
            Migration::new(
                source.version,
                Cow::Borrowed(source.description),
                MigrationType::Simple,
                sql.into_sql_str(),
                false,
            )
        })
        .collect();
    Migrator::with_migrations(migrations)
}

pub(crate) async fn run(backend: Backend, pool: &AnyPool) -> Result<(), StoreError> {
    // On PostgreSQL the migrator takes an advisory lock, so instances starting together take
    // turns.
    migrator(backend).run(pool).await?;
    Ok(())
}
