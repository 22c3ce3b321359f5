//! Boundaries: open the space's ledger, decide, append, and what each refusal tells the person.
//! The rules are in `steadfast_core::boundary`; this is the order of the steps. A prevention
//! step's promise is written in the same append as the crossing's note of it, so the two never
//! part.

use steadfast_core::boundary::{
    ApologyText, Boundary, BoundaryText, BoundaryWhy, Command, Refusal,
};
use steadfast_core::landing::{Landing, LandingWord};
use steadfast_core::promise::{self, PromiseText, ScaleError, Stakes, Terms};
use steadfast_core::text::TextError;
use steadfast_core::{BoundaryId, CrossingId, PersonId, PromiseId, SpaceId, Timestamp};

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why a boundary operation did not happen.
#[derive(Debug)]
pub enum BoundaryError {
    /// Not a current member, no such space, or no such boundary between the partners.
    NotFound,
    Refused(Refusal),
    Invalid(Invalid),
    Failed(Failure),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Text(TextError),
    Why(TextError),
    Apology(TextError),
    Promise(TextError),
    Stakes(ScaleError),
    Time,
    /// The answer to an apology: "this landed" or "not yet", and the optional word.
    Landing,
    Word(TextError),
}

crate::failed_underneath!(BoundaryError);

impl Explain for BoundaryError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            BoundaryError::NotFound => Refused::not_found(),
            BoundaryError::Refused(refusal) => Refused::new(
                refusal_code(*refusal),
                refusal_kind(*refusal),
                refusal_words(*refusal),
            ),
            BoundaryError::Invalid(invalid) => {
                Refused::new(invalid.code(), Kind::Invalid, invalid.words())
            }
            BoundaryError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// Whose mistake a refusal is: a step that is the other partner's, a time, an apology or a due
/// time that does not fit what was sent, or a step that does not fit where things stand.
fn refusal_kind(refusal: Refusal) -> Kind {
    match refusal {
        Refusal::NoSuchCrossing => Kind::NotFound,
        Refusal::OnlyOwner | Refusal::OnlyPartner | Refusal::OnlyCrosser => Kind::NotYours,
        Refusal::InFuture
        | Refusal::TooLongAgo
        | Refusal::Excusing
        | Refusal::Promise(promise::Refusal::DueTooEarly) => Kind::Invalid,
        _ => Kind::NotNow,
    }
}

fn refusal_words(refusal: Refusal) -> Words {
    match refusal {
        Refusal::Promise(refusal) => Words::key(format!(
            "boundary-promise-refused-{}",
            promise_code(refusal)
        )),
        Refusal::TooMany { limit } => Words::key("boundary-refused-too_many").with("limit", limit),
        refusal => Words::key(format!("boundary-refused-{}", refusal_code(refusal))),
    }
}

impl Invalid {
    fn code(self) -> &'static str {
        match self {
            Invalid::Text(_) => "text_invalid",
            Invalid::Why(_) => "why_invalid",
            Invalid::Apology(_) => "apology_invalid",
            Invalid::Promise(_) => "promise_text_invalid",
            Invalid::Stakes(_) => "stakes_invalid",
            Invalid::Time => "time_invalid",
            Invalid::Landing => "landing_invalid",
            Invalid::Word(_) => "word_invalid",
        }
    }

    fn words(self) -> Words {
        match self {
            Invalid::Text(error) => Words::text("boundary-text", error),
            Invalid::Why(error) => Words::text("boundary-why", error),
            Invalid::Apology(error) => Words::text("boundary-apology", error),
            Invalid::Promise(error) => Words::text("promise-text", error),
            Invalid::Stakes(error) => Words::scale("promise-stakes", error),
            Invalid::Time => Words::key("time-unreadable"),
            Invalid::Landing => Words::key("landing-choose"),
            Invalid::Word(error) => Words::text("promise-word", error),
        }
    }
}

