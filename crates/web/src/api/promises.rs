//! Promises over JSON: make one, list and read them, and take each step of the lifecycle as a
//! sub-resource (`POST …/promises/{promise}/kept`). Every step answers the promise as it is now.
//! Whoever is not a current member of the space gets 404 `not_found`, exactly as for a space or
//! promise that never existed; so does a promise with a former partner.
//!
//! Times are RFC 3339 with an offset on the way in and UTC on the way out.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::promise::{
    Apology, Command, Promise, Renegotiation, Severity, Stakes, Status, Step, Terms,
};
use steadfast_core::{PersonId, PromiseId, SpaceId, Timestamp};

use super::{ApiCaller, ApiError, ApiJson, OptionalJson, Paging, lang_of};
use crate::i18n::Lang;
use crate::i18n::times::{parse_rfc3339, rfc3339};
use crate::state::AppState;
use steadfast_app::promises::{self, Invalid, PromiseError, PromiseInput};

/// The API's answer for anything a promise or record operation refused.
pub(super) fn refusal(error: PromiseError, lang: Lang) -> ApiError {
    ApiError::from_app(error, lang)
}

/// A space id from a path; anything that is not one is no space.
pub(super) fn space_id(text: &str) -> Result<SpaceId, PromiseError> {
    text.parse().map_err(|_| PromiseError::NotFound)
}

/// A time as the API takes it: RFC 3339 with an offset.
fn instant(text: &str) -> Result<Timestamp, PromiseError> {
    parse_rfc3339(text).map_err(|_| PromiseError::Invalid(Invalid::Time))
}

fn time(text: Option<&str>) -> Result<Option<Timestamp>, PromiseError> {
    text.map(instant).transpose()
}

fn stakes(value: i64) -> Result<Stakes, PromiseError> {
    Stakes::from_i64(value).map_err(|error| PromiseError::Invalid(Invalid::Stakes(error)))
}

fn severity(value: i64) -> Result<Severity, PromiseError> {
    Severity::from_i64(value).map_err(|error| PromiseError::Invalid(Invalid::Severity(error)))
}

/// A new promise from the caller to their partner.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewPromiseBody {
    /// What is promised, in the promiser's words: 1–280 characters.
    text: String,
    /// How much it matters, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    stakes: i64,
    /// When it is due, RFC 3339 with an offset; later than now (or than `made_at`). Leave out for
    /// a promise without a due time.
    due: Option<String>,
    /// A trust domain the couple names for themselves ("money", "time"), 1–40 characters.
    domain: Option<String>,
    /// When it was really made, RFC 3339 with an offset, to log a promise afterwards (at most a
    /// year back).
    made_at: Option<String>,
}

/// The new promise's id.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromiseCreated {
    id: String,
}

/// Where a promise stands.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PromiseStatus {
    Open,
    /// The promiser says it is done; the receiver has not confirmed yet.
    Done,
    Kept,
    Broken,
    Released,
    LetGo,
}

impl From<Status> for PromiseStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Open => PromiseStatus::Open,
            Status::Done => PromiseStatus::Done,
            Status::Kept { .. } => PromiseStatus::Kept,
            Status::Broken { .. } => PromiseStatus::Broken,
            Status::Released { .. } => PromiseStatus::Released,
            Status::LetGo { .. } => PromiseStatus::LetGo,
        }
    }
}

/// New terms the promiser asked for, waiting for the receiver's answer.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PendingRenegotiation {
    text: String,
    stakes: u8,
    /// RFC 3339, UTC; null for no due time.
    due: Option<String>,
    /// Why the promiser asked.
    reason: String,
}

impl From<&Renegotiation> for PendingRenegotiation {
    fn from(pending: &Renegotiation) -> Self {
        let terms: &Terms = &pending.terms;
        PendingRenegotiation {
            text: terms.text.as_str().to_owned(),
            stakes: terms.stakes.get(),
            due: terms.due.map(rfc3339),
            reason: pending.reason.as_str().to_owned(),
        }
    }
}

