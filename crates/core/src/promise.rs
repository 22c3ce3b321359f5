//! Promises: "I will call if I am late this week", from one partner to the other. Small promises,
//! kept and seen, are how trust accumulates (docs/PRINCIPLES.md, The domain: Promise).
//!
//! The edge parses what a person typed into [`Terms`] and the rest, asks [`decide_make`] or
//! [`Promise::decide`] with the current time, and appends the [`Change`] it gets back as a
//! [`PromiseEvent`]. State is the fold of those events ([`PromiseBook`]); settled steps become
//! [`Outcome`]s, the evidence of the reliability record (`crate::record`).

mod amends;
mod book;
mod change;
mod lifecycle;
mod terms;

pub use amends::{
    Acknowledged, AcknowledgementWord, Amends, Answer, Apology, Ask, Asked, Attention, NextStep,
    RECENT_MISS, may_apologise_after,
};
pub use book::{MAX_OPEN, Nudge, PromiseBook};
pub use change::{Change, PromiseEvent};
pub use lifecycle::{
    Command, Effect, LifecycleStep, MAX_BACKDATE, Outcome, Promise, Refusal, Renegotiation, Status,
    Step, decide_make, open_and_settled,
};
pub use terms::{PromiseText, Reason, ScaleError, Severity, Stakes, Terms, TrustDomain};
