//! Reminders: which nudges are due when, derived from the event log and nothing else, so the
//! table that holds them is updated in the same transaction as each append and can be rebuilt
//! from the log at any time (docs/ARCHITECTURE.md, The event log).
//!
//! A reminder row carries no user text: a kind, the ids of the space, the item and the person,
//! the item's author, visibility and time (so the visibility rule can be asked again when it is
//! sent or shown), and times. What the reminder is about is looked up, through the visibility
//! rule, only when it is shown in the app; an email never says (docs/PRINCIPLES.md, Feeds and mail).
//!
//! What a couple gets, and why:
//!
//! - **The promiser**, [`PROMISER_LEAD`] (an hour) before a promise's due time, while it is open
//!   and not marked done: enough time to still keep it, not so early that it is forgotten again.
//!   A promise made less than an hour before it is due gets none — it was just made.
//! - **The receiver**, at the due time, while the promise is not settled: it is their
//!   confirmation that makes it count (docs/PRINCIPLES.md, principle 3), and once it is overdue only they
//!   decide what becomes of it. One reminder, never repeated: no nagging.
//! - **Every current member** who may see a ritual, [`RITUAL_LEAD`] (an hour) before each
//!   occurrence. A ritual's row names no person: the members are read when it is sent, so a
//!   partner who joins later is reminded too and one who left is not.
//!
//! Moving a due time (an extension, an accepted renegotiation) moves the reminders; a settled
//! promise (kept, broken, released, let go) or an ended ritual removes them.
//!
//! The edge applies a change like this: [`item_of`] names the item an event is about, the store
//! reads that item's rows, [`derive`] answers the rows it should have now (or `None` for "leave
//! them"), and the store writes them, all inside the append's transaction.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use thiserror::Error;
use uuid::Uuid;

use crate::event::NewEvent;
use crate::id::{PersonId, SpaceId};
use crate::promise::{Change, PromiseEvent};
use crate::space::is_current_member;
use crate::time::Timestamp;
use crate::visibility::{ItemMeta, can_see};

/// How long before a promise's due time its promiser is reminded.
pub const PROMISER_LEAD: Duration = Duration::from_secs(60 * 60);
/// How long before each occurrence of a ritual its members are reminded.
pub const RITUAL_LEAD: Duration = Duration::from_secs(60 * 60);

/// What a reminder is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReminderKind {
    /// To the promiser, before the due time.
    PromiseDue,
    /// To the receiver, at the due time: time to confirm.
    PromiseConfirm,
    /// To every current member, before each occurrence.
    Ritual,
}

impl ReminderKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ReminderKind::PromiseDue => "promise_due",
            ReminderKind::PromiseConfirm => "promise_confirm",
            ReminderKind::Ritual => "ritual",
        }
    }
}

#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("not a reminder kind")]
pub struct ReminderKindError;

impl FromStr for ReminderKind {
    type Err = ReminderKindError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "promise_due" => Ok(ReminderKind::PromiseDue),
            "promise_confirm" => Ok(ReminderKind::PromiseConfirm),
            "ritual" => Ok(ReminderKind::Ritual),
            _ => Err(ReminderKindError),
        }
    }
}

impl fmt::Display for ReminderKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// New terms the promiser asked for and the receiver has not answered yet: kept so that the
/// acceptance (which carries no terms of its own) can move the reminders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    Due(Timestamp),
    /// The new terms have no due time.
    Undated,
}

impl Pending {
    fn due(self) -> Option<Timestamp> {
        match self {
            Pending::Due(due) => Some(due),
            Pending::Undated => None,
        }
    }
}

impl fmt::Display for Pending {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pending::Due(due) => write!(f, "{}", due.as_millis()),
            Pending::Undated => f.write_str("undated"),
        }
    }
}

#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("not pending terms: a time in milliseconds or \"undated\"")]
pub struct PendingError;

impl FromStr for Pending {
    type Err = PendingError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "undated" {
            return Ok(Pending::Undated);
        }
        s.parse()
            .map(|millis| Pending::Due(Timestamp::from_millis(millis)))
            .map_err(|_| PendingError)
    }
}

