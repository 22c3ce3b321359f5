//! A ritual's events: `ritual.planned`, `ritual.changed` and `ritual.ended`, with a JSON payload
//! tagged by `type`. Other modules (reminders, the calendar feed) read these names: keep them.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::schedule::Schedule;
use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// A ritual's id, named by all its events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RitualId(uuid::Uuid);

impl RitualId {
    pub const fn from_uuid(uuid: uuid::Uuid) -> Self {
        Self(uuid)
    }

    pub const fn as_uuid(&self) -> &uuid::Uuid {
        &self.0
    }
}

impl fmt::Display for RitualId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.as_hyphenated().fmt(f)
    }
}

impl std::str::FromStr for RitualId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        uuid::Uuid::parse_str(s).map(Self)
    }
}

/// What the couple calls it ("Friday date night"): 1–80 characters. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RitualName(String);

impl TextRule for RitualName {
    const MAX_CHARS: usize = 80;
    const MULTILINE: bool = false;
}

impl RitualName {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(RitualName);

/// What sort of shared time it is. `checkin` is the weekly check-in's own slot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RitualKind {
    DateNight,
    Walk,
    Checkin,
    #[default]
    Other,
}

impl RitualKind {
    pub const ALL: [RitualKind; 4] = [
        RitualKind::DateNight,
        RitualKind::Walk,
        RitualKind::Checkin,
        RitualKind::Other,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RitualKind::DateNight => "date_night",
            RitualKind::Walk => "walk",
            RitualKind::Checkin => "checkin",
            RitualKind::Other => "other",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == input.trim())
    }
}

/// One step of a ritual.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Planned {
        name: RitualName,
        #[serde(default)]
        kind: RitualKind,
        schedule: Schedule,
    },
    /// New name or schedule (both given, as they are from now on).
    Changed {
        name: RitualName,
        #[serde(default)]
        kind: RitualKind,
        schedule: Schedule,
    },
    Ended,
}

impl Change {
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Planned { .. } => "ritual.planned",
            Change::Changed { .. } => "ritual.changed",
            Change::Ended => "ritual.ended",
        }
    }
}

/// A ritual's event as the log carries it: `{"ritual": "<uuid>", "type": "planned", …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RitualEvent {
    pub ritual: RitualId,
    #[serde(flatten)]
    pub change: Change,
}

impl RitualEvent {
    /// A ritual is the couple's shared time: its events are shared.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.change.kind()),
            visibility: Visibility::Shared,
            // Strings, numbers and ids only: serialising cannot fail.
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The ritual event an event of the log holds, if it is one; an unreadable one is left out.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("ritual.") {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.change.kind() == event.kind.as_str()).then_some(parsed)
    }
}
