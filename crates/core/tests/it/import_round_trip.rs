//! An export read back in: generated histories survive export → import with every event, its
//! time, kind and visibility, the people renamed to the importing account and the placeholder,
//! and the journal as it read; and the reader refuses damaged documents with a message saying
//! where, never a panic.

use proptest::prelude::*;
use serde_json::{Value, json};
use steadfast_core::appreciation::{AppreciationEvent, AppreciationText};
use steadfast_core::export::FORMAT;
use steadfast_core::id::{AppreciationId, JournalEntryId};
use steadfast_core::import::{self, ImportError, ImportPlan, Place, Problem, Target};
use steadfast_core::journal::{JournalBook, Prompt};
use steadfast_core::promise::{Change, PromiseEvent, PromiseText, Stakes, Terms};
use steadfast_core::{
    EventId, NewEvent, PersonId, PromiseId, RecordedEvent, SpaceId, StreamId, Timestamp, Visibility,
};
use uuid::Uuid;

use crate::support::{A, B, T0};

/// The account the export is imported into, on the new server.
const NEW: PersonId = PersonId::from_uuid(Uuid::from_u128(0xA11CE));
const OLD_SPACE: SpaceId = SpaceId::from_uuid(Uuid::from_u128(0x5ACE));

fn now() -> Timestamp {
    Timestamp::from_millis(T0.as_millis() + 400 * 86_400_000)
}

fn rfc3339(at: Timestamp) -> String {
    jiff::Timestamp::from_millisecond(at.as_millis())
        .unwrap()
        .to_string()
}

/// One generated event of the space: who wrote it, and what.
#[derive(Clone, Debug)]
enum Item {
    Promise {
        by_a: bool,
        text: String,
        stakes: u8,
    },
    Thanks {
        by_a: bool,
        text: String,
    },
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        (any::<bool>(), "[a-z]{1,12}( [a-z]{1,8}){0,3}", 1u8..=5)
            .prop_map(|(by_a, text, stakes)| Item::Promise { by_a, text, stakes }),
        (any::<bool>(), "[a-z]{1,12}( [a-z]{1,8}){0,3}")
            .prop_map(|(by_a, text)| Item::Thanks { by_a, text }),
    ]
}

/// The events as the old server's log held them, oldest first, an hour apart.
fn history(items: &[Item]) -> Vec<NewEvent> {
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let n = n as u128;
            let at = Timestamp::from_millis(T0.as_millis() + 3_600_000 * (n as i64 + 1));
            let id = EventId::from_uuid(Uuid::from_u128(0xE000 + n));
            match item {
                Item::Promise { by_a, text, stakes } => {
                    let (author, receiver) = if *by_a { (A, B) } else { (B, A) };
                    PromiseEvent {
                        promise: PromiseId::from_uuid(Uuid::from_u128(0xB000 + n)),
                        change: Change::Made {
                            receiver,
                            terms: Terms {
                                text: PromiseText::parse(text).unwrap(),
                                stakes: Stakes::new(*stakes).unwrap(),
                                due: None,
                            },
                            domain: None,
                            made_at: None,
                        },
                    }
                    .into_event(id, author, at)
                }
                Item::Thanks { by_a, text } => {
                    let (author, to) = if *by_a { (A, B) } else { (B, A) };
                    AppreciationEvent {
                        appreciation: AppreciationId::from_uuid(Uuid::from_u128(0xC000 + n)),
                        to,
                        text: AppreciationText::parse(text).unwrap(),
                    }
                    .into_event(id, author, at)
                }
            }
        })
        .collect()
}

fn exported_event(event: &NewEvent) -> Value {
    json!({
        "id": event.id.to_string(),
        "kind": event.kind.as_str(),
        "at": rfc3339(event.at),
        "visibility": event.visibility.as_str(),
        "author": if event.author == A { "you" } else { "partner" },
        "payload": event.payload,
    })
}

