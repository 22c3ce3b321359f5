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
/// Set to `1`, each PostgreSQL test database belongs to a role of its own that is no superuser,
/// and the test connects as that role: row-level security then applies to everything the test
/// does through the store (superusers always bypass it).
pub const POSTGRES_ROLE_VAR: &str = "STEADFAST_TEST_DATABASE_AS_ROLE";

pub struct TestDatabase {
    url: DatabaseUrl,
    kind: Kind,
}

enum Kind {
    Sqlite(tempfile::TempDir),
    Postgres {
        server: String,
        name: String,
        role: Option<String>,
    },
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
        let as_role = std::env::var(POSTGRES_ROLE_VAR).is_ok_and(|value| value == "1");
        let role = as_role.then(|| format!("{name}_owner"));
        let mut url = with_database(&server, &name);
        if let Some(role) = &role {
            for statement in [
                format!("CREATE ROLE {role} LOGIN PASSWORD 'test-only' NOSUPERUSER NOBYPASSRLS"),
                format!("ALTER DATABASE {name} OWNER TO {role}"),
            ] {
                sqlx::query(AssertSqlSafe(statement))
                    .execute(&mut admin)
                    .await
                    .expect("a test role can be created");
            }
            url = with_role(&url, role, "test-only");
        }
        let _ = admin.close().await;
        let url = url.parse().expect("a valid PostgreSQL URL");
        Some(Self {
            url,
            kind: Kind::Postgres { server, name, role },
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
        let Kind::Postgres { server, name, role } = &self.kind else {
            return;
        };
        let (server, name, role) = (server.clone(), name.clone(), role.clone());
        // Drop may run inside a runtime; a thread of its own may block.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut admin = AnyConnection::connect(&server).await.ok()?;
                let dropped = sqlx::query(AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await
                .ok();
                if let Some(role) = role {
                    let _ = sqlx::query(AssertSqlSafe(format!("DROP ROLE IF EXISTS {role}")))
                        .execute(&mut admin)
                        .await;
                }
                dropped
            })
        });
        let _ = dropped.join();
    }
}

/// The same URL, signed in as `role`.
fn with_role(url: &str, role: &str, password: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    format!("{scheme}://{role}:{password}@{host}")
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
