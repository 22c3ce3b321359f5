//! The order every list shows promises in (`promise::open_and_settled`): open ones soonest due
//! first, those without a due time after them, oldest first; settled ones apart, the most
//! recently settled first. Checked against a reference that compares every pair.

use proptest::prelude::*;
use steadfast_core::promise::{Amends, Promise, Severity, Status, open_and_settled};
use steadfast_core::{PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, T0, plus, stakes, terms};

const HOUR_MS: i64 = 60 * 60 * 1000;

/// A promise made `made` hours after T0, due `due` hours after it (if any), in `status`.
fn promise(n: u128, made: i64, due: Option<i64>, status: Status) -> Promise {
    Promise {
        id: PromiseId::from_uuid(Uuid::from_u128(n)),
        promiser: A,
        receiver: B,
        terms: terms(3, due.map(|hours| plus(T0, hours * HOUR_MS))),
        domain: None,
        made_at: plus(T0, made * HOUR_MS),
        backdated: false,
        status,
        pending: None,
        renegotiations: 0,
        history: Vec::new(),
        amends: Amends::default(),
        in_place_of: None,
    }
}

fn status() -> impl Strategy<Value = Status> {
    let at = (0_i64..200).prop_map(|hours| plus(T0, hours * HOUR_MS));
    prop_oneof![
        Just(Status::Open),
        Just(Status::Done),
        at.clone().prop_map(|at| Status::Kept {
            stakes: stakes(3),
            at
        }),
        at.clone().prop_map(|at| Status::Broken {
            severity: Severity::new(2).expect("a severity on its scale"),
            deception: false,
            at
        }),
        at.clone().prop_map(|at| Status::Released { at }),
        at.prop_map(|at| Status::LetGo { at }),
    ]
}

/// Whether `first` may come before `second` in the open list.
fn open_before(first: &Promise, second: &Promise) -> bool {
    match (first.terms.due, second.terms.due) {
        (Some(a), Some(b)) if a != b => a < b,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        _ => first.made_at <= second.made_at,
    }
}

fn settled_at(promise: &Promise) -> Timestamp {
    match promise.status {
        Status::Kept { at, .. }
        | Status::Broken { at, .. }
        | Status::Released { at }
        | Status::LetGo { at } => at,
        Status::Open | Status::Done => panic!("an unsettled promise in the settled list"),
    }
}

proptest! {
    #[test]
    fn open_lists_soonest_due_first_and_settled_lists_latest_first(
        specs in prop::collection::vec((0_i64..100, prop::option::of(0_i64..300), status()), 0..24)
    ) {
        let promises: Vec<Promise> = specs
            .into_iter()
            .enumerate()
            .map(|(n, (made, due, status))| promise(n as u128, made, due, status))
            .collect();
        let (open, settled) = open_and_settled(&promises);
        prop_assert_eq!(open.len() + settled.len(), promises.len());
        prop_assert!(open.iter().all(|p| matches!(p.status, Status::Open | Status::Done)));
        for pair in open.windows(2) {
            prop_assert!(open_before(pair[0], pair[1]), "{:?} before {:?}", pair[0], pair[1]);
        }
        for pair in settled.windows(2) {
            prop_assert!(settled_at(pair[0]) >= settled_at(pair[1]));
        }
        for promise in &promises {
            let listed = open.iter().chain(&settled).filter(|p| p.id == promise.id).count();
            prop_assert_eq!(listed, 1);
        }
    }
}

#[test]
fn a_promise_without_a_due_time_waits_behind_every_dated_one() {
    let undated = promise(1, 0, None, Status::Open);
    let late = promise(2, 50, Some(90), Status::Done);
    let soon = promise(3, 60, Some(10), Status::Open);
    let promises = [undated, late, soon];
    let (open, settled) = open_and_settled(&promises);
    let order: Vec<u128> = open.iter().map(|p| p.id.as_uuid().as_u128()).collect();
    assert_eq!(order, [3, 2, 1]);
    assert!(settled.is_empty());
}
