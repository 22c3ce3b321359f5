//! Times as requests give them and answers show them: RFC 3339 in the API, the person's own time
//! zone on pages. "Now" itself comes from `steadfast_app::clock`.

use steadfast_core::Timestamp;

/// An instant as RFC 3339 in UTC with milliseconds, e.g. `2026-11-25T08:26:40.000Z`.
pub(crate) fn rfc3339(at: Timestamp) -> String {
    let millis = at.as_millis();
    let (days, in_day) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (seconds, ms) = (in_day / 1000, in_day % 1000);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Why a time someone gave could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnreadableTime;

/// An instant given as RFC 3339 with an offset (`2026-11-30T18:00:00+01:00`), as the API takes it.
pub(crate) fn parse_rfc3339(text: &str) -> Result<Timestamp, UnreadableTime> {
    let instant: jiff::Timestamp = text.trim().parse().map_err(|_| UnreadableTime)?;
    Ok(Timestamp::from_millis(instant.as_millisecond()))
}

/// A time from a page's `datetime-local` or `date` field (`2026-11-30T18:00`, `2026-11-30`),
/// read in the person's time zone (an IANA name the page's script fills in; UTC without one).
/// Blank means none. A date alone means the end of that day.
pub(crate) fn parse_local(text: &str, zone: &str) -> Result<Option<Timestamp>, UnreadableTime> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let zone = time_zone(zone);
    // jiff reads a date alone as a datetime at midnight: tell the two apart by the time part.
    let civil: jiff::civil::DateTime = if text.contains(['T', 't', ' ']) {
        text.parse().map_err(|_| UnreadableTime)?
    } else {
        let date: jiff::civil::Date = text.parse().map_err(|_| UnreadableTime)?;
        date.at(23, 59, 0, 0)
    };
    let zoned = civil.to_zoned(zone).map_err(|_| UnreadableTime)?;
    Ok(Some(Timestamp::from_millis(
        zoned.timestamp().as_millisecond(),
    )))
}

/// The time zone a page reported, or UTC for none or one we do not know.
pub(crate) fn time_zone(name: &str) -> jiff::tz::TimeZone {
    let name = name.trim();
    if name.is_empty() {
        return jiff::tz::TimeZone::UTC;
    }
    jiff::tz::TimeZone::get(name).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// An instant as a `datetime-local` field's value in a time zone: `2026-11-30T18:00`.
pub(crate) fn local_input(at: Timestamp, zone: &jiff::tz::TimeZone) -> String {
    match jiff::Timestamp::from_millisecond(at.as_millis()) {
        Ok(instant) => instant
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%dT%H:%M")
            .to_string(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_times_need_an_offset() {
        assert_eq!(
            parse_rfc3339("2026-11-30T18:00:00+01:00"),
            Ok(Timestamp::from_millis(1_796_058_000_000))
        );
        assert_eq!(
            parse_rfc3339("2026-11-30T17:00:00Z"),
            Ok(Timestamp::from_millis(1_796_058_000_000))
        );
        assert_eq!(parse_rfc3339("2026-11-30T18:00"), Err(UnreadableTime));
        assert_eq!(parse_rfc3339("tomorrow"), Err(UnreadableTime));
    }

    #[test]
    fn page_times_are_read_in_the_persons_zone() {
        let warsaw = parse_local("2026-11-30T18:00", "Europe/Warsaw");
        assert_eq!(warsaw, Ok(Some(Timestamp::from_millis(1_796_058_000_000))));
        let utc = parse_local("2026-11-30T17:00", "");
        assert_eq!(utc, warsaw);
        assert_eq!(parse_local("2026-11-30T17:00", "Mars/Olympus"), warsaw);
        assert_eq!(parse_local("  ", "Europe/Warsaw"), Ok(None));
        assert_eq!(parse_local("30.11.2026", "UTC"), Err(UnreadableTime));
        assert_eq!(
            local_input(
                Timestamp::from_millis(1_796_058_000_000),
                &time_zone("Europe/Warsaw")
            ),
            "2026-11-30T18:00"
        );
        assert_eq!(
            local_input(Timestamp::from_millis(1_796_058_000_000), &time_zone("UTC")),
            "2026-11-30T17:00"
        );
    }

    #[test]
    fn a_date_alone_means_the_end_of_that_day() {
        assert_eq!(
            parse_local("2026-11-30", "UTC"),
            parse_local("2026-11-30T23:59", "UTC")
        );
    }

    #[test]
    fn instants_are_written_as_rfc3339_in_utc() {
        assert_eq!(
            rfc3339(Timestamp::from_millis(0)),
            "1970-01-01T00:00:00.000Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(951_782_400_000)),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(1_795_259_200_123)),
            "2026-11-21T11:06:40.123Z"
        );
        assert_eq!(
            rfc3339(Timestamp::from_millis(-1)),
            "1969-12-31T23:59:59.999Z"
        );
    }
}
