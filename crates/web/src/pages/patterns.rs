//! The patterns page: what repeats in a way that may be hurting the person looking, in plain
//! words, with outside help. Every member sees the same link from the space's page; what the
//! page holds is theirs alone, computed on request and never stored.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};

use super::Chrome;
use super::help::Resource;
use super::promises::{Zone, parse_space, space_name};
use crate::auth::session::SignedIn;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use steadfast_app::patterns::{self, PatternError};
use steadfast_core::pattern::PatternKind;

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

/// One pattern, in words.
pub(crate) struct PatternLine {
    title: String,
    text: String,
    /// The boundary's words, for one crossed again.
    boundary: Option<String>,
    /// The days of what triggered it, oldest first.
    days: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "patterns.html")]
pub(crate) struct PatternsPage {
    chrome: Chrome,
    space_href: String,
    space_name: String,
    patterns: Vec<PatternLine>,
    resources: Vec<Resource>,
}

/// The person's own patterns in the space.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    zone: Zone,
    Path(space): Path<String>,
) -> Result<PatternsPage, WebError> {
    let space = parse_space(&space)?;
    let lang = chrome.lang;
    let found = patterns::of(&state, caller.person, space)
        .await
        .map_err(|error| match error {
            PatternError::NotFound => WebError::NotFound,
            PatternError::Failed(failure) => WebError::from(failure),
        })?;
    Ok(PatternsPage {
        space_href: format!("/spaces/{space}"),
        space_name: space_name(&state, space).await?,
        patterns: found
            .iter()
            .map(|pattern| PatternLine {
                title: title(pattern.kind, lang),
                text: text(pattern.kind, lang),
                boundary: pattern
                    .boundary
                    .as_ref()
                    .and_then(|(_, words)| words.clone()),
                days: pattern
                    .evidence
                    .iter()
                    .map(|e| zone.day(e.at, lang))
                    .collect(),
            })
            .collect(),
        resources: state
            .help_for(lang)
            .iter()
            .map(|(label, contact)| Resource::new(label, contact))
            .collect(),
        chrome,
    })
}
