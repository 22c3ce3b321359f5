//! Promises and the reliability record, shared by the pages and the JSON API: open a space's
//! ledger, decide, append, and what each refusal tells the person. The rules are in
//! `steadfast_core::promise` and `steadfast_core::record`; this is the order of the steps.
//!
//! Each viewer's fold of a space ([`Ledger`]) is cached and advanced with new events only, so a
//! request's cost does not grow with the space's history. A write decides on the fold, appends
//! with the sequence number it decided on, and on a conflict (the partner wrote in between)
//! advances and decides again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use steadfast_core::boundary::ApologyText;
use steadfast_core::landing::{Landing, LandingWord};
use steadfast_core::promise::{
    AcknowledgementWord, Ask, Command, Promise, PromiseEvent, PromiseText, Reason, Refusal,
    ScaleError, Severity, Stakes, Terms, TrustDomain,
};
use steadfast_core::record::{ConsentEvent, Params, RecordView, TrackKey};
use steadfast_core::space::{self, Counterpart, Member, Standing};
use steadfast_core::text::TextError;
use steadfast_core::{
    EventId, Ledger, NewEvent, PersonId, PromiseId, SpaceId, StreamId, Timestamp,
};
use steadfast_store::StoreError;
use tokio::sync::OwnedMutexGuard;

use crate::AppState;
use crate::clock::UnreadableTime;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::spaces;

/// How many viewers' folds are kept. Past this the least recently used eighth is dropped; a
/// dropped fold is rebuilt from the log on its next request. A month-old couple's fold is about
/// 50 KB, so this bounds the cache near 25 MB in the worst case (measured by `scripts/bench`
/// with 10,000 couples).
const CACHED_LEDGERS: usize = 512;

/// How often a write decides again after losing a race before giving up (then: 503 `busy`).
const WRITE_ATTEMPTS: usize = 16;

/// The pause before deciding again after losing race number `lost` (from 0): a random share of a
/// window that doubles each time, from 2 ms up to 64 ms, so writers that collided spread out
/// instead of colliding again in step. Sixteen losses wait about 0.8 s at the very most.
pub(crate) fn after_lost_race(lost: usize) -> std::time::Duration {
    let window_ms = 2u64 << lost.min(5);
    std::time::Duration::from_micros(fastrand::u64(0..=window_ms * 1000))
}

/// Why a promise or record operation did not happen. Each has one status, one stable code and
/// one message.
#[derive(Debug)]
pub(crate) enum PromiseError {
    /// Not a current member, no such space, or no such promise between the partners.
    NotFound,
    /// The lifecycle does not allow this step, or not for this person.
    Refused(Refusal),
    Invalid(Invalid),
    /// The record is shown only when both partners have switched it on.
    RecordOff,
    Failed(WebError),
}

/// Which input was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invalid {
    Text(TextError),
    Reason(TextError),
    Domain(TextError),
    Stakes(ScaleError),
    Severity(ScaleError),
    Time,
    /// After a miss: the apology, the optional word, the answer, what is asked for.
    Apology(TextError),
    Word(TextError),
    Landing,
    Ask,
}

impl<E: Into<WebError>> From<E> for PromiseError {
    fn from(error: E) -> Self {
        PromiseError::Failed(error.into())
    }
}

impl From<UnreadableTime> for Invalid {
    fn from(_: UnreadableTime) -> Self {
        Invalid::Time
    }
}

