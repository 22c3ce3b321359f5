//! Repair plans, the private log and the safety check: open the space's ledger, decide, append,
//! and what each refusal tells the person. The rules, and the threat model, are in
//! `steadfast_core::repair`; this is the order of the steps.
//!
//! The dated promise and each transparency commitment are real promises: the plan's event and
//! the `promise.made` are decided together and written in one append.

use steadfast_core::id::QuestionId;
use steadfast_core::landing::LandingWord;
use steadfast_core::promise::{PromiseEvent, ScaleError, Stakes, Terms};
use steadfast_core::repair::{
    Command, Forgiveness, Forgiving, Intensity, Joint, Link, LinkedCrossing, LogEvent, Question,
    Refusal, RepairEvent, RepairPlan, RepairText, Role, SafetyAct, SafetyView, decide_open,
    decide_promise,
};
use steadfast_core::text::TextError;
use steadfast_core::{CrossingId, PersonId, PromiseId, SpaceId, Timestamp, id::RepairId};

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why a repair operation did not happen.
#[derive(Debug)]
pub enum RepairError {
    /// Not a current member, no such space, or no such plan between the partners.
    NotFound,
    Refused(Refusal),
    Invalid(Invalid),
    Failed(Failure),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Text(TextError),
    PromiseText(TextError),
    Stakes(ScaleError),
    Intensity(ScaleError),
    Time,
    Link,
    /// The word that goes with "this landed" or "not yet".
    Word(TextError),
    /// A choice that is not one of the form's (a step, an answer, a forgiveness state).
    Choice,
}

crate::failed_underneath!(RepairError);

impl Explain for RepairError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            RepairError::NotFound => Refused::not_found(),
            RepairError::Refused(refusal) => {
                let words = match refusal {
                    Refusal::Promise(_) => Words::key("repair-refused-promise"),
                    other => Words::key(format!("repair-refused-{}", refusal_code(*other))),
                };
                Refused::new(refusal_code(*refusal), refusal_kind(*refusal), words)
            }
            RepairError::Invalid(invalid) => {
                Refused::new(invalid.code(), Kind::Invalid, invalid.words())
            }
            RepairError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// Whose mistake a refusal is: a step that is the other partner's, something in what was sent
/// (an excusing but, a missing or too early due time, a link that does not fit, nothing
/// changed), or a step that does not fit where the plan stands.
fn refusal_kind(refusal: Refusal) -> Kind {
    match refusal {
        Refusal::OnlyHurt | Refusal::OnlyResponsible => Kind::NotYours,
        Refusal::HasBut
        | Refusal::NeedsDue
        | Refusal::LinkInvalid
        | Refusal::Unchanged
        | Refusal::Promise(steadfast_core::promise::Refusal::DueTooEarly) => Kind::Invalid,
        _ => Kind::NotNow,
    }
}

impl Invalid {
    fn code(self) -> &'static str {
        match self {
            Invalid::Text(_) => "text_invalid",
            Invalid::PromiseText(_) => "promise_text_invalid",
            Invalid::Stakes(_) => "stakes_invalid",
            Invalid::Intensity(_) => "intensity_invalid",
            Invalid::Time => "time_invalid",
            Invalid::Link => "link_invalid",
            Invalid::Word(_) => "word_invalid",
            Invalid::Choice => "choice_invalid",
        }
    }

    fn words(self) -> Words {
        match self {
            Invalid::Text(error) | Invalid::PromiseText(error) => Words::text("repair-text", error),
            Invalid::Stakes(error) | Invalid::Intensity(error) => Words::scale("repair", error),
            Invalid::Time => Words::key("time-unreadable"),
            Invalid::Link => Words::key("repair-refused-link_invalid"),
            Invalid::Word(TextError::TooLong { max }) => {
                Words::key("repair-word-too-long").with("max", max)
            }
            Invalid::Word(error) => Words::text("repair-text", error),
            Invalid::Choice => Words::key("repair-choice-invalid"),
        }
    }
}

impl RepairError {
    /// Which form field a mistake belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            RepairError::Invalid(Invalid::PromiseText(_)) => "promise_text",
            RepairError::Invalid(Invalid::Stakes(_)) => "stakes",
            RepairError::Invalid(Invalid::Time) | RepairError::Refused(Refusal::NeedsDue) => "due",
            RepairError::Invalid(Invalid::Intensity(_)) => "intensity",
            RepairError::Invalid(Invalid::Link) | RepairError::Refused(Refusal::LinkInvalid) => {
                "link"
            }
            RepairError::Invalid(Invalid::Word(_)) => "word",
            RepairError::Invalid(Invalid::Choice) => "choice",
            _ => "text",
        }
    }
}

