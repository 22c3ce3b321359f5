//! Steadfast's domain. Pure by rule: no I/O, no async and no clock — the time of anything that
//! happens is passed in, so every rule here can be tested with any instant.

#![forbid(unsafe_code)]

pub mod event;
pub mod id;
pub mod time;

pub use event::{
    EventKind, EventKindError, NewEvent, RecordedEvent, StreamId, StreamIdError, Visibility,
    VisibilityError,
};
pub use id::{EventId, PersonId, SpaceId};
pub use time::Timestamp;
