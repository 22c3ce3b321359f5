//! What a couple reads in their first weeks: the calibration scenarios the trust model must meet
//! (stakes 1, no decay, no repair bonus), the certainty words, and a "why" list that adds up.

use proptest::prelude::*;
use steadfast_core::promise::{Effect, Outcome, Severity};
use steadfast_core::record::{Certainty, Params, RecordBook, RecordView, TrackKey, whole_points};
use steadfast_core::{PromiseId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, MS_PER_DAY, T0, plus, stakes};

const P: Params = Params::DEFAULT;

/// The `n`th outcome of A's promises to B, all at stakes 1, a minute apart: no decay to speak of.
fn outcome(n: u128, effect: Effect) -> Outcome {
    Outcome {
        promise: PromiseId::from_uuid(Uuid::from_u128(100 + n)),
        promiser: A,
        receiver: B,
        domain: None,
        stakes: stakes(1),
        when: minute(n),
        effect,
    }
}

fn minute(n: u128) -> Timestamp {
    plus(T0, n as i64 * 60_000)
}

fn breach(severity: u8, deception: bool) -> Effect {
    Effect::Broken {
        severity: Severity::new(severity).unwrap(),
        deception,
    }
}

/// The record after these outcomes, in order, read right after the last one.
fn record(effects: &[Effect]) -> RecordView {
    let mut book = RecordBook::new(P);
    for (n, effect) in effects.iter().enumerate() {
        book.apply(&outcome(n as u128, *effect));
    }
    let key = TrackKey {
        promiser: A,
        receiver: B,
        domain: None,
    };
    book.view(&key, minute(effects.len() as u128))
}

fn kept(n: usize) -> Vec<Effect> {
    vec![Effect::Kept; n]
}

#[test]
fn one_kept_promise_says_between_sixty_and_seventy_percent() {
    let view = record(&kept(1));
    let e = view.opinion.expected;
    assert!((0.6..=0.7).contains(&e), "{e}");
    assert_eq!(view.certainty, Certainty::TooEarly);
}

#[test]
fn a_breach_outweighs_a_kept_promise_of_the_same_stakes() {
    let e = record(&[Effect::Kept, breach(1, false)]).opinion.expected;
    assert!(e < 0.5, "{e}");
}

/// The first week that made a couple stop: one kept, two broken (one hidden), one renegotiated
/// in time. Low, and too early to say anything firm.
#[test]
fn a_hard_first_week_is_low_and_too_early_to_say() {
    let view = record(&[
        Effect::Kept,
        breach(2, false),
        breach(2, true),
        Effect::Renegotiated,
    ]);
    let e = view.opinion.expected;
    assert!((0.15..=0.4).contains(&e), "{e}");
    assert_eq!(view.certainty, Certainty::TooEarly);
    assert!(!view.certainty.shows_estimate());
    assert_eq!((view.kept, view.broken, view.renegotiated), (1, 2, 1));
}

#[test]
fn ten_kept_and_one_broken_stays_at_least_seventy_percent() {
    let mut effects = kept(10);
    effects.push(breach(2, false));
    let e = record(&effects).opinion.expected;
    assert!(e >= 0.7, "{e}");
}

#[test]
fn twenty_kept_promises_say_at_least_eighty_five_percent_and_more_than_too_early() {
    let view = record(&kept(20));
    assert!(view.opinion.expected >= 0.85, "{}", view.opinion.expected);
    assert!(view.certainty > Certainty::TooEarly, "{:?}", view.certainty);
}

#[test]
fn a_grave_deception_after_ten_kept_promises_brings_it_to_at_most_fifty_five_percent() {
    let mut effects = kept(10);
    effects.push(breach(4, true));
    let e = record(&effects).opinion.expected;
    assert!(e <= 0.55, "{e}");
}

#[test]
fn a_renegotiation_accepted_in_time_leaves_the_record_where_it_was() {
    for before in [
        vec![],
        kept(3),
        vec![Effect::Kept, breach(3, true), Effect::Kept],
    ] {
        let without = record(&before).opinion.expected;
        let mut with = before.clone();
        with.push(Effect::Renegotiated);
        let with = record(&with).opinion.expected;
        assert!(
            (with - without).abs() < 0.001,
            "{before:?}: {without} → {with}"
        );
    }
}

#[test]
fn after_a_deception_the_same_kept_promises_recover_less_than_after_a_plain_breach() {
    for run in 1..=15 {
        let mut plain = vec![breach(2, false)];
        let mut hidden = vec![breach(2, true)];
        plain.extend(kept(run));
        hidden.extend(kept(run));
        let (p, h) = (
            record(&plain).opinion.expected,
            record(&hidden).opinion.expected,
        );
        assert!(h < p, "after {run} kept: {h} vs {p}");
    }
}

