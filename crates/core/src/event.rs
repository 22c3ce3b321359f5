//! The event log's vocabulary. Everything a person does in Steadfast is an event appended to a
//! stream: one stream per space (what the couple shares and each partner's items in it) and one
//! per person (their account and private journal). State is a fold over the events a viewer may see.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::id::{EventId, PersonId, SpaceId};
use crate::time::Timestamp;

/// Which stream an event belongs to. Written as `space:<uuid>` or `person:<uuid>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum StreamId {
    Space(SpaceId),
    Person(PersonId),
}

impl fmt::Display for StreamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamId::Space(id) => write!(f, "space:{id}"),
            StreamId::Person(id) => write!(f, "person:{id}"),
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("not a stream id: expected space:<uuid> or person:<uuid>")]
pub struct StreamIdError;

impl FromStr for StreamId {
    type Err = StreamIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (prefix, id) = s.split_once(':').ok_or(StreamIdError)?;
        match prefix {
            "space" => id.parse().map(StreamId::Space).map_err(|_| StreamIdError),
            "person" => id.parse().map(StreamId::Person).map_err(|_| StreamIdError),
            _ => Err(StreamIdError),
        }
    }
}

impl TryFrom<String> for StreamId {
    type Error = StreamIdError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<StreamId> for String {
    fn from(stream: StreamId) -> Self {
        stream.to_string()
    }
}

/// Who may see an event besides its author. Private is the default everywhere (docs/PRINCIPLES.md, Principles):
/// sharing is a deliberate act.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Private,
    Shared,
}

impl Visibility {
    pub const fn as_str(self) -> &'static str {
        match self {
            Visibility::Private => "private",
            Visibility::Shared => "shared",
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("visibility is either private or shared")]
pub struct VisibilityError;

impl FromStr for Visibility {
    type Err = VisibilityError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "private" => Ok(Visibility::Private),
            "shared" => Ok(Visibility::Shared),
            _ => Err(VisibilityError),
        }
    }
}

/// What happened, as a stable dotted name (`promise.made`, `checkin.submitted`). Stored as text,
/// so it is checked once here: lowercase ASCII letters, digits, `_` and `.`, at most 64 bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EventKind(String);

#[derive(Debug, Error, PartialEq, Eq)]
pub enum EventKindError {
    #[error("an event kind cannot be empty")]
    Empty,
    #[error("an event kind is at most {max} bytes")]
    TooLong { max: usize },
    #[error("an event kind uses only a-z, 0-9, '_' and '.'")]
    BadCharacter,
}

impl EventKind {
    pub const MAX_LEN: usize = 64;

    pub fn new(kind: impl Into<String>) -> Result<Self, EventKindError> {
        let kind = kind.into();
        if kind.is_empty() {
            return Err(EventKindError::Empty);
        }
        if kind.len() > Self::MAX_LEN {
            return Err(EventKindError::TooLong { max: Self::MAX_LEN });
        }
        if !kind
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
        {
            return Err(EventKindError::BadCharacter);
        }
        Ok(Self(kind))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A kind spelled in this crate's source. The tests of the module that names it check it
    /// against [`EventKind::new`]'s rules.
    pub(crate) fn known(kind: &'static str) -> Self {
        debug_assert!(Self::new(kind).is_ok(), "{kind}");
        Self(kind.to_owned())
    }
}

impl TryFrom<String> for EventKind {
    type Error = EventKindError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<EventKind> for String {
    fn from(kind: EventKind) -> Self {
        kind.0
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An event as a decision produces it, before the log gives it a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewEvent {
    pub id: EventId,
    pub author: PersonId,
    pub at: Timestamp,
    pub kind: EventKind,
    pub visibility: Visibility,
    pub payload: serde_json::Value,
}

/// An event as the log holds it: its stream and its place in that stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordedEvent {
    pub stream: StreamId,
    /// 1 for a stream's first event. Sequence numbers are never reused, so after an erasure a
    /// stream may have gaps; folds must tolerate them.
    pub seq: u64,
    #[serde(flatten)]
    pub event: NewEvent,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    proptest! {
        #[test]
        fn stream_ids_round_trip_through_text(bytes in any::<[u8; 16]>(), is_space in any::<bool>()) {
            let uuid = Uuid::from_bytes(bytes);
            let stream = if is_space {
                StreamId::Space(SpaceId::from_uuid(uuid))
            } else {
                StreamId::Person(PersonId::from_uuid(uuid))
            };
            prop_assert_eq!(stream.to_string().parse::<StreamId>(), Ok(stream));
        }

        #[test]
        fn event_kinds_accept_exactly_the_documented_alphabet(kind in "\\PC{0,80}") {
            let valid = !kind.is_empty()
                && kind.len() <= EventKind::MAX_LEN
                && kind.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
            prop_assert_eq!(EventKind::new(kind.clone()).is_ok(), valid);
        }
    }

    #[test]
    fn malformed_stream_ids_are_refused() {
        for text in [
            "",
            "space",
            "space:",
            "couple:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "space:not-a-uuid",
        ] {
            assert_eq!(text.parse::<StreamId>(), Err(StreamIdError), "{text:?}");
        }
    }

    #[test]
    fn typical_kinds_are_accepted_and_others_explained() {
        assert!(EventKind::new("promise.made").is_ok());
        assert_eq!(EventKind::new(""), Err(EventKindError::Empty));
        assert_eq!(
            EventKind::new("Promise.Made"),
            Err(EventKindError::BadCharacter)
        );
        assert_eq!(
            EventKind::new("a".repeat(65)),
            Err(EventKindError::TooLong { max: 64 })
        );
    }

    #[test]
    fn private_is_the_default_visibility() {
        assert_eq!(Visibility::default(), Visibility::Private);
        assert_eq!("shared".parse(), Ok(Visibility::Shared));
        assert_eq!("public".parse::<Visibility>(), Err(VisibilityError));
    }
}
