//! The private safety check before joint repair work, and the pause either partner may ask for.
//!
//! Each partner answers three questions about themselves, or simply pauses joint work without a
//! reason, or says they are ready to go on: every one of these is one private event of one kind
//! (`repair.safety_answered`). Joint steps go ahead only while each current partner has answered
//! since the pairing began and neither's newest act, in force, is a worrying answer or a pause.
//!
//! **Why a system view.** An event's author is visible with it, so a shared marker saying "paused"
//! would say who paused. Instead [`SafetyWatch`] reads every safety event in the space — the one
//! place a fold reads events its viewer may not see — and keeps, per author, only when each act
//! takes effect and whether it holds joint work back. Every viewer derives the same [`Joint`]
//! from it, with no cause, author or time; the content of another person's answer never enters
//! anyone else's fold, and no view echoes even the viewer's own answer or pause (someone looking
//! over their shoulder must learn nothing), so each partner's view is the same whichever of them
//! paused.
//!
//! **When a change takes effect.** A pause that began the moment someone tapped would point at
//! whoever was holding their phone just then. So a change takes effect at the space's next
//! [`DAY_STARTS_AT`] o'clock (an hour at which nobody is watching the other), pinned in the event
//! when it is written so that changing the time zone cannot move it; and once in force it holds
//! for at least a day, so a pause cannot be flicked on and off as a signal. The one exception is
//! a person's first answer since the pairing: it only decides whether joint work may begin, which
//! the partner would learn at the next morning just the same.
//!
//! **How the pause lifts:** only by the person whose act holds it, by answering calmly again or
//! saying they are ready. Neither the partner nor time lifts it: a partner able to lift it could
//! push the other through work they said felt unsafe, and a timer would restart joint work
//! without the person's say.
//!
//! **What trace is left.** The partner who did not pause can still work out that the other did;
//! two people are too few to hide that. They cannot tell whether it came from a worrying answer or
//! a plain pause, nor when on the day before it was asked for. Whoever holds the database sees
//! that a person wrote a safety event and when, and its content until sealing hides it.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
use crate::space::{self, Member, ZoneName};
use crate::time::Timestamp;

/// The local hour at which pauses begin and end.
pub const DAY_STARTS_AT: i8 = 4;

/// The shortest time a change that waited for the start of a day stays in force: a day, less
/// the hour a clock change can take from one and an hour's margin, so that the next start of a
/// day always qualifies but a time zone changed in between cannot shorten it much.
const AT_LEAST: Duration = Duration::from_secs(22 * 60 * 60);

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

/// What a person does on the safety page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SafetyAct {
    Answered(SafetyAnswer),
    /// Pause joint work, without a reason.
    Pause,
    /// Ready to go on: lifts the person's own pause or worrying answer.
    GoOn,
}

impl SafetyAct {
    /// Whether this act, while in force, holds joint work back.
    pub const fn holds_back(self) -> bool {
        match self {
            SafetyAct::Answered(answer) => answer.worrying(),
            SafetyAct::Pause => true,
            SafetyAct::GoOn => false,
        }
    }
}

/// A safety act as the log carries it: always private, with the instant it takes effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SafetyWire", into = "SafetyWire")]
pub struct SafetyEvent {
    pub act: SafetyAct,
    /// When it takes effect; events written before pauses waited took effect when written.
    pub from: Option<Timestamp>,
}

/// The payload: an answer's three fields, or `pause`, and `from`.
#[derive(Serialize, Deserialize)]
struct SafetyWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    afraid: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pressured: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unsafe_now: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pause: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<Timestamp>,
}

impl TryFrom<SafetyWire> for SafetyEvent {
    type Error = &'static str;

    fn try_from(wire: SafetyWire) -> Result<Self, Self::Error> {
        let act = match (wire.afraid, wire.pressured, wire.unsafe_now, wire.pause) {
            (Some(afraid), Some(pressured), Some(unsafe_now), None) => {
                SafetyAct::Answered(SafetyAnswer {
                    afraid,
                    pressured,
                    unsafe_now,
                })
            }
            (None, None, None, Some(true)) => SafetyAct::Pause,
            (None, None, None, Some(false)) => SafetyAct::GoOn,
            _ => return Err("a safety event is three answers or a pause"),
        };
        Ok(Self {
            act,
            from: wire.from,
        })
    }
}

impl From<SafetyEvent> for SafetyWire {
    fn from(event: SafetyEvent) -> Self {
        let (answer, pause) = match event.act {
            SafetyAct::Answered(answer) => (Some(answer), None),
            SafetyAct::Pause => (None, Some(true)),
            SafetyAct::GoOn => (None, Some(false)),
        };
        Self {
            afraid: answer.map(|a| a.afraid),
            pressured: answer.map(|a| a.pressured),
            unsafe_now: answer.map(|a| a.unsafe_now),
            pause,
            from: event.from,
        }
    }
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

/// The safety check as one person may see it: the same whichever partner paused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SafetyView {
    /// Whether they have answered since the pairing began (a pause is not an answer).
    pub answered: bool,
    pub joint: Joint,
}

