//! Every event an export may carry, decoded into the type its own module folds. An event that the
//! module would skip as unreadable is refused here instead: an import that silently loses items
//! is worse than one that says which item is damaged.

use crate::appreciation::AppreciationEvent;
use crate::boundary::BoundaryEvent;
use crate::checkin::CheckinEvent;
use crate::daily::DailyEvent;
use crate::event::{NewEvent, Visibility};
use crate::id::PersonId;
use crate::journal::{JournalEvent, is_journal_kind};
use crate::promise::PromiseEvent;
use crate::record::{CONSENT_KIND, ConsentEvent};
use crate::repair::{ForgivenessEvent, LogEvent, RepairEvent, SafetyEvent};
use crate::ritual::RitualEvent;
use crate::space::{ZONE_KIND, ZoneEvent};

use super::error::Problem;

/// An event's content, as its module reads it.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    Promise(PromiseEvent),
    Boundary(BoundaryEvent),
    Checkin(CheckinEvent),
    Repair(RepairEvent),
    RepairLog(LogEvent),
    Safety(SafetyEvent),
    Forgiveness(ForgivenessEvent),
    Consent(ConsentEvent),
    Daily(DailyEvent),
    Zone(ZoneEvent),
    Appreciation(AppreciationEvent),
    Ritual(RitualEvent),
    Journal(JournalEvent),
}

/// Which family of events a kind belongs to, by its name alone.
fn family(kind: &str) -> Option<&'static str> {
    let prefix = kind.split_once('.').map(|(prefix, _)| prefix)?;
    Some(match prefix {
        "promise" => "promise",
        "boundary" => "boundary",
        "checkin" => "check-in",
        "repair" => "repair",
        "record" => "record",
        "daily" => "daily",
        "space" => "space",
        "appreciation" => "appreciation",
        "ritual" => "ritual",
        "journal" => "journal",
        _ => return None,
    })
}

/// Decodes `event`'s payload by its kind, and checks the visibility its kind must have.
pub(crate) fn decode(event: &NewEvent) -> Result<Payload, Problem> {
    let kind = event.kind.as_str();
    let family = family(kind).ok_or_else(|| Problem::UnknownKind(kind.to_owned()))?;
    let bad = || Problem::BadPayload(kind.to_owned());
    let payload = match family {
        "promise" => Payload::Promise(PromiseEvent::from_event(event).ok_or_else(bad)?),
        "boundary" => Payload::Boundary(BoundaryEvent::from_event(event).ok_or_else(bad)?),
        "check-in" => Payload::Checkin(CheckinEvent::from_event(event).ok_or_else(bad)?),
        "repair" if kind == LogEvent::KIND => {
            Payload::RepairLog(LogEvent::from_event(event).ok_or_else(bad)?)
        }
        "repair" if kind == SafetyEvent::KIND => {
            Payload::Safety(SafetyEvent::from_event(event).ok_or_else(bad)?)
        }
        "repair" if kind == ForgivenessEvent::KIND => {
            Payload::Forgiveness(ForgivenessEvent::from_event(event).ok_or_else(bad)?)
        }
        "repair" => Payload::Repair(RepairEvent::from_event(event).ok_or_else(bad)?),
        "record" if kind == CONSENT_KIND => {
            Payload::Consent(ConsentEvent::from_event(event).ok_or_else(bad)?)
        }
        "daily" => Payload::Daily(DailyEvent::from_event(event).ok_or_else(bad)?),
        "space" if kind == ZONE_KIND => {
            Payload::Zone(ZoneEvent::from_event(event).ok_or_else(bad)?)
        }
        "appreciation" if kind == AppreciationEvent::KIND => {
            Payload::Appreciation(AppreciationEvent::from_event(event).ok_or_else(bad)?)
        }
        "ritual" => Payload::Ritual(RitualEvent::from_event(event).ok_or_else(bad)?),
        "journal" if is_journal_kind(kind) => {
            Payload::Journal(JournalEvent::from_event(event).ok_or_else(bad)?)
        }
        _ => return Err(Problem::UnknownKind(kind.to_owned())),
    };
    if let Some(required) = payload.fixed_visibility()
        && required != event.visibility
    {
        return Err(Problem::WrongVisibility {
            kind: kind.to_owned(),
            visibility: event.visibility.as_str(),
        });
    }
    Ok(payload)
}

