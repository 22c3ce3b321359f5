//! Promises and the reliability record: make one, take each step of its life, offer a smaller
//! one after a miss, switch the record on or off and read it. The rules are in
//! `steadfast_core::promise` and `steadfast_core::record`; this is the order of the steps.

use steadfast_core::boundary::ApologyText;
use steadfast_core::landing::{Landing, LandingWord};
use steadfast_core::promise::{
    AcknowledgementWord, Ask, Command, Promise, PromiseEvent, PromiseText, Reason, Refusal,
    ScaleError, Severity, Stakes, Terms, TrustDomain,
};
use steadfast_core::record::{ConsentEvent, Params, RecordView, TrackKey};
use steadfast_core::space::Counterpart;
use steadfast_core::text::TextError;
use steadfast_core::{PersonId, PromiseId, SpaceId, Timestamp};

use crate::App;
use crate::ledger::{Opened, new_event_id, open_for};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// Why a promise or record operation did not happen.
#[derive(Debug)]
pub enum PromiseError {
    /// Not a current member, no such space, or no such promise between the partners.
    NotFound,
    /// The lifecycle does not allow this step, or not for this person.
    Refused(Refusal),
    Invalid(Invalid),
    /// The record is shown only when both partners have switched it on.
    RecordOff,
    Failed(Failure),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    Text(TextError),
    Reason(TextError),
    Domain(TextError),
    Stakes(ScaleError),
    Severity(ScaleError),
    /// A time that could not be read in the format it was given in.
    Time,
    /// After a miss: the apology, the optional word, the answer, what is asked for.
    Apology(TextError),
    Word(TextError),
    Landing,
    Ask,
}

crate::failed_underneath!(PromiseError);

impl Explain for PromiseError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            PromiseError::NotFound => Refused::not_found(),
            PromiseError::Refused(refusal) => {
                let code = refusal_code(*refusal);
                let mut words = Words::key(format!("promise-refused-{code}"));
                if let Refusal::TooManyOpen { limit } = refusal {
                    words = words.with("limit", limit);
                }
                Refused::new(code, refusal_kind(*refusal), words)
            }
            PromiseError::Invalid(invalid) => {
                Refused::new(invalid.code(), Kind::Invalid, invalid.words())
            }
            PromiseError::RecordOff => Refused::new(
                "record_not_enabled",
                Kind::NotNow,
                Words::key("record-not-enabled"),
            ),
            PromiseError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// Whose mistake a refusal is: a step that is the other partner's, a time or size that does not
/// fit what was sent, or a step that does not fit where the promise stands.
fn refusal_kind(refusal: Refusal) -> Kind {
    match refusal {
        Refusal::OnlyPromiser | Refusal::OnlyReceiver => Kind::NotYours,
        Refusal::DueTooEarly
        | Refusal::InFuture
        | Refusal::TooLongAgo
        | Refusal::BeforeMade
        | Refusal::NotSmaller
        | Refusal::Excusing => Kind::Invalid,
        _ => Kind::NotNow,
    }
}

impl Invalid {
    fn code(self) -> &'static str {
        match self {
            Invalid::Text(_) => "text_invalid",
            Invalid::Reason(_) => "reason_invalid",
            Invalid::Domain(_) => "domain_invalid",
            Invalid::Stakes(_) => "stakes_invalid",
            Invalid::Severity(_) => "severity_invalid",
            Invalid::Time => "time_invalid",
            Invalid::Apology(_) => "apology_invalid",
            Invalid::Word(_) => "word_invalid",
            Invalid::Landing => "landing_invalid",
            Invalid::Ask => "ask_invalid",
        }
    }

    fn words(self) -> Words {
        match self {
            Invalid::Text(error) => Words::text("promise-text", error),
            Invalid::Reason(error) => Words::text("promise-reason", error),
            Invalid::Domain(error) => Words::text("promise-domain", error),
            Invalid::Stakes(error) => Words::scale("promise-stakes", error),
            Invalid::Severity(error) => Words::scale("promise-severity", error),
            Invalid::Time => Words::key("time-unreadable"),
            Invalid::Apology(error) => Words::text("promise-apology", error),
            Invalid::Word(error) => Words::text("promise-word", error),
            Invalid::Landing => Words::key("landing-choose"),
            Invalid::Ask => Words::key("promise-ask-choose"),
        }
    }
}

