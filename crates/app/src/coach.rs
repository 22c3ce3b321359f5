//! Coaches: a partner invites a coach to their space and grants or revokes access to their own
//! shared data; a coach reads the spaces they follow, read-only. The rules are in
//! `steadfast_core::coach` (and the visibility rule's coach viewer); this is the order of the
//! steps — load, decide, write.
//!
//! - **Reads**: every view a coach opens is folded fresh through `Viewer::Coach`, with the grants
//!   read on that request, so a revoked grant counts from the next request on. Each partner whose
//!   data went into a view gets one line in their "who read my data" list: which coach, which
//!   view, when — never what was seen.
//! - **Writes**: a coach's account writes nothing in any space; the web side refuses every
//!   app-changing request of a coach before any use case runs.
//! - Whoever is not a member (for partners) or not attached (for coaches) gets "not found" for
//!   everything about a space, whether it exists or not.

use steadfast_core::coach::{
    self, AccountKind, Grant, GrantRefusal, Granted, MAX_GRANT_DAYS, RevokeGrantRefusal,
};
use steadfast_core::record::{Params, RecordView, TrackKey};
use steadfast_core::repair::{Phase, Status};
use steadfast_core::space::{self, INVITE_LIFETIME, InviteState, Member, Standing};
use steadfast_core::{Ledger, PersonId, RecordedEvent, SpaceId, StreamId, Timestamp};
use steadfast_store::{
    CoachAcceptOutcome, CoachReadRecord, GrantRecord, InviteRecord, SpaceRecord,
};

use crate::App;
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::{secrets, spaces};

/// Why a coach operation did not happen.
#[derive(Debug)]
pub enum CoachError {
    /// Not a member / not this space's coach, no such space, coach or invite: indistinguishable.
    NotFound,
    /// Used, withdrawn or expired: one answer, so the holder cannot tell which.
    InviteInvalid,
    /// No coach invite has this token: the same words, as "not found".
    InviteUnknown,
    /// A partner's account opened a coach invite.
    NotACoach,
    /// The coach already follows this space.
    AlreadyCoach(SpaceId),
    /// A partner asked for a grant the rules do not allow.
    Grant(GrantRefusal),
    Failed(Failure),
}

crate::failed_underneath!(CoachError);

impl Explain for CoachError {
    fn explain(&self) -> Explained<'_> {
        let invite_invalid = || Words::key("invite-invalid");
        Explained::Refused(match self {
            CoachError::NotFound | CoachError::Grant(GrantRefusal::NotAMember) => {
                Refused::not_found()
            }
            CoachError::InviteInvalid => {
                Refused::new("invite_invalid", Kind::Gone, invite_invalid())
            }
            CoachError::InviteUnknown => {
                Refused::new("invite_invalid", Kind::NotFound, invite_invalid())
            }
            CoachError::NotACoach => Refused::new(
                "not_a_coach",
                Kind::NotYours,
                Words::key("coach-invite-not-a-coach"),
            ),
            CoachError::AlreadyCoach(_) => Refused::new(
                "already_coach",
                Kind::NotNow,
                Words::key("coach-invite-already"),
            ),
            CoachError::Grant(GrantRefusal::NoCoach) => {
                Refused::new("no_coach", Kind::NotNow, Words::key("coach-grant-no-coach"))
            }
            CoachError::Grant(GrantRefusal::InvalidLength) => Refused::new(
                "days_invalid",
                Kind::Invalid,
                Words::key("coach-grant-days-invalid").with("max", MAX_GRANT_DAYS),
            ),
            CoachError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// The views a coach opens, as logged for the partners (a fixed word, never content).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadKind {
    Overview,
    Report,
}

impl ReadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadKind::Overview => "overview",
            ReadKind::Report => "report",
        }
    }
}

/// A space id from a path; anything else is an id of no space.
pub fn parse_space(text: &str) -> Result<SpaceId, CoachError> {
    text.parse().map_err(|_| CoachError::NotFound)
}

/// A coach's id from a path.
pub fn parse_person(text: &str) -> Result<PersonId, CoachError> {
    text.parse().map_err(|_| CoachError::NotFound)
}

// ---------------------------------------------------------------------------------------------
// The partner's side.

/// A coach of the space, as one partner sees them: with that partner's own grant only.
pub struct CoachLine {
    pub id: PersonId,
    /// `None` when the account is gone.
    pub username: Option<String>,
    pub since: Timestamp,
    /// When the partner's own grant ends, while one is in force.
    pub granted_until: Option<Timestamp>,
}

/// An open coach invite the partner made.
pub struct InviteLine {
    pub id: String,
    pub expires_at: Timestamp,
}

/// One read of the partner's data by a coach.
pub struct ReadLine {
    /// `None` when the coach's account is gone.
    pub coach: Option<String>,
    pub view: String,
    pub space: SpaceId,
    pub at: Timestamp,
}

