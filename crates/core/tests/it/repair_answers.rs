//! The hurt partner's side of a repair plan: "this landed" / "not yet" on each accountability
//! step, the questions and their answers (never changed silently), and forgiveness, which is the
//! hurt partner's alone, private unless shared, and never required.

use steadfast_core::id::{QuestionId, RepairId};
use steadfast_core::landing::{Landing, LandingWord};
use steadfast_core::repair::{
    Change, Command, Forgiveness, ForgivenessEvent, Forgiving, Joint, Part, Refusal, RepairEvent,
    RepairPlan, RepairText, Role, Status, decide_open, decide_promise,
};
use steadfast_core::{EventId, Ledger, PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, Log, couple, day, terms};

const READY: Joint = Joint::Ready;

fn text(words: &str) -> RepairText {
    RepairText::parse(words).unwrap()
}

fn question(n: u128) -> QuestionId {
    QuestionId::from_uuid(Uuid::from_u128(70_000 + n))
}

const PLAN: RepairId = RepairId::from_uuid(Uuid::from_u128(9));

/// A log with a plan opened by hurt B about responsible A.
fn opened() -> Log {
    let mut log = Log::new();
    let change = decide_open(B, Some(A), Role::Hurt, None, None, None).unwrap();
    log.append(
        RepairEvent {
            repair: PLAN,
            change,
        }
        .into_event(event_id(0), B, day(0.0)),
    );
    log
}

fn event_id(n: u128) -> EventId {
    EventId::from_uuid(Uuid::from_u128(60_000 + n))
}

/// The plan as `viewer` sees it.
fn seen(log: &Log, viewer: PersonId) -> RepairPlan {
    let mut ledger = Ledger::new(viewer);
    ledger.advance(&log.events, &couple());
    ledger.repairs.get(PLAN).unwrap().clone()
}

/// Decides `command` for `by` on the plan as they see it and appends it; panics on a refusal.
fn take(log: &mut Log, by: PersonId, command: Command, at: Timestamp) {
    let change = try_take(log, by, command).unwrap();
    let n = log.events.len() as u128;
    log.append(
        RepairEvent {
            repair: PLAN,
            change,
        }
        .into_event(event_id(n), by, at),
    );
}

fn try_take(log: &Log, by: PersonId, command: Command) -> Result<Change, Refusal> {
    seen(log, by).decide(by, command, READY)
}

fn answer(part: Part, landing: Landing, word: Option<&str>) -> Command {
    Command::Answer {
        part,
        landing,
        word: word.map(|w| LandingWord::parse(w).unwrap()),
    }
}

fn forgive(log: &mut Log, state: Forgiveness, share: bool, at: Timestamp) {
    let writes = seen(log, B).decide_forgiveness(B, state, share).unwrap();
    for write in writes {
        let n = log.events.len() as u128;
        let event = match write {
            Forgiving::Shared(change) => RepairEvent {
                repair: PLAN,
                change,
            }
            .into_event(event_id(n), B, at),
            Forgiving::Private(note) => note.into_event(event_id(n), B, at),
        };
        log.append(event);
    }
}

#[test]
fn only_the_hurt_partner_answers_a_step_and_only_once_it_was_said() {
    let mut log = opened();
    assert_eq!(
        try_take(&log, B, answer(Part::Apology, Landing::Landed, None)),
        Err(Refusal::NothingToAnswer)
    );
    take(
        &mut log,
        A,
        Command::Apologise(text("I am sorry I hid it")),
        day(1.0),
    );
    assert_eq!(
        try_take(&log, A, answer(Part::Apology, Landing::Landed, None)),
        Err(Refusal::OnlyHurt)
    );
    assert_eq!(
        seen(&log, B).decide(
            B,
            answer(Part::Apology, Landing::Landed, None),
            Joint::Paused
        ),
        Err(Refusal::Paused)
    );
    take(
        &mut log,
        B,
        answer(Part::Apology, Landing::Landed, None),
        day(2.0),
    );
    let plan = seen(&log, A);
    assert_eq!(plan.answer(Part::Apology).unwrap().landing, Landing::Landed);
    assert_eq!(plan.answer(Part::Acknowledgement), None);
    assert!(
        plan.moves(A, READY)
            .offer
            .iter()
            .all(|&p| p != Part::Apology)
    );
    assert_eq!(
        try_take(&log, A, Command::Apologise(text("again"))),
        Err(Refusal::AlreadyDone),
        "a step that landed is done"
    );
}

