//! Forgiveness, owned by the hurt partner alone: "not ready", "working on it", "I have forgiven
//! this". Forgiveness as a process the hurt person walks at their own pace and may never finish
//! is Robert Enright's process model and Everett Worthington's REACH; the states and words here
//! are our own.
//!
//! - **Never asked for**: nothing lets the other partner ask, remind or nudge.
//! - **Never required**: no step of the plan, closing included, waits for it.
//! - **Private unless shared**: the hurt partner's note is a private event
//!   (`repair.forgiveness_noted`, like the private log), so the partner's fold, pages, API,
//!   export and counts never hold it, nor a time of it. Sharing writes a shared
//!   `repair.forgiveness_shared`; un-sharing writes a shared `repair.forgiveness_unshared` (the
//!   partner saw the shared state, so learning that it is no longer shared tells nothing new)
//!   followed, in the same append, by the private note of where they are now.

use serde::{Deserialize, Serialize};

use super::change::Change;
use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId, RepairId};
use crate::time::Timestamp;

/// Where the hurt partner is with forgiving.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Forgiveness {
    NotReady,
    WorkingOnIt,
    Forgiven,
}

impl Forgiveness {
    pub const ALL: [Forgiveness; 3] = [
        Forgiveness::NotReady,
        Forgiveness::WorkingOnIt,
        Forgiveness::Forgiven,
    ];

    /// The stable snake_case name (API, forms, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            Forgiveness::NotReady => "not_ready",
            Forgiveness::WorkingOnIt => "working_on_it",
            Forgiveness::Forgiven => "forgiven",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == input)
    }
}

/// Where the hurt partner is, as a viewer's fold holds it: the hurt partner's own fold has it
/// shared or not; the other's only while it is shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ForgivenessNow {
    pub forgiveness: Forgiveness,
    pub at: Timestamp,
    pub shared: bool,
}

/// The hurt partner's private note about forgiveness on one plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForgivenessEvent {
    pub repair: RepairId,
    pub forgiveness: Forgiveness,
}

impl ForgivenessEvent {
    pub const KIND: &'static str = "repair.forgiveness_noted";

    /// Always private: only its author ever sees it, or that it exists.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(Self::KIND),
            visibility: Visibility::Private,
            payload: serde_json::to_value(self).unwrap_or(serde_json::Value::Null),
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if event.kind.as_str() != Self::KIND || event.visibility != Visibility::Private {
            return None;
        }
        serde_json::from_value(event.payload.clone()).ok()
    }
}

/// One event a forgiveness decision writes, in the order it is to be appended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Forgiving {
    /// A change of the plan, shared with the partner.
    Shared(Change),
    /// The private note, seen by its author only.
    Private(ForgivenessEvent),
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn notes_are_private_and_only_read_as_private() {
        let note = ForgivenessEvent {
            repair: RepairId::from_uuid(Uuid::from_u128(7)),
            forgiveness: Forgiveness::WorkingOnIt,
        };
        let mut written = note.into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            PersonId::from_uuid(Uuid::from_u128(1)),
            Timestamp::from_millis(0),
        );
        assert!(EventKind::new(ForgivenessEvent::KIND).is_ok());
        assert_eq!(written.visibility, Visibility::Private);
        assert_eq!(ForgivenessEvent::from_event(&written), Some(note));
        assert_eq!(super::super::RepairEvent::from_event(&written), None);
        written.visibility = Visibility::Shared;
        assert_eq!(ForgivenessEvent::from_event(&written), None);
    }

    #[test]
    fn states_round_trip_through_their_names() {
        for state in Forgiveness::ALL {
            assert_eq!(Forgiveness::parse(state.as_str()), Some(state));
        }
        assert_eq!(Forgiveness::parse("asked"), None);
    }
}