/// What a partner sees on their space's coach settings.
pub struct PartnerView {
    pub space: SpaceId,
    pub name: String,
    pub coaches: Vec<CoachLine>,
    pub open_invites: Vec<InviteLine>,
    /// Reads of this partner's data in this space, newest first.
    pub reads: Vec<ReadLine>,
}

async fn load_as_member(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<(SpaceRecord, Vec<Member>), CoachError> {
    let space = app.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = spaces::members(app, id).await?;
    if space::standing(&members, person) != Standing::Current {
        return Err(CoachError::NotFound);
    }
    Ok((space, members))
}

/// The current stay of `coach` with the space, if they follow it.
async fn coach_since(
    app: &App,
    space: SpaceId,
    coach: PersonId,
) -> Result<Option<Timestamp>, CoachError> {
    Ok(app
        .store
        .coaches_of_space(space)
        .await?
        .into_iter()
        .find(|stay| stay.coach == coach && stay.is_current())
        .map(|stay| stay.joined_at))
}

fn grants(records: &[GrantRecord]) -> Vec<Grant> {
    records.iter().map(GrantRecord::grant).collect()
}

/// Username of an account; `None` for one that is gone (the reader is shown a neutral word).
async fn username(app: &App, person: PersonId) -> Result<Option<String>, CoachError> {
    Ok(app
        .store
        .account(person)
        .await?
        .map(|account| account.username))
}

pub async fn partner_view(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<PartnerView, CoachError> {
    let (space, members) = load_as_member(app, person, id).await?;
    let now = app.now();
    let mine = grants(&app.store.coach_grants_by(id, person).await?);
    let mut coaches = Vec::new();
    for stay in app.store.coaches_of_space(id).await? {
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
            username: username(app, stay.coach).await?,
            since: stay.joined_at,
            granted_until: granted_until.flatten(),
        });
    }
    let open_invites = app
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
    let reads = reads_of(app, person)
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
pub async fn reads_of(app: &App, person: PersonId) -> Result<Vec<ReadLine>, CoachError> {
    let mut lines = Vec::new();
    let mut names: Vec<(PersonId, Option<String>)> = Vec::new();
    for read in app.store.coach_reads_of(person).await? {
        let coach = match names.iter().find(|(id, _)| *id == read.coach) {
            Some((_, name)) => name.clone(),
            None => {
                let name = username(app, read.coach).await?;
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
pub struct IssuedInvite {
    pub token: String,
    pub expires_at: Timestamp,
}

pub async fn issue_invite(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<IssuedInvite, CoachError> {
    load_as_member(app, person, id).await?;
    let now = app.now();
    let expires_at = now.saturating_add(INVITE_LIFETIME);
    let (token, record) = spaces::fresh_invite(id, person, now, expires_at)?;
    app.store.create_coach_invite(&record).await?;
    Ok(IssuedInvite { token, expires_at })
}

/// Withdraws the partner's own coach invite; one already used, withdrawn or expired is left as
/// it is, quietly.
pub async fn revoke_invite(
    app: &App,
    person: PersonId,
    id: SpaceId,
    invite: &str,
) -> Result<(), CoachError> {
    load_as_member(app, person, id).await?;
    let known = app
        .store
        .coach_invites_of_space(id)
        .await?
        .into_iter()
        .any(|record| record.id == invite && record.created_by == person);
    if !known {
        return Err(CoachError::NotFound);
    }
    app.store.revoke_coach_invite(id, invite, app.now()).await?;
    Ok(())
}

/// Grants `coach` access to the partner's own shared data for `days` days.
pub async fn grant(
    app: &App,
    person: PersonId,
    id: SpaceId,
    coach: PersonId,
    days: u32,
) -> Result<Timestamp, CoachError> {
    let (_, members) = load_as_member(app, person, id).await?;
    let since = coach_since(app, id, coach).await?;
    if since.is_none() {
        // Not this space's coach: the same answer as an unknown one.
        return Err(CoachError::NotFound);
    }
    let now = app.now();
    let expires_at =
        coach::decide_grant(&members, person, since, now, days).map_err(CoachError::Grant)?;
    app.store
        .create_coach_grant(&GrantRecord {
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
pub async fn revoke(
    app: &App,
    person: PersonId,
    id: SpaceId,
    coach: PersonId,
) -> Result<(), CoachError> {
    // A partner who has left may still withdraw: only that the space exists for them matters.
    let space = app.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = spaces::members(app, id).await?;
    if space::standing(&members, person) == Standing::Stranger {
        return Err(CoachError::NotFound);
    }
    let now = app.now();
    for record in app.store.coach_grants_by(space.id, person).await? {
        if record.coach != coach {
            continue;
        }
        match coach::decide_revoke_grant(&record.grant(), person, now) {
            Ok(()) => {
                app.store
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

async fn load_invite(app: &App, token: &str) -> Result<(InviteRecord, SpaceRecord), CoachError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CoachError::InviteUnknown);
    }
    let invite = app
        .store
        .coach_invite_by_token_hash(&secrets::hash(token))
        .await?
        .ok_or(CoachError::InviteUnknown)?;
    let space = app
        .store
        .space(invite.space)
        .await?
        .ok_or(CoachError::InviteUnknown)?;
    let members: Vec<Member> = spaces::members(app, invite.space).await?;
    if !invite_state(&invite).is_open(&members, app.now()) {
        return Err(CoachError::InviteInvalid);
    }
    Ok((invite, space))
}

/// The space a coach invite would attach its holder to; checked, not accepted.
pub async fn offer(app: &App, token: &str) -> Result<String, CoachError> {
    Ok(load_invite(app, token).await?.1.name)
}

/// Attaches the signed-in coach to the invite's space. A partner's account is refused.
pub async fn accept(
    app: &App,
    person: PersonId,
    kind: AccountKind,
    token: &str,
) -> Result<SpaceId, CoachError> {
    let (invite, space) = load_invite(app, token).await?;
    if kind != AccountKind::Coach {
        return Err(CoachError::NotACoach);
    }
    if coach_since(app, space.id, person).await?.is_some() {
        return Err(CoachError::AlreadyCoach(space.id));
    }
    match app
        .store
        .accept_coach_invite(&invite.id, person, app.now())
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
pub struct CoachedLine {
    pub id: SpaceId,
    pub name: String,
}

pub async fn coached(app: &App, coach: PersonId) -> Result<Vec<CoachedLine>, CoachError> {
    Ok(app
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
pub struct FeltPoint {
    pub at: Timestamp,
    pub mean: f64,
}

/// A repair plan the coach may see: its phase and status only, never its words.
pub struct RepairLine {
    pub opened_at: Timestamp,
    pub phase: Phase,
    pub status: &'static str,
    /// Whether the granted partner is the hurt one in it.
    pub hurt: bool,
}

/// What a coach sees of one granted partner.
pub struct PartnerProgress {
    /// `None` when the account is gone.
    pub username: Option<String>,
    pub felt: Vec<FeltPoint>,
    /// Check-ins this partner finished (submitted) with their current partner.
    pub checkins_done: usize,
    pub repairs: Vec<RepairLine>,
    /// Whether both partners' data is in the view, which repair plans need.
    pub repairs_shown: bool,
}

/// One direction of the reliability record, shown only when both partners granted.
pub struct RecordLine {
    /// `None` when the account is gone.
    pub promiser: Option<String>,
    pub receiver: Option<String>,
    pub view: RecordView,
}

/// A space as a coach sees it at one request.
pub struct Overview {
    pub id: SpaceId,
    pub name: String,
    pub now: Timestamp,
    /// The space's time zone: a coach reads the couple's times in it when their own browser
    /// has not reported one.
    pub zone: steadfast_core::space::SpaceZone,
    /// The partners whose grants are in force, by name; only they appear.
    pub partners: Vec<PartnerProgress>,
    pub record: Vec<RecordLine>,
}

/// The space's events folded through the coach's view, with the grants in force right now.
async fn fold(
    app: &App,
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
    let since = coach_since(app, id, coach)
        .await?
        .ok_or(CoachError::NotFound)?;
    let space = app.store.space(id).await?.ok_or(CoachError::NotFound)?;
    let members: Vec<Member> = spaces::members(app, id).await?;
    let records = app.store.coach_grants_for(id, coach).await?;
    let now = app.now();
    let granted = coach::granted(&grants(&records), &members, Some(since), now);
    // Folded fresh on each request rather than cached: a coach's reads are few, and the grants
    // (hence what may be seen) can change between any two of them.
    let mut ledger = Ledger::for_coach(coach, granted);
    let events = if granted.is_empty() {
        Vec::new()
    } else {
        app.store.read(StreamId::Space(id), 1).await?
    };
    ledger.advance(&events, &members);
    Ok((space, members, granted, ledger, events))
}

/// The coach's view of the space, logged as one read for each partner whose data is in it.
pub async fn overview(
    app: &App,
    coach: PersonId,
    id: SpaceId,
    kind: ReadKind,
) -> Result<Overview, CoachError> {
    let (space, members, granted, mut ledger, events) = fold(app, coach, id).await?;
    let now = app.now();
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
            username: username(app, progress.person).await?,
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
                    promiser: username(app, promiser).await?,
                    receiver: username(app, receiver).await?,
                    view: book.view(&key, now),
                });
            }
        }
    }
    for owner in granted.people() {
        app.store
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