impl PromiseError {
    /// The stable code the API gives this refusal.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            PromiseError::NotFound => "not_found",
            PromiseError::Refused(refusal) => refusal_code(*refusal),
            PromiseError::Invalid(invalid) => match invalid {
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
            },
            PromiseError::RecordOff => "record_not_enabled",
            PromiseError::Failed(_) => "internal",
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            PromiseError::NotFound => lang.t("error-not-found-title"),
            PromiseError::Refused(Refusal::TooManyOpen { limit }) => lang.t_with(
                "promise-refused-too_many_open",
                &[("limit", limit.to_string())],
            ),
            PromiseError::Refused(refusal) => {
                lang.t(&format!("promise-refused-{}", refusal_code(*refusal)))
            }
            PromiseError::Invalid(invalid) => invalid_message(*invalid, lang),
            PromiseError::RecordOff => lang.t("record-not-enabled"),
            PromiseError::Failed(_) => lang.t("error-internal-title"),
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

fn invalid_message(invalid: Invalid, lang: Lang) -> String {
    let text = |field: &str, error: TextError| match error {
        TextError::Empty => lang.t(&format!("{field}-empty")),
        TextError::TooLong { max } => {
            lang.t_with(&format!("{field}-too-long"), &[("max", max.to_string())])
        }
        TextError::BadCharacter => lang.t("text-bad-character"),
    };
    let scale = |field: &str, error: ScaleError| {
        lang.t_with(
            &format!("{field}-out-of-range"),
            &[
                ("min", error.min.to_string()),
                ("max", error.max.to_string()),
            ],
        )
    };
    match invalid {
        Invalid::Text(error) => text("promise-text", error),
        Invalid::Reason(error) => text("promise-reason", error),
        Invalid::Domain(error) => text("promise-domain", error),
        Invalid::Stakes(error) => scale("promise-stakes", error),
        Invalid::Severity(error) => scale("promise-severity", error),
        Invalid::Time => lang.t("time-unreadable"),
        Invalid::Apology(error) => text("promise-apology", error),
        Invalid::Word(error) => text("promise-word", error),
        Invalid::Landing => lang.t("landing-choose"),
        Invalid::Ask => lang.t("promise-ask-choose"),
    }
}

/// What a person typed to make a promise, before it is checked. Times are already read from
/// their format (RFC 3339 in the API, the person's zone on pages).
#[derive(Debug, Default)]
pub(crate) struct NewPromise {
    pub(crate) text: String,
    pub(crate) stakes: u8,
    pub(crate) due: Option<Timestamp>,
    pub(crate) domain: String,
    /// Set to log a promise made earlier.
    pub(crate) made_at: Option<Timestamp>,
}

pub(crate) fn parse_text(text: &str) -> Result<PromiseText, PromiseError> {
    PromiseText::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Text(e)))
}

pub(crate) fn parse_reason(text: &str) -> Result<Reason, PromiseError> {
    Reason::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Reason(e)))
}

pub(crate) fn parse_stakes(stakes: u8) -> Result<Stakes, PromiseError> {
    Stakes::new(stakes).map_err(|e| PromiseError::Invalid(Invalid::Stakes(e)))
}

pub(crate) fn parse_severity(severity: u8) -> Result<Severity, PromiseError> {
    Severity::new(severity).map_err(|e| PromiseError::Invalid(Invalid::Severity(e)))
}

pub(crate) fn parse_apology(text: &str) -> Result<ApologyText, PromiseError> {
    ApologyText::parse(text).map_err(|e| PromiseError::Invalid(Invalid::Apology(e)))
}

/// The optional word with an acknowledgement; blank means none.
pub(crate) fn parse_acknowledgement(
    text: &str,
) -> Result<Option<AcknowledgementWord>, PromiseError> {
    AcknowledgementWord::parse_optional(text).map_err(|e| PromiseError::Invalid(Invalid::Word(e)))
}

/// "this landed" or "not yet", and the optional word with it (blank means none).
pub(crate) fn parse_landing(
    landing: &str,
    word: &str,
) -> Result<(Landing, Option<LandingWord>), PromiseError> {
    let landing = Landing::parse(landing.trim()).ok_or(PromiseError::Invalid(Invalid::Landing))?;
    let word = if word.trim().is_empty() {
        None
    } else {
        Some(LandingWord::parse(word).map_err(|e| PromiseError::Invalid(Invalid::Word(e)))?)
    };
    Ok((landing, word))
}

pub(crate) fn parse_ask(ask: &str) -> Result<Ask, PromiseError> {
    Ask::parse(ask).ok_or(PromiseError::Invalid(Invalid::Ask))
}

pub(crate) fn parse_domain(domain: &str) -> Result<Option<TrustDomain>, PromiseError> {
    TrustDomain::parse_optional(domain).map_err(|e| PromiseError::Invalid(Invalid::Domain(e)))
}

/// A promise id from a path; anything that is not one is no promise.
pub(crate) fn parse_id(text: &str) -> Result<PromiseId, PromiseError> {
    text.parse().map_err(|_| PromiseError::NotFound)
}

/// The cached folds, one per space and viewer, with the tick of their last use.
#[derive(Clone, Default)]
pub(crate) struct Ledgers {
    entries: Arc<Mutex<LedgerMap>>,
}

#[derive(Default)]
struct LedgerMap {
    folds: HashMap<(SpaceId, PersonId), (u64, SharedLedger)>,
    tick: u64,
}

