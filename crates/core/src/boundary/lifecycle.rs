//! One boundary's lifecycle and its crossings: who may take which step from which state, the
//! events each step records, and the state they fold into.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{BoundaryId, CrossingId, EventId, PersonId, PromiseId};
use crate::landing::{Landing, LandingWord};
use crate::promise::{self, Answer, Apology, PromiseEvent, Terms};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// How far back a crossing can be reported after the fact.
const MAX_BACKDATE: Duration = promise::MAX_BACKDATE;

/// The line itself, in its owner's words: 1–200 characters.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BoundaryText(String);

impl TextRule for BoundaryText {
    const MAX_CHARS: usize = 200;
    const MULTILINE: bool = false;
}

impl BoundaryText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why it matters to its owner: 1–1000 characters, line breaks allowed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BoundaryWhy(String);

impl TextRule for BoundaryWhy {
    const MAX_CHARS: usize = 1000;
    const MULTILINE: bool = true;
}

impl BoundaryWhy {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An apology in the crosser's own words: 1–2000 characters, line breaks allowed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ApologyText(String);

impl TextRule for ApologyText {
    const MAX_CHARS: usize = 2000;
    const MULTILINE: bool = true;
}

impl ApologyText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(BoundaryText, BoundaryWhy, ApologyText);

/// One step of a boundary or of one of its crossings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    Proposed {
        /// The partner asked to acknowledge it.
        partner: PersonId,
        text: BoundaryText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<BoundaryWhy>,
    },
    Revised {
        text: BoundaryText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        why: Option<BoundaryWhy>,
    },
    Acknowledged,
    Withdrawn,
    Crossed {
        crossing: CrossingId,
        crossed_by: PersonId,
        reported_by: PersonId,
        /// When it happened.
        at: Timestamp,
    },
    CrossingAcknowledged {
        crossing: CrossingId,
    },
    Apologised {
        crossing: CrossingId,
        text: ApologyText,
    },
    /// The owner answers the newest apology: "this landed" or "not yet".
    ApologyAnswered {
        crossing: CrossingId,
        landing: Landing,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        word: Option<LandingWord>,
    },
    /// The prevention step: a promise from the crosser to the owner, made in the same append.
    PreventionPromised {
        crossing: CrossingId,
        promise: PromiseId,
    },
    CrossingResolved {
        crossing: CrossingId,
    },
}

impl Change {
    /// The event kind that records this step.
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Proposed { .. } => "boundary.proposed",
            Change::Revised { .. } => "boundary.revised",
            Change::Acknowledged => "boundary.acknowledged",
            Change::Withdrawn => "boundary.withdrawn",
            Change::Crossed { .. } => "boundary.crossed",
            Change::CrossingAcknowledged { .. } => "boundary.crossing_acknowledged",
            Change::Apologised { .. } => "boundary.apologised",
            Change::ApologyAnswered { .. } => "boundary.apology_answered",
            Change::PreventionPromised { .. } => "boundary.prevention_promised",
            Change::CrossingResolved { .. } => "boundary.crossing_resolved",
        }
    }
}

/// A boundary's event as the log carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoundaryEvent {
    pub boundary: BoundaryId,
    #[serde(flatten)]
    pub change: Change,
}

impl BoundaryEvent {
    /// The event to append. A boundary is between the two partners: its events are shared.
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

    /// The boundary event an event of the log holds, if it is one; an unreadable one is left out.
    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if !event.kind.as_str().starts_with("boundary.") {
            return None;
        }
        let parsed: Self = serde_json::from_value(event.payload.clone()).ok()?;
        (parsed.change.kind() == event.kind.as_str()).then_some(parsed)
    }
}

/// One event a decision produced: a boundary's, or the promise a prevention step makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decided {
    Boundary(BoundaryEvent),
    Promise(PromiseEvent),
}

impl Decided {
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        match self {
            Decided::Boundary(event) => event.into_event(id, author, at),
            Decided::Promise(event) => event.into_event(id, author, at),
        }
    }
}

