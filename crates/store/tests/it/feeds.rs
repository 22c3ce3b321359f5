use steadfast_store::FeedRecord;
use steadfast_store::testing::TestDatabase;

use crate::support::{at, hash, open, sign_up};

pub async fn a_feed_is_found_by_its_hash_and_a_new_token_replaces_the_old(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let first = FeedRecord {
        account: alex,
        token_hash: hash(),
        discreet: true,
        created_at: at(0),
        last_fetched_at: None,
        lang: "pl".to_owned(),
        spaces: vec![
            "00000000-0000-4000-8000-000000000001"
                .parse()
                .expect("an id"),
            "00000000-0000-4000-8000-000000000002"
                .parse()
                .expect("an id"),
        ],
    };
    store.put_calendar_feed(&first).await.expect("create");
    assert_eq!(
        store
            .calendar_feed_by_hash(&first.token_hash)
            .await
            .expect("read"),
        Some(first.clone())
    );
    store
        .set_calendar_feed_discreet(alex, false)
        .await
        .expect("switch");
    let second = FeedRecord {
        token_hash: hash(),
        discreet: true,
        created_at: at(5),
        spaces: Vec::new(),
        ..first.clone()
    };
    store.put_calendar_feed(&second).await.expect("rotate");
    assert_eq!(
        store
            .calendar_feed_by_hash(&first.token_hash)
            .await
            .expect("read"),
        None,
        "the old token no longer works"
    );
    let now = store
        .calendar_feed_of(alex)
        .await
        .expect("read")
        .expect("a feed");
    assert_eq!(now.token_hash, second.token_hash);
    assert!(!now.discreet, "a new token keeps the setting");
    assert_eq!(now.created_at, at(5));
    assert_eq!(now.spaces, Vec::new(), "and the new token's spaces");
    store.close().await;
}

pub async fn discreet_titles_are_switched_only_on_an_existing_feed(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let sam = sign_up(&store).await;
    assert!(
        !store
            .set_calendar_feed_discreet(alex, true)
            .await
            .expect("switch")
    );
    let feed = FeedRecord {
        account: alex,
        token_hash: hash(),
        discreet: true,
        created_at: at(0),
        last_fetched_at: None,
        spaces: Vec::new(),
        lang: String::new(),
    };
    store.put_calendar_feed(&feed).await.expect("create");
    assert!(
        store
            .set_calendar_feed_discreet(alex, false)
            .await
            .expect("switch")
    );
    assert!(
        !store
            .calendar_feed_of(alex)
            .await
            .expect("read")
            .expect("feed")
            .discreet
    );
    assert_eq!(store.calendar_feed_of(sam).await.expect("read"), None);
    store.close().await;
}

pub async fn a_revoked_feed_is_gone_and_deleting_the_account_removes_it(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let sam = sign_up(&store).await;
    for person in [alex, sam] {
        let feed = FeedRecord {
            account: person,
            token_hash: hash(),
            discreet: false,
            created_at: at(0),
            last_fetched_at: None,
            spaces: Vec::new(),
            lang: "en".to_owned(),
        };
        store.put_calendar_feed(&feed).await.expect("create");
    }
    assert!(store.delete_calendar_feed(alex).await.expect("revoke"));
    assert!(
        !store
            .delete_calendar_feed(alex)
            .await
            .expect("revoke again")
    );
    assert_eq!(store.calendar_feed_of(alex).await.expect("read"), None);
    store
        .delete_account(sam, at(10))
        .await
        .expect("delete account");
    assert_eq!(store.calendar_feed_of(sam).await.expect("read"), None);
    store.close().await;
}

pub async fn a_fetch_is_recorded_and_never_moves_back(db: &TestDatabase) {
    let store = open(db).await;
    let alex = sign_up(&store).await;
    let feed = FeedRecord {
        account: alex,
        token_hash: hash(),
        discreet: true,
        created_at: at(0),
        last_fetched_at: None,
        spaces: Vec::new(),
        lang: String::new(),
    };
    store.put_calendar_feed(&feed).await.expect("create");
    let fetched = || async {
        store
            .calendar_feed_of(alex)
            .await
            .expect("read")
            .expect("a feed")
            .last_fetched_at
    };
    assert_eq!(fetched().await, None, "not fetched yet");
    store
        .touch_calendar_feed(&feed.token_hash, at(7))
        .await
        .expect("touch");
    assert_eq!(fetched().await, Some(at(7)));
    store
        .touch_calendar_feed(&feed.token_hash, at(3))
        .await
        .expect("touch");
    assert_eq!(fetched().await, Some(at(7)), "never back");
    store
        .touch_calendar_feed(&hash(), at(9))
        .await
        .expect("another token touches nothing");
    assert_eq!(fetched().await, Some(at(7)));
    // A new address has not been fetched yet.
    let renewed = FeedRecord {
        token_hash: hash(),
        created_at: at(8),
        ..feed.clone()
    };
    store.put_calendar_feed(&renewed).await.expect("rotate");
    assert_eq!(fetched().await, None);
    store.close().await;
}
