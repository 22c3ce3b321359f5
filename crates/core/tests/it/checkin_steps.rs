//! The steps a page offers on a check-in are exactly the ones `decide_*` takes, and the page a
//! person meets agrees with them: along any life of a check-in — drafts, submissions, breaks
//! called and ended, time passing, a partner leaving — for each person and each kind of step,
//! "may take" agrees with deciding the step with answers that are complete.

use proptest::prelude::*;
use steadfast_core::checkin::{
    Answers, Change, Checkin, CheckinStep, Feeling, Patch, Refusal, Stage, Standing, Step,
    Submission, TrustItem, TrustLevel, decide_start,
};
use steadfast_core::{CheckinId, PersonId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, C, T0, plus};

const ID: CheckinId = CheckinId::from_uuid(Uuid::from_u128(70));
const MINUTE: i64 = 60_000;

fn people() -> [PersonId; 3] {
    [A, B, C]
}

/// Every answer a submission needs; `complete` false leaves out "how did that go".
fn patch(complete: bool) -> Patch {
    Patch {
        felt_trust: TrustItem::ALL
            .into_iter()
            .map(|item| (item, TrustLevel::new(4).unwrap()))
            .collect(),
        how_it_went: complete.then(|| Some(Feeling::new(2).unwrap())),
        ..Patch::default()
    }
}

fn complete_answers() -> Answers {
    Answers::default().merged(&patch(true))
}

/// Who is paired with whom: A and B, until B leaves; C is never in the space.
struct Pairing {
    solo: bool,
    left: bool,
}

impl Pairing {
    fn partner(&self, person: PersonId) -> Option<PersonId> {
        match person {
            _ if self.solo || self.left => None,
            p if p == A => Some(B),
            p if p == B => Some(A),
            _ => None,
        }
    }
}

/// Decides a step of this kind, as the edge would, and the changes it would write (with their
/// authors). `complete` gives a draft every answer a submission needs; otherwise a submission
/// sends the draft as it is.
fn decide(
    checkin: &Checkin,
    person: PersonId,
    partner: Option<PersonId>,
    step: CheckinStep,
    complete: bool,
    now: Timestamp,
) -> Result<Vec<(PersonId, Change)>, Refusal> {
    match step {
        CheckinStep::SaveDraft => checkin
            .decide_draft(person, partner, &patch(complete), now)
            .map(|change| vec![(person, change)]),
        CheckinStep::Submit => {
            let mut ready = checkin.clone();
            if complete {
                let draft = Change::Draft {
                    answers: complete_answers(),
                    step: Step::Review,
                };
                ready.apply(person, now, &draft);
            }
            let theirs = complete_answers();
            match ready.decide_submit(person, partner, Some(&theirs), now)? {
                Submission::Events(events) => Ok(events
                    .into_iter()
                    .map(|d| (d.author, d.event.change))
                    .collect()),
                Submission::NeedsAnswersOf(_) => unreachable!("the partner's answers were given"),
            }
        }
        CheckinStep::CallBreak => checkin
            .decide_break(person, partner, now)
            .map(|change| vec![(person, change)]),
        CheckinStep::EndBreak => checkin
            .decide_end_break(person, partner, now)
            .map(|change| vec![(person, change)]),
    }
}

/// The steps each page shows, by what it is: the page and the steps never disagree.
fn steps_of_stage(
    checkin: &Checkin,
    person: PersonId,
    stage: Stage,
    now: Timestamp,
) -> Vec<CheckinStep> {
    match stage {
        Stage::Answering => vec![
            CheckinStep::SaveDraft,
            CheckinStep::Submit,
            CheckinStep::CallBreak,
        ],
        Stage::Waiting => vec![CheckinStep::CallBreak],
        Stage::Results | Stage::Lapsed => Vec::new(),
        Stage::Break => {
            let still_answering = checkin
                .side(person)
                .is_some_and(|side| side.submitted_at.is_none());
            let theirs = checkin
                .break_at(now)
                .is_some_and(|pause| pause.by == person);
            [
                still_answering.then_some(CheckinStep::SaveDraft),
                theirs.then_some(CheckinStep::EndBreak),
            ]
            .into_iter()
            .flatten()
            .collect()
        }
    }
}

/// One thing that happens: someone tries a step (with complete answers or not), some minutes
/// pass first, or B leaves the space.
#[derive(Clone, Debug)]
enum Happening {
    Try {
        who: usize,
        step: usize,
        complete: bool,
        minutes: i64,
    },
    Leave,
}

fn happening() -> impl Strategy<Value = Happening> {
    prop_oneof![
        12 => (0..3usize, 0..4usize, any::<bool>(), 0..25i64).prop_map(
            |(who, step, complete, minutes)| Happening::Try { who, step, complete, minutes }
        ),
        1 => Just(Happening::Leave),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn what_a_page_offers_is_what_decide_takes(
        solo in any::<bool>(),
        happenings in prop::collection::vec(happening(), 0..30),
    ) {
        let mut pairing = Pairing { solo, left: false };
        let started = decide_start(A, pairing.partner(A), []).unwrap();
        let mut checkin = Checkin::start(ID, A, T0, &started).unwrap();
        let mut now = T0;
        for happened in happenings {
            for person in people() {
                let partner = pairing.partner(person);
                let offered = checkin.steps(person, partner, now);
                for step in CheckinStep::ALL {
                    // With complete answers, what is offered is exactly what is taken.
                    let decided = decide(&checkin, person, partner, step, true, now);
                    prop_assert_eq!(
                        offered.contains(&step), decided.is_ok(),
                        "{:?} by {:?}: {:?}", step, person, decided
                    );
                    prop_assert_eq!(
                        checkin.may_take(person, partner, step, now).err(),
                        decided.err()
                    );
                }
                // Answers that lack something are refused for that alone, and only where the
                // step is offered.
                if let Err(Refusal::Incomplete(_)) =
                    decide(&checkin, person, partner, CheckinStep::Submit, false, now)
                {
                    prop_assert!(offered.contains(&CheckinStep::Submit));
                }
                let stage = checkin.stage_for(person, partner, now);
                prop_assert_eq!(
                    &offered, &steps_of_stage(&checkin, person, stage, now),
                    "{:?} for {:?}", stage, person
                );
                let standing = checkin.standing(person, partner);
                prop_assert_eq!(stage == Stage::Results, standing == Standing::Complete);
                prop_assert_eq!(stage == Stage::Lapsed, standing == Standing::Lapsed);
            }
            match happened {
                Happening::Leave => pairing.left = true,
                Happening::Try { who, step, complete, minutes } => {
                    now = plus(now, minutes * MINUTE);
                    let person = people()[who];
                    let partner = pairing.partner(person);
                    let step = CheckinStep::ALL[step];
                    if let Ok(changes) = decide(&checkin, person, partner, step, complete, now) {
                        for (author, change) in changes {
                            checkin.apply(author, now, &change);
                        }
                    }
                }
            }
        }
    }
}
