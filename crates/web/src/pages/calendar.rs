//! The calendar feed's page, reached from the account page: make the private address (shown
//! once, on the answer to the form), make a new one (the old stops working), switch discreet
//! titles (turning them off asks for the password), or switch the feed off.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::auth::doors;
use crate::auth::session::{self, SignedIn};
use crate::calendar::feed_url;
use crate::error::{WebError, form_answer};
use crate::pages::account::own_password_refusal;
use crate::state::AppState;
use steadfast_app::calendar::{self, CalendarError};
use steadfast_store::FeedRecord;

#[derive(Template, WebTemplate)]
#[template(path = "calendar_feed.html")]
pub(crate) struct CalendarPage {
    chrome: Chrome,
    exists: bool,
    discreet: bool,
    /// The address, on the answer to the form that made it only.
    url: Option<String>,
    /// "Made …", when there is a feed.
    made: Option<String>,
    /// "Last fetched …" or "Not fetched yet", when there is a feed.
    fetched: Option<String>,
    /// The titles are discreet now, so turning them off asks for the password.
    asks_password: bool,
    /// Why turning discreet titles off was refused.
    password_error: Option<String>,
}

/// A step on the feed a page cannot answer with itself: the failure underneath, or no such
/// thing.
fn page_error(error: CalendarError) -> WebError {
    match error {
        CalendarError::Failed(failure) => failure.into(),
        _ => WebError::NotFound,
    }
}

/// When the feed was made, as the page says it.
fn made(feed: Option<&FeedRecord>, chrome: &Chrome) -> Option<String> {
    let (zone, lang) = (&chrome.zone, chrome.lang);
    feed.map(|feed| {
        lang.t_with(
            "calendar-made-at",
            &[("when", zone.show(feed.created_at, lang))],
        )
    })
}

/// When a calendar app last fetched the feed (to the hour), as the page says it. A fetch the
/// person did not expect is a sign someone else holds the address.
fn fetched(feed: Option<&FeedRecord>, chrome: &Chrome) -> Option<String> {
    let (zone, lang) = (&chrome.zone, chrome.lang);
    feed.map(|feed| match feed.last_fetched_at {
        Some(at) => lang.t_with("calendar-fetched-at", &[("when", zone.show(at, lang))]),
        None => lang.t("calendar-fetched-never"),
    })
}

/// The feed's settings.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<CalendarPage, WebError> {
    let feed = calendar::settings(&state, caller.person)
        .await
        .map_err(page_error)?;
    let discreet = feed.as_ref().is_none_or(|f| f.discreet);
    Ok(CalendarPage {
        exists: feed.is_some(),
        made: made(feed.as_ref(), &chrome),
        fetched: fetched(feed.as_ref(), &chrome),
        chrome,
        discreet,
        asks_password: discreet,
        url: None,
        password_error: None,
    })
}

/// Makes the feed or gives it a new address, and shows the address this once.
pub(crate) async fn create(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
) -> Result<CalendarPage, WebError> {
    let token = calendar::create(&state, caller.person, chrome.lang.code())
        .await
        .map_err(page_error)?;
    let feed = calendar::settings(&state, caller.person)
        .await
        .map_err(page_error)?;
    let discreet = feed.as_ref().is_none_or(|f| f.discreet);
    Ok(CalendarPage {
        exists: true,
        made: made(feed.as_ref(), &chrome),
        fetched: fetched(feed.as_ref(), &chrome),
        chrome,
        discreet,
        asks_password: discreet,
        url: Some(feed_url(&headers, &token)),
        password_error: None,
    })
}

#[derive(Deserialize, Default)]
pub(crate) struct DiscreetForm {
    /// The checkbox: present when ticked.
    #[serde(default)]
    discreet: Option<String>,
    /// Asked for when the titles are turned off.
    #[serde(default)]
    password: String,
}

/// Switches discreet titles. Turning them off asks for the password; a wrong one shows the page
/// again with the message, and nothing changes.
pub(crate) async fn discreet(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<DiscreetForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let outcome = doors::set_feed_discreet(
        &state,
        &caller,
        form.discreet.is_some(),
        Some(&form.password),
        &address,
    )
    .await?;
    let (status, message) = match outcome {
        // Without a feed there is nothing to switch: the page says so.
        Ok(()) | Err(CalendarError::NoFeed) => {
            return Ok(Redirect::to("/account/calendar").into_response());
        }
        Err(CalendarError::Password(error)) => own_password_refusal(error, &chrome)?,
        Err(error) => return Err(page_error(error)),
    };
    let mut page = show(State(state), SignedIn(caller), chrome).await?;
    // What they asked for stays on the form; the password is never echoed.
    page.discreet = false;
    page.password_error = Some(message);
    Ok(form_answer(status, page))
}

pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Redirect, WebError> {
    match calendar::revoke(&state, caller.person).await {
        // Switched off, or there was nothing to switch off: the page says which.
        Ok(()) | Err(CalendarError::NoFeed) => Ok(Redirect::to("/account/calendar")),
        Err(error) => Err(page_error(error)),
    }
}
