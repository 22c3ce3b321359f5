//! After a miss there is always a next step (docs/PRINCIPLES.md, After a miss): who may take which step
//! when, the landed/not-yet answer to an apology (for a promise and for a boundary crossing),
//! and that none of it is evidence for the record.

use steadfast_core::boundary::{self, ApologyText, Boundary, BoundaryText, Decided};
use steadfast_core::landing::{Landing, LandingWord};
use steadfast_core::promise::{
    AcknowledgementWord, Ask, Attention, Change, Command, NextStep, Promise, PromiseBook,
    PromiseEvent, RECENT_MISS, Refusal, Severity, decide_make,
};
use steadfast_core::{BoundaryId, CrossingId, PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, MS_PER_DAY, day, millis, plus, terms};

const BROKEN: PromiseId = PromiseId::from_uuid(Uuid::from_u128(70));
const SMALLER: PromiseId = PromiseId::from_uuid(Uuid::from_u128(71));

fn sorry(words: &str) -> ApologyText {
    ApologyText::parse(words).unwrap()
}

/// A's promise to B (stakes 3), recorded broken by B on day 1.
fn broken_book() -> PromiseBook {
    let mut book = PromiseBook::default();
    let made = decide_make(A, Some(B), terms(3, None), None, None, day(0.0)).unwrap();
    apply(&mut book, A, day(0.0), BROKEN, made);
    let broken = book
        .get(BROKEN)
        .unwrap()
        .decide(
            B,
            Command::RecordBroken {
                severity: Severity::new(2).unwrap(),
                deception: false,
                when: None,
            },
            day(1.0),
        )
        .unwrap();
    apply(&mut book, B, day(1.0), BROKEN, broken);
    book
}

fn apply(book: &mut PromiseBook, by: PersonId, at: Timestamp, promise: PromiseId, change: Change) {
    let outcome = book.apply(by, at, &PromiseEvent { promise, change });
    let _ = outcome;
}

/// `actor` takes a step on the broken promise if the rules allow it; panics with the refusal.
fn take(book: &mut PromiseBook, actor: PersonId, command: Command, at: Timestamp) {
    let change = book
        .get(BROKEN)
        .unwrap()
        .decide(actor, command, at)
        .unwrap();
    let outcome = book.apply(
        actor,
        at,
        &PromiseEvent {
            promise: BROKEN,
            change,
        },
    );
    assert_eq!(outcome, None, "a step after a miss is never evidence");
}

fn refused(book: &PromiseBook, actor: PersonId, command: Command) -> Refusal {
    book.get(BROKEN)
        .unwrap()
        .decide(actor, command, day(2.0))
        .unwrap_err()
}

fn promise(book: &PromiseBook) -> &Promise {
    book.get(BROKEN).unwrap()
}

fn answer(landing: Landing, word: Option<&str>) -> Command {
    Command::AnswerApology {
        landing,
        word: word.map(|w| LandingWord::parse(w).unwrap()),
    }
}

#[test]
fn only_a_broken_promise_has_next_steps() {
    let mut book = PromiseBook::default();
    let made = decide_make(A, Some(B), terms(2, None), None, None, day(0.0)).unwrap();
    apply(&mut book, A, day(0.0), BROKEN, made);
    for person in [A, B] {
        assert!(promise(&book).next_steps(person).is_empty());
    }
    let apologise = Command::Apologise {
        text: sorry("I am sorry"),
    };
    assert_eq!(refused(&book, A, apologise), Refusal::NotBroken);
    assert_eq!(
        refused(&book, B, Command::Ask { ask: Ask::Apology }),
        Refusal::NotBroken
    );
    assert_eq!(promise(&book).attention(A, day(1.0)), None);
}

#[test]
fn the_promiser_is_offered_four_steps_and_the_receiver_four_requests() {
    let book = broken_book();
    assert_eq!(
        promise(&book).next_steps(A),
        vec![
            NextStep::Acknowledge,
            NextStep::Apologise,
            NextStep::OfferSmaller,
            NextStep::ProposeRepair,
        ]
    );
    assert_eq!(
        promise(&book).next_steps(B),
        Ask::ALL.map(NextStep::Ask).to_vec(),
        "no apology to answer yet"
    );
    assert!(promise(&book).next_steps(C).is_empty());
    // The steps belong to their person.
    assert_eq!(
        refused(&book, B, Command::Acknowledge { word: None }),
        Refusal::OnlyPromiser
    );
    assert_eq!(
        refused(&book, A, Command::Ask { ask: Ask::Apology }),
        Refusal::OnlyReceiver
    );
}

