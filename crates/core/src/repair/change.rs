//! A repair plan's events (`repair.opened`, `repair.accepted`, …), all shared between the two
//! partners, and the private log's event (`repair.log_written`), seen by its author only.

use serde::{Deserialize, Serialize};

use super::forgiveness::Forgiveness;
use super::log::Intensity;
use super::plan::{Phase, RepairText};
use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{CheckinId, CrossingId, EventId, PersonId, PromiseId, QuestionId, RepairId};
use crate::landing::{Landing, LandingWord};
use crate::time::Timestamp;

/// An accountability step the hurt partner answers "this landed" or "not yet".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Acknowledgement,
    Responsibility,
    Apology,
    /// The dated promise and plan.
    Promise,
}

impl Part {
    pub const ALL: [Part; 4] = [
        Part::Acknowledgement,
        Part::Responsibility,
        Part::Apology,
        Part::Promise,
    ];

    /// The stable snake_case name (API, forms, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            Part::Acknowledgement => "acknowledgement",
            Part::Responsibility => "responsibility",
            Part::Apology => "apology",
            Part::Promise => "promise",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == input)
    }
}

/// What a plan answers: a broken promise, or a boundary crossing (by the crossing's id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Link {
    Promise { promise: PromiseId },
    Crossing { crossing: CrossingId },
}

/// One step of a repair plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    /// Opened by the hurt partner (accepted at once) or proposed by the other.
    Opened {
        hurt: PersonId,
        responsible: PersonId,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        link: Option<Link>,
    },
    Accepted,
    Acknowledged {
        text: RepairText,
    },
    ResponsibilityTaken {
        text: RepairText,
    },
    Apologised {
        text: RepairText,
    },
    /// The dated promise and plan; the `promise.made` is in the same append.
    Promised {
        promise: PromiseId,
    },
    TransparencyCommitted {
        promise: PromiseId,
    },
    Advanced {
        to: Phase,
    },
    Closed,
    ProgressNoted {
        text: RepairText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checkin: Option<CheckinId>,
    },
    /// The hurt partner's answer to an accountability step; the newest one stands.
    Answered {
        part: Part,
        landing: Landing,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<LandingWord>,
    },
    /// A question the hurt partner asks.
    QuestionAsked {
        question: QuestionId,
        text: RepairText,
    },
    /// The answer to a question, or a new version of it: every version is kept and shown.
    QuestionAnswered {
        question: QuestionId,
        text: RepairText,
    },
    /// The hurt partner shares where they are with forgiveness.
    ForgivenessShared {
        forgiveness: Forgiveness,
    },
    /// The hurt partner stops sharing it; what they note afterwards is private again.
    ForgivenessUnshared,
}

impl Change {
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Opened { .. } => "repair.opened",
            Change::Accepted => "repair.accepted",
            Change::Acknowledged { .. } => "repair.acknowledged",
            Change::ResponsibilityTaken { .. } => "repair.responsibility_taken",
            Change::Apologised { .. } => "repair.apologised",
            Change::Promised { .. } => "repair.promised",
            Change::TransparencyCommitted { .. } => "repair.transparency_committed",
            Change::Advanced { .. } => "repair.advanced",
            Change::Closed => "repair.closed",
            Change::ProgressNoted { .. } => "repair.progress_noted",
            Change::Answered { .. } => "repair.answered",
            Change::QuestionAsked { .. } => "repair.question_asked",
            Change::QuestionAnswered { .. } => "repair.question_answered",
            Change::ForgivenessShared { .. } => "repair.forgiveness_shared",
            Change::ForgivenessUnshared => "repair.forgiveness_unshared",
        }
    }

    /// The accountability step this change offers (says or makes), if it is one.
    pub const fn offers(&self) -> Option<Part> {
        match self {
            Change::Acknowledged { .. } => Some(Part::Acknowledgement),
            Change::ResponsibilityTaken { .. } => Some(Part::Responsibility),
            Change::Apologised { .. } => Some(Part::Apology),
            Change::Promised { .. } => Some(Part::Promise),
            _ => None,
        }
    }
}

