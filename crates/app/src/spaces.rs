//! Spaces and pairing: create a space, look at it, invite a partner, accept, revoke, leave, and
//! where a person lands when they come in. The rules are in `steadfast_core::space`; this is the order of
//! the steps — load, decide, write — and what each refusal tells the person.
//!
//! Whoever is not in a space, and never was, gets [`SpaceError::NotFound`] for everything about
//! it, whether it exists or not: the same answer as for an id nobody ever used.

use steadfast_core::space::{
    self, InviteRefusal, InviteState, IssueRefusal, MAX_PARTNERS, Member, RevokeRefusal, Standing,
};
use steadfast_core::space::{ZoneEvent, ZoneName};
use steadfast_core::{PersonId, SpaceId, SpaceName, SpaceNameError, StreamId, Timestamp};
use steadfast_store::{AcceptOutcome, InviteRecord, MemberRecord, NewSpace, SpaceRecord};

use crate::App;
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets;
use crate::sessions::Caller;

/// Why a space operation did not happen.
#[derive(Debug)]
pub enum SpaceError {
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
    Failed(Failure),
}

crate::failed_underneath!(SpaceError);

impl Explain for SpaceError {
    fn explain(&self) -> Explained<'_> {
        let invite_invalid = || Words::key("invite-invalid");
        Explained::Refused(match self {
            SpaceError::NotFound => Refused::not_found(),
            SpaceError::Name(error) => {
                Refused::new("name_invalid", Kind::Invalid, name_words(*error))
            }
            SpaceError::Zone => Refused::new(
                "time_zone_invalid",
                Kind::Invalid,
                Words::key("time-zone-invalid"),
            ),
            SpaceError::Full => Refused::new("space_full", Kind::NotNow, Words::key("space-full")),
            SpaceError::InviteInvalid => {
                Refused::new("invite_invalid", Kind::Gone, invite_invalid())
            }
            SpaceError::InviteUnknown => {
                Refused::new("invite_invalid", Kind::NotFound, invite_invalid())
            }
            SpaceError::InviteUsed => {
                Refused::new("invite_used", Kind::NotNow, Words::key("invite-used"))
            }
            SpaceError::AlreadyMember(_) => Refused::new(
                "already_member",
                Kind::NotNow,
                Words::key("invite-already-member"),
            ),
            SpaceError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

fn name_words(error: SpaceNameError) -> Words {
    match error {
        SpaceNameError::Empty => Words::key("space-name-empty"),
        SpaceNameError::TooLong { max } => Words::key("space-name-too-long").with("max", max),
        SpaceNameError::BadCharacter => Words::key("space-name-bad-character"),
    }
}

/// A space id from a path. Anything that is not one is an id of no space.
pub fn parse_id(text: &str) -> Result<SpaceId, SpaceError> {
    text.parse().map_err(|_| SpaceError::NotFound)
}

/// A space's name as typed.
pub fn parse_name(name: &str) -> Result<SpaceName, SpaceError> {
    SpaceName::parse(name).map_err(SpaceError::Name)
}

/// A time zone by its name, as a browser or a client reports it.
pub fn parse_zone(name: &str) -> Result<ZoneName, SpaceError> {
    ZoneName::parse(name).map_err(|_| SpaceError::Zone)
}

/// Creates a space with the person as its only member (solo mode), in `zone` (the creator's own,
/// as their browser reports it) when one is given: a couple's days, rituals and reminders then
/// begin where they live, not in UTC. Nothing is created when the name or the zone is refused.
pub async fn create(
    app: &App,
    person: PersonId,
    name: SpaceName,
    zone: Option<ZoneName>,
) -> Result<SpaceId, SpaceError> {
    let id = SpaceId::from_uuid(uuid::Uuid::new_v4());
    app.store
        .create_space(&NewSpace {
            id,
            name: name.as_str().to_owned(),
            creator: person,
            created_at: app.now(),
        })
        .await?;
    if let Some(zone) = zone {
        let at = app.now();
        let event = ZoneEvent { zone }.into_event(
            steadfast_core::EventId::from_uuid(uuid::Uuid::new_v4()),
            person,
            at,
        );
        // The space's stream is new: its first event expects nothing before it. A failure here
        // leaves a whole space in UTC, which its page offers to change; an error would only
        // invite the person to make a second space.
        if let Err(error) = app.store.append(StreamId::Space(id), 0, vec![event]).await {
            tracing::warn!(%error, "a new space kept UTC: its time zone was not recorded");
        }
    }
    Ok(id)
}

/// One of the person's spaces, for their list.
pub struct SpaceLine {
    pub id: SpaceId,
    pub name: String,
    /// Current or former; a list never holds spaces the person was not in.
    pub standing: Standing,
}

/// Where a signed-in person lands when they come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// Their one current space.
    Space(SpaceId),
    /// Never had a space: the guided start asks how to begin.
    Start,
    /// Several spaces, only former ones, or a coach's account: their list.
    List,
}

/// Where the caller lands: their one current space, the guided start, or their list.
pub async fn landing(app: &App, caller: &Caller) -> Result<Landing, Failure> {
    let lines = list(app, caller.person).await?;
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
pub async fn list(app: &App, person: PersonId) -> Result<Vec<SpaceLine>, Failure> {
    let stays = app.store.spaces_of(person).await?;
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
pub struct MemberLine {
    pub username: String,
    pub you: bool,
}

/// An open invite the person made, which they may still withdraw.
pub struct InviteLine {
    pub id: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

/// What a current member sees of their space.
pub struct SpaceView {
    pub id: SpaceId,
    pub name: String,
    pub members: Vec<MemberLine>,
    /// Alone because the partner left: said once, with nothing about who or when.
    pub pairing_ended: bool,
    pub can_invite: bool,
    pub open_invites: Vec<InviteLine>,
}

/// What the person may see of a space.
pub enum Opened {
    Current(SpaceView),
    /// They left: the space's name, and that the pairing ended. Nothing about anyone else.
    Former {
        name: String,
    },
}

/// The space and everyone who is or was in it; unknown spaces are [`SpaceError::NotFound`].
async fn load(app: &App, id: SpaceId) -> Result<(SpaceRecord, Vec<Member>), SpaceError> {
    let space = app.store.space(id).await?.ok_or(SpaceError::NotFound)?;
    let members = app.store.members(id).await?.iter().map(member).collect();
    Ok((space, members))
}

/// The space for one of its current members; anyone else is told it does not exist.
async fn load_as_member(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<(SpaceRecord, Vec<Member>), SpaceError> {
    let (space, members) = load(app, id).await?;
    match space::standing(&members, person) {
        Standing::Current => Ok((space, members)),
        Standing::Former | Standing::Stranger => Err(SpaceError::NotFound),
    }
}

/// The space as `person` may see it.
pub async fn open(app: &App, person: PersonId, id: SpaceId) -> Result<Opened, SpaceError> {
    let (space, members) = load(app, id).await?;
    match space::standing(&members, person) {
        Standing::Stranger => Err(SpaceError::NotFound),
        Standing::Former => Ok(Opened::Former { name: space.name }),
        Standing::Current => {
            let now = app.now();
            let mut lines = Vec::new();
            for current in space::current(&members) {
                // A current member always has an account: deleting one ends its stays first.
                if let Some(account) = app.store.account(current.person).await? {
                    lines.push(MemberLine {
                        username: account.username,
                        you: current.person == person,
                    });
                }
            }
            // The person first, then their partner: the same order on every load, however
            // close together the two joined.
            lines.sort_by_key(|line| !line.you);
            let open_invites = app
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
pub async fn name_for_member(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<String, SpaceError> {
    Ok(load_as_member(app, person, id).await?.0.name)
}

/// A fresh invite: the token goes to the inviter once and is never stored.
pub struct IssuedInvite {
    pub id: String,
    pub token: String,
    pub expires_at: Timestamp,
}

pub async fn issue_invite(
    app: &App,
    person: PersonId,
    id: SpaceId,
) -> Result<IssuedInvite, SpaceError> {
    let (_, members) = load(app, id).await?;
    let now = app.now();
    let expires_at =
        space::decide_issue(&members, person, now).map_err(|refusal| match refusal {
            IssueRefusal::NotAMember => SpaceError::NotFound,
            IssueRefusal::SpaceFull => SpaceError::Full,
        })?;
    let (token, record) = fresh_invite(id, person, now, expires_at)?;
    app.store.create_invite(&record).await?;
    Ok(IssuedInvite {
        id: record.id,
        token,
        expires_at,
    })
}

/// A new, open invite to `space` by `person` (a partner's or a coach's), and the token for its
/// link: the token goes to the person once, the store keeps its hash alone.
pub fn fresh_invite(
    space: SpaceId,
    person: PersonId,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<(String, InviteRecord), Failure> {
    let fresh = secrets::Secret::generate()?;
    let record = InviteRecord {
        id: uuid::Uuid::new_v4().to_string(),
        space,
        token_hash: fresh.hash,
        created_by: person,
        created_at: now,
        expires_at,
        accepted_by: None,
        accepted_at: None,
        revoked_at: None,
    };
    Ok((fresh.token, record))
}

/// An invite's link may be shown again only with its token, which only the device that made it
/// holds (for an hour, in a cookie): the server keeps the token's hash alone. Answers the token
/// when it belongs to an open invite of the space the person is in.
pub async fn shown_invite(
    app: &App,
    person: PersonId,
    id: SpaceId,
    invite_id: &str,
    token: Option<&str>,
) -> Result<Option<String>, SpaceError> {
    let (_, members) = load(app, id).await?;
    if space::standing(&members, person) != Standing::Current {
        return Err(SpaceError::NotFound);
    }
    let Some(token) = token else {
        return Ok(None);
    };
    let now = app.now();
    let open = app
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
pub async fn revoke_invite(
    app: &App,
    person: PersonId,
    id: SpaceId,
    invite_id: &str,
) -> Result<(), SpaceError> {
    let (_, members) = load(app, id).await?;
    let find = |invites: Vec<InviteRecord>| invites.into_iter().find(|i| i.id == invite_id);
    let Some(invite) = find(app.store.invites_of_space(id).await?) else {
        // Membership first: an outsider learns nothing, also not whether the invite exists.
        return Err(SpaceError::NotFound);
    };
    match space::decide_revoke(&invite_state(&invite), &members, person) {
        Ok(()) => {}
        Err(RevokeRefusal::NotAMember) => return Err(SpaceError::NotFound),
        Err(RevokeRefusal::AlreadyUsed) => return Err(SpaceError::InviteUsed),
        Err(RevokeRefusal::AlreadyRevoked) => return Ok(()),
    }
    if app.store.revoke_invite(id, invite_id, app.now()).await? {
        return Ok(());
    }
    // Expired, or taken in the meantime: only the second is worth telling.
    match find(app.store.invites_of_space(id).await?) {
        Some(fresh) if fresh.accepted_at.is_some() => Err(SpaceError::InviteUsed),
        _ => Ok(()),
    }
}

/// What an invite link offers a signed-in person, before they accept.
pub struct Offer {
    pub space_name: String,
}

/// Checks the invite as accepting it now would, without accepting it.
pub async fn offer(app: &App, person: PersonId, token: &str) -> Result<Offer, SpaceError> {
    let (invite, space, members) = load_invite(app, token).await?;
    decide_accept(&invite, &members, person, app.now())?;
    Ok(Offer {
        space_name: space.name,
    })
}

/// Accepts the invite for `person`; answers the space they are now in. How often anyone may try
/// is counted by whoever calls (a flood of guesses comes from one client address).
pub async fn accept(app: &App, person: PersonId, token: &str) -> Result<SpaceId, SpaceError> {
    let (invite, space, members) = load_invite(app, token).await?;
    let now = app.now();
    decide_accept(&invite, &members, person, now)?;
    let max = i64::try_from(MAX_PARTNERS).unwrap_or(i64::MAX);
    // The store re-checks with conditional writes: of two accepting at once, one gets in.
    match app
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
    app: &App,
    token: &str,
) -> Result<(InviteRecord, SpaceRecord, Vec<Member>), SpaceError> {
    // Our tokens are 64 hex digits; anything else is no token of ours, and needs no lookup.
    if !secrets::looks_like_token(token) {
        return Err(SpaceError::InviteUnknown);
    }
    let invite = app
        .store
        .invite_by_token_hash(&secrets::hash(token))
        .await?
        .ok_or(SpaceError::InviteUnknown)?;
    let (space, members) = match load(app, invite.space).await {
        Ok(found) => found,
        Err(SpaceError::NotFound) => return Err(SpaceError::InviteUnknown),
        Err(other) => return Err(other),
    };
    Ok((invite, space, members))
}

/// Leaves the space at once. The person's open invites to it go with them.
pub async fn leave(app: &App, person: PersonId, id: SpaceId) -> Result<(), SpaceError> {
    let (_, members) = load(app, id).await?;
    space::decide_leave(&members, person).map_err(|_| SpaceError::NotFound)?;
    let now = app.now();
    // False only if a request of theirs left a moment ago: they are out either way.
    app.store.leave_space(id, person, now).await?;
    for invite in app.store.invites_of_space(id).await? {
        if invite.created_by == person && invite.accepted_at.is_none() {
            app.store.revoke_invite(id, &invite.id, now).await?;
        }
    }
    Ok(())
}

/// A stored stay as the domain's rules read it.
/// Every stay in the space, as core's rules read them.
pub async fn members(app: &App, space: SpaceId) -> Result<Vec<Member>, Failure> {
    Ok(app.store.members(space).await?.iter().map(member).collect())
}

pub fn member(record: &MemberRecord) -> Member {
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
