//! The steps a page offers on a boundary and its crossings are exactly the ones `decide` takes:
//! along any life of a boundary, for each person and each kind of step, "may take" agrees with
//! deciding the step with valid inputs.

use proptest::prelude::*;
use steadfast_core::boundary::{
    ApologyText, Boundary, BoundaryStep, BoundaryText, Command, CrossingStep, Decided,
    decide_propose,
};
use steadfast_core::landing::Landing;
use steadfast_core::{BoundaryId, CrossingId, PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, day, terms};

const ID: BoundaryId = BoundaryId::from_uuid(Uuid::from_u128(60));
const X: CrossingId = CrossingId::from_uuid(Uuid::from_u128(61));

fn people() -> [PersonId; 3] {
    [A, B, C]
}

/// A step of each kind with inputs that are valid in themselves.
fn boundary_command(step: BoundaryStep) -> Command {
    match step {
        BoundaryStep::Revise => Command::Revise {
            text: BoundaryText::parse("My phone stays mine").unwrap(),
            why: None,
        },
        BoundaryStep::Acknowledge => Command::Acknowledge,
        BoundaryStep::Withdraw => Command::Withdraw,
        BoundaryStep::ReportCrossing => Command::ReportCrossing {
            crossing: X,
            when: None,
        },
    }
}

fn crossing_command(step: CrossingStep, n: u128) -> Command {
    match step {
        CrossingStep::Acknowledge => Command::AcknowledgeCrossing { crossing: X },
        CrossingStep::Apologise => Command::Apologise {
            crossing: X,
            text: ApologyText::parse("I am sorry, that was not fair to you").unwrap(),
        },
        CrossingStep::AnswerApology => Command::AnswerApology {
            crossing: X,
            landing: Landing::NotYet,
            word: None,
        },
        CrossingStep::AddPrevention => Command::AddPrevention {
            crossing: X,
            promise: PromiseId::from_uuid(Uuid::from_u128(7_000 + n)),
            terms: terms(1, None),
        },
        CrossingStep::Resolve => Command::Resolve { crossing: X },
    }
}

/// Any step by anyone: a boundary step or a crossing step.
fn attempt() -> impl Strategy<Value = (usize, bool, usize)> {
    (0..3usize, any::<bool>(), 0..5usize)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn what_a_page_offers_is_what_decide_takes(attempts in prop::collection::vec(attempt(), 0..25)) {
        let event = decide_propose(A, Some(B), ID, BoundaryText::parse("Knock first").unwrap(), None)
            .unwrap();
        let mut boundary = Boundary::start(event.boundary, A, day(0.0), &event.change).unwrap();
        let mut now: Timestamp = day(1.0);
        for (n, (who, on_crossing, kind)) in attempts.into_iter().enumerate() {
            now = now.saturating_add(std::time::Duration::from_secs(60));
            for person in people() {
                let offered = boundary.steps(person);
                for step in BoundaryStep::ALL {
                    let decided = boundary.decide(person, boundary_command(step), now);
                    prop_assert_eq!(
                        offered.contains(&step), decided.is_ok(),
                        "{:?} by {:?}: {:?}", step, person, decided
                    );
                }
                let offered = boundary.crossing_steps(X, person);
                for step in CrossingStep::ALL {
                    let decided = boundary.decide(person, crossing_command(step, n as u128), now);
                    prop_assert_eq!(
                        offered.contains(&step), decided.is_ok(),
                        "{:?} by {:?}: {:?}", step, person, decided
                    );
                }
            }
            // Then someone tries something, and it is taken when allowed.
            let person = people()[who];
            let command = if on_crossing {
                crossing_command(CrossingStep::ALL[kind], n as u128)
            } else {
                boundary_command(BoundaryStep::ALL[kind % BoundaryStep::ALL.len()])
            };
            if let Ok(decided) = boundary.decide(person, command, now) {
                for d in decided {
                    if let Decided::Boundary(event) = d {
                        boundary.apply(person, now, &event.change);
                    }
                }
            }
        }
    }
}