#[test]
fn not_yet_keeps_the_step_open_says_what_would_help_and_the_newest_answer_stands() {
    let mut log = opened();
    take(
        &mut log,
        A,
        Command::Acknowledge(text("I lied about where I was")),
        day(1.0),
    );
    assert_eq!(
        try_take(&log, A, Command::Acknowledge(text("more"))),
        Err(Refusal::AlreadyDone),
        "unanswered, the words stand"
    );
    take(
        &mut log,
        B,
        answer(
            Part::Acknowledgement,
            Landing::NotYet,
            Some("say who you were with"),
        ),
        day(2.0),
    );
    let theirs = seen(&log, A);
    let standing = theirs.answer(Part::Acknowledgement).unwrap();
    assert_eq!(standing.landing, Landing::NotYet);
    assert_eq!(
        standing.word.as_ref().unwrap().as_str(),
        "say who you were with"
    );
    assert!(
        theirs
            .moves(A, READY)
            .offer
            .contains(&Part::Acknowledgement)
    );

    // The newest answer to the same words stands; the earlier one stays in the history.
    take(
        &mut log,
        B,
        answer(Part::Acknowledgement, Landing::Landed, None),
        day(3.0),
    );
    let plan = seen(&log, A);
    assert_eq!(
        plan.answer(Part::Acknowledgement).unwrap().landing,
        Landing::Landed
    );
    assert_eq!(plan.answers_to(Part::Acknowledgement).count(), 2);
    take(
        &mut log,
        B,
        answer(Part::Acknowledgement, Landing::NotYet, None),
        day(4.0),
    );

    // A new try: the earlier words are kept, and the new ones wait for an answer of their own.
    take(
        &mut log,
        A,
        Command::Acknowledge(text("I was with Sam, and I lied")),
        day(5.0),
    );
    let plan = seen(&log, B);
    assert_eq!(
        plan.acknowledgement.as_ref().unwrap().text.as_str(),
        "I was with Sam, and I lied"
    );
    assert_eq!(plan.earlier_words(Part::Acknowledgement).len(), 1);
    assert_eq!(
        plan.answer(Part::Acknowledgement),
        None,
        "the new words are unanswered"
    );
    assert_eq!(plan.answers_to(Part::Acknowledgement).count(), 3);
    assert!(plan.moves(B, READY).answer.contains(&Part::Acknowledgement));
}

#[test]
fn the_dated_promise_can_be_offered_again_after_not_yet() {
    let mut log = opened();
    let plan = seen(&log, A);
    let due = Some(day(30.0));
    let (change, _) = decide_promise(
        &plan,
        A,
        PromiseId::from_uuid(Uuid::from_u128(1)),
        terms(2, due),
        None,
        false,
        READY,
        day(1.0),
    )
    .unwrap();
    log.append(
        RepairEvent {
            repair: PLAN,
            change,
        }
        .into_event(event_id(1), A, day(1.0)),
    );
    let again = |log: &Log| {
        decide_promise(
            &seen(log, A),
            A,
            PromiseId::from_uuid(Uuid::from_u128(2)),
            terms(2, due),
            None,
            false,
            READY,
            day(2.0),
        )
    };
    assert_eq!(again(&log).unwrap_err(), Refusal::AlreadyDone);
    take(
        &mut log,
        B,
        answer(Part::Promise, Landing::NotYet, Some("smaller, and soon")),
        day(2.0),
    );
    assert!(again(&log).is_ok());
}