fn refusal_code(refusal: Refusal) -> &'static str {
    match refusal {
        Refusal::NoPartner => "no_partner",
        Refusal::OnlyPromiser => "only_promiser",
        Refusal::OnlyReceiver => "only_receiver",
        Refusal::Settled => "settled",
        Refusal::AlreadyDone => "already_done",
        Refusal::NotDone => "not_done",
        Refusal::NotOverdue => "not_overdue",
        Refusal::PastDue => "past_due",
        Refusal::RenegotiationPending => "renegotiation_pending",
        Refusal::NoRenegotiation => "no_renegotiation",
        Refusal::DueTooEarly => "due_too_early",
        Refusal::InFuture => "in_future",
        Refusal::TooLongAgo => "too_long_ago",
        Refusal::BeforeMade => "before_made",
        Refusal::NotBroken => "not_broken",
        Refusal::AlreadyAcknowledged => "already_acknowledged",
        Refusal::ApologyWaiting => "apology_waiting",
        Refusal::ApologyLanded => "apology_landed",
        Refusal::NoApology => "no_apology",
        Refusal::AlreadyOffered => "already_offered",
        Refusal::NotSmaller => "not_smaller",
        Refusal::AlreadyAsked => "already_asked",
        Refusal::AlreadyGiven => "already_given",
        Refusal::Excusing => "excusing",
        Refusal::TooManyOpen { .. } => "too_many_open",
    }
}

/// What a person typed to make a promise, before it is checked. Times are already read from
/// their format (RFC 3339 in the API, the person's zone on pages).
#[derive(Debug, Default)]
pub struct PromiseInput {
    pub text: String,
    pub stakes: u8,
    pub due: Option<Timestamp>,
    pub domain: String,
    /// Set to log a promise made earlier.
    pub made_at: Option<Timestamp>,
}

impl PromiseInput {
    /// What was typed, read into core's types, as the request is read.
    pub fn read(self) -> Result<NewPromise, PromiseError> {
        Ok(NewPromise {
            terms: Terms {
                text: parse_text(&self.text)?,
                stakes: parse_stakes(self.stakes)?,
                due: self.due,
            },
            domain: parse_domain(&self.domain)?,
            made_at: self.made_at,
        })
    }
}

/// A promise to make, in core's types.
#[derive(Clone, Debug)]
pub struct NewPromise {
    pub terms: Terms,
    /// The area of trust it belongs to, if any.
    pub domain: Option<TrustDomain>,
    /// Set to log a promise made earlier.
    pub made_at: Option<Timestamp>,
}

pub fn parse_text(text: &str) -> Result<PromiseText, PromiseError> {
    PromiseText::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Text(e)))
}

pub fn parse_reason(text: &str) -> Result<Reason, PromiseError> {
    Reason::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Reason(e)))
}

pub fn parse_stakes(stakes: u8) -> Result<Stakes, PromiseError> {
    Stakes::new(stakes).map_err(|e| PromiseError::Invalid(Invalid::Stakes(e)))
}

pub fn parse_severity(severity: u8) -> Result<Severity, PromiseError> {
    Severity::new(severity).map_err(|e| PromiseError::Invalid(Invalid::Severity(e)))
}

pub fn parse_apology(text: &str) -> Result<ApologyText, PromiseError> {
    ApologyText::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Apology(e)))
}

/// The optional word with an acknowledgement; blank means none.
pub fn parse_acknowledgement(text: &str) -> Result<Option<AcknowledgementWord>, PromiseError> {
    AcknowledgementWord::parse_optional(text).map_err(|e| PromiseError::Invalid(Invalid::Word(e)))
}