#[test]
fn next_steps_and_decide_agree_at_every_turn() {
    let mut book = broken_book();
    let commands = |ask: Ask| {
        [
            (NextStep::Acknowledge, Command::Acknowledge { word: None }),
            (
                NextStep::Apologise,
                Command::Apologise {
                    text: sorry("I am sorry I forgot"),
                },
            ),
            (NextStep::Ask(ask), Command::Ask { ask }),
            (NextStep::AnswerApology, answer(Landing::NotYet, None)),
        ]
    };
    let check = |book: &PromiseBook| {
        for person in [A, B, C] {
            let steps = promise(book).next_steps(person);
            for ask in Ask::ALL {
                for (step, command) in commands(ask) {
                    let allowed = promise(book).decide(person, command, day(2.0)).is_ok();
                    assert_eq!(steps.contains(&step), allowed, "{step:?} for {person:?}");
                }
            }
        }
    };
    check(&book);
    take(&mut book, B, Command::Ask { ask: Ask::Apology }, day(1.5));
    check(&book);
    take(
        &mut book,
        A,
        Command::Apologise {
            text: sorry("I am sorry"),
        },
        day(2.0),
    );
    check(&book);
    take(&mut book, B, answer(Landing::NotYet, None), day(2.0));
    check(&book);
}

#[test]
fn an_acknowledgement_is_given_once_with_an_optional_word() {
    let mut book = broken_book();
    let word = AcknowledgementWord::parse("I see it, and it matters").unwrap();
    take(
        &mut book,
        A,
        Command::Acknowledge {
            word: Some(word.clone()),
        },
        day(1.5),
    );
    let acknowledged = promise(&book).amends.acknowledged.clone().unwrap();
    assert_eq!(acknowledged.word, Some(word));
    assert_eq!(acknowledged.at, day(1.5));
    assert_eq!(
        refused(&book, A, Command::Acknowledge { word: None }),
        Refusal::AlreadyAcknowledged
    );
    assert!(
        !promise(&book)
            .next_steps(A)
            .contains(&NextStep::Acknowledge)
    );
    // Asking for what was given already is refused.
    assert_eq!(
        refused(
            &book,
            B,
            Command::Ask {
                ask: Ask::Acknowledgement
            }
        ),
        Refusal::AlreadyGiven
    );
    assert_eq!(
        AcknowledgementWord::parse_optional("  ").map(|w| w.is_none()),
        Ok(true)
    );
}

#[test]
fn an_excusing_apology_is_refused_and_a_plain_one_is_taken() {
    let mut book = broken_book();
    let excusing = Command::Apologise {
        text: sorry("I am sorry, but you always change the plan"),
    };
    assert_eq!(refused(&book, A, excusing), Refusal::Excusing);
    assert!(promise(&book).amends.apologies.is_empty());
    take(
        &mut book,
        A,
        Command::Apologise {
            text: sorry("I am sorry I did not call. You waited all evening."),
        },
        day(1.5),
    );
    assert_eq!(promise(&book).amends.apologies.len(), 1);
}

#[test]
fn not_yet_keeps_the_apology_open_and_landed_closes_it() {
    let mut book = broken_book();
    let apologise = |words: &str| Command::Apologise { text: sorry(words) };
    take(&mut book, A, apologise("I am sorry"), day(1.5));
    // Waiting for the answer: nothing to add yet, and only the receiver answers.
    assert_eq!(
        refused(&book, A, apologise("really sorry")),
        Refusal::ApologyWaiting
    );
    assert_eq!(
        refused(&book, A, answer(Landing::Landed, None)),
        Refusal::OnlyReceiver,
        "the promiser cannot answer their own apology"
    );
    assert_eq!(
        refused(&book, C, answer(Landing::Landed, None)),
        Refusal::OnlyReceiver
    );
    assert_eq!(
        promise(&book).attention(B, day(1.6)),
        Some(Attention::ApologyToAnswer)
    );

    take(
        &mut book,
        B,
        answer(Landing::NotYet, Some("Say what it did to me")),
        day(1.7),
    );
    assert!(promise(&book).next_steps(A).contains(&NextStep::Apologise));
    assert_eq!(promise(&book).attention(B, day(1.8)), None);
    assert!(matches!(
        promise(&book).attention(A, day(1.8)),
        Some(Attention::Promiser { not_yet: true, .. })
    ));
    take(
        &mut book,
        A,
        apologise("I am sorry I left you waiting alone"),
        day(2.0),
    );
    take(&mut book, B, answer(Landing::NotYet, None), day(2.1));
    // Answering again: the newest answer stands, the earlier one is kept.
    take(&mut book, B, answer(Landing::Landed, None), day(2.2));
    let apologies = &promise(&book).amends.apologies;
    assert_eq!(apologies.len(), 2);
    assert_eq!(
        apologies[0].answers[0].word.as_ref().map(|w| w.as_str()),
        Some("Say what it did to me")
    );
    assert_eq!(apologies[1].answers.len(), 2);
    assert_eq!(
        apologies[1].standing().map(|a| a.landing),
        Some(Landing::Landed)
    );
    assert_eq!(
        refused(&book, A, apologise("once more")),
        Refusal::ApologyLanded
    );
    assert!(!promise(&book).next_steps(A).contains(&NextStep::Apologise));
}

