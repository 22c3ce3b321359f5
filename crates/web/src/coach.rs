//! Coaches, shared by the pages and the JSON API: a partner invites a coach to their space and
//! grants or revokes access to their own shared data; a coach reads the spaces they follow,
//! read-only. The rules are in `steadfast_core::coach` (and the visibility rule's coach viewer);
//! this is the order of the steps — load, decide, write — and what each refusal tells the person.
//!
//! - **Reads**: every view a coach opens is folded fresh through `Viewer::Coach`, with the grants
//!   read on that request, so a revoked grant counts from the next request on. Each partner whose
//!   data went into a view gets one line in their "who read my data" list: which coach, which
//!   view, when — never what was seen.
//! - **Writes**: a coach's account writes nothing in any space. [`refuse_writes`] answers every
//!   state-changing request of a coach with 403 before any handler runs, except the few that are
//!   about the coach's own account (signing out, the password, joining through a coach invite).
//! - Whoever is not a member (for partners) or not attached (for coaches) gets "not found" for
//!   everything about a space, whether it exists or not.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use steadfast_app::secrets;
use steadfast_core::coach::{self, AccountKind, Grant, GrantRefusal, Granted, RevokeGrantRefusal};
use steadfast_core::record::{Params, RecordView, TrackKey};
use steadfast_core::repair::{Phase, Status};
use steadfast_core::space::{self, INVITE_LIFETIME, InviteState, Member, Standing};
use steadfast_core::{Ledger, PersonId, RecordedEvent, SpaceId, StreamId, Timestamp};
use steadfast_store::{CoachAcceptOutcome, CoachReadRecord, InviteRecord, SpaceRecord};

use crate::AppState;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session::{self, Caller};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::routes::WriteRules;
use steadfast_app::spaces;

/// Why a coach operation did not happen. Each has one status, one stable code and one message.
#[derive(Debug)]
pub(crate) enum CoachError {
    /// Not a member / not this space's coach, no such space, coach or invite: indistinguishable.
    NotFound,
    /// Used, withdrawn or expired: one answer, so the holder cannot tell which.
    InviteInvalid,
    /// No coach invite has this token: the same words, status 404.
    InviteUnknown,
    /// A partner's account opened a coach invite.
    NotACoach,
    /// The coach already follows this space.
    AlreadyCoach(SpaceId),
    /// A partner asked for a grant the rules do not allow.
    Grant(GrantRefusal),
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for CoachError {
    fn from(error: E) -> Self {
        CoachError::Failed(error.into())
    }
}

impl CoachError {
    pub(crate) fn code(&self) -> &'static str {
        match self {
            CoachError::NotFound => "not_found",
            CoachError::InviteInvalid | CoachError::InviteUnknown => "invite_invalid",
            CoachError::NotACoach => "not_a_coach",
            CoachError::AlreadyCoach(_) => "already_coach",
            CoachError::Grant(GrantRefusal::NotAMember) => "not_found",
            CoachError::Grant(GrantRefusal::NoCoach) => "no_coach",
            CoachError::Grant(GrantRefusal::InvalidLength) => "days_invalid",
            CoachError::TooMany(_) => "too_many_requests",
            CoachError::Failed(_) => "internal",
        }
    }