/// A's export, shaped as `crates/web/src/export.rs` writes it.
fn export_of(events: &[NewEvent], journal: &[(u128, &str, bool)]) -> Vec<u8> {
    let entries: Vec<Value> = journal
        .iter()
        .map(|(n, text, edited)| {
            json!({
                "id": JournalEntryId::from_uuid(Uuid::from_u128(*n)).to_string(),
                "prompt": if *n % 2 == 0 { Some("how_deep") } else { None },
                "text": text,
                "written_at": rfc3339(Timestamp::from_millis(T0.as_millis() + *n as i64 * 60_000)),
                "edited_at": edited.then(|| rfc3339(Timestamp::from_millis(T0.as_millis() + *n as i64 * 60_000 + 1_000))),
            })
        })
        .collect();
    serde_json::to_vec_pretty(&json!({
        "format": FORMAT,
        "exported_at": rfc3339(Timestamp::from_millis(T0.as_millis() + 300 * 86_400_000)),
        "account": {"username": "ala", "email": null, "created_at": rfc3339(T0)},
        "tokens": [{"label": "phone", "created_at": rfc3339(T0), "last_used_at": null}],
        "spaces": [{
            "id": OLD_SPACE.to_string(),
            "name": "Us two",
            "current": true,
            "stays": [{"joined_at": rfc3339(T0), "left_at": null}],
            "partner": "olek",
            "pairing_ended": false,
            "events": events.iter().map(exported_event).collect::<Vec<_>>(),
            "patterns": [],
        }],
        "personal_events": [],
        "journal": entries,
    }))
    .unwrap()
}

/// The payload `event` should have after the import: A's id become the new account's, B's the
/// placeholder's.
fn expected_payload(event: &NewEvent, placeholder: PersonId) -> Value {
    let text = event.payload.to_string();
    let text = text
        .replace(&A.to_string(), &NEW.to_string())
        .replace(&B.to_string(), &placeholder.to_string());
    serde_json::from_str(&text).unwrap()
}

