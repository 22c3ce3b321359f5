//! The weekly check-in over JSON: list and start, read one (your own answers and draft, its
//! status, and the partner's answers only once both have submitted), save a draft, submit, and
//! call or end a break. Whoever is not a current member of the space gets 404 `not_found`,
//! exactly as for a space or check-in that never existed.
//!
//! Times are RFC 3339, UTC.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::checkin::{Answers, Checkin, FeltTrust, Standing, TrendPoint};
use steadfast_core::{CheckinId, PersonId, SpaceId};

use super::promises::space_id;
use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::times::rfc3339;
use crate::state::AppState;
use steadfast_app::checkins::{self, CheckinError, DraftInput};
use steadfast_app::ledger::Opened;

fn ids(space: &str, checkin: &str) -> Result<(SpaceId, CheckinId), CheckinError> {
    let space = space_id(space).map_err(|_| CheckinError::NotFound)?;
    Ok((space, checkins::parse_id(checkin)?))
}

/// Where a check-in stands for the caller.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CheckinStatus {
    /// The caller still has answers to give.
    Open,
    /// The caller has submitted; the partner has not yet.
    Waiting,
    /// Both have submitted: the answers are open to both.
    Complete,
    /// Not complete, and with a former partner: it can go on no more.
    Lapsed,
}

impl From<Standing> for CheckinStatus {
    fn from(standing: Standing) -> Self {
        match standing {
            Standing::Open => CheckinStatus::Open,
            Standing::Waiting => CheckinStatus::Waiting,
            Standing::Complete => CheckinStatus::Complete,
            Standing::Lapsed => CheckinStatus::Lapsed,
        }
    }
}

/// A check-in of the caller's.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CheckinSummary {
    id: String,
    status: CheckinStatus,
    /// RFC 3339, UTC.
    started_at: String,
    /// True when the caller started it.
    started_by_you: bool,
    /// False in solo mode.
    with_partner: bool,
    you_submitted: bool,
    /// Only that the partner finished, never what they wrote.
    partner_submitted: bool,
    /// When both had submitted.
    completed_at: Option<String>,
    /// When the running break ends; null when none runs.
    break_until: Option<String>,
    /// Whether the caller asked for the running break (only they may end it early); null when
    /// none runs.
    break_by_you: Option<bool>,
}

impl CheckinSummary {
    fn of(checkin: &Checkin, opened: &Opened, now: steadfast_core::Timestamp) -> Self {
        let person = opened.person;
        let other = checkin.other(person);
        let submitted = |p: Option<PersonId>| {
            p.and_then(|p| checkin.side(p))
                .is_some_and(|s| s.submitted_at.is_some())
        };
        CheckinSummary {
            id: checkin.id.to_string(),
            status: checkin.standing(person, opened.partner).into(),
            started_at: rfc3339(checkin.started_at),
            started_by_you: checkin.started_by == person,
            with_partner: other.is_some(),
            you_submitted: submitted(Some(person)),
            partner_submitted: submitted(other),
            completed_at: checkin.completed_at().map(rfc3339),
            break_until: checkin.break_at(now).map(|b| rfc3339(b.until)),
            break_by_you: checkin.break_at(now).map(|b| b.by == person),
        }
    }
}

/// The caller's check-ins, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CheckinList {
    checkins: Vec<CheckinSummary>,
}

/// The new check-in's id.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CheckinCreated {
    id: String,
}

/// Answers as JSON: every field optional. Felt-trust items are keyed by name
/// (`knew_what_to_expect`, `heard_of_changes`, `no_surprises`, `showed_up`, `in_good_hands`,
/// `honest_when_awkward`, `will_get_through`, `has_my_good`, `calm_about_future`).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AnswersBody {
    appreciations: Vec<String>,
    went_right: Option<String>,
    /// Item name → 0 (not at all) … 6 (completely).
    felt_trust: BTreeMap<String, i8>,
    /// What this partner spoke about.
    topic: Option<String>,
    /// What this partner heard while listening.
    listener_notes: Option<String>,
    requests: Option<String>,
    /// −5 … +5; only ever in the caller's own answers.
    how_it_went: Option<i8>,
}

