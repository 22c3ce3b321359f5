//! SQLite specifics: the durability settings every connection must have, and the single writer
//! that commits appends in groups.
//!
//! The writer owns one connection on a thread of its own and talks to SQLite directly
//! (rusqlite): a write costs a few microseconds of CPU there, where a round trip through an
//! async driver's worker thread costs tens, and with one writer that cost is the ceiling.

use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, params};
use sqlx::AnyConnection;
use steadfast_core::{NewEvent, PersonId, StreamId};
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::event_log::{from_db, sql, to_db};
use crate::{DatabaseUrl, StoreError, WriteStats};

/// How long a connection waits for a lock before it reports the database busy.
const BUSY_TIMEOUT_MS: i64 = 5_000;
/// The most writes one commit carries; bounds the time a batch holds the write lock.
const MAX_BATCH: usize = 512;
/// Writes waiting for the writer; beyond this, callers wait for room (back-pressure).
const QUEUE: usize = 4_096;

/// The settings as a connection reports them.
struct Settings {
    journal_mode: String,
    synchronous: i64,
    foreign_keys: i64,
    busy_timeout: i64,
    secure_delete: i64,
}

impl Settings {
    /// WAL, `synchronous=FULL`, foreign keys and the busy timeout, or the first that did not take
    /// (an in-memory database has no WAL, for one): the server refuses to start without them.
    fn check(&self) -> Result<(), StoreError> {
        let checks = [
            (
                "journal_mode",
                "wal".to_owned(),
                self.journal_mode.to_lowercase(),
            ),
            (
                "synchronous",
                "2 (FULL)".to_owned(),
                describe_sync(self.synchronous),
            ),
            (
                "foreign_keys",
                "1".to_owned(),
                self.foreign_keys.to_string(),
            ),
            (
                "busy_timeout",
                BUSY_TIMEOUT_MS.to_string(),
                self.busy_timeout.to_string(),
            ),
            (
                "secure_delete",
                "1".to_owned(),
                self.secure_delete.to_string(),
            ),
        ];
        for (name, wanted, got) in checks {
            if wanted != got {
                return Err(StoreError::SettingNotApplied { name, wanted, got });
            }
        }
        Ok(())
    }
}

fn describe_sync(level: i64) -> String {
    match level {
        2 => "2 (FULL)".to_owned(),
        other => other.to_string(),
    }
}

/// `secure_delete`: deleted rows are overwritten with zeros, not left in free pages, so what a
/// person deletes (their journal entry, their whole account) cannot be read back from the file.
const APPLY_SETTINGS: [&str; 5] = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 5000",
    "PRAGMA secure_delete = ON",
];

/// Applies and checks the settings on a reading connection of the pool.
pub(crate) async fn apply_settings(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    for pragma in APPLY_SETTINGS {
        sqlx::query(pragma).execute(&mut *conn).await?;
    }
    let settings = Settings {
        journal_mode: sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?,
        synchronous: sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?,
        foreign_keys: sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?,
        busy_timeout: sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?,
        secure_delete: sqlx::query_scalar("PRAGMA secure_delete")
            .fetch_one(&mut *conn)
            .await?,
    };
    settings
        .check()
        .map_err(|error| sqlx::Error::Configuration(Box::new(error)))
}

/// `Store::connect` reports a setting that did not take as itself, not as a connection error.
pub(crate) fn unwrap_setting_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Configuration(inner) => match inner.downcast::<StoreError>() {
            Ok(store_error) => *store_error,
            Err(other) => StoreError::connect(sqlx::Error::Configuration(other)),
        },
        other => StoreError::connect(other),
    }
}

/// Opens a connection of our own (the writer's, or a reader's) with the same settings, checked
/// the same way.
fn open_checked(url: &DatabaseUrl) -> Result<Connection, StoreError> {
    let (path, flags) = file_and_flags(url.as_connect_str());
    if flags.contains(OpenFlags::SQLITE_OPEN_CREATE) {
        create_private(&path);
    }
    let conn = Connection::open_with_flags(path, flags).map_err(StoreError::connect)?;
    conn.busy_timeout(Duration::from_millis(BUSY_TIMEOUT_MS as u64))
        .map_err(StoreError::connect)?;
    for pragma in APPLY_SETTINGS {
        // Some pragmas answer with a row, some do not; only the read-back below counts.
        conn.query_row(pragma, [], |_| Ok(()))
            .or_else(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => Ok(()),
                other => Err(other),
            })
            .map_err(StoreError::connect)?;
    }
    let read = |pragma: &str| conn.query_row(pragma, [], |row| row.get::<_, i64>(0));
    let settings = Settings {
        journal_mode: conn
            .query_row("PRAGMA journal_mode", [], |row| row.get(0))
            .map_err(StoreError::connect)?,
        synchronous: read("PRAGMA synchronous").map_err(StoreError::connect)?,
        foreign_keys: read("PRAGMA foreign_keys").map_err(StoreError::connect)?,
        busy_timeout: read("PRAGMA busy_timeout").map_err(StoreError::connect)?,
        secure_delete: read("PRAGMA secure_delete").map_err(StoreError::connect)?,
    };
    settings.check()?;
    Ok(conn)
}

