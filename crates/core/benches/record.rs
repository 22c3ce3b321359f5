//! The cost of the reliability record as a space's history grows (CONTRIBUTING.md, Tests expected with a change:
//! "cost as history grows"). Run with `cargo bench -p steadfast-core --bench record`.
//!
//! A space of N events, written through the core's own decisions: promises both ways, in a few
//! trust domains, done and kept, some broken (a few with deception), renegotiated, released, let
//! go or extended when overdue, about two hours apart (N = 1,000 is three months; 100,000 is two
//! decades). Three ways to get both directions' records:
//!
//! - `from_scratch`: a new fold over all N events, the record built, both directions viewed —
//!   what a server pays after a restart, or when the members change;
//! - `cached_then_advanced`: a fold already over N − 10 events with its record built, cloned
//!   outside the timing, then advanced by the last 10 and both directions viewed — what each
//!   request pays. A clone's vectors have no spare room, so the first push into each (a new
//!   promise, a new outcome) copies it whole: an O(N) cost the server never pays, as it advances
//!   its cached fold in place;
//! - `cached_in_place`: the same, on a fold grown by advancing (as the server's is) rather than
//!   cloned: the per-request cost without that copy. Each input is a fold from scratch, so this
//!   one takes fewer samples.

use std::hint::black_box;

use divan::Bencher;
use steadfast_core::promise::{
    Change, Command, PromiseBook, PromiseEvent, PromiseText, Reason, Severity, Stakes, Status,
    Terms, TrustDomain, decide_make,
};
use steadfast_core::record::{ConsentEvent, Params, RecordView, TrackKey};
use steadfast_core::space::Member;
use steadfast_core::{
    EventId, Ledger, NewEvent, PersonId, PromiseId, RecordedEvent, SpaceId, StreamId, Timestamp,
};
use uuid::Uuid;

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[100, 1_000, 10_000, 100_000];
/// New events since the cached fold.
const NEW: usize = 10;

const A: PersonId = PersonId::from_uuid(Uuid::from_u128(1));
const B: PersonId = PersonId::from_uuid(Uuid::from_u128(2));
const HOUR_MS: i64 = 60 * 60 * 1000;
const DAY_MS: i64 = 24 * HOUR_MS;
const START: Timestamp = Timestamp::from_millis(1_735_516_800_000);

#[divan::bench(args = SIZES, max_time = 10)]
fn from_scratch(bencher: Bencher, n: usize) {
    let space = Space::with_events(n);
    bencher.bench_local(|| {
        let mut ledger = Ledger::new(A);
        ledger.advance(black_box(&space.events), &space.members);
        space.both_directions(&mut ledger)
    });
}

#[divan::bench(args = SIZES, max_time = 10, sample_count = 200, sample_size = 1)]
fn cached_then_advanced(bencher: Bencher, n: usize) {
    let space = Space::with_events(n);
    let cached = space.cached();
    bencher
        .with_inputs(|| cached.clone())
        .bench_local_refs(|ledger| space.advance_and_view(ledger));
}

#[divan::bench(args = SIZES, max_time = 20, sample_count = 30, sample_size = 1)]
fn cached_in_place(bencher: Bencher, n: usize) {
    let space = Space::with_events(n);
    bencher
        .with_inputs(|| space.cached())
        .bench_local_refs(|ledger| space.advance_and_view(ledger));
}

/// A couple's space and its log.
struct Space {
    members: Vec<Member>,
    events: Vec<RecordedEvent>,
    /// An hour after the last event.
    now: Timestamp,
}

impl Space {
    /// A fold over all but the last [`NEW`] events, with its record built.
    fn cached(&self) -> Ledger {
        let mut ledger = Ledger::new(A);
        ledger.advance(&self.events[..self.events.len() - NEW], &self.members);
        assert!(ledger.record(&self.members, &Params::DEFAULT).is_some());
        ledger
    }

    /// What a request pays with a cached fold: the new events, then both records.
    fn advance_and_view(&self, ledger: &mut Ledger) -> [RecordView; 2] {
        let new = &self.events[self.events.len() - NEW..];
        ledger.advance(black_box(new), &self.members);
        self.both_directions(ledger)
    }