/// One row of the reminders table. Keyed by `(space, kind, item, person)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub space: SpaceId,
    pub kind: ReminderKind,
    /// The promise or ritual.
    pub item: Uuid,
    /// Whom it reminds; `None` for every current member who may see the item.
    pub person: Option<PersonId>,
    /// The other party of a promise: a promise's reminders stop when either partner leaves.
    pub partner: Option<PersonId>,
    /// The item's first event, for the visibility rule.
    pub meta: ItemMeta,
    /// The promise's due time or the ritual's next occurrence; `None` for a promise without one.
    pub due: Option<Timestamp>,
    /// When to send it; `None` when there is nothing to send (sent, undated, marked done).
    pub fire_at: Option<Timestamp>,
    pub pending: Option<Pending>,
    /// The promiser marked the promise done: nothing to remind them of unless the receiver says
    /// "not yet".
    pub paused: bool,
    /// A ritual's schedule as its events carry it (no names), to find the next occurrence.
    pub schedule: Option<String>,
}

impl Reminder {
    /// Whether it still has something coming: a time, and not paused.
    pub fn is_active(&self) -> bool {
        self.due.is_some() && !self.paused
    }
}

/// The item (promise or ritual) an event moves reminders of, if any.
pub fn item_of(event: &NewEvent) -> Option<Uuid> {
    if let Some(promise) = PromiseEvent::from_event(event) {
        return Some(*promise.promise.as_uuid());
    }
    ritual::item_of(event)
}

/// The rows the event's item should have after the event, given the rows it has (`current`, of
/// this item and space); `None` when the event changes nothing. `event.at` is "now".
pub fn derive(space: SpaceId, event: &NewEvent, current: &[Reminder]) -> Option<Vec<Reminder>> {
    if let Some(promise) = PromiseEvent::from_event(event) {
        return derive_promise(space, event, &promise, current);
    }
    ritual::derive(space, event, current)
}

/// The time to remind `lead` before `target`, if that is still ahead of `now`.
fn fire(now: Timestamp, target: Option<Timestamp>, lead: Duration) -> Option<Timestamp> {
    let fire_at = target?.saturating_sub(lead);
    (fire_at > now).then_some(fire_at)
}

fn lead_of(kind: ReminderKind) -> Duration {
    match kind {
        ReminderKind::PromiseDue => PROMISER_LEAD,
        ReminderKind::PromiseConfirm => Duration::ZERO,
        ReminderKind::Ritual => RITUAL_LEAD,
    }
}

fn derive_promise(
    space: SpaceId,
    event: &NewEvent,
    promise: &PromiseEvent,
    current: &[Reminder],
) -> Option<Vec<Reminder>> {
    let now = event.at;
    let promiser = current
        .iter()
        .find(|r| r.kind == ReminderKind::PromiseDue)
        .and_then(|r| r.person);
    let receiver = current
        .iter()
        .find(|r| r.kind == ReminderKind::PromiseConfirm)
        .and_then(|r| r.person);
    let by_promiser = promiser == Some(event.author);
    let by_receiver = receiver == Some(event.author);
    let mut rows = current.to_vec();
    match &promise.change {
        Change::Made {
            receiver, terms, ..
        } => {
            if !current.is_empty() {
                return None;
            }
            let meta = ItemMeta::from(event);
            let row = |kind, person, partner| {
                let mut row = Reminder {
                    space,
                    kind,
                    item: *promise.promise.as_uuid(),
                    person: Some(person),
                    partner: Some(partner),
                    meta,
                    due: terms.due,
                    fire_at: None,
                    pending: None,
                    paused: false,
                    schedule: None,
                };
                rearm(&mut row, now);
                row
            };
            return Some(vec![
                row(ReminderKind::PromiseDue, event.author, *receiver),
                row(ReminderKind::PromiseConfirm, *receiver, event.author),
            ]);
        }
        Change::Done { .. } if by_promiser => {
            for row in rows
                .iter_mut()
                .filter(|r| r.kind == ReminderKind::PromiseDue)
            {
                row.paused = true;
                row.fire_at = None;
            }
        }
        Change::NotYet if by_receiver => {
            for row in rows
                .iter_mut()
                .filter(|r| r.kind == ReminderKind::PromiseDue)
            {
                row.paused = false;
                rearm(row, now);
            }
        }
        Change::RenegotiationAsked { terms, .. } if by_promiser => {
            let pending = terms.due.map_or(Pending::Undated, Pending::Due);
            for row in &mut rows {
                row.pending = Some(pending);
            }
        }
        Change::RenegotiationAccepted if by_receiver => {
            for row in &mut rows {
                if let Some(pending) = row.pending.take() {
                    row.due = pending.due();
                    rearm(row, now);
                }
            }
        }
        Change::RenegotiationDeclined if by_receiver => {
            for row in &mut rows {
                row.pending = None;
            }
        }
        Change::Extended { due } if by_receiver => {
            for row in &mut rows {
                row.due = Some(*due);
                rearm(row, now);
            }
        }
        Change::Kept { .. } | Change::Broken { .. } | Change::LetGo | Change::Released
            if by_receiver =>
        {
            rows.clear();
        }
        _ => return None,
    }
    (rows != current).then_some(rows)
}

