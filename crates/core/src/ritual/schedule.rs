//! When a ritual happens: on some weekdays, at a wall-clock time, every N weeks from a first
//! date, in a time zone. Occurrences are computed, never stored, so a change of schedule or of
//! the zone's rules takes effect everywhere at once.
//!
//! Wall times are resolved in the schedule's own zone by jiff, with the "compatible" rule of
//! RFC 5545 and most calendar apps:
//!
//! - a time that does not exist that day (the spring-forward gap: 02:30 in Warsaw on the last
//!   Sunday of March) moves forward by the length of the gap (to 03:30);
//! - a time that happens twice (the autumn fold: 02:30 on the last Sunday of October) is the
//!   first of the two instants (the one still on summer time).

use std::fmt;

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::space::ZoneName;
use crate::time::Timestamp;

/// Why a schedule was refused.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("choose at least one day of the week")]
    NoWeekday,
    #[error("not a day of the week")]
    BadWeekday,
    #[error("give the time as hours and minutes, such as 19:00")]
    BadTime,
    #[error("choose every 1 to 4 weeks")]
    BadEvery,
    #[error("choose a length from {min} to {max} minutes", min = Minutes::MIN, max = Minutes::MAX)]
    BadDuration,
    #[error("give the first day as a date, such as 2026-12-04")]
    BadDate,
    #[error("not a time zone we know")]
    BadZone,
}

const WEEKDAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// A non-empty set of days of the week.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

impl Weekdays {
    pub fn new(days: impl IntoIterator<Item = Weekday>) -> Result<Self, ScheduleError> {
        let bits = days
            .into_iter()
            .fold(0u8, |bits, day| bits | 1 << day.to_monday_zero_offset());
        if bits == 0 {
            Err(ScheduleError::NoWeekday)
        } else {
            Ok(Self(bits))
        }
    }

    /// From short English names, `mon` to `sun` (as the API and the log write them).
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, ScheduleError> {
        let days = names
            .into_iter()
            .map(weekday_of)
            .collect::<Result<Vec<_>, _>>()?;
        Self::new(days)
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.to_monday_zero_offset()) != 0
    }

    /// The days, Monday first.
    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        (0..7i8)
            .filter(move |i| self.0 & (1 << i) != 0)
            .map(Weekday::from_monday_zero_offset)
            .filter_map(Result::ok)
    }

    /// The short names, Monday first.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(weekday_name).collect()
    }
}

/// `mon` … `sun`.
pub fn weekday_name(day: Weekday) -> &'static str {
    WEEKDAY_NAMES
        .get(usize::try_from(day.to_monday_zero_offset()).unwrap_or(0))
        .copied()
        .unwrap_or("mon")
}

fn weekday_of(name: &str) -> Result<Weekday, ScheduleError> {
    let index = WEEKDAY_NAMES
        .iter()
        .position(|known| known.eq_ignore_ascii_case(name.trim()))
        .ok_or(ScheduleError::BadWeekday)?;
    Weekday::from_monday_zero_offset(i8::try_from(index).map_err(|_| ScheduleError::BadWeekday)?)
        .map_err(|_| ScheduleError::BadWeekday)
}

impl fmt::Debug for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Serialize for Weekdays {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.names().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Weekdays {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let names = Vec::<String>::deserialize(deserializer)?;
        Self::parse(names.iter().map(String::as_str)).map_err(serde::de::Error::custom)
    }
}

/// A wall-clock time of day, to the minute: `19:00`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StartTime {
    hour: i8,
    minute: i8,
}

impl StartTime {
    pub fn new(hour: u8, minute: u8) -> Result<Self, ScheduleError> {
        if hour < 24 && minute < 60 {
            Ok(Self {
                hour: i8::try_from(hour).map_err(|_| ScheduleError::BadTime)?,
                minute: i8::try_from(minute).map_err(|_| ScheduleError::BadTime)?,
            })
        } else {
            Err(ScheduleError::BadTime)
        }
    }

    /// `HH:MM` (a time field's value; seconds, if a browser adds them, must be zero).
    pub fn parse(input: &str) -> Result<Self, ScheduleError> {
        let input = input.trim();
        let input = input
            .strip_suffix(":00")
            .filter(|s| s.len() == 5)
            .unwrap_or(input);
        let (hour, minute) = input.split_once(':').ok_or(ScheduleError::BadTime)?;
        let number = |text: &str| -> Result<u8, ScheduleError> {
            if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) {
                text.parse().map_err(|_| ScheduleError::BadTime)
            } else {
                Err(ScheduleError::BadTime)
            }
        };
        Self::new(number(hour)?, number(minute)?)
    }

    pub fn hour(self) -> i8 {
        self.hour
    }

    pub fn minute(self) -> i8 {
        self.minute
    }
}