/// Where a boundary stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Waiting for the partner's acknowledgement (new, or revised since).
    Proposed,
    Acknowledged {
        at: Timestamp,
    },
    Withdrawn {
        at: Timestamp,
    },
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Acknowledged { .. } => "acknowledged",
            Status::Withdrawn { .. } => "withdrawn",
        }
    }
}

/// An earlier wording, kept when the boundary was revised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    pub text: BoundaryText,
    pub why: Option<BoundaryWhy>,
    /// When this wording was written.
    pub from: Timestamp,
    /// When it was replaced.
    pub until: Timestamp,
    /// Whether the partner had acknowledged this wording.
    pub acknowledged: bool,
}

/// One reported crossing and the steps taken on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crossing {
    pub id: CrossingId,
    pub crossed_by: PersonId,
    pub reported_by: PersonId,
    /// When it happened.
    pub at: Timestamp,
    /// When it was reported.
    pub reported_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    /// Oldest first: another follows only a "not yet".
    pub apologies: Vec<Apology>,
    /// The prevention step: a promise from the crosser to the owner.
    pub prevention: Option<PromiseId>,
    pub resolved_at: Option<Timestamp>,
}

impl Crossing {
    /// Reported by the one who crossed it: honesty, shown as such.
    pub fn self_reported(&self) -> bool {
        self.reported_by == self.crossed_by
    }

    /// The apology now in question: the newest.
    pub fn apology(&self) -> Option<&Apology> {
        self.apologies.last()
    }
}

/// A boundary as its events made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Boundary {
    pub id: BoundaryId,
    /// Whose line it is.
    pub owner: PersonId,
    /// The partner asked to honour it.
    pub partner: PersonId,
    pub text: BoundaryText,
    pub why: Option<BoundaryWhy>,
    pub proposed_at: Timestamp,
    /// When the current wording was written.
    pub worded_at: Timestamp,
    pub status: Status,
    /// Earlier wordings, oldest first.
    pub revisions: Vec<Revision>,
    /// Oldest first.
    pub crossings: Vec<Crossing>,
}

/// A step a partner asks to take on an existing boundary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Revise {
        text: BoundaryText,
        why: Option<BoundaryWhy>,
    },
    Acknowledge,
    Withdraw,
    ReportCrossing {
        crossing: CrossingId,
        /// When it happened, if not now.
        when: Option<Timestamp>,
    },
    AcknowledgeCrossing {
        crossing: CrossingId,
    },
    Apologise {
        crossing: CrossingId,
        text: ApologyText,
    },
    AnswerApology {
        crossing: CrossingId,
        landing: Landing,
        word: Option<LandingWord>,
    },
    /// The prevention step, as the terms of a new promise with this id.
    AddPrevention {
        crossing: CrossingId,
        promise: PromiseId,
        terms: Terms,
    },
    Resolve {
        crossing: CrossingId,
    },
}

/// A step on a boundary itself, by its kind alone: what a page offers a button for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoundaryStep {
    Revise,
    Acknowledge,
    Withdraw,
    ReportCrossing,
}

impl BoundaryStep {
    pub const ALL: [BoundaryStep; 4] = [
        BoundaryStep::Acknowledge,
        BoundaryStep::Revise,
        BoundaryStep::Withdraw,
        BoundaryStep::ReportCrossing,
    ];
}

/// A step on one crossing of a boundary, by its kind alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CrossingStep {
    Acknowledge,
    Apologise,
    AnswerApology,
    AddPrevention,
    Resolve,
}

impl CrossingStep {
    pub const ALL: [CrossingStep; 5] = [
        CrossingStep::Acknowledge,
        CrossingStep::Apologise,
        CrossingStep::AnswerApology,
        CrossingStep::AddPrevention,
        CrossingStep::Resolve,
    ];
}

