//! Ritual schedules across daylight-saving changes, year ends and time zones: the wall time in
//! the schedule's zone is what stays put; the UTC offset moves under it.

use jiff::civil::{Date, date};
use proptest::prelude::*;
use steadfast_core::Timestamp;
use steadfast_core::ritual::{EveryWeeks, Minutes, Schedule, StartTime, Weekdays};
use steadfast_core::space::ZoneName;

fn schedule(days: &[&str], start: &str, every: u8, first: Date, zone: &str) -> Schedule {
    Schedule {
        weekdays: Weekdays::parse(days.iter().copied()).unwrap(),
        start: StartTime::parse(start).unwrap(),
        every: EveryWeeks::new(every).unwrap(),
        duration: Minutes::new(60).unwrap(),
        first_date: first,
        zone: ZoneName::parse(zone).unwrap(),
    }
}

/// An instant written as RFC 3339.
fn at(text: &str) -> Timestamp {
    let instant: jiff::Timestamp = text.parse().unwrap();
    Timestamp::from_millis(instant.as_millisecond())
}

fn zoned(t: Timestamp, zone: &str) -> jiff::Zoned {
    jiff::Timestamp::from_millisecond(t.as_millis())
        .unwrap()
        .in_tz(zone)
        .unwrap()
}

fn utc(t: Timestamp) -> String {
    jiff::Timestamp::from_millisecond(t.as_millis())
        .unwrap()
        .to_string()
}

fn starts(s: &Schedule, from: &str, to: &str) -> Vec<Timestamp> {
    s.occurrences(at(from), at(to)).map(|o| o.start).collect()
}

#[test]
fn weekly_at_seven_stays_seven_local_across_both_changes_in_warsaw() {
    let s = schedule(&["fri"], "19:00", 1, date(2026, 3, 1), "Europe/Warsaw");
    let all = starts(&s, "2026-03-01T00:00:00Z", "2026-12-01T00:00:00Z");
    assert_eq!(all.len(), 39);
    for start in &all {
        let local = zoned(*start, "Europe/Warsaw");
        assert_eq!((local.hour(), local.minute()), (19, 0), "{}", utc(*start));
        assert_eq!(local.weekday(), jiff::civil::Weekday::Friday);
    }
    // Winter time (UTC+1) before 29 March, summer time (UTC+2) until 25 October, winter again.
    assert_eq!(utc(all[3]), "2026-03-27T18:00:00Z");
    assert_eq!(utc(all[4]), "2026-04-03T17:00:00Z");
    assert_eq!(utc(all[33]), "2026-10-23T17:00:00Z");
    assert_eq!(utc(all[34]), "2026-10-30T18:00:00Z");
}

#[test]
fn weekly_at_seven_stays_seven_local_across_both_changes_in_new_york() {
    let s = schedule(&["sat"], "19:00", 1, date(2026, 3, 1), "America/New_York");
    let all = starts(&s, "2026-03-01T00:00:00Z", "2026-11-15T00:00:00Z");
    for start in &all {
        let local = zoned(*start, "America/New_York");
        assert_eq!((local.hour(), local.minute()), (19, 0), "{}", utc(*start));
    }
    // EST (UTC−5) until 8 March, EDT (UTC−4) until 1 November.
    assert_eq!(utc(all[0]), "2026-03-08T00:00:00Z");
    assert_eq!(utc(all[1]), "2026-03-14T23:00:00Z");
    let last_summer = all
        .iter()
        .position(|t| utc(*t) == "2026-10-31T23:00:00Z")
        .unwrap();
    assert_eq!(utc(all[last_summer + 1]), "2026-11-08T00:00:00Z");
}

#[test]
fn a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() {
    // 29 March 2026 in Warsaw: 02:00 jumps to 03:00, so 02:30 does not exist that night.
    let s = schedule(&["sun"], "02:30", 1, date(2026, 3, 22), "Europe/Warsaw");
    let all = starts(&s, "2026-03-21T00:00:00Z", "2026-04-06T00:00:00Z");
    assert_eq!(
        all.iter().map(|t| utc(*t)).collect::<Vec<_>>(),
        [
            "2026-03-22T01:30:00Z", // 02:30 CET
            "2026-03-29T01:30:00Z", // 03:30 CEST: moved forward by the hour skipped
            "2026-04-05T00:30:00Z", // 02:30 CEST
        ]
    );
    let moved = zoned(all[1], "Europe/Warsaw");
    assert_eq!((moved.hour(), moved.minute()), (3, 30));
    assert_eq!(s.next_after(at("2026-03-28T12:00:00Z")), Some(all[1]));
}

