//! The weekly check-in: who may start, write, submit and pause, and — the key rule — that each
//! partner's answers stay sealed until both have submitted, whatever the order of drafts,
//! submissions and breaks.

use std::collections::BTreeMap;

use proptest::prelude::*;
use steadfast_core::checkin::{
    Answers, Appreciation, BREAK_LENGTH, Checkin, CheckinEvent, Feeling, Missing, Note, Patch,
    Refusal, Step, Submission, TrustItem, TrustLevel, decide_start,
};
use steadfast_core::space::Member;
use steadfast_core::{
    CheckinId, EventId, Ledger, PersonId, RecordedEvent, SpaceId, StreamId, Timestamp,
};
use uuid::Uuid;

use crate::support::{A, B, C, T0, couple, plus};

const MINUTE: i64 = 60_000;

/// A space's log written through the check-in decisions, as the web edge writes it: the actor
/// decides on their own fold; a submission that reveals reads the partner's answers from the
/// partner's own fold.
struct Story {
    events: Vec<RecordedEvent>,
    members: Vec<Member>,
    next: u128,
    now: Timestamp,
}

impl Story {
    fn new(members: Vec<Member>) -> Self {
        Self {
            events: Vec::new(),
            members,
            next: 5_000,
            now: T0,
        }
    }

    fn ledger(&self, viewer: PersonId) -> Ledger {
        let mut ledger = Ledger::new(viewer);
        ledger.advance(&self.events, &self.members);
        ledger
    }

    fn partner(&self, person: PersonId) -> Option<PersonId> {
        steadfast_core::space::partner_of(&self.members, person)
    }

    fn append(&mut self, author: PersonId, event: CheckinEvent) {
        self.next += 1;
        let id = EventId::from_uuid(Uuid::from_u128(self.next));
        let seq = self.events.last().map_or(1, |e| e.seq + 1);
        self.events.push(RecordedEvent {
            stream: StreamId::Space(SpaceId::from_uuid(Uuid::from_u128(100))),
            seq,
            event: event.into_event(id, author, self.now),
        });
    }

    fn start(&mut self, person: PersonId) -> Result<CheckinId, Refusal> {
        let ledger = self.ledger(person);
        let change = decide_start(person, self.partner(person), ledger.checkins.all())?;
        self.next += 1;
        let checkin = CheckinId::from_uuid(Uuid::from_u128(self.next));
        self.append(person, CheckinEvent { checkin, change });
        Ok(checkin)
    }

    fn checkin(&self, viewer: PersonId, id: CheckinId) -> Checkin {
        self.ledger(viewer).checkins.get(id).cloned().unwrap()
    }

    fn draft(&mut self, person: PersonId, id: CheckinId, patch: &Patch) -> Result<(), Refusal> {
        let change =
            self.checkin(person, id)
                .decide_draft(person, self.partner(person), patch, self.now)?;
        self.append(
            person,
            CheckinEvent {
                checkin: id,
                change,
            },
        );
        Ok(())
    }

    fn submit(&mut self, person: PersonId, id: CheckinId) -> Result<(), Refusal> {
        let partner = self.partner(person);
        let mut theirs: Option<Answers> = None;
        for _ in 0..2 {
            match self.checkin(person, id).decide_submit(
                person,
                partner,
                theirs.as_ref(),
                self.now,
            )? {
                Submission::Events(events) => {
                    for decided in events {
                        self.append(decided.author, decided.event);
                    }
                    return Ok(());
                }
                Submission::NeedsAnswersOf(other) => {
                    theirs = self
                        .checkin(other, id)
                        .side(other)
                        .and_then(|s| s.answers.clone());
                }
            }
        }
        panic!("the partner's answers were not found");
    }

    fn pause(&mut self, person: PersonId, id: CheckinId) -> Result<(), Refusal> {
        let change =
            self.checkin(person, id)
                .decide_break(person, self.partner(person), self.now)?;
        self.append(
            person,
            CheckinEvent {
                checkin: id,
                change,
            },
        );
        Ok(())
    }

    fn resume(&mut self, person: PersonId, id: CheckinId) -> Result<(), Refusal> {
        let change =
            self.checkin(person, id)
                .decide_end_break(person, self.partner(person), self.now)?;
        self.append(
            person,
            CheckinEvent {
                checkin: id,
                change,
            },
        );
        Ok(())
    }

