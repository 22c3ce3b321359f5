//! The balance of positive and negative moments, and the celebrations: the balance counts exactly
//! the moments the viewer may see in the window, and a celebration only ever names a run that is
//! still going — never one that ended.

use jiff::civil::Date;
use proptest::prelude::*;
use steadfast_core::appreciation::{
    AppreciationEvent, AppreciationText, BalanceParams, Celebration, balance, celebrations,
    decide_give,
};
use steadfast_core::boundary::{BoundaryEvent, BoundaryText, decide_propose};
use steadfast_core::daily::{DailyChange, DailyEvent, DailyText, Mood, Written};
use steadfast_core::promise::{Command, Severity};
use steadfast_core::{
    AppreciationId, BoundaryId, CrossingId, EventId, Ledger, PersonId, Visibility,
};
use uuid::Uuid;

use crate::support::{A, B, Log, couple, day, stakes, terms};

const P: BalanceParams = BalanceParams::DEFAULT;
const BOUNDARY: BoundaryId = BoundaryId::from_uuid(Uuid::from_u128(500));

/// Something that happened between A and B, `at` days after T0.
#[derive(Clone, Debug)]
enum Act {
    Appreciation { from_a: bool, at: f64 },
    Daily { by_a: bool, private: bool, at: f64 },
    Kept { by_a: bool, at: f64 },
    Broken { by_a: bool, at: f64 },
    Crossing { at: f64 },
}

fn act() -> impl Strategy<Value = Act> {
    let at = 0.0..70.0f64;
    prop_oneof![
        (any::<bool>(), at.clone()).prop_map(|(from_a, at)| Act::Appreciation { from_a, at }),
        (any::<bool>(), any::<bool>(), at.clone()).prop_map(|(by_a, private, at)| Act::Daily {
            by_a,
            private,
            at
        }),
        (any::<bool>(), at.clone()).prop_map(|(by_a, at)| Act::Kept { by_a, at }),
        (any::<bool>(), at.clone()).prop_map(|(by_a, at)| Act::Broken { by_a, at }),
        at.prop_map(|at| Act::Crossing { at }),
    ]
}

fn id(n: usize) -> Uuid {
    Uuid::from_u128(10_000 + n as u128)
}

/// The log the acts make, written through the core's decisions, with A's boundary acknowledged
/// by B on day 0.5.
fn write(acts: &[Act]) -> Log {
    let mut log = Log::new();
    let proposed = decide_propose(
        A,
        Some(B),
        BOUNDARY,
        BoundaryText::parse("Phone stays private").unwrap(),
        None,
    )
    .unwrap();
    log.append(proposed.into_event(EventId::from_uuid(id(0)), A, day(0.0)));
    log.append(
        BoundaryEvent {
            boundary: BOUNDARY,
            change: steadfast_core::boundary::Change::Acknowledged,
        }
        .into_event(EventId::from_uuid(id(1)), B, day(0.5)),
    );
    let who = |a: bool| if a { (A, B) } else { (B, A) };
    for (n, act) in acts.iter().enumerate() {
        let event_id = EventId::from_uuid(id(100 + n));
        match *act {
            Act::Appreciation { from_a, at } => {
                let (from, to) = who(from_a);
                let given = decide_give(
                    from,
                    Some(to),
                    AppreciationId::from_uuid(id(200 + n)),
                    AppreciationText::parse("thank you").unwrap(),
                )
                .unwrap();
                log.append(AppreciationEvent::into_event(
                    given,
                    event_id,
                    from,
                    day(at),
                ));
            }
            Act::Daily { by_a, private, at } => {
                let (author, _) = who(by_a);
                let change = DailyChange {
                    event: DailyEvent::Written {
                        day: Date::constant(2025, 1, 1)
                            .checked_add(jiff::Span::new().days(n as i64))
                            .unwrap(),
                        entry: Written {
                            mood: Mood::new(3).unwrap(),
                            appreciation: Some(DailyText::parse("the walk").unwrap()),
                            plan: None,
                        },
                    },
                    visibility: if private {
                        Visibility::Private
                    } else {
                        Visibility::Shared
                    },
                };
                log.append(change.into_event(event_id, author, day(at)));
            }
            Act::Kept { by_a, at } | Act::Broken { by_a, at } => {
                let (promiser, receiver) = who(by_a);
                let promise = log
                    .make(promiser, receiver, terms(2, None), None, day(at))
                    .unwrap();
                let command = if matches!(act, Act::Kept { .. }) {
                    Command::ConfirmKept {
                        stakes: Some(stakes(2)),
                        when: None,
                    }
                } else {
                    Command::RecordBroken {
                        severity: Severity::new(2).unwrap(),
                        deception: false,
                        when: None,
                    }
                };
                assert!(log.step(promise, receiver, command, day(at)));
            }
            Act::Crossing { at } => {
                let event = BoundaryEvent {
                    boundary: BOUNDARY,
                    change: steadfast_core::boundary::Change::Crossed {
                        crossing: CrossingId::from_uuid(id(300 + n)),
                        crossed_by: B,
                        reported_by: B,
                        at: day(at),
                    },
                };
                log.append(event.into_event(event_id, B, day(at)));
            }
        }
    }
    log
}

fn fold(viewer: PersonId, log: &Log) -> Ledger {
    let mut ledger = Ledger::new(viewer);
    ledger.advance(&log.events, &couple());
    ledger
}

