//! Spaces and their members, as the use cases see them.

use steadfast_core::space::Member;
use steadfast_store::MemberRecord;

/// A stored member as the domain reads one.
pub fn member(record: &MemberRecord) -> Member {
    Member {
        person: record.person,
        joined: record.joined_at,
        left: record.left_at,
    }
}
