//! Boundaries: "Phone stays private" — one partner's line, which the other acknowledges (docs/PRINCIPLES.md,
//! The domain: Boundary).
//!
//! ```text
//! proposed (owner) ──acknowledged (partner)──▶ acknowledged
//!     ▲                                             │
//!     └──────────── revised (owner) ◀───────────────┘   any time: withdrawn (owner)
//!
//! crossing, reported by either (self-report encouraged), of an acknowledged boundary:
//!   acknowledged (crosser) → apologised (crosser) → prevention step (crosser: a promise to the
//!   owner) · resolved (owner, whenever they choose; or left open)
//! ```
//!
//! The edge parses what a person typed, asks [`decide_propose`] or [`Boundary::decide`] with the
//! current time, and appends the events it gets back. A prevention step is a promise made through
//! [`crate::promise::decide_make`]: its `promise.made` is written in the same append as the
//! crossing's note of it. All of a boundary's events are shared.

mod book;
mod lifecycle;

pub use book::{BoundaryBook, Crossings, MAX_STANDING};
pub use lifecycle::{
    ApologyText, Boundary, BoundaryEvent, BoundaryStep, BoundaryText, BoundaryWhy, Change, Command,
    Crossing, CrossingStep, Decided, Refusal, Revision, Status, decide_propose,
};
