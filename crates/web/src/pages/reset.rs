//! The page a one-time password link opens (`/set-password/<token>`), open without signing in:
//! the person the operator made the link for chooses their own password. A link that cannot be
//! used says so in one sentence, the same whether it was used, ran out or was replaced (410), and
//! the same words for a link that never existed (404). A refused password re-shows the form.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use steadfast_store::{LinkPurpose, LinkState};

use super::Chrome;
use crate::auth::session;
use crate::error::{Say, WebError, crowded_form, status_for};
use crate::state::AppState;
use steadfast_app::Failure;
use steadfast_app::accounts;
use steadfast_app::password_links::{self, SetError};
use steadfast_app::passwords::Claimant;

#[derive(Template, WebTemplate)]
#[template(path = "set_password.html")]
pub(crate) struct SetPasswordPage {
    chrome: Chrome,
    lead: String,
    username: String,
    action: String,
    password_error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "set_password_refused.html")]
pub(crate) struct RefusedPage {
    chrome: Chrome,
}

/// A new account's recovery codes, shown once after its first password is set.
#[derive(Template, WebTemplate)]
#[template(path = "recovery_codes.html")]
pub(crate) struct CodesPage {
    chrome: Chrome,
    codes: Vec<String>,
    continue_to: String,
}

#[derive(Deserialize)]
pub(crate) struct SetPasswordForm {
    #[serde(default)]
    new_password: String,
}

pub(crate) async fn form(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    match password_links::look_up(&state, &token).await? {
        LinkState::Usable {
            username, purpose, ..
        } => Ok(page(chrome, &token, username, purpose, None).into_response()),
        LinkState::Spent => Ok(refused(chrome, StatusCode::GONE)),
        LinkState::Unknown => Ok(refused(chrome, StatusCode::NOT_FOUND)),
    }
}

/// Sets the password and signs the person in. A new account then sees its recovery codes once;
/// after a recovery the account page says every other session has ended.
pub(crate) async fn set(
    State(state): State<AppState>,
    chrome: Chrome,
    parts: Parts,
    Path(token): Path<String>,
    Form(form): Form<SetPasswordForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let claimant = Claimant::Address(address);
    let arrival = session::arrival(&state, &parts.headers);
    let set =
        password_links::set_password(&state, &token, &form.new_password, &claimant, &arrival).await;
    match set {
        Ok(set) => {
            let cookie = session::set_cookie(state.config.secure_cookies, &set.session_token)?;
            match set.purpose {
                LinkPurpose::Welcome => {
                    let codes = accounts::new_recovery_codes(&state, set.person).await?;
                    let page = CodesPage {
                        chrome,
                        codes,
                        continue_to: "/spaces".to_owned(),
                    };
                    Ok((
                        [
                            (header::SET_COOKIE, cookie),
                            (
                                header::CACHE_CONTROL,
                                header::HeaderValue::from_static("no-store"),
                            ),
                        ],
                        page,
                    )
                        .into_response())
                }
                LinkPurpose::Recovery => Ok((
                    [(header::SET_COOKIE, cookie)],
                    Redirect::to("/account?done=recovered"),
                )
                    .into_response()),
            }
        }
        Err(invalid @ SetError::Invalid(_)) => {
            let message = invalid.message(chrome.lang);
            // The link was good a moment ago; look again for the words that go with it.
            match password_links::look_up(&state, &token).await? {
                LinkState::Usable {
                    username, purpose, ..
                } => Ok((
                    status_for(&invalid),
                    page(chrome, &token, username, purpose, Some(message)),
                )
                    .into_response()),
                LinkState::Spent => Ok(refused(chrome, StatusCode::GONE)),
                LinkState::Unknown => Ok(refused(chrome, StatusCode::NOT_FOUND)),
            }
        }
        Err(SetError::Failed(Failure::Crowded)) => {
            let message = chrome.t("error-crowded-text");
            match password_links::look_up(&state, &token).await? {
                LinkState::Usable {
                    username, purpose, ..
                } => Ok(crowded_form(page(
                    chrome,
                    &token,
                    username,
                    purpose,
                    Some(message),
                ))),
                LinkState::Spent => Ok(refused(chrome, StatusCode::GONE)),
                LinkState::Unknown => Ok(refused(chrome, StatusCode::NOT_FOUND)),
            }
        }
        Err(spent @ (SetError::Spent | SetError::Unknown)) => {
            Ok(refused(chrome, status_for(&spent)))
        }
        Err(SetError::Failed(failure)) => Err(failure.into()),
    }
}

fn page(
    chrome: Chrome,
    token: &str,
    username: String,
    purpose: LinkPurpose,
    password_error: Option<String>,
) -> SetPasswordPage {
    let lead = match purpose {
        LinkPurpose::Welcome => chrome.t("set-password-lead-welcome"),
        LinkPurpose::Recovery => chrome.t("set-password-lead-recovery"),
    };
    SetPasswordPage {
        lead,
        username,
        action: password_links::link_path(token_in_path(token)),
        password_error,
        chrome,
    }
}

fn refused(chrome: Chrome, status: StatusCode) -> Response {
    (status, RefusedPage { chrome }).into_response()
}

/// A token as it may appear in a link of ours: hex digits only, so nothing else is echoed.
fn token_in_path(token: &str) -> &str {
    if token.bytes().all(|b| b.is_ascii_hexdigit()) {
        token
    } else {
        ""
    }
}
