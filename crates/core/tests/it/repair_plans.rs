//! Repair plans: every step allowed and refused, only the hurt partner moves a plan, the repair
//! bonus starts at acceptance, and the safety check pauses joint steps for both partners.

use proptest::prelude::*;
use steadfast_core::id::RepairId;
use steadfast_core::promise::{Command as PromiseCommand, Severity};
use steadfast_core::record::{Params, TrackKey};
use steadfast_core::repair::{
    Change, Command, Joint, Link, LinkedCrossing, LogEvent, Phase, Refusal, RepairEvent,
    RepairPlan, RepairText, Role, Status, decide_open, decide_promise,
};
use steadfast_core::{CrossingId, EventId, Ledger, PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, Log, couple, day, terms};

const READY: Joint = Joint::Ready;

fn text(words: &str) -> RepairText {
    RepairText::parse(words).unwrap()
}

fn id(n: u128) -> EventId {
    EventId::from_uuid(Uuid::from_u128(50_000 + n))
}

/// A plan between hurt B and responsible A, opened by `by`, as the fold makes it.
fn plan(by: PersonId) -> RepairPlan {
    let change = decide_open(
        by,
        Some(if by == A { B } else { A }),
        if by == B {
            Role::Hurt
        } else {
            Role::Responsible
        },
        None,
        None,
        None,
    )
    .unwrap();
    RepairPlan::start(
        RepairId::from_uuid(Uuid::from_u128(9)),
        by,
        day(0.0),
        &change,
    )
    .unwrap()
}

fn apply(plan: &RepairPlan, by: PersonId, change: Change) -> RepairPlan {
    let mut book = steadfast_core::repair::RepairBook::default();
    let mut steps = plan.history.clone();
    steps.push(steadfast_core::repair::Step {
        by,
        at: day(1.0),
        change,
    });
    for step in steps {
        book.apply(
            step.by,
            step.at,
            &RepairEvent {
                repair: plan.id,
                change: step.change,
            },
        );
    }
    book.get(plan.id).unwrap().clone()
}

#[test]
fn opening_by_the_hurt_partner_is_acceptance_and_a_proposal_waits() {
    assert!(matches!(plan(B).status, Status::Active { .. }));
    let proposed = plan(A);
    assert_eq!(proposed.status, Status::Proposed);
    assert_eq!((proposed.hurt, proposed.responsible), (B, A));
    assert_eq!(
        decide_open(A, None, Role::Hurt, None, None, None),
        Err(Refusal::NoPartner)
    );
    assert_eq!(
        proposed.decide(A, Command::Accept, READY),
        Err(Refusal::OnlyHurt)
    );
    let accepted = apply(
        &proposed,
        B,
        proposed.decide(B, Command::Accept, READY).unwrap(),
    );
    assert!(matches!(accepted.status, Status::Active { .. }));
    assert_eq!(
        accepted.decide(B, Command::Accept, READY),
        Err(Refusal::AlreadyAccepted)
    );
    // Nothing but accepting or closing moves a proposal.
    assert_eq!(
        proposed.decide(A, Command::Acknowledge(text("I lied")), READY),
        Err(Refusal::NotAccepted)
    );
    assert_eq!(
        proposed.decide(B, Command::Advance, READY),
        Err(Refusal::NotAccepted)
    );
    assert_eq!(
        proposed.decide(B, Command::Close, READY),
        Ok(Change::Closed)
    );
}

#[test]
fn a_linked_promise_must_be_a_broken_one_from_the_responsible_partner() {
    let mut log = Log::new();
    let promise = log.make(A, B, terms(2, None), None, day(0.0)).unwrap();
    let link = Some(Link::Promise { promise });
    assert_eq!(
        decide_open(B, Some(A), Role::Hurt, link, log.get(promise), None),
        Err(Refusal::LinkInvalid),
        "not broken yet"
    );
    assert!(log.step(
        promise,
        B,
        PromiseCommand::RecordBroken {
            severity: Severity::new(3).unwrap(),
            deception: true,
            when: None,
        },
        day(1.0)
    ));
    assert!(decide_open(B, Some(A), Role::Hurt, link, log.get(promise), None).is_ok());
    assert!(decide_open(A, Some(B), Role::Responsible, link, log.get(promise), None).is_ok());
    assert_eq!(
        decide_open(A, Some(B), Role::Hurt, link, log.get(promise), None),
        Err(Refusal::LinkInvalid),
        "A did not break a promise to themselves"
    );
    assert_eq!(
        decide_open(B, Some(A), Role::Hurt, link, None, None),
        Err(Refusal::LinkInvalid),
        "an unknown promise"
    );
}

