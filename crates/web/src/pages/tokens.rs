//! Personal API tokens on the account page: make one (with the password again; shown once, on
//! the answer to the form), revoke one, and dismiss the notice that one was made.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::Chrome;
use super::account::{self, AccountForms};
use crate::auth::doors::{self, TokenRequest};
use crate::auth::session::{self, SignedIn};
use crate::error::{Say, WebError, status_for};
use crate::state::AppState;
use steadfast_app::Failure;
use steadfast_app::account_management::OwnPasswordError;
use steadfast_app::tokens::{self, TokenError};

#[derive(Template, WebTemplate)]
#[template(path = "token_created.html")]
pub(crate) struct TokenCreatedPage {
    chrome: Chrome,
    token: String,
}

#[derive(Deserialize)]
pub(crate) struct NewTokenForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    label: String,
    /// Blank for the default.
    #[serde(default)]
    expires_in_days: String,
}

fn page_error(error: TokenError) -> WebError {
    match error {
        // Pages are opened by session cookie only, so this cannot be reached from a page.
        TokenError::SessionNeeded => WebError::SignInNeeded {
            next: "/account".to_owned(),
        },
        TokenError::Label(_) | TokenError::Lifetime(_) | TokenError::Password(_) => {
            WebError::BadRequest
        }
        TokenError::NotFound => WebError::NotFound,
        TokenError::Failed(failure) => failure.into(),
    }
}

/// Makes a token and shows it, this once.
pub(crate) async fn create(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    chrome: Chrome,
    parts: Parts,
    Form(form): Form<NewTokenForm>,
) -> Result<Response, WebError> {
    let address = session::client_address(&parts);
    let days = form.expires_in_days.trim();
    // Text that is not a whole number is refused like a number out of range.
    let expires_in_days = if days.is_empty() {
        None
    } else {
        Some(days.parse::<i64>().unwrap_or(0))
    };
    let request = TokenRequest {
        password: &form.password,
        label: &form.label,
        expires_in_days,
    };
    let mut forms = AccountForms {
        token_label: form.label.clone(),
        token_days: form.expires_in_days.clone(),
        ..AccountForms::default()
    };
    let status = match doors::create_token(&state, &caller, request, &address).await? {
        Ok(created) => {
            return Ok(TokenCreatedPage {
                chrome,
                token: created.token,
            }
            .into_response());
        }
        Err(refused @ TokenError::Label(_)) => {
            forms.token_label_error = Some(refused.message(chrome.lang));
            status_for(&refused)
        }
        Err(refused @ TokenError::Lifetime(_)) => {
            forms.token_days_error = Some(refused.message(chrome.lang));
            status_for(&refused)
        }
        Err(TokenError::Password(error)) => {
            let (status, message) = account::own_password_refusal(error, &chrome)?;
            forms.token_password_error = Some(message);
            status
        }
        Err(TokenError::Failed(Failure::Crowded)) => {
            let (status, message) =
                account::own_password_refusal(OwnPasswordError::Failed(Failure::Crowded), &chrome)?;
            forms.token_password_error = Some(message);
            status
        }
        Err(error) => return Err(page_error(error)),
    };
    account::refused(&state, &caller, chrome, forms, status).await
}

/// The owner has seen that a token was made; the account page stops announcing it.
pub(crate) async fn dismiss_notice(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Redirect, WebError> {
    tokens::dismiss_notice(&state, &caller, &id)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to("/account#tokens-heading"))
}

/// Revokes one of the person's tokens; someone else's is not found.
pub(crate) async fn revoke(
    State(state): State<AppState>,
    SignedIn(caller): SignedIn,
    Path(id): Path<String>,
) -> Result<Redirect, WebError> {
    tokens::revoke(&state, &caller, &id)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to("/account?done=token-revoked"))
}