/// Creates the database file, empty, readable and writable by its owner alone (0600), unless it
/// exists: SQLite would create it with the process's default mode (often 0644, readable by every
/// account on the machine), and gives its `-wal` and `-shm` files the database file's mode.
/// If it cannot be created here (no such directory, say), SQLite's own attempt reports why.
fn create_private(path: &str) {
    if path.is_empty() || path == ":memory:" || path.starts_with("file:") {
        return;
    }
    let _ = create_owner_only(std::path::Path::new(path));
}

/// Creates `path` as a new, empty file only its owner may read and write (0600 on unix); fails
/// if anything is already there.
pub(crate) fn create_owner_only(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The file and open mode a `sqlite:` connect string names (`mode=ro|rw|rwc|memory`).
fn file_and_flags(connect: &str) -> (String, OpenFlags) {
    let rest = connect
        .trim_start_matches("sqlite:")
        .trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mode = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("mode="))
        .unwrap_or("rwc");
    let base = OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let flags = match mode {
        "ro" => base | OpenFlags::SQLITE_OPEN_READ_ONLY,
        "rw" => base | OpenFlags::SQLITE_OPEN_READ_WRITE,
        "memory" => base | OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_MEMORY,
        _ => base | OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    };
    (path.to_owned(), flags)
}

enum Job {
    Append {
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
        /// Ids of events of the stream to delete in the same transaction.
        forget: Vec<String>,
        reply: oneshot::Sender<Result<u64, StoreError>>,
    },
    EraseEvents {
        author: PersonId,
        ids: Vec<String>,
        reply: oneshot::Sender<Result<u64, StoreError>>,
    },
    /// Writes nothing; the WAL is checkpointed and truncated after it.
    TruncateWal {
        reply: oneshot::Sender<Result<u64, StoreError>>,
    },
    ShutDown,
}

impl Job {
    /// Whether the job deletes words, after which the WAL is truncated.
    fn deletes(&self) -> bool {
        match self {
            Job::Append { forget, .. } => !forget.is_empty(),
            Job::EraseEvents { .. } | Job::TruncateWal { .. } => true,
            Job::ShutDown => false,
        }
    }

    fn answer(self, result: Result<u64, StoreError>) {
        // A caller that stopped waiting has nothing to be told.
        match self {
            Job::Append { reply, .. }
            | Job::EraseEvents { reply, .. }
            | Job::TruncateWal { reply } => {
                let _ = reply.send(result);
            }
            Job::ShutDown => {}
        }
    }
}

pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
    thread: Mutex<Option<std::thread::JoinHandle<()>>>,
}

impl Writer {
    pub(crate) async fn start(
        url: &DatabaseUrl,
        stats: Arc<WriteStats>,
    ) -> Result<Self, StoreError> {
        let url = url.clone();
        let conn = tokio::task::spawn_blocking(move || open_checked(&url))
            .await
            .map_err(|_| StoreError::Closed)??;
        let (jobs, queue) = mpsc::channel(QUEUE);
        let thread = std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || run(conn, queue, &stats))
            .map_err(|error| StoreError::connect(sqlx::Error::Io(error)))?;
        Ok(Self {
            jobs,
            thread: Mutex::new(Some(thread)),
        })
    }

    pub(crate) async fn append(
        &self,
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
        forget: Vec<String>,
    ) -> Result<u64, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::Append {
            stream,
            expected,
            events,
            forget,
            reply,
        })
        .await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    pub(crate) async fn erase_events(
        &self,
        author: PersonId,
        ids: Vec<String>,
    ) -> Result<u64, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::EraseEvents { author, ids, reply }).await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    /// Checkpoints the WAL and truncates it, after deletions made outside the writer (the
    /// account row, say), so their old pages leave the `-wal`.
    pub(crate) async fn truncate_wal(&self) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::TruncateWal { reply }).await?;
        answer.await.map_err(|_| StoreError::Closed)?.map(|_| ())
    }

    async fn submit(&self, job: Job) -> Result<(), StoreError> {
        self.jobs.send(job).await.map_err(|_| StoreError::Closed)
    }

    /// Jobs queued before this one are still committed; the writer then closes its connection.
    pub(crate) async fn shut_down(&self) {
        let _ = self.jobs.send(Job::ShutDown).await;
        let thread = self.thread.lock().await.take();
        if let Some(thread) = thread {
            let joined = tokio::task::spawn_blocking(move || thread.join()).await;
            if !matches!(joined, Ok(Ok(()))) {
                tracing::error!("the SQLite writer stopped abnormally");
            }
        }
    }
}

