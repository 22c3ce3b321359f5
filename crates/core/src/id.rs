//! Identifiers as distinct types, so a person's id can never be passed where a space's is wanted.
//! Ids are made at the edge (the store or the web layer draws them at random); here they are only
//! carried and compared.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub const fn as_uuid(&self) -> &Uuid {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.as_hyphenated().fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// A person with an account.
    PersonId
);
id_type!(
    /// A space: one couple, or one person in solo mode.
    SpaceId
);
id_type!(
    /// One event in the log; unique across all streams.
    EventId
);
id_type!(
    /// One promise, named by all the events of its lifecycle.
    PromiseId
);
id_type!(
    /// One weekly check-in, named by all the events of its lifecycle.
    CheckinId
);
id_type!(
    /// One repair plan, named by all the events of its lifecycle.
    RepairId
);
id_type!(
    /// One boundary, named by all the events of its lifecycle.
    BoundaryId
);
id_type!(
    /// One reported crossing of a boundary.
    CrossingId
);
id_type!(
    /// One appreciation from one partner to the other.
    AppreciationId
);
id_type!(
    /// One entry of a person's private journal.
    JournalEntryId
);
id_type!(
    /// One question the hurt partner asks in a repair plan.
    QuestionId
);
