//! The caps on what one person may have standing at once — open promises and standing
//! boundaries — so one partner cannot bury the other's pages. Each counts only the person's own
//! items toward their partner, and closing one makes room.

use steadfast_core::boundary::{
    BoundaryBook, BoundaryEvent, BoundaryText, Change as BoundaryChange, MAX_STANDING,
    Refusal as BoundaryRefusal,
};
use steadfast_core::promise::{Change, MAX_OPEN, PromiseBook, PromiseEvent, Refusal, Severity};
use steadfast_core::{BoundaryId, PersonId, PromiseId};
use uuid::Uuid;

use crate::support::{A, B, day, terms};

fn promise_id(n: usize) -> PromiseId {
    PromiseId::from_uuid(Uuid::from_u128(1_000 + n as u128))
}

/// `promiser` makes `count` promises to their partner, through the book's own decision.
fn make(book: &mut PromiseBook, promiser: PersonId, partner: PersonId, from: usize, count: usize) {
    for n in from..from + count {
        let change = book
            .decide_make(
                promiser,
                Some(partner),
                terms(2, None),
                None,
                None,
                day(1.0),
            )
            .unwrap();
        let event = PromiseEvent {
            promise: promise_id(n),
            change,
        };
        book.apply(promiser, day(1.0), &event);
    }
}

#[test]
fn a_promiser_holds_at_most_the_cap_of_open_promises_to_their_partner() {
    let mut book = PromiseBook::default();
    make(&mut book, A, B, 0, MAX_OPEN);
    assert_eq!(book.open_from(A, B), MAX_OPEN);
    assert_eq!(
        book.decide_make(A, Some(B), terms(2, None), None, None, day(1.0)),
        Err(Refusal::TooManyOpen { limit: MAX_OPEN })
    );
    // The partner's own promises are not held back by A's.
    make(&mut book, B, A, MAX_OPEN, 1);
    assert_eq!(book.open_from(B, A), 1);
}

#[test]
fn settling_a_promise_makes_room_for_another() {
    let mut book = PromiseBook::default();
    make(&mut book, A, B, 0, MAX_OPEN);
    let broken = Change::Broken {
        severity: Severity::new(1).unwrap(),
        deception: false,
        when: None,
    };
    book.apply(
        B,
        day(2.0),
        &PromiseEvent {
            promise: promise_id(0),
            change: broken,
        },
    );
    assert_eq!(book.open_from(A, B), MAX_OPEN - 1);
    assert!(
        book.decide_make(A, Some(B), terms(2, None), None, None, day(2.0))
            .is_ok()
    );
}

#[test]
fn without_a_partner_the_refusal_is_still_no_partner() {
    let book = PromiseBook::default();
    assert_eq!(
        book.decide_make(A, None, terms(2, None), None, None, day(1.0)),
        Err(Refusal::NoPartner)
    );
}

fn boundary_id(n: usize) -> BoundaryId {
    BoundaryId::from_uuid(Uuid::from_u128(5_000 + n as u128))
}

fn propose(
    book: &BoundaryBook,
    owner: PersonId,
    partner: PersonId,
    n: usize,
) -> Result<BoundaryEvent, BoundaryRefusal> {
    let text = BoundaryText::parse("My phone stays mine").unwrap();
    book.decide_propose(owner, Some(partner), boundary_id(n), text, None)
}

#[test]
fn an_owner_holds_at_most_the_cap_of_standing_boundaries_and_withdrawing_makes_room() {
    let mut book = BoundaryBook::default();
    for n in 0..MAX_STANDING {
        let event = propose(&book, A, B, n).unwrap();
        book.apply(A, day(1.0), &event);
    }
    assert_eq!(
        propose(&book, A, B, MAX_STANDING).map(|_| ()),
        Err(BoundaryRefusal::TooMany {
            limit: MAX_STANDING
        })
    );
    assert!(
        propose(&book, B, A, MAX_STANDING).is_ok(),
        "B's lines are B's own"
    );
    let withdrawn = BoundaryEvent {
        boundary: boundary_id(0),
        change: BoundaryChange::Withdrawn,
    };
    book.apply(A, day(2.0), &withdrawn);
    assert!(propose(&book, A, B, MAX_STANDING).is_ok());
}