#[test]
fn a_request_shows_to_the_promiser_until_it_is_given() {
    let mut book = broken_book();
    take(&mut book, B, Command::Ask { ask: Ask::Apology }, day(1.5));
    assert_eq!(
        refused(&book, B, Command::Ask { ask: Ask::Apology }),
        Refusal::AlreadyAsked
    );
    assert_eq!(promise(&book).amends.waiting(), vec![Ask::Apology]);
    // Long after the miss, the request still shows; the untouched miss alone would not.
    let later = plus(day(1.0), millis(RECENT_MISS) + MS_PER_DAY);
    assert_eq!(
        promise(&book).attention(A, later),
        Some(Attention::Promiser {
            untouched: false,
            asked: vec![Ask::Apology],
            not_yet: false,
        })
    );
    take(
        &mut book,
        A,
        Command::Apologise {
            text: sorry("I am sorry"),
        },
        day(2.0),
    );
    assert!(promise(&book).amends.waiting().is_empty());
}

#[test]
fn a_recent_untouched_miss_asks_for_the_promisers_attention_and_fades_after_a_month() {
    let mut book = broken_book();
    assert_eq!(
        promise(&book).attention(A, day(2.0)),
        Some(Attention::Promiser {
            untouched: true,
            asked: Vec::new(),
            not_yet: false,
        })
    );
    assert_eq!(promise(&book).attention(B, day(2.0)), None);
    assert_eq!(promise(&book).attention(C, day(2.0)), None);
    let later = plus(day(1.0), millis(RECENT_MISS) + MS_PER_DAY);
    assert_eq!(promise(&book).attention(A, later), None);
    // Any step taken: no longer untouched.
    take(&mut book, A, Command::Acknowledge { word: None }, day(2.0));
    assert_eq!(promise(&book).attention(A, day(2.0)), None);
}

#[test]
fn a_smaller_promise_in_its_place_is_linked_both_ways_and_offered_once() {
    let mut book = broken_book();
    let old = promise(&book).clone();
    assert_eq!(
        old.decide_offer(A, SMALLER, terms(4, None), None, day(2.0)),
        Err(Refusal::NotSmaller)
    );
    assert_eq!(
        old.decide_offer(B, SMALLER, terms(1, None), None, day(2.0)),
        Err(Refusal::OnlyPromiser)
    );
    let events = old
        .decide_offer(A, SMALLER, terms(2, None), None, day(2.0))
        .unwrap();
    assert!(matches!(events[0].change, Change::Made { receiver, .. } if receiver == B));
    for event in &events {
        assert_eq!(book.apply(A, day(2.0), event), None);
    }
    assert_eq!(promise(&book).amends.offered, Some(SMALLER));
    assert_eq!(book.get(SMALLER).unwrap().in_place_of, Some(BROKEN));
    assert_eq!(
        promise(&book)
            .decide_offer(
                A,
                PromiseId::from_uuid(Uuid::from_u128(72)),
                terms(1, None),
                None,
                day(2.0)
            )
            .unwrap_err(),
        Refusal::AlreadyOffered
    );
    assert_eq!(
        refused(
            &book,
            B,
            Command::Ask {
                ask: Ask::SmallerPromise
            }
        ),
        Refusal::AlreadyGiven
    );
}

#[test]
fn a_note_naming_someone_elses_promise_links_nothing() {
    let mut book = broken_book();
    // B makes a promise to A, and A writes (undecided) that it was offered in place of A's own.
    let made = decide_make(B, Some(A), terms(1, None), None, None, day(2.0)).unwrap();
    apply(&mut book, B, day(2.0), SMALLER, made);
    apply(
        &mut book,
        A,
        day(2.0),
        BROKEN,
        Change::OfferedInstead { offered: SMALLER },
    );
    assert_eq!(promise(&book).amends.offered, None);
    assert_eq!(book.get(SMALLER).unwrap().in_place_of, None);
}

