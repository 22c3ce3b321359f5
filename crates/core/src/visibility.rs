//! Who may see what: the one place the rule is written. Every page, API route, feed and export
//! asks [`can_see`] or filters with [`visible`]; none re-implements it.
//!
//! The rule, for an item (an event, or anything built from events) in a space:
//!
//! - its author always sees it — also after leaving the space: what a person wrote stays theirs
//!   to read;
//! - a private item is seen by its author only, always: it goes with its author when they leave,
//!   and leaves no count or trace behind;
//! - a shared item is seen by another person while both that person and the author are current
//!   members of the space;
//! - **leaving never takes shared history away from the one who stays** (docs/PRINCIPLES.md, Safety): when the
//!   author leaves, whoever was in the space at that moment and is still in it keeps, read-only,
//!   every shared item of the author's they could see then — promises made to them and how they
//!   went, apologies, boundaries, the repair plan, the record. Nothing new comes after: the author
//!   writes nothing more into a space they left;
//! - the one who leaves keeps only their own items: nothing of anyone else's, from that request
//!   on, however often they look;
//! - and only if the item was not made while its author shared the space with someone else: what
//!   A shared with B stays between A and B, even when C later joins A's space. What A shared while
//!   alone is for whoever joins; a partner who leaves and is invited back (a new invite is the
//!   choice of the one who stayed) sees the old items again.
//!
//! Erasure (a deleted account) removes a person's items from the log except the shared ones that
//! someone still in the space keeps by this rule ([`survives_erasure`]); the edge ends their
//! membership first and deletes everything else that is theirs (name, e-mail, sessions, private
//! items). What stays carries only the author's opaque id and is shown as from a former partner.
//!
//! A coach sees nothing of a former member.
//!
//! **Nothing about a private item reaches anyone but its author**: no count, title, timestamp,
//! size, "last updated" or position in a list (docs/PRINCIPLES.md, principle 2). So the filter comes first,
//! before anything is counted, sorted, paginated, summed or turned into a chart — never count a
//! space's items and then hide some of them.
//!
//! Membership itself (who is in the space, that a pairing ended) is not an item and is not
//! governed here: it is what this rule reads.

use crate::coach::Granted;
use crate::event::{NewEvent, RecordedEvent, Visibility};
use crate::id::PersonId;
use crate::space::{Member, is_current_member};
use crate::time::Timestamp;

/// What the rule needs to know about an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemMeta {
    pub author: PersonId,
    pub visibility: Visibility,
    /// When it was made (recorded), which tells whom it was shared with.
    pub at: Timestamp,
}

impl From<&NewEvent> for ItemMeta {
    fn from(event: &NewEvent) -> Self {
        Self {
            author: event.author,
            visibility: event.visibility,
            at: event.at,
        }
    }
}

impl From<&RecordedEvent> for ItemMeta {
    fn from(event: &RecordedEvent) -> Self {
        Self::from(&event.event)
    }
}

/// Who is looking: a person for themselves, or a coach of the space. A person's id converts into
/// a viewer, so `can_see(person, …)` reads naturally.
///
/// A coach sees a partner's **shared** items only, and only those of a partner whose own grant
/// is in force at the time of the read ([`crate::coach::granted`] works that out from the grants,
/// the members and the instant), while that partner is a current member, and only items made
/// within the current couple's history: nothing the partner shared while someone who has since
/// left was in the space. A coach never sees a private item, nor a count or trace of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Viewer {
    /// A person looking for themselves: a partner, a former partner, or someone alone in solo
    /// mode. Whether they are in the space now is read from the members.
    Person(PersonId),
    /// A coach of the space, with the partners whose grants count right now.
    Coach { coach: PersonId, granted: Granted },
}

impl From<PersonId> for Viewer {
    fn from(person: PersonId) -> Self {
        Viewer::Person(person)
    }
}

/// Whether `viewer` may see an item of a space with these members (current and former).
pub fn can_see(viewer: impl Into<Viewer>, item: &ItemMeta, members: &[Member]) -> bool {
    match viewer.into() {
        Viewer::Person(person) => {
            person == item.author
                || (item.visibility == Visibility::Shared
                    && is_current_member(members, person)
                    && !made_with_someone_else(item, person, members)
                    && (is_current_member(members, item.author)
                        || kept_by_one_who_stayed(item, person, members)))
        }
        Viewer::Coach { granted, .. } => {
            item.visibility == Visibility::Shared
                && granted.contains(item.author)
                && is_current_member(members, item.author)
                && !made_with_a_former_member(item, members)
        }
    }
}

