//! The reliability record of a space: per direction (how A's promises to B went, as B confirmed
//! them) and per trust domain, built from promise outcomes and advanced one outcome at a time.

use std::collections::BTreeMap;

use super::evidence::{Certainty, Evidence, Opinion, Weights, quantile};
use super::params::Params;
use crate::id::{PersonId, PromiseId};
use crate::promise::{Effect, Outcome, Stakes, TrustDomain};
use crate::time::Timestamp;

/// How many past outcomes each track keeps to answer "why is it this?". Older, faded ones make
/// way; the evidence itself keeps everything.
const KEPT_MOVES: usize = 64;

/// How many of them a view explains.
pub const WHY_SHOWN: usize = 5;

/// One direction, overall (`domain: None`) or in one trust domain.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TrackKey {
    pub promiser: PersonId,
    pub receiver: PersonId,
    pub domain: Option<TrustDomain>,
}

/// The record's value after a day's evidence, for the chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub at: Timestamp,
    pub expected: f64,
    pub lower: f64,
    pub upper: f64,
}

/// An outcome that moved the record.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    pub promise: PromiseId,
    pub effect: Effect,
    pub stakes: Stakes,
    pub when: Timestamp,
    pub weights: Weights,
}

/// A move and its share of the change from the starting point: taking every outcome in the order
/// it happened, each faded to now, what adding this one did to the expected reliability. The
/// shares of all outcomes add up to `expected − base rate` exactly, so a list of them adds up.
#[derive(Clone, Debug, PartialEq)]
pub struct Why {
    pub moved: Move,
    pub impact: f64,
}

#[derive(Clone, Debug, Default)]
struct Track {
    evidence: Option<Evidence>,
    kept: u32,
    broken: u32,
    let_go: u32,
    renegotiated: u32,
    /// Kept promises per stakes level, 1–5.
    kept_at: [u32; 5],
    series: Vec<Point>,
    moves: Vec<Move>,
    /// When the first outcome happened: where the chart starts, at the base rate.
    started: Option<Timestamp>,
}

/// What one track says now.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordView {
    pub key: TrackKey,
    pub opinion: Opinion,
    pub certainty: Certainty,
    pub kept: u32,
    pub broken: u32,
    pub let_go: u32,
    /// Renegotiations asked for in time and accepted: communication, no evidence either way.
    pub renegotiated: u32,
    /// Where every record starts, knowing nothing: the base rate.
    pub start: f64,
    /// Oldest first: the starting point at the first outcome, then a point a day, ending with
    /// now. Empty while nothing was confirmed.
    pub series: Vec<Point>,
    /// The outcomes with the largest shares of the change from the start, largest first.
    pub why: Vec<Why>,
    /// The shares of every other outcome (smaller, or too old to be remembered one by one),
    /// together: with [`RecordView::why`] they add up to `expected − start`.
    pub why_rest: f64,
    /// A bigger promise the receiver might welcome, when the evidence is strong enough.
    pub ladder: Option<Stakes>,
}

/// Every track of a space's record.
#[derive(Clone, Debug)]
pub struct RecordBook {
    params: Params,
    tracks: BTreeMap<TrackKey, Track>,
    /// When a repair plan was accepted, per promiser: kept promises count more for a while.
    repairs: BTreeMap<PersonId, Vec<Timestamp>>,
}

