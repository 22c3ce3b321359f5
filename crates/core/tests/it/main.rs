//! Steadfast core's integration tests: one binary, one module per story.

// `allow-unwrap-in-tests` covers `#[test]` functions only, not the helpers beside them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ledger;
mod promise_lifecycle;
mod record_model;
mod support;
mod visibility_model;
