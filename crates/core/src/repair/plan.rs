//! One repair plan's lifecycle: who may take which step in which state, and the fold.
//!
//! ```text
//! proposed (by the partner who did the harm) ──accept (hurt)──▶ active
//! opened by the hurt partner ─────────────────────────────────▶ active
//! active: acknowledge, responsibility, apology, one dated promise (responsible, once each,
//!         again after a "not yet"), transparency promises (responsible), progress notes (either)
//!         "this landed" / "not yet" on each of the four (hurt; the newest answer stands)
//!         questions (hurt asks, responsible answers; every version of an answer is kept)
//!         advance Atone → Attune → Attach (hurt)
//! proposed or active ──close (hurt)──▶ closed
//! any time: forgiveness (hurt only, private unless shared; never required)
//! ```
//!
//! Joint steps (all but opening, accepting, closing and forgiveness) also need [`Joint::Ready`]:
//! the safety check. Closing is always open to the hurt partner: a way out is never paused.
//!
//! **Why every later version of an answer shows as an edit.** An answer once read must never
//! change silently. Knowing whether the hurt partner has read it would take a read receipt,
//! which Steadfast never keeps (a controlling partner could use one); so no answer ever changes
//! silently: each new version is shown as a change, with the earlier words beside it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Refusal;
use super::change::{Change, Link, Part, RepairEvent};
use super::forgiveness::{Forgiveness, ForgivenessEvent, ForgivenessNow, Forgiving};
use super::safety::Joint;
use crate::id::{CheckinId, PersonId, PromiseId, QuestionId, RepairId};
use crate::landing::{Landing, LandingWord};
use crate::promise::{self, Promise, Status as PromiseStatus, Terms, TrustDomain};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

/// A repair message in the writer's words: 1–1000 characters, line breaks allowed. `Debug`
/// hides it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RepairText(String);

impl TextRule for RepairText {
    const MAX_CHARS: usize = 1000;
    const MULTILINE: bool = true;
}

impl RepairText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(RepairText);

/// The three phases, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Atone,
    Attune,
    Attach,
}

impl Phase {
    pub const fn next(self) -> Option<Phase> {
        match self {
            Phase::Atone => Some(Phase::Attune),
            Phase::Attune => Some(Phase::Attach),
            Phase::Attach => None,
        }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Phase::Atone => "atone",
            Phase::Attune => "attune",
            Phase::Attach => "attach",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Proposed by the partner who did the harm; waits for the hurt partner.
    Proposed,
    Active {
        accepted_at: Timestamp,
    },
    Closed {
        at: Timestamp,
    },
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Active { .. } => "active",
            Status::Closed { .. } => "closed",
        }
    }
}

/// A person's part in a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Hurt,
    Responsible,
}

/// One step of a plan's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub by: PersonId,
    pub at: Timestamp,
    pub change: Change,
}

/// A dated piece of text in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub at: Timestamp,
    pub text: RepairText,
}

/// The hurt partner's answer to one offer of an accountability step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepAnswer {
    pub part: Part,
    /// Which offer of the step it answers: 1 for the first, 2 after a "not yet" and a new try.
    pub offer: usize,
    pub at: Timestamp,
    pub landing: Landing,
    pub word: Option<LandingWord>,
}

/// A question the hurt partner asked, and every version of its answer, oldest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub asked: Said,
    pub answers: Vec<Said>,
}

impl Question {
    /// The answer as it stands: its newest version.
    pub fn answer(&self) -> Option<&Said> {
        self.answers.last()
    }

    /// The versions before the newest, oldest first: shown beside it, never hidden.
    pub fn earlier(&self) -> &[Said] {
        self.answers
            .split_last()
            .map_or(&[][..], |(_, earlier)| earlier)
    }
}

/// Which steps a person may take on a plan now: pages and the API render what is offered from
/// this, never by trying [`RepairPlan::decide`] with made-up input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moves {
    pub accept: bool,
    pub advance: bool,
    pub close: bool,
    /// The accountability steps the person may say or make now (again, after a "not yet").
    pub offer: Vec<Part>,
    pub transparency: bool,
    pub progress: bool,
    /// The steps the person may answer "this landed" or "not yet".
    pub answer: Vec<Part>,
    pub ask: bool,
    /// The questions the person may answer (or answer anew).
    pub reply: bool,
    pub forgive: bool,
}

