//! Deleted words leave the disk (issue 14, item 11): a deleted journal entry's words are taken
//! out of the log, not covered by a tombstone; on SQLite, after a deletion or an account's
//! erasure, the words are in neither the database file nor its `-wal` (`secure_delete` and a
//! truncating checkpoint); and the database, its `-wal`, its `-shm` and backups are readable by
//! their owner alone.

use std::path::{Path, PathBuf};

use steadfast_core::id::JournalEntryId;
use steadfast_core::journal::{JournalBook, JournalEvent, JournalText, decide_write, words_of};
use steadfast_core::{EventId, PersonId, RecordedEvent, StreamId};
use steadfast_store::Store;
use steadfast_store::testing::TestDatabase;
use uuid::Uuid;

use crate::support::{at, open, sign_up};

fn entry() -> JournalEntryId {
    JournalEntryId::from_uuid(Uuid::new_v4())
}

fn text(words: &str) -> JournalText {
    JournalText::parse(words).expect("valid words")
}

fn recorded(event: JournalEvent, author: PersonId, minute: i64) -> steadfast_core::NewEvent {
    event.into_event(
        EventId::from_uuid(Uuid::new_v4()),
        author,
        at(minute * 60_000),
    )
}

async fn own_stream(store: &Store, person: PersonId) -> (Vec<RecordedEvent>, u64) {
    let stream = StreamId::Person(person);
    let events = store.read(stream, 1).await.expect("read");
    let head = store.head(stream).await.expect("head");
    (events, head)
}

/// Writes two entries, edits the first, and deletes it as the journal does: the tombstone, and
/// the entry's words forgotten in the same write. Answers the words that must be gone and the
/// words that must stay.
async fn write_then_delete(store: &Store, person: PersonId) -> ([&'static str; 2], &'static str) {
    let gone = ["first-words-to-be-deleted", "edited-words-to-be-deleted"];
    let kept = "words-of-the-entry-that-stays";
    let stream = StreamId::Person(person);
    let (doomed, other) = (entry(), entry());
    let events = vec![
        recorded(decide_write(doomed, None, text(gone[0])), person, 1),
        recorded(decide_write(other, None, text(kept)), person, 2),
        recorded(
            JournalEvent::Edited {
                entry: doomed,
                text: text(gone[1]),
            },
            person,
            3,
        ),
    ];
    let head = store.head(stream).await.expect("head");
    store.append(stream, head, events).await.expect("written");

    let (events, head) = own_stream(store, person).await;
    let book = JournalBook::fold(person, &events);
    let tombstone = book.decide_delete(doomed).expect("the entry is there");
    let words = words_of(person, doomed, &events);
    assert_eq!(words.len(), 2, "its writing and its edit");
    assert!(
        events
            .iter()
            .filter(|e| !words.contains(&e.event.id))
            .all(|e| !serde_json::to_string(e)
                .expect("json")
                .contains("to-be-deleted")),
        "the words are in no other event"
    );
    store
        .append_forgetting(stream, head, vec![recorded(tombstone, person, 4)], words)
        .await
        .expect("deleted");
    (gone, kept)
}

/// Deleting a journal entry removes the events holding its words; the tombstone, the other
/// entry and the fold are as they were.
pub async fn a_deleted_journal_entrys_words_are_gone_from_the_log(db: &TestDatabase) {
    let store = open(db).await;
    let person = sign_up(&store).await;
    let (gone, kept) = write_then_delete(&store, person).await;

    let (events, head) = own_stream(&store, person).await;
    assert_eq!(head, 4, "sequence numbers are not reused");
    let kinds: Vec<&str> = events.iter().map(|e| e.event.kind.as_str()).collect();
    assert_eq!(kinds, ["journal.written", "journal.deleted"]);
    let all = serde_json::to_string(&events).expect("json");
    for words in gone {
        assert!(!all.contains(words), "{words} still in the log");
    }
    assert!(all.contains(kept));
    let book = JournalBook::fold(person, &events);
    let left: Vec<&str> = book.all().iter().map(|e| e.text.as_str()).collect();
    assert_eq!(left, [kept]);
    store.close().await;
}

fn sqlite_file(db: &TestDatabase) -> PathBuf {
    let url = db.url().expose();
    let file = url.trim_start_matches("sqlite:").trim_start_matches("//");
    PathBuf::from(file.split_once('?').map_or(file, |(file, _)| file))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `words` are anywhere in the database file or its `-wal`.
fn on_disk(path: &Path, words: &str) -> bool {
    [path.to_owned(), with_suffix(path, "-wal")]
        .iter()
        .filter_map(|file| std::fs::read(file).ok())
        .any(|bytes| bytes.windows(words.len()).any(|w| w == words.as_bytes()))
}

#[tokio::test]
async fn a_deleted_journal_entrys_words_leave_the_database_file_and_its_wal() {
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    let path = sqlite_file(&db);
    let person = sign_up(&store).await;
    let witness = "written-then-looked-for";
    let stream = StreamId::Person(person);
    let first = recorded(decide_write(entry(), None, text(witness)), person, 0);
    store.append(stream, 0, vec![first]).await.expect("written");
    assert!(
        on_disk(&path, witness),
        "the search finds words that are there"
    );

    let (gone, kept) = write_then_delete(&store, person).await;
    for words in gone {
        assert!(!on_disk(&path, words), "{words} still on disk");
    }
    assert!(on_disk(&path, kept));
    store.close().await;
}

#[tokio::test]
async fn an_erased_accounts_words_leave_the_database_file_and_its_wal() {
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    let path = sqlite_file(&db);
    let person = sign_up(&store).await;
    let words = "my-private-journal-before-leaving";
    let stream = StreamId::Person(person);
    let event = recorded(decide_write(entry(), None, text(words)), person, 0);
    store.append(stream, 0, vec![event]).await.expect("written");
    assert!(
        on_disk(&path, words),
        "the search finds words that are there"
    );

    store
        .delete_account(person, at(60_000))
        .await
        .expect("deleted");
    assert!(!on_disk(&path, words), "the words are still on disk");
    let wal = std::fs::metadata(with_suffix(&path, "-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the WAL is truncated after an erasure");
    store.close().await;
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_its_wal_and_shm_and_backups_are_the_owners_alone() {
    let db = TestDatabase::sqlite();
    let store = open(&db).await;
    let path = sqlite_file(&db);
    let person = sign_up(&store).await;
    let event = recorded(decide_write(entry(), None, text("x")), person, 0);
    store
        .append(StreamId::Person(person), 0, vec![event])
        .await
        .expect("written");
    for file in [
        path.clone(),
        with_suffix(&path, "-wal"),
        with_suffix(&path, "-shm"),
    ] {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    let dir = tempfile::tempdir().expect("a directory");
    let copy = dir.path().join("steadfast.backup.db");
    store.backup_to(&copy).await.expect("backed up");
    assert_eq!(mode(&copy), 0o600, "the backup");
    store.close().await;
}
