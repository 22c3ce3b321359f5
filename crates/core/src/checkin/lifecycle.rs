//! One check-in's lifecycle as one viewer's events make it, and who may do what.
//!
//! ```text
//! started (either partner; one open at a time)
//!   ├─ draft … draft (each partner, private; also during a break, so nothing typed is lost)
//!   ├─ submit (each partner once; not during a break) → private answers + shared marker
//!   │     the second submission also reveals both partners' answers (shared, without
//!   │     "how did that go for me")
//!   ├─ break (either partner, 20 minutes) ─ ends by itself, or early by the partner who called it
//!   └─ complete when every participant has submitted
//! ```

use std::time::Duration;

use thiserror::Error;

use super::answers::{Answers, Missing, Patch, Step};
use super::change::{Change, CheckinEvent, Decided};
use crate::id::{CheckinId, PersonId};
use crate::time::Timestamp;

/// How long a break lasts: long enough for a flooded body to calm down (Gottman's advice for a
/// flooding break is at least twenty minutes).
pub const BREAK_LENGTH: Duration = Duration::from_secs(20 * 60);

/// Why a step was refused. Nothing is recorded when one is.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("a check-in is already open")]
    AlreadyOpen(CheckinId),
    #[error("this check-in is between other people")]
    NotParticipant,
    #[error("this check-in was with a former partner")]
    Lapsed,
    #[error("you have already submitted your answers")]
    AlreadySubmitted,
    #[error("this check-in is complete")]
    Completed,
    #[error("a break is running")]
    OnBreak,
    #[error("no break is running")]
    NoBreak,
    #[error("only the partner who asked for the break can end it early")]
    NotYourBreak,
    #[error("your answers are not complete: {0}")]
    Incomplete(Missing),
}

/// One partner's side of a check-in, as far as the viewer may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub person: PersonId,
    /// The latest draft and the step it reached; the viewer's own only.
    pub draft: Option<(Answers, Step)>,
    /// The submitted answers with "how did that go"; the viewer's own only.
    pub answers: Option<Answers>,
    /// When the marker said this partner finished.
    pub submitted_at: Option<Timestamp>,
    /// What the partner sees once both finished.
    pub revealed: Option<Answers>,
}

impl Side {
    fn new(person: PersonId) -> Self {
        Self {
            person,
            draft: None,
            answers: None,
            submitted_at: None,
            revealed: None,
        }
    }
}

/// A running break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Break {
    pub by: PersonId,
    pub until: Timestamp,
}

impl Break {
    /// Whole minutes left at `now`, rounded up: "1" until the very end, never "0" while it runs.
    pub fn minutes_left(&self, now: Timestamp) -> u64 {
        let left = self.until.saturating_duration_since(now).as_secs();
        left.div_ceil(60)
    }
}

/// Where a check-in stands for the person looking, whatever the time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// The person still has answers to give.
    Open,
    /// The person has submitted; the partner has not.
    Waiting,
    /// Every participant has submitted.
    Complete,
    /// Not complete, and with a former partner: it can go on no more.
    Lapsed,
}

impl Standing {
    pub const fn as_str(self) -> &'static str {
        match self {
            Standing::Open => "open",
            Standing::Waiting => "waiting",
            Standing::Complete => "complete",
            Standing::Lapsed => "lapsed",
        }
    }
}

/// What the person meets on a check-in now: its standing, with a running break in front of
/// anything still going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Giving their answers, step by step.
    Answering,
    /// A break runs, for both partners.
    Break,
    /// Submitted; the partner has not yet.
    Waiting,
    /// Every participant has submitted: the answers are open to both.
    Results,
    /// With a former partner and not complete: there only to read.
    Lapsed,
}

/// A step on a check-in by its kind alone: what a page offers a button for. The answers a draft
/// carries are checked when it is saved, and a submission's completeness when it is submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckinStep {
    /// Save answers as the person's private draft.
    SaveDraft,
    Submit,
    CallBreak,
    /// End the running break early.
    EndBreak,
}

impl CheckinStep {
    pub const ALL: [CheckinStep; 4] = [
        CheckinStep::SaveDraft,
        CheckinStep::Submit,
        CheckinStep::CallBreak,
        CheckinStep::EndBreak,
    ];
}

/// A check-in as the viewer's events made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkin {
    pub id: CheckinId,
    pub started_by: PersonId,
    pub started_at: Timestamp,
    /// The starter first, then the partner if there was one.
    pub sides: Vec<Side>,
    pub pause: Option<Break>,
}

impl Checkin {
    /// The check-in a `checkin.started` event starts; any other change starts nothing.
    pub fn start(id: CheckinId, by: PersonId, at: Timestamp, change: &Change) -> Option<Self> {
        let Change::Started { partner } = change else {
            return None;
        };
        let mut sides = vec![Side::new(by)];
        if let Some(partner) = partner.filter(|p| *p != by) {
            sides.push(Side::new(partner));
        }
        Some(Self {
            id,
            started_by: by,
            started_at: at,
            sides,
            pause: None,
        })
    }

    pub fn side(&self, person: PersonId) -> Option<&Side> {
        self.sides.iter().find(|s| s.person == person)
    }

