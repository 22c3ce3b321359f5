//! A state-machine test of who sees what, as people pair, share, leave and delete their accounts.
//!
//! Random sequences of operations over three people and one space run against two things side by
//! side: the system, built from the core's own decisions (`space::decide_*`) and visibility rule
//! (`visibility::visible`), and a reference model a few lines long that knows nothing of the core.
//! After every step they must agree on every decision, on who is in the space and on what each
//! person sees, and the privacy properties must hold.

use std::collections::BTreeSet;
use std::time::Duration;

use proptest::prelude::*;
use steadfast_core::space::{
    self, INVITE_LIFETIME, InviteRefusal, InviteState, IssueRefusal, LeaveRefusal, MAX_PARTNERS,
    Member, RevokeRefusal,
};
use steadfast_core::visibility::{ItemMeta, can_see, survives_erasure, visible};
use steadfast_core::{PersonId, Timestamp, Visibility};
use uuid::Uuid;

const PEOPLE: usize = 3;
const HOUR: i64 = 60 * 60 * 1000;
const LIFETIME_MS: i64 = 72 * HOUR;

fn person_id(p: usize) -> PersonId {
    PersonId::from_uuid(Uuid::from_u128(p as u128 + 1))
}

#[derive(Clone, Debug)]
enum Op {
    Invite {
        by: usize,
    },
    Accept {
        invite: usize,
        by: usize,
    },
    Revoke {
        invite: usize,
        by: usize,
    },
    Wait {
        millis: i64,
    },
    Create {
        by: usize,
        shared: bool,
    },
    SetShared {
        item: usize,
        by: usize,
        shared: bool,
    },
    Leave {
        who: usize,
    },
    Delete {
        who: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let who = 0..PEOPLE;
    prop_oneof![
        3 => who.clone().prop_map(|by| Op::Invite { by }),
        4 => (any::<usize>(), who.clone()).prop_map(|(invite, by)| Op::Accept { invite, by }),
        1 => (any::<usize>(), who.clone()).prop_map(|(invite, by)| Op::Revoke { invite, by }),
        2 => prop_oneof![Just(1), 1..HOUR, Just(LIFETIME_MS - 1), Just(LIFETIME_MS), 0..4 * LIFETIME_MS]
            .prop_map(|millis| Op::Wait { millis }),
        5 => (who.clone(), any::<bool>()).prop_map(|(by, shared)| Op::Create { by, shared }),
        3 => (any::<usize>(), who.clone(), any::<bool>())
            .prop_map(|(item, by, shared)| Op::SetShared { item, by, shared }),
        2 => who.clone().prop_map(|who| Op::Leave { who }),
        1 => who.prop_map(|who| Op::Delete { who }),
    ]
}

/// What happened to an operation, so system and model can be compared step by step.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    /// Not attempted: the person's account is deleted, or there is nothing to act on.
    Skipped,
    Issue(IssueRefusal),
    Accept(InviteRefusal),
    Revoke(RevokeRefusal),
    Leave(LeaveRefusal),
    /// Creating or (un)sharing refused: not a member, or not the author.
    NotAllowed,
}

// ---------------------------------------------------------------------------------------------
// The system: state as the edge would keep it, every decision taken by the core.

#[derive(Clone, Debug)]
struct Item {
    id: usize,
    author: PersonId,
    visibility: Visibility,
    at: Timestamp,
}

struct System {
    now: Timestamp,
    members: Vec<Member>,
    invites: Vec<InviteState>,
    items: Vec<Item>,
    deleted: [bool; PEOPLE],
    next_item: usize,
}

impl System {
    fn new() -> Self {
        Self {
            now: Timestamp::from_millis(0),
            members: vec![Member {
                person: person_id(0),
                joined: Timestamp::from_millis(0),
                left: None,
            }],
            invites: Vec::new(),
            items: Vec::new(),
            deleted: [false; PEOPLE],
            next_item: 0,
        }
    }

    /// Applies an operation, then lets a millisecond pass, as a request takes at least that:
    /// two operations never share a timestamp.
    fn tick(&mut self, op: &Op) -> Outcome {
        let outcome = self.apply(op);
        self.now = Timestamp::from_millis(self.now.as_millis() + 1);
        outcome
    }

    fn end_membership(&mut self, person: PersonId) {
        let now = self.now;
        for m in self.members.iter_mut().filter(|m| m.person == person) {
            m.left.get_or_insert(now);
        }
    }

