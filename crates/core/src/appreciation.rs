//! Appreciations: a short thank-you or noticing from one partner to the other (docs/PRINCIPLES.md, The
//! domain: Appreciation), and what they feed — the balance of positive and negative moments and
//! the moments of progress worth celebrating ([`balance`]).
//!
//! An appreciation is shared (`appreciation.given`). The weekly check-in's appreciations and the
//! daily ritual's count as positive moments too; they are read from their own books.

pub mod balance;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::event::{EventKind, NewEvent, Visibility};
use crate::id::{AppreciationId, EventId, PersonId};
use crate::text::{self, TextError, TextRule, text_impls};
use crate::time::Timestamp;

pub use balance::{
    Balance, BalanceParams, Celebration, Moment, MomentKind, balance, celebrations, moments,
};

/// What one partner noticed or thanks the other for: 1–280 characters.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AppreciationText(String);

impl TextRule for AppreciationText {
    const MAX_CHARS: usize = 280;
    const MULTILINE: bool = false;
}

impl AppreciationText {
    pub fn parse(input: &str) -> Result<Self, TextError> {
        text::clean(input, Self::MAX_CHARS, Self::MULTILINE).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

text_impls!(AppreciationText);

/// `appreciation.given`, as the log carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppreciationEvent {
    pub appreciation: AppreciationId,
    pub to: PersonId,
    pub text: AppreciationText,
}

impl AppreciationEvent {
    pub const KIND: &'static str = "appreciation.given";

    /// The event to append: shared, since it is meant for the partner.
    pub fn into_event(self, id: EventId, author: PersonId, at: Timestamp) -> NewEvent {
        NewEvent {
            id,
            author,
            at,
            kind: EventKind::known(Self::KIND),
            visibility: Visibility::Shared,
            payload: serde_json::to_value(&self).unwrap_or(serde_json::Value::Null),
        }
    }

    pub fn from_event(event: &NewEvent) -> Option<Self> {
        if event.kind.as_str() != Self::KIND {
            return None;
        }
        serde_json::from_value(event.payload.clone()).ok()
    }
}

/// Why an appreciation was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    #[error("an appreciation is for a partner: invite yours first")]
    NoPartner,
}

/// Decides whether `from` may thank their partner now.
pub fn decide_give(
    from: PersonId,
    partner: Option<PersonId>,
    appreciation: AppreciationId,
    text: AppreciationText,
) -> Result<AppreciationEvent, Refusal> {
    let to = partner.filter(|&p| p != from).ok_or(Refusal::NoPartner)?;
    Ok(AppreciationEvent {
        appreciation,
        to,
        text,
    })
}

/// One appreciation as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appreciation {
    pub id: AppreciationId,
    pub from: PersonId,
    pub to: PersonId,
    pub text: AppreciationText,
    pub at: Timestamp,
}

/// The appreciations a viewer may see, oldest first.
#[derive(Clone, Debug, Default)]
pub struct AppreciationBook {
    given: Vec<Appreciation>,
}

impl AppreciationBook {
    pub fn apply(&mut self, author: PersonId, at: Timestamp, event: &AppreciationEvent) {
        if event.to == author || self.given.iter().any(|a| a.id == event.appreciation) {
            return;
        }
        self.given.push(Appreciation {
            id: event.appreciation,
            from: author,
            to: event.to,
            text: event.text.clone(),
            at,
        });
    }

    pub fn all(&self) -> &[Appreciation] {
        &self.given
    }

    /// Those between two people, either way, oldest first.
    pub fn between(&self, one: PersonId, other: PersonId) -> impl Iterator<Item = &Appreciation> {
        self.given
            .iter()
            .filter(move |a| (a.from == one && a.to == other) || (a.from == other && a.to == one))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    #[test]
    fn an_appreciation_round_trips_and_needs_a_partner() {
        let text = AppreciationText::parse("thank you for the tea").unwrap();
        let id = AppreciationId::from_uuid(Uuid::from_u128(3));
        assert_eq!(
            decide_give(person(1), None, id, text.clone()),
            Err(Refusal::NoPartner)
        );
        let event = decide_give(person(1), Some(person(2)), id, text).unwrap();
        let written = event.clone().into_event(
            EventId::from_uuid(Uuid::from_u128(9)),
            person(1),
            Timestamp::from_millis(0),
        );
        assert!(EventKind::new(AppreciationEvent::KIND).is_ok());
        assert_eq!(written.visibility, Visibility::Shared);
        assert_eq!(AppreciationEvent::from_event(&written), Some(event));
    }
}