/// Sets when to send from the due time, as of `now`; a paused row sends nothing.
fn rearm(row: &mut Reminder, now: Timestamp) {
    row.fire_at = if row.paused {
        None
    } else {
        fire(now, row.due, lead_of(row.kind))
    };
}

/// The row after its reminder went out at `now`: a promise's is done with; a ritual's moves to
/// the occurrence after the one just reminded of (or, after a long outage, the first one still
/// far enough ahead), so a backlog is never sent.
pub fn after_sent(reminder: &Reminder, now: Timestamp) -> Reminder {
    let mut next = reminder.clone();
    next.fire_at = None;
    if reminder.kind == ReminderKind::Ritual {
        let from = reminder
            .due
            .unwrap_or(now)
            .max(now.saturating_add(RITUAL_LEAD));
        next.due = reminder
            .schedule
            .as_deref()
            .and_then(|schedule| ritual::next_after(schedule, from));
        rearm(&mut next, now);
    }
    next
}

/// Who is reminded, of the space's members now: the row's person, or every current member,
/// each only if they may see the item (the visibility rule) and, for a promise, only while both
/// partners are still in the space.
pub fn recipients(reminder: &Reminder, members: &[crate::space::Member]) -> Vec<PersonId> {
    let may = |person: PersonId| {
        is_current_member(members, person)
            && reminder
                .partner
                .is_none_or(|partner| is_current_member(members, partner))
            && can_see(person, &reminder.meta, members)
    };
    match reminder.person {
        Some(person) => may(person).then_some(person).into_iter().collect(),
        None => crate::space::current(members)
            .map(|member| member.person)
            .filter(|&person| may(person))
            .collect(),
    }
}

/// All reminders of a set of spaces, built by folding their events: what a rebuild from the log
/// writes. Incremental updates go through the same [`derive`], so both agree.
#[derive(Clone, Debug, Default)]
pub struct ReminderTable {
    items: BTreeMap<(SpaceId, Uuid), Vec<Reminder>>,
}

impl ReminderTable {
    pub fn apply(&mut self, space: SpaceId, event: &NewEvent) {
        let Some(item) = item_of(event) else {
            return;
        };
        let current = self
            .items
            .get(&(space, item))
            .map_or(&[][..], Vec::as_slice);
        if let Some(rows) = derive(space, event, current) {
            if rows.is_empty() {
                self.items.remove(&(space, item));
            } else {
                self.items.insert((space, item), rows);
            }
        }
    }

    /// Forgets what was already due at `now`: a rebuild cannot know what was sent, and sending
    /// old reminders again would be worse than missing one. Rituals move on to their next
    /// occurrence.
    pub fn settle(&mut self, now: Timestamp) {
        for row in self.items.values_mut().flatten() {
            if row.fire_at.is_some_and(|fire_at| fire_at <= now) {
                *row = after_sent(row, now);
            }
        }
    }

    pub fn into_rows(self) -> impl Iterator<Item = Reminder> {
        self.items.into_values().flatten()
    }
}

/// The ritual side: `ritual.planned` starts one row for every member, `ritual.changed` moves it
/// to the new schedule's next occurrence, `ritual.ended` removes it. The row keeps the schedule
/// (times and days only, no name) to find the occurrence after each one reminded of.
mod ritual {
    use uuid::Uuid;

    use super::{RITUAL_LEAD, Reminder, ReminderKind, rearm};
    use crate::event::NewEvent;
    use crate::id::SpaceId;
    use crate::ritual::{Change, RitualEvent, Schedule};
    use crate::time::Timestamp;
    use crate::visibility::ItemMeta;

    pub(super) fn item_of(event: &NewEvent) -> Option<Uuid> {
        RitualEvent::from_event(event).map(|ritual| *ritual.ritual.as_uuid())
    }

