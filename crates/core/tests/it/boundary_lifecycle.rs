//! A boundary's lifecycle: every transition, allowed and refused — who may take it and from which
//! state — and the prevention step made as a promise in the same decision.

use steadfast_core::boundary::{
    ApologyText, Boundary, BoundaryBook, BoundaryEvent, BoundaryText, Change, Command, Decided,
    Refusal, Status, decide_propose,
};
use steadfast_core::promise::{self, PromiseEvent};
use steadfast_core::{BoundaryId, CrossingId, PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, day, terms};

const ID: BoundaryId = BoundaryId::from_uuid(Uuid::from_u128(50));
const X: CrossingId = CrossingId::from_uuid(Uuid::from_u128(51));

fn text(words: &str) -> BoundaryText {
    BoundaryText::parse(words).unwrap()
}

fn sorry() -> ApologyText {
    ApologyText::parse("I am sorry").unwrap()
}

/// Applies what `actor` may do, panicking with the refusal otherwise.
fn take(boundary: &mut Boundary, actor: PersonId, command: Command, at: Timestamp) {
    let decided = boundary.decide(actor, command, at).unwrap();
    for d in decided {
        if let Decided::Boundary(event) = d {
            boundary.apply(actor, at, &event.change);
        }
    }
}

/// A's boundary, proposed to B on day 0.
fn proposed() -> Boundary {
    let event = decide_propose(A, Some(B), ID, text("Phone stays private"), None).unwrap();
    Boundary::start(event.boundary, A, day(0.0), &event.change).unwrap()
}

fn acknowledged() -> Boundary {
    let mut b = proposed();
    take(&mut b, B, Command::Acknowledge, day(1.0));
    b
}

fn crossed(by_reporter: PersonId) -> Boundary {
    let mut b = acknowledged();
    take(
        &mut b,
        by_reporter,
        Command::ReportCrossing {
            crossing: X,
            when: None,
        },
        day(2.0),
    );
    b
}

fn refused(boundary: &Boundary, actor: PersonId, command: Command) -> Refusal {
    boundary.decide(actor, command, day(3.0)).unwrap_err()
}

#[test]
fn a_boundary_needs_a_partner_to_propose_to() {
    assert_eq!(
        decide_propose(A, None, ID, text("x"), None),
        Err(Refusal::NoPartner)
    );
    assert_eq!(
        decide_propose(A, Some(A), ID, text("x"), None),
        Err(Refusal::NoPartner)
    );
}

#[test]
fn only_the_partner_acknowledges_and_only_a_proposed_wording() {
    let b = proposed();
    assert_eq!(refused(&b, A, Command::Acknowledge), Refusal::OnlyPartner);
    assert_eq!(refused(&b, C, Command::Acknowledge), Refusal::OnlyPartner);
    let b = acknowledged();
    assert_eq!(b.status, Status::Acknowledged { at: day(1.0) });
    assert_eq!(
        refused(&b, B, Command::Acknowledge),
        Refusal::AlreadyAcknowledged
    );
}

#[test]
fn a_revision_keeps_the_earlier_wording_and_asks_again() {
    let mut b = acknowledged();
    let revise = Command::Revise {
        text: text("My phone stays mine"),
        why: None,
    };
    assert_eq!(refused(&b, B, revise.clone()), Refusal::OnlyOwner);
    take(&mut b, A, revise, day(2.0));
    assert_eq!(b.status, Status::Proposed);
    assert_eq!(b.text.as_str(), "My phone stays mine");
    assert_eq!(b.revisions.len(), 1);
    assert_eq!(b.revisions[0].text.as_str(), "Phone stays private");
    assert!(b.revisions[0].acknowledged);
    assert_eq!(
        (b.revisions[0].from, b.revisions[0].until),
        (day(0.0), day(2.0))
    );
    take(&mut b, B, Command::Acknowledge, day(3.0));
    assert_eq!(b.acknowledged_at(), Some(day(3.0)));
}

#[test]
fn only_the_owner_withdraws_once_and_then_nothing_more_happens() {
    let mut b = acknowledged();
    assert_eq!(refused(&b, B, Command::Withdraw), Refusal::OnlyOwner);
    take(&mut b, A, Command::Withdraw, day(2.0));
    assert_eq!(refused(&b, A, Command::Withdraw), Refusal::Withdrawn);
    assert_eq!(refused(&b, B, Command::Acknowledge), Refusal::Withdrawn);
    let revise = Command::Revise {
        text: text("x"),
        why: None,
    };
    assert_eq!(refused(&b, A, revise), Refusal::Withdrawn);
    let report = Command::ReportCrossing {
        crossing: X,
        when: None,
    };
    assert_eq!(refused(&b, B, report), Refusal::Withdrawn);
}

#[test]
fn either_partner_reports_a_crossing_of_an_acknowledged_boundary_only() {
    let report = |when| Command::ReportCrossing { crossing: X, when };
    assert_eq!(
        refused(&proposed(), B, report(None)),
        Refusal::NotAcknowledged
    );
    let b = acknowledged();
    assert_eq!(refused(&b, C, report(None)), Refusal::OnlyPartner);
    assert_eq!(refused(&b, B, report(Some(day(4.0)))), Refusal::InFuture);
    assert_eq!(
        refused(&b, B, report(Some(day(-400.0)))),
        Refusal::TooLongAgo
    );
    let self_reported = crossed(B);
    assert!(self_reported.crossings[0].self_reported());
    assert_eq!(self_reported.crossings[0].crossed_by, B);
    let noted = crossed(A);
    assert!(!noted.crossings[0].self_reported());
    assert_eq!(
        noted.crossings[0].crossed_by, B,
        "the owner never crosses their own line"
    );
}

