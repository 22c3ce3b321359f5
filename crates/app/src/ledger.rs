//! The fold of a space's events as one person sees it ([`Ledger`]), cached per viewer and
//! advanced with new events only, so a request's cost does not grow with the space's history;
//! and the one optimistic write loop every write uses ([`append_retrying`]). A write decides on
//! what it read, appends with the sequence number it decided on, and on a conflict (someone wrote
//! in between) reads on and decides again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use steadfast_core::space::{self, Counterpart, Member, Standing};
use steadfast_core::{EventId, Ledger, NewEvent, PersonId, SpaceId, StreamId, Timestamp};
use steadfast_store::StoreError;
use tokio::sync::OwnedMutexGuard;

use crate::refusal::Failure;
use crate::{App, spaces};

/// How many viewers' folds are kept. Past this the least recently used eighth is dropped; a
/// dropped fold is rebuilt from the log on its next request. A month-old couple's fold is about
/// 50 KB, so this bounds the cache near 25 MB in the worst case (measured by `scripts/bench`
/// with 10,000 couples).
const CACHED_LEDGERS: usize = 512;

/// How often a write decides again after losing a race before giving up (then: busy).
const WRITE_ATTEMPTS: usize = 16;

/// The pause before deciding again after losing race number `lost` (from 0): a random share of a
/// window that doubles each time, from 2 ms up to 64 ms, so writers that collided spread out
/// instead of colliding again in step. Sixteen losses wait about 0.8 s at the very most.
pub fn after_lost_race(lost: usize) -> std::time::Duration {
    let window_ms = 2u64 << lost.min(5);
    std::time::Duration::from_micros(fastrand::u64(0..=window_ms * 1000))
}

/// A fresh id for an event about to be appended.
pub fn new_event_id() -> EventId {
    EventId::from_uuid(uuid::Uuid::new_v4())
}

