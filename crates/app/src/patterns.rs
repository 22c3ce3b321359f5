//! Patterns and red flags for one person, for the pages, the JSON API and the export. The rules
//! and the threat model are in `steadfast_core::pattern`; here the space's whole log is read (the
//! one system view, see there) and the answer goes to the asking person only. Nothing is stored:
//! a pattern leaves no trace in the log, so none can reach the partner.

use steadfast_core::pattern::{self, Pattern};
use steadfast_core::space::{self, Member, Standing};
use steadfast_core::{PersonId, SpaceId, StreamId};

use crate::refusal::{Explain, Explained, Failure, Refused};
use crate::{App, spaces};

/// Why the patterns could not be read.
#[derive(Debug)]
pub enum PatternError {
    /// Not a current member, or no such space.
    NotFound,
    Failed(Failure),
}

crate::failed_underneath!(PatternError);

impl Explain for PatternError {
    fn explain(&self) -> Explained<'_> {
        match self {
            PatternError::NotFound => Explained::Refused(Refused::not_found()),
            PatternError::Failed(failure) => Explained::Failed(failure),
        }
    }
}

/// A space id from a path; anything that is not one is no space.
pub fn parse_space(text: &str) -> Result<SpaceId, PatternError> {
    text.parse().map_err(|_| PatternError::NotFound)
}

/// The patterns that concern `person` in `space` now; `NotFound` for anyone not a current member.
pub async fn of(app: &App, person: PersonId, space: SpaceId) -> Result<Vec<Pattern>, PatternError> {
    let members: Vec<Member> = spaces::members(app, space).await?;
    if space::standing(&members, person) != Standing::Current {
        return Err(PatternError::NotFound);
    }
    let events = app.store.read(StreamId::Space(space), 1).await?;
    Ok(pattern::evaluate(&events, &members, person, app.now()))
}