/// "this landed" or "not yet", and the optional word with it (blank means none).
pub fn parse_landing(
    landing: &str,
    word: &str,
) -> Result<(Landing, Option<LandingWord>), PromiseError> {
    let landing = Landing::parse(landing.trim()).ok_or(PromiseError::Invalid(Invalid::Landing))?;
    let word =
        LandingWord::parse_optional(word).map_err(|e| PromiseError::Invalid(Invalid::Word(e)))?;
    Ok((landing, word))
}

pub fn parse_ask(ask: &str) -> Result<Ask, PromiseError> {
    Ask::parse(ask).ok_or(PromiseError::Invalid(Invalid::Ask))
}

pub fn parse_domain(domain: &str) -> Result<Option<TrustDomain>, PromiseError> {
    TrustDomain::parse_optional(domain).map_err(|e| PromiseError::Invalid(Invalid::Domain(e)))
}

/// A promise id from a path; anything that is not one is no promise.
pub fn parse_id(text: &str) -> Result<PromiseId, PromiseError> {
    text.parse().map_err(|_| PromiseError::NotFound)
}

/// The promises of an opened space, as the person may act on or read them.
impl Opened {
    /// A promise between the person and their current partner, to act on; any other is not
    /// found (nothing can be done with a former partner's promises).
    pub fn promise(&self, id: PromiseId) -> Result<&Promise, PromiseError> {
        let partner = self.partner.ok_or(PromiseError::NotFound)?;
        self.ledger()
            .promises
            .get(id)
            .filter(|p| involves(p, self.person, partner))
            .ok_or(PromiseError::NotFound)
    }

    /// A promise between the person and their partner, current or former, to read.
    pub fn promise_to_read(&self, id: PromiseId) -> Result<&Promise, PromiseError> {
        let with = self.with().ok_or(PromiseError::NotFound)?;
        self.ledger()
            .promises
            .get(id)
            .filter(|p| involves(p, self.person, with))
            .ok_or(PromiseError::NotFound)
    }

    /// The promises between the person and their partner, oldest first: the current one, or —
    /// once that partner left — the one who left, read-only. Promises with anyone earlier are not
    /// shown.
    pub fn promises(&self) -> Vec<&Promise> {
        match self.with() {
            Some(partner) => self
                .ledger()
                .promises
                .between(self.person, partner)
                .collect(),
            None => Vec::new(),
        }
    }
}

fn involves(promise: &Promise, one: PersonId, other: PersonId) -> bool {
    (promise.promiser == one && promise.receiver == other)
        || (promise.promiser == other && promise.receiver == one)
}

/// The space's ledger for one of its current members; anyone else is told it does not exist.
pub async fn open(app: &App, person: PersonId, space: SpaceId) -> Result<Opened, PromiseError> {
    open_for(app, person, space, PromiseError::NotFound).await
}

/// Makes a promise from `person` to their partner; answers its id.
pub async fn make(
    app: &App,
    person: PersonId,
    space: SpaceId,
    input: NewPromise,
) -> Result<PromiseId, PromiseError> {
    let NewPromise {
        terms,
        domain,
        made_at,
    } = input;
    let mut opened = open(app, person, space).await?;
    let id = PromiseId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write::<PromiseError>(app, |opened, now| {
            let change = opened
                .ledger()
                .promises
                .decide_make(
                    person,
                    opened.partner,
                    terms.clone(),
                    domain.clone(),
                    made_at,
                    now,
                )
                .map_err(PromiseError::Refused)?;
            Ok(PromiseEvent {
                promise: id,
                change,
            }
            .into_event(new_event_id(), person, now))
        })
        .await?;
    Ok(id)
}

/// Takes one step on a promise between `person` and their partner.
pub async fn act(
    app: &App,
    person: PersonId,
    space: SpaceId,
    promise: PromiseId,
    command: Command,
) -> Result<(), PromiseError> {
    let mut opened = open(app, person, space).await?;
    opened
        .write::<PromiseError>(app, |opened, now| {
            let change = opened
                .promise(promise)?
                .decide(person, command.clone(), now)
                .map_err(PromiseError::Refused)?;
            Ok(PromiseEvent { promise, change }.into_event(new_event_id(), person, now))
        })
        .await
}

