//! The Beta reputation model itself (Jøsang & Ismail 2002): evidence for and against, decayed by
//! elapsed time, and the opinion it gives.

use statrs::distribution::{Beta, ContinuousCDF};

use super::params::Params;
use crate::time::Timestamp;

/// Evidence about one direction of promises, as of one instant: `r` for kept promises, `s` for
/// breaches, `d` for deception; and, apart from the weights, how many outcomes the receiver
/// confirmed, which is what the certainty words go by. Decay is by elapsed time, never per event,
/// so the same history gives the same evidence whatever order it was recorded in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Evidence {
    pub r: f64,
    pub s: f64,
    pub d: f64,
    /// Promises confirmed kept, faded like `r`.
    pub kept: f64,
    /// Promises recorded broken or let go, faded like `s`.
    pub missed: f64,
    /// The instant these amounts are valid at.
    pub at: Timestamp,
}

/// One piece of new evidence, valid at the instant it happened.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    pub r: f64,
    pub s: f64,
    pub d: f64,
    /// 1 for a kept promise, else 0: it counts once whatever its weight.
    pub kept: f64,
    /// 1 for a promise broken or let go, else 0.
    pub missed: f64,
}

impl Weights {
    pub const ZERO: Weights = Weights {
        r: 0.0,
        s: 0.0,
        d: 0.0,
        kept: 0.0,
        missed: 0.0,
    };
}

/// `2^(−Δt / half_life)`, with Δt in either direction (a backdated event decays forward to now;
/// evidence is never grown by time).
fn factor(from: Timestamp, to: Timestamp, half_life: std::time::Duration) -> f64 {
    let elapsed = to.as_millis().saturating_sub(from.as_millis()) as f64;
    let half = half_life.as_millis() as f64;
    if half <= 0.0 {
        return if elapsed > 0.0 { 0.0 } else { 1.0 };
    }
    (-elapsed / half).exp2()
}

impl Evidence {
    /// No evidence at all, as of `at`.
    pub fn none(at: Timestamp) -> Self {
        Self {
            r: 0.0,
            s: 0.0,
            d: 0.0,
            kept: 0.0,
            missed: 0.0,
            at,
        }
    }

    /// How many outcomes the receiver confirmed, faded: what the certainty words go by.
    pub fn outcomes(&self) -> f64 {
        self.kept + self.missed
    }

    /// The same evidence as of a later instant. An earlier instant leaves it as it is: the
    /// record never runs backwards.
    pub fn decayed_to(self, now: Timestamp, params: &Params) -> Self {
        if now <= self.at {
            return self;
        }
        let kept = factor(self.at, now, params.half_life_kept);
        let broken = factor(self.at, now, params.half_life_broken);
        Self {
            r: self.r * kept,
            s: self.s * broken,
            d: self.d * factor(self.at, now, params.half_life_deception),
            kept: self.kept * kept,
            missed: self.missed * broken,
            at: now,
        }
    }

    /// Adds evidence that happened at `when`. Evidence from before `self.at` (a backdated event)
    /// is decayed to `self.at` first, exactly as if it had been added in time; evidence from
    /// later moves the whole record forward to `when`.
    pub fn add(self, weights: Weights, when: Timestamp, params: &Params) -> Self {
        let mut now = self.decayed_to(when, params);
        now.r += weights.r * factor(when, now.at, params.half_life_kept);
        now.s += weights.s * factor(when, now.at, params.half_life_broken);
        now.d += weights.d * factor(when, now.at, params.half_life_deception);
        now.kept += weights.kept * factor(when, now.at, params.half_life_kept);
        now.missed += weights.missed * factor(when, now.at, params.half_life_broken);
        now
    }

    /// This evidence without `other` (a part of it, as of the same instant), never below zero.
    pub(crate) fn without(&self, other: &Evidence) -> Evidence {
        Evidence {
            r: (self.r - other.r).max(0.0),
            s: (self.s - other.s).max(0.0),
            d: (self.d - other.d).max(0.0),
            kept: (self.kept - other.kept).max(0.0),
            missed: (self.missed - other.missed).max(0.0),
            at: self.at,
        }
    }