    fn wait(&mut self, minutes: i64) {
        self.now = plus(self.now, minutes * MINUTE);
    }
}

/// Answers whose every text carries `mark`, so a leak is easy to find.
fn full_patch(mark: &str, level: i8, feeling: i8) -> Patch {
    Patch {
        appreciations: Some(vec![
            Appreciation::parse(&format!("{mark} thanks for the tea")).unwrap(),
        ]),
        went_right: Some(Some(Note::parse(&format!("{mark} the walk")).unwrap())),
        felt_trust: TrustItem::ALL
            .into_iter()
            .map(|item| (item, TrustLevel::new(level).unwrap()))
            .collect(),
        topic: Some(Some(
            Note::parse(&format!("{mark} I felt unheard")).unwrap(),
        )),
        listener_notes: Some(Some(Note::parse(&format!("{mark} I heard you")).unwrap())),
        requests: Some(Some(Note::parse(&format!("{mark} call me")).unwrap())),
        how_it_went: Some(Some(Feeling::new(feeling).unwrap())),
        step: Some(Step::Review),
    }
}

#[test]
fn one_check_in_is_open_at_a_time_and_either_partner_may_start_the_next() {
    let mut story = Story::new(couple());
    let first = story.start(A).unwrap();
    assert_eq!(story.start(B), Err(Refusal::AlreadyOpen(first)));
    story.draft(A, first, &full_patch("a", 3, 1)).unwrap();
    story.draft(B, first, &full_patch("b", 4, -1)).unwrap();
    story.submit(A, first).unwrap();
    assert_eq!(story.start(A), Err(Refusal::AlreadyOpen(first)));
    story.submit(B, first).unwrap();
    assert!(story.checkin(A, first).is_complete());
    assert!(story.start(B).is_ok());
}

#[test]
fn a_submission_needs_every_item_and_is_taken_once() {
    let mut story = Story::new(couple());
    let id = story.start(A).unwrap();
    assert_eq!(
        story.submit(A, id),
        Err(Refusal::Incomplete(Missing::FeltTrust))
    );
    let mut patch = full_patch("a", 3, 0);
    patch.how_it_went = None;
    story.draft(A, id, &patch).unwrap();
    assert_eq!(
        story.submit(A, id),
        Err(Refusal::Incomplete(Missing::HowItWent))
    );
    story.draft(A, id, &full_patch("a", 3, 0)).unwrap();
    story.submit(A, id).unwrap();
    assert_eq!(story.submit(A, id), Err(Refusal::AlreadySubmitted));
    assert_eq!(
        story.draft(A, id, &Patch::default()),
        Err(Refusal::AlreadySubmitted)
    );
}

#[test]
fn a_third_person_and_a_former_partner_cannot_write() {
    let mut story = Story::new(couple());
    let id = story.start(A).unwrap();
    let checkin = story.checkin(A, id);
    assert_eq!(
        checkin.decide_draft(C, None, &Patch::default(), T0),
        Err(Refusal::NotParticipant)
    );
    // B has left and A is alone now: the check-in with B can go on no more, nor block a new one.
    assert_eq!(
        checkin.decide_draft(A, None, &Patch::default(), T0),
        Err(Refusal::Lapsed)
    );
    assert!(decide_start(A, None, [&checkin]).is_ok());
}

#[test]
fn a_break_runs_twenty_minutes_blocks_submitting_and_keeps_drafts() {
    let mut story = Story::new(couple());
    let id = story.start(A).unwrap();
    story.draft(A, id, &full_patch("a", 3, 0)).unwrap();
    story.pause(B, id).unwrap();
    assert_eq!(story.pause(A, id), Err(Refusal::OnBreak));
    let seen = story.checkin(A, id).break_at(story.now).unwrap();
    assert_eq!(seen.by, B);
    assert_eq!(
        seen.until,
        plus(story.now, i64::try_from(BREAK_LENGTH.as_millis()).unwrap())
    );
    assert_eq!(story.submit(A, id), Err(Refusal::OnBreak));
    story.draft(A, id, &Patch::default()).unwrap();
    story.wait(19);
    assert_eq!(story.submit(A, id), Err(Refusal::OnBreak));
    story.wait(1);
    assert_eq!(
        story.resume(A, id),
        Err(Refusal::NoBreak),
        "it ended by itself"
    );
    // Each resumes at the step they had saved.
    assert_eq!(story.checkin(A, id).step_of(A), Step::Review);
    assert_eq!(story.checkin(B, id).step_of(B), Step::Appreciations);
    story.pause(A, id).unwrap();
    story.resume(A, id).unwrap();
    story.submit(A, id).unwrap();
}

