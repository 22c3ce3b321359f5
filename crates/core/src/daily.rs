//! The daily ritual: a nightly minute — how I feel (1–5), one thing I appreciated, my plan for
//! tomorrow (docs/PRINCIPLES.md, The domain: Daily ritual).
//!
//! One entry per person per local day, the day counted in the space's time zone; writing again
//! the same day replaces that day's entry. An entry is shared with the partner unless its
//! author keeps it to themselves. Missing a day costs nothing: nothing here counts days written
//! or missed, and nothing ever will — no streaks (docs/PRINCIPLES.md, principle 4).

mod book;
mod entry;

pub use book::{DailyBook, DailyEntry, decide_write};
pub use entry::{DailyChange, DailyEvent, DailyText, Mood, MoodError, Written};
