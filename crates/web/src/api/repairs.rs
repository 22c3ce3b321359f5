//! Repair plans over JSON: open or propose one, read them, and take each step as a sub-resource
//! (`POST …/repairs/{repair}/advance`). Each step answers the plan as it is now. The private log
//! (`…/repairs/log`) and the safety check (`…/safety`) are the caller's own: nothing of them ever
//! reaches the partner, whose view says only whether joint steps are paused.
//!
//! The hurt partner answers each accountability step (`…/answers`), asks questions
//! (`…/questions`, answered at `…/questions/{question}/answer`) and notes where they are with
//! forgiveness (`PUT …/forgiveness`): private unless they share it, and a plan read by the
//! partner carries nothing of a private one.
//!
//! Whoever is not a current member gets 404 `not_found`, as for a plan that never existed.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use steadfast_core::landing::Landing;
use steadfast_core::repair::{
    Command, Forgiveness, Joint, Link, Part, RepairPlan, Role, SafetyAct, SafetyAnswer,
};
use steadfast_core::{CrossingId, PersonId, SpaceId};

use super::{ApiCaller, ApiError, ApiJson, lang_of};
use crate::i18n::Lang;
use crate::i18n::times::{parse_rfc3339, rfc3339};
use crate::state::AppState;
use steadfast_app::ledger::Opened;
use steadfast_app::repairs::{self, Invalid, PlanPromise, RepairError};

fn space_id(text: &str) -> Result<SpaceId, RepairError> {
    text.parse().map_err(|_| RepairError::NotFound)
}

/// Whom the caller says was hurt.
#[derive(Deserialize, Serialize, utoipa::ToSchema, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Hurt {
    /// The caller was hurt: the plan is open and accepted at once.
    Me,
    /// The caller did the harm and proposes the plan; the partner accepts it.
    Partner,
}

/// A new repair plan.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct NewRepairBody {
    hurt: Hurt,
    /// The id of the broken promise (from the partner who did the harm) it answers.
    promise: Option<String>,
    /// The id of the boundary crossing it answers.
    crossing: Option<String>,
}

impl NewRepairBody {
    fn link(&self) -> Result<Option<Link>, RepairError> {
        let invalid = || RepairError::Invalid(Invalid::Link);
        match (&self.promise, &self.crossing) {
            (Some(_), Some(_)) => Err(invalid()),
            (Some(promise), None) => Ok(Some(Link::Promise {
                promise: promise.parse().map_err(|_| invalid())?,
            })),
            (None, Some(crossing)) => Ok(Some(Link::Crossing {
                crossing: crossing.parse::<CrossingId>().map_err(|_| invalid())?,
            })),
            (None, None) => Ok(None),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RepairCreated {
    id: String,
}

/// The caller's part in a plan.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RoleBody {
    Hurt,
    Responsible,
}

/// Who wrote something.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ByBody {
    You,
    Partner,
    /// A partner who has left the space, never named.
    FormerPartner,
}

fn by(person: PersonId, viewer: PersonId, partner_left: bool) -> ByBody {
    if person == viewer {
        ByBody::You
    } else if partner_left {
        ByBody::FormerPartner
    } else {
        ByBody::Partner
    }
}

/// What a plan answers.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct LinkBody {
    /// `promise` or `crossing`.
    #[serde(rename = "type")]
    kind: String,
    id: String,
}

/// Something said in the plan, and when (RFC 3339, UTC).
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SaidBody {
    text: String,
    at: String,
}

/// A progress note.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ProgressBody {
    by: ByBody,
    text: String,
    at: String,
    /// The weekly check-in open when it was written, if any.
    checkin: Option<String>,
}

/// One step of a plan's history.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RepairStepBody {
    /// `opened`, `accepted`, `acknowledged`, `responsibility_taken`, `apologised`, `promised`,
    /// `transparency_committed`, `advanced`, `closed`, `progress_noted`, `answered`,
    /// `question_asked` or `question_answered`.
    #[serde(rename = "type")]
    kind: String,
    by: ByBody,
    at: String,
}

