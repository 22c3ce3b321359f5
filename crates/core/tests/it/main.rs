//! Steadfast core's integration tests: one binary, one module per story.

mod visibility_model;