/// Certainty follows the number of confirmed outcomes, whatever they weigh: four grave breaches
/// are still four outcomes.
#[test]
fn heavy_breaches_do_not_make_the_record_sure() {
    let view = record(&[breach(4, true); 4]);
    assert_eq!(view.certainty, Certainty::TooEarly);
    let words = [
        (5, Certainty::Learning),
        (10, Certainty::TakingShape),
        (20, Certainty::Established),
    ];
    for (n, word) in words {
        assert_eq!(record(&kept(n - 1)).certainty.max(word), word);
        assert_eq!(record(&kept(n)).certainty, word, "{n}");
    }
}

/// Renegotiations are not outcomes the receiver confirmed: they make the record no surer. A
/// promise let go is one.
#[test]
fn let_go_counts_as_an_outcome_and_renegotiation_does_not() {
    let mut effects = kept(4);
    effects.push(Effect::Renegotiated);
    assert_eq!(record(&effects).certainty, Certainty::TooEarly);
    effects.push(Effect::LetGo);
    let view = record(&effects);
    assert_eq!(view.certainty, Certainty::Learning);
    assert_eq!(view.let_go, 1);
}

/// The words fade as the outcomes do: five kept promises half a year ago are too few today.
#[test]
fn certainty_fades_with_the_outcomes() {
    let mut book = RecordBook::new(P);
    for n in 0..5 {
        book.apply(&outcome(n, Effect::Kept));
    }
    let key = TrackKey {
        promiser: A,
        receiver: B,
        domain: None,
    };
    assert_eq!(book.view(&key, minute(5)).certainty, Certainty::Learning);
    let later = plus(T0, 30 * MS_PER_DAY);
    assert_eq!(book.view(&key, later).certainty, Certainty::TooEarly);
}

#[test]
fn the_chart_starts_where_the_record_starts() {
    let view = record(&[Effect::Kept, breach(2, false), breach(2, true)]);
    let first = view.series.first().unwrap();
    assert_eq!(first.expected, P.base_rate);
    assert!(first.lower < P.base_rate && P.base_rate < first.upper);
    let last = view.series.last().unwrap();
    assert_eq!(last.expected, view.opinion.expected);
    assert!(record(&[]).series.is_empty());
}

#[test]
fn whole_points_add_up_to_the_rounded_total() {
    let shares = [0.123_4, -0.333_3, 0.011_1, -0.004_9];
    let total: f64 = shares.iter().sum();
    let points = whole_points(&shares, total);
    assert_eq!(points.iter().sum::<i64>(), (total * 100.0).round() as i64);
    assert_eq!(points, vec![12, -33, 1, -0]);
}

fn any_effect() -> impl Strategy<Value = Effect> {
    prop_oneof![
        4 => Just(Effect::Kept),
        2 => (1..=4u8, any::<bool>()).prop_map(|(s, d)| breach(s, d)),
        1 => Just(Effect::Renegotiated),
        1 => Just(Effect::LetGo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The shares shown and the rest together are the change from the start, exactly; and the
    /// whole points shown beside them add up to the change shown.
    #[test]
    fn the_why_list_adds_up_to_the_change_from_the_start(
        effects in prop::collection::vec((any_effect(), 1..=5u8, 0..200i64), 0..120),
        read_after in 0..400i64,
    ) {
        let mut book = RecordBook::new(P);
        for (n, (effect, stakes_, day)) in effects.iter().enumerate() {
            let mut o = outcome(n as u128, *effect);
            o.stakes = stakes(*stakes_);
            o.when = plus(T0, day * MS_PER_DAY);
            book.apply(&o);
        }
        let key = TrackKey { promiser: A, receiver: B, domain: None };
        let view = book.view(&key, plus(T0, read_after * MS_PER_DAY));
        let change = view.opinion.expected - view.start;
        let shown: f64 = view.why.iter().map(|w| w.impact).sum();
        prop_assert!((shown + view.why_rest - change).abs() < 1e-9);
        let mut shares: Vec<f64> = view.why.iter().map(|w| w.impact).collect();
        shares.push(view.why_rest);
        let points = whole_points(&shares, change);
        prop_assert_eq!(points.iter().sum::<i64>(), (change * 100.0).round() as i64);
        for (p, share) in points.iter().zip(&shares) {
            prop_assert!((*p as f64 - share * 100.0).abs() < 1.0 + 1e-9, "{} vs {}", p, share);
        }
    }
}