    fn side_mut(&mut self, person: PersonId) -> Option<&mut Side> {
        self.sides.iter_mut().find(|s| s.person == person)
    }

    pub fn is_participant(&self, person: PersonId) -> bool {
        self.side(person).is_some()
    }

    /// The other participant, for `person`.
    pub fn other(&self, person: PersonId) -> Option<PersonId> {
        self.sides.iter().map(|s| s.person).find(|p| *p != person)
    }

    /// Every participant has submitted.
    pub fn is_complete(&self) -> bool {
        self.sides.iter().all(|s| s.submitted_at.is_some())
    }

    /// When the last participant submitted.
    pub fn completed_at(&self) -> Option<Timestamp> {
        if !self.is_complete() {
            return None;
        }
        self.sides.iter().filter_map(|s| s.submitted_at).max()
    }

    /// Whether the check-in was with the person's current pairing: the same partner, or alone
    /// both then and now. One with a former partner can neither go on nor block a new one.
    pub fn is_current_for(&self, person: PersonId, partner: Option<PersonId>) -> bool {
        self.is_participant(person) && self.other(person) == partner
    }

    /// Open for `person` with their current `partner`: not complete, and with them.
    pub fn is_open_for(&self, person: PersonId, partner: Option<PersonId>) -> bool {
        !self.is_complete() && self.is_current_for(person, partner)
    }

    /// The break running at `now`, if any.
    pub fn break_at(&self, now: Timestamp) -> Option<Break> {
        self.pause.filter(|b| now < b.until)
    }

    /// The step to show `person`: where their draft stopped, or the first.
    pub fn step_of(&self, person: PersonId) -> Step {
        self.side(person)
            .and_then(|s| s.draft.as_ref())
            .map_or(Step::default(), |(_, step)| *step)
    }

    /// The person's answers so far: their draft, or nothing yet.
    pub fn draft_of(&self, person: PersonId) -> Answers {
        self.side(person)
            .and_then(|s| s.draft.as_ref())
            .map(|(answers, _)| answers.clone())
            .unwrap_or_default()
    }

    /// Where the check-in stands for `person`, whose current partner is `partner`.
    pub fn standing(&self, person: PersonId, partner: Option<PersonId>) -> Standing {
        if self.is_complete() {
            Standing::Complete
        } else if !self.is_current_for(person, partner) {
            Standing::Lapsed
        } else if self.side(person).is_some_and(|s| s.submitted_at.is_some()) {
            Standing::Waiting
        } else {
            Standing::Open
        }
    }

    /// What `person` meets on the check-in at `now`.
    pub fn stage_for(&self, person: PersonId, partner: Option<PersonId>, now: Timestamp) -> Stage {
        match self.standing(person, partner) {
            Standing::Complete => Stage::Results,
            Standing::Lapsed => Stage::Lapsed,
            _ if self.break_at(now).is_some() => Stage::Break,
            Standing::Waiting => Stage::Waiting,
            Standing::Open => Stage::Answering,
        }
    }

    /// Which steps `person` may take at `now`, in the order a page offers them. What the steps
    /// carry is checked when they are taken (`decide_*`); this answers who and when.
    pub fn steps(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        now: Timestamp,
    ) -> Vec<CheckinStep> {
        CheckinStep::ALL
            .into_iter()
            .filter(|&step| self.may_take(person, partner, step, now).is_ok())
            .collect()
    }

    /// Whether `person` may take a step of this kind at `now`, and why not.
    pub fn may_take(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        step: CheckinStep,
        now: Timestamp,
    ) -> Result<(), Refusal> {
        match step {
            // Allowed during a break: saving never loses what was typed.
            CheckinStep::SaveDraft => self.writable_by(person, partner).map(|_| ()),
            CheckinStep::Submit => {
                self.writable_by(person, partner)?;
                if self.break_at(now).is_some() {
                    return Err(Refusal::OnBreak);
                }
                Ok(())
            }
            CheckinStep::CallBreak => {
                self.open_to(person, partner)?;
                if self.break_at(now).is_some() {
                    return Err(Refusal::OnBreak);
                }
                Ok(())
            }
            // Only the partner who asked for it: a break is for the one who needed it, and the
            // other cannot cut it short.
            CheckinStep::EndBreak => {
                self.open_to(person, partner)?;
                match self.break_at(now) {
                    None => Err(Refusal::NoBreak),
                    Some(pause) if pause.by != person => Err(Refusal::NotYourBreak),
                    Some(_) => Ok(()),
                }
            }
        }
    }

    /// Checks that `person` may still write answers in this check-in.
    fn writable_by(&self, person: PersonId, partner: Option<PersonId>) -> Result<&Side, Refusal> {
        let side = self.side(person).ok_or(Refusal::NotParticipant)?;
        if self.is_complete() {
            return Err(Refusal::Completed);
        }
        if side.submitted_at.is_some() {
            return Err(Refusal::AlreadySubmitted);
        }
        if !self.is_current_for(person, partner) {
            return Err(Refusal::Lapsed);
        }
        Ok(side)
    }

