//! The private journal: read the person's own stream, fold it ([`JournalBook`]), decide, append
//! with the stream's head through the one write loop. The rules live in
//! `steadfast_core::journal`.
//!
//! Only the author ever reaches these: every operation takes the signed-in person and reads their
//! own stream, so an entry id from anyone else simply is not found.

use steadfast_core::id::JournalEntryId;
use steadfast_core::journal::{self, JournalBook, JournalEvent, JournalText, Prompt, decide_write};
use steadfast_core::text::TextError;
use steadfast_core::{PersonId, RecordedEvent, StreamId};

use crate::App;
use crate::ledger::{Append, Reading, append_retrying, new_event_id};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why a journal operation did not happen.
#[derive(Debug)]
pub enum JournalError {
    /// No such entry of the person's.
    NotFound,
    /// The words were refused.
    Text(TextError),
    /// Not one of the journal's prompts.
    Prompt,
    Failed(Failure),
}

crate::failed_underneath!(JournalError);

impl From<journal::JournalError> for JournalError {
    fn from(error: journal::JournalError) -> Self {
        match error {
            journal::JournalError::NotFound => JournalError::NotFound,
        }
    }
}

impl Explain for JournalError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            JournalError::NotFound => Refused::not_found(),
            JournalError::Text(error) => Refused::new(
                "text_invalid",
                Kind::Invalid,
                Words::text("journal-text", *error),
            ),
            JournalError::Prompt => Refused::new(
                "prompt_invalid",
                Kind::Invalid,
                Words::key("journal-prompt-invalid"),
            ),
            JournalError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

pub fn parse_text(text: &str) -> Result<JournalText, JournalError> {
    JournalText::parse(text).map_err(JournalError::Text)
}

/// A prompt by name; blank is a free entry.
pub fn parse_prompt(name: &str) -> Result<Option<Prompt>, JournalError> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    Prompt::from_name(name)
        .map(Some)
        .ok_or(JournalError::Prompt)
}

pub fn parse_entry(id: &str) -> Result<JournalEntryId, JournalError> {
    id.parse().map_err(|_| JournalError::NotFound)
}

/// The person's journal and the head of their stream.
pub async fn book(app: &App, person: PersonId) -> Result<(JournalBook, u64), JournalError> {
    let mut own = OwnStream::new(person);
    own.catch_up(app, None).await?;
    Ok((JournalBook::fold(person, &own.events), own.head))
}

/// The person's own stream as last read, and its head.
struct OwnStream {
    person: PersonId,
    events: Vec<RecordedEvent>,
    head: u64,
}

impl OwnStream {
    fn new(person: PersonId) -> Self {
        OwnStream {
            person,
            events: Vec::new(),
            head: 0,
        }
    }

    fn book(&self) -> JournalBook {
        JournalBook::fold(self.person, &self.events)
    }
}

/// A journal is small: each try reads it whole.
impl Reading for OwnStream {
    async fn catch_up(&mut self, app: &App, _lost_to: Option<u64>) -> Result<(), Failure> {
        let stream = StreamId::Person(self.person);
        self.events = app.store.read(stream, 1).await?;
        let head = self.events.last().map_or(0, |e| e.seq);
        // Erased events leave the head above the last one read.
        self.head = head.max(app.store.head(stream).await?);
        Ok(())
    }
}

/// Decides on the journal as it is and appends; on a conflict decides again on fresh state.
async fn write(
    app: &App,
    person: PersonId,
    decide: impl Fn(&JournalBook) -> Result<JournalEvent, JournalError>,
) -> Result<JournalEntryId, JournalError> {
    let mut own = OwnStream::new(person);
    append_retrying(app, StreamId::Person(person), &mut own, |own, now| {
        let event = decide(&own.book())?;
        let entry = event.entry();
        let event = event.into_event(new_event_id(), person, now);
        Ok(Append::new(own.head, vec![event], entry))
    })
    .await
}

/// Writes a new entry.
pub async fn add(
    app: &App,
    person: PersonId,
    prompt: Option<Prompt>,
    text: JournalText,
) -> Result<JournalEntryId, JournalError> {
    let entry = JournalEntryId::from_uuid(uuid::Uuid::new_v4());
    write(app, person, |_| {
        Ok(decide_write(entry, prompt, text.clone()))
    })
    .await
}

/// New words for one of the person's entries.
pub async fn edit(
    app: &App,
    person: PersonId,
    entry: JournalEntryId,
    text: JournalText,
) -> Result<JournalEntryId, JournalError> {
    write(app, person, |book| {
        book.decide_edit(entry, text.clone()).map_err(Into::into)
    })
    .await
}

/// Deletes one of the person's entries: the tombstone the fold and the export honour, and, in
/// the same write, the entry's words taken out of the log (`journal::words_of`).
pub async fn delete(
    app: &App,
    person: PersonId,
    entry: JournalEntryId,
) -> Result<(), JournalError> {
    let mut own = OwnStream::new(person);
    append_retrying(app, StreamId::Person(person), &mut own, |own, now| {
        let tombstone = own
            .book()
            .decide_delete(entry)?
            .into_event(new_event_id(), person, now);
        Ok(Append {
            forget: journal::words_of(person, entry, &own.events),
            ..Append::new(own.head, vec![tombstone], ())
        })
    })
    .await
}
