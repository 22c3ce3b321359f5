//! All the check-ins of a space a viewer may see, folded from its events.

use std::collections::HashMap;

use super::change::{Change, CheckinEvent};
use super::lifecycle::Checkin;
use crate::id::{CheckinId, PersonId};
use crate::time::Timestamp;

/// The check-ins, in the order they were started.
#[derive(Clone, Debug, Default)]
pub struct CheckinBook {
    checkins: Vec<Checkin>,
    index: HashMap<CheckinId, usize>,
}

impl CheckinBook {
    /// Folds in one event by `author` recorded `at`. An event for a check-in the book does not
    /// hold (started by someone whose events the viewer may not see, or erased) is left out.
    pub fn apply(&mut self, author: PersonId, at: Timestamp, event: &CheckinEvent) {
        if let Change::Started { .. } = event.change {
            if self.index.contains_key(&event.checkin) {
                return;
            }
            if let Some(checkin) = Checkin::start(event.checkin, author, at, &event.change) {
                self.index.insert(checkin.id, self.checkins.len());
                self.checkins.push(checkin);
            }
            return;
        }
        if let Some(checkin) = self
            .index
            .get(&event.checkin)
            .and_then(|&i| self.checkins.get_mut(i))
        {
            checkin.apply(author, at, &event.change);
        }
    }

    pub fn get(&self, id: CheckinId) -> Option<&Checkin> {
        self.index.get(&id).and_then(|&i| self.checkins.get(i))
    }

    /// Every check-in, oldest first.
    pub fn all(&self) -> &[Checkin] {
        &self.checkins
    }

    /// The check-in open for `person` with their current `partner`, if any.
    pub fn open_for(&self, person: PersonId, partner: Option<PersonId>) -> Option<&Checkin> {
        self.checkins
            .iter()
            .rev()
            .find(|c| c.is_open_for(person, partner))
    }
}