fn refusal_code(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::NoPartner => "no_partner",
        Refusal::OnlyHurt => "only_hurt",
        Refusal::OnlyResponsible => "only_responsible",
        Refusal::Closed => "closed",
        Refusal::NotAccepted => "not_accepted",
        Refusal::AlreadyAccepted => "already_accepted",
        Refusal::AlreadyDone => "already_done",
        Refusal::LastPhase => "last_phase",
        Refusal::Paused => "paused",
        Refusal::LinkInvalid => "link_invalid",
        Refusal::HasBut => "has_but",
        Refusal::NeedsDue => "needs_due",
        Refusal::Promise(steadfast_core::promise::Refusal::DueTooEarly) => "due_too_early",
        Refusal::Promise(_) => "promise_refused",
        Refusal::NothingToAnswer => "nothing_to_answer",
        Refusal::NoSuchQuestion => "no_such_question",
        Refusal::Unchanged => "unchanged",
    }
}

/// A refusal as the edge reports it: a question not in the plan is not found, like a plan.
fn refused(refusal: Refusal) -> RepairError {
    match refusal {
        Refusal::NoSuchQuestion => RepairError::NotFound,
        other => RepairError::Refused(other),
    }
}

/// The optional word with "this landed" or "not yet"; blank is none.
pub fn parse_word(text: &str) -> Result<Option<LandingWord>, RepairError> {
    LandingWord::parse_optional(text).map_err(|e| RepairError::Invalid(Invalid::Word(e)))
}

pub fn parse_question(text: &str) -> Result<QuestionId, RepairError> {
    text.trim().parse().map_err(|_| RepairError::NotFound)
}

pub fn parse_text(text: &str) -> Result<RepairText, RepairError> {
    RepairText::parse(text).map_err(|e| RepairError::Invalid(Invalid::Text(e)))
}

pub fn parse_id(text: &str) -> Result<RepairId, RepairError> {
    text.parse().map_err(|_| RepairError::NotFound)
}

pub fn parse_intensity(value: Option<i64>) -> Result<Option<Intensity>, RepairError> {
    value
        .map(|v| Intensity::from_i64(v).map_err(|e| RepairError::Invalid(Invalid::Intensity(e))))
        .transpose()
}

/// The space's ledger for one of its current members.
pub async fn open(app: &App, person: PersonId, space: SpaceId) -> Result<Opened, RepairError> {
    open_for(app, person, space, RepairError::NotFound).await
}

/// A plan between the person and their current partner; any other is not found.
pub fn plan(opened: &Opened, id: RepairId) -> Result<&RepairPlan, RepairError> {
    plan_between(opened, id, opened.partner)
}

/// A plan between the person and their partner, current or former, to read: a former
/// partner's stays the person's, read-only.
pub fn plan_to_read(opened: &Opened, id: RepairId) -> Result<&RepairPlan, RepairError> {
    plan_between(opened, id, opened.with())
}

fn plan_between(
    opened: &Opened,
    id: RepairId,
    with: Option<PersonId>,
) -> Result<&RepairPlan, RepairError> {
    let with = with.ok_or(RepairError::NotFound)?;
    opened
        .ledger()
        .repairs
        .get(id)
        .filter(|p| p.is_between(opened.person, with))
        .ok_or(RepairError::NotFound)
}

/// The plans between the person and their partner, newest first: the current partner, or the
/// one who left while the person stayed (read-only).
pub fn plans(opened: &Opened) -> Vec<&RepairPlan> {
    match opened.with() {
        Some(partner) => {
            let mut plans: Vec<_> = opened
                .ledger()
                .repairs
                .between(opened.person, partner)
                .collect();
            plans.reverse();
            plans
        }
        None => Vec::new(),
    }
}

/// The safety check as the person may see it.
pub fn safety(opened: &Opened, now: Timestamp) -> SafetyView {
    opened.ledger().safety(opened.members(), now)
}

fn joint(opened: &Opened, now: Timestamp) -> Joint {
    safety(opened, now).joint
}

/// The crossing `id` names, on a boundary between the person and their current partner.
fn linked_crossing(opened: &Opened, id: CrossingId) -> Option<LinkedCrossing> {
    let partner = opened.partner?;
    opened
        .ledger()
        .boundaries
        .between(opened.person, partner)
        .find_map(|boundary| {
            boundary
                .crossings
                .iter()
                .find(|c| c.id == id)
                .map(|c| LinkedCrossing {
                    crossed_by: c.crossed_by,
                    owner: boundary.owner,
                })
        })
}

