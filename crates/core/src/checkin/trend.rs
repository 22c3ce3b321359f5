//! Felt trust over the weeks, and whether it has reliably changed.
//!
//! Each check-in gives each partner's felt trust: the mean of their nine items (0–6), and the
//! mean of each facet's three. A viewer's trend holds their own from each of their submissions,
//! and their partner's only where it was revealed to them (once both submitted).
//!
//! **Reliable change** after Jacobson & Truax (1991): `RCI = (latest − first) / S_diff`, with
//! `S_diff = √2 · SE` and `SE = SD · √(1 − r)`. A change with `RCI ≥ 1.96` is larger than the
//! scale's own noise would make it 95 % of the time. The nine items are ours and new, so `SD` and
//! `r` are not measured: [`RciParams::DEFAULT`] states our assumption, in one place.
//!
//! **Stuck**: after [`RciParams::stuck_after`] completed check-ins with no reliable improvement
//! for either partner, a gentle suggestion to see a couples therapist.

use super::answers::FeltTrust;
use super::lifecycle::Checkin;
use crate::id::{CheckinId, PersonId};
use crate::time::Timestamp;

/// The assumptions behind the reliable-change indicator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RciParams {
    /// The spread of felt trust between people, in points of the 0–6 scale.
    pub sd: f64,
    /// The scale's reliability (test–retest or internal consistency), 0–1.
    pub reliability: f64,
    /// The RCI at or above which a change counts as reliable.
    pub threshold: f64,
    /// How many completed check-ins before "stuck" may be said.
    pub stuck_after: usize,
}

impl RciParams {
    /// Our assumption for the nine items, until data of our own says otherwise: a spread of one
    /// point (a seven-point scale's items typically spread 1–1.5 points; the mean of nine
    /// spreads less) and a reliability of 0.85 (typical of short trust scales of this kind).
    /// With these, a reliable change is one of about 1.07 points or more.
    pub const DEFAULT: RciParams = RciParams {
        sd: 1.0,
        reliability: 0.85,
        threshold: 1.96,
        stuck_after: 4,
    };

    /// The standard error of the difference between two scores.
    pub fn s_diff(&self) -> f64 {
        let se = self.sd * (1.0 - self.reliability).max(0.0).sqrt();
        (2.0 * se * se).sqrt()
    }

    /// `(latest − first) / S_diff`.
    pub fn rci(&self, first: f64, latest: f64) -> f64 {
        (latest - first) / self.s_diff()
    }

    pub fn is_reliable_improvement(&self, rci: f64) -> bool {
        rci >= self.threshold
    }

    pub fn is_reliable_worsening(&self, rci: f64) -> bool {
        rci <= -self.threshold
    }
}

/// One check-in on the trend: completed, or submitted by the viewer and waiting for the partner.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    pub checkin: CheckinId,
    /// When the last partner submitted; while the partner has not, when the viewer did.
    pub at: Timestamp,
    /// Both have submitted.
    pub complete: bool,
    pub mine: Option<FeltTrust>,
    /// Only when revealed to the viewer.
    pub partner: Option<FeltTrust>,
}

/// Where one person's felt trust went from the first completed check-in to the latest.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub first: f64,
    pub latest: f64,
    pub rci: f64,
    pub improved: bool,
    pub worsened: bool,
}

/// The viewer's trend.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    /// The viewer's submitted check-ins of their current pairing, oldest first.
    pub points: Vec<TrendPoint>,
    pub mine: Option<Change>,
    pub partner: Option<Change>,
    /// Enough check-ins, and neither partner reliably better.
    pub stuck: bool,
}

fn change_of(values: &[f64], params: &RciParams) -> Option<Change> {
    let (&first, &latest) = (values.first()?, values.last()?);
    let rci = params.rci(first, latest);
    Some(Change {
        first,
        latest,
        rci,
        improved: params.is_reliable_improvement(rci),
        worsened: params.is_reliable_worsening(rci),
    })
}

/// Whether `completed` check-ins with these series (one per partner, the mean felt trust of each
/// check-in, oldest first) mean the couple is stuck: at least `stuck_after` of them, and no
/// series reliably improved.
pub fn is_stuck(completed: usize, series: &[&[f64]], params: &RciParams) -> bool {
    completed >= params.stuck_after
        && !series
            .iter()
            .any(|values| change_of(values, params).is_some_and(|change| change.improved))
}

