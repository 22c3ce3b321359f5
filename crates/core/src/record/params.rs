//! Every number of the trust model, in one place (docs/PRINCIPLES.md, The trust model). Change one here and
//! the tests of `crate::record` say what that does to the properties the design promises, and
//! the calibration scenarios (`crates/core/tests/it/record_calibration.rs`) say what a couple would read.

use std::time::Duration;

const DAY: u64 = 24 * 60 * 60;

/// The model's parameters. [`Params::DEFAULT`] is what Steadfast runs with; tests may vary them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// A breach of severity `k` weighs `(k + breach_offset)` kept promises of the same stakes:
    /// trust is easier to lose than to gain, even from a light breach, yet a handful of kept
    /// promises can still outweigh one breach.
    pub breach_offset: f64,
    /// A breach with deception also adds this multiple of its weight to `d`, which heals slowest.
    pub deception_factor: f64,
    /// Half-lives: kept promises fade fastest, breaches slower, deception slowest. The counts
    /// behind the certainty words fade the same way (a promise let go fades like a breach).
    pub half_life_kept: Duration,
    pub half_life_broken: Duration,
    pub half_life_deception: Duration,
    /// W: the weight of the prior, in promises' worth of evidence.
    pub prior_weight: f64,
    /// a: the base rate the record drifts to without evidence.
    pub base_rate: f64,
    /// After an accepted repair plan, kept promises count this many times…
    pub repair_bonus: f64,
    /// …for this long.
    pub repair_window: Duration,
    /// The credible band shown: from this quantile of the Beta distribution to its mirror.
    pub band_quantile: f64,
    /// The certainty words come from how many outcomes the receiver confirmed (kept, broken,
    /// let go), faded with the half-lives: below this many it is too early to say…
    pub too_early_below: f64,
    /// …below this many the record is still learning…
    pub learning_below: f64,
    /// …below this many it is taking shape, and from here it is well established.
    pub taking_shape_below: f64,
    /// The stakes ladder: a bigger promise is suggested only when the record's lower bound at this
    /// quantile is at least [`Params::ladder_min_lower`]…
    pub ladder_quantile: f64,
    pub ladder_min_lower: f64,
    /// …and at least this many promises were kept at the current top stakes or above.
    pub ladder_min_kept: u32,
    /// The nudge against over-promising: this many open promises…
    pub nudge_open: usize,
    /// …or this many misses (broken or let go) within [`Params::nudge_window`].
    pub nudge_misses: usize,
    pub nudge_window: Duration,
}

impl Params {
    pub const DEFAULT: Params = Params {
        breach_offset: 1.0,
        deception_factor: 1.0,
        half_life_kept: Duration::from_secs(90 * DAY),
        half_life_broken: Duration::from_secs(180 * DAY),
        half_life_deception: Duration::from_secs(730 * DAY),
        prior_weight: 2.0,
        base_rate: 0.5,
        repair_bonus: 1.25,
        repair_window: Duration::from_secs(8 * 7 * DAY),
        band_quantile: 0.1,
        too_early_below: 5.0,
        learning_below: 10.0,
        taking_shape_below: 20.0,
        ladder_quantile: 0.2,
        ladder_min_lower: 0.7,
        ladder_min_kept: 3,
        nudge_open: 5,
        nudge_misses: 2,
        nudge_window: Duration::from_secs(30 * DAY),
    };

    /// w+: what a kept promise of these stakes (1–5) adds to `r`.
    pub fn kept_weight(&self, stakes: u8) -> f64 {
        1.0 + 0.5 * (f64::from(stakes) - 1.0)
    }

    /// w−: what a breach of this severity (1–4) of a promise of these stakes adds to `s`.
    pub fn breach_weight(&self, stakes: u8, severity: u8) -> f64 {
        (f64::from(severity) + self.breach_offset) * self.kept_weight(stakes)
    }
}

impl Default for Params {
    fn default() -> Self {
        Self::DEFAULT
    }
}