#[test]
fn the_crosser_acknowledges_then_apologises_then_promises_one_step() {
    let mut b = crossed(B);
    let apologise = Command::Apologise {
        crossing: X,
        text: sorry(),
    };
    let prevent = |promise: u128| Command::AddPrevention {
        crossing: X,
        promise: PromiseId::from_uuid(Uuid::from_u128(promise)),
        terms: terms(2, None),
    };
    let acknowledge = Command::AcknowledgeCrossing { crossing: X };
    // Nothing before the acknowledgement.
    assert_eq!(
        refused(&b, B, apologise.clone()),
        Refusal::CrossingNotAcknowledged
    );
    assert_eq!(
        refused(&b, B, prevent(60)),
        Refusal::CrossingNotAcknowledged
    );
    // Only the one who crossed it.
    assert_eq!(refused(&b, A, acknowledge.clone()), Refusal::OnlyCrosser);
    take(&mut b, B, acknowledge.clone(), day(2.5));
    assert_eq!(
        refused(&b, B, acknowledge),
        Refusal::CrossingAcknowledgedAlready
    );
    assert_eq!(refused(&b, A, apologise.clone()), Refusal::OnlyCrosser);
    take(&mut b, B, apologise.clone(), day(2.6));
    assert_eq!(refused(&b, B, apologise), Refusal::ApologyWaiting);
    assert_eq!(refused(&b, A, prevent(60)), Refusal::OnlyCrosser);

    // The prevention step is a promise from B to A, decided by the promise rules, followed by the
    // crossing's note of it.
    let decided = b.decide(B, prevent(60), day(3.0)).unwrap();
    let promise = PromiseId::from_uuid(Uuid::from_u128(60));
    assert!(matches!(
        &decided[0],
        Decided::Promise(PromiseEvent { promise: p, change: promise::Change::Made { receiver, .. } })
            if *p == promise && *receiver == A
    ));
    assert!(matches!(
        &decided[1],
        Decided::Boundary(BoundaryEvent { change: Change::PreventionPromised { promise: p, .. }, .. })
            if *p == promise
    ));
    // A due time the promise rules refuse refuses the step.
    let too_early = Command::AddPrevention {
        crossing: X,
        promise,
        terms: terms(2, Some(day(1.0))),
    };
    assert_eq!(
        refused(&b, B, too_early),
        Refusal::Promise(promise::Refusal::DueTooEarly)
    );
    take(&mut b, B, prevent(60), day(3.0));
    assert_eq!(b.crossings[0].prevention, Some(promise));
    assert_eq!(refused(&b, B, prevent(61)), Refusal::PreventionExists);
}

#[test]
fn only_the_owner_resolves_whenever_they_choose_and_then_the_crossing_is_closed() {
    let mut b = crossed(B);
    let resolve = Command::Resolve { crossing: X };
    assert_eq!(refused(&b, B, resolve.clone()), Refusal::OnlyOwner);
    // The owner may resolve before any step; or leave it open.
    take(&mut b, A, resolve.clone(), day(2.5));
    assert_eq!(b.crossings[0].resolved_at, Some(day(2.5)));
    assert_eq!(refused(&b, A, resolve), Refusal::Resolved);
    assert_eq!(
        refused(&b, B, Command::AcknowledgeCrossing { crossing: X }),
        Refusal::Resolved
    );
    let unknown = CrossingId::from_uuid(Uuid::from_u128(99));
    assert_eq!(
        refused(&b, A, Command::Resolve { crossing: unknown }),
        Refusal::NoSuchCrossing
    );
}

#[test]
fn the_fold_ignores_steps_by_the_wrong_person() {
    let mut b = crossed(B);
    // Events never decided, as if written by a faulty client.
    b.apply(A, day(3.0), &Change::Acknowledged);
    b.apply(A, day(3.0), &Change::CrossingAcknowledged { crossing: X });
    b.apply(B, day(3.0), &Change::CrossingResolved { crossing: X });
    b.apply(B, day(3.0), &Change::Withdrawn);
    assert_eq!(b.status, Status::Acknowledged { at: day(1.0) });
    assert_eq!(b.crossings[0].acknowledged_at, None);
    assert_eq!(b.crossings[0].resolved_at, None);
}

#[test]
fn the_book_lists_crossings_per_boundary_with_their_times() {
    let mut book = BoundaryBook::default();
    let event = decide_propose(A, Some(B), ID, text("Phone stays private"), None).unwrap();
    book.apply(A, day(0.0), &event);
    book.apply(
        B,
        day(1.0),
        &BoundaryEvent {
            boundary: ID,
            change: Change::Acknowledged,
        },
    );
    for (n, at) in [(70, 20.0), (71, 5.0)] {
        let boundary = book.get(ID).unwrap();
        let decided = boundary
            .decide(
                A,
                Command::ReportCrossing {
                    crossing: CrossingId::from_uuid(Uuid::from_u128(n)),
                    when: Some(day(at)),
                },
                day(30.0),
            )
            .unwrap();
        for d in decided {
            if let Decided::Boundary(e) = d {
                book.apply(A, day(30.0), &e);
            }
        }
    }
    let crossings: Vec<_> = book.crossings().collect();
    assert_eq!(crossings.len(), 1);
    assert_eq!(crossings[0].boundary, ID);
    assert_eq!(crossings[0].owner, A);
    assert_eq!(crossings[0].crossed_by, B);
    assert_eq!(crossings[0].at, vec![day(5.0), day(20.0)], "oldest first");
}
