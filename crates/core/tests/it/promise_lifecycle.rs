//! Every step of a promise's lifecycle, allowed and refused, and who may take it, against a
//! reference written from docs/PRINCIPLES.md ("The domain: Promise") rather than from the code:
//!
//! > open → done (only the promiser) → kept (confirmed by the receiver, who may also confirm
//! > without a "done") · renegotiated before due (new terms + reason; receiver accepts) · broken,
//! > recorded by the receiver whenever it happened · overdue and not done → receiver decides:
//! > broken, extended, or let go · released by the receiver · backdated when it was kept but not
//! > logged.
//!
//! Where docs/PRINCIPLES.md is silent the reference says what it assumes, in a comment.

use proptest::prelude::*;
use steadfast_core::promise::{
    Change, Command, Effect, LifecycleStep, MAX_BACKDATE, Outcome, Promise, Refusal, Severity,
    Status, decide_make,
};
use steadfast_core::{PersonId, PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, MS_PER_DAY, day, millis, plus, reason, stakes, terms};

const HOUR_MS: i64 = 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// The reference: states, roles and commands as docs/PRINCIPLES.md names them.

/// Where a promise stands, as the words of docs/PRINCIPLES.md tell states apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Open,
    /// Open, with new terms asked for and not answered.
    Pending,
    /// Open and past its due time.
    Overdue,
    /// Overdue, with new terms asked for before the due time and not answered yet.
    OverduePending,
    Done,
    /// Marked done, and the due time has passed since: done is not "overdue and not done".
    DonePastDue,
    Kept,
    Broken,
    Released,
    LetGo,
}

impl State {
    fn settled(self) -> bool {
        matches!(
            self,
            State::Kept | State::Broken | State::Released | State::LetGo
        )
    }

    fn done(self) -> bool {
        matches!(self, State::Done | State::DonePastDue)
    }

    fn overdue(self) -> bool {
        matches!(self, State::Overdue | State::OverduePending)
    }

