//! Patterns and red flags: each threshold just below and exactly at its edge, and the partner's
//! view never holding the other's patterns.

use proptest::prelude::*;
use steadfast_core::checkin::{
    Answers, Change as CheckinChange, CheckinEvent, Feeling, TrustItem, TrustLevel,
};
use steadfast_core::pattern::{PatternKind, THRESHOLDS, evaluate};
use steadfast_core::promise::{Command, Severity};
use steadfast_core::{CheckinId, EventId, EventKind, NewEvent, PersonId, Timestamp, Visibility};
use uuid::Uuid;

use crate::support::{A, B, Log, couple, day, terms};

/// "Now" in every story: day 200.
fn now() -> Timestamp {
    day(200.0)
}

struct Story {
    log: Log,
    next: u128,
}

impl Story {
    fn new() -> Self {
        Self {
            log: Log::new(),
            next: 50_000,
        }
    }

    fn id(&mut self) -> Uuid {
        self.next += 1;
        Uuid::from_u128(self.next)
    }

    /// `promiser` breaks a promise to `receiver`, recorded by the receiver `days_ago` before now.
    fn breach(
        &mut self,
        promiser: PersonId,
        receiver: PersonId,
        severity: u8,
        deception: bool,
        days_ago: f64,
    ) {
        let at = day(200.0 - days_ago);
        let made = day(200.0 - days_ago - 1.0);
        let promise = self
            .log
            .make(promiser, receiver, terms(2, None), None, made)
            .expect("made");
        assert!(self.log.step(
            promise,
            receiver,
            Command::RecordBroken {
                severity: Severity::new(severity).unwrap(),
                deception,
                when: None,
            },
            at,
        ));
    }

    /// `by` crosses `boundary` (proposed by `owner`, once), `days_ago` before now.
    fn crossing(&mut self, boundary: u128, owner: PersonId, by: PersonId, days_ago: f64) {
        let boundary_id = Uuid::from_u128(boundary).to_string();
        let proposed = self.log.events.iter().any(|e| {
            e.event.kind.as_str() == "boundary.proposed"
                && e.event.payload["boundary"] == boundary_id.as_str()
        });
        if !proposed {
            let id = self.id();
            self.log.append(NewEvent {
                id: EventId::from_uuid(id),
                author: owner,
                at: day(0.0),
                kind: EventKind::new("boundary.proposed").unwrap(),
                visibility: Visibility::Shared,
                payload: serde_json::json!({
                    "boundary": boundary_id, "type": "proposed", "partner": by,
                    "text": "my phone stays mine",
                }),
            });
        }
        let (id, crossing) = (self.id(), self.id());
        let at = day(200.0 - days_ago);
        self.log.append(NewEvent {
            id: EventId::from_uuid(id),
            author: owner,
            at,
            kind: EventKind::new("boundary.crossed").unwrap(),
            visibility: Visibility::Shared,
            payload: serde_json::json!({
                "boundary": boundary_id, "type": "crossed", "crossing": crossing.to_string(),
                "crossed_by": by, "reported_by": owner, "at": at,
            }),
        });
    }

    fn checkin_event(
        &mut self,
        checkin: CheckinId,
        author: PersonId,
        change: CheckinChange,
        at: Timestamp,
    ) {
        let id = self.id();
        self.log.append(CheckinEvent { checkin, change }.into_event(
            EventId::from_uuid(id),
            author,
            at,
        ));
    }

    /// A completed check-in of A and B `days_ago` before now, with each one's felt-trust level
    /// on every item and their "how did that go".
    fn checkin(&mut self, days_ago: f64, a: ([i8; 9], i8), b: ([i8; 9], i8)) {
        let checkin = CheckinId::from_uuid(self.id());
        let at = day(200.0 - days_ago);
        self.checkin_event(checkin, A, CheckinChange::Started { partner: Some(B) }, at);
        for (who, (levels, feeling)) in [(A, a), (B, b)] {
            let answers = Answers {
                felt_trust: TrustItem::ALL
                    .into_iter()
                    .zip(levels)
                    .map(|(item, level)| (item, TrustLevel::new(level).unwrap()))
                    .collect(),
                how_it_went: Some(Feeling::new(feeling).unwrap()),
                ..Answers::default()
            };
            self.checkin_event(checkin, who, CheckinChange::Answers { answers }, at);
            self.checkin_event(checkin, who, CheckinChange::Submitted, at);
        }
    }

    fn kinds(&self, person: PersonId) -> Vec<PatternKind> {
        evaluate(&self.log.events, &couple(), person, now())
            .into_iter()
            .map(|p| p.kind)
            .collect()
    }
}

const FINE: [i8; 9] = [5; 9];
const LOW: [i8; 9] = [2; 9];
/// A mean of 19/9 ≈ 2.11: just above low.
const NEARLY_LOW: [i8; 9] = [2, 2, 2, 2, 2, 2, 2, 2, 3];