/// The hurt partner's answer to an accountability step.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct StepAnswerBody {
    /// `acknowledgement`, `responsibility`, `apology` or `promise`.
    part: String,
    /// Which offer of the step it answers: 1 for the first, 2 after a "not yet" and a new try.
    offer: usize,
    /// `landed` or `not_yet`.
    landing: String,
    /// What would help, or another word, if the hurt partner wrote one.
    word: Option<String>,
    at: String,
    /// Whether this is the answer that stands now (the newest to the newest offer).
    standing: bool,
}

/// Words of a step said before a "not yet" and a new try.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct EarlierBody {
    /// `acknowledgement`, `responsibility` or `apology`.
    part: String,
    text: String,
    at: String,
}

/// A question the hurt partner asked, and its answer.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct QuestionBody {
    id: String,
    text: String,
    asked_at: String,
    /// The answer as it stands (its newest version), if answered.
    answer: Option<SaidBody>,
    /// Earlier versions of the answer, oldest first: an answer never changes silently.
    earlier_answers: Vec<SaidBody>,
}

/// Where the hurt partner is with forgiveness.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ForgivenessStateBody {
    /// `not_ready`, `working_on_it` or `forgiven`.
    state: String,
    /// Whether the partner sees it. The partner only ever gets this when it is true.
    shared: bool,
    at: String,
}

/// A repair plan between the caller and their partner.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RepairBody {
    id: String,
    role: RoleBody,
    /// `proposed`, `active` or `closed`.
    status: String,
    /// `atone`, `attune` or `attach`.
    phase: String,
    opened_at: String,
    link: Option<LinkBody>,
    acknowledgement: Option<SaidBody>,
    responsibility: Option<SaidBody>,
    apology: Option<SaidBody>,
    /// The dated promise's id.
    promise: Option<String>,
    /// The transparency commitments' promise ids.
    transparency: Vec<String>,
    progress: Vec<ProgressBody>,
    /// The hurt partner's answers to the steps, oldest first.
    answers: Vec<StepAnswerBody>,
    /// Earlier words of steps said again after a "not yet", oldest first.
    earlier: Vec<EarlierBody>,
    /// The hurt partner's questions, in the order asked.
    questions: Vec<QuestionBody>,
    /// Forgiveness: the hurt partner's own, or, for the other partner, only while shared.
    forgiveness: Option<ForgivenessStateBody>,
    history: Vec<RepairStepBody>,
    /// Whether joint steps are paused now: the same for both partners, with no reason.
    joint_paused: bool,
    /// True when it is with a partner who has left the space: it stays the caller's to read,
    /// and nothing more can be done with it.
    read_only: bool,
}

fn said(said: Option<&steadfast_core::repair::Said>) -> Option<SaidBody> {
    said.map(said_body)
}

fn said_body(said: &steadfast_core::repair::Said) -> SaidBody {
    SaidBody {
        text: said.text.as_str().to_owned(),
        at: rfc3339(said.at),
    }
}

fn answers_of(plan: &RepairPlan) -> Vec<StepAnswerBody> {
    plan.answers
        .iter()
        .map(|answer| StepAnswerBody {
            part: answer.part.as_str().to_owned(),
            offer: answer.offer,
            landing: answer.landing.as_str().to_owned(),
            word: answer.word.as_ref().map(|w| w.as_str().to_owned()),
            at: rfc3339(answer.at),
            standing: plan
                .answer(answer.part)
                .is_some_and(|a| std::ptr::eq(a, answer)),
        })
        .collect()
}

fn earlier_of(plan: &RepairPlan) -> Vec<EarlierBody> {
    Part::ALL
        .into_iter()
        .flat_map(|part| {
            plan.earlier_words(part)
                .into_iter()
                .map(move |said| EarlierBody {
                    part: part.as_str().to_owned(),
                    text: said.text.as_str().to_owned(),
                    at: rfc3339(said.at),
                })
        })
        .collect()
}

