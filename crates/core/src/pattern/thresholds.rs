//! Every threshold of the patterns, in one place (docs/PRINCIPLES.md, Patterns and red flags). A change here
//! changes what people are told about their relationship: change it with the tests at the edges
//! (`pattern::tests`) and the help text.

use std::time::Duration;

const DAY: u64 = 24 * 60 * 60;

/// The numbers behind the five patterns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Repeated hurt: at least `breaches` broken promises of severity at least
    /// `breach_severity` (1–4) within `breach_window`.
    pub breaches: usize,
    pub breach_severity: u8,
    pub breach_window: Duration,
    /// Repeated deception: at least `deceptions` broken promises recorded with deception within
    /// `deception_window`.
    pub deceptions: usize,
    pub deception_window: Duration,
    /// The same boundary crossed at least `crossings` times within `crossing_window`.
    pub crossings: usize,
    pub crossing_window: Duration,
    /// Felt trust is **low** when the mean of the nine items (0 "not at all" … 6 "completely")
    /// is at most `low_felt_trust`: 2, a whole point below the scale's middle (3) — more than
    /// the reliable-change noise of about 1.07 points (`checkin::RciParams::DEFAULT`), so a
    /// middling week does not count. Shown when it was low at the last `low_trust_checkins`
    /// completed check-ins in a row.
    pub low_felt_trust: f64,
    pub low_trust_checkins: usize,
    /// Hard check-ins: in at least `hard_checkins` of the last `hard_of_last` completed check-ins
    /// with the partner, the person's own "how did that go for me" (−5…+5) was at most
    /// `hard_feeling`.
    pub hard_feeling: i8,
    pub hard_checkins: usize,
    pub hard_of_last: usize,
}

/// The thresholds docs/PRINCIPLES.md lists.
pub const THRESHOLDS: Thresholds = Thresholds {
    breaches: 3,
    breach_severity: 2,
    breach_window: Duration::from_secs(30 * DAY),
    deceptions: 2,
    deception_window: Duration::from_secs(90 * DAY),
    crossings: 2,
    crossing_window: Duration::from_secs(60 * DAY),
    low_felt_trust: 2.0,
    low_trust_checkins: 3,
    hard_feeling: -2,
    hard_checkins: 3,
    hard_of_last: 4,
};