/// Opens a plan (`hurt` = [`Role::Hurt`]: the person was hurt) or proposes one to the partner.
pub async fn open_plan(
    app: &App,
    person: PersonId,
    space: SpaceId,
    hurt: Role,
    link: Option<Link>,
) -> Result<RepairId, RepairError> {
    let mut opened = open(app, person, space).await?;
    let id = RepairId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let linked = match link {
                Some(Link::Promise { promise }) => opened.promise(promise).ok(),
                _ => None,
            };
            let crossing = match link {
                Some(Link::Crossing { crossing }) => linked_crossing(opened, crossing),
                _ => None,
            };
            let change = decide_open(person, opened.partner, hurt, link, linked, crossing)
                .map_err(RepairError::Refused)?;
            Ok::<_, RepairError>(vec![RepairEvent { repair: id, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await?;
    Ok(id)
}

/// Takes one step on a plan between the person and their partner.
pub async fn act(
    app: &App,
    person: PersonId,
    space: SpaceId,
    repair: RepairId,
    command: Command,
) -> Result<(), RepairError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            // A progress note names the check-in open at the time, if there is one.
            let command = match command.clone() {
                Command::NoteProgress { text, .. } => Command::NoteProgress {
                    text,
                    checkin: opened
                        .ledger()
                        .checkins
                        .open_for(person, opened.partner)
                        .map(|c| c.id),
                },
                other => other,
            };
            let change = plan(opened, repair)?
                .decide(person, command, joint(opened, now))
                .map_err(refused)?;
            Ok(vec![RepairEvent { repair, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await
}

/// Asks a question in a plan; answers its id.
pub async fn ask(
    app: &App,
    person: PersonId,
    space: SpaceId,
    repair: RepairId,
    text: RepairText,
) -> Result<QuestionId, RepairError> {
    let question = QuestionId::from_uuid(uuid::Uuid::new_v4());
    act(app, person, space, repair, Command::Ask { question, text }).await?;
    Ok(question)
}

/// Notes where the hurt partner is with forgiveness, shared or private, as core decides it.
pub async fn forgive(
    app: &App,
    person: PersonId,
    space: SpaceId,
    repair: RepairId,
    forgiveness: Forgiveness,
    share: bool,
) -> Result<(), RepairError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            let writes = plan(opened, repair)?
                .decide_forgiveness(person, forgiveness, share)
                .map_err(refused)?;
            Ok::<_, RepairError>(
                writes
                    .into_iter()
                    .map(|write| match write {
                        Forgiving::Shared(change) => {
                            RepairEvent { repair, change }.into_event(new_event_id(), person, now)
                        }
                        Forgiving::Private(note) => note.into_event(new_event_id(), person, now),
                    })
                    .collect(),
            )
        })
        .await
}

/// The questions waiting for an answer in the plans between the person and their partner:
/// what the weekly check-in shows both.
pub fn waiting_questions(opened: &Opened) -> Vec<(&RepairPlan, &Question)> {
    match opened.partner {
        Some(partner) => opened
            .ledger()
            .repairs
            .unanswered_between(opened.person, partner)
            .collect(),
        None => Vec::new(),
    }
}

/// What the person typed for a promise of the plan.
#[derive(Debug, Default, Clone)]
pub struct PlanPromise {
    pub text: String,
    pub stakes: u8,
    pub due: Option<Timestamp>,
}

/// The dated promise (`transparency` false) or a transparency commitment: the plan's step and
/// the promise itself, in one append. Answers the promise's id.
pub async fn promise(
    app: &App,
    person: PersonId,
    space: SpaceId,
    repair: RepairId,
    input: PlanPromise,
    transparency: bool,
) -> Result<PromiseId, RepairError> {
    let terms = Terms {
        text: steadfast_core::promise::PromiseText::parse(&input.text)
            .map_err(|e| RepairError::Invalid(Invalid::PromiseText(e)))?,
        stakes: Stakes::new(input.stakes).map_err(|e| RepairError::Invalid(Invalid::Stakes(e)))?,
        due: input.due,
    };
    let mut opened = open(app, person, space).await?;
    let id = PromiseId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let (change, made) = decide_promise(
                plan(opened, repair)?,
                person,
                id,
                terms.clone(),
                None,
                transparency,
                joint(opened, now),
                now,
            )
            .map_err(RepairError::Refused)?;
            Ok::<_, RepairError>(vec![
                PromiseEvent {
                    promise: id,
                    change: made,
                }
                .into_event(new_event_id(), person, now),
                RepairEvent { repair, change }.into_event(new_event_id(), person, now),
            ])
        })
        .await?;
    Ok(id)
}

/// Writes an entry in the person's private log. Any current member keeps one; it is never seen
/// by anyone else.
pub async fn write_log(
    app: &App,
    person: PersonId,
    space: SpaceId,
    text: RepairText,
    intensity: Option<Intensity>,
) -> Result<(), RepairError> {
    let entry = LogEvent { text, intensity };
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |_, now| {
            Ok::<_, RepairError>(vec![entry.clone().into_event(new_event_id(), person, now)])
        })
        .await
}

/// The safety check after an act of the person's own, and when that act takes effect.
pub struct SafetyActed {
    pub view: SafetyView,
    pub takes_effect: Timestamp,
}

/// Records the person's answer to the safety check, their pause or their "ready to go on": one
/// private event, whose newest act counts from when core says it takes effect.
pub async fn act_on_safety(
    app: &App,
    person: PersonId,
    space: SpaceId,
    act: SafetyAct,
) -> Result<SafetyActed, RepairError> {
    let mut opened = open(app, person, space).await?;
    let mut takes_effect = app.now();
    opened
        .write_all(app, |opened, now| {
            let event = opened.ledger().decide_safety(act, opened.members(), now);
            takes_effect = event.from.unwrap_or(now);
            Ok::<_, RepairError>(vec![event.into_event(new_event_id(), person, now)])
        })
        .await?;
    Ok(SafetyActed {
        view: safety(&opened, app.now()),
        takes_effect,
    })
}