    pub(super) fn derive(
        space: SpaceId,
        event: &NewEvent,
        current: &[Reminder],
    ) -> Option<Vec<Reminder>> {
        let ritual = RitualEvent::from_event(event)?;
        let item = *ritual.ritual.as_uuid();
        match &ritual.change {
            Change::Planned { schedule, .. } => {
                if !current.is_empty() {
                    return None;
                }
                let meta = ItemMeta::from(event);
                Some(vec![row(space, item, meta, schedule, event.at)])
            }
            Change::Changed { schedule, .. } => {
                // The meta stays the plan's: whom it was shared with is decided when it was made.
                let meta = current.first()?.meta;
                let rows = vec![row(space, item, meta, schedule, event.at)];
                (rows != current).then_some(rows)
            }
            Change::Ended => (!current.is_empty()).then(Vec::new),
        }
    }

    fn row(
        space: SpaceId,
        item: Uuid,
        meta: ItemMeta,
        schedule: &Schedule,
        now: Timestamp,
    ) -> Reminder {
        let mut row = Reminder {
            space,
            kind: ReminderKind::Ritual,
            item,
            person: None,
            partner: None,
            meta,
            // The first occurrence still far enough ahead to be reminded of.
            due: schedule.next_after(now.saturating_add(RITUAL_LEAD)),
            fire_at: None,
            pending: None,
            paused: false,
            schedule: serde_json::to_string(schedule).ok(),
        };
        rearm(&mut row, now);
        row
    }