impl RepairBody {
    fn of(plan: &RepairPlan, viewer: PersonId, joint: Joint, partner_left: bool) -> Self {
        RepairBody {
            id: plan.id.to_string(),
            role: if plan.hurt == viewer {
                RoleBody::Hurt
            } else {
                RoleBody::Responsible
            },
            status: plan.status.as_str().to_owned(),
            phase: plan.phase.as_str().to_owned(),
            opened_at: rfc3339(plan.opened_at),
            link: plan.link.map(|link| match link {
                Link::Promise { promise } => LinkBody {
                    kind: "promise".to_owned(),
                    id: promise.to_string(),
                },
                Link::Crossing { crossing } => LinkBody {
                    kind: "crossing".to_owned(),
                    id: crossing.to_string(),
                },
            }),
            acknowledgement: said(plan.acknowledgement.as_ref()),
            responsibility: said(plan.responsibility.as_ref()),
            apology: said(plan.apology.as_ref()),
            promise: plan.promise.map(|p| p.to_string()),
            transparency: plan.transparency.iter().map(ToString::to_string).collect(),
            progress: plan
                .progress
                .iter()
                .map(|(who, note, checkin)| ProgressBody {
                    by: by(*who, viewer, partner_left),
                    text: note.text.as_str().to_owned(),
                    at: rfc3339(note.at),
                    checkin: checkin.map(|c| c.to_string()),
                })
                .collect(),
            answers: answers_of(plan),
            earlier: earlier_of(plan),
            questions: plan
                .questions
                .iter()
                .map(|q| QuestionBody {
                    id: q.id.to_string(),
                    text: q.asked.text.as_str().to_owned(),
                    asked_at: rfc3339(q.asked.at),
                    answer: said(q.answer()),
                    earlier_answers: q.earlier().iter().map(said_body).collect(),
                })
                .collect(),
            // The partner's fold holds forgiveness only while it is shared.
            forgiveness: plan.forgiveness.map(|f| ForgivenessStateBody {
                state: f.forgiveness.as_str().to_owned(),
                shared: f.shared,
                at: rfc3339(f.at),
            }),
            history: plan
                .history
                .iter()
                .map(|step| {
                    let kind = step.change.kind();
                    RepairStepBody {
                        kind: kind.strip_prefix("repair.").unwrap_or(kind).to_owned(),
                        by: by(step.by, viewer, partner_left),
                        at: rfc3339(step.at),
                    }
                })
                .collect(),
            joint_paused: joint == Joint::Paused,
            read_only: partner_left,
        }
    }
}

/// The caller's plans with their current partner, newest first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct RepairList {
    repairs: Vec<RepairBody>,
    /// Whether joint steps are paused now: the same for both partners, with no reason.
    joint_paused: bool,
}

async fn detail(
    state: &AppState,
    person: PersonId,
    space: SpaceId,
    id: steadfast_core::id::RepairId,
) -> Result<RepairBody, RepairError> {
    let opened = repairs::open(state, person, space).await?;
    let joint = repairs::safety(&opened, state.now()).joint;
    let plan = repairs::plan_to_read(&opened, id)?;
    Ok(RepairBody::of(plan, person, joint, opened.partner_left()))
}

#[utoipa::path(get, path = "/spaces/{id}/repairs", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = RepairList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The repair plans between the caller and their partner, newest first. After the partner left
/// the space, those with them stay listed for the one who stayed, read-only; the one who left
/// sees none.
pub(crate) async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<RepairList>, ApiError> {
    let listed = async {
        let opened = repairs::open(&state, caller.person, space_id(&space)?).await?;
        let joint = repairs::safety(&opened, state.now()).joint;
        Ok::<_, RepairError>(RepairList {
            repairs: repairs::plans(&opened)
                .into_iter()
                .map(|plan| RepairBody::of(plan, caller.person, joint, opened.partner_left()))
                .collect(),
            joint_paused: joint == Joint::Paused,
        })
    };
    listed
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/repairs", tag = "repairs", request_body = NewRepairBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = RepairCreated),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 409, description = "No partner yet (`no_partner`)", body = super::ErrorBody),
        (status = 422, description = "The link was refused (`link_invalid`) or the body (`invalid_body`)", body = super::ErrorBody),
    ))]
/// Opens a repair plan (`hurt: me`: accepted at once, which starts the record's repair bonus) or
/// proposes one to the partner (`hurt: partner`). It may name the broken promise or the boundary
/// crossing it answers.
pub(crate) async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<NewRepairBody>,
) -> Result<Response, ApiError> {
    let created = async {
        let link = body.link()?;
        let role = match body.hurt {
            Hurt::Me => Role::Hurt,
            Hurt::Partner => Role::Responsible,
        };
        repairs::open_plan(&state, caller.person, space_id(&space)?, role, link).await
    };
    let id = created
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    let body = RepairCreated { id: id.to_string() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/spaces/{id}/repairs/{repair}", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 200, body = RepairBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
    ))]
