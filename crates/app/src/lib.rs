//! Steadfast's use cases: what a person can do, step by step, between the domain's rules
//! (`steadfast-core`) and the event log (`steadfast-store`). Each feature is one module; each
//! use case opens what it needs, asks core to decide, appends what core decided, and answers a
//! closed error type that explains itself ([`refusal::Explain`]). Nothing here knows HTTP,
//! languages or pages: the web side and the command line both call in.

#![forbid(unsafe_code)]

pub mod account_management;
pub mod accounts;
pub mod appreciations;
pub mod boundaries;
pub mod calendar;
pub mod checkins;
pub mod clock;
pub mod coach;
pub mod export;
pub mod journal;
pub mod ledger;
pub mod notices;
pub mod password_links;
pub mod passwords;
pub mod patterns;
pub mod promises;
pub mod recovery;
pub mod refusal;
pub mod reminders;
pub mod repairs;
pub mod rituals;
pub mod secrets;
pub mod sessions;
pub mod spaces;
pub mod tokens;

use std::sync::Arc;

use steadfast_core::Timestamp;
use steadfast_store::Store;

use crate::clock::Clock;
use crate::ledger::Ledgers;
use crate::passwords::{HashingError, PasswordCost, Passwords};

pub use refusal::{Explain, Explained, Failure, Kind, Refused, Words};

/// The services every use case reaches: the store, the clock, the password hashing and the
/// cached folds of each space.
pub struct App {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub passwords: Passwords,
    pub ledgers: Ledgers,
}

impl App {
    /// Fresh services over `store`: an empty fold cache and a hashing pool of its own.
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        cost: PasswordCost,
    ) -> Result<App, HashingError> {
        Ok(App {
            store,
            clock,
            passwords: Passwords::new(cost)?,
            ledgers: Ledgers::default(),
        })
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
