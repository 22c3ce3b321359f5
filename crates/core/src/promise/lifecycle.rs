//! One promise's lifecycle: who may take which step from which state (docs/PRINCIPLES.md, The domain:
//! Promise), and the state its events fold into.
//!
//! ```text
//! open ──done (promiser)──▶ done ──not yet (receiver)──▶ open
//!  │ │                        │
//!  │ └─kept (receiver)────────┴──kept (receiver)──▶ kept
//!  ├─broken (receiver, any time it happened) ─────▶ broken
//!  ├─released (receiver) ─────────────────────────▶ released
//!  ├─renegotiation asked before due (promiser) → accepted / declined (receiver)
//!  └─overdue and not done → receiver: broken, extended (open again), or let go
//! ```

use std::time::Duration;

use thiserror::Error;

use super::amends::{AcknowledgementWord, Amends, Ask};
use super::change::Change;
use super::terms::{Reason, Severity, Stakes, Terms, TrustDomain};
use crate::boundary::ApologyText;
use crate::id::{PersonId, PromiseId};
use crate::landing::{Landing, LandingWord};
use crate::time::Timestamp;

/// How far back a promise or a step can be logged after the fact.
pub const MAX_BACKDATE: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// Where a promise stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    /// The promiser says it is done; the receiver has not confirmed yet.
    Done,
    Kept {
        stakes: Stakes,
        at: Timestamp,
    },
    Broken {
        severity: Severity,
        deception: bool,
        at: Timestamp,
    },
    Released {
        at: Timestamp,
    },
    LetGo {
        at: Timestamp,
    },
}

impl Status {
    /// Kept, broken, released or let go: nothing more happens to it.
    pub const fn is_settled(self) -> bool {
        !matches!(self, Status::Open | Status::Done)
    }

    /// When it settled; `None` while it is open or done.
    pub const fn settled_at(self) -> Option<Timestamp> {
        match self {
            Status::Kept { at, .. }
            | Status::Broken { at, .. }
            | Status::Released { at }
            | Status::LetGo { at } => Some(at),
            Status::Open | Status::Done => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::Kept { .. } => "kept",
            Status::Broken { .. } => "broken",
            Status::Released { .. } => "released",
            Status::LetGo { .. } => "let_go",
        }
    }
}

/// New terms the promiser asked for, waiting for the receiver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renegotiation {
    pub terms: Terms,
    pub reason: Reason,
    pub asked_at: Timestamp,
}

/// One step in a promise's history, for its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub by: PersonId,
    /// When it was recorded.
    pub at: Timestamp,
    pub change: Change,
}

/// A promise as its events made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Promise {
    pub id: PromiseId,
    pub promiser: PersonId,
    pub receiver: PersonId,
    pub terms: Terms,
    pub domain: Option<TrustDomain>,
    /// When it was made: the backdated time, or when it was recorded.
    pub made_at: Timestamp,
    pub backdated: bool,
    pub status: Status,
    pub pending: Option<Renegotiation>,
    pub renegotiations: u32,
    pub history: Vec<Step>,
    /// The steps taken after a miss (`super::amends`).
    pub amends: Amends,
    /// The broken promise this smaller one was offered in place of.
    pub in_place_of: Option<PromiseId>,
}

/// Promises as every list shows them: the open ones (not yet settled) soonest due first, those
/// without a due time after them, oldest first; then, apart, the settled ones, the most recently
/// settled first. Ties keep the order they came in.
pub fn open_and_settled<'a>(
    promises: impl IntoIterator<Item = &'a Promise>,
) -> (Vec<&'a Promise>, Vec<&'a Promise>) {
    let (mut settled, mut open): (Vec<&Promise>, Vec<&Promise>) = promises
        .into_iter()
        .partition(|promise| promise.status.is_settled());
    open.sort_by_key(|p| (p.terms.due.is_none(), p.terms.due, p.made_at));
    settled.sort_by_key(|p| std::cmp::Reverse(p.status.settled_at()));
    (open, settled)
}

