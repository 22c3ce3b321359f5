//! The scope that PostgreSQL's row-level security checks (migration 0007): which space's, which
//! person's, or — for the few cross-space tasks — all rows of the content tables a transaction
//! may touch. Set per transaction (`set_config(…, true)`), so it ends with the transaction and
//! never carries over to the next user of a pooled connection.
//!
//! This is defence in depth behind the application's own checks, which decide who may see what;
//! a query that forgets to set a scope sees no content. SQLite has no row-level security, and
//! these functions do nothing there.

use sqlx::AnyConnection;
use steadfast_core::{SpaceId, StreamId};

use crate::{Backend, StoreError};

/// Which rows a transaction may touch.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope {
    /// One stream: a space's (and its reminders) or a person's.
    Stream(StreamId),
    /// One space's stream and reminders.
    Space(SpaceId),
    /// Every row: only the sanctioned cross-space paths (see [`system`]).
    System,
}

/// Limits the transaction on `conn` to `scope`.
pub(crate) async fn limit(
    conn: &mut AnyConnection,
    backend: Backend,
    scope: Scope,
) -> Result<(), StoreError> {
    match scope {
        Scope::Stream(id) => stream(conn, backend, id).await,
        Scope::Space(id) => space(conn, backend, id).await,
        Scope::System => system(conn, backend).await,
    }
}

/// Limits the transaction on `conn` to one stream: a space's (and its reminders) or a person's.
pub(crate) async fn stream(
    conn: &mut AnyConnection,
    backend: Backend,
    stream: StreamId,
) -> Result<(), StoreError> {
    match stream {
        StreamId::Space(space) => set(conn, backend, "steadfast.space", space.to_string()).await,
        StreamId::Person(person) => {
            set(conn, backend, "steadfast.person", person.to_string()).await
        }
    }
}

/// Limits the transaction on `conn` to one space's stream and reminders.
pub(crate) async fn space(
    conn: &mut AnyConnection,
    backend: Backend,
    space: SpaceId,
) -> Result<(), StoreError> {
    set(conn, backend, "steadfast.space", space.to_string()).await
}

/// Opens every row of the content tables to the transaction on `conn`. Only for the sanctioned
/// cross-space paths: the reminder scan and rebuild, erasing a deleted account's events, and the
/// operator's content-free figures.
pub(crate) async fn system(conn: &mut AnyConnection, backend: Backend) -> Result<(), StoreError> {
    set(conn, backend, "steadfast.scope", "system".to_owned()).await
}

async fn set(
    conn: &mut AnyConnection,
    backend: Backend,
    name: &'static str,
    value: String,
) -> Result<(), StoreError> {
    if backend == Backend::Postgres {
        // `true`: local to the transaction. Outside one it would last a single statement.
        sqlx::query("SELECT set_config($1, $2, true)")
            .bind(name)
            .bind(value)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
