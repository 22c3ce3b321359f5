//! The private calendar feed: one iCalendar document per person, at a secret address a calendar
//! app subscribes to without signing in. It holds, for each space it was made for that the
//! person is still in (never a space joined later: make a new address to add it), the
//! rituals' occurrences (two weeks back, eight ahead, each its own event in UTC with a UID that
//! stays the same from one fetch to the next) and the due times of open promises between the
//! person and their partner — exactly what the person's own view of the space shows, through the
//! same visibility rule, so nothing private of anyone else can reach it.
//!
//! The token in the address has 256 random bits and only its hash is stored. A new token
//! replaces the old one, which then answers 404 like any address that never existed. Discreet
//! titles say only "Plans", with no descriptions, for a calendar other people may glance at;
//! turning them off asks for the password again.
//!
//! The feed is a way in from elsewhere, like a session or a token, and may have been made by
//! someone else with the person's phone: a recovery, a password change and "sign out everywhere"
//! (or "everywhere else") revoke it.

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Component, Event};
use steadfast_core::ritual::{Ritual, RitualKind};
use steadfast_core::space::{self, Standing};
use steadfast_core::{PersonId, SpaceId, Timestamp};
use steadfast_store::FeedRecord;

use crate::AppState;
use crate::auth::doors;
use crate::auth::session::Caller;
use crate::error::WebError;
use crate::i18n::Lang;
use steadfast_app::account_management::OwnPasswordError;
use steadfast_app::ledger::Opened;
use steadfast_app::promises;
use steadfast_app::secrets::{self, Secret};
use steadfast_app::spaces;

/// How far back and ahead ritual occurrences are listed.
const PAST: Duration = Duration::from_secs(14 * 24 * 60 * 60);
const AHEAD: Duration = Duration::from_secs(56 * 24 * 60 * 60);

/// A new feed is discreet until its owner chooses otherwise: a phone's calendar is often seen.
const DISCREET_BY_DEFAULT: bool = true;

/// A fetch is recorded to the hour it happened in. The owner's page needs only whether and
/// roughly when the address is in use (a feed someone else made and keeps shows up as fetched),
/// and the hour keeps no minute-by-minute trace of when the person's devices were online; it
/// also means at most one write an hour, however often a calendar app polls.
const FETCH_RESOLUTION_MS: i64 = 60 * 60 * 1_000;

fn to_the_hour(at: Timestamp) -> Timestamp {
    let ms = at.as_millis();
    Timestamp::from_millis(ms - ms.rem_euclid(FETCH_RESOLUTION_MS))
}

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

/// The person's feed, if they have one.
pub(crate) async fn settings(
    state: &AppState,
    person: PersonId,
) -> Result<Option<FeedRecord>, WebError> {
    Ok(state.store.calendar_feed_of(person).await?)
}

/// Makes the person's feed, or gives it a new token (the old address stops working), for the
/// spaces they are in now; answers the token, which is shown once.
/// Its titles are written in `lang`, the person's language as they make it.
pub(crate) async fn create(
    state: &AppState,
    person: PersonId,
    lang: Lang,
) -> Result<String, WebError> {
    let secret = Secret::generate()?;
    let spaces = current_spaces(state, person).await?;
    state
        .store
        .put_calendar_feed(&FeedRecord {
            account: person,
            token_hash: secret.hash,
            discreet: DISCREET_BY_DEFAULT,
            created_at: state.now(),
            last_fetched_at: None,
            spaces,
            lang: lang.code().to_owned(),
        })
        .await?;
    Ok(secret.token)
}

/// Ends the feed; answers whether there was one.
pub(crate) async fn revoke(state: &AppState, person: PersonId) -> Result<bool, WebError> {
    Ok(state.store.delete_calendar_feed(person).await?)
}

/// Why switching discreet titles was refused; nothing changed.
pub(crate) enum DiscreetError {
    /// The person has no feed.
    NoFeed,
    /// Turning them off needs the person's password (and a session), and it did not hold.
    Password(OwnPasswordError),
    Failed(WebError),
}

impl<E: Into<WebError>> From<E> for DiscreetError {
    fn from(error: E) -> Self {
        DiscreetError::Failed(error.into())
    }
}

/// Switches discreet titles. Turning them off puts names and promise texts at an address anyone
/// holding it can read, so it asks for the password (`password`) again: the phone may be in the
/// partner's hand. Turning them on, or leaving them as they are, never asks.
pub(crate) async fn set_discreet(
    state: &AppState,
    caller: &Caller,
    discreet: bool,
    password: Option<&str>,
    address: &str,
) -> Result<(), DiscreetError> {
    let feed = settings(state, caller.person)
        .await?
        .ok_or(DiscreetError::NoFeed)?;
    if feed.discreet && !discreet {
        doors::check_own_password(state, caller, password.unwrap_or_default(), address)
            .await?
            .map_err(DiscreetError::Password)?;
    }
    if state
        .store
        .set_calendar_feed_discreet(caller.person, discreet)
        .await?
    {
        Ok(())
    } else {
        Err(DiscreetError::NoFeed)
    }
}