#[test]
fn the_thresholds_are_the_ones_design_lists() {
    assert_eq!(THRESHOLDS.breaches, 3);
    assert_eq!(THRESHOLDS.breach_severity, 2);
    assert_eq!(THRESHOLDS.breach_window.as_secs(), 30 * 86_400);
    assert_eq!(THRESHOLDS.deceptions, 2);
    assert_eq!(THRESHOLDS.deception_window.as_secs(), 90 * 86_400);
    assert_eq!(THRESHOLDS.crossings, 2);
    assert_eq!(THRESHOLDS.crossing_window.as_secs(), 60 * 86_400);
    assert_eq!(THRESHOLDS.low_trust_checkins, 3);
    assert_eq!((THRESHOLDS.hard_checkins, THRESHOLDS.hard_of_last), (3, 4));
    assert_eq!(THRESHOLDS.hard_feeling, -2);
}

#[test]
fn three_hurtful_breaches_in_thirty_days_show_to_the_receiver_and_two_do_not() {
    let mut story = Story::new();
    story.breach(B, A, 2, false, 1.0);
    story.breach(B, A, 3, false, 10.0);
    assert!(story.kinds(A).is_empty());
    story.breach(B, A, 4, false, 29.0);
    assert_eq!(story.kinds(A), [PatternKind::RepeatedHurt]);
    assert!(story.kinds(B).is_empty(), "the promiser is told nothing");
    let found = evaluate(&story.log.events, &couple(), A, now());
    assert_eq!(found[0].evidence.len(), 3);
    assert!(found[0].evidence.windows(2).all(|w| w[0].at <= w[1].at));
}

#[test]
fn a_breach_thirty_one_days_ago_or_of_severity_one_does_not_count() {
    let mut story = Story::new();
    story.breach(B, A, 2, false, 1.0);
    story.breach(B, A, 2, false, 2.0);
    story.breach(B, A, 2, false, 31.0);
    story.breach(B, A, 1, false, 3.0);
    assert!(story.kinds(A).is_empty());
    // Exactly thirty days ago is inside the window.
    story.breach(B, A, 2, false, 30.0);
    assert_eq!(story.kinds(A), [PatternKind::RepeatedHurt]);
}

#[test]
fn two_deceptions_in_ninety_days_show_and_one_or_an_older_one_does_not() {
    let mut story = Story::new();
    story.breach(B, A, 1, true, 89.0);
    story.breach(B, A, 1, true, 91.0);
    assert!(story.kinds(A).is_empty());
    story.breach(B, A, 1, true, 90.0);
    assert_eq!(story.kinds(A), [PatternKind::RepeatedDeception]);
    assert!(story.kinds(B).is_empty());
}

#[test]
fn a_boundary_crossed_twice_in_sixty_days_shows_to_its_owner() {
    let mut story = Story::new();
    story.crossing(7, A, B, 10.0);
    story.crossing(7, A, B, 61.0);
    // Two different boundaries once each are not "the same boundary".
    story.crossing(8, A, B, 5.0);
    assert!(story.kinds(A).is_empty());
    story.crossing(7, A, B, 60.0);
    assert_eq!(story.kinds(A), [PatternKind::BoundaryCrossedAgain]);
    assert!(
        story.kinds(B).is_empty(),
        "the one who crossed it is told nothing"
    );
    let found = evaluate(&story.log.events, &couple(), A, now());
    let (_, words) = found[0].boundary.clone().unwrap();
    assert_eq!(words.as_deref(), Some("my phone stays mine"));
    assert_eq!(found[0].evidence.len(), 2);
}

#[test]
fn low_felt_trust_at_three_check_ins_in_a_row_shows_to_that_partner_only() {
    let mut story = Story::new();
    story.checkin(21.0, (LOW, 0), (FINE, 0));
    story.checkin(14.0, (LOW, 0), (FINE, 0));
    assert!(story.kinds(A).is_empty());
    story.checkin(7.0, (NEARLY_LOW, 0), (FINE, 0));
    assert!(story.kinds(A).is_empty(), "2.11 is not low");
    story.checkin(0.0, (LOW, 0), (FINE, 0));
    assert!(story.kinds(A).is_empty(), "the run was broken");
    story.checkin(0.0, (LOW, 0), (FINE, 0));
    story.checkin(0.0, (LOW, 0), (FINE, 0));
    assert_eq!(story.kinds(A), [PatternKind::LowFeltTrust]);
    assert!(story.kinds(B).is_empty());
}

#[test]
fn hard_check_ins_need_three_of_the_last_four_going_badly_by_the_persons_own_answer() {
    let mut story = Story::new();
    story.checkin(35.0, (FINE, -2), (FINE, 2));
    story.checkin(28.0, (FINE, -1), (FINE, -5));
    story.checkin(21.0, (FINE, -3), (FINE, 4));
    story.checkin(14.0, (FINE, 0), (FINE, -5));
    assert!(story.kinds(A).is_empty(), "two of four went badly for A");
    story.checkin(7.0, (FINE, -1), (FINE, 2));
    // The last four for A: −1, −3, 0, −1: one.
    assert!(story.kinds(A).is_empty());
    story.checkin(3.0, (FINE, -4), (FINE, 3));
    story.checkin(0.0, (FINE, -2), (FINE, -2));
    // The last four for A: 0, −1, −4, −2: two.
    assert!(story.kinds(A).is_empty());
    story.checkin(0.0, (FINE, -5), (FINE, 5));
    assert_eq!(story.kinds(A), [PatternKind::HardCheckIns]);
    assert!(
        story.kinds(B).is_empty(),
        "B's own answers were mostly fine"
    );
    let found = evaluate(&story.log.events, &couple(), A, now());
    assert_eq!(found[0].evidence.len(), 3);
}