fn run(conn: Connection, mut queue: mpsc::Receiver<Job>, stats: &WriteStats) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    // Wait for one job, then take whatever else queued up while the last commit was syncing.
    while let Some(first) = queue.blocking_recv() {
        batch.push(first);
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let shut_down = batch.iter().any(|job| matches!(job, Job::ShutDown));
        commit_batch(&conn, &mut batch, stats);
        if shut_down {
            break;
        }
    }
    queue.close();
    while let Ok(job) = queue.try_recv() {
        job.answer(Err(StoreError::Closed));
    }
    if let Err((_, error)) = conn.close() {
        tracing::warn!(%error, "closing the SQLite writer's connection failed");
    }
}

/// Commits the whole batch in one transaction: one fsync for all of its writes.
///
/// The fast path runs the jobs one after another with no savepoints. That is safe because a
/// conflict is found by the first statement of an append, before it writes anything, and this
/// writer is the only one. Any other failure (a duplicate event id, say) may leave a job half
/// done, so the batch is rolled back and run again with a savepoint around each job, which lets
/// the failing job write nothing while the others go ahead.
fn commit_batch(conn: &Connection, batch: &mut Vec<Job>, stats: &WriteStats) {
    let outcome = match run_batch(conn, batch, Isolation::Shared) {
        Err(BatchError::JobFailed) => run_batch(conn, batch, Isolation::SavepointPerJob),
        other => other,
    };
    match outcome {
        Ok(results) => {
            let appended = batch
                .iter()
                .zip(&results)
                .filter(|(job, result)| matches!(job, Job::Append { .. }) && result.is_ok())
                .count();
            stats.record_commit(appended as u64);
            // Before anyone is told the words are gone.
            if batch.iter().any(Job::deletes) {
                checkpoint(conn);
            }
            for (job, result) in batch.drain(..).zip(results) {
                job.answer(result);
            }
        }
        Err(error) => {
            if let BatchError::Database(error) = error {
                tracing::error!(%error, "a group commit failed; its writes are rolled back");
            }
            for job in batch.drain(..) {
                job.answer(Err(StoreError::CommitFailed));
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Isolation {
    Shared,
    SavepointPerJob,
}

enum BatchError {
    /// A job failed otherwise than by a conflict; nothing of the batch was committed.
    JobFailed,
    Database(rusqlite::Error),
}

impl From<rusqlite::Error> for BatchError {
    fn from(error: rusqlite::Error) -> Self {
        BatchError::Database(error)
    }
}

/// One transaction over the batch; returns each job's result once committed.
fn run_batch(
    conn: &Connection,
    batch: &[Job],
    isolation: Isolation,
) -> Result<Vec<Result<u64, StoreError>>, BatchError> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let ran = run_jobs(conn, batch, isolation).and_then(|results| {
        conn.execute_batch("COMMIT")?;
        Ok(results)
    });
    if ran.is_err() && !conn.is_autocommit() {
        conn.execute_batch("ROLLBACK")?;
    }
    ran
}

fn run_jobs(
    conn: &Connection,
    batch: &[Job],
    isolation: Isolation,
) -> Result<Vec<Result<u64, StoreError>>, BatchError> {
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let result = match isolation {
            Isolation::Shared => {
                let result = run_job(conn, job);
                if matches!(result, Err(ref error) if !error.is_conflict()) {
                    return Err(BatchError::JobFailed);
                }
                result
            }
            Isolation::SavepointPerJob => {
                conn.execute_batch("SAVEPOINT job")?;
                let result = run_job(conn, job);
                if result.is_err() {
                    conn.execute_batch("ROLLBACK TO job")?;
                }
                conn.execute_batch("RELEASE job")?;
                result
            }
        };
        results.push(result);
    }
    Ok(results)
}

/// Copies the WAL into the database and truncates it to nothing, so deleted words (the pages
/// that held them, still in the WAL after the delete) leave the `-wal` file. A reader in the
/// middle of a query can keep it from finishing; then the next erasure or SQLite's own
/// checkpoints carry on, and nothing fails for it.
fn checkpoint(conn: &Connection) {
    let done = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
        row.get::<_, i64>(0)
    });
    match done {
        Ok(0) => {}
        Ok(_) => {
            tracing::warn!("the WAL could not be truncated after an erasure: a reader was busy")
        }
        Err(error) => tracing::warn!(%error, "the WAL checkpoint after an erasure failed"),
    }
}

