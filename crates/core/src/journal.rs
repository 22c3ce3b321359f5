//! The private journal: reflection with our own prompts, for inner work and for sorting out one's
//! feelings after a hurt (docs/PRINCIPLES.md, The domain: Journal).
//!
//! Entries live in the author's own stream (`StreamId::Person`), never in a space, as private
//! events: nobody else reads that stream, so nobody else learns whether an entry exists, how
//! many there are, or when one was written.
//!
//! Events: `journal.written` (a new entry, free or answering a [`Prompt`]), `journal.edited` (its
//! new words) and `journal.deleted`. **Deleting removes the words**: the tombstone
//! (`journal.deleted`, which holds no words) is appended and, in the same write, the entry's
//! `written` and `edited` events ([`words_of`]) are deleted from the log, so the words do not
//! stay in the database. The fold ([`JournalBook`]) drops the entry and anything later said about
//! it, and the export leaves out every journal event of a deleted entry, as before.

mod book;
mod prompt;

pub use book::{JournalBook, JournalEntry, JournalError};
pub use prompt::{Prompt, PromptGroup};

use serde::{Deserialize, Serialize};

use crate::event::{EventKind, NewEvent, RecordedEvent, Visibility};
use crate::id::{EventId, JournalEntryId, PersonId};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// What an entry says: 1–10 000 characters, line breaks allowed. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JournalText(String);

impl TextRule for JournalText {
    const MAX_CHARS: usize = 10_000;
    const MULTILINE: bool = true;
}

impl JournalText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(JournalText);

/// A journal event, tagged by `type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JournalEvent {
    Written {
        entry: JournalEntryId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        prompt: Option<Prompt>,
        text: JournalText,
    },
    Edited {
        entry: JournalEntryId,
        text: JournalText,
    },
    /// The tombstone: the entry is gone for the fold and the export.
    Deleted { entry: JournalEntryId },
}

impl JournalEvent {
    pub const fn kind(&self) -> &'static str {
        match self {
            JournalEvent::Written { .. } => "journal.written",
            JournalEvent::Edited { .. } => "journal.edited",
            JournalEvent::Deleted { .. } => "journal.deleted",
        }
    }

    pub fn entry(&self) -> JournalEntryId {
        match self {
            JournalEvent::Written { entry, .. }
            | JournalEvent::Edited { entry, .. }
            | JournalEvent::Deleted { entry } => *entry,
        }
    }

    /// Always private: the journal is its author's alone.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.kind()),
            visibility: Visibility::Private,
            // Strings and ids only: serialising cannot fail.
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The journal event an event of the log holds, if it is a private one of the right kind.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !is_journal_kind(event.kind.as_str()) || event.visibility != Visibility::Private {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.kind() == event.kind.as_str()).then_some(parsed)
    }
}

/// Whether an event kind is the journal's.
pub fn is_journal_kind(kind: &str) -> bool {
    kind.starts_with("journal.")
}

/// A new entry.
pub fn decide_write(
    entry: JournalEntryId,
    prompt: Option<Prompt>,
    text: JournalText,
) -> JournalEvent {
    JournalEvent::Written {
        entry,
        prompt,
        text,
    }
}

/// The events that hold an entry's words, its writing and each edit, among `owner`'s own
/// journal events: what deleting the entry takes out of the log. Nobody else's events, and
/// nothing but the journal's, are ever in the answer.
pub fn words_of<'a>(
    owner: PersonId,
    entry: JournalEntryId,
    events: impl IntoIterator<Item = &'a RecordedEvent>,
) -> Vec<EventId> {
    events
        .into_iter()
        .filter(|recorded| recorded.event.author == owner)
        .filter(|recorded| {
            matches!(
                JournalEvent::from_event(&recorded.event),
                Some(JournalEvent::Written { entry: of, .. } | JournalEvent::Edited { entry: of, .. })
                    if of == entry
            )
        })
        .map(|recorded| recorded.event.id)
        .collect()
}
