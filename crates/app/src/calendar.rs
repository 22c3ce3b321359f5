//! The private calendar feed: one calendar per person, at a secret address a calendar app
//! subscribes to without signing in. It holds, for each space it was made for that the person is
//! still in (never a space joined later: make a new address to add it), the rituals' occurrences
//! (two weeks back, eight ahead, each with a UID that stays the same from one fetch to the next)
//! and the due times of open promises between the person and their partner — exactly what the
//! person's own view of the space shows, through the same visibility rule, so nothing private of
//! anyone else can reach it.
//!
//! The token in the address has 256 random bits and only its hash is stored. A new token
//! replaces the old one, which then is no address at all, like one that never existed. Discreet
//! titles keep names and promise texts out of the feed, for a calendar other people may glance
//! at; turning them off asks for the password again.
//!
//! The feed is a way in from elsewhere, like a session or a token, and may have been made by
//! someone else with the person's phone: a recovery, a password change and "sign out everywhere"
//! (or "everywhere else") revoke it.
//!
//! This module answers what is in a feed and when; the words on its entries and the iCalendar
//! document are written on the web side (`crates/web/src/calendar.rs`), in the owner's language.

use std::time::Duration;

use steadfast_core::ritual::RitualKind;
use steadfast_core::space::{self, Standing};
use steadfast_core::{PersonId, SpaceId, Timestamp};
use steadfast_store::FeedRecord;

use crate::App;
use crate::account_management::{self, OwnPasswordError};
use crate::ledger::Opened;
use crate::promises::{self, PromiseError};
use crate::refusal::{Explain, Explained, Failure, Kind, Refused, Words};
use crate::secrets::{self, Secret};
use crate::sessions::Caller;
use crate::spaces;

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

/// Why a step on the calendar feed was refused; nothing changed.
#[derive(Debug)]
pub enum CalendarError {
    /// The person has no feed.
    NoFeed,
    /// No feed has this address: never one, or replaced or switched off since.
    NotFound,
    /// Turning discreet titles off needs the person's password (and a session), and it did not
    /// hold — or could not be checked now (a full hashing queue, which a form answers with
    /// itself and a word to try again in a moment).
    Password(OwnPasswordError),
    Failed(Failure),
}

crate::failed_underneath!(CalendarError);

impl Explain for CalendarError {
    fn explain(&self) -> Explained<'_> {
        Explained::Refused(match self {
            CalendarError::NoFeed => {
                Refused::new("no_feed", Kind::NotFound, Words::key("calendar-feed-none"))
            }
            CalendarError::NotFound => Refused::not_found(),
            CalendarError::Password(error) => return error.explain(),
            CalendarError::Failed(failure) => return Explained::Failed(failure),
        })
    }
}

/// The person's feed, if they have one.
pub async fn settings(app: &App, person: PersonId) -> Result<Option<FeedRecord>, CalendarError> {
    Ok(app.store.calendar_feed_of(person).await?)
}

/// Makes the person's feed, or gives it a new token (the old address stops working), for the
/// spaces they are in now; answers the token, which is shown once. Its titles are written in
/// `lang` (a language code), the person's language as they make it.
pub async fn create(app: &App, person: PersonId, lang: &str) -> Result<String, CalendarError> {
    let secret = Secret::generate()?;
    let spaces = current_spaces(app, person).await?;
    app.store
        .put_calendar_feed(&FeedRecord {
            account: person,
            token_hash: secret.hash,
            discreet: DISCREET_BY_DEFAULT,
            created_at: app.now(),
            last_fetched_at: None,
            spaces,
            lang: lang.to_owned(),
        })
        .await?;
    Ok(secret.token)
}

/// Ends the feed: its address stops working at once. Without one, [`CalendarError::NoFeed`].
pub async fn revoke(app: &App, person: PersonId) -> Result<(), CalendarError> {
    if app.store.delete_calendar_feed(person).await? {
        Ok(())
    } else {
        Err(CalendarError::NoFeed)
    }
}

/// Whether switching discreet titles to `discreet` asks for the password: only turning them
/// off. Whoever counts password checks (the web side's rate limits) asks this first, so only a
/// step that checks one is counted.
pub async fn discreet_asks_password(
    app: &App,
    person: PersonId,
    discreet: bool,
) -> Result<bool, Failure> {
    Ok(app
        .store
        .calendar_feed_of(person)
        .await?
        .is_some_and(|feed| feed.discreet && !discreet))
}

/// Switches discreet titles. Turning them off puts names and promise texts at an address anyone
/// holding it can read, so it asks for the password (`password`) again: the phone may be in the
/// partner's hand. Turning them on, or leaving them as they are, never asks.
pub async fn set_discreet(
    app: &App,
    caller: &Caller,
    discreet: bool,
    password: Option<&str>,
) -> Result<(), CalendarError> {
    let feed = settings(app, caller.person)
        .await?
        .ok_or(CalendarError::NoFeed)?;
    if feed.discreet && !discreet {
        account_management::check_own_password(app, caller, password.unwrap_or_default())
            .await
            .map_err(CalendarError::Password)?;
    }
    if app
        .store
        .set_calendar_feed_discreet(caller.person, discreet)
        .await?
    {
        Ok(())
    } else {
        Err(CalendarError::NoFeed)
    }
}

