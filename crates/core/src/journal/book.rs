//! One person's journal, folded from their own stream.

use thiserror::Error;

use super::{JournalEvent, JournalText, Prompt};
use crate::event::{NewEvent, RecordedEvent};
use crate::id::{JournalEntryId, PersonId};
use crate::time::Timestamp;

/// Why a journal step was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum JournalError {
    /// No such entry of the person's: never written, deleted, or someone else's.
    #[error("no such journal entry")]
    NotFound,
}

/// One entry as its author sees it now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalEntry {
    pub id: JournalEntryId,
    pub prompt: Option<Prompt>,
    pub text: JournalText,
    pub written_at: Timestamp,
    /// When its words last changed; `None` if never.
    pub edited_at: Option<Timestamp>,
}

/// The person's entries, oldest first. Deleted ones are gone, and so is anything said about them
/// afterwards.
#[derive(Clone, Debug)]
pub struct JournalBook {
    owner: PersonId,
    entries: Vec<JournalEntry>,
    deleted: Vec<JournalEntryId>,
}

impl JournalBook {
    pub fn new(owner: PersonId) -> Self {
        Self {
            owner,
            entries: Vec::new(),
            deleted: Vec::new(),
        }
    }

    /// The journal of `owner` from the events of their stream.
    pub fn fold<'a>(owner: PersonId, events: impl IntoIterator<Item = &'a RecordedEvent>) -> Self {
        let mut book = Self::new(owner);
        for recorded in events {
            book.apply(&recorded.event);
        }
        book
    }

    /// Folds in one event; anything not the owner's own journal event is left out.
    pub fn apply(&mut self, event: &NewEvent) {
        if event.author != self.owner {
            return;
        }
        let Some(journal) = JournalEvent::from_event(event) else {
            return;
        };
        let entry = journal.entry();
        if self.deleted.contains(&entry) {
            return;
        }
        match journal {
            JournalEvent::Written { prompt, text, .. } => {
                if self.get(entry).is_none() {
                    self.entries.push(JournalEntry {
                        id: entry,
                        prompt,
                        text,
                        written_at: event.at,
                        edited_at: None,
                    });
                }
            }
            JournalEvent::Edited { text, .. } => {
                if let Some(found) = self.entries.iter_mut().find(|e| e.id == entry) {
                    found.text = text;
                    found.edited_at = Some(event.at);
                }
            }
            JournalEvent::Deleted { .. } => {
                self.entries.retain(|e| e.id != entry);
                self.deleted.push(entry);
            }
        }
    }

    pub fn get(&self, id: JournalEntryId) -> Option<&JournalEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Every entry, oldest first.
    pub fn all(&self) -> &[JournalEntry] {
        &self.entries
    }

    /// Whether an event of the owner's stream belongs to a deleted entry (and so stays out of
    /// the export).
    pub fn is_of_deleted(&self, event: &NewEvent) -> bool {
        JournalEvent::from_event(event).is_some_and(|j| self.deleted.contains(&j.entry()))
    }

    /// New words for an entry.
    pub fn decide_edit(
        &self,
        id: JournalEntryId,
        text: JournalText,
    ) -> Result<JournalEvent, JournalError> {
        self.get(id).ok_or(JournalError::NotFound)?;
        Ok(JournalEvent::Edited { entry: id, text })
    }

    /// The tombstone for an entry.
    pub fn decide_delete(&self, id: JournalEntryId) -> Result<JournalEvent, JournalError> {
        self.get(id).ok_or(JournalError::NotFound)?;
        Ok(JournalEvent::Deleted { entry: id })
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::event::Visibility;
    use crate::id::EventId;
    use crate::journal::decide_write;

    const ME: PersonId = PersonId::from_uuid(Uuid::from_u128(1));
    const OTHER: PersonId = PersonId::from_uuid(Uuid::from_u128(2));

    fn entry(n: u128) -> JournalEntryId {
        JournalEntryId::from_uuid(Uuid::from_u128(n))
    }

    fn text(words: &str) -> JournalText {
        JournalText::parse(words).unwrap()
    }

    fn event(journal: JournalEvent, author: PersonId, at: i64) -> NewEvent {
        journal.into_event(
            EventId::from_uuid(Uuid::from_u128(1000 + at as u128)),
            author,
            Timestamp::from_millis(at),
        )
    }

    #[test]
    fn entries_are_written_edited_and_deleted_for_good() {
        let mut book = JournalBook::new(ME);
        book.apply(&event(
            decide_write(entry(1), Some(Prompt::HowDeep), text("a lot")),
            ME,
            1,
        ));
        book.apply(&event(
            decide_write(entry(2), None, text("free words")),
            ME,
            2,
        ));
        let edit = book.decide_edit(entry(1), text("less today")).unwrap();
        book.apply(&event(edit, ME, 3));
        let first = book.get(entry(1)).unwrap();
        assert_eq!(first.text.as_str(), "less today");
        assert_eq!(first.edited_at, Some(Timestamp::from_millis(3)));
        assert_eq!(first.prompt, Some(Prompt::HowDeep));
        let tombstone = book.decide_delete(entry(1)).unwrap();
        let tombstone = event(tombstone, ME, 4);
        book.apply(&tombstone);
        assert!(book.is_of_deleted(&tombstone));
        assert_eq!(book.all().len(), 1);
        // Nothing brings it back, not even its own id written again.
        book.apply(&event(decide_write(entry(1), None, text("again")), ME, 5));
        book.apply(&event(
            JournalEvent::Edited {
                entry: entry(1),
                text: text("x"),
            },
            ME,
            6,
        ));
        assert!(book.get(entry(1)).is_none());
        assert_eq!(
            book.decide_edit(entry(1), text("x")),
            Err(JournalError::NotFound)
        );
        assert_eq!(book.decide_delete(entry(1)), Err(JournalError::NotFound));
    }

    #[test]
    fn only_the_owners_private_journal_events_count() {
        let mut book = JournalBook::new(ME);
        book.apply(&event(
            decide_write(entry(1), None, text("theirs")),
            OTHER,
            1,
        ));
        let mut shared = event(decide_write(entry(2), None, text("shared?")), ME, 2);
        shared.visibility = Visibility::Shared;
        book.apply(&shared);
        assert!(book.all().is_empty());
    }

    #[test]
    fn every_prompt_has_a_name_that_reads_back_and_a_group() {
        for prompt in Prompt::ALL {
            assert_eq!(Prompt::from_name(prompt.as_str()), Some(prompt));
            assert!(prompt.locale_id().starts_with("journal-prompt-"));
        }
        assert_eq!(Prompt::from_name("nope"), None);
        for kind in ["journal.written", "journal.edited", "journal.deleted"] {
            assert!(crate::event::EventKind::new(kind).is_ok());
        }
    }

    #[test]
    fn journal_text_is_bounded_and_hides_its_words_in_debug() {
        assert!(JournalText::parse("   ").is_err());
        assert!(JournalText::parse(&"a".repeat(10_001)).is_err());
        assert!(JournalText::parse("line one\nline two").is_ok());
        assert_eq!(format!("{:?}", text("secret")), "JournalText(6 chars)");
    }
}