    /// This evidence and `other` (as of the same instant) together.
    pub(crate) fn with(&self, other: &Evidence) -> Evidence {
        Evidence {
            r: self.r + other.r,
            s: self.s + other.s,
            d: self.d + other.d,
            kept: self.kept + other.kept,
            missed: self.missed + other.missed,
            at: self.at,
        }
    }

    /// The expected reliability `E` alone: what [`Evidence::opinion`] says without the band,
    /// whose quantiles cost far more.
    pub(crate) fn expected(&self, params: &Params) -> f64 {
        let alpha = self.r + params.prior_weight * params.base_rate;
        alpha / (self.r + self.s + self.d + params.prior_weight)
    }

    /// What this evidence says, as of its own instant.
    pub fn opinion(&self, params: &Params) -> Opinion {
        let w = params.prior_weight;
        let a = params.base_rate;
        let total = self.r + self.s + self.d + w;
        let alpha = self.r + w * a;
        let beta = self.s + self.d + w * (1.0 - a);
        Opinion {
            expected: self.expected(params),
            uncertainty: w / total,
            belief: self.r / total,
            disbelief: (self.s + self.d) / total,
            lower: quantile(alpha, beta, params.band_quantile),
            upper: quantile(alpha, beta, 1.0 - params.band_quantile),
        }
    }
}

/// The `p` quantile of Beta(alpha, beta); the prior keeps both parameters positive.
pub(crate) fn quantile(alpha: f64, beta: f64, p: f64) -> f64 {
    match Beta::new(alpha, beta) {
        Ok(distribution) => distribution.inverse_cdf(p).clamp(0.0, 1.0),
        // Unreachable with a positive prior weight; an honest "anything" rather than a panic.
        Err(_) => {
            if p < 0.5 {
                0.0
            } else {
                1.0
            }
        }
    }
}

/// What the record says: the expected reliability `E`, how uncertain it is, the subjective-logic
/// belief and disbelief (with `uncertainty` they sum to 1), and a credible band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Opinion {
    pub expected: f64,
    pub uncertainty: f64,
    pub belief: f64,
    pub disbelief: f64,
    pub lower: f64,
    pub upper: f64,
}

/// How sure the record is, in words, so nobody reads a figure built on three promises as a
/// verdict. It goes by how many outcomes were confirmed (faded), not by the weighted evidence: a
/// handful of heavy breaches is still a handful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// Fewer than five outcomes: the counts say more than any percentage could.
    TooEarly,
    /// Still learning: the estimate can change quickly.
    Learning,
    /// A tendency, not yet a settled picture.
    TakingShape,
    /// Many recent outcomes.
    Established,
}

impl Certainty {
    pub fn of(evidence: &Evidence, params: &Params) -> Self {
        // Rounded: five promises settled over the last few weeks have faded a little, and are
        // still about five.
        let outcomes = evidence.outcomes().round();
        if outcomes < params.too_early_below {
            Certainty::TooEarly
        } else if outcomes < params.learning_below {
            Certainty::Learning
        } else if outcomes < params.taking_shape_below {
            Certainty::TakingShape
        } else {
            Certainty::Established
        }
    }