impl From<&Answers> for AnswersBody {
    fn from(answers: &Answers) -> Self {
        let text = |note: &Option<steadfast_core::checkin::Note>| {
            note.as_ref().map(|n| n.as_str().to_owned())
        };
        AnswersBody {
            appreciations: answers
                .appreciations
                .iter()
                .map(|a| a.as_str().to_owned())
                .collect(),
            went_right: text(&answers.went_right),
            felt_trust: answers
                .felt_trust
                .iter()
                .map(|(item, level)| (item.as_str().to_owned(), level.get()))
                .collect(),
            topic: text(&answers.topic),
            listener_notes: text(&answers.listener_notes),
            requests: text(&answers.requests),
            how_it_went: answers.how_it_went.map(|f| f.get()),
        }
    }
}

/// One check-in as the caller may see it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CheckinDetail {
    #[serde(flatten)]
    summary: CheckinSummary,
    /// Where the caller's draft stopped: `appreciations`, `went_right`, `felt_trust`, `topic`,
    /// `requests`, `how_it_went` or `review`.
    step: String,
    /// The caller's saved answers before submitting; null afterwards.
    draft: Option<AnswersBody>,
    /// The caller's submitted answers, with their "how did that go".
    yours: Option<AnswersBody>,
    /// The partner's answers, only once both have submitted, never with their "how did that go".
    partner: Option<AnswersBody>,
}

async fn detail(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: CheckinId,
) -> Result<CheckinDetail, CheckinError> {
    let opened = checkins::open(state, person, space).await?;
    let checkin = checkins::find(&opened, id)?;
    let mine = checkin.side(person);
    let partner = checkin
        .other(person)
        .and_then(|other| checkin.side(other))
        .and_then(|s| s.revealed.as_ref())
        .filter(|_| checkin.is_complete());
    Ok(CheckinDetail {
        summary: CheckinSummary::of(checkin, &opened, state.now()),
        step: checkin.step_of(person).as_str().to_owned(),
        draft: mine
            .and_then(|s| s.draft.as_ref())
            .map(|(answers, _)| AnswersBody::from(answers)),
        yours: mine.and_then(|s| s.answers.as_ref()).map(AnswersBody::from),
        partner: partner.map(AnswersBody::from),
    })
}

#[utoipa::path(get, path = "/spaces/{id}/checkins", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = CheckinList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The caller's check-ins in this space, newest first, with where each stands. Nothing of the
/// partner's answers is here.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<CheckinList>, ApiError> {
    let listed = async {
        let space = space_id(&space).map_err(|_| CheckinError::NotFound)?;
        let opened = checkins::open(&state, caller.person, space).await?;
        let now = state.now();
        Ok::<_, CheckinError>(CheckinList {
            checkins: checkins::list(&opened)
                .into_iter()
                .map(|c| CheckinSummary::of(c, &opened, now))
                .collect(),
        })
    }
    .await;
    listed
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/checkins", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = CheckinCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "One is open already (`already_open`)", body = super::ErrorBody),
    ))]
/// Starts a weekly check-in with the caller's partner, or alone in solo mode. One is open at a
/// time.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Response, ApiError> {
    let started = async {
        let space = space_id(&space).map_err(|_| CheckinError::NotFound)?;
        checkins::start(&state, caller.person, space).await
    }
    .await
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = CheckinCreated {
        id: started.to_string(),
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/spaces/{id}/checkins/{checkin}", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("checkin" = String, Path, description = "The check-in's id")),
    responses(
        (status = 200, body = CheckinDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or check-in of yours", body = super::ErrorBody),
    ))]
/// One check-in: where it stands, the caller's own draft or answers, and the partner's answers
/// only once both have submitted — never the partner's "how did that go".
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, checkin)): Path<(String, String)>,
) -> Result<Json<CheckinDetail>, ApiError> {
    let shown = match ids(&space, &checkin) {
        Ok((space, id)) => detail(&state, caller.person, space, id).await,
        Err(error) => Err(error),
    };
    shown
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// Part of the caller's answers. Fields left out (or null) stay as they were; an empty text
/// clears one; felt-trust answers given are merged in.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct DraftBody {
    /// Up to 5, each 1–280 characters; blank ones are left out. Replaces the list.
    appreciations: Option<Vec<String>>,
    /// Up to 2000 characters.
    went_right: Option<String>,
    /// Item name → 0 … 6.
    felt_trust: Option<BTreeMap<String, i64>>,
    /// Up to 2000 characters.
    topic: Option<String>,
    /// Up to 2000 characters.
    listener_notes: Option<String>,
    /// Up to 2000 characters.
    requests: Option<String>,
    /// −5 … +5. Stays private to the caller for ever.
    #[schema(minimum = -5, maximum = 5)]
    how_it_went: Option<i64>,
    /// The step to come back to.
    step: Option<String>,
}

