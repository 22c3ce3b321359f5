//! A space as one viewer may see it: the fold of its events through the visibility rule, advanced
//! with new events only, so its cost does not grow with history (DESIGN, Event log).
//!
//! The fold depends on the members (who sees what); the edge keeps one per viewer and starts
//! again from the first event when the members change.

use crate::checkin::{CheckinBook, CheckinEvent};
use crate::daily::{DailyBook, DailyEvent};
use crate::event::RecordedEvent;
use crate::id::PersonId;
use crate::promise::{Outcome, PromiseBook, PromiseEvent};
use crate::record::{Consent, ConsentEvent, Params, RecordBook};
use crate::ritual::{RitualBook, RitualEvent};
use crate::space::{Member, SpaceZone, ZoneEvent};
use crate::visibility::{ItemMeta, can_see};

#[derive(Clone, Debug)]
pub struct Ledger {
    viewer: PersonId,
    /// The last sequence number folded in; the next read starts after it.
    seq: u64,
    pub promises: PromiseBook,
    pub consent: Consent,
    pub rituals: RitualBook,
    /// The space's time zone (UTC until a partner sets one).
    pub zone: SpaceZone,
    pub daily: DailyBook,
    pub checkins: CheckinBook,
    /// The evidence, kept so the record can be built the moment both partners switch it on.
    outcomes: Vec<Outcome>,
    /// Built only while both partners have the record on, and dropped when either switches off.
    record: Option<RecordBook>,
}

impl Ledger {
    pub fn new(viewer: PersonId) -> Self {
        Self {
            viewer,
            seq: 0,
            promises: PromiseBook::default(),
            consent: Consent::default(),
            rituals: RitualBook::default(),
            zone: SpaceZone::default(),
            daily: DailyBook::default(),
            checkins: CheckinBook::default(),
            outcomes: Vec::new(),
            record: None,
        }
    }

    pub fn viewer(&self) -> PersonId {
        self.viewer
    }

    /// The sequence number of the last event folded in.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// Notes that the stream's head is at `seq` although no events up to it are left to read
    /// (the last ones were erased): the next append expects `seq`.
    pub fn skip_to(&mut self, seq: u64) {
        self.seq = self.seq.max(seq);
    }

    /// Folds in the space's events after [`Ledger::seq`], skipping those the viewer may not see.
    pub fn advance<'a>(
        &mut self,
        events: impl IntoIterator<Item = &'a RecordedEvent>,
        members: &[Member],
    ) {
        for recorded in events {
            if recorded.seq <= self.seq {
                continue;
            }
            self.seq = recorded.seq;
            let event = &recorded.event;
            if !can_see(self.viewer, &ItemMeta::from(event), members) {
                continue;
            }
            if let Some(promise_event) = PromiseEvent::from_event(event) {
                if let Some(outcome) = self.promises.apply(event.author, event.at, &promise_event) {
                    if let Some(record) = &mut self.record {
                        record.apply(&outcome);
                    }
                    self.outcomes.push(outcome);
                }
            } else if let Some(consent) = ConsentEvent::from_event(event) {
                self.consent.apply(event.author, event.at, consent);
            } else if let Some(ritual) = RitualEvent::from_event(event) {
                self.rituals.apply(event.author, event.at, &ritual);
            } else if let Some(zone) = ZoneEvent::from_event(event) {
                self.zone.apply(zone);
            } else if let Some(daily) = DailyEvent::from_event(event) {
                self.daily
                    .apply(event.author, event.at, event.visibility, &daily);
            } else if let Some(checkin) = CheckinEvent::from_event(event) {
                self.checkins.apply(event.author, event.at, &checkin);
            }
        }
    }

    /// The record, when both partners have it on; built from the evidence the first time it is
    /// asked for and advanced afterwards. When either has it off it is not computed, and what was
    /// built is dropped.
    pub fn record(&mut self, members: &[Member], params: &Params) -> Option<&RecordBook> {
        if !self.consent.both_on(members) {
            self.record = None;
            return None;
        }
        if self.record.as_ref().is_some_and(|r| r.params() != params) {
            self.record = None;
        }
        let outcomes = &self.outcomes;
        Some(self.record.get_or_insert_with(|| {
            let mut book = RecordBook::new(*params);
            for outcome in outcomes {
                book.apply(outcome);
            }
            book
        }))
    }
}