#[test]
fn questions_are_asked_by_the_hurt_partner_and_answered_by_the_other() {
    let mut log = opened();
    let ask = |n, words: &str| Command::Ask {
        question: question(n),
        text: text(words),
    };
    let reply = |n, words: &str| Command::Reply {
        question: question(n),
        text: text(words),
    };
    assert_eq!(try_take(&log, A, ask(1, "why?")), Err(Refusal::OnlyHurt));
    take(&mut log, B, ask(1, "How long did it go on?"), day(1.0));
    take(&mut log, B, ask(2, "Who else knew?"), day(1.0));
    assert_eq!(
        try_take(&log, B, ask(1, "again")),
        Err(Refusal::AlreadyDone)
    );
    assert_eq!(
        try_take(&log, B, reply(1, "me")),
        Err(Refusal::OnlyResponsible)
    );
    assert_eq!(
        try_take(&log, A, reply(3, "no such")),
        Err(Refusal::NoSuchQuestion)
    );

    let plan = seen(&log, A);
    assert_eq!(plan.unanswered().count(), 2);
    assert!(plan.moves(A, READY).reply && !plan.moves(B, READY).reply);
    assert!(plan.moves(B, READY).ask && !plan.moves(A, READY).ask);
    let mut ledger = Ledger::new(B);
    ledger.advance(&log.events, &couple());
    assert_eq!(ledger.repairs.unanswered_between(A, B).count(), 2);

    take(&mut log, A, reply(1, "Three months"), day(2.0));
    let plan = seen(&log, B);
    assert_eq!(plan.unanswered().count(), 1);
    assert_eq!(
        plan.question(question(1))
            .unwrap()
            .answer()
            .unwrap()
            .text
            .as_str(),
        "Three months"
    );

    // Closed, nothing waits any more.
    take(&mut log, B, Command::Close, day(3.0));
    assert_eq!(seen(&log, A).unanswered().count(), 0);
}

#[test]
fn a_changed_answer_shows_as_a_change_with_the_earlier_words_kept() {
    let mut log = opened();
    take(
        &mut log,
        B,
        Command::Ask {
            question: question(1),
            text: text("Did you see them again?"),
        },
        day(1.0),
    );
    let reply = |words: &str| Command::Reply {
        question: question(1),
        text: text(words),
    };
    take(&mut log, A, reply("No"), day(2.0));
    assert_eq!(try_take(&log, A, reply("No")), Err(Refusal::Unchanged));
    take(&mut log, A, reply("Once, to end it"), day(3.0));
    for viewer in [A, B] {
        let plan = seen(&log, viewer);
        let asked = plan.question(question(1)).unwrap();
        assert_eq!(asked.answer().unwrap().text.as_str(), "Once, to end it");
        assert_eq!(asked.earlier().len(), 1, "the first words stay, for both");
        assert_eq!(asked.earlier()[0].text.as_str(), "No");
        assert_eq!(asked.earlier()[0].at, day(2.0));
    }
}

#[test]
fn forgiveness_is_the_hurt_partners_alone_and_private_unless_shared() {
    let mut log = opened();
    assert_eq!(
        seen(&log, A).decide_forgiveness(A, Forgiveness::Forgiven, true),
        Err(Refusal::OnlyHurt),
        "never by the other, shared or not"
    );
    assert!(!seen(&log, A).moves(A, READY).forgive);
    assert!(
        seen(&log, B).moves(B, Joint::Paused).forgive,
        "never paused"
    );

    forgive(&mut log, Forgiveness::WorkingOnIt, false, day(1.0));
    let mine = seen(&log, B).forgiveness.unwrap();
    assert_eq!(
        (mine.forgiveness, mine.shared),
        (Forgiveness::WorkingOnIt, false)
    );
    let theirs = seen(&log, A);
    assert_eq!(
        theirs.forgiveness, None,
        "private: the partner's fold holds nothing"
    );
    assert_eq!(theirs, seen(&opened(), A), "not even a step in the history");

    forgive(&mut log, Forgiveness::WorkingOnIt, true, day(2.0));
    let shared = seen(&log, A).forgiveness.unwrap();
    assert_eq!(
        (shared.forgiveness, shared.shared, shared.at),
        (Forgiveness::WorkingOnIt, true, day(2.0))
    );

    // Un-shared: the partner sees nothing again, the hurt partner keeps the new state.
    forgive(&mut log, Forgiveness::Forgiven, false, day(3.0));
    assert_eq!(seen(&log, A).forgiveness, None);
    let mine = seen(&log, B).forgiveness.unwrap();
    assert_eq!(
        (mine.forgiveness, mine.shared),
        (Forgiveness::Forgiven, false)
    );
    let private = log
        .events
        .iter()
        .filter(|e| ForgivenessEvent::from_event(&e.event).is_some())
        .count();
    assert_eq!(private, 2);
}

#[test]
fn closing_a_plan_never_needs_forgiveness_and_forgiveness_may_come_after() {
    let mut log = opened();
    take(&mut log, B, Command::Close, day(1.0));
    assert!(matches!(seen(&log, B).status, Status::Closed { .. }));
    forgive(&mut log, Forgiveness::Forgiven, true, day(60.0));
    assert_eq!(
        seen(&log, A).forgiveness.unwrap().forgiveness,
        Forgiveness::Forgiven
    );
}
