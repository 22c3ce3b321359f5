//! After a miss there is always a next step (docs/PRINCIPLES.md, After a miss). Once the receiver records a
//! promise broken, the promiser may acknowledge it, apologise, offer a smaller promise in its
//! place or propose a repair plan; the receiver may ask for any of these, and answers an apology
//! "this landed" or "not yet". None of it is required, and none of it is evidence: the record
//! counts only the breach itself.
//!
//! [`Promise::next_steps`] answers which of these a person may take now; pages and the API render
//! from it, and [`Promise::decide`] refuses exactly what it leaves out.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::change::{Change, PromiseEvent};
use super::lifecycle::{Promise, Refusal, Status};
use super::terms::{Terms, TrustDomain};
use crate::boundary::ApologyText;
use crate::id::{PersonId, PromiseId};
use crate::landing::{Landing, LandingWord};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// How long a miss with no step taken yet stays on the promiser's space page.
pub const RECENT_MISS: Duration = Duration::from_secs(30 * 24 * 60 * 60);

/// The promiser's optional word with an acknowledgement ("I see it, and it matters"): 1–500
/// characters, line breaks allowed. `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AcknowledgementWord(String);

impl TextRule for AcknowledgementWord {
    const MAX_CHARS: usize = 500;
    const MULTILINE: bool = true;
}

impl AcknowledgementWord {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(AcknowledgementWord);

/// What the receiver may ask for after a miss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ask {
    Acknowledgement,
    Apology,
    SmallerPromise,
    RepairPlan,
}

impl Ask {
    pub const ALL: [Ask; 4] = [
        Ask::Acknowledgement,
        Ask::Apology,
        Ask::SmallerPromise,
        Ask::RepairPlan,
    ];

    /// The stable snake_case name (API, forms, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            Ask::Acknowledgement => "acknowledgement",
            Ask::Apology => "apology",
            Ask::SmallerPromise => "smaller_promise",
            Ask::RepairPlan => "repair_plan",
        }
    }

    pub fn parse(input: &str) -> Option<Self> {
        Ask::ALL
            .into_iter()
            .find(|ask| ask.as_str() == input.trim())
    }
}

/// The receiver's answer to an apology.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub landing: Landing,
    /// What would help, or anything else the receiver chose to say.
    pub word: Option<LandingWord>,
    pub at: Timestamp,
}

/// One apology and the answers to it, oldest first: the newest answer stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Apology {
    pub text: ApologyText,
    pub at: Timestamp,
    pub answers: Vec<Answer>,
}

impl Apology {
    /// The answer that stands: the newest.
    pub fn standing(&self) -> Option<&Answer> {
        self.answers.last()
    }

    /// Whether another apology may follow this one: only after "not yet".
    pub fn open_again(&self) -> bool {
        self.standing().is_some_and(|a| a.landing.keeps_open())
    }
}

/// Whether a person may apologise after `apologies`: the first time, or after "not yet".
pub fn may_apologise_after(apologies: &[Apology]) -> Result<(), Refusal> {
    match apologies.last() {
        None => Ok(()),
        Some(last) if last.open_again() => Ok(()),
        Some(last) if last.standing().is_none() => Err(Refusal::ApologyWaiting),
        Some(_) => Err(Refusal::ApologyLanded),
    }
}

/// The promiser's acknowledgement of a miss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledged {
    pub word: Option<AcknowledgementWord>,
    pub at: Timestamp,
}

/// Something the receiver asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Asked {
    pub ask: Ask,
    pub at: Timestamp,
}

/// The steps taken after a miss.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Amends {
    pub acknowledged: Option<Acknowledged>,
    /// Oldest first.
    pub apologies: Vec<Apology>,
    /// The smaller promise offered in this one's place.
    pub offered: Option<PromiseId>,
    /// What the receiver asked for, oldest first.
    pub asked: Vec<Asked>,
}

impl Amends {
    /// Whether the promiser gave what `ask` names. A repair plan lives outside the promise, so
    /// asking for one stays open.
    pub fn gave(&self, ask: Ask) -> bool {
        match ask {
            Ask::Acknowledgement => self.acknowledged.is_some(),
            Ask::Apology => !self.apologies.is_empty(),
            Ask::SmallerPromise => self.offered.is_some(),
            Ask::RepairPlan => false,
        }
    }

    /// What the receiver asked for and the promiser has not given yet.
    pub fn waiting(&self) -> Vec<Ask> {
        self.asked
            .iter()
            .map(|asked| asked.ask)
            .filter(|&ask| !self.gave(ask))
            .collect()
    }