/// Whether `viewer` stayed when the item's author (now gone) last left, and the item was made
/// by then: then it was shared with `viewer`, and stays theirs. (Made in the very millisecond
/// of the leaving counts as before it: nobody writes into a space after leaving it.) `viewer`
/// must have been in the space without a break since before the author left, so someone who
/// joins later, or who left and came back after, keeps nothing of it.
fn kept_by_one_who_stayed(item: &ItemMeta, viewer: PersonId, members: &[Member]) -> bool {
    let Some(author_left) = last_left(members, item.author) else {
        return false;
    };
    item.at <= author_left
        && members
            .iter()
            .any(|stay| stay.person == viewer && stay.joined <= author_left && stay.left.is_none())
}

/// When `person` last left the space, if they were ever in it and are not now.
fn last_left(members: &[Member], person: PersonId) -> Option<Timestamp> {
    if is_current_member(members, person) {
        return None;
    }
    members
        .iter()
        .filter(|stay| stay.person == person)
        .filter_map(|stay| stay.left)
        .max()
}

/// Whether an item of a person whose account is being deleted stays in the log: only a shared
/// item that someone else still in the space may see by [`can_see`] (what was shared with the one
/// who stayed). Everything else of theirs — private items, what nobody received — is erased.
/// `members` are read after the deleted person's stays ended.
pub fn survives_erasure(item: &ItemMeta, members: &[Member]) -> bool {
    item.visibility == Visibility::Shared
        && crate::space::current(members)
            .any(|stay| stay.person != item.author && can_see(stay.person, item, members))
}

/// Whether someone who is no longer in the space was in it when the item was made: such an item
/// belongs to a pairing the coach was never asked about.
fn made_with_a_former_member(item: &ItemMeta, members: &[Member]) -> bool {
    members.iter().any(|stay| {
        stay.person != item.author
            && !is_current_member(members, stay.person)
            && stay.joined <= item.at
            && stay.left.is_none_or(|left| item.at < left)
    })
}

/// Whether someone other than the author and `viewer` was in the space when the item was made.
/// A stay covers `joined..left`: whoever joins in the same millisecond counts as there before.
fn made_with_someone_else(item: &ItemMeta, viewer: PersonId, members: &[Member]) -> bool {
    members.iter().any(|stay| {
        stay.person != item.author
            && stay.person != viewer
            && stay.joined <= item.at
            && stay.left.is_none_or(|left| item.at < left)
    })
}

