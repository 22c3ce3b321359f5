//! The weekly check-in, after Gottman's weekly "State of the Union" meeting: appreciations, what
//! went right, nine felt-trust items, one topic in speaker and listener turns, requests for the
//! coming week, and each partner's private "how did that go for me" (docs/PRINCIPLES.md, The domain:
//! Check-in).
//!
//! **Sealing** falls out of the visibility rule: drafts and submitted answers are private events
//! of their author; a submission adds a shared marker with no content; the second submission adds
//! one shared reveal per partner, written as that partner, without "how did that go". Before a
//! person's own submission, nothing of the partner's answers is in any event they may see.
//!
//! The edge parses input into [`Patch`], asks [`decide_start`] or a [`Checkin`]'s `decide_*`
//! with the current time, and appends what it gets back. Which steps a person may take now, and
//! so which page they meet, is [`Checkin::steps`] and [`Checkin::stage_for`]; `decide_*` checks
//! the same rule. State is the fold ([`CheckinBook`]); felt trust over time is
//! [`trend::trend`].

mod answers;
mod book;
mod change;
mod lifecycle;
pub mod trend;

pub use answers::{
    Answers, Appreciation, Facet, Feeling, FeltTrust, MAX_APPRECIATIONS, Missing, Note, Patch,
    ScaleError, Step, TrustItem, TrustLevel,
};
pub use book::CheckinBook;
pub use change::{Change, CheckinEvent, Decided};
pub use lifecycle::{
    BREAK_LENGTH, Break, Checkin, CheckinStep, Refusal, Side, Stage, Standing, Submission,
    decide_start,
};
pub use trend::{RciParams, Trend, TrendPoint};