#[test]
fn undecided_steps_after_a_miss_change_nothing() {
    let mut book = broken_book();
    // The receiver writes an apology, the promiser answers, a stranger asks.
    apply(
        &mut book,
        B,
        day(2.0),
        BROKEN,
        Change::Apologised {
            text: sorry("sorry"),
        },
    );
    apply(
        &mut book,
        C,
        day(2.0),
        BROKEN,
        Change::Asked { ask: Ask::Apology },
    );
    let before = promise(&book).clone();
    assert!(before.amends.apologies.is_empty());
    assert!(before.amends.asked.is_empty());
    assert_eq!(before.history.len(), 2, "made and broken only");
}

// ---------------------------------------------------------------------------------------------
// A boundary crossing's apology is answered the same way.

const BOUNDARY: BoundaryId = BoundaryId::from_uuid(Uuid::from_u128(80));
const CROSSING: CrossingId = CrossingId::from_uuid(Uuid::from_u128(81));

fn take_on(b: &mut Boundary, actor: PersonId, command: boundary::Command, at: Timestamp) {
    for decided in b.decide(actor, command, at).unwrap() {
        if let Decided::Boundary(event) = decided {
            b.apply(actor, at, &event.change);
        }
    }
}

/// A's boundary, crossed by B, who acknowledged it.
fn crossed() -> Boundary {
    let event = boundary::decide_propose(
        A,
        Some(B),
        BOUNDARY,
        BoundaryText::parse("Phone stays private").unwrap(),
        None,
    )
    .unwrap();
    let mut b = Boundary::start(BOUNDARY, A, day(0.0), &event.change).unwrap();
    take_on(&mut b, B, boundary::Command::Acknowledge, day(0.5));
    take_on(
        &mut b,
        B,
        boundary::Command::ReportCrossing {
            crossing: CROSSING,
            when: None,
        },
        day(1.0),
    );
    take_on(
        &mut b,
        B,
        boundary::Command::AcknowledgeCrossing { crossing: CROSSING },
        day(1.1),
    );
    b
}

#[test]
fn a_crossings_apology_is_answered_by_the_owner_and_not_yet_lets_the_crosser_try_again() {
    let mut b = crossed();
    let apologise = |words: &str| boundary::Command::Apologise {
        crossing: CROSSING,
        text: sorry(words),
    };
    let answer = |landing: Landing| boundary::Command::AnswerApology {
        crossing: CROSSING,
        landing,
        word: None,
    };
    assert_eq!(
        b.decide(A, answer(Landing::Landed), day(1.2)).unwrap_err(),
        boundary::Refusal::NoApology
    );
    assert_eq!(
        b.decide(B, apologise("Sorry, but you left it open"), day(1.2))
            .unwrap_err(),
        boundary::Refusal::Excusing
    );
    take_on(&mut b, B, apologise("I am sorry I looked"), day(1.2));
    let crossing = b.crossing(CROSSING).unwrap().clone();
    assert!(!b.may_apologise(&crossing, B));
    assert!(b.may_answer_apology(&crossing, A));
    assert!(!b.may_answer_apology(&crossing, B));
    assert_eq!(
        b.decide(B, answer(Landing::Landed), day(1.3)).unwrap_err(),
        boundary::Refusal::OnlyOwner,
        "the crosser cannot answer their own apology"
    );
    assert_eq!(
        b.decide(B, apologise("again"), day(1.3)).unwrap_err(),
        boundary::Refusal::ApologyWaiting
    );
    take_on(&mut b, A, answer(Landing::NotYet), day(1.4));
    assert!(b.may_apologise(b.crossing(CROSSING).unwrap(), B));
    take_on(
        &mut b,
        B,
        apologise("I am sorry I broke your trust"),
        day(1.5),
    );
    take_on(&mut b, A, answer(Landing::Landed), day(1.6));
    let crossing = b.crossing(CROSSING).unwrap();
    assert_eq!(crossing.apologies.len(), 2);
    assert_eq!(
        crossing.apologies[0].standing().map(|a| a.landing),
        Some(Landing::NotYet)
    );
    assert_eq!(
        crossing
            .apology()
            .and_then(|a| a.standing())
            .map(|a| a.landing),
        Some(Landing::Landed)
    );
    assert_eq!(
        b.decide(B, apologise("once more"), day(1.7)).unwrap_err(),
        boundary::Refusal::AlreadyApologised
    );
}
