//! The caller's private calendar feed over JSON: make it (or give it a new address; the old one
//! stops working), switch discreet titles, switch it off. The address is answered once, when it
//! is made; only a hash of its token is kept.

use axum::Json;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use steadfast_app::calendar::{self, CalendarError};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::auth::{doors, session};
use crate::calendar::{feed_path, feed_url};
use crate::state::AppState;

/// A new feed address.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FeedCreated {
    /// The full address to subscribe to. Shown this once.
    url: String,
    /// The same, as a path on this site.
    path: String,
    discreet: bool,
}

/// The feed's setting.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FeedSettings {
    /// True: every entry is called "Plans", with no names, promise texts or descriptions.
    discreet: bool,
}

fn refusal(error: CalendarError, headers: &HeaderMap) -> ApiError {
    ApiError::from_app(error, lang_of(headers))
}

#[utoipa::path(get, path = "/calendar-feed", tag = "calendar", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = FeedSettings),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "You have no feed (`no_feed`)", body = super::ErrorBody),
    ))]
/// Whether the caller has a feed, and its setting. The address is never shown again.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<FeedSettings>, ApiError> {
    let feed = calendar::settings(&state, caller.person)
        .await
        .map_err(|e| refusal(e, &headers))?
        .ok_or_else(|| refusal(CalendarError::NoFeed, &headers))?;
    Ok(Json(FeedSettings {
        discreet: feed.discreet,
    }))
}

#[utoipa::path(post, path = "/calendar-feed", tag = "calendar", security(("session" = []), ("token" = [])),
    responses(
        (status = 201, body = FeedCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
    ))]
/// Makes the caller's private calendar feed, or gives it a new address (the old one stops
/// working at once; the discreet setting stays). A new feed has discreet titles.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, ApiError> {
    let token = calendar::create(&state, caller.person, lang_of(&headers).code())
        .await
        .map_err(|e| refusal(e, &headers))?;
    let discreet = calendar::settings(&state, caller.person)
        .await
        .map_err(|e| refusal(e, &headers))?
        .is_none_or(|feed| feed.discreet);
    let body = FeedCreated {
        url: feed_url(&headers, &token),
        path: feed_path(&token),
        discreet,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// A change to the feed's setting.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct FeedSettingsBody {
    /// True: every entry is called "Plans", with no names, promise texts or descriptions.
    discreet: bool,
    /// Your password again, needed to turn discreet titles off (from a signed-in session):
    /// whoever holds the address then reads names and promise texts. Turning them on never
    /// reads it; a wrong or empty one when turning them off is `password_wrong`.
    #[serde(default)]
    password: Option<String>,
}

#[utoipa::path(put, path = "/calendar-feed", tag = "calendar", request_body = FeedSettingsBody, security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = FeedSettings),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Turning discreet titles off: the password is wrong or missing (`password_wrong`), or called with a token instead of a session (`session_required`)", body = super::ErrorBody),
        (status = 404, description = "You have no feed (`no_feed`)", body = super::ErrorBody),
        (status = 429, description = "Too many password checks from this address", body = super::ErrorBody),
    ))]
/// Switches discreet titles on or off. Turning them off needs `password` and a signed-in
/// session; turning them on never asks.
pub(crate) async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    parts: Parts,
    ApiJson(body): ApiJson<FeedSettingsBody>,
) -> Result<Json<FeedSettings>, ApiError> {
    let headers = &parts.headers;
    let address = session::client_address(&parts);
    match doors::set_feed_discreet(
        &state,
        &caller,
        body.discreet,
        body.password.as_deref(),
        &address,
    )
    .await
    {
        Ok(Ok(())) => Ok(Json(FeedSettings {
            discreet: body.discreet,
        })),
        Ok(Err(error)) => Err(refusal(error, headers)),
        Err(too_many) => Err(ApiError::too_many(too_many, lang_of(headers))),
    }
}

#[utoipa::path(delete, path = "/calendar-feed", tag = "calendar", security(("session" = []), ("token" = [])),
    responses(
        (status = 204, description = "Switched off: the address no longer works"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "You have no feed (`no_feed`)", body = super::ErrorBody),
    ))]
/// Switches the feed off: its address stops working at once.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<StatusCode, ApiError> {
    calendar::revoke(&state, caller.person)
        .await
        .map_err(|e| refusal(e, &headers))?;
    Ok(StatusCode::NO_CONTENT)
}