    /// Saves part of `person`'s answers. Allowed during a break: saving never loses what was
    /// typed, and the break page is what the person sees.
    pub fn decide_draft(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        patch: &Patch,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_take(person, partner, CheckinStep::SaveDraft, now)?;
        let current = self.draft_of(person);
        let step = patch.step.unwrap_or_else(|| self.step_of(person));
        Ok(Change::Draft {
            answers: current.merged(patch),
            step,
        })
    }

    /// Whose private answers the edge must read before `person` can submit: the other
    /// participant's, once they have submitted, since this submission reveals both.
    pub fn reveal_needs(&self, person: PersonId) -> Option<PersonId> {
        self.sides
            .iter()
            .find(|s| s.person != person && s.submitted_at.is_some())
            .map(|s| s.person)
    }

    /// Submits `person`'s draft. When the other participant has already submitted, their
    /// `partner_answers` (read by the edge from their own ledger) are revealed together with
    /// this person's; a submission that needs them and lacks them is refused as not ready, so
    /// it is decided again.
    pub fn decide_submit(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        partner_answers: Option<&Answers>,
        now: Timestamp,
    ) -> Result<Submission, Refusal> {
        self.may_take(person, partner, CheckinStep::Submit, now)?;
        let answers = self.draft_of(person);
        if let Some(missing) = answers.missing() {
            return Err(Refusal::Incomplete(missing));
        }
        let event = |author, change| Decided {
            author,
            event: CheckinEvent {
                checkin: self.id,
                change,
            },
        };
        let mut events = vec![
            event(
                person,
                Change::Answers {
                    answers: answers.clone(),
                },
            ),
            event(person, Change::Submitted),
        ];
        if let Some(other) = self.reveal_needs(person) {
            let Some(theirs) = partner_answers else {
                return Ok(Submission::NeedsAnswersOf(other));
            };
            events.push(event(
                other,
                Change::Revealed {
                    answers: theirs.shared(),
                },
            ));
            events.push(event(
                person,
                Change::Revealed {
                    answers: answers.shared(),
                },
            ));
        }
        Ok(Submission::Events(events))
    }

    /// Calls a 20-minute break, from `now`.
    pub fn decide_break(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_take(person, partner, CheckinStep::CallBreak, now)?;
        Ok(Change::Break {
            until: now.saturating_add(BREAK_LENGTH),
        })
    }

    /// Ends a running break early; only the partner who asked for it may.
    pub fn decide_end_break(
        &self,
        person: PersonId,
        partner: Option<PersonId>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        self.may_take(person, partner, CheckinStep::EndBreak, now)?;
        Ok(Change::BreakEnded)
    }

    /// A participant, in the current pairing, of a check-in still going.
    fn open_to(&self, person: PersonId, partner: Option<PersonId>) -> Result<(), Refusal> {
        if !self.is_participant(person) {
            return Err(Refusal::NotParticipant);
        }
        if self.is_complete() {
            return Err(Refusal::Completed);
        }
        if !self.is_current_for(person, partner) {
            return Err(Refusal::Lapsed);
        }
        Ok(())
    }

    /// Folds in one event. Events by someone who is not a participant, or that make no sense in
    /// the current state, change nothing. A reveal counts only once every participant's marker
    /// is in: the log writes them in that order, and the fold holds to it too.
    pub fn apply(&mut self, by: PersonId, at: Timestamp, change: &Change) {
        let complete = self.is_complete();
        match change {
            Change::Started { .. } => {}
            Change::Draft { answers, step } => {
                if let Some(side) = self.side_mut(by).filter(|s| s.submitted_at.is_none()) {
                    side.draft = Some((answers.clone(), *step));
                }
            }
            Change::Answers { answers } => {
                if let Some(side) = self.side_mut(by).filter(|s| s.answers.is_none()) {
                    side.answers = Some(answers.clone());
                }
            }
            Change::Submitted => {
                if let Some(side) = self.side_mut(by).filter(|s| s.submitted_at.is_none()) {
                    side.submitted_at = Some(at);
                    side.draft = None;
                }
            }
            Change::Revealed { answers } => {
                if complete && let Some(side) = self.side_mut(by) {
                    side.revealed = Some(answers.shared());
                }
            }
            Change::Break { until } => {
                if !complete && self.is_participant(by) {
                    self.pause = Some(Break { by, until: *until });
                }
            }
            Change::BreakEnded => {
                if self.is_participant(by) {
                    self.pause = None;
                }
            }
        }
    }
}

/// What a submission decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submission {
    /// Append these, in order.
    Events(Vec<Decided>),
    /// The other participant has submitted: read their answers and decide again.
    NeedsAnswersOf(PersonId),
}

/// Decides whether `person` may start a check-in now. One is open at a time per pairing.
pub fn decide_start<'a>(
    person: PersonId,
    partner: Option<PersonId>,
    checkins: impl IntoIterator<Item = &'a Checkin>,
) -> Result<Change, Refusal> {
    if let Some(open) = checkins
        .into_iter()
        .find(|c| c.is_open_for(person, partner))
    {
        return Err(Refusal::AlreadyOpen(open.id));
    }
    Ok(Change::Started { partner })
}