impl RecordBook {
    pub fn new(params: Params) -> Self {
        Self {
            params,
            tracks: BTreeMap::new(),
            repairs: BTreeMap::new(),
        }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The hook for repair plans: from `accepted`, `promiser`'s kept promises count
    /// [`Params::repair_bonus`] times for [`Params::repair_window`].
    pub fn note_repair_accepted(&mut self, promiser: PersonId, accepted: Timestamp) {
        self.repairs.entry(promiser).or_default().push(accepted);
    }

    /// The evidence an outcome adds.
    pub fn weights(&self, outcome: &Outcome) -> Weights {
        let p = &self.params;
        let stakes = outcome.stakes.get();
        match outcome.effect {
            Effect::Kept => {
                let bonus = self.repairs.get(&outcome.promiser).is_some_and(|starts| {
                    starts.iter().any(|&start| {
                        outcome.when >= start
                            && outcome.when < start.saturating_add(p.repair_window)
                    })
                });
                let factor = if bonus { p.repair_bonus } else { 1.0 };
                Weights {
                    r: p.kept_weight(stakes) * factor,
                    kept: 1.0,
                    ..Weights::ZERO
                }
            }
            Effect::Broken {
                severity,
                deception,
            } => {
                let s = p.breach_weight(stakes, severity.get());
                Weights {
                    s,
                    d: if deception {
                        p.deception_factor * s
                    } else {
                        0.0
                    },
                    missed: 1.0,
                    ..Weights::ZERO
                }
            }
            // Asking in time is a conversation, not a breach: no evidence against, and not an
            // outcome that makes the record surer either.
            Effect::Renegotiated => Weights::ZERO,
            // Let go by the receiver: no evidence either way, but a promise that came to an end.
            Effect::LetGo => Weights {
                missed: 1.0,
                ..Weights::ZERO
            },
        }
    }

    /// Adds an outcome to its direction, overall and in its domain.
    pub fn apply(&mut self, outcome: &Outcome) {
        let weights = self.weights(outcome);
        let overall = TrackKey {
            promiser: outcome.promiser,
            receiver: outcome.receiver,
            domain: None,
        };
        let mut keys = vec![overall.clone()];
        if let Some(domain) = &outcome.domain {
            keys.push(TrackKey {
                domain: Some(domain.clone()),
                ..overall
            });
        }
        for key in keys {
            let params = self.params;
            self.tracks
                .entry(key)
                .or_default()
                .add(outcome, weights, &params);
        }
    }

    /// The trust domains with evidence in a direction, in order.
    pub fn domains(&self, promiser: PersonId, receiver: PersonId) -> Vec<TrustDomain> {
        self.tracks
            .keys()
            .filter(|k| k.promiser == promiser && k.receiver == receiver)
            .filter_map(|k| k.domain.clone())
            .collect()
    }

    /// What the track says as of `now`. A direction without evidence says the base rate, with
    /// full uncertainty.
    pub fn view(&self, key: &TrackKey, now: Timestamp) -> RecordView {
        let empty = Track::default();
        let track = self.tracks.get(key).unwrap_or(&empty);
        let evidence = track
            .evidence
            .unwrap_or_else(|| Evidence::none(now))
            .decayed_to(now, &self.params);
        let opinion = evidence.opinion(&self.params);
        let mut series = Vec::new();
        if let Some(started) = track.started {
            let prior = Evidence::none(started).opinion(&self.params);
            series.push(Point {
                at: started,
                expected: prior.expected,
                lower: prior.lower,
                upper: prior.upper,
            });
            series.extend(thinned(&track.series, now));
            series.push(Point {
                at: now.max(evidence.at),
                expected: opinion.expected,
                lower: opinion.lower,
                upper: opinion.upper,
            });
        }
        let start = self.params.base_rate;
        let certainty = Certainty::of(&evidence, &self.params);
        let why = track.why(&evidence, &self.params);
        let shown: f64 = why.iter().map(|w| w.impact).sum();
        RecordView {
            key: key.clone(),
            opinion,
            certainty,
            kept: track.kept,
            broken: track.broken,
            let_go: track.let_go,
            renegotiated: track.renegotiated,
            start,
            series,
            why,
            why_rest: opinion.expected - start - shown,
            // "Fairly sure" is never said while it is too early to say anything.
            ladder: certainty
                .shows_estimate()
                .then(|| track.ladder(&evidence, &self.params))
                .flatten(),
        }
    }
}

impl Track {
    fn add(&mut self, outcome: &Outcome, weights: Weights, params: &Params) {
        let evidence = self
            .evidence
            .unwrap_or_else(|| Evidence::none(outcome.when))
            .add(weights, outcome.when, params);
        self.evidence = Some(evidence);
        self.started = Some(self.started.map_or(outcome.when, |s| s.min(outcome.when)));
        match outcome.effect {
            Effect::Kept => {
                self.kept += 1;
                let level = usize::from(outcome.stakes.get().saturating_sub(1)).min(4);
                if let Some(count) = self.kept_at.get_mut(level) {
                    *count += 1;
                }
            }
            Effect::Broken { .. } => self.broken += 1,
            Effect::LetGo => self.let_go += 1,
            Effect::Renegotiated => self.renegotiated += 1,
        }
        let opinion = evidence.opinion(params);
        let point = Point {
            at: evidence.at,
            expected: opinion.expected,
            lower: opinion.lower,
            upper: opinion.upper,
        };
        // One point per day is all a chart can show; the day's last value stands for it.
        match self.series.last_mut() {
            Some(last) if same_day(last.at, point.at) => *last = point,
            _ => self.series.push(point),
        }
        self.moves.push(Move {
            promise: outcome.promise,
            effect: outcome.effect,
            stakes: outcome.stakes,
            when: outcome.when,
            weights,
        });
        if self.moves.len() > KEPT_MOVES {
            let faded = self
                .moves
                .iter()
                .enumerate()
                .map(|(i, m)| (i, mass(m, evidence.at, params)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| i);
            if let Some(i) = faded {
                self.moves.remove(i);
            }
        }
    }

    /// Each remembered move's share of the change from the start, in the order the moves
    /// happened (each faded to now); what older, forgotten moves left is the starting
    /// evidence. The largest shares, largest first; moves that carry no evidence are left out.
    fn why(&self, now: &Evidence, params: &Params) -> Vec<Why> {
        let mut moves: Vec<(&Move, Evidence)> = self
            .moves
            .iter()
            .filter(|m| m.weights.r + m.weights.s + m.weights.d > 0.0)
            .map(|m| {
                let faded = Evidence::none(m.when)
                    .add(m.weights, m.when, params)
                    .decayed_to(now.at, params);
                (m, faded)
            })
            .collect();
        moves.sort_by_key(|(m, _)| m.when);
        let mut before = moves
            .iter()
            .fold(*now, |rest, (_, faded)| rest.without(faded));
        let mut whys: Vec<Why> = moves
            .into_iter()
            .map(|(m, faded)| {
                let after = before.with(&faded);
                let impact = after.expected(params) - before.expected(params);
                before = after;
                Why {
                    moved: m.clone(),
                    impact,
                }
            })
            .collect();
        whys.sort_by(|a, b| b.impact.abs().total_cmp(&a.impact.abs()));
        whys.truncate(WHY_SHOWN);
        whys
    }

    fn ladder(&self, now: &Evidence, params: &Params) -> Option<Stakes> {
        let w = params.prior_weight;
        let a = params.base_rate;
        let lower = quantile(
            now.r + w * a,
            now.s + now.d + w * (1.0 - a),
            params.ladder_quantile,
        );
        if lower < params.ladder_min_lower {
            return None;
        }
        // The highest level at which, counting that level and above, enough promises were kept.
        let top = (1..=5u8).rev().find(|&level| {
            let from = usize::from(level - 1);
            self.kept_at
                .get(from..)
                .map_or(0, |c| c.iter().sum::<u32>())
                >= params.ladder_min_kept
        })?;
        Stakes::new(top + 1).ok()
    }
}

/// Shares of a change (each in 0–1 units) as whole percentage points that add up to `total`
/// rounded: each share rounded down, then the points left over go to the shares that lost the
/// most in rounding. So a list of "why" lines adds up to the change it explains.
pub fn whole_points(shares: &[f64], total: f64) -> Vec<i64> {
    let target = (total * 100.0).round() as i64;
    let scaled: Vec<f64> = shares.iter().map(|s| s * 100.0).collect();
    let mut points: Vec<i64> = scaled.iter().map(|s| s.floor() as i64).collect();
    let mut left = target - points.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..scaled.len()).collect();
    // Largest remainder first when points are missing, smallest first when there are too many.
    order.sort_by(|&a, &b| {
        let ra = scaled[a] - scaled[a].floor();
        let rb = scaled[b] - scaled[b].floor();
        rb.total_cmp(&ra)
    });
    if left < 0 {
        order.reverse();
    }
    for i in order.into_iter().cycle().take(scaled.len() * 4) {
        if left == 0 {
            break;
        }
        let step = left.signum();
        points[i] += step;
        left -= step;
    }
    points
}

/// How much a move still weighs, for choosing which to forget.
fn mass(m: &Move, now: Timestamp, params: &Params) -> f64 {
    let faded = Evidence::none(m.when)
        .add(m.weights, m.when, params)
        .decayed_to(now, params);
    faded.r + faded.s + faded.d
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn same_day(a: Timestamp, b: Timestamp) -> bool {
    a.as_millis().div_euclid(DAY_MS) == b.as_millis().div_euclid(DAY_MS)
}

/// The series as a chart wants it: a point a day for the last 90 days, a point a week for the
/// rest of the last year and a point a month before that, each the last of its period. So a
/// chart of decades stays a few hundred points, and its cost does not grow with history.
fn thinned(series: &[Point], now: Timestamp) -> Vec<Point> {
    let today = now.as_millis().div_euclid(DAY_MS);
    let period = |point: &Point| {
        let day = point.at.as_millis().div_euclid(DAY_MS);
        match today - day {
            ..=90 => (0, day),
            91..=365 => (1, day.div_euclid(7)),
            _ => (2, day.div_euclid(30)),
        }
    };
    let mut kept: Vec<Point> = Vec::with_capacity(series.len().min(512));
    let mut last_period = None;
    for point in series {
        let this = period(point);
        if last_period == Some(this) {
            if let Some(last) = kept.last_mut() {
                *last = *point;
            }
        } else {
            kept.push(*point);
            last_period = Some(this);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: i64) -> Point {
        Point {
            at: Timestamp::from_millis(day * DAY_MS + 1),
            expected: day as f64,
            lower: 0.0,
            upper: 1.0,
        }
    }

    #[test]
    fn recent_days_stay_whole_and_older_ones_thin_to_the_last_of_each_period() {
        let today = 20_000;
        let now = Timestamp::from_millis(today * DAY_MS);
        let series: Vec<Point> = (today - 3_000..=today).map(point).collect();
        let thinned = thinned(&series, now);

        let days: Vec<i64> = thinned.iter().map(|p| p.expected as i64).collect();
        // Every one of the last 91 days (ages 0 to 90) is there.
        assert!(days.ends_with(&(today - 90..=today).collect::<Vec<_>>()));
        // Fewer than 91 + 40 weeks + 90 months of points, oldest first.
        assert!(thinned.len() < 91 + 40 + 90, "{}", thinned.len());
        assert!(days.windows(2).all(|w| w[0] < w[1]));
        // The newest point of the whole history before the daily part is kept as it was.
        assert!(days.contains(&(today - 91)));
    }

    #[test]
    fn a_short_history_is_not_thinned() {
        let now = Timestamp::from_millis(500 * DAY_MS);
        let series: Vec<Point> = (430..=500).step_by(3).map(point).collect();
        assert_eq!(thinned(&series, now), series);
    }
}
