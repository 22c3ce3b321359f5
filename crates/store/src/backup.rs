//! An online copy of a SQLite database, taken while the server keeps writing.
//!
//! The copy is made with `VACUUM INTO` on one of the pool's reading connections rather than with
//! the online backup API: it needs no connection of its own to the file and no extra rusqlite
//! feature, it runs inside a single read transaction (so in WAL mode it sees one consistent
//! snapshot while the writer goes on committing), and it writes a compact, self-contained file
//! in rollback-journal mode, with no `-wal` beside it to forget. The backup API would instead
//! restart its copy whenever another connection wrote in between its steps.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::{Backend, Store, StoreError};

/// What `Store::backup_to` made: the file, checked, and how many events it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub events: u64,
}

impl Store {
    /// Copies the database into a new file at `destination` while writes go on, then runs
    /// `PRAGMA integrity_check` on the copy. The copy holds every write acknowledged before the
    /// call. An existing file is never overwritten. SQLite only: on PostgreSQL the answer is
    /// [`StoreError::BackupUnsupported`] (use `pg_dump`).
    pub async fn backup_to(&self, destination: &Path) -> Result<BackupReport, StoreError> {
        if self.inner.backend == Backend::Postgres {
            return Err(StoreError::BackupUnsupported);
        }
        // `VACUUM INTO` refuses a non-empty file by itself; this says so clearly, and also
        // refuses an empty file or a dangling symlink, which it would write through.
        if destination.symlink_metadata().is_ok() {
            return Err(StoreError::BackupExists(destination.to_owned()));
        }
        let target = destination
            .to_str()
            .ok_or_else(|| StoreError::BackupFailed("the destination path is not UTF-8".into()))?;
        // Created here, empty and readable by its owner alone (0600): `VACUUM INTO` accepts an
        // empty file and keeps its mode, where a file of its own would be readable by anyone
        // on the machine. `create_new` also refuses a file that appeared since the check above.
        crate::sqlite::create_owner_only(destination).map_err(|error| {
            if error.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::BackupExists(destination.to_owned())
            } else {
                StoreError::BackupFailed(format!("cannot create the copy: {error}"))
            }
        })?;
        let copied = sqlx::query("VACUUM INTO ?")
            .bind(target.to_owned())
            .execute(&self.inner.pool)
            .await;
        if let Err(error) = copied {
            // Our empty file must not be mistaken for a backup, nor block the next attempt.
            let _ = std::fs::remove_file(destination);
            return Err(error.into());
        }
        let path = destination.to_owned();
        let checked = tokio::task::spawn_blocking(move || check_copy(&path))
            .await
            .map_err(|_| StoreError::Closed)?;
        // A copy that failed its check must not be mistaken for a good one later.
        let events = checked.inspect_err(|_| {
            let _ = std::fs::remove_file(destination);
        })?;
        Ok(BackupReport {
            path: destination.to_owned(),
            events,
        })
    }
}

/// Flushes the copy to disk, checks it and counts its events.
fn check_copy(path: &Path) -> Result<u64, StoreError> {
    // `VACUUM INTO` does not sync its output: a backup should survive a power cut taken just
    // after the command said it was done.
    std::fs::File::open(path)
        .and_then(|file| file.sync_all())
        .map_err(|error| StoreError::BackupFailed(format!("cannot sync the copy: {error}")))?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(StoreError::database)?;
    let verdict: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut check| {
            check
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()
        })
        .map_err(StoreError::database)?;
    if verdict != ["ok"] {
        return Err(StoreError::BackupFailed(format!(
            "the copy failed the integrity check: {}",
            verdict.join("; ")
        )));
    }
    let events: i64 = conn
        .query_row("SELECT COUNT(*) FROM events", [], |row| row.get(0))
        .map_err(|error| {
            StoreError::BackupFailed(format!(
                "the copy has no readable event log (is this a Steadfast database?): {error}"
            ))
        })?;
    u64::try_from(events).map_err(|_| StoreError::Corrupt(format!("{events} events")))
}
