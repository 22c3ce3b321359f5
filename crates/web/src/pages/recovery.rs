//! The recovery page, open without signing in: a login name, one recovery code and a new
//! password. It never goes through the partner. A refused form keeps the login name only.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use crate::auth::{doors, session};
use crate::error::{Say, WebError, crowded_form, status_for};
use crate::state::AppState;
use steadfast_app::Failure;
use steadfast_app::recovery::{RecoveryError, RecoveryInput};

#[derive(Template, WebTemplate)]
#[template(path = "recovery.html")]
pub(crate) struct RecoveryPage {
    chrome: Chrome,
    username: String,
    failure: Option<String>,
    password_error: Option<String>,
}

pub(crate) async fn form(chrome: Chrome) -> RecoveryPage {
    RecoveryPage {
        chrome,
        username: String::new(),
        failure: None,
        password_error: None,
    }
}

#[derive(Deserialize)]
pub(crate) struct RecoveryForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    new_password: String,
}

/// Sets the new password, signs in afresh and goes to the account page, which says what
/// happened and how many codes are left.
pub(crate) async fn recover(
    State(state): State<AppState>,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<RecoveryForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let input = RecoveryInput {
        username: &form.username,
        code: &form.code,
        new_password: &form.new_password,
    };
    let recovered = doors::recover(&state, input, &parts.headers, &address).await?;
    let (status, failure, password_error) = match recovered {
        Ok(recovered) => {
            let cookies = session::sign_in_cookies(
                state.config.secure_cookies,
                &recovered.session_token,
                recovered.device_token.as_deref(),
            )?;
            return Ok((cookies, Redirect::to("/account?done=recovered")).into_response());
        }
        Err(refused @ RecoveryError::Mismatch) => (
            status_for(&refused),
            Some(refused.message(chrome.lang)),
            None,
        ),
        Err(refused @ RecoveryError::Invalid(_)) => (
            status_for(&refused),
            None,
            Some(refused.message(chrome.lang)),
        ),
        Err(RecoveryError::Failed(Failure::Crowded)) => (
            StatusCode::TOO_MANY_REQUESTS,
            Some(chrome.t("error-crowded-text")),
            None,
        ),
        Err(RecoveryError::Failed(failure)) => return Err(failure.into()),
    };
    let page = RecoveryPage {
        chrome,
        username: form.username,
        failure,
        password_error,
    };
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Ok(crowded_form(page));
    }
    Ok((status, page).into_response())
}
