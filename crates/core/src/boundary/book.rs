//! All the boundaries of a space a viewer may see, folded from their events.

use std::collections::HashMap;

use super::lifecycle::{
    Boundary, BoundaryEvent, BoundaryText, BoundaryWhy, Change, Refusal, Status, decide_propose,
};
use crate::id::{BoundaryId, PersonId};
use crate::time::Timestamp;

/// The most boundaries one partner may hold with the other at once (proposed or acknowledged,
/// not withdrawn): room for every line a person needs, not for burying the other's page.
pub const MAX_STANDING: usize = 100;

/// The boundaries, in the order they were proposed.
#[derive(Clone, Debug, Default)]
pub struct BoundaryBook {
    boundaries: Vec<Boundary>,
    index: HashMap<BoundaryId, usize>,
}

/// One boundary's crossings, for the patterns ("the same boundary crossed ≥2 times within 60
/// days").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crossings {
    pub boundary: BoundaryId,
    /// Whose line it is: the person a repeated crossing would hurt.
    pub owner: PersonId,
    pub crossed_by: PersonId,
    /// When each crossing happened, oldest first.
    pub at: Vec<Timestamp>,
}

impl BoundaryBook {
    /// Folds in one event by `author` recorded `at`. A step for a boundary the book does not hold
    /// is left out.
    pub fn apply(&mut self, author: PersonId, at: Timestamp, event: &BoundaryEvent) {
        if let Change::Proposed { .. } = event.change {
            if self.index.contains_key(&event.boundary) {
                return;
            }
            if let Some(boundary) = Boundary::start(event.boundary, author, at, &event.change) {
                self.index.insert(boundary.id, self.boundaries.len());
                self.boundaries.push(boundary);
            }
            return;
        }
        if let Some(boundary) = self
            .index
            .get(&event.boundary)
            .and_then(|&i| self.boundaries.get_mut(i))
        {
            boundary.apply(author, at, &event.change);
        }
    }

    /// Decides whether `owner` may propose a boundary to their partner now
    /// ([`decide_propose`]), with no more than [`MAX_STANDING`] of theirs standing with that
    /// partner. Withdrawing one makes room.
    pub fn decide_propose(
        &self,
        owner: PersonId,
        partner: Option<PersonId>,
        boundary: BoundaryId,
        text: BoundaryText,
        why: Option<BoundaryWhy>,
    ) -> Result<BoundaryEvent, Refusal> {
        let event = decide_propose(owner, partner, boundary, text, why)?;
        if let Change::Proposed { partner, .. } = &event.change {
            let standing = self
                .boundaries
                .iter()
                .filter(|b| b.owner == owner && b.partner == *partner)
                .filter(|b| !matches!(b.status, Status::Withdrawn { .. }))
                .count();
            if standing >= MAX_STANDING {
                return Err(Refusal::TooMany {
                    limit: MAX_STANDING,
                });
            }
        }
        Ok(event)
    }

    pub fn get(&self, id: BoundaryId) -> Option<&Boundary> {
        self.index.get(&id).and_then(|&i| self.boundaries.get(i))
    }

    /// Every boundary, oldest first.
    pub fn all(&self) -> &[Boundary] {
        &self.boundaries
    }

    /// The boundaries between two people, whoever owns them, oldest first.
    pub fn between(&self, one: PersonId, other: PersonId) -> impl Iterator<Item = &Boundary> {
        self.boundaries.iter().filter(move |b| {
            (b.owner == one && b.partner == other) || (b.owner == other && b.partner == one)
        })
    }

    /// The crossings of each boundary that has any, with their times.
    pub fn crossings(&self) -> impl Iterator<Item = Crossings> + '_ {
        self.boundaries
            .iter()
            .filter(|b| !b.crossings.is_empty())
            .map(|b| {
                let mut at: Vec<Timestamp> = b.crossings.iter().map(|c| c.at).collect();
                at.sort();
                Crossings {
                    boundary: b.id,
                    owner: b.owner,
                    crossed_by: b.partner,
                    at,
                }
            })
    }
}
