//! Spaces and pairing over JSON: create a space, list and read them, invite, withdraw an invite,
//! accept, leave. Whoever is not a current member of a space gets 404 `not_found` for everything
//! about it, exactly as for an id no space ever had.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::space::Standing;

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::auth::{doors, session};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::spaces::{self, Opened, SpaceError};

#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewSpaceBody {
    name: String,
    /// The space's time zone, an IANA name such as `Europe/Warsaw`: where its days begin and
    /// its rituals are scheduled. UTC when absent; either partner can change it later.
    time_zone: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Created {
    id: String,
}

#[utoipa::path(post, path = "/spaces", tag = "spaces", request_body = NewSpaceBody, security(("session" = []), ("token" = [])),
    responses((status = 201, body = Created), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 422, description = "The name was refused", body = super::ErrorBody)))]
/// Creates a space with the caller as its only member (solo mode).
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<NewSpaceBody>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    let id = async {
        let name = spaces::parse_name(&body.name)?;
        let zone = body
            .time_zone
            .as_deref()
            .map(spaces::parse_zone)
            .transpose()?;
        spaces::create(&state, caller.person, name, zone).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    let body = Created { id: id.to_string() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
struct ListedSpace {
    id: String,
    name: String,
    /// False for a space the caller has left.
    current: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SpaceList {
    spaces: Vec<ListedSpace>,
}

#[utoipa::path(get, path = "/spaces", tag = "spaces", security(("session" = []), ("token" = [])),
    responses((status = 200, body = SpaceList), (status = 401, description = "Not signed in", body = super::ErrorBody)))]
/// The caller's spaces: those they are in and those they left, most recently joined first.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<SpaceList>, ApiError> {
    let lang = lang_of(&headers);
    let spaces = spaces::list(&state, caller.person)
        .await
        .map_err(|failure| ApiError::from_app(SpaceError::from(failure), lang))?
        .into_iter()
        .map(|line| ListedSpace {
            id: line.id.to_string(),
            name: line.name,
            current: line.standing == Standing::Current,
        })
        .collect();
    Ok(Json(SpaceList { spaces }))
}

#[derive(Serialize, utoipa::ToSchema)]
struct Member {
    username: String,
    you: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Space {
    id: String,
    name: String,
    /// Current members only, by login name.
    members: Vec<Member>,
}

#[utoipa::path(get, path = "/spaces/{id}", tag = "spaces", security(("session" = []), ("token" = [])), params(("id" = String, Path, description = "The space's id")),
    responses((status = 200, body = Space), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody)))]
/// One space, for its current members.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Json<Space>, ApiError> {
    let lang = lang_of(&headers);
    let id = spaces::parse_id(&id).map_err(|error| ApiError::from_app(error, lang))?;
    match spaces::open(&state, caller.person, id)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?
    {
        Opened::Current(view) => Ok(Json(Space {
            id: view.id.to_string(),
            name: view.name,
            members: view
                .members
                .into_iter()
                .map(|member| Member {
                    username: member.username,
                    you: member.you,
                })
                .collect(),
        })),
        // Only the pages tell a former member that the pairing ended; the API's contract is 200
        // for current members and 404 for everyone else.
        Opened::Former { .. } => Err(ApiError::from_app(SpaceError::NotFound, lang)),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct Invite {
    /// The secret for the link `/invites/{token}`; given this once, stored only as a hash.
    token: String,
    id: String,
    /// RFC 3339, UTC.
    expires_at: String,
}

#[utoipa::path(post, path = "/spaces/{id}/invites", tag = "spaces", security(("session" = []), ("token" = [])), params(("id" = String, Path, description = "The space's id")),
    responses((status = 201, body = Invite), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody), (status = 409, description = "The space already has two partners", body = super::ErrorBody)))]
/// Creates a single-use invite into the space, valid for 72 hours.
pub(crate) async fn invite(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    let id = spaces::parse_id(&id).map_err(|error| ApiError::from_app(error, lang))?;
    let issued = spaces::issue_invite(&state, caller.person, id)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?;
    let body = Invite {
        token: issued.token,
        id: issued.id,
        expires_at: rfc3339(issued.expires_at),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(delete, path = "/spaces/{id}/invites/{invite}", tag = "spaces", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("invite" = String, Path, description = "The invite's id")),
    responses((status = 204, description = "Withdrawn"), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 404, description = "No such space or invite of yours", body = super::ErrorBody)))]
/// Withdraws an invite of the space; withdrawing it again changes nothing and succeeds.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((id, invite)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let lang = lang_of(&headers);
    let id = spaces::parse_id(&id).map_err(|error| ApiError::from_app(error, lang))?;
    spaces::revoke_invite(&state, caller.person, id, &invite)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Joined {
    space: String,
}

#[utoipa::path(post, path = "/invites/{token}/accept", tag = "spaces", security(("session" = []), ("token" = [])),
    params(("token" = String, Path, description = "The invite's secret token")),
    responses((status = 200, body = Joined), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 404, description = "No such invite", body = super::ErrorBody), (status = 409, description = "The space is full, or you are already in it", body = super::ErrorBody), (status = 410, description = "The invite is no longer valid", body = super::ErrorBody), (status = 429, description = "Too many attempts; see Retry-After", body = super::ErrorBody)))]
/// Accepts an invite: the caller joins its space. Limited per client address.
pub(crate) async fn accept(
    State(state): State<AppState>,
    parts: Parts,
    ApiCaller(caller): ApiCaller,
    Path(token): Path<String>,
) -> Result<Json<Joined>, ApiError> {
    let lang = lang_of(&parts.headers);
    let address = session::client_address(&parts);
    let space = doors::accept_invite(&state, caller.person, &token, &address)
        .await
        .map_err(|too_many| ApiError::too_many(too_many, lang))?
        .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(Joined {
        space: space.to_string(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Left {
    left: bool,
}

#[utoipa::path(post, path = "/spaces/{id}/leave", tag = "spaces", security(("session" = []), ("token" = [])), params(("id" = String, Path, description = "The space's id")),
    responses((status = 200, body = Left), (status = 401, description = "Not signed in", body = super::ErrorBody), (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody)))]
/// Leaves the space alone and at once. The partner learns only that the pairing ended.
pub(crate) async fn leave(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
) -> Result<Json<Left>, ApiError> {
    let lang = lang_of(&headers);
    let id = spaces::parse_id(&id).map_err(|error| ApiError::from_app(error, lang))?;
    spaces::leave(&state, caller.person, id)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(Left { left: true }))
}
