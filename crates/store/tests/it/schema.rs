use steadfast_store::testing::TestDatabase;
use steadfast_store::{MigrationReport, Store};

use crate::support::{at, new_account, person, sign_up, space_id};

/// The newest schema version this build carries.
const LATEST: i64 = 15;

/// Every version this build carries.
fn versions() -> Vec<i64> {
    (1..=LATEST).collect()
}

pub async fn migrating_an_empty_database_brings_it_to_the_latest_version(db: &TestDatabase) {
    let store = Store::connect(db.url()).await.expect("connect");
    assert!(
        store.account(person()).await.is_err(),
        "no schema before migrating"
    );

    let first = store.migrate().await.expect("migrate");
    assert_eq!(
        first,
        MigrationReport {
            applied: versions(),
            version: LATEST
        }
    );
    let second = store.migrate().await.expect("migrate again");
    assert_eq!(
        second,
        MigrationReport {
            applied: vec![],
            version: LATEST
        }
    );

    // Every table of the latest version answers.
    let alex = sign_up(&store).await;
    assert!(store.sessions_of(alex).await.expect("sessions").is_empty());
    assert!(store.api_tokens_of(alex).await.expect("tokens").is_empty());
    assert_eq!(store.unused_recovery_codes(alex).await.expect("codes"), 0);
    assert!(store.all_reminders().await.expect("reminders").is_empty());
    assert_eq!(store.email_reminders(alex).await.expect("choice"), None);
    assert_eq!(store.calendar_feed_of(alex).await.expect("feeds"), None);
    assert!(store.spaces_of(alex).await.expect("spaces").is_empty());
    // A known device is known for its own account only.
    let sam = new_account("sam");
    store.create_account(&sam).await.expect("sam signs up");
    store
        .remember_device("device-hash", sam.id, at(0))
        .await
        .expect("remembered");
    assert!(
        store
            .is_known_device("device-hash", "sam")
            .await
            .expect("known")
    );
    assert!(
        !store
            .is_known_device("device-hash", "alex")
            .await
            .expect("known")
    );
    assert!(
        !store
            .is_known_device("other-hash", "sam")
            .await
            .expect("known")
    );
    assert!(
        store
            .invites_of_space(space_id())
            .await
            .expect("invites")
            .is_empty()
    );
    store.close().await;
}