impl fmt::Display for StartTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl fmt::Debug for StartTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Every 1, 2, 3 or 4 weeks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct EveryWeeks(u8);

impl EveryWeeks {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 4;

    pub fn new(weeks: u8) -> Result<Self, ScheduleError> {
        if (Self::MIN..=Self::MAX).contains(&weeks) {
            Ok(Self(weeks))
        } else {
            Err(ScheduleError::BadEvery)
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for EveryWeeks {
    type Error = ScheduleError;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<EveryWeeks> for u8 {
    fn from(value: EveryWeeks) -> Self {
        value.0
    }
}

/// How long an occurrence lasts: 5 minutes to 12 hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Minutes(u16);

impl Minutes {
    pub const MIN: u16 = 5;
    pub const MAX: u16 = 720;

    pub fn new(minutes: u16) -> Result<Self, ScheduleError> {
        if (Self::MIN..=Self::MAX).contains(&minutes) {
            Ok(Self(minutes))
        } else {
            Err(ScheduleError::BadDuration)
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Minutes {
    type Error = ScheduleError;

    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Minutes> for u16 {
    fn from(value: Minutes) -> Self {
        value.0
    }
}

/// One occurrence of a ritual: when it starts and ends, as instants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Occurrence {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// When a ritual happens. Each part is valid by construction; see the module's documentation
/// for how wall times that a daylight-saving change skips or repeats are resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScheduleWire", into = "ScheduleWire")]
pub struct Schedule {
    pub weekdays: Weekdays,
    /// The wall-clock time in [`Schedule::zone`].
    pub start: StartTime,
    pub every: EveryWeeks,
    pub duration: Minutes,
    /// The first day it may happen; with `every` > 1, the weeks counted from this day's week
    /// (Monday to Sunday) are the ones it happens in.
    pub first_date: Date,
    /// The zone its wall times are in: the space's zone when it was planned or last changed.
    pub zone: ZoneName,
}

/// How a schedule is written in the log and the API.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct ScheduleWire {
    weekdays: Weekdays,
    start: String,
    every_weeks: EveryWeeks,
    duration_minutes: Minutes,
    first_date: String,
    zone: ZoneName,
}

impl TryFrom<ScheduleWire> for Schedule {
    type Error = ScheduleError;

    fn try_from(wire: ScheduleWire) -> Result<Self, Self::Error> {
        Ok(Schedule {
            weekdays: wire.weekdays,
            start: StartTime::parse(&wire.start)?,
            every: wire.every_weeks,
            duration: wire.duration_minutes,
            first_date: parse_date(&wire.first_date)?,
            zone: wire.zone,
        })
    }
}

impl From<Schedule> for ScheduleWire {
    fn from(schedule: Schedule) -> Self {
        ScheduleWire {
            weekdays: schedule.weekdays,
            start: schedule.start.to_string(),
            every_weeks: schedule.every,
            duration_minutes: schedule.duration,
            first_date: schedule.first_date.to_string(),
            zone: schedule.zone,
        }
    }
}

/// A date written `YYYY-MM-DD`.
pub fn parse_date(input: &str) -> Result<Date, ScheduleError> {
    let input = input.trim();
    if input.len() != 10 {
        return Err(ScheduleError::BadDate);
    }
    input.parse().map_err(|_| ScheduleError::BadDate)
}

/// Days since 1970-01-01 (a Thursday), to count weeks and walk the calendar with plain integers.
fn day_number(date: Date) -> i64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    date.since(epoch)
        .map_or(0, |span| i64::from(span.get_days()))
}

fn date_of(day: i64) -> Option<Date> {
    let days = i32::try_from(day).ok()?;
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().try_days(days).ok()?)
        .ok()
}

/// The Monday-to-Sunday week a day number falls in.
fn week_of(day: i64) -> i64 {
    (day + 3).div_euclid(7)
}

fn to_jiff(at: Timestamp) -> jiff::Timestamp {
    let millis = at.as_millis().clamp(
        jiff::Timestamp::MIN.as_millisecond(),
        jiff::Timestamp::MAX.as_millisecond(),
    );
    jiff::Timestamp::from_millisecond(millis).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

impl Schedule {
    /// The instant it starts on local day `day`, if it happens that day.
    fn start_on(&self, day: i64) -> Option<Timestamp> {
        let first = day_number(self.first_date);
        if day < first || (week_of(day) - week_of(first)) % i64::from(self.every.get()) != 0 {
            return None;
        }
        let date = date_of(day)?;
        if !self.weekdays.contains(date.weekday()) {
            return None;
        }
        let wall = date.at(self.start.hour(), self.start.minute(), 0, 0);
        // Compatible: a gap moves forward by its length, a fold takes the earlier instant.
        let instant = self
            .zone
            .zone()
            .to_ambiguous_timestamp(wall)
            .compatible()
            .ok()?;
        Some(Timestamp::from_millis(instant.as_millisecond()))
    }

    fn occurrence(&self, start: Timestamp) -> Occurrence {
        Occurrence {
            start,
            end: start.saturating_add(std::time::Duration::from_secs(
                u64::from(self.duration.get()) * 60,
            )),
        }
    }

    fn local_day(&self, at: Timestamp) -> i64 {
        day_number(self.zone.zone().to_datetime(to_jiff(at)).date())
    }

    /// When the first occurrence that starts strictly after `after` starts; `None` only past
    /// the year 9999.
    pub fn next_after(&self, after: Timestamp) -> Option<Timestamp> {
        let first = day_number(self.first_date);
        let from = first.max(self.local_day(after) - 1);
        // Every cycle of `every` weeks holds a chosen weekday; a day either side covers the
        // local day `after` falls on.
        let span = 7 * i64::from(self.every.get()) + 2;
        (from..=from + span)
            .filter_map(|day| self.start_on(day))
            .find(|&start| start > after)
    }

    /// The occurrences that start at or after `from` and before `to`, in order.
    pub fn occurrences(
        &self,
        from: Timestamp,
        to: Timestamp,
    ) -> impl Iterator<Item = Occurrence> + '_ {
        let first_day = day_number(self.first_date).max(self.local_day(from) - 1);
        let last_day = self.local_day(to) + 1;
        (first_day..=last_day)
            .filter_map(move |day| self.start_on(day))
            .filter(move |&start| from <= start && start < to)
            .map(move |start| self.occurrence(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_checked() {
        assert_eq!(Weekdays::new([]), Err(ScheduleError::NoWeekday));
        assert_eq!(
            Weekdays::parse(["Mon", "fri"]).unwrap().names(),
            ["mon", "fri"]
        );
        assert_eq!(Weekdays::parse(["mo"]), Err(ScheduleError::BadWeekday));
        assert_eq!(StartTime::parse("19:05").unwrap().to_string(), "19:05");
        assert_eq!(StartTime::parse("07:30:00").unwrap().to_string(), "07:30");
        for bad in ["24:00", "7:30", "19:60", "19h", "", "19:00:30"] {
            assert_eq!(StartTime::parse(bad), Err(ScheduleError::BadTime), "{bad}");
        }
        assert!(EveryWeeks::new(0).is_err() && EveryWeeks::new(5).is_err());
        assert!(Minutes::new(4).is_err() && Minutes::new(721).is_err());
        assert_eq!(parse_date("2026-02-30"), Err(ScheduleError::BadDate));
        assert_eq!(parse_date("2026-12-04"), Ok(jiff::civil::date(2026, 12, 4)));
    }

    #[test]
    fn a_schedule_round_trips_through_its_written_form() {
        let schedule = Schedule {
            weekdays: Weekdays::parse(["wed", "sat"]).unwrap(),
            start: StartTime::new(19, 0).unwrap(),
            every: EveryWeeks::new(2).unwrap(),
            duration: Minutes::new(90).unwrap(),
            first_date: jiff::civil::date(2026, 12, 2),
            zone: ZoneName::parse("Europe/Warsaw").unwrap(),
        };
        let json = serde_json::to_value(&schedule).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "weekdays": ["wed", "sat"], "start": "19:00", "every_weeks": 2,
                "duration_minutes": 90, "first_date": "2026-12-02", "zone": "Europe/Warsaw"
            })
        );
        assert_eq!(serde_json::from_value::<Schedule>(json).unwrap(), schedule);
        let bad = serde_json::json!({
            "weekdays": [], "start": "19:00", "every_weeks": 2,
            "duration_minutes": 90, "first_date": "2026-12-02", "zone": "Europe/Warsaw"
        });
        assert!(serde_json::from_value::<Schedule>(bad).is_err());
    }

    #[test]
    fn week_numbers_start_on_monday() {
        let monday = day_number(jiff::civil::date(2026, 11, 30));
        let sunday = day_number(jiff::civil::date(2026, 11, 29));
        assert_eq!(week_of(monday), week_of(sunday) + 1);
        assert_eq!(week_of(monday), week_of(monday + 6));
        assert_eq!(date_of(monday), Some(jiff::civil::date(2026, 11, 30)));
    }
}
