//! All the promises of a space a viewer may see, folded from its events.

use std::collections::HashMap;

use super::change::{Change, PromiseEvent};
use super::lifecycle::{Outcome, Promise, Refusal, Status, decide_make};
use super::terms::{Terms, TrustDomain};
use crate::id::{PersonId, PromiseId};
use crate::record::Params;
use crate::time::Timestamp;

/// The most promises one partner may have open to the other at once. Far more than anyone keeps
/// in mind (the nudge speaks up long before), and low enough that one partner cannot bury the
/// other's pages under thousands of them.
pub const MAX_OPEN: usize = 100;

/// The promises, in the order they were recorded.
#[derive(Clone, Debug, Default)]
pub struct PromiseBook {
    promises: Vec<Promise>,
    index: HashMap<PromiseId, usize>,
}

/// A gentle word to a promiser before another promise (never a block).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nudge {
    /// This many promises are still open.
    ManyOpen(usize),
    /// This many were broken or let go lately.
    RecentMisses(usize),
}

impl PromiseBook {
    /// Folds in one event by `author` recorded `at`. A step for a promise the book does not hold
    /// (made by someone whose events the viewer may not see) is left out.
    pub fn apply(
        &mut self,
        author: PersonId,
        at: Timestamp,
        event: &PromiseEvent,
    ) -> Option<Outcome> {
        if let Change::Made { .. } = event.change {
            if self.index.contains_key(&event.promise) {
                return None;
            }
            let promise = Promise::start(event.promise, author, at, &event.change)?;
            self.index.insert(promise.id, self.promises.len());
            self.promises.push(promise);
            return None;
        }
        if let Change::OfferedInstead { offered } = event.change {
            return self.offer(author, at, event, offered);
        }
        let &i = self.index.get(&event.promise)?;
        self.promises.get_mut(i)?.apply(author, at, &event.change)
    }

    /// A smaller promise offered in a broken one's place: only one the same promiser made to the
    /// same receiver, in the same append before this note. Both then name each other.
    fn offer(
        &mut self,
        author: PersonId,
        at: Timestamp,
        event: &PromiseEvent,
        offered: PromiseId,
    ) -> Option<Outcome> {
        let &broken = self.index.get(&event.promise)?;
        let &new = self.index.get(&offered)?;
        let fits = {
            let (old, fresh) = (self.promises.get(broken)?, self.promises.get(new)?);
            broken != new
                && fresh.promiser == author
                && old.promiser == author
                && fresh.receiver == old.receiver
                && fresh.in_place_of.is_none()
        };
        if !fits {
            return None;
        }
        self.promises
            .get_mut(broken)?
            .apply(author, at, &event.change);
        if self.promises.get(broken)?.amends.offered == Some(offered) {
            self.promises.get_mut(new)?.in_place_of = Some(event.promise);
        }
        None
    }

    /// Decides whether `promiser` may make a promise to their partner now: [`decide_make`], and
    /// no more than [`MAX_OPEN`] open to them at once. Settling or letting go of one makes room.
    pub fn decide_make(
        &self,
        promiser: PersonId,
        partner: Option<PersonId>,
        terms: Terms,
        domain: Option<TrustDomain>,
        made_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<Change, Refusal> {
        let change = decide_make(promiser, partner, terms, domain, made_at, now)?;
        if let Change::Made { receiver, .. } = &change {
            self.room_for(promiser, *receiver)?;
        }
        Ok(change)
    }

    /// Whether `promiser` may take on one more promise to `receiver`.
    pub fn room_for(&self, promiser: PersonId, receiver: PersonId) -> Result<(), Refusal> {
        if self.open_from(promiser, receiver) >= MAX_OPEN {
            return Err(Refusal::TooManyOpen { limit: MAX_OPEN });
        }
        Ok(())
    }

    /// How many of `promiser`'s promises to `receiver` are open (or done, waiting for a yes).
    pub fn open_from(&self, promiser: PersonId, receiver: PersonId) -> usize {
        self.promises
            .iter()
            .filter(|p| p.promiser == promiser && p.receiver == receiver && !p.status.is_settled())
            .count()
    }

    pub fn get(&self, id: PromiseId) -> Option<&Promise> {
        self.index.get(&id).and_then(|&i| self.promises.get(i))
    }

    /// Every promise, oldest first.
    pub fn all(&self) -> &[Promise] {
        &self.promises
    }

    /// The promises between two people, either way, oldest first.
    pub fn between(&self, one: PersonId, other: PersonId) -> impl Iterator<Item = &Promise> {
        self.promises.iter().filter(move |p| {
            (p.promiser == one && p.receiver == other) || (p.promiser == other && p.receiver == one)
        })
    }

    /// The first promise kept between two people: the one confirmed kept earliest. A moment
    /// worth marking once; nothing counts on from it (no streaks).
    pub fn first_kept_between(&self, one: PersonId, other: PersonId) -> Option<PromiseId> {
        self.between(one, other)
            .filter_map(|p| match p.status {
                Status::Kept { at, .. } => Some((at, p.id)),
                _ => None,
            })
            .min_by_key(|&(at, _)| at)
            .map(|(_, id)| id)
    }

    /// Whether `promiser` has taken on much lately: many open promises, or recent misses.
    pub fn nudge(
        &self,
        promiser: PersonId,
        receiver: PersonId,
        now: Timestamp,
        params: &Params,
    ) -> Option<Nudge> {
        let theirs = || {
            self.promises
                .iter()
                .filter(move |p| p.promiser == promiser && p.receiver == receiver)
        };
        let open = theirs().filter(|p| !p.status.is_settled()).count();
        if open >= params.nudge_open {
            return Some(Nudge::ManyOpen(open));
        }
        let since = now.saturating_sub(params.nudge_window);
        let misses = theirs()
            .filter(|p| match p.status {
                Status::Broken { at, .. } | Status::LetGo { at } => at >= since,
                _ => false,
            })
            .count();
        (misses >= params.nudge_misses).then_some(Nudge::RecentMisses(misses))
    }
}