/// The items `viewer` may see, in their original order. Count, sort or page only what this
/// returns.
///
/// ```
/// # use steadfast_core::{ItemMeta, PersonId, Timestamp, Visibility, space::Member, visibility::visible};
/// # let me = PersonId::from_uuid(uuid::Uuid::from_u128(1));
/// # let members: Vec<Member> = Vec::new();
/// struct Note { author: PersonId, visibility: Visibility, at: Timestamp, text: String }
/// let notes: Vec<Note> = Vec::new();
/// let meta = |n: &Note| ItemMeta { author: n.author, visibility: n.visibility, at: n.at };
/// let shown = visible(me, &notes, meta, &members).count();
/// # assert_eq!(shown, 0);
/// ```
pub fn visible<'a, T: 'a>(
    viewer: impl Into<Viewer>,
    items: impl IntoIterator<Item = &'a T>,
    meta: impl Fn(&T) -> ItemMeta,
    members: &'a [Member],
) -> impl Iterator<Item = &'a T> {
    let viewer = viewer.into();
    items
        .into_iter()
        .filter(move |item| can_see(viewer, &meta(item), members))
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn person(n: u128) -> PersonId {
        PersonId::from_uuid(Uuid::from_u128(n))
    }

    fn member(n: u128, left: Option<i64>) -> Member {
        Member {
            person: person(n),
            joined: Timestamp::from_millis(0),
            left: left.map(Timestamp::from_millis),
        }
    }

    fn item(author: u128, visibility: Visibility) -> ItemMeta {
        item_at(author, visibility, 0)
    }

    fn item_at(author: u128, visibility: Visibility, at: i64) -> ItemMeta {
        ItemMeta {
            author: person(author),
            visibility,
            at: Timestamp::from_millis(at),
        }
    }

    const A: u128 = 1;
    const B: u128 = 2;

    #[test]
    fn an_author_sees_their_own_items_of_either_visibility() {
        let paired = [member(A, None), member(B, None)];
        assert!(can_see(person(A), &item(A, Visibility::Private), &paired));
        assert!(can_see(person(A), &item(A, Visibility::Shared), &paired));
    }

    #[test]
    fn a_partner_never_sees_a_private_item() {
        let paired = [member(A, None), member(B, None)];
        assert!(!can_see(person(B), &item(A, Visibility::Private), &paired));
    }

    #[test]
    fn a_partner_sees_a_shared_item_while_both_are_in_the_space() {
        let paired = [member(A, None), member(B, None)];
        assert!(can_see(person(B), &item(A, Visibility::Shared), &paired));
    }

    #[test]
    fn the_one_who_stays_keeps_what_the_leaver_shared_and_the_leaver_keeps_only_their_own() {
        // B left at 10: A keeps B's shared items from before; B no longer sees A's.
        let b_left = [member(A, None), member(B, Some(10))];
        assert!(can_see(
            person(A),
            &item_at(B, Visibility::Shared, 5),
            &b_left
        ));
        assert!(!can_see(
            person(A),
            &item_at(B, Visibility::Private, 5),
            &b_left
        ));
        assert!(!can_see(
            person(B),
            &item_at(A, Visibility::Shared, 5),
            &b_left
        ));
        assert!(!can_see(
            person(B),
            &item_at(A, Visibility::Shared, 15),
            &b_left
        ));
    }

    /// A and B from 0; B left at 10; C joined at 20 and never shared the space with B.
    fn c_joined_after_b_left() -> [Member; 3] {
        [
            member(A, None),
            member(B, Some(10)),
            Member {
                person: person(3),
                joined: Timestamp::from_millis(20),
                left: None,
            },
        ]
    }

    #[test]
    fn someone_who_joins_after_the_leaving_keeps_nothing_of_the_leaver() {
        // A and B from 0; B left at 10; C joined at 20 and never shared the space with B.
        let members = c_joined_after_b_left();
        assert!(!can_see(
            person(3),
            &item_at(B, Visibility::Shared, 5),
            &members
        ));
        assert!(can_see(
            person(A),
            &item_at(B, Visibility::Shared, 5),
            &members
        ));
    }

    #[test]
    fn one_who_left_and_came_back_after_the_other_left_keeps_nothing_of_theirs() {
        // A from 0, left at 8, back at 12; B from 0, left at 10. A was away when B left.
        let members = [
            Member {
                person: person(A),
                joined: Timestamp::from_millis(0),
                left: Some(Timestamp::from_millis(8)),
            },
            member(B, Some(10)),
            Member {
                person: person(A),
                joined: Timestamp::from_millis(12),
                left: None,
            },
        ];
        assert!(!can_see(
            person(A),
            &item_at(B, Visibility::Shared, 5),
            &members
        ));
    }

    #[test]
    fn erasure_keeps_only_what_someone_still_in_the_space_received() {
        let b_gone = [member(A, None), member(B, Some(10))];
        assert!(survives_erasure(
            &item_at(B, Visibility::Shared, 5),
            &b_gone
        ));
        assert!(!survives_erasure(
            &item_at(B, Visibility::Private, 5),
            &b_gone
        ));
        // Made while alone and before anyone joined, then left alone: nobody received it.
        let alone = [member(B, Some(10))];
        assert!(!survives_erasure(
            &item_at(B, Visibility::Shared, 5),
            &alone
        ));
        // The one who stayed left too: nobody keeps it any more.
        let both_gone = [member(A, Some(12)), member(B, Some(10))];
        assert!(!survives_erasure(
            &item_at(B, Visibility::Shared, 5),
            &both_gone
        ));
    }

    #[test]
    fn what_was_shared_with_a_former_partner_stays_hidden_from_the_next() {
        // A and B from 0; B left at 10; C joined at 20.
        let members = c_joined_after_b_left();
        assert!(!can_see(
            person(3),
            &item_at(A, Visibility::Shared, 5),
            &members
        ));
        // Shared while A was alone, or with C: C sees it.
        assert!(can_see(
            person(3),
            &item_at(A, Visibility::Shared, 10),
            &members
        ));
        assert!(can_see(
            person(3),
            &item_at(A, Visibility::Shared, 25),
            &members
        ));
    }

    #[test]
    fn a_partner_who_comes_back_sees_the_old_shared_items_again() {
        let members = [
            member(A, None),
            member(B, Some(10)),
            Member {
                person: person(B),
                joined: Timestamp::from_millis(20),
                left: None,
            },
        ];
        assert!(can_see(
            person(B),
            &item_at(A, Visibility::Shared, 5),
            &members
        ));
        assert!(can_see(
            person(A),
            &item_at(B, Visibility::Shared, 5),
            &members
        ));
    }

    #[test]
    fn a_leaver_keeps_reading_what_they_wrote() {
        let b_left = [member(A, None), member(B, Some(10))];
        assert!(can_see(person(B), &item(B, Visibility::Shared), &b_left));
        assert!(can_see(person(B), &item(B, Visibility::Private), &b_left));
    }

    #[test]
    fn an_outsider_sees_nothing() {
        let paired = [member(A, None), member(B, None)];
        assert!(!can_see(person(3), &item(A, Visibility::Shared), &paired));
    }

    #[test]
    fn visible_keeps_order_and_drops_what_the_viewer_may_not_see() {
        let paired = [member(A, None), member(B, None)];
        let items = [
            item(A, Visibility::Shared),
            item(A, Visibility::Private),
            item(B, Visibility::Private),
            item(B, Visibility::Shared),
        ];
        let seen: Vec<_> = visible(person(B), &items, |m| *m, &paired).collect();
        assert_eq!(seen, [&items[0], &items[2], &items[3]]);
    }

    #[test]
    fn a_coach_sees_only_shared_items_of_granted_current_partners() {
        let paired = [member(A, None), member(B, None)];
        let grants = [crate::coach::Grant {
            person: person(A),
            granted_at: Timestamp::from_millis(0),
            expires_at: Timestamp::from_millis(100),
            revoked_at: None,
        }];
        let coach = |at: i64| Viewer::Coach {
            coach: person(9),
            granted: crate::coach::granted(
                &grants,
                &paired,
                Some(Timestamp::from_millis(0)),
                Timestamp::from_millis(at),
            ),
        };
        assert!(can_see(coach(5), &item(A, Visibility::Shared), &paired));
        assert!(!can_see(coach(5), &item(A, Visibility::Private), &paired));
        assert!(!can_see(coach(5), &item(B, Visibility::Shared), &paired));
        // Expired at 100: nothing.
        assert!(!can_see(coach(100), &item(A, Visibility::Shared), &paired));
    }

    #[test]
    fn a_coach_sees_nothing_of_a_former_member() {
        let b_left = [member(A, None), member(B, Some(10))];
        let grants = [B, A].map(|who| crate::coach::Grant {
            person: person(who),
            granted_at: Timestamp::from_millis(0),
            expires_at: Timestamp::from_millis(100),
            revoked_at: None,
        });
        let coach = Viewer::Coach {
            coach: person(9),
            granted: crate::coach::granted(
                &grants,
                &b_left,
                Some(Timestamp::from_millis(0)),
                Timestamp::from_millis(20),
            ),
        };
        assert!(!can_see(coach, &item_at(B, Visibility::Shared, 5), &b_left));
    }

    #[test]
    fn events_carry_their_own_meta() {
        let event = NewEvent {
            id: crate::id::EventId::from_uuid(Uuid::from_u128(9)),
            author: person(A),
            at: Timestamp::from_millis(0),
            kind: crate::event::EventKind::new("note.written").unwrap(),
            visibility: Visibility::Shared,
            payload: serde_json::Value::Null,
        };
        assert_eq!(ItemMeta::from(&event), item(A, Visibility::Shared));
    }
}