    /// The stable code (API, locale ids).
    pub const fn as_str(self) -> &'static str {
        match self {
            Certainty::TooEarly => "too_early",
            Certainty::Learning => "learning",
            Certainty::TakingShape => "taking_shape",
            Certainty::Established => "established",
        }
    }

    /// Whether a percentage may be the headline: not while it is too early to say.
    pub const fn shows_estimate(self) -> bool {
        !matches!(self, Certainty::TooEarly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: i64 = 24 * 60 * 60 * 1000;

    fn at(days: i64) -> Timestamp {
        Timestamp::from_millis(days * DAY_MS)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn the_design_test_vector_holds() {
        let evidence = Evidence {
            r: 8.0,
            s: 2.0,
            ..Evidence::none(at(0))
        };
        let opinion = evidence.opinion(&Params::DEFAULT);
        assert!(close(opinion.expected, 0.75), "{opinion:?}");
        assert!(close(opinion.belief, 0.667), "{opinion:?}");
        assert!(close(opinion.disbelief, 0.167), "{opinion:?}");
        assert!(close(opinion.uncertainty, 0.167), "{opinion:?}");
        assert!(close(
            opinion.belief + opinion.disbelief + opinion.uncertainty,
            1.0
        ));
        assert!(opinion.lower < 0.75 && 0.75 < opinion.upper);
    }

    #[test]
    fn no_evidence_is_the_base_rate_with_full_uncertainty() {
        let opinion = Evidence::none(at(0)).opinion(&Params::DEFAULT);
        assert_eq!(opinion.expected, 0.5);
        assert_eq!(opinion.uncertainty, 1.0);
        assert!(
            close(opinion.lower, 0.1) && close(opinion.upper, 0.9),
            "{opinion:?}"
        );
        assert_eq!(
            Certainty::of(&Evidence::none(at(0)), &Params::DEFAULT),
            Certainty::TooEarly
        );
    }

    #[test]
    fn each_kind_of_evidence_halves_at_its_own_half_life() {
        let evidence = Evidence {
            r: 4.0,
            s: 4.0,
            d: 4.0,
            kept: 4.0,
            missed: 4.0,
            at: at(0),
        }
        .decayed_to(at(90), &Params::DEFAULT);
        assert!(close(evidence.r, 2.0));
        assert!(close(evidence.kept, 2.0));
        assert!(close(evidence.missed, evidence.s));
        assert!(close(evidence.s, 4.0 * 0.5f64.powf(0.5)));
        assert!(close(evidence.d, 4.0 * 0.5f64.powf(90.0 / 730.0)));
    }

    #[test]
    fn backdated_evidence_counts_as_if_it_had_been_added_in_time() {
        let params = Params::DEFAULT;
        let kept = Weights {
            r: 1.0,
            ..Weights::ZERO
        };
        let in_time = Evidence::none(at(0))
            .add(kept, at(10), &params)
            .decayed_to(at(100), &params);
        let late = Evidence::none(at(0))
            .decayed_to(at(100), &params)
            .add(kept, at(10), &params);
        assert!(close(in_time.r, late.r), "{in_time:?} {late:?}");
        assert_eq!(late.at, at(100));
    }

    #[test]
    fn the_record_never_runs_backwards_in_time() {
        let evidence = Evidence {
            r: 1.0,
            ..Evidence::none(at(5))
        };
        assert_eq!(evidence.decayed_to(at(1), &Params::DEFAULT), evidence);
    }

    #[test]
    fn certainty_goes_by_confirmed_outcomes_not_by_their_weight() {
        let p = Params::DEFAULT;
        let heavy = Evidence {
            s: 40.0,
            d: 40.0,
            missed: 4.0,
            ..Evidence::none(at(0))
        };
        assert_eq!(Certainty::of(&heavy, &p), Certainty::TooEarly);
        let words = [
            (5.0, Certainty::Learning),
            (10.0, Certainty::TakingShape),
            (20.0, Certainty::Established),
        ];
        for (count, word) in words {
            let evidence = Evidence {
                kept: count,
                ..Evidence::none(at(0))
            };
            assert_eq!(Certainty::of(&evidence, &p), word, "{count}");
            let just_below = Evidence {
                kept: count - 0.51,
                ..Evidence::none(at(0))
            };
            assert!(Certainty::of(&just_below, &p) < word, "{count}");
        }
    }

    #[test]
    fn weights_follow_the_design() {
        let p = Params::DEFAULT;
        assert_eq!(p.kept_weight(1), 1.0);
        assert_eq!(p.kept_weight(5), 3.0);
        assert_eq!(p.breach_weight(3, 2), (2.0 + 1.0) * 2.0);
        assert_eq!(p.breach_weight(1, 4), 5.0);
    }
}
