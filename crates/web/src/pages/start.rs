//! The guided start a new person meets once their account exists: start together (a space and
//! an invite, in one step), join the partner's space from the link they sent, or start alone for
//! now. Someone who already has a space never sees it again; home takes them there.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use super::rituals::viewer_zone;
use super::spaces::{page_error, to_invite_page};
use crate::auth::session::{Caller, SignedIn};
use crate::error::{Say, WebError, status_for};
use crate::state::AppState;
use steadfast_app::spaces::{self, Landing, SpaceError};

#[derive(Template, WebTemplate)]
#[template(path = "start.html")]
pub(crate) struct StartPage {
    chrome: Chrome,
    name: String,
    name_error: Option<String>,
    link: String,
    link_error: Option<String>,
}

impl StartPage {
    fn new(chrome: Chrome) -> Self {
        let name = chrome.t("start-space-name-default");
        Self {
            chrome,
            name,
            name_error: None,
            link: String::new(),
            link_error: None,
        }
    }
}

/// Whether the person is past the guided start: it is for a partner's first visit only, before
/// they ever had a space.
async fn has_a_space(state: &AppState, caller: &Caller) -> Result<bool, WebError> {
    Ok(spaces::landing(state, caller).await? != Landing::Start)
}

pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<Response, WebError> {
    if has_a_space(&state, &caller).await? {
        return Ok(Redirect::to("/").into_response());
    }
    Ok(StartPage::new(chrome).into_response())
}

#[derive(Deserialize)]
pub(crate) struct StartForm {
    #[serde(default)]
    name: String,
    /// `together` (a space and an invite) or `alone` (a space, inviting later).
    #[serde(default)]
    start: String,
}

/// Starts the first space. Together: the space and its invite in one step, landing on the
/// invite's page to share it. Alone: the space, landing on it. A second tap on a slow phone finds
/// the space already made and goes there instead of making another.
pub(crate) async fn begin(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    headers: HeaderMap,
    Form(form): Form<StartForm>,
) -> Result<Response, WebError> {
    if has_a_space(&state, &caller).await? {
        return Ok(Redirect::to("/").into_response());
    }
    let together = match form.start.as_str() {
        "together" => true,
        "alone" => false,
        _ => return Err(WebError::BadRequest),
    };
    let zone = viewer_zone(&headers);
    let created = match spaces::parse_name(&form.name) {
        Ok(name) => spaces::create(&state, caller.person, name, zone).await,
        Err(error) => Err(error),
    };
    let space = match created {
        Ok(space) => space,
        Err(refused @ SpaceError::Name(_)) => {
            let message = refused.message(chrome.lang);
            let page = StartPage {
                name: form.name,
                name_error: Some(message),
                ..StartPage::new(chrome)
            };
            return Ok((status_for(&refused), page).into_response());
        }
        Err(other) => return Err(page_error(other)),
    };
    if !together {
        return Ok(Redirect::to(&format!("/spaces/{space}")).into_response());
    }
    match spaces::issue_invite(&state, caller.person, space).await {
        Ok(issued) => to_invite_page(&state, space, &issued),
        // The space exists either way; its page offers the invite again.
        Err(_) => Ok(Redirect::to(&format!("/spaces/{space}")).into_response()),
    }
}

#[derive(Deserialize)]
pub(crate) struct JoinForm {
    #[serde(default)]
    link: String,
}

/// The token of an invite link as a partner may paste it: the whole address, the path, or the
/// token alone. Anything else is not an invite link.
fn invite_token(pasted: &str) -> Option<&str> {
    let pasted = pasted.trim();
    let token = match pasted.rsplit_once("/invites/") {
        Some((_, rest)) => rest.split(['/', '?', '#']).next().unwrap_or_default(),
        None => pasted,
    };
    let looks_like_token = (16..=128).contains(&token.len())
        && token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    looks_like_token.then_some(token)
}

/// Opens the partner's invite from a pasted link: the invite's own page then says whose space it
/// is and asks to join.
pub(crate) async fn join(
    SignedIn(_caller): SignedIn,
    chrome: Chrome,
    Form(form): Form<JoinForm>,
) -> Response {
    match invite_token(&form.link) {
        Some(token) => Redirect::to(&format!("/invites/{token}")).into_response(),
        None => {
            let message = if form.link.trim().is_empty() {
                chrome.t("start-join-link-missing")
            } else {
                chrome.t("start-join-link-unreadable")
            };
            let page = StartPage {
                link: form.link,
                link_error: Some(message),
                ..StartPage::new(chrome)
            };
            (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::invite_token;

    #[test]
    fn an_invite_link_is_read_whole_as_a_path_or_as_its_token() {
        let token = "AbCdEfGhIjKlMnOpQrStUv_-0123";
        for pasted in [
            format!("https://steadfast.example/invites/{token}"),
            format!("  http://192.168.1.5:8787/invites/{token}?from=share#top \n"),
            format!("/invites/{token}"),
            token.to_owned(),
        ] {
            assert_eq!(invite_token(&pasted), Some(token), "{pasted}");
        }
    }

    #[test]
    fn what_is_not_an_invite_link_is_refused() {
        for pasted in [
            "",
            "   ",
            "hello",
            "https://steadfast.example/invites/",
            "https://steadfast.example/invites/short",
            "https://evil.example/invites/<script>alert(1)</script>aaaaaaaaaaaa",
            "../../account/delete-aaaaaaaaaaaaa",
        ] {
            assert_eq!(invite_token(pasted), None, "{pasted:?}");
        }
    }
}
