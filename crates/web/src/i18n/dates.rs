//! Dates and times as a person writes them, in their language and a time zone: "Tue 8 December,
//! 8 pm" and "wt., 8 grudnia, 20:00", with the year only when it is not this year there. The
//! words (months, weekdays, the clock) come from Fluent (`dates.ftl`); only machines read ISO
//! (the API, the calendar feed, `<time datetime>` attributes and form values).

use jiff::civil::Weekday;
use jiff::tz::TimeZone;
use steadfast_core::Timestamp;

use crate::i18n::Lang;
use crate::i18n::times;

fn zoned(at: Timestamp, zone: &TimeZone) -> Option<jiff::Zoned> {
    jiff::Timestamp::from_millisecond(at.as_millis())
        .ok()
        .map(|instant| instant.to_zoned(zone.clone()))
}

fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "weekday-mon",
        Weekday::Tuesday => "weekday-tue",
        Weekday::Wednesday => "weekday-wed",
        Weekday::Thursday => "weekday-thu",
        Weekday::Friday => "weekday-fri",
        Weekday::Saturday => "weekday-sat",
        Weekday::Sunday => "weekday-sun",
    }
}

fn day_of(local: &jiff::Zoned, now: Option<&jiff::Zoned>, lang: Lang) -> String {
    calendar_day(local.date(), now.map(jiff::Zoned::year), lang)
}

/// A calendar day (a daily entry's, a ritual's): "Tue 8 December", with the year when it is
/// not `this_year`.
pub(crate) fn calendar_day(date: jiff::civil::Date, this_year: Option<i16>, lang: Lang) -> String {
    let mut args = vec![
        ("weekday", lang.t(weekday_key(date.weekday()))),
        ("day", date.day().to_string()),
        ("month", lang.t(&format!("date-month-{}", date.month()))),
    ];
    if this_year == Some(date.year()) {
        lang.t_with("date-day", &args)
    } else {
        args.push(("year", date.year().to_string()));
        lang.t_with("date-day-year", &args)
    }
}

fn clock_of(local: &jiff::Zoned, lang: Lang) -> String {
    clock_time(local.hour(), local.minute(), lang)
}

/// A wall-clock time (a ritual's start): "7:30 pm", "19:30".
pub(crate) fn clock_time(hour: i8, minute: i8, lang: Lang) -> String {
    let moment = match (hour, minute) {
        (12, 0) => "noon",
        (0, 0) => "midnight",
        (..12, 0) => "am-hour",
        (_, 0) => "pm-hour",
        (..12, _) => "am",
        _ => "pm",
    };
    let h12 = match hour % 12 {
        0 => 12,
        h => h,
    };
    lang.t_with(
        "date-clock",
        &[
            ("moment", moment.to_owned()),
            ("h12", h12.to_string()),
            ("h24", hour.to_string()),
            ("mm", format!("{minute:02}")),
        ],
    )
}

/// A day and a time: "Tue 8 December, 8:30 pm" ("… 2025, …" in another year than `now`'s).
pub(crate) fn when(at: Timestamp, zone: &TimeZone, now: Timestamp, lang: Lang) -> String {
    let Some(local) = zoned(at, zone) else {
        return times::rfc3339(at);
    };
    let now = zoned(now, zone);
    lang.t_with(
        "date-when",
        &[
            ("date", day_of(&local, now.as_ref(), lang)),
            ("time", clock_of(&local, lang)),
        ],
    )
}

/// A day alone: "Tue 8 December" ("Tue 8 December 2025" in another year than `now`'s).
pub(crate) fn day(at: Timestamp, zone: &TimeZone, now: Timestamp, lang: Lang) -> String {
    let Some(local) = zoned(at, zone) else {
        return times::rfc3339(at);
    };
    day_of(&local, zoned(now, zone).as_ref(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, zone: &str) -> Timestamp {
        times::parse_local(text, zone).unwrap().unwrap()
    }

    #[test]
    fn a_time_reads_as_a_person_writes_it_in_each_language() {
        let warsaw = times::time_zone("Europe/Warsaw");
        let now = at("2026-12-01T09:00", "Europe/Warsaw");
        let evening = at("2026-12-08T20:00", "Europe/Warsaw");
        assert_eq!(
            when(evening, &warsaw, now, Lang::En),
            "Tue 8 December, 8 pm"
        );
        assert_eq!(
            when(evening, &warsaw, now, Lang::Pl),
            "wt., 8 grudnia, 20:00"
        );
        assert_eq!(day(evening, &warsaw, now, Lang::En), "Tue 8 December");
        assert_eq!(day(evening, &warsaw, now, Lang::Pl), "wt., 8 grudnia");
        let half_past = at("2026-12-08T20:30", "Europe/Warsaw");
        assert_eq!(
            when(half_past, &warsaw, now, Lang::En),
            "Tue 8 December, 8:30 pm"
        );
        let morning = at("2026-03-02T09:05", "Europe/Warsaw");
        assert_eq!(
            when(morning, &warsaw, now, Lang::En),
            "Mon 2 March, 9:05 am"
        );
        assert_eq!(when(morning, &warsaw, now, Lang::Pl), "pon., 2 marca, 9:05");
        assert_eq!(clock_time(12, 0, Lang::En), "noon");
        assert_eq!(clock_time(12, 0, Lang::Pl), "12:00");
        assert_eq!(clock_time(0, 0, Lang::En), "midnight");
        assert_eq!(clock_time(0, 0, Lang::Pl), "0:00");
        assert_eq!(clock_time(23, 59, Lang::En), "11:59 pm");
        assert_eq!(clock_time(0, 15, Lang::En), "12:15 am");
        assert_eq!(clock_time(7, 0, Lang::En), "7 am");
    }

    #[test]
    fn the_year_shows_only_when_it_is_not_this_year_in_that_zone() {
        let warsaw = times::time_zone("Europe/Warsaw");
        let now = at("2026-12-01T09:00", "Europe/Warsaw");
        let last_year = at("2025-12-08T20:00", "Europe/Warsaw");
        assert_eq!(
            when(last_year, &warsaw, now, Lang::En),
            "Mon 8 December 2025, 8 pm"
        );
        assert_eq!(
            day(last_year, &warsaw, now, Lang::Pl),
            "pon., 8 grudnia 2025"
        );
        // Half past midnight on New Year's Day in Warsaw is still the old year in UTC.
        let new_year = at("2027-01-01T00:30", "Europe/Warsaw");
        let utc = times::time_zone("UTC");
        assert_eq!(day(new_year, &warsaw, new_year, Lang::En), "Fri 1 January");
        assert_eq!(day(new_year, &utc, new_year, Lang::En), "Thu 31 December");
    }

    #[test]
    fn the_same_instant_reads_in_the_zone_given() {
        let evening = at("2026-12-08T20:00", "Europe/Warsaw");
        let new_york = times::time_zone("America/New_York");
        assert_eq!(
            when(evening, &new_york, evening, Lang::En),
            "Tue 8 December, 2 pm"
        );
    }
}
