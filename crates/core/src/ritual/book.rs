//! The rituals of a space a viewer may see, folded from their events, and the rules for
//! planning, changing and ending one.

use std::collections::HashMap;

use thiserror::Error;

use super::change::{Change, RitualEvent, RitualId, RitualKind, RitualName};
use super::schedule::{Occurrence, Schedule};
use crate::id::PersonId;
use crate::time::Timestamp;

/// The most rituals one person may have planned and not ended in a space: more than any week
/// can hold, and few enough that nobody can flood the other's calendar.
pub const MAX_ACTIVE: usize = 50;

/// Why a ritual step was refused. Nothing is recorded when one is.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("this ritual has ended")]
    Ended,
    #[error("{limit} rituals are planned already: end one first")]
    TooMany { limit: usize },
}

/// A ritual as its events made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ritual {
    pub id: RitualId,
    pub name: RitualName,
    pub kind: RitualKind,
    pub schedule: Schedule,
    pub planned_by: PersonId,
    pub planned_at: Timestamp,
    /// When the name or schedule last changed.
    pub changed_at: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
}

impl Ritual {
    pub fn is_active(&self) -> bool {
        self.ended_at.is_none()
    }

    /// Either partner changes a ritual: it is shared time, planned together.
    pub fn decide_change(
        &self,
        name: RitualName,
        kind: RitualKind,
        schedule: Schedule,
    ) -> Result<Change, Refusal> {
        if !self.is_active() {
            return Err(Refusal::Ended);
        }
        Ok(Change::Changed {
            name,
            kind,
            schedule,
        })
    }

    /// Either partner ends it, alone.
    pub fn decide_end(&self) -> Result<Change, Refusal> {
        if !self.is_active() {
            return Err(Refusal::Ended);
        }
        Ok(Change::Ended)
    }

    /// Its occurrences starting in `from..to`: none after it ended, and none before it was
    /// planned's first date (the schedule sees to that).
    pub fn occurrences(
        &self,
        from: Timestamp,
        to: Timestamp,
    ) -> impl Iterator<Item = Occurrence> + '_ {
        let to = self.ended_at.map_or(to, |ended| ended.min(to));
        self.schedule.occurrences(from, to)
    }

    /// When it next starts after `after`, if it has not ended.
    pub fn next_after(&self, after: Timestamp) -> Option<Timestamp> {
        if self.is_active() {
            self.schedule.next_after(after)
        } else {
            None
        }
    }
}

/// Plans a ritual. Anyone in the space may, alone too: a walk can be one person's ritual.
pub fn decide_plan(name: RitualName, kind: RitualKind, schedule: Schedule) -> Change {
    Change::Planned {
        name,
        kind,
        schedule,
    }
}

/// The rituals, in the order they were planned.
#[derive(Clone, Debug, Default)]
pub struct RitualBook {
    rituals: Vec<Ritual>,
    index: HashMap<RitualId, usize>,
}

impl RitualBook {
    /// Folds in one event by `author` recorded `at`. A step for a ritual the book does not
    /// hold (planned by someone whose events the viewer may not see) is left out.
    pub fn apply(&mut self, author: PersonId, at: Timestamp, event: &RitualEvent) {
        match &event.change {
            Change::Planned {
                name,
                kind,
                schedule,
            } => {
                if self.index.contains_key(&event.ritual) {
                    return;
                }
                self.index.insert(event.ritual, self.rituals.len());
                self.rituals.push(Ritual {
                    id: event.ritual,
                    name: name.clone(),
                    kind: *kind,
                    schedule: schedule.clone(),
                    planned_by: author,
                    planned_at: at,
                    changed_at: None,
                    ended_at: None,
                });
            }
            Change::Changed {
                name,
                kind,
                schedule,
            } => {
                if let Some(ritual) = self.get_mut(event.ritual).filter(|r| r.is_active()) {
                    ritual.name = name.clone();
                    ritual.kind = *kind;
                    ritual.schedule = schedule.clone();
                    ritual.changed_at = Some(at);
                }
            }
            Change::Ended => {
                if let Some(ritual) = self.get_mut(event.ritual).filter(|r| r.is_active()) {
                    ritual.ended_at = Some(at);
                }
            }
        }
    }