/// The cached folds, one per space and viewer, with the tick of their last use.
#[derive(Clone, Default)]
pub struct Ledgers {
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
    fn entry(&self, space: SpaceId, viewer: PersonId) -> SharedLedger {
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
pub struct Opened {
    pub space: SpaceId,
    pub person: PersonId,
    /// The person's current partner, if they are not alone: the only one to act with.
    pub partner: Option<PersonId>,
    /// Whom the pages about the two of them are about: the current partner, or a partner who
    /// left while the person stayed, whose shared history the person keeps to read.
    pub counterpart: Option<Counterpart>,
    cached: OwnedMutexGuard<Cached>,
}

impl Opened {
    pub fn ledger(&self) -> &Ledger {
        &self.cached.ledger
    }

    /// The fold to read what it computes on demand (the record), for the use cases here.
    pub(crate) fn ledger_mut(&mut self) -> &mut Ledger {
        &mut self.cached.ledger
    }

    pub fn members(&self) -> &[Member] {
        &self.cached.members
    }

    /// The person the pages are about: the current partner or the former one.
    pub fn with(&self) -> Option<PersonId> {
        self.counterpart.map(Counterpart::person)
    }

    /// True when the person is alone since their partner left: what is shown of the two of them
    /// is history, read-only.
    pub fn partner_left(&self) -> bool {
        self.counterpart.is_some_and(|c| !c.may_act())
    }

    /// Reads what was appended since the fold was last advanced.
    async fn advance(&mut self, app: &App) -> Result<(), StoreError> {
        let from = self.cached.ledger.seq() + 1;
        let events = app.store.read(StreamId::Space(self.space), from).await?;
        let cached = &mut *self.cached;
        cached.ledger.advance(&events, &cached.members);
        Ok(())
    }

    /// Appends the event `decide` makes from the current fold. When the partner wrote first,
    /// the fold moves on and `decide` runs again on what is there now.
    pub async fn write<E: From<Failure>>(
        &mut self,
        app: &App,
        decide: impl Fn(&Opened, Timestamp) -> Result<NewEvent, E>,
    ) -> Result<(), E> {
        self.write_all(app, |opened, now| {
            decide(opened, now).map(|event| vec![event])
        })
        .await
    }

    /// Appends the events `decide` makes from the current fold, in one append; on losing a race
    /// the fold moves on and `decide` runs again. For decisions that write several events at
    /// once (a check-in's submission, a smaller promise in place of a broken one).
    pub async fn write_all<E: From<Failure>>(
        &mut self,
        app: &App,
        mut decide: impl FnMut(&Opened, Timestamp) -> Result<Vec<NewEvent>, E>,
    ) -> Result<(), E> {
        let stream = StreamId::Space(self.space);
        append_retrying::<_, _, E>(app, stream, self, |opened, now| {
            let events = decide(opened, now)?;
            Ok(Append::new(opened.cached.ledger.seq(), events, ()))
        })
        .await?;
        self.advance(app).await.map_err(Failure::from)?;
        Ok(())
    }
}

/// The fold is read when the space is opened; after a lost race it reads on.
impl Reading for Opened {
    async fn catch_up(&mut self, app: &App, lost_to: Option<u64>) -> Result<(), Failure> {
        if let Some(head) = lost_to {
            self.advance(app).await?;
            // Events erased at the stream's end leave its head above the last event.
            self.cached.ledger.skip_to(head);
        }
        Ok(())
    }
}

/// What a write reads before it decides, brought up to date before each try.
pub trait Reading {
    /// Reads what is new: `lost_to` is the stream's head after a lost race, none before the
    /// first try.
    fn catch_up(
        &mut self,
        app: &App,
        lost_to: Option<u64>,
    ) -> impl Future<Output = Result<(), Failure>> + Send;
}

/// What one try of a write decided to append, after the stream's head it read.
pub struct Append<T> {
    /// The head the decision was made on: the append happens only if it is still the head.
    pub expected: u64,
    pub events: Vec<NewEvent>,
    /// Events whose words are taken out of the log in the same write.
    pub forget: Vec<EventId>,
    /// What the write answers once it is in.
    pub answer: T,
}

impl<T> Append<T> {
    pub fn new(expected: u64, events: Vec<NewEvent>, answer: T) -> Self {
        Append {
            expected,
            events,
            forget: Vec::new(),
            answer,
        }
    }
}

/// The one optimistic write loop, for any stream: catch up on what was read, decide, and append
/// after the head it read; the store appends only if no one wrote in between. When someone did,
/// it reads on and decides again after a short pause, until it wins or has lost
/// [`WRITE_ATTEMPTS`] times (then: busy).
pub async fn append_retrying<R: Reading, T, E: From<Failure>>(
    app: &App,
    stream: StreamId,
    read: &mut R,
    mut decide: impl FnMut(&R, Timestamp) -> Result<Append<T>, E>,
) -> Result<T, E> {
    let mut lost_to = None;
    for lost in 0..WRITE_ATTEMPTS {
        read.catch_up(app, lost_to).await?;
        let append = decide(read, app.now())?;
        match app
            .store
            .append_forgetting(stream, append.expected, append.events, append.forget)
            .await
        {
            Ok(_) => return Ok(append.answer),
            Err(StoreError::Conflict { actual, .. }) => {
                tokio::time::sleep(after_lost_race(lost)).await;
                lost_to = Some(actual);
            }
            Err(other) => return Err(Failure::from(other).into()),
        }
    }
    Err(Failure::lost_every_race(stream.to_string(), lost_to.unwrap_or_default()).into())
}

/// The space's ledger for one of its current members. Anyone else gets `not_found` — the
/// feature's own "there is no such thing" — so a stranger cannot tell a space exists; only a
/// failure underneath stays a failure.
pub async fn open_for<E: From<Failure>>(
    app: &App,
    person: PersonId,
    space: SpaceId,
    not_found: E,
) -> Result<Opened, E> {
    let members: Vec<Member> = app
        .store
        .members(space)
        .await
        .map_err(Failure::from)?
        .iter()
        .map(spaces::member)
        .collect();
    if space::standing(&members, person) != Standing::Current {
        return Err(not_found);
    }
    let mut cached = app.ledgers.entry(space, person).lock_owned().await;
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
    opened.advance(app).await.map_err(Failure::from)?;
    Ok(opened)
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

    #[test]
    fn the_pause_after_a_lost_race_grows_and_stays_short() {
        for lost in 0..8 {
            let window = std::time::Duration::from_millis(2 << lost.min(5));
            for _ in 0..50 {
                assert!(after_lost_race(lost) <= window);
            }
        }
    }
}
