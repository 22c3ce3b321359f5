//! The store's behaviour, proven the same on both backends: every scenario of the modules below
//! runs on SQLite, and on PostgreSQL when `STEADFAST_TEST_DATABASE_URL` is set.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod backup;
mod coaches;
mod devices;
mod erasure_on_disk;
mod event_log;
mod feeds;
mod imports;
mod operator;
mod redaction;
mod reminders;
mod row_security;
mod schema;
mod sessions;
mod spaces;
mod sqlite_only;
mod support;
mod tokens;

use steadfast_store::Backend;
use steadfast_store::testing::TestDatabase;

/// Runs each named scenario once per backend, as `sqlite::module::name` and
/// `postgres::module::name`, so the test output shows which backend ran what.
macro_rules! on_both_backends {
    ($($module:ident: [$($scenario:ident),* $(,)?]),* $(,)?) => {
        mod sqlite {
            $(
                mod $module {
                    $(
                        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                        async fn $scenario() {
                            let db = crate::database(crate::Backend::Sqlite).await.expect("SQLite is always there");
                            crate::$module::$scenario(&db).await;
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
                            let db = crate::database(crate::Backend::Postgres)
                                .await
                                .expect("STEADFAST_TEST_DATABASE_URL names the PostgreSQL test server");
                            crate::$module::$scenario(&db).await;
                        }
                    )*
                }
            )*
        }
    };
}

on_both_backends!(
    event_log: [
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
    ],
    schema: [
        migrating_an_empty_database_brings_it_to_the_latest_version,
    ],
    erasure_on_disk: [
        a_deleted_journal_entrys_words_are_gone_from_the_log,
    ],
    reminders: [
        rows_appear_move_and_vanish_with_the_events,
        a_conflicting_append_writes_no_reminders,
        a_failing_append_among_concurrent_ones_leaves_no_reminders,
        a_rebuild_from_the_log_equals_the_incremental_table,
        a_due_reminder_is_claimed_once_and_not_due_again_once_sent,
        upcoming_reminders_are_the_persons_own_in_their_window,
        erasing_a_person_removes_their_reminders,
        the_email_choice_is_kept_and_goes_with_the_account,
        a_ritual_reminder_is_for_everyone_and_moves_to_the_next_occurrence_once_sent,
        the_migration_that_adds_reminders_fills_them_from_the_log,
    ],
    accounts: [
        an_account_is_found_by_id_and_by_username_key,
        a_second_account_with_the_same_username_key_is_refused_and_the_first_is_untouched,
        a_new_password_hash_replaces_the_old,
        a_grammatical_form_is_neutral_until_chosen_and_only_the_persons_own_changes,
        recovery_codes_work_once_each,
        a_recovery_code_is_only_good_for_its_own_account,
        replacing_recovery_codes_voids_the_old_ones,
        a_recovery_code_presented_by_8_requests_at_once_lets_exactly_one_in,
        deleting_an_account_removes_its_access_and_private_events_and_keeps_what_the_partner_received,
        deleting_an_account_again_finishes_quietly,
        a_deleted_partners_history_goes_once_nobody_who_received_it_is_left,
    ],
    sessions: [
        a_session_is_found_by_its_id_hash_and_touched_forward_only,
        sessions_are_listed_only_for_their_owner_newest_first,
        signing_out_everywhere_else_keeps_only_the_current_session,
        deleting_one_session_leaves_the_others,
        sessions_past_the_absolute_or_idle_timeout_are_cleaned_up,
    ],
    feeds: [
        a_feed_is_found_by_its_hash_and_a_new_token_replaces_the_old,
        a_fetch_is_recorded_and_never_moves_back,
        discreet_titles_are_switched_only_on_an_existing_feed,
        a_revoked_feed_is_gone_and_deleting_the_account_removes_it,
    ],
    imports: [
        an_imported_space_is_written_whole_and_a_second_run_writes_nothing,
        a_space_whose_events_cannot_be_written_leaves_nothing_behind,
        personal_events_are_appended_once_after_what_is_there,
    ],
    operator: [
        disabling_ends_every_way_in_and_enabling_lets_the_account_back,
        a_link_works_once_until_it_expires_and_only_the_newest_works,
        figures_count_by_kind_state_and_week,
    ],
    devices: [
        devices_whose_cookie_expired_or_that_lay_unused_are_forgotten,
        a_recovery_forgets_every_device_of_that_person_only,
    ],
    tokens: [
        expired_tokens_are_swept_and_live_ones_kept,
        a_token_is_found_by_its_hash,
        a_token_is_deleted_only_by_its_owner,
        tokens_are_listed_for_their_owner_and_touched_forward_only,
        every_token_of_a_person_ends_at_once_and_only_theirs,
        a_new_token_notice_is_dismissed_once_and_only_by_its_owner,
    ],
    coaches: [
        a_coach_account_has_its_kind_and_others_are_partners,
        a_coach_invite_is_accepted_once_and_only_by_a_coach,
        grants_are_each_partners_own_and_revoked_only_by_them,
        coach_reads_are_listed_for_their_owner_only,
    ],
    spaces: [
        creating_a_space_makes_the_creator_its_one_member,
        leaving_counts_the_person_out_once,
        an_invite_is_accepted_once_and_adds_the_partner,
        an_invite_accepted_by_8_people_at_once_is_accepted_exactly_once,
        two_invites_accepted_at_once_never_exceed_two_members,
        an_expired_invite_is_refused,
        a_revoked_invite_is_refused_and_only_pending_invites_are_revoked,
        a_person_already_in_the_space_cannot_join_it_again,
        a_person_sees_every_space_they_are_or_were_in,
        invites_are_found_by_token_hash_and_listed_per_space,
    ],
);

async fn database(backend: Backend) -> Option<TestDatabase> {
    TestDatabase::new(backend).await
}
