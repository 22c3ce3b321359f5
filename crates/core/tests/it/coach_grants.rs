//! A state-machine test of what a coach sees, as partners grant, revoke, let grants expire,
//! leave and come back, and as the coach is removed and attached again.
//!
//! Random sequences run against the system — the core's own decisions (`coach::decide_*`), its
//! grant rule (`coach::granted`) and the visibility rule with a `Viewer::Coach` — and a reference
//! model that knows nothing of the core: per partner, until when their consent lasts, cleared by
//! revoking, leaving or the coach going. After every step both must agree on every decision and
//! on exactly which items the coach sees, and the coach must never see a private item.

use std::collections::BTreeSet;

use proptest::prelude::*;
use steadfast_core::coach::{self, Grant, GrantRefusal};
use steadfast_core::space::{MAX_PARTNERS, Member};
use steadfast_core::visibility::{ItemMeta, Viewer, can_see, visible};
use steadfast_core::{PersonId, Timestamp, Visibility};
use uuid::Uuid;

const PEOPLE: usize = 3;
const DAY: i64 = 24 * 60 * 60 * 1000;
const T0: i64 = 1_790_000_000_000;

fn person_id(p: usize) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(p as u128 + 1))
}

const COACH: PersonId = PersonId::from_uuid(Uuid::from_u128(99));

#[derive(Clone, Debug)]
enum Op {
    Grant { by: usize, days: u32 },
    Revoke { by: usize },
    Wait { millis: i64 },
    Create { by: usize, shared: bool },
    Leave { who: usize },
    Join { who: usize },
    RemoveCoach,
    AttachCoach,
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..PEOPLE;
    prop_oneof![
        4 => (who.clone(), prop_oneof![Just(90u32), 0u32..400]).prop_map(|(by, days)| Op::Grant { by, days }),
        2 => who.clone().prop_map(|by| Op::Revoke { by }),
        3 => prop_oneof![Just(1), 1..DAY, Just(90 * DAY - 1), Just(90 * DAY), 0..200 * DAY]
            .prop_map(|millis| Op::Wait { millis }),
        5 => (who.clone(), any::<bool>()).prop_map(|(by, shared)| Op::Create { by, shared }),
        1 => who.clone().prop_map(|who| Op::Leave { who }),
        1 => who.prop_map(|who| Op::Join { who }),
        1 => Just(Op::RemoveCoach),
        1 => Just(Op::AttachCoach),
    ]
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    Refused(String),
}

/// The system: stores what the edge would store, decides with the core.
struct System {
    now: i64,
    members: Vec<Member>,
    coach_since: Option<Timestamp>,
    grants: Vec<Grant>,
    items: Vec<ItemMeta>,
}

impl System {
    fn new() -> Self {
        let t0 = Timestamp::from_millis(T0);
        Self {
            now: T0,
            // A and B are a couple from the start; C is someone who may join later.
            members: (0..2)
                .map(|p| Member {
                    person: person_id(p),
                    joined: t0,
                    left: None,
                })
                .collect(),
            coach_since: Some(t0),
            grants: Vec::new(),
            items: Vec::new(),
        }
    }

    fn now(&self) -> Timestamp {
        Timestamp::from_millis(self.now)
    }

    fn is_current(&self, who: usize) -> bool {
        self.members
            .iter()
            .any(|m| m.person == person_id(who) && m.is_current())
    }