    pub(super) fn next_after(schedule: &str, after: Timestamp) -> Option<Timestamp> {
        serde_json::from_str::<Schedule>(schedule)
            .ok()?
            .next_after(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Visibility;
    use crate::id::{EventId, PromiseId};
    use crate::promise::{PromiseText, Reason, Severity, Stakes, Terms};
    use crate::space::Member;

    const HOUR: i64 = 60 * 60 * 1000;
    const T0: i64 = 1_790_000_000_000;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn space() -> SpaceId {
        SpaceId::from_uuid(Uuid::from_u128(100))
    }

    fn promise_id() -> PromiseId {
        PromiseId::from_uuid(Uuid::from_u128(7))
    }

    const A: u128 = 1;
    const B: u128 = 2;

    fn at(hours: i64) -> Timestamp {
        Timestamp::from_millis(T0 + hours * HOUR)
    }

    fn terms(due: Option<i64>) -> Terms {
        Terms {
            text: PromiseText::parse("call if late").unwrap(),
            stakes: Stakes::new(2).unwrap(),
            due: due.map(at),
        }
    }

    fn event(by: u128, hours: i64, change: Change) -> NewEvent {
        PromiseEvent {
            promise: promise_id(),
            change,
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(1000 + hours as u128)),
            person(by),
            at(hours),
        )
    }

    fn made(due: Option<i64>) -> NewEvent {
        event(
            A,
            0,
            Change::Made {
                receiver: person(B),
                terms: terms(due),
                domain: None,
                made_at: None,
            },
        )
    }

    /// Folds the events the way the store does, one append at a time.
    fn fold(events: &[NewEvent]) -> Vec<Reminder> {
        let mut table = ReminderTable::default();
        for event in events {
            table.apply(space(), event);
        }
        table.into_rows().collect()
    }

    fn fires(rows: &[Reminder]) -> Vec<(ReminderKind, Option<Timestamp>)> {
        let mut fires: Vec<_> = rows.iter().map(|r| (r.kind, r.fire_at)).collect();
        fires.sort();
        fires
    }

    #[test]
    fn a_promise_with_a_due_time_reminds_the_promiser_an_hour_before_and_the_receiver_at_it() {
        let rows = fold(&[made(Some(48))]);
        assert_eq!(
            fires(&rows),
            [
                (ReminderKind::PromiseDue, Some(at(47))),
                (ReminderKind::PromiseConfirm, Some(at(48))),
            ]
        );
        let due = rows
            .iter()
            .find(|r| r.kind == ReminderKind::PromiseDue)
            .unwrap();
        assert_eq!(
            (due.person, due.partner),
            (Some(person(A)), Some(person(B)))
        );
        assert_eq!(due.meta.visibility, Visibility::Shared);
    }

    #[test]
    fn a_promise_due_within_the_hour_does_not_remind_its_promiser_who_just_made_it() {
        let mut soon = made(None);
        soon.payload["due"] = serde_json::json!(at(0).as_millis() + HOUR / 2);
        assert_eq!(
            fires(&fold(&[soon])),
            [
                (ReminderKind::PromiseDue, None),
                (
                    ReminderKind::PromiseConfirm,
                    Some(Timestamp::from_millis(T0 + HOUR / 2))
                ),
            ]
        );
    }

    #[test]
    fn a_promise_without_a_due_time_reminds_nobody_until_it_gets_one() {
        let rows = fold(&[made(None)]);
        assert!(rows.iter().all(|r| r.fire_at.is_none() && !r.is_active()));
        let rows = fold(&[
            made(None),
            event(
                A,
                1,
                Change::RenegotiationAsked {
                    terms: terms(Some(10)),
                    reason: Reason::parse("let us set a day").unwrap(),
                },
            ),
        ]);
        assert!(rows.iter().all(|r| r.fire_at.is_none()), "not yet accepted");
        let rows = fold(&[
            made(None),
            event(
                A,
                1,
                Change::RenegotiationAsked {
                    terms: terms(Some(10)),
                    reason: Reason::parse("let us set a day").unwrap(),
                },
            ),
            event(B, 2, Change::RenegotiationAccepted),
        ]);
        assert_eq!(
            fires(&rows),
            [
                (ReminderKind::PromiseDue, Some(at(9))),
                (ReminderKind::PromiseConfirm, Some(at(10))),
            ]
        );
    }

    #[test]
    fn a_declined_renegotiation_leaves_the_reminders_where_they_were() {
        let asked = event(
            A,
            1,
            Change::RenegotiationAsked {
                terms: terms(Some(100)),
                reason: Reason::parse("busy week").unwrap(),
            },
        );
        let rows = fold(&[
            made(Some(48)),
            asked,
            event(B, 2, Change::RenegotiationDeclined),
        ]);
        assert_eq!(rows, fold(&[made(Some(48))]));
    }

    #[test]
    fn an_extension_moves_both_reminders() {
        let rows = fold(&[made(Some(2)), event(B, 3, Change::Extended { due: at(30) })]);
        assert_eq!(
            fires(&rows),
            [
                (ReminderKind::PromiseDue, Some(at(29))),
                (ReminderKind::PromiseConfirm, Some(at(30))),
            ]
        );
    }

    #[test]
    fn marking_done_silences_the_promiser_and_not_yet_brings_it_back() {
        let done = fold(&[made(Some(48)), event(A, 1, Change::Done { when: None })]);
        assert_eq!(
            fires(&done),
            [
                (ReminderKind::PromiseDue, None),
                (ReminderKind::PromiseConfirm, Some(at(48))),
            ]
        );
        let again = fold(&[
            made(Some(48)),
            event(A, 1, Change::Done { when: None }),
            event(B, 2, Change::NotYet),
        ]);
        assert_eq!(again, fold(&[made(Some(48))]));
    }

    #[test]
    fn a_settled_promise_has_no_reminders_left() {
        let settled = [
            Change::Kept {
                stakes: Stakes::new(2).unwrap(),
                when: None,
            },
            Change::Broken {
                severity: Severity::new(1).unwrap(),
                deception: false,
                when: None,
            },
            Change::Released,
            Change::LetGo,
        ];
        for change in settled {
            assert!(fold(&[made(Some(48)), event(B, 49, change.clone())]).is_empty());
        }
    }

    #[test]
    fn steps_by_the_wrong_partner_change_nothing() {
        let rows = fold(&[made(Some(48)), event(A, 1, Change::Released)]);
        assert_eq!(rows, fold(&[made(Some(48))]));
        let rows = fold(&[made(Some(48)), event(B, 1, Change::Done { when: None })]);
        assert_eq!(rows, fold(&[made(Some(48))]));
    }

    #[test]
    fn other_events_are_about_no_reminder() {
        let mut note = made(Some(1));
        note.kind = crate::event::EventKind::new("note.written").unwrap();
        assert_eq!(item_of(&note), None);
        assert_eq!(derive(space(), &note, &[]), None);
    }

    #[test]
    fn a_sent_promise_reminder_is_not_sent_again() {
        let rows = fold(&[made(Some(48))]);
        for row in &rows {
            let sent = after_sent(row, at(48));
            assert_eq!(sent.fire_at, None);
            assert_eq!(sent.due, row.due);
        }
    }

    #[test]
    fn a_rebuild_forgets_reminders_already_due() {
        let mut table = ReminderTable::default();
        table.apply(space(), &made(Some(48)));
        table.settle(at(47));
        assert_eq!(
            fires(&table.into_rows().collect::<Vec<_>>()),
            [
                (ReminderKind::PromiseDue, None),
                (ReminderKind::PromiseConfirm, Some(at(48))),
            ]
        );
    }

    fn member(n: u128, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: Timestamp::from_millis(0),
            left: left.map(Timestamp::from_millis),
        }
    }

