//! Writing an import: a new space with its members and events, all or nothing, and a person's
//! own events appended once however often the import runs.

use steadfast_core::import::SpaceWrite;
use steadfast_core::space::{Member, SpaceName};
use steadfast_core::{EventId, EventKind, NewEvent, PersonId, StreamId, Visibility};
use steadfast_store::ImportedSpace;
use steadfast_store::testing::TestDatabase;
use uuid::Uuid;

use crate::support::{HOUR, at, open, person, sign_up, space_id};

fn event(author: PersonId, hours: i64) -> NewEvent {
    NewEvent {
        id: EventId::from_uuid(Uuid::new_v4()),
        author,
        at: at(hours * HOUR),
        kind: EventKind::new("note.written").expect("a valid kind"),
        visibility: Visibility::Shared,
        payload: serde_json::json!({ "hours": hours }),
    }
}

fn space_write(importer: PersonId, placeholder: PersonId) -> SpaceWrite {
    SpaceWrite {
        id: space_id(),
        name: SpaceName::parse("Moved here").expect("a valid name"),
        created_at: at(0),
        creator: importer,
        members: vec![
            Member {
                person: importer,
                joined: at(0),
                left: None,
            },
            Member {
                person: placeholder,
                joined: at(0),
                left: Some(at(10 * HOUR)),
            },
        ],
        events: vec![
            event(importer, 1),
            event(placeholder, 2),
            event(importer, 3),
        ],
    }
}

pub async fn an_imported_space_is_written_whole_and_a_second_run_writes_nothing(db: &TestDatabase) {
    let store = open(db).await;
    let importer = sign_up(&store).await;
    let placeholder = person();
    let space = space_write(importer, placeholder);
    assert_eq!(
        store.import_space(&space).await.unwrap(),
        ImportedSpace::Created
    );

    let record = store
        .space(space.id)
        .await
        .unwrap()
        .expect("the space exists");
    assert_eq!(record.name, "Moved here");
    assert_eq!(
        record.member_count, 1,
        "the importer is its one current member"
    );
    let members = store.members(space.id).await.unwrap();
    assert_eq!(members.len(), 2);
    assert!(
        members
            .iter()
            .any(|m| m.person == importer && m.left_at.is_none())
    );
    assert!(
        members
            .iter()
            .any(|m| m.person == placeholder && m.left_at == Some(at(10 * HOUR)))
    );
    let listed: Vec<_> = store
        .spaces_of(importer)
        .await
        .unwrap()
        .into_iter()
        .map(|(s, _)| s.id)
        .collect();
    assert_eq!(listed, [space.id]);
    let events = store.read(StreamId::Space(space.id), 1).await.unwrap();
    let written: Vec<_> = events.iter().map(|e| e.event.clone()).collect();
    assert_eq!(written, space.events);
    assert_eq!(events.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3]);

    assert_eq!(
        store.import_space(&space).await.unwrap(),
        ImportedSpace::AlreadyThere
    );
    assert_eq!(
        store
            .read(StreamId::Space(space.id), 1)
            .await
            .unwrap()
            .len(),
        3
    );
    assert_eq!(store.members(space.id).await.unwrap().len(), 2);
}

pub async fn a_space_whose_events_cannot_be_written_leaves_nothing_behind(db: &TestDatabase) {
    let store = open(db).await;
    let importer = sign_up(&store).await;
    // An event id already in the log (ids are unique across streams): the append fails after
    // the space and its members were inserted, and all of it must go.
    let elsewhere = event(importer, 0);
    store
        .append(StreamId::Person(importer), 0, vec![elsewhere.clone()])
        .await
        .unwrap();
    let mut space = space_write(importer, person());
    space.events.push(elsewhere);
    assert!(store.import_space(&space).await.is_err());
    assert!(store.space(space.id).await.unwrap().is_none());
    assert!(store.members(space.id).await.unwrap().is_empty());
    assert!(
        store
            .read(StreamId::Space(space.id), 1)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.spaces_of(importer).await.unwrap().is_empty());
}

pub async fn personal_events_are_appended_once_after_what_is_there(db: &TestDatabase) {
    let store = open(db).await;
    let importer = sign_up(&store).await;
    let stream = StreamId::Person(importer);
    let already = event(importer, 0);
    store
        .append(stream, 0, vec![already.clone()])
        .await
        .unwrap();
    let imported = vec![event(importer, 1), event(importer, 2)];
    assert_eq!(store.import_personal(importer, &imported).await.unwrap(), 2);
    assert_eq!(store.import_personal(importer, &imported).await.unwrap(), 0);
    let events: Vec<_> = store
        .read(stream, 1)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(events, [vec![already], imported].concat());
}
