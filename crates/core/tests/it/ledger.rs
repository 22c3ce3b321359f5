//! The per-viewer fold of a space: what it leaves out (what the viewer may not see), when it
//! holds a record (both partners consent), and that advancing it bit by bit gives what building
//! it from scratch gives.

use proptest::prelude::*;
use steadfast_core::promise::{Change, Command, Severity};
use steadfast_core::record::{ConsentEvent, Params, RecordBook, TrackKey};
use steadfast_core::space::Member;
use steadfast_core::{
    EventId, Ledger, NewEvent, PersonId, PromiseId, RecordedEvent, Timestamp, Visibility,
};
use uuid::Uuid;

use crate::support::{A, B, C, Log, MS_PER_DAY, T0, couple, day, domain, plus, stakes, terms};

const P: Params = Params::DEFAULT;

fn ledger(viewer: PersonId, events: &[RecordedEvent], members: &[Member]) -> Ledger {
    let mut ledger = Ledger::new(viewer);
    ledger.advance(events, members);
    ledger
}

fn directions() -> [(PersonId, PersonId); 2] {
    [(A, B), (B, A)]
}

/// Where two records differ as of `now`, both directions, overall and per domain; the numbers
/// within 1e-9.
fn record_difference(one: &RecordBook, other: &RecordBook, now: Timestamp) -> Option<String> {
    for (promiser, receiver) in directions() {
        let domains = one.domains(promiser, receiver);
        if domains != other.domains(promiser, receiver) {
            return Some(format!("domains {promiser}→{receiver}"));
        }
        let keys = std::iter::once(None)
            .chain(domains.into_iter().map(Some))
            .map(|domain| TrackKey {
                promiser,
                receiver,
                domain,
            });
        for key in keys {
            let (x, y) = (one.view(&key, now), other.view(&key, now));
            let close = |u: f64, v: f64| (u - v).abs() <= 1e-9;
            if !close(x.opinion.expected, y.opinion.expected)
                || !close(x.opinion.uncertainty, y.opinion.uncertainty)
                || (x.kept, x.broken, x.renegotiated) != (y.kept, y.broken, y.renegotiated)
                || x.ladder != y.ladder
            {
                return Some(format!("{key:?}: {x:?} vs {y:?}"));
            }
        }
    }
    None
}

/// Where two folds differ, apart from how far they have read: promises, consent and record.
fn difference(
    one: &mut Ledger,
    other: &mut Ledger,
    members: &[Member],
    now: Timestamp,
) -> Option<String> {
    if one.promises.all() != other.promises.all() {
        return Some(format!(
            "promises: {:?} vs {:?}",
            statuses(one),
            statuses(other)
        ));
    }
    if one.consent != other.consent {
        return Some(format!("consent: {:?} vs {:?}", one.consent, other.consent));
    }
    match (one.record(members, &P).cloned(), other.record(members, &P)) {
        (None, None) => None,
        (Some(x), Some(y)) => record_difference(&x, y, now),
        (x, y) => Some(format!("record on: {} vs {}", x.is_some(), y.is_some())),
    }
}

fn statuses(ledger: &Ledger) -> Vec<&'static str> {
    ledger
        .promises
        .all()
        .iter()
        .map(|p| p.status.as_str())
        .collect()
}

fn keep() -> Command {
    Command::ConfirmKept {
        stakes: None,
        when: None,
    }
}

// ---------------------------------------------------------------------------------------------
// What the viewer may not see changes nothing.

