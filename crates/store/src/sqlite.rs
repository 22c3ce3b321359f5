//! SQLite specifics: the durability settings every connection must have, and the single writer
//! that commits appends in groups.

use std::sync::Arc;

use sqlx::AnyConnection;
use sqlx::{Acquire, Connection};
use steadfast_core::{NewEvent, PersonId, StreamId};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::{DatabaseUrl, StoreError, WriteStats, log};

/// How long a connection waits for a lock before it reports the database busy.
const BUSY_TIMEOUT_MS: i64 = 5_000;
/// The most writes one commit carries; bounds the time a batch holds the write lock.
const MAX_BATCH: usize = 512;
/// Writes waiting for the writer; beyond this, callers wait for room (back-pressure).
const QUEUE: usize = 4_096;

/// Sets WAL, `synchronous=FULL`, foreign keys and the busy timeout on a fresh connection and
/// reads each back: a setting that silently did not take (an in-memory database has no WAL, a
/// read-only directory cannot hold one) is an error, so the server refuses to start.
pub(crate) async fn apply_settings(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode = WAL")
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("PRAGMA synchronous = FULL")
        .execute(&mut *conn)
        .await?;
    sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"
    )))
    .execute(&mut *conn)
    .await?;

    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await?;
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await?;
    let busy_timeout: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
        .fetch_one(&mut *conn)
        .await?;
    let checks = [
        ("journal_mode", "wal".to_owned(), journal.to_lowercase()),
        (
            "synchronous",
            "2 (FULL)".to_owned(),
            format_sync(synchronous),
        ),
        ("foreign_keys", "1".to_owned(), foreign_keys.to_string()),
        (
            "busy_timeout",
            BUSY_TIMEOUT_MS.to_string(),
            busy_timeout.to_string(),
        ),
    ];
    for (name, wanted, got) in checks {
        if wanted != got {
            return Err(sqlx::Error::Configuration(Box::new(
                StoreError::SettingNotApplied { name, wanted, got },
            )));
        }
    }
    Ok(())
}

fn format_sync(level: i64) -> String {
    match level {
        2 => "2 (FULL)".to_owned(),
        other => other.to_string(),
    }
}

enum Job {
    Append {
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
        reply: oneshot::Sender<Result<u64, StoreError>>,
    },
    EraseAuthor {
        author: PersonId,
        reply: oneshot::Sender<Result<u64, StoreError>>,
    },
    ShutDown,
}

impl Job {
    fn fail(self, error: impl Fn() -> StoreError) {
        // A caller that stopped waiting has nothing to be told.
        match self {
            Job::Append { reply, .. } | Job::EraseAuthor { reply, .. } => {
                let _ = reply.send(Err(error()));
            }
            Job::ShutDown => {}
        }
    }
}

pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
    task: Mutex<Option<JoinHandle<()>>>,
}

impl Writer {
    pub(crate) async fn start(
        url: &DatabaseUrl,
        stats: Arc<WriteStats>,
    ) -> Result<Self, StoreError> {
        let mut conn = AnyConnection::connect(url.as_connect_str())
            .await
            .map_err(StoreError::Connect)?;
        apply_settings(&mut conn)
            .await
            .map_err(unwrap_setting_error)?;
        let (jobs, queue) = mpsc::channel(QUEUE);
        let task = tokio::spawn(run(conn, queue, stats));
        Ok(Self {
            jobs,
            task: Mutex::new(Some(task)),
        })
    }

    pub(crate) async fn append(
        &self,
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::Append {
            stream,
            expected,
            events,
            reply,
        })
        .await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    pub(crate) async fn erase_author(&self, author: PersonId) -> Result<u64, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.submit(Job::EraseAuthor { author, reply }).await?;
        answer.await.map_err(|_| StoreError::Closed)?
    }

    async fn submit(&self, job: Job) -> Result<(), StoreError> {
        self.jobs.send(job).await.map_err(|_| StoreError::Closed)
    }

    /// Jobs queued before this one are still committed; the writer then closes its connection.
    pub(crate) async fn shut_down(&self) {
        let _ = self.jobs.send(Job::ShutDown).await;
        let task = self.task.lock().await.take();
        if let Some(task) = task
            && let Err(error) = task.await
        {
            tracing::error!(%error, "the SQLite writer stopped abnormally");
        }
    }
}

/// `Store::connect` reports a setting that did not take as itself, not as a connection error.
pub(crate) fn unwrap_setting_error(error: sqlx::Error) -> StoreError {
    match error {
        sqlx::Error::Configuration(inner) => match inner.downcast::<StoreError>() {
            Ok(store_error) => *store_error,
            Err(other) => StoreError::Connect(sqlx::Error::Configuration(other)),
        },
        other => StoreError::Connect(other),
    }
}

async fn run(mut conn: AnyConnection, mut queue: mpsc::Receiver<Job>, stats: Arc<WriteStats>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    loop {
        // Wait for one job, then take whatever else queued up while the last commit was syncing.
        if queue.recv_many(&mut batch, MAX_BATCH).await == 0 {
            break;
        }
        let shut_down = batch.iter().any(|job| matches!(job, Job::ShutDown));
        commit_batch(&mut conn, &mut batch, &stats).await;
        if shut_down {
            break;
        }
    }
    queue.close();
    while let Ok(job) = queue.try_recv() {
        job.fail(|| StoreError::Closed);
    }
    if let Err(error) = conn.close().await {
        tracing::warn!(%error, "closing the SQLite writer's connection failed");
    }
}

/// Runs every job of the batch in one transaction, each inside a savepoint so that a job that
/// fails (a conflict) writes nothing while the others go ahead, then commits once.
async fn commit_batch(conn: &mut AnyConnection, batch: &mut Vec<Job>, stats: &WriteStats) {
    let mut outcomes = Vec::with_capacity(batch.len());
    let committed = async {
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let mut appends = 0;
        for job in batch.drain(..) {
            let mut savepoint = tx.begin().await?;
            let result = match &job {
                Job::Append {
                    stream,
                    expected,
                    events,
                    ..
                } => log::append(&mut savepoint, *stream, *expected, events).await,
                Job::EraseAuthor { author, .. } => log::erase_author(&mut savepoint, *author).await,
                Job::ShutDown => Ok(0),
            };
            if result.is_ok() {
                savepoint.commit().await?;
                appends += u64::from(matches!(job, Job::Append { .. }));
            } else {
                savepoint.rollback().await?;
            }
            outcomes.push((job, result));
        }
        tx.commit().await?;
        stats.record_commit(appends);
        Ok::<_, sqlx::Error>(())
    }
    .await;

    match committed {
        Ok(()) => {
            for (job, result) in outcomes {
                match job {
                    Job::Append { reply, .. } | Job::EraseAuthor { reply, .. } => {
                        let _ = reply.send(result);
                    }
                    Job::ShutDown => {}
                }
            }
        }
        Err(error) => {
            tracing::error!(%error, "a group commit failed; its writes are rolled back");
            for (job, _) in outcomes {
                job.fail(|| StoreError::CommitFailed);
            }
            for job in batch.drain(..) {
                job.fail(|| StoreError::CommitFailed);
            }
        }
    }
}
