//! The use cases without HTTP, on both backends: each scenario runs on SQLite, and on PostgreSQL
//! when `STEADFAST_TEST_DATABASE_URL` names a server (`scripts/test` sets it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod promises;
mod support;

/// Runs each named scenario once per backend, as `sqlite::module::name` and
/// `postgres::module::name`.
macro_rules! on_both_backends {
    ($($module:ident: [$($scenario:ident),* $(,)?]),* $(,)?) => {
        mod sqlite {
            $(
                mod $module {
                    $(
                        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                        async fn $scenario() {
                            let world = crate::support::World::on(steadfast_store::Backend::Sqlite)
                                .await
                                .expect("SQLite is always there");
                            crate::$module::$scenario(&world).await;
                            world.close().await;
                        }
                    )*
                }
            )*
        }
        mod postgres {
            $(
                mod $module {
                    $(
                        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                        #[ignore = "needs PostgreSQL (STEADFAST_TEST_DATABASE_URL): scripts/test runs it"]
                        async fn $scenario() {
                            let world = crate::support::World::on(steadfast_store::Backend::Postgres)
                                .await
                                .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
                            crate::$module::$scenario(&world).await;
                            world.close().await;
                        }
                    )*
                }
            )*
        }
    };
}

on_both_backends!(
    promises: [
        a_promise_goes_from_made_to_kept_and_each_step_belongs_to_one_partner,
        someone_outside_the_space_finds_nothing_to_act_on,
        partners_writing_at_the_same_moment_both_land,
        the_record_waits_for_both_partners,
        a_smaller_promise_replaces_a_broken_one_in_one_write,
    ],
);
