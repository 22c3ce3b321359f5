use steadfast_core::PersonId;
use steadfast_store::testing::TestDatabase;
use steadfast_store::{SessionRecord, Store};

use crate::support::{HOUR, MINUTE, at, hash, open, sign_up};

fn session(account: PersonId, created: i64) -> SessionRecord {
    SessionRecord {
        id_hash: hash(),
        account,
        created_at: at(created),
        last_seen_at: at(created),
        device: "Safari on iPhone".to_owned(),
    }
}

async fn create(store: &Store, account: PersonId, created: i64) -> SessionRecord {
    let record = session(account, created);
    store.create_session(&record).await.expect("create session");
    record
}

fn hashes(sessions: &[SessionRecord]) -> Vec<&str> {
    sessions.iter().map(|s| s.id_hash.as_str()).collect()
}

pub async fn a_session_is_found_by_its_id_hash_and_touched_forward_only(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let created = create(&store, alex, 0).await;

    let found = store.session(&created.id_hash).await.expect("read");
    assert_eq!(found.as_ref(), Some(&created));
    assert_eq!(store.session(&hash()).await.expect("read"), None);

    store
        .touch_session(&created.id_hash, at(10 * MINUTE))
        .await
        .expect("touch");
    store
        .touch_session(&created.id_hash, at(5 * MINUTE))
        .await
        .expect("late touch");
    let touched = store
        .session(&created.id_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(touched.last_seen_at, at(10 * MINUTE));
    assert_eq!(touched.created_at, at(0));
    store.close().await;
}

pub async fn sessions_are_listed_only_for_their_owner_newest_first(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let old = create(&store, alex, 0).await;
    let sams = create(&store, sam, MINUTE).await;
    let new = create(&store, alex, 2 * MINUTE).await;

    let listed = store.sessions_of(alex).await.expect("list");
    assert_eq!(
        hashes(&listed),
        [new.id_hash.as_str(), old.id_hash.as_str()]
    );
    assert_eq!(store.sessions_of(sam).await.expect("list"), [sams]);
    store.close().await;
}

pub async fn signing_out_everywhere_else_keeps_only_the_current_session(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let current = create(&store, alex, 0).await;
    for n in 1..4 {
        create(&store, alex, n * MINUTE).await;
    }
    let sams = create(&store, sam, 0).await;

    let ended = store
        .delete_sessions_of(alex, Some(&current.id_hash))
        .await
        .expect("sign out elsewhere");
    assert_eq!(ended, 3);
    assert_eq!(store.sessions_of(alex).await.expect("list"), [current]);

    assert_eq!(
        store
            .delete_sessions_of(alex, None)
            .await
            .expect("sign out everywhere"),
        1
    );
    assert!(store.sessions_of(alex).await.expect("list").is_empty());
    assert_eq!(
        store.sessions_of(sam).await.expect("list"),
        [sams],
        "nobody else's ended"
    );
    store.close().await;
}

pub async fn deleting_one_session_leaves_the_others(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let (phone, laptop) = (
        create(&store, alex, 0).await,
        create(&store, alex, MINUTE).await,
    );

    store
        .delete_session(&phone.id_hash)
        .await
        .expect("sign out");
    store
        .delete_session(&phone.id_hash)
        .await
        .expect("signing out twice is harmless");

    assert_eq!(store.session(&phone.id_hash).await.expect("read"), None);
    assert_eq!(store.sessions_of(alex).await.expect("list"), [laptop]);
    store.close().await;
}

pub async fn sessions_past_the_absolute_or_idle_timeout_are_cleaned_up(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let too_old = create(&store, alex, 0).await;
    store
        .touch_session(&too_old.id_hash, at(13 * HOUR))
        .await
        .expect("touch");
    let idle = create(&store, alex, 12 * HOUR).await;
    let fresh = create(&store, alex, 12 * HOUR).await;
    store
        .touch_session(&fresh.id_hash, at(13 * HOUR))
        .await
        .expect("touch");

    // At 13h: created more than 12h ago, or not seen in the last 30 minutes.
    let now = 13 * HOUR;
    let removed = store
        .delete_sessions_older_than(at(now - 12 * HOUR), at(now - 30 * MINUTE))
        .await
        .expect("clean up");

    assert_eq!(removed, 2);
    let left = store.sessions_of(alex).await.expect("list");
    assert_eq!(hashes(&left), [fresh.id_hash.as_str()]);
    assert_eq!(store.session(&idle.id_hash).await.expect("read"), None);
    store.close().await;
}
