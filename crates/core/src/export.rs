//! What of the event log goes into a person's export: everything they wrote and may see, never a
//! partner's private item. The space rule is [`crate::visibility`]'s; this adds what that rule
//! leaves open — a person's own stream, and how an exported event names its author.
//!
//! An export shows events, never their place in a stream: sequence numbers have gaps where
//! hidden items sit, and a gap is a count (docs/PRINCIPLES.md, principle 2).

use crate::event::{RecordedEvent, StreamId};
use crate::id::{PersonId, SpaceId};
use crate::space::{Member, is_current_member};
use crate::visibility::{ItemMeta, visible};

/// The export's format; a later format that reads differently gets a new number.
pub const FORMAT: &str = "steadfast-export/1";

/// Who wrote an exported event, as the person exporting it knows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Author {
    You,
    /// The partner the space is shared with now.
    Partner,
    /// A partner who left (or deleted their account): what they shared with the person before
    /// leaving stays the person's, named by no name.
    FormerPartner,
    /// Someone else, in the person's own stream (nothing writes there for another person yet;
    /// a coach's logged reads may).
    Other,
}

impl Author {
    pub const fn as_str(self) -> &'static str {
        match self {
            Author::You => "you",
            Author::Partner => "partner",
            Author::FormerPartner => "former_partner",
            Author::Other => "other",
        }
    }
}

/// The events of `space`'s stream that `person` exports: those the visibility rule lets them see
/// with these members (the space's, current and former), in order. Events of any other stream
/// are left out, so a mix-up of streams cannot leak.
pub fn space_events<'a>(
    person: PersonId,
    space: SpaceId,
    events: &'a [RecordedEvent],
    members: &'a [Member],
) -> impl Iterator<Item = &'a RecordedEvent> {
    let of_space = events
        .iter()
        .filter(move |event| event.stream == StreamId::Space(space));
    visible(person, of_space, |event| ItemMeta::from(event), members)
}

/// The events of `person`'s own stream that they export: every one, in order. A person stream
/// is its owner's alone, so events of anyone else's are never exported.
pub fn own_stream_events(
    person: PersonId,
    events: &[RecordedEvent],
) -> impl Iterator<Item = &RecordedEvent> {
    events
        .iter()
        .filter(move |event| event.stream == StreamId::Person(person))
}

/// How `person`'s export names the author of `event`, one they may see, with the space's members
/// (current and former).
pub fn author(person: PersonId, event: &RecordedEvent, members: &[Member]) -> Author {
    if event.event.author == person {
        Author::You
    } else {
        match event.stream {
            StreamId::Space(_) if is_current_member(members, event.event.author) => Author::Partner,
            StreamId::Space(_) => Author::FormerPartner,
            StreamId::Person(_) => Author::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::event::{EventKind, NewEvent, Visibility};
    use crate::id::EventId;
    use crate::time::Timestamp;

    const A: u128 = 1;
    const B: u128 = 2;
    const SPACE: u128 = 10;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn space(n: u128) -> SpaceId {
        SpaceId::from_uuid(Uuid::from_u128(n))
    }

    fn member(n: u128, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: Timestamp::from_millis(0),
            left: left.map(Timestamp::from_millis),
        }
    }

    fn event(stream: StreamId, seq: u64, author: u128, visibility: Visibility) -> RecordedEvent {
        RecordedEvent {
            stream,
            seq,
            event: NewEvent {
                id: EventId::from_uuid(Uuid::from_u128(u128::from(seq) + 100)),
                author: person(author),
                at: Timestamp::from_millis(i64::try_from(seq).unwrap()),
                kind: EventKind::new("note.written").unwrap(),
                visibility,
                payload: serde_json::Value::Null,
            },
        }
    }

    fn seqs<'a>(events: impl Iterator<Item = &'a RecordedEvent>) -> Vec<u64> {
        events.map(|event| event.seq).collect()
    }

    fn space_stream() -> Vec<RecordedEvent> {
        let stream = StreamId::Space(space(SPACE));
        vec![
            event(stream, 1, A, Visibility::Shared),
            event(stream, 2, B, Visibility::Private),
            event(stream, 3, B, Visibility::Shared),
            event(stream, 4, A, Visibility::Private),
        ]
    }

    #[test]
    fn a_partner_exports_shared_items_and_their_own_never_the_others_private_ones() {
        let paired = [member(A, None), member(B, None)];
        let events = space_stream();
        assert_eq!(
            seqs(space_events(person(A), space(SPACE), &events, &paired)),
            [1, 3, 4]
        );
        assert_eq!(
            seqs(space_events(person(B), space(SPACE), &events, &paired)),
            [1, 2, 3]
        );
    }

    #[test]
    fn after_a_leave_the_one_who_stays_keeps_what_was_shared_and_the_leaver_only_their_own() {
        let b_left = [member(A, None), member(B, Some(5))];
        let events = space_stream();
        assert_eq!(
            seqs(space_events(person(A), space(SPACE), &events, &b_left)),
            [1, 3, 4]
        );
        assert_eq!(
            author(person(A), &events[2], &b_left),
            Author::FormerPartner
        );
        assert_eq!(author(person(A), &events[0], &b_left), Author::You);
        assert_eq!(
            seqs(space_events(person(B), space(SPACE), &events, &b_left)),
            [2, 3]
        );
    }

    #[test]
    fn an_outsider_exports_nothing_of_a_space() {
        let paired = [member(A, None), member(B, None)];
        let events = space_stream();
        assert_eq!(
            seqs(space_events(person(3), space(SPACE), &events, &paired)),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn events_of_another_stream_never_pass_as_the_spaces() {
        let paired = [member(A, None), member(B, None)];
        let other = StreamId::Space(space(SPACE + 1));
        let mine = StreamId::Person(person(A));
        let events = [
            event(other, 1, A, Visibility::Shared),
            event(mine, 1, A, Visibility::Private),
        ];
        assert_eq!(
            seqs(space_events(person(A), space(SPACE), &events, &paired)),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn a_person_exports_all_of_their_own_stream_and_nothing_of_anyone_elses() {
        let mine = StreamId::Person(person(A));
        let theirs = StreamId::Person(person(B));
        let events = [
            event(mine, 1, A, Visibility::Private),
            event(theirs, 1, B, Visibility::Private),
            event(theirs, 2, B, Visibility::Shared),
            event(mine, 2, A, Visibility::Shared),
            event(mine, 3, 3, Visibility::Private),
        ];
        let exported: Vec<_> = own_stream_events(person(A), &events)
            .map(|event| (event.seq, author(person(A), event, &[])))
            .collect();
        assert_eq!(
            exported,
            [(1, Author::You), (2, Author::You), (3, Author::Other)]
        );
        assert_eq!(
            seqs(own_stream_events(person(3), &events)),
            Vec::<u64>::new()
        );
    }

    #[test]
    fn in_a_space_the_other_author_is_the_partner() {
        let events = space_stream();
        let paired = [member(A, None), member(B, None)];
        assert_eq!(author(person(A), &events[0], &paired), Author::You);
        assert_eq!(author(person(A), &events[2], &paired), Author::Partner);
        assert_eq!(Author::Partner.as_str(), "partner");
    }
}
