use std::collections::HashSet;

use serde_json::json;
use steadfast_core::{
    EventId, EventKind, NewEvent, PersonId, SpaceId, StreamId, Timestamp, Visibility,
};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{Store, StoreError};
use uuid::Uuid;

fn person() -> PersonId {
    PersonId::from_uuid(Uuid::new_v4())
}

fn space() -> StreamId {
    StreamId::Space(SpaceId::from_uuid(Uuid::new_v4()))
}

fn event(author: PersonId, kind: &str, payload: serde_json::Value) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author,
        at: Timestamp::from_millis(1_790_000_000_000),
        kind: EventKind::new(kind).expect("a valid kind"),
        visibility: Visibility::Shared,
        payload,
    }
}

async fn open(db: &TestDatabase) -> Store {
    Store::open(db.url()).await.expect("the store opens")
}

pub async fn appends_and_reads_back_in_order(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, stream) = (person(), space());
    let events: Vec<_> = (0..3)
        .map(|n| event(alex, "note.added", json!({ "n": n })))
        .collect();

    let head = store
        .append(stream, 0, events.clone())
        .await
        .expect("first append");
    assert_eq!(head, 3);
    let head = store
        .append(
            stream,
            3,
            vec![event(alex, "note.added", json!({ "n": 3 }))],
        )
        .await;
    assert_eq!(head.expect("second append"), 4);

    let read = store.read(stream, 1).await.expect("read");
    assert_eq!(read.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert_eq!(
        read[..3]
            .iter()
            .map(|e| e.event.clone())
            .collect::<Vec<_>>(),
        events
    );
    assert!(read.iter().all(|e| e.stream == stream));
    assert_eq!(store.head(stream).await.expect("head"), 4);
    store.close().await;
}

pub async fn reads_start_from_the_given_sequence_number(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, stream) = (person(), space());
    let events: Vec<_> = (0..5)
        .map(|n| event(alex, "note.added", json!(n)))
        .collect();
    store.append(stream, 0, events).await.expect("append");

    let tail = store.read(stream, 4).await.expect("read");
    assert_eq!(tail.iter().map(|e| e.seq).collect::<Vec<_>>(), [4, 5]);
    assert!(
        store
            .read(stream, 6)
            .await
            .expect("read past the end")
            .is_empty()
    );
    assert!(
        store
            .read(space(), 1)
            .await
            .expect("read an unknown stream")
            .is_empty()
    );
    assert_eq!(
        store
            .head(space())
            .await
            .expect("head of an unknown stream"),
        0
    );
    store.close().await;
}

pub async fn streams_are_kept_apart(db: &TestDatabase) {
    let store = open(db).await;
    let alex = person();
    let (ours, theirs, private) = (space(), space(), StreamId::Person(alex));
    store
        .append(ours, 0, vec![event(alex, "a", json!("ours"))])
        .await
        .expect("append");
    store
        .append(theirs, 0, vec![event(alex, "b", json!("theirs"))])
        .await
        .expect("append");
    store
        .append(private, 0, vec![event(alex, "c", json!("mine"))])
        .await
        .expect("append");

    for (stream, payload) in [(ours, "ours"), (theirs, "theirs"), (private, "mine")] {
        let read = store.read(stream, 1).await.expect("read");
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].seq, 1);
        assert_eq!(read[0].event.payload, json!(payload));
    }
    store.close().await;
}

pub async fn a_conflicting_append_is_refused_and_writes_nothing(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, stream) = (person(), person(), space());
    store
        .append(
            stream,
            0,
            vec![event(alex, "a", json!(1)), event(alex, "a", json!(2))],
        )
        .await
        .expect("append");

    for stale in [0, 1, 3, 7] {
        let refused = store
            .append(stream, stale, vec![event(sam, "b", json!("late"))])
            .await;
        match refused {
            Err(StoreError::Conflict {
                expected, actual, ..
            }) => {
                assert_eq!((expected, actual), (stale, 2));
            }
            other => panic!("expected a conflict at {stale}, got {other:?}"),
        }
    }

    let read = store.read(stream, 1).await.expect("read");
    assert_eq!(
        read.iter()
            .map(|e| e.event.payload.clone())
            .collect::<Vec<_>>(),
        [json!(1), json!(2)]
    );
    assert_eq!(store.head(stream).await.expect("head"), 2);
    // The loser decides again on fresh state and gets through.
    assert_eq!(
        store
            .append(stream, 2, vec![event(sam, "b", json!(3))])
            .await
            .expect("retry"),
        3
    );
    store.close().await;
}

pub async fn a_failing_append_writes_none_of_its_events(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, stream, other) = (person(), space(), space());
    let first = event(alex, "a", json!(1));
    store
        .append(stream, 0, vec![first.clone()])
        .await
        .expect("append");

    // The second event reuses an id the log already holds, so the whole append must fail.
    let fresh = event(alex, "a", json!("fresh"));
    let failed = store.append(other, 0, vec![fresh, first]).await;
    assert!(matches!(failed, Err(StoreError::Database(_))), "{failed:?}");

    assert!(store.read(other, 1).await.expect("read").is_empty());
    assert_eq!(store.head(other).await.expect("head"), 0);
    assert_eq!(store.read(stream, 1).await.expect("read").len(), 1);
    store.close().await;
}

