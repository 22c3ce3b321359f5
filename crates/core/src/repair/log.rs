//! The private log of triggers and feelings: what came up, and how strongly. Only its author
//! sees it; the fold holds only the viewer's own entries, because the visibility rule lets no
//! one else's through.

use super::change::LogEvent;
use super::plan::RepairText;
use crate::id::PersonId;
use crate::scale::scale;
use crate::time::Timestamp;

scale!(
    /// How strong it felt, 1–5.
    Intensity: u8, 1, 5
);

/// One entry, as its author sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub at: Timestamp,
    pub text: RepairText,
    pub intensity: Option<Intensity>,
}

/// The viewer's own log entries, oldest first.
#[derive(Clone, Debug, Default)]
pub struct LogBook {
    entries: Vec<LogEntry>,
}

impl LogBook {
    /// Folds in an entry. The ledger passes only events the viewer may see, and a log entry is
    /// private, so `author` is always the viewer; others' entries are dropped all the same.
    pub fn apply(&mut self, viewer: PersonId, author: PersonId, at: Timestamp, event: &LogEvent) {
        if author != viewer {
            return;
        }
        self.entries.push(LogEntry {
            at,
            text: event.text.clone(),
            intensity: event.intensity,
        });
    }

    pub fn entries(&self) -> &[LogEntry] {
        &self.entries
    }
}
