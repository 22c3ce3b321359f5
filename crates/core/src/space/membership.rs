//! Who is, and who was, in a space.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::id::PersonId;
use crate::time::Timestamp;

/// A space holds one couple.
pub const MAX_PARTNERS: usize = 2;

/// One stay of one person in a space. A person who leaves and is later invited back has two
/// records; the history outlives the stay, so `left` is set rather than the record removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub person: PersonId,
    pub joined: Timestamp,
    pub left: Option<Timestamp>,
}

impl Member {
    pub fn is_current(&self) -> bool {
        self.left.is_none()
    }
}

/// Why a person cannot leave a space.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum LeaveRefusal {
    #[error("you are not in this space")]
    NotAMember,
}

/// The members in the space now.
pub fn current(members: &[Member]) -> impl Iterator<Item = &Member> {
    members.iter().filter(|m| m.is_current())
}

pub fn is_current_member(members: &[Member], person: PersonId) -> bool {
    current(members).any(|m| m.person == person)
}

/// The other current partner of `person`, if `person` is in the space and is not alone in it.
pub fn partner_of(members: &[Member], person: PersonId) -> Option<PersonId> {
    if !is_current_member(members, person) {
        return None;
    }
    current(members)
        .map(|m| m.person)
        .find(|&other| other != person)
}

/// Whom a member's pages about the two of them are about: the partner in the space now, or —
/// alone since a partner left while they stayed — that former partner, whose shared history
/// they keep to read (`crate::visibility`). Nothing can be done with a former partner's items
/// that needs them: a step on them is for a current partner only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counterpart {
    Current(PersonId),
    Former(PersonId),
}

impl Counterpart {
    pub fn person(self) -> PersonId {
        match self {
            Counterpart::Current(person) | Counterpart::Former(person) => person,
        }
    }

    /// Whether the two may still act together: only with a current partner.
    pub fn may_act(self) -> bool {
        matches!(self, Counterpart::Current(_))
    }
}

/// The partner `person` shares the space with now, or else the one who left last while
/// `person` stayed (see [`pairing_ended`]); `None` for someone alone from the start, or not in
/// the space.
pub fn counterpart(members: &[Member], person: PersonId) -> Option<Counterpart> {
    if let Some(partner) = partner_of(members, person) {
        return Some(Counterpart::Current(partner));
    }
    let mine = current(members).find(|m| m.person == person)?;
    members
        .iter()
        .filter(|m| m.person != person)
        .filter_map(|m| m.left.map(|left| (left, m.person)))
        .filter(|&(left, _)| left >= mine.joined)
        .max_by_key(|&(left, _)| left)
        .map(|(_, former)| Counterpart::Former(former))
}

/// Where a person stands with a space, which decides what of it they may see: a current member
/// sees the space and its current members; a former member sees only that the pairing ended;
/// anyone else sees nothing, not even that the space exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Current,
    Former,
    Stranger,
}

/// A person who left and was invited back is current again.
pub fn standing(members: &[Member], person: PersonId) -> Standing {
    if is_current_member(members, person) {
        Standing::Current
    } else if members.iter().any(|m| m.person == person) {
        Standing::Former
    } else {
        Standing::Stranger
    }
}

/// Whether `person` is alone in the space now because a partner they shared it with left: then
/// they are told that the pairing ended, and nothing else about it (no name, no time). A partner
/// who left before `person` joined was never theirs, and once someone new joins the person is no
/// longer alone.
pub fn pairing_ended(members: &[Member], person: PersonId) -> bool {
    let Some(mine) = current(members).find(|m| m.person == person) else {
        return false;
    };
    if current(members).count() > 1 {
        return false;
    }
    members
        .iter()
        .any(|m| m.person != person && m.left.is_some_and(|left| left >= mine.joined))
}

