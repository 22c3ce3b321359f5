//! Whether the reliability record is on: both partners must switch it on before it is computed or
//! shown, and either switches it off alone, effective on the next request.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
use crate::space::{Counterpart, Member, counterpart, current};
use crate::time::Timestamp;

/// The event kind a consent switch is recorded as.
pub const CONSENT_KIND: &str = "record.consent";

/// A partner switching their consent on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentEvent {
    pub on: bool,
}

impl ConsentEvent {
    /// Shared: each partner can see whether the other has switched the record on, and so why it
    /// is not shown.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(CONSENT_KIND),
            visibility: Visibility::Shared,
            payload: serde_json::json!({ "on": self.on }),
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if event.kind.as_str() != CONSENT_KIND {
            return None;
        }
        serde_json::from_value(event.payload.clone()).ok()
    }
}

/// Each person's latest switch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consent {
    latest: BTreeMap<PersonId, (bool, Timestamp)>,
}

impl Consent {
    pub fn apply(&mut self, author: PersonId, at: Timestamp, event: ConsentEvent) {
        self.latest.insert(author, (event.on, at));
    }

    /// Whether `person` has it on now. A switch from an earlier stay in the space does not
    /// carry over: someone who leaves and comes back decides again.
    pub fn is_on(&self, person: PersonId, members: &[Member]) -> bool {
        let Some(stay) = current(members).find(|m| m.person == person) else {
            return false;
        };
        self.latest
            .get(&person)
            .is_some_and(|&(on, at)| on && at >= stay.joined)
    }

    /// Whether the record is shown to `viewer`: both current partners have it on, or — alone
    /// since a partner left — the viewer has it on and the partner had it on when they left. The
    /// record of a former partner's promises stays with the one who stayed, as it was.
    pub fn shown_to(&self, viewer: PersonId, members: &[Member]) -> bool {
        match counterpart(members, viewer) {
            Some(Counterpart::Former(former)) => {
                self.is_on(viewer, members) && self.was_on_when_leaving(former, members)
            }
            _ => self.both_on(members),
        }
    }

    /// Whether `person`, who left, had the record on at the end of their last stay (a switch in
    /// the leaving's own millisecond counts as before it, as items do).
    pub fn was_on_when_leaving(&self, person: PersonId, members: &[Member]) -> bool {
        let Some(stay) = members
            .iter()
            .filter(|m| m.person == person && m.left.is_some())
            .max_by_key(|m| m.left)
        else {
            return false;
        };
        self.latest
            .get(&person)
            .is_some_and(|&(on, at)| on && at >= stay.joined && stay.left.is_some_and(|l| at <= l))
    }

    /// Both current partners have it on (a person alone has no record).
    pub fn both_on(&self, members: &[Member]) -> bool {
        let mut count = 0;
        for member in current(members) {
            if !self.is_on(member.person, members) {
                return false;
            }
            count += 1;
        }
        count == 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn member(n: u128, joined: i64, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: Timestamp::from_millis(joined),
            left: left.map(Timestamp::from_millis),
        }
    }

    fn switch(consent: &mut Consent, who: u128, at: i64, on: bool) {
        consent.apply(person(who), Timestamp::from_millis(at), ConsentEvent { on });
    }

    #[test]
    fn the_record_is_on_only_when_both_switched_it_on() {
        let members = [member(1, 0, None), member(2, 0, None)];
        let mut consent = Consent::default();
        assert!(!consent.both_on(&members));
        switch(&mut consent, 1, 1, true);
        assert!(!consent.both_on(&members));
        switch(&mut consent, 2, 2, true);
        assert!(consent.both_on(&members));
        // Either switches it off alone.
        switch(&mut consent, 2, 3, false);
        assert!(!consent.both_on(&members));
        assert!(consent.is_on(person(1), &members));
    }

    #[test]
    fn one_person_alone_has_no_record() {
        let mut consent = Consent::default();
        switch(&mut consent, 1, 1, true);
        assert!(!consent.both_on(&[member(1, 0, None)]));
    }

    #[test]
    fn consent_from_an_earlier_stay_does_not_carry_over() {
        let members = [
            member(1, 0, None),
            member(2, 0, Some(5)),
            member(2, 9, None),
        ];
        let mut consent = Consent::default();
        switch(&mut consent, 1, 1, true);
        switch(&mut consent, 2, 2, true);
        assert!(!consent.both_on(&members));
        switch(&mut consent, 2, 9, true);
        assert!(consent.both_on(&members));
    }

    #[test]
    fn consent_events_round_trip() {
        let event = ConsentEvent { on: true }.into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            person(1),
            Timestamp::from_millis(0),
        );
        assert!(EventKind::new(CONSENT_KIND).is_ok());
        assert_eq!(
            ConsentEvent::from_event(&event),
            Some(ConsentEvent { on: true })
        );
    }
}
