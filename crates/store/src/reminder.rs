//! The reminders table: derived from the event log by `steadfast_core::reminder`, written in the
//! same transaction as each append (both the SQLite writer's and the pool's), and rebuilt from
//! the log on demand. The rows carry no user text.
//!
//! Sending claims a row first (its `fire_ms` moves ahead by a lease, conditionally on the value
//! read), so two instances never send the same reminder, and a send that fails or a process that
//! dies mid-send leaves the row to come round again when the lease runs out: a reminder is
//! retried, never lost silently.

use std::fmt;
use std::sync::LazyLock;

use sqlx::AnyConnection;
use sqlx::Row;
use sqlx::any::AnyRow;
use steadfast_core::event::Visibility;
use steadfast_core::reminder::{self, Pending, Reminder, ReminderTable};
use steadfast_core::visibility::ItemMeta;
use steadfast_core::{NewEvent, PersonId, SpaceId, StreamId, Timestamp};

use crate::rls::Scope;
use crate::row::{self, Columns};
use crate::{Backend, Store, StoreError, event_log};

pub(crate) mod sql {
    pub(crate) const COLUMNS: &str = "space, item, kind, person, partner, author, visibility, \
         made_ms, due_ms, fire_ms, pending, paused, schedule";
    pub(crate) const OF_ITEM: &str = "SELECT space, item, kind, person, partner, author, \
         visibility, made_ms, due_ms, fire_ms, pending, paused, schedule FROM reminders \
         WHERE space = $1 AND item = $2 ORDER BY kind, person";
    pub(crate) const DELETE_ITEM: &str = "DELETE FROM reminders WHERE space = $1 AND item = $2";
    pub(crate) const INSERT: &str = "INSERT INTO reminders (space, item, kind, person, partner, \
         author, visibility, made_ms, due_ms, fire_ms, pending, paused, schedule) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
    /// A person erased takes with them every reminder of theirs, to them, or about a promise
    /// with them.
    pub(crate) const ERASE: &str =
        "DELETE FROM reminders WHERE author = $1 OR person = $1 OR partner = $1";
}

/// The wall clock, for the one rebuild the store starts by itself (after the migration that adds
/// the table); everything else is given its time by the caller.
pub(crate) fn system_now() -> Timestamp {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        });
    Timestamp::from_millis(millis)
}

/// A row as both drivers carry it: text and integers.
struct Raw {
    space: String,
    item: String,
    kind: String,
    person: String,
    partner: String,
    author: String,
    visibility: String,
    made_ms: i64,
    due_ms: Option<i64>,
    fire_ms: Option<i64>,
    pending: Option<String>,
    paused: i64,
    schedule: Option<String>,
}

impl Raw {
    fn of(reminder: &Reminder) -> Self {
        Self {
            space: reminder.space.to_string(),
            item: reminder.item.to_string(),
            kind: reminder.kind.as_str().to_owned(),
            person: reminder.person.map(|p| p.to_string()).unwrap_or_default(),
            partner: reminder.partner.map(|p| p.to_string()).unwrap_or_default(),
            author: reminder.meta.author.to_string(),
            visibility: reminder.meta.visibility.as_str().to_owned(),
            made_ms: reminder.meta.at.as_millis(),
            due_ms: reminder.due.map(Timestamp::as_millis),
            fire_ms: reminder.fire_at.map(Timestamp::as_millis),
            pending: reminder.pending.map(|p| p.to_string()),
            paused: i64::from(reminder.paused),
            schedule: reminder.schedule.clone(),
        }
    }

    fn decode(self) -> Result<Reminder, StoreError> {
        let corrupt = |what: &str| StoreError::Corrupt(format!("unreadable {what} in a reminder"));
        let optional_person = |text: &str| -> Result<Option<PersonId>, StoreError> {
            if text.is_empty() {
                Ok(None)
            } else {
                text.parse().map(Some).map_err(|_| corrupt("person"))
            }
        };
        Ok(Reminder {
            space: self.space.parse().map_err(|_| corrupt("space"))?,
            item: self.item.parse().map_err(|_| corrupt("item"))?,
            kind: self.kind.parse().map_err(|_| corrupt("kind"))?,
            person: optional_person(&self.person)?,
            partner: optional_person(&self.partner)?,
            meta: ItemMeta {
                author: self.author.parse().map_err(|_| corrupt("author"))?,
                visibility: self
                    .visibility
                    .parse::<Visibility>()
                    .map_err(|_| corrupt("visibility"))?,
                at: Timestamp::from_millis(self.made_ms),
            },
            due: self.due_ms.map(Timestamp::from_millis),
            fire_at: self.fire_ms.map(Timestamp::from_millis),
            pending: self
                .pending
                .map(|p| p.parse::<Pending>().map_err(|_| corrupt("pending terms")))
                .transpose()?,
            paused: self.paused != 0,
            schedule: self.schedule,
        })
    }