#[test]
fn a_linked_crossing_must_be_of_the_hurt_partners_boundary_by_the_responsible_one() {
    let link = Some(Link::Crossing {
        crossing: CrossingId::from_uuid(Uuid::from_u128(5)),
    });
    let fits = LinkedCrossing {
        crossed_by: A,
        owner: B,
    };
    assert!(decide_open(B, Some(A), Role::Hurt, link, None, Some(fits)).is_ok());
    assert!(decide_open(A, Some(B), Role::Responsible, link, None, Some(fits)).is_ok());
    let reversed = LinkedCrossing {
        crossed_by: B,
        owner: A,
    };
    assert_eq!(
        decide_open(B, Some(A), Role::Hurt, link, None, Some(reversed)),
        Err(Refusal::LinkInvalid)
    );
    assert_eq!(
        decide_open(B, Some(A), Role::Hurt, link, None, None),
        Err(Refusal::LinkInvalid),
        "no such crossing"
    );
}

#[test]
fn accountability_steps_are_the_responsible_partners_once_each() {
    let mut active = plan(B);
    for (command, done) in [
        (Command::Acknowledge(text("I hid the messages")), 0),
        (Command::TakeResponsibility(text("It was my choice")), 1),
        (Command::Apologise(text("I am sorry")), 2),
    ] {
        assert_eq!(
            active.decide(B, command.clone(), READY),
            Err(Refusal::OnlyResponsible)
        );
        assert_eq!(
            active.decide(A, command.clone(), Joint::Paused),
            Err(Refusal::Paused)
        );
        let change = active.decide(A, command.clone(), READY).unwrap();
        active = apply(&active, A, change);
        assert_eq!(
            active.decide(A, command, READY),
            Err(Refusal::AlreadyDone),
            "step {done}"
        );
    }
    assert!(active.acknowledgement.is_some() && active.responsibility.is_some());
    assert!(active.apology.is_some());
}

#[test]
fn responsibility_has_no_but_in_either_language() {
    let active = plan(B);
    for excuse in [
        "I did it, but you were cold",
        "It was me. However, I was tired",
        "Zrobiłem to, ale byłaś zimna",
        "BUT I was drunk",
    ] {
        assert_eq!(
            active.decide(A, Command::TakeResponsibility(text(excuse)), READY),
            Err(Refusal::HasBut),
            "{excuse}"
        );
    }
    for plain in [
        "It was my choice and mine alone",
        "Butter is not an excuse",
        "Alex",
        "I did it even though you trusted me",
        "Zrobiłem to, chociaż mi ufałaś",
    ] {
        assert!(
            active
                .decide(A, Command::TakeResponsibility(text(plain)), READY)
                .is_ok(),
            "{plain}"
        );
    }
}

#[test]
fn the_dated_promise_is_made_once_with_a_due_date_and_transparency_as_often_as_needed() {
    let active = plan(B);
    let promise = PromiseId::from_uuid(Uuid::from_u128(77));
    let now = day(1.0);
    assert_eq!(
        decide_promise(&active, A, promise, terms(3, None), None, false, READY, now),
        Err(Refusal::NeedsDue)
    );
    assert_eq!(
        decide_promise(
            &active,
            B,
            promise,
            terms(3, Some(day(9.0))),
            None,
            false,
            READY,
            now
        ),
        Err(Refusal::OnlyResponsible)
    );
    assert_eq!(
        decide_promise(
            &active,
            A,
            promise,
            terms(3, Some(day(9.0))),
            None,
            false,
            Joint::Paused,
            now
        ),
        Err(Refusal::Paused)
    );
    let (change, made) = decide_promise(
        &active,
        A,
        promise,
        terms(3, Some(day(9.0))),
        None,
        false,
        READY,
        now,
    )
    .unwrap();
    assert_eq!(change, Change::Promised { promise });
    assert!(
        matches!(made, steadfast_core::promise::Change::Made { receiver, .. } if receiver == B)
    );
    let promised = apply(&active, A, change);
    assert_eq!(
        decide_promise(
            &promised,
            A,
            promise,
            terms(3, Some(day(9.0))),
            None,
            false,
            READY,
            now
        ),
        Err(Refusal::AlreadyDone)
    );
    for _ in 0..2 {
        let (change, _) = decide_promise(
            &promised,
            A,
            promise,
            terms(1, None),
            None,
            true,
            READY,
            now,
        )
        .unwrap();
        assert_eq!(change, Change::TransparencyCommitted { promise });
    }
}

