//! Spaces and pairing, shared by the pages and the JSON API: create a space, look at it, invite a
//! partner, accept, revoke, leave. The rules are in `steadfast_core::space`; this is the order of
//! the steps — load, decide, write — and what each refusal tells the person.
//!
//! Whoever is not in a space, and never was, gets [`SpaceError::NotFound`] for everything about
//! it, whether it exists or not: the same answer as for an id nobody ever used.

use steadfast_app::secrets;
use steadfast_core::space::{
    self, InviteRefusal, InviteState, IssueRefusal, MAX_PARTNERS, Member, RevokeRefusal, Standing,
};
use steadfast_core::space::{ZoneEvent, ZoneName};
use steadfast_core::{PersonId, SpaceId, SpaceName, SpaceNameError, StreamId, Timestamp};
use steadfast_store::{AcceptOutcome, InviteRecord, MemberRecord, NewSpace, SpaceRecord};

use crate::AppState;
use crate::auth::limits::{Door, TooMany};
use crate::auth::session::Caller;
use crate::error::WebError;
use crate::i18n::Lang;

/// Why a space operation did not happen. Each has one status, one stable code and one message.
#[derive(Debug)]
pub(crate) enum SpaceError {
    /// Not a member, or no such space, or no such invite in it: indistinguishable.
    NotFound,
    Name(SpaceNameError),
    /// Not a time zone we know.
    Zone,
    Full,
    /// Used, withdrawn or expired: one answer, so the invitee cannot tell which.
    InviteInvalid,
    /// No invite has this token: the same words as [`SpaceError::InviteInvalid`], status 404.
    InviteUnknown,
    /// An accepted invite cannot be withdrawn.
    InviteUsed,
    AlreadyMember(SpaceId),
    TooMany(TooMany),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for SpaceError {
    fn from(error: E) -> Self {
        SpaceError::Failed(error.into())
    }
}

impl SpaceError {
    /// The stable code the API gives this refusal.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            SpaceError::NotFound => "not_found",
            SpaceError::Name(_) => "name_invalid",
            SpaceError::Zone => "time_zone_invalid",
            SpaceError::Full => "space_full",
            SpaceError::InviteInvalid | SpaceError::InviteUnknown => "invite_invalid",
            SpaceError::InviteUsed => "invite_used",
            SpaceError::AlreadyMember(_) => "already_member",
            SpaceError::TooMany(_) => "too_many_requests",
            SpaceError::Failed(_) => "internal",
        }
    }

    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            SpaceError::NotFound => lang.t("error-not-found-title"),
            SpaceError::Name(error) => name_message(*error, lang),
            SpaceError::Zone => lang.t("time-zone-invalid"),
            SpaceError::Full => lang.t("space-full"),
            SpaceError::InviteInvalid | SpaceError::InviteUnknown => lang.t("invite-invalid"),
            SpaceError::InviteUsed => lang.t("invite-used"),
            SpaceError::AlreadyMember(_) => lang.t("invite-already-member"),
            SpaceError::TooMany(too_many) => {
                lang.t_count("error-too-many-text", too_many.minutes())
            }
            SpaceError::Failed(_) => lang.t("error-internal-title"),
        }
    }
}

pub(crate) fn name_message(error: SpaceNameError, lang: Lang) -> String {
    match error {
        SpaceNameError::Empty => lang.t("space-name-empty"),
        SpaceNameError::TooLong { max } => {
            lang.t_with("space-name-too-long", &[("max", max.to_string())])
        }
        SpaceNameError::BadCharacter => lang.t("space-name-bad-character"),
    }
}

/// A space id from a path. Anything that is not one is an id of no space.
pub(crate) fn parse_id(text: &str) -> Result<SpaceId, SpaceError> {
    text.parse().map_err(|_| SpaceError::NotFound)
}