    /// Both partners' records, as the record page asks for them.
    fn both_directions(&self, ledger: &mut Ledger) -> [RecordView; 2] {
        let Some(book) = ledger.record(&self.members, &Params::DEFAULT) else {
            panic!("both partners switched the record on");
        };
        [(A, B), (B, A)].map(|(promiser, receiver)| {
            let key = TrackKey {
                promiser,
                receiver,
                domain: None,
            };
            book.view(&key, self.now)
        })
    }

    fn with_events(n: usize) -> Self {
        let mut writer = Writer {
            rng: Rng(0x5eed_f00d ^ n as u64),
            now: START,
            events: Vec::with_capacity(n),
            book: PromiseBook::default(),
            open: Vec::new(),
            next_id: 10,
            domains: ["money", "time", "phone", "chores"]
                .map(|d| TrustDomain::parse(d).unwrap_or_else(|_| unreachable!())),
        };
        writer.consent(A);
        writer.consent(B);
        while writer.events.len() < n - NEW {
            writer.tick();
        }
        writer.last_hours();
        Self {
            members: [A, B]
                .map(|person| Member {
                    person,
                    joined: START,
                    left: None,
                })
                .to_vec(),
            now: Timestamp::from_millis(writer.now.as_millis() + HOUR_MS),
            events: writer.events,
        }
    }
}

/// splitmix64: deterministic, so every run benchmarks the same history.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// Writes a couple's life into the log, each step decided by the core as the edge would.
struct Writer {
    rng: Rng,
    now: Timestamp,
    events: Vec<RecordedEvent>,
    book: PromiseBook,
    open: Vec<PromiseId>,
    next_id: u128,
    domains: [TrustDomain; 4],
}

impl Writer {
    fn append(&mut self, event: NewEvent) {
        if let Some(promise_event) = PromiseEvent::from_event(&event) {
            self.book.apply(event.author, event.at, &promise_event);
        }
        self.events.push(RecordedEvent {
            stream: StreamId::Space(SpaceId::from_uuid(Uuid::from_u128(100))),
            seq: self.events.len() as u64 + 1,
            event,
        });
    }

    fn id(&mut self) -> Uuid {
        self.next_id += 1;
        Uuid::from_u128(self.next_id)
    }

    fn consent(&mut self, person: PersonId) {
        let id = EventId::from_uuid(self.id());
        self.append(ConsentEvent { on: true }.into_event(id, person, self.now));
    }

    fn terms(&mut self, due_in: Option<i64>) -> Terms {
        // Mostly small promises: stakes 1–2 half the time.
        let stakes = [1, 1, 2, 2, 2, 3, 3, 4, 5, 5][self.rng.below(10) as usize];
        Terms {
            text: PromiseText::parse("call if I am late").unwrap_or_else(|_| unreachable!()),
            stakes: Stakes::new(stakes).unwrap_or_else(|_| unreachable!()),
            due: due_in.map(|ms| Timestamp::from_millis(self.now.as_millis() + ms)),
        }
    }

    /// One event: about two hours after the last, a new promise or a step on an open one.
    fn tick(&mut self) {
        self.now = Timestamp::from_millis(
            self.now.as_millis() + 1 + self.rng.below(4 * HOUR_MS as u64) as i64,
        );
        if self.open.len() < 3 || self.rng.chance(30) {
            self.make();
        } else {
            let i = self.rng.below(self.open.len() as u64) as usize;
            self.step(i);
        }
    }

    fn make(&mut self) {
        let (promiser, receiver) = if self.rng.chance(50) { (A, B) } else { (B, A) };
        let due_in = self
            .rng
            .chance(60)
            .then(|| DAY_MS + self.rng.below(14 * DAY_MS as u64) as i64);
        let domain = (!self.rng.chance(40)).then(|| {
            let i = self.rng.below(4) as usize;
            self.domains[i].clone()
        });
        if let Some(promise) = self.made(promiser, receiver, due_in, domain) {
            self.open.push(promise);
        }
    }

    /// A new promise, if the core allows it.
    fn made(
        &mut self,
        promiser: PersonId,
        receiver: PersonId,
        due_in: Option<i64>,
        domain: Option<TrustDomain>,
    ) -> Option<PromiseId> {
        let terms = self.terms(due_in);
        let change = decide_make(promiser, Some(receiver), terms, domain, None, self.now).ok()?;
        let promise = PromiseId::from_uuid(self.id());
        self.write(promise, change, promiser);
        Some(promise)
    }