#[test]
fn the_hurt_partner_advances_through_the_phases_and_closes() {
    let mut active = plan(B);
    assert_eq!(active.phase, Phase::Atone);
    assert_eq!(
        active.decide(A, Command::Advance, READY),
        Err(Refusal::OnlyHurt)
    );
    assert_eq!(
        active.decide(B, Command::Advance, Joint::Paused),
        Err(Refusal::Paused)
    );
    for phase in [Phase::Attune, Phase::Attach] {
        let change = active.decide(B, Command::Advance, READY).unwrap();
        assert_eq!(change, Change::Advanced { to: phase });
        active = apply(&active, B, change);
        assert_eq!(active.phase, phase);
    }
    assert_eq!(
        active.decide(B, Command::Advance, READY),
        Err(Refusal::LastPhase)
    );
    assert_eq!(
        active.decide(A, Command::Close, READY),
        Err(Refusal::OnlyHurt)
    );
    // A way out is never paused.
    assert_eq!(
        active.decide(B, Command::Close, Joint::Paused),
        Ok(Change::Closed)
    );
    let closed = apply(&active, B, Change::Closed);
    for command in [
        Command::Advance,
        Command::Close,
        Command::Accept,
        Command::Apologise(text("sorry")),
    ] {
        assert_eq!(
            closed.decide(B, command.clone(), READY),
            Err(Refusal::Closed)
        );
        assert_eq!(closed.decide(A, command, READY), Err(Refusal::Closed));
    }
}

#[test]
fn either_partner_notes_progress_and_nobody_else() {
    let active = plan(B);
    let note = Command::NoteProgress {
        text: text("a calmer week"),
        checkin: None,
    };
    assert!(active.decide(A, note.clone(), READY).is_ok());
    assert!(active.decide(B, note.clone(), READY).is_ok());
    assert_eq!(
        active.decide(C, note.clone(), READY),
        Err(Refusal::OnlyHurt)
    );
    assert_eq!(active.decide(A, note, Joint::Paused), Err(Refusal::Paused));
}

fn any_command() -> impl Strategy<Value = Command> {
    prop_oneof![
        Just(Command::Accept),
        Just(Command::Advance),
        Just(Command::Close),
        Just(Command::Acknowledge(text("words"))),
        Just(Command::TakeResponsibility(text("mine"))),
        Just(Command::Apologise(text("sorry"))),
        Just(Command::NoteProgress {
            text: text("note"),
            checkin: None
        }),
    ]
}

