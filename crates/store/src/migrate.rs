//! The schema migrations, embedded in the binary so a single file is all a self-hoster deploys.
//! The two backends keep one folder each: they differ only where SQLite needs its own words
//! (`WITHOUT ROWID`).

use std::borrow::Cow;

use sqlx::AnyPool;
use sqlx::SqlSafeStr;
use sqlx::migrate::{Migrate, Migration, MigrationType, Migrator};

use crate::{Backend, StoreError};

struct Source {
    version: i64,
    description: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

/// The version that adds the reminders table, which is then filled from the log.
pub(crate) const REMINDERS_VERSION: i64 = 3;

const MIGRATIONS: &[Source] = &[
    Source {
        version: 1,
        description: "event log",
        sqlite: include_str!("../migrations/sqlite/0001_event_log.sql"),
        postgres: include_str!("../migrations/postgres/0001_event_log.sql"),
    },
    Source {
        version: 2,
        description: "accounts and spaces",
        sqlite: include_str!("../migrations/sqlite/0002_accounts_and_spaces.sql"),
        postgres: include_str!("../migrations/postgres/0002_accounts_and_spaces.sql"),
    },
    Source {
        version: 3,
        description: "reminders",
        sqlite: include_str!("../migrations/sqlite/0003_reminders.sql"),
        postgres: include_str!("../migrations/postgres/0003_reminders.sql"),
    },
    Source {
        version: 4,
        description: "calendar feeds",
        sqlite: include_str!("../migrations/sqlite/0004_calendar_feeds.sql"),
        postgres: include_str!("../migrations/postgres/0004_calendar_feeds.sql"),
    },
    Source {
        version: 5,
        description: "coaches",
        sqlite: include_str!("../migrations/sqlite/0005_coaches.sql"),
        postgres: include_str!("../migrations/postgres/0005_coaches.sql"),
    },
    Source {
        version: 6,
        description: "operator tools",
        sqlite: include_str!("../migrations/sqlite/0006_operator.sql"),
        postgres: include_str!("../migrations/postgres/0006_operator.sql"),
    },
    Source {
        version: 7,
        description: "row-level security",
        sqlite: include_str!("../migrations/sqlite/0007_row_security.sql"),
        postgres: include_str!("../migrations/postgres/0007_row_security.sql"),
    },
    Source {
        version: 8,
        description: "upcoming reminders index",
        sqlite: include_str!("../migrations/sqlite/0008_upcoming_reminders.sql"),
        postgres: include_str!("../migrations/postgres/0008_upcoming_reminders.sql"),
    },
    Source {
        version: 9,
        description: "token expiry",
        sqlite: include_str!("../migrations/sqlite/0009_token_expiry.sql"),
        postgres: include_str!("../migrations/postgres/0009_token_expiry.sql"),
    },
    Source {
        version: 10,
        description: "account notices",
        sqlite: include_str!("../migrations/sqlite/0010_account_notices.sql"),
        postgres: include_str!("../migrations/postgres/0010_account_notices.sql"),
    },
    Source {
        version: 11,
        description: "feed fetches and spaces",
        sqlite: include_str!("../migrations/sqlite/0011_feed_fetches_and_spaces.sql"),
        postgres: include_str!("../migrations/postgres/0011_feed_fetches_and_spaces.sql"),
    },
    Source {
        version: 12,
        description: "known devices",
        sqlite: include_str!("../migrations/sqlite/0012_known_devices.sql"),
        postgres: include_str!("../migrations/postgres/0012_known_devices.sql"),
    },
    Source {
        version: 13,
        description: "sweep indexes",
        sqlite: include_str!("../migrations/sqlite/0013_sweep_indexes.sql"),
        postgres: include_str!("../migrations/postgres/0013_sweep_indexes.sql"),
    },
    Source {
        version: 14,
        description: "grammatical form",
        sqlite: include_str!("../migrations/sqlite/0014_grammatical_form.sql"),
        postgres: include_str!("../migrations/postgres/0014_grammatical_form.sql"),
    },
    Source {
        version: 15,
        description: "feed language",
        sqlite: include_str!("../migrations/sqlite/0015_feed_language.sql"),
        postgres: include_str!("../migrations/postgres/0015_feed_language.sql"),
    },
];

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

/// What a migration run did, for the operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MigrationReport {
    /// Versions this run applied, oldest first; empty when the schema was already current.
    pub applied: Vec<i64>,
    /// The schema version now.
    pub version: i64,
}

pub(crate) async fn run(backend: Backend, pool: &AnyPool) -> Result<MigrationReport, StoreError> {
    let migrator = migrator(backend);
    let mut conn = pool.acquire().await?;
    // A deployment's application role may not create tables (README, "Deploying for a
    // practice"): it opens a schema its owner already brought up to date, and then there is
    // nothing to do — nor anything to ask of it that it may not do.
    if backend == Backend::Postgres {
        let table_exists: bool =
            sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                .fetch_one(&mut *conn)
                .await?;
        if table_exists {
            let applied = conn.list_applied_migrations(&migrator.table_name).await?;
            let current = migrator
                .iter()
                .all(|wanted| applied.iter().any(|done| done.version == wanted.version));
            if current {
                let version = applied.iter().map(|done| done.version).max().unwrap_or(0);
                return Ok(MigrationReport {
                    applied: Vec::new(),
                    version,
                });
            }
        }
    }
    conn.ensure_migrations_table(&migrator.table_name).await?;
    let before = conn.list_applied_migrations(&migrator.table_name).await?;
    // On PostgreSQL the migrator takes an advisory lock, so instances starting together take
    // turns; another instance may have applied some versions in between, which is fine.
    migrator.run(&mut *conn).await?;
    let after = conn.list_applied_migrations(&migrator.table_name).await?;
    let applied = after
        .iter()
        .map(|migration| migration.version)
        .filter(|version| !before.iter().any(|old| old.version == *version))
        .collect();
    let version = after
        .iter()
        .map(|migration| migration.version)
        .max()
        .unwrap_or(0);
    Ok(MigrationReport { applied, version })
}
