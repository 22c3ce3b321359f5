//! Steadfast core's integration tests: one binary, one module per story.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not the helpers beside them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod after_miss;
mod apology;
mod balance;
mod boundary_lifecycle;
mod boundary_steps;
mod caps;
mod checkin_lifecycle;
mod checkin_steps;
mod coach_grants;
mod first_kept;
mod gentle_words;
mod import_corpus;
mod import_round_trip;
mod journal_words;
mod ledger;
mod patterns;
mod promise_lifecycle;
mod promise_lists;
mod record_calibration;
mod record_model;
mod repair_answers;
mod repair_plans;
mod ritual_schedule;
mod safety_pause;
mod support;
mod visibility_model;