    fn tick(&mut self, op: &Op) -> Outcome {
        let now = self.now();
        match *op {
            Op::Grant { by, days } => {
                match coach::decide_grant(&self.members, person_id(by), self.coach_since, now, days)
                {
                    Ok(expires_at) => {
                        self.grants.push(Grant {
                            person: person_id(by),
                            granted_at: now,
                            expires_at,
                            revoked_at: None,
                        });
                        Outcome::Done
                    }
                    Err(refusal) => Outcome::Refused(format!("{refusal:?}")),
                }
            }
            Op::Revoke { by } => {
                // One click withdraws every grant of the person's that is in force.
                let mut any = false;
                for grant in &mut self.grants {
                    if coach::decide_revoke_grant(grant, person_id(by), now).is_ok() {
                        grant.revoked_at = Some(now);
                        any = true;
                    }
                }
                if any {
                    Outcome::Done
                } else {
                    Outcome::Refused("nothing".into())
                }
            }
            Op::Wait { millis } => {
                self.now += millis;
                Outcome::Done
            }
            Op::Create { by, shared } => {
                if !self.is_current(by) {
                    return Outcome::Refused("not a member".into());
                }
                self.items.push(ItemMeta {
                    author: person_id(by),
                    visibility: if shared {
                        Visibility::Shared
                    } else {
                        Visibility::Private
                    },
                    at: now,
                });
                Outcome::Done
            }
            Op::Leave { who } => {
                match self
                    .members
                    .iter_mut()
                    .find(|m| m.person == person_id(who) && m.is_current())
                {
                    Some(stay) => {
                        stay.left = Some(now);
                        Outcome::Done
                    }
                    None => Outcome::Refused("not a member".into()),
                }
            }
            Op::Join { who } => {
                let current = self.members.iter().filter(|m| m.is_current()).count();
                if self.is_current(who) || current >= MAX_PARTNERS {
                    return Outcome::Refused("cannot join".into());
                }
                self.members.push(Member {
                    person: person_id(who),
                    joined: now,
                    left: None,
                });
                Outcome::Done
            }
            Op::RemoveCoach => {
                if self.coach_since.take().is_some() {
                    Outcome::Done
                } else {
                    Outcome::Refused("no coach".into())
                }
            }
            Op::AttachCoach => {
                if self.coach_since.is_some() {
                    Outcome::Refused("already".into())
                } else {
                    self.coach_since = Some(now);
                    Outcome::Done
                }
            }
        }
    }

    fn viewer(&self) -> Viewer {
        Viewer::Coach {
            coach: COACH,
            granted: coach::granted(&self.grants, &self.members, self.coach_since, self.now()),
        }
    }

    fn coach_sees(&self) -> Vec<usize> {
        let viewer = self.viewer();
        visible(viewer, &self.items, |item| *item, &self.members)
            .map(|seen| {
                self.items
                    .iter()
                    .position(|item| std::ptr::eq(item, seen))
                    .expect("an item of ours")
            })
            .collect()
    }
}

/// The reference: consent per person as "until when", items with whoever else was there.
struct Model {
    now: i64,
    current: BTreeSet<usize>,
    coach: bool,
    consent_until: [Option<i64>; PEOPLE],
    /// Grants still within their time that no longer count (given before the person left or the
    /// coach went): invisible to the coach, but still there to revoke.
    stale: [Option<i64>; PEOPLE],
    items: Vec<ModelItem>,
}

struct ModelItem {
    author: usize,
    shared: bool,
    /// Everyone else in the space when it was made.
    with: BTreeSet<usize>,
}

impl Model {
    fn new() -> Self {
        Self {
            now: T0,
            current: BTreeSet::from([0, 1]),
            coach: true,
            consent_until: [None; PEOPLE],
            stale: [None; PEOPLE],
            items: Vec::new(),
        }
    }

    fn forget(&mut self, who: usize) {
        if let Some(until) = self.consent_until[who].take() {
            self.stale[who] = Some(self.stale[who].map_or(until, |s| s.max(until)));
        }
    }

    fn coach_sees(&self) -> Vec<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| {
                item.shared
                    && self.coach
                    && self.current.contains(&item.author)
                    && self.consent_until[item.author].is_some_and(|u| self.now < u)
                    && item.with.iter().all(|p| self.current.contains(p))
            })
            .map(|(n, _)| n)
            .collect()
    }

    fn tick(&mut self, op: &Op) -> Outcome {
        match *op {
            Op::Grant { by, days } => {
                if !self.current.contains(&by) {
                    return Outcome::Refused(format!("{:?}", GrantRefusal::NotAMember));
                }
                if !self.coach {
                    return Outcome::Refused(format!("{:?}", GrantRefusal::NoCoach));
                }
                if days == 0 || days > 365 {
                    return Outcome::Refused(format!("{:?}", GrantRefusal::InvalidLength));
                }
                let until = self.now + i64::from(days) * DAY;
                let live = self.consent_until[by].filter(|&u| self.now < u);
                self.consent_until[by] = Some(live.map_or(until, |u| u.max(until)));
                Outcome::Done
            }
            Op::Revoke { by } => {
                let live = self.consent_until[by].is_some_and(|u| self.now < u);
                // Revoking needs no membership; a grant left from an earlier stay that is still
                // within its time is revoked too, although it no longer counts.
                let stale = self.stale[by].is_some_and(|u| self.now < u);
                self.consent_until[by] = None;
                self.stale[by] = None;
                if live || stale {
                    Outcome::Done
                } else {
                    Outcome::Refused("nothing".into())
                }
            }
            Op::Wait { millis } => {
                self.now += millis;
                Outcome::Done
            }
            Op::Create { by, shared } => {
                if !self.current.contains(&by) {
                    return Outcome::Refused("not a member".into());
                }
                let with = self.current.iter().copied().filter(|&p| p != by).collect();
                self.items.push(ModelItem {
                    author: by,
                    shared,
                    with,
                });
                Outcome::Done
            }
            Op::Leave { who } => {
                if !self.current.remove(&who) {
                    return Outcome::Refused("not a member".into());
                }
                self.forget(who);
                Outcome::Done
            }
            Op::Join { who } => {
                if self.current.contains(&who) || self.current.len() >= MAX_PARTNERS {
                    return Outcome::Refused("cannot join".into());
                }
                self.current.insert(who);
                Outcome::Done
            }
            Op::RemoveCoach => {
                if !self.coach {
                    return Outcome::Refused("no coach".into());
                }
                self.coach = false;
                for who in 0..PEOPLE {
                    self.forget(who);
                }
                Outcome::Done
            }
            Op::AttachCoach => {
                if self.coach {
                    return Outcome::Refused("already".into());
                }
                self.coach = true;
                Outcome::Done
            }
        }
    }
}

