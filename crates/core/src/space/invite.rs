//! Invites: how a partner joins. An invite is a single-use link the edge makes from at least 128
//! random bits and stores hashed; here are its rules.

use std::time::Duration;

use thiserror::Error;

use super::membership::{MAX_PARTNERS, Member, current, is_current_member};
use crate::id::PersonId;
use crate::time::Timestamp;

/// How long an invite can be accepted after it is issued.
pub const INVITE_LIFETIME: Duration = Duration::from_secs(72 * 60 * 60);

/// What the decisions need to know about one invite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InviteState {
    /// Who issued it. An invite speaks for its issuer: once they are no longer in the space it
    /// cannot be accepted (a person who leaves must not leave behind a way into the space).
    pub issuer: PersonId,
    /// The first instant at which it can no longer be accepted.
    pub expires: Timestamp,
    pub accepted: Option<Timestamp>,
    pub revoked: Option<Timestamp>,
}

impl InviteState {
    /// Whether the invite could still bring someone in at `now`: not used, not withdrawn, not
    /// expired, and its issuer still in the space. Only open invites are listed for revoking;
    /// whether the space has room is decided when one is accepted.
    pub fn is_open(&self, members: &[Member], now: Timestamp) -> bool {
        self.accepted.is_none()
            && self.revoked.is_none()
            && now < self.expires
            && is_current_member(members, self.issuer)
    }
}

/// Why an invite cannot be accepted.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum InviteRefusal {
    /// The person is already in the space; a repeated click or form submit lands here, so the
    /// edge may simply take them to the space.
    #[error("you are already in this space")]
    AlreadyMember,
    #[error("this invite has already been used")]
    AlreadyUsed,
    /// Withdrawn by a member, or its issuer has left the space. The edge should word this
    /// exactly as [`InviteRefusal::Expired`]: whether the inviter changed their mind is not the
    /// invitee's to know (docs/PRINCIPLES.md, principle 1).
    #[error("this invite was withdrawn")]
    Revoked,
    #[error("this invite has expired")]
    Expired,
    #[error("this space already has two partners")]
    SpaceFull,
}

/// Why a person cannot issue an invite.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum IssueRefusal {
    #[error("you are not in this space")]
    NotAMember,
    #[error("this space already has two partners")]
    SpaceFull,
}

/// Why a person cannot revoke an invite.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum RevokeRefusal {
    #[error("you are not in this space")]
    NotAMember,
    #[error("this invite has already been used")]
    AlreadyUsed,
    #[error("this invite was already withdrawn")]
    AlreadyRevoked,
}

/// Only a current member may invite, and only while the space has room. Being a member is
/// checked first, so an outsider learns nothing about the space. Returns when the invite
/// expires: `now` plus [`INVITE_LIFETIME`].
///
/// Several open invites may exist at once; the limit of partners is enforced when one is
/// accepted.
pub fn decide_issue(
    members: &[Member],
    issuer: PersonId,
    now: Timestamp,
) -> Result<Timestamp, IssueRefusal> {
    if !is_current_member(members, issuer) {
        return Err(IssueRefusal::NotAMember);
    }
    if current(members).count() >= MAX_PARTNERS {
        return Err(IssueRefusal::SpaceFull);
    }
    Ok(now.saturating_add(INVITE_LIFETIME))
}

/// Whether `acceptor` may join the space through this invite at `now`. Checks, in this order:
///
/// 1. the acceptor is already a member → `AlreadyMember` (first, so a double submit, or the
///    issuer opening their own link, gets the one answer that lets the edge carry on);
/// 2. the invite was accepted before → `AlreadyUsed` (single use);
/// 3. it was revoked, or its issuer is no longer a member → `Revoked`;
/// 4. `now >= expires` → `Expired`: at exactly 72 hours the invite is already expired, so its
///    lifetime is the half-open interval `[issued, expires)`;
/// 5. the space has [`MAX_PARTNERS`] members → `SpaceFull` (another invite was accepted first).
///
/// The invite's own state comes before the space's, so an unusable link says so without telling
/// its holder anything about who is in the space. The edge must apply an `Ok` atomically with a
/// guard on the member count, since two invites may be accepted at the same moment.
pub fn decide_accept(
    invite: &InviteState,
    members: &[Member],
    acceptor: PersonId,
    now: Timestamp,
) -> Result<(), InviteRefusal> {
    if is_current_member(members, acceptor) {
        return Err(InviteRefusal::AlreadyMember);
    }
    if invite.accepted.is_some() {
        return Err(InviteRefusal::AlreadyUsed);
    }
    if invite.revoked.is_some() || !is_current_member(members, invite.issuer) {
        return Err(InviteRefusal::Revoked);
    }
    if now >= invite.expires {
        return Err(InviteRefusal::Expired);
    }
    if current(members).count() >= MAX_PARTNERS {
        return Err(InviteRefusal::SpaceFull);
    }
    Ok(())
}