pub async fn concurrent_appends_land_exactly_once_and_in_order(db: &TestDatabase) {
    const TASKS: usize = 16;
    const APPENDS: usize = 1_000;
    let store = open(db).await;
    let stream = space();

    let writers = (0..TASKS).map(|task| {
        let store = store.clone();
        let author = person();
        tokio::spawn(async move {
            let mine = (task..APPENDS).step_by(TASKS).count();
            let mut conflicts = 0;
            for n in 0..mine {
                let payload = json!({ "task": task, "n": n });
                loop {
                    let head = store.head(stream).await.expect("head");
                    match store
                        .append(stream, head, vec![event(author, "tick", payload.clone())])
                        .await
                    {
                        Ok(_) => break,
                        Err(error) if error.is_conflict() => conflicts += 1,
                        Err(error) => panic!("append failed: {error}"),
                    }
                }
            }
            conflicts
        })
    });
    for writer in writers.collect::<Vec<_>>() {
        writer.await.expect("writer task");
    }

    let read = store.read(stream, 1).await.expect("read");
    assert_eq!(read.len(), APPENDS);
    assert_eq!(
        read.iter().map(|e| e.seq).collect::<Vec<_>>(),
        (1..=APPENDS as u64).collect::<Vec<_>>()
    );
    let ids: HashSet<_> = read.iter().map(|e| e.event.id).collect();
    assert_eq!(ids.len(), APPENDS, "every event exactly once");
    for task in 0..TASKS {
        let order: Vec<u64> = read
            .iter()
            .filter(|e| e.event.payload["task"] == json!(task))
            .map(|e| e.event.payload["n"].as_u64().expect("n"))
            .collect();
        let expected: Vec<u64> = (0..order.len() as u64).collect();
        assert_eq!(
            order, expected,
            "task {task}'s appends in the order it made them"
        );
    }
    store.close().await;
}

pub async fn erasure_removes_only_the_authors_events(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, shared) = (person(), person(), space());
    store
        .append(
            shared,
            0,
            vec![
                event(alex, "a", json!("alex 1")),
                event(sam, "a", json!("sam 1")),
                event(alex, "a", json!("alex 2")),
            ],
        )
        .await
        .expect("append");
    store
        .append(
            StreamId::Person(alex),
            0,
            vec![event(alex, "j", json!("diary"))],
        )
        .await
        .expect("append");
    store
        .append(
            StreamId::Person(sam),
            0,
            vec![event(sam, "j", json!("notes"))],
        )
        .await
        .expect("append");

    assert_eq!(store.erase_author(alex).await.expect("erase"), 3);

    let left = store.read(shared, 1).await.expect("read");
    assert_eq!(left.len(), 1);
    assert_eq!((left[0].seq, left[0].event.author), (2, sam));
    assert!(
        store
            .read(StreamId::Person(alex), 1)
            .await
            .expect("read")
            .is_empty()
    );
    assert_eq!(
        store
            .read(StreamId::Person(sam), 1)
            .await
            .expect("read")
            .len(),
        1
    );
    assert_eq!(store.erase_author(alex).await.expect("erase again"), 0);
    store.close().await;
}

pub async fn sequence_numbers_are_never_reused_after_erasure(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam, shared) = (person(), person(), space());
    store
        .append(
            shared,
            0,
            vec![event(sam, "a", json!(1)), event(alex, "a", json!(2))],
        )
        .await
        .expect("append");
    store.erase_author(alex).await.expect("erase");

    assert_eq!(store.head(shared).await.expect("head"), 2);
    assert!(
        store
            .append(shared, 1, vec![event(sam, "a", json!("reuse"))])
            .await
            .is_err()
    );
    assert_eq!(
        store
            .append(shared, 2, vec![event(sam, "a", json!(3))])
            .await
            .expect("append"),
        3
    );
    let seqs: Vec<u64> = store
        .read(shared, 1)
        .await
        .expect("read")
        .iter()
        .map(|e| e.seq)
        .collect();
    assert_eq!(seqs, [1, 3]);
    store.close().await;
}

pub async fn migrating_an_empty_database_creates_the_log(db: &TestDatabase) {
    let store = Store::connect(db.url()).await.expect("connect");
    assert!(
        store.read(space(), 1).await.is_err(),
        "no schema before migrating"
    );
    store.migrate().await.expect("migrate");
    store
        .migrate()
        .await
        .expect("migrating again changes nothing");

    let (alex, stream) = (person(), space());
    store
        .append(stream, 0, vec![event(alex, "a", json!(1))])
        .await
        .expect("append");
    store.close().await;

    let reopened = open(db).await;
    assert_eq!(reopened.read(stream, 1).await.expect("read").len(), 1);
    reopened.close().await;
}

pub async fn payloads_round_trip_exactly(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, stream) = (person(), space());
    let payload = json!({
        "text": "Zadzwonię, jeśli się spóźnię — obiecuję 💛",
        "quotes": "she said \"soon\"; 'ok'",
        "nested": { "list": [1, -2.5, null, true], "empty": {} },
        "big": 9_007_199_254_740_991_i64,
    });
    let mut private = event(alex, "journal.written", payload.clone());
    private.visibility = Visibility::Private;
    store
        .append(stream, 0, vec![private.clone()])
        .await
        .expect("append");

    let read = store.read(stream, 1).await.expect("read");
    assert_eq!(read[0].event, private);
    store.close().await;
}