/// Creates a space with the person as its only member (solo mode), in `zone` (the creator's own,
/// as their browser reports it) when one is given: a couple's days, rituals and reminders then
/// begin where they live, not in UTC. Nothing is created when the name or the zone is refused.
pub(crate) async fn create(
    state: &AppState,
    person: PersonId,
    name: &str,
    zone: Option<&str>,
) -> Result<SpaceId, SpaceError> {
    let name = SpaceName::parse(name).map_err(SpaceError::Name)?;
    let zone = zone
        .map(|zone| ZoneName::parse(zone).map_err(|_| SpaceError::Zone))
        .transpose()?;
    let id = SpaceId::from_uuid(uuid::Uuid::new_v4());
    state
        .store
        .create_space(&NewSpace {
            id,
            name: name.as_str().to_owned(),
            creator: person,
            created_at: state.now(),
        })
        .await?;
    if let Some(zone) = zone {
        let at = state.now();
        let event = ZoneEvent { zone }.into_event(
            steadfast_core::EventId::from_uuid(uuid::Uuid::new_v4()),
            person,
            at,
        );
        // The space's stream is new: its first event expects nothing before it. A failure here
        // leaves a whole space in UTC, which its page offers to change; an error would only
        // invite the person to make a second space.
        if let Err(error) = state
            .store
            .append(StreamId::Space(id), 0, vec![event])
            .await
        {
            tracing::warn!(%error, "a new space kept UTC: its time zone was not recorded");
        }
    }
    Ok(id)
}

/// One of the person's spaces, for their list.
pub(crate) struct SpaceLine {
    pub(crate) id: SpaceId,
    pub(crate) name: String,
    /// Current or former; a list never holds spaces the person was not in.
    pub(crate) standing: Standing,
}

/// Where a signed-in person lands when they come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Landing {
    /// Their one current space.
    Space(SpaceId),
    /// Never had a space: the guided start asks how to begin.
    Start,
    /// Several spaces, only former ones, or a coach's account: their list.
    List,
}

pub(crate) async fn landing(state: &AppState, caller: &Caller) -> Result<Landing, WebError> {
    let lines = list(state, caller.person).await?;
    let mut current = lines
        .iter()
        .filter(|line| line.standing == Standing::Current);
    Ok(match (current.next(), current.next()) {
        (Some(only), None) => Landing::Space(only.id),
        // A coach's account holds no space of its own.
        _ if lines.is_empty() && !caller.kind.is_coach() => Landing::Start,
        _ => Landing::List,
    })
}

/// Every space the person is in or has left, one line each, most recently joined first.
pub(crate) async fn list(state: &AppState, person: PersonId) -> Result<Vec<SpaceLine>, WebError> {
    let stays = state.store.spaces_of(person).await?;
    let mut lines: Vec<SpaceLine> = Vec::new();
    for (space, _) in &stays {
        if lines.iter().any(|line| line.id == space.id) {
            continue;
        }
        // The person's own stays in this space are all the standing rule needs.
        let own: Vec<Member> = stays
            .iter()
            .filter(|(other, _)| other.id == space.id)
            .map(|(_, stay)| member(stay))
            .collect();
        lines.push(SpaceLine {
            id: space.id,
            name: space.name.clone(),
            standing: space::standing(&own, person),
        });
    }
    Ok(lines)
}

/// A current member of the space, as the space's partners see them: by login name only.
pub(crate) struct MemberLine {
    pub(crate) username: String,
    pub(crate) you: bool,
}

/// An open invite the person made, which they may still withdraw.
pub(crate) struct InviteLine {
    pub(crate) id: String,
    pub(crate) created_at: Timestamp,
    pub(crate) expires_at: Timestamp,
}

/// What a current member sees of their space.
pub(crate) struct SpaceView {
    pub(crate) id: SpaceId,
    pub(crate) name: String,
    pub(crate) members: Vec<MemberLine>,
    /// Alone because the partner left: said once, with nothing about who or when.
    pub(crate) pairing_ended: bool,
    pub(crate) can_invite: bool,
    pub(crate) open_invites: Vec<InviteLine>,
}

/// What the person may see of a space.
pub(crate) enum Opened {
    Current(SpaceView),
    /// They left: the space's name, and that the pairing ended. Nothing about anyone else.
    Former {
        name: String,
    },
}

/// The space and everyone who is or was in it; unknown spaces are [`SpaceError::NotFound`].
async fn load(state: &AppState, id: SpaceId) -> Result<(SpaceRecord, Vec<Member>), SpaceError> {
    let space = state.store.space(id).await?.ok_or(SpaceError::NotFound)?;
    let members = state.store.members(id).await?.iter().map(member).collect();
    Ok((space, members))
}

