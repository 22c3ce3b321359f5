//! Which events hold a journal entry's words (issue 14, item 11): deleting an entry takes exactly
//! these out of the log — its writing and each edit — and nothing of another entry's, nothing of
//! anyone else's, and not the tombstone.

use steadfast_core::id::JournalEntryId;
use steadfast_core::journal::{JournalBook, JournalEvent, JournalText, decide_write, words_of};
use steadfast_core::{EventId, PersonId, RecordedEvent, StreamId};
use uuid::Uuid;

use crate::support::{A, B, T0};

fn text(words: &str) -> JournalText {
    JournalText::parse(words).unwrap()
}

/// Events numbered from `first`, each with an id of its own.
fn log(first: u64, events: Vec<(PersonId, JournalEvent)>) -> Vec<RecordedEvent> {
    (first..)
        .zip(events)
        .map(|(seq, (author, event))| RecordedEvent {
            stream: StreamId::Person(A),
            seq,
            event: event.into_event(
                EventId::from_uuid(Uuid::from_u128(1000 + u128::from(seq))),
                author,
                T0,
            ),
        })
        .collect()
}

#[test]
fn an_entrys_words_are_its_writing_and_its_edits_and_nothing_else() {
    let doomed = JournalEntryId::from_uuid(Uuid::from_u128(10));
    let other = JournalEntryId::from_uuid(Uuid::from_u128(11));
    let events = log(
        1,
        vec![
            (A, decide_write(doomed, None, text("first words"))),
            (A, decide_write(other, None, text("other entry"))),
            (
                A,
                JournalEvent::Edited {
                    entry: doomed,
                    text: text("second words"),
                },
            ),
            (
                A,
                JournalEvent::Edited {
                    entry: other,
                    text: text("other, edited"),
                },
            ),
            // Not A's own: never A's to delete, even naming the same entry.
            (
                B,
                JournalEvent::Edited {
                    entry: doomed,
                    text: text("not A's"),
                },
            ),
        ],
    );
    let words = words_of(A, doomed, &events);
    let expected: Vec<EventId> = [0, 2].iter().map(|&i| events[i].event.id).collect();
    assert_eq!(words, expected);

    // What is left after the deletion folds as the tombstone alone would have made it.
    let tombstone = JournalBook::fold(A, &events).decide_delete(doomed).unwrap();
    let mut after: Vec<RecordedEvent> = events
        .iter()
        .filter(|e| !words.contains(&e.event.id))
        .cloned()
        .collect();
    after.extend(log(6, vec![(A, tombstone.clone())]));
    let mut with_words = events.clone();
    with_words.extend(log(6, vec![(A, tombstone)]));
    let texts = |events: &[RecordedEvent]| -> Vec<String> {
        JournalBook::fold(A, events)
            .all()
            .iter()
            .map(|e| e.text.as_str().to_owned())
            .collect()
    };
    assert_eq!(texts(&after), texts(&with_words));
    assert_eq!(texts(&after), ["other, edited"]);
}