/// One plan, with its steps.
pub(crate) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, repair)): Path<(String, String)>,
) -> Result<Json<RepairBody>, ApiError> {
    let shown = async {
        detail(
            &state,
            caller.person,
            space_id(&space)?,
            repairs::parse_id(&repair)?,
        )
        .await
    };
    shown
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// Takes one step and answers the plan after it. Input is checked before anything is read.
async fn step(
    state: &AppState,
    person: PersonId,
    (space, repair): (String, String),
    command: Result<Command, RepairError>,
) -> Result<Json<RepairBody>, RepairError> {
    let command = command?;
    let space = space_id(&space)?;
    let repair = repairs::parse_id(&repair)?;
    repairs::act(state, person, space, repair, command).await?;
    detail(state, person, space, repair).await.map(Json)
}

/// Words in the writer's own voice: 1–1000 characters.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct TextBody {
    text: String,
}

macro_rules! step_route {
    ($name:ident, $path:literal, $doc:literal, $who:literal, $conflict:literal, |$body:ident| $command:expr) => {
        #[utoipa::path(post, path = $path, tag = "repairs", request_body = TextBody, security(("session" = []), ("token" = [])),
            params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
            responses(
                (status = 200, body = RepairBody),
                (status = 401, description = "Not signed in", body = super::ErrorBody),
                (status = 403, description = $who, body = super::ErrorBody),
                (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
                (status = 409, description = $conflict, body = super::ErrorBody),
                (status = 422, description = "`text_invalid`, `has_but` or `invalid_body`", body = super::ErrorBody),
            ))]
        #[doc = $doc]
        pub(crate) async fn $name(
            State(state): State<AppState>,
            headers: HeaderMap,
            ApiCaller(caller): ApiCaller,
            Path(path): Path<(String, String)>,
            ApiJson($body): ApiJson<TextBody>,
        ) -> Result<Json<RepairBody>, ApiError> {
            let command = $command;
            step(&state, caller.person, path, command)
                .await
                .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
        }
    };
}

macro_rules! bare_route {
    ($name:ident, $path:literal, $doc:literal, $who:literal, $conflict:literal, $command:expr) => {
        #[utoipa::path(post, path = $path, tag = "repairs", security(("session" = []), ("token" = [])),
            params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
            responses(
                (status = 200, body = RepairBody),
                (status = 401, description = "Not signed in", body = super::ErrorBody),
                (status = 403, description = $who, body = super::ErrorBody),
                (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
                (status = 409, description = $conflict, body = super::ErrorBody),
            ))]
        #[doc = $doc]
        pub(crate) async fn $name(
            State(state): State<AppState>,
            headers: HeaderMap,
            ApiCaller(caller): ApiCaller,
            Path(path): Path<(String, String)>,
        ) -> Result<Json<RepairBody>, ApiError> {
            step(&state, caller.person, path, Ok($command))
                .await
                .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
        }
    };
}

