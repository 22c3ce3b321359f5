//! What a use case answers when it does not do what was asked. Every feature has one closed
//! error type; each of its refusals explains itself the same way ([`Explain`]): a stable code,
//! the [`Kind`] of refusal, and the words (a key in the locale files and its arguments). Whoever
//! shows it — a page, the JSON API, the command line — decides how each kind is answered, in one
//! place of its own. A [`Failure`] underneath is not a refusal: nothing the person did.

use std::borrow::Cow;

use steadfast_core::promise::ScaleError;
use steadfast_core::text::TextError;
use steadfast_store::StoreError;
use thiserror::Error;

use crate::passwords::HashingError;

/// Something underneath failed: the store, the password hashing, the random generator.
#[derive(Debug, Error)]
pub enum Failure {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The password-hashing queue had no room for this caller: try again in a moment.
    #[error("no room to check a password now")]
    Crowded,
    #[error(transparent)]
    Hashing(HashingError),
    #[error("the operating system's random generator failed")]
    Randomness,
}

impl From<HashingError> for Failure {
    fn from(error: HashingError) -> Self {
        match error {
            HashingError::Busy => Failure::Crowded,
            other => Failure::Hashing(other),
        }
    }
}

impl Failure {
    /// A write that lost the race to others every time it tried.
    pub fn lost_every_race(stream: String, seq: u64) -> Self {
        Failure::Store(StoreError::Conflict {
            stream,
            expected: seq,
            actual: seq,
        })
    }
}

/// Lets a use case's error take any failure underneath (`?` on the store, the hashing, the
/// random generator) as its `Failed` variant, which every such error has.
#[macro_export]
macro_rules! failed_underneath {
    ($error:ident) => {
        impl<E: Into<$crate::Failure>> From<E> for $error {
            fn from(error: E) -> Self {
                $error::Failed(error.into())
            }
        }
    };
}

/// What sort of refusal it is; each kind is answered the same way wherever it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// There is no such thing for this person: never there, not theirs, or not any more.
    NotFound,
    /// It is there, but this step belongs to the other partner (or to no one now).
    NotYours,
    /// What was sent cannot be used as it is: a text too long, a time that cannot be read.
    Invalid,
    /// The step does not fit where things stand now: already done, not yet possible.
    NotNow,
    /// The person asked too often, too fast.
    TooMany,
    /// The thing was there and is gone for good (an expired link, a revoked grant).
    Gone,
    /// The person must prove who they are again (their password, a fresh sign-in).
    Unauthorized,
}

/// The words explaining a refusal: a key in the locale files and what fills it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Words {
    pub key: Cow<'static, str>,
    pub args: Vec<(&'static str, String)>,
}

impl Words {
    pub fn key(key: impl Into<Cow<'static, str>>) -> Self {
        Words {
            key: key.into(),
            args: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// A text field's refusal: `{field}-empty`, `{field}-too-long` (with `max`), or the one
    /// message for a character that cannot be stored.
    pub fn text(field: &str, error: TextError) -> Self {
        match error {
            TextError::Empty => Words::key(format!("{field}-empty")),
            TextError::TooLong { max } => Words::key(format!("{field}-too-long")).with("max", max),
            TextError::BadCharacter => Words::key("text-bad-character"),
        }
    }

    /// A number outside its scale: `{field}-out-of-range`, with `min` and `max`.
    pub fn scale(field: &str, error: ScaleError) -> Self {
        Words::key(format!("{field}-out-of-range"))
            .with("min", error.min)
            .with("max", error.max)
    }
}

/// One refusal as anyone shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// Stable, snake_case: clients may match on it.
    pub code: &'static str,
    pub kind: Kind,
    pub words: Words,
}

impl Refused {
    pub fn new(code: &'static str, kind: Kind, words: Words) -> Self {
        Refused { code, kind, words }
    }

    /// "There is no such thing": the same words everywhere, so nothing tells apart what never
    /// existed from what belongs to someone else.
    pub fn not_found() -> Self {
        Refused::new(
            "not_found",
            Kind::NotFound,
            Words::key("error-not-found-title"),
        )
    }
}

/// A use case's answer when it did not happen: a refusal, or a failure underneath.
pub enum Explained<'a> {
    Refused(Refused),
    Failed(&'a Failure),
}

/// Every use case's error explains itself this way.
pub trait Explain {
    fn explain(&self) -> Explained<'_>;
}