    pub(crate) fn status(&self) -> StatusCode {
        match self {
            CoachError::NotFound
            | CoachError::InviteUnknown
            | CoachError::Grant(GrantRefusal::NotAMember) => StatusCode::NOT_FOUND,
            CoachError::InviteInvalid => StatusCode::GONE,
            CoachError::NotACoach => StatusCode::FORBIDDEN,
            CoachError::AlreadyCoach(_) | CoachError::Grant(GrantRefusal::NoCoach) => {
                StatusCode::CONFLICT
            }
            CoachError::Grant(GrantRefusal::InvalidLength) => StatusCode::UNPROCESSABLE_ENTITY,
            CoachError::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            CoachError::Failed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            CoachError::NotFound | CoachError::Grant(GrantRefusal::NotAMember) => {
                lang.t("error-not-found-title")
            }
            CoachError::InviteInvalid | CoachError::InviteUnknown => lang.t("invite-invalid"),
            CoachError::NotACoach => lang.t("coach-invite-not-a-coach"),
            CoachError::AlreadyCoach(_) => lang.t("coach-invite-already"),
            CoachError::Grant(GrantRefusal::NoCoach) => lang.t("coach-grant-no-coach"),
            CoachError::Grant(GrantRefusal::InvalidLength) => lang.t_with(
                "coach-grant-days-invalid",
                &[("max", coach::MAX_GRANT_DAYS.to_string())],
            ),
            CoachError::TooMany(too_many) => {
                lang.t_count("error-too-many-text", too_many.minutes())
            }
            CoachError::Failed(_) => lang.t("error-internal-title"),
        }
    }
}

/// The views a coach opens, as logged for the partners (a fixed word, never content).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReadKind {
    Overview,
    Report,
}

impl ReadKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ReadKind::Overview => "overview",
            ReadKind::Report => "report",
        }
    }
}

/// The words for a logged view, in the reader's language.
pub(crate) fn read_kind_label(view: &str, lang: Lang) -> String {
    match view {
        "overview" => lang.t("coach-read-overview"),
        "report" => lang.t("coach-read-report"),
        _ => lang.t("coach-read-other"),
    }
}

// ---------------------------------------------------------------------------------------------
// Refusing a coach's writes.

/// Answers every state-changing request of a signed-in coach with 403 and a plain message, on
/// pages and in the API, before any handler runs; anything else passes untouched.
pub(crate) async fn refuse_writes(
    State(state): State<AppState>,
    Extension(rules): Extension<Arc<WriteRules>>,
    request: Request,
    next: Next,
) -> Response {
    if rules.of(&request).is_none_or(|write| write.coach_may) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let is_api = parts.uri.path().starts_with("/api/");
    // The same lookup the handler would make, remembered for it in the request's extensions.
    let caller = if is_api {
        session::caller(&mut parts, &state).await
    } else {
        session::page_caller(&mut parts, &state).await
    };
    match caller {
        Ok(Some(Caller {
            kind: AccountKind::Coach,
            ..
        })) => {}
        Ok(_) => return next.run(Request::from_parts(parts, body)).await,
        Err(error) => return error.into_response(),
    }
    if is_api {
        let lang = crate::api::lang_of(&parts.headers);
        crate::api::ApiError::new(
            StatusCode::FORBIDDEN,
            "coach_read_only",
            lang.t("coach-read-only-text"),
        )
        .into_response()
    } else {
        let chrome =
            crate::pages::Chrome::new(&state, Lang::of_request(&parts), parts.uri.path(), true);
        crate::pages::coach::read_only(chrome)
    }
}

// ---------------------------------------------------------------------------------------------
// The partner's side.

/// A coach of the space, as one partner sees them: with that partner's own grant only.
pub(crate) struct CoachLine {
    pub(crate) id: PersonId,
    pub(crate) username: String,
    pub(crate) since: Timestamp,
    /// When the partner's own grant ends, while one is in force.
    pub(crate) granted_until: Option<Timestamp>,
}

/// An open coach invite the partner made.
pub(crate) struct InviteLine {
    pub(crate) id: String,
    pub(crate) expires_at: Timestamp,
}

/// One read of the partner's data by a coach.
pub(crate) struct ReadLine {
    pub(crate) coach: String,
    pub(crate) view: String,
    pub(crate) space: SpaceId,
    pub(crate) at: Timestamp,
}

/// What a partner sees on their space's coach settings.
pub(crate) struct PartnerView {
    pub(crate) space: SpaceId,
    pub(crate) name: String,
    pub(crate) coaches: Vec<CoachLine>,
    pub(crate) open_invites: Vec<InviteLine>,
    /// Reads of this partner's data in this space, newest first.
    pub(crate) reads: Vec<ReadLine>,
}