#[test]
fn only_the_partner_who_called_a_break_ends_it_early_and_the_other_sees_the_time_left() {
    let mut story = Story::new(couple());
    let id = story.start(A).unwrap();
    story.pause(B, id).unwrap();
    assert_eq!(story.resume(A, id), Err(Refusal::NotYourBreak));
    let seen = story.checkin(A, id).break_at(story.now).unwrap();
    assert_eq!(seen.minutes_left(story.now), 20);
    story.wait(19);
    let seen = story.checkin(A, id).break_at(story.now).unwrap();
    assert_eq!(seen.minutes_left(story.now), 1);
    assert_eq!(story.resume(A, id), Err(Refusal::NotYourBreak));
    story.resume(B, id).unwrap();
    assert_eq!(story.checkin(A, id).break_at(story.now), None);
}

#[test]
fn solo_answers_are_simply_the_persons_own() {
    let alone = vec![Member {
        person: A,
        joined: T0,
        left: None,
    }];
    let mut story = Story::new(alone);
    let id = story.start(A).unwrap();
    story.draft(A, id, &full_patch("a", 5, 2)).unwrap();
    story.submit(A, id).unwrap();
    let checkin = story.checkin(A, id);
    assert!(checkin.is_complete());
    assert_eq!(
        checkin.side(A).unwrap().revealed,
        None,
        "nobody to reveal to"
    );
    assert!(story.start(A).is_ok());
}

#[test]
fn how_it_went_is_never_revealed() {
    let mut story = Story::new(couple());
    let id = story.start(B).unwrap();
    story.draft(A, id, &full_patch("a", 3, -4)).unwrap();
    story.draft(B, id, &full_patch("b", 3, 5)).unwrap();
    story.submit(B, id).unwrap();
    story.submit(A, id).unwrap();
    for (viewer, other) in [(A, B), (B, A)] {
        let checkin = story.checkin(viewer, id);
        let theirs = checkin.side(other).unwrap();
        assert!(theirs.answers.is_none());
        let revealed = theirs.revealed.as_ref().unwrap();
        assert_eq!(revealed.how_it_went, None);
        assert_eq!(revealed.felt_trust.len(), 9);
        assert!(
            checkin
                .side(viewer)
                .unwrap()
                .answers
                .as_ref()
                .unwrap()
                .how_it_went
                .is_some()
        );
    }
}

#[derive(Clone, Debug)]
enum Op {
    Start { who: usize },
    Draft { who: usize, part: u8 },
    Submit { who: usize },
    Pause { who: usize },
    Resume { who: usize },
    Wait { minutes: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (0..2usize).prop_map(|who| Op::Start { who }),
        2 => (0..2usize, 0..4u8).prop_map(|(who, part)| Op::Draft { who, part }),
        3 => (0..2usize).prop_map(|who| Op::Submit { who }),
        1 => (0..2usize).prop_map(|who| Op::Pause { who }),
        1 => (0..2usize).prop_map(|who| Op::Resume { who }),
        1 => (1..30i64).prop_map(|minutes| Op::Wait { minutes }),
    ]
}

const MARKS: [&str; 2] = ["alphamark", "bravomark"];