    /// A step on a promise, if the core allows it.
    fn act(&mut self, id: PromiseId, actor: PersonId, command: Command) -> bool {
        let Some(decided) = self
            .book
            .get(id)
            .map(|p| p.decide(actor, command, self.now))
        else {
            return false;
        };
        // A refusal (new terms asked for too close to the due time, and the like) writes nothing.
        decided.map(|change| self.write(id, change, actor)).is_ok()
    }

    /// The same ten new events for every N, so the cached benchmarks compare like with like: a
    /// promise each way made, done and kept; one in a domain, broken; one released.
    fn last_hours(&mut self) {
        let start = self.events.len();
        let later = |writer: &mut Self| {
            writer.now = Timestamp::from_millis(writer.now.as_millis() + HOUR_MS / 2);
        };
        let kept = Command::ConfirmKept {
            stakes: None,
            when: None,
        };
        let mut done = true;
        for (promiser, receiver) in [(A, B), (B, A)] {
            later(self);
            let Some(p) = self.made(promiser, receiver, None, None) else {
                panic!("a promise without a due time is always allowed");
            };
            later(self);
            done &= self.act(p, promiser, Command::MarkDone { when: None });
            later(self);
            done &= self.act(p, receiver, kept.clone());
        }
        let money = Some(self.domains[0].clone());
        for (domain, actor, command) in [(money, B, broken(3)), (None, A, Command::Release)] {
            later(self);
            let receiver = if actor == A { B } else { A };
            let Some(p) = self.made(receiver, actor, None, domain) else {
                panic!("a promise without a due time is always allowed");
            };
            later(self);
            done &= self.act(p, actor, command);
        }
        assert!(done && self.events.len() == start + NEW);
    }

    fn step(&mut self, i: usize) {
        let id = self.open[i];
        let Some(promise) = self.book.get(id) else {
            self.open.swap_remove(i);
            return;
        };
        let (promiser, receiver) = (promise.promiser, promise.receiver);
        let (pending, done) = (promise.pending.is_some(), promise.status == Status::Done);
        let overdue = promise.is_overdue(self.now);
        let roll = self.rng.below(100);
        let (actor, command) = if pending {
            if roll < 85 {
                (receiver, Command::AcceptRenegotiation)
            } else {
                (receiver, Command::DeclineRenegotiation)
            }
        } else if done {
            if roll < 90 {
                (
                    receiver,
                    Command::ConfirmKept {
                        stakes: None,
                        when: None,
                    },
                )
            } else {
                (receiver, Command::NotYet)
            }
        } else if overdue {
            match roll {
                0..50 => (receiver, broken(roll)),
                50..80 => (
                    receiver,
                    Command::Extend {
                        due: Timestamp::from_millis(self.now.as_millis() + 7 * DAY_MS),
                    },
                ),
                _ => (receiver, Command::LetGo),
            }
        } else {
            match roll {
                0..55 => (promiser, Command::MarkDone { when: None }),
                55..75 => (
                    receiver,
                    Command::ConfirmKept {
                        stakes: None,
                        when: None,
                    },
                ),
                75..85 => (receiver, broken(roll)),
                85..95 => {
                    let due_in = Some(3 * DAY_MS + self.rng.below(14 * DAY_MS as u64) as i64);
                    let terms = self.terms(due_in);
                    let reason =
                        Reason::parse("the week got away").unwrap_or_else(|_| unreachable!());
                    (promiser, Command::AskRenegotiation { terms, reason })
                }
                _ => (receiver, Command::Release),
            }
        };
        if self.act(id, actor, command) && self.book.get(id).is_some_and(|p| p.status.is_settled())
        {
            self.open.swap_remove(i);
        }
    }

    fn write(&mut self, promise: PromiseId, change: Change, author: PersonId) {
        let id = EventId::from_uuid(self.id());
        let event = PromiseEvent { promise, change }.into_event(id, author, self.now);
        self.append(event);
    }
}

/// A breach: severity 1–4 from the roll, one in ten with deception.
fn broken(roll: u64) -> Command {
    Command::RecordBroken {
        severity: Severity::new(1 + (roll % 4) as u8).unwrap_or_else(|_| unreachable!()),
        deception: roll.is_multiple_of(10),
        when: None,
    }
}
