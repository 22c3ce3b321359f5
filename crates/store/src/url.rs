use std::fmt;
use std::str::FromStr;

use crate::StoreError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database URL that names a backend we support. Its `Debug` and `Display` never show a
/// password.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    connect: String,
}

impl DatabaseUrl {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn as_connect_str(&self) -> &str {
        &self.connect
    }

    /// The URL as given, for connecting with other tools (tests, backups). Holds any password.
    pub fn expose(&self) -> &str {
        &self.connect
    }
}

impl FromStr for DatabaseUrl {
    type Err = StoreError;

    fn from_str(url: &str) -> Result<Self, Self::Err> {
        let url = url.trim();
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            if path.is_empty() {
                return Err(StoreError::UnsupportedUrl);
            }
            // Create the file on first start; an explicit mode in the URL wins.
            let connect = if path == ":memory:" {
                "sqlite::memory:".to_owned()
            } else if path.contains("mode=") {
                format!("sqlite://{path}")
            } else if path.contains('?') {
                format!("sqlite://{path}&mode=rwc")
            } else {
                format!("sqlite://{path}?mode=rwc")
            };
            Ok(Self {
                backend: Backend::Sqlite,
                connect,
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self {
                backend: Backend::Postgres,
                connect: url.to_owned(),
            })
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.backend {
            Backend::Sqlite => {
                let path = self.connect.trim_start_matches("sqlite://");
                let path = path.split('?').next().unwrap_or(path);
                write!(f, "SQLite file {path}")
            }
            Backend::Postgres => {
                // Show host and database, never the user's password.
                let rest = self.connect.split_once("://").map_or("", |(_, rest)| rest);
                let host_and_db = rest.rsplit_once('@').map_or(rest, |(_, after)| after);
                let host_and_db = host_and_db.split('?').next().unwrap_or(host_and_db);
                write!(f, "PostgreSQL at {host_and_db}")
            }
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_create_the_file_unless_told_otherwise() -> Result<(), StoreError> {
        let url: DatabaseUrl = "sqlite://steadfast.db".parse()?;
        assert_eq!(url.backend(), Backend::Sqlite);
        assert_eq!(url.as_connect_str(), "sqlite://steadfast.db?mode=rwc");
        let url: DatabaseUrl = "sqlite:data/s.db?mode=ro".parse()?;
        assert_eq!(url.as_connect_str(), "sqlite://data/s.db?mode=ro");
        Ok(())
    }

    #[test]
    fn a_postgres_password_never_shows() -> Result<(), StoreError> {
        let url: DatabaseUrl =
            "postgres://app:s3cret@db.internal:5432/steadfast?sslmode=require".parse()?;
        assert_eq!(url.backend(), Backend::Postgres);
        assert_eq!(url.to_string(), "PostgreSQL at db.internal:5432/steadfast");
        assert!(!format!("{url:?}").contains("s3cret"));
        Ok(())
    }

    #[test]
    fn other_schemes_are_refused() {
        for url in ["mysql://x/y", "steadfast.db", "", "sqlite:"] {
            assert!(
                matches!(url.parse::<DatabaseUrl>(), Err(StoreError::UnsupportedUrl)),
                "{url}"
            );
        }
    }
}