/// One viewer's fold, locked for the length of one operation.
type SharedLedger = Arc<tokio::sync::Mutex<Cached>>;

struct Cached {
    /// The members the fold was made with: visibility depends on them.
    members: Vec<Member>,
    ledger: Ledger,
}

impl Ledgers {
    fn entry(&self, space: SpaceId, viewer: PersonId) -> Arc<tokio::sync::Mutex<Cached>> {
        // A poisoned lock only means another request panicked mid-insert; the map is intact.
        let mut map = self
            .entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.tick += 1;
        let tick = map.tick;
        if map.folds.len() >= CACHED_LEDGERS && !map.folds.contains_key(&(space, viewer)) {
            map.evict_least_recent(CACHED_LEDGERS / 8);
        }
        let (used, ledger) = map.folds.entry((space, viewer)).or_insert_with(|| {
            let fresh = Arc::new(tokio::sync::Mutex::new(Cached {
                members: Vec::new(),
                ledger: Ledger::new(viewer),
            }));
            (tick, fresh)
        });
        *used = tick;
        Arc::clone(ledger)
    }
}

impl LedgerMap {
    /// Drops the `count` folds used longest ago: one scan now and then rather than bookkeeping
    /// on every request. A fold in use elsewhere lives on in its holder and is simply not
    /// cached any more.
    fn evict_least_recent(&mut self, count: usize) {
        if self.folds.is_empty() || count == 0 {
            return;
        }
        let mut ticks: Vec<u64> = self.folds.values().map(|(tick, _)| *tick).collect();
        let nth = (count - 1).min(ticks.len() - 1);
        // Ticks are distinct, so exactly the `nth + 1` oldest are at or below the cutoff.
        let (_, &mut cutoff, _) = ticks.select_nth_unstable(nth);
        self.folds.retain(|_, (tick, _)| *tick > cutoff);
    }
}

/// A space's ledger as one current member sees it, held for the length of one operation.
pub(crate) struct Opened {
    pub(crate) space: SpaceId,
    pub(crate) person: PersonId,
    /// The person's current partner, if they are not alone: the only one to act with.
    pub(crate) partner: Option<PersonId>,
    /// Whom the pages about the two of them are about: the current partner, or a partner who
    /// left while the person stayed, whose shared history the person keeps to read.
    pub(crate) counterpart: Option<Counterpart>,
    cached: OwnedMutexGuard<Cached>,
}

impl Opened {
    pub(crate) fn ledger(&self) -> &Ledger {
        &self.cached.ledger
    }

    pub(crate) fn members(&self) -> &[Member] {
        &self.cached.members
    }

    /// The person the pages are about: the current partner or the former one.
    pub(crate) fn with(&self) -> Option<PersonId> {
        self.counterpart.map(Counterpart::person)
    }

    /// True when the person is alone since their partner left: what is shown of the two of them
    /// is history, read-only.
    pub(crate) fn partner_left(&self) -> bool {
        self.counterpart.is_some_and(|c| !c.may_act())
    }

    /// A promise between the person and their current partner, to act on; any other is not
    /// found (nothing can be done with a former partner's promises).
    pub(crate) fn promise(&self, id: PromiseId) -> Result<&Promise, PromiseError> {
        let partner = self.partner.ok_or(PromiseError::NotFound)?;
        self.ledger()
            .promises
            .get(id)
            .filter(|p| involves(p, self.person, partner))
            .ok_or(PromiseError::NotFound)
    }

