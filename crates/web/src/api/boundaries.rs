//! Boundaries over JSON: propose one, list and read them, revise, acknowledge and withdraw, and
//! report a crossing and take its steps as sub-resources (`POST …/crossings/{crossing}/apologise`).
//! Every step answers the boundary as it is now. Whoever is not a current member of the space
//! gets 404 `not_found`, exactly as for a boundary that never existed; so does a boundary with a
//! former partner.
//!
//! Times are RFC 3339 with an offset on the way in and UTC on the way out.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::boundary::{Boundary, Command, Crossing, Revision, Status};
use steadfast_core::{BoundaryId, PersonId, SpaceId, Timestamp};

use super::promises::space_id;
use super::{ApiCaller, ApiError, ApiJson, OptionalJson, lang_of};
use crate::i18n::times::{parse_rfc3339, rfc3339};
use crate::state::AppState;
use steadfast_app::boundaries::{self, BoundaryError, Invalid};

fn ids(space: &str, boundary: &str) -> Result<(SpaceId, BoundaryId), BoundaryError> {
    let space = space_id(space).map_err(|_| BoundaryError::NotFound)?;
    Ok((space, boundaries::parse_id(boundary)?))
}

fn time(text: Option<&str>) -> Result<Option<Timestamp>, BoundaryError> {
    text.map(|t| parse_rfc3339(t).map_err(|_| BoundaryError::Invalid(Invalid::Time)))
        .transpose()
}

/// Where a boundary stands.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum BoundaryStatus {
    /// Waiting for the partner's acknowledgement: new, or revised since.
    Proposed,
    Acknowledged,
    Withdrawn,
}

/// An earlier wording, kept when the boundary was revised.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EarlierWording {
    text: String,
    why: Option<String>,
    /// RFC 3339, UTC: when this wording was written.
    from: String,
    /// RFC 3339, UTC: when it was replaced.
    until: String,
    /// Whether the partner had acknowledged this wording.
    acknowledged: bool,
}

impl From<&Revision> for EarlierWording {
    fn from(revision: &Revision) -> Self {
        EarlierWording {
            text: revision.text.as_str().to_owned(),
            why: revision.why.as_ref().map(|w| w.as_str().to_owned()),
            from: rfc3339(revision.from),
            until: rfc3339(revision.until),
            acknowledged: revision.acknowledged,
        }
    }
}

/// One crossing and the steps taken on it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CrossingBody {
    id: String,
    /// True when the caller is the one who crossed it.
    crossed_by_you: bool,
    /// Reported by the one who crossed it.
    self_reported: bool,
    reported_by_you: bool,
    /// RFC 3339, UTC: when it happened.
    at: String,
    /// RFC 3339, UTC.
    reported_at: String,
    acknowledged_at: Option<String>,
    /// The newest apology, in the crosser's own words.
    apology: Option<String>,
    apologised_at: Option<String>,
    /// Every apology, oldest first, with the owner's answers ("landed" or "not yet"); another
    /// apology follows only a "not yet".
    apologies: Vec<super::promises::ApologyJson>,
    /// Whether the caller may apologise now (the crosser: first, or again after "not yet").
    can_apologise: bool,
    /// Whether the caller may answer the newest apology now (the owner).
    can_answer_apology: bool,
    /// The prevention step: the id of the promise from the crosser to the owner.
    prevention_promise: Option<String>,
    /// Null while the owner leaves it open.
    resolved_at: Option<String>,
}

impl CrossingBody {
    fn of(boundary: &Boundary, crossing: &Crossing, person: PersonId, read_only: bool) -> Self {
        CrossingBody {
            id: crossing.id.to_string(),
            crossed_by_you: crossing.crossed_by == person,
            self_reported: crossing.self_reported(),
            reported_by_you: crossing.reported_by == person,
            at: rfc3339(crossing.at),
            reported_at: rfc3339(crossing.reported_at),
            acknowledged_at: crossing.acknowledged_at.map(rfc3339),
            apology: crossing.apology().map(|a| a.text.as_str().to_owned()),
            apologised_at: crossing.apology().map(|a| rfc3339(a.at)),
            apologies: crossing
                .apologies
                .iter()
                .map(super::promises::ApologyJson::of)
                .collect(),
            can_apologise: !read_only && boundary.may_apologise(crossing, person),
            can_answer_apology: !read_only && boundary.may_answer_apology(crossing, person),
            prevention_promise: crossing.prevention.map(|p| p.to_string()),
            resolved_at: crossing.resolved_at.map(rfc3339),
        }
    }
}