/// A promise between the caller and their partner.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromiseSummary {
    id: String,
    /// What is promised, as it stands after any accepted renegotiation.
    text: String,
    /// 1–5, as promised (the receiver may settle on others when confirming it kept).
    stakes: u8,
    /// RFC 3339, UTC; null for no due time.
    due: Option<String>,
    domain: Option<String>,
    status: PromiseStatus,
    /// True when the caller made it; false when it was made to the caller.
    yours: bool,
    /// RFC 3339, UTC: when it was made (the backdated time for a backdated promise).
    made_at: String,
    /// Logged after it was made.
    backdated: bool,
    /// Open and past its due time, at the server's now.
    overdue: bool,
    /// How many renegotiations were accepted.
    renegotiations: u32,
    pending_renegotiation: Option<PendingRenegotiation>,
    /// What the caller may do now after a miss (empty unless it is broken): `acknowledge`,
    /// `apologise`, `offer_smaller`, `propose_repair` (open a repair plan linked to it) for the
    /// promiser; `ask_acknowledgement`, `ask_apology`, `ask_smaller_promise`, `ask_repair_plan`,
    /// `answer_apology` for the receiver. None is required.
    next_steps: Vec<String>,
    after_miss: AfterMissJson,
    /// The broken promise this smaller one was offered in place of.
    in_place_of: Option<String>,
    /// True when it is with a partner who has left the space: it stays the caller's to read,
    /// and nothing more can be done with it (`next_steps` is empty).
    read_only: bool,
    /// Still open when the partner left: it ended with the leaving, neither kept nor broken.
    ended_by_leaving: bool,
}

/// What happened after a miss.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AfterMissJson {
    /// RFC 3339, UTC: when the promiser acknowledged it.
    acknowledged_at: Option<String>,
    /// The promiser's word with it.
    acknowledgement: Option<String>,
    /// Oldest first, each with the receiver's answers.
    apologies: Vec<ApologyJson>,
    /// The smaller promise offered in this one's place.
    offered: Option<String>,
    /// What the receiver asked for: `acknowledgement`, `apology`, `smaller_promise`,
    /// `repair_plan`.
    asked: Vec<String>,
    /// What was asked for and not given yet.
    waiting: Vec<String>,
}

/// One apology with the answers to it, oldest first; the newest answer stands.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ApologyJson {
    text: String,
    /// RFC 3339, UTC.
    at: String,
    answers: Vec<AnswerJson>,
}

/// An answer to an apology.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct AnswerJson {
    /// `landed` or `not_yet`.
    answer: String,
    /// What would help, if the hurt partner said it.
    word: Option<String>,
    /// RFC 3339, UTC.
    at: String,
}

impl ApologyJson {
    pub(super) fn of(apology: &Apology) -> Self {
        ApologyJson {
            text: apology.text.as_str().to_owned(),
            at: rfc3339(apology.at),
            answers: apology
                .answers
                .iter()
                .map(|answer| AnswerJson {
                    answer: answer.landing.as_str().to_owned(),
                    word: answer.word.as_ref().map(|w| w.as_str().to_owned()),
                    at: rfc3339(answer.at),
                })
                .collect(),
        }
    }
}

/// The hurt partner's answer to an apology.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct LandingBody {
    /// `landed`, or `not_yet` (the step stays open: the other may apologise again).
    pub(super) answer: String,
    /// What would help, 1–500 characters; optional.
    pub(super) word: Option<String>,
}

impl PromiseSummary {
    /// The promise as `viewer` sees it; `partner_left` when the other one has left the space.
    fn of(promise: &Promise, viewer: PersonId, now: Timestamp, partner_left: bool) -> Self {
        let open = !promise.status.is_settled();
        PromiseSummary {
            id: promise.id.to_string(),
            text: promise.terms.text.as_str().to_owned(),
            stakes: promise.terms.stakes.get(),
            due: promise.terms.due.map(rfc3339),
            domain: promise.domain.as_ref().map(|d| d.as_str().to_owned()),
            status: promise.status.into(),
            yours: promise.promiser == viewer,
            made_at: rfc3339(promise.made_at),
            backdated: promise.backdated,
            overdue: promise.is_overdue(now) && !partner_left,
            renegotiations: promise.renegotiations,
            pending_renegotiation: promise
                .pending
                .as_ref()
                .filter(|_| !partner_left)
                .map(PendingRenegotiation::from),
            next_steps: if partner_left {
                Vec::new()
            } else {
                promise
                    .next_steps(viewer)
                    .into_iter()
                    .map(|step| step.as_str().to_owned())
                    .collect()
            },
            after_miss: AfterMissJson {
                acknowledged_at: promise.amends.acknowledged.as_ref().map(|a| rfc3339(a.at)),
                acknowledgement: promise
                    .amends
                    .acknowledged
                    .as_ref()
                    .and_then(|a| a.word.as_ref())
                    .map(|w| w.as_str().to_owned()),
                apologies: promise
                    .amends
                    .apologies
                    .iter()
                    .map(ApologyJson::of)
                    .collect(),
                offered: promise.amends.offered.map(|id| id.to_string()),
                asked: promise
                    .amends
                    .asked
                    .iter()
                    .map(|a| a.ask.as_str().to_owned())
                    .collect(),
                waiting: if partner_left {
                    Vec::new()
                } else {
                    promise
                        .amends
                        .waiting()
                        .into_iter()
                        .map(|ask| ask.as_str().to_owned())
                        .collect()
                },
            },
            in_place_of: promise.in_place_of.map(|id| id.to_string()),
            read_only: partner_left,
            ended_by_leaving: partner_left && open,
        }
    }
}