/// A repair plan as its events made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepairPlan {
    pub id: RepairId,
    pub hurt: PersonId,
    pub responsible: PersonId,
    pub opened_by: PersonId,
    pub opened_at: Timestamp,
    pub link: Option<Link>,
    pub status: Status,
    pub phase: Phase,
    pub acknowledgement: Option<Said>,
    pub responsibility: Option<Said>,
    pub apology: Option<Said>,
    pub promise: Option<PromiseId>,
    pub transparency: Vec<PromiseId>,
    /// Progress notes: who wrote it, and the check-in it was written at, if one was open.
    pub progress: Vec<(PersonId, Said, Option<CheckinId>)>,
    /// The hurt partner's answers to the accountability steps, oldest first.
    pub answers: Vec<StepAnswer>,
    /// The hurt partner's questions, in the order asked.
    pub questions: Vec<Question>,
    /// Forgiveness as the viewer may see it: the hurt partner sees their own; the other sees it
    /// only while it is shared. Never in [`RepairPlan::history`].
    pub forgiveness: Option<ForgivenessNow>,
    pub history: Vec<Step>,
}

/// A step a partner asks to take on a plan. Promises go through [`decide_promise`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Accept,
    Acknowledge(RepairText),
    TakeResponsibility(RepairText),
    Apologise(RepairText),
    Advance,
    Close,
    NoteProgress {
        text: RepairText,
        checkin: Option<CheckinId>,
    },
    /// "This landed" or "not yet" on an accountability step, by the hurt partner.
    Answer {
        part: Part,
        landing: Landing,
        word: Option<LandingWord>,
    },
    /// A question, by the hurt partner; the edge draws its id.
    Ask {
        question: QuestionId,
        text: RepairText,
    },
    /// An answer to a question, or a new version of one, by the partner who did the harm.
    Reply {
        question: QuestionId,
        text: RepairText,
    },
}

/// The record's repair bonus starts: `responsible`'s kept promises count more from `at`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub responsible: PersonId,
    pub at: Timestamp,
}

/// A boundary crossing a plan may answer: who crossed whose line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkedCrossing {
    pub crossed_by: PersonId,
    /// Whose boundary it was.
    pub owner: PersonId,
}

/// Decides whether `actor` may open a plan with their partner. `hurt` says who was hurt: the
/// actor opens it (accepted at once), or the partner, to whom the actor proposes it. A linked
/// promise must be a broken one from the responsible partner to the hurt one; a linked crossing
/// one of the hurt partner's boundaries, crossed by the responsible one. The edge looks up what
/// the link names and passes it in (`None` when there is no such thing).
pub fn decide_open(
    actor: PersonId,
    partner: Option<PersonId>,
    hurt: Role,
    link: Option<Link>,
    linked_promise: Option<&Promise>,
    linked_crossing: Option<LinkedCrossing>,
) -> Result<Change, Refusal> {
    let partner = partner.filter(|&p| p != actor).ok_or(Refusal::NoPartner)?;
    let (hurt, responsible) = match hurt {
        Role::Hurt => (actor, partner),
        Role::Responsible => (partner, actor),
    };
    let fits = match link {
        None => true,
        Some(Link::Promise { promise }) => linked_promise.is_some_and(|p| {
            p.id == promise
                && p.promiser == responsible
                && p.receiver == hurt
                && matches!(p.status, PromiseStatus::Broken { .. })
        }),
        Some(Link::Crossing { .. }) => {
            linked_crossing.is_some_and(|c| c.crossed_by == responsible && c.owner == hurt)
        }
    };
    if !fits {
        return Err(Refusal::LinkInvalid);
    }
    Ok(Change::Opened {
        hurt,
        responsible,
        link,
    })
}