    fn apply(&mut self, op: &Op) -> Outcome {
        match *op {
            Op::Wait { millis } => {
                self.now = Timestamp::from_millis(self.now.as_millis() + millis);
                Outcome::Done
            }
            Op::Invite { by } if !self.deleted[by] => {
                match space::decide_issue(&self.members, person_id(by), self.now) {
                    Ok(expires) => {
                        self.invites.push(InviteState {
                            issuer: person_id(by),
                            expires,
                            accepted: None,
                            revoked: None,
                        });
                        Outcome::Done
                    }
                    Err(refusal) => Outcome::Issue(refusal),
                }
            }
            Op::Accept { invite, by } if !self.deleted[by] && !self.invites.is_empty() => {
                let i = invite % self.invites.len();
                let person = person_id(by);
                match space::decide_accept(&self.invites[i], &self.members, person, self.now) {
                    Ok(()) => {
                        self.invites[i].accepted = Some(self.now);
                        self.members.push(Member {
                            person,
                            joined: self.now,
                            left: None,
                        });
                        Outcome::Done
                    }
                    Err(refusal) => Outcome::Accept(refusal),
                }
            }
            Op::Revoke { invite, by } if !self.deleted[by] && !self.invites.is_empty() => {
                let i = invite % self.invites.len();
                match space::decide_revoke(&self.invites[i], &self.members, person_id(by)) {
                    Ok(()) => {
                        self.invites[i].revoked = Some(self.now);
                        Outcome::Done
                    }
                    Err(refusal) => Outcome::Revoke(refusal),
                }
            }
            Op::Create { by, shared } if !self.deleted[by] => {
                if !space::is_current_member(&self.members, person_id(by)) {
                    return Outcome::NotAllowed;
                }
                self.items.push(Item {
                    id: self.next_item,
                    author: person_id(by),
                    visibility: visibility(shared),
                    at: self.now,
                });
                self.next_item += 1;
                Outcome::Done
            }
            Op::SetShared { item, by, shared } if !self.deleted[by] && !self.items.is_empty() => {
                let i = item % self.items.len();
                // Nobody writes into a space they are not in, their own items included.
                if self.items[i].author != person_id(by)
                    || !space::is_current_member(&self.members, person_id(by))
                {
                    return Outcome::NotAllowed;
                }
                self.items[i].visibility = visibility(shared);
                Outcome::Done
            }
            Op::Leave { who } if !self.deleted[who] => {
                match space::decide_leave(&self.members, person_id(who)) {
                    Ok(()) => {
                        self.end_membership(person_id(who));
                        Outcome::Done
                    }
                    Err(refusal) => Outcome::Leave(refusal),
                }
            }
            Op::Delete { who } if !self.deleted[who] => {
                // Erasure: the membership ends, then the person's items go, except the shared
                // ones the one who stayed keeps.
                let person = person_id(who);
                self.end_membership(person);
                let members = self.members.clone();
                self.items.retain(|item| {
                    item.author != person || survives_erasure(&meta(item), &members)
                });
                self.deleted[who] = true;
                Outcome::Done
            }
            _ => Outcome::Skipped,
        }
    }

    /// The ids of the items `viewer` sees, through the one helper every page would use.
    fn seen_by(&self, viewer: usize) -> BTreeSet<usize> {
        let seen: BTreeSet<usize> = visible(person_id(viewer), &self.items, meta, &self.members)
            .map(|item| item.id)
            .collect();
        // `can_see` and `visible` must never disagree.
        let one_by_one: BTreeSet<usize> = self
            .items
            .iter()
            .filter(|item| can_see(person_id(viewer), &meta(item), &self.members))
            .map(|item| item.id)
            .collect();
        assert_eq!(seen, one_by_one);
        seen
    }
}

fn meta(item: &Item) -> ItemMeta {
    ItemMeta {
        author: item.author,
        visibility: item.visibility,
        at: item.at,
    }
}

fn visibility(shared: bool) -> Visibility {
    if shared {
        Visibility::Shared
    } else {
        Visibility::Private
    }
}

// ---------------------------------------------------------------------------------------------
// The reference model: plain flags, written from the issue's words.

struct ModelInvite {
    issuer: usize,
    issued: i64,
    used: bool,
    revoked: bool,
}