impl Payload {
    /// The visibility the app always gives this kind, where it does not vary. A check-in's is
    /// checked by its own decoder; a daily entry may be either.
    fn fixed_visibility(&self) -> Option<Visibility> {
        match self {
            Payload::Promise(_)
            | Payload::Boundary(_)
            | Payload::Repair(_)
            | Payload::Consent(_)
            | Payload::Zone(_)
            | Payload::Appreciation(_)
            | Payload::Ritual(_) => Some(Visibility::Shared),
            Payload::RepairLog(_)
            | Payload::Safety(_)
            | Payload::Forgiveness(_)
            | Payload::Journal(_) => Some(Visibility::Private),
            Payload::Checkin(_) | Payload::Daily(_) => None,
        }
    }

    /// The payload as the app itself writes it: the decoded value written back, so the log holds
    /// nothing the app would not have written (unknown fields are dropped, names spelled as the
    /// app spells them).
    pub fn to_json(&self) -> serde_json::Value {
        let written = match self {
            Payload::Promise(event) => serde_json::to_value(event),
            Payload::Boundary(event) => serde_json::to_value(event),
            Payload::Checkin(event) => serde_json::to_value(event),
            Payload::Repair(event) => serde_json::to_value(event),
            Payload::RepairLog(event) => serde_json::to_value(event),
            Payload::Safety(event) => serde_json::to_value(event),
            Payload::Forgiveness(event) => serde_json::to_value(event),
            Payload::Consent(event) => serde_json::to_value(event),
            Payload::Daily(event) => serde_json::to_value(event),
            Payload::Zone(event) => serde_json::to_value(event),
            Payload::Appreciation(event) => serde_json::to_value(event),
            Payload::Ritual(event) => serde_json::to_value(event),
            Payload::Journal(event) => serde_json::to_value(event),
        };
        // These types were just read from JSON and hold strings, numbers and ids: writing them
        // back cannot fail.
        written.unwrap_or(serde_json::Value::Null)
    }

    /// What the event says about who is who, for finding the exporter's old id
    /// ([`super::people`]).
    pub(crate) fn people(&self) -> PeopleClue {
        use crate::boundary::Change as B;
        use crate::checkin::Change as C;
        use crate::promise::Change as P;
        use crate::repair::Change as R;
        match self {
            Payload::Promise(PromiseEvent {
                change: P::Made { receiver, .. },
                ..
            }) => PeopleClue::NotAuthor(*receiver),
            Payload::Appreciation(event) => PeopleClue::NotAuthor(event.to),
            Payload::Boundary(BoundaryEvent {
                change: B::Proposed { partner, .. },
                ..
            }) => PeopleClue::NotAuthor(*partner),
            Payload::Boundary(BoundaryEvent {
                change: B::Crossed { reported_by, .. },
                ..
            }) => PeopleClue::Author(*reported_by),
            Payload::Checkin(CheckinEvent {
                change: C::Started {
                    partner: Some(partner),
                },
                ..
            }) => PeopleClue::NotAuthor(*partner),
            Payload::Repair(RepairEvent {
                change: R::Opened {
                    hurt, responsible, ..
                },
                ..
            }) => PeopleClue::OneIsThem(*hurt, *responsible),
            _ => PeopleClue::None,
        }
    }
}

/// What one event tells about the people it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PeopleClue {
    None,
    /// The person named is the event's author.
    Author(PersonId),
    /// The person named is the other partner, not the author.
    NotAuthor(PersonId),
    /// Of the two named, one is the exporter and the other is not: a repair plan is between the
    /// two partners of the time, and the export holds only the exporter's and their partner's.
    OneIsThem(PersonId, PersonId),
}