proptest! {
    #[test]
    fn the_balance_counts_exactly_the_visible_moments_in_the_window(
        acts in prop::collection::vec(act(), 0..30),
        now in 1.0..70.0f64,
    ) {
        let log = write(&acts);
        let now = day(now);
        let since = now.saturating_sub(P.window);
        let inside = |at: f64| (since..=now).contains(&day(at));
        for (viewer, viewer_is_a) in [(A, true), (B, false)] {
            let ledger = fold(viewer, &log);
            let partner = if viewer_is_a { B } else { A };
            let counted = balance(&ledger, Some(partner), now, &P);
            let mut positive = 0;
            let mut negative = 0;
            let mut crossed_in_window = false;
            for act in &acts {
                match *act {
                    Act::Appreciation { at, .. } | Act::Kept { at, .. } if inside(at) => positive += 1,
                    // A private entry counts for its author only.
                    Act::Daily { by_a, private, at }
                        if inside(at) && (!private || by_a == viewer_is_a) =>
                    {
                        positive += 1;
                    }
                    Act::Broken { at, .. } if inside(at) => negative += 1,
                    Act::Crossing { at } if inside(at) => {
                        negative += 1;
                        crossed_in_window = true;
                    }
                    _ => {}
                }
            }
            if !crossed_in_window {
                positive += 1; // the boundary, honoured through the window
            }
            prop_assert_eq!(counted.positive, positive);
            prop_assert_eq!(counted.negative, negative);
            prop_assert_eq!(
                counted.by_kind.iter().map(|(_, n)| n).sum::<u32>(),
                positive + negative
            );
        }
    }

    #[test]
    fn a_celebration_names_only_the_run_still_going(
        outcomes in prop::collection::vec(any::<bool>(), 0..15),
    ) {
        let acts: Vec<Act> = outcomes
            .iter()
            .enumerate()
            .map(|(i, kept)| {
                let at = 1.0 + i as f64;
                if *kept { Act::Kept { by_a: true, at } } else { Act::Broken { by_a: true, at } }
            })
            .collect();
        let log = write(&acts);
        let now = day(20.0);
        let run = outcomes.iter().rev().take_while(|kept| **kept).count();
        for viewer in [A, B] {
            let partner = if viewer == A { B } else { A };
            let found = celebrations(&fold(viewer, &log), Some(partner), now, &P);
            let kept: Vec<Celebration> = found
                .iter()
                .filter(|c| matches!(c, Celebration::PromisesKept { .. }))
                .cloned()
                .collect();
            if run >= P.kept_run {
                prop_assert_eq!(kept, vec![Celebration::PromisesKept { promiser: A, count: run }]);
            } else {
                // A run that ended, or is still short, is simply not there.
                prop_assert!(kept.is_empty());
            }
            // Nothing in what is celebrated speaks of losing anything.
            let words = format!("{found:?}").to_lowercase();
            for word in ["lost", "lose", "broke", "streak", "miss", "ended"] {
                prop_assert!(!words.contains(word), "{}", words);
            }
        }
    }
}

#[test]
fn a_boundary_honoured_for_a_month_is_celebrated_from_its_last_crossing() {
    let log = write(&[Act::Crossing { at: 10.0 }]);
    let ledger = fold(A, &log);
    let honoured = |now: f64| {
        celebrations(&ledger, Some(B), day(now), &P)
            .into_iter()
            .filter(|c| matches!(c, Celebration::BoundaryHonoured { .. }))
            .collect::<Vec<_>>()
    };
    assert!(honoured(39.9).is_empty());
    assert_eq!(
        honoured(40.0),
        vec![Celebration::BoundaryHonoured {
            boundary: BOUNDARY,
            owner: A,
            days: 30
        }]
    );
    // Without a crossing, a month from the acknowledgement.
    let ledger = fold(B, &write(&[]));
    assert_eq!(celebrations(&ledger, Some(A), day(30.4), &P), vec![]);
    assert_eq!(celebrations(&ledger, Some(A), day(30.5), &P).len(), 1);
}

#[test]
fn alone_there_is_nothing_between_two_to_count_but_ones_own_daily_words() {
    let log = write(&[Act::Daily {
        by_a: true,
        private: true,
        at: 5.0,
    }]);
    let counted = balance(&fold(A, &log), None, day(10.0), &P);
    assert_eq!((counted.positive, counted.negative), (1, 0));
    assert!(counted.meets_guide(&P));
    assert_eq!(counted.positive_percent(), 100);
}

#[test]
fn the_guide_is_five_to_one() {
    let mut acts: Vec<Act> = (0..4)
        .map(|i| Act::Appreciation {
            from_a: true,
            at: 1.0 + f64::from(i),
        })
        .collect();
    acts.push(Act::Broken {
        by_a: true,
        at: 6.0,
    });
    let log = write(&acts);
    // Four appreciations and the honoured boundary... but a breach: 5 : 1 meets the guide.
    let counted = balance(&fold(A, &log), Some(B), day(10.0), &P);
    assert_eq!((counted.positive, counted.negative), (5, 1));
    assert!(counted.meets_guide(&P));
    let fewer = write(&acts[1..]);
    assert!(!balance(&fold(A, &fewer), Some(B), day(10.0), &P).meets_guide(&P));
}
