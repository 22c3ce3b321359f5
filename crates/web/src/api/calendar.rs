//! The caller's private calendar feed over JSON: make it (or give it a new address; the old one
//! stops working), switch discreet titles, switch it off. The address is answered once, when it
//! is made; only a hash of its token is kept.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::AppState;
use crate::calendar;
use crate::error::WebError;

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
#[derive(Deserialize, Serialize, utoipa::ToSchema)]
pub(crate) struct FeedSettings {
    /// True: every entry is called "Plans", with no names, promise texts or descriptions.
    discreet: bool,
}

fn no_feed(headers: &HeaderMap) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "no_feed",
        lang_of(headers).t("calendar-feed-none"),
    )
}

fn failed(error: WebError, headers: &HeaderMap) -> ApiError {
    ApiError::from_web(error, lang_of(headers))
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
        .map_err(|e| failed(e, &headers))?
        .ok_or_else(|| no_feed(&headers))?;
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
    let token = calendar::create(&state, caller.person)
        .await
        .map_err(|e| failed(e, &headers))?;
    let discreet = calendar::settings(&state, caller.person)
        .await
        .map_err(|e| failed(e, &headers))?
        .is_none_or(|feed| feed.discreet);
    let body = FeedCreated {
        url: calendar::feed_url(&headers, &token),
        path: calendar::feed_path(&token),
        discreet,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(put, path = "/calendar-feed", tag = "calendar", request_body = FeedSettings, security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = FeedSettings),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "You have no feed (`no_feed`)", body = super::ErrorBody),
    ))]
/// Switches discreet titles on or off.
pub(crate) async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    ApiJson(body): ApiJson<FeedSettings>,
) -> Result<Json<FeedSettings>, ApiError> {
    let found = calendar::set_discreet(&state, caller.person, body.discreet)
        .await
        .map_err(|e| failed(e, &headers))?;
    if found {
        Ok(Json(body))
    } else {
        Err(no_feed(&headers))
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
    let found = calendar::revoke(&state, caller.person)
        .await
        .map_err(|e| failed(e, &headers))?;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(no_feed(&headers))
    }
}
