//! The safety check and the pause: joint steps wait for both partners' first answers, a worrying
//! answer or a plain pause from either holds them back from the space's next start of a day for
//! at least a day, only the person who paused lifts it, and each partner's view is the same
//! whichever of them paused.

use proptest::prelude::*;
use steadfast_core::repair::safety::day_start_after;
use steadfast_core::repair::{Joint, SafetyAct, SafetyAnswer, SafetyEvent, SafetyView};
use steadfast_core::space::{Member, ZoneEvent, ZoneName};
use steadfast_core::{EventId, Ledger, PersonId, Timestamp};
use uuid::Uuid;

use crate::support::{A, B, Log, MS_PER_DAY, couple, day, plus};

const CALM: SafetyAnswer = SafetyAnswer {
    afraid: false,
    pressured: false,
    unsafe_now: false,
};

const AFRAID: SafetyAnswer = SafetyAnswer {
    afraid: true,
    ..CALM
};

const HOUR: i64 = 60 * 60 * 1000;

/// The support clock's day 0 is midnight UTC, so in UTC a day starts at `day(n) + 4 h`.
fn day_start(n: f64) -> Timestamp {
    plus(day(n), 4 * HOUR)
}

fn ledger(log: &Log, viewer: PersonId, members: &[Member]) -> Ledger {
    let mut ledger = Ledger::new(viewer);
    ledger.advance(&log.events, members);
    ledger
}

/// `by` takes `act` at `at`, as the use case would: decided on their own fold, then logged.
fn act(
    log: &mut Log,
    by: PersonId,
    act: SafetyAct,
    at: Timestamp,
    members: &[Member],
) -> SafetyEvent {
    let event = ledger(log, by, members).decide_safety(act, members, at);
    let n = log.events.len() as u128 + 1;
    log.append(event.into_event(EventId::from_uuid(Uuid::from_u128(70_000 + n)), by, at));
    event
}

fn view(log: &Log, viewer: PersonId, members: &[Member], now: Timestamp) -> SafetyView {
    ledger(log, viewer, members).safety(members, now)
}

fn joint(log: &Log, viewer: PersonId, members: &[Member], now: Timestamp) -> Joint {
    view(log, viewer, members, now).joint
}

/// Both partners answered calmly on day 0, so joint work goes ahead.
fn calm_couple() -> (Log, Vec<Member>) {
    let members = couple();
    let mut log = Log::new();
    act(&mut log, A, SafetyAct::Answered(CALM), day(0.1), &members);
    act(&mut log, B, SafetyAct::Answered(CALM), day(0.2), &members);
    (log, members)
}

#[test]
fn joint_steps_begin_as_soon_as_both_have_answered_calmly() {
    let members = couple();
    let mut log = Log::new();
    assert_eq!(
        joint(&log, A, &members, day(0.0)),
        Joint::Paused,
        "nobody answered"
    );
    act(&mut log, A, SafetyAct::Answered(CALM), day(0.1), &members);
    assert_eq!(
        joint(&log, B, &members, day(0.1)),
        Joint::Paused,
        "one answered"
    );
    // Saying "ready to go on" is not answering the questions.
    act(&mut log, B, SafetyAct::GoOn, day(0.15), &members);
    assert_eq!(joint(&log, B, &members, day(3.0)), Joint::Paused);
    let first = act(&mut log, B, SafetyAct::Answered(CALM), day(0.2), &members);
    assert_eq!(first.from, Some(day(0.2)), "a first answer counts at once");
    assert_eq!(joint(&log, A, &members, day(0.2)), Joint::Ready);
    assert_eq!(joint(&log, B, &members, day(0.2)), Joint::Ready);
    assert!(view(&log, A, &members, day(0.2)).answered);
}