    #[test]
    fn a_promise_reminder_goes_only_to_its_person_and_only_while_both_are_in_the_space() {
        let rows = fold(&[made(Some(48))]);
        let paired = [member(A, None), member(B, None)];
        let to = |kind, members: &[Member]| {
            let row = rows.iter().find(|r| r.kind == kind).unwrap();
            recipients(row, members)
        };
        assert_eq!(to(ReminderKind::PromiseDue, &paired), [person(A)]);
        assert_eq!(to(ReminderKind::PromiseConfirm, &paired), [person(B)]);
        let b_left = [member(A, None), member(B, Some(T0 + HOUR))];
        assert!(to(ReminderKind::PromiseDue, &b_left).is_empty());
        assert!(to(ReminderKind::PromiseConfirm, &b_left).is_empty());
    }

    #[test]
    fn an_everyone_row_reaches_the_current_members_who_may_see_it() {
        let mut row = fold(&[made(Some(48))]).remove(0);
        row.kind = ReminderKind::Ritual;
        row.person = None;
        row.partner = None;
        let paired = [member(A, None), member(B, None)];
        assert_eq!(recipients(&row, &paired), [person(A), person(B)]);
        row.meta.visibility = Visibility::Private;
        assert_eq!(recipients(&row, &paired), [person(A)]);
    }

    fn daily_at_seven_pm() -> crate::ritual::Schedule {
        serde_json::from_value(serde_json::json!({
            "weekdays": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "start": "19:00",
            "every_weeks": 1,
            "duration_minutes": 30,
            "first_date": "2026-01-01",
            "zone": "UTC",
        }))
        .unwrap()
    }

    fn ritual_event(hours: i64, change: crate::ritual::Change) -> NewEvent {
        crate::ritual::RitualEvent {
            ritual: crate::ritual::RitualId::from_uuid(Uuid::from_u128(9)),
            change,
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(2000 + hours as u128)),
            person(A),
            at(hours),
        )
    }

    fn name() -> crate::ritual::RitualName {
        crate::ritual::RitualName::parse("evening walk").unwrap()
    }

    #[test]
    fn a_ritual_reminds_everyone_an_hour_before_each_occurrence_and_moves_on_when_sent() {
        use crate::ritual::{Change as Ritual, RitualKind};
        let planned = ritual_event(
            0,
            Ritual::Planned {
                name: name(),
                kind: RitualKind::default(),
                schedule: daily_at_seven_pm(),
            },
        );
        let rows = fold(std::slice::from_ref(&planned));
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(
            (row.kind, row.person, row.partner),
            (ReminderKind::Ritual, None, None)
        );
        let due = row.due.unwrap();
        assert!(due > at(1), "the first occurrence still an hour away");
        assert_eq!(due.as_millis() % (24 * HOUR), 19 * HOUR, "19:00 UTC");
        assert_eq!(row.fire_at, Some(due.saturating_sub(RITUAL_LEAD)));
        assert!(
            !row.schedule.as_deref().unwrap().contains("walk"),
            "no name"
        );

        let sent = after_sent(row, row.fire_at.unwrap());
        assert_eq!(
            sent.due,
            Some(Timestamp::from_millis(due.as_millis() + 24 * HOUR))
        );
        assert_eq!(
            sent.fire_at,
            Some(Timestamp::from_millis(due.as_millis() + 23 * HOUR))
        );
        // After a long outage, the backlog is skipped.
        let late = after_sent(row, Timestamp::from_millis(due.as_millis() + 72 * HOUR));
        assert!(late.due.unwrap().as_millis() > due.as_millis() + 73 * HOUR);

        let ended = fold(&[planned.clone(), ritual_event(2, Ritual::Ended)]);
        assert!(ended.is_empty());
        let mut weekly = daily_at_seven_pm();
        weekly.weekdays = crate::ritual::Weekdays::parse(["fri"]).unwrap();
        let changed = fold(&[
            planned,
            ritual_event(
                2,
                Ritual::Changed {
                    name: name(),
                    kind: RitualKind::default(),
                    schedule: weekly,
                },
            ),
        ]);
        assert_eq!(changed.len(), 1);
        assert!(changed[0].due.unwrap() >= due);
    }

    #[test]
    fn pending_terms_round_trip_through_text() {
        for pending in [Pending::Undated, Pending::Due(at(5))] {
            assert_eq!(pending.to_string().parse(), Ok(pending));
        }
        for kind in [
            ReminderKind::PromiseDue,
            ReminderKind::PromiseConfirm,
            ReminderKind::Ritual,
        ] {
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
    }
}
