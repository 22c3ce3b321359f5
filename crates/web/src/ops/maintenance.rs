//! Housekeeping while the server runs: sessions and API tokens past their time are deleted (they
//! are refused on sight anyway; this keeps the tables small and leaves no trace of old visits),
//! known devices whose cookie has expired or that lay unused for half a year are forgotten
//! (`steadfast_core::account::devices_forgotten_before`), and rate-limit entries that have
//! recovered are forgotten, so the limiter's memory stays bounded.

use std::sync::{Arc, Weak};
use std::time::Duration;

use steadfast_core::account::devices_forgotten_before;

use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(10 * 60);

/// Starts the housekeeping task, when there is a runtime to run it. It ends by itself once the
/// application (every clone of its state) is gone.
pub(crate) fn start(state: &AppState, alive: &Arc<()>) {
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let (state, alive) = (state.clone(), Arc::downgrade(alive));
    runtime.spawn(run(state, alive));
}

async fn run(state: AppState, alive: Weak<()>) {
    let mut ticks = tokio::time::interval(EVERY);
    ticks.tick().await;
    loop {
        ticks.tick().await;
        if alive.strong_count() == 0 {
            return;
        }
        clean(&state).await;
    }
}

pub(crate) async fn clean(state: &AppState) {
    let now = state.now();
    let policy = state.config.session_policy;
    let created_before = now.saturating_sub(policy.absolute);
    let last_seen_before = now.saturating_sub(policy.idle);
    match state
        .store
        .delete_sessions_older_than(created_before, last_seen_before)
        .await
    {
        Ok(deleted) if deleted > 0 => tracing::info!(deleted, "ended sessions cleaned up"),
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "cleaning up ended sessions failed"),
    }
    match state.store.delete_expired_api_tokens(now).await {
        Ok(deleted) if deleted > 0 => tracing::info!(deleted, "expired API tokens cleaned up"),
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "cleaning up expired API tokens failed"),
    }
    let (made_before, used_before) = devices_forgotten_before(now);
    match state
        .store
        .forget_old_devices(made_before, used_before)
        .await
    {
        Ok(forgotten) if forgotten > 0 => tracing::info!(forgotten, "old known devices forgotten"),
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "forgetting old known devices failed"),
    }
    state.limits.forget_idle();
    state.writes.forget_idle();
}

#[cfg(test)]
mod tests {
    use steadfast_core::{PersonId, Timestamp};
    use steadfast_store::testing::TestDatabase;
    use steadfast_store::{NewAccount, SessionRecord, Store};

    use super::*;
    use crate::WebConfig;
    use steadfast_app::clock::ManualClock;
    use steadfast_app::passwords::PasswordCost;

    /// An application on `database`, at a fixed time, with one account in it.
    async fn with_one_account(database: &TestDatabase) -> (AppState, PersonId) {
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_800_000_000_000));
        let config = WebConfig {
            clock: Arc::new(clock),
            password_cost: PasswordCost::FastForTests,
            ..WebConfig::default()
        };
        let store = Store::open(database.url()).await.expect("store");
        let state =
            AppState::from(crate::Services::new(store, config, Arc::default()).expect("params"));
        let person = PersonId::from_uuid(uuid::Uuid::new_v4());
        state
            .store
            .create_account(&NewAccount {
                id: person,
                username: "tidy".into(),
                username_key: "tidy".into(),
                password_hash: "x".into(),
                email: None,
                created_at: state.now(),
                grammatical_form: steadfast_core::account::GrammaticalForm::default(),
            })
            .await
            .expect("account");
        (state, person)
    }

    #[tokio::test]
    async fn only_sessions_past_their_time_are_cleaned_up() {
        let database = TestDatabase::sqlite();
        let (state, person) = with_one_account(&database).await;
        let session = |id: &str, created_minutes_ago: i64, seen_minutes_ago: i64| SessionRecord {
            id_hash: id.into(),
            account: person,
            created_at: Timestamp::from_millis(
                state.now().as_millis() - created_minutes_ago * 60_000,
            ),
            last_seen_at: Timestamp::from_millis(
                state.now().as_millis() - seen_minutes_ago * 60_000,
            ),
            device: "Test".into(),
        };
        for record in [
            session("fresh", 5, 1),
            session("idle", 60, 31),
            session("old", 13 * 60, 1),
            session("edge", 12 * 60 - 1, 29),
        ] {
            state.store.create_session(&record).await.expect("session");
        }
        clean(&state).await;
        let mut left: Vec<String> = state
            .store
            .sessions_of(person)
            .await
            .expect("sessions")
            .into_iter()
            .map(|record| record.id_hash)
            .collect();
        left.sort();
        assert_eq!(left, ["edge", "fresh"]);
    }

    #[tokio::test]
    async fn expired_tokens_and_long_unused_devices_are_swept() {
        let database = TestDatabase::sqlite();
        let (state, person) = with_one_account(&database).await;
        let day = 24 * 60 * 60 * 1000;
        let days_ago = |days: i64| Timestamp::from_millis(state.now().as_millis() - days * day);
        let token = |id: &str, expires: Timestamp| steadfast_store::ApiTokenRecord {
            id: id.into(),
            account: person,
            token_hash: format!("hash-{id}"),
            label: "Calendar".into(),
            created_at: days_ago(100),
            last_used_at: None,
            expires_at: expires,
            dismissed_at: None,
        };
        for record in [
            token("expired", days_ago(1)),
            token(
                "live",
                Timestamp::from_millis(state.now().as_millis() + day),
            ),
        ] {
            state.store.create_api_token(&record).await.expect("token");
        }
        for (device, used) in [("in-use", 3), ("laid-aside", 200)] {
            state
                .store
                .remember_device(device, person, days_ago(used))
                .await
                .expect("device");
        }
        clean(&state).await;
        let tokens: Vec<String> = state
            .store
            .api_tokens_of(person)
            .await
            .expect("tokens")
            .into_iter()
            .map(|record| record.id)
            .collect();
        assert_eq!(tokens, ["live"]);
        assert!(
            state
                .store
                .is_known_device("in-use", "tidy")
                .await
                .expect("known")
        );
        assert!(
            !state
                .store
                .is_known_device("laid-aside", "tidy")
                .await
                .expect("known")
        );
    }
}