    fn get_mut(&mut self, id: RitualId) -> Option<&mut Ritual> {
        let &i = self.index.get(&id)?;
        self.rituals.get_mut(i)
    }

    pub fn get(&self, id: RitualId) -> Option<&Ritual> {
        self.index.get(&id).and_then(|&i| self.rituals.get(i))
    }

    /// Every ritual, ended ones too, in the order they were planned.
    pub fn all(&self) -> &[Ritual] {
        &self.rituals
    }

    /// The rituals that have not ended.
    pub fn active(&self) -> impl Iterator<Item = &Ritual> {
        self.rituals.iter().filter(|r| r.is_active())
    }

    /// The rituals that have not ended, the one that comes next first; those with no occurrence
    /// left after `now` come last, in the order they were planned.
    pub fn active_by_next(&self, now: Timestamp) -> Vec<&Ritual> {
        let mut active: Vec<&Ritual> = self.active().collect();
        active.sort_by_key(|r| {
            let next = r.next_after(now);
            (next.is_none(), next)
        });
        active
    }

    /// Plans a ritual by `planner` ([`decide_plan`]), unless they have [`MAX_ACTIVE`] planned
    /// and not ended already. The partner's rituals do not count against them.
    pub fn decide_plan(
        &self,
        planner: PersonId,
        name: RitualName,
        kind: RitualKind,
        schedule: Schedule,
    ) -> Result<Change, Refusal> {
        let planned = self.active().filter(|r| r.planned_by == planner).count();
        if planned >= MAX_ACTIVE {
            return Err(Refusal::TooMany { limit: MAX_ACTIVE });
        }
        Ok(decide_plan(name, kind, schedule))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{EventKind, Visibility};
    use crate::id::EventId;
    use crate::ritual::{EveryWeeks, Minutes, StartTime, Weekdays};
    use crate::space::ZoneName;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn schedule(start: &str) -> Schedule {
        Schedule {
            weekdays: Weekdays::parse(["fri"]).unwrap(),
            start: StartTime::parse(start).unwrap(),
            every: EveryWeeks::new(1).unwrap(),
            duration: Minutes::new(90).unwrap(),
            first_date: jiff::civil::date(2026, 11, 20),
            zone: ZoneName::parse("Europe/Warsaw").unwrap(),
        }
    }

    fn name(text: &str) -> RitualName {
        RitualName::parse(text).unwrap()
    }

    /// Writes `change` to the log format and reads it back, as the ledger does.
    fn through_the_log(
        book: &mut RitualBook,
        id: RitualId,
        author: PersonId,
        at: i64,
        change: Change,
    ) {
        let event = RitualEvent { ritual: id, change }.into_event(
            EventId::from_uuid(Uuid::from_u128(at as u128)),
            author,
            Timestamp::from_millis(at),
        );
        assert_eq!(event.visibility, Visibility::Shared);
        assert!(EventKind::new(event.kind.as_str()).is_ok());
        let read = RitualEvent::from_event(&event).expect("a ritual event");
        book.apply(event.author, event.at, &read);
    }

    #[test]
    fn events_are_written_under_the_names_others_read() {
        let id = RitualId::from_uuid(Uuid::from_u128(7));
        let planned = RitualEvent {
            ritual: id,
            change: decide_plan(name("date night"), RitualKind::DateNight, schedule("19:00")),
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            person(1),
            Timestamp::from_millis(0),
        );
        assert_eq!(planned.kind.as_str(), "ritual.planned");
        assert_eq!(planned.payload["ritual"], id.to_string());
        assert_eq!(planned.payload["type"], "planned");
        assert_eq!(planned.payload["name"], "date night");
        assert_eq!(planned.payload["kind"], "date_night");
        assert_eq!(planned.payload["schedule"]["start"], "19:00");
        assert_eq!(Change::Ended.kind(), "ritual.ended");
        let mut damaged = planned.clone();
        damaged.kind = EventKind::new("ritual.ended").unwrap();
        assert_eq!(
            RitualEvent::from_event(&damaged),
            None,
            "kind and payload disagree"
        );
    }

    #[test]
    fn either_partner_changes_and_ends_a_ritual_and_an_ended_one_stays_ended() {
        let id = RitualId::from_uuid(Uuid::from_u128(7));
        let mut book = RitualBook::default();
        let plan = decide_plan(name("date night"), RitualKind::DateNight, schedule("19:00"));
        through_the_log(&mut book, id, person(1), 1, plan);
        let ritual = book.get(id).unwrap().clone();
        assert_eq!(ritual.planned_by, person(1));
        let change = ritual
            .decide_change(name("late date"), RitualKind::DateNight, schedule("21:00"))
            .unwrap();
        through_the_log(&mut book, id, person(2), 2, change);
        assert_eq!(book.get(id).unwrap().schedule.start.to_string(), "21:00");
        assert_eq!(
            book.get(id).unwrap().changed_at,
            Some(Timestamp::from_millis(2))
        );
        let end = book.get(id).unwrap().decide_end().unwrap();
        through_the_log(&mut book, id, person(1), 3, end);
        let ended = book.get(id).unwrap();
        assert_eq!(ended.ended_at, Some(Timestamp::from_millis(3)));
        assert_eq!(ended.decide_end(), Err(Refusal::Ended));
        assert_eq!(
            ended.decide_change(name("x"), RitualKind::Walk, schedule("10:00")),
            Err(Refusal::Ended)
        );
        assert_eq!(ended.next_after(Timestamp::from_millis(0)), None);
        assert_eq!(book.active().count(), 0);
        assert_eq!(book.all().len(), 1);
    }

    #[test]
    fn the_ritual_that_comes_next_is_listed_first_and_ended_ones_not_at_all() {
        let mut book = RitualBook::default();
        let ids = [7, 8, 9].map(|n| RitualId::from_uuid(Uuid::from_u128(n)));
        for (at, (id, start)) in ids.into_iter().zip(["21:00", "08:00", "12:00"]).enumerate() {
            let plan = decide_plan(name("walk"), RitualKind::Walk, schedule(start));
            through_the_log(&mut book, id, person(1), at as i64, plan);
        }
        let end = book.get(ids[2]).unwrap().decide_end().unwrap();
        through_the_log(&mut book, ids[2], person(2), 3, end);
        let order: Vec<RitualId> = book
            .active_by_next(Timestamp::from_millis(4))
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(order, [ids[1], ids[0]]);
    }

    #[test]
    fn an_ended_ritual_has_no_occurrences_after_it_ended() {
        let id = RitualId::from_uuid(Uuid::from_u128(7));
        let mut book = RitualBook::default();
        let plan = decide_plan(name("walk"), RitualKind::Walk, schedule("19:00"));
        through_the_log(&mut book, id, person(1), 0, plan);
        // Ended on 1 December 2026: the Fridays 20 and 27 November remain.
        through_the_log(&mut book, id, person(2), 1_796_083_200_000, Change::Ended);
        let ritual = book.get(id).unwrap();
        let all: Vec<_> = ritual
            .occurrences(Timestamp::from_millis(0), Timestamp::from_millis(i64::MAX))
            .collect();
        assert_eq!(all.len(), 2);
    }

    #[test]
    fn steps_for_a_ritual_the_viewer_never_saw_are_left_out() {
        let mut book = RitualBook::default();
        let id = RitualId::from_uuid(Uuid::from_u128(8));
        through_the_log(&mut book, id, person(1), 1, Change::Ended);
        assert!(book.get(id).is_none());
    }

    #[test]
    fn a_person_plans_at_most_the_cap_and_ending_one_makes_room_while_the_partner_is_unaffected() {
        let mut book = RitualBook::default();
        let plan = |book: &RitualBook, who: u128| {
            book.decide_plan(
                person(who),
                name("walk"),
                RitualKind::Walk,
                schedule("19:00"),
            )
        };
        for n in 0..MAX_ACTIVE {
            let change = plan(&book, 1).expect("room");
            let id = RitualId::from_uuid(Uuid::from_u128(100 + n as u128));
            through_the_log(&mut book, id, person(1), n as i64, change);
        }
        assert_eq!(plan(&book, 1), Err(Refusal::TooMany { limit: MAX_ACTIVE }));
        assert!(
            plan(&book, 2).is_ok(),
            "the partner's rituals are their own"
        );
        let first = RitualId::from_uuid(Uuid::from_u128(100));
        through_the_log(&mut book, first, person(2), 1_000, Change::Ended);
        assert!(plan(&book, 1).is_ok(), "an ended ritual makes room");
    }
}