/// A boundary as the caller may see it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct BoundaryBody {
    id: String,
    /// The line, in its owner's words.
    text: String,
    /// Why it matters to its owner.
    why: Option<String>,
    status: BoundaryStatus,
    /// True when it is the caller's boundary.
    yours: bool,
    /// RFC 3339, UTC.
    proposed_at: String,
    /// When the current wording was acknowledged.
    acknowledged_at: Option<String>,
    withdrawn_at: Option<String>,
    /// Earlier wordings, oldest first.
    earlier_wordings: Vec<EarlierWording>,
    /// Oldest first.
    crossings: Vec<CrossingBody>,
    /// True when it is with a partner who has left the space: it stays the caller's to read,
    /// and nothing more can be done with it.
    read_only: bool,
}

impl BoundaryBody {
    fn of(boundary: &Boundary, person: PersonId, read_only: bool) -> Self {
        let (status, acknowledged_at, withdrawn_at) = match boundary.status {
            Status::Proposed => (BoundaryStatus::Proposed, None, None),
            Status::Acknowledged { at } => (BoundaryStatus::Acknowledged, Some(rfc3339(at)), None),
            Status::Withdrawn { at } => (BoundaryStatus::Withdrawn, None, Some(rfc3339(at))),
        };
        BoundaryBody {
            id: boundary.id.to_string(),
            text: boundary.text.as_str().to_owned(),
            why: boundary.why.as_ref().map(|w| w.as_str().to_owned()),
            status,
            yours: boundary.owner == person,
            proposed_at: rfc3339(boundary.proposed_at),
            acknowledged_at,
            withdrawn_at,
            earlier_wordings: boundary
                .revisions
                .iter()
                .map(EarlierWording::from)
                .collect(),
            crossings: boundary
                .crossings
                .iter()
                .map(|c| CrossingBody::of(boundary, c, person, read_only))
                .collect(),
            read_only,
        }
    }
}

/// The boundaries between the caller and their partner, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct BoundaryList {
    boundaries: Vec<BoundaryBody>,
}

/// A new id.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Created {
    id: String,
}

/// A boundary's words.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct BoundaryWords {
    /// The line: 1–200 characters.
    text: String,
    /// Why it matters, up to 1000 characters; optional.
    why: Option<String>,
}

/// When a crossing happened, if not now.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct CrossingReport {
    /// RFC 3339 with an offset; at most a year back. Leave out for now.
    when: Option<String>,
}

/// An apology in the crosser's own words.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct ApologyBody {
    /// 1–2000 characters.
    text: String,
}

/// The prevention step, as a promise from the crosser to the owner.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct PreventionBody {
    /// What the crosser promises to do so it does not happen again: 1–280 characters.
    text: String,
    /// How much it matters, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    stakes: i64,
    /// When it is due, RFC 3339 with an offset; later than now. Optional.
    due: Option<String>,
}

async fn detail(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: BoundaryId,
) -> Result<BoundaryBody, BoundaryError> {
    let opened = boundaries::open(state, person, space).await?;
    let boundary = boundaries::find_to_read(&opened, id)?;
    Ok(BoundaryBody::of(boundary, person, opened.partner_left()))
}

/// Runs one step and answers the boundary as it is after it.
async fn step(
    state: &AppState,
    person: PersonId,
    (space, boundary): (&str, &str),
    command: impl FnOnce() -> Result<Command, BoundaryError>,
) -> Result<BoundaryBody, BoundaryError> {
    let (space, id) = ids(space, boundary)?;
    boundaries::act(state, person, space, id, command()?).await?;
    detail(state, person, space, id).await
}

fn answer(
    result: Result<BoundaryBody, BoundaryError>,
    headers: &HeaderMap,
) -> Result<Json<BoundaryBody>, ApiError> {
    result
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(headers)))
}

#[utoipa::path(get, path = "/spaces/{id}/boundaries", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = BoundaryList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The boundaries between the caller and their partner, whoever owns them, oldest first, each
/// with its earlier wordings and its crossings. After the partner left the space, those with
/// them stay listed for the one who stayed, read-only; the one who left sees none.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<BoundaryList>, ApiError> {
    let listed = async {
        let space = space_id(&space).map_err(|_| BoundaryError::NotFound)?;
        let opened = boundaries::open(&state, caller.person, space).await?;
        Ok::<_, BoundaryError>(BoundaryList {
            boundaries: boundaries::list(&opened)
                .into_iter()
                .map(|b| BoundaryBody::of(b, caller.person, opened.partner_left()))
                .collect(),
        })
    }
    .await;
    listed
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries", tag = "boundaries", request_body = BoundaryWords, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = Created),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "No partner yet (`no_partner`), or 100 of the caller's boundaries stand already (`too_many`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused", body = super::ErrorBody),
    ))]
