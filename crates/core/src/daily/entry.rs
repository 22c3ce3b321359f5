//! What a daily entry says, and its events: `daily.written` (shared or private, as its author
//! chose) and `daily.withdrawn` (shared: the author took back that day's shared entry).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
pub use crate::scale::ScaleError as MoodError;
use crate::scale::scale;
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

scale!(
    /// How the day felt, 1 (heavy) to 5 (light).
    Mood: u8, 1, 5
);

/// One short line of a daily entry (the appreciation, the plan): 1–280 characters. `Debug`
/// hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DailyText(String);

impl TextRule for DailyText {
    const MAX_CHARS: usize = 280;
    const MULTILINE: bool = false;
}

impl DailyText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(DailyText);

/// What one day's entry says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    pub mood: Mood,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appreciation: Option<DailyText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<DailyText>,
}

/// A daily event, tagged by `type`, for the local day it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DailyEvent {
    Written {
        #[serde(with = "day")]
        day: Date,
        #[serde(flatten)]
        entry: Written,
    },
    /// The author's shared entry of that day is taken back (it was rewritten privately).
    Withdrawn {
        #[serde(with = "day")]
        day: Date,
    },
}

mod day {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(day: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(day)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::ritual::parse_date(&text).map_err(serde::de::Error::custom)
    }
}

impl DailyEvent {
    pub const fn kind(&self) -> &'static str {
        match self {
            DailyEvent::Written { .. } => "daily.written",
            DailyEvent::Withdrawn { .. } => "daily.withdrawn",
        }
    }

    pub fn day(&self) -> Date {
        match self {
            DailyEvent::Written { day, .. } | DailyEvent::Withdrawn { day } => *day,
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("daily.") {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.kind() == event.kind.as_str()).then_some(parsed)
    }
}

/// A daily event to append, with who may see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DailyChange {
    pub event: DailyEvent,
    pub visibility: Visibility,
}

impl DailyChange {
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.event.kind()),
            visibility: self.visibility,
            // Strings and numbers only: serialising cannot fail.
            payload: serde_json::to_value(&self.event).unwrap_or(serde_json::Value::Null),
        }
    }
}