impl From<DraftBody> for DraftInput {
    fn from(body: DraftBody) -> Self {
        DraftInput {
            appreciations: body.appreciations,
            went_right: body.went_right,
            felt_trust: body.felt_trust.unwrap_or_default().into_iter().collect(),
            topic: body.topic,
            listener_notes: body.listener_notes,
            requests: body.requests,
            how_it_went: body.how_it_went,
            step: body.step,
        }
    }
}

#[utoipa::path(put, path = "/spaces/{id}/checkins/{checkin}/draft", tag = "checkins", request_body = DraftBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("checkin" = String, Path, description = "The check-in's id")),
    responses(
        (status = 200, body = CheckinDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or check-in of yours", body = super::ErrorBody),
        (status = 409, description = "Submitted, complete, or with a former partner (`already_submitted`, `completed`, `lapsed`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused", body = super::ErrorBody),
    ))]
/// Saves part of the caller's answers as their private draft, to resume on any device. Allowed
/// during a break, so nothing typed is lost.
pub(crate) async fn save_draft(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, checkin)): Path<(String, String)>,
    ApiJson(body): ApiJson<DraftBody>,
) -> Result<Json<CheckinDetail>, ApiError> {
    let saved = async {
        let patch = DraftInput::from(body).parse()?;
        let (space, id) = ids(&space, &checkin)?;
        checkins::save_draft(&state, caller.person, space, id, &patch).await?;
        detail(&state, caller.person, space, id).await
    }
    .await;
    saved
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// Runs one state change and answers the check-in as it is after it.
async fn step<F, Fut>(
    state: &AppState,
    person: PersonId,
    (space, checkin): (String, String),
    act: F,
) -> Result<CheckinDetail, CheckinError>
where
    F: FnOnce(SpaceId, CheckinId) -> Fut,
    Fut: std::future::Future<Output = Result<(), CheckinError>>,
{
    let (space, id) = ids(&space, &checkin)?;
    act(space, id).await?;
    detail(state, person, space, id).await
}

#[utoipa::path(post, path = "/spaces/{id}/checkins/{checkin}/submit", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("checkin" = String, Path, description = "The check-in's id")),
    responses(
        (status = 200, body = CheckinDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or check-in of yours", body = super::ErrorBody),
        (status = 409, description = "Submitted already, complete, on a break, or with a former partner (`already_submitted`, `completed`, `on_break`, `lapsed`)", body = super::ErrorBody),
        (status = 422, description = "The draft lacks answers (`incomplete_felt_trust`, `incomplete_how_it_went`)", body = super::ErrorBody),
    ))]
/// Submits the caller's draft. Their answers stay sealed until the partner submits too; then
/// both partners' answers open to both, except each one's "how did that go".
pub(crate) async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<CheckinDetail>, ApiError> {
    let person = caller.person;
    step(&state, person, path, |space, id| {
        checkins::submit(&state, person, space, id)
    })
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/checkins/{checkin}/break", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("checkin" = String, Path, description = "The check-in's id")),
    responses(
        (status = 200, body = CheckinDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or check-in of yours", body = super::ErrorBody),
        (status = 409, description = "A break runs already, or it is complete (`on_break`, `completed`, `lapsed`)", body = super::ErrorBody),
    ))]
