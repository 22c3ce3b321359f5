//! A promise's events: what each step of its lifecycle records, and how it is written to and read
//! from the log (`promise.made`, `promise.kept`, …, with a JSON payload).

use serde::{Deserialize, Serialize};

use super::amends::{AcknowledgementWord, Ask};
use super::terms::{Reason, Severity, Stakes, Terms, TrustDomain};
use crate::boundary::ApologyText;
use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId, PromiseId};
use crate::landing::{Landing, LandingWord};
use crate::time::Timestamp;

/// One step of a promise. `when`, where present, is when it really happened, for a step logged
/// afterwards ("we forgot to log it"); otherwise the event's own time counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Made {
        receiver: PersonId,
        #[serde(flatten)]
        terms: Terms,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        domain: Option<TrustDomain>,
        /// Set for a backdated promise: when it was really made.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        made_at: Option<Timestamp>,
    },
    Done {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<Timestamp>,
    },
    Kept {
        /// The stakes the receiver settled on when confirming.
        stakes: Stakes,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<Timestamp>,
    },
    NotYet,
    RenegotiationAsked {
        terms: Terms,
        reason: Reason,
    },
    RenegotiationAccepted,
    RenegotiationDeclined,
    Broken {
        severity: Severity,
        deception: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        when: Option<Timestamp>,
    },
    Extended {
        due: Timestamp,
    },
    LetGo,
    Released,
    /// After a miss (`super::amends`): the promiser sees it.
    Acknowledged {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<AcknowledgementWord>,
    },
    /// After a miss: the promiser apologises (again after a "not yet").
    Apologised {
        text: ApologyText,
    },
    /// After a miss: the receiver answers the newest apology.
    ApologyAnswered {
        landing: Landing,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<LandingWord>,
    },
    /// After a miss: the receiver asks for one of the promiser's steps.
    Asked {
        ask: Ask,
    },
    /// After a miss: a smaller promise, made in the same append, is offered in this one's place.
    OfferedInstead {
        offered: PromiseId,
    },
}

impl Change {
    /// The event kind that records this step.
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Made { .. } => "promise.made",
            Change::Done { .. } => "promise.done",
            Change::Kept { .. } => "promise.kept",
            Change::NotYet => "promise.not_yet",
            Change::RenegotiationAsked { .. } => "promise.renegotiation_asked",
            Change::RenegotiationAccepted => "promise.renegotiation_accepted",
            Change::RenegotiationDeclined => "promise.renegotiation_declined",
            Change::Broken { .. } => "promise.broken",
            Change::Extended { .. } => "promise.extended",
            Change::LetGo => "promise.let_go",
            Change::Released => "promise.released",
            Change::Acknowledged { .. } => "promise.acknowledged",
            Change::Apologised { .. } => "promise.apologised",
            Change::ApologyAnswered { .. } => "promise.apology_answered",
            Change::Asked { .. } => "promise.asked",
            Change::OfferedInstead { .. } => "promise.offered_instead",
        }
    }
}

/// A promise's event as the log carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromiseEvent {
    pub promise: PromiseId,
    #[serde(flatten)]
    pub change: Change,
}

impl PromiseEvent {
    /// The event to append. A promise is between the two partners: its events are shared.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(self.change.kind()),
            visibility: Visibility::Shared,
            // Plain strings, numbers and ids: serialising cannot fail.
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The promise event an event of the log holds, if it is one. One that cannot be read (a
    /// newer format, a damaged row) is left out rather than stopping the fold.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("promise.") {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.change.kind() == event.kind.as_str()).then_some(parsed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::promise::terms::PromiseText;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn all_changes() -> Vec<Change> {
        let terms = Terms {
            text: PromiseText::parse("call if late").unwrap(),
            stakes: Stakes::new(2).unwrap(),
            due: Some(Timestamp::from_millis(5)),
        };
        vec![
            Change::Made {
                receiver: person(2),
                terms: terms.clone(),
                domain: Some(TrustDomain::parse("time").unwrap()),
                made_at: Some(Timestamp::from_millis(1)),
            },
            Change::Done { when: None },
            Change::Kept {
                stakes: Stakes::new(3).unwrap(),
                when: Some(Timestamp::from_millis(3)),
            },
            Change::NotYet,
            Change::RenegotiationAsked {
                terms,
                reason: Reason::parse("the car broke").unwrap(),
            },
            Change::RenegotiationAccepted,
            Change::RenegotiationDeclined,
            Change::Broken {
                severity: Severity::new(2).unwrap(),
                deception: true,
                when: None,
            },
            Change::Extended {
                due: Timestamp::from_millis(9),
            },
            Change::LetGo,
            Change::Released,
            Change::Acknowledged {
                word: Some(AcknowledgementWord::parse("I see it").unwrap()),
            },
            Change::Acknowledged { word: None },
            Change::Apologised {
                text: ApologyText::parse("I am sorry").unwrap(),
            },
            Change::ApologyAnswered {
                landing: Landing::NotYet,
                word: Some(LandingWord::parse("time").unwrap()),
            },
            Change::Asked { ask: Ask::Apology },
            Change::OfferedInstead {
                offered: PromiseId::from_uuid(Uuid::from_u128(8)),
            },
        ]
    }

    #[test]
    fn every_change_round_trips_through_the_log_format() {
        for change in all_changes() {
            let event = PromiseEvent {
                promise: PromiseId::from_uuid(Uuid::from_u128(7)),
                change: change.clone(),
            };
            let written = event.clone().into_event(
                EventId::from_uuid(Uuid::from_u128(1)),
                person(1),
                Timestamp::from_millis(0),
            );
            assert!(EventKind::new(change.kind()).is_ok());
            assert_eq!(written.kind.as_str(), change.kind());
            assert_eq!(written.visibility, Visibility::Shared);
            assert_eq!(PromiseEvent::from_event(&written), Some(event));
        }
    }

    #[test]
    fn other_kinds_and_damaged_payloads_are_not_promise_events() {
        let mut event = PromiseEvent {
            promise: PromiseId::from_uuid(Uuid::from_u128(7)),
            change: Change::LetGo,
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            person(1),
            Timestamp::from_millis(0),
        );
        event.kind = EventKind::new("promise.released").unwrap();
        assert_eq!(
            PromiseEvent::from_event(&event),
            None,
            "kind and payload disagree"
        );
        event.kind = EventKind::new("note.written").unwrap();
        assert_eq!(PromiseEvent::from_event(&event), None);
        event.kind = EventKind::new("promise.let_go").unwrap();
        event.payload = serde_json::json!({"type": "let_go"});
        assert_eq!(PromiseEvent::from_event(&event), None, "no promise id");
    }
}
