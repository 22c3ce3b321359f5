//! Spaces and pairing: a space holds one couple, or one person in solo mode. A person creates a
//! space, invites their partner with a single-use link, and either partner may leave alone and at
//! once (docs/PRINCIPLES.md, Safety).
//!
//! The functions here decide; the edge loads the space's members and invites, calls one of them
//! with the current time, and records the outcome.

mod invite;
mod membership;
mod name;
mod zone;

pub use invite::{
    INVITE_LIFETIME, InviteRefusal, InviteState, IssueRefusal, RevokeRefusal, decide_accept,
    decide_issue, decide_revoke,
};
pub use membership::{
    Counterpart, LeaveRefusal, MAX_PARTNERS, Member, Standing, counterpart, current, decide_leave,
    is_current_member, pairing_ended, partner_of, standing,
};
pub use name::{SpaceName, SpaceNameError};
pub use zone::{SpaceZone, ZONE_KIND, ZoneError, ZoneEvent, ZoneName};