fn run_job(conn: &Connection, job: &Job) -> Result<u64, StoreError> {
    match job {
        Job::Append {
            stream,
            expected,
            events,
            forget,
            ..
        } => {
            let head = append(conn, *stream, *expected, events)?;
            let stream_key = stream.to_string();
            for id in forget {
                conn.prepare_cached(sql::FORGET_EVENT)
                    .and_then(|mut delete| delete.execute(params![stream_key, id]))
                    .map_err(StoreError::database)?;
            }
            Ok(head)
        }
        Job::EraseEvents { author, ids, .. } => erase_events(conn, *author, ids),
        Job::TruncateWal { .. } | Job::ShutDown => Ok(0),
    }
}

/// The same erasure as `event_log::erase_events`, on the writer's own connection.
fn erase_events(conn: &Connection, author: PersonId, ids: &[String]) -> Result<u64, StoreError> {
    let author = author.to_string();
    let mut erased = 0;
    for id in ids {
        erased += conn
            .prepare_cached(sql::ERASE_EVENT)
            .and_then(|mut erase| erase.execute(params![id, author]))
            .map_err(StoreError::database)?;
    }
    conn.prepare_cached(crate::reminder::sql::ERASE)
        .and_then(|mut erase| erase.execute(params![author]))
        .map_err(StoreError::database)?;
    u64::try_from(erased).map_err(|_| StoreError::Corrupt("erased count".to_owned()))
}

/// The same append as `event_log::append`, on the writer's own connection: move the head first, and
/// stop before writing anything if another append got there first.
fn append(
    conn: &Connection,
    stream: StreamId,
    expected: u64,
    events: &[NewEvent],
) -> Result<u64, StoreError> {
    let stream_key = stream.to_string();
    let (old_head, new_head) = (to_db(expected)?, to_db(expected + events.len() as u64)?);
    let moved = if expected == 0 {
        conn.prepare_cached(sql::CREATE_STREAM)
            .and_then(|mut create| create.execute(params![stream_key, new_head]))
    } else {
        conn.prepare_cached(sql::MOVE_HEAD)
            .and_then(|mut update| update.execute(params![new_head, stream_key, old_head]))
    }
    .map_err(StoreError::database)?;
    if moved != 1 {
        let actual: i64 = conn
            .prepare_cached(sql::HEAD)
            .and_then(|mut head| head.query_row(params![stream_key], |row| row.get(0)))
            .map_err(StoreError::database)?;
        return Err(StoreError::Conflict {
            stream: stream_key,
            expected,
            actual: from_db(actual)?,
        });
    }

    let mut insert = conn
        .prepare_cached(sql::INSERT_EVENT)
        .map_err(StoreError::database)?;
    for (seq, event) in (expected + 1..).zip(events) {
        let payload = serde_json::to_string(&event.payload)
            .map_err(|error| StoreError::Corrupt(error.to_string()))?;
        insert
            .execute(params![
                stream_key,
                to_db(seq)?,
                event.id.to_string(),
                event.author.to_string(),
                event.at.as_millis(),
                event.kind.as_str(),
                event.visibility.as_str(),
                payload,
            ])
            .map_err(StoreError::database)?;
        // Derived tables, in the same transaction (and savepoint): they move with the events or
        // not at all.
        crate::reminder::apply_sqlite(conn, stream, std::slice::from_ref(event))?;
    }
    from_db(new_head)
}

/// Connections for reading, used inline by [`crate::read`]: each is taken for one query and put
/// back, and one is opened when all are busy (at most one per thread reading at once, so a few).
pub(crate) struct Readers {
    url: DatabaseUrl,
    idle: std::sync::Mutex<Vec<Connection>>,
}

/// Idle reading connections kept; more are closed after use.
const IDLE_READERS: usize = 8;
/// Each reader's page cache: 512 KiB (SQLite's default is 2 MiB per connection).
const READER_CACHE: &str = "PRAGMA cache_size = -512";

impl Readers {
    pub(crate) fn new(url: &DatabaseUrl) -> Self {
        Self {
            url: url.clone(),
            idle: std::sync::Mutex::new(Vec::new()),
        }
    }

    pub(crate) fn with<T>(
        &self,
        read: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let taken = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .pop();
        let conn = match taken {
            Some(conn) => conn,
            None => {
                let conn = open_checked(&self.url)?;
                // Pages are read from the OS's file cache anyway; a small cache per reader keeps
                // the resident memory flat as readers come and go.
                conn.execute_batch(READER_CACHE)
                    .map_err(StoreError::connect)?;
                conn
            }
        };
        let answer = read(&conn);
        let mut idle = self
            .idle
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < IDLE_READERS {
            idle.push(conn);
        }
        answer
    }
}