#[test]
fn a_partners_private_events_change_nothing() {
    let members = couple();
    let mut log = Log::new();
    log.consent(A, true, day(0.0));
    log.consent(B, true, day(0.0));
    let shared = log.make(A, B, terms(2, None), None, day(1.0)).unwrap();
    assert!(log.step(shared, B, keep(), day(2.0)));
    // B's private promise to A, which A then confirms: A's step is about a promise A cannot see.
    let secret = PromiseId::from_uuid(Uuid::from_u128(555));
    let made = Change::Made {
        receiver: A,
        terms: terms(5, None),
        domain: Some(domain("hidden")),
        made_at: None,
    };
    log.private(secret, made, B, day(3.0));
    assert!(log.step(secret, A, keep(), day(4.0)));
    // A breach of one of A's promises that B recorded privately, then a kept one, shared.
    let later = log.make(A, B, terms(3, None), None, day(5.0)).unwrap();
    let breach = Change::Broken {
        severity: Severity::new(4).unwrap(),
        deception: true,
        when: None,
    };
    log.private(later, breach, B, day(6.0));
    assert!(
        !log.step(later, B, keep(), day(7.0)),
        "B's own fold saw the breach"
    );
    log.raw(
        later,
        Change::Kept {
            stakes: stakes(3),
            when: None,
        },
        B,
        day(7.0),
    );
    // B switching the record off, privately.
    let off = ConsentEvent { on: false }.into_event(
        EventId::from_uuid(Uuid::from_u128(556)),
        B,
        day(8.0),
    );
    log.append(NewEvent {
        visibility: Visibility::Private,
        ..off
    });

    let is_bs_private =
        |e: &&RecordedEvent| e.event.author == B && e.event.visibility == Visibility::Private;
    let without: Vec<RecordedEvent> = log
        .events
        .iter()
        .filter(|e| !is_bs_private(e))
        .cloned()
        .collect();
    assert_eq!(without.len() + 3, log.events.len());
    let now = day(10.0);
    let mut all = ledger(A, &log.events, &members);
    let mut seen = ledger(A, &without, &members);
    assert_eq!(difference(&mut all, &mut seen, &members, now), None);
    assert_eq!(all.seq(), log.events.len() as u64);
    assert_eq!(statuses(&all), ["kept", "kept"]);

    // Not a vacuous comparison: had those events been shared, they would have changed it all.
    let mut leaked = log.events.clone();
    for e in leaked.iter_mut().filter(|e| e.event.author == B) {
        e.event.visibility = Visibility::Shared;
    }
    let mut told = ledger(A, &leaked, &members);
    assert!(difference(&mut told, &mut seen, &members, now).is_some());
    assert_eq!(told.record(&members, &P).map(|_| ()), None);
}

#[test]
fn a_former_partners_history_stays_with_the_one_who_stayed_and_nothing_after_the_leaving_counts() {
    // A with C from day 0; C left at day 10; B joined at day 20.
    let members = [
        Member {
            person: A,
            joined: T0,
            left: None,
        },
        Member {
            person: C,
            joined: T0,
            left: Some(day(10.0)),
        },
        Member {
            person: B,
            joined: day(20.0),
            left: None,
        },
    ];
    let mut log = Log::new();
    log.consent(A, true, day(0.5));
    log.consent(C, true, day(0.5));
    let theirs = log
        .make(C, A, terms(4, None), Some(domain("money")), day(1.0))
        .unwrap();
    assert!(log.step(theirs, A, keep(), day(2.0)));
    let broken = log
        .make(C, A, terms(2, Some(day(9.0))), None, day(3.0))
        .unwrap();
    let breach = Command::RecordBroken {
        severity: Severity::new(2).unwrap(),
        deception: false,
        when: None,
    };
    assert!(log.step(broken, A, breach, day(4.0)));
    // After C left, C's log entries keep coming (a leaver's own items are theirs).
    log.make(C, A, terms(1, None), None, day(12.0)).unwrap();
    log.consent(C, false, day(13.0));
    // The new couple.
    log.consent(A, true, day(21.0));
    log.consent(B, true, day(21.0));
    let ours = log.make(A, B, terms(3, None), None, day(22.0)).unwrap();
    assert!(log.step(ours, B, keep(), day(23.0)));
    let back = log.make(B, A, terms(2, None), None, day(24.0)).unwrap();
    assert!(log.step(back, A, keep(), day(25.0)));

    // What C wrote after leaving changes nothing; what C shared before stays A's.
    let before_leaving: Vec<RecordedEvent> = log
        .events
        .iter()
        .filter(|e| e.event.author != C || e.event.at < day(10.0))
        .cloned()
        .collect();
    let now = day(30.0);
    let mut all = ledger(A, &log.events, &members);
    let mut seen = ledger(A, &before_leaving, &members);
    assert_eq!(difference(&mut all, &mut seen, &members, now), None);
    assert_eq!(statuses(&all), ["kept", "broken", "kept", "kept"]);
    let record = all.record(&members, &P).unwrap();
    let from_c = TrackKey {
        promiser: C,
        receiver: A,
        domain: None,
    };
    assert_eq!(record.view(&from_c, now).kept, 1);

    // B, who came later, sees nothing of C's.
    let b_sees = ledger(B, &log.events, &members);
    assert_eq!(statuses(&b_sees), ["kept", "kept"]);
}

// ---------------------------------------------------------------------------------------------
// Consent.

/// One more of A's promises, kept by B, a day after the last.
fn promise_kept(log: &mut Log, t: &mut f64) {
    *t += 1.0;
    let p = log
        .make(A, B, terms(2, None), Some(domain("time")), day(*t))
        .unwrap();
    assert!(log.step(p, B, keep(), day(*t + 0.5)));
}