/// One act as the watch keeps it: when it was written, when it takes effect, and whether it
/// holds joint work back — never what was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Held {
    at: Timestamp,
    from: Timestamp,
    holds_back: bool,
}

/// The system view of every safety act in a space: per author, the acts that can still matter,
/// and when they last answered.
#[derive(Clone, Debug)]
pub struct SafetyWatch {
    viewer: PersonId,
    acts: BTreeMap<PersonId, Vec<Held>>,
    newest_answer: BTreeMap<PersonId, Timestamp>,
}

impl SafetyWatch {
    pub fn new(viewer: PersonId) -> Self {
        Self {
            viewer,
            acts: BTreeMap::new(),
            newest_answer: BTreeMap::new(),
        }
    }

    /// Notes an act, whoever wrote it. Only when it acts and whether it holds back are kept.
    pub fn note(&mut self, author: PersonId, at: Timestamp, event: &SafetyEvent) {
        let held = Held {
            at,
            from: event.from.map_or(at, |from| from.max(at)),
            holds_back: event.act.holds_back(),
        };
        if matches!(event.act, SafetyAct::Answered(_)) {
            self.newest_answer.insert(author, at);
        }
        let acts = self.acts.entry(author).or_default();
        // A later act taking effect no later than an earlier one replaces it.
        acts.retain(|earlier| earlier.from < held.from);
        acts.push(held);
        // Of the acts in force by the time this one was written, only the newest can matter
        // from now on.
        while acts.len() >= 2 && acts[1].from <= at {
            acts.remove(0);
        }
    }

    /// The act of `person` in force at `now`, if it was written since `since`.
    fn in_force(&self, person: PersonId, now: Timestamp, since: Timestamp) -> Option<Held> {
        self.acts
            .get(&person)?
            .iter()
            .rev()
            .find(|held| held.from <= now)
            .copied()
            .filter(|held| held.at >= since)
    }

    /// Whether `person` has answered since `since` (a pause is not an answer).
    fn answered_since(&self, person: PersonId, since: Timestamp) -> bool {
        self.newest_answer
            .get(&person)
            .is_some_and(|&at| at >= since)
    }

    /// Ready only when the space has two current partners, each answered since the later of
    /// them joined, and neither's act in force at `now` holds joint work back.
    pub fn joint(&self, members: &[Member], now: Timestamp) -> Joint {
        let current: Vec<&Member> = space::current(members).collect();
        let Some(since) = pairing(members) else {
            return Joint::Paused;
        };
        let ready = current.len() >= 2
            && current.iter().all(|m| {
                self.answered_since(m.person, since)
                    && self
                        .in_force(m.person, now, since)
                        .is_some_and(|held| !held.holds_back)
            });
        if ready { Joint::Ready } else { Joint::Paused }
    }

    /// What the viewer may know: whether they answered, and the shared bit.
    pub fn view(&self, members: &[Member], now: Timestamp) -> SafetyView {
        SafetyView {
            answered: pairing(members).is_some_and(|since| self.answered_since(self.viewer, since)),
            joint: self.joint(members, now),
        }
    }

    /// The viewer's act as the log will carry it, with the instant it takes effect: at once for
    /// their first answer since the pairing; with an act of theirs still waiting, at the same
    /// instant (the newer one decides); otherwise at the first start of a day in `zone` after
    /// now and at least a day after their act in force began.
    pub fn decide(
        &self,
        act: SafetyAct,
        now: Timestamp,
        zone: &ZoneName,
        members: &[Member],
    ) -> SafetyEvent {
        let since = pairing(members).unwrap_or(now);
        let waiting = self
            .acts
            .get(&self.viewer)
            .and_then(|acts| acts.last())
            .filter(|held| held.from > now)
            .map(|held| held.from);
        let from =
            if matches!(act, SafetyAct::Answered(_)) && !self.answered_since(self.viewer, since) {
                now
            } else if let Some(waiting) = waiting {
                waiting
            } else {
                let not_before = self
                    .in_force(self.viewer, now, since)
                    .filter(|held| held.from > held.at)
                    .map_or(now, |held| now.max(held.from.saturating_add(AT_LEAST)));
                day_start_after(zone, not_before)
            };
        SafetyEvent {
            act,
            from: Some(from),
        }
    }
}

/// When the current pairing began: the later of the current partners' joining.
fn pairing(members: &[Member]) -> Option<Timestamp> {
    space::current(members).map(|m| m.joined).max()
}

/// The first [`DAY_STARTS_AT`] o'clock in `zone` after `after` (a clock change that skips the
/// hour moves it to the first moment after the gap).
pub fn day_start_after(zone: &ZoneName, after: Timestamp) -> Timestamp {
    let Ok(instant) = jiff::Timestamp::from_millisecond(after.as_millis()) else {
        return after;
    };
    let tz = zone.zone().clone();
    let mut date = instant.to_zoned(tz.clone()).date();
    for _ in 0..3 {
        let start = date
            .at(DAY_STARTS_AT, 0, 0, 0)
            .to_zoned(tz.clone())
            .map(|zoned| zoned.timestamp().as_millisecond());
        if let Ok(start) = start
            && start > after.as_millis()
        {
            return Timestamp::from_millis(start);
        }
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
    }
    after
}
