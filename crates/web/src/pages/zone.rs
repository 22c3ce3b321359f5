//! The person's time zone on pages: reported by the page's script in the `tz` cookie, else the
//! space's zone, else UTC (saying so). Times are shown and read in it.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use steadfast_app::promises::{self, Invalid, PromiseError};
use steadfast_core::Timestamp;

use crate::auth::session;
use crate::i18n::Lang;
use crate::i18n::dates;
use crate::i18n::times;
use crate::state::AppState;
use steadfast_app::spaces;

/// The cookie in which the page's script reports the browser's IANA time zone.
pub(crate) const ZONE_COOKIE: &str = "tz";

/// The person's time zone, from the `tz` cookie; UTC when there is none or it is unknown.
#[derive(Clone)]
pub(crate) struct Zone {
    name: String,
    zone: jiff::tz::TimeZone,
    /// False when falling back to UTC: times then say "(UTC)".
    reported: bool,
    /// The zone is the space's, the browser having reported none (yet).
    of_space: bool,
    /// The request's time, so that a date says its year only when it is not this year.
    now: Timestamp,
}

impl Zone {
    /// UTC, saying so: for a page made without the request's cookies.
    pub(crate) fn unreported(now: Timestamp) -> Zone {
        Zone::from_name(None, now)
    }

    pub(crate) fn of_request(parts: &Parts, now: Timestamp) -> Zone {
        let jar = CookieJar::from_headers(&parts.headers);
        Zone::from_name(jar.get(ZONE_COOKIE).map(|c| c.value()), now)
    }

    fn from_name(name: Option<&str>, now: Timestamp) -> Zone {
        let name = name.map(str::trim).unwrap_or_default();
        let plausible = !name.is_empty()
            && name.len() <= 64
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"/_+-".contains(&b));
        // Only a name that looks like one is looked up: the cookie is the browser's to set.
        let zone = plausible
            .then(|| jiff::tz::TimeZone::get(name).ok())
            .flatten();
        match zone {
            Some(zone) => Zone {
                name: name.to_owned(),
                zone,
                reported: true,
                of_space: false,
                now,
            },
            None => Zone {
                name: String::new(),
                zone: jiff::tz::TimeZone::UTC,
                reported: false,
                of_space: false,
                now,
            },
        }
    }

    /// When the browser has not reported a zone (yet), the space's own zone, once a partner
    /// has set it, reads better than UTC: it is where the couple live.
    pub(crate) fn or_space(self, space: &steadfast_core::space::SpaceZone) -> Zone {
        if self.reported || !space.is_set() {
            return self;
        }
        let zone = space.get();
        Zone {
            name: zone.as_str().to_owned(),
            zone: zone.zone().clone(),
            reported: true,
            of_space: true,
            now: self.now,
        }
    }

    /// An instant as the person reads it: "Mon 30 November, 6 pm", with "(UTC)" when their
    /// zone is not known.
    pub(crate) fn show(&self, at: Timestamp, lang: Lang) -> String {
        let local = dates::when(at, &self.zone, self.now, lang);
        if self.reported {
            local
        } else {
            format!("{local} {}", lang.t("time-utc-note"))
        }
    }

    /// The day of an instant in the person's zone: "Mon 30 November".
    pub(crate) fn day(&self, at: Timestamp, lang: Lang) -> String {
        dates::day(at, &self.zone, self.now, lang)
    }

    /// The day of an instant as a `date` field's value or a `<time datetime>`: `2026-11-30`.
    pub(crate) fn iso_day(&self, at: Timestamp) -> String {
        times::local_input(at, &self.zone)
            .split('T')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// An instant as a `datetime-local` field's value.
    /// Which zone the page's times are in, said under the form.
    pub(crate) fn note(&self, lang: Lang) -> String {
        if self.of_space {
            lang.t_with("time-zone-space-note", &[("zone", self.name.clone())])
        } else if self.reported {
            lang.t_with("time-zone-note", &[("zone", self.name.clone())])
        } else {
            lang.t("time-zone-utc")
        }
    }

    pub(crate) fn input(&self, at: Timestamp) -> String {
        times::local_input(at, &self.zone)
    }

    /// A time from a `datetime-local` field; blank means none.
    pub(crate) fn parse(&self, text: &str) -> Result<Option<Timestamp>, PromiseError> {
        times::parse_local(text, &self.name).map_err(|_| PromiseError::Invalid(Invalid::Time))
    }

    /// When something that already happened did, from a `date` field: that day, as late in it
    /// as has passed (today means now). A day still to come stays in the future, for the rules
    /// to refuse.
    pub(crate) fn past(
        &self,
        text: &str,
        now: Timestamp,
    ) -> Result<Option<Timestamp>, PromiseError> {
        let Some(end) = self.parse(text)? else {
            return Ok(None);
        };
        if end <= now || text.contains('T') {
            return Ok(Some(end));
        }
        let start = self.parse(&format!("{}T00:00", text.trim()))?;
        Ok(Some(match start {
            Some(start) if start <= now => now,
            _ => end,
        }))
    }
}

impl FromRequestParts<AppState> for Zone {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let zone = Zone::of_request(parts, state.now());
        if zone.reported {
            return Ok(zone);
        }
        // The first page a browser loads has no `tz` cookie yet: in a space, its zone reads
        // better than UTC. Anyone who may not see the space gets UTC, and the handler refuses.
        let space = parts
            .uri
            .path()
            .strip_prefix("/spaces/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|id| spaces::parse_id(id).ok());
        let (Some(space), Ok(Some(caller))) = (space, session::page_caller(parts, state).await)
        else {
            return Ok(zone);
        };
        match promises::open(state, caller.person, space).await {
            Ok(opened) => Ok(zone.or_space(&opened.ledger().zone)),
            Err(_) => Ok(zone),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reported_zone_is_used_and_anything_else_is_utc() {
        let at = Timestamp::from_millis(1_796_058_000_000);
        let warsaw = Zone::from_name(Some("Europe/Warsaw"), at);
        assert!(warsaw.reported);
        assert_eq!(warsaw.show(at, Lang::En), "Mon 30 November, 6 pm");
        assert_eq!(warsaw.show(at, Lang::Pl), "pon., 30 listopada, 18:00");
        for odd in [
            None,
            Some(""),
            Some("Mars/Olympus"),
            Some("../etc/passwd"),
            Some("a b"),
        ] {
            let zone = Zone::from_name(odd, at);
            assert!(!zone.reported, "{odd:?}");
            assert_eq!(zone.show(at, Lang::En), "Mon 30 November, 5 pm (UTC)");
        }
    }

    #[test]
    fn a_past_day_means_as_late_in_it_as_has_passed() {
        let now = crate::i18n::times::parse_local("2026-11-30T10:00", "UTC")
            .ok()
            .flatten()
            .unwrap();
        let zone = Zone::from_name(Some("UTC"), now);
        assert_eq!(
            zone.past("2026-11-30", now).ok().flatten(),
            Some(now),
            "today is now"
        );
        let yesterday = zone.past("2026-11-29", now).ok().flatten().unwrap();
        assert_eq!(zone.iso_day(yesterday), "2026-11-29");
        let tomorrow = zone.past("2026-12-01", now).ok().flatten().unwrap();
        assert!(tomorrow > now, "left for the rules to refuse");
        assert_eq!(zone.past(" ", now).ok().flatten(), None);
        assert!(zone.past("last week", now).is_err());
    }
}