/// The caller's promises with their current partner, both ways, oldest first: one page of them.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromiseList {
    promises: Vec<PromiseSummary>,
    /// The `after` that asks for the next page; `null` on the last page.
    next: Option<String>,
}

/// Who took a step.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum StepBy {
    You,
    Partner,
    /// A partner who has left the space, never named.
    FormerPartner,
}

/// One step of a promise's history.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct HistoryStep {
    /// `made`, `done`, `kept`, `not_yet`, `renegotiation_asked`, `renegotiation_accepted`,
    /// `renegotiation_declined`, `broken`, `extended`, `let_go`, `released`, and after a miss
    /// `acknowledged`, `apologised`, `apology_answered`, `asked` or `offered_instead`.
    #[serde(rename = "type")]
    kind: String,
    by: StepBy,
    /// RFC 3339, UTC: when it was recorded.
    at: String,
}

impl HistoryStep {
    fn of(step: &Step, viewer: PersonId, partner_left: bool) -> Self {
        let kind = step.change.kind();
        HistoryStep {
            kind: kind.strip_prefix("promise.").unwrap_or(kind).to_owned(),
            by: if step.by == viewer {
                StepBy::You
            } else if partner_left {
                StepBy::FormerPartner
            } else {
                StepBy::Partner
            },
            at: rfc3339(step.at),
        }
    }
}

/// One promise with its history, oldest step first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromiseDetail {
    #[serde(flatten)]
    promise: PromiseSummary,
    history: Vec<HistoryStep>,
}

/// The promise as `person` sees it now.
async fn detail(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: PromiseId,
) -> Result<PromiseDetail, PromiseError> {
    let opened = promises::open(state, person, space).await?;
    let promise = opened.promise_to_read(id)?;
    let left = opened.partner_left();
    Ok(PromiseDetail {
        promise: PromiseSummary::of(promise, person, state.now(), left),
        history: promise
            .history
            .iter()
            .map(|step| HistoryStep::of(step, person, left))
            .collect(),
    })
}

/// Takes one step on a promise and answers the promise as it is after it. Input is checked
/// before anything is read, so a stranger learns nothing from a mistake in it.
async fn step(
    state: &AppState,
    person: PersonId,
    (space, promise): (String, String),
    command: Result<Command, PromiseError>,
) -> Result<Json<PromiseDetail>, PromiseError> {
    let command = command?;
    let space = space_id(&space)?;
    let promise = promises::parse_id(&promise)?;
    promises::act(state, person, space, promise, command).await?;
    detail(state, person, space, promise).await.map(Json)
}

#[utoipa::path(post, path = "/spaces/{id}/promises", tag = "promises", request_body = NewPromiseBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = PromiseCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "No partner to promise to yet (`no_partner`), or 100 of the caller's promises to them open already (`too_many_open`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused: `text_invalid`, `stakes_invalid`, `domain_invalid`, `time_invalid`, `due_too_early`, `in_future`, `too_long_ago`, `invalid_body`", body = super::ErrorBody),
    ))]
/// Makes a promise from the caller to their partner. `made_at` logs one made earlier
/// (backdating).
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<NewPromiseBody>,
) -> Result<Response, ApiError> {
    let id = make(&state, caller.person, &space, body)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))?;
    let body = PromiseCreated { id: id.to_string() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/spaces/{id}/promises", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), Paging),
    responses(
        (status = 200, body = PromiseList),
        (status = 400, description = "The query could not be read (`bad_request`)", body = super::ErrorBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours; or `cursor_not_found` for an `after` that names no promise of the list", body = super::ErrorBody),
        (status = 422, description = "`limit_invalid`", body = super::ErrorBody),
    ))]