#[test]
fn a_time_in_the_autumn_fold_takes_the_first_of_the_two_instants() {
    // 25 October 2026 in Warsaw: 03:00 falls back to 02:00, so 02:30 happens twice.
    let s = schedule(&["sun"], "02:30", 1, date(2026, 10, 18), "Europe/Warsaw");
    let all = starts(&s, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z");
    assert_eq!(all.len(), 1, "once, not twice");
    assert_eq!(utc(all[0]), "2026-10-25T00:30:00Z", "still on summer time");
    assert_eq!(zoned(all[0], "Europe/Warsaw").offset().seconds(), 7200);
}

#[test]
fn every_second_week_keeps_its_parity_across_the_year_end() {
    // 2026 has 53 ISO weeks: a rule that counted week numbers within a year would slip here.
    let s = schedule(
        &["mon", "thu"],
        "18:30",
        2,
        date(2026, 12, 14),
        "Europe/Warsaw",
    );
    let days: Vec<String> = starts(&s, "2026-12-01T00:00:00Z", "2027-02-01T00:00:00Z")
        .into_iter()
        .map(|t| zoned(t, "Europe/Warsaw").date().to_string())
        .collect();
    assert_eq!(
        days,
        [
            "2026-12-14",
            "2026-12-17",
            "2026-12-28",
            "2026-12-31",
            "2027-01-11",
            "2027-01-14",
            "2027-01-25",
            "2027-01-28",
        ]
    );
}

#[test]
fn nothing_happens_before_the_first_date() {
    let s = schedule(&["mon"], "10:00", 1, date(2026, 12, 14), "UTC");
    assert_eq!(
        s.next_after(at("2026-01-01T00:00:00Z")),
        Some(at("2026-12-14T10:00:00Z"))
    );
    assert!(starts(&s, "2026-12-01T00:00:00Z", "2026-12-14T09:59:00Z").is_empty());
}

#[test]
fn partners_in_two_zones_see_the_same_instant_in_their_own_local_time() {
    let s = schedule(&["fri"], "20:00", 1, date(2026, 1, 1), "Europe/Warsaw");
    let next = s.next_after(at("2026-11-28T12:00:00Z")).unwrap();
    let in_warsaw = zoned(next, "Europe/Warsaw");
    let in_new_york = zoned(next, "America/New_York");
    assert_eq!(in_warsaw.timestamp(), in_new_york.timestamp());
    assert_eq!(
        in_warsaw.strftime("%Y-%m-%d %H:%M").to_string(),
        "2026-12-04 20:00"
    );
    assert_eq!(
        in_new_york.strftime("%Y-%m-%d %H:%M").to_string(),
        "2026-12-04 14:00"
    );
    // In spring the two zones change on different dates: the gap between them is briefly 5
    // hours, and the Warsaw wall time still wins.
    let march = s.next_after(at("2026-03-10T00:00:00Z")).unwrap();
    assert_eq!(zoned(march, "Europe/Warsaw").hour(), 20);
    assert_eq!(zoned(march, "America/New_York").hour(), 15);
}

const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Warsaw",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Santiago",
];

fn any_schedule() -> impl Strategy<Value = Schedule> {
    (
        1u8..128,
        0u8..24,
        0u8..60,
        1u8..=4,
        5u16..=720,
        0i64..3650,
        0usize..ZONES.len(),
    )
        .prop_map(|(bits, hour, minute, every, minutes, first, zone)| {
            let days = (0..7i8)
                .filter(|i| bits & (1 << i) != 0)
                .map(|i| jiff::civil::Weekday::from_monday_zero_offset(i).unwrap());
            Schedule {
                weekdays: Weekdays::new(days).unwrap(),
                start: StartTime::new(hour, minute).unwrap(),
                every: EveryWeeks::new(every).unwrap(),
                duration: Minutes::new(minutes).unwrap(),
                first_date: date(2020, 1, 1)
                    .checked_add(jiff::Span::new().days(first))
                    .unwrap(),
                zone: ZoneName::parse(ZONES[zone]).unwrap(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn occurrences_increase_fall_on_chosen_days_and_agree_with_next_after(
        s in any_schedule(),
        from_days in 0i64..4000,
        offset in 0i64..86_400_000,
    ) {
        let from = Timestamp::from_millis(1_577_836_800_000 + from_days * 86_400_000 + offset);
        let to = from.saturating_add(std::time::Duration::from_secs(70 * 86_400));
        let all: Vec<_> = s.occurrences(from, to).collect();
        for pair in all.windows(2) {
            prop_assert!(pair[0].start < pair[1].start);
        }
        for occurrence in &all {
            prop_assert!(from <= occurrence.start && occurrence.start < to);
            prop_assert_eq!(
                occurrence.end.as_millis() - occurrence.start.as_millis(),
                i64::from(s.duration.get()) * 60_000
            );
            let local = jiff::Timestamp::from_millisecond(occurrence.start.as_millis())
                .unwrap()
                .to_zoned(s.zone.zone().clone());
            prop_assert!(s.weekdays.contains(local.weekday()), "{local}");
            prop_assert!(local.date() >= s.first_date);
            // The wall time, or later by a gap's length when it fell in one.
            let wall = local.date().at(s.start.hour(), s.start.minute(), 0, 0);
            prop_assert!(local.datetime() >= wall);
            prop_assert!(local.datetime() <= wall + jiff::Span::new().hours(1));
            let just_before = Timestamp::from_millis(occurrence.start.as_millis() - 1);
            prop_assert_eq!(s.next_after(just_before), Some(occurrence.start));
        }
        let first_after = s.occurrences(Timestamp::from_millis(from.as_millis() + 1), to)
            .next()
            .map(|o| o.start);
        if let Some(expected) = first_after {
            prop_assert_eq!(s.next_after(from), Some(expected));
        } else {
            // Nothing in a 70-day window: the ritual starts later than that.
            prop_assert!(s.next_after(from).is_none_or(|next| next >= to));
        }
    }
}
