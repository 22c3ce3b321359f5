//! The weekly check-in: open the space's ledger, decide, append, and what each refusal tells the
//! person. The rules, and which steps a person may take now, are in `steadfast_core::checkin`;
//! this is the order of the steps.
//!
//! Sealing needs nothing here: the events' visibility does it. What this adds is the one read
//! a reveal needs — the second partner's submission carries the first partner's answers into a
//! shared event, and those answers are private to the first partner. They are read from the
//! first partner's own cached fold, after this person's fold is let go, so two partners
//! submitting at the same moment never wait on each other's lock. The loser of that race decides
//! again on fresh state, sees the other's marker, and reveals both.

use steadfast_core::checkin::{
    Answers, Appreciation, Change, Checkin, CheckinEvent, Decided, Feeling, MAX_APPRECIATIONS,
    Missing, Note, Patch, RciParams, Refusal, ScaleError, Step, Submission, Trend, TrustItem,
    TrustLevel, decide_start, trend,
};
use steadfast_core::text::TextError;
use steadfast_core::{CheckinId, NewEvent, PersonId, SpaceId, Timestamp};
use steadfast_store::StoreError;

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// How often a submission reads the partner's answers and decides again before giving up.
const REVEAL_ATTEMPTS: usize = 4;

/// Why a check-in operation did not happen.
#[derive(Debug)]
pub enum CheckinError {
    /// Not a current member, no such space, or no such check-in of the person's.
    NotFound,
    Refused(Refusal),
    Invalid(Invalid),
    Failed(Failure),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Appreciation(TextError),
    TooManyAppreciations,
    WentRight(TextError),
    Topic(TextError),
    ListenerNotes(TextError),
    Requests(TextError),
    Item,
    Level(ScaleError),
    Feeling(ScaleError),
    Step,
}

crate::failed_underneath!(CheckinError);

impl Explain for CheckinError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            // A check-in between other people is no check-in of the person's.
            CheckinError::NotFound | CheckinError::Refused(Refusal::NotParticipant) => {
                Refused::not_found()
            }
            CheckinError::Refused(refusal) => {
                let code = refusal_code(*refusal);
                Refused::new(
                    code,
                    refusal_kind(*refusal),
                    Words::key(format!("checkin-refused-{code}")),
                )
            }
            CheckinError::Invalid(invalid) => {
                Refused::new(invalid.code(), Kind::Invalid, invalid.words())
            }
            CheckinError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// Whose mistake a refusal is: a break that is the other partner's to end, answers that lack
/// something, or a step that does not fit where the check-in stands.
fn refusal_kind(refusal: Refusal) -> Kind {
    match refusal {
        Refusal::NotParticipant => Kind::NotFound,
        Refusal::NotYourBreak => Kind::NotYours,
        Refusal::Incomplete(_) => Kind::Invalid,
        _ => Kind::NotNow,
    }
}

impl Invalid {
    fn code(self) -> &'static str {
        match self {
            Invalid::Appreciation(_) => "appreciation_invalid",
            Invalid::TooManyAppreciations => "too_many_appreciations",
            Invalid::WentRight(_) => "went_right_invalid",
            Invalid::Topic(_) => "topic_invalid",
            Invalid::ListenerNotes(_) => "listener_notes_invalid",
            Invalid::Requests(_) => "requests_invalid",
            Invalid::Item => "item_unknown",
            Invalid::Level(_) => "felt_trust_invalid",
            Invalid::Feeling(_) => "how_it_went_invalid",
            Invalid::Step => "step_unknown",
        }
    }

    fn words(self) -> Words {
        match self {
            Invalid::Appreciation(error) => Words::text("checkin-appreciation", error),
            Invalid::TooManyAppreciations => {
                Words::key("checkin-appreciations-too-many").with("max", MAX_APPRECIATIONS)
            }
            Invalid::WentRight(error)
            | Invalid::Topic(error)
            | Invalid::ListenerNotes(error)
            | Invalid::Requests(error) => Words::text("checkin-note", error),
            Invalid::Item => Words::key("checkin-item-unknown"),
            Invalid::Level(error) | Invalid::Feeling(error) => Words::scale("checkin-scale", error),
            Invalid::Step => Words::key("checkin-step-unknown"),
        }
    }
}