struct ModelItem {
    id: usize,
    author: usize,
    /// The partner the author shared the space with when making it, if any.
    made_with: Option<usize>,
    made_at: i64,
    shared: bool,
    erased: bool,
}

struct Model {
    now: i64,
    in_space: [bool; PEOPLE],
    /// When each person last came into the space, and last left it.
    joined_at: [i64; PEOPLE],
    left_at: [Option<i64>; PEOPLE],
    deleted: [bool; PEOPLE],
    invites: Vec<ModelInvite>,
    items: Vec<ModelItem>,
}

impl Model {
    fn new() -> Self {
        Self {
            now: 0,
            in_space: [true, false, false],
            joined_at: [0; PEOPLE],
            left_at: [None; PEOPLE],
            deleted: [false; PEOPLE],
            invites: Vec::new(),
            items: Vec::new(),
        }
    }

    fn tick(&mut self, op: &Op) -> Outcome {
        let outcome = self.apply(op);
        self.now += 1;
        outcome
    }

    /// Whether `viewer` sees another's item: a shared one meant for them, while both are in the
    /// space, or after its author left if the viewer was there then and has been since.
    fn sees(&self, viewer: usize, item: &ModelItem) -> bool {
        if item.author == viewer {
            return true;
        }
        let meant_for_viewer = item.made_with.is_none_or(|with| with == viewer);
        let both_in = self.in_space[viewer] && self.in_space[item.author];
        let kept = self.in_space[viewer]
            && !self.in_space[item.author]
            && self.left_at[item.author]
                .is_some_and(|left| item.made_at <= left && self.joined_at[viewer] <= left);
        item.shared && meant_for_viewer && (both_in || kept)
    }

    fn partners(&self) -> usize {
        self.in_space.iter().filter(|&&inside| inside).count()
    }

    /// The item a number picks, counting only items not erased (the system forgets those).
    fn remaining_item(&mut self, pick: usize) -> Option<&mut ModelItem> {
        let count = self.items.iter().filter(|item| !item.erased).count();
        if count == 0 {
            return None;
        }
        let n = pick % count;
        self.items.iter_mut().filter(|item| !item.erased).nth(n)
    }

