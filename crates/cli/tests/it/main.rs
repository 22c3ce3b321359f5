//! The `steadfast` binary, run as an operator runs it: real processes, real signals, real files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod acks;
mod admin;
mod backup;
mod bench;
mod crash;
mod demo;
mod errors;
mod import;
mod migrate;
mod serve;
mod support;