/// What a feed holds as one fetch finds it.
#[derive(Debug)]
pub struct Feed {
    /// Discreet titles: no entry carries a name or a promise's words.
    pub discreet: bool,
    /// The owner's language code as they made the feed; one made before it was kept has none
    /// the reader knows, and the reader picks one.
    pub lang: String,
    /// When it was gathered.
    pub stamp: Timestamp,
    /// Space by space, each space's rituals' occurrences and then its promises' due times.
    pub entries: Vec<Entry>,
}

/// One entry of the feed.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stays the same from one fetch to the next: `ritual-{id}-{start}@steadfast` for an
    /// occurrence, `promise-{id}@steadfast` for a due time.
    pub uid: String,
    pub start: Timestamp,
    /// A ritual's occurrence ends; a promise's due time is an instant.
    pub end: Option<Timestamp>,
    pub what: What,
}

/// What an entry is, as far as the feed may say.
#[derive(Debug, PartialEq, Eq)]
pub enum What {
    /// Discreet titles: only that there is something.
    Discreet,
    /// An occurrence of a ritual: its name and kind.
    Ritual { name: String, kind: RitualKind },
    /// A promise's due time: its words, and whether the feed's owner made it.
    Promise { text: String, yours: bool },
}

/// The feed at the address whose token is `token`, for whoever holds it, and the fetch recorded
/// (to the hour). Anything that is not a live feed's token is [`CalendarError::NotFound`].
pub async fn fetch(app: &App, token: &str) -> Result<Feed, CalendarError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(CalendarError::NotFound);
    }
    let token_hash = secrets::hash(token);
    let feed = app
        .store
        .calendar_feed_by_hash(&token_hash)
        .await?
        .ok_or(CalendarError::NotFound)?;
    app.store
        .touch_calendar_feed(&token_hash, to_the_hour(app.now()))
        .await?;
    gather(app, &feed).await
}

/// The spaces `person` is in now, as a current member.
async fn current_spaces(app: &App, person: PersonId) -> Result<Vec<SpaceId>, Failure> {
    let mut current = Vec::new();
    for (space, stay) in app.store.spaces_of(person).await? {
        if stay.left_at.is_some() {
            continue;
        }
        let members: Vec<_> = app
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

/// What the feed holds: its owner's view of the spaces it was made for that they are still in.
async fn gather(app: &App, feed: &FeedRecord) -> Result<Feed, CalendarError> {
    let (person, discreet) = (feed.account, feed.discreet);
    let now = app.now();
    let mut entries = Vec::new();
    for space in current_spaces(app, person).await? {
        // Only the spaces it was made for: a later space is not in an address made before it.
        if !feed.spaces.contains(&space) {
            continue;
        }
        let opened = match promises::open(app, person, space).await {
            Ok(opened) => opened,
            Err(PromiseError::Failed(failure)) => return Err(failure.into()),
            // Left in between: not theirs any more.
            Err(_) => continue,
        };
        add_space(&mut entries, &opened, now, discreet);
    }
    Ok(Feed {
        discreet,
        lang: feed.lang.clone(),
        stamp: now,
        entries,
    })
}

fn add_space(entries: &mut Vec<Entry>, opened: &Opened, now: Timestamp, discreet: bool) {
    let (from, to) = (now.saturating_sub(PAST), now.saturating_add(AHEAD));
    for ritual in opened.ledger().rituals.all() {
        for occurrence in ritual.occurrences(from, to) {
            entries.push(Entry {
                uid: format!(
                    "ritual-{}-{}@steadfast",
                    ritual.id,
                    occurrence.start.as_millis()
                ),
                start: occurrence.start,
                end: Some(occurrence.end),
                what: if discreet {
                    What::Discreet
                } else {
                    What::Ritual {
                        name: ritual.name.as_str().to_owned(),
                        kind: ritual.kind,
                    }
                },
            });
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
        entries.push(Entry {
            uid: format!("promise-{}@steadfast", promise.id),
            start: due,
            end: None,
            what: if discreet {
                What::Discreet
            } else {
                What::Promise {
                    text: promise.terms.text.as_str().to_owned(),
                    yours: promise.promiser == opened.person,
                }
            },
        });
    }
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
    fn only_a_live_feed_is_found() {
        assert!(matches!(
            CalendarError::NotFound.explain(),
            Explained::Refused(Refused {
                kind: Kind::NotFound,
                ..
            })
        ));
        assert!(matches!(
            CalendarError::NoFeed.explain(),
            Explained::Refused(Refused {
                code: "no_feed",
                kind: Kind::NotFound,
                ..
            })
        ));
    }
}
