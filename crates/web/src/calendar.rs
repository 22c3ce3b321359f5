//! The private calendar feed over HTTP: the address a calendar app subscribes to, and the
//! iCalendar document served there. What a feed holds, who may see it, its token and its
//! settings are the use cases' (`crates/app/src/calendar.rs`); this side writes the document —
//! each entry an event in UTC, titled in the owner's language (or only "Plans", with no
//! descriptions, when the titles are discreet) — and answers it with its headers. An address
//! that is no live feed's answers the ordinary not-found page.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Component, Event};
use steadfast_app::calendar::{self, CalendarError, Feed, What};
use steadfast_core::Timestamp;
use steadfast_core::ritual::RitualKind;

use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;

/// The path a feed is served at.
pub(crate) fn feed_path(token: &str) -> String {
    format!("/calendar/{token}.ics")
}

/// The address a calendar app needs: this site's origin and the path. The origin is the one the
/// browser named (`Origin`), else `Host` — over HTTPS unless the host is this machine.
pub(crate) fn feed_url(headers: &HeaderMap, token: &str) -> String {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .filter(|v| !v.is_empty() && *v != "null")
    };
    let origin = header(header::ORIGIN)
        .map(str::to_owned)
        .or_else(|| {
            header(header::HOST).map(|host| {
                let local = host.starts_with("127.0.0.1")
                    || host.starts_with("localhost")
                    || host.starts_with("[::1]");
                format!("{}://{host}", if local { "http" } else { "https" })
            })
        })
        .unwrap_or_default();
    format!("{origin}{}", feed_path(token))
}

/// `GET /calendar/{token}.ics`: the feed, for whoever holds the address. Anything else is the
/// ordinary not-found page.
pub(crate) async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    let token = file.strip_suffix(".ics").ok_or(WebError::NotFound)?;
    let feed = match calendar::fetch(&state, token).await {
        Ok(feed) => feed,
        Err(CalendarError::Failed(failure)) => return Err(failure.into()),
        Err(_) => return Err(WebError::NotFound),
    };
    // The owner's language; a feed made before it was kept follows the calendar app's.
    let lang = Lang::from_code(&feed.lang).unwrap_or_else(|| crate::api::lang_of(&headers));
    let body = document(&feed, lang);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

/// The feed's text, its titles in `lang`.
fn document(feed: &Feed, lang: Lang) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&if feed.discreet {
        lang.t("calendar-discreet-title")
    } else {
        lang.t("calendar-name")
    });
    let stamp = ical_time(feed.stamp);
    for entry in &feed.entries {
        let mut event = Event::new();
        event
            .uid(&entry.uid)
            .add_property("DTSTAMP", &stamp)
            .add_property("DTSTART", ical_time(entry.start));
        if let Some(end) = entry.end {
            event.add_property("DTEND", ical_time(end));
        }
        match &entry.what {
            What::Discreet => {
                event.summary(&lang.t("calendar-discreet-title"));
            }
            What::Ritual { name, kind } => {
                event.summary(name).description(&kind_words(*kind, lang));
            }
            What::Promise { text, yours } => {
                let key = if *yours {
                    "calendar-promise-yours"
                } else {
                    "calendar-promise-theirs"
                };
                event.summary(&lang.t_with(key, &[("text", text.clone())]));
            }
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

fn kind_words(kind: RitualKind, lang: Lang) -> String {
    lang.t(&format!("ritual-kind-{}", kind_key(kind)))
}

/// The Fluent key part for a kind (`date-night`).
pub(crate) fn kind_key(kind: RitualKind) -> String {
    kind.as_str().replace('_', "-")
}

/// An instant as iCalendar's UTC form: `20261204T190000Z`.
fn ical_time(at: Timestamp) -> String {
    jiff::Timestamp::from_millisecond(at.as_millis())
        .map(|t| t.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_in_utc_basic_form() {
        assert_eq!(
            ical_time(Timestamp::from_millis(1_796_058_000_000)),
            "20261130T170000Z"
        );
    }

    #[test]
    fn the_address_uses_the_origin_the_browser_named() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("us.example"));
        assert_eq!(
            feed_url(&headers, "ab"),
            "https://us.example/calendar/ab.ics"
        );
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://10.0.0.2:8787"),
        );
        assert_eq!(
            feed_url(&headers, "ab"),
            "http://10.0.0.2:8787/calendar/ab.ics"
        );
    }
}
