//! The reliability record over JSON: each partner switches their consent on or off, and once
//! both have it on, the record shows how each one's promises to the other went (docs/PRINCIPLES.md, The trust
//! model), with its uncertainty and the outcomes that moved it. Never one score about a person:
//! one object per direction.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::Serialize;
use steadfast_core::PersonId;
use steadfast_core::promise::Effect;
use steadfast_core::record::{Certainty, RecordView, Why};

use super::promises::{refusal, space_id};
use super::{ApiCaller, ApiError, lang_of};
use crate::state::AppState;
use steadfast_app::promises::{self, PromiseError};

/// Where the two partners stand on the record.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ConsentView {
    /// The caller has the record switched on.
    mine: bool,
    /// The caller's partner has it switched on.
    partner: bool,
    /// Both have: the record is shown.
    enabled: bool,
}

async fn consent(
    state: &AppState,
    person: PersonId,
    space: &str,
    on: bool,
) -> Result<ConsentView, PromiseError> {
    let space = space_id(space)?;
    promises::set_consent(state, person, space, on).await?;
    let opened = promises::open(state, person, space).await?;
    let now = promises::consent_state(&opened);
    Ok(ConsentView {
        mine: now.mine,
        partner: now.partner,
        enabled: now.has_partner && now.mine && now.partner,
    })
}

#[utoipa::path(put, path = "/spaces/{id}/record/consent", tag = "record", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = ConsentView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Switches the caller's consent to the reliability record on. The record is shown once both
/// partners have it on. Switching on what is on changes nothing.
pub(crate) async fn give_consent(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<ConsentView>, ApiError> {
    consent(&state, caller.person, &space, true)
        .await
        .map(Json)
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(delete, path = "/spaces/{id}/record/consent", tag = "record", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = ConsentView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Switches the caller's consent off, alone and at once: from the next request the record is not
/// shown to either partner. The promises themselves stay.
pub(crate) async fn withdraw_consent(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<ConsentView>, ApiError> {
    consent(&state, caller.person, &space, false)
        .await
        .map(Json)
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// How sure the record is, from how many outcomes were confirmed (faded with time), lowest
/// first: `too_early` below 5 (show the counts, not a percentage), then `learning`,
/// `taking_shape` (from 10) and `established` (from 20).
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CertaintyWord {
    TooEarly,
    Learning,
    TakingShape,
    Established,
}

impl From<Certainty> for CertaintyWord {
    fn from(certainty: Certainty) -> Self {
        match certainty {
            Certainty::TooEarly => CertaintyWord::TooEarly,
            Certainty::Learning => CertaintyWord::Learning,
            Certainty::TakingShape => CertaintyWord::TakingShape,
            Certainty::Established => CertaintyWord::Established,
        }
    }
}

/// What a settled promise told the record.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum EffectWord {
    Kept,
    Broken,
    /// Renegotiated in advance and accepted: communication, no evidence against.
    Renegotiated,
    /// Let go by the receiver: an outcome, no evidence either way.
    LetGo,
}

impl From<Effect> for EffectWord {
    fn from(effect: Effect) -> Self {
        match effect {
            Effect::Kept => EffectWord::Kept,
            Effect::Broken { .. } => EffectWord::Broken,
            Effect::Renegotiated => EffectWord::Renegotiated,
            Effect::LetGo => EffectWord::LetGo,
        }
    }
}

/// An outcome that moves the record, and by how much.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct WhyLine {
    /// The promise's id.
    promise: String,
    effect: EffectWord,
    /// This outcome's share of the change from the starting point (`start`): taking the
    /// outcomes in the order they happened, each faded to now, what adding this one did to
    /// `expected`. The shares in `why` and `why_rest` add up to `expected − start`.
    impact: f64,
}

impl From<&Why> for WhyLine {
    fn from(why: &Why) -> Self {
        WhyLine {
            promise: why.moved.promise.to_string(),
            effect: why.moved.effect.into(),
            impact: why.impact,
        }
    }
}

/// The record's figures for one direction, overall or in one trust domain.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RecordFigures {
    /// Expected reliability, 0–1: `(r + W·a) / (r + s + d + W)`.
    expected: f64,
    /// 0–1: `W / (r + s + d + W)`; 1 with no evidence.
    uncertainty: f64,
    /// How many outcomes the receiver confirmed: kept, broken and let go (renegotiations are
    /// counted apart).
    outcomes: u32,
    certainty: CertaintyWord,
    /// The credible band's lower end.
    lower: f64,
    /// The credible band's upper end.
    upper: f64,
    belief: f64,
    disbelief: f64,
    /// How many promises were confirmed kept.
    kept: u32,
    broken: u32,
    let_go: u32,
    /// Renegotiations asked for in time and accepted: shown as "asked in time", never a breach.
    renegotiated: u32,
    /// Where every record starts, knowing nothing (0.5).
    start: f64,
    /// Bigger stakes the receiver might welcome, 1–5, when the evidence is strong enough.
    ladder: Option<u8>,
    /// The outcomes with the largest shares of the change from `start`, largest first.
    why: Vec<WhyLine>,
    /// The shares of every other outcome together.
    why_rest: f64,
}

impl From<&RecordView> for RecordFigures {
    fn from(view: &RecordView) -> Self {
        let opinion = &view.opinion;
        RecordFigures {
            expected: opinion.expected,
            uncertainty: opinion.uncertainty,
            outcomes: view.kept + view.broken + view.let_go,
            certainty: view.certainty.into(),
            lower: opinion.lower,
            upper: opinion.upper,
            belief: opinion.belief,
            disbelief: opinion.disbelief,
            kept: view.kept,
            broken: view.broken,
            let_go: view.let_go,
            renegotiated: view.renegotiated,
            start: view.start,
            ladder: view.ladder.map(|stakes| stakes.get()),
            why: view.why.iter().map(WhyLine::from).collect(),
            why_rest: view.why_rest,
        }
    }
}

/// One direction in one trust domain.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DomainRecord {
    domain: String,
    #[serde(flatten)]
    figures: RecordFigures,
}

/// How one partner's promises to the other went, as the other confirmed them.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DirectionRecord {
    /// The login name of the partner who made these promises; null for a partner who has left
    /// the space (never named: see `former_partner`).
    promiser: Option<String>,
    /// True for the caller's own promises to their partner.
    yours: bool,
    /// True when the other partner has left the space: this is the record as it stood, kept by
    /// the one who stayed.
    former_partner: bool,
    #[serde(flatten)]
    figures: RecordFigures,
    /// The trust domains with evidence in this direction, by name.
    domains: Vec<DomainRecord>,
}

