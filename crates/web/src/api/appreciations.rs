//! Appreciations and the balance view over JSON. Whoever is not a current member of the space
//! gets 404 `not_found`. Times are RFC 3339, UTC.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::appreciation::{BalanceParams, Celebration};

use super::promises::space_id;
use super::{ApiCaller, ApiError, ApiJson, Paging, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::appreciations::{self, AppreciationError};

/// One appreciation.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AppreciationBody {
    id: String,
    /// True when the caller gave it.
    from_you: bool,
    text: String,
    /// RFC 3339, UTC.
    at: String,
}

/// The appreciations between the caller and their partner, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AppreciationList {
    appreciations: Vec<AppreciationBody>,
    /// The `after` that asks for the next page; `null` on the last page.
    next: Option<String>,
}

/// A thank-you or a noticing.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewAppreciation {
    /// 1–280 characters.
    text: String,
}

/// The new appreciation's id.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AppreciationCreated {
    id: String,
}

/// How many moments of one kind.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct MomentCount {
    /// `appreciation`, `checkin_appreciation`, `daily_appreciation`, `promise_kept`,
    /// `boundary_honoured` (positive); `promise_broken`, `boundary_crossed` (negative).
    kind: String,
    positive: bool,
    count: u32,
}

/// A moment of progress. A run that ends is simply no longer listed.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum CelebrationBody {
    /// The latest promises one partner made to the other, this many kept in a row.
    PromisesKept { by_you: bool, count: usize },
    /// A boundary honoured since its acknowledgement or its last crossing, this many days.
    BoundaryHonoured {
        boundary: String,
        yours: bool,
        days: u64,
    },
}

/// Positive against negative moments over the last four weeks: a gentle guide after John
/// Gottman's finding that stable couples have about five positive interactions for each negative
/// one. A guide, not a score.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct BalanceBody {
    /// RFC 3339, UTC: the window's start.
    since: String,
    until: String,
    positive: u32,
    negative: u32,
    /// About this many positive moments for each negative one (5).
    guide_ratio: u32,
    /// Whether the positive side is at or above the guide.
    meets_guide: bool,
    by_kind: Vec<MomentCount>,
    celebrations: Vec<CelebrationBody>,
}

#[utoipa::path(get, path = "/spaces/{id}/appreciations", tag = "appreciations", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), Paging),
    responses(
        (status = 200, body = AppreciationList),
        (status = 400, description = "The query could not be read (`bad_request`)", body = super::ErrorBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours; or `cursor_not_found` for an `after` that names no appreciation of the list", body = super::ErrorBody),
        (status = 422, description = "`limit_invalid`", body = super::ErrorBody),
    ))]
/// The appreciations between the caller and their current partner, both ways, newest first, a
/// page at a time (`limit`, 50 by default; `next` leads on).
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<AppreciationList>, ApiError> {
    let lang = lang_of(&headers);
    let opened = match space_id(&space) {
        Ok(id) => appreciations::open(&state, caller.person, id).await,
        Err(_) => Err(AppreciationError::NotFound),
    }
    .map_err(|error| ApiError::from_app(error, lang))?;
    let page = paging.page(appreciations::list(&opened), |a| a.id.to_string(), lang)?;
    Ok(Json(AppreciationList {
        appreciations: page
            .items
            .into_iter()
            .map(|a| AppreciationBody {
                id: a.id.to_string(),
                from_you: a.from == caller.person,
                text: a.text.as_str().to_owned(),
                at: rfc3339(a.at),
            })
            .collect(),
        next: page.next,
    }))
}

#[utoipa::path(post, path = "/spaces/{id}/appreciations", tag = "appreciations", request_body = NewAppreciation, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = AppreciationCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "No partner yet (`no_partner`)", body = super::ErrorBody),
        (status = 422, description = "The text was refused (`text_invalid`)", body = super::ErrorBody),
    ))]
/// Gives the caller's partner a short thank-you or noticing. Shared with the partner.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<NewAppreciation>,
) -> Result<Response, ApiError> {
    let given = async {
        let text = appreciations::parse_text(&body.text)?;
        let space = space_id(&space).map_err(|_| AppreciationError::NotFound)?;
        appreciations::give(&state, caller.person, space, text).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = AppreciationCreated {
        id: given.to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/spaces/{id}/balance", tag = "appreciations", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = BalanceBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Positive against negative moments over the last four weeks, as the caller may see them, and
/// the moments of progress worth celebrating. A gentle guide after Gottman's 5:1 finding — not a
/// score, and never about one person.
pub(crate) async fn balance(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<BalanceBody>, ApiError> {
    let found = async {
        let space = space_id(&space).map_err(|_| AppreciationError::NotFound)?;
        let opened = appreciations::open(&state, caller.person, space).await?;
        let (balance, celebrations) = appreciations::balance_of(&opened, &state);
        let params = BalanceParams::DEFAULT;
        Ok::<_, AppreciationError>(BalanceBody {
            since: rfc3339(balance.since),
            until: rfc3339(balance.until),
            positive: balance.positive,
            negative: balance.negative,
            guide_ratio: params.guide_ratio,
            meets_guide: balance.meets_guide(&params),
            by_kind: balance
                .by_kind
                .iter()
                .map(|(kind, count)| MomentCount {
                    kind: kind.as_str().to_owned(),
                    positive: kind.is_positive(),
                    count: *count,
                })
                .collect(),
            celebrations: celebrations
                .into_iter()
                .map(|c| match c {
                    Celebration::PromisesKept { promiser, count } => {
                        CelebrationBody::PromisesKept {
                            by_you: promiser == caller.person,
                            count,
                        }
                    }
                    Celebration::BoundaryHonoured {
                        boundary,
                        owner,
                        days,
                    } => CelebrationBody::BoundaryHonoured {
                        boundary: boundary.to_string(),
                        yours: owner == caller.person,
                        days,
                    },
                })
                .collect(),
        })
    }
    .await;
    found
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
