//! Rituals and the space's time zone over JSON. A ritual's schedule is read in the space's time
//! zone when it is planned or changed, and carries that zone from then on. Whoever is not a
//! current member of the space gets 404 `not_found`, exactly as for a space or ritual that never
//! existed.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::ritual::{Ritual, Schedule};
use steadfast_core::{PersonId, SpaceId};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::rituals::{self, RitualError, RitualInput};

pub(super) fn space_id(text: &str) -> Result<SpaceId, RitualError> {
    text.parse().map_err(|_| RitualError::NotFound)
}

/// A ritual to plan, or what it becomes when changed.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct RitualBody {
    /// What the couple calls it: 1–80 characters.
    name: String,
    /// `date_night`, `walk`, `checkin` (the weekly check-in's slot) or `other` (the default).
    kind: Option<String>,
    /// Days of the week it happens on: `mon` … `sun`, at least one.
    weekdays: Vec<String>,
    /// The wall-clock time it starts, `HH:MM`, in the space's time zone.
    start: String,
    /// Every 1 (the default) to 4 weeks, counted from the week of `first_date`.
    #[schema(minimum = 1, maximum = 4)]
    every_weeks: Option<i64>,
    /// How long it lasts: 5–720 minutes.
    #[schema(minimum = 5, maximum = 720)]
    duration_minutes: i64,
    /// The first day it may happen, `YYYY-MM-DD`. Leave out for today (when planning) or to keep
    /// it (when changing).
    first_date: Option<String>,
}

impl From<RitualBody> for RitualInput {
    fn from(body: RitualBody) -> Self {
        RitualInput {
            name: body.name,
            kind: body.kind.unwrap_or_default(),
            weekdays: body.weekdays,
            start: body.start,
            every: body.every_weeks.unwrap_or(1),
            duration: body.duration_minutes,
            first_date: body.first_date.unwrap_or_default(),
        }
    }
}

/// When a ritual happens.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ScheduleView {
    /// `mon` … `sun`, Monday first.
    weekdays: Vec<String>,
    /// `HH:MM`, wall-clock time in `zone`.
    start: String,
    every_weeks: u8,
    duration_minutes: u16,
    /// `YYYY-MM-DD`.
    first_date: String,
    /// The IANA time zone the schedule is in: the space's when it was planned or last changed.
    zone: String,
}

impl From<&Schedule> for ScheduleView {
    fn from(schedule: &Schedule) -> Self {
        ScheduleView {
            weekdays: schedule
                .weekdays
                .names()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            start: schedule.start.to_string(),
            every_weeks: schedule.every.get(),
            duration_minutes: schedule.duration.get(),
            first_date: schedule.first_date.to_string(),
            zone: schedule.zone.to_string(),
        }
    }
}

/// One ritual of the space.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RitualView {
    id: String,
    name: String,
    /// `date_night`, `walk`, `checkin` or `other`.
    kind: String,
    schedule: ScheduleView,
    /// False once either partner ended it.
    active: bool,
    /// RFC 3339, UTC: when it was ended.
    ended_at: Option<String>,
    /// RFC 3339, UTC: when it next starts, at the server's now; null when ended.
    next: Option<String>,
}

impl RitualView {
    fn of(ritual: &Ritual, now: steadfast_core::Timestamp) -> Self {
        RitualView {
            id: ritual.id.to_string(),
            name: ritual.name.as_str().to_owned(),
            kind: ritual.kind.as_str().to_owned(),
            schedule: ScheduleView::from(&ritual.schedule),
            active: ritual.is_active(),
            ended_at: ritual.ended_at.map(rfc3339),
            next: ritual.next_after(now).map(rfc3339),
        }
    }
}

/// The space's rituals, in the order they were planned, with its time zone.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RitualList {
    /// The space's IANA time zone; `UTC` until a partner sets one.
    time_zone: String,
    /// Whether a partner has set it.
    time_zone_set: bool,
    rituals: Vec<RitualView>,
}

/// The new ritual's id.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RitualCreated {
    id: String,
}

#[utoipa::path(get, path = "/spaces/{id}/rituals", tag = "rituals", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = RitualList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The space's rituals (ended ones too), with the space's time zone.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<RitualList>, ApiError> {
    listed(&state, caller.person, &space)
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