/// Leaving is unilateral and immediate: nobody's consent is asked and nothing is delayed (docs/PRINCIPLES.md,
/// Safety), so the only refusal is that the person is not in the space. The edge records the
/// time it was called as `left`; from that request on, visibility (`crate::visibility`) hides
/// each partner's items from the other.
pub fn decide_leave(members: &[Member], person: PersonId) -> Result<(), LeaveRefusal> {
    if is_current_member(members, person) {
        Ok(())
    } else {
        Err(LeaveRefusal::NotAMember)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn member(n: u128, joined: i64, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: Timestamp::from_millis(joined),
            left: left.map(Timestamp::from_millis),
        }
    }

    #[test]
    fn the_counterpart_is_the_partner_now_or_the_one_who_left_while_the_person_stayed() {
        let paired = [member(1, 0, None), member(2, 5, None)];
        assert_eq!(
            counterpart(&paired, person(1)),
            Some(Counterpart::Current(person(2)))
        );
        let left = [member(1, 0, None), member(2, 5, Some(9))];
        assert_eq!(
            counterpart(&left, person(1)),
            Some(Counterpart::Former(person(2)))
        );
        assert!(!Counterpart::Former(person(2)).may_act());
        // The leaver has no counterpart; nor has someone who joined after the other left.
        assert_eq!(counterpart(&left, person(2)), None);
        let later = [member(1, 0, Some(3)), member(2, 5, None)];
        assert_eq!(counterpart(&later, person(2)), None);
        assert_eq!(counterpart(&[member(1, 0, None)], person(1)), None);
    }

    #[test]
    fn a_current_member_may_leave_alone_at_once() {
        let members = [member(1, 0, None), member(2, 5, None)];
        assert_eq!(decide_leave(&members, person(2)), Ok(()));
        assert_eq!(decide_leave(&members[..1], person(1)), Ok(()));
    }

    #[test]
    fn someone_who_already_left_or_never_joined_cannot_leave() {
        let members = [member(1, 0, None), member(2, 5, Some(9))];
        assert_eq!(
            decide_leave(&members, person(2)),
            Err(LeaveRefusal::NotAMember)
        );
        assert_eq!(
            decide_leave(&members, person(3)),
            Err(LeaveRefusal::NotAMember)
        );
        assert_eq!(decide_leave(&[], person(1)), Err(LeaveRefusal::NotAMember));
    }

    #[test]
    fn a_person_who_returned_is_current_despite_an_old_stay() {
        let members = [
            member(1, 0, None),
            member(2, 5, Some(9)),
            member(2, 20, None),
        ];
        assert!(is_current_member(&members, person(2)));
        assert_eq!(current(&members).count(), 2);
        assert_eq!(partner_of(&members, person(1)), Some(person(2)));
    }

    #[test]
    fn standing_tells_current_former_and_stranger_apart() {
        let members = [
            member(1, 0, None),
            member(2, 5, Some(9)),
            member(3, 10, Some(12)),
            member(3, 20, None),
        ];
        assert_eq!(standing(&members, person(1)), Standing::Current);
        assert_eq!(standing(&members, person(2)), Standing::Former);
        assert_eq!(standing(&members, person(3)), Standing::Current);
        assert_eq!(standing(&members, person(4)), Standing::Stranger);
        assert_eq!(standing(&[], person(1)), Standing::Stranger);
    }

    #[test]
    fn the_one_left_behind_learns_that_the_pairing_ended() {
        let members = [member(1, 0, None), member(2, 5, Some(9))];
        assert!(pairing_ended(&members, person(1)));
        // Not the leaver, not an outsider: they are not in the space.
        assert!(!pairing_ended(&members, person(2)));
        assert!(!pairing_ended(&members, person(3)));
        // All within one millisecond still counts: the partner left during this stay.
        let quick = [member(1, 5, None), member(2, 5, Some(5))];
        assert!(pairing_ended(&quick, person(1)));
    }

    #[test]
    fn no_pairing_ended_for_someone_alone_from_the_start_or_paired_again() {
        assert!(!pairing_ended(&[member(1, 0, None)], person(1)));
        let paired_again = [
            member(1, 0, None),
            member(2, 5, Some(9)),
            member(3, 10, None),
        ];
        assert!(!pairing_ended(&paired_again, person(1)));
        assert!(!pairing_ended(&paired_again, person(3)));
    }

    #[test]
    fn a_partner_who_left_before_the_person_joined_was_never_theirs() {
        // 2 left at 9; 1 left at 12 and came back at 20, alone: 2 left before this stay.
        let members = [
            member(1, 0, Some(12)),
            member(2, 5, Some(9)),
            member(1, 20, None),
        ];
        assert!(!pairing_ended(&members, person(1)));
    }

    #[test]
    fn the_partner_is_the_other_current_member_only() {
        let members = [member(1, 0, None), member(2, 5, Some(9))];
        assert_eq!(partner_of(&members, person(1)), None);
        assert_eq!(partner_of(&members, person(2)), None);
        let paired = [member(1, 0, None), member(3, 10, None)];
        assert_eq!(partner_of(&paired, person(3)), Some(person(1)));
        assert_eq!(partner_of(&paired, person(4)), None);
    }
}