    /// A row read by [`crate::read`] (either driver).
    fn from_columns(row: &dyn Columns) -> Result<Self, StoreError> {
        Ok(Self {
            space: row::text(row, "space")?,
            item: row::text(row, "item")?,
            kind: row::text(row, "kind")?,
            person: row::text(row, "person")?,
            partner: row::text(row, "partner")?,
            author: row::text(row, "author")?,
            visibility: row::text(row, "visibility")?,
            made_ms: row::int(row, "made_ms")?,
            due_ms: row.int("due_ms")?,
            fire_ms: row.int("fire_ms")?,
            pending: row::optional_text(row, "pending")?,
            paused: row::int(row, "paused")?,
            schedule: row::optional_text(row, "schedule")?,
        })
    }

    fn from_any(row: &AnyRow) -> Result<Self, StoreError> {
        Ok(Self {
            space: row.try_get("space")?,
            item: row.try_get("item")?,
            kind: row.try_get("kind")?,
            person: row.try_get("person")?,
            partner: row.try_get("partner")?,
            author: row.try_get("author")?,
            visibility: row.try_get("visibility")?,
            made_ms: row.try_get("made_ms")?,
            due_ms: row.try_get("due_ms")?,
            fire_ms: row.try_get("fire_ms")?,
            pending: row.try_get("pending")?,
            paused: row.try_get("paused")?,
            schedule: row.try_get("schedule")?,
        })
    }

    fn from_sqlite(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            space: row.get(0)?,
            item: row.get(1)?,
            kind: row.get(2)?,
            person: row.get(3)?,
            partner: row.get(4)?,
            author: row.get(5)?,
            visibility: row.get(6)?,
            made_ms: row.get(7)?,
            due_ms: row.get(8)?,
            fire_ms: row.get(9)?,
            pending: row.get(10)?,
            paused: row.get(11)?,
            schedule: row.get(12)?,
        })
    }
}

fn decode_any(row: &AnyRow) -> Result<Reminder, StoreError> {
    Raw::from_any(row)?.decode()
}

/// The rows of the item each event is about, rewritten as the event derives them: the pool's
/// half of an append, on the append's own transaction.
pub(crate) async fn apply(
    conn: &mut AnyConnection,
    stream: StreamId,
    events: &[NewEvent],
) -> Result<(), StoreError> {
    let StreamId::Space(space) = stream else {
        return Ok(());
    };
    for event in events {
        let Some(item) = reminder::item_of(event) else {
            continue;
        };
        let current = sqlx::query(sql::OF_ITEM)
            .bind(space.to_string())
            .bind(item.to_string())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(decode_any)
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(rows) = reminder::derive(space, event, &current) {
            replace(conn, space, item, &rows).await?;
        }
    }
    Ok(())
}

async fn replace(
    conn: &mut AnyConnection,
    space: SpaceId,
    item: uuid::Uuid,
    rows: &[Reminder],
) -> Result<(), StoreError> {
    sqlx::query(sql::DELETE_ITEM)
        .bind(space.to_string())
        .bind(item.to_string())
        .execute(&mut *conn)
        .await?;
    for row in rows {
        insert(conn, row).await?;
    }
    Ok(())
}