impl RepairPlan {
    /// The plan a `repair.opened` starts.
    pub fn start(id: RepairId, by: PersonId, at: Timestamp, change: &Change) -> Option<Self> {
        let Change::Opened {
            hurt,
            responsible,
            link,
        } = change
        else {
            return None;
        };
        Some(Self {
            id,
            hurt: *hurt,
            responsible: *responsible,
            opened_by: by,
            opened_at: at,
            link: *link,
            status: if by == *hurt {
                Status::Active { accepted_at: at }
            } else {
                Status::Proposed
            },
            phase: Phase::Atone,
            acknowledgement: None,
            responsibility: None,
            apology: None,
            promise: None,
            transparency: Vec::new(),
            progress: Vec::new(),
            answers: Vec::new(),
            questions: Vec::new(),
            forgiveness: None,
            history: vec![Step {
                by,
                at,
                change: change.clone(),
            }],
        })
    }

    pub fn role_of(&self, person: PersonId) -> Option<Role> {
        if person == self.hurt {
            Some(Role::Hurt)
        } else if person == self.responsible {
            Some(Role::Responsible)
        } else {
            None
        }
    }

    pub fn is_between(&self, one: PersonId, other: PersonId) -> bool {
        (self.hurt == one && self.responsible == other)
            || (self.hurt == other && self.responsible == one)
    }

    fn by_hurt(&self, actor: PersonId) -> Result<(), Refusal> {
        if actor == self.hurt {
            Ok(())
        } else {
            Err(Refusal::OnlyHurt)
        }
    }

    fn by_responsible(&self, actor: PersonId) -> Result<(), Refusal> {
        if actor == self.responsible {
            Ok(())
        } else {
            Err(Refusal::OnlyResponsible)
        }
    }

    fn active(&self) -> Result<(), Refusal> {
        match self.status {
            Status::Active { .. } => Ok(()),
            Status::Proposed => Err(Refusal::NotAccepted),
            Status::Closed { .. } => Err(Refusal::Closed),
        }
    }

    fn joint(joint: Joint) -> Result<(), Refusal> {
        match joint {
            Joint::Ready => Ok(()),
            Joint::Paused => Err(Refusal::Paused),
        }
    }

    /// How many times the step has been said or made.
    pub fn offers(&self, part: Part) -> usize {
        self.history
            .iter()
            .filter(|step| step.change.offers() == Some(part))
            .count()
    }

    /// The hurt partner's answer to the step as it stands now: the newest answer to its newest
    /// offer.
    pub fn answer(&self, part: Part) -> Option<&StepAnswer> {
        let offer = self.offers(part);
        self.answers
            .iter()
            .rev()
            .find(|a| a.part == part && a.offer == offer)
    }

    /// Every answer to the step, oldest first: the history behind the one that stands.
    pub fn answers_to(&self, part: Part) -> impl Iterator<Item = &StepAnswer> {
        self.answers.iter().filter(move |a| a.part == part)
    }

    /// The earlier words of a text step, said before a "not yet" and a new try, oldest first.
    pub fn earlier_words(&self, part: Part) -> Vec<Said> {
        let mut said: Vec<Said> = self
            .history
            .iter()
            .filter_map(|step| match &step.change {
                Change::Acknowledged { text }
                | Change::ResponsibilityTaken { text }
                | Change::Apologised { text }
                    if step.change.offers() == Some(part) =>
                {
                    Some(Said {
                        at: step.at,
                        text: text.clone(),
                    })
                }
                _ => None,
            })
            .collect();
        said.pop();
        said
    }

    /// Whether the step may be said or made now: never yet, or its answer is "not yet", which
    /// keeps it open.
    fn open_for_offer(&self, part: Part) -> bool {
        self.offers(part) == 0 || self.answer(part).is_some_and(|a| a.landing.keeps_open())
    }

    pub fn question(&self, id: QuestionId) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions still waiting for a first answer, in the order asked. None once the plan
    /// is closed: nobody can answer then.
    pub fn unanswered(&self) -> impl Iterator<Item = &Question> {
        let open = !matches!(self.status, Status::Closed { .. });
        self.questions
            .iter()
            .filter(move |q| open && q.answers.is_empty())
    }

