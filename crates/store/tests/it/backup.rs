//! `Store::backup_to`: a restore drill. Writers keep appending while the copy is taken; the copy
//! must pass the integrity check, open as a store, and hold every write acknowledged before the
//! backup began and nothing that was never acknowledged.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;
use steadfast_core::{
    EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp, Visibility,
};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{Store, StoreError};
use uuid::Uuid;

const WRITERS: usize = 8;

fn event(author: PersonId, n: u64) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author,
        at: Timestamp::from_millis(0),
        kind: EventKind::new("tick").expect("a valid kind"),
        visibility: Visibility::Shared,
        payload: json!({ "n": n }),
    }
}

/// Every write the store acknowledged, recorded as soon as the acknowledgement came back.
type Acked = Arc<Mutex<Vec<(StreamId, EventId)>>>;

fn acked_count(acked: &Acked) -> usize {
    acked.lock().unwrap().len()
}

async fn wait_for_acks(acked: &Acked, at_least: usize) {
    tokio::time::timeout(Duration::from_secs(60), async {
        while acked_count(acked) < at_least {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the writers keep getting acknowledgements");
}

fn integrity(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut check = conn.prepare("PRAGMA integrity_check").unwrap();
    check
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_under_load_holds_every_write_acknowledged_before_it_began() {
    let db = TestDatabase::sqlite();
    let store = Store::open(db.url()).await.unwrap();
    let acked: Acked = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let streams: Vec<StreamId> = (0..WRITERS)
        .map(|_| StreamId::Space(SpaceId::from_uuid(Uuid::new_v4())))
        .collect();

    let writers: Vec<_> = streams
        .iter()
        .map(|&stream| {
            let (store, acked, stop) = (store.clone(), Arc::clone(&acked), Arc::clone(&stop));
            let author = PersonId::from_uuid(Uuid::new_v4());
            tokio::spawn(async move {
                let mut head = 0;
                // Each append runs to its answer: a write cancelled half-way could be committed
                // without anyone being told, and the drill could not tell it apart from a ghost.
                while !stop.load(Ordering::Relaxed) {
                    let new = event(author, head + 1);
                    let id = new.id;
                    head = store.append(stream, head, vec![new]).await.unwrap();
                    acked.lock().unwrap().push((stream, id));
                }
            })
        })
        .collect();

    wait_for_acks(&acked, 500).await;
    let before: Vec<(StreamId, EventId)> = acked.lock().unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    let report = store.backup_to(&copy).await.unwrap();
    // The server went on taking writes after the copy, too.
    wait_for_acks(&acked, acked_count(&acked) + 200).await;
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await.unwrap();
    }
    store.close().await;
    let all: HashSet<EventId> = acked.lock().unwrap().iter().map(|(_, id)| *id).collect();

    assert_eq!(report.path, copy);
    assert_eq!(integrity(&copy), ["ok"]);
    let url = format!("sqlite://{}", copy.display()).parse().unwrap();
    let restored = Store::connect(&url).await.unwrap();
    restored.migrate().await.unwrap();
    let mut in_copy: HashMap<EventId, StreamId> = HashMap::new();
    for &stream in &streams {
        let events = restored.read(stream, 1).await.unwrap();
        // Each stream is a prefix of what was written: no holes.
        for (seq, recorded) in (1..).zip(&events) {
            assert_eq!(recorded.seq, seq);
        }
        in_copy.extend(events.iter().map(|recorded| (recorded.event.id, stream)));
    }
    restored.close().await;

    assert_eq!(report.events, in_copy.len() as u64);
    for (stream, id) in &before {
        assert_eq!(
            in_copy.get(id),
            Some(stream),
            "a write acknowledged before the backup began is missing from the copy"
        );
    }
    for id in in_copy.keys() {
        assert!(
            all.contains(id),
            "the copy holds a write that was never acknowledged"
        );
    }
    assert!(in_copy.len() >= before.len());
    assert!(in_copy.len() < all.len(), "writes went on after the copy");
}

#[tokio::test]
async fn a_backup_never_overwrites_an_existing_file() {
    let db = TestDatabase::sqlite();
    let store = Store::open(db.url()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();

    let earlier = dir.path().join("earlier.db");
    std::fs::write(&earlier, b"yesterday's backup").unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for existing in [&earlier, &empty] {
        match store.backup_to(existing).await {
            Err(error @ StoreError::BackupExists(_)) => {
                let message = error.to_string();
                assert!(
                    message.contains(&existing.display().to_string())
                        && message.contains("already exists"),
                    "{message}"
                );
            }
            other => panic!("expected a refusal to overwrite, got {other:?}"),
        }
    }
    assert_eq!(std::fs::read(&earlier).unwrap(), b"yesterday's backup");
    assert_eq!(std::fs::read(&empty).unwrap(), b"");

    // A new file next to them is fine, and an empty database copies as such.
    let fresh = dir.path().join("fresh.db");
    assert_eq!(store.backup_to(&fresh).await.unwrap().events, 0);
    store.close().await;
}

#[tokio::test]
#[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
async fn postgres_answers_that_pg_dump_is_the_tool() {
    let db = TestDatabase::postgres()
        .await
        .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
    let store = Store::open(db.url()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    match store.backup_to(&copy).await {
        Err(error @ StoreError::BackupUnsupported) => {
            assert!(error.to_string().contains("pg_dump"), "{error}")
        }
        other => panic!("expected the PostgreSQL refusal, got {other:?}"),
    }
    assert!(!copy.exists());
    store.close().await;
}

#[tokio::test]
async fn a_copy_that_fails_its_check_is_not_left_behind() {
    // Connected but never migrated: the copy has no event log, so it is no Steadfast backup.
    let db = TestDatabase::sqlite();
    let store = Store::connect(db.url()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db");
    match store.backup_to(&copy).await {
        Err(error @ StoreError::BackupFailed(_)) => {
            assert!(error.to_string().contains("event log"), "{error}")
        }
        other => panic!("expected a failed check, got {other:?}"),
    }
    assert!(!copy.exists());
    store.close().await;
}
