//! The calendar feed's page, reached from the account page: make the private address (shown
//! once, on the answer to the form), make a new one (the old stops working), switch discreet
//! titles, or switch the feed off.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Redirect;
use serde::Deserialize;

use super::Chrome;
use crate::AppState;
use crate::auth::session::SignedIn;
use crate::calendar;
use crate::error::WebError;

#[derive(Template, WebTemplate)]
#[template(path = "calendar_feed.html")]
pub(crate) struct CalendarPage {
    chrome: Chrome,
    exists: bool,
    discreet: bool,
    /// The address, on the answer to the form that made it only.
    url: Option<String>,
}

/// The feed's settings.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<CalendarPage, WebError> {
    let feed = calendar::settings(&state, caller.person).await?;
    Ok(CalendarPage {
        chrome,
        exists: feed.is_some(),
        discreet: feed.is_none_or(|f| f.discreet),
        url: None,
    })
}

/// Makes the feed or gives it a new address, and shows the address this once.
pub(crate) async fn create(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
) -> Result<CalendarPage, WebError> {
    let token = calendar::create(&state, caller.person).await?;
    let feed = calendar::settings(&state, caller.person).await?;
    Ok(CalendarPage {
        chrome,
        exists: true,
        discreet: feed.is_none_or(|f| f.discreet),
        url: Some(calendar::feed_url(&headers, &token)),
    })
}

#[derive(Deserialize, Default)]
pub(crate) struct DiscreetForm {
    /// The checkbox: present when ticked.
    #[serde(default)]
    discreet: Option<String>,
}

pub(crate) async fn discreet(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Form(form): Form<DiscreetForm>,
) -> Result<Redirect, WebError> {
    calendar::set_discreet(&state, caller.person, form.discreet.is_some()).await?;
    Ok(Redirect::to("/account/calendar"))
}

pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Redirect, WebError> {
    calendar::revoke(&state, caller.person).await?;
    Ok(Redirect::to("/account/calendar"))
}
