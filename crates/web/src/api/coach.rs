//! Coaches over JSON. A partner: their space's coaches with their own grant, invite links, grant
//! and revoke, and who read their data. A coach: the spaces they follow and each one's progress,
//! read-only (every write of a coach's is refused with 403 `coach_read_only` before it gets here).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use steadfast_core::coach::{AccountKind, DEFAULT_GRANT_DAYS};

use super::{ApiCaller, ApiError, OptionalJson, lang_of};
use crate::i18n::Lang;
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::coach::{self, CoachError, ReadKind};

/// A space's coach as one partner sees them, with that partner's own grant only.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CoachEntry {
    /// The coach's account id, for granting and revoking.
    id: String,
    username: String,
    since: String,
    /// When the caller's own grant to this coach ends; absent while the caller shares nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    granted_until: Option<String>,
}

/// One read of the caller's data by a coach: which view and when, never what was seen.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ReadEntry {
    coach: String,
    view: String,
    at: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PartnerCoaching {
    coaches: Vec<CoachEntry>,
    /// Coach reads of the caller's data in this space, newest first.
    reads: Vec<ReadEntry>,
}

#[utoipa::path(get, path = "/spaces/{id}/coach", tag = "coaching", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = PartnerCoaching),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The space's coaches with the caller's own grant to each, and every coach read of the caller's
/// data. Whether the partner granted is not shown.
pub(crate) async fn partner(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<PartnerCoaching>, ApiError> {
    let lang = lang_of(&headers);
    let view = async {
        let space = coach::parse_space(&space)?;
        coach::partner_view(&state, caller.person, space).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(PartnerCoaching {
        coaches: view
            .coaches
            .into_iter()
            .map(|line| CoachEntry {
                id: line.id.to_string(),
                username: lang.name_or_someone(line.username),
                since: rfc3339(line.since),
                granted_until: line.granted_until.map(rfc3339),
            })
            .collect(),
        reads: view
            .reads
            .into_iter()
            .map(|read| ReadEntry {
                coach: lang.name_or_someone(read.coach),
                view: read.view,
                at: rfc3339(read.at),
            })
            .collect(),
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CoachInvite {
    /// The path of the link to send; it works once. Only its hash is kept.
    path: String,
    expires_at: String,
}

#[utoipa::path(post, path = "/spaces/{id}/coach/invites", tag = "coaching", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = CoachInvite),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "A coach's account cannot do this", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Makes a single-use link, valid for 72 hours, by which a coach joins the space as its coach.
pub(crate) async fn invite(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<(axum::http::StatusCode, Json<CoachInvite>), ApiError> {
    let lang = lang_of(&headers);
    let issued = async {
        let space = coach::parse_space(&space)?;
        coach::issue_invite(&state, caller.person, space).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok((
        axum::http::StatusCode::CREATED,
        Json(CoachInvite {
            path: format!("/coach-invites/{}", issued.token),
            expires_at: rfc3339(issued.expires_at),
        }),
    ))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct GrantBody {
    /// How many days the grant lasts: 1 to 365, 90 if left out.
    #[serde(default)]
    days: Option<u32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct Granted {
    expires_at: String,
}

#[utoipa::path(post, path = "/spaces/{id}/coach/{coach}/grant", tag = "coaching", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("coach" = String, Path, description = "The coach's account id")),
    request_body(content = Option<GrantBody>, content_type = "application/json"),
    responses(
        (status = 200, body = Granted),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "A coach's account cannot do this", body = super::ErrorBody),
        (status = 404, description = "No such space or coach, or not one of yours", body = super::ErrorBody),
        (status = 422, description = "Days out of range", body = super::ErrorBody),
    ))]
/// Grants the space's coach access to the caller's own shared data, for a limited time.
pub(crate) async fn grant(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, coach_id)): Path<(String, String)>,
    OptionalJson(body): OptionalJson<GrantBody>,
) -> Result<Json<Granted>, ApiError> {
    let lang = lang_of(&headers);
    let expires_at = async {
        let space = coach::parse_space(&space)?;
        let coach_id = coach::parse_person(&coach_id)?;
        let days = body.days.unwrap_or(DEFAULT_GRANT_DAYS);
        coach::grant(&state, caller.person, space, coach_id, days).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(Granted {
        expires_at: rfc3339(expires_at),
    }))
}

#[utoipa::path(post, path = "/spaces/{id}/coach/{coach}/revoke", tag = "coaching", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("coach" = String, Path, description = "The coach's account id")),
    responses(
        (status = 204, description = "The caller shares nothing with this coach from now on"),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "A coach's account cannot do this", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Revokes the caller's grants to this coach, alone and at once: from the coach's next request
/// on, nothing of the caller's is in their view.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, coach_id)): Path<(String, String)>,
) -> Result<axum::http::StatusCode, ApiError> {
    let lang = lang_of(&headers);
    async {
        let space = coach::parse_space(&space)?;
        let coach_id = coach::parse_person(&coach_id)?;
        coach::revoke(&state, caller.person, space, coach_id).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CoachedSpace {
    id: String,
    name: String,
}

fn coach_only(kind: AccountKind, lang: Lang) -> Result<(), ApiError> {
    if kind == AccountKind::Coach {
        Ok(())
    } else {
        Err(ApiError::from_app(CoachError::NotFound, lang))
    }
}

#[utoipa::path(get, path = "/coach/spaces", tag = "coaching", security(("session" = []), ("token" = [])),
    responses(
        (status = 200, body = [CoachedSpace]),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "Not a coach's account", body = super::ErrorBody),
    ))]
/// The spaces the calling coach follows.
pub(crate) async fn coached(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
) -> Result<Json<Vec<CoachedSpace>>, ApiError> {
    let lang = lang_of(&headers);
    coach_only(caller.kind, lang)?;
    let lines = coach::coached(&state, caller.person)
        .await
        .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(
        lines
            .into_iter()
            .map(|line| CoachedSpace {
                id: line.id.to_string(),
                name: line.name,
            })
            .collect(),
    ))
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FeltEntry {
    at: String,
    /// The mean of the nine felt-trust items, 0–6.
    mean: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RepairEntry {
    opened_at: String,
    phase: String,
    status: String,
    /// Whether this partner is the hurt one in the plan.
    hurt: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PartnerEntry {
    username: String,
    felt_trust: Vec<FeltEntry>,
    checkins_completed: usize,
    /// Open repair plans; only when both partners granted (a plan is made by both partners'
    /// steps), else empty with `repairs_shown` false.
    repairs: Vec<RepairEntry>,
    repairs_shown: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RecordEntry {
    promiser: String,
    receiver: String,
    expected: f64,
    lower: f64,
    upper: f64,
    kept: u32,
    broken: u32,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CoachOverview {
    id: String,
    name: String,
    /// Only partners whose grant is in force appear.
    partners: Vec<PartnerEntry>,
    /// Both directions, only when both partners granted and both have the record on.
    record: Vec<RecordEntry>,
}

#[utoipa::path(get, path = "/coach/spaces/{id}", tag = "coaching", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = CoachOverview),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or the caller is not its coach", body = super::ErrorBody),
    ))]
/// The space's progress as its coach may see it right now; logged for each partner whose data
/// is in it.
pub(crate) async fn overview(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<CoachOverview>, ApiError> {
    let lang = lang_of(&headers);
    coach_only(caller.kind, lang)?;
    let view = async {
        let space = coach::parse_space(&space)?;
        coach::overview(&state, caller.person, space, ReadKind::Overview).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang))?;
    Ok(Json(CoachOverview {
        id: view.id.to_string(),
        name: view.name,
        partners: view
            .partners
            .into_iter()
            .map(|partner| PartnerEntry {
                username: lang.name_or_someone(partner.username),
                felt_trust: partner
                    .felt
                    .into_iter()
                    .map(|p| FeltEntry {
                        at: rfc3339(p.at),
                        mean: p.mean,
                    })
                    .collect(),
                checkins_completed: partner.checkins_done,
                repairs_shown: partner.repairs_shown,
                repairs: partner
                    .repairs
                    .into_iter()
                    .map(|repair| RepairEntry {
                        opened_at: rfc3339(repair.opened_at),
                        phase: repair.phase.as_str().to_owned(),
                        status: repair.status.to_owned(),
                        hurt: repair.hurt,
                    })
                    .collect(),
            })
            .collect(),
        record: view
            .record
            .into_iter()
            .map(|line| RecordEntry {
                promiser: lang.name_or_someone(line.promiser),
                receiver: lang.name_or_someone(line.receiver),
                expected: line.view.opinion.expected,
                lower: line.view.opinion.lower,
                upper: line.view.opinion.upper,
                kept: line.view.kept,
                broken: line.view.broken,
            })
            .collect(),
    }))
}
