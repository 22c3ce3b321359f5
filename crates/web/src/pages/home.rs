use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use crate::AppState;
use crate::auth::session::MaybeSignedIn;
use crate::error::WebError;
use crate::spaces;

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub(crate) struct HomePage {
    chrome: Chrome,
}

/// The start page: what Steadfast is, with "create an account" first, and how to leave in a
/// hurry. Someone signed in is taken to their space instead (to the guided start when they never
/// had one, to their list of spaces when they have several): this page is for people who are
/// not in yet.
pub(crate) async fn show(
    State(state): State<AppState>,
    MaybeSignedIn(caller): MaybeSignedIn,
    chrome: Chrome,
) -> Result<Response, WebError> {
    let Some(caller) = caller else {
        return Ok(HomePage { chrome }.into_response());
    };
    let landing = match spaces::only_current(&state, caller.person).await? {
        Some(space) => format!("/spaces/{space}"),
        // Someone who never had a space is new here: the guided start asks how to begin. A
        // coach's account holds no space of its own and goes to its list as before.
        None if !caller.kind.is_coach()
            && spaces::list(&state, caller.person).await?.is_empty() =>
        {
            "/start".to_owned()
        }
        None => "/spaces".to_owned(),
    };
    Ok(Redirect::to(&landing).into_response())
}
