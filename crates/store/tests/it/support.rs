//! What the scenarios share: fresh ids, a fixed clock, an opened store and a signed-up person.

use steadfast_core::{PersonId, SpaceId, Timestamp};
use steadfast_store::testing::TestDatabase;
use steadfast_store::{NewAccount, NewSpace, Store};
use uuid::Uuid;

/// An instant all scenarios count from; nothing reads the real clock.
pub const T0: i64 = 1_790_000_000_000;
pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;

pub fn at(offset_ms: i64) -> Timestamp {
    Timestamp::from_millis(T0 + offset_ms)
}

pub fn person() -> PersonId {
    PersonId::from_uuid(Uuid::new_v4())
}

pub fn space_id() -> SpaceId {
    SpaceId::from_uuid(Uuid::new_v4())
}

/// A random stand-in for a hash the web layer would make.
pub fn hash() -> String {
    format!("hash-{}", Uuid::new_v4().simple())
}

pub fn id() -> String {
    Uuid::new_v4().simple().to_string()
}

pub async fn open(db: &TestDatabase) -> Store {
    Store::open(db.url()).await.expect("the store opens")
}

pub fn new_account(username: &str) -> NewAccount {
    NewAccount {
        id: person(),
        username: username.to_owned(),
        username_key: username.to_lowercase(),
        password_hash: hash(),
        email: None,
        created_at: at(0),
        grammatical_form: steadfast_core::account::GrammaticalForm::default(),
    }
}

/// Signs up someone with a fresh login name and answers who they are.
pub async fn sign_up(store: &Store) -> PersonId {
    let account = new_account(&format!("user-{}", Uuid::new_v4().simple()));
    store.create_account(&account).await.expect("sign up");
    account.id
}

/// A new space of `creator`'s, made at `at(0)`.
pub async fn space_of(store: &Store, creator: PersonId) -> SpaceId {
    let id = space_id();
    store
        .create_space(&NewSpace {
            id,
            name: "Us".to_owned(),
            creator,
            created_at: at(0),
        })
        .await
        .expect("create space");
    id
}