/// Calls a 20-minute break for both partners, at any step. Each resumes where they were.
pub(crate) async fn call_break(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<CheckinDetail>, ApiError> {
    let person = caller.person;
    step(&state, person, path, |space, id| {
        checkins::pause(&state, person, space, id)
    })
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(delete, path = "/spaces/{id}/checkins/{checkin}/break", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("checkin" = String, Path, description = "The check-in's id")),
    responses(
        (status = 200, body = CheckinDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who asked for the break ends it early (`not_your_break`)", body = super::ErrorBody),
        (status = 404, description = "No such space or check-in of yours", body = super::ErrorBody),
        (status = 409, description = "No break is running (`no_break`)", body = super::ErrorBody),
    ))]
/// Ends the running break early, for both partners.
pub(crate) async fn end_break(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<CheckinDetail>, ApiError> {
    let person = caller.person;
    step(&state, person, path, |space, id| {
        checkins::resume(&state, person, space, id)
    })
    .await
    .map(Json)
    .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// Felt trust at one check-in, on the items' 0–6 scale.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct FeltTrustBody {
    /// The mean of the nine items.
    mean: f64,
    predictability: f64,
    dependability: f64,
    faith: f64,
}

impl From<FeltTrust> for FeltTrustBody {
    fn from(felt: FeltTrust) -> Self {
        FeltTrustBody {
            mean: felt.mean,
            predictability: felt.predictability,
            dependability: felt.dependability,
            faith: felt.faith,
        }
    }
}

/// One check-in on the trend: completed, or submitted by the caller and waiting for the partner.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct TrendPointBody {
    checkin: String,
    /// When both had submitted; while the partner has not, when the caller did.
    at: String,
    /// Both have submitted.
    complete: bool,
    yours: Option<FeltTrustBody>,
    /// Only where revealed to the caller.
    partner: Option<FeltTrustBody>,
}

impl From<&TrendPoint> for TrendPointBody {
    fn from(point: &TrendPoint) -> Self {
        TrendPointBody {
            checkin: point.checkin.to_string(),
            at: rfc3339(point.at),
            complete: point.complete,
            yours: point.mine.map(FeltTrustBody::from),
            partner: point.partner.map(FeltTrustBody::from),
        }
    }
}

/// Reliable change from the first completed check-in to the latest (Jacobson & Truax).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ChangeBody {
    first: f64,
    latest: f64,
    /// `(latest − first) / S_diff`.
    rci: f64,
    /// `rci ≥ 1.96`.
    reliably_better: bool,
    /// `rci ≤ −1.96`.
    reliably_worse: bool,
}

impl From<steadfast_core::checkin::trend::Change> for ChangeBody {
    fn from(change: steadfast_core::checkin::trend::Change) -> Self {
        ChangeBody {
            first: change.first,
            latest: change.latest,
            rci: change.rci,
            reliably_better: change.improved,
            reliably_worse: change.worsened,
        }
    }
}

/// Felt trust over the caller's submitted check-ins with their current partner.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct TrendBody {
    /// Oldest first.
    points: Vec<TrendPointBody>,
    yours: Option<ChangeBody>,
    partner: Option<ChangeBody>,
    /// Four or more completed check-ins without reliable improvement for either partner: a
    /// couples therapist may help.
    stuck: bool,
    /// The operator's places to turn to, when stuck.
    resources: Vec<ResourceBody>,
}

/// A place to turn to, as the operator configured it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ResourceBody {
    label: String,
    /// A web address or a phone number.
    address: String,
}

#[utoipa::path(get, path = "/spaces/{id}/checkins/trend", tag = "checkins", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = TrendBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Each partner's felt trust per completed check-in (the caller's own always, the partner's as
/// revealed), the reliable-change indicator, and whether the couple looks stuck.
pub(crate) async fn trend(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<TrendBody>, ApiError> {
    let shown = async {
        let space = space_id(&space).map_err(|_| CheckinError::NotFound)?;
        let opened = checkins::open(&state, caller.person, space).await?;
        let trend = checkins::trend_of(&opened);
        Ok::<_, CheckinError>(TrendBody {
            points: trend.points.iter().map(TrendPointBody::from).collect(),
            yours: trend.mine.map(ChangeBody::from),
            partner: trend.partner.map(ChangeBody::from),
            resources: if trend.stuck {
                state
                    .help_for(lang_of(&headers))
                    .iter()
                    .map(|(label, address)| ResourceBody {
                        label: label.clone(),
                        address: address.clone(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            stuck: trend.stuck,
        })
    }
    .await;
    shown
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
