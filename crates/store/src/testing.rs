//! A fresh, empty database of either backend for tests, here and in the other crates.
//!
//! SQLite is always available. PostgreSQL is used when `STEADFAST_TEST_DATABASE_URL` names a
//! server: each test then gets a database of its own, dropped afterwards. A URL that is set but
//! unreachable fails the test — it never quietly skips.

#![allow(clippy::expect_used)]

use std::path::PathBuf;

use sqlx::{AnyConnection, AssertSqlSafe, Connection};

use crate::{Backend, DatabaseUrl};

pub const POSTGRES_URL_VAR: &str = "STEADFAST_TEST_DATABASE_URL";

pub struct TestDatabase {
    url: DatabaseUrl,
    kind: Kind,
}

enum Kind {
    Sqlite(tempfile::TempDir),
    Postgres { server: String, name: String },
}

impl TestDatabase {
    /// A new SQLite file in a temporary directory of its own.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = format!("sqlite://{}", dir.path().join("steadfast.db").display())
            .parse()
            .expect("a valid SQLite URL");
        Self {
            url,
            kind: Kind::Sqlite(dir),
        }
    }

    /// A new, empty PostgreSQL database, or `None` when no test server is configured.
    pub async fn postgres() -> Option<Self> {
        sqlx::any::install_default_drivers();
        let server = std::env::var(POSTGRES_URL_VAR)
            .ok()
            .filter(|url| !url.is_empty())?;
        let name = format!("steadfast_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = AnyConnection::connect(&server)
            .await
            .unwrap_or_else(|error| {
                panic!("{POSTGRES_URL_VAR} is set but the server cannot be reached: {error}")
            });
        sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("a test database can be created");
        let _ = admin.close().await;
        let url = with_database(&server, &name)
            .parse()
            .expect("a valid PostgreSQL URL");
        Some(Self {
            url,
            kind: Kind::Postgres { server, name },
        })
    }

    /// One database of the given backend; `None` only for PostgreSQL when none is configured.
    pub async fn new(backend: Backend) -> Option<Self> {
        match backend {
            Backend::Sqlite => Some(Self::sqlite()),
            Backend::Postgres => Self::postgres().await,
        }
    }

    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// The SQLite file, for tests that look at it directly.
    pub fn sqlite_path(&self) -> Option<PathBuf> {
        match &self.kind {
            Kind::Sqlite(dir) => Some(dir.path().join("steadfast.db")),
            Kind::Postgres { .. } => None,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Kind::Postgres { server, name } = &self.kind else {
            return;
        };
        let (server, name) = (server.clone(), name.clone());
        // Drop may run inside a runtime; a thread of its own may block.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut admin = AnyConnection::connect(&server).await.ok()?;
                sqlx::query(AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await
                .ok()
            })
        });
        let _ = dropped.join();
    }
}

/// The same server URL with another database name in its path.
fn with_database(server: &str, database: &str) -> String {
    let (scheme, rest) = server.split_once("://").unwrap_or(("postgres", server));
    let (authority, after) = rest.split_once('/').unwrap_or((rest, ""));
    let query = after
        .split_once('?')
        .map(|(_, query)| format!("?{query}"))
        .unwrap_or_default();
    format!("{scheme}://{authority}/{database}{query}")
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_name_is_replaced_and_options_kept() {
        assert_eq!(
            with_database(
                "postgres://postgres@127.0.0.1:5432/test?sslmode=disable",
                "x"
            ),
            "postgres://postgres@127.0.0.1:5432/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }
}