/// A step a partner asks to take on an existing promise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    MarkDone {
        when: Option<Timestamp>,
    },
    ConfirmKept {
        stakes: Option<Stakes>,
        when: Option<Timestamp>,
    },
    NotYet,
    AskRenegotiation {
        terms: Terms,
        reason: Reason,
    },
    AcceptRenegotiation,
    DeclineRenegotiation,
    RecordBroken {
        severity: Severity,
        deception: bool,
        when: Option<Timestamp>,
    },
    Extend {
        due: Timestamp,
    },
    LetGo,
    Release,
    /// After a miss (`super::amends`).
    Acknowledge {
        word: Option<AcknowledgementWord>,
    },
    Apologise {
        text: ApologyText,
    },
    AnswerApology {
        landing: Landing,
        word: Option<LandingWord>,
    },
    Ask {
        ask: Ask,
    },
}

/// A step on a promise before it is settled, by its kind alone: what a page offers a button for
/// before anyone has typed the step's inputs (new terms, a severity, a date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LifecycleStep {
    MarkDone,
    ConfirmKept,
    NotYet,
    AskRenegotiation,
    /// Accept or decline new terms asked for.
    AnswerRenegotiation,
    RecordBroken,
    Extend,
    LetGo,
    Release,
}

impl LifecycleStep {
    pub const ALL: [LifecycleStep; 9] = [
        LifecycleStep::MarkDone,
        LifecycleStep::ConfirmKept,
        LifecycleStep::NotYet,
        LifecycleStep::AskRenegotiation,
        LifecycleStep::AnswerRenegotiation,
        LifecycleStep::RecordBroken,
        LifecycleStep::Extend,
        LifecycleStep::LetGo,
        LifecycleStep::Release,
    ];

    /// The kind of a command; none for the steps after a miss (`super::amends`).
    pub fn of(command: &Command) -> Option<LifecycleStep> {
        Some(match command {
            Command::MarkDone { .. } => LifecycleStep::MarkDone,
            Command::ConfirmKept { .. } => LifecycleStep::ConfirmKept,
            Command::NotYet => LifecycleStep::NotYet,
            Command::AskRenegotiation { .. } => LifecycleStep::AskRenegotiation,
            Command::AcceptRenegotiation | Command::DeclineRenegotiation => {
                LifecycleStep::AnswerRenegotiation
            }
            Command::RecordBroken { .. } => LifecycleStep::RecordBroken,
            Command::Extend { .. } => LifecycleStep::Extend,
            Command::LetGo => LifecycleStep::LetGo,
            Command::Release => LifecycleStep::Release,
            Command::Acknowledge { .. }
            | Command::Apologise { .. }
            | Command::AnswerApology { .. }
            | Command::Ask { .. } => return None,
        })
    }
}

/// Why a step was refused. Nothing is recorded when one is.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("a promise is made to a partner: invite yours first")]
    NoPartner,
    #[error("only the partner who made this promise can do that")]
    OnlyPromiser,
    #[error("only the partner this promise was made to can do that")]
    OnlyReceiver,
    #[error("this promise is settled already")]
    Settled,
    #[error("this promise is marked done already")]
    AlreadyDone,
    #[error("this promise is not marked done")]
    NotDone,
    #[error("this promise is not overdue")]
    NotOverdue,
    #[error("the due time has passed: a renegotiation is asked for before it")]
    PastDue,
    #[error("a renegotiation is already waiting for an answer")]
    RenegotiationPending,
    #[error("no renegotiation is waiting for an answer")]
    NoRenegotiation,
    #[error("the due time must be later")]
    DueTooEarly,
    #[error("that time is in the future")]
    InFuture,
    #[error("that is too long ago to log")]
    TooLongAgo,
    #[error("that is before the promise was made")]
    BeforeMade,
    #[error("this step follows a promise recorded broken")]
    NotBroken,
    #[error("this miss is acknowledged already")]
    AlreadyAcknowledged,
    #[error("the apology is waiting for an answer")]
    ApologyWaiting,
    #[error("the apology landed")]
    ApologyLanded,
    #[error("there is no apology to answer")]
    NoApology,
    #[error("a smaller promise is offered already")]
    AlreadyOffered,
    #[error("a promise offered in place of another asks no more than it")]
    NotSmaller,
    #[error("this was asked for already")]
    AlreadyAsked,
    #[error("this was given already")]
    AlreadyGiven,
    #[error("an apology takes responsibility without an excusing but")]
    Excusing,
    #[error("{limit} promises are open already: keep, settle or let go of some first")]
    TooManyOpen { limit: usize },
}