/// Proposes a boundary — the caller's line — for their partner to acknowledge.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<BoundaryWords>,
) -> Result<Response, ApiError> {
    let made = async {
        let text = boundaries::parse_text(&body.text)?;
        let why = boundaries::parse_why(body.why.as_deref().unwrap_or_default())?;
        let space = space_id(&space).map_err(|_| BoundaryError::NotFound)?;
        boundaries::propose(&state, caller.person, space, text, why).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = Created {
        id: made.to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/spaces/{id}/boundaries/{boundary}", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or boundary of yours", body = super::ErrorBody),
    ))]
/// One boundary, with its earlier wordings and its crossings.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary)): Path<(String, String)>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let shown = match ids(&space, &boundary) {
        Ok((space, id)) => detail(&state, caller.person, space, id).await,
        Err(error) => Err(error),
    };
    answer(shown, &headers)
}

#[utoipa::path(put, path = "/spaces/{id}/boundaries/{boundary}", tag = "boundaries", request_body = BoundaryWords, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Not your boundary (`only_owner`)", body = super::ErrorBody),
        (status = 404, description = "No such space or boundary of yours", body = super::ErrorBody),
        (status = 409, description = "Withdrawn (`withdrawn`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused", body = super::ErrorBody),
    ))]
/// Revises the caller's boundary. The earlier wording is kept, and the boundary waits for the
/// partner's acknowledgement again.
pub(crate) async fn revise(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary)): Path<(String, String)>,
    ApiJson(body): ApiJson<BoundaryWords>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = step(&state, caller.person, (&space, &boundary), || {
        Ok(Command::Revise {
            text: boundaries::parse_text(&body.text)?,
            why: boundaries::parse_why(body.why.as_deref().unwrap_or_default())?,
        })
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(delete, path = "/spaces/{id}/boundaries/{boundary}", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Not your boundary (`only_owner`)", body = super::ErrorBody),
        (status = 404, description = "No such space or boundary of yours", body = super::ErrorBody),
        (status = 409, description = "Withdrawn already (`withdrawn`)", body = super::ErrorBody),
    ))]
/// Withdraws the caller's boundary. Its history and crossings stay readable.
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary)): Path<(String, String)>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = step(&state, caller.person, (&space, &boundary), || {
        Ok(Command::Withdraw)
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/acknowledge", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Your own boundary (`only_partner`)", body = super::ErrorBody),
        (status = 404, description = "No such space or boundary of yours", body = super::ErrorBody),
        (status = 409, description = "Acknowledged already, or withdrawn (`already_acknowledged`, `withdrawn`)", body = super::ErrorBody),
    ))]
/// Acknowledges the partner's boundary in its current wording.
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary)): Path<(String, String)>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = step(&state, caller.person, (&space, &boundary), || {
        Ok(Command::Acknowledge)
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings", tag = "boundaries", request_body(content = Option<CrossingReport>, description = "Optional; no body means now"), security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id")),
    responses(
        (status = 201, body = Created),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or boundary of yours", body = super::ErrorBody),
        (status = 409, description = "Not acknowledged, or withdrawn (`not_acknowledged`, `withdrawn`)", body = super::ErrorBody),
        (status = 422, description = "The time was refused (`time_invalid`, `in_future`, `too_long_ago`)", body = super::ErrorBody),
    ))]
/// Reports a crossing of an acknowledged boundary. Either partner may: the owner, or — which
/// is encouraged and shown as such — the partner who crossed it.
pub(crate) async fn report(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<CrossingReport>,
) -> Result<Response, ApiError> {
    let reported = async {
        let when = time(body.when.as_deref())?;
        let (space, id) = ids(&space, &boundary)?;
        boundaries::report(&state, caller.person, space, id, when).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = Created {
        id: reported.to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// One step on a crossing.
async fn crossing_step(
    state: &AppState,
    person: PersonId,
    (space, boundary, crossing): (String, String, String),
    command: impl FnOnce(steadfast_core::CrossingId) -> Result<Command, BoundaryError>,
) -> Result<BoundaryBody, BoundaryError> {
    let crossing = boundaries::parse_crossing(&crossing)?;
    step(state, person, (&space, &boundary), || command(crossing)).await
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/acknowledge", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id"), ("crossing" = String, Path, description = "The crossing's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who crossed it (`only_crosser`)", body = super::ErrorBody),
        (status = 404, description = "No such space, boundary or crossing", body = super::ErrorBody),
        (status = 409, description = "Acknowledged already, or resolved", body = super::ErrorBody),
    ))]
