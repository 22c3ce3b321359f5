//! `steadfast backup`: a consistent copy of the SQLite database, taken while the server runs.
//! Restoring is stopping the server and putting the copy in place of the data file.

use std::io::Write;

use anyhow::Context;

use crate::config::BackupArgs;
use crate::database;

pub async fn run(args: BackupArgs) -> anyhow::Result<()> {
    let url = database::parse_url(&existing_only(&args.database.database_url))?;
    let store = database::connect(&url).await?;
    let backup = store.backup_to(&args.destination).await;
    store.close().await;
    let backup = backup.with_context(|| format!("cannot back up {url}"))?;
    writeln!(
        std::io::stdout().lock(),
        "Backed up {url} to {} ({} events); the copy passed the integrity check.",
        backup.path.display(),
        backup.events
    )
    .context("cannot print the report")
}

/// A backup reads an existing database: a mistyped SQLite path must be an error, not a new,
/// empty file (`serve` and `migrate` create the file; an explicit `mode=` in the URL wins).
fn existing_only(raw: &str) -> String {
    let raw = raw.trim();
    if !raw.starts_with("sqlite:") || raw.contains("mode=") || raw.ends_with(":memory:") {
        return raw.to_owned();
    }
    let separator = if raw.contains('?') { '&' } else { '?' };
    format!("{raw}{separator}mode=rw")
}

#[cfg(test)]
mod tests {
    use super::existing_only;

    #[test]
    fn a_sqlite_file_is_opened_without_being_created() {
        assert_eq!(existing_only("sqlite://a.db"), "sqlite://a.db?mode=rw");
        assert_eq!(
            existing_only("sqlite://a.db?x=1"),
            "sqlite://a.db?x=1&mode=rw"
        );
        assert_eq!(
            existing_only("sqlite://a.db?mode=ro"),
            "sqlite://a.db?mode=ro"
        );
        assert_eq!(existing_only("postgres://h/db"), "postgres://h/db");
    }
}
