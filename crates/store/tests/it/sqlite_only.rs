//! What only SQLite has: the durability settings and the group-committing writer.

use std::str::FromStr;

use serde_json::json;
use sqlx::{AnyConnection, Connection};
use steadfast_core::{
    EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp, Visibility,
};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{DatabaseUrl, Store, StoreError};
use uuid::Uuid;

fn tick(author: PersonId, n: usize) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author,
        at: Timestamp::from_millis(0),
        kind: EventKind::new("tick").expect("a valid kind"),
        visibility: Visibility::Shared,
        payload: json!(n),
    }
}

#[tokio::test]
async fn the_database_file_is_in_wal_mode() {
    let db = TestDatabase::sqlite();
    let store = Store::open(db.url()).await.expect("open");
    store.close().await;

    // Read back with a connection of our own: WAL is a property of the file.
    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(db.url().expose())
        .await
        .expect("connect");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await
        .expect("pragma");
    assert_eq!(mode, "wal");
}

#[tokio::test]
async fn a_database_that_cannot_keep_a_wal_is_refused() {
    let url = DatabaseUrl::from_str("sqlite::memory:").expect("a valid URL");
    match Store::connect(&url).await {
        Err(StoreError::SettingNotApplied { name, .. }) => assert_eq!(name, "journal_mode"),
        Err(other) => panic!("expected a refused setting, got {other}"),
        Ok(_) => panic!("an in-memory database has no WAL and must be refused"),
    }
}

#[tokio::test]
async fn a_data_file_that_cannot_be_created_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, b"").expect("write");
    let url = DatabaseUrl::from_str(&format!("sqlite://{}/steadfast.db", blocker.display()))
        .expect("url");
    match Store::connect(&url).await {
        Err(error @ StoreError::Connect(_)) => {
            assert!(error.to_string().starts_with("could not open the database"))
        }
        Err(other) => panic!("expected a connection error, got {other}"),
        Ok(_) => panic!("a database under a regular file cannot exist"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appends_share_commits() {
    const TASKS: usize = 16;
    const APPENDS: usize = 1_000;
    let db = TestDatabase::sqlite();
    let store = Store::open(db.url()).await.expect("open");

    let writers: Vec<_> = (0..TASKS)
        .map(|_| {
            let store = store.clone();
            let author = PersonId::from_uuid(Uuid::new_v4());
            let stream = StreamId::Space(SpaceId::from_uuid(Uuid::new_v4()));
            tokio::spawn(async move {
                for n in 0..APPENDS / TASKS {
                    store
                        .append(stream, n as u64, vec![tick(author, n)])
                        .await
                        .expect("append");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.await.expect("writer");
    }

    let stats = store.write_stats();
    let appends = (APPENDS / TASKS * TASKS) as u64;
    assert_eq!(stats.appends(), appends);
    assert!(
        stats.commits() * 2 <= appends,
        "{} commits for {appends} concurrent appends: the writer is not grouping them",
        stats.commits()
    );
    store.close().await;
}

#[tokio::test]
async fn writes_queued_before_close_are_committed() {
    let db = TestDatabase::sqlite();
    let store = Store::open(db.url()).await.expect("open");
    let author = PersonId::from_uuid(Uuid::new_v4());
    let streams: Vec<_> = (0..50)
        .map(|_| StreamId::Space(SpaceId::from_uuid(Uuid::new_v4())))
        .collect();

    let pending: Vec<_> = streams
        .iter()
        .map(|stream| {
            let (store, stream) = (store.clone(), *stream);
            tokio::spawn(async move { store.append(stream, 0, vec![tick(author, 0)]).await })
        })
        .collect();
    tokio::task::yield_now().await;
    store.close().await;

    let mut acknowledged = Vec::new();
    for (stream, write) in streams.iter().zip(pending) {
        match write.await.expect("task") {
            Ok(_) => acknowledged.push(*stream),
            Err(StoreError::Closed) => {}
            Err(other) => panic!("a write failed otherwise than by the close: {other}"),
        }
    }
    let reopened = Store::open(db.url()).await.expect("reopen");
    for stream in acknowledged {
        assert_eq!(
            reopened.read(stream, 1).await.expect("read").len(),
            1,
            "an acknowledged write was lost"
        );
    }
    reopened.close().await;
}
