//! Persistence for Steadfast: the event log, accounts, sessions, API tokens and spaces on SQLite
//! (the default, one file) or PostgreSQL (for hosted, multi-instance deployments), with the same
//! behaviour on both, proven by one test suite.

#![forbid(unsafe_code)]

mod account;
mod admin;
mod backup;
mod coach;
mod error;
mod event_log;
mod feed;
mod import;
mod migrate;
mod notice;
mod read;
mod redact;
mod reminder;
mod rls;
mod row;
mod session;
mod space;
mod sqlite;
mod token;
mod url;

#[cfg(feature = "testing")]
pub mod testing;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Connection, Transaction};
use steadfast_core::space::Member;
use steadfast_core::visibility;
use steadfast_core::{EventId, NewEvent, PersonId, RecordedEvent, SpaceId, StreamId};

pub use account::{Account, NewAccount};
pub use admin::{Figures, LinkPurpose, LinkState, PasswordLink, WeekFigures, week_start};
pub use backup::BackupReport;
pub use coach::{CoachAcceptOutcome, CoachReadRecord, CoachStay, GrantRecord};
pub use error::StoreError;
pub use feed::FeedRecord;
pub use import::ImportedSpace;
pub use migrate::MigrationReport;
pub use notice::{AccountNotice, NoticeKind};
pub use reminder::EmailReminders;
pub use session::SessionRecord;
pub use space::{AcceptOutcome, InviteRecord, MemberRecord, NewSpace, SpaceRecord};
pub use token::ApiTokenRecord;
pub use url::{Backend, DatabaseUrl};

use rls::Scope;
use sqlite::{Readers, Writer};

/// A handle to the database. Cheap to clone; all clones share one pool (and, on SQLite, one
/// writer).
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    backend: Backend,
    pool: AnyPool,
    /// SQLite allows one writer at a time; all writes go through this task, which commits them in
    /// groups so that one fsync serves many appends. PostgreSQL writes through the pool.
    writer: Option<Writer>,
    /// SQLite only: connections for the reads every page makes (see `read.rs`).
    readers: Option<Readers>,
    stats: Arc<WriteStats>,
}

/// Counters of the write path, for metrics, the append benchmark and the group-commit test.
#[derive(Debug, Default)]
pub struct WriteStats {
    appends: AtomicU64,
    commits: AtomicU64,
}

impl WriteStats {
    pub fn appends(&self) -> u64 {
        self.appends.load(Ordering::Relaxed)
    }

    pub fn commits(&self) -> u64 {
        self.commits.load(Ordering::Relaxed)
    }

    fn record_commit(&self, appends: u64) {
        self.appends.fetch_add(appends, Ordering::Relaxed);
        self.commits.fetch_add(1, Ordering::Relaxed);
        metrics::counter!("steadfast_store_appends_total").increment(appends);
        metrics::counter!("steadfast_store_commits_total").increment(1);
        metrics::histogram!("steadfast_store_appends_per_commit").record(appends as f64);
    }
}

/// The event log's one write path, on either backend: SQLite's single writer thread, which
/// commits appends in groups on its own connection, or a transaction through PostgreSQL's pool,
/// limited by row-level security. Both run the statements of `event_log::sql`.
impl Inner {
    async fn append(
        &self,
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
        forget: Vec<String>,
    ) -> Result<u64, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.append(stream, expected, events, forget).await;
        }
        let mut tx = self.scoped_tx(Scope::Stream(stream)).await?;
        let head = event_log::append(&mut tx, stream, expected, &events).await?;
        // PostgreSQL has no `secure_delete`: a deleted row stays in its page until VACUUM
        // reuses the space, which is the database server's own housekeeping.
        event_log::forget(&mut tx, stream, &forget).await?;
        tx.commit().await?;
        self.stats.record_commit(1);
        Ok(head)
    }

    async fn erase_events(
        &self,
        author: PersonId,
        ids: Vec<String>,
        scope: Scope,
    ) -> Result<u64, StoreError> {
        if let Some(writer) = &self.writer {
            return writer.erase_events(author, ids).await;
        }
        let mut tx = self.scoped_tx(scope).await?;
        let erased = event_log::erase_events(&mut tx, author, &ids).await?;
        tx.commit().await?;
        Ok(erased)
    }

    /// A transaction through the pool that may touch only `scope`'s rows (row-level security on
    /// PostgreSQL; nothing to set on SQLite).
    pub(crate) async fn scoped_tx(
        &self,
        scope: Scope,
    ) -> Result<Transaction<'static, Any>, StoreError> {
        let mut tx = self.pool.begin().await?;
        rls::limit(&mut tx, self.backend, scope).await?;
        Ok(tx)
    }
}

