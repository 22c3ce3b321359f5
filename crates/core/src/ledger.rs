//! A space as one viewer may see it: the fold of its events through the visibility rule, advanced
//! with new events only, so its cost does not grow with history (docs/ARCHITECTURE.md, The event log).
//!
//! The fold depends on the members (who sees what); the edge keeps one per viewer and starts
//! again from the first event when the members change.

use crate::appreciation::{AppreciationBook, AppreciationEvent};
use crate::boundary::{BoundaryBook, BoundaryEvent};
use crate::checkin::{CheckinBook, CheckinEvent};
use crate::coach::Granted;
use crate::daily::{DailyBook, DailyEvent};
use crate::event::RecordedEvent;
use crate::id::PersonId;
use crate::promise::{Outcome, PromiseBook, PromiseEvent};
use crate::record::{Consent, ConsentEvent, Params, RecordBook};
use crate::repair::{
    Accepted, ForgivenessEvent, LogBook, LogEvent, RepairBook, RepairEvent, SafetyAct, SafetyEvent,
    SafetyView, SafetyWatch,
};
use crate::ritual::{RitualBook, RitualEvent};
use crate::space::{Member, SpaceZone, ZoneEvent, is_current_member};
use crate::time::Timestamp;
use crate::visibility::{ItemMeta, Viewer, can_see};

#[derive(Clone, Debug)]
pub struct Ledger {
    viewer: PersonId,
    /// Whom the visibility rule is asked about: the viewer as a person, or as a coach.
    sees: Viewer,
    /// The last sequence number folded in; the next read starts after it.
    seq: u64,
    pub promises: PromiseBook,
    pub consent: Consent,
    pub rituals: RitualBook,
    /// The space's time zone (UTC until a partner sets one).
    pub zone: SpaceZone,
    pub daily: DailyBook,
    pub checkins: CheckinBook,
    pub boundaries: BoundaryBook,
    pub appreciations: AppreciationBook,
    pub repairs: RepairBook,
    /// The viewer's own private log of triggers and feelings.
    pub repair_log: LogBook,
    /// The system view of the safety answers: see `crate::repair::safety`.
    safety: SafetyWatch,
    /// Accepted repair plans: the record's repair bonus, replayed when the record is built.
    repair_accepts: Vec<Accepted>,
    /// The evidence, kept so the record can be built the moment both partners switch it on.
    outcomes: Vec<Outcome>,
    /// Built only while both partners have the record on, and dropped when either switches off.
    record: Option<RecordBook>,
}

impl Ledger {
    pub fn new(viewer: PersonId) -> Self {
        Self::for_viewer(viewer, Viewer::Person(viewer))
    }

    /// The space as a coach may see it: only the shared items of the partners in `granted`
    /// (`crate::coach`). Nothing of the coach's own is in a space, so the parts that are the
    /// viewer's own (the private repair log) stay empty.
    pub fn for_coach(coach: PersonId, granted: Granted) -> Self {
        Self::for_viewer(coach, Viewer::Coach { coach, granted })
    }

    fn for_viewer(viewer: PersonId, sees: Viewer) -> Self {
        Self {
            viewer,
            sees,
            seq: 0,
            promises: PromiseBook::default(),
            consent: Consent::default(),
            rituals: RitualBook::default(),
            zone: SpaceZone::default(),
            daily: DailyBook::default(),
            checkins: CheckinBook::default(),
            boundaries: BoundaryBook::default(),
            appreciations: AppreciationBook::default(),
            repairs: RepairBook::default(),
            repair_log: LogBook::default(),
            safety: SafetyWatch::new(viewer),
            repair_accepts: Vec::new(),
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
            // The one read past the visibility rule: a safety answer gives every viewer's fold
            // one bit about its author, never its content (`crate::repair::safety`).
            if let Some(answer) = SafetyEvent::from_event(event) {
                self.safety.note(event.author, event.at, &answer);
                continue;
            }
            if !can_see(self.sees, &ItemMeta::from(event), members) {
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
                // A ritual is time planned together from now on: one planned by a partner who
                // has left ends with the leaving (it is not history the one who stayed keeps).
                if event.author == self.viewer || is_current_member(members, event.author) {
                    self.rituals.apply(event.author, event.at, &ritual);
                }
            } else if let Some(zone) = ZoneEvent::from_event(event) {
                self.zone.apply(zone);
            } else if let Some(daily) = DailyEvent::from_event(event) {
                self.daily
                    .apply(event.author, event.at, event.visibility, &daily);
            } else if let Some(checkin) = CheckinEvent::from_event(event) {
                self.checkins.apply(event.author, event.at, &checkin);
            } else if let Some(repair) = RepairEvent::from_event(event) {
                if let Some(accepted) = self.repairs.apply(event.author, event.at, &repair) {
                    if let Some(record) = &mut self.record {
                        record.note_repair_accepted(accepted.responsible, accepted.at);
                    }
                    self.repair_accepts.push(accepted);
                }
            } else if let Some(entry) = LogEvent::from_event(event) {
                self.repair_log
                    .apply(self.viewer, event.author, event.at, &entry);
            } else if let Some(note) = ForgivenessEvent::from_event(event) {
                // Private: only its author's fold ever gets here (`crate::repair::forgiveness`).
                if event.author == self.viewer {
                    self.repairs.note_forgiveness(event.author, event.at, &note);
                }
            } else if let Some(boundary) = BoundaryEvent::from_event(event) {
                self.boundaries.apply(event.author, event.at, &boundary);
            } else if let Some(given) = AppreciationEvent::from_event(event) {
                self.appreciations.apply(event.author, event.at, &given);
            }
        }
    }

    /// The safety check as the viewer may see it at `now`: whether they answered, and whether
    /// joint repair steps are paused (the same for both partners, with no cause).
    pub fn safety(&self, members: &[Member], now: Timestamp) -> SafetyView {
        self.safety.view(members, now)
    }

    /// The viewer's safety act as the log will carry it, taking effect when the rule in
    /// `crate::repair::safety` says.
    pub fn decide_safety(&self, act: SafetyAct, members: &[Member], now: Timestamp) -> SafetyEvent {
        self.safety.decide(act, now, &self.zone.get(), members)
    }

    /// The record, when both partners have it on (or had, for a partner who left while the
    /// viewer stayed: see [`Consent::shown_to`]); built from the evidence the first time it is
    /// asked for and advanced afterwards. When either has it off it is not computed, and what was
    /// built is dropped.
    pub fn record(&mut self, members: &[Member], params: &Params) -> Option<&RecordBook> {
        if !self.consent.shown_to(self.viewer, members) {
            self.record = None;
            return None;
        }
        if self.record.as_ref().is_some_and(|r| r.params() != params) {
            self.record = None;
        }
        let outcomes = &self.outcomes;
        let accepts = &self.repair_accepts;
        Some(self.record.get_or_insert_with(|| {
            let mut book = RecordBook::new(*params);
            for accepted in accepts {
                book.note_repair_accepted(accepted.responsible, accepted.at);
            }
            for outcome in outcomes {
                book.apply(outcome);
            }
            book
        }))
    }
}
