//! Coaches: a therapist or coach a couple invites to follow their shared progress, read-only and
//! with each partner's separate, time-limited, revocable consent (docs/PRINCIPLES.md, Who it is for: Practices;
//! The domain: Coach grant).
//!
//! **Where grants live.** A grant is access control, like a membership, not something a partner
//! wrote in the space: it lives in the store beside the memberships (a row per grant, kept as
//! history when it is revoked or expires), not in the event log, and the rules for it are here.
//! Each partner sees only their own grants. Whether the other partner has granted is not shown
//! to them: consent to a coach is between each partner and the practice (which confirms it with
//! each privately), and a partner who can see the other's consent can also pressure them about
//! it (docs/PRINCIPLES.md, principle 1). A grant is read on every request, so revoking takes effect on the
//! next one.
//!
//! **What a coach sees.** Through [`crate::visibility::Viewer::Coach`]: the *shared* items of a
//! partner whose grant is in force at the time of the read, while that partner is a current
//! member, and only items made within the current couple's history (not what the partner shared
//! with someone who has since left). Never a private item, nor anything computed from one: the
//! filter comes before any count, as for partners.
//!
//! **Whose grant covers a reliability record.** A record "of A's promises to B" is made of A's
//! promises (A's items) and B's confirmations of how they went (B's items). It counts only what B
//! confirmed (docs/PRINCIPLES.md, principle 3), so it is as much B's testimony as A's conduct. A coach sees
//! it only when *both* A and B have granted: folded through the coach's view, a record needs the
//! promise and its confirmation, and with one grant missing the fold simply has nothing to count.
//! That follows from the rule above with no special case, and no partner's data reaches the
//! coach without that partner's consent.
//!
//! **Unpairing.** A grant speaks for a partner's current stay in the space: when they leave, it
//! stops counting, and it does not come back if they are invited back later; nor does a grant
//! survive the coach being removed from the space.

mod grant;
mod kind;
mod progress;

pub use grant::{
    DEFAULT_GRANT_DAYS, GRANT_LIFETIME, Grant, GrantRefusal, Granted, MAX_GRANT_DAYS,
    RevokeGrantRefusal, decide_grant, decide_revoke_grant, granted,
};
pub use kind::{AccountKind, AccountKindError};
pub use progress::{Progress, progress};
