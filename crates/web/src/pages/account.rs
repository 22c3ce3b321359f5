//! The person's own account page: where they are signed in, and the way to end those sessions.
//! Nobody else can see it — not a partner, not a coach, not the operator.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

use super::Chrome;
use crate::AppState;
use crate::auth::session::{self, SignedIn};
use crate::error::WebError;

pub(crate) struct SessionLine {
    device: String,
    started: String,
    active: String,
    current: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
pub(crate) struct AccountPage {
    chrome: Chrome,
    signed_in_as: String,
    sessions: Vec<SessionLine>,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
) -> Result<AccountPage, WebError> {
    let now = state.now();
    let lang = chrome.lang;
    let sessions = state
        .store
        .sessions_of(caller.person)
        .await?
        .into_iter()
        .map(|record| SessionLine {
            current: caller.session_hash() == Some(record.id_hash.as_str()),
            started: lang.t_with(
                "session-started",
                &[("ago", lang.ago(record.created_at, now))],
            ),
            active: lang.t_with(
                "session-active",
                &[("ago", lang.ago(record.last_seen_at, now))],
            ),
            device: record.device,
        })
        .collect();
    Ok(AccountPage {
        signed_in_as: lang.t_with("account-signed-in-as", &[("name", caller.username.clone())]),
        sessions,
        chrome,
    })
}

/// Ends every other session of this person; this one stays.
pub(crate) async fn sign_out_others(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Redirect, WebError> {
    state
        .store
        .delete_sessions_of(caller.person, caller.session_hash())
        .await?;
    Ok(Redirect::to("/account"))
}

/// Ends every session of this person, this one included.
pub(crate) async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
) -> Result<Response, WebError> {
    state.store.delete_sessions_of(caller.person, None).await?;
    let cookie = session::clear_cookie(state.config.secure_cookies);
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to("/sign-in?signed_out=1"),
    )
        .into_response())
}
