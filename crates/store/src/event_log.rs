//! The event log's SQL, one dialect for both backends (TEXT and BIGINT columns, `$N`
//! placeholders). Callers bring the transaction; these functions never commit.

use sqlx::AnyConnection;
use steadfast_core::visibility::ItemMeta;
use steadfast_core::{EventKind, NewEvent, PersonId, RecordedEvent, StreamId, Timestamp};

use crate::row::{self, Columns};
use crate::{Store, StoreError};

/// The statements, shared with the SQLite writer, which runs them through its own connection.
pub(crate) mod sql {
    pub(crate) const CREATE_STREAM: &str =
        "INSERT INTO streams (stream, head) VALUES ($1, $2) ON CONFLICT (stream) DO NOTHING";
    pub(crate) const MOVE_HEAD: &str =
        "UPDATE streams SET head = $1 WHERE stream = $2 AND head = $3";
    pub(crate) const HEAD: &str = "SELECT head FROM streams WHERE stream = $1";
    pub(crate) const INSERT_EVENT: &str = "INSERT INTO events (stream, seq, id, author, at_ms, kind, visibility, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    /// What erasure needs to know of each of a person's events, in every stream.
    pub(crate) const OF_AUTHOR: &str =
        "SELECT stream, id, author, at_ms, visibility FROM events WHERE author = $1";
    pub(crate) const ERASE_EVENT: &str = "DELETE FROM events WHERE id = $1 AND author = $2";
    /// Forgets one event of a stream: its row goes, words and all (no tombstone over them).
    pub(crate) const FORGET_EVENT: &str = "DELETE FROM events WHERE stream = $1 AND id = $2";
}