/// The draft part `part` of `who`'s answers, every text marked as theirs.
fn part(who: usize, part: u8) -> Patch {
    let full = full_patch(MARKS[who], 2 + i8::try_from(who).unwrap(), -3);
    match part {
        0 => Patch {
            appreciations: full.appreciations,
            went_right: full.went_right,
            step: Some(Step::FeltTrust),
            ..Patch::default()
        },
        1 => Patch {
            felt_trust: full.felt_trust,
            step: Some(Step::Topic),
            ..Patch::default()
        },
        2 => Patch {
            topic: full.topic,
            listener_notes: full.listener_notes,
            requests: full.requests,
            ..Patch::default()
        },
        _ => full,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever two partners do in whatever order, a viewer's fold — and every event the
    /// visibility rule lets them see — holds nothing of the partner's answers before the
    /// viewer's own submission, and holds the partner's revealed answers (never their "how did
    /// that go") once both have submitted.
    #[test]
    fn answers_stay_sealed_until_both_submitted(ops in proptest::collection::vec(op(), 1..40)) {
        let people = [A, B];
        let mut story = Story::new(couple());
        // A fold kept and advanced bit by bit, as the server's cache is.
        let mut cached = Ledger::new(A);
        for op in ops {
            let open = story.ledger(A).checkins.open_for(A, Some(B)).map(|c| c.id);
            match op {
                Op::Start { who } => { let _ = story.start(people[who]); }
                Op::Draft { who, part: p } => if let Some(id) = open {
                    let _ = story.draft(people[who], id, &part(who, p));
                },
                Op::Submit { who } => if let Some(id) = open {
                    let _ = story.submit(people[who], id);
                },
                Op::Pause { who } => if let Some(id) = open {
                    let _ = story.pause(people[who], id);
                },
                Op::Resume { who } => if let Some(id) = open {
                    let _ = story.resume(people[who], id);
                },
                Op::Wait { minutes } => story.wait(minutes),
            }
            cached.advance(&story.events, &story.members);
            for (v, viewer) in people.into_iter().enumerate() {
                let other = people[1 - v];
                let ledger = story.ledger(viewer);
                for checkin in ledger.checkins.all() {
                    let mine = checkin.side(viewer).unwrap();
                    let theirs = checkin.side(other).unwrap();
                    prop_assert!(theirs.draft.is_none() && theirs.answers.is_none());
                    if mine.submitted_at.is_none() {
                        prop_assert!(theirs.revealed.is_none());
                    }
                    if checkin.is_complete() {
                        let revealed = theirs.revealed.as_ref();
                        prop_assert!(revealed.is_some_and(|r| r.how_it_went.is_none()));
                    }
                }
                // The events themselves: before the viewer's own submission of a check-in,
                // nothing they may see carries the partner's words.
                let visible = steadfast_core::visibility::visible(
                    viewer,
                    &story.events,
                    |e: &RecordedEvent| steadfast_core::ItemMeta::from(e),
                    &story.members,
                );
                let submitted: BTreeMap<CheckinId, bool> = ledger
                    .checkins
                    .all()
                    .iter()
                    .map(|c| (c.id, c.side(viewer).is_some_and(|s| s.submitted_at.is_some())))
                    .collect();
                for event in visible {
                    let Some(parsed) = CheckinEvent::from_event(&event.event) else { continue };
                    let payload = event.event.payload.to_string();
                    if !submitted.get(&parsed.checkin).copied().unwrap_or(false) {
                        prop_assert!(!payload.contains(MARKS[1 - v]), "{payload}");
                    }
                    if event.event.author != viewer {
                        prop_assert!(!payload.contains("how_it_went"), "{payload}");
                    }
                }
            }
            let fresh = story.ledger(A);
            prop_assert_eq!(cached.checkins.all(), fresh.checkins.all());
        }
    }
}

#[test]
fn the_trend_holds_ones_own_felt_trust_at_once_and_the_partners_once_revealed() {
    use steadfast_core::checkin::{RciParams, trend::trend};
    let mut story = Story::new(couple());
    let id = story.start(A).unwrap();
    story.draft(A, id, &full_patch("a", 2, 0)).unwrap();
    story.draft(B, id, &full_patch("b", 5, 0)).unwrap();
    story.submit(A, id).unwrap();
    let seen = |story: &Story, viewer, partner| {
        let ledger = story.ledger(viewer);
        trend(
            viewer,
            Some(partner),
            ledger.checkins.all(),
            &RciParams::DEFAULT,
        )
    };
    let for_a = seen(&story, A, B);
    assert_eq!(for_a.points.len(), 1);
    assert!(!for_a.points[0].complete);
    assert_eq!(for_a.points[0].mine.map(|f| f.mean), Some(2.0));
    assert_eq!(for_a.points[0].partner, None);
    assert!(seen(&story, B, A).points.is_empty(), "B has not submitted");
    story.submit(B, id).unwrap();
    let for_b = seen(&story, B, A);
    assert!(for_b.points[0].complete);
    assert_eq!(for_b.points[0].partner.map(|f| f.mean), Some(2.0));
    assert_eq!(for_b.points[0].mine.map(|f| f.dependability), Some(5.0));
    assert!(!for_b.stuck);
}