/// `GET /calendar/{token}.ics`: the feed, for whoever holds the address. Anything else is the
/// ordinary not-found page.
pub(crate) async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    let token = file.strip_suffix(".ics").ok_or(WebError::NotFound)?;
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(WebError::NotFound);
    }
    let token_hash = secrets::hash(token);
    let feed = state
        .store
        .calendar_feed_by_hash(&token_hash)
        .await?
        .ok_or(WebError::NotFound)?;
    state
        .store
        .touch_calendar_feed(&token_hash, to_the_hour(state.now()))
        .await?;
    // The owner's language; a feed made before it was kept follows the calendar app's.
    let lang = Lang::from_code(&feed.lang).unwrap_or_else(|| crate::api::lang_of(&headers));
    let body = document(&state, &feed, lang).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

/// The spaces `person` is in now, as a current member.
async fn current_spaces(state: &AppState, person: PersonId) -> Result<Vec<SpaceId>, WebError> {
    let mut current = Vec::new();
    for (space, stay) in state.store.spaces_of(person).await? {
        if stay.left_at.is_some() {
            continue;
        }
        let members: Vec<_> = state
            .store
            .members(space.id)
            .await?
            .iter()
            .map(spaces::member)
            .collect();
        if space::standing(&members, person) == Standing::Current {
            current.push(space.id);
        }
    }
    Ok(current)
}

/// The feed's text: its owner's view of the spaces it was made for that they are still in.
pub(crate) async fn document(
    state: &AppState,
    feed: &FeedRecord,
    lang: Lang,
) -> Result<String, WebError> {
    let (person, discreet) = (feed.account, feed.discreet);
    let now = state.now();
    let mut calendar = Calendar::new();
    calendar.name(&if discreet {
        lang.t("calendar-discreet-title")
    } else {
        lang.t("calendar-name")
    });
    for space in current_spaces(state, person).await? {
        // Only the spaces it was made for: a later space is not in an address made before it.
        if !feed.spaces.contains(&space) {
            continue;
        }
        let opened = match promises::open(state, person, space).await {
            Ok(opened) => opened,
            Err(promises::PromiseError::Failed(error)) => return Err(error.into()),
            // Left in between: not theirs any more.
            Err(_) => continue,
        };
        add_space(&mut calendar, &opened, now, discreet, lang);
    }
    Ok(calendar.done().to_string())
}

fn add_space(calendar: &mut Calendar, opened: &Opened, now: Timestamp, discreet: bool, lang: Lang) {
    let stamp = ical_time(now);
    let (from, to) = (now.saturating_sub(PAST), now.saturating_add(AHEAD));
    for ritual in opened.ledger().rituals.all() {
        for occurrence in ritual.occurrences(from, to) {
            let mut event = Event::new();
            event
                .uid(&format!(
                    "ritual-{}-{}@steadfast",
                    ritual.id,
                    occurrence.start.as_millis()
                ))
                .add_property("DTSTAMP", &stamp)
                .add_property("DTSTART", ical_time(occurrence.start))
                .add_property("DTEND", ical_time(occurrence.end));
            if discreet {
                event.summary(&lang.t("calendar-discreet-title"));
            } else {
                event
                    .summary(ritual.name.as_str())
                    .description(&kind_words(ritual, lang));
            }
            calendar.push(event.done());
        }
    }
    // A former partner's promises ended with their leaving: nothing of them is due any more.
    let promises = if opened.partner_left() {
        Vec::new()
    } else {
        opened.promises()
    };
    for promise in promises {
        let Some(due) = promise.terms.due else {
            continue;
        };
        if promise.status.is_settled() {
            continue;
        }
        let mut event = Event::new();
        event
            .uid(&format!("promise-{}@steadfast", promise.id))
            .add_property("DTSTAMP", &stamp)
            .add_property("DTSTART", ical_time(due));
        if discreet {
            event.summary(&lang.t("calendar-discreet-title"));
        } else {
            let key = if promise.promiser == opened.person {
                "calendar-promise-yours"
            } else {
                "calendar-promise-theirs"
            };
            event.summary(&lang.t_with(key, &[("text", promise.terms.text.as_str().to_owned())]));
        }
        calendar.push(event.done());
    }
}

fn kind_words(ritual: &Ritual, lang: Lang) -> String {
    lang.t(&format!("ritual-kind-{}", kind_key(ritual.kind)))
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
    fn a_fetch_is_kept_to_the_hour() {
        let hour = 1_796_058_000_000;
        assert_eq!(
            to_the_hour(Timestamp::from_millis(hour + 59 * 60 * 1_000)),
            Timestamp::from_millis(hour)
        );
        assert_eq!(
            to_the_hour(Timestamp::from_millis(hour)),
            Timestamp::from_millis(hour)
        );
    }

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
