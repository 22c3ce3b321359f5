//! A check-in's events, and how each is written to and read from the log. Sealing is nothing but
//! their visibility: what a partner writes is private until both have submitted, and only then
//! do shared copies appear.
//!
//! | kind | visibility | carries |
//! |---|---|---|
//! | `checkin.started` | shared | who the partner is (none in solo mode) |
//! | `checkin.draft` | private | the author's answers so far and the step they reached |
//! | `checkin.answers` | private | the author's submitted answers, "how did that go" included |
//! | `checkin.submitted` | shared | nothing: only that the author has finished |
//! | `checkin.revealed` | shared | the author's answers without "how did that go", once both finished |
//! | `checkin.break` | shared | when the break ends |
//! | `checkin.break_ended` | shared | nothing: the break ended early |

use serde::{Deserialize, Serialize};

use super::answers::{Answers, Step};
use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{CheckinId, EventId, PersonId};
use crate::time::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Started {
        /// The other participant; `None` for someone doing it alone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partner: Option<PersonId>,
    },
    Draft {
        answers: Answers,
        step: Step,
    },
    Answers {
        answers: Answers,
    },
    Submitted,
    Revealed {
        answers: Answers,
    },
    Break {
        until: Timestamp,
    },
    BreakEnded,
}

impl Change {
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Started { .. } => "checkin.started",
            Change::Draft { .. } => "checkin.draft",
            Change::Answers { .. } => "checkin.answers",
            Change::Submitted => "checkin.submitted",
            Change::Revealed { .. } => "checkin.revealed",
            Change::Break { .. } => "checkin.break",
            Change::BreakEnded => "checkin.break_ended",
        }
    }

    /// Who may see it besides its author: the answers only their author, until revealed.
    pub const fn visibility(&self) -> Visibility {
        match self {
            Change::Draft { .. } | Change::Answers { .. } => Visibility::Private,
            Change::Started { .. }
            | Change::Submitted
            | Change::Revealed { .. }
            | Change::Break { .. }
            | Change::BreakEnded => Visibility::Shared,
        }
    }
}

/// A check-in's event as the log carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckinEvent {
    pub checkin: CheckinId,
    #[serde(flatten)]
    pub change: Change,
}

/// A decided event, before it gets an id: who it is written as, and what it says. A reveal is
/// written as the partner whose answers it carries, so erasing that person removes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    pub author: PersonId,
    pub event: CheckinEvent,
}

impl CheckinEvent {
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.change.kind()),
            visibility: self.change.visibility(),
            // Plain strings, numbers and ids: serialising cannot fail.
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The check-in event an event of the log holds, if it is one with the visibility its kind
    /// must have. One that cannot be read is left out rather than stopping the fold.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("checkin.") {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.change.kind() == event.kind.as_str()
            && parsed.change.visibility() == event.visibility)
            .then_some(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkin::answers::{Appreciation, Feeling};
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    #[test]
    fn every_change_round_trips_with_its_visibility() {
        let answers = Answers {
            appreciations: vec![Appreciation::parse("the soup").unwrap()],
            how_it_went: Some(Feeling::new(3).unwrap()),
            ..Answers::default()
        };
        for change in [
            Change::Started {
                partner: Some(person(2)),
            },
            Change::Started { partner: None },
            Change::Draft {
                answers: answers.clone(),
                step: Step::Topic,
            },
            Change::Answers {
                answers: answers.clone(),
            },
            Change::Submitted,
            Change::Revealed {
                answers: answers.shared(),
            },
            Change::Break {
                until: Timestamp::from_millis(9),
            },
            Change::BreakEnded,
        ] {
            let event = CheckinEvent {
                checkin: CheckinId::from_uuid(Uuid::from_u128(7)),
                change: change.clone(),
            };
            let written = event.clone().into_event(
                EventId::from_uuid(Uuid::from_u128(1)),
                person(1),
                Timestamp::from_millis(0),
            );
            assert!(EventKind::new(change.kind()).is_ok());
            assert_eq!(CheckinEvent::from_event(&written), Some(event));
        }
    }

    #[test]
    fn answers_are_never_read_from_a_shared_event_of_a_private_kind() {
        let mut written = CheckinEvent {
            checkin: CheckinId::from_uuid(Uuid::from_u128(7)),
            change: Change::Answers {
                answers: Answers::default(),
            },
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            person(1),
            Timestamp::from_millis(0),
        );
        assert_eq!(written.visibility, Visibility::Private);
        written.visibility = Visibility::Shared;
        assert_eq!(CheckinEvent::from_event(&written), None);
    }
}