/// A repair plan's event as the log carries it. Shared: the plan is between the two partners.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairEvent {
    pub repair: RepairId,
    #[serde(flatten)]
    pub change: Change,
}

impl RepairEvent {
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.change.kind()),
            visibility: Visibility::Shared,
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The repair event an event of the log holds, if it is one; an unreadable one is left out.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("repair.") || event.visibility != Visibility::Shared {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.change.kind() == event.kind.as_str()).then_some(parsed)
    }
}

/// One entry of the private log of triggers and feelings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEvent {
    pub text: RepairText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intensity: Option<Intensity>,
}

impl LogEvent {
    pub const KIND: &'static str = "repair.log_written";

    /// Always private: only its author ever sees it, or that it exists.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(Self::KIND),
            visibility: Visibility::Private,
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if event.kind.as_str() != Self::KIND || event.visibility != Visibility::Private {
            return None;
        }
        serde_json::from_value(event.payload.clone()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn text() -> RepairText {
        RepairText::parse("words").unwrap()
    }

    #[test]
    fn every_change_round_trips_through_the_log_format() {
        let person = PersonId::from_uuid(Uuid::from_u128(1));
        let changes = [
            Change::Opened {
                hurt: person,
                responsible: PersonId::from_uuid(Uuid::from_u128(2)),
                link: Some(Link::Crossing {
                    crossing: CrossingId::from_uuid(Uuid::from_u128(9)),
                }),
            },
            Change::Accepted,
            Change::Acknowledged { text: text() },
            Change::ResponsibilityTaken { text: text() },
            Change::Apologised { text: text() },
            Change::Promised {
                promise: PromiseId::from_uuid(Uuid::from_u128(3)),
            },
            Change::TransparencyCommitted {
                promise: PromiseId::from_uuid(Uuid::from_u128(4)),
            },
            Change::Advanced { to: Phase::Attune },
            Change::Closed,
            Change::ProgressNoted {
                text: text(),
                checkin: Some(CheckinId::from_uuid(Uuid::from_u128(5))),
            },
            Change::Answered {
                part: Part::Apology,
                landing: Landing::NotYet,
                word: Some(LandingWord::parse("say what you did").unwrap()),
            },
            Change::QuestionAsked {
                question: QuestionId::from_uuid(Uuid::from_u128(6)),
                text: text(),
            },
            Change::QuestionAnswered {
                question: QuestionId::from_uuid(Uuid::from_u128(6)),
                text: text(),
            },
            Change::ForgivenessShared {
                forgiveness: Forgiveness::WorkingOnIt,
            },
            Change::ForgivenessUnshared,
        ];
        for change in changes {
            let event = RepairEvent {
                repair: RepairId::from_uuid(Uuid::from_u128(7)),
                change: change.clone(),
            };
            let written = event.clone().into_event(
                EventId::from_uuid(Uuid::from_u128(1)),
                person,
                Timestamp::from_millis(0),
            );
            assert!(EventKind::new(change.kind()).is_ok());
            assert_eq!(written.visibility, Visibility::Shared);
            assert_eq!(RepairEvent::from_event(&written), Some(event));
        }
    }

    #[test]
    fn log_entries_are_private_and_only_read_as_private() {
        let entry = LogEvent {
            text: text(),
            intensity: Some(Intensity::new(3).unwrap()),
        };
        let mut written = entry.clone().into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            PersonId::from_uuid(Uuid::from_u128(1)),
            Timestamp::from_millis(0),
        );
        assert!(EventKind::new(LogEvent::KIND).is_ok());
        assert_eq!(written.visibility, Visibility::Private);
        assert_eq!(LogEvent::from_event(&written), Some(entry));
        assert_eq!(RepairEvent::from_event(&written), None);
        written.visibility = Visibility::Shared;
        assert_eq!(LogEvent::from_event(&written), None);
    }
}
