//! The first promise kept between two people, marked once: the earliest confirmed, whoever made
//! it, and never one between other people or one that was not kept.

use steadfast_core::promise::{Change, PromiseBook, PromiseEvent, Severity, Stakes};
use steadfast_core::{PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, day, terms};

fn id(n: u128) -> PromiseId {
    PromiseId::from_uuid(Uuid::from_u128(9_000 + n))
}

fn made(book: &mut PromiseBook, n: u128, promiser: PersonId, receiver: PersonId) {
    let change = book
        .decide_make(
            promiser,
            Some(receiver),
            terms(2, None),
            None,
            None,
            day(1.0),
        )
        .unwrap();
    book.apply(
        promiser,
        day(1.0),
        &PromiseEvent {
            promise: id(n),
            change,
        },
    );
}

fn settle(book: &mut PromiseBook, n: u128, by: PersonId, at: Timestamp, change: Change) {
    book.apply(
        by,
        at,
        &PromiseEvent {
            promise: id(n),
            change,
        },
    );
}

fn kept() -> Change {
    Change::Kept {
        stakes: Stakes::new(2).unwrap(),
        when: None,
    }
}

#[test]
fn the_first_kept_is_the_earliest_confirmed_either_way_and_only_between_the_two() {
    let mut book = PromiseBook::default();
    assert_eq!(book.first_kept_between(A, B), None);
    for (n, promiser, receiver) in [(1, A, B), (2, B, A), (3, A, B), (4, A, C)] {
        made(&mut book, n, promiser, receiver);
    }
    // Broken first: not a moment to mark.
    let broken = Change::Broken {
        severity: Severity::new(2).unwrap(),
        deception: false,
        when: None,
    };
    settle(&mut book, 1, B, day(2.0), broken);
    assert_eq!(book.first_kept_between(A, B), None);
    // Kept with someone else does not count for these two.
    settle(&mut book, 4, C, day(2.5), kept());
    assert_eq!(book.first_kept_between(A, B), None);
    assert_eq!(book.first_kept_between(A, C), Some(id(4)));

    settle(&mut book, 2, A, day(3.0), kept());
    assert_eq!(book.first_kept_between(A, B), Some(id(2)));
    assert_eq!(
        book.first_kept_between(B, A),
        Some(id(2)),
        "either way round"
    );
    // A later one never takes its place.
    settle(&mut book, 3, B, day(4.0), kept());
    assert_eq!(book.first_kept_between(A, B), Some(id(2)));
}
