//! All the promises of a space a viewer may see, folded from its events.

use std::collections::HashMap;

use super::change::{Change, PromiseEvent};
use super::lifecycle::{Outcome, Promise, Status};
use crate::id::{PersonId, PromiseId};
use crate::record::Params;
use crate::time::Timestamp;

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
