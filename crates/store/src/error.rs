use thiserror::Error;

/// A database driver's error (sqlx or, for the SQLite writer, rusqlite), kept for its message.
pub type BoxedError = Box<dyn std::error::Error + Send + Sync>;

/// What can go wrong in the store. Messages never carry the database URL (it may hold a
/// password) nor any user text. A message that quotes the underlying error does not also return
/// it as its source, so a chain printed on one line says each thing once.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("could not open the database: {0}")]
    Connect(BoxedError),
    #[error("the SQLite setting {name} did not take (wanted {wanted}, got {got})")]
    SettingNotApplied {
        name: &'static str,
        wanted: String,
        got: String,
    },
    #[error("stream {stream} has moved on: expected it at {expected}, it is at {actual}")]
    Conflict {
        stream: String,
        expected: u64,
        actual: u64,
    },
    /// Another account already has this canonical login name; nothing was written.
    #[error("that login name is taken")]
    UsernameTaken,
    #[error("could not bring the database schema up to date: {0}")]
    Migrate(sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(BoxedError),
    #[error("the write could not be committed; see the server log")]
    CommitFailed,
    #[error("a stored event is unreadable: {0}")]
    Corrupt(String),
    /// `Store::backup_to` never overwrites: the destination must be a new file.
    #[error("{} already exists; a backup is only written to a new file", .0.display())]
    BackupExists(std::path::PathBuf),
    #[error("online backup is for SQLite; back up PostgreSQL with pg_dump")]
    BackupUnsupported,
    #[error("the backup failed: {0}")]
    BackupFailed(String),
    #[error("the store is shut down")]
    Closed,
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        StoreError::Database(Box::new(error))
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(error: sqlx::migrate::MigrateError) -> Self {
        StoreError::Migrate(error)
    }
}

impl StoreError {
    pub(crate) fn connect(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        StoreError::Connect(Box::new(error))
    }

    pub(crate) fn database(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        StoreError::Database(Box::new(error))
    }

    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict { .. })
    }
}