/// The trend `viewer` may see with their current `partner`, from the check-ins of their ledger.
pub fn trend<'a>(
    viewer: PersonId,
    partner: Option<PersonId>,
    checkins: impl IntoIterator<Item = &'a Checkin>,
    params: &RciParams,
) -> Trend {
    let mut points: Vec<TrendPoint> = checkins
        .into_iter()
        .filter(|c| c.is_current_for(viewer, partner))
        .filter_map(|c| {
            let own = c.side(viewer).and_then(|s| s.submitted_at);
            let at = c.completed_at().or(own)?;
            let mine = c.side(viewer).and_then(|s| {
                s.answers
                    .as_ref()
                    .or(s.revealed.as_ref())
                    .and_then(|a| a.felt())
            });
            let theirs = partner
                .and_then(|p| c.side(p))
                .and_then(|s| s.revealed.as_ref())
                .and_then(|a| a.felt());
            Some(TrendPoint {
                checkin: c.id,
                at,
                complete: c.is_complete(),
                mine,
                partner: theirs,
            })
        })
        .collect();
    points.sort_by_key(|p| p.at);
    let mine: Vec<f64> = points
        .iter()
        .filter_map(|p| p.mine.map(|f| f.mean))
        .collect();
    let theirs: Vec<f64> = points
        .iter()
        .filter_map(|p| p.partner.map(|f| f.mean))
        .collect();
    let completed = points.iter().filter(|p| p.complete).count();
    let stuck = is_stuck(completed, &[&mine, &theirs], params);
    Trend {
        mine: change_of(&mine, params),
        partner: change_of(&theirs, params),
        points,
        stuck,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const P: RciParams = RciParams::DEFAULT;

    #[test]
    fn s_diff_follows_jacobson_and_truax() {
        // SE = 1·√0.15; S_diff = √(2·0.15) = √0.3.
        assert!((P.s_diff() - 0.3f64.sqrt()).abs() < 1e-12);
        assert!((P.rci(2.0, 2.0 + 0.3f64.sqrt()) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn improvement_is_reliable_at_the_threshold_and_not_just_below() {
        assert!(P.is_reliable_improvement(1.96));
        assert!(!P.is_reliable_improvement(1.959_999));
        assert!(P.is_reliable_worsening(-1.96));
        assert!(!P.is_reliable_worsening(-1.959_999));
        // In points of the scale: just above and just below 1.96 · S_diff.
        let edge = 1.96 * P.s_diff();
        assert!(P.is_reliable_improvement(P.rci(2.0, 2.0 + edge + 1e-9)));
        assert!(!P.is_reliable_improvement(P.rci(2.0, 2.0 + edge - 1e-9)));
    }

    #[test]
    fn stuck_needs_four_check_ins_without_reliable_improvement() {
        let flat = [3.0, 3.1, 2.9, 3.0];
        assert!(
            !is_stuck(3, &[&flat[..3], &flat[..3]], &P),
            "three is too early"
        );
        assert!(is_stuck(4, &[&flat, &flat], &P), "four flat check-ins");
        let better = [3.0, 3.5, 4.0, 4.2];
        assert!(!is_stuck(4, &[&flat, &better], &P), "one partner improved");
        let just_short = [3.0, 3.0, 3.0, 3.0 + 1.96 * P.s_diff() - 1e-6];
        assert!(is_stuck(4, &[&just_short], &P));
        let just_there = [3.0, 3.0, 3.0, 3.0 + 1.96 * P.s_diff() + 1e-6];
        assert!(!is_stuck(4, &[&just_there], &P));
    }

    proptest! {
        #[test]
        fn rci_is_antisymmetric_and_zero_without_change(a in 0.0f64..=6.0, b in 0.0f64..=6.0) {
            prop_assert!((P.rci(a, b) + P.rci(b, a)).abs() < 1e-9);
            prop_assert!(P.rci(a, a).abs() < 1e-12);
            prop_assert!(!(P.is_reliable_improvement(P.rci(a, b)) && P.is_reliable_worsening(P.rci(a, b))));
        }

        #[test]
        fn fewer_than_four_check_ins_are_never_stuck(
            values in proptest::collection::vec(0.0f64..=6.0, 0..4)
        ) {
            prop_assert!(!is_stuck(values.len(), &[&values], &P));
        }

        #[test]
        fn a_reliable_rise_for_either_partner_is_never_stuck(
            mut values in proptest::collection::vec(0.0f64..=4.0, 4..12),
            flat in 0.0f64..=6.0,
        ) {
            let first = values[0];
            if let Some(last) = values.last_mut() {
                *last = first + 1.96 * P.s_diff() + 0.01;
            }
            let other = vec![flat; values.len()];
            prop_assert!(!is_stuck(values.len(), &[&other, &values], &P));
        }
    }
}