/// Why a step was refused. Nothing is recorded when one is.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("a boundary is agreed with a partner: invite yours first")]
    NoPartner,
    #[error("only the partner whose boundary this is can do that")]
    OnlyOwner,
    #[error("only the partner asked to honour this boundary can do that")]
    OnlyPartner,
    #[error("only the partner who crossed it can do that")]
    OnlyCrosser,
    #[error("this boundary was withdrawn")]
    Withdrawn,
    #[error("this wording is acknowledged already")]
    AlreadyAcknowledged,
    #[error("this boundary is not acknowledged yet")]
    NotAcknowledged,
    #[error("no such crossing")]
    NoSuchCrossing,
    #[error("this crossing is acknowledged already")]
    CrossingAcknowledgedAlready,
    #[error("acknowledge the crossing first")]
    CrossingNotAcknowledged,
    #[error("the apology landed")]
    AlreadyApologised,
    #[error("the apology is waiting for an answer")]
    ApologyWaiting,
    #[error("there is no apology to answer")]
    NoApology,
    #[error("an apology takes responsibility without an excusing but")]
    Excusing,
    #[error("a prevention step is promised already")]
    PreventionExists,
    #[error("this crossing is resolved")]
    Resolved,
    #[error("that time is in the future")]
    InFuture,
    #[error("that is too long ago to report")]
    TooLongAgo,
    #[error("the prevention promise was refused: {0}")]
    Promise(promise::Refusal),
    #[error("{limit} boundaries stand already: withdraw one first")]
    TooMany { limit: usize },
}

/// Decides whether `owner` may propose a boundary to their partner now.
pub fn decide_propose(
    owner: PersonId,
    partner: Option<PersonId>,
    boundary: BoundaryId,
    text: BoundaryText,
    why: Option<BoundaryWhy>,
) -> Result<BoundaryEvent, Refusal> {
    let partner = partner.filter(|&p| p != owner).ok_or(Refusal::NoPartner)?;
    Ok(BoundaryEvent {
        boundary,
        change: Change::Proposed { partner, text, why },
    })
}

impl Boundary {
    /// The boundary a `boundary.proposed` event starts; any other change starts nothing.
    pub fn start(id: BoundaryId, owner: PersonId, at: Timestamp, change: &Change) -> Option<Self> {
        let Change::Proposed { partner, text, why } = change else {
            return None;
        };
        (*partner != owner).then(|| Self {
            id,
            owner,
            partner: *partner,
            text: text.clone(),
            why: why.clone(),
            proposed_at: at,
            worded_at: at,
            status: Status::Proposed,
            revisions: Vec::new(),
            crossings: Vec::new(),
        })
    }

    pub fn crossing(&self, id: CrossingId) -> Option<&Crossing> {
        self.crossings.iter().find(|c| c.id == id)
    }

    /// When the current wording was acknowledged, if it is.
    pub fn acknowledged_at(&self) -> Option<Timestamp> {
        match self.status {
            Status::Acknowledged { at } => Some(at),
            _ => None,
        }
    }

    /// Which steps on the boundary itself `actor` may take now, in the order a page offers them.
    pub fn steps(&self, actor: PersonId) -> Vec<BoundaryStep> {
        BoundaryStep::ALL
            .into_iter()
            .filter(|&step| self.may_take(actor, step).is_ok())
            .collect()
    }

    /// Whether `actor` may take a step of this kind on the boundary now, whatever its inputs.
    pub fn may_take(&self, actor: PersonId, step: BoundaryStep) -> Result<(), Refusal> {
        match step {
            BoundaryStep::Revise | BoundaryStep::Withdraw => {
                self.by_owner(actor)?;
                self.not_withdrawn()
            }
            BoundaryStep::Acknowledge => {
                self.by_partner(actor)?;
                match self.status {
                    Status::Withdrawn { .. } => Err(Refusal::Withdrawn),
                    Status::Acknowledged { .. } => Err(Refusal::AlreadyAcknowledged),
                    Status::Proposed => Ok(()),
                }
            }
            BoundaryStep::ReportCrossing => {
                if actor != self.owner && actor != self.partner {
                    return Err(Refusal::OnlyPartner);
                }
                match self.status {
                    Status::Withdrawn { .. } => Err(Refusal::Withdrawn),
                    Status::Proposed => Err(Refusal::NotAcknowledged),
                    Status::Acknowledged { .. } => Ok(()),
                }
            }
        }
    }

    /// Which steps on one of its crossings `actor` may take now, in the order a page offers them.
    pub fn crossing_steps(&self, crossing: CrossingId, actor: PersonId) -> Vec<CrossingStep> {
        CrossingStep::ALL
            .into_iter()
            .filter(|&step| self.may_take_on(crossing, actor, step).is_ok())
            .collect()
    }