bare_route!(
    accept,
    "/spaces/{id}/repairs/{repair}/accept",
    "The hurt partner accepts a proposed plan; the record's repair bonus starts now.",
    "Only the hurt partner accepts (`only_hurt`)",
    "Accepted already, or closed (`already_accepted`, `closed`)",
    Command::Accept
);
step_route!(
    acknowledge,
    "/spaces/{id}/repairs/{repair}/acknowledge",
    "The partner who did the harm says what happened, in their own words.",
    "Only the partner who did the harm (`only_responsible`)",
    "Not accepted, done already, closed, or joint steps paused (`not_accepted`, `already_done`, `closed`, `paused`)",
    |body| repairs::parse_text(&body.text).map(Command::Acknowledge)
);
step_route!(
    responsibility,
    "/spaces/{id}/repairs/{repair}/responsibility",
    "The partner who did the harm takes responsibility, with no excusing \"but\" (`has_but` otherwise; a concessive \"even though\" is fine).",
    "Only the partner who did the harm (`only_responsible`)",
    "Not accepted, done already, closed, or joint steps paused (`not_accepted`, `already_done`, `closed`, `paused`)",
    |body| repairs::parse_text(&body.text).map(Command::TakeResponsibility)
);
step_route!(
    apology,
    "/spaces/{id}/repairs/{repair}/apology",
    "The partner who did the harm apologises.",
    "Only the partner who did the harm (`only_responsible`)",
    "Not accepted, done already, closed, or joint steps paused (`not_accepted`, `already_done`, `closed`, `paused`)",
    |body| repairs::parse_text(&body.text).map(Command::Apologise)
);
step_route!(
    progress,
    "/spaces/{id}/repairs/{repair}/progress",
    "Either partner notes progress; the note names the weekly check-in open now, if any.",
    "Not used: either partner may note progress",
    "Not accepted, closed, or joint steps paused (`not_accepted`, `closed`, `paused`)",
    |body| repairs::parse_text(&body.text).map(|text| Command::NoteProgress {
        text,
        checkin: None
    })
);
bare_route!(
    advance,
    "/spaces/{id}/repairs/{repair}/advance",
    "The hurt partner moves the plan to its next phase: Atone → Attune → Attach.",
    "Only the hurt partner advances (`only_hurt`)",
    "Not accepted, last phase, closed, or joint steps paused (`not_accepted`, `last_phase`, `closed`, `paused`)",
    Command::Advance
);
bare_route!(
    close,
    "/spaces/{id}/repairs/{repair}/close",
    "The hurt partner closes the plan (also a proposal they decline). Never paused.",
    "Only the hurt partner closes (`only_hurt`)",
    "Closed already (`closed`)",
    Command::Close
);

/// The dated promise and plan.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct PlanPromiseBody {
    /// What is promised: 1–280 characters.
    text: String,
    #[schema(minimum = 1, maximum = 5)]
    stakes: i64,
    /// RFC 3339 with an offset, later than now.
    due: String,
}

/// A transparency commitment: a promise without a due time.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct TransparencyBody {
    text: String,
    #[schema(minimum = 1, maximum = 5)]
    stakes: i64,
}

/// The promise made, and the plan after it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct PromiseMade {
    promise: String,
    repair: RepairBody,
}

fn stakes(value: i64) -> u8 {
    // Out of range stays out of range for the rules to refuse.
    u8::try_from(value).unwrap_or(0)
}

async fn make_promise(
    state: &AppState,
    person: PersonId,
    (space, repair): (String, String),
    input: Result<PlanPromise, RepairError>,
    transparency: bool,
) -> Result<PromiseMade, RepairError> {
    let input = input?;
    let space = space_id(&space)?;
    let repair = repairs::parse_id(&repair)?;
    let promise = repairs::promise(state, person, space, repair, input, transparency).await?;
    Ok(PromiseMade {
        promise: promise.to_string(),
        repair: detail(state, person, space, repair).await?,
    })
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/{repair}/promise", tag = "repairs", request_body = PlanPromiseBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 201, body = PromiseMade),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who did the harm (`only_responsible`)", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
        (status = 409, description = "Not accepted, made already, closed, or joint steps paused", body = super::ErrorBody),
        (status = 422, description = "`promise_text_invalid`, `stakes_invalid`, `time_invalid`, `due_too_early`", body = super::ErrorBody),
    ))]
/// The one dated promise and plan, by the partner who did the harm: a real promise to the hurt
/// partner, made in the same append as the plan's step.
pub(crate) async fn promise(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<PlanPromiseBody>,
) -> Result<Response, ApiError> {
    let input = parse_rfc3339(&body.due)
        .map_err(|_| RepairError::Invalid(Invalid::Time))
        .map(|due| PlanPromise {
            text: body.text,
            stakes: stakes(body.stakes),
            due: Some(due),
        });
    let made = make_promise(&state, caller.person, path, input, false)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/{repair}/transparency", tag = "repairs", request_body = TransparencyBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 201, body = PromiseMade),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who did the harm (`only_responsible`)", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
        (status = 409, description = "Not accepted, closed, or joint steps paused", body = super::ErrorBody),
        (status = 422, description = "`promise_text_invalid`, `stakes_invalid`", body = super::ErrorBody),
    ))]