#[test]
fn only_the_current_partner_counts() {
    let mut story = Story::new();
    for days_ago in [1.0, 2.0, 3.0] {
        story.breach(B, A, 3, true, days_ago);
    }
    let mut parted = couple();
    parted[1].left = Some(day(199.0));
    assert!(evaluate(&story.log.events, &parted, A, now()).is_empty());
}

#[derive(Clone, Debug)]
enum Step {
    Breach {
        to_a: bool,
        severity: u8,
        deception: bool,
        days_ago: u8,
    },
    Crossing {
        of_a: bool,
        boundary: u8,
        days_ago: u8,
    },
    Checkin {
        a: (i8, i8),
        b: (i8, i8),
        days_ago: u8,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (any::<bool>(), 1u8..=4, any::<bool>(), 0u8..120).prop_map(
            |(to_a, severity, deception, days_ago)| {
                Step::Breach {
                    to_a,
                    severity,
                    deception,
                    days_ago,
                }
            }
        ),
        (any::<bool>(), 0u8..3, 0u8..120).prop_map(|(of_a, boundary, days_ago)| Step::Crossing {
            of_a,
            boundary,
            days_ago
        }),
        ((0i8..=6, -5i8..=5), (0i8..=6, -5i8..=5), 0u8..60)
            .prop_map(|(a, b, days_ago)| Step::Checkin { a, b, days_ago }),
    ]
}

/// The story `steps` tell; `b_feelings`, when given, replaces B's private "how did that go" at
/// each step that is a check-in (by the step's place).
fn play(steps: &[Step], b_feelings: Option<&[i8]>) -> Story {
    let mut story = Story::new();
    for (i, step) in steps.iter().enumerate() {
        match *step {
            Step::Breach {
                to_a,
                severity,
                deception,
                days_ago,
            } => {
                let (promiser, receiver) = if to_a { (B, A) } else { (A, B) };
                story.breach(promiser, receiver, severity, deception, f64::from(days_ago));
            }
            Step::Crossing {
                of_a,
                boundary,
                days_ago,
            } => {
                let (owner, by) = if of_a { (A, B) } else { (B, A) };
                // Boundaries 0–2 are A's, 10–12 B's.
                let boundary = u128::from(boundary) + if of_a { 0 } else { 10 };
                story.crossing(boundary, owner, by, f64::from(days_ago));
            }
            Step::Checkin { a, b, days_ago } => {
                let b_feeling = b_feelings.map_or(b.1, |all| all[i]);
                story.checkin(f64::from(days_ago), ([a.0; 9], a.1), ([b.0; 9], b_feeling));
            }
        }
    }
    story
}

proptest! {
    /// Whatever happened, each partner's patterns are only ever about harm to them: the breaches
    /// recorded to them, their boundaries, their felt trust, their losing side. So what one sees
    /// is never the other's: the same evidence never appears in both views.
    #[test]
    fn a_partners_view_never_holds_the_others_patterns(steps in proptest::collection::vec(step(), 0..30)) {
        let story = play(&steps, None);
        let mine = evaluate(&story.log.events, &couple(), A, now());
        let theirs = evaluate(&story.log.events, &couple(), B, now());
        for pattern in &mine {
            for evidence in &pattern.evidence {
                prop_assert!(
                    theirs.iter().all(|p| p.evidence.iter().all(|e| e.event != evidence.event)),
                    "{:?} is in both views", pattern.kind
                );
                let event = story.log.events.iter().find(|e| e.event.id == evidence.event).unwrap();
                // Evidence is what A recorded or answered, or a crossing of A's boundary.
                let about_a = event.event.author == A
                    || event.event.payload["crossed_by"] == serde_json::json!(B);
                prop_assert!(about_a, "{:?} rests on {:?}", pattern.kind, event.event.kind);
            }
        }
    }

    /// A person who always answers −5 learns nothing of the partner's sealed "how did that go":
    /// changing only B's private answers changes nothing A gets, kind or evidence.
    #[test]
    fn the_partners_private_answers_change_nothing_the_person_gets(
        steps in proptest::collection::vec(step(), 0..30),
        other_feelings in proptest::collection::vec(-5i8..=5, 30),
    ) {
        let tell = |feelings: Option<&[i8]>| {
            let story = play(&steps, feelings);
            evaluate(&story.log.events, &couple(), A, now())
                .into_iter()
                .map(|p| (p.kind, p.evidence.iter().map(|e| e.at).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(tell(None), tell(Some(&other_feelings)));
    }
}