async fn listed(
    state: &AppState,
    person: PersonId,
    space: &str,
) -> Result<RitualList, RitualError> {
    let opened = rituals::open(state, person, space_id(space)?).await?;
    let now = state.now();
    let ledger = opened.ledger();
    Ok(RitualList {
        time_zone: ledger.zone.get().to_string(),
        time_zone_set: ledger.zone.is_set(),
        rituals: ledger
            .rituals
            .all()
            .iter()
            .map(|ritual| RitualView::of(ritual, now))
            .collect(),
    })
}

#[utoipa::path(post, path = "/spaces/{id}/rituals", tag = "rituals", request_body = RitualBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = RitualCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "50 of the caller's rituals are planned already (`too_many_rituals`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused: `name_invalid`, `kind_invalid`, `weekdays_invalid`, `start_invalid`, `every_invalid`, `duration_invalid`, `first_date_invalid`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Plans a ritual, in the space's time zone as it is now.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<RitualBody>,
) -> Result<Response, ApiError> {
    let input = RitualInput::from(body);
    let planned = async {
        let space = space_id(&space)?;
        rituals::plan(&state, caller.person, space, input.read()?).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = RitualCreated {
        id: planned.to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

async fn one(
    state: &AppState,
    person: PersonId,
    (space, ritual): (&str, &str),
) -> Result<RitualView, RitualError> {
    let opened = rituals::open(state, person, space_id(space)?).await?;
    let found = rituals::ritual(&opened, rituals::parse_id(ritual)?)?;
    Ok(RitualView::of(found, state.now()))
}

#[utoipa::path(get, path = "/spaces/{id}/rituals/{ritual}", tag = "rituals", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("ritual" = String, Path, description = "The ritual's id")),
    responses(
        (status = 200, body = RitualView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or ritual of yours", body = super::ErrorBody),
    ))]
/// One ritual, with when it next starts.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, ritual)): Path<(String, String)>,
) -> Result<Json<RitualView>, ApiError> {
    one(&state, caller.person, (&space, &ritual))
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(put, path = "/spaces/{id}/rituals/{ritual}", tag = "rituals", request_body = RitualBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("ritual" = String, Path, description = "The ritual's id")),
    responses(
        (status = 200, body = RitualView),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or ritual of yours", body = super::ErrorBody),
        (status = 409, description = "The ritual has ended (`ritual_ended`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused (as when planning)", body = super::ErrorBody),
    ))]
/// Changes a ritual's name, kind and schedule, for both partners. The schedule moves to the
/// space's time zone as it is now.
pub(crate) async fn change(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, ritual)): Path<(String, String)>,
    ApiJson(body): ApiJson<RitualBody>,
) -> Result<Json<RitualView>, ApiError> {
    let input = RitualInput::from(body);
    async {
        let space_id = space_id(&space)?;
        let id = rituals::parse_id(&ritual)?;
        rituals::change(&state, caller.person, space_id, id, input.read()?).await?;
        one(&state, caller.person, (&space, &ritual)).await
    }
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(delete, path = "/spaces/{id}/rituals/{ritual}", tag = "rituals", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("ritual" = String, Path, description = "The ritual's id")),
    responses(
        (status = 204, description = "Ended"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or ritual of yours", body = super::ErrorBody),
        (status = 409, description = "It has ended already (`ritual_ended`)", body = super::ErrorBody),
    ))]
/// Ends a ritual, for both partners. Its past stays in the list, marked ended.
pub(crate) async fn end(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, ritual)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    async {
        let space = space_id(&space)?;
        let id = rituals::parse_id(&ritual)?;
        rituals::end(&state, caller.person, space, id).await
    }
    .await
    .map(|()| StatusCode::NO_CONTENT)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// The space's time zone.
#[derive(Deserialize, Serialize, utoipa::ToSchema)]
pub(crate) struct TimeZoneBody {
    /// An IANA name such as `Europe/Warsaw`.
    time_zone: String,
}

#[utoipa::path(put, path = "/spaces/{id}/time-zone", tag = "rituals", request_body = TimeZoneBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = TimeZoneBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 422, description = "Not a time zone we know (`time_zone_invalid`)", body = super::ErrorBody),
    ))]
/// Sets the space's time zone, in which new and changed rituals are scheduled and the daily
/// ritual's days begin. Existing rituals keep the zone they were planned in until changed.
pub(crate) async fn set_time_zone(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<TimeZoneBody>,
) -> Result<Json<TimeZoneBody>, ApiError> {
    async {
        let space = space_id(&space)?;
        let zone = rituals::parse_zone(&body.time_zone)?;
        rituals::set_zone(&state, caller.person, space, zone).await
    }
    .await
    .map(|zone| {
        Json(TimeZoneBody {
            time_zone: zone.to_string(),
        })
    })
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