/// The promises between the caller and their partner, both ways, oldest first, a page at a
/// time (`limit`, 50 by default; `next` leads on). After the partner left the space, the
/// promises with them stay listed for the one who stayed, read-only (`read_only`); the one who
/// left sees none.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    Query(paging): Query<Paging>,
) -> Result<Json<PromiseList>, ApiError> {
    let lang = lang_of(&headers);
    let opened = match space_id(&space) {
        Ok(id) => promises::open(&state, caller.person, id).await,
        Err(error) => Err(error),
    }
    .map_err(|error| refusal(error, lang))?;
    let page = paging.page(opened.promises(), |promise| promise.id.to_string(), lang)?;
    let now = state.now();
    Ok(Json(PromiseList {
        promises: page
            .items
            .into_iter()
            .map(|promise| PromiseSummary::of(promise, caller.person, now, opened.partner_left()))
            .collect(),
        next: page.next,
    }))
}

async fn make(
    state: &AppState,
    person: PersonId,
    space: &str,
    body: NewPromiseBody,
) -> Result<PromiseId, PromiseError> {
    let input = PromiseInput {
        stakes: stakes(body.stakes)?.get(),
        due: time(body.due.as_deref())?,
        made_at: time(body.made_at.as_deref())?,
        domain: body.domain.unwrap_or_default(),
        text: body.text,
    }
    .read()?;
    promises::make(state, person, space_id(space)?, input).await
}

#[utoipa::path(get, path = "/spaces/{id}/promises/{promise}", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
    ))]
/// One promise between the caller and their partner, with its history.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, promise)): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let shown = match (space_id(&space), promises::parse_id(&promise)) {
        (Ok(space), Ok(promise)) => detail(&state, caller.person, space, promise).await,
        _ => Err(PromiseError::NotFound),
    };
    shown
        .map(Json)
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// When a step really happened, to log it afterwards.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct WhenBody {
    /// RFC 3339 with an offset; not in the future, not before the promise was made, at most a
    /// year back. Leave out for now.
    when: Option<String>,
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/done", tag = "promises", request_body(content = Option<WhenBody>, description = "Optional"), security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the promiser marks a promise done (`only_promiser`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Settled or already done (`settled`, `already_done`)", body = super::ErrorBody),
        (status = 422, description = "`when` was refused", body = super::ErrorBody),
    ))]
/// The promiser says the promise is done; it waits for the receiver to confirm it kept.
pub(crate) async fn done(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    OptionalJson(body): OptionalJson<WhenBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = time(body.when.as_deref()).map(|when| Command::MarkDone { when });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// The receiver's confirmation that a promise was kept.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct KeptBody {
    /// The stakes the receiver settles on, 1–5; leave out to keep the promised ones.
    #[schema(minimum = 1, maximum = 5)]
    stakes: Option<i64>,
    /// RFC 3339 with an offset: when it was kept, if earlier than now.
    when: Option<String>,
}

impl KeptBody {
    fn command(self) -> Result<Command, PromiseError> {
        Ok(Command::ConfirmKept {
            stakes: self.stakes.map(stakes).transpose()?,
            when: time(self.when.as_deref())?,
        })
    }
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/kept", tag = "promises", request_body(content = Option<KeptBody>, description = "Optional"), security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver confirms (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Settled already (`settled`)", body = super::ErrorBody),
        (status = 422, description = "`stakes` or `when` was refused", body = super::ErrorBody),
    ))]
/// The receiver confirms the promise was kept, marked done or not. This is the evidence the
/// reliability record counts.
pub(crate) async fn kept(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    OptionalJson(body): OptionalJson<KeptBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = body.command();
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/not-yet", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver answers (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not marked done, or settled (`not_done`, `settled`)", body = super::ErrorBody),
    ))]
/// The receiver answers a "done" with "not yet": the promise is open again.
pub(crate) async fn not_yet(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    step(&state, caller.person, path, Ok(Command::NotYet))
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// New terms the promiser asks for, and why.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct RenegotiateBody {
    /// 1–280 characters.
    text: String,
    /// 1–5.
    #[schema(minimum = 1, maximum = 5)]
    stakes: i64,
    /// RFC 3339 with an offset, later than now; leave out for no due time.
    due: Option<String>,
    /// 1–500 characters.
    reason: String,
}

