//! Rituals: recurring shared time — a date night, a walk, the weekly check-in itself (docs/PRINCIPLES.md,
//! The domain: Ritual). A ritual has a name, a kind and a [`Schedule`] in a time zone; its
//! occurrences are computed from the schedule, never stored.
//!
//! **Which zone.** A schedule carries its own zone: the space's zone when the ritual was
//! planned or last changed. When the couple later changes the space's zone, their rituals keep
//! theirs until someone changes them (the change form offers the space's zone). So an event in
//! the log always means the instants it meant when it was written, and a move of the space's
//! zone never silently shifts a date night that was arranged in the old one.
//!
//! The edge parses what a person typed into a [`Schedule`] and a [`RitualName`], asks
//! [`decide_plan`] or [`Ritual::decide_change`] / [`Ritual::decide_end`], and appends the
//! [`Change`] as a [`RitualEvent`]. State is the fold of those events ([`RitualBook`]).

mod book;
mod change;
mod schedule;

pub use book::{MAX_ACTIVE, Refusal, Ritual, RitualBook, decide_plan};
pub use change::{Change, RitualEvent, RitualId, RitualKind, RitualName};
pub use schedule::{
    EveryWeeks, Minutes, Occurrence, Schedule, ScheduleError, StartTime, Weekdays, parse_date,
    weekday_name,
};