    /// Whether `actor` may take a step of this kind on the crossing now, whatever its inputs.
    pub fn may_take_on(
        &self,
        crossing: CrossingId,
        actor: PersonId,
        step: CrossingStep,
    ) -> Result<(), Refusal> {
        let open = self.open_crossing(crossing)?;
        match step {
            CrossingStep::Acknowledge => {
                self.by_crosser(open, actor)?;
                if open.acknowledged_at.is_some() {
                    return Err(Refusal::CrossingAcknowledgedAlready);
                }
            }
            CrossingStep::Apologise => {
                self.by_crosser(open, actor)?;
                if open.acknowledged_at.is_none() {
                    return Err(Refusal::CrossingNotAcknowledged);
                }
                may_apologise(open)?;
            }
            CrossingStep::AnswerApology => {
                self.by_owner(actor)?;
                if open.apology().is_none() {
                    return Err(Refusal::NoApology);
                }
            }
            CrossingStep::AddPrevention => {
                self.by_crosser(open, actor)?;
                if open.acknowledged_at.is_none() {
                    return Err(Refusal::CrossingNotAcknowledged);
                }
                if open.prevention.is_some() {
                    return Err(Refusal::PreventionExists);
                }
            }
            CrossingStep::Resolve => self.by_owner(actor)?,
        }
        Ok(())
    }

    /// Whether `actor` may take this step now, and the events it records if so (in order).
    pub fn decide(
        &self,
        actor: PersonId,
        command: Command,
        now: Timestamp,
    ) -> Result<Vec<Decided>, Refusal> {
        let change = match command {
            Command::Revise { text, why } => {
                self.may_take(actor, BoundaryStep::Revise)?;
                Change::Revised { text, why }
            }
            Command::Acknowledge => {
                self.may_take(actor, BoundaryStep::Acknowledge)?;
                Change::Acknowledged
            }
            Command::Withdraw => {
                self.may_take(actor, BoundaryStep::Withdraw)?;
                Change::Withdrawn
            }
            Command::ReportCrossing { crossing, when } => {
                self.may_take(actor, BoundaryStep::ReportCrossing)?;
                let at = match when {
                    Some(when) if when > now => return Err(Refusal::InFuture),
                    Some(when) if when < now.saturating_sub(MAX_BACKDATE) => {
                        return Err(Refusal::TooLongAgo);
                    }
                    Some(when) => when,
                    None => now,
                };
                Change::Crossed {
                    crossing,
                    crossed_by: self.partner,
                    reported_by: actor,
                    at,
                }
            }
            Command::AcknowledgeCrossing { crossing } => {
                self.may_take_on(crossing, actor, CrossingStep::Acknowledge)?;
                Change::CrossingAcknowledged { crossing }
            }
            Command::Apologise { crossing, text } => {
                self.may_take_on(crossing, actor, CrossingStep::Apologise)?;
                if crate::apology::is_excusing(text.as_str()) {
                    return Err(Refusal::Excusing);
                }
                Change::Apologised { crossing, text }
            }
            Command::AnswerApology {
                crossing,
                landing,
                word,
            } => {
                self.may_take_on(crossing, actor, CrossingStep::AnswerApology)?;
                Change::ApologyAnswered {
                    crossing,
                    landing,
                    word,
                }
            }
            Command::AddPrevention {
                crossing,
                promise,
                terms,
            } => {
                self.may_take_on(crossing, actor, CrossingStep::AddPrevention)?;
                let made = promise::decide_make(actor, Some(self.owner), terms, None, None, now)
                    .map_err(Refusal::Promise)?;
                return Ok(vec![
                    Decided::Promise(PromiseEvent {
                        promise,
                        change: made,
                    }),
                    Decided::Boundary(BoundaryEvent {
                        boundary: self.id,
                        change: Change::PreventionPromised { crossing, promise },
                    }),
                ]);
            }
            Command::Resolve { crossing } => {
                self.may_take_on(crossing, actor, CrossingStep::Resolve)?;
                Change::CrossingResolved { crossing }
            }
        };
        Ok(vec![Decided::Boundary(BoundaryEvent {
            boundary: self.id,
            change,
        })])
    }

