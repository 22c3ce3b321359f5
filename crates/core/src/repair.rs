//! Repair plans: what a couple works through after a breach or a betrayal (docs/PRINCIPLES.md, The domain:
//! Repair plan). The phases are Atone → Attune → Attach, after Gottman & Gottman's model of
//! recovery from an affair, which builds on Shirley Glass's work; the steps and words here are
//! our own.
//!
//! - **Opening.** The hurt partner opens a plan (accepted at once), or the partner who did the
//!   harm proposes one and the hurt partner accepts it. It may name the broken promise or the
//!   boundary crossing it answers.
//! - **Accountability**, by the partner who did the harm: acknowledge what happened, take
//!   responsibility with no "but", apologise, one dated promise and plan (a real promise, made in
//!   the same append), transparency commitments (each a promise), and a progress note at each
//!   weekly check-in (by either partner, naming the check-in open at the time).
//! - **Only the hurt partner** advances a phase or closes the plan (docs/PRINCIPLES.md, principle 3).
//! - **The repair bonus.** Acceptance is the moment the reliability record counts the
//!   responsible partner's kept promises more, for a while ([`crate::record::RecordBook::
//!   note_repair_accepted`]); the ledger passes [`Accepted`] on.
//! - **The private log** of triggers and feelings ([`LogEntry`]) is private events of its author:
//!   the partner sees no trace of it.
//! - **The safety check** ([`safety`]) gates the joint steps.
//! - **"This landed" / "not yet"**: the hurt partner answers each accountability step; "not yet"
//!   keeps it open, so the other may try again, and says what would help if the hurt partner
//!   wrote it ([`crate::landing`]).
//! - **Questions** in Atone and after: the hurt partner asks, the other answers; an answer is
//!   never changed silently ([`plan`]'s note on edits).
//! - **Forgiveness** ([`forgiveness`]) belongs to the hurt partner alone, private unless shared,
//!   never asked for and never required.
//!
//! # Threat model: the controlling partner holding the unlocked phone
//!
//! Design for the loving couple and for the partner who controls, checks the other's phone and
//! punishes what they find (docs/PRINCIPLES.md, principle 1). What such a partner can learn here:
//!
//! - **Their own view**, on their own device: every shared repair step (they are part of it), and
//!   one bit, "joint steps are paused", the same bit for both partners. It never says why
//!   (nobody has answered yet, an answer was worrying, or someone paused without a reason), who,
//!   or since when; no shared event is written when it changes, so their export and their feed
//!   carry no time of it either. A change takes effect only at the space's next start of a day
//!   and holds for at least a day, so it cannot be matched to the moment the other was on the
//!   safety page, nor flicked on and off as a signal.
//! - **The other's unlocked phone**: the page shows the same neutral pause as their own. The
//!   safety form is always blank (it never shows the last answer, nor whether its owner paused),
//!   and help is offered to both partners alike while joint steps are paused, so a visit to the
//!   page does not betray the answer. The private log is on that phone: we cannot hide what a
//!   person wrote from whoever holds their signed-in session. The quick exit and the help page's
//!   privacy are the defence there, and the log never shows anywhere else.
//! - **Inference** cannot be ruled out in a pair: a partner who did not pause and still sees a
//!   pause knows the other did. We keep that to one bit with no cause and no moment.
//!
//! The pause itself is a **system view** ([`safety::SafetyWatch`]): the one place a fold reads
//! an event its viewer may not see, the private safety acts, and keeps per author only when each
//! takes effect and whether it holds joint work back. Every viewer's fold derives the same
//! [`safety::Joint`] from it. The person whose act holds it lifts it, and only they: by answering
//! calmly again or saying they are ready to go on.

mod change;
pub mod forgiveness;
mod log;
mod plan;
pub mod safety;

pub use change::{Change, Link, LogEvent, Part, RepairEvent};
pub use forgiveness::{Forgiveness, ForgivenessEvent, ForgivenessNow, Forgiving};
pub use log::{Intensity, LogBook, LogEntry};
pub use plan::{
    Accepted, Command, LinkedCrossing, Moves, Phase, Question, RepairBook, RepairPlan, RepairText,
    Role, Said, Status, Step, StepAnswer, decide_open, decide_promise,
};
pub use safety::{Joint, SafetyAct, SafetyAnswer, SafetyEvent, SafetyView, SafetyWatch};

use thiserror::Error;

/// Why a repair step was refused. Nothing is recorded when one is.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("a repair plan is between partners: invite yours first")]
    NoPartner,
    #[error("only the hurt partner can do that")]
    OnlyHurt,
    #[error("only the partner who did the harm can do that")]
    OnlyResponsible,
    #[error("this repair plan is closed")]
    Closed,
    #[error("this repair plan waits for the hurt partner to accept it")]
    NotAccepted,
    #[error("this repair plan is accepted already")]
    AlreadyAccepted,
    #[error("this step is done already")]
    AlreadyDone,
    #[error("this repair plan is in its last phase")]
    LastPhase,
    #[error("joint repair steps are paused for now")]
    Paused,
    #[error("that is not a broken promise from the partner who did the harm")]
    LinkInvalid,
    #[error("taking responsibility has no \"but\"")]
    HasBut,
    #[error("the promise of a repair plan needs a due date")]
    NeedsDue,
    #[error("the promise was refused: {0}")]
    Promise(crate::promise::Refusal),
    #[error("there is nothing to answer yet")]
    NothingToAnswer,
    #[error("no such question in this plan")]
    NoSuchQuestion,
    #[error("that answer says the same as before")]
    Unchanged,
}