impl CheckinError {
    /// The form field a mistake is about, for a page to show it beside.
    pub fn field(&self) -> &'static str {
        match self {
            CheckinError::Invalid(invalid) => match invalid {
                Invalid::Appreciation(_) | Invalid::TooManyAppreciations => "appreciations",
                Invalid::WentRight(_) => "went_right",
                Invalid::Topic(_) => "topic",
                Invalid::ListenerNotes(_) => "listener_notes",
                Invalid::Requests(_) => "requests",
                Invalid::Item | Invalid::Level(_) => "felt_trust",
                Invalid::Feeling(_) => "how_it_went",
                Invalid::Step => "",
            },
            CheckinError::Refused(Refusal::Incomplete(Missing::FeltTrust)) => "felt_trust",
            CheckinError::Refused(Refusal::Incomplete(Missing::HowItWent)) => "how_it_went",
            _ => "",
        }
    }
}

fn refusal_code(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::AlreadyOpen(_) => "already_open",
        Refusal::NotParticipant => "not_participant",
        Refusal::Lapsed => "lapsed",
        Refusal::AlreadySubmitted => "already_submitted",
        Refusal::Completed => "completed",
        Refusal::OnBreak => "on_break",
        Refusal::NoBreak => "no_break",
        Refusal::NotYourBreak => "not_your_break",
        Refusal::Incomplete(Missing::FeltTrust) => "incomplete_felt_trust",
        Refusal::Incomplete(Missing::HowItWent) => "incomplete_how_it_went",
    }
}

/// What a person sent to save, before it is checked. `None` leaves a field as it was; a blank
/// text clears it.
#[derive(Debug, Default)]
pub struct DraftInput {
    pub appreciations: Option<Vec<String>>,
    pub went_right: Option<String>,
    /// Item names and answers, as sent.
    pub felt_trust: Vec<(String, i64)>,
    pub topic: Option<String>,
    pub listener_notes: Option<String>,
    pub requests: Option<String>,
    pub how_it_went: Option<i64>,
    pub step: Option<String>,
}

impl DraftInput {
    /// The patch this input makes, every field checked; blank appreciations are left out.
    pub fn parse(&self) -> Result<Patch, CheckinError> {
        let invalid = CheckinError::Invalid;
        let note = |text: &Option<String>, field: fn(TextError) -> Invalid| {
            text.as_deref()
                .map(|t| Note::parse_optional(t).map_err(|e| invalid(field(e))))
                .transpose()
        };
        let appreciations = match &self.appreciations {
            Some(list) => {
                let given: Vec<&String> = list.iter().filter(|t| !t.trim().is_empty()).collect();
                if given.len() > MAX_APPRECIATIONS {
                    return Err(invalid(Invalid::TooManyAppreciations));
                }
                Some(
                    given
                        .into_iter()
                        .map(|t| {
                            Appreciation::parse(t).map_err(|e| invalid(Invalid::Appreciation(e)))
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                )
            }
            None => None,
        };
        let mut felt_trust = std::collections::BTreeMap::new();
        for (name, value) in &self.felt_trust {
            let item = TrustItem::from_name(name).ok_or(invalid(Invalid::Item))?;
            let level = TrustLevel::from_i64(*value).map_err(|e| invalid(Invalid::Level(e)))?;
            felt_trust.insert(item, level);
        }
        let how_it_went = self
            .how_it_went
            .map(|v| Feeling::from_i64(v).map_err(|e| invalid(Invalid::Feeling(e))))
            .transpose()?;
        let step = self
            .step
            .as_deref()
            .map(|s| Step::from_name(s).ok_or(invalid(Invalid::Step)))
            .transpose()?;
        Ok(Patch {
            appreciations,
            went_right: note(&self.went_right, Invalid::WentRight)?,
            felt_trust,
            topic: note(&self.topic, Invalid::Topic)?,
            listener_notes: note(&self.listener_notes, Invalid::ListenerNotes)?,
            requests: note(&self.requests, Invalid::Requests)?,
            how_it_went: how_it_went.map(Some),
            step,
        })
    }
}

/// A check-in id from a path; anything that is not one is no check-in.
pub fn parse_id(text: &str) -> Result<CheckinId, CheckinError> {
    text.parse().map_err(|_| CheckinError::NotFound)
}

/// The space's ledger for one of its current members.
pub async fn open(app: &App, person: PersonId, space: SpaceId) -> Result<Opened, CheckinError> {
    open_for(app, person, space, CheckinError::NotFound).await
}

/// A check-in the person takes part in; any other is not found.
pub fn find(opened: &Opened, id: CheckinId) -> Result<&Checkin, CheckinError> {
    opened
        .ledger()
        .checkins
        .get(id)
        .filter(|c| c.is_participant(opened.person))
        .ok_or(CheckinError::NotFound)
}

/// The person's check-ins, newest first.
pub fn list(opened: &Opened) -> Vec<&Checkin> {
    let mut all: Vec<&Checkin> = opened
        .ledger()
        .checkins
        .all()
        .iter()
        .filter(|c| c.is_participant(opened.person))
        .collect();
    all.reverse();
    all
}

fn events(decided: Vec<Decided>, now: Timestamp) -> Vec<NewEvent> {
    decided
        .into_iter()
        .map(|d| d.event.into_event(new_event_id(), d.author, now))
        .collect()
}

/// Starts a check-in; answers its id.
pub async fn start(app: &App, person: PersonId, space: SpaceId) -> Result<CheckinId, CheckinError> {
    let mut opened = open(app, person, space).await?;
    let checkin = CheckinId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let change = decide_start(person, opened.partner, opened.ledger().checkins.all())
                .map_err(CheckinError::Refused)?;
            Ok::<_, CheckinError>(vec![CheckinEvent { checkin, change }.into_event(
                new_event_id(),
                person,
                now,
            )])
        })
        .await?;
    Ok(checkin)
}