    fn by_owner(&self, actor: PersonId) -> Result<(), Refusal> {
        (actor == self.owner)
            .then_some(())
            .ok_or(Refusal::OnlyOwner)
    }

    fn by_partner(&self, actor: PersonId) -> Result<(), Refusal> {
        (actor == self.partner)
            .then_some(())
            .ok_or(Refusal::OnlyPartner)
    }

    fn by_crosser(&self, crossing: &Crossing, actor: PersonId) -> Result<(), Refusal> {
        (actor == crossing.crossed_by)
            .then_some(())
            .ok_or(Refusal::OnlyCrosser)
    }

    fn not_withdrawn(&self) -> Result<(), Refusal> {
        match self.status {
            Status::Withdrawn { .. } => Err(Refusal::Withdrawn),
            _ => Ok(()),
        }
    }

    /// A crossing of this boundary that is not resolved yet.
    fn open_crossing(&self, id: CrossingId) -> Result<&Crossing, Refusal> {
        let crossing = self.crossing(id).ok_or(Refusal::NoSuchCrossing)?;
        if crossing.resolved_at.is_some() {
            return Err(Refusal::Resolved);
        }
        Ok(crossing)
    }

    /// Folds in a recorded step. Steps by someone without the right, or that make no sense in the
    /// current state, change nothing.
    pub fn apply(&mut self, by: PersonId, at: Timestamp, change: &Change) {
        let withdrawn = matches!(self.status, Status::Withdrawn { .. });
        match change {
            Change::Proposed { .. } => {}
            Change::Revised { text, why } if by == self.owner && !withdrawn => {
                self.revisions.push(Revision {
                    text: std::mem::replace(&mut self.text, text.clone()),
                    why: std::mem::replace(&mut self.why, why.clone()),
                    from: self.worded_at,
                    until: at,
                    acknowledged: matches!(self.status, Status::Acknowledged { .. }),
                });
                self.worded_at = at;
                self.status = Status::Proposed;
            }
            Change::Acknowledged if by == self.partner && self.status == Status::Proposed => {
                self.status = Status::Acknowledged { at };
            }
            Change::Withdrawn if by == self.owner && !withdrawn => {
                self.status = Status::Withdrawn { at };
            }
            Change::Crossed {
                crossing,
                crossed_by,
                reported_by,
                at: happened,
            } if (by == self.owner || by == self.partner)
                && *reported_by == by
                && *crossed_by == self.partner
                && self.crossing(*crossing).is_none() =>
            {
                self.crossings.push(Crossing {
                    id: *crossing,
                    crossed_by: *crossed_by,
                    reported_by: by,
                    at: *happened,
                    reported_at: at,
                    acknowledged_at: None,
                    apologies: Vec::new(),
                    prevention: None,
                    resolved_at: None,
                });
            }
            Change::CrossingAcknowledged { crossing } => {
                if let Some(c) = self.open_mut(*crossing, by, true) {
                    c.acknowledged_at.get_or_insert(at);
                }
            }
            Change::Apologised { crossing, text } => {
                if let Some(c) = self.open_mut(*crossing, by, true)
                    && c.acknowledged_at.is_some()
                    && may_apologise(c).is_ok()
                {
                    c.apologies.push(Apology {
                        text: text.clone(),
                        at,
                        answers: Vec::new(),
                    });
                }
            }
            Change::ApologyAnswered {
                crossing,
                landing,
                word,
            } => {
                let owner = self.owner;
                if by == owner
                    && let Some(c) = self.open_mut(*crossing, by, false)
                    && let Some(apology) = c.apologies.last_mut()
                {
                    apology.answers.push(Answer {
                        landing: *landing,
                        word: word.clone(),
                        at,
                    });
                }
            }
            Change::PreventionPromised { crossing, promise } => {
                if let Some(c) = self.open_mut(*crossing, by, true) {
                    c.prevention.get_or_insert(*promise);
                }
            }
            Change::CrossingResolved { crossing } => {
                let owner = self.owner;
                if by == owner
                    && let Some(c) = self.open_mut(*crossing, by, false)
                {
                    c.resolved_at = Some(at);
                }
            }
            _ => {}
        }
    }