#[test]
fn the_record_exists_only_while_both_partners_have_it_on() {
    let members = couple();
    let mut log = Log::new();
    let mut fold = Ledger::new(A);
    let mut t = 0.0;
    let kept_a_to_b = |fold: &mut Ledger, now| {
        fold.record(&members, &P).map(|book| {
            book.view(
                &TrackKey {
                    promiser: A,
                    receiver: B,
                    domain: None,
                },
                now,
            )
            .kept
        })
    };
    let fresh = |log: &Log| ledger(A, &log.events, &members);

    promise_kept(&mut log, &mut t);
    fold.advance(&log.events, &members);
    assert_eq!(
        kept_a_to_b(&mut fold, day(t + 1.0)),
        None,
        "nobody consented"
    );
    log.consent(A, true, day(t + 1.0));
    fold.advance(&log.events, &members);
    assert_eq!(
        kept_a_to_b(&mut fold, day(t + 1.0)),
        None,
        "only A consented"
    );
    log.consent(B, true, day(t + 1.0));
    fold.advance(&log.events, &members);
    assert_eq!(
        kept_a_to_b(&mut fold, day(t + 1.0)),
        Some(1),
        "built from the past"
    );

    // While on, the record is advanced with each new outcome.
    promise_kept(&mut log, &mut t);
    fold.advance(&log.events, &members);
    assert_eq!(kept_a_to_b(&mut fold, day(t + 1.0)), Some(2));
    let now = day(t + 1.0);
    assert_eq!(difference(&mut fold, &mut fresh(&log), &members, now), None);

    // Either switches it off alone.
    log.consent(B, false, day(t + 1.0));
    fold.advance(&log.events, &members);
    assert_eq!(kept_a_to_b(&mut fold, day(t + 1.0)), None);

    // Outcomes while off are kept as evidence and count once it is on again.
    promise_kept(&mut log, &mut t);
    let p = log.make(A, B, terms(5, None), None, day(t + 0.6)).unwrap();
    let breach = Command::RecordBroken {
        severity: Severity::new(3).unwrap(),
        deception: true,
        when: None,
    };
    assert!(log.step(p, B, breach, day(t + 0.7)));
    fold.advance(&log.events, &members);
    assert_eq!(kept_a_to_b(&mut fold, day(t + 1.0)), None);
    log.consent(B, true, day(t + 1.0));
    fold.advance(&log.events, &members);
    let now = day(t + 1.0);
    assert_eq!(kept_a_to_b(&mut fold, now), Some(3));
    let recomputed = fold.record(&members, &P).unwrap().view(
        &TrackKey {
            promiser: A,
            receiver: B,
            domain: None,
        },
        now,
    );
    assert_eq!(recomputed.broken, 1);
    assert_eq!(difference(&mut fold, &mut fresh(&log), &members, now), None);

    log.consent(A, false, day(t + 2.0));
    fold.advance(&log.events, &members);
    assert_eq!(kept_a_to_b(&mut fold, day(t + 2.0)), None);
}

// ---------------------------------------------------------------------------------------------
// Advanced in chunks, or from scratch.

/// Something that happens in the space. Steps are decided by the core (refusals are simply not
/// written); `Undecided` writes a change nobody decided, as a damaged or hostile edge might, and
/// `Private` and the outsider's events are ones A may not see.
#[derive(Clone, Debug)]
enum Op {
    Make {
        by_a: bool,
        stakes: u8,
        due_days: Option<i64>,
        domain: Option<usize>,
    },
    Step {
        promise: usize,
        by_a: bool,
        step: u8,
        arg: u8,
        ago_hours: Option<i64>,
    },
    Undecided {
        promise: usize,
        author: usize,
        step: u8,
    },
    Private {
        promise: usize,
    },
    Consent {
        by_a: bool,
        on: bool,
    },
    Wait {
        millis: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 1..=5u8, prop::option::of(1..20i64), prop::option::of(0..3usize))
            .prop_map(|(by_a, stakes, due_days, domain)| Op::Make { by_a, stakes, due_days, domain }),
        8 => (any::<usize>(), any::<bool>(), 0..10u8, 1..=4u8, prop::option::of(0..48i64))
            .prop_map(|(promise, by_a, step, arg, ago_hours)| Op::Step {
                promise, by_a, step, arg, ago_hours,
            }),
        1 => (any::<usize>(), 0..3usize, 0..10u8)
            .prop_map(|(promise, author, step)| Op::Undecided { promise, author, step }),
        1 => any::<usize>().prop_map(|promise| Op::Private { promise }),
        2 => (any::<bool>(), prop::bool::weighted(0.8)).prop_map(|(by_a, on)| Op::Consent { by_a, on }),
        3 => (0..5 * MS_PER_DAY).prop_map(|millis| Op::Wait { millis }),
    ]
}