fn check(system: &System, model: &Model) -> Result<(), TestCaseError> {
    let seen = system.coach_sees();
    prop_assert_eq!(&seen, &model.coach_sees());
    for &n in &seen {
        prop_assert_eq!(system.items[n].visibility, Visibility::Shared);
    }
    // Nothing private reaches the coach by any path, whatever the grants.
    let viewer = system.viewer();
    for item in &system.items {
        if item.visibility == Visibility::Private {
            prop_assert!(!can_see(viewer, item, &system.members));
        }
    }
    Ok(())
}

/// Each operation happens at its own instant, as requests do: one millisecond after the last.
fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut system = System::new();
    let mut model = Model::new();
    for (step, op) in ops.iter().enumerate() {
        system.now += 1;
        model.now += 1;
        let got = system.tick(op);
        let want = model.tick(op);
        prop_assert_eq!(&got, &want, "step {}: {:?}", step, op);
        check(&system, &model)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn a_coach_sees_exactly_the_granted_partners_shared_items_over_any_sequence(
        ops in prop::collection::vec(op(), 1..80),
    ) {
        run(&ops)?;
    }
}

fn story(ops: &[Op]) -> System {
    let mut system = System::new();
    let mut model = Model::new();
    for op in ops {
        system.now += 1;
        model.now += 1;
        assert_eq!(system.tick(op), model.tick(op), "{op:?}");
        if let Err(e) = check(&system, &model) {
            panic!("{op:?}: {e}");
        }
    }
    system
}

const A: usize = 0;
const B: usize = 1;
const C: usize = 2;

#[test]
fn one_partners_grant_opens_only_that_partners_shared_items() {
    let system = story(&[
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Create {
            by: A,
            shared: false,
        },
        Op::Create {
            by: B,
            shared: true,
        },
        Op::Grant { by: A, days: 90 },
    ]);
    assert_eq!(system.coach_sees(), vec![0]);
}

#[test]
fn revoking_expiry_and_leaving_each_close_the_view_at_once() {
    let granted = [
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Grant { by: A, days: 90 },
    ];
    assert_eq!(story(&granted).coach_sees(), vec![0]);
    for end in [
        Op::Revoke { by: A },
        Op::Wait { millis: 90 * DAY },
        Op::Leave { who: A },
        Op::RemoveCoach,
    ] {
        let mut ops = granted.to_vec();
        ops.push(end.clone());
        assert!(story(&ops).coach_sees().is_empty(), "{end:?}");
    }
}

#[test]
fn a_grant_does_not_come_back_with_the_partner_or_the_coach() {
    let system = story(&[
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Grant { by: A, days: 90 },
        Op::Leave { who: A },
        Op::Join { who: A },
        Op::RemoveCoach,
        Op::AttachCoach,
    ]);
    assert!(system.coach_sees().is_empty());
}

#[test]
fn what_was_shared_with_a_former_partner_stays_hidden_from_the_coach() {
    let system = story(&[
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Leave { who: B },
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Join { who: C },
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Grant { by: A, days: 30 },
    ]);
    // Made with B (gone): hidden; made alone, and with C: seen.
    assert_eq!(system.coach_sees(), vec![1, 2]);
}