/// Deletes the events of `stream` with these ids (see `Store::append_forgetting`).
pub(crate) async fn forget(
    conn: &mut AnyConnection,
    stream: StreamId,
    ids: &[String],
) -> Result<(), StoreError> {
    for id in ids {
        sqlx::query(sql::FORGET_EVENT)
            .bind(stream.to_string())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Moves the stream's head from `expected` to `expected + events.len()` and inserts the events
/// in the places between. The head moves first: if another writer got there before us the
/// update matches no row, and we stop before writing anything.
pub(crate) async fn append(
    conn: &mut AnyConnection,
    stream: StreamId,
    expected: u64,
    events: &[NewEvent],
) -> Result<u64, StoreError> {
    let stream_key = stream.to_string();
    let new_head = expected + events.len() as u64;
    let moved = if expected == 0 {
        sqlx::query(sql::CREATE_STREAM)
            .bind(&stream_key)
            .bind(to_db(new_head)?)
            .execute(&mut *conn)
            .await?
    } else {
        sqlx::query(sql::MOVE_HEAD)
            .bind(to_db(new_head)?)
            .bind(&stream_key)
            .bind(to_db(expected)?)
            .execute(&mut *conn)
            .await?
    };
    if moved.rows_affected() != 1 {
        let actual = head(conn, stream).await?;
        return Err(StoreError::Conflict {
            stream: stream_key,
            expected,
            actual,
        });
    }

    for (seq, event) in (expected + 1..).zip(events) {
        let payload = serde_json::to_string(&event.payload)
            .map_err(|error| StoreError::Corrupt(error.to_string()))?;
        sqlx::query(sql::INSERT_EVENT)
            .bind(&stream_key)
            .bind(to_db(seq)?)
            .bind(event.id.to_string())
            .bind(event.author.to_string())
            .bind(event.at.as_millis())
            .bind(event.kind.as_str())
            .bind(event.visibility.as_str())
            .bind(payload)
            .execute(&mut *conn)
            .await?;
        // Derived tables, in the same transaction: they move with the events or not at all.
        crate::reminder::apply(conn, stream, std::slice::from_ref(event)).await?;
    }
    Ok(new_head)
}

pub(crate) async fn read(
    store: &Store,
    stream: StreamId,
    from: u64,
) -> Result<Vec<RecordedEvent>, StoreError> {
    store
        .fetch_all(
            "SELECT seq, id, author, at_ms, kind, visibility, payload FROM events \
             WHERE stream = $1 AND seq >= $2 ORDER BY seq",
            vec![stream.to_string().into(), to_db(from)?.into()],
            |row| decode(stream, row),
        )
        .await
}

/// [`read`] inside a transaction the caller holds.
pub(crate) async fn read_in(
    conn: &mut AnyConnection,
    stream: StreamId,
    from: u64,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let rows = sqlx::query(
        "SELECT seq, id, author, at_ms, kind, visibility, payload FROM events \
         WHERE stream = $1 AND seq >= $2 ORDER BY seq",
    )
    .bind(stream.to_string())
    .bind(to_db(from)?)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|row| decode(stream, row)).collect()
}

pub(crate) async fn head(conn: &mut AnyConnection, stream: StreamId) -> Result<u64, StoreError> {
    let head: Option<i64> = sqlx::query_scalar(sql::HEAD)
        .bind(stream.to_string())
        .fetch_optional(&mut *conn)
        .await?;
    from_db(head.unwrap_or(0))
}

/// Deletes the events with these ids, if `author` wrote them, and the reminders about the author.
pub(crate) async fn erase_events(
    conn: &mut AnyConnection,
    author: PersonId,
    ids: &[String],
) -> Result<u64, StoreError> {
    let mut erased = 0;
    for id in ids {
        erased += sqlx::query(sql::ERASE_EVENT)
            .bind(id)
            .bind(author.to_string())
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    sqlx::query(crate::reminder::sql::ERASE)
        .bind(author.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(erased)
}

/// An event's stream, id and what the visibility rule reads, from a row of [`sql::OF_AUTHOR`].
pub(crate) fn decode_meta(row: &dyn Columns) -> Result<(StreamId, String, ItemMeta), StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("{what} of an event"));
    let stream = row::text(row, "stream")?;
    let id = row::text(row, "id")?;
    let author = row::text(row, "author")?;
    let visibility = row::text(row, "visibility")?;
    let meta = ItemMeta {
        author: author.parse().map_err(|_| corrupt("author"))?,
        visibility: visibility.parse().map_err(|_| corrupt("visibility"))?,
        at: Timestamp::from_millis(row::int(row, "at_ms")?),
    };
    Ok((stream.parse().map_err(|_| corrupt("stream"))?, id, meta))
}

fn decode(stream: StreamId, row: &dyn Columns) -> Result<RecordedEvent, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("{what} in {stream}"));
    let seq = row::int(row, "seq")?;
    let id = row::text(row, "id")?;
    let author = row::text(row, "author")?;
    let at_ms = row::int(row, "at_ms")?;
    let kind = row::text(row, "kind")?;
    let visibility = row::text(row, "visibility")?;
    let payload = row::text(row, "payload")?;
    Ok(RecordedEvent {
        stream,
        seq: from_db(seq)?,
        event: NewEvent {
            id: id.parse().map_err(|_| corrupt("event id"))?,
            author: author.parse().map_err(|_| corrupt("author"))?,
            at: Timestamp::from_millis(at_ms),
            kind: EventKind::new(kind).map_err(|_| corrupt("event kind"))?,
            visibility: visibility.parse().map_err(|_| corrupt("visibility"))?,
            payload: serde_json::from_str(&payload).map_err(|_| corrupt("payload"))?,
        },
    })
}

pub(crate) fn to_db(seq: u64) -> Result<i64, StoreError> {
    i64::try_from(seq)
        .map_err(|_| StoreError::Corrupt(format!("sequence number {seq} out of range")))
}

pub(crate) fn from_db(seq: i64) -> Result<u64, StoreError> {
    u64::try_from(seq).map_err(|_| StoreError::Corrupt(format!("negative sequence number {seq}")))
}