async fn insert(conn: &mut AnyConnection, row: &Reminder) -> Result<(), StoreError> {
    let raw = Raw::of(row);
    sqlx::query(sql::INSERT)
        .bind(raw.space)
        .bind(raw.item)
        .bind(raw.kind)
        .bind(raw.person)
        .bind(raw.partner)
        .bind(raw.author)
        .bind(raw.visibility)
        .bind(raw.made_ms)
        .bind(raw.due_ms)
        .bind(raw.fire_ms)
        .bind(raw.pending)
        .bind(raw.paused)
        .bind(raw.schedule)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The same as [`apply`], on the SQLite writer's connection and inside its transaction (and the
/// job's savepoint, when the batch runs with one), so a failed append leaves no reminder behind.
pub(crate) fn apply_sqlite(
    conn: &rusqlite::Connection,
    stream: StreamId,
    events: &[NewEvent],
) -> Result<(), StoreError> {
    let StreamId::Space(space) = stream else {
        return Ok(());
    };
    for event in events {
        let Some(item) = reminder::item_of(event) else {
            continue;
        };
        let (space_key, item_key) = (space.to_string(), item.to_string());
        let current = {
            let mut select = conn
                .prepare_cached(sql::OF_ITEM)
                .map_err(StoreError::database)?;
            let raws = select
                .query_map(rusqlite::params![space_key, item_key], Raw::from_sqlite)
                .map_err(StoreError::database)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(StoreError::database)?;
            raws.into_iter()
                .map(Raw::decode)
                .collect::<Result<Vec<_>, _>>()?
        };
        let Some(rows) = reminder::derive(space, event, &current) else {
            continue;
        };
        conn.prepare_cached(sql::DELETE_ITEM)
            .and_then(|mut delete| delete.execute(rusqlite::params![space_key, item_key]))
            .map_err(StoreError::database)?;
        let mut insert = conn
            .prepare_cached(sql::INSERT)
            .map_err(StoreError::database)?;
        for row in &rows {
            let raw = Raw::of(row);
            insert
                .execute(rusqlite::params![
                    raw.space,
                    raw.item,
                    raw.kind,
                    raw.person,
                    raw.partner,
                    raw.author,
                    raw.visibility,
                    raw.made_ms,
                    raw.due_ms,
                    raw.fire_ms,
                    raw.pending,
                    raw.paused,
                    raw.schedule,
                ])
                .map_err(StoreError::database)?;
        }
    }
    Ok(())
}

/// Whether a person wants their reminders by email, and in which language.
#[derive(Clone, PartialEq, Eq)]
pub struct EmailReminders {
    pub person: PersonId,
    pub on: bool,
    /// The language the person used when they chose (`en`, `pl`).
    pub lang: String,
    pub updated_at: Timestamp,
}

impl fmt::Debug for EmailReminders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmailReminders")
            .field("person", &self.person)
            .field("on", &self.on)
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Keys a claimed or advanced row by what identifies it and the `fire_ms` it was read with.
const CONDITIONAL_UPDATE: &str = "UPDATE reminders SET due_ms = $1, fire_ms = $2 \
     WHERE space = $3 AND item = $4 AND kind = $5 AND person = $6 AND fire_ms = $7";

impl Store {
    /// Reminders whose time has come by `now`, earliest first, at most `limit`. Found through
    /// the index on the send time alone.
    pub async fn due_reminders(
        &self,
        now: Timestamp,
        limit: u32,
    ) -> Result<Vec<Reminder>, StoreError> {
        let select = format!(
            "SELECT {} FROM reminders WHERE fire_ms IS NOT NULL AND fire_ms <= $1 \
             ORDER BY fire_ms LIMIT $2",
            sql::COLUMNS
        );
        // Row-level security (PostgreSQL): the scan looks across spaces, and reads no text.
        let mut tx = self.inner.scoped_tx(Scope::System).await?;
        let due = sqlx::query(sqlx::AssertSqlSafe(select))
            .bind(now.as_millis())
            .bind(i64::from(limit))
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(decode_any)
            .collect();
        tx.commit().await?;
        due
    }

    /// Takes a due reminder for sending: moves its send time to `until` (a lease), if nobody
    /// else took or changed it since it was read. Answers the claimed row, or `None` when it was
    /// taken or changed meanwhile. Until [`Store::mark_reminder_sent`], the reminder comes round
    /// again at `until`.
    pub async fn claim_reminder(
        &self,
        reminder: &Reminder,
        until: Timestamp,
    ) -> Result<Option<Reminder>, StoreError> {
        let Some(fire_at) = reminder.fire_at else {
            return Ok(None);
        };
        let claimed = Reminder {
            fire_at: Some(until),
            ..reminder.clone()
        };
        let updated = self.conditional_update(&claimed, fire_at).await?;
        Ok(updated.then_some(claimed))
    }

    /// Records that a claimed reminder went out at `now`: a promise's is done with, a ritual's
    /// moves to its next occurrence. A row an append changed meanwhile keeps what it says now.
    pub async fn mark_reminder_sent(
        &self,
        claimed: &Reminder,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let Some(lease) = claimed.fire_at else {
            return Ok(());
        };
        let next = reminder::after_sent(claimed, now);
        self.conditional_update(&next, lease).await?;
        Ok(())
    }

    async fn conditional_update(
        &self,
        row: &Reminder,
        fire_was: Timestamp,
    ) -> Result<bool, StoreError> {
        let raw = Raw::of(row);
        let mut tx = self.write_tx().await?;
        // Row-level security (PostgreSQL): this row's space only.
        crate::rls::space(&mut tx, self.inner.backend, row.space).await?;
        let updated = sqlx::query(CONDITIONAL_UPDATE)
            .bind(raw.due_ms)
            .bind(raw.fire_ms)
            .bind(raw.space)
            .bind(raw.item)
            .bind(raw.kind)
            .bind(raw.person)
            .bind(fire_was.as_millis())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(updated.rows_affected() == 1)
    }

    /// The reminders of one space for `person` (theirs, and those for every member) whose time
    /// falls between `from` and `until`, soonest first. Whether the person may see each one is
    /// still for the caller to ask (`steadfast_core::reminder::recipients`).
    pub async fn upcoming_reminders(
        &self,
        person: PersonId,
        space: SpaceId,
        from: Timestamp,
        until: Timestamp,
    ) -> Result<Vec<Reminder>, StoreError> {
        static UPCOMING: LazyLock<String> = LazyLock::new(|| {
            format!(
                "SELECT {} FROM reminders WHERE space = $1 AND (person = $2 OR person = '') \
                 AND paused = 0 AND due_ms IS NOT NULL AND due_ms >= $3 AND due_ms <= $4 \
                 ORDER BY due_ms, kind, item",
                sql::COLUMNS
            )
        });
        let select = UPCOMING.as_str();
        if self.inner.backend == Backend::Sqlite {
            // Every space page asks: read inline (see `read.rs`); SQLite has no row security.
            let args = vec![
                space.to_string().into(),
                person.to_string().into(),
                from.as_millis().into(),
                until.as_millis().into(),
            ];
            return self
                .fetch_all(select, args, |row| Raw::from_columns(row)?.decode())
                .await;
        }
        // Row-level security (PostgreSQL): this space only.
        let mut tx = self.inner.scoped_tx(Scope::Space(space)).await?;
        let upcoming = sqlx::query(sqlx::AssertSqlSafe(select))
            .bind(space.to_string())
            .bind(person.to_string())
            .bind(from.as_millis())
            .bind(until.as_millis())
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(decode_any)
            .collect();
        tx.commit().await?;
        upcoming
    }

    /// Every reminder, in key order: for tests and the rebuild's comparison.
    pub async fn all_reminders(&self) -> Result<Vec<Reminder>, StoreError> {
        let select = format!(
            "SELECT {} FROM reminders ORDER BY space, item, kind, person",
            sql::COLUMNS
        );
        // Row-level security (PostgreSQL): every space's rows, for tests and the rebuild.
        let mut tx = self.inner.scoped_tx(Scope::System).await?;
        let all = sqlx::query(sqlx::AssertSqlSafe(select))
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(decode_any)
            .collect();
        tx.commit().await?;
        all
    }

    /// Recomputes the whole table from the event log, as of `now` (what was already due by then
    /// is not sent again: a rebuild cannot know what was). Answers how many rows it wrote.
    ///
    /// It holds the write lock while it reads and writes, so no append slips in between: on
    /// SQLite appends wait for it (run it when the server is quiet on a large database); on
    /// PostgreSQL appends wait at their first reminder write.
    pub async fn rebuild_reminders(&self, now: Timestamp) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        // Row-level security (PostgreSQL): the rebuild reads every space's log.
        crate::rls::system(&mut tx, self.inner.backend).await?;
        if self.inner.backend == Backend::Postgres {
            sqlx::query("LOCK TABLE reminders IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let streams: Vec<String> =
            sqlx::query_scalar("SELECT stream FROM streams WHERE stream LIKE 'space:%'")
                .fetch_all(&mut *tx)
                .await?;
        let mut table = ReminderTable::default();
        for stream in streams {
            let stream: StreamId = stream
                .parse()
                .map_err(|_| StoreError::Corrupt("unreadable stream id".to_owned()))?;
            let StreamId::Space(space) = stream else {
                continue;
            };
            for recorded in event_log::read_in(&mut tx, stream, 1).await? {
                table.apply(space, &recorded.event);
            }
        }
        table.settle(now);
        sqlx::query("DELETE FROM reminders")
            .execute(&mut *tx)
            .await?;
        let mut written = 0;
        for row in table.into_rows() {
            insert(&mut tx, &row).await?;
            written += 1;
        }
        tx.commit().await?;
        Ok(written)
    }

    /// The person's choice about email reminders; `None` if they never made one (off).
    pub async fn email_reminders(
        &self,
        person: PersonId,
    ) -> Result<Option<EmailReminders>, StoreError> {
        let row = sqlx::query(
            "SELECT person, email, lang, updated_ms FROM reminder_settings WHERE person = $1",
        )
        .bind(person.to_string())
        .fetch_optional(&self.inner.pool)
        .await?;
        row.map(|row| {
            let email: i64 = row.try_get("email")?;
            Ok(EmailReminders {
                person: crate::row::id(&row, "person")?,
                on: email != 0,
                lang: crate::row::text(&row, "lang")?,
                updated_at: crate::row::time(&row, "updated_ms")?,
            })
        })
        .transpose()
    }

    /// Switches email reminders on or off for the person, remembering the language to write in.
    pub async fn set_email_reminders(&self, choice: &EmailReminders) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO reminder_settings (person, email, lang, updated_ms) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person) DO UPDATE \
             SET email = excluded.email, lang = excluded.lang, updated_ms = excluded.updated_ms",
        )
        .bind(choice.person.to_string())
        .bind(i64::from(choice.on))
        .bind(&choice.lang)
        .bind(choice.updated_at.as_millis())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