/// Any current member may withdraw an open invite, also after it expired (which changes nothing
/// but the list of open invites). Checks membership first, then that the invite was not used, then
/// that it was not already revoked.
pub fn decide_revoke(
    invite: &InviteState,
    members: &[Member],
    revoker: PersonId,
) -> Result<(), RevokeRefusal> {
    if !is_current_member(members, revoker) {
        return Err(RevokeRefusal::NotAMember);
    }
    if invite.accepted.is_some() {
        return Err(RevokeRefusal::AlreadyUsed);
    }
    if invite.revoked.is_some() {
        return Err(RevokeRefusal::AlreadyRevoked);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    const HOUR: i64 = 60 * 60 * 1000;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn at(millis: i64) -> Timestamp {
        Timestamp::from_millis(millis)
    }

    fn member(n: u128) -> Member {
        Member {
            person: person(n),
            joined: at(0),
            left: None,
        }
    }

    fn former(n: u128) -> Member {
        Member {
            left: Some(at(1)),
            ..member(n)
        }
    }

    /// An open invite issued by person 1 at `issued`.
    fn invite(issued: i64) -> InviteState {
        InviteState {
            issuer: person(1),
            expires: at(issued + 72 * HOUR),
            accepted: None,
            revoked: None,
        }
    }

    #[test]
    fn a_member_alone_may_invite_and_the_invite_lasts_72_hours() {
        assert_eq!(
            decide_issue(&[member(1)], person(1), at(1_000)),
            Ok(at(1_000 + 72 * HOUR))
        );
    }

    #[test]
    fn a_member_whose_partner_left_may_invite_again() {
        assert!(decide_issue(&[member(1), former(2)], person(1), at(5)).is_ok());
    }

    #[test]
    fn only_a_current_member_may_invite() {
        let members = [member(1), former(2)];
        assert_eq!(
            decide_issue(&members, person(2), at(5)),
            Err(IssueRefusal::NotAMember)
        );
        assert_eq!(
            decide_issue(&members, person(3), at(5)),
            Err(IssueRefusal::NotAMember)
        );
    }

    #[test]
    fn a_full_space_issues_no_invites_and_an_outsider_is_not_told_it_is_full() {
        let members = [member(1), member(2)];
        assert_eq!(
            decide_issue(&members, person(1), at(5)),
            Err(IssueRefusal::SpaceFull)
        );
        assert_eq!(
            decide_issue(&members, person(3), at(5)),
            Err(IssueRefusal::NotAMember)
        );
    }

    #[test]
    fn an_open_invite_is_accepted_until_the_last_millisecond() {
        let members = [member(1)];
        assert_eq!(
            decide_accept(&invite(0), &members, person(2), at(0)),
            Ok(())
        );
        assert_eq!(
            decide_accept(&invite(0), &members, person(2), at(72 * HOUR - 1)),
            Ok(())
        );
    }

    #[test]
    fn an_invite_is_expired_at_exactly_72_hours() {
        let members = [member(1)];
        assert_eq!(
            decide_accept(&invite(0), &members, person(2), at(72 * HOUR)),
            Err(InviteRefusal::Expired)
        );
        assert_eq!(
            decide_accept(&invite(0), &members, person(2), at(100 * HOUR)),
            Err(InviteRefusal::Expired)
        );
    }

    #[test]
    fn an_invite_is_single_use() {
        let used = InviteState {
            accepted: Some(at(10)),
            ..invite(0)
        };
        assert_eq!(
            decide_accept(&used, &[member(1), member(2)], person(3), at(20)),
            Err(InviteRefusal::AlreadyUsed)
        );
        // Also after the one who used it left again.
        assert_eq!(
            decide_accept(&used, &[member(1), former(2)], person(3), at(20)),
            Err(InviteRefusal::AlreadyUsed)
        );
    }

    #[test]
    fn a_revoked_invite_cannot_be_accepted() {
        let revoked = InviteState {
            revoked: Some(at(10)),
            ..invite(0)
        };
        assert_eq!(
            decide_accept(&revoked, &[member(1)], person(2), at(20)),
            Err(InviteRefusal::Revoked)
        );
    }

    #[test]
    fn an_invite_lapses_when_its_issuer_leaves() {
        assert_eq!(
            decide_accept(&invite(0), &[former(1)], person(2), at(20)),
            Err(InviteRefusal::Revoked)
        );
        assert_eq!(
            decide_accept(&invite(0), &[], person(2), at(20)),
            Err(InviteRefusal::Revoked)
        );
    }

    #[test]
    fn a_second_invite_finds_the_space_full_once_the_first_was_accepted() {
        assert_eq!(
            decide_accept(&invite(0), &[member(1), member(2)], person(3), at(20)),
            Err(InviteRefusal::SpaceFull)
        );
    }

    #[test]
    fn a_current_member_accepting_again_is_told_they_are_already_in() {
        let used = InviteState {
            accepted: Some(at(10)),
            ..invite(0)
        };
        assert_eq!(
            decide_accept(&used, &[member(1), member(2)], person(2), at(20)),
            Err(InviteRefusal::AlreadyMember)
        );
        assert_eq!(
            decide_accept(&invite(0), &[member(1)], person(1), at(20)),
            Err(InviteRefusal::AlreadyMember)
        );
    }

    #[test]
    fn the_invite_state_is_reported_before_the_space_state() {
        // Used, revoked and expired at once, in a full space: the first check in order wins.
        let dead = InviteState {
            accepted: Some(at(1)),
            revoked: Some(at(2)),
            ..invite(0)
        };
        let full = [member(1), member(2)];
        assert_eq!(
            decide_accept(&dead, &full, person(3), at(100 * HOUR)),
            Err(InviteRefusal::AlreadyUsed)
        );
        let revoked_and_expired = InviteState {
            revoked: Some(at(2)),
            ..invite(0)
        };
        assert_eq!(
            decide_accept(&revoked_and_expired, &full, person(3), at(100 * HOUR)),
            Err(InviteRefusal::Revoked)
        );
        assert_eq!(
            decide_accept(&invite(0), &full, person(3), at(100 * HOUR)),
            Err(InviteRefusal::Expired)
        );
    }

    #[test]
    fn a_former_member_may_come_back_through_a_new_invite() {
        assert_eq!(
            decide_accept(&invite(0), &[member(1), former(2)], person(2), at(20)),
            Ok(())
        );
    }

    #[test]
    fn an_invite_is_open_until_used_withdrawn_expired_or_its_issuer_leaves() {
        let members = [member(1)];
        assert!(invite(0).is_open(&members, at(72 * HOUR - 1)));
        assert!(!invite(0).is_open(&members, at(72 * HOUR)));
        let used = InviteState {
            accepted: Some(at(1)),
            ..invite(0)
        };
        assert!(!used.is_open(&[member(1), member(2)], at(2)));
        let revoked = InviteState {
            revoked: Some(at(1)),
            ..invite(0)
        };
        assert!(!revoked.is_open(&members, at(2)));
        assert!(!invite(0).is_open(&[former(1)], at(2)));
    }

    #[test]
    fn a_member_may_revoke_an_open_or_expired_invite_once() {
        let members = [member(1)];
        assert_eq!(decide_revoke(&invite(0), &members, person(1)), Ok(()));
        let revoked = InviteState {
            revoked: Some(at(5)),
            ..invite(0)
        };
        assert_eq!(
            decide_revoke(&revoked, &members, person(1)),
            Err(RevokeRefusal::AlreadyRevoked)
        );
    }

    #[test]
    fn a_used_invite_cannot_be_revoked() {
        let used = InviteState {
            accepted: Some(at(10)),
            ..invite(0)
        };
        assert_eq!(
            decide_revoke(&used, &[member(1), member(2)], person(1)),
            Err(RevokeRefusal::AlreadyUsed)
        );
    }

    #[test]
    fn only_a_current_member_may_revoke() {
        assert_eq!(
            decide_revoke(&invite(0), &[former(1)], person(1)),
            Err(RevokeRefusal::NotAMember)
        );
        assert_eq!(
            decide_revoke(&invite(0), &[member(1)], person(9)),
            Err(RevokeRefusal::NotAMember)
        );
    }
}
