//! Every number of the trust model, in one place (DESIGN, The trust model). Change one here and
//! the tests of `crate::record` say what that does to the properties the design promises.

use std::time::Duration;

const DAY: u64 = 24 * 60 * 60;

/// The model's parameters. [`Params::DEFAULT`] is what Steadfast runs with; tests may vary them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// κ: how much heavier a breach weighs than a kept promise of the same stakes, per point of
    /// severity. Trust is easy to lose.
    pub breach_factor: f64,
    /// A renegotiation asked for in advance adds this share of a breach of severity 1 to `s`: it
    /// counts as communication, not as a breach, but a promise that keeps moving is not kept.
    pub renegotiation_factor: f64,
    /// A breach with deception also adds this multiple of its weight to `d`, which heals slowest.
    pub deception_factor: f64,
    /// Half-lives: kept promises fade fastest, breaches slower, deception slowest.
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
    /// Below this uncertainty the record no longer says "still learning".
    pub learning_uncertainty: f64,
    /// Below this uncertainty the record says it is well established.
    pub settled_uncertainty: f64,
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
        breach_factor: 3.0,
        renegotiation_factor: 0.25,
        deception_factor: 2.0,
        half_life_kept: Duration::from_secs(90 * DAY),
        half_life_broken: Duration::from_secs(180 * DAY),
        half_life_deception: Duration::from_secs(730 * DAY),
        prior_weight: 2.0,
        base_rate: 0.5,
        repair_bonus: 1.25,
        repair_window: Duration::from_secs(8 * 7 * DAY),
        band_quantile: 0.1,
        learning_uncertainty: 0.25,
        settled_uncertainty: 0.08,
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
        self.breach_factor * f64::from(severity) * self.kept_weight(stakes)
    }

    /// What an accepted renegotiation of a promise of these stakes adds to `s`.
    pub fn renegotiation_weight(&self, stakes: u8) -> f64 {
        self.renegotiation_factor * self.breach_factor * self.kept_weight(stakes)
    }
}

impl Default for Params {
    fn default() -> Self {
        Self::DEFAULT
    }
}