    /// A promise between the person and their partner, current or former, to read.
    pub(crate) fn promise_to_read(&self, id: PromiseId) -> Result<&Promise, PromiseError> {
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
    pub(crate) fn promises(&self) -> Vec<&Promise> {
        match self.with() {
            Some(partner) => self
                .ledger()
                .promises
                .between(self.person, partner)
                .collect(),
            None => Vec::new(),
        }
    }

    /// Reads what was appended since the fold was last advanced.
    async fn advance(&mut self, state: &AppState) -> Result<(), StoreError> {
        let from = self.cached.ledger.seq() + 1;
        let events = state.store.read(StreamId::Space(self.space), from).await?;
        let cached = &mut *self.cached;
        cached.ledger.advance(&events, &cached.members);
        Ok(())
    }

    /// Appends the event `decide` makes from the current fold. When the partner wrote first,
    /// the fold moves on and `decide` runs again on what is there now.
    async fn write(
        &mut self,
        state: &AppState,
        decide: impl Fn(&Opened, Timestamp) -> Result<NewEvent, PromiseError>,
    ) -> Result<(), PromiseError> {
        for lost in 0..WRITE_ATTEMPTS {
            let event = decide(self, state.now())?;
            let expected = self.cached.ledger.seq();
            let stream = StreamId::Space(self.space);
            match state.store.append(stream, expected, vec![event]).await {
                Ok(_) => {
                    self.advance(state).await?;
                    return Ok(());
                }
                Err(StoreError::Conflict { actual, .. }) => {
                    tokio::time::sleep(after_lost_race(lost)).await;
                    self.advance(state).await?;
                    // Events erased at the stream's end leave its head above the last event.
                    self.cached.ledger.skip_to(actual);
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(PromiseError::Failed(WebError::Store(
            StoreError::Conflict {
                stream: StreamId::Space(self.space).to_string(),
                expected: self.cached.ledger.seq(),
                actual: self.cached.ledger.seq(),
            },
        )))
    }
}

impl Opened {
    /// Appends the events `decide` makes from the current fold, in one append; on losing a race
    /// the fold moves on and `decide` runs again. For features whose decisions write several
    /// events at once (a check-in's submission) and have errors of their own.
    pub(crate) async fn write_all<E: From<StoreError>>(
        &mut self,
        state: &AppState,
        mut decide: impl FnMut(&Opened, Timestamp) -> Result<Vec<NewEvent>, E>,
    ) -> Result<(), E> {
        let stream = StreamId::Space(self.space);
        for lost in 0..WRITE_ATTEMPTS {
            let events = decide(self, state.now())?;
            let expected = self.cached.ledger.seq();
            match state.store.append(stream, expected, events).await {
                Ok(_) => {
                    self.advance(state).await?;
                    return Ok(());
                }
                Err(StoreError::Conflict { actual, .. }) => {
                    tokio::time::sleep(after_lost_race(lost)).await;
                    self.advance(state).await?;
                    self.cached.ledger.skip_to(actual);
                }
                Err(other) => return Err(other.into()),
            }
        }
        Err(StoreError::Conflict {
            stream: stream.to_string(),
            expected: self.cached.ledger.seq(),
            actual: self.cached.ledger.seq(),
        }
        .into())
    }
}

fn involves(promise: &Promise, one: PersonId, other: PersonId) -> bool {
    (promise.promiser == one && promise.receiver == other)
        || (promise.promiser == other && promise.receiver == one)
}

/// The space's ledger for another feature built on it: every refusal to open it is that
/// feature's `not_found`; only a failure underneath stays a failure.
pub(crate) async fn open_for<E: From<WebError>>(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    not_found: E,
) -> Result<Opened, E> {
    open(state, person, space)
        .await
        .map_err(|error| match error {
            PromiseError::Failed(web) => E::from(web),
            _ => not_found,
        })
}

/// The space's ledger for one of its current members; anyone else is told it does not exist.
pub(crate) async fn open(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<Opened, PromiseError> {
    let members: Vec<Member> = state
        .store
        .members(space)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    if space::standing(&members, person) != Standing::Current {
        return Err(PromiseError::NotFound);
    }
    let mut cached = state.ledgers.entry(space, person).lock_owned().await;
    if cached.members != members {
        // Someone joined or left: what the person may see has changed, so fold again.
        cached.ledger = Ledger::new(person);
        cached.members = members;
    }
    let partner = space::partner_of(&cached.members, person);
    let counterpart = space::counterpart(&cached.members, person);
    let mut opened = Opened {
        space,
        person,
        partner,
        counterpart,
        cached,
    };
    opened.advance(state).await?;
    Ok(opened)
}

fn new_event_id() -> EventId {
    EventId::from_uuid(uuid::Uuid::new_v4())
}

/// Makes a promise from `person` to their partner; answers its id.
pub(crate) async fn make(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    input: NewPromise,
) -> Result<PromiseId, PromiseError> {
    let terms = Terms {
        text: parse_text(&input.text)?,
        stakes: parse_stakes(input.stakes)?,
        due: input.due,
    };
    let domain = parse_domain(&input.domain)?;
    let mut opened = open(state, person, space).await?;
    let id = PromiseId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write(state, |opened, now| {
            let change = opened
                .ledger()
                .promises
                .decide_make(
                    person,
                    opened.partner,
                    terms.clone(),
                    domain.clone(),
                    input.made_at,
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
pub(crate) async fn act(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    promise: PromiseId,
    command: Command,
) -> Result<(), PromiseError> {
    let mut opened = open(state, person, space).await?;
    opened
        .write(state, |opened, now| {
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
pub(crate) async fn check(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    promise: PromiseId,
    command: &Command,
) -> Result<(), PromiseError> {
    let opened = open(state, person, space).await?;
    opened
        .promise(promise)?
        .decide(person, command.clone(), state.now())
        .map(|_| ())
        .map_err(PromiseError::Refused)
}

/// Offers a smaller promise in place of a broken one, through the one rule for making promises;
/// answers the new promise's id. The two are written in one append, so they never part.
pub(crate) async fn offer(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    broken: PromiseId,
    input: NewPromise,
) -> Result<PromiseId, PromiseError> {
    let terms = Terms {
        text: parse_text(&input.text)?,
        stakes: parse_stakes(input.stakes)?,
        due: input.due,
    };
    let domain = parse_domain(&input.domain)?;
    let mut opened = open(state, person, space).await?;
    let id = PromiseId::from_uuid(uuid::Uuid::new_v4());
    opened
        .write_all(state, |opened, now| {
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
pub(crate) async fn set_consent(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    on: bool,
) -> Result<(), PromiseError> {
    let mut opened = open(state, person, space).await?;
    if opened.ledger().consent.is_on(person, opened.members()) == on {
        return Ok(());
    }
    opened
        .write(state, |_, now| {
            Ok(ConsentEvent { on }.into_event(new_event_id(), person, now))
        })
        .await
}

/// Where the two partners stand on the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ConsentState {
    pub(crate) mine: bool,
    pub(crate) partner: bool,
    pub(crate) has_partner: bool,
}

pub(crate) fn consent_state(opened: &Opened) -> ConsentState {
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
pub(crate) struct Direction {
    pub(crate) promiser: PersonId,
    /// True for the person's own promises to their partner.
    pub(crate) yours: bool,
    pub(crate) overall: RecordView,
    pub(crate) domains: Vec<RecordView>,
}

/// The record as of now, both directions (the partner's promises to the person first), or
/// [`PromiseError::RecordOff`] until both partners switched it on.
pub(crate) async fn record(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<(Opened, Vec<Direction>), PromiseError> {
    let mut opened = open(state, person, space).await?;
    let partner = opened.with().ok_or(PromiseError::RecordOff)?;
    let members = opened.cached.members.clone();
    let now = state.now();
    let book = opened
        .cached
        .ledger
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

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    fn key() -> (SpaceId, PersonId) {
        (
            SpaceId::from_uuid(Uuid::new_v4()),
            PersonId::from_uuid(Uuid::new_v4()),
        )
    }

    fn cached(ledgers: &Ledgers, (space, viewer): (SpaceId, PersonId)) -> bool {
        ledgers
            .entries
            .lock()
            .expect("lock")
            .folds
            .contains_key(&(space, viewer))
    }

    #[test]
    fn a_full_cache_drops_the_folds_used_longest_ago_and_keeps_the_busy_ones() {
        let ledgers = Ledgers::default();
        let keys: Vec<_> = (0..CACHED_LEDGERS).map(|_| key()).collect();
        for &(space, viewer) in &keys {
            ledgers.entry(space, viewer);
        }
        // The oldest fold is used again: it is now the most recent.
        let (space, viewer) = keys[0];
        let kept = ledgers.entry(space, viewer);

        let newcomer = key();
        ledgers.entry(newcomer.0, newcomer.1);

        let map_len = ledgers.entries.lock().expect("lock").folds.len();
        assert_eq!(map_len, CACHED_LEDGERS - CACHED_LEDGERS / 8 + 1);
        assert!(cached(&ledgers, keys[0]), "the busy fold stays");
        assert!(cached(&ledgers, newcomer), "the newcomer is cached");
        for &dropped in &keys[1..=CACHED_LEDGERS / 8] {
            assert!(!cached(&ledgers, dropped), "the least recent are dropped");
        }
        assert!(cached(&ledgers, keys[CACHED_LEDGERS / 8 + 1]));
        // The same fold is handed out again while it stays cached.
        assert!(Arc::ptr_eq(&kept, &ledgers.entry(space, viewer)));
    }
}
