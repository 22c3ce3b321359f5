use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use crate::auth::session::MaybeSignedIn;
use crate::error::WebError;
use crate::state::AppState;
use steadfast_app::spaces::{self, Landing};

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
    let landing = match spaces::landing(&state, &caller).await? {
        Landing::Space(space) => format!("/spaces/{space}"),
        Landing::Start => "/start".to_owned(),
        Landing::List => "/spaces".to_owned(),
    };
    Ok(Redirect::to(&landing).into_response())
}