    /// A step the responsible partner takes once (again after a "not yet"), in an active plan,
    /// while joint work is on.
    fn once(
        &self,
        actor: PersonId,
        part: Part,
        joint: Joint,
        change: Change,
    ) -> Result<Change, Refusal> {
        self.by_responsible(actor)?;
        self.active()?;
        if !self.open_for_offer(part) {
            return Err(Refusal::AlreadyDone);
        }
        Self::joint(joint)?;
        Ok(change)
    }

    /// Which steps `person` may take now.
    pub fn moves(&self, person: PersonId, joint: Joint) -> Moves {
        let hurt = person == self.hurt;
        let responsible = person == self.responsible;
        let active = matches!(self.status, Status::Active { .. });
        let closed = matches!(self.status, Status::Closed { .. });
        let joint_on = active && joint == Joint::Ready;
        Moves {
            accept: hurt && self.status == Status::Proposed,
            advance: hurt && joint_on && self.phase.next().is_some(),
            close: hurt && !closed,
            offer: if responsible && joint_on {
                Part::ALL
                    .into_iter()
                    .filter(|&part| self.open_for_offer(part))
                    .collect()
            } else {
                Vec::new()
            },
            transparency: responsible && joint_on,
            progress: (hurt || responsible) && joint_on,
            answer: if hurt && joint_on {
                Part::ALL
                    .into_iter()
                    .filter(|&part| self.offers(part) > 0)
                    .collect()
            } else {
                Vec::new()
            },
            ask: hurt && joint_on,
            reply: responsible && joint_on && !self.questions.is_empty(),
            forgive: hurt,
        }
    }

    /// Whether `actor` may take this step now, and what it records if so. Refusals come in a
    /// fixed order: closed, then who, then state, then the safety pause.
    pub fn decide(
        &self,
        actor: PersonId,
        command: Command,
        joint: Joint,
    ) -> Result<Change, Refusal> {
        if matches!(self.status, Status::Closed { .. }) {
            return Err(Refusal::Closed);
        }
        match command {
            Command::Accept => {
                self.by_hurt(actor)?;
                if self.status != Status::Proposed {
                    return Err(Refusal::AlreadyAccepted);
                }
                Ok(Change::Accepted)
            }
            Command::Acknowledge(text) => self.once(
                actor,
                Part::Acknowledgement,
                joint,
                Change::Acknowledged { text },
            ),
            Command::TakeResponsibility(text) => {
                let change = self.once(
                    actor,
                    Part::Responsibility,
                    joint,
                    Change::ResponsibilityTaken { text: text.clone() },
                )?;
                if crate::apology::is_excusing(text.as_str()) {
                    return Err(Refusal::HasBut);
                }
                Ok(change)
            }
            Command::Apologise(text) => {
                let change = self.once(
                    actor,
                    Part::Apology,
                    joint,
                    Change::Apologised { text: text.clone() },
                )?;
                if crate::apology::is_excusing(text.as_str()) {
                    return Err(Refusal::HasBut);
                }
                Ok(change)
            }
            Command::Advance => {
                self.by_hurt(actor)?;
                self.active()?;
                let to = self.phase.next().ok_or(Refusal::LastPhase)?;
                Self::joint(joint)?;
                Ok(Change::Advanced { to })
            }
            Command::Close => {
                self.by_hurt(actor)?;
                Ok(Change::Closed)
            }
            Command::NoteProgress { text, checkin } => {
                if self.role_of(actor).is_none() {
                    return Err(Refusal::OnlyHurt);
                }
                self.active()?;
                Self::joint(joint)?;
                Ok(Change::ProgressNoted { text, checkin })
            }
            Command::Answer {
                part,
                landing,
                word,
            } => {
                self.by_hurt(actor)?;
                self.active()?;
                if self.offers(part) == 0 {
                    return Err(Refusal::NothingToAnswer);
                }
                Self::joint(joint)?;
                Ok(Change::Answered {
                    part,
                    landing,
                    word,
                })
            }
            Command::Ask { question, text } => {
                self.by_hurt(actor)?;
                self.active()?;
                if self.question(question).is_some() {
                    return Err(Refusal::AlreadyDone);
                }
                Self::joint(joint)?;
                Ok(Change::QuestionAsked { question, text })
            }
            Command::Reply { question, text } => {
                self.by_responsible(actor)?;
                self.active()?;
                let asked = self.question(question).ok_or(Refusal::NoSuchQuestion)?;
                if asked.answer().is_some_and(|a| a.text == text) {
                    return Err(Refusal::Unchanged);
                }
                Self::joint(joint)?;
                Ok(Change::QuestionAnswered { question, text })
            }
        }
    }