/// Both directions: the partner's promises to the caller first, then the caller's.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Record {
    directions: Vec<DirectionRecord>,
}

async fn record(state: &AppState, person: PersonId, space: &str) -> Result<Record, PromiseError> {
    let (opened, directions) = promises::record(state, person, space_id(space)?).await?;
    let partner_left = opened.partner_left();
    // The fold is not needed for names; others may use it meanwhile.
    drop(opened);
    let mut shown = Vec::with_capacity(directions.len());
    for direction in directions {
        // A partner who left is never named, and their account may be gone.
        let promiser = if partner_left && !direction.yours {
            None
        } else {
            state
                .store
                .account(direction.promiser)
                .await?
                .map(|account| account.username)
        };
        shown.push(DirectionRecord {
            promiser,
            yours: direction.yours,
            former_partner: partner_left,
            figures: RecordFigures::from(&direction.overall),
            domains: direction
                .domains
                .iter()
                .map(|view| DomainRecord {
                    domain: view
                        .key
                        .domain
                        .as_ref()
                        .map(|domain| domain.as_str().to_owned())
                        .unwrap_or_default(),
                    figures: RecordFigures::from(view),
                })
                .collect(),
        });
    }
    Ok(Record { directions: shown })
}

#[utoipa::path(get, path = "/spaces/{id}/record", tag = "record", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = Record),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "Not both partners have switched the record on (`record_not_enabled`)", body = super::ErrorBody),
    ))]
/// The reliability record, per direction and per trust domain, as of now: a Beta reputation with
/// time decay, shown with its uncertainty and the outcomes that moved it. Only outcomes the
/// receiving partner confirmed count.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<Record>, ApiError> {
    record(&state, caller.person, &space)
        .await
        .map(Json)
        .map_err(|error| refusal(error, lang_of(&headers)))
}
