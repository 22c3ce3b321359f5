//! The space's time zone: where the couple's rituals are scheduled and its days begin and end.
//! Either partner sets it; until someone does it is UTC. Each person still reads times in their
//! own zone — this one decides what "19:00 every Friday" and "today" mean for the space.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{EventId, PersonId};
use crate::time::Timestamp;

/// The event kind the space's time zone is set with.
pub const ZONE_KIND: &str = "space.time_zone_set";

/// An IANA time zone name jiff knows ("Europe/Warsaw", "UTC"), with the zone it names.
#[derive(Clone)]
pub struct ZoneName {
    name: String,
    zone: jiff::tz::TimeZone,
}

#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[error("not a time zone we know: use a name such as Europe/Warsaw")]
pub struct ZoneError;

impl ZoneName {
    /// Longer than any name in the time zone database.
    const MAX_LEN: usize = 64;

    /// A zone from its IANA name, matched without regard to case and written as the database
    /// spells it.
    pub fn parse(input: &str) -> Result<Self, ZoneError> {
        let name = input.trim();
        let plausible = !name.is_empty()
            && name.len() <= Self::MAX_LEN
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b));
        if !plausible {
            return Err(ZoneError);
        }
        let zone = jiff::tz::TimeZone::get(name).map_err(|_| ZoneError)?;
        let name = zone.iana_name().unwrap_or(name).to_owned();
        Ok(Self { name, zone })
    }

    pub fn utc() -> Self {
        Self {
            name: "UTC".to_owned(),
            zone: jiff::tz::TimeZone::UTC,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.name
    }

    pub fn zone(&self) -> &jiff::tz::TimeZone {
        &self.zone
    }

    /// The local calendar day an instant falls on in this zone; `None` only for instants
    /// outside the years -9999..=9999.
    pub fn day_of(&self, at: Timestamp) -> Option<jiff::civil::Date> {
        let instant = jiff::Timestamp::from_millisecond(at.as_millis()).ok()?;
        Some(self.zone.to_datetime(instant).date())
    }
}

impl PartialEq for ZoneName {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for ZoneName {}

impl fmt::Debug for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ZoneName({})", self.name)
    }
}

impl fmt::Display for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl Default for ZoneName {
    fn default() -> Self {
        Self::utc()
    }
}

impl TryFrom<String> for ZoneName {
    type Error = ZoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ZoneName> for String {
    fn from(value: ZoneName) -> Self {
        value.name
    }
}

impl Serialize for ZoneName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.name)
    }
}

impl<'de> Deserialize<'de> for ZoneName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Self::parse(&name).map_err(serde::de::Error::custom)
    }
}

/// A partner setting the space's time zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneEvent {
    pub zone: ZoneName,
}

impl ZoneEvent {
    /// Shared: the zone is the couple's, and both read their schedules by it.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(ZONE_KIND),
            visibility: Visibility::Shared,
            payload: serde_json::json!({ "zone": self.zone.as_str() }),
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if event.kind.as_str() != ZONE_KIND {
            return None;
        }
        serde_json::from_value(event.payload.clone()).ok()
    }
}

/// The space's zone as the events a viewer may see set it: the latest wins; UTC until one is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpaceZone {
    set: Option<ZoneName>,
}

impl SpaceZone {
    pub fn apply(&mut self, event: ZoneEvent) {
        self.set = Some(event.zone);
    }

    /// The zone, UTC until a partner sets one.
    pub fn get(&self) -> ZoneName {
        self.set.clone().unwrap_or_default()
    }

    /// Whether a partner has set one.
    pub fn is_set(&self) -> bool {
        self.set.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn known_names_are_accepted_in_their_database_spelling() {
        assert_eq!(
            ZoneName::parse(" europe/warsaw ").unwrap().as_str(),
            "Europe/Warsaw"
        );
        assert_eq!(ZoneName::parse("UTC").unwrap(), ZoneName::utc());
        for bad in [
            "",
            "Mars/Olympus",
            "Europe/../etc",
            "+01:00",
            &"A".repeat(80),
        ] {
            assert_eq!(ZoneName::parse(bad), Err(ZoneError), "{bad:?}");
        }
    }

    #[test]
    fn the_zone_round_trips_through_the_log_and_the_latest_wins() {
        let event = ZoneEvent {
            zone: ZoneName::parse("America/New_York").unwrap(),
        };
        let written = event.clone().into_event(
            EventId::from_uuid(Uuid::from_u128(1)),
            PersonId::from_uuid(Uuid::from_u128(2)),
            Timestamp::from_millis(0),
        );
        assert!(EventKind::new(ZONE_KIND).is_ok());
        assert_eq!(written.visibility, Visibility::Shared);
        assert_eq!(ZoneEvent::from_event(&written), Some(event.clone()));
        let mut zone = SpaceZone::default();
        assert_eq!(zone.get(), ZoneName::utc());
        assert!(!zone.is_set());
        zone.apply(event);
        assert_eq!(zone.get().as_str(), "America/New_York");
    }

    #[test]
    fn a_day_begins_at_local_midnight() {
        let warsaw = ZoneName::parse("Europe/Warsaw").unwrap();
        // 2026-11-28T23:30:00Z is already the 29th in Warsaw.
        let at = Timestamp::from_millis(1_795_908_600_000);
        assert_eq!(warsaw.day_of(at), Some(jiff::civil::date(2026, 11, 29)));
        assert_eq!(
            ZoneName::utc().day_of(at),
            Some(jiff::civil::date(2026, 11, 28))
        );
    }
}