    /// Where the hurt partner is with forgiveness, and whether they share it: what to append,
    /// in order. Only the hurt partner, at any time (also on a proposed or closed plan), never
    /// paused: it is theirs, not a joint step. Shared, it is a shared change; not shared, a
    /// private note, after a shared "no longer shared" if it was shared until now.
    pub fn decide_forgiveness(
        &self,
        actor: PersonId,
        forgiveness: Forgiveness,
        share: bool,
    ) -> Result<Vec<Forgiving>, Refusal> {
        self.by_hurt(actor)?;
        if share {
            return Ok(vec![Forgiving::Shared(Change::ForgivenessShared {
                forgiveness,
            })]);
        }
        let note = Forgiving::Private(ForgivenessEvent {
            repair: self.id,
            forgiveness,
        });
        if self.forgiveness.is_some_and(|f| f.shared) {
            Ok(vec![Forgiving::Shared(Change::ForgivenessUnshared), note])
        } else {
            Ok(vec![note])
        }
    }

    /// Folds in one of the plan's changes; answers the bonus's start when it is the acceptance.
    fn apply(&mut self, by: PersonId, at: Timestamp, change: &Change) -> Option<Accepted> {
        let said = |text: &RepairText| {
            Some(Said {
                at,
                text: text.clone(),
            })
        };
        let mut accepted = None;
        match change {
            Change::Opened { .. } => return None,
            Change::Accepted => {
                if self.status == Status::Proposed && by == self.hurt {
                    self.status = Status::Active { accepted_at: at };
                    accepted = Some(Accepted {
                        responsible: self.responsible,
                        at,
                    });
                }
            }
            Change::Acknowledged { text } => self.acknowledgement = said(text),
            Change::ResponsibilityTaken { text } => self.responsibility = said(text),
            Change::Apologised { text } => self.apology = said(text),
            Change::Promised { promise } => self.promise = Some(*promise),
            Change::TransparencyCommitted { promise } => self.transparency.push(*promise),
            Change::Advanced { to } => self.phase = *to,
            Change::Closed => self.status = Status::Closed { at },
            Change::ProgressNoted { text, checkin } => {
                self.progress.push((
                    by,
                    Said {
                        at,
                        text: text.clone(),
                    },
                    *checkin,
                ));
            }
            Change::Answered {
                part,
                landing,
                word,
            } => {
                if by != self.hurt {
                    return None;
                }
                self.answers.push(StepAnswer {
                    part: *part,
                    offer: self.offers(*part),
                    at,
                    landing: *landing,
                    word: word.clone(),
                });
            }
            Change::QuestionAsked { question, text } => {
                if by != self.hurt || self.question(*question).is_some() {
                    return None;
                }
                self.questions.push(Question {
                    id: *question,
                    asked: Said {
                        at,
                        text: text.clone(),
                    },
                    answers: Vec::new(),
                });
            }
            Change::QuestionAnswered { question, text } => {
                let responsible = self.responsible;
                let asked = self.questions.iter_mut().find(|q| q.id == *question)?;
                if by != responsible {
                    return None;
                }
                asked.answers.push(Said {
                    at,
                    text: text.clone(),
                });
            }
            // Forgiveness is the hurt partner's own: it stands apart from the plan's history.
            Change::ForgivenessShared { forgiveness } => {
                if by == self.hurt {
                    self.forgiveness = Some(ForgivenessNow {
                        forgiveness: *forgiveness,
                        at,
                        shared: true,
                    });
                }
                return None;
            }
            Change::ForgivenessUnshared => {
                if by == self.hurt {
                    self.forgiveness = None;
                }
                return None;
            }
        }
        self.history.push(Step {
            by,
            at,
            change: change.clone(),
        });
        accepted
    }
}