fn step_command(step: u8, arg: u8, when: Option<Timestamp>, now: Timestamp) -> Command {
    let severity = Severity::new(arg).unwrap();
    let later = plus(now, i64::from(arg) * MS_PER_DAY);
    match step {
        0 => Command::MarkDone { when },
        1 => Command::ConfirmKept {
            stakes: Some(stakes(arg)),
            when,
        },
        2 => Command::ConfirmKept { stakes: None, when },
        3 => Command::NotYet,
        4 => Command::AskRenegotiation {
            terms: terms(arg, Some(later)),
            reason: crate::support::reason(),
        },
        5 => Command::AcceptRenegotiation,
        6 => Command::RecordBroken {
            severity,
            deception: arg.is_multiple_of(2),
            when,
        },
        7 => Command::Extend { due: later },
        8 => Command::LetGo,
        _ => Command::Release,
    }
}

/// The change a step would record, undecided.
fn undecided(step: u8) -> Change {
    match step {
        0 => Change::Done { when: None },
        1 | 2 => Change::Kept {
            stakes: stakes(3),
            when: None,
        },
        3 => Change::NotYet,
        5 => Change::RenegotiationAccepted,
        6 => Change::Broken {
            severity: Severity::new(2).unwrap(),
            deception: false,
            when: None,
        },
        8 => Change::LetGo,
        _ => Change::Released,
    }
}

/// The log of a space of A and B after `ops`, and the instant after its last event.
fn space_after(ops: &[Op]) -> (Log, Timestamp) {
    let domains = ["money", "time", "phone"];
    let people = [A, B, C];
    let mut log = Log::new();
    let mut now = T0;
    for op in ops {
        now = plus(now, 1);
        let pick = |log: &Log, i: usize| {
            let promises = log.promises();
            (!promises.is_empty()).then(|| promises[i % promises.len()])
        };
        match *op {
            Op::Make {
                by_a,
                stakes: s,
                due_days,
                domain: d,
            } => {
                let (promiser, receiver) = if by_a { (A, B) } else { (B, A) };
                let due = due_days.map(|n| plus(now, n * MS_PER_DAY));
                let domain = d.map(|i| crate::support::domain(domains[i]));
                log.make(promiser, receiver, terms(s, due), domain, now);
            }
            Op::Step {
                promise,
                by_a,
                step,
                arg,
                ago_hours,
            } => {
                if let Some(id) = pick(&log, promise) {
                    let when = ago_hours.map(|h| plus(now, -h * 60 * 60 * 1000));
                    let actor = if by_a { A } else { B };
                    log.step(id, actor, step_command(step, arg, when, now), now);
                }
            }
            Op::Undecided {
                promise,
                author,
                step,
            } => {
                if let Some(id) = pick(&log, promise) {
                    log.raw(id, undecided(step), people[author], now);
                }
            }
            Op::Private { promise } => {
                if let Some(id) = pick(&log, promise) {
                    log.private(id, undecided(1), B, now);
                }
            }
            Op::Consent { by_a, on } => log.consent(if by_a { A } else { B }, on, now),
            Op::Wait { millis } => now = plus(now, millis),
        }
    }
    (log, plus(now, MS_PER_DAY))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    /// The events of a random life of a space, fed to one fold in random chunks (some events
    /// delivered again, the record asked for between some of them) and to another all at once:
    /// after every chunk, the first equals a fold built from scratch on the events so far.
    #[test]
    fn a_ledger_advanced_in_chunks_equals_one_built_from_scratch(
        ops in prop::collection::vec(op(), 1..80),
        chunks in prop::collection::vec((1..12usize, 0..3usize, any::<bool>()), 1..20),
    ) {
        let members = couple();
        let (log, now) = space_after(&ops);
        let events = &log.events;
        let mut fold = Ledger::new(A);
        let mut end = 0;
        for &(size, again, ask) in chunks.iter().cycle() {
            if end >= events.len() {
                break;
            }
            let start = end.saturating_sub(again);
            end = (end + size).min(events.len());
            fold.advance(&events[start..end], &members);
            if ask {
                fold.record(&members, &P);
            }
            let mut scratch = ledger(A, &events[..end], &members);
            prop_assert_eq!(fold.seq(), scratch.seq());
            let difference = difference(&mut fold, &mut scratch, &members, now);
            prop_assert!(difference.is_none(), "after {} events: {:?}", end, difference);
        }
        let mut b_fold = ledger(B, events, &members);
        let mut b_again = Ledger::new(B);
        for chunk in events.chunks(7) {
            b_again.advance(chunk, &members);
        }
        let difference = difference(&mut b_fold, &mut b_again, &members, now);
        prop_assert!(difference.is_none(), "{:?}", difference);
    }
}
