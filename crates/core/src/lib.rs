//! Steadfast's domain. Pure by rule: no I/O, no async and no clock — the time of anything that
//! happens is passed in, so every rule here can be tested with any instant.

#![forbid(unsafe_code)]

pub mod account;
pub mod apology;
pub mod appreciation;
pub mod boundary;
pub mod checkin;
pub mod coach;
pub mod daily;
pub mod event;
pub mod export;
pub mod gentle;
pub mod id;
pub mod import;
pub mod journal;
pub mod landing;
pub mod ledger;
pub mod pattern;
pub mod promise;
pub mod record;
pub mod reminder;
pub mod repair;
pub mod ritual;
pub mod scale;
pub mod space;
pub mod text;
pub mod time;
pub mod visibility;

pub use account::{
    Liveness, Password, PasswordError, RecoveryCode, RecoveryCodeError, SessionPolicy, TokenLabel,
    TokenLabelError, TokenLifetime, TokenLifetimeError, Username, UsernameError,
};
pub use event::{
    EventKind, EventKindError, NewEvent, RecordedEvent, StreamId, StreamIdError, Visibility,
    VisibilityError,
};
pub use id::{
    AppreciationId, BoundaryId, CheckinId, CrossingId, EventId, JournalEntryId, PersonId,
    PromiseId, SpaceId,
};
pub use ledger::Ledger;
pub use space::{
    InviteRefusal, InviteState, IssueRefusal, LeaveRefusal, Member, RevokeRefusal, SpaceName,
    SpaceNameError,
};
pub use time::Timestamp;
pub use visibility::{ItemMeta, Viewer};
