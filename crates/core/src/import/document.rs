//! The export document as it is written (`crates/web/src/api/export.rs`), field by field, before
//! any of it is believed. Only what the import uses is read; the rest (tokens, patterns) is skipped
//! without being kept.

use serde::Deserialize;
use serde::de::IgnoredAny;

#[derive(Deserialize)]
pub(crate) struct FormatProbe {
    pub format: Option<serde_json::Value>,
}

#[derive(Deserialize)]
pub(crate) struct RawExport {
    pub exported_at: String,
    /// The old account's name and dates: the import goes into an account named on the command
    /// line, so these are only checked to be there.
    #[allow(dead_code)]
    pub account: IgnoredAny,
    pub spaces: Vec<RawSpace>,
    pub personal_events: Vec<RawEvent>,
    pub journal: Vec<RawEntry>,
}

#[derive(Deserialize)]
pub(crate) struct RawSpace {
    pub id: String,
    pub name: String,
    pub stays: Vec<RawStay>,
    pub partner: Option<String>,
    pub pairing_ended: bool,
    pub events: Vec<RawEvent>,
}

#[derive(Deserialize)]
pub(crate) struct RawStay {
    pub joined_at: String,
    pub left_at: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct RawEvent {
    pub id: String,
    pub kind: String,
    pub at: String,
    pub visibility: String,
    pub author: String,
    pub payload: serde_json::Value,
}

#[derive(Deserialize)]
pub(crate) struct RawEntry {
    pub id: String,
    pub prompt: Option<String>,
    pub text: String,
    pub written_at: String,
    pub edited_at: Option<String>,
}
