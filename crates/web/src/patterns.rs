//! Patterns and red flags for one person, shared by the page, the JSON API and the export. The
//! rules and the threat model are in `steadfast_core::pattern`; here the space's whole log is read
//! (the one system view, see there) and the answer goes to the asking person only. Nothing is
//! stored: a pattern leaves no trace in the log, so none can reach the partner.

use steadfast_core::pattern::{self, Pattern, PatternKind};
use steadfast_core::space::{self, Member, Standing};
use steadfast_core::{PersonId, SpaceId, StreamId};

use crate::AppState;
use crate::error::WebError;
use crate::i18n::Lang;
use steadfast_app::spaces;

/// The patterns that concern `person` in `space` now; `NotFound` for anyone not a current member.
pub(crate) async fn of(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
) -> Result<Vec<Pattern>, WebError> {
    let members: Vec<Member> = state
        .store
        .members(space)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    if space::standing(&members, person) != Standing::Current {
        return Err(WebError::NotFound);
    }
    let events = state.store.read(StreamId::Space(space), 1).await?;
    Ok(pattern::evaluate(&events, &members, person, state.now()))
}

/// A pattern's heading, in plain words.
pub(crate) fn title(kind: PatternKind, lang: Lang) -> String {
    lang.t(&format!(
        "patterns-{}-title",
        kind.as_str().replace('_', "-")
    ))
}

/// What it means and what might help, in plain words.
pub(crate) fn text(kind: PatternKind, lang: Lang) -> String {
    lang.t(&format!(
        "patterns-{}-text",
        kind.as_str().replace('_', "-")
    ))
}