    /// Whether `actor` may apologise for `crossing` now: its crosser, once it is acknowledged, the
    /// first time or after "not yet".
    pub fn may_apologise(&self, crossing: &Crossing, actor: PersonId) -> bool {
        self.may_take_on(crossing.id, actor, CrossingStep::Apologise)
            .is_ok()
    }

    /// Whether `actor` may answer the crossing's apology now: its owner, once there is one.
    pub fn may_answer_apology(&self, crossing: &Crossing, actor: PersonId) -> bool {
        self.may_take_on(crossing.id, actor, CrossingStep::AnswerApology)
            .is_ok()
    }

    /// An unresolved crossing; `by_crosser` asks that `by` crossed it.
    fn open_mut(
        &mut self,
        id: CrossingId,
        by: PersonId,
        by_crosser: bool,
    ) -> Option<&mut Crossing> {
        self.crossings
            .iter_mut()
            .find(|c| c.id == id && c.resolved_at.is_none() && (!by_crosser || c.crossed_by == by))
    }
}

/// The first apology, or another after "not yet" (the one rule for every apology's answer).
fn may_apologise(crossing: &Crossing) -> Result<(), Refusal> {
    promise::may_apologise_after(&crossing.apologies).map_err(|refusal| match refusal {
        promise::Refusal::ApologyWaiting => Refusal::ApologyWaiting,
        _ => Refusal::AlreadyApologised,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    #[test]
    fn every_change_round_trips_through_the_log_format() {
        let crossing = CrossingId::from_uuid(Uuid::from_u128(5));
        let changes = [
            Change::Proposed {
                partner: person(2),
                text: BoundaryText::parse("Phone stays private").unwrap(),
                why: Some(BoundaryWhy::parse("it is mine").unwrap()),
            },
            Change::Revised {
                text: BoundaryText::parse("Phone stays mine").unwrap(),
                why: None,
            },
            Change::Acknowledged,
            Change::Withdrawn,
            Change::Crossed {
                crossing,
                crossed_by: person(2),
                reported_by: person(2),
                at: Timestamp::from_millis(4),
            },
            Change::CrossingAcknowledged { crossing },
            Change::Apologised {
                crossing,
                text: ApologyText::parse("I am sorry").unwrap(),
            },
            Change::ApologyAnswered {
                crossing,
                landing: Landing::NotYet,
                word: Some(LandingWord::parse("more time").unwrap()),
            },
            Change::PreventionPromised {
                crossing,
                promise: PromiseId::from_uuid(Uuid::from_u128(6)),
            },
            Change::CrossingResolved { crossing },
        ];
        for change in changes {
            let event = BoundaryEvent {
                boundary: BoundaryId::from_uuid(Uuid::from_u128(7)),
                change: change.clone(),
            };
            let written = event.clone().into_event(
                EventId::from_uuid(Uuid::from_u128(1)),
                person(1),
                Timestamp::from_millis(0),
            );
            assert!(EventKind::new(change.kind()).is_ok());
            assert_eq!(written.visibility, Visibility::Shared);
            assert_eq!(BoundaryEvent::from_event(&written), Some(event));
        }
    }

    #[test]
    fn a_crossing_names_the_boundary_who_crossed_who_reported_and_when() {
        let event = BoundaryEvent {
            boundary: BoundaryId::from_uuid(Uuid::from_u128(7)),
            change: Change::Crossed {
                crossing: CrossingId::from_uuid(Uuid::from_u128(5)),
                crossed_by: person(2),
                reported_by: person(1),
                at: Timestamp::from_millis(4),
            },
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            person(1),
            Timestamp::from_millis(9),
        );
        for key in ["boundary", "crossed_by", "reported_by", "at", "crossing"] {
            assert!(event.payload.get(key).is_some(), "{key}");
        }
    }

    #[test]
    fn boundary_words_stay_out_of_debug_output() {
        let text = BoundaryText::parse("Phone stays private").unwrap();
        assert_eq!(format!("{text:?}"), "BoundaryText(19 chars)");
        assert_eq!(BoundaryWhy::parse_optional("  "), Ok(None));
    }
}