impl BoundaryError {
    /// The form field a mistake is about, for a page to show it beside.
    pub fn field(&self) -> &'static str {
        match self {
            BoundaryError::Invalid(Invalid::Text(_)) => "text",
            BoundaryError::Invalid(Invalid::Why(_)) => "why",
            BoundaryError::Invalid(Invalid::Apology(_))
            | BoundaryError::Refused(Refusal::Excusing) => "apology",
            BoundaryError::Invalid(Invalid::Promise(_)) => "promise",
            BoundaryError::Invalid(Invalid::Stakes(_)) => "stakes",
            BoundaryError::Invalid(Invalid::Time)
            | BoundaryError::Refused(Refusal::InFuture | Refusal::TooLongAgo) => "when",
            BoundaryError::Refused(Refusal::Promise(_)) => "due",
            _ => "",
        }
    }
}

fn refusal_code(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::NoPartner => "no_partner",
        Refusal::OnlyOwner => "only_owner",
        Refusal::OnlyPartner => "only_partner",
        Refusal::OnlyCrosser => "only_crosser",
        Refusal::Withdrawn => "withdrawn",
        Refusal::AlreadyAcknowledged => "already_acknowledged",
        Refusal::NotAcknowledged => "not_acknowledged",
        Refusal::NoSuchCrossing => "not_found",
        Refusal::CrossingAcknowledgedAlready => "crossing_acknowledged_already",
        Refusal::CrossingNotAcknowledged => "crossing_not_acknowledged",
        Refusal::AlreadyApologised => "already_apologised",
        Refusal::ApologyWaiting => "apology_waiting",
        Refusal::NoApology => "no_apology",
        Refusal::Excusing => "excusing",
        Refusal::PreventionExists => "prevention_exists",
        Refusal::Resolved => "resolved",
        Refusal::InFuture => "in_future",
        Refusal::TooLongAgo => "too_long_ago",
        Refusal::Promise(_) => "promise_refused",
        Refusal::TooMany { .. } => "too_many",
    }
}

/// The one way a prevention promise can be refused once the crossing allowed it: its due time.
fn promise_code(refusal: promise::Refusal) -> &'static str {
    match refusal {
        promise::Refusal::DueTooEarly => "due_too_early",
        _ => "other",
    }
}

pub fn parse_text(text: &str) -> Result<BoundaryText, BoundaryError> {
    BoundaryText::parse(text).map_err(|e| BoundaryError::Invalid(Invalid::Text(e)))
}

pub fn parse_why(text: &str) -> Result<Option<BoundaryWhy>, BoundaryError> {
    BoundaryWhy::parse_optional(text).map_err(|e| BoundaryError::Invalid(Invalid::Why(e)))
}

pub fn parse_apology(text: &str) -> Result<ApologyText, BoundaryError> {
    ApologyText::parse(text).map_err(|e| BoundaryError::Invalid(Invalid::Apology(e)))
}

/// "this landed" or "not yet", and the optional word with it (blank means none).
pub fn parse_landing(
    landing: &str,
    word: &str,
) -> Result<(Landing, Option<LandingWord>), BoundaryError> {
    let landing = Landing::parse(landing.trim()).ok_or(BoundaryError::Invalid(Invalid::Landing))?;
    let word =
        LandingWord::parse_optional(word).map_err(|e| BoundaryError::Invalid(Invalid::Word(e)))?;
    Ok((landing, word))
}

/// The terms of a prevention step's promise.
pub fn parse_terms(
    text: &str,
    stakes: i64,
    due: Option<Timestamp>,
) -> Result<Terms, BoundaryError> {
    Ok(Terms {
        text: PromiseText::parse(text).map_err(|e| BoundaryError::Invalid(Invalid::Promise(e)))?,
        stakes: Stakes::from_i64(stakes).map_err(|e| BoundaryError::Invalid(Invalid::Stakes(e)))?,
        due,
    })
}

/// A boundary id from a path; anything that is not one is no boundary.
pub fn parse_id(text: &str) -> Result<BoundaryId, BoundaryError> {
    text.parse().map_err(|_| BoundaryError::NotFound)
}

