//! The daily ritual over JSON: today's entry (written again the same day, it replaces that day's)
//! and the last two weeks the caller may see — their own entries and their partner's shared
//! ones. There are no counts of days here, by design.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use steadfast_core::{PersonId, Visibility};

use super::rituals::space_id;
use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::rituals::{self, DailyInput, RitualError};

/// Today's entry.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct DailyBody {
    /// How the day felt, 1 (heavy) to 5 (light).
    #[schema(minimum = 1, maximum = 5)]
    mood: i64,
    /// One thing appreciated today, up to 280 characters; leave out for none.
    appreciation: Option<String>,
    /// Tomorrow's plan, up to 280 characters; leave out for none.
    plan: Option<String>,
    /// True to keep this entry to yourself; shared with your partner otherwise.
    #[serde(default)]
    private: bool,
}

/// One day's entry.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DailyEntryView {
    /// `YYYY-MM-DD`, in the space's time zone.
    day: String,
    /// True for the caller's own entries.
    yours: bool,
    mood: u8,
    appreciation: Option<String>,
    plan: Option<String>,
    /// True for an entry its author kept to themselves (only ever the caller's own).
    private: bool,
    /// RFC 3339, UTC: when it was last written.
    written_at: String,
}

/// Today in the space's time zone, and the entries of the last 14 days, newest day first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct DailyList {
    today: String,
    time_zone: String,
    entries: Vec<DailyEntryView>,
}

async fn listed(state: &AppState, person: PersonId, space: &str) -> Result<DailyList, RitualError> {
    let opened = rituals::open(state, person, space_id(space)?).await?;
    let today = rituals::today(&opened, state.now());
    let ledger = opened.ledger();
    Ok(DailyList {
        today: today.to_string(),
        time_zone: ledger.zone.get().to_string(),
        entries: ledger
            .daily
            .recent(rituals::daily_since(today), person)
            .into_iter()
            .map(|entry| DailyEntryView {
                day: entry.day.to_string(),
                yours: entry.author == person,
                mood: entry.written.mood.get(),
                appreciation: entry
                    .written
                    .appreciation
                    .as_ref()
                    .map(|t| t.as_str().to_owned()),
                plan: entry.written.plan.as_ref().map(|t| t.as_str().to_owned()),
                private: entry.visibility == Visibility::Private,
                written_at: rfc3339(entry.at),
            })
            .collect(),
    })
}

#[utoipa::path(get, path = "/spaces/{id}/daily", tag = "daily", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = DailyList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The last two weeks of daily entries the caller may see: their own, and their partner's
/// shared ones.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<DailyList>, ApiError> {
    listed(&state, caller.person, &space)
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(put, path = "/spaces/{id}/daily", tag = "daily", request_body = DailyBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = DailyList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 422, description = "A field was refused: `mood_invalid`, `appreciation_invalid`, `plan_invalid`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Writes the caller's entry for today (in the space's time zone), replacing today's earlier
/// one. Answers the entries as they are now.
pub(crate) async fn write(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<DailyBody>,
) -> Result<Json<DailyList>, ApiError> {
    let input = DailyInput {
        mood: body.mood,
        appreciation: body.appreciation.unwrap_or_default(),
        plan: body.plan.unwrap_or_default(),
        private: body.private,
    };
    async {
        let id = space_id(&space)?;
        rituals::write_daily(&state, caller.person, id, input.read()?).await?;
        listed(&state, caller.person, &space).await
    }
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