proptest! {
    /// Whatever anyone tries in whatever order, every advance and close in the history is the
    /// hurt partner's.
    #[test]
    fn only_the_hurt_partner_ever_advances_or_closes(
        proposed in any::<bool>(),
        tries in prop::collection::vec((0..3usize, any_command(), any::<bool>()), 0..40),
    ) {
        let mut current = plan(if proposed { A } else { B });
        for (who, command, ready) in tries {
            let actor = [A, B, C][who];
            let joint = if ready { Joint::Ready } else { Joint::Paused };
            if let Ok(change) = current.decide(actor, command, joint) {
                current = apply(&current, actor, change);
            }
        }
        for step in &current.history {
            if matches!(step.change, Change::Advanced { .. } | Change::Closed | Change::Accepted) {
                prop_assert_eq!(step.by, B);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The repair bonus.

fn kept_weight_a_to_b(log: &Log, now: Timestamp) -> f64 {
    let members = couple();
    let mut ledger = Ledger::new(B);
    ledger.advance(&log.events, &members);
    let book = ledger.record(&members, &Params::DEFAULT).unwrap();
    let view = book.view(
        &TrackKey {
            promiser: A,
            receiver: B,
            domain: None,
        },
        now,
    );
    view.opinion.expected
}

fn repair_event(log: &mut Log, n: u128, by: PersonId, change: Change, at: Timestamp) {
    log.append(
        RepairEvent {
            repair: RepairId::from_uuid(Uuid::from_u128(9)),
            change,
        }
        .into_event(id(n), by, at),
    );
}

/// One kept promise of `promiser`'s, at `at`.
fn kept(log: &mut Log, promiser: PersonId, at: Timestamp) {
    let receiver = if promiser == A { B } else { A };
    let p = log
        .make(promiser, receiver, terms(2, None), None, at)
        .unwrap();
    assert!(log.step(
        p,
        receiver,
        PromiseCommand::ConfirmKept {
            stakes: None,
            when: None
        },
        at
    ));
}

/// A's record with B after one kept promise at `kept_day`, with a plan proposed on day 1 and
/// accepted on `accepted_day` (if ever); both partners consented first.
fn a_record(kept_day: f64, accepted_day: Option<f64>) -> (f64, f64) {
    let mut log = Log::new();
    log.consent(A, true, day(0.0));
    log.consent(B, true, day(0.0));
    repair_event(
        &mut log,
        1,
        A,
        Change::Opened {
            hurt: B,
            responsible: A,
            link: None,
        },
        day(1.0),
    );
    if let Some(accepted) = accepted_day {
        repair_event(&mut log, 2, B, Change::Accepted, day(accepted));
    }
    kept(&mut log, A, day(kept_day));
    kept(&mut log, B, day(kept_day));
    let now = day(kept_day + 0.1);
    let b_to_a = {
        let members = couple();
        let mut ledger = Ledger::new(A);
        ledger.advance(&log.events, &members);
        let book = ledger.record(&members, &Params::DEFAULT).unwrap();
        book.view(
            &TrackKey {
                promiser: B,
                receiver: A,
                domain: None,
            },
            now,
        )
        .opinion
        .expected
    };
    (kept_weight_a_to_b(&log, now), b_to_a)
}

#[test]
fn the_repair_bonus_starts_at_acceptance_for_the_responsible_partner_for_eight_weeks() {
    let (plain_a, plain_b) = a_record(3.0, None);
    let (proposed_only, _) = a_record(3.0, Some(5.0));
    assert_eq!(
        proposed_only, plain_a,
        "a kept promise before acceptance counts plainly"
    );
    let (bonus_a, bonus_b) = a_record(6.0, Some(5.0));
    let (later_plain_a, later_plain_b) = a_record(6.0, None);
    assert!(bonus_a > later_plain_a, "{bonus_a} > {later_plain_a}");
    assert_eq!(
        bonus_b, later_plain_b,
        "the hurt partner's own promises count plainly"
    );
    assert_eq!(plain_b, a_record(3.0, Some(2.0)).1);
    // Eight weeks after acceptance on day 5, the bonus is over.
    let within = 5.0 + 8.0 * 7.0 - 0.5;
    let after = 5.0 + 8.0 * 7.0 + 0.5;
    assert!(a_record(within, Some(5.0)).0 > a_record(within, None).0);
    assert_eq!(a_record(after, Some(5.0)).0, a_record(after, None).0);
}

#[test]
fn the_bonus_applies_whether_the_record_was_built_before_or_after_acceptance() {
    let members = couple();
    let mut log = Log::new();
    log.consent(A, true, day(0.0));
    log.consent(B, true, day(0.0));
    let mut live = Ledger::new(B);
    live.advance(&log.events, &members);
    assert!(live.record(&members, &Params::DEFAULT).is_some());
    repair_event(
        &mut log,
        1,
        B,
        Change::Opened {
            hurt: B,
            responsible: A,
            link: None,
        },
        day(1.0),
    );
    kept(&mut log, A, day(2.0));
    live.advance(&log.events, &members);
    let key = TrackKey {
        promiser: A,
        receiver: B,
        domain: None,
    };
    let incremental = live
        .record(&members, &Params::DEFAULT)
        .unwrap()
        .view(&key, day(3.0))
        .opinion;
    let mut fresh = Ledger::new(B);
    fresh.advance(&log.events, &members);
    let rebuilt = fresh
        .record(&members, &Params::DEFAULT)
        .unwrap()
        .view(&key, day(3.0))
        .opinion;
    assert_eq!(incremental, rebuilt);
    let (plain, _) = a_record(2.0, None);
    assert!(rebuilt.expected > plain);
}

// ---------------------------------------------------------------------------------------------
// The safety check and the private log.

#[test]
fn the_private_log_is_its_authors_only() {
    let members = couple();
    let mut log = Log::new();
    log.append(
        LogEvent {
            text: text("the phone buzzed at dinner"),
            intensity: None,
        }
        .into_event(id(1), B, day(1.0)),
    );
    let mut mine = Ledger::new(B);
    mine.advance(&log.events, &members);
    assert_eq!(mine.repair_log.entries().len(), 1);
    let mut theirs = Ledger::new(A);
    theirs.advance(&log.events, &members);
    assert!(theirs.repair_log.entries().is_empty());
}
