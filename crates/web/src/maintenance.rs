//! Housekeeping while the server runs: sessions past their time are deleted (they are refused on
//! sight anyway; this keeps the table small and leaves no trace of old visits), and rate-limit
//! entries that have recovered are forgotten, so the limiter's memory stays bounded.

use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::AppState;

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
    use crate::auth::limits::Limits;
    use crate::auth::password::{PasswordCost, Passwords};
    use crate::clock::ManualClock;

    #[tokio::test]
    async fn only_sessions_past_their_time_are_cleaned_up() {
        let database = TestDatabase::sqlite();
        let clock = ManualClock::starting_at(Timestamp::from_millis(1_800_000_000_000));
        let config = WebConfig {
            clock: Arc::new(clock.clone()),
            password_cost: PasswordCost::FastForTests,
            ..WebConfig::default()
        };
        let state = AppState::from(crate::Services {
            store: Store::open(database.url()).await.expect("store"),
            passwords: Passwords::new(config.password_cost).expect("params"),
            limits: Limits::new(Arc::clone(&config.clock)),
            writes: crate::quota::Writes::new(config.write_quota, Arc::clone(&config.clock)),
            ledgers: crate::promises::Ledgers::default(),
            requests: Arc::default(),
            config: Arc::new(config),
        });
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
            })
            .await
            .expect("account");
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
}