/// The space for one of its current members; anyone else is told it does not exist.
async fn load_as_member(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<(SpaceRecord, Vec<Member>), SpaceError> {
    let (space, members) = load(state, id).await?;
    match space::standing(&members, person) {
        Standing::Current => Ok((space, members)),
        Standing::Former | Standing::Stranger => Err(SpaceError::NotFound),
    }
}

/// The space as `person` may see it.
pub(crate) async fn open(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<Opened, SpaceError> {
    let (space, members) = load(state, id).await?;
    match space::standing(&members, person) {
        Standing::Stranger => Err(SpaceError::NotFound),
        Standing::Former => Ok(Opened::Former { name: space.name }),
        Standing::Current => {
            let now = state.now();
            let mut lines = Vec::new();
            for current in space::current(&members) {
                // A current member always has an account: deleting one ends its stays first.
                if let Some(account) = state.store.account(current.person).await? {
                    lines.push(MemberLine {
                        username: account.username,
                        you: current.person == person,
                    });
                }
            }
            // The person first, then their partner: the same order on every load, however
            // close together the two joined.
            lines.sort_by_key(|line| !line.you);
            let open_invites = state
                .store
                .invites_of_space(id)
                .await?
                .into_iter()
                .filter(|invite| {
                    invite.created_by == person && invite_state(invite).is_open(&members, now)
                })
                .map(|invite| InviteLine {
                    id: invite.id,
                    created_at: invite.created_at,
                    expires_at: invite.expires_at,
                })
                .collect();
            Ok(Opened::Current(SpaceView {
                id: space.id,
                name: space.name,
                members: lines,
                pairing_ended: space::pairing_ended(&members, person),
                can_invite: space::decide_issue(&members, person, now).is_ok(),
                open_invites,
            }))
        }
    }
}

/// The name of a space for one of its current members (for pages about it, such as "leave").
pub(crate) async fn name_for_member(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<String, SpaceError> {
    Ok(load_as_member(state, person, id).await?.0.name)
}

/// A fresh invite: the token goes to the inviter once and is never stored.
pub(crate) struct IssuedInvite {
    pub(crate) id: String,
    pub(crate) token: String,
    pub(crate) expires_at: Timestamp,
}

pub(crate) async fn issue_invite(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<IssuedInvite, SpaceError> {
    let (_, members) = load(state, id).await?;
    let now = state.now();
    let expires_at =
        space::decide_issue(&members, person, now).map_err(|refusal| match refusal {
            IssueRefusal::NotAMember => SpaceError::NotFound,
            IssueRefusal::SpaceFull => SpaceError::Full,
        })?;
    let fresh = secrets::Secret::generate()?;
    let invite_id = uuid::Uuid::new_v4().to_string();
    state
        .store
        .create_invite(&InviteRecord {
            id: invite_id.clone(),
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
        id: invite_id,
        token: fresh.token,
        expires_at,
    })
}

/// An invite's link may be shown again only with its token, which only the device that made it
/// holds (for an hour, in a cookie): the server keeps the token's hash alone. Answers the token
/// when it belongs to an open invite of the space the person is in.
pub(crate) async fn shown_invite(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    invite_id: &str,
    token: Option<&str>,
) -> Result<Option<String>, SpaceError> {
    let (_, members) = load(state, id).await?;
    if space::standing(&members, person) != Standing::Current {
        return Err(SpaceError::NotFound);
    }
    let Some(token) = token else {
        return Ok(None);
    };
    let now = state.now();
    let open = state
        .store
        .invites_of_space(id)
        .await?
        .into_iter()
        .find(|invite| invite.id == invite_id)
        .filter(|invite| {
            invite.accepted_at.is_none() && invite.revoked_at.is_none() && invite.expires_at > now
        })
        .filter(|invite| invite.token_hash == secrets::hash(token));
    Ok(open.map(|_| token.to_owned()))
}

/// Withdraws an invite of the space. Withdrawing one that is already withdrawn or expired
/// succeeds quietly: either way nobody can use it any more.
pub(crate) async fn revoke_invite(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
    invite_id: &str,
) -> Result<(), SpaceError> {
    let (_, members) = load(state, id).await?;
    let find = |invites: Vec<InviteRecord>| invites.into_iter().find(|i| i.id == invite_id);
    let Some(invite) = find(state.store.invites_of_space(id).await?) else {
        // Membership first: an outsider learns nothing, also not whether the invite exists.
        return Err(SpaceError::NotFound);
    };
    match space::decide_revoke(&invite_state(&invite), &members, person) {
        Ok(()) => {}
        Err(RevokeRefusal::NotAMember) => return Err(SpaceError::NotFound),
        Err(RevokeRefusal::AlreadyUsed) => return Err(SpaceError::InviteUsed),
        Err(RevokeRefusal::AlreadyRevoked) => return Ok(()),
    }
    if state
        .store
        .revoke_invite(id, invite_id, state.now())
        .await?
    {
        return Ok(());
    }
    // Expired, or taken in the meantime: only the second is worth telling.
    match find(state.store.invites_of_space(id).await?) {
        Some(fresh) if fresh.accepted_at.is_some() => Err(SpaceError::InviteUsed),
        _ => Ok(()),
    }
}

/// What an invite link offers a signed-in person, before they accept.
pub(crate) struct Offer {
    pub(crate) space_name: String,
}

/// Checks the invite as accepting it now would, without accepting it.
pub(crate) async fn offer(
    state: &AppState,
    person: PersonId,
    token: &str,
) -> Result<Offer, SpaceError> {
    let (invite, space, members) = load_invite(state, token).await?;
    decide_accept(&invite, &members, person, state.now())?;
    Ok(Offer {
        space_name: space.name,
    })
}

/// Accepts the invite for `person`; answers the space they are now in. Counted against the
/// client's address, since a flood of guesses would come from there.
pub(crate) async fn accept(
    state: &AppState,
    person: PersonId,
    token: &str,
    address: &str,
) -> Result<SpaceId, SpaceError> {
    state
        .limits
        .check(Door::InviteAcceptance, address, None)
        .map_err(SpaceError::TooMany)?;
    let (invite, space, members) = load_invite(state, token).await?;
    let now = state.now();
    decide_accept(&invite, &members, person, now)?;
    let max = i64::try_from(MAX_PARTNERS).unwrap_or(i64::MAX);
    // The store re-checks with conditional writes: of two accepting at once, one gets in.
    match state
        .store
        .accept_invite(&invite.id, person, now, max)
        .await?
    {
        AcceptOutcome::Accepted => Ok(space.id),
        AcceptOutcome::NoLongerPending => Err(SpaceError::InviteInvalid),
        AcceptOutcome::AlreadyMember => Err(SpaceError::AlreadyMember(space.id)),
        AcceptOutcome::SpaceFull => Err(SpaceError::Full),
    }
}

fn decide_accept(
    invite: &InviteRecord,
    members: &[Member],
    person: PersonId,
    now: Timestamp,
) -> Result<(), SpaceError> {
    space::decide_accept(&invite_state(invite), members, person, now).map_err(|refusal| {
        match refusal {
            InviteRefusal::AlreadyMember => SpaceError::AlreadyMember(invite.space),
            InviteRefusal::AlreadyUsed | InviteRefusal::Revoked | InviteRefusal::Expired => {
                SpaceError::InviteInvalid
            }
            InviteRefusal::SpaceFull => SpaceError::Full,
        }
    })
}

async fn load_invite(
    state: &AppState,
    token: &str,
) -> Result<(InviteRecord, SpaceRecord, Vec<Member>), SpaceError> {
    // Our tokens are 64 hex digits; anything else is no token of ours, and needs no lookup.
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SpaceError::InviteUnknown);
    }
    let invite = state
        .store
        .invite_by_token_hash(&secrets::hash(token))
        .await?
        .ok_or(SpaceError::InviteUnknown)?;
    let (space, members) = match load(state, invite.space).await {
        Ok(found) => found,
        Err(SpaceError::NotFound) => return Err(SpaceError::InviteUnknown),
        Err(other) => return Err(other),
    };
    Ok((invite, space, members))
}

/// Leaves the space at once. The person's open invites to it go with them.
pub(crate) async fn leave(
    state: &AppState,
    person: PersonId,
    id: SpaceId,
) -> Result<(), SpaceError> {
    let (_, members) = load(state, id).await?;
    space::decide_leave(&members, person).map_err(|_| SpaceError::NotFound)?;
    let now = state.now();
    // False only if a request of theirs left a moment ago: they are out either way.
    state.store.leave_space(id, person, now).await?;
    for invite in state.store.invites_of_space(id).await? {
        if invite.created_by == person && invite.accepted_at.is_none() {
            state.store.revoke_invite(id, &invite.id, now).await?;
        }
    }
    Ok(())
}

/// A stay as the domain's rules read it.
pub(crate) fn member(record: &MemberRecord) -> Member {
    Member {
        person: record.person,
        joined: record.joined_at,
        left: record.left_at,
    }
}

fn invite_state(record: &InviteRecord) -> InviteState {
    InviteState {
        issuer: record.created_by,
        expires: record.expires_at,
        accepted: record.accepted_at,
        revoked: record.revoked_at,
    }
}