#[test]
fn a_worrying_answer_or_a_plain_pause_holds_both_back_from_the_next_morning_for_a_day() {
    for paused_by in [A, B] {
        let other = if paused_by == A { B } else { A };
        for holding in [SafetyAct::Answered(AFRAID), SafetyAct::Pause] {
            let (mut log, members) = calm_couple();
            let asked = plus(day(2.0), 15 * HOUR);
            let event = act(&mut log, paused_by, holding, asked, &members);
            assert_eq!(event.from, Some(day_start(3.0)), "the next start of a day");
            for viewer in [A, B] {
                assert_eq!(joint(&log, viewer, &members, asked), Joint::Ready);
                assert_eq!(
                    joint(&log, viewer, &members, plus(day_start(3.0), -1)),
                    Joint::Ready,
                    "not before the morning"
                );
                assert_eq!(joint(&log, viewer, &members, day_start(3.0)), Joint::Paused);
            }
            // The other's calm answer or "go on" does not lift it.
            act(
                &mut log,
                other,
                SafetyAct::Answered(CALM),
                plus(day(3.0), 9 * HOUR),
                &members,
            );
            act(
                &mut log,
                other,
                SafetyAct::GoOn,
                plus(day(3.0), 10 * HOUR),
                &members,
            );
            assert_eq!(joint(&log, other, &members, day(10.0)), Joint::Paused);
            // Going on an hour after it began waits for the following morning: a day at least.
            let lift = act(
                &mut log,
                paused_by,
                SafetyAct::GoOn,
                plus(day_start(3.0), HOUR),
                &members,
            );
            assert_eq!(lift.from, Some(day_start(4.0)));
            assert_eq!(
                joint(&log, A, &members, plus(day_start(4.0), -1)),
                Joint::Paused
            );
            assert_eq!(joint(&log, A, &members, day_start(4.0)), Joint::Ready);
            assert_eq!(joint(&log, B, &members, day_start(4.0)), Joint::Ready);
        }
    }
}

#[test]
fn a_pause_taken_back_before_the_morning_never_shows() {
    let (mut log, members) = calm_couple();
    act(
        &mut log,
        B,
        SafetyAct::Pause,
        plus(day(2.0), 20 * HOUR),
        &members,
    );
    let back = act(
        &mut log,
        B,
        SafetyAct::GoOn,
        plus(day(2.0), 21 * HOUR),
        &members,
    );
    assert_eq!(
        back.from,
        Some(day_start(3.0)),
        "it joins the waiting change"
    );
    for hours in 0..72 {
        let now = plus(day(2.0), hours * HOUR);
        assert_eq!(joint(&log, A, &members, now), Joint::Ready, "hour {hours}");
    }
}

#[test]
fn time_never_lifts_a_pause() {
    let (mut log, members) = calm_couple();
    act(&mut log, A, SafetyAct::Pause, day(1.5), &members);
    assert_eq!(joint(&log, B, &members, day(400.0)), Joint::Paused);
}

#[test]
fn the_morning_is_the_space_s_own() {
    let members = couple();
    let mut log = Log::new();
    let warsaw = ZoneName::parse("Europe/Warsaw").unwrap();
    log.append(
        ZoneEvent {
            zone: warsaw.clone(),
        }
        .into_event(EventId::from_uuid(Uuid::from_u128(69_999)), A, day(0.0)),
    );
    act(&mut log, A, SafetyAct::Answered(CALM), day(0.1), &members);
    act(&mut log, B, SafetyAct::Answered(CALM), day(0.2), &members);
    let event = act(
        &mut log,
        B,
        SafetyAct::Pause,
        plus(day(2.0), 12 * HOUR),
        &members,
    );
    // 30 December is winter: Warsaw is an hour ahead of UTC, so its 04:00 is 03:00 UTC.
    assert_eq!(event.from, Some(plus(day(3.0), 3 * HOUR)));
    // The night the clocks go forward (30 March 2025) still has a start of the day.
    let before_spring = Timestamp::from_millis(1_743_292_800_000); // 2025-03-30T00:00Z
    let start = day_start_after(&warsaw, before_spring);
    assert_eq!(
        start.as_millis(),
        1_743_292_800_000 + 2 * HOUR,
        "04:00 CEST is 02:00 UTC"
    );
}

#[test]
fn changing_the_time_zone_does_not_shorten_a_pause() {
    let (mut log, members) = calm_couple();
    act(
        &mut log,
        B,
        SafetyAct::Pause,
        plus(day(2.0), 12 * HOUR),
        &members,
    );
    // In force from 04:00 UTC on day 3; then the zone moves to one where the next 04:00 comes
    // only an hour or so later.
    log.append(
        ZoneEvent {
            zone: ZoneName::parse("Asia/Kolkata").unwrap(),
        }
        .into_event(
            EventId::from_uuid(Uuid::from_u128(69_998)),
            A,
            plus(day_start(3.0), HOUR),
        ),
    );
    let lift = act(
        &mut log,
        B,
        SafetyAct::GoOn,
        plus(day_start(3.0), 2 * HOUR),
        &members,
    );
    let held = lift.from.unwrap().as_millis() - day_start(3.0).as_millis();
    assert!(held >= 22 * HOUR, "held only {} hours", held / HOUR);
}