/// A crossing id from a path.
pub fn parse_crossing(text: &str) -> Result<CrossingId, BoundaryError> {
    text.parse().map_err(|_| BoundaryError::NotFound)
}

/// The space's ledger for one of its current members.
pub async fn open(app: &App, person: PersonId, space: SpaceId) -> Result<Opened, BoundaryError> {
    open_for(app, person, space, BoundaryError::NotFound).await
}

/// A boundary between the person and their current partner; any other is not found.
pub fn find(opened: &Opened, id: BoundaryId) -> Result<&Boundary, BoundaryError> {
    let partner = opened.partner.ok_or(BoundaryError::NotFound)?;
    opened
        .ledger()
        .boundaries
        .get(id)
        .filter(|b| {
            (b.owner == opened.person && b.partner == partner)
                || (b.owner == partner && b.partner == opened.person)
        })
        .ok_or(BoundaryError::NotFound)
}

/// A boundary between the person and their partner, current or former, to read: a former
/// partner's stays the person's, read-only.
pub fn find_to_read(opened: &Opened, id: BoundaryId) -> Result<&Boundary, BoundaryError> {
    let with = opened.with().ok_or(BoundaryError::NotFound)?;
    opened
        .ledger()
        .boundaries
        .get(id)
        .filter(|b| {
            (b.owner == opened.person && b.partner == with)
                || (b.owner == with && b.partner == opened.person)
        })
        .ok_or(BoundaryError::NotFound)
}

/// The boundaries between the person and their partner, oldest first: the current partner, or
/// the one who left while the person stayed (read-only).
pub fn list(opened: &Opened) -> Vec<&Boundary> {
    match opened.with() {
        Some(partner) => opened
            .ledger()
            .boundaries
            .between(opened.person, partner)
            .collect(),
        None => Vec::new(),
    }
}

/// Proposes a boundary to the person's partner; answers its id.
pub async fn propose(
    app: &App,
    person: PersonId,
    space: SpaceId,
    text: BoundaryText,
    why: Option<BoundaryWhy>,
) -> Result<BoundaryId, BoundaryError> {
    let mut opened = open(app, person, space).await?;
    let id = BoundaryId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let event = opened
                .ledger()
                .boundaries
                .decide_propose(person, opened.partner, id, text.clone(), why.clone())
                .map_err(BoundaryError::Refused)?;
            Ok::<_, BoundaryError>(vec![event.into_event(new_event_id(), person, now)])
        })
        .await?;
    Ok(id)
}

/// Takes one step on a boundary between the person and their partner.
pub async fn act(
    app: &App,
    person: PersonId,
    space: SpaceId,
    boundary: BoundaryId,
    command: Command,
) -> Result<(), BoundaryError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write_all(app, |opened, now| {
            let decided = find(opened, boundary)?
                .decide(person, command.clone(), now)
                .map_err(BoundaryError::Refused)?;
            Ok::<_, BoundaryError>(
                decided
                    .into_iter()
                    .map(|d| d.into_event(new_event_id(), person, now))
                    .collect(),
            )
        })
        .await
}

/// Reports a crossing; answers its id.
pub async fn report(
    app: &App,
    person: PersonId,
    space: SpaceId,
    boundary: BoundaryId,
    when: Option<Timestamp>,
) -> Result<CrossingId, BoundaryError> {
    let crossing = CrossingId::from_uuid(uuid::Uuid::new_v4());
    act(
        app,
        person,
        space,
        boundary,
        Command::ReportCrossing { crossing, when },
    )
    .await?;
    Ok(crossing)
}

/// Adds the prevention step: a promise from the crosser to the owner. Answers the promise's id.
pub async fn prevent(
    app: &App,
    person: PersonId,
    space: SpaceId,
    boundary: BoundaryId,
    crossing: CrossingId,
    terms: Terms,
) -> Result<PromiseId, BoundaryError> {
    let promise = PromiseId::from_uuid(uuid::Uuid::new_v4());
    act(
        app,
        person,
        space,
        boundary,
        Command::AddPrevention {
            crossing,
            promise,
            terms,
        },
    )
    .await?;
    Ok(promise)
}
