//! The private journal, shared by the pages and the JSON API: read the person's own stream, fold
//! it ([`JournalBook`]), decide, append with the stream's head (retrying on a conflict). The rules
//! live in `steadfast_core::journal`.
//!
//! Only the author ever reaches these: every operation takes the signed-in person and reads their
//! own stream, so an entry id from anyone else simply is not found.

use steadfast_core::id::JournalEntryId;
use steadfast_core::journal::{
    self, JournalBook, JournalError, JournalEvent, JournalText, Prompt, decide_write,
};
use steadfast_core::text::TextError;
use steadfast_core::{EventId, PersonId, RecordedEvent, StreamId};
use steadfast_store::StoreError;

use crate::AppState;
use crate::error::WebError;
use crate::i18n::Lang;

const WRITE_ATTEMPTS: usize = 5;

/// Why a journal operation did not happen.
#[derive(Debug)]
pub(crate) enum JournalFailure {
    /// No such entry of the person's.
    NotFound,
    /// The words were refused.
    Text(TextError),
    /// Not one of the journal's prompts.
    Prompt,
    Failed(WebError),
}

impl From<StoreError> for JournalFailure {
    fn from(error: StoreError) -> Self {
        JournalFailure::Failed(error.into())
    }
}

impl From<JournalError> for JournalFailure {
    fn from(error: JournalError) -> Self {
        match error {
            JournalError::NotFound => JournalFailure::NotFound,
        }
    }
}

impl JournalFailure {
    /// The stable code the API gives it.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            JournalFailure::NotFound => "not_found",
            JournalFailure::Text(_) => "text_invalid",
            JournalFailure::Prompt => "prompt_invalid",
            JournalFailure::Failed(_) => "internal",
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            JournalFailure::NotFound => lang.t("error-not-found-title"),
            JournalFailure::Text(TextError::Empty) => lang.t("journal-text-empty"),
            JournalFailure::Text(TextError::TooLong { max }) => {
                lang.t_with("journal-text-too-long", &[("max", max.to_string())])
            }
            JournalFailure::Text(TextError::BadCharacter) => lang.t("text-bad-character"),
            JournalFailure::Prompt => lang.t("journal-prompt-invalid"),
            JournalFailure::Failed(_) => lang.t("error-internal-title"),
        }
    }
}

pub(crate) fn parse_text(text: &str) -> Result<JournalText, JournalFailure> {
    JournalText::parse(text).map_err(JournalFailure::Text)
}

/// A prompt by name; blank is a free entry.
pub(crate) fn parse_prompt(name: &str) -> Result<Option<Prompt>, JournalFailure> {
    let name = name.trim();
    if name.is_empty() {
        return Ok(None);
    }
    Prompt::from_name(name)
        .map(Some)
        .ok_or(JournalFailure::Prompt)
}

pub(crate) fn parse_entry(id: &str) -> Result<JournalEntryId, JournalFailure> {
    id.parse().map_err(|_| JournalFailure::NotFound)
}

/// The person's journal and the head of their stream.
pub(crate) async fn book(
    state: &AppState,
    person: PersonId,
) -> Result<(JournalBook, u64), JournalFailure> {
    let (events, head) = own_events(state, person).await?;
    Ok((JournalBook::fold(person, &events), head))
}

/// The person's own stream and its head.
async fn own_events(
    state: &AppState,
    person: PersonId,
) -> Result<(Vec<RecordedEvent>, u64), JournalFailure> {
    let stream = StreamId::Person(person);
    let events = state.store.read(stream, 1).await?;
    let head = events.last().map_or(0, |e| e.seq);
    // Erased events leave the head above the last one read.
    let head = head.max(state.store.head(stream).await?);
    Ok((events, head))
}

/// Decides on the journal as it is and appends; on a conflict decides again on fresh state.
async fn write(
    state: &AppState,
    person: PersonId,
    decide: impl Fn(&JournalBook) -> Result<JournalEvent, JournalFailure>,
) -> Result<JournalEntryId, JournalFailure> {
    let stream = StreamId::Person(person);
    for lost in 0..WRITE_ATTEMPTS {
        let (book, head) = book(state, person).await?;
        let event = decide(&book)?;
        let entry = event.entry();
        let new = event.into_event(
            EventId::from_uuid(uuid::Uuid::new_v4()),
            person,
            state.now(),
        );
        match state.store.append(stream, head, vec![new]).await {
            Ok(_) => return Ok(entry),
            Err(StoreError::Conflict { .. }) => {
                tokio::time::sleep(steadfast_app::ledger::after_lost_race(lost)).await;
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(lost_every_race(stream))
}

/// Writes a new entry.
pub(crate) async fn add(
    state: &AppState,
    person: PersonId,
    prompt: &str,
    text: &str,
) -> Result<JournalEntryId, JournalFailure> {
    let prompt = parse_prompt(prompt)?;
    let text = parse_text(text)?;
    let entry = JournalEntryId::from_uuid(uuid::Uuid::new_v4());
    write(state, person, |_| {
        Ok(decide_write(entry, prompt, text.clone()))
    })
    .await
}

/// New words for one of the person's entries.
pub(crate) async fn edit(
    state: &AppState,
    person: PersonId,
    entry: JournalEntryId,
    text: &str,
) -> Result<JournalEntryId, JournalFailure> {
    let text = parse_text(text)?;
    write(state, person, |book| {
        book.decide_edit(entry, text.clone()).map_err(Into::into)
    })
    .await
}

/// Deletes one of the person's entries: the tombstone the fold and the export honour, and, in
/// the same write, the entry's words taken out of the log (`journal::words_of`).
pub(crate) async fn delete(
    state: &AppState,
    person: PersonId,
    entry: JournalEntryId,
) -> Result<(), JournalFailure> {
    let stream = StreamId::Person(person);
    for lost in 0..WRITE_ATTEMPTS {
        let (events, head) = own_events(state, person).await?;
        let book = JournalBook::fold(person, &events);
        let tombstone = book.decide_delete(entry)?.into_event(
            EventId::from_uuid(uuid::Uuid::new_v4()),
            person,
            state.now(),
        );
        let words = journal::words_of(person, entry, &events);
        match state
            .store
            .append_forgetting(stream, head, vec![tombstone], words)
            .await
        {
            Ok(_) => return Ok(()),
            Err(StoreError::Conflict { .. }) => {
                tokio::time::sleep(steadfast_app::ledger::after_lost_race(lost)).await;
            }
            Err(other) => return Err(other.into()),
        }
    }
    Err(lost_every_race(stream))
}

/// A write that lost the race every time: the one failure answered `busy` (503), never a 500.
fn lost_every_race(stream: StreamId) -> JournalFailure {
    JournalFailure::Failed(WebError::from(StoreError::Conflict {
        stream: stream.to_string(),
        expected: 0,
        actual: 0,
    }))
}