fn target() -> Target {
    Target {
        person: NEW,
        now: now(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_exported_event_comes_back_renamed_and_the_partners_shared_ones_stay_as_a_former_partners(
        items in proptest::collection::vec(item(), 0..30),
    ) {
        let events = history(&items);
        let plan = import::read(&export_of(&events, &[]), now()).unwrap();
        let writes = plan.writes(target());
        prop_assert_eq!(writes.spaces.len(), 1);
        let space = &writes.spaces[0];
        let placeholder = ImportPlan::placeholder(target(), OLD_SPACE);
        prop_assert_eq!(space.id, ImportPlan::new_space_id(target(), OLD_SPACE));
        prop_assert_eq!(space.events.len(), events.len());
        for (written, original) in space.events.iter().zip(&events) {
            prop_assert_eq!(&written.kind, &original.kind);
            prop_assert_eq!(written.at, original.at);
            prop_assert_eq!(written.visibility, original.visibility);
            prop_assert_eq!(written.author, if original.author == A { NEW } else { placeholder });
            prop_assert_eq!(&written.payload, &expected_payload(original, placeholder));
            prop_assert_ne!(written.id, original.id);
        }
        // Whenever the partner's events name A, the reader has found A's old id.
        if events.iter().any(|event| event.author == B) {
            prop_assert_eq!(plan.people.you, Some(A));
        }
        // The visibility rule shows the importer their own events and what the partner shared:
        // the placeholder is a former member, like a partner who left, whose shared history stays
        // with the one who stayed.
        let recorded: Vec<RecordedEvent> = space.events.iter().enumerate().map(|(n, event)| RecordedEvent {
            stream: StreamId::Space(space.id),
            seq: n as u64 + 1,
            event: event.clone(),
        }).collect();
        let shown: Vec<_> = steadfast_core::export::space_events(NEW, space.id, &recorded, &space.members)
            .map(|event| event.event.id)
            .collect();
        let kept: Vec<_> = space
            .events
            .iter()
            .filter(|event| event.author == NEW || event.visibility == Visibility::Shared)
            .map(|event| event.id)
            .collect();
        prop_assert_eq!(shown, kept);
        // The same import twice writes the same ids: a second run finds its work done.
        prop_assert_eq!(plan.writes(target()), writes);
    }

    #[test]
    fn the_journal_reads_as_it_did(
        texts in proptest::collection::vec(("[a-z]{1,20}", any::<bool>()), 0..12),
    ) {
        let journal: Vec<(u128, &str, bool)> = texts
            .iter()
            .enumerate()
            .map(|(n, (text, edited))| (n as u128 + 1, text.as_str(), *edited))
            .collect();
        let plan = import::read(&export_of(&[], &journal), now()).unwrap();
        let personal: Vec<RecordedEvent> = plan.writes(target()).personal.into_iter().enumerate().map(|(n, event)| RecordedEvent {
            stream: StreamId::Person(NEW),
            seq: n as u64 + 1,
            event,
        }).collect();
        let book = JournalBook::fold(NEW, &personal);
        prop_assert_eq!(book.all().len(), journal.len());
        for (n, text, edited) in &journal {
            let entry = book.get(JournalEntryId::from_uuid(Uuid::from_u128(*n))).unwrap();
            prop_assert_eq!(entry.text.as_str(), *text);
            prop_assert_eq!(entry.edited_at.is_some(), *edited);
            prop_assert_eq!(entry.prompt, (n % 2 == 0).then_some(Prompt::HowDeep));
        }
    }

    #[test]
    fn any_bytes_are_read_or_refused_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        import::exercise(&bytes);
    }
}

fn export_with(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let events = history(&[
        Item::Promise {
            by_a: true,
            text: "call if late".into(),
            stakes: 2,
        },
        Item::Thanks {
            by_a: false,
            text: "thank you".into(),
        },
    ]);
    let mut document: Value =
        serde_json::from_slice(&export_of(&events, &[(2, "note", false)])).unwrap();
    change(&mut document);
    serde_json::to_vec(&document).unwrap()
}

fn refusal(change: impl FnOnce(&mut Value)) -> ImportError {
    import::read(&export_with(change), now()).unwrap_err()
}

#[test]
fn damaged_documents_are_refused_with_where_and_what() {
    assert!(import::read(&export_with(|_| {}), now()).is_ok());
    assert!(matches!(
        import::read(b"{\"format\": ", now()),
        Err(ImportError::NotJson { .. })
    ));
    assert_eq!(
        import::read(b"[1, 2]", now()),
        Err(ImportError::NotAnExport)
    );
    assert_eq!(import::read(b"{}", now()), Err(ImportError::NotAnExport));
    assert_eq!(
        refusal(|doc| doc["format"] = json!("steadfast-export/2")),
        ImportError::WrongFormat {
            found: "steadfast-export/2".into(),
            expected: FORMAT
        }
    );
    assert!(matches!(
        refusal(|doc| doc["spaces"] = json!({})),
        ImportError::Shape { .. }
    ));
    assert_eq!(
        refusal(
            |doc| doc["exported_at"] = json!(rfc3339(Timestamp::from_millis(
                now().as_millis() + 2 * 86_400_000
            )))
        ),
        ImportError::ExportedInFuture
    );
    let event = |problem| ImportError::At {
        place: Place::SpaceEvent { space: 1, event: 2 },
        problem,
    };
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][1]["payload"]["text"] = json!("")),
        event(Problem::BadPayload("appreciation.given".into()))
    );
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][1]["visibility"] = json!("private")),
        event(Problem::WrongVisibility {
            kind: "appreciation.given".into(),
            visibility: "private"
        })
    );
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][1]["kind"] = json!("note.written")),
        event(Problem::UnknownKind("note.written".into()))
    );
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][1]["author"] = json!("other")),
        event(Problem::AuthorNotAllowedHere("other"))
    );
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][1]["at"] = json!("yesterday")),
        event(Problem::BadTime(import::TimeProblem::NotRfc3339))
    );
    assert_eq!(
        refusal(
            |doc| doc["spaces"][0]["events"][1]["id"] = doc["spaces"][0]["events"][0]["id"].clone()
        ),
        event(Problem::DuplicateId)
    );
    assert_eq!(
        refusal(|doc| doc["journal"][0]["prompt"] = json!("nope")),
        ImportError::At {
            place: Place::JournalEntry { entry: 1 },
            problem: Problem::UnknownPrompt("nope".into())
        }
    );
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["stays"] = json!([])),
        ImportError::At {
            place: Place::Space { space: 1 },
            problem: Problem::NoStay
        }
    );
    // The partner's thanks names A as its receiver; A's own promise naming A as receiver too
    // would make A both sides.
    assert_eq!(
        refusal(|doc| doc["spaces"][0]["events"][0]["payload"]["receiver"] = json!(A.to_string())),
        ImportError::PeopleDisagree
    );
}

#[test]
fn every_message_says_where() {
    let error = refusal(|doc| doc["spaces"][0]["events"][1]["payload"]["text"] = json!(""));
    assert_eq!(
        error.to_string(),
        "space 1, event 2: the content is not that of a valid appreciation.given event"
    );
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read() {
    let big = vec![b' '; import::MAX_BYTES + 1];
    assert_eq!(
        import::read(&big, now()),
        Err(ImportError::TooLarge {
            max: import::MAX_BYTES
        })
    );
}

#[test]
fn only_fields_that_name_people_are_renamed_never_words() {
    // Olek's thanks names Ala as its receiver, and its words happen to spell her old id.
    let bytes = export_with(|doc| {
        doc["spaces"][0]["events"][1]["payload"]["text"] = json!(A.to_string());
    });
    let writes = import::read(&bytes, now()).unwrap().writes(target());
    let thanks = &writes.spaces[0].events[1].payload;
    assert_eq!(thanks["to"], json!(NEW.to_string()));
    assert_eq!(thanks["text"], json!(A.to_string()));
}
