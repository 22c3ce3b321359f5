//! The private safety check before joint repair work: each partner answers three questions about
//! themselves, as a private event (`repair.safety_answered`). Joint steps go ahead only while each
//! current partner has answered since the pairing began and neither's newest answer is worrying.
//!
//! **Why a system view.** An event's author is visible with it, so a shared marker saying "paused"
//! would say who paused. Instead [`SafetyWatch`] reads every safety answer in the space — the one
//! place a fold reads events its viewer may not see — and keeps one bit per author: is their
//! newest answer worrying. Every viewer derives the same [`Joint`] from it, with no cause, author
//! or time; the content of another person's answer never enters anyone else's fold.
//!
//! **How the pause lifts:** only by the person whose answer paused it, by answering again. Neither
//! the partner nor time lifts it: a partner able to lift it could push the other through work
//! they said felt unsafe, and a timer would restart joint work without the person's say.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
use crate::space::{self, Member};
use crate::time::Timestamp;

/// One person's answers about themselves. A "yes" to any of them is worrying.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyAnswer {
    /// Afraid of the partner, or of how they might react.
    pub afraid: bool,
    /// Pushed into this work, or into things they do not want.
    pub pressured: bool,
    /// Something in the relationship makes them feel unsafe now.
    pub unsafe_now: bool,
}

impl SafetyAnswer {
    pub const fn worrying(self) -> bool {
        self.afraid || self.pressured || self.unsafe_now
    }
}

/// A safety answer as the log carries it: always private.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyEvent {
    #[serde(flatten)]
    pub answer: SafetyAnswer,
}

impl SafetyEvent {
    pub const KIND: &'static str = "repair.safety_answered";

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

/// Whether joint repair steps may go ahead: the same for both partners, with no cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joint {
    Ready,
    Paused,
}

/// The safety check as one person may see it: their own answer, and the shared bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafetyView {
    /// Their own newest answer since the pairing began.
    pub own: Option<SafetyAnswer>,
    pub joint: Joint,
}

/// The system view of every safety answer in a space: per author, when they last answered and
/// whether it was worrying; the viewer's own answer in full.
#[derive(Clone, Debug)]
pub struct SafetyWatch {
    viewer: PersonId,
    newest: BTreeMap<PersonId, (Timestamp, bool)>,
    own: Option<(Timestamp, SafetyAnswer)>,
}

impl SafetyWatch {
    pub fn new(viewer: PersonId) -> Self {
        Self {
            viewer,
            newest: BTreeMap::new(),
            own: None,
        }
    }

    /// Notes an answer, whoever wrote it. Only the bit is kept of anyone else's.
    pub fn note(&mut self, author: PersonId, at: Timestamp, event: &SafetyEvent) {
        self.newest.insert(author, (at, event.answer.worrying()));
        if author == self.viewer {
            self.own = Some((at, event.answer));
        }
    }

    /// Ready only when the space has two current partners, each answered since the later of
    /// them joined, and neither's newest answer is worrying.
    pub fn joint(&self, members: &[Member]) -> Joint {
        let current: Vec<&Member> = space::current(members).collect();
        let Some(since) = current.iter().map(|m| m.joined).max() else {
            return Joint::Paused;
        };
        let ready = current.len() >= 2
            && current.iter().all(|m| {
                self.newest
                    .get(&m.person)
                    .is_some_and(|&(at, worrying)| at >= since && !worrying)
            });
        if ready { Joint::Ready } else { Joint::Paused }
    }

    /// What the viewer may know: their own answer, and the shared bit.
    pub fn view(&self, members: &[Member]) -> SafetyView {
        let since = space::current(members).map(|m| m.joined).max();
        SafetyView {
            own: self
                .own
                .filter(|&(at, _)| since.is_some_and(|since| at >= since))
                .map(|(_, answer)| answer),
            joint: self.joint(members),
        }
    }
}
