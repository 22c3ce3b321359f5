//! A partner's consent to their space's coach: given by the partner alone, for a limited time,
//! withdrawn by the partner alone, and in force only while the partner and the coach are both
//! still with the space.

use std::time::Duration;

use thiserror::Error;

use crate::id::PersonId;
use crate::space::{MAX_PARTNERS, Member, is_current_member};
use crate::time::Timestamp;

/// How long a grant lasts unless the partner picks another length.
pub const GRANT_LIFETIME: Duration = Duration::from_secs(90 * 24 * 60 * 60);

/// The longest a partner may grant at once, in days: consent is renewed, not given forever.
pub const MAX_GRANT_DAYS: u32 = 365;

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// One partner's grant to the space's coach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grant {
    /// The partner whose shared data it opens, and who alone may revoke it.
    pub person: PersonId,
    pub granted_at: Timestamp,
    /// The first instant at which it no longer counts.
    pub expires_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
}

impl Grant {
    /// Whether the grant itself is in force at `now`: given, not yet expired, not revoked.
    /// Revoking at `t` ends it for every read at `t` or later.
    pub fn is_active(&self, now: Timestamp) -> bool {
        self.granted_at <= now && now < self.expires_at && self.revoked_at.is_none_or(|r| now < r)
    }
}

/// The partners whose shared items a coach may see at one instant: at most one per partner seat,
/// so it is small and `Copy` and can travel inside a [`crate::visibility::Viewer`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Granted {
    people: [Option<PersonId>; MAX_PARTNERS],
}

impl Granted {
    pub fn contains(&self, person: PersonId) -> bool {
        self.people.contains(&Some(person))
    }

    pub fn is_empty(&self) -> bool {
        self.people.iter().all(Option::is_none)
    }

    pub fn people(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.people.iter().flatten().copied()
    }

    fn insert(&mut self, person: PersonId) {
        if self.contains(person) {
            return;
        }
        if let Some(seat) = self.people.iter_mut().find(|seat| seat.is_none()) {
            *seat = Some(person);
        }
    }
}

/// Whose grants count for a coach at `now`. A grant counts when it is active, its partner is a
/// current member and gave it during their current stay (a grant does not outlive unpairing, even
/// if the partner comes back), and the coach is with the space (`coach_since` is the start of the
/// coach's current stay, `None` if they are not with it) and was so when it was given.
pub fn granted(
    grants: &[Grant],
    members: &[Member],
    coach_since: Option<Timestamp>,
    now: Timestamp,
) -> Granted {
    let mut out = Granted::default();
    let Some(coach_since) = coach_since else {
        return out;
    };
    for grant in grants {
        let stay = members
            .iter()
            .find(|m| m.person == grant.person && m.is_current());
        let Some(stay) = stay else { continue };
        if grant.is_active(now)
            && grant.granted_at >= stay.joined
            && grant.granted_at >= coach_since
        {
            out.insert(grant.person);
        }
    }
    out
}

/// Why a partner cannot grant.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum GrantRefusal {
    #[error("you are not in this space")]
    NotAMember,
    #[error("this space has no coach")]
    NoCoach,
    #[error("a grant lasts from 1 to {MAX_GRANT_DAYS} days")]
    InvalidLength,
}

/// Why a grant cannot be revoked.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum RevokeGrantRefusal {
    /// Someone else's grant: only its partner may withdraw it. The edge words this as "not
    /// found", so nobody learns of another's grant by trying.
    #[error("this grant is not yours")]
    NotYours,
    #[error("this grant has already ended")]
    AlreadyEnded,
}

/// A current member may grant the coach with the space for `days` days from `now`; returns when
/// the grant expires. A new grant while one is active is allowed: it simply lasts longer.
pub fn decide_grant(
    members: &[Member],
    person: PersonId,
    coach_since: Option<Timestamp>,
    now: Timestamp,
    days: u32,
) -> Result<Timestamp, GrantRefusal> {
    if !is_current_member(members, person) {
        return Err(GrantRefusal::NotAMember);
    }
    if coach_since.is_none() {
        return Err(GrantRefusal::NoCoach);
    }
    if days == 0 || days > MAX_GRANT_DAYS {
        return Err(GrantRefusal::InvalidLength);
    }
    Ok(now.saturating_add(DAY * days))
}

