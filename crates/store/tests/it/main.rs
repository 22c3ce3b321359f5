//! The store's behaviour, proven the same on both backends: every scenario in `event_log` runs
//! on SQLite, and on PostgreSQL when `STEADFAST_TEST_DATABASE_URL` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod event_log;
mod sqlite_only;

use steadfast_store::Backend;
use steadfast_store::testing::TestDatabase;

/// Runs each named scenario of `event_log` once per backend, as `sqlite::name` and
/// `postgres::name`, so the test output shows which backend ran what.
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $scenario() {
                    let db = crate::database(crate::Backend::Sqlite).await.expect("SQLite is always there");
                    crate::event_log::$scenario(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $scenario() {
                    let Some(db) = crate::database(crate::Backend::Postgres).await else {
                        eprintln!("no PostgreSQL test server configured; scripts/test sets one");
                        return;
                    };
                    crate::event_log::$scenario(&db).await;
                }
            )*
        }
    };
}

on_both_backends!(
    appends_and_reads_back_in_order,
    reads_start_from_the_given_sequence_number,
    streams_are_kept_apart,
    a_conflicting_append_is_refused_and_writes_nothing,
    a_failing_append_writes_none_of_its_events,
    concurrent_appends_land_exactly_once_and_in_order,
    erasure_removes_only_the_authors_events,
    sequence_numbers_are_never_reused_after_erasure,
    migrating_an_empty_database_creates_the_log,
    payloads_round_trip_exactly,
);

async fn database(backend: Backend) -> Option<TestDatabase> {
    TestDatabase::new(backend).await
}
