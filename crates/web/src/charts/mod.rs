//! Charts drawn on the server as small SVGs, so a page needs no script to show them: the
//! reliability record over time (`record`) and felt trust over the weeks (`trend`).

pub(crate) mod record;
pub(crate) mod trend;
