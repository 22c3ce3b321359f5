//! Known devices are forgotten: by the maintenance sweep once their cookie has expired or they
//! lay unused, and all of a person's at a recovery.

use steadfast_core::account::devices_forgotten_before;
use steadfast_store::testing::TestDatabase;
use steadfast_store::{LinkPurpose, PasswordLink, Store};

use crate::support::{HOUR, at, hash, new_account, open};

const DAY: i64 = 24 * HOUR;

/// An account named `name` (its key is the same) and the store.
async fn account(store: &Store, name: &str) -> steadfast_core::PersonId {
    let account = new_account(name);
    store.create_account(&account).await.expect("sign up");
    account.id
}

async fn known(store: &Store, hash: &str, name: &str) -> bool {
    store.is_known_device(hash, name).await.expect("known")
}

pub async fn devices_whose_cookie_expired_or_that_lay_unused_are_forgotten(db: &TestDatabase) {
    let store = open(db).await;
    let alex = account(&store, "alex").await;
    let now = at(400 * DAY);
    // (made, last used) in days from the start.
    let devices = [
        ("phone", 300, 399),  // made lately, used yesterday: kept
        ("laptop", 20, 390),  // made 380 days ago: its cookie has expired
        ("tablet", 100, 200), // unused for 200 days
        ("old-pc", 120, 230), // unused for 170 days: kept
    ];
    for (name, made, used) in devices {
        store
            .remember_device(name, alex, at(made * DAY))
            .await
            .expect("remembered");
        store
            .touch_device(name, at(used * DAY))
            .await
            .expect("used");
    }
    let (made_before, used_before) = devices_forgotten_before(now);
    let forgotten = store
        .forget_old_devices(made_before, used_before)
        .await
        .expect("swept");
    assert_eq!(forgotten, 2);
    assert!(known(&store, "phone", "alex").await);
    assert!(!known(&store, "laptop", "alex").await);
    assert!(!known(&store, "tablet", "alex").await);
    assert!(known(&store, "old-pc", "alex").await);
    // A second sweep finds nothing more.
    assert_eq!(
        store
            .forget_old_devices(made_before, used_before)
            .await
            .expect("swept"),
        0
    );
    store.close().await;
}

pub async fn a_recovery_forgets_every_device_of_that_person_only(db: &TestDatabase) {
    let store = open(db).await;
    let alex = account(&store, "alex").await;
    let sam = account(&store, "sam").await;
    for (device, person) in [("alex-phone", alex), ("alex-pc", alex), ("sam-phone", sam)] {
        store
            .remember_device(device, person, at(0))
            .await
            .expect("remembered");
    }
    // By a recovery code: the web side forgets them.
    assert_eq!(store.forget_devices_of(alex).await.expect("forgotten"), 2);
    assert!(!known(&store, "alex-phone", "alex").await);
    assert!(!known(&store, "alex-pc", "alex").await);
    assert!(known(&store, "sam-phone", "sam").await);

    // By the operator's link: using it forgets them in the same transaction as the password.
    store
        .remember_device("sam-pc", sam, at(HOUR))
        .await
        .expect("remembered");
    let link = PasswordLink {
        token_hash: hash(),
        account: sam,
        purpose: LinkPurpose::Recovery,
        created_at: at(HOUR),
        expires_at: at(HOUR + DAY),
    };
    store.create_password_link(&link).await.expect("a link");
    store
        .remember_device("alex-new-phone", alex, at(HOUR))
        .await
        .expect("remembered");
    let used = store
        .use_password_link(&link.token_hash, &hash(), at(2 * HOUR))
        .await
        .expect("used");
    assert_eq!(used, Some(sam));
    assert!(!known(&store, "sam-phone", "sam").await);
    assert!(!known(&store, "sam-pc", "sam").await);
    assert!(known(&store, "alex-new-phone", "alex").await);
    store.close().await;
}
