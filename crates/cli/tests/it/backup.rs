//! `steadfast backup` against a database another process keeps writing to, as a running server
//! would: the copy is checked, counted, and opens; an existing file is never overwritten.

use serde_json::json;
use sqlx::{AnyConnection, Connection};
use steadfast_core::{
    EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp, Visibility,
};
use steadfast_store::Store;
use uuid::Uuid;

use crate::support::{assert_one_line_error, run};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_copies_a_live_database_and_refuses_to_overwrite_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("steadfast.db").display());
    let store = Store::open(&url.parse().unwrap()).await.unwrap();
    let stream = StreamId::Space(SpaceId::from_uuid(Uuid::new_v4()));
    let author = PersonId::from_uuid(Uuid::new_v4());
    let events: Vec<NewEvent> = (0..25)
        .map(|n| NewEvent {
            id: EventId::from_uuid(Uuid::new_v4()),
            author,
            at: Timestamp::from_millis(0),
            kind: EventKind::new("tick").unwrap(),
            visibility: Visibility::Shared,
            payload: json!(n),
        })
        .collect();
    store.append(stream, 0, events).await.unwrap();
    // The store stays open, its writer holding the database, as the server's would.

    let copy = dir.path().join("backups").join("copy.db");
    std::fs::create_dir(copy.parent().unwrap()).unwrap();
    let copy_arg = copy.to_str().unwrap();
    let output = run(dir.path(), &["backup", "--database-url", &url, copy_arg]).await;
    assert!(output.status.success(), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains(copy_arg) && said.contains("(25 events)"),
        "{said}"
    );

    sqlx::any::install_default_drivers();
    let mut conn = AnyConnection::connect(&format!("sqlite://{copy_arg}?mode=ro"))
        .await
        .unwrap();
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(verdict, "ok");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(count, 25);
    conn.close().await.unwrap();

    let before = std::fs::read(&copy).unwrap();
    let again = run(dir.path(), &["backup", "--database-url", &url, copy_arg]).await;
    let line = assert_one_line_error(&again);
    assert!(line.contains("already exists"), "{line}");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        before,
        "the copy is untouched"
    );

    store.close().await;
}

#[tokio::test]
async fn backing_up_a_missing_database_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.db");
    let url = format!("sqlite://{}", missing.display());
    let copy = dir.path().join("copy.db");
    let output = run(
        dir.path(),
        &["backup", "--database-url", &url, copy.to_str().unwrap()],
    )
    .await;
    let line = assert_one_line_error(&output);
    assert!(line.contains("cannot open SQLite file"), "{line}");
    assert!(!missing.exists() && !copy.exists());
}