    fn pending(self) -> bool {
        matches!(self, State::Pending | State::OverduePending)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Promiser,
    Receiver,
    Third,
}

const ROLES: [Role; 3] = [Role::Promiser, Role::Receiver, Role::Third];

fn person(role: Role) -> PersonId {
    match role {
        Role::Promiser => A,
        Role::Receiver => B,
        Role::Third => C,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    MarkDone,
    ConfirmKept,
    NotYet,
    AskRenegotiation,
    Accept,
    Decline,
    RecordBroken,
    Extend,
    LetGo,
    Release,
}

/// A kind of attempt as the step a page offers: accepting and declining are one answer.
fn lifecycle_step(kind: Kind) -> LifecycleStep {
    match kind {
        Kind::MarkDone => LifecycleStep::MarkDone,
        Kind::ConfirmKept => LifecycleStep::ConfirmKept,
        Kind::NotYet => LifecycleStep::NotYet,
        Kind::AskRenegotiation => LifecycleStep::AskRenegotiation,
        Kind::Accept | Kind::Decline => LifecycleStep::AnswerRenegotiation,
        Kind::RecordBroken => LifecycleStep::RecordBroken,
        Kind::Extend => LifecycleStep::Extend,
        Kind::LetGo => LifecycleStep::LetGo,
        Kind::Release => LifecycleStep::Release,
    }
}

const KINDS: [Kind; 10] = [
    Kind::MarkDone,
    Kind::ConfirmKept,
    Kind::NotYet,
    Kind::AskRenegotiation,
    Kind::Accept,
    Kind::Decline,
    Kind::RecordBroken,
    Kind::Extend,
    Kind::LetGo,
    Kind::Release,
];

/// Who may take a step: marking done and asking for new terms are the promiser's; everything
/// else is the receiver's.
fn whose(kind: Kind) -> Role {
    match kind {
        Kind::MarkDone | Kind::AskRenegotiation => Role::Promiser,
        _ => Role::Receiver,
    }
}

/// Whether docs/PRINCIPLES.md allows the step, by the right person, from this state (times given valid).
fn allowed(state: State, kind: Kind) -> bool {
    if state.settled() {
        return false;
    }
    match kind {
        Kind::MarkDone => !state.done(),
        // "who may also confirm without a done"; broken "whenever it happened"; released at
        // any time.
        Kind::ConfirmKept | Kind::RecordBroken | Kind::Release => true,
        // Assumed (docs/PRINCIPLES.md is silent): the receiver may say "not yet" to a done only.
        Kind::NotYet => state.done(),
        // "before due"; one request at a time; assumed: not once the promiser says it is done.
        Kind::AskRenegotiation => !state.done() && !state.pending() && !state.overdue(),
        Kind::Accept | Kind::Decline => state.pending(),
        // "overdue and not done → receiver decides: broken, extended, or let go".
        Kind::Extend | Kind::LetGo => state.overdue(),
    }
}

/// The state an allowed step leads to, with the fixtures' arguments: new due times are a week
/// after now, so never overdue right after.
fn after(state: State, kind: Kind) -> State {
    match kind {
        // Assumed: marking done withdraws a renegotiation waiting for an answer.
        Kind::MarkDone if state.overdue() => State::DonePastDue,
        Kind::MarkDone => State::Done,
        Kind::ConfirmKept => State::Kept,
        Kind::NotYet if state == State::DonePastDue => State::Overdue,
        Kind::NotYet | Kind::Accept => State::Open,
        Kind::AskRenegotiation => State::Pending,
        Kind::Decline if state == State::OverduePending => State::Overdue,
        Kind::Decline => State::Open,
        Kind::RecordBroken => State::Broken,
        // The later due time makes it open again; a pending request stays pending.
        Kind::Extend if state.pending() => State::Pending,
        Kind::Extend => State::Open,
        Kind::LetGo => State::LetGo,
        Kind::Release => State::Released,
    }
}

/// What a step tells the record, if anything: only the receiver's settling steps (kept, broken,
/// let go), and an accepted renegotiation (docs/PRINCIPLES.md, The trust model).
fn evidence_of(kind: Kind) -> Option<Effect> {
    match kind {
        Kind::ConfirmKept => Some(Effect::Kept),
        Kind::RecordBroken => Some(Effect::Broken {
            severity: Severity::new(2).unwrap(),
            deception: true,
        }),
        Kind::Accept => Some(Effect::Renegotiated),
        Kind::LetGo => Some(Effect::LetGo),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// The system: promises in each state, built through the core's own decisions.

const PROMISE: PromiseId = PromiseId::from_uuid(Uuid::from_u128(77));

/// Made by A to B at day 0, at stakes 2, due at day 7.
fn made() -> Promise {
    let change = decide_make(A, Some(B), terms(2, Some(day(7.0))), None, None, day(0.0)).unwrap();
    Promise::start(PROMISE, A, day(0.0), &change).unwrap()
}

fn take(promise: &mut Promise, role: Role, command: Command, now: Timestamp) -> Option<Outcome> {
    let change = promise.decide(person(role), command, now).unwrap();
    promise.apply(person(role), now, &change)
}

fn command(kind: Kind, now: Timestamp) -> Command {
    let week_later = plus(now, 7 * MS_PER_DAY);
    match kind {
        Kind::MarkDone => Command::MarkDone { when: None },
        Kind::ConfirmKept => Command::ConfirmKept {
            stakes: Some(stakes(4)),
            when: None,
        },
        Kind::NotYet => Command::NotYet,
        Kind::AskRenegotiation => Command::AskRenegotiation {
            terms: terms(3, Some(week_later)),
            reason: reason(),
        },
        Kind::Accept => Command::AcceptRenegotiation,
        Kind::Decline => Command::DeclineRenegotiation,
        Kind::RecordBroken => Command::RecordBroken {
            severity: Severity::new(2).unwrap(),
            deception: true,
            when: None,
        },
        Kind::Extend => Command::Extend { due: week_later },
        Kind::LetGo => Command::LetGo,
        Kind::Release => Command::Release,
    }
}

/// A promise in `state`, and the instant it is in it.
fn in_state(state: State) -> (Promise, Timestamp) {
    let mut p = made();
    let (early, late) = (day(1.0), day(8.0));
    let now = match state {
        State::Open => early,
        State::Overdue => late,
        State::Pending | State::OverduePending => {
            // Asked at day 1 for new terms due at day 8; an hour after the old due time (day
            // 7), still unanswered.
            take(
                &mut p,
                Role::Promiser,
                command(Kind::AskRenegotiation, early),
                early,
            );
            if state == State::Pending {
                early
            } else {
                plus(day(7.0), HOUR_MS)
            }
        }
        State::Done | State::DonePastDue => {
            take(
                &mut p,
                Role::Promiser,
                command(Kind::MarkDone, early),
                early,
            );
            if state == State::Done { early } else { late }
        }
        State::Kept | State::Broken | State::Released => {
            let kind = match state {
                State::Kept => Kind::ConfirmKept,
                State::Broken => Kind::RecordBroken,
                _ => Kind::Release,
            };
            take(&mut p, Role::Receiver, command(kind, early), early);
            early
        }
        State::LetGo => {
            take(&mut p, Role::Receiver, command(Kind::LetGo, late), late);
            late
        }
    };
    (p, now)
}

const STATES: [State; 10] = [
    State::Open,
    State::Pending,
    State::Overdue,
    State::OverduePending,
    State::Done,
    State::DonePastDue,
    State::Kept,
    State::Broken,
    State::Released,
    State::LetGo,
];

/// The state a promise is in, read from its fields (not from `is_overdue`).
fn state_of(p: &Promise, now: Timestamp) -> State {
    let past_due = p.terms.due.is_some_and(|due| now >= due);
    match p.status {
        Status::Kept { .. } => State::Kept,
        Status::Broken { .. } => State::Broken,
        Status::Released { .. } => State::Released,
        Status::LetGo { .. } => State::LetGo,
        Status::Done if past_due => State::DonePastDue,
        Status::Done => State::Done,
        Status::Open => match (past_due, p.pending.is_some()) {
            (false, false) => State::Open,
            (false, true) => State::Pending,
            (true, false) => State::Overdue,
            (true, true) => State::OverduePending,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Every state × command × person.

#[test]
fn the_fixtures_are_in_the_states_they_name() {
    for state in STATES {
        let (p, now) = in_state(state);
        assert_eq!(state_of(&p, now), state);
        assert_eq!(p.is_overdue(now), state.overdue(), "{state:?}");
        assert_eq!(p.status.is_settled(), state.settled(), "{state:?}");
    }
}

#[test]
fn every_step_is_allowed_exactly_as_designed_and_only_to_the_right_person() {
    for state in STATES {
        for kind in KINDS {
            for role in ROLES {
                let (p, now) = in_state(state);
                let decided = p.decide(person(role), command(kind, now), now);
                let expected = role == whose(kind) && allowed(state, kind);
                assert_eq!(
                    decided.is_ok(),
                    expected,
                    "{kind:?} by the {role:?} from {state:?}: {decided:?}"
                );
                // A refusal says why in the words that fit: settled first, then who may.
                if let Err(refusal) = decided {
                    if state.settled() {
                        assert_eq!(refusal, Refusal::Settled);
                    } else if role != whose(kind) {
                        let only = match whose(kind) {
                            Role::Promiser => Refusal::OnlyPromiser,
                            _ => Refusal::OnlyReceiver,
                        };
                        assert_eq!(refusal, only, "{kind:?} by the {role:?} from {state:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn every_allowed_step_leads_where_designed_with_the_designed_evidence() {
    for state in STATES {
        for kind in KINDS.into_iter().filter(|&k| allowed(state, k)) {
            let (mut p, now) = in_state(state);
            let role = whose(kind);
            let stakes_before = p.terms.stakes;
            let outcome = take(&mut p, role, command(kind, now), now);
            assert_eq!(
                state_of(&p, now),
                after(state, kind),
                "{kind:?} from {state:?}"
            );
            assert_eq!(
                outcome.as_ref().map(|o| o.effect),
                evidence_of(kind),
                "{kind:?} from {state:?}"
            );
            if let Some(o) = outcome {
                // A kept promise weighs the receiver's stakes; the others the promise's terms
                // as they were.
                let weighed = if kind == Kind::ConfirmKept {
                    stakes(4)
                } else {
                    stakes_before
                };
                assert_eq!(
                    (o.promiser, o.receiver, o.stakes, o.when),
                    (A, B, weighed, now)
                );
            }
            assert_eq!(p.history.last().map(|s| s.by), Some(person(role)));
        }
    }
}

#[test]
fn confirming_without_stakes_keeps_the_promisers() {
    let (mut p, now) = in_state(State::Done);
    let command = Command::ConfirmKept {
        stakes: None,
        when: None,
    };
    let outcome = take(&mut p, Role::Receiver, command, now).unwrap();
    assert_eq!(outcome.stakes, stakes(2));
    assert_eq!(
        p.status,
        Status::Kept {
            stakes: stakes(2),
            at: now
        }
    );
}

#[test]
fn an_accepted_renegotiation_takes_the_new_terms_and_counts_once() {
    let (mut p, now) = in_state(State::Pending);
    let asked = p.pending.clone().unwrap();
    take(&mut p, Role::Receiver, Command::AcceptRenegotiation, now);
    assert_eq!(
        (p.terms.clone(), p.pending.clone(), p.renegotiations),
        (asked.terms, None, 1)
    );
    let (mut p, now) = in_state(State::Pending);
    let before = p.terms.clone();
    take(&mut p, Role::Receiver, Command::DeclineRenegotiation, now);
    assert_eq!(
        (p.terms.clone(), p.pending.clone(), p.renegotiations),
        (before, None, 0)
    );
}

// ---------------------------------------------------------------------------------------------
// Edges, to the millisecond.

#[test]
fn a_promise_is_overdue_from_its_due_millisecond() {
    let p = made();
    let due = day(7.0);
    let before = plus(due, -1);
    assert!(!p.is_overdue(before));
    assert!(p.is_overdue(due));
    assert_eq!(
        p.decide(B, Command::LetGo, before),
        Err(Refusal::NotOverdue)
    );
    assert_eq!(p.decide(B, Command::LetGo, due), Ok(Change::LetGo));
    let extend = Command::Extend { due: plus(due, 1) };
    assert_eq!(
        p.decide(B, extend.clone(), before),
        Err(Refusal::NotOverdue)
    );
    assert!(p.decide(B, extend, due).is_ok());
    // Renegotiating is for before the due time: up to its last millisecond.
    let ask = command(Kind::AskRenegotiation, due);
    assert!(p.decide(A, ask.clone(), before).is_ok());
    assert_eq!(p.decide(A, ask, due), Err(Refusal::PastDue));
}

#[test]
fn new_due_times_must_be_later_than_now() {
    let now = day(1.0);
    let make = |due, made_at| decide_make(A, Some(B), terms(1, Some(due)), None, made_at, now);
    assert_eq!(make(now, None), Err(Refusal::DueTooEarly));
    assert!(make(plus(now, 1), None).is_ok());
    // A backdated promise may have been due at any time since it was made.
    let then = day(0.0);
    assert!(make(then, Some(then)).is_ok());
    assert_eq!(make(plus(then, -1), Some(then)), Err(Refusal::DueTooEarly));

    let p = made();
    let late = day(7.0);
    assert_eq!(
        p.decide(B, Command::Extend { due: late }, late),
        Err(Refusal::DueTooEarly)
    );
    assert!(
        p.decide(B, Command::Extend { due: plus(late, 1) }, late)
            .is_ok()
    );
    let ask = |due| Command::AskRenegotiation {
        terms: terms(1, Some(due)),
        reason: reason(),
    };
    assert_eq!(p.decide(A, ask(now), now), Err(Refusal::DueTooEarly));
    assert!(p.decide(A, ask(plus(now, 1)), now).is_ok());
}

#[test]
fn a_promise_can_be_backdated_by_exactly_max_backdate_and_no_more() {
    let now = day(400.0);
    let make = |made_at| decide_make(A, Some(B), terms(1, None), None, Some(made_at), now);
    let limit = now.saturating_sub(MAX_BACKDATE);
    assert!(make(limit).is_ok());
    assert_eq!(make(plus(limit, -1)), Err(Refusal::TooLongAgo));
    assert!(make(now).is_ok());
    assert_eq!(make(plus(now, 1)), Err(Refusal::InFuture));
    let backdated = Promise::start(PROMISE, A, now, &make(limit).unwrap()).unwrap();
    assert_eq!((backdated.made_at, backdated.backdated), (limit, true));
}

#[test]
fn a_step_can_be_backdated_by_exactly_max_backdate_and_no_more() {
    // Made at day 0, not due; now is a year and a millisecond later.
    let change = decide_make(A, Some(B), terms(2, None), None, None, day(0.0)).unwrap();
    let p = Promise::start(PROMISE, A, day(0.0), &change).unwrap();
    let now = plus(day(0.0), millis(MAX_BACKDATE) + 1);
    let limit = plus(day(0.0), 1);
    let with_when = |when: Timestamp| {
        let when = Some(when);
        [
            (A, Command::MarkDone { when }),
            (B, Command::ConfirmKept { stakes: None, when }),
            (
                B,
                Command::RecordBroken {
                    severity: Severity::new(1).unwrap(),
                    deception: false,
                    when,
                },
            ),
        ]
    };
    for (actor, command) in with_when(limit) {
        assert!(p.decide(actor, command, now).is_ok());
    }
    for (actor, command) in with_when(plus(limit, -1)) {
        assert_eq!(p.decide(actor, command, now), Err(Refusal::TooLongAgo));
    }
    for (actor, command) in with_when(now) {
        assert!(p.decide(actor, command, now).is_ok());
    }
    for (actor, command) in with_when(plus(now, 1)) {
        assert_eq!(p.decide(actor, command, now), Err(Refusal::InFuture));
    }
}

#[test]
fn a_step_cannot_be_dated_before_the_promise_was_made() {
    let p = made();
    let now = day(3.0);
    let keep = |when| Command::ConfirmKept {
        stakes: None,
        when: Some(when),
    };
    assert_eq!(
        p.decide(B, keep(plus(day(0.0), -1)), now),
        Err(Refusal::BeforeMade)
    );
    assert!(p.decide(B, keep(day(0.0)), now).is_ok());
}

#[test]
fn a_backdated_kept_counts_when_it_happened() {
    let (mut p, _) = in_state(State::Open);
    let (when, now) = (day(2.0), day(30.0));
    let command = Command::ConfirmKept {
        stakes: None,
        when: Some(when),
    };
    let outcome = take(&mut p, Role::Receiver, command, now).unwrap();
    assert_eq!(outcome.when, when);
    assert_eq!(
        p.status,
        Status::Kept {
            stakes: stakes(2),
            at: when
        }
    );
    // The step itself is recorded now.
    assert_eq!(p.history.last().map(|s| s.at), Some(now));
}

#[test]
fn a_promise_is_made_to_a_partner_only() {
    let make = |partner| decide_make(A, partner, terms(1, None), None, None, day(0.0));
    assert_eq!(make(None), Err(Refusal::NoPartner));
    assert_eq!(make(Some(A)), Err(Refusal::NoPartner));
    assert!(make(Some(B)).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Random lives of one promise.

/// A step as generated: who, what, and its time arguments relative to now.
#[derive(Clone, Debug)]
struct Attempt {
    wait: i64,
    role: Role,
    kind: Kind,
    /// How long ago a step happened ("we forgot to log it"); negative is in the future.
    ago: Option<i64>,
    /// New due times (extended, renegotiated), from now; zero or less is too early.
    due_in: i64,
    stakes: Option<u8>,
}

fn attempt() -> impl Strategy<Value = Attempt> {
    let max = millis(MAX_BACKDATE);
    (
        prop_oneof![Just(0), Just(1), 0..3 * MS_PER_DAY],
        prop::sample::select(ROLES.to_vec()),
        prop::sample::select(KINDS.to_vec()),
        prop::option::of(prop_oneof![
            Just(-1),
            Just(0),
            0..5 * MS_PER_DAY,
            Just(max),
            Just(max + 1)
        ]),
        prop_oneof![Just(0), Just(1), -MS_PER_DAY..10 * MS_PER_DAY],
        prop::option::of(1..=5u8),
    )
        .prop_map(|(wait, role, kind, ago, due_in, stakes)| Attempt {
            wait,
            role,
            kind,
            ago,
            due_in,
            stakes,
        })
}

fn command_of(a: &Attempt, now: Timestamp) -> Command {
    let when = a.ago.map(|ago| plus(now, -ago));
    let due = plus(now, a.due_in);
    match a.kind {
        Kind::MarkDone => Command::MarkDone { when },
        Kind::ConfirmKept => Command::ConfirmKept {
            stakes: a.stakes.map(stakes),
            when,
        },
        Kind::NotYet => Command::NotYet,
        Kind::AskRenegotiation => Command::AskRenegotiation {
            terms: terms(a.stakes.unwrap_or(1), (a.due_in % 2 == 0).then_some(due)),
            reason: reason(),
        },
        Kind::Accept => Command::AcceptRenegotiation,
        Kind::Decline => Command::DeclineRenegotiation,
        Kind::RecordBroken => Command::RecordBroken {
            severity: Severity::new(a.stakes.unwrap_or(1).min(4)).unwrap(),
            deception: a.due_in % 3 == 0,
            when,
        },
        Kind::Extend => Command::Extend { due },
        Kind::LetGo => Command::LetGo,
        Kind::Release => Command::Release,
    }
}

/// The change a command would record, without asking whether it may: what a buggy or hostile
/// edge could write.
fn change_of(command: &Command, promise: &Promise) -> Change {
    match command.clone() {
        Command::MarkDone { when } => Change::Done { when },
        Command::ConfirmKept { stakes, when } => Change::Kept {
            stakes: stakes.unwrap_or(promise.terms.stakes),
            when,
        },
        Command::NotYet => Change::NotYet,
        Command::AskRenegotiation { terms, reason } => Change::RenegotiationAsked { terms, reason },
        Command::AcceptRenegotiation => Change::RenegotiationAccepted,
        Command::DeclineRenegotiation => Change::RenegotiationDeclined,
        Command::RecordBroken {
            severity,
            deception,
            when,
        } => Change::Broken {
            severity,
            deception,
            when,
        },
        Command::Extend { due } => Change::Extended { due },
        Command::LetGo => Change::LetGo,
        Command::Release => Change::Released,
        // Steps after a miss have their own tests (`after_miss.rs`).
        Command::Acknowledge { word } => Change::Acknowledged { word },
        Command::Apologise { text } => Change::Apologised { text },
        Command::AnswerApology { landing, word } => Change::ApologyAnswered { landing, word },
        Command::Ask { ask } => Change::Asked { ask },
    }
}

/// Whether the time arguments are ones docs/PRINCIPLES.md accepts: a step's time in the past, within the
/// backdating limit and not before the promise; new due times later than now.
fn times_ok(command: &Command, made_at: Timestamp, now: Timestamp) -> bool {
    let past = |when: &Option<Timestamp>| {
        when.is_none_or(|w| w <= now && w >= now.saturating_sub(MAX_BACKDATE) && w >= made_at)
    };
    match command {
        Command::MarkDone { when }
        | Command::ConfirmKept { when, .. }
        | Command::RecordBroken { when, .. } => past(when),
        Command::AskRenegotiation { terms, .. } => terms.due.is_none_or(|due| due > now),
        Command::Extend { due } => *due > now,
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// Random attempts by random people at random times, each decided and applied only when
    /// allowed, as the edge does. At every step: the decision is the reference's, the promise
    /// moves to the reference's state, a settled promise never changes again, only the
    /// receiver's steps are evidence, and a change written without a decision by someone
    /// without the right changes nothing.
    #[test]
    fn any_life_of_a_promise_follows_the_design(
        due_days in prop::option::of(1..10i64),
        attempts in prop::collection::vec(attempt(), 1..40),
    ) {
        let made_at = day(0.0);
        let due = due_days.map(|d| plus(made_at, d * MS_PER_DAY));
        let change = decide_make(A, Some(B), terms(2, due), None, None, made_at).unwrap();
        let mut p = Promise::start(PROMISE, A, made_at, &change).unwrap();
        let mut now = made_at;
        let mut settled: Option<Status> = None;
        for a in &attempts {
            now = plus(now, a.wait);
            if let Some(status) = settled {
                prop_assert_eq!(p.status, status, "a settled promise moved");
            }
            let state = state_of(&p, now);
            let command = command_of(a, now);

            // The steps a page offers each person are the reference's, before any input is typed.
            for role in ROLES {
                let mut offered: Vec<LifecycleStep> = KINDS
                    .into_iter()
                    .filter(|&kind| whose(kind) == role && allowed(state, kind))
                    .map(lifecycle_step)
                    .collect();
                offered.dedup();
                prop_assert_eq!(p.lifecycle_steps(person(role), now), offered, "{:?} in {:?}", role, state);
            }

            // Undecided changes by anyone without the right change nothing; once settled, by
            // anyone at all.
            let change = change_of(&command, &p);
            let wrong = |r: &Role| state.settled() || *r != whose(a.kind);
            for wrong in ROLES.into_iter().filter(wrong) {
                let mut copy = p.clone();
                prop_assert_eq!(copy.apply(person(wrong), now, &change), None);
                prop_assert_eq!(&copy, &p, "{:?} by the {:?}", change, wrong);
            }
            // Nor does a second "made".
            let mut copy = p.clone();
            prop_assert_eq!(copy.apply(A, now, &Change::Made {
                receiver: B, terms: terms(5, None), domain: None, made_at: None,
            }), None);
            prop_assert_eq!(&copy, &p);

            let expected = a.role == whose(a.kind)
                && allowed(state, a.kind)
                && times_ok(&command, p.made_at, now);
            let decided = p.decide(person(a.role), command.clone(), now);
            prop_assert_eq!(decided.is_ok(), expected, "{:?} from {:?}: {:?}", a, state, decided);
            let Ok(change) = decided else { continue };

            let outcome = p.apply(person(a.role), now, &change);
            if p.status.is_settled() {
                settled = Some(p.status);
            }
            if outcome.is_some() {
                prop_assert_eq!(a.role, Role::Receiver);
            }
            prop_assert_eq!(outcome.map(|o| std::mem::discriminant(&o.effect)),
                evidence_of(a.kind).map(|e| std::mem::discriminant(&e)));
            // Where it leads, whatever the generated due times: settled and done as the
            // reference says, pending exactly when asked and not yet answered.
            let reached = state_of(&p, now);
            let designed = after(state, a.kind);
            prop_assert_eq!(reached.settled(), designed.settled(), "{:?}", a);
            prop_assert_eq!(reached.done(), designed.done(), "{:?}", a);
            prop_assert_eq!(reached.pending(), designed.pending(), "{:?}", a);
        }
        if let Some(status) = settled {
            prop_assert_eq!(p.status, status, "a settled promise moved");
        }
    }
}