impl RenegotiateBody {
    fn command(self) -> Result<Command, PromiseError> {
        Ok(Command::AskRenegotiation {
            terms: Terms {
                text: promises::parse_text(&self.text)?,
                stakes: stakes(self.stakes)?,
                due: time(self.due.as_deref())?,
            },
            reason: promises::parse_reason(&self.reason)?,
        })
    }
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/renegotiate", tag = "promises", request_body = RenegotiateBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the promiser asks (`only_promiser`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Past due, done, settled, or one already waiting (`past_due`, `already_done`, `settled`, `renegotiation_pending`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused", body = super::ErrorBody),
    ))]
/// The promiser asks, before the due time, for new terms. Once the receiver accepts, it counts
/// as communication, not as a breach.
pub(crate) async fn renegotiate(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<RenegotiateBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = body.command();
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/renegotiation/accept", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver answers (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Nothing waiting, or settled (`no_renegotiation`, `settled`)", body = super::ErrorBody),
    ))]
/// The receiver accepts the new terms; they replace the old ones.
pub(crate) async fn accept_renegotiation(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    step(
        &state,
        caller.person,
        path,
        Ok(Command::AcceptRenegotiation),
    )
    .await
    .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/renegotiation/decline", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver answers (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Nothing waiting, or settled (`no_renegotiation`, `settled`)", body = super::ErrorBody),
    ))]
/// The receiver declines the new terms; the promise stays as it was.
pub(crate) async fn decline_renegotiation(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    step(
        &state,
        caller.person,
        path,
        Ok(Command::DeclineRenegotiation),
    )
    .await
    .map_err(|error| refusal(error, lang_of(&headers)))
}

/// A breach, as the receiver records it.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct BrokenBody {
    /// How badly it hurt, 1–4.
    #[schema(minimum = 1, maximum = 4)]
    severity: i64,
    /// Whether it came with deception; that heals slowest.
    deception: bool,
    /// RFC 3339 with an offset: when it happened, if earlier than now.
    when: Option<String>,
}

impl BrokenBody {
    fn command(self) -> Result<Command, PromiseError> {
        Ok(Command::RecordBroken {
            severity: severity(self.severity)?,
            deception: self.deception,
            when: time(self.when.as_deref())?,
        })
    }
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/broken", tag = "promises", request_body = BrokenBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver records a breach (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Settled already (`settled`)", body = super::ErrorBody),
        (status = 422, description = "`severity` or `when` was refused", body = super::ErrorBody),
    ))]
/// The receiver records that the promise was broken, whenever it happened.
pub(crate) async fn broken(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<BrokenBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = body.command();
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// A new due time for an overdue promise.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct ExtendBody {
    /// RFC 3339 with an offset, later than now.
    due: String,
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/extend", tag = "promises", request_body = ExtendBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver extends (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not overdue, or settled (`not_overdue`, `settled`)", body = super::ErrorBody),
        (status = 422, description = "`due` was refused", body = super::ErrorBody),
    ))]
/// The receiver gives an overdue promise more time.
pub(crate) async fn extend(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<ExtendBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = instant(&body.due).map(|due| Command::Extend { due });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/let-go", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver lets go (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not overdue, or settled (`not_overdue`, `settled`)", body = super::ErrorBody),
    ))]
/// The receiver lets an overdue promise go: not counted as kept, nor as broken.
pub(crate) async fn let_go(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    step(&state, caller.person, path, Ok(Command::LetGo))
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/release", tag = "promises", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the receiver releases (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Settled already (`settled`)", body = super::ErrorBody),
    ))]
/// The receiver releases the promiser from the promise, at any time before it is settled.
pub(crate) async fn release(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
) -> Result<Json<PromiseDetail>, ApiError> {
    step(&state, caller.person, path, Ok(Command::Release))
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// The promiser's acknowledgement of a miss.
#[derive(Deserialize, Default, utoipa::ToSchema)]
pub(crate) struct AcknowledgeBody {
    /// An optional word ("I see it, and it matters"), 1–500 characters.
    word: Option<String>,
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/acknowledge", tag = "promises", request_body(content = Option<AcknowledgeBody>, description = "Optional"), security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the promiser (`only_promiser`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not broken, or acknowledged already (`not_broken`, `already_acknowledged`)", body = super::ErrorBody),
        (status = 422, description = "`word_invalid`", body = super::ErrorBody),
    ))]
