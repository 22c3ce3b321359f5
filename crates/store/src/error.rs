use thiserror::Error;

/// What can go wrong in the store. Messages never carry the database URL (it may hold a
/// password) nor any user text.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    #[error("could not open the database: {0}")]
    Connect(#[source] sqlx::Error),
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
    #[error("could not bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("the write could not be committed; see the server log")]
    CommitFailed,
    #[error("a stored event is unreadable: {0}")]
    Corrupt(String),
    #[error("the store is shut down")]
    Closed,
}

impl StoreError {
    pub fn is_conflict(&self) -> bool {
        matches!(self, StoreError::Conflict { .. })
    }
}