    /// Whether the promiser has taken any step yet.
    pub fn any_taken(&self) -> bool {
        self.acknowledged.is_some() || !self.apologies.is_empty() || self.offered.is_some()
    }

    /// The apology now in question: the newest.
    pub fn apology(&self) -> Option<&Apology> {
        self.apologies.last()
    }
}

/// A step a person may take on a broken promise now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NextStep {
    /// The promiser says they see it (an optional word).
    Acknowledge,
    /// The promiser apologises; again after a "not yet".
    Apologise,
    /// The promiser offers a smaller promise in this one's place.
    OfferSmaller,
    /// The promiser proposes a repair plan about this miss.
    ProposeRepair,
    /// The receiver asks for one of the promiser's steps.
    Ask(Ask),
    /// The receiver answers the newest apology: "this landed" or "not yet".
    AnswerApology,
}

impl NextStep {
    /// The stable snake_case name (API).
    pub const fn as_str(self) -> &'static str {
        match self {
            NextStep::Acknowledge => "acknowledge",
            NextStep::Apologise => "apologise",
            NextStep::OfferSmaller => "offer_smaller",
            NextStep::ProposeRepair => "propose_repair",
            NextStep::Ask(Ask::Acknowledgement) => "ask_acknowledgement",
            NextStep::Ask(Ask::Apology) => "ask_apology",
            NextStep::Ask(Ask::SmallerPromise) => "ask_smaller_promise",
            NextStep::Ask(Ask::RepairPlan) => "ask_repair_plan",
            NextStep::AnswerApology => "answer_apology",
        }
    }

    const ALL: [NextStep; 9] = [
        NextStep::Acknowledge,
        NextStep::Apologise,
        NextStep::OfferSmaller,
        NextStep::ProposeRepair,
        NextStep::Ask(Ask::Acknowledgement),
        NextStep::Ask(Ask::Apology),
        NextStep::Ask(Ask::SmallerPromise),
        NextStep::Ask(Ask::RepairPlan),
        NextStep::AnswerApology,
    ];
}

/// Why a broken promise wants a person's attention on the space page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attention {
    /// For the promiser: a recent miss with no step taken yet, things asked for and not given,
    /// or an apology answered "not yet".
    Promiser {
        untouched: bool,
        asked: Vec<Ask>,
        not_yet: bool,
    },
    /// For the receiver: an apology waiting for their answer.
    ApologyToAnswer,
}

impl Promise {
    /// Which steps after a miss `person` may take now, in the order a page offers them. Empty
    /// unless the promise is broken.
    pub fn next_steps(&self, person: PersonId) -> Vec<NextStep> {
        NextStep::ALL
            .into_iter()
            .filter(|&step| self.may(person, step).is_ok())
            .collect()
    }

    /// Whether `person` may take `step` now, and why not.
    pub fn may(&self, person: PersonId, step: NextStep) -> Result<(), Refusal> {
        if !matches!(self.status, Status::Broken { .. }) {
            return Err(Refusal::NotBroken);
        }
        let promiser = || {
            (person == self.promiser)
                .then_some(())
                .ok_or(Refusal::OnlyPromiser)
        };
        let receiver = || {
            (person == self.receiver)
                .then_some(())
                .ok_or(Refusal::OnlyReceiver)
        };
        let amends = &self.amends;
        match step {
            NextStep::Acknowledge => {
                promiser()?;
                match amends.acknowledged {
                    Some(_) => Err(Refusal::AlreadyAcknowledged),
                    None => Ok(()),
                }
            }
            NextStep::Apologise => {
                promiser()?;
                may_apologise_after(&amends.apologies)
            }
            NextStep::OfferSmaller => {
                promiser()?;
                match amends.offered {
                    Some(_) => Err(Refusal::AlreadyOffered),
                    None => Ok(()),
                }
            }
            NextStep::ProposeRepair => promiser(),
            NextStep::Ask(ask) => {
                receiver()?;
                if amends.gave(ask) {
                    Err(Refusal::AlreadyGiven)
                } else if amends.asked.iter().any(|asked| asked.ask == ask) {
                    Err(Refusal::AlreadyAsked)
                } else {
                    Ok(())
                }
            }
            NextStep::AnswerApology => {
                receiver()?;
                match amends.apology() {
                    Some(_) => Ok(()),
                    None => Err(Refusal::NoApology),
                }
            }
        }
    }