/// The partner who crossed the boundary acknowledges it.
pub(crate) async fn acknowledge_crossing(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String, String)>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = crossing_step(&state, caller.person, path, |crossing| {
        Ok(Command::AcknowledgeCrossing { crossing })
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/apologise", tag = "boundaries", request_body = ApologyBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id"), ("crossing" = String, Path, description = "The crossing's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who crossed it (`only_crosser`)", body = super::ErrorBody),
        (status = 404, description = "No such space, boundary or crossing", body = super::ErrorBody),
        (status = 409, description = "Not acknowledged yet, an apology waiting for an answer or landed already, or resolved (`crossing_not_acknowledged`, `apology_waiting`, `already_apologised`, `resolved`)", body = super::ErrorBody),
        (status = 422, description = "The apology was refused: `apology_invalid`, or `excusing` for an excusing \"but\"", body = super::ErrorBody),
    ))]
/// The partner who crossed it apologises, in their own words, after acknowledging it; again
/// after the owner answered "not yet".
pub(crate) async fn apologise(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String, String)>,
    ApiJson(body): ApiJson<ApologyBody>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = crossing_step(&state, caller.person, path, |crossing| {
        Ok(Command::Apologise {
            crossing,
            text: boundaries::parse_apology(&body.text)?,
        })
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/apology/answer", tag = "boundaries", request_body = super::promises::LandingBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id"), ("crossing" = String, Path, description = "The crossing's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner whose boundary it is answers (`only_owner`)", body = super::ErrorBody),
        (status = 404, description = "No such space, boundary or crossing", body = super::ErrorBody),
        (status = 409, description = "No apology yet, or resolved (`no_apology`, `resolved`)", body = super::ErrorBody),
        (status = 422, description = "`landing_invalid`, `word_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The boundary's owner answers the newest apology: `landed`, or `not_yet` (the crosser may
/// apologise again), with an optional word about what would help. Answering again: the newest
/// answer stands, the earlier ones are kept.
pub(crate) async fn answer_apology(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String, String)>,
    ApiJson(body): ApiJson<super::promises::LandingBody>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = crossing_step(&state, caller.person, path, |crossing| {
        let (landing, word) =
            boundaries::parse_landing(&body.answer, body.word.as_deref().unwrap_or_default())?;
        Ok(Command::AnswerApology {
            crossing,
            landing,
            word,
        })
    })
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/prevention", tag = "boundaries", request_body = PreventionBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id"), ("crossing" = String, Path, description = "The crossing's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who crossed it (`only_crosser`)", body = super::ErrorBody),
        (status = 404, description = "No such space, boundary or crossing", body = super::ErrorBody),
        (status = 409, description = "Not acknowledged yet, a step exists already, or resolved", body = super::ErrorBody),
        (status = 422, description = "A field was refused, or the due time is not later than now", body = super::ErrorBody),
    ))]
/// The partner who crossed it adds one prevention step. It becomes a promise from them to the
/// boundary's owner, listed with the couple's other promises.
pub(crate) async fn prevention(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, boundary, crossing)): Path<(String, String, String)>,
    ApiJson(body): ApiJson<PreventionBody>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = async {
        let terms = boundaries::parse_terms(&body.text, body.stakes, time(body.due.as_deref())?)?;
        let crossing = boundaries::parse_crossing(&crossing)?;
        let (space, id) = ids(&space, &boundary)?;
        boundaries::prevent(&state, caller.person, space, id, crossing, terms).await?;
        detail(&state, caller.person, space, id).await
    }
    .await;
    answer(done, &headers)
}

#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary}/crossings/{crossing}/resolve", tag = "boundaries", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("boundary" = String, Path, description = "The boundary's id"), ("crossing" = String, Path, description = "The crossing's id")),
    responses(
        (status = 200, body = BoundaryBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the boundary's owner (`only_owner`)", body = super::ErrorBody),
        (status = 404, description = "No such space, boundary or crossing", body = super::ErrorBody),
        (status = 409, description = "Resolved already (`resolved`)", body = super::ErrorBody),
    ))]
/// The boundary's owner marks the crossing resolved, whenever they are ready; it may also stay
/// open.
pub(crate) async fn resolve(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String, String)>,
) -> Result<Json<BoundaryBody>, ApiError> {
    let done = crossing_step(&state, caller.person, path, |crossing| {
        Ok(Command::Resolve { crossing })
    })
    .await;
    answer(done, &headers)
}