/// Checks a step on a promise without taking it: the same refusal `act` would give, or nothing.
/// For a heavy step that asks for a confirmation first, so a step that would be refused is
/// refused at once rather than after "are you sure?".
pub async fn check(
    app: &App,
    person: PersonId,
    space: SpaceId,
    promise: PromiseId,
    command: &Command,
) -> Result<(), PromiseError> {
    let opened = open(app, person, space).await?;
    opened
        .promise(promise)?
        .decide(person, command.clone(), app.now())
        .map(|_| ())
        .map_err(PromiseError::Refused)
}

/// Offers a smaller promise in place of a broken one, through the one rule for making promises;
/// answers the new promise's id. The two are written in one append, so they never part.
pub async fn offer(
    app: &App,
    person: PersonId,
    space: SpaceId,
    broken: PromiseId,
    input: NewPromise,
) -> Result<PromiseId, PromiseError> {
    // A smaller promise is made now: a time it was made earlier does not apply.
    let NewPromise { terms, domain, .. } = input;
    let mut opened = open(app, person, space).await?;
    let id = PromiseId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(app, |opened, now| {
            let events = opened
                .promise(broken)?
                .decide_offer(person, id, terms.clone(), domain.clone(), now)
                .map_err(PromiseError::Refused)?;
            Ok::<_, PromiseError>(
                events
                    .into_iter()
                    .map(|event| event.into_event(new_event_id(), person, now))
                    .collect(),
            )
        })
        .await?;
    Ok(id)
}

/// Switches `person`'s consent to the reliability record on or off. Switching to what it
/// already is records nothing.
pub async fn set_consent(
    app: &App,
    person: PersonId,
    space: SpaceId,
    on: bool,
) -> Result<(), PromiseError> {
    let mut opened = open(app, person, space).await?;
    if opened.ledger().consent.is_on(person, opened.members()) == on {
        return Ok(());
    }
    opened
        .write::<PromiseError>(app, |_, now| {
            Ok(ConsentEvent { on }.into_event(new_event_id(), person, now))
        })
        .await
}

/// Where the two partners stand on the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentState {
    pub mine: bool,
    pub partner: bool,
    pub has_partner: bool,
}

pub fn consent_state(opened: &Opened) -> ConsentState {
    let consent = &opened.ledger().consent;
    let members = opened.members();
    ConsentState {
        mine: consent.is_on(opened.person, members),
        partner: match opened.counterpart {
            Some(Counterpart::Current(partner)) => consent.is_on(partner, members),
            Some(Counterpart::Former(former)) => consent.was_on_when_leaving(former, members),
            None => false,
        },
        has_partner: opened.counterpart.is_some(),
    }
}

/// One direction of the record: how one partner's promises to the other went.
#[derive(Debug)]
pub struct Direction {
    pub promiser: PersonId,
    /// True for the person's own promises to their partner.
    pub yours: bool,
    pub overall: RecordView,
    pub domains: Vec<RecordView>,
}

/// The record as of now, both directions (the partner's promises to the person first), or
/// [`PromiseError::RecordOff`] until both partners switched it on.
pub async fn record(
    app: &App,
    person: PersonId,
    space: SpaceId,
) -> Result<(Opened, Vec<Direction>), PromiseError> {
    let mut opened = open(app, person, space).await?;
    let partner = opened.with().ok_or(PromiseError::RecordOff)?;
    let members = opened.members().to_vec();
    let now = app.now();
    let book = opened
        .ledger_mut()
        .record(&members, &Params::DEFAULT)
        .ok_or(PromiseError::RecordOff)?;
    let directions = [(partner, person), (person, partner)]
        .into_iter()
        .map(|(promiser, receiver)| {
            let key = TrackKey {
                promiser,
                receiver,
                domain: None,
            };
            let domains = book
                .domains(promiser, receiver)
                .into_iter()
                .map(|domain| {
                    book.view(
                        &TrackKey {
                            domain: Some(domain),
                            ..key.clone()
                        },
                        now,
                    )
                })
                .collect();
            Direction {
                promiser,
                yours: promiser == person,
                overall: book.view(&key, now),
                domains,
            }
        })
        .collect();
    Ok((opened, directions))
}
