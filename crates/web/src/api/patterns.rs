//! Patterns and red flags over JSON: only the caller's own, computed on request and never stored.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::Serialize;
use steadfast_core::pattern::Pattern;

use super::{ApiCaller, ApiError, lang_of};
use crate::i18n::Lang;
use crate::i18n::times::rfc3339;
use crate::pages::patterns::{text, title};
use crate::state::AppState;
use steadfast_app::patterns;

/// One event that counts towards a pattern.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EvidenceView {
    /// The event's id (one of yours, or a crossing of your boundary).
    event: String,
    /// RFC 3339, UTC: when what it records happened.
    at: String,
}

/// A boundary crossed again.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct BoundaryRef {
    id: String,
    /// Its latest words.
    text: Option<String>,
}

/// One pattern that concerns you.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PatternView {
    /// `repeated_hurt`, `repeated_deception`, `boundary_crossed_again`, `low_felt_trust` or
    /// `hard_check_ins`.
    kind: String,
    /// Plain words, in the language of `Accept-Language`.
    title: String,
    text: String,
    /// What triggered it, oldest first.
    evidence: Vec<EvidenceView>,
    /// For `boundary_crossed_again` only.
    boundary: Option<BoundaryRef>,
}

/// A place to turn to: the operator's, or a default for the caller's language.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct HelpResource {
    label: String,
    contact: String,
}

/// Your patterns in a space, and where to find outside help.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PatternList {
    patterns: Vec<PatternView>,
    help: Vec<HelpResource>,
    /// The help page, reachable without signing in.
    help_page: String,
}

pub(crate) fn pattern_view(pattern: &Pattern, lang: Lang) -> PatternView {
    PatternView {
        kind: pattern.kind.as_str().to_owned(),
        title: title(pattern.kind, lang),
        text: text(pattern.kind, lang),
        evidence: pattern
            .evidence
            .iter()
            .map(|e| EvidenceView {
                event: e.event.to_string(),
                at: rfc3339(e.at),
            })
            .collect(),
        boundary: pattern.boundary.as_ref().map(|(id, text)| BoundaryRef {
            id: id.clone(),
            text: text.clone(),
        }),
    }
}

#[utoipa::path(get, path = "/spaces/{id}/patterns", tag = "patterns", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = PatternList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// What repeats in a way that may be hurting you, from what was recorded, with outside help.
/// Yours only: your partner never sees your patterns, nor that there are any.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<PatternList>, ApiError> {
    let lang = lang_of(&headers);
    let found = async {
        let space = patterns::parse_space(&space)?;
        patterns::of(&state, caller.person, space).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(PatternList {
        patterns: found.iter().map(|p| pattern_view(p, lang)).collect(),
        help: state
            .help_for(lang)
            .iter()
            .map(|(label, contact)| HelpResource {
                label: label.clone(),
                contact: contact.clone(),
            })
            .collect(),
        help_page: "/help".to_owned(),
    }))
}

/// A pattern in the person's export: what it is and what triggered it, without words that
/// depend on a language (the kinds are explained on the help page).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ExportedPattern {
    /// As in `GET /api/v1/spaces/{id}/patterns`.
    kind: String,
    evidence: Vec<EvidenceView>,
    boundary: Option<BoundaryRef>,
}

pub(crate) fn exported(pattern: &Pattern) -> ExportedPattern {
    let PatternView {
        kind,
        evidence,
        boundary,
        ..
    } = pattern_view(pattern, Lang::En);
    ExportedPattern {
        kind,
        evidence,
        boundary,
    }
}