/// Saves part of the person's answers (and the step they reached) as their private draft.
pub async fn save_draft(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
    patch: &Patch,
) -> Result<(), CheckinError> {
    change(app, person, space, id, |checkin, partner, now| {
        checkin.decide_draft(person, partner, patch, now)
    })
    .await
}

/// Writes the one change `decide` makes to check-in `id`, from the check-in, the partner and
/// the time.
async fn change(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
    decide: impl Fn(&Checkin, Option<PersonId>, Timestamp) -> Result<Change, Refusal>,
) -> Result<(), CheckinError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            let change =
                decide(find(opened, id)?, opened.partner, now).map_err(CheckinError::Refused)?;
            Ok(vec![
                CheckinEvent {
                    checkin: id,
                    change,
                }
                .into_event(new_event_id(), person, now),
            ])
        })
        .await
}

/// A submission's try: refused, or in need of the partner's answers first.
enum Submitting {
    Refused(CheckinError),
    /// The partner has submitted: their answers must be read first.
    NeedsAnswersOf(PersonId),
}

impl From<Failure> for Submitting {
    fn from(failure: Failure) -> Self {
        Submitting::Refused(CheckinError::Failed(failure))
    }
}

/// Submits the person's draft; when the partner has submitted already, reveals both.
pub async fn submit(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
) -> Result<(), CheckinError> {
    let mut theirs: Option<Answers> = None;
    for _ in 0..REVEAL_ATTEMPTS {
        let mut opened = open(app, person, space).await?;
        let written = opened
            .write_all(app, |opened, now| {
                match find(opened, id)
                    .map_err(Submitting::Refused)?
                    .decide_submit(person, opened.partner, theirs.as_ref(), now)
                    .map_err(|refusal| Submitting::Refused(CheckinError::Refused(refusal)))?
                {
                    Submission::Events(decided) => Ok(events(decided, now)),
                    Submission::NeedsAnswersOf(other) => Err(Submitting::NeedsAnswersOf(other)),
                }
            })
            .await;
        match written {
            Ok(()) => return Ok(()),
            Err(Submitting::Refused(error)) => return Err(error),
            Err(Submitting::NeedsAnswersOf(other)) => {
                // Let go of this person's fold before taking the partner's.
                drop(opened);
                theirs = Some(answers_of(app, other, space, id).await?);
            }
        }
    }
    Err(CheckinError::Failed(Failure::Store(
        StoreError::CommitFailed,
    )))
}

/// `other`'s submitted answers, read through their own fold.
async fn answers_of(
    app: &App,
    other: PersonId,
    space: SpaceId,
    id: CheckinId,
) -> Result<Answers, CheckinError> {
    let opened = open(app, other, space).await?;
    let answers = opened
        .ledger()
        .checkins
        .get(id)
        .and_then(|c| c.side(other))
        .and_then(|s| s.answers.clone());
    // Their marker is in without their answers: the log is damaged, or they were just erased.
    answers.ok_or_else(|| {
        CheckinError::Failed(Failure::Store(StoreError::Corrupt(
            "a check-in marker without its answers".to_owned(),
        )))
    })
}

/// Calls a 20-minute break.
pub async fn pause(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
) -> Result<(), CheckinError> {
    change(app, person, space, id, |checkin, partner, now| {
        checkin.decide_break(person, partner, now)
    })
    .await
}

/// Ends a running break early.
pub async fn resume(
    app: &App,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
) -> Result<(), CheckinError> {
    change(app, person, space, id, |checkin, partner, now| {
        checkin.decide_end_break(person, partner, now)
    })
    .await
}

/// Felt trust over the weeks, as the person may see it.
pub fn trend_of(opened: &Opened) -> Trend {
    trend::trend(
        opened.person,
        opened.partner,
        opened.ledger().checkins.all(),
        &RciParams::DEFAULT,
    )
}