/// The dated promise (`transparency` false) or a transparency commitment (true): what the plan
/// records and the `promise.made` change, for one append. The dated promise is made once and
/// needs a due time; both are made by the responsible partner to the hurt one.
#[allow(clippy::too_many_arguments)]
pub fn decide_promise(
    plan: &RepairPlan,
    actor: PersonId,
    promise: PromiseId,
    terms: Terms,
    domain: Option<TrustDomain>,
    transparency: bool,
    joint: Joint,
    now: Timestamp,
) -> Result<(Change, promise::Change), Refusal> {
    if matches!(plan.status, Status::Closed { .. }) {
        return Err(Refusal::Closed);
    }
    plan.by_responsible(actor)?;
    plan.active()?;
    if !transparency && !plan.open_for_offer(Part::Promise) {
        return Err(Refusal::AlreadyDone);
    }
    RepairPlan::joint(joint)?;
    if !transparency && terms.due.is_none() {
        return Err(Refusal::NeedsDue);
    }
    let made = promise::decide_make(actor, Some(plan.hurt), terms, domain, None, now)
        .map_err(Refusal::Promise)?;
    let change = if transparency {
        Change::TransparencyCommitted { promise }
    } else {
        Change::Promised { promise }
    };
    Ok((change, made))
}

/// Every repair plan the viewer may see, oldest first.
#[derive(Clone, Debug, Default)]
pub struct RepairBook {
    plans: Vec<RepairPlan>,
    index: BTreeMap<RepairId, usize>,
}

impl RepairBook {
    /// Folds in a plan's event; answers the bonus's start when it is an acceptance (an opening
    /// by the hurt partner is one too).
    pub fn apply(&mut self, by: PersonId, at: Timestamp, event: &RepairEvent) -> Option<Accepted> {
        if let Some(&i) = self.index.get(&event.repair) {
            return self.plans.get_mut(i)?.apply(by, at, &event.change);
        }
        let plan = RepairPlan::start(event.repair, by, at, &event.change)?;
        let accepted = match plan.status {
            Status::Active { accepted_at } => Some(Accepted {
                responsible: plan.responsible,
                at: accepted_at,
            }),
            _ => None,
        };
        self.index.insert(plan.id, self.plans.len());
        self.plans.push(plan);
        accepted
    }

    pub fn get(&self, id: RepairId) -> Option<&RepairPlan> {
        self.index.get(&id).and_then(|&i| self.plans.get(i))
    }

    /// The plans between two people, oldest first.
    pub fn between(&self, one: PersonId, other: PersonId) -> impl Iterator<Item = &RepairPlan> {
        self.plans.iter().filter(move |p| p.is_between(one, other))
    }

    /// Folds in the hurt partner's private note about forgiveness. The ledger passes only
    /// events the viewer may see, so only the author's own fold ever gets one.
    pub fn note_forgiveness(&mut self, author: PersonId, at: Timestamp, note: &ForgivenessEvent) {
        let Some(plan) = self
            .index
            .get(&note.repair)
            .and_then(|&i| self.plans.get_mut(i))
        else {
            return;
        };
        if plan.hurt == author {
            plan.forgiveness = Some(ForgivenessNow {
                forgiveness: note.forgiveness,
                at,
                shared: false,
            });
        }
    }

    /// The questions still waiting for an answer in the plans between two people, oldest plan
    /// first: what the weekly check-in lists for both.
    pub fn unanswered_between(
        &self,
        one: PersonId,
        other: PersonId,
    ) -> impl Iterator<Item = (&RepairPlan, &Question)> {
        self.between(one, other)
            .flat_map(|plan| plan.unanswered().map(move |q| (plan, q)))
    }
}