async fn load_as_member(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<(SpaceRecord, Vec<Member>), CoachError> {
    let space = state.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = state
        .store
        .members(id)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    if space::standing(&members, person) != Standing::Current {
        return Err(CoachError::NotFound);
    }
    Ok((space, members))
}

/// The current stay of `coach` with the space, if they follow it.
async fn coach_since(
    state: &AppState,
    space: SpaceId,
    coach: PersonId,
) -> Result<Option<Timestamp>, CoachError> {
    Ok(state
        .store
        .coaches_of_space(space)
        .await?
        .into_iter()
        .find(|stay| stay.coach == coach && stay.is_current())
        .map(|stay| stay.joined_at))
}

fn grants(records: &[steadfast_store::GrantRecord]) -> Vec<Grant> {
    records
        .iter()
        .map(steadfast_store::GrantRecord::grant)
        .collect()
}

/// Username of an account, or a neutral placeholder for one that is gone.
async fn username(state: &AppState, person: PersonId, lang: Lang) -> Result<String, CoachError> {
    Ok(state
        .store
        .account(person)
        .await?
        .map_or_else(|| lang.t("coach-someone"), |account| account.username))
}

pub(crate) async fn partner_view(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    lang: Lang,
) -> Result<PartnerView, CoachError> {
    let (space, members) = load_as_member(state, person, id).await?;
    let now = state.now();
    let mine = grants(&state.store.coach_grants_by(id, person).await?);
    let mut coaches = Vec::new();
    for stay in state.store.coaches_of_space(id).await? {
        if !stay.is_current() {
            continue;
        }
        // Only this partner's own grants: whether the other partner granted is not shown here.
        let granted = coach::granted(&mine, &members, Some(stay.joined_at), now);
        let granted_until = granted.contains(person).then(|| {
            mine.iter()
                .filter(|g| g.is_active(now) && g.granted_at >= stay.joined_at)
                .map(|g| g.expires_at)
                .max()
        });
        coaches.push(CoachLine {
            id: stay.coach,
            username: username(state, stay.coach, lang).await?,
            since: stay.joined_at,
            granted_until: granted_until.flatten(),
        });
    }
    let open_invites = state
        .store
        .coach_invites_of_space(id)
        .await?
        .into_iter()
        .filter(|invite| invite.created_by == person && invite_state(invite).is_open(&members, now))
        .map(|invite| InviteLine {
            id: invite.id,
            expires_at: invite.expires_at,
        })
        .collect();
    let reads = reads_of(state, person, lang)
        .await?
        .into_iter()
        .filter(|read| read.space == id)
        .collect();
    Ok(PartnerView {
        space: id,
        name: space.name,
        coaches,
        open_invites,
        reads,
    })
}

/// Every coach read of the person's data, newest first, in every space (for their export too).
pub(crate) async fn reads_of(
    state: &AppState,
    person: PersonId,
    lang: Lang,
) -> Result<Vec<ReadLine>, CoachError> {
    let mut lines = Vec::new();
    let mut names: Vec<(PersonId, String)> = Vec::new();
    for read in state.store.coach_reads_of(person).await? {
        let coach = match names.iter().find(|(id, _)| *id == read.coach) {
            Some((_, name)) => name.clone(),
            None => {
                let name = username(state, read.coach, lang).await?;
                names.push((read.coach, name.clone()));
                name
            }
        };
        lines.push(ReadLine {
            coach,
            view: read.view,
            space: read.space,
            at: read.at,
        });
    }
    Ok(lines)
}

/// A fresh coach invite: the token goes to the partner once and is never stored.
pub(crate) struct IssuedInvite {
    pub(crate) token: String,
    pub(crate) expires_at: Timestamp,
}

pub(crate) async fn issue_invite(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<IssuedInvite, CoachError> {
    load_as_member(state, person, id).await?;
    let now = state.now();
    let expires_at = now.saturating_add(INVITE_LIFETIME);
    let fresh = secrets::Secret::generate()?;
    state
        .store
        .create_coach_invite(&InviteRecord {
            id: uuid::Uuid::new_v4().to_string(),
            space: id,
            token_hash: fresh.hash,
            created_by: person,
            created_at: now,
            expires_at,
            accepted_by: None,
            accepted_at: None,
            revoked_at: None,
        })
        .await?;
    Ok(IssuedInvite {
        token: fresh.token,
        expires_at,
    })
}

/// Withdraws the partner's own coach invite; one already used, withdrawn or expired is left as
/// it is, quietly.
pub(crate) async fn revoke_invite(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    invite: &str,
) -> Result<(), CoachError> {
    load_as_member(state, person, id).await?;
    let known = state
        .store
        .coach_invites_of_space(id)
        .await?
        .into_iter()
        .any(|record| record.id == invite && record.created_by == person);
    if !known {
        return Err(CoachError::NotFound);
    }
    state
        .store
        .revoke_coach_invite(id, invite, state.now())
        .await?;
    Ok(())
}

/// Grants `coach` access to the partner's own shared data for `days` days.
pub(crate) async fn grant(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    coach: PersonId,
    days: u32,
) -> Result<Timestamp, CoachError> {
    let (_, members) = load_as_member(state, person, id).await?;
    let since = coach_since(state, id, coach).await?;
    if since.is_none() {
        // Not this space's coach: the same answer as an unknown one.
        return Err(CoachError::NotFound);
    }
    let now = state.now();
    let expires_at =
        coach::decide_grant(&members, person, since, now, days).map_err(CoachError::Grant)?;
    state
        .store
        .create_coach_grant(&steadfast_store::GrantRecord {
            id: uuid::Uuid::new_v4().to_string(),
            space: id,
            coach,
            person,
            granted_at: now,
            expires_at,
            revoked_at: None,
        })
        .await?;
    Ok(expires_at)
}

/// Withdraws every grant of the partner's to `coach` in the space that is in force: one click,
/// effective on the coach's next request. Nothing in force is a quiet success.
pub(crate) async fn revoke(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    coach: PersonId,
) -> Result<(), CoachError> {
    // A partner who has left may still withdraw: only that the space exists for them matters.
    let space = state.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = state
        .store
        .members(id)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    if space::standing(&members, person) == Standing::Stranger {
        return Err(CoachError::NotFound);
    }
    let now = state.now();
    for record in state.store.coach_grants_by(space.id, person).await? {
        if record.coach != coach {
            continue;
        }
        match coach::decide_revoke_grant(&record.grant(), person, now) {
            Ok(()) => {
                state
                    .store
                    .revoke_coach_grant(id, person, &record.id, now)
                    .await?;
            }
            Err(RevokeGrantRefusal::AlreadyEnded | RevokeGrantRefusal::NotYours) => {}
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Coach invites.

fn invite_state(record: &InviteRecord) -> InviteState {
    InviteState {
        issuer: record.created_by,
        expires: record.expires_at,
        accepted: record.accepted_at,
        revoked: record.revoked_at,
    }
}

async fn load_invite(
    state: &AppState,
    token: &str,
) -> Result<(InviteRecord, SpaceRecord), CoachError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CoachError::InviteUnknown);
    }
    let invite = state
        .store
        .coach_invite_by_token_hash(&secrets::hash(token))
        .await?
        .ok_or(CoachError::InviteUnknown)?;
    let space = state
        .store
        .space(invite.space)
        .await?
        .ok_or(CoachError::InviteUnknown)?;
    let members: Vec<Member> = state
        .store
        .members(invite.space)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    if !invite_state(&invite).is_open(&members, state.now()) {
        return Err(CoachError::InviteInvalid);
    }
    Ok((invite, space))
}

/// The space a coach invite would attach its holder to; checked, not accepted.
pub(crate) async fn offer(state: &AppState, token: &str) -> Result<String, CoachError> {
    Ok(load_invite(state, token).await?.1.name)
}

/// Attaches the signed-in coach to the invite's space. A partner's account is refused.
pub(crate) async fn accept(
    state: &AppState,
    person: PersonId,
    kind: AccountKind,
    token: &str,
    address: &str,
) -> Result<SpaceId, CoachError> {
    state
        .limits
        .check(Door::InviteAcceptance, address, None)
        .map_err(CoachError::TooMany)?;
    let (invite, space) = load_invite(state, token).await?;
    if kind != AccountKind::Coach {
        return Err(CoachError::NotACoach);
    }
    if coach_since(state, space.id, person).await?.is_some() {
        return Err(CoachError::AlreadyCoach(space.id));
    }
    match state
        .store
        .accept_coach_invite(&invite.id, person, state.now())
        .await?
    {
        CoachAcceptOutcome::Accepted => Ok(space.id),
        CoachAcceptOutcome::NoLongerPending => Err(CoachError::InviteInvalid),
        CoachAcceptOutcome::NotACoach => Err(CoachError::NotACoach),
        CoachAcceptOutcome::AlreadyCoach => Err(CoachError::AlreadyCoach(space.id)),
    }
}

// ---------------------------------------------------------------------------------------------
// The coach's side.

/// A space the coach follows.
pub(crate) struct CoachedLine {
    pub(crate) id: SpaceId,
    pub(crate) name: String,
}

pub(crate) async fn coached(
    state: &AppState,
    coach: PersonId,
) -> Result<Vec<CoachedLine>, CoachError> {
    Ok(state
        .store
        .spaces_coached_by(coach)
        .await?
        .into_iter()
        .map(|(space, _)| CoachedLine {
            id: space.id,
            name: space.name,
        })
        .collect())
}

/// One point of a partner's felt trust: when, and the mean of the nine items (0–6).
pub(crate) struct FeltPoint {
    pub(crate) at: Timestamp,
    pub(crate) mean: f64,
}

/// A repair plan the coach may see: its phase and status only, never its words.
pub(crate) struct RepairLine {
    pub(crate) opened_at: Timestamp,
    pub(crate) phase: Phase,
    pub(crate) status: &'static str,
    /// Whether the granted partner is the hurt one in it.
    pub(crate) hurt: bool,
}

/// What a coach sees of one granted partner.
pub(crate) struct PartnerProgress {
    pub(crate) username: String,
    pub(crate) felt: Vec<FeltPoint>,
    /// Check-ins this partner finished (submitted) with their current partner.
    pub(crate) checkins_done: usize,
    pub(crate) repairs: Vec<RepairLine>,
    /// Whether both partners' data is in the view, which repair plans need.
    pub(crate) repairs_shown: bool,
}

/// One direction of the reliability record, shown only when both partners granted.
pub(crate) struct RecordLine {
    pub(crate) promiser: String,
    pub(crate) receiver: String,
    pub(crate) view: RecordView,
}

/// A space as a coach sees it at one request.
pub(crate) struct Overview {
    pub(crate) id: SpaceId,
    pub(crate) name: String,
    pub(crate) now: Timestamp,
    /// The space's time zone: a coach reads the couple's times in it when their own browser
    /// has not reported one.
    pub(crate) zone: steadfast_core::space::SpaceZone,
    /// The partners whose grants are in force, by name; only they appear.
    pub(crate) partners: Vec<PartnerProgress>,
    pub(crate) record: Vec<RecordLine>,
}

/// The space's events folded through the coach's view, with the grants in force right now.
async fn fold(
    state: &AppState,
    coach: PersonId,
    id: SpaceId,
) -> Result<
    (
        SpaceRecord,
        Vec<Member>,
        Granted,
        Ledger,
        Vec<RecordedEvent>,
    ),
    CoachError,
> {
    let since = coach_since(state, id, coach)
        .await?
        .ok_or(CoachError::NotFound)?;
    let space = state.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = state
        .store
        .members(id)
        .await?
        .iter()
        .map(spaces::member)
        .collect();
    let records = state.store.coach_grants_for(id, coach).await?;
    let now = state.now();
    let granted = coach::granted(&grants(&records), &members, Some(since), now);
    // Folded fresh on each request rather than cached: a coach's reads are few, and the grants
    // (hence what may be seen) can change between any two of them.
    let mut ledger = Ledger::for_coach(coach, granted);
    let events = if granted.is_empty() {
        Vec::new()
    } else {
        state.store.read(StreamId::Space(id), 1).await?
    };
    ledger.advance(&events, &members);
    Ok((space, members, granted, ledger, events))
}

/// The coach's view of the space, logged as one read for each partner whose data is in it.
pub(crate) async fn overview(
    state: &AppState,
    coach: PersonId,
    id: SpaceId,
    kind: ReadKind,
    lang: Lang,
) -> Result<Overview, CoachError> {
    let (space, members, granted, mut ledger, events) = fold(state, coach, id).await?;
    let now = state.now();
    let mut partners = Vec::new();
    for progress in coach::progress(coach, granted, &events, &members, &ledger) {
        let repairs_shown = progress.repairs.is_some();
        let repairs = progress
            .repairs
            .unwrap_or_default()
            .into_iter()
            .map(|plan| RepairLine {
                opened_at: plan.opened_at,
                phase: plan.phase,
                status: match plan.status {
                    Status::Proposed => "proposed",
                    Status::Active { .. } => "active",
                    Status::Closed { .. } => "closed",
                },
                hurt: plan.hurt == progress.person,
            })
            .collect();
        partners.push(PartnerProgress {
            username: username(state, progress.person, lang).await?,
            felt: progress
                .felt
                .into_iter()
                .map(|(at, mean)| FeltPoint { at, mean })
                .collect(),
            checkins_done: progress.checkins_done,
            repairs,
            repairs_shown,
        });
    }
    // By name, so the order does not hang on who joined first.
    partners.sort_by(|a, b| a.username.cmp(&b.username));
    let mut record = Vec::new();
    let current: Vec<PersonId> = space::current(&members).map(|m| m.person).collect();
    if let [one, other] = current[..] {
        // Present only when both partners' data is in the fold and both have the record on.
        if let Some(book) = ledger.record(&members, &Params::DEFAULT) {
            for (promiser, receiver) in [(one, other), (other, one)] {
                let key = TrackKey {
                    promiser,
                    receiver,
                    domain: None,
                };
                record.push(RecordLine {
                    promiser: username(state, promiser, lang).await?,
                    receiver: username(state, receiver, lang).await?,
                    view: book.view(&key, now),
                });
            }
        }
    }
    for owner in granted.people() {
        state
            .store
            .log_coach_read(&CoachReadRecord {
                id: uuid::Uuid::new_v4().to_string(),
                space: id,
                coach,
                owner,
                view: kind.as_str().to_owned(),
                at: now,
            })
            .await?;
    }
    Ok(Overview {
        id,
        name: space.name,
        now,
        zone: ledger.zone.clone(),
        partners,
        record,
    })
}

/// A space id from a path; anything else is an id of no space.
pub(crate) fn parse_space(text: &str) -> Result<SpaceId, CoachError> {
    text.parse().map_err(|_| CoachError::NotFound)
}

/// A coach's id from a path.
pub(crate) fn parse_person(text: &str) -> Result<PersonId, CoachError> {
    text.parse().map_err(|_| CoachError::NotFound)
}

/// The phase's word key.
pub(crate) fn phase_key(phase: Phase) -> String {
    format!("repair-phase-{}", phase.as_str())
}