    fn apply(&mut self, op: &Op) -> Outcome {
        match *op {
            Op::Wait { millis } => {
                self.now += millis;
                Outcome::Done
            }
            Op::Invite { by } if !self.deleted[by] => {
                if !self.in_space[by] {
                    Outcome::Issue(IssueRefusal::NotAMember)
                } else if self.partners() >= 2 {
                    Outcome::Issue(IssueRefusal::SpaceFull)
                } else {
                    self.invites.push(ModelInvite {
                        issuer: by,
                        issued: self.now,
                        used: false,
                        revoked: false,
                    });
                    Outcome::Done
                }
            }
            Op::Accept { invite, by } if !self.deleted[by] && !self.invites.is_empty() => {
                let i = invite % self.invites.len();
                let (now, partners, in_space) = (self.now, self.partners(), self.in_space);
                let inv = &mut self.invites[i];
                let refusal = if in_space[by] {
                    Some(InviteRefusal::AlreadyMember)
                } else if inv.used {
                    Some(InviteRefusal::AlreadyUsed)
                } else if inv.revoked || !in_space[inv.issuer] {
                    Some(InviteRefusal::Revoked)
                } else if now >= inv.issued + LIFETIME_MS {
                    Some(InviteRefusal::Expired)
                } else if partners >= 2 {
                    Some(InviteRefusal::SpaceFull)
                } else {
                    None
                };
                match refusal {
                    Some(refusal) => Outcome::Accept(refusal),
                    None => {
                        inv.used = true;
                        self.in_space[by] = true;
                        self.joined_at[by] = now;
                        Outcome::Done
                    }
                }
            }
            Op::Revoke { invite, by } if !self.deleted[by] && !self.invites.is_empty() => {
                let i = invite % self.invites.len();
                let in_space = self.in_space[by];
                let inv = &mut self.invites[i];
                if !in_space {
                    Outcome::Revoke(RevokeRefusal::NotAMember)
                } else if inv.used {
                    Outcome::Revoke(RevokeRefusal::AlreadyUsed)
                } else if inv.revoked {
                    Outcome::Revoke(RevokeRefusal::AlreadyRevoked)
                } else {
                    inv.revoked = true;
                    Outcome::Done
                }
            }
            Op::Create { by, shared } if !self.deleted[by] => {
                if !self.in_space[by] {
                    return Outcome::NotAllowed;
                }
                let id = self.items.len();
                let made_with = (0..PEOPLE).find(|&p| p != by && self.in_space[p]);
                self.items.push(ModelItem {
                    id,
                    author: by,
                    made_with,
                    made_at: self.now,
                    shared,
                    erased: false,
                });
                Outcome::Done
            }
            Op::SetShared { item, by, shared } if !self.deleted[by] => {
                let in_space = self.in_space[by];
                match self.remaining_item(item) {
                    None => Outcome::Skipped,
                    Some(item) if item.author != by || !in_space => Outcome::NotAllowed,
                    Some(item) => {
                        item.shared = shared;
                        Outcome::Done
                    }
                }
            }
            Op::Leave { who } if !self.deleted[who] => {
                if self.in_space[who] {
                    self.in_space[who] = false;
                    self.left_at[who] = Some(self.now);
                    Outcome::Done
                } else {
                    Outcome::Leave(LeaveRefusal::NotAMember)
                }
            }
            Op::Delete { who } if !self.deleted[who] => {
                self.deleted[who] = true;
                if self.in_space[who] {
                    self.in_space[who] = false;
                    self.left_at[who] = Some(self.now);
                }
                // What someone still in the space received stays theirs; the rest goes.
                let kept: Vec<bool> = self
                    .items
                    .iter()
                    .map(|item| {
                        (0..PEOPLE).any(|p| p != who && self.in_space[p] && self.sees(p, item))
                    })
                    .collect();
                for (item, kept) in self.items.iter_mut().zip(kept) {
                    if item.author == who && !kept {
                        item.erased = true;
                    }
                }
                Outcome::Done
            }
            _ => Outcome::Skipped,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The properties, checked after every step.

fn check(system: &System, model: &Model, last: &Op) -> Result<(), TestCaseError> {
    let inside = space::current(&system.members).count();
    prop_assert!(inside <= MAX_PARTNERS, "{inside} people in the space");
    for p in 0..PEOPLE {
        prop_assert_eq!(
            space::is_current_member(&system.members, person_id(p)),
            model.in_space[p],
            "membership of person {}",
            p
        );
    }

    let seen: Vec<BTreeSet<usize>> = (0..PEOPLE).map(|v| system.seen_by(v)).collect();

    for item in &model.items {
        for (viewer, seen_by_viewer) in seen.iter().enumerate() {
            if model.deleted[viewer] {
                continue;
            }
            let sees = seen_by_viewer.contains(&item.id);
            let own = item.author == viewer;

            if item.erased {
                prop_assert!(!sees, "{viewer} sees erased item {}", item.id);
                continue;
            }
            if !item.shared && !own {
                prop_assert!(
                    !sees,
                    "{viewer} sees private item {} of {}",
                    item.id,
                    item.author
                );
            }
            if own {
                prop_assert!(sees, "{viewer} does not see own item {}", item.id);
            }
            if item.shared && !own {
                prop_assert_eq!(
                    sees,
                    model.sees(viewer, item),
                    "shared item {} of {} for {}",
                    item.id,
                    item.author,
                    viewer
                );
            }
        }
    }

    // Anyone outside the space — left, never joined — sees only their own; only someone still
    // in the space keeps anything of theirs, and never a private item.
    for outsider in (0..PEOPLE).filter(|&p| !model.in_space[p]) {
        for item in model.items.iter().filter(|item| !item.erased) {
            if item.author == outsider {
                for other in (0..PEOPLE).filter(|&o| o != outsider && !model.deleted[o]) {
                    if seen[other].contains(&item.id) {
                        prop_assert!(model.in_space[other] && item.shared);
                    }
                }
            } else if !model.deleted[outsider] {
                prop_assert!(!seen[outsider].contains(&item.id));
            }
        }
    }

    // Nothing new reaches the one who stayed: an item of someone not in the space was made
    // before they left.
    for item in model.items.iter().filter(|item| !item.erased) {
        if !model.in_space[item.author] {
            let left = model.left_at[item.author];
            prop_assert!(left.is_some_and(|left| item.made_at <= left));
        }
    }

    // The person who just left sees nothing of anyone else's, at once.
    if let Op::Leave { who } = *last
        && !model.deleted[who]
    {
        let own: BTreeSet<usize> = model
            .items
            .iter()
            .filter(|item| item.author == who && !item.erased)
            .map(|item| item.id)
            .collect();
        prop_assert_eq!(&seen[who], &own);
    }
    Ok(())
}

fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut system = System::new();
    let mut model = Model::new();
    for (step, op) in ops.iter().enumerate() {
        let got = system.tick(op);
        let want = model.tick(op);
        prop_assert_eq!(&got, &want, "step {}: {:?}", step, op);
        check(&system, &model, op)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn visibility_holds_over_any_sequence_of_pairing_sharing_leaving_and_deleting(
        ops in prop::collection::vec(op(), 1..80),
    ) {
        run(&ops)?;
    }
}

// A few stories spelled out, so a regression in the common path reads plainly.

fn story(ops: &[Op]) -> (System, Model) {
    let mut system = System::new();
    let mut model = Model::new();
    for op in ops {
        assert_eq!(system.tick(op), model.tick(op), "{op:?}");
        if let Err(e) = check(&system, &model, op) {
            panic!("{op:?}: {e}");
        }
    }
    (system, model)
}

const A: usize = 0;
const B: usize = 1;
const C: usize = 2;

#[test]
fn the_one_who_stays_keeps_the_leavers_shared_items_and_the_leaver_only_their_own() {
    let first = 0;
    let (system, _) = story(&[
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Invite { by: A },
        Op::Accept {
            invite: first,
            by: B,
        },
        Op::Create {
            by: B,
            shared: true,
        },
        Op::Create {
            by: B,
            shared: false,
        },
    ]);
    assert_eq!(system.seen_by(A), BTreeSet::from([0, 1]));
    assert_eq!(system.seen_by(B), BTreeSet::from([0, 1, 2]));

    let (system, _) = story(&[
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Invite { by: A },
        Op::Accept {
            invite: first,
            by: B,
        },
        Op::Create {
            by: B,
            shared: true,
        },
        Op::Leave { who: B },
    ]);
    // A keeps what B shared; B keeps only their own.
    assert_eq!(system.seen_by(A), BTreeSet::from([0, 1]));
    assert_eq!(system.seen_by(B), BTreeSet::from([1]));
}

#[test]
fn a_deleted_partners_shared_items_stay_with_the_one_who_stayed_and_the_private_ones_go() {
    let (system, _) = story(&[
        Op::Invite { by: A },
        Op::Accept { invite: 0, by: B },
        Op::Create {
            by: B,
            shared: true,
        },
        Op::Create {
            by: B,
            shared: false,
        },
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Delete { who: B },
    ]);
    assert_eq!(system.seen_by(A), BTreeSet::from([0, 2]));
    let left_of_b: Vec<usize> = system
        .items
        .iter()
        .filter(|item| item.author == person_id(B))
        .map(|item| item.id)
        .collect();
    assert_eq!(left_of_b, [0], "B's private item is erased");
}

#[test]
fn an_invite_accepted_after_72_hours_is_refused_and_the_space_stays_solo() {
    let mut system = System::new();
    let mut model = Model::new();
    for op in [
        Op::Invite { by: A },
        Op::Wait {
            millis: LIFETIME_MS - 2,
        },
    ] {
        system.tick(&op);
        model.tick(&op);
    }
    let accept = Op::Accept { invite: 0, by: B };
    assert_eq!(
        system.apply(&accept),
        Outcome::Accept(InviteRefusal::Expired)
    );
    assert_eq!(
        INVITE_LIFETIME,
        Duration::from_millis(LIFETIME_MS as u64),
        "the model's lifetime matches the core's"
    );
    assert_eq!(space::current(&system.members).count(), 1);
}

#[test]
fn a_third_person_joining_later_does_not_see_the_previous_partner() {
    let first = 0;
    let second = 1;
    let (system, _) = story(&[
        Op::Invite { by: A },
        Op::Accept {
            invite: first,
            by: B,
        },
        Op::Create {
            by: B,
            shared: true,
        },
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Leave { who: B },
        Op::Create {
            by: A,
            shared: true,
        },
        Op::Invite { by: A },
        Op::Accept {
            invite: second,
            by: C,
        },
    ]);
    // Neither B's items nor what A shared with B; what A shared alone, yes. A keeps B's.
    assert_eq!(system.seen_by(C), BTreeSet::from([2]));
    assert_eq!(system.seen_by(A), BTreeSet::from([0, 1, 2]));
    assert_eq!(system.seen_by(B), BTreeSet::from([0]));
}
