use steadfast_core::PersonId;
use steadfast_store::testing::TestDatabase;
use steadfast_store::{ApiTokenRecord, Store};

use crate::support::{HOUR, MINUTE, at, hash, id, open, sign_up};

const DAY: i64 = 24 * HOUR;

async fn create(store: &Store, account: PersonId, created: i64) -> ApiTokenRecord {
    let token = ApiTokenRecord {
        id: id(),
        account,
        token_hash: hash(),
        label: "Kalendarz 📅".to_owned(),
        created_at: at(created),
        last_used_at: None,
        expires_at: at(created + 90 * DAY),
        dismissed_at: None,
    };
    store.create_api_token(&token).await.expect("create token");
    token
}

pub async fn expired_tokens_are_swept_and_live_ones_kept(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    // Each lives 90 days from when it was made.
    let old = create(&store, alex, 0).await;
    let edge = create(&store, sam, 10 * DAY).await;
    let live = create(&store, alex, 10 * DAY + MINUTE).await;

    let deleted = store
        .delete_expired_api_tokens(at(100 * DAY))
        .await
        .expect("swept");
    assert_eq!(deleted, 2, "expired at its time, as sign-in refuses it");
    for (token, kept) in [(&old, false), (&edge, false), (&live, true)] {
        let found = store
            .api_token_by_hash(&token.token_hash)
            .await
            .expect("read");
        assert_eq!(found.is_some(), kept, "{}", token.label);
    }
    store.close().await;
}

pub async fn a_token_is_found_by_its_hash(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let token = create(&store, alex, 0).await;

    let found = store
        .api_token_by_hash(&token.token_hash)
        .await
        .expect("read");
    assert_eq!(found, Some(token.clone()));
    assert_eq!(store.api_token_by_hash(&hash()).await.expect("read"), None);
    assert_eq!(
        store.api_token_by_hash(&token.id).await.expect("read"),
        None,
        "the id is not the token"
    );
    store.close().await;
}

pub async fn a_token_is_deleted_only_by_its_owner(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let token = create(&store, alex, 0).await;

    assert!(
        !store
            .delete_api_token(sam, &token.id)
            .await
            .expect("delete")
    );
    assert!(
        store
            .api_token_by_hash(&token.token_hash)
            .await
            .expect("read")
            .is_some()
    );

    assert!(
        store
            .delete_api_token(alex, &token.id)
            .await
            .expect("delete")
    );
    assert_eq!(
        store
            .api_token_by_hash(&token.token_hash)
            .await
            .expect("read"),
        None
    );
    assert!(
        !store
            .delete_api_token(alex, &token.id)
            .await
            .expect("delete again")
    );
    store.close().await;
}

pub async fn tokens_are_listed_for_their_owner_and_touched_forward_only(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let older = create(&store, alex, 0).await;
    let newer = create(&store, alex, MINUTE).await;
    let sams = create(&store, sam, 0).await;

    let listed = store.api_tokens_of(alex).await.expect("list");
    assert_eq!(listed, [newer.clone(), older.clone()]);
    assert_eq!(store.api_tokens_of(sam).await.expect("list"), [sams]);

    store
        .touch_api_token(&older.id, at(10 * MINUTE))
        .await
        .expect("touch");
    store
        .touch_api_token(&older.id, at(5 * MINUTE))
        .await
        .expect("late touch");
    let touched = store
        .api_token_by_hash(&older.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(touched.last_used_at, Some(at(10 * MINUTE)));
    let untouched = store
        .api_token_by_hash(&newer.token_hash)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(untouched.last_used_at, None);
    store.close().await;
}

pub async fn every_token_of_a_person_ends_at_once_and_only_theirs(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let first = create(&store, sam, 0).await;
    let second = create(&store, sam, MINUTE).await;
    let alexs = create(&store, alex, 0).await;

    assert_eq!(store.delete_api_tokens_of(sam).await.expect("end"), 2);
    for token in [&first, &second] {
        assert_eq!(
            store
                .api_token_by_hash(&token.token_hash)
                .await
                .expect("read"),
            None
        );
    }
    assert_eq!(store.api_tokens_of(alex).await.expect("list"), [alexs]);
    store.close().await;
}

pub async fn a_new_token_notice_is_dismissed_once_and_only_by_its_owner(db: &TestDatabase) {
    let store = open(db).await;
    let (alex, sam) = (sign_up(&store).await, sign_up(&store).await);
    let token = create(&store, sam, 0).await;
    assert_eq!(token.expires_at, at(90 * DAY));

    assert!(
        !store
            .dismiss_api_token_notice(alex, &token.id, at(MINUTE))
            .await
            .expect("dismiss")
    );
    let read = |store: &Store| {
        let hash = token.token_hash.clone();
        let store = store.clone();
        async move {
            store
                .api_token_by_hash(&hash)
                .await
                .expect("read")
                .expect("found")
        }
    };
    assert_eq!(read(&store).await.dismissed_at, None);

    assert!(
        store
            .dismiss_api_token_notice(sam, &token.id, at(2 * MINUTE))
            .await
            .expect("dismiss")
    );
    assert!(
        store
            .dismiss_api_token_notice(sam, &token.id, at(3 * MINUTE))
            .await
            .expect("dismiss again")
    );
    let dismissed = read(&store).await;
    assert_eq!(dismissed.dismissed_at, Some(at(2 * MINUTE)));
    assert_eq!(dismissed.expires_at, at(90 * DAY));
    store.close().await;
}