/// A transparency commitment by the partner who did the harm, made as a promise.
pub(crate) async fn transparency(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<TransparencyBody>,
) -> Result<Response, ApiError> {
    let input = Ok(PlanPromise {
        text: body.text,
        stakes: stakes(body.stakes),
        due: None,
    });
    let made = make_promise(&state, caller.person, path, input, true)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// One entry of the caller's private log.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct LogBody {
    /// What came up and how it felt: 1–1000 characters.
    text: String,
    /// How strong, 1–5.
    #[schema(minimum = 1, maximum = 5)]
    intensity: Option<i64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct LogEntryBody {
    text: String,
    intensity: Option<u8>,
    at: String,
}

/// The caller's own private log, oldest first.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct LogList {
    entries: Vec<LogEntryBody>,
}

fn log_of(opened: &Opened) -> LogList {
    LogList {
        entries: opened
            .ledger()
            .repair_log
            .entries()
            .iter()
            .map(|entry| LogEntryBody {
                text: entry.text.as_str().to_owned(),
                intensity: entry.intensity.map(|i| i.get()),
                at: rfc3339(entry.at),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/spaces/{id}/repairs/log", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = LogList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The caller's private log of triggers and feelings. Only its author ever sees it.
pub(crate) async fn log(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<LogList>, ApiError> {
    let shown = async {
        let opened = repairs::open(&state, caller.person, space_id(&space)?).await?;
        Ok::<_, RepairError>(log_of(&opened))
    };
    shown
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/log", tag = "repairs", request_body = LogBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 201, body = LogList),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 422, description = "`text_invalid`, `intensity_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// Writes an entry in the caller's private log; answers the whole log.
pub(crate) async fn write_log(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<LogBody>,
) -> Result<Response, ApiError> {
    let written = async {
        let space = space_id(&space)?;
        let text = repairs::parse_text(&body.text)?;
        let intensity = repairs::parse_intensity(body.intensity)?;
        repairs::write_log(&state, caller.person, space, text, intensity).await?;
        let opened = repairs::open(&state, caller.person, space).await?;
        Ok::<_, RepairError>(log_of(&opened))
    };
    let log = written
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    Ok((StatusCode::CREATED, Json(log)).into_response())
}

/// The caller's answer to the safety check. A "yes" to any question pauses joint repair steps
/// for both partners, without telling the partner why; answering again lifts it.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct SafetyBody {
    /// Do you feel afraid of your partner, or of how they might react?
    afraid: bool,
    /// Do you feel pushed into this work, or into things you do not want?
    pressured: bool,
    /// Does something in the relationship make you feel unsafe right now?
    unsafe_now: bool,
}

/// A place to turn to, as the operator configured it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct HelpBody {
    label: String,
    /// A web address or a phone number.
    address: String,
}

/// The caller's own safety state.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct SafetyState {
    /// Whether the caller has answered since the pairing began.
    answered: bool,
    /// Whether joint steps are paused: the same for both partners, with no reason.
    joint_paused: bool,
    /// Outside help, offered to whoever sees joint steps paused.
    help: Vec<HelpBody>,
    /// Only in the answer to the caller's own act: when it takes effect (RFC 3339). Changes wait
    /// for the space's next 04:00 and hold at least a day, so that nobody can tell from the
    /// moment a pause began who asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    takes_effect: Option<String>,
}

fn safety_state(
    state: &AppState,
    view: steadfast_core::repair::SafetyView,
    lang: Lang,
) -> SafetyState {
    let paused = view.joint == Joint::Paused;
    SafetyState {
        answered: view.answered,
        joint_paused: paused,
        help: if paused {
            state
                .help_for(lang)
                .iter()
                .map(|(label, address)| HelpBody {
                    label: label.clone(),
                    address: address.clone(),
                })
                .collect()
        } else {
            Vec::new()
        },
        takes_effect: None,
    }
}

#[utoipa::path(get, path = "/spaces/{id}/safety", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = SafetyState),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// The caller's own safety state, and whether joint steps are paused.
pub(crate) async fn safety(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<SafetyState>, ApiError> {
    let shown = async {
        let opened = repairs::open(&state, caller.person, space_id(&space)?).await?;
        Ok::<_, RepairError>(safety_state(
            &state,
            repairs::safety(&opened, state.now()),
            lang_of(&headers),
        ))
    };
    shown
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

#[utoipa::path(put, path = "/spaces/{id}/safety", tag = "repairs", request_body = SafetyBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = SafetyState),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
        (status = 422, description = "`invalid_body`", body = super::ErrorBody),
    ))]
/// Answers the safety check (privately). The newest answer or pause counts; a first answer since
/// the pairing at once, any later change from the space's next 04:00.
pub(crate) async fn answer_safety(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
    ApiJson(body): ApiJson<SafetyBody>,
) -> Result<Json<SafetyState>, ApiError> {
    let answer = SafetyAnswer {
        afraid: body.afraid,
        pressured: body.pressured,
        unsafe_now: body.unsafe_now,
    };
    act_on_safety(
        &state,
        &headers,
        caller.person,
        &space,
        SafetyAct::Answered(answer),
    )
    .await
}

#[utoipa::path(post, path = "/spaces/{id}/safety/pause", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = SafetyState),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Pauses joint repair steps for both partners, with no reason asked or shown, from the space's
/// next 04:00 for at least a day, until the caller says they are ready to go on.
pub(crate) async fn pause_joint_work(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<SafetyState>, ApiError> {
    act_on_safety(&state, &headers, caller.person, &space, SafetyAct::Pause).await
}

#[utoipa::path(post, path = "/spaces/{id}/safety/ready", tag = "repairs", security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id")),
    responses(
        (status = 200, body = SafetyState),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 404, description = "No such space, or not one of yours", body = super::ErrorBody),
    ))]
/// Says the caller is ready to go on: lifts their own pause or worrying answer from the space's
/// next 04:00 (a day at least after it began). It never lifts the partner's.
pub(crate) async fn ready_to_go_on(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(space): Path<String>,
) -> Result<Json<SafetyState>, ApiError> {
    act_on_safety(&state, &headers, caller.person, &space, SafetyAct::GoOn).await
}

async fn act_on_safety(
    state: &AppState,
    headers: &HeaderMap,
    person: PersonId,
    space: &str,
    act: SafetyAct,
) -> Result<Json<SafetyState>, ApiError> {
    let acted = async {
        let acted = repairs::act_on_safety(state, person, space_id(space)?, act).await?;
        let mut shown = safety_state(state, acted.view, lang_of(headers));
        shown.takes_effect = Some(rfc3339(acted.takes_effect));
        Ok::<_, RepairError>(shown)
    };
    acted
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(headers)))
}

/// "This landed" or "not yet" on one of the plan's accountability steps.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct AnswerBody {
    /// `acknowledgement`, `responsibility`, `apology` or `promise`.
    part: String,
    /// `landed` or `not_yet`. "Not yet" keeps the step open.
    landing: String,
    /// What would help, or another word: up to 500 characters.
    word: Option<String>,
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/{repair}/answers", tag = "repairs", request_body = AnswerBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 200, body = RepairBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the hurt partner answers (`only_hurt`)", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
        (status = 409, description = "Nothing said yet, not accepted, closed, or joint steps paused (`nothing_to_answer`, `not_accepted`, `closed`, `paused`)", body = super::ErrorBody),
        (status = 422, description = "`choice_invalid`, `word_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The hurt partner answers a step "this landed" or "not yet", with an optional word. The newest
/// answer stands and earlier ones stay in the plan; "not yet" lets the other try again.
pub(crate) async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path(path): Path<(String, String)>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> Result<Json<RepairBody>, ApiError> {
    let command = (|| -> Result<Command, RepairError> {
        let choice = || RepairError::Invalid(Invalid::Choice);
        Ok(Command::Answer {
            part: Part::parse(&body.part).ok_or_else(choice)?,
            landing: Landing::parse(&body.landing).ok_or_else(choice)?,
            word: repairs::parse_word(body.word.as_deref().unwrap_or_default())?,
        })
    })();
    step(&state, caller.person, path, command)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// A question asked, and the plan after it.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct QuestionAsked {
    /// The question's id.
    id: String,
    repair: RepairBody,
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/{repair}/questions", tag = "repairs", request_body = TextBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 201, body = QuestionAsked),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the hurt partner asks (`only_hurt`)", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
        (status = 409, description = "Not accepted, closed, or joint steps paused (`not_accepted`, `closed`, `paused`)", body = super::ErrorBody),
        (status = 422, description = "`text_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The hurt partner asks a question; the other answers it. Both partners see it, nobody else.
pub(crate) async fn ask(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, repair)): Path<(String, String)>,
    ApiJson(body): ApiJson<TextBody>,
) -> Result<Response, ApiError> {
    let asked = async {
        let text = repairs::parse_text(&body.text)?;
        let space = space_id(&space)?;
        let repair = repairs::parse_id(&repair)?;
        let question = repairs::ask(&state, caller.person, space, repair, text).await?;
        Ok::<_, RepairError>(QuestionAsked {
            id: question.to_string(),
            repair: detail(&state, caller.person, space, repair).await?,
        })
    };
    let asked = asked
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))?;
    Ok((StatusCode::CREATED, Json(asked)).into_response())
}

#[utoipa::path(post, path = "/spaces/{id}/repairs/{repair}/questions/{question}/answer", tag = "repairs", request_body = TextBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id"), ("question" = String, Path, description = "The question's id")),
    responses(
        (status = 200, body = RepairBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Only the partner who did the harm answers (`only_responsible`)", body = super::ErrorBody),
        (status = 404, description = "No such space, plan or question of yours", body = super::ErrorBody),
        (status = 409, description = "Not accepted, closed, or joint steps paused (`not_accepted`, `closed`, `paused`)", body = super::ErrorBody),
        (status = 422, description = "`text_invalid`, `unchanged` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The partner who did the harm answers a question. Answering again never replaces the answer
/// silently: both partners see every earlier version beside the newest.
pub(crate) async fn reply(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, repair, question)): Path<(String, String, String)>,
    ApiJson(body): ApiJson<TextBody>,
) -> Result<Json<RepairBody>, ApiError> {
    let command = repairs::parse_text(&body.text).and_then(|text| {
        Ok(Command::Reply {
            question: repairs::parse_question(&question)?,
            text,
        })
    });
    step(&state, caller.person, (space, repair), command)
        .await
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}

/// Where the hurt partner is with forgiveness, and whether the partner sees it.
#[derive(Deserialize, utoipa::ToSchema)]
pub(crate) struct ForgivenessBody {
    /// `not_ready`, `working_on_it` or `forgiven`.
    state: String,
    /// Share it with the partner (shown on the plan); false keeps it, or makes it again, private.
    shared: bool,
}

#[utoipa::path(put, path = "/spaces/{id}/repairs/{repair}/forgiveness", tag = "repairs", request_body = ForgivenessBody, security(("session" = []), ("token" = [])),
    params(("id" = String, Path, description = "The space's id"), ("repair" = String, Path, description = "The plan's id")),
    responses(
        (status = 200, body = RepairBody),
        (status = 401, description = "Not signed in", body = super::ErrorBody),
        (status = 403, description = "Forgiveness is the hurt partner's alone (`only_hurt`)", body = super::ErrorBody),
        (status = 404, description = "No such space or plan of yours", body = super::ErrorBody),
        (status = 422, description = "`choice_invalid` or `invalid_body`", body = super::ErrorBody),
    ))]
/// The hurt partner notes where they are with forgiveness: private unless `shared`. Nobody else
/// can set it or ask for it, and no step of the plan waits for it.
pub(crate) async fn forgiveness(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiCaller(caller): ApiCaller,
    Path((space, repair)): Path<(String, String)>,
    ApiJson(body): ApiJson<ForgivenessBody>,
) -> Result<Json<RepairBody>, ApiError> {
    let noted = async {
        let forgiveness =
            Forgiveness::parse(&body.state).ok_or(RepairError::Invalid(Invalid::Choice))?;
        let space = space_id(&space)?;
        let repair = repairs::parse_id(&repair)?;
        repairs::forgive(
            &state,
            caller.person,
            space,
            repair,
            forgiveness,
            body.shared,
        )
        .await?;
        detail(&state, caller.person, space, repair).await
    };
    noted
        .await
        .map(Json)
        .map_err(|error| ApiError::from_app(error, lang_of(&headers)))
}