/// Only the grant's own partner revokes it, and only while it is in force. Needs nobody else's
/// agreement and no membership: a partner who has left may still tidy up their grant.
pub fn decide_revoke_grant(
    grant: &Grant,
    person: PersonId,
    now: Timestamp,
) -> Result<(), RevokeGrantRefusal> {
    if grant.person != person {
        return Err(RevokeGrantRefusal::NotYours);
    }
    if !grant.is_active(now) {
        return Err(RevokeGrantRefusal::AlreadyEnded);
    }
    Ok(())
}

/// The default length of a grant in days, for forms.
pub const DEFAULT_GRANT_DAYS: u32 = 90;

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn t(ms: i64) -> Timestamp {
        Timestamp::from_millis(ms)
    }

    fn member(n: u128, joined: i64, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: t(joined),
            left: left.map(t),
        }
    }

    fn grant(n: u128, from: i64, to: i64, revoked: Option<i64>) -> Grant {
        Grant {
            person: person(n),
            granted_at: t(from),
            expires_at: t(to),
            revoked_at: revoked.map(t),
        }
    }

    #[test]
    fn a_grant_is_active_from_its_start_until_expiry_or_revocation() {
        let g = grant(1, 10, 100, Some(50));
        assert!(!g.is_active(t(9)));
        assert!(g.is_active(t(10)));
        assert!(g.is_active(t(49)));
        assert!(!g.is_active(t(50)));
        assert!(!grant(1, 10, 100, None).is_active(t(100)));
    }

    #[test]
    fn only_active_grants_of_current_members_made_in_their_current_stay_count() {
        let members = [
            member(1, 0, None),
            member(2, 0, Some(20)),
            member(2, 30, None),
        ];
        let grants = [grant(1, 5, 100, None), grant(2, 10, 100, None)];
        let seen = granted(&grants, &members, Some(t(0)), t(40));
        assert!(seen.contains(person(1)));
        // Person 2's grant was given in an earlier stay.
        assert!(!seen.contains(person(2)));
        // No coach with the space: nothing.
        assert!(granted(&grants, &members, None, t(40)).is_empty());
        // A grant given before the coach's current stay does not count.
        assert!(granted(&grants, &members, Some(t(6)), t(40)).is_empty());
    }

    #[test]
    fn granting_needs_membership_a_coach_and_a_sensible_length() {
        let members = [member(1, 0, None)];
        assert_eq!(
            decide_grant(&members, person(1), Some(t(0)), t(0), 90),
            Ok(t(0).saturating_add(GRANT_LIFETIME))
        );
        assert_eq!(
            decide_grant(&members, person(2), Some(t(0)), t(0), 90),
            Err(GrantRefusal::NotAMember)
        );
        assert_eq!(
            decide_grant(&members, person(1), None, t(0), 90),
            Err(GrantRefusal::NoCoach)
        );
        assert_eq!(
            decide_grant(&members, person(1), Some(t(0)), t(0), 0),
            Err(GrantRefusal::InvalidLength)
        );
        assert_eq!(
            decide_grant(&members, person(1), Some(t(0)), t(0), MAX_GRANT_DAYS + 1),
            Err(GrantRefusal::InvalidLength)
        );
    }

    #[test]
    fn only_the_owner_revokes_and_only_while_in_force() {
        let g = grant(1, 0, 100, None);
        assert_eq!(decide_revoke_grant(&g, person(1), t(5)), Ok(()));
        assert_eq!(
            decide_revoke_grant(&g, person(2), t(5)),
            Err(RevokeGrantRefusal::NotYours)
        );
        assert_eq!(
            decide_revoke_grant(&g, person(1), t(100)),
            Err(RevokeGrantRefusal::AlreadyEnded)
        );
    }
}