impl Store {
    /// Connects without touching the schema. On SQLite this checks that the durability settings
    /// took (WAL, `synchronous=FULL`, foreign keys, busy timeout) and refuses to go on otherwise.
    pub async fn connect(url: &DatabaseUrl) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let stats = Arc::new(WriteStats::default());
        let readers = (url.backend() == Backend::Sqlite).then(|| Readers::new(url));
        let (pool, writer) = match url.backend() {
            Backend::Sqlite => {
                // The writer's own connection goes first: a setting that does not take is
                // reported at once, instead of as a pool that times out retrying.
                let writer = Writer::start(url, Arc::clone(&stats)).await?;
                let pool = AnyPoolOptions::new()
                    .max_connections(4)
                    .acquire_timeout(Duration::from_secs(10))
                    .after_connect(|conn, _| Box::pin(sqlite::apply_settings(conn)))
                    .connect(url.as_connect_str())
                    .await
                    .map_err(sqlite::unwrap_setting_error)?;
                (pool, Some(writer))
            }
            Backend::Postgres => {
                // One direct connection first: an unreachable server or a wrong password is
                // reported at once and as itself, not as a pool that timed out retrying.
                let probe = AnyConnection::connect(url.as_connect_str())
                    .await
                    .map_err(StoreError::connect)?;
                let _ = probe.close().await;
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url.as_connect_str())
                    .await
                    .map_err(StoreError::connect)?;
                (pool, None)
            }
        };
        Ok(Self {
            inner: Arc::new(Inner {
                backend: url.backend(),
                pool,
                writer,
                readers,
                stats,
            }),
        })
    }

    /// Connects and brings the schema up to date: what `steadfast serve` does at start.
    pub async fn open(url: &DatabaseUrl) -> Result<Self, StoreError> {
        let store = Self::connect(url).await?;
        if let Err(error) = store.migrate().await {
            store.close().await;
            return Err(error);
        }
        Ok(store)
    }

    /// Applies the migrations embedded in the binary that this database has not seen yet.
    pub async fn migrate(&self) -> Result<MigrationReport, StoreError> {
        let report = migrate::run(self.inner.backend, &self.inner.pool).await?;
        // The reminders table came after the log: fill it from the events already there.
        if report.applied.contains(&migrate::REMINDERS_VERSION) {
            self.rebuild_reminders(reminder::system_now()).await?;
        }
        Ok(report)
    }

    pub fn backend(&self) -> Backend {
        self.inner.backend
    }

    pub fn write_stats(&self) -> &WriteStats {
        &self.inner.stats
    }

    /// Appends `events` to `stream` if its head is still `expected` (0 for a new stream), and
    /// returns the new head. Otherwise nothing is written and the answer is
    /// [`StoreError::Conflict`]: the caller decides again on fresh state.
    pub async fn append(
        &self,
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
    ) -> Result<u64, StoreError> {
        self.append_forgetting(stream, expected, events, Vec::new())
            .await
    }

    /// Appends like [`Store::append`] and, in the same transaction, deletes the events of
    /// `stream` whose ids are in `forget`: their rows go, words and all. For what its author
    /// takes back for good (a deleted journal entry's words, forgotten as its tombstone is
    /// written); the caller decides which events those are. On SQLite the deleted rows' pages
    /// are overwritten (`secure_delete`) and the WAL is checkpointed and truncated afterwards,
    /// so the words leave the files too.
    pub async fn append_forgetting(
        &self,
        stream: StreamId,
        expected: u64,
        events: Vec<NewEvent>,
        forget: Vec<EventId>,
    ) -> Result<u64, StoreError> {
        let forget: Vec<String> = forget.iter().map(ToString::to_string).collect();
        self.inner.append(stream, expected, events, forget).await
    }

    /// The events of `stream` from sequence number `from` on, in order.
    pub async fn read(
        &self,
        stream: StreamId,
        from: u64,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        // Row-level security (PostgreSQL): the scope lives in a transaction of its own.
        if self.inner.backend == Backend::Postgres {
            let mut tx = self.inner.scoped_tx(Scope::Stream(stream)).await?;
            let events = event_log::read_in(&mut tx, stream, from).await?;
            tx.commit().await?;
            return Ok(events);
        }
        event_log::read(self, stream, from).await
    }

    /// The highest sequence number `stream` has given out; 0 for a stream never written.
    pub async fn head(&self, stream: StreamId) -> Result<u64, StoreError> {
        // Row-level security (PostgreSQL): the scope lives in a transaction of its own.
        if self.inner.backend == Backend::Postgres {
            let mut tx = self.inner.scoped_tx(Scope::Stream(stream)).await?;
            let head = event_log::head(&mut tx, stream).await?;
            tx.commit().await?;
            return Ok(head);
        }
        let mut conn = self.inner.pool.acquire().await?;
        event_log::head(&mut conn, stream).await
    }

    /// Deletes the events `author` wrote, in every stream, and returns how many went: all of them
    /// but the shared ones someone still in a space keeps (`visibility::survives_erasure`: what
    /// was shared with the partner who stayed stays theirs). Their own stream, their private
    /// items and what nobody received all go. Call it after the author's stays have ended (as
    /// deleting an account does), so the rule reads who stayed. Calling it again erases nothing
    /// more unless someone has left since.
    pub async fn erase_author(&self, author: PersonId) -> Result<u64, StoreError> {
        let doomed = self.erasable(author).await?;
        // A person's events are in every stream.
        self.inner.erase_events(author, doomed, Scope::System).await
    }

    /// Erases what nobody can read any more in `space`: the events of people whose account is
    /// gone that no one still in the space keeps (`visibility::survives_erasure`). A deleted
    /// partner's shared history stays only while the partner who received it is there; once
    /// they leave or delete their own account, it goes too. Returns how many went.
    pub async fn erase_unreachable(&self, space: SpaceId) -> Result<u64, StoreError> {
        let members: Vec<Member> = self
            .members(space)
            .await?
            .iter()
            .map(|stay| Member {
                person: stay.person,
                joined: stay.joined_at,
                left: stay.left_at,
            })
            .collect();
        let mut gone: std::collections::HashMap<PersonId, bool> = std::collections::HashMap::new();
        let mut doomed: std::collections::BTreeMap<PersonId, Vec<String>> =
            std::collections::BTreeMap::new();
        for recorded in self.read(StreamId::Space(space), 1).await? {
            let author = recorded.event.author;
            let account_gone = match gone.get(&author) {
                Some(&known) => known,
                None => {
                    let known = self.account(author).await?.is_none();
                    gone.insert(author, known);
                    known
                }
            };
            let meta = visibility::ItemMeta::from(&recorded);
            if account_gone && !visibility::survives_erasure(&meta, &members) {
                doomed
                    .entry(author)
                    .or_default()
                    .push(recorded.event.id.to_string());
            }
        }
        let mut erased = 0;
        for (author, ids) in doomed {
            erased += self
                .inner
                .erase_events(author, ids, Scope::Space(space))
                .await?;
        }
        Ok(erased)
    }

    /// On SQLite, checkpoints the WAL and truncates it to nothing, so the old pages of rows just
    /// deleted (with `secure_delete`, the file's own copies are already overwritten) leave the
    /// `-wal` file as well. Nothing to do on PostgreSQL: it has no `secure_delete`, and its
    /// write-ahead log and dead rows are the database server's housekeeping (VACUUM).
    pub async fn truncate_wal(&self) -> Result<(), StoreError> {
        match &self.inner.writer {
            Some(writer) => writer.truncate_wal().await,
            None => Ok(()),
        }
    }

    /// The ids of `author`'s events that erasure deletes, decided by the core's rule with each
    /// space's members as they are now.
    async fn erasable(&self, author: PersonId) -> Result<Vec<String>, StoreError> {
        let mut tx = self.inner.scoped_tx(Scope::System).await?;
        let rows = sqlx::query(event_log::sql::OF_AUTHOR)
            .bind(author.to_string())
            .fetch_all(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut members_of: std::collections::HashMap<SpaceId, Vec<Member>> =
            std::collections::HashMap::new();
        let mut doomed = Vec::new();
        for row in &rows {
            let (stream, id, meta) = event_log::decode_meta(row)?;
            let keep = match stream {
                StreamId::Space(space) => {
                    let members = match members_of.entry(space) {
                        std::collections::hash_map::Entry::Occupied(known) => known.into_mut(),
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            let stays = self.members(space).await?;
                            slot.insert(
                                stays
                                    .iter()
                                    .map(|stay| Member {
                                        person: stay.person,
                                        joined: stay.joined_at,
                                        left: stay.left_at,
                                    })
                                    .collect(),
                            )
                        }
                    };
                    visibility::survives_erasure(&meta, members)
                }
                StreamId::Person(_) => false,
            };
            if !keep {
                doomed.push(id);
            }
        }
        Ok(doomed)
    }

    /// A transaction for writing through the pool (accounts, sessions, spaces: everything but the
    /// event log). On SQLite it takes the write lock at its start, waiting out the busy timeout
    /// while the writer thread holds it; a transaction that read first and wrote later would
    /// instead fail at once with `SQLITE_BUSY` whenever another write slipped in between.
    pub(crate) async fn write_tx(&self) -> Result<Transaction<'static, Any>, StoreError> {
        let tx = match self.inner.backend {
            Backend::Sqlite => self.inner.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.inner.pool.begin().await?,
        };
        Ok(tx)
    }

    /// Answers whether the database takes a query now: what `/readyz` asks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.inner.pool).await?;
        Ok(())
    }

    /// Finishes the writes already queued, then closes every connection.
    pub async fn close(&self) {
        if let Some(writer) = &self.inner.writer {
            writer.shut_down().await;
        }
        self.inner.pool.close().await;
    }
}