/// After a miss, the promiser says they see it, with an optional word. Not required, and not
/// counted in the record.
pub(crate) async fn acknowledge(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    OptionalJson(body): OptionalJson<AcknowledgeBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = promises::parse_acknowledgement(body.word.as_deref().unwrap_or_default())
        .map(|word| Command::Acknowledge { word });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// An apology for a promise not kept.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct PromiseApologyBody {
    /// 1–2000 characters, with no excusing "but".
    text: String,
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/apologise", tag = "promises", request_body = PromiseApologyBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the promiser (`only_promiser`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not broken, the apology is waiting for an answer, or it landed (`not_broken`, `apology_waiting`, `apology_landed`)", body = super::ErrorBody),
        (status = 422, description = "`apology_invalid`, or `excusing` for an excusing \"but\"", body = super::ErrorBody),
    ))]
/// After a miss, the promiser apologises; again after the receiver answered "not yet".
pub(crate) async fn apologise(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<PromiseApologyBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = promises::parse_apology(&body.text).map(|text| Command::Apologise { text });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/apology/answer", tag = "promises", request_body = LandingBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner it was promised to answers (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not broken, or no apology yet (`not_broken`, `no_apology`)", body = super::ErrorBody),
        (status = 422, description = "`landing_invalid`, `word_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The receiver answers the newest apology: `landed`, or `not_yet` with an optional word about
/// what would help. Answering again: the newest answer stands, the earlier ones are kept.
pub(crate) async fn answer_apology(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<LandingBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = promises::parse_landing(&body.answer, body.word.as_deref().unwrap_or_default())
        .map(|(landing, word)| Command::AnswerApology { landing, word });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

/// What the receiver asks for after a miss.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct AskBody {
    /// `acknowledgement`, `apology`, `smaller_promise` or `repair_plan`.
    ask: String,
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/ask", tag = "promises", request_body = AskBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The promise's id")),
    responses(
        (status = 200, body = PromiseDetail),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner it was promised to asks (`only_receiver`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not broken, asked already, or given already (`not_broken`, `already_asked`, `already_given`)", body = super::ErrorBody),
        (status = 422, description = "`ask_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// After a miss, the receiver asks for one of the promiser's steps; the promiser sees the request
/// on the promise and on the space page. Nothing is required of them.
pub(crate) async fn ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<AskBody>,
) -> Result<Json<PromiseDetail>, ApiError> {
    let command = promises::parse_ask(&body.ask).map(|ask| Command::Ask { ask });
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| refusal(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/promises/{promise}/offer", tag = "promises", request_body = NewPromiseBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("promise" = String, Path, description = "The broken promise's id")),
    responses(
        (status = 201, body = PromiseCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the promiser (`only_promiser`)", body = super::ErrorBody),
        (status = 404, description = "No such space or promise of yours", body = super::ErrorBody),
        (status = 409, description = "Not broken, or one offered already (`not_broken`, `already_offered`)", body = super::ErrorBody),
        (status = 422, description = "A field was refused, or the stakes are higher than the broken promise's (`not_smaller`); `made_at` is not taken", body = super::ErrorBody),
    ))]
/// After a miss, the promiser offers a smaller promise in the broken one's place: a new promise
/// to the same partner, stakes no higher, linked both ways (`in_place_of`, `after_miss.offered`).
pub(crate) async fn offer(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, promise)): Path<(String, String)>,
    ApiJson(body): ApiJson<NewPromiseBody>,
) -> Result<Response, ApiError> {
    let offered = async {
        let input = PromiseInput {
            stakes: stakes(body.stakes)?.get(),
            due: time(body.due.as_deref())?,
            made_at: None,
            domain: body.domain.unwrap_or_default(),
            text: body.text,
        }
        .read()?;
        let space = space_id(&space)?;
        let broken = promises::parse_id(&promise)?;
        promises::offer(&state, caller.person, space, broken, input).await
    }
    .await;
    let id = offered.map_err(|error| refusal(error, lang_of(&headers)))?;
    let body = PromiseCreated { id: id.to_string() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