/// What a settled step tells the reliability record. Only steps the receiver took are evidence
/// (docs/PRINCIPLES.md, principle 3).
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub promise: PromiseId,
    pub promiser: PersonId,
    pub receiver: PersonId,
    pub domain: Option<TrustDomain>,
    pub stakes: Stakes,
    /// When it happened.
    pub when: Timestamp,
    pub effect: Effect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    Kept,
    Broken {
        severity: Severity,
        deception: bool,
    },
    /// Renegotiated in advance and accepted: communication, no evidence against.
    Renegotiated,
    /// Let go by the receiver after it was missed: no evidence either way, but an outcome.
    LetGo,
}

/// Decides whether `promiser` may make a promise to their partner now. `made_at` backdates it.
pub fn decide_make(
    promiser: PersonId,
    partner: Option<PersonId>,
    terms: Terms,
    domain: Option<TrustDomain>,
    made_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<Change, Refusal> {
    let receiver = partner
        .filter(|&p| p != promiser)
        .ok_or(Refusal::NoPartner)?;
    let start = match made_at {
        Some(when) => past_time(when, now)?,
        None => now,
    };
    // A promise made now is due later; a backdated one may have been due at any time since.
    if let Some(due) = terms.due {
        let too_early = if made_at.is_some() {
            due < start
        } else {
            due <= now
        };
        if too_early {
            return Err(Refusal::DueTooEarly);
        }
    }
    Ok(Change::Made {
        receiver,
        terms,
        domain,
        made_at,
    })
}

/// A time given for something that already happened: not in the future, not beyond
/// [`MAX_BACKDATE`].
fn past_time(when: Timestamp, now: Timestamp) -> Result<Timestamp, Refusal> {
    if when > now {
        Err(Refusal::InFuture)
    } else if when < now.saturating_sub(MAX_BACKDATE) {
        Err(Refusal::TooLongAgo)
    } else {
        Ok(when)
    }
}

impl Promise {
    /// The promise a `promise.made` event starts; any other change starts nothing.
    pub fn start(
        id: PromiseId,
        promiser: PersonId,
        at: Timestamp,
        change: &Change,
    ) -> Option<Self> {
        let Change::Made {
            receiver,
            terms,
            domain,
            made_at,
        } = change
        else {
            return None;
        };
        Some(Self {
            id,
            promiser,
            receiver: *receiver,
            terms: terms.clone(),
            domain: domain.clone(),
            made_at: made_at.unwrap_or(at),
            backdated: made_at.is_some(),
            status: Status::Open,
            pending: None,
            renegotiations: 0,
            amends: Amends::default(),
            in_place_of: None,
            history: vec![Step {
                by: promiser,
                at,
                change: change.clone(),
            }],
        })
    }

    /// Still open (not done) and past its due time.
    pub fn is_overdue(&self, now: Timestamp) -> bool {
        matches!(self.status, Status::Open) && self.terms.due.is_some_and(|due| now >= due)
    }

    /// Which lifecycle steps `actor` may take now, in the order a page offers them. The step's
    /// own inputs are checked when it is taken (`decide`); this answers who and when.
    pub fn lifecycle_steps(&self, actor: PersonId, now: Timestamp) -> Vec<LifecycleStep> {
        LifecycleStep::ALL
            .into_iter()
            .filter(|&step| self.may_take(actor, step, now).is_ok())
            .collect()
    }

    /// Whether `actor` may take a step of this kind now, whatever its inputs, and why not.
    pub fn may_take(
        &self,
        actor: PersonId,
        step: LifecycleStep,
        now: Timestamp,
    ) -> Result<(), Refusal> {
        if self.status.is_settled() {
            return Err(Refusal::Settled);
        }
        match step {
            LifecycleStep::MarkDone => {
                self.by_promiser(actor)?;
                if self.status == Status::Done {
                    return Err(Refusal::AlreadyDone);
                }
            }
            LifecycleStep::NotYet => {
                self.by_receiver(actor)?;
                if self.status != Status::Done {
                    return Err(Refusal::NotDone);
                }
            }
            LifecycleStep::AskRenegotiation => {
                self.by_promiser(actor)?;
                if self.status == Status::Done {
                    return Err(Refusal::AlreadyDone);
                }
                if self.pending.is_some() {
                    return Err(Refusal::RenegotiationPending);
                }
                if self.terms.due.is_some_and(|due| now >= due) {
                    return Err(Refusal::PastDue);
                }
            }
            LifecycleStep::AnswerRenegotiation => {
                self.by_receiver(actor)?;
                if self.pending.is_none() {
                    return Err(Refusal::NoRenegotiation);
                }
            }
            LifecycleStep::Extend | LifecycleStep::LetGo => {
                self.by_receiver(actor)?;
                if !self.is_overdue(now) {
                    return Err(Refusal::NotOverdue);
                }
            }
            LifecycleStep::ConfirmKept | LifecycleStep::RecordBroken | LifecycleStep::Release => {
                self.by_receiver(actor)?;
            }
        }
        Ok(())
    }

    /// Whether `actor` may take this step now, and the change it records if so: who and when
    /// from [`Promise::may_take`], then what the step's own inputs must be.
    pub fn decide(
        &self,
        actor: PersonId,
        command: Command,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        if let Some(decided) = self.decide_amends(actor, &command) {
            return decided;
        }
        let Some(step) = LifecycleStep::of(&command) else {
            // The steps after a miss are decided above.
            return Err(Refusal::NotBroken);
        };
        self.may_take(actor, step, now)?;
        match command {
            Command::MarkDone { when } => Ok(Change::Done {
                when: self.step_time(when, now)?,
            }),
            Command::ConfirmKept { stakes, when } => {
                let when = self.step_time(when, now)?;
                Ok(Change::Kept {
                    stakes: stakes.unwrap_or(self.terms.stakes),
                    when,
                })
            }
            Command::NotYet => Ok(Change::NotYet),
            Command::AskRenegotiation { terms, reason } => {
                if terms.due.is_some_and(|due| due <= now) {
                    return Err(Refusal::DueTooEarly);
                }
                Ok(Change::RenegotiationAsked { terms, reason })
            }
            Command::AcceptRenegotiation => Ok(Change::RenegotiationAccepted),
            Command::DeclineRenegotiation => Ok(Change::RenegotiationDeclined),
            Command::RecordBroken {
                severity,
                deception,
                when,
            } => Ok(Change::Broken {
                severity,
                deception,
                when: self.step_time(when, now)?,
            }),
            Command::Extend { due } => {
                if due <= now {
                    return Err(Refusal::DueTooEarly);
                }
                Ok(Change::Extended { due })
            }
            Command::LetGo => Ok(Change::LetGo),
            Command::Release => Ok(Change::Released),
            Command::Acknowledge { .. }
            | Command::Apologise { .. }
            | Command::AnswerApology { .. }
            | Command::Ask { .. } => Err(Refusal::NotBroken),
        }
    }

    fn by_promiser(&self, actor: PersonId) -> Result<(), Refusal> {
        if actor == self.promiser {
            Ok(())
        } else {
            Err(Refusal::OnlyPromiser)
        }
    }

    fn by_receiver(&self, actor: PersonId) -> Result<(), Refusal> {
        if actor == self.receiver {
            Ok(())
        } else {
            Err(Refusal::OnlyReceiver)
        }
    }

    /// When a step happened, if it was logged after the fact: in the past, and not before the
    /// promise was made.
    fn step_time(
        &self,
        when: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<Option<Timestamp>, Refusal> {
        let Some(when) = when else {
            return Ok(None);
        };
        let when = past_time(when, now)?;
        if when < self.made_at {
            return Err(Refusal::BeforeMade);
        }
        Ok(Some(when))
    }

    /// Folds in a recorded step. Steps by someone without the right, or that make no sense in
    /// the current state, change nothing: only decided changes are ever written, and the fold
    /// stays safe if one ever was not.
    pub fn apply(&mut self, by: PersonId, at: Timestamp, change: &Change) -> Option<Outcome> {
        // Steps after a miss are never evidence.
        if let Some(taken) = self.apply_amends(by, at, change) {
            if taken {
                self.history.push(Step {
                    by,
                    at,
                    change: change.clone(),
                });
            }
            return None;
        }
        if self.status.is_settled() {
            return None;
        }
        let from_promiser = by == self.promiser;
        let from_receiver = by == self.receiver;
        let mut outcome = None;
        match change {
            Change::Made { .. } => return None,
            Change::Done { .. } if from_promiser => {
                self.status = Status::Done;
                self.pending = None;
            }
            Change::Kept { stakes, when } if from_receiver => {
                let when = when.unwrap_or(at);
                self.status = Status::Kept {
                    stakes: *stakes,
                    at: when,
                };
                self.pending = None;
                outcome = Some(self.outcome(*stakes, when, Effect::Kept));
            }
            Change::NotYet if from_receiver && self.status == Status::Done => {
                self.status = Status::Open;
            }
            Change::RenegotiationAsked { terms, reason } if from_promiser => {
                self.pending = Some(Renegotiation {
                    terms: terms.clone(),
                    reason: reason.clone(),
                    asked_at: at,
                });
            }
            Change::RenegotiationAccepted if from_receiver => {
                let pending = self.pending.take()?;
                // The evidence weighs the terms that were given up.
                outcome = Some(self.outcome(self.terms.stakes, at, Effect::Renegotiated));
                self.terms = pending.terms;
                self.renegotiations += 1;
            }
            Change::RenegotiationDeclined if from_receiver => {
                self.pending.take()?;
            }
            Change::Broken {
                severity,
                deception,
                when,
            } if from_receiver => {
                let when = when.unwrap_or(at);
                self.status = Status::Broken {
                    severity: *severity,
                    deception: *deception,
                    at: when,
                };
                self.pending = None;
                outcome = Some(self.outcome(
                    self.terms.stakes,
                    when,
                    Effect::Broken {
                        severity: *severity,
                        deception: *deception,
                    },
                ));
            }
            Change::Extended { due } if from_receiver => {
                self.terms.due = Some(*due);
            }
            Change::LetGo if from_receiver => {
                self.status = Status::LetGo { at };
                self.pending = None;
                outcome = Some(self.outcome(self.terms.stakes, at, Effect::LetGo));
            }
            Change::Released if from_receiver => {
                self.status = Status::Released { at };
                self.pending = None;
            }
            _ => return None,
        }
        self.history.push(Step {
            by,
            at,
            change: change.clone(),
        });
        outcome
    }

    fn outcome(&self, stakes: Stakes, when: Timestamp, effect: Effect) -> Outcome {
        Outcome {
            promise: self.id,
            promiser: self.promiser,
            receiver: self.receiver,
            domain: self.domain.clone(),
            stakes,
            when,
            effect,
        }
    }
}