    /// Whether this promise wants `person`'s attention on the space page now, and why.
    pub fn attention(&self, person: PersonId, now: Timestamp) -> Option<Attention> {
        let Status::Broken { at, .. } = self.status else {
            return None;
        };
        let amends = &self.amends;
        if person == self.promiser {
            let recent = at >= now.saturating_sub(RECENT_MISS);
            let untouched = recent && !amends.any_taken();
            let asked = amends.waiting();
            let not_yet = amends.apology().is_some_and(Apology::open_again);
            (untouched || !asked.is_empty() || not_yet).then_some(Attention::Promiser {
                untouched,
                asked,
                not_yet,
            })
        } else if person == self.receiver {
            amends
                .apology()
                .is_some_and(|apology| apology.standing().is_none())
                .then_some(Attention::ApologyToAnswer)
        } else {
            None
        }
    }

    /// A smaller promise offered in this broken one's place: the new promise's `promise.made`
    /// (through the one rule for making promises) and this promise's note of it, in this order,
    /// for one append.
    pub fn decide_offer(
        &self,
        actor: PersonId,
        offered: PromiseId,
        terms: Terms,
        domain: Option<TrustDomain>,
        now: Timestamp,
    ) -> Result<[PromiseEvent; 2], Refusal> {
        self.may(actor, NextStep::OfferSmaller)?;
        if terms.stakes > self.terms.stakes {
            return Err(Refusal::NotSmaller);
        }
        let made =
            super::lifecycle::decide_make(actor, Some(self.receiver), terms, domain, None, now)?;
        Ok([
            PromiseEvent {
                promise: offered,
                change: made,
            },
            PromiseEvent {
                promise: self.id,
                change: Change::OfferedInstead { offered },
            },
        ])
    }

    /// A step after a miss, decided: `None` for any other command.
    pub(super) fn decide_amends(
        &self,
        actor: PersonId,
        command: &super::lifecycle::Command,
    ) -> Option<Result<Change, Refusal>> {
        use super::lifecycle::Command;
        Some(match command {
            Command::Acknowledge { word } => self
                .may(actor, NextStep::Acknowledge)
                .map(|()| Change::Acknowledged { word: word.clone() }),
            Command::Apologise { text } => self.may(actor, NextStep::Apologise).and_then(|()| {
                if crate::apology::is_excusing(text.as_str()) {
                    Err(Refusal::Excusing)
                } else {
                    Ok(Change::Apologised { text: text.clone() })
                }
            }),
            Command::AnswerApology { landing, word } => self
                .may(actor, NextStep::AnswerApology)
                .map(|()| Change::ApologyAnswered {
                    landing: *landing,
                    word: word.clone(),
                }),
            Command::Ask { ask } => self
                .may(actor, NextStep::Ask(*ask))
                .map(|()| Change::Asked { ask: *ask }),
            _ => return None,
        })
    }

    /// Folds in a step after a miss; `None` for any other change, else whether it was taken.
    /// Like every fold, a step the rules would not allow changes nothing.
    pub(super) fn apply_amends(
        &mut self,
        by: PersonId,
        at: Timestamp,
        change: &Change,
    ) -> Option<bool> {
        let step = match change {
            Change::Acknowledged { .. } => NextStep::Acknowledge,
            Change::Apologised { .. } => NextStep::Apologise,
            Change::ApologyAnswered { .. } => NextStep::AnswerApology,
            Change::Asked { ask } => NextStep::Ask(*ask),
            Change::OfferedInstead { .. } => NextStep::OfferSmaller,
            _ => return None,
        };
        if self.may(by, step).is_err() {
            return Some(false);
        }
        let amends = &mut self.amends;
        match change {
            Change::Acknowledged { word } => {
                amends.acknowledged = Some(Acknowledged {
                    word: word.clone(),
                    at,
                });
            }
            Change::Apologised { text } => amends.apologies.push(Apology {
                text: text.clone(),
                at,
                answers: Vec::new(),
            }),
            Change::ApologyAnswered { landing, word } => {
                if let Some(apology) = amends.apologies.last_mut() {
                    apology.answers.push(Answer {
                        landing: *landing,
                        word: word.clone(),
                        at,
                    });
                }
            }
            Change::Asked { ask } => amends.asked.push(Asked { ask: *ask, at }),
            Change::OfferedInstead { offered } => amends.offered = Some(*offered),
            _ => {}
        }
        Some(true)
    }
}
