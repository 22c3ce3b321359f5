//! Why an export cannot be imported: one closed list, each with a message that says where and what.

use std::fmt;

use thiserror::Error;

use crate::event::EventKindError;
use crate::space::SpaceNameError;
use crate::text::TextError;

/// Why the bytes given are not an export this server can take in. Nothing is written for any of
/// them: the reader refuses before anything is planned.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is larger than {max} bytes, more than an export can be")]
    TooLarge { max: usize },
    #[error("the file is not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("this is not a Steadfast export: it has no \"format\" field")]
    NotAnExport,
    #[error("this export's format is {found:?}; this server reads {expected}")]
    WrongFormat {
        found: String,
        expected: &'static str,
    },
    #[error("the export is damaged at line {line}, column {column}: {detail}")]
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("the export has more {what} than it can: at most {max}")]
    TooMany { what: &'static str, max: usize },
    #[error("the export's own time (exported_at) is not a time: {0}")]
    ExportTime(TimeProblem),
    #[error("the export is dated after now: was it made on a server whose clock is wrong?")]
    ExportedInFuture,
    #[error(
        "the export names its owner inconsistently: two different people appear as \"you\" in its events"
    )]
    PeopleDisagree,
    #[error("{place}: {problem}")]
    At { place: Place, problem: Problem },
}

/// Where in the export a problem is, counted from 1 as a person reading the file would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Space { space: usize },
    SpaceEvent { space: usize, event: usize },
    PersonalEvent { event: usize },
    JournalEntry { entry: usize },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Space { space } => write!(f, "space {space}"),
            Place::SpaceEvent { space, event } => write!(f, "space {space}, event {event}"),
            Place::PersonalEvent { event } => write!(f, "personal event {event}"),
            Place::JournalEntry { entry } => write!(f, "journal entry {entry}"),
        }
    }
}

/// A time the export gives that cannot be one.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    #[error("expected an RFC 3339 time such as 2026-01-31T20:00:00.000Z")]
    NotRfc3339,
}

/// What is wrong at one place.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Problem {
    #[error("the id is not a UUID")]
    BadId,
    #[error("the same id appears twice")]
    DuplicateId,
    #[error("the event kind is not valid: {0}")]
    BadKind(EventKindError),
    #[error("\"{0}\" is not an event this server knows")]
    UnknownKind(String),
    #[error("this kind of event does not belong here")]
    KindNotAllowedHere,
    #[error("the content is not that of a valid {0} event")]
    BadPayload(String),
    #[error("the visibility is neither private nor shared")]
    BadVisibility,
    #[error("a {kind} event cannot be {visibility}")]
    WrongVisibility {
        kind: String,
        visibility: &'static str,
    },
    #[error("the author is not one of you, partner, other")]
    BadAuthor,
    #[error("an event here cannot have the author {0:?}")]
    AuthorNotAllowedHere(&'static str),
    #[error("the time is not valid: {0}")]
    BadTime(TimeProblem),
    #[error("it is dated after the export was made")]
    AfterExport,
    #[error("the space's name is not valid: {0}")]
    BadName(SpaceNameError),
    #[error("the space has no stay of yours in it")]
    NoStay,
    #[error("a stay ends before it starts")]
    StayBackwards,
    #[error("the prompt {0:?} is not one this server knows")]
    UnknownPrompt(String),
    #[error("the text is not valid: {0}")]
    BadText(TextError),
    #[error("it was edited before it was written")]
    EditedBeforeWritten,
}

impl ImportError {
    pub(crate) fn at(place: Place, problem: Problem) -> Self {
        ImportError::At { place, problem }
    }
}