#[test]
fn answers_from_before_the_pairing_and_solo_spaces_do_not_count() {
    let members = vec![
        Member {
            person: A,
            joined: day(0.0),
            left: None,
        },
        Member {
            person: B,
            joined: day(5.0),
            left: None,
        },
    ];
    let mut log = Log::new();
    act(
        &mut log,
        A,
        SafetyAct::Answered(CALM),
        day(1.0),
        &members[..1],
    );
    act(&mut log, B, SafetyAct::Answered(CALM), day(6.0), &members);
    assert_eq!(joint(&log, A, &members, day(6.0)), Joint::Paused);
    assert!(!view(&log, A, &members, day(6.0)).answered);
    act(&mut log, A, SafetyAct::Answered(CALM), day(6.5), &members);
    assert_eq!(joint(&log, B, &members, day(6.5)), Joint::Ready);
    assert_eq!(
        joint(&log, A, &members[..1], day(6.5)),
        Joint::Paused,
        "alone"
    );
}

#[test]
fn the_payload_carries_each_act_and_old_answers_still_read() {
    for act in [
        SafetyAct::Answered(AFRAID),
        SafetyAct::Pause,
        SafetyAct::GoOn,
    ] {
        let event = SafetyEvent {
            act,
            from: Some(day(1.0)),
        };
        let back: SafetyEvent =
            serde_json::from_value(serde_json::to_value(event).unwrap()).unwrap();
        assert_eq!(back, event);
    }
    let old: SafetyEvent =
        serde_json::from_str(r#"{"afraid":false,"pressured":true,"unsafe_now":false}"#).unwrap();
    assert_eq!(old.from, None);
    assert!(serde_json::from_str::<SafetyEvent>(r#"{"afraid":false,"pause":true}"#).is_err());
    assert!(serde_json::from_str::<SafetyEvent>("{}").is_err());
}

fn any_holding() -> impl Strategy<Value = SafetyAct> {
    prop_oneof![
        Just(SafetyAct::Pause),
        any::<(bool, bool)>().prop_map(|(pressured, unsafe_now)| SafetyAct::Answered(
            SafetyAnswer {
                afraid: !pressured && !unsafe_now,
                pressured,
                unsafe_now,
            }
        )),
    ]
}

fn any_act() -> impl Strategy<Value = SafetyAct> {
    prop_oneof![
        any_holding(),
        Just(SafetyAct::GoOn),
        Just(SafetyAct::Answered(CALM)),
    ]
}

proptest! {
    /// Whatever one partner does on the safety page, and whenever, each partner's view at every
    /// hour is the same as if the other had done exactly the same.
    #[test]
    fn each_partner_sees_the_same_whichever_of_them_paused(
        acts in prop::collection::vec((any_act(), 0..(20 * 24i64)), 1..8),
    ) {
        let mut timeline: Vec<(SafetyAct, Timestamp)> = acts
            .into_iter()
            .map(|(act, hour)| (act, plus(day(1.0), hour * HOUR)))
            .collect();
        timeline.sort_by_key(|&(_, at)| at);
        let by = |actor: PersonId| {
            let (mut log, members) = calm_couple();
            for &(what, at) in &timeline {
                act(&mut log, actor, what, at, &members);
            }
            (log, members)
        };
        let (by_a, members) = by(A);
        let (by_b, _) = by(B);
        for viewer in [A, B] {
            let (seen_a, seen_b) = (ledger(&by_a, viewer, &members), ledger(&by_b, viewer, &members));
            for hour in 0..(24 * 24) {
                let now = plus(day(1.0), hour * HOUR);
                prop_assert_eq!(
                    seen_a.safety(&members, now),
                    seen_b.safety(&members, now),
                    "viewer {:?} at hour {}", viewer, hour
                );
            }
        }
    }

    /// A pause, once in force, lasts at least a day and begins and ends only at a start of a day.
    #[test]
    fn the_pause_changes_only_at_the_start_of_a_day_and_lasts_a_day(
        acts in prop::collection::vec((any_act(), 0..(20 * 24i64)), 1..10),
    ) {
        let (mut log, members) = calm_couple();
        let mut acts: Vec<(SafetyAct, Timestamp)> = acts
            .into_iter()
            .map(|(what, hour)| (what, plus(day(1.0), hour * HOUR)))
            .collect();
        acts.sort_by_key(|&(_, at)| at);
        for &(what, at) in &acts {
            act(&mut log, B, what, at, &members);
        }
        let seen = ledger(&log, A, &members);
        let mut last_change = day(0.2);
        let mut was = seen.safety(&members, day(1.0)).joint;
        for minute in 0..(24 * 24 * 4) {
            let now = plus(day(1.0), minute * 15 * 60 * 1000);
            let is = seen.safety(&members, now).joint;
            if is != was {
                prop_assert_eq!(now.as_millis().rem_euclid(MS_PER_DAY), 4 * HOUR, "at {:?}", now);
                prop_assert!(now.as_millis() - last_change.as_millis() >= 22 * HOUR);
                last_change = now;
                was = is;
            }
        }
    }
}
