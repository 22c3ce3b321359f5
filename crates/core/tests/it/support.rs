//! What the promise, record and ledger stories share: three people, instants in days, terms, and
//! a space's event log written through the core's own decisions.

use std::time::Duration;

use steadfast_core::promise::{
    Change, Command, Promise, PromiseBook, PromiseEvent, PromiseText, Reason, Stakes, Terms,
    TrustDomain, decide_make,
};
use steadfast_core::record::ConsentEvent;
use steadfast_core::space::Member;
use steadfast_core::{
    EventId, NewEvent, PersonId, PromiseId, RecordedEvent, SpaceId, StreamId, Timestamp, Visibility,
};
use uuid::Uuid;

/// The promiser in most stories, and the first partner of the space.
pub const A: PersonId = PersonId::from_uuid(Uuid::from_u128(1));
/// A's partner.
pub const B: PersonId = PersonId::from_uuid(Uuid::from_u128(2));
/// Someone else: a third person, or a former partner.
pub const C: PersonId = PersonId::from_uuid(Uuid::from_u128(3));

pub const MS_PER_DAY: i64 = 24 * 60 * 60 * 1000;

/// Midnight UTC on 30 December 2024: any instant will do, and this one reads well in a debugger.
pub const T0: Timestamp = Timestamp::from_millis(1_735_516_800_000);

/// `days` after [`T0`], to the millisecond.
pub fn day(days: f64) -> Timestamp {
    Timestamp::from_millis(T0.as_millis() + (days * MS_PER_DAY as f64).round() as i64)
}

pub fn plus(at: Timestamp, millis: i64) -> Timestamp {
    Timestamp::from_millis(at.as_millis() + millis)
}

pub fn days(n: f64) -> Duration {
    Duration::from_secs_f64(n * 86_400.0)
}

pub fn millis(span: Duration) -> i64 {
    i64::try_from(span.as_millis()).unwrap()
}

pub fn stakes(n: u8) -> Stakes {
    Stakes::new(n).unwrap()
}

pub fn terms(stakes_: u8, due: Option<Timestamp>) -> Terms {
    Terms {
        text: PromiseText::parse("call if I am late").unwrap(),
        stakes: stakes(stakes_),
        due,
    }
}

pub fn reason() -> Reason {
    Reason::parse("the car broke down").unwrap()
}

pub fn domain(name: &str) -> TrustDomain {
    TrustDomain::parse(name).unwrap()
}

/// A and B, partners from the start.
pub fn couple() -> Vec<Member> {
    vec![
        Member {
            person: A,
            joined: T0,
            left: None,
        },
        Member {
            person: B,
            joined: T0,
            left: None,
        },
    ]
}

/// One space's log, written the way the edge writes it: each step decided by the core first,
/// and appended only when allowed.
pub struct Log {
    pub events: Vec<RecordedEvent>,
    space: SpaceId,
    next: u128,
    /// Every promise, as the two partners (who see all of them) know it.
    book: PromiseBook,
    promises: Vec<PromiseId>,
}

impl Log {
    pub fn new() -> Self {
        Self {
            events: Vec::new(),
            space: SpaceId::from_uuid(Uuid::from_u128(100)),
            next: 1_000,
            book: PromiseBook::default(),
            promises: Vec::new(),
        }
    }

    fn fresh(&mut self) -> Uuid {
        self.next += 1;
        Uuid::from_u128(self.next)
    }

    /// Appends an event as is, decided or not.
    pub fn append(&mut self, event: NewEvent) {
        if let Some(promise_event) = PromiseEvent::from_event(&event) {
            self.book.apply(event.author, event.at, &promise_event);
        }
        let seq = self.events.last().map_or(1, |e| e.seq + 1);
        self.events.push(RecordedEvent {
            stream: StreamId::Space(self.space),
            seq,
            event,
        });
    }

    /// A promise event, not decided: for stories about what the fold does with such a thing.
    pub fn raw(&mut self, promise: PromiseId, change: Change, author: PersonId, at: Timestamp) {
        let id = EventId::from_uuid(self.fresh());
        self.append(PromiseEvent { promise, change }.into_event(id, author, at));
    }

    /// The same, but private to its author (which a promise event never is when written by the
    /// core).
    pub fn private(&mut self, promise: PromiseId, change: Change, author: PersonId, at: Timestamp) {
        let id = EventId::from_uuid(self.fresh());
        let mut event = PromiseEvent { promise, change }.into_event(id, author, at);
        event.visibility = Visibility::Private;
        self.append(event);
    }

    /// `promiser` makes a promise to `receiver`, if the core allows it.
    pub fn make(
        &mut self,
        promiser: PersonId,
        receiver: PersonId,
        terms: Terms,
        domain: Option<TrustDomain>,
        at: Timestamp,
    ) -> Option<PromiseId> {
        let change = decide_make(promiser, Some(receiver), terms, domain, None, at).ok()?;
        let promise = PromiseId::from_uuid(self.fresh());
        self.raw(promise, change, promiser, at);
        self.promises.push(promise);
        Some(promise)
    }

    /// `actor` takes a step on a promise, if the core allows it; whether it was allowed.
    pub fn step(
        &mut self,
        promise: PromiseId,
        actor: PersonId,
        command: Command,
        at: Timestamp,
    ) -> bool {
        let Some(decided) = self.get(promise).map(|p| p.decide(actor, command, at)) else {
            return false;
        };
        match decided {
            Ok(change) => {
                self.raw(promise, change, actor, at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn consent(&mut self, author: PersonId, on: bool, at: Timestamp) {
        let id = EventId::from_uuid(self.fresh());
        self.append(ConsentEvent { on }.into_event(id, author, at));
    }

    pub fn get(&self, promise: PromiseId) -> Option<&Promise> {
        self.book.get(promise)
    }

    /// The promises made so far, oldest first.
    pub fn promises(&self) -> &[PromiseId] {
        &self.promises
    }
}
